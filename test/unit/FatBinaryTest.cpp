//===- FatBinaryTest.cpp - the fat binary container reader and writer ----===//
//
// Round trips, and the reader's behaviour on hostile input: every truncation
// of a valid container, a flipped magic, a newer major or minor version,
// absurd counts, and lengths that point past the end. The reader must reject
// all of these with a message and without a crash or a huge allocation
// (run under -DCUPORT_SANITIZE=address to check the latter strictly).
//
//===----------------------------------------------------------------------===//
#include "fatbin/FatBinary.h"

#include <gtest/gtest.h>

#include <cstring>

using namespace cuport::fatbin;

namespace {

FatBinary sample() {
  FatBinary FB;
  FB.Flags = CF_DeviceLinked;
  Image Spirv;
  Spirv.Kind = ImageKind::SPIRV;
  Spirv.Arch = "spirv64";
  Spirv.Data = {0x03, 0x02, 0x23, 0x07, 1, 2, 3, 4, 5, 6, 7}; // odd length: padding
  FB.Images.push_back(Spirv);
  Image Gcn;
  Gcn.Kind = ImageKind::AMDGCN;
  Gcn.Arch = "gfx90a";
  Gcn.Data.assign(100, 0xAB);
  FB.Images.push_back(Gcn);

  KernelInfo Saxpy;
  Saxpy.Name = "_Z5saxpyfPfS_i";
  Saxpy.StaticSharedBytes = 0x1234;
  Saxpy.Args = {{ArgKind::Value, 4, 4},
                {ArgKind::GlobalPointer, 8, 8},
                {ArgKind::GlobalPointer, 8, 8},
                {ArgKind::Value, 4, 4}};
  FB.Kernels.push_back(Saxpy);
  KernelInfo Reduce;
  Reduce.Name = "_Z6reducePKfPfj";
  Reduce.Flags = KF_UsesDynamicShared;
  Reduce.Args = {{ArgKind::GlobalPointer, 8, 8},
                 {ArgKind::GlobalPointer, 8, 8},
                 {ArgKind::Value, 4, 4},
                 {ArgKind::DynamicShared, 0, 16}};
  FB.Kernels.push_back(Reduce);
  KernelInfo NoArgs;
  NoArgs.Name = "k";
  FB.Kernels.push_back(NoArgs);
  FB.Globals.Size = 72;
  FB.Globals.Align = 16;
  FB.Globals.Init.assign(72, 0);
  FB.Globals.Init[0] = 0x3f; // odd data: the initializer round-trips
  FB.Globals.Init[71] = 7;
  FB.Symbols = {{"coefficients", 64, 0}, {"_ZN2ns7counterE", 8, 64}};
  return FB;
}

void putU16(std::vector<uint8_t> &B, size_t Off, uint16_t V) {
  B[Off] = uint8_t(V);
  B[Off + 1] = uint8_t(V >> 8);
}
void putU32(std::vector<uint8_t> &B, size_t Off, uint32_t V) {
  for (int I = 0; I < 4; ++I)
    B[Off + I] = uint8_t(V >> (8 * I));
}
void putU64(std::vector<uint8_t> &B, size_t Off, uint64_t V) {
  for (int I = 0; I < 8; ++I)
    B[Off + I] = uint8_t(V >> (8 * I));
}

// Offsets in sample()'s serialization, derived from the format document.
constexpr size_t FirstImage = 32;
// Image 0: 16 + pad8("spirv64"=7)=8 + pad8(11)=16 -> 40 bytes.
// Image 1: 16 + pad8(6)=8 + pad8(100)=104 -> 128 bytes.
constexpr size_t SecondImage = FirstImage + 40;
constexpr size_t FirstKernel = SecondImage + 128;

} // namespace

