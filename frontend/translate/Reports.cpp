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

namespace {

/// What --report-api says, computed once for the text and the JSON.
struct ApiReport {
  struct Row {
    std::string Name;
    const ApiEntry *E; ///< Null for a name no table has.
    unsigned Uses;
    RuntimeStatus Status;
  };
  std::vector<Row> Rows; ///< Sorted by name.
  size_t Files = 0;
  unsigned Uses = 0, Translated = 0, Runs = 0;
  std::set<std::string> NoHip, Blockers;

  bool runsAsIs() const { return Blockers.empty(); }
  llvm::StringRef verdict() const {
    return runsAsIs() ? "runs on cuport as is" : "needs changes to run on cuport";
  }
};

ApiReport collectApiReport(llvm::ArrayRef<FileReport> Files) {
  FileStats Total;
  for (const FileReport &F : Files)
    Total.merge(F.Stats);
  const ApiTable &T = ApiTable::get();
  ApiReport R;
  R.Files = Files.size();
  for (const auto &U : Total.Uses) {
    const ApiEntry *E = T.lookup(U.first);
    RuntimeStatus St = E ? E->Status : RuntimeStatus::Missing;
    R.Rows.push_back({U.first, E, U.second, St});
    R.Uses += U.second;
    if (E && E->hasHip())
      ++R.Translated;
    else
      R.NoHip.insert(U.first);
    if (runsOnCuport(St))
      ++R.Runs;
    else
      R.Blockers.insert(U.first);
  }
  return R;
}

/// "absent (cuport has no driver API)", "partial: <caveat>".
std::string runtimeText(const ApiReport::Row &Row) {
  std::string S = statusName(Row.Status).str();
  if (Row.Status == RuntimeStatus::Absent)
    S += " (cuport has no " +
         (Row.E->Family == ApiFamily::Driver ? std::string("driver API") : familyName(Row.E->Family).str()) + ")";
  if (Row.E && !Row.E->Caveat.empty())
    S += ": " + Row.E->Caveat.str();
  return S;
}

} // namespace

void printApiReport(llvm::raw_ostream &OS, llvm::ArrayRef<FileReport> Files) {
  ApiReport R = collectApiReport(Files);
  OS << "CUDA API report: " << R.Rows.size() << " names, " << R.Uses << " uses, " << R.Files << " files\n";
  OS << llvm::formatv("{0,-44} {1,-9} {2,-10} {3,5}  {4,-44} {5}\n", "name", "family", "kind", "uses",
                      "cuport-translate", "cuport runtime");
  for (const ApiReport::Row &Row : R.Rows) {
    const ApiEntry *E = Row.E;
    std::string Translate = !E ? "unknown" : E->hasHip() ? hipNameWithRelease(*E) : "no HIP equivalent";
    OS << llvm::formatv("{0,-44} {1,-9} {2,-10} {3,5}  {4,-44} {5}\n", Row.Name,
                        E ? familyName(E->Family) : "?", E ? kindName(E->Kind) : "?", Row.Uses, Translate,
                        runtimeText(Row));
  }
  OS << "cuport-translate: " << R.Translated << " of " << R.Rows.size() << " names have a HIP equivalent";
  if (!R.NoHip.empty()) {
    OS << "; without one:";
    for (const std::string &N : R.NoHip)
      OS << " " << N;
  }
  OS << "\n";
  OS << "cuport runtime: " << R.Runs << " of " << R.Rows.size() << " names available";
  if (!R.Blockers.empty()) {
    OS << "; not available:";
    for (const std::string &N : R.Blockers)
      OS << " " << N;
  }
  OS << "\n";
  OS << "verdict: " << R.verdict() << "\n";
}

void writeApiReportJson(llvm::raw_ostream &OS, llvm::ArrayRef<FileReport> Files) {
  ApiReport R = collectApiReport(Files);
  llvm::json::OStream J(OS, 2);
  auto Names = [&](const std::set<std::string> &S) {
    J.array([&] {
      for (const std::string &N : S)
        J.value(N);
    });
  };
  J.object([&] {
    J.attribute("files", int64_t(R.Files));
    J.attribute("names", int64_t(R.Rows.size()));
    J.attribute("uses", R.Uses);
    J.attributeArray("apis", [&] {
      for (const ApiReport::Row &Row : R.Rows)
        J.object([&] {
          const ApiEntry *E = Row.E;
          J.attribute("name", Row.Name);
          J.attribute("family", E ? familyName(E->Family) : "unknown");
          J.attribute("kind", E ? kindName(E->Kind) : "unknown");
          J.attribute("uses", Row.Uses);
          // The HIP name, null where there is none (or no table row).
          J.attribute("hip", E && E->hasHip() ? llvm::json::Value(E->HipName) : llvm::json::Value(nullptr));
          // The ROCm release the HIP name needs, where Debian's 5.2 lacks it.
          J.attribute("hip_rocm", E && E->needsNewerRocm() ? llvm::json::Value(E->HipSince.getAsString())
                                                           : llvm::json::Value(nullptr));
          J.attribute("runtime", statusName(Row.Status));
          J.attribute("caveat", E ? E->Caveat : "");
        });
    });
    J.attributeObject("translate", [&] {
      J.attribute("with_hip", R.Translated);
      J.attributeBegin("without_hip");
      Names(R.NoHip);
      J.attributeEnd();
    });
    J.attributeObject("runtime", [&] {
      J.attribute("available", R.Runs);
      J.attributeBegin("not_available");
      Names(R.Blockers);
      J.attributeEnd();
    });
    J.attribute("runs_as_is", R.runsAsIs());
    J.attribute("verdict", R.verdict());
  });
  OS << "\n";
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
