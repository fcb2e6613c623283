// Finding and resolving date expressions against a reference (publication) day.
// Pure functions; thread-safe.
#ifndef CLAIMS_INGEST_SERVICE_EXTRACT_DATES_H_
#define CLAIMS_INGEST_SERVICE_EXTRACT_DATES_H_

#include <cstddef>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"

namespace claims::extract {

enum class DatePrecision { kDay, kMonth, kYear };

struct DateMention {
  size_t begin = 0;  // byte offsets into the text passed to FindDates
  size_t end = 0;
  // The resolved date: the first day of the month or year for coarser precisions.
  absl::CivilDay day;
  DatePrecision precision = DatePrecision::kDay;
};

// Finds the date expressions in `text`, in order, resolved against `reference`:
// "21 January 2025", "January 21, 2025", "January 21" (year from reference, or from a
// weekday given with it: "On Wednesday (January 21)"), "in July 2025", "July" (the most
// recent July not after reference), "2024", "yesterday", "today", "on Wednesday" (the most
// recent Wednesday before reference), "last week" (DAY, 7 days before), "last month",
// "last year", "earlier this month/year". ISO "2025-07-14" too.
std::vector<DateMention> FindDates(absl::string_view text, absl::CivilDay reference);

}  // namespace claims::extract

#endif  // CLAIMS_INGEST_SERVICE_EXTRACT_DATES_H_
