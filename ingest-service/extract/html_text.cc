#include "ingest-service/extract/html_text.h"

#include <gumbo.h>

#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/timestamps.h"
#include "nlohmann/json.hpp"

namespace claims::extract {
namespace {

// Deeper markup than this is ignored (gumbo already caps what it builds; this keeps our own
// recursion bounded on hostile input).
constexpr int kMaxDepth = 256;

using GumboOutputPtr = std::unique_ptr<GumboOutput, void (*)(GumboOutput*)>;

// Gumbo's options with no parse errors recorded: we never read them, and each error copies
// the stack of open elements, so a page of N unclosed tags cost memory in N squared (75 KB of
// unclosed <div>s took 1.8 GB with the default of unlimited errors).
const GumboOptions& ParseOptions() {
  static const GumboOptions* const kOptions = [] {
    auto* o = new GumboOptions(kGumboDefaultOptions);
    o->max_errors = 0;
    return o;
  }();
  return *kOptions;
}

GumboOutputPtr Parse(absl::string_view html) {
  GumboOutput* out = gumbo_parse_with_options(&ParseOptions(), html.data(), html.size());
  return GumboOutputPtr(out, [](GumboOutput* o) {
    if (o != nullptr) gumbo_destroy_output(&ParseOptions(), o);
  });
}

bool IsElement(const GumboNode* node) {
  return node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE;
}

absl::string_view Attr(const GumboNode* node, const char* name) {
  if (!IsElement(node)) return {};
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a == nullptr || a->value == nullptr ? absl::string_view() : absl::string_view(a->value);
}

bool HasAttr(const GumboNode* node, const char* name) {
  return IsElement(node) && gumbo_get_attribute(&node->v.element.attributes, name) != nullptr;
}

const GumboVector& Children(const GumboNode* node) {
  static const GumboVector kEmpty = {nullptr, 0, 0};
  if (IsElement(node)) return node->v.element.children;
  if (node->type == GUMBO_NODE_DOCUMENT) return node->v.document.children;
  return kEmpty;
}

GumboTag Tag(const GumboNode* node) {
  return IsElement(node) ? node->v.element.tag : GUMBO_TAG_UNKNOWN;
}

bool IsSpaceByte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Appends `text` to `out` collapsing whitespace (no-break spaces included) into single
// spaces; `*pending_space` carries a space across calls.
void AppendCollapsed(absl::string_view text, std::string* out, bool* pending_space) {
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (IsSpaceByte(c)) {
      *pending_space = true;
      continue;
    }
    if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < text.size() &&
        static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      *pending_space = true;
      ++i;
      continue;
    }
    if (*pending_space && !out->empty()) out->push_back(' ');
    *pending_space = false;
    out->push_back(c);
  }
}

std::string Collapse(absl::string_view text) {
  std::string out;
  bool pending = false;
  AppendCollapsed(text, &out, &pending);
  return out;
}

// True when `s` holds something that reads as a character reference: '&', then a name or
// '#' and digits, then ';' ("&amp;", "&#39;", "&#x2019;").
bool HasCharacterReference(absl::string_view s) {
  for (size_t amp = s.find('&'); amp != absl::string_view::npos; amp = s.find('&', amp + 1)) {
    size_t i = amp + 1;
    if (i < s.size() && s[i] == '#') ++i;
    const size_t first = i;
    while (i < s.size() && i - first < 32 && absl::ascii_isalnum(static_cast<unsigned char>(s[i]))) ++i;
    if (i > first && i < s.size() && s[i] == ';') return true;
  }
  return false;
}

const GumboNode* FirstElement(const GumboNode* node, GumboTag tag, int depth) {
  if (depth > 8) return nullptr;
  const GumboVector& children = Children(node);
  for (unsigned i = 0; i < children.length; ++i) {
    const GumboNode* c = static_cast<const GumboNode*>(children.data[i]);
    if (Tag(c) == tag) return c;
    if (const GumboNode* found = FirstElement(c, tag, depth + 1)) return found;
  }
  return nullptr;
}

// `s` with its character references decoded as HTML text's are ("&amp;" "&", "&#39;" "'",
// "&pound;" "\xC2\xA3"; "AT&T" kept), for strings that no HTML parser has read: JSON-LD's,
// and metadata a CMS encoded twice. Nothing else changes.
std::string DecodeEntities(absl::string_view s) {
  if (!HasCharacterReference(s)) return std::string(s);
  // A <title> holds RCDATA: references are decoded, tags are not read; escaping '<' keeps
  // anything in `s` from closing it.
  std::string html = "<title>";
  for (char c : s) {
    if (c == '<') {
      html += "&lt;";
    } else {
      html.push_back(c);
    }
  }
  html += "</title>";
  GumboOutputPtr out = Parse(html);
  if (out == nullptr || out->root == nullptr) return std::string(s);
  const GumboNode* title = FirstElement(out->root, GUMBO_TAG_TITLE, 0);
  if (title == nullptr) return std::string(s);
  std::string text;
  const GumboVector& children = Children(title);
  for (unsigned i = 0; i < children.length; ++i) {
    const GumboNode* c = static_cast<const GumboNode*>(children.data[i]);
    if (c->type != GUMBO_NODE_ELEMENT && c->type != GUMBO_NODE_TEMPLATE && c->v.text.text != nullptr) {
      text += c->v.text.text;
    }
  }
  return text;
}

// Class and id words of a byline block ("byline", "publish-info", "author-date",
// "entry-meta"): furniture for the text, but the <time> in it dates the article.
bool IsBylineWord(absl::string_view w) {
  return absl::StartsWith(w, "byline") || absl::StartsWith(w, "publish") ||
         absl::StartsWith(w, "author") || w == "meta";
}

// Class and id words of an element that holds the site's name ("site-title", "logo").
bool IsSiteNameWord(absl::string_view w) {
  return w == "site" || w == "logo" || w == "brand" || w == "branding" || w == "masthead" || w == "sitename";
}

// Class and id words that mark page furniture rather than the article.
bool IsFurnitureWord(absl::string_view w) {
  if (IsBylineWord(w)) return true;
  // Also appeals for money ("paywall-gate", "newspack-inline-donate", "contributions-epic"):
  // a publisher's words, which read as claims ("Our editor said readers keep us independent").
  static constexpr absl::string_view kPrefixes[] = {
      "cookie", "consent", "banner",     "newsletter", "subscri", "related", "share",
      "social", "promo",   "advert",     "teaser",     "breadcrumb", "menu", "sidebar",
      "footer", "navbar",  "navigation", "masthead",   "sponsor", "outbrain",
      "taboola", "popup",  "modal",      "skip",       "credit",  "caption", "paywall",
      "donat"};
  // Also recirculation ("read-next-panel", "trending"), social and video embeds
  // ("twitter-timeline", "instagram-media", "video-player"; but see IsEmbeddedPost for a
  // signed post the story quotes), pull quotes, which repeat the text,
  // slots filled in around the story (Guardian's "slot-body-end" appeal, "ad-slot") and
  // embedded extras (AP's "Enhancement" around promos, photos and ads).
  static constexpr absl::string_view kExact[] = {
      "links",   "topic",    "topics",  "slot",  "epic", "contribution", "contributions",
      "enhancement", "enhancements",
      "comment", "comments", "nav",      "ad",        "ads",     "gdpr",     "signup",
      "sign",    "most",     "popular",  "read",      "next",    "trending", "recommended",
      "recirc",  "recirculation", "tweet", "twitter", "instagram", "tiktok", "facebook",
      "video",   "player",   "pullquote"};
  if (absl::StartsWith(w, "shareable")) return false;  // "shareable-content" is the story
  for (absl::string_view p : kPrefixes) {
    if (absl::StartsWith(w, p)) return true;
  }
  for (absl::string_view e : kExact) {
    if (w == e) return true;
  }
  return false;
}

// Class names that file a post under a taxonomy rather than say what the element is
// (WordPress's "tag-social-care", "category-comment", "format-standard" on the <article>).
bool IsTaxonomyClass(absl::string_view c) {
  static constexpr absl::string_view kPrefixes[] = {"tag-", "category-", "format-", "status-",
                                                    "type-", "postid-", "topic-"};
  for (absl::string_view p : kPrefixes) {
    if (absl::StartsWith(c, p)) return true;
  }
  return false;
}

// Class names that say nothing of what the element is: a framework's mount point
// ("__next", "__nuxt": Next.js and Nuxt render the whole page in them), script hooks and
// states ("js-paywall", "has-sidebar", "with-ads", "is-open").
bool IsHookOrStateClass(absl::string_view c) {
  static constexpr absl::string_view kPrefixes[] = {"__", "js-", "has-", "with-", "is-"};
  for (absl::string_view p : kPrefixes) {
    if (absl::StartsWith(c, p)) return true;
  }
  return false;
}

