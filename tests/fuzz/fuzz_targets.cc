#include "tests/fuzz/fuzz_targets.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <system_error>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "common/file_util.h"
#include "common/utf8.h"
#include "google/protobuf/util/json_util.h"
#include "ingest-service/extract/extractor.h"
#include "ingest-service/extract/html_text.h"
#include "ingest-service/extract/request_content.h"
#include "ingest-service/extract/url.h"
#include "ingest-service/feeds/feed_articles.h"
#include "ingest-service/feeds/feed_parser.h"
#include "ingest-service/ingester.h"
#include "ingest-service/tagger/attribution_model.h"
#include "store/claim_store.h"
#include "tests/testing/temp_dir.h"

namespace claims::fuzz {
namespace {

using claims::v1::Claim;
using claims::v1::IngestArticleRequest;
using extract::Extraction;
using extract::Extractor;

// The extractor every target shares: what the services run (the shipped data files, and
// the learned tagger merged with the rules); created on first use and never destroyed (a
// driver may call checks until exit). Aborts when the data files cannot be loaded: no
// target means anything without them.
const Extractor& SharedExtractor() {
  static const Extractor* const extractor = [] {
    auto created = tagger::CreateDefaultExtractor();
    if (!created.ok()) {
      std::cerr << "fuzz: cannot create the extractor: " << created.status() << "\n";
      std::abort();
    }
    return created->release();
  }();
  return *extractor;
}

// Every file under `dir` with extension `ext`, read whole, in path order.
std::vector<std::string> FilesWithExtension(const std::string& dir, const std::string& ext) {
  std::vector<std::filesystem::path> paths;
  std::error_code error;
  for (std::filesystem::recursive_directory_iterator it(dir, error), end; !error && it != end;
       it.increment(error)) {
    if (it->is_regular_file() && it->path().extension() == ext) paths.push_back(it->path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> out;
  for (const auto& p : paths) {
    absl::StatusOr<std::string> bytes = ReadFileToString(p.string(), "seed");
    if (bytes.ok()) out.push_back(*std::move(bytes));
  }
  return out;
}

// INVALID_ARGUMENT and RESOURCE_EXHAUSTED: how the extractor and the ingester refuse an
// article they cannot take (extractor.h); any other error is a failure.
bool IsDocumentedRefusal(const absl::Status& status) {
  return status.code() == absl::StatusCode::kInvalidArgument ||
         status.code() == absl::StatusCode::kResourceExhausted;
}

// "" when every claim's spans lie inside the article's text and the counts agree.
std::string SpanFailure(const Extraction& out) {
  const int32_t length = CountCodePoints(out.article.text());
  auto outside = [length](const claims::v1::Span& s) {
    return s.start() < 0 || s.start() > s.end() || s.end() > length;
  };
  if (out.article.claim_count() != static_cast<int64_t>(out.claims.size())) {
    return absl::StrCat("claim_count ", out.article.claim_count(), " but ", out.claims.size(),
                        " claims");
  }
  for (const Claim& c : out.claims) {
    if (c.content_spans().empty()) return absl::StrCat("claim ", c.id(), " has no content span");
    for (const auto& s : c.content_spans()) {
      if (outside(s)) return absl::StrCat("claim ", c.id(), ": content span outside the text");
    }
    if (c.has_cue_span() && outside(c.cue_span()))
      return absl::StrCat("claim ", c.id(), ": cue span outside");
    if (c.speaker().has_span() && outside(c.speaker().span())) {
      return absl::StrCat("claim ", c.id(), ": speaker span outside");
    }
  }
  return "";
}

// Accepted when `request` is extracted with consistent spans; refusal with a documented
// code is no failure.
Outcome CheckExtraction(const IngestArticleRequest& request) {
  absl::StatusOr<Extraction> out =
      SharedExtractor().Extract(request, absl::FromUnixSeconds(1800000000));
  if (!out.ok()) {
    if (IsDocumentedRefusal(out.status())) return {};
    return {false, absl::StrCat("undocumented error: ", out.status().ToString())};
  }
  return {true, SpanFailure(*out)};
}

constexpr char kRssSeed[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Example News</title><link>https://news.example.test/</link>
  <item><title>Campaigners &amp; Palantir</title>
    <link>/news/palantir?utm_source=rss&amp;id=7</link>
    <guid isPermaLink="false">hen-2026-0042</guid>
    <pubDate>Fri, 23 Jan 2026 09:30:00 +0100</pubDate><dc:creator>Ada Reporter</dc:creator>
    <content:encoded><![CDATA[<p>"Patients never agreed," said Marion Macalpine.</p>]]></content:encoded>
  </item>
  <item><title>Second</title><guid>https://news.example.test/news/second#top</guid>
    <pubDate>23 Jan 26 10:00 GMT</pubDate><author>desk@news.example.test (News Desk)</author>
    <description>The council said on Monday that it would close two libraries.</description>
  </item>
</channel></rss>)";

constexpr char kAtomSeed[] = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Watchdog Wire</title>
  <link href="https://wire.example.test/"/>
  <entry><title type="html">Regulator &lt;b&gt;warns&lt;/b&gt;</title>
    <link rel="alternate" type="text/html" href="https://wire.example.test/a?fbclid=z"/>
    <id>tag:wire.example.test,2025:1</id><published>2025-09-12T10:00:00+01:00</published>
    <updated>2025-09-12</updated><author><name>Sam Writer</name></author>
    <content type="text">The watchdog warned that NHS England had not done enough, a spokesperson said.</content>
  </entry>
  <entry><title>Notice</title><id>urn:uuid:1</id><summary>"We will publish," said Carol Clerk.</summary></entry>
</feed>)";

constexpr char kRdfSeed[] = R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://old.example.test/"><title>Old</title></channel>
  <item rdf:about="https://old.example.test/1"><title>One</title><link>https://old.example.test/1</link>
    <dc:date>2024-02-29</dc:date><description>"Old news," said Ann Archive.</description></item>
</rdf:RDF>)";

Outcome CheckText(absl::string_view input) {
  IngestArticleRequest request;
  request.set_text(std::string(input));
  return CheckExtraction(request);
}

Outcome CheckHtml(absl::string_view input) {
  absl::StatusOr<extract::HtmlArticle> page = extract::ParseHtmlArticle(input);
  if (!page.ok() && page.status().code() != absl::StatusCode::kInvalidArgument) {
    return {false, absl::StrCat("ParseHtmlArticle: undocumented error ", page.status().ToString())};
  }
  extract::LooksLikeHtml(input);
  IngestArticleRequest request;
  request.set_html(std::string(input));
  return CheckExtraction(request);
}

Outcome CheckFeed(absl::string_view input) {
  constexpr absl::string_view kFeedUrl = "https://news.example.test/feed.xml";
  absl::StatusOr<feeds::Feed> feed = feeds::ParseFeed(input, kFeedUrl);
  if (!feed.ok()) {
    if (feed.status().code() == absl::StatusCode::kInvalidArgument) return {};
    return {false, absl::StrCat("ParseFeed: undocumented error ", feed.status().ToString())};
  }
  for (const feeds::FeedItem& item : feed->items) {
    absl::StatusOr<feeds::FeedArticle> article =
        feeds::BuildFeedArticle(*feed, item, kFeedUrl, nullptr);
    if (!article.ok()) {
      if (article.status().code() == absl::StatusCode::kFailedPrecondition) continue;
      return {false,
              absl::StrCat("BuildFeedArticle: undocumented error ", article.status().ToString())};
    }
    // The item's or page's bytes become text or html as the ingester resolves them.
    absl::StatusOr<IngestArticleRequest> request = extract::ResolveRequestContent(article->request);
    if (!request.ok()) {
      if (IsDocumentedRefusal(request.status())) continue;
      return {false, absl::StrCat("ResolveRequestContent: undocumented error ",
                                  request.status().ToString())};
    }
    if (Outcome o = CheckExtraction(*request); !o.failure.empty()) return o;
  }
  return {true, ""};  // the feed parsed (an item may still have been refused)
}

Outcome CheckUrl(absl::string_view input) {
  // A time that parses must read back the same when written in RFC 3339 (as Atom writes it)
  // and, to the second, in RFC 1123 (as RSS writes it): what a feed says is what is stored.
  // Years outside 1000-9999 have no four-digit writing.
  const std::optional<absl::Time> t = feeds::ParseFeedTime(input);
  const int64_t year = t.has_value() ? absl::ToCivilYear(*t, absl::UTCTimeZone()).year() : 0;
  if (year >= 1000 && year <= 9999) {
    const absl::Time whole_seconds = absl::FromUnixSeconds(absl::ToUnixSeconds(*t));
    const std::pair<const char*, absl::Time> writings[] = {
        {"%Y-%m-%d%ET%H:%M:%E*S%Ez", *t}, {"%a, %d %b %Y %H:%M:%S +0000", whole_seconds}};
    for (const auto& [format, expected] : writings) {
      const std::string written = absl::FormatTime(format, *t, absl::UTCTimeZone());
      const std::optional<absl::Time> again = feeds::ParseFeedTime(written);
      if (again != expected) {
        return {false, absl::StrCat("ParseFeedTime: '", input.substr(0, 100), "' -> ", written,
                                    " does not read back")};
      }
    }
  }
  absl::StatusOr<std::string> url = extract::CanonicalUrl(input);
  if (!url.ok()) {
    if (url.status().code() == absl::StatusCode::kInvalidArgument) return {};
    return {false, absl::StrCat("CanonicalUrl: undocumented error ", url.status().ToString())};
  }
  absl::StatusOr<std::string> again = extract::CanonicalUrl(*url);
  if (!again.ok() || *again != *url) {
    return {false, absl::StrCat("CanonicalUrl is not idempotent: '", url->substr(0, 200), "' -> ",
                                again.ok() ? absl::StrCat("'", again->substr(0, 200), "'")
                                           : again.status().ToString().substr(0, 300))};
  }
  return {true, ""};
}

// A writer's store in a fresh temporary directory (laid out as claims-ingest opens it, without
// the fsync per commit) and an Ingester on it, shared by every input of the request target;
// closed and removed at exit.
class SharedIngestion {
 public:
  static SharedIngestion& Get() {
    static SharedIngestion instance;
    return instance;
  }
  ingest::Ingester& ingester() { return *ingester_; }
  const store::ClaimStore& store() const { return *store_; }

