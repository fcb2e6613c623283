// Training the attribution tagger: gold BIO tags from BRAT attributions, the cue lexicon,
// an averaged structured perceptron over whole documents, and scoring with Citron's metrics
// exactly as `claimctl eval` does.
//
// Not thread-safe; training is single-threaded and deterministic for a given seed.
#ifndef CLAIMS_INGEST_SERVICE_TAGGER_TRAINER_H_
#define CLAIMS_INGEST_SERVICE_TAGGER_TRAINER_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "ingest-service/eval/brat.h"
#include "ingest-service/eval/metrics.h"
#include "ingest-service/extract/segmenter.h"
#include "ingest-service/tagger/model.h"
#include "ingest-service/tagger/tagger.h"

namespace claims::tagger {

// One annotated article.
struct LabelledDocument {
  std::string name;
  std::string text;
  std::unique_ptr<extract::Segmentation> seg;  // Segment(text); a pointer so that it never moves
  std::vector<eval::Attribution> gold;         // code-point spans, as in the .ann file
  std::vector<uint8_t> tags;                   // gold Tag per token
  // A first pass's tags (stacking), one per token; empty: train a first pass.
  std::vector<uint8_t> stage1;
};

// Builds a LabelledDocument: segments `text` and projects `gold` onto its tokens. A token
// takes the component of a span it overlaps (cue before source before content when spans
// of different components touch the same token); each span fragment starts with a B- tag.
LabelledDocument MakeDocument(std::string name, std::string text, std::vector<eval::Attribution> gold);

// Reads DIR/data/SPLIT/text/*.txt with their first DIR/data/SPLIT/attributions/NAME_*.ann
// (name order), as corpus_eval does. NOT_FOUND when the folders are missing,
// INVALID_ARGUMENT naming a malformed annotation file.
absl::StatusOr<std::vector<LabelledDocument>> ReadCorpusSplit(const std::string& corpus_dir,
                                                              const std::string& split);

// Cue lexicon from gold tags: for each word form, how often it is tagged CUE (CueBucket).
// `subset`: the indices of the documents to learn from (empty: all).
CueLexicon LearnCueLexicon(const std::vector<LabelledDocument>& docs,
                           const std::vector<size_t>& subset = {});

struct TrainOptions {
  int epochs = 10;
  // Features seen fewer times in training are not used.
  int min_count = 2;
  // Features whose largest averaged weight magnitude is below this are left out of the model.
  float prune = 0.0f;
  uint64_t seed = 1;
  // Cost-augmented training (a margin perceptron: Viterbi augmented with Hamming loss, as
  // in a structured SVM): while training, every tag but a token's gold tag has `cost` added
  // to its emission score before decoding, so a token counts as an error, and is updated,
  // until its gold tag wins by at least that much. In the units of the raw (not averaged)
  // weights, of which an update moves each of a token's ~45 (pass 1) features by 1.
  float cost = 0.0f;
  // Added to `cost` at gold SOURCE tokens for the tags of another component (O, cue,
  // content): a missed source costs more than other errors (recall-weighted).
  float source_cost = 0.0f;
  // The indices of the documents to train on (empty: all).
  std::vector<size_t> subset;
  // Called after each epoch with the averaged model; when set, the returned value (higher is
  // better) picks the epoch whose model Train returns. Otherwise the last epoch's is returned.
  std::function<double(int epoch, const Model& model)> on_epoch;
};

// Trains on `docs` (their tags and the lexicon `lexicon`).
Model Train(const std::vector<LabelledDocument>& docs, const CueLexicon& lexicon,
            const TrainOptions& options);

// Stacking: sets every document's stage1 tags by K-fold jackknifing (each fold is tagged
// by a first-pass model trained, with its own cue lexicon, on the other folds for `epochs`
// epochs), so that the second pass learns from first-pass tags as errorful as they are on
// unseen text.
void JackknifeStage1(std::vector<LabelledDocument>* docs, int folds, int epochs, const TrainOptions& options);

// Tags every document and scores it against its gold attributions.
eval::Scores Evaluate(const AttributionTagger& tagger, const std::vector<LabelledDocument>& docs);

// The figure used to choose epochs: the mean of cue exact F1, source overlap F1 and content
// overlap F1 (the three acceptance targets).
double Objective(const eval::Scores& scores);

}  // namespace claims::tagger

#endif  // CLAIMS_INGEST_SERVICE_TAGGER_TRAINER_H_
