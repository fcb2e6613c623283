#include "ingest-service/extract/dates.h"

#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace claims::extract {
namespace {

// Wednesday 16 July 2025.
const absl::CivilDay kRef(2025, 7, 16);

struct Expected {
  absl::string_view mention;  // exact text of the span
  absl::CivilDay day;
  DatePrecision precision;
};

std::string PrecisionName(DatePrecision p) {
  switch (p) {
    case DatePrecision::kDay:
      return "DAY";
    case DatePrecision::kMonth:
      return "MONTH";
    case DatePrecision::kYear:
      return "YEAR";
  }
  return "?";
}

// Asserts that FindDates finds exactly `expected`, in order, each span covering exactly the
// given words (located as the first occurrence at or after the previous span).
void ExpectDates(absl::string_view text, absl::CivilDay ref, std::vector<Expected> expected) {
  const std::vector<DateMention> found = FindDates(text, ref);
  ASSERT_EQ(found.size(), expected.size()) << text;
  size_t from = 0;
  for (size_t i = 0; i < found.size(); ++i) {
    const size_t begin = text.find(expected[i].mention, from);
    ASSERT_NE(begin, absl::string_view::npos) << expected[i].mention;
    EXPECT_EQ(found[i].begin, begin) << text << " #" << i;
    EXPECT_EQ(found[i].end, begin + expected[i].mention.size()) << text << " #" << i;
    EXPECT_EQ(found[i].day, expected[i].day) << text << " #" << i;
    EXPECT_EQ(PrecisionName(found[i].precision), PrecisionName(expected[i].precision))
        << text << " #" << i;
    from = found[i].end;
  }
}

TEST(FindDatesTest, FullDatesInBritishAndAmericanOrder) {
  ExpectDates("It was signed on 21 January 2025 and renewed on January 21, 2026.", kRef,
              {{"21 January 2025", absl::CivilDay(2025, 1, 21), DatePrecision::kDay},
               {"January 21, 2026", absl::CivilDay(2026, 1, 21), DatePrecision::kDay}});
  ExpectDates("the 3rd of March, 2024", kRef,
              {{"3rd of March, 2024", absl::CivilDay(2024, 3, 3), DatePrecision::kDay}});
  ExpectDates("Sept. 9 2023", kRef,
              {{"Sept. 9 2023", absl::CivilDay(2023, 9, 9), DatePrecision::kDay}});
}

TEST(FindDatesTest, TodayCapitalisedInsideASentenceIsAName) {
  // The BBC's "Today" programme is no date; "Today" opening a sentence or a quotation is.
  ExpectDates("he told the BBC's Today programme", kRef, {});
  ExpectDates("Today the minister said. \"Today we act,\" she said.", kRef,
              {{"Today", kRef, DatePrecision::kDay}, {"Today", kRef, DatePrecision::kDay}});
}

TEST(FindDatesTest, ExactByteOffsets) {
  const std::vector<DateMention> d = FindDates("Since 1 May 2024, yes.", kRef);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].begin, 6u);
  EXPECT_EQ(d[0].end, 16u);
  EXPECT_EQ(d[0].day, absl::CivilDay(2024, 5, 1));
  // Offsets are bytes: a multi-byte character before the date shifts them.
  const std::vector<DateMention> u = FindDates("\xE2\x80\x9C" "Caf\xC3\xA9" " on 2 June", kRef);
  ASSERT_EQ(u.size(), 1u);
  EXPECT_EQ(u[0].begin, 12u);
  EXPECT_EQ(u[0].end, 18u);
  EXPECT_EQ(u[0].day, absl::CivilDay(2025, 6, 2));
}

TEST(FindDatesTest, IsoDates) {
  ExpectDates("Published 2025-07-14T09:00Z; see 2024-02-30 and 2025-07-141.", kRef,
              {{"2025-07-14", absl::CivilDay(2025, 7, 14), DatePrecision::kDay}});
}

