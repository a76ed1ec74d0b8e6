//===- LowerWarpLockstep.cpp - CUDA warps as 32 lanes in one work-item ---===//
//
// CUDA's warp functions (shuffles, votes, __syncwarp, match, reduce) make the
// 32 threads of a warp meet at one program point and exchange values; an
// OpenCL device such as PoCL on the CPU has no such unit, and emulating one
// with work-group barriers is wrong in divergent code. This pass gives every
// kernel that uses a warp function an exact execution model instead:
//
//   * one OpenCL work-item runs one warp; the runtime launches such kernels
//     (KF_WarpLockstep) with ceil(threads / 32) work-items per work-group
//     and passes CUDA's block shape in a hidden "block-dim" argument;
//   * the kernel body, with every device function inlined into it, becomes
//     a per-lane *resumable* function: each warp function (a call to
//     __cuport_warp_suspend, see cuport/device_warp.h) and each
//     __syncthreads is a site where the lane parks and returns; on the next
//     call a switch at the entry jumps to the code after the lane's site;
//   * values live across a site move to memory (LLVM's DemoteRegToStack) and
//     every stack slot of the body moves into a per-lane frame that the
//     kernel owns, so each lane keeps its own state between calls;
//   * the kernel calls the body for each runnable lane, then the scheduler
//     in device_warp.h, until every lane waits at a block barrier or has
//     exited; the work-group barrier is one program point in a loop that
//     every work-item runs equally often, as OpenCL requires, and warps
//     that are done keep arriving at it until all are.
// Thread and block-size queries inside the body are rewritten from the
// lane's linear thread index and the hidden block shape; block and grid
// queries keep their OpenCL meaning (one work-group is one CUDA block).
//
// A kernel that synchronizes its grid (__cuport_grid_sync) is lowered the
// same way and runs the whole grid in one work-group (KF_GridLockstep):
// work-item i runs warp i % W of block i / W; block and grid queries come
// from the block's index and a hidden "grid-shape" argument; the block's
// __shared__ variables move into its slice of one buffer (SharedSlices.h);
// a grid barrier parks its lane, and lanes there go on once no warp of the
// grid waits at a block barrier after a round of the work-group barrier.
//
// Kernels without warp functions are untouched. A recursive function in a
// kernel that uses warp functions, or a stack array of run-time size, is a
// compile error naming the function.
//
//===----------------------------------------------------------------------===//
#include "CallCycle.h"
#include "HiddenArgument.h"
#include "PassSupport.h"
#include "LoweringPasses.h"
#include "SharedSlices.h"

#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/Transforms/Utils/BasicBlockUtils.h"
#include "llvm/Transforms/Utils/Cloning.h"
#include "llvm/Transforms/Utils/Local.h"
#include "llvm/Transforms/Utils/ValueMapper.h"

#define DEBUG_TYPE "cuport-lower-warp-lockstep"

using namespace llvm;
using namespace cuport::lowering;

namespace {

constexpr unsigned PrivateAS = 0, LocalAS = 3;
constexpr unsigned WarpSize = 32;
/// Bits of each block dimension in the packed "block-dim" argument:
/// x | y << 11 | z << 22 (CUDA: x, y <= 1024, z <= 64).
constexpr unsigned DimBits = 11;

// The functions device_warp.h declares for this pass to lower, and the ones
// it defines for this pass to call.
constexpr const char *SuspendFn = "__cuport_warp_suspend";
constexpr const char *StateFn = "__cuport_warp_state";
constexpr const char *LaneFn = "__cuport_warp_lane";
constexpr const char *BeginFn = "__cuport_warp_begin";
constexpr const char *RunnableFn = "__cuport_warp_runnable";
constexpr const char *ResumePointFn = "__cuport_warp_resume_point";
constexpr const char *ParkFn = "__cuport_warp_park";
constexpr const char *ExitFn = "__cuport_warp_exit";
constexpr const char *ReleaseFn = "__cuport_warp_release";
constexpr const char *GridSyncFn = "__cuport_grid_sync";
constexpr const char *GridResidentFn = "__cuport_grid_resident";
constexpr const char *ScheduleFn = "__cuport_warp_schedule";
constexpr const char *RuntimeFns[] = {BeginFn, RunnableFn, ResumePointFn, ParkFn,
                                      ExitFn,  ReleaseFn,  ScheduleFn};
/// __cuport_warp_schedule's answers, what a lane waits at, and the kinds of
/// site __cuport_warp_park takes (device_warp.h).
constexpr int Resumed = 0, AtBlockBarrier = 1, Done = 2;
constexpr unsigned WaitBarrier = 2, WaitGrid = 4;
constexpr unsigned ParkSite = 0, ParkBarrier = 1, ParkGrid = 2;
/// The functions whose callers become lockstep kernels.
constexpr const char *Primitives[] = {SuspendFn, StateFn, LaneFn, GridSyncFn};

// OpenCL work-item functions, by mangled name (cuport/device_builtins.h).
constexpr const char *LocalIdFn = "_Z12get_local_idj";
constexpr const char *LocalSizeFn = "_Z14get_local_sizej";
constexpr const char *GroupIdFn = "_Z12get_group_idj";
constexpr const char *NumGroupsFn = "_Z14get_num_groupsj";
constexpr const char *BarrierFn = "_Z7barrierj";

/// The body's view of the lane it runs for. Grid kernels (which call
/// __cuport_grid_sync) also get the block's linear index, the grid's shape
/// and the block's slice of shared memory; other kernels leave them null.
struct LaneArgs {
  Value *Warp, *Frame, *Lane, *Linear, *Dim[3];
  Value *Block = nullptr, *Grid[3] = {}, *Shared = nullptr;
  bool isGrid() const { return Block; }
};

/// One lane's frame: the body's stack slots, laid out by hand.
struct FrameLayout {
  uint64_t Size = 0, Align = 8;
};

/// A place in the body where a lane parks.
struct Site {
  CallInst *Call;
  BasicBlock *Park = nullptr; ///< Holds only the call, then a branch to Post.
  BasicBlock *Post = nullptr; ///< Where the lane resumes.
};

class WarpLowering {
public:
  WarpLowering(Module &M, const ErrorSink &Errors) : M(M), Ctx(M.getContext()), Errors(Errors) {}
  bool run();

private:
  bool collectHelpers();
  bool inlineAll(Function &K);
  Function *cloneBody(Function &K, bool Grid, LaneArgs &A);
  void rewriteQueries(Function &Body, const LaneArgs &A);
  bool makeResumable(Function &Body, StringRef Kernel, const LaneArgs &A, FrameLayout &Frame);
  bool lowerKernel(Function &K, bool Grid);
  void buildKernel(Function &K, Function &Body, const FrameLayout &Frame, Argument &Packed,
                   Argument *Shape);
  void dropRuntime();

