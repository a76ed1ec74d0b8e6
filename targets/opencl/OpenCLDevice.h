//===- OpenCLDevice.h - one OpenCL device behind target::Device ----------===//
//
// Each device has its own context and an in-order default queue (CUDA's
// legacy default stream). Device memory is SVM (clSVMAlloc): the pointer a
// kernel receives is the pointer the host holds, so CUDA programs may store
// device pointers in device memory and do arithmetic on them. Copies and
// fills are SVM commands on the chosen queue and block until done.
//
// Streams are further in-order queues. CUDA's legacy default stream
// synchronizes with every blocking stream; that is kept with markers: a
// command on the default queue waits for a marker on each blocking queue,
// and a command on a blocking queue waits for a marker on the default one.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_TARGETS_OPENCL_OPENCLDEVICE_H
#define CUPORT_TARGETS_OPENCL_OPENCLDEVICE_H

#include "CLSupport.h"
#include "KernelCache.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <set>
#include <vector>

namespace cuport {
namespace target {
namespace opencl {

class OpenCLDevice;

class CLQueue : public Queue {
public:
  CLQueue(OpenCLDevice &Dev, cl_command_queue Q, bool Blocking, bool IsDefault);
  ~CLQueue() override;

  cl_command_queue handle() const { return Q; }
  bool blocking() const { return Blocking; }
  bool isDefault() const { return IsDefault; }

  /// Remembers the event of the latest launch, so that a synchronizing call
  /// can report a kernel that failed (negative execution status).
  void setLastLaunch(cl_event E);
  /// clFinish, then the status of the latest launch.
  Result finish();

private:
  OpenCLDevice &Dev;
  cl_command_queue Q;
  bool Blocking;
  bool IsDefault;
  std::mutex Lock;
  cl_event LastLaunch = nullptr;
};

/// Counters behind ModuleStats, shared by the device's modules.
struct DeviceCounters {
  std::atomic<uint64_t> ModulesLoaded{0}, ProgramsBuilt{0}, SpirvTranslations{0},
      BinaryCacheHits{0}, BitcodeCacheHits{0}, CacheEntriesWritten{0},
      CacheEntriesRejected{0};
};

class OpenCLDevice : public Device {
public:
  /// Creates the context and default queue and queries the properties.
  static Result create(cl_platform_id Platform, cl_device_id Id,
                       std::unique_ptr<OpenCLDevice> *Out);
  ~OpenCLDevice() override;

  const DeviceProperties &properties() const override { return Props; }
  std::vector<std::pair<std::string, std::string>> describe() const override;
  Result allocate(size_t Bytes, void **Ptr) override;
  Result deallocate(void *Ptr) override;
  Result allocateHost(size_t Bytes, void **Ptr, bool *DeviceAccessible) override;
  Result deallocateHost(void *Ptr) override;
  Result copy(Queue *Q, void *Dst, const void *Src, size_t Bytes, CopyKind Kind) override;
  Result fill(Queue *Q, void *Dst, uint8_t Value, size_t Bytes) override;
  Result loadModule(const fatbin::Image &Img, std::unique_ptr<Module> *Out) override;
  Result launch(Module &M, const fatbin::KernelInfo &Kernel, const LaunchConfig &Config,
                void **Args) override;
  Result synchronize() override;
  Result createQueue(bool Blocking, std::unique_ptr<Queue> *Out) override;
  Result synchronizeQueue(Queue *Q) override;
  ModuleStats moduleStats() const override;

  // For OpenCLModule and CLQueue.
  cl_context context() const { return Context; }
  cl_device_id id() const { return Id; }
  const KernelCache &cache() const { return Cache; }
  DeviceCounters &counters() { return Counters; }
  /// Build options and a fingerprint of everything that makes a build
  /// result specific to this device and driver, for cache keys.
  const std::string &buildOptions() const { return BuildOptions; }
  const std::string &buildFingerprint() const { return Fingerprint; }
  void forgetQueue(CLQueue *Q);

private:
  OpenCLDevice(cl_platform_id Platform, cl_device_id Id);
  Result queryProperties();
  CLQueue &queueFor(Queue *Q);
  /// Events \p Q must wait for (legacy default stream rules); the caller
  /// releases them with releaseEvents.
  Result dependencies(CLQueue &Q, std::vector<cl_event> &Events);
  static void releaseEvents(std::vector<cl_event> &Events);
  /// Passes every live SVM allocation as CL_KERNEL_EXEC_INFO_SVM_PTRS when
  /// the allocation set changed since the kernel last got it: kernels may
  /// dereference device pointers they find in memory, not only arguments.
  Result updateSvmExecInfo(struct KernelSlot &Slot);

  cl_platform_id Platform;
  cl_device_id Id;
  cl_context Context = nullptr;
  std::unique_ptr<CLQueue> DefaultQueue;
  DeviceProperties Props;
  std::string PlatformName;
  std::string BuildOptions;
  std::string Fingerprint;
  KernelCache Cache;
  DeviceCounters Counters;

  std::mutex QueuesLock;
  std::set<CLQueue *> BlockingQueues; ///< User queues that sync with the default one.
  std::set<CLQueue *> AllQueues;      ///< User queues, for synchronize().

  std::mutex AllocLock;
  std::set<void *> DeviceAllocations;
  std::set<void *> HostSvmAllocations;
  uint64_t AllocGeneration = 0;
};

} // namespace opencl
} // namespace target
} // namespace cuport

#endif // CUPORT_TARGETS_OPENCL_OPENCLDEVICE_H
