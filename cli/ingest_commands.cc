#include "cli/ingest_commands.h"

#include <google/protobuf/util/json_util.h>
#include <grpcpp/grpcpp.h>

#include <atomic>
#include <deque>
#include <fstream>
#include <iostream>
#include <mutex>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "claims/v1/ingest.grpc.pb.h"
#include "cli/format.h"
#include "ingest-service/extract/extractor.h"
#include "ingest-service/feeds/feed_articles.h"

namespace claims::cli {
namespace {

std::shared_ptr<grpc::Channel> IngestChannel(const std::string& address) {
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(64 << 20);
  args.SetMaxSendMessageSize(64 << 20);
  return grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(), args);
}

std::string CodeName(int code) {
  return absl::StatusCodeToString(static_cast<absl::StatusCode>(code));
}

// Counters shared by the writing thread, the reading thread and the progress line.
struct Tally {
  std::atomic<int64_t> sent{0}, done{0}, added{0}, replaced{0}, unchanged{0}, claims{0};
  std::atomic<int64_t> bad_lines{0}, rejected{0};
  std::atomic<int64_t> bytes_read{0};
};

// An article the server would reject for its size anyway; sending it would exceed gRPC's
// message limit and end the whole stream, so it is reported here instead.
std::string OversizeField(const claims::v1::IngestArticleRequest& r) {
  if (r.text().size() > extract::kMaxArticleBytes) return "text";
  if (r.html().size() > extract::kMaxArticleBytes) return "html";
  if (r.content().size() > extract::kMaxArticleBytes) return "content";
  return "";
}

}  // namespace

int RunIngestJsonl(const JsonlOptions& options, std::istream& in, std::ostream& out,
                   std::ostream& err) {
  std::ifstream file;
  std::istream* input = &in;
  int64_t total_bytes = 0;
  if (options.path != "-") {
    file.open(options.path, std::ios::binary | std::ios::ate);
    if (!file) {
      err << "claimctl: " << options.path << ": cannot open\n";
      return 2;
    }
    total_bytes = static_cast<int64_t>(file.tellg());
    file.seekg(0);
    input = &file;
  }

  auto stub = claims::v1::IngestService::NewStub(IngestChannel(options.ingest_address));
  grpc::ClientContext context;  // no deadline: a stream lasts as long as its input
  auto stream = stub->IngestArticles(&context);

  Tally tally;
  std::mutex mu;  // guards `lines` and writes to `err`
  std::deque<int64_t> lines;  // line number of each request sent and not yet answered
  bool progress_shown = false;
  auto report = [&](const std::string& message) {
    std::lock_guard<std::mutex> lock(mu);
    if (progress_shown) err << "\r\033[K";
    err << "claimctl: " << message << "\n";
  };

  const absl::Time start = absl::Now();
  std::thread writer([&] {
    google::protobuf::util::JsonParseOptions json;
    json.ignore_unknown_fields = true;  // pipelines carry fields of their own
    std::string line;
    for (int64_t n = 1; std::getline(*input, line); ++n) {
      tally.bytes_read += static_cast<int64_t>(line.size()) + 1;
      if (absl::StripAsciiWhitespace(line).empty()) continue;
      claims::v1::IngestArticleRequest request;
      const auto status = google::protobuf::util::JsonStringToMessage(line, &request, json);
      if (!status.ok()) {
        ++tally.bad_lines;
        std::string why(status.message().data(), status.message().size());
        why = why.substr(0, why.find('\n'));  // protobuf adds the line and a caret
        report(absl::StrCat("line ", n, ": not an article in proto3 JSON: ", why));
        continue;
      }
      const std::string oversize = OversizeField(request);
      if (!oversize.empty()) {
        ++tally.bad_lines;
        report(absl::StrCat("line ", n, ": ", oversize, ": larger than the limit of ",
                            extract::kMaxArticleBytes, " bytes (RESOURCE_EXHAUSTED)"));
        continue;
      }
      {
        std::lock_guard<std::mutex> lock(mu);
        lines.push_back(n);
      }
      // Only counts are shown: the server need not send the article and its claims back.
      request.set_response_view(claims::v1::INGEST_RESPONSE_VIEW_BASIC);
      ++tally.sent;
      if (!stream->Write(request)) break;  // the stream broke; Finish says why
    }
    stream->WritesDone();
  });

  std::atomic<bool> finished{false};
  std::thread progress;
  if (options.progress) {
    progress = std::thread([&] {
      while (!finished) {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        const double seconds = absl::ToDoubleSeconds(absl::Now() - start);
        const int64_t done = tally.done;
        std::string bar;
        if (total_bytes > 0) {
          const int width = 24;
          const int filled = static_cast<int>(width * std::min<int64_t>(tally.bytes_read, total_bytes) / total_bytes);
          bar = absl::StrCat("[", std::string(filled, '#'), std::string(width - filled, '.'), "] ",
                             100 * std::min<int64_t>(tally.bytes_read, total_bytes) / total_bytes, "%  ");
        }
        std::lock_guard<std::mutex> lock(mu);
        err << "\r\033[K" << bar << done << " articles  "
            << absl::StrFormat("%.0f", seconds > 0 ? done / seconds : 0.0) << "/s  "
            << tally.claims.load() << " claims  " << tally.bad_lines + tally.rejected << " failed"
            << std::flush;
        progress_shown = true;
      }
    });
  }

  claims::v1::IngestArticlesResponse response;
  while (stream->Read(&response)) {
    int64_t line = 0;
    {
      std::lock_guard<std::mutex> lock(mu);
      if (!lines.empty()) {
        line = lines.front();
        lines.pop_front();
      }
    }
    ++tally.done;
    if (response.code() != 0) {
      ++tally.rejected;
      report(absl::StrCat("line ", line, ": ", response.message(), " (", CodeName(response.code()),
                          response.error_info().reason().empty() ? "" : ", ", response.error_info().reason(),
                          ")"));
      continue;
    }
    const auto& result = response.result();
    tally.claims += result.article().claim_count();
    if (result.unchanged()) {
      ++tally.unchanged;
    } else if (result.replaced()) {
      ++tally.replaced;
    } else {
      ++tally.added;
    }
  }
  writer.join();
  const grpc::Status status = stream->Finish();
  finished = true;
  if (progress.joinable()) progress.join();
  if (progress_shown) err << "\r\033[K" << std::flush;

  const double seconds = absl::ToDoubleSeconds(absl::Now() - start);
  const int64_t failed = tally.bad_lines + tally.rejected;
  out << absl::StrFormat(
      "ingested %d articles in %.1f s (%.0f/s): %d new, %d replaced, %d unchanged; %d claims; "
      "%d failed (%d bad lines, %d rejected)\n",
      tally.done - tally.rejected, seconds, seconds > 0 ? tally.done / seconds : 0.0,
      tally.added.load(), tally.replaced.load(), tally.unchanged.load(), tally.claims.load(), failed,
      tally.bad_lines.load(), tally.rejected.load());
  if (!status.ok()) {
    err << "claimctl: stream ended: " << status.error_message() << " ("
        << CodeName(status.error_code()) << "); " << tally.sent - tally.done
        << " articles sent were not acknowledged\n";
    return 1;
  }
  return failed > 0 ? 1 : 0;
}

