//===- Printf.h - device printf records, formatted on the host -*- C++ -*-===//
//
// The record format is written by lowering/passes/LowerPrintf.cpp: per call,
// u64 format address, u32 record bytes, u32 argument count, then 8 bytes per
// argument. formatPrintfRecords turns a buffer's records into text with the
// host's printf semantics, one conversion at a time, reading each argument
// at the width its conversion asks for (as a varargs callee would).
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_RUNTIME_SHIM_PRINTF_H
#define CUPORT_RUNTIME_SHIM_PRINTF_H

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

namespace cuport {
namespace rt {

/// The device buffer header (16 bytes) that precedes the records.
struct PrintfHeader {
  uint32_t Used;     ///< Bytes reserved by records (may exceed Capacity).
  uint32_t Capacity; ///< Record bytes available.
  uint32_t Assert;   ///< Non-zero: a device assert() failed.
  uint32_t Reserved;
};

/// Formats the records in [Records, Records + Bytes). \p FormatAt maps a
/// record's format address to its text (nullptr if unknown).
std::string formatPrintfRecords(const uint8_t *Records, size_t Bytes,
                                const std::function<const char *(uint64_t)> &FormatAt);

/// Formats one call: \p Fmt with \p NumArgs 8-byte argument slots.
std::string formatPrintf(const char *Fmt, const uint64_t *Args, unsigned NumArgs);

} // namespace rt
} // namespace cuport

#endif
