//===- Memory3D.cpp - pitched, 2D and 3D memory ---------------------------===//
//
// cudaMallocPitch and cudaMalloc3D, the 2D and 3D copies and memsets (with
// their Async and per-thread-stream forms), cudaMemcpy3DPeer (a 3D
// device-to-device copy whose sides must be on the devices it names), the
// small struct constructors (make_cudaPitchedPtr/Pos/Extent, which CUDA's
// driver_functions.h also defines inline; exported so that objects built
// against headers that declare them still link) and cudaCreateChannelDesc.
//
// Pitch: cudaMallocPitch rounds each row up to the device's
// texturePitchAlignment, which libcudart derives from the alignment of
// every allocation (CL_DEVICE_MEM_BASE_ADDR_ALIGN on OpenCL), so every row
// starts as aligned as an allocation does; cudaDeviceProp::memPitch (the
// largest pitch a copy accepts) is the largest allocation.
//
// Targets copy and fill contiguous ranges only (clEnqueueSVMMemcpy has no
// rectangular form), so a pitched region becomes contiguous runs: one
// when both sides are dense, one per slice when only rows are, else one
// per row. Runs are queued back to back on the stream and only the last
// one waits when the call is blocking; the queue's order makes it wait for
// the others. The bytes between width and pitch are never touched. Between
// two devices each run is staged through the host, after the stream's
// work, as a cross-device cudaMemcpy is.
//
// Checks follow CUDA: an invalid kind first, then a zero width, height or
// depth is a successful no-op, a width over a pitch (or a pitch over
// memPitch) is cudaErrorInvalidPitchValue for a copy and
// cudaErrorInvalidValue for a memset (the only error CUDA documents for
// them; a memset of one row ignores the pitch, as CUDA's does), and a
// region that leaves its allocation is cudaErrorInvalidValue. CUDA arrays do not exist in cuport
// (cudaMallocArray is not supported), so a cudaMemcpy3D naming one is
// cudaErrorNotSupported; naming both an array and a pointer for one side,
// or neither, is CUDA's cudaErrorInvalidValue.
//
//===----------------------------------------------------------------------===//
#include "AllocationTable.h"
#include "Runtime.h"
#include "Transfer.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <vector>

using namespace cuport;

namespace {

/// Width bytes by Height rows by Depth slices.
struct Shape {
  size_t Width = 0, Height = 1, Depth = 1;
  bool empty() const { return Width == 0 || Height == 0 || Depth == 0; }
};

/// How one side lays a Shape out in memory.
struct Layout {
  size_t Pitch = 0;      ///< Bytes from one row to the next.
  size_t SlicePitch = 0; ///< Bytes from one slice to the next.
};

/// The bytes from the first to the last one a Shape touches in \p L
/// (false on overflow, which no allocation can hold).
bool span(const Shape &S, const Layout &L, size_t *Out) {
  size_t Rows, Slices;
  if (__builtin_mul_overflow(S.Height - 1, L.Pitch, &Rows) ||
      __builtin_mul_overflow(S.Depth - 1, L.SlicePitch, &Slices) ||
      __builtin_add_overflow(Rows, Slices, Out) || __builtin_add_overflow(*Out, S.Width, Out))
    return false;
  return true;
}

/// A Shape split into Count contiguous runs of Bytes each, PerSlice of them
/// per slice; run I starts at (I / PerSlice) slices and (I % PerSlice) rows.
struct Runs {
  size_t Bytes = 0, Count = 0, PerSlice = 1;

  /// Merges rows, then slices, wherever every side in \p Sides is dense.
  Runs(const Shape &S, std::initializer_list<Layout> Sides) {
    auto All = [&](auto Pred) {
      return std::all_of(Sides.begin(), Sides.end(), Pred);
    };
    bool RowsDense = S.Height == 1 || All([&](const Layout &L) { return L.Pitch == S.Width; });
    if (!RowsDense) {
      Bytes = S.Width;
      PerSlice = S.Height;
      Count = S.Height * S.Depth;
      return;
    }
    Bytes = S.Width * S.Height;
    bool SlicesDense =
        S.Depth == 1 || All([&](const Layout &L) { return L.SlicePitch == Bytes; });
    if (SlicesDense) {
      Bytes *= S.Depth;
      Count = 1;
    } else {
      Count = S.Depth;
    }
  }

