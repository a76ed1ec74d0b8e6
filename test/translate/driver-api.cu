// RUN: %cuport-translate %s -- > %t.hip 2> %t.err
// RUN: FileCheck --match-full-lines %s < %t.hip
// RUN: FileCheck --check-prefix=DIAG --allow-empty %s < %t.err
// Driver API (cuda.h): functions, handles, enumerators, macros. cuport ships
// no cuda.h; the translator parses against declarations from its table.
// DIAG-NOT: fallback
// DIAG-NOT: warning

#include <cuda.h>
// CHECK: #include <hip/hip_runtime.h>
#include <cstdio>

static int driverCalls(const void *image, size_t n) {
  CUresult r = cuInit(0);
  // CHECK: hipError_t r = hipInit(0);
  if (r != CUDA_SUCCESS)
  // CHECK: if (r != hipSuccess)
    return 1;
  CUdevice dev;
  // CHECK: hipDevice_t dev;
  CUcontext ctx;
  // CHECK: hipCtx_t ctx;
  CUmodule mod;
  // CHECK: hipModule_t mod;
  CUfunction fn;
  // CHECK: hipFunction_t fn;
  CUdeviceptr dptr;
  // CHECK: hipDeviceptr_t dptr;
  CUstream stream;
  // CHECK: hipStream_t stream;
  CUevent ev;
  // CHECK: hipEvent_t ev;
  int count = 0, major = 0, minor = 0, value = 0;
  char name[128];
  cuDeviceGetCount(&count);
  // CHECK: hipGetDeviceCount(&count);
  cuDeviceGet(&dev, 0);
  // CHECK: hipDeviceGet(&dev, 0);
  cuDeviceGetName(name, sizeof(name), dev);
  // CHECK: hipDeviceGetName(name, sizeof(name), dev);
  cuDeviceComputeCapability(&major, &minor, dev);
  // CHECK: hipDeviceComputeCapability(&major, &minor, dev);
  cuDeviceGetAttribute(&value, CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT, dev);
  // CHECK: hipDeviceGetAttribute(&value, hipDeviceAttributeMultiprocessorCount, dev);
  cuDeviceGetAttribute(&value, CU_DEVICE_ATTRIBUTE_WARP_SIZE, dev);
  // CHECK: hipDeviceGetAttribute(&value, hipDeviceAttributeWarpSize, dev);
  cuDeviceGetAttribute(&value, CU_DEVICE_ATTRIBUTE_MAX_THREADS_PER_BLOCK, dev);
  // CHECK: hipDeviceGetAttribute(&value, hipDeviceAttributeMaxThreadsPerBlock, dev);
  cuCtxCreate(&ctx, CU_CTX_SCHED_AUTO, dev);
  // CHECK: hipCtxCreate(&ctx, hipDeviceScheduleAuto, dev);
  cuCtxSetCurrent(ctx);
  // CHECK: hipCtxSetCurrent(ctx);
  cuModuleLoadData(&mod, image);
  // CHECK: hipModuleLoadData(&mod, image);
  cuModuleGetFunction(&fn, mod, "kernel");
  // CHECK: hipModuleGetFunction(&fn, mod, "kernel");
  cuMemAlloc(&dptr, n);
  // CHECK: hipMalloc(&dptr, n);
  cuMemcpyHtoD(dptr, image, n);
  // CHECK: hipMemcpyHtoD(dptr, image, n);
  cuMemsetD32(dptr, 0, n / 4);
  // CHECK: hipMemsetD32(dptr, 0, n / 4);
  cuStreamCreate(&stream, CU_STREAM_NON_BLOCKING);
  // CHECK: hipStreamCreateWithFlags(&stream, hipStreamNonBlocking);
  cuEventCreate(&ev, CU_EVENT_DEFAULT);
  // CHECK: hipEventCreateWithFlags(&ev, hipEventDefault);
  void *args[] = {&dptr};
  cuLaunchKernel(fn, 1, 1, 1, 32, 1, 1, 0, stream, args, nullptr);
  // CHECK: hipModuleLaunchKernel(fn, 1, 1, 1, 32, 1, 1, 0, stream, args, nullptr);
  cuEventRecord(ev, stream);
  // CHECK: hipEventRecord(ev, stream);
  cuStreamSynchronize(stream);
  // CHECK: hipStreamSynchronize(stream);
  cuEventSynchronize(ev);
  // CHECK: hipEventSynchronize(ev);
  char host[16];
  cuMemcpyDtoH(host, dptr, sizeof(host));
  // CHECK: hipMemcpyDtoH(host, dptr, sizeof(host));
  cuMemFree(dptr);
  // CHECK: hipFree(dptr);
  cuEventDestroy(ev);
  // CHECK: hipEventDestroy(ev);
  cuStreamDestroy(stream);
  // CHECK: hipStreamDestroy(stream);
  cuModuleUnload(mod);
  // CHECK: hipModuleUnload(mod);
  cuCtxDestroy(ctx);
  // CHECK: hipCtxDestroy(ctx);
  if (r == CUDA_ERROR_INVALID_VALUE || r == CUDA_ERROR_OUT_OF_MEMORY)
  // CHECK: if (r == hipErrorInvalidValue || r == hipErrorOutOfMemory)
    return 2;
  if (r == CUDA_ERROR_NOT_INITIALIZED || r == CUDA_ERROR_INVALID_CONTEXT)
  // CHECK: if (r == hipErrorNotInitialized || r == hipErrorInvalidContext)
    return 3;
  return count;
}

int main() { return driverCalls(nullptr, 0); }

