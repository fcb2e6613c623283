#include "store/key_codec.h"

#include <cstring>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"

namespace claims::store {
namespace {

constexpr char kEscape = '\x00';
constexpr char kEscapedZero = '\xFF';
constexpr char kTerminator = '\x01';

void AppendBigEndian64(uint64_t v, std::string* out) {
  for (int shift = 56; shift >= 0; shift -= 8) out->push_back(static_cast<char>(v >> shift));
}

uint64_t ReadBigEndian64(absl::string_view b) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<unsigned char>(b[i]);
  return v;
}

uint64_t DescOf(int64_t seconds) {
  // Flip the sign bit so signed order becomes unsigned order, then invert for descending.
  return ~(static_cast<uint64_t>(seconds) ^ (uint64_t{1} << 63));
}

}  // namespace

void AppendEscaped(absl::string_view value, std::string* out) {
  // Runs without a 0x00 are appended whole (ids and names almost never hold one).
  for (size_t zero = value.find(kEscape); zero != absl::string_view::npos;
       zero = value.find(kEscape)) {
    out->append(value.data(), zero + 1);
    out->push_back(kEscapedZero);
    value.remove_prefix(zero + 1);
  }
  out->append(value.data(), value.size());
  out->push_back(kEscape);
  out->push_back(kTerminator);
}

bool ConsumeEscaped(absl::string_view* in, std::string* value) {
  value->clear();
  for (size_t i = 0; i < in->size(); ++i) {
    const char c = (*in)[i];
    if (c != kEscape) {
      value->push_back(c);
      continue;
    }
    if (i + 1 >= in->size()) return false;
    const char next = (*in)[i + 1];
    if (next == kTerminator) {
      in->remove_prefix(i + 2);
      return true;
    }
    if (next != kEscapedZero) return false;
    value->push_back(kEscape);
    ++i;
  }
  return false;
}

std::string EncodeTimeDesc(int64_t seconds) {
  std::string out;
  AppendBigEndian64(DescOf(seconds), &out);
  return out;
}

std::optional<int64_t> DecodeTimeDesc(absl::string_view bytes) {
  if (bytes.size() < 8) return std::nullopt;
  return static_cast<int64_t>(~ReadBigEndian64(bytes) ^ (uint64_t{1} << 63));
}

std::string IndexPrefix(IndexField field, absl::string_view value) {
  std::string out;
  AppendIndexPrefix(field, value, &out);
  return out;
}

std::string PairPrefix(IndexField field, absl::string_view first, absl::string_view second) {
  std::string out;
  AppendPairPrefix(field, first, second, &out);
  return out;
}

std::string PostingSuffix(int64_t claim_time_seconds, absl::string_view claim_id) {
  std::string out;
  AppendPostingSuffix(claim_time_seconds, claim_id, &out);
  return out;
}

void AppendIndexPrefix(IndexField field, absl::string_view value, std::string* out) {
  out->push_back(static_cast<char>(field));
  AppendEscaped(value, out);
}

void AppendPairPrefix(IndexField field, absl::string_view first, absl::string_view second,
                      std::string* out) {
  out->push_back(static_cast<char>(field));
  AppendEscaped(first, out);
  AppendEscaped(second, out);
}

void AppendPostingSuffix(int64_t claim_time_seconds, absl::string_view claim_id, std::string* out) {
  AppendBigEndian64(DescOf(claim_time_seconds), out);
  out->append(claim_id.data(), claim_id.size());
}

absl::string_view ClaimIdOfSuffix(absl::string_view suffix) {
  return suffix.size() > 8 ? suffix.substr(8) : absl::string_view();
}

std::string PrefixSuccessor(absl::string_view prefix) {
  std::string out(prefix);
  while (!out.empty()) {
    if (static_cast<unsigned char>(out.back()) != 0xFF) {
      out.back() = static_cast<char>(static_cast<unsigned char>(out.back()) + 1);
      return out;
    }
    out.pop_back();
  }
  return out;
}