// True when `is_word` holds for a word of the class or id names in `value` (lower-cased,
// split at - _ : . / and where camel case starts a word, "PagePromo" -> page, promo; taxonomy,
// hook and state classes skipped, and a BEM modifier after "--" too:
// "content--type-comment" and "article__body--video" are the story, whatever kind of story
// it is).
template <typename IsWord>
bool AnyNameWord(absl::string_view value, IsWord is_word) {
  if (value.empty()) return false;
  for (absl::string_view written : absl::StrSplit(value, absl::ByAnyChar(" \t\n\r\f"), absl::SkipEmpty())) {
    if (const size_t modifier = written.find("--"); modifier != absl::string_view::npos && modifier > 0) {
      written = written.substr(0, modifier);
    }
    const std::string lower_name = absl::AsciiStrToLower(written);
    const absl::string_view name = lower_name;
    if (IsTaxonomyClass(name) || IsHookOrStateClass(name)) continue;
    // A text-to-speech reader's skip mark (Medium's byline and header block).
    if (name == "speechify-ignore") return is_word("byline");
    // A bare "paywall" (or "paywall-content") wraps the story behind the wall; other
    // paywall names ("paywall-gate", "paywall__prompt") are the wall.
    if (absl::StrContains(name, "paywall") &&
        (name == "paywall" || absl::StrContains(name, "content") || absl::StrContains(name, "body") ||
         absl::StrContains(name, "story") || absl::StrContains(name, "article") ||
         absl::StrContains(name, "text"))) {
      continue;
    }
    // "author-content" (an opinion page's story) names the story, not its byline; a topic
    // such as "social-affairs" or "social-care" is no share bar.
    if (absl::StrContains(name, "content") || absl::StrContains(name, "body") ||
        absl::StrContains(name, "story")) {
      if (absl::StartsWith(name, "author") || absl::StartsWith(name, "byline")) continue;
    }
    if (absl::StartsWith(name, "social-") &&
        (absl::StrContains(name, "affairs") || absl::StrContains(name, "care") ||
         absl::StrContains(name, "policy") || absl::StrContains(name, "justice") ||
         absl::StrContains(name, "housing") || absl::StrContains(name, "mobility"))) {
      continue;
    }
    // A name of the story itself ("content-slot", "main-slot", "articleMetaContent",
    // "article-body-slot", "epic-article") keeps it, whatever slot or meta it also names; the
    // Guardian's "slot-body-end" appeal starts with its slot.
    const bool story_name = absl::StrContains(name, "article") || absl::StrContains(name, "content") ||
                            absl::StrContains(name, "body") || absl::StrContains(name, "story") ||
                            absl::StartsWith(name, "main");
    for (absl::string_view part : absl::StrSplit(written, absl::ByAnyChar("-_:./"), absl::SkipEmpty())) {
      // Camel case: a capital after a lower-case letter starts a word ("PagePromo"; "ABCNews"
      // and "iPhone" stay whole or as "i", "phone").
      size_t start = 0;
      for (size_t i = 1; i <= part.size(); ++i) {
        if (i < part.size() && !(absl::ascii_isupper(static_cast<unsigned char>(part[i])) &&
                                 absl::ascii_islower(static_cast<unsigned char>(part[i - 1])))) {
          continue;
        }
        const std::string word = absl::AsciiStrToLower(part.substr(start, i - start));
        start = i;
        if (story_name && (word == "epic" || word == "meta" || (word == "slot" && !absl::StartsWith(name, "slot")))) {
          continue;
        }
        if (is_word(word)) return true;
      }
    }
  }
  return false;
}

bool AttributeMarksFurniture(absl::string_view value) { return AnyNameWord(value, IsFurnitureWord); }

// An embedded social-media post set in the story: <blockquote class="twitter-tweet"> (and
// Bluesky's "bluesky-embed"), the post's words in its <p> and its signature after them
// ("— NHS England (@NHSEngland) July 3, 2025"). Article text: the journalist quotes it.
bool IsEmbeddedPost(const GumboNode* node) {
  if (!IsElement(node) || Tag(node) != GUMBO_TAG_BLOCKQUOTE) return false;
  for (absl::string_view c : absl::StrSplit(Attr(node, "class"), absl::ByAnyChar(" \t\n\r\f"), absl::SkipEmpty())) {
    if (absl::EqualsIgnoreCase(c, "twitter-tweet") || absl::EqualsIgnoreCase(c, "bluesky-embed")) return true;
  }
  return false;
}

// Whether the node's text is all in embedded posts, at most `levels` elements down (scripts
// and styles aside): a wrapper such as <figure class="embed-twitter"><blockquote
// class="twitter-tweet">. Sets *post when one is found. A box with other text ("Related:
// ...", a promo) is not such a wrapper.
bool OnlyEmbeddedPosts(const GumboNode* node, int levels, bool* post) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
    return Collapse(node->v.text.text == nullptr ? "" : node->v.text.text).empty();
  }
  if (!IsElement(node)) return true;
  if (IsEmbeddedPost(node)) {
    *post = true;
    return true;
  }
  const GumboTag tag = Tag(node);
  if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_NOSCRIPT) return true;
  if (levels == 0) return false;
  const GumboVector& children = Children(node);
  for (unsigned i = 0; i < children.length; ++i) {
    if (!OnlyEmbeddedPosts(static_cast<const GumboNode*>(children.data[i]), levels - 1, post)) return false;
  }
  return true;
}

// Elements whose whole subtree is not article text.
bool IsDropped(const GumboNode* node) {
  if (!IsElement(node)) return false;
  if (node->type == GUMBO_NODE_TEMPLATE) return true;
  switch (Tag(node)) {
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_LABEL:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
      return true;
    default:
      break;
  }
  if (HasAttr(node, "hidden")) return true;
  // AMP's ad and embed elements (<amp-ad>, <amp-embed>, <amp-sticky-ad>, ...), whose
  // placeholder and fallback text ("Advertisement") is no article text.
  if (Tag(node) == GUMBO_TAG_UNKNOWN) {
    const GumboStringPiece& name = node->v.element.original_tag;
    if (name.data != nullptr) {
      absl::string_view tag(name.data, name.length);
      if (absl::ConsumePrefix(&tag, "<")) {
        const std::string lower = absl::AsciiStrToLower(tag.substr(0, tag.find_first_of(" \t\n\r/>")));
        if (absl::StartsWith(lower, "amp-ad") || absl::StartsWith(lower, "amp-embed") ||
            absl::StartsWith(lower, "amp-sticky-ad") || absl::StartsWith(lower, "amp-social-share") ||
            absl::StartsWith(lower, "amp-analytics")) {
          return true;
        }
      }
    }
  }
  if (absl::EqualsIgnoreCase(Attr(node, "aria-hidden"), "true")) return true;
  const absl::string_view role = Attr(node, "role");
  if (absl::EqualsIgnoreCase(role, "navigation") || absl::EqualsIgnoreCase(role, "banner") ||
      absl::EqualsIgnoreCase(role, "contentinfo") ||
      absl::EqualsIgnoreCase(role, "complementary") || absl::EqualsIgnoreCase(role, "dialog") ||
      absl::EqualsIgnoreCase(role, "alertdialog") || absl::EqualsIgnoreCase(role, "search")) {
    return true;
  }
  const std::string style = absl::AsciiStrToLower(Attr(node, "style"));
  if (absl::StrContains(style, "display:none") || absl::StrContains(style, "display: none")) {
    return true;
  }
  // A page's outer containers carry layout classes ("right-sidebar nav-float-right" on a
  // WordPress <body>), not furniture.
  const GumboTag tag = Tag(node);
  if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_MAIN) return false;
  // data-component names a block as class names do (BBC: "byline-block", "links-block",
  // "topic-list" beside "text-block").
  // So do data-gu-name (the Guardian: "meta", "share" beside "body") and data-testid
  // (Medium: "authorName", "storyReadTime").
  if (!AttributeMarksFurniture(Attr(node, "class")) && !AttributeMarksFurniture(Attr(node, "id")) &&
      !AttributeMarksFurniture(Attr(node, "data-component")) &&
      !AttributeMarksFurniture(Attr(node, "data-gu-name")) && !AttributeMarksFurniture(Attr(node, "data-testid"))) {
    return false;
  }
  // "twitter" and "tweet" mark social widgets as furniture, but not a post the story quotes,
  // nor wrappers that hold nothing else.
  bool post = false;
  return !(OnlyEmbeddedPosts(node, 6, &post) && post);
}

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_HTML:
      return true;
    default:
      return false;
  }
}

size_t TextLength(const GumboNode* node, int depth);
size_t LinkTextLength(const GumboNode* node, int depth, bool in_link);

