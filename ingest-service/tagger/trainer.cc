#include "ingest-service/tagger/trainer.h"

#include <algorithm>
#include <cmath>
#include <random>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/utf8.h"
#include "ingest-service/eval/corpus_eval.h"

namespace claims::tagger {
namespace {

// Feature ids of every token of one document: ids[offsets[i] .. offsets[i + 1]).
struct CompiledDocument {
  std::vector<uint32_t> offsets;
  std::vector<int32_t> ids;
};

}  // namespace

LabelledDocument MakeDocument(std::string name, std::string text, std::vector<eval::Attribution> gold) {
  LabelledDocument doc;
  doc.name = std::move(name);
  doc.text = std::move(text);
  doc.seg = std::make_unique<extract::Segmentation>(extract::Segment(doc.text));
  doc.gold = std::move(gold);
  const auto& tokens = doc.seg->tokens;
  const size_t n = tokens.size();
  const CodePointIndex index(doc.text);
  std::vector<int32_t> token_start(n), token_end(n);
  for (size_t i = 0; i < n; ++i) {
    token_start[i] = index.ToCodePoint(tokens[i].begin);
    token_end[i] = index.ToCodePoint(tokens[i].end);
  }
  std::vector<uint8_t> component(n, 0);
  std::vector<bool> begins(n, false);
  auto mark = [&](const std::vector<eval::CharSpan>& spans, uint8_t c) {
    for (const auto& s : spans) {
      // First token ending after the span's start.
      size_t i = std::upper_bound(token_end.begin(), token_end.end(), s.start) - token_end.begin();
      bool first = true;
      for (; i < n && token_start[i] < s.end; ++i) {
        if (component[i] == 0 || component[i] > c) {
          component[i] = c;
          if (first) begins[i] = true;
        }
        first = false;
      }
    }
  };
  for (const auto& a : doc.gold) {
    mark(a.cue, 1);
    mark(a.source, 2);
    mark(a.content, 3);
  }
  doc.tags.assign(n, kO);
  for (size_t i = 0; i < n; ++i) {
    const uint8_t c = component[i];
    if (c == 0) continue;
    const bool begin = begins[i] || i == 0 || component[i - 1] != c;
    doc.tags[i] = static_cast<uint8_t>(begin ? 2 * c - 1 : 2 * c);
  }
  return doc;
}

absl::StatusOr<std::vector<LabelledDocument>> ReadCorpusSplit(const std::string& corpus_dir,
                                                              const std::string& split_name) {
  auto docs = eval::ReadAnnotatedSplit(corpus_dir, split_name);
  if (!docs.ok()) return docs.status();
  std::vector<LabelledDocument> out;
  out.reserve(docs->size());
  for (eval::AnnotatedDocument& doc : *docs) {
    out.push_back(MakeDocument(std::move(doc.name), std::move(doc.text), std::move(doc.gold)));
  }
  return out;
}

namespace {

std::vector<size_t> AllOr(const std::vector<size_t>& subset, size_t n) {
  if (!subset.empty()) return subset;
  std::vector<size_t> all(n);
  for (size_t i = 0; i < n; ++i) all[i] = i;
  return all;
}

}  // namespace

CueLexicon LearnCueLexicon(const std::vector<LabelledDocument>& docs, const std::vector<size_t>& subset) {
  absl::flat_hash_map<uint64_t, std::pair<int64_t, int64_t>> counts;  // word -> (cue, total)
  for (size_t d : AllOr(subset, docs.size())) {
    const LabelledDocument& doc = docs[d];
    const auto& tokens = doc.seg->tokens;
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (tokens[i].kind != extract::TokenKind::kWord) continue;
      auto& c = counts[WordHash(extract::TokenText(doc.text, tokens[i]))];
      c.first += ComponentOf(doc.tags[i]) == 1 ? 1 : 0;
      c.second += 1;
    }
  }
  CueLexicon lexicon;
  for (const auto& [word, c] : counts) {
    const uint8_t bucket = CueBucket(c.first, c.second);
    if (bucket > 0) lexicon[word] = bucket;
  }
  return lexicon;
}

