//===- Diagnostics.cpp - driver-level diagnostics -------------------------===//
#include "Diagnostics.h"

using namespace cuport::driver;

namespace {
enum class Level { Error, Warning, Note };

struct DiagInfo {
  Level Lvl;
  const char *Format;
};

constexpr DiagInfo Table[] = {
#define DIAG(ID, Lvl, Format) {Level::Lvl, Format},
#include "Diagnostics.def"
};

const char *levelName(Level L) {
  switch (L) {
  case Level::Error:
    return "error";
  case Level::Warning:
    return "warning";
  case Level::Note:
    return "note";
  }
  return "error";
}
} // namespace

std::string Diagnostics::format(DiagID ID, llvm::ArrayRef<std::string> Args) {
  std::string Out;
  for (const char *P = Table[static_cast<int>(ID)].Format; *P; ++P) {
    if (P[0] == '%' && P[1] >= '0' && P[1] <= '9') {
      unsigned N = P[1] - '0';
      if (N < Args.size())
        Out += Args[N];
      ++P;
      continue;
    }
    Out += *P;
  }
  return Out;
}

void Diagnostics::report(DiagID ID, llvm::ArrayRef<std::string> Args) {
  Level L = Table[static_cast<int>(ID)].Lvl;
  if (L == Level::Error)
    ++NumErrors;
  else if (SuppressWarnings && L == Level::Warning)
    return;
  OS << Program << ": " << levelName(L) << ": " << format(ID, Args) << "\n";
  OS.flush();
}
