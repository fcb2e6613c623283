#include "ingest-service/extract/request_content.h"

#include <optional>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/charset.h"
#include "common/error_info.h"
#include "common/utf8.h"
#include "ingest-service/extract/extractor.h"
#include "ingest-service/extract/html_text.h"

namespace claims::extract {

absl::StatusOr<claims::v1::IngestArticleRequest> ResolveRequestContent(
    claims::v1::IngestArticleRequest request) {
  if (request.content().empty()) {
    if (!request.content_type().empty()) {
      return InvalidArgumentWithReason(reason::kRequiredFieldMissing, "content",
                                       "content_type: set without content");
    }
    return request;
  }
  if (!request.text().empty() || !request.html().empty()) {
    return InvalidArgumentWithReason(reason::kConflictingContentFields, "content",
                                     "content: set together with text or html; send exactly one");
  }
  if (request.content().size() > kMaxArticleBytes) {
    return ErrorWithReason(
        absl::StatusCode::kResourceExhausted, reason::kArticleTooLarge, "content",
        absl::StrCat("content: ", request.content().size(), " bytes is over the limit of ",
                     kMaxArticleBytes),
        {{kLimitKey, absl::StrCat(kMaxArticleBytes)}});
  }
  const size_t bad = FirstInvalidUtf8Offset(request.content());
  if (bad != request.content().size()) {
    // A page that declares windows-1252 or ISO-8859-1/15 (in content_type or a <meta>) is
    // decoded; other bytes that are not UTF-8 are refused, naming the first bad byte.
    const std::string charset = DeclaredCharset(request.content_type(), request.content());
    std::optional<std::string> decoded = DecodeSingleByteCharset(request.content(), charset);
    if (!decoded.has_value()) {
      const bool named = !charset.empty() && charset != "utf-8" && charset != "utf8";
      return InvalidArgumentWithReason(
          reason::kInvalidUtf8, "content",
          absl::StrCat("content: invalid UTF-8 at byte ", bad,
                       named ? absl::StrCat(" (declared charset '", charset, "' is not one we decode)")
                             : std::string()),
          {{kByteKey, absl::StrCat(bad)}});
    }
    // Decoding may grow the bytes (up to three times): the limit holds for the decoded text.
    if (decoded->size() > kMaxArticleBytes) {
      return ErrorWithReason(
          absl::StatusCode::kResourceExhausted, reason::kArticleTooLarge, "content",
          absl::StrCat("content: ", decoded->size(), " bytes decoded from ", charset,
                       " is over the limit of ", kMaxArticleBytes),
          {{kLimitKey, absl::StrCat(kMaxArticleBytes)}});
    }
    request.set_content(*std::move(decoded));
  }
  std::string type = absl::AsciiStrToLower(request.content_type());
  type = type.substr(0, type.find(';'));  // "text/html; charset=utf-8"
  bool html;
  if (type.empty()) {
    html = LooksLikeHtml(request.content());
  } else if (type == "text/html" || type == "application/xhtml+xml") {
    html = true;
  } else if (type == "text/plain") {
    html = false;
  } else {
    return InvalidArgumentWithReason(
        reason::kUnsupportedContentType, "content_type",
        absl::StrCat("content_type: unsupported '", request.content_type(),
                     "'; use text/plain or text/html"));
  }
  std::string bytes = std::move(*request.mutable_content());
  request.clear_content();
  request.clear_content_type();
  if (html) {
    request.set_html(std::move(bytes));
  } else {
    request.set_text(std::move(bytes));
  }
  return request;
}

}  // namespace claims::extract
