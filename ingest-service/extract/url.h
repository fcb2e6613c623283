// URL canonicalisation, so that the same article reached by different links has one id.
#ifndef CLAIMS_INGEST_SERVICE_EXTRACT_URL_H_
#define CLAIMS_INGEST_SERVICE_EXTRACT_URL_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace claims::extract {

// Lower-cases scheme and host (and drops a trailing dot of the host), drops the default
// port, the fragment, and tracking parameters (utm_*, fbclid, gclid, mc_cid, mc_eid, ref,
// cmpid, ocid, at_medium, at_campaign; names compared case-insensitively), keeps the other
// parameters in their order, removes a trailing '?' and empty parameters, writes an empty
// path as "/". The path itself is kept byte for byte (no case change, no %-decoding).
// Surrounding ASCII whitespace is ignored.
// Errors: INVALID_ARGUMENT unless the URL is absolute http(s) with a host and no spaces or
// control characters inside (also for a malformed host, such as one with an empty label
// like "a..b" or ".a", or a non-numeric port).
// Pure function; thread-safe.
absl::StatusOr<std::string> CanonicalUrl(absl::string_view url);

}  // namespace claims::extract

#endif  // CLAIMS_INGEST_SERVICE_EXTRACT_URL_H_
