//===- cuport-translate.cpp - CUDA sources to HIP sources -----------------===//
//
// The command line over the cuportTranslate library:
//
//   cuport-translate [options] <file or dir>... [-- <compiler flags>]
//   cuport-translate -p <build dir> [<file>...]   (compile_commands.json)
//
// Output goes to stdout (one input), to -o <dir> keeping the inputs' tree
// shape, or over the inputs with --in-place (the original kept as .cuda).
// Every file is written to a temporary name and renamed into place; inputs
// are never written otherwise. Files are translated in parallel (-j), and
// their diagnostics printed in input order.
//
//===----------------------------------------------------------------------===//
#include "BuildMigrator.h"
#include "CompatHeader.h"
#include "CompileFlags.h"
#include "FileTranslator.h"
#include "OutputFile.h"
#include "Reports.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/StringSaver.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <set>

using namespace cuport::frontend;
namespace cl = llvm::cl;

static cl::OptionCategory Category("cuport-translate options");
static cl::list<std::string> Inputs(cl::Positional, cl::desc("<file or directory>..."), cl::cat(Category));
static cl::opt<std::string> BuildPath("p", cl::desc("Build directory with compile_commands.json"),
                                      cl::value_desc("dir"), cl::cat(Category));
static cl::opt<std::string> OutputDir("o", cl::desc("Write HIP files under <dir>, keeping the inputs' tree shape"),
                                      cl::value_desc("dir"), cl::cat(Category));
static cl::opt<bool> InPlace("in-place", cl::desc("Rewrite inputs in place; originals are kept as <file>.cuda"),
                             cl::cat(Category));
static cl::opt<std::string> Launch("launch", cl::desc("Kernel launches: chevron (keep <<<>>>, the default) or hipLaunchKernelGGL"),
                                   cl::init("chevron"), cl::cat(Category));
static cl::opt<bool> InsertComments("insert-comments",
                                    cl::desc("Insert a comment before each CUDA API with no HIP equivalent"),
                                    cl::cat(Category));
static cl::opt<std::string> HipVersion("hip-version",
                                       cl::desc("The ROCm release the HIP code is for (e.g. 5.2): HIP names added "
                                                "after it are left unchanged, with a warning (default: the newest)"),
                                       cl::value_desc("release"), cl::cat(Category));
static cl::opt<bool> NoFallback("no-fallback",
                                cl::desc("Do not translate files that fail to parse with the lexer-level fallback"),
                                cl::cat(Category));
// libLLVM registers its own -stats; ours is spelled --stats on the command
// line and renamed before parsing (see main).
static cl::opt<bool> Stats("translate-stats", cl::desc("Print per-file and total statistics (spelled --stats)"),
                           cl::cat(Category));
static cl::opt<std::string> StatsJson("translate-stats-json", cl::desc("Write the statistics as JSON to <file> (spelled --stats-json)"),
                                      cl::value_desc("file"), cl::cat(Category));
static cl::opt<bool> ReportApi("report-api",
                               cl::desc("List every CUDA API used, with its status in cuport-translate and in cuport's runtime"),
                               cl::cat(Category));
static cl::opt<std::string> ReportApiJson("report-api-json", cl::desc("Write the API report as JSON to <file>"),
                                          cl::value_desc("file"), cl::cat(Category));
static cl::opt<unsigned> NumJobs("j", cl::desc("Translate <n> files in parallel (default: all cores)"),
                              cl::value_desc("n"), cl::init(0), cl::cat(Category));
static cl::opt<bool> NoProgress("no-progress", cl::desc("No progress bar, even on a terminal"), cl::cat(Category));
static cl::opt<bool> MigrateBuild("migrate-build",
                                  cl::desc("Also migrate Makefiles and CMake files (nvcc -> hipcc, CUDA -> HIP)"),
                                  cl::cat(Category));
static cl::opt<std::string> OffloadArch("offload-arch", cl::desc("Architecture --migrate-build targets"),
                                        cl::init("gfx90a"), cl::cat(Category));
static cl::opt<bool> CheckTables("check-tables", cl::desc("Check the API tables for duplicate names and exit"),
                                 cl::cat(Category));
static cl::opt<bool> PrintHipNames("print-hip-names",
                                   cl::desc("Print each HIP name the tables map to (family, kind, name, the ROCm "
                                            "release that added it or -) and exit"),
                                   cl::cat(Category));
static cl::opt<bool> PrintCompatHeader("print-compat-header",
                                       cl::desc("Print cuport_hip_compat.h with every helper and exit (for output "
                                                "written to stdout)"),
                                       cl::cat(Category));
