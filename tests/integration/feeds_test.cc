// Feeds and pages served by a real HTTP server on loopback; the real claims-ingest,
// claims-query and claimctl processes; exactly what lands is asserted, and that the same
// article arriving again through any entry point changes nothing.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <thread>

#include <grpcpp/grpcpp.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "claims/v1/ingest.grpc.pb.h"
#include "claims/v1/query.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest-service/feeds/http_fetcher.h"
#include "tests/testing/http_server.h"
#include "tests/testing/rpc_wait.h"
#include "tests/testing/server_process.h"
#include "tests/testing/temp_dir.h"

namespace claims {
namespace {

using ::claims::testing::Deadline;
using ::claims::testing::Eventually;
using ::claims::testing::ReadFile;

using ::testing::HasSubstr;
using testing::HttpResponse;
using testing::HttpServer;
using testing::ServerProcess;
using testing::TempDir;

constexpr char kCanonical[] = "https://www.hackney-example-news.test/news/campaigners-palantir";

// A page full of furniture around three paragraphs of article.
constexpr char kFurniturePage[] = R"(<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Campaigners step up fight | Hackney Example News</title>
<meta property="og:title" content="Campaigners step up fight against Palantir">
<meta property="og:site_name" content="Hackney Example News">
<meta property="article:published_time" content="2026-01-23T09:00:00Z">
<link rel="stylesheet" href="/site.css">
<link rel="canonical" href="https://www.hackney-example-news.test/news/campaigners-palantir?utm_source=web">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<div class="cookie-banner"><p>We use cookies to improve your experience. Accept all cookies?</p></div>
<header><p>Subscribe to our newsletter for the latest news.</p></header>
<article>
<h1>Campaigners step up fight against Palantir</h1>
<p>Campaigners in Hackney have criticised Palantir Technologies over its NHS contract.</p>
<p>"Patients never agreed to this," said Marion Macalpine, a spokesperson for the Hackney Coalition Against Palantir.</p>
<p>NHS England said the Federated Data Platform protects patient data.</p>
<div class="share-buttons"><p>Share this on social media</p></div>
</article>
<aside class="related"><p>Related: Council tax rises again, the mayor said.</p></aside>
<footer><p>Copyright 2026 Hackney Example News. All rights reserved.</p></footer>
</body></html>
)";
constexpr char kFurnitureText[] =
    "Campaigners in Hackney have criticised Palantir Technologies over its NHS contract.\n\n"
    "\"Patients never agreed to this,\" said Marion Macalpine, a spokesperson for the Hackney "
    "Coalition Against Palantir.\n\n"
    "NHS England said the Federated Data Platform protects patient data.";

constexpr char kCouncilPage[] = R"(<!DOCTYPE html>
<html lang="en"><head><title>Library closures</title>
<meta property="og:site_name" content="Islington Example Tribune"></head><body>
<main><article>
<p>Islington council faces a backlash over library closures.</p>
<p>"We cannot lose our libraries," said Jane Doe, a local resident.</p>
</article></main></body></html>
)";
constexpr char kCouncilText[] =
    "Islington council faces a backlash over library closures.\n\n"
    "\"We cannot lose our libraries,\" said Jane Doe, a local resident.";

constexpr char kWatchdogPage[] = R"(<!DOCTYPE html>
<html lang="en"><head><title>ICO warns councils</title></head><body><article>
<p>The Information Commissioner's Office warned councils to check their AI tools.</p>
<p>"Councils must be able to explain every automated decision," said John Edwards, the Information Commissioner.</p>
</article></body></html>
)";

