#include "ingest-service/extract/html_text.h"

#include <sys/resource.h>

#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/time/time.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace claims::extract {
namespace {

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(CLAIMS_TEST_FIXTURES) + "/html/" + name, std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

absl::Time Utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) {
  return absl::FromCivil(absl::CivilSecond(y, mo, d, h, mi, s), absl::UTCTimeZone());
}

HtmlArticle MustParse(absl::string_view html) {
  absl::StatusOr<HtmlArticle> a = ParseHtmlArticle(html);
  EXPECT_TRUE(a.ok()) << a.status();
  return a.ok() ? *std::move(a) : HtmlArticle();
}

TEST(ParseHtmlArticleTest, NewsPageKeepsOnlyTheArticleBody) {
  const HtmlArticle a = MustParse(Fixture("fdp_news_article.html"));
  EXPECT_EQ(a.text,
            "Campaigners in Hackney have written to NHS England demanding that patients be told "
            "how their records are used by the Federated Data Platform (FDP).\n\n"
            "\xE2\x80\x9CNobody asked us,\xE2\x80\x9D said Marion Macalpine of the Hackney "
            "Coalition Against Palantir. \xE2\x80\x9COur data is not for sale.\xE2\x80\x9D\n\n"
            "Contract worth \xC2\xA3" "330m\n\n"
            "NHS England said on Monday that the platform \xE2\x80\x9Cmeets the highest "
            "standards of privacy\xE2\x80\x9D and that the \xC2\xA3" "330m contract with "
            "Palantir was awarded in November 2023.\n\n"
            "Homerton Healthcare NHS Foundation Trust joined in 2024.\n\n"
            "Patients can register a national data opt-out.");
}

TEST(ParseHtmlArticleTest, NewsPageMetadata) {
  const HtmlArticle a = MustParse(Fixture("fdp_news_article.html"));
  EXPECT_EQ(a.title, "Hackney campaigners challenge NHS data platform");
  EXPECT_EQ(a.publisher, "The Hackney Courier");
  EXPECT_EQ(a.canonical_url, "https://www.hackneycourier.example/news/fdp-challenge");
  EXPECT_EQ(a.language, "en");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Jane Doe", "Sam Okafor"}));
  ASSERT_TRUE(a.published_time.has_value());
  EXPECT_EQ(*a.published_time, Utc(2025, 7, 16, 7, 30));
}

TEST(ParseHtmlArticleTest, WithoutArticleElementTakesTheDensestParagraphs) {
  const HtmlArticle a = MustParse(Fixture("no_article_element.html"));
  EXPECT_EQ(a.text,
            "Councillors questioned the data sharing agreement at a meeting on Tuesday.\n\n"
            "The leader said the council had \"no plans\" to share social care records.\n\n"
            "A report is due in September.\n\n"
            "Votes for\n\n31");
  EXPECT_EQ(a.title, "Council questions data deal");  // <title> minus " - publisher"
  EXPECT_EQ(a.publisher, "Borough Bulletin");
  EXPECT_EQ(a.canonical_url, "https://bulletin.example/story/42");
  EXPECT_EQ(a.language, "en");  // from og:locale
  EXPECT_EQ(a.authors, (std::vector<std::string>{"A. Writer", "B. Writer"}));
  ASSERT_TRUE(a.published_time.has_value());
  EXPECT_EQ(*a.published_time, Utc(2025, 3, 4));  // <time datetime>, date only
}

TEST(ParseHtmlArticleTest, JsonLdGraphAuthorStringAndPublisher) {
  const HtmlArticle a = MustParse(
      "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
      "\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"x\"},{\"@type\":[\"NewsArticle\"],"
      "\"datePublished\":\"2025-01-02T03:04:05.678Z\",\"author\":\"By Ann Lee\","
      "\"publisher\":{\"name\":\"Daily Example\"},\"headline\":\"H\"}]}</script></head>"
      "<body><h1> The  headline </h1><p>Body text.</p></body></html>");
  EXPECT_EQ(a.text, "Body text.");
  EXPECT_EQ(a.title, "The headline");
  EXPECT_EQ(a.publisher, "Daily Example");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Ann Lee"}));
  ASSERT_TRUE(a.published_time.has_value());
  EXPECT_EQ(*a.published_time, Utc(2025, 1, 2, 3, 4, 5) + absl::Milliseconds(678));
  EXPECT_EQ(a.language, "");
  EXPECT_EQ(a.canonical_url, "");
}

TEST(ParseHtmlArticleTest, JsonLdNewsArticleAsAWebPagesMainEntityBeatsATrendingStripsTime) {
  const HtmlArticle a = MustParse(
      "<html><head><script type=\"application/ld+json\">{\"@type\":\"WebPage\","
      "\"mainEntity\":{\"@type\":\"NewsArticle\",\"datePublished\":\"2025-02-18T07:00:00Z\","
      "\"author\":[{\"name\":\"Helen Carter, Health Reporter\"}],"
      "\"publisher\":{\"name\":\"Evening Chronicle\"}}}</script>"
      "<meta name=\"author\" content=\"Chronicle Reporter\"></head>"
      "<body><div class=\"strip\"><time datetime=\"2025-02-17T21:14:00Z\">Yesterday</time></div>"
      "<p>Body text.</p></body></html>");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Helen Carter"}));  // no job titles
  EXPECT_EQ(a.publisher, "Evening Chronicle");
  ASSERT_TRUE(a.published_time.has_value());
  EXPECT_EQ(*a.published_time, Utc(2025, 2, 18, 7));
  const HtmlArticle b = MustParse(
      "<html><head><meta name=\"author\" content=\"Paul Wright | Local Democracy Reporter\">"
      "</head><body><p>Body.</p></body></html>");
  EXPECT_EQ(b.authors, (std::vector<std::string>{"Paul Wright"}));
}

TEST(ParseHtmlArticleTest, BylinesAndCreditsAreNotTextButTheBylinesTimeDatesThePage) {
  const HtmlArticle a = MustParse(
      "<html><head><meta property=\"og:site_name\" content=\"Hackney Citizen\">"
      "<meta property=\"og:title\" content=\"Homerton joins data platform - Hackney Citizen\">"
      "</head><body><div class=\"trending\"><p>Trending now</p></div><article>"
      "<div class=\"byline\">By Nick Triggle <time datetime=\"2025-06-11 05:12:41\">11 June</time></div>"
      "<p>The trust joined the platform.</p><p class=\"photo-credit\">Getty Images</p>"
      "<p class=\"wp-caption-text\">Campaigners outside the hospital.</p></article></body></html>");
  EXPECT_EQ(a.text, "The trust joined the platform.");
  EXPECT_EQ(a.title, "Homerton joins data platform");  // og:title without the site name
  ASSERT_TRUE(a.published_time.has_value());
  EXPECT_EQ(*a.published_time, Utc(2025, 6, 11, 5, 12, 41));  // a space for the T
}

TEST(ParseHtmlArticleTest, MalformedJsonLdAndBadDatesAreIgnored) {
  const HtmlArticle a = MustParse(
      "<meta property=\"article:published_time\" content=\"yesterday\">"
      "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"author\": [</script>"
      "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"author\": 42, "
      "\"datePublished\": 7, \"publisher\": [\"P\"]}</script>"
      "<p>Text &amp; more&nbsp;text</p><time datetime=\"2024-12-31T23:00:00-02:00\"></time>");
  EXPECT_EQ(a.text, "Text & more text");
  EXPECT_TRUE(a.authors.empty());
  EXPECT_EQ(a.publisher, "P");
  ASSERT_TRUE(a.published_time.has_value());
  EXPECT_EQ(*a.published_time, Utc(2025, 1, 1, 1, 0));
}

