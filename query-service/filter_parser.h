// Parses the AIP-160-style filter language of ListClaims, CountClaims, StreamClaims and
// WatchClaims:
//
//   organisation = "NHS England" AND topic:"health" AND claim_time >= "2025-07-01"
//   (speaker = "Marion Macalpine" OR speaker = "Karin Smyth") AND NOT kind = indirect
//
// Fields: organisation (also organization, org), topic, speaker, kind, article (article_id),
// claim_time. Operators: `=` and `:` (has), `!=`, and for claim_time also < <= > >=.
// Values are "double-quoted" (with \" and \\ escapes) or bare words. Keywords AND, OR, NOT
// are upper case; `-` also negates. As in AIP-160, OR binds tighter than AND, and terms
// written one after another are ANDed: `a OR b c` means `(a OR b) AND c`.
// claim_time values are dates (YYYY-MM-DD, UTC midnight) or RFC 3339 times; for a date,
// `= D` is that whole day and `<= D` includes it.
// Pure function; thread-safe.
#ifndef CLAIMS_QUERY_SERVICE_FILTER_PARSER_H_
#define CLAIMS_QUERY_SERVICE_FILTER_PARSER_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "store/filter_expr.h"

namespace claims::query {

// Longest filter accepted, in bytes.
inline constexpr size_t kMaxFilterLength = 4096;

// Returns the filter with organisation, topic and speaker terms still holding the NAMES as
// written (to be resolved to ids); kinds are decimal Claim::Kind numbers; article terms hold
// ids. An empty or blank filter is FilterExpr::True(). Errors: INVALID_ARGUMENT
// "filter_expression: <what> at position N" (N counts bytes from 0), or over kMaxFilterLength.
absl::StatusOr<store::FilterExpr> ParseFilter(absl::string_view filter);

}  // namespace claims::query

#endif  // CLAIMS_QUERY_SERVICE_FILTER_PARSER_H_