TEST(FindDatesTest, YearlessDatesTakeTheReferenceYearUnlessTooFarAhead) {
  ExpectDates("On Jan. 21 and on 2 July and 14 September and 20 September", kRef,
              {{"Jan. 21", absl::CivilDay(2025, 1, 21), DatePrecision::kDay},
               {"2 July", absl::CivilDay(2025, 7, 2), DatePrecision::kDay},
               // 60 days after the reference: still this year.
               {"14 September", absl::CivilDay(2025, 9, 14), DatePrecision::kDay},
               // 66 days after: last year.
               {"20 September", absl::CivilDay(2024, 9, 20), DatePrecision::kDay}});
  // An article of 3 January speaking of "December 30" means the previous year.
  ExpectDates("December 30", absl::CivilDay(2025, 1, 3),
              {{"December 30", absl::CivilDay(2024, 12, 30), DatePrecision::kDay}});
}

TEST(FindDatesTest, WeekdayPicksTheYearOfAYearlessDate) {
  // 21 January was a Wednesday in 2026 and 2015, a Tuesday in 2025. Reference in Feb 2026.
  ExpectDates("On Wednesday (January 21) the board met.", absl::CivilDay(2026, 2, 10),
              {{"Wednesday (January 21", absl::CivilDay(2026, 1, 21), DatePrecision::kDay}});
  // With a 2025 reference the nearest year where 21 January is a Wednesday is 2026.
  ExpectDates("Wednesday, January 21", kRef,
              {{"Wednesday, January 21", absl::CivilDay(2026, 1, 21), DatePrecision::kDay}});
  ExpectDates("Tuesday 21 January", kRef,
              {{"Tuesday 21 January", absl::CivilDay(2025, 1, 21), DatePrecision::kDay}});
  // A written year wins over a wrong weekday.
  ExpectDates("Monday, January 21, 2025", kRef,
              {{"Monday, January 21, 2025", absl::CivilDay(2025, 1, 21), DatePrecision::kDay}});
}

TEST(FindDatesTest, MonthsWithAndWithoutYear) {
  ExpectDates("in July 2025, in December, since March and by July", kRef,
              {{"July 2025", absl::CivilDay(2025, 7, 1), DatePrecision::kMonth},
               {"December", absl::CivilDay(2024, 12, 1), DatePrecision::kMonth},
               {"March", absl::CivilDay(2025, 3, 1), DatePrecision::kMonth},
               {"July", absl::CivilDay(2025, 7, 1), DatePrecision::kMonth}});
  ExpectDates("last July and last June", kRef,
              {{"last July", absl::CivilDay(2024, 7, 1), DatePrecision::kMonth},
               {"last June", absl::CivilDay(2025, 6, 1), DatePrecision::kMonth}});
}

TEST(FindDatesTest, MonthNamesNeedCapitalsAndBareMonthsNeedAPreposition) {
  ExpectDates("Theresa May said they may march in may. August figures rose.", kRef, {});
  ExpectDates("The Jan report", kRef, {});
}

TEST(FindDatesTest, BareYearsOnlyAfterAPreposition) {
  ExpectDates("in 2024, since 2019, during 2020, by 2030", kRef,
              {{"2024", absl::CivilDay(2024, 1, 1), DatePrecision::kYear},
               {"2019", absl::CivilDay(2019, 1, 1), DatePrecision::kYear},
               {"2020", absl::CivilDay(2020, 1, 1), DatePrecision::kYear},
               {"2030", absl::CivilDay(2030, 1, 1), DatePrecision::kYear}});
  ExpectDates("2024 patients; of 2,024 records; in 2024bn; in 1850; in 12024; in 2024.5", kRef,
              {});
}

TEST(FindDatesTest, RelativeDays) {
  ExpectDates("Yesterday and today, tonight, tomorrow; last night", kRef,
              {{"Yesterday", absl::CivilDay(2025, 7, 15), DatePrecision::kDay},
               {"today", kRef, DatePrecision::kDay},
               {"tonight", kRef, DatePrecision::kDay},
               {"tomorrow", absl::CivilDay(2025, 7, 17), DatePrecision::kDay},
               {"last night", absl::CivilDay(2025, 7, 15), DatePrecision::kDay}});
}

