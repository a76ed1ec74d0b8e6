//===- Stream.cpp - the stream API group ----------------------------------===//
//
// A stream is a target queue. CUDA has three kinds of default stream:
//  - the legacy default stream (0, or cudaStreamLegacy): the device's
//    default queue, on which the target keeps CUDA's rule that a command
//    waits for all work of every blocking stream and every command of a
//    blocking stream waits for it (cudaStreamNonBlocking streams do
//    neither);
//  - the per-thread default stream (cudaStreamPerThread, and stream 0 in
//    the _ptsz/_ptds entry points that `--default-stream per-thread`
//    selects): one blocking queue per (host thread, device), created on
//    first use and destroyed when the thread exits. Being blocking, it
//    synchronizes with the legacy stream, as CUDA specifies, and with no
//    other stream.
// Stream handles are checked against the set of live streams, so a
// destroyed or made-up handle is cudaErrorInvalidResourceHandle rather than
// a crash.
//
// Priorities: OpenCL has no portable queue priority (cl_khr_priority_hints
// is optional and PoCL lacks it), so the range is [0, 0], CUDA's answer for
// a device without priorities, and every priority is clamped to 0.
//
// Host functions (cudaLaunchHostFunc, cudaStreamAddCallback) run on a
// target thread once all preceding work of the stream is done; later work
// of the stream waits for them.
//
//===----------------------------------------------------------------------===//
#include "Runtime.h"

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>

/// What a cudaStream_t points at.
struct CUstream_st {
  int Device = 0;
  unsigned Flags = 0;
  int Priority = 0;
  unsigned long long Id = 0;
  std::unique_ptr<cuport::target::Queue> Queue;
};

using namespace cuport;

