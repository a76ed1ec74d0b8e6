/*===- cuport/math/minmax.h - CUDA's min/max overloads and integer abs ----===*
 *
 * CUDA programs call min(a, b) and max(a, b) unqualified in host and device
 * code; nvcc's headers provide them as __host__ __device__ overloads for the
 * integer types, float and double, plus the mixed signed/unsigned pairs
 * (where, as in C, the signed operand is converted to unsigned) and the mixed
 * float/double pairs. The named variants (umin, llmax, ...) come along.
 *
 * These are non-template functions at global scope, so with
 * `using namespace std;` an unqualified min(int, int) still picks them over
 * std::min<int> (a non-template wins a tie), and std::min from <algorithm>
 * is untouched.
 *
 * Also here: abs/labs/llabs for device code (the host ones are glibc's).
 *
 *===----------------------------------------------------------------------===*/

#ifndef CUPORT_MATH_MINMAX_H
#define CUPORT_MATH_MINMAX_H

#pragma clang system_header

#define __CUPORT_HDFN static __host__ __device__ __forceinline__

/* Pick the smaller/larger operand; both already converted to R. */
#define __CUPORT_MINMAX(R, A, B)                                               \
  __CUPORT_HDFN R min(const A __a, const B __b) {                              \
    return (R)__a < (R)__b ? (R)__a : (R)__b;                                  \
  }                                                                            \
  __CUPORT_HDFN R max(const A __a, const B __b) {                              \
    return (R)__a > (R)__b ? (R)__a : (R)__b;                                  \
  }

__CUPORT_MINMAX(int, int, int)
__CUPORT_MINMAX(unsigned int, unsigned int, unsigned int)
__CUPORT_MINMAX(unsigned int, int, unsigned int)
__CUPORT_MINMAX(unsigned int, unsigned int, int)
__CUPORT_MINMAX(long, long, long)
__CUPORT_MINMAX(unsigned long, unsigned long, unsigned long)
__CUPORT_MINMAX(unsigned long, long, unsigned long)
__CUPORT_MINMAX(unsigned long, unsigned long, long)
__CUPORT_MINMAX(long long, long long, long long)
__CUPORT_MINMAX(unsigned long long, unsigned long long, unsigned long long)
__CUPORT_MINMAX(unsigned long long, long long, unsigned long long)
__CUPORT_MINMAX(unsigned long long, unsigned long long, long long)
#undef __CUPORT_MINMAX

/* Floating point follows fminf/fmax: a NaN operand yields the other one. */
__CUPORT_HDFN float min(const float __a, const float __b) {
  return fminf(__a, __b);
}
__CUPORT_HDFN float max(const float __a, const float __b) {
  return fmaxf(__a, __b);
}
__CUPORT_HDFN double min(const double __a, const double __b) {
  return fmin(__a, __b);
}
__CUPORT_HDFN double max(const double __a, const double __b) {
  return fmax(__a, __b);
}
__CUPORT_HDFN double min(const float __a, const double __b) {
  return fmin((double)__a, __b);
}
__CUPORT_HDFN double max(const float __a, const double __b) {
  return fmax((double)__a, __b);
}
__CUPORT_HDFN double min(const double __a, const float __b) {
  return fmin(__a, (double)__b);
}
__CUPORT_HDFN double max(const double __a, const float __b) {
  return fmax(__a, (double)__b);
}

/* CUDA's named variants. */
__CUPORT_HDFN unsigned int umin(const unsigned int __a, const unsigned int __b) {
  return min(__a, __b);
}
__CUPORT_HDFN unsigned int umax(const unsigned int __a, const unsigned int __b) {
  return max(__a, __b);
}
__CUPORT_HDFN long long llmin(const long long __a, const long long __b) {
  return min(__a, __b);
}
__CUPORT_HDFN long long llmax(const long long __a, const long long __b) {
  return max(__a, __b);
}
__CUPORT_HDFN unsigned long long ullmin(const unsigned long long __a,
                                        const unsigned long long __b) {
  return min(__a, __b);
}
__CUPORT_HDFN unsigned long long ullmax(const unsigned long long __a,
                                        const unsigned long long __b) {
  return max(__a, __b);
}

#undef __CUPORT_HDFN

/* Integer abs in device code. The most negative value maps to itself, as
 * with two's complement hardware (and nvcc). */
static __device__ __forceinline__ int abs(int __x) {
  return __x < 0 ? (int)(0u - (unsigned int)__x) : __x;
}
static __device__ __forceinline__ long abs(long __x) {
  return __x < 0 ? (long)(0ul - (unsigned long)__x) : __x;
}
static __device__ __forceinline__ long long abs(long long __x) {
  return __x < 0 ? (long long)(0ull - (unsigned long long)__x) : __x;
}
static __device__ __forceinline__ long labs(long __x) { return abs(__x); }
static __device__ __forceinline__ long long llabs(long long __x) {
  return abs(__x);
}

namespace std {
using ::abs;
using ::labs;
using ::llabs;
} // namespace std

#endif /* CUPORT_MATH_MINMAX_H */
