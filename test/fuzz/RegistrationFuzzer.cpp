//===- RegistrationFuzzer.cpp - libFuzzer target for the registration ABI -===//
//
// Drives libcudart's host registration ABI the way module constructors do
// (__cudaRegisterFatBinary, __cudaRegisterFunction, __cudaRegisterVar,
// __cudaRegisterFatBinaryEnd, __cudaUnregisterFatBinary), but with fuzzed
// wrappers, containers, handles and names, and then touches what was
// registered through the runtime API: cudaLaunchKernel with registered and
// unregistered stubs, cudaMemcpyToSymbol/FromSymbol, cudaGetSymbolAddress
// and cudaGetSymbolSize. No input may crash, leak or hit undefined
// behaviour; a bad one must come back as a CUDA error code.
//
// libcudart's sources are compiled into this binary (instrumented), and the
// target registry is replaced by HostTarget below: a device whose memory is
// host memory, whose modules are never built and whose launches only check
// their arguments. The runtime's own code runs unchanged up to the target
// interface, and every run is fast, deterministic and free of OpenCL's and
// PoCL's process-lifetime allocations (which LeakSanitizer would report).
//
// Input layout (test/fuzz/make-registration-seeds.py writes seeds):
//   u8  container count - 1 (low 7 bits, mod 3); bit 7: cudaDeviceReset
//       before the unregistrations at the end, else after
//   per container: u8 wrapper kind (mod 4: Clang's wrapper, bad wrapper
//       magic, null data, NVIDIA fatbin data), u16 length, that many bytes
//   ops until the input ends: u8 opcode, operands (see runOp)
// The ABI passes no length with a container, so its header's TotalSize is
// trusted to be readable: the harness clamps TotalSize to the bytes it has,
// and corrupts everything else freely.
//
//===----------------------------------------------------------------------===//
#include "Runtime.h"
#include "fatbin/FatBinary.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

extern "C" {
void **__cudaRegisterFatBinary(void *fatCubin);
void __cudaRegisterFatBinaryEnd(void **fatCubinHandle);
void __cudaUnregisterFatBinary(void **fatCubinHandle);
void __cudaRegisterFunction(void **fatCubinHandle, const char *hostFun, char *deviceFun,
                            const char *deviceName, int thread_limit, uint3 *tid, uint3 *bid,
                            dim3 *bDim, dim3 *gDim, int *wSize);
void __cudaRegisterVar(void **fatCubinHandle, char *hostVar, char *deviceAddress,
                       const char *deviceName, int ext, size_t size, int constant, int global);
}

namespace {

using namespace cuport;
using target::Result;
using target::Status;

/// Stops the run where the runtime broke a promise the fuzzer checks.
void require(bool Cond) {
  if (!Cond)
    __builtin_trap();
}

//===----------------------------------------------------------------------===//
// HostTarget: one device backed by host memory
//===----------------------------------------------------------------------===//

class HostModule : public target::Module {
public:
  explicit HostModule(const fatbin::Image &Img) : Bytes(Img.Data) {}
  std::vector<uint8_t> Bytes; // loadModule copies the image, as targets must.
};

class HostQueue : public target::Queue {};
class HostMarker : public target::Marker {};

class HostDevice : public target::Device {
public:
  /// Alignment of every allocation; globals blocks asking for more fail.
  static constexpr size_t Alignment = 256;

  HostDevice() {
    P.Name = "fuzz host device";
    P.Vendor = "cuport";
    P.Type = target::DeviceType::CPU;
    P.TotalGlobalMem = 1ull << 30;
    P.MaxAllocationSize = 1ull << 28;
    P.SharedMemPerBlock = 64 * 1024;
    P.TotalConstMem = 64 * 1024;
    P.ComputeUnits = 1;
    P.MaxThreadsPerBlock = 1024;
    P.MaxBlockDim[0] = P.MaxBlockDim[1] = 1024;
    P.MaxBlockDim[2] = 64;
    P.MaxGridDim[0] = 0x7FFFFFFF;
    P.MaxGridDim[1] = P.MaxGridDim[2] = 65535;
    P.MemBaseAlignBytes = Alignment;
    P.AddressBits = 64;
    P.MaxParameterBytes = 4096;
  }

  const target::DeviceProperties &properties() const override { return P; }
  std::vector<std::pair<std::string, std::string>> describe() const override { return {}; }

