/*===- device_warp.h - CUDA warp-level functions ---------------------------===*
 *
 * Shuffles, votes, __activemask, __syncwarp, __match_*_sync and
 * __reduce_*_sync with CUDA's 32-lane semantics, divergent code included.
 *
 * An OpenCL device (PoCL on the CPU) has no warps, so cuport makes them:
 * the lowering pass cuport-lower-warp-lockstep runs each warp's 32 lanes in
 * one work-item. Every warp function below parks its lane at a *site*
 * (__cuport_warp_suspend); when every lane of the warp is parked or has
 * exited, __cuport_warp_schedule decides which sites are complete, takes a
 * snapshot of the values the parked lanes offered, and lets those lanes
 * resume; each lane then computes its own result from the snapshot. The
 * data structure and the scheduler are here, in C, so that the rules are
 * read in one place; the pass only splits kernels at the sites and keeps
 * each lane's live values in its own frame (docs/device-features.md).
 *
 * Which lanes meet: a site with an explicit member mask is complete when
 * every lane of the mask that has not exited is parked at that same site
 * (a lane of the mask parked elsewhere is still on its way, as in
 * `if (lane < 16) f(__shfl_sync(0xffff, ...)); __shfl_sync(~0u, ...)`).
 * Sites without a mask (__activemask, the legacy non-_sync forms) group the
 * lanes that arrived together, as converged hardware would. A block
 * barrier is entered only when no warp site is left.
 *
 * Grid-wide synchronization (cooperative_groups::grid_group::sync, that is
 * __cuport_grid_sync) parks a lane like a block barrier. A kernel that
 * uses it runs its whole grid in one work-group (one warp of one block per
 * work-item), so that every block is resident; the lanes at a grid barrier
 * go on once every lane of the grid is there or has exited, and block
 * barriers are served first (docs/device-features.md).
 *
 * AMD targets run 64-wide wavefronts and do not use this lowering yet; the
 * warp functions are a compile error there.
 *
 *===----------------------------------------------------------------------===*/
#ifndef CUPORT_DEVICE_WARP_H
#define CUPORT_DEVICE_WARP_H

#if defined(__CUDACC__)

#if defined(__AMDGCN__)
#define __CUPORT_WARP_FN                                                       \
  __device__ __attribute__((unavailable(                                       \
      "warp-level functions are not supported on cuport's AMD targets yet "    \
      "(docs/device-features.md)")))
#else
#define __CUPORT_WARP_FN static __device__ __forceinline__
#endif

/* Grid-wide synchronization, and whether the kernel runs its grid resident
 * (true in kernels that synchronize their grid, false in all others);
 * lowered by cuport-lower-warp-lockstep. */
extern "C" {
__device__ __attribute__((convergent, nothrow)) void __cuport_grid_sync();
__device__ __attribute__((const, nothrow)) bool __cuport_grid_resident();
}

#if !defined(__AMDGCN__)

/* One warp's lockstep state, private to the work-item that runs the warp.
 * Wait[] values. */
#define __CUPORT_WARP_RUN 0u
#define __CUPORT_WARP_AT_SITE 1u
#define __CUPORT_WARP_AT_BARRIER 2u
#define __CUPORT_WARP_EXITED 3u
#define __CUPORT_WARP_AT_GRID 4u
/* __cuport_warp_schedule results. */
#define __CUPORT_WARP_RESUMED 0
#define __CUPORT_WARP_BARRIER 1
#define __CUPORT_WARP_DONE 2
#define __CUPORT_WARP_GRID 3

struct __cuport_warp {
  unsigned Site[32];           /* where the lane resumes; 0: kernel entry */
  unsigned Key[32];            /* the source call the lane waits at */
  unsigned Wait[32];           /* __CUPORT_WARP_RUN .. _EXITED */
  unsigned Mask[32];           /* member mask given at the site */
  unsigned HasMask;            /* lanes whose site gave a mask */
  unsigned long long Value[32];/* what each parked lane offers */
  unsigned Group[32];          /* lanes resumed with this one, same site */
  unsigned long long Seen[32]; /* Value[] when the last round resumed */
};

