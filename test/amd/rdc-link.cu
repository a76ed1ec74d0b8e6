// -rdc=true with --offload-arch: each object carries its translation unit's
// amdgcn bitcode next to the SPIR-V side's, and the device link builds one
// gfx90a code object from both units, where the extern __device__ function
// and variable resolve across them. Its kernels and variables are the
// linked SPIR-V image's.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %cuport-cc -rdc=true --offload-arch=gfx90a -c %s -o %t/main.o
// RUN: %cuport-cc -rdc=true --offload-arch=gfx90a -c %S/Inputs/rdc-lib.cu -o %t/lib.o
// RUN: cuport-fatbin %t/main.o | %FileCheck %s --check-prefix=OBJ
// OBJ: image bitcode arch=spirv64
// OBJ-NEXT: image bitcode arch=gfx90a
// RUN: %cuport-cc -rdc=true -dlink %t/main.o %t/lib.o -o %t/dlink.o
// RUN: cuport-fatbin %t/dlink.o | %FileCheck %s --check-prefix=LINKED
// LINKED: image spirv arch=spirv64
// LINKED-NEXT: image amdgcn arch=gfx90a
// LINKED-DAG: kernel _Z10mainKernelPi args=2
// LINKED-DAG: kernel _Z9libKernelPi args=2
// LINKED-DAG: symbol scale bytes=4
// LINKED-DAG: symbol total bytes=4
// RUN: cuport-fatbin --extract=gfx90a -o %t/linked.co %t/dlink.o
// RUN: llvm-objdump -d --mcpu=gfx90a %t/linked.co | %FileCheck %s --check-prefix=DIS
// DIS-DAG: <_Z10mainKernelPi>:
// DIS-DAG: <_Z9libKernelPi>:
// DIS: s_endpgm
// RUN: llvm-readelf -s --wide %t/linked.co | %FileCheck %s --check-prefix=SYMS
// SYMS-DAG: {{ 4 OBJECT +GLOBAL +PROTECTED .* scale$}}
// SYMS-DAG: {{ 4 OBJECT +GLOBAL +PROTECTED .* total$}}
// SYMS-DAG: {{ FUNC +GLOBAL +PROTECTED .* _Z10mainKernelPi$}}
// SYMS-DAG: {{ FUNC +GLOBAL +PROTECTED .* _Z9libKernelPi$}}
// The final link works the same way, and the executable carries the code
// object too.
// RUN: %cuport-cc -rdc=true %t/main.o %t/lib.o -o %t/app
// RUN: cuport-fatbin %t/app | %FileCheck %s --check-prefix=APP
// APP: image amdgcn arch=gfx90a
// On the HIP target (a stand-in libamdhip64 with one gfx90a device) the
// linked code object is loaded and both units' variables are found in it.
// RUN: %clang -x c++ -std=c++17 -shared -fPIC %S/Inputs/fake-amdhip64.cpp -o %t/libfakehip.so
// RUN: env CUPORT_TARGET=hip CUPORT_HIP_LIBRARY=%t/libfakehip.so %t/app | %FileCheck %s --check-prefix=HIP
// HIP: hipModuleLoadData 0x
// HIP-DAG: hipModuleGetGlobal(scale) = 0x
// HIP-DAG: hipModuleGetGlobal(total) = [[TOTAL:0x[0-9a-f]+]]
// HIP: hipMemcpyAsync dst=[[TOTAL]] src={{.*}} bytes=4 kind=1
// HIP-NEXT: to total: 0
// An object without gfx90a code in the same link is named.
// RUN: %cuport-cc -rdc=true -c %S/Inputs/rdc-lib.cu -o %t/lib-spirv-only.o
// RUN: %not %cuport-cc -rdc=true %t/main.o %t/lib-spirv-only.o -o %t/bad 2>&1 | %FileCheck %s --check-prefix=MISSING
// MISSING: error: {{.*}}lib-spirv-only.o{{.*}} has no gfx90a device code, but other -rdc objects of this link do
#include <cstdio>
#include <cuda_runtime.h>

extern __device__ int scale;
extern __device__ int scaled(int x);
__device__ int total;

__global__ void mainKernel(int *out) {
  out[threadIdx.x] = scaled(int(threadIdx.x)) + scale;
  atomicAdd(&total, 1);
}

int main() {
  int Zero = 0;
  std::printf("to total: %d\n", int(cudaMemcpyToSymbol(total, &Zero, sizeof(Zero))));
  return 0;
}
