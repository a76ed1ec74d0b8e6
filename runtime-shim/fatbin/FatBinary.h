//===- FatBinary.h - cuport's versioned device-code container -------------===//
//
// The container that cuport-cc embeds in every host object and that
// libcudart reads back in __cudaRegisterFatBinary. It holds device images
// (SPIR-V, AMD code objects, or relocatable LLVM bitcode for -rdc) and the
// kernel metadata a runtime needs to launch a kernel from an untyped
// `void **args` array: each argument's kind and size in source order.
//
// The byte format is specified in docs/fatbin-format.md. This library has no
// dependency on LLVM so that libcudart stays small; parsing never trusts its
// input (every length is bounds-checked) and never throws.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_FATBIN_FATBINARY_H
#define CUPORT_FATBIN_FATBINARY_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace cuport {
namespace fatbin {

/// Kinds of device image. Values are part of the on-disk format.
enum class ImageKind : uint32_t {
  SPIRV = 1,       ///< SPIR-V module for OpenCL consumers; Arch is "spirv64".
  AMDGCN = 2,      ///< AMD code object (ELF); Arch is e.g. "gfx90a".
  LLVMBitcode = 3, ///< Unlowered device bitcode kept for -rdc device linking.
};

/// How a runtime passes one kernel argument. Values are part of the format.
enum class ArgKind : uint32_t {
  Value = 0,         ///< Bytes copied from args[i]: scalars and by-value structs.
  GlobalPointer = 1, ///< A device pointer (8 bytes at args[i]).
  DynamicShared = 2, ///< Hidden argument added by lowering; sized by the launch's
                     ///< sharedMem. Has no entry in the user's args array.
  GlobalsBlock = 3,  ///< Hidden argument (1.1): the module's device-variable
                     ///< block (FatBinary::Globals). No entry in args.
  BlockDim = 4,      ///< Hidden argument (1.2) of KF_WarpLockstep kernels: a u32,
                     ///< CUDA's block shape x | y << 11 | z << 22. No entry in args.
  GridShape = 5,     ///< Hidden argument (1.3) of KF_GridLockstep kernels: four u32,
                     ///< gridDim x, y, z and the bytes of each block's slice of
                     ///< shared memory. No entry in args.
};

struct KernelArg {
  ArgKind Kind = ArgKind::Value;
  uint32_t Size = 0;  ///< Bytes at args[i] (0 for DynamicShared).
  uint32_t Align = 1; ///< Alignment of the argument in the source.
  /// (1.3) GridShape: the bytes of private memory one work-item of the
  /// kernel needs (its warp's lane state and frames); 0 for other kinds.
  uint32_t Extra = 0;
};

enum KernelFlags : uint32_t {
  KF_UsesDynamicShared = 1u << 0,
  /// (1.2) The kernel uses warp functions and runs one warp per work-item:
  /// launch ceil(block threads / 32) work-items per work-group, one
  /// work-group per block, and pass the block shape as its BlockDim argument.
  KF_WarpLockstep = 1u << 1,
  /// (1.3) A KF_WarpLockstep kernel that synchronizes its grid: launch the
  /// whole grid as one work-group (every warp of every block a work-item,
  /// block-major), pass the grid shape as its GridShape argument, and size
  /// its DynamicShared argument for one slice per block: the static shared
  /// bytes rounded up to 16, plus the launch's sharedMem, rounded up to 128.
  KF_GridLockstep = 1u << 2,
};

/// A KF_GridLockstep kernel's blocks each get a slice of its DynamicShared
/// argument: the static shared bytes rounded up to GridDynamicSharedAlign
/// (where the launch's dynamic shared memory starts), plus the launch's
/// sharedMem, rounded up to GridSliceAlign (the largest alignment a
/// __shared__ variable of such a kernel may ask for).
constexpr uint64_t GridSliceAlign = 128;
constexpr uint64_t GridDynamicSharedAlign = 16;
inline uint64_t gridSliceBytes(uint64_t StaticShared, uint64_t DynamicShared) {
  auto AlignTo = [](uint64_t V, uint64_t A) { return (V + A - 1) / A * A; };
  return AlignTo(AlignTo(StaticShared, GridDynamicSharedAlign) + DynamicShared, GridSliceAlign);
}

struct KernelInfo {
  std::string Name; ///< Mangled device-side name, as __cudaRegisterFunction gets it.
  uint32_t Flags = 0;
  /// Bytes of static shared memory (the __shared__ variables the kernel's
  /// code reaches). Since 1.2; earlier writers left the field 0.
  uint32_t StaticSharedBytes = 0;
  std::vector<KernelArg> Args; ///< In IR order; user args keep source order.
};

struct Image {
  ImageKind Kind = ImageKind::SPIRV;
  std::string Arch;
  std::vector<uint8_t> Data;
};

enum ContainerFlags : uint32_t {
  /// The container's device code lives in a separately linked image (-rdc):
  /// its kernels are found by name among all registered images.
  CF_RelocatableStub = 1u << 0,
  /// This container is the product of a device link (-dlink or final link).
  CF_DeviceLinked = 1u << 1,
};

/// A __device__/__constant__ variable the host may access (cudaMemcpyToSymbol
/// and friends). Since 1.1.
struct SymbolInfo {
  std::string Name; ///< Device-side name, as __cudaRegisterVar's deviceName.
  uint64_t Size = 0;
  uint64_t Offset = 0; ///< Within the globals block.
};

/// The module's device variables live in one block the runtime allocates
/// per loaded module and passes to kernels as their GlobalsBlock argument
/// (OpenCL 1.2 devices have no writable program-scope storage). Since 1.1.
struct GlobalsBlock {
  uint64_t Size = 0;  ///< 0: the module has no device variables.
  uint64_t Align = 0;
  std::vector<uint8_t> Init; ///< Initial contents; Init.size() == Size.
};

struct FatBinary {
  uint32_t Flags = 0;
  std::vector<Image> Images;
  std::vector<KernelInfo> Kernels;
  GlobalsBlock Globals;            ///< Since 1.1; empty from 1.0 writers.
  std::vector<SymbolInfo> Symbols; ///< Since 1.1; empty from 1.0 writers.

