//===- FileTranslator.cpp - translate one source file to HIP --------------===//
//
// The parse runs through tooling::ToolInvocation with -fsyntax-only, so
// Clang's driver turns the CUDA flags into one host-side cc1 job, exactly
// as cuport-cc's host compile sees the file. Clang's own warnings are off
// (-w): they are about the CUDA program, not its translation. The
// translator's diagnostics use a second DiagnosticsEngine on the same
// printer, so they still print after a fatal error (which silences the
// compiler's engine) and never count as the compile's errors.
//
//===----------------------------------------------------------------------===//
#include "FileTranslator.h"
#include "LexerPass.h"
#include "StubHeaders.h"
#include "rules/TranslateRule.h"


#include "clang/AST/ASTConsumer.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/DiagnosticSema.h"
#include "clang/Basic/FileManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace cuport {
namespace frontend {

using namespace clang;

namespace {

bool isCudaSourceName(llvm::StringRef Path) {
  llvm::StringRef Ext = llvm::sys::path::extension(Path);
  return Ext == ".cu" || Ext == ".cuh";
}

bool isCName(llvm::StringRef Path) { return llvm::sys::path::extension(Path) == ".c"; }

/// Adds `#include <hip/hip_runtime.h>` where nvcc's implicit cuda_runtime.h
/// include was relied on: every .cu/.cuh file, and any other file that uses
/// CUDA names but includes no HIP header after translation.
void addImplicitRuntimeInclude(TranslateContext &Ctx, llvm::StringRef Path) {
  bool Needed = isCudaSourceName(Path) ? !Ctx.HasHipRuntimeInclude
                                       : Ctx.hasEdits() && !Ctx.HasHipInclude;
  if (!Needed)
    return;
  unsigned At = Ctx.FirstIncludeOffset == ~0u ? 0 : Ctx.FirstIncludeOffset;
  Ctx.insert(At, "#include <hip/hip_runtime.h>\n");
}

/// Includes the generated cuport_hip_compat.h where the file calls one of
/// its helpers: ahead of the file's own includes, like hip_runtime.h (the
/// header includes hip_runtime.h itself first). Substitutes for names the
/// file forms by token pasting follow as #defines, after hip_runtime.h.
void addCompatInclude(TranslateContext &Ctx) {
  if (Ctx.compatHelpers().empty() && Ctx.pastedSubstitutes().empty())
    return;
  std::string Text;
  if (!Ctx.compatHelpers().empty())
    Text += "#include \"cuport_hip_compat.h\"\n";
  else
    Text += "#include <hip/hip_runtime.h>\n";
  for (const auto &P : Ctx.pastedSubstitutes())
    Text += "#define " + P.first + " " + P.second + "\n";
  unsigned At = Ctx.FirstIncludeOffset == ~0u ? 0 : Ctx.FirstIncludeOffset;
  Ctx.insert(At, Text);
}

/// Passes Clang's diagnostics to the printer without counting them, so the
/// compiler's "N errors generated" line (printed outside the file's
/// diagnostics buffer) never appears; the diagnostics themselves do.
/// Errors about calling a function cuport's headers mark unavailable (the
/// warp functions its SPIR-V target cannot run yet) say nothing about the
/// translation, whose target is HIP: they are dropped, with their notes,
/// and do not count as a failed parse.
class UncountedPrinter : public DiagnosticConsumer {
public:
  explicit UncountedPrinter(DiagnosticConsumer &Target) : Target(Target) {}
  void BeginSourceFile(const LangOptions &LO, const Preprocessor *PP) override {
    Target.BeginSourceFile(LO, PP);
  }
  void EndSourceFile() override { Target.EndSourceFile(); }
  void HandleDiagnostic(DiagnosticsEngine::Level L, const Diagnostic &Info) override {
    unsigned ID = Info.getID();
    if (ID == diag::err_unavailable || ID == diag::err_unavailable_message) {
      Dropping = true;
      return;
    }
    if (L == DiagnosticsEngine::Note && Dropping)
      return;
    Dropping = false;
    if (L >= DiagnosticsEngine::Error)
      ++Errors;
    Target.HandleDiagnostic(L, Info);
  }
  unsigned Errors = 0;

private:
  DiagnosticConsumer &Target;
  bool Dropping = false;
};

class SkippedRanges : public PPCallbacks {
public:
  SkippedRanges(SourceManager &SM, OffsetRanges &Out) : SM(SM), Out(Out) {}
  void SourceRangeSkipped(SourceRange Range, SourceLocation EndifLoc) override {
    std::pair<FileID, unsigned> B = SM.getDecomposedLoc(Range.getBegin());
    std::pair<FileID, unsigned> E = SM.getDecomposedLoc(EndifLoc);
    if (B.first == SM.getMainFileID() && E.first == B.first)
      Out.emplace_back(B.second, E.second);
  }

private:
  SourceManager &SM;
  OffsetRanges &Out;
};

/// Runs the matchers, then the lexer pass, then renders the result.
class TranslateConsumer : public ASTConsumer {
public:
  TranslateConsumer(CompilerInstance &CI, const TranslatorConfig &Config, FileResult &Result,
                    llvm::raw_ostream &Out, const unsigned &Errors)
      : CI(CI), Config(Config), Result(Result), Errors(Errors), OwnPrinter(Out, &CI.getDiagnosticOpts()),
        Diags(new DiagnosticIDs, &CI.getDiagnosticOpts(), &OwnPrinter, /*ShouldOwnClient=*/false),
        Ctx(CI.getSourceManager(), CI.getSourceManager().getMainFileID(), Config.Options, Diags) {
    Diags.setSourceManager(&CI.getSourceManager());
    OwnPrinter.BeginSourceFile(CI.getLangOpts(), &CI.getPreprocessor());
    Rules = createRules(Ctx);
    for (auto &R : Rules) {
      R->registerMatchers(Finder);
      R->registerPPCallbacks(CI.getPreprocessor());
    }
    CI.getPreprocessor().addPPCallbacks(std::make_unique<SkippedRanges>(CI.getSourceManager(), Skipped));
    MatchConsumer = Finder.newASTConsumer();
  }

