//===- RuntimeOpenCLTest.cpp - libcudart on the OpenCL target -------------===//
//
// Drives cuport's libcudart through its C API the way compiled CUDA programs
// do, without the compiler: kernels from Inputs/RuntimeTestKernels.cu are
// compiled to SPIR-V at build time, packed into a cuport fat binary here,
// and registered from a static constructor (before main, as Clang's module
// constructors do) with fake host stub addresses. Launches go through
// __cudaPushCallConfiguration/__cudaPopCallConfiguration/cudaLaunchKernel.
//
// Tests that need a device skip when no OpenCL device exists. Tests of
// process-wide behaviour (lazy target loading, the disk cache across runs,
// no device at all) run the binary again as a child with a DISABLED_ test
// selected and a chosen environment.
//
//===----------------------------------------------------------------------===//
#define CL_TARGET_OPENCL_VERSION 300
#include <CL/cl.h>

#include "ChildProcess.h"
#include "CuportRuntime.h"
#include "DeviceSkip.h"
#include "cuda_runtime_api.h"
#include "fatbin/FatBinary.h"

#include <gtest/gtest.h>

#include <dirent.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <numeric>
#include <string>
#include <thread>
#include <vector>

// The registration ABI (crt/host_runtime.h in CUDA; Clang declares these
// itself in the code it generates).
extern "C" {
void **__cudaRegisterFatBinary(void *fatCubin);
void __cudaRegisterFatBinaryEnd(void **fatCubinHandle);
void __cudaUnregisterFatBinary(void **fatCubinHandle);
void __cudaRegisterFunction(void **fatCubinHandle, const char *hostFun, char *deviceFun,
                            const char *deviceName, int thread_limit, uint3 *tid,
                            uint3 *bid, dim3 *bDim, dim3 *gDim, int *wSize);
unsigned __cudaPushCallConfiguration(dim3 gridDim, dim3 blockDim, size_t sharedMem,
                                     void *stream);
cudaError_t __cudaPopCallConfiguration(dim3 *gridDim, dim3 *blockDim, size_t *sharedMem,
                                       void **stream);
}

using namespace cuport::fatbin;

namespace {

//===----------------------------------------------------------------------===//
// The test program's "compiled" CUDA code
//===----------------------------------------------------------------------===//

struct Params { // Must match RuntimeTestKernels.cu.
  int Scale;
  int Offset;
  double Bias;
};

// Host stubs: only their addresses matter.
char SaxpyStub, AffineStub, CoordsStub, BlockSumStub, NvidiaStub, GarbageStub, RdcStub,
    NeverRegisteredStub, BadSpirvStub, ArgCountStub, ArgKindStub;

constexpr const char *SaxpyName = "_Z5saxpyfPKfPfi";
constexpr const char *AffineName = "_Z6affine6ParamsPij";
constexpr const char *CoordsName = "_Z6coordsPj";
constexpr const char *BlockSumName = "_Z8blockSumPKiPiPU3AS3i";

KernelInfo kernel(const char *Name, std::vector<KernelArg> Args, uint32_t Flags = 0) {
  KernelInfo K;
  K.Name = Name;
  K.Args = std::move(Args);
  K.Flags = Flags;
  return K;
}

std::vector<uint8_t> readFile(const std::string &Path) {
  std::ifstream In(Path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(In), {});
}

struct Wrapper { // Clang's __fatBinC_Wrapper_t.
  int Magic;
  int Version;
  const void *Data;
  void *Unused;
};

struct Registered {
  std::vector<uint8_t> Main, Linked, Stub, Nvidia, Garbage, BadSpirv, ArgCount, ArgKind;
  Wrapper MainW, LinkedW, StubW, NvidiaW, GarbageW, BadSpirvW, ArgCountW, ArgKindW;
  bool HaveSpirv = false;
};

void registerOne(Wrapper &W, const std::vector<uint8_t> &Bytes,
                 std::vector<std::pair<char *, const char *>> Functions) {
  W = {0x466243b1, 1, Bytes.data(), nullptr};
  void **H = __cudaRegisterFatBinary(&W);
  for (auto &F : Functions)
    __cudaRegisterFunction(H, F.first, const_cast<char *>(F.second), F.second, -1,
                           nullptr, nullptr, nullptr, nullptr, nullptr);
  __cudaRegisterFatBinaryEnd(H);
}

/// Runs before main, like Clang's __cuda_module_ctor.
Registered &registration() {
  static Registered *R = [] {
    auto *R = new Registered();
    Image Spirv;
    Spirv.Kind = ImageKind::SPIRV;
    Spirv.Arch = "spirv64";
    Spirv.Data = readFile(CUPORT_TEST_SPIRV);
    R->HaveSpirv = Spirv.Data.size() > 20;

    FatBinary Main;
    Main.Images.push_back(Spirv);
    Main.Kernels = {
        kernel(SaxpyName, {{ArgKind::Value, 4, 4},
                           {ArgKind::GlobalPointer, 8, 8},
                           {ArgKind::GlobalPointer, 8, 8},
                           {ArgKind::Value, 4, 4}}),
        kernel(AffineName, {{ArgKind::Value, sizeof(Params), alignof(Params)},
                            {ArgKind::GlobalPointer, 8, 8},
                            {ArgKind::Value, 4, 4}}),
        kernel(CoordsName, {{ArgKind::GlobalPointer, 8, 8}}),
        kernel(BlockSumName,
               {{ArgKind::GlobalPointer, 8, 8},
                {ArgKind::GlobalPointer, 8, 8},
                {ArgKind::DynamicShared, 0, 4}},
               KF_UsesDynamicShared),
    };
    R->Main = serialize(Main);
    registerOne(R->MainW, R->Main,
                {{&SaxpyStub, SaxpyName},
                 {&AffineStub, AffineName},
                 {&CoordsStub, CoordsName},
                 {&BlockSumStub, BlockSumName}});

    // -rdc: a stub container without code whose kernel lives in a
    // device-linked container registered after it.
    FatBinary Stub;
    Stub.Flags = CF_RelocatableStub;
    R->Stub = serialize(Stub);
    registerOne(R->StubW, R->Stub, {{&RdcStub, SaxpyName}});
    FatBinary Linked = Main;
    Linked.Flags = CF_DeviceLinked;
    R->Linked = serialize(Linked);
    registerOne(R->LinkedW, R->Linked, {});

    // Containers that are well-formed but whose code or metadata is wrong.
    FatBinary Bad;
    Image Junk = Spirv;
    Junk.Data = {0x03, 0x02, 0x23, 0x07, 0x00, 0x00, 0x01, 0x00, 0, 0, 0, 0,
                 0x10, 0, 0, 0, 0, 0, 0, 0};
    for (int I = 0; I < 64; ++I)
      Junk.Data.push_back(uint8_t(I * 37 + 11));
    Bad.Images.push_back(Junk);
    Bad.Kernels = {kernel("_Z4junkv", {})};
    R->BadSpirv = serialize(Bad);
    registerOne(R->BadSpirvW, R->BadSpirv, {{&BadSpirvStub, "_Z4junkv"}});
    FatBinary Count = Main;
    Count.Kernels = {kernel(SaxpyName, {{ArgKind::Value, 4, 4}, {ArgKind::GlobalPointer, 8, 8}})};
    R->ArgCount = serialize(Count);
    registerOne(R->ArgCountW, R->ArgCount, {{&ArgCountStub, SaxpyName}});
    FatBinary Kind = Main;
    Kind.Kernels = {kernel(SaxpyName, {{ArgKind::Value, 4, 4},
                                       {ArgKind(9), 8, 8},
                                       {ArgKind::GlobalPointer, 8, 8},
                                       {ArgKind::Value, 4, 4}})};
    R->ArgKind = serialize(Kind);
    registerOne(R->ArgKindW, R->ArgKind, {{&ArgKindStub, SaxpyName}});

    // An object built by nvcc, and one holding garbage.
    R->Nvidia.assign(64, 0);
    const uint32_t NvMagic = 0xBA55ED50u;
    std::memcpy(R->Nvidia.data(), &NvMagic, 4);
    registerOne(R->NvidiaW, R->Nvidia, {{&NvidiaStub, "_Z6nvidiav"}});
    R->Garbage.assign(64, 0x5A);
    registerOne(R->GarbageW, R->Garbage, {{&GarbageStub, "_Z7garbagev"}});
    return R;
  }();
  return *R;
}

// Registration happens during static initialization, before main.
const bool RegisteredAtStartup = (registration(), true);

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

using cuport_test::haveDevice;
#define REQUIRE_DEVICE() CUPORT_REQUIRE_DEVICE(registration().HaveSpirv)

/// What Clang generates for `kernel<<<G, B, Shm, S>>>(args)`: push at the
/// call site; pop and cudaLaunchKernel in the stub. The result is dropped,
/// as in CUDA source; errors surface through cudaGetLastError.
void launchLikeClang(const void *Stub, dim3 G, dim3 B, std::vector<void *> Args,
                     size_t Shm = 0, cudaStream_t S = nullptr) {
  if (__cudaPushCallConfiguration(G, B, Shm, S) != 0)
    return;
  dim3 PG, PB;
  size_t PShm;
  void *PS;
  if (__cudaPopCallConfiguration(&PG, &PB, &PShm, &PS) != cudaSuccess)
    return;
  (void)cudaLaunchKernel(Stub, PG, PB, Args.data(), PShm, (cudaStream_t)PS);
}

template <typename T> struct DeviceBuffer {
  T *Ptr = nullptr;
  size_t N;
  explicit DeviceBuffer(size_t N) : N(N) {
    EXPECT_EQ(cudaMalloc((void **)&Ptr, N * sizeof(T)), cudaSuccess);
  }
  ~DeviceBuffer() { cudaFree(Ptr); }
  size_t bytes() const { return N * sizeof(T); }
};

//===----------------------------------------------------------------------===//
// Child processes
//===----------------------------------------------------------------------===//

using cuport::test::Child;
using cuport::test::runChild;

std::string makeTempDir() {
  char Template[] = "/tmp/cuport-rt-test-XXXXXX";
  const char *D = mkdtemp(Template);
  return D ? D : "";
}

void removeTree(const std::string &Path) {
  if (DIR *D = opendir(Path.c_str())) {
    while (dirent *E = readdir(D)) {
      std::string Name = E->d_name;
      if (Name == "." || Name == "..")
        continue;
      std::string Sub = Path + "/" + Name;
      struct stat St;
      if (lstat(Sub.c_str(), &St) == 0 && S_ISDIR(St.st_mode))
        removeTree(Sub);
      else
        unlink(Sub.c_str());
    }
    closedir(D);
  }
  rmdir(Path.c_str());
}

std::vector<std::string> filesIn(const std::string &Dir) {
  std::vector<std::string> Out;
  if (DIR *D = opendir(Dir.c_str())) {
    while (dirent *E = readdir(D))
      if (E->d_name[0] != '.')
        Out.push_back(Dir + "/" + E->d_name);
    closedir(D);
  }
  return Out;
}

/// Value of "key=<n>" in a child's output.
long long field(const std::string &Out, const std::string &Key) {
  size_t P = Out.find(" " + Key + "=");
  return P == std::string::npos ? -1 : std::atoll(Out.c_str() + P + Key.size() + 2);
}

} // namespace

