/*===- device_printf.h - printf and assert in device code ------------------===*
 *
 * Device printf is declared here and lowered by cuport-lower-printf into
 * appends to a buffer that libcudart formats on the host at the next
 * synchronization, in the order CUDA gives. assert(), through glibc's
 * __assert_fail, prints CUDA's message (file, line, function, block and
 * thread) and raises the buffer's assert flag, which makes the next
 * synchronizing call return cudaErrorAssert.
 *
 *===----------------------------------------------------------------------===*/
#ifndef CUPORT_DEVICE_PRINTF_H
#define CUPORT_DEVICE_PRINTF_H

#if defined(__CUDACC__)

/* Device printf calls __cuport_printf in IR: a name no back end rewrites
 * for its own printf protocol (AMDGPU's does, for "printf"). */
extern "C" __device__ int printf(const char *__restrict, ...) __asm__("__cuport_printf");
extern "C" __device__ void __cuport_assert_raised(void);

extern "C" __device__ inline void __assert_fail(const char *Assertion, const char *File,
                                                unsigned int Line, const char *Function) {
  printf("%s:%u: %s: block: [%u,%u,%u], thread: [%u,%u,%u] Assertion `%s` failed.\n", File,
         Line, Function, blockIdx.x, blockIdx.y, blockIdx.z, threadIdx.x, threadIdx.y,
         threadIdx.z, Assertion);
  __cuport_assert_raised();
}

#endif /* __CUDACC__ */
#endif /* CUPORT_DEVICE_PRINTF_H */
