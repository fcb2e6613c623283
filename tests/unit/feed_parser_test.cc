// RSS and Atom parsing, feed times, and how a feed item becomes an article request (without
// the network: pages are fetched in tests/integration/feeds_test.cc).
#include "ingest-service/feeds/feed_parser.h"

#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest-service/feeds/feed_articles.h"

namespace claims::feeds {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

absl::Time Utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) {
  return absl::FromCivil(absl::CivilSecond(y, mo, d, h, mi, s), absl::UTCTimeZone());
}

constexpr char kRss[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>Hackney  Example News</title>
  <link>https://news.example.test/</link>
  <atom:link href="https://news.example.test/feed.xml" rel="self"/>
  <item>
    <title>Campaigners &amp; Palantir</title>
    <link>/news/palantir?utm_source=rss&amp;id=7</link>
    <guid isPermaLink="false">hen-2026-0042</guid>
    <pubDate>Fri, 23 Jan 2026 09:30:00 +0100</pubDate>
    <dc:creator>Ada Lovell</dc:creator>
    <description>Short summary.</description>
    <content:encoded><![CDATA[<p>"Patients never agreed," said Marion Macalpine.</p>]]></content:encoded>
  </item>
  <item>
    <title>Second</title>
    <guid>https://news.example.test/news/second#top</guid>
    <pubDate>23 Jan 26 10:00 GMT</pubDate>
    <author>desk@news.example.test (News Desk)</author>
    <description>&lt;p&gt;Only a description.&lt;/p&gt;</description>
  </item>
  <item>
    <title>No link</title>
    <guid isPermaLink="false">urn:uuid:1234</guid>
    <description>Plain words.</description>
  </item>
</channel>
</rss>)";

TEST(FeedParserTest, ParsesRssItemsWithContentGuidsTimesAndAuthors) {
  auto feed = ParseFeed(kRss, "https://news.example.test/feed.xml");
  ASSERT_TRUE(feed.ok()) << feed.status();
  EXPECT_EQ(feed->format, Feed::Format::kRss2);
  EXPECT_EQ(feed->title, "Hackney Example News");
  EXPECT_EQ(feed->link, "https://news.example.test/");
  ASSERT_EQ(feed->items.size(), 3u);

  const FeedItem& a = feed->items[0];
  EXPECT_EQ(a.title, "Campaigners & Palantir");
  EXPECT_EQ(a.link, "https://news.example.test/news/palantir?utm_source=rss&id=7");  // resolved
  EXPECT_EQ(a.guid, "hen-2026-0042");
  EXPECT_FALSE(a.guid_is_permalink);
  EXPECT_EQ(a.content, "<p>\"Patients never agreed,\" said Marion Macalpine.</p>");  // content:encoded wins
  EXPECT_TRUE(a.content_is_html);
  EXPECT_EQ(a.published, Utc(2026, 1, 23, 8, 30));
  EXPECT_THAT(a.authors, ElementsAre("Ada Lovell"));

  const FeedItem& b = feed->items[1];
  EXPECT_EQ(b.link, "");
  EXPECT_TRUE(b.guid_is_permalink);  // RSS 2.0's default
  EXPECT_EQ(b.content, "<p>Only a description.</p>");
  EXPECT_EQ(b.published, Utc(2026, 1, 23, 10, 0));
  EXPECT_THAT(b.authors, ElementsAre("News Desk"));
}

TEST(FeedParserTest, ParsesAtomEntries) {
  constexpr char kAtom[] = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://bulletin.example.test/">
  <title type="text">The Bulletin</title>
  <link href="https://bulletin.example.test/"/>
  <entry>
    <title>ICO warns councils</title>
    <link rel="edit" href="/admin/1"/>
    <link rel="alternate" type="text/html" href="story/42"/>
    <id>tag:bulletin.example.test,2025:42</id>
    <updated>2025-09-12T10:00:00Z</updated>
    <published>2025-09-11T08:00:00+01:00</published>
    <author><name>Sam Writer</name></author>
    <summary>Summary only.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The <b>ICO</b> said councils must check.</p></div></content>
  </entry>
  <entry>
    <title type="html">Council statement on the NHS &lt;em&gt;Federated Data Platform&lt;/em&gt; &amp;amp; you</title>
    <id>https://bulletin.example.test/story/43</id>
    <updated>2025-09-13T00:00:00Z</updated>
    <content type="text">Plain text content.</content>
  </entry>
</feed>)";
  auto feed = ParseFeed(kAtom, "https://bulletin.example.test/atom.xml");
  ASSERT_TRUE(feed.ok()) << feed.status();
  EXPECT_EQ(feed->format, Feed::Format::kAtom);
  EXPECT_EQ(feed->title, "The Bulletin");
  ASSERT_EQ(feed->items.size(), 2u);
  const FeedItem& a = feed->items[0];
  EXPECT_EQ(a.link, "https://bulletin.example.test/story/42");
  EXPECT_EQ(a.guid, "tag:bulletin.example.test,2025:42");
  EXPECT_FALSE(a.guid_is_permalink);
  EXPECT_EQ(a.published, Utc(2025, 9, 11, 7, 0));
  EXPECT_EQ(a.updated, Utc(2025, 9, 12, 10, 0));
  EXPECT_THAT(a.authors, ElementsAre("Sam Writer"));
  EXPECT_THAT(a.content, HasSubstr("<p>The <b>ICO</b> said councils must check.</p>"));
  EXPECT_THAT(a.content, ::testing::Not(HasSubstr("<div")));
  EXPECT_TRUE(a.content_is_html);
  const FeedItem& b = feed->items[1];
  // An html title is shown as its words.
  EXPECT_EQ(b.title, "Council statement on the NHS Federated Data Platform & you");
  EXPECT_EQ(b.published, Utc(2025, 9, 13));  // updated when there is no published
  EXPECT_EQ(b.content, "Plain text content.");
  EXPECT_FALSE(b.content_is_html);
}