  Function *fn(const char *Name) const { return M.getFunction(Name); }
  Value *callQuery(IRBuilder<> &B, const char *Name, Value *Dim);

  Module &M;
  LLVMContext &Ctx;
  const ErrorSink &Errors;
  Type *WarpPtrTy = nullptr; ///< Pointer to struct __cuport_warp, as the helpers take it.
  /// Why the kernel being lowered runs in lockstep, for diagnostics.
  const char *Uses = "uses warp functions";
  Type *WarpTy = nullptr;
};

} // namespace

static std::string describe(const Function &F) {
  return demangle(F.getName().str());
}

/// A location for calls the pass adds to \p F: a function with debug info
/// needs one on every call of a function that could be inlined.
static DebugLoc lineOf(const Function &F, const Instruction *Near = nullptr) {
  if (Near && Near->getDebugLoc())
    return Near->getDebugLoc();
  if (DISubprogram *SP = F.getSubprogram())
    return DILocation::get(F.getContext(), SP->getLine(), 0, SP);
  return DebugLoc();
}

bool WarpLowering::collectHelpers() {
  for (const char *Name : RuntimeFns) {
    Function *F = fn(Name);
    if (!F || F->isDeclaration()) {
      Errors.error(Twine("warp functions need '") + Name +
                   "' from cuport/device_warp.h, which this module does not define");
      return false;
    }
  }
  WarpPtrTy = fn(BeginFn)->getArg(0)->getType();
  WarpTy = cast<PointerType>(WarpPtrTy)->getNonOpaquePointerElementType();
  return true;
}

/// Inlines every call in \p K to a defined function, transitively: the body
/// must see every site and every thread-index query of the kernel.
bool WarpLowering::inlineAll(Function &K) {
  // A cycle among the callees can never be inlined away.
  Function *Root = &K;
  if (CallBase *C = cuport::lowering::findRecursiveCall(Root, [](const Function &) { return true; })) {
    Errors.error(sourceLocation(C) + "kernel '" + describe(K) +
                 "' " + Uses + " and calls the recursive function '" +
                 describe(*C->getCalledFunction()) +
                 "'; cuport runs such kernels with every device function inlined");
    return false;
  }
  for (;;) {
    SmallVector<CallBase *, 16> Calls;
    for (Instruction &I : instructions(K))
      if (auto *CB = dyn_cast<CallBase>(&I))
        if (Function *G = CB->getCalledFunction(); G && !G->isDeclaration())
          Calls.push_back(CB);
    if (Calls.empty())
      return true;
    for (CallBase *CB : Calls) {
      InlineFunctionInfo IFI;
      InlineResult R = InlineFunction(*CB, IFI);
      if (!R.isSuccess()) {
        Errors.error("cannot inline '" + describe(*CB->getCalledFunction()) + "' into kernel '" +
                     describe(K) + "', which " + Uses + ": " + R.getFailureReason());
        return false;
      }
    }
  }
}

/// The kernel's body as an internal function of the lane: the kernel's
/// parameters, then the warp state, the lane's frame, its lane and linear
/// thread index and the block shape; for a grid kernel also the block's
/// linear index, the grid shape and the block's shared memory. Fills \p A.
Function *WarpLowering::cloneBody(Function &K, bool Grid, LaneArgs &A) {
  Type *I32 = Type::getInt32Ty(Ctx);
  SmallVector<Type *, 16> Params(K.getFunctionType()->params().begin(),
                                 K.getFunctionType()->params().end());
  Params.append({WarpPtrTy, Type::getInt8PtrTy(Ctx, PrivateAS), I32, I32, I32, I32, I32});
  if (Grid)
    Params.append({I32, I32, I32, I32, Type::getInt8PtrTy(Ctx, LocalAS)});
  auto *Ty = FunctionType::get(Type::getVoidTy(Ctx), Params, false);
  Function *Body = Function::Create(Ty, GlobalValue::InternalLinkage, K.getAddressSpace(),
                                    K.getName() + ".lanes", &M);
  ValueToValueMapTy VMap;
  for (unsigned I = 0; I < K.arg_size(); ++I) {
    VMap[K.getArg(I)] = Body->getArg(I);
    Body->getArg(I)->setName(K.getArg(I)->getName());
  }
  SmallVector<ReturnInst *, 4> Returns;
  CloneFunctionInto(Body, &K, VMap, CloneFunctionChangeType::LocalChangesOnly, Returns);
  Body->setCallingConv(CallingConv::SPIR_FUNC);
  Body->setLinkage(GlobalValue::InternalLinkage);
  for (const char *MD : {"kernel_arg_addr_space", "kernel_arg_access_qual", "kernel_arg_type",
                         "kernel_arg_base_type", "kernel_arg_type_qual", "kernel_arg_name"})
    Body->setMetadata(MD, nullptr);
  const char *Names[] = {"warp", "frame", "lane", "linear", "bdx",    "bdy",
                         "bdz",  "block", "gdx",  "gdy",    "gdz",    "shared"};
  for (unsigned I = K.arg_size(); I < Body->arg_size(); ++I)
    Body->getArg(I)->setName(Names[I - K.arg_size()]);
  auto Arg = [&](unsigned I) { return Body->getArg(K.arg_size() + I); };
  A = LaneArgs{Arg(0), Arg(1), Arg(2), Arg(3), {Arg(4), Arg(5), Arg(6)}};
  if (Grid) {
    A.Block = Arg(7);
    A.Grid[0] = Arg(8), A.Grid[1] = Arg(9), A.Grid[2] = Arg(10);
    A.Shared = Arg(11);
  }
  return Body;
}

