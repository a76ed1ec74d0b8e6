//===- RuntimeApiTest.cpp - CUDA semantics of libcudart's API groups ------===//
//
// Conformance tests of streams, events, host callbacks, asynchronous,
// pinned, registered and managed memory, through the CUDA runtime API on
// whichever target libcudart selects (skipped where there is none).
//
// Ordering is observed, never timed: spinUntil holds a stream until the
// test sets a flag in mapped pinned memory, so "X ran beside the busy
// stream" and "Y waited for it" are facts the test reads off events,
// queries and memory before and after it releases the flag.
//
//===----------------------------------------------------------------------===//
#include "RuntimeApiSupport.h"

#include <atomic>
#include <cstring>
#include <numeric>
#include <thread>
#include <vector>

// The per-thread-default-stream spellings (what cuda_runtime_api.h maps to
// under CUDA_API_PER_THREAD_DEFAULT_STREAM).
extern "C" {
cudaError_t cudaMemcpyAsync_ptsz(void *, const void *, size_t, enum cudaMemcpyKind,
                                 cudaStream_t);
cudaError_t cudaStreamSynchronize_ptsz(cudaStream_t);
cudaError_t cudaEventRecord_ptsz(cudaEvent_t, cudaStream_t);
}

using namespace apitest;

namespace {

const bool RegisteredAtStartup = (registration(), true);

bool canMapHostMemory() {
  cudaDeviceProp P;
  return cudaGetDeviceProperties(&P, 0) == cudaSuccess && P.canMapHostMemory;
}

/// Tests that hold a stream with spinUntil need mapped pinned memory.
#define REQUIRE_MAPPED()                                                       \
  do {                                                                         \
    REQUIRE_DEVICE();                                                          \
    if (!canMapHostMemory())                                                   \
      GTEST_SKIP() << "the device cannot map pinned memory";                   \
  } while (0)

/// A flag the spinning kernel polls and a word it sets when released, in
/// mapped pinned memory that both sides address.
struct Gate {
  int *Flag = nullptr;
  int *Done = nullptr;
  Gate() {
    EXPECT_EQ(cudaHostAlloc((void **)&Flag, 2 * sizeof(int), cudaHostAllocMapped),
              cudaSuccess);
    Done = Flag + 1;
    *Flag = 0;
    *Done = 0;
  }
  ~Gate() {
    open(); // Never leave a kernel spinning.
    cudaDeviceSynchronize();
    cudaFreeHost(Flag);
  }
  void open() { __atomic_store_n(Flag, 1, __ATOMIC_SEQ_CST); }
  int done() const { return __atomic_load_n(Done, __ATOMIC_SEQ_CST); }
};

std::vector<int> iota(size_t N, int Start) {
  std::vector<int> V(N);
  std::iota(V.begin(), V.end(), Start);
  return V;
}

//===----------------------------------------------------------------------===//
// Streams
//===----------------------------------------------------------------------===//

TEST(Streams, NonBlockingStreamOverlapsBusyLegacyStream) {
  REQUIRE_MAPPED();
  Gate G;
  const size_t N = 4096;
  std::vector<int> Host = iota(N, 7), Back(N, 0);
  int *Dev = nullptr;
  ASSERT_EQ(cudaMalloc((void **)&Dev, N * sizeof(int)), cudaSuccess);
  cudaStream_t NB;
  ASSERT_EQ(cudaStreamCreateWithFlags(&NB, cudaStreamNonBlocking), cudaSuccess);

  ASSERT_EQ(launchSpin(G.Flag, G.Done, nullptr), cudaSuccess); // Legacy stream busy.
  ASSERT_EQ(cudaMemcpyAsync(Dev, Host.data(), N * sizeof(int), cudaMemcpyHostToDevice, NB),
            cudaSuccess);
  ASSERT_EQ(cudaMemcpyAsync(Back.data(), Dev, N * sizeof(int), cudaMemcpyDeviceToHost, NB),
            cudaSuccess);
  // Completes while the legacy stream is still held.
  ASSERT_EQ(cudaStreamSynchronize(NB), cudaSuccess);
  EXPECT_EQ(G.done(), 0) << "the legacy stream finished before it was released";
  EXPECT_EQ(Back, Host);
  EXPECT_EQ(cudaStreamQuery(nullptr), cudaErrorNotReady);
  EXPECT_EQ(cudaGetLastError(), cudaSuccess) << "NotReady is not an error";

  G.open();
  ASSERT_EQ(cudaDeviceSynchronize(), cudaSuccess);
  EXPECT_EQ(G.done(), 1);
  EXPECT_EQ(cudaStreamQuery(nullptr), cudaSuccess);
  EXPECT_EQ(cudaStreamDestroy(NB), cudaSuccess);
  cudaFree(Dev);
}

TEST(Streams, BlockingStreamWaitsForBusyLegacyStream) {
  REQUIRE_MAPPED();
  Gate G;
  const size_t N = 1024;
  std::vector<int> Host = iota(N, 100);
  int *Dev = nullptr, *Pinned = nullptr;
  ASSERT_EQ(cudaMalloc((void **)&Dev, N * sizeof(int)), cudaSuccess);
  ASSERT_EQ(cudaMallocHost((void **)&Pinned, N * sizeof(int)), cudaSuccess);
  std::memset(Pinned, 0, N * sizeof(int));
  cudaStream_t B;
  ASSERT_EQ(cudaStreamCreate(&B), cudaSuccess);
  cudaEvent_t Copied;
  ASSERT_EQ(cudaEventCreate(&Copied), cudaSuccess);

  ASSERT_EQ(launchSpin(G.Flag, G.Done, nullptr), cudaSuccess);
  ASSERT_EQ(cudaMemcpyAsync(Dev, Host.data(), N * sizeof(int), cudaMemcpyHostToDevice, B),
            cudaSuccess);
  ASSERT_EQ(cudaMemcpyAsync(Pinned, Dev, N * sizeof(int), cudaMemcpyDeviceToHost, B),
            cudaSuccess);
  ASSERT_EQ(cudaEventRecord(Copied, B), cudaSuccess);
  // The blocking stream cannot start before the legacy stream's kernel ends.
  for (int I = 0; I < 3; ++I) {
    EXPECT_EQ(cudaEventQuery(Copied), cudaErrorNotReady);
    EXPECT_EQ(cudaStreamQuery(B), cudaErrorNotReady);
  }
  EXPECT_EQ(Pinned[0], 0);
  EXPECT_EQ(G.done(), 0);

  G.open();
  ASSERT_EQ(cudaEventSynchronize(Copied), cudaSuccess);
  EXPECT_EQ(G.done(), 1);
  EXPECT_EQ(std::vector<int>(Pinned, Pinned + N), Host);
  EXPECT_EQ(cudaEventDestroy(Copied), cudaSuccess);
  EXPECT_EQ(cudaStreamDestroy(B), cudaSuccess);
  cudaFreeHost(Pinned);
  cudaFree(Dev);
}

TEST(Streams, LegacyStreamWaitsForBlockingStreams) {
  REQUIRE_MAPPED();
  Gate G;
  cudaStream_t B, NB;
  ASSERT_EQ(cudaStreamCreate(&B), cudaSuccess);
  ASSERT_EQ(cudaStreamCreateWithFlags(&NB, cudaStreamNonBlocking), cudaSuccess);
  cudaEvent_t OnLegacy;
  ASSERT_EQ(cudaEventCreateWithFlags(&OnLegacy, cudaEventDisableTiming), cudaSuccess);
  int *Dev;
  ASSERT_EQ(cudaMalloc((void **)&Dev, 64 * sizeof(int)), cudaSuccess);

  ASSERT_EQ(launchSpin(G.Flag, G.Done, B), cudaSuccess); // A blocking stream is busy.
  ASSERT_EQ(cudaMemsetAsync(Dev, 0, 64 * sizeof(int), nullptr), cudaSuccess);
  ASSERT_EQ(cudaEventRecord(OnLegacy, nullptr), cudaSuccess);
  EXPECT_EQ(cudaEventQuery(OnLegacy), cudaErrorNotReady);
  // A non-blocking stream is not held by either.
  ASSERT_EQ(cudaMemsetAsync(Dev, 1, 64 * sizeof(int), NB), cudaSuccess);
  EXPECT_EQ(cudaStreamSynchronize(NB), cudaSuccess);
  EXPECT_EQ(cudaEventQuery(OnLegacy), cudaErrorNotReady);

  G.open();
  EXPECT_EQ(cudaEventSynchronize(OnLegacy), cudaSuccess);
  EXPECT_EQ(cudaDeviceSynchronize(), cudaSuccess);
  cudaEventDestroy(OnLegacy);
  cudaStreamDestroy(B);
  cudaStreamDestroy(NB);
  cudaFree(Dev);
}

TEST(Streams, WaitEventOrdersAcrossNonBlockingStreams) {
  REQUIRE_MAPPED();
  Gate G;
  cudaStream_t A, B;
  ASSERT_EQ(cudaStreamCreateWithFlags(&A, cudaStreamNonBlocking), cudaSuccess);
  ASSERT_EQ(cudaStreamCreateWithFlags(&B, cudaStreamNonBlocking), cudaSuccess);
  cudaEvent_t AfterSpin;
  ASSERT_EQ(cudaEventCreate(&AfterSpin), cudaSuccess);
  int *Data;
  const unsigned N = 256;
  ASSERT_EQ(cudaMallocManaged((void **)&Data, N * sizeof(int)), cudaSuccess);
  for (unsigned I = 0; I < N; ++I)
    Data[I] = int(I);

  ASSERT_EQ(launchSpin(G.Flag, G.Done, A), cudaSuccess);
  ASSERT_EQ(cudaEventRecord(AfterSpin, A), cudaSuccess);
  ASSERT_EQ(cudaStreamWaitEvent(B, AfterSpin, 0), cudaSuccess);
  ASSERT_EQ(launchAddOne(Data, N, B), cudaSuccess);
  EXPECT_EQ(cudaStreamQuery(B), cudaErrorNotReady);
  EXPECT_EQ(Data[5], 5);

  G.open();
  ASSERT_EQ(cudaStreamSynchronize(B), cudaSuccess);
  EXPECT_EQ(G.done(), 1) << "B ran before the event it waited for";
  for (unsigned I = 0; I < N; ++I)
    ASSERT_EQ(Data[I], int(I) + 1);
  // An event never recorded is complete: waiting on it does nothing.
  cudaEvent_t Fresh;
  ASSERT_EQ(cudaEventCreate(&Fresh), cudaSuccess);
  EXPECT_EQ(cudaStreamWaitEvent(B, Fresh, 0), cudaSuccess);
  EXPECT_EQ(cudaStreamSynchronize(B), cudaSuccess);
  cudaEventDestroy(Fresh);
  cudaEventDestroy(AfterSpin);
  cudaStreamDestroy(A);
  cudaStreamDestroy(B);
  cudaFree(Data);
}

TEST(Streams, PerThreadDefaultStreamsAreIndependentOfEachOther) {
  REQUIRE_MAPPED();
  Gate G;
  cudaEvent_t Spun;
  ASSERT_EQ(cudaEventCreate(&Spun), cudaSuccess);
  // This thread's per-thread stream is held...
  ASSERT_EQ(launchSpin(G.Flag, G.Done, cudaStreamPerThread), cudaSuccess);
  ASSERT_EQ(cudaEventRecord_ptsz(Spun, nullptr), cudaSuccess); // stream 0 = per-thread
  EXPECT_EQ(cudaEventQuery(Spun), cudaErrorNotReady);
  // ...another thread's is not.
  std::vector<int> In = iota(512, 3), Out(512, 0);
  cudaError_t Copy = cudaErrorUnknown, Sync = cudaErrorUnknown;
  int DoneSeen = -1;
  std::thread T([&] {
    int *Dev = nullptr;
    if (cudaMalloc((void **)&Dev, 512 * sizeof(int)) != cudaSuccess) {
      __atomic_store_n(&DoneSeen, -2, __ATOMIC_SEQ_CST);
      return;
    }
    Copy = cudaMemcpyAsync_ptsz(Dev, In.data(), 512 * sizeof(int), cudaMemcpyHostToDevice,
                                nullptr);
    if (Copy == cudaSuccess)
      Copy = cudaMemcpyAsync_ptsz(Out.data(), Dev, 512 * sizeof(int),
                                  cudaMemcpyDeviceToHost, nullptr);
    Sync = cudaStreamSynchronize_ptsz(nullptr);
    __atomic_store_n(&DoneSeen, G.done(), __ATOMIC_SEQ_CST);
    cudaFree(Dev); // Synchronizes the device: waits for the gate below.
  });
  while (__atomic_load_n(&DoneSeen, __ATOMIC_SEQ_CST) == -1)
    std::this_thread::yield();
  G.open();
  T.join();
  EXPECT_EQ(Copy, cudaSuccess);
  EXPECT_EQ(Sync, cudaSuccess);
  EXPECT_EQ(DoneSeen, 0) << "the other thread's stream waited for this thread's";
  EXPECT_EQ(Out, In);
  EXPECT_EQ(cudaEventSynchronize(Spun), cudaSuccess);
  EXPECT_EQ(G.done(), 1);
  cudaEventDestroy(Spun);
}

TEST(Streams, LegacyStreamWaitsForPerThreadStream) {
  REQUIRE_MAPPED();
  Gate G;
  cudaEvent_t OnLegacy;
  ASSERT_EQ(cudaEventCreate(&OnLegacy), cudaSuccess);
  ASSERT_EQ(launchSpin(G.Flag, G.Done, cudaStreamPerThread), cudaSuccess);
  ASSERT_EQ(cudaEventRecord(OnLegacy, cudaStreamLegacy), cudaSuccess);
  EXPECT_EQ(cudaEventQuery(OnLegacy), cudaErrorNotReady);
  G.open();
  EXPECT_EQ(cudaEventSynchronize(OnLegacy), cudaSuccess);
  EXPECT_EQ(G.done(), 1);
  cudaEventDestroy(OnLegacy);
}

TEST(Streams, FlagsPriorityIdsAndHandles) {
  REQUIRE_DEVICE();
  int Least = 7, Greatest = 7;
  ASSERT_EQ(cudaDeviceGetStreamPriorityRange(&Least, &Greatest), cudaSuccess);
  EXPECT_EQ(Least, 0);
  EXPECT_EQ(Greatest, 0);
  cudaStream_t S1, S2;
  ASSERT_EQ(cudaStreamCreateWithPriority(&S1, cudaStreamNonBlocking, -3), cudaSuccess);
  ASSERT_EQ(cudaStreamCreate(&S2), cudaSuccess);
  unsigned Flags = 99;
  int Prio = 99;
  EXPECT_EQ(cudaStreamGetFlags(S1, &Flags), cudaSuccess);
  EXPECT_EQ(Flags, unsigned(cudaStreamNonBlocking));
  EXPECT_EQ(cudaStreamGetFlags(S2, &Flags), cudaSuccess);
  EXPECT_EQ(Flags, unsigned(cudaStreamDefault));
  EXPECT_EQ(cudaStreamGetPriority(S1, &Prio), cudaSuccess);
  EXPECT_EQ(Prio, 0) << "clamped into the range";
  unsigned long long Id1 = 0, Id2 = 0, Id0 = 0;
  EXPECT_EQ(cudaStreamGetId(S1, &Id1), cudaSuccess);
  EXPECT_EQ(cudaStreamGetId(S2, &Id2), cudaSuccess);
  EXPECT_EQ(cudaStreamGetId(nullptr, &Id0), cudaSuccess);
  EXPECT_NE(Id1, Id2);
  EXPECT_NE(Id0, Id1);
  EXPECT_EQ(cudaStreamQuery(S1), cudaSuccess) << "an idle stream is complete";
  EXPECT_EQ(cudaStreamCreateWithFlags(&S1, 0x80), cudaErrorInvalidValue);
  EXPECT_EQ(cudaStreamDestroy(S1), cudaSuccess);
  // A destroyed handle is an error, not a crash.
  EXPECT_EQ(cudaStreamSynchronize(S1), cudaErrorInvalidResourceHandle);
  EXPECT_EQ(cudaStreamQuery(S1), cudaErrorInvalidResourceHandle);
  EXPECT_EQ(cudaStreamDestroy(S1), cudaErrorInvalidResourceHandle);
  EXPECT_EQ(cudaStreamDestroy(nullptr), cudaErrorInvalidResourceHandle);
  EXPECT_EQ(cudaGetLastError(), cudaErrorInvalidResourceHandle);
  EXPECT_EQ(cudaStreamDestroy(S2), cudaSuccess);
}

//===----------------------------------------------------------------------===//
// Events
//===----------------------------------------------------------------------===//

TEST(Events, ElapsedTimeIsPositiveAndOrdered) {
  REQUIRE_DEVICE();
  const unsigned N = 1 << 20;
  int *Data;
  ASSERT_EQ(cudaMalloc((void **)&Data, N * sizeof(int)), cudaSuccess);
  ASSERT_EQ(cudaMemset(Data, 0, N * sizeof(int)), cudaSuccess);
  cudaStream_t S;
  ASSERT_EQ(cudaStreamCreate(&S), cudaSuccess);
  cudaEvent_t E0, E1, E2;
  for (cudaEvent_t *E : {&E0, &E1, &E2})
    ASSERT_EQ(cudaEventCreate(E), cudaSuccess);
  ASSERT_EQ(cudaEventRecord(E0, S), cudaSuccess);
  for (int I = 0; I < 4; ++I)
    ASSERT_EQ(launchAddOne(Data, N, S), cudaSuccess);
  ASSERT_EQ(cudaEventRecord(E1, S), cudaSuccess);
  for (int I = 0; I < 4; ++I)
    ASSERT_EQ(launchAddOne(Data, N, S), cudaSuccess);
  ASSERT_EQ(cudaEventRecord(E2, S), cudaSuccess);
  ASSERT_EQ(cudaEventSynchronize(E2), cudaSuccess);
  EXPECT_EQ(cudaEventQuery(E1), cudaSuccess);
  float T01 = -1, T02 = -1, T12 = -1;
  ASSERT_EQ(cudaEventElapsedTime(&T01, E0, E1), cudaSuccess);
  ASSERT_EQ(cudaEventElapsedTime(&T02, E0, E2), cudaSuccess);
  ASSERT_EQ(cudaEventElapsedTime(&T12, E1, E2), cudaSuccess);
  EXPECT_GT(T01, 0.0f);
  EXPECT_GT(T12, 0.0f);
  EXPECT_GE(T02, T01);
  EXPECT_GE(T02, T12);
  std::vector<int> Back(N);
  ASSERT_EQ(cudaMemcpy(Back.data(), Data, N * sizeof(int), cudaMemcpyDeviceToHost),
            cudaSuccess);
  EXPECT_EQ(Back[0], 8);
  EXPECT_EQ(Back[N - 1], 8);
  for (cudaEvent_t E : {E0, E1, E2})
    EXPECT_EQ(cudaEventDestroy(E), cudaSuccess);
  cudaStreamDestroy(S);
  cudaFree(Data);
}

TEST(Events, FlagsAndErrors) {
  REQUIRE_DEVICE();
  cudaEvent_t Timed, Untimed, Blocking;
  ASSERT_EQ(cudaEventCreate(&Timed), cudaSuccess);
  ASSERT_EQ(cudaEventCreateWithFlags(&Untimed, cudaEventDisableTiming), cudaSuccess);
  ASSERT_EQ(cudaEventCreateWithFlags(&Blocking, cudaEventBlockingSync), cudaSuccess);
  float Ms = 0;
  // Never recorded: complete for queries, invalid for timing.
  EXPECT_EQ(cudaEventQuery(Timed), cudaSuccess);
  EXPECT_EQ(cudaEventSynchronize(Timed), cudaSuccess);
  EXPECT_EQ(cudaEventElapsedTime(&Ms, Timed, Timed), cudaErrorInvalidResourceHandle);
  ASSERT_EQ(cudaEventRecord(Timed, nullptr), cudaSuccess);
  ASSERT_EQ(cudaEventRecord(Untimed, nullptr), cudaSuccess);
  ASSERT_EQ(cudaEventRecord(Blocking, nullptr), cudaSuccess);
  EXPECT_EQ(cudaEventSynchronize(Blocking), cudaSuccess);
  EXPECT_EQ(cudaEventSynchronize(Untimed), cudaSuccess);
  EXPECT_EQ(cudaEventElapsedTime(&Ms, Timed, Untimed), cudaErrorInvalidResourceHandle);
  EXPECT_EQ(cudaEventElapsedTime(nullptr, Timed, Timed), cudaErrorInvalidValue);
  EXPECT_EQ(cudaEventElapsedTime(&Ms, Timed, Timed), cudaSuccess);
  EXPECT_EQ(Ms, 0.0f);
  EXPECT_EQ(cudaEventCreateWithFlags(&Timed, 0x100), cudaErrorInvalidValue);
  EXPECT_EQ(cudaEventCreateWithFlags(&Timed, cudaEventInterprocess), cudaErrorInvalidValue);
  cudaEvent_t Dead = Untimed;
  EXPECT_EQ(cudaEventDestroy(Untimed), cudaSuccess);
  EXPECT_EQ(cudaEventQuery(Dead), cudaErrorInvalidResourceHandle);
  EXPECT_EQ(cudaEventRecord(Dead, nullptr), cudaErrorInvalidResourceHandle);
  EXPECT_EQ(cudaEventDestroy(Dead), cudaErrorInvalidResourceHandle);
  cudaGetLastError();
  cudaEventDestroy(Timed);
  cudaEventDestroy(Blocking);
}

//===----------------------------------------------------------------------===//
// Host functions
//===----------------------------------------------------------------------===//

struct CallbackLog {
  std::atomic<int> Calls{0};
  int DoneWhenCalled = -1;
  cudaError_t Status = cudaErrorUnknown;
  cudaStream_t Stream = nullptr;
  int *Data = nullptr;
  unsigned N = 0;
  const Gate *G = nullptr;
};

TEST(HostFunctions, RunAfterPrecedingWorkAndBeforeFollowingWork) {
  REQUIRE_MAPPED();
  Gate G;
  const unsigned N = 1000;
  int *Data;
  ASSERT_EQ(cudaMallocManaged((void **)&Data, N * sizeof(int)), cudaSuccess);
  std::memset(Data, 0, N * sizeof(int));
  cudaStream_t S;
  ASSERT_EQ(cudaStreamCreate(&S), cudaSuccess);
  CallbackLog Log;
  Log.Data = Data;
  Log.N = N;
  Log.G = &G;

  ASSERT_EQ(launchSpin(G.Flag, G.Done, S), cudaSuccess);
  auto Fn = [](void *P) {
    auto *L = static_cast<CallbackLog *>(P);
    L->DoneWhenCalled = L->G->done();
    for (unsigned I = 0; I < L->N; ++I)
      L->Data[I] = 41; // The kernel queued after it must see this.
    ++L->Calls;
  };
  ASSERT_EQ(cudaLaunchHostFunc(S, Fn, &Log), cudaSuccess);
  ASSERT_EQ(launchAddOne(Data, N, S), cudaSuccess);
  auto Cb = [](cudaStream_t St, cudaError_t E, void *P) {
    auto *L = static_cast<CallbackLog *>(P);
    L->Status = E;
    L->Stream = St;
    ++L->Calls;
  };
  ASSERT_EQ(cudaStreamAddCallback(S, Cb, &Log, 0), cudaSuccess);
  EXPECT_EQ(Log.Calls.load(), 0) << "a host function ran before the work it follows";

  G.open();
  ASSERT_EQ(cudaStreamSynchronize(S), cudaSuccess);
  EXPECT_EQ(Log.Calls.load(), 2);
  EXPECT_EQ(Log.DoneWhenCalled, 1);
  EXPECT_EQ(Log.Status, cudaSuccess);
  EXPECT_EQ(Log.Stream, S);
  for (unsigned I = 0; I < N; ++I)
    ASSERT_EQ(Data[I], 42) << "the kernel after the host function ran before it, at " << I;
  EXPECT_EQ(cudaStreamAddCallback(S, Cb, &Log, 1), cudaErrorInvalidValue);
  EXPECT_EQ(cudaLaunchHostFunc(S, nullptr, nullptr), cudaErrorInvalidValue);
  cudaGetLastError();
  cudaStreamDestroy(S);
  cudaFree(Data);
}

TEST(HostFunctions, OnTheLegacyStream) {
  REQUIRE_DEVICE();
  std::atomic<int> Calls{0};
  for (int I = 0; I < 10; ++I)
    ASSERT_EQ(cudaLaunchHostFunc(
                  nullptr, [](void *P) { ++*static_cast<std::atomic<int> *>(P); }, &Calls),
              cudaSuccess);
  ASSERT_EQ(cudaDeviceSynchronize(), cudaSuccess);
  EXPECT_EQ(Calls.load(), 10);
}

//===----------------------------------------------------------------------===//
// Asynchronous memory
//===----------------------------------------------------------------------===//

TEST(AsyncMemory, PinnedCopyReturnsBeforeItRuns) {
  REQUIRE_MAPPED();
  Gate G;
  const size_t N = 2048;
  int *Pinned, *Dev;
  ASSERT_EQ(cudaMallocHost((void **)&Pinned, N * sizeof(int)), cudaSuccess);
  ASSERT_EQ(cudaMalloc((void **)&Dev, N * sizeof(int)), cudaSuccess);
  for (size_t I = 0; I < N; ++I)
    Pinned[I] = int(I * 3);
  cudaStream_t S;
  ASSERT_EQ(cudaStreamCreateWithFlags(&S, cudaStreamNonBlocking), cudaSuccess);
  ASSERT_EQ(launchSpin(G.Flag, G.Done, S), cudaSuccess);
  // Returns although the stream cannot reach the copies until released:
  // the host overlaps with them.
  ASSERT_EQ(cudaMemcpyAsync(Dev, Pinned, N * sizeof(int), cudaMemcpyHostToDevice, S),
            cudaSuccess);
  ASSERT_EQ(cudaMemsetAsync(Dev, 0, sizeof(int), S), cudaSuccess);
  ASSERT_EQ(cudaMemcpyAsync(Pinned, Dev, N * sizeof(int), cudaMemcpyDeviceToHost, S),
            cudaSuccess);
  EXPECT_EQ(cudaStreamQuery(S), cudaErrorNotReady);
  EXPECT_EQ(Pinned[0], 0);
  EXPECT_EQ(Pinned[1], 3);
  G.open();
  ASSERT_EQ(cudaStreamSynchronize(S), cudaSuccess);
  EXPECT_EQ(Pinned[0], 0);
  for (size_t I = 1; I < N; ++I)
    ASSERT_EQ(Pinned[I], int(I * 3));
  cudaStreamDestroy(S);
  cudaFree(Dev);
  cudaFreeHost(Pinned);
}

TEST(AsyncMemory, PageableSourceIsStagedSoItMayBeReusedAtOnce) {
  REQUIRE_MAPPED();
  Gate G;
  const size_t N = 1024;
  std::vector<int> Src = iota(N, 50);
  int *Dev;
  ASSERT_EQ(cudaMalloc((void **)&Dev, N * sizeof(int)), cudaSuccess);
  cudaStream_t S;
  ASSERT_EQ(cudaStreamCreateWithFlags(&S, cudaStreamNonBlocking), cudaSuccess);
  ASSERT_EQ(launchSpin(G.Flag, G.Done, S), cudaSuccess);
  ASSERT_EQ(cudaMemcpyAsync(Dev, Src.data(), N * sizeof(int), cudaMemcpyHostToDevice, S),
            cudaSuccess);
  std::fill(Src.begin(), Src.end(), -1); // CUDA allows this once the call returns.
  G.open();
  std::vector<int> Back(N);
  ASSERT_EQ(cudaMemcpyAsync(Back.data(), Dev, N * sizeof(int), cudaMemcpyDeviceToHost, S),
            cudaSuccess);
  ASSERT_EQ(cudaStreamSynchronize(S), cudaSuccess);
  EXPECT_EQ(Back, iota(N, 50));
  cudaStreamDestroy(S);
  cudaFree(Dev);
}

TEST(AsyncMemory, RegisteredMemory) {
  REQUIRE_DEVICE();
  const size_t N = 4096;
  std::vector<int> Buf = iota(N, 9);
  ASSERT_EQ(cudaHostRegister(Buf.data(), N * sizeof(int), cudaHostRegisterPortable),
            cudaSuccess);
  EXPECT_EQ(cudaHostRegister(Buf.data() + 10, 4, 0), cudaErrorHostMemoryAlreadyRegistered);
  unsigned Flags = 0;
  EXPECT_EQ(cudaHostGetFlags(&Flags, Buf.data() + 5), cudaSuccess);
  EXPECT_TRUE(Flags & cudaHostRegisterPortable);
  cudaPointerAttributes A;
  ASSERT_EQ(cudaPointerGetAttributes(&A, Buf.data()), cudaSuccess);
  EXPECT_EQ(A.type, cudaMemoryTypeHost);
  EXPECT_EQ(A.hostPointer, Buf.data());
  int *Dev;
  ASSERT_EQ(cudaMalloc((void **)&Dev, N * sizeof(int)), cudaSuccess);
  cudaStream_t S;
  ASSERT_EQ(cudaStreamCreate(&S), cudaSuccess);
  ASSERT_EQ(cudaMemcpyAsync(Dev, Buf.data(), N * sizeof(int), cudaMemcpyHostToDevice, S),
            cudaSuccess);
  ASSERT_EQ(launchAddOne(Dev, N, S), cudaSuccess);
  ASSERT_EQ(cudaMemcpyAsync(Buf.data(), Dev, N * sizeof(int), cudaMemcpyDeviceToHost, S),
            cudaSuccess);
  ASSERT_EQ(cudaStreamSynchronize(S), cudaSuccess);
  EXPECT_EQ(Buf, iota(N, 10));
  EXPECT_EQ(cudaHostUnregister(Buf.data()), cudaSuccess);
  EXPECT_EQ(cudaHostUnregister(Buf.data()), cudaErrorHostMemoryNotRegistered);
  EXPECT_EQ(cudaHostGetFlags(&Flags, Buf.data()), cudaErrorInvalidValue);
  cudaGetLastError();
  cudaStreamDestroy(S);
  cudaFree(Dev);
}

TEST(AsyncMemory, HostAllocFlagsAndDevicePointer) {
  REQUIRE_DEVICE();
  for (unsigned F : {unsigned(cudaHostAllocDefault), unsigned(cudaHostAllocPortable),
                     unsigned(cudaHostAllocMapped), unsigned(cudaHostAllocWriteCombined),
                     unsigned(cudaHostAllocMapped | cudaHostAllocPortable)}) {
    int *P = nullptr;
    ASSERT_EQ(cudaHostAlloc((void **)&P, 4096, F), cudaSuccess) << F;
    unsigned Got = 0;
    ASSERT_EQ(cudaHostGetFlags(&Got, P), cudaSuccess);
    EXPECT_EQ(Got & F, F) << "flags " << F << " came back as " << Got;
    void *D = nullptr;
    cudaDeviceProp Prop;
    ASSERT_EQ(cudaGetDeviceProperties(&Prop, 0), cudaSuccess);
    if (Prop.canMapHostMemory) {
      ASSERT_EQ(cudaHostGetDevicePointer(&D, P, 0), cudaSuccess);
      EXPECT_EQ(D, P);
    }
    EXPECT_EQ(cudaFreeHost(P), cudaSuccess);
  }
  int *P;
  EXPECT_EQ(cudaHostAlloc((void **)&P, 64, 0x40), cudaErrorInvalidValue);
  cudaGetLastError();
}

//===----------------------------------------------------------------------===//
// Managed memory
//===----------------------------------------------------------------------===//

TEST(ManagedMemory, WrittenOnDeviceReadOnHostAfterSynchronize) {
  REQUIRE_DEVICE();
  const unsigned N = 10000;
  int *M = nullptr;
  cudaError_t E = cudaMallocManaged((void **)&M, N * sizeof(int));
  if (E == cudaErrorNotSupported)
    GTEST_SKIP() << "the device has no memory shared with the host";
  ASSERT_EQ(E, cudaSuccess);
  ASSERT_EQ(launchPattern(M, 5, N, nullptr), cudaSuccess);
  ASSERT_EQ(cudaDeviceSynchronize(), cudaSuccess);
  for (unsigned I = 0; I < N; ++I)
    ASSERT_EQ(M[I], 5 * 31 + int(I)) << I;
  // Host writes are seen by the next kernel; hints are accepted.
  for (unsigned I = 0; I < N; ++I)
    M[I] = -int(I);
  int Dev = 0;
  cudaGetDevice(&Dev);
  EXPECT_EQ(cudaMemAdvise(M, N * sizeof(int), cudaMemAdviseSetReadMostly, Dev), cudaSuccess);
  EXPECT_EQ(cudaMemAdvise(M, N * sizeof(int), cudaMemAdviseSetPreferredLocation, Dev),
            cudaSuccess);
  EXPECT_EQ(cudaMemPrefetchAsync(M, N * sizeof(int), Dev, nullptr), cudaSuccess);
  ASSERT_EQ(launchAddOne(M, N, nullptr), cudaSuccess);
  EXPECT_EQ(cudaMemPrefetchAsync(M, N * sizeof(int), cudaCpuDeviceId, nullptr), cudaSuccess);
  ASSERT_EQ(cudaDeviceSynchronize(), cudaSuccess);
  for (unsigned I = 0; I < N; ++I)
    ASSERT_EQ(M[I], 1 - int(I)) << I;
  cudaPointerAttributes A;
  ASSERT_EQ(cudaPointerGetAttributes(&A, M + 17), cudaSuccess);
  EXPECT_EQ(A.type, cudaMemoryTypeManaged);
  EXPECT_EQ(A.devicePointer, M + 17);
  EXPECT_EQ(A.hostPointer, M + 17);
  // Copies see it as device memory, from either side.
  std::vector<int> Back(N);
  ASSERT_EQ(cudaMemcpy(Back.data(), M, N * sizeof(int), cudaMemcpyDefault), cudaSuccess);
  EXPECT_EQ(Back[3], -2);
  // A range that is not managed is refused.
  int *Plain;
  ASSERT_EQ(cudaMalloc((void **)&Plain, 64), cudaSuccess);
  EXPECT_EQ(cudaMemPrefetchAsync(Plain, 64, Dev, nullptr), cudaErrorInvalidValue);
  EXPECT_EQ(cudaMemPrefetchAsync(M, (N + 1) * sizeof(int), Dev, nullptr),
            cudaErrorInvalidValue);
  EXPECT_EQ(cudaMallocManaged((void **)&Plain, 64, 0x10), cudaErrorInvalidValue);
  cudaGetLastError();
  cudaFree(Plain);
  EXPECT_EQ(cudaFree(M), cudaSuccess);
  EXPECT_EQ(cudaFree(M), cudaErrorInvalidValue);
  cudaGetLastError();
}

} // namespace
