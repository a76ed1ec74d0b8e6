// RUN: %cuport-cc -O2 %s -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: PASSED
//
// CUDA atomics on global and shared memory, with CUDA's return values:
// add/sub/exch/min/max/and/or/xor on int, unsigned and 64-bit types, float
// and double add, atomicCAS (returns the old value, swapped or not),
// atomicInc/atomicDec with their wrap-around, the _block and _system forms,
// and __syncthreads_count/_and/_or. Every result is checked against a host
// computation; order-dependent results are checked as sets.
#include <cuda_runtime.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

static int Failures = 0;
#define EXPECT(cond, ...)                                                      \
  do {                                                                         \
    if (!(cond)) {                                                             \
      printf("FAILED: " __VA_ARGS__);                                          \
      printf("\n");                                                            \
      ++Failures;                                                              \
    }                                                                          \
  } while (0)

struct Counters {
  int add, sub, minv, maxv, andv, orv, xorv, exch;
  unsigned uadd, umin, umax, inc, dec;
  unsigned long long ull, ullmax, ullor;
  long long llmin, llmax;
  float fsum;
  double dsum;
};

const int Blocks = 20, Threads = 128, N = Blocks * Threads;

__global__ void globalAtomics(Counters *c, int *oldAdd) {
  int t = blockIdx.x * blockDim.x + threadIdx.x;
  oldAdd[t] = atomicAdd(&c->add, 2);
  atomicSub(&c->sub, 3);
  atomicMin(&c->minv, 1000 - t);
  atomicMax(&c->maxv, t * 7 - 50);
  atomicAnd(&c->andv, ~(1 << (t % 31)));
  atomicOr(&c->orv, 1 << (t % 29));
  atomicXor(&c->xorv, t);
  atomicExch(&c->exch, t);
  atomicAdd(&c->uadd, 5u);
  atomicMin(&c->umin, 4000u + (unsigned)t);
  atomicMax_system(&c->umax, (unsigned)t * 3u);
  atomicInc(&c->inc, 100u);
  atomicDec(&c->dec, 1000u);
  atomicAdd(&c->ull, 1ull << 33);
  atomicMax(&c->ullmax, 0x100000000ull * (unsigned long long)t);
  atomicOr(&c->ullor, 1ull << (t % 64));
  atomicMin(&c->llmin, -(long long)t * 0x10000000ll);
  atomicMax(&c->llmax, (long long)t - 5);
  atomicAdd(&c->fsum, 0.5f);   // sums of 0.5 and 0.25 are exact in any order
  atomicAdd(&c->dsum, 0.25);
}

// Shared-memory histogram with _block atomics, then one global add per bin.
__global__ void histogram(const unsigned *data, int n, unsigned *bins) {
  __shared__ unsigned local[16];
  if (threadIdx.x < 16)
    local[threadIdx.x] = 0;
  __syncthreads();
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += gridDim.x * blockDim.x)
    atomicAdd_block(&local[data[i] % 16], 1u);
  __syncthreads();
  if (threadIdx.x < 16)
    atomicAdd(&bins[threadIdx.x], local[threadIdx.x]);
}

// atomicCAS as a lock-free claim: exactly one thread claims each slot, and
// atomicCAS returns the old value (the winner sees 0, losers the winner's id).
__global__ void claim(int *slots, int *oldSeen) {
  int t = blockIdx.x * blockDim.x + threadIdx.x;
  oldSeen[t] = atomicCAS(&slots[t % 64], 0, t + 1);
}

__global__ void votes(int *count, int *all, int *any) {
  int t = threadIdx.x;
  int c = __syncthreads_count(t % 3 == 0);
  int a = __syncthreads_and(t >= 0);
  int o = __syncthreads_or(t == 77);
  int none = __syncthreads_or(t > 100000);
  if (t == 0) {
    *count = c;
    all[0] = a;
    any[0] = o;
    any[1] = none;
  }
}

