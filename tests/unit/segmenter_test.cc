#include "ingest-service/extract/segmenter.h"

#include <random>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace claims::extract {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> Sentences(absl::string_view text) {
  const Segmentation seg = Segment(text);
  std::vector<std::string> out;
  for (const Sentence& s : seg.sentences) out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

std::vector<std::string> Tokens(absl::string_view text) {
  const Segmentation seg = Segment(text);
  std::vector<std::string> out;
  for (const Token& t : seg.tokens) out.emplace_back(TokenText(text, t));
  return out;
}

TEST(SegmenterTest, BlankLinesAndSingleNewlinesSeparateParagraphs) {
  const std::string text = "First line.\nSecond line.\n\n  Third, after a blank line.  \n";
  const Segmentation seg = Segment(text);
  ASSERT_EQ(seg.paragraphs.size(), 3u);
  EXPECT_EQ(text.substr(seg.paragraphs[2].begin, seg.paragraphs[2].end - seg.paragraphs[2].begin),
            "Third, after a blank line.");
}

TEST(SegmenterTest, OnlyBlankLinesSeparateParagraphsWhenAskedSo) {
  const Segmentation seg = Segment("One line\ncontinues here.\n\nNext.", {false});
  EXPECT_EQ(seg.paragraphs.size(), 2u);
}

TEST(SegmenterTest, TitlesAbbreviationsInitialsAndDecimalsDoNotEndSentences) {
  EXPECT_THAT(Sentences("Mr Smith met Dr. Jones at St. Mary's. Prof. J. R. Hale paid $3.5m "
                        "on Jan. 5 for the U.S. office. It opened."),
              ElementsAre("Mr Smith met Dr. Jones at St. Mary's.",
                          "Prof. J. R. Hale paid $3.5m on Jan. 5 for the U.S. office.",
                          "It opened."));
}

TEST(SegmenterTest, AnAbbreviationEndsTheSentenceBeforeACommonSentenceStarter) {
  EXPECT_THAT(Sentences("She moved to the U.S. The move was hard."),
              ElementsAre("She moved to the U.S.", "The move was hard."));
}

TEST(SegmenterTest, ClosingQuotesAfterTheFullStopStayInTheSentence) {
  EXPECT_THAT(Sentences("She said: \xE2\x80\x9CWe object.\xE2\x80\x9D Then she left. \"Why?\" he asked."),
              ElementsAre("She said: \xE2\x80\x9CWe object.\xE2\x80\x9D", "Then she left.",
                          "\"Why?\" he asked."));
}

TEST(SegmenterTest, SentencesNeverCrossParagraphs) {
  EXPECT_THAT(Sentences("A headline without a stop\nThe body starts here."),
              ElementsAre("A headline without a stop", "The body starts here."));
}

TEST(SegmenterTest, WordsKeepInnerApostrophesHyphensAndThousands) {
  EXPECT_THAT(Tokens("Hackney\xE2\x80\x99s co-founder didn't pay 2,000."),
              ElementsAre("Hackney\xE2\x80\x99s", "co-founder", "didn't", "pay", "2,000", "."));
}

TEST(SegmenterTest, QuotationMarksAreClassifiedByShapeAndContext) {
  const std::string text = "\"A\" \xE2\x80\x9C" "B\xE2\x80\x9D \xC2\xAB" "C\xC2\xBB \xE2\x80\x98" "D\xE2\x80\x99";
  const Segmentation seg = Segment(text);
  std::vector<QuoteRole> roles;
  for (const Token& t : seg.tokens) {
    if (t.kind == TokenKind::kQuote) roles.push_back(t.quote);
  }
  EXPECT_THAT(roles, ElementsAre(QuoteRole::kDoubleOpen, QuoteRole::kDoubleClose,
                                 QuoteRole::kDoubleOpen, QuoteRole::kDoubleClose,
                                 QuoteRole::kDoubleOpen, QuoteRole::kDoubleClose,
                                 QuoteRole::kSingleOpen, QuoteRole::kSingleClose));
}

TEST(SegmenterTest, TwoApostrophesOrBackticksAreOneDoubleQuotationMark) {
  // As news archives write quotations: ''It's anti-reform,'' he said. ``Yes,'' she said.
  const std::string text = "''It's anti-reform,'' he said. ``Yes,'' she said. The players' union.";
  const Segmentation seg = Segment(text);
  std::vector<std::string> marks;
  std::vector<QuoteRole> roles;
  for (const Token& t : seg.tokens) {
    if (t.kind != TokenKind::kQuote) continue;
    marks.emplace_back(TokenText(text, t));
    roles.push_back(t.quote);
  }
  EXPECT_THAT(marks, ElementsAre("''", "''", "``", "''", "'"));
  EXPECT_THAT(roles, ElementsAre(QuoteRole::kDoubleOpen, QuoteRole::kDoubleClose,
                                 QuoteRole::kDoubleOpen, QuoteRole::kDoubleClose,
                                 QuoteRole::kSingleClose));
  EXPECT_EQ(DoubleQuoteMarkAt(text, 0), 2u);
  EXPECT_EQ(DoubleQuoteMarkAt(text, 2), 0u);
  EXPECT_EQ(DoubleQuoteMarkBefore(text, text.find(" he")), 2u);
  EXPECT_EQ(DoubleQuoteMarkBefore(text, text.find(" union")), 0u);  // one apostrophe
  const std::string curly = "\xE2\x80\x9CYes\xE2\x80\x9D";
  EXPECT_EQ(DoubleQuoteMarkAt(curly, 0), 3u);
  EXPECT_EQ(DoubleQuoteMarkBefore(curly, curly.size()), 3u);
}

TEST(SegmenterTest, TokensCarryByteOffsetsIntoTheOriginalText) {
  const std::string text = "\xE2\x80\x9CNo,\xE2\x80\x9D she said.";
  const Segmentation seg = Segment(text);
  ASSERT_EQ(seg.tokens.size(), 7u);
  EXPECT_EQ(seg.tokens[1].begin, 3u);  // after the 3-byte curly quote
  EXPECT_EQ(TokenText(text, seg.tokens[4]), "she");
}

TEST(SegmenterTest, CapitalisationIsRecordedPerWord) {
  const std::string text = "Zoe met \xC3\x89mile and bob.";
  const Segmentation seg = Segment(text);
  EXPECT_TRUE(seg.tokens[0].capitalised);
  EXPECT_FALSE(seg.tokens[1].capitalised);
  EXPECT_TRUE(seg.tokens[2].capitalised);
  EXPECT_FALSE(seg.tokens[4].capitalised);
}

TEST(SegmenterTest, RandomBytesNeverCrashAndOffsetsStayInRange) {
  std::mt19937 rng(42);
  const std::string alphabet = "aZ .,;:!?\"'()\n\n\t-\xE2\x80\x9C\xE2\x80\x9D\xC2\xAB\xFF\x80";
  for (int iter = 0; iter < 2000; ++iter) {
    std::string text;
    const int n = static_cast<int>(rng() % 200);
    for (int i = 0; i < n; ++i) {
      text.push_back(rng() % 4 == 0 ? static_cast<char>(rng() % 256)
                                    : alphabet[rng() % alphabet.size()]);
    }
    const Segmentation seg = Segment(text);
    for (const Token& t : seg.tokens) {
      ASSERT_LE(t.begin, t.end);
      ASSERT_LE(t.end, text.size());
      ASSERT_LT(t.sentence, seg.sentences.size());
    }
  }
}

}  // namespace
}  // namespace claims::extract
