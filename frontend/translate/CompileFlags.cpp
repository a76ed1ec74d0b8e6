//===- CompileFlags.cpp - the flags a file's parse needs ------------------===//
#include "CompileFlags.h"

#include "NvccOptions.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"

namespace cuport {
namespace frontend {

namespace {

std::string absolute(llvm::StringRef P, llvm::StringRef Dir) {
  if (P.empty() || llvm::sys::path::is_absolute(P) || Dir.empty())
    return P.str();
  llvm::SmallString<256> A(Dir);
  llvm::sys::path::append(A, P);
  return std::string(A);
}

std::vector<std::string> fromNvcc(llvm::ArrayRef<std::string> Args, llvm::StringRef Dir,
                                  std::string &Problems) {
  using driver::OptID;
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  driver::Diagnostics Diags("nvcc", OS);
  driver::ParsedArgs P = driver::parseNvccArgs(Args, Diags);
  OS.flush();
  Problems += Text;
  std::vector<std::string> F;
  for (const driver::ParsedOption &O : P.Options) {
    switch (O.ID) {
    case OptID::Include:
    case OptID::SystemInclude:
    case OptID::PreInclude:
    case OptID::Define:
    case OptID::Undefine: {
      const char *Flag = O.ID == OptID::Include         ? "-I"
                         : O.ID == OptID::SystemInclude ? "-isystem"
                         : O.ID == OptID::PreInclude    ? "-include"
                         : O.ID == OptID::Define        ? "-D"
                                                        : "-U";
      llvm::SmallVector<llvm::StringRef, 4> Values;
      llvm::StringRef(O.Value).split(Values, ',', -1, false);
      for (llvm::StringRef V : Values) {
        bool IsPath = O.ID == OptID::Include || O.ID == OptID::SystemInclude || O.ID == OptID::PreInclude;
        std::string Val = IsPath ? absolute(V, Dir) : V.str();
        if (O.ID == OptID::Include || O.ID == OptID::Define || O.ID == OptID::Undefine)
          F.push_back(Flag + Val);
        else
          F.insert(F.end(), {Flag, Val});
      }
      break;
    }
    case OptID::Std:
      F.push_back("-std=" + O.Value);
      break;
    default:
      break;
    }
  }
  return F;
}

std::vector<std::string> fromClangLike(llvm::ArrayRef<std::string> Args, llvm::StringRef Dir) {
  std::vector<std::string> F;
  for (size_t I = 0; I < Args.size(); ++I) {
    llvm::StringRef A = Args[I];
    bool HasNext = I + 1 < Args.size();
    for (llvm::StringRef Sep : {"-I", "-isystem", "-iquote", "-idirafter", "-include"}) {
      if (A == Sep && HasNext) {
        F.insert(F.end(), {Sep.str(), absolute(Args[++I], Dir)});
        goto Next;
      }
    }
    if (A.startswith("-I") && A.size() > 2) {
      F.push_back("-I" + absolute(A.drop_front(2), Dir));
    } else if ((A == "-D" || A == "-U") && HasNext) {
      F.push_back(A.str() + Args[++I]);
    } else if (A.startswith("-D") || A.startswith("-U") || A.startswith("-std=")) {
      F.push_back(A.str());
    }
  Next:;
  }
  return F;
}

} // namespace

bool isNvccCommand(llvm::ArrayRef<std::string> CommandLine) {
  if (CommandLine.empty())
    return false;
  llvm::StringRef Name = llvm::sys::path::filename(CommandLine[0]);
  return Name == "nvcc" || Name.startswith("nvcc") || Name == "cuport-cc";
}

std::vector<std::string> parseFlagsFromCommand(llvm::ArrayRef<std::string> CommandLine,
                                               llvm::StringRef Directory, std::string &Problems) {
  if (CommandLine.empty())
    return {};
  if (isNvccCommand(CommandLine))
    return fromNvcc(CommandLine.drop_front(), Directory, Problems);
  return fromClangLike(CommandLine.drop_front(), Directory);
}

} // namespace frontend
} // namespace cuport
