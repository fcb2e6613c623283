// Streaming ingestion against a real claims-ingest process: articles/s with durable
// acknowledgements (IngestArticles), and the server's resident memory (VmRSS) over time while
// a producer streams as fast as it can. Prints figures; asserts nothing.
//
//   build-feeds/bench/ingest_stream_bench [--articles N] [--threads T] [--window W]
//                                         [--server PATH] [--db DIR] [--view basic|full]
//
// --server runs another claims-ingest binary (default: the one built with this bench), so
// that two builds can be compared back to back, e.g. a copy of main's. --db writes the
// database into DIR (which must not hold one) and keeps it, to inspect its files and LOG.
// --view is the response view the requests ask for: basic (the default: acknowledgements,
// as a pipeline such as `claimctl ingest --jsonl` asks) or full (every article and its
// claims sent back).
//
// Articles are the fixture articles (tests/fixtures/articles/*.txt) varied so that each one is
// unique: another place, other people, other numbers, an extra paragraph, its own URL.
#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <grpcpp/grpcpp.h>

#include "absl/strings/str_cat.h"
#include "bench/bench_articles.h"
#include "claims/v1/ingest.grpc.pb.h"
#include "ingest-service/ingest_service.h"
#include "tests/testing/server_process.h"
#include "tests/testing/temp_dir.h"