TEST(ParseHtmlArticleTest, TitleFallsBackToTitleElement) {
  const HtmlArticle a = MustParse("<title>\n  Just a   title </title><p>x</p>");
  EXPECT_EQ(a.title, "Just a title");
  EXPECT_EQ(a.text, "x");
}

TEST(ParseHtmlArticleTest, DropsFurnitureByTagClassIdRoleAndHiddenness) {
  const HtmlArticle a = MustParse(
      "<body><nav><p>nav</p></nav><div role=\"navigation\"><p>role nav</p></div>"
      "<div class=\"Cookie-Notice\"><p>cookies</p></div><div id=\"promo_box\"><p>promo</p></div>"
      "<div hidden><p>hidden</p></div><div aria-hidden=\"true\"><p>aria</p></div>"
      "<div class=\"commentary\"><p>Opinion kept.</p></div>"
      "<p>One <b>two</b><br>three</p><script>var x = '<p>no</p>';</script>"
      "<style>p{}</style><form><label>Email</label><input><button>Sign up</button></form>"
      "<footer>foot</footer></body>");
  EXPECT_EQ(a.text, "Opinion kept.\n\nOne two three");
}

TEST(ParseHtmlArticleTest, PageWithoutTextHasEmptyTextAndKeepsItsMetadata) {
  for (absl::string_view html :
       {"", "   ", "<html><head><title>Only a title</title></head><body></body></html>",
        "<nav>menu only</nav>", "<script>alert(1)</script>"}) {
    absl::StatusOr<HtmlArticle> a = ParseHtmlArticle(html);
    ASSERT_TRUE(a.ok()) << html << ": " << a.status();
    EXPECT_EQ(a->text, "") << html;
  }
  absl::StatusOr<HtmlArticle> a =
      ParseHtmlArticle("<html><head><title>Only a title</title></head><body></body></html>");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->title, "Only a title");
}

// Page layouts found by probing with pages modelled on real sites (2026-12-04).
// Third probe (2026-12-07): pages built by JavaScript.
TEST(ParseHtmlArticleTest, AJavaScriptShellPageIsReadFromItsJsonLdArticleBody) {
  // A Next.js page: the HTML holds navigation and an empty mount point; the story is in
  // the JSON-LD (plain text with line breaks here).
  const HtmlArticle plain = MustParse(
      "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
      "\"headline\":\"Trust joins data platform\",\"articleBody\":\"The trust joined the "
      "platform in April.\\nCampaigners said they  would keep up the pressure.\"}</script></head>"
      "<body><nav><a href=\"/\">Home</a></nav><div id=\"__next\"><p>Loading</p></div>"
      "<script id=\"__NEXT_DATA__\" type=\"application/json\">{}</script></body></html>");
  EXPECT_EQ(plain.text,
            "The trust joined the platform in April.\n\n"
            "Campaigners said they would keep up the pressure.");
  EXPECT_EQ(plain.title, "Trust joins data platform");
  // The same with a raw line break in the JSON string (invalid JSON, common in the wild).
  const HtmlArticle raw = MustParse(
      "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
      "\"articleBody\":\"The trust joined the platform in April.\nCampaigners said they would "
      "keep up the pressure.\"}</script></head><body><div id=\"__next\"></div></body></html>");
  EXPECT_EQ(raw.text,
            "The trust joined the platform in April.\n\n"
            "Campaigners said they would keep up the pressure.");
  // HTML in the articleBody is read as a body is.
  const HtmlArticle html = MustParse(
      "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
      "\"articleBody\":\"<p>The trust joined the platform in April.</p><p>It said so on "
      "Monday.</p>\"}</script></head><body><div id=\"root\"></div></body></html>");
  EXPECT_EQ(html.text, "The trust joined the platform in April.\n\nIt said so on Monday.");
  // A page with its own story keeps it when the articleBody is a mere summary.
  const HtmlArticle own = MustParse(
      "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
      "\"articleBody\":\"The trust joined.\"}</script></head><body><article>"
      "<p>The trust joined the platform in April, its board papers show.</p></article></body></html>");
  EXPECT_EQ(own.text, "The trust joined the platform in April, its board papers show.");
}

TEST(ParseHtmlArticleTest, StoryWrappersWithHookStateModifierOrTopicClassesAreKept) {
  // Each of these wrapped a whole story that was dropped as furniture: a Next.js mount point
  // ("__next" read as "next"), script hooks and states, BEM modifiers, Google's paywall
  // markup (the text behind it is the story), an opinion page's author-content, a topic.
  for (const char* attrs : {"id=\"__next\"", "class=\"content-area has-sidebar\"",
                            "class=\"main-column with-ads\"", "class=\"story-body js-paywall\"",
                            "class=\"paywall\"", "class=\"story story--comment\"",
                            "class=\"content content--type-comment tonal--tone-comment\"",
                            "class=\"article__body article__body--video\"",
                            "class=\"content shareable-content\"", "class=\"post-body author-content\"",
                            "class=\"article-content social-affairs\""}) {
    const HtmlArticle a = MustParse(absl::StrCat(
        "<html><body><nav><a href=\"/\">Home</a></nav><div ", attrs,
        "><p>The trust joined the platform in April, its board papers show.</p>"
        "<p>Campaigners said they would keep up the pressure.</p></div>"
        "<div class=\"comments\"><p>Reader comment: what a scandal this is.</p></div></body></html>"));
    EXPECT_EQ(a.text,
              "The trust joined the platform in April, its board papers show.\n\n"
              "Campaigners said they would keep up the pressure.")
        << attrs;
  }
}

TEST(ParseHtmlArticleTest, MetadataFoundByProbingWordPressAndYoastPages) {
  // The entry date in the article's own <header>, as most WordPress themes print it.
  const HtmlArticle wp = MustParse(
      "<html><body><article><header class=\"entry-header\"><h1>Trust joins data platform</h1>"
      "<div class=\"entry-meta\"><time datetime=\"2025-11-18T16:42:10+00:00\">18 November</time>"
      "</div></header><div class=\"entry-content\"><p>NHS England said on Tuesday that the trust "
      "had joined the platform.</p></div></article></body></html>");
  ASSERT_TRUE(wp.published_time.has_value());
  EXPECT_EQ(absl::FormatTime("%Y-%m-%d", *wp.published_time, absl::UTCTimeZone()), "2025-11-18");
  EXPECT_EQ(wp.text, "NHS England said on Tuesday that the trust had joined the platform.");
  // Two authors in one meta value.
  const HtmlArticle two = MustParse(
      "<html><head><meta name=\"author\" content=\"Jessica Moreno and Daniel Kwan\"></head><body>"
      "<article><p>The Pentagon said on Thursday that Palantir had won the contract.</p></article>"
      "</body></html>");
  EXPECT_EQ(two.authors, (std::vector<std::string>{"Jessica Moreno", "Daniel Kwan"}));
  // "and" inside a job title splits nothing: the title is no author.
  const HtmlArticle titled = MustParse(
      "<html><head><meta name=\"author\" content=\"Jane Doe, Health and Social Care Correspondent\">"
      "</head><body><article><p>The trust said on Thursday that it had joined the platform.</p>"
      "</article></body></html>");
  EXPECT_EQ(titled.authors, std::vector<std::string>{"Jane Doe"});
  // A raw line break inside a JSON-LD string (invalid JSON that browsers accept) no longer
  // loses the whole block; entities in a plain-text articleBody are decoded.
  const HtmlArticle ld = MustParse(
      "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
      "\"description\":\"Line one\nline two\",\"datePublished\":\"2025-07-16T09:00:00Z\","
      "\"author\":{\"name\":\"Rehana Khan\"},\"articleBody\":\"The LGA&#8217;s chair said "
      "&quot;we need answers&quot; on Monday.\"}</script></head><body><div id=\"root\"></div></body></html>");
  EXPECT_EQ(ld.authors, std::vector<std::string>{"Rehana Khan"});
  ASSERT_TRUE(ld.published_time.has_value());
  EXPECT_EQ(ld.text, "The LGA\u2019s chair said \"we need answers\" on Monday.");
}

