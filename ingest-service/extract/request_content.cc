#include "ingest-service/extract/request_content.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
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
    return InvalidArgumentWithReason(reason::kInvalidUtf8, "content",
                                     absl::StrCat("content: invalid UTF-8 at byte ", bad),
                                     {{kByteKey, absl::StrCat(bad)}});
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