static cl::opt<std::string> PrintCoverage("print-coverage",
                                          cl::desc("Print the Markdown coverage table of one API family and exit"),
                                          cl::value_desc("family"), cl::cat(Category));
static cl::opt<std::string> IncludeDir("cuda-include", cl::desc("cuport's CUDA headers (default: next to the tool)"),
                                       cl::Hidden, cl::cat(Category));

namespace {

void toolDiag(TranslateDiag ID, llvm::ArrayRef<std::string> Args) {
  llvm::errs() << formatToolDiag(ID, Args);
}

bool isSourceName(llvm::StringRef P) {
  llvm::StringRef E = llvm::sys::path::extension(P);
  return E == ".cu" || E == ".cuh" || E == ".cpp" || E == ".cc" || E == ".cxx" || E == ".c" || E == ".h" ||
         E == ".hpp" || E == ".hh" || E == ".inl";
}

std::string absolutePath(llvm::StringRef P) {
  llvm::SmallString<256> A(P);
  llvm::sys::fs::make_absolute(A);
  llvm::sys::path::remove_dots(A, /*remove_dot_dot=*/true);
  return std::string(A);
}

struct Job {
  std::string Path;  ///< absolute
  std::string Shown; ///< as given (or as in the database)
  bool Build = false;
  std::vector<std::string> Flags;
};

/// The directory all inputs share, for -o's tree shape.
std::string commonRoot(const std::vector<Job> &Jobs) {
  std::string Root;
  for (const Job &J : Jobs) {
    std::string Dir = std::string(llvm::sys::path::parent_path(J.Path));
    if (Root.empty()) {
      Root = Dir;
      continue;
    }
    while (!Root.empty() && !(llvm::StringRef(Dir).startswith(Root) &&
                              (Dir.size() == Root.size() || Dir[Root.size()] == '/')))
      Root = std::string(llvm::sys::path::parent_path(Root));
  }
  return Root;
}

bool writeAtomically(const std::string &Dest, llvm::StringRef Text) {
  llvm::SmallString<256> Dir(Dest);
  llvm::sys::path::remove_filename(Dir);
  if (!Dir.empty())
    if (std::error_code EC = llvm::sys::fs::create_directories(Dir)) {
      toolDiag(TranslateDiag::err_cannot_write, {Dest, EC.message()});
      return false;
    }
  cuport::driver::OutputFile Out(Dest);
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Out.tempPath(), EC);
    if (EC) {
      toolDiag(TranslateDiag::err_cannot_write, {Dest, EC.message()});
      return false;
    }
    OS << Text;
    if (OS.has_error()) {
      toolDiag(TranslateDiag::err_cannot_write, {Dest, OS.error().message()});
      OS.clear_error();
      return false;
    }
  }
  if (llvm::Error E = Out.commit()) {
    toolDiag(TranslateDiag::err_cannot_write, {Dest, llvm::toString(std::move(E))});
    return false;
  }
  return true;
}

class Progress {
public:
  Progress(unsigned Total, bool Enabled) : Total(Total), Enabled(Enabled) {}
  void show(unsigned Done, llvm::StringRef Last) {
    if (!Enabled)
      return;
    const unsigned Width = 30;
    unsigned Fill = Total ? Done * Width / Total : Width;
    std::string Bar(Fill, '=');
    Bar.resize(Width, ' ');
    std::string Name = llvm::sys::path::filename(Last).str();
    if (Name.size() > 30)
      Name = Name.substr(0, 27) + "...";
    llvm::errs() << "\r[" << Bar << "] " << Done << "/" << Total << " " << Name << "\x1b[K";
    llvm::errs().flush();
  }
  void clear() {
    if (Enabled)
      llvm::errs() << "\r\x1b[K";
  }

private:
  unsigned Total;
  bool Enabled;
};

} // namespace

