//===- Transfer.h - checking a copy's two sides, shared by the copy calls -===//
//
// cudaMemcpy, the pitched and 3D copies (Memory3D.cpp) and the peer copies
// (MemoryPeer.cpp) answer the same questions before any byte moves: is
// each side on the host or on a device, does the device side lie inside
// one live allocation, which device's stream orders the copy, and when may
// an Async call return. Memory.cpp answers them once, here, so that every
// copy call gives the same error for the same mistake. A side is described
// by its first byte and its span: the bytes from the first to the last one
// the copy touches (for a pitched copy, (rows - 1) * pitch + width).
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_RUNTIME_SHIM_TRANSFER_H
#define CUPORT_RUNTIME_SHIM_TRANSFER_H

#include "Runtime.h"

namespace cuport {
namespace rt {

/// A checked copy: where each side lives and what the target is asked.
struct Transfer {
  target::CopyKind Kind = target::CopyKind::HostToHost;
  int DstDevice = -1; ///< The device holding the destination; -1: the host.
  int SrcDevice = -1; ///< The device holding the source; -1: the host.
  /// The device whose stream orders the copy: the destination's, else the
  /// source's, else the calling thread's current device.
  int Device = 0;
};

/// A cudaMemcpyKind value CUDA accepts (else cudaErrorInvalidMemcpyDirection,
/// which CUDA reports before it looks at sizes or pointers).
inline bool isValidMemcpyKind(int RawKind) {
  return unsigned(RawKind) <= unsigned(cudaMemcpyDefault);
}

/// Checks each side that \p RawKind (a valid kind) makes a device side
/// (with cudaMemcpyDefault: a side inside device, managed or symbol memory):
/// [P, P + Span) must lie in one live allocation that kernels can address,
/// else cudaErrorInvalidValue. Spans are non-zero; the caller has called
/// enter().
cudaError_t planTransfer(void *Dst, size_t DstSpan, const void *Src, size_t SrcSpan,
                         int RawKind, Transfer &Out);

/// The device holding [P, P + Span), which must lie in one live allocation
/// that kernels can address (cudaErrorInvalidValue otherwise): the
/// destination of a memset. Span is non-zero; the caller has called enter().
cudaError_t deviceRange(const void *P, size_t Span, int *Device);

/// The CopyMode of an Async call's copy, by CUDA's rules: it returns once
/// queued when both host sides (if any) are pinned, registered or managed
/// memory; once the source is copied aside when it is pageable; and when
/// done when the destination is pageable host memory.
target::CopyMode asyncCopyMode(const Transfer &T, const void *Dst, size_t DstSpan,
                               const void *Src, size_t SrcSpan);

} // namespace rt
} // namespace cuport

#endif // CUPORT_RUNTIME_SHIM_TRANSFER_H
