//===- DeviceImage.cpp - a lowered device module as a container image -----===//
#include "DeviceImage.h"

#include "KernelMetadata.h"
#include "LoweringPasses.h"
#include "SpirvWriter.h"

#include <cstdlib>

llvm::Error cuport::lowering::lowerToSpirvImage(llvm::Module &M, fatbin::FatBinary &FB) {
  PipelineOptions Opts;
  // CUPORT_VERIFY_EACH=1 checks the IR after every pass while debugging.
  const char *Verify = std::getenv("CUPORT_VERIFY_EACH");
  Opts.VerifyEach = Verify && *Verify && *Verify != '0';
  if (llvm::Error E = runLoweringPipeline(M, Opts))
    return E;
  auto Kernels = collectKernelInfo(M);
  if (!Kernels)
    return Kernels.takeError();
  auto Spirv = writeSpirvModule(M);
  if (!Spirv)
    return Spirv.takeError();
  FB.Images.push_back({fatbin::ImageKind::SPIRV, "spirv64", std::move(*Spirv)});
  for (fatbin::KernelInfo &K : *Kernels)
    FB.Kernels.push_back(std::move(K));
  collectGlobals(M, FB);
  return llvm::Error::success();
}