int RunIngestFeed(const FeedOptions& options, std::ostream& out, std::ostream& err) {
  feeds::FetchOptions fetch;
  fetch.timeout = options.fetch_timeout;
  fetch.max_bytes = options.max_page_bytes;
  if (!options.user_agent.empty()) fetch.user_agent = options.user_agent;
  const feeds::HttpFetcher fetcher(fetch);
  feeds::FetchResult fetched;
  absl::StatusOr<feeds::Feed> feed = feeds::LoadFeed(options.feed, fetcher, nullptr, &fetched);
  if (!feed.ok()) {
    err << "claimctl: " << feed.status().message() << "\n";
    return 1;
  }
  const std::string feed_url = fetched.effective_url.empty() ? options.feed : fetched.effective_url;
  auto stub = claims::v1::IngestService::NewStub(IngestChannel(options.ingest_address));
  int failed = 0, from_item = 0;
  for (size_t i = 0; i < feed->items.size(); ++i) {
    const feeds::FeedItem& item = feed->items[i];
    const std::string name = absl::StrCat("item ", i + 1, " '", item.title, "'");
    absl::StatusOr<feeds::FeedArticle> article = feeds::BuildFeedArticle(
        *feed, item, feed_url, options.fetch_pages ? &fetcher : nullptr);
    if (!article.ok()) {
      err << "claimctl: " << name << ": " << article.status().message() << "\n";
      ++failed;
      continue;
    }
    if (!article->page_error.empty()) {
      err << "claimctl: " << name << ": page unavailable (" << article->page_error
          << "); using the item's content\n";
    }
    if (!article->from_page) ++from_item;
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() +
                         absl::ToChronoMilliseconds(options.rpc_timeout));
    claims::v1::IngestArticleResponse response;
    const grpc::Status status = stub->IngestArticle(&context, article->request, &response);
    if (!status.ok()) {
      err << "claimctl: " << name << ": " << DescribeError(status) << "\n";
      ++failed;
      continue;
    }
    if (!article->superseded_url.empty() && response.article().url() != article->superseded_url) {
      // An earlier run may have stored the item's own content under the item's URL.
      grpc::ClientContext delete_context;
      delete_context.set_deadline(std::chrono::system_clock::now() +
                                  absl::ToChronoMilliseconds(options.rpc_timeout));
      claims::v1::DeleteArticleRequest superseded;
      superseded.set_url(article->superseded_url);
      claims::v1::DeleteArticleResponse deleted;
      const grpc::Status s = stub->DeleteArticle(&delete_context, superseded, &deleted);
      if (s.ok()) {
        err << "claimctl: " << name << ": replaced the version from the item's content ("
            << deleted.article_id() << ")\n";
      }
    }
    out << response.article().id() << "\t" << response.claims_size() << " claims\t"
        << (response.unchanged() ? "unchanged" : response.replaced() ? "replaced" : "new") << "\t"
        << (article->from_page ? "page" : "item") << "\t"
        << (response.article().url().empty() ? item.title : response.article().url()) << "\n";
  }
  err << "claimctl: " << feed->items.size() << " items, " << feed->items.size() - failed
      << " ingested (" << from_item << " from the item's own content), " << failed << " failed\n";
  return failed > 0 ? 1 : 0;
}

}  // namespace claims::cli