  const Image *findImage(ImageKind Kind, const std::string &Arch = "") const;
  const KernelInfo *findKernel(const std::string &Name) const;
  /// Index of \p Name in Symbols, or -1.
  long findSymbol(const std::string &Name) const;
};

constexpr char Magic[8] = {'C', 'U', 'P', 'O', 'R', 'T', 'F', 'B'};
constexpr uint16_t VersionMajor = 1;
constexpr uint16_t VersionMinor = 3;
/// Size of the fixed header; its last field is the u64 TotalSize.
constexpr size_t HeaderSize = 32;

/// True for the argument kinds this version knows how to pass. Containers
/// from a newer minor version may carry others; a runtime refuses to launch
/// such a kernel instead of guessing.
inline bool isKnownArgKind(ArgKind K) {
  return K == ArgKind::Value || K == ArgKind::GlobalPointer ||
         K == ArgKind::DynamicShared || K == ArgKind::GlobalsBlock ||
         K == ArgKind::BlockDim || K == ArgKind::GridShape;
}

/// Serializes \p FB; the result starts with the 32-byte header.
std::vector<uint8_t> serialize(const FatBinary &FB);

/// Result of parsing: on failure Error is non-empty and says what is wrong
/// (truncated, bad magic, unsupported version, a length out of bounds, ...).
struct ParseResult {
  FatBinary Value;
  std::string Error;
  explicit operator bool() const { return Error.empty(); }
};

/// Parses exactly \p Size bytes at \p Data.
ParseResult parse(const void *Data, size_t Size);

/// Parses a container whose size is known only from its header, as
/// __cudaRegisterFatBinary sees it. \p MaxSize bounds how far it may read
/// (SIZE_MAX when the caller cannot know).
ParseResult parseWithHeaderSize(const void *Data, size_t MaxSize);

/// True when \p Data begins with the cuport magic.
bool hasMagic(const void *Data, size_t Size);

} // namespace fatbin
} // namespace cuport

#endif // CUPORT_FATBIN_FATBINARY_H
