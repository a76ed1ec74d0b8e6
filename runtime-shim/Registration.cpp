//===- Registration.cpp - the fat binary registration ABI -----------------===//
//
// Clang (and nvcc) emit a module constructor per translation unit that calls
// __cudaRegisterFatBinary with a wrapper around the embedded device code,
// then __cudaRegisterFunction for each kernel stub and __cudaRegisterVar for
// each __device__/__constant__ variable, then __cudaRegisterFatBinaryEnd; an
// atexit handler calls __cudaUnregisterFatBinary.
//
// These run from static constructors, before main and in no particular order
// across objects, possibly on several threads when libraries load in
// parallel. They therefore only record: the container is parsed here (it is
// plain memory), but no target is opened and no module is built until a
// kernel is launched (resolveKernel).
//
// The wrapper's data must be a cuport container (docs/fatbin-format.md). An
// NVIDIA fatbin (an object built by nvcc) or anything else is recorded as
// unusable; launching one of its kernels prints one explanation and fails
// with cudaErrorNoKernelImageForDevice. Containers flagged
// CF_RelocatableStub (-rdc objects) carry no code: their kernels are found
// by name in the device-linked container, or in any container that has them.
//
// Device variables: on the SPIR-V path a module's variables live in one
// globals block that this file allocates per loaded module; on a target
// whose modules own their globals (HIP code objects) each symbol is looked
// up in the loaded module by name instead (target::Device::moduleGlobal).
// Either way the variables enter the allocation table when the module loads.
//
//===----------------------------------------------------------------------===//
#include "AllocationTable.h"
#include "Printf.h"
#include "Runtime.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

using namespace cuport;

