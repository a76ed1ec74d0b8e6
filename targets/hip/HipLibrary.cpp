//===- HipLibrary.cpp - dlopen libamdhip64 and resolve HipApi.def ---------===//
//
// Opening HIP is the first thing the target does, and on most machines it
// is where the answer "unavailable" comes from, so every way it can fail
// keeps the loader's or HIP's own words.
//
//===----------------------------------------------------------------------===//
#include "HipLibrary.h"

#include <dlfcn.h>

#include <cstdlib>
#include <memory>
#include <mutex>
#include <vector>

namespace cuport {
namespace target {
namespace hip {

namespace {

std::mutex LoadLock;
HipLibrary *Loaded = nullptr; // Kept for the process once complete.

/// Resolves every HipApi.def row from \p Handle; the first missing name is
/// the error.
Result resolve(void *Handle, HipLibrary &L) {
#define HIP_FUNCTION(Ret, Name, Params)                                        \
  L.Name = reinterpret_cast<Ret(*) Params>(::dlsym(Handle, #Name));             \
  if (!L.Name)                                                                 \
    return Result(Status::TargetUnavailable,                                   \
                  "library present but unusable: " + L.Path + " lacks " #Name);
#include "HipApi.def"
  return Result::success();
}

} // namespace

Result HipLibrary::open(HipLibrary **Out) {
  std::lock_guard<std::mutex> Guard(LoadLock);
  if (Loaded) {
    *Out = Loaded;
    return Result::success();
  }
  std::vector<std::string> Candidates;
  if (const char *Env = std::getenv("CUPORT_HIP_LIBRARY"); Env && *Env)
    Candidates.push_back(Env);
  else
    Candidates = {"libamdhip64.so.5", "libamdhip64.so"};

  void *Handle = nullptr;
  std::string Tried, Errors;
  for (const std::string &Name : Candidates) {
    if ((Handle = ::dlopen(Name.c_str(), RTLD_NOW | RTLD_LOCAL))) {
      Tried = Name;
      break;
    }
    const char *E = ::dlerror();
    Errors += std::string(Errors.empty() ? "" : "; ") + (E ? E : Name + ": cannot load");
  }
  if (!Handle)
    return Result(Status::TargetUnavailable, "library absent: " + Errors);

  auto L = std::make_unique<HipLibrary>();
  L->Path = Tried;
  if (Result R = resolve(Handle, *L); !R)
    return R; // The handle stays open; nothing from it is used.
  if (int E = L->hipRuntimeGetVersion(&L->RuntimeVersion); E != abi::Success)
    return Result(Status::TargetUnavailable,
                  "library present but unusable: hipRuntimeGetVersion: " + L->errorText(E));
  // HIP encodes major * 10000000 + minor * 100000 + patch.
  int Major = L->RuntimeVersion / 10000000;
  if (Major != 5)
    return Result(Status::TargetUnavailable,
                  "library present but unusable: " + L->Path + " is HIP runtime " +
                      std::to_string(L->RuntimeVersion) +
                      "; this target declares HIP 5's ABI (hipDeviceProp_t layout)");
  Loaded = L.release();
  *Out = Loaded;
  return Result::success();
}

std::string HipLibrary::errorText(int Error) const {
  const char *Name = hipGetErrorName ? hipGetErrorName(Error) : nullptr;
  const char *Text = hipGetErrorString ? hipGetErrorString(Error) : nullptr;
  std::string S = Name ? Name : "hipError";
  // HIP 5.2's strings are its names; add the string only when it says more.
  if (Text && (!Name || std::string(Text) != Name))
    S += std::string(": ") + Text;
  return S + " (error " + std::to_string(Error) + ")";
}

Status statusOf(int Error) {
  switch (Error) {
#define HIP_ERROR(Name, Value, St)                                             \
  case Value:                                                                  \
    return Status::St;
#include "HipErrors.def"
  }
  return Status::Unknown;
}

Result check(const HipLibrary &L, int Error, const char *What) {
  if (Error == abi::Success)
    return Result::success();
  return Result(statusOf(Error), std::string(What) + ": " + L.errorText(Error));
}

} // namespace hip
} // namespace target
} // namespace cuport
