// The runtime helpers of cuport_hip_compat.h (HipCompatRuntime.def) run on
// the host against a fake HIP runtime: this file defines the HIP functions
// they call, so that their logic is checked without a GPU. The occupancy
// searches are compared with references written from CUDA's documentation
// (every candidate block size tried; every dynamic size scanned) over many
// random kernels, the launch dispatch with what the fake launches saw, the
// limit with what the fake reports. Prints "PASSED" when all agree.
#include "cuport_hip_compat.h"

#include <cstdio>
#include <random>

// The fake device and kernel.
namespace fake {
int ThreadsPerSM = 2048, Warp = 64, MaxBlock = 1024, SMs = 104, MaxBlocksPerSM = 32;
size_t LdsPerSM = 65536;
int KernelMaxBlock = 1024, RegsPerThread = 32, RegsPerSM = 65536;
size_t StaticShared = 0;
hipError_t QueryError = hipSuccess;
int Queries = 0;
// What the last launch was.
enum { None, Plain, Cooperative } Launched = None;
dim3 Grid, Block;
size_t Shared = 0;
hipStream_t Stream = nullptr;
size_t PrintfFifo = 1 << 20;

int occupancy(int BlockSize, size_t Dynamic) {
  const int Rounded = (BlockSize + Warp - 1) / Warp * Warp;
  int Blocks = ThreadsPerSM / Rounded;
  if (MaxBlocksPerSM < Blocks)
    Blocks = MaxBlocksPerSM;
  const int ByRegs = RegsPerSM / (Rounded * RegsPerThread);
  if (ByRegs < Blocks)
    Blocks = ByRegs;
  const size_t Lds = StaticShared + Dynamic;
  if (Lds && int(LdsPerSM / Lds) < Blocks)
    Blocks = int(LdsPerSM / Lds);
  return Blocks;
}
} // namespace fake

hipError_t hipGetDevice(int *Device) {
  *Device = 0;
  return hipSuccess;
}

hipError_t hipDeviceGetAttribute(int *Value, hipDeviceAttribute_t Attr, int) {
  switch (Attr) {
  case hipDeviceAttributeMaxThreadsPerMultiProcessor: *Value = fake::ThreadsPerSM; break;
  case hipDeviceAttributeWarpSize: *Value = fake::Warp; break;
  case hipDeviceAttributeMaxThreadsPerBlock: *Value = fake::MaxBlock; break;
  case hipDeviceAttributeMultiprocessorCount: *Value = fake::SMs; break;
  default: return hipErrorInvalidValue;
  }
  return hipSuccess;
}

hipError_t hipFuncGetAttributes(hipFuncAttributes *Attr, const void *) {
  *Attr = hipFuncAttributes();
  Attr->maxThreadsPerBlock = fake::KernelMaxBlock;
  Attr->sharedSizeBytes = fake::StaticShared;
  Attr->maxDynamicSharedSizeBytes = int(fake::LdsPerSM - fake::StaticShared);
  return hipSuccess;
}

hipError_t hipOccupancyMaxActiveBlocksPerMultiprocessorWithFlags(int *Blocks, const void *, int BlockSize,
                                                                 size_t Dynamic, unsigned int) {
  ++fake::Queries;
  if (fake::QueryError != hipSuccess)
    return fake::QueryError;
  *Blocks = fake::occupancy(BlockSize, Dynamic);
  return hipSuccess;
}

hipError_t hipOccupancyMaxActiveBlocksPerMultiprocessor(int *Blocks, const void *F, int BlockSize, size_t Dynamic) {
  return hipOccupancyMaxActiveBlocksPerMultiprocessorWithFlags(Blocks, F, BlockSize, Dynamic, 0);
}

hipError_t hipLaunchKernel(const void *, dim3 Grid, dim3 Block, void **, size_t Shared, hipStream_t Stream) {
  fake::Launched = fake::Plain;
  fake::Grid = Grid;
  fake::Block = Block;
  fake::Shared = Shared;
  fake::Stream = Stream;
  return hipSuccess;
}

hipError_t hipLaunchCooperativeKernel(const void *, dim3 Grid, dim3 Block, void **, unsigned int Shared,
                                      hipStream_t Stream) {
  (void)hipLaunchKernel(nullptr, Grid, Block, nullptr, Shared, Stream);
  fake::Launched = fake::Cooperative;
  return hipSuccess;
}

hipError_t hipDeviceGetLimit(size_t *Value, hipLimit_t Limit) {
  if (Limit != hipLimitPrintfFifoSize)
    return hipErrorUnsupportedLimit;
  *Value = fake::PrintfFifo;
  return hipSuccess;
}

