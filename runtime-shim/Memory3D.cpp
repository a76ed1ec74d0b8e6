//===- Memory3D.cpp - pitched, 2D and 3D memory ---------------------------===//
//
// The small struct constructors (make_cudaPitchedPtr/Pos/Extent, which
// CUDA's driver_functions.h also defines inline; exported here so that
// objects built against headers that declare them still link) and
// cudaCreateChannelDesc, which returns a struct and so cannot be a
// not-supported stub.
//
//===----------------------------------------------------------------------===//
#include "Runtime.h"

using namespace cuport;

CUPORT_EXPORT struct cudaPitchedPtr make_cudaPitchedPtr(void *d, size_t p, size_t xsz,
                                                        size_t ysz) {
  struct cudaPitchedPtr R;
  R.ptr = d;
  R.pitch = p;
  R.xsize = xsz;
  R.ysize = ysz;
  return R;
}

CUPORT_EXPORT struct cudaPos make_cudaPos(size_t x, size_t y, size_t z) {
  struct cudaPos R;
  R.x = x;
  R.y = y;
  R.z = z;
  return R;
}

CUPORT_EXPORT struct cudaExtent make_cudaExtent(size_t w, size_t h, size_t d) {
  struct cudaExtent R;
  R.width = w;
  R.height = h;
  R.depth = d;
  return R;
}

CUPORT_EXPORT struct cudaChannelFormatDesc cudaCreateChannelDesc(int x, int y, int z, int w,
                                                                  enum cudaChannelFormatKind f) {
  struct cudaChannelFormatDesc D;
  D.x = x;
  D.y = y;
  D.z = z;
  D.w = w;
  D.f = f;
  return D;
}
