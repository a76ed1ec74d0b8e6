// All-pairs gravitational accelerations, OpenMP baseline of nbody.cu; built
// with -ffast-math as nbody.cu is built with --use_fast_math. Pos holds
// (x, y, z, mass) per body, Acc (ax, ay, az, 0).
#include "omp.h"

#include <cmath>

void nbody_omp(const float *Pos, float *Acc, int N, float Soft2) {
#pragma omp parallel for schedule(static)
  for (int I = 0; I < N; ++I) {
    float XI = Pos[4 * I], YI = Pos[4 * I + 1], ZI = Pos[4 * I + 2];
    float AX = 0.0f, AY = 0.0f, AZ = 0.0f;
#pragma omp simd reduction(+ : AX, AY, AZ)
    for (int J = 0; J < N; ++J) {
      float DX = Pos[4 * J] - XI, DY = Pos[4 * J + 1] - YI, DZ = Pos[4 * J + 2] - ZI;
      float D2 = DX * DX + DY * DY + DZ * DZ + Soft2;
      float Inv = 1.0f / std::sqrt(D2);
      float S = Pos[4 * J + 3] * Inv * Inv * Inv;
      AX += DX * S;
      AY += DY * S;
      AZ += DZ * S;
    }
    Acc[4 * I] = AX;
    Acc[4 * I + 1] = AY;
    Acc[4 * I + 2] = AZ;
    Acc[4 * I + 3] = 0.0f;
  }
}
