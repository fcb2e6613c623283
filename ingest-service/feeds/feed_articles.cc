#include "ingest-service/feeds/feed_articles.h"

#include <fstream>
#include <iterator>
#include <optional>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/charset.h"
#include "common/timestamps.h"
#include "common/utf8.h"
#include "ingest-service/extract/extractor.h"
#include "ingest-service/extract/html_text.h"
#include "ingest-service/extract/url.h"

namespace claims::feeds {
namespace {

bool IsHttpUrl(absl::string_view s) {
  const std::string lower = absl::AsciiStrToLower(s.substr(0, 8));
  return absl::StartsWith(lower, "http://") || absl::StartsWith(lower, "https://");
}

std::string Canonical(absl::string_view url) {
  if (!IsHttpUrl(url)) return "";
  auto canonical = extract::CanonicalUrl(url);
  return canonical.ok() ? *canonical : "";
}

// The page as an article, or why not. A page in windows-1252 or ISO-8859-1/15 (declared by
// its Content-Type or a <meta>) has its body decoded to UTF-8 in place, once.
absl::StatusOr<extract::HtmlArticle> UsablePage(FetchResult* page) {
  const std::string type = absl::AsciiStrToLower(page->content_type);
  const bool html_type = absl::StrContains(type, "html");
  if (!html_type && !extract::LooksLikeHtml(page->body)) {
    return absl::FailedPreconditionError(
        absl::StrCat("not an HTML page (", page->content_type.empty() ? "no type" : page->content_type, ")"));
  }
  if (const size_t bad = FirstInvalidUtf8Offset(page->body); bad != page->body.size()) {
    std::optional<std::string> decoded =
        DecodeSingleByteCharset(page->body, DeclaredCharset(page->content_type, page->body));
    if (!decoded.has_value()) {
      return absl::FailedPreconditionError(absl::StrCat("page is not UTF-8 (byte ", bad, ")"));
    }
    page->body = *std::move(decoded);
  }
  auto article = extract::ParseHtmlArticle(page->body);
  if (!article.ok()) return article.status();
  if (absl::StripAsciiWhitespace(article->text).empty()) {
    return absl::FailedPreconditionError("the page has no article text");
  }
  return article;
}

}  // namespace

std::string ItemIdentityUrl(const FeedItem& item) {
  if (item.guid_is_permalink) {
    std::string guid = Canonical(item.guid);
    if (!guid.empty()) return guid;
  }
  return Canonical(item.link);
}

std::string ItemSourceId(const FeedItem& item, absl::string_view feed_url) {
  if (!ItemIdentityUrl(item).empty() || item.guid.empty()) return "";
  return absl::StrCat(feed_url, " ", item.guid);
}

std::string FeedPublisher(const Feed& feed) {
  // The site's host name as letters alone ("eastbrookgazette" of eastbrookgazette.co.uk,
  // "www." dropped), to recognise the part of the title that names it.
  std::string host = feed.link;
  if (const size_t scheme = host.find("://"); scheme != std::string::npos) host.erase(0, scheme + 3);
  host = host.substr(0, host.find_first_of("/:?#"));
  if (absl::StartsWith(host, "www.")) host.erase(0, 4);
  host = absl::AsciiStrToLower(host.substr(0, host.find('.')));
  auto letters = [](absl::string_view s) {
    std::string out;
    for (char c : s) {
      if (absl::ascii_isalnum(static_cast<unsigned char>(c))) out.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
    }
    return out;
  };
  for (absl::string_view sep : {" \xE2\x80\x93 ", " \xE2\x80\x94 ", " - ", " | ", " \xC2\xBB ", " : "}) {
    const size_t at = absl::string_view(feed.title).find(sep);
    if (at == absl::string_view::npos) continue;
    const std::string first = feed.title.substr(0, at), second = feed.title.substr(at + sep.size());
    if (!host.empty() && letters(second) == host) return second;
    if (!host.empty() && letters(first) == host) return first;
  }
  return feed.title;
}

absl::StatusOr<FeedArticle> BuildFeedArticle(const Feed& feed, const FeedItem& item,
                                             absl::string_view feed_url,
                                             const HttpFetcher* fetcher,
                                             const std::atomic<bool>* cancel) {
  FeedArticle out;
  claims::v1::IngestArticleRequest& request = out.request;
  const std::string identity = ItemIdentityUrl(item);
  std::string page_url = IsHttpUrl(item.link) ? item.link : "";
  if (page_url.empty() && item.guid_is_permalink && IsHttpUrl(item.guid)) page_url = item.guid;

  if (fetcher != nullptr && !page_url.empty()) {
    absl::StatusOr<FetchResult> page = fetcher->Fetch(page_url, nullptr, cancel);
    absl::StatusOr<extract::HtmlArticle> parsed =
        page.ok() ? UsablePage(&*page) : absl::StatusOr<extract::HtmlArticle>(page.status());
    if (parsed.ok()) {
      out.from_page = true;
      std::string url = Canonical(parsed->canonical_url);
      if (url.empty()) url = identity;
      if (url.empty()) url = Canonical(page->effective_url);
      request.set_url(url);
      if (!identity.empty() && identity != url) out.superseded_url = identity;
      request.set_title(!parsed->title.empty() ? parsed->title : item.title);
      request.set_publisher(!parsed->publisher.empty() ? parsed->publisher : FeedPublisher(feed));
      std::vector<std::string> authors = parsed->authors;
      if (authors.empty()) {
        for (const auto& a : item.authors) extract::AddAuthorNames(a, &authors);
      }
      for (const auto& a : authors) request.add_authors(a);
      if (parsed->published_time.has_value()) {
        SetTimestamp(*parsed->published_time, request.mutable_published_time());
        if (parsed->published_utc_offset_seconds.has_value()) {
          request.set_published_utc_offset_seconds(*parsed->published_utc_offset_seconds);
        }
      } else if (item.published.has_value()) {
        SetTimestamp(*item.published, request.mutable_published_time());
        if (item.published_utc_offset_seconds.has_value()) {
          request.set_published_utc_offset_seconds(*item.published_utc_offset_seconds);
        }
      }
      request.set_content(std::move(page->body));  // UTF-8 (UsablePage decoded it)
      request.set_content_type("text/html");
      extract::FitMetadataToLimits(&request);
      return out;
    }
    out.page_error = std::string(parsed.status().message());
    if (!page.ok()) out.page_error = std::string(page.status().message());
    if (cancel != nullptr && cancel->load()) return absl::CancelledError("cancelled");
  }

  if (absl::StripAsciiWhitespace(item.content).empty()) {
    return absl::FailedPreconditionError(absl::StrCat(
        out.page_error.empty() ? "no link" : absl::StrCat("page unavailable (", out.page_error, ")"),
        " and no content in the item"));
  }
  request.set_url(identity);
  if (identity.empty()) request.set_source_id(ItemSourceId(item, feed_url));
  // The item's summary stands in for a page it links to: it must not replace that page.
  request.set_stand_in(!page_url.empty());
  request.set_title(item.title);
  request.set_publisher(FeedPublisher(feed));
  // An item's authors as a page's are read: "Communications Team" is no author.
  std::vector<std::string> authors;
  for (const auto& a : item.authors) extract::AddAuthorNames(a, &authors);
  for (const auto& a : authors) request.add_authors(a);
  if (item.published.has_value()) {
    SetTimestamp(*item.published, request.mutable_published_time());
    if (item.published_utc_offset_seconds.has_value()) {
      request.set_published_utc_offset_seconds(*item.published_utc_offset_seconds);
    }
  }
  if (item.content_is_html) {
    request.set_html(item.content);
  } else {
    request.set_text(item.content);
  }
  extract::FitMetadataToLimits(&request);
  return out;
}

absl::StatusOr<Feed> LoadFeed(const std::string& url_or_path, const HttpFetcher& fetcher,
                              const Validators* validators, FetchResult* result,
                              const std::atomic<bool>* cancel) {
  if (IsHttpUrl(url_or_path)) {
    absl::StatusOr<FetchResult> fetched = fetcher.Fetch(url_or_path, validators, cancel);
    if (!fetched.ok()) return fetched.status();
    if (result != nullptr) *result = *fetched;
    if (fetched->not_modified) return Feed();
    absl::StatusOr<Feed> feed = ParseFeed(fetched->body, fetched->effective_url);
    if (!feed.ok()) {
      return absl::Status(feed.status().code(), absl::StrCat(url_or_path, ": ", feed.status().message()));
    }
    return feed;
  }
  std::ifstream file(url_or_path, std::ios::binary);
  if (!file) return absl::NotFoundError(absl::StrCat(url_or_path, ": cannot open"));
  const std::string xml(std::istreambuf_iterator<char>(file), {});
  absl::StatusOr<Feed> feed = ParseFeed(xml, "");
  if (!feed.ok()) {
    return absl::Status(feed.status().code(), absl::StrCat(url_or_path, ": ", feed.status().message()));
  }
  return feed;
}

}  // namespace claims::feeds
