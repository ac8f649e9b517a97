// People who are not heads of state (ingest/people.h), named with a role before or after them.
#include "ingest/people.h"

#include <gtest/gtest.h>

#include "tests/ingest/test_lexicon.h"

namespace parley::ingest {
namespace {

using testing::Extract;

// "name: role" of each person found, in order.
std::vector<std::string> People(std::string_view text) {
  std::vector<std::string> out;
  for (const EntityInfo& p : Extract(text).people) out.push_back(p.name + ": " + p.title);
  return out;
}

using Strings = std::vector<std::string>;

TEST(PeopleTest, RoleBeforeTheName) {
  EXPECT_EQ(People("Putin and Bush met. Russian Foreign Minister Ivan Petrov attended.\n"),
            Strings{"Ivan Petrov: Russian Foreign Minister"});
  EXPECT_EQ(People("Putin and Bush met. Russia's ambassador to China Ivan Petrov attended.\n"),
            Strings{"Ivan Petrov: ambassador to China"});
}

TEST(PeopleTest, RoleInApposition) {
  EXPECT_EQ(People("Putin and Bush met. Ivan Petrov, the Russian foreign minister, said so.\n"),
            Strings{"Ivan Petrov: Russian foreign minister"});
}

TEST(PeopleTest, EachRoleOfAListGoesToItsOwnName) {
  EXPECT_EQ(People("Putin and Bush met. The delegation comprises Dr. Ivan Petrov, Foreign "
                   "Minister, Ms. Anna Orlova, Speaker of the Duma.\n"),
            (Strings{"Ivan Petrov: Foreign Minister", "Anna Orlova: Speaker"}));
  EXPECT_EQ(People("Putin and Bush met. It included Foreign Secretary Ivan Petrov, National "
                   "Security Advisor Anna Orlova and others.\n"),
            (Strings{"Ivan Petrov: Foreign Secretary", "Anna Orlova: National Security Advisor"}));
}

TEST(PeopleTest, LeadersAndSingleWordsAreNoPeople) {
  EXPECT_EQ(People("Putin and Bush met. Foreign Minister Putin attended. The minister, Petrov, "
                   "spoke.\n"),
            Strings{});
}

}  // namespace
}  // namespace parley::ingest
