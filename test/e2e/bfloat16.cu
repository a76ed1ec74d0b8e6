// RUN: %cuport-cc -O2 %s -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: PASSED
//
// cuda_bf16.h on the device: conversion from float rounds to nearest-even,
// and add/sub/mul/div are correctly rounded, checked against bfloat16
// values decoded with ldexp and a nearest-value search on the host.
#include <cuda_bf16.h>
#include <cuda_runtime.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

static double decode(unsigned b) {
  unsigned e = (b >> 7) & 255, m = b & 127;
  double v = e == 0 ? std::ldexp((double)m, -133) : std::ldexp((double)(128 + m), (int)e - 134);
  return (b & 0x8000) ? -v : v;
}
static unsigned nearest(double v) {
  unsigned s = std::signbit(v) ? 0x8000 : 0, lo = 0, hi = 0x7f7f;
  double a = std::fabs(v);
  if (a >= decode(0x7f7f) + (decode(0x7f7f) - decode(0x7f7e)) / 2)
    return s | 0x7f80;
  while (lo < hi) {
    unsigned mid = (lo + hi + 1) / 2;
    if (decode(mid) <= a)
      lo = mid;
    else
      hi = mid - 1;
  }
  if (lo == 0x7f7f)
    return s | lo;
  double d0 = a - decode(lo), d1 = decode(lo + 1) - a;
  return s | (d0 < d1 ? lo : d0 > d1 ? lo + 1 : ((lo & 1) ? lo + 1 : lo));
}

__global__ void ops(const unsigned short *a, const unsigned short *b, const float *f,
                    unsigned short *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n)
    return;
  __nv_bfloat16 x = __ushort_as_bfloat16(a[i]), y = __ushort_as_bfloat16(b[i]);
  out[5 * i + 0] = __bfloat16_as_ushort(__hadd(x, y));
  out[5 * i + 1] = __bfloat16_as_ushort(__hsub(x, y));
  out[5 * i + 2] = __bfloat16_as_ushort(x * y);
  out[5 * i + 3] = __bfloat16_as_ushort(__hdiv(x, y));
  out[5 * i + 4] = __bfloat16_as_ushort(__float2bfloat16_rn(f[i]));
}

int main() {
  const int n = 30000;
  std::vector<unsigned short> a(n), b(n), out(5 * n);
  std::vector<float> f(n);
  srand(99);
  for (int i = 0; i < n; ++i) {
    a[i] = (unsigned short)(rand() & 0xffff);
    b[i] = (unsigned short)(rand() & 0xffff);
    if (((a[i] >> 7) & 255) == 255)
      a[i] &= 0xbfff; // keep operands finite
    if (((b[i] >> 7) & 255) == 255)
      b[i] &= 0xbfff;
    unsigned bits = ((unsigned)rand() << 16) ^ (unsigned)rand();
    f[i] = std::ldexp((float)(bits & 0xffffff) / 16777216.0f + 1.0f, rand() % 200 - 100);
  }
  unsigned short *dA, *dB, *dOut;
  float *dF;
  cudaMalloc(&dA, n * 2);
  cudaMalloc(&dB, n * 2);
  cudaMalloc(&dF, n * 4);
  cudaMalloc(&dOut, 5 * n * 2);
  cudaMemcpy(dA, a.data(), n * 2, cudaMemcpyHostToDevice);
  cudaMemcpy(dB, b.data(), n * 2, cudaMemcpyHostToDevice);
  cudaMemcpy(dF, f.data(), n * 4, cudaMemcpyHostToDevice);
  ops<<<(n + 255) / 256, 256>>>(dA, dB, dF, dOut, n);
  cudaMemcpy(out.data(), dOut, 5 * n * 2, cudaMemcpyDeviceToHost);
  int failures = 0;
  for (int i = 0; i < n; ++i) {
    double x = decode(a[i]), y = decode(b[i]);
    double exact[4] = {x + y, x - y, x * y, x / y};
    for (int k = 0; k < 4; ++k) {
      if (std::isnan(exact[k]))
        continue;
      unsigned want = nearest(exact[k]), got = out[5 * i + k];
      bool bothZero = (want & 0x7fff) == 0 && (got & 0x7fff) == 0 && std::isinf(y);
      if (got != want && !bothZero && failures++ < 10)
        printf("op %d (%04x, %04x) = %04x, want %04x\n", k, a[i], b[i], got, want);
    }
    unsigned want = nearest(f[i]);
    if (out[5 * i + 4] != want && failures++ < 10)
      printf("float %.9g -> %04x, want %04x\n", f[i], out[5 * i + 4], want);
  }
  if (failures || cudaGetLastError() != cudaSuccess) {
    printf("FAILED: %d\n", failures);
    return 1;
  }
  printf("PASSED\n");
  return 0;
}
