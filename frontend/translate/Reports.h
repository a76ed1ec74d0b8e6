//===- Reports.h - --stats, --stats-json, --report-api, coverage -*- C++ -*-===//
//
// Everything cuport-translate reports about a codebase, from the per-file
// counts and uses the translation collected: the text and JSON statistics,
// the API report that answers "can this run on cuport as is?" (text and
// JSON), and the coverage pages in docs/coverage/ generated from the tables.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_TRANSLATE_REPORTS_H
#define CUPORT_TRANSLATE_REPORTS_H

#include "TranslateContext.h"

#include "llvm/Support/raw_ostream.h"

#include <string>

namespace cuport {
namespace frontend {

struct FileReport {
  std::string Path;
  FileStats Stats;
};

void printStatsText(llvm::raw_ostream &OS, llvm::ArrayRef<FileReport> Files);
void writeStatsJson(llvm::raw_ostream &OS, llvm::ArrayRef<FileReport> Files);
void printApiReport(llvm::raw_ostream &OS, llvm::ArrayRef<FileReport> Files);
/// The same report as JSON (--report-api-json).
void writeApiReportJson(llvm::raw_ostream &OS, llvm::ArrayRef<FileReport> Files);
/// A Markdown table of one family's rows (docs/coverage/<family>.md).
void printCoverageMarkdown(llvm::raw_ostream &OS, ApiFamily Family);

} // namespace frontend
} // namespace cuport

#endif
