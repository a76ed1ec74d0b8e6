//===- Printf.cpp - device printf records, formatted on the host ----------===//
//
// %s arguments are device addresses. On targets whose device memory is the
// host's (PoCL on the CPU, fine-grained SVM) the text is read in place;
// the pointer must stay valid until the next synchronization, as in CUDA.
//
//===----------------------------------------------------------------------===//
#include "Printf.h"

#include <cstdio>
#include <cstring>

using namespace cuport::rt;

namespace {

/// snprintf into a std::string.
template <typename T> void append(std::string &Out, const std::string &Spec, T Value) {
  char Small[128];
  int N = std::snprintf(Small, sizeof(Small), Spec.c_str(), Value);
  if (N < 0)
    return;
  if (size_t(N) < sizeof(Small)) {
    Out.append(Small, size_t(N));
    return;
  }
  std::string Big(size_t(N) + 1, '\0');
  std::snprintf(&Big[0], Big.size(), Spec.c_str(), Value);
  Out.append(Big.data(), size_t(N));
}

} // namespace

std::string cuport::rt::formatPrintf(const char *Fmt, const uint64_t *Args, unsigned NumArgs) {
  std::string Out;
  unsigned Next = 0;
  auto TakeArg = [&](uint64_t &V) {
    if (Next >= NumArgs)
      return false;
    V = Args[Next++];
    return true;
  };
  for (const char *P = Fmt; *P;) {
    if (*P != '%') {
      Out += *P++;
      continue;
    }
    const char *Start = P++;
    if (*P == '%') {
      Out += '%';
      ++P;
      continue;
    }
    std::string Spec = "%";
    while (*P && std::strchr("-+ #0", *P))
      Spec += *P++;
    // Width and precision may be '*': each takes an int argument.
    for (int Part = 0; Part < 2; ++Part) {
      if (Part == 1) {
        if (*P != '.')
          break;
        Spec += *P++;
      }
      if (*P == '*') {
        uint64_t V = 0;
        if (!TakeArg(V))
          return Out + Start;
        int32_t N = int32_t(uint32_t(V));
        // C: a negative '*' width is the '-' flag and its magnitude; a
        // negative '*' precision is as if none were given.
        if (Part == 0)
          Spec += N < 0 ? "-" + std::to_string(-int64_t(N)) : std::to_string(N);
        else if (N >= 0)
          Spec += std::to_string(N);
        else
          Spec.pop_back(); // the '.'
        ++P;
      }
      while (*P >= '0' && *P <= '9')
        Spec += *P++;
    }
    int Long = 0; // 0 int, 1 long, 2 long long, -1 short, -2 char
    bool Sized = false;
    for (;;) {
      if (*P == 'l') {
        ++Long, ++P;
      } else if (*P == 'h') {
        --Long, ++P;
      } else if (*P == 'z' || *P == 'j' || *P == 't' || *P == 'L' || *P == 'q') {
        Sized = true, ++P;
      } else {
        break;
      }
    }
    char Conv = *P ? *P++ : '\0';
    uint64_t V = 0;
    if (Conv == '\0' || !std::strchr("diouxXcsfFeEgGaAp", Conv) || !TakeArg(V)) {
      Out.append(Start, size_t(P - Start)); // unknown or missing: as written
      continue;
    }
    bool Wide = Sized || Long >= 1;
    switch (Conv) {
    case 'd':
    case 'i':
      if (Wide)
        append(Out, Spec + "lld", (long long)V);
      else
        append(Out, Spec + "d", Long == -1 ? int(int16_t(V)) : Long <= -2 ? int(int8_t(V))
                                                                     : int(int32_t(uint32_t(V))));
      break;
    case 'o':
    case 'u':
    case 'x':
    case 'X':
      if (Wide)
        append(Out, Spec + "ll" + Conv, (unsigned long long)V);
      else
        append(Out, Spec + Conv, Long == -1 ? unsigned(uint16_t(V)) : Long <= -2 ? unsigned(uint8_t(V))
                                                                           : unsigned(uint32_t(V)));
      break;
    case 'c':
      append(Out, Spec + "c", int(uint8_t(V)));
      break;
    case 's': {
      const char *S = reinterpret_cast<const char *>(uintptr_t(V));
      append(Out, Spec + "s", S ? S : "(null)");
      break;
    }
    case 'p':
      append(Out, Spec + "p", reinterpret_cast<void *>(uintptr_t(V)));
      break;
    default: { // f F e E g G a A: doubles, as varargs promote floats
      double D;
      std::memcpy(&D, &V, sizeof(D));
      append(Out, Spec + Conv, D);
      break;
    }
    }
  }
  return Out;
}

std::string cuport::rt::formatPrintfRecords(const uint8_t *Records, size_t Bytes,
                                            const std::function<const char *(uint64_t)> &FormatAt) {
  std::string Out;
  size_t Off = 0;
  while (Off + 16 <= Bytes) {
    uint64_t FmtAddr;
    uint32_t RecordBytes, NumArgs;
    std::memcpy(&FmtAddr, Records + Off, 8);
    std::memcpy(&RecordBytes, Records + Off + 8, 4);
    std::memcpy(&NumArgs, Records + Off + 12, 4);
    // A record is whole or was dropped for lack of room; anything else means
    // a kernel is still writing (or the buffer is damaged): stop.
    if (RecordBytes != 16 + 8ull * NumArgs || Off + RecordBytes > Bytes)
      break;
    const char *Fmt = FormatAt(FmtAddr);
    if (Fmt) {
      uint64_t Args[64];
      unsigned N = NumArgs < 64 ? NumArgs : 64;
      std::memcpy(Args, Records + Off + 16, 8ull * N);
      Out += formatPrintf(Fmt, Args, N);
    }
    Off += RecordBytes;
  }
  return Out;
}