/* Lowered by cuport-lower-warp-lockstep: they exist only inside kernels that
 * the pass has split; nothing else may call them. */
extern "C" {
__device__ __attribute__((convergent, nothrow)) void
__cuport_warp_suspend(unsigned HasMask, unsigned Mask, unsigned long long Value, unsigned Key);
__device__ __attribute__((const, nothrow)) __cuport_warp *__cuport_warp_state();
__device__ __attribute__((const, nothrow)) unsigned __cuport_warp_lane();
}

/* The scheduler and the lane bookkeeping the pass calls. `used` keeps them in
 * every module, as the pass needs them after Clang's optimiser has run; the
 * pass deletes them from modules without warp functions. */
#define __CUPORT_WARP_RT extern "C" __device__ __attribute__((used)) inline

__CUPORT_WARP_RT void __cuport_warp_begin(__cuport_warp *W, unsigned Live) {
  W->HasMask = 0;
  for (unsigned L = 0; L < 32; ++L) {
    W->Site[L] = 0;
    W->Wait[L] = L < Live ? __CUPORT_WARP_RUN : __CUPORT_WARP_EXITED;
    W->Group[L] = 0;
  }
}

__CUPORT_WARP_RT int __cuport_warp_runnable(__cuport_warp *W, unsigned L) {
  return W->Wait[L] == __CUPORT_WARP_RUN;
}

__CUPORT_WARP_RT unsigned __cuport_warp_resume_point(__cuport_warp *W, unsigned L) {
  return W->Site[L];
}

/* Barrier: 0 a warp function's site, 1 a block barrier, 2 a grid barrier. */
__CUPORT_WARP_RT void __cuport_warp_park(__cuport_warp *W, unsigned L, unsigned Site,
                                         unsigned Barrier, unsigned HasMask,
                                         unsigned Mask, unsigned long long Value,
                                         unsigned Key) {
  W->Site[L] = Site;
  W->Key[L] = Key;
  W->Wait[L] = Barrier == 2u   ? __CUPORT_WARP_AT_GRID
               : Barrier == 1u ? __CUPORT_WARP_AT_BARRIER
                               : __CUPORT_WARP_AT_SITE;
  W->Mask[L] = Mask;
  W->HasMask = HasMask ? (W->HasMask | (1u << L)) : (W->HasMask & ~(1u << L));
  W->Value[L] = Value;
}

__CUPORT_WARP_RT void __cuport_warp_exit(__cuport_warp *W, unsigned L) {
  W->Wait[L] = __CUPORT_WARP_EXITED;
}

/* Lanes waiting at a block barrier (Wait == __CUPORT_WARP_AT_BARRIER) or a
 * grid barrier (__CUPORT_WARP_AT_GRID) go on once the work-group barrier
 * has passed and the barrier is complete. */
__CUPORT_WARP_RT void __cuport_warp_release(__cuport_warp *W, unsigned Wait) {
  for (unsigned L = 0; L < 32; ++L)
    if (W->Wait[L] == Wait)
      W->Wait[L] = __CUPORT_WARP_RUN;
}

/* Called when no lane can run: resumes the complete sites (see the file
 * comment), or says that the warp waits at a block barrier (some lane is
 * at one), at a grid barrier (every live lane is) or is done. */
