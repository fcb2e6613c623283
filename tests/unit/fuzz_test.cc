// Time-bounded mutation fuzzing of every path that takes bytes from outside: article text and
// HTML through the whole extractor, RSS/Atom feeds through the parser and on to the
// extractor, feed times, and URLs.
//
// Each target mutates seeds (our fixtures, hand-written feeds and URLs) for
// CLAIMS_FUZZ_SECONDS seconds (default 3), keeping some of the mutants it accepted as new
// seeds so that mutations compound past the first checks, with a dictionary of the tokens these parsers branch on (tags,
// entities, quote marks, cue words, date words, invalid UTF-8). Inputs are at most 64 KB.
// What is checked of every input:
//   - no crash (strict in a sanitizer build: CLAIMS_SANITIZE=1 BUILD_DIR=build-asan
//     scripts/test.sh);
//   - only the documented error codes;
//   - every span of every claim lies inside the article's text, and claim counts agree;
//   - feeds: every item either becomes a request the extractor accepts or is refused with
//     the documented codes;
//   - CanonicalUrl is idempotent;
//   - no single input takes longer than kHangLimit (a hang or a pathological blow-up: the
//     limit is two orders of magnitude above the slowest input seen, so that it does not
//     time the machine; speed is measured in bench/).
// A failing input is written to a file whose path the failure names; CLAIMS_FUZZ_SEED
// (default 1) changes the sequence. The sequence of inputs is deterministic for a seed; how
// far it gets depends on the time budget.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "common/utf8.h"
#include "gtest/gtest.h"
#include "ingest-service/extract/extractor.h"
#include "ingest-service/extract/html_text.h"
#include "ingest-service/extract/request_content.h"
#include "ingest-service/extract/url.h"
#include "ingest-service/feeds/feed_articles.h"
#include "ingest-service/feeds/feed_parser.h"

namespace claims {
namespace {

using claims::v1::Claim;
using claims::v1::IngestArticleRequest;
using extract::Extraction;
using extract::Extractor;

constexpr size_t kMaxInput = 64 << 10;
constexpr absl::Duration kHangLimit = absl::Seconds(20);

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Every fixture file with one of `extensions`, read whole.
std::vector<std::string> Fixtures(const std::vector<std::string>& extensions) {
  std::vector<std::string> out;
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(CLAIMS_TEST_FIXTURES)) {
    if (!entry.is_regular_file()) continue;
    const std::string ext = entry.path().extension().string();
    if (std::find(extensions.begin(), extensions.end(), ext) != extensions.end()) {
      paths.push_back(entry.path());
    }
  }
  std::sort(paths.begin(), paths.end());  // a deterministic order
  for (const auto& p : paths) out.push_back(ReadFile(p));
  return out;
}

double FuzzSeconds() {
  const char* s = std::getenv("CLAIMS_FUZZ_SECONDS");
  return s != nullptr ? std::atof(s) : 3.0;
}

uint64_t FuzzSeed() {
  const char* s = std::getenv("CLAIMS_FUZZ_SEED");
  return s != nullptr ? std::strtoull(s, nullptr, 10) : 1;
}

// Mutated inputs grown from seeds. Not thread-safe.
class Mutator {
 public:
  Mutator(uint64_t seed, std::vector<std::string> seeds, std::vector<std::string> dictionary)
      : rng_(seed), pool_(std::move(seeds)), dictionary_(std::move(dictionary)) {}

  // A pool member mutated once (half the time) or up to eight times.
  std::string Next() {
    std::string s = pool_[Below(pool_.size())];
    const int rounds = Below(2) == 0 ? 1 : 1 + static_cast<int>(Below(8));
    for (int i = 0; i < rounds; ++i) Mutate(&s);
    if (s.size() > kMaxInput) s.resize(kMaxInput);
    return s;
  }