  size_t offset(size_t I, const Layout &L) const {
    return (I / PerSlice) * L.SlicePitch + (I % PerSlice) * L.Pitch;
  }
};

/// The mode for run \p I of \p Count: the call's own for the last run; the
/// ones before it only need to be queued, as the last one waits for them
/// in queue order when the call blocks.
target::CopyMode runMode(target::CopyMode Mode, size_t I, size_t Count) {
  return I + 1 == Count ? Mode : target::CopyMode::Async;
}

/// An Async copy from pageable host memory in several runs: the runs are
/// packed into one host buffer at once (the caller may then reuse its
/// memory, as CUDA allows), copied from there in queue order, and the
/// buffer is freed by a host function queued behind them. Staging each run
/// on its own costs a buffer and a completion callback per row (about 20
/// microseconds per row on PoCL).
cudaError_t copyStagedRuns(target::Device &Dev, target::Queue *Q, char *Dst, const Layout &DL,
                           const char *Src, const Layout &SL, const Runs &R, const char *Api) {
  char *Packed = static_cast<char *>(std::malloc(R.Bytes * R.Count));
  if (!Packed)
    return cudaErrorMemoryAllocation;
  for (size_t I = 0; I < R.Count; ++I)
    std::memcpy(Packed + I * R.Bytes, Src + R.offset(I, SL), R.Bytes);
  auto Free = [](void *P, target::Status) { std::free(P); };
  for (size_t I = 0; I < R.Count; ++I) {
    target::Result Res = Dev.copy(Q, Dst + R.offset(I, DL), Packed + I * R.Bytes, R.Bytes,
                                  target::CopyKind::HostToDevice, target::CopyMode::Async);
    if (!Res.ok()) {
      Dev.synchronizeQueue(Q);
      std::free(Packed);
      return rt::fromResult(Res, Api);
    }
  }
  target::Result Res = Dev.enqueueHostFunction(Q, Free, Packed);
  if (!Res.ok()) {
    Dev.synchronizeQueue(Q);
    std::free(Packed);
    return rt::fromResult(Res, Api);
  }
  return cudaSuccess;
}

/// The largest pitch copies and memsets take (cudaDeviceProp::memPitch).
bool pitchTooLarge(size_t Pitch) {
  return Pitch > rt::deviceProp(rt::currentDeviceIndex()).memPitch;
}

/// One checked 2D or 3D copy: \p Shape from Src (laid out as SrcL) to Dst.
struct Region {
  char *Dst = nullptr;
  Layout DstL;
  const char *Src = nullptr;
  Layout SrcL;
  Shape S;
  int RawKind = cudaMemcpyDefault; ///< A valid kind.
  /// cudaMemcpy3DPeer: the devices each side must be on; -1: any.
  int DstDevice = -1, SrcDevice = -1;
};

/// Copies \p G on \p Stream, as a blocking call or an Async one. Sizes,
/// pitches and the kind are already checked; the shape is not empty.
cudaError_t copyRegion(const Region &G, cudaStream_t Stream, bool Async, const char *Api) {
  char *Dst = G.Dst;
  const char *Src = G.Src;
  const Layout &DL = G.DstL, &SL = G.SrcL;
  size_t DstSpan, SrcSpan;
  if (!span(G.S, DL, &DstSpan) || !span(G.S, SL, &SrcSpan))
    return cudaErrorInvalidValue;
  rt::Transfer T;
  if (cudaError_t E = rt::planTransfer(Dst, DstSpan, Src, SrcSpan, G.RawKind, T))
    return E;
  if ((G.DstDevice >= 0 && T.DstDevice != G.DstDevice) ||
      (G.SrcDevice >= 0 && T.SrcDevice != G.SrcDevice))
    return cudaErrorInvalidValue;
  Runs R(G.S, {DL, SL});

  if (T.Kind == target::CopyKind::DeviceToDevice && T.DstDevice != T.SrcDevice) {
    // Devices of one target have separate contexts: stage each run through
    // the host, as cudaMemcpy does, after the stream's work (whichever
    // device the stream is on).
    rt::StreamRef Ref;
    if (cudaError_t E = rt::lookupStream(Stream, Ref))
      return E;
    if (cudaError_t E =
            rt::fromResult(rt::device(Ref.Device).synchronizeQueue(Ref.Queue), Api))
      return E;
    std::vector<char> Staging(R.Bytes);
    for (size_t I = 0; I < R.Count; ++I) {
      if (cudaError_t E = rt::fromResult(
              rt::device(T.SrcDevice)
                  .copy(nullptr, Staging.data(), Src + R.offset(I, SL), R.Bytes,
                        target::CopyKind::DeviceToHost),
              Api))
        return E;
      if (cudaError_t E = rt::fromResult(
              rt::device(T.DstDevice)
                  .copy(nullptr, Dst + R.offset(I, DL), Staging.data(), R.Bytes,
                        target::CopyKind::HostToDevice),
              Api))
        return E;
    }
    return cudaSuccess;
  }

  target::Queue *Q = nullptr;
  if (cudaError_t E = rt::resolveStream(Stream, T.Device, &Q))
    return E;
  target::Device &Dev = rt::device(T.Device);
  if (T.Kind == target::CopyKind::HostToHost) {
    // The first run waits for the stream's earlier work, as a host-to-host
    // cudaMemcpy does; the host copies the rest itself.
    if (cudaError_t E = rt::fromResult(
            Dev.copy(Q, Dst, Src, R.Bytes, target::CopyKind::HostToHost), Api))
      return E;
    for (size_t I = 1; I < R.Count; ++I)
      std::memmove(Dst + R.offset(I, DL), Src + R.offset(I, SL), R.Bytes);
    return cudaSuccess;
  }

  target::CopyMode Mode = Async ? rt::asyncCopyMode(T, Dst, DstSpan, Src, SrcSpan)
                                : target::CopyMode::Sync;
  if (Mode == target::CopyMode::AsyncStaged && R.Count > 1)
    return copyStagedRuns(Dev, Q, Dst, DL, Src, SL, R, Api);
  for (size_t I = 0; I < R.Count; ++I) {
    target::Result Res = Dev.copy(Q, Dst + R.offset(I, DL), Src + R.offset(I, SL), R.Bytes,
                                  T.Kind, runMode(Mode, I, R.Count));
    if (!Res.ok()) {
      // Runs already queued may still read or write the caller's host
      // memory: let them finish before returning.
      if (I > 0)
        Dev.synchronizeQueue(Q);
      return rt::fromResult(Res, Api);
    }
  }
  // A blocking copy is a synchronization point for device printf output.
  if (Async)
    return cudaSuccess;
  return rt::fromResult(rt::flushPrintf(T.Device), Api);
}

/// Sets the bytes of \p S at \p Dst (laid out as \p L) to \p Value.
/// The pitch is already checked; \p S is not empty.
cudaError_t fillRegion(char *Dst, const Layout &L, int Value, const Shape &S,
                       cudaStream_t Stream, bool Async, const char *Api) {
  size_t Span;
  if (!span(S, L, &Span))
    return cudaErrorInvalidValue;
  int DevIndex = 0;
  if (cudaError_t E = rt::deviceRange(Dst, Span, &DevIndex))
    return E;
  target::Queue *Q = nullptr;
  if (cudaError_t E = rt::resolveStream(Stream, DevIndex, &Q))
    return E;
  Runs R(S, {L});
  target::CopyMode Mode = Async ? target::CopyMode::Async : target::CopyMode::Sync;
  for (size_t I = 0; I < R.Count; ++I)
    if (cudaError_t E = rt::fromResult(rt::device(DevIndex).fill(Q, Dst + R.offset(I, L),
                                                                 uint8_t(Value), R.Bytes,
                                                                 runMode(Mode, I, R.Count)),
                                       Api))
      return E;
  return cudaSuccess;
}

/// cudaMallocPitch and cudaMalloc3D: Height * Depth rows of Width bytes,
/// each row padded to the device's pitch alignment.
cudaError_t mallocPitchImpl(void **Ptr, size_t *Pitch, const Shape &S, const char *Api) {
  if (!Ptr || !Pitch)
    return cudaErrorInvalidValue;
  if (cudaError_t E = rt::enter())
    return E;
  int Dev = rt::currentDeviceIndex();
  size_t Align = std::max<size_t>(rt::deviceProp(Dev).texturePitchAlignment, 1);
  size_t Rounded, Bytes;
  if (__builtin_add_overflow(S.Width, Align - 1, &Rounded))
    return cudaErrorMemoryAllocation;
  Rounded -= Rounded % Align;
  *Ptr = nullptr;
  *Pitch = Rounded;
  if (S.empty())
    return cudaSuccess; // Like cudaMalloc(0): no allocation, a null pointer.
  if (__builtin_mul_overflow(Rounded, S.Height, &Bytes) ||
      __builtin_mul_overflow(Bytes, S.Depth, &Bytes))
    return cudaErrorMemoryAllocation;
  void *P = nullptr;
  if (cudaError_t E = rt::fromResult(rt::device(Dev).allocate(Bytes, &P), Api))
    return E;
  rt::allocations().insert(
      {reinterpret_cast<uintptr_t>(P), Bytes, rt::AllocKind::Device, Dev});
  *Ptr = P;
  return cudaSuccess;
}

/// \p RawKind: the cudaMemcpyKind argument's bits (rt::rawValue), never
/// loaded as the enum, since callers may pass any int.
cudaError_t copy2DImpl(void *Dst, size_t DPitch, const void *Src, size_t SPitch, size_t Width,
                       size_t Height, int RawKind, cudaStream_t Stream, bool Async) {
  if (!rt::isValidMemcpyKind(RawKind))
    return cudaErrorInvalidMemcpyDirection;
  Shape S{Width, Height, 1};
  if (S.empty())
    return cudaSuccess;
  if (!Dst || !Src)
    return cudaErrorInvalidValue;
  if (Width > DPitch || Width > SPitch)
    return cudaErrorInvalidPitchValue;
  if (cudaError_t E = rt::enter())
    return E;
  if (pitchTooLarge(DPitch) || pitchTooLarge(SPitch))
    return cudaErrorInvalidPitchValue;
  Region G;
  G.Dst = static_cast<char *>(Dst);
  G.DstL = {DPitch, 0};
  G.Src = static_cast<const char *>(Src);
  G.SrcL = {SPitch, 0};
  G.S = S;
  G.RawKind = RawKind;
  return copyRegion(G, Stream, Async, Async ? "cudaMemcpy2DAsync" : "cudaMemcpy2D");
}

/// CUDA documents cudaMemset2D's errors as cudaErrorInvalidValue only (no
/// pitch error, unlike cudaMemcpy2D) and its pitch as unused for one row.
cudaError_t set2DImpl(void *DevPtr, size_t Pitch, int Value, size_t Width, size_t Height,
                      cudaStream_t Stream, bool Async) {
  Shape S{Width, Height, 1};
  if (S.empty())
    return cudaSuccess;
  if (!DevPtr)
    return cudaErrorInvalidValue;
  if (Height == 1)
    Pitch = Width;
  if (Width > Pitch)
    return cudaErrorInvalidValue;
  if (cudaError_t E = rt::enter())
    return E;
  if (pitchTooLarge(Pitch))
    return cudaErrorInvalidValue;
  return fillRegion(static_cast<char *>(DevPtr), {Pitch, 0}, Value, S, Stream, Async,
                    Async ? "cudaMemset2DAsync" : "cudaMemset2D");
}

/// One side of a 3D copy: the address of its first byte (Pos applied) and
/// its layout. Pitch checks against the copy's width come first.
/// \p PitchError: what a width over the pitch is (cudaMemcpy3D:
/// cudaErrorInvalidPitchValue; cudaMemset3D documents only
/// cudaErrorInvalidValue).
cudaError_t side3D(const cudaPitchedPtr &P, const cudaPos &Pos, const Shape &S, char **Base,
                   Layout *L, cudaError_t PitchError = cudaErrorInvalidPitchValue) {
  if (S.Width > P.pitch)
    return PitchError;
  size_t RowEnd, SlicePitch, Offset, Y, Z;
  // A row must fit in the pitch, and with several slices the rows of one
  // slice must fit in the slice (ysize rows), or slices would overlap.
  if (__builtin_add_overflow(Pos.x, S.Width, &RowEnd) || RowEnd > P.pitch)
    return cudaErrorInvalidValue;
  if (S.Depth > 1 && (__builtin_add_overflow(Pos.y, S.Height, &RowEnd) || RowEnd > P.ysize))
    return cudaErrorInvalidValue;
  if (__builtin_mul_overflow(P.pitch, P.ysize, &SlicePitch) ||
      __builtin_mul_overflow(Pos.y, P.pitch, &Y) ||
      __builtin_mul_overflow(Pos.z, SlicePitch, &Z) ||
      __builtin_add_overflow(Y, Z, &Offset) || __builtin_add_overflow(Offset, Pos.x, &Offset))
    return cudaErrorInvalidValue;
  *Base = static_cast<char *>(P.ptr) + Offset;
  *L = Layout{P.pitch, SlicePitch};
  return cudaSuccess;
}

/// The two sides of a cudaMemcpy3D or cudaMemcpy3DPeer.
struct Sides3D {
  cudaArray_t SrcArray, DstArray;
  cudaPos SrcPos, DstPos;
  cudaPitchedPtr SrcPtr, DstPtr;
  cudaExtent Extent;
};

/// cudaMemcpy3D and cudaMemcpy3DPeer after their own first checks: \p G
/// has the kind and the expected devices; the rest comes from \p P.
cudaError_t copy3DImpl(const Sides3D &P, Region G, cudaStream_t Stream, bool Async,
                       const char *Api) {
  // Each side is an array or a pointer, never both and never neither.
  if (bool(P.SrcArray) == bool(P.SrcPtr.ptr) || bool(P.DstArray) == bool(P.DstPtr.ptr))
    return cudaErrorInvalidValue;
  if (P.SrcArray || P.DstArray) {
    rt::warnOnce(std::string(Api) + ": CUDA arrays are not supported");
    return cudaErrorNotSupported;
  }
  G.S = Shape{P.Extent.width, P.Extent.height, P.Extent.depth};
  if (G.S.empty())
    return cudaSuccess;
  if (cudaError_t E = side3D(P.DstPtr, P.DstPos, G.S, &G.Dst, &G.DstL))
    return E;
  char *Src;
  if (cudaError_t E = side3D(P.SrcPtr, P.SrcPos, G.S, &Src, &G.SrcL))
    return E;
  G.Src = Src;
  if (cudaError_t E = rt::enter())
    return E;
  if (pitchTooLarge(G.DstL.Pitch) || pitchTooLarge(G.SrcL.Pitch))
    return cudaErrorInvalidPitchValue;
  return copyRegion(G, Stream, Async, Api);
}

cudaError_t copy3DImpl(const cudaMemcpy3DParms *P, cudaStream_t Stream, bool Async) {
  if (!P)
    return cudaErrorInvalidValue;
  Region G;
  G.RawKind = rt::rawValue(P->kind);
  if (!rt::isValidMemcpyKind(G.RawKind))
    return cudaErrorInvalidMemcpyDirection;
  return copy3DImpl({P->srcArray, P->dstArray, P->srcPos, P->dstPos, P->srcPtr, P->dstPtr,
                     P->extent},
                    G, Stream, Async, Async ? "cudaMemcpy3DAsync" : "cudaMemcpy3D");
}

/// cudaMemcpy3DPeer: device memory on the devices named, CUDA's
/// cudaErrorInvalidDevice for one that does not exist.
cudaError_t copy3DPeerImpl(const cudaMemcpy3DPeerParms *P, cudaStream_t Stream, bool Async) {
  if (!P)
    return cudaErrorInvalidValue;
  if (cudaError_t E = rt::enter())
    return E;
  if (P->srcDevice < 0 || P->srcDevice >= rt::deviceCount() || P->dstDevice < 0 ||
      P->dstDevice >= rt::deviceCount())
    return cudaErrorInvalidDevice;
  Region G;
  G.RawKind = cudaMemcpyDeviceToDevice;
  G.DstDevice = P->dstDevice;
  G.SrcDevice = P->srcDevice;
  return copy3DImpl({P->srcArray, P->dstArray, P->srcPos, P->dstPos, P->srcPtr, P->dstPtr,
                     P->extent},
                    G, Stream, Async, Async ? "cudaMemcpy3DPeerAsync" : "cudaMemcpy3DPeer");
}

cudaError_t set3DImpl(const cudaPitchedPtr &P, int Value, const cudaExtent &Extent,
                      cudaStream_t Stream, bool Async) {
  Shape S{Extent.width, Extent.height, Extent.depth};
  if (S.empty())
    return cudaSuccess;
  if (!P.ptr)
    return cudaErrorInvalidValue;
  // CUDA ignores the pitch when height and depth are both 1.
  cudaPitchedPtr Q = P;
  if (S.Height == 1 && S.Depth == 1)
    Q.pitch = S.Width;
  char *Dst;
  Layout L;
  if (cudaError_t E = side3D(Q, cudaPos{0, 0, 0}, S, &Dst, &L, cudaErrorInvalidValue))
    return E;
  if (cudaError_t E = rt::enter())
    return E;
  if (pitchTooLarge(L.Pitch))
    return cudaErrorInvalidValue;
  return fillRegion(Dst, L, Value, S, Stream, Async,
                    Async ? "cudaMemset3DAsync" : "cudaMemset3D");
}

} // namespace

