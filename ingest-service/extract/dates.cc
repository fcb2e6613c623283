#include "ingest-service/extract/dates.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "ingest-service/extract/word_filter.h"

namespace claims::extract {
namespace {

// A date without a year that would fall more than this many days after the reference is
// taken to be in the previous year ("January 21" in an article of 3 January).
constexpr int kFutureWindowDays = 61;
// After a past-tense reporting verb ("said on 3 March") a date without a year that would fall
// more than this many days after the reference is in the previous year. A few days ahead is
// rather a wrong reference (a page dated by its first version) than last year, and is left
// for the caller to pass over.
constexpr int kPastSayingLeewayDays = 7;

// What a word means to the date grammar.
enum class WordKind : uint8_t {
  kOther,
  kMonth,        // value 1..12; `abbreviation` for "Jan", "Sept"...
  kWeekday,      // value 0..6, Monday first (absl::Weekday order)
  kPreposition,  // may introduce a bare month, year or weekday: in, on, since, ...
  kYesterday,
  kToday,
  kTomorrow,
  kLast,
  kThis,
  kEarlier,
  kWeek,
  kMonthWord,  // "month"
  kYearWord,   // "year"
  kNight,
  kOf,
  kAgoUnit,     // "day", "days", "weeks", "months", "years" (value: an AgoUnit), only before "ago"
  kAgo,
  kNumberWord,  // value 1..12: "a", "an", "one" ... "twelve"
  kReportingVerb,  // "said", "told"...: may introduce a bare weekday ("said Tuesday");
                   // value: kPresentVerb, kPastVerb or kToldVerb
  kPartOf,         // "mid", "early", "late": "mid-July", "early June"
  kSeason,         // value: the month it begins in (spring 3, summer 6, autumn/fall 9, winter 12)
  kThe,
  kWeekend,
  kWeekendPreposition,  // "at", "over": "at the weekend", "over the weekend"
  kFutureVerb,     // base form of a reporting verb after "will" or "expected to": "say",
                   // "tell"...; value: kPresentVerb, or kToldVerb for one that takes a listener
  kWill,           // "will"
  kTo,             // "to"
  kFutureMarker,   // "expected", "due", "set"... before "to": "is expected to say"
  kLater,          // "later": "two days later"
  kSequence,       // "next", "following" (value +1), "previous", "preceding" (-1), "same" (0)
};

// The tense of a reporting verb (WordInfo::value of kReportingVerb words): a date after a
// past one ("said on 3 March") is when it was said, so not after the reference.
enum VerbTense { kPresentVerb = 0, kPastVerb, kToldVerb /* past, and takes a listener */ };

// The unit of "N <unit> ago" (WordInfo::value of kAgoUnit words).
enum AgoUnit { kAgoDays = 1, kAgoWeeks, kAgoMonths, kAgoYears };

struct WordInfo {
  WordKind kind = WordKind::kOther;
  int value = 0;
  bool abbreviation = false;
};

const absl::flat_hash_map<std::string, WordInfo>& Lexicon() {
  static const auto* const kLexicon = [] {
    auto* m = new absl::flat_hash_map<std::string, WordInfo>();
    static constexpr const char* kMonths[] = {"january", "february", "march",     "april",
                                              "may",     "june",     "july",      "august",
                                              "september", "october", "november", "december"};
    for (int i = 0; i < 12; ++i) (*m)[kMonths[i]] = {WordKind::kMonth, i + 1, false};
    static constexpr std::pair<const char*, int> kAbbrev[] = {
        {"jan", 1}, {"feb", 2}, {"mar", 3},  {"apr", 4},  {"jun", 6},  {"jul", 7},
        {"aug", 8}, {"sep", 9}, {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12}};
    for (const auto& [word, month] : kAbbrev) (*m)[word] = {WordKind::kMonth, month, true};
    static constexpr const char* kWeekdays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                                "friday", "saturday", "sunday"};
    for (int i = 0; i < 7; ++i) (*m)[kWeekdays[i]] = {WordKind::kWeekday, i, false};
    for (const char* p : {"in", "on", "since", "during", "by", "until", "till", "from",
                          "before", "after", "throughout", "of"}) {
      (*m)[p] = {WordKind::kPreposition, 0, false};
    }
    (*m)["of"] = {WordKind::kOf, 0, false};  // also a preposition, see IsPreposition
    (*m)["yesterday"] = {WordKind::kYesterday, 0, false};
    (*m)["today"] = {WordKind::kToday, 0, false};
    (*m)["tonight"] = {WordKind::kToday, 0, false};
    (*m)["tomorrow"] = {WordKind::kTomorrow, 0, false};
    (*m)["last"] = {WordKind::kLast, 0, false};
    (*m)["this"] = {WordKind::kThis, 0, false};
    (*m)["earlier"] = {WordKind::kEarlier, 0, false};
    (*m)["week"] = {WordKind::kWeek, 0, false};
    (*m)["month"] = {WordKind::kMonthWord, 0, false};
    (*m)["year"] = {WordKind::kYearWord, 0, false};
    (*m)["night"] = {WordKind::kNight, 0, false};
    // "three days ago", "a week ago", "two years ago".
    (*m)["day"] = {WordKind::kAgoUnit, kAgoDays, false};
    (*m)["days"] = {WordKind::kAgoUnit, kAgoDays, false};
    (*m)["weeks"] = {WordKind::kAgoUnit, kAgoWeeks, false};
    (*m)["months"] = {WordKind::kAgoUnit, kAgoMonths, false};
    (*m)["years"] = {WordKind::kAgoUnit, kAgoYears, false};
    (*m)["ago"] = {WordKind::kAgo, 0, false};
    static constexpr const char* kNumbers[] = {"one", "two",   "three", "four",   "five",   "six",
                                               "seven", "eight", "nine", "ten", "eleven", "twelve"};
    for (int i = 0; i < 12; ++i) (*m)[kNumbers[i]] = {WordKind::kNumberWord, i + 1, false};
    // "said Tuesday" (news-agency style): a weekday right after a reporting verb.
    for (const char* v : {"said", "added", "announced", "confirmed", "warned", "wrote", "tweeted"}) {
      (*m)[v] = {WordKind::kReportingVerb, kPastVerb, false};
    }
    (*m)["told"] = {WordKind::kReportingVerb, kToldVerb, false};
    (*m)["says"] = {WordKind::kReportingVerb, kPresentVerb, false};
    for (const char* p : {"mid", "early", "late"}) (*m)[p] = {WordKind::kPartOf, 0, false};
    for (const auto& [season, month] : {std::pair<const char*, int>{"spring", 3}, {"summer", 6},
                                        {"autumn", 9}, {"winter", 12}}) {
      (*m)[season] = {WordKind::kSeason, month, false};
    }
    (*m)["fall"] = {WordKind::kSeason, 9, /*abbreviation=*/true};  // only with a year
    (*m)["the"] = {WordKind::kThe, 0, false};
    (*m)["weekend"] = {WordKind::kWeekend, 0, false};
    (*m)["at"] = {WordKind::kWeekendPreposition, 0, false};
    (*m)["over"] = {WordKind::kWeekendPreposition, 0, false};
    // "will say on Monday", "is due to tell MPs on Monday": a statement still to be made.
    for (const char* v : {"say", "announce", "confirm", "warn", "unveil", "reveal", "outline",
                          "argue", "insist", "claim", "promise", "pledge", "urge"}) {
      (*m)[v] = {WordKind::kFutureVerb, kPresentVerb, false};
    }
    for (const char* v : {"tell", "address", "brief", "inform"}) {
      (*m)[v] = {WordKind::kFutureVerb, kToldVerb, false};
    }
    (*m)["will"] = {WordKind::kWill, 0, false};
    (*m)["to"] = {WordKind::kTo, 0, false};
    for (const char* v : {"expected", "due", "set", "going", "scheduled", "poised", "planning",
                          "plans", "intends", "likely"}) {
      (*m)[v] = {WordKind::kFutureMarker, 0, false};
    }
    (*m)["later"] = {WordKind::kLater, 0, false};
    for (const auto& [word, step] : {std::pair<const char*, int>{"next", 1}, {"following", 1},
                                     {"previous", -1}, {"preceding", -1}, {"same", 0}}) {
      (*m)[word] = {WordKind::kSequence, step, false};
    }
    (*m)["a"] = {WordKind::kNumberWord, 1, false};
    (*m)["an"] = {WordKind::kNumberWord, 1, false};
    return m;
  }();
  return *kLexicon;
}

// The words of Lexicon(): most words of a text are in none of its entries, and are turned
// away before the map hashes them.
const WordFilter& LexiconWords() {
  static const auto* const kFilter = [] {
    auto* f = new WordFilter;
    for (const auto& [word, info] : Lexicon()) f->Add(word);
    return f;
  }();
  return *kFilter;
}

enum class TokenKind : uint8_t { kWord, kNumber, kIso };

struct Token {
  size_t begin = 0;
  size_t end = 0;
  TokenKind kind = TokenKind::kWord;
  WordInfo word;             // kWord
  bool capitalised = false;  // kWord: first letter upper-case
  // kNumber: the value when the token is 1-4 plain digits, optionally an ordinal ("21st");
  // -1 for anything else ("2,024", "12345", "3.5").
  int number = -1;
  int digits = 0;
  bool ordinal = false;
  absl::CivilDay iso;  // kIso
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAlnum(char c) { return IsDigit(c) || IsAlpha(c); }

bool ValidDay(int y, int m, int d, absl::CivilDay* out) {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  const absl::CivilDay day(y, m, d);
  if (day.year() != y || day.month() != m || day.day() != d) return false;
  *out = day;
  return true;
}

// Splits `text` into ASCII words and numbers. Everything else (punctuation, spaces, non-ASCII
// bytes) separates tokens and is examined later as the "gap" between two tokens.
std::vector<Token> Tokenise(absl::string_view text) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 5 + 4);  // about one token per 5-6 bytes of prose
  const auto& lexicon = Lexicon();
  const WordFilter& lexicon_words = LexiconWords();
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const char c = text[i];
    if (!IsAlnum(c)) {
      ++i;
      continue;
    }
    Token t;
    t.begin = i;
    if (IsDigit(c)) {
      size_t j = i;
      while (j < n && IsDigit(text[j])) ++j;
      const size_t run = j - i;
      // ISO 8601 calendar date: YYYY-MM-DD not glued to more digits or letters.
      if (run == 4 && j + 5 < n && text[j] == '-' && IsDigit(text[j + 1]) &&
          IsDigit(text[j + 2]) && text[j + 3] == '-' && IsDigit(text[j + 4]) &&
          IsDigit(text[j + 5]) && (j + 6 >= n || !IsDigit(text[j + 6]))) {
        const int y = std::atoi(std::string(text.substr(i, 4)).c_str());
        const int m = (text[j + 1] - '0') * 10 + (text[j + 2] - '0');
        const int d = (text[j + 4] - '0') * 10 + (text[j + 5] - '0');
        absl::CivilDay day;
        if (ValidDay(y, m, d, &day)) {
          t.kind = TokenKind::kIso;
          t.iso = day;
          t.end = j + 6;
          tokens.push_back(t);
          i = t.end;
          continue;
        }
      }
      t.kind = TokenKind::kNumber;
      t.digits = static_cast<int>(run);
      bool plain = run <= 4;
      // "2,024", "3.5", "1,000,000": one token that is not a plain number.
      while (j + 1 < n && (text[j] == ',' || text[j] == '.') && IsDigit(text[j + 1])) {
        plain = false;
        ++j;
        while (j < n && IsDigit(text[j])) ++j;
      }
      // Ordinal suffix, or letters glued to the digits ("5G", "2024bn").
      size_t k = j;
      while (k < n && IsAlnum(text[k])) ++k;
      if (k > j) {
        const std::string suffix = absl::AsciiStrToLower(text.substr(j, k - j));
        if (plain && run <= 2 && (suffix == "st" || suffix == "nd" || suffix == "rd" ||
                                  suffix == "th")) {
          t.ordinal = true;
        } else {
          plain = false;
        }
      }
      if (plain) {
        int v = 0;
        for (size_t p = i; p < i + run; ++p) v = v * 10 + (text[p] - '0');
        t.number = v;
      }
      t.end = k;
    } else {
      size_t j = i;
      while (j < n && IsAlnum(text[j])) ++j;
      t.kind = TokenKind::kWord;
      t.end = j;
      t.capitalised = c >= 'A' && c <= 'Z';
      if (j - i <= 10) {
        char buf[10];
        for (size_t p = i; p < j; ++p) buf[p - i] = absl::ascii_tolower(text[p]);
        const absl::string_view lower(buf, j - i);
        if (lexicon_words.MayContain(lower)) {
          auto it = lexicon.find(lower);
          if (it != lexicon.end()) t.word = it->second;
        }
      }
    }
    tokens.push_back(t);
    i = t.end;
  }
  return tokens;
}