namespace {

using claims::v1::IngestArticleRequest;
using claims::v1::IngestArticlesResponse;
using claims::bench::MakeArticle;

// CPU seconds the process `pid` has used, in user and in system (kernel) mode.
struct CpuTimes {
  double user = 0, system = 0;
  double total() const { return user + system; }
  CpuTimes operator-(const CpuTimes& earlier) const { return {user - earlier.user, system - earlier.system}; }
};

CpuTimes CpuSeconds(int pid) {
  std::ifstream f("/proc/" + std::to_string(pid) + "/stat");
  std::string stat((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  const size_t paren = stat.rfind(')');
  if (paren == std::string::npos) return {};
  // Fields after "pid (comm)": state is field 3; utime and stime are fields 14 and 15.
  std::istringstream rest(stat.substr(paren + 2));
  std::string field;
  long long utime = 0, stime = 0;
  for (int i = 3; i <= 15 && rest >> field; ++i) {
    if (i == 14) utime = std::atoll(field.c_str());
    if (i == 15) stime = std::atoll(field.c_str());
  }
  const double tick = static_cast<double>(sysconf(_SC_CLK_TCK));
  return {utime / tick, stime / tick};
}

int64_t RssKb(int pid) {
  std::ifstream f("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(f, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::atoll(line.c_str() + 6);
  }
  return -1;
}

}  // namespace

int main(int argc, char** argv) {
  int64_t articles = 10000;
  const claims::ingest::StreamOptions defaults;  // claims-ingest's, unless given
  std::string threads = std::to_string(defaults.worker_threads),
              window = std::to_string(defaults.max_in_flight), server_bin = CLAIMS_INGEST_BIN,
              db_dir, view = "basic";
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--articles") articles = std::atoll(argv[i + 1]);
    if (flag == "--threads") threads = argv[i + 1];
    if (flag == "--window") window = argv[i + 1];
    if (flag == "--server") server_bin = argv[i + 1];
    if (flag == "--db") db_dir = argv[i + 1];
    if (flag == "--view") view = argv[i + 1];
  }
  if (view != "basic" && view != "full") {
    std::cerr << "--view: basic or full\n";
    return 1;
  }
  const claims::v1::IngestResponseView response_view =
      view == "basic" ? claims::v1::INGEST_RESPONSE_VIEW_BASIC : claims::v1::INGEST_RESPONSE_VIEW_FULL;
  const std::vector<std::string> fixtures = claims::bench::LoadFixtures(CLAIMS_FIXTURES);
  if (fixtures.empty()) {
    std::cerr << "no fixtures under " << CLAIMS_FIXTURES << "\n";
    return 1;
  }
  claims::testing::TempDir dir;
  claims::testing::ServerProcess server(
      server_bin, {"--listen=127.0.0.1:0", "--db=" + (db_dir.empty() ? dir.Sub("db") : db_dir), "--ingest_threads=" + threads,
                          "--stream_window=" + window});
  if (server.address().empty()) {
    std::cerr << "claims-ingest did not start: " << server.ReadStderr() << "\n";
    return 1;
  }
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(64 << 20);
  auto stub = claims::v1::IngestService::NewStub(
      grpc::CreateCustomChannel(server.address(), grpc::InsecureChannelCredentials(), args));

  int64_t bytes = 0;
  for (int64_t i = 0; i < std::min<int64_t>(articles, 1000); ++i) bytes += MakeArticle(fixtures, i).text().size();
  std::cout << server_bin << " (pid " << server.pid() << ") --ingest_threads=" << threads
            << " --stream_window=" << window << "; view " << view << "; " << articles << " articles, about "
            << bytes / std::min<int64_t>(articles, 1000) << " bytes of text each\n";
  const int64_t rss_start = RssKb(server.pid());
  const CpuTimes server_cpu_start = CpuSeconds(server.pid());

  grpc::ClientContext context;
  auto stream = stub->IngestArticles(&context);
  std::atomic<int64_t> acked{0};
  std::atomic<bool> done{false};
  const auto start = std::chrono::steady_clock::now();
  std::thread writer([&] {
    for (int64_t i = 0; i < articles; ++i) {
      IngestArticleRequest request = MakeArticle(fixtures, i);
      request.set_response_view(response_view);
      if (!stream->Write(request)) break;
    }
    stream->WritesDone();
  });
  int64_t rss_max = rss_start;
  std::vector<std::pair<double, int64_t>> samples;  // (seconds, RSS KB)
  std::thread sampler([&] {
    while (!done) {
      const int64_t rss = RssKb(server.pid());
      rss_max = std::max(rss_max, rss);
      samples.emplace_back(
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), rss);
      std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
  });
  IngestArticlesResponse response;
  int64_t claims = 0, failed = 0, next_report = articles / 10;
  while (stream->Read(&response)) {
    const int64_t n = ++acked;
    if (response.code() != 0) {
      ++failed;
      if (failed < 5) std::cerr << "article " << response.index() << ": " << response.message() << "\n";
    }
    claims += response.result().article().claim_count();
    if (n == next_report) {
      const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::printf("  %8lld acked  %6.1f s  %7.0f articles/s  server RSS %6.1f MB\n",
                  static_cast<long long>(n), s, n / s, RssKb(server.pid()) / 1024.0);
      std::fflush(stdout);
      next_report += articles / 10;
    }
  }
  writer.join();
  const grpc::Status status = stream->Finish();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const CpuTimes server_cpu = CpuSeconds(server.pid()) - server_cpu_start;
  rusage own;
  getrusage(RUSAGE_SELF, &own);
  const double client_cpu = own.ru_utime.tv_sec + own.ru_stime.tv_sec +
                            (own.ru_utime.tv_usec + own.ru_stime.tv_usec) / 1e6;
  auto per_article_ms = [&](double cpu_seconds) {
    return cpu_seconds * 1000 / std::max<int64_t>(1, acked);
  };
  done = true;
  sampler.join();
  if (!status.ok()) std::cerr << "stream: " << status.error_message() << "\n";
  // RSS after the first 10% of the run (warm: RocksDB memtables, caches, gRPC buffers
  // allocated) against the highest seen afterwards.
  int64_t rss_warm = -1, rss_after_warm_max = 0;
  for (const auto& [t, kb] : samples) {
    if (t >= seconds * 0.1 && rss_warm < 0) rss_warm = kb;
    if (t >= seconds * 0.1) rss_after_warm_max = std::max(rss_after_warm_max, kb);
  }
  std::printf(
      "%lld articles acknowledged (durable) in %.2f s: %.0f articles/s; %lld claims; %lld failed\n"
      "server RSS: %.1f MB at start, %.1f MB at 10%% of the run, max %.1f MB (%.1f MB above the "
      "10%% mark), %.1f MB at the end\n"
      "CPU per article: server %.2f ms (user %.2f, system %.2f), this client %.2f ms (%.2f cores "
      "busy on average)\n",
      static_cast<long long>(acked.load()), seconds, acked / seconds, static_cast<long long>(claims),
      static_cast<long long>(failed), rss_start / 1024.0, rss_warm / 1024.0, rss_max / 1024.0,
      (rss_after_warm_max - rss_warm) / 1024.0, RssKb(server.pid()) / 1024.0,
      per_article_ms(server_cpu.total()), per_article_ms(server_cpu.user),
      per_article_ms(server_cpu.system), per_article_ms(client_cpu),
      (server_cpu.total() + client_cpu) / seconds);
  // A server under valgrind (bench/ingest_callgrind.sh) takes long to close its database and
  // write its profile: give it two minutes before SIGKILL rather than the default 15 s.
  server.Terminate(120000);
  return status.ok() && failed == 0 ? 0 : 1;
}
