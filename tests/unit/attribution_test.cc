#include "ingest-service/extract/attribution.h"

#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest-service/extract/mentions.h"
#include "ingest-service/extract/organisations.h"
#include "ingest-service/extract/segmenter.h"

namespace claims::extract {
namespace {

using ::testing::ElementsAre;
using ::testing::SizeIs;

// An attribution as strings: easy to compare exactly.
struct Found {
  AttributionKind kind;
  std::string cue;
  std::string speaker;     // head of the speaker phrase
  std::string apposition;  // may be empty
  std::vector<std::string> content;
  bool of_record = false;
};

std::string Range(absl::string_view text, const Segmentation& seg, TokenRange r) {
  if (r.empty()) return "";
  return std::string(text.substr(seg.tokens[r.begin].begin,
                                 seg.tokens[r.end - 1].end - seg.tokens[r.begin].begin));
}

std::vector<Found> Find(absl::string_view text) {
  const Segmentation seg = Segment(text);
  std::vector<Found> out;
  for (const Attribution& a : FindAttributions(text, seg)) {
    Found f;
    f.kind = a.kind;
    f.of_record = a.of_record;
    f.cue = std::string(text.substr(a.cue.begin, a.cue.end - a.cue.begin));
    f.speaker = Range(text, seg, a.speaker.head);
    f.apposition = Range(text, seg, a.speaker.apposition);
    for (const ByteSpan& s : a.content) f.content.emplace_back(text.substr(s.begin, s.end - s.begin));
    out.push_back(std::move(f));
  }
  return out;
}

#define LQ "\xE2\x80\x9C"  // “
#define RQ "\xE2\x80\x9D"  // ”

TEST(AttributionTest, QuoteAfterColonCueIsDirectWithSpeakerBefore) {
  const auto found = Find("Marion Macalpine said: " LQ "We object to this." RQ);
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].kind, AttributionKind::kDirectQuote);
  EXPECT_EQ(found[0].cue, "said");
  EXPECT_EQ(found[0].speaker, "Marion Macalpine");
  EXPECT_THAT(found[0].content, ElementsAre("We object to this."));
}

TEST(AttributionTest, TrailingCommaAndQuoteMarksAreExcludedFromTheContent) {
  const auto found = Find("\"We object,\" she said.");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].speaker, "she");
  EXPECT_THAT(found[0].content, ElementsAre("We object"));
}

TEST(AttributionTest, InvertedCueTakesTheSpeakerAndRoleAfterIt) {
  const auto found = Find(LQ "It is a data grab," RQ " said Tom Baines, chair of the group.");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].speaker, "Tom Baines");
  EXPECT_EQ(found[0].apposition, "chair of the group");
}

TEST(AttributionTest, SplitQuoteIsOneClaimWithTwoContentSpans) {
  const auto found = Find("\"The consultation was a sham,\" he said, \"and we will prove it.\"");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].cue, "said");
  EXPECT_THAT(found[0].content, ElementsAre("The consultation was a sham", "and we will prove it."));
}

TEST(AttributionTest, QuoteRightAfterTheAttributionSentenceContinuesIt) {
  const auto found = Find("\"People trust their GP,\" she added. \"That trust is hard to win back.\"");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_THAT(found[0].content, ElementsAre("People trust their GP", "That trust is hard to win back."));
}

TEST(AttributionTest, QuoteContinuesIntoAParagraphThatOpensWithAQuoteMark) {
  const auto found = Find("Priya Shah said: \"I come here every morning.\n\n\"If they close it, I will be lost.\"");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].speaker, "Priya Shah");
  EXPECT_THAT(found[0].content, ElementsAre("I come here every morning.", "If they close it, I will be lost."));
}

TEST(AttributionTest, MultiSentenceQuoteIsOneSpan) {
  const auto found = Find("She said: \"We object. We always have. We always will.\"");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_THAT(found[0].content, ElementsAre("We object. We always have. We always will."));
}

TEST(AttributionTest, QuestionQuoteWithTheCueInTheNextSentenceIsAttributed) {
  const auto found = Find("\"Who can see the data?\" Ms Macalpine asked.");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].cue, "asked");
  EXPECT_EQ(found[0].speaker, "Ms Macalpine");
}