TEST(FeedParserTest, ParsesRss1Items) {
  constexpr char kRdf[] = R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://x.example.test/"><title>X</title><link>https://x.example.test/</link></channel>
  <item rdf:about="https://x.example.test/1"><title>One</title><link>https://x.example.test/1</link>
    <dc:date>2025-10-17</dc:date><description>Words.</description></item>
</rdf:RDF>)";
  auto feed = ParseFeed(kRdf, "");
  ASSERT_TRUE(feed.ok()) << feed.status();
  EXPECT_EQ(feed->format, Feed::Format::kRss1);
  EXPECT_EQ(feed->title, "X");
  ASSERT_EQ(feed->items.size(), 1u);
  EXPECT_EQ(feed->items[0].link, "https://x.example.test/1");
  EXPECT_EQ(feed->items[0].published, Utc(2025, 10, 17));
}

TEST(FeedParserTest, MalformedXmlIsInvalidArgumentWithTheLine) {
  auto feed = ParseFeed("<rss version=\"2.0\"><channel>\n<item><title>Broken</item>\n</channel></rss>", "");
  ASSERT_EQ(feed.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(feed.status().message()), HasSubstr("feed: not well-formed XML at line 2"));
}

TEST(FeedParserTest, OtherXmlIsNotAFeed) {
  auto feed = ParseFeed("<html><body/></html>", "");
  ASSERT_EQ(feed.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(feed.status().message(), "feed: not an RSS or Atom document (root element <html>)");
}

TEST(FeedParserTest, ExternalEntitiesAreNotLoaded) {
  auto feed = ParseFeed(R"(<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>T</title><item><title>&secret;</title><description>d</description></item></channel></rss>)", "");
  ASSERT_TRUE(feed.ok()) << feed.status();
  ASSERT_EQ(feed->items.size(), 1u);
  EXPECT_THAT(feed->items[0].title, ::testing::Not(HasSubstr("root:")));
}

TEST(FeedTimeTest, ReadsRfc822AndRfc3339) {
  EXPECT_EQ(ParseFeedTime("Wed, 02 Oct 2002 13:00:00 GMT"), Utc(2002, 10, 2, 13));
  EXPECT_EQ(ParseFeedTime("Wed, 02 Oct 2002 15:00:00 +0200"), Utc(2002, 10, 2, 13));
  EXPECT_EQ(ParseFeedTime("2 Oct 2002 08:00 EST"), Utc(2002, 10, 2, 13));
  EXPECT_EQ(ParseFeedTime("2025-07-01T12:00:00Z"), Utc(2025, 7, 1, 12));
  EXPECT_EQ(ParseFeedTime("2025-07-01T13:00:00.5+01:00").value() - absl::Milliseconds(500),
            Utc(2025, 7, 1, 12));
  EXPECT_EQ(ParseFeedTime("2025-07-01"), Utc(2025, 7, 1));
  EXPECT_EQ(ParseFeedTime("yesterday"), std::nullopt);
  EXPECT_EQ(ParseFeedTime("Wed, 02 Foo 2002 13:00:00 GMT"), std::nullopt);
}

TEST(FeedTimeTest, KeepsTheOffsetTheTimeWasWrittenWith) {
  EXPECT_EQ(FeedTimeUtcOffset("Thu, 05 Mar 2026 00:30:00 +0100"), 3600);
  EXPECT_EQ(FeedTimeUtcOffset("Wed, 02 Oct 2002 13:00:00 GMT"), 0);
  EXPECT_EQ(FeedTimeUtcOffset("2 Oct 2002 08:00 EST"), -5 * 3600);
  EXPECT_EQ(FeedTimeUtcOffset("2026-03-04T23:30:00-05:00"), -5 * 3600);
  EXPECT_EQ(FeedTimeUtcOffset("2025-07-01T12:00:00Z"), 0);
  EXPECT_EQ(FeedTimeUtcOffset("2025-07-01"), std::nullopt);  // a date alone: no offset written
  EXPECT_EQ(FeedTimeUtcOffset("yesterday +0100"), std::nullopt);
  // No place is 20 hours ahead, nor has 99 minutes in an hour: no offset, the item still lands.
  EXPECT_EQ(FeedTimeUtcOffset("Thu, 05 Mar 2026 00:30:00 +2000"), std::nullopt);
  EXPECT_EQ(FeedTimeUtcOffset("2026-03-04T23:30:00+01:99"), std::nullopt);
  auto feed = ParseFeed(R"(<rss version="2.0"><channel><title>T</title><item><title>A</title>
<link>https://news.example.test/a</link><pubDate>Thu, 05 Mar 2026 00:30:00 +0100</pubDate>
<description>d</description></item></channel></rss>)", "");
  ASSERT_TRUE(feed.ok()) << feed.status();
  ASSERT_EQ(feed->items.size(), 1u);
  EXPECT_EQ(feed->items[0].published_utc_offset_seconds, 3600);
}

TEST(FeedItemIdentityTest, PermalinkGuidThenLinkThenFeedAndGuid) {
  auto feed = ParseFeed(kRss, "https://news.example.test/feed.xml");
  ASSERT_TRUE(feed.ok());
  // Non-permalink GUID: the link, without tracking parameters.
  EXPECT_EQ(ItemIdentityUrl(feed->items[0]), "https://news.example.test/news/palantir?id=7");
  EXPECT_EQ(ItemSourceId(feed->items[0], "https://news.example.test/feed.xml"), "");
  // Permalink GUID, fragment dropped.
  EXPECT_EQ(ItemIdentityUrl(feed->items[1]), "https://news.example.test/news/second");
  // No URL at all: the feed and the GUID.
  EXPECT_EQ(ItemIdentityUrl(feed->items[2]), "");
  EXPECT_EQ(ItemSourceId(feed->items[2], "https://news.example.test/feed.xml"),
            "https://news.example.test/feed.xml urn:uuid:1234");
}

TEST(FeedArticleTest, WithoutAFetcherTheItemContentIsTheArticle) {
  auto feed = ParseFeed(kRss, "https://news.example.test/feed.xml");
  ASSERT_TRUE(feed.ok());
  auto a = BuildFeedArticle(*feed, feed->items[0], "https://news.example.test/feed.xml", nullptr);
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_FALSE(a->from_page);
  EXPECT_EQ(a->request.url(), "https://news.example.test/news/palantir?id=7");
  EXPECT_EQ(a->request.title(), "Campaigners & Palantir");
  EXPECT_EQ(a->request.publisher(), "Hackney Example News");
  EXPECT_EQ(a->request.published_time().seconds(), absl::ToUnixSeconds(Utc(2026, 1, 23, 8, 30)));
  EXPECT_EQ(a->request.html(), "<p>\"Patients never agreed,\" said Marion Macalpine.</p>");
  EXPECT_THAT(a->request.authors(), ElementsAre("Ada Lovell"));

  auto c = BuildFeedArticle(*feed, feed->items[2], "https://news.example.test/feed.xml", nullptr);
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->request.url(), "");
  EXPECT_EQ(c->request.source_id(), "https://news.example.test/feed.xml urn:uuid:1234");
}

