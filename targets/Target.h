//===- Target.h - the interface between libcudart and execution targets ---===//
//
// libcudart is target-neutral: it validates CUDA calls, keeps the allocation
// table, the registered fat binaries and the per-thread error state, and does
// everything that touches a device through the small interface below. A
// target (OpenCL today, HIP later) is a shared library that libcudart opens
// with dlopen, so that a missing ROCm or a missing OpenCL loader never stops
// another target from working and libcudart itself links neither.
//
// The shape follows PoCL's `struct pocl_device_ops` (each hook documents the
// calling thread and the locks the caller holds) and IREE's driver registry
// (`{name, enumerate, create}`, where "unavailable, because ..." is a normal
// answer, not a crash).
//
// Threads and locking, once for all hooks: libcudart calls every hook from
// application threads, possibly several at once, and holds none of its own
// locks during a call unless a hook says otherwise. A target therefore makes
// each hook thread-safe itself. Hooks never throw; every failure is a Result.
// Registration (static constructors before main) never reaches a target:
// libcudart opens targets lazily at the first API call that needs a device.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_TARGETS_TARGET_H
#define CUPORT_TARGETS_TARGET_H

#include "fatbin/FatBinary.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace cuport {
namespace target {

/// Bumped whenever a class below changes layout or a virtual is added; a
/// target library built against another version is refused at load.
constexpr uint32_t InterfaceVersion = 5;

/// What a target call can answer. The rows, and the cudaError_t each one
/// becomes, are in Status.def.
enum class Status : int {
#define CUPORT_STATUS(Name, CudaError, Sticky) Name,
#include "Status.def"
};

/// The enumerator's name, for messages ("OutOfMemory").
inline const char *statusName(Status S) {
  switch (S) {
#define CUPORT_STATUS(Name, CudaError, Sticky)                                 \
  case Status::Name:                                                           \
    return #Name;
#include "Status.def"
  }
  return "<invalid status>";
}

/// A status plus a message saying what failed and why (for a build failure,
/// the build log). Cheap to return on success.
class Result {
public:
  Result() = default;
  Result(Status S, std::string Message) : Code(S), Msg(std::move(Message)) {}
  static Result success() { return Result(); }

  Status status() const { return Code; }
  const std::string &message() const { return Msg; }
  bool ok() const { return Code == Status::Success; }
  explicit operator bool() const { return ok(); }

private:
  Status Code = Status::Success;
  std::string Msg;
};

enum class DeviceType { CPU, GPU, Accelerator, Other };

/// Facts about one device, queried from the device when the target is
/// created (never invented, except where a field says how it is derived).
/// libcudart builds cudaDeviceProp and cudaDeviceGetAttribute from this.
struct DeviceProperties {
  std::string Name;
  std::string Vendor;
  std::string DriverVersion;
  std::string DeviceVersion;   ///< e.g. "OpenCL 3.0 PoCL ..."
  DeviceType Type = DeviceType::Other;

  uint64_t TotalGlobalMem = 0;    ///< Bytes.
  uint64_t MaxAllocationSize = 0; ///< Largest single allocation, bytes.
  uint64_t SharedMemPerBlock = 0; ///< OpenCL: CL_DEVICE_LOCAL_MEM_SIZE.
  uint64_t TotalConstMem = 0;     ///< OpenCL: CL_DEVICE_MAX_CONSTANT_BUFFER_SIZE.
  uint32_t ComputeUnits = 0;      ///< cudaDeviceProp::multiProcessorCount.
  /// OpenCL: CL_DEVICE_MAX_WORK_GROUP_SIZE. The device's own limit; libcudart
  /// caps what it reports to CUDA programs at CUDA's 1024.
  uint32_t MaxThreadsPerBlock = 0;
  /// OpenCL: CL_DEVICE_MAX_WORK_ITEM_SIZES (capped by libcudart at CUDA's
  /// 1024 x 1024 x 64).
  uint32_t MaxBlockDim[3] = {0, 0, 0};
  /// OpenCL has no limit on the number of work-groups; the global size is a
  /// size_t. Targets report CUDA's own limits (2^31-1, 65535, 65535) so that
  /// programs that size grids from them behave as on CUDA.
  uint32_t MaxGridDim[3] = {0, 0, 0};
  uint32_t ClockRateKHz = 0;      ///< OpenCL: CL_DEVICE_MAX_CLOCK_FREQUENCY (MHz) * 1000.
  uint32_t WarpSize = 32;         ///< CUDA's warp width; cuport's lowering provides it.
  uint32_t L2CacheBytes = 0;      ///< OpenCL: CL_DEVICE_GLOBAL_MEM_CACHE_SIZE.
  uint32_t CacheLineBytes = 0;
  uint32_t MemBaseAlignBytes = 0; ///< Alignment of every allocation.
  uint32_t AddressBits = 0;
  uint32_t MaxParameterBytes = 0; ///< Largest total kernel argument size.
  uint32_t MaxSubGroups = 0;
  uint64_t TimerResolutionNs = 0;
  bool HostUnifiedMemory = false; ///< Integrated device sharing host RAM.
  bool ECCEnabled = false;
  bool DoublePrecision = false;

