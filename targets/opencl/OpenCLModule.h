//===- OpenCLModule.h - a SPIR-V module on one OpenCL device --------------===//
//
// A module is created cheaply at load time and built at the first launch of
// one of its kernels. The build takes one of three routes, fastest first:
//   1. a device binary from the kernel cache (CL_PROGRAM_BINARIES of an
//      earlier build) -> clCreateProgramWithBinary;
//   2. devices that list SPIR-V in CL_DEVICE_IL_VERSION: clCreateProgramWithIL;
//   3. otherwise SPIR: bitcode from the cache, or translated in process from
//      the SPIR-V (SpirvTranslator), -> clCreateProgramWithBinary with
//      "-x spir -spir-std=1.2".
// A fresh build stores its products in the cache. A build that fails is
// remembered: later launches get the same Result (with the build log)
// without building again.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_TARGETS_OPENCL_OPENCLMODULE_H
#define CUPORT_TARGETS_OPENCL_OPENCLMODULE_H

#include "CLSupport.h"
#include "KernelCache.h"

#include <map>
#include <memory>
#include <mutex>

namespace cuport {
namespace target {
namespace opencl {

class OpenCLDevice;

/// One cl_kernel and what a launch needs to know about it. OpenCL kernel
/// objects hold their arguments, so Lock is held from the first
/// clSetKernelArg to the enqueue that consumes them.
struct KernelSlot {
  cl_kernel Kernel = nullptr;
  std::mutex Lock;
  size_t MaxWorkGroupSize = 0; ///< CL_KERNEL_WORK_GROUP_SIZE.
  uint64_t PrivateBytes = 0; ///< CL_KERNEL_PRIVATE_MEM_SIZE.
  uint64_t SvmGeneration = ~uint64_t(0); ///< Allocation set last passed as exec info.
};

class OpenCLModule : public Module {
public:
  OpenCLModule(OpenCLDevice &Dev, std::vector<uint8_t> Spirv);
  ~OpenCLModule() override;

  const CacheKey &key() const { return Key; }

  /// The kernel named \p Name, building the module first if needed.
  /// \p ExpectedArgs is the metadata's argument count, checked against the
  /// device's CL_KERNEL_NUM_ARGS. Any thread.
  Result kernel(const std::string &Name, size_t ExpectedArgs, KernelSlot **Out);

private:
  Result build();
  Result buildFromCachedBinary(bool &Built);
  Result buildFromSource();
  Result finishBuild(cl_program P, const std::string &Options, const std::string &What);
  void storeDeviceBinary();

  OpenCLDevice &Dev;
  std::vector<uint8_t> Spirv;
  CacheKey Key;

  std::mutex Lock; ///< Guards everything below.
  bool BuildAttempted = false;
  Result BuildResult;
  cl_program Program = nullptr;
  std::map<std::string, std::unique_ptr<KernelSlot>> Kernels;
};

} // namespace opencl
} // namespace target
} // namespace cuport

#endif // CUPORT_TARGETS_OPENCL_OPENCLMODULE_H
