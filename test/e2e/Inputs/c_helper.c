/* A C source compiled by cuport-cc next to .cu files: C, not C++ or CUDA. */
void describeCFile(int *nvcc, int *cudacc) {
#ifdef __NVCC__
  *nvcc = 1;
#else
  *nvcc = 0;
#endif
#ifdef __CUDACC__
  *cudacc = 1;
#else
  *cudacc = 0;
#endif
  /* Valid C, invalid C++: an implicit conversion from void *. */
  void *p = 0;
  int *q = p;
  (void)q;
}
