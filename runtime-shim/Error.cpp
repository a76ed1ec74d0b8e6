//===- Error.cpp - error state and the error API group --------------------===//
//
// CUDA's error model: each thread has a "last error" that every failing call
// sets; cudaGetLastError returns and clears it, cudaPeekAtLastError only
// returns it. A sticky error (a kernel that faulted) corrupts the context:
// it is returned by every later call and cannot be cleared except by
// cudaDeviceReset. The names and strings come from CudaErrors.def; the
// mapping from target statuses comes from Status.def.
//
//===----------------------------------------------------------------------===//
#include "Runtime.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <set>

namespace cuport {
namespace rt {

namespace {

thread_local cudaError_t LastError = cudaSuccess;
std::atomic<int> Sticky{cudaSuccess};

struct StatusRow {
  target::Status S;
  cudaError_t E;
  bool Sticky;
};
constexpr StatusRow StatusTable[] = {
#define CUPORT_STATUS(Name, CudaError, IsSticky)                               \
  {target::Status::Name, CudaError, IsSticky != 0},
#include "Status.def"
};

const StatusRow *findStatus(target::Status S) {
  for (const StatusRow &R : StatusTable)
    if (R.S == S)
      return &R;
  return nullptr;
}

struct ErrorRow {
  int Value;
  const char *Name;
  const char *String;
};
constexpr ErrorRow ErrorTable[] = {
#define CUDA_ERROR(Name, Value, String) {Value, #Name, String},
#include "cuport/CudaErrors.def"
};

const ErrorRow *findError(cudaError_t E) {
  for (const ErrorRow &R : ErrorTable)
    if (R.Value == int(E))
      return &R;
  return nullptr;
}

} // namespace

cudaError_t toCudaError(target::Status S) {
  const StatusRow *R = findStatus(S);
  return R ? R->E : cudaErrorUnknown;
}

bool verbose() {
  static const bool V = [] {
    const char *E = std::getenv("CUPORT_LOG");
    return E && *E && std::string(E) != "0";
  }();
  return V;
}

void warnOnce(const std::string &Msg) {
  static std::mutex Lock;
  static std::set<std::string> *Seen = new std::set<std::string>();
  std::lock_guard<std::mutex> Guard(Lock);
  if (Seen->insert(Msg).second)
    std::fprintf(stderr, "cuport: %s\n", Msg.c_str());
}

cudaError_t fromResult(const target::Result &R, const char *Api) {
  if (R.ok())
    return cudaSuccess;
  const StatusRow *Row = findStatus(R.status());
  cudaError_t E = Row ? Row->E : cudaErrorUnknown;
  if (Row && Row->Sticky) {
    int Expected = cudaSuccess;
    Sticky.compare_exchange_strong(Expected, int(E));
  }
  std::string Where = Api ? std::string(Api) + ": " : std::string();
  switch (R.status()) {
  case target::Status::BuildFailed:
  case target::Status::InvalidKernelImage:
  case target::Status::NoKernelImage:
  case target::Status::LaunchFailure:
    // Nothing else would tell the user why; CUDA's string alone is too vague.
    warnOnce(Where + R.message());
    break;
  default:
    if (verbose())
      std::fprintf(stderr, "cuport: %s%s (%s)\n", Where.c_str(), R.message().c_str(),
                   target::statusName(R.status()));
  }
  return E;
}

cudaError_t recordError(cudaError_t E) {
  if (E != cudaSuccess)
    LastError = E;
  return E;
}

int reportNotSupported(const char *Api) noexcept {
  try {
    warnOnce(std::string(Api) + " is not supported by cuport (cudaErrorNotSupported)");
  } catch (...) {
  }
  return recordError(cudaErrorNotSupported);
}

cudaError_t stickyError() { return cudaError_t(Sticky.load()); }
void clearStickyError() { Sticky.store(cudaSuccess); }

} // namespace rt
} // namespace cuport

using namespace cuport;

CUPORT_EXPORT cudaError_t cudaGetLastError(void) {
  cudaError_t Sticky = rt::stickyError();
  if (Sticky != cudaSuccess)
    return Sticky; // A sticky error cannot be cleared.
  cudaError_t E = rt::LastError;
  rt::LastError = cudaSuccess;
  return E;
}

CUPORT_EXPORT cudaError_t cudaPeekAtLastError(void) {
  cudaError_t Sticky = rt::stickyError();
  return Sticky != cudaSuccess ? Sticky : rt::LastError;
}

CUPORT_EXPORT const char *cudaGetErrorName(cudaError_t error) {
  const rt::ErrorRow *R = rt::findError(error);
  return R ? R->Name : "unrecognized error code";
}

CUPORT_EXPORT const char *cudaGetErrorString(cudaError_t error) {
  const rt::ErrorRow *R = rt::findError(error);
  return R ? R->String : "unrecognized error code";
}
