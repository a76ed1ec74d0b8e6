// A host model of the warp and cooperative-groups helpers of
// cuport_hip_compat.h (HipCompatWarp.def, extracted by compat-helper.py):
// the lanes of one 64-wide wavefront run one after another, and a
// collective (__shfl, __ballot) returns what the other lanes give it at the
// same call: each lane's calls are recorded and the lanes rerun until the
// records stop changing. Results are checked against CUDA's, computed
// directly from the inputs.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#define __device__
#define __builtin_amdgcn_fence(Order, Scope) ((void)0)
#define __builtin_amdgcn_wave_barrier() ((void)0)

namespace model {
int Lane;
unsigned long long Active = ~0ull;
std::vector<unsigned long long> Rec[64];
unsigned Call[64];
bool Changed;
const unsigned long long Garbage = 0x5a5a5a5a5a5a5a5aull;

unsigned long long collect(unsigned long long Mine) {
  unsigned K = Call[Lane]++;
  std::vector<unsigned long long> &R = Rec[Lane];
  if (R.size() <= K)
    R.resize(K + 1, Garbage), Changed = true;
  if (R[K] != Mine)
    R[K] = Mine, Changed = true;
  return K;
}
unsigned long long recorded(int From, unsigned K) {
  if (!(Active >> From & 1) || Rec[From].size() <= K)
    return Garbage;
  return Rec[From][K];
}
} // namespace model

unsigned __lane_id() { return model::Lane; }
unsigned long long __ballot(int Pred) {
  unsigned K = model::collect(Pred != 0);
  unsigned long long Out = 0;
  for (int L = 0; L < 64; ++L)
    if ((model::Active >> L & 1) && model::recorded(L, K))
      Out |= 1ull << L;
  return Out;
}
template <class T> T __shfl(T Var, int Src, int Width = 64) {
  unsigned long long Bits = 0;
  std::memcpy(&Bits, &Var, sizeof Var);
  unsigned K = model::collect(Bits);
  int From = Src % Width + (model::Lane & ~(Width - 1));
  unsigned long long Got = model::recorded(From, K);
  T Out;
  std::memcpy(&Out, &Got, sizeof Out);
  return Out;
}

struct dim3 {
  unsigned x, y, z;
  dim3(unsigned X = 1, unsigned Y = 1, unsigned Z = 1) : x(X), y(Y), z(Z) {}
};
dim3 gridDim, blockIdx, blockDim, threadIdx;

namespace cooperative_groups {
template <unsigned N, class P = void> struct thread_block_tile {
  static unsigned size() { return N; }
  unsigned thread_rank() const { return model::Lane & (N - 1); }
  template <class T> T shfl(T V, int Src) const { return __shfl(V, Src, (int)N); }
};
struct thread_block {};
struct coalesced_group {
  unsigned long long Mask;
  unsigned size() const { return (unsigned)__builtin_popcountll(Mask); }
  unsigned thread_rank() const { return (unsigned)__builtin_popcountll(Mask & ((1ull << model::Lane) - 1)); }
  template <class T> T shfl(T V, int Src) const {
    unsigned long long Rest = Mask;
    for (unsigned I = 0; I < Src % size(); ++I)
      Rest &= Rest - 1;
    return __shfl(V, __builtin_ctzll(Rest), 64);
  }
};
struct grid_group {};
} // namespace cooperative_groups
namespace cg = cooperative_groups;

#include "cuport_warp_sync.h"
#include "cuport_cg_collectives.h"
#include "cuport_cg_grid.h"
#include "cuport_cg_block_tile.h"

static unsigned Seed = 12345;
static unsigned rnd() { return Seed = Seed * 1103515245u + 12345u, Seed >> 8; }
static int Failures, Checks;
static void expect(bool Ok, const char *What, int Lane, unsigned long long Got, unsigned long long Want) {
  ++Checks;
  if (!Ok && Failures++ < 20)
    std::printf("FAILED %s lane %d: got %#llx want %#llx\n", What, Lane, Got, Want);
}

/// Runs Body(lane) for the active lanes in lockstep; Out[lane] is its result.
template <class F> static void lockstep(F Body, unsigned long long Active, unsigned long long *Out) {
  model::Active = Active;
  for (auto &R : model::Rec)
    R.clear();
  for (int Pass = 0; Pass < 100; ++Pass) {
    model::Changed = false;
    for (int L = 0; L < 64; ++L)
      if (Active >> L & 1) {
        model::Lane = L;
        model::Call[L] = 0;
        Out[L] = Body(L);
      }
    if (!model::Changed)
      return;
  }
  std::printf("FAILED: the lanes never agree\n");
  ++Failures;
}

