// STREAM triad, OpenMP baseline of triad.cu.
#include "omp.h"

void triad_omp(double *A, const double *B, const double *C, double S, long N) {
#pragma omp parallel for simd schedule(static)
  for (long I = 0; I < N; ++I)
    A[I] = B[I] + S * C[I];
}