// `from` moved by `offset`: days as days; months to the first day of the month so many
// months on; years to 1 January of the year so many years on.
absl::CivilDay Shifted(absl::CivilDay from, DateOffset offset) {
  switch (offset.unit) {
    case DatePrecision::kDay: return from + offset.count;
    case DatePrecision::kMonth: return absl::CivilDay(absl::CivilMonth(from) + offset.count);
    case DatePrecision::kYear: return absl::CivilDay(from.year() + offset.count, 1, 1);
  }
  return from;
}

class Matcher {
 public:
  Matcher(absl::string_view text, absl::CivilDay reference, DateOrder order)
      : text_(text), ref_(reference), order_(order), tokens_(Tokenise(text)) {}

  std::vector<DateMention> Run() {
    std::vector<DateMention> out;
    size_t i = 0;
    while (i < tokens_.size()) {
      DateMention m;
      size_t next = i;
      if (MatchAt(i, &m, &next)) {
        out.push_back(m);
        i = next;
      } else {
        // An invalid date ("31 February 2025") is skipped whole, not re-read in parts.
        i = std::max(i + 1, next);
      }
    }
    ResolveRelativeDates(&out, [](const DateMention&, const DateMention&) { return true; });
    return out;
  }

 private:
  // --- token tests --------------------------------------------------------------------
  bool Has(size_t i) const { return i < tokens_.size(); }
  bool IsKind(size_t i, WordKind kind) const {
    return Has(i) && tokens_[i].kind == TokenKind::kWord && tokens_[i].word.kind == kind;
  }
  // Month and weekday names count only when capitalised ("may", "march", "sunday best").
  // Token i is the word `word` (lower-case), whatever its case.
  bool IsWord(size_t i, absl::string_view word) const {
    return Has(i) && tokens_[i].kind == TokenKind::kWord &&
           absl::EqualsIgnoreCase(text_.substr(tokens_[i].begin, tokens_[i].end - tokens_[i].begin), word);
  }

