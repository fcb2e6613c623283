#include "ingest-service/feeds/feed_parser.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/xmlerror.h>

#include <cctype>
#include <memory>
#include <mutex>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/timestamps.h"
#include "ingest-service/extract/html_text.h"

namespace claims::feeds {
namespace {

constexpr char kAtomNs[] = "http://www.w3.org/2005/Atom";
constexpr char kContentNs[] = "http://purl.org/rss/1.0/modules/content/";
constexpr char kDcNs[] = "http://purl.org/dc/elements/1.1/";
constexpr char kRss1Ns[] = "http://purl.org/rss/1.0/";

// libxml2 must be initialised once, from one thread, before concurrent use.
void InitLibxml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

struct XmlFree {
  void operator()(xmlChar* p) const { xmlFree(p); }
};
using XmlString = std::unique_ptr<xmlChar, XmlFree>;

std::string Str(const xmlChar* s) { return s == nullptr ? "" : reinterpret_cast<const char*>(s); }

absl::string_view LocalName(const xmlNode* n) {
  return n->name == nullptr ? "" : reinterpret_cast<const char*>(n->name);
}
absl::string_view Namespace(const xmlNode* n) {
  return n->ns == nullptr || n->ns->href == nullptr ? ""
                                                    : reinterpret_cast<const char*>(n->ns->href);
}

// Element `name` in namespace `ns` ("" = no namespace; nullptr = any).
bool Is(const xmlNode* n, const char* ns, absl::string_view name) {
  if (n->type != XML_ELEMENT_NODE || LocalName(n) != name) return false;
  return ns == nullptr || Namespace(n) == ns;
}

std::string Attr(const xmlNode* n, const char* name) {
  XmlString v(xmlGetProp(n, reinterpret_cast<const xmlChar*>(name)));
  return std::string(absl::StripAsciiWhitespace(Str(v.get())));
}

std::string Content(const xmlNode* n) {
  XmlString v(xmlNodeGetContent(n));
  return Str(v.get());
}

// Collapses runs of whitespace to one space and trims.
std::string Collapse(absl::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string Trimmed(const xmlNode* n) {
  return std::string(absl::StripAsciiWhitespace(Content(n)));
}

std::string Resolve(absl::string_view link, absl::string_view base) {
  if (link.empty() || base.empty()) return std::string(link);
  const std::string l(link), b(base);
  XmlString built(xmlBuildURI(reinterpret_cast<const xmlChar*>(l.c_str()),
                              reinterpret_cast<const xmlChar*>(b.c_str())));
  return built == nullptr ? l : Str(built.get());
}

// Atom text constructs: type="xhtml" holds markup (serialised back), "html" escaped markup,
// "text" (the default) plain text.
std::string AtomText(xmlDoc* doc, const xmlNode* n, bool* is_html) {
  const std::string type = absl::AsciiStrToLower(Attr(n, "type"));
  if (type == "xhtml") {
    *is_html = true;
    std::string out;
    xmlBufferPtr buffer = xmlBufferCreate();
    for (xmlNode* c = n->children; c != nullptr; c = c->next) {
      // The wrapping <div> belongs to Atom, not to the content.
      const bool wrapper = Is(c, nullptr, "div");
      for (xmlNode* cc = wrapper ? c->children : c; cc != nullptr; cc = cc->next) {
        xmlNodeDump(buffer, doc, cc, 0, 0);
        if (!wrapper) break;
      }
    }
    out = Str(xmlBufferContent(buffer));
    xmlBufferFree(buffer);
    return out;
  }
  *is_html = type == "html" || type == "text/html";
  return Content(n);
}

// The words of an Atom title of type "html" or "xhtml" ("NHS <em>Federated Data Platform</em>
// &amp; you"): its markup removed and entities decoded; as given when it has no words.
std::string TitleText(const std::string& title, bool is_html) {
  if (!is_html) return title;
  absl::StatusOr<extract::HtmlArticle> page = extract::ParseHtmlArticle(absl::StrCat("<p>", title, "</p>"));
  if (!page.ok() || page->text.empty()) return title;
  return absl::StrReplaceAll(page->text, {{"\n\n", " "}});
}

// RSS <author> is an e-mail address, "jo@example.org (Jo Bloggs)": keep the name.
std::string RssAuthor(absl::string_view value) {
  value = absl::StripAsciiWhitespace(value);
  const size_t open = value.find('(');
  const size_t close = value.rfind(')');
  if (open != absl::string_view::npos && close != absl::string_view::npos && close > open) {
    return Collapse(value.substr(open + 1, close - open - 1));
  }
  return Collapse(value);
}

void AddAuthor(std::string name, std::vector<std::string>* authors) {
  if (name.empty()) return;
  for (const auto& a : *authors) {
    if (a == name) return;
  }
  authors->push_back(std::move(name));
}

// A feed's time and the UTC offset it was written with (below, after the time readers).
void ReadFeedTime(absl::string_view value, std::optional<absl::Time>* time, std::optional<int>* offset);

FeedItem ParseRssItem(const xmlNode* item, absl::string_view base) {
  FeedItem out;
  std::string encoded, description;
  std::optional<absl::Time> dc_date;
  std::optional<int> dc_date_offset;
  for (const xmlNode* c = item->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    const absl::string_view ns = Namespace(c);
    const bool plain = ns.empty() || ns == kRss1Ns;
    if (plain && LocalName(c) == "title") {
      out.title = Collapse(Content(c));
    } else if (plain && LocalName(c) == "link") {
      out.link = Resolve(Trimmed(c), base);
    } else if (plain && LocalName(c) == "guid") {
      out.guid = Trimmed(c);
      out.guid_is_permalink = absl::AsciiStrToLower(Attr(c, "isPermaLink")) != "false";
    } else if (plain && LocalName(c) == "description") {
      description = Content(c);
    } else if (plain && LocalName(c) == "pubDate") {
      ReadFeedTime(Trimmed(c), &out.published, &out.published_utc_offset_seconds);
    } else if (plain && LocalName(c) == "author") {
      AddAuthor(RssAuthor(Content(c)), &out.authors);
    } else if (ns == kContentNs && LocalName(c) == "encoded") {
      encoded = Content(c);
    } else if (ns == kDcNs && LocalName(c) == "creator") {
      AddAuthor(Collapse(Content(c)), &out.authors);
    } else if (ns == kDcNs && LocalName(c) == "date") {
      ReadFeedTime(Trimmed(c), &dc_date, &dc_date_offset);
    }
  }
  // RSS 1.0 items name their link in rdf:about when <link> is missing.
  if (out.link.empty()) out.link = Resolve(Attr(item, "about"), base);
  if (!out.published.has_value()) {
    out.published = dc_date;
    out.published_utc_offset_seconds = dc_date_offset;
  }
  out.content = !absl::StripAsciiWhitespace(encoded).empty() ? encoded : description;
  return out;
}

FeedItem ParseAtomEntry(xmlDoc* doc, const xmlNode* entry, absl::string_view base) {
  FeedItem out;
  std::string content, summary;
  bool content_html = true, summary_html = true;
  std::optional<int> updated_offset;
  std::string best_link;
  int best_rank = -1;
  for (const xmlNode* c = entry->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || Namespace(c) != kAtomNs) continue;
    const absl::string_view name = LocalName(c);
    if (name == "title") {
      bool html = false;
      const std::string title = AtomText(doc, c, &html);
      out.title = Collapse(TitleText(title, html));
    } else if (name == "link") {
      const std::string rel = Attr(c, "rel");
      if (!rel.empty() && rel != "alternate") continue;
      const std::string type = Attr(c, "type");
      const int rank = type.empty() ? 1 : absl::StrContains(type, "html") ? 2 : 0;
      if (rank > best_rank) {
        best_rank = rank;
        best_link = Attr(c, "href");
      }
    } else if (name == "id") {
      out.guid = Trimmed(c);
    } else if (name == "content") {
      content = AtomText(doc, c, &content_html);
    } else if (name == "summary") {
      summary = AtomText(doc, c, &summary_html);
    } else if (name == "published") {
      ReadFeedTime(Trimmed(c), &out.published, &out.published_utc_offset_seconds);
    } else if (name == "updated") {
      ReadFeedTime(Trimmed(c), &out.updated, &updated_offset);
    } else if (name == "author") {
      for (const xmlNode* a = c->children; a != nullptr; a = a->next) {
        if (Is(a, kAtomNs, "name")) AddAuthor(Collapse(Content(a)), &out.authors);
      }
    }
  }
  // xml:base on the entry or the feed applies to its links.
  XmlString node_base(xmlNodeGetBase(doc, entry));
  const std::string entry_base = node_base != nullptr ? Str(node_base.get()) : std::string(base);
  out.link = Resolve(best_link, entry_base);
  if (!out.published.has_value()) {
    out.published = out.updated;
    out.published_utc_offset_seconds = updated_offset;
  }
  if (!absl::StripAsciiWhitespace(content).empty()) {
    out.content = std::move(content);
    out.content_is_html = content_html;
  } else {
    out.content = std::move(summary);
    out.content_is_html = summary_html;
  }
  return out;
}

struct FirstError {
  bool seen = false;
  int line = 0;
  std::string message;
};

void RecordFirstError(void* data, xmlErrorPtr error) {
  auto* first = static_cast<FirstError*>(data);
  if (first->seen || error == nullptr || error->level < XML_ERR_ERROR) return;
  first->seen = true;
  first->line = error->line;
  first->message = error->message != nullptr ? error->message : "unknown error";
}

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct CtxtFree {
  void operator()(xmlParserCtxt* c) const { xmlFreeParserCtxt(c); }
};

// ---- Times --------------------------------------------------------------------------------

int MonthNumber(absl::string_view m) {
  static constexpr const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                            "jul", "aug", "sep", "oct", "nov", "dec"};
  if (m.size() < 3) return 0;
  const std::string lower = absl::AsciiStrToLower(m.substr(0, 3));
  for (int i = 0; i < 12; ++i) {
    if (lower == kMonths[i]) return i + 1;
  }
  return 0;
}

// Offset in minutes east of UTC; false when unknown.
bool ZoneOffset(absl::string_view zone, int* minutes) {
  if (zone.empty()) {
    *minutes = 0;  // RFC 822 requires a zone; a missing one is most often UTC
    return true;
  }
  if ((zone[0] == '+' || zone[0] == '-') && (zone.size() == 5 || zone.size() == 6)) {
    std::string digits;
    for (char c : zone.substr(1)) {
      if (absl::ascii_isdigit(static_cast<unsigned char>(c))) digits.push_back(c);
    }
    if (digits.size() != 4) return false;
    const int h = (digits[0] - '0') * 10 + (digits[1] - '0');
    const int m = (digits[2] - '0') * 10 + (digits[3] - '0');
    *minutes = (zone[0] == '-' ? -1 : 1) * (h * 60 + m);
    return true;
  }
  static constexpr std::pair<const char*, int> kZones[] = {
      {"gmt", 0},    {"ut", 0},     {"utc", 0},    {"z", 0},      {"est", -300},
      {"edt", -240}, {"cst", -360}, {"cdt", -300}, {"mst", -420}, {"mdt", -360},
      {"pst", -480}, {"pdt", -420}, {"bst", 60},   {"cet", 60},   {"cest", 120}};
  const std::string lower = absl::AsciiStrToLower(zone);
  for (const auto& [name, offset] : kZones) {
    if (lower == name) {
      *minutes = offset;
      return true;
    }
  }
  return false;
}

std::optional<absl::Time> ParseRfc822(absl::string_view value) {
  // [Wkd,] DD Mon YYYY HH:MM[:SS] [ZONE]
  std::vector<absl::string_view> parts =
      absl::StrSplit(value, absl::ByAnyChar(" \t,"), absl::SkipEmpty());
  if (!parts.empty() && MonthNumber(parts[0]) == 0 &&
      !absl::ascii_isdigit(static_cast<unsigned char>(parts[0][0]))) {
    parts.erase(parts.begin());  // the weekday
  }
  if (parts.size() < 4) return std::nullopt;
  int day = 0, year = 0;
  if (!absl::SimpleAtoi(parts[0], &day)) return std::nullopt;
  const int month = MonthNumber(parts[1]);
  if (month == 0 || !absl::SimpleAtoi(parts[2], &year)) return std::nullopt;
  if (parts[2].size() == 2) year += year < 50 ? 2000 : 1900;
  std::vector<absl::string_view> hms = absl::StrSplit(parts[3], ':');
  if (hms.size() < 2 || hms.size() > 3) return std::nullopt;
  int h = 0, m = 0, s = 0;
  if (!absl::SimpleAtoi(hms[0], &h) || !absl::SimpleAtoi(hms[1], &m)) return std::nullopt;
  if (hms.size() == 3 && !absl::SimpleAtoi(hms[2], &s)) return std::nullopt;
  int offset = 0;
  if (!ZoneOffset(parts.size() > 4 ? parts[4] : "", &offset)) return std::nullopt;
  if (day < 1 || day > 31 || h > 23 || m > 59 || s > 60) return std::nullopt;
  const absl::CivilSecond civil(year, month, day, h, m, s);
  return absl::FromCivil(civil, absl::UTCTimeZone()) - absl::Minutes(offset);
}

}  // namespace