CUPORT_EXPORT cudaError_t cudaMallocPitch(void **devPtr, size_t *pitch, size_t width,
                                          size_t height) {
  return rt::apiBoundary(
      [&] { return mallocPitchImpl(devPtr, pitch, {width, height, 1}, "cudaMallocPitch"); });
}

CUPORT_EXPORT cudaError_t cudaMalloc3D(struct cudaPitchedPtr *pitchedDevPtr,
                                       struct cudaExtent extent) {
  return rt::apiBoundary([&] {
    if (!pitchedDevPtr)
      return cudaErrorInvalidValue;
    void *P = nullptr;
    size_t Pitch = 0;
    cudaError_t E = mallocPitchImpl(&P, &Pitch, {extent.width, extent.height, extent.depth},
                                    "cudaMalloc3D");
    if (E != cudaSuccess)
      return E;
    pitchedDevPtr->ptr = P;
    pitchedDevPtr->pitch = Pitch;
    pitchedDevPtr->xsize = extent.width;
    pitchedDevPtr->ysize = extent.height;
    return cudaSuccess;
  });
}

CUPORT_EXPORT cudaError_t cudaMemcpy2D(void *dst, size_t dpitch, const void *src, size_t spitch,
                                       size_t width, size_t height, enum cudaMemcpyKind kind) {
  return rt::apiBoundary([&] {
    return copy2DImpl(dst, dpitch, src, spitch, width, height, rt::rawValue(kind), nullptr,
                      false);
  });
}