// A list of at least two items whose text is (nine tenths or more) links: "Most read",
// "More stories" and other recirculation, whatever its class.
bool IsLinkList(const GumboNode* node) {
  const GumboTag tag = Tag(node);
  if (tag != GUMBO_TAG_UL && tag != GUMBO_TAG_OL) return false;
  int items = 0;
  const GumboVector& children = Children(node);
  for (unsigned i = 0; i < children.length; ++i) {
    items += Tag(static_cast<const GumboNode*>(children.data[i])) == GUMBO_TAG_LI ? 1 : 0;
  }
  if (items < 2) return false;
  const size_t text = TextLength(node, 0);
  return text > 0 && 10 * LinkTextLength(node, 0, false) >= 9 * text;
}

// Collects paragraphs of article text below a chosen root.
class BlockWriter {
 public:
  void Walk(const GumboNode* node, int depth) {
    if (depth > kMaxDepth) return;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
        node->type == GUMBO_NODE_WHITESPACE) {
      const absl::string_view text = node->v.text.text == nullptr ? "" : node->v.text.text;
      if (line_break_ && !absl::StripLeadingAsciiWhitespace(text).empty()) {
        // The line a <br> ended goes on in this text ("it would<br>pause the rollout"):
        // one paragraph. Otherwise the break ends the paragraph.
        if (!ContinuesSentence(current_, absl::StripLeadingAsciiWhitespace(text))) Flush();
        line_break_ = false;
        pending_space_ = true;
      }
      AppendCollapsed(text, &current_, &pending_space_);
      return;
    }
    if (!IsElement(node) && node->type != GUMBO_NODE_DOCUMENT) return;
    if (depth > 0 && IsDropped(node)) return;
    if (Tag(node) == GUMBO_TAG_BR) {
      // A second <br> in a row ends the paragraph; one waits for the text after it.
      if (line_break_) Flush();
      line_break_ = !current_.empty();
      return;
    }
    // The headline is metadata (HtmlArticle::title), not body text.
    if (depth > 0 && Tag(node) == GUMBO_TAG_H1) return;
    if (IsEmbeddedPost(node)) {
      WriteEmbeddedPost(node, depth);
      return;
    }
    // Lists of links (looked at outside other lists only, which keeps this linear).
    const bool list = Tag(node) == GUMBO_TAG_UL || Tag(node) == GUMBO_TAG_OL;
    if (list && lists_ == 0 && IsLinkList(node)) return;
    const bool block = IsBlock(Tag(node));
    if (block) Flush();
    lists_ += list ? 1 : 0;
    const GumboVector& children = Children(node);
    for (unsigned i = 0; i < children.length; ++i) {
      Walk(static_cast<const GumboNode*>(children.data[i]), depth + 1);
    }
    lists_ -= list ? 1 : 0;
    if (block) Flush();
  }

  std::string Finish() {
    Flush();
    return absl::StrJoin(paragraphs_, "\n\n");
  }

 private:
  // An embedded post as one paragraph, its words in quotation marks and then its signature
  // (“We will publish every contract.” — NHS England (@NHSEngland) July 3, 2025), so that
  // the extractor reads a quotation signed with a dash (double marks in the post's words
  // become single ones); nothing for a post with no account handle in its signature. The links a post shortens
  // ("pic.twitter.com/x", "https://t.co/x") are left out of its words.
  void WriteEmbeddedPost(const GumboNode* node, int depth) {
    Flush();
    BlockWriter words, signature;
    const GumboVector& children = Children(node);
    for (unsigned i = 0; i < children.length; ++i) {
      const GumboNode* c = static_cast<const GumboNode*>(children.data[i]);
      (IsElement(c) && Tag(c) == GUMBO_TAG_P ? words : signature).Walk(c, depth + 1);
    }
    std::string text;
    for (absl::string_view w : absl::StrSplit(Collapse(words.Finish()), ' ', absl::SkipEmpty())) {
      if (absl::StartsWith(w, "pic.twitter.com/") || absl::StartsWith(w, "https://t.co/") ||
          absl::StartsWith(w, "http://t.co/")) {
        continue;
      }
      absl::StrAppend(&text, text.empty() ? "" : " ", w);
    }
    // Unsigned (a cut-down embed), the post's words would be a quotation of no one's.
    const std::string sign = Collapse(signature.Finish());
    if (text.empty() || !absl::StrContains(sign, "@")) return;
    // A quotation in the post's words becomes a quotation within a quotation (single marks),
    // so the marks around the post do not nest.
    text = absl::StrReplaceAll(text, {{"\u201c", "\u2018"}, {"\u201d", "\u2019"}, {"\"", "'"}});
    current_ = absl::StrCat("\u201c", text, "\u201d ", sign);
    Flush();
  }

  // True when a line that ends with `before` and one that starts with `after` (both
  // non-empty) are one sentence broken by a <br>: the first ends with no sentence-final
  // mark and the second starts with a lower-case letter.
  static bool ContinuesSentence(absl::string_view before, absl::string_view after) {
    before = absl::StripTrailingAsciiWhitespace(before);
    if (before.empty() || after.empty()) return false;
    if (!absl::ascii_islower(static_cast<unsigned char>(after.front()))) return false;
    const char last = before.back();
    return last != '.' && last != '!' && last != '?' && last != ':' && last != ';';
  }

  void Flush() {
    line_break_ = false;
    if (!current_.empty() && !IsBoilerplateParagraph(current_)) paragraphs_.push_back(std::move(current_));
    current_.clear();
    pending_space_ = false;
  }

  // A link to another story set in the body ("READ MORE: Police say man arrested",
  // "RELATED: ...", "Video: ..."), or the footer a WordPress feed appends ("The post X
  // appeared first on Y."): not the article's words, and they read as claims.
  static bool IsBoilerplateParagraph(absl::string_view p) {
    static constexpr absl::string_view kLabels[] = {"read more", "related", "read next", "see also",
                                                    "also read", "more", "watch", "listen", "video",
                                                    "recommended", "most read", "our standards"};
    // A widget's heading alone ("Most Read", "More stories").
    static constexpr absl::string_view kHeadings[] = {"most read", "more stories", "you may also like",
                                                      "top stories", "most popular", "trending",
                                                      "related stories", "related articles",
                                                      "more on this story", "related topics",
                                                      "related content", "more from this author",
                                                      "share this article", "share this story",
                                                      "advertisement", "sponsored content",
                                                      "sponsored", "advert"};
    const std::string whole = absl::AsciiStrToLower(absl::StripSuffix(absl::StripAsciiWhitespace(p), ":"));
    for (absl::string_view h : kHeadings) {
      if (whole == h) return true;
    }
    // An excerpt's marker alone ("[…]", "[...]": WordPress feeds) or its "Continue reading".
    if (whole == "[\xE2\x80\xA6]" || whole == "[...]" || whole == "\xE2\x80\xA6" || whole == "continue reading" ||
        whole == "read more") {
      return true;
    }
    const size_t colon = p.find(':');
    if (colon != absl::string_view::npos && colon <= 16) {
      const std::string label = absl::AsciiStrToLower(absl::StripAsciiWhitespace(p.substr(0, colon)));
      for (absl::string_view l : kLabels) {
        if (label == l) return true;
      }
    }
    return absl::StartsWith(p, "The post ") && absl::StrContains(p, " appeared first on ") &&
           p.size() < 600;
  }

  std::vector<std::string> paragraphs_;
  int lists_ = 0;  // lists open around the node being walked
  std::string current_;
  bool pending_space_ = false;
  bool line_break_ = false;  // a <br> ended the last line of current_
};

// Length of the visible, non-furniture text below `node`.
size_t TextLength(const GumboNode* node, int depth) {
  if (depth > kMaxDepth) return 0;
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
    return Collapse(node->v.text.text == nullptr ? "" : node->v.text.text).size();
  }
  if (!IsElement(node) || IsDropped(node)) return 0;
  size_t total = 0;
  const GumboVector& children = Children(node);
  for (unsigned i = 0; i < children.length; ++i) {
    total += TextLength(static_cast<const GumboNode*>(children.data[i]), depth + 1);
  }
  return total;
}

// Length of the text of TextLength(node) that lies inside links.
size_t LinkTextLength(const GumboNode* node, int depth, bool in_link) {
  if (depth > kMaxDepth) return 0;
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
    return in_link ? Collapse(node->v.text.text == nullptr ? "" : node->v.text.text).size() : 0;
  }
  if (!IsElement(node) || IsDropped(node)) return 0;
  in_link = in_link || Tag(node) == GUMBO_TAG_A;
  size_t total = 0;
  const GumboVector& children = Children(node);
  for (unsigned i = 0; i < children.length; ++i) {
    total += LinkTextLength(static_cast<const GumboNode*>(children.data[i]), depth + 1, in_link);
  }
  return total;
}

