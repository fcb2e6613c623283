// Query benchmarks (issue: "cost follows the answer, not the database").
//
// Builds synthetic databases of 10,000 and 1,000,000 claims and prints, for each size: the
// latency of a filter matching 10 claims, the index entries a two-filter intersection reads
// (each filter alone matches 10% of the claims, together 50), p50/p99 server-side latency
// of a one-page (50 claims) filtered ListClaims through the QueryEngine, and CountClaims by
// month for one organisation.
//
// Each database is loaded through a primary, which is then closed; the figures are taken
// as claims-query serves: through a secondary instance over the same directory. The page
// latencies come from 2,000 requests for random organisations (each org about twice, so
// about half of them read claims no request has read before: "first pass"), then the same
// 2,000 again ("second pass": what those requests cost once their blocks are cached).
// Beside wall-clock time it prints the CPU time of the requesting thread: on a shared,
// loaded machine a request that is preempted takes milliseconds of wall time for
// microseconds of work, and the CPU figure tells the two apart.
//
// Usage: query_bench [--small N] [--large N] [--db DIR] [--compact]
//                    (defaults 10000 and 1000000)
//   --db DIR  keep the databases in DIR/claims-N and reuse them on later runs (loading
//             1,000,000 claims takes a quarter of an hour on a shared 2-core machine); a
//             database is reused only when its load finished (DIR/claims-N/LOADED).
//   --compact  before measuring, flush and rewrite every table file with the current
//             options (ClaimStore::CompactAll): for comparing table options on one data set.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "query-service/query_engine.h"
#include "store/claim_store.h"
#include "tests/testing/temp_dir.h"

