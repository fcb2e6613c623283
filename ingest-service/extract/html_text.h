// Main-text and metadata extraction from an HTML page (Debian's gumbo).
#ifndef CLAIMS_INGEST_SERVICE_EXTRACT_HTML_TEXT_H_
#define CLAIMS_INGEST_SERVICE_EXTRACT_HTML_TEXT_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace claims::extract {

struct HtmlArticle {
  // The article body as plain text: one paragraph per block element (<p>, <li>, <h2>,
  // <td>..., and <br>), paragraphs separated by "\n\n", whitespace (no-break spaces
  // included) collapsed, entities decoded. The body is the longest [itemprop=articleBody]
  // element with its articleBody siblings, else the <article> with the most text (with its
  // sibling <article>s of the same first class name and a fifth of its text or more: a live
  // blog's posts) unless it is mostly link text, has less than half the text of the next
  // candidate, or has less text than that and a linked headline (teaser cards),
  // else the element whose <p> children (and text lines split by <br>) carry the most text,
  // with its siblings of the same tag and class that carry a fifth of that or more (live-blog
  // posts, chunks around an ad slot; a <div> with no block inside and a sentence of text
  // counts as a paragraph on pages that use no <p>); when it has none, the like elements
  // (same tag and class, a fifth or more) in sibling wrappers of one kind one or two levels
  // up, one each (a live blog of <div> posts: div.lb-post > div.lb-post__time +
  // div.lb-post__body > p keeps every post's body, not its time). Dropped: nav, header, footer, aside,
  // AMP ads and embeds (<amp-ad>...),
  // script, style, noscript, button, label, form controls, figcaption, iframe, svg, the <h1>
  // headline, hidden elements (hidden, aria-hidden, display:none), ARIA
  // navigation/banner/contentinfo/complementary roles, and elements other than <body>,
  // <html> and <main> whose class, id, data-component, data-gu-name or data-testid names
  // furniture, word by word (split at - _ : . / and camel case: "PagePromo"): cookie,
  // consent, banner, newsletter, subscribe, related, share, social, promo, advert, ad,
  // teaser, comments, breadcrumb, menu, sidebar, byline, meta, credit, caption, read-next,
  // trending, embeds such as twitter-tweet and video-player, pull quotes, slots filled
  // around the story ("slot-body-end", "ad-slot"), AP's "Enhancement", appeals for money
  // (paywall-gate, donate, contributions, epic: a bare "paywall" or "paywall-content"
  // wraps the story and is kept), Medium's "speechify-ignore" byline block...; lists of links ("Most read", whatever
  // their class); paragraphs that only point at another story ("READ MORE: ...",
  // "RELATED: ...") and a WordPress feed's "The post ... appeared first on ..."; taxonomy classes
  // ("tag-social-care", "category-comment") name no furniture. A <form> is kept (ASP.NET
  // pages wrap the whole page in one); its controls are not. When that text is under half
  // as long as the JSON-LD NewsArticle's articleBody (pages built by JavaScript, whose HTML
  // is an empty shell), the articleBody is the text instead (HTML in it read the same way;
  // plain text split into paragraphs at line breaks).
  std::string text;
  // og:title, then the first <h1>, then <title> (og:title and <title> minus a trailing
  // " | Publisher" or " - Publisher"; with no publisher named, minus a trailing name that
  // looks like a news site's: up to five capitalised words that spell the canonical URL's
  // host or hold an outlet word such as News, Times, Guardian: "Budget news - BBC News"),
  // then JSON-LD headline. In this and the other metadata, character
  // references are decoded: JSON-LD's strings ("O&#39;Neill", "&amp;"), which no HTML
  // parser reads, and meta contents a CMS encoded twice ("&amp;#39;").
  std::string title;
  std::string publisher;      // og:site_name, then JSON-LD publisher.name (or the name of the
                              // node its "@id" refers to), then a masthead's
                              // site-name <h1> ("site-title", "logo": never the title),
                              // then the site name the title ended with ("BBC News")
  std::string canonical_url;  // <link rel=canonical>, then og:url (as written, not resolved)
  std::string language;       // <html lang>, then og:locale; primary subtag, lower-case
  std::string language_tag;   // the same tag as written ("en-US", "en_GB"): dates read by it
  // meta name=author and article:author, then microdata ([itemprop=author], its
  // [itemprop=name]) when those name none, then JSON-LD author(s) (string, object, an
  // object naming another node of the graph by "@id", or array,
  // in the first NewsArticle-like object: top level, in @graph or as a WebPage's
  // mainEntity); split at ',', ';', '|', " and " and " & ", "By " removed, URLs, job titles
  // ("Health Reporter", "Health correspondent", "Health Reporters") and postnominals ("MD",
  // "PhD", "OBE") skipped, "Jr."/"Sr."/"III" kept with the name before, duplicates removed.
  std::vector<std::string> authors;
  // article:published_time (or meta itemprop=datePublished), then JSON-LD datePublished (of
  // the article, then of a WebPage-like node: Yoast may date only the page), then a
  // <time datetime> outside furniture (a byline's counts, and so does the article's own
  // <header>): the first inside the body or the <article> holding it, else the first in any
  // <article>, else the first (a news ticker's only when nothing closer dates it), then, when nothing gives a publication time, the modification time
  // (article:modified_time, og:updated_time, JSON-LD dateModified); RFC 3339 (also
  // with a space for the T, or +0100 for the offset), or a date alone (UTC
  // midnight). Unset when none parses.
  std::optional<absl::Time> published_time;
  // The UTC offset written with published_time, in seconds ("+01:00" 3600, "Z" 0): the
  // publication's local day, which relative dates ("yesterday") count from, is the civil
  // date at that offset. Unset when published_time is, or was written without an offset
  // (a date alone, "2025-06-11 05:12:41": read as UTC, whose date is the one written).
  std::optional<int> published_utc_offset_seconds;
};

// Adds the author names in `value` to `authors` as HtmlArticle::authors are read: character
// references decoded first (the ';' of "O&#39;Neill" parts nothing), then split at
// ',', ';', '|', " and ", " & "; "By " removed; URLs, job titles ("Health Reporter",
// "Health Reporters", "Communications Team") and postnominals ("Dr. Jane Smith, MD")
// skipped; a generational suffix joins the name before it ("John Smith, Jr." -> "John
// Smith Jr."); names already there (case-insensitively) not repeated.
void AddAuthorNames(absl::string_view value, std::vector<std::string>* authors);

// Never fails on malformed markup or bytes (gumbo repairs it; malformed JSON-LD is
// skipped, raw line breaks and tabs in its strings read as the escapes they should have
// been); INVALID_ARGUMENT only
// when gumbo builds no tree. A page with no article text
// (only furniture, or text nested deeper than 256 elements) gives an empty `text`, for the
// caller to refuse as it documents (the extractor: EMPTY_ARTICLE). Gumbo records no parse
// errors, so memory stays linear in the page even with thousands of unclosed tags.
// Thread-safe (no shared state).
absl::StatusOr<HtmlArticle> ParseHtmlArticle(absl::string_view html);

// True when `content` looks like HTML rather than plain text: it starts (after a BOM and
// whitespace) with a doctype or <html>, or its first 2 KB hold at least two tags among
// p, div, br, h1-h4, body, head, article, section, table, ul, ol, li, title, meta, main,
// blockquote.
bool LooksLikeHtml(absl::string_view content);

}  // namespace claims::extract

#endif  // CLAIMS_INGEST_SERVICE_EXTRACT_HTML_TEXT_H_
