//===- PrintfTest.cpp - host formatting of device printf records ----------===//
#include "Printf.h"

#include <gtest/gtest.h>

#include <cstring>
#include <vector>

using namespace cuport::rt;

namespace {
uint64_t bits(double D) {
  uint64_t V;
  std::memcpy(&V, &D, 8);
  return V;
}
} // namespace

TEST(Printf, IntegersReadTheWidthTheirConversionAsks) {
  // A negative int arrives zero-extended in its 8-byte slot: %d must read 32 bits.
  uint64_t Args[] = {uint64_t(uint32_t(-7)), uint64_t(-7ll), 0xFFFFFFFFull, 0x1FFFFull};
  EXPECT_EQ(formatPrintf("%d %lld %u %hx", Args, 4), "-7 -7 4294967295 ffff");
}

TEST(Printf, FlagsWidthPrecisionAndStar) {
  uint64_t Args[] = {7, bits(3.14159), 42};
  EXPECT_EQ(formatPrintf("[%-4d][%.5f][%+05d]", Args, 3), "[7   ][3.14159][+0042]");
  // Negative '*' values: width becomes left-justification, precision is dropped.
  uint64_t Negative[] = {uint32_t(-6), 1, uint32_t(-1), bits(0.5)};
  EXPECT_EQ(formatPrintf("[%*d][%.*f]", Negative, 4), "[1     ][0.500000]");
  uint64_t Star[] = {6, 2, bits(3.14159)};
  EXPECT_EQ(formatPrintf("[%*.*f]", Star, 3), "[  3.14]");
}

TEST(Printf, StringsCharsPercentAndMissingArguments) {
  const char *S = "dev";
  uint64_t Args[] = {uintptr_t(S), 'Z'};
  EXPECT_EQ(formatPrintf("%s %c 100%%", Args, 2), "dev Z 100%");
  EXPECT_EQ(formatPrintf("%d and %d", Args, 0), "%d and %d");
  uint64_t Null[] = {0};
  EXPECT_EQ(formatPrintf("%s", Null, 1), "(null)");
}

TEST(Printf, RecordsInOrderAndATornRecordStops) {
  const char *Fmt = "v=%d\n";
  auto Record = [&](std::vector<uint8_t> &B, int V) {
    uint64_t Addr = 0x1000, Arg = uint32_t(V);
    uint32_t Bytes = 24, N = 1;
    size_t At = B.size();
    B.resize(At + 24);
    std::memcpy(&B[At], &Addr, 8);
    std::memcpy(&B[At + 8], &Bytes, 4);
    std::memcpy(&B[At + 12], &N, 4);
    std::memcpy(&B[At + 16], &Arg, 8);
  };
  std::vector<uint8_t> Buf;
  Record(Buf, 1);
  Record(Buf, -2);
  auto FormatAt = [&](uint64_t A) { return A == 0x1000 ? Fmt : nullptr; };
  EXPECT_EQ(formatPrintfRecords(Buf.data(), Buf.size(), FormatAt), "v=1\nv=-2\n");
  Buf[24 + 8] = 99; // second record's size field no longer matches its count
  EXPECT_EQ(formatPrintfRecords(Buf.data(), Buf.size(), FormatAt), "v=1\n");
  EXPECT_EQ(formatPrintfRecords(Buf.data(), 20, FormatAt), ""); // cut short
}