Model Train(const std::vector<LabelledDocument>& docs, const CueLexicon& lexicon,
            const TrainOptions& options) {
  // Feature keys, counted, then interned (in key order, so ids do not depend on hashing).
  absl::flat_hash_map<uint64_t, uint32_t> counts;
  const std::vector<size_t> subset = AllOr(options.subset, docs.size());
  std::vector<Document> prepared(docs.size());
  uint64_t keys[kMaxFeatures];
  for (size_t d : subset) {
    PrepareDocument(docs[d].text, *docs[d].seg, lexicon, &prepared[d]);
    if (!docs[d].stage1.empty()) PrepareStack(docs[d].stage1, &prepared[d]);
    for (size_t i = 0; i < prepared[d].info.size(); ++i) {
      const int n = ExtractFeatures(prepared[d], i, keys);
      for (int k = 0; k < n; ++k) ++counts[keys[k]];
    }
  }
  std::vector<uint64_t> kept;
  for (const auto& [key, count] : counts) {
    if (count >= static_cast<uint32_t>(std::max(1, options.min_count))) kept.push_back(key);
  }
  counts.clear();
  std::sort(kept.begin(), kept.end());
  absl::flat_hash_map<uint64_t, int32_t> id_of;
  id_of.reserve(kept.size());
  for (size_t i = 0; i < kept.size(); ++i) id_of[kept[i]] = static_cast<int32_t>(i);
  std::vector<CompiledDocument> compiled(docs.size());
  for (size_t d : subset) {
    CompiledDocument& c = compiled[d];
    c.offsets.push_back(0);
    for (size_t i = 0; i < prepared[d].info.size(); ++i) {
      const int n = ExtractFeatures(prepared[d], i, keys);
      for (int k = 0; k < n; ++k) {
        const auto it = id_of.find(keys[k]);
        if (it != id_of.end()) c.ids.push_back(it->second);
      }
      c.offsets.push_back(static_cast<uint32_t>(c.ids.size()));
    }
  }
  prepared.clear();
  id_of.clear();

  // Averaged perceptron (Daume's trick): average = w - u / c.
  const size_t f = kept.size();
  std::vector<float> w(f * kNumTags, 0.0f);
  std::vector<double> u(f * kNumTags, 0.0);
  std::array<float, kNumTags> start{};
  std::array<double, kNumTags> start_u{};
  std::array<std::array<float, kNumTags>, kNumTags> trans{};
  std::array<std::array<double, kNumTags>, kNumTags> trans_u{};
  double c = 1;

  auto averaged = [&]() {
    std::vector<FeatureWeights> features;
    for (size_t i = 0; i < f; ++i) {
      FeatureWeights fw;
      fw.key = kept[i];
      float largest = 0;
      for (int t = 0; t < kNumTags; ++t) {
        fw.weight[t] = static_cast<float>(w[i * kNumTags + t] - u[i * kNumTags + t] / c);
        largest = std::max(largest, std::fabs(fw.weight[t]));
      }
      if (largest > options.prune && largest > 0) features.push_back(fw);
    }
    std::array<float, kNumTags> s{};
    std::array<std::array<float, kNumTags>, kNumTags> tr{};
    for (int a = 0; a < kNumTags; ++a) {
      s[a] = static_cast<float>(start[a] - start_u[a] / c);
      for (int b = 0; b < kNumTags; ++b) tr[a][b] = static_cast<float>(trans[a][b] - trans_u[a][b] / c);
    }
    return Model(lexicon, std::move(features), s, tr);
  };

  std::vector<size_t> order = subset;
  std::mt19937_64 rng(options.seed);
  std::vector<float> scores;
  std::vector<uint8_t> predicted;
  Model best;
  double best_value = -1;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t d : order) {
      const CompiledDocument& cd = compiled[d];
      const std::vector<uint8_t>& gold = docs[d].tags;
      const size_t n = gold.size();
      scores.assign(n * kNumTags, 0.0f);
      for (size_t i = 0; i < n; ++i) {
        float* s = &scores[i * kNumTags];
        for (uint32_t k = cd.offsets[i]; k < cd.offsets[i + 1]; ++k) {
          const float* wf = &w[static_cast<size_t>(cd.ids[k]) * kNumTags];
          for (int t = 0; t < kNumTags; ++t) s[t] += wf[t];
        }
      }
      // Cost-augmented decoding: the tags that would be errors start `cost` ahead (and
      // another component's tags at a gold source `source_cost` more), so a token whose gold
      // tag does not win by that margin is decoded wrong and updated.
      if (options.cost > 0 || options.source_cost > 0) {
        for (size_t i = 0; i < n; ++i) {
          const uint8_t g = gold[i];
          const bool source = ComponentOf(g) == 2;
          float* s = &scores[i * kNumTags];
          for (int t = 0; t < kNumTags; ++t) {
            if (t == g) continue;
            s[t] += options.cost;
            if (source && ComponentOf(t) != 2) s[t] += options.source_cost;
          }
        }
      }
      ViterbiDecode(scores.data(), n, start, trans, &predicted);
      auto update = [&](float* wv, double* uv, float delta) {
        *wv += delta;
        *uv += c * delta;
      };
      for (size_t i = 0; i < n; ++i) {
        const uint8_t g = gold[i], p = predicted[i];
        if (g != p) {
          for (uint32_t k = cd.offsets[i]; k < cd.offsets[i + 1]; ++k) {
            const size_t base = static_cast<size_t>(cd.ids[k]) * kNumTags;
            update(&w[base + g], &u[base + g], 1.0f);
            update(&w[base + p], &u[base + p], -1.0f);
          }
        }
        if (i == 0) {
          if (g != p) {
            update(&start[g], &start_u[g], 1.0f);
            update(&start[p], &start_u[p], -1.0f);
          }
        } else if (g != p || gold[i - 1] != predicted[i - 1]) {
          update(&trans[gold[i - 1]][g], &trans_u[gold[i - 1]][g], 1.0f);
          update(&trans[predicted[i - 1]][p], &trans_u[predicted[i - 1]][p], -1.0f);
        }
      }
      c += 1;
    }
    if (options.on_epoch) {
      Model model = averaged();
      const double value = options.on_epoch(epoch, model);
      if (value > best_value) {
        best_value = value;
        best = std::move(model);
      }
    }
  }
  if (!options.on_epoch) return averaged();
  return best;
}