namespace {

std::atomic<unsigned long long> NextStreamId{3}; // 0-2: the default streams.

struct StreamTable {
  std::mutex Lock;
  std::unordered_map<CUstream_st *, std::unique_ptr<CUstream_st>> Live;
  /// Per-thread default streams, by (thread, device).
  std::map<std::pair<std::thread::id, int>, std::unique_ptr<CUstream_st>> PerThread;
};

StreamTable &streams() {
  static StreamTable *T = new StreamTable();
  return *T;
}

bool isDefaultStream(cudaStream_t S) {
  return S == nullptr || S == cudaStreamLegacy || S == cudaStreamPerThread;
}

/// Destroys the calling thread's per-thread streams when the thread exits.
struct PerThreadCleanup {
  bool Armed = false;
  ~PerThreadCleanup() {
    if (!Armed)
      return;
    std::vector<std::unique_ptr<CUstream_st>> Dead;
    {
      StreamTable &T = streams();
      std::lock_guard<std::mutex> Guard(T.Lock);
      std::thread::id Me = std::this_thread::get_id();
      for (auto It = T.PerThread.begin(); It != T.PerThread.end();) {
        if (It->first.first == Me) {
          Dead.push_back(std::move(It->second));
          It = T.PerThread.erase(It);
        } else {
          ++It;
        }
      }
    }
    // Queues wait for their work as they go, outside the lock.
  }
};
thread_local PerThreadCleanup Cleanup;

/// The calling thread's default stream on \p Device, created on first use.
cudaError_t perThreadStream(int Device, CUstream_st **Out) {
  StreamTable &T = streams();
  auto Key = std::make_pair(std::this_thread::get_id(), Device);
  {
    std::lock_guard<std::mutex> Guard(T.Lock);
    auto It = T.PerThread.find(Key);
    if (It != T.PerThread.end()) {
      *Out = It->second.get();
      return cudaSuccess;
    }
  }
  auto S = std::make_unique<CUstream_st>();
  S->Device = Device;
  S->Id = 2;
  if (cudaError_t E = rt::fromResult(rt::device(Device).createQueue(true, &S->Queue),
                                     "per-thread default stream"))
    return E;
  Cleanup.Armed = true;
  std::lock_guard<std::mutex> Guard(T.Lock);
  auto &Slot = T.PerThread[Key];
  if (!Slot) // Another call of this thread cannot race; keep the first anyway.
    Slot = std::move(S);
  *Out = Slot.get();
  return cudaSuccess;
}

cudaError_t createStream(cudaStream_t *Out, unsigned Flags, int Priority) {
  if (!Out || (Flags & ~unsigned(cudaStreamNonBlocking)))
    return cudaErrorInvalidValue;
  if (cudaError_t E = rt::enter())
    return E;
  auto S = std::make_unique<CUstream_st>();
  S->Device = rt::currentDeviceIndex();
  S->Flags = Flags;
  S->Priority = 0; // Clamped into the device's range, [0, 0].
  (void)Priority;
  S->Id = NextStreamId++;
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

cudaError_t synchronizeImpl(cudaStream_t Stream) {
  if (cudaError_t E = rt::enter())
    return E;
  rt::StreamRef R;
  if (cudaError_t E = rt::lookupStream(Stream, R))
    return E;
  return rt::fromResult(rt::device(R.Device).synchronizeQueue(R.Queue),
                        "cudaStreamSynchronize");
}

cudaError_t queryImpl(cudaStream_t Stream) {
  if (cudaError_t E = rt::enter())
    return E;
  rt::StreamRef R;
  if (cudaError_t E = rt::lookupStream(Stream, R))
    return E;
  target::Result Q = rt::device(R.Device).queryQueue(R.Queue);
  if (Q.status() == target::Status::NotReady)
    return cudaErrorNotReady; // Not an error: not recorded as the last error.
  return rt::fromResult(Q, "cudaStreamQuery");
}

cudaError_t getFlagsImpl(cudaStream_t Stream, unsigned *Flags) {
  if (!Flags)
    return cudaErrorInvalidValue;
  if (cudaError_t E = rt::enter())
    return E;
  if (isDefaultStream(Stream)) {
    *Flags = cudaStreamDefault;
    return cudaSuccess;
  }
  CUstream_st *S = lookup(Stream);
  if (!S)
    return cudaErrorInvalidResourceHandle;
  *Flags = S->Flags;
  return cudaSuccess;
}

cudaError_t getPriorityImpl(cudaStream_t Stream, int *Priority) {
  if (!Priority)
    return cudaErrorInvalidValue;
  if (cudaError_t E = rt::enter())
    return E;
  if (!isDefaultStream(Stream) && !lookup(Stream))
    return cudaErrorInvalidResourceHandle;
  *Priority = 0;
  return cudaSuccess;
}

cudaError_t getIdImpl(cudaStream_t Stream, unsigned long long *Id) {
  if (!Id)
    return cudaErrorInvalidValue;
  if (cudaError_t E = rt::enter())
    return E;
  if (Stream == nullptr || Stream == cudaStreamLegacy) {
    *Id = 1;
    return cudaSuccess;
  }
  if (Stream == cudaStreamPerThread) {
    *Id = 2;
    return cudaSuccess;
  }
  CUstream_st *S = lookup(Stream);
  if (!S)
    return cudaErrorInvalidResourceHandle;
  *Id = S->Id;
  return cudaSuccess;
}

cudaError_t waitEventImpl(cudaStream_t Stream, cudaEvent_t Event, unsigned Flags) {
  if (Flags & ~0x1u) // cudaEventWaitExternal is the only flag.
    return cudaErrorInvalidValue;
  if (!Event)
    return cudaErrorInvalidResourceHandle;
  if (cudaError_t E = rt::enter())
    return E;
  rt::StreamRef R;
  if (cudaError_t E = rt::lookupStream(Stream, R))
    return E;
  std::shared_ptr<target::Marker> M;
  int EventDevice = 0;
  if (cudaError_t E = rt::eventMarker(Event, &M, &EventDevice))
    return E;
  if (!M)
    return cudaSuccess; // Never recorded: nothing to wait for.
  if (EventDevice != R.Device)
    // Devices of a target have separate contexts: the host waits instead.
    return rt::fromResult(rt::device(EventDevice).waitMarker(*M), "cudaStreamWaitEvent");
  return rt::fromResult(rt::device(R.Device).waitOnMarker(R.Queue, *M),
                        "cudaStreamWaitEvent");
}

/// One host function in flight; freed by the trampoline.
struct HostCall {
  cudaHostFn_t Fn = nullptr;
  cudaStreamCallback_t Callback = nullptr;
  cudaStream_t Stream = nullptr;
  void *UserData = nullptr;
};

void runHostCall(void *Data, target::Status S) {
  std::unique_ptr<HostCall> C(static_cast<HostCall *>(Data));
  if (C->Fn)
    C->Fn(C->UserData);
  else
    C->Callback(C->Stream, rt::toCudaError(S), C->UserData);
}

cudaError_t hostCallImpl(cudaStream_t Stream, std::unique_ptr<HostCall> C) {
  if (cudaError_t E = rt::enter())
    return E;
  rt::StreamRef R;
  if (cudaError_t E = rt::lookupStream(Stream, R))
    return E;
  HostCall *Raw = C.get();
  target::Result Res = rt::device(R.Device).enqueueHostFunction(R.Queue, runHostCall, Raw);
  if (Res.ok())
    C.release(); // The trampoline owns it now.
  return rt::fromResult(Res, "cudaLaunchHostFunc");
}

cudaError_t launchHostFuncImpl(cudaStream_t Stream, cudaHostFn_t Fn, void *UserData) {
  if (!Fn)
    return cudaErrorInvalidValue;
  auto C = std::make_unique<HostCall>();
  C->Fn = Fn;
  C->UserData = UserData;
  return hostCallImpl(Stream, std::move(C));
}

cudaError_t addCallbackImpl(cudaStream_t Stream, cudaStreamCallback_t Callback,
                            void *UserData, unsigned Flags) {
  if (!Callback || Flags != 0)
    return cudaErrorInvalidValue;
  auto C = std::make_unique<HostCall>();
  C->Callback = Callback;
  C->Stream = Stream;
  C->UserData = UserData;
  return hostCallImpl(Stream, std::move(C));
}

cudaError_t attachMemImpl(cudaStream_t Stream, void *DevPtr, size_t Length, unsigned Flags) {
  if (Flags != cudaMemAttachGlobal && Flags != cudaMemAttachHost &&
      Flags != cudaMemAttachSingle)
    return cudaErrorInvalidValue;
  if (cudaError_t E = rt::enter())
    return E;
  rt::StreamRef R;
  if (cudaError_t E = rt::lookupStream(Stream, R))
    return E;
  // Managed memory is fine-grained SVM, coherent for every stream and the
  // host at all times: there is nothing to attach. The range is checked.
  (void)DevPtr;
  (void)Length;
  return cudaSuccess;
}

} // namespace

namespace cuport {
namespace rt {

cudaError_t resolveStream(cudaStream_t Stream, int Device, target::Queue **Out) {
  if (Stream == nullptr || Stream == cudaStreamLegacy) {
    *Out = nullptr;
    return cudaSuccess;
  }
  if (Stream == cudaStreamPerThread) {
    CUstream_st *S = nullptr;
    if (cudaError_t E = perThreadStream(Device, &S))
      return E;
    *Out = S->Queue.get();
    return cudaSuccess;
  }
  CUstream_st *S = lookup(Stream);
  if (!S || S->Device != Device)
    return cudaErrorInvalidResourceHandle;
  *Out = S->Queue.get();
  return cudaSuccess;
}

cudaError_t lookupStream(cudaStream_t Stream, StreamRef &Out) {
  if (isDefaultStream(Stream)) {
    Out.Device = currentDeviceIndex();
    return resolveStream(Stream, Out.Device, &Out.Queue);
  }
  CUstream_st *S = lookup(Stream);
  if (!S)
    return cudaErrorInvalidResourceHandle;
  Out.Device = S->Device;
  Out.Queue = S->Queue.get();
  return cudaSuccess;
}

void destroyStreams(int Device) {
  std::vector<std::unique_ptr<CUstream_st>> Dead;
  {
    StreamTable &T = streams();
    std::lock_guard<std::mutex> Guard(T.Lock);
    for (auto It = T.Live.begin(); It != T.Live.end();) {
      if (It->second->Device == Device) {
        Dead.push_back(std::move(It->second));
        It = T.Live.erase(It);
      } else {
        ++It;
      }
    }
    for (auto It = T.PerThread.begin(); It != T.PerThread.end();) {
      if (It->first.second == Device) {
        Dead.push_back(std::move(It->second));
        It = T.PerThread.erase(It);
      } else {
        ++It;
      }
    }
  }
}

} // namespace rt
} // namespace cuport

CUPORT_EXPORT cudaError_t cudaStreamCreate(cudaStream_t *pStream) {
  return rt::apiBoundary([&] { return createStream(pStream, cudaStreamDefault, 0); });
}

CUPORT_EXPORT cudaError_t cudaStreamCreateWithFlags(cudaStream_t *pStream, unsigned int flags) {
  return rt::apiBoundary([&] { return createStream(pStream, flags, 0); });
}

CUPORT_EXPORT cudaError_t cudaStreamCreateWithPriority(cudaStream_t *pStream,
                                                       unsigned int flags, int priority) {
  return rt::apiBoundary([&] { return createStream(pStream, flags, priority); });
}

CUPORT_EXPORT cudaError_t cudaDeviceGetStreamPriorityRange(int *leastPriority,
                                                           int *greatestPriority) {
  return rt::apiBoundary([&] {
    if (cudaError_t E = rt::enter())
      return E;
    if (leastPriority)
      *leastPriority = 0;
    if (greatestPriority)
      *greatestPriority = 0;
    return cudaSuccess;
  });
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
    // CUDA returns at once and lets queued work finish; the queue's
    // destructor waits for it, outside the table's lock.
    Owned.reset();
    return cudaSuccess;
  });
}

