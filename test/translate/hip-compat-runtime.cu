// Runtime names ROCm 5.2 has no HIP spelling for (HipCompatRuntime.def):
// with --hip-version=5.2 each becomes a substitute from the generated
// cuport_hip_compat.h, which the file then includes. Where the substitute
// does what CUDA documents (the occupancy searches, cudaLaunchKernelExC
// and its types, maxBlocksPerMultiProcessor) a note says so; where ROCm 5.2
// lacks the capability (setting a limit, the stack-size limit) or the
// value is not HIP's (the CUDA version macros) a warning stays at the
// line. Calls, types, enumerators, members and macros, also inside a
// macro's body (the lexer pass) and in #if; a member that is written or
// whose address is taken keeps its warning; a user's own names are left
// alone. For the newest ROCm, hipDeviceSetLimit is HIP's own.
// RUN: %cuport-translate --hip-version=5.2 %s -- 2> %t.err | FileCheck --match-full-lines %s
// RUN: FileCheck --check-prefix=DIAG %s < %t.err
// RUN: %cuport-translate %s -- 2> /dev/null | FileCheck --check-prefix=NEWEST %s
// hip-compat-runtime-header.test compiles the output with hipcc, with
// CUPORT_HIPCC defined to leave out the lines that keep a CUDA name.

#include <cuda_runtime.h>
#define SET_STACK(v) cudaDeviceSetLimit(cudaLimitStackSize, v)
#define CUDA_VERSION_USED CUDART_VERSION
// CHECK: #include "cuport_hip_compat.h"
// CHECK-NEXT: #include <hip/hip_runtime.h>
// CHECK: #define SET_STACK(v) cuport_hipDeviceSetLimit(cuport_hipLimitStackSize, v)
// CHECK-NEXT: #define CUDA_VERSION_USED CUPORT_CUDART_VERSION

namespace user {
int cudaDeviceSetLimit(int Limit, int Value) { return Limit + Value; }
struct cudaLaunchConfig_t {
  int maxBlocksPerMultiProcessor;
};
} // namespace user

__global__ void kernel(int *Out) { Out[0] = __CUDACC_VER_MAJOR__; }
// CHECK: __global__ void kernel(int *Out) { Out[0] = CUPORT_CUDACC_VER_MAJOR; }
// DIAG: hip-compat-runtime.cu:[[@LINE-2]]:45: warning: '__CUDACC_VER_MAJOR__' has no HIP equivalent in ROCm 5.2; 'CUPORT_CUDACC_VER_MAJOR' from the generated cuport_hip_compat.h stands in, but its value is the version of the CUDA the code was translated from, not a HIP version

#if CUDART_VERSION >= 12000 && __CUDACC_VER_MINOR__ >= 0
// CHECK: #if CUPORT_CUDART_VERSION >= 12000 && CUPORT_CUDACC_VER_MINOR >= 0
static const int NewCuda = 1;
#endif

static size_t perThread(int Block) { return size_t(Block) * sizeof(float); }

