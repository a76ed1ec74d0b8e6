// RUN: %cuport-cc -O2 %s -o %t && %t 2>&1 | %FileCheck %s
// REQUIRES: opencl
// CHECK-NOT: MISMATCH
// CHECK: PASSED
//
// The runtime misuse table (docs/reliability.md): each row is a call made
// wrongly on purpose and the CUDA error code it must give. None may crash.
#include <cstdio>
#include <cuda_runtime.h>

static int Failures = 0;
static void row(const char *what, cudaError_t got, cudaError_t want) {
  if (got != want) {
    printf("MISMATCH %s: %s, want %s\n", what, cudaGetErrorName(got), cudaGetErrorName(want));
    ++Failures;
  }
  cudaGetLastError(); // rows are independent
}

__global__ void touch(int *p) { p[threadIdx.x] = threadIdx.x; }
static void notAKernel() {}

int main() {
  int *p = nullptr;
  row("cudaMalloc into a null pointer", cudaMalloc((void **)nullptr, 16), cudaErrorInvalidValue);
  row("cudaFree(nullptr)", cudaFree(nullptr), cudaSuccess);
  int stackVar = 0;
  row("cudaFree of a wild pointer", cudaFree(&stackVar), cudaErrorInvalidValue);
  cudaMalloc(&p, 64 * sizeof(int));
  int host[128] = {0};
  row("cudaMemcpy overrunning an allocation", cudaMemcpy(p, host, 128 * sizeof(int), cudaMemcpyHostToDevice), cudaErrorInvalidValue);
  row("cudaMemcpy from a wild device pointer", cudaMemcpy(host, &stackVar, 4, cudaMemcpyDeviceToHost), cudaErrorInvalidValue);
  row("cudaMemcpy with an invalid kind", cudaMemcpy(p, host, 4, (cudaMemcpyKind)99), cudaErrorInvalidMemcpyDirection);
  row("cudaMemset past the end", cudaMemset(p, 0, 65 * sizeof(int)), cudaErrorInvalidValue);
  size_t pitch = 0;
  char *pp = nullptr;
  cudaMallocPitch((void **)&pp, &pitch, 40, 4);
  row("cudaMemcpy2D with a width over the pitch", cudaMemcpy2D(pp, 32, host, 40, 40, 4, cudaMemcpyHostToDevice), cudaErrorInvalidPitchValue);
  row("cudaMemset2D with a width over the pitch", cudaMemset2D(pp, 32, 0, 40, 4), cudaErrorInvalidValue);
  row("cudaMemcpy2D one row past the allocation", cudaMemcpy2D(pp, pitch, host, 40, 40, 5, cudaMemcpyHostToDevice), cudaErrorInvalidValue);
  row("cudaMemset3D one slice past the allocation", cudaMemset3D(make_cudaPitchedPtr(pp, pitch, 40, 2), 0, make_cudaExtent(40, 2, 3)), cudaErrorInvalidValue);
  cudaMemcpy3DParms m = {};
  m.srcPtr = make_cudaPitchedPtr(host, 40, 40, 4);
  m.dstArray = (cudaArray_t)&stackVar;
  m.extent = make_cudaExtent(40, 4, 1);
  m.kind = cudaMemcpyHostToDevice;
  row("cudaMemcpy3D to a cudaArray", cudaMemcpy3D(&m), cudaErrorNotSupported);
  m.dstPtr = make_cudaPitchedPtr(pp, pitch, 40, 4);
  row("cudaMemcpy3D with an array and a pointer", cudaMemcpy3D(&m), cudaErrorInvalidValue);
  row("cudaFree of a pitched allocation", cudaFree(pp), cudaSuccess);
  int self = -1;
  cudaGetDevice(&self);
  row("cudaDeviceEnablePeerAccess of the current device", cudaDeviceEnablePeerAccess(self, 0), cudaErrorInvalidDevice);
  row("cudaDeviceEnablePeerAccess out of range", cudaDeviceEnablePeerAccess(1 << 20, 0), cudaErrorInvalidDevice);
  row("cudaFree", cudaFree(p), cudaSuccess);
  row("cudaFree twice", cudaFree(p), cudaErrorInvalidValue);
  row("cudaMemcpy from a freed pointer", cudaMemcpy(host, p, 4, cudaMemcpyDeviceToHost), cudaErrorInvalidValue);

  cudaStream_t s;
  cudaStreamCreate(&s);
  cudaStreamDestroy(s);
  row("cudaStreamSynchronize on a destroyed stream", cudaStreamSynchronize(s), cudaErrorInvalidResourceHandle);
  cudaEvent_t e;
  cudaEventCreate(&e);
  cudaEventDestroy(e);
  row("cudaEventRecord on a destroyed event", cudaEventRecord(e), cudaErrorInvalidResourceHandle);

  int *q;
  cudaMalloc(&q, 1024 * sizeof(int));
  touch<<<1, 1025>>>(q);
  row("launch with 1025 threads", cudaGetLastError(), cudaErrorInvalidConfiguration);
  touch<<<0, 32>>>(q);
  row("launch with a zero grid", cudaGetLastError(), cudaErrorInvalidConfiguration);
  touch<<<dim3(1, 1, 0), 32>>>(q);
  row("launch with a zero grid z", cudaGetLastError(), cudaErrorInvalidConfiguration);
  touch<<<1, 32, (size_t)1 << 40>>>(q);
  row("launch with too much shared memory", cudaGetLastError(), cudaErrorInvalidValue);
  void *args[] = {&q};
  row("cudaLaunchKernel of a host function", cudaLaunchKernel((const void *)notAKernel, dim3(1), dim3(1), args, 0, 0), cudaErrorInvalidDeviceFunction);
  int count = 0;
  cudaGetDeviceCount(&count);
  row("cudaSetDevice out of range", cudaSetDevice(count + 7), cudaErrorInvalidDevice);
  row("cudaSetDevice(-1)", cudaSetDevice(-1), cudaErrorInvalidDevice);

  // After a reset the device works again; old allocations are gone.
  row("cudaDeviceReset", cudaDeviceReset(), cudaSuccess);
  row("cudaMemcpy from a pointer freed by reset", cudaMemcpy(host, q, 4, cudaMemcpyDeviceToHost), cudaErrorInvalidValue);
  int *r = nullptr;
  row("cudaMalloc after reset", cudaMalloc(&r, 32 * sizeof(int)), cudaSuccess);
  touch<<<1, 32>>>(r);
  row("launch after reset", cudaDeviceSynchronize(), cudaSuccess);
  row("cudaMemcpy after reset", cudaMemcpy(host, r, 32 * sizeof(int), cudaMemcpyDeviceToHost), cudaSuccess);
  if (host[31] != 31) {
    printf("MISMATCH launch after reset wrote %d\n", host[31]);
    ++Failures;
  }
  if (Failures)
    return 1;
  printf("PASSED\n");
  return 0;
}
