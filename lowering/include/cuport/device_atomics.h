/*===- device_atomics.h - CUDA atomic functions ----------------------------===*
 *
 * CUDA's atomicAdd .. atomicXor (and the _block and _system forms) on
 * generic pointers, as OpenCL 2.0 atomic built-ins declared by their SPIR
 * mangled names: SPIRV-LLVM-Translator turns each into one OpAtomic*
 * instruction, on global or shared memory alike. CUDA atomics are relaxed;
 * the scope is the device, the work-group (_block) or every SVM device
 * (_system). Operations CUDA has and OpenCL lacks (float and double add,
 * atomicInc/atomicDec with their wrap-around) are compare-and-swap loops,
 * which give CUDA's results exactly.
 *
 * Also __syncthreads_count / _and / _or, built from a block-scope atomic
 * count between barriers.
 *
 *===----------------------------------------------------------------------===*/
#ifndef CUPORT_DEVICE_ATOMICS_H
#define CUPORT_DEVICE_ATOMICS_H

#if defined(__CUDACC__)

#define __CUPORT_ATOMIC_DECL __device__ __attribute__((nothrow))
#define __CUPORT_ATOMIC_FN static __device__ __forceinline__

/* OpenCL C 2.0 enumerations. */
#define __CUPORT_RELAXED 0
#define __CUPORT_SCOPE_BLOCK 1
#define __CUPORT_SCOPE_DEVICE 2
#define __CUPORT_SCOPE_SYSTEM 3

/* The OpenCL built-ins, one declaration per operation and element type:
 * i int, j unsigned, l long long, m unsigned long long. */
#define __CUPORT_OCL_RMW(Op, Len, Code, T)                                      \
  __CUPORT_ATOMIC_DECL T __cuport_ocl_##Op##_##Code(volatile T *, T, int, int) \
      __asm__("_Z" #Len "atomic_" #Op "_explicitPU3AS4VU7_Atomic" #Code #Code  \
              "12memory_order12memory_scope");
#define __CUPORT_OCL_RMW_ALL(Op, Len)                                           \
  __CUPORT_OCL_RMW(Op, Len, i, int)                                             \
  __CUPORT_OCL_RMW(Op, Len, j, unsigned int)                                    \
  __CUPORT_OCL_RMW(Op, Len, l, long long)                                       \
  __CUPORT_OCL_RMW(Op, Len, m, unsigned long long)
__CUPORT_OCL_RMW_ALL(fetch_add, 25)
__CUPORT_OCL_RMW_ALL(fetch_sub, 25)
__CUPORT_OCL_RMW_ALL(fetch_and, 25)
__CUPORT_OCL_RMW_ALL(fetch_or, 24)
__CUPORT_OCL_RMW_ALL(fetch_xor, 25)
__CUPORT_OCL_RMW_ALL(fetch_min, 25)
__CUPORT_OCL_RMW_ALL(fetch_max, 25)
__CUPORT_OCL_RMW_ALL(exchange, 24)
#undef __CUPORT_OCL_RMW_ALL
#undef __CUPORT_OCL_RMW

#define __CUPORT_OCL_CAS(Code, T)                                               \
  __CUPORT_ATOMIC_DECL bool __cuport_ocl_cas_##Code(volatile T *, T *, T, int, int, int) \
      __asm__("_Z39atomic_compare_exchange_strong_explicitPU3AS4VU7_Atomic" #Code \
              "PU3AS4" #Code #Code "12memory_orderS4_12memory_scope");
__CUPORT_OCL_CAS(i, int)
__CUPORT_OCL_CAS(j, unsigned int)
__CUPORT_OCL_CAS(l, long long)
__CUPORT_OCL_CAS(m, unsigned long long)
#undef __CUPORT_OCL_CAS

__CUPORT_ATOMIC_DECL float __cuport_ocl_exchange_f(volatile float *, float, int, int)
    __asm__("_Z24atomic_exchange_explicitPU3AS4VU7_Atomicff12memory_order12memory_scope");

/* CUDA's entry points: Name, Name_block, Name_system for each type. */
#define __CUPORT_CUDA_RMW(Name, Op, Code, T)                                    \
  __CUPORT_ATOMIC_FN T Name(T *P, T V) {                                        \
    return __cuport_ocl_##Op##_##Code(P, V, __CUPORT_RELAXED, __CUPORT_SCOPE_DEVICE); \
  }                                                                             \
  __CUPORT_ATOMIC_FN T Name##_block(T *P, T V) {                                \
    return __cuport_ocl_##Op##_##Code(P, V, __CUPORT_RELAXED, __CUPORT_SCOPE_BLOCK); \
  }                                                                             \
  __CUPORT_ATOMIC_FN T Name##_system(T *P, T V) {                               \
    return __cuport_ocl_##Op##_##Code(P, V, __CUPORT_RELAXED, __CUPORT_SCOPE_SYSTEM); \
  }
