//===- ApiTable.cpp - the .def tables as one lookup structure -------------===//
//
// Expands every table in frontend/tables once, into a flat vector indexed by
// name. The index is built lazily on the first lookup (a function-local
// static), not at program start-up, and a name listed twice is recorded so
// that `cuport-translate --check-tables` (and its lit test) can reject it.
//
//===----------------------------------------------------------------------===//
#include "ApiTable.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/Twine.h"

namespace cuport {
namespace frontend {

namespace {
// NoHip is spelled as an identifier in the tables so that rows stay plain
// macro arguments; it stringizes to "NoHip", which means "none".
llvm::StringRef hip(const char *S) {
  llvm::StringRef R(S);
  return R == "NoHip" ? llvm::StringRef() : R;
}

// A HipSince column: "5.3" -> 5.3; "-" (NoHip) -> empty.
llvm::VersionTuple rocmRelease(const char *S) {
  llvm::VersionTuple V;
  if (V.tryParse(S))
    return llvm::VersionTuple();
  return V;
}
} // namespace

ApiTable::ApiTable() {
  using K = ApiKind;
  using S = RuntimeStatus;
  auto Add = [&](ApiEntry E) { Entries.push_back(E); };

#define CUDA_RUNTIME_API(Name, HipName, Since, Group, Status, Caveat)           \
  Add({#Name, hip(#HipName), ApiFamily::Runtime, K::Function, S::Status, Caveat}); \
  Entries.back().HipSince = rocmRelease(#Since);
#include "CudaRuntime.def"

#define CUDA_RUNTIME_NAME(Name, HipName, Kind)                                  \
  Add({#Name, hip(#HipName), ApiFamily::Runtime, K::Kind, S::Header, ""});
#include "CudaRuntimeNames.def"

#define CUDA_DRIVER_NAME(Name, HipName, Kind)                                   \
  Add({#Name, hip(#HipName), ApiFamily::Driver, K::Kind, S::Absent, ""});
#include "CudaDriver.def"

#define CUDA_DEVICE_NAME(Name, HipName, Rewrite, Wave)                          \
  Add({#Name, hip(#HipName), ApiFamily::Device, K::Function, S::DeviceCode, "",  \
       DeviceRewrite::Rewrite, Wave64::Wave});
#include "CudaDevice.def"
  // A helper column names a HIP_COMPAT_HELPER; NoHelper means HIP has it.
  auto Helper = [](const char *S) { return llvm::StringRef(S) == "NoHelper" ? llvm::StringRef() : S; };
#define HIP_COMPAT(Fn, Operand, Sub, HelperName, How)                           \
  if (llvm::StringRef(Operand).empty()) {                                      \
    Add({#Fn, #Sub, ApiFamily::Device, K::Function, S::DeviceCode, How, \
         DeviceRewrite::Substitute});                                          \
    Entries.back().CompatHelper = Helper(#HelperName);                         \
  } else {                                                                     \
    Compat.push_back({#Fn, Operand, #Sub, Helper(#HelperName), How});          \
  }
#define HIP_COMPAT_HELPER(Name, Includes, Definition)                           \
  Helpers.push_back({#Name, Includes, llvm::StringRef(Definition).ltrim("\n")});
#define HIP_COMPAT_NAME(Name, Sub, HelperName, Fidelity, How)                  \
  NameCompats.push_back({#Name, #Sub, Helper(#HelperName), llvm::StringRef(#Fidelity) == "Limited", How});
#define HIP_COMPAT_MEMBER(Struct, Member, Sub, HelperName, How)                 \
  MemberCompats.push_back({#Struct, #Member, #Sub, Helper(#HelperName), How});
#define HIP_COMPAT_CG(Where, Name, Sub, HelperName, Wave, How)                \
  CgCompats.push_back({#Where, #Name, #Sub, Helper(#HelperName), Wave64::Wave, How});
#include "HipCompat.def"

#define CUDA_LIBRARY_NAME(Name, HipName, Kind)                                  \
  Add({#Name, hip(#HipName), Family, K::Kind, S::Absent, ""});
  {
    ApiFamily Family = ApiFamily::Cublas;
#include "Cublas.def"
  }
#define CUDA_LIBRARY_NAME(Name, HipName, Kind)                                  \
  Add({#Name, hip(#HipName), Family, K::Kind, S::Absent, ""});
  {
    ApiFamily Family = ApiFamily::Curand;
#include "Curand.def"
  }
#define CUDA_LIBRARY_NAME(Name, HipName, Kind)                                  \
  Add({#Name, hip(#HipName), Family, K::Kind, S::Absent, ""});
  {
    ApiFamily Family = ApiFamily::Cufft;
#include "Cufft.def"
  }
#define CUDA_LIBRARY_NAME(Name, HipName, Kind)                                  \
  Add({#Name, hip(#HipName), Family, K::Kind, S::Absent, ""});
  {
    ApiFamily Family = ApiFamily::Cusparse;
#include "Cusparse.def"
  }
#define CUDA_LIBRARY_NAME(Name, HipName, Kind)                                  \
  Add({#Name, hip(#HipName), Family, K::Kind, S::Absent, ""});
#define CUSOLVER_BLAS_ENUM(Name, HipName) SolverSpellings[#Name] = #HipName;
  {
    ApiFamily Family = ApiFamily::Cusolver;
#include "Cusolver.def"
  }
#define CUDA_LIBRARY_NAME(Name, HipName, Kind)                                  \
  Add({#Name, hip(#HipName), Family, K::Kind, S::Absent, ""});
  {
    ApiFamily Family = ApiFamily::Cudnn;
#include "Cudnn.def"
  }

#define CUDA_LIBRARY_NAME(Name, HipName, Kind)                                  \
  Add({#Name, hip(#HipName), Family, K::Kind, S::Absent, ""});
  {
    ApiFamily Family = ApiFamily::Common;
#include "CudaLibraryTypes.def"
  }

#define CUDA_MEMBER(Struct, Member, HipMember, HipSince)                        \
  Members.push_back({#Struct, #Member, hip(#HipMember), rocmRelease(#HipSince)});
#include "CudaMembers.def"

#define CUDA_CG_NAME(Name, Where)                                               \
  CooperativeGroups[#Name] = {#Name, llvm::StringRef(#Where) == "Member"};
#include "CudaCooperativeGroups.def"

#define CUDA_INCLUDE(Header, HipHeader, Family)                                 \
  Includes.push_back({Header, hip(#HipHeader), ApiFamily::Family});
#include "CudaIncludes.def"
  // Header names are string literals in the table; #HipHeader kept quotes.
  for (IncludeEntry &I : Includes)
    if (!I.HipHeader.empty())
      I.HipHeader = I.HipHeader.drop_front().drop_back();

  for (unsigned I = 0; I < Entries.size(); ++I)
    if (!Index.try_emplace(Entries[I].Name, I).second)
      Duplicates.push_back(Entries[I].Name.str());
  for (unsigned I = 0; I < Includes.size(); ++I)
    if (!IncludeIndex.try_emplace(Includes[I].Header, I).second)
      Duplicates.push_back(Includes[I].Header.str());
  for (unsigned I = 0; I < Members.size(); ++I) {
    std::string Key = (llvm::Twine(Members[I].Struct) + "::" + Members[I].Member).str();
    if (!MemberIndex.try_emplace(Key, I).second)
      Duplicates.push_back(Key);
  }
  // A substitute must stand for a name the tables know, and its helper
  // must exist.
  auto HasHelper = [&](llvm::StringRef H) { return H.empty() || lookupCompatHelper(H); };
  for (const NameCompatEntry &C : NameCompats)
    if (!Index.count(C.Name) || !HasHelper(C.Helper))
      Dangling.push_back(C.Name.str());
  for (const MemberCompatEntry &C : MemberCompats)
    if (!lookupMember(C.Struct, C.Member) || !HasHelper(C.Helper))
      Dangling.push_back((llvm::Twine(C.Struct) + "::" + C.Member).str());
}

const CompatEntry *ApiTable::lookupCompat(llvm::StringRef Function, llvm::StringRef Operand) const {
  for (const CompatEntry &C : Compat)
    if (C.Function == Function && C.Operand == Operand)
      return &C;
  return nullptr;
}

bool ApiTable::hasCompatOperands(llvm::StringRef Function) const {
  return llvm::any_of(Compat, [&](const CompatEntry &C) { return C.Function == Function; });
}

const NameCompatEntry *ApiTable::lookupNameCompat(llvm::StringRef Name) const {
  for (const NameCompatEntry &C : NameCompats)
    if (C.Name == Name)
      return &C;
  return nullptr;
}

const MemberCompatEntry *ApiTable::lookupMemberCompat(llvm::StringRef Struct, llvm::StringRef Member) const {
  for (const MemberCompatEntry &C : MemberCompats)
    if (C.Struct == Struct && C.Member == Member)
      return &C;
  return nullptr;
}

const CgCompatEntry *ApiTable::lookupCgCompat(llvm::StringRef Where, llvm::StringRef Name) const {
  for (const CgCompatEntry &C : CgCompats)
    if (C.Where == Where && C.Name == Name)
      return &C;
  return nullptr;
}

const CompatHelperEntry *ApiTable::lookupCompatHelper(llvm::StringRef Name) const {
  for (const CompatHelperEntry &H : Helpers)
    if (H.Name == Name)
      return &H;
  return nullptr;
}

const ApiTable &ApiTable::get() {
  static const ApiTable Table;
  return Table;
}

const ApiEntry *ApiTable::lookup(llvm::StringRef Name) const {
  auto It = Index.find(Name);
  return It == Index.end() ? nullptr : &Entries[It->second];
}

llvm::StringRef ApiTable::cusolverSpelling(llvm::StringRef Name) const {
  auto It = SolverSpellings.find(Name);
  return It == SolverSpellings.end() ? llvm::StringRef() : It->second;
}

const CooperativeGroupsEntry *ApiTable::lookupCooperativeGroups(llvm::StringRef Name) const {
  auto It = CooperativeGroups.find(Name);
  return It == CooperativeGroups.end() ? nullptr : &It->second;
}

const MemberEntry *ApiTable::lookupMember(llvm::StringRef Struct, llvm::StringRef Member) const {
  auto It = MemberIndex.find((llvm::Twine(Struct) + "::" + Member).str());
  return It == MemberIndex.end() ? nullptr : &Members[It->second];
}

const IncludeEntry *ApiTable::lookupInclude(llvm::StringRef Header) const {
  auto It = IncludeIndex.find(Header);
  return It == IncludeIndex.end() ? nullptr : &Includes[It->second];
}

llvm::StringRef familyName(ApiFamily F) {
  switch (F) {
  case ApiFamily::Runtime: return "runtime";
  case ApiFamily::Driver: return "driver";
  case ApiFamily::Device: return "device";
  case ApiFamily::Cublas: return "cublas";
  case ApiFamily::Curand: return "curand";
  case ApiFamily::Cufft: return "cufft";
  case ApiFamily::Cusparse: return "cusparse";
  case ApiFamily::Cusolver: return "cusolver";
  case ApiFamily::Cudnn: return "cudnn";
  case ApiFamily::Common: return "common";
  case ApiFamily::NumFamilies: break;
  }
  return "?";
}

llvm::StringRef kindName(ApiKind K) {
  switch (K) {
  case ApiKind::Function: return "function";
  case ApiKind::Type: return "type";
  case ApiKind::Enum: return "enumerator";
  case ApiKind::Macro: return "macro";
  }
  return "?";
}

llvm::StringRef statusName(RuntimeStatus S) {
  switch (S) {
  case RuntimeStatus::Implemented: return "implemented";
  case RuntimeStatus::Partial: return "partial";
  case RuntimeStatus::NotSupported: return "not-supported";
  case RuntimeStatus::Missing: return "missing";
  case RuntimeStatus::Header: return "declared";
  case RuntimeStatus::DeviceCode: return "device-code";
  case RuntimeStatus::Absent: return "absent";
  }
  return "?";
}

llvm::StringRef hipLibraryName(ApiFamily F) {
  switch (F) {
  case ApiFamily::Cublas: return "hipBLAS";
  case ApiFamily::Curand: return "hipRAND";
  case ApiFamily::Cufft: return "hipFFT";
  case ApiFamily::Cusparse: return "hipSPARSE";
  case ApiFamily::Cusolver: return "hipSOLVER";
  case ApiFamily::Cudnn: return "MIOpen";
  default: return "HIP";
  }
}

} // namespace frontend
} // namespace cuport
