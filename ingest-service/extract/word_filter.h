// Lexicons of words: a quick pre-test for lookups (WordFilter) and a set of words that asks
// it before hashing (WordSet).
#ifndef CLAIMS_INGEST_SERVICE_EXTRACT_WORD_FILTER_H_
#define CLAIMS_INGEST_SERVICE_EXTRACT_WORD_FILTER_H_

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"

namespace claims::extract {

// A one-hash Bloom filter over a word's first byte, last byte and length, so that most words
// of a text are ruled out before they are hashed and looked up: MayContain is true for every
// added word, and for a few percent of the others when some hundred words were added. A
// lexicon builds one beside its hash table and asks it before each lookup.
// Add is not thread-safe; MayContain is const and safe to call concurrently.
class WordFilter {
 public:
  void Add(absl::string_view word) {
    if (word.empty()) return;
    const uint32_t bit = BitOf(word);
    bits_[bit / 64] |= uint64_t{1} << (bit % 64);
  }
  bool MayContain(absl::string_view word) const {
    if (word.empty()) return false;
    const uint32_t bit = BitOf(word);
    return (bits_[bit / 64] >> (bit % 64)) & 1;
  }

 private:
  static constexpr int kLogBits = 12;

  static uint32_t BitOf(absl::string_view word) {
    const uint32_t key = static_cast<unsigned char>(word.front()) |
                         static_cast<uint32_t>(static_cast<unsigned char>(word.back())) << 8 |
                         static_cast<uint32_t>(std::min<size_t>(word.size(), 255)) << 16;
    return (key * 0x9E3779B1u) >> (32 - kLogBits);  // Fibonacci hashing
  }

  std::array<uint64_t, (1 << kLogBits) / 64> bits_{};
};

// A fixed set of words (a lexicon: "mr", "mrs", "ms"...) whose lookups are mostly settled by
// a WordFilter: most words of a text are in no lexicon, and are turned away without being
// hashed. `contains` mirrors absl::flat_hash_set, for which it stands in. Immutable after
// construction; thread-safe.
class WordSet {
 public:
  WordSet() = default;
  WordSet(std::initializer_list<absl::string_view> words) {
    for (absl::string_view w : words) {
      filter_.Add(w);
      words_.emplace(w);
    }
  }
  // The words of all of `sets`.
  static WordSet Union(std::initializer_list<const WordSet*> sets) {
    WordSet u;
    for (const WordSet* s : sets) {
      for (const std::string& w : s->words_) {
        u.filter_.Add(w);
        u.words_.insert(w);
      }
    }
    return u;
  }

  bool contains(absl::string_view word) const {
    return filter_.MayContain(word) && words_.contains(word);
  }

 private:
  WordFilter filter_;
  absl::flat_hash_set<std::string> words_;
};

}  // namespace claims::extract

#endif  // CLAIMS_INGEST_SERVICE_EXTRACT_WORD_FILTER_H_
