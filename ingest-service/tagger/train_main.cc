// claims-train-tagger: trains the attribution tagger on a PolNeAR export (train split),
// picks the epoch by its dev score, writes the model; or scores a model on one split.
//
//   claims-train-tagger --corpus .cache/polnear --out ingest-service/data/attribution-model.bin
//   claims-train-tagger --corpus .cache/polnear --eval ingest-service/data/attribution-model.bin
//
// Flags: --epochs N (12), --min-count N (2), --prune X (0.0), --seed N (1), --cost X and
// --source-cost X (0.0 each: the margins of cost-augmented training, see TrainOptions in
// trainer.h), --split S (dev, for --eval), --dump DIR (with --eval: writes DIR/NAME.tsv per
// document, one predicted attribution per line: cue, source and content code-point spans as
// "start-end[,start-end]", for error analysis), --stack-folds K (0: one pass; K >= 2: a
// two-pass stacked tagger whose second pass learns from K-fold jackknifed first-pass tags).
// Exit status 1 with one line on stderr for any error.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "ingest-service/eval/metrics.h"
#include "ingest-service/tagger/trainer.h"

namespace {

using claims::tagger::AttributionTagger;

int Fail(const std::string& message) {
  std::cerr << "claims-train-tagger: " << message << "\n";
  return 1;
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus = ".cache/polnear", out, eval_model, split = "dev", dump;
  claims::tagger::TrainOptions options;
  int stack_folds = 0;
  options.epochs = 12;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (i + 1 >= argc) return Fail("flag " + flag + " needs a value (see the header of train_main.cc)");
    const std::string value = argv[++i];
    bool ok = true;
    if (flag == "--corpus") {
      corpus = value;
    } else if (flag == "--out") {
      out = value;
    } else if (flag == "--eval") {
      eval_model = value;
    } else if (flag == "--stack-folds") {
      ok = absl::SimpleAtoi(value, &stack_folds) && (stack_folds == 0 || stack_folds >= 2);
    } else if (flag == "--dump") {
      dump = value;
    } else if (flag == "--split") {
      split = value;
    } else if (flag == "--epochs") {
      ok = absl::SimpleAtoi(value, &options.epochs) && options.epochs > 0;
    } else if (flag == "--min-count") {
      ok = absl::SimpleAtoi(value, &options.min_count);
    } else if (flag == "--prune") {
      ok = absl::SimpleAtof(value, &options.prune);
    } else if (flag == "--cost") {
      ok = absl::SimpleAtof(value, &options.cost) && options.cost >= 0;
    } else if (flag == "--source-cost") {
      ok = absl::SimpleAtof(value, &options.source_cost) && options.source_cost >= 0;
    } else if (flag == "--seed") {
      ok = absl::SimpleAtoi(value, &options.seed);
    } else {
      return Fail("unknown flag " + flag);
    }
    if (!ok) return Fail("bad value for " + flag + ": " + value);
  }

  if (!eval_model.empty()) {
    auto tagger = AttributionTagger::Load(eval_model);
    if (!tagger.ok()) return Fail(std::string(tagger.status().message()));
    auto docs = claims::tagger::ReadCorpusSplit(corpus, split);
    if (!docs.ok()) return Fail(std::string(docs.status().message()));
    const auto t0 = std::chrono::steady_clock::now();
    const auto scores = claims::tagger::Evaluate(**tagger, *docs);
    if (!dump.empty()) {
      auto spans = [](const std::vector<claims::eval::CharSpan>& v) {
        std::string out;
        for (const auto& s : v) out += absl::StrFormat("%s%d-%d", out.empty() ? "" : ",", s.start, s.end);
        return out;
      };
      for (const auto& d : *docs) {
        std::ofstream file(dump + "/" + d.name + ".tsv", std::ios::trunc);
        for (const auto& a : claims::tagger::ToCharAttributions(d.text, (*tagger)->Tag(d.text, *d.seg))) {
          file << spans(a.cue) << "\t" << spans(a.source) << "\t" << spans(a.content) << "\n";
        }
        if (!file) return Fail(dump + ": cannot write");
      }
    }
    // Token-level agreement per component (diagnostic: tagging vs assembly losses).
    int64_t tp[4] = {}, pred[4] = {}, gold[4] = {};
    for (const auto& d : *docs) {
      const auto tags = (*tagger)->TagTokens(d.text, *d.seg);
      for (size_t i = 0; i < tags.size(); ++i) {
        const int p = claims::tagger::ComponentOf(tags[i]), g = claims::tagger::ComponentOf(d.tags[i]);
        ++pred[p];
        ++gold[g];
        if (p == g) ++tp[p];
      }
    }
    for (int c = 1; c <= 3; ++c) {
      std::cout << absl::StrFormat("tokens %-8s P %.3f R %.3f\n", c == 1 ? "cue" : c == 2 ? "source" : "content",
                                   tp[c] / std::max(1.0, double(pred[c])), tp[c] / std::max(1.0, double(gold[c])));
    }
    std::cout << "attribution tagger on " << split << " (" << (*tagger)->feature_count()
              << " features), " << absl::StrFormat("%.2f s", Seconds(t0)) << "\n"
              << claims::eval::FormatScores(scores);
    return 0;
  }
  if (out.empty()) return Fail("--out PATH (train) or --eval MODEL is required");

