//===- ChildProcess.h - run a program, or one test of this binary ---------===//
//
// Unit tests that need a fresh process (libcudart unopened, a changed
// environment) run a program, or this binary re-executed with a gtest filter
// for one Child.DISABLED_<Name> test, and read its exit code and output.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_TEST_UNIT_CHILDPROCESS_H
#define CUPORT_TEST_UNIT_CHILDPROCESS_H

#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <utility>
#include <vector>

extern char **environ;

namespace cuport {
namespace test {

struct Child {
  int ExitCode = -1;
  std::string Output; ///< stdout and stderr together.
  /// The child ran its one test and gtest reported it passed.
  bool passed() const {
    return ExitCode == 0 && Output.find("[  PASSED  ] 1 test") != std::string::npos;
  }
};

using EnvChanges = std::vector<std::pair<std::string, std::string>>;

/// Runs \p Argv with this process's environment changed by \p Env (an empty
/// value removes the variable). The GTEST_* variables lit sets for us (shard,
/// output) are dropped so that a re-executed test binary runs what it is told.
inline Child run(std::vector<std::string> Argv, const EnvChanges &Env) {
  std::vector<std::string> Vars;
  for (char **E = environ; *E; ++E) {
    std::string V = *E;
    std::string Key = V.substr(0, V.find('='));
    bool Drop = Key.rfind("GTEST_", 0) == 0;
    for (const auto &KV : Env)
      Drop |= KV.first == Key;
    if (!Drop)
      Vars.push_back(V);
  }
  for (const auto &KV : Env)
    if (!KV.second.empty())
      Vars.push_back(KV.first + "=" + KV.second);
  std::vector<char *> Envp, Args;
  for (std::string &V : Vars)
    Envp.push_back(&V[0]);
  Envp.push_back(nullptr);
  for (std::string &A : Argv)
    Args.push_back(&A[0]);
  Args.push_back(nullptr);

  Child C;
  int Pipe[2];
  if (pipe(Pipe) != 0)
    return C;
  pid_t Pid = fork();
  if (Pid == 0) {
    dup2(Pipe[1], 1);
    dup2(Pipe[1], 2);
    close(Pipe[0]);
    close(Pipe[1]);
    execve(Args[0], Args.data(), Envp.data());
    _exit(127);
  }
  close(Pipe[1]);
  char Buf[4096];
  ssize_t N;
  while ((N = read(Pipe[0], Buf, sizeof(Buf))) > 0)
    C.Output.append(Buf, size_t(N));
  close(Pipe[0]);
  int Status = 0;
  waitpid(Pid, &Status, 0);
  C.ExitCode = WIFEXITED(Status) ? WEXITSTATUS(Status) : 128 + WTERMSIG(Status);
  return C;
}

/// Re-executes this binary to run Child.DISABLED_<Name> with \p Env.
inline Child runChild(const std::string &Name, const EnvChanges &Env) {
  char Self[4096];
  ssize_t Len = readlink("/proc/self/exe", Self, sizeof(Self) - 1);
  Self[Len > 0 ? Len : 0] = 0;
  return run({Self, "--gtest_filter=Child.DISABLED_" + Name, "--gtest_also_run_disabled_tests"},
             Env);
}

} // namespace test
} // namespace cuport

#endif // CUPORT_TEST_UNIT_CHILDPROCESS_H
