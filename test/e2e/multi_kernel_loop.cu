// RUN: %cuport-cc -O2 %s -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: generation 40: population {{[0-9]+}}
// CHECK: PASSED
//
// Several kernels in one file launched repeatedly in a loop, each launch
// consuming the previous one's output: Conway's Game of Life on a torus
// with ping-pong buffers (2D grid of 2D blocks), a population count kernel
// (shared-memory reduction) after every generation, and a pattern injected
// mid-run by a third kernel. cudaDeviceSynchronize is error-checked every
// iteration. The host runs the same simulation independently and compares
// the population after every generation and the full board at the end.
#include <cuda_runtime.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

#define CUDA_CHECK(call)                                                      \
  do {                                                                        \
    cudaError_t err_ = (call);                                                \
    if (err_ != cudaSuccess) {                                                \
      printf("CUDA error %s at %s:%d: %s\n", cudaGetErrorName(err_), __FILE__, \
             __LINE__, #call);                                                \
      exit(1);                                                                \
    }                                                                         \
  } while (0)

#define W 96
#define H 60
#define GENERATIONS 40

__global__ void lifeStep(const unsigned char *cur, unsigned char *next) {
  int x = blockIdx.x * blockDim.x + threadIdx.x;
  int y = blockIdx.y * blockDim.y + threadIdx.y;
  if (x >= W || y >= H)
    return;
  int neighbours = 0;
  for (int dy = -1; dy <= 1; ++dy)
    for (int dx = -1; dx <= 1; ++dx)
      if (dx || dy)
        neighbours += cur[((y + dy + H) % H) * W + (x + dx + W) % W];
  unsigned char alive = cur[y * W + x];
  next[y * W + x] = (neighbours == 3 || (alive && neighbours == 2)) ? 1 : 0;
}

__global__ void population(const unsigned char *board, int *counts) {
  __shared__ int partial[256];
  int tid = threadIdx.x;
  int s = 0;
  for (int i = tid; i < W * H; i += 256)
    s += board[i];
  partial[tid] = s;
  __syncthreads();
  for (int stride = 128; stride > 0; stride >>= 1) {
    if (tid < stride)
      partial[tid] += partial[tid + stride];
    __syncthreads();
  }
  if (tid == 0)
    counts[0] = partial[0];
}

// Stamps a glider with its top-left corner at (x0, y0).
__global__ void injectGlider(unsigned char *board, int x0, int y0) {
  const unsigned char glider[3][3] = {{0, 1, 0}, {0, 0, 1}, {1, 1, 1}};
  int dx = threadIdx.x, dy = threadIdx.y;
  board[((y0 + dy) % H) * W + (x0 + dx) % W] = glider[dy][dx];
}

static void hostStep(const unsigned char *cur, unsigned char *next) {
  for (int y = 0; y < H; ++y)
    for (int x = 0; x < W; ++x) {
      int n = 0;
      for (int yy = y - 1; yy <= y + 1; ++yy)
        for (int xx = x - 1; xx <= x + 1; ++xx) {
          if (yy == y && xx == x)
            continue;
          int wy = yy < 0 ? H - 1 : (yy == H ? 0 : yy);
          int wx = xx < 0 ? W - 1 : (xx == W ? 0 : xx);
          n += cur[wy * W + wx];
        }
      bool alive = cur[y * W + x] != 0;
      next[y * W + x] = alive ? (n == 2 || n == 3) : (n == 3);
    }
}

int main() {
  unsigned char *board = (unsigned char *)malloc(W * H), *tmp = (unsigned char *)malloc(W * H);
  unsigned seed = 5;
  for (int i = 0; i < W * H; ++i) {
    seed = seed * 1103515245u + 12345u;
    board[i] = ((seed >> 16) % 3) == 0;
  }
  unsigned char *dA, *dB;
  int *dCount;
  CUDA_CHECK(cudaMalloc(&dA, W * H));
  CUDA_CHECK(cudaMalloc(&dB, W * H));
  CUDA_CHECK(cudaMalloc(&dCount, sizeof(int)));
  CUDA_CHECK(cudaMemcpy(dA, board, W * H, cudaMemcpyHostToDevice));

  dim3 block(16, 8);
  dim3 grid((W + block.x - 1) / block.x, (H + block.y - 1) / block.y);
  int failures = 0;
  for (int g = 1; g <= GENERATIONS; ++g) {
    lifeStep<<<grid, block>>>(dA, dB);
    CUDA_CHECK(cudaGetLastError());
    unsigned char *swap = dA;
    dA = dB;
    dB = swap;
    hostStep(board, tmp);
    memcpy(board, tmp, W * H);
    if (g == GENERATIONS / 2) {
      injectGlider<<<1, dim3(3, 3)>>>(dA, W - 2, H - 2); // wraps around both edges
      CUDA_CHECK(cudaGetLastError());
      const unsigned char glider[3][3] = {{0, 1, 0}, {0, 0, 1}, {1, 1, 1}};
      for (int dy = 0; dy < 3; ++dy)
        for (int dx = 0; dx < 3; ++dx)
          board[((H - 2 + dy) % H) * W + (W - 2 + dx) % W] = glider[dy][dx];
    }
    population<<<1, 256>>>(dA, dCount);
    CUDA_CHECK(cudaGetLastError());
    CUDA_CHECK(cudaDeviceSynchronize());
    int count = -1;
    CUDA_CHECK(cudaMemcpy(&count, dCount, sizeof(int), cudaMemcpyDeviceToHost));
    int want = 0;
    for (int i = 0; i < W * H; ++i)
      want += board[i];
    if (count != want) {
      if (failures++ < 5)
        printf("mismatch: generation %d population %d, want %d\n", g, count, want);
    }
    if (g % 10 == 0)
      printf("generation %d: population %d\n", g, count);
  }
  unsigned char *result = (unsigned char *)malloc(W * H);
  CUDA_CHECK(cudaMemcpy(result, dA, W * H, cudaMemcpyDeviceToHost));
  for (int i = 0; i < W * H; ++i)
    if (result[i] != board[i]) {
      if (failures++ < 10)
        printf("mismatch: result cell (%d,%d) = %d, want %d\n", i % W, i / W, result[i], board[i]);
    }
  CUDA_CHECK(cudaFree(dA));
  CUDA_CHECK(cudaFree(dB));
  CUDA_CHECK(cudaFree(dCount));
  free(board);
  free(tmp);
  free(result);
  if (failures) {
    printf("FAILED: %d mismatches\n", failures);
    return 1;
  }
  printf("PASSED\n");
  return 0;
}