static int Failures = 0;
#define EXPECT(C)                                                                                  \
  do {                                                                                             \
    if (!(C)) {                                                                                    \
      std::printf("%s:%d: failed: %s\n", __FILE__, __LINE__, #C);                                  \
      ++Failures;                                                                                  \
    }                                                                                              \
  } while (0)

static void kernel() {}

/// CUDA's documented answer, by trying every candidate: the limit itself
/// and each multiple of the warp size below it; most resident threads, the
/// larger block size on a tie.
template <class F> static void referenceBlockSize(int Limit, F Dyn, int &Grid, int &Block) {
  int Best = 0, BestBlocks = 0;
  for (int B = 1; B <= Limit; ++B) {
    if (B != Limit && B % fake::Warp)
      continue;
    const int N = fake::occupancy(B, Dyn(B));
    if (B * N > 0 && B * N >= Best * BestBlocks && (B * N > Best * BestBlocks || B > Best)) {
      Best = B;
      BestBlocks = N;
    }
  }
  Grid = BestBlocks * fake::SMs;
  Block = Best;
}

static void checkBlockSize(std::mt19937 &Rng) {
  std::uniform_int_distribution<int> Pick(0, 1 << 30);
  const int Warps[] = {32, 64};
  fake::Warp = Warps[Pick(Rng) % 2];
  fake::KernelMaxBlock = 1 + Pick(Rng) % 1024;
  fake::RegsPerThread = 1 + Pick(Rng) % 128;
  fake::StaticShared = Pick(Rng) % 3 ? Pick(Rng) % 16384 : 0;
  const int Limit = Pick(Rng) % 3 ? 0 : 1 + Pick(Rng) % 1200;
  const size_t PerThread = Pick(Rng) % 64, Fixed = Pick(Rng) % 4096;
  auto Dyn = [&](int B) { return Fixed + PerThread * size_t(B); };
  int Grid = -1, Block = -1, WantGrid, WantBlock;
  const hipError_t E = Pick(Rng) % 2
                           ? cuport_hipOccupancyMaxPotentialBlockSizeVariableSMem(&Grid, &Block, kernel, Dyn, Limit)
                           : cuport_hipOccupancyMaxPotentialBlockSizeVariableSMemWithFlags(
                                 &Grid, &Block, (const void *)kernel, Dyn, Limit, hipOccupancyDefault);
  int Effective = Limit == 0 || Limit > fake::MaxBlock ? fake::MaxBlock : Limit;
  if (fake::KernelMaxBlock < Effective)
    Effective = fake::KernelMaxBlock;
  referenceBlockSize(Effective, Dyn, WantGrid, WantBlock);
  EXPECT(E == hipSuccess);
  if (Grid != WantGrid || Block != WantBlock) {
    std::printf("block size: got %d x %d, want %d x %d (limit %d, warp %d, regs %d, static %zu)\n", Grid, Block,
                WantGrid, WantBlock, Effective, fake::Warp, fake::RegsPerThread, fake::StaticShared);
    ++Failures;
  }
}

static void checkAvailable(std::mt19937 &Rng) {
  std::uniform_int_distribution<int> Pick(0, 1 << 30);
  fake::Warp = 64;
  fake::RegsPerThread = 1 + Pick(Rng) % 64;
  fake::StaticShared = Pick(Rng) % 3 ? Pick(Rng) % 20000 : 0;
  const int Blocks = 1 + Pick(Rng) % 40, BlockSize = 1 + Pick(Rng) % 1024;
  size_t Want = 0;
  for (size_t D = fake::LdsPerSM - fake::StaticShared + 1; D-- > 0;)
    if (fake::occupancy(BlockSize, D) >= Blocks) {
      Want = D;
      break;
    }
  size_t Got = ~size_t(0);
  EXPECT(cuport_hipOccupancyAvailableDynamicSMemPerBlock(&Got, kernel, Blocks, BlockSize) == hipSuccess);
  if (Got != Want) {
    std::printf("available: got %zu, want %zu (%d blocks of %d, static %zu)\n", Got, Want, Blocks, BlockSize,
                fake::StaticShared);
    ++Failures;
  }
}

int main() {
  std::mt19937 Rng(5);
  for (int I = 0; I < 2000; ++I)
    checkBlockSize(Rng);
  for (int I = 0; I < 300; ++I)
    checkAvailable(Rng);

  // Edge cases and errors, which pass through.
  size_t Avail = 1;
  fake::StaticShared = 0;
  fake::RegsPerThread = 1;
  EXPECT(cuport_hipOccupancyAvailableDynamicSMemPerBlock(&Avail, kernel, 1, 64) == hipSuccess);
  EXPECT(Avail == fake::LdsPerSM);
  EXPECT(cuport_hipOccupancyAvailableDynamicSMemPerBlock(&Avail, kernel, 33, 64) == hipSuccess);
  EXPECT(Avail == 0);
  EXPECT(cuport_hipOccupancyAvailableDynamicSMemPerBlock(&Avail, kernel, 0, 64) == hipErrorInvalidValue);
  EXPECT(cuport_hipOccupancyAvailableDynamicSMemPerBlock(nullptr, kernel, 1, 64) == hipErrorInvalidValue);
  int Grid, Block;
  auto None = [](int) { return size_t(0); };
  EXPECT(cuport_hipOccupancyMaxPotentialBlockSizeVariableSMem(nullptr, &Block, kernel, None) == hipErrorInvalidValue);
  fake::QueryError = hipErrorInvalidDeviceFunction;
  EXPECT(cuport_hipOccupancyAvailableDynamicSMemPerBlock(&Avail, kernel, 1, 64) == hipErrorInvalidDeviceFunction);
  EXPECT(cuport_hipOccupancyMaxPotentialBlockSizeVariableSMem(&Grid, &Block, kernel, None) ==
         hipErrorInvalidDeviceFunction);
  fake::QueryError = hipSuccess;
  // Full occupancy ends the search at the first size that reaches it.
  fake::Queries = 0;
  fake::Warp = 64;
  fake::KernelMaxBlock = 1024;
  EXPECT(cuport_hipOccupancyMaxPotentialBlockSizeVariableSMem(&Grid, &Block, kernel, None) == hipSuccess);
  EXPECT(Block == 1024 && Grid == 2 * fake::SMs && fake::Queries == 1);

  // Launches: plain, cooperative, ignored and unknown attributes.
  cuport_hipLaunchConfig_t Config = {};
  Config.gridDim = dim3(3, 2);
  Config.blockDim = dim3(64);
  Config.dynamicSmemBytes = 128;
  Config.stream = reinterpret_cast<hipStream_t>(0x10);
  EXPECT(cuport_hipLaunchKernelExC(&Config, (const void *)kernel, nullptr) == hipSuccess);
  EXPECT(fake::Launched == fake::Plain && fake::Grid.x == 3 && fake::Grid.y == 2 && fake::Block.x == 64 &&
         fake::Shared == 128 && fake::Stream == Config.stream);
  cuport_hipLaunchAttribute Attrs[2] = {};
  Attrs[0].id = cuport_hipLaunchAttributeIgnore;
  Attrs[1].id = cuport_hipLaunchAttributeCooperative;
  Attrs[1].val.cooperative = 1;
  Config.attrs = Attrs;
  Config.numAttrs = 2;
  EXPECT(cuport_hipLaunchKernelExC(&Config, (const void *)kernel, nullptr) == hipSuccess);
  EXPECT(fake::Launched == fake::Cooperative && fake::Shared == 128);
  Attrs[1].val.cooperative = 0;
  EXPECT(cuport_hipLaunchKernelExC(&Config, (const void *)kernel, nullptr) == hipSuccess);
  EXPECT(fake::Launched == fake::Plain);
  Config.numAttrs = 1;
  EXPECT(cuport_hipLaunchKernelExC(&Config, (const void *)kernel, nullptr) == hipSuccess);
  EXPECT(fake::Launched == fake::Plain);
  fake::Launched = fake::None;
  Attrs[0].id = static_cast<cuport_hipLaunchAttributeID>(4); // cluster dimension
  EXPECT(cuport_hipLaunchKernelExC(&Config, (const void *)kernel, nullptr) == hipErrorNotSupported);
  EXPECT(fake::Launched == fake::None);
  Config.attrs = nullptr;
  EXPECT(cuport_hipLaunchKernelExC(&Config, (const void *)kernel, nullptr) == hipErrorInvalidValue);
  EXPECT(cuport_hipLaunchKernelExC(nullptr, (const void *)kernel, nullptr) == hipErrorInvalidValue);
  EXPECT(fake::Launched == fake::None);

  // Limits: only the value already in force "succeeds".
  EXPECT(cuport_hipDeviceSetLimit(hipLimitPrintfFifoSize, 1 << 20) == hipSuccess);
  EXPECT(cuport_hipDeviceSetLimit(hipLimitPrintfFifoSize, 1 << 21) == hipErrorUnsupportedLimit);
  EXPECT(cuport_hipDeviceSetLimit(cuport_hipLimitStackSize, 1024) == hipErrorUnsupportedLimit);
  size_t Limit;
  EXPECT(hipDeviceGetLimit(&Limit, cuport_hipLimitStackSize) == hipErrorUnsupportedLimit);

  // The property ROCm 6.0 reports.
  hipDeviceProp_t Prop = {};
  Prop.maxThreadsPerMultiProcessor = 2048;
  Prop.warpSize = 64;
  EXPECT(cuport_maxBlocksPerMultiProcessor(Prop) == 32);

  // The CUDA version, usable in #if.
#if CUPORT_CUDACC_VER_MAJOR != CUPORT_CUDART_VERSION / 1000 || CUPORT_CUDACC_VER_MAJOR < 9
#error "CUPORT_CUDACC_VER_MAJOR does not follow CUPORT_CUDART_VERSION"
#endif
  std::printf("CUPORT_CUDART_VERSION %d major %d minor %d\n", CUPORT_CUDART_VERSION, CUPORT_CUDACC_VER_MAJOR,
              CUPORT_CUDACC_VER_MINOR);
  if (Failures)
    return 1;
  std::printf("PASSED\n");
  return 0;
}
