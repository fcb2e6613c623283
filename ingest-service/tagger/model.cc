#include "ingest-service/tagger/model.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <sys/mman.h>
#include <limits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "absl/base/attributes.h"
#include "absl/strings/str_cat.h"

namespace claims::tagger {
namespace {

constexpr char kMagic[8] = {'C', 'L', 'M', 'T', 'A', 'G', '0', '2'};

uint64_t Fnv1a(absl::string_view bytes) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

template <typename T>
void Put(std::string* out, T value) {
  char buf[sizeof(T)];
  std::memcpy(buf, &value, sizeof(T));  // the build targets little-endian machines only
  out->append(buf, sizeof(T));
}

class Reader {
 public:
  explicit Reader(absl::string_view bytes) : bytes_(bytes) {}
  template <typename T>
  bool Get(T* value) {
    if (bytes_.size() - pos_ < sizeof(T)) return false;
    std::memcpy(value, bytes_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  size_t remaining() const { return bytes_.size() - pos_; }

 private:
  absl::string_view bytes_;
  size_t pos_ = 0;
};

static_assert(sizeof(float) == 4, "binary32 floats");

}  // namespace

void* AllocateHugePageBlock(size_t bytes) {
  constexpr size_t kHuge = 2 << 20;
  const bool huge = bytes >= kHuge;
  const size_t align = huge ? kHuge : 64;
  const size_t size = (bytes + align - 1) / align * align;
  void* p = std::aligned_alloc(align, size == 0 ? align : size);
  if (p == nullptr) std::abort();
  if (huge) madvise(p, size, MADV_HUGEPAGE);  // advice only: failure changes nothing
  return p;
}

Model::Model(CueLexicon lexicon, std::vector<FeatureWeights> features,
             std::array<float, kNumTags> start,
             std::array<std::array<float, kNumTags>, kNumTags> transition)
    : lexicon_(std::move(lexicon)), start_(start), transition_(transition) {
  float largest = 0;
  for (const FeatureWeights& f : features) {
    for (int t = 1; t < kNumTags; ++t) largest = std::max(largest, std::fabs(f.weight[t] - f.weight[0]));
  }
  scale_ = largest > 0 ? largest / 32767.0f : 1.0f;
  std::vector<Quantised> entries;
  entries.reserve(features.size());
  for (const FeatureWeights& f : features) {
    Quantised q;
    q.key = f.key;
    bool any = false;
    for (int t = 1; t < kNumTags; ++t) {
      const long v = std::lround((f.weight[t] - f.weight[0]) / scale_);
      q.weight[t - 1] = static_cast<int16_t>(std::clamp(v, -32767L, 32767L));
      any = any || q.weight[t - 1] != 0;
    }
    if (any) entries.push_back(q);
  }
  Build(entries);
}

// The sum of the weights of the slots found for one token. With SSE2 a slot is added as one
// 16-byte load: its eight 16-bit lanes (two of fingerprint, six of weights) are sign-extended
// into eight 32-bit sums, and the fingerprint's two sums, meaningless, are ignored.
class Model::SlotSum {
 public:
  static_assert(offsetof(Slot, weight) == 4, "weights are 16-bit lanes 2..7 of a slot");
  void Add(const Slot& s) {
#if defined(__SSE2__)
    const __m128i v = _mm_load_si128(reinterpret_cast<const __m128i*>(&s));
    low_ = _mm_add_epi32(low_, _mm_srai_epi32(_mm_unpacklo_epi16(v, v), 16));
    high_ = _mm_add_epi32(high_, _mm_srai_epi32(_mm_unpackhi_epi16(v, v), 16));
#else
    for (int t = 0; t < kNumTags - 1; ++t) sums_[t + 2] += s.weight[t];
#endif
  }
  // sums[t + 1] is the sum for tag t (1..6); sums[0] and sums[1] are meaningless.
  void Get(int32_t sums[kNumTags + 1]) const {
#if defined(__SSE2__)
    _mm_storeu_si128(reinterpret_cast<__m128i*>(sums), low_);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(sums + 4), high_);
#else
    std::copy(sums_, sums_ + kNumTags + 1, sums);
#endif
  }

