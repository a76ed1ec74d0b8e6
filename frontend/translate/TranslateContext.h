//===- TranslateContext.h - edits, findings and counts for one file -*- C++ -*-===//
//
// Everything the rewrite rules and the lexer pass produce for one input:
// text edits keyed by file offset (the first edit at an offset wins, so the
// AST rules, which run first and know what a name refers to, take precedence
// over the lexer pass), the names a user's code declares (never renamed),
// per-family counts for --stats, the API uses for --report-api, and
// diagnostics through a Clang DiagnosticsEngine with IDs from
// TranslateDiagnostics.def.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_TRANSLATE_TRANSLATECONTEXT_H
#define CUPORT_TRANSLATE_TRANSLATECONTEXT_H

#include "ApiTable.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

#include <array>
#include <map>
#include <set>
#include <string>

namespace cuport {
namespace frontend {

enum class TranslateDiag {
#define TRANSLATE_DIAG(ID, Level, Format) ID,
#include "TranslateDiagnostics.def"
};

/// Options that change what the rewrite produces.
struct TranslateOptions {
  bool LaunchGGL = false;      ///< <<<>>> becomes hipLaunchKernelGGL.
  bool InsertComments = false; ///< A comment before each name with no HIP.
  bool Fallback = true;        ///< Lexer-level translation of broken files.
  /// The ROCm the HIP code is for (--hip-version). Empty: the newest, and
  /// a name newer than baselineRocm() is mapped with a warning; otherwise a
  /// name newer than this release is left unchanged with a warning.
  llvm::VersionTuple HipVersion;
};

/// One edit: replace Length bytes at an offset with Text.
struct Edit {
  unsigned Length;
  std::string Text;
};

/// Per-file counts and uses (merged across files for totals).
struct FileStats {
  std::array<unsigned, unsigned(ApiFamily::NumFamilies)> Converted{};
  unsigned Unsupported = 0;
  unsigned Unknown = 0;
  unsigned Warnings = 0;
  unsigned LinesChanged = 0;
  unsigned Lines = 0;
  bool Fallback = false;
  /// Every CUDA name used, with its use count (--report-api).
  std::map<std::string, unsigned> Uses;

  void merge(const FileStats &O);
  unsigned totalConverted() const;
};

class TranslateContext {
public:
  TranslateContext(clang::SourceManager &SM, clang::FileID Main, const TranslateOptions &Opts,
                   clang::DiagnosticsEngine &Diags);

  clang::SourceManager &sourceManager() { return SM; }
  clang::FileID mainFile() const { return Main; }
  const TranslateOptions &options() const { return Opts; }
  const ApiTable &table() const { return ApiTable::get(); }

  /// The offset of \p Loc's spelling in the main file, if it is there.
  bool mainFileOffset(clang::SourceLocation Loc, unsigned &Offset) const;

  /// Records an edit; false when it overlaps one already recorded.
  bool replace(unsigned Offset, unsigned Length, std::string Text);
  /// Inserts text before whatever is at \p Offset (never conflicts).
  void insert(unsigned Offset, std::string Text) { Inserts.emplace(Offset, std::move(Text)); }
  bool hasEditAt(unsigned Offset) const { return Edits.count(Offset) != 0; }
  /// Marks a token as seen by the AST: the lexer pass leaves it alone.
  void claim(unsigned Offset) { Claimed.insert(Offset); }
  bool isClaimed(unsigned Offset) const { return Claimed.count(Offset) || Edits.count(Offset); }

  /// The user's code declares \p Name: the lexer pass never renames it.
  void protectName(llvm::StringRef Name) { UserNames.insert(Name); }
  bool isProtected(llvm::StringRef Name) const { return UserNames.contains(Name); }

