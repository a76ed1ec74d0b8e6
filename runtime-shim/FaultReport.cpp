//===- FaultReport.cpp - a clear last word when a kernel faults -----------===//
//
// On the CPU target a kernel runs as ordinary code in this process, so an
// out-of-bounds access inside it is a SIGSEGV (or SIGBUS) that OpenCL cannot
// turn into an error: the process cannot continue. CUDA would report
// cudaErrorIllegalAddress at the next synchronization; cuport at least says
// what happened and which kernel was launched last, then lets the signal
// take its usual course (same exit status, core dump if enabled). The
// handler is installed at the first launch, keeps any handler installed
// before it, and uses only async-signal-safe calls.
//
//===----------------------------------------------------------------------===//
#include "Runtime.h"

#include <atomic>
#include <csignal>
#include <cstring>
#include <mutex>
#include <unistd.h>

namespace {

std::atomic<const char *> LastKernel{nullptr};
struct sigaction Previous[2];
const int Signals[2] = {SIGSEGV, SIGBUS};

void say(const char *S) {
  if (S)
    (void)!write(STDERR_FILENO, S, std::strlen(S));
}

void onFault(int Sig, siginfo_t *Info, void *Context) {
  say("cuport: ");
  say(Sig == SIGBUS ? "SIGBUS" : "SIGSEGV");
  say(" while device work was queued; most recent kernel launch: '");
  say(LastKernel.load(std::memory_order_relaxed));
  say("'. On the CPU target an invalid memory access inside a kernel ends the process "
      "(CUDA would report cudaErrorIllegalAddress at the next synchronization).\n");
  int Index = Sig == SIGBUS ? 1 : 0;
  // Hand the signal to whoever had it before, or to the default action.
  if (Previous[Index].sa_flags & SA_SIGINFO) {
    if (Previous[Index].sa_sigaction) {
      Previous[Index].sa_sigaction(Sig, Info, Context);
      return;
    }
  } else if (Previous[Index].sa_handler != SIG_DFL && Previous[Index].sa_handler != SIG_IGN) {
    Previous[Index].sa_handler(Sig);
    return;
  }
  signal(Sig, SIG_DFL);
  raise(Sig);
}

} // namespace

void cuport::rt::noteKernelLaunch(const char *DeviceName) {
  static std::once_flag Installed;
  std::call_once(Installed, [] {
    for (int I = 0; I < 2; ++I) {
      struct sigaction A;
      std::memset(&A, 0, sizeof(A));
      A.sa_sigaction = onFault;
      A.sa_flags = SA_SIGINFO | SA_RESETHAND | SA_NODEFER;
      sigemptyset(&A.sa_mask);
      sigaction(Signals[I], &A, &Previous[I]);
    }
  });
  LastKernel.store(DeviceName, std::memory_order_relaxed);
}

void cuport::rt::forgetKernelLaunch(const char *DeviceName) {
  const char *Expected = DeviceName;
  LastKernel.compare_exchange_strong(Expected, nullptr);
}
