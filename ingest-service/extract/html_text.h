// Main-text and metadata extraction from an HTML page (Debian's gumbo).
#ifndef CLAIMS_INGEST_SERVICE_EXTRACT_HTML_TEXT_H_
#define CLAIMS_INGEST_SERVICE_EXTRACT_HTML_TEXT_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace claims::extract {

struct HtmlArticle {
  // The article body as plain text: one paragraph per block element, paragraphs separated
  // by "\n\n", whitespace collapsed, entities decoded. Navigation, headers, footers, asides,
  // scripts, styles, forms, cookie banners and teaser lists are dropped.
  std::string text;
  std::string title;          // og:title, then <h1>, then <title>
  std::string publisher;      // og:site_name, then JSON-LD publisher.name
  std::string canonical_url;  // <link rel=canonical>, then og:url
  std::string language;       // <html lang>, primary subtag
  std::vector<std::string> authors;           // meta author, JSON-LD author(s)
  std::optional<absl::Time> published_time;   // article:published_time, JSON-LD datePublished, <time datetime>
};

// Never fails on malformed markup (gumbo repairs it); INVALID_ARGUMENT only when the page
// has no text at all.
absl::StatusOr<HtmlArticle> ParseHtmlArticle(absl::string_view html);

// True when `content` looks like HTML rather than plain text (a doctype, <html>, or several
// block tags near the start).
bool LooksLikeHtml(absl::string_view content);

}  // namespace claims::extract

#endif  // CLAIMS_INGEST_SERVICE_EXTRACT_HTML_TEXT_H_
