// RUN: %cuport-cc -O2 %s -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: PASSED
//
// Votes, __activemask, __syncwarp, match and reduce, and shuffles in
// divergent code, against a host model of CUDA's independent thread
// scheduling: a ballot over a per-lane predicate, __any/__all with partial
// masks, a warp reduction inside `if (threadIdx.x < 32)`, a nested
// partial-mask shuffle followed by a converged one, __activemask in both
// sides of a branch, early-exited lanes, __syncwarp ordering __shared__
// memory between lanes, __match_any/all_sync, __reduce_*_sync, and
// __syncthreads_count/_and/_or in a kernel that also uses warp functions,
// in blocks whose size is not a multiple of 32.
#include <cuda_runtime.h>

#include <cstdio>
#include <cstdlib>
#include <vector>

#define CUDA_CHECK(call)                                                      \
  do {                                                                        \
    cudaError_t err_ = (call);                                                \
    if (err_ != cudaSuccess) {                                                \
      printf("CUDA error %s at %s:%d: %s\n", cudaGetErrorName(err_), __FILE__, \
             __LINE__, #call);                                                \
      exit(1);                                                                \
    }                                                                         \
  } while (0)

static int failures = 0;
#define EXPECT(cond, ...)                                                     \
  do {                                                                        \
    if (!(cond) && failures++ < 20) {                                         \
      printf("FAILED: " __VA_ARGS__);                                         \
      printf("\n");                                                           \
    }                                                                         \
  } while (0)

// Outputs per thread, in this order.
enum {
  BALLOT, ANY_ODD, ALL_POS, BALLOT_PARTIAL, ACTIVE_IF, ACTIVE_ELSE, NESTED, CONVERGED,
  MATCH_ANY, MATCH_ALL, MATCH_ALL_PRED, RED_ADD, RED_MIN, RED_MAX, RED_AND, RED_OR, RED_XOR,
  SYNCWARP, COUNT, AND, OR, EXITED_SUM, NOUT
};

__global__ void votes(const int *in, unsigned *out, int n) {
  __shared__ int stage[1024];
  int t = threadIdx.x;
  int g = blockIdx.x * blockDim.x + t;
  int lane = t % 32;
  unsigned *o = out + (size_t)g * NOUT;
  int v = in[g];
  o[BALLOT] = __ballot_sync(0xffffffffu, v > 0);
  o[ANY_ODD] = __any_sync(0xffffffffu, v & 1);
  o[ALL_POS] = __all_sync(0xffffffffu, v > -1000);
  // A ballot over the lanes of a partial mask, inside the branch.
  if (lane < 20)
    o[BALLOT_PARTIAL] = __ballot_sync((1u << 20) - 1, v & 2);
  // __activemask on both sides of a divergent branch.
  if (v & 4)
    o[ACTIVE_IF] = __activemask();
  else
    o[ACTIVE_ELSE] = __activemask();
  // A partial-mask shuffle among the low 16 lanes, then a converged one.
  int x = v;
  if (lane < 16)
    x += __shfl_xor_sync(0xffffu, x, 8);
  o[NESTED] = x;
  o[CONVERGED] = __shfl_sync(0xffffffffu, x, (lane + 5) % 32);
  // Match on a value with repeats.
  int key = v % 5;
  o[MATCH_ANY] = __match_any_sync(0xffffffffu, key);
  int pred = -1;
  o[MATCH_ALL] = __match_all_sync(0xffffffffu, lane < 32 ? 7 : key, &pred);
  o[MATCH_ALL_PRED] = pred;
  unsigned u = (unsigned)v * 2654435761u;
  o[RED_ADD] = __reduce_add_sync(0xffffffffu, u);
  o[RED_MIN] = (unsigned)__reduce_min_sync(0xffffffffu, v);
  o[RED_MAX] = (unsigned)__reduce_max_sync(0xffffffffu, v);
  o[RED_AND] = __reduce_and_sync(0xffffffffu, u | 0x10000u);
  o[RED_OR] = __reduce_or_sync(0xffffffffu, u & 0xff00u);
  o[RED_XOR] = __reduce_xor_sync(0xffffffffu, u);
  // __syncwarp orders __shared__ memory between the lanes of a warp.
  stage[t] = v;
  __syncwarp();
  o[SYNCWARP] = stage[(t & ~31) + ((lane + 1) % 32)];
  // Block-wide predicates in the same kernel.
  o[COUNT] = __syncthreads_count(v > 0);
  o[AND] = __syncthreads_and(v > -1000);
  o[OR] = __syncthreads_or(v == 12345);
}

// A warp reduction inside `if (threadIdx.x < 32)`: only the first warp
// takes part, the others must neither wait nor disturb it.
__global__ void firstWarp(const int *in, int *out) {
  __shared__ int partial[32];
  int t = threadIdx.x;
  int sum = 0;
  if (t < 32) {
    for (int i = t; i < (int)blockDim.x; i += 32)
      sum += in[blockIdx.x * blockDim.x + i];
    for (int off = 16; off > 0; off >>= 1)
      sum += __shfl_down_sync(0xffffffffu, sum, off);
    if (t == 0)
      partial[0] = sum;
  }
  __syncthreads();
  out[blockIdx.x * blockDim.x + t] = partial[0];
}

// Lanes that return early: the ballot of the rest names only them, and a
// shuffle among them reads only them.
__global__ void earlyExit(const int *in, unsigned *out) {
  int t = threadIdx.x;
  int g = blockIdx.x * blockDim.x + t;
  int v = in[g];
  if (v % 3 == 0) {
    out[g * 2] = 0xdeadu;
    out[g * 2 + 1] = 0xdeadu;
    return;
  }
  unsigned live = __ballot_sync(__activemask(), 1);
  out[g * 2] = live;
  out[g * 2 + 1] = __reduce_add_sync(live, (unsigned)v);
}

static unsigned lanesOf(int threads, int warp) {
  int n = threads - warp * 32;
  return n >= 32 ? 0xffffffffu : (1u << n) - 1;
}

int main() {
  int blockSizes[] = {32, 64, 48, 100, 1024};
  for (int bs : blockSizes) {
    int blocks = 3, n = bs * blocks;
    std::vector<int> in(n);
    for (int i = 0; i < n; ++i)
      in[i] = (int)((i * 2654435761u) >> 7) % 2001 - 1000;
    int *dIn;
    unsigned *dOut;
    CUDA_CHECK(cudaMalloc(&dIn, n * sizeof(int)));
    CUDA_CHECK(cudaMalloc(&dOut, (size_t)n * NOUT * sizeof(unsigned)));
    CUDA_CHECK(cudaMemcpy(dIn, in.data(), n * sizeof(int), cudaMemcpyHostToDevice));
    CUDA_CHECK(cudaMemset(dOut, 0xff, (size_t)n * NOUT * sizeof(unsigned)));
    votes<<<blocks, bs>>>(dIn, dOut, n);
    CUDA_CHECK(cudaGetLastError());
    std::vector<unsigned> out((size_t)n * NOUT);
    CUDA_CHECK(cudaMemcpy(out.data(), dOut, out.size() * sizeof(unsigned), cudaMemcpyDeviceToHost));
    for (int b = 0; b < blocks; ++b) {
      int count = 0, all = 1, any = 0;
      for (int t = 0; t < bs; ++t) {
        int v = in[b * bs + t];
        count += v > 0;
        all &= v > -1000;
        any |= v == 12345;
      }
      for (int w = 0; w * 32 < bs; ++w) {
        unsigned lanes = lanesOf(bs, w);
        const int *v = &in[b * bs + w * 32];
        auto each = [&](auto pred) {
          unsigned m = 0;
          for (int l = 0; l < 32; ++l)
            if ((lanes >> l & 1) && pred(l))
              m |= 1u << l;
          return m;
        };
        unsigned ballot = each([&](int l) { return v[l] > 0; });
        unsigned odd = each([&](int l) { return v[l] & 1; });
        unsigned pos = each([&](int l) { return v[l] > -1000; });
        unsigned partial = each([&](int l) { return l < 20 && (v[l] & 2); });
        unsigned inIf = each([&](int l) { return (v[l] & 4) != 0; });
        unsigned inElse = lanes & ~inIf;
        unsigned add = 0, andv = ~0u, orv = 0, xorv = 0;
        int mn = 1 << 30, mx = -(1 << 30);
        for (int l = 0; l < 32; ++l)
          if (lanes >> l & 1) {
            unsigned u = (unsigned)v[l] * 2654435761u;
            add += u;
            andv &= u | 0x10000u;
            orv |= u & 0xff00u;
            xorv ^= u;
            mn = v[l] < mn ? v[l] : mn;
            mx = v[l] > mx ? v[l] : mx;
          }
        // The nested shuffle: lanes 0..15 add lane ^ 8. In a partial warp
        // that lane may not exist, and CUDA leaves the value undefined.
        int nested[32];
        bool defined[32];
        for (int l = 0; l < 32; ++l) {
          defined[l] = (lanes >> l & 1) && (l >= 16 || (lanes >> (l ^ 8) & 1));
          nested[l] = defined[l] ? v[l] + (l < 16 ? v[l ^ 8] : 0) : 0;
        }
        for (int l = 0; l < 32; ++l) {
          if (!(lanes >> l & 1))
            continue;
          const unsigned *o = &out[(size_t)(b * bs + w * 32 + l) * NOUT];
          const char *what = nullptr;
          int src = (l + 5) % 32;
          unsigned matchAny = each([&](int j) { return v[j] % 5 == v[l] % 5; });
          if (o[BALLOT] != ballot) what = "ballot";
          else if (o[ANY_ODD] != (odd != 0)) what = "any";
          else if (o[ALL_POS] != (pos == lanes)) what = "all";
          else if (l < 20 && o[BALLOT_PARTIAL] != partial) what = "partial-mask ballot";
          else if ((v[l] & 4) && o[ACTIVE_IF] != inIf) what = "__activemask in if";
          else if (!(v[l] & 4) && o[ACTIVE_ELSE] != inElse) what = "__activemask in else";
          else if (defined[l] && (int)o[NESTED] != nested[l]) what = "nested partial shuffle";
          else if (defined[src] && (int)o[CONVERGED] != nested[src]) what = "converged shuffle";
          else if (o[MATCH_ANY] != matchAny) what = "__match_any_sync";
          else if (o[MATCH_ALL] != 0xffffffffu || o[MATCH_ALL_PRED] != 1) what = "__match_all_sync";
          else if (o[RED_ADD] != add) what = "__reduce_add_sync";
          else if ((int)o[RED_MIN] != mn) what = "__reduce_min_sync";
          else if ((int)o[RED_MAX] != mx) what = "__reduce_max_sync";
          else if (o[RED_AND] != andv) what = "__reduce_and_sync";
          else if (o[RED_OR] != orv) what = "__reduce_or_sync";
          else if (o[RED_XOR] != xorv) what = "__reduce_xor_sync";
          else if ((lanes >> ((l + 1) % 32) & 1) && (int)o[SYNCWARP] != v[(l + 1) % 32]) what = "__syncwarp";
          else if ((int)o[COUNT] != count) what = "__syncthreads_count";
          else if ((int)o[AND] != all) what = "__syncthreads_and";
          else if ((int)o[OR] != any) what = "__syncthreads_or";
          EXPECT(!what, "votes block %d of %d threads, warp %d lane %d: %s", b, bs, w, l, what);
        }
      }
    }
    CUDA_CHECK(cudaFree(dOut));

    // Only the first warp reduces.
    int *dSum;
    CUDA_CHECK(cudaMalloc(&dSum, n * sizeof(int)));
    firstWarp<<<blocks, bs>>>(dIn, dSum);
    CUDA_CHECK(cudaGetLastError());
    std::vector<int> sums(n);
    CUDA_CHECK(cudaMemcpy(sums.data(), dSum, n * sizeof(int), cudaMemcpyDeviceToHost));
    for (int b = 0; b < blocks; ++b) {
      int want = 0;
      for (int t = 0; t < bs; ++t)
        want += in[b * bs + t];
      for (int t = 0; t < bs; ++t)
        EXPECT(sums[b * bs + t] == want, "firstWarp block %d of %d thread %d: %d, want %d", b, bs,
               t, sums[b * bs + t], want);
    }
    CUDA_CHECK(cudaFree(dSum));

    // Early exits.
    unsigned *dEx;
    CUDA_CHECK(cudaMalloc(&dEx, n * 2 * sizeof(unsigned)));
    earlyExit<<<blocks, bs>>>(dIn, dEx);
    CUDA_CHECK(cudaGetLastError());
    std::vector<unsigned> ex(n * 2);
    CUDA_CHECK(cudaMemcpy(ex.data(), dEx, ex.size() * sizeof(unsigned), cudaMemcpyDeviceToHost));
    for (int b = 0; b < blocks; ++b)
      for (int w = 0; w * 32 < bs; ++w) {
        unsigned lanes = lanesOf(bs, w), live = 0, sum = 0;
        for (int l = 0; l < 32; ++l)
          if ((lanes >> l & 1) && in[b * bs + w * 32 + l] % 3 != 0) {
            live |= 1u << l;
            sum += (unsigned)in[b * bs + w * 32 + l];
          }
        for (int l = 0; l < 32; ++l) {
          if (!(lanes >> l & 1))
            continue;
          int g = b * bs + w * 32 + l;
          bool exited = in[g] % 3 == 0;
          EXPECT(exited ? ex[g * 2] == 0xdeadu : (ex[g * 2] == live && ex[g * 2 + 1] == sum),
                 "earlyExit block %d of %d warp %d lane %d", b, bs, w, l);
        }
      }
    CUDA_CHECK(cudaFree(dEx));
    CUDA_CHECK(cudaFree(dIn));
  }
  if (failures) {
    printf("%d failures\n", failures);
    return 1;
  }
  printf("PASSED\n");
  return 0;
}
