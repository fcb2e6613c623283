#include "ingest-service/tagger/tagger.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "ingest-service/eval/metrics.h"
#include "ingest-service/tagger/trainer.h"

namespace claims::tagger {
namespace {

using eval::Attribution;
using eval::CharSpan;

// The shipped model's PolNeAR dev figures when it was trained, minus 0.02 (see
// ingest-service/tagger/README.md).
constexpr double kDevCueExactFloor = 0.65;
constexpr double kDevSourceOverlapFloor = 0.75;
constexpr double kDevContentOverlapFloor = 0.84;

// Code-point span of the first occurrence of `part` in `text` at or after `from` (ASCII
// texts only, so bytes are code points).
CharSpan Find(const std::string& text, const std::string& part, size_t from = 0) {
  const size_t at = text.find(part, from);
  EXPECT_NE(at, std::string::npos) << part;
  return {static_cast<int32_t>(at), static_cast<int32_t>(at + part.size())};
}

// Our own tiny corpus: each sentence with its cue, source and content.
struct Example {
  std::string text;
  std::string cue, source, content;
};

std::vector<Example> TinyCorpus() {
  return {
      {"Karin Smyth said the plan was safe.", "said", "Karin Smyth", "the plan was safe"},
      {"The council warned that budgets would fall.", "warned", "The council", "budgets would fall"},
      {"Campaigners argued the contract was unlawful.", "argued", "Campaigners", "the contract was unlawful"},
      {"\"We will appeal,\" said Marion Macalpine.", "said", "Marion Macalpine", "We will appeal,"},
      {"She said the data would stay in England.", "said", "She", "the data would stay in England"},
      {"The trust insisted that records were secure.", "insisted", "The trust", "records were secure"},
      {"Ministers said the deal was good value.", "said", "Ministers", "the deal was good value"},
      {"The weather was cold and the roads were empty.", "", "", ""},
  };
}

LabelledDocument ToDocument(const Example& e, int index) {
  std::vector<Attribution> gold;
  if (!e.cue.empty()) {
    Attribution a;
    a.cue = {Find(e.text, e.cue)};
    a.source = {Find(e.text, e.source)};
    a.content = {Find(e.text, e.content)};
    gold.push_back(a);
  }
  return MakeDocument("tiny" + std::to_string(index), e.text, gold);
}

Model TrainTiny(const std::vector<LabelledDocument>& docs) {
  TrainOptions options;
  options.epochs = 15;
  options.min_count = 1;
  return Train(docs, LearnCueLexicon(docs), options);
}

std::vector<LabelledDocument> TinyDocuments() {
  std::vector<LabelledDocument> docs;
  const auto corpus = TinyCorpus();
  for (size_t i = 0; i < corpus.size(); ++i) docs.push_back(ToDocument(corpus[i], static_cast<int>(i)));
  return docs;
}

std::string Text(absl::string_view text, const extract::ByteSpan& s) {
  return std::string(text.substr(s.begin, s.end - s.begin));
}

TEST(TaggerTest, GoldSpansBecomeBioTagsOnTokens) {
  const LabelledDocument doc = ToDocument(TinyCorpus()[0], 0);
  // Karin Smyth said the plan was safe .
  const std::vector<uint8_t> expected = {kBSource, kISource, kBCue, kBContent, kIContent,
                                         kIContent, kIContent, kO};
  EXPECT_EQ(doc.tags, expected);
}

TEST(TaggerTest, TinyModelLearnsOurSentences) {
  const auto docs = TinyDocuments();
  const AttributionTagger tagger(TrainTiny(docs));
  const auto corpus = TinyCorpus();
  for (const Example& e : corpus) {
    SCOPED_TRACE(e.text);
    const auto found = tagger.Tag(e.text);
    if (e.cue.empty()) {
      EXPECT_TRUE(found.empty());
      continue;
    }
    ASSERT_EQ(found.size(), 1u);
    ASSERT_EQ(found[0].cue.size(), 1u);
    ASSERT_EQ(found[0].source.size(), 1u);
    ASSERT_EQ(found[0].content.size(), 1u);
    EXPECT_EQ(Text(e.text, found[0].cue[0]), e.cue);
    EXPECT_EQ(Text(e.text, found[0].source[0]), e.source);
    EXPECT_EQ(Text(e.text, found[0].content[0]), e.content);
    EXPECT_GT(found[0].confidence, 0.5f);
    EXPECT_LE(found[0].confidence, 1.0f);
  }
  // And the Citron figures on its own training data are perfect.
  const eval::Scores scores = Evaluate(tagger, docs);
  EXPECT_EQ(scores.cue.tp, 7);
  EXPECT_EQ(scores.cue.fp, 0);
  EXPECT_EQ(scores.content.fn, 0);
}

TEST(TaggerTest, CostAugmentedTrainingLearnsOurSentencesWithWiderMargins) {
  const auto docs = TinyDocuments();
  TrainOptions options;
  options.epochs = 15;
  options.min_count = 1;
  options.cost = 50;
  options.source_cost = 50;
  const AttributionTagger tagger(Train(docs, LearnCueLexicon(docs), options));
  const eval::Scores scores = Evaluate(tagger, docs);
  EXPECT_EQ(scores.cue.tp, 7);
  EXPECT_EQ(scores.cue.fp, 0);
  EXPECT_EQ(scores.source.fn, 0);
  EXPECT_EQ(scores.content.fn, 0);
  // Training goes on until every gold tag wins by the cost, so the narrowest margin of the
  // training tokens is wider than the plain perceptron's, which stops at the first win.
  const AttributionTagger plain(TrainTiny(docs));
  auto narrowest = [&](const AttributionTagger& t) {
    float least = std::numeric_limits<float>::infinity();
    for (const auto& d : docs) {
      std::vector<float> margins;
      t.TagTokens(d.text, *d.seg, &margins);
      for (float m : margins) least = std::min(least, m);
    }
    return least;
  };
  EXPECT_GT(narrowest(tagger), narrowest(plain));
}

TEST(TaggerTest, SaveLoadRoundTripIsExact) {
  const auto docs = TinyDocuments();
  const Model model = TrainTiny(docs);
  const std::string bytes = model.Serialize();
  auto parsed = Model::Parse(bytes);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->Serialize(), bytes);
  EXPECT_EQ(parsed->feature_count(), model.feature_count());

