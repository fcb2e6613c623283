// Token features of the attribution tagger: every feature is a 64-bit key (a template id
// hashed with the values it looks at), computed without building strings, so extracting
// features allocates nothing per token.
//
// The keys are part of the model file's contract: changing a template, a hash or a bucket
// boundary needs a new kFeatureVersion (and a retrained model).
//
// Pure functions; thread-safe.
#ifndef CLAIMS_INGEST_SERVICE_TAGGER_FEATURES_H_
#define CLAIMS_INGEST_SERVICE_TAGGER_FEATURES_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "ingest-service/extract/segmenter.h"

namespace claims::tagger {

inline constexpr uint32_t kFeatureVersion = 3;

// BIO tags over the three components of an attribution.
enum Tag : uint8_t {
  kO = 0,
  kBCue,
  kICue,
  kBSource,
  kISource,
  kBContent,
  kIContent,
};
inline constexpr int kNumTags = 7;

// The component a tag belongs to: 0 none, 1 cue, 2 source, 3 content.
inline int ComponentOf(uint8_t tag) { return (tag + 1) / 2; }
inline bool IsBegin(uint8_t tag) { return tag != kO && tag % 2 == 1; }
inline bool IsInside(uint8_t tag) { return tag != kO && tag % 2 == 0; }
// BIO: I-X may only follow B-X or I-X.
inline bool AllowedTransition(uint8_t from, uint8_t to) {
  return !IsInside(to) || (from != kO && ComponentOf(from) == ComponentOf(to));
}

// 64-bit mixing (splitmix64's finaliser); stable across builds and runs.
inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// Hash of a word's normal form: ASCII lower-cased, digits as '0', curly apostrophes as '.
uint64_t WordHash(absl::string_view word);

// Cue lexicon learned from training data: word hash -> how often the word is (part of) a cue,
// as a bucket 1..4 (0, absent: rarely or never).
using CueLexicon = absl::flat_hash_map<uint64_t, uint8_t>;
// The bucket of a cue probability estimated from `cue` cue occurrences out of `total`.
uint8_t CueBucket(int64_t cue, int64_t total);

// Per-token values the feature templates read, computed once per document.
struct TokenInfo {
  uint64_t word = 0;     // WordHash of the token
  uint64_t prefix = 0;   // hash of the first three bytes (lower-cased)
  uint64_t suffix3 = 0;  // hash of the last three bytes
  uint64_t suffix2 = 0;
  uint8_t shape = 0;     // see features.cc
  uint8_t cue = 0;       // CueLexicon bucket
  uint8_t in_quote = 0;  // 1 inside double quotes (this paragraph), 0 outside
  uint8_t sentence_position = 0;  // 0 first token, 1 second, 2 last, 3 other
  uint8_t paragraph_start = 0;    // the sentence is its paragraph's first
  uint8_t relative = 0;           // position in the sentence, 0..4
  uint8_t left_quote = 0;         // distance bucket to the previous quote mark in the paragraph
  uint8_t right_quote = 0;        // and to the next one
  uint8_t left_cue_distance = 0;  // to the nearest earlier cue candidate in the sentence (0: none)
  uint8_t right_cue_distance = 0;
  uint64_t left_cue_word = 0;     // that candidate's word hash (0: none)
  uint64_t right_cue_word = 0;
  uint8_t from_start = 0;         // distance bucket from the sentence's first token
  uint8_t to_end = 0;             // and to its last
  uint8_t sentence_quotes = 0;    // the sentence has a quote mark (1) or not (0)
  uint8_t sentence_cues = 0;      // cue candidates in the sentence: 0, 1, 2 (or more)
  uint64_t prev_punct = 0;        // the last punctuation token before this one in the sentence
  uint64_t next_punct = 0;
};

// What a first tagging pass found around a token (stacking: the second pass of a two-pass
// tagger reads the first pass's tags through these values).
struct StackInfo {
  uint8_t sentence_components = 0;  // bit c-1 set: the sentence has a token of component c
  uint8_t left_cue = 0;             // distance bucket to the nearest earlier CUE in the sentence
  uint8_t right_cue = 0;            // and later one (0: none)
  uint8_t left_content = 0;         // the same for CONTENT
  uint8_t right_content = 0;
  uint8_t left_source = 0;          // and SOURCE
  uint8_t right_source = 0;
  uint8_t previous_sentence_end = 0;  // component of the previous sentence's last token (4: none)
  uint8_t next_sentence_start = 0;    // component of the next sentence's first token
  uint8_t run_length = 0;             // distance bucket of the length of the token's run
};

// The tokens of one document with their TokenInfo; with `stage1` (the first pass's tags, one
// per token) also the StackInfo that the second pass's features read.
struct Document {
  absl::string_view text;
  const extract::Segmentation* seg = nullptr;
  std::vector<TokenInfo> info;
  const std::vector<uint8_t>* stage1 = nullptr;
  std::vector<StackInfo> stack;
};

// Fills doc->info for `seg`'s tokens (which must come from Segment(text)).
void PrepareDocument(absl::string_view text, const extract::Segmentation& seg,
                     const CueLexicon& lexicon, Document* doc);

// Sets doc->stage1 and fills doc->stack from the first pass's `tags` (one per token; must
// outlive the document's use).
void PrepareStack(const std::vector<uint8_t>& tags, Document* doc);

inline constexpr int kMaxFeatures = 64;
// The feature keys of one token, split by the domain of their template: `wide` keys read
// word forms, affixes and other open-ended values; `small` keys read only small bounded
// values (shape, distance buckets, quotation state, the first pass's tags...), and every
// key such a template can make is listed by SmallDomainKeys(), so a model can keep their
// weights in a table small enough to stay in cache.
struct TokenKeys {
  uint64_t wide[kMaxFeatures];
  uint64_t small[kMaxFeatures];
  int wide_count = 0;
  int small_count = 0;
};
// The feature keys of token `i`. With doc.stage1 set (the second pass), 16 of the first
// pass's 45 templates (the strongest: the word and its neighbours, shape, quotation state,
// cue lexicon and cue distances, punctuation) and the 14 stacking templates: the second pass
// costs two thirds of the first.
void ExtractFeatures(const Document& doc, size_t i, TokenKeys* keys);
// The same keys in one array, keys[0..n) in template order; returns n (<= kMaxFeatures).
int ExtractFeatures(const Document& doc, size_t i, uint64_t* keys);

// Every key that the small-domain templates can make, each once.
const std::vector<uint64_t>& SmallDomainKeys();

}  // namespace claims::tagger

#endif  // CLAIMS_INGEST_SERVICE_TAGGER_FEATURES_H_
