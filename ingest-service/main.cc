// claims-ingest: extracts claims from articles and is the sole writer of the database.

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/time/time.h"
#include "common/server_runner.h"
#include "ingest-service/extract/extractor.h"
#include "ingest-service/feeds/feed_poller.h"
#include "ingest-service/ingest_service.h"
#include "ingest-service/ingester.h"
#include "ingest-service/tagger/attribution_model.h"
#include "store/claim_store.h"

ABSL_FLAG(std::string, listen, claims::EnvOr("CLAIMS_LISTEN", "127.0.0.1:50051"),
          "address to serve on (env CLAIMS_LISTEN); port 0 picks a free port");
ABSL_FLAG(std::string, db, claims::EnvOr("CLAIMS_DB", "./data/claims"),
          "database directory, created if missing (env CLAIMS_DB)");
ABSL_FLAG(std::string, taxonomy, claims::EnvOr("CLAIMS_TAXONOMY", ""),
          "topic taxonomy file (env CLAIMS_TAXONOMY; default: the shipped one)");
ABSL_FLAG(std::string, attribution_model, claims::EnvOr("CLAIMS_ATTRIBUTION_MODEL", ""),
          "learned attribution model (env CLAIMS_ATTRIBUTION_MODEL; default: the shipped one; "
          "\"none\": the rules alone)");
ABSL_FLAG(std::string, organisations, claims::EnvOr("CLAIMS_ORGANISATIONS", ""),
          "organisation alias file (env CLAIMS_ORGANISATIONS; default: the shipped one)");

ABSL_FLAG(std::string, feeds, claims::EnvOr("CLAIMS_FEEDS", ""),
          "file listing RSS/Atom feed URLs, one a line, to poll and ingest (env CLAIMS_FEEDS)");
ABSL_FLAG(absl::Duration, feed_interval, absl::Minutes(15),
          "how often each feed is polled (e.g. 90s, 15m); a failing feed backs off up to 6h");
ABSL_FLAG(absl::Duration, fetch_timeout, absl::Seconds(15),
          "timeout of one feed or page download");
// Defaults: StreamOptions's (ingest_service.h says why they are what they are).
ABSL_FLAG(int, ingest_threads, claims::ingest::StreamOptions{}.worker_threads,
          "threads that extract and commit streamed articles (IngestArticles)");
ABSL_FLAG(int, stream_window, claims::ingest::StreamOptions{}.max_in_flight,
          "articles read ahead per IngestArticles stream (bounds its memory with 32 MiB)");

// jemalloc's settings (the MALLOC_CONF environment variable overrides them). They keep the
// resident size flat under a long stream (README, "Memory of claims-ingest"): two arenas
// (one per core; jemalloc's default of four per core keeps more memory dirty for the many
// ingest, gRPC and RocksDB threads), and freed pages handed back to the system after a
// second instead of ten.
extern "C" {
// NOLINTNEXTLINE: the name is jemalloc's contract.
const char* malloc_conf = "narenas:2,dirty_decay_ms:1000,muzzy_decay_ms:0";
}

namespace {

// Accepts --feed-interval as well as --feed_interval (Abseil flag names are identifiers).
std::vector<char*> DashesToUnderscores(int argc, char** argv, std::vector<std::string>* storage) {
  storage->reserve(argc);
  std::vector<char*> out;
  for (int i = 0; i < argc; ++i) {
    std::string arg = argv[i];
    if (i > 0 && arg.rfind("--", 0) == 0) {
      const size_t end = std::min(arg.find('='), arg.size());
      for (size_t j = 2; j < end; ++j) {
        if (arg[j] == '-') arg[j] = '_';
      }
    }
    storage->push_back(std::move(arg));
    out.push_back(storage->back().data());
  }
  out.push_back(nullptr);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "claims-ingest --listen ADDR --db DIR [--feeds FILE --feed-interval 15m]");
  claims::StartServerProcess();
  std::vector<std::string> arg_storage;
  std::vector<char*> args = DashesToUnderscores(argc, argv, &arg_storage);
  absl::ParseCommandLine(argc, args.data());
  std::vector<std::string> feed_urls;
  if (!absl::GetFlag(FLAGS_feeds).empty()) {
    auto urls = claims::feeds::ReadFeedList(absl::GetFlag(FLAGS_feeds));
    if (!urls.ok()) {
      std::cerr << "claims-ingest: " << urls.status().message() << std::endl;
      return 1;
    }
    feed_urls = *std::move(urls);
  }
  if (absl::GetFlag(FLAGS_feed_interval) <= absl::ZeroDuration()) {
    std::cerr << "claims-ingest: --feed-interval must be positive" << std::endl;
    return 1;
  }
  claims::extract::ExtractorOptions options = claims::extract::DefaultExtractorOptions();
  if (!absl::GetFlag(FLAGS_taxonomy).empty()) options.taxonomy_path = absl::GetFlag(FLAGS_taxonomy);
  if (!absl::GetFlag(FLAGS_organisations).empty()) {
    options.organisations_path = absl::GetFlag(FLAGS_organisations);
  }
  auto extractor = claims::tagger::CreateExtractor(options, absl::GetFlag(FLAGS_attribution_model));
  if (!extractor.ok()) {
    std::cerr << "claims-ingest: " << extractor.status().message() << std::endl;
    return 1;
  }
  claims::store::PrimaryOptions store_options;
  // This process only writes; claims-query reads through secondaries.
  store_options.memtables = claims::store::MemtableLayout::kForWrites;
  auto store = claims::store::ClaimStore::OpenPrimary(absl::GetFlag(FLAGS_db), store_options);
  if (!store.ok()) {
    std::cerr << "claims-ingest: " << store.status().message() << std::endl;
    return 1;
  }
  claims::ingest::Ingester ingester(extractor->get(), store->get());
  if (auto s = ingester.RegisterCatalogues(); !s.ok()) {
    std::cerr << "claims-ingest: " << s.message() << std::endl;
    return 1;
  }
  claims::ingest::StreamOptions stream_options;
  stream_options.worker_threads = std::max(1, absl::GetFlag(FLAGS_ingest_threads));
  stream_options.max_in_flight = std::max(1, absl::GetFlag(FLAGS_stream_window));
  claims::ingest::IngestServiceImpl service(&ingester, stream_options);
  std::unique_ptr<claims::feeds::FeedPoller> poller;
  if (!feed_urls.empty()) {
    claims::feeds::PollerOptions poller_options;
    poller_options.interval = absl::GetFlag(FLAGS_feed_interval);
    poller_options.fetch.timeout = absl::GetFlag(FLAGS_fetch_timeout);
    poller = std::make_unique<claims::feeds::FeedPoller>(
        std::move(feed_urls), poller_options,
        [&ingester](const claims::v1::IngestArticleRequest& request) {
          return ingester.Ingest(request);
        },
        [&ingester](const std::string& url) {
          claims::v1::DeleteArticleRequest request;
          request.set_url(url);
          return ingester.Delete(request).status();
        },
        &std::cerr);
  }
  const absl::Status status = claims::RunServerUntilSignalled(
      {absl::GetFlag(FLAGS_listen), "claims-ingest", {"claims.v1.IngestService"}}, {&service},
      [&poller](grpc::Server*) {
        if (poller != nullptr) poller->Start();
      });
  if (poller != nullptr) poller->Stop();  // before the store closes
  if (!status.ok()) {
    std::cerr << "claims-ingest: " << status.message() << std::endl;
    return 1;
  }
  return 0;
}
