// The generated articles of the ingestion benchmarks: the fixture articles
// (tests/fixtures/articles/*.txt) varied so that each one is unique: another place, other
// people, other numbers, an extra paragraph, its own URL. Header-only; for benchmarks.
#ifndef CLAIMS_BENCH_BENCH_ARTICLES_H_
#define CLAIMS_BENCH_BENCH_ARTICLES_H_

#include <dirent.h>

#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "claims/v1/ingest.pb.h"

namespace claims::bench {

// The texts of the fixture articles under `fixtures_dir`/articles; empty when there are none.
inline std::vector<std::string> LoadFixtures(const std::string& fixtures_dir) {
  std::vector<std::string> texts;
  const std::string dir = fixtures_dir + "/articles";
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) return texts;
  while (dirent* e = readdir(d)) {
    const std::string name = e->d_name;
    if (name.size() < 4 || name.substr(name.size() - 4) != ".txt") continue;
    std::ifstream f(dir + "/" + name);
    texts.emplace_back(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
  }
  closedir(d);
  return texts;
}

// Article `i`: a fixture, varied. `fixtures` must not be empty.
inline claims::v1::IngestArticleRequest MakeArticle(const std::vector<std::string>& fixtures,
                                                    int64_t i) {
  static const char* const kPlaces[] = {"Hackney", "Islington", "Camden",  "Leeds",
                                        "Bristol", "Norwich",   "Salford", "Croydon",
                                        "Derby",   "Exeter",    "Bradford", "Lambeth"};
  static const char* const kPeople[] = {"Amira Shah", "Tom Baker",  "Grace Okafor", "Liam Walsh",
                                        "Nina Patel", "Owen Price", "Ruth Ellis",   "Sanjay Rao",
                                        "Keira Dunn", "Femi Ade"};
  static const char* const kOrgs[] = {"NHS England", "Palantir",
                                      "the Information Commissioner's Office", "Unison",
                                      "the Department of Health", "the British Medical Association"};
  const std::string& base = fixtures[i % fixtures.size()];
  const char* place = kPlaces[(i / 3) % 12];
  const char* person = kPeople[(i / 7) % 10];
  const char* org = kOrgs[(i / 5) % 6];
  std::string text = absl::StrReplaceAll(
      base, {{"Hackney", place}, {"Islington", kPlaces[(i / 11) % 12]}, {"2025", absl::StrCat(2020 + i % 6)}});
  absl::StrAppend(&text, "\n\n\"We will keep asking questions about case ", i, ",\" said ", person,
                  ", a spokesperson for ", org, ".\n\n", org, " said it had received ", i % 97 + 3,
                  " complaints about the scheme in ", place, " this year.\n");
  claims::v1::IngestArticleRequest r;
  r.set_url(absl::StrCat("https://news.example.test/", place, "/", i, "?utm_source=bench"));
  r.set_title(absl::StrCat("Story ", i, " from ", place));
  r.set_publisher("Bench Example News");
  r.mutable_published_time()->set_seconds(1735689600 + i * 60);
  r.set_text(std::move(text));
  return r;
}

}  // namespace claims::bench

#endif  // CLAIMS_BENCH_BENCH_ARTICLES_H_
