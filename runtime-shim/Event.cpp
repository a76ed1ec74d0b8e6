//===- Event.cpp - the event API group ------------------------------------===//
//
// A CUDA event is a marker placed in a stream (target::Device::mark): it
// completes when all work queued on the stream before the record does.
// Recording again replaces the marker; waits and queries use the marker of
// the latest record at the time they are called, as CUDA specifies.
// cudaEventElapsedTime reads the device's own timestamps of the two markers
// (OpenCL profiling), never the host clock.
//
// Flags: DisableTiming places markers without timestamps (elapsed time is
// then cudaErrorInvalidResourceHandle); BlockingSync is accepted (the
// target's waits already block rather than spin); Interprocess is not
// supported (no IPC).
//
//===----------------------------------------------------------------------===//
#include "Runtime.h"

#include <mutex>
#include <unordered_map>

/// What a cudaEvent_t points at.
struct CUevent_st {
  int Device = 0;
  unsigned Flags = 0;
  std::mutex Lock;
  std::shared_ptr<cuport::target::Marker> Last; ///< Guarded by Lock; null: never recorded.
};

using namespace cuport;

namespace {

struct EventTable {
  std::mutex Lock;
  std::unordered_map<CUevent_st *, std::unique_ptr<CUevent_st>> Live;
};

EventTable &events() {
  static EventTable *T = new EventTable();
  return *T;
}

CUevent_st *lookup(cudaEvent_t E) {
  EventTable &T = events();
  std::lock_guard<std::mutex> Guard(T.Lock);
  auto It = T.Live.find(E);
  return It == T.Live.end() ? nullptr : It->second.get();
}

std::shared_ptr<target::Marker> lastMarker(CUevent_st &E) {
  std::lock_guard<std::mutex> Guard(E.Lock);
  return E.Last;
}

cudaError_t createEvent(cudaEvent_t *Out, unsigned Flags) {
  constexpr unsigned Known =
      cudaEventBlockingSync | cudaEventDisableTiming | cudaEventInterprocess;
  if (!Out || (Flags & ~Known))
    return cudaErrorInvalidValue;
  // CUDA: an interprocess event must also disable timing.
  if ((Flags & cudaEventInterprocess) && !(Flags & cudaEventDisableTiming))
    return cudaErrorInvalidValue;
  if (Flags & cudaEventInterprocess)
    return cudaErrorNotSupported;
  if (cudaError_t E = rt::enter())
    return E;
  auto Ev = std::make_unique<CUevent_st>();
  Ev->Device = rt::currentDeviceIndex();
  Ev->Flags = Flags;
  EventTable &T = events();
  std::lock_guard<std::mutex> Guard(T.Lock);
  *Out = Ev.get();
  T.Live.emplace(Ev.get(), std::move(Ev));
  return cudaSuccess;
}

cudaError_t recordImpl(cudaEvent_t Event, cudaStream_t Stream, unsigned Flags) {
  if (Flags & ~unsigned(cudaEventRecordExternal))
    return cudaErrorInvalidValue;
  if (cudaError_t E = rt::enter())
    return E;
  CUevent_st *Ev = lookup(Event);
  if (!Ev)
    return cudaErrorInvalidResourceHandle;
  rt::StreamRef R;
  if (cudaError_t E = rt::lookupStream(Stream, R))
    return E;
  // CUDA: the event and the stream must belong to the same device.
  if (R.Device != Ev->Device)
    return cudaErrorInvalidResourceHandle;
  std::shared_ptr<target::Marker> M;
  bool Timing = !(Ev->Flags & cudaEventDisableTiming);
  if (cudaError_t E =
          rt::fromResult(rt::device(R.Device).mark(R.Queue, Timing, &M), "cudaEventRecord"))
    return E;
  std::lock_guard<std::mutex> Guard(Ev->Lock);
  Ev->Last = std::move(M);
  return cudaSuccess;
}

/// Success, NotReady or a failure; NotReady must not become the last error.
cudaError_t queryImpl(cudaEvent_t Event) {
  if (cudaError_t E = rt::enter())
    return E;
  CUevent_st *Ev = lookup(Event);
  if (!Ev)
    return cudaErrorInvalidResourceHandle;
  std::shared_ptr<target::Marker> M = lastMarker(*Ev);
  if (!M)
    return cudaSuccess; // Never recorded: complete, as CUDA answers.
  target::Result R = rt::device(Ev->Device).queryMarker(*M);
  if (R.status() == target::Status::NotReady)
    return cudaErrorNotReady;
  return rt::fromResult(R, "cudaEventQuery");
}

} // namespace

