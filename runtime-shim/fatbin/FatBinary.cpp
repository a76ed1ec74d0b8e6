//===- FatBinary.cpp - cuport's versioned device-code container ----------===//
//
// Writer and reader of the container specified in docs/fatbin-format.md.
// The reader runs on bytes that come from an arbitrary host object (or, in
// the worst case, from a corrupt file), so it reads through a bounds-checked
// cursor, never dereferences an unaligned pointer, and caps every count
// against the bytes that remain before it allocates anything.
//
//===----------------------------------------------------------------------===//
#include "FatBinary.h"

#include <cstring>

namespace cuport {
namespace fatbin {

namespace {

constexpr size_t ImageRecordHeaderSize = 16;
constexpr size_t KernelRecordHeaderSize = 16;
constexpr size_t ArgRecordSize = 16;

size_t padTo8(size_t N) { return (N + 7) & ~size_t(7); }

// ---- Writing ---------------------------------------------------------------

class Writer {
public:
  void u16(uint16_t V) { le(V, 2); }
  void u32(uint32_t V) { le(V, 4); }
  void u64(uint64_t V) { le(V, 8); }
  void bytes(const void *P, size_t N) {
    const auto *B = static_cast<const uint8_t *>(P);
    Out.insert(Out.end(), B, B + N);
  }
  void pad8() { Out.resize(padTo8(Out.size()), 0); }
  void patchU64(size_t Offset, uint64_t V) {
    for (int I = 0; I < 8; ++I)
      Out[Offset + I] = uint8_t(V >> (8 * I));
  }
  size_t size() const { return Out.size(); }
  std::vector<uint8_t> take() { return std::move(Out); }

private:
  void le(uint64_t V, int N) {
    for (int I = 0; I < N; ++I)
      Out.push_back(uint8_t(V >> (8 * I)));
  }
  std::vector<uint8_t> Out;
};

// ---- Reading ---------------------------------------------------------------

/// A cursor over [Begin, Begin + Size). Every read checks the remaining length
/// first; once a read fails the cursor stays failed and Error says why.
class Reader {
public:
  Reader(const uint8_t *Begin, size_t Size) : Begin(Begin), Size(Size) {}

  size_t offset() const { return Pos; }
  size_t remaining() const { return Size - Pos; }
  bool failed() const { return !Error.empty(); }
  const std::string &error() const { return Error; }

  bool fail(const std::string &Msg) {
    if (Error.empty())
      Error = Msg + " (at byte offset " + std::to_string(Pos) + ")";
    return false;
  }

  bool u16(uint16_t &V, const char *What) { return le(V, 2, What); }
  bool u32(uint32_t &V, const char *What) { return le(V, 4, What); }
  bool u64(uint64_t &V, const char *What) { return le(V, 8, What); }

  /// Points \p P at the next \p N bytes and advances past them.
  bool span(uint64_t N, const uint8_t *&P, const char *What) {
    if (failed())
      return false;
    if (N > remaining())
      return fail(std::string(What) + " of " + std::to_string(N) +
                  " bytes runs past the end of the container");
    P = Begin + Pos;
    Pos += size_t(N);
    return true;
  }

  bool pad8(const char *What) {
    const uint8_t *Ignored;
    return span(padTo8(Pos) - Pos, Ignored, What);
  }

private:
  template <typename T> bool le(T &V, int N, const char *What) {
    const uint8_t *P;
    if (!span(uint64_t(N), P, What))
      return false;
    uint64_t Acc = 0;
    for (int I = 0; I < N; ++I)
      Acc |= uint64_t(P[I]) << (8 * I);
    V = T(Acc);
    return true;
  }