//===----------------------------------------------------------------------===//
// Launches
//===----------------------------------------------------------------------===//

TEST(Launch, SaxpyMatchesHostReference) {
  REQUIRE_DEVICE();
  const int N = 1000; // Not a multiple of the block size.
  std::vector<float> X(N), Y(N), Expected(N);
  for (int I = 0; I < N; ++I) {
    X[I] = float(I) * 0.5f;
    Y[I] = float(N - I);
    Expected[I] = 3.0f * X[I] + Y[I];
  }
  DeviceBuffer<float> DX(N), DY(N);
  ASSERT_EQ(cudaMemcpy(DX.Ptr, X.data(), DX.bytes(), cudaMemcpyHostToDevice), cudaSuccess);
  ASSERT_EQ(cudaMemcpy(DY.Ptr, Y.data(), DY.bytes(), cudaMemcpyHostToDevice), cudaSuccess);
  float A = 3.0f;
  int Count = N;
  launchLikeClang(&SaxpyStub, dim3((N + 127) / 128), dim3(128), {&A, &DX.Ptr, &DY.Ptr, &Count});
  ASSERT_EQ(cudaGetLastError(), cudaSuccess);
  ASSERT_EQ(cudaDeviceSynchronize(), cudaSuccess);
  std::vector<float> Out(N);
  ASSERT_EQ(cudaMemcpy(Out.data(), DY.Ptr, DY.bytes(), cudaMemcpyDeviceToHost), cudaSuccess);
  for (int I = 0; I < N; ++I)
    ASSERT_FLOAT_EQ(Out[I], Expected[I]) << "at " << I;
}

TEST(Launch, StructPassedByValue) {
  REQUIRE_DEVICE();
  const unsigned N = 300;
  DeviceBuffer<int> Out(N);
  Params P{7, -3, 100.75};
  unsigned Count = N;
  ASSERT_EQ(cudaLaunchKernel(&AffineStub, dim3(3), dim3(128),
                             std::vector<void *>{&P, &Out.Ptr, &Count}.data(), 0, nullptr),
            cudaSuccess);
  std::vector<int> Host(N);
  ASSERT_EQ(cudaMemcpy(Host.data(), Out.Ptr, Out.bytes(), cudaMemcpyDeviceToHost), cudaSuccess);
  for (unsigned I = 0; I < N; ++I)
    ASSERT_EQ(Host[I], int(I) * 7 - 3 + 100) << "at " << I;
}

TEST(Launch, ThreeDimensionalGridAndBlock) {
  REQUIRE_DEVICE();
  const dim3 Grid(2, 3, 2), Block(4, 2, 3);
  const unsigned Total = 2 * 4 * 3 * 2 * 2 * 3;
  DeviceBuffer<unsigned> Out(Total);
  ASSERT_EQ(cudaMemset(Out.Ptr, 0, Out.bytes()), cudaSuccess);
  launchLikeClang(&CoordsStub, Grid, Block, {&Out.Ptr});
  ASSERT_EQ(cudaGetLastError(), cudaSuccess);
  std::vector<unsigned> Host(Total);
  ASSERT_EQ(cudaMemcpy(Host.data(), Out.Ptr, Out.bytes(), cudaMemcpyDeviceToHost), cudaSuccess);
  for (unsigned I = 0; I < Total; ++I)
    ASSERT_EQ(Host[I], I + 1) << "thread " << I << " did not run exactly once";
}

TEST(Launch, DynamicSharedMemory) {
  REQUIRE_DEVICE();
  const unsigned Blocks = 5, Threads = 64;
  std::vector<int> In(Blocks * Threads);
  std::iota(In.begin(), In.end(), 1);
  DeviceBuffer<int> DIn(In.size()), DOut(Blocks);
  ASSERT_EQ(cudaMemcpy(DIn.Ptr, In.data(), DIn.bytes(), cudaMemcpyHostToDevice), cudaSuccess);
  launchLikeClang(&BlockSumStub, dim3(Blocks), dim3(Threads), {&DIn.Ptr, &DOut.Ptr},
                  Threads * sizeof(int));
  ASSERT_EQ(cudaGetLastError(), cudaSuccess);
  std::vector<int> Out(Blocks);
  ASSERT_EQ(cudaMemcpy(Out.data(), DOut.Ptr, DOut.bytes(), cudaMemcpyDeviceToHost), cudaSuccess);
  for (unsigned B = 0; B < Blocks; ++B) {
    int Expected = 0;
    for (unsigned T = 0; T < Threads; ++T)
      Expected += In[B * Threads + T];
    EXPECT_EQ(Out[B], Expected) << "block " << B;
  }
}