  const std::string path = (std::filesystem::temp_directory_path() /
                            ("tagger_test_" + std::to_string(::getpid()) + ".bin")).string();
  {
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), bytes.size());
  }
  auto loaded = AttributionTagger::Load(path);
  std::filesystem::remove(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  const AttributionTagger original(model);
  const std::string text = "Marion Macalpine said the council was wrong. \"It is safe,\" she said.";
  const extract::Segmentation seg = extract::Segment(text);
  std::vector<float> m1, m2;
  EXPECT_EQ((*loaded)->TagTokens(text, seg, &m1), original.TagTokens(text, seg, &m2));
  EXPECT_EQ(m1, m2);
}

TEST(TaggerTest, LoadNamesEveryError) {
  EXPECT_EQ(AttributionTagger::Load("/nonexistent/model.bin").status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(Model::Parse("not a model at all").status().message(),
            "attribution model: not a model file (bad magic)");
  std::string bytes = TrainTiny(TinyDocuments()).Serialize();
  std::string corrupt = bytes;
  corrupt[corrupt.size() / 2] ^= 0x40;
  EXPECT_EQ(Model::Parse(corrupt).status().message(),
            "attribution model: checksum mismatch (corrupt or truncated)");
  EXPECT_EQ(Model::Parse(bytes.substr(0, bytes.size() - 3)).status().code(),
            absl::StatusCode::kInvalidArgument);
}

// All tag sequences of length n, for the brute-force comparison.
void Enumerate(size_t n, std::vector<uint8_t>* current, std::vector<std::vector<uint8_t>>* out) {
  if (current->size() == n) {
    out->push_back(*current);
    return;
  }
  for (uint8_t t = 0; t < kNumTags; ++t) {
    current->push_back(t);
    Enumerate(n, current, out);
    current->pop_back();
  }
}

TEST(TaggerTest, DecodingRespectsBioAndFindsTheBestValidSequence) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> dist(-3, 3);
  std::array<float, kNumTags> start{};
  std::array<std::array<float, kNumTags>, kNumTags> transition{};
  for (auto& v : start) v = dist(rng);
  for (auto& row : transition) {
    for (auto& v : row) v = dist(rng);
  }
  constexpr size_t kN = 5;
  std::vector<std::vector<uint8_t>> all;
  std::vector<uint8_t> current;
  Enumerate(kN, &current, &all);
  for (int trial = 0; trial < 50; ++trial) {
    std::vector<float> scores(kN * kNumTags);
    for (auto& v : scores) v = dist(rng);
    // Make inside tags tempting everywhere, so that constraints matter.
    for (size_t i = 0; i < kN; ++i) scores[i * kNumTags + kICue] += 4;
    std::vector<uint8_t> tags;
    ViterbiDecode(scores.data(), kN, start, transition, &tags);
    ASSERT_EQ(tags.size(), kN);
    EXPECT_FALSE(IsInside(tags[0]));
    for (size_t i = 1; i < kN; ++i) EXPECT_TRUE(AllowedTransition(tags[i - 1], tags[i]));
    auto total = [&](const std::vector<uint8_t>& t) {
      float s = start[t[0]] + scores[t[0]];
      for (size_t i = 1; i < kN; ++i) s += transition[t[i - 1]][t[i]] + scores[i * kNumTags + t[i]];
      return s;
    };
    float best = -1e30f;
    for (const auto& t : all) {
      bool valid = !IsInside(t[0]);
      for (size_t i = 1; i < kN && valid; ++i) valid = AllowedTransition(t[i - 1], t[i]);
      if (valid) best = std::max(best, total(t));
    }
    EXPECT_NEAR(total(tags), best, 1e-4);
  }
}

