#include "ingest-service/extract/organisations.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/file_util.h"
#include "common/status_macros.h"
#include "common/text_keys.h"
#include "ingest-service/extract/segmenter.h"

namespace claims::extract {
namespace {

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }

// Byte length of a curly apostrophe (U+2018, U+2019) at text[i], else 0.
size_t CurlyApostropheAt(absl::string_view text, size_t i) {
  if (i + 2 < text.size() && static_cast<unsigned char>(text[i]) == 0xE2 &&
      static_cast<unsigned char>(text[i + 1]) == 0x80 &&
      (static_cast<unsigned char>(text[i + 2]) == 0x98 ||
       static_cast<unsigned char>(text[i + 2]) == 0x99)) {
    return 3;
  }
  return 0;
}

// True when text[i] is a word character (see WordSeparatorLength).
bool WordCharAt(absl::string_view text, size_t i) { return WordSeparatorLength(text, i) == 0; }

struct Word {
  size_t begin = 0, end = 0;
  absl::string_view lower;  // ASCII lower-cased, apostrophes straight (see SplitWords)
  size_t stem_end = 0;   // when the word ends in a possessive "'s": where the stem ends
  bool initial_capital = false;
};

// True for a word of at least two letters, none of them lower-case ("NHS", "UK").
bool AllCaps(absl::string_view word) {
  int letters = 0, upper = 0;
  for (char c : word) {
    if (IsAsciiUpper(c) || IsAsciiLower(c)) ++letters;
    if (IsAsciiUpper(c)) ++upper;
  }
  return letters >= 2 && upper == letters;
}

// Words for name matching: letter/digit runs that may contain apostrophes ("Commissioner's"),
// and "&" as a word of its own. `*lower` receives the text ASCII-lower-cased, and each
// Word::lower views the word's form there: at the word's own offset, with its curly
// apostrophes made straight (one byte instead of three, so the form fits in the word's
// bytes). The views stay valid while `*lower` is not modified or destroyed.
std::vector<Word> SplitWords(absl::string_view text, std::string* lower) {
  LowerAscii(text, lower);
  char* const out = lower->data();
  std::vector<Word> words;
  words.reserve(text.size() / 6 + 1);  // about one word per 6 bytes of prose
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    const unsigned char first = static_cast<unsigned char>(text[i]);
    if (first == '&') {
      Word w;
      w.begin = i;
      w.end = i + 1;
      w.lower = absl::string_view(out + i, 1);
      words.push_back(w);
      ++i;
      continue;
    }
    if (!WordCharAt(text, i)) {
      ++i;
      continue;
    }
    Word w;
    w.begin = i;
    size_t form_end = i;  // end of the word's form in `out`: i until an apostrophe shrinks it
    size_t last_apostrophe_end = 0;  // in the word's form
    while (i < n) {
      const unsigned char c = static_cast<unsigned char>(text[i]);
      size_t apostrophe = 0;
      if (c < 0x80) {
        if (absl::ascii_isalnum(c)) {
          if (form_end != i) out[form_end] = out[i];  // only after an apostrophe shrank it
          ++form_end;
          ++i;
          continue;
        }
        if (c != '\'') break;
        apostrophe = 1;
      } else {
        apostrophe = CurlyApostropheAt(text, i);
        if (apostrophe == 0) {
          if (!WordCharAt(text, i)) break;
          if (form_end != i) out[form_end] = out[i];  // non-ASCII bytes are kept
          ++form_end;
          ++i;
          continue;
        }
      }
      // Inside a word only when a word character follows.
      if (i + apostrophe < n && WordCharAt(text, i + apostrophe) &&
          text[i + apostrophe] != '&') {
        out[form_end++] = '\'';
        i += apostrophe;
        last_apostrophe_end = form_end - w.begin;
        continue;
      }
      break;
    }
    w.end = i;
    w.lower = absl::string_view(out + w.begin, form_end - w.begin);
    w.initial_capital = IsAsciiUpper(text[w.begin]) ||
                        static_cast<unsigned char>(text[w.begin]) >= 0x80;
    if (last_apostrophe_end > 0 && last_apostrophe_end + 1 == w.lower.size() &&
        w.lower.back() == 's' && w.lower.size() > 2) {
      // Possessive: the stem ends before the apostrophe, whatever its byte length.
      w.stem_end = w.end - 1 - ((text[w.end - 2] == '\'') ? 1 : 3);
    }
    words.push_back(w);
  }
  return words;
}

