// Finding and resolving date expressions against a reference (publication) day.
// Pure functions; thread-safe.
#ifndef CLAIMS_INGEST_SERVICE_EXTRACT_DATES_H_
#define CLAIMS_INGEST_SERVICE_EXTRACT_DATES_H_

#include <cstddef>
#include <optional>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"

namespace claims::extract {

enum class DatePrecision { kDay, kMonth, kYear };

// How far a date given relative to the date before it lies from that date: "two days later"
// is {+2, kDay}, "the week before" {-7, kDay}, "a month later" {+1, kMonth}, "the same day"
// {0, kDay}.
struct DateOffset {
  int count = 0;
  DatePrecision unit = DatePrecision::kDay;
};

struct DateMention {
  size_t begin = 0;  // byte offsets into the text passed to FindDates
  size_t end = 0;
  // The resolved date: the first day of the month or year for coarser precisions.
  absl::CivilDay day;
  DatePrecision precision = DatePrecision::kDay;
  // The date follows a future-tense reporting phrase ("will say on Monday", "is due to
  // announce on 14 July"): when a statement is still to be made, so it may lie after the
  // reference.
  bool forthcoming = false;
  // Set for a date given relative to the date before it ("Two days later", "the week
  // before", "the next day"). Then `day` and `precision` hold its resolution against the
  // last resolved date earlier in the text when `resolved`; when not (no such date, or one
  // too coarse for the offset), `day` means nothing and the mention must not be taken for a
  // date: a caller may resolve it against an anchor of its own (ResolveOffset).
  std::optional<DateOffset> offset;
  bool resolved = true;
  // Whether a relative date after it may count from it. Not a season (reported as the year
  // it begins in, while "last winter" may have been in the next one) nor a date that bounds
  // a period, after "since", "until", "till", "by", "before" or "after" ("a pastor held
  // since 2012 ... A year later" is no 2013).
  bool anchors = true;
};

// Resolves the relative `mention` (one with an offset) against `anchor`, a resolved date
// before it: sets its day, precision and `resolved`, and returns true. A day or week offset
// needs an anchor of DAY precision and gives a DAY ("On 1 July ... Two days later": 3 July);
// a month offset needs a DAY or MONTH anchor and gives that month moved by the offset, of
// MONTH precision ("a month later" is no exact day); a year offset gives the anchor's year
// moved by it, of YEAR precision. Otherwise (an anchor too coarse, an unresolved anchor, or a
// mention with no offset) returns false and leaves `mention` as it is.
bool ResolveOffset(const DateMention& anchor, DateMention* mention);

// Resolves, in order, each relative mention of `mentions` (text order; one with an offset)
// against the mention right before it, when that one is resolved, `anchors`, and the caller
// finds it `in_reach` of the relative one (ResolveOffset); otherwise the relative mention is
// left unresolved, and is no anchor for the next. Other mentions are left as they are.
void ResolveRelativeDates(std::vector<DateMention>* mentions,
                          absl::FunctionRef<bool(const DateMention& anchor, const DateMention& mention)> in_reach);

// Finds the date expressions in `text`, in order, without overlaps, resolved against
// `reference` (normally the publication day). Linear in the length of `text`.
//
// Spans [begin, end) cover the date words themselves, not a preposition before them
// ("on Monday" -> "Monday"), but do include "last", "this", "earlier this" and a weekday
// paired with a date ("Wednesday (January 21" -> from "Wednesday" to "21").
// Month and weekday names must be capitalised ("may", "march" are not dates).
//
//   "21 January 2025", "21st of January, 2025", "January 21, 2025", "Jan. 21 2025"   DAY
//   "2025-07-14" (ISO 8601 calendar date)                                           DAY
//   "January 21", "21 Jan": year of the reference, or the previous year when that date
//       would fall more than 61 days after the reference                              DAY
//   "21 January last year", "January 21 this year": the year before the reference's, or
//       the reference's                                                               DAY
//   "said on 3 March", "said March 3", "told the BBC on 3 March" (right after a past-tense
//       reporting verb: said, told, added, announced, confirmed, warned, wrote, tweeted; or
//       after one and "on", with up to three words of listener after "told"): when it was
//       said, so the most recent year in which it is not more than 7 days after the
//       reference ("said on 3 March" in a January article is last March; 2-7 days ahead
//       is left as this year's, a wrong reference rather than last year, for the caller to
//       pass over)                                                                    DAY
//   "Wednesday, January 21", "On Wednesday (January 21)", "Wednesday 21 January": the
//       weekday picks the year (the year nearest the reference, from 11 years before to one
//       after, in which that date is that weekday; after a past-tense reporting verb as
//       above, "said on Tuesday, March 3", only years in which it is not more than 7 days
//       after the reference); a written year always wins                              DAY
//   "July 2025", "July, 2025"                                                        MONTH
//   "in July" (full month name after a preposition: in, since, during, by, until, from,
//       before, after, throughout, of): the most recent July not after the reference
//       month, so "in July" in a July article is that July                           MONTH
//   "in 2024": 4-digit year 1900-2100 only after such a preposition; "2024 patients",
//       "2,024" and "2024bn" are not dates                                            YEAR
//   "yesterday" (reference - 1), "today"/"tonight" (reference), "tomorrow" (+1),
//       "last night" (reference - 1)                                                  DAY
//   "in mid-July", "by early June", "in late March": as "in July" (after a preposition)  MONTH
//   "in May last year": that month of the year before the reference's                MONTH
//   "on Monday" (weekday after a preposition, or right after said, says, told, added,
//       announced, confirmed, warned, wrote, tweeted: "said Tuesday", or after one of them
//       and a lower-case listener: "told investors Monday"): the most recent
//       Monday ON OR BEFORE the reference, so "said on Monday" in a Monday article is
//       that day, as news copy uses it; "last Monday" is strictly before (7 days back on
//       a Monday)                                                                      DAY
//   "will say on Monday", "will say Monday", "is expected to tell MPs on Monday", "will on
//       Monday announce" (after "will", or "expected", "due", "set", "going", "scheduled",
//       "poised", "planning", "plans", "intends", "likely" and "to", a base-form reporting
//       verb: say, announce, confirm, warn, unveil, reveal, outline, argue, insist, claim,
//       promise, pledge, urge; or tell, address, brief, inform and up to three words of
//       listener): the coming Monday, ON OR AFTER the reference, `forthcoming`. A calendar
//       date there ("will say on 14 July") resolves as elsewhere and is `forthcoming` too DAY
//   "on the 3rd", "on the 21st" (an ordinal with no month after "on the", at the end or
//       before punctuation or a function word: "said on the 3rd that", not "on the 3rd
//       floor"): that day of the reference's month when not more than a day after the
//       reference, else of the most recent earlier month that has such a day           DAY
//   "last week": reference - 7 days (a point estimate inside the previous week)       DAY
//   "at the weekend", "over the weekend", "this weekend": the Saturday of the most recent
//       weekend begun by the reference; "last weekend": of the one before, when the
//       reference falls on a weekend (point estimates, as "last week" is)             DAY
//   "three days ago", "10 days ago" (reference - N); "two weeks ago" (- 7N)           DAY
//   "six months ago" (that month), "a year ago", "12 years ago" (that year)   MONTH / YEAR
//       (a count of 1-99 in digits or one..twelve, a, an in words)
//   "last month", "this month", "earlier this month"                                 MONTH
//   "last July": the most recent July strictly before the reference month            MONTH
//   "last year", "this year", "earlier this year"                                    YEAR
//   "3/6/2025", "03/06/2025" (numbers and slashes, a four-digit year): day first, or month
//       first with DateOrder::kMonthFirst (US usage); a part over 12 settles it either way
//       ("25/12/2025", "12/25/2025")                                                   DAY
//   Seasons (spring from March, summer June, autumn or fall September, winter December):
//       "spring 2025", "the autumn of 2024" (that year); "last summer" (the most recent
//       summer that began and is over: in a July article, the year before), "this winter"
//       (the reference's year), "in the spring" (the most recent spring that began on or
//       before the reference; "fall" only with a year). A season has no precision of its
//       own, so it is reported as the year it begins in                                YEAR
//
// Dates relative to the date before them (`offset` set; see ResolveOffset): resolved against
// the last date earlier in `text` when that is resolved and `anchors` (a relative one counts
// once resolved; after one that does not anchor, nothing does until the next date), else
// reported unresolved for the caller to anchor. A count is 1-99 in digits or one..twelve, a,
// an in words; a unit is day(s), week(s) (7 days), month(s) or year(s):
//   "two days later", "a week earlier", "three weeks later", "a month later", "a year
//       earlier" (N units later / earlier)
//   "two days after", "a week before", "the day before", "the week after", "the year
//       before": only at the end of the text or before punctuation ("the day before,", "said
//       the week before."), since "a week before the vote", "the day before yesterday",
//       "the week before last" are anchored elsewhere
//   "the next day", "the following day", "the previous week", "the following month", "the
//       same day" (singular unit; "the same day" not before "that" or "when": "on the same
//       day that footage emerged" counts from the footage)
// None after "within", "in", "over", "for", "during", "throughout", "until", "till" or "by"
// ("within the next day" counts from now), and none before "than", "or", "as", "of", an
// apostrophe ("the next day's vote") or a verb that makes it a subject ("The following year
// was", "the week before saw"): "two days later than planned" is no date.
//
// The resolved day of a MONTH or YEAR mention is the first day of that month or year.
// Invalid dates ("31 February") are not reported.
enum class DateOrder { kDayFirst, kMonthFirst };
std::vector<DateMention> FindDates(absl::string_view text, absl::CivilDay reference,
                                   DateOrder order = DateOrder::kDayFirst);

// The order of the parts of a numeric date for a language tag: month first for US
// English ("en-US" or "en_US", case-insensitive), day first otherwise (and when empty).
DateOrder DateOrderFor(absl::string_view language);

}  // namespace claims::extract

#endif  // CLAIMS_INGEST_SERVICE_EXTRACT_DATES_H_
