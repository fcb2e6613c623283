#include "ingest-service/extract/segmenter.h"

#include <string>

#include "absl/strings/ascii.h"
#include "common/swar.h"
#include "common/utf8.h"
#include "ingest-service/extract/word_filter.h"

namespace claims::extract {
namespace {

// Code point classes. Each decides ASCII, most of any English text, inline with a comparison
// or two; the ...NonAscii functions hold the rest.
bool IsSpaceNonAscii(char32_t c) {
  return c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 ||
         c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}
inline bool IsSpaceCp(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');  // \t \n \v \f \r
  return IsSpaceNonAscii(c);
}

bool IsLineBreakCp(char32_t c) { return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029; }

bool IsPunctNonAscii(char32_t c) {
  return (c >= 0xA1 && c <= 0xBF) || c == 0xD7 || c == 0xF7 ||
         (c >= 0x2010 && c <= 0x205E) || (c >= 0x2190 && c <= 0x2BFF) ||
         (c >= 0x3001 && c <= 0x3003) || (c >= 0xFE10 && c <= 0xFE6F) ||
         (c >= 0xFF01 && c <= 0xFF0F);
}
inline bool IsPunctCp(char32_t c) {
  if (c < 0x80) {
    return !absl::ascii_isalnum(static_cast<unsigned char>(c)) && !IsSpaceCp(c) && c >= 0x20;
  }
  return IsPunctNonAscii(c);
}

// Control characters are neither letters nor punctuation: they are skipped like spaces.
inline bool IsControlCp(char32_t c) { return c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0); }

// Neither space, punctuation nor control: for ASCII exactly the letters and digits.
inline bool IsAlnumCp(char32_t c) {
  if (c < 0x80) return absl::ascii_isalnum(static_cast<unsigned char>(c));
  return !IsSpaceNonAscii(c) && !IsPunctNonAscii(c) && !IsControlCp(c);
}
bool IsDigitCp(char32_t c) { return c >= '0' && c <= '9'; }
bool IsUpperCp(char32_t c) {
  // Latin Extended Additional (U+1E00..U+1EFF: "Ọkafor", "Ṣẹ") pairs capitals and small
  // letters as Extended-A does, capital first.
  // In Extended-A the pairs turn round twice: U+0139..U+0148 ("Ł" is U+0141) and
  // U+0179..U+017E have the capital at the odd code point.
  if (c >= 0x100 && c <= 0x17F) {
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return c % 2 == 1;
    if (c == 0x178) return true;                  // Ÿ
    if (c == 0x138 || c == 0x149 || c == 0x17F) return false;  // ĸ, ŉ, ſ
    return c % 2 == 0;
  }
  if (c >= 0x1E96 && c <= 0x1E9D) return false;  // small letters only (ẖ ... ẝ)
  return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
         (c >= 0x1E00 && c <= 0x1EFF && c % 2 == 0);
}

bool IsApostropheCp(char32_t c) { return c == '\'' || c == 0x2019; }

// A small cursor over UTF-8 that tolerates malformed bytes (decoded as U+FFFD, length 1).
struct Cursor {
  absl::string_view s;
  char32_t At(size_t pos, size_t* len) const {
    if (pos >= s.size()) {
      *len = 0;
      return 0;
    }
    const unsigned char b = static_cast<unsigned char>(s[pos]);
    if (b < 0x80) {
      *len = 1;
      return b;
    }
    return DecodeUtf8(s, pos, len);
  }
  char32_t Peek(size_t pos) const {
    size_t len;
    return At(pos, &len);
  }
  // The code point that ends just before `pos` (0 at the start).
  char32_t Before(size_t pos, size_t floor) const {
    if (pos <= floor) return 0;
    size_t p = pos - 1;
    while (p > floor && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80 && pos - p < 4) --p;
    size_t len;
    return At(p, &len);
  }
};

QuoteRole QuoteRoleOf(char32_t c, char32_t before) {
  const bool opens_context = before == 0 || IsSpaceCp(before) || before == '(' ||
                             before == '[' || before == '{' || before == 0x2014 ||
                             before == 0x2013 || before == '-' || before == '/' ||
                             before == 0x201C || before == 0x2018 || before == 0xAB;
  switch (c) {
    case 0x201C: case 0x201E: case 0xAB:
      return QuoteRole::kDoubleOpen;
    case 0x201D:
      // At the start of a paragraph it can only open (some sites type ” for both marks).
      return before == 0 ? QuoteRole::kDoubleOpen : QuoteRole::kDoubleClose;
    case 0xBB:
      return QuoteRole::kDoubleClose;
    case 0x2018: case 0x2039:
      return QuoteRole::kSingleOpen;
    case 0x203A:
      return QuoteRole::kSingleClose;
    case 0x2019:
      // Preceded by a space it is a leading apostrophe ("’90s"), not a closing mark.
      return before == 0 || IsSpaceCp(before) ? QuoteRole::kNone : QuoteRole::kSingleClose;
    case '"':
      return opens_context ? QuoteRole::kDoubleOpen : QuoteRole::kDoubleClose;
    case '\'':
      return opens_context ? QuoteRole::kSingleOpen : QuoteRole::kSingleClose;
    default:
      return QuoteRole::kNone;
  }
}

// The end of the run of ASCII bytes other than line breaks that starts at text[pos] (pos
// itself when there is none); sets `*has_text` when one of them is neither space nor
// control. Most of a line is such a run.
size_t AsciiRunEnd(absl::string_view text, size_t pos, bool* has_text) {
  using swar::kOnes;
  const char* const data = text.data();
  const size_t n = text.size();
  bool seen = false;
  // Eight bytes at a time while none is >= 0x80 or a line break.
  for (; pos + 8 <= n; pos += 8) {
    const uint64_t x = swar::Load8(data + pos);
    if ((x & swar::kHighBits) | swar::AnyByteIs(x, '\n') | swar::AnyByteIs(x, '\r')) break;
    // Top bit of a byte b < 0x80: b + 0x5F for b > ' ', b + 1 for b == DEL (no carries).
    seen = seen || (((x + (0x80 - 0x21) * kOnes) & ~(x + kOnes)) & swar::kHighBits) != 0;
  }
  for (; pos < n; ++pos) {
    const unsigned char c = static_cast<unsigned char>(data[pos]);
    if (c >= 0x80 || c == '\n' || c == '\r') break;
    seen |= c > ' ' && c != 0x7F;  // not space (<= ' ') nor control (< ' ', DEL)
  }
  *has_text = seen;
  return pos;
}

// Appends the tokens of text[begin, end) (one paragraph).
void Tokenise(const Cursor& cur, size_t begin, size_t end, uint32_t paragraph,
              std::vector<Token>* tokens) {
  size_t pos = begin;
  while (pos < end) {
    size_t len;
    const char32_t c = cur.At(pos, &len);
    if (len == 0) break;
    if (IsSpaceCp(c) || IsControlCp(c)) {
      pos += len;
      continue;
    }
    Token t;
    t.begin = pos;
    t.paragraph = paragraph;
    if ((c == '\'' || c == '`') && DoubleQuoteMarkAt(cur.s.substr(0, end), pos) == 2) {
      // ''Yes,'' she said / ``Yes,'' she said: two marks are one double quotation mark.
      t.end = pos + 2;
      t.quote = c == '`' ? QuoteRole::kDoubleOpen : QuoteRoleOf('"', cur.Before(pos, begin));
      t.kind = TokenKind::kQuote;
      tokens->push_back(t);
      pos += 2;
      continue;
    }
    if (IsPunctCp(c)) {
      t.end = pos + len;
      t.quote = QuoteRoleOf(c, cur.Before(pos, begin));
      t.kind = t.quote == QuoteRole::kNone ? TokenKind::kPunct : TokenKind::kQuote;
      tokens->push_back(t);
      pos += len;
      continue;
    }
    t.kind = TokenKind::kWord;
    t.capitalised = IsUpperCp(c);
    char32_t prev = c;
    size_t segment_len = 1;  // code points since the last inner dot
    pos += len;
    while (pos < end) {
      // ASCII letters and digits, most of a word, are stepped over without decoding.
      const size_t run_begin = pos;
      while (pos < end && absl::ascii_isalnum(static_cast<unsigned char>(cur.s[pos]))) ++pos;
      if (pos > run_begin) {
        prev = static_cast<unsigned char>(cur.s[pos - 1]);
        segment_len += pos - run_begin;
        if (pos == end) break;
      }
      size_t l;
      const char32_t d = cur.At(pos, &l);
      if (l == 0) break;
      if (IsAlnumCp(d)) {
        prev = d;
        ++segment_len;
        pos += l;
        continue;
      }
      size_t l2;
      const char32_t next = cur.At(pos + l, &l2);
      if (pos + l >= end || !IsAlnumCp(next)) break;
      bool joins = false;
      if (d == '-' || d == 0x2010 || d == 0x2011) {
        joins = true;  // "co-founder", "2024-25"
      } else if (IsApostropheCp(d)) {
        joins = !IsDigitCp(prev) && !IsDigitCp(next);  // "don't", "Hackney’s", "O'Brien"
      } else if (d == '.') {
        // Decimals ("3.5") and dotted abbreviations of single letters ("U.S", "e.g").
        joins = (IsDigitCp(prev) && IsDigitCp(next)) || (segment_len == 1 && !IsDigitCp(prev));
        if (joins) segment_len = 0;
      } else if (d == ',') {
        // Thousands: "1,000" but not "2024,2025".
        joins = IsDigitCp(prev) && pos + l + 3 <= end && IsDigitCp(cur.Peek(pos + l)) &&
                IsDigitCp(cur.Peek(pos + l + 1)) && IsDigitCp(cur.Peek(pos + l + 2)) &&
                (pos + l + 3 == end || !IsAlnumCp(cur.Peek(pos + l + 3)));
      }
      if (!joins) break;
      prev = next;
      pos += l;
    }
    t.end = pos;
    tokens->push_back(t);
  }
}

const WordSet& NeverEndAbbreviations() {
  static const auto* set = new WordSet{
      "mr", "mrs", "ms", "dr", "prof", "st", "sen", "rep", "gov", "gen", "col", "lt", "sgt",
      "capt", "cpt", "jr", "sr", "rev", "hon", "fr", "mt", "ft", "messrs", "mme", "mlle",
      "vs", "v", "approx", "dept", "univ", "cllr", "supt", "insp", "det", "adm", "maj",
      "e.g", "i.e", "cf", "al", "pres", "atty", "sens", "reps"};
  return *set;
}

const WordSet& MonthAbbreviations() {
  static const auto* set = new WordSet{
      "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
      "no", "nos", "p", "pp", "para", "fig", "vol", "art"};
  return *set;
}

// Words that start sentences: after an ambiguous abbreviation ("U.S.", "Inc.") a sentence
// ends only when one of these follows.
const WordSet& SentenceStarters() {
  static const auto* set = new WordSet{
      "the", "a", "an", "he", "she", "it", "they", "we", "i", "in", "on", "at", "but", "and",
      "this", "that", "these", "those", "there", "his", "her", "their", "our", "its", "mr",
      "ms", "mrs", "dr", "however", "meanwhile", "last", "according", "asked", "speaking",
      "when", "while", "after", "before", "if", "as", "for", "so", "yet", "critics",
      "campaigners", "officials", "what", "why", "how", "who", "some", "many", "one"};
  return *set;
}

// `lower` is the text lower-cased (Segmentation::lower).
bool EndsSentenceAfterDot(absl::string_view text, absl::string_view lower,
                          const std::vector<Token>& tokens, size_t dot, size_t first,
                          const Token& next) {
  if (dot == first) return true;
  const Token& prev = tokens[dot - 1];
  if (prev.kind != TokenKind::kWord || prev.end != tokens[dot].begin) return true;
  const absl::string_view lw = TokenText(lower, prev);
  if (NeverEndAbbreviations().contains(lw)) return false;
  const bool next_is_number = next.kind == TokenKind::kWord &&
                              IsDigitCp(static_cast<unsigned char>(text[next.begin]));
  if (MonthAbbreviations().contains(lw)) return !next_is_number;
  const size_t n = prev.end - prev.begin;
  if (n == 1 && prev.capitalised) return false;  // an initial: "J. Smith"
  const bool dotted = TokenText(text, prev).find('.') != absl::string_view::npos &&
                      !IsDigitCp(static_cast<unsigned char>(text[prev.begin]));
  if (dotted || lw == "inc" || lw == "ltd" || lw == "corp" || lw == "co" || lw == "plc" ||
      lw == "etc") {
    return next.kind == TokenKind::kQuote || SentenceStarters().contains(TokenText(lower, next));
  }
  return true;
}

bool StartsSentence(absl::string_view text, const Token& t) {
  if (t.kind == TokenKind::kQuote) return IsOpeningQuote(t);
  if (t.kind == TokenKind::kPunct) {
    const absl::string_view s = TokenText(text, t);
    return s == "(" || s == "[" || s == "\xE2\x80\xA2";  // bullet
  }
  return t.capitalised || IsDigitCp(static_cast<unsigned char>(text[t.begin]));
}

bool IsTerminal(absl::string_view s) {
  return s == "." || s == "!" || s == "?" || s == "\xE2\x80\xA6";  // …
}

void SplitSentences(absl::string_view text, absl::string_view lower, uint32_t paragraph_index,
                    Paragraph& paragraph, std::vector<Token>& tokens,
                    std::vector<Sentence>* sentences) {
  size_t start = paragraph.first_token;
  const size_t end = paragraph.end_token;
  auto emit = [&](size_t stop) {
    if (stop <= start) return;
    Sentence s;
    s.first_token = start;
    s.end_token = stop;
    s.begin = tokens[start].begin;
    s.end = tokens[stop - 1].end;
    s.paragraph = paragraph_index;
    const uint32_t index = static_cast<uint32_t>(sentences->size());
    for (size_t k = start; k < stop; ++k) tokens[k].sentence = index;
    sentences->push_back(s);
    start = stop;
  };
  for (size_t i = start; i < end; ++i) {
    if (tokens[i].kind != TokenKind::kPunct || !IsTerminal(TokenText(text, tokens[i]))) continue;
    size_t j = i + 1;
    while (j < end) {
      const Token& t = tokens[j];
      if (IsClosingQuote(t)) {
        ++j;
        continue;
      }
      if (t.kind == TokenKind::kPunct && t.begin == tokens[j - 1].end) {
        const absl::string_view s = TokenText(text, t);
        if (s == ")" || s == "]" || IsTerminal(s)) {
          ++j;
          continue;
        }
      }
      break;
    }
    if (j >= end) break;  // the paragraph ends here anyway
    const Token& next = tokens[j];
    if (next.begin == tokens[j - 1].end && !IsOpeningQuote(next)) continue;  // no space
    if (!StartsSentence(text, next)) continue;
    if (TokenText(text, tokens[i]) == "." &&
        !EndsSentenceAfterDot(text, lower, tokens, i, start, next)) {
      continue;
    }
    emit(j);
    i = j - 1;
  }
  emit(end);
}

}  // namespace