std::string Rss(const HttpServer& http) {
  return absl::StrCat(R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example Wire</title><link>)", http.Url("/"), R"(</link>
<item><title>Campaigners step up fight against Palantir</title>
  <link>/news/campaigners?utm_source=rss&amp;utm_medium=feed</link>
  <guid isPermaLink="false">wire-0001</guid>
  <pubDate>Fri, 23 Jan 2026 09:00:00 GMT</pubDate>
  <description>Campaigners criticise Palantir.</description></item>
<item><title>Library closures</title>
  <link>/r/council</link>
  <guid isPermaLink="false">wire-0002</guid>
  <pubDate>Tue, 04 Nov 2025 08:00:00 GMT</pubDate></item>
<item><title>Gone story</title>
  <link>/news/gone</link>
  <guid isPermaLink="false">wire-0003</guid>
  <pubDate>Mon, 03 Nov 2025 08:00:00 GMT</pubDate>
  <content:encoded><![CDATA[<p>"The page is gone but the words remain," said Sam Archivist, a librarian.</p>]]></content:encoded></item>
<item><title>Slow story</title>
  <link>/news/slow</link>
  <guid isPermaLink="false">wire-0004</guid>
  <pubDate>Sun, 02 Nov 2025 08:00:00 GMT</pubDate>
  <description>&lt;p&gt;"Patience is a virtue," said Paula Waiting, a commuter.&lt;/p&gt;</description></item>
<item><title>Huge story</title>
  <link>/news/huge</link>
  <guid isPermaLink="false">wire-0005</guid>
  <pubDate>Sat, 01 Nov 2025 08:00:00 GMT</pubDate>
  <description>&lt;p&gt;"Less is more," said Mia Minimal, a designer.&lt;/p&gt;</description></item>
<item><title>Nothing at all</title>
  <link>/news/missing</link>
  <guid isPermaLink="false">wire-0006</guid></item>
</channel></rss>
)");
}

std::string Atom(const HttpServer& http) {
  return absl::StrCat(R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Council Bulletin</title>
<entry><title>ICO warns councils</title>
  <link rel="alternate" type="text/html" href=")", http.Url("/news/watchdog?fbclid=abc"), R"("/>
  <id>tag:bulletin.example.test,2025:42</id>
  <updated>2025-09-12T10:00:00Z</updated></entry>
<entry><title>Notice without a page</title>
  <id>tag:bulletin.example.test,2025:43</id>
  <updated>2025-09-13T10:00:00Z</updated>
  <content type="text">"We will publish the minutes on Friday," said Carol Clerk, the council clerk.</content></entry>
</feed>
)");
}

struct CommandResult {
  int exit_code = -1;
  std::string out, err;
};

// One line of `claimctl ingest-feed`: id, claims, new/replaced/unchanged, page/item, url.
struct IngestedLine {
  std::string id, claims, outcome, source, url;
};

std::map<std::string, IngestedLine> ByUrl(const std::string& out) {
  std::map<std::string, IngestedLine> lines;
  for (absl::string_view line : absl::StrSplit(out, '\n', absl::SkipEmpty())) {
    std::vector<std::string> f = absl::StrSplit(line, '\t');
    if (f.size() != 5) continue;
    lines[f[4]] = {f[0], f[1], f[2], f[3], f[4]};
  }
  return lines;
}

class FeedsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    http_.Route("/rss.xml", [this](const testing::HttpRequest& r) {
      HttpResponse response;
      response.content_type = "application/rss+xml";
      response.headers = {{"ETag", "\"rss-v1\""}};
      if (r.headers.count("if-none-match") && r.headers.at("if-none-match") == "\"rss-v1\"") {
        response.status = 304;
        return response;
      }
      response.body = Rss(http_);
      return response;
    });
    http_.Route("/atom.xml", [this](const testing::HttpRequest&) {
      HttpResponse response;
      response.content_type = "application/atom+xml";
      response.headers = {{"Last-Modified", "Fri, 12 Sep 2025 10:00:00 GMT"}};
      response.body = Atom(http_);
      return response;
    });
    http_.Route("/bad.xml", HttpResponse{200, "application/rss+xml",
                                          "<rss version=\"2.0\"><channel>\n<item><title>x</item></channel></rss>"});
    http_.Route("/news/campaigners", HttpResponse{200, "text/html; charset=utf-8", kFurniturePage});
    http_.Route("/r/council", HttpResponse{301, "text/html", "moved",
                                            {{"Location", http_.Url("/news/council")}}});
    http_.Route("/news/council", HttpResponse{200, "text/html", kCouncilPage});
    http_.Route("/news/watchdog", HttpResponse{200, "text/html", kWatchdogPage});
    HttpResponse slow{200, "text/html", kCouncilPage};
    slow.delay_ms = 4000;
    http_.Route("/news/slow", slow);
    HttpResponse huge{200, "text/html", std::string("<html><body><article><p>") +
                                             std::string(5 << 20, 'x') + "</p></article></body></html>"};
    huge.chunked = true;
    http_.Route("/news/huge", huge);
    // /news/gone and /news/missing: 404.

    StartServers();
  }

  void StartServers(const std::vector<std::string>& extra_ingest_args = {}) {
    std::vector<std::string> args = {"--listen=127.0.0.1:0", "--db=" + dir_.Sub("db")};
    args.insert(args.end(), extra_ingest_args.begin(), extra_ingest_args.end());
    ingest_ = std::make_unique<ServerProcess>(CLAIMS_INGEST_BIN, args);
    ASSERT_FALSE(ingest_->address().empty()) << ingest_->ReadStderr();
    if (query_ == nullptr) {
      query_ = std::make_unique<ServerProcess>(
          CLAIMS_QUERY_BIN, std::vector<std::string>{"--listen=127.0.0.1:0", "--db=" + dir_.Sub("db"),
                                                     "--secondary_dir=" + dir_.Sub("secondary")});
      ASSERT_FALSE(query_->address().empty()) << query_->ReadStderr();
      query_stub_ = claims::v1::QueryService::NewStub(
          grpc::CreateChannel(query_->address(), grpc::InsecureChannelCredentials()));
    }
  }

  CommandResult Claimctl(const std::vector<std::string>& args, const std::string& stdin_path = "") {
    std::string command = absl::StrCat(CLAIMCTL_BIN, " --ingest ", ingest_->address());
    for (const auto& a : args) absl::StrAppend(&command, " '", a, "'");
    const std::string out = dir_.Sub("cmd.out"), err = dir_.Sub("cmd.err");
    absl::StrAppend(&command, " >", out, " 2>", err);
    if (!stdin_path.empty()) absl::StrAppend(&command, " <", stdin_path);
    CommandResult result;
    const int status = std::system(command.c_str());
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = ReadFile(out);
    result.err = ReadFile(err);
    return result;
  }

  // The article as the query side sees it (waits for the secondary to catch up).
  claims::v1::Article Article(const std::string& id) {
    claims::v1::Article article;
    EXPECT_TRUE(Eventually([&] {
      claims::v1::GetArticleRequest request;
      request.set_id(id);
      return query_stub_->GetArticle(Deadline().get(), request, &article).ok();
    })) << id;
    return article;
  }

  // Every claim, listed (exact; the counters are not used: see the report on restarts).
  int64_t ClaimCount() {
    claims::v1::ListClaimsRequest request;
    request.set_page_size(1000);
    claims::v1::ListClaimsResponse response;
    if (!query_stub_->ListClaims(Deadline().get(), request, &response).ok()) return -1;
    return response.claims_size();
  }

  TempDir dir_;
  HttpServer http_;
  std::unique_ptr<ServerProcess> ingest_;
  std::unique_ptr<ServerProcess> query_;
  std::unique_ptr<claims::v1::QueryService::Stub> query_stub_;
};

