//===- OpenCLModule.cpp - a SPIR-V module on one OpenCL device ------------===//
//
// Lazy build with the disk cache; see OpenCLModule.h for the routes.
//
//===----------------------------------------------------------------------===//
#include "OpenCLModule.h"

#include "OpenCLDevice.h"
#include "SpirvTranslator.h"
#include "SpirvValidator.h"

namespace cuport {
namespace target {
namespace opencl {

namespace {

std::string buildLog(cl_program P, cl_device_id D) {
  size_t Size = 0;
  if (clGetProgramBuildInfo(P, D, CL_PROGRAM_BUILD_LOG, 0, nullptr, &Size) != CL_SUCCESS ||
      Size <= 1)
    return std::string();
  std::string Log(Size, '\0');
  if (clGetProgramBuildInfo(P, D, CL_PROGRAM_BUILD_LOG, Size, &Log[0], nullptr) !=
      CL_SUCCESS)
    return std::string();
  while (!Log.empty() && (Log.back() == '\0' || Log.back() == '\n'))
    Log.pop_back();
  return Log;
}

cl_program programFromBinary(OpenCLDevice &Dev, const std::vector<uint8_t> &Bytes,
                             cl_int &Err) {
  const unsigned char *Ptr = Bytes.data();
  size_t Size = Bytes.size();
  cl_int BinaryStatus = CL_SUCCESS;
  cl_device_id Id = Dev.id();
  cl_program P = clCreateProgramWithBinary(Dev.context(), 1, &Id, &Size, &Ptr,
                                           &BinaryStatus, &Err);
  if (Err == CL_SUCCESS && BinaryStatus != CL_SUCCESS) {
    Err = BinaryStatus;
    clReleaseProgram(P);
    return nullptr;
  }
  return Err == CL_SUCCESS ? P : nullptr;
}

} // namespace

OpenCLModule::OpenCLModule(OpenCLDevice &Dev, std::vector<uint8_t> SpirvBytes)
    : Dev(Dev), Spirv(std::move(SpirvBytes)) {
  Key = ContentHash()
            .field(Dev.buildFingerprint())
            .field(Spirv.data(), Spirv.size())
            .key();
}

OpenCLModule::~OpenCLModule() {
  for (auto &KV : Kernels)
    if (KV.second->Kernel)
      clReleaseKernel(KV.second->Kernel);
  if (Program)
    clReleaseProgram(Program);
}

Result OpenCLModule::kernel(const std::string &Name, size_t ExpectedArgs,
                            KernelSlot **Out) {
  std::lock_guard<std::mutex> Guard(Lock);
  if (!BuildAttempted) {
    BuildAttempted = true;
    BuildResult = build();
  }
  if (!BuildResult)
    return BuildResult;

  auto It = Kernels.find(Name);
  if (It != Kernels.end()) {
    *Out = It->second.get();
    return Result::success();
  }
  cl_int Err;
  cl_kernel K = clCreateKernel(Program, Name.c_str(), &Err);
  if (Err != CL_SUCCESS)
    return clResult(Err, "clCreateKernel(\"" + Name + "\")",
                    Err == CL_INVALID_KERNEL_NAME ? Status::InvalidDeviceFunction
                                                  : Status::Success);
  cl_uint NumArgs = 0;
  Err = clGetKernelInfo(K, CL_KERNEL_NUM_ARGS, sizeof(NumArgs), &NumArgs, nullptr);
  if (Err == CL_SUCCESS && NumArgs != ExpectedArgs) {
    clReleaseKernel(K);
    return Result(Status::InvalidKernelImage,
                  "kernel '" + Name + "' takes " + std::to_string(NumArgs) +
                      " arguments on the device, but its fat binary metadata lists " +
                      std::to_string(ExpectedArgs));
  }
  auto Slot = std::make_unique<KernelSlot>();
  Slot->Kernel = K;
  size_t WG = 0;
  if (clGetKernelWorkGroupInfo(K, Dev.id(), CL_KERNEL_WORK_GROUP_SIZE, sizeof(WG), &WG,
                               nullptr) != CL_SUCCESS || WG == 0)
    WG = Dev.properties().MaxThreadsPerBlock;
  Slot->MaxWorkGroupSize = WG;
  cl_ulong Private = 0;
  if (clGetKernelWorkGroupInfo(K, Dev.id(), CL_KERNEL_PRIVATE_MEM_SIZE, sizeof(Private),
                               &Private, nullptr) == CL_SUCCESS)
    Slot->PrivateBytes = Private;
  *Out = Slot.get();
  Kernels.emplace(Name, std::move(Slot));
  return Result::success();
}

Result OpenCLModule::build() {
  bool Built = false;
  Result R = buildFromCachedBinary(Built);
  if (Built)
    return R;
  return buildFromSource();
}

/// Route 1. Sets \p Built when Program is ready; any failure just means
/// "build from source", after counting the entry as rejected.
Result OpenCLModule::buildFromCachedBinary(bool &Built) {
  std::vector<uint8_t> Binary;
  KernelCache::LoadResult L = Dev.cache().load(Key, "bin", Binary);
  if (L == KernelCache::LoadResult::Corrupt)
    ++Dev.counters().CacheEntriesRejected;
  if (L != KernelCache::LoadResult::Hit)
    return Result::success();
  cl_int Err;
  cl_program P = programFromBinary(Dev, Binary, Err);
  if (P) {
    cl_device_id Id = Dev.id();
    Err = clBuildProgram(P, 1, &Id, Dev.buildOptions().c_str(), nullptr, nullptr);
    if (Err == CL_SUCCESS) {
      Program = P;
      Built = true;
      ++Dev.counters().BinaryCacheHits;
      return Result::success();
    }
    clReleaseProgram(P);
  }
  ++Dev.counters().CacheEntriesRejected;
  return Result::success();
}

Result OpenCLModule::buildFromSource() {
  const DeviceProperties &Props = Dev.properties();
  if (Result V = validateSpirv(Spirv); !V)
    return V;
  cl_int Err;
  if (Props.TakesSpirvDirectly) {
    cl_program P = clCreateProgramWithIL(Dev.context(), Spirv.data(), Spirv.size(), &Err);
    if (!P || Err != CL_SUCCESS)
      return clResult(Err, "clCreateProgramWithIL", Status::InvalidKernelImage);
    return finishBuild(P, Dev.buildOptions(), "SPIR-V module");
  }

  // Route 3: SPIR bitcode, cached or translated now.
  std::vector<uint8_t> Bitcode;
  KernelCache::LoadResult L = Dev.cache().load(Key, "bc", Bitcode);
  if (L == KernelCache::LoadResult::Corrupt)
    ++Dev.counters().CacheEntriesRejected;
  if (L == KernelCache::LoadResult::Hit) {
    cl_program P = programFromBinary(Dev, Bitcode, Err);
    if (P) {
      Result R = finishBuild(P, Dev.buildOptions(), "SPIR module (cached bitcode)");
      if (R) {
        ++Dev.counters().BitcodeCacheHits;
        return R;
      }
    }
    // A cached bitcode file that does not build is treated as corrupt.
    ++Dev.counters().CacheEntriesRejected;
  }
  Result T = translateSpirvToSpir(Spirv, Bitcode);
  ++Dev.counters().SpirvTranslations;
  if (!T)
    return T;
  if (Dev.cache().store(Key, "bc", Bitcode.data(), Bitcode.size()))
    ++Dev.counters().CacheEntriesWritten;
  cl_program P = programFromBinary(Dev, Bitcode, Err);
  if (!P)
    return clResult(Err, "clCreateProgramWithBinary (SPIR)", Status::InvalidKernelImage);
  return finishBuild(P, Dev.buildOptions(), "SPIR module");
}

/// Builds \p P (taking ownership); on success it becomes Program and its
/// device binary goes to the cache.
Result OpenCLModule::finishBuild(cl_program P, const std::string &Options,
                                 const std::string &What) {
  cl_device_id Id = Dev.id();
  cl_int Err = clBuildProgram(P, 1, &Id, Options.c_str(), nullptr, nullptr);
  if (Err != CL_SUCCESS) {
    std::string Log = buildLog(P, Id);
    clReleaseProgram(P);
    return Result(Status::BuildFailed,
                  "building " + What + " for '" + Dev.properties().Name +
                      "' failed: " + clErrorName(Err) +
                      (Log.empty() ? std::string() : "\nbuild log:\n" + Log));
  }
  Program = P;
  ++Dev.counters().ProgramsBuilt;
  storeDeviceBinary();
  return Result::success();
}

void OpenCLModule::storeDeviceBinary() {
  if (!Dev.cache().enabled())
    return;
  size_t Size = 0;
  if (clGetProgramInfo(Program, CL_PROGRAM_BINARY_SIZES, sizeof(Size), &Size, nullptr) !=
          CL_SUCCESS ||
      Size == 0)
    return; // The device does not give binaries back; bitcode is cached.
  std::vector<uint8_t> Binary(Size);
  unsigned char *Ptr = Binary.data();
  if (clGetProgramInfo(Program, CL_PROGRAM_BINARIES, sizeof(Ptr), &Ptr, nullptr) !=
      CL_SUCCESS)
    return;
  if (Dev.cache().store(Key, "bin", Binary.data(), Binary.size()))
    ++Dev.counters().CacheEntriesWritten;
}

} // namespace opencl
} // namespace target
} // namespace cuport
