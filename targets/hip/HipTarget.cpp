//===- HipTarget.cpp - discovery and the library's entry point ------------===//
//
// libcuport-hip.so exports `cuport_target_entry`. Creating the target opens
// libamdhip64 (HipLibrary.cpp) and asks hipGetDeviceCount; the two normal
// answers on a machine without an AMD GPU are "library absent: <dlerror>"
// and "library present but no device (<HIP's error>)", which cuport-info
// and libcudart's stderr line show as they are.
//
// hipGetDeviceCount is called in-process. With Debian's libamdhip64 5.2 and
// no /dev/kfd it returns hipErrorNoDevice in about 60 ms, prints nothing and
// leaves the process able to exit cleanly, so no out-of-process guard is
// needed; test/unit/HipTargetTest.cpp keeps checking that.
//
//===----------------------------------------------------------------------===//
#include "HipDevice.h"

#include <sys/stat.h>

namespace cuport {
namespace target {
namespace hip {

namespace {

class HipTarget : public Target {
public:
  const char *name() const override { return "hip"; }
  size_t deviceCount() const override { return Devices.size(); }
  Device &device(size_t Index) override { return *Devices[Index]; }
  std::vector<std::string> notes() const override { return Notes; }

  std::vector<std::unique_ptr<HipDevice>> Devices;
  std::vector<std::string> Notes;
};

/// What the kernel driver side looks like, for the no-device message.
std::string driverHint() {
  struct stat St;
  return ::stat("/dev/kfd", &St) == 0 ? "" : "; /dev/kfd is absent (no amdgpu kernel driver)";
}

Result createTarget(std::unique_ptr<Target> *Out) {
  HipLibrary *L = nullptr;
  if (Result R = HipLibrary::open(&L); !R)
    return R;
  int Count = 0;
  int Err = L->hipGetDeviceCount(&Count);
  if (Err != abi::Success)
    return Result(Status::NoDevice, "library present but no device (hipGetDeviceCount: " +
                                        L->errorText(Err) + driverHint() + ")");
  if (Count <= 0)
    return Result(Status::NoDevice,
                  "library present but no device (hipGetDeviceCount found none" +
                      driverHint() + ")");
  auto T = std::make_unique<HipTarget>();
  for (int I = 0; I < Count; ++I) {
    std::unique_ptr<HipDevice> D;
    if (Result R = HipDevice::create(*L, I, &D); !R) {
      T->Notes.push_back("HIP device " + std::to_string(I) + " skipped: " + R.message());
      continue;
    }
    T->Devices.push_back(std::move(D));
  }
  if (T->Devices.empty()) {
    std::string Why = "library present but no usable device";
    for (const std::string &N : T->Notes)
      Why += "; " + N;
    return Result(Status::NoDevice, Why);
  }
  *Out = std::move(T);
  return Result::success();
}

constexpr TargetEntry Entry = {InterfaceVersion, "hip", &createTarget};

} // namespace

} // namespace hip
} // namespace target
} // namespace cuport

extern "C" __attribute__((visibility("default"))) const cuport::target::TargetEntry *
cuport_target_entry(void) {
  return &cuport::target::hip::Entry;
}
