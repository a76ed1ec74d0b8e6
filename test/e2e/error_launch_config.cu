// RUN: %cuport-cc -O2 %s -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: launch with 1025 threads: cudaErrorInvalidConfiguration
// CHECK: launch with 0 blocks: cudaErrorInvalidConfiguration
// CHECK: PASSED
//
// Invalid launch configurations: more than 1024 threads per block (in one
// dimension and as a product of dimensions) and empty grids (zero in x or
// y). Each must be reported as cudaErrorInvalidConfiguration by
// cudaPeekAtLastError (which keeps it) and then cudaGetLastError (which
// clears it), must not run the kernel, and must not break later launches.
// Also checks cudaGetErrorName/cudaGetErrorString for these codes.
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

__global__ void markRan(int *flag, int value) {
  if (blockIdx.x == 0 && threadIdx.x == 0)
    *flag = value;
}

static int Failures = 0;
static void expectError(const char *what, cudaError_t got, cudaError_t want) {
  if (got != want) {
    printf("mismatch: %s returned %s (%d), want %s (%d)\n", what, cudaGetErrorName(got),
           (int)got, cudaGetErrorName(want), (int)want);
    ++Failures;
  }
}

static void badLaunch(const char *name, dim3 grid, dim3 block, int *dFlag, int value) {
  markRan<<<grid, block>>>(dFlag, value);
  cudaError_t peeked = cudaPeekAtLastError();
  cudaError_t got = cudaGetLastError();
  printf("%s: %s\n", name, cudaGetErrorName(got));
  expectError(name, got, cudaErrorInvalidConfiguration);
  expectError("cudaPeekAtLastError before cudaGetLastError", peeked, cudaErrorInvalidConfiguration);
  expectError("cudaGetLastError after it reported the error", cudaGetLastError(), cudaSuccess);
  // A launch error is not sticky: the context remains usable.
  expectError("cudaDeviceSynchronize after a bad launch", cudaDeviceSynchronize(), cudaSuccess);
  int flag = 0;
  CUDA_CHECK(cudaMemcpy(&flag, dFlag, sizeof(int), cudaMemcpyDeviceToHost));
  if (flag == value) {
    printf("mismatch: %s ran the kernel\n", name);
    ++Failures;
  }
}

int main() {
  int *dFlag;
  CUDA_CHECK(cudaMalloc(&dFlag, sizeof(int)));
  CUDA_CHECK(cudaMemset(dFlag, 0, sizeof(int)));
  expectError("cudaGetLastError at start", cudaGetLastError(), cudaSuccess);

  badLaunch("launch with 1025 threads", dim3(1), dim3(1025), dFlag, 1);
  badLaunch("launch with 0 blocks", dim3(0), dim3(32), dFlag, 2);
  badLaunch("launch with 0 blocks in y", dim3(4, 0), dim3(32), dFlag, 3);
  badLaunch("launch with 64x32 = 2048 threads", dim3(1), dim3(64, 32), dFlag, 4);
  badLaunch("launch with 0 threads", dim3(1), dim3(0), dFlag, 5);

  // The maximum, 1024 threads, is valid; and the device still works.
  markRan<<<1, 1024>>>(dFlag, 42);
  expectError("launch with 1024 threads", cudaGetLastError(), cudaSuccess);
  CUDA_CHECK(cudaDeviceSynchronize());
  int flag = 0;
  CUDA_CHECK(cudaMemcpy(&flag, dFlag, sizeof(int), cudaMemcpyDeviceToHost));
  if (flag != 42) {
    printf("mismatch: valid launch after errors wrote %d, want 42\n", flag);
    ++Failures;
  }

  // Names are the enumerator spellings; strings are non-empty descriptions.
  struct {
    cudaError_t code;
    const char *name;
  } names[] = {{cudaSuccess, "cudaSuccess"},
               {cudaErrorInvalidConfiguration, "cudaErrorInvalidConfiguration"},
               {cudaErrorInvalidValue, "cudaErrorInvalidValue"}};
  for (auto &e : names) {
    const char *name = cudaGetErrorName(e.code);
    const char *text = cudaGetErrorString(e.code);
    if (!name || strcmp(name, e.name) != 0) {
      printf("mismatch: cudaGetErrorName(%d) = \"%s\", want \"%s\"\n", (int)e.code,
             name ? name : "(null)", e.name);
      ++Failures;
    }
    if (!text || !*text || strcmp(text, e.name) == 0) {
      printf("mismatch: cudaGetErrorString(%s) = \"%s\", want a description\n", e.name,
             text ? text : "(null)");
      ++Failures;
    }
  }
  if (strcmp(cudaGetErrorString(cudaErrorInvalidConfiguration),
             cudaGetErrorString(cudaErrorInvalidValue)) == 0) {
    printf("mismatch: two different errors share one description\n");
    ++Failures;
  }

  CUDA_CHECK(cudaFree(dFlag));
  if (Failures) {
    printf("FAILED: %d checks\n", Failures);
    return 1;
  }
  printf("PASSED\n");
  return 0;
}
