// A libFuzzer entry point for one target of fuzz_targets.h, chosen at build time
// (CLAIMS_FUZZ_TARGET). Built only with clang and -DCLAIMS_LIBFUZZER=ON; run it through
// scripts/fuzz.sh. With CLAIMS_FUZZ_SEEDS_DIR set, the target's seeds are written there as
// files first (those not there yet: with -jobs=N every job starts here), so that the corpus
// starts from them. A failed check aborts, which libFuzzer
// reports with the input saved (crash-*).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "tests/fuzz/fuzz_targets.h"

namespace {

const claims::fuzz::Target& TheTarget() {
  static const claims::fuzz::Target* const target = [] {
    const claims::fuzz::Target* t = claims::fuzz::FindTarget(CLAIMS_FUZZ_TARGET);
    if (t == nullptr) std::abort();
    return t;
  }();
  return *target;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  if (const char* dir = std::getenv("CLAIMS_FUZZ_SEEDS_DIR"); dir != nullptr) {
    int i = 0;
    for (const std::string& seed : TheTarget().seeds(CLAIMS_TEST_FIXTURES)) {
      const std::string path = absl::StrCat(dir, "/seed-", i++);
      if (!std::filesystem::exists(path)) std::ofstream(path, std::ios::binary) << seed;
    }
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > claims::fuzz::kMaxInput) return -1;  // not added to the corpus
  const claims::fuzz::Outcome outcome =
      TheTarget().check(absl::string_view(reinterpret_cast<const char*>(data), size));
  if (!outcome.failure.empty()) {
    std::fprintf(stderr, "fuzz target %s: %s\n", TheTarget().name, outcome.failure.c_str());
    std::abort();
  }
  return 0;
}
