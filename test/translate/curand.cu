// cuRAND -> hipRAND: the host generator API and curand_kernel.h.
// RUN: %cuport-translate %s -- > %t.hip 2> %t.err
// RUN: FileCheck --match-full-lines %s < %t.hip
// RUN: FileCheck --check-prefix=DIAG --allow-empty %s < %t.err
// DIAG-NOT: fallback

// CHECK: #include <hip/hip_runtime.h>
#include <curand.h>
// CHECK: #include <hiprand/hiprand.h>
#include <curand_kernel.h>
// CHECK: #include <hiprand/hiprand_kernel.h>

__global__ void setup(curandState *states, unsigned long long seed) {
// CHECK: __global__ void setup(hiprandState *states, unsigned long long seed) {
  int id = blockIdx.x * blockDim.x + threadIdx.x;
  curand_init(seed, id, 0, &states[id]);
  // CHECK: hiprand_init(seed, id, 0, &states[id]);
}

__global__ void sample(curandState *states, float *out, double *outd, unsigned *bits) {
// CHECK: __global__ void sample(hiprandState *states, float *out, double *outd, unsigned *bits) {
  int id = blockIdx.x * blockDim.x + threadIdx.x;
  curandState local = states[id];
  // CHECK: hiprandState local = states[id];
  out[id] = curand_uniform(&local) * 2.0f;
  // CHECK: out[id] = hiprand_uniform(&local) * 2.0f;
  out[id] += curand_normal(&local);
  // CHECK: out[id] += hiprand_normal(&local);
  outd[id] = curand_uniform_double(&local) + curand_normal_double(&local);
  // CHECK: outd[id] = hiprand_uniform_double(&local) + hiprand_normal_double(&local);
  float2 pair = curand_normal2(&local);
  // CHECK: float2 pair = hiprand_normal2(&local);
  out[id] += pair.x + pair.y + curand_log_normal(&local, 0.0f, 1.0f);
  // CHECK: out[id] += pair.x + pair.y + hiprand_log_normal(&local, 0.0f, 1.0f);
  bits[id] = curand(&local) ^ curand_poisson(&local, 4.0);
  // CHECK: bits[id] = hiprand(&local) ^ hiprand_poisson(&local, 4.0);
  states[id] = local;
}

__global__ void philox(curandStatePhilox4_32_10_t *st) {
// CHECK: __global__ void philox(hiprandStatePhilox4_32_10_t *st) {
  curand_init(7, threadIdx.x, 0, &st[threadIdx.x]);
  // CHECK: hiprand_init(7, threadIdx.x, 0, &st[threadIdx.x]);
}

int main() {
  curandGenerator_t gen;
  // CHECK: hiprandGenerator_t gen;
  float *d = nullptr;
  curandStatus_t s = curandCreateGenerator(&gen, CURAND_RNG_PSEUDO_DEFAULT);
  // CHECK: hiprandStatus_t s = hiprandCreateGenerator(&gen, HIPRAND_RNG_PSEUDO_DEFAULT);
  if (s != CURAND_STATUS_SUCCESS)
  // CHECK: if (s != HIPRAND_STATUS_SUCCESS)
    return 1;
  curandCreateGenerator(&gen, CURAND_RNG_PSEUDO_XORWOW);
  // CHECK: hiprandCreateGenerator(&gen, HIPRAND_RNG_PSEUDO_XORWOW);
  curandCreateGenerator(&gen, CURAND_RNG_PSEUDO_PHILOX4_32_10);
  // CHECK: hiprandCreateGenerator(&gen, HIPRAND_RNG_PSEUDO_PHILOX4_32_10);
  curandCreateGenerator(&gen, CURAND_RNG_QUASI_SOBOL32);
  // CHECK: hiprandCreateGenerator(&gen, HIPRAND_RNG_QUASI_SOBOL32);
  curandSetPseudoRandomGeneratorSeed(gen, 1234ULL);
  // CHECK: hiprandSetPseudoRandomGeneratorSeed(gen, 1234ULL);
  curandGenerateUniform(gen, d, 1024);
  // CHECK: hiprandGenerateUniform(gen, d, 1024);
  curandGenerateNormal(gen, d, 1024, 0.0f, 1.0f);
  // CHECK: hiprandGenerateNormal(gen, d, 1024, 0.0f, 1.0f);
  curandRngType_t type = CURAND_RNG_PSEUDO_MRG32K3A;
  // CHECK: hiprandRngType_t type = HIPRAND_RNG_PSEUDO_MRG32K3A;
  (void)type;
  curandDestroyGenerator(gen);
  // CHECK: hiprandDestroyGenerator(gen);
  return 0;
}

