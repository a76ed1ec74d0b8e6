// 256-bin byte histogram, OpenMP baseline of histogram.cu: a private
// histogram per thread (OpenMP's array reduction), merged at the end.
#include "omp.h"

void histogram_omp(const unsigned char *Data, long N, unsigned *Bins) {
  for (int B = 0; B < 256; ++B)
    Bins[B] = 0;
#pragma omp parallel for reduction(+ : Bins[:256]) schedule(static)
  for (long I = 0; I < N; ++I)
    ++Bins[Data[I]];
}
