//===- Context.cpp - the target, opened at the first call that needs it ---===//
//
// libcudart picks one target per process (CUPORT_TARGET, else the first
// with a device; see targets/Target.h) the first time a call needs a device.
// Registration functions run from static constructors and never come here,
// so a program whose device code is never used never loads OpenCL or LLVM.
// When no target has a device, every such call returns cudaErrorNoDevice and
// one line on stderr says why.
//
// The Context is allocated once and never destroyed: objects in other
// shared libraries (the target, the OpenCL driver) may already be gone when
// static destructors run, and CUDA programs routinely call the runtime from
// their own destructors.
//
//===----------------------------------------------------------------------===//
#include "Runtime.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>
#include <mutex>
#include <vector>

namespace cuport {
namespace rt {

namespace {

struct Context {
  std::once_flag Once;
  cudaError_t InitError = cudaErrorInitializationError;
  std::unique_ptr<target::Target> Target;
  std::vector<cudaDeviceProp> Props;
};

Context &context() {
  static Context *C = new Context();
  return *C;
}

thread_local int CurrentDevice = 0;

/// Compute capability cuport reports. There is no NVIDIA architecture
/// behind it; 7.0 says "independent thread scheduling and the *_sync warp
/// intrinsics", which is the model cuport's lowering implements. Programs
/// that gate features on major >= 3, 5, 6 or 7 take their modern paths.
constexpr int ReportedMajor = 7, ReportedMinor = 0;
/// OpenCL exposes no register file size; CUDA has given 64K 32-bit
/// registers per block and per multiprocessor since compute capability 3.0,
/// and occupancy calculators divide by it, so it must not be zero.
constexpr int ReportedRegisters = 65536;

/// CUDA's architectural block limits, applied as caps on the device's own.
constexpr int CudaMaxThreadsPerBlock = 1024;
constexpr int CudaMaxBlockDim[3] = {1024, 1024, 64};

int clampInt(uint64_t V) { return V > 0x7FFFFFFF ? 0x7FFFFFFF : int(V); }

cudaDeviceProp makeProp(const target::DeviceProperties &P, int Index) {
  cudaDeviceProp D;
  std::memset(&D, 0, sizeof(D));
  std::strncpy(D.name, P.Name.c_str(), sizeof(D.name) - 1);
  // A stable identifier from the name, vendor, driver and ordinal, so that
  // programs that key on the UUID see the same device from run to run.
  uint64_t H1 = 0xcbf29ce484222325ULL, H2 = 0x84222325cbf29ce4ULL;
  std::string Id = P.Vendor + "|" + P.Name + "|" + P.DriverVersion + "|" + std::to_string(Index);
  for (unsigned char Ch : Id) {
    H1 = (H1 ^ Ch) * 0x100000001b3ULL;
    H2 = (H2 ^ Ch) * 0x100000001b3ULL;
  }
  std::memcpy(D.uuid.bytes, &H1, 8);
  std::memcpy(D.uuid.bytes + 8, &H2, 8);
  D.totalGlobalMem = P.TotalGlobalMem;
  D.sharedMemPerBlock = P.SharedMemPerBlock;
  D.regsPerBlock = ReportedRegisters;
  D.warpSize = int(P.WarpSize);
  D.memPitch = P.MaxAllocationSize;
  // A device may allow larger blocks than CUDA does (PoCL: 4096 threads);
  // CUDA programs are written for, and test against, CUDA's limits, and a
  // 1025-thread block must fail here as it fails on every NVIDIA GPU.
  D.maxThreadsPerBlock = std::min(clampInt(P.MaxThreadsPerBlock), CudaMaxThreadsPerBlock);
  for (int I = 0; I < 3; ++I) {
    D.maxThreadsDim[I] = std::min(clampInt(P.MaxBlockDim[I]), CudaMaxBlockDim[I]);
    D.maxGridSize[I] = clampInt(P.MaxGridDim[I]);
  }
  D.clockRate = clampInt(P.ClockRateKHz);
  D.totalConstMem = P.TotalConstMem;
  D.major = ReportedMajor;
  D.minor = ReportedMinor;
  D.textureAlignment = P.MemBaseAlignBytes;
  D.texturePitchAlignment = P.MemBaseAlignBytes;
  D.deviceOverlap = 0; // Copies are synchronous: no copy/compute overlap.
  D.multiProcessorCount = clampInt(P.ComputeUnits);
  D.kernelExecTimeoutEnabled = 0;
  D.integrated = P.HostUnifiedMemory || P.Type == target::DeviceType::CPU;
  D.canMapHostMemory = P.SVMFineGrainBuffer;
  D.computeMode = 0; // cudaComputeModeDefault
  D.concurrentKernels = 1;
  D.ECCEnabled = P.ECCEnabled;
  D.asyncEngineCount = 0;
  D.unifiedAddressing = 1; // SVM: device pointers live in the host's address space.
  D.l2CacheSize = clampInt(P.L2CacheBytes);
  // One resident block of the largest size per compute unit is what OpenCL
  // guarantees; occupancy APIs built on these fields stay conservative.
  D.maxThreadsPerMultiProcessor = D.maxThreadsPerBlock;
  D.maxBlocksPerMultiProcessor = 1;
  // Launches whose grid fits the bound above (Launch.cpp); a kernel that
  // synchronizes its grid runs all of it in one work-group (the compiler's
  // cuport-lower-warp-lockstep).
  D.cooperativeLaunch = 1;
  // Targets report no PCI location (a CPU has none): a synthetic one,
  // unique per device, domain 0 bus 0 device <ordinal> (docs/runtime.md).
  D.pciDeviceID = Index;
  D.globalL1CacheSupported = 1;
  D.localL1CacheSupported = 1;
  D.sharedMemPerMultiprocessor = P.SharedMemPerBlock;
  D.sharedMemPerBlockOptin = P.SharedMemPerBlock;
  D.regsPerMultiprocessor = ReportedRegisters;
  D.hostNativeAtomicSupported = P.SVMAtomics;
  D.pageableMemoryAccess = P.SVMFineGrainSystem;
  D.pageableMemoryAccessUsesHostPageTables = P.SVMFineGrainSystem;
  D.canUseHostPointerForRegisteredMem = P.SVMFineGrainSystem;
  return D;
}

void initialize(Context &C) {
  target::Probe P = target::selectTarget();
  if (!P.Instance) {
    C.InitError = toCudaError(P.Why.status());
    if (C.InitError == cudaSuccess)
      C.InitError = cudaErrorNoDevice;
    std::fprintf(stderr, "cuport: no device available: %s\n", P.Why.message().c_str());
    return;
  }
  C.Target = std::move(P.Instance);
  for (size_t I = 0; I < C.Target->deviceCount(); ++I)
    C.Props.push_back(makeProp(C.Target->device(I).properties(), int(I)));
  C.InitError = cudaSuccess;
}

} // namespace

cudaError_t enter() {
  cudaError_t S = stickyError();
  if (S != cudaSuccess)
    return S;
  Context &C = context();
  std::call_once(C.Once, [&C] { initialize(C); });
  return C.InitError;
}

int deviceCount() { return int(context().Props.size()); }
const char *targetName() { return context().Target->name(); }
int currentDeviceIndex() { return CurrentDevice; }
void setCurrentDeviceIndex(int I) { CurrentDevice = I; }
target::Device &device(int I) { return context().Target->device(size_t(I)); }
const cudaDeviceProp &deviceProp(int I) { return context().Props[size_t(I)]; }

} // namespace rt
} // namespace cuport
