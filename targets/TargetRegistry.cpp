//===- TargetRegistry.cpp - find, open and choose execution targets -------===//
//
// The registry behind target::openTarget/selectTarget. It is linked into
// libcudart and cuport-info, and it has no dependency on any target: each
// target is a shared library opened with dlopen and entered through one
// exported function. Every way of not getting a target (not built, library
// missing, wrong interface version, no platform, no device) becomes a Probe
// with a reason, because on a given machine most targets are expected to be
// absent.
//
//===----------------------------------------------------------------------===//
#include "Target.h"

#include <dlfcn.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <mutex>

namespace cuport {
namespace target {

namespace {

struct KnownTarget {
  const char *Name;
  const char *Library;
  const char *NotBuiltReason;
};

constexpr KnownTarget Known[] = {
#define CUPORT_TARGET(Name, Library, NotBuiltReason) {#Name, Library, NotBuiltReason},
#include "Targets.def"
};

bool fileExists(const std::string &Path) {
  struct stat St;
  return ::stat(Path.c_str(), &St) == 0;
}

std::string directoryOf(const std::string &Path) {
  size_t Slash = Path.rfind('/');
  return Slash == std::string::npos ? std::string(".") : Path.substr(0, Slash);
}

/// Directories to look in, in order: $CUPORT_TARGET_DIR alone when set;
/// otherwise the directory of the object this code is linked into
/// (libcudart.so sits next to the targets in lib/) and ../lib from it (for
/// executables in bin/). The plain library name, resolved by the dynamic
/// loader's search path, comes last.
std::vector<std::string> searchDirectories(bool &OnlyThese) {
  std::vector<std::string> Dirs;
  if (const char *Env = std::getenv("CUPORT_TARGET_DIR")) {
    OnlyThese = true;
    Dirs.push_back(Env);
    return Dirs;
  }
  OnlyThese = false;
  Dl_info Info;
  if (::dladdr(reinterpret_cast<void *>(&knownTargets), &Info) && Info.dli_fname) {
    std::string Object = Info.dli_fname;
    // For the main executable dladdr may give the name as it was invoked.
    if (Object.empty() || Object[0] != '/') {
      char Buf[4096];
      ssize_t N = ::readlink("/proc/self/exe", Buf, sizeof(Buf) - 1);
      if (N > 0)
        Object.assign(Buf, size_t(N));
    }
    std::string Self = directoryOf(Object);
    Dirs.push_back(Self);
    Dirs.push_back(Self + "/../lib");
  }
  return Dirs;
}

/// dlopen()s \p Library; on failure returns null and sets \p Error to
/// dlerror()'s text for the most telling attempt (a file that exists but
/// fails to load beats "no such file").
void *loadLibrary(const char *Library, std::string &Error) {
  bool OnlyThese;
  std::vector<std::string> Dirs = searchDirectories(OnlyThese);
  for (const std::string &Dir : Dirs) {
    std::string Path = Dir + "/" + Library;
    if (!fileExists(Path))
      continue;
    if (void *H = ::dlopen(Path.c_str(), RTLD_NOW | RTLD_LOCAL))
      return H;
    const char *E = ::dlerror();
    Error = E ? E : ("cannot load " + Path);
    return nullptr;
  }
  if (OnlyThese) {
    Error = std::string(Library) + ": not found in $CUPORT_TARGET_DIR (" +
            Dirs.front() + ")";
    return nullptr;
  }
  if (void *H = ::dlopen(Library, RTLD_NOW | RTLD_LOCAL))
    return H;
  const char *E = ::dlerror();
  Error = E ? E : (std::string("cannot load ") + Library);
  return nullptr;
}

/// Libraries are opened at most once per process and never closed: objects
/// and code from them live until exit.
std::mutex RegistryLock;

Probe openKnown(const KnownTarget &T) {
  Probe P;
  P.Name = T.Name;
  if (T.NotBuiltReason) {
    P.Why = Result(Status::TargetUnavailable, T.NotBuiltReason);
    return P;
  }
  std::lock_guard<std::mutex> Guard(RegistryLock);
  std::string Error;
  void *Handle = loadLibrary(T.Library, Error);
  if (!Handle) {
    P.Why = Result(Status::TargetUnavailable, Error);
    return P;
  }
  auto *Entry = reinterpret_cast<TargetEntryFn *>(::dlsym(Handle, EntrySymbol));
  if (!Entry) {
    P.Why = Result(Status::TargetUnavailable,
                   std::string(T.Library) + " does not export " + EntrySymbol);
    return P;
  }
  const TargetEntry *E = Entry();
  if (!E || E->InterfaceVersion != InterfaceVersion || !E->Create) {
    P.Why = Result(Status::TargetUnavailable,
                   std::string(T.Library) + " was built for target interface " +
                       std::to_string(E ? E->InterfaceVersion : 0) +
                       ", this runtime needs " + std::to_string(InterfaceVersion));
    return P;
  }
  std::unique_ptr<Target> Instance;
  Result R = E->Create(&Instance);
  if (R.ok() && (!Instance || Instance->deviceCount() == 0))
    R = Result(Status::NoDevice, "no usable device");
  if (!R.ok()) {
    P.Why = R;
    return P;
  }
  P.Instance = std::move(Instance);
  return P;
}

} // namespace

std::vector<std::string> knownTargets() {
  std::vector<std::string> Names;
  for (const KnownTarget &T : Known)
    Names.push_back(T.Name);
  return Names;
}

Probe openTarget(const std::string &Name) {
  for (const KnownTarget &T : Known)
    if (Name == T.Name)
      return openKnown(T);
  Probe P;
  P.Name = Name;
  std::string List;
  for (const KnownTarget &T : Known)
    List += std::string(List.empty() ? "" : ", ") + T.Name;
  P.Why = Result(Status::TargetUnavailable,
                 "unknown target '" + Name + "' (known: " + List + ")");
  return P;
}

Probe selectTarget() {
  const char *Env = std::getenv("CUPORT_TARGET");
  if (Env && *Env) {
    Probe P = openTarget(Env);
    if (!P.Instance)
      P.Why = Result(P.Why.status(), "CUPORT_TARGET=" + std::string(Env) +
                                         ": " + P.Why.message());
    return P;
  }
  std::string Reasons;
  Status Worst = Status::TargetUnavailable;
  for (const KnownTarget &T : Known) {
    Probe P = openKnown(T);
    if (P.Instance)
      return P;
    if (P.Why.status() == Status::NoDevice)
      Worst = Status::NoDevice;
    Reasons += std::string(Reasons.empty() ? "" : "; ") + T.Name + ": " +
               P.Why.message();
  }
  Probe None;
  None.Why = Result(Worst, Reasons);
  return None;
}

} // namespace target
} // namespace cuport
