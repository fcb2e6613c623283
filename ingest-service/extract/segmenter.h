// Segmentation of an article's text into paragraphs, sentences and tokens, all as byte
// offsets into the text that was given (the text itself is never modified, so every later
// stage can point back into the user's file).
//
// Pure functions; thread-safe. Linear in the size of the text.
#ifndef CLAIMS_INGEST_SERVICE_EXTRACT_SEGMENTER_H_
#define CLAIMS_INGEST_SERVICE_EXTRACT_SEGMENTER_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"

namespace claims::extract {

enum class TokenKind : uint8_t {
  kWord,    // letters/digits, with inner apostrophes, hyphens and dots ("don't", "U.S", "3.5")
  kPunct,   // one punctuation code point (",", ".", ":", "—", "(")
  kQuote,   // a quotation mark; see QuoteRole
};

// What a quotation mark does, decided from its shape and, for the straight ASCII marks, from
// what stands on its left (a space or an opening bracket before it makes it an opener).
enum class QuoteRole : uint8_t {
  kNone,
  kDoubleOpen,   // “ „ « and a straight " that opens
  kDoubleClose,  // ” » and a straight " that closes
  kSingleOpen,   // ‘ ‹ and a straight ' that opens
  kSingleClose,  // ’ › and a straight ' that closes (never an inner apostrophe: "Hackney’s")
};

struct Token {
  size_t begin = 0;  // byte offsets, [begin, end)
  size_t end = 0;
  TokenKind kind = TokenKind::kWord;
  QuoteRole quote = QuoteRole::kNone;
  // The first code point is an upper-case ASCII letter or a non-ASCII letter written
  // upper-case (only Latin-1/Latin Extended capitals are recognised).
  bool capitalised = false;
  uint32_t sentence = 0;   // index into Segmentation::sentences
  uint32_t paragraph = 0;  // index into Segmentation::paragraphs
};

struct Paragraph {
  size_t begin = 0, end = 0;  // bytes, trimmed of surrounding whitespace
  size_t first_token = 0, end_token = 0;  // [first_token, end_token) into tokens
};

struct Sentence {
  size_t begin = 0, end = 0;  // bytes
  size_t first_token = 0, end_token = 0;
  uint32_t paragraph = 0;
};

struct Segmentation {
  std::vector<Paragraph> paragraphs;
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  // The text ASCII-lower-cased byte for byte (non-ASCII bytes kept), so that every token's
  // lower-cased form is a view into it at the token's offsets (LowerTokenText).
  std::string lower;
};

struct SegmenterOptions {
  // Plain text often has one paragraph per line; HTML-derived text separates paragraphs by
  // a blank line. When true, every line break ends a paragraph.
  bool single_newline_ends_paragraph = true;
};

// Segments `text` (which should be valid UTF-8; malformed bytes are treated as letters, so
// any input is safe). Sentences never cross paragraphs. A sentence ends at . ! ? or … when
// a capitalised word, a number or an opening quote follows after white space, except after
// titles and abbreviations (Mr, Dr, Prof, St, Sen, Jan., U.S., e.g.), initials ("J. Smith"),
// and inside decimals; closing quotes and brackets after the full stop stay in the sentence.
Segmentation Segment(absl::string_view text, const SegmenterOptions& options = {});

// Helpers shared by the later stages.
// Names and topic keywords (organisations.h, taxonomy.h) are matched on simpler words than
// Segment's tokens: runs of word characters, which are ASCII letters and digits and
// non-ASCII letters; U+00A0-U+00BF (no-break space, guillemets...) and U+2000-U+206F (curly
// quotes, dashes, ellipsis) separate words, as does any other ASCII byte.
// The byte length of the separator that starts at text[i], or 0 for a word character.
inline size_t WordSeparatorLength(absl::string_view text, size_t i) {
  const unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return absl::ascii_isalnum(c) ? 0 : 1;
  if (c == 0xC2 && i + 1 < text.size()) {
    const unsigned char c1 = static_cast<unsigned char>(text[i + 1]);
    if (c1 >= 0xA0 && c1 <= 0xBF) return 2;
  }
  if (c == 0xE2 && i + 2 < text.size()) {
    const unsigned char c1 = static_cast<unsigned char>(text[i + 1]);
    if (c1 == 0x80 || c1 == 0x81) return 3;
  }
  return 0;
}
// Sets `*lower` to `text` with its ASCII letters lower-cased, byte for byte (other bytes are
// kept): the form in which later stages look words up.
void LowerAscii(absl::string_view text, std::string* lower);
// Index of the first token of `seg` that starts at or after byte `pos`; seg.tokens.size()
// when there is none. Binary search: tokens are in text order.
inline size_t FirstTokenFrom(const Segmentation& seg, size_t pos) {
  return static_cast<size_t>(std::lower_bound(seg.tokens.begin(), seg.tokens.end(), pos,
                                              [](const Token& t, size_t p) { return t.begin < p; }) -
                             seg.tokens.begin());
}
// The token's text.
inline absl::string_view TokenText(absl::string_view text, const Token& t) {
  return text.substr(t.begin, t.end - t.begin);
}
// ASCII-lower-cased token text (non-ASCII bytes are kept).
std::string LowerToken(absl::string_view text, const Token& t);
// The same without a copy: a view into `seg.lower`, valid as long as `seg` is. `t` must be a
// token of `seg`'s text (any Token of seg.tokens).
inline absl::string_view LowerTokenText(const Segmentation& seg, const Token& t) {
  return absl::string_view(seg.lower).substr(t.begin, t.end - t.begin);
}
// True for a token that is exactly `punct` (e.g. ",", ".", ":").
bool IsPunct(absl::string_view text, const Token& t, absl::string_view punct);
// A double quotation mark, straight or typographic, opening or closing: " “ ” „ « ».
inline bool IsDoubleQuoteMark(char32_t c) {
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x00AB || c == 0x00BB;
}
// The byte length of the double quotation mark that starts at text[pos]: a code point of
// IsDoubleQuoteMark, or two ASCII apostrophes '' or backticks `` as archives write one
// (''Yes,'' she said); 0 when there is none.
size_t DoubleQuoteMarkAt(absl::string_view text, size_t pos);
// The byte length of the double quotation mark that ends just before text[end]; 0 when none.
size_t DoubleQuoteMarkBefore(absl::string_view text, size_t end);
// True for opening/closing quote tokens, single or double.
inline bool IsOpeningQuote(const Token& t) {
  return t.quote == QuoteRole::kDoubleOpen || t.quote == QuoteRole::kSingleOpen;
}
inline bool IsClosingQuote(const Token& t) {
  return t.quote == QuoteRole::kDoubleClose || t.quote == QuoteRole::kSingleClose;
}

}  // namespace claims::extract

#endif  // CLAIMS_INGEST_SERVICE_EXTRACT_SEGMENTER_H_
