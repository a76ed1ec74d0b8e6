//===- LexerPass.cpp - table renames over raw tokens ----------------------===//
//
// One raw lexing of the main file (no preprocessing, no includes) into a
// token vector, then two walks: the first collects the names of the user's
// own macros (never renamed, like user declarations), the second renames.
// The *_sync warp functions get the same mask-dropping rewrite as in
// WarpFunctionRule, done on tokens: find the call's parenthesis, drop the
// first argument and its comma, count the arguments for the width warning.
//
//===----------------------------------------------------------------------===//
#include "LexerPass.h"

#include "clang/Lex/Lexer.h"

#include <algorithm>
#include <cctype>

namespace cuport {
namespace frontend {

using namespace clang;

namespace {

struct RawToken {
  Token Tok;
  unsigned Offset;
  bool InDirective;
  bool DirectiveName; ///< the identifier right after '#'
};

class LexerPass {
public:
  LexerPass(TranslateContext &Ctx, const LangOptions &LO, const OffsetRanges &Skipped, bool WholeFile)
      : Ctx(Ctx), SM(Ctx.sourceManager()), LO(LO), Skipped(Skipped), WholeFile(WholeFile) {}

  void run() {
    lex();
    collectUserMacros();
    translate();
  }

private:
  TranslateContext &Ctx;
  SourceManager &SM;
  const LangOptions &LO;
  const OffsetRanges &Skipped;
  bool WholeFile;
  llvm::StringRef Buf;
  std::vector<RawToken> Toks;

  void lex() {
    FileID Main = Ctx.mainFile();
    Buf = SM.getBufferData(Main);
    Lexer L(SM.getLocForStartOfFile(Main), LO, Buf.begin(), Buf.begin(), Buf.end());
    Toks.reserve(Buf.size() / 4);
    bool InDirective = false, AfterHash = false;
    Token T;
    while (true) {
      L.LexFromRawLexer(T);
      if (T.is(tok::eof))
        break;
      if (T.isAtStartOfLine())
        InDirective = false;
      bool IsName = false;
      if (T.is(tok::hash) && T.isAtStartOfLine()) {
        InDirective = true;
        AfterHash = true;
      } else {
        IsName = AfterHash && T.is(tok::raw_identifier);
        AfterHash = false;
      }
      Toks.push_back({T, SM.getFileOffset(T.getLocation()), InDirective, IsName});
    }
  }

  bool isSkipped(unsigned Offset) const {
    auto It = std::upper_bound(Skipped.begin(), Skipped.end(), std::make_pair(Offset, ~0u));
    if (It == Skipped.begin())
      return false;
    --It;
    return Offset >= It->first && Offset < It->second;
  }

  void collectUserMacros() {
    for (size_t I = 0; I + 1 < Toks.size(); ++I)
      if (Toks[I].DirectiveName && Toks[I].Tok.getRawIdentifier() == "define" &&
          Toks[I + 1].Tok.is(tok::raw_identifier) && !Toks[I + 1].Tok.isAtStartOfLine())
        Ctx.protectName(Toks[I + 1].Tok.getRawIdentifier());
  }

  unsigned lineStart(unsigned Offset) const {
    size_t NL = Buf.rfind('\n', Offset);
    return NL == llvm::StringRef::npos ? 0 : NL + 1;
  }

  /// #include in a skipped branch or a file without an AST.
  void rewriteInclude(unsigned HashOffset, unsigned After) {
    size_t EOL = Buf.find('\n', After);
    llvm::StringRef Line = Buf.slice(After, EOL == llvm::StringRef::npos ? Buf.size() : EOL);
    size_t Open = Line.find_first_of("<\"");
    if (Open == llvm::StringRef::npos)
      return;
    char CloseCh = Line[Open] == '<' ? '>' : '"';
    size_t Close = Line.find(CloseCh, Open + 1);
    if (Close == llvm::StringRef::npos)
      return;
    llvm::StringRef Header = Line.slice(Open + 1, Close);
    unsigned Begin = After + Open;
    if (Header.startswith("hip/")) {
      Ctx.sawHipInclude(Header);
      return;
    }
    const IncludeEntry *I = Ctx.table().lookupInclude(Header);
    if (!I || Ctx.isClaimed(Begin))
      return;
    if (I->HipHeader.empty()) {
      Ctx.claim(Begin);
      Ctx.reportAt(Begin, TranslateDiag::warn_header_no_hip, {Header});
      return;
    }
    Ctx.replace(Begin, Close + 1 - Open, Line[Open] + I->HipHeader.str() + CloseCh);
    Ctx.countConverted(I->Family);
    Ctx.sawHipInclude(I->HipHeader);
  }

