// RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 feeds parsed with Debian's libxml2.
#ifndef CLAIMS_INGEST_SERVICE_FEEDS_FEED_PARSER_H_
#define CLAIMS_INGEST_SERVICE_FEEDS_FEED_PARSER_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace claims::feeds {

struct FeedItem {
  std::string title;  // entities decoded, whitespace collapsed
  // RSS <link>; Atom <link rel="alternate"> (or with no rel), text/html preferred. Resolved
  // against the feed URL when relative.
  std::string link;
  // RSS <guid>; Atom <id>; as written (trimmed).
  std::string guid;
  // RSS: <guid> without isPermaLink="false" (RSS 2.0's default is true). Atom: false (an
  // Atom id is a name, not a locator, even when it looks like one).
  bool guid_is_permalink = false;
  // The fullest content the item carries: content:encoded or Atom <content>, else
  // <description> / <summary>. HTML unless `content_is_html` is false (Atom type="text").
  std::string content;
  bool content_is_html = true;
  std::vector<std::string> authors;  // dc:creator, <author> (RSS e-mail "x@y (Name)" -> Name), Atom author/name
  std::optional<absl::Time> published;  // pubDate / published / dc:date; else updated
  // The UTC offset `published` was written with ("+0100", "GMT", "Z"); unset when none.
  std::optional<int> published_utc_offset_seconds;
  std::optional<absl::Time> updated;    // Atom <updated>
};

struct Feed {
  enum class Format { kRss2, kRss1, kAtom };
  Format format = Format::kRss2;
  std::string title;  // channel / feed title
  std::string link;   // the site's home page
  std::vector<FeedItem> items;  // in document order
};

// Parses a feed document. `feed_url` (may be empty) resolves relative links. Never touches
// the network; external entities and DTDs are not loaded.
// Errors: INVALID_ARGUMENT "feed: not well-formed XML at line N: ..." for malformed XML, and
// "feed: not an RSS or Atom document (root element <x>)" for other XML.
// Thread-safe.
absl::StatusOr<Feed> ParseFeed(absl::string_view xml, absl::string_view feed_url);

// Times as feeds write them: RFC 822/1123 (pubDate: "Wed, 02 Oct 2002 15:00:00 +0200", "GMT",
// "EST", weekday and seconds optional, 2-digit years) and RFC 3339 (Atom, dc:date; a date
// alone is UTC midnight). nullopt when it does not parse.
std::optional<absl::Time> ParseFeedTime(absl::string_view value);
// The UTC offset, in seconds east of UTC, of a time ParseFeedTime reads ("+0200": 7200,
// "GMT" and "Z": 0, "EST": -18000); nullopt when it does not parse or names no zone.
std::optional<int> FeedTimeUtcOffset(absl::string_view value);

}  // namespace claims::feeds

#endif  // CLAIMS_INGEST_SERVICE_FEEDS_FEED_PARSER_H_
