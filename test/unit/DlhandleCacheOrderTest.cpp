//===- DlhandleCacheOrderTest.cpp - the launch order PoCL 3.1 needs -------===//
//
// targets/opencl/DlhandleCacheOrder on its own, with OpenCL user events
// standing in for launches: whether they are complete is up to the test, so
// every answer is deterministic. The rule: a launch waits for the launches of
// the same kernel and local size with another grid that are still in flight,
// and for nothing else. That the rule keeps PoCL 3.1 from aborting is shown
// by RuntimeStressTests (Stress.OneKernelManyGridSizes).
//
//===----------------------------------------------------------------------===//
#include "opencl/DlhandleCacheOrder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

using cuport::target::DeviceType;
using cuport::target::opencl::CacheKey;
using cuport::target::opencl::DlhandleCacheOrder;

namespace {

TEST(DlhandleCacheOrder, NeededForPoclCpuDriversBefore7) {
  const std::string Pocl = "Portable Computing Language";
  EXPECT_TRUE(DlhandleCacheOrder::needed(Pocl, DeviceType::CPU, "3.1+debian"));
  EXPECT_TRUE(DlhandleCacheOrder::needed(Pocl, DeviceType::CPU, "6.0-pre"));
  EXPECT_TRUE(DlhandleCacheOrder::needed(Pocl, DeviceType::CPU, "unknown"));
  EXPECT_FALSE(DlhandleCacheOrder::needed(Pocl, DeviceType::CPU, "7.0"));
  EXPECT_FALSE(DlhandleCacheOrder::needed(Pocl, DeviceType::CPU, "12.1"));
  // Only the CPU drivers dlopen work-group functions.
  EXPECT_FALSE(DlhandleCacheOrder::needed(Pocl, DeviceType::GPU, "3.1"));
  EXPECT_FALSE(DlhandleCacheOrder::needed("Intel(R) OpenCL", DeviceType::CPU, "3.1"));
}

/// A context on the first OpenCL device, for user events.
class OrderTest : public ::testing::Test {
protected:
  void SetUp() override {
    cl_platform_id P;
    cl_device_id D;
    if (clGetPlatformIDs(1, &P, nullptr) != CL_SUCCESS ||
        clGetDeviceIDs(P, CL_DEVICE_TYPE_ALL, 1, &D, nullptr) != CL_SUCCESS)
      GTEST_SKIP() << "no OpenCL device";
    cl_int Err;
    Context = clCreateContext(nullptr, 1, &D, nullptr, nullptr, &Err);
    ASSERT_EQ(Err, CL_SUCCESS);
    Order.enable();
  }
  void TearDown() override {
    for (cl_event E : Events) {
      clSetUserEventStatus(E, CL_COMPLETE);
      clReleaseEvent(E);
    }
    if (Context)
      clReleaseContext(Context);
  }

  /// A launch of \p Kernel in \p Module with local size \p L and global
  /// size \p G (one dimension): the events it has to wait for, and its own
  /// (in flight until complete() is called on it).
  std::vector<cl_event> launch(const char *Kernel, size_t L, size_t G, cl_event *Done,
                               const CacheKey &Module = CacheKey{1, 2}) {
    const size_t Local[3] = {L, 1, 1}, Global[3] = {G, 1, 1};
    std::vector<cl_event> Deps;
    DlhandleCacheOrder::Launch Launch = Order.begin(Module, Kernel, Local, Global, Deps);
    cl_int Err;
    *Done = clCreateUserEvent(Context, &Err);
    EXPECT_EQ(Err, CL_SUCCESS);
    Events.push_back(*Done);
    Launch.enqueued(*Done);
    // The order retained what it returned; the caller releases it after
    // the enqueue. Here only the identities matter.
    for (cl_event E : Deps)
      clReleaseEvent(E);
    std::sort(Deps.begin(), Deps.end());
    return Deps;
  }
  static std::vector<cl_event> set(std::vector<cl_event> V) {
    std::sort(V.begin(), V.end());
    return V;
  }
  static void complete(cl_event E) { ASSERT_EQ(clSetUserEventStatus(E, CL_COMPLETE), CL_SUCCESS); }

  cl_context Context = nullptr;
  DlhandleCacheOrder Order;
  std::vector<cl_event> Events;
};

TEST_F(OrderTest, SameGridRunsConcurrently) {
  cl_event A, B, C;
  EXPECT_TRUE(launch("k", 64, 1024, &A).empty());
  EXPECT_TRUE(launch("k", 64, 1024, &B).empty());
  EXPECT_TRUE(launch("k", 64, 1024, &C).empty());
}

TEST_F(OrderTest, AnotherGridWaitsForEveryLaunchInFlight) {
  cl_event A, B, C, D;
  launch("k", 64, 1024, &A);
  launch("k", 64, 1024, &B);
  EXPECT_EQ(launch("k", 64, 4032, &C), set({A, B}));
  // The smaller grid again: PoCL would take an entry of its own for it.
  EXPECT_EQ(launch("k", 64, 1024, &D), set({C}));
}

TEST_F(OrderTest, SameGridAsTheLatestStillWaitsForOlderGrids) {
  // C waits for A; D has C's grid but must not start while A is running
  // either (PoCL would hand D and A different entries).
  cl_event A, C, D;
  launch("k", 64, 1024, &A);
  EXPECT_EQ(launch("k", 64, 4032, &C), set({A}));
  EXPECT_EQ(launch("k", 64, 4032, &D), set({A}));
}

TEST_F(OrderTest, CompleteLaunchesAreNotWaitedFor) {
  cl_event A, B, C, D;
  launch("k", 64, 1024, &A);
  launch("k", 64, 2048, &B);
  complete(A);
  EXPECT_EQ(launch("k", 64, 4032, &C), set({B}));
  complete(B);
  complete(C);
  EXPECT_TRUE(launch("k", 64, 1024, &D).empty());
}

TEST_F(OrderTest, OtherKernelsLocalSizesAndModulesAreIndependent) {
  cl_event A, B, C, D, E;
  launch("k", 64, 1024, &A);
  EXPECT_TRUE(launch("other", 64, 4032, &B).empty());
  EXPECT_TRUE(launch("k", 32, 4032, &C).empty());
  EXPECT_TRUE(launch("k", 64, 4032, &D, CacheKey{3, 4}).empty());
  EXPECT_EQ(launch("k", 64, 2048, &E), set({A}));
}

TEST_F(OrderTest, FailedEnqueueRecordsNothing) {
  cl_event A, B;
  {
    const size_t Local[3] = {64, 1, 1}, Global[3] = {1024, 1, 1};
    std::vector<cl_event> Deps;
    DlhandleCacheOrder::Launch L = Order.begin(CacheKey{1, 2}, "k", Local, Global, Deps);
    EXPECT_TRUE(Deps.empty());
    // No enqueued(): the launch failed. The lock is released here.
  }
  EXPECT_TRUE(launch("k", 64, 4032, &A).empty());
  EXPECT_EQ(launch("k", 64, 1024, &B), set({A}));
}

TEST(DlhandleCacheOrder, DisabledAddsNothing) {
  DlhandleCacheOrder Order;
  const size_t Local[3] = {64, 1, 1}, G1[3] = {1024, 1, 1}, G2[3] = {4032, 1, 1};
  std::vector<cl_event> Deps;
  Order.begin(CacheKey{1, 2}, "k", Local, G1, Deps).enqueued(nullptr);
  Order.begin(CacheKey{1, 2}, "k", Local, G2, Deps).enqueued(nullptr);
  EXPECT_TRUE(Deps.empty());
}

} // namespace
