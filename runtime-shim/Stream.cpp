//===- Stream.cpp - the stream API group (minimal) ------------------------===//
//
// A stream is a target queue. The default stream (0, cudaStreamLegacy and,
// since cuport has no per-thread default stream mode, cudaStreamPerThread)
// is the device's default queue; the target keeps the legacy default
// stream's synchronization with blocking streams. Stream handles are checked
// against the set of live streams, so a destroyed or made-up handle is
// cudaErrorInvalidResourceHandle rather than a crash.
//
//===----------------------------------------------------------------------===//
#include "Runtime.h"

#include <memory>
#include <mutex>
#include <unordered_map>

/// What a cudaStream_t points at.
struct CUstream_st {
  int Device = 0;
  unsigned Flags = 0;
  std::unique_ptr<cuport::target::Queue> Queue;
};

using namespace cuport;

namespace {

struct StreamTable {
  std::mutex Lock;
  std::unordered_map<CUstream_st *, std::unique_ptr<CUstream_st>> Live;
};

StreamTable &streams() {
  static StreamTable *T = new StreamTable();
  return *T;
}

bool isDefaultStream(cudaStream_t S) {
  return S == nullptr || S == cudaStreamLegacy || S == cudaStreamPerThread;
}

cudaError_t createStream(cudaStream_t *Out, unsigned Flags) {
  if (!Out || (Flags & ~unsigned(cudaStreamNonBlocking)))
    return cudaErrorInvalidValue;
  if (cudaError_t E = rt::enter())
    return E;
  auto S = std::make_unique<CUstream_st>();
  S->Device = rt::currentDeviceIndex();
  S->Flags = Flags;
  bool Blocking = !(Flags & cudaStreamNonBlocking);
  if (cudaError_t E = rt::fromResult(rt::device(S->Device).createQueue(Blocking, &S->Queue),
                                     "cudaStreamCreate"))
    return E;
  StreamTable &T = streams();
  std::lock_guard<std::mutex> Guard(T.Lock);
  *Out = S.get();
  T.Live.emplace(S.get(), std::move(S));
  return cudaSuccess;
}

/// The live stream \p S, or null.
CUstream_st *lookup(cudaStream_t S) {
  StreamTable &T = streams();
  std::lock_guard<std::mutex> Guard(T.Lock);
  auto It = T.Live.find(S);
  return It == T.Live.end() ? nullptr : It->second.get();
}

} // namespace

namespace cuport {
namespace rt {

cudaError_t resolveStream(cudaStream_t Stream, int Device, target::Queue **Out) {
  if (isDefaultStream(Stream)) {
    *Out = nullptr;
    return cudaSuccess;
  }
  CUstream_st *S = lookup(Stream);
  if (!S || S->Device != Device)
    return cudaErrorInvalidResourceHandle;
  *Out = S->Queue.get();
  return cudaSuccess;
}

void destroyStreams(int Device) {
  StreamTable &T = streams();
  std::lock_guard<std::mutex> Guard(T.Lock);
  for (auto It = T.Live.begin(); It != T.Live.end();)
    It = It->second->Device == Device ? T.Live.erase(It) : std::next(It);
}

} // namespace rt
} // namespace cuport

CUPORT_EXPORT cudaError_t cudaStreamCreate(cudaStream_t *pStream) {
  return rt::apiBoundary([&] { return createStream(pStream, cudaStreamDefault); });
}

CUPORT_EXPORT cudaError_t cudaStreamCreateWithFlags(cudaStream_t *pStream, unsigned int flags) {
  return rt::apiBoundary([&] { return createStream(pStream, flags); });
}

CUPORT_EXPORT cudaError_t cudaStreamDestroy(cudaStream_t stream) {
  return rt::apiBoundary([&] {
    if (cudaError_t E = rt::enter())
      return E;
    if (isDefaultStream(stream))
      return cudaErrorInvalidResourceHandle;
    std::unique_ptr<CUstream_st> Owned;
    {
      StreamTable &T = streams();
      std::lock_guard<std::mutex> Guard(T.Lock);
      auto It = T.Live.find(stream);
      if (It == T.Live.end())
        return cudaErrorInvalidResourceHandle;
      Owned = std::move(It->second);
      T.Live.erase(It);
    }
    // Destroying the queue waits for its work, outside the table's lock.
    Owned.reset();
    return cudaSuccess;
  });
}

CUPORT_EXPORT cudaError_t cudaStreamSynchronize(cudaStream_t stream) {
  return rt::apiBoundary([&] {
    if (cudaError_t E = rt::enter())
      return E;
    if (isDefaultStream(stream))
      return rt::fromResult(rt::currentDevice().synchronizeQueue(nullptr),
                            "cudaStreamSynchronize");
    CUstream_st *S = lookup(stream);
    if (!S)
      return cudaErrorInvalidResourceHandle;
    return rt::fromResult(rt::device(S->Device).synchronizeQueue(S->Queue.get()),
                          "cudaStreamSynchronize");
  });
}

CUPORT_EXPORT cudaError_t cudaStreamGetFlags(cudaStream_t hStream, unsigned int *flags) {
  return rt::apiBoundary([&] {
    if (!flags)
      return cudaErrorInvalidValue;
    if (cudaError_t E = rt::enter())
      return E;
    if (isDefaultStream(hStream)) {
      *flags = cudaStreamDefault;
      return cudaSuccess;
    }
    CUstream_st *S = lookup(hStream);
    if (!S)
      return cudaErrorInvalidResourceHandle;
    *flags = S->Flags;
    return cudaSuccess;
  });
}
