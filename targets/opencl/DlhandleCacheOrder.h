//===- DlhandleCacheOrder.h - launch ordering PoCL's CPU drivers need -----===//
//
// PoCL's CPU drivers (pthread, basic) keep the work-group functions they
// have compiled and dlopen()ed in a list, the "dlhandle cache", each entry
// with a reference count. Before 7.0 (PoCL 3.1 is Debian 12's) the count
// goes wrong when one kernel runs concurrently with the same local size but
// different grid sizes, and PoCL aborts:
//   pocl_release_dlhandle_cache: Assertion `found->ref_count > 0' failed.
// In lib/CL/devices/common.c (tag v3.1):
//  - fetch_dlhandle_cache_item(), when a command becomes ready, takes the
//    first entry with the kernel's hash (program build + kernel name), the
//    same local size, a grid width at least the command's
//    (pocl_cmd_max_grid_dim_width), and the same specialization, moves it
//    to the front and counts a reference; if none matches,
//    pocl_check_kernel_dlhandle_cache() puts a new entry at the front;
//  - pocl_release_dlhandle_cache(), when the command completes, drops a
//    reference from the first entry with the kernel's hash and local size
//    only, whatever its grid width.
// So once a wider grid has made a second entry for the same kernel and
// local size, a command still running on the first entry releases the
// second one when that is in front, which drives it below zero. Upstream
// fixed it in 7.0 by releasing the entry the command took (pocl/pocl
// commit c9ac4c0c3, "fix dlhandle cache"); Debian 12 keeps 3.1.
//
// The order that keeps 3.1 right: commands of one kernel and local size that
// are in flight at the same time all have the same grid. Every fetch for
// that kernel and local size then comes from one of them and finds the
// entry the first one took (now in front, and wide enough), so each release
// finds it in front too. So a launch waits (an event dependency) for every
// launch of the same kernel and local size with another grid that is still
// in flight: PoCL fetches only for a command whose dependencies are
// complete, and releases a command's entry before it marks the command
// complete (finalize_kernel_command in devices/pthread/pthread_scheduler.c).
// Launches with the same grid, and of other kernels or local sizes, still
// run concurrently. The extra dependencies point only at launches enqueued
// earlier, so they cannot form a cycle; CUDA does not promise that two
// kernels run at the same time, so a program cannot rely on the overlap
// this takes away.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_TARGETS_OPENCL_DLHANDLECACHEORDER_H
#define CUPORT_TARGETS_OPENCL_DLHANDLECACHEORDER_H

#include "CLSupport.h"
#include "KernelCache.h"

#include <map>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

namespace cuport {
namespace target {
namespace opencl {

class DlhandleCacheOrder {
  /// A launch not yet seen complete.
  struct Flight {
    size_t Global[3];
    cl_event Done; ///< Retained.
  };
  using Flights = std::vector<Flight>;

public:
  /// Whether a device needs the ordering: PoCL's CPU drivers before 7.0
  /// (\p DriverVersion is CL_DRIVER_VERSION, "3.1+debian" on Debian 12).
  static bool needed(const std::string &PlatformName, DeviceType Type,
                     const std::string &DriverVersion);

  DlhandleCacheOrder() = default;
  DlhandleCacheOrder(const DlhandleCacheOrder &) = delete;
  DlhandleCacheOrder &operator=(const DlhandleCacheOrder &) = delete;
  ~DlhandleCacheOrder();

  /// Turns the ordering on; called once, before other threads see the device.
  void enable() { Enabled = true; }
  bool enabled() const { return Enabled; }

  /// One launch, from its dependencies to its enqueue. It holds the order's
  /// lock so that no other launch of the same kernel comes in between.
  class Launch {
  public:
    Launch(Launch &&) = default;
    /// The launch was enqueued as \p Done (retained here until complete).
    /// Without this call (a failed enqueue) nothing is recorded.
    void enqueued(cl_event Done);

  private:
    friend class DlhandleCacheOrder;
    Launch() = default;
    std::unique_lock<std::mutex> Guard;
    Flights *Slot = nullptr;
    size_t Global[3] = {0, 0, 0};
  };

  /// Starts a launch of kernel \p Kernel of the module with content key
  /// \p Module (PoCL's kernel hash follows the program's content and the
  /// name) with work sizes \p Local and \p Global. Appends to \p Deps,
  /// retained, the launches the new one must wait for.
  Launch begin(const CacheKey &Module, const std::string &Kernel, const size_t Local[3],
               const size_t Global[3], std::vector<cl_event> &Deps);

private:
  using Key = std::tuple<uint64_t, uint64_t, std::string, size_t, size_t, size_t>;
  bool Enabled = false;
  std::mutex Lock; ///< Guards Entries.
  /// Per kernel and local size; each launch waits for those with another grid.
  std::map<Key, Flights> Entries;
};

} // namespace opencl
} // namespace target
} // namespace cuport

#endif // CUPORT_TARGETS_OPENCL_DLHANDLECACHEORDER_H
