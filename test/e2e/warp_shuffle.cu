// RUN: %cuport-cc -O2 %s -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: PASSED
//
// Warp shuffles against a host model of CUDA's lanes: __shfl_sync,
// __shfl_up_sync, __shfl_down_sync and __shfl_xor_sync for every offset and
// every width 1..32, the legacy non-_sync forms, 64-bit, double, float and
// 16-bit values, a butterfly all-reduce and a warp-shuffle block reduction
// (the classic warpReduceSum + __shared__ pattern) over sizes that are not
// multiples of the block, in blocks whose size is not a multiple of 32, and
// with 2D blocks (lanes follow the linear thread index).
#include <cuda_runtime.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#define CUDA_CHECK(call)                                                      \
  do {                                                                        \
    cudaError_t err_ = (call);                                                \
    if (err_ != cudaSuccess) {                                                \
      printf("CUDA error %s at %s:%d: %s\n", cudaGetErrorName(err_), __FILE__, \
             __LINE__, #call);                                                \
      exit(1);                                                                \
    }                                                                         \
  } while (0)

static int failures = 0;
#define EXPECT(cond, ...)                                                     \
  do {                                                                        \
    if (!(cond) && failures++ < 20) {                                         \
      printf("FAILED: " __VA_ARGS__);                                         \
      printf("\n");                                                           \
    }                                                                         \
  } while (0)

enum Kind { Idx, Up, Down, Xor };

// The host model: the lane a shuffle reads, or the lane itself when the
// source falls out of the lane's segment of `width` lanes.
static int sourceLane(int kind, int lane, int arg, int width) {
  int start = lane & ~(width - 1), last = start + width - 1;
  switch (kind) {
  case Idx: return start + (arg & (width - 1));
  case Up: return lane - arg >= start ? lane - arg : lane;
  case Down: return lane + arg <= last ? lane + arg : lane;
  default: return (lane ^ arg) <= last ? (lane ^ arg) : lane;
  }
}

// One shuffle per (kind, arg, width) case; out[case * 32 + lane].
__global__ void shuffleAll(const int *in, int *out, int legacy) {
  int lane = threadIdx.x;
  int v = in[lane];
  int c = 0;
  for (int kind = 0; kind < 4; ++kind)
    for (int width = 1; width <= 32; width *= 2)
      for (int arg = 0; arg < 32; ++arg, ++c) {
        int r;
        if (!legacy) {
          switch (kind) {
          case Idx: r = __shfl_sync(0xffffffffu, v, arg, width); break;
          case Up: r = __shfl_up_sync(0xffffffffu, v, arg, width); break;
          case Down: r = __shfl_down_sync(0xffffffffu, v, arg, width); break;
          default: r = __shfl_xor_sync(0xffffffffu, v, arg, width); break;
          }
        } else {
          switch (kind) {
          case Idx: r = __shfl(v, arg, width); break;
          case Up: r = __shfl_up(v, arg, width); break;
          case Down: r = __shfl_down(v, arg, width); break;
          default: r = __shfl_xor(v, arg, width); break;
          }
        }
        out[c * 32 + lane] = r;
      }
}

// Other value types through the same exchange.
__global__ void shuffleTypes(const long long *l, const double *d, const float *f,
                             const unsigned short *h, long long *lo, double *dout,
                             float *fout, unsigned short *hout) {
  int lane = threadIdx.x;
  lo[lane] = __shfl_xor_sync(0xffffffffu, l[lane], 5);
  dout[lane] = __shfl_down_sync(0xffffffffu, d[lane], 3);
  fout[lane] = __shfl_up_sync(0xffffffffu, f[lane], 7);
  hout[lane] = __shfl_sync(0xffffffffu, h[lane], 31 - lane);
}

// Lanes that exist in a partial last warp take part; a shuffle never reads
// a lane that does not exist (CUDA leaves that value undefined).
__device__ int warpReduceSum(int v, int lanes) {
  int lane = (threadIdx.x + threadIdx.y * blockDim.x) % warpSize;
  unsigned mask = lanes == 32 ? 0xffffffffu : (1u << lanes) - 1;
  for (int offset = warpSize / 2; offset > 0; offset /= 2) {
    int other = __shfl_down_sync(mask, v, offset);
    if (lane + offset < lanes)
      v += other;
  }
  return v;
}

// The classic block reduction: per-warp shuffles, one partial per warp in
// __shared__, then the first warp reduces the partials.
__global__ void blockSum(const int *in, long long *out, int n) {
  __shared__ int partial[32];
  int tid = threadIdx.x + threadIdx.y * blockDim.x;
  int threads = blockDim.x * blockDim.y;
  int i = blockIdx.x * threads + tid;
  int v = i < n ? in[i] : 0;
  int lane = tid % warpSize, warp = tid / warpSize;
  int lanes = threads - warp * warpSize < warpSize ? threads - warp * warpSize : warpSize;
  v = warpReduceSum(v, lanes);
  if (lane == 0)
    partial[warp] = v;
  __syncthreads();
  int warps = (threads + warpSize - 1) / warpSize;
  if (warp == 0) {
    v = lane < warps ? partial[lane] : 0;
    v = warpReduceSum(v, lanes);
    if (lane == 0)
      out[blockIdx.x] = v;
  }
}

// Butterfly all-reduce: every lane ends with the warp's maximum.
__global__ void allMax(const float *in, float *out) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  float v = in[i];
  for (int m = 16; m > 0; m >>= 1)
    v = fmaxf(v, __shfl_xor_sync(0xffffffffu, v, m));
  out[i] = v;
}

