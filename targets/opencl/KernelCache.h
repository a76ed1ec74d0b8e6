//===- KernelCache.h - on-disk cache of translated and built kernels ------===//
//
// Building a module is the slow part of a cold start: translating SPIR-V
// back to LLVM IR (on devices without SPIR-V ingestion) and the driver's own
// front-end build. The cache keeps both products on disk, keyed by a 128-bit
// content hash of the SPIR-V and of everything about the device and the
// build that could change the result, so a warm start skips both.
//
// The cache is an optimisation only. An entry that is missing, unreadable,
// truncated or has the wrong checksum is ignored (and overwritten by the
// rebuild); a directory that cannot be created or written makes stores fail
// silently. Writers never expose a partial file: they write a temporary file
// in the same directory and rename it over the entry.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_TARGETS_OPENCL_KERNELCACHE_H
#define CUPORT_TARGETS_OPENCL_KERNELCACHE_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace cuport {
namespace target {
namespace opencl {

struct CacheKey {
  uint64_t Hi = 0, Lo = 0;
  std::string hex() const; ///< 32 lowercase hex digits.
  bool operator==(const CacheKey &O) const { return Hi == O.Hi && Lo == O.Lo; }
};

/// FNV-1a with the 128-bit parameters: not cryptographic, but with 128 bits
/// an accidental collision between two kernels is not a practical concern,
/// and it needs no library. Fields are length-prefixed so that ("ab","c")
/// and ("a","bc") hash differently.
class ContentHash {
public:
  ContentHash();
  ContentHash &bytes(const void *Data, size_t Size);
  ContentHash &field(const void *Data, size_t Size); ///< Length-prefixed.
  ContentHash &field(const std::string &S) { return field(S.data(), S.size()); }
  CacheKey key() const;

private:
  unsigned __int128 State;
};

/// FNV-1a 64-bit, the checksum of an entry's payload.
uint64_t checksum64(const void *Data, size_t Size);

class KernelCache {
public:
  /// Where entries go: $CUPORT_CACHE_DIR, else $XDG_CACHE_HOME/cuport, else
  /// $HOME/.cache/cuport; with "/opencl" appended. Empty when no base can be
  /// found or when CUPORT_DISABLE_CACHE is set to a non-empty value other
  /// than "0": the cache is then off.
  static std::string defaultDirectory();

  explicit KernelCache(std::string Directory);

  const std::string &directory() const { return Dir; }
  bool enabled() const { return !Dir.empty(); }

  enum class LoadResult { Hit, Miss, Corrupt };
  /// Reads entry \p Key.\p Kind ("bc", "bin") into \p Out.
  LoadResult load(const CacheKey &Key, const char *Kind, std::vector<uint8_t> &Out) const;
  /// Writes the entry atomically; false when it could not (not an error).
  bool store(const CacheKey &Key, const char *Kind, const void *Data, size_t Size) const;

  std::string entryPath(const CacheKey &Key, const char *Kind) const;

private:
  std::string Dir;
};

} // namespace opencl
} // namespace target
} // namespace cuport

#endif // CUPORT_TARGETS_OPENCL_KERNELCACHE_H