  Result allocate(size_t Bytes, void **Ptr) override {
    if (Bytes > P.MaxAllocationSize)
      return Result(Status::OutOfMemory, "larger than the fuzz device allows");
    // Exactly Bytes long, so that ASan sees any access past the end.
    if (posix_memalign(Ptr, Alignment, Bytes) != 0)
      return Result(Status::OutOfMemory, "posix_memalign failed");
    std::lock_guard<std::mutex> G(Lock);
    Live.insert(*Ptr);
    return Result();
  }
  Result deallocate(void *Ptr) override {
    std::lock_guard<std::mutex> G(Lock);
    require(Live.erase(Ptr) == 1); // libcudart frees only what it allocated, once.
    std::free(Ptr);
    return Result();
  }
  Result allocateHost(size_t Bytes, void **Ptr, bool *DeviceAccessible) override {
    *DeviceAccessible = false;
    return allocate(Bytes, Ptr);
  }
  Result deallocateHost(void *Ptr) override { return deallocate(Ptr); }
  Result copy(target::Queue *, void *Dst, const void *Src, size_t Bytes, target::CopyKind,
              target::CopyMode) override {
    std::memmove(Dst, Src, Bytes);
    return Result();
  }
  Result fill(target::Queue *, void *Dst, uint8_t Value, size_t Bytes,
              target::CopyMode) override {
    std::memset(Dst, Value, Bytes);
    return Result();
  }
  Result loadModule(const fatbin::Image &Img, std::unique_ptr<target::Module> *Out) override {
    *Out = std::make_unique<HostModule>(Img);
    return Result();
  }
  /// What a real target checks before it touches the arguments; the kernel
  /// itself is never built or run.
  Result launch(target::Module &, const fatbin::KernelInfo &Kernel,
                const target::LaunchConfig &Config, void **Args) override {
    size_t User = 0;
    for (const fatbin::KernelArg &A : Kernel.Args) {
      switch (A.Kind) {
      case fatbin::ArgKind::Value:
      case fatbin::ArgKind::GlobalPointer: {
        if (!Args || !Args[User])
          return Result(Status::InvalidValue, "null argument");
        void *Ptr;
        std::memcpy(&Ptr, Args[User], sizeof(Ptr));
        ++User;
        break;
      }
      case fatbin::ArgKind::DynamicShared:
        break;
      case fatbin::ArgKind::GlobalsBlock:
        if (!Config.Globals)
          return Result(Status::InvalidKernelImage, "no globals block");
        break;
      default:
        return Result(Status::InvalidKernelImage, "unknown argument kind");
      }
    }
    return Result();
  }
  Result kernelAttributes(target::Module &, const fatbin::KernelInfo &,
                          target::KernelAttributes *Out) override {
    *Out = target::KernelAttributes();
    Out->MaxThreadsPerBlock = 1024;
    return Result();
  }
  Result synchronize() override { return Result(); }
  Result createQueue(bool, std::unique_ptr<target::Queue> *Out) override {
    *Out = std::make_unique<HostQueue>();
    return Result();
  }
  Result synchronizeQueue(target::Queue *) override { return Result(); }
  Result queryQueue(target::Queue *) override { return Result(); }
  Result mark(target::Queue *, bool, std::shared_ptr<target::Marker> *Out) override {
    *Out = std::make_shared<HostMarker>();
    return Result();
  }
  Result queryMarker(target::Marker &) override { return Result(); }
  Result waitMarker(target::Marker &) override { return Result(); }
  Result elapsedTime(target::Marker &, target::Marker &, float *Ms) override {
    *Ms = 0;
    return Result();
  }
  Result waitOnMarker(target::Queue *, target::Marker &) override { return Result(); }
  Result enqueueHostFunction(target::Queue *, void (*Fn)(void *, Status), void *Data) override {
    Fn(Data, Status::Success);
    return Result();
  }
  Result allocateShared(size_t, void **) override {
    return Result(Status::NotSupported, "no shared memory on the fuzz device");
  }
  Result deallocateShared(void *) override {
    return Result(Status::NotSupported, "no shared memory on the fuzz device");
  }
  target::ModuleStats moduleStats() const override { return {}; }

  size_t liveAllocations() {
    std::lock_guard<std::mutex> G(Lock);
    return Live.size();
  }

private:
  target::DeviceProperties P;
  std::mutex Lock;
  std::set<void *> Live;
};

class HostTarget : public target::Target {
public:
  const char *name() const override { return "fuzz"; }
  size_t deviceCount() const override { return 1; }
  target::Device &device(size_t) override { return Dev; }
  std::vector<std::string> notes() const override { return {}; }
  HostDevice Dev;
};

HostDevice *TheDevice = nullptr;

} // namespace

// The registry libcudart calls (targets/TargetRegistry.cpp is not linked).
namespace cuport {
namespace target {
Probe selectTarget() {
  Probe P;
  P.Name = "fuzz";
  auto T = std::make_unique<HostTarget>();
  TheDevice = &T->Dev;
  P.Instance = std::move(T);
  return P;
}
} // namespace target
} // namespace cuport

