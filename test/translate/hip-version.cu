// HIP names that a ROCm newer than Debian's 5.2 added (CudaRuntime.def's
// HipSince column). By default they are mapped and each use is warned about
// with the release it needs; --hip-version=R leaves the CUDA name where R is
// older than that release (a "no HIP equivalent in ROCm R" warning) and maps
// silently where R has it.
// RUN: %cuport-translate %s -- > %t.hip 2> %t.err
// RUN: FileCheck --match-full-lines %s < %t.hip
// RUN: FileCheck --check-prefix=WARN %s < %t.err
// RUN: %cuport-translate --hip-version=5.2 %s -- > %t.52.hip 2> %t.52.err
// RUN: FileCheck --match-full-lines --check-prefix=R52 %s < %t.52.hip
// RUN: FileCheck --check-prefix=W52 %s < %t.52.err
// RUN: %cuport-translate --hip-version=6.2 %s -- > %t.62.hip 2> %t.62.err
// RUN: FileCheck --match-full-lines --check-prefix=R62 %s < %t.62.hip
// RUN: FileCheck --check-prefix=W62 %s < %t.62.err
// RUN: %not %cuport-translate --hip-version=six %s -- 2>&1 | FileCheck --check-prefix=BAD %s
// BAD: cuport-translate: error: invalid --hip-version value 'six'; expected a ROCm release such as 5.2 or 6.0
// The API report names the ROCm release a newer HIP name needs.
// RUN: %cuport-translate --report-api-json %t.json %s -- > /dev/null 2>&1
// RUN: %python -c "import json, sys; a = {x['name']: x for x in json.load(open(sys.argv[1]))['apis']}; \
// RUN:   [print(n, a[n]['hip'], a[n]['hip_rocm']) for n in ('cudaGraphLaunch', 'cudaGraphUpload', 'cudaGraphExecGetFlags')]" \
// RUN:   %t.json | FileCheck --check-prefix=JSON %s
// JSON: cudaGraphLaunch hipGraphLaunch None
// JSON-NEXT: cudaGraphUpload hipGraphUpload 5.3
// JSON-NEXT: cudaGraphExecGetFlags hipGraphExecGetFlags 6.3

#include <cuda_runtime.h>

// A macro body is renamed by the lexer pass, with the same rule.
#define UPLOAD(e, s) cudaGraphUpload(e, s)
// CHECK: #define UPLOAD(e, s) hipGraphUpload(e, s)
// WARN: :[[@LINE-2]]:22: warning: 'hipGraphUpload' needs ROCm 5.3 or later (ROCm 5.2 lacks it); --hip-version=5.2 leaves the CUDA name instead
// R52: #define UPLOAD(e, s) cudaGraphUpload(e, s)
// W52: :[[@LINE-4]]:22: warning: function 'cudaGraphUpload' has no HIP equivalent in ROCm 5.2 ('hipGraphUpload' needs ROCm 5.3); left unchanged
// R62: #define UPLOAD(e, s) hipGraphUpload(e, s)

void graphs(cudaGraph_t g, cudaGraphExec_t e, cudaStream_t s) {
  cudaGraphLaunch(e, s);
  // CHECK: hipGraphLaunch(e, s);
  // R52: hipGraphLaunch(e, s);
  // R62: hipGraphLaunch(e, s);
  cudaGraphUpload(e, s);
  // CHECK: hipGraphUpload(e, s);
  // WARN: :[[@LINE-2]]:3: warning: 'hipGraphUpload' needs ROCm 5.3 or later (ROCm 5.2 lacks it); --hip-version=5.2 leaves the CUDA name instead
  // R52: cudaGraphUpload(e, s);
  // W52: :[[@LINE-4]]:3: warning: function 'cudaGraphUpload' has no HIP equivalent in ROCm 5.2 ('hipGraphUpload' needs ROCm 5.3); left unchanged
  // R62: hipGraphUpload(e, s);
  cudaGraphDebugDotPrint(g, "g.dot", 0);
  // CHECK: hipGraphDebugDotPrint(g, "g.dot", 0);
  // WARN: :[[@LINE-2]]:3: warning: 'hipGraphDebugDotPrint' needs ROCm 5.5 or later (ROCm 5.2 lacks it)
  // R52: cudaGraphDebugDotPrint(g, "g.dot", 0);
  // W52: :[[@LINE-4]]:3: warning: function 'cudaGraphDebugDotPrint' has no HIP equivalent in ROCm 5.2 ('hipGraphDebugDotPrint' needs ROCm 5.5); left unchanged
  // R62: hipGraphDebugDotPrint(g, "g.dot", 0);
  unsigned long long flags;
  cudaGraphExecGetFlags(e, &flags);
  // CHECK: hipGraphExecGetFlags(e, &flags);
  // WARN: :[[@LINE-2]]:3: warning: 'hipGraphExecGetFlags' needs ROCm 6.3 or later (ROCm 5.2 lacks it)
  // R52: cudaGraphExecGetFlags(e, &flags);
  // R62: cudaGraphExecGetFlags(e, &flags);
  // W62: :[[@LINE-5]]:3: warning: function 'cudaGraphExecGetFlags' has no HIP equivalent in ROCm 6.2 ('hipGraphExecGetFlags' needs ROCm 6.3); left unchanged
  UPLOAD(e, s);
  // CHECK: UPLOAD(e, s);
}

int main() {
  cudaDeviceSetLimit(cudaLimitMallocHeapSize, 1 << 20);
  // CHECK: hipDeviceSetLimit(hipLimitMallocHeapSize, 1 << 20);
  // WARN: :[[@LINE-2]]:3: warning: 'hipDeviceSetLimit' needs ROCm 5.3 or later (ROCm 5.2 lacks it)
  // R52: cuport_hipDeviceSetLimit(hipLimitMallocHeapSize, 1 << 20);
  // W52: :[[@LINE-4]]:3: warning: 'cudaDeviceSetLimit' has no HIP equivalent in ROCm 5.2; 'cuport_hipDeviceSetLimit' from the generated cuport_hip_compat.h stands in, but ROCm 5.2 cannot change device limits
  // R62: hipDeviceSetLimit(hipLimitMallocHeapSize, 1 << 20);
  return 0;
}
// WARN-NOT: warning
// W62-NOT: warning
