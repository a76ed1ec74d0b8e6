// Device variables stay globals of the AMD code object (no globals block as
// on SPIR-V), each under the name the container's symbol table gives it:
// the name libcudart asks hipModuleGetGlobal for. That includes a static
// __device__ variable and printf's buffer and format string, which Clang and
// cuport-lower-printf leave internal and the AMD path makes global.
// RUN: %cuport-cc --offload-arch=gfx90a -fatbin %s -o %t.fatbin
// RUN: cuport-fatbin %t.fatbin | %FileCheck %s --check-prefix=META
// META: image spirv arch=spirv64
// META: image amdgcn arch=gfx90a
// META: kernel _Z4bumpPii args=3 pointer:8@8 value:4@4 globals:0@16
// META-DAG: symbol __cuport_printf_buffer bytes=8
// META-DAG: symbol __cuport_printf_format bytes=12
// META-DAG: symbol counter bytes=4
// META-DAG: symbol coeffs bytes=16
// META-DAG: symbol _ZL6hidden bytes=8
// RUN: cuport-fatbin --extract=gfx90a -o %t.co %t.fatbin
// RUN: llvm-readelf -s --wide %t.co | %FileCheck %s --check-prefix=SYMS
// SYMS-DAG: {{ 4 OBJECT +GLOBAL +PROTECTED .* counter$}}
// SYMS-DAG: {{ 16 OBJECT +GLOBAL +PROTECTED .* coeffs$}}
// SYMS-DAG: {{ 8 OBJECT +GLOBAL +PROTECTED .* _ZL6hidden$}}
// SYMS-DAG: {{ 8 OBJECT +GLOBAL +PROTECTED .* __cuport_printf_buffer$}}
// SYMS-DAG: {{ 12 OBJECT +GLOBAL +PROTECTED .* __cuport_printf_format$}}
// SYMS-DAG: {{ FUNC +GLOBAL +PROTECTED .* _Z4bumpPii$}}
// The kernel takes its user arguments only (a pointer and an int: 12 bytes
// of kernarg), no globals-block pointer after them.
// RUN: llvm-readobj --notes %t.co | %FileCheck %s --check-prefix=ARGS
// ARGS: .args:
// ARGS-NEXT: .address_space: generic
// ARGS-NEXT: .offset: 0
// ARGS-NEXT: .size: 8
// ARGS-NEXT: .value_kind: global_buffer
// ARGS-NEXT: .offset: 8
// ARGS-NEXT: .size: 4
// ARGS-NEXT: .value_kind: by_value
// ARGS-NEXT: .group_segment_fixed_size:
// ARGS: .kernarg_segment_size: 12
// ARGS: .name: _Z4bumpPii
#include <cstdio>
#include <cuda_runtime.h>

__device__ int counter;
__constant__ float coeffs[4] = {1, 2, 3, 4};
static __device__ long hidden = 42;

__global__ void bump(int *out, int n) {
  int old = atomicAdd(&counter, n);
  out[threadIdx.x] = old + int(coeffs[threadIdx.x & 3]) + int(hidden);
  if (threadIdx.x == 0)
    printf("counter %d\n", old);
}

int main() {
  int Host = 5;
  cudaMemcpyToSymbol(counter, &Host, sizeof(Host));
  cudaMemcpyFromSymbol(&Host, hidden, sizeof(int));
  return 0;
}
