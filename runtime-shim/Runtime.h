//===- Runtime.h - libcudart's internal state and helpers -----------------===//
//
// What the entry-point files (Memory.cpp, Launch.cpp, Device.cpp, ...) share:
// the API boundary wrapper, the per-thread and sticky error state, the lazily
// opened target and its devices, the allocation table, the registered fat
// binaries, and streams. Nothing here is exported from libcudart.
//
// Every extern "C" entry point has the same shape:
//
//   cudaError_t cudaFoo(...) {
//     return rt::apiBoundary([&] {
//       if (<bad argument>) return cudaErrorInvalidValue;   // checks first
//       if (cudaError_t E = rt::enter()) return E;          // lazy init, sticky
//       return rt::fromResult(<target call>);               // Status -> cudaError_t
//     });
//   }
//
// apiBoundary catches every C++ exception (cudaErrorUnknown, or
// cudaErrorMemoryAllocation for std::bad_alloc) and records a failure as the
// thread's last error, following CUDA's rules.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_RUNTIME_SHIM_RUNTIME_H
#define CUPORT_RUNTIME_SHIM_RUNTIME_H

#include "cuda_runtime_api.h"

#include "Target.h"

#include <memory>
#include <cstring>
#include <new>
#include <string>

#define CUPORT_EXPORT extern "C" __attribute__((visibility("default")))