  bool IsMonth(size_t i) const { return IsKind(i, WordKind::kMonth) && tokens_[i].capitalised; }
  bool IsWeekday(size_t i) const {
    return IsKind(i, WordKind::kWeekday) && tokens_[i].capitalised;
  }
  bool IsDayNumber(size_t i) const {
    return Has(i) && tokens_[i].kind == TokenKind::kNumber && tokens_[i].number >= 1 &&
           tokens_[i].number <= 31 && tokens_[i].digits <= 2;
  }
  bool IsYearNumber(size_t i) const {
    return Has(i) && tokens_[i].kind == TokenKind::kNumber && !tokens_[i].ordinal &&
           tokens_[i].digits == 4 && tokens_[i].number >= 1900 && tokens_[i].number <= 2100;
  }
  bool IsPreposition(size_t i) const {
    return IsKind(i, WordKind::kPreposition) || IsKind(i, WordKind::kOf);
  }

  // --- gaps between tokens i-1 and i ----------------------------------------------------
  absl::string_view Gap(size_t i) const {
    const size_t from = i == 0 ? 0 : tokens_[i - 1].end;
    return text_.substr(from, tokens_[i].begin - from);
  }
  // A short run of spaces (a single line break allowed), optionally containing `extra`
  // characters (each at most once).
  bool GapIsSpace(size_t i, absl::string_view extra = "") const {
    const absl::string_view g = Gap(i);
    if (g.empty() || g.size() > 6) return false;
    int newlines = 0;
    std::array<int, 4> used{};
    for (size_t k = 0; k < g.size(); ++k) {
      const char c = g[k];
      if (c == ' ' || c == '\t' || c == '\r') continue;
      if (c == '\n') {
        if (++newlines > 1) return false;
        continue;
      }
      // U+00A0 no-break space.
      if (static_cast<unsigned char>(c) == 0xC2 && k + 1 < g.size() &&
          static_cast<unsigned char>(g[k + 1]) == 0xA0) {
        ++k;
        continue;
      }
      const size_t pos = extra.find(c);
      if (pos == absl::string_view::npos || pos >= used.size() || used[pos]++) return false;
    }
    return true;
  }
  // Gap made only of `chars` (possibly nothing but them, e.g. "." directly after "Jan").
  bool GapIsPunctThenSpace(size_t i, char punct) const {
    const absl::string_view g = Gap(i);
    return !g.empty() && g[0] == punct && (g.size() == 1 || GapIsSpaceString(g.substr(1)));
  }
  static bool GapIsSpaceString(absl::string_view g) {
    for (char c : g) {
      if (c != ' ' && c != '\t') return false;
    }
    return g.size() <= 4;
  }
  // Byte `pos` starts a sentence: nothing but spaces, quotation marks and an opening bracket
  // between it and the text's start or a full stop, question or exclamation mark, colon or
  // line break. Looks back over at most 16 bytes.
  bool SentenceStart(size_t pos) const {
    for (int steps = 0; pos > 0 && steps < 16; ++steps) {
      const unsigned char c = static_cast<unsigned char>(text_[pos - 1]);
      if (c == ' ' || c == '"' || c == '\'' || c == '(' || c == '\t') {
        --pos;
        continue;
      }
      // Curly quotes (U+2018, U+2019, U+201C, U+201D) and a no-break space.
      if (pos >= 3 && static_cast<unsigned char>(text_[pos - 3]) == 0xE2 &&
          static_cast<unsigned char>(text_[pos - 2]) == 0x80 && (c == 0x98 || c == 0x99 || c == 0x9C || c == 0x9D)) {
        pos -= 3;
        continue;
      }
      if (pos >= 2 && static_cast<unsigned char>(text_[pos - 2]) == 0xC2 && c == 0xA0) {
        pos -= 2;
        continue;
      }
      return c == '.' || c == '!' || c == '?' || c == ':' || c == '\n' || c == '\r';
    }
    return pos == 0;
  }

  // The date starting at token i says when something was said: right after a past-tense
  // reporting verb, or after "on" after one ("said on 3 March", "said March 3"), or after
  // "told", up to three words of listener and "on" ("told the BBC on 3 March").
  bool AfterPastReport(size_t i) const {
    if (i == 0 || !GapIsSpace(i)) return false;
    auto past_verb = [&](size_t k) {
      return IsKind(k, WordKind::kReportingVerb) && tokens_[k].word.value != kPresentVerb;
    };
    if (past_verb(i - 1)) return true;
    const size_t on = i - 1;
    if (on == 0 || !IsKind(on, WordKind::kPreposition) || !GapIsSpace(on) || !IsWord(on, "on")) {
      return false;
    }
    if (past_verb(on - 1)) return true;
    for (size_t words = 1; words <= 3 && on > words; ++words) {
      const size_t k = on - words;  // the listener's first word
      if (tokens_[k].kind != TokenKind::kWord || !GapIsSpace(k + 1)) return false;
      if (IsKind(k - 1, WordKind::kReportingVerb) && tokens_[k - 1].word.value == kToldVerb && GapIsSpace(k)) {
        return true;
      }
    }
    return false;
  }

