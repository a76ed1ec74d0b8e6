// Templates (resolved and dependent calls), namespaces, and the user's own
// names that merely look like CUDA's: those must not change.
// RUN: %cuport-translate %s -- > %t.hip 2> %t.err
// RUN: FileCheck --match-full-lines %s < %t.hip
// RUN: FileCheck --check-prefix=DIAG --allow-empty %s < %t.err
// DIAG-NOT: fallback
// DIAG-NOT: warning

#include <cuda_runtime.h>
// CHECK: #include <hip/hip_runtime.h>

namespace gpu {
template <typename T>
cudaError_t allocate(T **p, size_t n) {
// CHECK: hipError_t allocate(T **p, size_t n) {
  return cudaMalloc(p, n * sizeof(T));
  // CHECK: return hipMalloc(p, n * sizeof(T));
}

template <typename T>
void copyBack(T *host, const T *dev, size_t n, cudaStream_t stream) {
// CHECK: void copyBack(T *host, const T *dev, size_t n, hipStream_t stream) {
  cudaMemcpyAsync(host, dev, n * sizeof(T), cudaMemcpyDeviceToHost, stream);
  // CHECK: hipMemcpyAsync(host, dev, n * sizeof(T), hipMemcpyDeviceToHost, stream);
  cudaStreamSynchronize(stream);
  // CHECK: hipStreamSynchronize(stream);
}

struct Buffer {
  float *data = nullptr;
  cudaStream_t stream = nullptr;
  // CHECK: hipStream_t stream = nullptr;
  cudaEvent_t done;
  // CHECK: hipEvent_t done;
  ~Buffer() { cudaFree(data); }
  // CHECK: ~Buffer() { hipFree(data); }
};
} // namespace gpu

namespace mine {
// A user's function with an API's name, in the user's namespace.
inline int cudaMalloc(int bytes) { return bytes; } // KEEP
// CHECK: inline int cudaMalloc(int bytes) { return bytes; } // KEEP
inline int cudaFree(int v) { return v; } // KEEP
// CHECK: inline int cudaFree(int v) { return v; } // KEEP
} // namespace mine

struct Config {
  int cudaStream;
  int warpSize;
  cudaStream_t cudaStream_t_member;
  // CHECK: hipStream_t cudaStream_t_member;
};

template <int N> __global__ void fill(int *p) { p[threadIdx.x] = N; }

int main() {
  int cudaStream = 3; // KEEP
  // CHECK: int cudaStream = 3; // KEEP
  int cudaEvent = cudaStream + 1; // KEEP
  // CHECK: int cudaEvent = cudaStream + 1; // KEEP
  int *d = nullptr;
  gpu::allocate(&d, 64);
  gpu::copyBack(d, d, 64, nullptr);
  mine::cudaMalloc(cudaStream); // KEEP
  // CHECK: mine::cudaMalloc(cudaStream); // KEEP
  int r = mine::cudaFree(cudaEvent); // KEEP
  // CHECK: int r = mine::cudaFree(cudaEvent); // KEEP
  using namespace mine;
  Config cfg{};
  cfg.cudaStream = cudaStream; // KEEP
  // CHECK: cfg.cudaStream = cudaStream; // KEEP
  cfg.warpSize = 64; // KEEP
  // CHECK: cfg.warpSize = 64; // KEEP
  ::cudaFree(d);
  // CHECK: ::hipFree(d);
  fill<4><<<1, 32>>>(d);
  gpu::Buffer b;
  cudaEventCreate(&b.done);
  // CHECK: hipEventCreate(&b.done);
  return r + cfg.cudaStream;
}

