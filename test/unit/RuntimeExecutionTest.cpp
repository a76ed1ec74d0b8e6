//===- RuntimeExecutionTest.cpp - function attributes, occupancy, limits --===//
//
// libcudart's execution-control queries and settings through its C API, on
// whichever target libcudart selects (skipped when there is none):
// cudaFuncGetAttributes/SetAttribute/SetCacheConfig/SetSharedMemConfig, the
// occupancy calculator (its documented formula checked against
// cudaGetDeviceProperties, never against fixed numbers), cudaLaunchKernelExC
// and cooperative launches, device limits, flags, cudaChooseDevice and PCI
// bus ids. The kernels (Inputs/RuntimeExecutionKernels.cu) are compiled to
// SPIR-V at build time and registered here before main, as Clang's module
// constructors register theirs.
//
//===----------------------------------------------------------------------===//
#include "DeviceSkip.h"
#include "cuda_runtime.h"
#include "fatbin/FatBinary.h"

#include <gtest/gtest.h>

// cudaFuncSetSharedMemConfig is deprecated in CUDA 12; it is tested anyway.
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" {
void **__cudaRegisterFatBinary(void *fatCubin);
void __cudaRegisterFatBinaryEnd(void **fatCubinHandle);
void __cudaRegisterFunction(void **fatCubinHandle, const char *hostFun, char *deviceFun,
                            const char *deviceName, int thread_limit, uint3 *tid,
                            uint3 *bid, dim3 *bDim, dim3 *gDim, int *wSize);
// libcudart's C exports of what cuda_runtime.h has as templates.
cudaError_t cudaOccupancyMaxPotentialBlockSize(int *minGridSize, int *blockSize,
                                               const void *func, size_t dynamicSMemSize,
                                               int blockSizeLimit);
cudaError_t cudaOccupancyMaxPotentialBlockSizeVariableSMem(int *minGridSize, int *blockSize,
                                                           const void *func,
                                                           size_t (*smem)(int),
                                                           int blockSizeLimit);
}

