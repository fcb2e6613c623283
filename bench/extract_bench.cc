// Extraction throughput on one core: MB/s of article text and articles/s, end to end from
// text to claim records (Extractor::Extract), over our fixture articles and, when present,
// an exported PolNeAR split (scripts/polnear-export.sh; never committed), for the
// production extractor (rules + tagger) and the rules alone; and one long paragraph at two
// sizes, whose equal figures show extraction linear in the text.
//
// Usage: extract_bench [--seconds S] [--passes N] [--corpus DIR/data/dev/text]
//
// --passes N extracts every text exactly N times instead of for S seconds: the same work in
// every run, for instruction counts (valgrind --tool=callgrind), which the machine's load
// does not change.
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "absl/time/clock.h"
#include "ingest-service/extract/extractor.h"
#include "ingest-service/tagger/attribution_model.h"

namespace {

std::vector<std::string> ReadTexts(const std::filesystem::path& dir, const std::string& ext) {
  std::vector<std::string> out;
  if (!std::filesystem::is_directory(dir)) return out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() != ext) continue;
    std::ifstream in(e.path(), std::ios::binary);
    out.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return out;
}

void Run(const claims::extract::Extractor& extractor, const char* name,
         const std::vector<std::string>& texts, double seconds, int passes) {
  if (texts.empty()) return;
  size_t bytes = 0, articles = 0, claims = 0;
  const auto start = std::chrono::steady_clock::now();
  const std::clock_t cpu_start = std::clock();
  double elapsed = 0;
  for (int pass = 0; passes > 0 ? pass < passes : elapsed < seconds; ++pass) {
    for (const auto& t : texts) {
      claims::v1::IngestArticleRequest request;
      request.set_text(t);
      auto out = extractor.Extract(request, absl::Now());
      if (out.ok()) claims += out->claims.size();
      bytes += t.size();
      ++articles;
    }
    elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  // Per CPU second of this (single-threaded) process: what one core does, even when the
  // machine is shared; wall-clock figures follow for comparison.
  const double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  printf("%-30s %7.2f MB/s %7.0f articles/s per CPU second | wall: %7.2f MB/s | %5.1f claims/article (%zu articles)\n",
         name, bytes / cpu / (1 << 20), articles / cpu, bytes / elapsed / (1 << 20),
         static_cast<double>(claims) / articles, articles);
}

}  // namespace

int main(int argc, char** argv) {
  double seconds = 5;
  int passes = 0;
  std::string corpus = ".cache/polnear/data/dev/text";
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::string(argv[i]) == "--seconds") seconds = atof(argv[i + 1]);
    if (std::string(argv[i]) == "--corpus") corpus = argv[i + 1];
    if (std::string(argv[i]) == "--passes") passes = atoi(argv[i + 1]);
  }
  // What the services run (rules + the shipped tagger), and the rules alone for comparison.
  auto extractor = claims::tagger::CreateDefaultExtractor();
  auto rules = claims::extract::Extractor::Create(claims::extract::DefaultExtractorOptions());
  if (!extractor.ok() || !rules.ok()) {
    fprintf(stderr, "%s\n", std::string((extractor.ok() ? rules.status() : extractor.status()).message()).c_str());
    return 1;
  }
  const std::filesystem::path fixtures =
      std::filesystem::path(claims::extract::DefaultDataDir()) / "../../tests/fixtures/articles";
  const std::vector<std::string> ours = ReadTexts(fixtures, ".txt");
  const std::vector<std::string> theirs = ReadTexts(corpus, ".txt");
  Run(**extractor, "fixtures, rules + tagger", ours, seconds, passes);
  Run(**rules, "fixtures, rules alone", ours, seconds, passes);
  Run(**extractor, "corpus, rules + tagger", theirs, seconds, passes);
  Run(**rules, "corpus, rules alone", theirs, seconds, passes);
  // One paragraph of a repeated attribution, 256 KB and 1 MB: extraction must stay linear
  // in the text (the merge's lookups were once quadratic: 26 s for 2 MB); the two figures
  // should be about equal.
  for (const size_t size : {size_t{256} << 10, size_t{1} << 20}) {
    std::string paragraph;
    while (paragraph.size() < size) paragraph += "Hackney Council met on Monday. The company said it would act. ";
    Run(**extractor, size < (size_t{1} << 20) ? "one 256 KB paragraph, rules + tagger" : "one 1 MB paragraph, rules + tagger",
        {paragraph}, seconds, passes);
  }
  return 0;
}