  ~TranslateConsumer() override { OwnPrinter.EndSourceFile(); }

  void HandleTranslationUnit(ASTContext &AC) override {
    bool Errors = this->Errors != 0;
    Result.ParseFailed = Errors;
    if (Errors && !Config.Options.Fallback) {
      Ctx.report(CI.getSourceManager().getLocForStartOfFile(Ctx.mainFile()),
                 TranslateDiag::err_parse_no_fallback, {Result.Path});
      Ctx.flushDiagnostics();
      return;
    }
    // A file with errors still has an AST for what parsed; its matches are
    // kept and the lexer pass does the rest.
    MatchConsumer->HandleTranslationUnit(AC);
    if (Errors) {
      Ctx.stats().Fallback = true;
      Ctx.report(CI.getSourceManager().getLocForStartOfFile(Ctx.mainFile()), TranslateDiag::warn_fallback,
                 {Result.Path});
    }
    runLexerPass(Ctx, CI.getLangOpts(), Skipped, Errors);
    addImplicitRuntimeInclude(Ctx, Result.Path);
    addCompatInclude(Ctx);
    Ctx.flushDiagnostics();
    Result.Output = Ctx.apply();
    Result.Stats = Ctx.stats();
    Result.CompatHelpers = Ctx.compatHelpers();
    Result.Changed = Ctx.hasEdits();
    Result.Translated = true;
  }

private:
  CompilerInstance &CI;
  const TranslatorConfig &Config;
  FileResult &Result;
  const unsigned &Errors;
  // The translator's own diagnostics print through their own printer, so
  // Clang's "N warnings generated" counts only the compiler's.
  TextDiagnosticPrinter OwnPrinter;
  DiagnosticsEngine Diags;
  TranslateContext Ctx;
  std::vector<std::unique_ptr<TranslateRule>> Rules;
  ast_matchers::MatchFinder Finder;
  std::unique_ptr<ASTConsumer> MatchConsumer;
  OffsetRanges Skipped;
};

class TranslateAction : public ASTFrontendAction {
public:
  TranslateAction(const TranslatorConfig &Config, FileResult &Result, llvm::raw_ostream &Out,
                  const unsigned &Errors)
      : Config(Config), Result(Result), Out(Out), Errors(Errors) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI, llvm::StringRef) override {
    return std::make_unique<TranslateConsumer>(CI, Config, Result, Out, Errors);
  }

private:
  const TranslatorConfig &Config;
  FileResult &Result;
  llvm::raw_ostream &Out;
  const unsigned &Errors;
};

/// No AST at all (the driver rejected the flags, or the file is unreadable
/// by Clang): the lexer pass alone, on a source manager of our own.
void lexerOnly(const TranslatorConfig &Config, FileResult &Result, DiagnosticConsumer &Printer,
               DiagnosticOptions &DiagOpts, llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS) {
  FileManager FM(FileSystemOptions(), FS);
  DiagnosticsEngine Diags(new DiagnosticIDs, &DiagOpts, &Printer, false);
  SourceManager SM(Diags, FM);
  auto File = FM.getFileRef(Result.Path);
  if (!File) {
    Result.Diagnostics += "error: cannot read '" + Result.Path + "'\n";
    return;
  }
  FileID Main = SM.createFileID(*File, SourceLocation(), SrcMgr::C_User);
  SM.setMainFileID(Main);
  Diags.setSourceManager(&SM);
  LangOptions LO;
  LO.CPlusPlus = LO.CPlusPlus11 = LO.CPlusPlus14 = LO.CPlusPlus17 = true;
  LO.CUDA = !isCName(Result.Path);
  Printer.BeginSourceFile(LO, nullptr);
  {
    TranslateContext Ctx(SM, Main, Config.Options, Diags);
    Ctx.stats().Fallback = true;
    Ctx.report(SM.getLocForStartOfFile(Main), TranslateDiag::warn_fallback, {Result.Path});
    runLexerPass(Ctx, LO, {}, /*WholeFile=*/true);
    addImplicitRuntimeInclude(Ctx, Result.Path);
    addCompatInclude(Ctx);
    Ctx.flushDiagnostics();
    Result.Output = Ctx.apply();
    Result.Stats = Ctx.stats();
    Result.CompatHelpers = Ctx.compatHelpers();
    Result.Changed = Ctx.hasEdits();
    Result.Translated = true;
  }
  Printer.EndSourceFile();
}

/// Checks what Clang would take badly, before it parses: an unreadable
/// file; binary data (a NUL byte: Clang would print the bytes back as a
/// flood of errors and the fallback would "translate" them); an empty file
/// (nothing to translate: its output is empty too); text that is not UTF-8
/// (Latin-1 comments are common and nvcc takes them: translated, bytes
/// kept, with a warning). False when the file is not to be parsed, with
/// Result saying why.
bool checkInput(FileResult &Result) {
  auto Buf = llvm::MemoryBuffer::getFile(Result.Path, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false);
  if (!Buf) {
    Result.Diagnostics +=
        formatToolDiag(TranslateDiag::err_cannot_read, {Result.Path, Buf.getError().message()});
    Result.ParseFailed = true;
    return false;
  }
  llvm::StringRef Text = (*Buf)->getBuffer();
  if (Text.empty()) {
    Result.Diagnostics += formatToolDiag(TranslateDiag::warn_empty_input, {Result.Path});
    Result.Translated = true;
    return false;
  }
  size_t Nul = Text.find('\0');
  if (Nul != llvm::StringRef::npos) {
    Result.Diagnostics +=
        formatToolDiag(TranslateDiag::err_binary_input, {Result.Path, std::to_string(Nul)});
    Result.ParseFailed = true;
    return false;
  }
  const auto *Begin = reinterpret_cast<const llvm::UTF8 *>(Text.data());
  const llvm::UTF8 *Bad = Begin;
  if (!llvm::isLegalUTF8String(&Bad, Begin + Text.size())) {
    llvm::StringRef Before = Text.take_front(size_t(Bad - Begin));
    size_t LineStart = Before.rfind('\n') + 1; // npos + 1 == 0
    Result.Diagnostics += formatToolDiag(
        TranslateDiag::warn_not_utf8,
        {Result.Path, std::to_string(Before.count('\n') + 1),
         std::to_string(Before.size() - LineStart + 1)});
  }
  return true;
}

} // namespace

