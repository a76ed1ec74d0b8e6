//===- StubHeaders.cpp - declarations the translator parses with ----------===//
//
// The texts are generated once from the tables (function-local static) and
// shared read-only by every translation; each translation gets its own
// in-memory file system pointing at them.
//
//===----------------------------------------------------------------------===//
#include "StubHeaders.h"
#include "ApiTable.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <map>
#include <string>

namespace cuport {
namespace frontend {

llvm::StringRef stubDirectory() { return "/__cuport_translate_stubs__"; }
llvm::StringRef deviceStubHeader() { return "__cuport_translate_device.h"; }

namespace {

const char *Prelude = "#pragma once\n";

std::string typeFor(llvm::StringRef Name) {
  if (Name == "cufftComplex")
    return "float2";
  if (Name == "cufftDoubleComplex")
    return "double2";
  if (Name == "cufftReal")
    return "float";
  if (Name == "cufftDoubleReal")
    return "double";
  if (Name == "CUdeviceptr" || Name == "CUdeviceptr_v2")
    return "unsigned long long";
  return "int";
}

/// A declaration loose enough for any call, typed where the result is
/// usually used in arithmetic (shuffles, random numbers).
std::string functionFor(const ApiEntry &E) {
  llvm::StringRef N = E.Name;
  std::string V = "template <class... A> __host__ __device__ ";
  if (E.Family == ApiFamily::Device) {
    if (N.startswith("__shfl"))
      return "template <class M, class T, class... R> __device__ T " + N.str() + "(M, T, R...);";
    if (N.startswith("__ld"))
      return "template <class T> __device__ T " + N.str() + "(const T *);";
    if (N.startswith("__any") || N.startswith("__all") || N.startswith("__uni"))
      return V + "int " + N.str() + "(A...);";
    if (N.startswith("__ballot") || N.startswith("__activemask") || N.startswith("__match") ||
        N.startswith("__reduce") || N.startswith("__lanemask"))
      return V + "unsigned " + N.str() + "(A...);";
    return V + "void " + N.str() + "(A...);";
  }
  if (E.Family == ApiFamily::Curand && N.startswith("curand")) {
    std::string R = "unsigned";
    if (N == "curand_init")
      R = "void";
    else if (N.endswith("2_double"))
      R = "double2";
    else if (N.endswith("_double"))
      R = "double";
    else if (N.endswith("2"))
      R = "float2";
    else if (N.endswith("4") && !N.startswith("curand_poisson"))
      R = "float4";
    else if (N.startswith("curand_uniform") || N.startswith("curand_normal") ||
             N.startswith("curand_log_normal"))
      R = "float";
    if (N.contains('_'))
      return V + R + " " + N.str() + "(A...);";
  }
  if (N.contains("GetErrorString") || N.contains("GetErrorName"))
    return V + "const char *" + N.str() + "(A...);";
  return V + "int " + N.str() + "(A...);";
}

struct StubTexts {
  std::map<std::string, std::string> Files; ///< file name -> contents
};

const StubTexts &stubTexts() {
  static const StubTexts Texts = [] {
    StubTexts T;
    const ApiTable &Table = ApiTable::get();
    std::map<ApiFamily, std::string> Family;
    unsigned Counter = 1;
    for (const ApiEntry &E : Table.entries()) {
      if (E.Family == ApiFamily::Runtime || E.Name == "warpSize")
        continue;
      // A name HipCompat.def substitutes is one cuport's headers declare
      // (cuda_bf16.h's __float2bfloat16_rn): a loose stub beside it would
      // win overload resolution against the real declaration.
      if (E.Rewrite == DeviceRewrite::Substitute)
        continue;
      std::string &S = Family[E.Family];
      if (S.empty())
        S = Prelude;
      std::string N = E.Name.str();
      S += "#ifndef " + N + "\n";
      switch (E.Kind) {
      case ApiKind::Function:
        S += functionFor(E) + "\n";
        break;
      case ApiKind::Type:
        S += "typedef " + typeFor(E.Name) + " " + N + ";\n";
        break;
      case ApiKind::Enum:
      case ApiKind::Macro:
        S += "constexpr int " + N + " = " + std::to_string(Counter++) + ";\n";
        break;
      }
      S += "#endif\n";
    }
    for (const auto &F : Family)
      T.Files["__cuport_translate_" + familyName(F.first).str() + ".h"] = F.second;
    // Every library header also brings library_types.h, and cuSOLVER's
    // bring cuBLAS's enumerations (cusolverDn.h includes cublas_api.h), as
    // CUDA's headers do.
    for (const IncludeEntry &I : Table.includes()) {
      if (I.Family == ApiFamily::Runtime || I.Family == ApiFamily::Device)
        continue;
      std::string &S = T.Files[I.Header.str()];
      S = "#pragma once\n#include \"__cuport_translate_common.h\"\n";
      if (I.Family == ApiFamily::Cusolver)
        S += "#include \"__cuport_translate_cublas.h\"\n";
      S += "#include \"__cuport_translate_" + familyName(I.Family).str() + ".h\"\n";
    }
    // The device family's file (__cuport_translate_device.h) is the
    // pre-included one.
    return T;
  }();
  return Texts;
}

} // namespace

llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> createStubFileSystem() {
  auto Mem = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  for (const auto &F : stubTexts().Files) {
    llvm::SmallString<128> P(stubDirectory());
    llvm::sys::path::append(P, F.first);
    Mem->addFile(P, 0, llvm::MemoryBuffer::getMemBuffer(F.second, P, false));
  }
  auto Overlay = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(llvm::vfs::getRealFileSystem());
  Overlay->pushOverlay(Mem);
  return Overlay;
}

} // namespace frontend
} // namespace cuport