TEST(FatBinary, RoundTripsImagesKernelsAndFlags) {
  FatBinary In = sample();
  std::vector<uint8_t> Bytes = serialize(In);
  ASSERT_EQ(Bytes.size() % 8, 0u);
  ASSERT_TRUE(hasMagic(Bytes.data(), Bytes.size()));
  ParseResult R = parse(Bytes.data(), Bytes.size());
  ASSERT_TRUE(R) << R.Error;
  const FatBinary &Out = R.Value;
  EXPECT_EQ(Out.Flags, uint32_t(CF_DeviceLinked));
  ASSERT_EQ(Out.Images.size(), 2u);
  for (size_t I = 0; I < 2; ++I) {
    EXPECT_EQ(Out.Images[I].Kind, In.Images[I].Kind);
    EXPECT_EQ(Out.Images[I].Arch, In.Images[I].Arch);
    EXPECT_EQ(Out.Images[I].Data, In.Images[I].Data);
  }
  ASSERT_EQ(Out.Kernels.size(), 3u);
  for (size_t I = 0; I < 3; ++I) {
    EXPECT_EQ(Out.Kernels[I].Name, In.Kernels[I].Name);
    EXPECT_EQ(Out.Kernels[I].Flags, In.Kernels[I].Flags);
    EXPECT_EQ(Out.Kernels[I].StaticSharedBytes, In.Kernels[I].StaticSharedBytes);
    ASSERT_EQ(Out.Kernels[I].Args.size(), In.Kernels[I].Args.size());
    for (size_t A = 0; A < In.Kernels[I].Args.size(); ++A) {
      EXPECT_EQ(Out.Kernels[I].Args[A].Kind, In.Kernels[I].Args[A].Kind);
      EXPECT_EQ(Out.Kernels[I].Args[A].Size, In.Kernels[I].Args[A].Size);
      EXPECT_EQ(Out.Kernels[I].Args[A].Align, In.Kernels[I].Args[A].Align);
    }
  }
  ASSERT_EQ(Out.Symbols.size(), 2u);
  EXPECT_EQ(Out.Symbols[0].Name, "coefficients");
  EXPECT_EQ(Out.Symbols[0].Size, 64u);
  EXPECT_EQ(Out.Symbols[1].Name, "_ZN2ns7counterE");
  EXPECT_EQ(Out.Symbols[1].Offset, 64u);
  EXPECT_EQ(Out.Globals.Size, 72u);
  EXPECT_EQ(Out.Globals.Align, 16u);
  EXPECT_EQ(Out.Globals.Init, In.Globals.Init);
  EXPECT_EQ(Out.findSymbol("_ZN2ns7counterE"), 1);
  EXPECT_EQ(Out.findSymbol("counter"), -1);
  // Serializing the parsed value gives the same bytes: the format has no
  // unused freedom that a writer could fill differently.
  EXPECT_EQ(serialize(Out), Bytes);

  ASSERT_NE(Out.findImage(ImageKind::SPIRV), nullptr);
  EXPECT_EQ(Out.findImage(ImageKind::SPIRV)->Arch, "spirv64");
  EXPECT_NE(Out.findImage(ImageKind::AMDGCN, "gfx90a"), nullptr);
  EXPECT_EQ(Out.findImage(ImageKind::AMDGCN, "gfx1030"), nullptr);
  EXPECT_EQ(Out.findImage(ImageKind::LLVMBitcode), nullptr);
  ASSERT_NE(Out.findKernel("_Z6reducePKfPfj"), nullptr);
  EXPECT_EQ(Out.findKernel("_Z6reducePKfPfj")->Flags, uint32_t(KF_UsesDynamicShared));
  EXPECT_EQ(Out.findKernel("reduce"), nullptr);
}

TEST(FatBinary, WarpLockstepKernelRoundTrips) {
  // A kernel with warp functions (1.2): its flag and hidden BlockDim
  // argument come back as written.
  FatBinary In;
  KernelInfo Warp;
  Warp.Name = "_Z4warpPi";
  Warp.Flags = KF_WarpLockstep;
  Warp.Args = {{ArgKind::GlobalPointer, 8, 8}, {ArgKind::BlockDim, 4, 4}};
  In.Kernels.push_back(Warp);
  std::vector<uint8_t> Bytes = serialize(In);
  ParseResult R = parse(Bytes.data(), Bytes.size());
  ASSERT_TRUE(R) << R.Error;
  const KernelInfo *Out = R.Value.findKernel("_Z4warpPi");
  ASSERT_NE(Out, nullptr);
  EXPECT_EQ(Out->Flags, uint32_t(KF_WarpLockstep));
  ASSERT_EQ(Out->Args.size(), 2u);
  EXPECT_EQ(Out->Args[1].Kind, ArgKind::BlockDim);
  EXPECT_EQ(Out->Args[1].Size, 4u);
  EXPECT_TRUE(isKnownArgKind(ArgKind::BlockDim));
}