TEST(Launch, GridXBeyond65535) {
  REQUIRE_DEVICE();
  const int N = 70001; // One thread per block: grid.x = 70001 > 65535.
  std::vector<float> X(N, 1.0f), Y(N);
  for (int I = 0; I < N; ++I)
    Y[I] = float(I);
  DeviceBuffer<float> DX(N), DY(N);
  ASSERT_EQ(cudaMemcpy(DX.Ptr, X.data(), DX.bytes(), cudaMemcpyHostToDevice), cudaSuccess);
  ASSERT_EQ(cudaMemcpy(DY.Ptr, Y.data(), DY.bytes(), cudaMemcpyHostToDevice), cudaSuccess);
  float A = 2.0f;
  int Count = N;
  launchLikeClang(&SaxpyStub, dim3(N), dim3(1), {&A, &DX.Ptr, &DY.Ptr, &Count});
  ASSERT_EQ(cudaGetLastError(), cudaSuccess);
  std::vector<float> Out(N);
  ASSERT_EQ(cudaMemcpy(Out.data(), DY.Ptr, DY.bytes(), cudaMemcpyDeviceToHost), cudaSuccess);
  EXPECT_FLOAT_EQ(Out[0], 2.0f);
  EXPECT_FLOAT_EQ(Out[65535], 65537.0f);
  EXPECT_FLOAT_EQ(Out[N - 1], float(N - 1) + 2.0f);
}

TEST(Launch, InvalidConfigurationsReportedThroughGetLastError) {
  REQUIRE_DEVICE();
  cudaDeviceProp P;
  ASSERT_EQ(cudaGetDeviceProperties(&P, 0), cudaSuccess);
  DeviceBuffer<float> D(16);
  float A = 1.0f;
  int Count = 16;
  std::vector<void *> Args = {&A, &D.Ptr, &D.Ptr, &Count};
  struct Case {
    dim3 Grid, Block;
    size_t Shm;
    cudaError_t Expected;
  } Cases[] = {
      {dim3(0), dim3(32), 0, cudaErrorInvalidConfiguration},
      {dim3(1, 0), dim3(32), 0, cudaErrorInvalidConfiguration},
      {dim3(1, 1, 0), dim3(32), 0, cudaErrorInvalidConfiguration},
      {dim3(1), dim3(0), 0, cudaErrorInvalidConfiguration},
      {dim3(1), dim3(1, 0), 0, cudaErrorInvalidConfiguration},
      {dim3(1), dim3(1, 1, 0), 0, cudaErrorInvalidConfiguration},
      {dim3(1), dim3(unsigned(P.maxThreadsPerBlock) + 1), 0, cudaErrorInvalidConfiguration},
      {dim3(1), dim3(unsigned(P.maxThreadsDim[0]) + 1), 0, cudaErrorInvalidConfiguration},
      {dim3(1), dim3(1, 1, unsigned(P.maxThreadsDim[2]) + 1), 0,
       cudaErrorInvalidConfiguration},
      {dim3(1, unsigned(P.maxGridSize[1]) + 1), dim3(1), 0, cudaErrorInvalidConfiguration},
      {dim3(1, 1, unsigned(P.maxGridSize[2]) + 1), dim3(1), 0, cudaErrorInvalidConfiguration},
      {dim3(1), dim3(32), P.sharedMemPerBlock + 1, cudaErrorInvalidValue},
  };
  for (const Case &C : Cases) {
    launchLikeClang(&SaxpyStub, C.Grid, C.Block, Args, C.Shm);
    EXPECT_EQ(cudaGetLastError(), C.Expected)
        << "grid " << C.Grid.x << "x" << C.Grid.y << "x" << C.Grid.z << " block "
        << C.Block.x << "x" << C.Block.y << "x" << C.Block.z << " shm " << C.Shm;
    EXPECT_EQ(cudaGetLastError(), cudaSuccess) << "cudaGetLastError must reset";
  }
  // The direct call returns the same code.
  EXPECT_EQ(cudaLaunchKernel(&SaxpyStub, dim3(0), dim3(1), Args.data(), 0, nullptr),
            cudaErrorInvalidConfiguration);
  cudaGetLastError();
}

TEST(Launch, UnregisteredFunctionIsInvalidDeviceFunction) {
  REQUIRE_DEVICE();
  void *NoArgs[1] = {nullptr};
  EXPECT_EQ(cudaLaunchKernel(&NeverRegisteredStub, dim3(1), dim3(1), NoArgs, 0, nullptr),
            cudaErrorInvalidDeviceFunction);
  EXPECT_EQ(cudaGetLastError(), cudaErrorInvalidDeviceFunction);
  EXPECT_EQ(cudaLaunchKernel(nullptr, dim3(1), dim3(1), NoArgs, 0, nullptr),
            cudaErrorInvalidDeviceFunction);
  cudaGetLastError();
}

TEST(Launch, ForeignDeviceCodeIsRejectedWithoutCrashing) {
  REQUIRE_DEVICE();
  void *NoArgs[1] = {nullptr};
  for (int Round = 0; Round < 2; ++Round) { // The message is printed once.
    EXPECT_EQ(cudaLaunchKernel(&NvidiaStub, dim3(1), dim3(1), NoArgs, 0, nullptr),
              cudaErrorNoKernelImageForDevice);
    EXPECT_EQ(cudaLaunchKernel(&GarbageStub, dim3(1), dim3(1), NoArgs, 0, nullptr),
              cudaErrorNoKernelImageForDevice);
  }
  cudaGetLastError();
  // Other kernels are unaffected (not a sticky error).
  EXPECT_EQ(cudaDeviceSynchronize(), cudaSuccess);
}

TEST(Launch, BrokenImagesAndMetadataFailCleanly) {
  REQUIRE_DEVICE();
  void *NoArgs[1] = {nullptr};
  // SPIR-V with a valid header and a garbage body: the build fails, every
  // launch reports it, nothing crashes.
  for (int Round = 0; Round < 2; ++Round)
    EXPECT_EQ(cudaLaunchKernel(&BadSpirvStub, dim3(1), dim3(1), NoArgs, 0, nullptr),
              cudaErrorInvalidKernelImage);
  DeviceBuffer<float> D(4);
  float A = 1.0f;
  int Count = 4;
  std::vector<void *> Args = {&A, &D.Ptr, &D.Ptr, &Count};
  // Metadata with the wrong argument count, or an argument kind this
  // runtime does not know.
  EXPECT_EQ(cudaLaunchKernel(&ArgCountStub, dim3(1), dim3(4), Args.data(), 0, nullptr),
            cudaErrorInvalidKernelImage);
  EXPECT_EQ(cudaLaunchKernel(&ArgKindStub, dim3(1), dim3(4), Args.data(), 0, nullptr),
            cudaErrorInvalidKernelImage);
  EXPECT_EQ(cudaGetLastError(), cudaErrorInvalidKernelImage);
  // A null args array for a kernel that takes arguments.
  EXPECT_EQ(cudaLaunchKernel(&SaxpyStub, dim3(1), dim3(4), nullptr, 0, nullptr),
            cudaErrorInvalidValue);
  cudaGetLastError();
  // None of this is sticky.
  EXPECT_EQ(cudaDeviceSynchronize(), cudaSuccess);
  launchLikeClang(&SaxpyStub, dim3(1), dim3(4), Args);
  EXPECT_EQ(cudaGetLastError(), cudaSuccess);
}

