// RUN: %cuport-cc -O2 %s -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: PASSED
//
// 32-bit and narrow integer operations: and/or/xor/not, shifts by every
// amount 0..31 (logical for unsigned, arithmetic for negative signed),
// rotates, hand-written popcount, count-leading-zeros, bit reversal and
// byte swap, bitfield structs, and 8/16-bit wraparound and sign extension.
// Inputs include 0, all-ones, the sign bit and INT_MIN. Every result is
// compared exactly with a host reference written differently (compiler
// builtins, arithmetic instead of shifts).
#include <cuda_runtime.h>

#include <climits>
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

#define NUM_OPS 16

struct Flags {
  unsigned kind : 3;
  unsigned level : 5;
  signed delta : 6;
  unsigned wide : 18;
};

__host__ __device__ unsigned popcount(unsigned x) {
  unsigned c = 0;
  while (x) {
    x &= x - 1;
    ++c;
  }
  return c;
}

__host__ __device__ unsigned leadingZeros(unsigned x) {
  unsigned n = 0;
  for (unsigned bit = 0x80000000u; bit && !(x & bit); bit >>= 1)
    ++n;
  return n;
}

__host__ __device__ unsigned reverseBits(unsigned x) {
  unsigned r = 0;
  for (int i = 0; i < 32; ++i) {
    r = (r << 1) | (x & 1u);
    x >>= 1;
  }
  return r;
}

__host__ __device__ unsigned rotl(unsigned x, unsigned s) {
  s &= 31;
  return s ? (x << s) | (x >> (32 - s)) : x;
}

// One result row per input pair.
__host__ __device__ void bitRow(unsigned a, unsigned b, int shift, Flags f, unsigned *out) {
  int sa = (int)a;
  out[0] = a & b;
  out[1] = a | b;
  out[2] = a ^ b;
  out[3] = ~a;
  out[4] = a << shift;
  out[5] = a >> shift;
  out[6] = (unsigned)(sa >> shift); // arithmetic for negative values
  out[7] = rotl(a, (unsigned)shift + 3);
  out[8] = popcount(a) | (leadingZeros(b) << 8);
  out[9] = reverseBits(a);
  out[10] = (a >> 24) | ((a >> 8) & 0xff00u) | ((a << 8) & 0xff0000u) | (a << 24);
  out[11] = (a & ~(0xffu << 8)) | ((b & 0xffu) << 8); // insert byte
  out[12] = (unsigned)(unsigned char)(a + b) | ((unsigned)(signed char)a << 8);
  out[13] = (unsigned)(unsigned short)(a * b) ^ (unsigned)(int)(short)b;
  out[14] = f.kind | (f.level << 3) | ((unsigned)(f.delta + 32) << 8) | (f.wide << 14);
  out[15] = (unsigned)((sa < 0) - (sa > 0)) + (unsigned)(sa / 7) * 3u + (unsigned)(sa % 7);
}

// The host reference, written with compiler builtins and other formulations
// rather than by calling bitRow.
static void hostRow(unsigned a, unsigned b, int shift, Flags f, unsigned *out) {
  long long sa = (int)a;
  out[0] = a & b;
  out[1] = a | b;
  out[2] = a ^ b;
  out[3] = 0xffffffffu - a;
  out[4] = (unsigned)(((unsigned long long)a << shift) & 0xffffffffu);
  out[5] = (unsigned)((unsigned long long)a / (1ull << shift));
  // Floor division by 2^shift is an arithmetic shift.
  long long q = sa >= 0 ? sa / (1ll << shift) : -((-sa + (1ll << shift) - 1) / (1ll << shift));
  out[6] = (unsigned)q;
  unsigned s = ((unsigned)shift + 3) % 32;
  unsigned long long twice = ((unsigned long long)a << 32) | a;
  out[7] = (unsigned)((twice << s) >> 32);
  out[8] = (unsigned)__builtin_popcount(a) | ((b ? (unsigned)__builtin_clz(b) : 32u) << 8);
  unsigned r = 0;
  for (int i = 0; i < 32; ++i)
    if (a & (1u << i))
      r |= 1u << (31 - i);
  out[9] = r;
  out[10] = __builtin_bswap32(a);
  out[11] = (a & 0xffff00ffu) | ((b % 256) * 256);
  unsigned lowA = a % 256;
  out[12] = ((a + b) % 256) | ((lowA >= 128 ? 0xffffff00u | lowA : lowA) << 8);
  unsigned lowB = b % 65536;
  out[13] = (unsigned)(((unsigned long long)a * b) % 65536) ^ (lowB >= 32768 ? 0xffff0000u | lowB : lowB);
  out[14] = f.kind + f.level * 8u + (unsigned)(f.delta + 32) * 256u + f.wide * 16384u;
  long long quotient = sa / 7, remainder = sa - quotient * 7; // C++ truncates toward zero
  out[15] = (unsigned)(sa < 0 ? 1 : (sa > 0 ? -1 : 0)) + (unsigned)quotient * 3u + (unsigned)remainder;
}

__global__ void bitKernel(const unsigned *a, const unsigned *b, const Flags *flags,
                          unsigned *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    bitRow(a[i], b[i], i % 32, flags[i], out + i * NUM_OPS);
}

