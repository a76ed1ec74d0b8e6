// RUN: %cuport-cc -O2 %s -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: PASSED
//
// cuda_fp16.h on the device, against an independent host reference (halves
// decoded with ldexp, results rounded to the nearest half by search, ties
// to even): every one of the 65,536 half values converts to float exactly;
// float -> half rounds to nearest-even, including subnormals, overflow and
// ties; __hadd/__hsub/__hmul/__hdiv/__hfma and their __half2 forms are
// correctly rounded; comparisons follow IEEE (NaN unordered); atomicAdd on
// __half2 accumulates exactly.
#include <cuda_fp16.h>
#include <cuda_runtime.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

static long double decode(unsigned h) {
  unsigned e = (h >> 10) & 31, m = h & 1023;
  long double v = e == 0 ? std::ldexp((long double)m, -24)
                  : e == 31 ? (m ? NAN : INFINITY)
                            : std::ldexp((long double)(1024 + m), (int)e - 25);
  return (h & 0x8000) ? -v : v;
}

// The half nearest to v, ties to even, by bisection over the positive halves.
static unsigned nearest(long double v) {
  if (std::isnan(v))
    return 0x7e00;
  unsigned sign = std::signbit(v) ? 0x8000 : 0;
  long double a = std::fabs(v);
  if (a >= 65520.0L)
    return sign | 0x7c00;
  unsigned lo = 0, hi = 0x7bff;
  while (lo < hi) { // largest half <= a
    unsigned mid = (lo + hi + 1) / 2;
    if (decode(mid) <= a)
      lo = mid;
    else
      hi = mid - 1;
  }
  if (lo == 0x7bff)
    return sign | lo;
  long double d0 = a - decode(lo), d1 = decode(lo + 1) - a;
  unsigned r = d0 < d1 ? lo : d0 > d1 ? lo + 1 : ((lo & 1) ? lo + 1 : lo);
  return sign | r;
}

__global__ void toFloat(float *out) {
  unsigned h = blockIdx.x * blockDim.x + threadIdx.x;
  if (h < 65536)
    out[h] = __half2float(__ushort_as_half((unsigned short)h));
}

__global__ void fromFloat(const float *in, unsigned short *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    out[i] = __half_as_ushort(__float2half_rn(in[i]));
}

__global__ void arith(const unsigned short *a, const unsigned short *b, const unsigned short *c,
                      unsigned short *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n)
    return;
  __half x = __ushort_as_half(a[i]), y = __ushort_as_half(b[i]), z = __ushort_as_half(c[i]);
  out[6 * i + 0] = __half_as_ushort(__hadd(x, y));
  out[6 * i + 1] = __half_as_ushort(__hsub(x, y));
  out[6 * i + 2] = __half_as_ushort(x * y);
  out[6 * i + 3] = __half_as_ushort(__hdiv(x, y));
  out[6 * i + 4] = __half_as_ushort(__hfma(x, y, z));
  __half2 p = __hmul2(__halves2half2(x, y), __halves2half2(y, x));
  out[6 * i + 5] = (__half_as_ushort(__low2half(p)) == __half_as_ushort(__high2half(p))) |
                   (__hlt(x, y) ? 2 : 0) | (__hequ(x, y) ? 4 : 0) | (__hisnan(x) ? 8 : 0);
}

__global__ void accumulate(__half2 *sum, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    atomicAdd(sum, __floats2half2_rn(0.5f, 0.25f));
}

static int Failures = 0;
#define EXPECT(cond, ...)                                                      \
  do {                                                                         \
    if (!(cond)) {                                                             \
      if (Failures++ < 12) {                                                   \
        printf("FAILED: " __VA_ARGS__);                                        \
        printf("\n");                                                          \
      }                                                                        \
    }                                                                          \
  } while (0)