namespace cuport {
namespace rt {

cudaError_t eventMarker(cudaEvent_t Event, std::shared_ptr<target::Marker> *Out,
                        int *Device) {
  CUevent_st *Ev = lookup(Event);
  if (!Ev)
    return cudaErrorInvalidResourceHandle;
  *Out = lastMarker(*Ev);
  *Device = Ev->Device;
  return cudaSuccess;
}

void destroyEvents(int Device) {
  EventTable &T = events();
  std::lock_guard<std::mutex> Guard(T.Lock);
  for (auto It = T.Live.begin(); It != T.Live.end();)
    It = It->second->Device == Device ? T.Live.erase(It) : std::next(It);
}

} // namespace rt
} // namespace cuport

CUPORT_EXPORT cudaError_t cudaEventCreate(cudaEvent_t *event) {
  return rt::apiBoundary([&] { return createEvent(event, cudaEventDefault); });
}

CUPORT_EXPORT cudaError_t cudaEventCreateWithFlags(cudaEvent_t *event, unsigned int flags) {
  return rt::apiBoundary([&] { return createEvent(event, flags); });
}

CUPORT_EXPORT cudaError_t cudaEventDestroy(cudaEvent_t event) {
  return rt::apiBoundary([&] {
    if (cudaError_t E = rt::enter())
      return E;
    std::unique_ptr<CUevent_st> Owned;
    {
      EventTable &T = events();
      std::lock_guard<std::mutex> Guard(T.Lock);
      auto It = T.Live.find(event);
      if (It == T.Live.end())
        return cudaErrorInvalidResourceHandle;
      Owned = std::move(It->second);
      T.Live.erase(It);
    }
    // A marker still pending is released by the target when it completes;
    // waits already queued on it stay valid (CUDA allows destroying a
    // recorded event at once).
    return cudaSuccess;
  });
}

CUPORT_EXPORT cudaError_t cudaEventRecord(cudaEvent_t event, cudaStream_t stream) {
  return rt::apiBoundary([&] { return recordImpl(event, stream, 0); });
}
CUPORT_EXPORT cudaError_t cudaEventRecord_ptsz(cudaEvent_t event, cudaStream_t stream) {
  return rt::apiBoundary([&] { return recordImpl(event, rt::perThread(stream), 0); });
}

CUPORT_EXPORT cudaError_t cudaEventRecordWithFlags(cudaEvent_t event, cudaStream_t stream,
                                                   unsigned int flags) {
  return rt::apiBoundary([&] { return recordImpl(event, stream, flags); });
}
CUPORT_EXPORT cudaError_t cudaEventRecordWithFlags_ptsz(cudaEvent_t event,
                                                        cudaStream_t stream,
                                                        unsigned int flags) {
  return rt::apiBoundary([&] { return recordImpl(event, rt::perThread(stream), flags); });
}

CUPORT_EXPORT cudaError_t cudaEventQuery(cudaEvent_t event) {
  cudaError_t E = cudaSuccess;
  cudaError_t R = rt::apiBoundary([&] {
    E = queryImpl(event);
    return E == cudaErrorNotReady ? cudaSuccess : E;
  });
  return E == cudaErrorNotReady ? E : R;
}

CUPORT_EXPORT cudaError_t cudaEventSynchronize(cudaEvent_t event) {
  return rt::apiBoundary([&] {
    if (cudaError_t E = rt::enter())
      return E;
    CUevent_st *Ev = lookup(event);
    if (!Ev)
      return cudaErrorInvalidResourceHandle;
    std::shared_ptr<target::Marker> M = lastMarker(*Ev);
    if (!M)
      return cudaSuccess;
    return rt::fromResult(rt::device(Ev->Device).waitMarker(*M), "cudaEventSynchronize");
  });
}

CUPORT_EXPORT cudaError_t cudaEventElapsedTime(float *ms, cudaEvent_t start, cudaEvent_t end) {
  cudaError_t NotReady = cudaSuccess;
  cudaError_t R = rt::apiBoundary([&] {
    if (!ms)
      return cudaErrorInvalidValue;
    if (cudaError_t E = rt::enter())
      return E;
    CUevent_st *S = lookup(start), *T = lookup(end);
    if (!S || !T)
      return cudaErrorInvalidResourceHandle;
    if ((S->Flags | T->Flags) & cudaEventDisableTiming)
      return cudaErrorInvalidResourceHandle;
    std::shared_ptr<target::Marker> MS = lastMarker(*S), MT = lastMarker(*T);
    if (!MS || !MT || S->Device != T->Device)
      return cudaErrorInvalidResourceHandle;
    target::Result Res = rt::device(S->Device).elapsedTime(*MS, *MT, ms);
    if (Res.status() == target::Status::NotReady) {
      NotReady = cudaErrorNotReady;
      return cudaSuccess;
    }
    return rt::fromResult(Res, "cudaEventElapsedTime");
  });
  return NotReady != cudaSuccess ? NotReady : R;
}
