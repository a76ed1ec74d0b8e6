//===- DeviceLink.h - link relocatable device code -------------*- C++ -*-===//
//
// nvcc's -rdc model: each -dc object carries its translation unit's device
// code (here: unlowered LLVM bitcode inside cuport's container, in the
// object's .nv_fatbin section). The device link gathers every such image
// from the objects and archives being linked, links them into one module,
// lowers it and writes one SPIR-V image, and emits a small registration
// object that hands that image to libcudart before main. Each translation
// unit registers its kernels and variables through Clang's -fgpu-rdc hook,
// `__cudaRegisterLinkedBinary<ModuleID>(register_globals, ...)`, which
// nvlink would otherwise generate: the registration object defines one per
// module, each registering the linked image once and then running that
// module's register_globals against it.
//
// AMD code objects follow the same model: an -rdc object compiled with
// --offload-arch also carries, per architecture, its translation unit's
// amdgcn bitcode; the device link links each architecture's bitcode and
// builds one code object from it (lowering/lib/AmdImage.h), checked against
// the kernels of the linked SPIR-V image, next to which it is packaged.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_DRIVER_DEVICELINK_H
#define CUPORT_DRIVER_DEVICELINK_H

#include "AmdImage.h"

#include "llvm/Support/Error.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cuport {
namespace driver {

struct DeviceLinkPlan {
  std::vector<std::vector<uint8_t>> Bitcode; ///< One per rdc translation unit.
  std::vector<std::string> Sources;          ///< Where each came from.
  /// The AMD architectures the units carry bitcode for, and per
  /// architecture each unit's, in the order of Bitcode (empty where that
  /// unit has none: the device link then says which unit lacks it).
  std::vector<std::string> AmdArchs;
  std::vector<std::vector<std::vector<uint8_t>>> AmdBitcode;
  bool AlreadyLinked = false; ///< An input already holds a device-linked image.
  /// `__cudaRegisterLinkedBinary<ID>` hooks the host objects call.
  std::vector<std::string> Hooks;
};

/// Scans objects and archives for cuport containers.
llvm::Expected<DeviceLinkPlan> planDeviceLink(const std::vector<std::string> &Inputs);

/// Writes an x86-64 bitcode module that only carries \p Container in the
/// .nv_fatbin section (kept alive through llvm.used). With -rdc every object
/// embeds its device code this way, whether or not Clang registers anything
/// for the translation unit (a file of __device__ functions has no kernels,
/// and then Clang emits no container of its own).
llvm::Error writeEmbeddingModule(const std::vector<uint8_t> &Container, const std::string &BcPath);

/// Links, lowers and translates \p Plan, builds an AMD code object for
/// each of Plan.AmdArchs with \p AmdTools (its Arch is ignored), and writes
/// the host registration module (x86-64 LLVM bitcode) to \p BcPath.
llvm::Error writeRegistrationModule(const DeviceLinkPlan &Plan,
                                    const lowering::AmdBuild &AmdTools,
                                    const std::string &BcPath);

} // namespace driver
} // namespace cuport

#endif
