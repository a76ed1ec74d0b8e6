// C = A * B for row-major N x N floats, OpenMP baseline of sgemm.cu: the same
// tiling idea for a CPU cache (tiles of rows in parallel; k and j tiled so a
// tile of B stays in cache; the j loop vectorizes).
#include "omp.h"

void sgemm_omp(const float *A, const float *B, float *C, int N) {
  const int T = 64;
#pragma omp parallel for schedule(static)
  for (int II = 0; II < N; II += T) {
    int IE = II + T < N ? II + T : N;
    for (int I = II; I < IE; ++I)
      for (int J = 0; J < N; ++J)
        C[long(I) * N + J] = 0.0f;
    for (int KK = 0; KK < N; KK += T) {
      int KE = KK + T < N ? KK + T : N;
      for (int JJ = 0; JJ < N; JJ += 256) {
        int JE = JJ + 256 < N ? JJ + 256 : N;
        for (int I = II; I < IE; ++I)
          for (int K = KK; K < KE; ++K) {
            float Aik = A[long(I) * N + K];
            const float *Bk = B + long(K) * N;
            float *Ci = C + long(I) * N;
#pragma omp simd
            for (int J = JJ; J < JE; ++J)
              Ci[J] += Aik * Bk[J];
          }
      }
    }
  }
}