absl::string_view Stem(const Word& w) { return w.lower.substr(0, w.lower.size() - 2); }

absl::Status LineError(int line, absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat("organisations line ", line, ": ", what));
}

bool ValidId(absl::string_view id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  for (char c : id) {
    if (!(IsAsciiLower(c) || absl::ascii_isdigit(static_cast<unsigned char>(c)) || c == '-')) {
      return false;
    }
  }
  return true;
}

const WordSet& CorporateSuffixes() {
  static const auto* const kSet = new WordSet{
      "technologies", "technology", "ltd",  "limited", "plc",     "inc",      "incorporated",
      "llc",          "llp",        "corp", "corporation", "co", "company", "group", "holdings"};
  return *kSet;
}

const WordSet& HeadWords() {
  static const auto* const kSet = new WordSet{
      "council",     "party",       "trust",        "nhs",          "coalition",   "ministry",
      "department",  "university",  "hospital",     "hospitals",    "ltd",         "limited",
      "technologies", "union",      "association",  "committee",    "agency",      "foundation",
      "institute",   "commission",  "authority",    "service",      "services",    "bank",
      "company",     "group",       "campaign",     "network",      "society",     "board",
      "office",      "government",  "police",       "college",      "alliance",    "federation",
      "organisation", "organization", "plc",        "inc",          "llc",         "corp",
      "corporation", "charity",     "project",      "fund",         "watch",       "academy",
      "school",      "centre",      "center",       "court",        "parliament",  "assembly",
      "movement",    "league",      "club",         "forum",        "collective",  "partnership",
      "consortium",  "labs",        "systems",      "solutions",    "commissioner's", "executive",
      "directorate", "inspectorate", "regulator",   "secretariat",  "tribunal",    "cabinet",
      "congress",    "senate",      "house",        "army",         "navy",        "force",
      "bureau",      "unit",        "institution",  "initiative",   "lab",         "laboratory",
      "press",       "media",       "news",         "broadcasting", "international", "federal",
      "national",    "royal",       "trade",        "trades",       "chamber",     "clinic",
      "icb",         "cqc",         "bma",         "airways",      "airlines",    "railways",
      // Companies' names ("Marlow Homes", "Northwind Energy", "Shore Capital").
      "homes",       "energy",      "water",        "capital",      "motors",      "foods",
      "logistics",   "insurance",   "properties",   "pharmaceuticals", "developments", "airport",
      // Public bodies' plural heads ("Columbus City Schools", "Leeds Teaching Hospitals").
      "schools",     "colleges",    "libraries",    "museums",      "galleries"};
  return *kSet;
}

// The catalogue's lookup key of a name: NormaliseName, with "&" between words as "and"
// ("Department of Health & Social Care" is "Department of Health and Social Care"; "M&S"
// keeps its "&").
std::string CatalogKey(absl::string_view name) {
  std::string key = NormaliseName(name);
  for (size_t p = key.find(" & "); p != std::string::npos; p = key.find(" & ", p + 1)) {
    key.replace(p + 1, 1, "and");
  }
  return key;
}

const WordSet& AcronymSmallWords() {
  static const auto* const kSet = new WordSet{
      "of", "and", "for", "the", "on", "in", "&", "against", "to", "at"};
  return *kSet;
}

}  // namespace

std::string CanonicalOrganisationId(absl::string_view name) {
  std::vector<std::string> words =
      absl::StrSplit(NormaliseName(name), ' ', absl::SkipEmpty());
  for (std::string& w : words) {
    if (w == "&") w = "and";
  }
  if (!words.empty()) {
    std::string& last = words.back();
    if (last.size() > 2 && absl::EndsWith(last, "'s")) last.resize(last.size() - 2);
  }
  size_t begin = 0, end = words.size();
  if (end - begin > 1 && words[begin] == "the") ++begin;
  const auto& suffixes = CorporateSuffixes();
  bool dropped_corporate = false;
  while (end - begin > 1) {
    const std::string& w = words[end - 1];
    if (suffixes.contains(w)) {
      dropped_corporate = true;
      --end;
      continue;
    }
    // "UK" only beside a corporate suffix: "Palantir Technologies UK Ltd", "Palantir UK Ltd".
    if (w == "uk" && (dropped_corporate ||
                      (end - begin > 2 && suffixes.contains(words[end - 2])))) {
      --end;
      continue;
    }
    break;
  }
  std::string id;
  for (size_t i = begin; i < end; ++i) {
    if (!id.empty()) id.push_back('-');
    for (char c : words[i]) {
      if (c != '\'') id.push_back(c);  // apostrophes have no place in an id
    }
  }
  return id;
}

