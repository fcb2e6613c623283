#include "ingest-service/extract/organisations.h"

#include <random>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "gtest/gtest.h"

namespace claims::extract {
namespace {

std::string ShippedPath() {
  return std::string(CLAIMS_TEST_FIXTURES) + "/../../ingest-service/data/organisations.tsv";
}

const OrganisationCatalog& Shipped() {
  static const OrganisationCatalog* const kCatalog = [] {
    absl::StatusOr<OrganisationCatalog> c = OrganisationCatalog::LoadFile(ShippedPath());
    EXPECT_TRUE(c.ok()) << c.status();
    return new OrganisationCatalog(c.ok() ? *std::move(c) : OrganisationCatalog());
  }();
  return *kCatalog;
}

// "surface=id" for every match, in order.
std::vector<std::string> Matches(const OrganisationCatalog& c, absl::string_view text) {
  std::vector<std::string> out;
  for (const auto& m : c.FindAll(text)) {
    out.push_back(std::string(text.substr(m.begin, m.end - m.begin)) + "=" +
                  m.organisation->id);
  }
  return out;
}

TEST(CanonicalOrganisationIdTest, DropsCorporateSuffixesAndLeadingThe) {
  EXPECT_EQ(CanonicalOrganisationId("Palantir Technologies UK Ltd"), "palantir");
  EXPECT_EQ(CanonicalOrganisationId("Palantir UK Ltd."), "palantir");
  EXPECT_EQ(CanonicalOrganisationId("Palantir Technologies, Inc."), "palantir");
  EXPECT_EQ(CanonicalOrganisationId("The Guardian"), "guardian");
  EXPECT_EQ(CanonicalOrganisationId("NHS England"), "nhs-england");
  EXPECT_EQ(CanonicalOrganisationId("Reform UK"), "reform-uk");
  EXPECT_EQ(CanonicalOrganisationId("Marks & Spencer Group plc"), "marks-and-spencer");
  EXPECT_EQ(CanonicalOrganisationId("Information Commissioner\xE2\x80\x99s Office"),
            "information-commissioners-office");
  EXPECT_EQ(CanonicalOrganisationId("Palantir's"), "palantir");
  EXPECT_EQ(CanonicalOrganisationId("The"), "the");
  EXPECT_EQ(CanonicalOrganisationId("Limited"), "limited");
  EXPECT_EQ(CanonicalOrganisationId("  ...  "), "");
}

TEST(LooksLikeOrganisationTest, HeadWordsMakeAnOrganisation) {
  EXPECT_TRUE(LooksLikeOrganisation("Hackney Council"));
  EXPECT_TRUE(LooksLikeOrganisation("Hackney Coalition Against Palantir"));
  EXPECT_TRUE(LooksLikeOrganisation("Homerton Healthcare NHS Foundation Trust"));
  EXPECT_TRUE(LooksLikeOrganisation("Department of Health and Social Care"));
  EXPECT_TRUE(LooksLikeOrganisation("Palantir Technologies"));
  EXPECT_TRUE(LooksLikeOrganisation("Green Party"));
  EXPECT_TRUE(LooksLikeOrganisation("Information Commissioner's Office"));
  EXPECT_FALSE(LooksLikeOrganisation("Marion Macalpine"));
  EXPECT_FALSE(LooksLikeOrganisation("Wes Streeting"));
  EXPECT_FALSE(LooksLikeOrganisation("the trust"));  // not a capitalised name
  EXPECT_FALSE(LooksLikeOrganisation(""));
}

TEST(FindAcronymDefinitionsTest, FindsExpansionsAndAcronyms) {
  const std::string text =
      "NHS England said the Federated Data Platform (FDP) was safe. The Department of Health "
      "and Social Care (DHSC) agreed, as did the Royal College of General Practitioners "
      "(RCGP) and NHS England (NHSE).";
  const std::vector<AcronymDefinition> d = FindAcronymDefinitions(text);
  ASSERT_EQ(d.size(), 4u);
  auto expansion = [&](const AcronymDefinition& a) {
    return text.substr(a.expansion_begin, a.expansion_end - a.expansion_begin);
  };
  auto acronym = [&](const AcronymDefinition& a) {
    return text.substr(a.acronym_begin, a.acronym_end - a.acronym_begin);
  };
  EXPECT_EQ(expansion(d[0]), "Federated Data Platform");
  EXPECT_EQ(acronym(d[0]), "FDP");
  EXPECT_EQ(d[0].expansion_begin, 21u);
  EXPECT_EQ(d[0].expansion_end, 44u);
  EXPECT_EQ(d[0].acronym_begin, 46u);
  EXPECT_EQ(d[0].acronym_end, 49u);
  EXPECT_EQ(expansion(d[1]), "Department of Health and Social Care");
  EXPECT_EQ(acronym(d[1]), "DHSC");
  EXPECT_EQ(expansion(d[2]), "Royal College of General Practitioners");
  EXPECT_EQ(acronym(d[2]), "RCGP");
  EXPECT_EQ(expansion(d[3]), "NHS England");
  EXPECT_EQ(acronym(d[3]), "NHSE");
}

TEST(FindAcronymDefinitionsTest, RejectsWhatIsNotADefinition) {
  EXPECT_TRUE(FindAcronymDefinitions("a platform (FDP)").empty());         // not capitalised
  EXPECT_TRUE(FindAcronymDefinitions("Data Platform (FDP)").empty());      // letters short
  EXPECT_TRUE(FindAcronymDefinitions("Federated, Data Platform (FDP)").empty());
  EXPECT_TRUE(FindAcronymDefinitions("Some Thing (see below)").empty());
  EXPECT_TRUE(FindAcronymDefinitions("Palantir (PLTR)").empty());
  EXPECT_TRUE(FindAcronymDefinitions("(FDP) Federated Data Platform").empty());
  EXPECT_TRUE(FindAcronymDefinitions("Federated Data Platform (FDP").empty());
  EXPECT_TRUE(FindAcronymDefinitions("(((((").empty());
  EXPECT_TRUE(FindAcronymDefinitions("").empty());
  // "of" may be skipped inside, never at the end.
  EXPECT_TRUE(FindAcronymDefinitions("Department Health of (DH)").empty());
}

TEST(OrganisationCatalogTest, ParsesAndFindsByIdNameOrAlias) {
  absl::StatusOr<OrganisationCatalog> c = OrganisationCatalog::Parse(
      "# comment\n"
      "palantir\tPalantir Technologies\tPalantir|PLTR\n"
      "\n"
      "nhs-england\tNHS England\r\n"
      "ico\tInformation Commissioner's Office\tICO\n");
  ASSERT_TRUE(c.ok()) << c.status();
  ASSERT_EQ(c->organisations().size(), 3u);
  EXPECT_EQ(c->organisations()[0].aliases, (std::vector<std::string>{"Palantir", "PLTR"}));
  EXPECT_EQ(c->Find("palantir")->id, "palantir");
  EXPECT_EQ(c->Find("  PALANTIR technologies ")->id, "palantir");
  EXPECT_EQ(c->Find("pltr")->id, "palantir");
  EXPECT_EQ(c->Find("nhs-england")->id, "nhs-england");
  EXPECT_EQ(c->Find("nhs england")->name, "NHS England");
  EXPECT_EQ(c->Find("Information Commissioner\xE2\x80\x99s Office")->id, "ico");
  EXPECT_EQ(c->Find("NHS"), nullptr);
  EXPECT_EQ(c->Find(""), nullptr);
}

TEST(OrganisationCatalogTest, ParseErrorsNameTheLine) {
  struct Case {
    const char* content;
    const char* message;
  } cases[] = {
      {"a\tA\n# x\na\tA2\n", "organisations line 3: duplicate organisation id \"a\""},
      {"a\t \n", "organisations line 1: missing name of organisation \"a\""},
      {"a\n", "organisations line 1: expected 3 tab-separated columns"},
      {"a\tA\tx\ty\n", "organisations line 1: expected 3 tab-separated columns"},
      {"A b\tA\n", "organisations line 1: invalid organisation id"},
      {"a\tAlpha\tAl\nb\tBeta\tAL\n",
       "organisations line 2: \"AL\" of \"b\" is already a name or alias of \"a\""},
  };
  for (const Case& c : cases) {
    absl::StatusOr<OrganisationCatalog> parsed = OrganisationCatalog::Parse(c.content);
    EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument) << c.content;
    EXPECT_TRUE(absl::StartsWith(parsed.status().message(), c.message)) << parsed.status();
  }
  EXPECT_EQ(OrganisationCatalog::LoadFile("/nonexistent.tsv").status().code(),
            absl::StatusCode::kNotFound);
}

TEST(OrganisationCatalogTest, ShippedCatalogueResolvesTheDomain) {
  const OrganisationCatalog& c = Shipped();
  ASSERT_GE(c.organisations().size(), 40u);
  EXPECT_EQ(c.Find("Palantir")->id, "palantir");
  EXPECT_EQ(c.Find("National Health Service")->id, "nhs");
  EXPECT_EQ(c.Find("Department of Health")->id, "dhsc");
  EXPECT_EQ(c.Find("FDP")->id, "federated-data-platform");
  EXPECT_EQ(c.Find("Homerton University Hospital")->id, "homerton-healthcare");
  EXPECT_EQ(c.Find("London Borough of Hackney")->id, "hackney-council");
  EXPECT_EQ(c.Find("Tories")->id, "conservative-party");
  EXPECT_EQ(c.Find("Lib Dems")->id, "liberal-democrats");
  EXPECT_EQ(c.Find("Downing Street")->id, "uk-government");
  EXPECT_EQ(c.Find("ICO")->id, "ico");
  EXPECT_EQ(c.Find("AWS")->id, "aws");
  EXPECT_EQ(c.Find("CQC")->id, "cqc");
  EXPECT_EQ(c.Find("NAO")->id, "nao");
  EXPECT_EQ(c.Find("openDemocracy")->id, "opendemocracy");
  EXPECT_EQ(c.Find("FBI")->id, "fbi");
}

TEST(OrganisationCatalogTest, FindAllPrefersLongestAndRespectsCase) {
  const OrganisationCatalog& c = Shipped();
  EXPECT_EQ(Matches(c, "NHS England and the NHS signed with Palantir Technologies."),
            (std::vector<std::string>{"NHS England=nhs-england", "NHS=nhs",
                                      "Palantir Technologies=palantir"}));
  // All-caps aliases are case-sensitive; capitalised ones need a capital initial.
  EXPECT_TRUE(Matches(c, "the nhs, the labour market, civil liberty and the greens").empty());
  EXPECT_EQ(Matches(c, "LABOUR and Labour and Liberty"),
            (std::vector<std::string>{"LABOUR=labour-party", "Labour=labour-party",
                                      "Liberty=liberty"}));
  EXPECT_EQ(Matches(c, "the Liberal Democrats, not the Democrats"),
            (std::vector<std::string>{"Liberal Democrats=liberal-democrats",
                                      "Democrats=democratic-party"}));
}

TEST(OrganisationCatalogTest, FindAllHandlesPossessivesApostrophesAndOffsets) {
  const OrganisationCatalog& c = Shipped();
  const std::string text =
      "Palantir\xE2\x80\x99s deal with the Information Commissioner\xE2\x80\x99s Office; "
      "Hackney Coalition Against Palantir's view; the BMA's and NHS's.";
  const auto m = c.FindAll(text);
  ASSERT_EQ(m.size(), 5u);
  EXPECT_EQ(m[0].begin, 0u);
  EXPECT_EQ(m[0].end, 8u);  // "Palantir", the possessive left out
  EXPECT_EQ(m[0].organisation->id, "palantir");
  EXPECT_EQ(text.substr(m[1].begin, m[1].end - m[1].begin),
            "Information Commissioner\xE2\x80\x99s Office");
  EXPECT_EQ(m[1].organisation->id, "ico");
  EXPECT_EQ(text.substr(m[2].begin, m[2].end - m[2].begin), "Hackney Coalition Against Palantir");
  EXPECT_EQ(m[2].organisation->id, "hackney-coalition-against-palantir");
  EXPECT_EQ(text.substr(m[3].begin, m[3].end - m[3].begin), "BMA");
  EXPECT_EQ(text.substr(m[4].begin, m[4].end - m[4].begin), "NHS");
  // Word boundaries: no match inside longer words.
  EXPECT_TRUE(Matches(c, "Palantirian NHSX Googled Amazonian").empty());
  EXPECT_EQ(Matches(c, "(Google)"), (std::vector<std::string>{"Google=google"}));
}

TEST(OrganisationCatalogTest, FindAllSurvivesRandomBytes) {
  const OrganisationCatalog& c = Shipped();
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int round = 0; round < 200; ++round) {
    std::string s;
    for (int i = 0; i < 400; ++i) s.push_back(static_cast<char>(byte(rng)));
    if (round % 3 == 0) s += " NHS\xE2\x80";  // a truncated curly apostrophe at the end
    for (const auto& m : c.FindAll(s)) {
      EXPECT_LT(m.begin, m.end);
      EXPECT_LE(m.end, s.size());
    }
    FindAcronymDefinitions(s);
    LooksLikeOrganisation(s);
    CanonicalOrganisationId(s);
  }
}

