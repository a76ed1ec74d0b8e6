// RUN: %cuport-cc -O2 %s -o %t && %t > %t.out && %FileCheck %s < %t.out
// REQUIRES: opencl
// CHECK: set after printing: cudaErrorInvalidValue
// CHECK: PASSED
//
// cudaLimitPrintfFifoSize takes effect on device printf: with a FIFO of F
// bytes a kernel printing many fixed-size records shows only what fits, and
// with the default (1 MiB) every line. Setting the limit once a kernel that
// prints has run is cudaErrorInvalidValue, as on CUDA, until cudaDeviceReset.
// Each printf here is one record of 16 + 8 * 2 bytes (format, two int
// arguments), so the count that fits is computed, not assumed.
#include <cuda_runtime.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unistd.h>

#define CUDA_CHECK(call)                                                      \
  do {                                                                        \
    cudaError_t err_ = (call);                                                \
    if (err_ != cudaSuccess) {                                                \
      printf("CUDA error %s at %s:%d: %s\n", cudaGetErrorName(err_), __FILE__, \
             __LINE__, #call);                                                \
      exit(1);                                                                \
    }                                                                         \
  } while (0)

__global__ void chatter(int tag) { printf("line %d %d\n", tag, threadIdx.x + blockIdx.x * blockDim.x); }

/// Runs chatter over \p lines threads and returns how many of its lines
/// reached stdout, read back through a pipe-free temporary file.
static int countLines(int tag, int lines) {
  fflush(stdout);
  char path[] = "/tmp/cuport-printf-fifo-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0)
    exit(2);
  FILE *saved = fdopen(dup(fileno(stdout)), "w");
  fflush(stdout);
  dup2(fd, fileno(stdout));
  chatter<<<lines / 64, 64>>>(tag);
  CUDA_CHECK(cudaDeviceSynchronize());
  fflush(stdout);
  dup2(fileno(saved), fileno(stdout));
  fclose(saved);
  FILE *in = fopen(path, "r");
  char buf[128];
  int n = 0;
  std::string prefix = "line " + std::to_string(tag) + " ";
  while (fgets(buf, sizeof(buf), in))
    n += strncmp(buf, prefix.c_str(), prefix.size()) == 0;
  fclose(in);
  close(fd);
  unlink(path);
  return n;
}

int main() {
  int failures = 0;
  size_t def = 0;
  CUDA_CHECK(cudaDeviceGetLimit(&def, cudaLimitPrintfFifoSize));
  if (def != (1u << 20)) {
    printf("default printf FIFO is %zu, CUDA's is 1 MiB\n", def);
    ++failures;
  }
  const size_t record = 16 + 8 * 2, header = 16;
  const int lines = 4096; // 128 KiB of records
  const size_t fifo = header + 100 * record + record / 2;
  CUDA_CHECK(cudaDeviceSetLimit(cudaLimitPrintfFifoSize, fifo));
  size_t got = 0;
  CUDA_CHECK(cudaDeviceGetLimit(&got, cudaLimitPrintfFifoSize));
  if (got != fifo) {
    printf("limit reads back as %zu, set %zu\n", got, fifo);
    ++failures;
  }
  int shown = countLines(1, lines);
  if (shown != int((fifo - header) / record)) {
    printf("with a %zu-byte FIFO %d lines appeared, expected %zu\n", fifo, shown,
           (fifo - header) / record);
    ++failures;
  }
  cudaError_t e = cudaDeviceSetLimit(cudaLimitPrintfFifoSize, 1 << 20);
  printf("set after printing: %s\n", cudaGetErrorName(e));
  if (e != cudaErrorInvalidValue)
    ++failures;
  cudaGetLastError();
  // The buffer is emptied at each synchronization: the next launch shows
  // as many lines again.
  if (countLines(2, lines) != shown) {
    printf("second launch showed a different count\n");
    ++failures;
  }
  // After a reset the default applies and every line fits.
  CUDA_CHECK(cudaDeviceReset());
  CUDA_CHECK(cudaDeviceGetLimit(&got, cudaLimitPrintfFifoSize));
  if (got != def) {
    printf("after reset the limit is %zu\n", got);
    ++failures;
  }
  CUDA_CHECK(cudaDeviceSetLimit(cudaLimitPrintfFifoSize, 4 * lines * record));
  if (countLines(3, lines) != lines) {
    printf("with room for every line, not every line appeared\n");
    ++failures;
  }
  if (failures)
    return 1;
  printf("PASSED\n");
  return 0;
}
