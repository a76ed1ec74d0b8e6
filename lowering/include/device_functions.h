/*===- device_functions.h - nvcc compatibility name ------------------------===*
 *
 * Programs include this CUDA header by name; with cuport everything it
 * declares comes from cuda_runtime.h (the device library, which nvcc also
 * makes visible in every .cu file). A plain C/C++ host compile gets the C
 * library's declarations only.
 *
 *===----------------------------------------------------------------------===*/

#ifndef CUPORT_COMPAT_DEVICE_FUNCTIONS_H
#define CUPORT_COMPAT_DEVICE_FUNCTIONS_H

#if defined(__clang__) && defined(__CUDA__)
#include "cuda_runtime.h"
#else
#include <math.h>
#endif

#endif /* CUPORT_COMPAT_DEVICE_FUNCTIONS_H */