__CUPORT_WARP_RT int __cuport_warp_schedule(__cuport_warp *W) {
  unsigned Live = 0, AtSite = 0, AtBarrier = 0;
  for (unsigned L = 0; L < 32; ++L) {
    if (W->Wait[L] != __CUPORT_WARP_EXITED)
      Live |= 1u << L;
    if (W->Wait[L] == __CUPORT_WARP_AT_SITE)
      AtSite |= 1u << L;
    if (W->Wait[L] == __CUPORT_WARP_AT_BARRIER)
      AtBarrier |= 1u << L;
  }
  if (!Live)
    return __CUPORT_WARP_DONE;
  if (!AtSite)
    return AtBarrier ? __CUPORT_WARP_BARRIER : __CUPORT_WARP_GRID;
  /* Lanes at the same site as L: the same source call (the optimiser may
   * have merged the calls of two branches into one program point). */
  unsigned Same[32];
  for (unsigned L = 0; L < 32; ++L) {
    Same[L] = 0;
    if (AtSite & (1u << L))
      for (unsigned J = 0; J < 32; ++J)
        if ((AtSite & (1u << J)) && W->Key[J] == W->Key[L])
          Same[L] |= 1u << J;
  }
  /* 1. Sites whose every member (explicit mask, or every live lane) is
   *    there. 2. Else the mask-less sites as they are: the lanes that
   *    arrived together are the active ones. 3. Else whatever is parked:
   *    masks naming lanes that went elsewhere, which CUDA leaves undefined;
   *    never a hang. */
  unsigned Ready = 0, Maskless = 0;
  for (unsigned L = 0; L < 32; ++L) {
    if (!(AtSite & (1u << L)))
      continue;
    unsigned Need = ((W->HasMask >> L) & 1u) ? (W->Mask[L] & Live) : Live;
    if ((Need & Same[L]) == Need)
      Ready |= 1u << L;
    if (!((W->HasMask >> L) & 1u))
      Maskless |= 1u << L;
  }
  if (!Ready)
    Ready = Maskless ? Maskless : AtSite;
  for (unsigned L = 0; L < 32; ++L) {
    W->Seen[L] = W->Value[L];
    W->Group[L] = (Ready & (1u << L)) ? Same[L] : 0u;
    if (Ready & (1u << L))
      W->Wait[L] = __CUPORT_WARP_RUN;
  }
  return __CUPORT_WARP_RESUMED;
}

#undef __CUPORT_WARP_RT

/*===------------------- Values through 64-bit slots ----------------------===*/

template <typename T> static __device__ __forceinline__ unsigned long long __cuport_warp_bits(T V) {
  static_assert(sizeof(T) <= 8, "warp functions exchange values of at most 8 bytes");
  unsigned long long B = 0;
  __builtin_memcpy(&B, &V, sizeof(T));
  return B;
}

template <typename T> static __device__ __forceinline__ T __cuport_warp_value(unsigned long long B) {
  T V;
  __builtin_memcpy(&V, &B, sizeof(T));
  return V;
}

/* Each warp function takes its caller's line and column as a last, defaulted
 * argument: lanes meet at the same source call. */
#define __CUPORT_WARP_SITE (unsigned)(__builtin_LINE() << 12 | __builtin_COLUMN())

/* Parks the lane and returns the warp state once its site is resumed. */
static __device__ __forceinline__ __cuport_warp *__cuport_warp_meet(unsigned HasMask, unsigned Mask,
                                                                  unsigned long long Value,
                                                                  unsigned Site) {
  __cuport_warp_suspend(HasMask, Mask, Value, Site);
  return __cuport_warp_state();
}

/* Members of the last meeting that the mask names. */
static __device__ __forceinline__ unsigned __cuport_warp_members(__cuport_warp *W, unsigned Mask) {
  return W->Group[__cuport_warp_lane()] & Mask;
}

/*===------------------- Shuffles -----------------------------------------===*/

/* Source lane of each shuffle, as PTX's shfl.sync defines it for CUDA's
 * width argument: segments of Width lanes; out of the segment, a lane
 * keeps its own value. */
#define __CUPORT_SHFL_IDX 0
#define __CUPORT_SHFL_UP 1
#define __CUPORT_SHFL_DOWN 2
#define __CUPORT_SHFL_XOR 3

template <typename T>
static __device__ __forceinline__ T __cuport_shfl(unsigned HasMask, unsigned Mask, T Var, int Arg,
                                                  int Width, int Kind, unsigned Site) {
  unsigned long long Own = __cuport_warp_bits(Var);
  __cuport_warp *W = __cuport_warp_meet(HasMask, Mask, Own, Site);
  int Lane = (int)__cuport_warp_lane();
  int SegStart = Lane & ~(Width - 1), SegLast = SegStart | (Width - 1);
  int Src = Lane;
  switch (Kind) {
  case __CUPORT_SHFL_IDX:
    Src = SegStart | (Arg & (Width - 1));
    break;
  case __CUPORT_SHFL_UP:
    Src = Lane - Arg >= SegStart ? Lane - Arg : Lane;
    break;
  case __CUPORT_SHFL_DOWN:
    Src = Lane + Arg <= SegLast ? Lane + Arg : Lane;
    break;
  default:
    Src = (Lane ^ Arg) <= SegLast ? (Lane ^ Arg) : Lane;
    break;
  }
  if (Src < 0 || Src > 31 || !(W->Group[Lane] & (1u << Src)))
    return Var; /* an inactive source lane: CUDA leaves the value undefined */
  return __cuport_warp_value<T>(W->Seen[Src]);
}

