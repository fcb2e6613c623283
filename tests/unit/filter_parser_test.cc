#include "query-service/filter_parser.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gtest/gtest.h"

namespace claims::query {
namespace {

using store::FilterExpr;

// A compact, unambiguous rendering of a parsed filter for exact comparisons.
std::string Show(const FilterExpr& e) {
  switch (e.op) {
    case FilterExpr::Op::kTrue: return "TRUE";
    case FilterExpr::Op::kFalse: return "FALSE";
    case FilterExpr::Op::kTerm:
      return absl::StrCat(std::string(1, static_cast<char>(e.field)), "=", absl::StrJoin(e.values, "|"));
    case FilterExpr::Op::kTime:
      return absl::StrCat("time[", e.start_seconds ? absl::StrCat(*e.start_seconds) : "-", ",",
                          e.end_seconds ? absl::StrCat(*e.end_seconds) : "-", ")");
    case FilterExpr::Op::kNot: return absl::StrCat("NOT(", Show(e.children[0]), ")");
    case FilterExpr::Op::kAnd:
    case FilterExpr::Op::kOr: {
      std::vector<std::string> parts;
      for (const auto& c : e.children) parts.push_back(Show(c));
      return absl::StrCat(e.op == FilterExpr::Op::kAnd ? "AND(" : "OR(", absl::StrJoin(parts, ","), ")");
    }
  }
  return "?";
}

std::string Parsed(absl::string_view filter) {
  auto e = ParseFilter(filter);
  return e.ok() ? Show(*e) : std::string(e.status().message());
}

TEST(FilterParserTest, ParsesTheIssueExample) {
  EXPECT_EQ(Parsed(R"(organisation = "NHS England" AND topic:"health" AND claim_time >= "2025-07-01")"),
            "AND(o=NHS England,t=health,time[1751328000,-))");
}

TEST(FilterParserTest, OrBindsTighterThanAndAsInAip160) {
  EXPECT_EQ(Parsed("speaker = a OR speaker = b AND org = c"), "AND(OR(s=a,s=b),o=c)");
  EXPECT_EQ(Parsed("speaker = a OR speaker = b org = c"), "AND(OR(s=a,s=b),o=c)");
  EXPECT_EQ(Parsed("(org = a AND org = b) OR org = c"), "OR(AND(o=a,o=b),o=c)");
}

TEST(FilterParserTest, NegationAndNotEquals) {
  EXPECT_EQ(Parsed("NOT kind = indirect"), "NOT(k=2)");
  EXPECT_EQ(Parsed("-kind = DIRECT_QUOTE"), "NOT(k=1)");
  EXPECT_EQ(Parsed("org != palantir"), "NOT(o=palantir)");
}

TEST(FilterParserTest, DatesAreWholeDays) {
  // 2025-07-01 = 1751328000
  EXPECT_EQ(Parsed(R"(claim_time = "2025-07-01")"), "time[1751328000,1751414400)");
  EXPECT_EQ(Parsed(R"(claim_time <= 2025-07-01)"), "time[-,1751414400)");
  EXPECT_EQ(Parsed(R"(claim_time > 2025-07-01)"), "time[1751414400,-)");
  EXPECT_EQ(Parsed(R"(claim_time < "2025-07-01T12:00:00Z")"), "time[-,1751371200)");
  EXPECT_EQ(Parsed(R"(claim_time >= "2025-07-01T12:00:00.5Z")"), "time[1751371201,-)");
}

TEST(FilterParserTest, AnInstantBetweenTwoSecondsBoundsByTheSecondsAroundIt) {
  // 2025-06-30T23:59:59Z = 1751327999. Claims are compared by whole seconds: one at
  // 23:59:59 is before 23:59:59.5, one at 2025-07-01T00:00:00 after it, none equal to it.
  EXPECT_EQ(Parsed(R"(claim_time <= "2025-06-30T23:59:59.5Z")"), "time[-,1751328000)");
  EXPECT_EQ(Parsed(R"(claim_time < "2025-06-30T23:59:59.5Z")"), "time[-,1751328000)");
  EXPECT_EQ(Parsed(R"(claim_time > "2025-06-30T23:59:58.5Z")"), "time[1751327999,-)");
  EXPECT_EQ(Parsed(R"(claim_time >= "2025-06-30T23:59:58.5Z")"), "time[1751327999,-)");
  EXPECT_EQ(Parsed(R"(claim_time = "2025-06-30T23:59:59.5Z")"), "FALSE");
  EXPECT_EQ(Parsed(R"(claim_time != "2025-06-30T23:59:59.5Z")"), "TRUE");
  // Whole seconds as before.
  EXPECT_EQ(Parsed(R"(claim_time <= "2025-06-30T23:59:59Z")"), "time[-,1751328000)");
  EXPECT_EQ(Parsed(R"(claim_time > "2025-06-30T23:59:59Z")"), "time[1751328000,-)");
}

TEST(FilterParserTest, TimesOutsideYearsOneTo9999AreErrors) {
  EXPECT_EQ(Parsed("claim_time >= 10000-01-01"),
            "filter_expression: '10000-01-01' is outside years 1 to 9999 at position 14");
  EXPECT_EQ(Parsed("claim_time >= 0000-01-01"),
            "filter_expression: '0000-01-01' is outside years 1 to 9999 at position 14");
}

TEST(FilterParserTest, QuotedValuesKeepSpacesAndEscapes) {
  EXPECT_EQ(Parsed(R"(speaker = "Marion \"M\" Macalpine")"), "s=Marion \"M\" Macalpine");
  EXPECT_EQ(Parsed("article_id = abc-0001"), "r=abc-0001");
}

TEST(FilterParserTest, BlankIsEverything) {
  EXPECT_EQ(Parsed(""), "TRUE");
  EXPECT_EQ(Parsed("   "), "TRUE");
}

TEST(FilterParserTest, ErrorsNameWhatAndWhere) {
  EXPECT_EQ(Parsed("colour = red"),
            "filter_expression: unknown field 'colour' (organisation, topic, speaker, kind, article, "
            "claim_time) at position 0");
  EXPECT_EQ(Parsed("org = a AND"), "filter_expression: expected a field name, got the end at position 11");
  EXPECT_EQ(Parsed("org a"), "filter_expression: expected an operator (=, !=, :, <, <=, >, >=) after 'org' at position 4");
  EXPECT_EQ(Parsed("(org = a"), "filter_expression: expected ')' to close '(' at 0 at position 8");
  EXPECT_EQ(Parsed("org = \"a"), "filter_expression: unterminated string at position 6");
  EXPECT_EQ(Parsed("org < a"), "filter_expression: '<' only applies to claim_time at position 4");
  EXPECT_EQ(Parsed("claim_time > yesterday"),
            "filter_expression: 'yesterday' is not a date (YYYY-MM-DD) or RFC 3339 time at position 13");
  EXPECT_EQ(Parsed("kind = rumour"),
            "filter_expression: unknown kind 'rumour' (DIRECT_QUOTE, INDIRECT or MIXED) at position 7");
  EXPECT_EQ(Parsed("org = a )"), "filter_expression: unexpected ')' at position 8");
  EXPECT_EQ(Parsed("org ! a"), "filter_expression: '!' must be followed by '=' at position 4");
}

TEST(FilterParserTest, LimitsLengthAndDepth) {
  EXPECT_EQ(ParseFilter(std::string(kMaxFilterLength + 1, 'a')).status().code(),
            absl::StatusCode::kInvalidArgument);
  std::string deep;
  for (int i = 0; i < 100; ++i) deep += "(";
  deep += "org = a";
  for (int i = 0; i < 100; ++i) deep += ")";
  EXPECT_NE(std::string(ParseFilter(deep).status().message()).find("nesting too deep"), std::string::npos);
  std::string nots;
  for (int i = 0; i < 2000; ++i) nots += "NOT ";
  EXPECT_EQ(ParseFilter(nots + "org = a").status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(FilterParserTest, ArbitraryBytesNeverCrash) {
  uint32_t seed = 12345;
  const std::string alphabet = "()\"\\=:<>!- abcANDORNOTorg topic2025-\x01\xff";
  for (int i = 0; i < 5000; ++i) {
    std::string s;
    const int n = seed % 40;
    for (int j = 0; j < n; ++j) {
      seed = seed * 1103515245 + 12345;
      s.push_back(alphabet[(seed >> 16) % alphabet.size()]);
    }
    (void)ParseFilter(s);
  }
}

}  // namespace
}  // namespace claims::query
