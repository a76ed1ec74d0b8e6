// RUN: %cuport-cc -O2 %s -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: PASSED
//
// 2D and 3D grids and blocks built with dim3 (including defaulted
// components). Every thread records blockIdx, threadIdx, blockDim and
// gridDim in a slot that the host derives independently from the
// (block, thread) coordinates it expects; slots start as 0xff bytes, so a
// thread that never ran or wrote the wrong slot is caught.
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

struct Record {
  unsigned bx, by, bz, tx, ty, tz;
  unsigned bdx, bdy, bdz, gdx, gdy, gdz;
};

__global__ void record(Record *out) {
  unsigned block = blockIdx.x + gridDim.x * (blockIdx.y + gridDim.y * blockIdx.z);
  unsigned thread = threadIdx.x + blockDim.x * (threadIdx.y + blockDim.y * threadIdx.z);
  unsigned perBlock = blockDim.x * blockDim.y * blockDim.z;
  Record r;
  r.bx = blockIdx.x;
  r.by = blockIdx.y;
  r.bz = blockIdx.z;
  r.tx = threadIdx.x;
  r.ty = threadIdx.y;
  r.tz = threadIdx.z;
  r.bdx = blockDim.x;
  r.bdy = blockDim.y;
  r.bdz = blockDim.z;
  r.gdx = gridDim.x;
  r.gdy = gridDim.y;
  r.gdz = gridDim.z;
  out[block * perBlock + thread] = r;
}

static int Failures = 0;

static void runConfig(const char *name, dim3 grid, dim3 block) {
  size_t count = (size_t)grid.x * grid.y * grid.z * block.x * block.y * block.z;
  Record *dOut;
  CUDA_CHECK(cudaMalloc(&dOut, count * sizeof(Record)));
  CUDA_CHECK(cudaMemset(dOut, 0xff, count * sizeof(Record)));
  record<<<grid, block>>>(dOut);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaDeviceSynchronize());
  Record *out = (Record *)malloc(count * sizeof(Record));
  CUDA_CHECK(cudaMemcpy(out, dOut, count * sizeof(Record), cudaMemcpyDeviceToHost));

  int bad = 0;
  size_t slot = 0;
  for (unsigned bz = 0; bz < grid.z; ++bz)
    for (unsigned by = 0; by < grid.y; ++by)
      for (unsigned bx = 0; bx < grid.x; ++bx)
        for (unsigned tz = 0; tz < block.z; ++tz)
          for (unsigned ty = 0; ty < block.y; ++ty)
            for (unsigned tx = 0; tx < block.x; ++tx, ++slot) {
              unsigned got[12];
              memcpy(got, &out[slot], sizeof(got));
              unsigned want[12] = {bx, by, bz, tx, ty, tz, block.x, block.y,
                                   block.z, grid.x, grid.y, grid.z};
              for (int k = 0; k < 12; ++k)
                if (got[k] != want[k]) {
                  if (bad++ < 5)
                    printf("mismatch: %s block (%u,%u,%u) thread (%u,%u,%u): field %d = %u, "
                           "want %u\n",
                           name, bx, by, bz, tx, ty, tz, k, got[k], want[k]);
                  break;
                }
            }
  printf("%s: grid (%u,%u,%u) block (%u,%u,%u): %s\n", name, grid.x, grid.y, grid.z,
         block.x, block.y, block.z, bad ? "mismatch" : "ok");
  Failures += bad;
  CUDA_CHECK(cudaFree(dOut));
  free(out);
}

int main() {
  runConfig("2D grid, 2D block", dim3(5, 3), dim3(8, 4));
  runConfig("3D grid, 3D block", dim3(3, 2, 4), dim3(4, 3, 2));
  runConfig("3D grid, z-only block", dim3(2, 3, 2), dim3(1, 1, 64));
  runConfig("1D grid, 1024-thread 2D block", dim3(2), dim3(32, 32));
  runConfig("tall y grid", dim3(1, 300), dim3(2, 1, 3));
  runConfig("deep z grid", dim3(2, 1, 130), dim3(16));
  runConfig("2D grid, y-only block", dim3(7, 9, 1), dim3(1, 33, 1));
  if (Failures) {
    printf("FAILED: %d threads recorded wrong values\n", Failures);
    return 1;
  }
  printf("PASSED\n");
  return 0;
}
