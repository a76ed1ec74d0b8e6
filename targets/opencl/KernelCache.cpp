//===- KernelCache.cpp - on-disk cache of translated and built kernels ----===//
//
// Entry file layout (little-endian), one file per entry named
// <32 hex digits of the key>.<kind>:
//
//   char[8] "CUPORTKC"   u32 format version (1)   u32 reserved (0)
//   u64 key.Lo  u64 key.Hi   u64 payload size   u64 FNV-1a-64 of the payload
//   payload
//
// The key inside the file guards against a renamed or copied entry; the
// size and checksum catch truncation and bit rot. See KernelCache.h.
//
//===----------------------------------------------------------------------===//
#include "KernelCache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace cuport {
namespace target {
namespace opencl {

namespace {

constexpr char EntryMagic[8] = {'C', 'U', 'P', 'O', 'R', 'T', 'K', 'C'};
constexpr uint32_t EntryVersion = 1;
constexpr size_t EntryHeaderSize = 48;

void putLE(uint8_t *P, uint64_t V, int N) {
  for (int I = 0; I < N; ++I)
    P[I] = uint8_t(V >> (8 * I));
}
uint64_t getLE(const uint8_t *P, int N) {
  uint64_t V = 0;
  for (int I = 0; I < N; ++I)
    V |= uint64_t(P[I]) << (8 * I);
  return V;
}

/// mkdir -p; true when the directory exists afterwards.
bool makeDirectories(const std::string &Path) {
  struct stat St;
  if (::stat(Path.c_str(), &St) == 0)
    return S_ISDIR(St.st_mode);
  size_t Slash = Path.rfind('/');
  if (Slash != std::string::npos && Slash > 0 &&
      !makeDirectories(Path.substr(0, Slash)))
    return false;
  return ::mkdir(Path.c_str(), 0777) == 0 || errno == EEXIST;
}

bool writeAll(int Fd, const void *Data, size_t Size) {
  const auto *P = static_cast<const uint8_t *>(Data);
  while (Size > 0) {
    ssize_t N = ::write(Fd, P, Size);
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return false;
    P += N;
    Size -= size_t(N);
  }
  return true;
}

bool readAll(int Fd, void *Data, size_t Size) {
  auto *P = static_cast<uint8_t *>(Data);
  while (Size > 0) {
    ssize_t N = ::read(Fd, P, Size);
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return false;
    P += N;
    Size -= size_t(N);
  }
  return true;
}

// FNV-1a 128-bit parameters.
constexpr unsigned __int128 FnvPrime128 =
    (static_cast<unsigned __int128>(1) << 88) + 0x13B;
constexpr unsigned __int128 FnvOffset128 =
    (static_cast<unsigned __int128>(0x6c62272e07bb0142ULL) << 64) |
    0x62b821756295c58dULL;

} // namespace

std::string CacheKey::hex() const {
  char Buf[33];
  std::snprintf(Buf, sizeof(Buf), "%016llx%016llx", (unsigned long long)Hi,
                (unsigned long long)Lo);
  return Buf;
}

ContentHash::ContentHash() : State(FnvOffset128) {}

ContentHash &ContentHash::bytes(const void *Data, size_t Size) {
  const auto *P = static_cast<const uint8_t *>(Data);
  for (size_t I = 0; I < Size; ++I) {
    State ^= P[I];
    State *= FnvPrime128;
  }
  return *this;
}

ContentHash &ContentHash::field(const void *Data, size_t Size) {
  uint8_t Len[8];
  putLE(Len, Size, 8);
  bytes(Len, 8);
  return bytes(Data, Size);
}

CacheKey ContentHash::key() const {
  CacheKey K;
  K.Hi = uint64_t(State >> 64);
  K.Lo = uint64_t(State);
  return K;
}

uint64_t checksum64(const void *Data, size_t Size) {
  const auto *P = static_cast<const uint8_t *>(Data);
  uint64_t H = 0xcbf29ce484222325ULL;
  for (size_t I = 0; I < Size; ++I) {
    H ^= P[I];
    H *= 0x100000001b3ULL;
  }
  return H;
}

std::string KernelCache::defaultDirectory() {
  const char *Disable = std::getenv("CUPORT_DISABLE_CACHE");
  if (Disable && *Disable && std::strcmp(Disable, "0") != 0)
    return std::string();
  std::string Base;
  if (const char *D = std::getenv("CUPORT_CACHE_DIR"); D && *D)
    Base = D;
  else if (const char *X = std::getenv("XDG_CACHE_HOME"); X && *X)
    Base = std::string(X) + "/cuport";
  else if (const char *H = std::getenv("HOME"); H && *H)
    Base = std::string(H) + "/.cache/cuport";
  else
    return std::string();
  return Base + "/opencl";
}

KernelCache::KernelCache(std::string Directory) : Dir(std::move(Directory)) {}

std::string KernelCache::entryPath(const CacheKey &Key, const char *Kind) const {
  return Dir + "/" + Key.hex() + "." + Kind;
}

KernelCache::LoadResult KernelCache::load(const CacheKey &Key, const char *Kind,
                                          std::vector<uint8_t> &Out) const {
  if (!enabled())
    return LoadResult::Miss;
  int Fd = ::open(entryPath(Key, Kind).c_str(), O_RDONLY | O_CLOEXEC);
  if (Fd < 0)
    return errno == ENOENT ? LoadResult::Miss : LoadResult::Corrupt;
  LoadResult R = LoadResult::Corrupt;
  uint8_t H[EntryHeaderSize];
  struct stat St;
  if (::fstat(Fd, &St) == 0 && readAll(Fd, H, sizeof(H)) &&
      std::memcmp(H, EntryMagic, 8) == 0 && getLE(H + 8, 4) == EntryVersion &&
      getLE(H + 16, 8) == Key.Lo && getLE(H + 24, 8) == Key.Hi) {
    uint64_t Size = getLE(H + 32, 8);
    // The size must match the file exactly: no allocation from a bad field.
    if (St.st_size >= 0 && Size == uint64_t(St.st_size) - EntryHeaderSize) {
      Out.resize(size_t(Size));
      if (readAll(Fd, Out.data(), Out.size()) &&
          checksum64(Out.data(), Out.size()) == getLE(H + 40, 8))
        R = LoadResult::Hit;
    }
  }
  ::close(Fd);
  if (R != LoadResult::Hit)
    Out.clear();
  return R;
}

bool KernelCache::store(const CacheKey &Key, const char *Kind, const void *Data,
                        size_t Size) const {
  if (!enabled() || !makeDirectories(Dir))
    return false;
  std::string Final = entryPath(Key, Kind);
  std::string Temp = Final + ".tmp.XXXXXX";
  int Fd = ::mkstemp(&Temp[0]);
  if (Fd < 0)
    return false;
  uint8_t H[EntryHeaderSize] = {};
  std::memcpy(H, EntryMagic, 8);
  putLE(H + 8, EntryVersion, 4);
  putLE(H + 16, Key.Lo, 8);
  putLE(H + 24, Key.Hi, 8);
  putLE(H + 32, Size, 8);
  putLE(H + 40, checksum64(Data, Size), 8);
  bool Ok = writeAll(Fd, H, sizeof(H)) && writeAll(Fd, Data, Size);
  // mkstemp creates 0600; a shared cache directory wants readable entries.
  // Failing to widen the mode is harmless, so its result is not checked.
  (void)::fchmod(Fd, 0644);
  Ok = (::close(Fd) == 0) && Ok;
  if (Ok && ::rename(Temp.c_str(), Final.c_str()) == 0)
    return true;
  ::unlink(Temp.c_str());
  return false;
}

} // namespace opencl
} // namespace target
} // namespace cuport