/// A call of the work-item query \p Name (size_t Name(uint)).
Value *WarpLowering::callQuery(IRBuilder<> &B, const char *Name, Value *Dim) {
  Type *SizeTy = Type::getInt64Ty(Ctx);
  FunctionCallee F = M.getOrInsertFunction(Name, SizeTy, Type::getInt32Ty(Ctx));
  if (auto *Fn = dyn_cast<Function>(F.getCallee())) {
    Fn->setCallingConv(CallingConv::SPIR_FUNC);
    Fn->setDoesNotAccessMemory();
  }
  CallInst *C = B.CreateCall(F, {Dim});
  C->setCallingConv(CallingConv::SPIR_FUNC);
  return C;
}

/// Thread-index and block-size queries in the body, from the lane; in a
/// grid kernel, block-index and grid-size queries too, from the block's
/// linear index and the grid shape.
void WarpLowering::rewriteQueries(Function &Body, const LaneArgs &A) {
  SmallVector<CallInst *, 16> Calls;
  for (Instruction &I : instructions(Body))
    if (auto *CI = dyn_cast<CallInst>(&I))
      if (Function *F = CI->getCalledFunction())
        if (isWorkItemQuery(*F) || F->getName() == StateFn || F->getName() == LaneFn ||
            F->getName() == GridResidentFn)
          Calls.push_back(CI);
  for (CallInst *CI : Calls) {
    StringRef Name = CI->getCalledFunction()->getName();
    if (!A.isGrid() && (Name == GroupIdFn || Name == NumGroupsFn))
      continue; // one work-group is one block
    IRBuilder<> B(CI);
    Type *SizeTy = B.getInt64Ty();
    Value *X = A.Linear;
    // Component D of threadIdx from the linear index, then blockDim.
    auto Pick = [&](Value *Dim, Value *V0, Value *V1, Value *V2) {
      Value *Is0 = B.CreateICmpEQ(Dim, B.getInt32(0));
      Value *Is1 = B.CreateICmpEQ(Dim, B.getInt32(1));
      return B.CreateSelect(Is0, V0, B.CreateSelect(Is1, V1, V2));
    };
    auto LocalId = [&](Value *Dim) {
      Value *TX = B.CreateURem(X, A.Dim[0]);
      Value *TY = B.CreateURem(B.CreateUDiv(X, A.Dim[0]), A.Dim[1]);
      Value *TZ = B.CreateUDiv(X, B.CreateMul(A.Dim[0], A.Dim[1]));
      return B.CreateZExt(Pick(Dim, TX, TY, TZ), SizeTy);
    };
    auto LocalSize = [&](Value *Dim) {
      return B.CreateZExt(Pick(Dim, A.Dim[0], A.Dim[1], A.Dim[2]), SizeTy);
    };
    // Block index and grid size: OpenCL's own, one work-group per block;
    // a grid kernel's from the block's linear index and the grid shape.
    auto GroupId = [&](Value *Dim) -> Value * {
      if (!A.isGrid())
        return callQuery(B, GroupIdFn, Dim);
      Value *BX = B.CreateURem(A.Block, A.Grid[0]);
      Value *BY = B.CreateURem(B.CreateUDiv(A.Block, A.Grid[0]), A.Grid[1]);
      Value *BZ = B.CreateUDiv(A.Block, B.CreateMul(A.Grid[0], A.Grid[1]));
      return B.CreateZExt(Pick(Dim, BX, BY, BZ), SizeTy);
    };
    auto NumGroups = [&](Value *Dim) -> Value * {
      if (!A.isGrid())
        return callQuery(B, NumGroupsFn, Dim);
      return B.CreateZExt(Pick(Dim, A.Grid[0], A.Grid[1], A.Grid[2]), SizeTy);
    };
    Value *New;
    if (Name == StateFn) {
      New = B.CreatePointerBitCastOrAddrSpaceCast(A.Warp, CI->getType());
    } else if (Name == LaneFn) {
      New = A.Lane;
    } else if (Name == GridResidentFn) {
      New = ConstantInt::get(CI->getType(), A.isGrid());
    } else if (Name == "_Z19get_local_linear_idv") {
      New = B.CreateZExt(X, SizeTy);
    } else if (Name == "_Z20get_global_linear_idv") {
      Value *Zero = B.getInt32(0), *One = B.getInt32(1), *Two = B.getInt32(2);
      Value *Group = B.CreateAdd(
          B.CreateMul(B.CreateAdd(B.CreateMul(GroupId(Two), NumGroups(One)), GroupId(One)),
                      NumGroups(Zero)),
          GroupId(Zero));
      Value *Threads = B.CreateZExt(B.CreateMul(B.CreateMul(A.Dim[0], A.Dim[1]), A.Dim[2]), SizeTy);
      New = B.CreateAdd(B.CreateMul(Group, Threads), B.CreateZExt(X, SizeTy));
    } else {
      Value *Dim = CI->getArgOperand(0);
      if (Name == LocalIdFn) {
        New = LocalId(Dim);
      } else if (Name == "_Z13get_global_idj") {
        New = B.CreateAdd(B.CreateMul(GroupId(Dim), LocalSize(Dim)), LocalId(Dim));
      } else if (Name == "_Z15get_global_sizej") {
        New = B.CreateMul(NumGroups(Dim), LocalSize(Dim));
      } else if (Name == GroupIdFn) {
        New = GroupId(Dim);
      } else if (Name == NumGroupsFn) {
        New = NumGroups(Dim);
      } else {
        New = LocalSize(Dim); // get_local_size, get_enqueued_local_size
      }
    }
    CI->replaceAllUsesWith(New);
    CI->eraseFromParent();
  }
}