TEST(ParseHtmlArticleTest, ALiveBlogOfArticlePostsKeepsEveryPost) {
  const HtmlArticle a = MustParse(
      "<html><body><main><div class=\"live-feed\">"
      "<article class=\"block\"><p>The hearing has ended. Thanks for following.</p></article>"
      "<article class=\"block block--key-event\"><p>Louis Mosley told the committee the company "
      "had never sold NHS data and never would, and that it was a processor.</p></article>"
      "<article class=\"block\"><p>The chair, Steve Brine, said MPs had received 2,000 emails.</p></article>"
      "</div></main></body></html>");
  EXPECT_EQ(a.text,
            "The hearing has ended. Thanks for following.\n\n"
            "Louis Mosley told the committee the company had never sold NHS data and never would, "
            "and that it was a processor.\n\n"
            "The chair, Steve Brine, said MPs had received 2,000 emails.");
}

TEST(ParseHtmlArticleTest, ATeaserCardWithALinkedHeadlineGivesWayToALongerStoryInADiv) {
  const HtmlArticle a = MustParse(
      "<html><body><div class=\"story-container\">"
      "<p>Unite will ballot ambulance workers in the North West over the data platform.</p>"
      "<p>The union's general secretary said members signed up to save lives.</p>"
      "<p>The ambulance service said the platform was used only to plan rotas.</p></div>"
      "<section class=\"more-from\"><article class=\"card\"><a href=\"/news/1\"><h3>Council tax "
      "to rise</h3></a><p>Manchester City Council's executive has recommended the maximum increase "
      "for the coming year, citing rising demand.</p></article></section></body></html>");
  EXPECT_EQ(a.text,
            "Unite will ballot ambulance workers in the North West over the data platform.\n\n"
            "The union's general secretary said members signed up to save lives.\n\n"
            "The ambulance service said the platform was used only to plan rotas.");
}

TEST(ParseHtmlArticleTest, PagesWritingParagraphsAsDivsKeepTheStoryNotThePage) {
  const HtmlArticle a = MustParse(
      "<html><body><div class=\"layout__container\"><div class=\"layout__main\">"
      "<div class=\"article-body__content\">"
      "<div data-testid=\"paragraph-0\">The U.S. Army has awarded Palantir Technologies a contract "
      "worth up to $480 million, the Pentagon said on Thursday.</div>"
      "<div data-testid=\"paragraph-1\">A Palantir spokeswoman said the company was proud to support "
      "soldiers and that the contract had been competitively awarded.</div></div></div>"
      "<div class=\"layout__rail\"><div class=\"rail__header\">Latest</div>"
      "<div class=\"story-card\"><div class=\"story-card__title\">Senate passes stopgap bill to "
      "avert shutdown</div><div>2 hours ago</div></div></div></div></body></html>");
  EXPECT_EQ(a.text,
            "The U.S. Army has awarded Palantir Technologies a contract worth up to $480 million, the "
            "Pentagon said on Thursday.\n\n"
            "A Palantir spokeswoman said the company was proud to support soldiers and that the "
            "contract had been competitively awarded.");
}

TEST(ParseHtmlArticleTest, AmpAdsDataComponentBlocksAndOrphanWidgetHeadingsAreNotText) {
  const HtmlArticle a = MustParse(
      "<html><body><main><article><header><h1>GPs raise concerns</h1></header>"
      "<div data-component=\"byline-block\"><span>Nick Jones</span><span>Health correspondent</span></div>"
      "<div data-component=\"text-block\"><p>Unison said the platform had been introduced without "
      "consultation.</p></div>"
      "<amp-ad width=\"300\" height=\"250\"><div placeholder>Advertisement</div>"
      "<div fallback>Sponsored content could not be loaded</div></amp-ad>"
      "<div data-component=\"text-block\"><p>\"We want a pause,\" said Mary Jones.</p></div>"
      "<section data-component=\"links-block\"><h2>More on this story</h2><ul><li><a href=\"/a\">"
      "What is the platform?</a></li></ul></section>"
      "<h2>Related topics</h2><ul><li><a href=\"/t/nhs\">NHS</a></li><li><a href=\"/t/p\">Palantir</a></li></ul>"
      "</article></main></body></html>");
  EXPECT_EQ(a.text,
            "Unison said the platform had been introduced without consultation.\n\n"
            "\"We want a pause,\" said Mary Jones.");
}

TEST(ParseHtmlArticleTest, ASiteTitleH1InTheMastheadIsThePublisherNotTheTitle) {
  const HtmlArticle a = MustParse(
      "<html><head><title>Trust joins data platform &#8211; Eastbrook Gazette</title></head><body>"
      "<header id=\"masthead\" class=\"site-header\"><h1 class=\"site-title\"><a href=\"/\">Eastbrook "
      "Gazette</a></h1></header><article><h2 class=\"entry-title\">Trust joins data platform</h2>"
      "<div class=\"entry-content\"><p>NHS England said on Tuesday that the trust had joined.</p></div>"
      "</article></body></html>");
  EXPECT_EQ(a.title, "Trust joins data platform");
  EXPECT_EQ(a.publisher, "Eastbrook Gazette");
}

TEST(ParseHtmlArticleTest, AuthorsFromMicrodataAndAPublisherNamedByReferenceInTheGraph) {
  const HtmlArticle micro = MustParse(
      "<html><body><article itemscope itemtype=\"https://schema.org/NewsArticle\">"
      "<p class=\"dateline\"><span itemprop=\"author\" itemscope><span itemprop=\"name\">Rehana Khan"
      "</span></span></p><div itemprop=\"articleBody\"><p>NHS England said on Tuesday that the trust "
      "had joined.</p></div></article></body></html>");
  EXPECT_EQ(micro.authors, std::vector<std::string>{"Rehana Khan"});
  // Yoast: the publisher is {"@id": ...}, named by another node of the @graph.
  const HtmlArticle yoast = MustParse(
      "<html><head><title>Councillors vote against Palantir platform - Hackney Post</title>"
      "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"NewsArticle\","
      "\"author\":{\"@id\":\"https://hp.test/#/person/1\"},\"publisher\":{\"@id\":\"https://hp.test/#org\"}},"
      "{\"@type\":\"Organization\",\"@id\":\"https://hp.test/#org\",\"name\":\"Hackney Post\"},"
      "{\"@type\":\"Person\",\"@id\":\"https://hp.test/#/person/1\",\"name\":\"Sam Okoro\"}]}</script>"
      "</head><body><article><p>Hackney Council said on Wednesday that it opposed the platform.</p>"
      "</article></body></html>");
  EXPECT_EQ(yoast.publisher, "Hackney Post");
  EXPECT_EQ(yoast.authors, std::vector<std::string>{"Sam Okoro"});
  EXPECT_EQ(yoast.title, "Councillors vote against Palantir platform");  // " - Hackney Post" goes
}

