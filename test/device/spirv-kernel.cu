// The device side of a .cu file becomes SPIR-V that passes spirv-val, with
// OpenCL kernel entry points taking CrossWorkgroup pointers, work-group
// (local) memory for __shared__, and a work-group barrier for __syncthreads.
// RUN: %cuport-cc -fatbin %s -o %t.fatbin
// RUN: cuport-fatbin --extract=spirv -o %t.spv %t.fatbin
// RUN: %spirv-val %t.spv
// RUN: %spirv-dis %t.spv | %FileCheck %s
// RUN: cuport-fatbin %t.fatbin | %FileCheck %s --check-prefix=META
#include <cuda_runtime.h>

struct Params { char tag; double scale; int n; };

// CHECK-DAG: OpCapability Kernel
// CHECK-DAG: OpCapability Addresses
// CHECK-DAG: OpMemoryModel Physical64 OpenCL
// CHECK-DAG: OpEntryPoint Kernel %{{[0-9A-Za-z_]+}} "_Z5tiledPKfPfi"
// CHECK-DAG: OpEntryPoint Kernel %{{[0-9A-Za-z_]+}} "_Z7byvalue6ParamsPdb"
// CHECK-DAG: %_ZZ5tiledPKfPfiE4tile = OpVariable %{{[A-Za-z_0-9]+}} Workgroup
// CHECK-DAG: OpTypePointer CrossWorkgroup
// CHECK: OpControlBarrier
__global__ void tiled(const float *in, float *out, int n) {
  __shared__ float tile[256];
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  tile[threadIdx.x] = i < n ? in[i] : 0.0f;
  __syncthreads();
  if (i < n)
    out[i] = tile[blockDim.x - 1 - threadIdx.x];
}

__global__ void byvalue(Params p, double *out, bool flag) {
  if (flag)
    out[threadIdx.x] = p.scale * p.n + p.tag;
}

// Metadata: pointers are device addresses; structs go by value with their
// host size; bool is one byte.
// META: kernel _Z5tiledPKfPfi args=3 pointer:8@8 pointer:8@8 value:4@4
// META: kernel _Z7byvalue6ParamsPdb args=3 value:24@8 pointer:8@8 value:1@1
