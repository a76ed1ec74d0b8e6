// RUN: %cuport-cc -O2 %s -o %t && %t | %FileCheck %s
// RUN: %cuport-cc -O0 %s -o %t0 && %t0 | %FileCheck %s
// REQUIRES: opencl
// CHECK: PASSED
//
// cooperative_groups::this_grid().sync() under cudaLaunchCooperativeKernel,
// against host models: a ping-pong exchange whose every step reads what
// other blocks wrote before the grid barrier; a grid-wide sum of per-block
// shared-memory (static and dynamic) reductions, repeated so that each
// round reuses the blocks' shared memory; blocks that run different numbers
// of __syncthreads between grid barriers; warp shuffles in the same kernel;
// the grid group's ranks and sizes in 1D, 2D and 3D grids and blocks whose
// size is not a multiple of 32. The grid is the largest that CUDA's rule
// allows (occupancy x multiprocessors); one block more is
// cudaErrorCooperativeLaunchTooLarge, and the error is not sticky.
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
      printf("FAILED %s:%d: ", __FILE__, __LINE__);                           \
      printf(__VA_ARGS__);                                                    \
      printf("\n");                                                           \
    }                                                                         \
  } while (0)

// Step s: every thread reads the value of thread (i + stride) % n from the
// previous step's buffer, which another block wrote before the barrier.
__global__ void exchange(int *a, int *b, int n, int steps, int stride) {
  cg::grid_group grid = cg::this_grid();
  int i = (int)grid.thread_rank();
  for (int s = 0; s < steps; ++s) {
    const int *from = (s & 1) ? b : a;
    int *to = (s & 1) ? a : b;
    int v = from[(i + stride) % n];
    grid.sync();
    to[i] = v * 3 + s;
    grid.sync();
  }
}

// Each round: a block sums its values in static and dynamic shared memory,
// block partials meet in global memory, and after the grid barrier every
// thread reads the grid's total.
__global__ void gridSum(const int *in, int *partial, long long *totals, int rounds) {
  __shared__ int tree[256];
  extern __shared__ int scratch[];
  cg::grid_group grid = cg::this_grid();
  cg::thread_block block = cg::this_thread_block();
  unsigned t = (unsigned)block.thread_rank();
  unsigned nb = (unsigned)grid.num_blocks(), rank = (unsigned)grid.block_rank();
  for (int r = 0; r < rounds; ++r) {
    int v = in[grid.thread_rank()] * (r + 1);
    scratch[t] = v;
    tree[t] = v;
    block.sync();
    for (unsigned half = 128; half > 0; half >>= 1) {
      if (t < half) {
        tree[t] += tree[t + half];
        scratch[t] += scratch[t + half];
      }
      block.sync();
    }
    if (t == 0)
      partial[rank] = tree[0] + scratch[0];
    grid.sync();
    long long total = 0;
    for (unsigned b = 0; b < nb; ++b)
      total += partial[b];
    totals[(size_t)r * grid.size() + grid.thread_rank()] = total;
    grid.sync(); // partials are rewritten next round
  }
}

// Block b runs b + 1 __syncthreads rounds of a shift in shared memory
// between two grid barriers, then reads a neighbour block's result.
__global__ void unevenBlocks(int *out, int *mid) {
  __shared__ int ring[64];
  cg::grid_group grid = cg::this_grid();
  unsigned t = threadIdx.x, b = (unsigned)grid.block_rank(), nb = (unsigned)grid.num_blocks();
  ring[t] = (int)(b * 100 + t);
  __syncthreads();
  for (unsigned k = 0; k <= b; ++k) {
    int v = ring[(t + 1) % blockDim.x];
    __syncthreads();
    ring[t] = v;
    __syncthreads();
  }
  mid[b * blockDim.x + t] = ring[t];
  grid.sync();
  out[b * blockDim.x + t] = mid[((b + 1) % nb) * blockDim.x + t];
}

