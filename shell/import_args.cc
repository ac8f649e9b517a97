#include <fmt/format.h>

#include <filesystem>
#include <optional>

#include "shell/cli_common.h"
#include "shell/import_command.h"

namespace parley::shell {
namespace {

bool LooksLikeFile(const std::string& value) {
  std::string lower = value;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* ext : {".csv", ".tsv", ".txt"}) {
    if (lower.size() > 4 && lower.compare(lower.size() - 4, 4, ext) == 0) return true;
  }
  std::error_code ec;
  return std::filesystem::is_regular_file(value, ec);
}

std::vector<std::string> SplitLabels(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(':', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

char ParseDelimiter(const std::string& v) {
  if (v == "\\t" || v == "TAB" || v == "tab") return '\t';
  if (v.size() != 1) throw UsageError("--delimiter takes one character (or TAB)");
  return v[0];
}

// Reads a `--name[=value]` option's value and, when the value is not itself a file, the
// file after it. Returns {value-before-file, file}.
std::pair<std::string, std::string> FileOption(const std::string& name,
                                               const std::optional<std::string>& inline_value,
                                               const std::vector<std::string>& args,
                                               std::size_t& i) {
  std::string value = inline_value.value_or("");
  if (inline_value) {
    const std::size_t eq = value.rfind('=');
    if (eq != std::string::npos) return {value.substr(0, eq), value.substr(eq + 1)};
    if (LooksLikeFile(value)) return {"", value};
  }
  if (i + 1 >= args.size() || args[i + 1].rfind("--", 0) == 0) {
    throw UsageError(fmt::format("--{} needs a CSV file", name));
  }
  return {value, args[++i]};
}

}  // namespace

ImportSpec ParseImportArgs(const std::vector<std::string>& args) {
  ImportSpec spec;
  spec.db = kDefaultDbPath;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "-h" || arg == "--help") {
      spec.help = true;
      return spec;
    }
    if (arg.rfind("--", 0) != 0)
      throw UsageError(fmt::format("import: unexpected argument {}", arg));
    const std::size_t eq = arg.find('=');
    const std::string name = arg.substr(2, eq == std::string::npos ? eq : eq - 2);
    std::optional<std::string> inline_value;
    if (eq != std::string::npos) inline_value = arg.substr(eq + 1);
    auto value = [&]() -> std::string {
      if (inline_value) return *inline_value;
      if (i + 1 >= args.size()) throw UsageError(fmt::format("--{} needs a value", name));
      return args[++i];
    };
    if (name == "nodes") {
      auto [labels, file] = FileOption(name, inline_value, args, i);
      spec.options.nodes.push_back(NodeFile{file, SplitLabels(labels)});
    } else if (name == "relationships") {
      auto [type, file] = FileOption(name, inline_value, args, i);
      spec.options.relationships.push_back(RelFile{file, type});
    } else if (name == "db") {
      spec.db = value();
    } else if (name == "id-type") {
      std::string v = value();
      for (char& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (v == "string")
        spec.options.id_type = IdType::kString;
      else if (v == "integer")
        spec.options.id_type = IdType::kInteger;
      else
        throw UsageError("--id-type is string or integer");
    } else if (name == "skip-bad-rows") {
      const std::string v = inline_value.value_or("true");
      if (v != "true" && v != "false") throw UsageError("--skip-bad-rows takes true or false");
      spec.options.skip_bad_rows = v == "true";
    } else if (name == "delimiter") {
      spec.options.delimiter = ParseDelimiter(value());
    } else {
      throw UsageError(fmt::format("import: unknown option --{}", name));
    }
  }
  if (spec.options.nodes.empty() && spec.options.relationships.empty()) {
    throw UsageError("import: give at least one --nodes or --relationships file");
  }
  return spec;
}

}  // namespace parley::shell
