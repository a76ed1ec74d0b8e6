//===- cuport-info/main.cpp - which targets and devices exist here --------===//
//
// deviceQuery for cuport: every target libcudart knows, whether it is
// available and, when it is not, exactly why (library not built or not
// found, with the loader's message; no platform; no usable device), then the
// key properties of each device, including how SPIR-V reaches it.
//
//   cuport-info                      everything
//   cuport-info --quiet-check NAME   no output; exit 0 iff target NAME has a
//                                    device (lit uses this for features)
//
// It opens targets through the same registry libcudart uses, so what it
// prints is what a CUDA program would get.
//
//===----------------------------------------------------------------------===//
#include "Target.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

using namespace cuport::target;

namespace {

const char *typeName(DeviceType T) {
  switch (T) {
  case DeviceType::CPU: return "CPU";
  case DeviceType::GPU: return "GPU";
  case DeviceType::Accelerator: return "accelerator";
  case DeviceType::Other: return "other";
  }
  return "other";
}

std::string bytes(uint64_t B) {
  char Buf[64];
  if (B >= (1ull << 30))
    std::snprintf(Buf, sizeof(Buf), "%llu bytes (%.2f GiB)", (unsigned long long)B,
                  double(B) / double(1ull << 30));
  else if (B >= (1ull << 10))
    std::snprintf(Buf, sizeof(Buf), "%llu bytes (%.0f KiB)", (unsigned long long)B,
                  double(B) / 1024.0);
  else
    std::snprintf(Buf, sizeof(Buf), "%llu bytes", (unsigned long long)B);
  return Buf;
}

void printDevice(size_t Index, Device &D) {
  const DeviceProperties &P = D.properties();
  std::printf("  device %zu: %s\n", Index, P.Name.c_str());
  std::printf("    %-28s %s\n", "type", typeName(P.Type));
  std::printf("    %-28s %s\n", "vendor", P.Vendor.c_str());
  std::printf("    %-28s %u\n", "compute units", P.ComputeUnits);
  std::printf("    %-28s %u MHz\n", "clock rate", P.ClockRateKHz / 1000);
  std::printf("    %-28s %s\n", "global memory", bytes(P.TotalGlobalMem).c_str());
  std::printf("    %-28s %s\n", "largest allocation", bytes(P.MaxAllocationSize).c_str());
  std::printf("    %-28s %s\n", "shared memory per block", bytes(P.SharedMemPerBlock).c_str());
  std::printf("    %-28s %s\n", "constant memory", bytes(P.TotalConstMem).c_str());
  std::printf("    %-28s %u\n", "max threads per block", P.MaxThreadsPerBlock);
  std::printf("    %-28s %u x %u x %u\n", "max block dims", P.MaxBlockDim[0],
              P.MaxBlockDim[1], P.MaxBlockDim[2]);
  std::printf("    %-28s %u x %u x %u\n", "max grid dims", P.MaxGridDim[0], P.MaxGridDim[1],
              P.MaxGridDim[2]);
  std::printf("    %-28s %u\n", "warp size", P.WarpSize);
  std::printf("    %-28s %s\n", "double precision", P.DoublePrecision ? "yes" : "no");
  for (const auto &KV : D.describe())
    std::printf("    %-28s %s\n", KV.first.c_str(), KV.second.c_str());
}

int quietCheck(const char *Name) {
  Probe P = openTarget(Name);
  return P.Instance && P.Instance->deviceCount() > 0 ? 0 : 1;
}

} // namespace

int main(int Argc, char **Argv) {
  if (Argc == 3 && std::strcmp(Argv[1], "--quiet-check") == 0)
    return quietCheck(Argv[2]);
  if (Argc != 1) {
    std::fprintf(stderr,
                 "usage: %s [--quiet-check TARGET]\n"
                 "  Lists cuport's execution targets and their devices.\n"
                 "  --quiet-check TARGET  print nothing; exit 0 iff TARGET has a device\n",
                 Argv[0]);
    return 2;
  }
  const char *Selected = std::getenv("CUPORT_TARGET");
  std::printf("cuport targets (selection: %s)\n",
              Selected && *Selected ? Selected : "first target with a device");
  int Available = 0;
  for (const std::string &Name : knownTargets()) {
    Probe P = openTarget(Name);
    if (!P.Instance) {
      std::printf("%s: unavailable: %s\n", Name.c_str(), P.Why.message().c_str());
      continue;
    }
    ++Available;
    size_t N = P.Instance->deviceCount();
    std::printf("%s: available, %zu device(s)\n", Name.c_str(), N);
    for (size_t I = 0; I < N; ++I)
      printDevice(I, P.Instance->device(I));
    for (const std::string &Note : P.Instance->notes())
      std::printf("  note: %s\n", Note.c_str());
  }
  return Available ? 0 : 1;
}