bool LooksLikeOrganisation(absl::string_view name) {
  const auto& heads = HeadWords();
  std::string lower;
  for (const Word& w : SplitWords(name, &lower)) {
    // A legal suffix in lower case still makes a company ("Capita plc").
    if (w.lower == "plc" || w.lower == "ltd" || w.lower == "llc") return true;
    if (!w.initial_capital) continue;  // "the trust said" is not a name
    if (heads.contains(w.lower)) return true;
  }
  // Words that make an organisation only as its last word: "The New York Times", "Hackney
  // Gazette", "Water UK", "Thames Water", "Fraternal Order" (of Police), but not "UK
  // Chancellor Rachel Reeves" or "Times Square".
  static const auto* const kLastWordHeads = new WordSet{"uk", "water", "energy", "order"};
  const std::vector<Word> words = SplitWords(name, &lower);
  return !words.empty() && words.back().initial_capital &&
         (IsNewspaperWord(words.back().lower) || kLastWordHeads->contains(words.back().lower));
}

bool IsNewspaperWord(absl::string_view lower) {
  static const auto* const kPapers = new WordSet{
      "times", "post", "journal", "herald", "telegraph", "tribune", "gazette",
      "chronicle", "inquirer", "examiner", "mirror", "observer", "mail", "express"};
  return kPapers->contains(lower);
}

std::string OrganisationInitials(absl::string_view name) {
  std::string initials;
  int words = 0;
  std::string lower;
  const std::vector<Word> split = SplitWords(name, &lower);
  for (size_t k = 0; k < split.size(); ++k) {
    const Word& w = split[k];
    const absl::string_view word = name.substr(w.begin, w.end - w.begin);
    // "of", "and", "&" in lower case; "The" before a name ("Against" of "Hackney Coalition
    // Against Palantir" counts).
    if (AcronymSmallWords().contains(w.lower) && (!IsAsciiUpper(word[0]) || (k == 0 && w.lower == "the"))) {
      continue;
    }
    if (AllCaps(word)) {
      for (char c : word) {
        if (IsAsciiUpper(c)) initials.push_back(c);
      }
    } else if (IsAsciiUpper(word[0])) {
      initials.push_back(word[0]);
    } else {
      return "";
    }
    ++words;
  }
  return words >= 2 && initials.size() >= 2 ? initials : "";
}

std::vector<AcronymDefinition> FindAcronymDefinitions(absl::string_view text) {
  std::vector<AcronymDefinition> out;
  const auto& small = AcronymSmallWords();
  for (size_t p = text.find('('); p != absl::string_view::npos; p = text.find('(', p + 1)) {
    const size_t close = text.find(')', p + 1);
    if (close == absl::string_view::npos) break;
    const absl::string_view acronym = text.substr(p + 1, close - p - 1);
    if (acronym.size() < 2 || acronym.size() > 10 || !IsAsciiUpper(acronym[0])) continue;
    std::string letters;
    bool ok = true;
    for (char c : acronym) {
      if (IsAsciiUpper(c)) {
        letters.push_back(c);
      } else if (!(IsAsciiLower(c) || absl::ascii_isdigit(static_cast<unsigned char>(c)) ||
                   c == '&')) {
        ok = false;
        break;
      }
    }
    if (!ok || letters.size() < 2) continue;

    // Words before the parenthesis, nearest first, stopping at punctuation between them.
    struct Chunk {
      size_t begin, end;
    };
    std::vector<Chunk> chunks;
    size_t pos = p;
    while (chunks.size() < 2 * letters.size() + 4) {
      size_t e = pos;
      while (e > 0 && (text[e - 1] == ' ' || text[e - 1] == '\t')) --e;
      if (e == 0) break;
      size_t b = e;
      while (b > 0 && text[b - 1] != ' ' && text[b - 1] != '\t' && text[b - 1] != '\n') --b;
      const absl::string_view chunk = text.substr(b, e - b);
      bool clean = true;
      for (size_t k = 0; k < chunk.size(); ++k) {
        const char c = chunk[k];
        if (absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '\'' || c == '&' ||
            c == '-' || static_cast<unsigned char>(c) >= 0x80) {
          continue;
        }
        clean = false;
        break;
      }
      // A quote or comma ends the phrase; so does a line break before the chunk.
      if (!clean || chunk.empty()) break;
      chunks.push_back({b, e});
      if (b == 0 || text[b - 1] == '\n') break;
      pos = b;
    }

    int li = static_cast<int>(letters.size()) - 1;
    size_t consumed = 0;
    size_t first_chunk = 0;
    for (size_t ci = 0; ci < chunks.size() && li >= 0; ++ci) {
      const absl::string_view w = text.substr(chunks[ci].begin, chunks[ci].end - chunks[ci].begin);
      int word_letters = 0, word_upper = 0;
      for (char c : w) {
        if (IsAsciiUpper(c) || IsAsciiLower(c)) ++word_letters;
        if (IsAsciiUpper(c)) ++word_upper;
      }
      if (word_letters >= 2 && word_upper == word_letters && word_letters <= li + 1) {
        std::string caps;
        for (char c : w) {
          if (IsAsciiUpper(c)) caps.push_back(c);
        }
        if (letters.compare(li + 1 - caps.size(), caps.size(), caps) == 0) {
          li -= static_cast<int>(caps.size());
          ++consumed;
          first_chunk = ci;
          continue;
        }
      }
      if (IsAsciiUpper(w[0]) && w[0] == letters[li]) {
        --li;
        ++consumed;
        first_chunk = ci;
        continue;
      }
      if (consumed > 0 && small.contains(absl::AsciiStrToLower(w))) continue;
      break;
    }
    if (li >= 0 || consumed < 2) continue;
    AcronymDefinition d;
    d.expansion_begin = chunks[first_chunk].begin;
    d.expansion_end = chunks[0].end;
    d.acronym_begin = p + 1;
    d.acronym_end = close;
    out.push_back(d);
  }
  return out;
}

