// A learned attribution finder: a first-order sequence tagger (averaged structured
// perceptron, Viterbi under BIO constraints) labels every token of an article as part of a
// CUE, SOURCE or CONTENT, then an assembly step links each cue to its source and content.
// Trained on PolNeAR (see README.md for the recipe); tokens come from extract::Segment.
//
// All spans are BYTE offsets [begin, end) into the text given (convert with
// claims::CodePointIndex for code points, as ToCharAttributions does).
//
// AttributionTagger is immutable after Load/Create: Tag is const and may be called from
// any number of threads at once.
#ifndef CLAIMS_INGEST_SERVICE_TAGGER_TAGGER_H_
#define CLAIMS_INGEST_SERVICE_TAGGER_TAGGER_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "ingest-service/eval/brat.h"
#include "ingest-service/extract/attribution.h"
#include "ingest-service/extract/segmenter.h"
#include "ingest-service/tagger/model.h"

namespace claims::tagger {

// One attribution found by the tagger. Each component is a list of byte spans in text
// order (a content may be split around its cue: "The plan, she said, is flawed").
struct TaggedAttribution {
  std::vector<extract::ByteSpan> cue;      // never empty
  std::vector<extract::ByteSpan> source;   // empty when no source was tagged near the cue
  std::vector<extract::ByteSpan> content;  // empty when no content was tagged near the cue
  // [first_sentence, end_sentence) of the Segmentation: the sentences the spans touch.
  size_t first_sentence = 0;
  size_t end_sentence = 0;
  // In [0, 1]: the logistic of the mean score margin of the cue's tokens (the chosen tag's
  // emission score minus the best other tag's). Higher is surer; a ranking signal, not a
  // calibrated probability.
  float confidence = 0;
};

// Links tagged spans into attributions. `tags` has one Tag per token of `seg`; `margins`
// (optional, same length) the per-token score margins used for confidence.
// Rules: a cue is a maximal B-I run of CUE tags. Its source is the nearest SOURCE span that
// touches the cue's sentence (several cues may share one; none when the sentence has none).
// Every CONTENT span goes to the nearest cue (token distance, the closest cue on each side
// considered) whose paragraph is within one of the content's; a content with no such cue
// is dropped. Linear in the number of tokens (binary searches over sorted runs).
std::vector<TaggedAttribution> Assemble(const extract::Segmentation& seg,
                                        const std::vector<uint8_t>& tags,
                                        const std::vector<float>* margins = nullptr);

class AttributionTagger {
 public:
  // NOT_FOUND when `path` cannot be read; INVALID_ARGUMENT when it is not a valid model file
  // for this build (Model::Parse names the problem).
  static absl::StatusOr<std::unique_ptr<AttributionTagger>> Load(const std::string& path);
  // Wraps a model already in memory (the trainer, tests).
  explicit AttributionTagger(Model model) : model_(std::move(model)) {}

  // The attributions of `text` (any bytes are accepted; invalid UTF-8 is tagged as letters),
  // in text order of their cues.
  std::vector<TaggedAttribution> Tag(absl::string_view text) const;
  // The same on a segmentation the caller already has (must be Segment(text)).
  std::vector<TaggedAttribution> Tag(absl::string_view text, const extract::Segmentation& seg) const;
  // Only the tag sequence (one per token of `seg`).
  std::vector<uint8_t> TagTokens(absl::string_view text, const extract::Segmentation& seg,
                                 std::vector<float>* margins = nullptr) const;

  const Model& model() const { return model_; }

 private:
  const Model model_;
};

// Default location of the shipped model: DefaultDataDir()/attribution-model.bin.
std::string DefaultModelPath();

// The tagger's attributions as code-point spans, for CitronEvaluator.
std::vector<eval::Attribution> ToCharAttributions(absl::string_view text,
                                                  const std::vector<TaggedAttribution>& tagged);

}  // namespace claims::tagger

#endif  // CLAIMS_INGEST_SERVICE_TAGGER_TAGGER_H_
