//===- Reports.cpp - --stats, --stats-json, --report-api, coverage --------===//
#include "Reports.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

#include <set>

namespace cuport {
namespace frontend {

namespace {

std::string byFamily(const FileStats &S) {
  std::string Out;
  for (unsigned F = 0; F < unsigned(ApiFamily::NumFamilies); ++F)
    if (S.Converted[F]) {
      if (!Out.empty())
        Out += ", ";
      Out += (familyName(ApiFamily(F)) + " " + llvm::Twine(S.Converted[F])).str();
    }
  return Out.empty() ? "none" : Out;
}

void printOne(llvm::raw_ostream &OS, llvm::StringRef Title, const FileStats &S) {
  OS << Title << "\n";
  OS << "  converted:     " << S.totalConverted() << " (" << byFamily(S) << ")\n";
  OS << "  unsupported:   " << S.Unsupported << "\n";
  OS << "  unknown:       " << S.Unknown << "\n";
  OS << "  warnings:      " << S.Warnings << "\n";
  OS << "  lines changed: " << S.LinesChanged << " of " << S.Lines << "\n";
  if (S.Fallback)
    OS << "  translated by the lexer-level fallback\n";
}

void jsonCounts(llvm::json::OStream &J, const FileStats &S) {
  J.attributeObject("converted", [&] {
    for (unsigned F = 0; F < unsigned(ApiFamily::NumFamilies); ++F)
      J.attribute(familyName(ApiFamily(F)), S.Converted[F]);
  });
  J.attribute("converted_total", S.totalConverted());
  J.attribute("unsupported", S.Unsupported);
  J.attribute("unknown", S.Unknown);
  J.attribute("warnings", S.Warnings);
  J.attribute("lines", S.Lines);
  J.attribute("lines_changed", S.LinesChanged);
}

/// Can cuport run code that uses this name as it is?
bool runsOnCuport(RuntimeStatus S) {
  return S == RuntimeStatus::Implemented || S == RuntimeStatus::Partial || S == RuntimeStatus::Header ||
         S == RuntimeStatus::DeviceCode;
}

/// "hipGraphUpload (ROCm 5.3+)" for a name newer than the baseline ROCm.
std::string hipNameWithRelease(const ApiEntry &E) {
  std::string S = E.HipName.str();
  if (E.needsNewerRocm())
    S += " (ROCm " + E.HipSince.getAsString() + "+)";
  return S;
}

} // namespace

void printStatsText(llvm::raw_ostream &OS, llvm::ArrayRef<FileReport> Files) {
  FileStats Total;
  unsigned Fallbacks = 0;
  for (const FileReport &F : Files) {
    printOne(OS, F.Path, F.Stats);
    Total.merge(F.Stats);
    Fallbacks += F.Stats.Fallback;
  }
  printOne(OS, (llvm::Twine("total (") + llvm::Twine(Files.size()) + " files)").str(), Total);
  if (Fallbacks)
    OS << "  " << Fallbacks << " file(s) translated by the lexer-level fallback\n";
}

void writeStatsJson(llvm::raw_ostream &OS, llvm::ArrayRef<FileReport> Files) {
  llvm::json::OStream J(OS, 2);
  FileStats Total;
  unsigned Fallbacks = 0;
  J.object([&] {
    J.attributeArray("files", [&] {
      for (const FileReport &F : Files) {
        J.object([&] {
          J.attribute("file", F.Path);
          jsonCounts(J, F.Stats);
          J.attribute("fallback", F.Stats.Fallback);
        });
        Total.merge(F.Stats);
        Fallbacks += F.Stats.Fallback;
      }
    });
    J.attributeObject("total", [&] {
      J.attribute("files", int64_t(Files.size()));
      jsonCounts(J, Total);
      J.attribute("fallback_files", Fallbacks);
    });
  });
  OS << "\n";
}

void printApiReport(llvm::raw_ostream &OS, llvm::ArrayRef<FileReport> Files) {
  FileStats Total;
  for (const FileReport &F : Files)
    Total.merge(F.Stats);
  const ApiTable &T = ApiTable::get();
  unsigned Uses = 0, Translated = 0, Runs = 0;
  std::set<std::string> NoHip, Blockers;
  for (const auto &U : Total.Uses)
    Uses += U.second;
  OS << "CUDA API report: " << Total.Uses.size() << " names, " << Uses << " uses, " << Files.size()
     << " files\n";
  OS << llvm::formatv("{0,-44} {1,-9} {2,-10} {3,5}  {4,-44} {5}\n", "name", "family", "kind", "uses",
                      "cuport-translate", "cuport runtime");
  for (const auto &U : Total.Uses) {
    const ApiEntry *E = T.lookup(U.first);
    std::string Translate = !E ? "unknown" : E->hasHip() ? hipNameWithRelease(*E) : "no HIP equivalent";
    RuntimeStatus St = E ? E->Status : RuntimeStatus::Missing;
    std::string Runtime = statusName(St).str();
    if (St == RuntimeStatus::Absent)
      Runtime += " (cuport has no " + (E->Family == ApiFamily::Driver ? std::string("driver API")
                                                                        : familyName(E->Family).str()) +
                 ")";
    if (E && !E->Caveat.empty())
      Runtime += ": " + E->Caveat.str();
    OS << llvm::formatv("{0,-44} {1,-9} {2,-10} {3,5}  {4,-44} {5}\n", U.first,
                        E ? familyName(E->Family) : "?", E ? kindName(E->Kind) : "?", U.second, Translate,
                        Runtime);
    if (E && E->hasHip())
      ++Translated;
    else
      NoHip.insert(U.first);
    if (runsOnCuport(St))
      ++Runs;
    else
      Blockers.insert(U.first);
  }
  OS << "cuport-translate: " << Translated << " of " << Total.Uses.size() << " names have a HIP equivalent";
  if (!NoHip.empty()) {
    OS << "; without one:";
    for (const std::string &N : NoHip)
      OS << " " << N;
  }
  OS << "\n";
  OS << "cuport runtime: " << Runs << " of " << Total.Uses.size() << " names available";
  if (!Blockers.empty()) {
    OS << "; not available:";
    for (const std::string &N : Blockers)
      OS << " " << N;
  }
  OS << "\n";
  OS << "verdict: " << (Blockers.empty() ? "runs on cuport as is" : "needs changes to run on cuport")
     << "\n";
}

void printCoverageMarkdown(llvm::raw_ostream &OS, ApiFamily Family) {
  const ApiTable &T = ApiTable::get();
  unsigned Rows = 0, Mapped = 0;
  for (const ApiEntry &E : T.entries())
    if (E.Family == Family) {
      ++Rows;
      Mapped += E.hasHip();
    }
  OS << "# " << familyName(Family) << " names in cuport-translate\n\n";
  OS << "Generated by `cuport-translate --print-coverage=" << familyName(Family)
     << "` from the tables in frontend/tables/; do not edit.\n\n";
  OS << Mapped << " of " << Rows << " names have a HIP equivalent (target: " << hipLibraryName(Family)
     << ").\n\n";
  OS << "| CUDA | kind | HIP | cuport runtime |\n|:--|:--|:--|:--|\n";
  for (const ApiEntry &E : T.entries()) {
    if (E.Family != Family)
      continue;
    std::string Hip = "none";
    if (E.hasHip()) {
      Hip = "`" + E.HipName.str() + "`";
      if (E.needsNewerRocm())
        Hip += " (ROCm " + E.HipSince.getAsString() + "+)";
    }
    OS << "| `" << E.Name << "` | " << kindName(E.Kind) << " | " << Hip << " | " << statusName(E.Status) << " |\n";
  }
}

} // namespace frontend
} // namespace cuport