CUPORT_EXPORT cudaError_t cudaStreamSynchronize(cudaStream_t stream) {
  return rt::apiBoundary([&] { return synchronizeImpl(stream); });
}
CUPORT_EXPORT cudaError_t cudaStreamSynchronize_ptsz(cudaStream_t stream) {
  return rt::apiBoundary([&] { return synchronizeImpl(rt::perThread(stream)); });
}

/// cudaErrorNotReady is an answer, not a failure: it is returned without
/// becoming the thread's last error, as CUDA does.
CUPORT_EXPORT cudaError_t cudaStreamQuery(cudaStream_t stream) {
  cudaError_t E = cudaSuccess;
  cudaError_t R = rt::apiBoundary([&] {
    E = queryImpl(stream);
    return E == cudaErrorNotReady ? cudaSuccess : E;
  });
  return E == cudaErrorNotReady ? E : R;
}
CUPORT_EXPORT cudaError_t cudaStreamQuery_ptsz(cudaStream_t stream) {
  return cudaStreamQuery(rt::perThread(stream));
}

CUPORT_EXPORT cudaError_t cudaStreamGetFlags(cudaStream_t hStream, unsigned int *flags) {
  return rt::apiBoundary([&] { return getFlagsImpl(hStream, flags); });
}
CUPORT_EXPORT cudaError_t cudaStreamGetFlags_ptsz(cudaStream_t hStream, unsigned int *flags) {
  return rt::apiBoundary([&] { return getFlagsImpl(rt::perThread(hStream), flags); });
}