TEST_F(FeedsTest, FetcherFollowsRedirectsAndNamesEveryFailure) {
  feeds::FetchOptions options;
  options.timeout = absl::Seconds(1);
  options.max_bytes = 4 << 20;
  const feeds::HttpFetcher fetcher(options);

  auto redirected = fetcher.Fetch(http_.Url("/r/council"));
  ASSERT_TRUE(redirected.ok()) << redirected.status();
  EXPECT_EQ(redirected->status, 200);
  EXPECT_EQ(redirected->effective_url, http_.Url("/news/council"));
  EXPECT_EQ(redirected->body, kCouncilPage);
  EXPECT_EQ(redirected->content_type, "text/html");
  const auto requests = http_.RequestsFor("/news/council");
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_THAT(requests[0].headers.at("user-agent"), HasSubstr("claims-ingest/"));

  auto missing = fetcher.Fetch(http_.Url("/news/gone"));
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(missing.status().message(), absl::StrCat("GET ", http_.Url("/news/gone"), ": HTTP 404"));

  const absl::Time start = absl::Now();
  auto slow = fetcher.Fetch(http_.Url("/news/slow"));
  EXPECT_EQ(slow.status().code(), absl::StatusCode::kDeadlineExceeded) << slow.status();
  EXPECT_LT(absl::Now() - start, absl::Seconds(3));

  auto huge = fetcher.Fetch(http_.Url("/news/huge"));
  EXPECT_EQ(huge.status().code(), absl::StatusCode::kResourceExhausted) << huge.status();
  EXPECT_THAT(huge.status().message(), HasSubstr("larger than the limit of 4194304 bytes"));
  HttpResponse sized{200, "text/html", std::string(5 << 20, 'y')};
  http_.Route("/sized", sized);  // with Content-Length: refused before the body
  EXPECT_EQ(fetcher.Fetch(http_.Url("/sized")).status().code(), absl::StatusCode::kResourceExhausted);

  auto first = fetcher.Fetch(http_.Url("/rss.xml"));
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->validators.etag, "\"rss-v1\"");
  auto second = fetcher.Fetch(http_.Url("/rss.xml"), &first->validators);
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_TRUE(second->not_modified);
  EXPECT_EQ(second->status, 304);

  EXPECT_EQ(fetcher.Fetch("file:///etc/passwd").status().code(), absl::StatusCode::kInvalidArgument);
  http_.Route("/to-file", HttpResponse{302, "text/html", "", {{"Location", "file:///etc/passwd"}}});
  EXPECT_FALSE(fetcher.Fetch(http_.Url("/to-file")).ok());  // redirects only to http(s)
}

