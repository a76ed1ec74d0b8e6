// cuFFT -> hipFFT: plans, executions, types, directions.
// RUN: %cuport-translate %s -- > %t.hip 2> %t.err
// RUN: FileCheck --match-full-lines %s < %t.hip
// RUN: FileCheck --check-prefix=DIAG --allow-empty %s < %t.err
// DIAG-NOT: fallback

#include <cufft.h>
// CHECK: #include <hipfft/hipfft.h>
#include <cuda_runtime.h>
// CHECK: #include <hip/hip_runtime.h>

__global__ void scale(cufftComplex *data, int n) {
// CHECK: __global__ void scale(hipfftComplex *data, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    data[i].x /= n;
    data[i].y /= n;
  }
}

int main() {
  const int n = 256;
  cufftHandle plan, plan2d, planr;
  // CHECK: hipfftHandle plan, plan2d, planr;
  cufftComplex *data = nullptr;
  // CHECK: hipfftComplex *data = nullptr;
  cufftReal *real = nullptr;
  // CHECK: hipfftReal *real = nullptr;
  cufftDoubleComplex *zdata = nullptr;
  // CHECK: hipfftDoubleComplex *zdata = nullptr;
  cudaStream_t stream = 0;
  // CHECK: hipStream_t stream = 0;
  cufftResult r = cufftPlan1d(&plan, n, CUFFT_C2C, 1);
  // CHECK: hipfftResult r = hipfftPlan1d(&plan, n, HIPFFT_C2C, 1);
  if (r != CUFFT_SUCCESS || r == CUFFT_INVALID_PLAN)
  // CHECK: if (r != HIPFFT_SUCCESS || r == HIPFFT_INVALID_PLAN)
    return 1;
  cufftPlan2d(&plan2d, n, n, CUFFT_Z2Z);
  // CHECK: hipfftPlan2d(&plan2d, n, n, HIPFFT_Z2Z);
  cufftPlan1d(&planr, n, CUFFT_R2C, 1);
  // CHECK: hipfftPlan1d(&planr, n, HIPFFT_R2C, 1);
  cufftSetStream(plan, stream);
  // CHECK: hipfftSetStream(plan, stream);
  cufftExecC2C(plan, data, data, CUFFT_FORWARD);
  // CHECK: hipfftExecC2C(plan, data, data, HIPFFT_FORWARD);
  cufftExecC2C(plan, data, data, CUFFT_INVERSE);
  // CHECK: hipfftExecC2C(plan, data, data, HIPFFT_BACKWARD);
  cufftExecR2C(planr, real, data);
  // CHECK: hipfftExecR2C(planr, real, data);
  cufftExecZ2Z(plan2d, zdata, zdata, CUFFT_FORWARD);
  // CHECK: hipfftExecZ2Z(plan2d, zdata, zdata, HIPFFT_FORWARD);
  scale<<<1, n>>>(data, n);
  cufftType t = CUFFT_D2Z;
  // CHECK: hipfftType t = HIPFFT_D2Z;
  (void)t;
  cufftDestroy(plan);
  // CHECK: hipfftDestroy(plan);
  cufftDestroy(plan2d);
  // CHECK: hipfftDestroy(plan2d);
  cufftDestroy(planr);
  // CHECK: hipfftDestroy(planr);
  return 0;
}

