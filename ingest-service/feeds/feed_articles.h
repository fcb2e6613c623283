// From a feed item to an IngestArticleRequest: the linked page when it can be had, else the
// item's own content; identity and metadata from the page and the item.
#ifndef CLAIMS_INGEST_SERVICE_FEEDS_FEED_ARTICLES_H_
#define CLAIMS_INGEST_SERVICE_FEEDS_FEED_ARTICLES_H_

#include <atomic>
#include <string>

#include "absl/status/statusor.h"
#include "claims/v1/ingest.pb.h"
#include "ingest-service/feeds/feed_parser.h"
#include "ingest-service/feeds/http_fetcher.h"

namespace claims::feeds {

// The URL that identifies an item before its page is seen: the GUID when it is a permalink
// and an absolute http(s) URL, else the link; canonicalised (tracking parameters removed).
// "" when neither is a usable URL.
std::string ItemIdentityUrl(const FeedItem& item);

// The `source_id` of an item that has no identity URL but a GUID: "<feed URL> <GUID>"
// (a GUID is only unique within its feed). "" otherwise.
std::string ItemSourceId(const FeedItem& item, absl::string_view feed_url);

// The publisher a feed names: the part of its title that spells the site's host name
// ("Health – Eastbrook Gazette" of eastbrookgazette.co.uk is "Eastbrook Gazette"; also
// "Site | Section", "Site » Section"), else the whole title.
std::string FeedPublisher(const Feed& feed);

struct FeedArticle {
  claims::v1::IngestArticleRequest request;
  bool from_page = false;  // true: the fetched page; false: the item's content
  // Why the page was not used ("" when it was, or when the item has no link).
  std::string page_error;
  // Set when the page gave the article another URL (its canonical link) than the item's
  // identity: an earlier version ingested from the item's content (while the page could not
  // be had) is stored under this URL and is superseded; callers delete it (NOT_FOUND is
  // fine) so that the item stays one article.
  std::string superseded_url;
};

// Builds the request for one item. Thread-safe when `fetcher` is (it is; may be null: then
// pages are never fetched and the item's content is used).
//
// With the page (HTTP 200, HTML, valid UTF-8, with article text): `content` = the page's
// bytes, `content_type` = text/html; url = the page's <link rel=canonical>, else
// ItemIdentityUrl, else the URL after redirects; title, publisher, authors and publication
// time from the page's metadata, else from the item (publisher: the feed's title). These
// are what `claimctl ingest page.html` would store, so both entry points agree.
// Without it: the item's content as html (or text), the item's title, authors and time, and
// url = ItemIdentityUrl or source_id = ItemSourceId; `stand_in` is set when the item links
// to a page, so that its summary never replaces the fuller page stored before.
// Errors: FAILED_PRECONDITION "page unavailable (...) and no content in the item" (or "no
// link and no content in the item") when there is nothing to ingest.
absl::StatusOr<FeedArticle> BuildFeedArticle(const Feed& feed, const FeedItem& item,
                                             absl::string_view feed_url,
                                             const HttpFetcher* fetcher,
                                             const std::atomic<bool>* cancel = nullptr);

// Reads a feed from an http(s) URL (with `fetcher`) or a local file path. `validators`
// make an http request conditional; `*result` (optional) receives the response (validators,
// not_modified). When not modified, returns an empty feed with *result->not_modified set.
// Errors: those of HttpFetcher::Fetch and ParseFeed; NOT_FOUND for a missing file.
absl::StatusOr<Feed> LoadFeed(const std::string& url_or_path, const HttpFetcher& fetcher,
                              const Validators* validators = nullptr,
                              FetchResult* result = nullptr,
                              const std::atomic<bool>* cancel = nullptr);

}  // namespace claims::feeds

#endif  // CLAIMS_INGEST_SERVICE_FEEDS_FEED_ARTICLES_H_
