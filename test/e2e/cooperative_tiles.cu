// RUN: %cuport-cc -O2 %s -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: PASSED
//
// Cooperative-groups tiles against a host model: tiled_partition<N> for
// every N in 1..32 (reduce with plus, less and greater, shfl, shfl_down,
// shfl_up, shfl_xor, ballot, any, all, match_any, inclusive and exclusive
// scan, thread_rank, meta_group_rank/size), tiled_partition(block, n) at
// run time, and coalesced_threads() inside a divergent branch, in 1D and
// 2D blocks.
#include <cooperative_groups.h>
#include <cuda_runtime.h>

#include <cstdio>
#include <cstdlib>
#include <vector>

namespace cg = cooperative_groups;

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

enum { SUM, MIN, MAX, SHFL, DOWN, UP, XOR, BALLOT, ANY, ALL, MATCH, INCL, EXCL, RANK, META,
       METASIZE, NOUT };

template <unsigned N> __global__ void tiles(const int *in, int *out) {
  cg::thread_block block = cg::this_thread_block();
  cg::thread_block_tile<N> tile = cg::tiled_partition<N>(block);
  int r = (int)block.thread_rank();
  int g = blockIdx.x * (int)block.size() + r;
  int v = in[g];
  int *o = out + (size_t)g * NOUT;
  o[SUM] = cg::reduce(tile, v, cg::plus<int>());
  o[MIN] = cg::reduce(tile, v, cg::less<int>());
  o[MAX] = cg::reduce(tile, v, cg::greater<int>());
  o[SHFL] = tile.shfl(v, (int)(N - 1));
  o[DOWN] = tile.shfl_down(v, 1);
  o[UP] = tile.shfl_up(v, 2);
  o[XOR] = tile.shfl_xor(v, N / 2);
  o[BALLOT] = (int)tile.ballot(v & 1);
  o[ANY] = tile.any(v > 90);
  o[ALL] = tile.all(v > -90);
  o[MATCH] = (int)tile.match_any(v % 3);
  o[INCL] = cg::inclusive_scan(tile, v);
  o[EXCL] = cg::exclusive_scan(tile, v);
  o[RANK] = (int)tile.thread_rank();
  o[META] = (int)tile.meta_group_rank();
  o[METASIZE] = (int)tile.meta_group_size();
  tile.sync();
}

// A tile size known at run time, and the coalesced group of a branch.
__global__ void dynamicTiles(const int *in, int *out, unsigned n) {
  cg::thread_block block = cg::this_thread_block();
  cg::thread_group tile = cg::tiled_partition(block, n);
  int r = (int)block.thread_rank();
  int g = blockIdx.x * (int)block.size() + r;
  out[g * 4] = (int)tile.thread_rank();
  out[g * 4 + 1] = (int)tile.size();
  tile.sync();
  if (in[g] & 1) {
    cg::coalesced_group odd = cg::coalesced_threads();
    out[g * 4 + 2] = (int)odd.thread_rank();
    out[g * 4 + 3] = odd.shfl(in[g], 0);
  } else {
    cg::coalesced_group even = cg::coalesced_threads();
    out[g * 4 + 2] = (int)even.size();
    out[g * 4 + 3] = (int)even.ballot(in[g] % 4 == 0);
  }
}

static std::vector<int> input(int n) {
  std::vector<int> v(n);
  for (int i = 0; i < n; ++i)
    v[i] = (int)((i * 2654435761u) >> 9) % 199 - 99;
  return v;
}

