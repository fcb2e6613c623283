// Attribution tagger throughput: MB of text per second of CPU time on one core, for segmentation alone,
// tagging a given segmentation (features, scores, Viterbi, assembly), and both.
//
// Input: the files named on the command line, else our fixture articles
// (tests/fixtures/articles/*.txt, found from the source tree's data folder), repeated as separate documents to about --mb MB (8).
// Model: --model PATH, else the shipped one (DefaultModelPath()).
//
// Usage: tagger_bench [--model PATH] [--mb N] [FILE...]
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "ingest-service/extract/extractor.h"
#include "ingest-service/extract/segmenter.h"
#include "ingest-service/tagger/tagger.h"

namespace {

// This thread's CPU time: on a shared machine, wall time mostly measures the neighbours.
struct Clock {
  using time_point = double;
  static double now() {
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
  }
};

double Seconds(double since) { return Clock::now() - since; }

}  // namespace

int main(int argc, char** argv) {
  std::string model_path = claims::tagger::DefaultModelPath();
  double mb = 8;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--model" && i + 1 < argc) {
      model_path = argv[++i];
    } else if (arg == "--mb" && i + 1 < argc) {
      mb = std::atof(argv[++i]);
    } else {
      files.push_back(arg);
    }
  }
  if (files.empty()) {
    for (const auto& e : std::filesystem::directory_iterator(claims::extract::DefaultDataDir() + "/../../tests/fixtures/articles")) {
      if (e.path().extension() == ".txt") files.push_back(e.path().string());
    }
  }
  auto tagger = claims::tagger::AttributionTagger::Load(model_path);
  if (!tagger.ok()) {
    std::fprintf(stderr, "tagger_bench: %s\n", std::string(tagger.status().message()).c_str());
    return 1;
  }
  std::vector<std::string> texts;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    texts.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  std::vector<const std::string*> docs;
  size_t bytes = 0;
  while (bytes < mb * 1e6 && !texts.empty()) {
    for (const auto& t : texts) {
      docs.push_back(&t);
      bytes += t.size();
    }
  }
  std::vector<claims::extract::Segmentation> segs;
  segs.reserve(docs.size());
  auto t0 = Clock::now();
  for (const auto* d : docs) segs.push_back(claims::extract::Segment(*d));
  const double segment_s = Seconds(t0);
  size_t attributions = 0, tokens = 0;
  t0 = Clock::now();
  for (size_t i = 0; i < docs.size(); ++i) {
    attributions += (*tagger)->Tag(*docs[i], segs[i]).size();
    tokens += segs[i].tokens.size();
  }
  const double tag_s = Seconds(t0);
  const double total_mb = bytes / 1e6;
  std::printf("model %s: %zu features\n", model_path.c_str(), (*tagger)->feature_count());
  std::printf("%zu documents, %.1f MB, %zu tokens, %zu attributions\n", docs.size(), total_mb, tokens,
              attributions);
  std::printf("segment only          %7.2f MB/s\n", total_mb / segment_s);
  std::printf("tag (given segments)  %7.2f MB/s  (%.0f ns/token)\n", total_mb / tag_s, tag_s * 1e9 / tokens);
  std::printf("segment + tag         %7.2f MB/s\n", total_mb / (segment_s + tag_s));
  return 0;
}
