// RUN: %cuport-cc -O2 %s -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: cooperative over the bound: cudaErrorCooperativeLaunchTooLarge
// CHECK: PASSED
//
// The occupancy API on a kernel compiled by cuport-cc, through the
// cuda_runtime.h templates programs use: the block size
// cudaOccupancyMaxPotentialBlockSize picks keeps the most threads resident
// of all block sizes, its minimum grid fills the device, and a grid-stride
// kernel launched with them computes the right result. Cooperative launches
// run when the grid fits blocks-per-SM x SMs and fail with
// cudaErrorCooperativeLaunchTooLarge above it, without becoming sticky.
#include <cuda_runtime.h>

#include <cstdio>
#include <cstdlib>
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

static int Failures = 0;
#define EXPECT(cond)                                                          \
  do {                                                                        \
    if (!(cond)) {                                                            \
      printf("FAILED at %s:%d: %s\n", __FILE__, __LINE__, #cond);             \
      ++Failures;                                                             \
    }                                                                         \
  } while (0)

__global__ void scale(const float *in, float *out, int n, float k) {
  __shared__ float stage[256];
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += gridDim.x * blockDim.x) {
    stage[threadIdx.x % 256] = in[i];
    out[i] = stage[threadIdx.x % 256] * k;
  }
}

__global__ void countBlocks(int *perBlock) {
  if (threadIdx.x == 0)
    perBlock[blockIdx.x] += 1;
}

static int active(const void *f, int block, size_t dyn) {
  int n = -1;
  CUDA_CHECK(cudaOccupancyMaxActiveBlocksPerMultiprocessor(&n, f, block, dyn));
  return n;
}

int main() {
  cudaDeviceProp p;
  CUDA_CHECK(cudaGetDeviceProperties(&p, 0));
  cudaFuncAttributes a;
  CUDA_CHECK(cudaFuncGetAttributes(&a, scale));

  int minGrid = 0, block = 0;
  CUDA_CHECK(cudaOccupancyMaxPotentialBlockSize(&minGrid, &block, scale));
  EXPECT(block > 0 && block <= a.maxThreadsPerBlock);
  int perSM = active((const void *)scale, block, 0);
  EXPECT(perSM >= 1);
  EXPECT(minGrid == perSM * p.multiProcessorCount);
  for (int b = 1; b <= a.maxThreadsPerBlock; ++b) {
    int n = active((const void *)scale, b, 0);
    EXPECT((long)b * n <= (long)block * perSM);
    EXPECT((long)n * ((b + p.warpSize - 1) / p.warpSize * p.warpSize) <=
           p.maxThreadsPerMultiProcessor);
    EXPECT(n <= p.maxBlocksPerMultiProcessor);
    EXPECT(n * a.sharedSizeBytes <= p.sharedMemPerMultiprocessor);
  }
  // The templates with a limit and with dynamic shared memory per size.
  int limited = 0;
  CUDA_CHECK(cudaOccupancyMaxPotentialBlockSize(&minGrid, &limited, scale, 0, 96));
  EXPECT(limited > 0 && limited <= 96);
  CUDA_CHECK(cudaOccupancyMaxPotentialBlockSizeVariableSMem(
      &minGrid, &limited, scale, [](int b) { return (size_t)b * sizeof(float); }));
  EXPECT(active((const void *)scale, limited, limited * sizeof(float)) * p.multiProcessorCount ==
         minGrid);
  size_t avail = 0;
  CUDA_CHECK(cudaOccupancyAvailableDynamicSMemPerBlock(&avail, scale, 1, block));
  EXPECT(avail <= (size_t)a.maxDynamicSharedSizeBytes);
  EXPECT(active((const void *)scale, block, avail) >= 1);
  EXPECT(active((const void *)scale, block, avail + 1) == 0);

  // The suggested configuration computes the right answer.
  const int n = 100003;
  std::vector<float> h(n), r(n);
  for (int i = 0; i < n; ++i)
    h[i] = (float)(i % 1000) * 0.5f;
  float *din, *dout;
  CUDA_CHECK(cudaMalloc(&din, n * sizeof(float)));
  CUDA_CHECK(cudaMalloc(&dout, n * sizeof(float)));
  CUDA_CHECK(cudaMemcpy(din, h.data(), n * sizeof(float), cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaOccupancyMaxPotentialBlockSize(&minGrid, &block, scale));
  scale<<<minGrid, block>>>(din, dout, n, 4.0f);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaMemcpy(r.data(), dout, n * sizeof(float), cudaMemcpyDeviceToHost));
  for (int i = 0; i < n; ++i)
    if (r[i] != h[i] * 4.0f) {
      printf("scale[%d] = %f, expected %f\n", i, r[i], h[i] * 4.0f);
      ++Failures;
      break;
    }

  // Cooperative launches: up to the co-resident bound.
  const int bound = active((const void *)countBlocks, 64, 0) * p.multiProcessorCount;
  int coop = 0;
  CUDA_CHECK(cudaDeviceGetAttribute(&coop, cudaDevAttrCooperativeLaunch, 0));
  EXPECT(coop == 1 && bound >= 1);
  int *flags;
  CUDA_CHECK(cudaMalloc(&flags, (bound + 1) * sizeof(int)));
  CUDA_CHECK(cudaMemset(flags, 0, (bound + 1) * sizeof(int)));
  void *args[] = {&flags};
  CUDA_CHECK(cudaLaunchCooperativeKernel((const void *)countBlocks, bound, 64, args, 0, 0));
  cudaError_t e = cudaLaunchCooperativeKernel(countBlocks, dim3(bound + 1), dim3(64), args);
  printf("cooperative over the bound: %s\n", cudaGetErrorName(e));
  EXPECT(e == cudaErrorCooperativeLaunchTooLarge);
  EXPECT(cudaGetLastError() == cudaErrorCooperativeLaunchTooLarge);
  EXPECT(cudaGetLastError() == cudaSuccess);
  CUDA_CHECK(cudaDeviceSynchronize());
  std::vector<int> f(bound + 1);
  CUDA_CHECK(cudaMemcpy(f.data(), flags, f.size() * sizeof(int), cudaMemcpyDeviceToHost));
  for (int i = 0; i < bound; ++i)
    EXPECT(f[i] == 1);
  EXPECT(f[bound] == 0);

  CUDA_CHECK(cudaFree(flags));
  CUDA_CHECK(cudaFree(din));
  CUDA_CHECK(cudaFree(dout));
  if (Failures)
    return 1;
  printf("PASSED\n");
  return 0;
}
