//===- HeadersTest.cpp - Layouts and values of cuport's CUDA headers ------===//
//
// cuport's CUDA headers promise CUDA 12's ABI: objects built by nvcc pass
// these structs and enum values to cuport's libcudart. This test pins the
// layouts with offsetof/sizeof against CUDA 12 values and checks the values
// that programs compare against. It builds as plain C++ (no __CUDACC__), the
// way a .cpp file that includes cuda_runtime.h is built, which also checks
// that the headers work in that mode. The C++ templates of cuda_runtime.h are
// exercised against stand-in runtime functions defined below.
//
//===----------------------------------------------------------------------===//

#include <cuda_runtime.h>

#include "gtest/gtest.h"

#include <cstddef>
#include <cstring>
#include <set>
#include <string>

namespace {

//===----------------------------------------------------------------------===//
// cudaDeviceProp
//===----------------------------------------------------------------------===//

// CUDA 12.x (12.0 to 12.9) lays cudaDeviceProp out in 1032 bytes. CUDA 13
// dropped the deprecated fields and is 1008 bytes; that is not the ABI
// cuport implements.
TEST(HeadersTest, DevicePropSizeIsCuda12) {
  EXPECT_EQ(sizeof(cudaDeviceProp), 1032u);
  EXPECT_EQ(alignof(cudaDeviceProp), 8u);
}

TEST(HeadersTest, DevicePropFieldOffsets) {
  struct Expected {
    const char *Field;
    std::size_t Actual;
    std::size_t Want;
  };
#define CUPORT_OFFSET(Field, Want) {#Field, offsetof(cudaDeviceProp, Field), Want}
  const Expected Table[] = {
      CUPORT_OFFSET(name, 0),
      CUPORT_OFFSET(uuid, 256),
      CUPORT_OFFSET(luid, 272),
      CUPORT_OFFSET(luidDeviceNodeMask, 280),
      CUPORT_OFFSET(totalGlobalMem, 288),
      CUPORT_OFFSET(sharedMemPerBlock, 296),
      CUPORT_OFFSET(regsPerBlock, 304),
      CUPORT_OFFSET(warpSize, 308),
      CUPORT_OFFSET(memPitch, 312),
      CUPORT_OFFSET(maxThreadsPerBlock, 320),
      CUPORT_OFFSET(maxThreadsDim, 324),
      CUPORT_OFFSET(maxGridSize, 336),
      CUPORT_OFFSET(clockRate, 348),
      CUPORT_OFFSET(totalConstMem, 352),
      CUPORT_OFFSET(major, 360),
      CUPORT_OFFSET(minor, 364),
      CUPORT_OFFSET(multiProcessorCount, 388),
      CUPORT_OFFSET(computeMode, 404),
      CUPORT_OFFSET(maxTexture1D, 408),
      CUPORT_OFFSET(surfaceAlignment, 568),
      CUPORT_OFFSET(pciBusID, 584),
      CUPORT_OFFSET(memoryClockRate, 608),
      CUPORT_OFFSET(l2CacheSize, 616),
      CUPORT_OFFSET(maxThreadsPerMultiProcessor, 624),
      CUPORT_OFFSET(sharedMemPerMultiprocessor, 640),
      CUPORT_OFFSET(regsPerMultiprocessor, 648),
      CUPORT_OFFSET(cooperativeLaunch, 688),
      CUPORT_OFFSET(sharedMemPerBlockOptin, 696),
      CUPORT_OFFSET(reservedSharedMemPerBlock, 720),
      CUPORT_OFFSET(memoryPoolsSupported, 744),
      CUPORT_OFFSET(unifiedFunctionPointers, 776),
      CUPORT_OFFSET(reserved, 792),
  };
#undef CUPORT_OFFSET
  for (const Expected &E : Table)
    EXPECT_EQ(E.Actual, E.Want) << "cudaDeviceProp::" << E.Field;
}

//===----------------------------------------------------------------------===//
// Other structs
//===----------------------------------------------------------------------===//

TEST(HeadersTest, StructSizes) {
  EXPECT_EQ(sizeof(cudaPointerAttributes), 24u); // CUDA 12: no reserved tail
  EXPECT_EQ(offsetof(cudaPointerAttributes, devicePointer), 8u);
  EXPECT_EQ(sizeof(cudaFuncAttributes), 144u);
  EXPECT_EQ(offsetof(cudaFuncAttributes, maxThreadsPerBlock), 24u);
  EXPECT_EQ(offsetof(cudaFuncAttributes, maxDynamicSharedSizeBytes), 44u);
  EXPECT_EQ(sizeof(cudaLaunchAttributeValue), 64u);
  EXPECT_EQ(sizeof(cudaLaunchAttribute), 72u);
  EXPECT_EQ(offsetof(cudaLaunchAttribute, val), 8u);
  EXPECT_EQ(sizeof(cudaLaunchConfig_t), 56u);
  EXPECT_EQ(offsetof(cudaLaunchConfig_t, dynamicSmemBytes), 24u);
  EXPECT_EQ(offsetof(cudaLaunchConfig_t, numAttrs), 48u);
  EXPECT_EQ(sizeof(cudaExtent), 24u);
  EXPECT_EQ(sizeof(cudaPitchedPtr), 32u);
  EXPECT_EQ(sizeof(cudaMemcpy3DParms), 160u);
  EXPECT_EQ(offsetof(cudaMemcpy3DParms, kind), 152u);
  EXPECT_EQ(sizeof(cudaChannelFormatDesc), 20u);
  EXPECT_EQ(sizeof(cudaIpcMemHandle_t), 64u);
  EXPECT_EQ(sizeof(cudaIpcEventHandle_t), 64u);
  EXPECT_EQ(sizeof(cudaMemPoolProps), 88u);
  EXPECT_EQ(sizeof(cudaUUID_t), 16u);
  EXPECT_EQ(sizeof(cudaKernelNodeParams), 56u);
}

//===----------------------------------------------------------------------===//
// Vector types and dim3
//===----------------------------------------------------------------------===//

TEST(HeadersTest, VectorTypeSizesAndAlignments) {
  struct Expected {
    const char *Type;
    std::size_t Size, Align, WantSize, WantAlign;
  };
#define CUPORT_VEC(T, S, A) {#T, sizeof(T), alignof(T), S, A}
  const Expected Table[] = {
      CUPORT_VEC(char1, 1, 1),       CUPORT_VEC(char2, 2, 2),
      CUPORT_VEC(char3, 3, 1),       CUPORT_VEC(char4, 4, 4),
      CUPORT_VEC(uchar2, 2, 2),      CUPORT_VEC(uchar4, 4, 4),
      CUPORT_VEC(short1, 2, 2),      CUPORT_VEC(short2, 4, 4),
      CUPORT_VEC(short3, 6, 2),      CUPORT_VEC(short4, 8, 8),
      CUPORT_VEC(ushort4, 8, 8),     CUPORT_VEC(int1, 4, 4),
      CUPORT_VEC(int2, 8, 8),        CUPORT_VEC(int3, 12, 4),
      CUPORT_VEC(int4, 16, 16),      CUPORT_VEC(uint2, 8, 8),
      CUPORT_VEC(uint3, 12, 4),      CUPORT_VEC(uint4, 16, 16),
      CUPORT_VEC(long1, 8, 8),       CUPORT_VEC(long2, 16, 16),
      CUPORT_VEC(long3, 24, 8),      CUPORT_VEC(long4, 32, 16),
      CUPORT_VEC(ulong2, 16, 16),    CUPORT_VEC(longlong1, 8, 8),
      CUPORT_VEC(longlong2, 16, 16), CUPORT_VEC(longlong3, 24, 8),
      CUPORT_VEC(longlong4, 32, 16), CUPORT_VEC(ulonglong2, 16, 16),
      CUPORT_VEC(float1, 4, 4),      CUPORT_VEC(float2, 8, 8),
      CUPORT_VEC(float3, 12, 4),     CUPORT_VEC(float4, 16, 16),
      CUPORT_VEC(double1, 8, 8),     CUPORT_VEC(double2, 16, 16),
      CUPORT_VEC(double3, 24, 8),    CUPORT_VEC(double4, 32, 16),
      CUPORT_VEC(dim3, 12, 4),
  };
#undef CUPORT_VEC
  for (const Expected &E : Table) {
    EXPECT_EQ(E.Size, E.WantSize) << "sizeof(" << E.Type << ")";
    EXPECT_EQ(E.Align, E.WantAlign) << "alignof(" << E.Type << ")";
  }
}

TEST(HeadersTest, Dim3DefaultsAndConversions) {
  dim3 D;
  EXPECT_EQ(D.x, 1u);
  EXPECT_EQ(D.y, 1u);
  EXPECT_EQ(D.z, 1u);
  dim3 G(7);
  EXPECT_EQ(G.x, 7u);
  EXPECT_EQ(G.y, 1u);
  EXPECT_EQ(G.z, 1u);
  dim3 B(2, 3);
  EXPECT_EQ(B.z, 1u);
  uint3 U = dim3(4, 5, 6);
  EXPECT_EQ(U.x, 4u);
  EXPECT_EQ(U.y, 5u);
  EXPECT_EQ(U.z, 6u);
  dim3 Back(U);
  EXPECT_EQ(Back.z, 6u);
  constexpr dim3 C(9, 8, 7);
  static_assert(C.y == 8, "dim3 is usable in constant expressions");
}

TEST(HeadersTest, MakeFunctions) {
  float4 F = make_float4(1.f, 2.f, 3.f, 4.f);
  EXPECT_EQ(F.x, 1.f);
  EXPECT_EQ(F.w, 4.f);
  char2 C = make_char2(-1, 5);
  EXPECT_EQ(C.x, -1);
  EXPECT_EQ(C.y, 5);
  ulonglong3 L = make_ulonglong3(1, 2, 1ull << 40);
  EXPECT_EQ(L.z, 1ull << 40);
  double2 Dd = make_double2(0.5, 0.25);
  EXPECT_EQ(Dd.y, 0.25);
  cudaExtent E = make_cudaExtent(1, 2, 3);
  EXPECT_EQ(E.depth, 3u);
  cudaPitchedPtr P = make_cudaPitchedPtr(nullptr, 64, 16, 4);
  EXPECT_EQ(P.pitch, 64u);
  cudaPos Pos = make_cudaPos(4, 5, 6);
  EXPECT_EQ(Pos.y, 5u);
}

//===----------------------------------------------------------------------===//
// Enum values and flags
//===----------------------------------------------------------------------===//

TEST(HeadersTest, ErrorValues) {
  EXPECT_EQ(cudaSuccess, 0);
  EXPECT_EQ(cudaErrorInvalidValue, 1);
  EXPECT_EQ(cudaErrorMemoryAllocation, 2);
  EXPECT_EQ(cudaErrorInitializationError, 3);
  EXPECT_EQ(cudaErrorInvalidConfiguration, 9);
  EXPECT_EQ(cudaErrorInvalidSymbol, 13);
  EXPECT_EQ(cudaErrorInvalidDevicePointer, 17);
  EXPECT_EQ(cudaErrorInvalidMemcpyDirection, 21);
  EXPECT_EQ(cudaErrorMissingConfiguration, 52);
  EXPECT_EQ(cudaErrorInvalidDeviceFunction, 98);
  EXPECT_EQ(cudaErrorNoDevice, 100);
  EXPECT_EQ(cudaErrorInvalidDevice, 101);
  EXPECT_EQ(cudaErrorNoKernelImageForDevice, 209);
  EXPECT_EQ(cudaErrorInvalidResourceHandle, 400);
  EXPECT_EQ(cudaErrorNotReady, 600);
  EXPECT_EQ(cudaErrorIllegalAddress, 700);
  EXPECT_EQ(cudaErrorLaunchOutOfResources, 701);
  EXPECT_EQ(cudaErrorLaunchFailure, 719);
  EXPECT_EQ(cudaErrorNotSupported, 801);
  EXPECT_EQ(cudaErrorStreamCaptureUnsupported, 900);
  EXPECT_EQ(cudaErrorUnknown, 999);
  EXPECT_EQ(cudaErrorApiFailureBase, 10000);
  EXPECT_EQ(sizeof(cudaError_t), sizeof(int));
}

TEST(HeadersTest, ErrorTableRowsAreUniqueAndComplete) {
  struct Row {
    const char *Name;
    int Value;
    const char *String;
  };
  const Row Rows[] = {
#define CUDA_ERROR(Name, Value, String) {#Name, Value, String},
#include "cuport/CudaErrors.def"
  };
#ifdef CUDA_ERROR
  ADD_FAILURE() << "CudaErrors.def must undefine CUDA_ERROR";
#endif
  std::set<int> Values;
  std::set<std::string> Names;
  for (const Row &R : Rows) {
    EXPECT_TRUE(Values.insert(R.Value).second) << "duplicate value " << R.Value;
    EXPECT_TRUE(Names.insert(R.Name).second) << "duplicate name " << R.Name;
    EXPECT_NE(std::strlen(R.String), 0u) << R.Name;
    EXPECT_EQ(std::string(R.Name).rfind("cuda", 0), 0u) << R.Name;
  }
  EXPECT_GE(sizeof(Rows) / sizeof(Rows[0]), 130u);
  EXPECT_EQ(std::string(Rows[0].Name), "cudaSuccess");
  EXPECT_EQ(std::string(Rows[0].String), "no error");
  EXPECT_EQ(Values.count(999), 1u);

  // The enum and the table agree, value by value.
  int Mismatches = 0;
#define CUDA_ERROR(Name, Value, String) Mismatches += (int)Name != Value;
#include "cuport/CudaErrors.def"
  EXPECT_EQ(Mismatches, 0);
}

TEST(HeadersTest, DeviceAttrValues) {
  EXPECT_EQ(cudaDevAttrMaxThreadsPerBlock, 1);
  EXPECT_EQ(cudaDevAttrMaxGridDimZ, 7);
  EXPECT_EQ(cudaDevAttrMaxSharedMemoryPerBlock, 8);
  EXPECT_EQ(cudaDevAttrWarpSize, 10);
  EXPECT_EQ(cudaDevAttrClockRate, 13);
  EXPECT_EQ(cudaDevAttrMultiProcessorCount, 16);
  EXPECT_EQ(cudaDevAttrMaxThreadsPerMultiProcessor, 39);
  EXPECT_EQ(cudaDevAttrMaxTexture2DGatherWidth, 45);
  EXPECT_EQ(cudaDevAttrComputeCapabilityMajor, 75);
  EXPECT_EQ(cudaDevAttrComputeCapabilityMinor, 76);
  EXPECT_EQ(cudaDevAttrManagedMemory, 83);
  EXPECT_EQ(cudaDevAttrCooperativeLaunch, 95);
  EXPECT_EQ(cudaDevAttrMaxSharedMemoryPerBlockOptin, 97);
  EXPECT_EQ(cudaDevAttrMaxBlocksPerMultiprocessor, 106);
  EXPECT_EQ(cudaDevAttrMemoryPoolsSupported, 115);
  EXPECT_EQ(cudaDevAttrClusterLaunch, 120);
  EXPECT_EQ(cudaDevAttrMemSyncDomainCount, 126);
  EXPECT_EQ(cudaDevAttrHostNumaId, 134);
}

TEST(HeadersTest, OtherEnumValues) {
  EXPECT_EQ(cudaMemcpyHostToHost, 0);
  EXPECT_EQ(cudaMemcpyHostToDevice, 1);
  EXPECT_EQ(cudaMemcpyDeviceToHost, 2);
  EXPECT_EQ(cudaMemcpyDeviceToDevice, 3);
  EXPECT_EQ(cudaMemcpyDefault, 4);
  EXPECT_EQ(cudaMemoryTypeManaged, 3);
  EXPECT_EQ(cudaFuncAttributeMaxDynamicSharedMemorySize, 8);
  EXPECT_EQ(cudaFuncAttributeMax, 16);
  EXPECT_EQ(cudaLimitMallocHeapSize, 2);
  EXPECT_EQ(cudaLimitPersistingL2CacheSize, 6);
  EXPECT_EQ(cudaFuncCachePreferEqual, 3);
  EXPECT_EQ(cudaSharedMemBankSizeEightByte, 2);
  EXPECT_EQ(cudaStreamCaptureModeRelaxed, 2);
  EXPECT_EQ(cudaStreamCaptureStatusInvalidated, 2);
  EXPECT_EQ(cudaMemAdviseUnsetAccessedBy, 6);
  EXPECT_EQ(cudaMemRangeAttributeLastPrefetchLocation, 4);
  EXPECT_EQ(cudaChannelFormatKindFloat, 2);
  EXPECT_EQ(cudaLaunchAttributeCooperative, 2);
  EXPECT_EQ(cudaLaunchAttributeMemSyncDomain, 10);
  EXPECT_EQ(cudaGraphNodeTypeMemFree, 0x0b);
  EXPECT_EQ(cudaSharedmemCarveoutDefault, -1);
}

TEST(HeadersTest, FlagMacros) {
  EXPECT_EQ(CUDART_VERSION, 12040);
  EXPECT_EQ(__CUDART_API_VERSION, 12040);
  EXPECT_EQ(cudaStreamLegacy, (cudaStream_t)0x1);
  EXPECT_EQ(cudaStreamPerThread, (cudaStream_t)0x2);
  EXPECT_EQ(cudaStreamNonBlocking, 0x01);
  EXPECT_EQ(cudaEventDisableTiming, 0x02);
  EXPECT_EQ(cudaEventInterprocess, 0x04);
  EXPECT_EQ(cudaHostAllocMapped, 0x02);
  EXPECT_EQ(cudaHostAllocWriteCombined, 0x04);
  EXPECT_EQ(cudaHostRegisterReadOnly, 0x08);
  EXPECT_EQ(cudaDeviceScheduleBlockingSync, 0x04);
  EXPECT_EQ(cudaDeviceMapHost, 0x08);
  EXPECT_EQ(cudaDeviceLmemResizeToMax, 0x10);
  EXPECT_EQ(cudaMemAttachGlobal, 0x01);
  EXPECT_EQ(cudaMemAttachHost, 0x02);
  EXPECT_EQ(cudaMemAttachSingle, 0x04);
  EXPECT_EQ(cudaCpuDeviceId, -1);
  EXPECT_EQ(cudaInvalidDeviceId, -2);
  EXPECT_EQ(cudaOccupancyDisableCachingOverride, 0x01);
  EXPECT_EQ(cudaArraySurfaceLoadStore, 0x02);
}

} // namespace

