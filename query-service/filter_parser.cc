#include "query-service/filter_parser.h"

#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "claims/v1/claims.pb.h"
#include "common/error_info.h"
#include "common/status_macros.h"
#include "common/timestamps.h"

namespace claims::query {
namespace {

using store::FilterExpr;

constexpr int kMaxDepth = 32;

struct Token {
  enum Kind { kWord, kString, kOp, kLParen, kRParen, kMinus, kEnd } kind = kEnd;
  std::string text;
  size_t pos = 0;
};

absl::Status ErrorAt(size_t pos, absl::string_view what) {
  return InvalidArgumentWithReason(
      reason::kInvalidFilterExpression, "filter_expression",
      absl::StrCat("filter_expression: ", what, " at position ", pos),
      {{kPositionKey, absl::StrCat(pos)}});
}

absl::StatusOr<std::vector<Token>> Tokenize(absl::string_view in) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < in.size()) {
    const char c = in[i];
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    Token t;
    t.pos = i;
    if (c == '(' || c == ')') {
      t.kind = c == '(' ? Token::kLParen : Token::kRParen;
      t.text.push_back(c);
      ++i;
    } else if (c == '"') {
      t.kind = Token::kString;
      ++i;
      bool closed = false;
      while (i < in.size()) {
        if (in[i] == '\\' && i + 1 < in.size()) {
          t.text.push_back(in[i + 1]);
          i += 2;
        } else if (in[i] == '"') {
          closed = true;
          ++i;
          break;
        } else {
          t.text.push_back(in[i++]);
        }
      }
      if (!closed) return ErrorAt(t.pos, "unterminated string");
    } else if (c == '=' || c == ':' || c == '<' || c == '>' || c == '!') {
      t.kind = Token::kOp;
      t.text.push_back(c);
      ++i;
      if (i < in.size() && in[i] == '=' && c != '=' && c != ':') t.text.push_back(in[i++]);
      if (t.text == "!") return ErrorAt(t.pos, "'!' must be followed by '='");
    } else if (c == '-') {
      t.kind = Token::kMinus;
      t.text.push_back(c);
      ++i;
    } else {
      t.kind = Token::kWord;
      while (i < in.size()) {
        const char d = in[i];
        if (absl::ascii_isspace(static_cast<unsigned char>(d)) || d == '(' || d == ')' || d == '"' ||
            d == '=' || d == ':' || d == '<' || d == '>' || d == '!') {
          break;
        }
        t.text.push_back(d);
        ++i;
      }
    }
    tokens.push_back(std::move(t));
  }
  Token end;
  end.pos = in.size();
  tokens.push_back(end);
  return tokens;
}

// A claim_time value: a date (a whole UTC day), a whole second, or an instant between two
// seconds (claims are compared by whole seconds, so none is equal to it).
struct TimeValue {
  enum class Kind { kDay, kSecond, kFraction };
  int64_t seconds = 0;  // the day's first second, the second, or the second before the instant
  Kind kind = Kind::kSecond;
};

