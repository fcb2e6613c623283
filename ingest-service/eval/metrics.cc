#include "ingest-service/eval/metrics.h"

#include <algorithm>

#include "absl/strings/str_format.h"
#include "common/utf8.h"

namespace claims::eval {
namespace {

Prf Make(double p, double r) {
  Prf out;
  out.precision = p;
  out.recall = r;
  out.f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
  return out;
}

bool IsWordChar(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80 ||
         c == '\'' || c == 0x2019;
}

// Token index of every code point (-1 for whitespace): words are runs of word characters,
// every other visible character is a token of its own.
std::vector<int32_t> TokenOfCodePoint(absl::string_view text, int32_t* count) {
  std::vector<int32_t> token;
  int32_t n = -1;
  bool in_word = false;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t len = 0;
    const char32_t c = DecodeUtf8(text, pos, &len);
    pos += len;
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == 0xA0;
    if (space) {
      in_word = false;
      token.push_back(-1);
      continue;
    }
    const bool word = IsWordChar(c) && !(c >= 0x2000 && c <= 0x206F);
    if (!word || !in_word) ++n;
    in_word = word;
    token.push_back(n);
  }
  *count = n + 1;
  return token;
}

// The set of token ids covered by `spans`, as a sorted vector.
std::vector<int32_t> TokensOf(const std::vector<CharSpan>& spans, const std::vector<int32_t>& token_of) {
  std::vector<int32_t> out;
  for (const auto& s : spans) {
    for (int32_t i = std::max(0, s.start); i < s.end && i < static_cast<int32_t>(token_of.size()); ++i) {
      if (token_of[i] >= 0 && (out.empty() || out.back() != token_of[i])) out.push_back(token_of[i]);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

int64_t Shared(const std::vector<int32_t>& a, const std::vector<int32_t>& b) {
  int64_t n = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      ++n;
      ++i;
      ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return n;
}

bool Overlapping(const std::vector<CharSpan>& a, const std::vector<CharSpan>& b) {
  for (const auto& x : a) {
    for (const auto& y : b) {
      if (x.start < y.end && y.start < x.end) return true;
    }
  }
  return false;
}

}  // namespace

Prf ComponentCounts::Exact() const {
  return Make(tp + fp > 0 ? static_cast<double>(tp) / (tp + fp) : 0,
              tp + fn > 0 ? static_cast<double>(tp) / (tp + fn) : 0);
}

Prf ComponentCounts::Overlap() const {
  return Make(predicted > 0 ? static_cast<double>(predicted_matched) / predicted : 0,
              gold > 0 ? static_cast<double>(gold_matched) / gold : 0);
}

void CitronEvaluator::Add(absl::string_view text, const std::vector<Attribution>& gold,
                          const std::vector<Attribution>& predicted) {
  ++scores_.documents;
  scores_.predicted_attributions += predicted.size();
  scores_.gold_attributions += gold.size();
  int32_t token_count = 0;
  const std::vector<int32_t> token_of = TokenOfCodePoint(text, &token_count);

  // Exact matches.
  auto cue_equal = [](const Attribution& p, const Attribution& g) { return !p.cue.empty() && p.cue == g.cue; };
  auto source_equal = [](const Attribution& p, const Attribution& g) {
    return Overlapping(p.cue, g.cue) && p.source == g.source;
  };
  auto content_equal = [](const Attribution& p, const Attribution& g) {
    return Overlapping(p.cue, g.cue) && p.content == g.content;
  };
  auto count = [&](ComponentCounts* c, auto match) {
    for (const auto& p : predicted) {
      bool found = false;
      for (const auto& g : gold) found = found || match(p, g);
      (found ? c->tp : c->fp) += 1;
    }
    for (const auto& g : gold) {
      bool found = false;
      for (const auto& p : predicted) found = found || match(p, g);
      if (!found) ++c->fn;
    }
  };
  count(&scores_.cue, cue_equal);
  count(&scores_.source, source_equal);
  count(&scores_.content, content_equal);

  // Token overlaps, each token against the union of the other side's tokens.
  auto overlap = [&](ComponentCounts* c, std::vector<CharSpan> Attribution::*member) {
    std::vector<std::vector<int32_t>> gold_tokens, predicted_tokens;
    std::vector<int32_t> all_gold, all_predicted;
    for (const auto& g : gold) {
      gold_tokens.push_back(TokensOf(g.*member, token_of));
      all_gold.insert(all_gold.end(), gold_tokens.back().begin(), gold_tokens.back().end());
    }
    for (const auto& p : predicted) {
      predicted_tokens.push_back(TokensOf(p.*member, token_of));
      all_predicted.insert(all_predicted.end(), predicted_tokens.back().begin(), predicted_tokens.back().end());
    }
    for (auto* all : {&all_gold, &all_predicted}) {
      std::sort(all->begin(), all->end());
      all->erase(std::unique(all->begin(), all->end()), all->end());
    }
    for (const auto& t : predicted_tokens) {
      c->predicted += t.size();
      c->predicted_matched += Shared(t, all_gold);
    }
    for (const auto& t : gold_tokens) {
      c->gold += t.size();
      c->gold_matched += Shared(t, all_predicted);
    }
  };
  overlap(&scores_.cue, &Attribution::cue);
  overlap(&scores_.source, &Attribution::source);
  overlap(&scores_.content, &Attribution::content);
}

std::string FormatScores(const Scores& s) {
  std::string out = absl::StrFormat("documents %d, gold attributions %d, predicted %d\n", s.documents,
                                    s.gold_attributions, s.predicted_attributions);
  out += absl::StrFormat("%-10s %-8s %9s %9s %9s\n", "component", "match", "precision", "recall", "F1");
  const std::pair<const char*, const ComponentCounts*> rows[] = {
      {"cue", &s.cue}, {"source", &s.source}, {"content", &s.content}};
  for (const auto& [name, c] : rows) {
    const Prf e = c->Exact();
    const Prf o = c->Overlap();
    out += absl::StrFormat("%-10s %-8s %9.3f %9.3f %9.3f\n", name, "exact", e.precision, e.recall, e.f1);
    out += absl::StrFormat("%-10s %-8s %9.3f %9.3f %9.3f\n", name, "overlap", o.precision, o.recall, o.f1);
  }
  return out;
}

}  // namespace claims::eval
