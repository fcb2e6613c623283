#include "ingest-service/extract/url.h"

#include <string>

#include "absl/status/status.h"
#include "gtest/gtest.h"

namespace claims::extract {
namespace {

std::string Canon(absl::string_view url) {
  absl::StatusOr<std::string> c = CanonicalUrl(url);
  EXPECT_TRUE(c.ok()) << url << ": " << c.status();
  return c.ok() ? *c : std::string();
}

TEST(CanonicalUrlTest, LowerCasesSchemeAndHostButNotPath) {
  EXPECT_EQ(Canon("HTTPS://WWW.Example.COM/News/Story-1"), "https://www.example.com/News/Story-1");
}

TEST(CanonicalUrlTest, DropsDefaultPortsOnly) {
  EXPECT_EQ(Canon("http://example.com:80/a"), "http://example.com/a");
  EXPECT_EQ(Canon("https://example.com:443/a"), "https://example.com/a");
  EXPECT_EQ(Canon("https://example.com:80/a"), "https://example.com:80/a");
  EXPECT_EQ(Canon("http://example.com:8080/a"), "http://example.com:8080/a");
}

TEST(CanonicalUrlTest, DropsFragmentAndTrackingParametersKeepingOthersInOrder) {
  EXPECT_EQ(Canon("https://news.example.org/story?id=7&utm_source=tw&page=2&fbclid=abc#comments"),
            "https://news.example.org/story?id=7&page=2");
  EXPECT_EQ(Canon("https://e.com/a?UTM_Medium=x&gclid=1&mc_cid=2&mc_eid=3&ref=home&cmpid=4"
                  "&ocid=5&at_medium=6&at_campaign=7"),
            "https://e.com/a");
  // Only exact names: "reference" and "utm" are not tracking parameters.
  EXPECT_EQ(Canon("https://e.com/a?reference=1&utm=2"), "https://e.com/a?reference=1&utm=2");
}

TEST(CanonicalUrlTest, RemovesTrailingQuestionMarkAndEmptyParameters) {
  EXPECT_EQ(Canon("https://e.com/a?"), "https://e.com/a");
  EXPECT_EQ(Canon("https://e.com/a?&&x=1&"), "https://e.com/a?x=1");
  EXPECT_EQ(Canon("https://e.com/a?utm_source=x"), "https://e.com/a");
}

TEST(CanonicalUrlTest, EmptyPathBecomesSlash) {
  EXPECT_EQ(Canon("https://Example.com"), "https://example.com/");
  EXPECT_EQ(Canon("https://example.com?x=1"), "https://example.com/?x=1");
  EXPECT_EQ(Canon("https://example.com#top"), "https://example.com/");
}

TEST(CanonicalUrlTest, KeepsUserinfoAndIpv6AndTrimsSurroundingSpace) {
  EXPECT_EQ(Canon("  https://example.com/a \n"), "https://example.com/a");
  EXPECT_EQ(Canon("http://[2001:DB8::1]:80/x"), "http://[2001:db8::1]/x");
  EXPECT_EQ(Canon("https://user@Example.com/x"), "https://user@example.com/x");
  EXPECT_EQ(Canon("https://example.com./x"), "https://example.com/x");
}

TEST(CanonicalUrlTest, IsIdempotent) {
  const std::string once = Canon("HTTP://Example.com:80/p?q=1&utm_x=2#f");
  EXPECT_EQ(once, "http://example.com/p?q=1");
  EXPECT_EQ(Canon(once), once);
}

TEST(CanonicalUrlTest, RejectsWhatIsNotAnAbsoluteHttpUrl) {
  for (absl::string_view bad :
       {"", "example.com/a", "/news/a", "ftp://example.com/a", "mailto:x@example.com",
        "https://", "https:///path", "https://exa mple.com/", "https://example.com/a b",
        "https://example.com:port/", "https://[::1/", "https://exa\x01mple.com/",
        "javascript://alert(1)", "https://ex<ample.com/",
        // Empty labels (found by tests/unit/fuzz_test.cc: "https://a../" lost one dot per
        // canonicalisation, so canonical URLs were not fixed points).
        "https://a../", "https://a..b/", "https://.a/", "https://./", "https://../"}) {
    absl::StatusOr<std::string> c = CanonicalUrl(bad);
    EXPECT_EQ(c.status().code(), absl::StatusCode::kInvalidArgument) << "\"" << bad << "\"";
  }
}

}  // namespace
}  // namespace claims::extract
