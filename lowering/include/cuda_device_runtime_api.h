/*===- cuda_device_runtime_api.h - Device-side CUDA runtime (absent) ------===*
 *
 * In CUDA this header declares the runtime calls a kernel may make itself
 * (dynamic parallelism: cudaMalloc, kernel launches and cudaGetLastError from
 * device code). cuport's targets have no device-side runtime, so the header
 * declares nothing; it exists because programs include it by name. A device
 * call to a runtime function is rejected by the compiler as a call to a
 * __host__ function.
 *
 *===----------------------------------------------------------------------===*/

#ifndef CUPORT_CUDA_DEVICE_RUNTIME_API_H
#define CUPORT_CUDA_DEVICE_RUNTIME_API_H

#include "builtin_types.h"
#include "host_defines.h"

#endif /* CUPORT_CUDA_DEVICE_RUNTIME_API_H */