TEST(FeedArticleTest, ThePublisherIsThePartOfTheFeedTitleThatNamesTheSite) {
  Feed feed;
  feed.link = "https://www.eastbrookgazette.co.uk/";
  for (const char* title : {"Health \u2013 Eastbrook Gazette", "Eastbrook Gazette | Health",
                            "Eastbrook Gazette \u00bb Politics", "Eastbrook Gazette"}) {
    feed.title = title;
    EXPECT_EQ(FeedPublisher(feed), "Eastbrook Gazette") << title;
  }
  // No part spells the site: the whole title.
  feed.title = "Capitol Dispatch \u2013 Technology";
  feed.link = "https://news.example.test/";
  EXPECT_EQ(FeedPublisher(feed), "Capitol Dispatch \u2013 Technology");
  // An item's authors are read as a page's: a team is no author.
  FeedItem team;
  team.link = "https://www.eastbrookgazette.co.uk/a";
  team.content = "<p>The council said it would meet the union.</p>";
  team.content_is_html = true;
  team.authors = {"Communications Team", "Jane Doe and Sam Roe"};
  auto t = BuildFeedArticle(feed, team, "https://www.eastbrookgazette.co.uk/feed", nullptr);
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_THAT(t->request.authors(), ElementsAre("Jane Doe", "Sam Roe"));
  // And the item's own content is a stand-in for its page.
  auto parsed = ParseFeed(kRss, "https://news.example.test/feed.xml");
  ASSERT_TRUE(parsed.ok());
  auto a = BuildFeedArticle(*parsed, parsed->items[0], "https://news.example.test/feed.xml", nullptr);
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_TRUE(a->request.stand_in());
}

}  // namespace
}  // namespace claims::feeds
