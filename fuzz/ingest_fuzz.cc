// libFuzzer target: article extraction (what `parley ingest` runs on each article's text).
// Any text either yields facts or is refused by CheckArticleText; never a crash.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/extractor.h"
#include "ingest/ingest.h"
#include "ingest/lexicon.h"
#include "parley/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const parley::ingest::Lexicon lexicon =
      parley::ingest::Lexicon::LoadDirectory(PARLEY_LEXICON_DIR);
  static const parley::ingest::Extractor extractor(lexicon);
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (parley::ingest::CheckArticleText(text)) return 0;  // refused with a reason
  try {
    extractor.Extract(text, "fuzz.txt");
  } catch (const parley::Error&) {
  }
  return 0;
}