 private:
#if defined(__SSE2__)
  __m128i low_ = _mm_setzero_si128();
  __m128i high_ = _mm_setzero_si128();
#else
  int32_t sums_[kNumTags + 1] = {};
#endif
};

void Model::Table::Build(const std::vector<Quantised>& entries) {
  size_t buckets = 1;
  while (buckets * 4 * 6 < entries.size() * 10) buckets *= 2;  // load <= 0.6
  buckets_.assign(buckets, Bucket{});
  keys_.assign(buckets * 4, 0);
  overflowed_.assign((buckets + 63) / 64, 0);
  overflow_.clear();
  mask_ = buckets - 1;
  size_ = 0;
  for (const Quantised& q : entries) {
    const size_t b = q.key & mask_;
    Slot* slot = nullptr;
    for (int j = 0; j < 4 && slot == nullptr; ++j) {
      Slot& s = buckets_[b].slot[j];
      if (s.fingerprint == 0 || keys_[b * 4 + j] == q.key) {
        size_ += s.fingerprint == 0;
        keys_[b * 4 + j] = q.key;
        slot = &s;
      }
    }
    if (slot == nullptr) {
      overflowed_[b / 64] |= uint64_t{1} << (b % 64);
      auto [it, inserted] = overflow_.try_emplace(q.key);
      size_ += inserted;
      slot = &it->second;
    }
    slot->fingerprint = Fingerprint(q.key);
    std::copy(q.weight, q.weight + (kNumTags - 1), slot->weight);
  }
}

ABSL_ATTRIBUTE_ALWAYS_INLINE inline bool Model::Table::Add(uint64_t key, SlotSum* sum) const {
  const size_t b = key & mask_;
  const Bucket& bucket = buckets_[b];
  const uint32_t fp = Fingerprint(key);
  const Slot* const s = bucket.slot;
  const unsigned match = static_cast<unsigned>(s[0].fingerprint == fp) |
                         static_cast<unsigned>(s[1].fingerprint == fp) << 1 |
                         static_cast<unsigned>(s[2].fingerprint == fp) << 2 |
                         static_cast<unsigned>(s[3].fingerprint == fp) << 3;
  // The first matching slot, or an empty one that adds nothing.
  static const Slot kNothing;
  const unsigned first = static_cast<unsigned>(__builtin_ctz(match | 16u));
  sum->Add(first < 4 ? s[first] : kNothing);
  // Whether a key was found is as good as random; whether its bucket overflowed is nearly
  // always false: only that is branched on.
  if (!Overflowed(b) | (match != 0)) return match != 0;
  const auto it = overflow_.find(key);
  if (it == overflow_.end()) return false;
  sum->Add(it->second);
  return true;
}

const int16_t* Model::Table::Find(uint64_t key) const {
  if (buckets_.empty()) return nullptr;
  const size_t b = key & mask_;
  for (int j = 0; j < 4; ++j) {
    if (keys_[b * 4 + j] == key && buckets_[b].slot[j].fingerprint != 0) return buckets_[b].slot[j].weight;
  }
  const auto it = overflow_.find(key);
  return it == overflow_.end() ? nullptr : it->second.weight;
}

std::vector<Model::Quantised> Model::Table::Entries() const {
  std::vector<Quantised> out;
  out.reserve(size_);
  auto add = [&](uint64_t key, const Slot& s) {
    Quantised q;
    q.key = key;
    std::copy(s.weight, s.weight + (kNumTags - 1), q.weight);
    out.push_back(q);
  };
  for (size_t b = 0; b < buckets_.size(); ++b) {
    for (int j = 0; j < 4; ++j) {
      if (buckets_[b].slot[j].fingerprint != 0) add(keys_[b * 4 + j], buckets_[b].slot[j]);
    }
  }
  for (const auto& [key, slot] : overflow_) add(key, slot);
  std::sort(out.begin(), out.end(), [](const Quantised& a, const Quantised& b) { return a.key < b.key; });
  return out;
}

void Model::Build(const std::vector<Quantised>& entries) {
  table_.Build(entries);
  std::vector<Quantised> small;
  for (uint64_t key : SmallDomainKeys()) {
    Quantised q;
    q.key = key;
    if (const int16_t* w = table_.Find(key)) std::copy(w, w + (kNumTags - 1), q.weight);
    small.push_back(q);
  }
  small_.Build(small);
}

void Model::AddScores(const uint64_t* keys, int n, float* scores) const {
  if (table_.empty()) return;
  SlotSum sum;
  for (int k = 0; k < n; ++k) table_.Add(keys[k], &sum);
  int32_t sums[kNumTags + 1];
  sum.Get(sums);
  for (int t = 1; t < kNumTags; ++t) scores[t] += scale_ * sums[t + 1];
}

void Model::Score(const Document& doc, std::vector<float>* scores) const {
  const size_t n = doc.info.size();
  scores->assign(n * kNumTags, 0.0f);
  if (table_.empty()) return;
  // Tokens go in blocks: first every key of the block is hashed and its bucket prefetched,
  // then the buckets are read, so that the table's cache misses overlap instead of queueing.
  constexpr size_t kBlock = 8;
  TokenKeys keys[kBlock];
  for (size_t first = 0; first < n; first += kBlock) {
    const size_t block = std::min(kBlock, n - first);
    for (size_t b = 0; b < block; ++b) {
      ExtractFeatures(doc, first + b, &keys[b]);
      for (int k = 0; k < keys[b].wide_count; ++k) table_.Prefetch(keys[b].wide[k]);
    }
    for (size_t b = 0; b < block; ++b) {
      SlotSum sum;
      for (int k = 0; k < keys[b].small_count; ++k) {
        // A key SmallDomainKeys does not list (none should be) is read from the large table.
        if (!small_.Add(keys[b].small[k], &sum)) table_.Add(keys[b].small[k], &sum);
      }
      for (int k = 0; k < keys[b].wide_count; ++k) table_.Add(keys[b].wide[k], &sum);
      int32_t sums[kNumTags + 1];
      sum.Get(sums);
      float* out = scores->data() + (first + b) * kNumTags;
      for (int t = 1; t < kNumTags; ++t) out[t] = scale_ * sums[t + 1];
    }
  }
}

void Model::Decode(const std::vector<float>& scores, size_t n, std::vector<uint8_t>* tags) const {
  ViterbiDecode(scores.data(), n, start_, transition_, tags);
}

void ViterbiDecode(const float* scores, size_t n, const std::array<float, kNumTags>& start_,
                   const std::array<std::array<float, kNumTags>, kNumTags>& transition_,
                   std::vector<uint8_t>* tags) {
  tags->assign(n, kO);
  if (n == 0) return;
  constexpr float kNever = -std::numeric_limits<float>::infinity();
  // A forbidden transition costs -infinity, and so does a state that cannot be reached:
  // neither ever wins a strict comparison, so no test is needed in the inner loop.
  float allowed[kNumTags][kNumTags];
  for (int p = 0; p < kNumTags; ++p) {
    for (int t = 0; t < kNumTags; ++t) {
      allowed[p][t] = AllowedTransition(p, t) ? transition_[p][t] : kNever;
    }
  }
  std::vector<float> best(n * kNumTags);
  std::vector<uint8_t> back(n * kNumTags);
  for (int t = 0; t < kNumTags; ++t) {
    best[t] = IsInside(t) ? kNever : start_[t] + scores[t];
  }
#if defined(__SSE2__)
  // Eight lanes, one per tag (the eighth unused): for each previous tag p, the lanes take
  // prev[p] + allowed[p][t] where it beats the best so far, in the order of p, so ties go to
  // the smaller p as in the scalar loop below, and every sum is the same float.
  static_assert(kNumTags <= 8, "a tag a lane");
  alignas(16) float row[kNumTags][8];
  for (int p = 0; p < kNumTags; ++p) {
    for (int t = 0; t < 8; ++t) row[p][t] = t < kNumTags ? allowed[p][t] : kNever;
  }
  for (size_t i = 1; i < n; ++i) {
    const float* prev = &best[(i - 1) * kNumTags];
    __m128 top_lo = _mm_set1_ps(kNever), top_hi = top_lo;
    __m128i arg_lo = _mm_setzero_si128(), arg_hi = arg_lo;
    for (int p = 0; p < kNumTags; ++p) {
      const __m128 from = _mm_set1_ps(prev[p]);
      const __m128 v_lo = _mm_add_ps(from, _mm_load_ps(&row[p][0]));
      const __m128 v_hi = _mm_add_ps(from, _mm_load_ps(&row[p][4]));
      const __m128 better_lo = _mm_cmpgt_ps(v_lo, top_lo);
      const __m128 better_hi = _mm_cmpgt_ps(v_hi, top_hi);
      top_lo = _mm_or_ps(_mm_and_ps(better_lo, v_lo), _mm_andnot_ps(better_lo, top_lo));
      top_hi = _mm_or_ps(_mm_and_ps(better_hi, v_hi), _mm_andnot_ps(better_hi, top_hi));
      const __m128i id = _mm_set1_epi32(p);
      arg_lo = _mm_or_si128(_mm_and_si128(_mm_castps_si128(better_lo), id),
                            _mm_andnot_si128(_mm_castps_si128(better_lo), arg_lo));
      arg_hi = _mm_or_si128(_mm_and_si128(_mm_castps_si128(better_hi), id),
                            _mm_andnot_si128(_mm_castps_si128(better_hi), arg_hi));
    }
    alignas(16) float top[8];
    alignas(16) int32_t arg[8];
    _mm_store_ps(top, top_lo);
    _mm_store_ps(top + 4, top_hi);
    _mm_store_si128(reinterpret_cast<__m128i*>(arg), arg_lo);
    _mm_store_si128(reinterpret_cast<__m128i*>(arg + 4), arg_hi);
    for (int t = 0; t < kNumTags; ++t) {
      best[i * kNumTags + t] = top[t] + scores[i * kNumTags + t];
      back[i * kNumTags + t] = static_cast<uint8_t>(arg[t]);
    }
  }
#else
  for (size_t i = 1; i < n; ++i) {
    const float* prev = &best[(i - 1) * kNumTags];
    for (int t = 0; t < kNumTags; ++t) {
      float top = kNever;
      uint8_t arg = kO;
      for (int p = 0; p < kNumTags; ++p) {
        const float v = prev[p] + allowed[p][t];
        if (v > top) {
          top = v;
          arg = static_cast<uint8_t>(p);
        }
      }
      best[i * kNumTags + t] = top + scores[i * kNumTags + t];
      back[i * kNumTags + t] = arg;
    }
  }
#endif
  const float* last = &best[(n - 1) * kNumTags];
  uint8_t t = static_cast<uint8_t>(std::max_element(last, last + kNumTags) - last);
  for (size_t i = n; i-- > 0;) {
    (*tags)[i] = t;
    t = back[i * kNumTags + t];
  }
}

std::string Model::Serialize() const {
  std::string out(kMagic, sizeof(kMagic));
  Put<uint32_t>(&out, kFeatureVersion);
  Put<uint32_t>(&out, kNumTags);
  for (float v : start_) Put(&out, v);
  for (const auto& row : transition_) {
    for (float v : row) Put(&out, v);
  }
  Put(&out, scale_);
  std::vector<std::pair<uint64_t, uint8_t>> lexicon(lexicon_.begin(), lexicon_.end());
  std::sort(lexicon.begin(), lexicon.end());
  Put<uint32_t>(&out, static_cast<uint32_t>(lexicon.size()));
  for (const auto& [hash, bucket] : lexicon) {
    Put(&out, hash);
    Put(&out, bucket);
  }
  const std::vector<Quantised> entries = table_.Entries();
  Put<uint32_t>(&out, static_cast<uint32_t>(entries.size()));
  for (const Quantised& q : entries) {
    Put(&out, q.key);
    for (int16_t v : q.weight) Put(&out, v);
  }
  Put(&out, Fnv1a(out));
  return out;
}

absl::StatusOr<Model> Model::Parse(absl::string_view bytes) {
  if (bytes.size() < sizeof(kMagic) + 8 || std::memcmp(bytes.data(), kMagic, sizeof(kMagic)) != 0) {
    return absl::InvalidArgumentError("attribution model: not a model file (bad magic)");
  }
  uint64_t checksum = 0;
  std::memcpy(&checksum, bytes.data() + bytes.size() - 8, 8);
  if (checksum != Fnv1a(bytes.substr(0, bytes.size() - 8))) {
    return absl::InvalidArgumentError("attribution model: checksum mismatch (corrupt or truncated)");
  }
  Reader in(bytes.substr(sizeof(kMagic), bytes.size() - sizeof(kMagic) - 8));
  const auto truncated = [] { return absl::InvalidArgumentError("attribution model: truncated"); };
  uint32_t version = 0, tags = 0;
  if (!in.Get(&version) || !in.Get(&tags)) return truncated();
  if (version != kFeatureVersion || tags != kNumTags) {
    return absl::InvalidArgumentError(absl::StrCat("attribution model: feature version ", version, " with ",
                                                   tags, " tags; this build reads version ",
                                                   kFeatureVersion, " with ", kNumTags));
  }
  std::array<float, kNumTags> start{};
  std::array<std::array<float, kNumTags>, kNumTags> transition{};
  for (float& v : start) {
    if (!in.Get(&v)) return truncated();
  }
  for (auto& row : transition) {
    for (float& v : row) {
      if (!in.Get(&v)) return truncated();
    }
  }
  float scale = 0;
  if (!in.Get(&scale)) return truncated();
  if (!(scale > 0) || !std::isfinite(scale)) return absl::InvalidArgumentError("attribution model: bad scale");
  uint32_t lexicon_size = 0;
  if (!in.Get(&lexicon_size) || in.remaining() / 9 < lexicon_size) return truncated();
  CueLexicon lexicon;
  lexicon.reserve(lexicon_size);
  for (uint32_t i = 0; i < lexicon_size; ++i) {
    uint64_t hash = 0;
    uint8_t bucket = 0;
    in.Get(&hash);
    in.Get(&bucket);
    lexicon[hash] = bucket;
  }
  uint32_t feature_count = 0;
  if (!in.Get(&feature_count) || in.remaining() / (8 + 2 * (kNumTags - 1)) < feature_count) return truncated();
  std::vector<Quantised> entries(feature_count);
  for (auto& q : entries) {
    in.Get(&q.key);
    for (int16_t& v : q.weight) in.Get(&v);
  }
  if (in.remaining() != 0) return absl::InvalidArgumentError("attribution model: trailing bytes");
  Model model;
  model.lexicon_ = std::move(lexicon);
  model.start_ = start;
  model.transition_ = transition;
  model.scale_ = scale;
  model.Build(entries);
  return model;
}

}  // namespace claims::tagger