TEST(TaggerTest, AssemblyLinksCueToSourceInItsSentenceAndContentToTheNearestCue) {
  const std::string text = "Bob said it rained. Ann said it snowed.";
  const extract::Segmentation seg = extract::Segment(text);
  // Bob said it rained . Ann said it snowed .
  const std::vector<uint8_t> tags = {kBSource, kBCue, kBContent, kIContent, kO,
                                     kBSource, kBCue, kBContent, kIContent, kO};
  ASSERT_EQ(seg.tokens.size(), tags.size());
  const auto out = Assemble(seg, tags);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(Text(text, out[0].source[0]), "Bob");
  EXPECT_EQ(Text(text, out[0].content[0]), "it rained");
  EXPECT_EQ(Text(text, out[1].source[0]), "Ann");
  EXPECT_EQ(Text(text, out[1].content[0]), "it snowed");
  EXPECT_EQ(out[1].first_sentence, 1u);
  EXPECT_EQ(out[1].end_sentence, 2u);
  // Code points: the same spans, as the evaluator reads them.
  const auto chars = ToCharAttributions(text, out);
  EXPECT_EQ(chars[1].cue, (std::vector<CharSpan>{{24, 28}}));
}

TEST(TaggerTest, AContentGoesToTheCueInItsOwnParagraphBeforeOneInTheParagraphBefore) {
  const std::string text = "\"It rained,\" Obama said.\n\n\"It snowed,\" he said.\n\n\"It hailed.\"";
  const extract::Segmentation seg = extract::Segment(text);
  // " It rained , " Obama said .  " It snowed , " he said .  " It hailed . "
  const std::vector<uint8_t> tags = {kBContent, kIContent, kIContent, kIContent, kIContent, kBSource, kBCue, kO,
                                     kBContent, kIContent, kIContent, kIContent, kIContent, kBSource, kBCue, kO,
                                     kBContent, kIContent, kIContent, kIContent, kIContent};
  ASSERT_EQ(seg.tokens.size(), tags.size());
  const auto out = Assemble(seg, tags);
  ASSERT_EQ(out.size(), 2u);
  ASSERT_EQ(out[0].content.size(), 1u);
  EXPECT_EQ(Text(text, out[0].content[0]), "\"It rained,\"");
  // "It snowed" is as near to "Obama said" as to "he said", but only the latter shares its
  // paragraph; "It hailed", alone in its paragraph, continues the quote before it.
  ASSERT_EQ(out[1].content.size(), 2u);
  EXPECT_EQ(Text(text, out[1].source[0]), "he");
  EXPECT_EQ(Text(text, out[1].content[0]), "\"It snowed,\"");
  EXPECT_EQ(Text(text, out[1].content[1]), "\"It hailed.\"");
}

