// The tagger as the extractor's learned AttributionModel, and the factory that builds the
// production extractor (rules + shipped model).
#ifndef CLAIMS_INGEST_SERVICE_TAGGER_ATTRIBUTION_MODEL_H_
#define CLAIMS_INGEST_SERVICE_TAGGER_ATTRIBUTION_MODEL_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "ingest-service/extract/extractor.h"
#include "ingest-service/tagger/tagger.h"

namespace claims::tagger {

// Adapts AttributionTagger output to extract::Attribution: the cue is the span from the
// first to the last cue fragment; the source words up to a comma become the speaker
// phrase's head and the rest its apposition; a content that is a whole quotation (its
// span keeps the quotation marks, as PolNeAR marks them) makes the claim a DIRECT_QUOTE, a
// content containing a quotation a MIXED one.
// Thread-safe (immutable).
class TaggerAttributionModel final : public extract::AttributionModel {
 public:
  explicit TaggerAttributionModel(std::unique_ptr<AttributionTagger> tagger)
      : tagger_(std::move(tagger)) {}
  std::vector<extract::Attribution> Find(absl::string_view text,
                                         const extract::Segmentation& seg) const override;

 private:
  const std::unique_ptr<AttributionTagger> tagger_;
};

// An extractor with `options` and the tagger model at `model_path` merged with the rules:
// "" means the shipped model (DefaultModelPath()), "none" the rules alone.
// Errors: those of Extractor::Create and AttributionTagger::Load.
absl::StatusOr<std::unique_ptr<extract::Extractor>> CreateExtractor(extract::ExtractorOptions options,
                                                                   const std::string& model_path);

// CreateExtractor(extract::DefaultExtractorOptions(), ""): what the services run.
absl::StatusOr<std::unique_ptr<extract::Extractor>> CreateDefaultExtractor();

}  // namespace claims::tagger

#endif  // CLAIMS_INGEST_SERVICE_TAGGER_ATTRIBUTION_MODEL_H_
