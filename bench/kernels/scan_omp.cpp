// Exclusive prefix sum of ints, OpenMP baseline of scan.cu: each thread sums
// its chunk, the chunk totals are scanned, then each thread scans its chunk
// from its offset (the CPU form of the block-scan / scan-sums / add-offsets
// algorithm).
#include "omp.h"

#include <omp.h>
#include <vector>

void scan_omp(const int *In, int *Out, long N) {
  std::vector<int> Offsets(omp_get_max_threads() + 1, 0);
#pragma omp parallel
  {
    int T = omp_get_thread_num(), NT = omp_get_num_threads();
    long Begin = N * T / NT, End = N * (T + 1) / NT;
    int Sum = 0;
#pragma omp simd reduction(+ : Sum)
    for (long I = Begin; I < End; ++I)
      Sum += In[I];
    Offsets[T + 1] = Sum;
#pragma omp barrier
#pragma omp single
    for (int K = 1; K <= NT; ++K)
      Offsets[K] += Offsets[K - 1];
    int Run = Offsets[T];
    for (long I = Begin; I < End; ++I) {
      Out[I] = Run;
      Run += In[I];
    }
  }
}
