// CUDA's device math API becomes OpenCL.std extended instructions (and core
// conversion instructions with rounding-mode decorations): every family of
// cuport/DeviceMath.def and cuport/DeviceIntrinsics.def compiles, the module
// validates, and no call is left to an external function (a plain `sinf`
// would be an import no OpenCL driver resolves). With --use_fast_math the
// float functions nvcc replaces become their native_ forms.
// RUN: %cuport-cc -fatbin %s -o %t.fatbin
// RUN: cuport-fatbin --extract=spirv -o %t.spv %t.fatbin
// RUN: %spirv-val %t.spv
// RUN: %spirv-dis %t.spv | %FileCheck %s
// RUN: %spirv-dis %t.spv | %not grep "LinkageAttributes.* Import"
// RUN: %cuport-cc --use_fast_math -fatbin %s -o %t.fast.fatbin
// RUN: cuport-fatbin --extract=spirv -o %t.fast.spv %t.fast.fatbin
// RUN: %spirv-val %t.fast.spv
// RUN: %spirv-dis %t.fast.spv | %FileCheck %s --check-prefix=FAST
// RUN: %spirv-dis %t.fast.spv | %not grep -E "OpExtInst %float %[0-9]+ (sin|exp|log) "
#include <cuda_runtime.h>

// No function is imported (no LinkageAttributes Import): everything is
// defined in the module or is an extended instruction.

// Trigonometric and hyperbolic.
// CHECK-DAG: OpExtInst %float %{{[0-9]+}} sin
// CHECK-DAG: OpExtInst %double %{{[0-9]+}} sin
// CHECK-DAG: OpExtInst %float %{{[0-9]+}} cos
// CHECK-DAG: OpExtInst %float %{{[0-9]+}} tan
// CHECK-DAG: OpExtInst %double %{{[0-9]+}} sinpi
// CHECK-DAG: OpExtInst %double %{{[0-9]+}} cospi
// CHECK-DAG: OpExtInst %float %{{[0-9]+}} asin
// CHECK-DAG: OpExtInst %float %{{[0-9]+}} acos
// CHECK-DAG: OpExtInst %float %{{[0-9]+}} atan2
// CHECK-DAG: OpExtInst %double %{{[0-9]+}} atan
// CHECK-DAG: OpExtInst %float %{{[0-9]+}} sinh
// CHECK-DAG: OpExtInst %float %{{[0-9]+}} cosh
// CHECK-DAG: OpExtInst %double %{{[0-9]+}} tanh
// CHECK-DAG: OpExtInst %float %{{[0-9]+}} asinh
// CHECK-DAG: OpExtInst %float %{{[0-9]+}} acosh
// CHECK-DAG: OpExtInst %double %{{[0-9]+}} atanh
__global__ void trig(const float *x, const double *d, float *o, double *od) {
  float s, c;
  sincosf(x[0], &s, &c);
  o[0] = sinf(x[0]) + cosf(x[1]) + tanf(x[2]) + s + c;
  od[0] = sin(d[0]) + sinpi(d[1]) + cospi(d[2]) + atan(d[3]);
  o[1] = asinf(x[3]) + acosf(x[4]) + atan2f(x[5], x[6]);
  o[2] = sinhf(x[7]) + coshf(x[8]) + asinhf(x[9]) + acoshf(x[10]);
  od[1] = tanh(d[4]) + atanh(d[5]);
}

