// Mutation fuzzing, for a bounded time, of the targets of tests/fuzz/fuzz_targets.h (article
// text and HTML through the whole extractor, RSS/Atom/RDF feeds through the parser and on to
// the extractor, feed times and URLs, article requests through the Ingester into a real
// store), with the checks that header lists, plus: no single input runs longer than 20 s (a
// hang or a pathological blow-up: a watchdog thread saves the input and aborts; the limit is
// two orders of magnitude above the slowest input seen, so it does not time the machine:
// speed is measured in bench/).
//
// Each target mutates its seeds for CLAIMS_FUZZ_SECONDS seconds (default 3), keeping some of
// the mutants it accepted as new seeds so that mutations compound past the first checks,
// with the targets' dictionary. A failing input is written to a file whose path the failure
// names. CLAIMS_FUZZ_SEED (default 1) changes the sequence, which is deterministic for a seed
// (how far it gets depends on the time budget); CLAIMS_FUZZ_HANG_SECONDS changes the hang
// limit. Coverage-guided fuzzing of the same targets: scripts/fuzz.sh (clang's libFuzzer).
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <random>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "tests/fuzz/fuzz_targets.h"

namespace claims {
namespace {

using fuzz::kMaxInput;

// CLAIMS_FUZZ_HANG_SECONDS overrides it (to check the watchdog itself).
absl::Duration HangLimit() {
  const char* s = std::getenv("CLAIMS_FUZZ_HANG_SECONDS");
  return s != nullptr ? absl::Seconds(std::atof(s)) : absl::Seconds(20);
}

double FuzzSeconds() {
  const char* s = std::getenv("CLAIMS_FUZZ_SECONDS");
  return s != nullptr ? std::atof(s) : 3.0;
}

uint64_t FuzzSeed() {
  const char* s = std::getenv("CLAIMS_FUZZ_SEED");
  return s != nullptr ? std::strtoull(s, nullptr, 10) : 1;
}

// Mutated inputs grown from seeds. Not thread-safe.
class Mutator {
 public:
  Mutator(uint64_t seed, std::vector<std::string> seeds, std::vector<std::string> dictionary)
      : rng_(seed), pool_(std::move(seeds)), dictionary_(std::move(dictionary)) {}

  // A pool member mutated once (half the time) or up to eight times.
  std::string Next() {
    std::string s = pool_[Below(pool_.size())];
    const int rounds = Below(2) == 0 ? 1 : 1 + static_cast<int>(Below(8));
    for (int i = 0; i < rounds; ++i) Mutate(&s);
    if (s.size() > kMaxInput) s.resize(kMaxInput);
    return s;
  }

  // An input the target accepted: one in four joins the pool (at most kMaxPool members; then
  // it replaces a random earlier mutant, never a seed), so that mutations compound on inputs
  // that get past the first checks.
  void Accepted(const std::string& input) {
    if (Below(4) != 0) return;
    if (pool_.size() < kMaxPool) {
      pool_.push_back(input);
    } else if (seeds_ < kMaxPool) {
      pool_[seeds_ + Below(kMaxPool - seeds_)] = input;
    }  // else: the seeds fill the pool, and stay
  }

 private:
  static constexpr size_t kMaxPool = 256;

  size_t Below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(rng_() % n); }

  void Mutate(std::string* s) {
    const size_t n = s->size();
    switch (Below(9)) {
      case 0:  // flip a bit
        if (n > 0) (*s)[Below(n)] ^= static_cast<char>(1u << Below(8));
        break;
      case 1: {  // an interesting byte
        static constexpr unsigned char kBytes[] = {0x00, 0x0A, 0x0D, 0x20, 0x22, 0x26, 0x3C, 0x3E,
                                                   0x7F, 0x80, 0xBF, 0xC0, 0xE2, 0xF0, 0xF8, 0xFF};
        const char b = static_cast<char>(kBytes[Below(sizeof(kBytes))]);
        if (n > 0 && Below(2) == 0) {
          (*s)[Below(n)] = b;
        } else {
          s->insert(Below(n + 1), 1, b);
        }
        break;
      }
      case 2:  // a dictionary token
      case 3:
        s->insert(Below(n + 1), dictionary_[Below(dictionary_.size())]);
        break;
      case 4:  // delete a range
        if (n > 0) {
          const size_t at = Below(n);
          s->erase(at, 1 + Below(std::min<size_t>(n - at, Below(4) == 0 ? n : 64)));
        }
        break;
      case 5:  // copy a range elsewhere
        if (n > 0) {
          const size_t at = Below(n);
          const std::string piece = s->substr(at, 1 + Below(std::min<size_t>(n - at, 1024)));
          s->insert(Below(n + 1), piece);
        }
        break;
      case 6: {  // splice with another pool member
        const std::string& other = pool_[Below(pool_.size())];
        *s = s->substr(0, Below(n + 1)) + other.substr(Below(other.size() + 1));
        break;
      }
      case 7: {  // a long run of one character (quadratic scans, deep nesting)
        static constexpr char kRuns[] = {'<', '"', ' ', '\n', '.', 'a', '(', '&', '-'};
        s->insert(Below(n + 1), 1 + Below(4000), kRuns[Below(sizeof(kRuns))]);
        break;
      }
      default:  // truncate
        s->resize(Below(n + 1));
        break;
    }
  }

