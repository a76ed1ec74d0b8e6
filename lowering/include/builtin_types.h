/*===- builtin_types.h - All CUDA runtime types in one include ------------===*
 *
 * The aggregate header CUDA programs and cuda_runtime_api.h include to get
 * every runtime type: vectors, dim3, enums, structs and handles.
 *
 *===----------------------------------------------------------------------===*/

#ifndef CUPORT_BUILTIN_TYPES_H
#define CUPORT_BUILTIN_TYPES_H

#include "device_types.h"
#include "driver_types.h"
#include "surface_types.h"
#include "texture_types.h"
#include "vector_types.h"

#endif /* CUPORT_BUILTIN_TYPES_H */
