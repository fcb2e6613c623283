#include "absl/strings/str_cat.h"
#include "common/text_keys.h"
#include "ingest-service/extract/extractor.h"

namespace claims::extract {

std::string ArticleIdForUrl(absl::string_view canonical_url) {
  return Sha256Hex(absl::StrCat("url:", canonical_url)).substr(0, 16);
}

std::string ArticleIdForText(absl::string_view text) {
  return Sha256Hex(absl::StrCat("text:", text)).substr(0, 16);
}

}  // namespace claims::extract