/// The optimiser's odd-width integers (i1 flags, narrowed i31 counters) that
/// demotion put in memory: SPIR-V stores neither, so their slot holds the
/// next byte-sized width. Only loads and stores use a demoted slot. Adds
/// the wider slot to \p Slots and returns true when it replaced \p AI.
static bool widenSlot(AllocaInst &AI, SmallVectorImpl<AllocaInst *> &Slots) {
  auto *IT = dyn_cast<IntegerType>(AI.getAllocatedType());
  unsigned Bits = IT ? IT->getBitWidth() : 0;
  if (!IT || Bits == 8 || Bits == 16 || Bits == 32 || Bits == 64 || Bits > 64 ||
      !all_of(AI.users(), [&](User *U) {
        auto *SI = dyn_cast<StoreInst>(U);
        return isa<LoadInst>(U) || (SI && SI->getPointerOperand() == &AI);
      }))
    return false;
  Type *Wide = IntegerType::get(AI.getContext(), std::max(8u, unsigned(PowerOf2Ceil(Bits))));
  auto *New = new AllocaInst(Wide, AI.getAddressSpace(), nullptr, AI.getName() + ".wide", &AI);
  for (User *U : make_early_inc_range(AI.users())) {
    auto *I = cast<Instruction>(U);
    IRBuilder<> B(I);
    if (auto *SI = dyn_cast<StoreInst>(I))
      B.CreateStore(B.CreateZExt(SI->getValueOperand(), Wide), New);
    else
      I->replaceAllUsesWith(B.CreateTrunc(B.CreateLoad(Wide, New), IT));
    I->eraseFromParent();
  }
  AI.eraseFromParent();
  Slots.push_back(New);
  return true;
}

/// Splits \p Body at its sites and makes it resumable (see the file
/// comment).
bool WarpLowering::makeResumable(Function &Body, StringRef Kernel, const LaneArgs &A,
                                 FrameLayout &Frame) {
  // Exits first: the parks added below return without exiting.
  SmallVector<ReturnInst *, 4> Rets;
  for (BasicBlock &BB : Body)
    if (auto *R = dyn_cast<ReturnInst>(BB.getTerminator()))
      Rets.push_back(R);
  for (ReturnInst *R : Rets)
    CallInst::Create(fn(ExitFn), {A.Warp, A.Lane}, "", R)->setDebugLoc(lineOf(Body, R));

  SmallVector<Site, 8> Sites;
  SmallVector<Instruction *, 8> Drop;
  for (Instruction &I : instructions(Body)) {
    if (auto *II = dyn_cast<IntrinsicInst>(&I))
      if (II->isLifetimeStartOrEnd() || isa<DbgInfoIntrinsic>(II))
        Drop.push_back(II);
    if (auto *CI = dyn_cast<CallInst>(&I))
      if (Function *F = CI->getCalledFunction();
          F && (F->getName() == SuspendFn || F->getName() == GridSyncFn ||
                isWorkGroupBarrier(*F)))
        Sites.push_back({CI});
  }
  for (Instruction *I : Drop)
    I->eraseFromParent();
  for (Site &S : Sites) {
    S.Park = SplitBlock(S.Call->getParent(), S.Call);
    S.Post = SplitBlock(S.Park, S.Call->getNextNode());
  }

  // Values live across a site: defined where a site can follow, used where
  // the code after that site can reach. Demoting a phi leaves a load that
  // may itself need demoting, hence the loop.
  Instruction *AllocaPoint = &*Body.getEntryBlock().getFirstInsertionPt();
  for (;;) {
    DenseMap<BasicBlock *, unsigned> Index;
    SmallVector<BasicBlock *, 32> Blocks;
    for (BasicBlock &BB : Body) {
      Index[&BB] = Blocks.size();
      Blocks.push_back(&BB);
    }
    SmallVector<BitVector, 8> ToPark, FromPost;
    for (Site &S : Sites) {
      BitVector To(Blocks.size()), From(Blocks.size());
      SmallVector<BasicBlock *, 32> Work = {S.Park};
      while (!Work.empty())
        if (BasicBlock *BB = Work.pop_back_val(); !To.test(Index[BB])) {
          To.set(Index[BB]);
          Work.append(pred_begin(BB), pred_end(BB));
        }
      Work = {S.Post};
      while (!Work.empty())
        if (BasicBlock *BB = Work.pop_back_val(); !From.test(Index[BB])) {
          From.set(Index[BB]);
          Work.append(succ_begin(BB), succ_end(BB));
        }
      ToPark.push_back(std::move(To));
      FromPost.push_back(std::move(From));
    }
    SmallVector<Instruction *, 32> Spill;
    for (BasicBlock *BB : Blocks)
      for (Instruction &I : *BB) {
        if (isa<AllocaInst>(I) || I.getType()->isVoidTy())
          continue;
        bool Live = false;
        for (Use &U : I.uses()) {
          auto *User = cast<Instruction>(U.getUser());
          BasicBlock *UseBB = User->getParent();
          if (auto *PN = dyn_cast<PHINode>(User))
            UseBB = PN->getIncomingBlock(U);
          if (UseBB == BB) // before any site of BB's successors
            continue;
          for (size_t S = 0; S < Sites.size() && !Live; ++S)
            Live = ToPark[S].test(Index[BB]) && FromPost[S].test(Index[UseBB]);
          if (Live)
            break;
        }
        if (Live)
          Spill.push_back(&I);
      }
    if (Spill.empty())
      break;
    for (Instruction *I : Spill) {
      if (auto *PN = dyn_cast<PHINode>(I))
        DemotePHIToStack(PN, AllocaPoint);
      else
        DemoteRegToStack(*I, false, AllocaPoint);
    }
  }

  // Every stack slot moves into the lane's frame, laid out by hand so that
  // each keeps its alignment.
  const DataLayout &DL = M.getDataLayout();
  SmallVector<AllocaInst *, 16> Slots;
  for (Instruction &I : instructions(Body))
    if (auto *AI = dyn_cast<AllocaInst>(&I))
      Slots.push_back(AI);
  BasicBlock *OldEntry = &Body.getEntryBlock();
  BasicBlock *Entry = BasicBlock::Create(Ctx, "lanes.entry", &Body, OldEntry);
  IRBuilder<> B(Entry);
  B.SetCurrentDebugLocation(lineOf(Body));
  uint64_t Offset = 0;
  for (size_t SlotIdx = 0; SlotIdx < Slots.size(); ++SlotIdx) {
    AllocaInst *AI = Slots[SlotIdx];
    auto *Count = dyn_cast<ConstantInt>(AI->getArraySize());
    if (!Count || AI->getParent() != OldEntry) {
      Errors.error(sourceLocation(AI) + "kernel '" + demangle(Kernel.str()) +
                   "' " + Uses + " and a stack array of run-time size, which cuport "
                   "cannot keep per lane");
      return false;
    }
    if (widenSlot(*AI, Slots))
      continue; // replaced by a wider slot, which comes later in Slots
    uint64_t Bytes = DL.getTypeAllocSize(AI->getAllocatedType()) * Count->getZExtValue();
    uint64_t Align = AI->getAlign().value();
    Frame.Align = std::max(Frame.Align, Align);
    Offset = alignTo(Offset, Align);
    Value *Field = B.CreateConstInBoundsGEP1_64(B.getInt8Ty(), A.Frame, Offset);
    Field = B.CreateBitCast(Field, AI->getType());
    Field->takeName(AI);
    AI->replaceAllUsesWith(Field);
    AI->eraseFromParent();
    Offset += Bytes;
  }
  Frame.Size = std::max<uint64_t>(alignTo(Offset, Frame.Align), Frame.Align);

  // The entry dispatches on the lane's resume point: 0 starts the kernel.
  CallInst *Point = B.CreateCall(fn(ResumePointFn), {A.Warp, A.Lane}, "resume");
  SwitchInst *Dispatch = B.CreateSwitch(Point, OldEntry, Sites.size());
  for (size_t I = 0; I < Sites.size(); ++I) {
    Site &S = Sites[I];
    ConstantInt *Id = B.getInt32(I + 1);
    Dispatch->addCase(Id, S.Post);
    Instruction *Br = S.Park->getTerminator();
    IRBuilder<> P(Br);
    P.SetCurrentDebugLocation(lineOf(Body, S.Call));
    StringRef Callee = S.Call->getCalledFunction()->getName();
    unsigned Kind = Callee == SuspendFn ? ParkSite : Callee == GridSyncFn ? ParkGrid : ParkBarrier;
    bool Barrier = Kind != ParkSite;
    Value *HasMask = Barrier ? P.getInt32(0) : S.Call->getArgOperand(0);
    Value *Mask = Barrier ? P.getInt32(0) : S.Call->getArgOperand(1);
    Value *Val = Barrier ? P.getInt64(0) : S.Call->getArgOperand(2);
    // Barriers meet each other whatever their source line; warp functions
    // meet at their source call (device_warp.h).
    Value *Key = Barrier ? P.getInt32(0) : S.Call->getArgOperand(3);
    P.CreateCall(fn(ParkFn),
                 {A.Warp, A.Lane, Id, P.getInt32(Kind), HasMask, Mask, Val, Key});
    P.CreateRetVoid();
    Br->eraseFromParent();
    S.Call->eraseFromParent();
  }
  return true;
}

