/*===- driver_functions.h - make_cudaPitchedPtr, make_cudaPos, ... --------===*
 *
 * The small constructors CUDA programs use to fill in the 3D copy structs
 * of driver_types.h. Host-only, static inline, no exported symbols.
 *
 *===----------------------------------------------------------------------===*/

#ifndef CUPORT_DRIVER_FUNCTIONS_H
#define CUPORT_DRIVER_FUNCTIONS_H

#include "builtin_types.h"
#include "host_defines.h"

static __inline__ __host__ struct cudaPitchedPtr
make_cudaPitchedPtr(void *d, size_t p, size_t xsz, size_t ysz) {
  struct cudaPitchedPtr R;
  R.ptr = d;
  R.pitch = p;
  R.xsize = xsz;
  R.ysize = ysz;
  return R;
}

static __inline__ __host__ struct cudaPos make_cudaPos(size_t x, size_t y,
                                                       size_t z) {
  struct cudaPos R;
  R.x = x;
  R.y = y;
  R.z = z;
  return R;
}

static __inline__ __host__ struct cudaExtent make_cudaExtent(size_t w, size_t h,
                                                             size_t d) {
  struct cudaExtent R;
  R.width = w;
  R.height = h;
  R.depth = d;
  return R;
}

#endif /* CUPORT_DRIVER_FUNCTIONS_H */