void LowerAscii(absl::string_view text, std::string* lower) {
  lower->resize(text.size());
  char* const out = lower->data();
  using swar::kOnes;
  size_t i = 0;
  // Eight bytes at a time: a byte 'A'..'Z' gets 0x20 added. The sums run on the low seven
  // bits of each byte, so no carry crosses into the next byte; bytes >= 0x80 are left alone.
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t x = swar::Load8(text.data() + i);
    const uint64_t low7 = x & (0x7F * kOnes);
    const uint64_t at_least_a = low7 + (0x80 - 'A') * kOnes;  // top bit: byte >= 'A'
    const uint64_t above_z = low7 + (0x80 - 'Z' - 1) * kOnes;  // top bit: byte > 'Z'
    const uint64_t upper = (at_least_a ^ above_z) & ~x & swar::kHighBits;
    x |= upper >> 2;  // 0x80 >> 2 == 0x20
    swar::Store8(x, out + i);
  }
  for (; i < text.size(); ++i) out[i] = absl::ascii_tolower(static_cast<unsigned char>(text[i]));
}

std::string LowerToken(absl::string_view text, const Token& t) {
  std::string s(TokenText(text, t));
  absl::AsciiStrToLower(&s);
  return s;
}

bool IsPunct(absl::string_view text, const Token& t, absl::string_view punct) {
  return t.kind != TokenKind::kWord && TokenText(text, t) == punct;
}

