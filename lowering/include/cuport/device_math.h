/*===- cuport/device_math.h - CUDA's device math API ----------------------===*
 *
 * Expands cuport/DeviceMath.def into CUDA's device math functions (sinf,
 * sin(double), the C++ float overloads such as sin(float), the std:: names,
 * and the fast intrinsics such as __sinf).
 *
 * Each function is a `static __device__ __forceinline__` overload next to
 * the host function of the same name from <math.h>; Clang's CUDA mode
 * overloads on the execution space, so host code keeps calling glibc and
 * device code calls these. A function maps either to an OpenCL C built-in
 * (declared under a private name bound to its Itanium-mangled OpenCL name
 * with an asm label, which SPIRV-LLVM-Translator turns into an OpenCL.std
 * extended instruction) or to an implementation in cuport/math/ *.h.
 *
 * Order matters. libstdc++ defines std::sin(float) and friends as constexpr,
 * and Clang makes a constexpr function implicitly __host__ __device__ unless
 * a __device__ overload with the same signature is already visible; a
 * host-device std::sin(float) would then emit __builtin_sinf, a call that
 * no OpenCL consumer resolves. So every name is declared first (and pulled
 * into std), <cmath> is included next, and the definitions come last.
 * A program that includes <cmath> before cuda_runtime.h still works: the
 * device overloads are preferred over the host-device ones in device code.
 *
 *===----------------------------------------------------------------------===*/

#ifndef CUPORT_DEVICE_MATH_H
#define CUPORT_DEVICE_MATH_H

#pragma clang system_header

#include "../host_defines.h"

#if defined(__CUPORT_CUDA_MODE__) && defined(__cplusplus)

/*===------------------- Prototype classes --------------------------------===*/

/* __CUPORT_SIG_<Sig>(T) -> return type, (parameters), (arguments). */
#define __CUPORT_SIG_T1(T) T, (T __x), (__x)
#define __CUPORT_SIG_T2(T) T, (T __x, T __y), (__x, __y)
#define __CUPORT_SIG_T3(T) T, (T __x, T __y, T __z), (__x, __y, __z)
#define __CUPORT_SIG_T4(T) T, (T __x, T __y, T __z, T __w), (__x, __y, __z, __w)
#define __CUPORT_SIG_TI(T) T, (T __x, int __n), (__x, __n)
#define __CUPORT_SIG_TL(T) T, (T __x, long __n), (__x, __n)
#define __CUPORT_SIG_IT(T) int, (T __x), (__x)
#define __CUPORT_SIG_LT(T) long, (T __x), (__x)
#define __CUPORT_SIG_XT(T) long long, (T __x), (__x)
#define __CUPORT_SIG_BT(T) bool, (T __x), (__x)
#define __CUPORT_SIG_TPI(T) T, (T __x, int *__p), (__x, __p)
#define __CUPORT_SIG_TPT(T) T, (T __x, T *__p), (__x, __p)
#define __CUPORT_SIG_T2PI(T) T, (T __x, T __y, int *__p), (__x, __y, __p)
#define __CUPORT_SIG_VTPP(T) void, (T __x, T *__s, T *__c), (__x, __s, __c)
#define __CUPORT_SIG_TNP(T) T, (int __n, const T *__a), (__n, __a)
#define __CUPORT_SIG_NT(T) T, (int __n, T __x), (__n, __x)
#define __CUPORT_SIG_TC(T) T, (const char *__tag), (__tag)

#define __CUPORT_APPLY(M, ...) M(__VA_ARGS__)
#define __CUPORT_DEVFN static __device__ __forceinline__