  const uint8_t *Begin;
  size_t Size;
  size_t Pos = 0;
  std::string Error;
};

struct Header {
  uint16_t Major = 0, Minor = 0;
  uint32_t Flags = 0, NumImages = 0, NumKernels = 0;
  uint64_t TotalSize = 0;
};

/// Reads and validates the fixed header. \p Available is how many bytes the
/// caller may read; TotalSize must not exceed it.
bool readHeader(Reader &R, Header &H, size_t Available) {
  const uint8_t *M;
  if (!R.span(sizeof(Magic), M, "magic"))
    return R.fail("truncated header: shorter than the 8-byte magic");
  if (std::memcmp(M, Magic, sizeof(Magic)) != 0)
    return R.fail("bad magic: not a cuport fat binary");
  if (!R.u16(H.Major, "major version") || !R.u16(H.Minor, "minor version") ||
      !R.u32(H.Flags, "flags") || !R.u32(H.NumImages, "image count") ||
      !R.u32(H.NumKernels, "kernel count") || !R.u64(H.TotalSize, "total size"))
    return R.fail("truncated header: shorter than " +
                  std::to_string(HeaderSize) + " bytes");
  if (H.Major != VersionMajor)
    return R.fail("unsupported container version " + std::to_string(H.Major) +
                  "." + std::to_string(H.Minor) + " (this reader knows " +
                  std::to_string(VersionMajor) + ".x)");
  if (H.TotalSize < HeaderSize)
    return R.fail("total size " + std::to_string(H.TotalSize) +
                  " is smaller than the header");
  if (H.TotalSize > Available)
    return R.fail("truncated container: header says " +
                  std::to_string(H.TotalSize) + " bytes, only " +
                  std::to_string(Available) + " available");
  return true;
}

bool readImage(Reader &R, Image &Img) {
  uint32_t Kind, ArchLen;
  uint64_t DataLen;
  if (!R.u32(Kind, "image kind") || !R.u32(ArchLen, "image arch length") ||
      !R.u64(DataLen, "image data length"))
    return false;
  const uint8_t *Arch, *Data;
  if (!R.span(ArchLen, Arch, "image arch") || !R.pad8("image arch padding") ||
      !R.span(DataLen, Data, "image data") || !R.pad8("image data padding"))
    return false;
  Img.Kind = ImageKind(Kind);
  Img.Arch.assign(reinterpret_cast<const char *>(Arch), ArchLen);
  Img.Data.assign(Data, Data + DataLen);
  return true;
}

/// Symbol record (1.1): u32 NameLen, u32 Reserved, u64 Size, u64 Offset,
/// name, pad 8.
constexpr size_t SymbolRecordHeaderSize = 24;

bool readSymbol(Reader &R, uint64_t BlockSize, SymbolInfo &S) {
  uint32_t NameLen, Reserved;
  if (!R.u32(NameLen, "symbol name length") || !R.u32(Reserved, "symbol reserved field") ||
      !R.u64(S.Size, "symbol size") || !R.u64(S.Offset, "symbol offset"))
    return false;
  if (S.Offset > BlockSize || S.Size > BlockSize - S.Offset)
    return R.fail("symbol at offset " + std::to_string(S.Offset) + " of " +
                  std::to_string(S.Size) + " bytes lies outside the " +
                  std::to_string(BlockSize) + "-byte globals block");
  const uint8_t *Name;
  if (!R.span(NameLen, Name, "symbol name") || !R.pad8("symbol name padding"))
    return false;
  if (NameLen == 0)
    return R.fail("symbol with an empty name");
  S.Name.assign(reinterpret_cast<const char *>(Name), NameLen);
  return true;
}

bool readKernel(Reader &R, KernelInfo &K) {
  uint32_t NameLen, NumArgs;
  // The last field was reserved (written as 0) before 1.2, so a 1.1
  // container reads as "no static shared memory recorded".
  if (!R.u32(NameLen, "kernel name length") || !R.u32(K.Flags, "kernel flags") ||
      !R.u32(NumArgs, "kernel argument count") ||
      !R.u32(K.StaticSharedBytes, "kernel static shared size"))
    return false;
  const uint8_t *Name;
  if (!R.span(NameLen, Name, "kernel name") || !R.pad8("kernel name padding"))
    return false;
  if (NameLen == 0)
    return R.fail("kernel with an empty name");
  K.Name.assign(reinterpret_cast<const char *>(Name), NameLen);
  if (NumArgs > R.remaining() / ArgRecordSize)
    return R.fail("kernel '" + K.Name + "' claims " + std::to_string(NumArgs) +
                  " arguments, more than the container can hold");
  K.Args.resize(NumArgs);
  for (KernelArg &A : K.Args) {
    uint32_t Kind;
    if (!R.u32(Kind, "argument kind") || !R.u32(A.Size, "argument size") ||
        !R.u32(A.Align, "argument alignment") || !R.u32(A.Extra, "argument extra field"))
      return false;
    A.Kind = ArgKind(Kind);
  }
  return true;
}

ParseResult parseImpl(const void *Data, size_t Available) {
  ParseResult Result;
  if (!Data) {
    Result.Error = "null container pointer";
    return Result;
  }
  const auto *Bytes = static_cast<const uint8_t *>(Data);
  Header H;
  // The header is read with a cursor limited to the header itself, so that
  // parseWithHeaderSize never reads past 32 bytes before it knows TotalSize.
  Reader HR(Bytes, Available < HeaderSize ? Available : HeaderSize);
  if (!readHeader(HR, H, Available)) {
    Result.Error = HR.error();
    return Result;
  }
  Reader R(Bytes, size_t(H.TotalSize));
  const uint8_t *Skip;
  R.span(HeaderSize, Skip, "header");

  FatBinary &FB = Result.Value;
  FB.Flags = H.Flags;
  if (H.NumImages > R.remaining() / ImageRecordHeaderSize) {
    R.fail("image count " + std::to_string(H.NumImages) +
           " exceeds what the container can hold");
  } else {
    FB.Images.resize(H.NumImages);
    for (Image &Img : FB.Images)
      if (!readImage(R, Img))
        break;
  }
  if (!R.failed()) {
    if (H.NumKernels > R.remaining() / KernelRecordHeaderSize) {
      R.fail("kernel count " + std::to_string(H.NumKernels) +
             " exceeds what the container can hold");
    } else {
      FB.Kernels.resize(H.NumKernels);
      for (KernelInfo &K : FB.Kernels)
        if (!readKernel(R, K))
          break;
    }
  }
  // 1.1 adds the symbol section: u32 NumSymbols, u32 Reserved, records.
  // The globals section: always present from 1.1 on, even when empty, so
  // that a container cut short at a record boundary is still rejected.
  if (!R.failed() && H.Minor >= 1) {
    uint32_t NumSymbols, Reserved;
    uint64_t InitSize;
    const uint8_t *Init;
    GlobalsBlock &G = FB.Globals;
    if (R.u32(NumSymbols, "symbol count") && R.u32(Reserved, "globals reserved field") &&
        R.u64(G.Size, "globals block size") && R.u64(G.Align, "globals block alignment") &&
        R.u64(InitSize, "globals initializer size")) {
      if (InitSize != G.Size)
        R.fail("globals initializer has " + std::to_string(InitSize) + " bytes for a " +
               std::to_string(G.Size) + "-byte block");
      else if (G.Size && (G.Align == 0 || (G.Align & (G.Align - 1)) || G.Align > 4096))
        R.fail("globals block alignment " + std::to_string(G.Align) + " is not a power of two up to 4096");
      else if (R.span(InitSize, Init, "globals initializer") && R.pad8("globals padding")) {
        G.Init.assign(Init, Init + InitSize);
        if (NumSymbols > R.remaining() / SymbolRecordHeaderSize) {
          R.fail("symbol count " + std::to_string(NumSymbols) +
                 " exceeds what the container can hold");
        } else {
          FB.Symbols.resize(NumSymbols);
          for (SymbolInfo &S : FB.Symbols)
            if (!readSymbol(R, G.Size, S))
              break;
        }
      }
    }
  }
  // Bytes after the last section and up to TotalSize are reserved for later
  // minor versions; this reader ignores them.
  if (R.failed()) {
    Result.Error = R.error();
    Result.Value = FatBinary();
  }
  return Result;
}

} // namespace

const Image *FatBinary::findImage(ImageKind Kind, const std::string &Arch) const {
  for (const Image &Img : Images)
    if (Img.Kind == Kind && (Arch.empty() || Img.Arch == Arch))
      return &Img;
  return nullptr;
}

long FatBinary::findSymbol(const std::string &Name) const {
  for (size_t I = 0; I < Symbols.size(); ++I)
    if (Symbols[I].Name == Name)
      return long(I);
  return -1;
}

const KernelInfo *FatBinary::findKernel(const std::string &Name) const {
  for (const KernelInfo &K : Kernels)
    if (K.Name == Name)
      return &K;
  return nullptr;
}

std::vector<uint8_t> serialize(const FatBinary &FB) {
  Writer W;
  W.bytes(Magic, sizeof(Magic));
  W.u16(VersionMajor);
  W.u16(VersionMinor);
  W.u32(FB.Flags);
  W.u32(uint32_t(FB.Images.size()));
  W.u32(uint32_t(FB.Kernels.size()));
  W.u64(0); // TotalSize, patched below.
  for (const Image &Img : FB.Images) {
    W.u32(uint32_t(Img.Kind));
    W.u32(uint32_t(Img.Arch.size()));
    W.u64(Img.Data.size());
    W.bytes(Img.Arch.data(), Img.Arch.size());
    W.pad8();
    W.bytes(Img.Data.data(), Img.Data.size());
    W.pad8();
  }
  for (const KernelInfo &K : FB.Kernels) {
    W.u32(uint32_t(K.Name.size()));
    W.u32(K.Flags);
    W.u32(uint32_t(K.Args.size()));
    W.u32(K.StaticSharedBytes);
    W.bytes(K.Name.data(), K.Name.size());
    W.pad8();
    for (const KernelArg &A : K.Args) {
      W.u32(uint32_t(A.Kind));
      W.u32(A.Size);
      W.u32(A.Align);
      W.u32(A.Extra);
    }
  }
  W.u32(uint32_t(FB.Symbols.size()));
  W.u32(0);
  W.u64(FB.Globals.Size);
  W.u64(FB.Globals.Align);
  W.u64(FB.Globals.Init.size());
  W.bytes(FB.Globals.Init.data(), FB.Globals.Init.size());
  W.pad8();
  for (const SymbolInfo &S : FB.Symbols) {
    W.u32(uint32_t(S.Name.size()));
    W.u32(0);
    W.u64(S.Size);
    W.u64(S.Offset);
    W.bytes(S.Name.data(), S.Name.size());
    W.pad8();
  }
  W.patchU64(24, W.size());
  return W.take();
}

ParseResult parse(const void *Data, size_t Size) { return parseImpl(Data, Size); }

ParseResult parseWithHeaderSize(const void *Data, size_t MaxSize) {
  return parseImpl(Data, MaxSize);
}

bool hasMagic(const void *Data, size_t Size) {
  return Data && Size >= sizeof(Magic) &&
         std::memcmp(Data, Magic, sizeof(Magic)) == 0;
}

} // namespace fatbin
} // namespace cuport
