// cuBLAS -> hipBLAS: handles, statuses, operations, level 1-3 calls.
// RUN: %cuport-translate %s -- > %t.hip 2> %t.err
// RUN: FileCheck --match-full-lines %s < %t.hip
// RUN: FileCheck --check-prefix=DIAG --allow-empty %s < %t.err
// DIAG-NOT: fallback

#include <cublas_v2.h>
// CHECK: #include <hipblas/hipblas.h>
#include <cuda_runtime.h>
// CHECK: #include <hip/hip_runtime.h>
#include <cstdio>

#define CUBLAS_CHECK(call) do { cublasStatus_t s_ = (call); if (s_ != CUBLAS_STATUS_SUCCESS) printf("cublas %d\n", (int)s_); } while (0)
// CHECK: #define CUBLAS_CHECK(call) do { hipblasStatus_t s_ = (call); if (s_ != HIPBLAS_STATUS_SUCCESS) printf("cublas %d\n", (int)s_); } while (0)

static void gemms(cublasHandle_t handle, const float *A, const float *B, float *C, int n) {
// CHECK: static void gemms(hipblasHandle_t handle, const float *A, const float *B, float *C, int n) {
  const float alpha = 1.0f, beta = 0.0f;
  CUBLAS_CHECK(cublasSgemm(handle, CUBLAS_OP_N, CUBLAS_OP_N, n, n, n, &alpha, A, n, B, n, &beta, C, n));
  // CHECK: CUBLAS_CHECK(hipblasSgemm(handle, HIPBLAS_OP_N, HIPBLAS_OP_N, n, n, n, &alpha, A, n, B, n, &beta, C, n));
  cublasSgemm(handle, CUBLAS_OP_T, CUBLAS_OP_C, n, n, n, &alpha, A, n, B, n, &beta, C, n);
  // CHECK: hipblasSgemm(handle, HIPBLAS_OP_T, HIPBLAS_OP_C, n, n, n, &alpha, A, n, B, n, &beta, C, n);
  cublasSgemmStridedBatched(handle, CUBLAS_OP_N, CUBLAS_OP_N, n, n, n, &alpha, A, n, n * n, B, n, n * n, &beta, C, n, n * n, 4);
  // CHECK: hipblasSgemmStridedBatched(handle, HIPBLAS_OP_N, HIPBLAS_OP_N, n, n, n, &alpha, A, n, n * n, B, n, n * n, &beta, C, n, n * n, 4);
  cublasSgemv(handle, CUBLAS_OP_N, n, n, &alpha, A, n, B, 1, &beta, C, 1);
  // CHECK: hipblasSgemv(handle, HIPBLAS_OP_N, n, n, &alpha, A, n, B, 1, &beta, C, 1);
}

static void level1(cublasHandle_t handle, const double *x, double *y, int n) {
// CHECK: static void level1(hipblasHandle_t handle, const double *x, double *y, int n) {
  double alpha = 2.0, result = 0.0;
  int idx = 0;
  cublasDaxpy(handle, n, &alpha, x, 1, y, 1);
  // CHECK: hipblasDaxpy(handle, n, &alpha, x, 1, y, 1);
  cublasDdot(handle, n, x, 1, y, 1, &result);
  // CHECK: hipblasDdot(handle, n, x, 1, y, 1, &result);
  cublasDnrm2(handle, n, x, 1, &result);
  // CHECK: hipblasDnrm2(handle, n, x, 1, &result);
  cublasDscal(handle, n, &alpha, y, 1);
  // CHECK: hipblasDscal(handle, n, &alpha, y, 1);
  cublasIdamax(handle, n, x, 1, &idx);
  // CHECK: hipblasIdamax(handle, n, x, 1, &idx);
  cublasDcopy(handle, n, x, 1, y, 1);
  // CHECK: hipblasDcopy(handle, n, x, 1, y, 1);
  cublasDtrsm(handle, CUBLAS_SIDE_LEFT, CUBLAS_FILL_MODE_LOWER, CUBLAS_OP_N, CUBLAS_DIAG_NON_UNIT, n, n, &alpha, x, n, y, n);
  // CHECK: hipblasDtrsm(handle, HIPBLAS_SIDE_LEFT, HIPBLAS_FILL_MODE_LOWER, HIPBLAS_OP_N, HIPBLAS_DIAG_NON_UNIT, n, n, &alpha, x, n, y, n);
}

int main() {
  cublasHandle_t handle;
  // CHECK: hipblasHandle_t handle;
  cudaStream_t stream;
  // CHECK: hipStream_t stream;
  cudaStreamCreate(&stream);
  // CHECK: hipStreamCreate(&stream);
  cublasStatus_t status = cublasCreate(&handle);
  // CHECK: hipblasStatus_t status = hipblasCreate(&handle);
  if (status != CUBLAS_STATUS_SUCCESS || status == CUBLAS_STATUS_NOT_INITIALIZED)
  // CHECK: if (status != HIPBLAS_STATUS_SUCCESS || status == HIPBLAS_STATUS_NOT_INITIALIZED)
    return 1;
  cublasSetStream(handle, stream);
  // CHECK: hipblasSetStream(handle, stream);
  cublasSetPointerMode(handle, CUBLAS_POINTER_MODE_HOST);
  // CHECK: hipblasSetPointerMode(handle, HIPBLAS_POINTER_MODE_HOST);
  cublasOperation_t op = CUBLAS_OP_N;
  // CHECK: hipblasOperation_t op = HIPBLAS_OP_N;
  cublasFillMode_t fill = CUBLAS_FILL_MODE_UPPER;
  // CHECK: hipblasFillMode_t fill = HIPBLAS_FILL_MODE_UPPER;
  (void)op;
  (void)fill;
  gemms(handle, nullptr, nullptr, nullptr, 16);
  level1(handle, nullptr, nullptr, 16);
  cublasDestroy(handle);
  // CHECK: hipblasDestroy(handle);
  return 0;
}