TEST(FindDatesTest, WeekdaysAfterAPreposition) {
  // Reference is a Wednesday: "on Wednesday" is that day, "last Wednesday" a week earlier.
  ExpectDates("said on Monday, on Wednesday, since Friday, last Wednesday, last Monday", kRef,
              {{"Monday", absl::CivilDay(2025, 7, 14), DatePrecision::kDay},
               {"Wednesday", kRef, DatePrecision::kDay},
               {"Friday", absl::CivilDay(2025, 7, 11), DatePrecision::kDay},
               {"last Wednesday", absl::CivilDay(2025, 7, 9), DatePrecision::kDay},
               {"last Monday", absl::CivilDay(2025, 7, 14), DatePrecision::kDay}});
  ExpectDates("Monday's meeting; Good Friday", kRef, {});
}

TEST(FindDatesTest, RelativeWeeksMonthsAndYears) {
  ExpectDates(
      "last week, last month, last year, this month, this year, earlier this month, "
      "Earlier this year",
      kRef,
      {{"last week", absl::CivilDay(2025, 7, 9), DatePrecision::kDay},
       {"last month", absl::CivilDay(2025, 6, 1), DatePrecision::kMonth},
       {"last year", absl::CivilDay(2024, 1, 1), DatePrecision::kYear},
       {"this month", absl::CivilDay(2025, 7, 1), DatePrecision::kMonth},
       {"this year", absl::CivilDay(2025, 1, 1), DatePrecision::kYear},
       {"earlier this month", absl::CivilDay(2025, 7, 1), DatePrecision::kMonth},
       {"Earlier this year", absl::CivilDay(2025, 1, 1), DatePrecision::kYear}});
  // Last month of a January reference is the previous December.
  ExpectDates("last month", absl::CivilDay(2025, 1, 10),
              {{"last month", absl::CivilDay(2024, 12, 1), DatePrecision::kMonth}});
  ExpectDates("the last weeks; this is it; earlier, this", kRef, {});
}

TEST(FindDatesTest, CountsOfDaysWeeksMonthsAndYearsAgo) {
  ExpectDates(
      "three days ago, 10 days ago, a week ago, two weeks ago, six months ago, A year ago, "
      "12 years ago",
      kRef,
      {{"three days ago", absl::CivilDay(2025, 7, 13), DatePrecision::kDay},
       {"10 days ago", absl::CivilDay(2025, 7, 6), DatePrecision::kDay},
       {"a week ago", absl::CivilDay(2025, 7, 9), DatePrecision::kDay},
       {"two weeks ago", absl::CivilDay(2025, 7, 2), DatePrecision::kDay},
       {"six months ago", absl::CivilDay(2025, 1, 1), DatePrecision::kMonth},
       {"A year ago", absl::CivilDay(2024, 1, 1), DatePrecision::kYear},
       {"12 years ago", absl::CivilDay(2013, 1, 1), DatePrecision::kYear}});
  // A count needs its unit and "ago" right after it ("two days later" is a date relative to
  // the one before it: RelativeDatesCountFromTheDateBeforeThem).
  ExpectDates("two days hence, days ago, a long time ago, 3rd day ago, 100 days ago, 3 days", kRef,
              {});
}

TEST(FindDatesTest, PartsOfMonthsMonthsOfLastYearAndAgencyStyleWeekdays) {
  ExpectDates("in mid-July, by early June, in late March", kRef,
              {{"mid-July", absl::CivilDay(2025, 7, 1), DatePrecision::kMonth},
               {"early June", absl::CivilDay(2025, 6, 1), DatePrecision::kMonth},
               {"late March", absl::CivilDay(2025, 3, 1), DatePrecision::kMonth}});
  ExpectDates("said in May last year", kRef,
              {{"May last year", absl::CivilDay(2024, 5, 1), DatePrecision::kMonth}});
  // Wednesday 16 July 2025: "said Tuesday" is the day before.
  ExpectDates("Warren said Tuesday the deal was bad", kRef,
              {{"Tuesday", absl::CivilDay(2025, 7, 15), DatePrecision::kDay}});
  ExpectDates("Tuesday's vote; the mid term; mid-July was late", kRef, {});
}