namespace {

/// Clang's and nvcc's __fatBinC_Wrapper_t.
struct FatbinWrapper {
  int Magic;
  int Version;
  const void *Data;
  void *FilenameOrFatbins;
};
constexpr int CudaWrapperMagic = 0x466243b1;
constexpr uint32_t NvidiaFatbinMagic = 0xBA55ED50u;

struct Container {
  enum class Kind { Cuport, Nvidia, Unusable } K = Kind::Unusable;
  std::string Problem; ///< Why an unusable container cannot run.
  fatbin::FatBinary FB;
  const fatbin::Image *Spirv = nullptr;
  bool Live = true;
  /// Per device: the loaded module, or the error loading it gave.
  std::vector<std::unique_ptr<target::Module>> Modules;
  std::vector<target::Result> LoadErrors;
  /// Per device: the module's globals block (FB.Globals), allocated and
  /// initialised when the module loads; nullptr when there is none (or the
  /// device's modules own their globals).
  std::vector<void *> GlobalsBlocks;
  /// Per device, where the device's modules own their globals (HIP code
  /// objects): each of FB.Symbols' device address as the target found it
  /// when the module loaded; nullptr for one the module lacks.
  std::vector<std::vector<void *>> OwnSymbols;
  /// Per device: the device printf buffer (PrintfHeader + records), if the
  /// module prints; its address is stored in __cuport_printf_buffer.
  std::vector<void *> PrintfBuffers;
};

struct Function {
  Container *Owner = nullptr;
  std::string DeviceName;
  // Resolution, cached at the first launch.
  Container *Code = nullptr;
  const fatbin::KernelInfo *Info = nullptr;
};

struct Variable {
  Container *Owner = nullptr;
  std::string DeviceName;
  size_t Size = 0;
  bool Constant = false;
  bool Managed = false;
};

struct Registry {
  std::mutex Lock;
  std::vector<std::unique_ptr<Container>> Containers;
  std::unordered_map<const void *, Function> Functions;
  std::unordered_map<const void *, Variable> Variables;
};

/// Never destroyed: __cudaUnregisterFatBinary runs from atexit handlers,
/// after static destructors of this library may have run.
Registry &registry() {
  static Registry *R = new Registry();
  return *R;
}

std::unique_ptr<Container> readContainer(const void *FatCubin) {
  auto C = std::make_unique<Container>();
  if (!FatCubin) {
    C->Problem = "__cudaRegisterFatBinary was given a null pointer";
    return C;
  }
  FatbinWrapper W;
  std::memcpy(&W, FatCubin, sizeof(W));
  if (W.Magic != CudaWrapperMagic || !W.Data) {
    C->Problem = "the device code wrapper has an unknown magic number; this object "
                 "was not built by cuport-cc";
    return C;
  }
  uint32_t First;
  std::memcpy(&First, W.Data, sizeof(First));
  if (First == NvidiaFatbinMagic) {
    C->K = Container::Kind::Nvidia;
    C->Problem = "this object was built by nvcc: it holds NVIDIA device code "
                 "(fatbin/PTX), which cuport cannot run; rebuild it with cuport-cc";
    return C;
  }
  if (!fatbin::hasMagic(W.Data, fatbin::HeaderSize)) {
    C->Problem = "the embedded device code is not a cuport container (unknown "
                 "format); rebuild the object with cuport-cc";
    return C;
  }
  fatbin::ParseResult P = fatbin::parseWithHeaderSize(W.Data, SIZE_MAX);
  if (!P) {
    C->Problem = "the embedded cuport container is invalid: " + P.Error;
    return C;
  }
  C->K = Container::Kind::Cuport;
  C->FB = std::move(P.Value);
  C->Spirv = C->FB.findImage(fatbin::ImageKind::SPIRV);
  return C;
}

/// The live container \p Handle names, or nullptr for a handle that
/// __cudaRegisterFatBinary did not return or that was unregistered since:
/// such a handle is never dereferenced, and registrations with it are
/// ignored. Searched from the newest, which registrations follow at once.
/// Lock held.
Container *findLive(Registry &R, void **Handle) {
  for (auto It = R.Containers.rbegin(); It != R.Containers.rend(); ++It)
    if (reinterpret_cast<void **>(It->get()) == Handle)
      return (*It)->Live ? It->get() : nullptr;
  return nullptr;
}

/// True while any device holds a module, block or buffer of \p C.
bool holdsDeviceState(const Container &C) {
  auto Any = [](const auto &V) {
    return std::any_of(V.begin(), V.end(), [](const auto &X) { return bool(X); });
  };
  return Any(C.Modules) || Any(C.GlobalsBlocks) || Any(C.PrintfBuffers);
}

/// Frees the unregistered containers that hold nothing on a device (never
/// launched from, or unloaded by cudaDeviceReset since), so that a library
/// loaded and unloaded repeatedly (dlopen/dlclose) leaves nothing behind.
/// Nothing points into such a container: its functions and variables went
/// when it was unregistered. Lock held.
void releaseDead(Registry &R) {
  auto Dead = [](const std::unique_ptr<Container> &C) {
    if (C->Live || holdsDeviceState(*C))
      return false;
    for (const fatbin::KernelInfo &K : C->FB.Kernels)
      rt::forgetKernelLaunch(K.Name.c_str());
    return true;
  };
  R.Containers.erase(std::remove_if(R.Containers.begin(), R.Containers.end(), Dead),
                     R.Containers.end());
}

bool defines(const Container &C, const std::string &Name) {
  return C.Live && C.K == Container::Kind::Cuport && C.Spirv && C.FB.findKernel(Name);
}

/// Finds the container whose image holds \p F's code. Lock held.
cudaError_t locate(Registry &R, Function &F) {
  Container &Owner = *F.Owner;
  if (Owner.K != Container::Kind::Cuport) {
    rt::warnOnce("cannot launch '" + F.DeviceName + "': " + Owner.Problem);
    return cudaErrorNoKernelImageForDevice;
  }
  Container *Found = defines(Owner, F.DeviceName) ? &Owner : nullptr;
  // -rdc: device-linked containers first, then any container with the code.
  for (int Pass = 0; Pass < 2 && !Found; ++Pass)
    for (const auto &C : R.Containers)
      if (defines(*C, F.DeviceName) &&
          (Pass == 1 || (C->FB.Flags & fatbin::CF_DeviceLinked))) {
        Found = C.get();
        break;
      }
  if (!Found) {
    rt::warnOnce("kernel '" + F.DeviceName + "' has no device code in any registered " +
                 ((Owner.FB.Flags & fatbin::CF_RelocatableStub)
                      ? std::string("image (an -rdc object whose device link is missing?)")
                      : std::string("SPIR-V image")));
    return cudaErrorInvalidDeviceFunction;
  }
  F.Code = Found;
  F.Info = Found->FB.findKernel(F.DeviceName);
  return cudaSuccess;
}

} // namespace

