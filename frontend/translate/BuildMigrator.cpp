//===- BuildMigrator.cpp - Makefiles and CMake files to hipcc -------------===//
#include "BuildMigrator.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"

namespace cuport {
namespace frontend {

namespace {
enum class Applies { Make, CMake, Any };

struct BuildRule {
  Applies Where;
  const char *Pattern;
  const char *Replacement;
  const char *Description;
};

const BuildRule Rules[] = {
#define BUILD_RULE(Where, Pattern, Replacement, Description)                    \
  {Applies::Where, Pattern, Replacement, Description},
#include "BuildMigration.def"
};

bool appliesTo(Applies A, BuildFileKind K) {
  return A == Applies::Any || (A == Applies::Make && K == BuildFileKind::Make) ||
         (A == Applies::CMake && K == BuildFileKind::CMake);
}

/// Replaces every match of \p R in \p Line (llvm::Regex::sub does one).
std::string replaceAll(llvm::Regex &R, llvm::StringRef Line, const std::string &Repl) {
  std::string Out;
  llvm::StringRef Rest = Line;
  llvm::SmallVector<llvm::StringRef, 10> M;
  while (!Rest.empty() && R.match(Rest, &M)) {
    size_t At = M[0].data() - Rest.data();
    Out += Rest.substr(0, At).str();
    Out += R.sub(Repl, M[0]);
    size_t Adv = At + M[0].size();
    if (M[0].empty()) { // never loop on an empty match
      if (Adv >= Rest.size())
        break;
      Out += Rest[Adv];
      ++Adv;
    }
    Rest = Rest.drop_front(Adv);
  }
  Out += Rest.str();
  return Out;
}
} // namespace

BuildFileKind buildFileKind(llvm::StringRef Path) {
  llvm::StringRef Name = llvm::sys::path::filename(Path);
  if (Name == "CMakeLists.txt" || Name.endswith(".cmake"))
    return BuildFileKind::CMake;
  if (Name == "Makefile" || Name == "makefile" || Name == "GNUmakefile" || Name.endswith(".mk") ||
      Name.startswith("Makefile."))
    return BuildFileKind::Make;
  return BuildFileKind::None;
}

BuildMigration migrateBuildFile(llvm::StringRef Text, BuildFileKind Kind, llvm::StringRef OffloadArch) {
  BuildMigration Result;
  llvm::SmallVector<llvm::StringRef, 64> Lines;
  Text.split(Lines, '\n');
  std::vector<llvm::Regex> Compiled;
  for (const BuildRule &R : Rules)
    Compiled.emplace_back(R.Pattern);
  for (unsigned LineNo = 0; LineNo < Lines.size(); ++LineNo) {
    std::string Line = Lines[LineNo].str();
    bool Comment = llvm::StringRef(Line).ltrim().startswith("#");
    for (unsigned I = 0; I < std::size(Rules) && !Comment; ++I) {
      const BuildRule &R = Rules[I];
      if (!appliesTo(R.Where, Kind) || !Compiled[I].match(Line))
        continue;
      llvm::StringRef Desc(R.Description);
      if (Desc.startswith("note:")) {
        Result.Changes.push_back({LineNo + 1, Desc.drop_front(5).trim().str(), Line, Line, true});
        continue;
      }
      std::string Repl = R.Replacement;
      for (size_t P; (P = Repl.find("@ARCH@")) != std::string::npos;)
        Repl.replace(P, 6, OffloadArch.str());
      std::string New = replaceAll(Compiled[I], Line, Repl);
      if (New == Line)
        continue;
      std::string D = Desc.str();
      for (size_t P; (P = D.find("@ARCH@")) != std::string::npos;)
        D.replace(P, 6, OffloadArch.str());
      Result.Changes.push_back({LineNo + 1, D, Line, New, false});
      Line = New;
    }
    Result.Output += Line;
    if (LineNo + 1 < Lines.size())
      Result.Output += '\n';
  }
  return Result;
}

} // namespace frontend
} // namespace cuport
