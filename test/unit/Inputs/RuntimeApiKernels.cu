// RuntimeApiKernels.cu - kernels RuntimeApiTests and RuntimeStressTests
// launch through the CUDA runtime API. The metadata for them is written by
// hand in RuntimeApiSupport.h (apiKernels) and must follow these signatures.

// Holds its stream until the host sets *Flag, so that tests can observe
// what runs beside a busy stream and what waits for it, without timing.
// The bound only turns a broken runtime into a failure instead of a hang.
__global__ void spinUntil(volatile int *Flag, int *Done) {
  unsigned long long N = 0;
  while (*Flag == 0 && ++N < (1ull << 36)) {
  }
  *Done = *Flag != 0 ? 1 : 2;
}

__global__ void addOne(int *Data, unsigned N) {
  unsigned I = globalIdX();
  if (I < N)
    Data[I] += 1;
}

// Out[i] = Seed * 31 + i; the stress test checks every element.
__global__ void pattern(int *Out, int Seed, unsigned N) {
  unsigned I = globalIdX();
  if (I < N)
    Out[I] = Seed * 31 + int(I);
}

// One thread per (x, y) of a pitched 2-D array of ints: element (x, y)
// becomes y * 1000 + x.
__global__ void pitched2D(char *Base, unsigned long Pitch, unsigned W, unsigned H) {
  unsigned X = unsigned(gid(0) * lsize(0) + lid(0));
  unsigned Y = unsigned(gid(1) * lsize(1) + lid(1));
  if (X < W && Y < H)
    ((int *)(Base + Y * Pitch))[X] = int(Y * 1000 + X);
}
