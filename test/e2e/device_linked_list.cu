// RUN: %cuport-cc -O2 %s -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: PASSED
//
// Device pointers stored inside data: a linked list whose `next` fields the
// host fills with device addresses (nodes in a shuffled order within one
// allocation), several lists walked by different threads, a struct of
// pointers into separate allocations placed in device memory and reached
// through a pointer, and a kernel that writes pointers itself (reversing the
// lists) which the host then checks as addresses. A CUDA device pointer is
// an address that kernels may store, offset and compare.
#include <cuda_runtime.h>

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

struct Node {
  int value;
  Node *next;
  double weight;
};

struct Columns {
  const float *x;
  const float *y;
  const int *index;
  float *result;
  int n;
};

// Thread t walks list t: sum of values, sum of weights, length, and the
// index of the tail node computed from its address.
__global__ void walkLists(Node *const *heads, const Node *base, int numLists,
                          long long *sums, double *weights, int *lengths,
                          int *tails) {
  int t = blockIdx.x * blockDim.x + threadIdx.x;
  if (t >= numLists)
    return;
  long long s = 0;
  double w = 0;
  int len = 0;
  const Node *last = nullptr;
  for (const Node *p = heads[t]; p != nullptr; p = p->next) {
    s += p->value;
    w += p->weight;
    ++len;
    last = p;
  }
  sums[t] = s;
  weights[t] = w;
  lengths[t] = len;
  tails[t] = last ? (int)(last - base) : -1;
}

// Reverses each list in place; newHeads[t] receives the old tail.
__global__ void reverseLists(Node *const *heads, Node **newHeads, int numLists) {
  int t = blockIdx.x * blockDim.x + threadIdx.x;
  if (t >= numLists)
    return;
  Node *prev = nullptr;
  Node *cur = heads[t];
  while (cur) {
    Node *next = cur->next;
    cur->next = prev;
    prev = cur;
    cur = next;
  }
  newHeads[t] = prev;
}

// The struct of pointers lives in device memory and is reached by pointer.
__global__ void gatherColumns(const Columns *c) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < c->n) {
    int j = c->index[i];
    c->result[i] = c->x[j] * 2.0f + c->y[i];
  }
}

static int Failures = 0;
static void fail(const char *fmt, long long a, long long b, long long c) {
  if (Failures < 10) {
    printf("mismatch: ");
    printf(fmt, a, b, c);
    printf("\n");
  }
  ++Failures;
}

