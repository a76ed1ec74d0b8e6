//===- Debug.cpp - cuport's own additions to libcudart --------------------===//
//
// See CuportRuntime.h: counters and the target's name, for tests and tools.
//
//===----------------------------------------------------------------------===//
#include "CuportRuntime.h"
#include "Runtime.h"

using namespace cuport;

CUPORT_EXPORT cudaError_t cuportGetModuleStats(int device, struct cuportModuleStats *stats) {
  return rt::apiBoundary([&] {
    if (!stats)
      return cudaErrorInvalidValue;
    if (cudaError_t E = rt::enter())
      return E;
    if (device < 0 || device >= rt::deviceCount())
      return cudaErrorInvalidDevice;
    target::ModuleStats S = rt::device(device).moduleStats();
    stats->modulesLoaded = S.ModulesLoaded;
    stats->programsBuilt = S.ProgramsBuilt;
    stats->spirvTranslations = S.SpirvTranslations;
    stats->binaryCacheHits = S.BinaryCacheHits;
    stats->bitcodeCacheHits = S.BitcodeCacheHits;
    stats->cacheEntriesWritten = S.CacheEntriesWritten;
    stats->cacheEntriesRejected = S.CacheEntriesRejected;
    return cudaSuccess;
  });
}

CUPORT_EXPORT const char *cuportGetTargetName(void) {
  const char *Name = nullptr;
  rt::apiBoundary([&] {
    cudaError_t E = rt::enter();
    if (E == cudaSuccess)
      Name = rt::targetName();
    return E;
  });
  return Name;
}
