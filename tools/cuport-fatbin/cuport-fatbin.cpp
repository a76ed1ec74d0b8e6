//===- cuport-fatbin.cpp - inspect cuport device code ---------------------===//
//
// cuport's answer to cuobjdump: lists the device images and kernels held in
// a container, an object, an executable or an archive, and extracts images.
//   cuport-fatbin FILE                      list images and kernel signatures
//   cuport-fatbin --extract=spirv -o OUT FILE  write the (first) SPIR-V image
//   cuport-fatbin --extract=gfx90a -o OUT FILE write that AMD code object
//
//===----------------------------------------------------------------------===//
#include "ContainerScan.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace cuport;

static cl::opt<std::string> Input(cl::Positional, cl::desc("<file>"), cl::Required);
static cl::opt<std::string> Extract("extract", cl::desc("Image to extract: spirv, bitcode or a gfx arch"));
static cl::opt<std::string> Output("o", cl::desc("Output file for --extract"), cl::init("-"));

static const char *kindName(fatbin::ImageKind K) {
  switch (K) {
  case fatbin::ImageKind::SPIRV:
    return "spirv";
  case fatbin::ImageKind::AMDGCN:
    return "amdgcn";
  case fatbin::ImageKind::LLVMBitcode:
    return "bitcode";
  }
  return "unknown";
}

static const char *argName(fatbin::ArgKind K) {
  switch (K) {
  case fatbin::ArgKind::Value:
    return "value";
  case fatbin::ArgKind::GlobalPointer:
    return "pointer";
  case fatbin::ArgKind::DynamicShared:
    return "dynamic-shared";
  case fatbin::ArgKind::GlobalsBlock:
    return "globals";
  }
  return "unknown";
}

static bool matches(const fatbin::Image &I, StringRef Want) {
  if (Want == "spirv" || Want == "bitcode")
    return Want == kindName(I.Kind);
  return I.Kind == fatbin::ImageKind::AMDGCN && I.Arch == Want;
}

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  cl::ParseCommandLineOptions(argc, argv, "cuport device code inspector\n");
  auto Found = driver::readContainers(Input);
  if (!Found) {
    WithColor::error(errs(), "cuport-fatbin") << toString(Found.takeError()) << "\n";
    return 1;
  }
  if (Found->empty()) {
    WithColor::error(errs(), "cuport-fatbin") << "'" << Input << "' holds no cuport device code\n";
    return 1;
  }
  if (!Extract.empty()) {
    for (const driver::FoundContainer &C : *Found)
      for (const fatbin::Image &I : C.Value.Images) {
        if (!matches(I, Extract))
          continue;
        std::error_code EC;
        raw_fd_ostream OS(Output, EC, sys::fs::OF_None);
        if (EC) {
          WithColor::error(errs(), "cuport-fatbin") << "cannot write '" << Output << "': " << EC.message() << "\n";
          return 1;
        }
        OS.write(reinterpret_cast<const char *>(I.Data.data()), I.Data.size());
        return 0;
      }
    WithColor::error(errs(), "cuport-fatbin") << "no '" << Extract << "' image in '" << Input << "'\n";
    return 1;
  }
  for (const driver::FoundContainer &C : *Found) {
    outs() << "container " << C.Origin << " flags=" << C.Value.Flags;
    if (C.Value.Flags & fatbin::CF_RelocatableStub)
      outs() << " relocatable";
    if (C.Value.Flags & fatbin::CF_DeviceLinked)
      outs() << " device-linked";
    outs() << "\n";
    for (const fatbin::Image &I : C.Value.Images)
      outs() << "  image " << kindName(I.Kind) << " arch=" << I.Arch << " bytes=" << I.Data.size() << "\n";
    for (const fatbin::KernelInfo &K : C.Value.Kernels) {
      outs() << "  kernel " << K.Name << " args=" << K.Args.size();
      for (const fatbin::KernelArg &A : K.Args)
        outs() << " " << argName(A.Kind) << ":" << A.Size << "@" << A.Align;
      outs() << "\n";
    }
    if (C.Value.Globals.Size)
      outs() << "  globals bytes=" << C.Value.Globals.Size << " align=" << C.Value.Globals.Align
             << "\n";
    for (const fatbin::SymbolInfo &S : C.Value.Symbols)
      outs() << "  symbol " << S.Name << " bytes=" << S.Size << " offset=" << S.Offset << "\n";
  }
  return 0;
}