Segmentation Segment(absl::string_view text, const SegmenterOptions& options) {
  Segmentation seg;
  LowerAscii(text, &seg.lower);
  // English averages about six bytes per token; reserving avoids repeated regrowth of the
  // largest vector on long articles.
  seg.tokens.reserve(text.size() / 5 + 16);
  seg.sentences.reserve(text.size() / 100 + 4);
  const Cursor cur{text};
  // Lines first: a paragraph is one line, or (without single_newline_ends_paragraph) a run
  // of non-blank lines. U+2029 always ends a paragraph.
  size_t para_begin = 0;
  bool para_has_text = false;
  auto close_paragraph = [&](size_t para_end) {
    if (!para_has_text) return;
    // Trim surrounding white space.
    size_t b = para_begin, e = para_end;
    while (b < e) {
      size_t len;
      const char32_t c = cur.At(b, &len);
      if (!IsSpaceCp(c) && !IsControlCp(c)) break;
      b += len;
    }
    while (e > b) {
      size_t p = e - 1;
      while (p > b && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
      size_t len;
      const char32_t c = cur.At(p, &len);
      if (!IsSpaceCp(c) && !IsControlCp(c)) break;
      e = p;
    }
    Paragraph p;
    p.begin = b;
    p.end = e;
    p.first_token = seg.tokens.size();
    const uint32_t index = static_cast<uint32_t>(seg.paragraphs.size());
    Tokenise(cur, b, e, index, &seg.tokens);
    p.end_token = seg.tokens.size();
    if (p.end_token > p.first_token) seg.paragraphs.push_back(p);
  };
  size_t pos = 0;
  bool line_has_text = false;
  while (pos < text.size()) {
    bool ascii_text = false;
    pos = AsciiRunEnd(text, pos, &ascii_text);
    if (ascii_text) {
      line_has_text = true;
      para_has_text = true;
    }
    if (pos == text.size()) break;
    size_t len;
    const char32_t c = cur.At(pos, &len);
    if (IsLineBreakCp(c)) {
      size_t next = pos + len;
      if (c == '\r' && next < text.size() && text[next] == '\n') ++next;
      if (options.single_newline_ends_paragraph || !line_has_text || c == 0x2029) {
        close_paragraph(pos);
        para_begin = next;
        para_has_text = false;
      }
      line_has_text = false;
      pos = next;
      continue;
    }
    if (!IsSpaceCp(c) && !IsControlCp(c)) {
      line_has_text = true;
      para_has_text = true;
    }
    pos += len;
  }
  close_paragraph(text.size());
  for (uint32_t i = 0; i < seg.paragraphs.size(); ++i) {
    SplitSentences(text, seg.lower, i, seg.paragraphs[i], seg.tokens, &seg.sentences);
  }
  return seg;
}

size_t DoubleQuoteMarkAt(absl::string_view text, size_t pos) {
  if (pos >= text.size()) return 0;
  if ((text[pos] == '\'' || text[pos] == '`') && pos + 1 < text.size() && text[pos + 1] == text[pos]) {
    return 2;
  }
  size_t len = 0;
  return IsDoubleQuoteMark(DecodeUtf8(text, pos, &len)) ? len : 0;
}

size_t DoubleQuoteMarkBefore(absl::string_view text, size_t end) {
  if (end == 0 || end > text.size()) return 0;
  if (end >= 2 && text[end - 1] == '\'' && text[end - 2] == '\'') return 2;
  size_t start = end - 1;
  while (start > 0 && end - start < 4 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  size_t len = 0;
  return IsDoubleQuoteMark(DecodeUtf8(text, start, &len)) && start + len == end ? len : 0;
}

}  // namespace claims::extract
