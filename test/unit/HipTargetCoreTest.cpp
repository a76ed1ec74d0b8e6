//===- HipTargetCoreTest.cpp - the HIP target's device-free parts ---------===//
//
// What targets/hip can be checked for without an AMD GPU: its HIP 5 ABI
// constants against ROCm's own header (where libamdhip64-dev is installed),
// the hipError_t -> Status table, code-object architecture matching, and
// the marshalling of cudaLaunchKernel's args into hipModuleLaunchKernel's
// kernelParams. A wrong offset, enum value or argument order fails here.
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
  void *GlobalsSlot = reinterpret_cast<void *>(0x2000);
  std::vector<void *> Params;
  // User args keep source order; DynamicShared has no parameter; the
  // globals block's parameter points at the slot holding its address.
  Result R = packKernelParams(kernel({ArgKind::Value, ArgKind::GlobalPointer,
                                      ArgKind::DynamicShared, ArgKind::Value,
                                      ArgKind::GlobalsBlock}),
                              Args, &GlobalsSlot, Params);
  ASSERT_TRUE(R.ok()) << R.message();
  ASSERT_EQ(Params.size(), 4u);
  EXPECT_EQ(Params[0], &A);
  EXPECT_EQ(Params[1], &P);
  EXPECT_EQ(Params[2], &N);
  EXPECT_EQ(Params[3], &GlobalsSlot);
  EXPECT_EQ(*static_cast<void **>(Params[3]), reinterpret_cast<void *>(0x2000));

  ASSERT_TRUE(packKernelParams(kernel({}), nullptr, &GlobalsSlot, Params).ok());
  EXPECT_TRUE(Params.empty());
  ASSERT_TRUE(packKernelParams(kernel({ArgKind::DynamicShared}), nullptr, &GlobalsSlot,
                               Params).ok());
  EXPECT_TRUE(Params.empty());
}

TEST(HipLaunch, RefusesWhatItCannotPass) {
  std::vector<void *> Params;
  void *Slot = nullptr;
  EXPECT_EQ(packKernelParams(kernel({fatbin::ArgKind::Value}), nullptr, &Slot, Params).status(),
            Status::InvalidValue);
  void *Args[] = {nullptr};
  EXPECT_EQ(packKernelParams(kernel({fatbin::ArgKind::Value}), Args, &Slot, Params).status(),
            Status::InvalidValue);
  EXPECT_EQ(packKernelParams(kernel({fatbin::ArgKind(77)}), Args, &Slot, Params).status(),
            Status::InvalidKernelImage);
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
