//===- LowerPrintf.cpp - device printf through a host-formatted buffer ----===//
//
// CUDA prints device printf output on the host, at synchronization points,
// through the process's own stdout: in order with the host's output. OpenCL
// printf (PoCL's writes straight to fd 1 while the kernel runs) would
// interleave differently with a host's buffered output, so cuport does what
// CUDA does. Each `printf(fmt, args...)` becomes an append of one record to
// a device buffer:
//   u64 address of the format string | u32 record bytes | u32 argument count
//   8 bytes per argument (its bits, as the C varargs rules promoted it)
// reserved with one atomic add on the buffer's `used` field; a record that
// does not fit is dropped, as CUDA drops output past its FIFO. The runtime
// formats the records at the next synchronizing call (runtime-shim/Printf.cpp).
//
// The buffer's address is read from the device variable
// __cuport_printf_buffer, which the runtime fills when it loads the module.
// Format strings become host-registered constant variables, so they land in
// the module's globals block and the runtime finds their text in the
// container. A format that is not a string literal is a compile error.
//
// Buffer header: u32 used, u32 capacity (record bytes), u32 assert flag,
// u32 reserved; records follow at offset 16.
//
//===----------------------------------------------------------------------===//
#include "LoweringPasses.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/Transforms/Utils/ModuleUtils.h"

#include <map>

#define DEBUG_TYPE "cuport-lower-printf"

using namespace llvm;

static constexpr unsigned CrossWorkgroupAS = 1;
static constexpr uint64_t HeaderBytes = 16;

static const char *const BufferVar = "__cuport_printf_buffer";

/// The literal a format operand points at, or nullptr.
static const ConstantDataSequential *formatLiteral(Value *Fmt) {
  auto *GV = dyn_cast<GlobalVariable>(Fmt->stripPointerCasts());
  if (!GV || !GV->isConstant() || !GV->hasInitializer())
    return nullptr;
  auto *Data = dyn_cast<ConstantDataSequential>(GV->getInitializer());
  return Data && Data->isString() ? Data : nullptr;
}

/// Sets the buffer's assert flag (offset 8) for each __cuport_assert_raised().
static void lowerAssertRaised(Module &M, GlobalVariable *Buffer) {
  Function *Raise = M.getFunction("__cuport_assert_raised");
  if (!Raise)
    return;
  SmallVector<CallInst *, 4> Calls;
  for (User *U : Raise->users())
    if (auto *CI = dyn_cast<CallInst>(U))
      Calls.push_back(CI);
  LLVMContext &Ctx = M.getContext();
  Type *I32 = Type::getInt32Ty(Ctx);
  for (CallInst *Call : Calls) {
    BasicBlock *Before = Call->getParent();
    BasicBlock *After = Before->splitBasicBlock(Call, "assert.done");
    BasicBlock *Set = BasicBlock::Create(Ctx, "assert.set", Call->getFunction(), After);
    IRBuilder<> B(Before->getTerminator());
    Value *Buf = B.CreateLoad(Buffer->getValueType(), Buffer);
    B.CreateCondBr(B.CreateIsNull(Buf), After, Set);
    Before->getTerminator()->eraseFromParent();
    B.SetInsertPoint(Set);
    Value *Flag = B.CreateConstInBoundsGEP1_64(
        I32, B.CreateBitCast(Buf, PointerType::get(I32, CrossWorkgroupAS)), 2);
    B.CreateAtomicRMW(AtomicRMWInst::Or, Flag, ConstantInt::get(I32, 1), MaybeAlign(4),
                      AtomicOrdering::Monotonic);
    B.CreateBr(After);
    Call->eraseFromParent();
  }
  Raise->eraseFromParent();
}