// Everything the page says about itself, gathered in one walk.
struct PageFacts {
  std::string og_title, og_site_name, og_url, og_locale, canonical, html_lang;
  std::string title_tag, first_h1, site_name_h1, published_meta, modified_meta;
  // <time datetime> elements outside furniture other than a byline, in page order (the
  // first 64), with their datetime.
  std::vector<std::pair<const GumboNode*, std::string>> times;
  std::vector<std::string> meta_authors;
  std::vector<std::string> microdata_authors;  // [itemprop=author] elements' names
  std::vector<std::string> json_ld;
  // Candidates for the article root, outside furniture.
  std::vector<const GumboNode*> article_bodies;  // [itemprop=articleBody]
  std::vector<const GumboNode*> articles;        // <article>
  std::vector<const GumboNode*> paragraphs;      // <p>
  // Elements whose own text is split into lines by <br> (a press release in one <div>),
  // with the length of that text.
  std::vector<std::pair<const GumboNode*, size_t>> line_blocks;
  const GumboNode* body = nullptr;
};

std::string NodeText(const GumboNode* node) {
  BlockWriter w;
  w.Walk(node, 0);
  return Collapse(w.Finish());
}

std::string RawText(const GumboNode* node) {
  std::string out;
  const GumboVector& children = Children(node);
  for (unsigned i = 0; i < children.length; ++i) {
    const GumboNode* c = static_cast<const GumboNode*>(children.data[i]);
    if ((c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA ||
         c->type == GUMBO_NODE_WHITESPACE) &&
        c->v.text.text != nullptr) {
      out += c->v.text.text;
    }
  }
  return out;
}

// A byline block ("By Nick Triggle, Health correspondent"; IsBylineWord).
bool IsBylineBlock(const GumboNode* node) {
  return AnyNameWord(Attr(node, "class"), IsBylineWord) || AnyNameWord(Attr(node, "id"), IsBylineWord) ||
         AnyNameWord(Attr(node, "data-component"), IsBylineWord) ||
         AnyNameWord(Attr(node, "data-gu-name"), IsBylineWord) || AnyNameWord(Attr(node, "data-testid"), IsBylineWord);
}

bool HasAncestor(const GumboNode* node, GumboTag tag) {
  for (const GumboNode* p = node->parent; p != nullptr; p = p->parent) {
    if (p->type == GUMBO_NODE_ELEMENT && p->v.element.tag == tag) return true;
  }
  return false;
}

// A <div> written as a paragraph (pages that use no <p>: `<div data-testid="paragraph-0">`):
// no block inside it, and a sentence of text (80 characters or more, ending as sentences do),
// so that titles and labels in <div>s do not count.
bool IsParagraphDiv(const GumboNode* node) {
  const GumboVector& children = Children(node);
  for (unsigned i = 0; i < children.length; ++i) {
    const GumboNode* c = static_cast<const GumboNode*>(children.data[i]);
    if (IsElement(c) && (IsBlock(Tag(c)) || Tag(c) == GUMBO_TAG_BR)) return false;
  }
  if (TextLength(node, 0) < 80) return false;
  const std::string text = NodeText(node);
  const absl::string_view t = absl::StripTrailingAsciiWhitespace(text);
  return absl::EndsWith(t, ".") || absl::EndsWith(t, "!") || absl::EndsWith(t, "?") ||
         absl::EndsWith(t, "\"") || absl::EndsWith(t, "\xE2\x80\x9D") || absl::EndsWith(t, ":");
}

// The first element below `node` (or `node` itself) whose itemprop is `prop`.
const GumboNode* FindItemprop(const GumboNode* node, absl::string_view prop, int depth) {
  if (!IsElement(node) || depth > 16) return nullptr;
  if (depth > 0 && Attr(node, "itemprop") == prop) return node;
  const GumboVector& children = Children(node);
  for (unsigned i = 0; i < children.length; ++i) {
    if (const GumboNode* found = FindItemprop(static_cast<const GumboNode*>(children.data[i]), prop, depth + 1)) {
      return found;
    }
  }
  return nullptr;
}

// `in_furniture`: below furniture; `in_other_furniture`: below furniture other than a byline.
void Gather(const GumboNode* node, int depth, bool in_furniture, bool in_other_furniture,
            PageFacts* f) {
  if (depth > kMaxDepth || !IsElement(node)) return;
  const GumboTag tag = Tag(node);
  // Microdata: <span itemprop="author"><span itemprop="name">Rehana Khan</span></span>, or
  // the author element's own text.
  if (tag != GUMBO_TAG_META && tag != GUMBO_TAG_LINK && f->microdata_authors.size() < 8 &&
      absl::StrContains(Attr(node, "itemprop"), "author")) {
    const GumboNode* name = FindItemprop(node, "name", 0);
    const std::string text = NodeText(name != nullptr ? name : node);
    if (!text.empty() && text.size() <= 200) f->microdata_authors.push_back(text);
  }
  switch (tag) {
    case GUMBO_TAG_HTML:
      if (f->html_lang.empty()) f->html_lang = std::string(Attr(node, "lang"));
      break;
    case GUMBO_TAG_BODY:
      if (f->body == nullptr) f->body = node;
      break;
    case GUMBO_TAG_TITLE:
      if (f->title_tag.empty()) f->title_tag = Collapse(RawText(node));
      break;
    case GUMBO_TAG_META: {
      const std::string key = absl::AsciiStrToLower(
          !Attr(node, "property").empty() ? Attr(node, "property")
          : !Attr(node, "name").empty()   ? Attr(node, "name")
                                          : Attr(node, "itemprop"));
      // Decoded again: CMSs often encode metadata twice ("O&amp;#39;Neill").
      const std::string content = Collapse(DecodeEntities(Attr(node, "content")));
      if (content.empty()) break;
      if (key == "og:title" && f->og_title.empty()) f->og_title = content;
      if (key == "og:site_name" && f->og_site_name.empty()) f->og_site_name = content;
      if (key == "og:url" && f->og_url.empty()) f->og_url = content;
      if (key == "og:locale" && f->og_locale.empty()) f->og_locale = content;
      if ((key == "article:published_time" || key == "datepublished") &&
          f->published_meta.empty()) {
        f->published_meta = content;
      }
      if ((key == "article:modified_time" || key == "datemodified" || key == "og:updated_time") &&
          f->modified_meta.empty()) {
        f->modified_meta = content;
      }
      if (key == "author" || key == "article:author") f->meta_authors.push_back(content);
      break;
    }
    case GUMBO_TAG_LINK: {
      bool canonical = false;
      for (absl::string_view rel : absl::StrSplit(Attr(node, "rel"), ' ', absl::SkipEmpty())) {
        canonical = canonical || absl::EqualsIgnoreCase(rel, "canonical");
      }
      if (canonical && f->canonical.empty()) {
        f->canonical = std::string(absl::StripAsciiWhitespace(Attr(node, "href")));
      }
      break;
    }
    case GUMBO_TAG_SCRIPT:
      if (absl::EqualsIgnoreCase(absl::StripAsciiWhitespace(Attr(node, "type")),
                                 "application/ld+json")) {
        f->json_ld.push_back(RawText(node));
      }
      return;
    case GUMBO_TAG_H1:
      // A site's name set as an <h1> in its masthead ("site-title", "logo") is no headline,
      // but names the publisher when nothing else does.
      if (AnyNameWord(Attr(node, "class"), IsSiteNameWord) || AnyNameWord(Attr(node, "id"), IsSiteNameWord)) {
        if (f->site_name_h1.empty()) f->site_name_h1 = NodeText(node);
      } else if (f->first_h1.empty()) {
        f->first_h1 = NodeText(node);
      }
      break;
    case GUMBO_TAG_TIME:
      if (!in_other_furniture && f->times.size() < 64) {
        const absl::string_view datetime = absl::StripAsciiWhitespace(Attr(node, "datetime"));
        if (!datetime.empty()) f->times.emplace_back(node, std::string(datetime));
      }
      break;
    default:
      break;
  }
  // The <h1> headline often sits in an article <header>: look for it before deciding that
  // this subtree is furniture, but take no body candidates from furniture.
  const bool dropped = IsDropped(node);
  const bool furniture = in_furniture || dropped;
  // An article's own <header> (WordPress's entry-header with the entry date) is no page
  // furniture for the date, though its text is not the story.
  const bool other_furniture =
      in_other_furniture ||
      (dropped && !IsBylineBlock(node) && !(tag == GUMBO_TAG_HEADER && HasAncestor(node, GUMBO_TAG_ARTICLE)));
  if (!furniture) {
    if (absl::StrContains(Attr(node, "itemprop"), "articleBody")) f->article_bodies.push_back(node);
    if (tag == GUMBO_TAG_ARTICLE) f->articles.push_back(node);
    if (tag == GUMBO_TAG_P || (tag == GUMBO_TAG_DIV && IsParagraphDiv(node))) f->paragraphs.push_back(node);
    if (tag != GUMBO_TAG_P && tag != GUMBO_TAG_BODY && tag != GUMBO_TAG_HTML) {
      int breaks = 0;
      size_t length = 0;
      const GumboVector& children = Children(node);
      for (unsigned i = 0; i < children.length; ++i) {
        const GumboNode* c = static_cast<const GumboNode*>(children.data[i]);
        if (Tag(c) == GUMBO_TAG_BR) ++breaks;
        if (c->type == GUMBO_NODE_TEXT && c->v.text.text != nullptr) {
          length += Collapse(c->v.text.text).size();
        }
      }
      if (breaks >= 2 && length > 0) f->line_blocks.emplace_back(node, length);
    }
  }
  const GumboVector& children = Children(node);
  for (unsigned i = 0; i < children.length; ++i) {
    Gather(static_cast<const GumboNode*>(children.data[i]), depth + 1, furniture, other_furniture, f);
  }
}

