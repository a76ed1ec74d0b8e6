// reduction: sums a large integer array with a tree reduction in __shared__
// memory. Each block reduces its slice to one partial sum (with
// __syncthreads between steps); the kernel runs again on the partial sums
// until a single value is left.
#include <cuda_runtime.h>

#include <cstdio>
#include <cstdlib>

#define CUDA_CHECK(call)                                                      \
  do {                                                                        \
    cudaError_t err_ = (call);                                                \
    if (err_ != cudaSuccess) {                                                \
      fprintf(stderr, "%s:%d: %s: %s\n", __FILE__, __LINE__, #call,           \
              cudaGetErrorString(err_));                                      \
      exit(1);                                                                \
    }                                                                         \
  } while (0)

#define BLOCK 256

// Each thread first adds two elements while loading, so a block covers
// 2 * BLOCK inputs.
__global__ void blockSum(const long long *in, long long *out, int n) {
  __shared__ long long partial[BLOCK];
  unsigned tid = threadIdx.x;
  int i = blockIdx.x * (2 * BLOCK) + tid;
  long long v = 0;
  if (i < n)
    v = in[i];
  if (i + BLOCK < n)
    v += in[i + BLOCK];
  partial[tid] = v;
  __syncthreads();
  for (unsigned stride = BLOCK / 2; stride > 0; stride >>= 1) {
    if (tid < stride)
      partial[tid] += partial[tid + stride];
    __syncthreads();
  }
  if (tid == 0)
    out[blockIdx.x] = partial[0];
}

int main() {
  const int n = 1000000;
  long long *data = (long long *)malloc(n * sizeof(long long));
  for (int i = 0; i < n; ++i)
    data[i] = (i * 7919LL) % 10007 - 5000;

  long long *dA, *dB;
  CUDA_CHECK(cudaMalloc(&dA, n * sizeof(long long)));
  CUDA_CHECK(cudaMalloc(&dB, n * sizeof(long long)));
  CUDA_CHECK(cudaMemcpy(dA, data, n * sizeof(long long), cudaMemcpyHostToDevice));

  int remaining = n, passes = 0;
  while (remaining > 1) {
    int blocks = (remaining + 2 * BLOCK - 1) / (2 * BLOCK);
    blockSum<<<blocks, BLOCK>>>(dA, dB, remaining);
    CUDA_CHECK(cudaGetLastError());
    long long *t = dA;
    dA = dB;
    dB = t;
    remaining = blocks;
    ++passes;
  }
  CUDA_CHECK(cudaDeviceSynchronize());
  long long gpuSum;
  CUDA_CHECK(cudaMemcpy(&gpuSum, dA, sizeof(long long), cudaMemcpyDeviceToHost));

  long long hostSum = 0;
  for (int i = 0; i < n; ++i)
    hostSum += data[i];
  printf("reduction: %d elements in %d passes, device sum = %lld, host sum = %lld\n",
         n, passes, gpuSum, hostSum);

  CUDA_CHECK(cudaFree(dA));
  CUDA_CHECK(cudaFree(dB));
  free(data);
  if (gpuSum != hostSum) {
    printf("FAILED\n");
    return 1;
  }
  printf("PASSED\n");
  return 0;
}