TEST(ParseHtmlArticleTest, AnExcerptsMarkerIsNoParagraph) {
  const HtmlArticle a = MustParse(
      "<p>Unite said talks with the council over pay had broken down.</p>"
      "<p>The council said it had made a fair offer.</p> [&#8230;]");
  EXPECT_EQ(a.text,
            "Unite said talks with the council over pay had broken down.\n\n"
            "The council said it had made a fair offer.");
}

TEST(ParseHtmlArticleTest, TaxonomyClassesOnTheArticleAndLayoutClassesOnTheBodyAreNotFurniture) {
  const HtmlArticle a = MustParse(
      "<html><body class=\"single-post right-sidebar nav-float-right\"><main>"
      "<article class=\"post type-post hentry category-comment tag-social-care\">"
      "<p>The trust joined the platform in April, its board papers show.</p>"
      "<p>Campaigners said they would keep up the pressure.</p></article>"
      "<div class=\"donate-box\"><p>Support local news.</p></div></main></body></html>");
  EXPECT_EQ(a.text,
            "The trust joined the platform in April, its board papers show.\n\n"
            "Campaigners said they would keep up the pressure.");
}

TEST(ParseHtmlArticleTest, APageWrappedInAFormKeepsItsTextButNotTheFormControls) {
  // ASP.NET WebForms pages put the whole page in one <form>.
  const HtmlArticle a = MustParse(
      "<html><body><form id=\"aspnetForm\" method=\"post\"><div class=\"content\">"
      "<p>The council said it had received more than 400 letters.</p>"
      "<p>It will publish its answer next month.</p></div>"
      "<label for=\"q\">Search the site</label><input id=\"q\"><button>Go</button>"
      "</form></body></html>");
  EXPECT_EQ(a.text,
            "The council said it had received more than 400 letters.\n\n"
            "It will publish its answer next month.");
}

TEST(ParseHtmlArticleTest, ABodyOfLinesSplitByBreaksIsTheArticle) {
  const HtmlArticle a = MustParse(
      "<html><body><div class=\"header-links\"><p>Was this page helpful?</p></div>"
      "<div class=\"release\">The council has written to NHS England.<br /><br />"
      "Councillor Priya Shah said residents had a right to know who could see their data."
      "<br /><br />The council said it had received more than 400 letters.</div>"
      "</body></html>");
  EXPECT_EQ(a.text,
            "The council has written to NHS England.\n\nCouncillor Priya Shah said residents had "
            "a right to know who could see their data.\n\nThe council said it had received more "
            "than 400 letters.");
}

TEST(ParseHtmlArticleTest, TeaserCardsInArticleElementsDoNotReplaceTheStory) {
  const HtmlArticle a = MustParse(
      "<html><body><div class=\"story-body\">"
      "<p>North Bristol NHS Trust has paused its roll-out of the platform.</p>"
      "<p>A trust spokesperson said it had listened to its clinicians.</p>"
      "<p>NHS England said other trusts were continuing with the programme.</p></div>"
      "<div class=\"more-stories\"><article class=\"card\"><a href=\"/n1\"><h3>Bridge "
      "closed</h3><p>Engineers said the works would take at least six weeks and warned "
      "drivers to expect long delays.</p></a></article></div></body></html>");
  EXPECT_EQ(a.text,
            "North Bristol NHS Trust has paused its roll-out of the platform.\n\n"
            "A trust spokesperson said it had listened to its clinicians.\n\n"
            "NHS England said other trusts were continuing with the programme.");
}

TEST(ParseHtmlArticleTest, RecirculationEmbedsAndInlineStoryLinksAreNotText) {
  const HtmlArticle a = MustParse(
      "<html><body><article>"
      "<div class=\"publish-info\"><span>Charlotte Green</span><span>Reporter</span>"
      "<time datetime=\"2024-02-12T05:00:00Z\">05:00, 12 FEB 2024</time></div>"
      "<p>Oldham Council has cut its bus subsidy.</p>"
      "<p><strong>READ MORE:</strong> <a href=\"/x\">Police say man arrested after stabbing</a></p>"
      "<p>RELATED: <a href=\"/y\">Mayor says violent crime is down</a></p>"
      "<blockquote class=\"twitter-tweet\"><p>The Tories are finished</p></blockquote>"
      "<div class=\"read-next-panel__container\"><p>Bank of England says rates will stay high</p></div>"
      "<div class=\"xq2-widget\"><h3>Most Read</h3><ol><li><a href=\"/m1\">Man dies after crash, "
      "police say</a></li><li><a href=\"/m2\">Star says she was heartbroken</a></li></ol></div>"
      "<ul><li>Fares rise by 10p</li><li>Routes <a href=\"/r\">listed here</a></li></ul>"
      "<p>The post Bus cuts appeared first on Oldham Gazette.</p>"
      "</article></body></html>");
  EXPECT_EQ(a.text, "Oldham Council has cut its bus subsidy.\n\nFares rise by 10p\n\nRoutes listed here");
  ASSERT_TRUE(a.published_time.has_value());  // the time in the byline block still counts
  EXPECT_EQ(*a.published_time, Utc(2024, 2, 12, 5));
}

TEST(ParseHtmlArticleTest, AStoryInSeveralLikeBlocksIsKeptWhole) {
  // Live-blog posts, or chunks around an ad slot: siblings of one tag and class.
  const HtmlArticle live = MustParse(
      "<html><body><div class=\"live\">"
      "<div class=\"post\"><p>14:05 The chancellor said the budget was fair to working people.</p></div>"
      "<div class=\"ad-slot\"><p>Advertisement copy here</p></div>"
      "<div class=\"post\"><p>13:30 The OBR said borrowing would rise by 28bn a year.</p>"
      "<p>It said growth would be slower.</p></div>"
      "<div class=\"post\"><p>08:15 Good morning and welcome to our coverage.</p></div>"
      "</div><div class=\"teasers\"><p>Another story entirely, with a long teaser text here.</p></div>"
      "</body></html>");
  EXPECT_EQ(live.text,
            "14:05 The chancellor said the budget was fair to working people.\n\n"
            "13:30 The OBR said borrowing would rise by 28bn a year.\n\nIt said growth would be slower.\n\n"
            "08:15 Good morning and welcome to our coverage.");
  // Several articleBody elements side by side are one body; one in another column is not.
  const HtmlArticle parts = MustParse(
      "<html><body><div class=\"col\"><div itemprop=\"articleBody\"><p>Water bills will rise by 21%, "
      "Ofwat said.</p></div><div itemprop=\"articleBody\"><p>Its chief executive said the rise was "
      "needed.</p><p>Campaigners said households would struggle.</p></div></div>"
      "<div class=\"col-right\"><div itemprop=\"articleBody\"><p>A chef was robbed, police said.</p>"
      "</div></div></body></html>");
  EXPECT_EQ(parts.text,
            "Water bills will rise by 21%, Ofwat said.\n\nIts chief executive said the rise was needed."
            "\n\nCampaigners said households would struggle.");
}

// Gumbo's default records every parse error with a copy of the open elements, which made
// memory grow with the square of the number of unclosed tags (1.8 GB for 15,000 <div>s).
TEST(ParseHtmlArticleTest, ThousandsOfUnclosedTagsParseInLinearMemory) {
  struct rusage before {};
  getrusage(RUSAGE_SELF, &before);
  std::string html = "<!DOCTYPE html><html><body><p>Intro text stays.</p>";
  for (int i = 0; i < 30000; ++i) html += "<div>";
  html += "<p>deep</p>";
  absl::StatusOr<HtmlArticle> a = ParseHtmlArticle(html);
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_EQ(a->text, "Intro text stays.");  // the text below 256 levels is not read
  struct rusage after {};
  getrusage(RUSAGE_SELF, &after);
  // ru_maxrss is in KiB. Quadratic growth would need several GiB here; linear needs tens of MiB.
  EXPECT_LT(after.ru_maxrss - before.ru_maxrss, 512 * 1024);
}