/// Replaces \p K's code with the warp loop around \p Body. A grid kernel
/// (\p Shape, its hidden grid shape, is not null) runs every block of the
/// grid in its one work-group: work-item i runs warp i % W of block i / W,
/// for W warps per block.
void WarpLowering::buildKernel(Function &K, Function &Body, const FrameLayout &Frame,
                               Argument &Packed, Argument *Shape) {
  BasicBlock *Entry = BasicBlock::Create(Ctx, "entry", &K);
  auto Block = [&](const char *Name) { return BasicBlock::Create(Ctx, Name, &K); };
  BasicBlock *Init = Block("done.init"), *Start = Block("start"), *Outer = Block("outer"),
             *Lanes = Block("lanes"), *Call = Block("lane.call"), *Next = Block("lane.next"),
             *Sched = Block("schedule"), *Count = Block("done.count"),
             *Arrive = Block("arrive"), *Wait = Block("wait"), *Latch = Block("release"),
             *Exit = Block("exit");
  IRBuilder<> B(Entry);
  B.SetCurrentDebugLocation(lineOf(K));
  Type *I32 = B.getInt32Ty();

  // Lane state and frames, private to the work-item; the count of finished
  // warps in work-group memory.
  AllocaInst *Warp = B.CreateAlloca(WarpTy, nullptr, "warp");
  Warp->setAlignment(Align(16));
  Type *FrameArr = ArrayType::get(ArrayType::get(B.getInt8Ty(), Frame.Size), WarpSize);
  AllocaInst *Frames = B.CreateAlloca(FrameArr, nullptr, "frames");
  Frames->setAlignment(Align(Frame.Align));
  Value *W = B.CreatePointerBitCastOrAddrSpaceCast(Warp, WarpPtrTy);
  auto *DoneTy = B.getInt32Ty();
  auto *DoneCount = new GlobalVariable(M, DoneTy, false, GlobalValue::InternalLinkage,
                                       UndefValue::get(DoneTy), K.getName() + ".warps.done",
                                       nullptr, GlobalValue::NotThreadLocal, LocalAS);
  DoneCount->setAlignment(Align(4));

  Value *Mask = B.getInt32((1u << DimBits) - 1);
  Value *Dim[3] = {B.CreateAnd(&Packed, Mask, "bdx"),
                   B.CreateAnd(B.CreateLShr(&Packed, DimBits), Mask, "bdy"),
                   B.CreateLShr(&Packed, 2 * DimBits, "bdz")};
  Value *Threads = B.CreateMul(B.CreateMul(Dim[0], Dim[1]), Dim[2], "threads");
  Value *Item = B.CreateTrunc(callQuery(B, LocalIdFn, B.getInt32(0)), I32, "item");
  Value *WarpId = Item, *BlockId = nullptr, *GridDim[3] = {}, *Slice = nullptr;
  // A grid kernel: the block and the warp in it; the grid shape; the
  // block's slice of shared memory, which the runtime sizes (one extern
  // array, lowered to the dynamic shared memory argument later).
  GlobalVariable *BlockWaits = nullptr;
  if (Shape) {
    Value *Warps = B.CreateUDiv(B.CreateAdd(Threads, B.getInt32(WarpSize - 1)),
                                B.getInt32(WarpSize), "block.warps");
    BlockId = B.CreateUDiv(Item, Warps, "block");
    WarpId = B.CreateURem(Item, Warps, "warp.id");
    const char *Names[] = {"gdx", "gdy", "gdz"};
    for (unsigned I = 0; I < 3; ++I)
      GridDim[I] = B.CreateExtractElement(Shape, B.getInt32(I), Names[I]);
    Value *Stride = B.CreateExtractElement(Shape, B.getInt32(3), "slice.bytes");
    auto *BufTy = ArrayType::get(B.getInt8Ty(), 0);
    auto *Buf = new GlobalVariable(M, BufTy, false, GlobalValue::ExternalLinkage, nullptr,
                                   K.getName() + ".block.shared", nullptr,
                                   GlobalValue::NotThreadLocal, LocalAS);
    Buf->setAlignment(Align(SharedSliceAlign));
    Slice = B.CreateInBoundsGEP(BufTy, Buf,
                                {B.getInt64(0), B.CreateZExt(B.CreateMul(BlockId, Stride),
                                                             B.getInt64Ty())},
                                "slice");
    // Warps that wait at a block barrier, per round (by its parity).
    auto *WaitsTy = ArrayType::get(I32, 2);
    BlockWaits = new GlobalVariable(M, WaitsTy, false, GlobalValue::InternalLinkage,
                                    UndefValue::get(WaitsTy), K.getName() + ".block.waits",
                                    nullptr, GlobalValue::NotThreadLocal, LocalAS);
    BlockWaits->setAlignment(Align(4));
  }
  Value *Base = B.CreateMul(WarpId, B.getInt32(WarpSize), "lane.base");
  B.CreateCall(fn(BeginFn), {W, B.CreateSub(Threads, Base)});
  Value *First = B.CreateICmpEQ(Item, B.getInt32(0), "first");
  B.CreateCondBr(First, Init, Start);

  auto WaitSlot = [&](Value *Round) {
    return B.CreateInBoundsGEP(BlockWaits->getValueType(), BlockWaits,
                               {B.getInt32(0), B.CreateAnd(Round, B.getInt32(1))});
  };
  B.SetInsertPoint(Init);
  B.CreateStore(B.getInt32(0), DoneCount);
  if (Shape)
    for (int R = 0; R < 2; ++R)
      B.CreateStore(B.getInt32(0), WaitSlot(B.getInt32(R)));
  B.CreateBr(Start);

  FunctionCallee Barrier = M.getOrInsertFunction(BarrierFn, B.getVoidTy(), I32);
  auto CallBarrier = [&](unsigned Flags) {
    B.CreateCall(Barrier, {B.getInt32(Flags)})->setCallingConv(CallingConv::SPIR_FUNC);
  };
  constexpr unsigned LocalFence = 1, GlobalFence = 2;
  B.SetInsertPoint(Start);
  CallBarrier(LocalFence);
  B.CreateBr(Outer);

  // outer: one round per block (or grid) barrier.
  B.SetInsertPoint(Outer);
  PHINode *Finished = B.CreatePHI(B.getInt1Ty(), 2, "finished");
  Finished->addIncoming(B.getFalse(), Start);
  PHINode *Round = B.CreatePHI(I32, 2, "round");
  Round->addIncoming(B.getInt32(0), Start);
  B.CreateCondBr(Finished, Arrive, Lanes);

  // lanes: run each runnable lane to its next site, then schedule.
  B.SetInsertPoint(Lanes);
  PHINode *Lane = B.CreatePHI(I32, 2, "lane");
  Lane->addIncoming(B.getInt32(0), Outer);
  Value *Runnable = B.CreateCall(fn(RunnableFn), {W, Lane});
  B.CreateCondBr(B.CreateICmpNE(Runnable, B.getInt32(0)), Call, Next);

  B.SetInsertPoint(Call);
  SmallVector<Value *, 16> Args;
  for (unsigned I = 0, Hidden = Shape ? 2 : 1; I + Hidden < K.arg_size(); ++I)
    Args.push_back(K.getArg(I));
  Value *LaneFrame = B.CreateInBoundsGEP(FrameArr, Frames, {B.getInt32(0), Lane, B.getInt32(0)});
  Args.append({W, LaneFrame, Lane, B.CreateAdd(Base, Lane), Dim[0], Dim[1], Dim[2]});
  if (Shape)
    Args.append({BlockId, GridDim[0], GridDim[1], GridDim[2], Slice});
  CallInst *RunLane = B.CreateCall(&Body, Args);
  RunLane->setCallingConv(Body.getCallingConv());
  B.CreateBr(Next);

  B.SetInsertPoint(Next);
  Value *LaneNext = B.CreateAdd(Lane, B.getInt32(1));
  Lane->addIncoming(LaneNext, Next);
  BasicBlock *Again = BasicBlock::Create(Ctx, "lanes.again", &K, Count);
  B.CreateCondBr(B.CreateICmpULT(LaneNext, B.getInt32(WarpSize)), Lanes, Sched);

  B.SetInsertPoint(Sched);
  Value *R = B.CreateCall(fn(ScheduleFn), {W}, "sched");
  B.CreateCondBr(B.CreateICmpEQ(R, B.getInt32(Resumed)), Again, Count);
  B.SetInsertPoint(Again);
  B.CreateBr(Lanes);
  Lane->addIncoming(B.getInt32(0), Again);

  // A warp that has just finished adds itself to the count once; in a grid
  // kernel, one that waits at a block barrier adds itself to this round's.
  B.SetInsertPoint(Count);
  Value *NowDone = B.CreateICmpEQ(R, B.getInt32(Done), "now.done");
  BasicBlock *Add = BasicBlock::Create(Ctx, "done.add", &K, Arrive);
  BasicBlock *NotDone = Arrive, *AddWait = nullptr;
  if (Shape) {
    NotDone = BasicBlock::Create(Ctx, "wait.count", &K, Arrive);
    AddWait = BasicBlock::Create(Ctx, "wait.add", &K, Arrive);
  }
  B.CreateCondBr(NowDone, Add, NotDone);
  B.SetInsertPoint(Add);
  B.CreateAtomicRMW(AtomicRMWInst::Add, DoneCount, B.getInt32(1), MaybeAlign(4),
                    AtomicOrdering::Monotonic);
  B.CreateBr(Arrive);
  if (Shape) {
    B.SetInsertPoint(NotDone);
    B.CreateCondBr(B.CreateICmpEQ(R, B.getInt32(AtBlockBarrier)), AddWait, Arrive);
    B.SetInsertPoint(AddWait);
    B.CreateAtomicRMW(AtomicRMWInst::Add, WaitSlot(Round), B.getInt32(1), MaybeAlign(4),
                      AtomicOrdering::Monotonic);
    B.CreateBr(Arrive);
  }

  // arrive: the one work-group barrier, reached once per round by every
  // work-item; the counts read between two barriers are the same for all.
  B.SetInsertPoint(Arrive);
  PHINode *FinishedNext = B.CreatePHI(B.getInt1Ty(), 4, "finished.next");
  FinishedNext->addIncoming(B.getTrue(), Outer);
  FinishedNext->addIncoming(B.getFalse(), NotDone == Arrive ? Count : NotDone);
  FinishedNext->addIncoming(B.getTrue(), Add);
  if (AddWait)
    FinishedNext->addIncoming(B.getFalse(), AddWait);
  if (Shape) {
    // The next round's count starts at 0: its last readers passed the
    // previous round's second barrier, its first writers will pass this
    // round's.
    BasicBlock *Reset = BasicBlock::Create(Ctx, "wait.reset", &K, Wait);
    B.CreateCondBr(First, Reset, Wait);
    B.SetInsertPoint(Reset);
    B.CreateStore(B.getInt32(0), WaitSlot(B.CreateAdd(Round, B.getInt32(1))));
  }
  B.CreateBr(Wait);
  B.SetInsertPoint(Wait);
  CallBarrier(LocalFence | GlobalFence);
  Value *DoneWarps = B.CreateLoad(DoneTy, DoneCount, "warps.done");
  Value *Waiting = Shape ? B.CreateLoad(I32, WaitSlot(Round), "warps.at.block.barrier") : nullptr;
  CallBarrier(LocalFence);
  Value *Warps = B.CreateTrunc(callQuery(B, LocalSizeFn, B.getInt32(0)), I32, "warps");
  B.CreateCondBr(B.CreateICmpEQ(DoneWarps, Warps), Exit, Latch);

  // release: block barriers are complete (every warp is at a barrier or
  // done); a grid barrier once no warp waits at a block barrier.
  B.SetInsertPoint(Latch);
  Value *Which = B.getInt32(WaitBarrier);
  if (Shape)
    Which = B.CreateSelect(B.CreateICmpNE(Waiting, B.getInt32(0)), B.getInt32(WaitBarrier),
                           B.getInt32(WaitGrid));
  B.CreateCall(fn(ReleaseFn), {W, Which});
  Round->addIncoming(B.CreateAdd(Round, B.getInt32(1), "round.next"), Latch);
  Finished->addIncoming(FinishedNext, Latch);
  B.CreateBr(Outer);

  B.SetInsertPoint(Exit);
  B.CreateRetVoid();

  // The body goes into the kernel: OpenCL consumers find a kernel's
  // work-group variables (__shared__) in the kernel itself (PoCL 3.1 makes
  // one used only by a callee a single program-wide variable, which
  // concurrent work-groups then share).
  InlineFunctionInfo IFI;
  InlineResult Inlined = InlineFunction(*RunLane, IFI);
  (void)Inlined;
  assert(Inlined.isSuccess() && "the body has no reason to refuse inlining");
  Body.eraseFromParent();
}