template <class T> static bool sameBits(T A, T B) { return std::memcmp(&A, &B, sizeof A) == 0; }

template <unsigned N> static void tiles() {
  for (int Round = 0; Round < 50; ++Round) {
    int V[64];
    float F[64];
    for (int L = 0; L < 64; ++L) {
      V[L] = (int)(rnd() % 41) - 20;
      F[L] = (rnd() % 3 == 0) ? -0.0f : (float)(rnd() % 3);
    }
    cg::thread_block_tile<N> Tile;
    unsigned long long Out[64];
    enum { KSum, KMin, KMax, KAnd, KOr, KXor, KIncl, KExcl, KInclMin, KExclMax, KBallot, KAny, KAll, KMatch, KMatchF, KMatchAll, KMatchAllPred, KNOut };
    long long Got[KNOut][64];
    for (int K = 0; K < KNOut; ++K) {
      lockstep([&](int L) -> unsigned long long {
        int P = -1;
        switch (K) {
        case KSum: return (unsigned)cuport_reduce(Tile, V[L], cuport_plus<int>());
        case KMin: return (unsigned)cuport_reduce(Tile, V[L], cuport_less<int>());
        case KMax: return (unsigned)cuport_reduce(Tile, V[L], cuport_greater<int>());
        case KAnd: return cuport_reduce(Tile, (unsigned)V[L], cuport_bit_and<unsigned>());
        case KOr: return cuport_reduce(Tile, (unsigned)V[L], cuport_bit_or<unsigned>());
        case KXor: return cuport_reduce(Tile, (unsigned)V[L], cuport_bit_xor<unsigned>());
        case KIncl: return (unsigned)cuport_inclusive_scan(Tile, V[L]);
        case KExcl: return (unsigned)cuport_exclusive_scan(Tile, V[L]);
        case KInclMin: return (unsigned)cuport_inclusive_scan(Tile, V[L], cuport_less<int>());
        case KExclMax: return (unsigned)cuport_exclusive_scan(Tile, V[L], cuport_greater<int>());
        case KBallot: return cuport_ballot(Tile, V[L] & 1);
        case KAny: return (unsigned)cuport_any(Tile, V[L] > 15);
        case KAll: return (unsigned)cuport_all(Tile, V[L] > -18);
        case KMatch: return cuport_match_any(Tile, V[L] % 3);
        case KMatchF: return cuport_match_any(Tile, F[L]);
        case KMatchAll: return cuport_match_all(Tile, V[L] % 2, P);
        case KMatchAllPred: cuport_match_all(Tile, V[L] % 2, P); return (unsigned)P;
        }
        return 0;
      }, ~0ull, Out);
      for (int L = 0; L < 64; ++L)
        Got[K][L] = (long long)Out[L];
    }
    for (int L = 0; L < 64; ++L) {
      int Base = L & ~(int)(N - 1), Rank = L - Base;
      int S = 0, Mn = V[Base], Mx = V[Base], In = 0, Ex = 0, InMin = V[Base], ExMax = 0;
      unsigned A = ~0u, O = 0, X = 0, B = 0, M = 0, MF = 0, M2 = 0, Full = N == 32 ? ~0u : (1u << N) - 1;
      for (int I = 0; I < (int)N; ++I) {
        int W = V[Base + I];
        S += W, A &= (unsigned)W, O |= (unsigned)W, X ^= (unsigned)W;
        Mn = W < Mn ? W : Mn, Mx = W > Mx ? W : Mx;
        if (I <= Rank) In += W, InMin = W < InMin ? W : InMin;
        if (I < Rank) Ex += W, ExMax = I == 0 ? W : (W > ExMax ? W : ExMax);
        B |= (unsigned)(W & 1) << I;
        M |= (unsigned)(W % 3 == V[L] % 3) << I;
        MF |= (unsigned)sameBits(F[Base + I], F[L]) << I;
        M2 |= (unsigned)(W % 2 == V[L] % 2) << I;
      }
      char What[64];
      auto Check = [&](int K, const char *Name, long long Want) {
        std::snprintf(What, sizeof What, "tile<%u> %s", N, Name);
        expect((unsigned)Got[K][L] == (unsigned)Want, What, L, (unsigned)Got[K][L], (unsigned)Want);
      };
      Check(KSum, "reduce plus", S);
      Check(KMin, "reduce less", Mn);
      Check(KMax, "reduce greater", Mx);
      Check(KAnd, "reduce bit_and", A);
      Check(KOr, "reduce bit_or", O);
      Check(KXor, "reduce bit_xor", X);
      Check(KIncl, "inclusive_scan", In);
      Check(KExcl, "exclusive_scan", Ex);
      Check(KInclMin, "inclusive_scan less", InMin);
      Check(KExclMax, "exclusive_scan greater", ExMax);
      Check(KBallot, "ballot", B);
      Check(KAny, "any", (B = 0, [&] { for (int I = 0; I < (int)N; ++I) B |= V[Base + I] > 15; return B; }()));
      Check(KAll, "all", [&] { unsigned Y = 1; for (int I = 0; I < (int)N; ++I) Y &= V[Base + I] > -18; return Y; }());
      Check(KMatch, "match_any", M);
      Check(KMatchF, "match_any float bits", MF);
      Check(KMatchAll, "match_all", M2 == Full ? Full : 0);
      Check(KMatchAllPred, "match_all pred", M2 == Full);
    }
  }
}

