// Order-preserving key encoding for the claims database.
//
// Index key:  <field:1 byte> <escaped value> <time:8 bytes, descending> <claim id>
// The escaped value maps 0x00 to 0x00 0xFF and ends with 0x00 0x01, so no value can run into
// the next field and byte order of keys follows (field, value, time desc, id).
// Everything after the value terminator is the posting "suffix": postings of different
// values compare by suffix, which is what intersection (leapfrog) and paging rely on.
// Pure functions; thread-safe.
#ifndef CLAIMS_STORE_KEY_CODEC_H_
#define CLAIMS_STORE_KEY_CODEC_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"

namespace claims::store {

// Index fields (the first byte of an index key).
enum class IndexField : char {
  kAll = 'a',           // every claim; value ""
  kArticle = 'r',       // article id
  kKind = 'k',          // Claim.Kind as a decimal number
  kOrganisation = 'o',  // organisation id
  kSpeaker = 's',       // speaker id
  kTopic = 't',         // topic id (and each ancestor of it)
  // Commit order, not time: suffix "<sequence, 8 bytes big-endian ascending><claim id>".
  kSequence = 'q',
  // Pairs of values that co-occur in one claim, so that an AND of two large filters is one
  // scan of its (small) answer instead of a leapfrog over two large, interleaved lists.
  kOrganisationSpeaker = 'X',  // value: (organisation id, speaker id)
  kOrganisationTopic = 'Y',    // value: (organisation id, topic id or ancestor)
  kTopicSpeaker = 'Z',         // value: (topic id or ancestor, speaker id)
};

// Entity types in the `entities` and `counters` families.
enum class EntityType : char {
  kOrganisation = 'o',
  kSpeaker = 's',
  kTopic = 't',
};

// Appends `value` escaped and terminated (see above).
void AppendEscaped(absl::string_view value, std::string* out);
// Reads one escaped value from the front of `*in`, advancing it. False if malformed.
bool ConsumeEscaped(absl::string_view* in, std::string* value);

// 8 bytes, big-endian, that sort in DESCENDING order of `seconds` (newest first).
std::string EncodeTimeDesc(int64_t seconds);
// Inverse of EncodeTimeDesc on the first 8 bytes; nullopt if fewer.
std::optional<int64_t> DecodeTimeDesc(absl::string_view bytes);

// "<field><escaped value>": every posting of one value starts with this.
std::string IndexPrefix(IndexField field, absl::string_view value);
// "<field><escaped first><escaped second>" for the pair fields.
std::string PairPrefix(IndexField field, absl::string_view first, absl::string_view second);
// "<time desc><claim id>".
std::string PostingSuffix(int64_t claim_time_seconds, absl::string_view claim_id);
// As the functions above, appending to `*out` (the write path builds its keys in one buffer).
void AppendIndexPrefix(IndexField field, absl::string_view value, std::string* out);
void AppendPairPrefix(IndexField field, absl::string_view first, absl::string_view second,
                      std::string* out);
void AppendPostingSuffix(int64_t claim_time_seconds, absl::string_view claim_id, std::string* out);
// The claim id of a posting suffix ("" when malformed).
absl::string_view ClaimIdOfSuffix(absl::string_view suffix);

// The smallest key greater than every key that starts with `prefix` (prefix must not be
// all 0xFF bytes; index and entity prefixes never are since they end in 0x01).
std::string PrefixSuccessor(absl::string_view prefix);

// Posting-suffix bounds for claim times in [start, end): suffixes s with lower <= s < upper.
// An empty `upper` means unbounded.
struct SuffixRange {
  std::string lower;
  std::string upper;
};
SuffixRange TimeRangeToSuffixRange(std::optional<int64_t> start_seconds,
                                   std::optional<int64_t> end_seconds);

// Entity keys: "E<type><escaped id>" -> record; "A<type><escaped alias key><escaped id>" ->
// the alias as written; counters "C<type><escaped id>" -> int64; "D<yyyymmdd>" -> int64.
std::string EntityKey(EntityType type, absl::string_view id);
std::string EntityPrefix(EntityType type);
std::string AliasKey(EntityType type, absl::string_view alias_key, absl::string_view id);
std::string AliasPrefix(EntityType type, absl::string_view alias_key);
std::string AliasTypePrefix(EntityType type);
std::string CounterKey(EntityType type, absl::string_view id);
std::string DayCounterKey(int64_t claim_time_seconds);
// Claims of one entity on one UTC day: "T<type><escaped id><yyyy-mm-dd>".
std::string EntityDayCounterPrefix(EntityType type, absl::string_view id);
std::string EntityDayCounterKey(EntityType type, absl::string_view id, int64_t claim_time_seconds);
// Appending forms of CounterKey and EntityDayCounterKey; `day` is DayString of the claim time.
void AppendCounterKey(EntityType type, absl::string_view id, std::string* out);
void AppendEntityDayCounterKey(EntityType type, absl::string_view id, absl::string_view day,
                               std::string* out);
// "yyyy-mm-dd" of a UTC time.
std::string DayString(int64_t seconds);

// Sequence postings: 8 bytes big-endian (ascending), then the claim id.
std::string SequenceSuffix(int64_t sequence, absl::string_view claim_id);
int64_t SequenceOfSuffix(absl::string_view suffix);  // 0 when malformed

// Little-endian fixed 64-bit values for counters.
std::string EncodeInt64(int64_t v);
int64_t DecodeInt64(absl::string_view bytes);  // 0 when not 8 bytes

}  // namespace claims::store

#endif  // CLAIMS_STORE_KEY_CODEC_H_
