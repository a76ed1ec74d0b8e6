//===- HipTargetCoreTest.cpp - the HIP target's device-free parts ---------===//
//
// What targets/hip can be checked for without an AMD GPU: its HIP 5 ABI
// constants against ROCm's own header (where libamdhip64-dev is installed),
// the hipError_t -> Status table, code-object architecture matching, and
// the marshalling of cudaLaunchKernel's args into hipModuleLaunchKernel's
// kernelParams, and (over a stub function table standing in for
// libamdhip64) device variables resolved with hipModuleGetGlobal. A wrong
// offset, enum value, argument order or symbol address fails here.
//
//===----------------------------------------------------------------------===//
#include "HipDevice.h"
#include "HipLibrary.h"

#if CUPORT_HAVE_HIP_HEADER
#ifndef __HIP_PLATFORM_AMD__
#define __HIP_PLATFORM_AMD__ 1
#endif
#include <hip/hip_runtime_api.h>
#endif

#include <gtest/gtest.h>

#include <dlfcn.h>
#include <sys/stat.h>

#include <cstddef>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

using namespace cuport;
using namespace cuport::target;
using namespace cuport::target::hip;
namespace hipabi = cuport::target::hip::abi;

namespace {

TEST(HipAbi, ConstantsMatchRocmHeader) {
#if CUPORT_HAVE_HIP_HEADER
  EXPECT_EQ(hipabi::Success, hipSuccess);
  EXPECT_EQ(hipabi::ErrorNoDevice, hipErrorNoDevice);
  EXPECT_EQ(hipabi::ErrorNotReady, hipErrorNotReady);
  EXPECT_EQ(hipabi::ErrorNotSupported, hipErrorNotSupported);
  EXPECT_EQ(hipabi::MemcpyHostToHost, hipMemcpyHostToHost);
  EXPECT_EQ(hipabi::MemcpyHostToDevice, hipMemcpyHostToDevice);
  EXPECT_EQ(hipabi::MemcpyDeviceToHost, hipMemcpyDeviceToHost);
  EXPECT_EQ(hipabi::MemcpyDeviceToDevice, hipMemcpyDeviceToDevice);
  EXPECT_EQ(hipabi::StreamDefault, unsigned(hipStreamDefault));
  EXPECT_EQ(hipabi::StreamNonBlocking, unsigned(hipStreamNonBlocking));
  EXPECT_EQ(hipabi::EventDefault, unsigned(hipEventDefault));
  EXPECT_EQ(hipabi::EventDisableTiming, unsigned(hipEventDisableTiming));
  EXPECT_EQ(hipabi::HostMallocMapped, unsigned(hipHostMallocMapped));
  EXPECT_EQ(hipabi::MemAttachGlobal, unsigned(hipMemAttachGlobal));
  EXPECT_EQ(hipabi::AttrEccEnabled, hipDeviceAttributeEccEnabled);
  EXPECT_EQ(hipabi::AttrClockRate, hipDeviceAttributeClockRate);
  EXPECT_EQ(hipabi::AttrIntegrated, hipDeviceAttributeIntegrated);
  EXPECT_EQ(hipabi::AttrL2CacheSize, hipDeviceAttributeL2CacheSize);
  EXPECT_EQ(hipabi::AttrMaxBlockDimX, hipDeviceAttributeMaxBlockDimX);
  EXPECT_EQ(hipabi::AttrMaxBlockDimY, hipDeviceAttributeMaxBlockDimY);
  EXPECT_EQ(hipabi::AttrMaxBlockDimZ, hipDeviceAttributeMaxBlockDimZ);
  EXPECT_EQ(hipabi::AttrMaxGridDimX, hipDeviceAttributeMaxGridDimX);
  EXPECT_EQ(hipabi::AttrMaxGridDimY, hipDeviceAttributeMaxGridDimY);
  EXPECT_EQ(hipabi::AttrMaxGridDimZ, hipDeviceAttributeMaxGridDimZ);
  EXPECT_EQ(hipabi::AttrMaxThreadsPerBlock, hipDeviceAttributeMaxThreadsPerBlock);
  EXPECT_EQ(hipabi::AttrMultiprocessorCount, hipDeviceAttributeMultiprocessorCount);
  EXPECT_EQ(hipabi::AttrMaxSharedMemoryPerBlock, hipDeviceAttributeMaxSharedMemoryPerBlock);
  EXPECT_EQ(hipabi::AttrTotalConstantMemory, hipDeviceAttributeTotalConstantMemory);
  EXPECT_EQ(hipabi::AttrWarpSize, hipDeviceAttributeWarpSize);
  EXPECT_EQ(hipabi::FuncAttrMaxThreadsPerBlock, HIP_FUNC_ATTRIBUTE_MAX_THREADS_PER_BLOCK);
  EXPECT_EQ(hipabi::FuncAttrSharedSizeBytes, HIP_FUNC_ATTRIBUTE_SHARED_SIZE_BYTES);
  EXPECT_EQ(hipabi::FuncAttrConstSizeBytes, HIP_FUNC_ATTRIBUTE_CONST_SIZE_BYTES);
  EXPECT_EQ(hipabi::FuncAttrLocalSizeBytes, HIP_FUNC_ATTRIBUTE_LOCAL_SIZE_BYTES);
  EXPECT_EQ(hipabi::FuncAttrNumRegs, HIP_FUNC_ATTRIBUTE_NUM_REGS);
  EXPECT_EQ(hipabi::PropsSize, sizeof(hipDeviceProp_t));
  EXPECT_EQ(hipabi::PropsNameOffset, offsetof(hipDeviceProp_t, name));
  EXPECT_EQ(hipabi::PropsNameSize, sizeof(hipDeviceProp_t::name));
  EXPECT_EQ(hipabi::PropsTotalGlobalMemOffset, offsetof(hipDeviceProp_t, totalGlobalMem));
  EXPECT_EQ(sizeof(hipDeviceProp_t::totalGlobalMem), sizeof(size_t));
  EXPECT_EQ(hipabi::PropsGcnArchNameOffset, offsetof(hipDeviceProp_t, gcnArchName));
  EXPECT_EQ(hipabi::PropsGcnArchNameSize, sizeof(hipDeviceProp_t::gcnArchName));
#define HIP_ERROR(Name, Value, St) EXPECT_EQ(Value, int(Name)) << #Name;
#include "HipErrors.def"
#else
  GTEST_SKIP() << "ROCm's hip/hip_runtime_api.h is not installed (libamdhip64-dev)";
#endif
}

TEST(HipErrors, MapToStatuses) {
  EXPECT_EQ(statusOf(0), Status::Success);
  EXPECT_EQ(statusOf(2), Status::OutOfMemory);
  EXPECT_EQ(statusOf(100), Status::NoDevice);
  EXPECT_EQ(statusOf(209), Status::NoKernelImage);
  EXPECT_EQ(statusOf(600), Status::NotReady);
  EXPECT_EQ(statusOf(700), Status::IllegalAddress);
  EXPECT_EQ(statusOf(719), Status::LaunchFailure);
  EXPECT_EQ(statusOf(123456), Status::Unknown);
}

TEST(HipArch, CodeObjectMatchesDevice) {
  EXPECT_TRUE(archMatches("gfx90a", "gfx90a:sramecc+:xnack-"));
  EXPECT_TRUE(archMatches("gfx90a:xnack-", "gfx90a:sramecc+:xnack-"));
  EXPECT_TRUE(archMatches("gfx90a:sramecc+:xnack-", "gfx90a:sramecc+:xnack-"));
  EXPECT_TRUE(archMatches("gfx1030", "gfx1030"));
  EXPECT_FALSE(archMatches("gfx90a:xnack+", "gfx90a:sramecc+:xnack-"));
  EXPECT_FALSE(archMatches("gfx90a", "gfx942:sramecc+:xnack-"));
  EXPECT_FALSE(archMatches("gfx90", "gfx90a"));
  EXPECT_FALSE(archMatches("", "gfx90a"));
}

fatbin::KernelInfo kernel(std::vector<fatbin::ArgKind> Kinds) {
  fatbin::KernelInfo K;
  K.Name = "_Z1kv";
  for (fatbin::ArgKind A : Kinds)
    K.Args.push_back({A, A == fatbin::ArgKind::Value ? 4u : 8u, 4});
  return K;
}

TEST(HipLaunch, ArgsBecomeKernelParamsInOrder) {
  using fatbin::ArgKind;
  float A = 2;
  void *P = reinterpret_cast<void *>(0x1000);
  int N = 7;
  void *Args[] = {&A, &P, &N};
  std::vector<void *> Params;
  // User args keep source order; the hidden arguments of the SPIR-V path
  // (dynamic shared memory, the globals block) have no AMD parameter.
  Result R = packKernelParams(kernel({ArgKind::Value, ArgKind::GlobalPointer,
                                      ArgKind::DynamicShared, ArgKind::Value,
                                      ArgKind::GlobalsBlock}),
                              Args, Params);
  ASSERT_TRUE(R.ok()) << R.message();
  ASSERT_EQ(Params.size(), 3u);
  EXPECT_EQ(Params[0], &A);
  EXPECT_EQ(Params[1], &P);
  EXPECT_EQ(Params[2], &N);

  ASSERT_TRUE(packKernelParams(kernel({}), nullptr, Params).ok());
  EXPECT_TRUE(Params.empty());
  ASSERT_TRUE(packKernelParams(kernel({ArgKind::DynamicShared, ArgKind::GlobalsBlock}), nullptr,
                               Params).ok());
  EXPECT_TRUE(Params.empty());
}

TEST(HipLaunch, RefusesWhatItCannotPass) {
  std::vector<void *> Params;
  EXPECT_EQ(packKernelParams(kernel({fatbin::ArgKind::Value}), nullptr, Params).status(),
            Status::InvalidValue);
  void *Args[] = {nullptr};
  EXPECT_EQ(packKernelParams(kernel({fatbin::ArgKind::Value}), Args, Params).status(),
            Status::InvalidValue);
  EXPECT_EQ(packKernelParams(kernel({fatbin::ArgKind(77)}), Args, Params).status(),
            Status::InvalidKernelImage);
}

//===----------------------------------------------------------------------===//
// A HipDevice over a stub function table: what the target asks of HIP for
// device variables and launches, with no libamdhip64 and no GPU. The stubs
// record their calls in Fake; the "device" is host memory.
//===----------------------------------------------------------------------===//

struct FakeHip {
  struct Copy {
    void *Dst;
    const void *Src;
    size_t Bytes;
    int Kind;
  };
  alignas(16) unsigned char VarStorage[64] = {};   ///< "device memory" of one variable
  alignas(16) unsigned char PrintfSlot[8] = {};
  void *Module = reinterpret_cast<void *>(0xC0DE);
  std::vector<std::string> GlobalLookups;
  std::vector<Copy> Copies;
  std::vector<std::vector<void *>> LaunchParams;
  std::vector<unsigned> LaunchShared;
};
FakeHip *Fake = nullptr;

constexpr const char *FakeVar = "_Z7counter";
constexpr size_t FakeVarBytes = 16;

HipLibrary fakeLibrary() {
  HipLibrary L;
  L.Path = "fake";
  L.RuntimeVersion = 50221153;
  L.hipGetErrorName = [](int E) -> const char * {
    return E == 500 ? "hipErrorNotFound" : "hipErrorOther";
  };
  L.hipGetErrorString = [](int) -> const char * { return "fake"; };
  L.hipSetDevice = [](int) { return 0; };
  L.hipDriverGetVersion = [](int *V) { *V = 50221153; return 0; };
  L.hipGetDeviceProperties = [](void *Props, int) {
    std::strcpy(static_cast<char *>(Props) + hipabi::PropsNameOffset, "Fake MI210");
    std::strcpy(static_cast<char *>(Props) + hipabi::PropsGcnArchNameOffset,
                "gfx90a:sramecc+:xnack-");
    return 0;
  };
  L.hipDeviceGetAttribute = [](int *V, int A, int) {
    *V = A == hipabi::AttrWarpSize ? 64 : 1024;
    return 0;
  };
  L.hipModuleLoadData = [](void **M, const void *) { *M = Fake->Module; return 0; };
  L.hipModuleUnload = [](void *) { return 0; };
  L.hipModuleGetGlobal = [](void **Ptr, size_t *Bytes, void *M, const char *Name) {
    Fake->GlobalLookups.push_back(Name);
    if (M != Fake->Module)
      return 400; // hipErrorInvalidHandle
    if (std::string(Name) == FakeVar) {
      *Ptr = Fake->VarStorage;
      *Bytes = FakeVarBytes;
      return 0;
    }
    if (std::string(Name) == "__cuport_printf_buffer") {
      *Ptr = Fake->PrintfSlot;
      *Bytes = sizeof(Fake->PrintfSlot);
      return 0;
    }
    return 500; // hipErrorNotFound
  };
  L.hipMemcpyAsync = [](void *Dst, const void *Src, size_t Bytes, int Kind, void *) {
    Fake->Copies.push_back({Dst, Src, Bytes, Kind});
    std::memcpy(Dst, Src, Bytes);
    return 0;
  };
  L.hipStreamSynchronize = [](void *) { return 0; };
  L.hipModuleGetFunction = [](void **F, void *, const char *) {
    *F = reinterpret_cast<void *>(0xF00);
    return 0;
  };
  L.hipModuleLaunchKernel = [](void *, unsigned, unsigned, unsigned, unsigned, unsigned,
                               unsigned, unsigned Shared, void *, void **Params, void **) {
    // As HIP does, the target's kernel metadata says how many there are;
    // the test kernels below have exactly two user arguments.
    Fake->LaunchParams.push_back({Params[0], Params[1]});
    Fake->LaunchShared.push_back(Shared);
    return 0;
  };
  return L;
}

class HipFakeDevice : public ::testing::Test {
protected:
  void SetUp() override {
    Fake = &State;
    Lib = fakeLibrary();
    Result R = HipDevice::create(Lib, 0, &Dev);
    ASSERT_TRUE(R.ok()) << R.message();
    fatbin::Image Img;
    Img.Kind = fatbin::ImageKind::AMDGCN;
    Img.Arch = "gfx90a";
    Img.Data.assign(64, 0);
    std::memcpy(Img.Data.data(), "\x7f" "ELF", 4);
    R = Dev->loadModule(Img, &Mod);
    ASSERT_TRUE(R.ok()) << R.message();
  }
  void TearDown() override { Fake = nullptr; }