  // The date starting at token i says when a statement is still to be made: after a
  // reporting verb's base form after "will" or after "expected", "due", "set"... and "to"
  // ("will say on Monday", "is expected to announce 14 July"), with up to three words of
  // listener after "tell", "address", "brief", "inform" ("will tell MPs on Monday"), or
  // after "will on" ("will on Monday say").
  bool BeforeFutureReport(size_t i) const {
    if (i == 0 || !GapIsSpace(i)) return false;
    auto is_on = [&](size_t k) { return IsKind(k, WordKind::kPreposition) && IsWord(k, "on"); };
    // The future auxiliary before the verb at v: "will", or a marker and "to".
    auto future_before = [&](size_t v) {
      if (v == 0 || !GapIsSpace(v)) return false;
      if (IsKind(v - 1, WordKind::kWill) && !tokens_[v - 1].capitalised) return true;
      return v >= 2 && IsKind(v - 1, WordKind::kTo) && GapIsSpace(v - 1) &&
             IsKind(v - 2, WordKind::kFutureMarker);
    };
    size_t k = i - 1;  // the token before the date, or before "on"
    if (is_on(k)) {
      if (k >= 1 && IsKind(k - 1, WordKind::kWill) && !tokens_[k - 1].capitalised && GapIsSpace(k)) return true;
      if (k == 0 || !GapIsSpace(k)) return false;
      --k;
    }
    if (IsKind(k, WordKind::kFutureVerb)) return future_before(k);
    for (size_t words = 1; words <= 3 && k >= words; ++words) {
      const size_t v = k - words;  // the verb before `words` words of listener
      if (tokens_[v + 1].kind != TokenKind::kWord || !GapIsSpace(v + 1)) return false;
      if (IsKind(v, WordKind::kFutureVerb)) {
        return tokens_[v].word.value == kToldVerb && future_before(v);
      }
    }
    return false;
  }

  // The preceding token is a preposition separated by plain space.
  bool PrecededByPreposition(size_t i) const {
    return i > 0 && IsPreposition(i - 1) && GapIsSpace(i);
  }

  // --- resolution -----------------------------------------------------------------------
  absl::CivilDay YearlessDay(int month, int day, bool* ok) const {
    absl::CivilDay d;
    if (ValidDay(ref_.year(), month, day, &d)) {
      if (d - ref_ > kFutureWindowDays) {
        absl::CivilDay prev;
        // 29 February of a leap reference year may not exist a year earlier: keep as is.
        if (ValidDay(ref_.year() - 1, month, day, &prev)) d = prev;
      }
      *ok = true;
      return d;
    }
    // 29 February in a non-leap reference year: the most recent leap year.
    for (int y = ref_.year() - 1; y >= ref_.year() - 8; --y) {
      if (ValidDay(y, month, day, &d)) {
        *ok = true;
        return d;
      }
    }
    *ok = false;
    return d;
  }
  // month/day when something was said: in the most recent year in which it is not more
  // than kPastSayingLeewayDays after the reference.
  absl::CivilDay PastYearlessDay(int month, int day, bool* ok) const {
    absl::CivilDay d;
    for (int y = ref_.year() + 1; y >= ref_.year() - 8; --y) {
      if (ValidDay(y, month, day, &d) && d - ref_ <= kPastSayingLeewayDays) {
        *ok = true;
        return d;
      }
    }
    *ok = false;
    return d;
  }
  // The year near the reference in which month/day falls on `weekday`; with `past`, only
  // years in which that day is not more than kPastSayingLeewayDays after the reference.
  absl::CivilDay WeekdayYear(int month, int day, int weekday, bool past, bool* ok) const {
    bool found = false;
    absl::CivilDay best;
    int64_t best_distance = 0;
    for (int y = ref_.year() - 11; y <= ref_.year() + 1; ++y) {
      absl::CivilDay d;
      if (!ValidDay(y, month, day, &d)) continue;
      if (static_cast<int>(absl::GetWeekday(d)) != weekday) continue;
      // Said before the article, and within the year before it: "told the committee on
      // Tuesday, March 3" in a January article is last March, not one six years back.
      if (past && (d - ref_ > kPastSayingLeewayDays || ref_ - d > 366)) continue;
      const int64_t distance = std::llabs(d - ref_);
      if (!found || distance < best_distance) {
        found = true;
        best = d;
        best_distance = distance;
      }
    }
    if (found) {
      *ok = true;
      return best;
    }
    return past ? PastYearlessDay(month, day, ok) : YearlessDay(month, day, ok);
  }
  // The most recent `weekday` on or before the reference (strictly before when `strict`).
  absl::CivilDay RecentWeekday(int weekday, bool strict) const {
    const int ref_wd = static_cast<int>(absl::GetWeekday(ref_));
    int back = (ref_wd - weekday + 7) % 7;
    if (back == 0 && strict) back = 7;
    return ref_ - back;
  }
  // The first `weekday` on or after the reference.
  absl::CivilDay ComingWeekday(int weekday) const {
    const int ref_wd = static_cast<int>(absl::GetWeekday(ref_));
    return ref_ + (weekday - ref_wd + 7) % 7;
  }
  // The most recent `month` not after the reference month (strictly before when `strict`).
  absl::CivilDay RecentMonth(int month, bool strict) const {
    const absl::CivilMonth ref_month(ref_);
    absl::CivilMonth m(ref_.year(), month);
    if (m > ref_month || (strict && m == ref_month)) m = absl::CivilMonth(ref_.year() - 1, month);
    return absl::CivilDay(m);
  }

  // Sets the span, day and precision of `m`, and whether a relative date may count from it
  // (not from one after "since", "until", "till", "by", "before", "after": DateMention).
  void Set(DateMention* m, size_t first, size_t last, absl::CivilDay day,
           DatePrecision precision) const {
    m->begin = tokens_[first].begin;
    m->end = tokens_[last].end;
    m->day = day;
    m->precision = precision;
    m->anchors = true;
    if (first > 0 && GapIsSpace(first)) {
      for (absl::string_view bound : {"since", "until", "till", "by", "before", "after"}) {
        if (IsWord(first - 1, bound)) m->anchors = false;
      }
    }
  }

