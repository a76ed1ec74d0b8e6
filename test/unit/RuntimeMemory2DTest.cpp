//===- RuntimeMemory2DTest.cpp - pitched, 2D/3D and peer memory -----------===//
//
// Conformance tests of cudaMallocPitch/cudaMalloc3D, the 2D and 3D copies
// and memsets (blocking and Async) and the peer calls (cudaMemcpy3DPeer
// too), through the CUDA runtime API on whichever target libcudart selects
// (skipped where there is none).
//
// Every result is checked byte for byte against a host model of the whole
// allocation: the model starts from a sentinel fill, the test applies the
// same operation to it, and any byte that differs fails, so a copy that
// writes the padding between width and pitch, or misses a row, is caught.
// Error cases check the exact cudaError_t and that it is the thread's last
// error, as CUDA reports it. Copies between two devices run in a child
// process that asks PoCL for two devices (POCL_DEVICES).
//
//===----------------------------------------------------------------------===//
#include "ChildProcess.h"
#include "CuportRuntime.h"
#include "RuntimeApiSupport.h"
#include "driver_functions.h"

#include <cstring>
#include <vector>

extern "C" {
cudaError_t cudaMemcpy2D_ptds(void *, size_t, const void *, size_t, size_t, size_t,
                              enum cudaMemcpyKind);
cudaError_t cudaMemset2DAsync_ptsz(void *, size_t, int, size_t, size_t, cudaStream_t);
}

using namespace apitest;

