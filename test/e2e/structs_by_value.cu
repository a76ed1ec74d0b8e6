// RUN: %cuport-cc -O2 %s -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: PASSED
//
// Structs across the host/device boundary: padded layouts (char + double +
// int), nested structs, arrays inside structs, passed to kernels by value
// and stored in device memory. The device reports sizeof/offsetof/alignof of
// every type, which must match the host's, and echoes every field it
// received so a wrong argument layout shows up as a named field.
#include <cuda_runtime.h>

#include <cstddef>
#include <cstdio>
#include <cstdlib>

#define CUDA_CHECK(call)                                                      \
  do {                                                                        \
    cudaError_t err_ = (call);                                                \
    if (err_ != cudaSuccess) {                                                \
      printf("CUDA error %s at %s:%d: %s\n", cudaGetErrorName(err_), __FILE__, \
             __LINE__, #call);                                                \
      exit(1);                                                                \
    }                                                                         \
  } while (0)

struct Padded {
  char c;
  double d;
  int i;
};

struct Inner {
  short s;
  float f[3];
};

struct Outer {
  char tag;
  Inner in;
  Padded p;
  long long ll;
  int arr[5];
};

struct Params {
  Padded p;
  Outer o;
  float weights[7];
  unsigned char flags[3];
};

struct IntArray16 {
  int v[16];
};

#define LAYOUT_LIST(X)                                                        \
  X(sizeof(Padded)) X(alignof(Padded)) X(offsetof(Padded, d))                 \
  X(offsetof(Padded, i)) X(sizeof(Inner)) X(offsetof(Inner, f))               \
  X(sizeof(Outer)) X(alignof(Outer)) X(offsetof(Outer, in))                   \
  X(offsetof(Outer, p)) X(offsetof(Outer, ll)) X(offsetof(Outer, arr))        \
  X(sizeof(Params)) X(offsetof(Params, o)) X(offsetof(Params, weights))       \
  X(offsetof(Params, flags)) X(sizeof(IntArray16))

__global__ void layoutProbe(unsigned long long *out) {
  int k = 0;
#define WRITE(e) out[k++] = (e);
  LAYOUT_LIST(WRITE)
#undef WRITE
}

// Writes every scalar field of the by-value arguments, in declaration order.
__global__ void echoParams(Params prm, Padded extra, Outer o2, double *out) {
  if (threadIdx.x != 0 || blockIdx.x != 0)
    return;
  int k = 0;
  out[k++] = prm.p.c;
  out[k++] = prm.p.d;
  out[k++] = prm.p.i;
  out[k++] = prm.o.tag;
  out[k++] = prm.o.in.s;
  for (int j = 0; j < 3; ++j)
    out[k++] = prm.o.in.f[j];
  out[k++] = prm.o.p.c;
  out[k++] = prm.o.p.d;
  out[k++] = prm.o.p.i;
  out[k++] = (double)prm.o.ll;
  for (int j = 0; j < 5; ++j)
    out[k++] = prm.o.arr[j];
  for (int j = 0; j < 7; ++j)
    out[k++] = prm.weights[j];
  for (int j = 0; j < 3; ++j)
    out[k++] = prm.flags[j];
  out[k++] = extra.c;
  out[k++] = extra.d;
  out[k++] = extra.i;
  out[k++] = o2.tag;
  out[k++] = o2.in.s;
  out[k++] = (double)o2.ll;
  out[k++] = o2.arr[4];
}

// Every thread reads the whole by-value array.
__global__ void prefixFromArray(IntArray16 a, int *out) {
  int t = threadIdx.x;
  int s = 0;
  for (int j = 0; j <= t % 16; ++j)
    s += a.v[j];
  out[t] = s;
}

__device__ Inner makeInner(int i) {
  Inner r;
  r.s = (short)(-i);
  for (int j = 0; j < 3; ++j)
    r.f[j] = 0.5f * (float)(i + j);
  return r;
}

// Structs in global memory: read, modify and write whole nested structs.
__global__ void updateOuters(Outer *v, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n)
    return;
  Outer o = v[i];
  o.tag = (char)(o.tag + 1);
  o.in = makeInner(i);
  o.p.d = o.p.d * 2.0 + (double)o.p.c;
  o.p.i = o.p.i - i;
  o.ll = o.ll * 3 - 1;
  for (int j = 0; j < 5; ++j)
    o.arr[j] += j * i;
  v[i] = o;
}