TEST(Launch, ConcurrentLaunchesFromManyThreads) {
  REQUIRE_DEVICE();
  const int Threads = 8, N = 2048, Rounds = 20;
  std::vector<std::thread> Pool;
  std::vector<int> Failures(Threads, 0);
  for (int T = 0; T < Threads; ++T)
    Pool.emplace_back([&, T] {
      int *D = nullptr;
      if (cudaMalloc((void **)&D, N * sizeof(int)) != cudaSuccess) {
        ++Failures[T];
        return;
      }
      for (int R = 0; R < Rounds; ++R) {
        Params P{T + 1, R, 0.0};
        unsigned Count = N;
        launchLikeClang(&AffineStub, dim3(N / 256), dim3(256), {&P, &D, &Count});
        if (cudaGetLastError() != cudaSuccess)
          ++Failures[T];
        std::vector<int> H(N);
        if (cudaMemcpy(H.data(), D, N * sizeof(int), cudaMemcpyDeviceToHost) != cudaSuccess)
          ++Failures[T];
        for (int I = 0; I < N; ++I)
          if (H[I] != I * (T + 1) + R) {
            ++Failures[T];
            break;
          }
      }
      cudaFree(D);
    });
  for (std::thread &T : Pool)
    T.join();
  for (int T = 0; T < Threads; ++T)
    EXPECT_EQ(Failures[T], 0) << "thread " << T;
}

TEST(Launch, RelocatableStubFindsDeviceLinkedCode) {
  REQUIRE_DEVICE();
  DeviceBuffer<float> DX(4), DY(4);
  std::vector<float> X = {1, 2, 3, 4}, Y = {10, 20, 30, 40};
  ASSERT_EQ(cudaMemcpy(DX.Ptr, X.data(), 16, cudaMemcpyHostToDevice), cudaSuccess);
  ASSERT_EQ(cudaMemcpy(DY.Ptr, Y.data(), 16, cudaMemcpyHostToDevice), cudaSuccess);
  float A = 10.0f;
  int Count = 4;
  launchLikeClang(&RdcStub, dim3(1), dim3(4), {&A, &DX.Ptr, &DY.Ptr, &Count});
  ASSERT_EQ(cudaGetLastError(), cudaSuccess);
  ASSERT_EQ(cudaMemcpy(Y.data(), DY.Ptr, 16, cudaMemcpyDeviceToHost), cudaSuccess);
  EXPECT_EQ(Y, (std::vector<float>{20, 40, 60, 80}));
}

TEST(Launch, PopWithoutPushIsAnError) {
  dim3 G, B;
  size_t S;
  void *St;
  EXPECT_EQ(__cudaPopCallConfiguration(&G, &B, &S, &St), cudaErrorMissingConfiguration);
  cudaGetLastError();
  // Nested configurations pop in LIFO order.
  ASSERT_EQ(__cudaPushCallConfiguration(dim3(1), dim3(2), 3, nullptr), 0u);
  ASSERT_EQ(__cudaPushCallConfiguration(dim3(4), dim3(5), 6, nullptr), 0u);
  ASSERT_EQ(__cudaPopCallConfiguration(&G, &B, &S, &St), cudaSuccess);
  EXPECT_EQ(G.x, 4u);
  EXPECT_EQ(S, 6u);
  ASSERT_EQ(__cudaPopCallConfiguration(&G, &B, &S, &St), cudaSuccess);
  EXPECT_EQ(B.x, 2u);
  EXPECT_EQ(S, 3u);
}

//===----------------------------------------------------------------------===//
// Memory
//===----------------------------------------------------------------------===//

TEST(Memory, CopiesOfEveryKind) {
  REQUIRE_DEVICE();
  const size_t N = 4096 + 3;
  std::vector<uint8_t> Src(N), Back(N, 0);
  for (size_t I = 0; I < N; ++I)
    Src[I] = uint8_t(I * 7 + 1);
  DeviceBuffer<uint8_t> A(N), B(N);
  // CUDA promises 256; OpenCL devices promise their largest type, 128.
  EXPECT_EQ(reinterpret_cast<uintptr_t>(A.Ptr) % 128, 0u);
  uint8_t *Pinned = nullptr;
  ASSERT_EQ(cudaMallocHost((void **)&Pinned, N), cudaSuccess);

  ASSERT_EQ(cudaMemcpy(A.Ptr, Src.data(), N, cudaMemcpyHostToDevice), cudaSuccess);
  ASSERT_EQ(cudaMemcpy(B.Ptr, A.Ptr, N, cudaMemcpyDeviceToDevice), cudaSuccess);
  ASSERT_EQ(cudaMemcpy(Pinned, B.Ptr, N, cudaMemcpyDeviceToHost), cudaSuccess);
  ASSERT_EQ(cudaMemcpy(Back.data(), Pinned, N, cudaMemcpyHostToHost), cudaSuccess);
  EXPECT_EQ(Back, Src);

  // cudaMemcpyDefault infers each side from the allocation table.
  std::vector<uint8_t> Back2(N, 0);
  ASSERT_EQ(cudaMemset(A.Ptr, 0, N), cudaSuccess);
  ASSERT_EQ(cudaMemcpy(A.Ptr, Src.data(), N, cudaMemcpyDefault), cudaSuccess);   // H->D
  ASSERT_EQ(cudaMemset(B.Ptr, 0, N), cudaSuccess);
  ASSERT_EQ(cudaMemcpy(B.Ptr, A.Ptr, N, cudaMemcpyDefault), cudaSuccess);        // D->D
  ASSERT_EQ(cudaMemcpy(Back2.data(), B.Ptr, N, cudaMemcpyDefault), cudaSuccess); // D->H
  EXPECT_EQ(Back2, Src);
  std::vector<uint8_t> Back3(N, 0);
  ASSERT_EQ(cudaMemcpy(Back3.data(), Back2.data(), N, cudaMemcpyDefault), cudaSuccess); // H->H
  EXPECT_EQ(Back3, Src);

  // Offsets inside an allocation are fine.
  std::vector<uint8_t> Part(100);
  ASSERT_EQ(cudaMemcpy(Part.data(), B.Ptr + 1000, 100, cudaMemcpyDeviceToHost), cudaSuccess);
  EXPECT_TRUE(std::equal(Part.begin(), Part.end(), Src.begin() + 1000));
  // Zero bytes is a no-op even with odd pointers.
  EXPECT_EQ(cudaMemcpy(nullptr, nullptr, 0, cudaMemcpyHostToDevice), cudaSuccess);
  EXPECT_EQ(cudaFreeHost(Pinned), cudaSuccess);
}

TEST(Memory, MemsetWritesBytes) {
  REQUIRE_DEVICE();
  DeviceBuffer<uint8_t> A(1000);
  ASSERT_EQ(cudaMemset(A.Ptr, 0xAB, 1000), cudaSuccess);
  ASSERT_EQ(cudaMemset(A.Ptr + 10, 0x1234, 5), cudaSuccess); // Low byte only: 0x34.
  std::vector<uint8_t> H(1000);
  ASSERT_EQ(cudaMemcpy(H.data(), A.Ptr, 1000, cudaMemcpyDeviceToHost), cudaSuccess);
  for (size_t I = 0; I < 1000; ++I)
    ASSERT_EQ(H[I], (I >= 10 && I < 15) ? 0x34 : 0xAB) << "at " << I;
}

