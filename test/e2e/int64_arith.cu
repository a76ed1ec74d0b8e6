// RUN: %cuport-cc -O2 %s -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: PASSED
//
// 64-bit integer arithmetic on the device: wrapping unsigned add/sub/mul,
// signed division and remainder with negative operands (truncation toward
// zero), unsigned division by large divisors, shifts by 0..63, sign versus
// zero extension from 32 bits, a high-half 64x64 multiply built from 32-bit
// pieces, and an iterated splitmix64 hash. The host reference uses
// unsigned __int128 and other formulations, not the device's code.
#include <cuda_runtime.h>

#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#define CUDA_CHECK(call)                                                      \
  do {                                                                        \
    cudaError_t err_ = (call);                                                \
    if (err_ != cudaSuccess) {                                                \
      printf("CUDA error %s at %s:%d: %s\n", cudaGetErrorName(err_), __FILE__, \
             __LINE__, #call);                                                \
      exit(1);                                                                \
    }                                                                         \
  } while (0)

#define NUM_OPS 14

__device__ unsigned long long mulHigh(unsigned long long a, unsigned long long b) {
  unsigned long long aLo = a & 0xffffffffull, aHi = a >> 32;
  unsigned long long bLo = b & 0xffffffffull, bHi = b >> 32;
  unsigned long long ll = aLo * bLo, lh = aLo * bHi, hl = aHi * bLo, hh = aHi * bHi;
  unsigned long long mid = (ll >> 32) + (lh & 0xffffffffull) + (hl & 0xffffffffull);
  return hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
}

__device__ unsigned long long splitmix(unsigned long long x, int rounds) {
  for (int r = 0; r < rounds; ++r) {
    x += 0x9e3779b97f4a7c15ull;
    unsigned long long z = x;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    x = z ^ (z >> 31);
  }
  return x;
}

__global__ void int64Ops(const unsigned long long *a, const unsigned long long *b,
                         const int *small, unsigned long long *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n)
    return;
  unsigned long long ua = a[i], ub = b[i];
  long long sa = (long long)ua, sb = (long long)ub;
  int shift = i % 64;
  unsigned long long *o = out + (size_t)i * NUM_OPS;
  o[0] = ua + ub;
  o[1] = ua - ub;
  o[2] = ua * ub;
  o[3] = mulHigh(ua, ub);
  // Avoid the one overflowing case, LLONG_MIN / -1.
  bool safe = sb != 0 && !(sa == LLONG_MIN && sb == -1);
  o[4] = safe ? (unsigned long long)(sa / sb) : 0;
  o[5] = safe ? (unsigned long long)(sa % sb) : 0;
  o[6] = ub ? ua / ub : 0;
  o[7] = ub ? ua % ub : 0;
  o[8] = ua << shift;
  o[9] = ua >> shift;
  o[10] = (unsigned long long)(sa >> shift);
  o[11] = (unsigned long long)(long long)small[i];           // sign extension
  o[12] = (unsigned long long)(unsigned)small[i] * 0x100000001ull; // zero extension
  o[13] = splitmix(ua, 1 + i % 5);
}

static unsigned long long hostSplitmix(unsigned long long x, int rounds) {
  for (int r = 0; r < rounds; ++r) {
    x += 0x9e3779b97f4a7c15ull;
    unsigned long long z = x;
    z ^= z >> 30;
    z *= 0xbf58476d1ce4e5b9ull;
    z ^= z >> 27;
    z *= 0x94d049bb133111ebull;
    x = z ^ (z >> 31);
  }
  return x;
}