namespace {

using claims::v1::Claim;
using Clock = std::chrono::steady_clock;

constexpr int kClaimsPerArticle = 100;
constexpr int64_t kStart = 1672531200;  // 2023-01-01

double Micros(Clock::duration d) { return std::chrono::duration<double, std::micro>(d).count(); }

// CPU time consumed by this thread so far, in microseconds.
double ThreadCpuMicros() {
  timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

// Claim i of a database of n claims. Organisation "rare" has exactly 10 claims, "big-a" and
// speaker "big-b" 10% each, both together exactly 50 (for n >= 100,000; fewer below).
Claim MakeClaim(int64_t i, int64_t n, std::mt19937* rng) {
  Claim c;
  const std::string article = absl::StrCat("a", i / kClaimsPerArticle);
  c.set_id(absl::StrCat(article, "-", absl::Dec(i % kClaimsPerArticle, absl::kZeroPad4)));
  c.set_article_id(article);
  c.set_kind(static_cast<Claim::Kind>(1 + (*rng)() % 3));
  c.mutable_claim_time()->set_seconds(kStart + ((*rng)() % (3 * 365)) * 86400 + (*rng)() % 86400);
  auto add_org = [&](const std::string& id) {
    auto* o = c.add_organisations();
    o->set_id(id);
    o->set_name(id);
  };
  add_org(absl::StrCat("org", (*rng)() % 1000));
  if (i % (n / 10) == 0) add_org("rare");
  std::string speaker = absl::StrCat("speaker", (*rng)() % 5000);
  if (i % 10 == 0) add_org("big-a");
  if (i % 10 == 1 || i % 20000 == 0) speaker = "big-b";
  c.mutable_speaker()->set_id(speaker);
  c.mutable_speaker()->set_name(speaker);
  c.add_topics()->set_id(absl::StrCat("topic", (*rng)() % 30));
  return c;
}

void Build(claims::store::ClaimStore* store, int64_t n) {
  std::mt19937 rng(42);
  const auto start = Clock::now();
  for (int64_t a = 0; a * kClaimsPerArticle < n; ++a) {
    claims::v1::Article article;
    article.set_id(absl::StrCat("a", a));
    std::vector<Claim> claims;
    for (int64_t i = a * kClaimsPerArticle; i < std::min(n, (a + 1) * kClaimsPerArticle); ++i) {
      claims.push_back(MakeClaim(i, n, &rng));
    }
    auto put = store->PutArticle(article, claims);
    if (!put.ok()) {
      fprintf(stderr, "load failed: %s\n", std::string(put.status().message()).c_str());
      exit(1);
    }
  }
  printf("  loaded %lld claims in %.1f s\n", static_cast<long long>(n),
         std::chrono::duration<double>(Clock::now() - start).count());
}

struct Figures {
  double rare_us = 0;
  int64_t rare_found = 0;
  int64_t intersection_entries = 0;
  int64_t intersection_found = 0;
  double page_p50_us = 0, page_p99_us = 0;
  double warm_p50_us = 0, warm_p99_us = 0;
  double page_cpu_p50_us = 0, page_cpu_p99_us = 0;
  double warm_cpu_p50_us = 0, warm_cpu_p99_us = 0;
  double count_month_us = 0;
  bool count_from_counters = false;
};

Figures Measure(claims::store::ClaimStore* store) {
  using claims::store::ClaimQuery;
  using claims::store::FilterExpr;
  Figures f;
  // Warm the cache the same way for both sizes, then take the median of 101 runs.
  ClaimQuery rare;
  rare.filter = FilterExpr::Term(FilterExpr::Field::kOrganisation, {"rare"});
  std::vector<double> times;
  for (int i = 0; i < 101; ++i) {
    const auto t0 = Clock::now();
    auto page = store->ListClaims(rare);
    times.push_back(Micros(Clock::now() - t0));
    f.rare_found = page->claims.size();
  }
  std::sort(times.begin(), times.end());
  f.rare_us = times[50];

  ClaimQuery both;
  both.filter = FilterExpr::And({FilterExpr::Term(FilterExpr::Field::kOrganisation, {"big-a"}),
                                 FilterExpr::Term(FilterExpr::Field::kSpeaker, {"big-b"})});
  both.limit = 1000;
  auto page = store->ListClaims(both);
  f.intersection_entries = page->entries_read;
  f.intersection_found = page->claims.size();

  // One-page filtered ListClaims through the engine (validation, name resolution, paging).
  claims::query::QueryEngine engine([store](std::string*) {
    return std::shared_ptr<const claims::store::ClaimStore>(store, [](const claims::store::ClaimStore*) {});
  });
  for (int pass = 0; pass < 2; ++pass) {
    std::mt19937 rng(7);  // the same requests in both passes
    times.clear();
    std::vector<double> cpu;
    for (int i = 0; i < 2000; ++i) {
      claims::v1::ListClaimsRequest request;
      request.mutable_filter()->add_organisations(absl::StrCat("org", rng() % 1000));
      request.set_page_size(50);
      const double c0 = ThreadCpuMicros();
      const auto t0 = Clock::now();
      auto response = engine.ListClaims(request);
      times.push_back(Micros(Clock::now() - t0));
      cpu.push_back(ThreadCpuMicros() - c0);
      if (!response.ok() || response->claims_size() == 0) {
        fprintf(stderr, "unexpected empty page\n");
        exit(1);
      }
    }
    std::sort(times.begin(), times.end());
    (pass == 0 ? f.page_p50_us : f.warm_p50_us) = times[times.size() / 2];
    (pass == 0 ? f.page_p99_us : f.warm_p99_us) = times[times.size() * 99 / 100];
    std::sort(cpu.begin(), cpu.end());
    (pass == 0 ? f.page_cpu_p50_us : f.warm_cpu_p50_us) = cpu[cpu.size() / 2];
    (pass == 0 ? f.page_cpu_p99_us : f.warm_cpu_p99_us) = cpu[cpu.size() * 99 / 100];
  }

  claims::v1::CountClaimsRequest count;
  count.mutable_filter()->add_organisations("org7");
  count.set_group_by(claims::v1::CountClaimsRequest::MONTH);
  times.clear();
  for (int i = 0; i < 101; ++i) {
    const auto t0 = Clock::now();
    auto response = engine.CountClaims(count);
    times.push_back(Micros(Clock::now() - t0));
    f.count_from_counters = response->from_counters();
  }
  std::sort(times.begin(), times.end());
  f.count_month_us = times[50];
  return f;
}

}  // namespace

int main(int argc, char** argv) {
  int64_t small = 10000, large = 1000000;
  std::string keep;
  bool compact = false;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    const char* value = i + 1 < argc ? argv[i + 1] : "";
    if (flag == "--compact") {
      compact = true;
    } else if (flag == "--small") {
      small = atoll(value);
      ++i;
    } else if (flag == "--large") {
      large = atoll(value);
      ++i;
    } else if (flag == "--db") {
      keep = value;
      ++i;
    } else {
      fprintf(stderr, "usage: query_bench [--small N] [--large N] [--db DIR] [--compact]\n");
      return 2;
    }
  }
  std::vector<std::pair<int64_t, Figures>> results;
  for (int64_t n : {small, large}) {
    claims::testing::TempDir dir;
    const std::string db = keep.empty() ? dir.Sub("db") : absl::StrCat(keep, "/claims-", n);
    const std::string loaded = db + "/LOADED";
    printf("database of %lld claims\n", static_cast<long long>(n));
    if (std::filesystem::exists(loaded)) {
      printf("  reusing %s\n", db.c_str());
    } else {
      std::error_code ignored;
      std::filesystem::remove_all(db, ignored);
      std::filesystem::create_directories(db);
      auto primary = claims::store::ClaimStore::OpenPrimary(db, /*sync_writes=*/false);
      if (!primary.ok()) {
        fprintf(stderr, "%s\n", std::string(primary.status().message()).c_str());
        return 1;
      }
      Build(primary->get(), n);
      primary->reset();  // closed, as if the writer were idle: no compaction during the figures
      std::ofstream(loaded) << n << "\n";
    }
    if (compact) {
      const auto t0 = Clock::now();
      auto primary = claims::store::ClaimStore::OpenPrimary(db, /*sync_writes=*/false);
      const absl::Status compacted = primary.ok() ? (*primary)->CompactAll() : primary.status();
      if (!compacted.ok()) {
        fprintf(stderr, "%s\n", std::string(compacted.message()).c_str());
        return 1;
      }
      printf("  compacted in %.1f s\n", std::chrono::duration<double>(Clock::now() - t0).count());
    }
    auto store = claims::store::ClaimStore::OpenSecondary(db, dir.Sub("secondary"));
    if (!store.ok()) {
      fprintf(stderr, "%s\n", std::string(store.status().message()).c_str());
      return 1;
    }
    results.emplace_back(n, Measure(store->get()));
  }
  printf("\n%-52s %14s %14s\n", "figure", absl::StrCat(small, " claims").c_str(),
         absl::StrCat(large, " claims").c_str());
  const Figures& a = results[0].second;
  const Figures& b = results[1].second;
  printf("%-52s %11.1f us %11.1f us   ratio %.2f\n", "filter matching 10 claims, median", a.rare_us,
         b.rare_us, b.rare_us / a.rare_us);
  printf("%-52s %14lld %14lld\n", "  claims found", static_cast<long long>(a.rare_found),
         static_cast<long long>(b.rare_found));
  printf("%-52s %14lld %14lld\n", "two-filter intersection: claims found",
         static_cast<long long>(a.intersection_found), static_cast<long long>(b.intersection_found));
  printf("%-52s %14lld %14lld\n", "  index entries read (each filter alone: 10%)",
         static_cast<long long>(a.intersection_entries), static_cast<long long>(b.intersection_entries));
  // One row of microsecond figures: `label`, then the small and the large database's.
  auto row_us = [](const char* label, double small, double large) {
    printf("%-52s %11.1f us %11.1f us\n", label, small, large);
  };
  row_us("ListClaims one page (50), one org filter, p50", a.page_p50_us, b.page_p50_us);
  row_us("ListClaims one page (50), one org filter, p99", a.page_p99_us, b.page_p99_us);
  row_us("  thread CPU time, p50", a.page_cpu_p50_us, b.page_cpu_p50_us);
  row_us("  thread CPU time, p99", a.page_cpu_p99_us, b.page_cpu_p99_us);
  row_us("  same requests again (blocks cached), p50", a.warm_p50_us, b.warm_p50_us);
  row_us("  same requests again (blocks cached), p99", a.warm_p99_us, b.warm_p99_us);
  row_us("    thread CPU time, p50", a.warm_cpu_p50_us, b.warm_cpu_p50_us);
  row_us("    thread CPU time, p99", a.warm_cpu_p99_us, b.warm_cpu_p99_us);
  printf("%-52s %11.1f us %11.1f us   (%s)\n", "CountClaims by month, one organisation, median",
         a.count_month_us, b.count_month_us, b.count_from_counters ? "from counters" : "from postings");
  return 0;
}
