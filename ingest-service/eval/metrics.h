// Citron's attribution metrics (BBC R&D, "Quote Extraction and Analysis for News"), so
// that our figures and Citron's read the same way:
//  - cue exact: a predicted attribution is a true positive when its cue spans equal a gold
//    attribution's; a gold one is found when some prediction's cue equals it;
//  - source / content exact: the predicted cue overlaps a gold cue AND the predicted source
//    (content) span list equals that gold attribution's;
//  - overlap: token overlap of the component's spans; precision = predicted tokens that
//    are also gold tokens / predicted tokens, recall = gold tokens that are also predicted /
//    gold tokens. (Citron sums the overlap over all (prediction, gold) pairs, which can
//    exceed 1 when one source serves several attributions, as in PolNeAR; matching each
//    token against the union keeps both figures in [0, 1] and equals Citron's otherwise.)
// F1 is the harmonic mean. Not thread-safe; one evaluator per thread.
#ifndef CLAIMS_INGEST_SERVICE_EVAL_METRICS_H_
#define CLAIMS_INGEST_SERVICE_EVAL_METRICS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "ingest-service/eval/brat.h"

namespace claims::eval {

struct Prf {
  double precision = 0, recall = 0, f1 = 0;
};

struct ComponentCounts {
  int64_t tp = 0, fp = 0, fn = 0;                  // exact match
  int64_t predicted = 0, predicted_matched = 0;   // token overlap: predicted tokens, of
  int64_t gold = 0, gold_matched = 0;             // which in gold; gold tokens, predicted
  Prf Exact() const;
  Prf Overlap() const;
};

struct Scores {
  int64_t documents = 0;
  int64_t predicted_attributions = 0;
  int64_t gold_attributions = 0;
  ComponentCounts cue, source, content;
};

class CitronEvaluator {
 public:
  // Adds one document: its text (to count tokens), gold and predicted attributions.
  void Add(absl::string_view text, const std::vector<Attribution>& gold,
           const std::vector<Attribution>& predicted);
  const Scores& scores() const { return scores_; }

 private:
  Scores scores_;
};

// A fixed-width report of the scores, one line per component and metric.
std::string FormatScores(const Scores& scores);

}  // namespace claims::eval

#endif  // CLAIMS_INGEST_SERVICE_EVAL_METRICS_H_
