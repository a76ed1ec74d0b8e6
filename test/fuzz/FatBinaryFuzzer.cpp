//===- FatBinaryFuzzer.cpp - libFuzzer target for the container parser ---===//
//
// Any bytes: parse() and parseWithHeaderSize() must return cleanly (ASan and
// UBSan watch), and whatever parses must serialize back to the same bytes
// and parse again to the same value.
//
//===----------------------------------------------------------------------===//
#include "fatbin/FatBinary.h"

#include <cstdint>
#include <cstring>

using namespace cuport::fatbin;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  ParseResult R = parse(Data, Size);
  ParseResult H = parseWithHeaderSize(Data, Size);
  if (!R)
    return 0;
  if (!H) // a container exactly Size long also parses by its header
    __builtin_trap();
  std::vector<uint8_t> Again = serialize(R.Value);
  if (Again.size() != Size || std::memcmp(Again.data(), Data, Size) != 0) {
    // Reserved bytes may differ; the parsed value must not.
    ParseResult Back = parse(Again.data(), Again.size());
    if (!Back || serialize(Back.Value) != Again)
      __builtin_trap();
  }
  return 0;
}