  // --- grammar ----------------------------------------------------------------------------
  // After a calendar date with no year ending at token `last`: "last year" (the year before
  // the reference's) or "this year" (the reference's) as its year, extending `last`.
  void MatchYearWords(int* year, size_t* last) const {
    const size_t w = *last + 1, y = *last + 2;
    if (!Has(y) || !GapIsSpace(w) || !GapIsSpace(y) || !IsKind(y, WordKind::kYearWord)) return;
    if (IsKind(w, WordKind::kLast)) {
      *year = static_cast<int>(ref_.year()) - 1;
    } else if (IsKind(w, WordKind::kThis)) {
      *year = static_cast<int>(ref_.year());
    } else {
      return;
    }
    *last = y;
  }

  // A calendar date starting at token i: "21 January [2025]", "21st of January", "January
  // 21[, 2025]", "Jan. 21", "21 January last year". On success sets month/day, year (0 when
  // absent) and `last`.
  bool MatchCalendarDate(size_t i, int* year, int* month, int* day, size_t* last) const {
    *year = 0;
    if (IsDayNumber(i)) {
      size_t j = i + 1;
      if (IsKind(j, WordKind::kOf) && GapIsSpace(j)) ++j;
      if (!IsMonth(j) || !GapIsSpace(j)) return false;
      *day = tokens_[i].number;
      *month = tokens_[j].word.value;
      *last = j;
      size_t y = j + 1;
      const bool abbrev_dot = tokens_[j].word.abbreviation && GapIsPunctThenSpace(y, '.');
      if (IsYearNumber(y) && (GapIsSpace(y, ",") || abbrev_dot)) {
        *year = tokens_[y].number;
        *last = y;
      } else {
        MatchYearWords(year, last);
      }
      return true;
    }
    if (IsMonth(i)) {
      const size_t j = i + 1;
      if (!IsDayNumber(j)) return false;
      const bool ok_gap =
          GapIsSpace(j) || (tokens_[i].word.abbreviation && GapIsPunctThenSpace(j, '.'));
      if (!ok_gap) return false;
      // "July 2025" is a month, never the 20th: IsDayNumber excludes 4-digit numbers.
      *month = tokens_[i].word.value;
      *day = tokens_[j].number;
      *last = j;
      const size_t y = j + 1;
      if (IsYearNumber(y) && GapIsSpace(y, ",")) {
        *year = tokens_[y].number;
        *last = y;
      } else {
        MatchYearWords(year, last);
      }
      return true;
    }
    return false;
  }

  bool MatchAt(size_t i, DateMention* m, size_t* next) const {
    const Token& t = tokens_[i];
    if (t.kind == TokenKind::kIso) {
      Set(m, i, i, t.iso, DatePrecision::kDay);
      *next = i + 1;
      return true;
    }
    int year = 0, month = 0, day = 0;
    size_t last = i;

    if (IsWeekday(i)) {
      const int weekday = t.word.value;
      // "Wednesday, January 21", "Wednesday 21 January 2025", "Wednesday (January 21)".
      size_t j = i + 1;
      if (Has(j) && (GapIsSpace(j, ",") || GapIsSpace(j, "("))) {
        if (MatchCalendarDate(j, &year, &month, &day, &last)) {
          bool ok = true;
          absl::CivilDay d;
          if (year != 0) {
            ok = ValidDay(year, month, day, &d);
          } else {
            d = WeekdayYear(month, day, weekday, AfterPastReport(i), &ok);
          }
          if (ok) {
            Set(m, i, last, d, DatePrecision::kDay);
            m->forthcoming = BeforeFutureReport(i);
            *next = last + 1;
            return true;
          }
        }
      }
      // "on Monday", "since Friday", "said Tuesday": the most recent such day on or before
      // the reference.
      // Also after a reporting verb and its listener ("told investors Monday").
      const bool after_listener = i > 1 && IsKind(i - 2, WordKind::kReportingVerb) && GapIsSpace(i - 1) &&
                                  GapIsSpace(i) && tokens_[i - 1].kind == TokenKind::kWord &&
                                  !tokens_[i - 1].capitalised && tokens_[i - 1].word.kind == WordKind::kOther;
      // "will say on Monday", "is due to tell MPs Monday": the coming Monday, on or after
      // the reference (a statement still to be made).
      if (BeforeFutureReport(i)) {
        Set(m, i, i, ComingWeekday(weekday), DatePrecision::kDay);
        m->forthcoming = true;
        *next = i + 1;
        return true;
      }
      if (PrecededByPreposition(i) || (i > 0 && IsKind(i - 1, WordKind::kReportingVerb) && GapIsSpace(i)) ||
          after_listener) {
        Set(m, i, i, RecentWeekday(weekday, /*strict=*/false), DatePrecision::kDay);
        *next = i + 1;
        return true;
      }
      return false;
    }

    if (MatchNumeric(i, m, next)) return true;
    if (MatchAgo(i, m, next)) return true;
    if (MatchRelative(i, m, next)) return true;
    if (MatchSeason(i, m, next)) return true;
    if (MatchWeekend(i, m, next)) return true;

    if (MatchCalendarDate(i, &year, &month, &day, &last)) {
      bool ok = true;
      absl::CivilDay d;
      if (year != 0) {
        ok = ValidDay(year, month, day, &d);
      } else if (AfterPastReport(i)) {
        d = PastYearlessDay(month, day, &ok);  // "said on 3 March": not the coming 3 March
      } else {
        d = YearlessDay(month, day, &ok);
      }
      if (ok) {
        Set(m, i, last, d, DatePrecision::kDay);
        m->forthcoming = BeforeFutureReport(i);
        *next = last + 1;
        return true;
      }
      *next = last + 1;
      return false;
    }
    if (MatchOrdinalDay(i, m, next)) return true;

    if (IsMonth(i)) {
      const int mon = t.word.value;
      // "July 2025", "July, 2025".
      if (IsYearNumber(i + 1) && (GapIsSpace(i + 1, ",") ||
                                  (t.word.abbreviation && GapIsPunctThenSpace(i + 1, '.')))) {
        Set(m, i, i + 1, absl::CivilDay(tokens_[i + 1].number, mon, 1), DatePrecision::kMonth);
        *next = i + 2;
        return true;
      }
      // "in mid-July", "by early June", "in late March": the most recent such month, as
      // "in July" (after a preposition only: "mid-July was too late" is no time of saying).
      if (!t.word.abbreviation && i > 0 && IsKind(i - 1, WordKind::kPartOf) &&
          (GapIsSpace(i, "-") || Gap(i) == "-") && PrecededByPreposition(i - 1)) {
        Set(m, i - 1, i, RecentMonth(mon, /*strict=*/false), DatePrecision::kMonth);
        *next = i + 1;
        return true;
      }
      // "in May last year": that month of the year before the reference's.
      if (!t.word.abbreviation && PrecededByPreposition(i) && IsKind(i + 1, WordKind::kLast) &&
          IsKind(i + 2, WordKind::kYearWord) && GapIsSpace(i + 1) && GapIsSpace(i + 2)) {
        Set(m, i, i + 2, absl::CivilDay(ref_.year() - 1, mon, 1), DatePrecision::kMonth);
        *next = i + 3;
        return true;
      }
      // "in July": full month names only, and only after a preposition ("Theresa May").
      if (!t.word.abbreviation && PrecededByPreposition(i)) {
        Set(m, i, i, RecentMonth(mon, /*strict=*/false), DatePrecision::kMonth);
        *next = i + 1;
        return true;
      }
      return false;
    }

    // "in 2024": a bare year only after a preposition ("2024 patients" is not a date).
    if (IsYearNumber(i) && PrecededByPreposition(i)) {
      Set(m, i, i, absl::CivilDay(t.number, 1, 1), DatePrecision::kYear);
      *next = i + 1;
      return true;
    }

    if (t.kind != TokenKind::kWord) return false;
    switch (t.word.kind) {
      case WordKind::kYesterday:
        Set(m, i, i, ref_ - 1, DatePrecision::kDay);
        *next = i + 1;
        return true;
      case WordKind::kToday:
        // "the BBC's Today programme": capitalised inside a sentence, a name.
        if (t.capitalised && !SentenceStart(t.begin)) return false;
        Set(m, i, i, ref_, DatePrecision::kDay);
        *next = i + 1;
        return true;
      case WordKind::kTomorrow:
        Set(m, i, i, ref_ + 1, DatePrecision::kDay);
        *next = i + 1;
        return true;
      case WordKind::kLast:
        return MatchLast(i, m, next);
      case WordKind::kThis:
        return MatchThis(i, i + 1, i, m, next);
      case WordKind::kEarlier:
        return IsKind(i + 1, WordKind::kThis) && GapIsSpace(i + 1) &&
               MatchThis(i + 1, i + 2, i, m, next);
      default:
        return false;
    }
  }