/* Declares Name with prototype class Sig over T. */
#define __CUPORT_DECLARE(Name, Sig, T)                                         \
  __CUPORT_APPLY(__CUPORT_DECLARE_I, Name, __CUPORT_SIG_##Sig(T))
#define __CUPORT_DECLARE_I(Name, R, P, A) __CUPORT_DEVFN R Name P;

/* Defines Name as a call of Callee with the same arguments. */
#define __CUPORT_DEFINE(Name, Sig, T, Callee)                                  \
  __CUPORT_APPLY(__CUPORT_DEFINE_I, Name, Callee, __CUPORT_SIG_##Sig(T))
#define __CUPORT_DEFINE_I(Name, Callee, R, P, A)                               \
  __CUPORT_DEVFN R Name P { return Callee A; }

/* The implementation of an OCL row: the OpenCL built-in under a private
 * name. Pure: the built-ins read and write no memory. A LIB row's
 * implementation is defined by cuport/math/ *.h. */
#define __CUPORT_IMPL_OCL(Name, Sig, T, Sym)                                   \
  __CUPORT_APPLY(__CUPORT_IMPL_OCL_I, Name, Sym, __CUPORT_SIG_##Sig(T))
#define __CUPORT_IMPL_OCL_I(Name, Sym, R, P, A)                                \
  __device__ __attribute__((const, nothrow)) R __cuport_impl_##Name P          \
      __asm__(Sym);
#define __CUPORT_IMPL_LIB(Name, Sig, T, Sym)

/* std::Name for names <cmath> has. */
#define __CUPORT_USING_STD(Name) using ::Name;
#define __CUPORT_USING_NOSTD(Name)

/* C++'s float overload Base(float) of a pair; nan(const char *) has none
 * (it would differ from nan(const char *) only in the return type). */
#define __CUPORT_FLOAT_OVERLOAD(Action, Base, Sig)                             \
  __CUPORT_FLOAT_OVERLOAD_##Sig(Action, Base, Sig)
#define __CUPORT_FLOAT_OVERLOAD_YES(Action, Base, Sig) Action(Base, Sig)
#define __CUPORT_FLOAT_OVERLOAD_T1 __CUPORT_FLOAT_OVERLOAD_YES
#define __CUPORT_FLOAT_OVERLOAD_T2 __CUPORT_FLOAT_OVERLOAD_YES
#define __CUPORT_FLOAT_OVERLOAD_T3 __CUPORT_FLOAT_OVERLOAD_YES
#define __CUPORT_FLOAT_OVERLOAD_T4 __CUPORT_FLOAT_OVERLOAD_YES
#define __CUPORT_FLOAT_OVERLOAD_TI __CUPORT_FLOAT_OVERLOAD_YES
#define __CUPORT_FLOAT_OVERLOAD_TL __CUPORT_FLOAT_OVERLOAD_YES
#define __CUPORT_FLOAT_OVERLOAD_IT __CUPORT_FLOAT_OVERLOAD_YES
#define __CUPORT_FLOAT_OVERLOAD_LT __CUPORT_FLOAT_OVERLOAD_YES
#define __CUPORT_FLOAT_OVERLOAD_XT __CUPORT_FLOAT_OVERLOAD_YES
#define __CUPORT_FLOAT_OVERLOAD_TPI __CUPORT_FLOAT_OVERLOAD_YES
#define __CUPORT_FLOAT_OVERLOAD_TPT __CUPORT_FLOAT_OVERLOAD_YES
#define __CUPORT_FLOAT_OVERLOAD_T2PI __CUPORT_FLOAT_OVERLOAD_YES
#define __CUPORT_FLOAT_OVERLOAD_VTPP __CUPORT_FLOAT_OVERLOAD_YES
#define __CUPORT_FLOAT_OVERLOAD_TNP __CUPORT_FLOAT_OVERLOAD_YES
#define __CUPORT_FLOAT_OVERLOAD_NT __CUPORT_FLOAT_OVERLOAD_YES
#define __CUPORT_FLOAT_OVERLOAD_TC(Action, Base, Sig)
#define __CUPORT_DECLARE_FLOAT_OVERLOAD(Base, Sig) __CUPORT_DECLARE(Base, Sig, float)
#define __CUPORT_DEFINE_FLOAT_OVERLOAD(Base, Sig)                              \
  __CUPORT_DEFINE(Base, Sig, float, Base##f)

/*===------------------- Pass 1: declarations -----------------------------===*/

#define CUPORT_MATH(Base, Sig, Std, FImpl, FSym, FUlp, DImpl, DSym, DUlp, Note) \
  __CUPORT_DECLARE(Base##f, Sig, float)                                        \
  __CUPORT_DECLARE(Base, Sig, double)                                          \
  __CUPORT_FLOAT_OVERLOAD(__CUPORT_DECLARE_FLOAT_OVERLOAD, Base, Sig)          \
  __CUPORT_IMPL_##FImpl(Base##f, Sig, float, FSym)                             \
  __CUPORT_IMPL_##DImpl(Base, Sig, double, DSym)
#define CUPORT_MATH_F(Name, Sig, Impl, Sym, Ulp, Note)                         \
  __CUPORT_DECLARE(Name, Sig, float)                                           \
  __CUPORT_IMPL_##Impl(Name, Sig, float, Sym)
#define CUPORT_MATH_OVL(Name, Sig, Std, FImpl, FSym, DImpl, DSym, Note)        \
  __CUPORT_DECLARE(Name, Sig, float)                                           \
  __CUPORT_DECLARE(Name, Sig, double)                                          \
  __CUPORT_IMPL_##FImpl(Name, Sig, float, FSym)                                \
  __CUPORT_IMPL_##DImpl(Name, Sig, double, DSym)
#include "DeviceMath.def"

namespace std {
#define CUPORT_MATH(Base, Sig, Std, FImpl, FSym, FUlp, DImpl, DSym, DUlp, Note) \
  __CUPORT_USING_##Std(Base) __CUPORT_USING_##Std(Base##f)
#define CUPORT_MATH_OVL(Name, Sig, Std, FImpl, FSym, DImpl, DSym, Note)        \
  __CUPORT_USING_##Std(Name)
#include "DeviceMath.def"
} // namespace std

/*===------------------- The C and C++ math library -----------------------===*/

/* nvcc makes the math API visible in every .cu file; so does cuport. The
 * host side of each name comes from here. */
#include <cmath>
#include <cstdlib>
#include <math.h>
#include <stdlib.h>

/* CUDA's min/max overloads (host and device) and device integer abs. */
#include "math/minmax.h"

/*===------------------- Implementations ----------------------------------===*/

#include "math/exact.h"
#include "math/special.h"
#include "math/bessel.h"

/*===------------------- Pass 2: definitions ------------------------------===*/

#define CUPORT_MATH(Base, Sig, Std, FImpl, FSym, FUlp, DImpl, DSym, DUlp, Note) \
  __CUPORT_DEFINE(Base##f, Sig, float, __cuport_impl_##Base##f)                \
  __CUPORT_DEFINE(Base, Sig, double, __cuport_impl_##Base)                     \
  __CUPORT_FLOAT_OVERLOAD(__CUPORT_DEFINE_FLOAT_OVERLOAD, Base, Sig)
/* --use_fast_math: nvcc replaces these float functions with their
 * intrinsics (__sinf for sinf, ...). */
#if defined(__USE_FAST_MATH__)
#define CUPORT_MATH_FAST(Base, Sig, Std, FImpl, FSym, FUlp, DImpl, DSym, DUlp, \
                         Note)                                                 \
  __CUPORT_DEFINE(Base##f, Sig, float, __##Base##f)                            \
  __CUPORT_DEFINE(Base, Sig, double, __cuport_impl_##Base)                     \
  __CUPORT_FLOAT_OVERLOAD(__CUPORT_DEFINE_FLOAT_OVERLOAD, Base, Sig)
#endif
#define CUPORT_MATH_F(Name, Sig, Impl, Sym, Ulp, Note)                         \
  __CUPORT_DEFINE(Name, Sig, float, __cuport_impl_##Name)
#define CUPORT_MATH_OVL(Name, Sig, Std, FImpl, FSym, DImpl, DSym, Note)        \
  __CUPORT_DEFINE(Name, Sig, float, __cuport_impl_##Name)                      \
  __CUPORT_DEFINE(Name, Sig, double, __cuport_impl_##Name)
#include "DeviceMath.def"

/*===------------------- Integer and mixed arguments ----------------------===*/

/* As <cmath> does for host code: an integer argument is a double, and
 * mixed float/double/integer arguments are computed in the wider type. The
 * non-template overloads win whenever the argument types match exactly. */
namespace __cuport {
template <bool, class T = void> struct EnableIf {};
/* A trait, not __is_integral in the signature: Clang 15 cannot mangle a
 * type-trait expression in a function template's return type. */
template <class T> struct IsIntegral {
  static constexpr bool value = __is_integral(T);
};
template <class T> struct EnableIf<true, T> { typedef T type; };
/* The type an argument is computed in: integers become double. */
template <class T, bool = __is_integral(T)> struct MathArg {};
template <class T> struct MathArg<T, true> { typedef double type; };
template <> struct MathArg<float, false> { typedef float type; };
template <> struct MathArg<double, false> { typedef double type; };
template <class A, class B> struct Wider { typedef double type; };
template <> struct Wider<float, float> { typedef float type; };
template <class A, class B>
struct Promote2 : Wider<typename MathArg<A>::type, typename MathArg<B>::type> {
};
template <class A, class B, class C>
struct Promote3 : Wider<typename Promote2<A, B>::type,
                        typename MathArg<C>::type> {};
} // namespace __cuport

/* R when the template argument __I is an integer type. */
#define __CUPORT_IF_INT(R)                                                     \
  typename __cuport::EnableIf<__cuport::IsIntegral<__I>::value, R>::type
#define __CUPORT_INT_T1(Name)                                                  \
  template <class __I>                                                         \
  __CUPORT_DEVFN __CUPORT_IF_INT(double)                                       \
  Name(__I __x) {                                                              \
    return Name((double)__x);                                                  \
  }
#define __CUPORT_INT_IT(Name)                                                  \
  template <class __I>                                                         \
  __CUPORT_DEVFN __CUPORT_IF_INT(int)                                          \
  Name(__I __x) {                                                              \
    return Name((double)__x);                                                  \
  }
#define __CUPORT_INT_LT(Name)                                                  \
  template <class __I>                                                         \
  __CUPORT_DEVFN __CUPORT_IF_INT(long)                                         \
  Name(__I __x) {                                                              \
    return Name((double)__x);                                                  \
  }
#define __CUPORT_INT_XT(Name)                                                  \
  template <class __I>                                                         \
  __CUPORT_DEVFN                                                               \
      __CUPORT_IF_INT(long long)                                               \
      Name(__I __x) {                                                          \
    return Name((double)__x);                                                  \
  }
#define __CUPORT_INT_T2(Name)                                                  \
  template <class __A, class __B>                                              \
  __CUPORT_DEVFN typename __cuport::Promote2<__A, __B>::type Name(__A __x,     \
                                                                  __B __y) {   \
    typedef typename __cuport::Promote2<__A, __B>::type __T;                   \
    return Name((__T)__x, (__T)__y);                                           \
  }
#define __CUPORT_INT_T3(Name)                                                  \
  template <class __A, class __B, class __C>                                   \
  __CUPORT_DEVFN typename __cuport::Promote3<__A, __B, __C>::type Name(        \
      __A __x, __B __y, __C __z) {                                             \
    typedef typename __cuport::Promote3<__A, __B, __C>::type __T;              \
    return Name((__T)__x, (__T)__y, (__T)__z);                                 \
  }
#define __CUPORT_INT_TI(Name)                                                  \
  template <class __I>                                                         \
  __CUPORT_DEVFN __CUPORT_IF_INT(double)                                       \
  Name(__I __x, int __n) {                                                     \
    return Name((double)__x, __n);                                             \
  }
#define __CUPORT_INT_TL(Name)                                                  \
  template <class __I>                                                         \
  __CUPORT_DEVFN __CUPORT_IF_INT(double)                                       \
  Name(__I __x, long __n) {                                                    \
    return Name((double)__x, __n);                                             \
  }
#define __CUPORT_INT_T4(Name)
#define __CUPORT_INT_BT(Name)                                                  \
  template <class __I>                                                         \
  __CUPORT_DEVFN __CUPORT_IF_INT(bool)                                         \
  Name(__I __x) {                                                              \
    return Name((double)__x);                                                  \
  }
#define __CUPORT_INT_TPI(Name)
#define __CUPORT_INT_TPT(Name)
#define __CUPORT_INT_T2PI(Name)
#define __CUPORT_INT_VTPP(Name)
#define __CUPORT_INT_TNP(Name)
#define __CUPORT_INT_NT(Name)
#define __CUPORT_INT_TC(Name)
#define __CUPORT_INT_STD(Name, Sig) __CUPORT_INT_##Sig(Name)
#define __CUPORT_INT_NOSTD(Name, Sig)

#define CUPORT_MATH(Base, Sig, Std, FImpl, FSym, FUlp, DImpl, DSym, DUlp, Note) \
  __CUPORT_INT_##Std(Base, Sig)
#define CUPORT_MATH_OVL(Name, Sig, Std, FImpl, FSym, DImpl, DSym, Note)        \
  __CUPORT_INT_##Std(Name, Sig)
#include "DeviceMath.def"

namespace std {
#define CUPORT_MATH(Base, Sig, Std, FImpl, FSym, FUlp, DImpl, DSym, DUlp, Note) \
  __CUPORT_USING_##Std(Base)
#define CUPORT_MATH_OVL(Name, Sig, Std, FImpl, FSym, DImpl, DSym, Note)        \
  __CUPORT_USING_##Std(Name)
#include "DeviceMath.def"
} // namespace std

/*===------------------- Extra overloads ----------------------------------===*/

/* CUDA's pow(float, int) and pow(double, int) (C++98's overloads): the
 * result keeps the base's type, as with nvcc. An exponent beyond 2^24 is
 * not exact in float (its parity decides the sign), so it goes through
 * double. */
__CUPORT_DEVFN float pow(float __x, int __n) {
  if (__n > (1 << 24) || __n < -(1 << 24))
    return (float)pow((double)__x, (double)__n);
  return powf(__x, (float)__n);
}
__CUPORT_DEVFN double pow(double __x, int __n) { return pow(__x, (double)__n); }
namespace std {
using ::pow;
} // namespace std

#undef __CUPORT_INT_STD
#undef __CUPORT_INT_NOSTD

#endif /* __CUPORT_CUDA_MODE__ && __cplusplus */

#endif /* CUPORT_DEVICE_MATH_H */