int main(int Argc, const char **Argv) {
  // Everything after "--" is compiler flags for every file.
  llvm::BumpPtrAllocator Alloc;
  llvm::StringSaver Saver(Alloc);
  std::vector<const char *> Own;
  std::vector<std::string> ExtraFlags;
  bool SawDashDash = false;
  for (int I = 0; I < Argc; ++I) {
    if (!SawDashDash && llvm::StringRef(Argv[I]) == "--") {
      SawDashDash = true;
      continue;
    }
    llvm::StringRef A(Argv[I]);
    if (SawDashDash)
      ExtraFlags.push_back(Argv[I]);
    else if (A == "--stats" || A == "-stats")
      Own.push_back("--translate-stats");
    else if (A == "--stats-json" || A == "-stats-json")
      Own.push_back("--translate-stats-json");
    else if (A.startswith("--stats-json=") || A.startswith("-stats-json="))
      Own.push_back(Saver.save("--translate-stats-json=" + A.split('=').second).data());
    else
      Own.push_back(Argv[I]);
  }
  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter([](llvm::raw_ostream &OS) {
    OS << "cuport-translate " CUPORT_VERSION_STRING " (LLVM " << LLVM_VERSION_STRING << ")\n";
  });
  cl::ParseCommandLineOptions(int(Own.size()), Own.data(),
                              "cuport-translate: CUDA sources to HIP sources, without a CUDA installation\n");

  const ApiTable &Table = ApiTable::get();
  if (CheckTables) {
    for (const std::string &D : Table.duplicates())
      toolDiag(TranslateDiag::err_duplicate_rows, {D});
    for (const std::string &D : Table.danglingCompat())
      toolDiag(TranslateDiag::err_dangling_compat, {D});
    llvm::outs() << Table.entries().size() << " names, " << Table.includes().size() << " headers, "
                 << Table.duplicates().size() << " duplicates, " << Table.danglingCompat().size()
                 << " dangling substitutes\n";
    return Table.duplicates().empty() && Table.danglingCompat().empty() ? 0 : 1;
  }
  if (PrintHipNames) {
    // One line per HIP name (test/translate/hip-names.test compiles them
    // against ROCm's headers); a name shared by several rows once. A
    // cuport_hip_compat.h helper's name is cuport's, not ROCm's.
    std::set<std::string> Printed;
    for (const ApiEntry &E : Table.entries())
      if (E.hasHip() && E.CompatHelper.empty() && Printed.insert(E.HipName.str()).second)
        llvm::outs() << familyName(E.Family) << " " << kindName(E.Kind) << " " << E.HipName << " "
                     << (E.HipSince.empty() ? std::string("-") : E.HipSince.getAsString()) << "\n";
    return 0;
  }
  if (PrintCompatHeader) {
    llvm::outs() << renderCompatHeader({});
    return 0;
  }
  if (!PrintCoverage.empty()) {
    for (unsigned F = 0; F < unsigned(ApiFamily::NumFamilies); ++F)
      if (familyName(ApiFamily(F)) == PrintCoverage) {
        printCoverageMarkdown(llvm::outs(), ApiFamily(F));
        return 0;
      }
    llvm::errs() << "cuport-translate: error: unknown family '" << PrintCoverage << "'\n";
    return 1;
  }

  TranslatorConfig Config;
  if (Launch == "hipLaunchKernelGGL")
    Config.Options.LaunchGGL = true;
  else if (Launch != "chevron") {
    toolDiag(TranslateDiag::err_bad_launch, {Launch});
    return 1;
  }
  if (!HipVersion.empty() && Config.Options.HipVersion.tryParse(HipVersion)) {
    toolDiag(TranslateDiag::err_bad_hip_version, {HipVersion});
    return 1;
  }
  Config.Options.InsertComments = InsertComments;
  Config.Options.Fallback = !NoFallback;
  Config.ClangPath = CUPORT_CLANG_PATH;
  if (!IncludeDir.empty()) {
    Config.IncludeDir = IncludeDir;
  } else {
    // bin/cuport-translate -> include/ (build and install trees alike).
    std::string Exe = llvm::sys::fs::getMainExecutable(Argv[0], (void *)&main);
    llvm::SmallString<256> Inc(llvm::sys::path::parent_path(llvm::sys::path::parent_path(Exe)));
    llvm::sys::path::append(Inc, "include");
    Config.IncludeDir = std::string(Inc);
  }
  if (InPlace && !OutputDir.empty()) {
    toolDiag(TranslateDiag::err_in_place_and_output, {});
    return 1;
  }

  // The compilation database, if any.
  std::unique_ptr<clang::tooling::CompilationDatabase> DB;
  if (!BuildPath.empty()) {
    std::string Err;
    auto JSON = clang::tooling::JSONCompilationDatabase::loadFromDirectory(BuildPath, Err);
    if (!JSON) {
      toolDiag(TranslateDiag::err_compdb, {BuildPath, Err});
      return 1;
    }
    DB = clang::tooling::inferMissingCompileCommands(std::move(JSON));
  }

  // Inputs: files, directories (searched for sources and, with
  // --migrate-build, build files), or every file of the database.
  std::vector<Job> Jobs;
  std::set<std::string> Seen;
  auto AddFile = [&](const std::string &Shown) {
    std::string Abs = absolutePath(Shown);
    if (!Seen.insert(Abs).second)
      return;
    Job J{Abs, Shown, buildFileKind(Abs) != BuildFileKind::None, {}};
    if (J.Build && !MigrateBuild)
      return;
    Jobs.push_back(std::move(J));
  };
  // A second run with `-o hip/ .` must not take the first run's output as
  // input: the output directory is never searched.
  std::string OutRoot = OutputDir.empty() ? "" : absolutePath(OutputDir);
  auto UnderOutput = [&](llvm::StringRef P) {
    if (OutRoot.empty())
      return false;
    std::string A = absolutePath(P);
    return llvm::StringRef(A).startswith(OutRoot) && (A.size() == OutRoot.size() || A[OutRoot.size()] == '/');
  };
  std::vector<std::string> Given(Inputs.begin(), Inputs.end());
  if (Given.empty() && DB)
    Given = DB->getAllFiles();
  for (const std::string &In : Given) {
    if (llvm::sys::fs::is_directory(In)) {
      std::error_code EC;
      std::vector<std::string> Found;
      for (llvm::sys::fs::recursive_directory_iterator It(In, EC), End; It != End && !EC; It.increment(EC)) {
        llvm::StringRef P = It->path();
        if (UnderOutput(P)) {
          It.no_push();
          continue;
        }
        if (llvm::sys::fs::is_regular_file(P) &&
            (isSourceName(P) || (MigrateBuild && buildFileKind(P) != BuildFileKind::None)))
          Found.push_back(P.str());
      }
      llvm::sort(Found);
      for (const std::string &F : Found)
        AddFile(F);
    } else if (!llvm::sys::fs::exists(In)) {
      toolDiag(TranslateDiag::err_cannot_read, {In, "no such file or directory"});
      return 1;
    } else {
      AddFile(In);
    }
  }
  if (Jobs.empty()) {
    toolDiag(TranslateDiag::err_no_inputs, {});
    return 1;
  }
  bool ToStdout = OutputDir.empty() && !InPlace;
  if (ToStdout && Jobs.size() > 1) {
    toolDiag(TranslateDiag::err_multiple_to_stdout, {std::to_string(Jobs.size())});
    return 1;
  }
  std::string Root = commonRoot(Jobs);
  auto Destination = [&](const Job &J) {
    llvm::SmallString<256> D(OutRoot);
    llvm::sys::path::append(D, llvm::StringRef(J.Path).drop_front(Root.size()));
    return std::string(D);
  };
  // Refuse before any work if an output would land on an input.
  if (!OutRoot.empty())
    for (const Job &J : Jobs)
      if (Seen.count(Destination(J))) {
        toolDiag(TranslateDiag::err_output_is_input, {Destination(J)});
        return 1;
      }

  for (Job &J : Jobs) {
    if (J.Build)
      continue;
    if (DB) {
      std::vector<clang::tooling::CompileCommand> Cmds = DB->getCompileCommands(J.Path);
      if (!Cmds.empty()) {
        std::string Problems;
        J.Flags = parseFlagsFromCommand(Cmds.front().CommandLine, Cmds.front().Directory, Problems);
        if (!Problems.empty())
          toolDiag(TranslateDiag::warn_nvcc_flags, {J.Shown, llvm::StringRef(Problems).trim().str()});
      }
    }
    J.Flags.insert(J.Flags.end(), ExtraFlags.begin(), ExtraFlags.end());
  }

  // Translate in parallel; report and write in input order.
  std::vector<FileResult> Results(Jobs.size());
  std::vector<BuildMigration> Migrations(Jobs.size());
  std::vector<char> Ready(Jobs.size(), 0);
  std::mutex M;
  std::condition_variable CV;
  llvm::ThreadPool Pool(NumJobs == 0u ? llvm::hardware_concurrency() : llvm::hardware_concurrency(NumJobs));
  Config.Color = false;
  for (size_t I = 0; I < Jobs.size(); ++I) {
    Pool.async([&, I] {
      const Job &J = Jobs[I];
      if (J.Build) {
        auto Buf = llvm::MemoryBuffer::getFile(J.Path);
        if (Buf)
          Migrations[I] = migrateBuildFile((*Buf)->getBuffer(), buildFileKind(J.Path), OffloadArch);
        Results[I].Path = J.Shown;
        Results[I].Translated = bool(Buf);
        if (Buf) {
          Results[I].Output = Migrations[I].Output;
          Results[I].Changed = Results[I].Output != (*Buf)->getBuffer();
        }
      } else {
        Results[I] = translateFile(Config, J.Shown, J.Flags);
      }
      std::lock_guard<std::mutex> L(M);
      Ready[I] = 1;
      CV.notify_all();
    });
  }

  Progress Bar(Jobs.size(), !NoProgress && llvm::sys::Process::StandardErrIsDisplayed() && Jobs.size() > 1);
  std::vector<FileReport> Reports;
  unsigned Failures = 0;
  // The cuport_hip_compat.h helpers each output directory's files call.
  std::map<std::string, std::set<std::string>> CompatByDir;
  for (size_t Next = 0; Next < Jobs.size(); ++Next) {
    {
      std::unique_lock<std::mutex> L(M);
      CV.wait(L, [&] { return Ready[Next] != 0; });
    }
    const Job &J = Jobs[Next];
    FileResult &R = Results[Next];
    Bar.clear();
    llvm::errs() << R.Diagnostics;
    if (J.Build)
      for (const BuildChange &C : Migrations[Next].Changes) {
        llvm::errs() << J.Shown << ":" << C.Line << ": " << (C.IsNote ? "note: " : "migrated: ")
                     << C.Description << "\n";
        if (!C.IsNote)
          llvm::errs() << "  - " << llvm::StringRef(C.Before).trim() << "\n  + "
                       << llvm::StringRef(C.After).trim() << "\n";
      }
    if (!R.Translated) {
      if (!J.Build && !R.ParseFailed)
        toolDiag(TranslateDiag::err_cannot_read, {J.Shown, "translation failed"});
      ++Failures;
    } else if (ToStdout) {
      llvm::outs() << R.Output;
      llvm::outs().flush();
    } else if (InPlace) {
      // The backup is the original CUDA source: a later --in-place run over
      // the same file must not replace it with this run's output.
      if (R.Changed && llvm::sys::fs::exists(J.Path + ".cuda")) {
        toolDiag(TranslateDiag::err_cannot_write,
                 {J.Shown + ".cuda", "it exists, from an earlier --in-place run; '" + J.Shown +
                                         "' is left unchanged"});
        ++Failures;
      } else if (R.Changed) {
        auto Orig = llvm::MemoryBuffer::getFile(J.Path);
        if (!Orig || !writeAtomically(J.Path + ".cuda", (*Orig)->getBuffer()) ||
            !writeAtomically(J.Path, R.Output))
          ++Failures;
      }
    } else if (!writeAtomically(Destination(J), R.Output)) {
      ++Failures;
    }
    if (R.Translated && !R.CompatHelpers.empty()) {
      if (ToStdout)
        toolDiag(TranslateDiag::note_compat_header_stdout, {});
      else
        CompatByDir[llvm::sys::path::parent_path(InPlace ? J.Path : Destination(J)).str()].insert(
            R.CompatHelpers.begin(), R.CompatHelpers.end());
    }
    if (!J.Build)
      Reports.push_back({J.Shown, R.Stats});
    unsigned Done = 0;
    {
      std::lock_guard<std::mutex> L(M);
      for (char C : Ready)
        Done += C;
    }
    Bar.show(Done, J.Shown);
  }
  Pool.wait();
  Bar.clear();

  // One generated cuport_hip_compat.h per directory, next to the files that
  // include it; the helpers an earlier run's files there call are kept.
  for (auto &Dir : CompatByDir) {
    llvm::SmallString<256> Path(Dir.first);
    llvm::sys::path::append(Path, compatHeaderName());
    std::set<std::string> Helpers = Dir.second;
    if (auto Old = llvm::MemoryBuffer::getFile(Path)) {
      if (!isGeneratedCompatHeader((*Old)->getBuffer())) {
        toolDiag(TranslateDiag::err_compat_header_exists, {std::string(Path)});
        ++Failures;
        continue;
      }
      std::set<std::string> Kept = compatHelpersIn((*Old)->getBuffer());
      Helpers.insert(Kept.begin(), Kept.end());
    }
    if (!writeAtomically(std::string(Path), renderCompatHeader(Helpers)))
      ++Failures;
  }

  if (Stats)
    printStatsText(llvm::outs(), Reports);
  if (!StatsJson.empty()) {
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    writeStatsJson(OS, Reports);
    OS.flush();
    if (!writeAtomically(absolutePath(StatsJson), Text))
      ++Failures;
  }
  if (ReportApi)
    printApiReport(llvm::outs(), Reports);
  if (!ReportApiJson.empty()) {
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    writeApiReportJson(OS, Reports);
    OS.flush();
    if (!writeAtomically(absolutePath(ReportApiJson), Text))
      ++Failures;
  }
  return Failures ? 1 : 0;
}