// Exponentials, logarithms, powers, roots.
// CHECK-DAG: OpExtInst %float %{{[0-9]+}} exp
// CHECK-DAG: OpExtInst %double %{{[0-9]+}} exp2
// CHECK-DAG: OpExtInst %float %{{[0-9]+}} exp10
// CHECK-DAG: OpExtInst %double %{{[0-9]+}} expm1
// CHECK-DAG: OpExtInst %float %{{[0-9]+}} log
// CHECK-DAG: OpExtInst %double %{{[0-9]+}} log2
// CHECK-DAG: OpExtInst %float %{{[0-9]+}} log10
// CHECK-DAG: OpExtInst %double %{{[0-9]+}} log1p
// CHECK-DAG: OpExtInst %float %{{[0-9]+}} logb
// CHECK-DAG: OpExtInst %uint %{{[0-9]+}} ilogb
// CHECK-DAG: OpExtInst %float %{{[0-9]+}} pow
// CHECK-DAG: OpExtInst %double %{{[0-9]+}} pow
// CHECK-DAG: OpExtInst %float %{{[0-9]+}} sqrt
// CHECK-DAG: OpExtInst %double %{{[0-9]+}} rsqrt
// CHECK-DAG: OpExtInst %float %{{[0-9]+}} cbrt
// CHECK-DAG: OpExtInst %float %{{[0-9]+}} hypot
__global__ void explog(const float *x, const double *d, float *o, double *od,
                       int *i) {
  o[0] = expf(x[0]) + exp10f(x[1]) + logf(x[2]) + log10f(x[3]) + logbf(x[4]);
  od[0] = exp2(d[0]) + expm1(d[1]) + log2(d[2]) + log1p(d[3]);
  i[0] = ilogbf(x[5]);
  o[1] = powf(x[6], x[7]) + sqrtf(x[8]) + cbrtf(x[9]) + hypotf(x[10], x[11]);
  od[1] = pow(d[4], d[5]) + rsqrt(d[6]);
  // cuport's own implementations, on top of the built-ins.
  o[2] = rcbrtf(x[12]) + rhypotf(x[13], x[14]) + norm3df(x[0], x[1], x[2]) +
         rnorm4df(x[0], x[1], x[2], x[3]);
}

// Special functions.
// CHECK-DAG: OpExtInst %float %{{[0-9]+}} erf
// CHECK-DAG: OpExtInst %float %{{[0-9]+}} erfc
// CHECK-DAG: OpExtInst %double %{{[0-9]+}} erfc
// CHECK-DAG: OpExtInst %float %{{[0-9]+}} lgamma
// CHECK-DAG: OpExtInst %double %{{[0-9]+}} tgamma
__global__ void special(const float *x, const double *d, float *o, double *od) {
  o[0] = erff(x[0]) + erfcf(x[1]) + lgammaf(x[2]) + tgammaf(x[3]);
  od[0] = erfinv(d[0]) + erfcinv(d[1]) + normcdf(d[2]) + normcdfinv(d[3]) +
          erfcx(d[4]);
  od[1] = j0(d[5]) + y1(d[6]) + jn(3, d[7]) + cyl_bessel_i0(d[8]);
}

// Rounding, remainders, manipulation.
// CHECK-DAG: OpExtInst %float %{{[0-9]+}} floor
// CHECK-DAG: OpExtInst %float %{{[0-9]+}} ceil
// CHECK-DAG: OpExtInst %double %{{[0-9]+}} trunc
// CHECK-DAG: OpExtInst %float %{{[0-9]+}} round
// CHECK-DAG: OpExtInst %double %{{[0-9]+}} rint
// CHECK-DAG: OpExtInst %float %{{[0-9]+}} fmod
// CHECK-DAG: OpExtInst %double %{{[0-9]+}} remainder
// CHECK-DAG: OpExtInst %float %{{[0-9]+}} fabs
// CHECK-DAG: OpExtInst %float %{{[0-9]+}} copysign
// CHECK-DAG: OpExtInst %float %{{[0-9]+}} fmin
// CHECK-DAG: OpExtInst %double %{{[0-9]+}} fmax
// CHECK-DAG: OpExtInst %float %{{[0-9]+}} fdim
// CHECK-DAG: OpExtInst %float %{{[0-9]+}} fma
// CHECK-DAG: OpExtInst %double %{{[0-9]+}} nextafter
// CHECK-DAG: OpExtInst %float %{{[0-9]+}} ldexp
__global__ void rounding(const float *x, const double *d, float *o, double *od,
                         int *i, long long *l) {
  int e, q;
  float ip;
  o[0] = floorf(x[0]) + ceilf(x[1]) + roundf(x[2]) + fmodf(x[3], x[4]) +
         fabsf(x[5]) + copysignf(x[6], x[7]) + fminf(x[8], x[9]) +
         fdimf(x[10], x[11]) + fmaf(x[12], x[13], x[14]) + ldexpf(x[15], i[0]);
  od[0] = trunc(d[0]) + rint(d[1]) + remainder(d[2], d[3]) + fmax(d[4], d[5]) +
          nextafter(d[6], d[7]);
  o[1] = frexpf(x[16], &e) + modff(x[17], &ip) + remquof(x[18], x[19], &q) + ip;
  i[1] = e + q;
  l[0] = llrintf(x[20]) + lround(d[8]);
}

