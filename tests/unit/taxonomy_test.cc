#include "ingest-service/extract/taxonomy.h"

#include <cmath>
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

TEST(TaxonomyTest, ACorroboratingKeywordCountsOnlyBesideAPlainOneOfItsTopic) {
  absl::StatusOr<Taxonomy> t = Taxonomy::Parse(
      "arts\t-\tArts\tfilm|music|?theatre\n"
      "health\t-\tHealth\thospital|operating theatre\n");
  ASSERT_TRUE(t.ok()) << t.status();
  ASSERT_EQ(t->topics()[0].keywords.size(), 3u);
  EXPECT_EQ(t->topics()[0].keywords[2], "?theatre");
  auto ids = [&](absl::string_view claim, absl::string_view context = "") {
    std::vector<std::string> out;
    for (const TopicScore& s : t->Score(claim, context, "", 5, 0.0f)) out.push_back(s.id);
    return out;
  };
  // Alone, a corroborating keyword makes no topic.
  EXPECT_THAT(ids("theatre cancellations had fallen"), ::testing::IsEmpty());
  // Beside a plain keyword of its topic in the same text it counts.
  const auto with_film = t->Score("a theatre and film festival", "", "", 5, 0.0f);
  ASSERT_EQ(with_film.size(), 1u);
  EXPECT_NEAR(with_film[0].score, 1 - std::exp(-2.0), 1e-5);
  // Not corroborated by another part: the claim's "theatre" beside the context's "film".
  const auto split = t->Score("the theatre closed", "a film", "", 5, 0.0f);
  ASSERT_EQ(split.size(), 1u);
  EXPECT_NEAR(split[0].score, 1 - std::exp(-0.4), 1e-5);
  // CountMatches over a part corroborates within that part only.
  const std::string text = "The theatre closed. A film opened.";
  const auto matches = t->FindMatches(text);
  EXPECT_EQ(t->CountMatches(matches, 0, 19)[0], 0.0f);
  EXPECT_EQ(t->CountMatches(matches, 0, text.size())[0], 2.0f);
}

TEST(TaxonomyTest, AKeywordInsideALongerOneOfAnotherTopicDoesNotCount) {
  absl::StatusOr<Taxonomy> t = Taxonomy::Parse(
      "environment\t-\tEnvironment\tenvironment|climate\n"
      "science\t-\tScience\tresearch\n"
      "health\t-\tHealth\thealth\n"
      "health/data\thealth\tHealth data\thealth data|trusted research environment|patient data\n"
      "health/services\thealth\tHealth services\tpatient\n");
  ASSERT_TRUE(t.ok()) << t.status();
  auto ids = [&](absl::string_view claim) {
    std::vector<std::string> out;
    for (const TopicScore& s : t->Score(claim, "", "", 5, 0.0f)) out.push_back(s.id);
    return out;
  };
  EXPECT_THAT(ids("accessed through a trusted research environment"), ::testing::ElementsAre("health/data"));
  // A sibling's shorter keyword is part of the phrase too.
  EXPECT_THAT(ids("the patient data was shared"), ::testing::ElementsAre("health/data"));
  // Outside the phrase the words count as before.
  EXPECT_THAT(ids("research on the environment"), ::testing::UnorderedElementsAre("environment", "science"));
  // A topic's ancestor keeps its own keyword inside its child's phrase ("health" of
  // "health data"), as the parent of a child that qualifies, it is then left out.
  const std::string text = "health data";
  EXPECT_EQ(t->FindMatches(text).size(), 2u);
}

TEST(TaxonomyTest, ShippedFileKeepsHomonymsAndJobTitlesOutOfTopics) {
  absl::StatusOr<Taxonomy> t = Taxonomy::LoadFile(ShippedPath());
  ASSERT_TRUE(t.ok()) << t.status();
  auto ids = [&](absl::string_view claim, absl::string_view context = "") {
    std::set<std::string> out;
    for (const TopicScore& s : t->Score(claim, context, "", 3)) out.insert(s.id);
    return out;
  };
  // Hospital theatres, wards and clinical trials.
  EXPECT_EQ(ids("theatre cancellations had fallen by 18 per cent").count("arts-culture-media"), 0u);
  EXPECT_EQ(ids("theatre cancellations had fallen by 18 per cent").count("health/health-services"), 1u);
  const auto trial = ids("We would need a randomised trial before anyone used this on wards.");
  EXPECT_EQ(trial.count("crime-law-justice"), 0u);
  EXPECT_EQ(trial.count("politics/local-government"), 0u);
  EXPECT_EQ(trial.count("health") + trial.count("health/health-services"), 1u);
  EXPECT_EQ(ids("the data were accessed through a trusted research environment").count("environment"), 0u);
  // A job title is no policing.
  EXPECT_EQ(ids("the company expected revenue to grow",
                "Chief financial officer David Glazer told an investor conference in June that the company "
                "expected revenue to grow")
                .count("crime-law-justice/policing"),
            0u);
  // The same words where their topic is plain from the text.
  EXPECT_EQ(ids("The theatre staged a new music festival").count("arts-culture-media"), 1u);
  EXPECT_EQ(ids("The council said the ward councillor would stand again").count("politics/local-government"), 1u);
  EXPECT_EQ(ids("The jury at the trial heard the court evidence").count("crime-law-justice"), 1u);
  EXPECT_EQ(ids("A police officer made the arrest").count("crime-law-justice/policing"), 1u);
}

}  // namespace
}  // namespace claims::extract
