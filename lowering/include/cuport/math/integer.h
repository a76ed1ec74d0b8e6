/*===- cuport/math/integer.h - Integer, SIMD and bit-cast intrinsics ------===*
 *
 * The LIB rows of DeviceIntrinsics.def outside the rounding-mode
 * arithmetic: integer intrinsics OpenCL C has no exact counterpart for
 * (__brev, __byte_perm, __funnelshift_*, __mul24 beyond 24 bits, ...), the
 * SIMD-within-a-word family (__vadd2, __vcmpgeu4, ...), and the
 * reinterpretations (__float_as_int, __hiloint2double, ...).
 *
 * Plain shifts and masks: LLVM folds them into single instructions where a
 * target has one, and none of them needs a SPIR-V extension.
 *
 *===----------------------------------------------------------------------===*/

#ifndef CUPORT_MATH_INTEGER_H
#define CUPORT_MATH_INTEGER_H

#pragma clang system_header

/*===------------------- Bit operations -----------------------------------===*/

/* OpenCL's 64-bit popcount and clz return a 64-bit count (the SPIR-V
 * instruction requires the result type to match the operand); CUDA's
 * return int. */
namespace __cuport {
__device__ __attribute__((const, nothrow)) unsigned long long
oclPopcount64(unsigned long long) __asm__("_Z8popcountm");
__device__ __attribute__((const, nothrow)) long long oclClz64(long long)
    __asm__("_Z3clzl");
} // namespace __cuport
__CUPORT_DEVFN int __cuport_impl___popcll(unsigned long long __x) {
  return (int)__cuport::oclPopcount64(__x);
}
__CUPORT_DEVFN int __cuport_impl___clzll(long long __x) {
  return (int)__cuport::oclClz64(__x);
}

__CUPORT_DEVFN int __cuport_impl___ffs(int __x) {
  unsigned int __u = (unsigned int)__x;
  return __u == 0 ? 0 : __popc((__u & (0u - __u)) - 1u) + 1;
}
__CUPORT_DEVFN int __cuport_impl___ffsll(long long __x) {
  unsigned long long __u = (unsigned long long)__x;
  return __u == 0 ? 0 : __popcll((__u & (0ull - __u)) - 1ull) + 1;
}

__CUPORT_DEVFN unsigned int __cuport_impl___brev(unsigned int __x) {
  __x = ((__x >> 1) & 0x55555555u) | ((__x & 0x55555555u) << 1);
  __x = ((__x >> 2) & 0x33333333u) | ((__x & 0x33333333u) << 2);
  __x = ((__x >> 4) & 0x0f0f0f0fu) | ((__x & 0x0f0f0f0fu) << 4);
  __x = ((__x >> 8) & 0x00ff00ffu) | ((__x & 0x00ff00ffu) << 8);
  return (__x >> 16) | (__x << 16);
}
__CUPORT_DEVFN unsigned long long __cuport_impl___brevll(unsigned long long __x) {
  return ((unsigned long long)__cuport_impl___brev((unsigned int)__x) << 32) |
         __cuport_impl___brev((unsigned int)(__x >> 32));
}

/* Byte n of the result is byte (S >> 4n) & 7 of the eight bytes {Y, X}. */
__CUPORT_DEVFN unsigned int __cuport_impl___byte_perm(unsigned int __x,
                                                      unsigned int __y,
                                                      unsigned int __s) {
  unsigned long long __v = ((unsigned long long)__y << 32) | __x;
  unsigned int __r = 0;
  for (int __n = 0; __n < 4; ++__n) {
    unsigned int __sel = (__s >> (4 * __n)) & 7u;
    __r |= (unsigned int)((__v >> (8 * __sel)) & 0xffu) << (8 * __n);
  }
  return __r;
}