TEST(OrganisationCatalogTest, AnAmpersandIsAndInANameAndItsLookup) {
  const OrganisationCatalog& c = Shipped();
  EXPECT_EQ(Matches(c, "A spokesperson for the Department of Health & Social Care said."),
            (std::vector<std::string>{"Department of Health & Social Care=dhsc"}));
  ASSERT_NE(c.Find("Department of Health & Social Care"), nullptr);
  EXPECT_EQ(c.Find("Department of Health & Social Care")->id, "dhsc");
  // Written with "&" in the file, found with "and" in the text, and the reverse.
  EXPECT_EQ(Matches(c, "Marks and Spencer and Marks & Spencer"),
            (std::vector<std::string>{"Marks and Spencer=marks-and-spencer",
                                      "Marks & Spencer=marks-and-spencer"}));
  // Not a name's first or last word: "& Social Care" alone is none.
  EXPECT_TRUE(Matches(c, "Health & Social").empty());
}

TEST(OrganisationInitialsTest, SpellsTheCapitalisedWordsInitials) {
  EXPECT_EQ(OrganisationInitials("Government Accountability Office"), "GAO");
  EXPECT_EQ(OrganisationInitials("NHS Business Services Authority"), "NHSBSA");
  EXPECT_EQ(OrganisationInitials("Department of Health & Social Care"), "DHSC");
  EXPECT_EQ(OrganisationInitials("Hackney Coalition Against Palantir"), "HCAP");
  EXPECT_EQ(OrganisationInitials("The Government Accountability Office"), "GAO");
  EXPECT_EQ(OrganisationInitials("Palantir"), "");           // one word
  EXPECT_EQ(OrganisationInitials("the group of friends"), "");  // lower-case words
}

}  // namespace
}  // namespace claims::extract
