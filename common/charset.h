// Decoding pages that declare a legacy single-byte charset (windows-1252, ISO-8859-1,
// ISO-8859-15) into UTF-8, for the article bytes that arrive undecoded (the `content` field,
// pages fetched for feed items). Pure functions; thread-safe.
#ifndef CLAIMS_COMMON_CHARSET_H_
#define CLAIMS_COMMON_CHARSET_H_

#include <optional>
#include <string>

#include "absl/strings/string_view.h"

namespace claims {

// The charset a page declares, lower-cased: the charset parameter of `content_type`
// ("text/html; charset=windows-1252"), else that of a <meta charset=...> or
// <meta http-equiv="Content-Type" content="...; charset=..."> in the first 4 KB of `bytes`.
// Empty when there is none.
std::string DeclaredCharset(absl::string_view content_type, absl::string_view bytes);

// `bytes` decoded from `charset` into UTF-8, or nullopt for a charset this does not decode.
// Decoded: windows-1252 (cp1252), and ISO-8859-1 / latin1 / us-ascii read as windows-1252,
// as browsers do (the WHATWG Encoding Standard); ISO-8859-15 (latin-9). Bytes that
// windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) become U+FFFD.
std::optional<std::string> DecodeSingleByteCharset(absl::string_view bytes, absl::string_view charset);

}  // namespace claims

#endif  // CLAIMS_COMMON_CHARSET_H_