  // An input the target accepted: one in four joins the pool (at most kMaxPool members; then
  // it replaces a random earlier mutant, never a seed), so that mutations compound on inputs
  // that get past the first checks.
  void Accepted(const std::string& input) {
    if (Below(4) != 0) return;
    if (pool_.size() < kMaxPool) {
      pool_.push_back(input);
    } else {
      pool_[seeds_ + Below(kMaxPool - seeds_)] = input;
    }
  }

 private:
  static constexpr size_t kMaxPool = 256;

  size_t Below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(rng_() % n); }

  void Mutate(std::string* s) {
    const size_t n = s->size();
    switch (Below(9)) {
      case 0:  // flip a bit
        if (n > 0) (*s)[Below(n)] ^= static_cast<char>(1u << Below(8));
        break;
      case 1: {  // an interesting byte
        static constexpr unsigned char kBytes[] = {0x00, 0x0A, 0x0D, 0x20, 0x22, 0x26, 0x3C, 0x3E,
                                                   0x7F, 0x80, 0xBF, 0xC0, 0xE2, 0xF0, 0xF8, 0xFF};
        const char b = static_cast<char>(kBytes[Below(sizeof(kBytes))]);
        if (n > 0 && Below(2) == 0) {
          (*s)[Below(n)] = b;
        } else {
          s->insert(Below(n + 1), 1, b);
        }
        break;
      }
      case 2:  // a dictionary token
      case 3:
        s->insert(Below(n + 1), dictionary_[Below(dictionary_.size())]);
        break;
      case 4:  // delete a range
        if (n > 0) {
          const size_t at = Below(n);
          s->erase(at, 1 + Below(std::min<size_t>(n - at, Below(4) == 0 ? n : 64)));
        }
        break;
      case 5:  // copy a range elsewhere
        if (n > 0) {
          const size_t at = Below(n);
          const std::string piece = s->substr(at, 1 + Below(std::min<size_t>(n - at, 1024)));
          s->insert(Below(n + 1), piece);
        }
        break;
      case 6: {  // splice with another pool member
        const std::string& other = pool_[Below(pool_.size())];
        *s = s->substr(0, Below(n + 1)) + other.substr(Below(other.size() + 1));
        break;
      }
      case 7: {  // a long run of one character (quadratic scans, deep nesting)
        static constexpr char kRuns[] = {'<', '"', ' ', '\n', '.', 'a', '(', '&', '-'};
        s->insert(Below(n + 1), 1 + Below(4000), kRuns[Below(sizeof(kRuns))]);
        break;
      }
      default:  // truncate
        s->resize(Below(n + 1));
        break;
    }
  }

  std::mt19937_64 rng_;
  std::vector<std::string> pool_;
  const size_t seeds_ = pool_.size();
  std::vector<std::string> dictionary_;
};

std::vector<std::string> Dictionary() {
  return {"<p>", "</p>", "<div class=\"article-body\">", "</div>", "<article>", "</article>",
          "<script>", "</script>", "<style>", "<!--", "-->", "<![CDATA[", "]]>", "<br>", "<nav>",
          "<meta property=\"og:title\" content=\"", "<meta name=\"author\" content=\"",
          "<link rel=\"canonical\" href=\"", "<script type=\"application/ld+json\">",
          "{\"@type\":\"NewsArticle\",\"datePublished\":\"", "\"headline\":", "&amp;", "&quot;",
          "&#x201C;", "&#8221;", "&#0;", "&#xD800;", "&nbsp;", "&", "\"", "\xE2\x80\x9C",
          "\xE2\x80\x9D", "\xE2\x80\x98", "\xE2\x80\x99", "\xC2\xA0", "\xEF\xBB\xBF", "\xED\xA0\x80",
          "\xF4\x90\x80\x80", "\xC3", " said ", " says ", " according to ", " told ", ", she said, ",
          " warned that ", "Ms ", "Dr. ", " the spokesperson ", " NHS England ", " Palantir ",
          " Ltd ", " (FDP) ", "Monday", " last week", " on Wednesday (January 21)", " in July 2025",
          " 2025-07-01", " 31/02/2024", " yesterday", "\n\n", ". ", "?", ":", ";", "--",
          "<item>", "</item>", "<entry>", "</entry>", "<title>", "</title>", "<link>", "</link>",
          "<guid isPermaLink=\"true\">", "</guid>", "<pubDate>", "</pubDate>",
          "Fri, 23 Jan 2026 09:30:00 +0100", "2026-01-23T09:30:00Z", "<content type=\"html\">",
          "<content:encoded>", "<description>", "<link href=\"", "\"/>", "<!DOCTYPE x [<!ENTITY e \"",
          "<?xml version=\"1.0\"?>", "http://", "https://", "?utm_source=x&fbclid=y", "#frag",
          ":8080", "%2F", "@", "[::1]"};
}