TEST(FatBinary, GridLockstepKernelRoundTrips) {
  // A kernel that synchronizes its grid (1.3): its flags, hidden BlockDim
  // and GridShape arguments, and the GridShape record's per-work-item
  // private bytes (the argument record's Extra field) come back.
  FatBinary In;
  KernelInfo Grid;
  Grid.Name = "_Z4gridPi";
  Grid.Flags = KF_WarpLockstep | KF_GridLockstep | KF_UsesDynamicShared;
  Grid.StaticSharedBytes = 1024;
  Grid.Args = {{ArgKind::GlobalPointer, 8, 8},
               {ArgKind::BlockDim, 4, 4},
               {ArgKind::GridShape, 16, 16, 2368},
               {ArgKind::DynamicShared, 0, 16}};
  In.Kernels.push_back(Grid);
  std::vector<uint8_t> Bytes = serialize(In);
  ParseResult R = parse(Bytes.data(), Bytes.size());
  ASSERT_TRUE(R) << R.Error;
  const KernelInfo *Out = R.Value.findKernel("_Z4gridPi");
  ASSERT_NE(Out, nullptr);
  EXPECT_EQ(Out->Flags, uint32_t(KF_WarpLockstep | KF_GridLockstep | KF_UsesDynamicShared));
  EXPECT_EQ(Out->StaticSharedBytes, 1024u);
  ASSERT_EQ(Out->Args.size(), 4u);
  EXPECT_EQ(Out->Args[2].Kind, ArgKind::GridShape);
  EXPECT_EQ(Out->Args[2].Size, 16u);
  EXPECT_EQ(Out->Args[2].Extra, 2368u);
  EXPECT_EQ(Out->Args[3].Extra, 0u);
  EXPECT_TRUE(isKnownArgKind(ArgKind::GridShape));
  EXPECT_FALSE(isKnownArgKind(ArgKind(6)));
}

TEST(FatBinary, HeaderLayoutMatchesTheDocument) {
  std::vector<uint8_t> Bytes = serialize(sample());
  EXPECT_EQ(std::memcmp(Bytes.data(), "CUPORTFB", 8), 0);
  EXPECT_EQ(Bytes[8] | Bytes[9] << 8, VersionMajor);
  EXPECT_EQ(Bytes[10] | Bytes[11] << 8, VersionMinor);
  EXPECT_EQ(Bytes[12], uint8_t(CF_DeviceLinked));
  EXPECT_EQ(Bytes[16], 2);  // NumImages
  EXPECT_EQ(Bytes[20], 3);  // NumKernels
  uint64_t Total = 0;
  for (int I = 0; I < 8; ++I)
    Total |= uint64_t(Bytes[24 + I]) << (8 * I);
  EXPECT_EQ(Total, Bytes.size());
  EXPECT_EQ(Bytes[FirstImage], uint8_t(ImageKind::SPIRV));
  EXPECT_EQ(Bytes[SecondImage], uint8_t(ImageKind::AMDGCN));
  EXPECT_EQ(Bytes[FirstKernel], 14); // strlen("_Z5saxpyfPfS_i")
  EXPECT_EQ(Bytes[FirstKernel + 12] | Bytes[FirstKernel + 13] << 8, 0x1234); // StaticSharedBytes
}

TEST(FatBinary, MinorOneKernelRecordReadsAsNoStaticShared) {
  // A 1.1 writer left the kernel record's last field 0 (then Reserved).
  FatBinary In = sample();
  In.Kernels[0].StaticSharedBytes = 0;
  std::vector<uint8_t> Bytes = serialize(In);
  putU16(Bytes, 10, 1);
  ParseResult R = parse(Bytes.data(), Bytes.size());
  ASSERT_TRUE(R) << R.Error;
  EXPECT_EQ(R.Value.Kernels[0].StaticSharedBytes, 0u);
  EXPECT_EQ(R.Value.Kernels[0].Args.size(), 4u);
}

TEST(FatBinary, MinorZeroContainerIgnoresTrailingBytes) {
  // A 1.0 container has no symbol section: bytes after its kernels (up to
  // TotalSize) are reserved and must not be read as symbols.
  FatBinary In = sample();
  In.Symbols.clear();
  In.Globals = GlobalsBlock();
  std::vector<uint8_t> Bytes = serialize(In); // ends with an empty globals section
  putU32(Bytes, Bytes.size() - 32, 0x7FFFFFFF);
  putU16(Bytes, 10, 0);
  ParseResult R = parse(Bytes.data(), Bytes.size());
  ASSERT_TRUE(R) << R.Error;
  EXPECT_TRUE(R.Value.Symbols.empty());
  // The same bytes in a 1.1 container are an absurd symbol count.
  putU16(Bytes, 10, 1);
  ParseResult Bad = parse(Bytes.data(), Bytes.size());
  EXPECT_FALSE(Bad);
  EXPECT_NE(Bad.Error.find("symbol count"), std::string::npos) << Bad.Error;
}

