// RUN: %cuport-translate %s -- > %t.hip 2> %t.err
// RUN: FileCheck --match-full-lines %s < %t.hip
// RUN: FileCheck --check-prefix=DIAG --allow-empty %s < %t.err
// Runtime API: memory management, copies and their enums.
// DIAG-NOT: fallback
// DIAG-NOT: warning

#include <cuda_runtime.h>
// CHECK: #include <hip/hip_runtime.h>
#include <cstdio>

static void memoryCalls(size_t n) {
  float *d = nullptr, *d2 = nullptr, *h = nullptr;
  void *pinned = nullptr;
  size_t freeMem = 0, totalMem = 0, pitch = 0;
  cudaMalloc(&d, n * sizeof(float));
  // CHECK: hipMalloc(&d, n * sizeof(float));
  cudaMalloc((void **)&d2, n * sizeof(float));
  // CHECK: hipMalloc((void **)&d2, n * sizeof(float));
  cudaMallocHost(&pinned, n);
  // CHECK: hipHostMalloc(&pinned, n);
  cudaHostAlloc(&pinned, n, cudaHostAllocMapped);
  // CHECK: hipHostAlloc(&pinned, n, hipHostMallocMapped);
  cudaHostAlloc(&pinned, n, cudaHostAllocDefault | cudaHostAllocPortable);
  // CHECK: hipHostAlloc(&pinned, n, hipHostMallocDefault | hipHostMallocPortable);
  cudaMallocManaged(&h, n, cudaMemAttachGlobal);
  // CHECK: hipMallocManaged(&h, n, hipMemAttachGlobal);
  cudaMallocPitch(&pinned, &pitch, 64, 64);
  // CHECK: hipMallocPitch(&pinned, &pitch, 64, 64);
  cudaMemcpy(d, h, n, cudaMemcpyHostToDevice);
  // CHECK: hipMemcpy(d, h, n, hipMemcpyHostToDevice);
  cudaMemcpy(h, d, n, cudaMemcpyDeviceToHost);
  // CHECK: hipMemcpy(h, d, n, hipMemcpyDeviceToHost);
  cudaMemcpy(d2, d, n, cudaMemcpyDeviceToDevice);
  // CHECK: hipMemcpy(d2, d, n, hipMemcpyDeviceToDevice);
  cudaMemcpy(h, h, n, cudaMemcpyHostToHost);
  // CHECK: hipMemcpy(h, h, n, hipMemcpyHostToHost);
  cudaMemcpy(h, d, n, cudaMemcpyDefault);
  // CHECK: hipMemcpy(h, d, n, hipMemcpyDefault);
  cudaMemcpyAsync(d, h, n, cudaMemcpyHostToDevice, 0);
  // CHECK: hipMemcpyAsync(d, h, n, hipMemcpyHostToDevice, 0);
  cudaMemcpy2D(d, pitch, h, 64, 64, 64, cudaMemcpyHostToDevice);
  // CHECK: hipMemcpy2D(d, pitch, h, 64, 64, 64, hipMemcpyHostToDevice);
  cudaMemset(d, 0, n);
  // CHECK: hipMemset(d, 0, n);
  cudaMemsetAsync(d, 0, n, 0);
  // CHECK: hipMemsetAsync(d, 0, n, 0);
  cudaMemGetInfo(&freeMem, &totalMem);
  // CHECK: hipMemGetInfo(&freeMem, &totalMem);
  cudaMemPrefetchAsync(h, n, 0, 0);
  // CHECK: hipMemPrefetchAsync(h, n, 0, 0);
  cudaHostRegister(h, n, cudaHostRegisterDefault);
  // CHECK: hipHostRegister(h, n, hipHostRegisterDefault);
  cudaHostUnregister(h);
  // CHECK: hipHostUnregister(h);
  cudaFreeHost(pinned);
  // CHECK: hipHostFree(pinned);
  cudaFree(d);
  // CHECK: hipFree(d);
  cudaFree(d2);
  // CHECK: hipFree(d2);
  enum cudaMemcpyKind kind = cudaMemcpyHostToDevice;
  // CHECK: enum hipMemcpyKind kind = hipMemcpyHostToDevice;
  cudaMemcpyKind kind2 = kind;
  // CHECK: hipMemcpyKind kind2 = kind;
  (void)kind2;
}

__device__ float devValue;
__constant__ float constTable[16];

static void symbolCalls() {
  float host[16] = {};
  cudaMemcpyToSymbol(constTable, host, sizeof(host));
  // CHECK: hipMemcpyToSymbol(constTable, host, sizeof(host));
  cudaMemcpyFromSymbol(host, devValue, sizeof(float));
  // CHECK: hipMemcpyFromSymbol(host, devValue, sizeof(float));
  void *addr = nullptr;
  cudaGetSymbolAddress(&addr, devValue);
  // CHECK: hipGetSymbolAddress(&addr, devValue);
  size_t size = 0;
  cudaGetSymbolSize(&size, constTable);
  // CHECK: hipGetSymbolSize(&size, constTable);
}

static void pointerCalls(void *p) {
  cudaPointerAttributes attr;
  // CHECK: hipPointerAttribute_t attr;
  cudaPointerGetAttributes(&attr, p);
  // CHECK: hipPointerGetAttributes(&attr, p);
  if (attr.type == cudaMemoryTypeDevice)
  // CHECK: if (attr.type == hipMemoryTypeDevice)
  // DIAG: :[[@LINE-2]]:12: warning: 'hipPointerAttribute_t::type' needs ROCm 5.5 or later (ROCm 5.2 calls it 'memoryType')
    printf("device\n");
  if (attr.type == cudaMemoryTypeHost)
  // CHECK: if (attr.type == hipMemoryTypeHost)
  // DIAG: :[[@LINE-2]]:12: warning: 'hipPointerAttribute_t::type' needs ROCm 5.5 or later (ROCm 5.2 calls it 'memoryType')
    printf("host\n");
}

int main() {
  memoryCalls(1024);
  symbolCalls();
  pointerCalls(nullptr);
  return 0;
}
// DIAG-NOT: warning
