// RUN: %cuport-translate %s -- -I %S/Inputs > %t.hip 2> %t.err
// RUN: FileCheck --match-full-lines %s < %t.hip
// RUN: FileCheck --check-prefix=WARN %s < %t.err
// Includes: CUDA headers become their HIP headers, <> and "" kept; a header
// with no HIP equivalent is kept and warned about; user headers untouched.

#include <cuda_runtime.h>
// CHECK: #include <hip/hip_runtime.h>
#include "cuda_runtime_api.h"
// CHECK: #include "hip/hip_runtime_api.h"
#include <cuda.h>
// CHECK: #include <hip/hip_runtime.h>
#include <device_launch_parameters.h>
// CHECK: #include <hip/hip_runtime.h>
#include <cublas_v2.h>
// CHECK: #include <hipblas/hipblas.h>
#include "cublas.h"
// CHECK: #include "hipblas/hipblas.h"
#include <curand.h>
// CHECK: #include <hiprand/hiprand.h>
#include <curand_kernel.h>
// CHECK: #include <hiprand/hiprand_kernel.h>
#include <cufft.h>
// CHECK: #include <hipfft/hipfft.h>
#include <cusparse.h>
// CHECK: #include <hipsparse/hipsparse.h>
#include <cusolverDn.h>
// CHECK: #include <hipsolver/hipsolver.h>
#include <cudnn.h>
// CHECK: #include <miopen/miopen.h>
#include <cublasLt.h>
// WARN: :[[@LINE-1]]:10: warning: header 'cublasLt.h' has no HIP equivalent; include left unchanged
#include <cstdio> // KEEP
// CHECK: #include <cstdio> // KEEP
#include "user_header.cuh" // KEEP
// CHECK: #include "user_header.cuh" // KEEP
#if 0
#include <cuda_profiler_api.h>
// CHECK: #include <hip/hip_runtime_api.h>
#endif

int main() { return user_value(); }