  // Pointer model: device pointers are SVM pointers on OpenCL.
  bool SVMCoarseGrain = false;
  bool SVMFineGrainBuffer = false;
  bool SVMFineGrainSystem = false;
  bool SVMAtomics = false;

  // How a SPIR-V module reaches the device.
  std::string ILVersions;         ///< CL_DEVICE_IL_VERSION; empty when none.
  bool TakesSpirvDirectly = false;///< clCreateProgramWithIL, else the SPIR path.
  std::string ModuleLoadPath;     ///< One line for cuport-info.
};

enum class CopyKind { HostToHost, HostToDevice, DeviceToHost, DeviceToDevice };

/// When a copy or fill returns, relative to the bytes moving.
enum class CopyMode {
  /// Returns when the bytes are at the destination.
  Sync,
  /// Returns once the command is queued; the host memory on either side
  /// stays valid and untouched until the queue reaches it (pinned memory,
  /// or a caller that waits). Device-to-device and fills.
  Async,
  /// Returns once the source has been copied aside (the caller may reuse
  /// it at once); the transfer itself proceeds in queue order. CUDA's rule
  /// for cudaMemcpyAsync from pageable host memory.
  AsyncStaged,
};

/// A point in a queue (CUDA's recorded event): complete when every command
/// queued before it is. Opaque to libcudart; safe to share between threads.
class Marker {
public:
  virtual ~Marker() = default;
};

/// A target's in-order queue: what a CUDA stream maps to. Opaque to libcudart.
class Queue {
public:
  virtual ~Queue() = default;
};

/// A loaded (not necessarily built) module. Opaque to libcudart.
class Module {
public:
  virtual ~Module() = default;
};

struct LaunchConfig {
  uint32_t Grid[3] = {1, 1, 1};
  uint32_t Block[3] = {1, 1, 1};
  size_t SharedBytes = 0; ///< Dynamic shared memory per block.
  Queue *Stream = nullptr; ///< nullptr: the device's default (legacy) queue.
  /// The module's device-variable block, for GlobalsBlock arguments.
  void *Globals = nullptr;
};

/// What the device's compiler decided about one kernel, for
/// cudaFuncGetAttributes, occupancy and launch checks. Fields a target
/// cannot query stay at their "unknown" value; libcudart documents what it
/// derives for them (docs/runtime.md).
struct KernelAttributes {
  /// Largest block the kernel can run with. OpenCL: CL_KERNEL_WORK_GROUP_SIZE.
  uint32_t MaxThreadsPerBlock = 0;
  /// Static shared memory. OpenCL: the container's per-kernel figure
  /// (KernelInfo::StaticSharedBytes; PoCL's CL_KERNEL_LOCAL_MEM_SIZE is the
  /// whole program's). HIP: hipFuncGetAttribute.
  uint64_t StaticSharedBytes = 0;
  /// Per-thread private (CUDA: local) memory. OpenCL: CL_KERNEL_PRIVATE_MEM_SIZE.
  uint64_t PrivateBytes = 0;
  /// Constant memory the code object reserves; -1: unknown.
  int64_t ConstBytes = -1;
  /// Registers per thread; -1: unknown (OpenCL does not say).
  int32_t NumRegs = -1;
};

/// Counters for tests and cuport-info; monotonic for the target's lifetime.
struct ModuleStats {
  uint64_t ModulesLoaded = 0;     ///< loadModule calls that succeeded.
  uint64_t ProgramsBuilt = 0;     ///< Programs built from source (IL or SPIR).
  uint64_t SpirvTranslations = 0; ///< In-process SPIR-V -> LLVM translations.
  uint64_t BinaryCacheHits = 0;   ///< Builds skipped thanks to a cached device binary.
  uint64_t BitcodeCacheHits = 0;  ///< Translations skipped thanks to cached bitcode.
  uint64_t CacheEntriesWritten = 0;
  uint64_t CacheEntriesRejected = 0; ///< Unreadable or corrupt entries ignored.
};

/// One device of a target. Created by the target; lives as long as it.
class Device {
public:
  virtual ~Device() = default;

  /// Any thread; immutable after creation.
  virtual const DeviceProperties &properties() const = 0;

