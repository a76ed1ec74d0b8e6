// cuSPARSE -> hipSPARSE: handles, the generic SpMV API, descriptors.
// RUN: %cuport-translate %s -- > %t.hip 2> %t.err
// RUN: FileCheck --match-full-lines %s < %t.hip
// RUN: FileCheck --check-prefix=DIAG --allow-empty %s < %t.err
// DIAG-NOT: fallback

#include <cusparse.h>
// CHECK: #include <hipsparse/hipsparse.h>
#include <cuda_runtime.h>
// CHECK: #include <hip/hip_runtime.h>

int spmv(int rows, int cols, int nnz, int *rowPtr, int *colInd, float *vals, float *x, float *y) {
  cusparseHandle_t handle;
  // CHECK: hipsparseHandle_t handle;
  cusparseSpMatDescr_t matA;
  // CHECK: hipsparseSpMatDescr_t matA;
  cusparseDnVecDescr_t vecX, vecY;
  // CHECK: hipsparseDnVecDescr_t vecX, vecY;
  float alpha = 1.0f, beta = 0.0f;
  size_t bufferSize = 0;
  void *buffer = nullptr;
  if (cusparseCreate(&handle) != CUSPARSE_STATUS_SUCCESS)
  // CHECK: if (hipsparseCreate(&handle) != HIPSPARSE_STATUS_SUCCESS)
    return 1;
  cusparseCreateCsr(&matA, rows, cols, nnz, rowPtr, colInd, vals, CUSPARSE_INDEX_32I, CUSPARSE_INDEX_32I, CUSPARSE_INDEX_BASE_ZERO, CUDA_R_32F);
  // CHECK: hipsparseCreateCsr(&matA, rows, cols, nnz, rowPtr, colInd, vals, HIPSPARSE_INDEX_32I, HIPSPARSE_INDEX_32I, HIPSPARSE_INDEX_BASE_ZERO, HIP_R_32F);
  cusparseCreateDnVec(&vecX, cols, x, CUDA_R_32F);
  // CHECK: hipsparseCreateDnVec(&vecX, cols, x, HIP_R_32F);
  cusparseCreateDnVec(&vecY, rows, y, CUDA_R_32F);
  // CHECK: hipsparseCreateDnVec(&vecY, rows, y, HIP_R_32F);
  cusparseSpMV_bufferSize(handle, CUSPARSE_OPERATION_NON_TRANSPOSE, &alpha, matA, vecX, &beta, vecY, CUDA_R_32F, CUSPARSE_SPMV_ALG_DEFAULT, &bufferSize);
  // CHECK: hipsparseSpMV_bufferSize(handle, HIPSPARSE_OPERATION_NON_TRANSPOSE, &alpha, matA, vecX, &beta, vecY, HIP_R_32F, HIPSPARSE_SPMV_ALG_DEFAULT, &bufferSize);
  cudaMalloc(&buffer, bufferSize);
  // CHECK: hipMalloc(&buffer, bufferSize);
  cusparseSpMV(handle, CUSPARSE_OPERATION_NON_TRANSPOSE, &alpha, matA, vecX, &beta, vecY, CUDA_R_32F, CUSPARSE_SPMV_ALG_DEFAULT, buffer);
  // CHECK: hipsparseSpMV(handle, HIPSPARSE_OPERATION_NON_TRANSPOSE, &alpha, matA, vecX, &beta, vecY, HIP_R_32F, HIPSPARSE_SPMV_ALG_DEFAULT, buffer);
  cusparseDestroySpMat(matA);
  // CHECK: hipsparseDestroySpMat(matA);
  cusparseDestroyDnVec(vecX);
  // CHECK: hipsparseDestroyDnVec(vecX);
  cusparseDestroyDnVec(vecY);
  // CHECK: hipsparseDestroyDnVec(vecY);
  cusparseMatDescr_t descr;
  // CHECK: hipsparseMatDescr_t descr;
  cusparseCreateMatDescr(&descr);
  // CHECK: hipsparseCreateMatDescr(&descr);
  cusparseSetMatType(descr, CUSPARSE_MATRIX_TYPE_GENERAL);
  // CHECK: hipsparseSetMatType(descr, HIPSPARSE_MATRIX_TYPE_GENERAL);
  cusparseSetMatIndexBase(descr, CUSPARSE_INDEX_BASE_ONE);
  // CHECK: hipsparseSetMatIndexBase(descr, HIPSPARSE_INDEX_BASE_ONE);
  cusparseDestroyMatDescr(descr);
  // CHECK: hipsparseDestroyMatDescr(descr);
  cusparseDestroy(handle);
  // CHECK: hipsparseDestroy(handle);
  cudaFree(buffer);
  // CHECK: hipFree(buffer);
  return 0;
}

int main() { return 0; }

