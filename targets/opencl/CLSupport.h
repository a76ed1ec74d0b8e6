//===- CLSupport.h - small helpers over the OpenCL C API ------------------===//
//
// Error names, the OpenCL-error-to-Status table (CLErrors.def) and typed
// clGet*Info wrappers, shared by the OpenCL target's files. Every OpenCL
// failure becomes a target::Result whose message names the call and the
// error code, so that a user-visible message can say what went wrong.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_TARGETS_OPENCL_CLSUPPORT_H
#define CUPORT_TARGETS_OPENCL_CLSUPPORT_H

#define CL_TARGET_OPENCL_VERSION 300
#include <CL/cl.h>
#include <CL/cl_ext.h>

#include "Target.h"

#include <string>
#include <vector>

namespace cuport {
namespace target {
namespace opencl {

/// "CL_OUT_OF_RESOURCES (-5)"; unknown codes print as their number.
std::string clErrorName(cl_int Err);

/// The Status an OpenCL error code maps to (CLErrors.def).
Status statusFromCl(cl_int Err);

/// Result for a failed call: "<What> failed: CL_... (-n)". Success for
/// CL_SUCCESS. \p Override, when not Success, replaces the table's status.
Result clResult(cl_int Err, const std::string &What,
                Status Override = Status::Success);

template <typename T>
cl_int deviceInfo(cl_device_id D, cl_device_info Param, T &Out) {
  return clGetDeviceInfo(D, Param, sizeof(T), &Out, nullptr);
}

/// A string-valued device query; empty on failure.
std::string deviceString(cl_device_id D, cl_device_info Param);
std::string platformString(cl_platform_id P, cl_platform_info Param);

/// The space-separated list (extensions, IL versions) has \p Word, or with
/// \p Prefix a word that starts with it ("SPIR-V" matches "SPIR-V_1.2").
bool hasWord(const std::string &List, const std::string &Word, bool Prefix = false);

} // namespace opencl
} // namespace target
} // namespace cuport

#endif // CUPORT_TARGETS_OPENCL_CLSUPPORT_H
