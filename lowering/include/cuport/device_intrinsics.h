/*===- cuport/device_intrinsics.h - CUDA's device intrinsics --------------===*
 *
 * Expands cuport/DeviceIntrinsics.def: arithmetic with a rounding mode
 * (__fadd_rz, __dmul_ru, __fsqrt_rd, ...), integer intrinsics (__popc,
 * __byte_perm, __funnelshift_l, ...), SIMD-within-a-word operations
 * (__vadd2, __vabsdiffu4, ...), conversions with a rounding mode
 * (__float2int_rd, __ull2double_ru, ...) and bit reinterpretation
 * (__float_as_int, __hiloint2double, ...). Same scheme as device_math.h:
 * an OCL row calls the OpenCL built-in through an asm label, a LIB row the
 * implementation in cuport/math/rounding.h or cuport/math/integer.h.
 *
 *===----------------------------------------------------------------------===*/

#ifndef CUPORT_DEVICE_INTRINSICS_H
#define CUPORT_DEVICE_INTRINSICS_H

#pragma clang system_header

#include "device_math.h"

#if defined(__CUPORT_CUDA_MODE__) && defined(__cplusplus)

/* __CUPORT_SIG_<r>_<args>(T): the prototype classes of DeviceIntrinsics.def
 * in device_math.h's form (T is unused). */
#define __CUPORT_SIG_f_f(T) float, (float __x), (__x)
#define __CUPORT_SIG_f_ff(T) float, (float __x, float __y), (__x, __y)
#define __CUPORT_SIG_f_fff(T) float, (float __x, float __y, float __z), (__x, __y, __z)
#define __CUPORT_SIG_d_d(T) double, (double __x), (__x)
#define __CUPORT_SIG_d_dd(T) double, (double __x, double __y), (__x, __y)
#define __CUPORT_SIG_d_ddd(T)                                                  \
  double, (double __x, double __y, double __z), (__x, __y, __z)
#define __CUPORT_SIG_u_u(T) unsigned int, (unsigned int __x), (__x)
#define __CUPORT_SIG_m_m(T)                                                    \
  unsigned long long, (unsigned long long __x), (__x)
#define __CUPORT_SIG_u_uu(T)                                                   \
  unsigned int, (unsigned int __x, unsigned int __y), (__x, __y)
#define __CUPORT_SIG_u_uuu(T)                                                  \
  unsigned int, (unsigned int __x, unsigned int __y, unsigned int __z),        \
      (__x, __y, __z)
#define __CUPORT_SIG_u_iiu(T)                                                  \
  unsigned int, (int __x, int __y, unsigned int __z), (__x, __y, __z)
#define __CUPORT_SIG_i_i(T) int, (int __x), (__x)
#define __CUPORT_SIG_i_l(T) int, (long long __x), (__x)
#define __CUPORT_SIG_i_u(T) int, (unsigned int __x), (__x)
#define __CUPORT_SIG_i_m(T) int, (unsigned long long __x), (__x)
#define __CUPORT_SIG_i_ii(T) int, (int __x, int __y), (__x, __y)
#define __CUPORT_SIG_i_iii(T) int, (int __x, int __y, int __z), (__x, __y, __z)
#define __CUPORT_SIG_l_ll(T) long long, (long long __x, long long __y), (__x, __y)
#define __CUPORT_SIG_m_mm(T)                                                   \
  unsigned long long, (unsigned long long __x, unsigned long long __y),        \
      (__x, __y)
#define __CUPORT_SIG_i_f(T) int, (float __x), (__x)
#define __CUPORT_SIG_u_f(T) unsigned int, (float __x), (__x)
#define __CUPORT_SIG_l_f(T) long long, (float __x), (__x)
#define __CUPORT_SIG_m_f(T) unsigned long long, (float __x), (__x)
#define __CUPORT_SIG_i_d(T) int, (double __x), (__x)
#define __CUPORT_SIG_u_d(T) unsigned int, (double __x), (__x)
#define __CUPORT_SIG_l_d(T) long long, (double __x), (__x)
#define __CUPORT_SIG_m_d(T) unsigned long long, (double __x), (__x)
#define __CUPORT_SIG_f_d(T) float, (double __x), (__x)
#define __CUPORT_SIG_f_i(T) float, (int __x), (__x)
#define __CUPORT_SIG_f_u(T) float, (unsigned int __x), (__x)
#define __CUPORT_SIG_f_l(T) float, (long long __x), (__x)
#define __CUPORT_SIG_f_m(T) float, (unsigned long long __x), (__x)
#define __CUPORT_SIG_d_i(T) double, (int __x), (__x)
#define __CUPORT_SIG_d_u(T) double, (unsigned int __x), (__x)
#define __CUPORT_SIG_d_l(T) double, (long long __x), (__x)
#define __CUPORT_SIG_d_m(T) double, (unsigned long long __x), (__x)
#define __CUPORT_SIG_d_ii(T) double, (int __x, int __y), (__x, __y)

/* Declarations and the built-ins behind OCL rows. */
#define CUPORT_INTRINSIC(Name, Sig, Impl, Sym, Note)                           \
  __CUPORT_DECLARE(Name, Sig, void)                                            \
  __CUPORT_IMPL_##Impl(Name, Sig, void, Sym)
#include "DeviceIntrinsics.def"

#include "math/rounding.h"
#include "math/integer.h"

/* Definitions. */
#define CUPORT_INTRINSIC(Name, Sig, Impl, Sym, Note)                           \
  __CUPORT_DEFINE(Name, Sig, void, __cuport_impl_##Name)
#include "DeviceIntrinsics.def"

#endif /* __CUPORT_CUDA_MODE__ && __cplusplus */

#endif /* CUPORT_DEVICE_INTRINSICS_H */