namespace cuport {
namespace rt {

constexpr const char *PrintfBufferSymbol = "__cuport_printf_buffer";

/// The device address of C's symbol \p Index on \p Device once its module
/// is loaded: in the globals block, or (targets whose modules own their
/// globals) where the target found it. nullptr when it has none.
char *symbolAddress(const Container &C, int Device, size_t Index) {
  size_t D = size_t(Device);
  if (rt::device(Device).modulesOwnGlobals())
    return D < C.OwnSymbols.size() ? static_cast<char *>(C.OwnSymbols[D][Index]) : nullptr;
  if (D >= C.GlobalsBlocks.size() || !C.GlobalsBlocks[D])
    return nullptr;
  return static_cast<char *>(C.GlobalsBlocks[D]) + C.FB.Symbols[Index].Offset;
}

/// If C's code prints, allocates its printf buffer on \p Device and stores
/// the buffer's address in the module's __cuport_printf_buffer.
target::Result createPrintfBuffer(Container &C, int Device) {
  size_t D = size_t(Device);
  if (C.PrintfBuffers.size() <= D)
    C.PrintfBuffers.resize(D + 1, nullptr);
  long Index = C.FB.findSymbol(PrintfBufferSymbol);
  if (Index < 0 || C.PrintfBuffers[D])
    return target::Result();
  if (C.FB.Symbols[size_t(Index)].Size < sizeof(void *)) // The buffer's address goes there.
    return target::Result(target::Status::InvalidKernelImage,
                          std::string("the container's ") + PrintfBufferSymbol +
                              " is smaller than a pointer");
  char *Slot = symbolAddress(C, Device, size_t(Index));
  if (!Slot)
    return target::Result(); // Kernels find no buffer and print nothing.
  target::Device &Dev = rt::device(Device);
  // cudaLimitPrintfFifoSize (Limits.cpp), which bounds it below 4 GiB.
  size_t Bytes = std::max(commitPrintfFifo(Device), sizeof(PrintfHeader));
  void *Buf = nullptr;
  if (target::Result A = Dev.allocate(Bytes, &Buf); !A.ok())
    return A;
  PrintfHeader H = {0, uint32_t(Bytes - sizeof(PrintfHeader)), 0, 0};
  target::Result R = Dev.copy(nullptr, Buf, &H, sizeof(H), target::CopyKind::HostToDevice);
  if (R.ok())
    R = Dev.copy(nullptr, Slot, &Buf, sizeof(Buf), target::CopyKind::HostToDevice);
  if (!R.ok()) {
    Dev.deallocate(Buf);
    return R;
  }
  C.PrintfBuffers[D] = Buf;
  return target::Result();
}

/// Prints and empties C's printf buffer on \p Device. Registry lock held.
target::Result drainPrintf(Container &C, int Device) {
  size_t D = size_t(Device);
  if (D >= C.PrintfBuffers.size() || !C.PrintfBuffers[D])
    return target::Result();
  target::Device &Dev = rt::device(Device);
  void *Buf = C.PrintfBuffers[D];
  PrintfHeader H;
  if (target::Result R = Dev.copy(nullptr, &H, Buf, sizeof(H), target::CopyKind::DeviceToHost);
      !R.ok())
    return R;
  if (H.Used == 0 && H.Assert == 0)
    return target::Result();
  std::vector<uint8_t> Records(std::min(H.Used, H.Capacity));
  if (!Records.empty())
    if (target::Result R = Dev.copy(nullptr, Records.data(), static_cast<char *>(Buf) + sizeof(H),
                                    Records.size(), target::CopyKind::DeviceToHost);
        !R.ok())
      return R;
  // Strings the records point at are constants of the module: their text is
  // the container's initial block contents at the same offset. Where the
  // device's modules own their globals, only symbols (format strings) are
  // found, each at the address the target gave.
  uintptr_t Block = D < C.GlobalsBlocks.size() ? uintptr_t(C.GlobalsBlocks[D]) : 0;
  const fatbin::GlobalsBlock &G = C.FB.Globals;
  std::string Text = formatPrintfRecords(Records.data(), Records.size(), [&](uint64_t Addr) {
    if (Block) {
      uint64_t Off = Addr - Block;
      return Addr >= Block && Off < G.Size ? reinterpret_cast<const char *>(G.Init.data() + Off)
                                           : nullptr;
    }
    for (size_t I = 0; D < C.OwnSymbols.size() && I < C.OwnSymbols[D].size(); ++I) {
      const fatbin::SymbolInfo &S = C.FB.Symbols[I];
      uint64_t Base = uint64_t(uintptr_t(C.OwnSymbols[D][I]));
      if (Base && Addr >= Base && Addr - Base < S.Size && S.Offset + S.Size <= G.Init.size())
        return reinterpret_cast<const char *>(G.Init.data() + S.Offset + (Addr - Base));
    }
    return static_cast<const char *>(nullptr);
  });
  std::fwrite(Text.data(), 1, Text.size(), stdout);
  bool Asserted = H.Assert != 0;
  PrintfHeader Empty = {0, H.Capacity, 0, 0};
  if (target::Result R = Dev.copy(nullptr, Buf, &Empty, sizeof(Empty), target::CopyKind::HostToDevice);
      !R.ok())
    return R;
  if (Asserted)
    return target::Result(target::Status::DeviceAssert, "device-side assert triggered");
  return target::Result();
}

/// Allocates C's globals block on \p Device, copies the initial contents in,
/// and enters each host-visible variable in the allocation table, so that
/// symbol copies and cudaMemcpy to a symbol's address are checked like any
/// device copy. Registry lock held.
target::Result createGlobalsBlock(Container &C, int Device) {
  size_t D = size_t(Device);
  if (C.GlobalsBlocks.size() <= D)
    C.GlobalsBlocks.resize(D + 1, nullptr);
  const fatbin::GlobalsBlock &G = C.FB.Globals;
  if (!G.Size || C.GlobalsBlocks[D])
    return target::Result();
  target::Device &Dev = rt::device(Device);
  void *Block = nullptr;
  if (target::Result A = Dev.allocate(size_t(G.Size), &Block); !A.ok())
    return A;
  if (uintptr_t(Block) % G.Align) {
    Dev.deallocate(Block);
    return target::Result(target::Status::OutOfMemory,
                          "the device cannot align the device-variable block to " +
                              std::to_string(G.Align) + " bytes");
  }
  target::Result Init = Dev.copy(nullptr, Block, G.Init.data(), size_t(G.Size),
                                 target::CopyKind::HostToDevice);
  if (!Init.ok()) {
    Dev.deallocate(Block);
    return Init;
  }
  for (const fatbin::SymbolInfo &S : C.FB.Symbols) {
    if (!S.Size)
      continue;
    allocations().insert(
        {uintptr_t(Block) + uintptr_t(S.Offset), size_t(S.Size), AllocKind::Symbol, Device});
  }
  C.GlobalsBlocks[D] = Block;
  return createPrintfBuffer(C, Device);
}

/// Where the device's modules own their globals: finds each of C's symbols
/// in the loaded module \p M and enters it in the allocation table, as
/// createGlobalsBlock does for a block. A symbol the module lacks (the
/// compiler removed it, or the image predates it) stays unresolved, and
/// resolveSymbol says so. Registry lock held.
target::Result bindOwnGlobals(Container &C, int Device, target::Module &M) {
  size_t D = size_t(Device);
  if (C.OwnSymbols.size() <= D)
    C.OwnSymbols.resize(D + 1);
  std::vector<void *> &Addrs = C.OwnSymbols[D];
  Addrs.assign(C.FB.Symbols.size(), nullptr);
  target::Device &Dev = rt::device(Device);
  for (size_t I = 0; I < C.FB.Symbols.size(); ++I) {
    const fatbin::SymbolInfo &S = C.FB.Symbols[I];
    void *Addr = nullptr;
    size_t Bytes = 0;
    target::Result R = Dev.moduleGlobal(M, S.Name, &Addr, &Bytes);
    if (R.status() == target::Status::InvalidSymbol || !Addr)
      continue;
    if (!R.ok())
      return R;
    if (Bytes < S.Size)
      return target::Result(target::Status::InvalidKernelImage,
                            "device variable '" + S.Name + "' has " + std::to_string(Bytes) +
                                " bytes in the code object and " + std::to_string(S.Size) +
                                " in the SPIR-V image");
    Addrs[I] = Addr;
    if (S.Size)
      allocations().insert({uintptr_t(Addr), size_t(S.Size), AllocKind::Symbol, Device});
  }
  return createPrintfBuffer(C, Device);
}

void destroyGlobalsBlock(Container &C, int Device) {
  size_t D = size_t(Device);
  if (D < C.PrintfBuffers.size() && C.PrintfBuffers[D]) {
    drainPrintf(C, Device); // output written before the module goes
    rt::device(Device).deallocate(C.PrintfBuffers[D]);
    C.PrintfBuffers[D] = nullptr;
  }
  if (D < C.OwnSymbols.size()) {
    for (size_t I = 0; I < C.OwnSymbols[D].size(); ++I)
      if (C.OwnSymbols[D][I] && C.FB.Symbols[I].Size)
        allocations().erase(C.OwnSymbols[D][I], AllocKind::Symbol);
    C.OwnSymbols[D].clear();
  }
  if (D >= C.GlobalsBlocks.size() || !C.GlobalsBlocks[D])
    return;
  char *Block = static_cast<char *>(C.GlobalsBlocks[D]);
  for (const fatbin::SymbolInfo &S : C.FB.Symbols)
    if (S.Size)
      allocations().erase(Block + S.Offset, AllocKind::Symbol);
  rt::device(Device).deallocate(Block);
  C.GlobalsBlocks[D] = nullptr;
}

/// Loads the image of C that \p Device's target runs: the SPIR-V for the
/// OpenCL target; for the HIP target the AMD code object of the device's
/// architecture (the target refuses others, so each is offered in turn).
target::Result loadImage(Container &C, int Device, std::unique_ptr<target::Module> *Out) {
  if (std::string(rt::targetName()) != "hip")
    return rt::device(Device).loadModule(*C.Spirv, Out);
  target::Result Last(target::Status::NoKernelImage,
                      "no AMD code object in this binary; rebuild with --offload-arch=<the "
                      "device's gfx name> (or CUPORT_AMD_ARCHS)");
  for (const fatbin::Image &Img : C.FB.Images) {
    if (Img.Kind != fatbin::ImageKind::AMDGCN)
      continue;
    target::Result R = rt::device(Device).loadModule(Img, Out);
    if (R.ok())
      return R;
    Last = R;
  }
  return Last;
}

/// C's module on \p Device, loaded at the first use. Registry lock held.
cudaError_t moduleFor(Container &C, int Device, target::Module **Out) {
  size_t D = size_t(Device);
  if (C.Modules.size() <= D) {
    C.Modules.resize(D + 1);
    C.LoadErrors.resize(D + 1);
  }
  if (!C.Modules[D]) {
    if (!C.LoadErrors[D].ok())
      return fromResult(C.LoadErrors[D], "loading device code");
    target::Result L = loadImage(C, Device, &C.Modules[D]);
    if (L.ok())
      L = rt::device(Device).modulesOwnGlobals() ? bindOwnGlobals(C, Device, *C.Modules[D])
                                                 : createGlobalsBlock(C, Device);
    if (!L.ok()) {
      C.Modules[D].reset();
      C.LoadErrors[D] = L;
      return fromResult(L, "loading device code");
    }
  }
  *Out = C.Modules[D].get();
  return cudaSuccess;
}

cudaError_t resolveKernel(const void *HostFun, int Device, ResolvedKernel &Out) {
  Registry &R = registry();
  std::lock_guard<std::mutex> Guard(R.Lock);
  auto It = R.Functions.find(HostFun);
  if (It == R.Functions.end())
    return cudaErrorInvalidDeviceFunction;
  Function &F = It->second;
  if (!F.Info)
    if (cudaError_t E = locate(R, F))
      return E;
  if (cudaError_t E = moduleFor(*F.Code, Device, &Out.Module))
    return E;
  Out.Info = F.Info;
  Out.Globals = size_t(Device) < F.Code->GlobalsBlocks.size() ? F.Code->GlobalsBlocks[size_t(Device)]
                                                              : nullptr;
  return cudaSuccess;
}

target::Result flushPrintf(int Device) {
  Registry &R = registry();
  std::lock_guard<std::mutex> Guard(R.Lock);
  target::Result First;
  for (const auto &C : R.Containers) {
    target::Result Res = drainPrintf(*C, Device);
    if (!Res.ok() && First.ok())
      First = Res;
  }
  std::fflush(stdout);
  return First;
}

cudaError_t resolveSymbol(const void *HostVar, int Device, void **Addr, size_t *Size) {
  Registry &R = registry();
  std::lock_guard<std::mutex> Guard(R.Lock);
  auto It = R.Variables.find(HostVar);
  if (It == R.Variables.end())
    return cudaErrorInvalidSymbol;
  const Variable &V = It->second;
  // The owner's own image first; for -rdc the device-linked image.
  Container *Found = nullptr;
  auto Defines = [&](const Container &C) {
    return C.K == Container::Kind::Cuport && C.Spirv && C.FB.findSymbol(V.DeviceName) >= 0 &&
           C.FB.Globals.Size;
  };
  if (V.Owner && Defines(*V.Owner))
    Found = V.Owner;
  for (int Pass = 0; Pass < 2 && !Found; ++Pass)
    for (const auto &C : R.Containers)
      if (Defines(*C) && (Pass == 1 || (C->FB.Flags & fatbin::CF_DeviceLinked))) {
        Found = C.get();
        break;
      }
  if (!Found) {
    rt::warnOnce("device variable '" + V.DeviceName + "' has no storage in any registered image");
    return cudaErrorInvalidSymbol;
  }
  target::Module *M = nullptr;
  if (cudaError_t E = moduleFor(*Found, Device, &M))
    return E;
  size_t Index = size_t(Found->FB.findSymbol(V.DeviceName));
  char *Where = symbolAddress(*Found, Device, Index);
  if (!Where) {
    rt::warnOnce("device variable '" + V.DeviceName + "' is not in the device's code object "
                 "(the target found no global of that name)");
    return cudaErrorInvalidSymbol;
  }
  *Addr = Where;
  *Size = size_t(Found->FB.Symbols[Index].Size);
  return cudaSuccess;
}

void unloadModules(int Device) {
  Registry &R = registry();
  std::lock_guard<std::mutex> Guard(R.Lock);
  for (const auto &C : R.Containers)
    if (size_t(Device) < C->Modules.size()) {
      C->Modules[size_t(Device)].reset();
      C->LoadErrors[size_t(Device)] = target::Result();
      destroyGlobalsBlock(*C, Device);
    }
  releaseDead(R);
}

} // namespace rt
} // namespace cuport