/* {Hi, Lo} shifted by Shift mod 32 (l, r) or by min(Shift, 32) (lc, rc). */
__CUPORT_DEVFN unsigned int __cuport_impl___funnelshift_l(unsigned int __lo,
                                                          unsigned int __hi,
                                                          unsigned int __s) {
  unsigned long long __v = ((unsigned long long)__hi << 32) | __lo;
  return (unsigned int)((__v << (__s & 31u)) >> 32);
}
__CUPORT_DEVFN unsigned int __cuport_impl___funnelshift_lc(unsigned int __lo,
                                                           unsigned int __hi,
                                                           unsigned int __s) {
  unsigned long long __v = ((unsigned long long)__hi << 32) | __lo;
  return (unsigned int)((__v << (__s < 32u ? __s : 32u)) >> 32);
}
__CUPORT_DEVFN unsigned int __cuport_impl___funnelshift_r(unsigned int __lo,
                                                          unsigned int __hi,
                                                          unsigned int __s) {
  unsigned long long __v = ((unsigned long long)__hi << 32) | __lo;
  return (unsigned int)(__v >> (__s & 31u));
}
__CUPORT_DEVFN unsigned int __cuport_impl___funnelshift_rc(unsigned int __lo,
                                                           unsigned int __hi,
                                                           unsigned int __s) {
  unsigned long long __v = ((unsigned long long)__hi << 32) | __lo;
  return (unsigned int)(__v >> (__s < 32u ? __s : 32u));
}

/*===------------------- Arithmetic ---------------------------------------===*/

/* The low 32 bits of the product of the low 24 bits, sign-extended for
 * __mul24 (the upper 8 bits of each operand are ignored, as in CUDA). */
__CUPORT_DEVFN int __cuport_impl___mul24(int __x, int __y) {
  int __a = (int)((unsigned int)__x << 8) >> 8;
  int __b = (int)((unsigned int)__y << 8) >> 8;
  return (int)((unsigned int)__a * (unsigned int)__b);
}
__CUPORT_DEVFN unsigned int __cuport_impl___umul24(unsigned int __x,
                                                   unsigned int __y) {
  return (__x & 0xffffffu) * (__y & 0xffffffu);
}

/* |x - y| + z, the difference taken without overflow. */
__CUPORT_DEVFN unsigned int __cuport_impl___sad(int __x, int __y,
                                                unsigned int __z) {
  long long __d = (long long)__x - (long long)__y;
  return (unsigned int)(__d < 0 ? -__d : __d) + __z;
}
__CUPORT_DEVFN unsigned int __cuport_impl___usad(unsigned int __x,
                                                 unsigned int __y,
                                                 unsigned int __z) {
  return (__x > __y ? __x - __y : __y - __x) + __z;
}

/* Dot products of packed bytes/halves, accumulated into 32 bits. */
namespace __cuport {
template <bool Signed>
__CUPORT_DEVFN int lane(unsigned int X, int Bits, int Index) {
  unsigned int V = (X >> (Bits * Index)) & ((1u << Bits) - 1u);
  if (Signed && (V >> (Bits - 1)))
    return (int)V - (1 << Bits);
  return (int)V;
}
template <bool Signed>
__CUPORT_DEVFN unsigned int dp4a(unsigned int A, unsigned int B,
                                 unsigned int C) {
  unsigned int R = C;
  for (int I = 0; I < 4; ++I)
    R += (unsigned int)(lane<Signed>(A, 8, I) * lane<Signed>(B, 8, I));
  return R;
}
template <bool Signed>
__CUPORT_DEVFN unsigned int dp2a(unsigned int A, unsigned int B,
                                 unsigned int C, int ByteBase) {
  unsigned int R = C;
  for (int I = 0; I < 2; ++I)
    R += (unsigned int)(lane<Signed>(A, 16, I) *
                        lane<Signed>(B, 8, ByteBase + I));
  return R;
}
} // namespace __cuport

__CUPORT_DEVFN int __cuport_impl___dp4a(int __a, int __b, int __c) {
  return (int)__cuport::dp4a<true>(__a, __b, __c);
}
__CUPORT_DEVFN unsigned int __cuport_impl___dp4a(unsigned int __a,
                                                 unsigned int __b,
                                                 unsigned int __c) {
  return __cuport::dp4a<false>(__a, __b, __c);
}
__CUPORT_DEVFN int __cuport_impl___dp2a_lo(int __a, int __b, int __c) {
  return (int)__cuport::dp2a<true>(__a, __b, __c, 0);
}
__CUPORT_DEVFN unsigned int __cuport_impl___dp2a_lo(unsigned int __a,
                                                    unsigned int __b,
                                                    unsigned int __c) {
  return __cuport::dp2a<false>(__a, __b, __c, 0);
}
__CUPORT_DEVFN int __cuport_impl___dp2a_hi(int __a, int __b, int __c) {
  return (int)__cuport::dp2a<true>(__a, __b, __c, 2);
}
__CUPORT_DEVFN unsigned int __cuport_impl___dp2a_hi(unsigned int __a,
                                                    unsigned int __b,
                                                    unsigned int __c) {
  return __cuport::dp2a<false>(__a, __b, __c, 2);
}

