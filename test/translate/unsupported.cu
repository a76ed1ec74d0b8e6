// CUDA APIs with no HIP equivalent: left in place, warned at file:line:col,
// and with --insert-comments marked in the code. Names cuport's headers
// declare but no table row describes are warned about as unknown.
// RUN: %cuport-translate %s -- > %t.hip 2> %t.err
// RUN: FileCheck --match-full-lines %s < %t.hip
// RUN: FileCheck --check-prefix=WARN %s < %t.err
// RUN: %cuport-translate --insert-comments %s -- 2>/dev/null | FileCheck --check-prefix=COMMENT %s
// COMMENT: if (attr.type == /* cuport-translate: no HIP equivalent */ cudaMemoryTypeManaged)
// COMMENT: /* cuport-translate: no HIP equivalent */ cudaDeviceFlushGPUDirectRDMAWrites(

#include <cuda_runtime.h>
// CHECK: #include <hip/hip_runtime.h>

int main() {
  void *p = nullptr;
  cudaMemAdvise(p, 64, cudaMemAdviseSetPreferredLocation, 0);
  // CHECK: hipMemAdvise(p, 64, hipMemAdviseSetPreferredLocation, 0);
  cudaPointerAttributes attr;
  // CHECK: hipPointerAttribute_t attr;
  cudaPointerGetAttributes(&attr, p);
  // CHECK: hipPointerGetAttributes(&attr, p);
  if (attr.type == cudaMemoryTypeManaged)
  // WARN: :[[@LINE-1]]:20: warning: enumerator 'cudaMemoryTypeManaged' has no HIP equivalent; left unchanged
    return 1;
  cudaDeviceFlushGPUDirectRDMAWrites(cudaFlushGPUDirectRDMAWritesTargetCurrentDevice, cudaFlushGPUDirectRDMAWritesToOwner);
  // WARN: :[[@LINE-1]]:3: warning: function 'cudaDeviceFlushGPUDirectRDMAWrites' has no HIP equivalent; left unchanged
  // WARN: :[[@LINE-2]]:38: warning: enumerator 'cudaFlushGPUDirectRDMAWritesTargetCurrentDevice' has no HIP equivalent; left unchanged
  // WARN: :[[@LINE-3]]:87: warning: enumerator 'cudaFlushGPUDirectRDMAWritesToOwner' has no HIP equivalent; left unchanged
  return 0;
}

