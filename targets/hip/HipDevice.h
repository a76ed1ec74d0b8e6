//===- HipDevice.h - one HIP device behind the target interface -----------===//
//
// Each Device hook maps to one or two HIP calls: hipMalloc for allocate,
// hipMemcpyAsync for copy, a HIP stream per Queue, a HIP event per Marker,
// hipModuleLoadData for an AMD code object, hipModuleLaunchKernel for a
// launch, hipModuleGetGlobal for a device variable (which stays a global of
// the code object: AMD images have no globals block). HIP's current device
// is per thread, so every hook first makes this device current on the
// calling thread.
//
// Untested on hardware: cuport's development machines have Debian's
// libamdhip64 but no AMD GPU, so only the paths that need no device
// (loading, probing, refusing, argument marshalling) are exercised by
// tests. The rest follows HIP's documented semantics.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_TARGETS_HIP_HIPDEVICE_H
#define CUPORT_TARGETS_HIP_HIPDEVICE_H

#include "HipLibrary.h"

#include <atomic>
#include <memory>
#include <string>
#include <vector>

namespace cuport {
namespace target {
namespace hip {

/// True when a code object built for \p ImageArch runs on a device whose
/// gcnArchName is \p DeviceArch: the processor ("gfx90a") must be equal, and
/// each feature the image names ("gfx90a:xnack-") must be in the device's
/// ("gfx90a:sramecc+:xnack-"). An image without features runs on any
/// setting of them, as HIP's own loader accepts it.
bool archMatches(const std::string &ImageArch, const std::string &DeviceArch);

/// Builds hipModuleLaunchKernel's kernelParams from cudaLaunchKernel's
/// \p Args read through \p Kernel's metadata (the SPIR-V image's, which
/// the AMD code objects share): one pointer per argument the code object
/// declares. Value and GlobalPointer arguments point at the caller's bytes
/// (args[i], in source order). The hidden arguments SPIR-V lowering adds
/// have no parameter in an AMD code object: DynamicShared is the launch's
/// sharedMemBytes, and GlobalsBlock does not exist because device variables
/// are the code object's own globals (HipDevice::moduleGlobal).
/// lowering/lib/AmdImage.cpp refuses, at compile time, an AMD kernel whose
/// parameters are not exactly the user arguments.
Result packKernelParams(const fatbin::KernelInfo &Kernel, void **Args,
                        std::vector<void *> &Params);

class HipDevice : public Device {
public:
  /// Queries device \p Ordinal of \p L; fails with the HIP error when the
  /// device cannot be queried.
  static Result create(HipLibrary &L, int Ordinal, std::unique_ptr<HipDevice> *Out);

  const DeviceProperties &properties() const override { return Props; }
  std::vector<std::pair<std::string, std::string>> describe() const override;
  const std::string &gcnArch() const { return Arch; }

  Result allocate(size_t Bytes, void **Ptr) override;
  Result deallocate(void *Ptr) override;
  Result allocateHost(size_t Bytes, void **Ptr, bool *DeviceAccessible) override;
  Result deallocateHost(void *Ptr) override;
  Result copy(Queue *Q, void *Dst, const void *Src, size_t Bytes, CopyKind Kind,
              CopyMode Mode) override;
  Result fill(Queue *Q, void *Dst, uint8_t Value, size_t Bytes, CopyMode Mode) override;
  Result loadModule(const fatbin::Image &Img, std::unique_ptr<Module> *Out) override;
  Result launch(Module &M, const fatbin::KernelInfo &Kernel, const LaunchConfig &Config,
                void **Args) override;
  Result kernelAttributes(Module &M, const fatbin::KernelInfo &Kernel,
                          KernelAttributes *Out) override;
  Result synchronize() override;
  Result createQueue(bool Blocking, std::unique_ptr<Queue> *Out) override;
  Result synchronizeQueue(Queue *Q) override;
  Result queryQueue(Queue *Q) override;
  Result mark(Queue *Q, bool Timing, std::shared_ptr<Marker> *Out) override;
  Result queryMarker(Marker &M) override;
  Result waitMarker(Marker &M) override;
  Result elapsedTime(Marker &Start, Marker &End, float *Ms) override;
  Result waitOnMarker(Queue *Q, Marker &M) override;
  Result enqueueHostFunction(Queue *Q, void (*Fn)(void *Data, Status S), void *Data) override;
  Result allocateShared(size_t Bytes, void **Ptr) override;
  Result deallocateShared(void *Ptr) override;
  ModuleStats moduleStats() const override;
  bool modulesOwnGlobals() const override { return true; }
  Result moduleGlobal(Module &M, const std::string &Name, void **Addr, size_t *Size) override;

private:
  HipDevice(HipLibrary &L, int Ordinal) : L(L), Ordinal(Ordinal) {}
  /// Makes this device current on the calling thread.
  Result use();
  /// Waits for \p Stream when \p Mode is not Async.
  Result finish(void *Stream, CopyMode Mode, const char *What);

  HipLibrary &L;
  int Ordinal;
  std::string Arch; ///< gcnArchName, e.g. "gfx90a:sramecc+:xnack-".
  DeviceProperties Props;
  std::atomic<uint64_t> ModulesLoaded{0};
};

} // namespace hip
} // namespace target
} // namespace cuport

#endif // CUPORT_TARGETS_HIP_HIPDEVICE_H
