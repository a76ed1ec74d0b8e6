//===- fake-amdhip64.cpp - a libamdhip64 stand-in with one gfx90a device ---===//
//
// Loaded by libcuport-hip.so through CUPORT_HIP_LIBRARY in tests that need a
// HIP device on a machine without one. "Device" memory is host memory, the
// one device reports gfx90a, and the calls that matter to the test print a
// line: hipModuleGetGlobal (with the address it returns, from a table of
// fake code-object globals) and every copy. Kernels do not run.
//
//===----------------------------------------------------------------------===//
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {
/// The code object's globals: the names and sizes tests use, and up to
/// eight more of 64 bytes on demand (this stand-in cannot read the ELF).
struct Global {
  char Name[64];
  size_t Bytes;
  alignas(16) unsigned char Storage[64];
};
Global Globals[16] = {{"counter", 4, {}},
                      {"coeffs", 16, {}},
                      {"_ZL6hidden", 8, {}},
                      {"__cuport_printf_buffer", 8, {}},
                      {"__cuport_printf_format", 4, {}}};
int Module;   // hipModuleLoadData's handle is its address.
int Function; // hipModuleGetFunction's handle is its address.

void say(const char *Fmt, const char *S, const void *P) {
  std::printf(Fmt, S, P);
  std::fflush(stdout);
}
} // namespace

extern "C" {
const char *hipGetErrorName(int E) { return E == 500 ? "hipErrorNotFound" : "hipErrorFake"; }
const char *hipGetErrorString(int E) { return hipGetErrorName(E); }
int hipRuntimeGetVersion(int *V) { *V = 50221153; return 0; }
int hipDriverGetVersion(int *V) { *V = 50221153; return 0; }
int hipGetDeviceCount(int *C) { *C = 1; return 0; }
int hipGetDeviceProperties(void *P, int) {
  std::strcpy(static_cast<char *>(P), "Fake gfx90a");
  size_t Mem = size_t(1) << 30;
  std::memcpy(static_cast<char *>(P) + 256, &Mem, sizeof(Mem));
  std::strcpy(static_cast<char *>(P) + 396, "gfx90a:sramecc+:xnack-");
  return 0;
}
int hipDeviceGetAttribute(int *V, int A, int) { *V = A == 87 ? 64 : 1024; return 0; }
int hipSetDevice(int) { return 0; }
int hipDeviceSynchronize(void) { return 0; }
int hipMalloc(void **P, size_t N) { *P = std::aligned_alloc(256, (N + 255) / 256 * 256); return 0; }
int hipFree(void *P) { std::free(P); return 0; }
int hipHostMalloc(void **P, size_t N, unsigned) { return hipMalloc(P, N); }
int hipHostFree(void *P) { return hipFree(P); }
int hipMallocManaged(void **P, size_t N, unsigned) { return hipMalloc(P, N); }
int hipMemcpy(void *D, const void *S, size_t N, int) { std::memcpy(D, S, N); return 0; }
int hipMemcpyAsync(void *D, const void *S, size_t N, int K, void *) {
  std::printf("hipMemcpyAsync dst=%p src=%p bytes=%zu kind=%d\n", D, S, N, K);
  std::fflush(stdout);
  std::memcpy(D, S, N);
  return 0;
}
int hipMemsetAsync(void *D, int V, size_t N, void *) { std::memset(D, V, N); return 0; }
int hipModuleLoadData(void **M, const void *Image) {
  say("hipModuleLoadData %s%p\n", std::memcmp(Image, "\x7f" "ELF", 4) ? "non-ELF " : "", Image);
  *M = &Module;
  return 0;
}
int hipModuleUnload(void *) { return 0; }
int hipModuleGetFunction(void **F, void *, const char *) { *F = &Function; return 0; }
int hipModuleGetGlobal(void **P, size_t *Bytes, void *M, const char *Name) {
  if (M != &Module)
    return 400;
  for (Global &G : Globals) {
    if (!G.Name[0] && !std::strncmp(Name, "absent", 6))
      break; // Names starting "absent" are not in the code object.
    if (!G.Name[0] && std::strlen(Name) < sizeof(G.Name)) {
      std::strcpy(G.Name, Name);
      G.Bytes = sizeof(G.Storage);
    }
    if (!std::strcmp(G.Name, Name)) {
      *P = G.Storage;
      *Bytes = G.Bytes;
      say("hipModuleGetGlobal(%s) = %p\n", Name, G.Storage);
      return 0;
    }
  }
  say("hipModuleGetGlobal(%s) = not found%p\n", Name, nullptr);
  return 500;
}
int hipModuleLaunchKernel(void *, unsigned, unsigned, unsigned, unsigned, unsigned, unsigned,
                          unsigned, void *, void **, void **) {
  return 0;
}
int hipFuncGetAttribute(int *V, int, void *) { *V = 0; return 0; }
int hipStreamCreateWithFlags(void **S, unsigned) { *S = std::malloc(1); return 0; }
int hipStreamSynchronize(void *) { return 0; }
int hipStreamQuery(void *) { return 0; }
int hipStreamDestroy(void *S) { std::free(S); return 0; }
int hipStreamWaitEvent(void *, void *, unsigned) { return 0; }
int hipStreamAddCallback(void *S, void (*Fn)(void *, int, void *), void *Data, unsigned) {
  Fn(S, 0, Data);
  return 0;
}
int hipEventCreateWithFlags(void **E, unsigned) { *E = std::malloc(1); return 0; }
int hipEventRecord(void *, void *) { return 0; }
int hipEventQuery(void *) { return 0; }
int hipEventSynchronize(void *) { return 0; }
int hipEventElapsedTime(float *Ms, void *, void *) { *Ms = 0; return 0; }
int hipEventDestroy(void *E) { std::free(E); return 0; }
}