__CUPORT_CUDA_RMW(atomicAdd, fetch_add, i, int)
__CUPORT_CUDA_RMW(atomicAdd, fetch_add, j, unsigned int)
__CUPORT_CUDA_RMW(atomicAdd, fetch_add, m, unsigned long long)
__CUPORT_CUDA_RMW(atomicSub, fetch_sub, i, int)
__CUPORT_CUDA_RMW(atomicSub, fetch_sub, j, unsigned int)
__CUPORT_CUDA_RMW(atomicExch, exchange, i, int)
__CUPORT_CUDA_RMW(atomicExch, exchange, j, unsigned int)
__CUPORT_CUDA_RMW(atomicExch, exchange, m, unsigned long long)
__CUPORT_CUDA_RMW(atomicMin, fetch_min, i, int)
__CUPORT_CUDA_RMW(atomicMin, fetch_min, j, unsigned int)
__CUPORT_CUDA_RMW(atomicMin, fetch_min, l, long long)
__CUPORT_CUDA_RMW(atomicMin, fetch_min, m, unsigned long long)
__CUPORT_CUDA_RMW(atomicMax, fetch_max, i, int)
__CUPORT_CUDA_RMW(atomicMax, fetch_max, j, unsigned int)
__CUPORT_CUDA_RMW(atomicMax, fetch_max, l, long long)
__CUPORT_CUDA_RMW(atomicMax, fetch_max, m, unsigned long long)
__CUPORT_CUDA_RMW(atomicAnd, fetch_and, i, int)
__CUPORT_CUDA_RMW(atomicAnd, fetch_and, j, unsigned int)
__CUPORT_CUDA_RMW(atomicAnd, fetch_and, m, unsigned long long)
__CUPORT_CUDA_RMW(atomicOr, fetch_or, i, int)
__CUPORT_CUDA_RMW(atomicOr, fetch_or, j, unsigned int)
__CUPORT_CUDA_RMW(atomicOr, fetch_or, m, unsigned long long)
__CUPORT_CUDA_RMW(atomicXor, fetch_xor, i, int)
__CUPORT_CUDA_RMW(atomicXor, fetch_xor, j, unsigned int)
__CUPORT_CUDA_RMW(atomicXor, fetch_xor, m, unsigned long long)
#undef __CUPORT_CUDA_RMW

/* atomicCAS returns the old value whether or not it swapped. */
#define __CUPORT_CUDA_CAS(Code, T, Suffix, Scope)                               \
  __CUPORT_ATOMIC_FN T atomicCAS##Suffix(T *P, T Compare, T Val) {              \
    T Expected = Compare;                                                       \
    __cuport_ocl_cas_##Code(P, &Expected, Val, __CUPORT_RELAXED, __CUPORT_RELAXED, Scope); \
    return Expected;                                                            \
  }
#define __CUPORT_CUDA_CAS_ALL(Code, T)                                          \
  __CUPORT_CUDA_CAS(Code, T, , __CUPORT_SCOPE_DEVICE)                           \
  __CUPORT_CUDA_CAS(Code, T, _block, __CUPORT_SCOPE_BLOCK)                      \
  __CUPORT_CUDA_CAS(Code, T, _system, __CUPORT_SCOPE_SYSTEM)