TEST(Memory, BadPointersAreInvalidValueNotCrashes) {
  REQUIRE_DEVICE();
  std::vector<uint8_t> Host(256);
  uint8_t *D = nullptr;
  ASSERT_EQ(cudaMalloc((void **)&D, 128), cudaSuccess);
  uint8_t StackBytes[64];
  void *Wild = reinterpret_cast<void *>(uintptr_t(0xdead0000));

  // Overruns: past the end, and from an interior offset.
  EXPECT_EQ(cudaMemcpy(D, Host.data(), 129, cudaMemcpyHostToDevice), cudaErrorInvalidValue);
  EXPECT_EQ(cudaMemcpy(D + 100, Host.data(), 29, cudaMemcpyHostToDevice),
            cudaErrorInvalidValue);
  EXPECT_EQ(cudaMemcpy(Host.data(), D + 1, 128, cudaMemcpyDeviceToHost), cudaErrorInvalidValue);
  EXPECT_EQ(cudaMemcpy(D, D + 64, 65, cudaMemcpyDeviceToDevice), cudaErrorInvalidValue);
  EXPECT_EQ(cudaMemset(D + 64, 0, 65), cudaErrorInvalidValue);
  // Wild pointers on the device side, whatever the kind.
  EXPECT_EQ(cudaMemcpy(Wild, Host.data(), 16, cudaMemcpyHostToDevice), cudaErrorInvalidValue);
  EXPECT_EQ(cudaMemcpy(StackBytes, Host.data(), 16, cudaMemcpyHostToDevice),
            cudaErrorInvalidValue);
  EXPECT_EQ(cudaMemcpy(Host.data(), Wild, 16, cudaMemcpyDeviceToHost), cudaErrorInvalidValue);
  EXPECT_EQ(cudaMemset(Wild, 0, 16), cudaErrorInvalidValue);
  // cudaMemcpyDefault: an overrun that starts inside device memory.
  EXPECT_EQ(cudaMemcpy(D + 120, Host.data(), 16, cudaMemcpyDefault), cudaErrorInvalidValue);
  // Bad direction, null pointers.
  EXPECT_EQ(cudaMemcpy(D, Host.data(), 16, cudaMemcpyKind(7)),
            cudaErrorInvalidMemcpyDirection);
  EXPECT_EQ(cudaMemcpy(nullptr, Host.data(), 16, cudaMemcpyHostToDevice),
            cudaErrorInvalidValue);
  // cudaFree: interior, wild, stack pointers; then freed ones.
  EXPECT_EQ(cudaFree(D + 1), cudaErrorInvalidValue);
  EXPECT_EQ(cudaFree(Wild), cudaErrorInvalidValue);
  EXPECT_EQ(cudaFree(StackBytes), cudaErrorInvalidValue);
  EXPECT_EQ(cudaFreeHost(Wild), cudaErrorInvalidValue);
  EXPECT_EQ(cudaFree(D), cudaSuccess);
  EXPECT_EQ(cudaFree(D), cudaErrorInvalidValue);
  EXPECT_EQ(cudaMemcpy(D, Host.data(), 16, cudaMemcpyHostToDevice), cudaErrorInvalidValue);
  EXPECT_EQ(cudaMemcpy(Host.data(), D, 16, cudaMemcpyDeviceToHost), cudaErrorInvalidValue);
  EXPECT_EQ(cudaFree(nullptr), cudaSuccess);
  EXPECT_EQ(cudaGetLastError(), cudaErrorInvalidValue);
  EXPECT_EQ(cudaMalloc(nullptr, 16), cudaErrorInvalidValue);
  cudaGetLastError();
}

TEST(Memory, ZeroSizedMallocGivesNull) {
  REQUIRE_DEVICE();
  void *P = reinterpret_cast<void *>(1);
  EXPECT_EQ(cudaMalloc(&P, 0), cudaSuccess);
  EXPECT_EQ(P, nullptr);
  EXPECT_EQ(cudaFree(P), cudaSuccess);
}

TEST(Memory, MappedPinnedMemoryIsUsableByKernels) {
  REQUIRE_DEVICE();
  cudaDeviceProp P;
  ASSERT_EQ(cudaGetDeviceProperties(&P, 0), cudaSuccess);
  if (!P.canMapHostMemory)
    GTEST_SKIP() << "device cannot map host memory (no fine-grained SVM)";
  const unsigned N = 64;
  int *Host = nullptr, *DevView = nullptr;
  ASSERT_EQ(cudaHostAlloc((void **)&Host, N * sizeof(int), cudaHostAllocMapped), cudaSuccess);
  ASSERT_EQ(cudaHostGetDevicePointer((void **)&DevView, Host, 0), cudaSuccess);
  Params Prm{2, 1, 0.0};
  unsigned Count = N;
  launchLikeClang(&AffineStub, dim3(1), dim3(N), {&Prm, &DevView, &Count});
  ASSERT_EQ(cudaGetLastError(), cudaSuccess);
  ASSERT_EQ(cudaDeviceSynchronize(), cudaSuccess);
  for (unsigned I = 0; I < N; ++I)
    ASSERT_EQ(Host[I], int(I) * 2 + 1);
  EXPECT_EQ(cudaHostAlloc((void **)&Host, 16, 0x80), cudaErrorInvalidValue);
  cudaGetLastError();
  EXPECT_EQ(cudaFreeHost(DevView), cudaSuccess);
}

TEST(Memory, PointerAttributes) {
  REQUIRE_DEVICE();
  DeviceBuffer<int> D(10);
  cudaPointerAttributes A;
  ASSERT_EQ(cudaPointerGetAttributes(&A, D.Ptr + 3), cudaSuccess);
  EXPECT_EQ(A.type, cudaMemoryTypeDevice);
  EXPECT_EQ(A.device, 0);
  int Local;
  ASSERT_EQ(cudaPointerGetAttributes(&A, &Local), cudaSuccess);
  EXPECT_EQ(A.type, cudaMemoryTypeUnregistered);
  void *H;
  ASSERT_EQ(cudaMallocHost(&H, 64), cudaSuccess);
  ASSERT_EQ(cudaPointerGetAttributes(&A, H), cudaSuccess);
  EXPECT_EQ(A.type, cudaMemoryTypeHost);
  EXPECT_EQ(A.hostPointer, H);
  cudaFreeHost(H);
}

//===----------------------------------------------------------------------===//
// Errors
//===----------------------------------------------------------------------===//

TEST(Errors, GetLastResetsPeekDoesNot) {
  cudaGetLastError();
  EXPECT_EQ(cudaMalloc(nullptr, 4), cudaErrorInvalidValue);
  EXPECT_EQ(cudaPeekAtLastError(), cudaErrorInvalidValue);
  EXPECT_EQ(cudaPeekAtLastError(), cudaErrorInvalidValue);
  EXPECT_EQ(cudaGetLastError(), cudaErrorInvalidValue);
  EXPECT_EQ(cudaGetLastError(), cudaSuccess);
  EXPECT_EQ(cudaPeekAtLastError(), cudaSuccess);
  // A later success does not clear an earlier failure.
  EXPECT_EQ(cudaMalloc(nullptr, 4), cudaErrorInvalidValue);
  int V;
  EXPECT_EQ(cudaRuntimeGetVersion(&V), cudaSuccess);
  EXPECT_EQ(cudaGetLastError(), cudaErrorInvalidValue);
}

TEST(Errors, LastErrorIsPerThread) {
  cudaGetLastError();
  EXPECT_EQ(cudaMalloc(nullptr, 4), cudaErrorInvalidValue);
  cudaError_t Other = cudaErrorUnknown;
  std::thread T([&] { Other = cudaGetLastError(); });
  T.join();
  EXPECT_EQ(Other, cudaSuccess);
  EXPECT_EQ(cudaGetLastError(), cudaErrorInvalidValue);
}

TEST(Errors, NamesAndStringsComeFromTheTable) {
  EXPECT_STREQ(cudaGetErrorName(cudaSuccess), "cudaSuccess");
  EXPECT_STREQ(cudaGetErrorName(cudaErrorInvalidValue), "cudaErrorInvalidValue");
  EXPECT_STREQ(cudaGetErrorString(cudaErrorInvalidValue), "invalid argument");
  EXPECT_STREQ(cudaGetErrorName(cudaErrorNoDevice), "cudaErrorNoDevice");
  EXPECT_STREQ(cudaGetErrorString(cudaErrorNoDevice), "no CUDA-capable device is detected");
  EXPECT_STREQ(cudaGetErrorName(cudaErrorInvalidConfiguration),
               "cudaErrorInvalidConfiguration");
  EXPECT_STREQ(cudaGetErrorString(cudaError_t(12345)), "unrecognized error code");
}