// Bitfield writes happen on the device too.
__global__ void bumpFlags(Flags *flags, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    Flags f = flags[i];
    f.kind = f.kind + 1;     // wraps at 8
    f.delta = f.delta - 5;   // signed 6-bit field
    f.wide = f.wide ^ 0x2aaaa;
    flags[i] = f;
  }
}

int main() {
  const unsigned specials[] = {0u, 0xffffffffu, 0x80000000u, 0x7fffffffu, 1u,
                               (unsigned)INT_MIN, 0x12345678u, 0xdeadbeefu};
  const int n = 512;
  unsigned *a = (unsigned *)malloc(n * sizeof(unsigned));
  unsigned *b = (unsigned *)malloc(n * sizeof(unsigned));
  Flags *flags = (Flags *)malloc(n * sizeof(Flags));
  unsigned seed = 1;
  for (int i = 0; i < n; ++i) {
    seed = seed * 747796405u + 2891336453u;
    a[i] = i < 8 ? specials[i] : seed ^ (seed >> 13);
    seed = seed * 747796405u + 2891336453u;
    b[i] = i >= 8 && i < 16 ? specials[i - 8] : seed * 3u;
    flags[i].kind = i % 8;
    flags[i].level = (i * 3) % 32;
    flags[i].delta = (i % 64) - 32;
    flags[i].wide = (a[i] >> 7) & 0x3ffff;
  }
  unsigned *dA, *dB, *dOut;
  Flags *dFlags;
  CUDA_CHECK(cudaMalloc(&dA, n * sizeof(unsigned)));
  CUDA_CHECK(cudaMalloc(&dB, n * sizeof(unsigned)));
  CUDA_CHECK(cudaMalloc(&dFlags, n * sizeof(Flags)));
  CUDA_CHECK(cudaMalloc(&dOut, n * NUM_OPS * sizeof(unsigned)));
  CUDA_CHECK(cudaMemcpy(dA, a, n * sizeof(unsigned), cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(dB, b, n * sizeof(unsigned), cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(dFlags, flags, n * sizeof(Flags), cudaMemcpyHostToDevice));

  int failures = 0;
  unsigned *out = (unsigned *)malloc(n * NUM_OPS * sizeof(unsigned));
  for (int round = 0; round < 2; ++round) {
    bitKernel<<<(n + 127) / 128, 128>>>(dA, dB, dFlags, dOut, n);
    CUDA_CHECK(cudaGetLastError());
    CUDA_CHECK(cudaDeviceSynchronize());
    CUDA_CHECK(cudaMemcpy(out, dOut, n * NUM_OPS * sizeof(unsigned), cudaMemcpyDeviceToHost));
    for (int i = 0; i < n; ++i) {
      unsigned want[NUM_OPS];
      hostRow(a[i], b[i], i % 32, flags[i], want);
      for (int k = 0; k < NUM_OPS; ++k)
        if (out[i * NUM_OPS + k] != want[k]) {
          if (failures++ < 10)
            printf("mismatch: round %d op %d for a=0x%08x b=0x%08x shift %d: 0x%08x, want 0x%08x\n",
                   round, k, a[i], b[i], i % 32, out[i * NUM_OPS + k], want[k]);
        }
    }
    if (round == 0) {
      bumpFlags<<<(n + 127) / 128, 128>>>(dFlags, n);
      CUDA_CHECK(cudaGetLastError());
      CUDA_CHECK(cudaDeviceSynchronize());
      Flags *back = (Flags *)malloc(n * sizeof(Flags));
      CUDA_CHECK(cudaMemcpy(back, dFlags, n * sizeof(Flags), cudaMemcpyDeviceToHost));
      for (int i = 0; i < n; ++i) {
        Flags f = flags[i];
        f.kind = f.kind + 1;
        f.delta = f.delta - 5;
        f.wide = f.wide ^ 0x2aaaa;
        // Compare field by field (padding bits are unspecified).
        if (back[i].kind != f.kind || back[i].level != f.level || back[i].delta != f.delta ||
            back[i].wide != f.wide) {
          if (failures++ < 10)
            printf("mismatch: bitfields of element %d: kind %u level %u delta %d wide %u, "
                   "want %u %u %d %u\n",
                   i, back[i].kind, back[i].level, (int)back[i].delta, back[i].wide, f.kind,
                   f.level, (int)f.delta, f.wide);
        }
        flags[i] = f;
      }
      free(back);
    }
  }
  // The hand-written helpers themselves, against known values.
  if (popcount(0xffffffffu) != 32 || leadingZeros(1u) != 31 || leadingZeros(0u) != 32 ||
      reverseBits(1u) != 0x80000000u || rotl(0x80000001u, 1) != 3u) {
    printf("mismatch: host helper self-check\n");
    ++failures;
  }

  CUDA_CHECK(cudaFree(dA));
  CUDA_CHECK(cudaFree(dB));
  CUDA_CHECK(cudaFree(dFlags));
  CUDA_CHECK(cudaFree(dOut));
  free(a);
  free(b);
  free(flags);
  free(out);
  if (failures) {
    printf("FAILED: %d mismatches\n", failures);
    return 1;
  }
  printf("PASSED\n");
  return 0;
}
