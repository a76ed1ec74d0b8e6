// RuntimeTestKernels.cu - kernels RuntimeOpenCLTests launches through the
// CUDA runtime API. Each one exercises one way of passing arguments; the
// metadata for them is written by hand in RuntimeOpenCLTest.cpp (kernelInfos)
// and must follow these signatures.

// Value + pointer arguments, 1-D indexing with a bounds check.
__global__ void saxpy(float A, const float *X, float *Y, int N) {
  unsigned I = globalIdX();
  if (I < unsigned(N))
    Y[I] = A * X[I] + Y[I];
}

// A struct passed by value.
struct Params {
  int Scale;
  int Offset;
  double Bias;
};
__global__ void affine(Params P, int *Out, unsigned N) {
  unsigned I = globalIdX();
  if (I < N)
    Out[I] = int(I) * P.Scale + P.Offset + int(P.Bias);
}

// 3-D grid and block: every thread writes its linear global id.
__global__ void coords(unsigned *Out) {
  unsigned X = unsigned(gid(0) * lsize(0) + lid(0));
  unsigned Y = unsigned(gid(1) * lsize(1) + lid(1));
  unsigned Z = unsigned(gid(2) * lsize(2) + lid(2));
  unsigned W = unsigned(lsize(0) * 2); // grid.x is 2 in the test
  unsigned H = unsigned(lsize(1) * 3); // grid.y is 3 in the test
  Out[(Z * H + Y) * W + X] = (Z * H + Y) * W + X + 1;
}

// Dynamic shared memory, as lowering presents it: a trailing local-memory
// pointer the runtime sizes from the launch's sharedMem. Block sums.
__global__ void blockSum(const int *In, int *Out, __shared_local__ int *Scratch) {
  unsigned T = unsigned(lid(0));
  Scratch[T] = In[globalIdX()];
  barrier(CLK_LOCAL_MEM_FENCE);
  if (T == 0) {
    int S = 0;
    for (unsigned I = 0; I < unsigned(lsize(0)); ++I)
      S += Scratch[I];
    Out[gid(0)] = S;
  }
}
