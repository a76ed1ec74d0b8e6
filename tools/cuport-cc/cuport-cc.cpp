//===- cuport-cc.cpp - the nvcc-compatible compiler driver ----------------===//
//
// A thin main over cuport::driver: everything it does is in frontend/driver.
//
//===----------------------------------------------------------------------===//
#include "Driver.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"

#include <string>
#include <vector>

int main(int argc, const char **argv) {
  llvm::InitLLVM X(argc, argv);
  static int Anchor;
  std::string Exe = llvm::sys::fs::getMainExecutable(argv[0], &Anchor);
  std::vector<std::string> Args(argv + 1, argv + argc);
  return cuport::driver::runCuportCC(Args, cuport::driver::Toolchain::fromExecutable(Exe));
}