  /// Extra "key: value" lines for cuport-info (capabilities, load path).
  /// Any thread; immutable after creation.
  virtual std::vector<std::pair<std::string, std::string>> describe() const = 0;

  /// Device memory that kernels address directly: the returned pointer is
  /// the value kernels see, and it may be stored, offset and compared.
  /// Bytes > 0 (libcudart answers cudaMalloc(0) itself). Any thread.
  virtual Result allocate(size_t Bytes, void **Ptr) = 0;
  /// \p Ptr is exactly a pointer allocate() returned and that is still live
  /// (libcudart checks this against its allocation table first). Waits for
  /// work that may use it, as cudaFree does. Any thread.
  virtual Result deallocate(void *Ptr) = 0;

  /// Page-locked host memory for cudaMallocHost/cudaHostAlloc.
  /// \p DeviceAccessible is set when kernels may dereference the pointer
  /// itself (fine-grained SVM): CUDA's mapped pinned memory. Any thread.
  virtual Result allocateHost(size_t Bytes, void **Ptr, bool *DeviceAccessible) = 0;
  virtual Result deallocateHost(void *Ptr) = 0;

  /// Synchronous copy: returns when the bytes are at \p Dst, after all work
  /// queued before it on \p Q (nullptr: the default queue). libcudart has
  /// checked that each device-side range lies inside one live allocation.
  /// Any thread.
  /// \p Mode says when it returns (see CopyMode); every mode keeps queue
  /// order. Any thread.
  virtual Result copy(Queue *Q, void *Dst, const void *Src, size_t Bytes, CopyKind Kind,
                      CopyMode Mode = CopyMode::Sync) = 0;
  /// Byte fill of device memory, ordered like copy(); Async returns once
  /// queued. Any thread.
  virtual Result fill(Queue *Q, void *Dst, uint8_t Value, size_t Bytes,
                      CopyMode Mode = CopyMode::Sync) = 0;

  /// Creates a module from one image and the container's kernel metadata.
  /// Cheap: the build happens at the first launch of one of its kernels
  /// (and may come from the target's disk cache). libcudart calls this at
  /// most once per (image, device), under its registration lock. The image
  /// bytes are copied; the caller may free them.
  virtual Result loadModule(const fatbin::Image &Img, std::unique_ptr<Module> *Out) = 0;

  /// Launches \p Kernel from \p M. \p Args is cudaLaunchKernel's array,
  /// read through Kernel.Args (see docs/fatbin-format.md). libcudart has
  /// validated the configuration against properties() (non-zero dims, block
  /// limits, grid limits). Asynchronous with respect to the host; errors the
  /// kernel itself raises surface at the next synchronizing call. Any
  /// thread, concurrently for the same kernel.
  virtual Result launch(Module &M, const fatbin::KernelInfo &Kernel,
                        const LaunchConfig &Config, void **Args) = 0;

  /// \p Kernel's attributes in \p M, building the module first if needed
  /// (as a launch would; a build failure is returned). Any thread.
  virtual Result kernelAttributes(Module &M, const fatbin::KernelInfo &Kernel,
                                  KernelAttributes *Out) = 0;

  /// Waits for all work on all of the device's queues. Any thread.
  virtual Result synchronize() = 0;

  /// Queues for CUDA streams. A Blocking queue synchronizes with the default
  /// queue as CUDA's legacy default stream requires; a non-blocking one does
  /// not. Any thread; destroyQueue waits for the queue's work first.
  virtual Result createQueue(bool Blocking, std::unique_ptr<Queue> *Out) = 0;
  virtual Result synchronizeQueue(Queue *Q) = 0;
  /// Success when all work queued on \p Q so far is complete, NotReady
  /// when some is still pending, a failure status when it failed. Never
  /// blocks. Any thread.
  virtual Result queryQueue(Queue *Q) = 0;

  /// Places a marker on \p Q (nullptr: the default queue, with the legacy
  /// default stream's ordering) after all work queued so far. \p Timing:
  /// the marker records a device timestamp for elapsedTime(). Any thread.
  virtual Result mark(Queue *Q, bool Timing, std::shared_ptr<Marker> *Out) = 0;
  /// Success, NotReady or the failure of work before the marker. Never
  /// blocks. Any thread.
  virtual Result queryMarker(Marker &M) = 0;
  /// Blocks until the marker is complete. Any thread.
  virtual Result waitMarker(Marker &M) = 0;
  /// Milliseconds between two complete timing markers, from the device's
  /// own timestamps. NotReady if either is pending. Any thread.
  virtual Result elapsedTime(Marker &Start, Marker &End, float *Ms) = 0;
  /// Work queued on \p Q after this call waits for \p M, which may come
  /// from any queue of this device. Returns without blocking. Any thread.
  virtual Result waitOnMarker(Queue *Q, Marker &M) = 0;
  /// Runs \p Fn(\p Data, \p S) on a target-owned thread once all work
  /// queued on \p Q before it is complete (S: its status); work queued after
  /// it waits until Fn returns. Fn must not call into the target. Returns
  /// without blocking. Any thread.
  virtual Result enqueueHostFunction(Queue *Q, void (*Fn)(void *Data, Status S),
                                     void *Data) = 0;

