//===- NvccOptions.cpp - parse an nvcc command line -----------------------===//
//
// Matching order for an argument beginning with '-': an exact spelling, then
// `name=value`, then (for one-letter short names and -MF/-MT) a joined value.
// Exact matches win so that `-lineinfo` is never read as `-l ineinfo` and
// `-dlink` never as `-dl ink`.
//
//===----------------------------------------------------------------------===//
#include "NvccOptions.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

using namespace cuport::driver;

static const OptionInfo Options[] = {
#define NVCC_OPTION(ID, Long, Short, Kind, Help) {OptID::ID, Long, Short, OptKind::Kind, Help},
#include "NvccOptions.def"
};

llvm::ArrayRef<OptionInfo> cuport::driver::optionTable() { return Options; }

static bool takesValue(const OptionInfo &O) {
  return O.Kind == OptKind::Value || O.Kind == OptKind::List;
}

static bool allowsJoined(const OptionInfo &O) {
  llvm::StringRef S(O.Short);
  return (takesValue(O) || O.Kind == OptKind::Optional) &&
         (S.size() == 1 || S == "MF" || S == "MT" || S == "isystem");
}

namespace {
struct Match {
  const OptionInfo *Info = nullptr;
  std::string Spelling;
  std::optional<std::string> Value; ///< Set when the value was attached.
};
} // namespace

/// Matches \p Name (the argument without its leading dashes) against the
/// table; \p Long is true for a `--` argument.
static Match matchOption(llvm::StringRef Arg) {
  bool IsLong = Arg.startswith("--");
  llvm::StringRef Name = Arg.drop_front(IsLong ? 2 : 1);
  auto Spelled = [&](const OptionInfo &O) {
    // nvcc accepts the short spelling with one dash and the long one with
    // two; it also takes `-long-name` for options whose short name is the
    // long one (-use_fast_math). Accept both names with either prefix.
    return std::make_pair(llvm::StringRef(O.Long), llvm::StringRef(O.Short));
  };
  // 1. Exact.
  for (const OptionInfo &O : Options) {
    auto [L, S] = Spelled(O);
    if (Name == L || Name == S)
      return {&O, Arg.str(), std::nullopt};
  }
  // 2. name=value.
  size_t Eq = Name.find('=');
  if (Eq != llvm::StringRef::npos) {
    llvm::StringRef Head = Name.take_front(Eq);
    for (const OptionInfo &O : Options) {
      auto [L, S] = Spelled(O);
      if (Head == L || Head == S)
        return {&O, Arg.take_front(Eq + (IsLong ? 2 : 1)).str(), Name.drop_front(Eq + 1).str()};
    }
  }
  // 3. Joined short option: -Ifoo, -DX=1, -lcudart, -O3, -MFdeps.d.
  if (!IsLong) {
    const OptionInfo *Best = nullptr;
    for (const OptionInfo &O : Options) {
      llvm::StringRef S(O.Short);
      if (allowsJoined(O) && Name.startswith(S) && Name.size() > S.size() &&
          (!Best || S.size() > llvm::StringRef(Best->Short).size()))
        Best = &O;
    }
    if (Best) {
      size_t N = llvm::StringRef(Best->Short).size();
      return {Best, ("-" + llvm::StringRef(Best->Short)).str(), Name.drop_front(N).str()};
    }
  }
  return {};
}

ParsedArgs cuport::driver::parseNvccArgs(llvm::ArrayRef<std::string> Args,
                                         Diagnostics &Diags) {
  ParsedArgs Result;
  std::string Language;
  for (size_t I = 0; I < Args.size(); ++I) {
    const std::string &Arg = Args[I];
    if (Arg.size() < 2 || Arg[0] != '-') {
      Result.Inputs.push_back({Arg, Language});
      continue;
    }
    Match M = matchOption(Arg);
    if (!M.Info) {
      Diags.report(DiagID::err_unknown_option, {Arg});
      continue;
    }
    ParsedOption P{M.Info->ID, M.Spelling, ""};
    if (M.Info->Kind == OptKind::Flag) {
      if (M.Value) {
        Diags.report(DiagID::err_bad_value, {M.Spelling, *M.Value, "no value"});
        continue;
      }
    } else if (M.Info->Kind == OptKind::Optional) {
      P.Value = M.Value.value_or("");
    } else if (M.Value) {
      P.Value = *M.Value;
    } else if (I + 1 < Args.size()) {
      P.Value = Args[++I];
    } else {
      Diags.report(DiagID::err_missing_value, {Arg});
      continue;
    }
    if (takesValue(*M.Info) && P.Value.empty()) {
      Diags.report(DiagID::err_missing_value, {M.Spelling});
      continue;
    }
    if (P.ID == OptID::Language)
      Language = P.Value;
    Result.Options.push_back(std::move(P));
  }
  return Result;
}

bool ParsedArgs::has(OptID ID) const {
  for (const ParsedOption &O : Options)
    if (O.ID == ID)
      return true;
  return false;
}

std::optional<std::string> ParsedArgs::last(OptID ID) const {
  std::optional<std::string> V;
  for (const ParsedOption &O : Options)
    if (O.ID == ID)
      V = O.Value;
  return V;
}

std::vector<std::string> ParsedArgs::all(OptID ID) const {
  std::vector<std::string> Out;
  for (const ParsedOption &O : Options) {
    if (O.ID != ID)
      continue;
    bool Split = ::Options[static_cast<int>(ID)].Kind == OptKind::List &&
                 ID != OptID::Define;
    if (!Split) {
      Out.push_back(O.Value);
      continue;
    }
    llvm::SmallVector<llvm::StringRef, 4> Parts;
    llvm::StringRef(O.Value).split(Parts, ',', -1, /*KeepEmpty=*/false);
    for (llvm::StringRef Part : Parts)
      Out.push_back(Part.str());
  }
  return Out;
}

void cuport::driver::printHelp(llvm::raw_ostream &OS) {
  OS << "Usage: cuport-cc [options] <inputs>\n"
     << "A drop-in replacement for nvcc: CUDA to SPIR-V (and AMD GCN) with cuport's libcudart.\n\n";
  for (const OptionInfo &O : Options) {
    std::string Names = std::string("--") + O.Long;
    if (llvm::StringRef(O.Short) != O.Long)
      Names += std::string(", -") + O.Short;
    if (takesValue(O))
      Names += " <value>";
    OS << "  " << llvm::left_justify(Names, 44) << " " << O.Help << "\n";
  }
}
