/*===- device_types.h - CUDA device-side enum types -----------------------===*
 *
 * The rounding-mode enum CUDA exposes through builtin_types.h. Kept as its
 * own header because programs include it by name.
 *
 *===----------------------------------------------------------------------===*/

#ifndef CUPORT_DEVICE_TYPES_H
#define CUPORT_DEVICE_TYPES_H

#include "host_defines.h"

enum __device_builtin__ cudaRoundMode {
  cudaRoundNearest,
  cudaRoundZero,
  cudaRoundPosInf,
  cudaRoundMinInf
};

#endif /* CUPORT_DEVICE_TYPES_H */