  std::mt19937_64 rng_;
  std::vector<std::string> pool_;
  const size_t seeds_ = pool_.size();
  std::vector<std::string> dictionary_;
};

// Writes `input` where the failure message can name it.
std::string SaveInput(const std::string& target, const std::string& input) {
  const char* dir = std::getenv("TMPDIR");
  const std::string path = absl::StrCat(dir != nullptr ? dir : "/tmp", "/claims-fuzz-", target, "-",
                                        std::hash<std::string>{}(input), ".bin");
  std::ofstream(path, std::ios::binary) << input;
  return path;
}

// Aborts the process, saving the input, when one check runs longer than HangLimit(): a
// check that hangs never returns to be timed. Start and Stop bracket each check.
// Thread-safe.
class HangWatchdog {
 public:
  explicit HangWatchdog(std::string target)
      : target_(std::move(target)), thread_([this] { Run(); }) {}
  ~HangWatchdog() {
    {
      absl::MutexLock lock(&mu_);
      done_ = true;
    }
    thread_.join();
  }
  // `input` must outlive the matching Stop.
  void Start(const std::string* input) {
    absl::MutexLock lock(&mu_);
    input_ = input;
    started_ = absl::Now();
  }
  void Stop() {
    absl::MutexLock lock(&mu_);
    input_ = nullptr;
  }

 private:
  void Run() {
    absl::MutexLock lock(&mu_);
    while (!done_) {
      mu_.AwaitWithTimeout(absl::Condition(&done_), std::min(absl::Seconds(1), limit_ / 4));
      if (input_ != nullptr && absl::Now() - started_ > limit_) {
        std::cerr << target_ << ": one input has run for more than " << limit_ << "; saved to "
                  << SaveInput(target_, *input_) << "\n";
        std::abort();
      }
    }
  }

  const std::string target_;
  const absl::Duration limit_ = HangLimit();
  absl::Mutex mu_;
  bool done_ ABSL_GUARDED_BY(mu_) = false;
  const std::string* input_ ABSL_GUARDED_BY(mu_) = nullptr;
  absl::Time started_ ABSL_GUARDED_BY(mu_);
  std::thread thread_;  // last: starts once the members above exist
};

// Runs the target on mutants of its seeds for the time budget. Also fails when no mutant was
// accepted: a fuzzer whose inputs are all refused at the first check tests nothing deeper.
void Fuzz(const std::string& name) {
  const fuzz::Target* target = fuzz::FindTarget(name);
  ASSERT_NE(target, nullptr) << name;
  std::vector<std::string> seeds = target->seeds(CLAIMS_TEST_FIXTURES);
  ASSERT_FALSE(seeds.empty()) << name;
  Mutator mutator(FuzzSeed(), std::move(seeds), fuzz::Dictionary());
  const absl::Time end = absl::Now() + absl::Seconds(FuzzSeconds());
  int64_t inputs = 0, accepted = 0;
  absl::Duration slowest;
  HangWatchdog watchdog(name);
  while (absl::Now() < end) {
    const std::string input = mutator.Next();
    const absl::Time start = absl::Now();
    watchdog.Start(&input);
    const fuzz::Outcome outcome = target->check(input);
    watchdog.Stop();
    const absl::Duration took = absl::Now() - start;
    slowest = std::max(slowest, took);
    ++inputs;
    if (outcome.accepted) {
      ++accepted;
      mutator.Accepted(input);
    }
    ASSERT_EQ(outcome.failure, "")
        << name << " input " << inputs << " saved to " << SaveInput(name, input);
  }
  EXPECT_GT(accepted, 0) << name << ": none of " << inputs << " inputs was accepted";
  std::cout << name << ": " << inputs << " inputs (" << accepted << " accepted) in "
            << FuzzSeconds() << " s, slowest " << slowest << " (seed " << FuzzSeed() << ")\n";
}

TEST(FuzzTest, ArticleText) { Fuzz("text"); }
TEST(FuzzTest, ArticleHtml) { Fuzz("html"); }
TEST(FuzzTest, Feeds) { Fuzz("feed"); }
TEST(FuzzTest, FeedTimesAndUrls) { Fuzz("url"); }
TEST(FuzzTest, IngestRequests) { Fuzz("request"); }

}  // namespace
}  // namespace claims
