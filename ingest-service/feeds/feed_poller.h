// The feed loop of `claims-ingest --feeds FILE --feed-interval D`: polls a list of feeds
// with conditional requests, ingests new and changed items, backs off per feed on errors.
#ifndef CLAIMS_INGEST_SERVICE_FEEDS_FEED_POLLER_H_
#define CLAIMS_INGEST_SERVICE_FEEDS_FEED_POLLER_H_

#include <atomic>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "claims/v1/ingest.pb.h"
#include "ingest-service/feeds/http_fetcher.h"

namespace claims::feeds {

// Reads a feed list: one http(s) URL per line; blank lines and lines starting with '#' are
// ignored. Errors: NOT_FOUND (cannot open), INVALID_ARGUMENT naming the line of anything
// that is not an http(s) URL, or when the list names no feed.
absl::StatusOr<std::vector<std::string>> ReadFeedList(const std::string& path);

struct PollerOptions {
  absl::Duration interval = absl::Minutes(15);
  // After N consecutive failures a feed waits interval * 2^N, at most this long.
  absl::Duration max_backoff = absl::Hours(6);
  FetchOptions fetch;
};

// What one poll of one feed did (also logged, one line per feed and poll).
struct FeedPollReport {
  std::string feed_url;
  bool not_modified = false;
  int items = 0;
  int skipped_seen = 0;  // items already ingested by an earlier poll, unchanged in the feed
  int added = 0, replaced = 0, unchanged = 0, failed = 0;
  int64_t claims = 0;
  absl::Status status;  // of the feed fetch/parse itself
  absl::Duration next_in;
};

// Owns one thread (after Start). Start/Stop/Report may be called from any thread; the sink is
// called from the poller's thread only.
class FeedPoller {
 public:
  // Ingests one request durably; in claims-ingest, Ingester::Ingest.
  using Sink = std::function<absl::StatusOr<claims::v1::IngestArticleResponse>(
      const claims::v1::IngestArticleRequest&)>;

  // Deletes the article stored under a URL (see FeedArticle::superseded_url); NOT_FOUND is
  // expected and ignored. In claims-ingest, Ingester::Delete.
  using Remover = std::function<absl::Status(const std::string& url)>;

  // `log` (not owned, may be null) receives one line per poll of a feed.
  FeedPoller(std::vector<std::string> feed_urls, PollerOptions options, Sink sink,
             Remover remover, std::ostream* log);
  // Stops (see Stop).
  ~FeedPoller();

  // Starts polling every feed at once, then each when it is due.
  void Start();
  // Cancels transfers in progress and joins the thread. Idempotent.
  void Stop();

  // Polls every feed now, in this thread (tests; not while Start()ed).
  std::vector<FeedPollReport> PollAllOnce();

  // Reports of the most recent poll of each feed, in list order.
  std::vector<FeedPollReport> LastReports() const;

 private:
  struct FeedState {
    std::string url;
    Validators validators;
    int failures = 0;
    absl::Time next_due = absl::InfinitePast();
    // Item key (GUID, else link) -> fingerprint of what was ingested, so an unchanged item is
    // not fetched again on the next poll. Items that failed are not remembered (retried).
    absl::flat_hash_map<std::string, std::string> seen;
    FeedPollReport last;
  };

  FeedPollReport PollFeed(FeedState* feed);
  void Run();

  const PollerOptions options_;
  const Sink sink_;
  const Remover remover_;
  std::ostream* const log_;
  const HttpFetcher fetcher_;

  std::vector<std::unique_ptr<FeedState>> feeds_;  // touched by the polling thread only
  std::atomic<bool> stop_{false};
  mutable absl::Mutex mu_;
  absl::CondVar wake_;
  std::vector<FeedPollReport> reports_ ABSL_GUARDED_BY(mu_);
  std::thread thread_;
};

}  // namespace claims::feeds

#endif  // CLAIMS_INGEST_SERVICE_FEEDS_FEED_POLLER_H_