TEST(Version, RuntimeAndDriverAre12040) {
  int R = 0, D = 0;
  EXPECT_EQ(cudaRuntimeGetVersion(&R), cudaSuccess);
  EXPECT_EQ(R, 12040);
  EXPECT_EQ(cudaRuntimeGetVersion(nullptr), cudaErrorInvalidValue);
  cudaGetLastError();
  REQUIRE_DEVICE();
  EXPECT_EQ(cudaDriverGetVersion(&D), cudaSuccess);
  EXPECT_EQ(D, 12040);
}

//===----------------------------------------------------------------------===//
// Devices
//===----------------------------------------------------------------------===//

/// The first OpenCL device with SVM: the one the OpenCL target makes device 0
/// on a machine with one platform (as CI has).
cl_device_id firstSvmDevice() {
  cl_uint NP = 0;
  if (clGetPlatformIDs(0, nullptr, &NP) != CL_SUCCESS || NP == 0)
    return nullptr;
  std::vector<cl_platform_id> Ps(NP);
  clGetPlatformIDs(NP, Ps.data(), nullptr);
  for (cl_platform_id P : Ps) {
    cl_uint ND = 0;
    if (clGetDeviceIDs(P, CL_DEVICE_TYPE_ALL, 0, nullptr, &ND) != CL_SUCCESS)
      continue;
    std::vector<cl_device_id> Ds(ND);
    clGetDeviceIDs(P, CL_DEVICE_TYPE_ALL, ND, Ds.data(), nullptr);
    for (cl_device_id D : Ds) {
      cl_device_svm_capabilities Svm = 0;
      if (clGetDeviceInfo(D, CL_DEVICE_SVM_CAPABILITIES, sizeof(Svm), &Svm, nullptr) ==
              CL_SUCCESS &&
          Svm)
        return D;
    }
  }
  return nullptr;
}

TEST(Device, PropertiesAreRealOpenCLValues) {
  REQUIRE_DEVICE();
  cudaDeviceProp P;
  ASSERT_EQ(cudaGetDeviceProperties(&P, 0), cudaSuccess);
  EXPECT_GT(std::strlen(P.name), 0u);
  EXPECT_GT(P.totalGlobalMem, 0u);
  EXPECT_GT(P.sharedMemPerBlock, 0u);
  EXPECT_GT(P.multiProcessorCount, 0);
  EXPECT_GT(P.maxThreadsPerBlock, 0);
  EXPECT_GT(P.clockRate, 0);
  EXPECT_EQ(P.warpSize, 32);
  EXPECT_EQ(P.maxGridSize[0], 2147483647);
  EXPECT_EQ(P.maxGridSize[1], 65535);
  EXPECT_EQ(P.maxGridSize[2], 65535);
  EXPECT_EQ(P.unifiedAddressing, 1);

  cl_device_id D = firstSvmDevice();
  ASSERT_NE(D, nullptr);
  char Name[256] = {};
  cl_uint Units = 0, MHz = 0;
  size_t WG = 0, Items[3] = {};
  cl_ulong Local = 0, Const = 0;
  clGetDeviceInfo(D, CL_DEVICE_NAME, sizeof(Name) - 1, Name, nullptr);
  clGetDeviceInfo(D, CL_DEVICE_MAX_COMPUTE_UNITS, sizeof(Units), &Units, nullptr);
  clGetDeviceInfo(D, CL_DEVICE_MAX_CLOCK_FREQUENCY, sizeof(MHz), &MHz, nullptr);
  clGetDeviceInfo(D, CL_DEVICE_MAX_WORK_GROUP_SIZE, sizeof(WG), &WG, nullptr);
  clGetDeviceInfo(D, CL_DEVICE_MAX_WORK_ITEM_SIZES, sizeof(Items), Items, nullptr);
  clGetDeviceInfo(D, CL_DEVICE_LOCAL_MEM_SIZE, sizeof(Local), &Local, nullptr);
  clGetDeviceInfo(D, CL_DEVICE_MAX_CONSTANT_BUFFER_SIZE, sizeof(Const), &Const, nullptr);
  EXPECT_STREQ(P.name, Name);
  EXPECT_EQ(P.multiProcessorCount, int(Units));
  EXPECT_EQ(P.clockRate, int(MHz) * 1000);
  // The device's limits, capped at CUDA's (1024 threads; 1024 x 1024 x 64).
  EXPECT_EQ(P.maxThreadsPerBlock, std::min(int(WG), 1024));
  const int CudaDims[3] = {1024, 1024, 64};
  for (int I = 0; I < 3; ++I)
    EXPECT_EQ(P.maxThreadsDim[I], std::min(int(Items[I]), CudaDims[I]));
  EXPECT_EQ(P.sharedMemPerBlock, size_t(Local));
  EXPECT_EQ(P.totalConstMem, size_t(Const));
}

TEST(Device, AttributesAgreeWithProperties) {
  REQUIRE_DEVICE();
  cudaDeviceProp P;
  ASSERT_EQ(cudaGetDeviceProperties(&P, 0), cudaSuccess);
  struct {
    cudaDeviceAttr A;
    int Expected;
  } Cases[] = {
      {cudaDevAttrMaxThreadsPerBlock, P.maxThreadsPerBlock},
      {cudaDevAttrMaxBlockDimX, P.maxThreadsDim[0]},
      {cudaDevAttrMaxBlockDimZ, P.maxThreadsDim[2]},
      {cudaDevAttrMaxGridDimX, P.maxGridSize[0]},
      {cudaDevAttrMaxGridDimY, P.maxGridSize[1]},
      {cudaDevAttrMaxSharedMemoryPerBlock, int(P.sharedMemPerBlock)},
      {cudaDevAttrWarpSize, 32},
      {cudaDevAttrMultiProcessorCount, P.multiProcessorCount},
      {cudaDevAttrClockRate, P.clockRate},
      {cudaDevAttrComputeCapabilityMajor, P.major},
      {cudaDevAttrComputeCapabilityMinor, P.minor},
      {cudaDevAttrUnifiedAddressing, 1},
      {cudaDevAttrL2CacheSize, P.l2CacheSize},
  };
  for (const auto &C : Cases) {
    int V = -1;
    EXPECT_EQ(cudaDeviceGetAttribute(&V, C.A, 0), cudaSuccess) << int(C.A);
    EXPECT_EQ(V, C.Expected) << "attribute " << int(C.A);
  }
  int V;
  EXPECT_EQ(cudaDeviceGetAttribute(&V, cudaDeviceAttr(9999), 0), cudaErrorInvalidValue);
  EXPECT_EQ(cudaDeviceGetAttribute(&V, cudaDevAttrMaxThreadsPerBlock, 99),
            cudaErrorInvalidDevice);
  EXPECT_EQ(cudaDeviceGetAttribute(nullptr, cudaDevAttrMaxThreadsPerBlock, 0),
            cudaErrorInvalidValue);
  cudaGetLastError();
}