CUPORT_EXPORT cudaError_t cudaMemcpy2D_ptds(void *dst, size_t dpitch, const void *src,
                                            size_t spitch, size_t width, size_t height,
                                            enum cudaMemcpyKind kind) {
  return rt::apiBoundary([&] {
    return copy2DImpl(dst, dpitch, src, spitch, width, height, rt::rawValue(kind),
                      cudaStreamPerThread, false);
  });
}

CUPORT_EXPORT cudaError_t cudaMemcpy2DAsync(void *dst, size_t dpitch, const void *src,
                                            size_t spitch, size_t width, size_t height,
                                            enum cudaMemcpyKind kind, cudaStream_t stream) {
  return rt::apiBoundary([&] {
    return copy2DImpl(dst, dpitch, src, spitch, width, height, rt::rawValue(kind), stream,
                      true);
  });
}

CUPORT_EXPORT cudaError_t cudaMemcpy2DAsync_ptsz(void *dst, size_t dpitch, const void *src,
                                                 size_t spitch, size_t width, size_t height,
                                                 enum cudaMemcpyKind kind,
                                                 cudaStream_t stream) {
  return rt::apiBoundary([&] {
    return copy2DImpl(dst, dpitch, src, spitch, width, height, rt::rawValue(kind),
                      rt::perThread(stream), true);
  });
}

