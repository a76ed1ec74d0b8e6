//===- HipLibrary.h - libamdhip64 opened with dlopen ----------------------===//
//
// The HIP target never links ROCm: it opens Debian's (or ROCm's)
// libamdhip64 at run time and resolves the functions of HipApi.def with
// dlsym, so that libcuport-hip.so loads on any machine and a missing ROCm is
// an answer ("library absent: <dlerror>"), not a failure to start.
//
// The constants below are HIP 5.x ABI facts (hip_runtime_api.h of ROCm 5.2,
// Debian's libamdhip64-5). HIP 6 changed hipDeviceProp_t, so the target
// refuses a runtime whose major version is not 5 instead of misreading it.
// test/unit/HipTargetTest.cpp compares every constant with ROCm's header
// when one is installed.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_TARGETS_HIP_HIPLIBRARY_H
#define CUPORT_TARGETS_HIP_HIPLIBRARY_H

#include "Target.h"

#include <cstddef>
#include <string>

namespace cuport {
namespace target {
namespace hip {

/// HIP 5.x ABI values the target uses.
namespace abi {
constexpr int Success = 0;
constexpr int ErrorNoDevice = 100;
constexpr int ErrorNotReady = 600;
constexpr int ErrorNotSupported = 801;

constexpr int MemcpyHostToHost = 0;
constexpr int MemcpyHostToDevice = 1;
constexpr int MemcpyDeviceToHost = 2;
constexpr int MemcpyDeviceToDevice = 3;

constexpr unsigned StreamDefault = 0x0;     ///< hipStreamDefault
constexpr unsigned StreamNonBlocking = 0x1; ///< hipStreamNonBlocking
constexpr unsigned EventDefault = 0x0;      ///< hipEventDefault
constexpr unsigned EventDisableTiming = 0x2;///< hipEventDisableTiming
constexpr unsigned HostMallocMapped = 0x2;  ///< hipHostMallocMapped
constexpr unsigned MemAttachGlobal = 0x1;   ///< hipMemAttachGlobal

/// hipDeviceAttribute_t values.
constexpr int AttrEccEnabled = 0;
constexpr int AttrClockRate = 5;
constexpr int AttrIntegrated = 16;
constexpr int AttrL2CacheSize = 19;
constexpr int AttrMaxBlockDimX = 26;
constexpr int AttrMaxBlockDimY = 27;
constexpr int AttrMaxBlockDimZ = 28;
constexpr int AttrMaxGridDimX = 29;
constexpr int AttrMaxGridDimY = 30;
constexpr int AttrMaxGridDimZ = 31;
constexpr int AttrMaxThreadsPerBlock = 56;
constexpr int AttrMultiprocessorCount = 63;
constexpr int AttrMaxSharedMemoryPerBlock = 74;
constexpr int AttrTotalConstantMemory = 83;
constexpr int AttrWarpSize = 87;

/// hipFunction_attribute values (hipFuncGetAttribute).
constexpr int FuncAttrMaxThreadsPerBlock = 0;
constexpr int FuncAttrSharedSizeBytes = 1;
constexpr int FuncAttrConstSizeBytes = 2;
constexpr int FuncAttrLocalSizeBytes = 3;
constexpr int FuncAttrNumRegs = 4;

/// hipDeviceProp_t (HIP 5.x): where the fields read from it are.
constexpr size_t PropsSize = 792;
constexpr size_t PropsNameOffset = 0; ///< char name[256]
constexpr size_t PropsNameSize = 256;
constexpr size_t PropsTotalGlobalMemOffset = 256; ///< size_t totalGlobalMem
constexpr size_t PropsGcnArchNameOffset = 396;    ///< char gcnArchName[256]
constexpr size_t PropsGcnArchNameSize = 256;
} // namespace abi

/// The resolved functions of one loaded libamdhip64. Loaded once per
/// process and never closed (HIP's runtime does not survive dlclose well,
/// and objects from it live until exit).
struct HipLibrary {
#define HIP_FUNCTION(Ret, Name, Params) Ret(*Name) Params = nullptr;
#include "HipApi.def"

  std::string Path;       ///< What dlopen was given.
  int RuntimeVersion = 0; ///< hipRuntimeGetVersion, e.g. 50221153.

  /// Opens the library: $CUPORT_HIP_LIBRARY alone when set, else
  /// "libamdhip64.so.5" then "libamdhip64.so" on the loader's path. Failure
  /// is TargetUnavailable, "library absent: <dlerror>" or "library present
  /// but unusable: ...". Thread-safe; a success is kept for the process.
  static Result open(HipLibrary **Out);

  /// "hipErrorNoDevice (error 100)": HIP's own name for \p Error.
  std::string errorText(int Error) const;
};

/// The Status that hipError_t \p Error becomes (HipErrors.def).
Status statusOf(int Error);

/// Success, or statusOf(Error) with "<What>: <HIP's text>".
Result check(const HipLibrary &L, int Error, const char *What);

} // namespace hip
} // namespace target
} // namespace cuport

#endif // CUPORT_TARGETS_HIP_HIPLIBRARY_H