TEST(AttributionTest, AccordingToBeforeAQuote) {
  const auto found = Find("According to the council, \"the libraries will stay open.\"");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].cue, "According to");
  EXPECT_EQ(found[0].speaker, "the council");
}

TEST(AttributionTest, IndirectSpeechDropsThatAndTheFullStop) {
  const auto found = Find("Health minister Karin Smyth said that patient data remained under NHS control.");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].kind, AttributionKind::kIndirect);
  EXPECT_EQ(found[0].speaker, "Health minister Karin Smyth");
  EXPECT_THAT(found[0].content, ElementsAre("patient data remained under NHS control"));
}

TEST(AttributionTest, IndirectSpeechAfterALeadingAdverbialAndWithoutThat) {
  const auto found = Find("In July 2025, NHS England said more than half of trusts had signed up.");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].speaker, "NHS England");
  EXPECT_THAT(found[0].content, ElementsAre("more than half of trusts had signed up"));
}

TEST(AttributionTest, AppositionBetweenSpeakerAndCue) {
  const auto found = Find("Jane Doe, a spokeswoman for Homerton Healthcare NHS Foundation Trust, said "
                          "the trust had done its checks.");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].speaker, "Jane Doe");
  EXPECT_EQ(found[0].apposition, "a spokeswoman for Homerton Healthcare NHS Foundation Trust");
  EXPECT_THAT(found[0].content, ElementsAre("the trust had done its checks"));
}

TEST(AttributionTest, ContentBeforeTheCueAtTheEndOfTheSentence) {
  const auto found = Find("The platform is safe and secure, NHS England said on Wednesday.");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].speaker, "NHS England");
  EXPECT_THAT(found[0].content, ElementsAre("The platform is safe and secure"));
}

TEST(AttributionTest, ContentBeforeAnInvertedCue) {
  const auto found = Find("The platform is safe and secure, said a spokesperson for NHS England.");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].speaker, "a spokesperson for NHS England");
  EXPECT_THAT(found[0].content, ElementsAre("The platform is safe and secure"));
}

TEST(AttributionTest, AccordingToAtTheStartAndAtTheEnd) {
  auto found = Find("According to the coalition, more than 300 residents have opted out.");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].speaker, "the coalition");
  EXPECT_THAT(found[0].content, ElementsAre("more than 300 residents have opted out"));
  found = Find("More than 300 residents have opted out, according to the coalition.");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].cue, "according to");
  EXPECT_THAT(found[0].content, ElementsAre("More than 300 residents have opted out"));
}

TEST(AttributionTest, ToldTakesAListenerBeforeTheContent) {
  const auto found = Find("Ms Macalpine told the Hackney Gazette that the petition had 2,000 names.");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].cue, "told");
  EXPECT_THAT(found[0].content, ElementsAre("the petition had 2,000 names"));
}

TEST(AttributionTest, OtherReportingVerbsInPresentAndPastTense) {
  for (const char* verb : {"warned", "warns", "claimed", "argues", "insisted", "added",
                           "stated", "explained", "noted", "suggested", "announced",
                           "confirmed", "denied", "admitted", "wrote", "believes",
                           "maintained", "stressed", "acknowledged", "asserted", "alleged",
                           "revealed", "pointed out", "responded", "replied"}) {
    const std::string text =
        std::string("The campaigners ") + verb + " that the contract was far too secretive.";
    const auto found = Find(text);
    ASSERT_THAT(found, SizeIs(1)) << verb;
    EXPECT_EQ(found[0].cue, verb);
    EXPECT_THAT(found[0].content, ElementsAre("the contract was far too secretive")) << verb;
  }
}

TEST(AttributionTest, IndirectContentWithAQuotedFragmentIsMixed) {
  const auto found = Find("She said the contract contained " LQ "strict safeguards" RQ " and was audited.");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].kind, AttributionKind::kMixed);
  EXPECT_THAT(found[0].content, ElementsAre("the contract contained " LQ "strict safeguards" RQ " and was audited"));
}