template <typename T>
__CUPORT_WARP_FN T __shfl_sync(unsigned Mask, T Var, int SrcLane, int Width = 32,
                                 unsigned __Site = __CUPORT_WARP_SITE) {
  return __cuport_shfl(1u, Mask, Var, SrcLane, Width, __CUPORT_SHFL_IDX, __Site);
}
template <typename T>
__CUPORT_WARP_FN T __shfl_up_sync(unsigned Mask, T Var, unsigned Delta, int Width = 32,
                                 unsigned __Site = __CUPORT_WARP_SITE) {
  return __cuport_shfl(1u, Mask, Var, (int)Delta, Width, __CUPORT_SHFL_UP, __Site);
}
template <typename T>
__CUPORT_WARP_FN T __shfl_down_sync(unsigned Mask, T Var, unsigned Delta, int Width = 32,
                                 unsigned __Site = __CUPORT_WARP_SITE) {
  return __cuport_shfl(1u, Mask, Var, (int)Delta, Width, __CUPORT_SHFL_DOWN, __Site);
}
template <typename T>
__CUPORT_WARP_FN T __shfl_xor_sync(unsigned Mask, T Var, int LaneMask, int Width = 32,
                                 unsigned __Site = __CUPORT_WARP_SITE) {
  return __cuport_shfl(1u, Mask, Var, LaneMask, Width, __CUPORT_SHFL_XOR, __Site);
}
/* The pre-CUDA 9 forms: the active lanes take part. */
template <typename T> __CUPORT_WARP_FN T __shfl(T Var, int SrcLane, int Width = 32,
                                 unsigned __Site = __CUPORT_WARP_SITE) {
  return __cuport_shfl(0u, ~0u, Var, SrcLane, Width, __CUPORT_SHFL_IDX, __Site);
}
template <typename T> __CUPORT_WARP_FN T __shfl_up(T Var, unsigned Delta, int Width = 32,
                                 unsigned __Site = __CUPORT_WARP_SITE) {
  return __cuport_shfl(0u, ~0u, Var, (int)Delta, Width, __CUPORT_SHFL_UP, __Site);
}
template <typename T> __CUPORT_WARP_FN T __shfl_down(T Var, unsigned Delta, int Width = 32,
                                 unsigned __Site = __CUPORT_WARP_SITE) {
  return __cuport_shfl(0u, ~0u, Var, (int)Delta, Width, __CUPORT_SHFL_DOWN, __Site);
}
template <typename T> __CUPORT_WARP_FN T __shfl_xor(T Var, int LaneMask, int Width = 32,
                                 unsigned __Site = __CUPORT_WARP_SITE) {
  return __cuport_shfl(0u, ~0u, Var, LaneMask, Width, __CUPORT_SHFL_XOR, __Site);
}

/*===------------------- Votes, match, reduce, sync -----------------------===*/

static __device__ __forceinline__ unsigned __cuport_ballot(unsigned HasMask, unsigned Mask,
                                                           int Predicate, unsigned Site) {
  __cuport_warp *W = __cuport_warp_meet(HasMask, Mask, Predicate != 0, Site);
  unsigned Members = __cuport_warp_members(W, Mask), Bits = 0;
  for (unsigned J = 0; J < 32; ++J)
    if ((Members & (1u << J)) && W->Seen[J])
      Bits |= 1u << J;
  return Bits;
}