const GumboNode* Longest(const std::vector<const GumboNode*>& nodes, size_t* length) {
  const GumboNode* best = nullptr;
  *length = 0;
  for (const GumboNode* n : nodes) {
    const size_t len = TextLength(n, 0);
    if (len > *length) {
      best = n;
      *length = len;
    }
  }
  return best;
}

bool IsDescendantOf(const GumboNode* node, const GumboNode* ancestor) {
  for (int depth = 0; node != nullptr && depth <= kMaxDepth; ++depth, node = node->parent) {
    if (node == ancestor) return true;
  }
  return false;
}

// The elements holding the article body, in page order: the [itemprop=articleBody] ones,
// else the <article> with the most text (unless that has less than half the text of the
// next candidate), else the element whose paragraphs (its own, half of its grandchildren's,
// and text lines split by <br>) carry the most text, with its like siblings, else <body>.
// The first class name of an element ("block" of "block block--key-event"), "" for none.
absl::string_view FirstClass(const GumboNode* node) {
  const absl::string_view cls = absl::StripLeadingAsciiWhitespace(Attr(node, "class"));
  return cls.substr(0, cls.find_first_of(" \t\n\r\f"));
}

bool IsHeadline(GumboTag t) {
  return t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4;
}

// A headline that is a link, or in one: how teaser cards point at their story.
bool HasLinkedHeadline(const GumboNode* node, int depth) {
  if (!IsElement(node) || depth > 32) return false;
  const GumboTag tag = Tag(node);
  const bool heading = IsHeadline(tag);
  if (heading || tag == GUMBO_TAG_A) {
    // The other part inside it: a link in the heading, or a heading in the link.
    std::vector<const GumboNode*> stack = {node};
    while (!stack.empty()) {
      const GumboNode* n = stack.back();
      stack.pop_back();
      const GumboVector& children = Children(n);
      for (unsigned i = 0; i < children.length; ++i) {
        const GumboNode* c = static_cast<const GumboNode*>(children.data[i]);
        if (!IsElement(c)) continue;
        const GumboTag t = Tag(c);
        if (heading ? t == GUMBO_TAG_A : IsHeadline(t)) return true;
        if (stack.size() < 64) stack.push_back(c);
      }
    }
    return false;
  }
  const GumboVector& children = Children(node);
  for (unsigned i = 0; i < children.length; ++i) {
    if (HasLinkedHeadline(static_cast<const GumboNode*>(children.data[i]), depth + 1)) return true;
  }
  return false;
}

std::vector<const GumboNode*> ChooseRoots(const PageFacts& f) {
  // The longest [itemprop=articleBody] with the others beside it (a lead paragraph may have
  // an element of its own; one in another column, not a sibling of the longest, is a
  // sidebar's), in page order, none inside another.
  size_t longest = 0;
  if (const GumboNode* main = Longest(f.article_bodies, &longest); main != nullptr) {
    std::vector<const GumboNode*> roots;
    for (const GumboNode* n : f.article_bodies) {
      if (n != main && (n->parent != main->parent || main->parent == nullptr)) continue;
      bool nested = false;
      for (const GumboNode* r : roots) nested = nested || IsDescendantOf(n, r);
      if (!nested) roots.push_back(n);
    }
    return roots;
  }
  size_t article_length = 0;
  const GumboNode* article = Longest(f.articles, &article_length);
  // Scores by element, and the elements in the order they were first scored (ties go to
  // the first).
  absl::flat_hash_map<const GumboNode*, double> scores;
  std::vector<const GumboNode*> scored;
  auto add = [&](const GumboNode* n, double s) {
    auto [it, inserted] = scores.try_emplace(n, 0.0);
    if (inserted) scored.push_back(n);
    it->second += s;
  };
  for (const GumboNode* p : f.paragraphs) {
    const double length = static_cast<double>(TextLength(p, 0));
    if (length == 0 || p->parent == nullptr) continue;
    add(p->parent, length);
    if (p->parent->parent != nullptr && IsElement(p->parent->parent)) add(p->parent->parent, length / 2);
  }
  for (const auto& [node, length] : f.line_blocks) add(node, static_cast<double>(length));
  const GumboNode* best = f.body;
  double best_score = 0;
  for (const GumboNode* n : scored) {
    if (scores[n] > best_score) {
      best = n;
      best_score = scores[n];
    }
  }
  // An <article> holds the story unless it is a teaser card ("More stories" as <article
  // class="card">) beside a story in a <div>: one whose text is mostly a link, that has
  // less than half the text of the best paragraphs, or that has less text than they have
  // and a linked headline (`<a><h3>...</h3></a>`, `<h3><a>...</a></h3>`), gives way to them.
  if (article != nullptr && static_cast<double>(article_length) >= best_score / 2 &&
      (best_score == 0 || (2 * LinkTextLength(article, 0, false) < article_length &&
                           !(static_cast<double>(article_length) < best_score && HasLinkedHeadline(article, 0))))) {
    // Live blogs: one <article> a post, side by side, of one kind (the same first class
    // name: "block" and "block block--key-event"): each with a fifth of the longest's text.
    std::vector<const GumboNode*> posts;
    const GumboNode* parent = article->parent;
    const absl::string_view kind = FirstClass(article);
    if (parent != nullptr) {
      const GumboVector& siblings = Children(parent);
      for (unsigned i = 0; i < siblings.length; ++i) {
        const GumboNode* c = static_cast<const GumboNode*>(siblings.data[i]);
        if (c == article || (IsElement(c) && Tag(c) == GUMBO_TAG_ARTICLE && FirstClass(c) == kind && !IsDropped(c) &&
                             5 * TextLength(c, 0) >= article_length)) {
          posts.push_back(c);
        }
      }
    }
    if (posts.empty()) posts.push_back(article);
    return posts;
  }
  if (best == nullptr) return {};
  // The story in several sibling blocks of one kind (live-blog posts, chunks around an ad
  // slot): each sibling with the same tag and class and a fifth of the best score or more.
  std::vector<const GumboNode*> roots;
  const GumboNode* parent = best->parent;
  if (parent == nullptr || !IsElement(best) || best_score == 0) return {best};
  const absl::string_view cls = Attr(best, "class");
  const GumboVector& siblings = Children(parent);
  for (unsigned i = 0; i < siblings.length; ++i) {
    const GumboNode* c = static_cast<const GumboNode*>(siblings.data[i]);
    if (c == best) {
      roots.push_back(c);
      continue;
    }
    if (!IsElement(c) || Tag(c) != Tag(best) || Attr(c, "class") != cls || IsDropped(c)) continue;
    const auto it = scores.find(c);
    if (it != scores.end() && 5 * it->second >= best_score) roots.push_back(c);
  }
  if (roots.size() > 1) return roots;
  // Live-blog posts as <div>s, whose text is not in the posts themselves but in a body
  // inside each (div.lb-post > div.lb-post__time + div.lb-post__body > p): the like bodies
  // (same tag and class, a fifth of the best score or more) of sibling wrappers of one
  // kind (same tag and a class), one or two levels up, in page order.
  const GumboNode* unit = best;
  for (int level = 1; level <= 2; ++level) {
    unit = unit->parent;
    if (unit == nullptr || !IsElement(unit) || unit->parent == nullptr) break;
    const GumboTag unit_tag = Tag(unit);
    const absl::string_view unit_class = Attr(unit, "class");
    if (unit_class.empty() || unit_tag == GUMBO_TAG_BODY || unit_tag == GUMBO_TAG_MAIN ||
        unit_tag == GUMBO_TAG_HTML) {
      break;
    }
    // The first like body of each wrapper, by the wrapper (one pass over the scored).
    absl::flat_hash_map<const GumboNode*, const GumboNode*> body_of;
    body_of[unit] = best;
    for (const GumboNode* n : scored) {
      if (n == best || !IsElement(n) || Tag(n) != Tag(best) || Attr(n, "class") != cls ||
          5 * scores[n] < best_score || IsDropped(n)) {
        continue;
      }
      const GumboNode* up = n;
      for (int k = 0; k < level && up != nullptr; ++k) up = up->parent;
      if (up != nullptr && up != unit && up->parent == unit->parent) body_of.try_emplace(up, n);
    }
    std::vector<const GumboNode*> posts;
    const GumboVector& units = Children(unit->parent);
    for (unsigned i = 0; i < units.length; ++i) {
      const GumboNode* u = static_cast<const GumboNode*>(units.data[i]);
      if (!IsElement(u) || Tag(u) != unit_tag || Attr(u, "class") != unit_class || IsDropped(u)) continue;
      if (auto it = body_of.find(u); it != body_of.end()) posts.push_back(it->second);
    }
    if (posts.size() > 1) return posts;
  }
  return roots;
}