CUPORT_EXPORT cudaError_t cudaMemset2D(void *devPtr, size_t pitch, int value, size_t width,
                                       size_t height) {
  return rt::apiBoundary(
      [&] { return set2DImpl(devPtr, pitch, value, width, height, nullptr, false); });
}

CUPORT_EXPORT cudaError_t cudaMemset2D_ptds(void *devPtr, size_t pitch, int value,
                                            size_t width, size_t height) {
  return rt::apiBoundary([&] {
    return set2DImpl(devPtr, pitch, value, width, height, cudaStreamPerThread, false);
  });
}

CUPORT_EXPORT cudaError_t cudaMemset2DAsync(void *devPtr, size_t pitch, int value,
                                            size_t width, size_t height,
                                            cudaStream_t stream) {
  return rt::apiBoundary(
      [&] { return set2DImpl(devPtr, pitch, value, width, height, stream, true); });
}

CUPORT_EXPORT cudaError_t cudaMemset2DAsync_ptsz(void *devPtr, size_t pitch, int value,
                                                 size_t width, size_t height,
                                                 cudaStream_t stream) {
  return rt::apiBoundary([&] {
    return set2DImpl(devPtr, pitch, value, width, height, rt::perThread(stream), true);
  });
}

CUPORT_EXPORT cudaError_t cudaMemcpy3D(const struct cudaMemcpy3DParms *p) {
  return rt::apiBoundary([&] { return copy3DImpl(p, nullptr, false); });
}

