//===- RuntimeCoverageTest.cpp - libcudart exports every table row --------===//
//
// frontend/tables/CudaRuntime.def is the one list of CUDA runtime
// functions. This test holds libcudart.so.12 to it:
//  - every row (and every per-thread-stream spelling) is an exported,
//    versioned symbol, found with dlsym as a program's loader would;
//  - Implemented and Partial rows are real functions, not the
//    not-supported stubs, and NotSupported rows are the stubs (a row whose
//    function got implemented must be flipped in the table);
//  - a stub returns cudaErrorNotSupported, sets the last error and names
//    the function once on stderr.
// It needs no device.
//
//===----------------------------------------------------------------------===//
#include "cuda_runtime_api.h"

#include <gtest/gtest.h>

#include <dlfcn.h>

#include <string>
#include <vector>

extern "C" int cuportIsNotSupportedStub(const void *Fn);

namespace {

enum class Status { Implemented, Partial, NotSupported };

struct Row {
  const char *Name;
  Status S;
};

const Row Rows[] = {
#define CUDA_RUNTIME_API(Name, HipName, HipSince, Group, St, Caveat) {#Name, Status::St},
#include "CudaRuntime.def"
};

struct PerThread {
  const char *Api, *Symbol;
};
const PerThread PerThreadRows[] = {
#define CUDA_PER_THREAD_STREAM(Api, Symbol) {#Api, #Symbol},
#include "PerThreadStream.def"
};

void *libcudart() {
  static void *H = dlopen("libcudart.so.12", RTLD_NOW | RTLD_NOLOAD);
  return H;
}

const Row *findRow(const std::string &Name) {
  for (const Row &R : Rows)
    if (Name == R.Name)
      return &R;
  return nullptr;
}

TEST(Coverage, TableIsTheFullCuda12RuntimeApi) {
  // About 390 functions in CUDA 12's runtime API reference.
  EXPECT_GE(sizeof(Rows) / sizeof(Rows[0]), 390u);
  for (const Row &R : Rows) {
    for (const Row &Other : Rows) {
      if (&R != &Other) {
        ASSERT_NE(std::string(R.Name), Other.Name) << "duplicate row";
      }
    }
  }
}

TEST(Coverage, EveryRowIsExportedAndImplementedRowsAreNotStubs) {
  ASSERT_NE(libcudart(), nullptr) << dlerror();
  std::vector<std::string> Missing, StubbedButImplemented, ImplementedButNotSupported;
  for (const Row &R : Rows) {
    void *F = dlvsym(libcudart(), R.Name, "libcudart.so.12");
    if (!F) {
      Missing.push_back(R.Name);
      continue;
    }
    bool Stub = cuportIsNotSupportedStub(F);
    if (R.S != Status::NotSupported && Stub)
      StubbedButImplemented.push_back(R.Name);
    if (R.S == Status::NotSupported && !Stub)
      ImplementedButNotSupported.push_back(R.Name);
  }
  auto Join = [](const std::vector<std::string> &V) {
    std::string S;
    for (const std::string &N : V)
      S += " " + N;
    return S;
  };
  EXPECT_TRUE(Missing.empty()) << "not exported:" << Join(Missing);
  EXPECT_TRUE(StubbedButImplemented.empty())
      << "marked implemented but only a stub exists:" << Join(StubbedButImplemented);
  EXPECT_TRUE(ImplementedButNotSupported.empty())
      << "implemented, but the table says NotSupported (update CudaRuntime.def):"
      << Join(ImplementedButNotSupported);
}

TEST(Coverage, PerThreadStreamSpellingsFollowTheirApi) {
  ASSERT_NE(libcudart(), nullptr) << dlerror();
  for (const PerThread &P : PerThreadRows) {
    const Row *R = findRow(P.Api);
    ASSERT_NE(R, nullptr) << P.Api << " has no row in CudaRuntime.def";
    void *F = dlvsym(libcudart(), P.Symbol, "libcudart.so.12");
    ASSERT_NE(F, nullptr) << P.Symbol << " is not exported";
    if (R->S != Status::NotSupported) {
      EXPECT_FALSE(cuportIsNotSupportedStub(F))
          << P.Symbol << " is a stub but " << P.Api << " is implemented";
    }
  }
}

TEST(Coverage, StubsReturnNotSupportedAndNameThemselvesOnce) {
  ASSERT_NE(libcudart(), nullptr) << dlerror();
  const Row *Picked = nullptr;
  for (const Row &R : Rows)
    if (R.S == Status::NotSupported) {
      Picked = &R;
      break;
    }
  if (!Picked)
    GTEST_SKIP() << "every function is implemented";
  using Fn = cudaError_t (*)();
  auto F = reinterpret_cast<Fn>(dlsym(libcudart(), Picked->Name));
  ASSERT_NE(F, nullptr);
  cudaGetLastError();
  testing::internal::CaptureStderr();
  EXPECT_EQ(F(), cudaErrorNotSupported);
  EXPECT_EQ(F(), cudaErrorNotSupported);
  std::string Err = testing::internal::GetCapturedStderr();
  EXPECT_EQ(cudaGetLastError(), cudaErrorNotSupported);
  EXPECT_EQ(cudaGetLastError(), cudaSuccess);
  size_t First = Err.find(Picked->Name);
  ASSERT_NE(First, std::string::npos) << Err;
  EXPECT_EQ(Err.find(Picked->Name, First + 1), std::string::npos) << "named twice: " << Err;
}

} // namespace
