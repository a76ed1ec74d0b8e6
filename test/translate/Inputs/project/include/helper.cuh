#pragma once
#include <cuda_runtime.h>
inline int helperCheck(cudaError_t e) { return e == cudaSuccess ? 0 : 1; }