/// Removes the scheduler from modules (or what is left of them) that do not
/// call it, and from the used-lists that kept it.
void WarpLowering::dropRuntime() {
  for (const char *ListName : {"llvm.used", "llvm.compiler.used"}) {
    GlobalVariable *List = M.getGlobalVariable(ListName, true);
    if (!List || !List->hasInitializer())
      continue;
    auto *Arr = dyn_cast<ConstantArray>(List->getInitializer());
    if (!Arr)
      continue;
    SmallVector<Constant *, 16> Keep;
    for (Use &Op : Arr->operands()) {
      auto *F = dyn_cast<Function>(Op.get()->stripPointerCasts());
      if (!F || !F->getName().startswith("__cuport_warp_"))
        Keep.push_back(cast<Constant>(Op.get()));
    }
    if (Keep.size() == Arr->getNumOperands())
      continue;
    std::string Name = List->getName().str();
    List->setName("");
    if (!Keep.empty()) {
      auto *Ty = ArrayType::get(Arr->getType()->getElementType(), Keep.size());
      auto *NewList = new GlobalVariable(M, Ty, false, List->getLinkage(),
                                         ConstantArray::get(Ty, Keep), Name);
      NewList->setSection(List->getSection());
    }
    List->eraseFromParent();
  }
  // Helpers call each other only through the lowered kernels; erase the
  // unused ones until none is left.
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (Function &F : make_early_inc_range(M))
      if (F.getName().startswith("__cuport_warp_") && (F.removeDeadConstantUsers(), F.use_empty())) {
        F.eraseFromParent();
        Changed = true;
      }
  }
}

