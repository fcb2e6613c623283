#include "store/filter_expr.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "store/claim_speakers.h"

namespace claims::store {
namespace {

bool Contains(const std::vector<std::string>& values, absl::string_view v) {
  return std::find(values.begin(), values.end(), v) != values.end();
}

bool TermMatches(const FilterExpr& e, const claims::v1::Claim& c) {
  switch (e.field) {
    case FilterExpr::Field::kOrganisation:
      for (const auto& o : c.organisations()) {
        if (Contains(e.values, o.id())) return true;
      }
      return false;
    case FilterExpr::Field::kTopic:
      for (const auto& t : c.topics()) {
        for (const auto& v : e.values) {
          if (t.id() == v || absl::StartsWith(t.id(), absl::StrCat(v, "/"))) return true;
        }
      }
      return false;
    case FilterExpr::Field::kSpeaker:
      for (absl::string_view speaker : SpeakerIdsOf(c)) {
        if (Contains(e.values, speaker)) return true;
      }
      return false;
    case FilterExpr::Field::kKind:
      return Contains(e.values, absl::StrCat(static_cast<int>(c.kind())));
    case FilterExpr::Field::kArticle:
      return Contains(e.values, c.article_id());
  }
  return false;
}

}  // namespace

FilterExpr FilterExpr::Term(Field field, std::vector<std::string> values) {
  FilterExpr e;
  e.op = Op::kTerm;
  e.field = field;
  e.values = std::move(values);
  return e;
}

FilterExpr FilterExpr::Time(std::optional<int64_t> start, std::optional<int64_t> end) {
  FilterExpr e;
  e.op = Op::kTime;
  e.start_seconds = start;
  e.end_seconds = end;
  return e;
}

FilterExpr FilterExpr::And(std::vector<FilterExpr> children) {
  FilterExpr e;
  e.op = Op::kAnd;
  e.children = std::move(children);
  return e;
}

FilterExpr FilterExpr::Or(std::vector<FilterExpr> children) {
  FilterExpr e;
  e.op = Op::kOr;
  e.children = std::move(children);
  return e;
}

FilterExpr FilterExpr::Not(FilterExpr child) {
  FilterExpr e;
  e.op = Op::kNot;
  e.children.push_back(std::move(child));
  return e;
}

bool Matches(const FilterExpr& expr, const claims::v1::Claim& claim) {
  switch (expr.op) {
    case FilterExpr::Op::kTrue: return true;
    case FilterExpr::Op::kFalse: return false;
    case FilterExpr::Op::kTerm: return TermMatches(expr, claim);
    case FilterExpr::Op::kTime: {
      const int64_t t = claim.claim_time().seconds();
      return (!expr.start_seconds || t >= *expr.start_seconds) &&
             (!expr.end_seconds || t < *expr.end_seconds);
    }
    case FilterExpr::Op::kNot: return !Matches(expr.children[0], claim);
    case FilterExpr::Op::kAnd:
      for (const auto& c : expr.children) {
        if (!Matches(c, claim)) return false;
      }
      return true;
    case FilterExpr::Op::kOr:
      for (const auto& c : expr.children) {
        if (Matches(c, claim)) return true;
      }
      return false;
  }
  return false;
}

}  // namespace claims::store