  // "on the 3rd", "on the 21st" (an ordinal day with no month, after "on the", not before a
  // noun: "on the 3rd floor" is no date): that day of the reference's month when it is at
  // most a day after the reference, else of the most recent earlier month that has it. DAY.
  bool MatchOrdinalDay(size_t i, DateMention* m, size_t* next) const {
    if (!IsDayNumber(i) || !tokens_[i].ordinal || i < 2 || !IsKind(i - 1, WordKind::kThe) ||
        !GapIsSpace(i) || !GapIsSpace(i - 1) || !IsKind(i - 2, WordKind::kPreposition) || !IsWord(i - 2, "on")) {
      return false;
    }
    // What may follow: the end of the text, punctuation, or a word that starts a clause or a
    // phrase of its own ("said on the 3rd that", "on the 3rd in a letter").
    if (Has(i + 1) && GapIsSpace(i + 1)) {
      static constexpr const char* kFollowers[] = {"that", "and", "but", "when", "after", "before",
                                                   "in", "at", "to", "with", "as", "while", "saying",
                                                   "the", "a", "an", "it", "he", "she", "they", "we"};
      bool ok = false;
      for (const char* f : kFollowers) ok = ok || IsWord(i + 1, f);
      if (!ok) return false;
    }
    const int day = tokens_[i].number;
    absl::CivilMonth month(ref_);
    if (day > ref_.day() + 1) month -= 1;
    for (int tries = 0; tries < 12; ++tries, month -= 1) {
      absl::CivilDay d;
      if (ValidDay(static_cast<int>(month.year()), month.month(), day, &d) && d <= ref_ + 1) {
        Set(m, i - 1, i, d, DatePrecision::kDay);
        *next = i + 1;
        return true;
      }
    }
    return false;
  }

  // "3/6/2025": two numbers of one or two digits and a four-digit year joined by slashes
  // alone, not part of a longer run of them ("1/3/6/2025", "3/6/2025/7").
  bool MatchNumeric(size_t i, DateMention* m, size_t* next) const {
    const size_t y = i + 2;
    if (!IsDayNumber(i) || tokens_[i].ordinal || !IsDayNumber(i + 1) || tokens_[i + 1].ordinal ||
        !IsYearNumber(y) || Gap(i + 1) != "/" || Gap(y) != "/") {
      return false;
    }
    if (i > 0 && Gap(i) == "/") return false;
    if (Has(y + 1) && Gap(y + 1) == "/") return false;
    const int a = tokens_[i].number, b = tokens_[i + 1].number;
    const bool month_first = a <= 12 && (b > 12 || order_ == DateOrder::kMonthFirst);
    absl::CivilDay d;
    *next = y + 1;
    if (!ValidDay(tokens_[y].number, month_first ? a : b, month_first ? b : a, &d)) return false;
    Set(m, i, y, d, DatePrecision::kDay);
    return true;
  }

  // The year a season begins in: of its most recent start on or before the reference; when
  // `over`, of the most recent one that has also ended (three months after its start).
  int SeasonYear(int first_month, bool over) const {
    const absl::CivilMonth now(ref_);
    absl::CivilMonth start(ref_.year(), first_month);
    if (start > now) start = absl::CivilMonth(ref_.year() - 1, first_month);
    if (over && start + 3 > now) start = absl::CivilMonth(start.year() - 1, first_month);
    return static_cast<int>(start.year());
  }

  // The Saturday of the most recent weekend that has begun by the reference (the reference
  // itself on a Saturday); with `before`, of the weekend before the one the reference is in.
  absl::CivilDay WeekendSaturday(bool before) const {
    const absl::CivilDay saturday = RecentWeekday(5, /*strict=*/false);  // 5: Saturday
    const bool in_weekend = ref_ - saturday <= 1;
    return before && in_weekend ? saturday - 7 : saturday;
  }