TEST(ParseHtmlArticleTest, GarbageMarkupDoesNotCrash) {
  const std::string cases[] = {
      "<p>unclosed <b>bold <i>italic</p> after",
      "<<<>>> </p></div></article> <p>text",
      "<div><table><tr><p>in table</p></td></div>",
      "<!-- unterminated comment <p>x</p>",
      "<p>\x80\xFF\xC3 invalid utf8 \xE2\x80</p>",
      "<article></article><p>x</p>",
      "<script type=\"application/ld+json\">[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[</script><p>y</p>",
  };
  for (const std::string& html : cases) {
    absl::StatusOr<HtmlArticle> a = ParseHtmlArticle(html);
    ASSERT_TRUE(a.ok()) << html << ": " << a.status();
    // An unterminated comment runs to the end of the page, as in a browser.
    EXPECT_EQ(a->text.empty(), absl::StartsWith(html, "<!--")) << html;
  }
  std::string deep;
  for (int i = 0; i < 3000; ++i) deep += "<div>";
  deep += "deep text";
  absl::StatusOr<HtmlArticle> a = ParseHtmlArticle(deep);
  EXPECT_TRUE(a.ok()) << a.status();
}

TEST(ParseHtmlArticleTest, RandomBytesDoNotCrash) {
  std::mt19937 rng(1234);
  std::uniform_int_distribution<int> byte(0, 255);
  const std::string alphabet = "<>/=\"' pdivarticlemetascript&;#x{}[]:,";
  std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
  for (int round = 0; round < 300; ++round) {
    std::string s;
    for (int i = 0; i < 500; ++i) {
      s.push_back(round % 2 == 0 ? static_cast<char>(byte(rng)) : alphabet[pick(rng)]);
    }
    absl::StatusOr<HtmlArticle> a = ParseHtmlArticle(s);
    EXPECT_TRUE(a.ok() || a.status().code() == absl::StatusCode::kInvalidArgument);
    LooksLikeHtml(s);
  }
}

TEST(LooksLikeHtmlTest, RecognisesPagesAndFragments) {
  EXPECT_TRUE(LooksLikeHtml("<!DOCTYPE html><p>x"));
  EXPECT_TRUE(LooksLikeHtml("\xEF\xBB\xBF  \n<!doctype HTML>"));
  EXPECT_TRUE(LooksLikeHtml("<HTML lang=en>"));
  EXPECT_TRUE(LooksLikeHtml("<p>One.</p>\n<p>Two.</p>"));
  EXPECT_TRUE(LooksLikeHtml("Intro <div class=\"x\">a</div>"));
  EXPECT_TRUE(LooksLikeHtml(Fixture("no_article_element.html")));
}

TEST(LooksLikeHtmlTest, PlainTextIsNot) {
  EXPECT_FALSE(LooksLikeHtml(""));
  EXPECT_FALSE(LooksLikeHtml("The council said x < y and y > z."));
  EXPECT_FALSE(LooksLikeHtml("Email <jane@example.com> wrote: <p>"));
  EXPECT_FALSE(LooksLikeHtml("Use the <b> tag for bold."));
  EXPECT_FALSE(LooksLikeHtml("A plain article.\n\nSecond paragraph."));
}

TEST(ParseHtmlArticleTest, PublicationTimeKeepsTheUtcOffsetItWasWrittenWith) {
  auto parse = [](const std::string& time) {
    return MustParse("<html><head><meta property=\"article:published_time\" content=\"" + time +
                     "\"></head><body><article><p>The council said no.</p></article></body></html>");
  };
  const HtmlArticle paris = parse("2026-03-05T00:30:00+01:00");
  ASSERT_TRUE(paris.published_time.has_value());
  EXPECT_EQ(*paris.published_time, Utc(2026, 3, 4, 23, 30));  // the instant
  EXPECT_EQ(paris.published_utc_offset_seconds, 3600);          // and where it was written
  EXPECT_EQ(parse("2026-03-04T23:30:00-0500").published_utc_offset_seconds, -5 * 3600);
  EXPECT_EQ(parse("2026-03-04T23:30-05:30").published_utc_offset_seconds, -(5 * 3600 + 30 * 60));
  EXPECT_EQ(parse("2026-03-04T23:30:00Z").published_utc_offset_seconds, 0);
  EXPECT_EQ(parse("2026-03-04 23:30:00+09:00").published_utc_offset_seconds, 9 * 3600);
  EXPECT_FALSE(parse("2026-03-04T23:30:00").published_utc_offset_seconds.has_value());
  EXPECT_FALSE(parse("2026-03-04").published_utc_offset_seconds.has_value());
  EXPECT_FALSE(parse("yesterday").published_utc_offset_seconds.has_value());
}

TEST(ParseHtmlArticleTest, EntitiesInJsonLdAndMetadataAreDecodedAndDoNotSplitNames) {
  const HtmlArticle a = MustParse(
      "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
      "\"@type\":\"NewsArticle\",\"headline\":\"Club fined &pound;2m\",\"datePublished\":"
      "\"2026-09-19T21:40:00Z\",\"author\":{\"@type\":\"Person\",\"name\":\"Gareth O&#39;Neill\"},"
      "\"publisher\":{\"@type\":\"Organization\",\"name\":\"The Courier &amp; Advertiser\"}}"
      "</script></head><body><article><p>Chief executive Kyril Louis-Dreyfus said the club would "
      "appeal.</p></article></body></html>");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Gareth O'Neill"}));
  EXPECT_EQ(a.publisher, "The Courier & Advertiser");
  EXPECT_EQ(a.title, "Club fined \xC2\xA3" "2m");
  // Metadata encoded twice, as some CMSs write it; a bare '&' is no reference.
  const HtmlArticle m = MustParse(
      "<html><head><meta property=\"og:site_name\" content=\"AT&amp;T News &amp;amp; Views\">"
      "<meta name=\"author\" content=\"Gareth O&amp;#39;Neill; Siobh&amp;aacute;n Kelly\"></head>"
      "<body><article><p>The board said no.</p></article></body></html>");
  EXPECT_EQ(m.publisher, "AT&T News & Views");
  EXPECT_EQ(m.authors, (std::vector<std::string>{"Gareth O'Neill", "Siobh\xC3\xA1n Kelly"}));
  std::vector<std::string> authors;
  AddAuthorNames("Gareth O&#39;Neill; Sam Jones &amp; Ann Lee", &authors);
  EXPECT_EQ(authors, (std::vector<std::string>{"Gareth O'Neill", "Sam Jones", "Ann Lee"}));
}

