// RUN: %cuport-cc -O2 %s -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: PASSED
//
// Template kernels instantiated for int, float and double (type and non-type
// template parameters, a functor template argument, an explicit
// specialization), and __host__ __device__ functions and member functions
// called from both the host and the device. The device results are compared
// with reference values written out independently on the host (Horner form
// against the expanded polynomial, and so on), and the host calls of the same
// __host__ __device__ functions are checked too.
#include <cuda_runtime.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <type_traits>

#define CUDA_CHECK(call)                                                      \
  do {                                                                        \
    cudaError_t err_ = (call);                                                \
    if (err_ != cudaSuccess) {                                                \
      printf("CUDA error %s at %s:%d: %s\n", cudaGetErrorName(err_), __FILE__, \
             __LINE__, #call);                                                \
      exit(1);                                                                \
    }                                                                         \
  } while (0)

static int Failures = 0;

// 3x^2 - 2x + 7, expanded; the host reference uses Horner's form.
template <typename T> __host__ __device__ T poly(T x) {
  return T(3) * x * x - T(2) * x + T(7);
}

// Generic clamp with an explicit specialization for int that also doubles
// the value, so that using the wrong instantiation shows up.
template <typename T> __host__ __device__ T clampTo(T v, T lo, T hi) {
  return v < lo ? lo : (v > hi ? hi : v);
}
template <> __host__ __device__ int clampTo<int>(int v, int lo, int hi) {
  return 2 * (v < lo ? lo : (v > hi ? hi : v));
}

template <typename T> struct Vec3 {
  T x, y, z;
  __host__ __device__ T dot(const Vec3 &o) const { return x * o.x + y * o.y + z * o.z; }
  __host__ __device__ Vec3 scaled(T s) const { return Vec3{x * s, y * s, z * s}; }
};

template <typename T> struct AddScaled {
  T factor;
  __host__ __device__ T operator()(T a, T b) const { return a + factor * b; }
};

template <typename T> __global__ void polyKernel(const T *in, T *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    out[i] = poly(in[i]);
}

template <typename T, int Lo, int Hi>
__global__ void clampKernel(const T *in, T *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    out[i] = clampTo<T>(in[i], T(Lo), T(Hi));
}

template <typename T, typename Op>
__global__ void binaryKernel(Op op, const T *a, const T *b, T *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    out[i] = op(a[i], b[i]);
}

template <typename T> __global__ void dotKernel(const Vec3<T> *v, T s, T *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    Vec3<T> w = v[i].scaled(s);
    out[i] = w.dot(v[(i + 1) % n]);
  }
}

template <typename T> static bool close(T got, double want) {
  double tol = sizeof(T) == 4 ? 1e-5 : 1e-12;
  return fabs((double)got - want) <= tol * fabs(want) + tol;
}
template <> bool close<int>(int got, double want) { return (double)got == want; }

template <typename T> static void report(const char *type, const char *what, int i, T got, double want) {
  if (!close(got, want)) {
    if (Failures < 10)
      printf("mismatch: %s<%s>[%d] = %.17g, want %.17g\n", what, type, i, (double)got, want);
    ++Failures;
  }
}

template <typename T> static void runType(const char *type) {
  const int n = 300;
  T *in = new T[n], *in2 = new T[n], *out = new T[n];
  Vec3<T> *vec = new Vec3<T>[n];
  const bool isInt = std::is_integral<T>::value;
  for (int i = 0; i < n; ++i) {
    // Small values keep the int polynomial far from overflow; floating
    // types get quarter steps.
    in[i] = T(i % 41 - 20) / T(isInt ? 1 : 4);
    in2[i] = T((i * 7) % 23 - 11);
    vec[i] = Vec3<T>{T(i % 5), T(i % 7 - 3), T(i % 3 + 1)};
  }
  T *dIn, *dIn2, *dOut;
  Vec3<T> *dVec;
  CUDA_CHECK(cudaMalloc(&dIn, n * sizeof(T)));
  CUDA_CHECK(cudaMalloc(&dIn2, n * sizeof(T)));
  CUDA_CHECK(cudaMalloc(&dOut, n * sizeof(T)));
  CUDA_CHECK(cudaMalloc(&dVec, n * sizeof(Vec3<T>)));
  CUDA_CHECK(cudaMemcpy(dIn, in, n * sizeof(T), cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(dIn2, in2, n * sizeof(T), cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(dVec, vec, n * sizeof(Vec3<T>), cudaMemcpyHostToDevice));
  const int threads = 128, blocks = (n + threads - 1) / threads;

  // poly: device vs Horner on the host, and the host call of the same
  // __host__ __device__ function vs Horner.
  polyKernel<T><<<blocks, threads>>>(dIn, dOut, n);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaDeviceSynchronize());
  CUDA_CHECK(cudaMemcpy(out, dOut, n * sizeof(T), cudaMemcpyDeviceToHost));
  for (int i = 0; i < n; ++i) {
    double x = (double)in[i];
    double want = (3.0 * x - 2.0) * x + 7.0;
    report(type, "device poly", i, out[i], want);
    report(type, "host poly", i, poly(in[i]), want);
  }

  // clamp with non-type template parameters; int takes the specialization.
  clampKernel<T, -3, 5><<<blocks, threads>>>(dIn, dOut, n);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaDeviceSynchronize());
  CUDA_CHECK(cudaMemcpy(out, dOut, n * sizeof(T), cudaMemcpyDeviceToHost));
  for (int i = 0; i < n; ++i) {
    double x = (double)in[i];
    double c = x < -3 ? -3 : (x > 5 ? 5 : x);
    double want = isInt ? 2 * c : c;
    report(type, "device clamp", i, out[i], want);
    report(type, "host clamp", i, clampTo<T>(in[i], T(-3), T(5)), want);
  }

  // A functor as a template argument, passed by value.
  AddScaled<T> op{T(3)};
  binaryKernel<T, AddScaled<T>><<<blocks, threads>>>(op, dIn, dIn2, dOut, n);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaDeviceSynchronize());
  CUDA_CHECK(cudaMemcpy(out, dOut, n * sizeof(T), cudaMemcpyDeviceToHost));
  for (int i = 0; i < n; ++i)
    report(type, "functor", i, out[i], (double)in[i] + 3.0 * (double)in2[i]);

  // Member functions of a template struct, on both sides.
  dotKernel<T><<<blocks, threads>>>(dVec, T(2), dOut, n);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaDeviceSynchronize());
  CUDA_CHECK(cudaMemcpy(out, dOut, n * sizeof(T), cudaMemcpyDeviceToHost));
  for (int i = 0; i < n; ++i) {
    const Vec3<T> &a = vec[i], &b = vec[(i + 1) % n];
    double want = 2.0 * ((double)a.x * b.x + (double)a.y * b.y + (double)a.z * b.z);
    report(type, "device dot", i, out[i], want);
    report(type, "host dot", i, a.scaled(T(2)).dot(b), want);
  }

  CUDA_CHECK(cudaFree(dIn));
  CUDA_CHECK(cudaFree(dIn2));
  CUDA_CHECK(cudaFree(dOut));
  CUDA_CHECK(cudaFree(dVec));
  delete[] in;
  delete[] in2;
  delete[] out;
  delete[] vec;
  printf("templates<%s>: done\n", type);
}

int main() {
  runType<int>("int");
  runType<float>("float");
  runType<double>("double");
  if (Failures) {
    printf("FAILED: %d mismatches\n", Failures);
    return 1;
  }
  printf("PASSED\n");
  return 0;
}
