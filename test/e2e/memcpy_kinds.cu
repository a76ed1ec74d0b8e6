// RUN: %cuport-cc -O2 %s -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: PASSED
//
// cudaMemcpy of every kind: HostToDevice, DeviceToHost, DeviceToDevice,
// HostToHost, and cudaMemcpyDefault in each of those four directions, with
// pageable (malloc) and pinned (cudaMallocHost) host memory, whole buffers
// and offset sub-ranges; cudaMemset of whole and partial ranges, checking
// that the bytes around a partial copy or set are left alone. A kernel in
// the middle proves the data really went through device memory.
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

__global__ void addIndex(unsigned *v, int n, unsigned k) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    v[i] += k * (unsigned)i;
}

static int Failures = 0;

// Checks buf[i] == want(i) for i in [0, n); names the step on mismatch.
template <typename F> static void expectWords(const char *step, const unsigned *buf, int n, F want) {
  int bad = 0;
  for (int i = 0; i < n; ++i)
    if (buf[i] != want(i)) {
      if (bad++ < 3)
        printf("mismatch after %s: word %d = 0x%08x, want 0x%08x\n", step, i, buf[i], want(i));
    }
  printf("%s: %s\n", step, bad ? "mismatch" : "ok");
  Failures += bad;
}

static unsigned pattern(int i) { return 0x9e3779b9u * (unsigned)(i + 1); }