// Integer intrinsics.
// CHECK-DAG: OpBitCount
// CHECK-DAG: OpExtInst %uint %{{[0-9]+}} clz
// CHECK-DAG: OpExtInst %ulong %{{[0-9]+}} clz
// CHECK-DAG: OpExtInst %uint %{{[0-9]+}} s_mul_hi
// CHECK-DAG: OpExtInst %ulong %{{[0-9]+}} u_mul_hi
// CHECK-DAG: OpExtInst %uint %{{[0-9]+}} s_hadd
// CHECK-DAG: OpExtInst %uint %{{[0-9]+}} u_rhadd
__global__ void integer(const unsigned *u, const long long *l, unsigned *o,
                        long long *ol) {
  o[0] = __popc(u[0]) + __clz((int)u[1]) + __clzll(l[0]) + __ffs((int)u[2]) +
         __brev(u[3]) + __byte_perm(u[4], u[5], u[6]) +
         __funnelshift_l(u[7], u[8], u[9]);
  o[1] = __mulhi((int)u[10], (int)u[11]) + __hadd((int)u[12], (int)u[13]) +
         __urhadd(u[14], u[15]) + __mul24((int)u[16], (int)u[17]) +
         __sad((int)u[18], (int)u[19], u[20]);
  ol[0] = (long long)__umul64hi(l[1], l[2]) + __popcll(l[3]);
  o[2] = __vadd2(u[21], u[22]) + __vabsdiffu4(u[23], u[24]) +
         __vcmpgtu2(u[25], u[26]) + __dp4a((int)u[27], (int)u[28], 0);
  o[3] = min(u[29], u[30]) + max((int)u[31], (int)u[32]);
}

// Conversions: saturating, with the rounding mode as a decoration.
// CHECK-DAG: OpDecorate %{{[0-9]+}} SaturatedConversion
// CHECK-DAG: OpDecorate %{{[0-9]+}} FPRoundingMode RTN
// CHECK-DAG: OpDecorate %{{[0-9]+}} FPRoundingMode RTP
// CHECK-DAG: OpDecorate %{{[0-9]+}} FPRoundingMode RTZ
// CHECK-DAG: OpConvertFToS %uint
// CHECK-DAG: OpConvertFToU %ulong
// CHECK-DAG: OpConvertSToF %float
// CHECK-DAG: OpConvertUToF %double
// CHECK-DAG: OpFConvert %float
__global__ void conversions(const float *x, const double *d, const long long *l,
                            int *i, unsigned long long *ul, float *o,
                            double *od) {
  i[0] = __float2int_rd(x[0]);
  ul[0] = __double2ull_ru(d[0]);
  o[0] = __ll2float_rz(l[0]) + __double2float_rz(d[1]) +
         __int_as_float(__float_as_int(x[1]));
  od[0] = __ull2double_ru((unsigned long long)l[1]) +
          __hiloint2double(__double2hiint(d[2]), __double2loint(d[3]));
}

// Arithmetic with a rounding mode (exact algorithms on top of the built-ins
// and conversions) and the fast intrinsics.
// CHECK-DAG: OpExtInst %float %{{[0-9]+}} native_sin
// CHECK-DAG: OpExtInst %float %{{[0-9]+}} native_exp
// CHECK-DAG: OpExtInst %float %{{[0-9]+}} native_log2
__global__ void intrinsics(const float *x, const double *d, float *o,
                           double *od) {
  o[0] = __fadd_rz(x[0], x[1]) + __fmul_ru(x[2], x[3]) + __fdiv_rd(x[4], x[5]) +
         __fsqrt_rn(x[6]) + __fmaf_rz(x[7], x[8], x[9]) + __frsqrt_rn(x[10]);
  od[0] = __dadd_ru(d[0], d[1]) + __dmul_rd(d[2], d[3]) + __ddiv_rz(d[4], d[5]) +
          __dsqrt_ru(d[6]) + __fma_rd(d[7], d[8], d[9]);
  o[1] = __sinf(x[11]) + __expf(x[12]) + __log2f(x[13]) + __fdividef(x[14], x[15]) +
         __saturatef(x[16]);
}

// --use_fast_math: sinf is __sinf, expf is __expf, logf is __logf.
// FAST-DAG: OpExtInst %float %{{[0-9]+}} native_sin
// FAST-DAG: OpExtInst %float %{{[0-9]+}} native_exp
// FAST-DAG: OpExtInst %float %{{[0-9]+}} native_log
__global__ void fastmath(const float *x, float *o) {
  o[0] = sinf(x[0]) + expf(x[1]) + logf(x[2]);
}
