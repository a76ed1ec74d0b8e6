// One 5-point Jacobi sweep on an NX x NY grid (borders copied), OpenMP
// baseline of stencil.cu.
#include "omp.h"

void stencil_omp(const float *In, float *Out, int NX, int NY) {
#pragma omp parallel for schedule(static)
  for (int Y = 0; Y < NY; ++Y) {
    const float *R = In + long(Y) * NX;
    float *O = Out + long(Y) * NX;
    if (Y == 0 || Y == NY - 1) {
      for (int X = 0; X < NX; ++X)
        O[X] = R[X];
      continue;
    }
    O[0] = R[0];
    O[NX - 1] = R[NX - 1];
#pragma omp simd
    for (int X = 1; X < NX - 1; ++X)
      O[X] = 0.2f * (R[X] + R[X - 1] + R[X + 1] + R[X - NX] + R[X + NX]);
  }
}