// Writes `input` where the failure message can name it.
std::string SaveInput(const std::string& target, const std::string& input) {
  const char* dir = std::getenv("TMPDIR");
  const std::string path = absl::StrCat(dir != nullptr ? dir : "/tmp", "/claims-fuzz-", target, "-",
                                        std::hash<std::string>{}(input), ".bin");
  std::ofstream(path, std::ios::binary) << input;
  return path;
}

// What `check` made of one input.
struct Outcome {
  bool accepted = false;  // the input went all the way through (not refused)
  std::string failure;    // "" or what failed
};

// Runs `check` on mutants of `seeds` for the time budget. Also fails when no mutant was
// accepted: a fuzzer whose inputs are all refused at the first check tests nothing deeper.
void Fuzz(const std::string& target, std::vector<std::string> seeds,
          const std::function<Outcome(const std::string&)>& check) {
  ASSERT_FALSE(seeds.empty());
  Mutator mutator(FuzzSeed(), std::move(seeds), Dictionary());
  const absl::Time end = absl::Now() + absl::Seconds(FuzzSeconds());
  int64_t inputs = 0, accepted = 0;
  absl::Duration slowest;
  while (absl::Now() < end) {
    const std::string input = mutator.Next();
    const absl::Time start = absl::Now();
    const Outcome outcome = check(input);
    const absl::Duration took = absl::Now() - start;
    slowest = std::max(slowest, took);
    ++inputs;
    if (outcome.accepted) {
      ++accepted;
      mutator.Accepted(input);
    }
    ASSERT_EQ(outcome.failure, "") << target << " input " << inputs << " saved to " << SaveInput(target, input);
    ASSERT_LT(took, kHangLimit) << target << " input " << inputs << " took " << took << "; saved to "
                                << SaveInput(target, input);
  }
  EXPECT_GT(accepted, 0) << target << ": none of " << inputs << " inputs was accepted";
  std::cout << target << ": " << inputs << " inputs (" << accepted << " accepted) in " << FuzzSeconds() << " s, slowest "
            << slowest << " (seed " << FuzzSeed() << ")\n";
}

class FuzzTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto created = Extractor::Create(extract::DefaultExtractorOptions());
    ASSERT_TRUE(created.ok()) << created.status();
    extractor_ = created->release();
  }
  static void TearDownTestSuite() {
    delete extractor_;
    extractor_ = nullptr;
  }

  // Accepted when `request` is extracted with consistent spans; refusal with a documented
  // code is no failure.
  static Outcome CheckExtraction(const IngestArticleRequest& request) {
    absl::StatusOr<Extraction> out = extractor_->Extract(request, absl::FromUnixSeconds(1800000000));
    if (!out.ok()) {
      const absl::StatusCode code = out.status().code();
      if (code == absl::StatusCode::kInvalidArgument || code == absl::StatusCode::kResourceExhausted) {
        return {};
      }
      return {false, absl::StrCat("undocumented error: ", out.status().ToString())};
    }
    return {true, SpanFailure(*out)};
  }

  // "" when every claim's spans lie inside the article's text and the counts agree.
  static std::string SpanFailure(const Extraction& out) {
    const int32_t length = CountCodePoints(out.article.text());
    auto outside = [length](const claims::v1::Span& s) {
      return s.start() < 0 || s.start() > s.end() || s.end() > length;
    };
    if (out.article.claim_count() != static_cast<int64_t>(out.claims.size())) {
      return absl::StrCat("claim_count ", out.article.claim_count(), " but ", out.claims.size(), " claims");
    }
    for (const Claim& c : out.claims) {
      if (c.content_spans().empty()) return absl::StrCat("claim ", c.id(), " has no content span");
      for (const auto& s : c.content_spans()) {
        if (outside(s)) return absl::StrCat("claim ", c.id(), ": content span outside the text");
      }
      if (c.has_cue_span() && outside(c.cue_span())) return absl::StrCat("claim ", c.id(), ": cue span outside");
      if (c.speaker().has_span() && outside(c.speaker().span())) {
        return absl::StrCat("claim ", c.id(), ": speaker span outside");
      }
    }
    return "";
  }

  static Extractor* extractor_;
};

