// Turns the raw `content` bytes of an IngestArticleRequest into its `text` or `html`.
#ifndef CLAIMS_INGEST_SERVICE_EXTRACT_REQUEST_CONTENT_H_
#define CLAIMS_INGEST_SERVICE_EXTRACT_REQUEST_CONTENT_H_

#include "absl/status/statusor.h"
#include "claims/v1/ingest.pb.h"

namespace claims::extract {

// When `content` is set: checks that text and html are not, that it is at most
// kMaxArticleBytes (RESOURCE_EXHAUSTED), valid UTF-8 (INVALID_ARGUMENT naming the byte) and
// of a supported content_type, then returns a copy with the bytes moved to `text` or `html`
// (content_type, else detection). Otherwise returns the request unchanged.
// Errors name the field: "content: ...", "content_type: ...".
absl::StatusOr<claims::v1::IngestArticleRequest> ResolveRequestContent(
    claims::v1::IngestArticleRequest request);

}  // namespace claims::extract

#endif  // CLAIMS_INGEST_SERVICE_EXTRACT_REQUEST_CONTENT_H_