__CUPORT_WARP_FN unsigned __ballot_sync(unsigned Mask, int Predicate,
                                        unsigned __Site = __CUPORT_WARP_SITE) {
  return __cuport_ballot(1u, Mask, Predicate, __Site);
}
__CUPORT_WARP_FN int __any_sync(unsigned Mask, int Predicate, unsigned __Site = __CUPORT_WARP_SITE) {
  return __cuport_ballot(1u, Mask, Predicate, __Site) != 0;
}
static __device__ __forceinline__ int __cuport_all(unsigned HasMask, unsigned Mask, int Predicate,
                                                  unsigned Site) {
  __cuport_warp *W = __cuport_warp_meet(HasMask, Mask, Predicate != 0, Site);
  unsigned Members = __cuport_warp_members(W, Mask);
  for (unsigned J = 0; J < 32; ++J)
    if ((Members & (1u << J)) && !W->Seen[J])
      return 0;
  return 1;
}

__CUPORT_WARP_FN int __all_sync(unsigned Mask, int Predicate, unsigned __Site = __CUPORT_WARP_SITE) {
  return __cuport_all(1u, Mask, Predicate, __Site);
}
__CUPORT_WARP_FN unsigned __ballot(int Predicate, unsigned __Site = __CUPORT_WARP_SITE) {
  return __cuport_ballot(0u, ~0u, Predicate, __Site);
}
__CUPORT_WARP_FN int __any(int Predicate, unsigned __Site = __CUPORT_WARP_SITE) {
  return __cuport_ballot(0u, ~0u, Predicate, __Site) != 0;
}
__CUPORT_WARP_FN int __all(int Predicate, unsigned __Site = __CUPORT_WARP_SITE) {
  return __cuport_all(0u, ~0u, Predicate, __Site);
}

__CUPORT_WARP_FN unsigned __activemask(unsigned __Site = __CUPORT_WARP_SITE) {
  return __cuport_warp_members(__cuport_warp_meet(0u, ~0u, 0, __Site), ~0u);
}

__CUPORT_WARP_FN void __syncwarp(unsigned Mask = 0xffffffffu, unsigned __Site = __CUPORT_WARP_SITE) {
  __cuport_warp_meet(1u, Mask, 0, __Site);
}

template <typename T>
__CUPORT_WARP_FN unsigned __match_any_sync(unsigned Mask, T Value,
                                           unsigned __Site = __CUPORT_WARP_SITE) {
  unsigned long long Own = __cuport_warp_bits(Value);
  __cuport_warp *W = __cuport_warp_meet(1u, Mask, Own, __Site);
  unsigned Members = __cuport_warp_members(W, Mask), Bits = 0;
  for (unsigned J = 0; J < 32; ++J)
    if ((Members & (1u << J)) && W->Seen[J] == Own)
      Bits |= 1u << J;
  return Bits;
}

template <typename T>
__CUPORT_WARP_FN unsigned __match_all_sync(unsigned Mask, T Value, int *Pred,
                                           unsigned __Site = __CUPORT_WARP_SITE) {
  unsigned long long Own = __cuport_warp_bits(Value);
  __cuport_warp *W = __cuport_warp_meet(1u, Mask, Own, __Site);
  unsigned Members = __cuport_warp_members(W, Mask);
  for (unsigned J = 0; J < 32; ++J)
    if ((Members & (1u << J)) && W->Seen[J] != Own) {
      *Pred = 0;
      return 0;
    }
  *Pred = 1;
  return Mask;
}

#define __CUPORT_WARP_REDUCE(Name, T, Init, Step)                              \
  __CUPORT_WARP_FN T Name(unsigned Mask, T Value,                             \
                          unsigned __Site = __CUPORT_WARP_SITE) {              \
    __cuport_warp *W = __cuport_warp_meet(1u, Mask, (unsigned)Value, __Site);  \
    unsigned Members = __cuport_warp_members(W, Mask);                         \
    T Acc = Init;                                                              \
    for (unsigned J = 0; J < 32; ++J)                                          \
      if (Members & (1u << J)) {                                               \
        T X = (T)(unsigned)W->Seen[J];                                         \
        Acc = Step;                                                            \
      }                                                                        \
    return Acc;                                                                \
  }