TEST(Device, SelectionAndBothPropertySymbols) {
  REQUIRE_DEVICE();
  int N = 0, Cur = -1;
  ASSERT_EQ(cudaGetDeviceCount(&N), cudaSuccess);
  ASSERT_GE(N, 1);
  EXPECT_EQ(cudaSetDevice(0), cudaSuccess);
  EXPECT_EQ(cudaGetDevice(&Cur), cudaSuccess);
  EXPECT_EQ(Cur, 0);
  EXPECT_EQ(cudaSetDevice(N), cudaErrorInvalidDevice);
  EXPECT_EQ(cudaSetDevice(-1), cudaErrorInvalidDevice);
  EXPECT_EQ(cudaGetDeviceProperties(nullptr, 0), cudaErrorInvalidValue);
  cudaDeviceProp Dummy;
  EXPECT_EQ(cudaGetDeviceProperties(&Dummy, N), cudaErrorInvalidDevice);
  cudaGetLastError();
  // CUDA 11 objects call the unversioned symbol; CUDA 12 ones the _v2 one.
  using PropFn = cudaError_t (*)(cudaDeviceProp *, int);
  auto Old = reinterpret_cast<PropFn>(dlsym(RTLD_DEFAULT, "cudaGetDeviceProperties"));
  auto New = reinterpret_cast<PropFn>(dlsym(RTLD_DEFAULT, "cudaGetDeviceProperties_v2"));
  ASSERT_NE(Old, nullptr);
  ASSERT_NE(New, nullptr);
  cudaDeviceProp A, B;
  std::memset(&A, 1, sizeof(A));
  std::memset(&B, 2, sizeof(B));
  ASSERT_EQ(Old(&A, 0), cudaSuccess);
  ASSERT_EQ(New(&B, 0), cudaSuccess);
  EXPECT_EQ(std::memcmp(&A, &B, sizeof(A)), 0);
}

//===----------------------------------------------------------------------===//
// Streams
//===----------------------------------------------------------------------===//

TEST(Streams, LaunchAndCopyOnStreamsWithLegacyDefaultOrdering) {
  REQUIRE_DEVICE();
  cudaStream_t S1, S2;
  ASSERT_EQ(cudaStreamCreate(&S1), cudaSuccess);
  ASSERT_EQ(cudaStreamCreateWithFlags(&S2, cudaStreamNonBlocking), cudaSuccess);
  unsigned Flags = 99;
  EXPECT_EQ(cudaStreamGetFlags(S2, &Flags), cudaSuccess);
  EXPECT_EQ(Flags, unsigned(cudaStreamNonBlocking));
  const unsigned N = 512;
  DeviceBuffer<int> D(N);
  Params P{3, 0, 0.0};
  unsigned Count = N;
  launchLikeClang(&AffineStub, dim3(4), dim3(128), {&P, &D.Ptr, &Count}, 0, S1);
  ASSERT_EQ(cudaGetLastError(), cudaSuccess);
  // A plain cudaMemcpy (legacy default stream) waits for blocking stream S1.
  std::vector<int> H(N);
  ASSERT_EQ(cudaMemcpy(H.data(), D.Ptr, D.bytes(), cudaMemcpyDeviceToHost), cudaSuccess);
  for (unsigned I = 0; I < N; ++I)
    ASSERT_EQ(H[I], int(I) * 3);
  std::vector<int> H2(N);
  ASSERT_EQ(cudaMemcpyAsync(H2.data(), D.Ptr, D.bytes(), cudaMemcpyDeviceToHost, S2),
            cudaSuccess);
  ASSERT_EQ(cudaStreamSynchronize(S2), cudaSuccess);
  EXPECT_EQ(H2, H);
  EXPECT_EQ(cudaStreamSynchronize(nullptr), cudaSuccess);
  EXPECT_EQ(cudaStreamDestroy(S1), cudaSuccess);
  EXPECT_EQ(cudaStreamDestroy(S2), cudaSuccess);
  // Destroyed and made-up handles.
  EXPECT_EQ(cudaStreamSynchronize(S1), cudaErrorInvalidResourceHandle);
  EXPECT_EQ(cudaStreamDestroy(S1), cudaErrorInvalidResourceHandle);
  launchLikeClang(&AffineStub, dim3(1), dim3(1), {&P, &D.Ptr, &Count}, 0,
                  reinterpret_cast<cudaStream_t>(uintptr_t(0x1234)));
  EXPECT_EQ(cudaGetLastError(), cudaErrorInvalidResourceHandle);
  EXPECT_EQ(cudaStreamCreateWithFlags(&S1, 0x40), cudaErrorInvalidValue);
  cudaGetLastError();
}

//===----------------------------------------------------------------------===//
// Process-wide behaviour, in child processes
//===----------------------------------------------------------------------===//

bool libraryLoaded(const char *Needle) {
  std::ifstream Maps("/proc/self/maps");
  std::string Line;
  while (std::getline(Maps, Line))
    if (Line.find(Needle) != std::string::npos)
      return true;
  return false;
}

TEST(Child, DISABLED_TargetOpensLazily) {
  // Registration has run (static constructors); nothing may be loaded yet.
  EXPECT_FALSE(libraryLoaded("libcuport-opencl"));
  EXPECT_FALSE(libraryLoaded("libLLVM"));
  int N = 0;
  cudaGetDeviceCount(&N);
  if (N > 0) {
    EXPECT_TRUE(libraryLoaded("libcuport-opencl"));
  }
}

TEST(Process, RegistrationDoesNotOpenTheTarget) {
  Child C = runChild("TargetOpensLazily", {});
  EXPECT_TRUE(C.passed()) << C.Output;
}

TEST(Child, DISABLED_NoDevice) {
  int N = 42;
  EXPECT_EQ(cudaGetDeviceCount(&N), cudaErrorNoDevice);
  EXPECT_EQ(N, 0);
  void *P = nullptr;
  EXPECT_EQ(cudaMalloc(&P, 16), cudaErrorNoDevice);
  EXPECT_EQ(cudaGetLastError(), cudaErrorNoDevice);
  void *NoArgs[1] = {nullptr};
  EXPECT_EQ(cudaLaunchKernel(&SaxpyStub, dim3(1), dim3(1), NoArgs, 0, nullptr),
            cudaErrorNoDevice);
  EXPECT_EQ(cudaDeviceSynchronize(), cudaErrorNoDevice);
  EXPECT_EQ(cudaMemcpy(&N, &N, 4, cudaMemcpyHostToHost), cudaErrorNoDevice);
  EXPECT_STREQ(cudaGetErrorString(cudaErrorNoDevice), "no CUDA-capable device is detected");
  EXPECT_EQ(cuportGetTargetName(), nullptr);
  int Driver = -1;
  EXPECT_EQ(cudaDriverGetVersion(&Driver), cudaSuccess);
  EXPECT_EQ(Driver, 0);
}

TEST(Process, NoOpenCLPlatformIsNoDevice) {
  Child C = runChild("NoDevice", {{"OCL_ICD_VENDORS", "/nonexistent"},
                                  {"OCL_ICD_FILENAMES", ""},
                                  {"CUPORT_TARGET", ""}});
  EXPECT_TRUE(C.passed()) << C.Output;
  // One line on stderr, with the target's reason.
  size_t First = C.Output.find("cuport: no device available:");
  ASSERT_NE(First, std::string::npos) << C.Output;
  EXPECT_EQ(C.Output.find("cuport: no device available:", First + 1), std::string::npos)
      << C.Output;
  EXPECT_NE(C.Output.find("no OpenCL platform"), std::string::npos) << C.Output;
}

TEST(Process, HipTargetWithoutDeviceIsNoDevice) {
  // HipTargetTest.cpp checks HIP's exact reason; here only that it is one.
  if (access("/dev/kfd", F_OK) == 0)
    GTEST_SKIP() << "/dev/kfd exists: this machine may have an AMD GPU";
  Child C = runChild("NoDevice", {{"CUPORT_TARGET", "hip"}});
  EXPECT_TRUE(C.passed()) << C.Output;
  EXPECT_NE(C.Output.find("CUPORT_TARGET=hip: library "), std::string::npos) << C.Output;
}

TEST(Process, MissingTargetLibraryIsNoDevice) {
  Child C = runChild("NoDevice", {{"CUPORT_TARGET", "opencl"},
                                  {"CUPORT_TARGET_DIR", "/nonexistent-cuport-dir"}});
  EXPECT_TRUE(C.passed()) << C.Output;
  EXPECT_NE(C.Output.find("libcuport-opencl.so: not found"), std::string::npos) << C.Output;
}