absl::StatusOr<OrganisationCatalog> OrganisationCatalog::LoadFile(const std::string& path) {
  CLAIMS_ASSIGN_OR_RETURN(const std::string content, ReadFileToString(path, "organisations file"));
  auto parsed = Parse(content);
  if (!parsed.ok()) {
    return absl::Status(parsed.status().code(),
                        absl::StrCat(path, ": ", parsed.status().message()));
  }
  return parsed;
}

absl::StatusOr<OrganisationCatalog> OrganisationCatalog::Parse(absl::string_view content) {
  OrganisationCatalog c;
  int line_number = 0;
  absl::flat_hash_set<std::string> ids;
  for (absl::string_view line : absl::StrSplit(content, '\n')) {
    ++line_number;
    absl::ConsumeSuffix(&line, "\r");
    if (absl::StripAsciiWhitespace(line).empty() || line.front() == '#') continue;
    std::vector<absl::string_view> cols = absl::StrSplit(line, '\t');
    if (cols.size() < 2 || cols.size() > 3) {
      return LineError(line_number,
                       absl::StrCat("expected 3 tab-separated columns (id, name, aliases), "
                                    "found ",
                                    cols.size()));
    }
    KnownOrganisation org;
    org.id = std::string(absl::StripAsciiWhitespace(cols[0]));
    if (!ValidId(org.id)) {
      return LineError(line_number, absl::StrCat("invalid organisation id \"", org.id,
                                                 "\" (use a-z, 0-9 and '-')"));
    }
    if (!ids.insert(org.id).second) {
      return LineError(line_number, absl::StrCat("duplicate organisation id \"", org.id, "\""));
    }
    org.name = std::string(absl::StripAsciiWhitespace(cols[1]));
    if (NormaliseName(org.name).empty()) {
      return LineError(line_number, absl::StrCat("missing name of organisation \"", org.id, "\""));
    }
    if (cols.size() == 3) {
      for (absl::string_view alias : absl::StrSplit(cols[2], '|', absl::SkipWhitespace())) {
        alias = absl::StripAsciiWhitespace(alias);
        if (NormaliseName(alias).empty()) continue;
        org.aliases.emplace_back(alias);
      }
    }
    const size_t index = c.organisations_.size();
    std::vector<std::string> names = {org.id, org.name};
    names.insert(names.end(), org.aliases.begin(), org.aliases.end());
    for (size_t k = 0; k < names.size(); ++k) {
      const std::string key = CatalogKey(names[k]);
      auto [it, inserted] = c.by_key_.emplace(key, index);
      if (!inserted && it->second != index) {
        return LineError(line_number,
                         absl::StrCat("\"", names[k], "\" of \"", org.id,
                                      "\" is already a name or alias of \"",
                                      c.organisations_[it->second].id, "\""));
      }
      if (k == 0) continue;  // the id is for lookups, not for finding names in text
      std::string lower;
      std::vector<Word> words = SplitWords(names[k], &lower);
      if (words.empty()) continue;
      AliasPattern pattern;
      pattern.organisation = index;
      for (const Word& w : words) {
        pattern.words.emplace_back(w.lower);
        const absl::string_view original = absl::string_view(names[k]).substr(w.begin, w.end - w.begin);
        pattern.exact.emplace_back(original);
        pattern.cases.push_back(AllCaps(original)           ? WordCase::kExact
                                : IsAsciiUpper(original[0]) ? WordCase::kInitialCapital
                                                            : WordCase::kAny);
      }
      pattern.leading_the = pattern.words.size() > 1 && pattern.exact.front() == "the";
      c.first_words_.Add(pattern.words.front());
      auto& bucket = c.by_first_word_[pattern.words.front()];
      const bool duplicate = std::any_of(bucket.begin(), bucket.end(), [&](const AliasPattern& p) {
        return p.organisation == index && p.words == pattern.words && p.cases == pattern.cases;
      });
      if (!duplicate) bucket.push_back(std::move(pattern));
    }
    c.organisations_.push_back(std::move(org));
  }
  for (auto& [first, bucket] : c.by_first_word_) {
    std::stable_sort(bucket.begin(), bucket.end(), [](const AliasPattern& a, const AliasPattern& b) {
      return a.words.size() > b.words.size();
    });
  }
  return c;
}

