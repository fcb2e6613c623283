#include "ingest-service/extract/taxonomy.h"

#include <set>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace claims::extract {
namespace {

constexpr char kSmall[] =
    "# test taxonomy\n"
    "health\t-\tHealth\thealth|doctor\n"
    "health/services\thealth\tHealth services\tnhs|hospital|waiting list\n"
    "tech\t\tScience and technology\ttechnology\n"
    "tech/privacy\ttech\tData protection and privacy\tprivacy|personal data|opt-out|gdpr\n"
    "politics\t-\tPolitics\tminister|council\r\n"
    "\n";

Taxonomy Small() {
  absl::StatusOr<Taxonomy> t = Taxonomy::Parse(kSmall);
  EXPECT_TRUE(t.ok()) << t.status();
  return *std::move(t);
}

std::string ShippedPath() { return std::string(CLAIMS_TEST_FIXTURES) + "/../../ingest-service/data/taxonomy.tsv"; }

TEST(TaxonomyTest, ParsesTopicsParentsAndLowerCasedKeywords) {
  const Taxonomy t = Small();
  ASSERT_EQ(t.topics().size(), 5u);
  const TopicEntry* privacy = t.Find("tech/privacy");
  ASSERT_NE(privacy, nullptr);
  EXPECT_EQ(privacy->label, "Data protection and privacy");
  EXPECT_EQ(privacy->parent_id, "tech");
  EXPECT_EQ(privacy->keywords,
            (std::vector<std::string>{"privacy", "personal data", "opt out", "gdpr"}));
  EXPECT_EQ(t.Find("tech")->parent_id, "");  // empty column means top level, like "-"
  EXPECT_EQ(t.Find("politics")->keywords, (std::vector<std::string>{"minister", "council"}));
  EXPECT_EQ(t.Find("nope"), nullptr);
}

TEST(TaxonomyTest, ScoresClaimTextAboveContextAndLeavesOutImpliedParents) {
  const Taxonomy t = Small();
  const std::vector<TopicScore> s =
      t.Score("Patients' personal data will be shared without consent, the GDPR says",
              "The NHS said so.", "", 5, 0.0f);
  // tech and health are implied by their subtopics, so only the subtopics are listed.
  ASSERT_EQ(s.size(), 2u);
  // tech/privacy: 2 claim hits -> x = 2.
  EXPECT_EQ(s[0].id, "tech/privacy");
  EXPECT_EQ(s[0].label, "Data protection and privacy");
  EXPECT_NEAR(s[0].score, 1 - std::exp(-2.0), 1e-5);
  // health/services: one context hit -> 0.4.
  EXPECT_EQ(s[1].id, "health/services");
  EXPECT_NEAR(s[1].score, 1 - std::exp(-0.4), 1e-5);
}

TEST(TaxonomyTest, AParentIsCreditedByItsSubtopicsWhenItStandsAlone) {
  const Taxonomy t = Small();
  // "technology" hits tech itself (x = 1); "privacy" in the context gives tech/privacy
  // 0.4 (score 0.33, under the 0.4 minimum) and passes 0.2 up to tech: x = 1.2.
  const std::vector<TopicScore> s = t.Score("New technology", "privacy", "", 3, 0.4f);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].id, "tech");
  EXPECT_NEAR(s[0].score, 1 - std::exp(-1.2), 1e-5);
}

TEST(TaxonomyTest, MinScoreAndMaxTopicsFilter) {
  const Taxonomy t = Small();
  const std::vector<TopicScore> s =
      t.Score("Patients' personal data will be shared, the GDPR says", "The NHS said so.", "");
  // Defaults: at most 3, score >= 0.2; the parents are implied by the subtopics.
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[1].id, "health/services");
  EXPECT_EQ(t.Score("privacy", "", "", 1, 0.2f).size(), 1u);
  EXPECT_TRUE(t.Score("privacy", "", "", 0, 0.0f).empty());
  EXPECT_TRUE(t.Score("nothing to see here", "", "").empty());
}