__CUPORT_WARP_REDUCE(__reduce_add_sync, unsigned, 0u, Acc + X)
__CUPORT_WARP_REDUCE(__reduce_add_sync, int, 0, (int)((unsigned)Acc + (unsigned)X))
__CUPORT_WARP_REDUCE(__reduce_min_sync, unsigned, ~0u, X < Acc ? X : Acc)
__CUPORT_WARP_REDUCE(__reduce_min_sync, int, 0x7fffffff, X < Acc ? X : Acc)
__CUPORT_WARP_REDUCE(__reduce_max_sync, unsigned, 0u, X > Acc ? X : Acc)
__CUPORT_WARP_REDUCE(__reduce_max_sync, int, (int)0x80000000u, X > Acc ? X : Acc)
__CUPORT_WARP_REDUCE(__reduce_and_sync, unsigned, ~0u, Acc & X)
__CUPORT_WARP_REDUCE(__reduce_or_sync, unsigned, 0u, Acc | X)
__CUPORT_WARP_REDUCE(__reduce_xor_sync, unsigned, 0u, Acc ^ X)
#undef __CUPORT_WARP_REDUCE

#else /* __AMDGCN__ */

template <typename T> __CUPORT_WARP_FN T __shfl_sync(unsigned Mask, T Var, int SrcLane, int Width = 32);
template <typename T> __CUPORT_WARP_FN T __shfl_up_sync(unsigned Mask, T Var, unsigned Delta, int Width = 32);
template <typename T> __CUPORT_WARP_FN T __shfl_down_sync(unsigned Mask, T Var, unsigned Delta, int Width = 32);
template <typename T> __CUPORT_WARP_FN T __shfl_xor_sync(unsigned Mask, T Var, int LaneMask, int Width = 32);
template <typename T> __CUPORT_WARP_FN T __shfl(T Var, int SrcLane, int Width = 32);
template <typename T> __CUPORT_WARP_FN T __shfl_up(T Var, unsigned Delta, int Width = 32);
template <typename T> __CUPORT_WARP_FN T __shfl_down(T Var, unsigned Delta, int Width = 32);
template <typename T> __CUPORT_WARP_FN T __shfl_xor(T Var, int LaneMask, int Width = 32);
template <typename T> __CUPORT_WARP_FN unsigned __match_any_sync(unsigned Mask, T Value);
template <typename T> __CUPORT_WARP_FN unsigned __match_all_sync(unsigned Mask, T Value, int *Pred);
__CUPORT_WARP_FN unsigned __ballot_sync(unsigned Mask, int Predicate);
__CUPORT_WARP_FN int __any_sync(unsigned Mask, int Predicate);
__CUPORT_WARP_FN int __all_sync(unsigned Mask, int Predicate);
__CUPORT_WARP_FN unsigned __ballot(int Predicate);
__CUPORT_WARP_FN int __any(int Predicate);
__CUPORT_WARP_FN int __all(int Predicate);
__CUPORT_WARP_FN unsigned __activemask();
__CUPORT_WARP_FN void __syncwarp(unsigned Mask = 0xffffffffu);
__CUPORT_WARP_FN unsigned __reduce_add_sync(unsigned Mask, unsigned Value);
__CUPORT_WARP_FN int __reduce_add_sync(unsigned Mask, int Value);
__CUPORT_WARP_FN unsigned __reduce_min_sync(unsigned Mask, unsigned Value);
__CUPORT_WARP_FN int __reduce_min_sync(unsigned Mask, int Value);
__CUPORT_WARP_FN unsigned __reduce_max_sync(unsigned Mask, unsigned Value);
__CUPORT_WARP_FN int __reduce_max_sync(unsigned Mask, int Value);
__CUPORT_WARP_FN unsigned __reduce_and_sync(unsigned Mask, unsigned Value);
__CUPORT_WARP_FN unsigned __reduce_or_sync(unsigned Mask, unsigned Value);
__CUPORT_WARP_FN unsigned __reduce_xor_sync(unsigned Mask, unsigned Value);

#endif /* __AMDGCN__ */

#undef __CUPORT_WARP_FN

#endif /* __CUDACC__ */
#endif /* CUPORT_DEVICE_WARP_H */
