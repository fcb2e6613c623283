#include "ingest-service/feeds/feed_poller.h"

#include <algorithm>
#include <fstream>
#include <ostream>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "common/text_keys.h"
#include "ingest-service/feeds/feed_articles.h"
#include "ingest-service/feeds/feed_parser.h"

namespace claims::feeds {
namespace {

std::string ItemKey(const FeedItem& item) { return item.guid.empty() ? item.link : item.guid; }

// Changes when the feed says the item changed (a new time, title or content).
std::string ItemFingerprint(const FeedItem& item) {
  return Sha256Hex(absl::StrCat(item.title, "\n", item.link, "\n",
                                item.updated ? absl::FormatTime(*item.updated) : "", "\n",
                                item.published ? absl::FormatTime(*item.published) : "", "\n",
                                item.content));
}

}  // namespace

absl::StatusOr<std::vector<std::string>> ReadFeedList(const std::string& path) {
  std::ifstream file(path);
  if (!file) return absl::NotFoundError(absl::StrCat("feed list ", path, ": cannot open"));
  std::vector<std::string> urls;
  std::string line;
  for (int n = 1; std::getline(file, line); ++n) {
    const absl::string_view v = absl::StripAsciiWhitespace(line);
    if (v.empty() || v[0] == '#') continue;
    const std::string lower = absl::AsciiStrToLower(v.substr(0, 8));
    if (!absl::StartsWith(lower, "http://") && !absl::StartsWith(lower, "https://")) {
      return absl::InvalidArgumentError(
          absl::StrCat("feed list ", path, " line ", n, ": not an http(s) URL: ", v));
    }
    urls.emplace_back(v);
  }
  if (urls.empty()) return absl::InvalidArgumentError(absl::StrCat("feed list ", path, ": no feeds"));
  return urls;
}

FeedPoller::FeedPoller(std::vector<std::string> feed_urls, PollerOptions options, Sink sink,
                       Remover remover, std::ostream* log)
    : options_(std::move(options)),
      sink_(std::move(sink)),
      remover_(std::move(remover)),
      log_(log),
      fetcher_(options_.fetch) {
  for (auto& url : feed_urls) {
    auto state = std::make_unique<FeedState>();
    state->url = std::move(url);
    feeds_.push_back(std::move(state));
  }
  reports_.resize(feeds_.size());
}

FeedPoller::~FeedPoller() { Stop(); }

void FeedPoller::Start() {
  if (thread_.joinable()) return;
  thread_ = std::thread([this] { Run(); });
}

void FeedPoller::Stop() {
  {
    absl::MutexLock lock(&mu_);
    stop_ = true;
    wake_.SignalAll();
  }
  if (thread_.joinable()) thread_.join();
}

std::vector<FeedPollReport> FeedPoller::PollAllOnce() {
  std::vector<FeedPollReport> out;
  for (auto& feed : feeds_) out.push_back(PollFeed(feed.get()));
  return out;
}

std::vector<FeedPollReport> FeedPoller::LastReports() const {
  absl::MutexLock lock(&mu_);
  return reports_;
}

void FeedPoller::Run() {
  while (!stop_) {
    const absl::Time now = absl::Now();
    absl::Time next = absl::InfiniteFuture();
    for (auto& feed : feeds_) {
      if (stop_) return;
      if (feed->next_due <= now) PollFeed(feed.get());
      next = std::min(next, feed->next_due);
    }
    absl::MutexLock lock(&mu_);
    if (!stop_) wake_.WaitWithDeadline(&mu_, next);
  }
}

FeedPollReport FeedPoller::PollFeed(FeedState* feed) {
  FeedPollReport report;
  report.feed_url = feed->url;
  FetchResult fetched;
  absl::StatusOr<Feed> parsed = LoadFeed(feed->url, fetcher_, &feed->validators, &fetched, &stop_);
  if (!parsed.ok()) {
    report.status = parsed.status();
    ++feed->failures;
    // interval * 2^failures, capped: a broken feed is asked less and less often.
    absl::Duration wait = options_.interval;
    for (int i = 0; i < feed->failures && wait < options_.max_backoff; ++i) wait *= 2;
    report.next_in = std::min(wait, options_.max_backoff);
  } else {
    feed->failures = 0;
    report.next_in = options_.interval;
    feed->validators = fetched.validators;
    report.not_modified = fetched.not_modified;
    report.items = static_cast<int>(parsed->items.size());
    for (const FeedItem& item : parsed->items) {
      if (stop_) break;
      const std::string key = ItemKey(item);
      const std::string fingerprint = ItemFingerprint(item);
      auto it = feed->seen.find(key);
      if (!key.empty() && it != feed->seen.end() && it->second == fingerprint) {
        ++report.skipped_seen;
        continue;
      }
      absl::StatusOr<FeedArticle> article =
          BuildFeedArticle(*parsed, item, fetched.effective_url.empty() ? feed->url : fetched.effective_url,
                           &fetcher_, &stop_);
      absl::StatusOr<claims::v1::IngestArticleResponse> response =
          article.ok() ? sink_(article->request)
                       : absl::StatusOr<claims::v1::IngestArticleResponse>(article.status());
      if (!response.ok()) {
        ++report.failed;
        if (log_ != nullptr && !stop_) {
          absl::MutexLock lock(&mu_);  // also serialises the log
          *log_ << "claims-ingest: feed " << feed->url << ": item '"
                << (item.title.empty() ? key : item.title) << "': " << response.status().message()
                << std::endl;
        }
        continue;
      }
      if (!article->superseded_url.empty() && remover_ &&
          response->article().url() != article->superseded_url) {
        const absl::Status removed = remover_(article->superseded_url);
        if (!removed.ok() && !absl::IsNotFound(removed) && log_ != nullptr) {
          absl::MutexLock lock(&mu_);
          *log_ << "claims-ingest: feed " << feed->url << ": " << removed.message() << std::endl;
        }
      }
      // Only a complete ingestion from the page is final; an item ingested from its own
      // content is fetched again next time, in case the page has come back.
      if (!key.empty() && (article->from_page || article->page_error.empty())) {
        feed->seen[key] = fingerprint;
      }
      report.claims += response->claims_size();
      if (response->unchanged()) {
        ++report.unchanged;
      } else if (response->replaced()) {
        ++report.replaced;
      } else {
        ++report.added;
      }
    }
  }
  feed->next_due = absl::Now() + report.next_in;
  absl::MutexLock lock(&mu_);
  for (size_t i = 0; i < feeds_.size(); ++i) {
    if (feeds_[i].get() == feed) reports_[i] = report;
  }
  if (log_ != nullptr) {
    *log_ << "claims-ingest: feed " << feed->url << ": ";
    if (!report.status.ok()) {
      *log_ << report.status.message() << " (failure " << feed->failures << ", retry in "
            << absl::FormatDuration(report.next_in) << ")";
    } else if (report.not_modified) {
      *log_ << "not modified";
    } else {
      *log_ << report.items << " items: " << report.added << " new, " << report.replaced
            << " replaced, " << report.unchanged << " unchanged, " << report.skipped_seen
            << " seen before, " << report.failed << " failed; " << report.claims << " claims";
    }
    *log_ << std::endl;
  }
  return report;
}

}  // namespace claims::feeds
