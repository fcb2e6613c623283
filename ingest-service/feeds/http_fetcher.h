// HTTP GET for feeds and article pages, with libcurl.
#ifndef CLAIMS_INGEST_SERVICE_FEEDS_HTTP_FETCHER_H_
#define CLAIMS_INGEST_SERVICE_FEEDS_HTTP_FETCHER_H_

#include <atomic>
#include <cstddef>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace claims::feeds {

// The user agent names the software and where to read about it, so that publishers can
// recognise (and contact) the crawler.
inline constexpr char kDefaultUserAgent[] =
    "claims-ingest/0.1 (news claims extraction; +https://github.com/claims/claims)";

struct FetchOptions {
  absl::Duration timeout = absl::Seconds(15);         // the whole transfer
  absl::Duration connect_timeout = absl::Seconds(5);
  size_t max_bytes = 4 << 20;  // of the decoded body; the page limit matches kMaxArticleBytes
  int max_redirects = 5;
  std::string user_agent = kDefaultUserAgent;
};

// Validators from an earlier response, for a conditional GET.
struct Validators {
  std::string etag;           // sent as If-None-Match
  std::string last_modified;  // sent as If-Modified-Since
};

struct FetchResult {
  int status = 0;             // final HTTP status (200, or 304 when not_modified)
  bool not_modified = false;  // 304: the validators still hold; body is empty
  std::string body;
  std::string effective_url;  // after redirects
  std::string content_type;   // as sent, e.g. "text/html; charset=utf-8"
  Validators validators;      // of this response (empty when the server sent none)
};

// Thread-safe: Fetch may be called concurrently (one curl handle per call). Only http and
// https are followed, also across redirects; gzip/deflate are accepted and decoded.
class HttpFetcher {
 public:
  explicit HttpFetcher(FetchOptions options = {});

  // GETs `url`. `validators` (optional) make it conditional. `cancel` (optional, not owned)
  // aborts the transfer soon after it becomes true.
  // Errors, each naming the URL: INVALID_ARGUMENT (not an http(s) URL), NOT_FOUND (HTTP 404
  // or 410), FAILED_PRECONDITION (another 4xx), UNAVAILABLE (5xx, DNS, connection refused or
  // reset, too many redirects), DEADLINE_EXCEEDED (timeout), RESOURCE_EXHAUSTED (body over
  // max_bytes), CANCELLED.
  absl::StatusOr<FetchResult> Fetch(const std::string& url, const Validators* validators = nullptr,
                                    const std::atomic<bool>* cancel = nullptr) const;

  const FetchOptions& options() const { return options_; }

 private:
  const FetchOptions options_;
};

}  // namespace claims::feeds

#endif  // CLAIMS_INGEST_SERVICE_FEEDS_HTTP_FETCHER_H_