TEST(Process, UnknownTargetNameIsNoDevice) {
  Child C = runChild("NoDevice", {{"CUPORT_TARGET", "cuda"}});
  EXPECT_TRUE(C.passed()) << C.Output;
  EXPECT_NE(C.Output.find("unknown target 'cuda'"), std::string::npos) << C.Output;
}

TEST(Child, DISABLED_DeviceReset) {
  ASSERT_TRUE(haveDevice());
  void *D = nullptr, *H = nullptr;
  cudaStream_t S;
  ASSERT_EQ(cudaMalloc(&D, 64), cudaSuccess);
  ASSERT_EQ(cudaMallocHost(&H, 64), cudaSuccess);
  ASSERT_EQ(cudaStreamCreate(&S), cudaSuccess);
  float A = 1.0f;
  int Count = 16;
  launchLikeClang(&SaxpyStub, dim3(1), dim3(16), {&A, &D, &D, &Count});
  ASSERT_EQ(cudaGetLastError(), cudaSuccess);
  EXPECT_EQ(cudaMalloc(nullptr, 1), cudaErrorInvalidValue);
  ASSERT_EQ(cudaDeviceReset(), cudaSuccess);
  // Everything the context owned is gone...
  EXPECT_EQ(cudaFree(D), cudaErrorInvalidValue);
  EXPECT_EQ(cudaFreeHost(H), cudaErrorInvalidValue);
  EXPECT_EQ(cudaStreamSynchronize(S), cudaErrorInvalidResourceHandle);
  cudaGetLastError();
  // ...and the device works again, kernels included (rebuilt from the cache).
  DeviceBuffer<float> X(16), Y(16);
  std::vector<float> Ones(16, 1.0f), Out(16);
  ASSERT_EQ(cudaMemcpy(X.Ptr, Ones.data(), 64, cudaMemcpyHostToDevice), cudaSuccess);
  ASSERT_EQ(cudaMemcpy(Y.Ptr, Ones.data(), 64, cudaMemcpyHostToDevice), cudaSuccess);
  launchLikeClang(&SaxpyStub, dim3(1), dim3(16), {&A, &X.Ptr, &Y.Ptr, &Count});
  ASSERT_EQ(cudaGetLastError(), cudaSuccess);
  ASSERT_EQ(cudaMemcpy(Out.data(), Y.Ptr, 64, cudaMemcpyDeviceToHost), cudaSuccess);
  EXPECT_EQ(Out, std::vector<float>(16, 2.0f));
}

TEST(Process, DeviceResetFreesEverythingAndRecovers) {
  REQUIRE_DEVICE();
  Child C = runChild("DeviceReset", {});
  EXPECT_TRUE(C.passed()) << C.Output;
}

/// One saxpy launch in a fresh process; prints the module counters and how
/// long the first launch (module build included) took.
TEST(Child, DISABLED_CacheRun) {
  ASSERT_TRUE(haveDevice());
  DeviceBuffer<float> DX(256), DY(256);
  std::vector<float> X(256, 1.0f), Y(256, 2.0f);
  ASSERT_EQ(cudaMemcpy(DX.Ptr, X.data(), DX.bytes(), cudaMemcpyHostToDevice), cudaSuccess);
  ASSERT_EQ(cudaMemcpy(DY.Ptr, Y.data(), DY.bytes(), cudaMemcpyHostToDevice), cudaSuccess);
  float A = 4.0f;
  int Count = 256;
  auto Start = std::chrono::steady_clock::now();
  launchLikeClang(&SaxpyStub, dim3(2), dim3(128), {&A, &DX.Ptr, &DY.Ptr, &Count});
  ASSERT_EQ(cudaGetLastError(), cudaSuccess);
  ASSERT_EQ(cudaDeviceSynchronize(), cudaSuccess);
  double Ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                        Start)
                  .count();
  ASSERT_EQ(cudaMemcpy(Y.data(), DY.Ptr, DY.bytes(), cudaMemcpyDeviceToHost), cudaSuccess);
  for (float V : Y)
    ASSERT_FLOAT_EQ(V, 6.0f);
  cuportModuleStats S;
  ASSERT_EQ(cuportGetModuleStats(0, &S), cudaSuccess);
  std::printf("STATS translations=%llu built=%llu binhits=%llu bchits=%llu written=%llu "
              "rejected=%llu ms=%d\n",
              S.spirvTranslations, S.programsBuilt, S.binaryCacheHits, S.bitcodeCacheHits,
              S.cacheEntriesWritten, S.cacheEntriesRejected, int(Ms));
}

TEST(Process, DiskCacheSkipsTranslationAndBuildOnWarmStart) {
  REQUIRE_DEVICE();
  std::string Dir = makeTempDir();
  ASSERT_FALSE(Dir.empty());
  std::vector<std::pair<std::string, std::string>> Env = {{"CUPORT_CACHE_DIR", Dir},
                                                          {"CUPORT_DISABLE_CACHE", ""}};
  Child Cold = runChild("CacheRun", Env);
  ASSERT_TRUE(Cold.passed()) << Cold.Output;
  cudaDeviceProp P;
  ASSERT_EQ(cudaGetDeviceProperties(&P, 0), cudaSuccess);
  EXPECT_EQ(field(Cold.Output, "built"), 1) << Cold.Output;
  EXPECT_EQ(field(Cold.Output, "binhits") + field(Cold.Output, "bchits"), 0) << Cold.Output;
  EXPECT_GE(field(Cold.Output, "written"), 1) << Cold.Output;
  std::vector<std::string> Entries = filesIn(Dir + "/opencl");
  EXPECT_GE(Entries.size(), 1u);
  for (const std::string &E : Entries)
    EXPECT_EQ(E.find(".tmp."), std::string::npos) << "temporary file left: " << E;

  Child Warm = runChild("CacheRun", Env);
  ASSERT_TRUE(Warm.passed()) << Warm.Output;
  EXPECT_EQ(field(Warm.Output, "translations"), 0) << Warm.Output;
  EXPECT_EQ(field(Warm.Output, "binhits") + field(Warm.Output, "bchits"), 1) << Warm.Output;
  EXPECT_EQ(field(Warm.Output, "rejected"), 0) << Warm.Output;
  std::printf("first launch: cold %lld ms, warm %lld ms\n", field(Cold.Output, "ms"),
              field(Warm.Output, "ms"));

  // Corrupt every entry (flip a payload byte, truncate): ignored and rebuilt.
  for (const std::string &E : Entries) {
    std::vector<uint8_t> B = readFile(E);
    ASSERT_GT(B.size(), 60u);
    B[B.size() / 2] ^= 0xFF;
    B.resize(B.size() - 3);
    std::ofstream(E, std::ios::binary | std::ios::trunc)
        .write(reinterpret_cast<const char *>(B.data()), std::streamsize(B.size()));
  }
  Child Corrupt = runChild("CacheRun", Env);
  ASSERT_TRUE(Corrupt.passed()) << Corrupt.Output;
  EXPECT_GE(field(Corrupt.Output, "rejected"), 1) << Corrupt.Output;
  EXPECT_EQ(field(Corrupt.Output, "built"), 1) << Corrupt.Output;
  Child Repaired = runChild("CacheRun", Env);
  ASSERT_TRUE(Repaired.passed()) << Repaired.Output;
  EXPECT_EQ(field(Repaired.Output, "binhits") + field(Repaired.Output, "bchits"), 1)
      << Repaired.Output;
  removeTree(Dir);
}

TEST(Process, UnwritableCacheDirectoryIsNotAnError) {
  REQUIRE_DEVICE();
  Child C = runChild("CacheRun", {{"CUPORT_CACHE_DIR", "/proc/version/cuport-cache"},
                                  {"CUPORT_DISABLE_CACHE", ""}});
  EXPECT_TRUE(C.passed()) << C.Output;
  EXPECT_EQ(field(C.Output, "written"), 0) << C.Output;
  EXPECT_EQ(field(C.Output, "built"), 1) << C.Output;
}