TEST(FatBinary, SymbolsOutsideTheBlockAreRejected) {
  FatBinary In = sample();
  In.Symbols[1].Offset = 68; // 8 bytes at 68 run past the 72-byte block
  std::vector<uint8_t> Bytes = serialize(In);
  ParseResult R = parse(Bytes.data(), Bytes.size());
  EXPECT_FALSE(R);
  EXPECT_NE(R.Error.find("outside"), std::string::npos) << R.Error;
  In = sample();
  In.Globals.Init.resize(8); // initializer shorter than the block
  Bytes = serialize(In);
  EXPECT_FALSE(parse(Bytes.data(), Bytes.size()));
}

TEST(FatBinary, EmptyContainerIsValid) {
  std::vector<uint8_t> Bytes = serialize(FatBinary());
  EXPECT_EQ(Bytes.size(), HeaderSize + 32); // header + an empty globals section
  ParseResult R = parse(Bytes.data(), Bytes.size());
  ASSERT_TRUE(R) << R.Error;
  EXPECT_TRUE(R.Value.Images.empty());
  EXPECT_TRUE(R.Value.Kernels.empty());
}

TEST(FatBinary, EveryTruncationIsRejected) {
  std::vector<uint8_t> Bytes = serialize(sample());
  for (size_t Len = 0; Len < Bytes.size(); ++Len) {
    // A fresh allocation of exactly Len bytes, so that a read past the end
    // is visible to AddressSanitizer.
    std::vector<uint8_t> Cut(Bytes.begin(), Bytes.begin() + Len);
    ParseResult R = parse(Cut.data(), Cut.size());
    EXPECT_FALSE(R) << "accepted a container truncated to " << Len << " bytes";
    EXPECT_FALSE(R.Error.empty());
    EXPECT_TRUE(R.Value.Images.empty() && R.Value.Kernels.empty());
    EXPECT_FALSE(parseWithHeaderSize(Cut.data(), Cut.size()))
        << "accepted a container truncated to " << Len << " bytes";
  }
}

TEST(FatBinary, RecordsCutShortInsideTotalSizeAreRejected) {
  // TotalSize itself claims fewer bytes than the records need: the reader
  // must stop at TotalSize even though more bytes are readable.
  std::vector<uint8_t> Bytes = serialize(sample());
  for (uint64_t Total = HeaderSize; Total < Bytes.size(); Total += 4) {
    std::vector<uint8_t> B = Bytes;
    putU64(B, 24, Total);
    EXPECT_FALSE(parse(B.data(), B.size())) << "TotalSize " << Total;
  }
}

TEST(FatBinary, TrailingBytesAfterTotalSizeAreIgnored) {
  std::vector<uint8_t> Bytes = serialize(sample());
  size_t Total = Bytes.size();
  Bytes.resize(Total + 64, 0xEE);
  ParseResult R = parse(Bytes.data(), Bytes.size());
  ASSERT_TRUE(R) << R.Error;
  EXPECT_EQ(R.Value.Kernels.size(), 3u);
}

TEST(FatBinary, ParseWithHeaderSizeStopsAtTotalSize) {
  std::vector<uint8_t> Bytes = serialize(sample());
  ParseResult R = parseWithHeaderSize(Bytes.data(), SIZE_MAX);
  ASSERT_TRUE(R) << R.Error;
  EXPECT_EQ(R.Value.Images.size(), 2u);
  EXPECT_FALSE(parseWithHeaderSize(nullptr, SIZE_MAX));
  EXPECT_FALSE(parse(nullptr, 0));
}

TEST(FatBinary, FlippedMagicIsRejected) {
  std::vector<uint8_t> Bytes = serialize(sample());
  for (size_t I = 0; I < 8; ++I) {
    std::vector<uint8_t> B = Bytes;
    B[I] ^= 0x20;
    EXPECT_FALSE(hasMagic(B.data(), B.size()));
    ParseResult R = parse(B.data(), B.size());
    EXPECT_FALSE(R);
    EXPECT_NE(R.Error.find("magic"), std::string::npos) << R.Error;
  }
  // An NVIDIA fatbin starts with 0xBA55ED50: not ours, and no crash.
  std::vector<uint8_t> Nv(64, 0);
  putU32(Nv, 0, 0xBA55ED50u);
  EXPECT_FALSE(parse(Nv.data(), Nv.size()));
}