namespace {

// The zone's offset at the end of `value`, a time ParseFeedTime has read (see FeedTimeUtcOffset).
std::optional<int> WrittenUtcOffset(absl::string_view value) {
  value = absl::StripAsciiWhitespace(value);
  if (std::optional<int> offset = TrailingUtcOffset(value)) return offset;
  const size_t space = value.rfind(' ');
  if (space == absl::string_view::npos) return std::nullopt;
  const absl::string_view zone = value.substr(space + 1);
  int minutes = 0;
  if (zone.empty() || !absl::ascii_isalpha(static_cast<unsigned char>(zone[0])) || !ZoneOffset(zone, &minutes) ||
      !IsValidUtcOffset(minutes * 60)) {
    return std::nullopt;
  }
  return minutes * 60;
}

// A feed's time, and the offset it was written with, read once.
void ReadFeedTime(absl::string_view value, std::optional<absl::Time>* time, std::optional<int>* offset) {
  *time = ParseFeedTime(value);
  *offset = time->has_value() ? WrittenUtcOffset(value) : std::nullopt;
}

}  // namespace

std::optional<int> FeedTimeUtcOffset(absl::string_view value) {
  return ParseFeedTime(value).has_value() ? WrittenUtcOffset(value) : std::nullopt;
}

std::optional<absl::Time> ParseFeedTime(absl::string_view value) {
  value = absl::StripAsciiWhitespace(value);
  if (value.empty()) return std::nullopt;
  absl::Time t;
  std::string err;
  const std::string v(value);
  if (absl::ParseTime(absl::RFC3339_full, v, &t, &err)) return t;
  // RFC 3339 with a lower-case 't' / 'z' or a space for 'T'.
  std::string fixed = absl::AsciiStrToUpper(v);
  if (fixed.size() > 10 && fixed[10] == ' ') fixed[10] = 'T';
  if (absl::ParseTime(absl::RFC3339_full, fixed, &t, &err)) return t;
  if (absl::ParseTime("%Y-%m-%d", v, absl::UTCTimeZone(), &t, &err)) return t;
  return ParseRfc822(value);
}