TEST(FindDatesTest, NumericDatesAreDayFirstUnlessUsEnglishOrAPartIsOver12) {
  ExpectDates("The trust raised it on 3/6/2025 and again on 25/12/2024.", kRef,
              {{"3/6/2025", absl::CivilDay(2025, 6, 3), DatePrecision::kDay},
               {"25/12/2024", absl::CivilDay(2024, 12, 25), DatePrecision::kDay}});
  const std::vector<DateMention> us = FindDates("on 03/06/2025 and 12/25/2024", kRef, DateOrder::kMonthFirst);
  ASSERT_EQ(us.size(), 2u);
  EXPECT_EQ(us[0].day, absl::CivilDay(2025, 3, 6));
  EXPECT_EQ(us[1].day, absl::CivilDay(2024, 12, 25));  // 25 is no month in either order
  const std::vector<DateMention> uk = FindDates("12/25/2024", kRef, DateOrder::kDayFirst);
  ASSERT_EQ(uk.size(), 1u);
  EXPECT_EQ(uk[0].day, absl::CivilDay(2024, 12, 25));
  // Not dates: fractions, scores, longer runs of slashes, an impossible day, two-digit years.
  ExpectDates("1/3/6/2025, 3/6/2025/7, 31/2/2025, 24/7, 3/6/25 and 2/3 of them", kRef, {});
  EXPECT_EQ(DateOrderFor("en-US"), DateOrder::kMonthFirst);
  EXPECT_EQ(DateOrderFor("EN-us"), DateOrder::kMonthFirst);
  EXPECT_EQ(DateOrderFor("en-GB"), DateOrder::kDayFirst);
  EXPECT_EQ(DateOrderFor(""), DateOrder::kDayFirst);
}

TEST(FindDatesTest, SeasonsAreTheYearTheyBeginIn) {
  // kRef is 16 July 2025: summer 2025 has begun and is not over.
  ExpectDates("in spring 2025, the autumn of 2024 and fall 2023", kRef,
              {{"spring 2025", absl::CivilDay(2025, 1, 1), DatePrecision::kYear},
               {"the autumn of 2024", absl::CivilDay(2024, 1, 1), DatePrecision::kYear},
               {"fall 2023", absl::CivilDay(2023, 1, 1), DatePrecision::kYear}});
  ExpectDates("last summer, last spring, last winter", kRef,
              {{"last summer", absl::CivilDay(2024, 1, 1), DatePrecision::kYear},
               {"last spring", absl::CivilDay(2025, 1, 1), DatePrecision::kYear},
               {"last winter", absl::CivilDay(2024, 1, 1), DatePrecision::kYear}});
  ExpectDates("in the autumn, this winter", kRef,
              {{"the autumn", absl::CivilDay(2024, 1, 1), DatePrecision::kYear},
               {"this winter", absl::CivilDay(2025, 1, 1), DatePrecision::kYear}});
  // "fall" without a year, and a season with no preposition or year, are no dates.
  ExpectDates("in the fall of Rome, prices fall, summer holidays", kRef, {});
}

TEST(FindDatesTest, WeekendsAreTheirSaturday) {
  // kRef is Wednesday 16 July 2025: the weekend before began on Saturday 12 July.
  ExpectDates("said at the weekend, over the weekend, last weekend and this weekend", kRef,
              {{"the weekend", absl::CivilDay(2025, 7, 12), DatePrecision::kDay},
               {"the weekend", absl::CivilDay(2025, 7, 12), DatePrecision::kDay},
               {"last weekend", absl::CivilDay(2025, 7, 12), DatePrecision::kDay},
               {"this weekend", absl::CivilDay(2025, 7, 12), DatePrecision::kDay}});
  // On Sunday 20 July, "last weekend" is the one before this one.
  ExpectDates("at the weekend and last weekend", absl::CivilDay(2025, 7, 20),
              {{"the weekend", absl::CivilDay(2025, 7, 19), DatePrecision::kDay},
               {"last weekend", absl::CivilDay(2025, 7, 12), DatePrecision::kDay}});
  ExpectDates("a weekend away, the weekend edition", kRef, {});
}

TEST(FindDatesTest, AgencyStyleWeekdayAfterAListener) {
  // kRef is Wednesday 16 July 2025.
  ExpectDates("Karp told investors Monday that demand was strong", kRef,
              {{"Monday", absl::CivilDay(2025, 7, 14), DatePrecision::kDay}});
  ExpectDates("the shares Monday rose", kRef, {});  // no reporting verb before
}

