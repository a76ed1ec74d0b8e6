//===- OpenCLTarget.cpp - discovery and the library's entry point ---------===//
//
// libcuport-opencl.so exports `cuport_target_entry`. Creating the target
// walks every platform the ICD loader knows and keeps the devices cuport can
// run on: available, with a compiler, with SVM (device pointers are SVM
// pointers), and taking either SPIR-V (CL_DEVICE_IL_VERSION) or SPIR
// (cl_khr_spir). The others are listed in notes() with the reason, which is
// what cuport-info shows. GPUs and accelerators come before CPUs, so that
// CUDA device 0 is the fastest device, as programs assume.
//
//===----------------------------------------------------------------------===//
#include "CLSupport.h"
#include "OpenCLDevice.h"

#include <algorithm>

namespace cuport {
namespace target {
namespace opencl {

namespace {

class OpenCLTarget : public Target {
public:
  const char *name() const override { return "opencl"; }
  size_t deviceCount() const override { return Devices.size(); }
  Device &device(size_t Index) override { return *Devices[Index]; }
  std::vector<std::string> notes() const override { return Notes; }

  std::vector<std::unique_ptr<OpenCLDevice>> Devices;
  std::vector<std::string> Notes;
};

int preference(DeviceType T) {
  switch (T) {
  case DeviceType::GPU: return 0;
  case DeviceType::Accelerator: return 1;
  case DeviceType::CPU: return 2;
  case DeviceType::Other: return 3;
  }
  return 3;
}

/// Why \p D cannot run cuport's kernels, or empty when it can.
std::string unusableBecause(cl_device_id D) {
  cl_bool Available = CL_FALSE, Compiler = CL_FALSE;
  deviceInfo(D, CL_DEVICE_AVAILABLE, Available);
  deviceInfo(D, CL_DEVICE_COMPILER_AVAILABLE, Compiler);
  if (!Available)
    return "device not available";
  if (!Compiler)
    return "no compiler available (CL_DEVICE_COMPILER_AVAILABLE is false)";
  cl_device_svm_capabilities Svm = 0;
  if (deviceInfo(D, CL_DEVICE_SVM_CAPABILITIES, Svm) != CL_SUCCESS || Svm == 0)
    return "no shared virtual memory (cuport's device pointers are SVM pointers)";
  std::string IL = deviceString(D, CL_DEVICE_IL_VERSION);
  std::string Ext = deviceString(D, CL_DEVICE_EXTENSIONS);
  if (!hasWord(IL, "SPIR-V", true) && !hasWord(Ext, "cl_khr_spir"))
    return "takes neither SPIR-V (CL_DEVICE_IL_VERSION) nor SPIR (cl_khr_spir)";
  return std::string();
}

Result createTarget(std::unique_ptr<Target> *Out) {
  cl_uint NumPlatforms = 0;
  cl_int Err = clGetPlatformIDs(0, nullptr, &NumPlatforms);
  if (Err != CL_SUCCESS || NumPlatforms == 0)
    return Result(Status::TargetUnavailable,
                  "no OpenCL platform: " +
                      (Err != CL_SUCCESS ? "clGetPlatformIDs failed: " + clErrorName(Err)
                                         : std::string("the ICD loader found none")) +
                      " (is an ICD such as pocl-opencl-icd installed and listed in "
                      "/etc/OpenCL/vendors or $OCL_ICD_VENDORS?)");
  std::vector<cl_platform_id> Platforms(NumPlatforms);
  clGetPlatformIDs(NumPlatforms, Platforms.data(), nullptr);

  auto T = std::make_unique<OpenCLTarget>();
  for (cl_platform_id P : Platforms) {
    std::string PName = platformString(P, CL_PLATFORM_NAME);
    cl_uint NumDevices = 0;
    Err = clGetDeviceIDs(P, CL_DEVICE_TYPE_ALL, 0, nullptr, &NumDevices);
    if (Err != CL_SUCCESS || NumDevices == 0) {
      T->Notes.push_back("platform '" + PName + "': no devices (" +
                         (Err != CL_SUCCESS ? clErrorName(Err) : std::string("none")) +
                         ")");
      continue;
    }
    std::vector<cl_device_id> Ids(NumDevices);
    clGetDeviceIDs(P, CL_DEVICE_TYPE_ALL, NumDevices, Ids.data(), nullptr);
    for (cl_device_id Id : Ids) {
      std::string DName = deviceString(Id, CL_DEVICE_NAME);
      if (std::string Why = unusableBecause(Id); !Why.empty()) {
        T->Notes.push_back("device '" + DName + "' on '" + PName + "' skipped: " + Why);
        continue;
      }
      std::unique_ptr<OpenCLDevice> D;
      if (Result R = OpenCLDevice::create(P, Id, &D); !R) {
        T->Notes.push_back("device '" + DName + "' on '" + PName +
                           "' skipped: " + R.message());
        continue;
      }
      T->Devices.push_back(std::move(D));
    }
  }
  std::stable_sort(T->Devices.begin(), T->Devices.end(),
                   [](const auto &A, const auto &B) {
                     return preference(A->properties().Type) <
                            preference(B->properties().Type);
                   });
  if (T->Devices.empty()) {
    std::string Why = "no usable OpenCL device";
    for (const std::string &N : T->Notes)
      Why += "; " + N;
    return Result(Status::NoDevice, Why);
  }
  *Out = std::move(T);
  return Result::success();
}

constexpr TargetEntry Entry = {InterfaceVersion, "opencl", &createTarget};

} // namespace

} // namespace opencl
} // namespace target
} // namespace cuport

extern "C" __attribute__((visibility("default"))) const cuport::target::TargetEntry *
cuport_target_entry(void) {
  return &cuport::target::opencl::Entry;
}
