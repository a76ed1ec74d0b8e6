//===- TranslateContext.cpp - edits, findings and counts for one file -----===//
//
// Edits are kept in an ordered map by offset; an edit that would overlap an
// earlier one is dropped, which is what makes "AST first, lexer second" safe.
// Custom diagnostic IDs are created once per DiagnosticsEngine on first use.
//
//===----------------------------------------------------------------------===//
#include "TranslateContext.h"

#include "clang/Basic/DiagnosticIDs.h"
#include "llvm/ADT/Twine.h"

#include <algorithm>

namespace cuport {
namespace frontend {

using namespace clang;

DiagnosticIDs::Level translateDiagLevel(TranslateDiag ID) {
  switch (ID) {
#define TRANSLATE_DIAG(Name, Level, Format)                                     \
  case TranslateDiag::Name:                                                    \
    return DiagnosticIDs::Level;
#include "TranslateDiagnostics.def"
  }
  return DiagnosticIDs::Warning;
}

llvm::StringRef translateDiagFormat(TranslateDiag ID) {
  switch (ID) {
#define TRANSLATE_DIAG(Name, Level, Format)                                     \
  case TranslateDiag::Name:                                                    \
    return Format;
#include "TranslateDiagnostics.def"
  }
  return "";
}

std::string formatToolDiag(TranslateDiag ID, llvm::ArrayRef<std::string> Args) {
  std::string Text = translateDiagFormat(ID).str();
  for (size_t I = 0; I < Args.size(); ++I) {
    std::string Key = "%" + std::to_string(I);
    for (size_t P = 0; (P = Text.find(Key, P)) != std::string::npos; P += Args[I].size())
      Text.replace(P, Key.size(), Args[I]);
  }
  DiagnosticIDs::Level L = translateDiagLevel(ID);
  const char *Level = L == DiagnosticIDs::Error     ? "error"
                      : L == DiagnosticIDs::Warning ? "warning"
                                                    : "note";
  return std::string("cuport-translate: ") + Level + ": " + Text + "\n";
}

void FileStats::merge(const FileStats &O) {
  for (unsigned I = 0; I < Converted.size(); ++I)
    Converted[I] += O.Converted[I];
  Unsupported += O.Unsupported;
  Unknown += O.Unknown;
  Warnings += O.Warnings;
  LinesChanged += O.LinesChanged;
  Lines += O.Lines;
  for (const auto &U : O.Uses)
    Uses[U.first] += U.second;
}

unsigned FileStats::totalConverted() const {
  unsigned N = 0;
  for (unsigned C : Converted)
    N += C;
  return N;
}

TranslateContext::TranslateContext(SourceManager &SM, FileID Main, const TranslateOptions &Opts,
                                   DiagnosticsEngine &Diags)
    : SM(SM), Main(Main), Opts(Opts), Diags(Diags) {}

bool TranslateContext::mainFileOffset(SourceLocation Loc, unsigned &Offset) const {
  if (Loc.isInvalid())
    return false;
  SourceLocation Sp = SM.getSpellingLoc(Loc);
  std::pair<FileID, unsigned> D = SM.getDecomposedLoc(Sp);
  if (D.first != Main)
    return false;
  Offset = D.second;
  return true;
}

bool TranslateContext::replace(unsigned Offset, unsigned Length, std::string Text) {
  auto Next = Edits.lower_bound(Offset);
  if (Next != Edits.end() && (Next->first == Offset || Next->first < Offset + Length))
    return false;
  if (Next != Edits.begin()) {
    auto Prev = std::prev(Next);
    if (Prev->first + Prev->second.Length > Offset)
      return false;
  }
  Edits.emplace(Offset, Edit{Length, std::move(Text)});
  return true;
}

bool TranslateContext::hipAvailable(const ApiEntry &E) const {
  return E.hasHip() && (Opts.HipVersion.empty() || E.HipSince.empty() || E.HipSince <= Opts.HipVersion);
}

void TranslateContext::reportNoHip(unsigned Offset, const ApiEntry &E) {
  claim(Offset);
  ++Stats.Unsupported;
  if (E.hasHip())
    reportAt(Offset, TranslateDiag::warn_no_hip_in_rocm,
             {kindName(E.Kind), E.Name, Opts.HipVersion.getAsString(), E.HipName, E.HipSince.getAsString()});
  else
    reportAt(Offset, TranslateDiag::warn_no_hip, {kindName(E.Kind), E.Name});
  if (Opts.InsertComments)
    insert(Offset, "/* cuport-translate: no HIP equivalent */ ");
}

void TranslateContext::renameToken(unsigned Offset, const ApiEntry &E) {
  if (isClaimed(Offset))
    return;
  recordUse(E.Name);
  if (E.Rewrite == DeviceRewrite::Rename && E.hasHip()) {
    if (E.Wave == Wave64::WarpSize)
      reportAt(Offset, TranslateDiag::warn_warp_size);
    else if (E.Wave == Wave64::BallotMask)
      reportAt(Offset, TranslateDiag::warn_ballot_mask, {E.Name});
  }
  if (!hipAvailable(E)) {
    if (const NameCompatEntry *C = table().lookupNameCompat(E.Name))
      renameToCompat(Offset, E, *C);
    else
      reportNoHip(Offset, E);
    return;
  }
  // Without --hip-version the newest ROCm is the target; say where the
  // result needs more than the ROCm the tables are checked against.
  if (Opts.HipVersion.empty() && E.needsNewerRocm())
    reportAt(Offset, TranslateDiag::warn_needs_newer_rocm,
             {E.HipName, E.HipSince.getAsString(), baselineRocm().getAsString()});
  if (E.Rewrite == DeviceRewrite::Substitute) {
    reportAt(Offset, TranslateDiag::note_compat_rename, {E.Name, E.HipName, E.Caveat});
    if (!E.CompatHelper.empty())
      useCompatHelper(E.CompatHelper);
  }
  countConverted(E.Family);
  if (E.HipName == E.Name)
    claim(Offset);
  else
    replace(Offset, E.Name.size(), E.HipName.str());
}

void TranslateContext::substitutePasted(unsigned Offset, const ApiEntry &E) {
  recordUse(E.Name);
  if (!PastedSubstitutes.emplace(E.Name.str(), E.HipName.str()).second)
    return;
  countConverted(E.Family);
  reportAt(Offset, TranslateDiag::note_compat_pasted, {E.Name, E.HipName, E.Caveat});
  if (!E.CompatHelper.empty())
    useCompatHelper(E.CompatHelper);
}

void TranslateContext::substitutedAt(unsigned Offset, llvm::StringRef Name, ApiFamily F,
                                     llvm::StringRef Substitute, llvm::StringRef Helper,
                                     llvm::StringRef How) {
  claim(Offset);
  recordUse(Name);
  countConverted(F);
  if (!Helper.empty())
    useCompatHelper(Helper);
  reportAt(Offset, TranslateDiag::note_compat_rename, {Name, Substitute, How});
}

void TranslateContext::renameToCompat(unsigned Offset, const ApiEntry &E, const NameCompatEntry &C) {
  if (!replace(Offset, E.Name.size(), C.Substitute.str()))
    return;
  claim(Offset);
  countConverted(E.Family);
  if (!C.Helper.empty())
    useCompatHelper(C.Helper);
  if (C.Limited) {
    std::string Rocm = (Opts.HipVersion.empty() ? baselineRocm() : Opts.HipVersion).getAsString();
    reportAt(Offset, TranslateDiag::warn_compat_limited, {E.Name, Rocm, C.Substitute, C.How});
  } else {
    reportAt(Offset, TranslateDiag::note_compat_rename, {E.Name, C.Substitute, C.How});
  }
}

bool TranslateContext::hipHasMember(const MemberEntry &M) const {
  return M.hasHipMember() || (!M.HipSince.empty() && (Opts.HipVersion.empty() || M.HipSince <= Opts.HipVersion));
}

void TranslateContext::renameMember(unsigned Offset, const MemberEntry &M) {
  if (isClaimed(Offset))
    return;
  claim(Offset);
  const ApiEntry *S = table().lookup(M.Struct);
  std::string Hip = (llvm::Twine(S && S->hasHip() ? S->HipName : M.Struct) + "::" + M.Member).str();
  std::string Baseline = baselineRocm().getAsString();
  bool CudaSpelling = !M.HipSince.empty() && (Opts.HipVersion.empty() || M.HipSince <= Opts.HipVersion);
  if (CudaSpelling) {
    // Kept for the newest ROCm; say what an older one needs.
    if (Opts.HipVersion.empty() && M.HipSince > baselineRocm()) {
      if (M.hasHipMember())
        reportAt(Offset, TranslateDiag::warn_member_renamed_before,
                 {Hip, M.HipSince.getAsString(), Baseline, M.HipMember});
      else
        reportAt(Offset, TranslateDiag::warn_needs_newer_rocm, {Hip, M.HipSince.getAsString(), Baseline});
    }
    return;
  }
  if (M.hasHipMember()) {
    countConverted(ApiFamily::Runtime);
    replace(Offset, M.Member.size(), M.HipMember.str());
    return;
  }
  ++Stats.Unsupported;
  std::string Cuda = (llvm::Twine(M.Struct) + "::" + M.Member).str();
  if (M.HipSince.empty())
    reportAt(Offset, TranslateDiag::warn_no_hip, {"member", Cuda});
  else
    reportAt(Offset, TranslateDiag::warn_no_hip_in_rocm,
             {"member", Cuda, Opts.HipVersion.getAsString(), Hip, M.HipSince.getAsString()});
  if (Opts.InsertComments)
    insert(Offset, "/* cuport-translate: no HIP equivalent */ ");
}

void TranslateContext::report(SourceLocation Loc, TranslateDiag ID, llvm::ArrayRef<llvm::StringRef> Args) {
  if (translateDiagLevel(ID) == DiagnosticIDs::Warning)
    ++Stats.Warnings;
  Queue.push_back({Loc, ID, std::vector<std::string>(Args.begin(), Args.end())});
}

void TranslateContext::flushDiagnostics() {
  std::stable_sort(Queue.begin(), Queue.end(), [&](const Pending &A, const Pending &B) {
    return SM.isBeforeInTranslationUnit(A.Loc, B.Loc);
  });
  for (const Pending &P : Queue) {
    DiagnosticIDs::Level L = translateDiagLevel(P.ID);
    unsigned DiagID = Diags.getDiagnosticIDs()->getCustomDiagID(L, translateDiagFormat(P.ID));
    // A note of ours stands alone: Clang drops a note that follows nothing
    // (or an ignored diagnostic), so it must not be taken as a follower.
    if (L == DiagnosticIDs::Note)
      Diags.setLastDiagnosticIgnored(false);
    DiagnosticBuilder B = Diags.Report(P.Loc, DiagID);
    for (const std::string &A : P.Args)
      B << A;
  }
  Queue.clear();
}

void TranslateContext::reportAt(unsigned Offset, TranslateDiag ID, llvm::ArrayRef<llvm::StringRef> Args) {
  report(SM.getLocForStartOfFile(Main).getLocWithOffset(Offset), ID, Args);
}

std::string TranslateContext::apply() {
  llvm::StringRef Buf = SM.getBufferData(Main);
  std::string Out;
  Out.reserve(Buf.size() + Buf.size() / 8);
  unsigned Pos = 0;
  // Lines touched, by the line number of the original text.
  llvm::DenseSet<unsigned> Touched;
  auto Ins = Inserts.begin();
  auto Ed = Edits.begin();
  while (Ins != Inserts.end() || Ed != Edits.end()) {
    // At one offset, insertions come before the replacement.
    bool TakeInsert = Ed == Edits.end() || (Ins != Inserts.end() && Ins->first <= Ed->first);
    unsigned Off = TakeInsert ? Ins->first : Ed->first;
    Out.append(Buf.data() + Pos, Off - Pos);
    Pos = Off;
    Touched.insert(SM.getLineNumber(Main, std::min<unsigned>(Off, Buf.size() ? Buf.size() - 1 : 0)));
    if (TakeInsert) {
      Out += Ins->second;
      ++Ins;
    } else {
      Out += Ed->second.Text;
      Pos = Off + Ed->second.Length;
      ++Ed;
    }
  }
  Out.append(Buf.data() + Pos, Buf.size() - Pos);
  Stats.LinesChanged = Touched.size();
  Stats.Lines = Buf.count('\n') + (!Buf.empty() && !Buf.endswith("\n"));
  return Out;
}

} // namespace frontend
} // namespace cuport