/// Kernels that reach one of \p Names through any chain of calls.
static SetVector<Function *> kernelsReaching(Module &M, ArrayRef<const char *> Names) {
  SetVector<Function *> Reach, Kernels;
  for (const char *Name : Names)
    if (Function *F = M.getFunction(Name))
      for (User *U : F->users())
        if (auto *CB = dyn_cast<CallBase>(U))
          Reach.insert(CB->getFunction());
  for (size_t I = 0; I < Reach.size(); ++I) {
    Function *F = Reach[I];
    if (F->getCallingConv() == CallingConv::SPIR_KERNEL)
      Kernels.insert(F);
    for (User *U : F->users())
      if (auto *CB = dyn_cast<CallBase>(U))
        Reach.insert(CB->getFunction());
  }
  return Kernels;
}

/// Makes \p K a lockstep kernel; \p Grid: one that synchronizes its grid.
bool WarpLowering::lowerKernel(Function &K, bool Grid) {
  Uses = Grid ? "synchronizes its grid" : "uses warp functions";
  if (!inlineAll(K))
    return false;
  LaneArgs A;
  Function *Body = cloneBody(K, Grid, A);
  rewriteQueries(*Body, A);
  FrameLayout Frame;
  if (!makeResumable(*Body, K.getName(), A, Frame))
    return false;
  for (BasicBlock &BB : K)
    BB.dropAllReferences();
  while (!K.empty())
    K.begin()->eraseFromParent();
  std::optional<uint64_t> StaticShared;
  if (Grid) {
    StaticShared = placeSharedInSlice(*Body, *cast<Argument>(A.Shared), K.getName(), Errors);
    if (!StaticShared)
      return false;
  }
  auto Params = addHiddenArgument({&K}, Type::getInt32Ty(Ctx), "block-dim", Errors);
  if (Params.empty())
    return false;
  Function *NewK = Params.begin()->first;
  Argument *Packed = Params.begin()->second, *Shape = nullptr;
  if (Grid) {
    auto ShapeParams = addHiddenArgument(
        {NewK}, FixedVectorType::get(Type::getInt32Ty(Ctx), 4), "grid-shape", Errors);
    if (ShapeParams.empty())
      return false;
    NewK = ShapeParams.begin()->first;
    Shape = ShapeParams.begin()->second;
    Packed = NewK->getArg(Packed->getArgNo());
    // The block's own __shared__ bytes: the kernel reaches none of them
    // any more, only the slice (kernel metadata reads this instead).
    NewK->addFnAttr(StaticSharedAttr, utostr(*StaticShared));
  }
  buildKernel(*NewK, *Body, Frame, *Packed, Shape);
  return true;
}

