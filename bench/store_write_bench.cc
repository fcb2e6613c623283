// The write path alone: ClaimStore::PutArticle of already extracted articles from several
// threads, as claims-ingest's stream workers call it (durable group commits on a
// MemtableLayout::kForWrites primary). Prints articles/s and the CPU time per article of the
// whole process (writers, group commits, RocksDB's flushes and compactions); asserts nothing.
// Extraction runs before the clock starts, so a change to the store shows in these figures
// undiluted by the extractor's share.
//
//   build/bench/store_write_bench [--articles N] [--threads T] [--sync 0|1] [--db DIR]
//
// --db keeps the database in DIR (it must not exist yet) for a look at its LOG; by default it
// is written to a temporary directory and removed.
#include <malloc.h>
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "bench/bench_articles.h"
#include "ingest-service/extract/extractor.h"
#include "ingest-service/ingester.h"
#include "ingest-service/tagger/attribution_model.h"
#include "store/claim_store.h"
#include "tests/testing/temp_dir.h"

namespace {

struct Usage {
  double cpu_seconds;
  int64_t page_faults;       // minor and major
  int64_t context_switches;  // voluntary and involuntary
};

Usage ProcessUsage() {
  rusage u;
  getrusage(RUSAGE_SELF, &u);
  return {u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6,
          u.ru_minflt + u.ru_majflt, u.ru_nvcsw + u.ru_nivcsw};
}

}  // namespace

int main(int argc, char** argv) {
  // The allocator settings of claims-ingest (ingest-service/main.cc).
  if (std::getenv("MALLOC_ARENA_MAX") == nullptr) mallopt(M_ARENA_MAX, 2);
  if (std::getenv("MALLOC_MMAP_THRESHOLD_") == nullptr) mallopt(M_MMAP_THRESHOLD, 1 << 20);
  int64_t articles = 5000;
  int threads = 8;
  bool sync = true;
  std::string db_path;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--articles") articles = std::atoll(argv[i + 1]);
    if (flag == "--threads") threads = std::max(1, std::atoi(argv[i + 1]));
    if (flag == "--sync") sync = std::atoi(argv[i + 1]) != 0;
    if (flag == "--db") db_path = argv[i + 1];
  }
  const std::vector<std::string> fixtures = claims::bench::LoadFixtures(CLAIMS_FIXTURES);
  if (fixtures.empty()) {
    std::cerr << "no fixtures under " << CLAIMS_FIXTURES << "\n";
    return 1;
  }
  auto extractor = claims::tagger::CreateDefaultExtractor();
  if (!extractor.ok()) {
    std::cerr << extractor.status() << "\n";
    return 1;
  }
  // Extracted up front, on two threads.
  std::vector<claims::extract::Extraction> extracted(articles);
  const absl::Time now = absl::FromUnixSeconds(absl::ToUnixSeconds(absl::Now()));
  std::atomic<int64_t> next{0};
  std::atomic<int> failed{0};
  auto extract = [&] {
    for (int64_t i; (i = next++) < articles;) {
      auto e = (*extractor)->Extract(claims::bench::MakeArticle(fixtures, i), now);
      if (!e.ok()) {
        ++failed;
        continue;
      }
      e->article.mutable_ingested_time()->set_seconds(absl::ToUnixSeconds(now));
      extracted[i] = *std::move(e);
    }
  };
  {
    std::thread other(extract);
    extract();
    other.join();
  }
  if (failed > 0) {
    std::cerr << failed << " articles failed to extract\n";
    return 1;
  }
  int64_t claims = 0;
  for (const auto& e : extracted) claims += static_cast<int64_t>(e.claims.size());

  claims::testing::TempDir dir;
  claims::store::PrimaryOptions options;
  options.sync_writes = sync;
  options.memtables = claims::store::MemtableLayout::kForWrites;
  auto store = claims::store::ClaimStore::OpenPrimary(db_path.empty() ? dir.Sub("db") : db_path,
                                                      options);
  if (!store.ok()) {
    std::cerr << store.status() << "\n";
    return 1;
  }
  claims::ingest::Ingester ingester(extractor->get(), store->get());
  if (auto s = ingester.RegisterCatalogues(); !s.ok()) {
    std::cerr << s << "\n";
    return 1;
  }
  std::printf("%lld articles, %lld claims, %d writer threads, sync %s\n",
              static_cast<long long>(articles), static_cast<long long>(claims), threads,
              sync ? "on" : "off");
  std::fflush(stdout);

  next = 0;
  const Usage usage_start = ProcessUsage();
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> writers;
  for (int t = 0; t < threads; ++t) {
    writers.emplace_back([&] {
      for (int64_t i; (i = next++) < articles;) {
        auto put = (*store)->PutArticle(extracted[i].article, extracted[i].claims);
        if (!put.ok()) {
          if (++failed < 5) std::cerr << "article " << i << ": " << put.status() << "\n";
        }
      }
    });
  }
  for (auto& w : writers) w.join();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const Usage usage_end = ProcessUsage();
  const double cpu = usage_end.cpu_seconds - usage_start.cpu_seconds;
  const double n = static_cast<double>(std::max<int64_t>(1, articles));
  std::printf("%lld articles written in %.2f s: %.0f articles/s; CPU per article %.3f ms "
              "(%.2f cores busy); %d failed\n"
              "per article: %.1f page faults, %.1f context switches\n",
              static_cast<long long>(articles), seconds, articles / seconds, cpu * 1000 / n,
              cpu / seconds, failed.load(), (usage_end.page_faults - usage_start.page_faults) / n,
              (usage_end.context_switches - usage_start.context_switches) / n);
  return failed == 0 ? 0 : 1;
}