// Warp shuffles and grid barriers in one kernel: warp sums, one atomic per
// warp, and every thread reads the grid's sum after the barrier.
__global__ void warpAndGrid(const int *in, int *sum, int *out) {
  cg::grid_group grid = cg::this_grid();
  unsigned long long i = grid.thread_rank();
  int v = in[i];
  for (int off = 16; off > 0; off >>= 1)
    v += __shfl_down_sync(0xffffffffu, v, off);
  if ((threadIdx.x & 31) == 0)
    atomicAdd(sum, v);
  grid.sync();
  out[i] = *sum;
}

struct GroupInfo {
  unsigned long long rank, size, blocks, blockRank;
  unsigned bix, biy, biz, gx, gy, gz;
  int valid;
};

__global__ void groupInfo(GroupInfo *out) {
  cg::grid_group grid = cg::this_grid();
  grid.sync();
  GroupInfo g;
  g.rank = grid.thread_rank();
  g.size = grid.size();
  g.blocks = grid.num_blocks();
  g.blockRank = grid.block_rank();
  dim3 bi = grid.block_index(), gd = grid.dim_blocks();
  g.bix = bi.x, g.biy = bi.y, g.biz = bi.z;
  g.gx = gd.x, g.gy = gd.y, g.gz = gd.z;
  g.valid = grid.is_valid();
  unsigned long long blockThreads = blockDim.x * blockDim.y * blockDim.z;
  unsigned long long linear = ((unsigned long long)blockIdx.z * gridDim.y + blockIdx.y) * gridDim.x +
                              blockIdx.x;
  out[linear * blockThreads + (threadIdx.z * blockDim.y + threadIdx.y) * blockDim.x +
      threadIdx.x] = g;
}

template <typename Kernel>
static int maxBlocks(Kernel k, int threads, size_t smem) {
  int dev = 0, sms = 0, perSm = 0;
  CUDA_CHECK(cudaGetDevice(&dev));
  CUDA_CHECK(cudaDeviceGetAttribute(&sms, cudaDevAttrMultiProcessorCount, dev));
  CUDA_CHECK(cudaOccupancyMaxActiveBlocksPerMultiprocessor(&perSm, k, threads, smem));
  return perSm * sms;
}

static void testExchange() {
  const int threads = 96, blocks = maxBlocks(exchange, threads, 0), n = blocks * threads;
  const int steps = 9, stride = threads + 5;
  std::vector<int> h(n);
  for (int i = 0; i < n; ++i)
    h[i] = i * 7 + 1;
  int *a, *b;
  CUDA_CHECK(cudaMalloc(&a, n * sizeof(int)));
  CUDA_CHECK(cudaMalloc(&b, n * sizeof(int)));
  CUDA_CHECK(cudaMemcpy(a, h.data(), n * sizeof(int), cudaMemcpyHostToDevice));
  int nn = n, st = steps, sd = stride;
  void *args[] = {&a, &b, &nn, &st, &sd};
  CUDA_CHECK(cudaLaunchCooperativeKernel((void *)exchange, dim3(blocks), dim3(threads), args, 0,
                                         nullptr));
  CUDA_CHECK(cudaDeviceSynchronize());
  std::vector<int> cur = h, next(n);
  for (int s = 0; s < steps; ++s) {
    for (int i = 0; i < n; ++i)
      next[i] = cur[(i + stride) % n] * 3 + s;
    cur.swap(next);
  }
  std::vector<int> got(n);
  CUDA_CHECK(cudaMemcpy(got.data(), (steps & 1) ? b : a, n * sizeof(int), cudaMemcpyDeviceToHost));
  for (int i = 0; i < n; ++i)
    EXPECT(got[i] == cur[i], "exchange[%d] = %d, want %d (%d blocks)", i, got[i], cur[i], blocks);
  CUDA_CHECK(cudaFree(a));
  CUDA_CHECK(cudaFree(b));
}