namespace cuport {
namespace rt {

//===----------------------------------------------------------------------===//
// Errors (Error.cpp)
//===----------------------------------------------------------------------===//

/// The one mapping from target::Status to cudaError_t (targets/Status.def).
cudaError_t toCudaError(target::Status S);

/// Maps a target Result. A sticky status (a kernel that failed) also
/// becomes the process's sticky error. With CUPORT_LOG set, the message goes
/// to stderr; build failures and unusable images always do, once each.
cudaError_t fromResult(const target::Result &R, const char *Api = nullptr);

/// Records \p E as the calling thread's last error when it is a failure.
cudaError_t recordError(cudaError_t E);

/// The sticky error (cudaSuccess when none): once a kernel has failed,
/// every call returns it until cudaDeviceReset.
cudaError_t stickyError();
void clearStickyError();

/// The body of every not-supported stub (NotSupported.cpp): names \p Api
/// once on stderr and records cudaErrorNotSupported as the last error.
int reportNotSupported(const char *Api) noexcept;

/// Prints "cuport: <Msg>" to stderr once per distinct message.
void warnOnce(const std::string &Msg);
/// True when CUPORT_LOG is set: every failing target call is reported.
bool verbose();

template <typename Fn> cudaError_t apiBoundary(Fn &&Body) noexcept {
  cudaError_t E;
  try {
    E = Body();
  } catch (const std::bad_alloc &) {
    E = cudaErrorMemoryAllocation;
  } catch (...) {
    E = cudaErrorUnknown;
  }
  return recordError(E);
}

//===----------------------------------------------------------------------===//
// Context (Context.cpp): the target and its devices, opened on first use
//===----------------------------------------------------------------------===//

/// Prologue of every call that needs a device: the sticky error if any,
/// else the result of opening the target (once per process; registration
/// never calls this, so nothing opens before main).
cudaError_t enter();

int deviceCount();             ///< After enter() succeeded.
const char *targetName();      ///< After enter() succeeded.
int currentDeviceIndex();      ///< The calling thread's device.
void setCurrentDeviceIndex(int I);
target::Device &device(int I); ///< 0 <= I < deviceCount().
inline target::Device &currentDevice() { return device(currentDeviceIndex()); }
/// cudaDeviceProp for device \p I, built once from its DeviceProperties.
const cudaDeviceProp &deviceProp(int I);

//===----------------------------------------------------------------------===//
// Registration (Registration.cpp)
//===----------------------------------------------------------------------===//

struct ResolvedKernel {
  target::Module *Module = nullptr;
  const fatbin::KernelInfo *Info = nullptr;
  void *Globals = nullptr; ///< The module's device-variable block, if any.
};

/// Finds the kernel registered for host stub \p HostFun and its module on
/// device \p Device, loading the module on first use.
cudaError_t resolveKernel(const void *HostFun, int Device, ResolvedKernel &Out);

/// The device address and size of the __device__/__constant__ variable whose
/// host shadow is \p HostVar, on \p Device: loads the module that defines it
/// (which allocates its device-variable block and enters every symbol in the
/// allocation table). cudaErrorInvalidSymbol if unknown.
cudaError_t resolveSymbol(const void *HostVar, int Device, void **Addr, size_t *Size);

/// Drops every loaded module of \p Device (cudaDeviceReset).
/// The bits of an enum argument. Callers may pass any int, and loading a
/// value outside the enum's range as the enum type is undefined behaviour
/// (UBSan reports it), so validation reads the raw value.
template <typename Enum> int rawValue(const Enum &V) {
  static_assert(sizeof(Enum) == sizeof(int), "CUDA enums are int-sized");
  int R;
  std::memcpy(&R, &V, sizeof(R));
  return R;
}

/// Records the kernel being launched (its name must outlive the process's
/// kernels: the container's), for the message printed if a kernel faults.
void noteKernelLaunch(const char *DeviceName);
/// Forgets \p DeviceName if it is the kernel recorded last (its container
/// is being freed).
void forgetKernelLaunch(const char *DeviceName);

/// Prints and empties every loaded module's device printf buffer on
/// \p Device (CUDA prints device output at synchronization). DeviceAssert
/// when a device assert() failed since the last flush.
target::Result flushPrintf(int Device);

void unloadModules(int Device);

//===----------------------------------------------------------------------===//
// Functions (FunctionAttributes.cpp) and limits (Limits.cpp)
//===----------------------------------------------------------------------===//

/// What launches and the occupancy calculator need to know about a kernel on
/// one device: the target's answer (capped at CUDA's limits) and what
/// cudaFuncSetAttribute set.
struct KernelLimits {
  int MaxThreadsPerBlock = 0;  ///< min(target's answer, cudaDeviceProp's).
  size_t StaticSharedBytes = 0;
  size_t MaxDynamicSharedBytes = 0; ///< cudaFuncAttributeMaxDynamicSharedMemorySize.
  int NumRegs = 0;             ///< Per thread; derived when the target cannot say.
};

/// \p HostFun's limits on \p Device (loading and building its module on
/// first use). cudaErrorInvalidDeviceFunction for an unregistered pointer.
cudaError_t kernelLimits(const void *HostFun, int Device, KernelLimits &Out);

/// How many blocks of \p HostFun (\p BlockSize threads, \p DynamicSMem
/// bytes of dynamic shared memory) one multiprocessor of \p Device holds
/// at once (Occupancy.cpp documents the formula).
cudaError_t activeBlocksPerMultiprocessor(const void *HostFun, int Device, int BlockSize,
                                          size_t DynamicSMem, int *Out);

/// Forgets cudaFuncSetAttribute settings and cached attributes for
/// \p Device (cudaDeviceReset).
void resetFunctionAttributes(int Device);

/// The printf FIFO size for a module's buffer on \p Device
/// (cudaLimitPrintfFifoSize); from then on the limit is fixed until
/// cudaDeviceReset, as CUDA fixes it once a kernel that prints has run.
size_t commitPrintfFifo(int Device);

/// Restores \p Device's limits to their defaults (cudaDeviceReset).
void resetLimits(int Device);

//===----------------------------------------------------------------------===//
// Streams (Stream.cpp)
//===----------------------------------------------------------------------===//

/// The target queue for \p Stream on \p Device: nullptr for the legacy
/// default stream (0, cudaStreamLegacy); the calling thread's own stream on
/// \p Device for cudaStreamPerThread (created on first use). A stream that
/// is not live, or belongs to another device, is
/// cudaErrorInvalidResourceHandle.
cudaError_t resolveStream(cudaStream_t Stream, int Device, target::Queue **Out);

/// A stream's device and queue; default streams are the current device's.
struct StreamRef {
  int Device = 0;
  target::Queue *Queue = nullptr;
};
cudaError_t lookupStream(cudaStream_t Stream, StreamRef &Out);

/// What stream 0 means in a per-thread (_ptsz/_ptds) entry point.
inline cudaStream_t perThread(cudaStream_t S) { return S ? S : cudaStreamPerThread; }

/// Destroys every stream of \p Device, per-thread ones included
/// (cudaDeviceReset).
void destroyStreams(int Device);

//===----------------------------------------------------------------------===//
// Events (Event.cpp)
//===----------------------------------------------------------------------===//

/// The marker of \p Event's latest record (null when never recorded) and
/// its device. cudaErrorInvalidResourceHandle for a dead handle.
cudaError_t eventMarker(cudaEvent_t Event, std::shared_ptr<target::Marker> *Out,
                        int *Device);

/// Destroys every event of \p Device (cudaDeviceReset).
void destroyEvents(int Device);

} // namespace rt
} // namespace cuport

#endif // CUPORT_RUNTIME_SHIM_RUNTIME_H
