// Normalisation shared by the writer and the reader, so that a name typed by a user finds
// what the extractor stored. Pure functions; thread-safe.
#ifndef CLAIMS_COMMON_TEXT_KEYS_H_
#define CLAIMS_COMMON_TEXT_KEYS_H_

#include <string>

#include "absl/strings/string_view.h"

namespace claims {

// Lookup key for a name or alias: ASCII-lowercased, curly apostrophes made straight, runs of
// whitespace and punctuation other than '&' and '\'' collapsed to one space, trimmed.
// "  NHS  England " -> "nhs england"; "Palantir Technologies, Inc." -> "palantir technologies inc".
std::string NormaliseName(absl::string_view name);

// Id form of a name: NormaliseName with spaces as '-' and Latin letters with diacritics as
// the ASCII letters behind them, so that a name spelt with or without its accents is one id
// ("NHS England" -> "nhs-england", "Zoë Garbett" -> "zoe-garbett", "Łukasz" -> "lukasz");
// letters of other scripts are kept.
std::string Slugify(absl::string_view name);

// Lower-case hex SHA-256 of `data`.
std::string Sha256Hex(absl::string_view data);

}  // namespace claims

#endif  // CLAIMS_COMMON_TEXT_KEYS_H_
