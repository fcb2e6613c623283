#include "common/text_keys.h"

#include <openssl/evp.h>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "common/utf8.h"

namespace claims {
namespace {

// U+00C0..U+017F; "" where no Latin letter stands behind the character.
constexpr const char* kFoldLatin1[] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", "d", "n", "o",
    "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss", "a", "a", "a", "a", "a", "a",
    "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", "", "o",
    "u", "u", "u", "u", "y", "th", "y", "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c",
    "c", "c", "d", "d", "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g",
    "g", "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i", "i", "i",
    "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l", "l", "l", "l", "n", "n",
    "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o", "o", "o", "oe", "oe", "r", "r", "r", "r",
    "r", "r", "s", "s", "s", "s", "s", "s", "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u",
    "u", "u", "u", "u", "u", "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z",
    "z", "s",
};
// U+1E00..U+1EFF; "" where no Latin letter stands behind the character.
constexpr const char* kFoldLatinAdditional[] = {
    "a", "a", "b", "b", "b", "b", "b", "b", "c", "c", "d", "d", "d", "d", "d", "d", "d", "d", "d",
    "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "f", "f", "g", "g", "h", "h", "h", "h",
    "h", "h", "h", "h", "h", "h", "i", "i", "i", "i", "k", "k", "k", "k", "k", "k", "l", "l", "l",
    "l", "l", "l", "l", "l", "m", "m", "m", "m", "m", "m", "n", "n", "n", "n", "n", "n", "n", "n",
    "o", "o", "o", "o", "o", "o", "o", "o", "p", "p", "p", "p", "r", "r", "r", "r", "r", "r", "r",
    "r", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "t", "t", "t", "t", "t", "t", "t", "t",
    "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "v", "v", "v", "v", "w", "w", "w", "w", "w",
    "w", "w", "w", "w", "w", "x", "x", "x", "x", "y", "y", "z", "z", "z", "z", "z", "z", "h", "t",
    "w", "y", "", "", "", "", "", "", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a",
    "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "e", "e", "e", "e", "e", "e", "e",
    "e", "e", "e", "e", "e", "e", "e", "e", "e", "i", "i", "i", "i", "o", "o", "o", "o", "o", "o",
    "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "u",
    "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "y", "y", "y", "y", "y", "y",
    "y", "y", "", "", "", "", "", "",
};

// The ASCII letters behind a Latin letter with diacritics ("ë" -> "e", "Ł" -> "l", "ß" ->
// "ss", "Ọ" -> "o"), or "" for any other code point.
absl::string_view FoldedLatin(char32_t c) {
  if (c >= 0xC0 && c <= 0x17F) return kFoldLatin1[c - 0xC0];
  if (c >= 0x1E00 && c <= 0x1EFF) return kFoldLatinAdditional[c - 0x1E00];
  return "";
}

}  // namespace

std::string NormaliseName(absl::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool pending_space = false;
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    // U+2019 and U+2018 (curly apostrophes) become '\''.
    if (c == 0xE2 && i + 2 < name.size() && static_cast<unsigned char>(name[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(name[i + 2]) == 0x99 ||
         static_cast<unsigned char>(name[i + 2]) == 0x98)) {
      c = '\'';
      i += 2;
    }
    const bool keep = c >= 0x80 || absl::ascii_isalnum(c) || c == '&' || c == '\'';
    if (!keep) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(static_cast<char>(c < 0x80 ? absl::ascii_tolower(c) : c));
  }
  return out;
}

std::string Slugify(absl::string_view name) {
  const std::string normal = NormaliseName(name);
  std::string s;
  s.reserve(normal.size());
  for (size_t pos = 0; pos < normal.size();) {
    const unsigned char b = static_cast<unsigned char>(normal[pos]);
    if (b < 0x80) {
      s.push_back(b == ' ' ? '-' : static_cast<char>(b));
      ++pos;
      continue;
    }
    size_t len = 0;
    const char32_t c = DecodeUtf8(normal, pos, &len);
    const absl::string_view folded = FoldedLatin(c);
    if (folded.empty()) {
      s.append(normal, pos, len);  // other scripts stay as they are
    } else {
      s.append(folded.data(), folded.size());
    }
    pos += len;
  }
  return s;
}

std::string Sha256Hex(absl::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), digest, &len, EVP_sha256(), nullptr);
  return absl::BytesToHexString(
      absl::string_view(reinterpret_cast<const char*>(digest), len));
}

}  // namespace claims