/*===------------------- SIMD within a word -------------------------------===*/

/* Each __v* function applies one operation to the 2 halfwords or 4 bytes
 * of its operands. Lanes are widened to int (signed or unsigned), the
 * operation runs exactly, and the result is narrowed (wrapping, or
 * saturating for the *ss / *us variants). */
namespace __cuport {
template <int Bits, bool Signed> struct Lanes {
  static constexpr int Count = 32 / Bits;
  static constexpr int Min = Signed ? -(1 << (Bits - 1)) : 0;
  static constexpr int Max = Signed ? (1 << (Bits - 1)) - 1 : (1 << Bits) - 1;
  __CUPORT_DEVFN int get(unsigned int X, int I) {
    return lane<Signed>(X, Bits, I);
  }
  __CUPORT_DEVFN unsigned int put(int V, int I) {
    return ((unsigned int)V & ((1u << Bits) - 1u)) << (Bits * I);
  }
  __CUPORT_DEVFN int sat(int V) {
    return V < Min ? Min : (V > Max ? Max : V);
  }
};

template <int Bits, bool Signed, class Op>
__CUPORT_DEVFN unsigned int simd(unsigned int A, unsigned int B, Op F) {
  typedef Lanes<Bits, Signed> L;
  unsigned int R = 0;
  for (int I = 0; I < L::Count; ++I)
    R |= L::put(F(L::get(A, I), L::get(B, I)), I);
  return R;
}

template <int Bits, bool Signed, class Op>
__CUPORT_DEVFN unsigned int simdSum(unsigned int A, unsigned int B, Op F) {
  typedef Lanes<Bits, Signed> L;
  unsigned int R = 0;
  for (int I = 0; I < L::Count; ++I)
    R += (unsigned int)F(L::get(A, I), L::get(B, I));
  return R;
}
} // namespace __cuport

/* __CUPORT_SIMD(Name, Signed, Expression of x and y). */
#define __CUPORT_SIMD(Name, Signed, ...)                                       \
  __CUPORT_DEVFN unsigned int __cuport_impl___##Name##2(unsigned int __a,      \
                                                        unsigned int __b) {    \
    typedef __cuport::Lanes<16, Signed> L;                                     \
    (void)sizeof(L);                                                           \
    return __cuport::simd<16, Signed>(                                         \
        __a, __b, [](int x, int y) { return __VA_ARGS__; });                   \
  }                                                                            \
  __CUPORT_DEVFN unsigned int __cuport_impl___##Name##4(unsigned int __a,      \
                                                        unsigned int __b) {    \
    typedef __cuport::Lanes<8, Signed> L;                                      \
    (void)sizeof(L);                                                           \
    return __cuport::simd<8, Signed>(                                          \
        __a, __b, [](int x, int y) { return __VA_ARGS__; });                   \
  }
/* Unary ones ignore y. */
#define __CUPORT_SIMD1(Name, Signed, ...)                                      \
  __CUPORT_SIMD(Name##_impl, Signed, __VA_ARGS__)                              \
  __CUPORT_DEVFN unsigned int __cuport_impl___##Name##2(unsigned int __a) {    \
    return __cuport_impl___##Name##_impl2(__a, 0);                             \
  }                                                                            \
  __CUPORT_DEVFN unsigned int __cuport_impl___##Name##4(unsigned int __a) {    \
    return __cuport_impl___##Name##_impl4(__a, 0);                             \
  }