TEST(FindDatesTest, InvalidCalendarDatesAreSkipped) {
  ExpectDates("31 February 2025 and 0 March and 32 May", kRef, {});
  ExpectDates("29 February 2024", kRef,
              {{"29 February 2024", absl::CivilDay(2024, 2, 29), DatePrecision::kDay}});
  // No 29 February in 2025: the most recent leap year.
  ExpectDates("on 29 February", kRef,
              {{"29 February", absl::CivilDay(2024, 2, 29), DatePrecision::kDay}});
}

TEST(FindDatesTest, EmptyAndPunctuationOnlyText) {
  EXPECT_TRUE(FindDates("", kRef).empty());
  EXPECT_TRUE(FindDates("  ,,, ((( ))) -- 2025-", kRef).empty());
  EXPECT_TRUE(FindDates("2025-07", kRef).empty());
}

TEST(FindDatesTest, RandomBytesDoNotCrashAndSpansStayInside) {
  std::mt19937 rng(42);
  std::uniform_int_distribution<int> byte(0, 255);
  const std::string alphabet = "0123456789 -,.()JanuaryMonday2025inlastthis\n";
  std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
  for (int round = 0; round < 200; ++round) {
    std::string s;
    for (int i = 0; i < 300; ++i) {
      s.push_back(round % 2 == 0 ? static_cast<char>(byte(rng)) : alphabet[pick(rng)]);
    }
    size_t last_end = 0;
    for (const DateMention& m : FindDates(s, kRef)) {
      EXPECT_LE(last_end, m.begin);
      EXPECT_LT(m.begin, m.end);
      EXPECT_LE(m.end, s.size());
      last_end = m.end;
    }
  }
}

TEST(FindDatesTest, LastYearOrThisYearAfterADayAndMonthIsItsYear) {
  // Reference Thursday 5 March 2026.
  const absl::CivilDay ref(2026, 3, 5);
  ExpectDates("Nina Owen said on 12 February last year that the line was closing.", ref,
              {{"12 February last year", absl::CivilDay(2025, 2, 12), DatePrecision::kDay}});
  ExpectDates("on February 12 last year, and on 3 March this year", ref,
              {{"February 12 last year", absl::CivilDay(2025, 2, 12), DatePrecision::kDay},
               {"3 March this year", absl::CivilDay(2026, 3, 3), DatePrecision::kDay}});
  // "last year" on its own is still a year.
  ExpectDates("on 12 February. Last year it rose.", ref,
              {{"12 February", absl::CivilDay(2026, 2, 12), DatePrecision::kDay},
               {"Last year", absl::CivilDay(2025, 1, 1), DatePrecision::kYear}});
}

TEST(FindDatesTest, ADayAndMonthAfterAPastReportingVerbIsNotInTheFuture) {
  // Reference Saturday 10 January 2026: 3 March 2026 is 52 days ahead, inside the window
  // in which a yearless date is taken for this year; said on it, it is last year's.
  const absl::CivilDay ref(2026, 1, 10);
  ExpectDates("Ben Carter said on 3 March that talks had failed.", ref,
              {{"3 March", absl::CivilDay(2025, 3, 3), DatePrecision::kDay}});
  ExpectDates("Alice Brown said March 3 that the plan was dead.", ref,
              {{"March 3", absl::CivilDay(2025, 3, 3), DatePrecision::kDay}});
  ExpectDates("She told the BBC on 3 March that it was over.", ref,
              {{"3 March", absl::CivilDay(2025, 3, 3), DatePrecision::kDay}});
  // A few days ahead is rather a wrong reference than last year (the extractor passes such a
  // date over); more than a week ahead is last year's.
  ExpectDates("He said on 11 January that it was over.", ref,
              {{"11 January", absl::CivilDay(2026, 1, 11), DatePrecision::kDay}});
  ExpectDates("He said on 17 January that it was over.", ref,
              {{"17 January", absl::CivilDay(2026, 1, 17), DatePrecision::kDay}});
  ExpectDates("He said on 18 January that it was over.", ref,
              {{"18 January", absl::CivilDay(2025, 1, 18), DatePrecision::kDay}});
  // Not after a past-tense reporting verb: as documented, this year's.
  ExpectDates("The vote is on 3 March. She says on 3 March it ends.", ref,
              {{"3 March", absl::CivilDay(2026, 3, 3), DatePrecision::kDay},
               {"3 March", absl::CivilDay(2026, 3, 3), DatePrecision::kDay}});
  // With a weekday, said: within the year before the reference only (2026's 3 March is a
  // Tuesday but still to come; 2020's, six years back, is no likely time of saying), so
  // last year's 3 March, though a Monday.
  ExpectDates("He said on Tuesday, March 3 that talks had failed.", ref,
              {{"Tuesday, March 3", absl::CivilDay(2025, 3, 3), DatePrecision::kDay}});
  ExpectDates("The vote is on Tuesday, March 3.", ref,
              {{"Tuesday, March 3", absl::CivilDay(2026, 3, 3), DatePrecision::kDay}});
}

