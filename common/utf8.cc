#include "common/utf8.h"

#include "common/swar.h"

namespace claims {
namespace {

// Length of the well-formed sequence at `pos`, or 0 when it is malformed.
size_t SequenceLength(absl::string_view s, size_t pos) {
  const auto b = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char c = b(pos);
  const size_t left = s.size() - pos;
  if (c < 0x80) return 1;
  auto cont = [&](size_t i) { return (b(pos + i) & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return left >= 2 && cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (left < 3 || !cont(1) || !cont(2)) return 0;
    if (c == 0xE0 && b(pos + 1) < 0xA0) return 0;   // overlong
    if (c == 0xED && b(pos + 1) >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (left < 4 || !cont(1) || !cont(2) || !cont(3)) return 0;
    if (c == 0xF0 && b(pos + 1) < 0x90) return 0;  // overlong
    if (c == 0xF4 && b(pos + 1) >= 0x90) return 0;  // > U+10FFFF
    return 4;
  }
  return 0;
}

}  // namespace

size_t FirstInvalidUtf8Offset(absl::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    // ASCII, most of most texts, is stepped over eight bytes at a time.
    while (pos + 8 <= s.size() && (swar::Load8(s.data() + pos) & swar::kHighBits) == 0) pos += 8;
    if (pos == s.size()) break;
    const size_t len = SequenceLength(s, pos);
    if (len == 0) return pos;
    pos += len;
  }
  return s.size();
}

bool IsValidUtf8(absl::string_view s) { return FirstInvalidUtf8Offset(s) == s.size(); }

char32_t DecodeUtf8(absl::string_view s, size_t pos, size_t* len) {
  const size_t n = SequenceLength(s, pos);
  if (n == 0) {
    *len = 1;
    return 0xFFFD;
  }
  *len = n;
  const auto b = [&](size_t i) { return static_cast<char32_t>(static_cast<unsigned char>(s[pos + i])); };
  switch (n) {
    case 1: return b(0);
    case 2: return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
    case 3: return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
    default:
      return ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
  }
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

int32_t CountCodePoints(absl::string_view s) {
  int32_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

CodePointIndex::CodePointIndex(absl::string_view utf8) : cp_of_byte_(utf8.size() + 1) {
  // Continuation bytes before the first code point (malformed input) map to 0.
  size_t i = 0;
  while (i < utf8.size() && (static_cast<unsigned char>(utf8[i]) & 0xC0) == 0x80) ++i;
  int32_t cp = -1;
  for (; i < utf8.size(); ++i) {
    cp += (static_cast<unsigned char>(utf8[i]) & 0xC0) != 0x80 ? 1 : 0;
    cp_of_byte_[i] = cp;
  }
  cp_of_byte_[utf8.size()] = cp + 1;  // CountCodePoints(utf8)
}

int32_t CodePointIndex::ToCodePoint(size_t byte) const {
  if (byte >= cp_of_byte_.size()) return cp_of_byte_.back();
  return cp_of_byte_[byte];
}

absl::string_view TruncateUtf8(absl::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t n = max_bytes;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

}  // namespace claims