  // "at the weekend", "over the weekend", "during the weekend": its Saturday (a point
  // estimate, as "last week" is), DAY.
  bool MatchWeekend(size_t i, DateMention* m, size_t* next) const {
    if (!IsKind(i, WordKind::kWeekend) || i < 2 || !IsKind(i - 1, WordKind::kThe) || !GapIsSpace(i) ||
        !GapIsSpace(i - 1) ||
        !(IsKind(i - 2, WordKind::kWeekendPreposition) || IsKind(i - 2, WordKind::kPreposition))) {
      return false;
    }
    Set(m, i - 1, i, WeekendSaturday(false), DatePrecision::kDay);
    *next = i + 1;
    return true;
  }

  // "spring 2025", "the autumn of 2024", "fall 2024"; "in the spring" (not "fall").
  bool MatchSeason(size_t i, DateMention* m, size_t* next) const {
    if (!IsKind(i, WordKind::kSeason)) return false;
    size_t y = i + 1;
    if (IsKind(y, WordKind::kOf) && GapIsSpace(y)) ++y;
    const size_t first = i > 0 && IsKind(i - 1, WordKind::kThe) && GapIsSpace(i) ? i - 1 : i;
    if (IsYearNumber(y) && GapIsSpace(y, ",")) {
      Set(m, first, y, absl::CivilDay(tokens_[y].number, 1, 1), DatePrecision::kYear);
      m->anchors = false;  // a season: see DateMention::anchors
      *next = y + 1;
      return true;
    }
    if (first < i && !tokens_[i].word.abbreviation && PrecededByPreposition(first)) {
      Set(m, first, i, absl::CivilDay(SeasonYear(tokens_[i].word.value, false), 1, 1), DatePrecision::kYear);
      m->anchors = false;
      *next = i + 1;
      return true;
    }
    return false;
  }

  // The count at token i of "three days ago" or "two days later": 1-99 in digits, or a number
  // word (one..twelve, a, an); 0 when there is none.
  int CountAt(size_t i) const {
    const Token& t = tokens_[i];
    if (t.kind == TokenKind::kNumber && !t.ordinal && t.number >= 1 && t.number <= 99) return t.number;
    if (t.kind == TokenKind::kWord && t.word.kind == WordKind::kNumberWord) return t.word.value;
    return 0;
  }

  // The unit at token i of a relative date, as an offset of one unit ("week": 7 days); false
  // when it is none. `singular`: "day", not "days".
  bool UnitAt(size_t i, DateOffset* one, bool* singular) const {
    if (!Has(i) || tokens_[i].kind != TokenKind::kWord) return false;
    const int kind = IsKind(i, WordKind::kAgoUnit) ? tokens_[i].word.value
                     : IsKind(i, WordKind::kWeek)      ? kAgoWeeks
                     : IsKind(i, WordKind::kMonthWord) ? kAgoMonths
                     : IsKind(i, WordKind::kYearWord)  ? kAgoYears
                                                       : 0;
    switch (kind) {
      case kAgoDays: *one = {1, DatePrecision::kDay}; break;
      case kAgoWeeks: *one = {7, DatePrecision::kDay}; break;
      case kAgoMonths: *one = {1, DatePrecision::kMonth}; break;
      case kAgoYears: *one = {1, DatePrecision::kYear}; break;
      default: return false;
    }
    *singular = text_[tokens_[i].end - 1] != 's' && text_[tokens_[i].end - 1] != 'S';
    return true;
  }

  // Whether a relative date on tokens [first, last] counts from the date before it, judged by
  // its neighbours: not after a preposition of a period ("within the next day" counts from
  // now), not before "than", "or", "as", "of", a possessive or a verb whose subject it is
  // ("two days later than planned", "the next day or two", "the same day as the vote", "the
  // following day's vote", "The following year was"); with `needs_punctuation` ("the day
  // before"), only at the end of the text or before punctuation ("the day before
  // yesterday", "a week before the vote" count from something else).
  bool AnchoredOnPrevious(size_t first, size_t last, bool needs_punctuation) const {
    static constexpr absl::string_view kPeriodPrepositions[] = {
        "within", "in", "over", "for", "during", "throughout", "until", "till", "by"};
    if (first > 0 && GapIsSpace(first)) {
      for (absl::string_view p : kPeriodPrepositions) {
        if (IsWord(first - 1, p)) return false;
      }
    }
    const size_t k = last + 1;
    if (!Has(k)) return true;
    const absl::string_view gap = Gap(k);
    if (absl::StartsWith(gap, "'") || absl::StartsWith(gap, "\xE2\x80\x99")) return false;  // "day's", "day’s"
    if (!GapIsSpace(k)) return true;  // punctuation: "Two days later, Unison said"
    if (needs_punctuation) return false;
    static constexpr absl::string_view kNotAfter[] = {
        "than", "or", "as", "of", "is", "was", "were", "will", "would", "has", "had", "saw", "sees",
        "brought", "brings", "marked", "marks", "can", "could", "should", "might", "must"};
    for (absl::string_view w : kNotAfter) {
      if (IsWord(k, w)) return false;
    }
    return true;
  }

  // A date relative to the date before it, left unresolved for Run: "two days later", "a
  // week earlier", "later that day" (0 days), "a week before" and "the day after" (before
  // punctuation only), "the next day", "the previous week", "the same day".
  bool MatchRelative(size_t i, DateMention* m, size_t* next) const {
    DateOffset one;
    bool singular = false;
    size_t last = 0;
    int count = 0;  // signed, in units
    bool needs_punctuation = false;
    if (const int n = CountAt(i); n > 0 && UnitAt(i + 1, &one, &singular) && Has(i + 2) &&
                                  GapIsSpace(i + 1) && GapIsSpace(i + 2)) {
      // "two days later", "a week earlier", "two days after", "a week before".
      last = i + 2;
      if (IsKind(last, WordKind::kLater)) {
        count = n;
      } else if (IsKind(last, WordKind::kEarlier)) {
        count = -n;
      } else if (IsWord(last, "after") || IsWord(last, "before")) {
        count = IsWord(last, "after") ? n : -n;
        needs_punctuation = true;
      } else {
        return false;
      }
    } else if (IsKind(i, WordKind::kThe) && UnitAt(i + 1, &one, &singular) && singular && Has(i + 2) &&
               GapIsSpace(i + 1) && GapIsSpace(i + 2) && (IsWord(i + 2, "after") || IsWord(i + 2, "before"))) {
      // "the day before", "the week after".
      last = i + 2;
      count = IsWord(last, "after") ? 1 : -1;
      needs_punctuation = true;
    } else if (IsKind(i, WordKind::kThe) && IsKind(i + 1, WordKind::kSequence) &&
               UnitAt(i + 2, &one, &singular) && singular && GapIsSpace(i + 1) && GapIsSpace(i + 2)) {
      // "the next day", "the following week", "the previous month", "the same day" (not "the
      // same day that footage emerged", a day of its own).
      last = i + 2;
      count = tokens_[i + 1].word.value;
      if (count == 0 && Has(last + 1) && GapIsSpace(last + 1) &&
          (IsWord(last + 1, "that") || IsWord(last + 1, "when"))) {
        return false;
      }
    } else if ((IsKind(i, WordKind::kLater) || IsKind(i, WordKind::kEarlier)) && IsWord(i + 1, "that") &&
               IsKind(i + 2, WordKind::kAgoUnit) && IsWord(i + 2, "day") && GapIsSpace(i + 1) &&
               GapIsSpace(i + 2)) {
      // "later that day", "earlier that day": the same day.
      last = i + 2;
      one = {1, DatePrecision::kDay};
      count = 0;
    } else {
      return false;
    }
    if (!AnchoredOnPrevious(i, last, needs_punctuation)) return false;
    Set(m, i, last, absl::CivilDay(), DatePrecision::kDay);
    m->offset = DateOffset{count * one.count, one.unit};
    m->resolved = false;
    *next = last + 1;
    return true;
  }

