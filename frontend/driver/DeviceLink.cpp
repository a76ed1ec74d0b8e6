//===- DeviceLink.cpp - link relocatable device code ----------------------===//
#include "DeviceLink.h"

#include "ContainerScan.h"

#include "DeviceImage.h"
#include "fatbin/FatBinary.h"

#include "llvm/Bitcode/BitcodeReader.h"
#include "llvm/Bitcode/BitcodeWriter.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Module.h"
#include "llvm/Linker/Linker.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Transforms/Utils/ModuleUtils.h"

#include <algorithm>

using namespace llvm;
using namespace cuport;
using namespace cuport::driver;

Expected<DeviceLinkPlan> cuport::driver::planDeviceLink(const std::vector<std::string> &Inputs) {
  DeviceLinkPlan Plan;
  for (const std::string &Path : Inputs) {
    auto Scanned = scanFile(Path);
    if (!Scanned)
      return Scanned.takeError();
    for (const std::string &Hook : Scanned->LinkedBinaryHooks)
      if (std::find(Plan.Hooks.begin(), Plan.Hooks.end(), Hook) == Plan.Hooks.end())
        Plan.Hooks.push_back(Hook);
    for (const FoundContainer &C : Scanned->Containers) {
      if (C.Value.Flags & fatbin::CF_DeviceLinked)
        Plan.AlreadyLinked = true;
      for (const fatbin::Image &I : C.Value.Images) {
        if (I.Kind != fatbin::ImageKind::LLVMBitcode)
          continue;
        Plan.Bitcode.push_back(I.Data);
        Plan.Sources.push_back(C.Origin);
      }
    }
  }
  return Plan;
}

/// The host objects cuport-cc writes are x86-64 Linux ones (Clang's layout
/// for that triple): modules linked into them must agree.
static void setHostTarget(Module &M) {
  M.setTargetTriple("x86_64-pc-linux-gnu");
  M.setDataLayout("e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128");
}

/// The container as a private constant in .nv_fatbin, 8-byte aligned as
/// Clang aligns its own.
static GlobalVariable *addContainerGlobal(Module &M, const std::vector<uint8_t> &Container,
                                          StringRef Name) {
  Constant *Data = ConstantDataArray::get(M.getContext(), ArrayRef<uint8_t>(Container));
  auto *Blob = new GlobalVariable(M, Data->getType(), true, GlobalValue::PrivateLinkage, Data, Name);
  Blob->setSection(".nv_fatbin");
  Blob->setAlignment(Align(8));
  return Blob;
}

static Error writeModule(const Module &M, const std::string &BcPath) {
  std::error_code EC;
  raw_fd_ostream OS(BcPath, EC, sys::fs::OF_None);
  if (EC)
    return createStringError(EC, "cannot write '%s': %s", BcPath.c_str(), EC.message().c_str());
  WriteBitcodeToFile(M, OS);
  return Error::success();
}

Error cuport::driver::writeEmbeddingModule(const std::vector<uint8_t> &Container,
                                           const std::string &BcPath) {
  LLVMContext Ctx;
  Module M("cuport.rdc", Ctx);
  setHostTarget(M);
  appendToUsed(M, {addContainerGlobal(M, Container, "__cuport_rdc_device_code")});
  return writeModule(M, BcPath);
}

