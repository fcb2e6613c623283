// Machine-readable error reasons. An absl::Status made here carries a google.rpc.ErrorInfo
// (a stable UPPER_SNAKE reason, domain "claims.v1", metadata naming the request field and
// anything else a program needs, such as the position in a filter) as a payload under the
// ErrorInfo's type URL. ToGrpcStatus (common/grpc_status.h) sends it to clients as
// google.rpc.Status details, so clients switch on the reason, never on message text.
//
// Errors are made with a reason where they are detected; a status that reaches the RPC edge
// without one is sent with its code's name as the reason (e.g. "INTERNAL").
// All functions are pure and thread-safe.
#ifndef CLAIMS_COMMON_ERROR_INFO_H_
#define CLAIMS_COMMON_ERROR_INFO_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "google/rpc/error_details.pb.h"

namespace claims {

// The domain of every reason below.
inline constexpr char kErrorDomain[] = "claims.v1";
// The absl::Status payload key: the type URL of google.rpc.ErrorInfo, as in an Any.
inline constexpr char kErrorInfoTypeUrl[] = "type.googleapis.com/google.rpc.ErrorInfo";

// Metadata keys.
inline constexpr char kFieldKey[] = "field";        // the request field, e.g. "filter.end_time"
inline constexpr char kPositionKey[] = "position";  // byte offset in filter_expression
inline constexpr char kLimitKey[] = "limit";        // the limit that was exceeded
inline constexpr char kByteKey[] = "byte";          // offset of the first bad byte
inline constexpr char kIdKey[] = "id";              // the id that was not found

// The reasons, stable once published. Each is documented in the README's errors table.
namespace reason {
// Ingestion (IngestArticle, IngestArticles, DeleteArticle).
inline constexpr char kConflictingContentFields[] = "CONFLICTING_CONTENT_FIELDS";
inline constexpr char kEmptyArticle[] = "EMPTY_ARTICLE";
inline constexpr char kInvalidUtf8[] = "INVALID_UTF8";
inline constexpr char kBinaryContent[] = "BINARY_CONTENT";
inline constexpr char kArticleTooLarge[] = "ARTICLE_TOO_LARGE";
inline constexpr char kInvalidHtml[] = "INVALID_HTML";
inline constexpr char kUnsupportedContentType[] = "UNSUPPORTED_CONTENT_TYPE";
inline constexpr char kInvalidUrl[] = "INVALID_URL";
inline constexpr char kFieldTooLong[] = "FIELD_TOO_LONG";
inline constexpr char kInvalidPublishedTime[] = "INVALID_PUBLISHED_TIME";
// Queries.
inline constexpr char kInvalidPageSize[] = "INVALID_PAGE_SIZE";
inline constexpr char kInvalidPageToken[] = "INVALID_PAGE_TOKEN";
inline constexpr char kPageTokenMismatch[] = "PAGE_TOKEN_MISMATCH";
inline constexpr char kInvalidOrderBy[] = "INVALID_ORDER_BY";
inline constexpr char kInvalidTimestamp[] = "INVALID_TIMESTAMP";
inline constexpr char kInvalidTimeRange[] = "INVALID_TIME_RANGE";
inline constexpr char kTooManyFilterValues[] = "TOO_MANY_FILTER_VALUES";
inline constexpr char kEmptyFilterValue[] = "EMPTY_FILTER_VALUE";
inline constexpr char kUnknownClaimKind[] = "UNKNOWN_CLAIM_KIND";
inline constexpr char kInvalidFilterExpression[] = "INVALID_FILTER_EXPRESSION";
inline constexpr char kInvalidLimit[] = "INVALID_LIMIT";
inline constexpr char kInvalidResumeToken[] = "INVALID_RESUME_TOKEN";
inline constexpr char kTooManyWatches[] = "TOO_MANY_WATCHES";
// Both.
inline constexpr char kRequiredFieldMissing[] = "REQUIRED_FIELD_MISSING";
inline constexpr char kArticleNotFound[] = "ARTICLE_NOT_FOUND";
inline constexpr char kClaimNotFound[] = "CLAIM_NOT_FOUND";
inline constexpr char kDatabaseUnavailable[] = "DATABASE_UNAVAILABLE";
}  // namespace reason

using ErrorMetadata = std::vector<std::pair<std::string, std::string>>;

// An error of `code` and `message` (which still names the field for people) whose
// ErrorInfo says `reason`, with metadata {"field": field} (when `field` is not empty) and
// `extra`. `code` must not be kOk.
absl::Status ErrorWithReason(absl::StatusCode code, absl::string_view reason,
                             absl::string_view field, absl::string_view message,
                             const ErrorMetadata& extra = {});

// ErrorWithReason(absl::StatusCode::kInvalidArgument, ...).
absl::Status InvalidArgumentWithReason(absl::string_view reason, absl::string_view field,
                                       absl::string_view message, const ErrorMetadata& extra = {});

// `status` (code and message unchanged) with its reason set to `reason` and `metadata`
// added to what it already carries (a key given here wins). OK stays OK.
absl::Status WithReason(absl::Status status, absl::string_view reason,
                        const ErrorMetadata& metadata = {});

// `status` with one metadata entry added or replaced, keeping its reason (an error without
// one gets its code's name). OK stays OK.
absl::Status WithErrorMetadata(absl::Status status, absl::string_view key, absl::string_view value);

// The ErrorInfo `status` carries, or nullopt (OK, or made without a reason).
std::optional<google::rpc::ErrorInfo> GetErrorInfo(const absl::Status& status);

// The ErrorInfo a client should see for `status` (not OK): the one it carries, else one
// whose reason is the code's name ("INTERNAL"); the domain is always kErrorDomain.
google::rpc::ErrorInfo ErrorInfoOrDefault(const absl::Status& status);

}  // namespace claims

#endif  // CLAIMS_COMMON_ERROR_INFO_H_
