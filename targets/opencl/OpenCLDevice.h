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
#include "DlhandleCacheOrder.h"
#include "KernelCache.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

namespace cuport {
namespace target {
namespace opencl {

class OpenCLDevice;

/// A marker: a cl_event on the queue it was placed in.
class CLMarker : public Marker {
public:
  CLMarker(cl_event E, bool Timing) : E(E), Timing(Timing) {}
  ~CLMarker() override { clReleaseEvent(E); }
  cl_event event() const { return E; }
  bool timing() const { return Timing; }

private:
  cl_event E;
  bool Timing;
};

/// Runs a queue's host functions (cudaLaunchHostFunc, stream callbacks) in
/// order on one thread, started at the first one. Each task waits for the
/// marker placed before it, runs, then opens the user-event gate that the
/// queue's later commands wait behind. One thread per queue, so that a
/// callback waiting for its own stream never delays another stream's.
class HostFunctionWorker {
public:
  struct Task {
    cl_event Before; ///< Marker: the work preceding the function.
    cl_event Gate;   ///< User event the following work waits on.
    void (*Fn)(void *, Status);
    void *Data;
  };
  ~HostFunctionWorker();
  void push(const Task &T);

private:
  void run();
  std::mutex Lock;
  std::condition_variable Wake;
  std::deque<Task> Tasks;
  bool Stop = false;
  std::thread Thread;
};

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
  /// The latest launch (the caller owns the reference), now forgotten here.
  cl_event takeLastLaunch();
  /// The worker that runs this queue's host functions (created on first use).
  HostFunctionWorker &hostWorker();
  /// Held from computing a command's dependencies until submitted() has
  /// recorded it, so that the tail is always the last command enqueued.
  std::mutex &submitLock() { return Submit; }
  /// \p E (retained here) is now the last command of the queue.
  void submitted(cl_event E);
  /// The last command enqueued (retained for the caller), or null.
  cl_event tail();

private:
  OpenCLDevice &Dev;
  cl_command_queue Q;
  bool Blocking;
  bool IsDefault;
  std::mutex Lock;
  cl_event LastLaunch = nullptr;
  cl_event Tail = nullptr;                    ///< Guarded by Lock.
  std::unique_ptr<HostFunctionWorker> Worker; ///< Guarded by Lock.
  std::mutex Submit;
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
  /// Fine-grained SVM that both sides address (pinned and managed memory).
  Result allocateFineGrained(size_t Bytes, void **Ptr);
  /// Passes every live SVM allocation as CL_KERNEL_EXEC_INFO_SVM_PTRS when
  /// the allocation set changed since the kernel last got it: kernels may
  /// dereference device pointers they find in memory, not only arguments.
  Result updateSvmExecInfo(struct KernelSlot &Slot);
  /// A grid-synchronizing launch (fatbin::KF_GridLockstep): its blocks all
  /// run in one work-group, each with its slice of the shared memory.
  struct GridLayout {
    size_t Blocks = 0;       ///< 0: not a grid-synchronizing launch.
    cl_uint SliceBytes = 0;  ///< Each block's static and dynamic shared memory.
  };
  /// Checks that the grid of \p Config fits in one work-group of \p Slot's
  /// kernel with \p WarpsPerBlock work-items per block, and in local
  /// memory; else CooperativeLaunchTooLarge, as CUDA answers for a grid
  /// that cannot be resident at once.
  Result gridLayout(const fatbin::KernelInfo &Kernel, const LaunchConfig &Config,
                    size_t WarpsPerBlock, const struct KernelSlot &Slot, GridLayout &Out);

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

  bool Profiling = false; ///< Queues record timestamps (set by create(), then read-only).
  DlhandleCacheOrder CacheOrder; ///< Enabled by create() where the driver needs it.

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
