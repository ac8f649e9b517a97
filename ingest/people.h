// People who are not heads of state or government (ministers, aides, envoys, party leaders),
// found by the role the text gives them:
//   a role before the name    "Foreign Minister Sergei Lavrov", "ambassador to China Li Wei"
//   a role in apposition      "Sergei Lavrov, the Russian foreign minister", "Ms. Ann Lee,
//                             Speaker of the House"
// The name is two or three capitalised words the lexicon does not know as a leader, country or
// place; an honorific before it ("Mr.", "Dr.") is dropped.
#ifndef PARLEY_INGEST_PEOPLE_H_
#define PARLEY_INGEST_PEOPLE_H_

#include <string>
#include <vector>

#include "ingest/doc.h"

namespace parley::ingest {

struct PersonFound {
  std::string name;
  std::string role;      // as written: "Russian foreign minister"
  std::string evidence;  // the first sentence naming the person with the role
  int mentions = 0;      // sentences naming the person with a role
};

// The people of `doc` (annotated), each once, in order of first mention.
std::vector<PersonFound> FindPeople(const Doc& doc);

}  // namespace parley::ingest

#endif  // PARLEY_INGEST_PEOPLE_H_
