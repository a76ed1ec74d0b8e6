// RUN: %cuport-cc -O2 %s -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: PASSED
//
// A kernel with 20 scalar parameters of mixed sizes and alignments (char,
// bool, short, int, long, long long, float, double, unsigned variants) plus
// an output pointer, launched twice with different values so stale or
// misaligned arguments show up; and a kernel mixing scalars with a
// by-value struct and several pointers. Every parameter is echoed back and
// compared exactly.
#include <cuda_runtime.h>

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

__global__ void twentyParams(char p0, unsigned char p1, short p2, unsigned short p3, int p4,
                             unsigned p5, long p6, unsigned long long p7, long long p8,
                             float p9, double p10, bool p11, signed char p12, double p13,
                             float p14, int p15, short p16, long long p17, float p18,
                             unsigned p19, double *out) {
  int t = threadIdx.x;
  // Every thread writes its own row, so all threads must see the same arguments.
  double *o = out + t * 21;
  o[0] = p0;
  o[1] = p1;
  o[2] = p2;
  o[3] = p3;
  o[4] = p4;
  o[5] = p5;
  o[6] = (double)p6;
  o[7] = (double)p7;
  o[8] = (double)p8;
  o[9] = p9;
  o[10] = p10;
  o[11] = p11 ? 1.0 : 0.0;
  o[12] = p12;
  o[13] = p13;
  o[14] = p14;
  o[15] = p15;
  o[16] = p16;
  o[17] = (double)p17;
  o[18] = p18;
  o[19] = p19;
  o[20] = (double)p0 + p2 + p4 + (double)p8 + p15; // combined use
}

struct Box {
  short id;
  double lo[3];
  char label[5];
  float hi[3];
};

__global__ void mixed(int *outInt, char c, Box box, double *outDouble, short s,
                      const float *in, float f, float *outFloat, long long ll) {
  int t = threadIdx.x;
  outInt[t] = box.id + c + s + t;
  outDouble[t] = box.lo[t % 3] + (double)ll;
  outFloat[t] = in[t] * f + box.hi[t % 3] + (float)box.label[t % 5];
}

static int Failures = 0;
static void expectEq(const char *what, int i, double got, double want) {
  if (got != want) {
    if (Failures < 10)
      printf("mismatch: %s %d = %.17g, want %.17g\n", what, i, got, want);
    ++Failures;
  }
}

int main() {
  const int threads = 8;
  double *dOut, out[threads * 21];
  CUDA_CHECK(cudaMalloc(&dOut, sizeof(out)));

  for (int round = 0; round < 2; ++round) {
    char p0 = round ? 'x' : -5;
    unsigned char p1 = round ? 1 : 250;
    short p2 = round ? -32768 : 12345;
    unsigned short p3 = round ? 65535 : 7;
    int p4 = round ? -2147483647 : 99;
    unsigned p5 = round ? 4000000000u : 3u;
    long p6 = round ? -1234567890123L : 42L;
    unsigned long long p7 = round ? (1ull << 52) + 3 : 17ull;
    long long p8 = round ? -(1ll << 50) : 1ll << 40;
    float p9 = round ? -0.1f : 3.5f;
    double p10 = round ? 1e-300 : -2.718281828459045;
    bool p11 = round == 0;
    signed char p12 = round ? -128 : 127;
    double p13 = round ? 6.02e23 : 0.5;
    float p14 = round ? 1e30f : -1e-30f;
    int p15 = round ? 5 : -6;
    short p16 = round ? 1 : -1;
    long long p17 = round ? 9007199254740991ll : -9007199254740991ll;
    float p18 = round ? 0.0f : 123456.789f;
    unsigned p19 = round ? 0u : 0xffffffffu;
    const double want[21] = {(double)p0, (double)p1, (double)p2, (double)p3, (double)p4,
                             (double)p5, (double)p6, (double)p7, (double)p8, (double)p9,
                             p10, p11 ? 1.0 : 0.0, (double)p12, p13, (double)p14,
                             (double)p15, (double)p16, (double)p17, (double)p18, (double)p19,
                             (double)p0 + p2 + p4 + (double)p8 + p15};
    twentyParams<<<1, threads>>>(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13,
                                 p14, p15, p16, p17, p18, p19, dOut);
    CUDA_CHECK(cudaGetLastError());
    CUDA_CHECK(cudaDeviceSynchronize());
    CUDA_CHECK(cudaMemcpy(out, dOut, sizeof(out), cudaMemcpyDeviceToHost));
    for (int t = 0; t < threads; ++t)
      for (int k = 0; k < 21; ++k) {
        char what[64];
        snprintf(what, sizeof(what), "round %d thread %d parameter", round, t);
        expectEq(what, k, out[t * 21 + k], want[k]);
      }
  }

  Box box = {-300, {0.25, -1.5, 1e10}, {'a', 'b', 'c', 'd', 'e'}, {1.0f, 2.0f, 4.0f}};
  const int m = 32;
  float in[m];
  for (int t = 0; t < m; ++t)
    in[t] = 0.5f * t;
  int *dInt;
  double *dDouble;
  float *dIn, *dFloat;
  CUDA_CHECK(cudaMalloc(&dInt, m * sizeof(int)));
  CUDA_CHECK(cudaMalloc(&dDouble, m * sizeof(double)));
  CUDA_CHECK(cudaMalloc(&dIn, m * sizeof(float)));
  CUDA_CHECK(cudaMalloc(&dFloat, m * sizeof(float)));
  CUDA_CHECK(cudaMemcpy(dIn, in, sizeof(in), cudaMemcpyHostToDevice));
  mixed<<<1, m>>>(dInt, 'Z', box, dDouble, (short)-7, dIn, 4.0f, dFloat, 1000000000000ll);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaDeviceSynchronize());
  int outInt[m];
  double outDouble[m];
  float outFloat[m];
  CUDA_CHECK(cudaMemcpy(outInt, dInt, sizeof(outInt), cudaMemcpyDeviceToHost));
  CUDA_CHECK(cudaMemcpy(outDouble, dDouble, sizeof(outDouble), cudaMemcpyDeviceToHost));
  CUDA_CHECK(cudaMemcpy(outFloat, dFloat, sizeof(outFloat), cudaMemcpyDeviceToHost));
  const double lo[3] = {0.25, -1.5, 1e10};
  const float hi[3] = {1.0f, 2.0f, 4.0f};
  for (int t = 0; t < m; ++t) {
    expectEq("mixed int", t, outInt[t], -300 + 'Z' - 7 + t);
    expectEq("mixed double", t, outDouble[t], lo[t % 3] + 1e12);
    expectEq("mixed float", t, outFloat[t], 2.0 * t + hi[t % 3] + ('a' + t % 5));
  }

  CUDA_CHECK(cudaFree(dOut));
  CUDA_CHECK(cudaFree(dInt));
  CUDA_CHECK(cudaFree(dDouble));
  CUDA_CHECK(cudaFree(dIn));
  CUDA_CHECK(cudaFree(dFloat));
  if (Failures) {
    printf("FAILED: %d mismatches\n", Failures);
    return 1;
  }
  printf("PASSED\n");
  return 0;
}