int main() {
  const int n = 10000;
  const size_t bytes = n * sizeof(unsigned);
  unsigned *pageable = (unsigned *)malloc(bytes);
  unsigned *pageable2 = (unsigned *)malloc(bytes);
  unsigned *pinned, *pinned2;
  CUDA_CHECK(cudaMallocHost(&pinned, bytes));
  CUDA_CHECK(cudaMallocHost((void **)&pinned2, bytes));
  unsigned *dA, *dB;
  CUDA_CHECK(cudaMalloc(&dA, bytes));
  CUDA_CHECK(cudaMalloc(&dB, bytes));

  // cudaMemset on the whole buffer, read back to pageable memory (D2H).
  CUDA_CHECK(cudaMemset(dA, 0xab, bytes));
  CUDA_CHECK(cudaMemcpy(pageable, dA, bytes, cudaMemcpyDeviceToHost));
  expectWords("memset whole + D2H pageable", pageable, n, [](int) { return 0xababababu; });

  // Partial memset of bytes [401, 803): whole words 101..199, the top three
  // bytes of word 100 and the low three bytes of word 200.
  CUDA_CHECK(cudaMemset((char *)dA + 401, 0x3c, 402));
  CUDA_CHECK(cudaMemcpy(pinned, dA, bytes, cudaMemcpyDeviceToHost));
  expectWords("partial memset + D2H pinned", pinned, n, [](int i) -> unsigned {
    if (i == 100)
      return 0x3c3c3cabu; // little-endian: byte 0 kept
    if (i > 100 && i < 200)
      return 0x3c3c3c3cu;
    if (i == 200)
      return 0xab3c3c3cu; // bytes 0, 1 and 2 set
    return 0xababababu;
  });

  // H2D from pinned, kernel, D2H to pageable.
  for (int i = 0; i < n; ++i)
    pinned[i] = pattern(i);
  CUDA_CHECK(cudaMemcpy(dA, pinned, bytes, cudaMemcpyHostToDevice));
  addIndex<<<(n + 255) / 256, 256>>>(dA, n, 3);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaDeviceSynchronize());
  CUDA_CHECK(cudaMemcpy(pageable, dA, bytes, cudaMemcpyDeviceToHost));
  expectWords("H2D pinned + kernel + D2H", pageable, n,
              [](int i) { return pattern(i) + 3u * (unsigned)i; });

  // D2D: whole buffer, then an offset sub-range over a memset background.
  CUDA_CHECK(cudaMemcpy(dB, dA, bytes, cudaMemcpyDeviceToDevice));
  CUDA_CHECK(cudaMemcpy(pinned2, dB, bytes, cudaMemcpyDeviceToHost));
  expectWords("D2D whole", pinned2, n, [](int i) { return pattern(i) + 3u * (unsigned)i; });
  CUDA_CHECK(cudaMemset(dB, 0, bytes));
  CUDA_CHECK(cudaMemcpy(dB + 5000, dA + 10, 1000 * sizeof(unsigned), cudaMemcpyDeviceToDevice));
  CUDA_CHECK(cudaMemcpy(pinned2, dB, bytes, cudaMemcpyDeviceToHost));
  expectWords("D2D sub-range", pinned2, n, [](int i) -> unsigned {
    if (i >= 5000 && i < 6000)
      return pattern(i - 4990) + 3u * (unsigned)(i - 4990);
    return 0u;
  });

  // H2H between pageable and pinned memory.
  for (int i = 0; i < n; ++i)
    pageable[i] = ~pattern(i);
  CUDA_CHECK(cudaMemcpy(pinned, pageable, bytes, cudaMemcpyHostToHost));
  expectWords("H2H pageable -> pinned", pinned, n, [](int i) { return ~pattern(i); });
  CUDA_CHECK(cudaMemcpy(pageable2, pinned + 1, bytes - sizeof(unsigned), cudaMemcpyHostToHost));
  expectWords("H2H pinned -> pageable, offset", pageable2, n - 1,
              [](int i) { return ~pattern(i + 1); });

  // cudaMemcpyDefault infers the direction from the pointers.
  for (int i = 0; i < n; ++i)
    pageable[i] = pattern(i) ^ 0xffff0000u;
  CUDA_CHECK(cudaMemcpy(dA, pageable, bytes, cudaMemcpyDefault)); // H2D
  CUDA_CHECK(cudaMemcpy(dB, dA, bytes, cudaMemcpyDefault));       // D2D
  addIndex<<<(n + 255) / 256, 256>>>(dB, n, 7);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaDeviceSynchronize());
  memset(pinned, 0, bytes);
  CUDA_CHECK(cudaMemcpy(pinned, dB, bytes, cudaMemcpyDefault)); // D2H to pinned
  expectWords("Default H2D + D2D + kernel + D2H", pinned, n,
              [](int i) { return (pattern(i) ^ 0xffff0000u) + 7u * (unsigned)i; });
  memset(pageable2, 0, bytes);
  CUDA_CHECK(cudaMemcpy(pageable2, dA, bytes, cudaMemcpyDefault)); // D2H to pageable
  expectWords("Default D2H pageable", pageable2, n,
              [](int i) { return pattern(i) ^ 0xffff0000u; });
  CUDA_CHECK(cudaMemcpy(pinned2, pinned, bytes, cudaMemcpyDefault));    // H2H pinned
  CUDA_CHECK(cudaMemcpy(pageable, pinned2, bytes, cudaMemcpyDefault));  // H2H pinned -> pageable
  expectWords("Default H2H", pageable, n,
              [](int i) { return (pattern(i) ^ 0xffff0000u) + 7u * (unsigned)i; });
  CUDA_CHECK(cudaMemcpy(dA + 1, pinned2 + 2, 10 * sizeof(unsigned), cudaMemcpyDefault)); // H2D pinned
  CUDA_CHECK(cudaMemcpy(pageable, dA, 16 * sizeof(unsigned), cudaMemcpyDefault));
  expectWords("Default H2D pinned sub-range", pageable, 16, [](int i) -> unsigned {
    if (i >= 1 && i < 11)
      return (pattern(i + 1) ^ 0xffff0000u) + 7u * (unsigned)(i + 1);
    return pattern(i) ^ 0xffff0000u;
  });

  // A zero-byte copy is valid and changes nothing.
  CUDA_CHECK(cudaMemcpy(dA, pageable, 0, cudaMemcpyHostToDevice));

  CUDA_CHECK(cudaFree(dA));
  CUDA_CHECK(cudaFree(dB));
  CUDA_CHECK(cudaFreeHost(pinned));
  CUDA_CHECK(cudaFreeHost(pinned2));
  free(pageable);
  free(pageable2);
  if (Failures) {
    printf("FAILED: %d mismatching words\n", Failures);
    return 1;
  }
  printf("PASSED\n");
  return 0;
}