TEST(FatBinary, NewerMajorIsRejectedNewerMinorAccepted) {
  std::vector<uint8_t> Bytes = serialize(sample());
  std::vector<uint8_t> Major = Bytes;
  putU16(Major, 8, VersionMajor + 1);
  ParseResult R = parse(Major.data(), Major.size());
  EXPECT_FALSE(R);
  EXPECT_NE(R.Error.find("version"), std::string::npos) << R.Error;

  std::vector<uint8_t> Zero = Bytes;
  putU16(Zero, 8, 0);
  EXPECT_FALSE(parse(Zero.data(), Zero.size()));

  std::vector<uint8_t> Minor = Bytes;
  putU16(Minor, 10, VersionMinor + 7);
  R = parse(Minor.data(), Minor.size());
  ASSERT_TRUE(R) << R.Error;
  EXPECT_EQ(R.Value.Kernels.size(), 3u);
}

TEST(FatBinary, AbsurdCountsAreRejectedWithoutAllocating) {
  std::vector<uint8_t> Bytes = serialize(sample());
  for (uint32_t Count : {4u, 1000u, 0x10000000u, 0xFFFFFFFFu}) {
    std::vector<uint8_t> B = Bytes;
    putU32(B, 16, Count); // NumImages
    EXPECT_FALSE(parse(B.data(), B.size())) << "NumImages " << Count;
    B = Bytes;
    putU32(B, 20, Count); // NumKernels
    EXPECT_FALSE(parse(B.data(), B.size())) << "NumKernels " << Count;
  }
  for (uint32_t Count : {1000u, 0x10000000u, 0xFFFFFFFFu}) {
    std::vector<uint8_t> B = Bytes;
    putU32(B, FirstKernel + 8, Count); // NumArgs of the first kernel
    EXPECT_FALSE(parse(B.data(), B.size())) << "NumArgs " << Count;
  }
  std::vector<uint8_t> B = Bytes;
  putU64(B, 24, ~uint64_t(0)); // TotalSize
  EXPECT_FALSE(parse(B.data(), B.size()));
  putU64(B, 24, 8); // smaller than the header
  EXPECT_FALSE(parse(B.data(), B.size()));
}

TEST(FatBinary, LengthsPastTheEndAreRejected) {
  std::vector<uint8_t> Bytes = serialize(sample());
  for (uint32_t Len : {uint32_t(Bytes.size()), 0x7FFFFFFFu, 0xFFFFFFFFu}) {
    std::vector<uint8_t> B = Bytes;
    putU32(B, FirstImage + 4, Len); // ArchLen
    EXPECT_FALSE(parse(B.data(), B.size())) << "ArchLen " << Len;
    B = Bytes;
    putU32(B, FirstKernel, Len); // NameLen
    EXPECT_FALSE(parse(B.data(), B.size())) << "NameLen " << Len;
  }
  for (uint64_t Len : {uint64_t(Bytes.size()), uint64_t(1) << 40, ~uint64_t(0),
                       ~uint64_t(0) - 6}) {
    std::vector<uint8_t> B = Bytes;
    putU64(B, FirstImage + 8, Len); // DataLen
    EXPECT_FALSE(parse(B.data(), B.size())) << "DataLen " << Len;
  }
  std::vector<uint8_t> B = Bytes;
  putU32(B, FirstKernel, 0); // an empty kernel name is not a kernel
  EXPECT_FALSE(parse(B.data(), B.size()));
}

TEST(FatBinary, EveryByteFlipIsHandled) {
  // No particular answer is required for most flips; none may crash, and an
  // accepted container must still describe itself consistently.
  std::vector<uint8_t> Bytes = serialize(sample());
  for (size_t I = 0; I < Bytes.size(); ++I) {
    std::vector<uint8_t> B = Bytes;
    B[I] ^= 0xFF;
    ParseResult R = parse(B.data(), B.size());
    if (R) {
      size_t Sum = 0;
      for (const Image &Img : R.Value.Images)
        Sum += Img.Data.size() + Img.Arch.size();
      EXPECT_LE(Sum, B.size());
    } else {
      EXPECT_FALSE(R.Error.empty());
    }
  }
}