TEST_F(FeedsTest, IngestFeedStoresPagesOrItemContentAndReportsTheRest) {
  const CommandResult run = Claimctl({"ingest-feed", "--fetch-timeout", "1", http_.Url("/rss.xml")});
  EXPECT_EQ(run.exit_code, 1) << run.err;  // one item has neither page nor content
  std::map<std::string, IngestedLine> lines = ByUrl(run.out);
  ASSERT_EQ(lines.size(), 5u) << run.out << run.err;

  // The page full of furniture: its text only, its canonical URL, its metadata.
  ASSERT_TRUE(lines.count(kCanonical)) << run.out;
  EXPECT_EQ(lines[kCanonical].outcome, "new");
  EXPECT_EQ(lines[kCanonical].source, "page");
  claims::v1::Article palantir = Article(lines[kCanonical].id);
  EXPECT_EQ(palantir.text(), kFurnitureText);
  EXPECT_EQ(palantir.url(), kCanonical);
  EXPECT_EQ(palantir.title(), "Campaigners step up fight against Palantir");
  EXPECT_EQ(palantir.publisher(), "Hackney Example News");
  EXPECT_EQ(palantir.published_time().seconds(), 1769158800);  // 2026-01-23T09:00:00Z
  EXPECT_GE(palantir.claim_count(), 2);

  // Through a redirect: the page's text; no canonical link, so the item's link.
  const std::string council_url = http_.Url("/r/council");
  ASSERT_TRUE(lines.count(council_url)) << run.out;
  EXPECT_EQ(lines[council_url].source, "page");
  claims::v1::Article council = Article(lines[council_url].id);
  EXPECT_EQ(council.text(), kCouncilText);
  EXPECT_EQ(council.title(), "Library closures");
  EXPECT_EQ(council.publisher(), "Islington Example Tribune");
  EXPECT_EQ(council.published_time().seconds(), 1762243200);  // the item's pubDate

  // 404, timeout, over the size limit: the item's own content, the item's metadata.
  const std::pair<std::string, std::string> fallbacks[] = {
      {"/news/gone", "\"The page is gone but the words remain,\" said Sam Archivist, a librarian."},
      {"/news/slow", "\"Patience is a virtue,\" said Paula Waiting, a commuter."},
      {"/news/huge", "\"Less is more,\" said Mia Minimal, a designer."}};
  for (const auto& [path, text] : fallbacks) {
    const std::string url = http_.Url(path);
    ASSERT_TRUE(lines.count(url)) << path << "\n" << run.out;
    EXPECT_EQ(lines[url].source, "item") << path;
    claims::v1::Article a = Article(lines[url].id);
    EXPECT_EQ(a.text(), text) << path;
    EXPECT_EQ(a.publisher(), "Example Wire") << path;
    EXPECT_EQ(a.claim_count(), 1) << path;
  }
  EXPECT_THAT(run.err, HasSubstr("item 3 'Gone story': page unavailable (GET " + http_.Url("/news/gone") + ": HTTP 404)"));
  EXPECT_THAT(run.err, HasSubstr("item 4 'Slow story': page unavailable (GET " + http_.Url("/news/slow") + ": timed out"));
  EXPECT_THAT(run.err, HasSubstr("item 5 'Huge story': page unavailable (GET " + http_.Url("/news/huge") +
                                 ": response larger than the limit of 4194304 bytes)"));
  EXPECT_THAT(run.err, HasSubstr("item 6 'Nothing at all': page unavailable (GET " + http_.Url("/news/missing") +
                                 ": HTTP 404) and no content in the item"));
  EXPECT_THAT(run.err, HasSubstr("6 items, 5 ingested (3 from the item's own content), 1 failed"));

  // Atom: a page through a link with a tracking parameter, and an entry known only by its id.
  const CommandResult atom = Claimctl({"ingest-feed", http_.Url("/atom.xml")});
  EXPECT_EQ(atom.exit_code, 0) << atom.err;
  std::map<std::string, IngestedLine> atom_lines = ByUrl(atom.out);
  ASSERT_EQ(atom_lines.size(), 2u) << atom.out;
  ASSERT_TRUE(atom_lines.count(http_.Url("/news/watchdog"))) << atom.out;  // fbclid removed
  EXPECT_EQ(atom_lines[http_.Url("/news/watchdog")].source, "page");
  ASSERT_TRUE(atom_lines.count("Notice without a page")) << atom.out;  // no URL: the title is shown
  claims::v1::Article notice = Article(atom_lines["Notice without a page"].id);
  EXPECT_EQ(notice.url(), "");
  EXPECT_EQ(notice.text(), "\"We will publish the minutes on Friday,\" said Carol Clerk, the council clerk.");
  EXPECT_EQ(notice.title(), "Notice without a page");

  // A malformed feed: one clear line.
  const CommandResult bad = Claimctl({"ingest-feed", http_.Url("/bad.xml")});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_EQ(bad.err, absl::StrCat("claimctl: ", http_.Url("/bad.xml"),
                                  ": feed: not well-formed XML at line 2: Opening and ending tag mismatch: title line 2 and item\n"));
}

