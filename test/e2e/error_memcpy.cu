// RUN: %cuport-cc -O2 %s -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: copy from freed device pointer: cudaErrorInvalidValue
// CHECK: PASSED
//
// cudaMemcpy error paths: a source that was freed, sizes that overrun the
// allocation (from its start and from an interior offset, in each
// direction), a null destination, and an invalid direction. Each must
// return its error code, record it as the last error (cleared by
// cudaGetLastError), leave the destination untouched, and leave the
// runtime usable for a correct copy afterwards.
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

static int Failures = 0;

static void expectError(const char *what, cudaError_t got, cudaError_t want) {
  printf("%s: %s\n", what, cudaGetErrorName(got));
  if (got != want) {
    printf("mismatch: %s returned %s (%d), want %s (%d)\n", what, cudaGetErrorName(got),
           (int)got, cudaGetErrorName(want), (int)want);
    ++Failures;
  }
  cudaError_t last = cudaGetLastError();
  if (last != want) {
    printf("mismatch: cudaGetLastError after %s = %s, want %s\n", what,
           cudaGetErrorName(last), cudaGetErrorName(want));
    ++Failures;
  }
  last = cudaGetLastError();
  if (last != cudaSuccess) {
    printf("mismatch: second cudaGetLastError after %s = %s, want cudaSuccess\n", what,
           cudaGetErrorName(last));
    ++Failures;
  }
}

static void expectUntouched(const char *what, const unsigned char *buf, size_t n,
                            unsigned char fill) {
  for (size_t i = 0; i < n; ++i)
    if (buf[i] != fill) {
      printf("mismatch: %s modified the destination at byte %zu\n", what, i);
      ++Failures;
      return;
    }
}

int main() {
  const size_t bytes = 1024;
  unsigned char *host = (unsigned char *)malloc(4 * bytes);
  unsigned char *dFreed, *dA, *dB;

  // Copy from a freed pointer.
  CUDA_CHECK(cudaMalloc(&dFreed, bytes));
  CUDA_CHECK(cudaMemset(dFreed, 0x11, bytes));
  CUDA_CHECK(cudaFree(dFreed));
  memset(host, 0xee, 4 * bytes);
  expectError("copy from freed device pointer",
              cudaMemcpy(host, dFreed, bytes, cudaMemcpyDeviceToHost), cudaErrorInvalidValue);
  expectUntouched("copy from freed device pointer", host, 4 * bytes, 0xee);

  CUDA_CHECK(cudaMalloc(&dA, bytes));
  CUDA_CHECK(cudaMalloc(&dB, bytes));
  CUDA_CHECK(cudaMemset(dA, 0x22, bytes));
  CUDA_CHECK(cudaMemset(dB, 0x33, bytes));

  // Overruns, device to host.
  expectError("D2H twice the allocation size",
              cudaMemcpy(host, dA, 2 * bytes, cudaMemcpyDeviceToHost), cudaErrorInvalidValue);
  expectUntouched("D2H overrun", host, 4 * bytes, 0xee);
  expectError("D2H from an interior offset past the end",
              cudaMemcpy(host, dA + 1000, 100, cudaMemcpyDeviceToHost), cudaErrorInvalidValue);
  expectUntouched("D2H interior overrun", host, 4 * bytes, 0xee);

  // Overruns, host to device and device to device: the targets keep their bytes.
  memset(host, 0x44, 4 * bytes);
  expectError("H2D past the end",
              cudaMemcpy(dA + 512, host, bytes, cudaMemcpyHostToDevice), cudaErrorInvalidValue);
  expectError("D2D source past the end",
              cudaMemcpy(dB, dA + 1, bytes, cudaMemcpyDeviceToDevice), cudaErrorInvalidValue);
  expectError("D2D destination past the end",
              cudaMemcpy(dB + 24, dA, bytes, cudaMemcpyDeviceToDevice), cudaErrorInvalidValue);
  expectError("copy to a null pointer",
              cudaMemcpy(nullptr, dA, 16, cudaMemcpyDeviceToHost), cudaErrorInvalidValue);
  expectError("copy with an invalid direction",
              cudaMemcpy(host, dA, 16, (cudaMemcpyKind)42), cudaErrorInvalidMemcpyDirection);

  // Still usable, and nothing was written by the failed copies.
  memset(host, 0, 4 * bytes);
  CUDA_CHECK(cudaMemcpy(host, dA, bytes, cudaMemcpyDeviceToHost));
  CUDA_CHECK(cudaMemcpy(host + bytes, dB, bytes, cudaMemcpyDeviceToHost));
  expectUntouched("a failed copy into dA", host, bytes, 0x22);
  expectUntouched("a failed copy into dB", host + bytes, bytes, 0x33);
  // An exact-fit copy at an interior offset is fine.
  CUDA_CHECK(cudaMemcpy(host, dA + 1000, 24, cudaMemcpyDeviceToHost));

  // The error names used above.
  if (strcmp(cudaGetErrorName(cudaErrorInvalidValue), "cudaErrorInvalidValue") != 0 ||
      strcmp(cudaGetErrorName(cudaErrorInvalidMemcpyDirection),
             "cudaErrorInvalidMemcpyDirection") != 0) {
    printf("mismatch: cudaGetErrorName spelling\n");
    ++Failures;
  }
  if (!*cudaGetErrorString(cudaErrorInvalidValue)) {
    printf("mismatch: empty cudaGetErrorString(cudaErrorInvalidValue)\n");
    ++Failures;
  }

  CUDA_CHECK(cudaFree(dA));
  CUDA_CHECK(cudaFree(dB));
  free(host);
  if (Failures) {
    printf("FAILED: %d checks\n", Failures);
    return 1;
  }
  printf("PASSED\n");
  return 0;
}
