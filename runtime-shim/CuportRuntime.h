/*===- CuportRuntime.h - cuport's own additions to libcudart -------------===*
 *
 * A few extern "C" functions that libcudart exports besides the CUDA API,
 * for cuport's tests and tools (never for CUDA programs): which target the
 * runtime opened and the module/kernel-cache counters of a device. They
 * follow the CUDA calls' rules (lazy initialization, cudaError_t results).
 *
 *===----------------------------------------------------------------------===*/
#ifndef CUPORT_RUNTIME_SHIM_CUPORTRUNTIME_H
#define CUPORT_RUNTIME_SHIM_CUPORTRUNTIME_H

#include "driver_types.h"

#if defined(__cplusplus)
extern "C" {
#endif

struct cuportModuleStats {
  unsigned long long modulesLoaded;     /* modules created from SPIR-V images */
  unsigned long long programsBuilt;     /* programs built from SPIR-V or SPIR */
  unsigned long long spirvTranslations; /* in-process SPIR-V -> SPIR translations */
  unsigned long long binaryCacheHits;   /* builds skipped: cached device binary */
  unsigned long long bitcodeCacheHits;  /* translations skipped: cached bitcode */
  unsigned long long cacheEntriesWritten;
  unsigned long long cacheEntriesRejected; /* corrupt or unusable entries ignored */
};

/* Counters of device `device` since the process started. */
cudaError_t cuportGetModuleStats(int device, struct cuportModuleStats *stats);

/* The name of the target in use ("opencl"), or NULL when none could be
 * opened (then cudaGetLastError says why). */
const char *cuportGetTargetName(void);

#if defined(__cplusplus)
}
#endif

#endif /* CUPORT_RUNTIME_SHIM_CUPORTRUNTIME_H */