int main() {
  const unsigned long long specials[] = {0ull, 1ull, ~0ull, 0x8000000000000000ull,
                                         0x7fffffffffffffffull, 0xffffffffull, 0x100000000ull,
                                         (unsigned long long)-7ll, 3ull, 1000000007ull};
  const int numSpecials = sizeof(specials) / sizeof(specials[0]);
  const int n = 600;
  unsigned long long *a = (unsigned long long *)malloc(n * sizeof(unsigned long long));
  unsigned long long *b = (unsigned long long *)malloc(n * sizeof(unsigned long long));
  int *small = (int *)malloc(n * sizeof(int));
  unsigned long long seed = 42;
  for (int i = 0; i < n; ++i) {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    unsigned long long r1 = seed;
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    unsigned long long r2 = seed;
    if (i < numSpecials * numSpecials) {
      a[i] = specials[i / numSpecials];
      b[i] = specials[i % numSpecials];
    } else {
      a[i] = r1;
      // Mix of divisor magnitudes: full 64-bit, 32-bit, small, negative small.
      switch (i % 4) {
      case 0: b[i] = r2; break;
      case 1: b[i] = r2 >> 32; break;
      case 2: b[i] = (r2 >> 58) + 1; break;
      default: b[i] = (unsigned long long)-(long long)((r2 >> 50) + 1); break;
      }
    }
    small[i] = (int)(unsigned)(r2 >> 17);
  }
  unsigned long long *dA, *dB, *dOut;
  int *dSmall;
  CUDA_CHECK(cudaMalloc(&dA, n * sizeof(unsigned long long)));
  CUDA_CHECK(cudaMalloc(&dB, n * sizeof(unsigned long long)));
  CUDA_CHECK(cudaMalloc(&dSmall, n * sizeof(int)));
  CUDA_CHECK(cudaMalloc(&dOut, n * NUM_OPS * sizeof(unsigned long long)));
  CUDA_CHECK(cudaMemcpy(dA, a, n * sizeof(unsigned long long), cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(dB, b, n * sizeof(unsigned long long), cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(dSmall, small, n * sizeof(int), cudaMemcpyHostToDevice));
  int64Ops<<<(n + 127) / 128, 128>>>(dA, dB, dSmall, dOut, n);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaDeviceSynchronize());
  unsigned long long *out = (unsigned long long *)malloc(n * NUM_OPS * sizeof(unsigned long long));
  CUDA_CHECK(cudaMemcpy(out, dOut, n * NUM_OPS * sizeof(unsigned long long), cudaMemcpyDeviceToHost));

  int failures = 0;
  for (int i = 0; i < n; ++i) {
    unsigned long long ua = a[i], ub = b[i];
    __int128 sa = (long long)ua, sb = (long long)ub;
    unsigned __int128 product = (unsigned __int128)ua * ub;
    int shift = i % 64;
    unsigned long long want[NUM_OPS];
    want[0] = (unsigned long long)(((unsigned __int128)ua + ub) & ~0ull);
    want[1] = (unsigned long long)((unsigned __int128)ua + (~ub) + 1);
    want[2] = (unsigned long long)product;
    want[3] = (unsigned long long)(product >> 64);
    bool safe = sb != 0 && !(sa == (__int128)INT64_MIN && sb == -1);
    // Truncating division computed on magnitudes in 128 bits.
    __int128 absA = sa < 0 ? -sa : sa, absB = sb < 0 ? -sb : sb;
    __int128 q = safe ? absA / absB : 0;
    if ((sa < 0) != (sb < 0))
      q = -q;
    want[4] = safe ? (unsigned long long)(long long)q : 0;
    want[5] = safe ? (unsigned long long)(long long)(sa - q * sb) : 0;
    want[6] = ub ? (unsigned long long)((unsigned __int128)ua / ub) : 0;
    want[7] = ub ? (unsigned long long)((unsigned __int128)ua % ub) : 0;
    want[8] = (unsigned long long)(((unsigned __int128)ua << shift) & ~0ull);
    want[9] = (unsigned long long)((unsigned __int128)ua >> shift);
    // Arithmetic shift as floor division by 2^shift.
    __int128 p2 = (__int128)1 << shift;
    __int128 fl = sa >= 0 ? sa / p2 : -((-sa + p2 - 1) / p2);
    want[10] = (unsigned long long)(long long)fl;
    want[11] = small[i] < 0 ? 0xffffffff00000000ull | (unsigned)small[i] : (unsigned)small[i];
    want[12] = ((unsigned long long)(unsigned)small[i] << 32) | (unsigned)small[i];
    want[13] = hostSplitmix(ua, 1 + i % 5);
    for (int k = 0; k < NUM_OPS; ++k)
      if (out[(size_t)i * NUM_OPS + k] != want[k]) {
        if (failures++ < 10)
          printf("mismatch: op %d for a=0x%016llx b=0x%016llx: 0x%016llx, want 0x%016llx\n", k,
                 ua, ub, out[(size_t)i * NUM_OPS + k], want[k]);
      }
  }
  // Known values for the hash, so the host version is not trusted blindly.
  if (hostSplitmix(0, 1) != 0xe220a8397b1dcdafull) {
    printf("mismatch: splitmix64 reference value\n");
    ++failures;
  }

  CUDA_CHECK(cudaFree(dA));
  CUDA_CHECK(cudaFree(dB));
  CUDA_CHECK(cudaFree(dSmall));
  CUDA_CHECK(cudaFree(dOut));
  free(a);
  free(b);
  free(small);
  free(out);
  if (failures) {
    printf("FAILED: %d mismatches\n", failures);
    return 1;
  }
  printf("PASSED\n");
  return 0;
}
