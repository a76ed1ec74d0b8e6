//===- HipDevice.cpp - Device hooks as HIP runtime calls ------------------===//
//
// Memory is hipMalloc'd (a HIP device pointer is what kernels use, as a
// CUDA pointer is), queues are HIP streams (a blocking queue is a
// hipStreamDefault stream, which HIP orders against the null stream as
// CUDA's legacy default stream requires), markers are HIP events, modules
// are AMD code objects loaded with hipModuleLoadData.
//
// None of this has run on an AMD GPU yet (see HipDevice.h); it is kept to
// one HIP call per step so that the first machine with a device has little
// to confirm.
//
//===----------------------------------------------------------------------===//
#include "HipDevice.h"

#include <algorithm>
#include <cstring>
#include <mutex>
#include <unordered_map>

namespace cuport {
namespace target {
namespace hip {

namespace {

class HipQueue : public Queue {
public:
  HipQueue(HipLibrary &L, int Ordinal, void *Stream) : L(L), Ordinal(Ordinal), Stream(Stream) {}
  ~HipQueue() override {
    // Destroying a queue waits for its work, as Target.h promises.
    L.hipSetDevice(Ordinal);
    L.hipStreamSynchronize(Stream);
    L.hipStreamDestroy(Stream);
  }
  HipLibrary &L;
  int Ordinal;
  void *Stream;
};

class HipMarker : public Marker {
public:
  HipMarker(HipLibrary &L, void *Event) : L(L), Event(Event) {}
  ~HipMarker() override { L.hipEventDestroy(Event); }
  HipLibrary &L;
  void *Event;
};

class HipModule : public Module {
public:
  HipModule(HipLibrary &L, int Ordinal) : L(L), Ordinal(Ordinal) {}
  ~HipModule() override {
    if (Handle) {
      L.hipSetDevice(Ordinal);
      L.hipModuleUnload(Handle);
    }
  }

  /// The address and size of global \p Name, looked up once.
  Result global(const std::string &Name, void **Addr, size_t *Size) {
    std::lock_guard<std::mutex> Guard(Lock);
    auto It = Globals.find(Name);
    if (It == Globals.end()) {
      void *P = nullptr;
      size_t Bytes = 0;
      if (Result R = check(L, L.hipModuleGetGlobal(&P, &Bytes, Handle, Name.c_str()),
                           ("hipModuleGetGlobal(" + Name + ")").c_str());
          !R)
        return Result(Status::InvalidSymbol, R.message());
      It = Globals.emplace(Name, std::make_pair(P, Bytes)).first;
    }
    *Addr = It->second.first;
    *Size = It->second.second;
    return Result::success();
  }

  /// The kernel's hipFunction_t, looked up once.
  Result function(const std::string &Name, void **Out) {
    std::lock_guard<std::mutex> Guard(Lock);
    auto It = Functions.find(Name);
    if (It != Functions.end()) {
      *Out = It->second;
      return Result::success();
    }
    void *F = nullptr;
    if (Result R = check(L, L.hipModuleGetFunction(&F, Handle, Name.c_str()),
                         ("hipModuleGetFunction(" + Name + ")").c_str());
        !R)
      return Result(Status::InvalidDeviceFunction, R.message());
    Functions.emplace(Name, F);
    *Out = F;
    return Result::success();
  }

