/*===- device_launch_parameters.h - CUDA's built-in variables -------------===*
 *
 * Programs include this header by name to get threadIdx, blockIdx, blockDim,
 * gridDim and warpSize. cuport defines them in cuport/device_builtins.h.
 *
 *===----------------------------------------------------------------------===*/

#ifndef CUPORT_DEVICE_LAUNCH_PARAMETERS_H
#define CUPORT_DEVICE_LAUNCH_PARAMETERS_H

#include "cuport/device_builtins.h"

#endif /* CUPORT_DEVICE_LAUNCH_PARAMETERS_H */
