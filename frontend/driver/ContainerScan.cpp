//===- ContainerScan.cpp - find cuport containers in files ----------------===//
#include "ContainerScan.h"

#include "llvm/Object/Archive.h"
#include "llvm/Object/ObjectFile.h"
#include "llvm/Support/MemoryBuffer.h"

#include <cstring>

using namespace llvm;
using namespace cuport;
using namespace cuport::driver;

/// Containers packed back to back; Clang aligns each to 8 bytes.
static Error scanBytes(StringRef Data, const std::string &Origin, std::vector<FoundContainer> &Out) {
  while (Data.size() >= 8) {
    if (!fatbin::hasMagic(Data.data(), Data.size())) {
      Data = Data.drop_front(8); // alignment padding
      continue;
    }
    fatbin::ParseResult R = fatbin::parseWithHeaderSize(Data.data(), Data.size());
    if (!R)
      return createStringError(inconvertibleErrorCode(),
                               "'" + Origin + "': corrupt device code container: " + R.Error);
    uint64_t Total = 0;
    std::memcpy(&Total, Data.data() + fatbin::HeaderSize - sizeof(Total), sizeof(Total));
    Out.push_back({std::move(R.Value), Origin});
    Data = Data.drop_front(std::min<uint64_t>(Data.size(), (Total + 7) & ~uint64_t(7)));
  }
  return Error::success();
}

static Error scanObject(MemoryBufferRef Buf, const std::string &Origin, ScannedFile &File) {
  std::vector<FoundContainer> &Out = File.Containers;
  auto Obj = object::ObjectFile::createObjectFile(Buf);
  if (!Obj) {
    consumeError(Obj.takeError());
    return Error::success(); // not an object file: holds no device code
  }
  for (const object::SymbolRef &Sym : (*Obj)->symbols()) {
    Expected<uint32_t> Flags = Sym.getFlags();
    Expected<StringRef> Name = Sym.getName();
    if (!Flags || !Name) {
      consumeError(Flags.takeError());
      consumeError(Name.takeError());
      continue;
    }
    if ((*Flags & object::SymbolRef::SF_Undefined) &&
        Name->startswith("__cudaRegisterLinkedBinary"))
      File.LinkedBinaryHooks.push_back(Name->str());
  }
  for (const object::SectionRef &Sec : (*Obj)->sections()) {
    Expected<StringRef> Name = Sec.getName();
    if (!Name) {
      consumeError(Name.takeError());
      continue;
    }
    if (*Name != ".nv_fatbin")
      continue;
    Expected<StringRef> Contents = Sec.getContents();
    if (!Contents)
      return Contents.takeError();
    if (Error E = scanBytes(*Contents, Origin, Out))
      return E;
  }
  return Error::success();
}

Expected<std::vector<FoundContainer>> cuport::driver::readContainers(const std::string &Path) {
  auto File = scanFile(Path);
  if (!File)
    return File.takeError();
  return std::move(File->Containers);
}

Expected<ScannedFile> cuport::driver::scanFile(const std::string &Path) {
  auto Buf = MemoryBuffer::getFile(Path);
  if (!Buf)
    return createStringError(Buf.getError(), "cannot read '%s': %s", Path.c_str(),
                             Buf.getError().message().c_str());
  ScannedFile Out;
  MemoryBufferRef Ref = (*Buf)->getMemBufferRef();
  StringRef Bytes = Ref.getBuffer();
  if (fatbin::hasMagic(Bytes.data(), Bytes.size())) {
    fatbin::ParseResult R = fatbin::parse(Bytes.data(), Bytes.size());
    if (!R)
      return createStringError(inconvertibleErrorCode(),
                               "'" + Path + "': corrupt device code container: " + R.Error);
    Out.Containers.push_back({std::move(R.Value), Path});
    return Out;
  }
  if (Bytes.startswith("!<arch>\n")) {
    auto Ar = object::Archive::create(Ref);
    if (!Ar)
      return Ar.takeError();
    Error Err = Error::success();
    for (const object::Archive::Child &C : (*Ar)->children(Err)) {
      auto Member = C.getMemoryBufferRef();
      if (!Member)
        return Member.takeError();
      if (Error E = scanObject(*Member, Path + "(" + Member->getBufferIdentifier().str() + ")", Out))
        return E;
    }
    if (Err)
      return Err;
    return Out;
  }
  if (Error E = scanObject(Ref, Path, Out))
    return E;
  return Out;
}