namespace {

constexpr size_t StaticSharedInts = 256; // staticShared's __shared__ int Buf[256].

// Host stubs: only their addresses matter.
char StaticSharedStub, DynSharedStub, MarkBlocksStub, UnregisteredStub;

struct Wrapper { // Clang's __fatBinC_Wrapper_t.
  int Magic;
  int Version;
  const void *Data;
  void *Unused;
};

bool registerKernels() {
  using namespace cuport::fatbin;
  static std::vector<uint8_t> Bytes;
  static Wrapper W;
  Image Spirv;
  Spirv.Kind = ImageKind::SPIRV;
  Spirv.Arch = "spirv64";
  std::ifstream In(CUPORT_TEST_EXEC_SPIRV, std::ios::binary);
  Spirv.Data.assign(std::istreambuf_iterator<char>(In), {});
  const KernelArg Ptr{ArgKind::GlobalPointer, 8, 8}, Dyn{ArgKind::DynamicShared, 0, 4};
  auto K = [](const char *Name, std::vector<KernelArg> Args, uint32_t Flags,
              uint32_t Shared) {
    KernelInfo I;
    I.Name = Name;
    I.Args = std::move(Args);
    I.Flags = Flags;
    I.StaticSharedBytes = Shared; // What cuport-cc's metadata says.
    return I;
  };
  FatBinary F;
  F.Images.push_back(Spirv);
  F.Kernels = {K("_Z12staticSharedPi", {Ptr}, 0, StaticSharedInts * sizeof(int)),
               K("_Z9dynSharedPiPU3AS3i", {Ptr, Dyn}, KF_UsesDynamicShared, 0),
               K("_Z10markBlocksPi", {Ptr}, 0, 0)};
  Bytes = serialize(F);
  W = {0x466243b1, 1, Bytes.data(), nullptr};
  void **H = __cudaRegisterFatBinary(&W);
  const std::pair<char *, const char *> Fns[] = {{&StaticSharedStub, "_Z12staticSharedPi"},
                                                 {&DynSharedStub, "_Z9dynSharedPiPU3AS3i"},
                                                 {&MarkBlocksStub, "_Z10markBlocksPi"}};
  for (const auto &Fn : Fns)
    __cudaRegisterFunction(H, Fn.first, const_cast<char *>(Fn.second), Fn.second, -1,
                           nullptr, nullptr, nullptr, nullptr, nullptr);
  __cudaRegisterFatBinaryEnd(H);
  return Spirv.Data.size() > 20;
}

const bool HaveSpirv = registerKernels();

using cuport_test::haveDevice;
#define REQUIRE_DEVICE() CUPORT_REQUIRE_DEVICE(HaveSpirv)

cudaDeviceProp props() {
  cudaDeviceProp P;
  int Dev = 0;
  EXPECT_EQ(cudaGetDevice(&Dev), cudaSuccess);
  EXPECT_EQ(cudaGetDeviceProperties(&P, Dev), cudaSuccess);
  return P;
}

cudaFuncAttributes attributes(const void *Fn) {
  cudaFuncAttributes A;
  std::memset(&A, 0xff, sizeof(A));
  EXPECT_EQ(cudaFuncGetAttributes(&A, Fn), cudaSuccess);
  return A;
}

/// The documented formula (runtime-shim/Occupancy.cpp), from the device's
/// properties and the kernel's attributes.
int expectedBlocks(const cudaDeviceProp &P, const cudaFuncAttributes &A, int Block,
                   size_t Dyn) {
  if (Block > A.maxThreadsPerBlock || Dyn > size_t(A.maxDynamicSharedSizeBytes))
    return 0;
  long T = (Block + P.warpSize - 1) / P.warpSize * long(P.warpSize);
  long N = std::min<long>(P.maxBlocksPerMultiProcessor, P.maxThreadsPerMultiProcessor / T);
  if (size_t S = A.sharedSizeBytes + Dyn)
    N = std::min<long>(N, long(P.sharedMemPerMultiprocessor / S));
  if (A.numRegs > 0)
    N = std::min<long>(N, P.regsPerMultiprocessor / (A.numRegs * T));
  return int(N);
}

int activeBlocks(const void *Fn, int Block, size_t Dyn) {
  int N = -1;
  EXPECT_EQ(cudaOccupancyMaxActiveBlocksPerMultiprocessor(&N, Fn, Block, Dyn), cudaSuccess);
  return N;
}

/// Runs dynShared<<<Blocks, Threads, Dyn>>> and returns the launch's result;
/// on success checks every output.
cudaError_t runDynShared(unsigned Blocks, unsigned Threads, size_t Dyn) {
  int *Out = nullptr;
  EXPECT_EQ(cudaMalloc(&Out, Blocks * Threads * sizeof(int)), cudaSuccess);
  void *Args[] = {&Out};
  cudaError_t E = cudaLaunchKernel(&DynSharedStub, Blocks, Threads, Args, Dyn, nullptr);
  if (E == cudaSuccess) {
    std::vector<int> Host(Blocks * Threads);
    EXPECT_EQ(cudaMemcpy(Host.data(), Out, Host.size() * sizeof(int), cudaMemcpyDeviceToHost),
              cudaSuccess);
    for (size_t I = 0; I < Host.size(); ++I)
      EXPECT_EQ(Host[I], int(Threads - 1 - I % Threads) + 7) << I;
  }
  cudaFree(Out);
  return E;
}

//===----------------------------------------------------------------------===//
// Function attributes
//===----------------------------------------------------------------------===//

TEST(FuncAttributes, FilledFromTheKernelAndTheDevice) {
  REQUIRE_DEVICE();
  cudaDeviceProp P = props();
  cudaFuncAttributes S = attributes(&StaticSharedStub);
  cudaFuncAttributes D = attributes(&DynSharedStub);
  // The static array is there; the dynamic-only kernel has none.
  EXPECT_EQ(S.sharedSizeBytes, StaticSharedInts * sizeof(int));
  EXPECT_EQ(D.sharedSizeBytes, 0u);
  for (const cudaFuncAttributes &A : {S, D}) {
    EXPECT_GT(A.maxThreadsPerBlock, 0);
    EXPECT_LE(A.maxThreadsPerBlock, P.maxThreadsPerBlock);
    EXPECT_EQ(size_t(A.maxDynamicSharedSizeBytes), P.sharedMemPerBlock - A.sharedSizeBytes);
    EXPECT_EQ(A.ptxVersion, P.major * 10 + P.minor);
    EXPECT_EQ(A.binaryVersion, P.major * 10 + P.minor);
    EXPECT_GT(A.numRegs, 0);
    EXPECT_LE(long(A.numRegs) * A.maxThreadsPerBlock, long(P.regsPerBlock));
    EXPECT_LE(A.constSizeBytes, P.totalConstMem);
    EXPECT_EQ(A.preferredShmemCarveout, -1);
    EXPECT_EQ(A.clusterDimMustBeSet, 0);
  }
}

TEST(FuncAttributes, UnregisteredFunctionIsInvalidDeviceFunction) {
  REQUIRE_DEVICE();
  cudaFuncAttributes A;
  cudaGetLastError();
  EXPECT_EQ(cudaFuncGetAttributes(&A, &UnregisteredStub), cudaErrorInvalidDeviceFunction);
  EXPECT_EQ(cudaGetLastError(), cudaErrorInvalidDeviceFunction);
  EXPECT_EQ(cudaGetLastError(), cudaSuccess); // Not sticky.
  EXPECT_EQ(cudaFuncGetAttributes(&A, nullptr), cudaErrorInvalidDeviceFunction);
  EXPECT_EQ(cudaFuncGetAttributes(nullptr, &StaticSharedStub), cudaErrorInvalidValue);
  EXPECT_EQ(cudaFuncSetAttribute(&UnregisteredStub, cudaFuncAttributeMaxDynamicSharedMemorySize,
                                 0),
            cudaErrorInvalidDeviceFunction);
  EXPECT_EQ(cudaFuncSetCacheConfig(&UnregisteredStub, cudaFuncCachePreferL1),
            cudaErrorInvalidDeviceFunction);
  EXPECT_EQ(cudaFuncSetSharedMemConfig(&UnregisteredStub, cudaSharedMemBankSizeFourByte),
            cudaErrorInvalidDeviceFunction);
  int N;
  EXPECT_EQ(cudaOccupancyMaxActiveBlocksPerMultiprocessor(&N, &UnregisteredStub, 32, 0),
            cudaErrorInvalidDeviceFunction);
  void *Args[] = {nullptr};
  EXPECT_EQ(cudaLaunchCooperativeKernel((const void *)&UnregisteredStub, 1, 1, Args, 0, nullptr),
            cudaErrorInvalidDeviceFunction);
  cudaGetLastError();
}

TEST(FuncAttributes, MaxDynamicSharedMemorySizeBoundsLaunches) {
  REQUIRE_DEVICE();
  cudaDeviceProp P = props();
  const cudaFuncAttributes Before = attributes(&DynSharedStub);
  const unsigned Threads = 64;
  const size_t Need = Threads * sizeof(int);
  // Lower the limit below what the launch asks: the launch fails as CUDA's
  // does, and succeeds again within it.
  ASSERT_EQ(cudaFuncSetAttribute(&DynSharedStub, cudaFuncAttributeMaxDynamicSharedMemorySize,
                                 int(Need)),
            cudaSuccess);
  EXPECT_EQ(attributes(&DynSharedStub).maxDynamicSharedSizeBytes, int(Need));
  EXPECT_EQ(runDynShared(2, Threads, Need), cudaSuccess);
  EXPECT_EQ(runDynShared(2, Threads, Need + 4), cudaErrorInvalidValue);
  EXPECT_EQ(cudaGetLastError(), cudaErrorInvalidValue);
  EXPECT_EQ(activeBlocks(&DynSharedStub, int(Threads), Need + 4), 0);
  EXPECT_GT(activeBlocks(&DynSharedStub, int(Threads), Need), 0);

  // Above what the device allows: rejected, the setting unchanged.
  size_t Optin = std::max(P.sharedMemPerBlockOptin, P.sharedMemPerBlock);
  EXPECT_EQ(cudaFuncSetAttribute(&DynSharedStub, cudaFuncAttributeMaxDynamicSharedMemorySize,
                                 int(Optin - Before.sharedSizeBytes + 1)),
            cudaErrorInvalidValue);
  EXPECT_EQ(cudaFuncSetAttribute(&DynSharedStub, cudaFuncAttributeMaxDynamicSharedMemorySize, -1),
            cudaErrorInvalidValue);
  EXPECT_EQ(attributes(&DynSharedStub).maxDynamicSharedSizeBytes, int(Need));
  // Back to the largest allowed: the bigger launch runs.
  ASSERT_EQ(cudaFuncSetAttribute(&DynSharedStub, cudaFuncAttributeMaxDynamicSharedMemorySize,
                                 int(Optin - Before.sharedSizeBytes)),
            cudaSuccess);
  EXPECT_EQ(runDynShared(2, Threads, Need + 4), cudaSuccess);
  cudaGetLastError();
}

TEST(FuncAttributes, CarveoutCacheAndBankSettingsAreValidated) {
  REQUIRE_DEVICE();
  const void *F = &StaticSharedStub;
  EXPECT_EQ(cudaFuncSetAttribute(F, cudaFuncAttributePreferredSharedMemoryCarveout, 50),
            cudaSuccess);
  EXPECT_EQ(attributes(F).preferredShmemCarveout, 50);
  EXPECT_EQ(cudaFuncSetAttribute(F, cudaFuncAttributePreferredSharedMemoryCarveout, 101),
            cudaErrorInvalidValue);
  EXPECT_EQ(cudaFuncSetAttribute(F, cudaFuncAttributePreferredSharedMemoryCarveout, -2),
            cudaErrorInvalidValue);
  EXPECT_EQ(cudaFuncSetAttribute(F, cudaFuncAttributePreferredSharedMemoryCarveout, -1),
            cudaSuccess);
  // Cluster attributes need compute capability 9.0.
  EXPECT_EQ(cudaFuncSetAttribute(F, cudaFuncAttributeRequiredClusterWidth, 2),
            cudaErrorInvalidValue);
  EXPECT_EQ(cudaFuncSetAttribute(F, (cudaFuncAttribute)1234, 0), cudaErrorInvalidValue);
  for (cudaFuncCache C : {cudaFuncCachePreferNone, cudaFuncCachePreferShared,
                          cudaFuncCachePreferL1, cudaFuncCachePreferEqual})
    EXPECT_EQ(cudaFuncSetCacheConfig(F, C), cudaSuccess);
  EXPECT_EQ(cudaFuncSetCacheConfig(F, (cudaFuncCache)4), cudaErrorInvalidValue);
  for (cudaSharedMemConfig C : {cudaSharedMemBankSizeDefault, cudaSharedMemBankSizeFourByte,
                                cudaSharedMemBankSizeEightByte})
    EXPECT_EQ(cudaFuncSetSharedMemConfig(F, C), cudaSuccess);
  EXPECT_EQ(cudaFuncSetSharedMemConfig(F, (cudaSharedMemConfig)3), cudaErrorInvalidValue);
  // The template spellings of cuda_runtime.h reach the same functions.
  EXPECT_EQ(cudaFuncSetCacheConfig(&StaticSharedStub, cudaFuncCachePreferL1), cudaSuccess);
  cudaFuncAttributes A;
  EXPECT_EQ(cudaFuncGetAttributes(&A, &StaticSharedStub), cudaSuccess);
  cudaGetLastError();
}

//===----------------------------------------------------------------------===//
// Occupancy
//===----------------------------------------------------------------------===//

TEST(Occupancy, MaxActiveBlocksFollowsTheFormula) {
  REQUIRE_DEVICE();
  cudaDeviceProp P = props();
  for (const void *F : {(const void *)&StaticSharedStub, (const void *)&DynSharedStub}) {
    cudaFuncAttributes A = attributes(F);
    for (int Block : {1, P.warpSize - 1, P.warpSize, P.warpSize + 1, 100, 256,
                      A.maxThreadsPerBlock, A.maxThreadsPerBlock + 1}) {
      for (size_t Dyn : {size_t(0), size_t(1024), size_t(A.maxDynamicSharedSizeBytes),
                         size_t(A.maxDynamicSharedSizeBytes) + 1}) {
        int N = activeBlocks(F, Block, Dyn);
        EXPECT_EQ(N, expectedBlocks(P, A, Block, Dyn)) << Block << " " << Dyn;
        // What the formula promises, stated against the device's limits.
        EXPECT_LE(N, P.maxBlocksPerMultiProcessor);
        EXPECT_LE(long(N) * Block, long(P.maxThreadsPerMultiProcessor));
        EXPECT_LE(N * (A.sharedSizeBytes + Dyn), P.sharedMemPerMultiprocessor);
        bool Launchable = Block <= A.maxThreadsPerBlock &&
                          Dyn <= size_t(A.maxDynamicSharedSizeBytes);
        EXPECT_EQ(N > 0, Launchable) << Block << " " << Dyn;
        int WithFlags = -1;
        EXPECT_EQ(cudaOccupancyMaxActiveBlocksPerMultiprocessorWithFlags(
                      &WithFlags, F, Block, Dyn, cudaOccupancyDisableCachingOverride),
                  cudaSuccess);
        EXPECT_EQ(WithFlags, N);
      }
    }
  }
  int N;
  EXPECT_EQ(cudaOccupancyMaxActiveBlocksPerMultiprocessor(&N, &DynSharedStub, 0, 0),
            cudaErrorInvalidValue);
  EXPECT_EQ(cudaOccupancyMaxActiveBlocksPerMultiprocessor(nullptr, &DynSharedStub, 32, 0),
            cudaErrorInvalidValue);
  EXPECT_EQ(cudaOccupancyMaxActiveBlocksPerMultiprocessorWithFlags(&N, &DynSharedStub, 32, 0, 2),
            cudaErrorInvalidValue);
  cudaGetLastError();
}

TEST(Occupancy, MaxPotentialBlockSizeMaximisesResidentThreads) {
  REQUIRE_DEVICE();
  cudaDeviceProp P = props();
  const void *F = &StaticSharedStub;
  cudaFuncAttributes A = attributes(F);
  for (int Limit : {0, 64, 100}) {
    int MinGrid = -1, Block = -1;
    // The C export and the cuda_runtime.h template agree.
    ASSERT_EQ(cudaOccupancyMaxPotentialBlockSize(&MinGrid, &Block, F, 0, Limit), cudaSuccess);
    int TMinGrid = -1, TBlock = -1;
    ASSERT_EQ(cudaOccupancyMaxPotentialBlockSize(&TMinGrid, &TBlock, &StaticSharedStub, 0, Limit),
              cudaSuccess);
    EXPECT_EQ(TMinGrid, MinGrid);
    EXPECT_EQ(TBlock, Block);
    int Cap = std::min(Limit ? Limit : P.maxThreadsPerBlock, A.maxThreadsPerBlock);
    ASSERT_GT(Block, 0);
    EXPECT_LE(Block, Cap);
    int N = activeBlocks(F, Block, 0);
    EXPECT_EQ(MinGrid, N * P.multiProcessorCount);
    // No allowed block size keeps more threads resident.
    for (int B = 1; B <= Cap; ++B)
      EXPECT_LE(long(B) * activeBlocks(F, B, 0), long(Block) * N) << B;
  }
  // Dynamic shared memory per block size: the C export takes a function.
  int MinGrid = -1, Block = -1;
  auto PerThread = [](int B) { return size_t(B) * sizeof(int); };
  ASSERT_EQ(cudaOccupancyMaxPotentialBlockSizeVariableSMem(
                &MinGrid, &Block, (const void *)&DynSharedStub,
                static_cast<size_t (*)(int)>(PerThread), 0),
            cudaSuccess);
  int TMinGrid = -1, TBlock = -1;
  ASSERT_EQ(cudaOccupancyMaxPotentialBlockSizeVariableSMem(&TMinGrid, &TBlock, &DynSharedStub,
                                                           PerThread),
            cudaSuccess);
  EXPECT_EQ(TMinGrid, MinGrid);
  EXPECT_EQ(TBlock, Block);
  EXPECT_GT(activeBlocks(&DynSharedStub, Block, PerThread(Block)), 0);
  EXPECT_EQ(MinGrid, activeBlocks(&DynSharedStub, Block, PerThread(Block)) * P.multiProcessorCount);
  // And the block size it found runs.
  EXPECT_EQ(runDynShared(unsigned(MinGrid), unsigned(Block), PerThread(Block)), cudaSuccess);
  EXPECT_EQ(cudaOccupancyMaxPotentialBlockSize(nullptr, &Block, F, 0, 0), cudaErrorInvalidValue);
  cudaGetLastError();
}

TEST(Occupancy, AvailableDynamicSharedMemoryIsTheLargestThatFits) {
  REQUIRE_DEVICE();
  const void *F = &StaticSharedStub;
  cudaFuncAttributes A = attributes(F);
  for (int Block : {32, 128}) {
    int Fit = activeBlocks(F, Block, 0);
    for (int Blocks = 1; Blocks <= Fit + 1; ++Blocks) {
      size_t Avail = ~size_t(0);
      ASSERT_EQ(cudaOccupancyAvailableDynamicSMemPerBlock(&Avail, F, Blocks, Block), cudaSuccess);
      if (Blocks > Fit) {
        EXPECT_EQ(Avail, 0u);
        continue;
      }
      EXPECT_GE(activeBlocks(F, Block, Avail), Blocks);
      if (Avail < size_t(A.maxDynamicSharedSizeBytes)) {
        EXPECT_LT(activeBlocks(F, Block, Avail + 1), Blocks);
      }
    }
  }
  size_t Avail;
  EXPECT_EQ(cudaOccupancyAvailableDynamicSMemPerBlock(&Avail, F, 0, 32), cudaErrorInvalidValue);
  EXPECT_EQ(cudaOccupancyAvailableDynamicSMemPerBlock(&Avail, &UnregisteredStub, 1, 32),
            cudaErrorInvalidDeviceFunction);
  cudaGetLastError();
}

//===----------------------------------------------------------------------===//
// cudaLaunchKernelExC and cooperative launches
//===----------------------------------------------------------------------===//

/// The co-resident bound for markBlocks with \p Threads threads.
int cooperativeBound(unsigned Threads) {
  return activeBlocks(&MarkBlocksStub, int(Threads), 0) * props().multiProcessorCount;
}

/// Launches markBlocks over \p Blocks blocks with \p Attrs; on success
/// checks that each block ran once.
cudaError_t launchMarkEx(unsigned Blocks, std::vector<cudaLaunchAttribute> Attrs) {
  int *Flags = nullptr;
  EXPECT_EQ(cudaMalloc(&Flags, Blocks * sizeof(int)), cudaSuccess);
  EXPECT_EQ(cudaMemset(Flags, 0, Blocks * sizeof(int)), cudaSuccess);
  cudaLaunchConfig_t C = {};
  C.gridDim = dim3(Blocks);
  C.blockDim = dim3(32);
  C.attrs = Attrs.data();
  C.numAttrs = unsigned(Attrs.size());
  void *Args[] = {&Flags};
  cudaError_t E = cudaLaunchKernelExC(&C, (const void *)&MarkBlocksStub, Args);
  if (E == cudaSuccess) {
    std::vector<int> Host(Blocks);
    EXPECT_EQ(cudaMemcpy(Host.data(), Flags, Blocks * sizeof(int), cudaMemcpyDeviceToHost),
              cudaSuccess);
    for (unsigned I = 0; I < Blocks; ++I)
      EXPECT_EQ(Host[I], 1) << I;
  }
  cudaFree(Flags);
  return E;
}

/// A zeroed attribute with id \p Id, which may be outside the enum's range
/// (stored as raw bits: loading such a value as the enum is undefined).
cudaLaunchAttribute attr(int Id) {
  cudaLaunchAttribute A;
  std::memset(&A, 0, sizeof(A));
  std::memcpy(&A.id, &Id, sizeof(Id));
  return A;
}

TEST(LaunchEx, AttributesAreValidated) {
  REQUIRE_DEVICE();
  EXPECT_EQ(launchMarkEx(5, {}), cudaSuccess);
  cudaLaunchAttribute Prio = attr(cudaLaunchAttributePriority);
  Prio.val.priority = 0;
  cudaLaunchAttribute Ignore = attr(cudaLaunchAttributeIgnore);
  cudaLaunchAttribute Cluster1 = attr(cudaLaunchAttributeClusterDimension);
  Cluster1.val.clusterDim.x = Cluster1.val.clusterDim.y = Cluster1.val.clusterDim.z = 1;
  EXPECT_EQ(launchMarkEx(5, {Prio, Ignore, Cluster1}), cudaSuccess);
  cudaLaunchAttribute Cluster2 = Cluster1;
  Cluster2.val.clusterDim.x = 2;
  EXPECT_EQ(launchMarkEx(4, {Cluster2}), cudaErrorNotSupported);
  cudaLaunchAttribute Cluster0 = Cluster1;
  Cluster0.val.clusterDim.y = 0;
  EXPECT_EQ(launchMarkEx(4, {Cluster0}), cudaErrorInvalidValue);
  cudaLaunchAttribute Sync = attr(cudaLaunchAttributeSynchronizationPolicy);
  Sync.val.syncPolicy = cudaSyncPolicyYield;
  EXPECT_EQ(launchMarkEx(3, {Sync}), cudaSuccess);
  const int BadPolicy = 9;
  std::memcpy(&Sync.val.syncPolicy, &BadPolicy, sizeof(BadPolicy));
  EXPECT_EQ(launchMarkEx(3, {Sync}), cudaErrorInvalidValue);
  EXPECT_EQ(launchMarkEx(3, {attr(99)}), cudaErrorInvalidValue);
  EXPECT_EQ(launchMarkEx(3, {attr(cudaLaunchAttributeProgrammaticEvent)}), cudaErrorNotSupported);
  void *Args[] = {nullptr};
  EXPECT_EQ(cudaLaunchKernelExC(nullptr, (const void *)&MarkBlocksStub, Args),
            cudaErrorInvalidValue);
  cudaLaunchConfig_t C = {};
  C.gridDim = C.blockDim = dim3(1);
  C.numAttrs = 1; // and no array
  EXPECT_EQ(cudaLaunchKernelExC(&C, (const void *)&MarkBlocksStub, Args), cudaErrorInvalidValue);
  cudaGetLastError();
}

TEST(LaunchEx, CooperativeGridMustBeCoResident) {
  REQUIRE_DEVICE();
  int Coop = 0;
  ASSERT_EQ(cudaDeviceGetAttribute(&Coop, cudaDevAttrCooperativeLaunch, 0), cudaSuccess);
  ASSERT_EQ(Coop, 1);
  const int Bound = cooperativeBound(32);
  ASSERT_GT(Bound, 0);
  cudaLaunchAttribute C = attr(cudaLaunchAttributeCooperative);
  C.val.cooperative = 1;
  EXPECT_EQ(launchMarkEx(unsigned(Bound), {C}), cudaSuccess);
  EXPECT_EQ(launchMarkEx(unsigned(Bound) + 1, {C}), cudaErrorCooperativeLaunchTooLarge);
  // Not sticky: the error is the last error once, and launches go on.
  EXPECT_EQ(cudaGetLastError(), cudaErrorCooperativeLaunchTooLarge);
  EXPECT_EQ(cudaGetLastError(), cudaSuccess);
  C.val.cooperative = 0; // An ordinary launch has no such bound.
  EXPECT_EQ(launchMarkEx(unsigned(Bound) + 1, {C}), cudaSuccess);

  // cudaLaunchCooperativeKernel, and its template, with the same bound.
  int *Flags = nullptr;
  ASSERT_EQ(cudaMalloc(&Flags, (Bound + 1) * sizeof(int)), cudaSuccess);
  ASSERT_EQ(cudaMemset(Flags, 0, (Bound + 1) * sizeof(int)), cudaSuccess);
  void *Args[] = {&Flags};
  EXPECT_EQ(cudaLaunchCooperativeKernel((const void *)&MarkBlocksStub, dim3(Bound), dim3(32),
                                        Args, 0, nullptr),
            cudaSuccess);
  EXPECT_EQ(cudaLaunchCooperativeKernel(&MarkBlocksStub, dim3(Bound + 1), dim3(32), Args),
            cudaErrorCooperativeLaunchTooLarge);
  std::vector<int> Host(Bound + 1);
  ASSERT_EQ(cudaMemcpy(Host.data(), Flags, Host.size() * sizeof(int), cudaMemcpyDeviceToHost),
            cudaSuccess);
  for (int I = 0; I < Bound; ++I)
    EXPECT_EQ(Host[I], 1) << I;
  EXPECT_EQ(Host[Bound], 0);
  cudaFree(Flags);
  cudaGetLastError();
}

TEST(LaunchEx, KernelBlockLimitIsLaunchOutOfResources) {
  REQUIRE_DEVICE();
  cudaDeviceProp P = props();
  cudaFuncAttributes A = attributes(&StaticSharedStub);
  if (A.maxThreadsPerBlock >= P.maxThreadsPerBlock)
    GTEST_SKIP() << "the kernel allows every block the device allows";
  int *Out = nullptr;
  void *Args[] = {&Out};
  EXPECT_EQ(cudaLaunchKernel((const void *)&StaticSharedStub, 1, A.maxThreadsPerBlock + 1, Args,
                             0, nullptr),
            cudaErrorLaunchOutOfResources);
  cudaGetLastError();
}

//===----------------------------------------------------------------------===//
// Limits, flags, device choice, PCI bus ids
//===----------------------------------------------------------------------===//

TEST(Limits, SupportedLimitsRoundTripOthersAreUnsupported) {
  REQUIRE_DEVICE();
  size_t V = 0;
  for (cudaLimit L : {cudaLimitStackSize, cudaLimitMallocHeapSize}) {
    size_t Old = 0;
    ASSERT_EQ(cudaDeviceGetLimit(&Old, L), cudaSuccess);
    EXPECT_GT(Old, 0u);
    ASSERT_EQ(cudaDeviceSetLimit(L, Old * 2 + 8), cudaSuccess);
    ASSERT_EQ(cudaDeviceGetLimit(&V, L), cudaSuccess);
    EXPECT_EQ(V, Old * 2 + 8);
    // The deprecated spellings are the same calls.
    ASSERT_EQ(cudaThreadGetLimit(&V, L), cudaSuccess);
    EXPECT_EQ(V, Old * 2 + 8);
    ASSERT_EQ(cudaThreadSetLimit(L, Old), cudaSuccess);
    ASSERT_EQ(cudaDeviceGetLimit(&V, L), cudaSuccess);
    EXPECT_EQ(V, Old);
  }
  EXPECT_EQ(cudaDeviceSetLimit(cudaLimitMaxL2FetchGranularity, 32), cudaSuccess);
  ASSERT_EQ(cudaDeviceGetLimit(&V, cudaLimitMaxL2FetchGranularity), cudaSuccess);
  EXPECT_EQ(V, 32u);
  EXPECT_EQ(cudaDeviceSetLimit(cudaLimitMaxL2FetchGranularity, 48), cudaErrorInvalidValue);
  EXPECT_EQ(cudaDeviceSetLimit(cudaLimitMaxL2FetchGranularity, 256), cudaErrorInvalidValue);
  // Ints, converted at each call: an unknown limit is not a cudaLimit value.
  for (int L : {int(cudaLimitDevRuntimeSyncDepth), int(cudaLimitDevRuntimePendingLaunchCount),
                int(cudaLimitPersistingL2CacheSize), 77}) {
    EXPECT_EQ(cudaDeviceGetLimit(&V, static_cast<cudaLimit>(L)), cudaErrorUnsupportedLimit);
    EXPECT_EQ(cudaDeviceSetLimit(static_cast<cudaLimit>(L), 1), cudaErrorUnsupportedLimit);
    EXPECT_EQ(cudaGetLastError(), cudaErrorUnsupportedLimit);
  }
  EXPECT_EQ(cudaDeviceGetLimit(nullptr, cudaLimitStackSize), cudaErrorInvalidValue);
  size_t Fifo = 0;
  ASSERT_EQ(cudaDeviceGetLimit(&Fifo, cudaLimitPrintfFifoSize), cudaSuccess);
  EXPECT_GT(Fifo, 0u);
  // These kernels do not print: the FIFO size may still change.
  ASSERT_EQ(cudaDeviceSetLimit(cudaLimitPrintfFifoSize, Fifo / 2), cudaSuccess);
  ASSERT_EQ(cudaDeviceGetLimit(&V, cudaLimitPrintfFifoSize), cudaSuccess);
  EXPECT_EQ(V, Fifo / 2);
  EXPECT_EQ(cudaDeviceSetLimit(cudaLimitPrintfFifoSize, size_t(1) << 40), cudaErrorInvalidValue);
  ASSERT_EQ(cudaDeviceSetLimit(cudaLimitPrintfFifoSize, Fifo), cudaSuccess);
  cudaGetLastError();
}

TEST(DeviceFlags, ValidatedRecordedAndMapHostAlwaysOn) {
  REQUIRE_DEVICE();
  unsigned F = 0;
  ASSERT_EQ(cudaSetDeviceFlags(cudaDeviceScheduleBlockingSync), cudaSuccess);
  ASSERT_EQ(cudaGetDeviceFlags(&F), cudaSuccess);
  EXPECT_EQ(F, unsigned(cudaDeviceScheduleBlockingSync | cudaDeviceMapHost));
  ASSERT_EQ(cudaSetDeviceFlags(cudaDeviceScheduleSpin | cudaDeviceLmemResizeToMax), cudaSuccess);
  ASSERT_EQ(cudaGetDeviceFlags(&F), cudaSuccess);
  EXPECT_EQ(F, unsigned(cudaDeviceScheduleSpin | cudaDeviceLmemResizeToMax | cudaDeviceMapHost));
  EXPECT_EQ(cudaSetDeviceFlags(cudaDeviceScheduleSpin | cudaDeviceScheduleYield),
            cudaErrorInvalidValue);
  EXPECT_EQ(cudaSetDeviceFlags(0x100), cudaErrorInvalidValue);
  ASSERT_EQ(cudaGetDeviceFlags(&F), cudaSuccess); // Unchanged by the failures.
  EXPECT_EQ(F, unsigned(cudaDeviceScheduleSpin | cudaDeviceLmemResizeToMax | cudaDeviceMapHost));
  ASSERT_EQ(cudaSetDeviceFlags(cudaDeviceScheduleAuto), cudaSuccess);
  EXPECT_EQ(cudaGetDeviceFlags(nullptr), cudaErrorInvalidValue);
  cudaGetLastError();
}

TEST(DeviceChoice, ChooseDevicePicksAnExistingDevice) {
  REQUIRE_DEVICE();
  int Count = 0;
  ASSERT_EQ(cudaGetDeviceCount(&Count), cudaSuccess);
  cudaDeviceProp Want;
  std::memset(&Want, 0, sizeof(Want));
  int Dev = -1;
  ASSERT_EQ(cudaChooseDevice(&Dev, &Want), cudaSuccess);
  EXPECT_GE(Dev, 0);
  EXPECT_LT(Dev, Count);
  // The chosen device has the most multiprocessors of all.
  cudaDeviceProp Chosen;
  ASSERT_EQ(cudaGetDeviceProperties(&Chosen, Dev), cudaSuccess);
  for (int I = 0; I < Count; ++I) {
    cudaDeviceProp P;
    ASSERT_EQ(cudaGetDeviceProperties(&P, I), cudaSuccess);
    EXPECT_LE(P.multiProcessorCount, Chosen.multiProcessorCount);
  }
  Want.major = 99; // Nobody has it: still a device.
  ASSERT_EQ(cudaChooseDevice(&Dev, &Want), cudaSuccess);
  EXPECT_LT(Dev, Count);
  EXPECT_EQ(cudaChooseDevice(nullptr, &Want), cudaErrorInvalidValue);
  EXPECT_EQ(cudaChooseDevice(&Dev, nullptr), cudaErrorInvalidValue);
  cudaGetLastError();
}

TEST(DeviceChoice, PciBusIdRoundTripsAndMatchesTheAttributes) {
  REQUIRE_DEVICE();
  int Count = 0;
  ASSERT_EQ(cudaGetDeviceCount(&Count), cudaSuccess);
  for (int I = 0; I < Count; ++I) {
    char Id[64];
    ASSERT_EQ(cudaDeviceGetPCIBusId(Id, sizeof(Id), I), cudaSuccess);
    int Domain, Bus, Device;
    ASSERT_EQ(cudaDeviceGetAttribute(&Domain, cudaDevAttrPciDomainId, I), cudaSuccess);
    ASSERT_EQ(cudaDeviceGetAttribute(&Bus, cudaDevAttrPciBusId, I), cudaSuccess);
    ASSERT_EQ(cudaDeviceGetAttribute(&Device, cudaDevAttrPciDeviceId, I), cudaSuccess);
    char Expected[64];
    std::snprintf(Expected, sizeof(Expected), "%04x:%02x:%02x.0", Domain, Bus, Device);
    EXPECT_STREQ(Id, Expected);
    int Back = -1;
    ASSERT_EQ(cudaDeviceGetByPCIBusId(&Back, Id), cudaSuccess);
    EXPECT_EQ(Back, I);
    // The short forms name the same device.
    std::snprintf(Expected, sizeof(Expected), "%x:%x:%x", Domain, Bus, Device);
    ASSERT_EQ(cudaDeviceGetByPCIBusId(&Back, Expected), cudaSuccess);
    EXPECT_EQ(Back, I);
    if (Domain == 0) {
      std::snprintf(Expected, sizeof(Expected), "%02x:%02x.0", Bus, Device);
      ASSERT_EQ(cudaDeviceGetByPCIBusId(&Back, Expected), cudaSuccess);
      EXPECT_EQ(Back, I);
    }
    // A short buffer gets a terminated prefix.
    char Short[5];
    ASSERT_EQ(cudaDeviceGetPCIBusId(Short, sizeof(Short), I), cudaSuccess);
    EXPECT_EQ(std::string(Short), std::string(Id).substr(0, 4));
  }
  char Id[64];
  EXPECT_EQ(cudaDeviceGetPCIBusId(Id, sizeof(Id), Count), cudaErrorInvalidDevice);
  EXPECT_EQ(cudaDeviceGetPCIBusId(nullptr, 10, 0), cudaErrorInvalidValue);
  EXPECT_EQ(cudaDeviceGetPCIBusId(Id, 0, 0), cudaErrorInvalidValue);
  int Dev;
  EXPECT_EQ(cudaDeviceGetByPCIBusId(&Dev, "not a bus id"), cudaErrorInvalidValue);
  EXPECT_EQ(cudaDeviceGetByPCIBusId(&Dev, "00ff:ff:1f.0"), cudaErrorInvalidDevice);
  cudaGetLastError();
}

} // namespace
