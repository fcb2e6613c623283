// claimctl's pipeline commands: `ingest --jsonl FILE|-` (a JSON Lines stream over
// IngestArticles) and `ingest-feed URL|FILE` (an RSS or Atom feed, with its pages).
#ifndef CLAIMS_CLI_INGEST_COMMANDS_H_
#define CLAIMS_CLI_INGEST_COMMANDS_H_

#include <iosfwd>
#include <string>

#include "absl/time/time.h"

namespace claims::cli {

struct JsonlOptions {
  std::string ingest_address;
  std::string path;  // "-" for stdin
  // A progress line (articles/s, claims) on stderr, redrawn in place; for terminals.
  bool progress = false;
};

// Reads one article a line in proto3 JSON (IngestArticleRequest: url, title, publisher,
// authors, publishedTime, text or html...; unknown fields are ignored, blank lines
// skipped), streams them over IngestArticles and prints a summary on `out`. A line that is
// not valid JSON, or whose article the server rejects, is reported on `err` with its line
// number ("line 12: ..."), and the others go in. Returns 0 when every line went in, 1 when
// some failed or the stream broke, 2 when the file cannot be read.
int RunIngestJsonl(const JsonlOptions& options, std::istream& in, std::ostream& out,
                   std::ostream& err);

struct FeedOptions {
  std::string ingest_address;
  std::string feed;      // http(s) URL or local file
  bool fetch_pages = true;
  absl::Duration fetch_timeout = absl::Seconds(15);
  size_t max_page_bytes = 4 << 20;
  std::string user_agent;  // "" = the default
  absl::Duration rpc_timeout = absl::Seconds(30);
};

// Ingests every item of a feed: its page when it can be fetched, else the item's content.
// Prints one line per item on `out` (article id, claims, new/replaced/unchanged, page or
// item, URL) and page problems on `err`. Returns 0 when every item went in, 1 otherwise.
int RunIngestFeed(const FeedOptions& options, std::ostream& out, std::ostream& err);

}  // namespace claims::cli

#endif  // CLAIMS_CLI_INGEST_COMMANDS_H_