TEST(AttributionTest, ReportsAreRecordsAndPassivesAreNotSpeakers) {
  // A document says things on the record, as no one's claim (Attribution::of_record).
  const auto report = Find("The report said the platform was safe for all patients.");
  ASSERT_THAT(report, SizeIs(1));
  EXPECT_TRUE(report[0].of_record);
  EXPECT_THAT(Find("The minister is said to be furious about the leak."), SizeIs(0));
  EXPECT_THAT(Find("Stephen Kinnock was asked about the case in the Commons."), SizeIs(0));
  const auto minister = Find("The minister said the platform was safe for all patients.");
  ASSERT_THAT(minister, SizeIs(1));
  EXPECT_FALSE(minister[0].of_record);
}

TEST(AttributionTest, UnattributedAndScareQuotesAreNotClaims) {
  EXPECT_THAT(Find("The so-called \"data grab\" continues."), SizeIs(0));
  EXPECT_THAT(Find("\"This is a scandal.\" The words were painted on a wall."), SizeIs(0));
}

TEST(AttributionTest, QuoteSignedWithADashIsAttributedToTheNameAfterIt) {
  // Vox pops: a paragraph of quotation, a dash (horizontal bar, em or en dash), the name.
  const auto found = Find(LQ "The platform puts patients at risk. Nobody asked us." RQ
                          " \xE2\x80\x95 Marion Macalpine\n\n" LQ
                          "We were never consulted about any of this." RQ
                          "\xE2\x80\x94 Tom Baker, Hackney resident.");
  ASSERT_THAT(found, SizeIs(2));
  EXPECT_EQ(found[0].kind, AttributionKind::kDirectQuote);
  EXPECT_EQ(found[0].cue, "\xE2\x80\x95");
  EXPECT_EQ(found[0].speaker, "Marion Macalpine");
  EXPECT_THAT(found[0].content, ElementsAre("The platform puts patients at risk. Nobody asked us."));
  EXPECT_EQ(found[1].cue, "\xE2\x80\x94");
  EXPECT_EQ(found[1].speaker, "Tom Baker");
  EXPECT_EQ(found[1].apposition, "Hackney resident");
}

TEST(AttributionTest, ADashAfterAQuoteSignsItOnlyWhenANameRunsToTheEnd) {
  EXPECT_THAT(Find(LQ "We object to all of it," RQ " \xE2\x80\x94 and then the meeting ended."),
              SizeIs(0));
  EXPECT_THAT(Find("The " LQ "data grab" RQ " \xE2\x80\x94 Palantir's contract \xE2\x80\x94 "
                   "was signed in 2023."),
              SizeIs(0));
}

TEST(AttributionTest, HeadlineSpeakerColonWordsIsAnAttribution) {
  const auto found = Find("Palantir: NHS patient data never leaves the platform\n\n"
                          "Dr. Ben Carson: " LQ "Not fit to serve as president" RQ "\n\n"
                          "Update: the council said nothing more\n\n"
                          "Key points: the contract, the cost, the safeguards.\n\n"
                          "The deal was signed in July: critics were not told.");
  ASSERT_THAT(found, SizeIs(2));
  EXPECT_EQ(found[0].kind, AttributionKind::kIndirect);
  EXPECT_EQ(found[0].cue, ":");
  EXPECT_EQ(found[0].speaker, "Palantir");
  EXPECT_THAT(found[0].content, ElementsAre("NHS patient data never leaves the platform"));
  EXPECT_EQ(found[1].kind, AttributionKind::kDirectQuote);
  EXPECT_EQ(found[1].speaker, "Dr. Ben Carson");
}

TEST(AttributionTest, TranscriptLinesAreQuotesOfTheSpeakerInCapitals) {
  const auto found = Find("Partial transcript as follows:\n\n"
                          "\"WALLACE: Let's start with the debate. Will she be there?\n\n"
                          "\"PENCE: Well, look, she will not be attending. That is final.\"\n\n"
                          "UPDATE: the debate was moved to Thursday night.");
  ASSERT_THAT(found, SizeIs(2));
  EXPECT_EQ(found[0].kind, AttributionKind::kDirectQuote);
  EXPECT_EQ(found[0].cue, ":");
  EXPECT_EQ(found[0].speaker, "WALLACE");
  EXPECT_THAT(found[0].content, ElementsAre("Let's start with the debate. Will she be there"));
  EXPECT_EQ(found[1].speaker, "PENCE");
  EXPECT_THAT(found[1].content, ElementsAre("Well, look, she will not be attending. That is final"));
}