CUPORT_EXPORT void **__cudaRegisterFatBinary(void *fatCubin) {
  try {
    std::unique_ptr<Container> C = readContainer(fatCubin);
    Registry &R = registry();
    std::lock_guard<std::mutex> Guard(R.Lock);
    R.Containers.push_back(std::move(C));
    return reinterpret_cast<void **>(R.Containers.back().get());
  } catch (...) {
    // Out of memory before main: nothing sensible to do but not crash. A
    // null handle makes every later registration with it a no-op.
    return nullptr;
  }
}

CUPORT_EXPORT void __cudaRegisterFatBinaryEnd(void **fatCubinHandle) {
  // Nothing to finish: registration is complete as each call arrives.
  (void)fatCubinHandle;
}

CUPORT_EXPORT void __cudaUnregisterFatBinary(void **fatCubinHandle) {
  if (!fatCubinHandle)
    return;
  try {
    Registry &R = registry();
    std::lock_guard<std::mutex> Guard(R.Lock);
    Container *C = findLive(R, fatCubinHandle);
    if (!C) // Unregistered already, or never registered.
      return;
    C->Live = false;
    // Output a kernel printed with no synchronization after it still
    // appears, at exit, as CUDA's does.
    for (size_t D = 0; D < C->PrintfBuffers.size(); ++D)
      if (C->PrintfBuffers[D])
        rt::drainPrintf(*C, int(D));
    std::fflush(stdout);
    for (auto It = R.Functions.begin(); It != R.Functions.end();) {
      if (It->second.Owner == C) {
        It = R.Functions.erase(It);
        continue;
      }
      if (It->second.Code == C) { // -rdc kernel whose code was in C: re-resolve.
        It->second.Code = nullptr;
        It->second.Info = nullptr;
      }
      ++It;
    }
    for (auto It = R.Variables.begin(); It != R.Variables.end();)
      It = It->second.Owner == C ? R.Variables.erase(It) : std::next(It);
    // A container that a device still holds stays, with its modules: at
    // process exit the target may already be shutting down. Others go now.
    releaseDead(R);
  } catch (...) {
  }
}