static void coalesced() {
  for (int Round = 0; Round < 300; ++Round) {
    unsigned long long Active = ((unsigned long long)rnd() << 40) ^ ((unsigned long long)rnd() << 20) ^ rnd();
    if (Round % 7 == 0)
      Active = ~0ull;
    if (!Active)
      Active = 1;
    int V[64];
    for (int L = 0; L < 64; ++L)
      V[L] = (int)(rnd() % 9) - 4;
    cg::coalesced_group G{Active};
    enum { KBallot, KAny, KAll, KMatch, KMatchAll, KSum, KMin, KIncl, KExcl, KNOut };
    unsigned long long Got[KNOut][64];
    for (int K = 0; K < KNOut; ++K)
      lockstep([&](int L) -> unsigned long long {
        int P;
        switch (K) {
        case KBallot: return cuport_ballot(G, V[L] > 0);
        case KAny: return (unsigned)cuport_any(G, V[L] == 4);
        case KAll: return (unsigned)cuport_all(G, V[L] > -4);
        case KMatch: return cuport_match_any(G, V[L]);
        case KMatchAll: return cuport_match_all(G, V[L] / 8, P) ^ (unsigned long long)P << 1;
        case KSum: return (unsigned)cuport_reduce(G, V[L], cuport_plus<int>());
        case KMin: return (unsigned)cuport_reduce(G, V[L], cuport_less<int>());
        case KIncl: return (unsigned)cuport_inclusive_scan(G, V[L]);
        case KExcl: return (unsigned)cuport_exclusive_scan(G, V[L], cuport_plus<int>());
        }
        return 0;
      }, Active, Got[K]);
    int Lanes[64], N = 0;
    for (int L = 0; L < 64; ++L)
      if (Active >> L & 1)
        Lanes[N++] = L;
    unsigned long long Everyone = N == 64 ? ~0ull : (1ull << N) - 1;
    for (int R = 0; R < N; ++R) {
      int L = Lanes[R];
      unsigned long long B = 0, M = 0;
      int Any = 0, All = 1, S = 0, Mn = V[Lanes[0]], In = 0, Ex = 0;
      for (int I = 0; I < N; ++I) {
        int W = V[Lanes[I]];
        B |= (unsigned long long)(W > 0) << I;
        M |= (unsigned long long)(W == V[L]) << I;
        Any |= W == 4, All &= W > -4, S += W, Mn = W < Mn ? W : Mn;
        if (I <= R) In += W;
        if (I < R) Ex += W;
      }
      expect(Got[KBallot][L] == B, "coalesced ballot", L, Got[KBallot][L], B);
      expect(Got[KAny][L] == (unsigned)Any, "coalesced any", L, Got[KAny][L], Any);
      expect(Got[KAll][L] == (unsigned)All, "coalesced all", L, Got[KAll][L], All);
      expect(Got[KMatch][L] == M, "coalesced match_any", L, Got[KMatch][L], M);
      expect(Got[KMatchAll][L] == (Everyone ^ 2), "coalesced match_all", L, Got[KMatchAll][L], Everyone ^ 2);
      expect(Got[KSum][L] == (unsigned)S, "coalesced reduce plus", L, Got[KSum][L], (unsigned)S);
      expect(Got[KMin][L] == (unsigned)Mn, "coalesced reduce less", L, Got[KMin][L], (unsigned)Mn);
      expect(Got[KIncl][L] == (unsigned)In, "coalesced inclusive_scan", L, Got[KIncl][L], (unsigned)In);
      expect(Got[KExcl][L] == (unsigned)Ex, "coalesced exclusive_scan", L, Got[KExcl][L], (unsigned)Ex);
    }
  }
}

