// nvcc's predefined macros as cuport-cc defines them: __CUDACC__, __NVCC__
// and __CUDACC_VER_MAJOR__ on both sides, __CUDA_ARCH__ on the device side
// only (from -arch), CUDART_VERSION from the headers; --no-nvcc-macro
// removes __NVCC__ on both sides. A plain .c file compiled alongside sees
// __NVCC__ but not __CUDACC__, as with nvcc.
// RUN: %cuport-cc -arch=sm_75 %s %S/Inputs/c_helper.c -o %t && %t | %FileCheck %s
// RUN: %cuport-cc -arch=sm_75 --no-nvcc-macro %s %S/Inputs/c_helper.c -o %t.nonvcc && %t.nonvcc | %FileCheck %s --check-prefix=NONVCC
// REQUIRES: opencl
// CHECK: host: cudacc=1 nvcc=1 ver=12 arch=none cudart=12040
// CHECK: device: cudacc=1 nvcc=1 ver=12 arch=750
// CHECK: c file: nvcc=1 cudacc=0
// NONVCC: host: cudacc=1 nvcc=0 ver=12 arch=none cudart=12040
// NONVCC: device: cudacc=1 nvcc=0 ver=12 arch=750
// NONVCC: c file: nvcc=0 cudacc=0
#include <cstdio>

extern "C" void describeCFile(int *nvcc, int *cudacc);

#ifdef __NVCC__
#define NVCC_DEFINED 1
#else
#define NVCC_DEFINED 0
#endif
#ifdef __CUDACC__
#define CUDACC_DEFINED 1
#else
#define CUDACC_DEFINED 0
#endif

__global__ void deviceMacros(int *out) {
  out[0] = CUDACC_DEFINED;
  out[1] = NVCC_DEFINED;
  out[2] = __CUDACC_VER_MAJOR__;
#ifdef __CUDA_ARCH__
  out[3] = __CUDA_ARCH__;
#else
  out[3] = -1;
#endif
}

int main() {
#ifdef __CUDA_ARCH__
  const char *hostArch = "defined";
#else
  const char *hostArch = "none";
#endif
  printf("host: cudacc=%d nvcc=%d ver=%d arch=%s cudart=%d\n", CUDACC_DEFINED, NVCC_DEFINED,
         __CUDACC_VER_MAJOR__, hostArch, CUDART_VERSION);
  int *d, h[4] = {0, 0, 0, 0};
  cudaMalloc(&d, sizeof(h));
  deviceMacros<<<1, 1>>>(d);
  cudaMemcpy(h, d, sizeof(h), cudaMemcpyDeviceToHost);
  printf("device: cudacc=%d nvcc=%d ver=%d arch=%d\n", h[0], h[1], h[2], h[3]);
  int nvcc = -1, cudacc = -1;
  describeCFile(&nvcc, &cudacc);
  printf("c file: nvcc=%d cudacc=%d\n", nvcc, cudacc);
  return 0;
}