 private:
  SharedIngestion() {
    store::PrimaryOptions options;
    options.sync_writes = false;
    options.memtables = store::MemtableLayout::kForWrites;
    auto opened = store::ClaimStore::OpenPrimary(dir_.Sub("db"), options);
    if (!opened.ok()) {
      std::cerr << "fuzz: cannot open a store in " << dir_.path() << ": " << opened.status() << "\n";
      std::abort();
    }
    store_ = *std::move(opened);
    ingester_ = std::make_unique<ingest::Ingester>(&SharedExtractor(), store_.get());
    if (absl::Status s = ingester_->RegisterCatalogues(); !s.ok()) {
      std::cerr << "fuzz: " << s << "\n";
      std::abort();
    }
  }

  // Destroyed in reverse: the ingester, the store, then the directory.
  testing::TempDir dir_;
  std::unique_ptr<store::ClaimStore> store_;
  std::unique_ptr<ingest::Ingester> ingester_;
};

// An IngestArticleRequest in proto3 JSON, as `claimctl ingest --jsonl` reads a line, through
// the Ingester into a real store. Accepted when stored: the stored article must then be the
// one answered, and ingesting the same request again must change nothing (`unchanged`, the
// same id: the exactly-once effect).
Outcome CheckRequest(absl::string_view input) {
  IngestArticleRequest request;
  google::protobuf::util::JsonParseOptions json;
  json.ignore_unknown_fields = true;
  if (!google::protobuf::util::JsonStringToMessage(std::string(input), &request, json).ok())
    return {};
  ingest::Ingester& ingester = SharedIngestion::Get().ingester();
  absl::StatusOr<claims::v1::IngestArticleResponse> first = ingester.Ingest(request);
  if (!first.ok()) {
    if (IsDocumentedRefusal(first.status())) return {};
    return {false, absl::StrCat("Ingest: undocumented error ", first.status().ToString())};
  }
  const std::string& id = first->article().id();
  absl::StatusOr<claims::v1::Article> stored = SharedIngestion::Get().store().GetArticle(id);
  if (!stored.ok())
    return {false, absl::StrCat("article ", id, " not readable: ", stored.status().ToString())};
  if (stored->claim_count() != first->article().claim_count()) {
    return {false, absl::StrCat("article ", id, ": ", stored->claim_count(), " claims stored, ",
                                first->article().claim_count(), " answered")};
  }
  absl::StatusOr<claims::v1::IngestArticleResponse> again = ingester.Ingest(request);
  if (!again.ok())
    return {false, absl::StrCat("the same request again: ", again.status().ToString())};
  if (!again->unchanged() || again->article().id() != id) {
    return {false, absl::StrCat("the same request again was not unchanged (id ",
                                again->article().id(), ", first ", id, ")")};
  }
  return {true, ""};
}

std::vector<std::string> RequestSeeds(const std::string&) {
  return {
      R"({"url":"https://news.example.test/a?utm_source=x","title":"Council","publisher":"Example News",)"
      R"("publishedTime":"2026-01-23T09:00:00Z","text":"\"We will not close the library,\" said Ann )"
      R"(Leader, the council leader, on Wednesday. NHS England said last week that data was safe."})",
      R"({"sourceId":"feed-guid-7","html":"<html><head><link rel=\"canonical\" href=\"https://b.example.test/p\">)"
      R"(<meta property=\"og:title\" content=\"T\"></head><body><article><p>\u201cPatients never agreed,\u201d )"
      R"(said Marion Macalpine of the Hackney Coalition Against Palantir.</p></article></body></html>"})",
      R"({"text":"According to Palantir, the platform is secure. The watchdog warned that it was not.",)"
      R"("authors":["Sam Writer"],"contentType":"","responseView":"INGEST_RESPONSE_VIEW_BASIC"})",
      R"({"content":"PHA+IkEsIiBzaGUgc2FpZCwgIkIuIjwvcD4=","contentType":"text/html","url":"http://c.example.test"})",
  };
}

