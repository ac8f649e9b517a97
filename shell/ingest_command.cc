#include "shell/ingest_command.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <stdexcept>

#include "ingest/extractor.h"
#include "ingest/ingest.h"
#include "ingest/lexicon.h"
#include "parley/error.h"
#include "shell/cli_common.h"

namespace parley::shell {
namespace {

// Files to draw a progress bar for: enough that the run takes a while.
constexpr std::size_t kProgressThreshold = 50;

struct IngestCommandOptions {
  std::string db = kDefaultDbPath;
  std::vector<std::string> lexicons;
  std::vector<std::string> paths;
  std::string argv0;
  double min_confidence = 0;
};

ingest::Lexicon LoadLexicon(const IngestCommandOptions& o) {
  ingest::Lexicon lexicon =
      ingest::Lexicon::LoadDirectory(ingest::Lexicon::DefaultDirectory(o.argv0));
  for (const std::string& extra : o.lexicons) {
    std::error_code ec;
    if (std::filesystem::is_directory(extra, ec)) {
      std::vector<std::string> files;
      for (const auto& entry : std::filesystem::directory_iterator(extra)) {
        if (entry.path().extension() == ".tsv") files.push_back(entry.path().string());
      }
      std::sort(files.begin(), files.end());
      for (const std::string& f : files) lexicon.LoadFile(f);
    } else {
      lexicon.LoadFile(extra);
    }
  }
  return lexicon;
}

int RunIngest(const IngestCommandOptions& o) {
  std::vector<std::string> missing;
  std::vector<std::string> files = ingest::ExpandPaths(o.paths, &missing);
  for (const std::string& m : missing) {
    std::cerr << "skipped " << m << ": no such file or directory\n";
  }
  ingest::Lexicon lexicon;
  try {
    lexicon = LoadLexicon(o);
  } catch (const std::runtime_error& e) {
    std::cerr << "error: lexicon: " << e.what() << "\n";
    return kExitError;
  }
  ingest::Extractor extractor(lexicon);
  try {
    std::unique_ptr<Database> db = OpenDatabase(o.db);
    Connection connection(*db);
    ingest::IngestOptions options;
    options.progress = files.size() >= kProgressThreshold && isatty(STDERR_FILENO);
    options.min_confidence = o.min_confidence;
    ingest::IngestTotals totals =
        ingest::IngestPaths(connection, extractor, files, options, std::cout, std::cerr);
    return totals.skipped + missing.size() > 0 ? kExitError : kExitOk;
  } catch (const Error& e) {
    std::cerr << "error: " << ErrorKindName(e.kind()) << ": " << e.what() << "\n";
    return kExitError;
  }
}

}  // namespace

void AddIngestCommand(CLI::App& app) {
  auto options = std::make_shared<IngestCommandOptions>();
  CLI::App* cmd =
      app.add_subcommand("ingest", "Read news articles (.txt files or directories) into the graph");
  cmd->add_option("--db", options->db, "Database directory")->capture_default_str();
  cmd->add_option("--lexicon", options->lexicons,
                  "Extra lexicon file or directory (repeatable; see data/lexicon/README.md)")
      ->type_name("PATH")
      ->allow_extra_args(false);
  cmd->add_option("--min-confidence", options->min_confidence,
                  "Store only relationships read with at least this confidence (0 to 1; "
                  "data/lexicon/README.md, \"Confidence\")")
      ->type_name("X")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("PATH", options->paths, "Article files or directories")->required();
  cmd->callback([options] {
    std::error_code ec;
    options->argv0 = std::filesystem::read_symlink("/proc/self/exe", ec).string();
    int code = RunIngest(*options);
    if (code != kExitOk) throw CLI::RuntimeError(code);
  });
}

}  // namespace parley::shell