//===----------------------------------------------------------------------===//
// The C++ templates of cuda_runtime.h, against stand-in runtime functions
//===----------------------------------------------------------------------===//

// A small fake device for the occupancy search: 1536 threads and 16 blocks
// per multiprocessor, 32-wide warps, 64 KiB of shared memory per
// multiprocessor, 80 multiprocessors.
namespace {
struct FakeRuntime {
  int FuncMaxThreadsPerBlock = 1024;
  size_t StaticSharedPerBlock = 0;
  int OccupancyQueries = 0;
  const void *LastKernel = nullptr;
  void **LastArgs = nullptr;
  float LaunchedFloat = 0;
  long LaunchedLong = 0;
};
FakeRuntime Fake;

void fakeKernel(float, long) {}
void otherKernel(int) {}
} // namespace

extern "C" {
cudaError_t cudaGetDevice(int *Device) {
  *Device = 0;
  return cudaSuccess;
}

cudaError_t cudaDeviceGetAttribute(int *Value, enum cudaDeviceAttr Attr,
                                   int) {
  switch (Attr) {
  case cudaDevAttrMaxThreadsPerMultiProcessor:
    *Value = 1536;
    return cudaSuccess;
  case cudaDevAttrWarpSize:
    *Value = 32;
    return cudaSuccess;
  case cudaDevAttrMaxThreadsPerBlock:
    *Value = 1024;
    return cudaSuccess;
  case cudaDevAttrMultiProcessorCount:
    *Value = 80;
    return cudaSuccess;
  default:
    return cudaErrorInvalidValue;
  }
}

cudaError_t cudaFuncGetAttributes(struct cudaFuncAttributes *Attr,
                                  const void *) {
  std::memset(Attr, 0, sizeof(*Attr));
  Attr->maxThreadsPerBlock = Fake.FuncMaxThreadsPerBlock;
  Attr->sharedSizeBytes = Fake.StaticSharedPerBlock;
  return cudaSuccess;
}

cudaError_t cudaOccupancyMaxActiveBlocksPerMultiprocessorWithFlags(
    int *NumBlocks, const void *, int BlockSize, size_t DynamicSMem,
    unsigned int) {
  ++Fake.OccupancyQueries;
  int ByThreads = 1536 / BlockSize;
  int ByBlocks = 16;
  size_t PerBlock = Fake.StaticSharedPerBlock + DynamicSMem;
  int BySmem = PerBlock ? (int)((64 * 1024) / PerBlock) : 1 << 30;
  int N = ByThreads < ByBlocks ? ByThreads : ByBlocks;
  *NumBlocks = N < BySmem ? N : BySmem;
  return cudaSuccess;
}

cudaError_t cudaLaunchKernelExC(const cudaLaunchConfig_t *, const void *Func,
                                void **Args) {
  Fake.LastKernel = Func;
  Fake.LastArgs = Args;
  // The runtime copies argument values at launch; do the same here.
  std::memcpy(&Fake.LaunchedFloat, Args[0], sizeof(float));
  std::memcpy(&Fake.LaunchedLong, Args[1], sizeof(long));
  return cudaSuccess;
}
} // extern "C"

