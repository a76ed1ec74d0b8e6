//===- AllocationTable.h - which live allocation holds an address ---------===//
//
// Every cudaMalloc and pinned host allocation is recorded here as an
// interval [Base, Base + Size). cudaMemcpy and cudaMemset check that the
// device side of a transfer lies entirely inside one live allocation, so a
// wild, freed or overrunning pointer is cudaErrorInvalidValue instead of a
// crash; cudaFree checks that it gets the base of a live allocation;
// cudaMemcpyDefault and cudaPointerGetAttributes ask what a pointer is.
// Thread-safe: lookups share a lock, changes take it exclusively.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_RUNTIME_SHIM_ALLOCATIONTABLE_H
#define CUPORT_RUNTIME_SHIM_ALLOCATIONTABLE_H

#include <cstddef>
#include <cstdint>
#include <map>
#include <shared_mutex>
#include <vector>

namespace cuport {
namespace rt {

/// Symbol: a __device__/__constant__ variable's storage, entered when its
/// module's symbol table is read; copies may target it, cudaFree may not.
enum class AllocKind {
  Device, PinnedHost, Symbol,
  Managed,    ///< cudaMallocManaged: one pointer for host and kernels.
  Registered, ///< cudaHostRegister: the user's memory, pinned for copies.
};

struct Allocation {
  uintptr_t Base = 0;
  size_t Size = 0;
  AllocKind Kind = AllocKind::Device;
  int Device = 0;
  /// Kernels may dereference it: device memory, or mapped pinned memory.
  bool DeviceAccessible = true;
  unsigned Flags = 0; ///< cudaHostAlloc flags for pinned memory.
};

class AllocationTable {
public:
  /// Size must be non-zero; intervals never overlap (the allocator gave them).
  void insert(const Allocation &A);
  /// Removes the allocation of kind \p Kind that starts exactly at \p Base.
  bool erase(const void *Base, AllocKind Kind, Allocation *Removed = nullptr);
  /// The allocation containing \p P, if any.
  bool find(const void *P, Allocation *Out) const;
  /// The allocation containing all of [P, P + Size); Size 0 means just P.
  bool findRange(const void *P, size_t Size, Allocation *Out) const;
  /// All allocations of \p Kind on \p Device, for cudaDeviceReset.
  std::vector<Allocation> all(int Device, AllocKind Kind) const;

private:
  mutable std::shared_mutex Lock;
  std::map<uintptr_t, Allocation> ByBase;
};

/// The process's table.
AllocationTable &allocations();

} // namespace rt
} // namespace cuport

#endif // CUPORT_RUNTIME_SHIM_ALLOCATIONTABLE_H