int host(cudaDeviceProp *PropPtr, void **Args) {
  cudaDeviceProp Prop;
  int Sum = 0;
  cudaDeviceSetLimit(cudaLimitPrintfFifoSize, 4096);
  // CHECK: cuport_hipDeviceSetLimit(hipLimitPrintfFifoSize, 4096);
  // NEWEST: hipDeviceSetLimit(hipLimitPrintfFifoSize, 4096);
  // DIAG: hip-compat-runtime.cu:[[@LINE-3]]:3: warning: 'cudaDeviceSetLimit' has no HIP equivalent in ROCm 5.2; 'cuport_hipDeviceSetLimit' from the generated cuport_hip_compat.h stands in, but ROCm 5.2 cannot change device limits: it returns hipErrorUnsupportedLimit unless the limit already has that value
  size_t Stack;
  cudaDeviceGetLimit(&Stack, cudaLimitStackSize);
  // CHECK: hipDeviceGetLimit(&Stack, cuport_hipLimitStackSize);
  // DIAG: hip-compat-runtime.cu:[[@LINE-2]]:30: warning: 'cudaLimitStackSize' has no HIP equivalent in ROCm 5.2; 'cuport_hipLimitStackSize' from the generated cuport_hip_compat.h stands in, but ROCm 5.2 has no stack-size limit: its hipDeviceGetLimit returns hipErrorUnsupportedLimit for it
  SET_STACK(2048);
  // CHECK: SET_STACK(2048);
  Sum += CUDA_VERSION_USED + CUDART_VERSION;
  // CHECK: Sum += CUDA_VERSION_USED + CUPORT_CUDART_VERSION;

  cudaLaunchConfig_t Config = {};
  // CHECK: cuport_hipLaunchConfig_t Config = {};
  // DIAG: hip-compat-runtime.cu:[[@LINE-2]]:3: note: 'cudaLaunchConfig_t' has no HIP equivalent in ROCm 5.2; 'cuport_hipLaunchConfig_t' computes the same: a struct with CUDA's members, for cuport_hipLaunchKernelExC
  cudaLaunchAttribute Attr[2];
  // CHECK: cuport_hipLaunchAttribute Attr[2];
  Attr[0].id = cudaLaunchAttributeIgnore;
  // CHECK: Attr[0].id = cuport_hipLaunchAttributeIgnore;
  Attr[1].id = cudaLaunchAttributeCooperative;
  // CHECK: Attr[1].id = cuport_hipLaunchAttributeCooperative;
  Attr[1].val.cooperative = 1;
  // CHECK: Attr[1].val.cooperative = 1;
  cudaLaunchAttributeValue Value = Attr[1].val;
  // CHECK: cuport_hipLaunchAttributeValue Value = Attr[1].val;
  cudaLaunchAttributeID Id = Attr[0].id;
  // CHECK: cuport_hipLaunchAttributeID Id = Attr[0].id;
  Config.gridDim = Config.blockDim = dim3(Value.cooperative + Id);
  Config.attrs = Attr;
  Config.numAttrs = 2;
  cudaLaunchKernelExC(&Config, (const void *)kernel, Args);
  // CHECK: cuport_hipLaunchKernelExC(&Config, (const void *)kernel, Args);
  // DIAG: hip-compat-runtime.cu:[[@LINE-2]]:3: note: 'cudaLaunchKernelExC' has no HIP equivalent in ROCm 5.2; 'cuport_hipLaunchKernelExC' computes the same: hipLaunchKernel, or hipLaunchCooperativeKernel with cudaLaunchAttributeCooperative set

  int MinGrid, Block;
  size_t Avail;
  cudaOccupancyMaxPotentialBlockSizeVariableSMem(&MinGrid, &Block, kernel, perThread);
  // CHECK: cuport_hipOccupancyMaxPotentialBlockSizeVariableSMem(&MinGrid, &Block, kernel, perThread);
  // DIAG: hip-compat-runtime.cu:[[@LINE-2]]:3: note: 'cudaOccupancyMaxPotentialBlockSizeVariableSMem' has no HIP equivalent in ROCm 5.2; 'cuport_hipOccupancyMaxPotentialBlockSizeVariableSMem' computes the same: CUDA's search over block sizes, asking hipOccupancyMaxActiveBlocksPerMultiprocessorWithFlags
  cudaOccupancyMaxPotentialBlockSizeVariableSMemWithFlags(&MinGrid, &Block, kernel,
                                                          [](int B) { return size_t(B); }, 256,
                                                          cudaOccupancyDefault);
  // CHECK: cuport_hipOccupancyMaxPotentialBlockSizeVariableSMemWithFlags(&MinGrid, &Block, kernel,
  cudaOccupancyAvailableDynamicSMemPerBlock(&Avail, kernel, 2, Block);
  // CHECK: cuport_hipOccupancyAvailableDynamicSMemPerBlock(&Avail, kernel, 2, Block);
  // DIAG: hip-compat-runtime.cu:[[@LINE-2]]:3: note: 'cudaOccupancyAvailableDynamicSMemPerBlock' has no HIP equivalent in ROCm 5.2; 'cuport_hipOccupancyAvailableDynamicSMemPerBlock' computes the same: the largest dynamic size at which hipOccupancyMaxActiveBlocksPerMultiprocessor still fits numBlocks blocks

  cudaGetDeviceProperties(&Prop, 0);
  Sum += Prop.maxBlocksPerMultiProcessor + PropPtr->maxBlocksPerMultiProcessor;
  // CHECK: Sum += cuport_maxBlocksPerMultiProcessor(Prop) + cuport_maxBlocksPerMultiProcessor(*PropPtr);
  // DIAG: hip-compat-runtime.cu:[[@LINE-2]]:15: note: 'cudaDeviceProp::maxBlocksPerMultiProcessor' has no HIP equivalent in ROCm 5.2; 'cuport_maxBlocksPerMultiProcessor' computes the same: maxThreadsPerMultiProcessor / warpSize, as ROCm 6.0's hipDeviceProp_t reports it
#define TWICE(x) ((x) * 2)
  Sum += TWICE(Prop.maxBlocksPerMultiProcessor);
  // CHECK: Sum += TWICE(cuport_maxBlocksPerMultiProcessor(Prop));
  Sum += (&Prop)[0].maxBlocksPerMultiProcessor * 2;
  // CHECK: Sum += cuport_maxBlocksPerMultiProcessor((&Prop)[0]) * 2;
  Sum += int(Prop.sharedMemPerBlockOptin);
  // CHECK: Sum += int(Prop.sharedMemPerBlock);

  user::cudaLaunchConfig_t Mine = {3};
  // CHECK: user::cudaLaunchConfig_t Mine = {3};
  Sum += user::cudaDeviceSetLimit(1, 2) + Mine.maxBlocksPerMultiProcessor;
  // CHECK: Sum += user::cudaDeviceSetLimit(1, 2) + Mine.maxBlocksPerMultiProcessor;
#ifndef CUPORT_HIPCC
  int *Where = &Prop.maxBlocksPerMultiProcessor;
  // CHECK: int *Where = &Prop.maxBlocksPerMultiProcessor;
  // DIAG: hip-compat-runtime.cu:[[@LINE-2]]:22: warning: member 'cudaDeviceProp::maxBlocksPerMultiProcessor' has no HIP equivalent in ROCm 5.2 ('hipDeviceProp_t::maxBlocksPerMultiProcessor' needs ROCm 6.0); left unchanged
  Prop.maxBlocksPerMultiProcessor = 1;
  // CHECK: Prop.maxBlocksPerMultiProcessor = 1;
  Sum += *Where;
#endif
  return Sum + NewCuda;
}
