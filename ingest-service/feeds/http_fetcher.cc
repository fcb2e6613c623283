#include "ingest-service/feeds/http_fetcher.h"

#include <curl/curl.h>

#include <memory>
#include <mutex>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace claims::feeds {
namespace {

void InitCurl() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Transfer {
  std::string body;
  size_t max_bytes = 0;
  bool too_big = false;
  Validators validators;
  const std::atomic<bool>* cancel = nullptr;
};

size_t OnBody(char* data, size_t size, size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t bytes = size * n;
  if (t->body.size() + bytes > t->max_bytes) {
    t->too_big = true;
    return 0;  // aborts the transfer with CURLE_WRITE_ERROR
  }
  t->body.append(data, bytes);
  return bytes;
}

size_t OnHeader(char* data, size_t size, size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const absl::string_view line(data, size * n);
  // A new response (after a redirect) starts with its status line: forget earlier headers.
  if (absl::StartsWith(line, "HTTP/")) t->validators = {};
  const size_t colon = line.find(':');
  if (colon != absl::string_view::npos) {
    const std::string name = absl::AsciiStrToLower(line.substr(0, colon));
    const std::string value(absl::StripAsciiWhitespace(line.substr(colon + 1)));
    if (name == "etag") t->validators.etag = value;
    if (name == "last-modified") t->validators.last_modified = value;
  }
  return size * n;
}

int OnProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  auto* t = static_cast<Transfer*>(user);
  return t->cancel != nullptr && t->cancel->load() ? 1 : 0;  // non-zero aborts
}

struct CurlFree {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistFree {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

}  // namespace

HttpFetcher::HttpFetcher(FetchOptions options) : options_(std::move(options)) { InitCurl(); }

absl::StatusOr<FetchResult> HttpFetcher::Fetch(const std::string& url, const Validators* validators,
                                               const std::atomic<bool>* cancel) const {
  const std::string lower = absl::AsciiStrToLower(url.substr(0, 8));
  if (!absl::StartsWith(lower, "http://") && !absl::StartsWith(lower, "https://")) {
    return absl::InvalidArgumentError(absl::StrCat(url, ": not an http(s) URL"));
  }
  std::unique_ptr<CURL, CurlFree> curl(curl_easy_init());
  if (curl == nullptr) return absl::ResourceExhaustedError("cannot create a curl handle");
  Transfer t;
  t.max_bytes = options_.max_bytes;
  t.cancel = cancel;
  char error[CURL_ERROR_SIZE] = {0};
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // threads: no SIGALRM for DNS timeouts
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, static_cast<long>(options_.max_redirects));
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(absl::ToInt64Milliseconds(options_.timeout)));
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(absl::ToInt64Milliseconds(options_.connect_timeout)));
  curl_easy_setopt(c, CURLOPT_USERAGENT, options_.user_agent.c_str());
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // every encoding curl can decode
  curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options_.max_bytes));
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, OnHeader);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &t);
  curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, OnProgress);
  curl_easy_setopt(c, CURLOPT_XFERINFODATA, &t);
  curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
  std::unique_ptr<curl_slist, SlistFree> headers;
  curl_slist* list = curl_slist_append(
      nullptr, "Accept: text/html, application/xhtml+xml, application/rss+xml, "
               "application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5");
  if (validators != nullptr && !validators->etag.empty()) {
    list = curl_slist_append(list, absl::StrCat("If-None-Match: ", validators->etag).c_str());
  }
  if (validators != nullptr && !validators->last_modified.empty()) {
    list = curl_slist_append(
        list, absl::StrCat("If-Modified-Since: ", validators->last_modified).c_str());
  }
  headers.reset(list);
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, list);

  const CURLcode rc = curl_easy_perform(c);
  const std::string what = absl::StrCat("GET ", url);
  if (rc != CURLE_OK) {
    const std::string detail = error[0] != '\0' ? error : curl_easy_strerror(rc);
    if (t.too_big || rc == CURLE_FILESIZE_EXCEEDED) {
      return absl::ResourceExhaustedError(
          absl::StrCat(what, ": response larger than the limit of ", options_.max_bytes, " bytes"));
    }
    switch (rc) {
      case CURLE_OPERATION_TIMEDOUT:
        return absl::DeadlineExceededError(absl::StrCat(what, ": timed out (", detail, ")"));
      case CURLE_ABORTED_BY_CALLBACK:
        return absl::CancelledError(absl::StrCat(what, ": cancelled"));
      case CURLE_UNSUPPORTED_PROTOCOL:
      case CURLE_URL_MALFORMAT:
        return absl::InvalidArgumentError(absl::StrCat(what, ": ", detail));
      default:
        return absl::UnavailableError(absl::StrCat(what, ": ", detail));
    }
  }
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  char* effective = nullptr;
  curl_easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &effective);
  char* content_type = nullptr;
  curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &content_type);

  FetchResult result;
  result.status = static_cast<int>(status);
  result.effective_url = effective != nullptr ? effective : url;
  result.content_type = content_type != nullptr ? content_type : "";
  result.validators = std::move(t.validators);
  if (status == 304) {
    result.not_modified = true;
    return result;
  }
  if (status == 404 || status == 410) {
    return absl::NotFoundError(absl::StrCat(what, ": HTTP ", status));
  }
  if (status >= 300 && status < 400) {
    return absl::UnavailableError(absl::StrCat(what, ": HTTP ", status, " (redirect not followed)"));
  }
  if (status >= 400 && status < 500) {
    return absl::FailedPreconditionError(absl::StrCat(what, ": HTTP ", status));
  }
  if (status >= 500 || status < 200) {
    return absl::UnavailableError(absl::StrCat(what, ": HTTP ", status));
  }
  result.body = std::move(t.body);
  return result;
}

}  // namespace claims::feeds