/// The host side of a device link: the linked container behind Clang's
/// wrapper layout ({magic, version, data, unused}), a lazily registered
/// handle, and one `__cudaRegisterLinkedBinary<ID>` per host module, which
/// registers that module's kernels and variables against the handle.
static std::unique_ptr<Module> buildRegistrationModule(LLVMContext &Ctx,
                                                       const std::vector<uint8_t> &Container,
                                                       const std::vector<std::string> &Hooks) {
  auto M = std::make_unique<Module>("cuport.dlink", Ctx);
  setHostTarget(*M);
  Type *I32 = Type::getInt32Ty(Ctx);
  Type *Void = Type::getVoidTy(Ctx);
  PointerType *Ptr = PointerType::getUnqual(Ctx);
  GlobalVariable *Blob = addContainerGlobal(*M, Container, "__cuport_dlink_fatbin");
  StructType *WrapperTy = StructType::get(Ctx, {I32, I32, Ptr, Ptr});
  Constant *WrapperInit = ConstantStruct::get(
      WrapperTy, {ConstantInt::get(I32, 0x466243b1), ConstantInt::get(I32, 1), Blob,
                  ConstantPointerNull::get(Ptr)});
  auto *Wrapper = new GlobalVariable(*M, WrapperTy, true, GlobalValue::PrivateLinkage,
                                     WrapperInit, "__cuport_dlink_wrapper");
  Wrapper->setSection(".nvFatBinSegment");
  Wrapper->setAlignment(Align(8));
  auto *Handle = new GlobalVariable(*M, Ptr, false, GlobalValue::InternalLinkage,
                                    ConstantPointerNull::get(Ptr), "__cuport_dlink_handle");

  FunctionCallee Register = M->getOrInsertFunction("__cudaRegisterFatBinary", Ptr, Ptr);
  FunctionCallee End = M->getOrInsertFunction("__cudaRegisterFatBinaryEnd", Void, Ptr);
  FunctionCallee Unregister = M->getOrInsertFunction("__cudaUnregisterFatBinary", Void, Ptr);
  FunctionCallee AtExit = M->getOrInsertFunction("atexit", I32, Ptr);

  auto *Dtor = Function::Create(FunctionType::get(Void, false), GlobalValue::InternalLinkage,
                                "__cuport_dlink_dtor", *M);
  IRBuilder<> B(BasicBlock::Create(Ctx, "entry", Dtor));
  B.CreateCall(Unregister, B.CreateLoad(Ptr, Handle));
  B.CreateRetVoid();

  // Static constructors run one at a time, so a plain check suffices.
  auto *Get = Function::Create(FunctionType::get(Ptr, false), GlobalValue::InternalLinkage,
                               "__cuport_dlink_get_handle", *M);
  BasicBlock *Entry = BasicBlock::Create(Ctx, "entry", Get);
  BasicBlock *First = BasicBlock::Create(Ctx, "first", Get);
  BasicBlock *Done = BasicBlock::Create(Ctx, "done", Get);
  B.SetInsertPoint(Entry);
  Value *Old = B.CreateLoad(Ptr, Handle);
  B.CreateCondBr(B.CreateIsNull(Old), First, Done);
  B.SetInsertPoint(First);
  Value *H = B.CreateCall(Register, Wrapper);
  B.CreateStore(H, Handle);
  B.CreateCall(End, H);
  B.CreateCall(AtExit, Dtor);
  B.CreateBr(Done);
  B.SetInsertPoint(Done);
  B.CreateRet(B.CreateLoad(Ptr, Handle));

  // void __cudaRegisterLinkedBinary<ID>(void (*)(void **), void *wrapper,
  //                                     void *module_id, void (*)(void **))
  FunctionType *HookTy = FunctionType::get(Void, {Ptr, Ptr, Ptr, Ptr}, false);
  FunctionType *CallbackTy = FunctionType::get(Void, {Ptr}, false);
  for (const std::string &Name : Hooks) {
    auto *Hook = Function::Create(HookTy, GlobalValue::ExternalLinkage, Name, *M);
    B.SetInsertPoint(BasicBlock::Create(Ctx, "entry", Hook));
    B.CreateCall(CallbackTy, Hook->getArg(0), {B.CreateCall(Get)});
    B.CreateRetVoid();
  }
  return M;
}

Error cuport::driver::writeRegistrationModule(const DeviceLinkPlan &Plan, const std::string &BcPath) {
  LLVMContext Ctx;
  auto Linked = std::make_unique<Module>("cuport.device", Ctx);
  Linker L(*Linked);
  for (size_t I = 0; I < Plan.Bitcode.size(); ++I) {
    StringRef Bytes(reinterpret_cast<const char *>(Plan.Bitcode[I].data()), Plan.Bitcode[I].size());
    auto M = parseBitcodeFile(MemoryBufferRef(Bytes, Plan.Sources[I]), Ctx);
    if (!M)
      return M.takeError();
    if (Linked->getTargetTriple().empty()) {
      Linked->setTargetTriple((*M)->getTargetTriple());
      Linked->setDataLayout((*M)->getDataLayout());
    }
    if (L.linkInModule(std::move(*M)))
      return createStringError(inconvertibleErrorCode(),
                               "device link failed while adding '" + Plan.Sources[I] + "'");
  }
  // Undefined functions and variables are reported by the lowering
  // pipeline's cuport-check-undefined pass, with demangled names.
  fatbin::FatBinary FB;
  FB.Flags = fatbin::CF_DeviceLinked;
  if (Error E = lowering::lowerToSpirvImage(*Linked, FB))
    return E;

  // A context of its own: the device modules use typed pointers, the host
  // registration module opaque ones, and one context cannot hold both.
  LLVMContext HostCtx;
  std::unique_ptr<Module> Reg = buildRegistrationModule(HostCtx, fatbin::serialize(FB), Plan.Hooks);
  return writeModule(*Reg, BcPath);
}
