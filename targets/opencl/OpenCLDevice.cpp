//===- OpenCLDevice.cpp - one OpenCL device behind target::Device --------===//
//
// Properties, SVM memory, synchronous copies and fills, queues with CUDA's
// legacy default stream rules, and kernel launch from a `void **args` array
// read through the fat binary's argument metadata. See OpenCLDevice.h.
//
//===----------------------------------------------------------------------===//
#include "OpenCLDevice.h"

#include "OpenCLModule.h"
#include "SpirvTranslator.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <pthread.h>

namespace cuport {
namespace target {
namespace opencl {

namespace {

/// CUDA's own grid limits; OpenCL has none (see DeviceProperties::MaxGridDim).
constexpr uint32_t CudaMaxGrid[3] = {2147483647u, 65535u, 65535u};
/// CUDA guarantees 256-byte alignment for cudaMalloc. OpenCL only promises
/// the size of the largest data type (128 bytes; PoCL refuses more), so
/// allocations ask for 256 and fall back to the device's default.
constexpr cl_uint CudaAllocAlignment = 256;
constexpr const char *SpirBuildOptions = "-x spir -spir-std=1.2";

uint32_t clampU32(uint64_t V) { return V > 0xFFFFFFFFu ? 0xFFFFFFFFu : uint32_t(V); }

const char *yesNo(bool B) { return B ? "yes" : "no"; }

/// clSVMAlloc of \p Bytes with \p Flags at CUDA's alignment, falling back to
/// the device's default; a size over \p MaxBytes is refused before asking.
Result svmAlloc(cl_context Context, cl_svm_mem_flags Flags, size_t Bytes, uint64_t MaxBytes,
                void **Out) {
  if (Bytes > MaxBytes)
    return Result(Status::OutOfMemory,
                  "allocation of " + std::to_string(Bytes) +
                      " bytes exceeds the device's largest allocation "
                      "(CL_DEVICE_MAX_MEM_ALLOC_SIZE = " +
                      std::to_string(MaxBytes) + ")");
  void *P = clSVMAlloc(Context, Flags, Bytes, CudaAllocAlignment);
  if (!P)
    P = clSVMAlloc(Context, Flags, Bytes, 0);
  if (!P)
    return Result(Status::OutOfMemory, std::string(Flags & CL_MEM_SVM_FINE_GRAIN_BUFFER
                                                       ? "fine-grained clSVMAlloc of "
                                                       : "clSVMAlloc of ") +
                                           std::to_string(Bytes) + " bytes failed");
  *Out = P;
  return Result::success();
}

} // namespace

//===----------------------------------------------------------------------===//
// CLQueue
//===----------------------------------------------------------------------===//

CLQueue::CLQueue(OpenCLDevice &Dev, cl_command_queue Q, bool Blocking, bool IsDefault)
    : Dev(Dev), Q(Q), Blocking(Blocking), IsDefault(IsDefault) {}

CLQueue::~CLQueue() {
  clFinish(Q); // Also waits for host functions: their gates are in the queue.
  Worker.reset();
  if (!IsDefault)
    Dev.forgetQueue(this);
  if (LastLaunch)
    clReleaseEvent(LastLaunch);
  if (Tail)
    clReleaseEvent(Tail);
  clReleaseCommandQueue(Q);
}

void CLQueue::setLastLaunch(cl_event E) {
  std::lock_guard<std::mutex> Guard(Lock);
  if (LastLaunch)
    clReleaseEvent(LastLaunch);
  LastLaunch = E;
}

void CLQueue::submitted(cl_event E) {
  clRetainEvent(E);
  std::lock_guard<std::mutex> Guard(Lock);
  if (Tail)
    clReleaseEvent(Tail);
  Tail = E;
}

cl_event CLQueue::tail() {
  std::lock_guard<std::mutex> Guard(Lock);
  if (Tail)
    clRetainEvent(Tail);
  return Tail;
}

HostFunctionWorker &CLQueue::hostWorker() {
  std::lock_guard<std::mutex> Guard(Lock);
  if (!Worker)
    Worker.reset(new HostFunctionWorker());
  return *Worker;
}

//===----------------------------------------------------------------------===//
// HostFunctionWorker
//===----------------------------------------------------------------------===//

HostFunctionWorker::~HostFunctionWorker() {
  {
    std::lock_guard<std::mutex> Guard(Lock);
    Stop = true;
  }
  Wake.notify_all();
  if (Thread.joinable())
    Thread.join();
}

void HostFunctionWorker::push(const Task &T) {
  std::lock_guard<std::mutex> Guard(Lock);
  if (!Thread.joinable())
    Thread = std::thread([this] { run(); });
  Tasks.push_back(T);
  Wake.notify_one();
}

void HostFunctionWorker::run() {
  for (;;) {
    Task T;
    {
      std::unique_lock<std::mutex> Guard(Lock);
      Wake.wait(Guard, [this] { return Stop || !Tasks.empty(); });
      if (Tasks.empty())
        return; // Stop, and nothing left.
      T = Tasks.front();
      Tasks.pop_front();
    }
    cl_int Exec = CL_COMPLETE;
    if (clWaitForEvents(1, &T.Before) != CL_SUCCESS ||
        clGetEventInfo(T.Before, CL_EVENT_COMMAND_EXECUTION_STATUS, sizeof(Exec), &Exec,
                       nullptr) != CL_SUCCESS)
      Exec = -1;
    try {
      T.Fn(T.Data, Exec < 0 ? Status::LaunchFailure : Status::Success);
    } catch (...) {
      // A C callback cannot throw; a C++ one that does must not stop the queue.
    }
    clSetUserEventStatus(T.Gate, CL_COMPLETE);
    clReleaseEvent(T.Before);
    clReleaseEvent(T.Gate);
  }
}

namespace {

/// clFinish on \p Q, then the status of \p Last (a launch; released here).
Result finishQueue(cl_command_queue Q, cl_event Last) {
  cl_int Err = clFinish(Q);
  Result R = clResult(Err, "clFinish", Err == CL_SUCCESS ? Status::Success
                                                          : Status::LaunchFailure);
  if (Last) {
    cl_int Exec = CL_COMPLETE;
    if (R && clGetEventInfo(Last, CL_EVENT_COMMAND_EXECUTION_STATUS, sizeof(Exec), &Exec,
                            nullptr) == CL_SUCCESS &&
        Exec < 0)
      R = Result(Status::LaunchFailure,
                 "a kernel failed on the device: " + clErrorName(Exec));
    clReleaseEvent(Last);
  }
  return R;
}

} // namespace

cl_event CLQueue::takeLastLaunch() {
  std::lock_guard<std::mutex> Guard(Lock);
  cl_event E = LastLaunch;
  LastLaunch = nullptr;
  return E;
}

Result CLQueue::finish() {
  cl_int Err = clFinish(Q);
  if (Err != CL_SUCCESS)
    return clResult(Err, "clFinish", Status::LaunchFailure);
  return finishQueue(Q, takeLastLaunch());
}

//===----------------------------------------------------------------------===//
// Creation and properties
//===----------------------------------------------------------------------===//

OpenCLDevice::OpenCLDevice(cl_platform_id Platform, cl_device_id Id)
    : Platform(Platform), Id(Id), Cache(KernelCache::defaultDirectory()) {}

OpenCLDevice::~OpenCLDevice() {
  DefaultQueue.reset();
  if (Context)
    clReleaseContext(Context);
}

Result OpenCLDevice::create(cl_platform_id Platform, cl_device_id Id,
                            std::unique_ptr<OpenCLDevice> *Out) {
  std::unique_ptr<OpenCLDevice> D(new OpenCLDevice(Platform, Id));
  if (Result R = D->queryProperties(); !R)
    return R;
  cl_context_properties CP[] = {CL_CONTEXT_PLATFORM,
                                reinterpret_cast<cl_context_properties>(Platform), 0};
  cl_int Err;
  D->Context = clCreateContext(CP, 1, &Id, nullptr, nullptr, &Err);
  if (Err != CL_SUCCESS || !D->Context)
    return clResult(Err, "clCreateContext", Status::InitializationFailed);
  // Every queue records timestamps when the device can: CUDA events time
  // any stream, and markers are cheap to time. Decided once, here, before
  // other threads can see the device: they read it without a lock.
  cl_command_queue_properties Supported = 0;
  deviceInfo(Id, CL_DEVICE_QUEUE_ON_HOST_PROPERTIES, Supported);
  D->Profiling = (Supported & CL_QUEUE_PROFILING_ENABLE) != 0;
  if (DlhandleCacheOrder::needed(D->PlatformName, D->Props.Type, D->Props.DriverVersion))
    D->CacheOrder.enable();
  std::unique_ptr<Queue> Q;
  if (Result R = D->createQueue(true, &Q); !R)
    return R;
  D->DefaultQueue.reset(static_cast<CLQueue *>(Q.release()));
  // The default queue is not a user queue: take it out of those sets.
  {
    std::lock_guard<std::mutex> Guard(D->QueuesLock);
    D->BlockingQueues.erase(D->DefaultQueue.get());
    D->AllQueues.erase(D->DefaultQueue.get());
  }
  *Out = std::move(D);
  return Result::success();
}

Result OpenCLDevice::queryProperties() {
  DeviceProperties &P = Props;
  PlatformName = platformString(Platform, CL_PLATFORM_NAME);
  P.Name = deviceString(Id, CL_DEVICE_NAME);
  P.Vendor = deviceString(Id, CL_DEVICE_VENDOR);
  P.DriverVersion = deviceString(Id, CL_DRIVER_VERSION);
  P.DeviceVersion = deviceString(Id, CL_DEVICE_VERSION);

  cl_device_type Type = 0;
  cl_ulong GlobalMem = 0, MaxAlloc = 0, LocalMem = 0, ConstMem = 0, CacheSize = 0;
  cl_uint Units = 0, ClockMHz = 0, CacheLine = 0, BaseAlignBits = 0, AddressBits = 0,
          Dims = 0;
  size_t MaxWG = 0, MaxParam = 0, TimerRes = 0;
  // These are required of every OpenCL device; without them nothing below
  // would be meaningful.
  cl_int Err = deviceInfo(Id, CL_DEVICE_TYPE, Type);
  if (Err == CL_SUCCESS) Err = deviceInfo(Id, CL_DEVICE_GLOBAL_MEM_SIZE, GlobalMem);
  if (Err == CL_SUCCESS) Err = deviceInfo(Id, CL_DEVICE_MAX_MEM_ALLOC_SIZE, MaxAlloc);
  if (Err == CL_SUCCESS) Err = deviceInfo(Id, CL_DEVICE_LOCAL_MEM_SIZE, LocalMem);
  if (Err == CL_SUCCESS) Err = deviceInfo(Id, CL_DEVICE_MAX_COMPUTE_UNITS, Units);
  if (Err == CL_SUCCESS) Err = deviceInfo(Id, CL_DEVICE_MAX_WORK_GROUP_SIZE, MaxWG);
  if (Err == CL_SUCCESS) Err = deviceInfo(Id, CL_DEVICE_MAX_WORK_ITEM_DIMENSIONS, Dims);
  if (Err != CL_SUCCESS)
    return clResult(Err, "clGetDeviceInfo", Status::InitializationFailed);
  std::vector<size_t> ItemSizes(std::max<cl_uint>(Dims, 3), 1);
  Err = clGetDeviceInfo(Id, CL_DEVICE_MAX_WORK_ITEM_SIZES, sizeof(size_t) * Dims,
                        ItemSizes.data(), nullptr);
  if (Err != CL_SUCCESS)
    return clResult(Err, "clGetDeviceInfo(CL_DEVICE_MAX_WORK_ITEM_SIZES)",
                    Status::InitializationFailed);
  // Optional queries: a failure leaves the field at zero.
  deviceInfo(Id, CL_DEVICE_MAX_CONSTANT_BUFFER_SIZE, ConstMem);
  deviceInfo(Id, CL_DEVICE_GLOBAL_MEM_CACHE_SIZE, CacheSize);
  deviceInfo(Id, CL_DEVICE_GLOBAL_MEM_CACHELINE_SIZE, CacheLine);
  deviceInfo(Id, CL_DEVICE_MAX_CLOCK_FREQUENCY, ClockMHz);
  deviceInfo(Id, CL_DEVICE_MEM_BASE_ADDR_ALIGN, BaseAlignBits);
  deviceInfo(Id, CL_DEVICE_ADDRESS_BITS, AddressBits);
  deviceInfo(Id, CL_DEVICE_MAX_PARAMETER_SIZE, MaxParam);
  deviceInfo(Id, CL_DEVICE_PROFILING_TIMER_RESOLUTION, TimerRes);
  cl_bool HostUnified = CL_FALSE, ECC = CL_FALSE;
  deviceInfo(Id, CL_DEVICE_HOST_UNIFIED_MEMORY, HostUnified);
  deviceInfo(Id, CL_DEVICE_ERROR_CORRECTION_SUPPORT, ECC);
  cl_device_fp_config Double = 0;
  deviceInfo(Id, CL_DEVICE_DOUBLE_FP_CONFIG, Double);
  cl_uint SubGroups = 0;
  deviceInfo(Id, CL_DEVICE_MAX_NUM_SUB_GROUPS, SubGroups);
  cl_device_svm_capabilities Svm = 0;
  if (deviceInfo(Id, CL_DEVICE_SVM_CAPABILITIES, Svm) != CL_SUCCESS)
    Svm = 0; // OpenCL 1.x device.

  P.Type = (Type & CL_DEVICE_TYPE_GPU)           ? DeviceType::GPU
           : (Type & CL_DEVICE_TYPE_ACCELERATOR) ? DeviceType::Accelerator
           : (Type & CL_DEVICE_TYPE_CPU)         ? DeviceType::CPU
                                                 : DeviceType::Other;
  P.TotalGlobalMem = GlobalMem;
  P.MaxAllocationSize = MaxAlloc;
  P.SharedMemPerBlock = LocalMem;
  P.TotalConstMem = ConstMem;
  P.ComputeUnits = Units;
  P.MaxThreadsPerBlock = clampU32(MaxWG);
  for (int I = 0; I < 3; ++I) {
    P.MaxBlockDim[I] = clampU32(ItemSizes[I]);
    P.MaxGridDim[I] = CudaMaxGrid[I];
  }
  P.ClockRateKHz = ClockMHz * 1000u;
  P.WarpSize = 32;
  P.L2CacheBytes = clampU32(CacheSize);
  P.CacheLineBytes = CacheLine;
  P.MemBaseAlignBytes = BaseAlignBits / 8;
  P.AddressBits = AddressBits;
  P.MaxParameterBytes = clampU32(MaxParam);
  P.MaxSubGroups = SubGroups;
  P.TimerResolutionNs = TimerRes;
  P.HostUnifiedMemory = HostUnified == CL_TRUE;
  P.ECCEnabled = ECC == CL_TRUE;
  P.DoublePrecision = Double != 0;
  P.SVMCoarseGrain = Svm & CL_DEVICE_SVM_COARSE_GRAIN_BUFFER;
  P.SVMFineGrainBuffer = Svm & CL_DEVICE_SVM_FINE_GRAIN_BUFFER;
  P.SVMFineGrainSystem = Svm & CL_DEVICE_SVM_FINE_GRAIN_SYSTEM;
  P.SVMAtomics = Svm & CL_DEVICE_SVM_ATOMICS;

  P.ILVersions = deviceString(Id, CL_DEVICE_IL_VERSION);
  P.TakesSpirvDirectly = hasWord(P.ILVersions, "SPIR-V", /*Prefix=*/true);
  if (P.TakesSpirvDirectly) {
    P.ModuleLoadPath = "SPIR-V taken directly (clCreateProgramWithIL)";
    BuildOptions = "";
  } else {
    P.ModuleLoadPath = "SPIR-V translated in process to SPIR 1.2 bitcode "
                       "(cl_khr_spir, clCreateProgramWithBinary)";
    BuildOptions = SpirBuildOptions;
  }
  // CUDA's float division and sqrtf are IEEE-rounded by default (nvcc
  // -prec-div=true -prec-sqrt=true); OpenCL allows 2.5 and 3 ulp unless
  // asked, where the device can.
  cl_device_fp_config Single = 0;
  deviceInfo(Id, CL_DEVICE_SINGLE_FP_CONFIG, Single);
  if (Single & CL_FP_CORRECTLY_ROUNDED_DIVIDE_SQRT)
    BuildOptions += std::string(BuildOptions.empty() ? "" : " ") +
                    "-cl-fp32-correctly-rounded-divide-sqrt";
  Fingerprint = "cuport-opencl-cache-1|" + PlatformName + "|" + P.Name + "|" +
                P.DriverVersion + "|" + P.DeviceVersion + "|" + BuildOptions +
                (P.TakesSpirvDirectly ? "" : std::string("|") + translatorVersion());
  return Result::success();
}

std::vector<std::pair<std::string, std::string>> OpenCLDevice::describe() const {
  const DeviceProperties &P = Props;
  std::vector<std::pair<std::string, std::string>> Lines;
  Lines.emplace_back("platform", PlatformName);
  Lines.emplace_back("device version", P.DeviceVersion);
  Lines.emplace_back("driver version", P.DriverVersion);
  Lines.emplace_back("SVM", std::string("coarse-grain buffer ") + yesNo(P.SVMCoarseGrain) +
                                ", fine-grain buffer " + yesNo(P.SVMFineGrainBuffer) +
                                ", fine-grain system " + yesNo(P.SVMFineGrainSystem) +
                                ", atomics " + yesNo(P.SVMAtomics));
  Lines.emplace_back("IL versions", P.ILVersions.empty() ? "(none)" : P.ILVersions);
  Lines.emplace_back("module load path", P.ModuleLoadPath);
  Lines.emplace_back("kernel cache", Cache.enabled() ? Cache.directory() : "(disabled)");
  return Lines;
}

//===----------------------------------------------------------------------===//
// Queues and ordering
//===----------------------------------------------------------------------===//

Result OpenCLDevice::createQueue(bool Blocking, std::unique_ptr<Queue> *Out) {
  cl_queue_properties QP[] = {CL_QUEUE_PROPERTIES,
                              cl_queue_properties(Profiling ? CL_QUEUE_PROFILING_ENABLE : 0), 0};
  cl_int Err;
  cl_command_queue Q = clCreateCommandQueueWithProperties(Context, Id, QP, &Err);
  if (Err != CL_SUCCESS || !Q)
    return clResult(Err, "clCreateCommandQueueWithProperties");
  auto *CQ = new CLQueue(*this, Q, Blocking, /*IsDefault=*/!DefaultQueue);
  {
    std::lock_guard<std::mutex> Guard(QueuesLock);
    AllQueues.insert(CQ);
    if (Blocking)
      BlockingQueues.insert(CQ);
  }
  Out->reset(CQ);
  return Result::success();
}

void OpenCLDevice::forgetQueue(CLQueue *Q) {
  std::lock_guard<std::mutex> Guard(QueuesLock);
  AllQueues.erase(Q);
  BlockingQueues.erase(Q);
}

CLQueue &OpenCLDevice::queueFor(Queue *Q) {
  return Q ? *static_cast<CLQueue *>(Q) : *DefaultQueue;
}

Result OpenCLDevice::dependencies(CLQueue &Q, std::vector<cl_event> &Events) {
  auto Mark = [&](CLQueue &Other) {
    cl_event E;
    cl_int Err = clEnqueueMarkerWithWaitList(Other.handle(), 0, nullptr, &E);
    if (Err != CL_SUCCESS)
      return clResult(Err, "clEnqueueMarkerWithWaitList");
    Events.push_back(E);
    return Result::success();
  };
  if (Q.isDefault()) {
    std::lock_guard<std::mutex> Guard(QueuesLock);
    for (CLQueue *B : BlockingQueues)
      if (Result R = Mark(*B); !R)
        return R;
    return Result::success();
  }
  if (Q.blocking())
    return Mark(*DefaultQueue);
  return Result::success();
}

void OpenCLDevice::releaseEvents(std::vector<cl_event> &Events) {
  for (cl_event E : Events)
    clReleaseEvent(E);
  Events.clear();
}

Result OpenCLDevice::synchronizeQueue(Queue *Q) { return queueFor(Q).finish(); }

Result OpenCLDevice::synchronize() {
  Result First = DefaultQueue->finish();
  // Another thread may destroy a user queue meanwhile: take what finishing
  // needs (a retained handle, the latest launch) while the set's lock keeps
  // every queue alive, and wait outside it.
  std::vector<std::pair<cl_command_queue, cl_event>> Users;
  {
    std::lock_guard<std::mutex> Guard(QueuesLock);
    for (CLQueue *Q : AllQueues) {
      clRetainCommandQueue(Q->handle());
      Users.emplace_back(Q->handle(), Q->takeLastLaunch());
    }
  }
  for (auto &[H, Last] : Users) {
    Result R = finishQueue(H, Last);
    clReleaseCommandQueue(H);
    if (First && !R)
      First = R;
  }
  return First;
}

//===----------------------------------------------------------------------===//
// Memory
//===----------------------------------------------------------------------===//

Result OpenCLDevice::allocate(size_t Bytes, void **Ptr) {
  void *P = nullptr;
  Result R = svmAlloc(Context, CL_MEM_READ_WRITE, Bytes, Props.MaxAllocationSize, &P);
  if (!R.ok())
    return R;
  std::lock_guard<std::mutex> Guard(AllocLock);
  DeviceAllocations.insert(P);
  ++AllocGeneration;
  *Ptr = P;
  return Result::success();
}

Result OpenCLDevice::deallocate(void *Ptr) {
  {
    std::lock_guard<std::mutex> Guard(AllocLock);
    if (!DeviceAllocations.erase(Ptr))
      return Result(Status::InvalidValue, "not a live device allocation");
    ++AllocGeneration;
  }
  // cudaFree synchronizes: no queued kernel may still use the memory.
  Result R = synchronize();
  clSVMFree(Context, Ptr);
  return R;
}

Result OpenCLDevice::allocateFineGrained(size_t Bytes, void **Ptr) {
  if (!Props.SVMFineGrainBuffer)
    return Result(Status::NotSupported, "the device has no fine-grained buffer SVM");
  void *P = nullptr;
  Result R = svmAlloc(Context, CL_MEM_READ_WRITE | CL_MEM_SVM_FINE_GRAIN_BUFFER, Bytes,
                      Props.MaxAllocationSize, &P);
  if (!R.ok())
    return R;
  std::lock_guard<std::mutex> Guard(AllocLock);
  HostSvmAllocations.insert(P);
  ++AllocGeneration;
  *Ptr = P;
  return Result::success();
}

Result OpenCLDevice::allocateShared(size_t Bytes, void **Ptr) {
  return allocateFineGrained(Bytes, Ptr);
}

Result OpenCLDevice::deallocateShared(void *Ptr) {
  {
    std::lock_guard<std::mutex> Guard(AllocLock);
    if (!HostSvmAllocations.erase(Ptr))
      return Result(Status::InvalidValue, "not a live shared allocation");
    ++AllocGeneration;
  }
  Result R = synchronize();
  clSVMFree(Context, Ptr);
  return R;
}

Result OpenCLDevice::allocateHost(size_t Bytes, void **Ptr, bool *DeviceAccessible) {
  if (allocateFineGrained(Bytes, Ptr)) {
    *DeviceAccessible = true;
    return Result::success();
  }
  // No fine-grained SVM: ordinary page-aligned memory the device cannot
  // address; copies still work through clEnqueueSVMMemcpy.
  void *P = nullptr;
  if (::posix_memalign(&P, 4096, Bytes) != 0 || !P)
    return Result(Status::OutOfMemory,
                  "host allocation of " + std::to_string(Bytes) + " bytes failed");
  *Ptr = P;
  *DeviceAccessible = false;
  return Result::success();
}

Result OpenCLDevice::deallocateHost(void *Ptr) {
  bool Svm;
  {
    std::lock_guard<std::mutex> Guard(AllocLock);
    Svm = HostSvmAllocations.erase(Ptr) != 0;
    if (Svm)
      ++AllocGeneration;
  }
  Result R = synchronize();
  if (Svm)
    clSVMFree(Context, Ptr);
  else
    std::free(Ptr);
  return R;
}

namespace {

void CL_CALLBACK freeStaging(cl_event, cl_int, void *Staging) { std::free(Staging); }

} // namespace

Result OpenCLDevice::copy(Queue *Q, void *Dst, const void *Src, size_t Bytes,
                          CopyKind Kind, CopyMode Mode) {
  if (Bytes == 0)
    return Result::success();
  CLQueue &CQ = queueFor(Q);
  // Pageable host memory the caller may reuse at once: copy it aside and
  // free it when the transfer is done.
  void *Staging = nullptr;
  if (Kind == CopyKind::HostToDevice && Mode == CopyMode::AsyncStaged) {
    Staging = std::malloc(Bytes);
    if (!Staging)
      return Result(Status::OutOfMemory, "staging buffer of " + std::to_string(Bytes) +
                                             " bytes for an asynchronous copy");
    std::memcpy(Staging, Src, Bytes);
    Src = Staging;
  }
  cl_event Done = nullptr;
  cl_int Err;
  {
    std::lock_guard<std::mutex> Submit(CQ.submitLock());
    std::vector<cl_event> Deps;
    if (Result R = dependencies(CQ, Deps); !R) {
      releaseEvents(Deps);
      std::free(Staging);
      return R;
    }
    const cl_uint NDeps = cl_uint(Deps.size());
    const cl_event *DepList = Deps.empty() ? nullptr : Deps.data();
    if (Kind == CopyKind::HostToHost)
      // Ordered after the queue's work like any cudaMemcpy, then a host copy.
      Err = clEnqueueMarkerWithWaitList(CQ.handle(), NDeps, DepList, &Done);
    else
      Err = clEnqueueSVMMemcpy(CQ.handle(), CL_FALSE, Dst, Src, Bytes, NDeps, DepList, &Done);
    releaseEvents(Deps);
    if (Err == CL_SUCCESS)
      CQ.submitted(Done);
  }
  if (Err != CL_SUCCESS) {
    std::free(Staging);
    return clResult(Err, "clEnqueueSVMMemcpy");
  }
  clFlush(CQ.handle());
  if (Staging && clSetEventCallback(Done, CL_COMPLETE, freeStaging, Staging) == CL_SUCCESS)
    Staging = nullptr; // Freed by the callback.
  if (Kind == CopyKind::HostToHost || Mode == CopyMode::Sync || Staging) {
    Err = clWaitForEvents(1, &Done);
    if (Err == CL_SUCCESS && Kind == CopyKind::HostToHost)
      std::memmove(Dst, Src, Bytes);
  }
  std::free(Staging);
  clReleaseEvent(Done);
  return clResult(Err, "clEnqueueSVMMemcpy");
}

Result OpenCLDevice::fill(Queue *Q, void *Dst, uint8_t Value, size_t Bytes, CopyMode Mode) {
  if (Bytes == 0)
    return Result::success();
  CLQueue &CQ = queueFor(Q);
  cl_event Done = nullptr;
  cl_int Err;
  {
    std::lock_guard<std::mutex> Submit(CQ.submitLock());
    std::vector<cl_event> Deps;
    if (Result R = dependencies(CQ, Deps); !R) {
      releaseEvents(Deps);
      return R;
    }
    Err = clEnqueueSVMMemFill(CQ.handle(), Dst, &Value, 1, Bytes, cl_uint(Deps.size()),
                              Deps.empty() ? nullptr : Deps.data(), &Done);
    releaseEvents(Deps);
    if (Err == CL_SUCCESS)
      CQ.submitted(Done);
  }
  if (Err != CL_SUCCESS)
    return clResult(Err, "clEnqueueSVMMemFill");
  clFlush(CQ.handle());
  if (Mode == CopyMode::Sync)
    Err = clWaitForEvents(1, &Done);
  clReleaseEvent(Done);
  return clResult(Err, "clEnqueueSVMMemFill");
}

//===----------------------------------------------------------------------===//
// Markers, queries and host functions
//===----------------------------------------------------------------------===//

namespace {

/// Success, NotReady or LaunchFailure from an event's execution status.
Result eventState(cl_event E) {
  cl_int Exec = CL_QUEUED;
  cl_int Err = clGetEventInfo(E, CL_EVENT_COMMAND_EXECUTION_STATUS, sizeof(Exec), &Exec,
                              nullptr);
  if (Err != CL_SUCCESS)
    return clResult(Err, "clGetEventInfo(CL_EVENT_COMMAND_EXECUTION_STATUS)");
  if (Exec == CL_COMPLETE)
    return Result::success();
  if (Exec < 0)
    return Result(Status::LaunchFailure, "work before the marker failed: " + clErrorName(Exec));
  return Result(Status::NotReady, "work before the marker is still pending");
}

} // namespace

Result OpenCLDevice::queryQueue(Queue *Q) {
  cl_event Tail = queueFor(Q).tail();
  if (!Tail)
    return Result::success(); // Nothing was ever queued.
  Result R = eventState(Tail);
  clReleaseEvent(Tail);
  return R;
}

Result OpenCLDevice::mark(Queue *Q, bool Timing, std::shared_ptr<Marker> *Out) {
  if (Timing && !Profiling)
    return Result(Status::NotSupported, "the device's queues have no profiling timestamps");
  CLQueue &CQ = queueFor(Q);
  cl_event E;
  {
    std::lock_guard<std::mutex> Submit(CQ.submitLock());
    std::vector<cl_event> Deps;
    if (Result R = dependencies(CQ, Deps); !R) {
      releaseEvents(Deps);
      return R;
    }
    cl_int Err = clEnqueueMarkerWithWaitList(CQ.handle(), cl_uint(Deps.size()),
                                             Deps.empty() ? nullptr : Deps.data(), &E);
    releaseEvents(Deps);
    if (Err != CL_SUCCESS)
      return clResult(Err, "clEnqueueMarkerWithWaitList");
    CQ.submitted(E);
  }
  clFlush(CQ.handle());
  *Out = std::make_shared<CLMarker>(E, Timing);
  return Result::success();
}

Result OpenCLDevice::queryMarker(Marker &M) {
  return eventState(static_cast<CLMarker &>(M).event());
}

Result OpenCLDevice::waitMarker(Marker &M) {
  cl_event E = static_cast<CLMarker &>(M).event();
  cl_int Err = clWaitForEvents(1, &E);
  if (Err == CL_EXEC_STATUS_ERROR_FOR_EVENTS_IN_WAIT_LIST)
    return Result(Status::LaunchFailure, "work before the marker failed");
  if (Err != CL_SUCCESS)
    return clResult(Err, "clWaitForEvents");
  return eventState(E);
}

Result OpenCLDevice::elapsedTime(Marker &Start, Marker &End, float *Ms) {
  auto &S = static_cast<CLMarker &>(Start), &E = static_cast<CLMarker &>(End);
  if (!S.timing() || !E.timing())
    return Result(Status::InvalidResourceHandle, "a marker was placed without timing");
  for (CLMarker *M : {&S, &E})
    if (Result R = eventState(M->event()); !R)
      return R;
  // END is when everything before the marker finished, which is what a
  // CUDA event's timestamp means.
  cl_ulong T0 = 0, T1 = 0;
  cl_int Err = clGetEventProfilingInfo(S.event(), CL_PROFILING_COMMAND_END, sizeof(T0), &T0,
                                       nullptr);
  if (Err == CL_SUCCESS)
    Err = clGetEventProfilingInfo(E.event(), CL_PROFILING_COMMAND_END, sizeof(T1), &T1,
                                  nullptr);
  if (Err != CL_SUCCESS)
    return clResult(Err, "clGetEventProfilingInfo");
  *Ms = float((double(T1) - double(T0)) / 1.0e6);
  return Result::success();
}

Result OpenCLDevice::waitOnMarker(Queue *Q, Marker &M) {
  CLQueue &CQ = queueFor(Q);
  cl_event E = static_cast<CLMarker &>(M).event(), Barrier;
  {
    std::lock_guard<std::mutex> Submit(CQ.submitLock());
    cl_int Err = clEnqueueBarrierWithWaitList(CQ.handle(), 1, &E, &Barrier);
    if (Err != CL_SUCCESS)
      return clResult(Err, "clEnqueueBarrierWithWaitList");
    CQ.submitted(Barrier);
  }
  clReleaseEvent(Barrier);
  clFlush(CQ.handle());
  return Result::success();
}

Result OpenCLDevice::enqueueHostFunction(Queue *Q, void (*Fn)(void *, Status), void *Data) {
  CLQueue &CQ = queueFor(Q);
  HostFunctionWorker::Task T{nullptr, nullptr, Fn, Data};
  cl_int Err;
  T.Gate = clCreateUserEvent(Context, &Err);
  if (Err != CL_SUCCESS)
    return clResult(Err, "clCreateUserEvent");
  {
    std::lock_guard<std::mutex> Submit(CQ.submitLock());
    std::vector<cl_event> Deps;
    if (Result R = dependencies(CQ, Deps); !R) {
      releaseEvents(Deps);
      clSetUserEventStatus(T.Gate, CL_COMPLETE);
      clReleaseEvent(T.Gate);
      return R;
    }
    Err = clEnqueueMarkerWithWaitList(CQ.handle(), cl_uint(Deps.size()),
                                      Deps.empty() ? nullptr : Deps.data(), &T.Before);
    releaseEvents(Deps);
    cl_event Barrier = nullptr;
    if (Err == CL_SUCCESS)
      Err = clEnqueueBarrierWithWaitList(CQ.handle(), 1, &T.Gate, &Barrier);
    if (Err != CL_SUCCESS) {
      clSetUserEventStatus(T.Gate, CL_COMPLETE);
      clReleaseEvent(T.Gate);
      if (T.Before)
        clReleaseEvent(T.Before);
      return clResult(Err, "clEnqueueMarkerWithWaitList/clEnqueueBarrierWithWaitList");
    }
    CQ.submitted(Barrier);
    clReleaseEvent(Barrier);
  }
  clFlush(CQ.handle());
  CQ.hostWorker().push(T);
  return Result::success();
}

//===----------------------------------------------------------------------===//
// Modules and launch
//===----------------------------------------------------------------------===//

Result OpenCLDevice::loadModule(const fatbin::Image &Img, std::unique_ptr<Module> *Out) {
  if (Img.Kind != fatbin::ImageKind::SPIRV)
    return Result(Status::InvalidKernelImage,
                  "the OpenCL target loads SPIR-V images, not image kind " +
                      std::to_string(uint32_t(Img.Kind)));
  const std::vector<uint8_t> &D = Img.Data;
  if (D.size() < 20 || D.size() % 4 != 0 || D[0] != 0x03 || D[1] != 0x02 ||
      D[2] != 0x23 || D[3] != 0x07)
    return Result(Status::InvalidKernelImage,
                  "the SPIR-V image is not a SPIR-V module (bad magic or size)");
  Out->reset(new OpenCLModule(*this, D));
  ++Counters.ModulesLoaded;
  return Result::success();
}

Result OpenCLDevice::updateSvmExecInfo(KernelSlot &Slot) {
  std::vector<void *> Ptrs;
  {
    std::lock_guard<std::mutex> Guard(AllocLock);
    if (Slot.SvmGeneration == AllocGeneration)
      return Result::success();
    Slot.SvmGeneration = AllocGeneration;
    Ptrs.assign(DeviceAllocations.begin(), DeviceAllocations.end());
    Ptrs.insert(Ptrs.end(), HostSvmAllocations.begin(), HostSvmAllocations.end());
  }
  if (Ptrs.empty())
    return Result::success();
  // Not fatal: devices with fine-grained system SVM, or that track SVM
  // themselves, may refuse the hint; the argument pointers still work.
  clSetKernelExecInfo(Slot.Kernel, CL_KERNEL_EXEC_INFO_SVM_PTRS,
                      Ptrs.size() * sizeof(void *), Ptrs.data());
  return Result::success();
}

Result OpenCLDevice::kernelAttributes(Module &M, const fatbin::KernelInfo &Kernel,
                                      KernelAttributes *Out) {
  KernelSlot *Slot = nullptr;
  if (Result R = static_cast<OpenCLModule &>(M).kernel(Kernel.Name, Kernel.Args.size(), &Slot);
      !R)
    return R;
  // The slot's fields are fixed when it is created; no lock is needed. A
  // lockstep kernel's work-items are warps of 32 threads (see launch()).
  size_t Threads = Slot->MaxWorkGroupSize;
  if (Kernel.Flags & fatbin::KF_WarpLockstep)
    Threads = Threads > UINT32_MAX / 32 ? UINT32_MAX : Threads * 32;
  Out->MaxThreadsPerBlock = uint32_t(std::min<size_t>(Threads, UINT32_MAX));
  // PoCL's CL_KERNEL_LOCAL_MEM_SIZE is the whole program's total, the same
  // for every kernel; the compiler's per-kernel figure is exact.
  Out->StaticSharedBytes = Kernel.StaticSharedBytes;
  Out->PrivateBytes = Slot->PrivateBytes;
  return Result::success();
}

/// The stack size of threads created with default attributes.
static uint64_t defaultThreadStackBytes() {
  pthread_attr_t Attr;
  size_t Bytes = 0;
  if (pthread_getattr_default_np(&Attr) == 0) {
    pthread_attr_getstacksize(&Attr, &Bytes);
    pthread_attr_destroy(&Attr);
  }
  return Bytes ? Bytes : 2u << 20; // glibc's floor when it cannot say
}

Result OpenCLDevice::gridLayout(const fatbin::KernelInfo &Kernel, const LaunchConfig &Config,
                                size_t WarpsPerBlock, const KernelSlot &Slot, GridLayout &Out) {
  uint64_t Slice = fatbin::gridSliceBytes(Kernel.StaticSharedBytes, Config.SharedBytes);
  uint64_t Blocks = 0, Items = 0, Bytes = 0;
  bool Huge = __builtin_mul_overflow(uint64_t(Config.Grid[0]) * Config.Grid[1], Config.Grid[2],
                                     &Blocks) |
              __builtin_mul_overflow(Blocks, uint64_t(WarpsPerBlock), &Items) |
              __builtin_mul_overflow(Blocks, Slice, &Bytes);
  if (Huge || Items > Slot.MaxWorkGroupSize)
    return Result(Status::CooperativeLaunchTooLarge,
                  "kernel '" + Kernel.Name + "' synchronizes its grid, which must run at once: " +
                      std::to_string(Blocks) + " blocks of " + std::to_string(WarpsPerBlock) +
                      " warps exceed the device's " + std::to_string(Slot.MaxWorkGroupSize));
  if (Bytes > Props.SharedMemPerBlock || Slice > UINT32_MAX)
    return Result(Status::CooperativeLaunchTooLarge,
                  "kernel '" + Kernel.Name + "' synchronizes its grid, which must run at once: " +
                      std::to_string(Blocks) + " blocks of " + std::to_string(Slice) +
                      " bytes of shared memory exceed the device's " +
                      std::to_string(Props.SharedMemPerBlock));
  // A CPU driver keeps a work-group's private memory on the stack of the
  // thread that runs it (PoCL: one of its pool's threads, created with the
  // process's default stack size): the work-items' lane state and frames
  // (the compiler's figure, in the GridShape record) must fit in half of it,
  // the rest being the driver's and the kernel's own.
  uint64_t PerItem = 0;
  for (const fatbin::KernelArg &A : Kernel.Args)
    if (A.Kind == fatbin::ArgKind::GridShape)
      PerItem = A.Extra;
  if (Props.Type == DeviceType::CPU && PerItem) {
    uint64_t Budget = defaultThreadStackBytes() / 2;
    if (Items > Budget / PerItem)
      return Result(Status::CooperativeLaunchTooLarge,
                    "kernel '" + Kernel.Name + "' synchronizes its grid, which must run at "
                    "once: " + std::to_string(Items) + " warps of " + std::to_string(PerItem) +
                    " bytes of lane state exceed " + std::to_string(Budget) +
                    " bytes, half the stack of the driver's threads");
  }
  Out.Blocks = size_t(Blocks);
  Out.SliceBytes = cl_uint(Slice);
  return Result::success();
}

Result OpenCLDevice::launch(Module &M, const fatbin::KernelInfo &Kernel,
                            const LaunchConfig &Config, void **Args) {
  auto &Mod = static_cast<OpenCLModule &>(M);
  KernelSlot *Slot = nullptr;
  if (Result R = Mod.kernel(Kernel.Name, Kernel.Args.size(), &Slot); !R)
    return R;

  size_t Global[3], Local[3], Threads = 1;
  for (int I = 0; I < 3; ++I) {
    Local[I] = Config.Block[I];
    Threads *= Local[I];
  }
  // A kernel with warp functions runs one warp per work-item (lowering's
  // cuport-lower-warp-lockstep): one work-group per block, still.
  bool Lockstep = Kernel.Flags & fatbin::KF_WarpLockstep;
  if (Lockstep) {
    Local[0] = (Threads + 31) / 32;
    Local[1] = Local[2] = 1;
  }
  for (int I = 0; I < 3; ++I)
    if (__builtin_mul_overflow(size_t(Config.Grid[I]), Local[I], &Global[I]))
      return Result(Status::InvalidConfiguration,
                    "grid x block overflows the global size in dimension " +
                        std::to_string(I));
  if (Local[0] * Local[1] * Local[2] > Slot->MaxWorkGroupSize)
    return Result(Status::LaunchOutOfResources,
                  "block of " + std::to_string(Threads) + " threads exceeds what kernel '" +
                      Kernel.Name + "' supports on this device (" +
                      std::to_string(Slot->MaxWorkGroupSize) +
                      (Lockstep ? " warps)" : ")"));
  // The compiler's per-kernel figure (container 1.2): PoCL's
  // CL_KERNEL_LOCAL_MEM_SIZE is the whole program's total, which would
  // refuse a kernel for another kernel's __shared__ arrays. Containers
  // before 1.2 record 0; the driver then refuses at enqueue if needed.
  uint64_t StaticShared = Kernel.StaticSharedBytes;
  if (StaticShared + Config.SharedBytes > Props.SharedMemPerBlock)
    return Result(Status::LaunchOutOfResources,
                  "kernel '" + Kernel.Name + "' needs " +
                      std::to_string(StaticShared) + " bytes of static and " +
                      std::to_string(Config.SharedBytes) +
                      " of dynamic shared memory; the device has " +
                      std::to_string(Props.SharedMemPerBlock));
  // A kernel that synchronizes its grid runs all of it in one work-group
  // (container 1.3), each block's shared memory a slice of one buffer.
  GridLayout Grid;
  if (Kernel.Flags & fatbin::KF_GridLockstep)
    if (Result R = gridLayout(Kernel, Config, Local[0], *Slot, Grid); !R)
      return R;
  if (Grid.Blocks) {
    Local[0] = Global[0] = Grid.Blocks * Local[0];
    Global[1] = Global[2] = 1;
  }

  CLQueue &CQ = queueFor(Config.Stream);
  std::lock_guard<std::mutex> Guard(Slot->Lock);
  updateSvmExecInfo(*Slot);
  size_t User = 0;
  for (cl_uint I = 0; I < Kernel.Args.size(); ++I) {
    const fatbin::KernelArg &A = Kernel.Args[I];
    cl_int Err = CL_SUCCESS;
    switch (A.Kind) {
    case fatbin::ArgKind::Value:
    case fatbin::ArgKind::GlobalPointer: {
      if (!Args || !Args[User])
        return Result(Status::InvalidValue, "kernel '" + Kernel.Name + "': args[" +
                                                std::to_string(User) + "] is null");
      if (A.Kind == fatbin::ArgKind::Value) {
        Err = clSetKernelArg(Slot->Kernel, I, A.Size, Args[User]);
      } else {
        void *P;
        std::memcpy(&P, Args[User], sizeof(P));
        if (P) {
          Err = clSetKernelArgSVMPointer(Slot->Kernel, I, P);
        } else {
          // A null device pointer: OpenCL takes a null buffer object for it.
          cl_mem Null = nullptr;
          Err = clSetKernelArg(Slot->Kernel, I, sizeof(cl_mem), &Null);
        }
      }
      ++User;
      break;
    }
    case fatbin::ArgKind::DynamicShared: {
      // OpenCL rejects a zero-sized local argument; a kernel launched with
      // no dynamic shared memory must not touch it, so any size will do.
      size_t Bytes = Grid.Blocks ? Grid.Blocks * Grid.SliceBytes : Config.SharedBytes;
      Err = clSetKernelArg(Slot->Kernel, I, Bytes ? Bytes : std::max<size_t>(A.Align, 1),
                           nullptr);
      break;
    }
    case fatbin::ArgKind::GridShape: {
      if (!Grid.Blocks)
        return Result(Status::InvalidKernelImage,
                      "kernel '" + Kernel.Name + "' takes a grid shape but is not flagged "
                      "as synchronizing its grid");
      cl_uint Shape[4] = {Config.Grid[0], Config.Grid[1], Config.Grid[2], Grid.SliceBytes};
      Err = clSetKernelArg(Slot->Kernel, I, sizeof(Shape), Shape);
      break;
    }
    case fatbin::ArgKind::GlobalsBlock:
      if (!Config.Globals)
        return Result(Status::InvalidKernelImage,
                      "kernel '" + Kernel.Name + "' needs its module's device variables, but "
                      "the module has no globals block");
      Err = clSetKernelArgSVMPointer(Slot->Kernel, I, Config.Globals);
      break;
    case fatbin::ArgKind::BlockDim: {
      // x | y << 11 | z << 22: CUDA's limits (1024, 1024, 64) fit.
      if (Config.Block[0] > 1024 || Config.Block[1] > 1024 || Config.Block[2] > 64)
        return Result(Status::InvalidConfiguration, "block shape exceeds CUDA's limits");
      cl_uint Packed = cl_uint(Config.Block[0]) | cl_uint(Config.Block[1]) << 11 |
                       cl_uint(Config.Block[2]) << 22;
      Err = clSetKernelArg(Slot->Kernel, I, sizeof(Packed), &Packed);
      break;
    }
    default:
      return Result(Status::InvalidKernelImage,
                    "kernel '" + Kernel.Name + "' argument " + std::to_string(I) +
                        " has unknown kind " + std::to_string(uint32_t(A.Kind)) +
                        " (container from a newer cuport?)");
    }
    if (Err != CL_SUCCESS)
      return clResult(Err, "setting argument " + std::to_string(I) + " of kernel '" +
                               Kernel.Name + "'");
  }

  std::lock_guard<std::mutex> Submit(CQ.submitLock());
  std::vector<cl_event> Deps;
  if (Result R = dependencies(CQ, Deps); !R) {
    releaseEvents(Deps);
    return R;
  }
  // PoCL 3.1's CPU drivers abort unless launches of one kernel and local
  // size with different grids are kept apart (DlhandleCacheOrder.h).
  DlhandleCacheOrder::Launch Order =
      CacheOrder.begin(Mod.key(), Kernel.Name, Local, Global, Deps);
  cl_event Done = nullptr;
  cl_int Err = clEnqueueNDRangeKernel(CQ.handle(), Slot->Kernel, 3, nullptr, Global, Local,
                                      cl_uint(Deps.size()),
                                      Deps.empty() ? nullptr : Deps.data(), &Done);
  releaseEvents(Deps);
  if (Err != CL_SUCCESS)
    return clResult(Err, "launching kernel '" + Kernel.Name + "'");
  Order.enqueued(Done);
  CQ.submitted(Done);
  CQ.setLastLaunch(Done);
  clFlush(CQ.handle());
  return Result::success();
}

ModuleStats OpenCLDevice::moduleStats() const {
  ModuleStats S;
  S.ModulesLoaded = Counters.ModulesLoaded;
  S.ProgramsBuilt = Counters.ProgramsBuilt;
  S.SpirvTranslations = Counters.SpirvTranslations;
  S.BinaryCacheHits = Counters.BinaryCacheHits;
  S.BitcodeCacheHits = Counters.BitcodeCacheHits;
  S.CacheEntriesWritten = Counters.CacheEntriesWritten;
  S.CacheEntriesRejected = Counters.CacheEntriesRejected;
  return S;
}

} // namespace opencl
} // namespace target
} // namespace cuport