// Parses a claim_time value: a date (whole UTC day) or an RFC 3339 time, in years 1 to 9999
// (the typed filter's range).
absl::StatusOr<TimeValue> ParseTimeValue(const Token& value) {
  absl::Time t;
  std::string err;
  TimeValue v;
  if (absl::ParseTime("%Y-%m-%d", value.text, absl::UTCTimeZone(), &t, &err)) {
    v.kind = TimeValue::Kind::kDay;
  } else if (absl::ParseTime(absl::RFC3339_full, value.text, absl::UTCTimeZone(), &t, &err)) {
    v.kind = TimeValue::Kind::kSecond;
  } else {
    return ErrorAt(value.pos, absl::StrCat("'", value.text, "' is not a date (YYYY-MM-DD) or RFC 3339 time"));
  }
  v.seconds = absl::ToUnixSeconds(t);  // rounds down
  if (!InTimestampRange(v.seconds)) {
    return ErrorAt(value.pos, absl::StrCat("'", value.text, "' is outside years 1 to 9999"));
  }
  if (v.kind == TimeValue::Kind::kSecond && absl::FromUnixSeconds(v.seconds) < t) {
    v.kind = TimeValue::Kind::kFraction;
  }
  return v;
}

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  absl::StatusOr<FilterExpr> Parse() {
    CLAIMS_ASSIGN_OR_RETURN(FilterExpr e, Expression(0));
    if (Peek().kind != Token::kEnd) return ErrorAt(Peek().pos, absl::StrCat("unexpected '", Peek().text, "'"));
    return e;
  }

 private:
  const Token& Peek() const { return tokens_[i_]; }
  const Token& Take() { return tokens_[i_ < tokens_.size() - 1 ? i_++ : i_]; }
  bool IsKeyword(absl::string_view word) const {
    return Peek().kind == Token::kWord && Peek().text == word;
  }

  static FilterExpr Combine(std::vector<FilterExpr> parts, bool is_and) {
    if (parts.size() == 1) return std::move(parts[0]);
    return is_and ? FilterExpr::And(std::move(parts)) : FilterExpr::Or(std::move(parts));
  }

  // expression := sequence { "AND" sequence }
  absl::StatusOr<FilterExpr> Expression(int depth) {
    if (depth > kMaxDepth) return ErrorAt(Peek().pos, "nesting too deep");
    std::vector<FilterExpr> parts;
    CLAIMS_ASSIGN_OR_RETURN(FilterExpr first, Sequence(depth));
    parts.push_back(std::move(first));
    while (IsKeyword("AND")) {
      Take();
      CLAIMS_ASSIGN_OR_RETURN(FilterExpr next, Sequence(depth));
      parts.push_back(std::move(next));
    }
    return Combine(std::move(parts), true);
  }

  // sequence := factor { factor }   (juxtaposition is AND)
  absl::StatusOr<FilterExpr> Sequence(int depth) {
    std::vector<FilterExpr> parts;
    CLAIMS_ASSIGN_OR_RETURN(FilterExpr first, Factor(depth));
    parts.push_back(std::move(first));
    while (Peek().kind != Token::kEnd && Peek().kind != Token::kRParen && !IsKeyword("AND")) {
      CLAIMS_ASSIGN_OR_RETURN(FilterExpr next, Factor(depth));
      parts.push_back(std::move(next));
    }
    return Combine(std::move(parts), true);
  }

  // factor := term { "OR" term }
  absl::StatusOr<FilterExpr> Factor(int depth) {
    std::vector<FilterExpr> parts;
    CLAIMS_ASSIGN_OR_RETURN(FilterExpr first, Term(depth));
    parts.push_back(std::move(first));
    while (IsKeyword("OR")) {
      Take();
      CLAIMS_ASSIGN_OR_RETURN(FilterExpr next, Term(depth));
      parts.push_back(std::move(next));
    }
    return Combine(std::move(parts), false);
  }

  // term := ["NOT" | "-"] simple ; simple := "(" expression ")" | comparison
  absl::StatusOr<FilterExpr> Term(int depth) {
    if (IsKeyword("NOT") || Peek().kind == Token::kMinus) {
      Take();
      if (depth > kMaxDepth) return ErrorAt(Peek().pos, "nesting too deep");
      CLAIMS_ASSIGN_OR_RETURN(FilterExpr inner, Term(depth + 1));
      return FilterExpr::Not(std::move(inner));
    }
    if (Peek().kind == Token::kLParen) {
      const size_t open = Take().pos;
      CLAIMS_ASSIGN_OR_RETURN(FilterExpr inner, Expression(depth + 1));
      if (Peek().kind != Token::kRParen) return ErrorAt(Peek().pos, absl::StrCat("expected ')' to close '(' at ", open));
      Take();
      return inner;
    }
    return Comparison();
  }

  absl::StatusOr<FilterExpr> Comparison() {
    const Token field = Take();
    if (field.kind != Token::kWord || field.text == "AND" || field.text == "OR") {
      return ErrorAt(field.pos, field.kind == Token::kEnd ? "expected a field name, got the end"
                                                          : absl::StrCat("expected a field name, got '", field.text, "'"));
    }
    const Token op = Take();
    if (op.kind != Token::kOp) {
      return ErrorAt(op.pos, absl::StrCat("expected an operator (=, !=, :, <, <=, >, >=) after '", field.text, "'"));
    }
    const Token value = Take();
    if (value.kind != Token::kWord && value.kind != Token::kString) {
      return ErrorAt(value.pos, absl::StrCat("expected a value after '", field.text, " ", op.text, "'"));
    }
    const std::string name = absl::AsciiStrToLower(field.text);
    if (name == "claim_time" || name == "time") return TimeComparison(op, value);

    FilterExpr::Field f;
    std::string v = value.text;
    if (name == "organisation" || name == "organization" || name == "org" || name == "organisations") {
      f = FilterExpr::Field::kOrganisation;
    } else if (name == "topic" || name == "topics") {
      f = FilterExpr::Field::kTopic;
    } else if (name == "speaker") {
      f = FilterExpr::Field::kSpeaker;
    } else if (name == "article" || name == "article_id") {
      f = FilterExpr::Field::kArticle;
    } else if (name == "kind") {
      f = FilterExpr::Field::kKind;
      const std::string k = absl::AsciiStrToLower(v);
      if (k == "direct_quote" || k == "quote" || k == "direct") {
        v = absl::StrCat(static_cast<int>(claims::v1::Claim::DIRECT_QUOTE));
      } else if (k == "indirect") {
        v = absl::StrCat(static_cast<int>(claims::v1::Claim::INDIRECT));
      } else if (k == "mixed") {
        v = absl::StrCat(static_cast<int>(claims::v1::Claim::MIXED));
      } else {
        return ErrorAt(value.pos, absl::StrCat("unknown kind '", value.text, "' (DIRECT_QUOTE, INDIRECT or MIXED)"));
      }
    } else {
      return ErrorAt(field.pos, absl::StrCat("unknown field '", field.text,
                                             "' (organisation, topic, speaker, kind, article, claim_time)"));
    }
    if (v.empty()) return ErrorAt(value.pos, "empty value");
    if (op.text != "=" && op.text != ":" && op.text != "!=") {
      return ErrorAt(op.pos, absl::StrCat("'", op.text, "' only applies to claim_time"));
    }
    FilterExpr term = FilterExpr::Term(f, {v});
    return op.text == "!=" ? FilterExpr::Not(std::move(term)) : term;
  }

  absl::StatusOr<FilterExpr> TimeComparison(const Token& op, const Token& value) {
    CLAIMS_ASSIGN_OR_RETURN(const TimeValue v, ParseTimeValue(value));
    if (v.kind == TimeValue::Kind::kFraction) {
      // Between seconds s and s + 1: no claim equals it; <, <= are up to s; >, >= from s + 1.
      const int64_t after = v.seconds + 1;
      if (op.text == "=" || op.text == ":") return FilterExpr::False();
      if (op.text == "!=") return FilterExpr::True();
      if (op.text == ">=" || op.text == ">") return FilterExpr::Time(after, std::nullopt);
      return FilterExpr::Time(std::nullopt, after);  // < and <=
    }
    const bool is_date = v.kind == TimeValue::Kind::kDay;
    const int64_t t = v.seconds;
    const int64_t next = is_date ? t + 86400 : t + 1;  // first instant after the value
    if (op.text == "=" || op.text == ":") {
      return FilterExpr::Time(t, is_date ? t + 86400 : t + 1);
    }
    if (op.text == "!=") return FilterExpr::Not(FilterExpr::Time(t, next));
    if (op.text == ">=") return FilterExpr::Time(t, std::nullopt);
    if (op.text == ">") return FilterExpr::Time(next, std::nullopt);
    if (op.text == "<") return FilterExpr::Time(std::nullopt, t);
    return FilterExpr::Time(std::nullopt, next);  // <=
  }

  std::vector<Token> tokens_;
  size_t i_ = 0;
};

}  // namespace

absl::StatusOr<FilterExpr> ParseFilter(absl::string_view filter) {
  if (filter.size() > kMaxFilterLength) {
    return InvalidArgumentWithReason(
        reason::kInvalidFilterExpression, "filter_expression",
        absl::StrCat("filter_expression: ", filter.size(), " bytes is over the limit of ", kMaxFilterLength),
        {{kLimitKey, absl::StrCat(kMaxFilterLength)}});
  }
  CLAIMS_ASSIGN_OR_RETURN(std::vector<Token> tokens, Tokenize(filter));
  if (tokens.size() == 1) return FilterExpr::True();
  return Parser(std::move(tokens)).Parse();
}

}  // namespace claims::query
