//===- ApiTable.h - every CUDA name cuport-translate knows -----*- C++ -*-===//
//
// One read-only view over the .def tables in frontend/tables: the runtime
// API functions (CudaRuntime.def, shared with libcudart), the rest of the
// runtime names, the driver API, device intrinsics and warp functions, the
// math and DNN libraries, and the headers. The rewrite rules, the lexer
// pass, the stub declarations, the reports and the coverage docs all read
// the same rows through this class, so a name is described in one place.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_TRANSLATE_APITABLE_H
#define CUPORT_TRANSLATE_APITABLE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/VersionTuple.h"

#include <string>
#include <vector>

namespace cuport {
namespace frontend {

/// Which table a name comes from; also the unit --stats counts by.
enum class ApiFamily {
  Runtime,
  Driver,
  Device,
  Cublas,
  Curand,
  Cufft,
  Cusparse,
  Cusolver,
  Cudnn,
  Common, ///< library_types.h, shared by the math libraries
  NumFamilies
};

enum class ApiKind { Function, Type, Enum, Macro };

/// What cuport's own libcudart and headers do with a name (--report-api).
enum class RuntimeStatus {
  Implemented,  ///< libcudart implements it (CudaRuntime.def).
  Partial,      ///< implemented with a caveat (CudaRuntime.def).
  NotSupported, ///< exported, returns cudaErrorNotSupported.
  Missing,      ///< a runtime function CudaRuntime.def has no row for.
  Header,       ///< a type, enumerator or macro cuport's headers declare.
  DeviceCode,   ///< compiled by cuport's device lowering.
  Absent        ///< cuport provides no such library (driver API, cuBLAS...).
};

/// The ROCm whose HIP headers the tables are checked against (Debian's,
/// test/translate/hip-names.test). A HIP name that first appears in a later
/// ROCm carries that release in its row (HipSince).
inline llvm::VersionTuple baselineRocm() { return llvm::VersionTuple(5, 2); }

/// How a device function's call changes (CudaDevice.def; Substitute:
/// HipCompat.def, a name HIP lacks replaced by code that computes the same).
enum class DeviceRewrite { Rename, DropMask, Substitute };

/// What a 64-wide AMD wavefront changes about a device name.
enum class Wave64 { None, BallotMask, ShflWidth, WholeWave, WarpSize };

struct ApiEntry {
  llvm::StringRef Name;
  llvm::StringRef HipName; ///< Empty when HIP has no equivalent.
  ApiFamily Family;
  ApiKind Kind;
  RuntimeStatus Status;
  llvm::StringRef Caveat;
  DeviceRewrite Rewrite = DeviceRewrite::Rename;
  Wave64 Wave = Wave64::None;
  /// The ROCm release that added HipName when it is newer than
  /// baselineRocm() or known (CudaRuntime.def's HipSince); empty otherwise.
  llvm::VersionTuple HipSince;
  /// For DeviceRewrite::Substitute: the cuport_hip_compat.h helper that
  /// defines HipName (empty: HIP has it), and why it is the same (Caveat).
  llvm::StringRef CompatHelper;

  bool hasHip() const { return !HipName.empty(); }
  /// HipName exists only in a ROCm newer than baselineRocm().
  bool needsNewerRocm() const { return hasHip() && HipSince > baselineRocm(); }
};

/// A member of a CUDA struct that HIP spells differently (CudaMembers.def).
struct MemberEntry {
  llvm::StringRef Struct;
  llvm::StringRef Member;
  llvm::StringRef HipMember;   ///< Before HipSince; empty when there is none.
  llvm::VersionTuple HipSince; ///< HIP spells it as CUDA from here; empty: never.

  bool hasHipMember() const { return !HipMember.empty(); }
};

/// A cooperative-groups name ROCm 5.2 lacks (CudaCooperativeGroups.def).
struct CooperativeGroupsEntry {
  llvm::StringRef Name;
  bool Member; ///< A member function of a group type, not a namespace name.
};

/// A cooperative-groups name ROCm 5.2 lacks that a helper of the generated
/// cuport_hip_compat.h computes (HIP_COMPAT_CG in HipCompatWarp.def).
struct CgCompatEntry {
  /// "Namespace", the group type whose member it is, or
  /// "thread_block_tile_of_block": a tile member that needs the tile's
  /// parent to be the thread block.
  llvm::StringRef Where;
  llvm::StringRef Name;
  llvm::StringRef Substitute;
  llvm::StringRef Helper;
  Wave64 Wave;
  llvm::StringRef How;
};

/// A HipCompat.def row for calls on one operand type (atomicMin on long
/// long): the call's name becomes Substitute, defined by Helper.
struct CompatEntry {
  llvm::StringRef Function;
  llvm::StringRef Operand;
  llvm::StringRef Substitute;
  llvm::StringRef Helper; ///< Empty when HIP has Substitute.
  llvm::StringRef How;
};

/// A substitute for a runtime name the target ROCm has no HIP spelling for
/// (HIP_COMPAT_NAME); Limited when it only reports CUDA's "not supported"
/// error (or is a value that is not HIP's), which is warned about.
struct NameCompatEntry {
  llvm::StringRef Name;
  llvm::StringRef Substitute;
  llvm::StringRef Helper;
  bool Limited;
  llvm::StringRef How;
};

/// A member read computed by a helper from what ROCm 5.2's struct has
/// (HIP_COMPAT_MEMBER): Object.Member becomes Substitute(Object).
struct MemberCompatEntry {
  llvm::StringRef Struct;
  llvm::StringRef Member;
  llvm::StringRef Substitute;
  llvm::StringRef Helper;
  llvm::StringRef How;
};

/// A section of the generated cuport_hip_compat.h (HIP_COMPAT_HELPER).
struct CompatHelperEntry {
  llvm::StringRef Name;
  llvm::StringRef Includes; ///< A HIP header it needs, or empty.
  llvm::StringRef Definition;
};

struct IncludeEntry {
  llvm::StringRef Header;
  llvm::StringRef HipHeader; ///< Empty when there is none.
  ApiFamily Family;
};

class ApiTable {
public:
  /// The tables, built on first use.
  static const ApiTable &get();

