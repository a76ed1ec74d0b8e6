// Inline PTX is a compile error at its source line, with the assembly text,
// on the SPIR-V and the AMD path (the translator crashed on it before).
// RUN: %not %cuport-cc -c %s -o %t.o 2>&1 | %FileCheck %s
// RUN: %not %cuport-cc --offload-arch=gfx90a -c %s -o %t.o 2>&1 | %FileCheck %s
// RUN: not test -e %t.o
#include <cuda_runtime.h>

__global__ void lane(unsigned *o) {
  unsigned id;
  // CHECK: cuport-cc: error: {{.*}}inline-asm.cu:[[@LINE+1]]:3: inline PTX assembly is not supported by cuport ("mov.u32 $0, %laneid;" in '_Z4lanePj')
  asm("mov.u32 %0, %%laneid;" : "=r"(id));
  o[0] = id;
}