TEST(FindDatesTest, AWeekdayAfterAFutureReportingPhraseIsTheComingOne) {
  // Reference Thursday 10 July 2025.
  const absl::CivilDay ref(2025, 7, 10);
  auto expect_forthcoming = [&](absl::string_view text, absl::string_view span,
                                absl::CivilDay day, bool forthcoming) {
    SCOPED_TRACE(text);
    const std::vector<DateMention> got = FindDates(text, ref);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(text.substr(got[0].begin, got[0].end - got[0].begin), span);
    EXPECT_EQ(got[0].day, day);
    EXPECT_EQ(got[0].forthcoming, forthcoming);
  };
  expect_forthcoming("Ms Collins will say on Monday that the trust has nothing to hide.", "Monday",
                     absl::CivilDay(2025, 7, 14), true);
  expect_forthcoming("She is expected to say on Monday that it is safe.", "Monday",
                     absl::CivilDay(2025, 7, 14), true);
  expect_forthcoming("He will tell MPs on Tuesday that the deal is off.", "Tuesday",
                     absl::CivilDay(2025, 7, 15), true);
  expect_forthcoming("The minister is due to announce Friday that it ends.", "Friday",
                     absl::CivilDay(2025, 7, 11), true);
  expect_forthcoming("The chancellor will on Wednesday announce cuts.", "Wednesday",
                     absl::CivilDay(2025, 7, 16), true);
  // The reference's own weekday is that day, not a week on.
  expect_forthcoming("She will say on Thursday that it is safe.", "Thursday", ref, true);
  // A calendar date there is marked too.
  expect_forthcoming("He will tell the committee on 14 July that it failed.", "14 July",
                     absl::CivilDay(2025, 7, 14), true);
  // Past tense, or no reporting verb: the most recent such day, as before.
  expect_forthcoming("Ms Collins said on Monday that the trust has nothing to hide.", "Monday",
                     absl::CivilDay(2025, 7, 7), false);
  expect_forthcoming("The trust will close on Monday.", "Monday", absl::CivilDay(2025, 7, 7), false);
  expect_forthcoming("Will Smith said on Monday it was over.", "Monday", absl::CivilDay(2025, 7, 7), false);
}

TEST(FindDatesTest, AnOrdinalDayAfterOnTheIsOfTheMonthNotAfterTheReference) {
  // Reference Thursday 10 July 2025.
  const absl::CivilDay ref(2025, 7, 10);
  ExpectDates("A spokesperson said on the 3rd that no investigation had been opened.", ref,
              {{"the 3rd", absl::CivilDay(2025, 7, 3), DatePrecision::kDay}});
  // Later in the month than the reference (a day's grace): the month before.
  ExpectDates("He wrote on the 21st, saying it was over.", ref,
              {{"the 21st", absl::CivilDay(2025, 6, 21), DatePrecision::kDay}});
  ExpectDates("It was confirmed on the 11th.", ref,
              {{"the 11th", absl::CivilDay(2025, 7, 11), DatePrecision::kDay}});
  // The 31st: the most recent month that has one.
  ExpectDates("She said on the 31st that it was over.", ref,
              {{"the 31st", absl::CivilDay(2025, 5, 31), DatePrecision::kDay}});
  // Not a date before a noun, or with a month of its own.
  ExpectDates("The office on the 3rd floor was closed.", ref, {});
  ExpectDates("It was built on the 21st century model.", ref, {});
  ExpectDates("He said on the 3rd of June that it was over.", ref,
              {{"3rd of June", absl::CivilDay(2025, 6, 3), DatePrecision::kDay}});
}

// --- Dates relative to the date before them ------------------------------------------------