CUPORT_EXPORT cudaError_t cudaMemcpy3D_ptds(const struct cudaMemcpy3DParms *p) {
  return rt::apiBoundary([&] { return copy3DImpl(p, cudaStreamPerThread, false); });
}

CUPORT_EXPORT cudaError_t cudaMemcpy3DAsync(const struct cudaMemcpy3DParms *p,
                                            cudaStream_t stream) {
  return rt::apiBoundary([&] { return copy3DImpl(p, stream, true); });
}

CUPORT_EXPORT cudaError_t cudaMemcpy3DAsync_ptsz(const struct cudaMemcpy3DParms *p,
                                                 cudaStream_t stream) {
  return rt::apiBoundary([&] { return copy3DImpl(p, rt::perThread(stream), true); });
}

CUPORT_EXPORT cudaError_t cudaMemcpy3DPeer(const struct cudaMemcpy3DPeerParms *p) {
  return rt::apiBoundary([&] { return copy3DPeerImpl(p, nullptr, false); });
}

CUPORT_EXPORT cudaError_t cudaMemcpy3DPeer_ptds(const struct cudaMemcpy3DPeerParms *p) {
  return rt::apiBoundary([&] { return copy3DPeerImpl(p, cudaStreamPerThread, false); });
}

CUPORT_EXPORT cudaError_t cudaMemcpy3DPeerAsync(const struct cudaMemcpy3DPeerParms *p,
                                                cudaStream_t stream) {
  return rt::apiBoundary([&] { return copy3DPeerImpl(p, stream, true); });
}

