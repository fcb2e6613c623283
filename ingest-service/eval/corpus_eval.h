// Scores the extractor against a BRAT-annotated corpus laid out as PolNeAR is:
//   DIR/data/SPLIT/text/NAME.txt and DIR/data/SPLIT/attributions/NAME_ANNOTATOR.ann
// (DIR/SPLIT/... is accepted too). When an article has several annotation files, the first
// in name order is the gold standard.
#ifndef CLAIMS_INGEST_SERVICE_EVAL_CORPUS_EVAL_H_
#define CLAIMS_INGEST_SERVICE_EVAL_CORPUS_EVAL_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "claims/v1/claims.pb.h"
#include "ingest-service/eval/brat.h"
#include "ingest-service/eval/metrics.h"
#include "ingest-service/extract/extractor.h"

namespace claims::eval {

struct CorpusOptions {
  std::string corpus_dir;
  std::string split = "dev";
  int max_documents = 0;  // 0: all
};

// One annotated article of a split.
struct AnnotatedDocument {
  std::string name;  // NAME of NAME.txt
  std::string text;
  std::vector<Attribution> gold;
};

// The annotated articles of a split, in name order (at most `max_documents`, 0: all).
// NOT_FOUND when the split's folders do not exist; INVALID_ARGUMENT for a malformed
// annotation file (named).
absl::StatusOr<std::vector<AnnotatedDocument>> ReadAnnotatedSplit(const std::string& corpus_dir,
                                                                  const std::string& split,
                                                                  int max_documents = 0);

// Our claims as attributions: cue = cue_span, source = speaker.span (when the speaker was
// found in the text), content = content_spans.
std::vector<Attribution> ToAttributions(const std::vector<claims::v1::Claim>& claims);

// Runs the extractor over every annotated article of the split and scores it.
// NOT_FOUND when the split's folders do not exist; INVALID_ARGUMENT for a malformed
// annotation file (named).
absl::StatusOr<Scores> EvaluateCorpus(const extract::Extractor& extractor,
                                      const CorpusOptions& options);

// The annotators against each other: for every article of the split annotated more than
// once, each annotation file is scored as a prediction against each other one as gold
// (every ordered pair), so the figures read as the F1 one annotator gets against another:
// the ceiling that an extractor scored against one annotator's gold can expect. Errors as
// ReadAnnotatedSplit's.
absl::StatusOr<Scores> EvaluateAgreement(const std::string& corpus_dir, const std::string& split);

}  // namespace claims::eval

#endif  // CLAIMS_INGEST_SERVICE_EVAL_CORPUS_EVAL_H_
