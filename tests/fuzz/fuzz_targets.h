// The fuzz targets: every path that takes bytes from outside, each with the checks an input
// must pass and the seeds to start from. Two drivers run them: tests/unit/fuzz_test.cc
// (mutation fuzzing for a bounded time, in the suite, any compiler) and
// tests/fuzz/libfuzzer_main.cc (coverage-guided, clang only: scripts/fuzz.sh).
//
// What is checked of every input:
//   - no crash (strict under AddressSanitizer, which both drivers can use);
//   - only the documented error codes;
//   - every span of every claim lies inside the article's text, and claim counts agree;
//   - feeds: every item becomes a request that is extracted or refused with the documented
//     codes;
//   - CanonicalUrl is idempotent; a feed time that parses reads back the same written in
//     RFC 3339 and, to the second, in RFC 1123;
//   - requests (proto3 JSON, through the Ingester into a real store in a temporary
//     directory): stored as answered, and the same request again changes nothing.
//
// Thread-compatible: a target's check may run on one thread at a time (the extractor and
// the store they share are thread-safe, the rest is stateless).
#ifndef CLAIMS_TESTS_FUZZ_FUZZ_TARGETS_H_
#define CLAIMS_TESTS_FUZZ_FUZZ_TARGETS_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace claims::fuzz {

// What a check made of one input.
struct Outcome {
  bool accepted = false;  // the input went all the way through (was not refused)
  std::string failure;    // "" or what failed
};

struct Target {
  const char* name;  // "text", "html", "feed", "url", "request"
  Outcome (*check)(absl::string_view input);
  // Inputs to start from. `fixtures_dir` holds tests/fixtures (its .txt and .html files seed
  // the article targets).
  std::vector<std::string> (*seeds)(const std::string& fixtures_dir);
};

// The five targets, in the order above.
const std::vector<Target>& Targets();
// The target called `name`, or null.
const Target* FindTarget(absl::string_view name);

// Tokens these parsers branch on (tags, entities, curly quotes, cue and date words, feed
// elements, URL parts, invalid UTF-8), for mutators.
const std::vector<std::string>& Dictionary();

// Largest input a driver should make (64 KB): larger inputs add time, not paths.
inline constexpr size_t kMaxInput = 64 << 10;

}  // namespace claims::fuzz

#endif  // CLAIMS_TESTS_FUZZ_FUZZ_TARGETS_H_
