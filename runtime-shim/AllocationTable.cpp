//===- AllocationTable.cpp - which live allocation holds an address -------===//
//
// An ordered map from base address to allocation; a lookup is the last
// allocation whose base is <= the address, then an end check. See
// AllocationTable.h.
//
//===----------------------------------------------------------------------===//
#include "AllocationTable.h"

#include <mutex>

namespace cuport {
namespace rt {

void AllocationTable::insert(const Allocation &A) {
  std::unique_lock<std::shared_mutex> Guard(Lock);
  ByBase[A.Base] = A;
}

bool AllocationTable::erase(const void *Base, AllocKind Kind, Allocation *Removed) {
  std::unique_lock<std::shared_mutex> Guard(Lock);
  auto It = ByBase.find(reinterpret_cast<uintptr_t>(Base));
  if (It == ByBase.end() || It->second.Kind != Kind)
    return false;
  if (Removed)
    *Removed = It->second;
  ByBase.erase(It);
  return true;
}

bool AllocationTable::find(const void *P, Allocation *Out) const {
  return findRange(P, 0, Out);
}

bool AllocationTable::findRange(const void *P, size_t Size, Allocation *Out) const {
  uintptr_t Addr = reinterpret_cast<uintptr_t>(P);
  std::shared_lock<std::shared_mutex> Guard(Lock);
  auto It = ByBase.upper_bound(Addr);
  if (It == ByBase.begin())
    return false;
  --It;
  const Allocation &A = It->second;
  uintptr_t Offset = Addr - A.Base;
  // Offset < Size and Offset + Len <= Size, written so nothing overflows.
  if (Offset >= A.Size || Size > A.Size - Offset)
    return false;
  if (Out)
    *Out = A;
  return true;
}

std::vector<Allocation> AllocationTable::all(int Device, AllocKind Kind) const {
  std::shared_lock<std::shared_mutex> Guard(Lock);
  std::vector<Allocation> Out;
  for (const auto &KV : ByBase)
    if (KV.second.Device == Device && KV.second.Kind == Kind)
      Out.push_back(KV.second);
  return Out;
}

AllocationTable &allocations() {
  static AllocationTable *T = new AllocationTable();
  return *T;
}

} // namespace rt
} // namespace cuport
