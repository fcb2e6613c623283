// UTF-8 validation and byte-offset to code-point-offset conversion.
// All functions are pure and thread-safe.
#ifndef CLAIMS_COMMON_UTF8_H_
#define CLAIMS_COMMON_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace claims {

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or code points > U+10FFFF).
bool IsValidUtf8(absl::string_view s);

// Byte offset of the first malformed sequence, or s.size() when `s` is valid.
size_t FirstInvalidUtf8Offset(absl::string_view s);

// Decodes the code point starting at byte `pos` of valid UTF-8 `s`; sets `*len` to its byte
// length. Returns U+FFFD and length 1 for a malformed byte.
char32_t DecodeUtf8(absl::string_view s, size_t pos, size_t* len);

// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(char32_t cp, std::string* out);

// The longest prefix of UTF-8 `s` of at most `max_bytes` bytes that ends on a code point
// boundary.
absl::string_view TruncateUtf8(absl::string_view s, size_t max_bytes);

// Number of code points in valid UTF-8 `s`.
int32_t CountCodePoints(absl::string_view s);

// Maps byte offsets of one UTF-8 text to code-point offsets in O(1) per lookup.
// Immutable after construction; safe to share between threads.
class CodePointIndex {
 public:
  explicit CodePointIndex(absl::string_view utf8);
  // Code-point offset of byte offset `byte` (0 <= byte <= size). A byte in the middle of a
  // sequence maps to the code point that contains it.
  int32_t ToCodePoint(size_t byte) const;

 private:
  std::vector<int32_t> cp_of_byte_;  // size() + 1 entries
};

}  // namespace claims

#endif  // CLAIMS_COMMON_UTF8_H_
