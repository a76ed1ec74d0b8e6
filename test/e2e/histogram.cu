// RUN: %cuport-cc -O2 %s -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: PASSED
//
// Histogram without atomics: each thread counts into its own private column
// of a __shared__ [bins][threads] array, the block then sums each bin's row
// (one thread per bin) into a per-block histogram, and a second kernel adds
// the per-block histograms bin by bin. Deterministic, so the counts must
// equal the host's exactly; the data is skewed so bins differ.
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

#define BINS 32
#define THREADS 64

// Block b handles elements [b * perBlock, (b + 1) * perBlock).
__global__ void blockHistogram(const unsigned char *data, int n, int perBlock,
                               unsigned *blockHists) {
  __shared__ unsigned counts[BINS][THREADS];
  int tid = threadIdx.x;
  for (int b = 0; b < BINS; ++b)
    counts[b][tid] = 0;
  int begin = blockIdx.x * perBlock;
  int end = begin + perBlock < n ? begin + perBlock : n;
  for (int i = begin + tid; i < end; i += THREADS)
    counts[data[i] >> 3][tid] += 1; // 256 values -> 32 bins
  __syncthreads();
  if (tid < BINS) {
    unsigned s = 0;
    for (int t = 0; t < THREADS; ++t)
      s += counts[tid][t];
    blockHists[blockIdx.x * BINS + tid] = s;
  }
}

__global__ void sumHistograms(const unsigned *blockHists, int numBlocks, unsigned *hist) {
  int b = threadIdx.x;
  if (b < BINS) {
    unsigned s = 0;
    for (int k = 0; k < numBlocks; ++k)
      s += blockHists[k * BINS + b];
    hist[b] = s;
  }
}

int main() {
  const int sizes[] = {1, 1000, 123457};
  int failures = 0;
  for (int n : sizes) {
    unsigned char *data = (unsigned char *)malloc(n);
    unsigned seed = 2024;
    for (int i = 0; i < n; ++i) {
      seed = seed * 1664525u + 1013904223u;
      unsigned r = seed >> 16;
      // Skewed: the product of two uniform bytes favours small values.
      data[i] = (unsigned char)(((r & 0xff) * ((r >> 8) & 0xff)) >> 8);
    }
    const int perBlock = 2048;
    int numBlocks = (n + perBlock - 1) / perBlock;
    unsigned char *dData;
    unsigned *dBlockHists, *dHist;
    CUDA_CHECK(cudaMalloc(&dData, n));
    CUDA_CHECK(cudaMalloc(&dBlockHists, numBlocks * BINS * sizeof(unsigned)));
    CUDA_CHECK(cudaMalloc(&dHist, BINS * sizeof(unsigned)));
    CUDA_CHECK(cudaMemcpy(dData, data, n, cudaMemcpyHostToDevice));
    blockHistogram<<<numBlocks, THREADS>>>(dData, n, perBlock, dBlockHists);
    CUDA_CHECK(cudaGetLastError());
    sumHistograms<<<1, BINS>>>(dBlockHists, numBlocks, dHist);
    CUDA_CHECK(cudaGetLastError());
    CUDA_CHECK(cudaDeviceSynchronize());
    unsigned hist[BINS];
    CUDA_CHECK(cudaMemcpy(hist, dHist, sizeof(hist), cudaMemcpyDeviceToHost));

    unsigned want[BINS] = {0};
    for (int i = 0; i < n; ++i)
      want[data[i] / 8]++;
    int bad = 0;
    unsigned total = 0;
    for (int b = 0; b < BINS; ++b) {
      total += hist[b];
      if (hist[b] != want[b]) {
        if (bad++ < 5)
          printf("mismatch: n=%d bin %d = %u, want %u\n", n, b, hist[b], want[b]);
      }
    }
    printf("histogram n=%d: bin0 %u, bin31 %u, total %u: %s\n", n, hist[0], hist[BINS - 1],
           total, bad ? "mismatch" : "ok");
    failures += bad;
    CUDA_CHECK(cudaFree(dData));
    CUDA_CHECK(cudaFree(dBlockHists));
    CUDA_CHECK(cudaFree(dHist));
    free(data);
  }
  if (failures) {
    printf("FAILED: %d mismatching bins\n", failures);
    return 1;
  }
  printf("PASSED\n");
  return 0;
}