TEST(TaxonomyTest, MatchesWholeWordsCaseInsensitivelyWithPluralsAndPhrases) {
  const Taxonomy t = Small();
  auto top = [&](absl::string_view text) {
    const auto s = t.Score(text, "", "", 1, 0.0f);
    return s.empty() ? std::string() : s[0].id;
  };
  EXPECT_EQ(top("HOSPITALS were full"), "health/services");
  EXPECT_EQ(top("two Waiting\nLists grew"), "health/services");
  EXPECT_EQ(top("a national data opt out"), "tech/privacy");
  EXPECT_EQ(top("a national data opt\xE2\x80\x91out"), "tech/privacy");  // non-breaking hyphen
  EXPECT_EQ(top("\xE2\x80\x9Cprivacy\xE2\x80\x9D matters"), "tech/privacy");  // curly quotes
  EXPECT_EQ(top("hospitality and privacyx and ministerial"), "");  // no partial words
  EXPECT_EQ(top("waiting for the list"), "");                      // a phrase is contiguous
}

TEST(TaxonomyTest, ArticleEvidenceIsWeakAndCapped) {
  const Taxonomy t = Small();
  std::string article;
  for (int i = 0; i < 50; ++i) article += "privacy ";
  const std::vector<TopicScore> s = t.Score("The minister spoke.", "", article, 5, 0.0f);
  ASSERT_GE(s.size(), 2u);
  EXPECT_EQ(s[0].id, "politics");
  EXPECT_NEAR(s[0].score, 1 - std::exp(-1.0), 1e-5);
  EXPECT_EQ(s[1].id, "tech/privacy");
  EXPECT_NEAR(s[1].score, 1 - std::exp(-0.5), 1e-5);  // 50 hits * 0.1, capped at 0.5
  // CountHits + ScoreWithHits gives the same as Score.
  const auto hits = t.CountHits(article);
  EXPECT_EQ(hits[t.topics().size() - 2], 50.0f);
  const auto again = t.ScoreWithHits("The minister spoke.", "", hits, 5, 0.0f);
  ASSERT_EQ(again.size(), s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    EXPECT_EQ(again[i].id, s[i].id);
    EXPECT_FLOAT_EQ(again[i].score, s[i].score);
  }
}

TEST(TaxonomyTest, MatchesFoundOnceCountAnyPartOfTheText) {
  const Taxonomy t = Small();
  const std::string text = "Hospitals and waiting lists. The national data opt out. Privacy.";
  const std::vector<Taxonomy::Match> matches = t.FindMatches(text);
  std::vector<std::string> found;
  for (const auto& m : matches) found.push_back(text.substr(m.begin, m.end - m.begin));
  EXPECT_THAT(found, ::testing::ElementsAre("Hospitals", "waiting lists", "opt out",
                                            "Privacy"));
  // Any part counts as CountHits of that part would, but for a keyword its edges cut.
  for (const auto& [b, e] : std::vector<std::pair<size_t, size_t>>{
           {0, text.size()}, {0, 28}, {29, text.size()}, {14, 40}}) {
    const Taxonomy::Hits part = t.CountMatches(matches, b, e);
    const Taxonomy::Hits scanned = t.CountHits(absl::string_view(text).substr(b, e - b));
    EXPECT_EQ(part, scanned) << b << ".." << e;
  }
  EXPECT_EQ(t.CountMatches(matches, 5, 20), t.CountHits(""));  // "waiting lists" is cut
  // ScoreFromHits is Score from counts.
  const auto direct = t.Score("Privacy.", text, text, 3, 0.0f);
  const auto counted = t.ScoreFromHits(t.CountHits("Privacy."), t.CountMatches(matches, 0, text.size()),
                                       t.CountHits(text), 3, 0.0f);
  ASSERT_EQ(direct.size(), counted.size());
  for (size_t i = 0; i < direct.size(); ++i) {
    EXPECT_EQ(direct[i].id, counted[i].id);
    EXPECT_FLOAT_EQ(direct[i].score, counted[i].score);
  }
}

