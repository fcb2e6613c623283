#include "cli/claimctl.h"

#include <grpcpp/grpcpp.h>
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <thread>

#include "CLI/CLI.hpp"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "claims/v1/ingest.grpc.pb.h"
#include "claims/v1/query.grpc.pb.h"
#include "cli/format.h"
#include "cli/ingest_commands.h"
#include "common/grpc_status.h"
#include "common/server_runner.h"
#include "common/timestamps.h"
#include "ingest-service/eval/corpus_eval.h"
#include "ingest-service/extract/extractor.h"
#include "ingest-service/tagger/attribution_model.h"
#include "ingest-service/extract/request_content.h"
#include "grpc/health/v1/health.grpc.pb.h"

namespace claims::cli {
namespace {

struct Globals {
  std::string ingest_address = EnvOr("CLAIMS_INGEST_ADDR", "127.0.0.1:50051");
  std::string query_address = EnvOr("CLAIMS_QUERY_ADDR", "127.0.0.1:50052");
  double timeout_seconds = 30;
};

struct FilterFlags {
  std::vector<std::string> organisations, topics, speakers, kinds;
  std::string from, to, article;
  std::string expression;  // --filter, AIP-160 syntax
};

void AddFilterFlags(CLI::App* cmd, FilterFlags* f) {
  cmd->add_option("--organisation,--org", f->organisations,
                  "organisation id, name or alias (repeat for any-of)");
  cmd->add_option("--topic", f->topics, "topic id or label (repeat for any-of)");
  cmd->add_option("--speaker", f->speakers, "speaker id, name or alias (repeat for any-of)");
  cmd->add_option("--kind", f->kinds, "quote, indirect or mixed (repeat for any-of)");
  cmd->add_option("--from", f->from, "claims made on or after this date (YYYY-MM-DD or RFC 3339)");
  cmd->add_option("--to", f->to, "claims made up to this date, inclusive for YYYY-MM-DD, exclusive for a time");
  cmd->add_option("--article", f->article, "only claims of this article id");
  cmd->add_option("--filter", f->expression,
                  "filter expression, e.g. 'organisation = \"NHS England\" AND claim_time >= \"2025-07-01\"'");
}

absl::StatusOr<claims::v1::ClaimFilter> BuildFilter(const FilterFlags& f) {
  claims::v1::ClaimFilter filter;
  for (const auto& v : f.organisations) filter.add_organisations(v);
  for (const auto& v : f.topics) filter.add_topics(v);
  for (const auto& v : f.speakers) filter.add_speakers(v);
  for (const auto& k : f.kinds) {
    if (k == "quote" || k == "direct" || k == "DIRECT_QUOTE") {
      filter.add_kinds(claims::v1::Claim::DIRECT_QUOTE);
    } else if (k == "indirect" || k == "INDIRECT") {
      filter.add_kinds(claims::v1::Claim::INDIRECT);
    } else if (k == "mixed" || k == "MIXED") {
      filter.add_kinds(claims::v1::Claim::MIXED);
    } else {
      return absl::InvalidArgumentError(absl::StrCat("--kind: expected quote, indirect or mixed, got '", k, "'"));
    }
  }
  bool date_only = false;
  if (!f.from.empty()) {
    auto t = ParseDateFlag(f.from, "--from", &date_only);
    if (!t.ok()) return t.status();
    SetTimestamp(*t, filter.mutable_start_time());
  }
  if (!f.to.empty()) {
    auto t = ParseDateFlag(f.to, "--to", &date_only);
    if (!t.ok()) return t.status();
    // The whole last day for a date (up to the last representable instant for 9999-12-31);
    // a time as given, to the nanosecond.
    absl::Time end = date_only ? *t + absl::Hours(24) : *t;
    const absl::Time last = absl::FromUnixSeconds(kMaxTimestampSeconds) + absl::Nanoseconds(999999999);
    if (end > last) end = last;
    SetTimestamp(end, filter.mutable_end_time());
  }
  filter.set_article_id(f.article);
  return filter;
}

std::unique_ptr<grpc::ClientContext> Context(const Globals& g) {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(std::chrono::system_clock::now() +
                        std::chrono::milliseconds(static_cast<int64_t>(g.timeout_seconds * 1000)));
  return context;
}

std::shared_ptr<grpc::Channel> Channel(const std::string& address) {
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(64 << 20);
  args.SetMaxSendMessageSize(64 << 20);
  return grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(), args);
}

int Fail(std::ostream& err, const std::string& what, const grpc::Status& status) {
  err << "claimctl: " << what << ": " << DescribeError(status) << "\n";
  return 1;
}

int Fail(std::ostream& err, const absl::Status& status) {
  err << "claimctl: " << status.message() << "\n";
  return status.code() == absl::StatusCode::kInvalidArgument ? 2 : 1;
}

absl::StatusOr<std::string> ReadInput(const std::string& path, std::istream& in) {
  if (path == "-") return std::string(std::istreambuf_iterator<char>(in), {});
  std::ifstream file(path, std::ios::binary);
  if (!file) return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
  return std::string(std::istreambuf_iterator<char>(file), {});
}

struct ArticleFlags {
  std::string url, title, publisher, published;
  std::vector<std::string> authors;
};

void AddArticleFlags(CLI::App* cmd, ArticleFlags* a) {
  cmd->add_option("--url", a->url, "the article's URL (identifies it: re-ingesting replaces)");
  cmd->add_option("--title", a->title, "title");
  cmd->add_option("--publisher", a->publisher, "publisher");
  cmd->add_option("--author", a->authors, "author (repeatable)");
  cmd->add_option("--published", a->published, "publication date (YYYY-MM-DD or RFC 3339)");
}

// A file that is a feed or JSON rather than an article, with the command that reads it;
// OK otherwise. (Read as an article, an RSS file gave one article of all its items.)
absl::Status CheckIsArticle(absl::string_view content) {
  absl::string_view s = content;
  if (absl::StartsWith(s, "\xEF\xBB\xBF")) s.remove_prefix(3);
  s = absl::StripAsciiWhitespace(s);
  const std::string head = absl::AsciiStrToLower(s.substr(0, 1024));
  if ((absl::StartsWith(head, "<?xml") || absl::StartsWith(head, "<rss") ||
       absl::StartsWith(head, "<feed")) &&
      (absl::StrContains(head, "<rss") || absl::StrContains(head, "<feed") ||
       absl::StrContains(head, "<rdf:rdf"))) {
    return absl::InvalidArgumentError("an RSS or Atom feed, not an article: use claimctl ingest-feed");
  }
  if ((absl::StartsWith(s, "{") && absl::EndsWith(s, "}")) ||
      (absl::StartsWith(s, "[") && absl::EndsWith(s, "]"))) {
    return absl::InvalidArgumentError(
        "JSON, not an article: use claimctl ingest --jsonl (one request per line)");
  }
  return absl::OkStatus();
}

absl::StatusOr<claims::v1::IngestArticleRequest> BuildRequest(const ArticleFlags& a,
                                                              std::string content) {
  if (absl::Status s = CheckIsArticle(content); !s.ok()) return s;
  claims::v1::IngestArticleRequest request;
  request.set_url(a.url);
  request.set_title(a.title);
  request.set_publisher(a.publisher);
  for (const auto& author : a.authors) request.add_authors(author);
  if (!a.published.empty()) {
    bool date_only = false;
    auto t = ParseDateFlag(a.published, "--published", &date_only);
    if (!t.ok()) return t.status();
    SetTimestamp(*t, request.mutable_published_time());
    // "2026-03-05T00:30:00+01:00": relative dates count from 5 March, the local day.
    if (const std::optional<int> offset = TrailingUtcOffset(a.published); offset.has_value() && !date_only) {
      request.set_published_utc_offset_seconds(*offset);
    }
  }
  // Raw bytes: the server validates them and names the problem ("content: invalid UTF-8").
  request.set_content(std::move(content));
  return request;
}

int RunIngest(const Globals& g, const ArticleFlags& a, const std::vector<std::string>& files,
              std::istream& in, std::ostream& out, std::ostream& err) {
  if (files.size() > 1 && !a.url.empty()) {
    err << "claimctl: --url names one article; give one FILE with it\n";
    return 2;
  }
  auto stub = claims::v1::IngestService::NewStub(Channel(g.ingest_address));
  int failed = 0;
  for (const auto& file : files) {
    auto content = ReadInput(file, in);
    absl::StatusOr<claims::v1::IngestArticleRequest> request =
        content.ok() ? BuildRequest(a, std::move(*content)) : content.status();
    if (!request.ok()) {
      err << "claimctl: " << file << ": " << request.status().message() << "\n";
      ++failed;
      continue;
    }
    claims::v1::IngestArticleResponse response;
    const grpc::Status status = stub->IngestArticle(Context(g).get(), *request, &response);
    if (!status.ok()) {
      Fail(err, file, status);
      ++failed;
      continue;
    }
    out << response.article().id() << "\t" << response.claims_size() << " claims\t"
        << (response.unchanged() ? "unchanged" : response.replaced() ? "replaced" : "new") << "\t"
        << file << "\n";
  }
  if (failed > 0) err << "claimctl: " << failed << " of " << files.size() << " failed\n";
  return failed > 0 ? 1 : 0;
}

int RunClaims(const Globals& g, const FilterFlags& f, int limit, int page_size,
              const std::string& order, const std::string& output, std::ostream& out,
              std::ostream& err) {
  auto format = ParseOutputFormat(output);
  if (!format.ok()) return Fail(err, format.status());
  auto filter = BuildFilter(f);
  if (!filter.ok()) return Fail(err, filter.status());
  auto stub = claims::v1::QueryService::NewStub(Channel(g.query_address));
  claims::v1::ListClaimsRequest request;
  *request.mutable_filter() = *filter;
  request.set_filter_expression(f.expression);
  request.set_order_by(order);
  std::vector<claims::v1::Claim> claims;
  while (limit <= 0 || static_cast<int>(claims.size()) < limit) {
    int want = page_size;
    if (limit > 0) want = std::min(want, limit - static_cast<int>(claims.size()));
    request.set_page_size(want);
    claims::v1::ListClaimsResponse response;
    const grpc::Status status = stub->ListClaims(Context(g).get(), request, &response);
    if (!status.ok()) return Fail(err, "claims", status);
    for (auto& c : *response.mutable_claims()) claims.push_back(std::move(c));
    if (response.next_page_token().empty()) break;
    request.set_page_token(response.next_page_token());
  }
  PrintClaims(claims, *format, out);
  return 0;
}

// Horizontal bars scaled to the largest count, for people who would rather look than read.
void PrintChart(const claims::v1::CountClaimsResponse& response, std::ostream& out) {
  int64_t max = 1;
  size_t key_width = 4;
  for (const auto& r : response.rows()) {
    max = std::max(max, r.count());
    key_width = std::max(key_width, (r.label().empty() ? r.key() : r.label()).size());
  }
  key_width = std::min<size_t>(key_width, 32);
  constexpr int kBarWidth = 50;
  for (const auto& r : response.rows()) {
    std::string key = r.label().empty() ? r.key() : r.label();
    key = key.substr(0, key_width);
    key.resize(key_width, ' ');
    const int width = static_cast<int>((r.count() * kBarWidth + max - 1) / max);
    std::string bar;
    for (int i = 0; i < width; ++i) bar += "\u2588";
    out << key << " " << bar << " " << r.count() << "\n";
  }
}

int RunCount(const Globals& g, const FilterFlags& f, const std::string& by, int limit,
             const std::string& output, bool chart, std::ostream& out, std::ostream& err) {
  using Req = claims::v1::CountClaimsRequest;
  const std::pair<const char*, Req::GroupBy> groupings[] = {
      {"organisation", Req::ORGANISATION}, {"org", Req::ORGANISATION}, {"topic", Req::TOPIC},
      {"speaker", Req::SPEAKER}, {"day", Req::DAY}, {"month", Req::MONTH}, {"year", Req::YEAR}};
  Req request;
  for (const auto& [name, value] : groupings) {
    if (by == name) request.set_group_by(value);
  }
  if (request.group_by() == Req::GROUP_BY_UNSPECIFIED) {
    err << "claimctl: --by: expected organisation, topic, speaker, day, month or year\n";
    return 2;
  }
  if (output != "table" && output != "jsonl") {
    err << "claimctl: --output: expected table or jsonl\n";
    return 2;
  }
  auto filter = BuildFilter(f);
  if (!filter.ok()) return Fail(err, filter.status());
  *request.mutable_filter() = *filter;
  request.set_filter_expression(f.expression);
  request.set_limit(limit);
  claims::v1::CountClaimsResponse response;
  auto stub = claims::v1::QueryService::NewStub(Channel(g.query_address));
  const grpc::Status status = stub->CountClaims(Context(g).get(), request, &response);
  if (!status.ok()) return Fail(err, "count", status);
  if (chart) {
    PrintChart(response, out);
  } else if (output == "jsonl") {
    for (const auto& r : response.rows()) {
      out << "{\"key\":" << JsonQuote(r.key());
      if (!r.label().empty()) out << ",\"label\":" << JsonQuote(r.label());
      out << ",\"count\":" << r.count() << "}\n";
    }
  } else {
    for (const auto& r : response.rows()) {
      out << r.count() << "\t" << r.key() << (r.label().empty() ? "" : "\t" + r.label()) << "\n";
    }
  }
  return 0;
}

int RunExport(const Globals& g, const FilterFlags& f, const std::string& order, std::ostream& out,
              std::ostream& err) {
  auto filter = BuildFilter(f);
  if (!filter.ok()) return Fail(err, filter.status());
  claims::v1::StreamClaimsRequest request;
  *request.mutable_filter() = *filter;
  request.set_filter_expression(f.expression);
  request.set_order_by(order);
  auto stub = claims::v1::QueryService::NewStub(Channel(g.query_address));
  grpc::ClientContext context;  // no deadline: an export takes as long as it takes
  auto reader = stub->StreamClaims(&context, request);
  claims::v1::Claim claim;
  int64_t n = 0;
  while (reader->Read(&claim)) {
    out << ToJsonLine(claim) << "\n";
    ++n;
  }
  const grpc::Status status = reader->Finish();
  if (!status.ok()) return Fail(err, "export", status);
  err << "exported " << n << " claims\n";
  return 0;
}

int RunWatch(const Globals& g, const FilterFlags& f, std::string resume, const std::string& output,
             bool with_tokens, std::ostream& out, std::ostream& err) {
  auto format = ParseOutputFormat(output);
  if (!format.ok()) return Fail(err, format.status());
  auto filter = BuildFilter(f);
  if (!filter.ok()) return Fail(err, filter.status());
  auto stub = claims::v1::QueryService::NewStub(Channel(g.query_address));
  // Reconnects with the last resume token when the stream breaks, so nothing is missed.
  for (int attempt = 0;; ++attempt) {
    claims::v1::WatchClaimsRequest request;
    *request.mutable_filter() = *filter;
    request.set_filter_expression(f.expression);
    request.set_resume_token(resume);
    grpc::ClientContext context;
    auto reader = stub->WatchClaims(&context, request);
    claims::v1::WatchClaimsResponse response;
    while (reader->Read(&response)) {
      attempt = 0;
      if (with_tokens) {
        out << ToJsonLine(response) << "\n";
      } else {
        PrintClaims({response.claim()}, *format == OutputFormat::kTable ? OutputFormat::kJsonl : *format, out);
      }
      out.flush();
      resume = response.resume_token();
    }
    const grpc::Status status = reader->Finish();
    if (status.error_code() == grpc::StatusCode::INVALID_ARGUMENT) return Fail(err, "watch", status);
    if (attempt >= 30) return Fail(err, "watch", status);
    err << "claimctl: watch interrupted (" << status.error_message() << "), reconnecting\n";
    std::this_thread::sleep_for(std::chrono::seconds(1));
  }
}

int RunExtract(const ArticleFlags& a, const std::string& file, const std::string& output,
               const std::string& model, std::istream& in, std::ostream& out, std::ostream& err) {
  auto format = ParseOutputFormat(output);
  if (!format.ok()) return Fail(err, format.status());
  auto extractor = tagger::CreateExtractor(extract::DefaultExtractorOptions(), model);
  if (!extractor.ok()) return Fail(err, extractor.status());
  auto content = ReadInput(file, in);
  if (!content.ok()) return Fail(err, content.status());
  auto request = BuildRequest(a, std::move(*content));
  if (!request.ok()) return Fail(err, request.status());
  auto resolved = extract::ResolveRequestContent(*std::move(request));
  if (!resolved.ok()) return Fail(err, resolved.status());
  auto extraction = (*extractor)->Extract(*resolved, absl::Now());
  if (!extraction.ok()) {
    err << "claimctl: " << file << ": " << extraction.status().message() << "\n";
    return 1;
  }
  PrintClaims(extraction->claims, *format, out);
  return 0;
}

}  // namespace