  // "three days ago" (DAY), "two weeks ago" (DAY, 7 days a week as "last week"), "six months
  // ago" (MONTH), "a year ago" (YEAR): a count of 1-99 in digits or 1-12 in words.
  bool MatchAgo(size_t i, DateMention* m, size_t* next) const {
    const int count = CountAt(i);
    const size_t unit = i + 1, ago = i + 2;
    DateOffset one;
    bool singular = false;
    if (count == 0 || !Has(ago) || !GapIsSpace(unit) || !GapIsSpace(ago) || !IsKind(ago, WordKind::kAgo) ||
        !UnitAt(unit, &one, &singular)) {
      return false;
    }
    Set(m, i, ago, Shifted(ref_, {-count * one.count, one.unit}), one.unit);
    *next = ago + 1;
    return true;
  }

  // "last week|month|year|night|Monday|July".
  bool MatchLast(size_t i, DateMention* m, size_t* next) const {
    const size_t j = i + 1;
    if (!Has(j) || !GapIsSpace(j)) return false;
    if (IsKind(j, WordKind::kWeek)) {
      Set(m, i, j, ref_ - 7, DatePrecision::kDay);
    } else if (IsKind(j, WordKind::kMonthWord)) {
      Set(m, i, j, absl::CivilDay(absl::CivilMonth(ref_) - 1), DatePrecision::kMonth);
    } else if (IsKind(j, WordKind::kYearWord)) {
      Set(m, i, j, absl::CivilDay(ref_.year() - 1, 1, 1), DatePrecision::kYear);
    } else if (IsKind(j, WordKind::kNight)) {
      Set(m, i, j, ref_ - 1, DatePrecision::kDay);
    } else if (IsWeekday(j)) {
      Set(m, i, j, RecentWeekday(tokens_[j].word.value, /*strict=*/true), DatePrecision::kDay);
    } else if (IsMonth(j) && !tokens_[j].word.abbreviation) {
      Set(m, i, j, RecentMonth(tokens_[j].word.value, /*strict=*/true), DatePrecision::kMonth);
    } else if (IsKind(j, WordKind::kSeason) && !tokens_[j].word.abbreviation) {
      Set(m, i, j, absl::CivilDay(SeasonYear(tokens_[j].word.value, /*over=*/true), 1, 1), DatePrecision::kYear);
      m->anchors = false;  // a season
    } else if (IsKind(j, WordKind::kWeekend)) {
      Set(m, i, j, WeekendSaturday(/*before=*/true), DatePrecision::kDay);
    } else {
      return false;
    }
    *next = j + 1;
    return true;
  }

  // "[earlier] this month|year"; `this_index` is the "this" token, `first` where the
  // mention starts.
  bool MatchThis(size_t this_index, size_t j, size_t first, DateMention* m,
                 size_t* next) const {
    if (!Has(j) || !GapIsSpace(j)) return false;
    (void)this_index;
    if (IsKind(j, WordKind::kMonthWord)) {
      Set(m, first, j, absl::CivilDay(absl::CivilMonth(ref_)), DatePrecision::kMonth);
    } else if (IsKind(j, WordKind::kWeekend)) {
      Set(m, first, j, WeekendSaturday(/*before=*/false), DatePrecision::kDay);  // "this weekend"
    } else if (IsKind(j, WordKind::kYearWord) || (IsKind(j, WordKind::kSeason) && !tokens_[j].word.abbreviation)) {
      Set(m, first, j, absl::CivilDay(ref_.year(), 1, 1), DatePrecision::kYear);  // "this winter" too
      m->anchors = !IsKind(j, WordKind::kSeason);
    } else {
      return false;
    }
    *next = j + 1;
    return true;
  }

  absl::string_view text_;
  absl::CivilDay ref_;
  DateOrder order_;
  std::vector<Token> tokens_;
};

}  // namespace

bool ResolveOffset(const DateMention& anchor, DateMention* mention) {
  if (!mention->offset.has_value() || !anchor.resolved) return false;
  const DateOffset& offset = *mention->offset;
  if ((offset.unit == DatePrecision::kDay && anchor.precision != DatePrecision::kDay) ||
      (offset.unit == DatePrecision::kMonth && anchor.precision == DatePrecision::kYear)) {
    return false;
  }
  mention->day = Shifted(anchor.day, offset);
  mention->precision = offset.unit;
  mention->resolved = true;
  return true;
}

void ResolveRelativeDates(std::vector<DateMention>* mentions,
                          absl::FunctionRef<bool(const DateMention& anchor, const DateMention& mention)> in_reach) {
  const DateMention* anchor = nullptr;  // the mention before, when it may be counted from
  for (DateMention& m : *mentions) {
    if (m.offset.has_value()) m.resolved = anchor != nullptr && in_reach(*anchor, m) && ResolveOffset(*anchor, &m);
    // ("A day later" after an unresolved one counts from nothing known.)
    anchor = m.resolved && m.anchors ? &m : nullptr;
  }
}

std::vector<DateMention> FindDates(absl::string_view text, absl::CivilDay reference, DateOrder order) {
  return Matcher(text, reference, order).Run();
}

DateOrder DateOrderFor(absl::string_view language) {
  return absl::EqualsIgnoreCase(language, "en-US") || absl::EqualsIgnoreCase(language, "en_US")
             ? DateOrder::kMonthFirst
             : DateOrder::kDayFirst;
}

}  // namespace claims::extract
