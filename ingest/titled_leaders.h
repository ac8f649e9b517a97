// Leaders the lexicon does not know, recognised by a title that names their country:
// "Ethiopian Prime Minister Abiy Ahmed", "Ethiopia's Prime Minister Abiy Ahmed",
// "President Isaias Afwerki of Eritrea", "Abiy Ahmed, Prime Minister of Ethiopia".
//
// Only heads of state or government count (the office cues: president, prime minister,
// premier, chancellor, king, queen; not "leader" nor "vice president"), and only names of
// two or three capitalised words that overlap no known entity.
#ifndef PARLEY_INGEST_TITLED_LEADERS_H_
#define PARLEY_INGEST_TITLED_LEADERS_H_

#include <string>
#include <vector>

#include "ingest/annotate.h"

namespace parley::ingest {

struct TitledLeader {
  std::string name;                  // as written, honorifics dropped: "Abiy Ahmed"
  std::vector<std::string> aliases;  // the single names it may be shortened to
  std::string country;               // the lexicon's canonical country name
  std::string office;                // "Prime Minister"
  bool operator==(const TitledLeader&) const = default;
};

// The titled leaders of `sentences` (annotated with `annotator`), each once, in text order.
// `host_country` (a lexicon country index, or -1): the country whose capital datelines the
// article; a title naming no country ("President Isaias Afwerki") is taken to be that
// country's when no other titled leader is of it.
std::vector<TitledLeader> FindTitledLeaders(const Annotator& annotator,
                                            const std::vector<Sentence>& sentences,
                                            int host_country = -1);

// Lexicon rows (leaders.tsv format, header included) for `leaders`, with no dates: in office
// at any time the article speaks of.
std::string LeaderRows(const std::vector<TitledLeader>& leaders);

}  // namespace parley::ingest

#endif  // PARLEY_INGEST_TITLED_LEADERS_H_