int main() {
  // Every half -> float.
  float *dF;
  cudaMalloc(&dF, 65536 * sizeof(float));
  toFloat<<<256, 256>>>(dF);
  std::vector<float> f(65536);
  cudaMemcpy(f.data(), dF, f.size() * sizeof(float), cudaMemcpyDeviceToHost);
  for (unsigned h = 0; h < 65536; ++h) {
    long double want = decode(h);
    EXPECT(std::isnan(want) ? std::isnan(f[h]) : (long double)f[h] == want, "half %04x -> %g", h,
           f[h]);
  }

  // float -> half: midpoints (ties), neighbours of midpoints, edges.
  std::vector<float> in;
  for (unsigned h = 0; h < 0x7bff; h += 7) {
    long double mid = (decode(h) + decode(h + 1)) / 2;
    float m = (float)mid;
    in.push_back(m);
    in.push_back(std::nextafter(m, 0.0f));
    in.push_back(std::nextafter(m, 1e9f));
    in.push_back(-m);
  }
  for (float e : {0.0f, -0.0f, 65504.0f, 65519.99f, 65520.0f, 1e10f, 5.96e-8f, 2.98e-8f,
                  2.99e-8f, 1e-10f, INFINITY, -INFINITY, NAN})
    in.push_back(e);
  int n = (int)in.size();
  float *dIn;
  unsigned short *dOut;
  cudaMalloc(&dIn, n * sizeof(float));
  cudaMalloc(&dOut, n * sizeof(unsigned short));
  cudaMemcpy(dIn, in.data(), n * sizeof(float), cudaMemcpyHostToDevice);
  fromFloat<<<(n + 255) / 256, 256>>>(dIn, dOut, n);
  std::vector<unsigned short> out(n);
  cudaMemcpy(out.data(), dOut, n * sizeof(unsigned short), cudaMemcpyDeviceToHost);
  for (int i = 0; i < n; ++i) {
    unsigned want = nearest(in[i]);
    bool nanOk = std::isnan(in[i]) && (out[i] & 0x7fff) > 0x7c00;
    EXPECT(nanOk || out[i] == want, "float %.9g -> %04x, want %04x", in[i], out[i], want);
  }

  // Arithmetic on random and special operands.
  const int m = 20000;
  std::vector<unsigned short> a(m), b(m), c(m), r(6 * m);
  srand(12345);
  const unsigned short special[] = {0x0000, 0x8000, 0x0001, 0x03ff, 0x0400, 0x3c00, 0xbc00,
                                    0x7bff, 0x7c00, 0xfc00, 0x7e00, 0x3555};
  for (int i = 0; i < m; ++i) {
    auto pick = [&]() -> unsigned short {
      return rand() % 16 == 0 ? special[rand() % 12] : (unsigned short)(rand() & 0xffff);
    };
    a[i] = pick();
    b[i] = pick();
    c[i] = pick();
  }
  unsigned short *dA, *dB, *dC, *dR;
  cudaMalloc(&dA, m * 2);
  cudaMalloc(&dB, m * 2);
  cudaMalloc(&dC, m * 2);
  cudaMalloc(&dR, 6 * m * 2);
  cudaMemcpy(dA, a.data(), m * 2, cudaMemcpyHostToDevice);
  cudaMemcpy(dB, b.data(), m * 2, cudaMemcpyHostToDevice);
  cudaMemcpy(dC, c.data(), m * 2, cudaMemcpyHostToDevice);
  arith<<<(m + 127) / 128, 128>>>(dA, dB, dC, dR, m);
  cudaMemcpy(r.data(), dR, 6 * m * 2, cudaMemcpyDeviceToHost);
  auto same = [](unsigned got, unsigned want) {
    bool gotNaN = (got & 0x7fff) > 0x7c00, wantNaN = (want & 0x7fff) > 0x7c00;
    return gotNaN || wantNaN ? gotNaN == wantNaN : got == want;
  };
  for (int i = 0; i < m; ++i) {
    long double x = decode(a[i]), y = decode(b[i]), z = decode(c[i]);
    const char *names[] = {"add", "sub", "mul", "div", "fma"};
    long double exact[] = {x + y, x - y, x * y, x / y, x * y + z};
    for (int k = 0; k < 5; ++k)
      EXPECT(same(r[6 * i + k], nearest(exact[k])), "%s(%04x, %04x, %04x) = %04x, want %04x",
             names[k], a[i], b[i], c[i], r[6 * i + k], nearest(exact[k]));
    unsigned flags = r[6 * i + 5];
    bool wantLt = x < y, wantEqu = std::isnan(x) || std::isnan(y) || x == y;
    EXPECT((flags & 1) != 0, "half2 mul lanes differ for %04x %04x", a[i], b[i]);
    EXPECT(((flags & 2) != 0) == wantLt, "__hlt(%04x, %04x)", a[i], b[i]);
    EXPECT(((flags & 4) != 0) == wantEqu, "__hequ(%04x, %04x)", a[i], b[i]);
    EXPECT(((flags & 8) != 0) == (bool)std::isnan(x), "__hisnan(%04x)", a[i]);
  }

  // atomicAdd(__half2): 1000 * (0.5, 0.25) = (500, 250), exact in half.
  __half2 *dSum, sum;
  cudaMalloc(&dSum, sizeof(__half2));
  cudaMemset(dSum, 0, sizeof(__half2));
  accumulate<<<8, 125>>>(dSum, 1000);
  cudaMemcpy(&sum, dSum, sizeof(sum), cudaMemcpyDeviceToHost);
  EXPECT(__low2float(sum) == 500.0f && __high2float(sum) == 250.0f, "atomicAdd half2 = (%g, %g)",
         __low2float(sum), __high2float(sum));
  EXPECT(cudaGetLastError() == cudaSuccess, "errors");

  if (Failures) {
    printf("%d failures\n", Failures);
    return 1;
  }
  printf("PASSED\n");
  return 0;
}
