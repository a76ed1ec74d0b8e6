// RuntimeExecutionKernels.cu - kernels RuntimeExecutionTests launch and
// query (function attributes, occupancy, cooperative launches). The
// metadata for them is written by hand in RuntimeExecutionTest.cpp and must
// follow these signatures.

// Static shared memory of a size the test knows (StaticSharedInts ints):
// each block writes its threads' ids * 3 and reads them back reversed.
__global__ void staticShared(int *Out) {
  __attribute__((shared)) int Buf[256];
  unsigned T = unsigned(lid(0));
  Buf[T] = int(T) * 3;
  barrier(CLK_LOCAL_MEM_FENCE);
  Out[gid(0) * lsize(0) + T] = Buf[lsize(0) - 1 - T];
}

// Dynamic shared memory only (the launch's sharedMem): the same reversal
// of id + 7.
__global__ void dynShared(int *Out, __shared_local__ int *Dyn) {
  unsigned T = unsigned(lid(0));
  Dyn[T] = int(T) + 7;
  barrier(CLK_LOCAL_MEM_FENCE);
  Out[gid(0) * lsize(0) + T] = Dyn[lsize(0) - 1 - T];
}

// Each block adds one to its own flag: every flag is 1 after a launch that
// ran every block exactly once.
__global__ void markBlocks(int *Flags) {
  if (lid(0) == 0)
    Flags[gid(0)] += 1;
}
