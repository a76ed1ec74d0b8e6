//===- DlhandleCacheOrder.cpp - launch ordering PoCL's CPU drivers need ---===//
//
// See DlhandleCacheOrder.h for PoCL 3.1's dlhandle cache and why launches of
// one kernel and local size with different grids must not overlap there.
//
//===----------------------------------------------------------------------===//
#include "DlhandleCacheOrder.h"

#include <cstdlib>
#include <cstring>

namespace cuport {
namespace target {
namespace opencl {

bool DlhandleCacheOrder::needed(const std::string &PlatformName, DeviceType Type,
                                const std::string &DriverVersion) {
  if (PlatformName != "Portable Computing Language" || Type != DeviceType::CPU)
    return false;
  // "3.1+debian", "6.0-pre": the major version. One that cannot be read is
  // treated as affected; the ordering costs only some overlap.
  const char *Begin = DriverVersion.c_str();
  char *End = nullptr;
  long Major = std::strtol(Begin, &End, 10);
  return End == Begin || Major < 7;
}

DlhandleCacheOrder::~DlhandleCacheOrder() {
  for (auto &KV : Entries)
    for (const Flight &F : KV.second)
      clReleaseEvent(F.Done);
}

DlhandleCacheOrder::Launch DlhandleCacheOrder::begin(const CacheKey &Module,
                                                     const std::string &Kernel,
                                                     const size_t Local[3],
                                                     const size_t Global[3],
                                                     std::vector<cl_event> &Deps) {
  Launch L;
  if (!Enabled)
    return L;
  L.Guard = std::unique_lock<std::mutex>(Lock);
  // cuport passes no global offset and PoCL specializes every launch alike,
  // so the kernel, the local size and the grid decide the entry PoCL takes.
  Flights &F = Entries[Key(Module.Hi, Module.Lo, Kernel, Local[0], Local[1], Local[2])];
  size_t Kept = 0;
  for (const Flight &Old : F) {
    // A complete launch has released its entry (a negative state: it
    // failed before it ran, so it never took one).
    cl_int State = CL_COMPLETE;
    clGetEventInfo(Old.Done, CL_EVENT_COMMAND_EXECUTION_STATUS, sizeof(State), &State,
                   nullptr);
    if (State <= CL_COMPLETE) {
      clReleaseEvent(Old.Done);
      continue;
    }
    F[Kept++] = Old;
    if (std::memcmp(Old.Global, Global, sizeof(Old.Global)) != 0) {
      clRetainEvent(Old.Done);
      Deps.push_back(Old.Done);
    }
  }
  F.resize(Kept);
  L.Slot = &F;
  std::memcpy(L.Global, Global, sizeof(L.Global));
  return L;
}

void DlhandleCacheOrder::Launch::enqueued(cl_event Done) {
  if (!Slot)
    return;
  Flight F;
  std::memcpy(F.Global, Global, sizeof(F.Global));
  F.Done = Done;
  clRetainEvent(Done);
  Slot->push_back(F);
  Slot = nullptr;
  Guard.unlock();
}

} // namespace opencl
} // namespace target
} // namespace cuport