TEST_F(FeedsTest, TheSameArticleThroughEveryEntryPointChangesNothing) {
  const CommandResult first = Claimctl({"ingest-feed", "--fetch-timeout", "1", http_.Url("/rss.xml")});
  ASSERT_EQ(ByUrl(first.out).size(), 5u) << first.out << first.err;
  const CommandResult atom = Claimctl({"ingest-feed", http_.Url("/atom.xml")});
  ASSERT_EQ(ByUrl(atom.out).size(), 2u) << atom.out << atom.err;
  const std::string palantir_id = ByUrl(first.out)[kCanonical].id;
  const claims::v1::Article before = Article(palantir_id);
  int64_t claims_before = 0;
  for (const auto* run : {&first, &atom}) {
    for (const auto& [url, line] : ByUrl(run->out)) claims_before += std::atoi(line.claims.c_str());
  }
  ASSERT_GT(claims_before, 0);
  ASSERT_TRUE(Eventually([&] { return ClaimCount() == claims_before; })) << ClaimCount();

  // 1. The same feed again.
  const CommandResult again = Claimctl({"ingest-feed", "--fetch-timeout", "1", http_.Url("/rss.xml")});
  for (const auto& [url, line] : ByUrl(again.out)) EXPECT_EQ(line.outcome, "unchanged") << url;
  for (const auto& [url, line] : ByUrl(Claimctl({"ingest-feed", http_.Url("/atom.xml")}).out)) {
    EXPECT_EQ(line.outcome, "unchanged") << url;
  }

  // 2. Another feed with the same article under another GUID and other tracking parameters.
  http_.Route("/other.xml", HttpResponse{200, "application/rss+xml", absl::StrCat(
      "<rss version=\"2.0\"><channel><title>Other Aggregator</title><item><title>Palantir</title><link>",
      http_.Url("/news/campaigners?utm_campaign=x&amp;fbclid=y"),
      "</link><guid>other-77</guid></item></channel></rss>")});
  const CommandResult other = Claimctl({"ingest-feed", http_.Url("/other.xml")});
  ASSERT_EQ(ByUrl(other.out).size(), 1u) << other.out << other.err;
  EXPECT_EQ(ByUrl(other.out)[kCanonical].outcome, "unchanged");
  EXPECT_EQ(ByUrl(other.out)[kCanonical].id, palantir_id);

  // 3. The CLI with the page as a file and the item's link (tracking parameters and all).
  const std::string page = dir_.Sub("page.html");
  std::ofstream(page) << kFurniturePage;
  const CommandResult cli = Claimctl({"ingest", "--url", http_.Url("/news/campaigners?utm_source=rss"), page});
  EXPECT_EQ(cli.exit_code, 0) << cli.err;
  EXPECT_THAT(cli.out, HasSubstr(palantir_id + "\t"));
  EXPECT_THAT(cli.out, HasSubstr("\tunchanged\t"));

  // 4. A JSON Lines stream with the page, and with the item's content of the 404 story.
  const std::string jsonl = dir_.Sub("articles.jsonl");
  {
    std::ofstream f(jsonl);
    std::string html = kFurniturePage;
    std::string escaped;
    for (char c : html) {
      if (c == '"' || c == '\\') escaped += '\\';
      if (c == '\n') {
        escaped += "\\n";
        continue;
      }
      escaped += c;
    }
    f << "{\"url\":\"" << kCanonical << "?utm_source=jsonl\",\"html\":\"" << escaped << "\"}\n";
    f << "{\"url\":\"" << http_.Url("/news/gone") << "\",\"title\":\"Gone story\",\"publisher\":\"Example Wire\","
      << "\"publishedTime\":\"2025-11-03T08:00:00Z\",\"html\":\"<p>\\\"The page is gone but the words remain,\\\" "
      << "said Sam Archivist, a librarian.</p>\"}\n";
  }
  const CommandResult stream = Claimctl({"ingest", "--jsonl", jsonl});
  EXPECT_EQ(stream.exit_code, 0) << stream.err;
  EXPECT_THAT(stream.out, HasSubstr("ingested 2 articles"));
  EXPECT_THAT(stream.out, HasSubstr("0 new, 0 replaced, 2 unchanged"));

  // 5. claims-ingest polling the feeds itself (a fresh process: its memory of seen items is
  //    empty, so it ingests every item again).
  const std::string list = dir_.Sub("feeds.txt");
  std::ofstream(list) << "# test feeds\n" << http_.Url("/rss.xml") << "\n\n" << http_.Url("/atom.xml") << "\n"
                      << http_.Url("/bad.xml") << "\n";
  ingest_.reset();
  StartServers({"--feeds=" + list, "--feed-interval=1s", "--fetch-timeout=1s"});
  const std::string rss_done = absl::StrCat("feed ", http_.Url("/rss.xml"), ": not modified");
  const std::string bad_twice = absl::StrCat("feed ", http_.Url("/bad.xml"), ": ");
  ASSERT_TRUE(Eventually([&] {
    const std::string log = ingest_->ReadStderr();
    return absl::StrContains(log, rss_done) && absl::StrContains(log, "failure 2, retry in 4s");
  }, 30)) << ingest_->ReadStderr();
  const std::string log = ingest_->ReadStderr();
  EXPECT_THAT(log, HasSubstr(absl::StrCat("feed ", http_.Url("/rss.xml"),
                                          ": 6 items: 0 new, 0 replaced, 5 unchanged, 0 seen before, 1 failed")));
  EXPECT_THAT(log, HasSubstr(absl::StrCat("feed ", http_.Url("/atom.xml"),
                                          ": 2 items: 0 new, 0 replaced, 2 unchanged, 0 seen before, 0 failed")));
  EXPECT_THAT(log, HasSubstr(absl::StrCat("feed ", http_.Url("/bad.xml"), ": ", http_.Url("/bad.xml"),
                                          ": feed: not well-formed XML at line 2")));
  EXPECT_THAT(log, HasSubstr("failure 1, retry in 2s"));
  // Conditional requests: the second poll of the RSS feed carried its ETag.
  const auto rss_requests = http_.RequestsFor("/rss.xml");
  ASSERT_GE(rss_requests.size(), 2u);
  EXPECT_EQ(rss_requests.back().headers.at("if-none-match"), "\"rss-v1\"");
  const auto atom_requests = http_.RequestsFor("/atom.xml");
  ASSERT_GE(atom_requests.size(), 2u);
  EXPECT_EQ(atom_requests.back().headers.at("if-modified-since"), "Fri, 12 Sep 2025 10:00:00 GMT");

  // Nothing changed anywhere: same record (first ingested_time kept), same number of claims.
  const claims::v1::Article after = Article(palantir_id);
  EXPECT_EQ(after.SerializeAsString(), before.SerializeAsString());
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the secondary catches up
  EXPECT_EQ(ClaimCount(), claims_before);
}