SuffixRange TimeRangeToSuffixRange(std::optional<int64_t> start_seconds,
                                   std::optional<int64_t> end_seconds) {
  SuffixRange range;
  // t < end  <=>  desc(t) > desc(end)  <=>  suffix >= big-endian(desc(end) + 1).
  if (end_seconds.has_value()) {
    const uint64_t d = DescOf(*end_seconds);
    if (d == ~uint64_t{0}) {
      range.lower = std::string(8, '\xFF');  // nothing is before the earliest time
      range.upper = range.lower;
      return range;
    }
    AppendBigEndian64(d + 1, &range.lower);
  }
  // t >= start  <=>  desc(t) <= desc(start)  <=>  suffix < big-endian(desc(start) + 1).
  if (start_seconds.has_value()) {
    const uint64_t d = DescOf(*start_seconds);
    if (d != ~uint64_t{0}) AppendBigEndian64(d + 1, &range.upper);
  }
  return range;
}

std::string EntityKey(EntityType type, absl::string_view id) {
  std::string out = EntityPrefix(type);
  AppendEscaped(id, &out);
  return out;
}

std::string EntityPrefix(EntityType type) { return {'E', static_cast<char>(type)}; }

std::string AliasKey(EntityType type, absl::string_view alias_key, absl::string_view id) {
  std::string out = AliasPrefix(type, alias_key);
  AppendEscaped(id, &out);
  return out;
}

std::string AliasPrefix(EntityType type, absl::string_view alias_key) {
  std::string out = AliasTypePrefix(type);
  AppendEscaped(alias_key, &out);
  return out;
}

std::string AliasTypePrefix(EntityType type) { return {'A', static_cast<char>(type)}; }

std::string CounterKey(EntityType type, absl::string_view id) {
  std::string out;
  AppendCounterKey(type, id, &out);
  return out;
}

void AppendCounterKey(EntityType type, absl::string_view id, std::string* out) {
  out->push_back('C');
  out->push_back(static_cast<char>(type));
  AppendEscaped(id, out);
}

std::string DayString(int64_t seconds) {
  return absl::FormatCivilTime(absl::ToCivilDay(absl::FromUnixSeconds(seconds), absl::UTCTimeZone()));
}

std::string DayCounterKey(int64_t claim_time_seconds) {
  return absl::StrCat("D", DayString(claim_time_seconds));
}

std::string EntityDayCounterPrefix(EntityType type, absl::string_view id) {
  std::string out{'T', static_cast<char>(type)};
  AppendEscaped(id, &out);
  return out;
}

std::string EntityDayCounterKey(EntityType type, absl::string_view id, int64_t claim_time_seconds) {
  std::string out;
  AppendEntityDayCounterKey(type, id, DayString(claim_time_seconds), &out);
  return out;
}

void AppendEntityDayCounterKey(EntityType type, absl::string_view id, absl::string_view day,
                               std::string* out) {
  out->push_back('T');
  out->push_back(static_cast<char>(type));
  AppendEscaped(id, out);
  out->append(day.data(), day.size());
}

std::string SequenceSuffix(int64_t sequence, absl::string_view claim_id) {
  std::string out;
  AppendBigEndian64(static_cast<uint64_t>(sequence), &out);
  out.append(claim_id.data(), claim_id.size());
  return out;
}

int64_t SequenceOfSuffix(absl::string_view suffix) {
  return suffix.size() < 8 ? 0 : static_cast<int64_t>(ReadBigEndian64(suffix));
}

std::string EncodeInt64(int64_t v) {
  std::string out(8, '\0');
  const uint64_t u = static_cast<uint64_t>(v);
  for (int i = 0; i < 8; ++i) out[i] = static_cast<char>(u >> (8 * i));
  return out;
}

int64_t DecodeInt64(absl::string_view bytes) {
  if (bytes.size() != 8) return 0;
  uint64_t u = 0;
  for (int i = 7; i >= 0; --i) u = (u << 8) | static_cast<unsigned char>(bytes[i]);
  return static_cast<int64_t>(u);
}

}  // namespace claims::store