static void warp() {
  for (int Round = 0; Round < 400; ++Round) {
    unsigned long long Active = ((unsigned long long)rnd() << 40) ^ ((unsigned long long)rnd() << 20) ^ rnd();
    if (Round % 5 == 0)
      Active = ~0ull >> (rnd() % 64); // a partial last warp
    if (Round % 11 == 0)
      Active = ~0ull;
    unsigned Mask = Round % 3 == 0 ? ~0u : (rnd() << 16) ^ rnd();
    int V[64];
    for (int L = 0; L < 64; ++L)
      V[L] = (int)(rnd() % 2001) - 1000;
    if (Round % 4 == 0)
      for (int L = 0; L < 64; ++L)
        V[L] = 7; // every lane matches
    enum { KActiveMask, KMatchAny, KMatchAny64, KMatchAll, KMatchAllPred, KAdd, KAddS, KMinU, KMinS, KMaxU, KMaxS, KAnd, KOr, KXor, KNOut };
    unsigned long long Got[KNOut][64];
    for (int K = 0; K < KNOut; ++K)
      lockstep([&](int L) -> unsigned long long {
        int P = -1;
        unsigned U = (unsigned)V[L] * 2654435761u;
        unsigned M = Mask | 1u << (L & 31); // the caller is in its mask
        switch (K) {
        case KActiveMask: return cuport_activemask();
        case KMatchAny: return cuport_match_any_sync(M, V[L] % 5);
        case KMatchAny64: return cuport_match_any_sync(M, (long long)(V[L] % 5) << 33);
        case KMatchAll: return cuport_match_all_sync(M, V[L], &P);
        case KMatchAllPred: cuport_match_all_sync(M, V[L], &P); return (unsigned)P;
        case KAdd: return cuport_reduce_add_sync(M, U);
        case KAddS: return (unsigned)cuport_reduce_add_sync(M, V[L] * 3000000);
        case KMinU: return cuport_reduce_min_sync(M, U);
        case KMinS: return (unsigned)cuport_reduce_min_sync(M, V[L]);
        case KMaxU: return cuport_reduce_max_sync(M, U);
        case KMaxS: return (unsigned)cuport_reduce_max_sync(M, V[L]);
        case KAnd: return cuport_reduce_and_sync(M, U | 0x10000u);
        case KOr: return cuport_reduce_or_sync(M, U & 0xff00u);
        case KXor: return cuport_reduce_xor_sync(M, U);
        }
        return 0;
      }, Active, Got[K]);
    for (int L = 0; L < 64; ++L) {
      if (!(Active >> L & 1))
        continue;
      int Base = L & ~31;
      unsigned Act = (unsigned)(Active >> Base), M = Mask | 1u << (L & 31), Lanes = M & Act;
      unsigned Any = 0, Any64 = 0, Same = 0, Add = 0, AddS = 0, MinU = ~0u, MaxU = 0, And = ~0u, Or = 0, Xor = 0;
      int MinS = 1 << 30, MaxS = -(1 << 30);
      for (int I = 0; I < 32; ++I) {
        if (!(Lanes >> I & 1))
          continue;
        int W = V[Base + I];
        unsigned U = (unsigned)W * 2654435761u;
        Any |= (unsigned)(W % 5 == V[L] % 5) << I;
        Any64 |= (unsigned)(W % 5 == V[L] % 5) << I;
        Same |= (unsigned)(W == V[L]) << I;
        Add += U, AddS += (unsigned)(W * 3000000);
        MinU = U < MinU ? U : MinU, MaxU = U > MaxU ? U : MaxU;
        MinS = W < MinS ? W : MinS, MaxS = W > MaxS ? W : MaxS;
        And &= U | 0x10000u, Or |= U & 0xff00u, Xor ^= U;
      }
      bool All = Same == Lanes;
      expect(Got[KActiveMask][L] == Act, "__activemask", L, Got[KActiveMask][L], Act);
      expect(Got[KMatchAny][L] == Any, "__match_any_sync", L, Got[KMatchAny][L], Any);
      expect(Got[KMatchAny64][L] == Any64, "__match_any_sync 64-bit", L, Got[KMatchAny64][L], Any64);
      expect(Got[KMatchAll][L] == (All ? M : 0), "__match_all_sync", L, Got[KMatchAll][L], All ? M : 0);
      expect(Got[KMatchAllPred][L] == All, "__match_all_sync pred", L, Got[KMatchAllPred][L], All);
      expect(Got[KAdd][L] == Add, "__reduce_add_sync", L, Got[KAdd][L], Add);
      expect(Got[KAddS][L] == AddS, "__reduce_add_sync int", L, Got[KAddS][L], AddS);
      expect(Got[KMinU][L] == MinU, "__reduce_min_sync unsigned", L, Got[KMinU][L], MinU);
      expect(Got[KMinS][L] == (unsigned)MinS, "__reduce_min_sync int", L, Got[KMinS][L], (unsigned)MinS);
      expect(Got[KMaxU][L] == MaxU, "__reduce_max_sync unsigned", L, Got[KMaxU][L], MaxU);
      expect(Got[KMaxS][L] == (unsigned)MaxS, "__reduce_max_sync int", L, Got[KMaxS][L], (unsigned)MaxS);
      expect(Got[KAnd][L] == And, "__reduce_and_sync", L, Got[KAnd][L], And);
      expect(Got[KOr][L] == Or, "__reduce_or_sync", L, Got[KOr][L], Or);
      expect(Got[KXor][L] == Xor, "__reduce_xor_sync", L, Got[KXor][L], Xor);
    }
  }
}

