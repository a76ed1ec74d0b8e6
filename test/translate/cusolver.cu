// cuSOLVER (dense) -> hipSOLVER: LU, Cholesky, eigenvalues. The cuBLAS
// enumerators a cuSOLVER call takes get hipSOLVER's spelling (HIPSOLVER_OP_N:
// hipSOLVER's enums are not hipBLAS's), the same enumerators elsewhere stay
// hipBLAS ones.
// RUN: %cuport-translate %s -- > %t.hip 2> %t.err
// RUN: FileCheck --match-full-lines %s < %t.hip
// RUN: FileCheck --check-prefix=DIAG --allow-empty %s < %t.err
// DIAG-NOT: fallback

#include <cusolverDn.h>
// CHECK: #include <hipsolver/hipsolver.h>
#include <cublas_v2.h>
// CHECK: #include <hipblas/hipblas.h>
#include <cuda_runtime.h>
// CHECK: #include <hip/hip_runtime.h>

int solve(double *A, double *B, int n, int *ipiv, int *info, double *W) {
  cusolverDnHandle_t handle;
  // CHECK: hipsolverDnHandle_t handle;
  int lwork = 0;
  double *work = nullptr;
  cusolverStatus_t st = cusolverDnCreate(&handle);
  // CHECK: hipsolverStatus_t st = hipsolverDnCreate(&handle);
  if (st != CUSOLVER_STATUS_SUCCESS)
  // CHECK: if (st != HIPSOLVER_STATUS_SUCCESS)
    return 1;
  cudaStream_t stream;
  // CHECK: hipStream_t stream;
  cudaStreamCreate(&stream);
  // CHECK: hipStreamCreate(&stream);
  cusolverDnSetStream(handle, stream);
  // CHECK: hipsolverDnSetStream(handle, stream);
  cusolverDnDgetrf_bufferSize(handle, n, n, A, n, &lwork);
  // CHECK: hipsolverDnDgetrf_bufferSize(handle, n, n, A, n, &lwork);
  cudaMalloc(&work, lwork * sizeof(double));
  // CHECK: hipMalloc(&work, lwork * sizeof(double));
  cusolverDnDgetrf(handle, n, n, A, n, work, ipiv, info);
  // CHECK: hipsolverDnDgetrf(handle, n, n, A, n, work, ipiv, info);
  cusolverDnDgetrs(handle, CUBLAS_OP_N, n, 1, A, n, ipiv, B, n, info);
  // CHECK: hipsolverDnDgetrs(handle, HIPSOLVER_OP_N, n, 1, A, n, ipiv, B, n, info);
  cusolverDnDgetrs(handle, (CUBLAS_OP_T), n, 1, A, n, ipiv, B, n, info);
  // CHECK: hipsolverDnDgetrs(handle, (HIPSOLVER_OP_T), n, 1, A, n, ipiv, B, n, info);
  cusolverDnDgetrs(handle, CUBLAS_OP_C, n, 1, A, n, ipiv, B, n, info);
  // CHECK: hipsolverDnDgetrs(handle, HIPSOLVER_OP_C, n, 1, A, n, ipiv, B, n, info);
  cusolverDnDpotrf(handle, CUBLAS_FILL_MODE_LOWER, n, A, n, work, lwork, info);
  // CHECK: hipsolverDnDpotrf(handle, HIPSOLVER_FILL_MODE_LOWER, n, A, n, work, lwork, info);
  cusolverDnDsyevd(handle, CUSOLVER_EIG_MODE_VECTOR, CUBLAS_FILL_MODE_UPPER, n, A, n, W, work, lwork, info);
  // CHECK: hipsolverDnDsyevd(handle, HIPSOLVER_EIG_MODE_VECTOR, HIPSOLVER_FILL_MODE_UPPER, n, A, n, W, work, lwork, info);
  cusolverDnDormqr(handle, CUBLAS_SIDE_LEFT, CUBLAS_OP_T, n, n, n, A, n, W, B, n, work, lwork, info);
  // CHECK: hipsolverDnDormqr(handle, HIPSOLVER_SIDE_LEFT, HIPSOLVER_OP_T, n, n, n, A, n, W, B, n, work, lwork, info);
  // Not a cuSOLVER argument: hipBLAS's spelling.
  cublasOperation_t op = CUBLAS_OP_N;
  // CHECK: hipblasOperation_t op = HIPBLAS_OP_N;
  cublasHandle_t blas;
  // CHECK: hipblasHandle_t blas;
  cublasDtrsm(blas, CUBLAS_SIDE_LEFT, CUBLAS_FILL_MODE_LOWER, op, CUBLAS_DIAG_UNIT, n, 1, W, A, n, B, n);
  // CHECK: hipblasDtrsm(blas, HIPBLAS_SIDE_LEFT, HIPBLAS_FILL_MODE_LOWER, op, HIPBLAS_DIAG_UNIT, n, 1, W, A, n, B, n);
  cusolverDnDestroy(handle);
  // CHECK: hipsolverDnDestroy(handle);
  cudaFree(work);
  // CHECK: hipFree(work);
  return 0;
}

int main() { return 0; }