void JackknifeStage1(std::vector<LabelledDocument>* docs, int folds, int epochs, const TrainOptions& options) {
  folds = std::max(2, folds);
  for (int f = 0; f < folds; ++f) {
    TrainOptions fold_options = options;
    fold_options.epochs = epochs;
    fold_options.on_epoch = nullptr;
    fold_options.subset.clear();
    std::vector<size_t> held_out;
    for (size_t d = 0; d < docs->size(); ++d) {
      (static_cast<int>(d % folds) == f ? held_out : fold_options.subset).push_back(d);
    }
    const CueLexicon lexicon = LearnCueLexicon(*docs, fold_options.subset);
    const AttributionTagger tagger(Train(*docs, lexicon, fold_options));
    for (size_t d : held_out) {
      LabelledDocument& doc = (*docs)[d];
      doc.stage1 = tagger.TagTokens(doc.text, *doc.seg);
    }
  }
}

eval::Scores Evaluate(const AttributionTagger& tagger, const std::vector<LabelledDocument>& docs) {
  eval::CitronEvaluator evaluator;
  for (const auto& doc : docs) {
    evaluator.Add(doc.text, doc.gold, ToCharAttributions(doc.text, tagger.Tag(doc.text, *doc.seg)));
  }
  return evaluator.scores();
}

double Objective(const eval::Scores& s) {
  return (s.cue.Exact().f1 + s.source.Overlap().f1 + s.content.Overlap().f1) / 3;
}

}  // namespace claims::tagger