static void testGridSum(dim3 grid) {
  const int threads = 256, rounds = 3;
  const size_t smem = threads * sizeof(int);
  const int blocks = grid.x * grid.y * grid.z, n = blocks * threads;
  std::vector<int> h(n);
  for (int i = 0; i < n; ++i)
    h[i] = (i * 37) % 101 - 50;
  int *in, *partial;
  long long *totals;
  CUDA_CHECK(cudaMalloc(&in, n * sizeof(int)));
  CUDA_CHECK(cudaMalloc(&partial, blocks * sizeof(int)));
  CUDA_CHECK(cudaMalloc(&totals, (size_t)rounds * n * sizeof(long long)));
  CUDA_CHECK(cudaMemcpy(in, h.data(), n * sizeof(int), cudaMemcpyHostToDevice));
  int r = rounds;
  void *args[] = {&in, &partial, &totals, &r};
  CUDA_CHECK(cudaLaunchCooperativeKernel((void *)gridSum, grid, dim3(threads), args, smem,
                                         nullptr));
  CUDA_CHECK(cudaDeviceSynchronize());
  std::vector<long long> got((size_t)rounds * n);
  CUDA_CHECK(cudaMemcpy(got.data(), totals, got.size() * sizeof(long long),
                        cudaMemcpyDeviceToHost));
  long long base = 0;
  for (int v : h)
    base += v;
  for (int k = 0; k < rounds; ++k)
    for (int i = 0; i < n; ++i)
      EXPECT(got[(size_t)k * n + i] == 2 * base * (k + 1), "gridSum round %d thread %d: %lld, want %lld",
             k, i, got[(size_t)k * n + i], 2 * base * (k + 1));
  CUDA_CHECK(cudaFree(in));
  CUDA_CHECK(cudaFree(partial));
  CUDA_CHECK(cudaFree(totals));
}

static void testUnevenBlocks() {
  const int threads = 64, blocks = maxBlocks(unevenBlocks, threads, 0), n = blocks * threads;
  int *out, *mid;
  CUDA_CHECK(cudaMalloc(&out, n * sizeof(int)));
  CUDA_CHECK(cudaMalloc(&mid, n * sizeof(int)));
  void *args[] = {&out, &mid};
  CUDA_CHECK(cudaLaunchCooperativeKernel((void *)unevenBlocks, dim3(blocks), dim3(threads), args,
                                         0, nullptr));
  CUDA_CHECK(cudaDeviceSynchronize());
  std::vector<int> got(n);
  CUDA_CHECK(cudaMemcpy(got.data(), out, n * sizeof(int), cudaMemcpyDeviceToHost));
  for (int b = 0; b < blocks; ++b)
    for (int t = 0; t < threads; ++t) {
      int nb = (b + 1) % blocks; // block nb shifted its ring nb + 1 times
      int want = nb * 100 + (t + nb + 1) % threads;
      EXPECT(got[b * threads + t] == want, "uneven[%d][%d] = %d, want %d", b, t,
             got[b * threads + t], want);
    }
  CUDA_CHECK(cudaFree(out));
  CUDA_CHECK(cudaFree(mid));
}

