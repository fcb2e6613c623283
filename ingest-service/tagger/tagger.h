// A learned attribution finder: a first-order sequence tagger (averaged structured
// perceptron, Viterbi under BIO constraints) labels every token of an article as part of a
// CUE, SOURCE or CONTENT, optionally twice (stacking: a second model re-tags reading the
// first one's tags), then an assembly step links each cue to its source and content.
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
// is dropped. A cue left with no content takes as its content the whole of the nearest
// attribution in its sentence that has content (that one's source, cue and content:
// "Secret Service protocol called for X, sources said"), which is then dropped: PolNeAR
// annotates such reports as one attribution. Linear in the number of tokens (binary
// searches over sorted runs).
std::vector<TaggedAttribution> Assemble(const extract::Segmentation& seg,
                                        const std::vector<uint8_t>& tags,
                                        const std::vector<float>* margins = nullptr);

// Gives an attribution without content, when its cue is the only one in its sentence and
// it (with its source) follows a comma, the words before that comma as content: "The
// Secret Service whisked her away, another source said." (at least three words; otherwise
// it keeps no content). On PolNeAR dev this recovers cue, source and content F1 (claimctl
// eval: 0.640/0.740/0.853 -> 0.641/0.742/0.854); taking the words after the cue as well
// ("said during a rally that ...") lowered content overlap F1 to 0.848.
void CompleteContent(absl::string_view text, const extract::Segmentation& seg,
                     std::vector<TaggedAttribution>* attributions);

class AttributionTagger {
 public:
  // NOT_FOUND when `path` cannot be read; INVALID_ARGUMENT when it is not a valid model file
  // for this build (Model::Parse names the problem).
  static absl::StatusOr<std::unique_ptr<AttributionTagger>> Load(const std::string& path);
  // Wraps a model already in memory (the trainer, tests).
  explicit AttributionTagger(Model model) : model_(std::move(model)) {}
  // A two-pass (stacked) tagger: `second` re-tags every token reading `first`'s tags too
  // (features.h, StackInfo). Both must share one cue lexicon.
  AttributionTagger(Model first, Model second)
      : model_(std::move(first)), second_(std::make_unique<const Model>(std::move(second))) {}

  // The model file's bytes: Model::Serialize for one pass; for two,
  //   "CLMSTK01", u64 length of the first model's bytes, the first's bytes, the second's.
  std::string Serialize() const;
  // Parses what Serialize wrote (either form). INVALID_ARGUMENT naming the problem.
  static absl::StatusOr<std::unique_ptr<AttributionTagger>> Parse(absl::string_view bytes);

  // The attributions of `text` (any bytes are accepted; invalid UTF-8 is tagged as letters),
  // in text order of their cues.
  std::vector<TaggedAttribution> Tag(absl::string_view text) const;
  // The same on a segmentation the caller already has (must be Segment(text)).
  std::vector<TaggedAttribution> Tag(absl::string_view text, const extract::Segmentation& seg) const;
  // Only the tag sequence (one per token of `seg`).
  std::vector<uint8_t> TagTokens(absl::string_view text, const extract::Segmentation& seg,
                                 std::vector<float>* margins = nullptr) const;

  // The (first) pass's model, and the second pass's (null for a one-pass tagger).
  const Model& model() const { return model_; }
  const Model* second() const { return second_.get(); }
  size_t feature_count() const { return model_.feature_count() + (second_ ? second_->feature_count() : 0); }

 private:
  const Model model_;
  const std::unique_ptr<const Model> second_;
};

// Default location of the shipped model: DefaultDataDir()/attribution-model.bin.
std::string DefaultModelPath();

// The tagger's attributions as code-point spans, for CitronEvaluator.
std::vector<eval::Attribution> ToCharAttributions(absl::string_view text,
                                                  const std::vector<TaggedAttribution>& tagged);

}  // namespace claims::tagger

#endif  // CLAIMS_INGEST_SERVICE_TAGGER_TAGGER_H_
