//===- MemoryPeer.cpp - peer access and peer copies -----------------------===//
//
// cudaDeviceCanAccessPeer, cudaDeviceEnablePeerAccess/DisablePeerAccess and
// cudaMemcpyPeer/PeerAsync, with CUDA's answers for the devices cuport
// reports.
//
// Each device of a target has its own context (an OpenCL context, a HIP
// device), so a kernel on one device can never dereference another's
// memory: no pair of devices has peer access. CUDA's answers follow from
// that: cudaDeviceCanAccessPeer gives 0 for every pair, the same device
// included (CUDA gives 0 there too); enabling access to another device is
// cudaErrorPeerAccessUnsupported and disabling it cudaErrorPeerAccessNotEnabled;
// naming the current device itself, or a device that does not exist, is
// cudaErrorInvalidDevice.
//
// Peer copies need no peer access, as in CUDA. Between two allocations of
// one device a peer copy is a device-to-device cudaMemcpy (Async: on the
// stream). Between devices it is staged through the host like a
// cross-device cudaMemcpy; the Async form first waits for its stream, so
// it keeps stream order but blocks. Each pointer must lie, with all
// \p count bytes, in a live allocation of the device named for it
// (cudaErrorInvalidValue otherwise).
//
//===----------------------------------------------------------------------===//
#include "Runtime.h"
#include "Transfer.h"

#include <vector>

using namespace cuport;

namespace {

bool validDevice(int Device) { return Device >= 0 && Device < rt::deviceCount(); }

cudaError_t peerCopyImpl(void *Dst, int DstDevice, const void *Src, int SrcDevice,
                         size_t Count, cudaStream_t Stream, bool Async) {
  const char *Api = Async ? "cudaMemcpyPeerAsync" : "cudaMemcpyPeer";
  if (cudaError_t E = rt::enter())
    return E;
  if (!validDevice(DstDevice) || !validDevice(SrcDevice))
    return cudaErrorInvalidDevice;
  if (Count == 0)
    return cudaSuccess;
  if (!Dst || !Src)
    return cudaErrorInvalidValue;
  rt::Transfer T;
  if (cudaError_t E =
          rt::planTransfer(Dst, Count, Src, Count, cudaMemcpyDeviceToDevice, T))
    return E;
  if (T.DstDevice != DstDevice || T.SrcDevice != SrcDevice)
    return cudaErrorInvalidValue;

  if (DstDevice == SrcDevice) {
    target::Queue *Q = nullptr;
    if (cudaError_t E = rt::resolveStream(Stream, DstDevice, &Q))
      return E;
    return rt::fromResult(rt::device(DstDevice).copy(Q, Dst, Src, Count,
                                                     target::CopyKind::DeviceToDevice,
                                                     Async ? target::CopyMode::Async
                                                           : target::CopyMode::Sync),
                          Api);
  }

  if (Async) {
    rt::StreamRef S;
    if (cudaError_t E = rt::lookupStream(Stream, S))
      return E;
    if (cudaError_t E = rt::fromResult(rt::device(S.Device).synchronizeQueue(S.Queue), Api))
      return E;
  }
  std::vector<uint8_t> Staging(Count);
  if (cudaError_t E = rt::fromResult(rt::device(SrcDevice).copy(nullptr, Staging.data(), Src,
                                                                Count,
                                                                target::CopyKind::DeviceToHost),
                                     Api))
    return E;
  return rt::fromResult(rt::device(DstDevice).copy(nullptr, Dst, Staging.data(), Count,
                                                   target::CopyKind::HostToDevice),
                        Api);
}

} // namespace

CUPORT_EXPORT cudaError_t cudaDeviceCanAccessPeer(int *canAccessPeer, int device,
                                                  int peerDevice) {
  return rt::apiBoundary([&] {
    if (!canAccessPeer)
      return cudaErrorInvalidValue;
    if (cudaError_t E = rt::enter())
      return E;
    if (!validDevice(device) || !validDevice(peerDevice))
      return cudaErrorInvalidDevice;
    *canAccessPeer = 0; // Separate contexts; and never for a device itself.
    return cudaSuccess;
  });
}

CUPORT_EXPORT cudaError_t cudaDeviceEnablePeerAccess(int peerDevice, unsigned int flags) {
  return rt::apiBoundary([&] {
    if (cudaError_t E = rt::enter())
      return E;
    if (!validDevice(peerDevice) || peerDevice == rt::currentDeviceIndex())
      return cudaErrorInvalidDevice;
    if (flags != 0)
      return cudaErrorInvalidValue;
    return cudaErrorPeerAccessUnsupported;
  });
}

CUPORT_EXPORT cudaError_t cudaDeviceDisablePeerAccess(int peerDevice) {
  return rt::apiBoundary([&] {
    if (cudaError_t E = rt::enter())
      return E;
    if (!validDevice(peerDevice) || peerDevice == rt::currentDeviceIndex())
      return cudaErrorInvalidDevice;
    return cudaErrorPeerAccessNotEnabled;
  });
}

CUPORT_EXPORT cudaError_t cudaMemcpyPeer(void *dst, int dstDevice, const void *src,
                                         int srcDevice, size_t count) {
  return rt::apiBoundary(
      [&] { return peerCopyImpl(dst, dstDevice, src, srcDevice, count, nullptr, false); });
}

CUPORT_EXPORT cudaError_t cudaMemcpyPeerAsync(void *dst, int dstDevice, const void *src,
                                              int srcDevice, size_t count,
                                              cudaStream_t stream) {
  return rt::apiBoundary(
      [&] { return peerCopyImpl(dst, dstDevice, src, srcDevice, count, stream, true); });
}