std::vector<std::string> TextSeeds(const std::string& fixtures) {
  return FilesWithExtension(fixtures, ".txt");
}
std::vector<std::string> HtmlSeeds(const std::string& fixtures) {
  return FilesWithExtension(fixtures, ".html");
}
std::vector<std::string> FeedSeeds(const std::string&) { return {kRssSeed, kAtomSeed, kRdfSeed}; }
std::vector<std::string> UrlSeeds(const std::string&) {
  return {"https://News.Example.TEST:443/a/b?utm_source=x&id=7&fbclid=y#top",
          "http://example.test",
          "HTTPS://[::1]:8080/?",
          "https://host./p?a=&b=2&ref=z",
          "Fri, 23 Jan 2026 09:30:00 +0100",
          "23 Jan 26 10:00 EST",
          "2026-01-23T09:30:00.25-05:00",
          "2025-09-12"};
}

}  // namespace

const std::vector<Target>& Targets() {
  static const std::vector<Target> targets = {{"text", CheckText, TextSeeds},
                                              {"html", CheckHtml, HtmlSeeds},
                                              {"feed", CheckFeed, FeedSeeds},
                                              {"url", CheckUrl, UrlSeeds},
                                              {"request", CheckRequest, RequestSeeds}};
  return targets;
}

const Target* FindTarget(absl::string_view name) {
  for (const Target& t : Targets()) {
    if (name == t.name) return &t;
  }
  return nullptr;
}