Extractor* FuzzTest::extractor_ = nullptr;

TEST_F(FuzzTest, ArticleText) {
  Fuzz("text", Fixtures({".txt"}), [](const std::string& input) {
    IngestArticleRequest request;
    request.set_text(input);
    return CheckExtraction(request);
  });
}

TEST_F(FuzzTest, ArticleHtml) {
  Fuzz("html", Fixtures({".html"}), [](const std::string& input) {
    absl::StatusOr<extract::HtmlArticle> page = extract::ParseHtmlArticle(input);
    if (!page.ok() && page.status().code() != absl::StatusCode::kInvalidArgument) {
      return Outcome{false, absl::StrCat("ParseHtmlArticle: undocumented error ", page.status().ToString())};
    }
    extract::LooksLikeHtml(input);
    IngestArticleRequest request;
    request.set_html(input);
    return CheckExtraction(request);
  });
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

TEST_F(FuzzTest, Feeds) {
  Fuzz("feed", {kRssSeed, kAtomSeed, kRdfSeed}, [](const std::string& input) -> Outcome {
    absl::StatusOr<feeds::Feed> feed = feeds::ParseFeed(input, "https://news.example.test/feed.xml");
    if (!feed.ok()) {
      if (feed.status().code() == absl::StatusCode::kInvalidArgument) return {};
      return {false, absl::StrCat("ParseFeed: undocumented error ", feed.status().ToString())};
    }
    for (const feeds::FeedItem& item : feed->items) {
      absl::StatusOr<feeds::FeedArticle> article =
          feeds::BuildFeedArticle(*feed, item, "https://news.example.test/feed.xml", nullptr);
      if (!article.ok()) {
        if (article.status().code() == absl::StatusCode::kFailedPrecondition) continue;
        return {false, absl::StrCat("BuildFeedArticle: undocumented error ", article.status().ToString())};
      }
      // The item's or page's bytes become text or html as the ingester resolves them.
      absl::StatusOr<IngestArticleRequest> request = extract::ResolveRequestContent(article->request);
      if (!request.ok()) {
        const absl::StatusCode code = request.status().code();
        if (code == absl::StatusCode::kInvalidArgument || code == absl::StatusCode::kResourceExhausted) continue;
        return {false, absl::StrCat("ResolveRequestContent: undocumented error ", request.status().ToString())};
      }
      if (Outcome o = CheckExtraction(*request); !o.failure.empty()) return o;
    }
    return {true, ""};  // the feed parsed (an item may still have been refused)
  });
}

TEST_F(FuzzTest, FeedTimesAndUrls) {
  Fuzz("url", {"https://News.Example.TEST:443/a/b?utm_source=x&id=7&fbclid=y#top",
               "http://example.test", "HTTPS://[::1]:8080/?", "https://host./p?a=&b=2&ref=z",
               "Fri, 23 Jan 2026 09:30:00 +0100", "23 Jan 26 10:00 EST", "2026-01-23T09:30:00.25-05:00",
               "2025-09-12"},
       [](const std::string& input) -> Outcome {
         feeds::ParseFeedTime(input);
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
       });
}

}  // namespace
}  // namespace claims
