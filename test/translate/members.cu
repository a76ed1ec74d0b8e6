// Members of CUDA structs that HIP spells differently (CudaMembers.def).
// For the newest ROCm (the default) CUDA's spelling is kept and a member
// ROCm 5.2 spells otherwise or lacks is warned about; --hip-version=5.2
// renames it to 5.2's spelling (cudaPointerAttributes::type -> memoryType,
// cudaDeviceProp::sharedMemPerMultiprocessor ->
// maxSharedMemoryPerMultiProcessor) or leaves it with a warning. A user's
// struct with the same member names is not touched.
// RUN: %cuport-translate %s -- > %t.hip 2> %t.err
// RUN: FileCheck --match-full-lines %s < %t.hip
// RUN: FileCheck --check-prefix=WARN %s < %t.err
// RUN: %cuport-translate --hip-version=5.2 %s -- > %t.52.hip 2> %t.52.err
// RUN: FileCheck --match-full-lines --check-prefix=R52 %s < %t.52.hip
// RUN: FileCheck --check-prefix=W52 %s < %t.52.err
// RUN: %cuport-translate --hip-version=6.0 %s -- > %t.60.hip 2> %t.60.err
// RUN: FileCheck --match-full-lines --check-prefix=R60 %s < %t.60.hip
// RUN: FileCheck --allow-empty --check-prefix=W60 %s < %t.60.err
// W60-NOT: warning

#include <cuda_runtime.h>

struct Mine {
  int type;
  int uuid;
};

int query(const void *p, Mine *m) {
  cudaPointerAttributes attr;
  // CHECK: hipPointerAttribute_t attr;
  cudaPointerGetAttributes(&attr, p);
  // CHECK: hipPointerGetAttributes(&attr, p);
  if (attr.type == cudaMemoryTypeDevice)
  // CHECK: if (attr.type == hipMemoryTypeDevice)
  // WARN: :[[@LINE-2]]:12: warning: 'hipPointerAttribute_t::type' needs ROCm 5.5 or later (ROCm 5.2 calls it 'memoryType'); --hip-version=5.2 renames it
  // R52: if (attr.memoryType == hipMemoryTypeDevice)
  // R60: if (attr.type == hipMemoryTypeDevice)
    return 1;
  cudaPointerAttributes *pa = &attr;
  // CHECK: hipPointerAttribute_t *pa = &attr;
  int t = (*pa).type + pa->type;
  // CHECK: int t = (*pa).type + pa->type;
  // WARN: :[[@LINE-2]]:17: warning: 'hipPointerAttribute_t::type' needs ROCm 5.5
  // WARN: :[[@LINE-3]]:28: warning: 'hipPointerAttribute_t::type' needs ROCm 5.5
  // R52: int t = (*pa).memoryType + pa->memoryType;
  cudaDeviceProp prop;
  // CHECK: hipDeviceProp_t prop;
  cudaGetDeviceProperties(&prop, 0);
  // CHECK: hipGetDeviceProperties(&prop, 0);
  size_t smem = prop.sharedMemPerMultiprocessor;
  // CHECK: size_t smem = prop.sharedMemPerMultiprocessor;
  // WARN: :[[@LINE-2]]:22: warning: 'hipDeviceProp_t::sharedMemPerMultiprocessor' needs ROCm 6.0 or later (ROCm 5.2 calls it 'maxSharedMemoryPerMultiProcessor'); --hip-version=5.2 renames it
  // R52: size_t smem = prop.maxSharedMemoryPerMultiProcessor;
  // R60: size_t smem = prop.sharedMemPerMultiprocessor;
  int engines = prop.asyncEngineCount;
  // CHECK: int engines = prop.asyncEngineCount;
  // WARN: :[[@LINE-2]]:22: warning: 'hipDeviceProp_t::asyncEngineCount' needs ROCm 6.0 or later (ROCm 5.2 lacks it); --hip-version=5.2 leaves the CUDA name instead
  // R52: int engines = prop.asyncEngineCount;
  // W52: :[[@LINE-4]]:22: warning: member 'cudaDeviceProp::asyncEngineCount' has no HIP equivalent in ROCm 5.2 ('hipDeviceProp_t::asyncEngineCount' needs ROCm 6.0); left unchanged
  // Members HIP 5.2 spells as CUDA does: no row, no warning.
  int sms = prop.multiProcessorCount + prop.warpSize;
  // CHECK: int sms = prop.multiProcessorCount + prop.warpSize;
  // The user's own struct.
  return t + int(smem) + engines + sms + m->type + m->uuid;
  // CHECK: return t + int(smem) + engines + sms + m->type + m->uuid;
}

int main() {
  cudaPointerAttributes a = {.type = cudaMemoryTypeHost};
  // CHECK: hipPointerAttribute_t a = {.type = hipMemoryTypeHost};
  // WARN: :[[@LINE-2]]:31: warning: 'hipPointerAttribute_t::type' needs ROCm 5.5
  // R52: hipPointerAttribute_t a = {.memoryType = hipMemoryTypeHost};
  return a.device;
}
// WARN-NOT: warning
// W52-NOT: warning