const std::vector<std::string>& Dictionary() {
  static const std::vector<std::string> dictionary = {
      "<p>",
      "</p>",
      "<div class=\"article-body\">",
      "</div>",
      "<article>",
      "</article>",
      "<script>",
      "</script>",
      "<style>",
      "<!--",
      "-->",
      "<![CDATA[",
      "]]>",
      "<br>",
      "<nav>",
      "<meta property=\"og:title\" content=\"",
      "<meta name=\"author\" content=\"",
      "<link rel=\"canonical\" href=\"",
      "<script type=\"application/ld+json\">",
      "{\"@type\":\"NewsArticle\",\"datePublished\":\"",
      "\"headline\":",
      "&amp;",
      "&quot;",
      "&#x201C;",
      "&#8221;",
      "&#0;",
      "&#xD800;",
      "&nbsp;",
      "&",
      "\"",
      "\xE2\x80\x9C",
      "\xE2\x80\x9D",
      "\xE2\x80\x98",
      "\xE2\x80\x99",
      "\xC2\xA0",
      "\xEF\xBB\xBF",
      "\xED\xA0\x80",
      "\xF4\x90\x80\x80",
      "\xC3",
      " said ",
      " says ",
      " according to ",
      " told ",
      ", she said, ",
      " warned that ",
      "Ms ",
      "Dr. ",
      " the spokesperson ",
      " NHS England ",
      " Palantir ",
      " Ltd ",
      " (FDP) ",
      "Monday",
      " last week",
      " on Wednesday (January 21)",
      " in July 2025",
      " 2025-07-01",
      " 31/02/2024",
      " yesterday",
      "\n\n",
      ". ",
      "?",
      ":",
      ";",
      "--",
      "<item>",
      "</item>",
      "<entry>",
      "</entry>",
      "<title>",
      "</title>",
      "<link>",
      "</link>",
      "<guid isPermaLink=\"true\">",
      "</guid>",
      "<pubDate>",
      "</pubDate>",
      "Fri, 23 Jan 2026 09:30:00 +0100",
      "2026-01-23T09:30:00Z",
      "<content type=\"html\">",
      "<content:encoded>",
      "<description>",
      "<link href=\"",
      "\"/>",
      "<!DOCTYPE x [<!ENTITY e \"",
      "<?xml version=\"1.0\"?>",
      "http://",
      "https://",
      "?utm_source=x&fbclid=y",
      "#frag",
      ":8080",
      "%2F",
      "@",
      "[::1]"};
  return dictionary;
}

}  // namespace claims::fuzz
