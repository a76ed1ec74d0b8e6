//===- CLSupport.cpp - small helpers over the OpenCL C API ----------------===//
//
// See CLSupport.h.
//
//===----------------------------------------------------------------------===//
#include "CLSupport.h"

#include <sstream>

namespace cuport {
namespace target {
namespace opencl {

namespace {
struct CLErrorRow {
  cl_int Code;
  const char *Name;
  Status S;
};
constexpr CLErrorRow CLErrorTable[] = {
#define CL_ERROR(Name, S) {Name, #Name, Status::S},
#include "CLErrors.def"
};

const CLErrorRow *findRow(cl_int Err) {
  for (const CLErrorRow &R : CLErrorTable)
    if (R.Code == Err)
      return &R;
  return nullptr;
}
} // namespace

std::string clErrorName(cl_int Err) {
  const CLErrorRow *R = findRow(Err);
  return std::string(R ? R->Name : "OpenCL error") + " (" + std::to_string(Err) + ")";
}

Status statusFromCl(cl_int Err) {
  const CLErrorRow *R = findRow(Err);
  return R ? R->S : Status::Unknown;
}

Result clResult(cl_int Err, const std::string &What, Status Override) {
  if (Err == CL_SUCCESS)
    return Result::success();
  return Result(Override != Status::Success ? Override : statusFromCl(Err),
                What + " failed: " + clErrorName(Err));
}

std::string deviceString(cl_device_id D, cl_device_info Param) {
  size_t Size = 0;
  if (clGetDeviceInfo(D, Param, 0, nullptr, &Size) != CL_SUCCESS || Size == 0)
    return std::string();
  std::string S(Size, '\0');
  if (clGetDeviceInfo(D, Param, Size, &S[0], nullptr) != CL_SUCCESS)
    return std::string();
  while (!S.empty() && (S.back() == '\0' || S.back() == ' '))
    S.pop_back();
  return S;
}

std::string platformString(cl_platform_id P, cl_platform_info Param) {
  size_t Size = 0;
  if (clGetPlatformInfo(P, Param, 0, nullptr, &Size) != CL_SUCCESS || Size == 0)
    return std::string();
  std::string S(Size, '\0');
  if (clGetPlatformInfo(P, Param, Size, &S[0], nullptr) != CL_SUCCESS)
    return std::string();
  while (!S.empty() && (S.back() == '\0' || S.back() == ' '))
    S.pop_back();
  return S;
}

bool hasWord(const std::string &List, const std::string &Word, bool Prefix) {
  std::istringstream In(List);
  std::string W;
  while (In >> W)
    if (W == Word || (Prefix && W.compare(0, Word.size(), Word) == 0))
      return true;
  return false;
}

} // namespace opencl
} // namespace target
} // namespace cuport
