//===- OutputFile.cpp - all-or-nothing output files -----------------------===//
#include "OutputFile.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Signals.h"

using namespace cuport::driver;

OutputFile::OutputFile(std::string Destination) : Dest(std::move(Destination)) {
  llvm::SmallString<256> Dir(Dest);
  llvm::sys::path::remove_filename(Dir);
  llvm::SmallString<256> Model(Dir);
  llvm::sys::path::append(Model, "." + llvm::sys::path::filename(Dest).str() + ".cuport-%%%%%%");
  llvm::SmallString<256> Unique;
  llvm::sys::fs::createUniquePath(Model, Unique, /*MakeAbsolute=*/false);
  Temp = std::string(Unique.str());
  llvm::sys::RemoveFileOnSignal(Temp);
}

OutputFile::~OutputFile() {
  if (!Committed)
    llvm::sys::fs::remove(Temp);
  llvm::sys::DontRemoveFileOnSignal(Temp);
}

llvm::Error OutputFile::commit() {
  if (std::error_code EC = llvm::sys::fs::rename(Temp, Dest))
    return llvm::createStringError(EC, "cannot write '%s': %s", Dest.c_str(), EC.message().c_str());
  Committed = true;
  return llvm::Error::success();
}

ScratchDir::ScratchDir() = default;

ScratchDir::~ScratchDir() {
  if (!Path.empty() && !Keep)
    llvm::sys::fs::remove_directories(Path);
}

llvm::Error ScratchDir::create() {
  llvm::SmallString<256> P;
  if (std::error_code EC = llvm::sys::fs::createUniqueDirectory("cuport-cc", P))
    return llvm::createStringError(EC, "cannot create a temporary directory: %s",
                                   EC.message().c_str());
  Path = std::string(P.str());
  return llvm::Error::success();
}

std::string ScratchDir::file(const std::string &Stem, const std::string &Ext) {
  llvm::SmallString<256> P(Path);
  llvm::sys::path::append(P, Stem + "-" + std::to_string(Counter++) + Ext);
  return std::string(P.str());
}