template <unsigned N> static void checkTiles(dim3 block, int blocks) {
  int threads = block.x * block.y, n = threads * blocks;
  std::vector<int> in = input(n), out((size_t)n * NOUT);
  int *dIn, *dOut;
  CUDA_CHECK(cudaMalloc(&dIn, n * sizeof(int)));
  CUDA_CHECK(cudaMalloc(&dOut, out.size() * sizeof(int)));
  CUDA_CHECK(cudaMemcpy(dIn, in.data(), n * sizeof(int), cudaMemcpyHostToDevice));
  tiles<N><<<blocks, block>>>(dIn, dOut);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaMemcpy(out.data(), dOut, out.size() * sizeof(int), cudaMemcpyDeviceToHost));
  for (int g = 0; g < n; ++g) {
    int r = g % threads, base = g - r % (int)N, rank = r % (int)N;
    const int *t = &in[base];
    int sum = 0, mn = t[0], mx = t[0], any = 0, all = 1, incl = 0, excl = 0;
    unsigned ballot = 0, match = 0;
    for (int i = 0; i < (int)N; ++i) {
      sum += t[i];
      mn = t[i] < mn ? t[i] : mn;
      mx = t[i] > mx ? t[i] : mx;
      ballot |= (unsigned)(t[i] & 1) << i;
      any |= t[i] > 90;
      all &= t[i] > -90;
      match |= (unsigned)(t[i] % 3 == in[g] % 3) << i;
      if (i <= rank) incl += t[i];
      if (i < rank) excl += t[i];
    }
    int down = rank + 1 < (int)N ? t[rank + 1] : t[rank];
    int up = rank >= 2 ? t[rank - 2] : t[rank];
    int want[NOUT] = {sum, mn, mx, t[N - 1], down, up, t[rank ^ (N / 2)], (int)ballot, any, all,
                      (int)match, incl, excl, rank, r / (int)N, (threads + (int)N - 1) / (int)N};
    const char *names[NOUT] = {"reduce plus", "reduce less", "reduce greater", "shfl", "shfl_down",
                               "shfl_up", "shfl_xor", "ballot", "any", "all", "match_any",
                               "inclusive_scan", "exclusive_scan", "thread_rank",
                               "meta_group_rank", "meta_group_size"};
    for (int k = 0; k < NOUT; ++k)
      EXPECT(out[(size_t)g * NOUT + k] == want[k], "tile %u, block %ux%u, thread %d: %s = %d, want %d",
             N, block.x, block.y, g, names[k], out[(size_t)g * NOUT + k], want[k]);
  }
  CUDA_CHECK(cudaFree(dIn));
  CUDA_CHECK(cudaFree(dOut));
}

int main() {
  checkTiles<1>(dim3(64), 2);
  checkTiles<2>(dim3(64), 2);
  checkTiles<4>(dim3(96), 2);
  checkTiles<8>(dim3(32), 3);
  checkTiles<16>(dim3(16, 4), 2);
  checkTiles<32>(dim3(32, 3), 2);
  checkTiles<32>(dim3(256), 3);

  const int threads = 128, blocks = 2, n = threads * blocks;
  std::vector<int> in = input(n), out(n * 4);
  int *dIn, *dOut;
  CUDA_CHECK(cudaMalloc(&dIn, n * sizeof(int)));
  CUDA_CHECK(cudaMalloc(&dOut, n * 4 * sizeof(int)));
  CUDA_CHECK(cudaMemcpy(dIn, in.data(), n * sizeof(int), cudaMemcpyHostToDevice));
  for (unsigned size : {1u, 4u, 32u}) {
    dynamicTiles<<<blocks, threads>>>(dIn, dOut, size);
    CUDA_CHECK(cudaGetLastError());
    CUDA_CHECK(cudaMemcpy(out.data(), dOut, out.size() * sizeof(int), cudaMemcpyDeviceToHost));
    for (int g = 0; g < n; ++g) {
      int lane = g % 32, warp0 = g - lane;
      EXPECT(out[g * 4] == (int)(lane % size) && out[g * 4 + 1] == (int)size,
             "tiled_partition(block, %u) thread %d", size, g);
      bool odd = in[g] & 1;
      int rank = 0, count = 0, first = 0;
      unsigned ballot = 0;
      for (int l = 0; l < 32; ++l) {
        if ((bool)(in[warp0 + l] & 1) != odd)
          continue;
        if (count == 0) first = in[warp0 + l];
        if (l < lane) ++rank;
        ballot |= (unsigned)(in[warp0 + l] % 4 == 0) << count;
        ++count;
      }
      if (odd)
        EXPECT(out[g * 4 + 2] == rank && out[g * 4 + 3] == first,
               "coalesced_threads (odd) thread %d: rank %d shfl %d, want %d %d", g,
               out[g * 4 + 2], out[g * 4 + 3], rank, first);
      else
        EXPECT(out[g * 4 + 2] == count && out[g * 4 + 3] == (int)ballot,
               "coalesced_threads (even) thread %d: size %d ballot %x, want %d %x", g,
               out[g * 4 + 2], out[g * 4 + 3], count, ballot);
    }
  }
  if (failures) {
    printf("%d failures\n", failures);
    return 1;
  }
  printf("PASSED\n");
  return 0;
}