CUPORT_EXPORT void __cudaRegisterFunction(void **fatCubinHandle, const char *hostFun,
                                          char *deviceFun, const char *deviceName,
                                          int thread_limit, uint3 *tid, uint3 *bid,
                                          dim3 *bDim, dim3 *gDim, int *wSize) {
  if (!fatCubinHandle || !hostFun || !deviceName)
    return;
  try {
    Registry &R = registry();
    std::lock_guard<std::mutex> Guard(R.Lock);
    Function F;
    F.Owner = findLive(R, fatCubinHandle);
    if (!F.Owner)
      return;
    F.DeviceName = deviceName;
    R.Functions[hostFun] = std::move(F);
  } catch (...) {
  }
}

/// What __cudaRegisterVar and __cudaRegisterManagedVar record: the host
/// shadow's address names the device variable from then on.
static void recordVariable(void **Handle, const void *Key, const char *DeviceName, size_t Size,
                           bool Constant, bool Managed) {
  if (!Handle || !Key || !DeviceName)
    return;
  try {
    Registry &R = registry();
    std::lock_guard<std::mutex> Guard(R.Lock);
    Variable V;
    V.Owner = findLive(R, Handle);
    if (!V.Owner)
      return;
    V.DeviceName = DeviceName;
    V.Size = Size;
    V.Constant = Constant;
    V.Managed = Managed;
    R.Variables[Key] = std::move(V);
  } catch (...) {
  }
}

CUPORT_EXPORT void __cudaRegisterVar(void **fatCubinHandle, char *hostVar,
                                     char *deviceAddress, const char *deviceName, int ext,
                                     size_t size, int constant, int global) {
  recordVariable(fatCubinHandle, hostVar, deviceName, size, constant != 0, /*Managed=*/false);
}

CUPORT_EXPORT void __cudaRegisterManagedVar(void **fatCubinHandle, void **hostVarPtrAddress,
                                            char *deviceAddress, const char *deviceName,
                                            int ext, size_t size, int constant, int global) {
  recordVariable(fatCubinHandle, hostVarPtrAddress, deviceName, size, constant != 0,
                 /*Managed=*/true);
}

CUPORT_EXPORT char __cudaInitModule(void **fatCubinHandle) { return fatCubinHandle != nullptr; }
