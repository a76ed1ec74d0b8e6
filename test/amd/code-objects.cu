// --offload-arch adds AMD GCN code objects next to the SPIR-V image, one per
// architecture, sharing the kernel metadata; llvm-objdump disassembles the
// kernels; CUPORT_AMD_ARCHS does the same for builds whose flags are fixed.
// RUN: %cuport-cc --offload-arch=gfx90a,gfx1030 -fatbin %s -o %t.fatbin
// RUN: cuport-fatbin %t.fatbin | %FileCheck %s
// CHECK: image spirv arch=spirv64
// CHECK-NEXT: image amdgcn arch=gfx90a
// CHECK-NEXT: image amdgcn arch=gfx1030
// CHECK-NEXT: kernel _Z7stencilPKfPfi args=3 pointer:8@8 pointer:8@8 value:4@4
// RUN: cuport-fatbin --extract=gfx90a -o %t.gfx90a.co %t.fatbin
// RUN: llvm-objdump -d --mcpu=gfx90a %t.gfx90a.co | %FileCheck %s --check-prefix=DIS
// DIS: <_Z7stencilPKfPfi{{.*}}>:
// DIS: ds_write
// DIS: s_barrier
// DIS: s_endpgm
// RUN: llvm-readobj --notes %t.gfx90a.co | %FileCheck %s --check-prefix=NOTES
// NOTES-DAG: .name: _Z7stencilPKfPfi
// NOTES-DAG: amdhsa.target: amdgcn-amd-amdhsa--gfx90a
// RUN: env CUPORT_AMD_ARCHS=gfx940 %cuport-cc -fatbin %s -o %t.env.fatbin
// RUN: cuport-fatbin %t.env.fatbin | %FileCheck %s --check-prefix=ENV
// ENV: image amdgcn arch=gfx940
// The object built with -c carries them too.
// RUN: %cuport-cc --offload-arch=gfx90a -c %s -o %t.o && cuport-fatbin %t.o | %FileCheck %s --check-prefix=OBJ
// OBJ: image amdgcn arch=gfx90a
#include <cuda_runtime.h>

__global__ void stencil(const float *in, float *out, int n) {
  __shared__ float tile[130];
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  tile[threadIdx.x + 1] = i < n ? in[i] : 0.0f;
  if (threadIdx.x == 0)
    tile[0] = i > 0 ? in[i - 1] : 0.0f;
  __syncthreads();
  if (i < n)
    out[i] = 0.5f * tile[threadIdx.x + 1] + 0.25f * (tile[threadIdx.x] + sqrtf(fabsf(in[i])));
}

// A gfx name this LLVM does not know is an error that says so.
// RUN: %not %cuport-cc --offload-arch=gfx942 -c %s -o %t.942.o 2>&1 | %FileCheck %s --check-prefix=UNKNOWN
// UNKNOWN: error: {{.*}}has no AMDGPU target 'gfx942'