namespace {

TEST(HeadersTest, MaxPotentialBlockSizeWithoutSharedMemory) {
  Fake = FakeRuntime();
  int MinGrid = 0, Block = 0;
  ASSERT_EQ(cudaOccupancyMaxPotentialBlockSize(&MinGrid, &Block, fakeKernel),
            cudaSuccess);
  // Walking down from 1024 in warp steps, 768 is the first size that fills
  // the multiprocessor (2 x 768 = 1536), and the search stops there.
  EXPECT_EQ(Block, 768);
  EXPECT_EQ(MinGrid, 2 * 80);
  EXPECT_EQ(Fake.OccupancyQueries, 9);
}

TEST(HeadersTest, MaxPotentialBlockSizeLimitedBySharedMemory) {
  Fake = FakeRuntime();
  int MinGrid = 0, Block = 0;
  // 40 KiB per block: one block per multiprocessor whatever the size, so
  // nothing fills it, every multiple of 32 is tried, and the largest wins.
  ASSERT_EQ(cudaOccupancyMaxPotentialBlockSize(&MinGrid, &Block, fakeKernel,
                                               40 * 1024),
            cudaSuccess);
  EXPECT_EQ(Block, 1024);
  EXPECT_EQ(MinGrid, 80);
  EXPECT_EQ(Fake.OccupancyQueries, 32);
}

TEST(HeadersTest, MaxPotentialBlockSizeHonoursLimits) {
  Fake = FakeRuntime();
  Fake.FuncMaxThreadsPerBlock = 100; // e.g. __launch_bounds__(100)
  int MinGrid = 0, Block = 0;
  ASSERT_EQ(cudaOccupancyMaxPotentialBlockSize(&MinGrid, &Block, fakeKernel),
            cudaSuccess);
  // The first candidate is the limit itself (100, not 128): 15 blocks, 1500
  // threads. The next, 96, fits 16 blocks and fills the multiprocessor.
  EXPECT_EQ(Block, 96);
  EXPECT_EQ(MinGrid, 16 * 80);
  EXPECT_EQ(Fake.OccupancyQueries, 2);

  Fake = FakeRuntime();
  ASSERT_EQ(cudaOccupancyMaxPotentialBlockSize(&MinGrid, &Block, fakeKernel,
                                               0, 256),
            cudaSuccess);
  EXPECT_EQ(Block, 256);
  EXPECT_EQ(MinGrid, 6 * 80);
}

TEST(HeadersTest, MaxPotentialBlockSizeVariableSMem) {
  Fake = FakeRuntime();
  int MinGrid = 0, Block = 0;
  // 64 bytes of dynamic shared memory per thread: at most 1024 threads are
  // resident whatever the block size, so the largest size wins the tie.
  auto PerThread = [](int BlockSize) { return (size_t)BlockSize * 64; };
  ASSERT_EQ(cudaOccupancyMaxPotentialBlockSizeVariableSMem(
                &MinGrid, &Block, fakeKernel, PerThread),
            cudaSuccess);
  EXPECT_EQ(Block, 1024);
  EXPECT_EQ(MinGrid, 80);
}

TEST(HeadersTest, MaxPotentialBlockSizeRejectsNullOutputs) {
  int Block = 0;
  EXPECT_EQ(cudaOccupancyMaxPotentialBlockSize(nullptr, &Block, fakeKernel),
            cudaErrorInvalidValue);
}

TEST(HeadersTest, LaunchKernelExConvertsArguments) {
  Fake = FakeRuntime();
  cudaLaunchConfig_t Config = {};
  Config.gridDim = dim3(1);
  Config.blockDim = dim3(32);
  // An int and a short become the kernel's float and long.
  short S = 7;
  ASSERT_EQ(cudaLaunchKernelEx(&Config, fakeKernel, 3, S), cudaSuccess);
  EXPECT_EQ(Fake.LastKernel, (const void *)fakeKernel);
  EXPECT_EQ(Fake.LaunchedFloat, 3.0f);
  EXPECT_EQ(Fake.LaunchedLong, 7L);
  (void)otherKernel;
}

} // namespace