  const auto t0 = std::chrono::steady_clock::now();
  auto train = claims::tagger::ReadCorpusSplit(corpus, "train");
  if (!train.ok()) return Fail(std::string(train.status().message()));
  auto dev = claims::tagger::ReadCorpusSplit(corpus, "dev");
  if (!dev.ok()) return Fail(std::string(dev.status().message()));
  size_t tokens = 0;
  for (const auto& d : *train) tokens += d.tags.size();
  std::cout << absl::StrFormat("read %d train documents (%d tokens), %d dev documents in %.1f s\n",
                               train->size(), tokens, dev->size(), Seconds(t0));
  const claims::tagger::CueLexicon lexicon = claims::tagger::LearnCueLexicon(*train);
  std::cout << "cue lexicon: " << lexicon.size() << " word forms\n";
  int best_epoch = 0;
  double best_value = -1;
  const claims::tagger::Model* first_pass = nullptr;  // set while training the second pass
  options.on_epoch = [&](int epoch, const claims::tagger::Model& model) {
    const AttributionTagger tagger = first_pass == nullptr
                                         ? AttributionTagger(model)
                                         : AttributionTagger(claims::tagger::Model(*first_pass),
                                                             claims::tagger::Model(model));
    const auto s = claims::tagger::Evaluate(tagger, *dev);
    const double value = claims::tagger::Objective(s);
    if (value > best_value) {
      best_value = value;
      best_epoch = epoch;
    }
    std::cout << absl::StrFormat(
                     "%sepoch %2d  %.1f s  features %d  dev: cue exact F1 %.3f, source overlap F1 %.3f, "
                     "content overlap F1 %.3f (source exact %.3f, content exact %.3f) -> %.4f\n",
                     first_pass == nullptr ? "" : "pass 2 ", epoch, Seconds(t0), model.feature_count(),
                     s.cue.Exact().f1, s.source.Overlap().f1, s.content.Overlap().f1, s.source.Exact().f1,
                     s.content.Exact().f1, value)
              << std::flush;
    return value;
  };
  claims::tagger::Model model = claims::tagger::Train(*train, lexicon, options);
  std::unique_ptr<AttributionTagger> tagger;
  if (stack_folds == 0) {
    tagger = std::make_unique<AttributionTagger>(std::move(model));
  } else {
    std::cout << absl::StrFormat("pass 1: epoch %d; jackknifing %d folds\n", best_epoch, stack_folds)
              << std::flush;
    claims::tagger::JackknifeStage1(&*train, stack_folds, best_epoch, options);
    first_pass = &model;
    best_value = -1;
    claims::tagger::Model second = claims::tagger::Train(*train, lexicon, options);
    tagger = std::make_unique<AttributionTagger>(std::move(model), std::move(second));
  }
  const std::string bytes = tagger->Serialize();
  {
    std::ofstream file(out, std::ios::binary | std::ios::trunc);
    if (!file || !file.write(bytes.data(), bytes.size())) return Fail(out + ": cannot write");
  }
  std::cout << absl::StrFormat("wrote %s: %d features, %.1f MB, in %.1f s\n", out, tagger->feature_count(),
                               bytes.size() / 1e6, Seconds(t0))
            << "dev:\n"
            << claims::eval::FormatScores(claims::tagger::Evaluate(*tagger, *dev));
  return 0;
}
