#include "common/text_keys.h"

#include <openssl/evp.h>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"

namespace claims {

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
  std::string s = NormaliseName(name);
  for (char& c : s) {
    if (c == ' ') c = '-';
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
