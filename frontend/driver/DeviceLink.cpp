//===- DeviceLink.cpp - link relocatable device code ----------------------===//
//
// The SPIR-V image and each AMD code object of a device link come from
// their own link of the units' bitcode (one per target: the units were
// compiled for spirv64 and for each amdgcn architecture separately), and
// share the kernel and symbol metadata of the SPIR-V one.
//
//===----------------------------------------------------------------------===//
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
      const fatbin::Image *Spirv = nullptr;
      for (const fatbin::Image &I : C.Value.Images)
        if (I.Kind == fatbin::ImageKind::LLVMBitcode && I.Arch == "spirv64")
          Spirv = &I;
      if (!Spirv)
        continue;
      size_t Unit = Plan.Bitcode.size();
      Plan.Bitcode.push_back(Spirv->Data);
      Plan.Sources.push_back(C.Origin);
      for (std::vector<std::vector<uint8_t>> &PerUnit : Plan.AmdBitcode)
        PerUnit.resize(Unit + 1);
      for (const fatbin::Image &I : C.Value.Images) {
        if (I.Kind != fatbin::ImageKind::LLVMBitcode || &I == Spirv)
          continue;
        auto It = std::find(Plan.AmdArchs.begin(), Plan.AmdArchs.end(), I.Arch);
        if (It == Plan.AmdArchs.end()) {
          Plan.AmdArchs.push_back(I.Arch);
          Plan.AmdBitcode.emplace_back(Unit + 1);
          It = Plan.AmdArchs.end() - 1;
        }
        Plan.AmdBitcode[size_t(It - Plan.AmdArchs.begin())][Unit] = I.Data;
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

/// Links the units' bitcode for one target into one module of \p Ctx.
static Expected<std::unique_ptr<Module>>
linkUnits(const std::vector<std::vector<uint8_t>> &Units, const std::vector<std::string> &Sources,
          LLVMContext &Ctx) {
  auto Linked = std::make_unique<Module>("cuport.device", Ctx);
  Linker L(*Linked);
  for (size_t I = 0; I < Units.size(); ++I) {
    StringRef Bytes(reinterpret_cast<const char *>(Units[I].data()), Units[I].size());
    auto M = parseBitcodeFile(MemoryBufferRef(Bytes, Sources[I]), Ctx);
    if (!M)
      return M.takeError();
    if (Linked->getTargetTriple().empty()) {
      Linked->setTargetTriple((*M)->getTargetTriple());
      Linked->setDataLayout((*M)->getDataLayout());
    }
    if (L.linkInModule(std::move(*M)))
      return createStringError(inconvertibleErrorCode(),
                               "device link failed while adding '" + Sources[I] + "'");
  }
  return std::move(Linked);
}

Error cuport::driver::writeRegistrationModule(const DeviceLinkPlan &Plan,
                                              const lowering::AmdBuild &AmdTools,
                                              const std::string &BcPath) {
  // Every unit needs each architecture's code, or the code object would
  // lack that unit's functions; say which unit to rebuild.
  for (size_t A = 0; A < Plan.AmdArchs.size(); ++A)
    for (size_t U = 0; U < Plan.Bitcode.size(); ++U)
      if (U >= Plan.AmdBitcode[A].size() || Plan.AmdBitcode[A][U].empty())
        return createStringError(inconvertibleErrorCode(),
                                 "'" + Plan.Sources[U] + "' has no " + Plan.AmdArchs[A] +
                                     " device code, but other -rdc objects of this link do: "
                                     "compile every -rdc source with the same --offload-arch");

  fatbin::FatBinary FB;
  FB.Flags = fatbin::CF_DeviceLinked;
  {
    LLVMContext Ctx;
    auto Linked = linkUnits(Plan.Bitcode, Plan.Sources, Ctx);
    if (!Linked)
      return Linked.takeError();
    // Undefined functions and variables are reported by the lowering
    // pipeline's cuport-check-undefined pass, with demangled names.
    if (Error E = lowering::lowerToSpirvImage(**Linked, FB))
      return E;
  }
  for (size_t A = 0; A < Plan.AmdArchs.size(); ++A) {
    LLVMContext Ctx;
    auto Linked = linkUnits(Plan.AmdBitcode[A], Plan.Sources, Ctx);
    if (!Linked)
      return Linked.takeError();
    lowering::AmdBuild B = AmdTools;
    B.Arch = Plan.AmdArchs[A];
    auto Code = lowering::emitAmdCodeObject(**Linked, B, FB);
    if (!Code)
      return Code.takeError();
    FB.Images.push_back({fatbin::ImageKind::AMDGCN, B.Arch, std::move(*Code)});
  }

  // A context of its own: the device modules use typed pointers, the host
  // registration module opaque ones, and one context cannot hold both.
  LLVMContext HostCtx;
  std::unique_ptr<Module> Reg = buildRegistrationModule(HostCtx, fatbin::serialize(FB), Plan.Hooks);
  return writeModule(*Reg, BcPath);
}
