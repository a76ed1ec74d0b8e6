//===- RuntimeApiSupport.h - kernels and helpers for libcudart API tests --===//
//
// RuntimeApiTests and RuntimeStressTests drive libcudart through its C API
// as compiled CUDA programs do, without the compiler: the kernels of
// Inputs/RuntimeApiKernels.cu are compiled to SPIR-V at build time, packed
// into a cuport fat binary here and registered before main, as Clang's
// module constructors register theirs. Launches go through
// __cudaPushCallConfiguration/__cudaPopCallConfiguration/cudaLaunchKernel.
//
// Which target runs them is libcudart's choice (CUPORT_TARGET, else the
// first with a device); tests skip when there is none.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_TEST_UNIT_RUNTIMEAPISUPPORT_H
#define CUPORT_TEST_UNIT_RUNTIMEAPISUPPORT_H

#include "DeviceSkip.h"
#include "cuda_runtime_api.h"
#include "fatbin/FatBinary.h"

#include <gtest/gtest.h>

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
unsigned __cudaPushCallConfiguration(dim3 gridDim, dim3 blockDim, size_t sharedMem,
                                     void *stream);
cudaError_t __cudaPopCallConfiguration(dim3 *gridDim, dim3 *blockDim, size_t *sharedMem,
                                       void **stream);
}

namespace apitest {

/// Host stubs: only their addresses matter.
inline char SpinStub, AddOneStub, PatternStub, Pitched2DStub;

struct Wrapper { // Clang's __fatBinC_Wrapper_t.
  int Magic;
  int Version;
  const void *Data;
  void *Unused;
};

struct Registered {
  std::vector<uint8_t> Bytes;
  Wrapper W;
  bool HaveSpirv = false;
};

/// Registers the kernels once (called from a static initializer).
inline Registered &registration() {
  static Registered *R = [] {
    using namespace cuport::fatbin;
    auto *R = new Registered();
    Image Spirv;
    Spirv.Kind = ImageKind::SPIRV;
    Spirv.Arch = "spirv64";
    std::ifstream In(CUPORT_TEST_API_SPIRV, std::ios::binary);
    Spirv.Data.assign(std::istreambuf_iterator<char>(In), {});
    R->HaveSpirv = Spirv.Data.size() > 20;
    auto K = [](const char *Name, std::vector<KernelArg> Args) {
      KernelInfo I;
      I.Name = Name;
      I.Args = std::move(Args);
      return I;
    };
    const KernelArg Ptr{ArgKind::GlobalPointer, 8, 8}, U32{ArgKind::Value, 4, 4},
        U64{ArgKind::Value, 8, 8};
    FatBinary F;
    F.Images.push_back(Spirv);
    F.Kernels = {K("_Z9spinUntilPViPi", {Ptr, Ptr}), K("_Z6addOnePij", {Ptr, U32}),
                 K("_Z7patternPiij", {Ptr, U32, U32}),
                 K("_Z9pitched2DPcmjj", {Ptr, U64, U32, U32})};
    R->Bytes = serialize(F);
    R->W = {0x466243b1, 1, R->Bytes.data(), nullptr};
    void **H = __cudaRegisterFatBinary(&R->W);
    const std::pair<char *, const char *> Fns[] = {{&SpinStub, "_Z9spinUntilPViPi"},
                                                   {&AddOneStub, "_Z6addOnePij"},
                                                   {&PatternStub, "_Z7patternPiij"},
                                                   {&Pitched2DStub, "_Z9pitched2DPcmjj"}};
    for (const auto &Fn : Fns)
      __cudaRegisterFunction(H, Fn.first, const_cast<char *>(Fn.second), Fn.second, -1,
                             nullptr, nullptr, nullptr, nullptr, nullptr);
    __cudaRegisterFatBinaryEnd(H);
    return R;
  }();
  return *R;
}

using cuport_test::haveDevice;
#define REQUIRE_DEVICE() CUPORT_REQUIRE_DEVICE(::apitest::registration().HaveSpirv)

/// What Clang generates for `kernel<<<G, B, 0, S>>>(args)`; returns
/// cudaLaunchKernel's result.
inline cudaError_t launch(const void *Stub, dim3 G, dim3 B, std::vector<void *> Args,
                          cudaStream_t S = nullptr) {
  if (__cudaPushCallConfiguration(G, B, 0, S) != 0)
    return cudaErrorUnknown;
  dim3 PG, PB;
  size_t PShm;
  void *PS;
  if (cudaError_t E = __cudaPopCallConfiguration(&PG, &PB, &PShm, &PS))
    return E;
  return cudaLaunchKernel(Stub, PG, PB, Args.data(), PShm, (cudaStream_t)PS);
}

/// spinUntil<<<1, 1, 0, S>>>(Flag, Done): holds \p S until *Flag is set.
inline cudaError_t launchSpin(volatile int *Flag, int *Done, cudaStream_t S) {
  void *F = const_cast<int *>(Flag);
  return launch(&SpinStub, 1, 1, {&F, &Done}, S);
}

inline cudaError_t launchAddOne(int *Data, unsigned N, cudaStream_t S) {
  return launch(&AddOneStub, (N + 63) / 64, 64, {&Data, &N}, S);
}

inline cudaError_t launchPattern(int *Out, int Seed, unsigned N, cudaStream_t S) {
  return launch(&PatternStub, (N + 63) / 64, 64, {&Out, &Seed, &N}, S);
}

} // namespace apitest

#endif // CUPORT_TEST_UNIT_RUNTIMEAPISUPPORT_H