  /// Memory that both the host and kernels use through the same pointer
  /// with no copies (cudaMallocManaged): fine-grained SVM on OpenCL.
  /// NotSupported when the device has none. Any thread.
  virtual Result allocateShared(size_t Bytes, void **Ptr) = 0;
  virtual Result deallocateShared(void *Ptr) = 0;

  virtual ModuleStats moduleStats() const = 0;

  /// Where device variables live in this device's modules. False (the
  /// default, the SPIR-V path): lowering moved them into one globals block
  /// per module, which libcudart allocates, initialises and passes to every
  /// GlobalsBlock argument (docs/fatbin-format.md). True (HIP code objects):
  /// they are globals of the loaded code itself, found with moduleGlobal();
  /// libcudart then allocates no block and the module's kernels take no
  /// GlobalsBlock argument. Any thread; fixed for the device's lifetime.
  virtual bool modulesOwnGlobals() const { return false; }

  /// The device address and size in bytes of the variable \p Name in \p M,
  /// where modulesOwnGlobals(): a __device__/__constant__ variable by
  /// __cudaRegisterVar's deviceName (a container symbol name), or one of
  /// cuport's own (__cuport_printf_buffer). The address is one copy()
  /// accepts and kernels of \p M use. InvalidSymbol when \p M has no such
  /// variable; NotSupported (the default) where modules own no globals.
  /// Any thread; libcudart holds its registration lock.
  virtual Result moduleGlobal(Module &M, const std::string &Name, void **Addr, size_t *Size) {
    (void)M;
    (void)Addr;
    (void)Size;
    return Result(Status::NotSupported,
                  "device variable '" + Name + "' lives in the module's globals block");
  }
};

/// One execution target with its devices, as created by its factory.
class Target {
public:
  virtual ~Target() = default;
  virtual const char *name() const = 0;
  /// Any thread; fixed after creation.
  virtual size_t deviceCount() const = 0;
  /// Index < deviceCount(). Any thread.
  virtual Device &device(size_t Index) = 0;
  /// Lines about devices the target found but will not use, and why
  /// (for example "no SVM support"), for cuport-info.
  virtual std::vector<std::string> notes() const = 0;
};

/// What a target library exports as `extern "C" const TargetEntry
/// *cuport_target_entry(void)`.
struct TargetEntry {
  uint32_t InterfaceVersion; ///< Must equal target::InterfaceVersion.
  const char *Name;
  /// Discovers platforms and devices and creates the target. A target with
  /// no usable device is not an error of the library: it answers
  /// TargetUnavailable/NoDevice with the reason ("no OpenCL platform:
  /// clGetPlatformIDs returned -1001"). Called once per process, from the
  /// thread that makes the first device-touching API call, under
  /// libcudart's initialization lock.
  Result (*Create)(std::unique_ptr<Target> *Out);
};

extern "C" typedef const TargetEntry *TargetEntryFn(void);
constexpr const char EntrySymbol[] = "cuport_target_entry";

//===----------------------------------------------------------------------===//
// Registry: the targets this build knows (Targets.def), opened on demand.
//===----------------------------------------------------------------------===//

/// The answer for one target: a live target, or why there is none.
struct Probe {
  std::string Name;
  std::unique_ptr<Target> Instance; ///< Null when unavailable.
  Result Why;                       ///< Success iff Instance is set.
};

/// Names of all known targets, in default-preference order.
std::vector<std::string> knownTargets();

/// Opens the named target's library and creates the target. Unknown names,
/// targets not built in this version, a missing library (with dlerror's
/// text), an interface version mismatch and a target without devices all
/// come back as Probe::Why with Status::TargetUnavailable or NoDevice.
/// Libraries stay loaded for the life of the process. Thread-safe.
Probe openTarget(const std::string &Name);

/// The selection libcudart makes: $CUPORT_TARGET if set (that target or
/// nothing), else the first known target with at least one device. When no
/// target qualifies, Why explains each one that was tried.
Probe selectTarget();

} // namespace target
} // namespace cuport

#endif // CUPORT_TARGETS_TARGET_H