  const ApiEntry *lookup(llvm::StringRef Name) const;
  const IncludeEntry *lookupInclude(llvm::StringRef Header) const;
  const MemberEntry *lookupMember(llvm::StringRef Struct, llvm::StringRef Member) const;
  llvm::ArrayRef<MemberEntry> members() const { return Members; }
  /// The row of a cooperative_groups name ROCm 5.2 lacks, if \p Name is one.
  const CooperativeGroupsEntry *lookupCooperativeGroups(llvm::StringRef Name) const;
  /// The HIP_COMPAT_CG row of \p Name for \p Where, if one.
  const CgCompatEntry *lookupCgCompat(llvm::StringRef Where, llvm::StringRef Name) const;
  llvm::ArrayRef<CgCompatEntry> cgCompats() const { return CgCompats; }
  /// hipSOLVER's spelling of a cuBLAS enumerator passed to a cuSOLVER call
  /// (HIPSOLVER_OP_N for CUBLAS_OP_N); empty when it has none.
  llvm::StringRef cusolverSpelling(llvm::StringRef Name) const;
  /// The HipCompat.def row for \p Function called on \p Operand, if one.
  const CompatEntry *lookupCompat(llvm::StringRef Function, llvm::StringRef Operand) const;
  /// True when \p Function has HipCompat.def rows for some operand types.
  bool hasCompatOperands(llvm::StringRef Function) const;
  llvm::ArrayRef<CompatEntry> compatEntries() const { return Compat; }
  llvm::ArrayRef<CompatHelperEntry> compatHelpers() const { return Helpers; }
  /// The HIP_COMPAT_NAME row of \p Name, if one.
  const NameCompatEntry *lookupNameCompat(llvm::StringRef Name) const;
  /// The HIP_COMPAT_MEMBER row of \p Struct::\p Member, if one.
  const MemberCompatEntry *lookupMemberCompat(llvm::StringRef Struct, llvm::StringRef Member) const;
  llvm::ArrayRef<NameCompatEntry> nameCompats() const { return NameCompats; }
  /// HIP_COMPAT_NAME / HIP_COMPAT_MEMBER rows naming no row of the other
  /// tables, or a helper with no HIP_COMPAT_HELPER (must be empty; tested).
  llvm::ArrayRef<std::string> danglingCompat() const { return Dangling; }
  const CompatHelperEntry *lookupCompatHelper(llvm::StringRef Name) const;
  llvm::ArrayRef<ApiEntry> entries() const { return Entries; }
  llvm::ArrayRef<IncludeEntry> includes() const { return Includes; }
  /// Names that appear in more than one row (must be empty; tested).
  llvm::ArrayRef<std::string> duplicates() const { return Duplicates; }

private:
  ApiTable();
  std::vector<ApiEntry> Entries;
  std::vector<IncludeEntry> Includes;
  std::vector<MemberEntry> Members;
  std::vector<CompatEntry> Compat;
  std::vector<CompatHelperEntry> Helpers;
  std::vector<CgCompatEntry> CgCompats;
  std::vector<NameCompatEntry> NameCompats;
  std::vector<MemberCompatEntry> MemberCompats;
  std::vector<std::string> Dangling;
  llvm::StringMap<unsigned> MemberIndex; ///< "Struct::Member"
  llvm::StringMap<llvm::StringRef> SolverSpellings;
  llvm::StringMap<CooperativeGroupsEntry> CooperativeGroups;
  llvm::StringMap<unsigned> Index;
  llvm::StringMap<unsigned> IncludeIndex;
  std::vector<std::string> Duplicates;
};

llvm::StringRef familyName(ApiFamily F);
llvm::StringRef kindName(ApiKind K);
llvm::StringRef statusName(RuntimeStatus S);
/// The HIP library a family's code links against, for reports.
llvm::StringRef hipLibraryName(ApiFamily F);

} // namespace frontend
} // namespace cuport

#endif