TEST_F(FeedsTest, APageThatComesBackSupersedesTheItemsContent) {
  // First the page is missing: the item's content goes in under the item's link.
  http_.Route("/news/campaigners", HttpResponse{404, "text/html", "gone"});
  const CommandResult first = Claimctl({"ingest-feed", "--fetch-timeout", "1", http_.Url("/rss.xml")});
  const std::string item_url = http_.Url("/news/campaigners");
  ASSERT_TRUE(ByUrl(first.out).count(item_url)) << first.out;
  const std::string fallback_id = ByUrl(first.out)[item_url].id;
  Article(fallback_id);
  // Then it is back, with its canonical link: one article under the canonical URL.
  http_.Route("/news/campaigners", HttpResponse{200, "text/html", kFurniturePage});
  const CommandResult second = Claimctl({"ingest-feed", "--fetch-timeout", "1", http_.Url("/rss.xml")});
  ASSERT_TRUE(ByUrl(second.out).count(kCanonical)) << second.out;
  EXPECT_THAT(second.err, HasSubstr("replaced the version from the item's content (" + fallback_id + ")"));
  EXPECT_TRUE(Eventually([&] {
    claims::v1::GetArticleRequest request;
    request.set_id(fallback_id);
    claims::v1::Article a;
    return query_stub_->GetArticle(Deadline().get(), request, &a).error_code() ==
           grpc::StatusCode::NOT_FOUND;
  }));
}

}  // namespace
}  // namespace claims