static void grids() {
  const dim3 Grids[] = {dim3(5), dim3(1, 4), dim3(1, 1, 3), dim3(3, 2, 4), dim3(7, 3)};
  for (const dim3 &G : Grids) {
    gridDim = G;
    unsigned long long Rank = 0;
    cg::grid_group Grid;
    for (unsigned Z = 0; Z < G.z; ++Z)
      for (unsigned Y = 0; Y < G.y; ++Y)
        for (unsigned X = 0; X < G.x; ++X, ++Rank) {
          blockIdx = dim3(X, Y, Z);
          dim3 I = cuport_block_index(Grid), D = cuport_dim_blocks(Grid);
          expect(cuport_block_rank(Grid) == Rank, "grid block_rank", -1, cuport_block_rank(Grid), Rank);
          expect(cuport_num_blocks(Grid) == (unsigned long long)G.x * G.y * G.z, "grid num_blocks", -1,
                 cuport_num_blocks(Grid), (unsigned long long)G.x * G.y * G.z);
          expect(I.x == X && I.y == Y && I.z == Z, "grid block_index", -1, I.x, X);
          expect(D.x == G.x && D.y == G.y && D.z == G.z, "grid dim_blocks", -1, D.x, G.x);
        }
  }
}

template <unsigned N> static void meta() {
  const dim3 Blocks[] = {dim3(64), dim3(96), dim3(16, 4), dim3(7, 3), dim3(33), dim3(8, 4, 2)};
  cg::thread_block_tile<N> Tile;
  for (const dim3 &B : Blocks) {
    blockDim = B;
    unsigned Threads = B.x * B.y * B.z, Rank = 0;
    for (unsigned Z = 0; Z < B.z; ++Z)
      for (unsigned Y = 0; Y < B.y; ++Y)
        for (unsigned X = 0; X < B.x; ++X, ++Rank) {
          threadIdx = dim3(X, Y, Z);
          expect(cuport_block_tile_meta_group_rank(Tile) == Rank / N, "meta_group_rank", (int)Rank,
                 cuport_block_tile_meta_group_rank(Tile), Rank / N);
          expect(cuport_block_tile_meta_group_size(Tile) == (Threads + N - 1) / N, "meta_group_size", (int)Rank,
                 cuport_block_tile_meta_group_size(Tile), (Threads + N - 1) / N);
        }
  }
}

int main() {
  tiles<1>(), tiles<2>(), tiles<4>(), tiles<8>(), tiles<16>(), tiles<32>();
  coalesced();
  warp();
  grids();
  meta<1>(), meta<4>(), meta<32>();
  if (Failures) {
    std::printf("%d of %d checks failed\n", Failures, Checks);
    return 1;
  }
  std::printf("PASSED %d checks\n", Checks);
  return 0;
}