TEST(ParseHtmlArticleTest, AWebPagesDatePublishedThenAModificationTimeDateAPageWithNoOther) {
  // Yoast's graph with a WebPage node and no Article node (NHS England).
  const HtmlArticle yoast = MustParse(
      "<html><head><meta property=\"article:modified_time\" content=\"2026-10-27T10:02:17+00:00\">"
      "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[{"
      "\"@type\":\"WebPage\",\"@id\":\"https://www.england.nhs.uk/2026/10/x/\",\"name\":\"NHS "
      "rolls out same-day cancer checks\",\"datePublished\":\"2026-10-26T22:30:00+00:00\","
      "\"dateModified\":\"2026-10-27T10:02:17+00:00\"}]}</script></head><body><main><p>Wes Streeting "
      "said: \xE2\x80\x9CThis is exactly the kind of reform the NHS needs.\xE2\x80\x9D</p></main></body></html>");
  ASSERT_TRUE(yoast.published_time.has_value());
  EXPECT_EQ(*yoast.published_time, Utc(2026, 10, 26, 22, 30));
  // The article's own datePublished still comes first, whichever node comes first.
  const HtmlArticle both = MustParse(
      "<html><head><script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"WebPage\","
      "\"datePublished\":\"2026-10-20T08:00:00Z\"},{\"@type\":\"NewsArticle\",\"datePublished\":"
      "\"2026-10-21T08:00:00Z\"}]}</script></head><body><p>The trust said no.</p></body></html>");
  ASSERT_TRUE(both.published_time.has_value());
  EXPECT_EQ(*both.published_time, Utc(2026, 10, 21, 8));
  // Only a modification time: it dates the page; a <time> in the text would come first.
  const HtmlArticle modified = MustParse(
      "<html><head><meta property=\"article:modified_time\" content=\"2026-10-27T10:02:17+01:00\">"
      "</head><body><p>The trust said no.</p></body></html>");
  ASSERT_TRUE(modified.published_time.has_value());
  EXPECT_EQ(*modified.published_time, Utc(2026, 10, 27, 9, 2, 17));
  EXPECT_EQ(modified.published_utc_offset_seconds, 3600);
  const HtmlArticle timed = MustParse(
      "<html><head><meta property=\"article:modified_time\" content=\"2026-10-27T10:02:17+01:00\">"
      "</head><body><article><p><time datetime=\"2026-10-25\">25 October</time></p>"
      "<p>The trust said no.</p></article></body></html>");
  ASSERT_TRUE(timed.published_time.has_value());
  EXPECT_EQ(*timed.published_time, Utc(2026, 10, 25));
  const HtmlArticle ld_modified = MustParse(
      "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"dateModified\":"
      "\"2026-10-23T08:00:00Z\"}</script></head><body><p>The trust said no.</p></body></html>");
  ASSERT_TRUE(ld_modified.published_time.has_value());
  EXPECT_EQ(*ld_modified.published_time, Utc(2026, 10, 23, 8));
}

TEST(ParseHtmlArticleTest, TheStorysOwnTimeBeatsANewsTickersBeforeIt) {
  const HtmlArticle a = MustParse(
      "<html><head><title>Council row</title></head><body>"
      "<div class=\"breaking-ticker\"><span>Breaking</span> <a href=\"/old\">Storm warning issued</a> "
      "<time datetime=\"2025-11-02T08:00:00Z\">2 Nov</time></div>"
      "<article><header><h1>Council row</h1><p class=\"byline\">By Sam Jones <time "
      "datetime=\"2026-02-10T09:00:00Z\">10 February 2026</time></p></header>"
      "<p>The council\xE2\x80\x99s cabinet member for finance, Cllr Robert Chapman, said the budget gap "
      "was \xC2\xA3" "40m.</p></article></body></html>");
  ASSERT_TRUE(a.published_time.has_value());
  EXPECT_EQ(*a.published_time, Utc(2026, 2, 10, 9));
  // A story in a <div>: a <time> in it beats one before it; one that does not parse is passed.
  const HtmlArticle div = MustParse(
      "<html><body><div class=\"ticker\"><time datetime=\"2025-11-02\">2 Nov</time></div>"
      "<div class=\"story\"><p><time datetime=\"soon\">x</time><time datetime=\"2026-02-10\">10 Feb"
      "</time></p><p>The council said the budget gap was forty million pounds and growing fast.</p>"
      "<p>The mayor said the council would look again at the figures next week.</p></div></body></html>");
  ASSERT_TRUE(div.published_time.has_value());
  EXPECT_EQ(*div.published_time, Utc(2026, 2, 10));
  // Metadata still comes first.
  const HtmlArticle meta = MustParse(
      "<html><head><meta property=\"article:published_time\" content=\"2026-02-09\"></head><body>"
      "<article><p><time datetime=\"2026-02-10\">10 Feb</time> The council said no.</p></article>"
      "</body></html>");
  ASSERT_TRUE(meta.published_time.has_value());
  EXPECT_EQ(*meta.published_time, Utc(2026, 2, 9));
}

TEST(ParseHtmlArticleTest, PromosAppealsPaywallsAndBylineBlocksInTheBodyAreNotText) {
  // AP: a related-story promo set between two paragraphs (camel-case class names).
  const HtmlArticle ap = MustParse(
      "<html><body><main><div class=\"RichTextStoryBody RichTextBody\">"
      "<p>Senate Majority Leader John Thune said the measure was a clean, short-term bill.</p>"
      "<div class=\"Enhancement\"><div class=\"Enhancement-item\"><div class=\"PagePromo\" "
      "data-gtm-region=\"Related Stories\"><div class=\"PagePromo-content\"><div class=\"PagePromo-title\">"
      "<a class=\"Link\" href=\"/article/trump-budget\"><span class=\"PagePromoContentIcons-text\">Trump "
      "says he will veto any bill that funds sanctuary cities</span></a></div></div></div></div></div>"
      "<div class=\"PagePromo\"><p>The president told reporters on Monday that he would not sign it.</p></div>"
      "<p>Senate Democratic leader Chuck Schumer said Democrats would not provide the votes.</p>"
      "</div></main></body></html>");
  EXPECT_EQ(ap.text,
            "Senate Majority Leader John Thune said the measure was a clean, short-term bill.\n\n"
            "Senate Democratic leader Chuck Schumer said Democrats would not provide the votes.");
  // The Guardian: the meta block (byline, date, share links) and the appeal after the body.
  const HtmlArticle guardian = MustParse(
      "<html><body><main><article class=\"dcr-1s1bfzx\">"
      "<div data-gu-name=\"meta\"><address aria-label=\"Contributor info\"><a rel=\"author\" "
      "href=\"/profile/helena-horton\">Helena Horton</a></address><details><summary><span>Fri 14 Aug "
      "2026 18.05 BST</span></summary></details><div data-gu-name=\"share\"><a href=\"#\">Share on "
      "Facebook</a></div></div>"
      "<div data-gu-name=\"body\"><div id=\"maincontent\"><div class=\"article-body-commercial-selector "
      "dcr-fp1ya\"><p>The Environment Agency\xE2\x80\x99s chair, Alan Lovell, said on Thursday that "
      "hosepipe bans could run into 2027.</p><p>Water UK said companies were investing a record "
      "\xC2\xA3" "104bn over the next five years.</p></div></div>"
      "<div id=\"slot-body-end\"><div class=\"dcr-1b8uk2u\"><h2>\xE2\x80\xA6 there is a good reason why "
      "people don\xE2\x80\x99t pay for the Guardian.</h2><p>Our editor said readers keep us independent, "
      "and we want to keep it that way.</p><a href=\"https://support.theguardian.com/contribute\">Support "
      "us</a></div></div></div></article></main></body></html>");
  EXPECT_EQ(guardian.text,
            "The Environment Agency\xE2\x80\x99s chair, Alan Lovell, said on Thursday that hosepipe bans "
            "could run into 2027.\n\nWater UK said companies were investing a record \xC2\xA3" "104bn over "
            "the next five years.");
  // A donation appeal and a paywall gate; a bare "paywall" class wraps the story itself.
  const HtmlArticle gate = MustParse(
      "<html><body><div class=\"story__body\">"
      "<div class=\"story__para\"><p>The Office for Students said 43% of providers were forecasting a "
      "deficit this year.</p></div>"
      "<div class=\"story__para\"><p>Jo Grady, general secretary of the University and College Union, "
      "said thousands of jobs were at risk.</p></div>"
      "<div class=\"wp-block-group newspack-inline-donate\"><p>Local news is a public good. Our publisher "
      "said every dollar goes to reporting. <a href=\"/donate\">Donate today</a>.</p></div>"
      "<div class=\"paywall-gate\"><div class=\"paywall-gate__inner\"><h3>Subscribe to continue reading"
      "</h3><p>Get 3 months for \xC2\xA3" "1. Our readers say it is worth every penny.</p></div></div>"
      "</div></body></html>");
  EXPECT_EQ(gate.text,
            "The Office for Students said 43% of providers were forecasting a deficit this year.\n\n"
            "Jo Grady, general secretary of the University and College Union, said thousands of jobs "
            "were at risk.");
  const HtmlArticle behind_wall = MustParse(
      "<html><body><article><p>The council said the budget was balanced.</p><div class=\"paywall\">"
      "<p>The mayor said no services would be cut this year.</p></div></article></body></html>");
  EXPECT_EQ(behind_wall.text,
            "The council said the budget was balanced.\n\nThe mayor said no services would be cut this year.");
  // Medium: the byline block (author, follow button, reading time, date, claps).
  const HtmlArticle medium = MustParse(
      "<html><body><article><section><h1 class=\"pw-post-title\" data-testid=\"storyTitle\">Why we left "
      "the cloud</h1><div class=\"ja jb\"><div class=\"speechify-ignore ab cp\"><p class=\"bf b jq jr bk\">"
      "<a data-testid=\"authorName\" href=\"/@tferreira\">Tom\xC3\xA1s Ferreira</a></p><div class=\"ab ae\">"
      "<span data-testid=\"storyReadTime\">7 min read</span><span data-testid=\"storyPublishDate\">Feb "
      "11, 2026</span></div><div class=\"pw-multi-vote-count l ly\"><p class=\"bf b dy z dx\"><span "
      "class=\"mf\">1.2K</span></p></div></div></div>"
      "<p class=\"pw-post-body-paragraph mx my\">Eighteen months ago, our CTO, Aisha Bello, told the "
      "board that we were spending more on AWS than on salaries.</p>"
      "<p class=\"pw-post-body-paragraph mx my\">Amazon said in a statement that customers typically "
      "save 30% without leaving the platform.</p></section></article></body></html>");
  EXPECT_EQ(medium.text,
            "Eighteen months ago, our CTO, Aisha Bello, told the board that we were spending more on AWS "
            "than on salaries.\n\nAmazon said in a statement that customers typically save 30% without "
            "leaving the platform.");
}