absl::StatusOr<Feed> ParseFeed(absl::string_view xml, absl::string_view feed_url) {
  InitLibxml();
  std::unique_ptr<xmlParserCtxt, CtxtFree> ctxt(xmlNewParserCtxt());
  if (ctxt == nullptr) return absl::ResourceExhaustedError("feed: cannot allocate an XML parser");
  const std::string url(feed_url);
  // No network, no external entities or DTDs; CDATA merged into text.
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                      XML_PARSE_NOCDATA;
  // The first error names the cause; libxml2 keeps only the last one. Its error handler
  // state is per thread.
  FirstError first;
  xmlSetStructuredErrorFunc(&first, &RecordFirstError);
  std::unique_ptr<xmlDoc, DocFree> doc(
      xmlCtxtReadMemory(ctxt.get(), xml.data(), static_cast<int>(xml.size()),
                        url.empty() ? nullptr : url.c_str(), nullptr, options));
  xmlSetStructuredErrorFunc(nullptr, nullptr);
  if (doc == nullptr || !ctxt->wellFormed) {
    if (!first.seen) {
      const xmlError* error = xmlCtxtGetLastError(ctxt.get());
      first.line = error != nullptr ? error->line : 0;
      first.message = error != nullptr && error->message != nullptr ? error->message : "unknown error";
    }
    return absl::InvalidArgumentError(
        absl::StrCat("feed: not well-formed XML at line ", first.line, ": ",
                     absl::StripAsciiWhitespace(first.message)));
  }
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (root == nullptr) return absl::InvalidArgumentError("feed: empty document");
  Feed feed;
  const absl::string_view root_name = LocalName(root);
  if (Is(root, "", "rss") || Is(root, nullptr, "RDF")) {
    feed.format = root_name == "rss" ? Feed::Format::kRss2 : Feed::Format::kRss1;
    for (const xmlNode* c = root->children; c != nullptr; c = c->next) {
      if (Is(c, nullptr, "channel")) {
        for (const xmlNode* cc = c->children; cc != nullptr; cc = cc->next) {
          const absl::string_view ns = Namespace(cc);
          if (!ns.empty() && ns != kRss1Ns) continue;
          if (Is(cc, nullptr, "title")) feed.title = Collapse(Content(cc));
          if (Is(cc, nullptr, "link")) feed.link = Trimmed(cc);
          if (Is(cc, nullptr, "item")) feed.items.push_back(ParseRssItem(cc, feed_url));
        }
      } else if (Is(c, nullptr, "item")) {  // RSS 1.0: items are siblings of the channel
        feed.items.push_back(ParseRssItem(c, feed_url));
      }
    }
    return feed;
  }
  if (Is(root, kAtomNs, "feed")) {
    feed.format = Feed::Format::kAtom;
    for (const xmlNode* c = root->children; c != nullptr; c = c->next) {
      if (Is(c, kAtomNs, "title")) {
        bool html = false;
        const std::string title = AtomText(doc.get(), c, &html);
        feed.title = Collapse(TitleText(title, html));
      } else if (Is(c, kAtomNs, "link") && (Attr(c, "rel").empty() || Attr(c, "rel") == "alternate")) {
        feed.link = Attr(c, "href");
      } else if (Is(c, kAtomNs, "entry")) {
        feed.items.push_back(ParseAtomEntry(doc.get(), c, feed_url));
      }
    }
    return feed;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("feed: not an RSS or Atom document (root element <", root_name, ">)"));
}

}  // namespace claims::feeds