int main() {
  const int numNodes = 2000, numLists = 37;
  Node *dNodes;
  CUDA_CHECK(cudaMalloc(&dNodes, numNodes * sizeof(Node)));

  // Shuffle node slots, then deal them round-robin into the lists.
  int *perm = (int *)malloc(numNodes * sizeof(int));
  for (int i = 0; i < numNodes; ++i)
    perm[i] = i;
  unsigned seed = 7;
  for (int i = numNodes - 1; i > 0; --i) {
    seed = seed * 1103515245u + 12345u;
    int j = (int)((seed >> 8) % (unsigned)(i + 1));
    int tmp = perm[i];
    perm[i] = perm[j];
    perm[j] = tmp;
  }
  // List t holds perm[t], perm[t + numLists], perm[t + 2*numLists], ...
  Node *hNodes = (Node *)malloc(numNodes * sizeof(Node));
  Node **hHeads = (Node **)malloc(numLists * sizeof(Node *));
  for (int k = 0; k < numNodes; ++k) {
    int slot = perm[k];
    hNodes[slot].value = k * 3 - 1000;
    hNodes[slot].weight = 0.5 * (k % 9);
    hNodes[slot].next = k + numLists < numNodes ? dNodes + perm[k + numLists] : nullptr;
  }
  for (int t = 0; t < numLists; ++t)
    hHeads[t] = dNodes + perm[t];
  CUDA_CHECK(cudaMemcpy(dNodes, hNodes, numNodes * sizeof(Node), cudaMemcpyHostToDevice));

  Node **dHeads, **dNewHeads;
  long long *dSums;
  double *dWeights;
  int *dLengths, *dTails;
  CUDA_CHECK(cudaMalloc(&dHeads, numLists * sizeof(Node *)));
  CUDA_CHECK(cudaMalloc(&dNewHeads, numLists * sizeof(Node *)));
  CUDA_CHECK(cudaMalloc(&dSums, numLists * sizeof(long long)));
  CUDA_CHECK(cudaMalloc(&dWeights, numLists * sizeof(double)));
  CUDA_CHECK(cudaMalloc(&dLengths, numLists * sizeof(int)));
  CUDA_CHECK(cudaMalloc(&dTails, numLists * sizeof(int)));
  CUDA_CHECK(cudaMemcpy(dHeads, hHeads, numLists * sizeof(Node *), cudaMemcpyHostToDevice));

  long long sums[numLists];
  double weights[numLists];
  int lengths[numLists], tails[numLists];

  // Expected per list, from the dealing order (not from the node array).
  long long wantSum[numLists];
  double wantWeight[numLists];
  int wantLen[numLists], wantTail[numLists];
  for (int t = 0; t < numLists; ++t) {
    wantSum[t] = 0;
    wantWeight[t] = 0;
    wantLen[t] = 0;
    for (int k = t; k < numNodes; k += numLists) {
      wantSum[t] += k * 3 - 1000;
      wantWeight[t] += 0.5 * (k % 9);
      ++wantLen[t];
      wantTail[t] = perm[k];
    }
  }

  for (int pass = 0; pass < 2; ++pass) {
    walkLists<<<(numLists + 31) / 32, 32>>>(pass ? dNewHeads : dHeads, dNodes, numLists,
                                            dSums, dWeights, dLengths, dTails);
    CUDA_CHECK(cudaGetLastError());
    CUDA_CHECK(cudaDeviceSynchronize());
    CUDA_CHECK(cudaMemcpy(sums, dSums, sizeof(sums), cudaMemcpyDeviceToHost));
    CUDA_CHECK(cudaMemcpy(weights, dWeights, sizeof(weights), cudaMemcpyDeviceToHost));
    CUDA_CHECK(cudaMemcpy(lengths, dLengths, sizeof(lengths), cudaMemcpyDeviceToHost));
    CUDA_CHECK(cudaMemcpy(tails, dTails, sizeof(tails), cudaMemcpyDeviceToHost));
    for (int t = 0; t < numLists; ++t) {
      if (sums[t] != wantSum[t])
        fail("pass %lld list %lld sum %lld", pass, t, sums[t]);
      if (weights[t] != wantWeight[t])
        fail("pass %lld list %lld weight*2 %lld", pass, t, (long long)(2 * weights[t]));
      if (lengths[t] != wantLen[t])
        fail("pass %lld list %lld length %lld", pass, t, lengths[t]);
      // After reversal the tail is the old head.
      int tail = pass ? perm[t] : wantTail[t];
      if (tails[t] != tail)
        fail("pass %lld list %lld tail index %lld", pass, t, tails[t]);
    }
    if (pass == 0) {
      reverseLists<<<(numLists + 31) / 32, 32>>>(dHeads, dNewHeads, numLists);
      CUDA_CHECK(cudaGetLastError());
      CUDA_CHECK(cudaDeviceSynchronize());
    }
  }

  // Pointers written by the device are device addresses the host can check.
  Node *newHeads[numLists];
  CUDA_CHECK(cudaMemcpy(newHeads, dNewHeads, sizeof(newHeads), cudaMemcpyDeviceToHost));
  for (int t = 0; t < numLists; ++t)
    if (newHeads[t] != dNodes + wantTail[t])
      fail("new head of list %lld is node %lld, want %lld", t,
           (long long)(newHeads[t] - dNodes), wantTail[t]);
  CUDA_CHECK(cudaMemcpy(hNodes, dNodes, numNodes * sizeof(Node), cudaMemcpyDeviceToHost));
  for (int k = 0; k < numNodes; ++k) {
    Node *want = k >= numLists ? dNodes + perm[k - numLists] : nullptr;
    if (hNodes[perm[k]].next != want)
      fail("reversed next of node %lld (list position %lld) is %lld", perm[k], k,
           hNodes[perm[k]].next ? (long long)(hNodes[perm[k]].next - dNodes) : -1);
  }

  // Struct of pointers, itself in device memory.
  const int n = 500;
  float *hx = (float *)malloc(n * sizeof(float)), *hy = (float *)malloc(n * sizeof(float));
  int *hIndex = (int *)malloc(n * sizeof(int));
  for (int i = 0; i < n; ++i) {
    hx[i] = 0.25f * i;
    hy[i] = (float)(i % 17);
    hIndex[i] = (i * 191) % n;
  }
  float *dx, *dy, *dResult;
  int *dIndex;
  CUDA_CHECK(cudaMalloc(&dx, n * sizeof(float)));
  CUDA_CHECK(cudaMalloc(&dy, n * sizeof(float)));
  CUDA_CHECK(cudaMalloc(&dResult, n * sizeof(float)));
  CUDA_CHECK(cudaMalloc(&dIndex, n * sizeof(int)));
  CUDA_CHECK(cudaMemcpy(dx, hx, n * sizeof(float), cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(dy, hy, n * sizeof(float), cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(dIndex, hIndex, n * sizeof(int), cudaMemcpyHostToDevice));
  Columns cols = {dx, dy, dIndex, dResult, n};
  Columns *dCols;
  CUDA_CHECK(cudaMalloc(&dCols, sizeof(Columns)));
  CUDA_CHECK(cudaMemcpy(dCols, &cols, sizeof(Columns), cudaMemcpyHostToDevice));
  gatherColumns<<<(n + 127) / 128, 128>>>(dCols);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaDeviceSynchronize());
  float *result = (float *)malloc(n * sizeof(float));
  CUDA_CHECK(cudaMemcpy(result, dResult, n * sizeof(float), cudaMemcpyDeviceToHost));
  for (int i = 0; i < n; ++i) {
    // Exact: quarter-integers times two plus a small integer.
    double want = 0.5 * ((i * 191) % n) + (i % 17);
    if (result[i] != want)
      fail("gatherColumns[%lld] = %lld/4, want %lld/4", i, (long long)(4 * result[i]),
           (long long)(4 * want));
  }

  CUDA_CHECK(cudaFree(dNodes));
  CUDA_CHECK(cudaFree(dHeads));
  CUDA_CHECK(cudaFree(dNewHeads));
  CUDA_CHECK(cudaFree(dSums));
  CUDA_CHECK(cudaFree(dWeights));
  CUDA_CHECK(cudaFree(dLengths));
  CUDA_CHECK(cudaFree(dTails));
  CUDA_CHECK(cudaFree(dx));
  CUDA_CHECK(cudaFree(dy));
  CUDA_CHECK(cudaFree(dResult));
  CUDA_CHECK(cudaFree(dIndex));
  CUDA_CHECK(cudaFree(dCols));
  free(perm);
  free(hNodes);
  free(hHeads);
  free(hx);
  free(hy);
  free(hIndex);
  free(result);
  if (Failures) {
    printf("FAILED: %d mismatches\n", Failures);
    return 1;
  }
  printf("PASSED\n");
  return 0;
}
