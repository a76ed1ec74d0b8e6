// libcudart on the HIP target resolves device variables in the loaded code
// object by name (hipModuleGetGlobal) instead of allocating a globals block,
// and symbol copies (and the printf buffer's address) go to the addresses
// HIP returned. Checked with a
// stand-in libamdhip64 that reports one gfx90a device (Inputs/).
// RUN: rm -rf %t && mkdir -p %t
// RUN: %clang -x c++ -std=c++17 -shared -fPIC %S/Inputs/fake-amdhip64.cpp -o %t/libfakehip.so
// RUN: %cuport-cc --offload-arch=gfx90a %s -o %t/app
// RUN: env CUPORT_TARGET=hip CUPORT_HIP_LIBRARY=%t/libfakehip.so %t/app | %FileCheck %s
// CHECK: hipModuleLoadData 0x
// Every symbol of the container is looked up once, when the module loads.
// CHECK-DAG: hipModuleGetGlobal(counter) = [[COUNTER:0x[0-9a-f]+]]
// CHECK-DAG: hipModuleGetGlobal(coeffs) = 0x[[#%x,COEFFS:]]
// CHECK-DAG: hipModuleGetGlobal(_ZL6hidden) = [[HIDDEN:0x[0-9a-f]+]]
// CHECK-DAG: hipModuleGetGlobal(absentVar) = not found
// CHECK-DAG: hipModuleGetGlobal(__cuport_printf_buffer) = [[PRINTF:0x[0-9a-f]+]]
// CHECK-DAG: hipModuleGetGlobal(__cuport_printf_format) = 0x
// The printf buffer (its 16-byte header written first) is allocated and
// its address stored into the code object's __cuport_printf_buffer.
// CHECK: hipMemcpyAsync dst=[[BUFFER:0x[0-9a-f]+]] src={{.*}} bytes=16 kind=1
// CHECK-NEXT: hipMemcpyAsync dst=[[PRINTF]] src={{.*}} bytes=8 kind=1
// Synchronizing calls read the printf buffer's header back (16 bytes,
// kind 2) between the lines below.
// CHECK: hipMemcpyAsync dst=[[COUNTER]] src={{.*}} bytes=4 kind=1
// CHECK: to counter: no error
// CHECK: hipMemcpyAsync dst={{.*}} src=[[COUNTER]] bytes=4 kind=2
// CHECK: from counter: 41
// CHECK: hipMemcpyAsync dst=0x[[#%x,COEFFS+8]] src={{.*}} bytes=8 kind=1
// CHECK: to coeffs+8: no error
// CHECK-NEXT: address of hidden: [[HIDDEN]]
// CHECK-NEXT: size of coeffs: 16
// CHECK-NEXT: past the end: invalid argument
// CHECK-NEXT: hipMemcpyAsync dst=[[HIDDEN]] src={{.*}} bytes=8 kind=1
// CHECK: cudaMemcpy to the address: no error
// A variable the code object lacks is an invalid symbol, said once on stderr.
// CHECK-NEXT: absentVar: invalid device symbol
// RUN: env CUPORT_TARGET=hip CUPORT_HIP_LIBRARY=%t/libfakehip.so %t/app 2>&1 >/dev/null | %FileCheck %s --check-prefix=ERR
// ERR: device variable 'absentVar' is not in the device's code object
// CHECK-NOT: hipModuleGetGlobal
#include <cstdio>
#include <cuda_runtime.h>

__device__ int counter;
__constant__ float coeffs[4] = {1, 2, 3, 4};
static __device__ long hidden = 42;
__device__ int absentVar; // The stand-in library has no global of this name.

__global__ void use(int *out) {
  out[0] = counter + int(coeffs[1]) + int(hidden) + absentVar;
  printf("%d\n", out[0]);
}

static void show(const char *What, cudaError_t E) {
  std::printf("%s: %s\n", What, E == cudaSuccess ? "no error" : cudaGetErrorString(E));
  std::fflush(stdout);
}

int main() {
  int V = 41;
  show("to counter", cudaMemcpyToSymbol(counter, &V, sizeof(V)));
  int Back = 0;
  cudaMemcpyFromSymbol(&Back, counter, sizeof(Back));
  std::printf("from counter: %d\n", Back);
  float Two[2] = {5, 6};
  show("to coeffs+8", cudaMemcpyToSymbol(coeffs, Two, sizeof(Two), 8));
  void *Addr = nullptr;
  cudaGetSymbolAddress(&Addr, hidden);
  std::printf("address of hidden: %p\n", Addr);
  size_t Size = 0;
  cudaGetSymbolSize(&Size, coeffs);
  std::printf("size of coeffs: %zu\n", Size);
  show("past the end", cudaMemcpyToSymbol(counter, &V, sizeof(V), 4));
  long L = 7;
  show("cudaMemcpy to the address", cudaMemcpy(Addr, &L, sizeof(L), cudaMemcpyHostToDevice));
  show("absentVar", cudaMemcpyToSymbol(absentVar, &V, sizeof(V)));
  return 0;
}