// A publication time as the page wrote it: the instant, and the UTC offset written with it.
struct WrittenTime {
  absl::Time time;
  std::optional<int> utc_offset_seconds;  // unset: a date alone, or a time with no offset
};


std::optional<WrittenTime> ParseRfc3339(absl::string_view s);

const GumboNode* NearestAncestor(const GumboNode* node, GumboTag tag) {
  int depth = 0;
  for (const GumboNode* p = node->parent; p != nullptr && depth <= kMaxDepth; p = p->parent, ++depth) {
    if (p->type == GUMBO_NODE_ELEMENT && p->v.element.tag == tag) return p;
  }
  return nullptr;
}

// The datetime of the <time> that dates the story, of those in `f.times` that parse: the
// first inside a body root or in the <article> that holds one (its header's byline), else
// the first inside any <article>, else the first (a news ticker's or a sidebar's <time>
// before the story only when nothing closer dates it). Empty when none parses.
std::string StoryTime(const PageFacts& f, const std::vector<const GumboNode*>& roots) {
  // The roots, and the <article>s that hold them (looked up, not searched: a live blog may
  // have thousands of roots).
  const absl::flat_hash_set<const GumboNode*> root_set(roots.begin(), roots.end());
  absl::flat_hash_set<const GumboNode*> story_articles;
  for (const GumboNode* root : roots) {
    if (Tag(root) == GUMBO_TAG_ARTICLE) story_articles.insert(root);
    if (const GumboNode* a = NearestAncestor(root, GUMBO_TAG_ARTICLE); a != nullptr) story_articles.insert(a);
  }
  const std::string* in_article = nullptr;
  const std::string* first = nullptr;
  for (const auto& [node, datetime] : f.times) {
    if (!ParseRfc3339(datetime).has_value()) continue;
    if (first == nullptr) first = &datetime;
    const GumboNode* article = NearestAncestor(node, GUMBO_TAG_ARTICLE);
    if (article != nullptr && story_articles.contains(article)) return datetime;
    int depth = 0;
    for (const GumboNode* p = node; p != nullptr && depth <= kMaxDepth; p = p->parent, ++depth) {
      if (root_set.contains(p)) return datetime;
    }
    if (article != nullptr && in_article == nullptr) in_article = &datetime;
  }
  return in_article != nullptr ? *in_article : first != nullptr ? *first : std::string();
}

std::optional<WrittenTime> ParseRfc3339(absl::string_view s) {
  s = absl::StripAsciiWhitespace(s);
  if (s.empty()) return std::nullopt;
  // RFC 3339; with a space for the T ("2025-06-11 05:12:41", as many CMSs write it); with
  // the offset written without a colon (+0100); a date alone. %Ez reads both +01:00 and +0100.
  static constexpr const char* kFormats[] = {
      "%Y-%m-%d%ET%H:%M:%E*S%Ez", "%Y-%m-%d%ET%H:%M%Ez", "%Y-%m-%d%ET%H:%M:%E*S",
      "%Y-%m-%d%ET%H:%M",        "%Y-%m-%d %H:%M:%E*S%Ez", "%Y-%m-%d %H:%M:%E*S",
      "%Y-%m-%d %H:%M",          "%Y-%m-%d"};
  for (const char* format : kFormats) {
    absl::Time t;
    std::string err;
    if (absl::ParseTime(format, std::string(s), absl::UTCTimeZone(), &t, &err)) {
      WrittenTime written{t, std::nullopt};
      if (absl::EndsWith(format, "%Ez")) written.utc_offset_seconds = claims::TrailingUtcOffset(s);
      return written;
    }
  }
  return std::nullopt;
}

// --- JSON-LD ---------------------------------------------------------------------------

bool IsArticleType(const nlohmann::json& type) {
  auto one = [](const nlohmann::json& t) {
    if (!t.is_string()) return false;
    const std::string& s = t.get_ref<const std::string&>();
    return absl::EndsWith(s, "Article") || s == "BlogPosting" || s == "Report" ||
           s == "LiveBlogPosting";
  };
  if (type.is_array()) return std::any_of(type.begin(), type.end(), one);
  return one(type);
}

std::string StringField(const nlohmann::json& obj, const char* key) {
  if (!obj.is_object()) return {};
  auto it = obj.find(key);
  if (it == obj.end() || !it->is_string()) return {};
  return Collapse(DecodeEntities(it->get_ref<const std::string&>()));
}

// Names of a JSON-LD author or publisher value: a string, an object's "name" (or the name of
// the node its "@id" refers to, from `by_id`), or an array of those.
void CollectNames(const nlohmann::json& v, std::vector<std::string>* out,
                  const absl::flat_hash_map<std::string, std::string>* by_id = nullptr) {
  if (v.is_string()) {
    out->push_back(Collapse(DecodeEntities(v.get_ref<const std::string&>())));
  } else if (v.is_object()) {
    std::string name = StringField(v, "name");
    if (name.empty() && by_id != nullptr) {
      if (auto it = by_id->find(StringField(v, "@id")); it != by_id->end()) name = it->second;
    }
    if (!name.empty()) out->push_back(name);
  } else if (v.is_array()) {
    for (const auto& e : v) CollectNames(e, out, by_id);
  }
}

// The "name" of every node of a JSON-LD document that has an "@id", by that id.
void CollectNamedIds(const nlohmann::json& v, int depth, absl::flat_hash_map<std::string, std::string>* out) {
  if (depth > 8) return;
  if (v.is_array()) {
    for (const auto& e : v) CollectNamedIds(e, depth + 1, out);
    return;
  }
  if (!v.is_object()) return;
  const std::string id = StringField(v, "@id"), name = StringField(v, "name");
  if (!id.empty() && !name.empty()) out->emplace(id, name);
  for (const auto& [key, child] : v.items()) {
    if (child.is_object() || child.is_array()) CollectNamedIds(child, depth + 1, out);
  }
}

struct JsonLdFacts {
  absl::flat_hash_map<std::string, std::string> names_by_id;  // of the document being read
  std::string headline, date_published, date_modified, publisher;
  // Of the first WebPage-like node ("WebPage", "ItemPage"...) that has them, in any script:
  // Yoast dates the page, and sometimes only the page.
  std::string page_date_published, page_date_modified;
  std::string article_body;  // as the page gives it: plain text or HTML
  std::vector<std::string> authors;
  bool found = false;
};

void VisitJsonLd(const nlohmann::json& v, int depth, JsonLdFacts* facts) {
  if (depth > 8 || facts->found) return;
  if (v.is_array()) {
    for (const auto& e : v) VisitJsonLd(e, depth + 1, facts);
    return;
  }
  if (!v.is_object()) return;
  auto type = v.find("@type");
  if (type != v.end() && IsArticleType(*type)) {
    facts->found = true;
    facts->headline = StringField(v, "headline");
    facts->date_published = StringField(v, "datePublished");
    facts->date_modified = StringField(v, "dateModified");
    if (auto body = v.find("articleBody"); body != v.end() && body->is_string()) {
      facts->article_body = body->get<std::string>();  // line breaks kept: they part paragraphs
    }
    if (auto a = v.find("author"); a != v.end()) CollectNames(*a, &facts->authors, &facts->names_by_id);
    if (auto p = v.find("publisher"); p != v.end()) {
      std::vector<std::string> names;
      CollectNames(*p, &names, &facts->names_by_id);
      if (!names.empty()) facts->publisher = names.front();
    }
    return;
  }
  if (auto graph = v.find("@graph"); graph != v.end()) VisitJsonLd(*graph, depth + 1, facts);
  // A WebPage whose mainEntity is the NewsArticle.
  if (auto main = v.find("mainEntity"); main != v.end() && !facts->found) {
    VisitJsonLd(*main, depth + 1, facts);
  }
}

bool IsPageType(const nlohmann::json& type) {
  auto one = [](const nlohmann::json& t) {
    return t.is_string() && absl::EndsWith(t.get_ref<const std::string&>(), "Page");
  };
  if (type.is_array()) return std::any_of(type.begin(), type.end(), one);
  return one(type);
}