int main() {
  Counters init = {};
  init.minv = 1 << 30;
  init.maxv = -(1 << 30);
  init.andv = -1;
  init.umin = ~0u;
  init.llmin = 0;
  init.llmax = -(1ll << 40);
  Counters *dC;
  int *dOld;
  cudaMalloc(&dC, sizeof(Counters));
  cudaMalloc(&dOld, N * sizeof(int));
  cudaMemcpy(dC, &init, sizeof(init), cudaMemcpyHostToDevice);
  globalAtomics<<<Blocks, Threads>>>(dC, dOld);
  EXPECT(cudaGetLastError() == cudaSuccess, "launch");
  Counters c;
  std::vector<int> old(N);
  cudaMemcpy(&c, dC, sizeof(c), cudaMemcpyDeviceToHost);
  cudaMemcpy(old.data(), dOld, N * sizeof(int), cudaMemcpyDeviceToHost);

  EXPECT(c.add == 2 * N, "add %d", c.add);
  std::sort(old.begin(), old.end());
  for (int i = 0; i < N; ++i)
    EXPECT(old[i] == 2 * i, "atomicAdd returned a value twice or skipped one (%d at %d)", old[i], i);
  EXPECT(c.sub == -3 * N, "sub %d", c.sub);
  EXPECT(c.minv == 1000 - (N - 1), "min %d", c.minv);
  EXPECT(c.maxv == (N - 1) * 7 - 50, "max %d", c.maxv);
  EXPECT(c.andv == (int)(1u << 31), "and %#x", c.andv);
  EXPECT(c.orv == (1 << 29) - 1, "or %#x", c.orv);
  int x = 0;
  for (int t = 0; t < N; ++t)
    x ^= t;
  EXPECT(c.xorv == x, "xor %d want %d", c.xorv, x);
  EXPECT(c.exch >= 0 && c.exch < N, "exch %d", c.exch);
  EXPECT(c.uadd == 5u * N, "uadd %u", c.uadd);
  EXPECT(c.umin == 4000u, "umin %u", c.umin);
  EXPECT(c.umax == 3u * (N - 1), "umax %u", c.umax);
  // atomicInc(p, 100): ((old >= 100) ? 0 : old + 1), N times from 0.
  unsigned inc = 0, dec = 0;
  for (int t = 0; t < N; ++t) {
    inc = inc >= 100u ? 0u : inc + 1u;
    dec = (dec == 0u || dec > 1000u) ? 1000u : dec - 1u;
  }
  EXPECT(c.inc == inc, "inc %u want %u", c.inc, inc);
  EXPECT(c.dec == dec, "dec %u want %u", c.dec, dec);
  EXPECT(c.ull == (unsigned long long)N << 33, "ull %llu", c.ull);
  EXPECT(c.ullmax == 0x100000000ull * (N - 1), "ullmax %llx", c.ullmax);
  EXPECT(c.ullor == ~0ull, "ullor %llx", c.ullor);
  EXPECT(c.llmin == -(long long)(N - 1) * 0x10000000ll, "llmin %lld", c.llmin);
  EXPECT(c.llmax == (long long)(N - 1) - 5, "llmax %lld", c.llmax);
  EXPECT(c.fsum == 0.5f * N, "fsum %g", c.fsum);
  EXPECT(c.dsum == 0.25 * N, "dsum %g", c.dsum);

  // Histogram.
  const int n = 10007;
  std::vector<unsigned> data(n), ref(16, 0), bins(16);
  for (int i = 0; i < n; ++i) {
    data[i] = (unsigned)(i * 2654435761u) >> 7;
    ref[data[i] % 16]++;
  }
  unsigned *dData, *dBins;
  cudaMalloc(&dData, n * sizeof(unsigned));
  cudaMalloc(&dBins, 16 * sizeof(unsigned));
  cudaMemcpy(dData, data.data(), n * sizeof(unsigned), cudaMemcpyHostToDevice);
  cudaMemset(dBins, 0, 16 * sizeof(unsigned));
  histogram<<<8, 64>>>(dData, n, dBins);
  cudaMemcpy(bins.data(), dBins, 16 * sizeof(unsigned), cudaMemcpyDeviceToHost);
  for (int b = 0; b < 16; ++b)
    EXPECT(bins[b] == ref[b], "bin %d = %u want %u", b, bins[b], ref[b]);

  // CAS claims.
  int *dSlots, *dSeen;
  cudaMalloc(&dSlots, 64 * sizeof(int));
  cudaMalloc(&dSeen, N * sizeof(int));
  cudaMemset(dSlots, 0, 64 * sizeof(int));
  claim<<<Blocks, Threads>>>(dSlots, dSeen);
  std::vector<int> slots(64), seen(N);
  cudaMemcpy(slots.data(), dSlots, 64 * sizeof(int), cudaMemcpyDeviceToHost);
  cudaMemcpy(seen.data(), dSeen, N * sizeof(int), cudaMemcpyDeviceToHost);
  for (int s = 0; s < 64; ++s) {
    int winners = 0;
    for (int t = s; t < N; t += 64) {
      if (seen[t] == 0) {
        ++winners;
        EXPECT(slots[s] == t + 1, "slot %d holds %d, but thread %d saw 0", s, slots[s], t);
      } else {
        EXPECT(seen[t] == slots[s], "thread %d saw %d, slot %d holds %d", t, seen[t], s, slots[s]);
      }
    }
    EXPECT(winners == 1, "slot %d has %d winners", s, winners);
  }

  // Block votes.
  int *dCount, *dAll, *dAny, count = -1, all = -1, any[2] = {-1, -1};
  cudaMalloc(&dCount, sizeof(int));
  cudaMalloc(&dAll, sizeof(int));
  cudaMalloc(&dAny, 2 * sizeof(int));
  votes<<<1, 200>>>(dCount, dAll, dAny);
  cudaMemcpy(&count, dCount, sizeof(int), cudaMemcpyDeviceToHost);
  cudaMemcpy(&all, dAll, sizeof(int), cudaMemcpyDeviceToHost);
  cudaMemcpy(any, dAny, 2 * sizeof(int), cudaMemcpyDeviceToHost);
  EXPECT(count == 67, "__syncthreads_count %d want 67", count);
  EXPECT(all == 1, "__syncthreads_and %d", all);
  EXPECT(any[0] == 1 && any[1] == 0, "__syncthreads_or %d %d", any[0], any[1]);
  EXPECT(cudaDeviceSynchronize() == cudaSuccess, "synchronize");

  if (Failures)
    return 1;
  printf("PASSED\n");
  return 0;
}