CUPORT_EXPORT cudaError_t cudaStreamGetPriority(cudaStream_t hStream, int *priority) {
  return rt::apiBoundary([&] { return getPriorityImpl(hStream, priority); });
}
CUPORT_EXPORT cudaError_t cudaStreamGetPriority_ptsz(cudaStream_t hStream, int *priority) {
  return rt::apiBoundary([&] { return getPriorityImpl(rt::perThread(hStream), priority); });
}

CUPORT_EXPORT cudaError_t cudaStreamGetId(cudaStream_t hStream, unsigned long long *streamId) {
  return rt::apiBoundary([&] { return getIdImpl(hStream, streamId); });
}
CUPORT_EXPORT cudaError_t cudaStreamGetId_ptsz(cudaStream_t hStream,
                                               unsigned long long *streamId) {
  return rt::apiBoundary([&] { return getIdImpl(rt::perThread(hStream), streamId); });
}

CUPORT_EXPORT cudaError_t cudaStreamWaitEvent(cudaStream_t stream, cudaEvent_t event,
                                              unsigned int flags) {
  return rt::apiBoundary([&] { return waitEventImpl(stream, event, flags); });
}
CUPORT_EXPORT cudaError_t cudaStreamWaitEvent_ptsz(cudaStream_t stream, cudaEvent_t event,
                                                   unsigned int flags) {
  return rt::apiBoundary([&] { return waitEventImpl(rt::perThread(stream), event, flags); });
}

CUPORT_EXPORT cudaError_t cudaLaunchHostFunc(cudaStream_t stream, cudaHostFn_t fn,
                                             void *userData) {
  return rt::apiBoundary([&] { return launchHostFuncImpl(stream, fn, userData); });
}
CUPORT_EXPORT cudaError_t cudaLaunchHostFunc_ptsz(cudaStream_t stream, cudaHostFn_t fn,
                                                  void *userData) {
  return rt::apiBoundary(
      [&] { return launchHostFuncImpl(rt::perThread(stream), fn, userData); });
}

CUPORT_EXPORT cudaError_t cudaStreamAddCallback(cudaStream_t stream,
                                                cudaStreamCallback_t callback,
                                                void *userData, unsigned int flags) {
  return rt::apiBoundary([&] { return addCallbackImpl(stream, callback, userData, flags); });
}
CUPORT_EXPORT cudaError_t cudaStreamAddCallback_ptsz(cudaStream_t stream,
                                                     cudaStreamCallback_t callback,
                                                     void *userData, unsigned int flags) {
  return rt::apiBoundary(
      [&] { return addCallbackImpl(rt::perThread(stream), callback, userData, flags); });
}

CUPORT_EXPORT cudaError_t cudaStreamAttachMemAsync(cudaStream_t stream, void *devPtr,
                                                   size_t length, unsigned int flags) {
  return rt::apiBoundary([&] { return attachMemImpl(stream, devPtr, length, flags); });
}
CUPORT_EXPORT cudaError_t cudaStreamAttachMemAsync_ptsz(cudaStream_t stream, void *devPtr,
                                                        size_t length, unsigned int flags) {
  return rt::apiBoundary(
      [&] { return attachMemImpl(rt::perThread(stream), devPtr, length, flags); });
}