bool WarpLowering::run() {
  SetVector<Function *> Kernels = kernelsReaching(M, Primitives);
  SetVector<Function *> GridKernels = kernelsReaching(M, {GridSyncFn});
  bool Changed = false;
  if (!Kernels.empty()) {
    if (!collectHelpers())
      return true;
    for (Function *K : Kernels)
      if (!lowerKernel(*K, GridKernels.count(K)))
        return true;
    Changed = true;
  }
  // What still calls the primitives are device functions no kernel calls
  // any more (their calls were inlined) or ever called; they cannot run.
  for (bool Erased = true; Erased;) {
    Erased = false;
    SetVector<Function *> Users; // and their callers, transitively
    for (const char *Name : Primitives)
      if (Function *F = fn(Name))
        for (User *U : F->users())
          if (auto *CB = dyn_cast<CallBase>(U))
            Users.insert(CB->getFunction());
    for (size_t I = 0; I < Users.size(); ++I)
      for (User *U : Users[I]->users())
        if (auto *CB = dyn_cast<CallBase>(U))
          Users.insert(CB->getFunction());
    for (Function *F : Users)
      if (F->removeDeadConstantUsers(), F->use_empty()) {
        F->eraseFromParent();
        Erased = Changed = true;
        break; // Users may name functions F called: start again
      }
  }
  for (const char *Name : Primitives)
    if (Function *F = fn(Name)) {
      for (User *U : F->users())
        if (auto *CB = dyn_cast<CallBase>(U)) {
          Errors.error(sourceLocation(CB) + "'" + describe(*CB->getFunction()) + "' uses " +
                       (Name == GridSyncFn ? "grid-wide synchronization" : "warp functions") +
                       " but no kernel calls it directly");
          return true;
        }
      F->eraseFromParent();
      Changed = true;
    }
  // Only kernels that synchronize their grid run it resident.
  if (Function *F = fn(GridResidentFn)) {
    for (User *U : make_early_inc_range(F->users()))
      if (auto *CB = dyn_cast<CallBase>(U)) {
        CB->replaceAllUsesWith(ConstantInt::getFalse(CB->getType()));
        CB->eraseFromParent();
      }
    if (F->use_empty())
      F->eraseFromParent();
    Changed = true;
  }
  if (fn(BeginFn) || fn(ScheduleFn)) {
    dropRuntime();
    Changed = true;
  }
  return Changed;
}

PreservedAnalyses cuport::lowering::LowerWarpLockstepPass::run(Module &M, ModuleAnalysisManager &) {
  return WarpLowering(M, Errors).run() ? PreservedAnalyses::none() : PreservedAnalyses::all();
}