TEST(FindDatesTest, RelativeDatesCountFromTheDateBeforeThem) {
  ExpectDates("On 1 July, the BMA announced a strike. Two days later, Unison said it would ballot.", kRef,
              {{"1 July", absl::CivilDay(2025, 7, 1), DatePrecision::kDay},
               {"Two days later", absl::CivilDay(2025, 7, 3), DatePrecision::kDay}});
  // Wednesday 16 July: last Thursday is 10 July, the week before it 3 July.
  ExpectDates("Last Thursday, NHS England said it was safe. The week before, Palantir said so too.", kRef,
              {{"Last Thursday", absl::CivilDay(2025, 7, 10), DatePrecision::kDay},
               {"The week before", absl::CivilDay(2025, 7, 3), DatePrecision::kDay}});
  // Each counts from the one before, once resolved.
  ExpectDates("On 1 July A. The next day B. The following day, C. A week later, D. The previous "
              "day, E. The day before, F. A day earlier G. Three weeks later, H. The same day, I. "
              "Later that day, J. The day after, K.",
              kRef,
              {{"1 July", absl::CivilDay(2025, 7, 1), DatePrecision::kDay},
               {"The next day", absl::CivilDay(2025, 7, 2), DatePrecision::kDay},
               {"The following day", absl::CivilDay(2025, 7, 3), DatePrecision::kDay},
               {"A week later", absl::CivilDay(2025, 7, 10), DatePrecision::kDay},
               {"The previous day", absl::CivilDay(2025, 7, 9), DatePrecision::kDay},
               {"The day before", absl::CivilDay(2025, 7, 8), DatePrecision::kDay},
               {"A day earlier", absl::CivilDay(2025, 7, 7), DatePrecision::kDay},
               {"Three weeks later", absl::CivilDay(2025, 7, 28), DatePrecision::kDay},
               {"The same day", absl::CivilDay(2025, 7, 28), DatePrecision::kDay},
               {"Later that day", absl::CivilDay(2025, 7, 28), DatePrecision::kDay},
               {"The day after", absl::CivilDay(2025, 7, 29), DatePrecision::kDay}});
  ExpectDates("it was signed on 3 June 2024 and 10 days later it was void", kRef,
              {{"3 June 2024", absl::CivilDay(2024, 6, 3), DatePrecision::kDay},
               {"10 days later", absl::CivilDay(2024, 6, 13), DatePrecision::kDay}});
}

TEST(FindDatesTest, MonthAndYearOffsetsAreOfMonthAndYearPrecision) {
  // "a month later" is no exact day: the anchor's month moved by one.
  ExpectDates("On 31 January it said so. A month later, it said otherwise.", kRef,
              {{"31 January", absl::CivilDay(2025, 1, 31), DatePrecision::kDay},
               {"A month later", absl::CivilDay(2025, 2, 1), DatePrecision::kMonth}});
  ExpectDates("In May it said so. Two months later, it did not. The following month, it did.", kRef,
              {{"May", absl::CivilDay(2025, 5, 1), DatePrecision::kMonth},
               {"Two months later", absl::CivilDay(2025, 7, 1), DatePrecision::kMonth},
               {"The following month", absl::CivilDay(2025, 8, 1), DatePrecision::kMonth}});
  ExpectDates("In 2019 it said so. A year later, it did not. The previous year, it had.", kRef,
              {{"2019", absl::CivilDay(2019, 1, 1), DatePrecision::kYear},
               {"A year later", absl::CivilDay(2020, 1, 1), DatePrecision::kYear},
               {"The previous year", absl::CivilDay(2019, 1, 1), DatePrecision::kYear}});
}