TEST(TaggerTest, AContentGoesToTheCueInItsOwnSentenceBeforeANearerOneInTheNext) {
  const std::string text = "Ann said on Monday 3 June that it rained. She repeated it later.";
  const extract::Segmentation seg = extract::Segment(text);
  // Ann said on Monday 3 June that it rained . She repeated it later .
  const std::vector<uint8_t> tags = {kBSource, kBCue,    kO,    kO,        kO,   kO, kBContent, kIContent,
                                     kIContent, kO,      kBSource, kBCue, kBContent, kO, kO};
  ASSERT_EQ(seg.tokens.size(), tags.size());
  const auto out = Assemble(seg, tags);
  ASSERT_EQ(out.size(), 2u);
  // "that it rained" is two tokens from "repeated" and four from "said".
  ASSERT_EQ(out[0].content.size(), 1u);
  EXPECT_EQ(Text(text, out[0].content[0]), "that it rained");
  ASSERT_EQ(out[1].content.size(), 1u);
  EXPECT_EQ(Text(text, out[1].content[0]), "it");
}

TEST(TaggerTest, ACueWithoutContentTakesTheAttributionItReports) {
  const std::string text = "Officials called for an escort, sources said. Ann said it snowed.";
  const extract::Segmentation seg = extract::Segment(text);
  // Officials called for an escort , sources said . Ann said it snowed .
  const std::vector<uint8_t> tags = {kBSource, kBCue,    kICue,    kBContent, kIContent, kO, kBSource,
                                     kBCue,    kO,       kBSource, kBCue,     kBContent, kIContent, kO};
  ASSERT_EQ(seg.tokens.size(), tags.size());
  const auto out = Assemble(seg, tags);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(Text(text, out[0].cue[0]), "said");
  EXPECT_EQ(Text(text, out[0].source[0]), "sources");
  ASSERT_EQ(out[0].content.size(), 1u);
  EXPECT_EQ(Text(text, out[0].content[0]), "Officials called for an escort");
  // A cue with content of its own is left alone.
  EXPECT_EQ(Text(text, out[1].content[0]), "it snowed");
}

TEST(TaggerTest, ACueWithoutContentAfterACommaTakesTheWordsBeforeIt) {
  const std::string text =
      "The Secret Service whisked her away, another source said. Tom said. Rain fell, Ann said. "
      "The plan was good, Sue said and Bob agreed.";
  const extract::Segmentation seg = extract::Segment(text);
  // The n-th occurrence of `word` in the text.
  auto span = [&](absl::string_view word, int n) {
    size_t at = text.find(std::string(word));
    while (--n > 0) at = text.find(std::string(word), at + 1);
    return extract::ByteSpan{at, at + word.size()};
  };
  std::vector<TaggedAttribution> found(5);
  found[0].cue = {span("said", 1)};
  found[0].source = {span("another source", 1)};
  found[1].cue = {span("said", 2)};  // "Tom said.": no comma before it
  found[2].cue = {span("said", 3)};  // "Rain fell": two words only
  found[3].cue = {span("said", 4)};  // a second cue in its sentence: whose content?
  found[3].source = {span("Sue", 1)};
  found[4].cue = {span("agreed", 1)};
  found[4].content = {span("good", 1)};  // has content: left alone
  CompleteContent(text, seg, &found);
  ASSERT_EQ(found[0].content.size(), 1u);
  EXPECT_EQ(Text(text, found[0].content[0]), "The Secret Service whisked her away");
  EXPECT_TRUE(found[1].content.empty());
  EXPECT_TRUE(found[2].content.empty());
  EXPECT_TRUE(found[3].content.empty());
  ASSERT_EQ(found[4].content.size(), 1u);
  EXPECT_EQ(Text(text, found[4].content[0]), "good");
}

