// RUN: %cuport-cc -O2 %s -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: PASSED
//
// Single-precision math in device code, limited to sqrtf, fabsf, fminf,
// fmaxf and expf: an all-pairs gravitational step over 256 bodies (with
// softening, a speed-dependent expf damping and a clamp) checked against a
// double-precision host reference with a tolerance scaled to the sum of
// term magnitudes; and the individual functions on edge inputs (NaN
// handling of fminf/fmaxf, the sign of fabsf(-0.0f), sqrtf of perfect
// squares, expf(0)).
#include <cuda_runtime.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#define CUDA_CHECK(call)                                                      \
  do {                                                                        \
    cudaError_t err_ = (call);                                                \
    if (err_ != cudaSuccess) {                                                \
      printf("CUDA error %s at %s:%d: %s\n", cudaGetErrorName(err_), __FILE__, \
             __LINE__, #call);                                                \
      exit(1);                                                                \
    }                                                                         \
  } while (0)

struct Body {
  float x, y, z, mass;
  float vx, vy, vz, pad;
};

#define SOFTENING 0.01f
#define DT 0.01f
#define MAX_ACCEL 50.0f

__global__ void step(const Body *in, Body *out, float *accelMag, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n)
    return;
  Body b = in[i];
  float ax = 0.0f, ay = 0.0f, az = 0.0f;
  for (int j = 0; j < n; ++j) {
    float dx = in[j].x - b.x, dy = in[j].y - b.y, dz = in[j].z - b.z;
    float r2 = dx * dx + dy * dy + dz * dz + SOFTENING;
    float invR = 1.0f / sqrtf(r2);
    float s = in[j].mass * invR * invR * invR;
    ax += dx * s;
    ay += dy * s;
    az += dz * s;
  }
  // Clamp each component, then damp by speed.
  ax = fminf(fmaxf(ax, -MAX_ACCEL), MAX_ACCEL);
  ay = fminf(fmaxf(ay, -MAX_ACCEL), MAX_ACCEL);
  az = fminf(fmaxf(az, -MAX_ACCEL), MAX_ACCEL);
  float speed = sqrtf(b.vx * b.vx + b.vy * b.vy + b.vz * b.vz);
  float damp = expf(-0.5f * speed);
  b.vx = (b.vx + ax * DT) * damp;
  b.vy = (b.vy + ay * DT) * damp;
  b.vz = (b.vz + az * DT) * damp;
  b.x += b.vx * DT;
  b.y += b.vy * DT;
  b.z += b.vz * DT;
  out[i] = b;
  accelMag[i] = fabsf(ax) + fabsf(ay) + fabsf(az);
}

__global__ void mathEdges(const float *a, const float *b, float *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    out[5 * i + 0] = fminf(a[i], b[i]);
    out[5 * i + 1] = fmaxf(a[i], b[i]);
    out[5 * i + 2] = fabsf(a[i]);
    out[5 * i + 3] = sqrtf(fabsf(b[i]));
    out[5 * i + 4] = expf(a[i] == a[i] ? fminf(a[i], 20.0f) : 0.0f);
  }
}

static int Failures = 0;
static void expectClose(const char *what, int i, double got, double want, double tol) {
  if (!(fabs(got - want) <= tol)) {
    if (Failures < 10)
      printf("mismatch: %s[%d] = %.9g, want %.9g (tolerance %.3g)\n", what, i, got, want, tol);
    ++Failures;
  }
}

static bool sameBits(float a, float b) {
  unsigned ua, ub;
  memcpy(&ua, &a, 4);
  memcpy(&ub, &b, 4);
  return ua == ub;
}