//===----------------------------------------------------------------------===//
// The harness
//===----------------------------------------------------------------------===//

namespace {

/// Host stubs and shadows: only their addresses matter. The last of each is
/// never registered.
constexpr int NumStubs = 8, NumVars = 8;
char Stubs[NumStubs + 1];
alignas(16) char Vars[NumVars + 1][64];
/// A handle __cudaRegisterFatBinary never returned.
alignas(16) char WildHandle[64];
/// A handle of the previous run, unregistered since (possibly freed).
void **StaleHandle = nullptr;

class Input {
public:
  Input(const uint8_t *Data, size_t Size) : Data(Data), Size(Size) {}
  bool empty() const { return Pos >= Size; }
  uint8_t u8() { return Pos < Size ? Data[Pos++] : 0; }
  uint16_t u16() {
    uint16_t Low = u8();
    return uint16_t(Low | u8() << 8);
  }
  std::vector<uint8_t> bytes(size_t N) {
    N = std::min(N, Size - std::min(Pos, Size));
    std::vector<uint8_t> B(Data + Pos, Data + Pos + N);
    Pos += N;
    return B;
  }
  /// A NUL-terminated name: a length byte, then that many bytes (cut at a NUL).
  std::string name() {
    std::vector<uint8_t> B = bytes(u8());
    return std::string(B.begin(), B.end()).c_str();
  }

private:
  const uint8_t *Data;
  size_t Size;
  size_t Pos = 0;
};

struct Wrapper { // Clang's __fatBinC_Wrapper_t.
  int Magic;
  int Version;
  const void *Data;
  void *Unused;
};

struct Registered {
  std::vector<uint8_t> Bytes; // The container, as the object would hold it.
  Wrapper W;
  void **Handle = nullptr;
  bool Unregistered = false;
};

class Run {
public:
  explicit Run(Input &In) : In(In) {}

  void registerContainers() {
    size_t N = 1 + (In.u8() & 0x7f) % 3;
    Cs.resize(N);
    for (Registered &C : Cs) {
      uint8_t Kind = In.u8() % 4;
      C.Bytes = In.bytes(In.u16());
      C.Bytes.resize(std::max<size_t>(C.Bytes.size(), fatbin::HeaderSize), 0);
      // The header's TotalSize is what the runtime reads up to; make it true.
      uint64_t Total = 0;
      std::memcpy(&Total, C.Bytes.data() + 24, 8);
      if (Total > C.Bytes.size()) {
        Total = C.Bytes.size();
        std::memcpy(C.Bytes.data() + 24, &Total, 8);
      }
      if (Kind == 3) {
        const uint32_t Nvidia = 0xBA55ED50u;
        std::memcpy(C.Bytes.data(), &Nvidia, 4);
      }
      C.W = {Kind == 1 ? 0x12345678 : 0x466243b1, 1, Kind == 2 ? nullptr : C.Bytes.data(),
             nullptr};
      C.Handle = __cudaRegisterFatBinary(&C.W);
      require(C.Handle != nullptr);
      noteArgs(C.Bytes);
    }
  }

