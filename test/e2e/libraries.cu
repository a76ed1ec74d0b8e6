// Makefile-style libraries of CUDA code: objects archived with -lib (and
// with llvm-ar), a shared library built with -shared, and relocatable
// device code whose callee sits in an archive; each linked into a program
// that checks the results.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %cuport-cc -c %S/Inputs/lib_kernels.cu -o %t/kernels.o
// RUN: %cuport-cc -lib %t/kernels.o -o %t/libkernels.a
// RUN: %cuport-cc %s %t/libkernels.a -o %t/static && %t/static | %FileCheck %s
// RUN: %cuport-cc -lib %S/Inputs/lib_kernels.cu -o %t/libdirect.a
// RUN: %cuport-cc %s -L%t -ldirect -o %t/static2 && %t/static2 | %FileCheck %s
// RUN: %cuport-cc -shared -Xcompiler -fPIC %S/Inputs/lib_kernels.cu -o %t/libshared.so
// RUN: %cuport-cc %s -L%t -lshared -Xlinker -rpath=%t -o %t/dynamic && %t/dynamic | %FileCheck %s
// RUN: %cuport-cc -dc %S/Inputs/rdc_callee.cu -o %t/callee.o && %cuport-cc -lib %t/callee.o -o %t/libcallee.a
// RUN: %cuport-cc -dc %S/rdc_main.cu -o %t/rdcmain.o && %cuport-cc %t/rdcmain.o %t/libcallee.a -o %t/rdc && %t/rdc | %FileCheck %s --check-prefix=RDC
// REQUIRES: opencl
// CHECK: scaled by 9, 2 launches: PASSED
// RDC: PASSED
#include <cstdio>

extern "C" int libScaleOnDevice(float *hostData, float a, int n);

int main() {
  const int n = 1000;
  float x[n];
  for (int i = 0; i < n; ++i)
    x[i] = (float)i - 500.0f;
  int calls = libScaleOnDevice(x, 3.0f, n);
  for (int i = 0; i < n; ++i)
    if (x[i] != 9.0f * ((float)i - 500.0f)) {
      printf("FAILED at %d: %g\n", i, x[i]);
      return 1;
    }
  if (calls != 2) {
    printf("FAILED: device counter %d\n", calls);
    return 1;
  }
  printf("scaled by 9, %d launches: PASSED\n", calls);
  return 0;
}