TEST(TaggerTest, StackedTaggerTrainsRoundTripsAndNamesItsErrors) {
  auto docs = TinyDocuments();
  const Model first = TrainTiny(docs);
  TrainOptions options;
  options.min_count = 1;
  JackknifeStage1(&docs, 2, 15, options);
  for (const auto& d : docs) EXPECT_EQ(d.stage1.size(), d.tags.size()) << d.name;
  options.epochs = 15;
  const AttributionTagger stacked(Model(first), Train(docs, LearnCueLexicon(docs), options));
  ASSERT_NE(stacked.second(), nullptr);
  EXPECT_GT(stacked.second()->feature_count(), 0u);
  // The second pass reads the first's tags: with them it still learns our sentences (all
  // but at most one: each jackknifed first pass saw only half of this tiny corpus).
  const eval::Scores scores = Evaluate(stacked, docs);
  EXPECT_GE(scores.cue.tp, 6);
  EXPECT_LE(scores.cue.fp, 1);

  const std::string bytes = stacked.Serialize();
  ASSERT_EQ(bytes.substr(0, 8), "CLMSTK01");
  auto parsed = AttributionTagger::Parse(bytes);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  ASSERT_NE((*parsed)->second(), nullptr);
  EXPECT_EQ((*parsed)->Serialize(), bytes);
  const std::string text = "Marion Macalpine said the council was wrong. \"It is safe,\" she said.";
  const extract::Segmentation seg = extract::Segment(text);
  std::vector<float> m1, m2;
  EXPECT_EQ((*parsed)->TagTokens(text, seg, &m1), stacked.TagTokens(text, seg, &m2));
  EXPECT_EQ(m1, m2);
  // A one-pass file still parses as one pass.
  auto single = AttributionTagger::Parse(first.Serialize());
  ASSERT_TRUE(single.ok()) << single.status();
  EXPECT_EQ((*single)->second(), nullptr);

  EXPECT_EQ(AttributionTagger::Parse(bytes.substr(0, 12)).status().message(), "stacked model: truncated");
  EXPECT_EQ(AttributionTagger::Parse(bytes.substr(0, 100)).status().message(),
            "stacked model: truncated first model");
  EXPECT_EQ(AttributionTagger::Parse(bytes.substr(0, bytes.size() - 5)).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(TaggerTest, StackFeaturesSummariseTheFirstPass) {
  const std::string text = "Bob said it rained. Ann agreed.";
  const extract::Segmentation seg = extract::Segment(text);
  // Bob said it rained . Ann agreed .
  const std::vector<uint8_t> first = {kBSource, kBCue, kBContent, kIContent, kO, kO, kO, kO};
  ASSERT_EQ(seg.tokens.size(), first.size());
  Document doc;
  PrepareDocument(text, seg, CueLexicon(), &doc);
  uint64_t plain[kMaxFeatures], stacked[kMaxFeatures];
  const int n_plain = ExtractFeatures(doc, 2, plain);
  PrepareStack(first, &doc);
  const int n_stacked = ExtractFeatures(doc, 2, stacked);
  EXPECT_LE(n_stacked, kMaxFeatures);
  // The second pass reads 16 of the first pass's templates (bias and the word first) and 14
  // of its own.
  EXPECT_GT(n_plain, n_stacked - 14);
  EXPECT_EQ(n_stacked, 30);
  EXPECT_EQ(stacked[0], plain[0]);
  EXPECT_EQ(stacked[1], plain[1]);
  for (int k = 16; k < n_stacked; ++k) {
    for (int j = 0; j < n_plain; ++j) EXPECT_NE(stacked[k], plain[j]);
  }
  EXPECT_EQ(doc.stack[2].sentence_components, 0b111);                 // cue, source and content
  EXPECT_EQ(doc.stack[2].left_cue, 1);                                // "said" just before
  EXPECT_EQ(doc.stack[2].right_cue, 0);
  EXPECT_EQ(doc.stack[2].run_length, 2);                              // "it rained"
  EXPECT_EQ(doc.stack[5].previous_sentence_end, 0);                   // "." was O
  EXPECT_EQ(doc.stack[5].sentence_components, 0);
}

// Every key of a small-domain template that our articles make (both passes of the shipped
// model) is one SmallDomainKeys lists, and scoring through the model's two tables gives the
// very scores of looking every key up in the large one.
TEST(TaggerTest, SmallTemplateKeysAreListedAndScoreAsInTheLargeTable) {
  auto tagger = AttributionTagger::Load(DefaultModelPath());
  ASSERT_TRUE(tagger.ok()) << tagger.status();
  ASSERT_NE((*tagger)->second(), nullptr);
  const std::vector<uint64_t>& listed = SmallDomainKeys();
  ASSERT_TRUE(std::is_sorted(listed.begin(), listed.end()));
  std::vector<std::string> texts;
  for (const auto& e : std::filesystem::directory_iterator(std::string(CLAIMS_TEST_FIXTURES) + "/articles")) {
    std::ifstream in(e.path(), std::ios::binary);
    texts.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  ASSERT_GE(texts.size(), 3u);
  texts.push_back("\"Yes.\" No! ''Quoted,'' she said: \u201cA\u201d \u2014 Bob, 42");
  int64_t small_keys = 0;
  for (const std::string& text : texts) {
    const extract::Segmentation seg = extract::Segment(text);
    Document doc;
    PrepareDocument(text, seg, (*tagger)->model().lexicon(), &doc);
    std::vector<uint8_t> stage1;
    for (const Model* model : {&(*tagger)->model(), (*tagger)->second()}) {
      if (model == (*tagger)->second()) PrepareStack(stage1, &doc);
      std::vector<float> scores;
      model->Score(doc, &scores);
      for (size_t i = 0; i < doc.info.size(); ++i) {
        TokenKeys split;
        ExtractFeatures(doc, i, &split);
        for (int k = 0; k < split.small_count; ++k) {
          ASSERT_TRUE(std::binary_search(listed.begin(), listed.end(), split.small[k])) << text << " token " << i;
        }
        small_keys += split.small_count;
        uint64_t all[kMaxFeatures];
        const int n = ExtractFeatures(doc, i, all);
        ASSERT_EQ(n, split.small_count + split.wide_count);
        float expected[kNumTags] = {};
        model->AddScores(all, n, expected);
        for (int t = 0; t < kNumTags; ++t) ASSERT_EQ(scores[i * kNumTags + t], expected[t]) << text << " token " << i;
      }
      model->Decode(scores, doc.info.size(), &stage1);
    }
  }
  EXPECT_GT(small_keys, 10000);
}

TEST(TaggerTest, ArbitraryBytesNeverCrash) {
  const AttributionTagger tagger(TrainTiny(TinyDocuments()));
  std::mt19937 rng(42);
  const std::string alphabet[] = {"a", "Said", " ", "\n", "\n\n", "\"", "\xE2\x80\x9C", "\xE2\x80\x9D",
                                  "'", ".", ",", "\xFF", "\xC3", "\x00", "said", "she", ":", "\xE2\x80"};
  for (int trial = 0; trial < 300; ++trial) {
    std::string text;
    const int len = rng() % 200;
    for (int i = 0; i < len; ++i) {
      if (rng() % 3 == 0) {
        text.push_back(static_cast<char>(rng() % 256));
      } else {
        text += alphabet[rng() % (sizeof(alphabet) / sizeof(alphabet[0]))];
      }
    }
    for (const auto& a : tagger.Tag(text)) {
      ASSERT_FALSE(a.cue.empty());
      for (const auto* spans : {&a.cue, &a.source, &a.content}) {
        for (const auto& s : *spans) {
          ASSERT_LT(s.begin, s.end);
          ASSERT_LE(s.end, text.size());
        }
      }
    }
  }
  EXPECT_TRUE(tagger.Tag("").empty());
}

// Optional: the shipped model on PolNeAR's dev split when an export is present
// (scripts/polnear-export.sh; PolNeAR has no licence, so it is never in the repository).
TEST(PolnearTaggerTest, ShippedModelScoresAboveTheRecordedFloorOnDev) {
  const char* env = std::getenv("CLAIMS_POLNEAR_DIR");
  const std::string dir = env != nullptr ? env : std::string(CLAIMS_TEST_FIXTURES) + "/../../.cache/polnear";
  if (!std::filesystem::exists(dir + "/data/dev/text")) GTEST_SKIP() << "no PolNeAR export at " << dir;
  auto tagger = AttributionTagger::Load(DefaultModelPath());
  ASSERT_TRUE(tagger.ok()) << tagger.status();
  auto docs = ReadCorpusSplit(dir, "dev");
  ASSERT_TRUE(docs.ok()) << docs.status();
  const eval::Scores scores = Evaluate(**tagger, *docs);
  std::cout << eval::FormatScores(scores);
  EXPECT_EQ(scores.documents, 84);
  // Floors: the figures measured when the model was trained, minus 0.02.
  EXPECT_GT(scores.cue.Exact().f1, kDevCueExactFloor);
  EXPECT_GT(scores.source.Overlap().f1, kDevSourceOverlapFloor);
  EXPECT_GT(scores.content.Overlap().f1, kDevContentOverlapFloor);
}

}  // namespace
}  // namespace claims::tagger