  FakeHip State;
  HipLibrary Lib;
  std::unique_ptr<HipDevice> Dev;
  std::unique_ptr<Module> Mod;
};

TEST_F(HipFakeDevice, DeviceVariablesAreTheCodeObjectsGlobals) {
  EXPECT_TRUE(Dev->modulesOwnGlobals());
  void *Addr = nullptr;
  size_t Size = 0;
  Result R = Dev->moduleGlobal(*Mod, FakeVar, &Addr, &Size);
  ASSERT_TRUE(R.ok()) << R.message();
  ASSERT_EQ(State.GlobalLookups.size(), 1u);
  EXPECT_EQ(State.GlobalLookups[0], FakeVar);
  EXPECT_EQ(Addr, static_cast<void *>(State.VarStorage));
  EXPECT_EQ(Size, FakeVarBytes);
  // Looked up once per module.
  ASSERT_TRUE(Dev->moduleGlobal(*Mod, FakeVar, &Addr, &Size).ok());
  EXPECT_EQ(State.GlobalLookups.size(), 1u);

  // A copy to the variable (what cudaMemcpyToSymbol becomes) goes to the
  // address hipModuleGetGlobal returned, at the symbol's offset.
  const uint32_t Value[2] = {0xCAFE, 0xBEEF};
  R = Dev->copy(nullptr, static_cast<char *>(Addr) + 4, Value, sizeof(Value),
                CopyKind::HostToDevice, CopyMode::Sync);
  ASSERT_TRUE(R.ok()) << R.message();
  ASSERT_EQ(State.Copies.size(), 1u);
  EXPECT_EQ(State.Copies[0].Dst, static_cast<void *>(State.VarStorage + 4));
  EXPECT_EQ(State.Copies[0].Kind, hipabi::MemcpyHostToDevice);
  uint32_t Back[2] = {};
  ASSERT_TRUE(Dev->copy(nullptr, Back, static_cast<char *>(Addr) + 4, sizeof(Back),
                        CopyKind::DeviceToHost, CopyMode::Sync)
                  .ok());
  EXPECT_EQ(State.Copies[1].Src, static_cast<const void *>(State.VarStorage + 4));
  EXPECT_EQ(Back[1], 0xBEEFu);
}

TEST_F(HipFakeDevice, UnknownVariableIsInvalidSymbolWithHipsWords) {
  void *Addr = nullptr;
  size_t Size = 0;
  Result R = Dev->moduleGlobal(*Mod, "_Z7missing", &Addr, &Size);
  EXPECT_EQ(R.status(), Status::InvalidSymbol);
  EXPECT_NE(R.message().find("hipModuleGetGlobal(_Z7missing)"), std::string::npos) << R.message();
  EXPECT_NE(R.message().find("hipErrorNotFound"), std::string::npos) << R.message();
  EXPECT_EQ(State.GlobalLookups.back(), "_Z7missing");
}

TEST_F(HipFakeDevice, LaunchPassesNoGlobalsBlock) {
  using fatbin::ArgKind;
  // The SPIR-V metadata of a kernel using a device variable and dynamic
  // shared memory: (int *out, int n) plus the two hidden arguments.
  fatbin::KernelInfo K = kernel({ArgKind::GlobalPointer, ArgKind::Value,
                                 ArgKind::DynamicShared, ArgKind::GlobalsBlock});
  void *Out = reinterpret_cast<void *>(0x1000);
  int N = 5;
  void *Args[] = {&Out, &N};
  LaunchConfig Config;
  Config.SharedBytes = 256;
  Config.Globals = reinterpret_cast<void *>(0xBAD); // Never passed on HIP.
  Result R = Dev->launch(*Mod, K, Config, Args);
  ASSERT_TRUE(R.ok()) << R.message();
  ASSERT_EQ(State.LaunchParams.size(), 1u);
  EXPECT_EQ(State.LaunchParams[0][0], static_cast<void *>(&Out));
  EXPECT_EQ(State.LaunchParams[0][1], static_cast<void *>(&N));
  EXPECT_EQ(State.LaunchShared[0], 256u);
}

TEST(HipDefaults, OtherTargetsKeepTheGlobalsBlock) {
  // The hook's default (the OpenCL target inherits it) says "globals block".
  struct Minimal : Module {};
  Minimal M;
  // A Device with the defaults only is abstract; call through HipDevice's
  // base-class implementation explicitly.
  HipLibrary Lib = fakeLibrary();
  FakeHip State;
  Fake = &State;
  std::unique_ptr<HipDevice> D;
  ASSERT_TRUE(HipDevice::create(Lib, 0, &D).ok());
  void *Addr = nullptr;
  size_t Size = 0;
  EXPECT_EQ(D->Device::moduleGlobal(M, "x", &Addr, &Size).status(), Status::NotSupported);
  EXPECT_FALSE(D->Device::modulesOwnGlobals());
  Fake = nullptr;
}

bool haveLibamdhip64() {
  void *H = ::dlopen("libamdhip64.so.5", RTLD_NOW | RTLD_LOCAL);
  return H != nullptr; // Left open: HIP's runtime is not made to be closed.
}

// The real Debian libamdhip64: it loads, every HipApi.def function resolves,
// it is HIP 5, and without /dev/kfd hipGetDeviceCount answers
// hipErrorNoDevice, quickly and without killing the process.
TEST(HipLibrary, DebianLibraryLoadsAndAnswersNoDevice) {
  if (!haveLibamdhip64())
    GTEST_SKIP() << "libamdhip64.so.5 not installed: " << ::dlerror();
  HipLibrary *L = nullptr;
  Result R = HipLibrary::open(&L);
  ASSERT_TRUE(R.ok()) << R.message();
  EXPECT_EQ(L->RuntimeVersion / 10000000, 5);
  struct stat St;
  if (::stat("/dev/kfd", &St) == 0)
    GTEST_SKIP() << "/dev/kfd exists: this machine may have an AMD GPU";
  int Count = -1;
  int Err = L->hipGetDeviceCount(&Count);
  EXPECT_EQ(Err, hipabi::ErrorNoDevice);
  EXPECT_EQ(Count, 0);
  EXPECT_EQ(L->errorText(Err), "hipErrorNoDevice (error 100)");
  // Asking again gives the same answer (no state left half-initialized).
  EXPECT_EQ(L->hipGetDeviceCount(&Count), hipabi::ErrorNoDevice);
}

} // namespace
