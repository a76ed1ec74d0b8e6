// bench/copy.cu - cudaMemcpy bandwidth against host memcpy of the same size.
// H2D and D2H from pageable (malloc) and pinned (cudaMallocHost) host memory,
// and D2D; each size is copied Count times per repetition so that a
// repetition lasts long enough to time. The baseline copies between two
// ordinary, already-touched host buffers. After timing, every kind copies a
// known pattern and the destination is compared with it.
//   --size: the largest size in bytes (the sizes are 4 KiB, 1 MiB and this).
#include <cuda_runtime.h>

#include "common.h"

namespace {

struct Buffers {
  char *Pageable, *Pinned, *Dev1, *Dev2, *HostA, *HostB;
};

double cudaCopy(void *Dst, const void *Src, size_t Bytes, cudaMemcpyKind Kind,
                int Count) {
  double T0 = bench::now();
  for (int I = 0; I < Count; ++I)
    BENCH_CHECK(cudaMemcpy(Dst, Src, Bytes, Kind));
  return (bench::now() - T0) / Count;
}

double hostCopy(void *Dst, const void *Src, size_t Bytes, int Count) {
  double T0 = bench::now();
  for (int I = 0; I < Count; ++I) {
    std::memcpy(Dst, Src, Bytes);
    // Keep the compiler from dropping or merging the copies.
    asm volatile("" : : "r"(Dst) : "memory");
  }
  return (bench::now() - T0) / Count;
}

/// Copies a fresh pattern Src -> Dst with Kind and checks it arrived: host
/// sides are checked directly, device sides through a D2H into HostB.
bool verify(const Buffers &B, char *Dst, char *Src, size_t Bytes, cudaMemcpyKind Kind,
            int Seed) {
  std::vector<char> Want(Bytes);
  for (size_t I = 0; I < Bytes; ++I)
    Want[I] = char((I * 131 + Seed) >> 3);
  if (Kind == cudaMemcpyHostToDevice)
    std::memcpy(Src, Want.data(), Bytes);
  else
    BENCH_CHECK(cudaMemcpy(Src, Want.data(), Bytes, cudaMemcpyHostToDevice));
  BENCH_CHECK(cudaMemcpy(Dst, Src, Bytes, Kind));
  const char *Got = Dst;
  if (Kind != cudaMemcpyDeviceToHost) {
    BENCH_CHECK(cudaMemcpy(B.HostB, Dst, Bytes, cudaMemcpyDeviceToHost));
    Got = B.HostB;
  }
  bool Ok = std::memcmp(Got, Want.data(), Bytes) == 0;
  if (!Ok)
    std::fprintf(stderr, "copy: %zu bytes of kind %d did not arrive intact\n", Bytes,
                 int(Kind));
  return Ok;
}

} // namespace

int main(int argc, char **argv) {
  bench::Options O = bench::Options::parse(argc, argv, 256 << 20);
  const size_t Max = size_t(O.Size);
  Buffers B;
  B.Pageable = static_cast<char *>(std::malloc(Max));
  B.HostA = static_cast<char *>(std::malloc(Max));
  B.HostB = static_cast<char *>(std::malloc(Max));
  BENCH_CHECK(cudaMallocHost(&B.Pinned, Max));
  BENCH_CHECK(cudaMalloc(&B.Dev1, Max));
  BENCH_CHECK(cudaMalloc(&B.Dev2, Max));
  if (!B.Pageable || !B.HostA || !B.HostB)
    return 2;
  // Touch everything once so no page fault lands inside a timed copy.
  for (char *P : {B.Pageable, B.HostA, B.HostB, B.Pinned})
    std::memset(P, 1, Max);
  BENCH_CHECK(cudaMemset(B.Dev1, 1, Max));
  BENCH_CHECK(cudaMemset(B.Dev2, 1, Max));

  std::vector<size_t> Sizes;
  for (size_t Bytes : {size_t(4) << 10, size_t(1) << 20, Max})
    if (Bytes <= Max && (Sizes.empty() || Bytes > Sizes.back()))
      Sizes.push_back(Bytes);
  bool AllOk = true;
  for (size_t Bytes : Sizes) {
    // About 64 MiB (and at least 2 copies) per repetition.
    int Count = int(std::max<size_t>(2, std::min<size_t>(4000, (64u << 20) / Bytes)));
    struct Case {
      const char *Name;
      char *Dst, *Src;
      cudaMemcpyKind Kind;
    } Cases[] = {
        {"H2D pageable", B.Dev1, B.Pageable, cudaMemcpyHostToDevice},
        {"H2D pinned", B.Dev1, B.Pinned, cudaMemcpyHostToDevice},
        {"D2H pageable", B.Pageable, B.Dev1, cudaMemcpyDeviceToHost},
        {"D2H pinned", B.Pinned, B.Dev1, cudaMemcpyDeviceToHost},
        {"D2D", B.Dev2, B.Dev1, cudaMemcpyDeviceToDevice},
    };
    for (const Case &C : Cases) {
      std::vector<double> TC, TH;
      bench::alternate(
          O, [&] { return cudaCopy(C.Dst, C.Src, Bytes, C.Kind, Count); },
          [&] { return hostCopy(B.HostB, B.HostA, Bytes, Count); }, TC, TH);
      bool Ok = verify(B, C.Dst, C.Src, Bytes, C.Kind, int(Bytes % 251) + int(C.Kind));
      AllOk = AllOk && Ok;
      char Extra[64];
      std::snprintf(Extra, sizeof(Extra), ", \"bytes\": %zu", Bytes);
      bench::emit("copy", C.Name, TC, TH, double(Bytes), Ok, Extra);
    }
  }
  return AllOk ? 0 : 1;
}