__CUPORT_CUDA_CAS_ALL(i, int)
__CUPORT_CUDA_CAS_ALL(j, unsigned int)
__CUPORT_CUDA_CAS_ALL(m, unsigned long long)
#undef __CUPORT_CUDA_CAS_ALL
#undef __CUPORT_CUDA_CAS

/* Read-modify-write through compare-and-swap on the value's bits, for the
 * operations OpenCL has no instruction for. Op(old) gives the new value. */
#define __CUPORT_CAS_LOOP(T, Bits, Code, Scope, NewValue)                       \
  Bits *Word = reinterpret_cast<Bits *>(P);                                     \
  Bits Old = *(volatile Bits *)Word, Assumed;                                   \
  do {                                                                          \
    Assumed = Old;                                                              \
    T OldValue = __builtin_bit_cast(T, Assumed);                                \
    Bits Desired = __builtin_bit_cast(Bits, (T)(NewValue));                     \
    Old = Assumed;                                                              \
    __cuport_ocl_cas_##Code(Word, &Old, Desired, __CUPORT_RELAXED, __CUPORT_RELAXED, Scope); \
  } while (Old != Assumed);                                                     \
  return __builtin_bit_cast(T, Old);

#define __CUPORT_CUDA_LOOPS(Suffix, Scope)                                      \
  __CUPORT_ATOMIC_FN float atomicAdd##Suffix(float *P, float V) {               \
    __CUPORT_CAS_LOOP(float, unsigned int, j, Scope, OldValue + V)              \
  }                                                                             \
  __CUPORT_ATOMIC_FN double atomicAdd##Suffix(double *P, double V) {            \
    __CUPORT_CAS_LOOP(double, unsigned long long, m, Scope, OldValue + V)       \
  }                                                                             \
  __CUPORT_ATOMIC_FN float atomicExch##Suffix(float *P, float V) {              \
    return __cuport_ocl_exchange_f(P, V, __CUPORT_RELAXED, Scope);              \
  }                                                                             \
  __CUPORT_ATOMIC_FN unsigned int atomicInc##Suffix(unsigned int *P, unsigned int V) { \
    __CUPORT_CAS_LOOP(unsigned int, unsigned int, j, Scope,                     \
                      OldValue >= V ? 0u : OldValue + 1u)                       \
  }                                                                             \
  __CUPORT_ATOMIC_FN unsigned int atomicDec##Suffix(unsigned int *P, unsigned int V) { \
    __CUPORT_CAS_LOOP(unsigned int, unsigned int, j, Scope,                     \
                      (OldValue == 0u || OldValue > V) ? V : OldValue - 1u)     \
  }
__CUPORT_CUDA_LOOPS(, __CUPORT_SCOPE_DEVICE)
__CUPORT_CUDA_LOOPS(_block, __CUPORT_SCOPE_BLOCK)
__CUPORT_CUDA_LOOPS(_system, __CUPORT_SCOPE_SYSTEM)
#undef __CUPORT_CUDA_LOOPS
#undef __CUPORT_CAS_LOOP

/* Block-wide predicate reductions: a work-group-scope count between
 * barriers; every thread of the block must call them, as in CUDA. */
static __device__ __forceinline__ int __syncthreads_count(int Predicate) {
  __shared__ int __cuport_count;
  __syncthreads(); /* earlier readers of the counter are done */
  if (threadIdx.x == 0 && threadIdx.y == 0 && threadIdx.z == 0)
    __cuport_count = 0;
  __syncthreads();
  if (Predicate)
    atomicAdd_block(&__cuport_count, 1);
  __syncthreads();
  return __cuport_count;
}
static __device__ __forceinline__ int __syncthreads_and(int Predicate) {
  return __syncthreads_count(!Predicate) == 0;
}
static __device__ __forceinline__ int __syncthreads_or(int Predicate) {
  return __syncthreads_count(Predicate) != 0;
}

#undef __CUPORT_ATOMIC_FN
#undef __CUPORT_ATOMIC_DECL

#endif /* __CUDACC__ */
#endif /* CUPORT_DEVICE_ATOMICS_H */
