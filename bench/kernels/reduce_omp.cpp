// Float sum, OpenMP baseline of reduce.cu: OpenMP's own reduction, with simd
// so that g++ may reassociate (and vectorize) it as the CUDA tree does.
#include "omp.h"

float reduce_omp(const float *X, long N) {
  float S = 0.0f;
#pragma omp parallel for simd reduction(+ : S) schedule(static)
  for (long I = 0; I < N; ++I)
    S += X[I];
  return S;
}