// Records the dates of the first WebPage-like node below `v` that has them.
void VisitPageDates(const nlohmann::json& v, int depth, JsonLdFacts* facts) {
  if (depth > 8) return;
  if (v.is_array()) {
    for (const auto& e : v) VisitPageDates(e, depth + 1, facts);
    return;
  }
  if (!v.is_object()) return;
  if (auto type = v.find("@type"); type != v.end() && IsPageType(*type)) {
    if (facts->page_date_published.empty()) facts->page_date_published = StringField(v, "datePublished");
    if (facts->page_date_modified.empty()) facts->page_date_modified = StringField(v, "dateModified");
  }
  if (auto graph = v.find("@graph"); graph != v.end()) VisitPageDates(*graph, depth + 1, facts);
}

JsonLdFacts ReadJsonLd(const std::vector<std::string>& scripts) {
  JsonLdFacts facts;
  for (const std::string& s : scripts) {
    // The non-throwing overload: malformed JSON-LD is common and must not fail the page. A
    // raw line break or tab inside a string is invalid JSON that browsers and search
    // engines accept: written as its escape (outside strings it is whitespace anyway).
    std::string cleaned;
    cleaned.reserve(s.size());
    bool in_string = false, escaped = false;
    for (char c : s) {
      if (in_string && (c == '\n' || c == '\r' || c == '\t')) {
        cleaned += c == '\n' ? "\\n" : c == '\r' ? "\\r" : "\\t";  // kept as the line break it is
        escaped = false;
        continue;
      }
      cleaned.push_back(c);
      if (escaped) {
        escaped = false;
      } else if (c == '\\' && in_string) {
        escaped = true;
      } else if (c == '"') {
        in_string = !in_string;
      }
    }
    const nlohmann::json v = nlohmann::json::parse(cleaned, nullptr, /*allow_exceptions=*/false);
    if (v.is_discarded()) continue;
    // Yoast and others name the publisher or author by reference ({"@id": ".../#organization"})
    // to another node of the graph: the names of the nodes by @id.
    facts.names_by_id.clear();
    CollectNamedIds(v, 0, &facts.names_by_id);
    VisitPageDates(v, 0, &facts);
    VisitJsonLd(v, 0, &facts);
    if (facts.found) break;
  }
  return facts;
}

std::string CleanAuthor(std::string name) {
  name = Collapse(name);
  absl::string_view v = name;
  if (absl::StartsWithIgnoreCase(v, "by ")) v.remove_prefix(3);
  v = absl::StripAsciiWhitespace(v);
  if (absl::StartsWithIgnoreCase(v, "http://") || absl::StartsWithIgnoreCase(v, "https://")) {
    return {};
  }
  return std::string(v);
}

// A byline's job title rather than a name: "Health Reporter", "Health correspondent",
// "Local Democracy Reporter", "Chronicle Reporter".
bool IsJobTitle(absl::string_view part) {
  static constexpr absl::string_view kTitles[] = {
      "reporter", "correspondent", "editor", "writer", "journalist", "columnist",
      "contributor", "producer", "staff", "desk", "team", "newsroom"};
  const size_t space = part.find_last_of(' ');
  // "A. Writer" is a name: an initial before the word.
  const absl::string_view first = part.substr(0, part.find(' '));
  if (absl::EndsWith(first, ".") || first.size() == 1) return false;
  const std::string last = absl::AsciiStrToLower(space == absl::string_view::npos ? part : part.substr(space + 1));
  for (absl::string_view t : kTitles) {
    // Plurals too: "Jane Smith and John Doe, Health Reporters".
    if (last == t || (last.size() == t.size() + 1 && absl::StartsWith(last, t) && last.back() == 's')) return true;
  }
  return false;
}

// `part` with its full stops taken out, upper-cased: how postnominals compare ("Ph.D." PHD).
std::string PostnominalKey(absl::string_view part) {
  std::string key;
  for (char c : absl::StripAsciiWhitespace(part)) {
    if (c != '.') key.push_back(absl::ascii_toupper(static_cast<unsigned char>(c)));
  }
  return key;
}

// A generational suffix, part of the name before it: "John Smith, Jr.".
bool IsGenerationalSuffix(absl::string_view part) {
  const std::string key = PostnominalKey(part);
  return key == "JR" || key == "SR" || key == "II" || key == "III" || key == "IV";
}

// A degree, an honour or a profession's letters after a name, set off by a comma ("Dr. Jane
// Smith, MD", "Sam Jones, PhD", "Ann Lee, OBE"): no author of its own.
bool IsPostnominal(absl::string_view part) {
  static constexpr absl::string_view kLetters[] = {
      "MD",  "PHD", "DPHIL", "MBA", "MPH", "MPP", "MSC", "BSC", "MA",  "BA",  "MS",  "JD",
      "LLM", "RN",  "NP",    "DO",  "DDS", "DVM", "PHARMD", "PSYD", "EDD", "CPA", "CFA", "ESQ",
      "KC",  "QC",  "MBE",   "OBE", "CBE", "KBE", "DBE",  "FRS",  "FRCP", "FRCS", "FRSA", "MP",
      "MRCP", "MRCGP", "MBBS", "MBCHB", "FACP", "FACS"};
  const std::string key = PostnominalKey(part);
  for (absl::string_view l : kLetters) {
    if (key == l) return true;
  }
  return false;
}

void AddAuthors(absl::string_view raw, std::vector<std::string>* authors) {
  // An entity's ';' parts no names ("Gareth O&#39;Neill"): decoded first.
  const std::string decoded = DecodeEntities(raw);
  const absl::string_view value = decoded;
  std::vector<absl::string_view> parts;
  for (absl::string_view part : absl::StrSplit(value, absl::ByAnyChar(",;|"))) {
    // A job title is no author, "and" in it or not ("Health and Social Care Correspondent").
    if (IsJobTitle(CleanAuthor(std::string(part)))) continue;
    // "Jessica Moreno and Daniel Kwan", "A & B": two authors.
    for (absl::string_view name : absl::StrSplit(part, absl::ByString(" and "))) {
      for (absl::string_view n : absl::StrSplit(name, absl::ByString(" & "))) parts.push_back(n);
    }
  }
  // The author the previous part of `value` named (an index into `authors`), for a
  // generational suffix after it.
  size_t previous = authors->size();
  for (absl::string_view part : parts) {
    std::string name = CleanAuthor(std::string(part));
    if (name.empty() || IsJobTitle(name)) continue;
    if (IsGenerationalSuffix(name)) {
      if (previous < authors->size()) absl::StrAppend(&(*authors)[previous], " ", name);
      previous = authors->size();
      continue;
    }
    if (IsPostnominal(name)) continue;
    const auto seen = std::find_if(authors->begin(), authors->end(), [&](const std::string& a) {
      return absl::EqualsIgnoreCase(a, name);
    });
    if (seen != authors->end()) {
      previous = static_cast<size_t>(seen - authors->begin());
      continue;
    }
    previous = authors->size();
    authors->push_back(std::move(name));
  }
}

}  // namespace

void AddAuthorNames(absl::string_view value, std::vector<std::string>* authors) { AddAuthors(value, authors); }

namespace {

// The name a page's URL gives its site: the host's first label after "www." and the like
// ("bbc" of https://www.bbc.co.uk/news/x), lower-case; empty when there is no host.
std::string HostLabel(absl::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == absl::string_view::npos) return {};
  absl::string_view host = url.substr(scheme + 3);
  host = host.substr(0, host.find_first_of("/:?#"));
  for (absl::string_view prefix : {"www.", "m.", "amp.", "edition.", "news."}) {
    if (absl::StartsWithIgnoreCase(host, prefix)) {
      host.remove_prefix(prefix.size());
      break;
    }
  }
  return absl::AsciiStrToLower(host.substr(0, host.find('.')));
}

// True when `suffix`, the words after a title's last separator, names a news site: at most
// five words, each capitalised (or a connective: "of", "the", "and", "&"), that spell the
// page's host (`host_label`: "BBC News" on bbc.co.uk, "The Guardian" on theguardian.com)
// or hold a word news outlets are named with ("The Guardian", "Daily Record", "Reuters").
bool LooksLikeSiteName(absl::string_view suffix, absl::string_view host_label) {
  static constexpr absl::string_view kOutletWords[] = {
      "news", "times", "post", "guardian", "telegraph", "herald", "journal", "gazette", "mail",
      "express", "independent", "tribune", "chronicle", "standard", "mirror", "observer", "echo",
      "courier", "press", "reuters", "bloomberg", "bbc", "cnn", "npr", "abc", "nbc", "cbs", "sky",
      "itv", "politico", "axios", "magazine", "daily", "weekly", "record", "argus", "advertiser",
      "sentinel", "register", "examiner", "inquirer", "bulletin", "dispatch", "insider",
      "wire", "radio", "tv", "online", "economist", "spectator", "statesman", "atlantic"};
  std::vector<absl::string_view> words = absl::StrSplit(suffix, ' ', absl::SkipEmpty());
  if (words.empty() || words.size() > 5) return false;
  std::string letters;
  bool outlet = false;
  // "Latest News", "Breaking News", "Live Updates": what the page is, not who published it.
  static constexpr absl::string_view kGeneric[] = {"latest", "breaking", "live", "top", "today", "updates",
                                                   "update", "world", "local", "headlines", "more"};
  bool generic = false;
  for (absl::string_view w : words) {
    const std::string lower = absl::AsciiStrToLower(w);
    for (absl::string_view g : kGeneric) generic = generic || lower == g;
    if (lower == "of" || lower == "the" || lower == "and" || lower == "&" || lower == "on") {
      if (lower != "&") letters += lower;
      continue;
    }
    const unsigned char first = static_cast<unsigned char>(w[0]);
    if (!absl::ascii_isupper(first) && !absl::ascii_isdigit(first)) return false;
    for (absl::string_view o : kOutletWords) outlet = outlet || lower == o;
    for (char c : lower) {
      if (absl::ascii_isalnum(static_cast<unsigned char>(c))) letters.push_back(c);
    }
  }
  if (outlet && !generic) return true;
  return host_label.size() >= 3 && !letters.empty() &&
         (absl::StartsWith(letters, host_label) || absl::StartsWith(host_label, letters));
}