CUPORT_EXPORT cudaError_t cudaMemcpy3DPeerAsync_ptsz(const struct cudaMemcpy3DPeerParms *p,
                                                     cudaStream_t stream) {
  return rt::apiBoundary([&] { return copy3DPeerImpl(p, rt::perThread(stream), true); });
}

CUPORT_EXPORT cudaError_t cudaMemset3D(struct cudaPitchedPtr pitchedDevPtr, int value,
                                       struct cudaExtent extent) {
  return rt::apiBoundary([&] { return set3DImpl(pitchedDevPtr, value, extent, nullptr, false); });
}

CUPORT_EXPORT cudaError_t cudaMemset3D_ptds(struct cudaPitchedPtr pitchedDevPtr, int value,
                                            struct cudaExtent extent) {
  return rt::apiBoundary(
      [&] { return set3DImpl(pitchedDevPtr, value, extent, cudaStreamPerThread, false); });
}

CUPORT_EXPORT cudaError_t cudaMemset3DAsync(struct cudaPitchedPtr pitchedDevPtr, int value,
                                            struct cudaExtent extent, cudaStream_t stream) {
  return rt::apiBoundary([&] { return set3DImpl(pitchedDevPtr, value, extent, stream, true); });
}

CUPORT_EXPORT cudaError_t cudaMemset3DAsync_ptsz(struct cudaPitchedPtr pitchedDevPtr,
                                                 int value, struct cudaExtent extent,
                                                 cudaStream_t stream) {
  return rt::apiBoundary([&] {
    return set3DImpl(pitchedDevPtr, value, extent, rt::perThread(stream), true);
  });
}

CUPORT_EXPORT struct cudaPitchedPtr make_cudaPitchedPtr(void *d, size_t p, size_t xsz,
                                                        size_t ysz) {
  struct cudaPitchedPtr R;
  R.ptr = d;
  R.pitch = p;
  R.xsize = xsz;
  R.ysize = ysz;
  return R;
}

CUPORT_EXPORT struct cudaPos make_cudaPos(size_t x, size_t y, size_t z) {
  struct cudaPos R;
  R.x = x;
  R.y = y;
  R.z = z;
  return R;
}

CUPORT_EXPORT struct cudaExtent make_cudaExtent(size_t w, size_t h, size_t d) {
  struct cudaExtent R;
  R.width = w;
  R.height = h;
  R.depth = d;
  return R;
}

CUPORT_EXPORT struct cudaChannelFormatDesc cudaCreateChannelDesc(int x, int y, int z, int w,
                                                                  enum cudaChannelFormatKind f) {
  struct cudaChannelFormatDesc D;
  D.x = x;
  D.y = y;
  D.z = z;
  D.w = w;
  D.f = f;
  return D;
}