  /// One operation; see the file comment for the input layout.
  void runOp() {
    uint8_t Op = In.u8() % 9;
    switch (Op) {
    case 0: { // __cudaRegisterFunction(handle, stub, name)
      int Stub = In.u8() % NumStubs;
      void **H = handle(In.u8());
      std::string Name = In.name();
      __cudaRegisterFunction(H, &Stubs[Stub], &Stubs[Stub], Name.c_str(), -1, nullptr,
                             nullptr, nullptr, nullptr, nullptr);
      break;
    }
    case 1: { // __cudaRegisterVar(handle, shadow, name, size, constant)
      int Var = In.u8() % NumVars;
      void **H = handle(In.u8());
      size_t Size = In.u8();
      int Constant = In.u8() & 1;
      std::string Name = In.name();
      __cudaRegisterVar(H, Vars[Var], Vars[Var], Name.c_str(), 0, Size, Constant, 0);
      break;
    }
    case 2: { // cudaLaunchKernel(stub, grid, block, shared)
      int Stub = In.u8() % (NumStubs + 1);
      dim3 Grid(In.u8() % 4, 1, 1), Block(In.u8() % 8 * 64, 1, 1);
      size_t Shared = In.u8() % 4 == 0 ? (size_t(1) << (In.u8() % 20)) : 0;
      cudaError_t E = cudaLaunchKernel(&Stubs[Stub], Grid, Block, Args.data(), Shared, nullptr);
      require(E != cudaErrorUnknown);
      // The configuration is checked first (CUDA's order), then the stub.
      if (Grid.x == 0 || Block.x == 0)
        require(E == cudaErrorInvalidConfiguration);
      else if (Stub == NumStubs)
        require(E == cudaErrorInvalidDeviceFunction || E == cudaErrorInvalidValue);
      break;
    }
    case 3:
    case 4: { // cudaMemcpyToSymbol / FromSymbol(shadow, count, offset, kind)
      bool To = Op == 3;
      int Var = In.u8() % (NumVars + 1);
      size_t Count = In.u8(), Offset = In.u8();
      auto Kind = static_cast<cudaMemcpyKind>(In.u8() % 6);
      alignas(16) static char Host[512];
      cudaError_t E = To ? cudaMemcpyToSymbol(Vars[Var], Host, Count, Offset, Kind)
                         : cudaMemcpyFromSymbol(Host, Vars[Var], Count, Offset, Kind);
      require(E != cudaErrorUnknown);
      if (Var == NumVars && E != cudaErrorInvalidMemcpyDirection)
        require(E == cudaErrorInvalidSymbol);
      break;
    }
    case 5: { // cudaGetSymbolAddress + cudaGetSymbolSize: the range is usable
      int Var = In.u8() % (NumVars + 1);
      void *Addr = nullptr;
      size_t Size = 0;
      cudaError_t E = cudaGetSymbolAddress(&Addr, Vars[Var]);
      cudaError_t S = cudaGetSymbolSize(&Size, Vars[Var]);
      require(E == S && E != cudaErrorUnknown);
      if (Var == NumVars)
        require(E == cudaErrorInvalidSymbol);
      if (E == cudaSuccess) // Device memory is host memory here: ASan checks it.
        std::memset(Addr, 0xA5, Size);
      break;
    }
    case 6: { // __cudaUnregisterFatBinary, early (as dlclose would)
      uint8_t Which = In.u8();
      void **H = handle(Which);
      __cudaUnregisterFatBinary(H);
      if (Which % (Cs.size() + 3) < Cs.size())
        Cs[Which % (Cs.size() + 3)].Unregistered = true;
      break;
    }
    case 7:
      __cudaRegisterFatBinaryEnd(handle(In.u8()));
      break;
    case 8: // cudaDeviceReset: modules unload and load again at the next use
      require(cudaDeviceReset() == cudaSuccess);
      break;
    }
  }

  /// What the program's atexit handlers do, in either order with respect to
  /// a cudaDeviceReset; then nothing of this run may be left on the device.
  void finish(bool ResetFirst) {
    if (ResetFirst)
      require(cudaDeviceReset() == cudaSuccess);
    for (Registered &C : Cs)
      if (!C.Unregistered)
        __cudaUnregisterFatBinary(C.Handle);
    if (!ResetFirst)
      require(cudaDeviceReset() == cudaSuccess);
    cudaGetLastError();
    require(TheDevice == nullptr || TheDevice->liveAllocations() == 0);
    if (!Cs.empty())
      StaleHandle = Cs[0].Handle;
  }

  Input &In;
  std::vector<Registered> Cs;
  std::vector<void *> Args;

private:
  /// A handle: one of this run's (perhaps unregistered by now), null, one
  /// never returned, or one of the previous run's.
  void **handle(uint8_t B) {
    size_t I = B % (Cs.size() + 3);
    if (I < Cs.size())
      return Cs[I].Handle;
    if (I == Cs.size())
      return nullptr;
    if (I == Cs.size() + 1)
      return reinterpret_cast<void **>(WildHandle);
    return StaleHandle;
  }

  /// cudaLaunchKernel's args array must hold an entry per user argument of
  /// whichever kernel a stub resolves to (the compiler guarantees it); size
  /// it for the largest kernel of any container.
  void noteArgs(const std::vector<uint8_t> &Bytes) {
    alignas(16) static char Slot[64];
    fatbin::ParseResult P = fatbin::parse(Bytes.data(), Bytes.size());
    for (const fatbin::KernelInfo &K : P.Value.Kernels) {
      size_t User = 0;
      for (const fatbin::KernelArg &A : K.Args)
        User += A.Kind == fatbin::ArgKind::Value || A.Kind == fatbin::ArgKind::GlobalPointer;
      if (Args.size() < User)
        Args.resize(User, Slot);
    }
    if (Args.empty())
      Args.push_back(Slot);
  }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  if (Size == 0)
    return 0;
  Input In(Data, Size);
  bool ResetFirst = Data[0] & 0x80;
  Run R(In);
  R.registerContainers();
  for (int Ops = 0; !In.empty() && Ops < 64; ++Ops)
    R.runOp();
  R.finish(ResetFirst);
  return 0;
}