  /// Renames the token of \p E spelled at \p Offset (length of E.Name),
  /// counting it; warns (and optionally comments) when HIP has no name,
  /// and when the HIP name needs a newer ROCm than Debian's.
  void renameToken(unsigned Offset, const ApiEntry &E);
  /// Renames (or keeps, or warns about) the member token at \p Offset of a
  /// CUDA struct that HIP spells differently, for the target ROCm.
  void renameMember(unsigned Offset, const MemberEntry &M);
  /// The target ROCm's struct has \p M, as CUDA spells it or renamed.
  bool hipHasMember(const MemberEntry &M) const;
  /// Renames the token of \p E at \p Offset to HipCompat.def's substitute
  /// \p C, with a note, or a warning where \p C is Limited.
  void renameToCompat(unsigned Offset, const ApiEntry &E, const NameCompatEntry &C);
  /// A rule rewrote CUDA's \p Name (a member or a group's call) at \p Offset
  /// into a call of \p Substitute: claims the token, counts the use and the
  /// conversion, includes \p Helper (if any) and notes how (\p How).
  void substitutedAt(unsigned Offset, llvm::StringRef Name, ApiFamily F, llvm::StringRef Substitute,
                     llvm::StringRef Helper, llvm::StringRef How);
  /// E's HIP name exists in the ROCm the code is for (--hip-version).
  bool hipAvailable(const ApiEntry &E) const;
  /// Reports \p E at \p Offset as having no HIP equivalent (for the
  /// target ROCm), counting it as unsupported.
  void reportNoHip(unsigned Offset, const ApiEntry &E);
  /// Records a use for --report-api without an edit.
  void recordUse(llvm::StringRef Name) { ++Stats.Uses[Name.str()]; }
  void countConverted(ApiFamily F) { ++Stats.Converted[unsigned(F)]; }

  /// Diagnostics are queued and printed in source order by
  /// flushDiagnostics, whichever pass found them.
  void report(clang::SourceLocation Loc, TranslateDiag ID, llvm::ArrayRef<llvm::StringRef> Args = {});
  void flushDiagnostics();
  void reportAt(unsigned Offset, TranslateDiag ID, llvm::ArrayRef<llvm::StringRef> Args = {});

  /// The file calls \p Helper of the generated cuport_hip_compat.h.
  void useCompatHelper(llvm::StringRef Helper) { CompatHelpers.insert(Helper.str()); }
  const std::set<std::string> &compatHelpers() const { return CompatHelpers; }
  /// \p E (a HipCompat.def substitute) is called under a name the file
  /// forms by token pasting, reported at the macro use \p Offset. No token
  /// spells it, so it is mapped instead: pastedSubstitutes() are written as
  /// `#define Name Substitute` after the cuport_hip_compat.h include.
  void substitutePasted(unsigned Offset, const ApiEntry &E);
  const std::map<std::string, std::string> &pastedSubstitutes() const { return PastedSubstitutes; }

  FileStats &stats() { return Stats; }
  bool hasEdits() const { return !Edits.empty() || !Inserts.empty(); }

  /// What the include rewriting saw, for the implicit hip_runtime.h:
  /// HasHipRuntimeInclude only when hip_runtime.h comes ahead of every other
  /// HIP header, because CUDA headers rely on nvcc including cuda_runtime.h
  /// first and ROCm 5.2's (hip_cooperative_groups.h) need hip_runtime.h
  /// before them.
  bool HasHipRuntimeInclude = false;
  bool HasHipInclude = false;
  void sawHipInclude(llvm::StringRef Header) {
    HasHipRuntimeInclude |= Header == "hip/hip_runtime.h" && !HasHipInclude;
    HasHipInclude = true;
  }
  /// Start of the line of the first #include outside any #if, if one.
  unsigned FirstIncludeOffset = ~0u;
  /// The main file's text with every edit applied; fills LinesChanged.
  std::string apply();

private:
  clang::SourceManager &SM;
  clang::FileID Main;
  const TranslateOptions &Opts;
  clang::DiagnosticsEngine &Diags;
  std::map<unsigned, Edit> Edits;
  std::multimap<unsigned, std::string> Inserts;
  llvm::DenseSet<unsigned> Claimed;
  llvm::StringSet<> UserNames;
  FileStats Stats;
  std::set<std::string> CompatHelpers;
  std::map<std::string, std::string> PastedSubstitutes;
  struct Pending {
    clang::SourceLocation Loc;
    TranslateDiag ID;
    std::vector<std::string> Args;
  };
  std::vector<Pending> Queue;
};

/// The Clang diagnostic level of each TranslateDiag (for custom IDs).
clang::DiagnosticIDs::Level translateDiagLevel(TranslateDiag ID);
llvm::StringRef translateDiagFormat(TranslateDiag ID);
/// A message without a source location, as the tool prints it:
/// "cuport-translate: error: <format with %N replaced by Args[N]>\n".
std::string formatToolDiag(TranslateDiag ID, llvm::ArrayRef<std::string> Args);

} // namespace frontend
} // namespace cuport

#endif