PreservedAnalyses cuport::lowering::LowerPrintfPass::run(Module &M, ModuleAnalysisManager &) {
  // cuport's headers name device printf __cuport_printf; plain `printf` is
  // what IR written by hand (or other front ends) calls.
  Function *Printf = M.getFunction("__cuport_printf");
  if (!Printf || Printf->use_empty())
    Printf = M.getFunction("printf");
  Function *Raise = M.getFunction("__cuport_assert_raised");
  if ((!Printf || Printf->use_empty()) && (!Raise || Raise->use_empty()))
    return PreservedAnalyses::all();

  LLVMContext &Ctx = M.getContext();
  Type *I8 = Type::getInt8Ty(Ctx), *I32 = Type::getInt32Ty(Ctx), *I64 = Type::getInt64Ty(Ctx);
  PointerType *BufPtrTy = PointerType::get(I8, CrossWorkgroupAS);
  auto *Buffer = new GlobalVariable(M, BufPtrTy, false, GlobalValue::ExternalLinkage,
                                    ConstantPointerNull::get(BufPtrTy), BufferVar, nullptr,
                                    GlobalValue::NotThreadLocal, CrossWorkgroupAS);
  Buffer->setAlignment(Align(8));
  SmallVector<GlobalValue *, 8> Registered = {Buffer};

  std::map<std::string, GlobalVariable *> Formats;
  lowerAssertRaised(M, Buffer);
  SmallVector<CallInst *, 8> Calls;
  if (Printf)
    for (User *U : Printf->users())
    if (auto *CI = dyn_cast<CallInst>(U); CI && CI->getCalledFunction() == Printf)
      Calls.push_back(CI);

  for (CallInst *Call : Calls) {
    const ConstantDataSequential *Lit =
        Call->arg_size() ? formatLiteral(Call->getArgOperand(0)) : nullptr;
    if (!Lit) {
      Errors.error("printf in device function '" + Call->getFunction()->getName() +
                   "' needs a string literal as its format");
      return PreservedAnalyses::none();
    }
    std::string Text = Lit->getAsString().str(); // includes the NUL
    GlobalVariable *&Fmt = Formats[Text];
    if (!Fmt) {
      Constant *Init = ConstantDataArray::getString(Ctx, Text, /*AddNull=*/false);
      Fmt = new GlobalVariable(M, Init->getType(), true, GlobalValue::InternalLinkage, Init,
                               "__cuport_printf_format", nullptr, GlobalValue::NotThreadLocal,
                               CrossWorkgroupAS);
      Registered.push_back(Fmt);
    }

    unsigned NumArgs = Call->arg_size() - 1;
    uint64_t RecordBytes = 16 + 8 * uint64_t(NumArgs);
    BasicBlock *Before = Call->getParent();
    BasicBlock *After = Before->splitBasicBlock(Call, "printf.done");
    BasicBlock *Write = BasicBlock::Create(Ctx, "printf.write", Call->getFunction(), After);
    BasicBlock *Reserve = BasicBlock::Create(Ctx, "printf.reserve", Call->getFunction(), Write);

    IRBuilder<> B(Before->getTerminator());
    Value *Buf = B.CreateLoad(BufPtrTy, Buffer, "printf.buffer");
    B.CreateCondBr(B.CreateIsNull(Buf), After, Reserve);
    Before->getTerminator()->eraseFromParent();

    B.SetInsertPoint(Reserve);
    Value *Used = B.CreateBitCast(Buf, PointerType::get(I32, CrossWorkgroupAS));
    Value *Offset = B.CreateAtomicRMW(AtomicRMWInst::Add, Used, ConstantInt::get(I32, RecordBytes),
                                      MaybeAlign(4), AtomicOrdering::Monotonic);
    Value *Capacity = B.CreateLoad(I32, B.CreateConstInBoundsGEP1_64(I32, Used, 1), "printf.capacity");
    Value *End = B.CreateAdd(B.CreateZExt(Offset, I64), ConstantInt::get(I64, RecordBytes));
    B.CreateCondBr(B.CreateICmpULE(End, B.CreateZExt(Capacity, I64)), Write, After);

    B.SetInsertPoint(Write);
    Value *Record = B.CreateInBoundsGEP(
        I8, Buf, B.CreateAdd(B.CreateZExt(Offset, I64), ConstantInt::get(I64, HeaderBytes)));
    auto Slot = [&](uint64_t At, Type *Ty) {
      return B.CreateBitCast(B.CreateConstInBoundsGEP1_64(I8, Record, At),
                             PointerType::get(Ty, CrossWorkgroupAS));
    };
    B.CreateStore(B.CreatePtrToInt(Fmt, I64), Slot(0, I64));
    B.CreateStore(ConstantInt::get(I32, RecordBytes), Slot(8, I32));
    B.CreateStore(ConstantInt::get(I32, NumArgs), Slot(12, I32));
    for (unsigned I = 0; I < NumArgs; ++I) {
      Value *A = Call->getArgOperand(I + 1);
      Type *T = A->getType();
      uint64_t At = 16 + 8 * uint64_t(I);
      if (T->isPointerTy())
        A = B.CreatePtrToInt(A, I64);
      else if (T->isFloatTy())
        A = B.CreateFPExt(A, Type::getDoubleTy(Ctx));
      else if (T->isIntegerTy() && T->getIntegerBitWidth() < 64)
        A = B.CreateZExt(A, I64); // the bits; the host reads the width the format asks for
      if (A->getType()->getPrimitiveSizeInBits() != 64) {
        Errors.error("printf argument " + Twine(I + 1) + " in '" + Call->getFunction()->getName() +
                     "' has a type cuport cannot print");
        return PreservedAnalyses::none();
      }
      B.CreateStore(A, Slot(At, A->getType()));
    }
    B.CreateBr(After);

    // CUDA's printf returns the number of arguments parsed.
    Call->replaceAllUsesWith(ConstantInt::get(Call->getType(), NumArgs));
    Call->eraseFromParent();
  }
  if (Printf && Printf->use_empty())
    Printf->eraseFromParent();
  // Host-registered, as __device__ variables are: the next pass puts them
  // in the globals block and lists them as symbols.
  appendToCompilerUsed(M, Registered);
  return PreservedAnalyses::none();
}
