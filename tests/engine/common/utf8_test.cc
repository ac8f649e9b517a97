#include "engine/common/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace parley {
namespace {

using namespace std::string_literals;

TEST(Utf8Test, WellFormedTextHasNoInvalidByte) {
  EXPECT_EQ(FindInvalidUtf8(""), std::nullopt);
  EXPECT_EQ(FindInvalidUtf8("plain ASCII text, longer than eight bytes"), std::nullopt);
  EXPECT_EQ(FindInvalidUtf8("caf\xc3\xa9 \xe4\xb8\xad\xe6\x96\x87 \xf0\x9f\x98\x80"), std::nullopt);
  EXPECT_EQ(FindInvalidUtf8("nul\0inside"s), std::nullopt);
  EXPECT_EQ(FindInvalidUtf8("\xf4\x8f\xbf\xbf"), std::nullopt);  // U+10FFFF, the last
}

TEST(Utf8Test, MalformedSequencesAreFoundAtTheirFirstByte) {
  const std::string never = "a\xff\xfe";  // bytes UTF-8 never uses
  EXPECT_EQ(FindInvalidUtf8(never + "b"), 1u);
  EXPECT_EQ(FindInvalidUtf8("abcdefghij\x80"), 10u);  // stray continuation byte
  EXPECT_EQ(FindInvalidUtf8("x\xc3"), 1u);            // truncated at the end
  const std::string truncated = "\xe2\x82";
  EXPECT_EQ(FindInvalidUtf8(truncated + "A"), 0u);                   // truncated in the middle
  EXPECT_EQ(FindInvalidUtf8("\xc0\xaf"), 0u);                        // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("\xe0\x80\xaf"), 0u);                    // overlong, three bytes
  EXPECT_EQ(FindInvalidUtf8("\xed\xa0\x80"), 0u);                    // surrogate U+D800
  EXPECT_EQ(FindInvalidUtf8("\xf4\x90\x80\x80"), 0u);                // past U+10FFFF
  EXPECT_EQ(FindInvalidUtf8("caf\xc3\xa9 ok then \xe9t\xe9"), 14u);  // Latin-1 after UTF-8
}

TEST(Utf8Test, ReplacingInvalidBytesKeepsWellFormedText) {
  EXPECT_EQ(ReplaceInvalidUtf8("caf\xc3\xa9", "?"), "caf\xc3\xa9");
  const std::string never = "a\xff\xfe";
  EXPECT_EQ(ReplaceInvalidUtf8(never + "b\xe2\x82", "?"), "a??b??");
}

}  // namespace
}  // namespace parley