TEST(TaxonomyTest, ParseErrorsNameTheLine) {
  struct Case {
    const char* content;
    const char* message;
  } cases[] = {
      {"a\t-\tA\tx\nb\tzz\tB\ty\n", "taxonomy line 2: unknown parent \"zz\""},
      {"a\t-\tA\tx\n# c\na\t-\tA2\ty\n", "taxonomy line 3: duplicate topic id \"a\""},
      {"a\t-\t \tx\n", "taxonomy line 1: missing label"},
      {"a\t-\n", "taxonomy line 1: expected 4 tab-separated columns"},
      {"a b\t-\tA\tx\n", "taxonomy line 1: invalid topic id"},
      {"Health\t-\tA\tx\n", "taxonomy line 1: invalid topic id"},
      {"b/c\tb\tC\tx\nb\t-\tB\ty\n", "taxonomy line 1: unknown parent \"b\""},
      {"# only comments\n\n", "taxonomy has no topics"},
  };
  for (const Case& c : cases) {
    absl::StatusOr<Taxonomy> t = Taxonomy::Parse(c.content);
    EXPECT_EQ(t.status().code(), absl::StatusCode::kInvalidArgument) << c.content;
    EXPECT_TRUE(absl::StartsWith(t.status().message(), c.message)) << t.status();
  }
}

TEST(TaxonomyTest, LoadFileMissingIsNotFound) {
  EXPECT_EQ(Taxonomy::LoadFile("/nonexistent/taxonomy.tsv").status().code(),
            absl::StatusCode::kNotFound);
}

TEST(TaxonomyTest, ShippedFileHasTheIptcTopLevelAndDomainChildren) {
  absl::StatusOr<Taxonomy> t = Taxonomy::LoadFile(ShippedPath());
  ASSERT_TRUE(t.ok()) << t.status();
  std::set<std::string> top;
  for (const TopicEntry& e : t->topics()) {
    if (e.parent_id.empty()) top.insert(e.id);
    EXPECT_FALSE(e.keywords.empty()) << e.id;
  }
  EXPECT_EQ(top, (std::set<std::string>{
                     "arts-culture-media", "conflict", "crime-law-justice", "disaster-accident",
                     "economy", "education", "environment", "health", "human-interest", "labour",
                     "lifestyle-leisure", "politics", "religion", "science-technology",
                     "society", "sport", "weather"}));
  for (const char* id : {"science-technology/data-protection", "health/health-services",
                         "health/health-data", "politics/government-contracts",
                         "politics/local-government", "economy/business",
                         "science-technology/ai"}) {
    EXPECT_NE(t->Find(id), nullptr) << id;
  }
}

TEST(TaxonomyTest, ShippedFileRecognisesTheDomain) {
  absl::StatusOr<Taxonomy> t = Taxonomy::LoadFile(ShippedPath());
  ASSERT_TRUE(t.ok()) << t.status();
  auto top = [&](absl::string_view claim) {
    const auto s = t->Score(claim, "", "", 1);
    return s.empty() ? std::string() : s[0].id;
  };
  EXPECT_EQ(top("Patients must be able to opt out before their confidential records are "
                "shared, and GDPR applies"),
            "science-technology/data-protection");
  EXPECT_EQ(top("The £330m procurement was awarded without a competitive tender"),
            "politics/government-contracts");
  EXPECT_EQ(top("Councillors voted for the motion at the full council meeting"),
            "politics/local-government");
  EXPECT_EQ(top("Waiting lists at the hospital have grown, GPs say"),
            "health/health-services");
}

}  // namespace
}  // namespace claims::extract
