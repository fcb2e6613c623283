#include "ingest-service/tagger/attribution_model.h"

#include <algorithm>

#include "common/status_macros.h"
#include "common/utf8.h"

namespace claims::tagger {
namespace {

// The tokens whose bytes lie within `span`, as a token range.
extract::TokenRange TokensWithin(const extract::Segmentation& seg, const extract::ByteSpan& span) {
  const auto& tokens = seg.tokens;
  const size_t first = extract::FirstTokenFrom(seg, span.begin);
  size_t last = first;
  while (last < tokens.size() && tokens[last].end <= span.end) ++last;
  return {first, last};
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
      a.speaker = extract::SpeakerPhraseOf(text, seg, TokensWithin(seg, t.source.front()));
    }
    for (extract::ByteSpan c : t.content) {
      if (!c.empty()) a.content.push_back(c);
    }
    if (a.content.empty()) continue;
    a.kind = extract::ContentKind(text, a.content);
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