TEST(FindDatesTest, RelativeDatesWithNothingToCountFromAreLeftUnresolved) {
  // No date before it in the text: found, for the caller to anchor, but not resolved.
  std::vector<DateMention> d = FindDates("Two days later, Unison said it would ballot.", kRef);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].begin, 0u);
  EXPECT_EQ(d[0].end, 14u);
  EXPECT_FALSE(d[0].resolved);
  ASSERT_TRUE(d[0].offset.has_value());
  EXPECT_EQ(d[0].offset->count, 2);
  EXPECT_EQ(d[0].offset->unit, DatePrecision::kDay);
  // A month is too coarse to count days from; and after an unresolved one, nothing counts.
  d = FindDates("In July it said so. A week later, it did not. The next day, it did. On 3 July, "
                "it said. The week before, it did not.",
                kRef);
  ASSERT_EQ(d.size(), 5u);
  EXPECT_TRUE(d[0].resolved);
  EXPECT_FALSE(d[1].resolved);
  EXPECT_EQ(d[1].offset->count, 7);
  EXPECT_FALSE(d[2].resolved);
  EXPECT_EQ(d[2].offset->count, 1);
  EXPECT_TRUE(d[3].resolved);
  EXPECT_TRUE(d[4].resolved);
  EXPECT_EQ(d[4].day, absl::CivilDay(2025, 6, 26));
  // A date that is not relative has no offset.
  EXPECT_FALSE(FindDates("on 3 July", kRef)[0].offset.has_value());
}

TEST(FindDatesTest, LaterAndBeforeThatCountFromSomethingElseAreNoDates) {
  const absl::string_view kNoDates[] = {
      "On 1 July it said the budget would be two days later than planned.",
      "On 1 July it said so a week before the vote.",
      "On 1 July it said so within the next day or so.",
      "On 1 July it said so. It would decide in the next day.",
      "On 1 July it said so. The next day or two would tell.",
      "On 1 July it said so. The following day's vote was close.",
      "On 1 July it said so. The following year was hard.",
      "On 1 July it said so on the same day as the vote.",
      "On 1 July it said so. In the following days, it did not.",
      "On 1 July it said so. Days later, it did not.",
      "On 1 July it said so. On the same day that it voted, it did not.",
  };
  for (absl::string_view text : kNoDates) {
    ExpectDates(text, kRef, {{"1 July", absl::CivilDay(2025, 7, 1), DatePrecision::kDay}});
  }
  // "the day before yesterday", "the week before last": not the day before the last date.
  ExpectDates("On 1 July it said so. The day before yesterday, it did not.", kRef,
              {{"1 July", absl::CivilDay(2025, 7, 1), DatePrecision::kDay},
               {"yesterday", absl::CivilDay(2025, 7, 15), DatePrecision::kDay}});
  ExpectDates("On 1 July it said so. The week before last, it did not.", kRef,
              {{"1 July", absl::CivilDay(2025, 7, 1), DatePrecision::kDay}});
}

TEST(FindDatesTest, SeasonsAndBoundsOfAPeriodAreNoAnchors) {
  // "last winter" is reported as the year it began in; "since 2012" starts a period.
  for (absl::string_view text :
       {"He met her last winter. A year later, he called.", "A pastor held since 2012. A year later, he called.",
        "On 1 July it said so, as it had until 3 June. A week later, it did not."}) {
    const std::vector<DateMention> d = FindDates(text, kRef);
    ASSERT_FALSE(d.empty()) << text;
    EXPECT_FALSE(d.back().resolved) << text;
    EXPECT_FALSE(d[d.size() - 2].anchors) << text;
  }
  EXPECT_TRUE(FindDates("in 2012", kRef)[0].anchors);
}

TEST(ResolveOffsetTest, NeedsAnAnchorFineEnoughForTheOffset) {
  DateMention anchor;
  anchor.day = absl::CivilDay(2024, 12, 30);
  DateMention later;
  later.offset = DateOffset{3, DatePrecision::kDay};
  later.resolved = false;
  ASSERT_TRUE(ResolveOffset(anchor, &later));
  EXPECT_EQ(later.day, absl::CivilDay(2025, 1, 2));  // across the year's end
  EXPECT_EQ(later.precision, DatePrecision::kDay);
  EXPECT_TRUE(later.resolved);

  anchor.precision = DatePrecision::kYear;
  DateMention next_month;
  next_month.offset = DateOffset{1, DatePrecision::kMonth};
  next_month.resolved = false;
  EXPECT_FALSE(ResolveOffset(anchor, &next_month));
  EXPECT_FALSE(next_month.resolved);
  DateMention no_offset;
  EXPECT_FALSE(ResolveOffset(anchor, &no_offset));
  anchor.resolved = false;
  DateMention next_year;
  next_year.offset = DateOffset{1, DatePrecision::kYear};
  next_year.resolved = false;
  EXPECT_FALSE(ResolveOffset(anchor, &next_year));
}

}  // namespace
}  // namespace claims::extract