// `title` without a trailing " | Site", " - Site" (en or em dash too): the publisher's name
// when known, else a name that LooksLikeSiteName (then set as `*site`, which is otherwise
// left as it is).
std::string WithoutSiteName(std::string title, absl::string_view publisher, absl::string_view host_label,
                            std::string* site) {
  static constexpr absl::string_view kSeparators[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "};
  if (!publisher.empty()) {
    for (absl::string_view sep : kSeparators) {
      const std::string suffix = absl::StrCat(sep, publisher);
      if (absl::EndsWith(title, suffix) && title.size() > suffix.size()) {
        title.resize(title.size() - suffix.size());
        return title;
      }
    }
  }
  size_t cut = std::string::npos, after = 0;
  for (absl::string_view sep : kSeparators) {
    const size_t at = title.rfind(sep.data(), std::string::npos, sep.size());
    if (at != std::string::npos && at > 0 && (cut == std::string::npos || at > cut)) {
      cut = at;
      after = at + sep.size();
    }
  }
  if (cut == std::string::npos) return title;
  const absl::string_view suffix = absl::StripAsciiWhitespace(absl::string_view(title).substr(after));
  if (!LooksLikeSiteName(suffix, host_label)) return title;
  if (site->empty()) *site = std::string(suffix);
  title.resize(cut);
  return title;
}

std::string PrimaryLanguage(absl::string_view tag) {
  tag = absl::StripAsciiWhitespace(tag);
  const size_t cut = tag.find_first_of("-_");
  return absl::AsciiStrToLower(tag.substr(0, cut));
}

}  // namespace

// JSON-LD articleBody as article text: HTML in it is read as a page's body is; plain text is
// split into paragraphs at line breaks, whitespace collapsed. Empty for an empty body.
std::string ArticleBodyText(absl::string_view body) {
  if (absl::StripAsciiWhitespace(body).empty()) return {};
  std::string html;
  if (absl::StrContains(body, "<")) {
    html = std::string(body);
  } else if (absl::StrContains(body, "&")) {
    // Plain text with entities ("LGA&#8217;s", "&quot;"): each line a paragraph, decoded as
    // the page's own text is.
    for (absl::string_view line : absl::StrSplit(body, absl::ByAnyChar("\r\n"), absl::SkipWhitespace())) {
      absl::StrAppend(&html, "<p>", line, "</p>");
    }
  }
  if (!html.empty()) {
    GumboOutputPtr fragment = Parse(html);
    if (fragment != nullptr && fragment->root != nullptr) {
      BlockWriter writer;
      writer.Walk(fragment->root, 0);
      return writer.Finish();
    }
  }
  std::string out;
  for (absl::string_view line : absl::StrSplit(body, absl::ByAnyChar("\r\n"), absl::SkipWhitespace())) {
    if (!out.empty()) out += "\n\n";
    out += Collapse(line);
  }
  return out;
}

absl::StatusOr<HtmlArticle> ParseHtmlArticle(absl::string_view html) {
  GumboOutputPtr output = Parse(html);
  if (output == nullptr || output->root == nullptr) {
    return absl::InvalidArgumentError("the page could not be parsed");
  }
  PageFacts facts;
  Gather(output->root, 0, false, false, &facts);
  const JsonLdFacts ld = ReadJsonLd(facts.json_ld);

  HtmlArticle article;
  const std::vector<const GumboNode*> roots = ChooseRoots(facts);
  {
    BlockWriter writer;
    for (const GumboNode* root : roots) writer.Walk(root, 0);
    article.text = writer.Finish();
  }
  // Pages built by JavaScript (a Next.js or React shell) carry the story only in their
  // JSON-LD: its articleBody stands in when the page's own text is under half as long.
  if (const std::string body = ArticleBodyText(ld.article_body); body.size() > 2 * article.text.size()) {
    article.text = body;
  }

  article.publisher = !facts.og_site_name.empty() ? facts.og_site_name
                      : !ld.publisher.empty()       ? ld.publisher
                                                    : facts.site_name_h1;
  // "Headline | Publisher" (in <title>, and in og:title on many sites): the trailing
  // publisher name is dropped, or, with no publisher named, a trailing name of a news site
  // ("Budget news - BBC News"), which then names the publisher.
  const std::string host_label = HostLabel(!facts.canonical.empty() ? facts.canonical : facts.og_url);
  const std::string publisher_named = article.publisher;
  auto without_publisher = [&](std::string title) {
    return WithoutSiteName(std::move(title), publisher_named, host_label, &article.publisher);
  };
  if (!facts.og_title.empty()) {
    article.title = without_publisher(facts.og_title);
  } else if (!facts.first_h1.empty()) {
    article.title = facts.first_h1;
  } else if (!facts.title_tag.empty()) {
    article.title = without_publisher(facts.title_tag);
  } else {
    article.title = ld.headline;
  }
  article.canonical_url = !facts.canonical.empty() ? facts.canonical : facts.og_url;
  article.language_tag = std::string(
      absl::StripAsciiWhitespace(!facts.html_lang.empty() ? facts.html_lang : facts.og_locale));
  article.language = PrimaryLanguage(article.language_tag);
  for (const std::string& a : facts.meta_authors) AddAuthors(a, &article.authors);
  if (article.authors.empty()) {
    for (const std::string& a : facts.microdata_authors) AddAuthors(a, &article.authors);
  }
  for (const std::string& a : ld.authors) AddAuthors(a, &article.authors);
  const std::string story_time = StoryTime(facts, roots);
  // Publication times first, the page's own metadata before its text; a modification time
  // only when nothing else dates the page (a first guess better than none).
  for (absl::string_view candidate :
       {absl::string_view(facts.published_meta), absl::string_view(ld.date_published),
        absl::string_view(ld.page_date_published), absl::string_view(story_time),
        absl::string_view(facts.modified_meta), absl::string_view(ld.date_modified),
        absl::string_view(ld.page_date_modified)}) {
    if (auto t = ParseRfc3339(candidate); t.has_value()) {
      article.published_time = t->time;
      article.published_utc_offset_seconds = t->utc_offset_seconds;
      break;
    }
  }
  return article;
}

bool LooksLikeHtml(absl::string_view content) {
  absl::string_view s = content;
  if (absl::StartsWith(s, "\xEF\xBB\xBF")) s.remove_prefix(3);  // UTF-8 byte order mark
  s = absl::StripLeadingAsciiWhitespace(s);
  if (absl::StartsWithIgnoreCase(s, "<!doctype html") || absl::StartsWithIgnoreCase(s, "<html")) {
    return true;
  }
  // Otherwise: at least two block-level tags in the first 2 KB.
  static constexpr absl::string_view kTags[] = {
      "p", "div", "br", "h1", "h2", "h3", "h4", "body", "head", "article", "section",
      "table", "ul", "ol", "li", "title", "meta", "main", "blockquote"};
  const absl::string_view window = s.substr(0, 2048);
  int count = 0;
  for (size_t i = window.find('<'); i != absl::string_view::npos; i = window.find('<', i + 1)) {
    size_t j = i + 1;
    if (j < window.size() && window[j] == '/') ++j;
    size_t k = j;
    while (k < window.size() && absl::ascii_isalnum(static_cast<unsigned char>(window[k]))) ++k;
    if (k == j || k >= window.size()) continue;
    const char after = window[k];
    if (after != '>' && after != ' ' && after != '/' && after != '\t' && after != '\n') continue;
    const std::string name = absl::AsciiStrToLower(window.substr(j, k - j));
    for (absl::string_view tag : kTags) {
      if (name == tag) {
        if (++count >= 2) return true;
        break;
      }
    }
  }
  return false;
}

}  // namespace claims::extract