int main() {
  // Every kind, offset and width, _sync and legacy.
  const int cases = 4 * 6 * 32;
  std::vector<int> in(32), out(cases * 32);
  for (int l = 0; l < 32; ++l)
    in[l] = 1000 + l * 7;
  int *dIn, *dOut;
  CUDA_CHECK(cudaMalloc(&dIn, 32 * sizeof(int)));
  CUDA_CHECK(cudaMalloc(&dOut, cases * 32 * sizeof(int)));
  CUDA_CHECK(cudaMemcpy(dIn, in.data(), 32 * sizeof(int), cudaMemcpyHostToDevice));
  for (int legacy = 0; legacy < 2; ++legacy) {
    CUDA_CHECK(cudaMemset(dOut, 0, cases * 32 * sizeof(int)));
    shuffleAll<<<1, 32>>>(dIn, dOut, legacy);
    CUDA_CHECK(cudaGetLastError());
    CUDA_CHECK(cudaMemcpy(out.data(), dOut, out.size() * sizeof(int), cudaMemcpyDeviceToHost));
    int c = 0;
    for (int kind = 0; kind < 4; ++kind)
      for (int width = 1; width <= 32; width *= 2)
        for (int arg = 0; arg < 32; ++arg, ++c)
          for (int l = 0; l < 32; ++l) {
            int want = in[sourceLane(kind, l, arg, width)];
            EXPECT(out[c * 32 + l] == want, "%s kind %d width %d arg %d lane %d: %d, want %d",
                   legacy ? "legacy" : "sync", kind, width, arg, l, out[c * 32 + l], want);
          }
  }

  // 64-bit, double, float and 16-bit values.
  std::vector<long long> l(32), lo(32);
  std::vector<double> d(32), dout(32);
  std::vector<float> f(32), fout(32);
  std::vector<unsigned short> h(32), hout(32);
  for (int i = 0; i < 32; ++i) {
    l[i] = (long long)0x123456789abcLL * (i + 1) - (1LL << 62);
    d[i] = 1.0 / (i + 3) - 1e300 * (i & 1);
    f[i] = -1.5f * i + 0.25f;
    h[i] = (unsigned short)(0xfff0 + i * 3);
  }
  long long *dl, *dlo;
  double *dd, *ddo;
  float *df, *dfo;
  unsigned short *dh, *dho;
  CUDA_CHECK(cudaMalloc(&dl, 256)); CUDA_CHECK(cudaMalloc(&dlo, 256));
  CUDA_CHECK(cudaMalloc(&dd, 256)); CUDA_CHECK(cudaMalloc(&ddo, 256));
  CUDA_CHECK(cudaMalloc(&df, 128)); CUDA_CHECK(cudaMalloc(&dfo, 128));
  CUDA_CHECK(cudaMalloc(&dh, 64)); CUDA_CHECK(cudaMalloc(&dho, 64));
  CUDA_CHECK(cudaMemcpy(dl, l.data(), 256, cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(dd, d.data(), 256, cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(df, f.data(), 128, cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(dh, h.data(), 64, cudaMemcpyHostToDevice));
  shuffleTypes<<<1, 32>>>(dl, dd, df, dh, dlo, ddo, dfo, dho);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaMemcpy(lo.data(), dlo, 256, cudaMemcpyDeviceToHost));
  CUDA_CHECK(cudaMemcpy(dout.data(), ddo, 256, cudaMemcpyDeviceToHost));
  CUDA_CHECK(cudaMemcpy(fout.data(), dfo, 128, cudaMemcpyDeviceToHost));
  CUDA_CHECK(cudaMemcpy(hout.data(), dho, 64, cudaMemcpyDeviceToHost));
  for (int i = 0; i < 32; ++i) {
    EXPECT(lo[i] == l[i ^ 5], "int64 xor lane %d", i);
    double wd = d[sourceLane(Down, i, 3, 32)];
    EXPECT(memcmp(&dout[i], &wd, 8) == 0, "double down lane %d", i);
    float wf = f[sourceLane(Up, i, 7, 32)];
    EXPECT(memcmp(&fout[i], &wf, 4) == 0, "float up lane %d", i);
    EXPECT(hout[i] == h[31 - i], "16-bit idx lane %d: %u, want %u", i, hout[i], h[31 - i]);
  }

  // Block reductions: 1D blocks of 32, 96, 100 and 1024 threads, a 2D
  // block of 16x6, sizes that leave partial blocks.
  struct Shape { int x, y; } shapes[] = {{32, 1}, {96, 1}, {100, 1}, {1024, 1}, {16, 6}, {33, 3}};
  int sizes[] = {1, 31, 33, 1000, 100003};
  for (Shape s : shapes)
    for (int n : sizes) {
      int threads = s.x * s.y, blocks = (n + threads - 1) / threads;
      std::vector<int> a(n);
      for (int i = 0; i < n; ++i)
        a[i] = (int)((i * 2654435761u) % 2001) - 1000;
      int *da;
      long long *dsum;
      CUDA_CHECK(cudaMalloc(&da, n * sizeof(int)));
      CUDA_CHECK(cudaMalloc(&dsum, blocks * sizeof(long long)));
      CUDA_CHECK(cudaMemcpy(da, a.data(), n * sizeof(int), cudaMemcpyHostToDevice));
      blockSum<<<blocks, dim3(s.x, s.y)>>>(da, dsum, n);
      CUDA_CHECK(cudaGetLastError());
      std::vector<long long> sums(blocks);
      CUDA_CHECK(cudaMemcpy(sums.data(), dsum, blocks * sizeof(long long), cudaMemcpyDeviceToHost));
      for (int b = 0; b < blocks; ++b) {
        long long want = 0;
        for (int i = b * threads; i < n && i < (b + 1) * threads; ++i)
          want += a[i];
        EXPECT(sums[b] == want, "blockSum %dx%d n=%d block %d: %lld, want %lld", s.x, s.y, n, b,
               sums[b], want);
      }
      CUDA_CHECK(cudaFree(da));
      CUDA_CHECK(cudaFree(dsum));
    }

  // Butterfly max over 8 warps.
  const int m = 256;
  std::vector<float> x(m), mx(m);
  for (int i = 0; i < m; ++i)
    x[i] = (float)((i * 37) % 101) - 50.5f;
  float *dx, *dmx;
  CUDA_CHECK(cudaMalloc(&dx, m * sizeof(float)));
  CUDA_CHECK(cudaMalloc(&dmx, m * sizeof(float)));
  CUDA_CHECK(cudaMemcpy(dx, x.data(), m * sizeof(float), cudaMemcpyHostToDevice));
  allMax<<<2, 128>>>(dx, dmx);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaMemcpy(mx.data(), dmx, m * sizeof(float), cudaMemcpyDeviceToHost));
  for (int w = 0; w < m / 32; ++w) {
    float want = x[w * 32];
    for (int i = 1; i < 32; ++i)
      want = x[w * 32 + i] > want ? x[w * 32 + i] : want;
    for (int i = 0; i < 32; ++i)
      EXPECT(mx[w * 32 + i] == want, "allMax warp %d lane %d", w, i);
  }

  if (failures) {
    printf("%d failures\n", failures);
    return 1;
  }
  printf("PASSED\n");
  return 0;
}