static int Failures = 0;
static void expectEq(const char *what, double got, double want) {
  if (got != want) {
    if (Failures < 10)
      printf("mismatch: %s = %.17g, want %.17g\n", what, got, want);
    ++Failures;
  }
}

int main() {
  // Layout must agree between host and device.
  const char *layoutNames[] = {
#define NAME(e) #e,
      LAYOUT_LIST(NAME)
#undef NAME
  };
  const unsigned long long hostLayout[] = {
#define VALUE(e) (unsigned long long)(e),
      LAYOUT_LIST(VALUE)
#undef VALUE
  };
  const int nLayout = sizeof(hostLayout) / sizeof(hostLayout[0]);
  unsigned long long *dLayout, devLayout[32];
  CUDA_CHECK(cudaMalloc(&dLayout, sizeof(devLayout)));
  layoutProbe<<<1, 1>>>(dLayout);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaDeviceSynchronize());
  CUDA_CHECK(cudaMemcpy(devLayout, dLayout, nLayout * sizeof(unsigned long long),
                        cudaMemcpyDeviceToHost));
  for (int k = 0; k < nLayout; ++k)
    expectEq(layoutNames[k], (double)devLayout[k], (double)hostLayout[k]);
  // The padding itself is as the C ABI says: char then 7 bytes of padding.
  expectEq("offsetof(Padded, d) on host", (double)offsetof(Padded, d), 8);
  expectEq("sizeof(Padded) on host", (double)sizeof(Padded), 24);

  // By-value arguments.
  Params prm;
  prm.p = Padded{'A', 3.141592653589793, -77};
  prm.o.tag = 'z';
  prm.o.in.s = -1234;
  prm.o.in.f[0] = 1.5f;
  prm.o.in.f[1] = -2.25f;
  prm.o.in.f[2] = 1e-3f;
  prm.o.p = Padded{'\x7f', -1e300, 2147483647};
  prm.o.ll = -9000000000000000000LL;
  for (int j = 0; j < 5; ++j)
    prm.o.arr[j] = 100 * j - 250;
  for (int j = 0; j < 7; ++j)
    prm.weights[j] = 0.125f * (float)(j * j) - 1.0f;
  prm.flags[0] = 0;
  prm.flags[1] = 200;
  prm.flags[2] = 255;
  Padded extra = {'!', 6.02214076e23, 42};
  Outer o2 = prm.o;
  o2.tag = 'q';
  o2.in.s = 32767;
  o2.ll = 1LL << 40;
  o2.arr[4] = -99;

  const double want[] = {
      'A', 3.141592653589793, -77, 'z', -1234, 1.5, -2.25, (double)1e-3f,
      127, -1e300, 2147483647, -9000000000000000000.0,
      -250, -150, -50, 50, 150,
      (double)(0.125f * 0 - 1.0f), (double)(0.125f * 1 - 1.0f), (double)(0.125f * 4 - 1.0f),
      (double)(0.125f * 9 - 1.0f), (double)(0.125f * 16 - 1.0f), (double)(0.125f * 25 - 1.0f),
      (double)(0.125f * 36 - 1.0f),
      0, 200, 255,
      '!', 6.02214076e23, 42,
      'q', 32767, (double)(1LL << 40), -99};
  const int nWant = sizeof(want) / sizeof(want[0]);
  double *dEcho, echo[64];
  CUDA_CHECK(cudaMalloc(&dEcho, sizeof(echo)));
  echoParams<<<1, 32>>>(prm, extra, o2, dEcho);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaDeviceSynchronize());
  CUDA_CHECK(cudaMemcpy(echo, dEcho, nWant * sizeof(double), cudaMemcpyDeviceToHost));
  for (int k = 0; k < nWant; ++k) {
    char what[64];
    snprintf(what, sizeof(what), "echoed by-value field #%d", k);
    expectEq(what, echo[k], want[k]);
  }

  // A struct holding an array, by value.
  IntArray16 arr;
  for (int j = 0; j < 16; ++j)
    arr.v[j] = (j + 1) * (j % 2 ? -3 : 5);
  int *dPrefix, prefix[64];
  CUDA_CHECK(cudaMalloc(&dPrefix, sizeof(prefix)));
  prefixFromArray<<<1, 64>>>(arr, dPrefix);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaDeviceSynchronize());
  CUDA_CHECK(cudaMemcpy(prefix, dPrefix, sizeof(prefix), cudaMemcpyDeviceToHost));
  for (int t = 0; t < 64; ++t) {
    int s = 0;
    for (int j = 0; j <= t % 16; ++j)
      s += (j + 1) * (j % 2 ? -3 : 5);
    char what[64];
    snprintf(what, sizeof(what), "prefixFromArray[%d]", t);
    expectEq(what, prefix[t], s);
  }

  // Arrays of nested structs in device memory.
  const int n = 77;
  Outer *hv = (Outer *)malloc(n * sizeof(Outer));
  for (int i = 0; i < n; ++i) {
    hv[i].tag = (char)('a' + i % 20);
    hv[i].in.s = 0;
    hv[i].in.f[0] = hv[i].in.f[1] = hv[i].in.f[2] = 0;
    hv[i].p = Padded{(char)(i % 10), 0.25 * i, 1000 + i};
    hv[i].ll = 1000000007LL * i;
    for (int j = 0; j < 5; ++j)
      hv[i].arr[j] = i + j;
  }
  Outer *dv;
  CUDA_CHECK(cudaMalloc(&dv, n * sizeof(Outer)));
  CUDA_CHECK(cudaMemcpy(dv, hv, n * sizeof(Outer), cudaMemcpyHostToDevice));
  updateOuters<<<(n + 31) / 32, 32>>>(dv, n);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaDeviceSynchronize());
  Outer *back = (Outer *)malloc(n * sizeof(Outer));
  CUDA_CHECK(cudaMemcpy(back, dv, n * sizeof(Outer), cudaMemcpyDeviceToHost));
  for (int i = 0; i < n; ++i) {
    char what[64];
    snprintf(what, sizeof(what), "Outer[%d].tag", i);
    expectEq(what, back[i].tag, 'a' + i % 20 + 1);
    snprintf(what, sizeof(what), "Outer[%d].in.s", i);
    expectEq(what, back[i].in.s, -i);
    for (int j = 0; j < 3; ++j) {
      snprintf(what, sizeof(what), "Outer[%d].in.f[%d]", i, j);
      expectEq(what, back[i].in.f[j], 0.5 * (i + j));
    }
    snprintf(what, sizeof(what), "Outer[%d].p.c", i);
    expectEq(what, back[i].p.c, i % 10);
    snprintf(what, sizeof(what), "Outer[%d].p.d", i);
    expectEq(what, back[i].p.d, 0.5 * i + i % 10);
    snprintf(what, sizeof(what), "Outer[%d].p.i", i);
    expectEq(what, back[i].p.i, 1000);
    snprintf(what, sizeof(what), "Outer[%d].ll", i);
    expectEq(what, (double)back[i].ll, (double)(3000000021LL * i - 1));
    for (int j = 0; j < 5; ++j) {
      snprintf(what, sizeof(what), "Outer[%d].arr[%d]", i, j);
      expectEq(what, back[i].arr[j], i + j + j * i);
    }
  }

  CUDA_CHECK(cudaFree(dLayout));
  CUDA_CHECK(cudaFree(dEcho));
  CUDA_CHECK(cudaFree(dPrefix));
  CUDA_CHECK(cudaFree(dv));
  free(hv);
  free(back);
  if (Failures) {
    printf("FAILED: %d mismatches\n", Failures);
    return 1;
  }
  printf("PASSED\n");
  return 0;
}