  /// Index of the token closing the parenthesis opened at \p Open, and the
  /// top-level commas in between.
  size_t matchParen(size_t Open, llvm::SmallVectorImpl<size_t> &Commas) const {
    int Depth = 0;
    for (size_t I = Open; I < Toks.size(); ++I) {
      const Token &T = Toks[I].Tok;
      if (T.isOneOf(tok::l_paren, tok::l_square, tok::l_brace))
        ++Depth;
      else if (T.isOneOf(tok::r_paren, tok::r_square, tok::r_brace)) {
        if (--Depth == 0)
          return I;
      } else if (T.is(tok::comma) && Depth == 1)
        Commas.push_back(I);
    }
    return Toks.size();
  }

  void rewriteWarpCall(size_t I, const ApiEntry &E) {
    size_t Open = I + 1;
    if (Open >= Toks.size() || Toks[Open].Tok.isNot(tok::l_paren))
      return; // not a call: leave the name (and its mask) alone
    llvm::SmallVector<size_t, 4> Commas;
    size_t Close = matchParen(Open, Commas);
    if (Close == Toks.size() || Commas.empty())
      return;
    unsigned Offset = Toks[I].Offset;
    unsigned MaskBegin = Toks[Open + 1].Offset;
    unsigned NextBegin = Toks[Commas[0] + 1].Offset;
    if (Ctx.isClaimed(Offset) || !Ctx.replace(MaskBegin, NextBegin - MaskBegin, ""))
      return;
    Ctx.renameToken(Offset, E);
    if (E.Wave == Wave64::BallotMask)
      Ctx.reportAt(Offset, TranslateDiag::warn_ballot_mask, {E.Name});
    if (E.Wave == Wave64::ShflWidth && Commas.size() == 2)
      Ctx.reportAt(Offset, TranslateDiag::warn_shfl_width, {E.Name});
    bool Full = false;
    if (Commas[0] == Open + 2 && Toks[Open + 1].Tok.is(tok::numeric_constant)) {
      llvm::StringRef Lit(Toks[Open + 1].Tok.getLiteralData(), Toks[Open + 1].Tok.getLength());
      Lit = Lit.rtrim("uUlL");
      unsigned long long V;
      Full = !Lit.getAsInteger(0, V) && V == 0xffffffffull;
    }
    if (!Full)
      Ctx.reportAt(Offset, TranslateDiag::warn_partial_mask, {E.Name, E.HipName});
  }

  void translate() {
    int IfDepth = 0;
    for (size_t I = 0; I < Toks.size(); ++I) {
      const RawToken &R = Toks[I];
      if (R.DirectiveName) {
        llvm::StringRef D = R.Tok.getRawIdentifier();
        if (D == "if" || D == "ifdef" || D == "ifndef")
          ++IfDepth;
        else if (D == "endif")
          --IfDepth;
        else if (D == "include" || D == "include_next" || D == "import") {
          unsigned Hash = Toks[I - 1].Offset;
          if (IfDepth == 0 && Ctx.FirstIncludeOffset == ~0u)
            Ctx.FirstIncludeOffset = lineStart(Hash);
          if (WholeFile || isSkipped(Hash))
            rewriteInclude(Hash, R.Offset + R.Tok.getLength());
          while (I + 1 < Toks.size() && Toks[I + 1].InDirective && !Toks[I + 1].Tok.isAtStartOfLine())
            ++I; // the header name is not code
        }
        continue;
      }
      if (R.Tok.isNot(tok::raw_identifier) || !(WholeFile || R.InDirective || isSkipped(R.Offset)))
        continue;
      // Members and names qualified by a user's namespace are not the API.
      if (I > 0) {
        const Token &P = Toks[I - 1].Tok;
        if (P.isOneOf(tok::period, tok::arrow))
          continue;
        if (P.is(tok::coloncolon) && I > 1 && Toks[I - 2].Tok.is(tok::raw_identifier))
          continue;
      }
      llvm::StringRef Name = R.Tok.getRawIdentifier();
      if (Ctx.isProtected(Name) || Ctx.isClaimed(R.Offset))
        continue;
      const ApiEntry *E = Ctx.table().lookup(Name);
      if (!E) {
        if (Name.size() > 4 && Name.startswith("cuda") && std::isupper(static_cast<unsigned char>(Name[4]))) {
          Ctx.claim(R.Offset);
          Ctx.recordUse(Name);
          ++Ctx.stats().Unknown;
          Ctx.reportAt(R.Offset, TranslateDiag::warn_unknown_api, {Name});
        }
        continue;
      }
      if (E->Family == ApiFamily::Device && E->Rewrite == DeviceRewrite::DropMask && E->hasHip())
        rewriteWarpCall(I, *E);
      else
        Ctx.renameToken(R.Offset, *E);
    }
  }
};

} // namespace

void runLexerPass(TranslateContext &Ctx, const LangOptions &LO, const OffsetRanges &Skipped,
                  bool WholeFile) {
  LexerPass(Ctx, LO, Skipped, WholeFile).run();
}

} // namespace frontend
} // namespace cuport