const KnownOrganisation* OrganisationCatalog::Find(absl::string_view name_or_alias) const {
  auto it = by_key_.find(CatalogKey(name_or_alias));
  return it == by_key_.end() ? nullptr : &organisations_[it->second];
}

std::vector<OrganisationCatalog::Match> OrganisationCatalog::FindAll(
    absl::string_view text) const {
  std::vector<Match> out;
  std::string lower;
  const std::vector<Word> words = SplitWords(text, &lower);

  // Whether pattern word `k` accepts text word `w`; sets `*end` to where the match ends.
  auto word_matches = [&](const AliasPattern& p, size_t k, const Word& w, size_t* end) {
    const bool last = k + 1 == p.words.size();
    // "&" and "and" are one word in names: "Department of Health & Social Care".
    const bool ampersand = (w.lower == "&" && p.words[k] == "and") || (w.lower == "and" && p.words[k] == "&");
    if (w.lower == p.words[k] || (ampersand && k > 0 && !last)) {
      *end = w.end;
    } else if (last && w.stem_end > 0 && Stem(w) == p.words[k]) {
      *end = w.stem_end;
    } else {
      return false;
    }
    switch (p.cases[k]) {
      case WordCase::kAny:
        return true;
      case WordCase::kInitialCapital:
        return w.initial_capital;
      case WordCase::kExact: {
        // Every letter of the text word (its stem, for a possessive) must be upper-case.
        for (size_t b = w.begin; b < *end; ++b) {
          if (IsAsciiLower(text[b])) return false;
        }
        return true;
      }
    }
    return false;
  };

  size_t i = 0;
  while (i < words.size()) {
    const AliasPattern* best = nullptr;
    size_t best_end = 0;
    auto consider = [&](absl::string_view first) {
      auto it = by_first_word_.find(first);
      if (it == by_first_word_.end()) return;
      for (const AliasPattern& p : it->second) {
        if (best != nullptr && p.words.size() <= best->words.size()) break;
        if (i + p.words.size() > words.size()) continue;
        size_t end = 0;
        bool ok = true;
        for (size_t k = 0; k < p.words.size() && ok; ++k) {
          ok = word_matches(p, k, words[i + k], &end);
        }
        if (ok) {
          best = &p;
          best_end = end;
          break;
        }
      }
    };
    if (first_words_.MayContain(words[i].lower)) consider(words[i].lower);
    if (words[i].stem_end > 0 && first_words_.MayContain(Stem(words[i]))) {
      consider(Stem(words[i]));
    }
    if (best == nullptr) {
      ++i;
      continue;
    }
    const size_t begin = best->leading_the ? words[i + 1].begin : words[i].begin;
    out.push_back({begin, best_end, &organisations_[best->organisation]});
    i += best->words.size();
  }
  return out;
}

}  // namespace claims::extract
