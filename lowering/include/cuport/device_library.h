/*===- cuport/device_library.h - cuport's CUDA device library -------------===*
 *
 * Everything CUDA makes available to device code beyond the built-in
 * variables and barriers (cuport/device_builtins.h): the math API, the
 * arithmetic, integer and conversion intrinsics. cuda_runtime.h includes
 * this header in CUDA mode when it is installed next to it.
 *
 *===----------------------------------------------------------------------===*/

#ifndef CUPORT_DEVICE_LIBRARY_H
#define CUPORT_DEVICE_LIBRARY_H

#pragma clang system_header

#include "device_math.h"
#include "device_intrinsics.h"

#endif /* CUPORT_DEVICE_LIBRARY_H */