int main() {
  const int n = 256;
  Body *bodies = (Body *)malloc(n * sizeof(Body));
  unsigned seed = 99;
  auto uniform = [&seed]() {
    seed = seed * 1664525u + 1013904223u;
    return (float)(seed >> 8) / 16777216.0f; // [0, 1)
  };
  for (int i = 0; i < n; ++i) {
    bodies[i].x = uniform() * 4.0f - 2.0f;
    bodies[i].y = uniform() * 4.0f - 2.0f;
    bodies[i].z = uniform() * 4.0f - 2.0f;
    bodies[i].mass = 0.001f + uniform() * 0.01f;
    bodies[i].vx = uniform() - 0.5f;
    bodies[i].vy = uniform() - 0.5f;
    bodies[i].vz = uniform() - 0.5f;
    bodies[i].pad = 0.0f;
  }
  Body *dIn, *dOut;
  float *dAccel;
  CUDA_CHECK(cudaMalloc(&dIn, n * sizeof(Body)));
  CUDA_CHECK(cudaMalloc(&dOut, n * sizeof(Body)));
  CUDA_CHECK(cudaMalloc(&dAccel, n * sizeof(float)));
  CUDA_CHECK(cudaMemcpy(dIn, bodies, n * sizeof(Body), cudaMemcpyHostToDevice));
  step<<<(n + 63) / 64, 64>>>(dIn, dOut, dAccel, n);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaDeviceSynchronize());
  Body *out = (Body *)malloc(n * sizeof(Body));
  float *accel = (float *)malloc(n * sizeof(float));
  CUDA_CHECK(cudaMemcpy(out, dOut, n * sizeof(Body), cudaMemcpyDeviceToHost));
  CUDA_CHECK(cudaMemcpy(accel, dAccel, n * sizeof(float), cudaMemcpyDeviceToHost));

  for (int i = 0; i < n; ++i) {
    const Body &b = bodies[i];
    double a[3] = {0, 0, 0}, mag[3] = {0, 0, 0};
    for (int j = 0; j < n; ++j) {
      double d[3] = {(double)bodies[j].x - b.x, (double)bodies[j].y - b.y,
                     (double)bodies[j].z - b.z};
      double r2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2] + (double)SOFTENING;
      double s = bodies[j].mass / (r2 * std::sqrt(r2));
      for (int k = 0; k < 3; ++k) {
        a[k] += d[k] * s;
        mag[k] += fabs(d[k] * s);
      }
    }
    double tol[3];
    for (int k = 0; k < 3; ++k) {
      tol[k] = 1e-5 * mag[k] + 1e-6;
      a[k] = a[k] < -MAX_ACCEL ? -MAX_ACCEL : (a[k] > MAX_ACCEL ? MAX_ACCEL : a[k]);
    }
    double v[3] = {b.vx, b.vy, b.vz}, p[3] = {b.x, b.y, b.z};
    double damp = std::exp(-0.5 * std::sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]));
    double gotV[3] = {out[i].vx, out[i].vy, out[i].vz};
    double gotP[3] = {out[i].x, out[i].y, out[i].z};
    double accelSum = 0, accelTol = 0;
    for (int k = 0; k < 3; ++k) {
      double nv = (v[k] + a[k] * DT) * damp;
      // Velocity error: the acceleration's tolerance times DT plus float rounding.
      double vTol = tol[k] * DT + 1e-6 * (fabs(v[k]) + fabs(a[k] * DT)) + 1e-7;
      expectClose("velocity", 3 * i + k, gotV[k], nv, vTol);
      expectClose("position", 3 * i + k, gotP[k], p[k] + nv * DT, vTol * DT + 1e-6 * fabs(p[k]) + 1e-7);
      accelSum += fabs(a[k]);
      accelTol += tol[k];
    }
    expectClose("accelMag", i, accel[i], accelSum, accelTol + 1e-6 * accelSum);
    if (out[i].mass != b.mass) {
      printf("mismatch: mass of body %d changed\n", i);
      ++Failures;
    }
  }

  // Edge cases of the individual functions.
  const float nan = std::nanf("");
  const float as[] = {nan, 1.0f, -0.0f, 3.5f, -2.0f, 0.0f, -1e30f, 1e-30f};
  const float bs[] = {1.0f, nan, 16.0f, 6.25f, -2.0f, 1e-4f, 1e30f, 2.0f};
  const int m = sizeof(as) / sizeof(as[0]);
  float *dA, *dB, *dR, r[5 * m];
  CUDA_CHECK(cudaMalloc(&dA, sizeof(as)));
  CUDA_CHECK(cudaMalloc(&dB, sizeof(bs)));
  CUDA_CHECK(cudaMalloc(&dR, sizeof(r)));
  CUDA_CHECK(cudaMemcpy(dA, as, sizeof(as), cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(dB, bs, sizeof(bs), cudaMemcpyHostToDevice));
  mathEdges<<<1, 32>>>(dA, dB, dR, m);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaDeviceSynchronize());
  CUDA_CHECK(cudaMemcpy(r, dR, sizeof(r), cudaMemcpyDeviceToHost));
  // fminf/fmaxf return the other operand when one is NaN.
  const float wantMin[] = {1.0f, 1.0f, -0.0f, 3.5f, -2.0f, 0.0f, -1e30f, 1e-30f};
  const float wantMax[] = {1.0f, 1.0f, 16.0f, 6.25f, -2.0f, 1e-4f, 1e30f, 2.0f};
  const double wantSqrt[] = {1.0, NAN, 4.0, 2.5, 1.4142135623730951, 0.01, 1e15,
                             1.4142135623730951};
  for (int i = 0; i < m; ++i) {
    if (i != 2 && r[5 * i + 0] != wantMin[i]) // fminf(-0, 16): value -0 or 0 both fine
      expectClose("fminf", i, r[5 * i + 0], wantMin[i], 0);
    if (i == 2 && r[5 * i + 0] != 0.0f)
      expectClose("fminf", i, r[5 * i + 0], 0.0, 0);
    if (r[5 * i + 1] != wantMax[i])
      expectClose("fmaxf", i, r[5 * i + 1], wantMax[i], 0);
    float absWant = as[i] != as[i] ? as[i] : (as[i] < 0 ? -as[i] : (as[i] == 0 ? 0.0f : as[i]));
    if (as[i] == as[i] && !sameBits(r[5 * i + 2], absWant)) {
      printf("mismatch: fabsf(%g) has bits of %g (sign bit must be clear)\n", as[i], r[5 * i + 2]);
      ++Failures;
    }
    if (as[i] != as[i] && r[5 * i + 2] == r[5 * i + 2]) {
      printf("mismatch: fabsf(NaN) = %g, want NaN\n", r[5 * i + 2]);
      ++Failures;
    }
    if (bs[i] != bs[i]) {
      if (r[5 * i + 3] == r[5 * i + 3]) {
        printf("mismatch: sqrtf(NaN) = %g, want NaN\n", r[5 * i + 3]);
        ++Failures;
      }
    } else {
      expectClose("sqrtf", i, r[5 * i + 3], wantSqrt[i], 1e-6 * wantSqrt[i]);
    }
    double e = std::exp(as[i] == as[i] ? (as[i] < 20.0f ? (double)as[i] : 20.0) : 0.0);
    expectClose("expf", i, r[5 * i + 4], e, 2e-6 * e + 1e-38);
  }
  // Perfect squares come out exact.
  if (r[5 * 2 + 3] != 4.0f || r[5 * 3 + 3] != 2.5f || r[5 * 0 + 4] != 1.0f) {
    printf("mismatch: sqrtf(16) = %g, sqrtf(6.25) = %g, expf(0) = %g\n", r[13], r[18], r[4]);
    ++Failures;
  }

  CUDA_CHECK(cudaFree(dIn));
  CUDA_CHECK(cudaFree(dOut));
  CUDA_CHECK(cudaFree(dAccel));
  CUDA_CHECK(cudaFree(dA));
  CUDA_CHECK(cudaFree(dB));
  CUDA_CHECK(cudaFree(dR));
  free(bodies);
  free(out);
  free(accel);
  if (Failures) {
    printf("FAILED: %d mismatches\n", Failures);
    return 1;
  }
  printf("PASSED\n");
  return 0;
}