  HipLibrary &L;
  int Ordinal;
  void *Handle = nullptr;
  std::vector<uint8_t> Image; ///< Kept: the module was loaded from these bytes.
  std::mutex Lock;
  std::unordered_map<std::string, void *> Functions;
  std::unordered_map<std::string, std::pair<void *, size_t>> Globals;
};

void *streamOf(Queue *Q) { return Q ? static_cast<HipQueue *>(Q)->Stream : nullptr; }

int memcpyKind(CopyKind K) {
  switch (K) {
  case CopyKind::HostToHost: return abi::MemcpyHostToHost;
  case CopyKind::HostToDevice: return abi::MemcpyHostToDevice;
  case CopyKind::DeviceToHost: return abi::MemcpyDeviceToHost;
  case CopyKind::DeviceToDevice: return abi::MemcpyDeviceToDevice;
  }
  return abi::MemcpyHostToHost;
}

std::string processorOf(const std::string &Arch) { return Arch.substr(0, Arch.find(':')); }

std::string fixedString(const char *Bytes, size_t Max) {
  return std::string(Bytes, strnlen(Bytes, Max));
}

struct HostCall {
  void (*Fn)(void *Data, Status S);
  void *Data;
};

void runHostCall(void * /*Stream*/, int Error, void *Ctx) {
  auto *C = static_cast<HostCall *>(Ctx);
  C->Fn(C->Data, statusOf(Error));
  delete C;
}

} // namespace

bool archMatches(const std::string &ImageArch, const std::string &DeviceArch) {
  if (ImageArch.empty() || processorOf(ImageArch) != processorOf(DeviceArch))
    return false;
  std::string Device = DeviceArch + ":";
  size_t Pos = ImageArch.find(':');
  while (Pos != std::string::npos) {
    size_t Next = ImageArch.find(':', Pos + 1);
    std::string Feature = ImageArch.substr(Pos + 1, Next == std::string::npos
                                                         ? std::string::npos
                                                         : Next - Pos - 1);
    if (!Feature.empty() && Device.find(":" + Feature + ":") == std::string::npos)
      return false;
    Pos = Next;
  }
  return true;
}

Result packKernelParams(const fatbin::KernelInfo &Kernel, void **Args,
                        std::vector<void *> &Params) {
  Params.clear();
  size_t User = 0;
  for (const fatbin::KernelArg &A : Kernel.Args) {
    switch (A.Kind) {
    case fatbin::ArgKind::Value:
    case fatbin::ArgKind::GlobalPointer:
      if (!Args || !Args[User])
        return Result(Status::InvalidValue, "argument " + std::to_string(User) + " of " +
                                                Kernel.Name + " is a null pointer in args");
      Params.push_back(Args[User++]);
      break;
    case fatbin::ArgKind::DynamicShared: // The launch's sharedMemBytes.
    case fatbin::ArgKind::GlobalsBlock:  // Device variables are real globals.
      break;
    default:
      return Result(Status::InvalidKernelImage,
                    Kernel.Name + " has argument kind " +
                        std::to_string(uint32_t(A.Kind)) + ", unknown to this runtime");
    }
  }
  return Result::success();
}

Result HipDevice::create(HipLibrary &L, int Ordinal, std::unique_ptr<HipDevice> *Out) {
  std::unique_ptr<HipDevice> D(new HipDevice(L, Ordinal));
  if (Result R = D->use(); !R)
    return R;
  // hipDeviceProp_t read at HIP 5's offsets; the buffer is larger than the
  // struct so that a runtime writing more cannot overrun it.
  alignas(8) char Raw[4096] = {};
  if (Result R = check(L, L.hipGetDeviceProperties(Raw, Ordinal), "hipGetDeviceProperties");
      !R)
    return R;
  DeviceProperties &P = D->Props;
  P.Name = fixedString(Raw + abi::PropsNameOffset, abi::PropsNameSize);
  D->Arch = fixedString(Raw + abi::PropsGcnArchNameOffset, abi::PropsGcnArchNameSize);
  std::memcpy(&P.TotalGlobalMem, Raw + abi::PropsTotalGlobalMemOffset, sizeof(size_t));
  if (D->Arch.empty())
    return Result(Status::NoDevice, "device " + std::to_string(Ordinal) +
                                        " reports no gcnArchName");

  // Integer facts from hipDeviceGetAttribute. A field HIP cannot answer
  // stays 0 rather than invented.
  auto Attr = [&](int A) {
    int V = 0;
    return L.hipDeviceGetAttribute(&V, A, Ordinal) == abi::Success && V > 0 ? uint32_t(V)
                                                                            : 0u;
  };
  P.Vendor = "AMD";
  P.Type = DeviceType::GPU;
  int Driver = 0;
  L.hipDriverGetVersion(&Driver);
  P.DriverVersion = std::to_string(Driver);
  P.DeviceVersion = "HIP " + std::to_string(L.RuntimeVersion) + " " + D->Arch;
  P.MaxAllocationSize = P.TotalGlobalMem;
  P.SharedMemPerBlock = Attr(abi::AttrMaxSharedMemoryPerBlock);
  P.TotalConstMem = Attr(abi::AttrTotalConstantMemory);
  P.ComputeUnits = Attr(abi::AttrMultiprocessorCount);
  P.MaxThreadsPerBlock = Attr(abi::AttrMaxThreadsPerBlock);
  P.MaxBlockDim[0] = Attr(abi::AttrMaxBlockDimX);
  P.MaxBlockDim[1] = Attr(abi::AttrMaxBlockDimY);
  P.MaxBlockDim[2] = Attr(abi::AttrMaxBlockDimZ);
  // CUDA's grid limits, or HIP's where they are smaller (Target.h).
  const uint32_t CudaGrid[3] = {0x7fffffffu, 65535u, 65535u};
  const int GridAttr[3] = {abi::AttrMaxGridDimX, abi::AttrMaxGridDimY, abi::AttrMaxGridDimZ};
  for (int I = 0; I < 3; ++I) {
    uint32_t Hip = Attr(GridAttr[I]);
    P.MaxGridDim[I] = Hip ? std::min(Hip, CudaGrid[I]) : CudaGrid[I];
  }
  P.ClockRateKHz = Attr(abi::AttrClockRate);
  // The wavefront width (64 on most AMD GPUs); the gfx lowering decides how
  // CUDA's 32-wide warp code maps onto it.
  P.WarpSize = Attr(abi::AttrWarpSize);
  P.L2CacheBytes = Attr(abi::AttrL2CacheSize);
  P.MemBaseAlignBytes = 256; // hipMalloc's documented minimum alignment.
  P.AddressBits = 64;
  P.MaxParameterBytes = 4096; // CUDA's limit; HIP documents no smaller one.
  P.HostUnifiedMemory = Attr(abi::AttrIntegrated) != 0;
  P.ECCEnabled = Attr(abi::AttrEccEnabled) != 0;
  P.DoublePrecision = true;
  P.ModuleLoadPath = "hipModuleLoadData of the fat binary's amdgcn code object for " +
                     processorOf(D->Arch);
  *Out = std::move(D);
  return Result::success();
}

std::vector<std::pair<std::string, std::string>> HipDevice::describe() const {
  return {{"gcn arch", Arch},
          {"HIP runtime", L.Path + " " + std::to_string(L.RuntimeVersion)},
          {"module load", Props.ModuleLoadPath},
          {"hardware testing", "none yet: cuport's HIP target is untested on AMD GPUs"}};
}

Result HipDevice::use() { return check(L, L.hipSetDevice(Ordinal), "hipSetDevice"); }

Result HipDevice::finish(void *Stream, CopyMode Mode, const char *What) {
  if (Mode == CopyMode::Async)
    return Result::success();
  return check(L, L.hipStreamSynchronize(Stream), What);
}

Result HipDevice::allocate(size_t Bytes, void **Ptr) {
  if (Result R = use(); !R)
    return R;
  return check(L, L.hipMalloc(Ptr, Bytes), "hipMalloc");
}

Result HipDevice::deallocate(void *Ptr) {
  if (Result R = use(); !R)
    return R;
  return check(L, L.hipFree(Ptr), "hipFree"); // hipFree waits, as cudaFree does.
}

Result HipDevice::allocateHost(size_t Bytes, void **Ptr, bool *DeviceAccessible) {
  if (Result R = use(); !R)
    return R;
  Result R = check(L, L.hipHostMalloc(Ptr, Bytes, abi::HostMallocMapped), "hipHostMalloc");
  if (DeviceAccessible)
    *DeviceAccessible = R.ok(); // Mapped pinned memory: kernels use the host pointer.
  return R;
}

Result HipDevice::deallocateHost(void *Ptr) {
  if (Result R = use(); !R)
    return R;
  return check(L, L.hipHostFree(Ptr), "hipHostFree");
}

Result HipDevice::copy(Queue *Q, void *Dst, const void *Src, size_t Bytes, CopyKind Kind,
                       CopyMode Mode) {
  if (Result R = use(); !R)
    return R;
  void *S = streamOf(Q);
  if (Result R = check(L, L.hipMemcpyAsync(Dst, Src, Bytes, memcpyKind(Kind), S),
                       "hipMemcpyAsync");
      !R)
    return R;
  // AsyncStaged waits for the copy itself: later than CUDA's rule requires
  // (the source copied aside), never earlier.
  return finish(S, Mode, "hipStreamSynchronize after hipMemcpyAsync");
}

Result HipDevice::fill(Queue *Q, void *Dst, uint8_t Value, size_t Bytes, CopyMode Mode) {
  if (Result R = use(); !R)
    return R;
  void *S = streamOf(Q);
  if (Result R = check(L, L.hipMemsetAsync(Dst, Value, Bytes, S), "hipMemsetAsync"); !R)
    return R;
  return finish(S, Mode, "hipStreamSynchronize after hipMemsetAsync");
}

Result HipDevice::loadModule(const fatbin::Image &Img, std::unique_ptr<Module> *Out) {
  if (Img.Kind != fatbin::ImageKind::AMDGCN)
    return Result(Status::InvalidKernelImage,
                  "the HIP target runs AMD code objects (amdgcn images); this image is of "
                  "kind " + std::to_string(uint32_t(Img.Kind)));
  if (Img.Data.size() < 64 || std::memcmp(Img.Data.data(), "\x7f" "ELF", 4) != 0)
    return Result(Status::InvalidKernelImage, "the amdgcn image for " + Img.Arch +
                                                  " is not an ELF code object");
  if (!archMatches(Img.Arch, Arch))
    return Result(Status::NoKernelImage, "the amdgcn image is for " + Img.Arch +
                                             "; this device is " + Arch);
  if (Result R = use(); !R)
    return R;
  auto M = std::make_unique<HipModule>(L, Ordinal);
  M->Image = Img.Data;
  if (Result R = check(L, L.hipModuleLoadData(&M->Handle, M->Image.data()),
                       "hipModuleLoadData");
      !R) {
    M->Handle = nullptr;
    return R;
  }
  ++ModulesLoaded;
  *Out = std::move(M);
  return Result::success();
}

Result HipDevice::launch(Module &M, const fatbin::KernelInfo &Kernel,
                         const LaunchConfig &Config, void **Args) {
  auto &HM = static_cast<HipModule &>(M);
  if (Config.SharedBytes > 0xffffffffu)
    return Result(Status::InvalidValue, "dynamic shared memory size does not fit HIP's unsigned");
  if (Result R = use(); !R)
    return R;
  void *F = nullptr;
  if (Result R = HM.function(Kernel.Name, &F); !R)
    return R;
  // HIP copies the argument values before hipModuleLaunchKernel returns, so
  // the vector may live on this stack frame.
  std::vector<void *> Params;
  if (Result R = packKernelParams(Kernel, Args, Params); !R)
    return R;
  return check(L,
               L.hipModuleLaunchKernel(F, Config.Grid[0], Config.Grid[1], Config.Grid[2],
                                       Config.Block[0], Config.Block[1], Config.Block[2],
                                       unsigned(Config.SharedBytes), streamOf(Config.Stream),
                                       Params.empty() ? nullptr : Params.data(), nullptr),
               ("hipModuleLaunchKernel(" + Kernel.Name + ")").c_str());
}

Result HipDevice::moduleGlobal(Module &M, const std::string &Name, void **Addr,
                               size_t *Size) {
  if (Result R = use(); !R)
    return R;
  return static_cast<HipModule &>(M).global(Name, Addr, Size);
}

Result HipDevice::kernelAttributes(Module &M, const fatbin::KernelInfo &Kernel,
                                   KernelAttributes *Out) {
  if (Result R = use(); !R)
    return R;
  void *F = nullptr;
  if (Result R = static_cast<HipModule &>(M).function(Kernel.Name, &F); !R)
    return R;
  int V[5] = {0, 0, 0, 0, 0};
  const int Attrs[5] = {abi::FuncAttrMaxThreadsPerBlock, abi::FuncAttrSharedSizeBytes,
                        abi::FuncAttrConstSizeBytes, abi::FuncAttrLocalSizeBytes,
                        abi::FuncAttrNumRegs};
  for (int I = 0; I < 5; ++I)
    if (Result R = check(L, L.hipFuncGetAttribute(&V[I], Attrs[I], F), "hipFuncGetAttribute");
        !R)
      return R;
  Out->MaxThreadsPerBlock = uint32_t(std::max(V[0], 0));
  Out->StaticSharedBytes = uint64_t(std::max(V[1], 0));
  Out->ConstBytes = V[2];
  Out->PrivateBytes = uint64_t(std::max(V[3], 0));
  Out->NumRegs = V[4];
  return Result::success();
}

Result HipDevice::synchronize() {
  if (Result R = use(); !R)
    return R;
  return check(L, L.hipDeviceSynchronize(), "hipDeviceSynchronize");
}

Result HipDevice::createQueue(bool Blocking, std::unique_ptr<Queue> *Out) {
  if (Result R = use(); !R)
    return R;
  void *S = nullptr;
  if (Result R = check(L,
                       L.hipStreamCreateWithFlags(
                           &S, Blocking ? abi::StreamDefault : abi::StreamNonBlocking),
                       "hipStreamCreateWithFlags");
      !R)
    return R;
  *Out = std::make_unique<HipQueue>(L, Ordinal, S);
  return Result::success();
}

Result HipDevice::synchronizeQueue(Queue *Q) {
  if (Result R = use(); !R)
    return R;
  return check(L, L.hipStreamSynchronize(streamOf(Q)), "hipStreamSynchronize");
}

Result HipDevice::queryQueue(Queue *Q) {
  if (Result R = use(); !R)
    return R;
  return check(L, L.hipStreamQuery(streamOf(Q)), "hipStreamQuery");
}

Result HipDevice::mark(Queue *Q, bool Timing, std::shared_ptr<Marker> *Out) {
  if (Result R = use(); !R)
    return R;
  void *E = nullptr;
  if (Result R = check(L,
                       L.hipEventCreateWithFlags(
                           &E, Timing ? abi::EventDefault : abi::EventDisableTiming),
                       "hipEventCreateWithFlags");
      !R)
    return R;
  auto M = std::make_shared<HipMarker>(L, E);
  if (Result R = check(L, L.hipEventRecord(E, streamOf(Q)), "hipEventRecord"); !R)
    return R;
  *Out = std::move(M);
  return Result::success();
}

Result HipDevice::queryMarker(Marker &M) {
  return check(L, L.hipEventQuery(static_cast<HipMarker &>(M).Event), "hipEventQuery");
}

Result HipDevice::waitMarker(Marker &M) {
  return check(L, L.hipEventSynchronize(static_cast<HipMarker &>(M).Event),
               "hipEventSynchronize");
}

Result HipDevice::elapsedTime(Marker &Start, Marker &End, float *Ms) {
  for (Marker *M : {&Start, &End})
    if (Result R = queryMarker(*M); !R)
      return R; // NotReady, or the failure of work before it.
  return check(L,
               L.hipEventElapsedTime(Ms, static_cast<HipMarker &>(Start).Event,
                                     static_cast<HipMarker &>(End).Event),
               "hipEventElapsedTime");
}

Result HipDevice::waitOnMarker(Queue *Q, Marker &M) {
  if (Result R = use(); !R)
    return R;
  return check(L, L.hipStreamWaitEvent(streamOf(Q), static_cast<HipMarker &>(M).Event, 0),
               "hipStreamWaitEvent");
}

Result HipDevice::enqueueHostFunction(Queue *Q, void (*Fn)(void *Data, Status S),
                                      void *Data) {
  if (Result R = use(); !R)
    return R;
  auto *C = new HostCall{Fn, Data};
  Result R = check(L, L.hipStreamAddCallback(streamOf(Q), &runHostCall, C, 0),
                   "hipStreamAddCallback");
  if (!R)
    delete C;
  return R;
}

Result HipDevice::allocateShared(size_t Bytes, void **Ptr) {
  if (Result R = use(); !R)
    return R;
  return check(L, L.hipMallocManaged(Ptr, Bytes, abi::MemAttachGlobal), "hipMallocManaged");
}

Result HipDevice::deallocateShared(void *Ptr) { return deallocate(Ptr); }

ModuleStats HipDevice::moduleStats() const {
  ModuleStats S;
  S.ModulesLoaded = ModulesLoaded.load();
  return S;
}

} // namespace hip
} // namespace target
} // namespace cuport
