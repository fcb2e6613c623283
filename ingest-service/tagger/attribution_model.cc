#include "ingest-service/tagger/attribution_model.h"

#include <algorithm>

#include "common/status_macros.h"
#include "common/utf8.h"

namespace claims::tagger {
namespace {

// Whether `span` starts (or ends) with a double quotation mark; its byte length in `*len`.
bool StartsWithQuote(absl::string_view text, const extract::ByteSpan& span, size_t* len) {
  if (span.empty()) return false;
  *len = extract::DoubleQuoteMarkAt(text, span.begin);
  return *len > 0 && span.begin + *len <= span.end;
}

bool EndsWithQuote(absl::string_view text, const extract::ByteSpan& span, size_t* len) {
  if (span.empty()) return false;
  *len = extract::DoubleQuoteMarkBefore(text, span.end);
  return *len > 0 && span.end - *len >= span.begin;
}

bool ContainsQuote(absl::string_view text, const extract::ByteSpan& span) {
  for (size_t pos = span.begin; pos < span.end; ++pos) {
    if (extract::DoubleQuoteMarkAt(text, pos) > 0) return true;
  }
  return false;
}

// The tokens whose bytes lie within `span`, as a token range.
extract::TokenRange TokensWithin(const extract::Segmentation& seg, const extract::ByteSpan& span) {
  const auto& tokens = seg.tokens;
  const auto first = std::lower_bound(tokens.begin(), tokens.end(), span.begin,
                                      [](const extract::Token& t, size_t b) { return t.begin < b; });
  auto last = first;
  while (last != tokens.end() && last->end <= span.end) ++last;
  return {static_cast<size_t>(first - tokens.begin()), static_cast<size_t>(last - tokens.begin())};
}

}  // namespace

std::vector<extract::Attribution> TaggerAttributionModel::Find(absl::string_view text,
                                                               const extract::Segmentation& seg) const {
  std::vector<extract::Attribution> out;
  for (const TaggedAttribution& t : tagger_->Tag(text, seg)) {
    if (t.cue.empty() || t.content.empty()) continue;
    extract::Attribution a;
    a.cue = {t.cue.front().begin, t.cue.back().end};
    a.first_sentence = t.first_sentence;
    a.end_sentence = t.end_sentence;
    if (!t.source.empty()) {
      // "Marion Macalpine, a spokesperson for X": the words before the first comma are the
      // head, the rest the apposition, as the rules' speaker phrases are.
      const extract::TokenRange words = TokensWithin(seg, t.source.front());
      size_t comma = words.end;
      for (size_t i = words.begin; i < words.end; ++i) {
        const extract::Token& tok = seg.tokens[i];
        if (tok.end == tok.begin + 1 && text[tok.begin] == ',') {
          comma = i;
          break;
        }
      }
      a.speaker.head = {words.begin, comma};
      if (comma + 1 < words.end) a.speaker.apposition = {comma + 1, words.end};
    }
    bool whole_quote = true, any_quote = false;
    for (extract::ByteSpan c : t.content) {
      size_t open = 0, close = 0;
      const bool starts = StartsWithQuote(text, c, &open);
      const bool ends = EndsWithQuote(text, c, &close);
      // A whole quotation keeps its marks in the span (PolNeAR and PARC mark them so); the
      // claim's text drops them.
      whole_quote = whole_quote && starts && ends && c.end - c.begin > open + close;
      any_quote = any_quote || starts || ends || ContainsQuote(text, c);
      if (!c.empty()) a.content.push_back(c);
    }
    if (a.content.empty()) continue;
    a.kind = whole_quote ? extract::AttributionKind::kDirectQuote
             : any_quote ? extract::AttributionKind::kMixed
                         : extract::AttributionKind::kIndirect;
    out.push_back(std::move(a));
  }
  return out;
}

absl::StatusOr<std::unique_ptr<extract::Extractor>> CreateExtractor(extract::ExtractorOptions options,
                                                                   const std::string& model_path) {
  if (model_path != "none") {
    CLAIMS_ASSIGN_OR_RETURN(std::unique_ptr<AttributionTagger> tagger,
                            AttributionTagger::Load(model_path.empty() ? DefaultModelPath() : model_path));
    options.model = std::make_shared<TaggerAttributionModel>(std::move(tagger));
  }
  return extract::Extractor::Create(options);
}

absl::StatusOr<std::unique_ptr<extract::Extractor>> CreateDefaultExtractor() {
  return CreateExtractor(extract::DefaultExtractorOptions(), "");
}

}  // namespace claims::tagger