FileResult translateFile(const TranslatorConfig &Config, const std::string &Path,
                         const std::vector<std::string> &Flags) {
  FileResult Result;
  Result.Path = Path;
  if (!checkInput(Result))
    return Result;

  std::vector<std::string> Args = {Config.ClangPath, "-fsyntax-only", "-w"};
  if (isCName(Path)) {
    Args.insert(Args.end(), {"-x", "c"});
  } else {
    Args.insert(Args.end(), {"-x", "cuda", "--cuda-host-only", "-nocudainc", "-nocudalib",
                             "--cuda-path=/nonexistent-cuport", "-Wno-unknown-cuda-version",
                             "-Xclang", "-target-sdk-version=11.5"});
    // What nvcc defines for every host compile (as cuport-cc's host pass
    // does, lowering::nvccCompatMacros): code under #ifdef __CUDACC__ or
    // __NVCC__ is the code that gets translated.
    Args.insert(Args.end(), {"-D__CUDACC__", "-D__NVCC__", "-D__CUDACC_VER_MAJOR__=12",
                             "-D__CUDACC_VER_MINOR__=4", "-D__CUDACC_VER_BUILD__=0"});
  }
  Args.insert(Args.end(), {"-isystem", Config.IncludeDir, "-idirafter", stubDirectory().str()});
  if (!isCName(Path))
    Args.insert(Args.end(), {"-include", "cuda_runtime.h", "-include", deviceStubHeader().str()});
  Args.insert(Args.end(), Flags.begin(), Flags.end());
  Args.push_back(Path);

  llvm::IntrusiveRefCntPtr<DiagnosticOptions> DiagOpts = new DiagnosticOptions();
  DiagOpts->ShowColors = Config.Color;
  llvm::raw_string_ostream DiagOS(Result.Diagnostics);
  TextDiagnosticPrinter Printer(DiagOS, DiagOpts.get());

  auto FS = createStubFileSystem();
  auto Files = llvm::makeIntrusiveRefCnt<FileManager>(FileSystemOptions(), FS);
  UncountedPrinter Uncounted(Printer);
  tooling::ToolInvocation Inv(
      Args, std::make_unique<TranslateAction>(Config, Result, DiagOS, Uncounted.Errors), Files.get());
  Inv.setDiagnosticConsumer(&Uncounted);
  Inv.setDiagnosticOptions(DiagOpts.get());
  Inv.run();
  if (!Result.Translated && !Result.ParseFailed) {
    // The action never ran: the lexer pass is all there is.
    Result.ParseFailed = true;
    if (Config.Options.Fallback)
      lexerOnly(Config, Result, Printer, *DiagOpts, FS);
  }
  DiagOS.flush();
  return Result;
}

} // namespace frontend
} // namespace cuport