TEST(AttributionTest, AClosingMarkThatOpensAParagraphOpensItsQuote) {
  // Some sites type ” for both marks.
  const auto found = Find(RQ "The platform puts patients at risk." RQ " \xE2\x80\x95 Marion Macalpine");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].speaker, "Marion Macalpine");
  EXPECT_THAT(found[0].content, ElementsAre("The platform puts patients at risk."));
}

TEST(AttributionTest, DescribedAsIsAReportingVerb) {
  const auto found = Find("Priya Shah, 67, described the library as her lifeline.");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].cue, "described");
  EXPECT_EQ(found[0].speaker, "Priya Shah");
  EXPECT_THAT(found[0].content, ElementsAre("the library as her lifeline"));
}

TEST(AttributionTest, ArchiveStyleQuotationMarksMakeADirectQuote) {
  const auto found = Find("''It's anti-reform,'' said Mr. Burman, a tax expert.");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].kind, AttributionKind::kDirectQuote);
  EXPECT_EQ(found[0].cue, "said");
  EXPECT_EQ(found[0].speaker, "Mr. Burman");
  EXPECT_THAT(found[0].content, ElementsAre("It's anti-reform"));
}

TEST(AttributionTest, ContentKindFollowsTheQuotationMarksInTheSpans) {
  const std::string text = LQ "We object," RQ " she said, calling it " LQ "a grab" RQ " of data.";
  auto span = [&](absl::string_view s) {
    const size_t at = text.find(std::string(s));
    return ByteSpan{at, at + s.size()};
  };
  EXPECT_EQ(ContentKind(text, {span(LQ "We object," RQ)}), AttributionKind::kDirectQuote);
  EXPECT_EQ(ContentKind(text, {span("calling it " LQ "a grab" RQ " of data")}), AttributionKind::kMixed);
  EXPECT_EQ(ContentKind(text, {span(LQ "We object," RQ), span("of data")}), AttributionKind::kMixed);
  EXPECT_EQ(ContentKind(text, {span("she said")}), AttributionKind::kIndirect);
  EXPECT_EQ(ContentKind("''Yes,'' he said", {{0, 8}}), AttributionKind::kDirectQuote);
}

TEST(AttributionTest, FindQuotesPairsStraightAndCurlyMarksAndSkipsApostrophes) {
  const std::string text = "Hackney\xE2\x80\x99s \"first\" and " LQ "second" RQ " and \xE2\x80\x98third\xE2\x80\x99.";
  const Segmentation seg = Segment(text);
  std::vector<std::string> contents;
  for (const Quote& q : FindQuotes(text, seg)) {
    contents.emplace_back(text.substr(q.content.begin, q.content.end - q.content.begin));
  }
  EXPECT_THAT(contents, ElementsAre("first", "second", "third"));
}

TEST(AttributionTest, RandomTextNeverCrashes) {
  std::mt19937 rng(7);
  const std::vector<std::string> words = {
      "said", "she", "he", "told", "according", "to", "Ms", "Smith", "NHS", "England", ",",
      ".", ":", "\"", LQ, RQ, "that", "the", "group", "\n\n", "(", ")", "added", "Mr.", "?"};
  for (int iter = 0; iter < 3000; ++iter) {
    std::string text;
    const int n = static_cast<int>(rng() % 60);
    for (int i = 0; i < n; ++i) {
      text += words[rng() % words.size()];
      if (rng() % 3) text += ' ';
      if (rng() % 50 == 0) text.push_back(static_cast<char>(rng() % 256));
    }
    const Segmentation seg = Segment(text);
    const auto attributions = FindAttributions(text, seg);
    OrganisationCatalog catalog;
    ArticleOrganisations orgs(text, seg, catalog);
    SpeakerResolver resolver(text, seg, orgs, FindQuotes(text, seg));
    for (const Attribution& a : attributions) {
      ASSERT_FALSE(a.content.empty());
      for (const ByteSpan& s : a.content) ASSERT_LE(s.end, text.size());
      const ResolvedSpeaker r = resolver.Resolve(a.speaker);
      ASSERT_LE(r.mention.end, text.size());
    }
  }
}

}  // namespace
}  // namespace claims::extract
