//===- NvccOptionsFuzzer.cpp - libFuzzer target for cuport-cc's flags -----===//
//
// The input is an argument vector (NUL-separated). Parsing it as an nvcc
// command line and building the compile options must never crash, whatever
// the arguments; errors go to a null stream.
//
//===----------------------------------------------------------------------===//
#include "CompileOptions.h"
#include "NvccOptions.h"

#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

using namespace cuport::driver;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::vector<std::string> Args(1);
  for (size_t I = 0; I < Size && Args.size() < 128; ++I) {
    if (Data[I] == 0)
      Args.emplace_back();
    else
      Args.back() += char(Data[I]);
  }
  Diagnostics Diags("cuport-cc", llvm::nulls());
  ParsedArgs Parsed = parseNvccArgs(Args, Diags);
  if (!Diags.hasErrors())
    (void)buildCompileOptions(Parsed, Diags);
  return 0;
}
