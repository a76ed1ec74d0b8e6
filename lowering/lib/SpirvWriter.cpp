//===- SpirvWriter.cpp - LLVM module to SPIR-V ----------------------------===//
//
// SPIR-V 1.2 is the target version: OpenCL 2.1+ drivers take it, and it is
// enough for everything cuport emits (Generic pointers via the OpenCL 2.0
// capabilities). The runtime's SPIR fallback reads the same module back.
//
//===----------------------------------------------------------------------===//
#include "SpirvWriter.h"

#include <LLVMSPIRVLib/LLVMSPIRVLib.h>
#include <spirv-tools/libspirv.hpp>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sstream>

#include <sys/wait.h>
#include <unistd.h>

/// With CUPORT_VALIDATE_SPIRV=1 (the test suites set it) every module
/// cuport-cc writes goes through the SPIR-V validator, as `spirv-val` would
/// check it, and an invalid one is an internal error.
static llvm::Error validate(const std::vector<uint8_t> &Bytes) {
  const char *Env = std::getenv("CUPORT_VALIDATE_SPIRV");
  if (!Env || !*Env || *Env == '0')
    return llvm::Error::success();
  if (Bytes.size() % 4)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "SPIR-V module size is not a multiple of 4");
  std::vector<uint32_t> Words(Bytes.size() / 4);
  std::memcpy(Words.data(), Bytes.data(), Bytes.size());
  spvtools::SpirvTools Tools(SPV_ENV_UNIVERSAL_1_2);
  std::string Messages;
  Tools.SetMessageConsumer([&](spv_message_level_t, const char *, const spv_position_t &P,
                               const char *Msg) {
    Messages += "  word " + std::to_string(P.index) + ": " + Msg + "\n";
  });
  if (!Tools.Validate(Words))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "internal error: cuport produced SPIR-V that does not "
                                   "validate:\n" + Messages);
  return llvm::Error::success();
}

static std::vector<uint8_t> toBytes(const std::string &S) { return std::vector<uint8_t>(S.begin(), S.end()); }

/// Runs the translator in a child process. SPIRV-LLVM-Translator 15 may
/// crash or call exit() on input it does not expect; lowering exists to
/// prevent that, but if it happens anyway the user gets an error naming the
/// step, never a crashed compiler. The child sends 'O' + SPIR-V or
/// 'E' + message through a pipe.
static llvm::Expected<std::vector<uint8_t>> translateIsolated(llvm::Module &M) {
  int Pipe[2];
  if (pipe(Pipe) != 0)
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "cannot create a pipe");
  std::fflush(nullptr);
  pid_t Child = fork();
  if (Child < 0) {
    close(Pipe[0]);
    close(Pipe[1]);
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "cannot fork the translator");
  }
  if (Child == 0) {
    close(Pipe[0]);
    // Fault injection for the test that proves a crash stays contained.
    if (const char *F = std::getenv("CUPORT_FAULT_INJECT"); F && std::string(F) == "translator-crash")
      std::abort();
    SPIRV::TranslatorOpts Opts(SPIRV::VersionNumber::SPIRV_1_2);
    std::ostringstream OS;
    std::string Err;
    bool Ok = llvm::writeSpirv(&M, Opts, OS, Err);
    std::string Out = (Ok ? "O" : "E") + (Ok ? OS.str() : Err);
    for (size_t Done = 0; Done < Out.size();) {
      ssize_t N = write(Pipe[1], Out.data() + Done, Out.size() - Done);
      if (N <= 0)
        _exit(3);
      Done += size_t(N);
    }
    _exit(0);
  }
  close(Pipe[1]);
  std::string In;
  char Buf[65536];
  for (ssize_t N; (N = read(Pipe[0], Buf, sizeof(Buf))) != 0;) {
    if (N < 0 && errno == EINTR)
      continue;
    if (N < 0)
      break;
    In.append(Buf, size_t(N));
  }
  close(Pipe[0]);
  int Status = 0;
  while (waitpid(Child, &Status, 0) < 0 && errno == EINTR) {
  }
  if (WIFSIGNALED(Status))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "internal error: the SPIR-V translator crashed (signal " +
                                       std::to_string(WTERMSIG(Status)) +
                                       ") on this module; please report it");
  if (In.empty() || (In[0] != 'O' && In[0] != 'E'))
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "internal error: the SPIR-V translator stopped (exit code " +
            std::to_string(WIFEXITED(Status) ? WEXITSTATUS(Status) : -1) + ") on this module");
  if (In[0] == 'E')
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "SPIR-V translation failed: " + In.substr(1));
  return std::vector<uint8_t>(In.begin() + 1, In.end());
}

llvm::Expected<std::vector<uint8_t>> cuport::lowering::writeSpirvModule(llvm::Module &M) {
  auto Translated = translateIsolated(M);
  if (!Translated)
    return Translated.takeError();
  std::vector<uint8_t> Bytes = std::move(*Translated);
  if (llvm::Error E = validate(Bytes))
    return std::move(E);
  return Bytes;
}
