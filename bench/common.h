// bench/common.h - what every benchmark program shares: a clock, command
// line, the side-by-side repetition loop and the one-line JSON records that
// bench/bench.py reads.
//
// The machines these run on are shared and noisy, so a figure is never an
// absolute time: each repetition runs variant A and variant B back to back
// (alternating which goes first), and the driver takes the ratio per
// repetition. Host-only C++17; included by .cu and .cpp files alike.
#ifndef CUPORT_BENCH_COMMON_H
#define CUPORT_BENCH_COMMON_H

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#define BENCH_CHECK(call)                                                      \
  do {                                                                         \
    auto err_ = (call);                                                        \
    if (err_ != 0) {                                                           \
      std::fprintf(stderr, "%s:%d: %s failed with %d\n", __FILE__, __LINE__,   \
                   #call, int(err_));                                          \
      std::exit(2);                                                            \
    }                                                                          \
  } while (0)

namespace bench {

inline double now() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

/// --size N --reps R --warmup W --arg S (a path or other string).
struct Options {
  long long Size = 0;
  int Reps = 5;
  int Warmup = 1;
  std::string Arg;

  static Options parse(int Argc, char **Argv, long long DefaultSize) {
    Options O;
    O.Size = DefaultSize;
    for (int I = 1; I + 1 < Argc; I += 2) {
      std::string K = Argv[I];
      if (K == "--size")
        O.Size = std::atoll(Argv[I + 1]);
      else if (K == "--reps")
        O.Reps = std::atoi(Argv[I + 1]);
      else if (K == "--warmup")
        O.Warmup = std::atoi(Argv[I + 1]);
      else if (K == "--arg")
        O.Arg = Argv[I + 1];
      else {
        std::fprintf(stderr, "unknown option %s\n", K.c_str());
        std::exit(2);
      }
    }
    if (O.Size <= 0 || O.Reps <= 0 || O.Warmup < 0) {
      std::fprintf(stderr, "bad --size/--reps/--warmup\n");
      std::exit(2);
    }
    return O;
  }
};

/// Seconds of the first A() call of the first alternate(): for CUDA
/// variants, the first launch, which includes building the module.
inline double &firstA() {
  static double T = -1.0;
  return T;
}

/// Runs Warmup + Reps repetitions; each calls A() and B() (each returns the
/// seconds it measured), A first on even repetitions and B first on odd
/// ones, so that neither always runs on a cache the other warmed. The very
/// first repetition runs A first, so that firstA() is a cold first call.

template <class FA, class FB>
void alternate(const Options &O, FA A, FB B, std::vector<double> &TA,
               std::vector<double> &TB) {
  for (int R = -O.Warmup; R < O.Reps; ++R) {
    double Ta, Tb;
    if (R == -O.Warmup) {
      Ta = A();
      if (firstA() < 0)
        firstA() = Ta;
      Tb = B();
    } else if (R % 2 == 0) {
      Ta = A();
      Tb = B();
    } else {
      Tb = B();
      Ta = A();
    }
    if (R >= 0) {
      TA.push_back(Ta);
      TB.push_back(Tb);
    }
  }
}

inline std::string jsonList(const std::vector<double> &V) {
  std::string S = "[";
  char Buf[32];
  for (size_t I = 0; I < V.size(); ++I) {
    std::snprintf(Buf, sizeof(Buf), "%s%.9g", I ? ", " : "", V[I]);
    S += Buf;
  }
  return S + "]";
}

/// One record: `Name` measured as variant A (cuport) and variant B (the
/// baseline), seconds per repetition; Work is bytes or flops per
/// repetition (0 when meaningless); Verified says both results matched the
/// host reference. Extra is more JSON members, starting with a comma.
inline void emit(const char *Group, const std::string &Name,
                 const std::vector<double> &TA, const std::vector<double> &TB,
                 double Work, bool Verified, const std::string &Extra = "") {
  std::printf("{\"group\": \"%s\", \"name\": \"%s\", \"a\": %s, \"b\": %s, "
              "\"work\": %.17g, \"first_a\": %.9g, \"verified\": %s%s}\n",
              Group, Name.c_str(), jsonList(TA).c_str(), jsonList(TB).c_str(),
              Work, firstA(), Verified ? "true" : "false", Extra.c_str());
  std::fflush(stdout);
}

/// |Got - Want| <= Tol * max(1, |Want|), reporting the first few misses.
inline bool closeEnough(const char *What, size_t I, double Got, double Want,
                        double Tol) {
  if (std::fabs(Got - Want) <= Tol * std::fmax(1.0, std::fabs(Want)))
    return true;
  std::fprintf(stderr, "%s: element %zu is %.9g, expected %.9g\n", What, I,
               Got, Want);
  return false;
}

/// Deterministic pseudo-random numbers in [0, 1) (splitmix64).
inline double uniform(unsigned long long &State) {
  unsigned long long Z = (State += 0x9E3779B97F4A7C15ull);
  Z = (Z ^ (Z >> 30)) * 0xBF58476D1CE4E5B9ull;
  Z = (Z ^ (Z >> 27)) * 0x94D049BB133111EBull;
  Z ^= Z >> 31;
  return double(Z >> 11) * (1.0 / 9007199254740992.0);
}

} // namespace bench

#endif // CUPORT_BENCH_COMMON_H