TEST(ParseHtmlArticleTest, ALiveBlogOfDivPostsKeepsEveryPostsBody) {
  const HtmlArticle a = MustParse(
      "<html><body><div class=\"lb-feed\">"
      "<div class=\"lb-post\"><div class=\"lb-post__time\">16:45</div><div class=\"lb-post__body\">"
      "<p>The IFS director, Helen Miller, said the Budget left the tax burden at its highest level since "
      "the war.</p><p>\xE2\x80\x9CThe Chancellor has chosen to raise taxes rather than cut spending,"
      "\xE2\x80\x9D she told a briefing.</p></div></div>"
      "<div class=\"lb-post\"><div class=\"lb-post__time\">14:10</div><div class=\"lb-post__body\">"
      "<p>Shadow chancellor Mel Stride said working people would pay the price for years to come.</p>"
      "</div></div>"
      "<div class=\"lb-post\"><div class=\"lb-post__time\">12:31</div><div class=\"lb-post__body\">"
      "<p>Rachel Reeves told MPs: \xE2\x80\x9CI have made the fair and necessary choices to fix the "
      "foundations of our economy.\xE2\x80\x9D</p><p>The CBI said the rise in employers\xE2\x80\x99 "
      "national insurance would force firms to cut hiring and investment.</p><p>Its chief economist, "
      "Louise Hellem, added: \xE2\x80\x9CThis is the wrong tax at the wrong time.\xE2\x80\x9D</p></div></div>"
      "</div><div class=\"promo-strip\"><p>Sign up for our Budget briefing newsletter today.</p></div>"
      "</body></html>");
  EXPECT_EQ(a.text,
            "The IFS director, Helen Miller, said the Budget left the tax burden at its highest level since "
            "the war.\n\n\xE2\x80\x9CThe Chancellor has chosen to raise taxes rather than cut spending,"
            "\xE2\x80\x9D she told a briefing.\n\n"
            "Shadow chancellor Mel Stride said working people would pay the price for years to come.\n\n"
            "Rachel Reeves told MPs: \xE2\x80\x9CI have made the fair and necessary choices to fix the "
            "foundations of our economy.\xE2\x80\x9D\n\nThe CBI said the rise in employers\xE2\x80\x99 "
            "national insurance would force firms to cut hiring and investment.\n\nIts chief economist, "
            "Louise Hellem, added: \xE2\x80\x9CThis is the wrong tax at the wrong time.\xE2\x80\x9D");
  // One story beside wrappers of another kind stays alone.
  const HtmlArticle one = MustParse(
      "<html><body><div class=\"row\"><div class=\"story-body\"><p>The council said the budget gap was "
      "forty million pounds and growing, and that services would be cut.</p><p>The mayor said the "
      "figures would be checked again next week by the auditors.</p></div></div>"
      "<div class=\"card\"><div class=\"story-body\"><p>Another story the page links to, at some length "
      "to tempt the reader.</p></div></div></body></html>");
  EXPECT_EQ(one.text,
            "The council said the budget gap was forty million pounds and growing, and that services would "
            "be cut.\n\nThe mayor said the figures would be checked again next week by the auditors.");
}

TEST(ParseHtmlArticleTest, AuthorListsLoseJobTitlesAndPostnominals) {
  const HtmlArticle y = MustParse(
      "<html><head><title>Budget news - BBC News</title><meta name=\"author\" content=\"Jane Smith and "
      "John Doe, Health Reporters\"></head><body><article><p>The mayor, Jane Holt, said the budget was "
      "balanced.</p></article></body></html>");
  EXPECT_EQ(y.authors, (std::vector<std::string>{"Jane Smith", "John Doe"}));
  std::vector<std::string> authors;
  AddAuthorNames("Dr. Jane Smith, MD", &authors);
  AddAuthorNames("Sam Jones, Ph.D.; Ann Lee, OBE", &authors);
  AddAuthorNames("John Smith, Jr., and Mary Roe", &authors);
  AddAuthorNames("Political Correspondents", &authors);
  EXPECT_EQ(authors, (std::vector<std::string>{"Dr. Jane Smith", "Sam Jones", "Ann Lee", "John Smith Jr.",
                                               "Mary Roe"}));
}

