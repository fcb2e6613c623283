// A boolean filter over claims (AND, OR, NOT of field terms and time ranges), the form both
// the typed ClaimFilter and the AIP-160 `filter` string take once names are resolved.
#ifndef CLAIMS_STORE_FILTER_EXPR_H_
#define CLAIMS_STORE_FILTER_EXPR_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "claims/v1/claims.pb.h"

namespace claims::store {

struct FilterExpr {
  enum class Op { kAnd, kOr, kNot, kTerm, kTime, kTrue, kFalse };
  // Fields a term can test; the char is the index field byte.
  enum class Field : char {
    kOrganisation = 'o',
    kTopic = 't',
    kSpeaker = 's',
    kKind = 'k',
    kArticle = 'r',
  };

  Op op = Op::kTrue;
  // kAnd / kOr: two or more children; kNot: one.
  std::vector<FilterExpr> children;
  // kTerm: the claim has any of `values` in `field` (ids; kinds as decimal numbers).
  Field field = Field::kOrganisation;
  std::vector<std::string> values;
  // kTime: claim_time in [start, end) seconds; either may be open.
  std::optional<int64_t> start_seconds;
  std::optional<int64_t> end_seconds;

  static FilterExpr True() { return FilterExpr(); }
  static FilterExpr False() {
    FilterExpr e;
    e.op = Op::kFalse;
    return e;
  }
  static FilterExpr Term(Field field, std::vector<std::string> values);
  static FilterExpr Time(std::optional<int64_t> start, std::optional<int64_t> end);
  static FilterExpr And(std::vector<FilterExpr> children);
  static FilterExpr Or(std::vector<FilterExpr> children);
  static FilterExpr Not(FilterExpr child);
};

// Whether `claim` satisfies `expr`, evaluated on the record itself (no index): used for
// live watches and as the reference that index execution is tested against. A topic term
// matches a claim topic or any of its ancestors ("health" matches "health/nhs").
bool Matches(const FilterExpr& expr, const claims::v1::Claim& claim);

}  // namespace claims::store

#endif  // CLAIMS_STORE_FILTER_EXPR_H_
