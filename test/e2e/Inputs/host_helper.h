// Interface between mixed_host_cpp.cu and Inputs/host_helper.cpp, a plain
// C++ file compiled by the host compiler (no CUDA language features).
#ifndef CUPORT_E2E_HOST_HELPER_H
#define CUPORT_E2E_HOST_HELPER_H

#include <cuda_runtime.h>

// Host reference: out[i] = sum over |d| <= radius of in[clamp(i + d)] * (radius + 1 - |d|).
void referenceBlur(const float *in, float *out, int n, int radius);

// Allocates a device buffer and copies n floats into it with the runtime API.
cudaError_t uploadFloats(float **devicePtr, const float *host, int n);

// Copies n floats back and frees the device buffer.
cudaError_t downloadAndFree(float *host, float *devicePtr, int n);

#endif