int RunClaimctl(int argc, char** argv, std::istream& in, std::ostream& out, std::ostream& err) {
  CLI::App app{"claimctl: ingest articles into the claims service pair and query the claims"};
  app.require_subcommand(1);
  Globals g;
  app.add_option("--ingest", g.ingest_address, "claims-ingest address (env CLAIMS_INGEST_ADDR)");
  app.add_option("--query", g.query_address, "claims-query address (env CLAIMS_QUERY_ADDR)");
  app.add_option("--timeout", g.timeout_seconds, "seconds per request");

  ArticleFlags article_flags;
  std::vector<std::string> files;
  CLI::App* ingest = app.add_subcommand("ingest", "ingest text or HTML files (or - for stdin), or JSON Lines");
  AddArticleFlags(ingest, &article_flags);
  ingest->add_option("FILE", files, "files to ingest; - reads stdin");
  std::string jsonl;
  bool no_progress = false;
  ingest->add_option("--jsonl", jsonl,
                     "FILE or -: one article a line in proto3 JSON (url, title, publisher, "
                     "publishedTime, publishedUtcOffsetSeconds, text or html), streamed over IngestArticles");
  ingest->add_flag("--no-progress", no_progress, "no progress line on a terminal (--jsonl)");

  std::string feed_source, user_agent;
  bool no_fetch = false;
  double fetch_timeout = 15;
  size_t max_page_bytes = extract::kMaxArticleBytes;
  CLI::App* ingest_feed = app.add_subcommand(
      "ingest-feed", "ingest every item of an RSS or Atom feed, with its linked page");
  ingest_feed->add_option("FEED", feed_source, "feed URL or file")->required();
  ingest_feed->add_flag("--no-fetch", no_fetch, "use the items' own content; fetch no pages");
  ingest_feed->add_option("--fetch-timeout", fetch_timeout, "seconds per feed or page download");
  ingest_feed->add_option("--max-page-bytes", max_page_bytes, "larger pages are not used");
  ingest_feed->add_option("--user-agent", user_agent, "User-Agent of the downloads");

  FilterFlags filter_flags;
  int limit = 100;
  int page_size = 100;
  std::string output = "table";
  std::string order;
  CLI::App* claims_cmd = app.add_subcommand("claims", "list claims matching filters");
  AddFilterFlags(claims_cmd, &filter_flags);
  claims_cmd->add_option("--limit", limit, "at most this many claims (0: all)")->check(CLI::Range(0, 1000000000));
  claims_cmd->add_option("--page-size", page_size, "claims per request");
  claims_cmd->add_option("--order", order, "\"claim_time desc\" (default) or \"claim_time asc\"");
  claims_cmd->add_option("--output,-o", output, "table, json or jsonl");

  std::string by;
  bool chart = false;
  int count_limit = 0;
  FilterFlags count_flags;
  CLI::App* count = app.add_subcommand("count", "count matching claims by organisation, topic, speaker, day, month or year");
  AddFilterFlags(count, &count_flags);
  count->add_option("--by", by, "organisation, topic, speaker, day, month or year")->required();
  count->add_option("--limit", count_limit, "at most this many rows (0: all)")->check(CLI::Range(0, 1000000000));
  count->add_option("--output,-o", output, "table or jsonl");
  count->add_flag("--chart", chart, "draw a bar chart");

  FilterFlags export_flags;
  CLI::App* export_cmd = app.add_subcommand("export", "every matching claim as JSON Lines on stdout (no limit)");
  AddFilterFlags(export_cmd, &export_flags);
  export_cmd->add_option("--order", order, "\"claim_time desc\" (default) or \"claim_time asc\"");

  FilterFlags watch_flags;
  std::string resume;
  CLI::App* watch = app.add_subcommand("watch", "print matching claims as they land (JSON Lines), until Ctrl-C");
  AddFilterFlags(watch, &watch_flags);
  bool with_tokens = false;
  watch->add_option("--resume", resume, "resume token printed with an earlier claim (see --with-tokens)");
  watch->add_flag("--with-tokens", with_tokens,
                  "print {\"claim\": ..., \"resumeToken\": ...} per line, to resume after a restart");

  std::string corpus, split = "dev";
  int max_documents = 0;
  CLI::App* eval = app.add_subcommand(
      "eval", "score the extractor on a BRAT-annotated corpus laid out as PolNeAR (Citron's metrics)");
  eval->add_option("--corpus", corpus, "corpus folder (with data/SPLIT/text and data/SPLIT/attributions)")->required();
  eval->add_option("--split", split, "train, dev or test");
  eval->add_option("--limit", max_documents, "at most this many articles (0: all)")->check(CLI::Range(0, 1000000000));
  // The learned model of `extract` and `eval`, as claims-ingest's --attribution_model.
  std::string model = EnvOr("CLAIMS_ATTRIBUTION_MODEL", "");
  const std::string model_help =
      "learned attribution model file (env CLAIMS_ATTRIBUTION_MODEL; default: the shipped one; "
      "none: the rules alone)";
  eval->add_option("--model", model, model_help);
  bool agreement = false;
  eval->add_flag("--agreement", agreement,
                 "score the annotators against each other instead (articles annotated more than once)");

  std::string extract_file;
  CLI::App* extract_cmd = app.add_subcommand("extract", "run the extractor offline on one file");
  AddArticleFlags(extract_cmd, &article_flags);
  extract_cmd->add_option("--output,-o", output, "table or jsonl");
  extract_cmd->add_option("--model", model, model_help);
  extract_cmd->add_option("FILE", extract_file, "text or HTML file; - reads stdin")->required();

  std::string id;
  CLI::App* get = app.add_subcommand("get", "show one claim as JSON");
  get->add_option("CLAIM_ID", id)->required();
  CLI::App* article = app.add_subcommand("article", "show one article as JSON");
  article->add_option("ARTICLE_ID", id)->required();

  std::string prefix;
  bool all = false;
  CLI::App* orgs = app.add_subcommand("orgs", "organisations by claim count");
  orgs->add_option("--prefix", prefix, "only those whose name or alias starts so");
  orgs->add_flag("--all", all, "include organisations with no claims");
  orgs->add_option("--limit", limit, "at most this many")->check(CLI::Range(0, 1000000000));
  CLI::App* speakers = app.add_subcommand("speakers", "speakers by claim count");
  speakers->add_option("--prefix", prefix, "only those whose name or alias starts so");
  speakers->add_option("--limit", limit, "at most this many")->check(CLI::Range(0, 1000000000));
  CLI::App* topics = app.add_subcommand("topics", "topics by claim count");
  topics->add_option("--prefix", prefix, "only those whose id or label starts so");
  topics->add_flag("--all", all, "include topics with no claims");
  topics->add_option("--limit", limit, "at most this many")->check(CLI::Range(0, 1000000000));

  std::string delete_url;
  CLI::App* del = app.add_subcommand("delete", "delete an article and its claims");
  del->add_option("ARTICLE_ID", id);
  del->add_option("--url", delete_url, "delete the article with this URL");

  std::string service = "query";
  CLI::App* health = app.add_subcommand("health", "check a server's gRPC health (exit 0 when serving)");
  health->add_option("--service", service, "ingest or query");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e, out, err) == 0 ? 0 : 2;
  }

  if (ingest->parsed() && !jsonl.empty()) {
    if (!files.empty()) {
      err << "claimctl: ingest: give FILEs or --jsonl, not both\n";
      return 2;
    }
    const bool terminal = &err == &std::cerr && isatty(STDERR_FILENO);
    return RunIngestJsonl({g.ingest_address, jsonl, terminal && !no_progress}, in, out, err);
  }
  if (ingest->parsed() && files.empty()) {
    err << "claimctl: ingest: FILE or --jsonl is required\n";
    return 2;
  }
  if (ingest->parsed()) return RunIngest(g, article_flags, files, in, out, err);
  if (ingest_feed->parsed()) {
    FeedOptions feed;
    feed.ingest_address = g.ingest_address;
    feed.feed = feed_source;
    feed.fetch_pages = !no_fetch;
    feed.fetch_timeout = absl::Seconds(fetch_timeout);
    feed.max_page_bytes = max_page_bytes;
    feed.user_agent = user_agent;
    feed.rpc_timeout = absl::Seconds(g.timeout_seconds);
    return RunIngestFeed(feed, out, err);
  }
  if (claims_cmd->parsed()) return RunClaims(g, filter_flags, limit, page_size, order, output, out, err);
  if (extract_cmd->parsed()) return RunExtract(article_flags, extract_file, output, model, in, out, err);
  if (eval->parsed() && agreement) {
    auto scores = eval::EvaluateAgreement(corpus, split);
    if (!scores.ok()) return Fail(err, scores.status());
    out << eval::FormatScores(*scores);
    return 0;
  }
  if (eval->parsed()) {
    auto extractor = tagger::CreateExtractor(extract::DefaultExtractorOptions(), model);
    if (!extractor.ok()) return Fail(err, extractor.status());
    auto scores = eval::EvaluateCorpus(**extractor, {corpus, split, max_documents});
    if (!scores.ok()) return Fail(err, scores.status());
    out << eval::FormatScores(*scores);
    return 0;
  }
  if (count->parsed()) return RunCount(g, count_flags, by, count_limit, output, chart, out, err);
  if (export_cmd->parsed()) return RunExport(g, export_flags, order, out, err);
  if (watch->parsed()) return RunWatch(g, watch_flags, resume, output == "table" ? "jsonl" : output, with_tokens, out, err);
  if (speakers->parsed()) {
    auto stub = claims::v1::QueryService::NewStub(Channel(g.query_address));
    claims::v1::ListSpeakersRequest request;
    request.set_prefix(prefix);
    request.set_page_size(limit);
    claims::v1::ListSpeakersResponse response;
    const grpc::Status status = stub->ListSpeakers(Context(g).get(), request, &response);
    if (!status.ok()) return Fail(err, "speakers", status);
    for (const auto& sp : response.speakers()) {
      out << sp.claim_count() << "\t" << sp.id() << "\t" << sp.name() << "\n";
    }
    return 0;
  }
  if (get->parsed() || article->parsed()) {
    auto stub = claims::v1::QueryService::NewStub(Channel(g.query_address));
    grpc::Status status;
    if (get->parsed()) {
      claims::v1::GetClaimRequest request;
      request.set_id(id);
      claims::v1::Claim claim;
      status = stub->GetClaim(Context(g).get(), request, &claim);
      if (status.ok()) out << ToPrettyJson(claim) << "\n";
    } else {
      claims::v1::GetArticleRequest request;
      request.set_id(id);
      claims::v1::Article a;
      status = stub->GetArticle(Context(g).get(), request, &a);
      if (status.ok()) out << ToPrettyJson(a) << "\n";
    }
    return status.ok() ? 0 : Fail(err, "get", status);
  }
  if (orgs->parsed()) {
    auto stub = claims::v1::QueryService::NewStub(Channel(g.query_address));
    claims::v1::ListOrganisationsRequest request;
    request.set_prefix(prefix);
    request.set_page_size(limit);
    request.set_include_empty(all);
    claims::v1::ListOrganisationsResponse response;
    const grpc::Status status = stub->ListOrganisations(Context(g).get(), request, &response);
    if (!status.ok()) return Fail(err, "orgs", status);
    for (const auto& o : response.organisations()) {
      out << o.claim_count() << "\t" << o.id() << "\t" << o.name() << "\n";
    }
    return 0;
  }
  if (topics->parsed()) {
    auto stub = claims::v1::QueryService::NewStub(Channel(g.query_address));
    claims::v1::ListTopicsRequest request;
    request.set_prefix(prefix);
    request.set_page_size(limit);
    request.set_include_empty(all);
    claims::v1::ListTopicsResponse response;
    const grpc::Status status = stub->ListTopics(Context(g).get(), request, &response);
    if (!status.ok()) return Fail(err, "topics", status);
    for (const auto& t : response.topics()) {
      out << t.claim_count() << "\t" << t.id() << "\t" << t.label() << "\n";
    }
    return 0;
  }
  if (del->parsed()) {
    if (id.empty() == delete_url.empty()) {
      err << "claimctl: delete needs exactly one of ARTICLE_ID and --url\n";
      return 2;
    }
    auto stub = claims::v1::IngestService::NewStub(Channel(g.ingest_address));
    claims::v1::DeleteArticleRequest request;
    request.set_article_id(id);
    request.set_url(delete_url);
    claims::v1::DeleteArticleResponse response;
    const grpc::Status status = stub->DeleteArticle(Context(g).get(), request, &response);
    if (!status.ok()) return Fail(err, "delete", status);
    out << response.article_id() << "\tdeleted with " << response.deleted_claims() << " claims\n";
    return 0;
  }
  if (health->parsed()) {
    if (service != "ingest" && service != "query") {
      err << "claimctl: --service: expected ingest or query\n";
      return 2;
    }
    const bool is_query = service == "query";
    auto stub = grpc::health::v1::Health::NewStub(Channel(is_query ? g.query_address : g.ingest_address));
    grpc::health::v1::HealthCheckRequest request;
    request.set_service(is_query ? "claims.v1.QueryService" : "claims.v1.IngestService");
    grpc::health::v1::HealthCheckResponse response;
    const grpc::Status status = stub->Check(Context(g).get(), request, &response);
    if (!status.ok()) return Fail(err, "health", status);
    const bool serving = response.status() == grpc::health::v1::HealthCheckResponse::SERVING;
    out << request.service() << ": " << (serving ? "SERVING" : "NOT_SERVING") << "\n";
    return serving ? 0 : 1;
  }
  return 2;
}

}  // namespace claims::cli