TEST(ParseHtmlArticleTest, ATitlesTrailingSiteNameIsDroppedWhenNoPublisherIsNamed) {
  auto parse = [](const std::string& head) {
    return MustParse("<html><head>" + head +
                     "</head><body><article><p>The council said no.</p></article></body></html>");
  };
  const HtmlArticle bbc = parse("<title>Budget news - BBC News</title>");
  EXPECT_EQ(bbc.title, "Budget news");
  EXPECT_EQ(bbc.publisher, "BBC News");
  EXPECT_EQ(parse("<title>Water crisis | The Guardian</title>").title, "Water crisis");
  // Spelled by the page's host.
  const HtmlArticle host = parse(
      "<title>Pay deal agreed \xE2\x80\x93 Hackney Citizen</title>"
      "<link rel=\"canonical\" href=\"https://www.hackneycitizen.co.uk/2026/01/pay\">");
  EXPECT_EQ(host.title, "Pay deal agreed");
  EXPECT_EQ(host.publisher, "Hackney Citizen");
  // A named publisher is what is dropped; no other suffix is taken for one.
  const HtmlArticle named = parse(
      "<meta property=\"og:site_name\" content=\"The Courier\"><title>Club fined | The Courier</title>");
  EXPECT_EQ(named.title, "Club fined");
  EXPECT_EQ(named.publisher, "The Courier");
  EXPECT_EQ(parse("<title>Brexit - what happens next</title>").title, "Brexit - what happens next");
  EXPECT_EQ(parse("<title>Rishi Sunak - Profile</title>").title, "Rishi Sunak - Profile");
  EXPECT_EQ(parse("<title>Rishi Sunak - Profile</title>").publisher, "");
  EXPECT_EQ(parse("<title>- BBC News</title>").title, "- BBC News");
}

TEST(ParseHtmlArticleTest, StoryWrappersNamedWithSlotOrMetaAndGenericTitleSuffixesStay) {
  for (const char* wrapper : {"<div class=\"content-slot\">", "<div class=\"main-slot\">",
                              "<div class=\"articleMetaContent\">", "<div data-testid=\"article-body-slot\">"}) {
    const HtmlArticle a = MustParse(std::string("<html><body>") + wrapper +
                                    "<p>The council said the plan was sound.</p></div></body></html>");
    EXPECT_EQ(a.text, "The council said the plan was sound.") << wrapper;
  }
  const HtmlArticle appeal = MustParse(
      "<html><body><article><p>The council said the plan was sound.</p>"
      "<div id=\"slot-body-end\"><p>Our editor said readers keep us going.</p></div></article></body></html>");
  EXPECT_EQ(appeal.text, "The council said the plan was sound.");
  const HtmlArticle latest = MustParse(
      "<html><head><title>Election 2024 - Latest News</title></head><body><article><p>The council "
      "said no.</p></article></body></html>");
  EXPECT_EQ(latest.title, "Election 2024 - Latest News");
  EXPECT_EQ(latest.publisher, "");
}

}  // namespace
// A <br> breaks a line, not always a paragraph: a sentence that goes on after it in lower
// case is one paragraph (its claim was cut at the break before 2026-12-07).
TEST(ParseHtmlArticleTest, ALineBreakInsideASentenceKeepsTheSentenceWhole) {
  EXPECT_EQ(MustParse("<p>Hackney Council said it would<br>pause the rollout.</p>").text,
            "Hackney Council said it would pause the rollout.");
  EXPECT_EQ(MustParse("<p>\"We will not sign,\"<br/>\nsaid <b>Jane</b> Smith.</p>").text,
            "\"We will not sign,\" said Jane Smith.");
  // A new line that starts with a capital, a line that ended a sentence, or two breaks in a
  // row: a new paragraph.
  EXPECT_EQ(MustParse("<p>For immediate release<br>Hackney Council said it would stop.</p>").text,
            "For immediate release\n\nHackney Council said it would stop.");
  EXPECT_EQ(MustParse("<p>It will stop.<br>then it starts.</p>").text, "It will stop.\n\nthen it starts.");
  EXPECT_EQ(MustParse("<p>one line<br><br>two lines</p>").text, "one line\n\ntwo lines");
  EXPECT_EQ(MustParse("<p><br>leading break</p>").text, "leading break");
}

// An embedded tweet is the story's (its words quoted, then its signature, without the links
// the post shortens), even in a wrapper whose class says "twitter"; a Twitter timeline is
// furniture.
TEST(ParseHtmlArticleTest, AnEmbeddedPostIsKeptAsAQuotationSignedWithADash) {
  const std::string html =
      "<article><p>NHS England replied on social media.</p>"
      "<figure class=\"embed embed--twitter\"><blockquote class=\"twitter-tweet\" data-lang=\"en\">"
      "<p lang=\"en\" dir=\"ltr\">We will publish every contract. <a href=\"https://t.co/abc\">pic.twitter.com/abc</a>"
      "</p>&mdash; NHS England (@NHSEngland) <a href=\"https://twitter.com/NHSEngland/status/1\">July 3, 2025</a>"
      "</blockquote><script async src=\"https://platform.twitter.com/widgets.js\"></script></figure>"
      "<p>Campaigners were not convinced.</p></article>"
      "<div class=\"twitter-timeline\">Follow us on Twitter for the latest news</div>";
  EXPECT_EQ(MustParse(html).text,
            "NHS England replied on social media.\n\n"
            "\xE2\x80\x9CWe will publish every contract.\xE2\x80\x9D \xE2\x80\x94 NHS England (@NHSEngland) July 3, 2025"
            "\n\nCampaigners were not convinced.");
  // A post with no words of its own (a bare link) leaves nothing.
  EXPECT_EQ(MustParse("<article><p>Before.</p><blockquote class=\"twitter-tweet\"><p><a href=\"https://t.co/x\">"
                      "https://t.co/x</a></p>&mdash; X (@x)</blockquote><p>After.</p></article>")
                .text,
            "Before.\n\nAfter.");
}

// Bluesky's markup (the handle in a link, a time after the date); a promo box that holds a
// post among other text is still furniture; a post three wrappers deep is kept.
TEST(ParseHtmlArticleTest, BlueskyPostsDeepWrappersAndPromoBoxesWithPosts) {
  EXPECT_EQ(MustParse("<article><p>Before.</p><blockquote class=\"bluesky-embed\"><p lang=\"en\">Long overdue.</p>"
                      "&mdash; Dr Sara Quinn (<a href=\"https://bsky.app/profile/s\">@saraquinn.bsky.social</a>) "
                      "<a href=\"https://bsky.app/profile/s/post/3\">July 5, 2025 at 9:14 AM</a></blockquote></article>")
                .text,
            "Before.\n\n\xE2\x80\x9CLong overdue.\xE2\x80\x9D \xE2\x80\x94 Dr Sara Quinn (@saraquinn.bsky.social) "
            "July 5, 2025 at 9:14 AM");
  EXPECT_EQ(MustParse("<article><p>Before.</p><div class=\"promo-box\"><p>Our political editor said it was over.</p>"
                      "<blockquote class=\"twitter-tweet\"><p>Follow us</p>&mdash; Site (@site)</blockquote></div>"
                      "<p>After.</p></article>")
                .text,
            "Before.\n\nAfter.");
  EXPECT_EQ(MustParse("<article><p>Before.</p><div class=\"social-embed\"><div class=\"embed-twitter\"><figure "
                      "class=\"tweet\"><blockquote class=\"twitter-tweet\"><p>Signed today.</p>&mdash; Gavin Newsom "
                      "(@GavinNewsom) July 7, 2025</blockquote></figure></div></div></article>")
                .text,
            "Before.\n\n\xE2\x80\x9CSigned today.\xE2\x80\x9D \xE2\x80\x94 Gavin Newsom (@GavinNewsom) July 7, 2025");
  // A quotation in a post's words becomes one in single marks: the marks do not nest.
  EXPECT_EQ(MustParse("<article><blockquote class=\"twitter-tweet\"><p>Nurses told me: \"We are exhausted.\"</p>"
                      "&mdash; Wes Streeting (@wesstreeting) July 9, 2025</blockquote></article>")
                .text,
            "\xE2\x80\x9CNurses told me: 'We are exhausted.'\xE2\x80\x9D \xE2\x80\x94 Wes Streeting (@wesstreeting) July 9, 2025");
}

}  // namespace claims::extract