namespace {

const bool RegisteredAtStartup = (registration(), true);

using Bytes = std::vector<unsigned char>;

/// Deterministic, position-dependent contents (never the sentinels).
Bytes pattern(size_t N, unsigned Seed) {
  Bytes B(N);
  for (size_t I = 0; I < N; ++I)
    B[I] = (unsigned char)(((I * 131u + Seed * 7u) % 251u) + 1u);
  return B;
}

/// Applies a 3D copy to host images: Depth slices of Height rows of Width
/// bytes, each side with its pitch, slice pitch and starting offset.
struct Box {
  size_t Width, Height, Depth;
};
struct Side {
  size_t Offset, Pitch, SlicePitch;
};
void modelCopy(Bytes &Dst, const Side &D, const Bytes &Src, const Side &S, const Box &B) {
  for (size_t Z = 0; Z < B.Depth; ++Z)
    for (size_t Y = 0; Y < B.Height; ++Y)
      for (size_t X = 0; X < B.Width; ++X)
        Dst.at(D.Offset + Z * D.SlicePitch + Y * D.Pitch + X) =
            Src.at(S.Offset + Z * S.SlicePitch + Y * S.Pitch + X);
}
void modelFill(Bytes &Dst, const Side &D, unsigned char V, const Box &B) {
  for (size_t Z = 0; Z < B.Depth; ++Z)
    for (size_t Y = 0; Y < B.Height; ++Y)
      for (size_t X = 0; X < B.Width; ++X)
        Dst.at(D.Offset + Z * D.SlicePitch + Y * D.Pitch + X) = V;
}

/// Every byte equal; names the first that is not.
::testing::AssertionResult sameBytes(const Bytes &Want, const Bytes &Got) {
  if (Want.size() != Got.size())
    return ::testing::AssertionFailure() << "sizes " << Want.size() << " vs " << Got.size();
  for (size_t I = 0; I < Want.size(); ++I)
    if (Want[I] != Got[I])
      return ::testing::AssertionFailure()
             << "byte " << I << ": want " << int(Want[I]) << ", got " << int(Got[I]);
  return ::testing::AssertionSuccess();
}

/// The device bytes [P, P + N).
Bytes readBack(const void *P, size_t N) {
  Bytes B(N);
  EXPECT_EQ(cudaMemcpy(B.data(), P, N, cudaMemcpyDeviceToHost), cudaSuccess);
  return B;
}

/// A cudaMallocPitch allocation whose every byte (padding included) starts
/// as \p Sentinel, with its host model.
struct Pitched {
  char *Ptr = nullptr;
  size_t Pitch = 0, Width, Height;
  Bytes Model;
  Pitched(size_t W, size_t H, unsigned char Sentinel) : Width(W), Height(H) {
    EXPECT_EQ(cudaMallocPitch((void **)&Ptr, &Pitch, W, H), cudaSuccess);
    EXPECT_EQ(cudaMemset(Ptr, Sentinel, Pitch * H), cudaSuccess);
    Model.assign(Pitch * H, Sentinel);
  }
  ~Pitched() { cudaFree(Ptr); }
  size_t bytes() const { return Pitch * Height; }
  ::testing::AssertionResult matches() const { return sameBytes(Model, readBack(Ptr, bytes())); }
};

size_t pitchAlignment() {
  cudaDeviceProp P;
  EXPECT_EQ(cudaGetDeviceProperties(&P, 0), cudaSuccess);
  return P.texturePitchAlignment;
}

/// \p Call returned \p Want and left it as the thread's last error.
#define EXPECT_API_ERROR(Want, Call)                                           \
  do {                                                                         \
    EXPECT_EQ((Call), (Want)) << #Call;                                        \
    EXPECT_EQ(cudaGetLastError(), (Want)) << #Call;                            \
    EXPECT_EQ(cudaGetLastError(), cudaSuccess);                                \
  } while (0)

//===----------------------------------------------------------------------===//
// Allocation
//===----------------------------------------------------------------------===//

TEST(PitchedMemory, MallocPitchRoundsToTheReportedAlignment) {
  REQUIRE_DEVICE();
  cudaDeviceProp P;
  ASSERT_EQ(cudaGetDeviceProperties(&P, 0), cudaSuccess);
  const size_t Align = P.texturePitchAlignment;
  ASSERT_GT(Align, 0u);
  int Attr = 0;
  ASSERT_EQ(cudaDeviceGetAttribute(&Attr, cudaDevAttrTexturePitchAlignment, 0), cudaSuccess);
  EXPECT_EQ(size_t(Attr), Align);
  EXPECT_GT(P.memPitch, 0u);
  for (size_t W : {size_t(1), Align - 1, Align, Align + 1, 3 * Align + 5}) {
    if (W == 0)
      continue;
    void *Ptr = nullptr;
    size_t Pitch = 0;
    ASSERT_EQ(cudaMallocPitch(&Ptr, &Pitch, W, 7), cudaSuccess) << W;
    EXPECT_NE(Ptr, nullptr);
    EXPECT_EQ(Pitch, (W + Align - 1) / Align * Align) << W;
    EXPECT_EQ(reinterpret_cast<uintptr_t>(Ptr) % Align, 0u);
    // The whole pitch * height block is one allocation: a copy of all of
    // it is valid and one byte more is not.
    Bytes B(Pitch * 7 + 1);
    EXPECT_EQ(cudaMemcpy(B.data(), Ptr, Pitch * 7, cudaMemcpyDeviceToHost), cudaSuccess);
    EXPECT_API_ERROR(cudaErrorInvalidValue,
                     cudaMemcpy(B.data(), Ptr, Pitch * 7 + 1, cudaMemcpyDeviceToHost));
    cudaPointerAttributes A;
    ASSERT_EQ(cudaPointerGetAttributes(&A, Ptr), cudaSuccess);
    EXPECT_EQ(A.type, cudaMemoryTypeDevice);
    EXPECT_EQ(cudaFree(Ptr), cudaSuccess);
  }
}

TEST(PitchedMemory, MallocPitchAndMalloc3DErrors) {
  REQUIRE_DEVICE();
  void *Ptr = (void *)1;
  size_t Pitch = 1;
  EXPECT_API_ERROR(cudaErrorInvalidValue, cudaMallocPitch(nullptr, &Pitch, 16, 16));
  EXPECT_API_ERROR(cudaErrorInvalidValue, cudaMallocPitch(&Ptr, nullptr, 16, 16));
  EXPECT_API_ERROR(cudaErrorInvalidValue, cudaMalloc3D(nullptr, make_cudaExtent(4, 4, 4)));
  // Zero sizes allocate nothing, like cudaMalloc(0).
  const size_t Align = pitchAlignment();
  EXPECT_EQ(cudaMallocPitch(&Ptr, &Pitch, 16, 0), cudaSuccess);
  EXPECT_EQ(Ptr, nullptr);
  EXPECT_EQ(Pitch, (16 + Align - 1) / Align * Align);
  EXPECT_EQ(cudaMallocPitch(&Ptr, &Pitch, 0, 16), cudaSuccess);
  EXPECT_EQ(Ptr, nullptr);
  EXPECT_EQ(Pitch, 0u);
  // Sizes no device holds, or that overflow.
  EXPECT_API_ERROR(cudaErrorMemoryAllocation, cudaMallocPitch(&Ptr, &Pitch, SIZE_MAX - 1, 1));
  EXPECT_API_ERROR(cudaErrorMemoryAllocation,
                   cudaMallocPitch(&Ptr, &Pitch, size_t(1) << 32, size_t(1) << 32));
  cudaPitchedPtr PP;
  EXPECT_API_ERROR(cudaErrorMemoryAllocation,
                   cudaMalloc3D(&PP, make_cudaExtent(1 << 20, 1 << 20, 1 << 20)));
}

TEST(PitchedMemory, Malloc3DFillsThePitchedPointer) {
  REQUIRE_DEVICE();
  const size_t Align = pitchAlignment();
  cudaPitchedPtr P;
  ASSERT_EQ(cudaMalloc3D(&P, make_cudaExtent(13, 5, 3)), cudaSuccess);
  EXPECT_NE(P.ptr, nullptr);
  EXPECT_EQ(P.pitch, (13 + Align - 1) / Align * Align);
  EXPECT_EQ(P.xsize, 13u);
  EXPECT_EQ(P.ysize, 5u);
  Bytes All(P.pitch * 5 * 3);
  EXPECT_EQ(cudaMemcpy(All.data(), P.ptr, All.size(), cudaMemcpyDeviceToHost), cudaSuccess);
  EXPECT_API_ERROR(cudaErrorInvalidValue,
                   cudaMemcpy(All.data(), P.ptr, All.size() + 1, cudaMemcpyDeviceToHost));
  EXPECT_EQ(cudaFree(P.ptr), cudaSuccess);
}

//===----------------------------------------------------------------------===//
// cudaMemcpy2D / cudaMemset2D
//===----------------------------------------------------------------------===//

TEST(PitchedMemory, Memcpy2DEveryKindLeavesThePaddingAlone) {
  REQUIRE_DEVICE();
  const size_t Align = pitchAlignment();
  // Widths below, at and above the alignment, and a full pitch (dense rows).
  for (size_t W : {size_t(1), size_t(5), Align - 3, Align, Align + 9}) {
    if (W == 0 || W > 4096) // Align - 3 on a device with a tiny alignment.
      continue;
    SCOPED_TRACE("width " + std::to_string(W));
    const size_t H = 6;
    Pitched A(W, H, 0xA1), B(W + 40, H + 2, 0xB2);
    // Host source: rows of W bytes, HPitch apart.
    const size_t HPitch = W + 11;
    Bytes Host = pattern(HPitch * H, unsigned(W));

    // HostToDevice into A.
    ASSERT_EQ(cudaMemcpy2D(A.Ptr, A.Pitch, Host.data(), HPitch, W, H, cudaMemcpyHostToDevice),
              cudaSuccess);
    modelCopy(A.Model, {0, A.Pitch, 0}, Host, {0, HPitch, 0}, {W, H, 1});
    EXPECT_TRUE(A.matches());

    // DeviceToDevice from A into B at row 1, column 17 (other pitch).
    const size_t BOff = 1 * B.Pitch + 17;
    ASSERT_EQ(cudaMemcpy2D(B.Ptr + BOff, B.Pitch, A.Ptr, A.Pitch, W, H,
                           cudaMemcpyDeviceToDevice),
              cudaSuccess);
    modelCopy(B.Model, {BOff, B.Pitch, 0}, A.Model, {0, A.Pitch, 0}, {W, H, 1});
    EXPECT_TRUE(B.matches());

    // DeviceToHost from B into a host image with its own padding.
    const size_t OutPitch = W + 3;
    Bytes Out(OutPitch * H, 0xC3), OutModel(OutPitch * H, 0xC3);
    ASSERT_EQ(cudaMemcpy2D(Out.data(), OutPitch, B.Ptr + BOff, B.Pitch, W, H,
                           cudaMemcpyDeviceToHost),
              cudaSuccess);
    modelCopy(OutModel, {0, OutPitch, 0}, B.Model, {BOff, B.Pitch, 0}, {W, H, 1});
    EXPECT_TRUE(sameBytes(OutModel, Out));

    // HostToHost, and cudaMemcpyDefault in every direction.
    Bytes HH(OutPitch * H, 0xD4), HHModel(OutPitch * H, 0xD4);
    ASSERT_EQ(cudaMemcpy2D(HH.data(), OutPitch, Host.data(), HPitch, W, H,
                           cudaMemcpyHostToHost),
              cudaSuccess);
    modelCopy(HHModel, {0, OutPitch, 0}, Host, {0, HPitch, 0}, {W, H, 1});
    EXPECT_TRUE(sameBytes(HHModel, HH));

    Bytes Host2 = pattern(HPitch * H, unsigned(W) + 99);
    ASSERT_EQ(cudaMemcpy2D(A.Ptr, A.Pitch, Host2.data(), HPitch, W, H, cudaMemcpyDefault),
              cudaSuccess);
    modelCopy(A.Model, {0, A.Pitch, 0}, Host2, {0, HPitch, 0}, {W, H, 1});
    EXPECT_TRUE(A.matches());
    ASSERT_EQ(cudaMemcpy2D(B.Ptr, B.Pitch, A.Ptr, A.Pitch, W, H - 1, cudaMemcpyDefault),
              cudaSuccess);
    modelCopy(B.Model, {0, B.Pitch, 0}, A.Model, {0, A.Pitch, 0}, {W, H - 1, 1});
    EXPECT_TRUE(B.matches());
    Bytes Back(OutPitch * H, 0xE5), BackModel(OutPitch * H, 0xE5);
    ASSERT_EQ(cudaMemcpy2D(Back.data(), OutPitch, B.Ptr, B.Pitch, W, H, cudaMemcpyDefault),
              cudaSuccess);
    modelCopy(BackModel, {0, OutPitch, 0}, B.Model, {0, B.Pitch, 0}, {W, H, 1});
    EXPECT_TRUE(sameBytes(BackModel, Back));
    Bytes HD(OutPitch * H, 0xF6), HDModel(OutPitch * H, 0xF6);
    ASSERT_EQ(cudaMemcpy2D(HD.data(), OutPitch, Back.data(), OutPitch, W, H, cudaMemcpyDefault),
              cudaSuccess);
    modelCopy(HDModel, {0, OutPitch, 0}, Back, {0, OutPitch, 0}, {W, H, 1});
    EXPECT_TRUE(sameBytes(HDModel, HD));
  }
}

TEST(PitchedMemory, Memcpy2DDenseAndSingleRowShapes) {
  REQUIRE_DEVICE();
  // Pitches equal to the width on both sides (one contiguous copy), and a
  // single row with pitches that differ.
  Pitched A(256, 9, 0x11);
  Bytes Src = pattern(A.Pitch * 9, 3);
  ASSERT_EQ(cudaMemcpy2D(A.Ptr, A.Pitch, Src.data(), A.Pitch, A.Pitch, 9,
                         cudaMemcpyHostToDevice),
            cudaSuccess);
  modelCopy(A.Model, {0, A.Pitch, 0}, Src, {0, A.Pitch, 0}, {A.Pitch, 9, 1});
  EXPECT_TRUE(A.matches());
  ASSERT_EQ(cudaMemcpy2D(A.Ptr + 5, A.Pitch * 2, Src.data() + 1, 7000, 100, 1,
                         cudaMemcpyHostToDevice),
            cudaSuccess);
  modelCopy(A.Model, {5, A.Pitch * 2, 0}, Src, {1, 7000, 0}, {100, 1, 1});
  EXPECT_TRUE(A.matches());
}

TEST(PitchedMemory, Memset2DLeavesThePaddingAlone) {
  REQUIRE_DEVICE();
  for (size_t W : {size_t(1), size_t(33), size_t(200)}) {
    SCOPED_TRACE("width " + std::to_string(W));
    Pitched A(W, 5, 0x77);
    ASSERT_EQ(cudaMemset2D(A.Ptr, A.Pitch, 0x1234 /* low byte only */, W, 5), cudaSuccess);
    modelFill(A.Model, {0, A.Pitch, 0}, 0x34, {W, 5, 1});
    EXPECT_TRUE(A.matches());
    // A sub-rectangle with a pitch of two rows.
    ASSERT_EQ(cudaMemset2D(A.Ptr + A.Pitch, A.Pitch * 2, 0xEE, W > 1 ? W - 1 : 1, 2),
              cudaSuccess);
    modelFill(A.Model, {A.Pitch, A.Pitch * 2, 0}, 0xEE, {W > 1 ? W - 1 : 1, 2, 1});
    EXPECT_TRUE(A.matches());
  }
  // One row: the pitch is unused (CUDA documents it so for both calls).
  Pitched R(100, 3, 0x4E);
  ASSERT_EQ(cudaMemset2D(R.Ptr + R.Pitch + 7, 0, 0x4F, 90, 1), cudaSuccess);
  modelFill(R.Model, {R.Pitch + 7, 0, 0}, 0x4F, {90, 1, 1});
  cudaPitchedPtr RP = make_cudaPitchedPtr(R.Ptr + 2 * R.Pitch, 0, 100, 0);
  ASSERT_EQ(cudaMemset3D(RP, 0x50, make_cudaExtent(R.Pitch, 1, 1)), cudaSuccess);
  modelFill(R.Model, {2 * R.Pitch, 0, 0}, 0x50, {R.Pitch, 1, 1});
  EXPECT_TRUE(R.matches());
  // A whole dense block.
  Pitched D(64, 4, 0x01);
  ASSERT_EQ(cudaMemset2D(D.Ptr, D.Pitch, 0x02, D.Pitch, 4), cudaSuccess);
  modelFill(D.Model, {0, D.Pitch, 0}, 0x02, {D.Pitch, 4, 1});
  EXPECT_TRUE(D.matches());
}

TEST(PitchedMemory, AsyncFormsKeepStreamOrder) {
  REQUIRE_DEVICE();
  const size_t W = 40, H = 12;
  Pitched A(W, H, 0x5C);
  cudaStream_t S;
  ASSERT_EQ(cudaStreamCreate(&S), cudaSuccess);
  // Pageable source reused at once (the copy must have staged it), pinned
  // destination read after the stream is synchronized.
  Bytes Src = pattern(W * H, 8);
  unsigned char *Pinned = nullptr;
  ASSERT_EQ(cudaMallocHost((void **)&Pinned, W * H), cudaSuccess);
  std::memset(Pinned, 0xAA, W * H);

  ASSERT_EQ(cudaMemset2DAsync(A.Ptr, A.Pitch, 0x3C, W, H, S), cudaSuccess);
  ASSERT_EQ(cudaMemcpy2DAsync(A.Ptr + A.Pitch, A.Pitch, Src.data(), W, W / 2, H - 2,
                              cudaMemcpyHostToDevice, S),
            cudaSuccess);
  const Bytes SrcCopy = Src;
  std::memset(Src.data(), 0, Src.size());
  ASSERT_EQ(cudaMemset2DAsync(A.Ptr + 3, A.Pitch, 0x4D, 2, H, S), cudaSuccess);
  ASSERT_EQ(cudaMemcpy2DAsync(Pinned, W, A.Ptr, A.Pitch, W, H, cudaMemcpyDeviceToHost, S),
            cudaSuccess);
  ASSERT_EQ(cudaStreamSynchronize(S), cudaSuccess);
  modelFill(A.Model, {0, A.Pitch, 0}, 0x3C, {W, H, 1});
  modelCopy(A.Model, {A.Pitch, A.Pitch, 0}, SrcCopy, {0, W, 0}, {W / 2, H - 2, 1});
  modelFill(A.Model, {3, A.Pitch, 0}, 0x4D, {2, H, 1});
  EXPECT_TRUE(A.matches());
  Bytes PinnedModel(W * H);
  modelCopy(PinnedModel, {0, W, 0}, A.Model, {0, A.Pitch, 0}, {W, H, 1});
  EXPECT_TRUE(sameBytes(PinnedModel, Bytes(Pinned, Pinned + W * H)));

  // A kernel writes the pitched rows; the copy queued behind it sees them.
  const unsigned KW = 10, KH = 7;
  Pitched K(KW * sizeof(int), KH, 0x00);
  char *Base = K.Ptr;
  unsigned long Pitch = K.Pitch;
  unsigned Wd = KW, Ht = KH;
  ASSERT_EQ(launch(&Pitched2DStub, dim3(1, 1), dim3(16, 8), {&Base, &Pitch, &Wd, &Ht}, S),
            cudaSuccess);
  std::vector<int> Out(KW * KH, -1);
  ASSERT_EQ(cudaMemcpy2DAsync(Out.data(), KW * sizeof(int), K.Ptr, K.Pitch, KW * sizeof(int),
                              KH, cudaMemcpyDeviceToHost, S),
            cudaSuccess);
  ASSERT_EQ(cudaStreamSynchronize(S), cudaSuccess);
  for (unsigned Y = 0; Y < KH; ++Y)
    for (unsigned X = 0; X < KW; ++X)
      ASSERT_EQ(Out[Y * KW + X], int(Y * 1000 + X)) << X << "," << Y;

  // Per-thread default stream spellings.
  ASSERT_EQ(cudaMemset2DAsync_ptsz(A.Ptr, A.Pitch, 0x21, W, 1, nullptr), cudaSuccess);
  Bytes Row(W, 0);
  ASSERT_EQ(cudaMemcpy2D_ptds(Row.data(), W, A.Ptr, A.Pitch, W, 1, cudaMemcpyDeviceToHost),
            cudaSuccess);
  EXPECT_TRUE(sameBytes(Bytes(W, 0x21), Row));

  EXPECT_EQ(cudaFreeHost(Pinned), cudaSuccess);
  EXPECT_EQ(cudaStreamDestroy(S), cudaSuccess);
}

TEST(PitchedMemory, TwoDErrorsAsCudaReportsThem) {
  REQUIRE_DEVICE();
  Pitched A(32, 4, 0x66);
  Bytes Host(4096, 0x99);
  const Bytes HostBefore = Host;
  // Zero sizes succeed before anything else is looked at.
  EXPECT_EQ(cudaMemcpy2D(nullptr, 0, nullptr, 0, 0, 5, cudaMemcpyHostToDevice), cudaSuccess);
  EXPECT_EQ(cudaMemcpy2D(nullptr, 0, nullptr, 0, 5, 0, cudaMemcpyHostToDevice), cudaSuccess);
  EXPECT_EQ(cudaMemset2D(nullptr, 0, 0, 0, 5), cudaSuccess);
  EXPECT_EQ(cudaMemset2D(nullptr, 0, 0, 5, 0), cudaSuccess);
  EXPECT_EQ(cudaMemcpy2DAsync(nullptr, 0, nullptr, 0, 0, 0, cudaMemcpyDeviceToDevice, nullptr),
            cudaSuccess);
  // An invalid kind comes first.
  EXPECT_API_ERROR(cudaErrorInvalidMemcpyDirection,
                   cudaMemcpy2D(A.Ptr, A.Pitch, Host.data(), 32, 32, 4, (cudaMemcpyKind)7));
  EXPECT_API_ERROR(cudaErrorInvalidMemcpyDirection,
                   cudaMemcpy2D(A.Ptr, A.Pitch, Host.data(), 32, 0, 0, (cudaMemcpyKind)-1));
  // Null pointers.
  EXPECT_API_ERROR(cudaErrorInvalidValue,
                   cudaMemcpy2D(nullptr, A.Pitch, Host.data(), 32, 32, 4, cudaMemcpyHostToDevice));
  EXPECT_API_ERROR(cudaErrorInvalidValue, cudaMemset2D(nullptr, A.Pitch, 0, 32, 4));
  // Width over a pitch.
  EXPECT_API_ERROR(cudaErrorInvalidPitchValue,
                   cudaMemcpy2D(A.Ptr, 16, Host.data(), 32, 32, 4, cudaMemcpyHostToDevice));
  EXPECT_API_ERROR(cudaErrorInvalidPitchValue,
                   cudaMemcpy2D(A.Ptr, A.Pitch, Host.data(), 31, 32, 4, cudaMemcpyHostToDevice));
  EXPECT_API_ERROR(cudaErrorInvalidPitchValue,
                   cudaMemcpy2DAsync(Host.data(), 8, A.Ptr, A.Pitch, 9, 1,
                                     cudaMemcpyDeviceToHost, nullptr));
  // cudaMemset2D documents cudaErrorInvalidValue only, and ignores the
  // pitch of a single row.
  EXPECT_API_ERROR(cudaErrorInvalidValue, cudaMemset2D(A.Ptr, 8, 0, 9, 2));
  EXPECT_API_ERROR(cudaErrorInvalidValue, cudaMemset2DAsync(A.Ptr, 8, 0, 9, 2, nullptr));
  // A pitch over memPitch.
  cudaDeviceProp P;
  ASSERT_EQ(cudaGetDeviceProperties(&P, 0), cudaSuccess);
  EXPECT_API_ERROR(cudaErrorInvalidPitchValue,
                   cudaMemcpy2D(A.Ptr, P.memPitch + 1, Host.data(), 32, 32, 1,
                                cudaMemcpyHostToDevice));
  EXPECT_API_ERROR(cudaErrorInvalidValue, cudaMemset2D(A.Ptr, P.memPitch + 1, 0, 32, 2));
  // Regions that leave the allocation: one row too many, a row that ends
  // past the last byte, a start before the allocation.
  EXPECT_API_ERROR(cudaErrorInvalidValue,
                   cudaMemcpy2D(A.Ptr, A.Pitch, Host.data(), 32, 32, 5, cudaMemcpyHostToDevice));
  EXPECT_API_ERROR(cudaErrorInvalidValue,
                   cudaMemcpy2D(A.Ptr + 1, A.Pitch, Host.data(), A.Pitch, A.Pitch, 4,
                                cudaMemcpyHostToDevice));
  EXPECT_API_ERROR(cudaErrorInvalidValue,
                   cudaMemcpy2D(Host.data(), 32, A.Ptr, A.Pitch * 2, 32, 3,
                                cudaMemcpyDeviceToHost));
  EXPECT_API_ERROR(cudaErrorInvalidValue, cudaMemset2D(A.Ptr, A.Pitch, 0, 32, 5));
  EXPECT_API_ERROR(cudaErrorInvalidValue,
                   cudaMemset2DAsync(A.Ptr - 1, A.Pitch, 0, 32, 2, nullptr));
  // A host pointer given as device memory, and the reverse.
  EXPECT_API_ERROR(cudaErrorInvalidValue,
                   cudaMemcpy2D(Host.data(), 32, A.Ptr, A.Pitch, 32, 4,
                                cudaMemcpyHostToDevice));
  EXPECT_API_ERROR(cudaErrorInvalidValue, cudaMemset2D(Host.data(), 32, 0, 32, 4));
  // A dead stream.
  cudaStream_t Dead;
  ASSERT_EQ(cudaStreamCreate(&Dead), cudaSuccess);
  ASSERT_EQ(cudaStreamDestroy(Dead), cudaSuccess);
  EXPECT_API_ERROR(cudaErrorInvalidResourceHandle,
                   cudaMemset2DAsync(A.Ptr, A.Pitch, 0, 32, 4, Dead));
  // Nothing above wrote a byte on either side.
  EXPECT_TRUE(A.matches());
  EXPECT_TRUE(sameBytes(HostBefore, Host));
}

//===----------------------------------------------------------------------===//
// cudaMemcpy3D / cudaMemset3D
//===----------------------------------------------------------------------===//

/// A cudaMalloc3D allocation, sentinel-filled, with its host model.
struct Pitched3D {
  cudaPitchedPtr P{};
  cudaExtent E;
  Bytes Model;
  Pitched3D(size_t W, size_t H, size_t D, unsigned char Sentinel) : E(make_cudaExtent(W, H, D)) {
    EXPECT_EQ(cudaMalloc3D(&P, E), cudaSuccess);
    EXPECT_EQ(cudaMemset(P.ptr, Sentinel, bytes()), cudaSuccess);
    Model.assign(bytes(), Sentinel);
  }
  ~Pitched3D() { cudaFree(P.ptr); }
  size_t slice() const { return P.pitch * E.height; }
  size_t bytes() const { return slice() * E.depth; }
  Side at(size_t X, size_t Y, size_t Z) const {
    return {Z * slice() + Y * P.pitch + X, P.pitch, slice()};
  }
  ::testing::AssertionResult matches() const { return sameBytes(Model, readBack(P.ptr, bytes())); }
};

cudaMemcpy3DParms parms(cudaPitchedPtr Dst, cudaPos DPos, cudaPitchedPtr Src, cudaPos SPos,
                        cudaExtent E, cudaMemcpyKind K) {
  cudaMemcpy3DParms M;
  std::memset(&M, 0, sizeof(M));
  M.dstPtr = Dst;
  M.dstPos = DPos;
  M.srcPtr = Src;
  M.srcPos = SPos;
  M.extent = E;
  M.kind = K;
  return M;
}

TEST(PitchedMemory, Memcpy3DSubBoxesEveryKind) {
  REQUIRE_DEVICE();
  Pitched3D A(37, 6, 4, 0x12), B(50, 7, 5, 0x34);
  // Host volume 41 x 6 x 4, its pitch not the device's.
  const size_t HW = 41, HH = 6, HD = 4;
  Bytes Host = pattern(HW * HH * HD, 5);
  cudaPitchedPtr HostP = make_cudaPitchedPtr(Host.data(), HW, HW, HH);

  // HostToDevice: the whole 37x6x4 box.
  cudaMemcpy3DParms M = parms(A.P, make_cudaPos(0, 0, 0), HostP, make_cudaPos(2, 0, 0),
                              A.E, cudaMemcpyHostToDevice);
  ASSERT_EQ(cudaMemcpy3D(&M), cudaSuccess);
  modelCopy(A.Model, A.at(0, 0, 0), Host, {2, HW, HW * HH}, {37, 6, 4});
  EXPECT_TRUE(A.matches());

  // DeviceToDevice: a 20x3x2 box from A (1,2,1) to B (9,4,2).
  M = parms(B.P, make_cudaPos(9, 4, 2), A.P, make_cudaPos(1, 2, 1),
            make_cudaExtent(20, 3, 2), cudaMemcpyDeviceToDevice);
  ASSERT_EQ(cudaMemcpy3D(&M), cudaSuccess);
  modelCopy(B.Model, B.at(9, 4, 2), A.Model, A.at(1, 2, 1), {20, 3, 2});
  EXPECT_TRUE(B.matches());

  // DeviceToHost into a padded host volume; then HostToHost and Default.
  const size_t OW = 30, OH = 5, OD = 3;
  Bytes Out(OW * OH * OD, 0x56), OutModel(OW * OH * OD, 0x56);
  cudaPitchedPtr OutP = make_cudaPitchedPtr(Out.data(), OW, OW, OH);
  M = parms(OutP, make_cudaPos(3, 1, 1), B.P, make_cudaPos(8, 3, 2), make_cudaExtent(22, 4, 2),
            cudaMemcpyDeviceToHost);
  ASSERT_EQ(cudaMemcpy3D(&M), cudaSuccess);
  modelCopy(OutModel, {1 * OW * OH + 1 * OW + 3, OW, OW * OH}, B.Model, B.at(8, 3, 2),
            {22, 4, 2});
  EXPECT_TRUE(sameBytes(OutModel, Out));

  Bytes HH2(OW * OH * OD, 0x78), HH2Model(OW * OH * OD, 0x78);
  cudaPitchedPtr HH2P = make_cudaPitchedPtr(HH2.data(), OW, OW, OH);
  M = parms(HH2P, make_cudaPos(0, 0, 0), OutP, make_cudaPos(1, 1, 0), make_cudaExtent(29, 4, 3),
            cudaMemcpyHostToHost);
  ASSERT_EQ(cudaMemcpy3D(&M), cudaSuccess);
  modelCopy(HH2Model, {0, OW, OW * OH}, OutModel, {OW + 1, OW, OW * OH}, {29, 4, 3});
  EXPECT_TRUE(sameBytes(HH2Model, HH2));

  M = parms(A.P, make_cudaPos(5, 0, 3), HH2P, make_cudaPos(0, 0, 0), make_cudaExtent(29, 5, 1),
            cudaMemcpyDefault);
  ASSERT_EQ(cudaMemcpy3D(&M), cudaSuccess);
  modelCopy(A.Model, A.at(5, 0, 3), HH2Model, {0, OW, OW * OH}, {29, 5, 1});
  EXPECT_TRUE(A.matches());

  // Dense on both sides: one contiguous run.
  Bytes Dense = pattern(A.bytes(), 77);
  cudaPitchedPtr DenseP = make_cudaPitchedPtr(Dense.data(), A.P.pitch, A.P.pitch, 6);
  M = parms(A.P, make_cudaPos(0, 0, 0), DenseP, make_cudaPos(0, 0, 0),
            make_cudaExtent(A.P.pitch, 6, 4), cudaMemcpyHostToDevice);
  ASSERT_EQ(cudaMemcpy3D(&M), cudaSuccess);
  EXPECT_TRUE(sameBytes(Dense, readBack(A.P.ptr, A.bytes())));
}

TEST(PitchedMemory, Memcpy3DAsyncAndMemset3D) {
  REQUIRE_DEVICE();
  Pitched3D A(24, 5, 3, 0x0F);
  cudaStream_t S;
  ASSERT_EQ(cudaStreamCreateWithFlags(&S, cudaStreamNonBlocking), cudaSuccess);
  ASSERT_EQ(cudaMemset3DAsync(A.P, 0x2B, make_cudaExtent(24, 5, 3), S), cudaSuccess);
  Bytes Src = pattern(10 * 2 * 2, 9);
  cudaPitchedPtr SrcP = make_cudaPitchedPtr(Src.data(), 10, 10, 2);
  cudaMemcpy3DParms M = parms(A.P, make_cudaPos(4, 3, 1), SrcP, make_cudaPos(0, 0, 0),
                              make_cudaExtent(10, 2, 2), cudaMemcpyHostToDevice);
  ASSERT_EQ(cudaMemcpy3DAsync(&M, S), cudaSuccess);
  const Bytes SrcCopy = Src;
  std::memset(Src.data(), 0, Src.size()); // Pageable: already staged.
  // A memset of a sub-box through a pitched pointer offset into the volume.
  cudaPitchedPtr Inner = A.P;
  Inner.ptr = (char *)A.P.ptr + 1 * A.slice() + 1 * A.P.pitch + 2;
  ASSERT_EQ(cudaMemset3DAsync(Inner, 0x6A, make_cudaExtent(3, 2, 2), S), cudaSuccess);
  ASSERT_EQ(cudaStreamSynchronize(S), cudaSuccess);
  modelFill(A.Model, A.at(0, 0, 0), 0x2B, {24, 5, 3});
  modelCopy(A.Model, A.at(4, 3, 1), SrcCopy, {0, 10, 20}, {10, 2, 2});
  modelFill(A.Model, A.at(2, 1, 1), 0x6A, {3, 2, 2});
  EXPECT_TRUE(A.matches());

  // Blocking cudaMemset3D, ysize smaller than the allocation's rows.
  cudaPitchedPtr Short = A.P;
  Short.ysize = 2;
  ASSERT_EQ(cudaMemset3D(Short, 0x7C, make_cudaExtent(5, 2, 3)), cudaSuccess);
  modelFill(A.Model, {0, A.P.pitch, A.P.pitch * 2}, 0x7C, {5, 2, 3});
  EXPECT_TRUE(A.matches());
  EXPECT_EQ(cudaStreamDestroy(S), cudaSuccess);
}

TEST(PitchedMemory, ThreeDErrorsAsCudaReportsThem) {
  REQUIRE_DEVICE();
  Pitched3D A(16, 4, 3, 0x44);
  Bytes Host(16 * 4 * 3, 0x55);
  cudaPitchedPtr HostP = make_cudaPitchedPtr(Host.data(), 16, 16, 4);
  const cudaExtent E = make_cudaExtent(16, 4, 3);
  auto Copy = [&](cudaMemcpy3DParms M) { return cudaMemcpy3D(&M); };
  auto H2D = [&](cudaPos DPos, cudaExtent Ext) {
    return parms(A.P, DPos, HostP, make_cudaPos(0, 0, 0), Ext, cudaMemcpyHostToDevice);
  };

  EXPECT_API_ERROR(cudaErrorInvalidValue, cudaMemcpy3D(nullptr));
  EXPECT_API_ERROR(cudaErrorInvalidValue, cudaMemcpy3DAsync(nullptr, nullptr));
  cudaMemcpy3DParms M = H2D(make_cudaPos(0, 0, 0), E);
  M.kind = (cudaMemcpyKind)9;
  EXPECT_API_ERROR(cudaErrorInvalidMemcpyDirection, Copy(M));
  // Zero extents succeed.
  EXPECT_EQ(Copy(H2D(make_cudaPos(0, 0, 0), make_cudaExtent(0, 4, 3))), cudaSuccess);
  EXPECT_EQ(Copy(H2D(make_cudaPos(0, 0, 0), make_cudaExtent(16, 4, 0))), cudaSuccess);
  EXPECT_EQ(cudaMemset3D(A.P, 0, make_cudaExtent(16, 0, 3)), cudaSuccess);
  // Array and pointer for one side, or neither: CUDA's invalid value. An
  // array alone: cuport has no CUDA arrays.
  M = H2D(make_cudaPos(0, 0, 0), E);
  M.dstArray = reinterpret_cast<cudaArray_t>(&Host);
  EXPECT_API_ERROR(cudaErrorInvalidValue, Copy(M));
  M.dstPtr.ptr = nullptr;
  EXPECT_API_ERROR(cudaErrorNotSupported, Copy(M));
  M = H2D(make_cudaPos(0, 0, 0), E);
  M.srcPtr.ptr = nullptr;
  EXPECT_API_ERROR(cudaErrorInvalidValue, Copy(M));
  // Width over a pitch; a row running past its pitch from srcPos/dstPos.x;
  // with several slices, rows running past ysize.
  EXPECT_API_ERROR(cudaErrorInvalidPitchValue,
                   Copy(H2D(make_cudaPos(0, 0, 0), make_cudaExtent(A.P.pitch + 1, 1, 1))));
  EXPECT_API_ERROR(cudaErrorInvalidValue,
                   Copy(H2D(make_cudaPos(A.P.pitch - 15, 0, 0), make_cudaExtent(16, 1, 1))));
  EXPECT_API_ERROR(cudaErrorInvalidValue, Copy(H2D(make_cudaPos(0, 1, 0), E)));
  // Past the last slice of the allocation.
  EXPECT_API_ERROR(cudaErrorInvalidValue, Copy(H2D(make_cudaPos(0, 0, 1), E)));
  EXPECT_API_ERROR(cudaErrorInvalidValue,
                   Copy(H2D(make_cudaPos(0, 0, 0), make_cudaExtent(16, 4, 4))));
  // cudaMemset3D: null, width over pitch, past the end.
  cudaPitchedPtr Null = A.P;
  Null.ptr = nullptr;
  EXPECT_API_ERROR(cudaErrorInvalidValue, cudaMemset3D(Null, 0, E));
  EXPECT_API_ERROR(cudaErrorInvalidValue,
                   cudaMemset3D(A.P, 0, make_cudaExtent(A.P.pitch + 1, 2, 1)));
  EXPECT_API_ERROR(cudaErrorInvalidValue, cudaMemset3D(A.P, 0, make_cudaExtent(16, 4, 4)));
  EXPECT_API_ERROR(cudaErrorInvalidValue,
                   cudaMemset3DAsync(A.P, 0, make_cudaExtent(16, 5, 3), nullptr));
  EXPECT_TRUE(A.matches());
}

//===----------------------------------------------------------------------===//
// Peer access and peer copies
//===----------------------------------------------------------------------===//

TEST(PeerMemory, AccessAnswersAsCudaDoes) {
  REQUIRE_DEVICE();
  int N = 0;
  ASSERT_EQ(cudaGetDeviceCount(&N), cudaSuccess);
  int Can = -1;
  ASSERT_EQ(cudaDeviceCanAccessPeer(&Can, 0, 0), cudaSuccess);
  EXPECT_EQ(Can, 0); // Never for the device itself.
  for (int D = 1; D < N; ++D) {
    Can = -1;
    ASSERT_EQ(cudaDeviceCanAccessPeer(&Can, 0, D), cudaSuccess);
    EXPECT_EQ(Can, 0); // Devices of a target have separate contexts.
    EXPECT_API_ERROR(cudaErrorPeerAccessUnsupported, cudaDeviceEnablePeerAccess(D, 0));
    EXPECT_API_ERROR(cudaErrorPeerAccessNotEnabled, cudaDeviceDisablePeerAccess(D));
  }
  EXPECT_API_ERROR(cudaErrorInvalidValue, cudaDeviceCanAccessPeer(nullptr, 0, 0));
  EXPECT_API_ERROR(cudaErrorInvalidDevice, cudaDeviceCanAccessPeer(&Can, N, 0));
  EXPECT_API_ERROR(cudaErrorInvalidDevice, cudaDeviceCanAccessPeer(&Can, 0, N));
  EXPECT_API_ERROR(cudaErrorInvalidDevice, cudaDeviceCanAccessPeer(&Can, -1, 0));
  EXPECT_API_ERROR(cudaErrorInvalidDevice, cudaDeviceEnablePeerAccess(0, 0));
  EXPECT_API_ERROR(cudaErrorInvalidDevice, cudaDeviceEnablePeerAccess(N, 0));
  EXPECT_API_ERROR(cudaErrorInvalidDevice, cudaDeviceEnablePeerAccess(-1, 0));
  EXPECT_API_ERROR(cudaErrorInvalidDevice, cudaDeviceDisablePeerAccess(0));
  EXPECT_API_ERROR(cudaErrorInvalidDevice, cudaDeviceDisablePeerAccess(N));
}

TEST(PeerMemory, CopyOnOneDeviceIsADeviceToDeviceCopy) {
  REQUIRE_DEVICE();
  int N = 0;
  ASSERT_EQ(cudaGetDeviceCount(&N), cudaSuccess);
  const size_t Size = 3000;
  unsigned char *A = nullptr, *B = nullptr;
  ASSERT_EQ(cudaMalloc((void **)&A, Size), cudaSuccess);
  ASSERT_EQ(cudaMalloc((void **)&B, Size), cudaSuccess);
  Bytes Src = pattern(Size, 4), Model(Size, 0x3E);
  ASSERT_EQ(cudaMemcpy(A, Src.data(), Size, cudaMemcpyHostToDevice), cudaSuccess);
  ASSERT_EQ(cudaMemset(B, 0x3E, Size), cudaSuccess);

  ASSERT_EQ(cudaMemcpyPeer(B + 10, 0, A + 20, 0, 1000), cudaSuccess);
  std::memcpy(Model.data() + 10, Src.data() + 20, 1000);
  EXPECT_TRUE(sameBytes(Model, readBack(B, Size)));

  cudaStream_t S;
  ASSERT_EQ(cudaStreamCreate(&S), cudaSuccess);
  ASSERT_EQ(cudaMemsetAsync(A, 0x19, 500, S), cudaSuccess);
  ASSERT_EQ(cudaMemcpyPeerAsync(B + 2000, 0, A, 0, 1000, S), cudaSuccess);
  ASSERT_EQ(cudaStreamSynchronize(S), cudaSuccess);
  std::memset(Model.data() + 2000, 0x19, 500);
  std::memcpy(Model.data() + 2500, Src.data() + 500, 500);
  EXPECT_TRUE(sameBytes(Model, readBack(B, Size)));

  EXPECT_EQ(cudaMemcpyPeer(B, 0, A, 0, 0), cudaSuccess);
  EXPECT_EQ(cudaMemcpyPeer(nullptr, 0, nullptr, 0, 0), cudaSuccess);
  EXPECT_API_ERROR(cudaErrorInvalidDevice, cudaMemcpyPeer(B, N, A, 0, 16));
  EXPECT_API_ERROR(cudaErrorInvalidDevice, cudaMemcpyPeer(B, 0, A, -1, 16));
  EXPECT_API_ERROR(cudaErrorInvalidDevice, cudaMemcpyPeerAsync(B, 0, A, N, 16, S));
  EXPECT_API_ERROR(cudaErrorInvalidValue, cudaMemcpyPeer(nullptr, 0, A, 0, 16));
  EXPECT_API_ERROR(cudaErrorInvalidValue, cudaMemcpyPeer(B, 0, A, 0, Size + 1));
  EXPECT_API_ERROR(cudaErrorInvalidValue, cudaMemcpyPeer(B, 0, Src.data(), 0, 16));
  EXPECT_API_ERROR(cudaErrorInvalidValue, cudaMemcpyPeer(Src.data(), 0, A, 0, 16));
  EXPECT_TRUE(sameBytes(Model, readBack(B, Size)));

  EXPECT_EQ(cudaStreamDestroy(S), cudaSuccess);
  EXPECT_EQ(cudaFree(A), cudaSuccess);
  EXPECT_EQ(cudaFree(B), cudaSuccess);
}


cudaMemcpy3DPeerParms peerParms(cudaPitchedPtr Dst, cudaPos DPos, int DstDevice,
                                cudaPitchedPtr Src, cudaPos SPos, int SrcDevice,
                                cudaExtent E) {
  cudaMemcpy3DPeerParms M;
  std::memset(&M, 0, sizeof(M));
  M.dstPtr = Dst;
  M.dstPos = DPos;
  M.dstDevice = DstDevice;
  M.srcPtr = Src;
  M.srcPos = SPos;
  M.srcDevice = SrcDevice;
  M.extent = E;
  return M;
}

TEST(PeerMemory, Memcpy3DPeerOnOneDevice) {
  REQUIRE_DEVICE();
  int N = 0;
  ASSERT_EQ(cudaGetDeviceCount(&N), cudaSuccess);
  Pitched3D A(30, 4, 3, 0x21), B(40, 5, 3, 0x43);
  Bytes Src = pattern(A.bytes(), 12);
  ASSERT_EQ(cudaMemcpy(A.P.ptr, Src.data(), A.bytes(), cudaMemcpyHostToDevice), cudaSuccess);
  A.Model = Src;
  cudaMemcpy3DPeerParms M = peerParms(B.P, make_cudaPos(6, 1, 1), 0, A.P, make_cudaPos(2, 0, 0),
                                      0, make_cudaExtent(25, 4, 2));
  ASSERT_EQ(cudaMemcpy3DPeer(&M), cudaSuccess);
  modelCopy(B.Model, B.at(6, 1, 1), A.Model, A.at(2, 0, 0), {25, 4, 2});
  EXPECT_TRUE(B.matches());
  cudaStream_t S;
  ASSERT_EQ(cudaStreamCreate(&S), cudaSuccess);
  ASSERT_EQ(cudaMemset3DAsync(A.P, 0x5D, make_cudaExtent(30, 4, 1), S), cudaSuccess);
  M = peerParms(B.P, make_cudaPos(0, 0, 0), 0, A.P, make_cudaPos(0, 0, 0), 0,
                make_cudaExtent(30, 4, 3));
  ASSERT_EQ(cudaMemcpy3DPeerAsync(&M, S), cudaSuccess);
  ASSERT_EQ(cudaStreamSynchronize(S), cudaSuccess);
  modelFill(A.Model, A.at(0, 0, 0), 0x5D, {30, 4, 1});
  modelCopy(B.Model, B.at(0, 0, 0), A.Model, A.at(0, 0, 0), {30, 4, 3});
  EXPECT_TRUE(B.matches());

  EXPECT_API_ERROR(cudaErrorInvalidValue, cudaMemcpy3DPeer(nullptr));
  cudaMemcpy3DPeerParms Bad = M;
  Bad.dstDevice = N;
  EXPECT_API_ERROR(cudaErrorInvalidDevice, cudaMemcpy3DPeer(&Bad));
  Bad = M;
  Bad.srcDevice = -1;
  EXPECT_API_ERROR(cudaErrorInvalidDevice, cudaMemcpy3DPeerAsync(&Bad, S));
  Bad = M;
  Bad.srcPtr = make_cudaPitchedPtr(Src.data(), 30, 30, 4); // Host memory.
  EXPECT_API_ERROR(cudaErrorInvalidValue, cudaMemcpy3DPeer(&Bad));
  Bad = M;
  Bad.extent.depth = 4; // Past both volumes.
  EXPECT_API_ERROR(cudaErrorInvalidValue, cudaMemcpy3DPeer(&Bad));
  Bad = M;
  Bad.srcArray = reinterpret_cast<cudaArray_t>(&Src);
  Bad.srcPtr.ptr = nullptr;
  EXPECT_API_ERROR(cudaErrorNotSupported, cudaMemcpy3DPeer(&Bad));
  Bad.extent = make_cudaExtent(0, 0, 0);
  Bad.srcArray = nullptr;
  EXPECT_API_ERROR(cudaErrorInvalidValue, cudaMemcpy3DPeer(&Bad)); // Neither.
  EXPECT_TRUE(B.matches());
  EXPECT_EQ(cudaStreamDestroy(S), cudaSuccess);
}

/// Runs in a child with two PoCL devices: peer copies, and 2D/3D copies,
/// between allocations of different devices (staged through the host).
TEST(Child, DISABLED_TwoDevices) {
  int N = 0;
  ASSERT_EQ(cudaGetDeviceCount(&N), cudaSuccess);
  if (N < 2)
    GTEST_SKIP() << "one device only";
  int Can = -1;
  ASSERT_EQ(cudaDeviceCanAccessPeer(&Can, 0, 1), cudaSuccess);
  EXPECT_EQ(Can, 0);
  ASSERT_EQ(cudaSetDevice(1), cudaSuccess);
  EXPECT_API_ERROR(cudaErrorPeerAccessUnsupported, cudaDeviceEnablePeerAccess(0, 0));
  EXPECT_API_ERROR(cudaErrorInvalidDevice, cudaDeviceEnablePeerAccess(1, 0));
  EXPECT_API_ERROR(cudaErrorPeerAccessNotEnabled, cudaDeviceDisablePeerAccess(0));

  const size_t Size = 5000;
  unsigned char *A = nullptr, *B = nullptr;
  ASSERT_EQ(cudaSetDevice(0), cudaSuccess);
  ASSERT_EQ(cudaMalloc((void **)&A, Size), cudaSuccess);
  ASSERT_EQ(cudaSetDevice(1), cudaSuccess);
  ASSERT_EQ(cudaMalloc((void **)&B, Size), cudaSuccess);
  Bytes Src = pattern(Size, 21), ModelB(Size, 0x2F);
  ASSERT_EQ(cudaMemcpy(A, Src.data(), Size, cudaMemcpyHostToDevice), cudaSuccess);
  ASSERT_EQ(cudaMemset(B, 0x2F, Size), cudaSuccess);
  ASSERT_EQ(cudaMemcpyPeer(B + 100, 1, A + 7, 0, 3000), cudaSuccess);
  std::memcpy(ModelB.data() + 100, Src.data() + 7, 3000);
  EXPECT_TRUE(sameBytes(ModelB, readBack(B, Size)));
  // Each pointer must belong to the device named for it.
  EXPECT_API_ERROR(cudaErrorInvalidValue, cudaMemcpyPeer(B, 0, A, 0, 16));
  EXPECT_API_ERROR(cudaErrorInvalidValue, cudaMemcpyPeer(B, 1, A, 1, 16));
  // Async, on a stream of device 1, behind a memset of B on it.
  cudaStream_t S;
  ASSERT_EQ(cudaStreamCreate(&S), cudaSuccess);
  Bytes ModelA = Src;
  ASSERT_EQ(cudaMemsetAsync(B, 0x61, 64, S), cudaSuccess);
  ASSERT_EQ(cudaMemcpyPeerAsync(A + 1000, 0, B, 1, 200, S), cudaSuccess);
  ASSERT_EQ(cudaStreamSynchronize(S), cudaSuccess);
  std::memset(ModelB.data(), 0x61, 64);
  std::memcpy(ModelA.data() + 1000, ModelB.data(), 200);
  EXPECT_TRUE(sameBytes(ModelA, readBack(A, Size)));

  // cudaMemcpy2D and cudaMemcpy3D from device 0's pitched memory to device 1's.
  ASSERT_EQ(cudaSetDevice(0), cudaSuccess);
  Pitched P0(50, 6, 0x0A);
  ASSERT_EQ(cudaMemcpy2D(P0.Ptr, P0.Pitch, Src.data(), 50, 50, 6, cudaMemcpyHostToDevice),
            cudaSuccess);
  modelCopy(P0.Model, {0, P0.Pitch, 0}, Src, {0, 50, 0}, {50, 6, 1});
  ASSERT_EQ(cudaSetDevice(1), cudaSuccess);
  Pitched P1(70, 6, 0x0B);
  ASSERT_EQ(cudaMemcpy2D(P1.Ptr + 3, P1.Pitch, P0.Ptr, P0.Pitch, 50, 6,
                         cudaMemcpyDeviceToDevice),
            cudaSuccess);
  modelCopy(P1.Model, {3, P1.Pitch, 0}, P0.Model, {0, P0.Pitch, 0}, {50, 6, 1});
  EXPECT_TRUE(P1.matches());
  cudaMemcpy3DParms M;
  std::memset(&M, 0, sizeof(M));
  M.srcPtr = make_cudaPitchedPtr(P1.Ptr, P1.Pitch, 70, 3);
  M.dstPtr = make_cudaPitchedPtr(P0.Ptr, P0.Pitch, 50, 3);
  M.srcPos = make_cudaPos(5, 1, 0);
  M.extent = make_cudaExtent(40, 2, 2);
  M.kind = cudaMemcpyDefault;
  ASSERT_EQ(cudaMemcpy3D(&M), cudaSuccess);
  modelCopy(P0.Model, {0, P0.Pitch, P0.Pitch * 3}, P1.Model, {P1.Pitch + 5, P1.Pitch, P1.Pitch * 3},
            {40, 2, 2});
  EXPECT_TRUE(P0.matches());
  // cudaMemcpy3DPeer from device 1 to device 0, and with the devices swapped.
  cudaMemcpy3DPeerParms PM =
      peerParms(make_cudaPitchedPtr(P0.Ptr, P0.Pitch, 50, 6), make_cudaPos(10, 0, 0), 0,
                make_cudaPitchedPtr(P1.Ptr, P1.Pitch, 70, 6), make_cudaPos(0, 2, 0), 1,
                make_cudaExtent(30, 4, 1));
  ASSERT_EQ(cudaMemcpy3DPeerAsync(&PM, S), cudaSuccess);
  modelCopy(P0.Model, {10, P0.Pitch, 0}, P1.Model, {2 * P1.Pitch, P1.Pitch, 0}, {30, 4, 1});
  EXPECT_TRUE(P0.matches());
  std::swap(PM.srcDevice, PM.dstDevice);
  EXPECT_API_ERROR(cudaErrorInvalidValue, cudaMemcpy3DPeer(&PM));
  EXPECT_TRUE(P0.matches());

  EXPECT_EQ(cudaStreamDestroy(S), cudaSuccess);
  EXPECT_EQ(cudaFree(A), cudaSuccess);
  EXPECT_EQ(cudaFree(B), cudaSuccess);
}

TEST(PeerMemory, CopiesBetweenTwoDevices) {
  REQUIRE_DEVICE();
  const char *Target = cuportGetTargetName();
  cudaDeviceProp P;
  ASSERT_EQ(cudaGetDeviceProperties(&P, 0), cudaSuccess);
  if (!Target || std::string(Target) != "opencl" || !std::strstr(P.name, "pthread"))
    GTEST_SKIP() << "two devices come from PoCL's POCL_DEVICES";
  cuport::test::Child C = cuport::test::runChild(
      "TwoDevices", {{"POCL_DEVICES", "pthread pthread"}, {"CUPORT_TARGET", "opencl"}});
  if (C.Output.find("one device only") != std::string::npos)
    GTEST_SKIP() << "PoCL gave one device";
  EXPECT_TRUE(C.passed()) << C.Output;
}

} // namespace
