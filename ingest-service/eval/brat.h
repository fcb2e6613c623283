// Reading attribution annotations in BRAT standoff format, as PolNeAR ships them:
//   T1<TAB>Source 89 106<TAB>The New York Post
//   T3<TAB>Content 115 290;300 310<TAB>...        (discontinuous spans separated by ';')
//   E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1
// Offsets are character (code point) offsets into the article's text file.
#ifndef CLAIMS_INGEST_SERVICE_EVAL_BRAT_H_
#define CLAIMS_INGEST_SERVICE_EVAL_BRAT_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace claims::eval {

struct CharSpan {
  int32_t start = 0;
  int32_t end = 0;
  bool operator==(const CharSpan& o) const { return start == o.start && end == o.end; }
  bool operator<(const CharSpan& o) const { return start != o.start ? start < o.start : end < o.end; }
};

// One attribution: its cue, source and content spans (each possibly several fragments).
struct Attribution {
  std::vector<CharSpan> cue;
  std::vector<CharSpan> source;
  std::vector<CharSpan> content;
};

// The attributions of one .ann file (its E lines), spans sorted. Lines of other kinds
// (relations, notes) are ignored. INVALID_ARGUMENT naming the line for a malformed T or
// E line or an E line that refers to an unknown T.
absl::StatusOr<std::vector<Attribution>> ParseBratAttributions(absl::string_view ann);

}  // namespace claims::eval

#endif  // CLAIMS_INGEST_SERVICE_EVAL_BRAT_H_