static void testWarpAndGrid() {
  const int threads = 128, blocks = maxBlocks(warpAndGrid, threads, 0), n = blocks * threads;
  std::vector<int> h(n);
  long long want = 0;
  for (int i = 0; i < n; ++i)
    want += h[i] = (i % 13) - 4;
  int *in, *sum, *out;
  CUDA_CHECK(cudaMalloc(&in, n * sizeof(int)));
  CUDA_CHECK(cudaMalloc(&sum, sizeof(int)));
  CUDA_CHECK(cudaMalloc(&out, n * sizeof(int)));
  CUDA_CHECK(cudaMemcpy(in, h.data(), n * sizeof(int), cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemset(sum, 0, sizeof(int)));
  void *args[] = {&in, &sum, &out};
  CUDA_CHECK(cudaLaunchCooperativeKernel((void *)warpAndGrid, dim3(blocks), dim3(threads), args,
                                         0, nullptr));
  CUDA_CHECK(cudaDeviceSynchronize());
  std::vector<int> got(n);
  CUDA_CHECK(cudaMemcpy(got.data(), out, n * sizeof(int), cudaMemcpyDeviceToHost));
  for (int i = 0; i < n; ++i)
    EXPECT(got[i] == want, "warpAndGrid[%d] = %d, want %lld", i, got[i], want);
  CUDA_CHECK(cudaFree(in));
  CUDA_CHECK(cudaFree(sum));
  CUDA_CHECK(cudaFree(out));
}

static void testGroupInfo(dim3 grid, dim3 block) {
  const unsigned bt = block.x * block.y * block.z, nb = grid.x * grid.y * grid.z, n = bt * nb;
  GroupInfo *d;
  CUDA_CHECK(cudaMalloc(&d, n * sizeof(GroupInfo)));
  void *args[] = {&d};
  CUDA_CHECK(cudaLaunchCooperativeKernel((void *)groupInfo, grid, block, args, 0, nullptr));
  CUDA_CHECK(cudaDeviceSynchronize());
  std::vector<GroupInfo> got(n);
  CUDA_CHECK(cudaMemcpy(got.data(), d, n * sizeof(GroupInfo), cudaMemcpyDeviceToHost));
  for (unsigned i = 0; i < n; ++i) {
    const GroupInfo &g = got[i];
    unsigned b = i / bt;
    EXPECT(g.rank == i && g.size == n && g.blocks == nb && g.blockRank == b && g.valid,
           "grid (%u,%u,%u) block (%u,%u,%u) thread %u: rank %llu size %llu blocks %llu "
           "block rank %llu valid %d",
           grid.x, grid.y, grid.z, block.x, block.y, block.z, i, g.rank, g.size, g.blocks,
           g.blockRank, g.valid);
    EXPECT(g.bix == b % grid.x && g.biy == (b / grid.x) % grid.y && g.biz == b / (grid.x * grid.y) &&
               g.gx == grid.x && g.gy == grid.y && g.gz == grid.z,
           "thread %u: block index (%u,%u,%u) of (%u,%u,%u)", i, g.bix, g.biy, g.biz, g.gx, g.gy,
           g.gz);
  }
  CUDA_CHECK(cudaFree(d));
}

static void testTooLarge() {
  const int threads = 256, blocks = maxBlocks(groupInfo, threads, 0);
  GroupInfo *d = nullptr;
  void *args[] = {&d};
  cudaError_t e = cudaLaunchCooperativeKernel((void *)groupInfo, dim3(blocks + 1), dim3(threads),
                                              args, 0, nullptr);
  EXPECT(e == cudaErrorCooperativeLaunchTooLarge, "%d + 1 blocks: %s", blocks,
         cudaGetErrorName(e));
  EXPECT(cudaGetLastError() == cudaErrorCooperativeLaunchTooLarge, "last error");
  EXPECT(cudaGetLastError() == cudaSuccess, "the error is not sticky");
}

int main() {
  int dev = 0, coop = 0;
  CUDA_CHECK(cudaGetDevice(&dev));
  CUDA_CHECK(cudaDeviceGetAttribute(&coop, cudaDevAttrCooperativeLaunch, dev));
  if (!coop) {
    printf("FAILED: the device does not support cooperative launches\n");
    return 1;
  }
  const int blocks = maxBlocks(gridSum, 256, 256 * sizeof(int));
  // The block's own __shared__ bytes, although its blocks share one buffer.
  cudaFuncAttributes attr;
  CUDA_CHECK(cudaFuncGetAttributes(&attr, (void *)gridSum));
  EXPECT(attr.sharedSizeBytes == 256 * sizeof(int), "gridSum sharedSizeBytes = %zu, want %zu",
         attr.sharedSizeBytes, 256 * sizeof(int));
  testExchange();
  testGridSum(dim3(blocks));
  testGridSum(dim3(1));
  testUnevenBlocks();
  testWarpAndGrid();
  testGroupInfo(dim3(blocks), dim3(48));
  testGroupInfo(dim3(1, blocks), dim3(8, 4, 2));
  testGroupInfo(dim3(1, 1, blocks), dim3(7, 3));
  if (blocks % 2 == 0)
    testGroupInfo(dim3(2, blocks / 2), dim3(33));
  testTooLarge();
  if (failures) {
    printf("%d failures\n", failures);
    return 1;
  }
  printf("PASSED (%d blocks at once)\n", blocks);
  return 0;
}