__CUPORT_SIMD1(vabs, true, x < 0 ? -x : x)
__CUPORT_SIMD1(vabsss, true, L::sat(x < 0 ? -x : x))
__CUPORT_SIMD1(vneg, true, -x)
__CUPORT_SIMD1(vnegss, true, L::sat(-x))
__CUPORT_SIMD(vadd, false, x + y)
__CUPORT_SIMD(vaddss, true, L::sat(x + y))
__CUPORT_SIMD(vaddus, false, L::sat(x + y))
__CUPORT_SIMD(vsub, false, x - y)
__CUPORT_SIMD(vsubss, true, L::sat(x - y))
__CUPORT_SIMD(vsubus, false, L::sat(x - y))
__CUPORT_SIMD(vabsdiffs, true, x > y ? x - y : y - x)
__CUPORT_SIMD(vabsdiffu, false, x > y ? x - y : y - x)
__CUPORT_SIMD(vavgs, true, (x + y + 1) >> 1)
__CUPORT_SIMD(vavgu, false, (x + y + 1) >> 1)
__CUPORT_SIMD(vhaddu, false, (x + y) >> 1)
__CUPORT_SIMD(vmaxs, true, x > y ? x : y)
__CUPORT_SIMD(vmaxu, false, x > y ? x : y)
__CUPORT_SIMD(vmins, true, x < y ? x : y)
__CUPORT_SIMD(vminu, false, x < y ? x : y)
#define __CUPORT_SIMD_CMP(Suffix, Signed, Op)                                  \
  __CUPORT_SIMD(vcmp##Suffix, Signed, (x Op y) ? -1 : 0)                       \
  __CUPORT_SIMD(vset##Suffix, Signed, (x Op y) ? 1 : 0)
__CUPORT_SIMD_CMP(eq, false, ==)
__CUPORT_SIMD_CMP(ne, false, !=)
__CUPORT_SIMD_CMP(ges, true, >=)
__CUPORT_SIMD_CMP(geu, false, >=)
__CUPORT_SIMD_CMP(gts, true, >)
__CUPORT_SIMD_CMP(gtu, false, >)
__CUPORT_SIMD_CMP(les, true, <=)
__CUPORT_SIMD_CMP(leu, false, <=)
__CUPORT_SIMD_CMP(lts, true, <)
__CUPORT_SIMD_CMP(ltu, false, <)
#undef __CUPORT_SIMD_CMP

/* Sums of absolute differences over all lanes. */
#define __CUPORT_SAD(Name, Signed)                                             \
  __CUPORT_DEVFN unsigned int __cuport_impl___##Name##2(unsigned int __a,      \
                                                        unsigned int __b) {    \
    return __cuport::simdSum<16, Signed>(                                      \
        __a, __b, [](int x, int y) { return x > y ? x - y : y - x; });         \
  }                                                                            \
  __CUPORT_DEVFN unsigned int __cuport_impl___##Name##4(unsigned int __a,      \
                                                        unsigned int __b) {    \
    return __cuport::simdSum<8, Signed>(                                       \
        __a, __b, [](int x, int y) { return x > y ? x - y : y - x; });         \
  }
__CUPORT_SAD(vsads, true)
__CUPORT_SAD(vsadu, false)
#undef __CUPORT_SAD
#undef __CUPORT_SIMD
#undef __CUPORT_SIMD1

/*===------------------- Conversions and bit casts ------------------------===*/

__CUPORT_DEVFN double __cuport_impl___int2double_rn(int __x) {
  return (double)__x; /* exact */
}
__CUPORT_DEVFN double __cuport_impl___uint2double_rn(unsigned int __x) {
  return (double)__x; /* exact */
}
__CUPORT_DEVFN int __cuport_impl___float_as_int(float __x) {
  return __builtin_bit_cast(int, __x);
}
__CUPORT_DEVFN unsigned int __cuport_impl___float_as_uint(float __x) {
  return __builtin_bit_cast(unsigned int, __x);
}
__CUPORT_DEVFN float __cuport_impl___int_as_float(int __x) {
  return __builtin_bit_cast(float, __x);
}
__CUPORT_DEVFN float __cuport_impl___uint_as_float(unsigned int __x) {
  return __builtin_bit_cast(float, __x);
}
__CUPORT_DEVFN long long __cuport_impl___double_as_longlong(double __x) {
  return __builtin_bit_cast(long long, __x);
}
__CUPORT_DEVFN double __cuport_impl___longlong_as_double(long long __x) {
  return __builtin_bit_cast(double, __x);
}
__CUPORT_DEVFN int __cuport_impl___double2hiint(double __x) {
  return (int)(__builtin_bit_cast(unsigned long long, __x) >> 32);
}
__CUPORT_DEVFN int __cuport_impl___double2loint(double __x) {
  return (int)__builtin_bit_cast(unsigned long long, __x);
}
__CUPORT_DEVFN double __cuport_impl___hiloint2double(int __hi, int __lo) {
  return __builtin_bit_cast(double, ((unsigned long long)(unsigned int)__hi
                                     << 32) |
                                        (unsigned int)__lo);
}

#endif /* CUPORT_MATH_INTEGER_H */
