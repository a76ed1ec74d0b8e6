//===- NvccOptions.h - parse an nvcc command line --------------*- C++ -*-===//
//
// Turns an nvcc-style argument vector into a list of recognised options and
// input files, following nvcc's spelling rules (`-o f`, `-o=f`, `-of` for
// one-letter names, `--long-name[=value]`, comma lists for -Xcompiler and
// friends). The table in NvccOptions.def is the only list of options; an
// argument that matches no row is an error naming it. cuport-translate
// reuses this parser for compile_commands.json entries that call nvcc.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_DRIVER_NVCCOPTIONS_H
#define CUPORT_DRIVER_NVCCOPTIONS_H

#include "Diagnostics.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace cuport {
namespace driver {

enum class OptID {
#define NVCC_OPTION(ID, Long, Short, Kind, Help) ID,
#include "NvccOptions.def"
  NumOptions
};

enum class OptKind { Flag, Value, List, Optional };

struct OptionInfo {
  OptID ID;
  const char *Long;
  const char *Short;
  OptKind Kind;
  const char *Help;
};

/// The whole option table, in .def order.
llvm::ArrayRef<OptionInfo> optionTable();

struct ParsedOption {
  OptID ID;
  std::string Spelling; ///< As the user wrote the name, e.g. "-arch".
  std::string Value;    ///< Empty for flags.
};

/// Where an input came from and what language `-x` said it was.
struct ParsedInput {
  std::string Path;
  std::string Language; ///< The active `-x` value, or empty.
};

class ParsedArgs {
public:
  std::vector<ParsedOption> Options; ///< In command-line order.
  std::vector<ParsedInput> Inputs;

  bool has(OptID ID) const;
  /// The last value given for \p ID, if any.
  std::optional<std::string> last(OptID ID) const;
  /// Every value given for \p ID, with List options split at commas.
  std::vector<std::string> all(OptID ID) const;
};

/// Parses \p Args (without argv[0]). Reports problems to \p Diags; the
/// result is meaningful only when Diags has no errors afterwards.
ParsedArgs parseNvccArgs(llvm::ArrayRef<std::string> Args, Diagnostics &Diags);

/// Prints `cuport-cc --help` from the table.
void printHelp(llvm::raw_ostream &OS);

} // namespace driver
} // namespace cuport

#endif
