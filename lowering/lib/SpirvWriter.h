//===- SpirvWriter.h - LLVM module to SPIR-V -------------------*- C++ -*-===//
//
// Writes a lowered device module as SPIR-V with SPIRV-LLVM-Translator,
// linked as a library (no llvm-spirv process per file).
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_LOWERING_SPIRVWRITER_H
#define CUPORT_LOWERING_SPIRVWRITER_H

#include "llvm/IR/Module.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <vector>

namespace cuport {
namespace lowering {

llvm::Expected<std::vector<uint8_t>> writeSpirvModule(llvm::Module &M);

} // namespace lowering
} // namespace cuport

#endif
