// The learned part of the attribution tagger: feature weights (one per feature key and tag),
// tag-transition weights and the cue lexicon, with first-order Viterbi decoding under BIO
// constraints, and the model file format.
//
// Feature weights are stored relative to tag O (whose weight is then 0: adding the same
// amount to every tag of a token changes no decision) and quantised to 16 bits with one
// scale, so a table slot is 16 bytes and four share a cache line: scoring is bound by the
// table's cache misses. The keys of small-domain templates (features.h: SmallDomainKeys,
// about 8,000 of them) are copied into a second table of their own (~256 KB), which stays in
// the core's cache, so that only word-form and other wide keys go to the large table.
// Both tables read one cache line a lookup (Model::Table).
//
// Model file (little-endian; floats IEEE-754 binary32):
//   "CLMTAG02"  magic
//   u32 feature_version, u32 num_tags (7)
//   f32 start[7], f32 transition[7][7], f32 scale (weight = scale * stored integer)
//   u32 lexicon_size, then per entry: u64 word hash, u8 bucket            (sorted by hash)
//   u32 feature_count, then per feature: u64 key, i16 weight[6] (tags 1..6) (sorted by key)
//   u64 checksum (FNV-1a 64 of every byte before it)
//
// A Model is immutable after construction or Parse; Decode and Score are const and
// thread-safe.
#ifndef CLAIMS_INGEST_SERVICE_TAGGER_MODEL_H_
#define CLAIMS_INGEST_SERVICE_TAGGER_MODEL_H_

#include <array>
#include <cstdlib>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "ingest-service/tagger/features.h"

namespace claims::tagger {

// An allocator whose large blocks are 2 MB aligned and advised as huge pages.
template <typename T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}  // NOLINT: allocator conversion
  T* allocate(size_t n);
  void deallocate(T* p, size_t) { std::free(p); }
  bool operator==(const HugePageAllocator&) const { return true; }
  bool operator!=(const HugePageAllocator&) const { return false; }
};
void* AllocateHugePageBlock(size_t bytes);  // never null (aborts like operator new)
template <typename T>
T* HugePageAllocator<T>::allocate(size_t n) {
  return static_cast<T*>(AllocateHugePageBlock(n * sizeof(T)));
}

struct FeatureWeights {
  uint64_t key = 0;
  std::array<float, kNumTags> weight{};
};

// The best BIO-valid tag sequence for emission scores[i * kNumTags + tag] of n tokens.
void ViterbiDecode(const float* scores, size_t n, const std::array<float, kNumTags>& start,
                   const std::array<std::array<float, kNumTags>, kNumTags>& transition,
                   std::vector<uint8_t>* tags);

class Model {
 public:
  Model() = default;
  // Builds the lookup table from `features` (duplicate keys: the last wins), normalised to
  // tag O and quantised as described above.
  Model(CueLexicon lexicon, std::vector<FeatureWeights> features,
        std::array<float, kNumTags> start,
        std::array<std::array<float, kNumTags>, kNumTags> transition);

  // The model file's bytes (deterministic: the same model always gives the same bytes).
  std::string Serialize() const;
  // INVALID_ARGUMENT naming what is wrong: bad magic, unsupported feature version, truncated
  // data, checksum mismatch.
  static absl::StatusOr<Model> Parse(absl::string_view bytes);

  const CueLexicon& lexicon() const { return lexicon_; }
  size_t feature_count() const { return table_.size(); }
  const std::array<float, kNumTags>& start() const { return start_; }
  const std::array<std::array<float, kNumTags>, kNumTags>& transition() const { return transition_; }

  // Adds the weights of `keys` to scores[0..kNumTags). Unknown keys add nothing.
  void AddScores(const uint64_t* keys, int n, float* scores) const;
  // Emission scores of every token: scores[i * kNumTags + tag].
  void Score(const Document& doc, std::vector<float>* scores) const;
  // The best BIO-valid tag sequence for emission `scores` of n tokens.
  void Decode(const std::vector<float>& scores, size_t n, std::vector<uint8_t>* tags) const;

 private:
  // A slot: a key's fingerprint (0: empty) and its weights.
  struct alignas(16) Slot {
    uint32_t fingerprint = 0;
    int16_t weight[kNumTags - 1] = {};  // tags 1..6
  };
  static_assert(sizeof(Slot) == 16, "four slots a cache line");
  struct Quantised {
    uint64_t key = 0;
    int16_t weight[kNumTags - 1] = {};
  };
  class SlotSum;
  // Weights by key. 64-byte buckets of four slots (one cache line each): a key lives in the
  // bucket its low bits name, or, when that bucket is full, in a small overflow map that a
  // lookup reads only for a bucket marked as overflowed. A lookup compares the bucket's four
  // fingerprints (the key's high bits) and adds the matching slot without branching on which
  // one matched, so it costs one cache line and no mispredicted probe loop. Every key is
  // already the output of Mix64 (features.cc: Key), so its bits serve as they are. Two
  // keys of one bucket with the same fingerprint, once in billions, read as the first.
  // Immutable after Build; lookups are thread-safe.
  class Table {
   public:
    // Fills the table; of a repeated key the last weights win. The bucket count is the
    // least power of two that keeps the load (keys per slot) at most 0.6.
    void Build(const std::vector<Quantised>& entries);
    // Adds the weights of `key` to `sum`; false (adding nothing) when the table lacks it.
    inline bool Add(uint64_t key, SlotSum* sum) const;
    void Prefetch(uint64_t key) const { __builtin_prefetch(&buckets_[key & mask_]); }
    // The weights of `key`, or null when the table lacks it.
    const int16_t* Find(uint64_t key) const;
    // Every entry, in key order.
    std::vector<Quantised> Entries() const;
    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }

   private:
    struct alignas(64) Bucket {
      Slot slot[4];
    };
    static uint32_t Fingerprint(uint64_t key) { return static_cast<uint32_t>(key >> 32) | 1u; }
    bool Overflowed(size_t bucket) const { return (overflowed_[bucket / 64] >> (bucket % 64)) & 1; }

    // Huge pages when the system offers them (fewer TLB misses on random lookups).
    std::vector<Bucket, HugePageAllocator<Bucket>> buckets_;
    std::vector<uint64_t> keys_;        // four per bucket, for Entries
    std::vector<uint64_t> overflowed_;  // a bit per bucket
    absl::flat_hash_map<uint64_t, Slot> overflow_;
    uint64_t mask_ = 0;
    size_t size_ = 0;
  };
  // Fills table_ from quantised entries, then small_ from it.
  void Build(const std::vector<Quantised>& entries);

  CueLexicon lexicon_;
  float scale_ = 1;
  Table table_;
  // Every key of SmallDomainKeys with its weights (zero when the model lacks it).
  Table small_;
  std::array<float, kNumTags> start_{};
  std::array<std::array<float, kNumTags>, kNumTags> transition_{};
};

}  // namespace claims::tagger

#endif  // CLAIMS_INGEST_SERVICE_TAGGER_MODEL_H_
