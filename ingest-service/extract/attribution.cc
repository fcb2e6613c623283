#include "ingest-service/extract/attribution.h"

#include <algorithm>
#include <optional>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "ingest-service/extract/dates.h"
#include "ingest-service/extract/word_filter.h"

namespace claims::extract {
namespace {

using Set = WordSet;

struct CueInfo {
  // Also a common noun ("claims", "notes"): only a cue when "that" or ":" follows.
  bool noun_like = false;
  // Takes the listener as an object before the content ("told the Gazette that ...").
  bool takes_object = false;
  // A base form ("say", "warn"): not a cue after "to" ("is expected to say").
  bool base_form = false;
  // Reports what a record says, with a record as its subject only (see RecordNoun):
  // "The court heard that", "The study found that", "Figures show".
  bool record_only = false;
};

// Records that say things: hearings ("The court heard that ...") and documents ("The study
// found that ..."). `hearing` is set for the first kind.
bool RecordNoun(absl::string_view lower, bool* hearing) {
  static const auto* const kHearings = new Set{"court", "jury", "inquest", "inquiry", "tribunal",
                                               "committee", "hearing", "trial", "magistrates", "meeting"};
  static const auto* const kDocuments = new Set{
      "report", "study", "survey", "poll", "paper", "review", "analysis", "research", "figures",
      "data", "audit", "investigation", "assessment", "evaluation", "statistics", "findings", "trial"};
  *hearing = kHearings->contains(lower);
  return *hearing || kDocuments->contains(lower);
}

// As RecordNoun, with the cue deciding for a noun of both kinds ("The trial heard that", "The
// trial found that").
bool RecordNounForCue(absl::string_view lower, bool heard) {
  bool hearing = false;
  if (!RecordNoun(lower, &hearing)) return false;
  static const auto* const kBoth = new Set{"trial", "inquiry", "investigation"};
  return kBoth->contains(lower) || hearing == heard;
}

const absl::flat_hash_map<std::string, CueInfo>& Cues() {
  static const auto* cues = [] {
    auto* m = new absl::flat_hash_map<std::string, CueInfo>;
    for (const char* w :
         {"said", "says", "warned", "warns", "claimed", "argued", "argues", "insisted",
          "insists", "added", "adds", "stated", "explained", "explains", "noted",
          "suggested", "suggests", "announced", "announces", "confirmed", "confirms",
          "denied", "denies", "admitted", "admits", "wrote", "writes", "believes", "believed",
          "maintained", "maintains", "stressed", "acknowledged", "acknowledges", "asserted",
          "asserts", "alleged", "alleges", "revealed", "reveals", "responded", "replied",
          "replies", "asked", "asks", "accused", "accuses", "urged", "urges", "told", "tells",
          "predicted", "predicts", "concluded", "concedes", "conceded", "declared",
          "declares", "emphasised", "emphasized", "reiterated", "countered", "contended",
          "contends", "observed", "recalled", "remarked", "tweeted", "posted", "described",
          "describes", "reported", "reckons", "reckoned"}) {
      (*m)[w] = CueInfo{};
    }
    for (const char* w : {"claims", "notes", "states", "stresses", "maintain", "answers"}) {
      (*m)[w] = CueInfo{true, false, false};
    }
    for (const char* w : {"say", "warn", "claim", "argue", "insist", "believe", "allege",
                          "deny", "admit", "suggest", "urge", "stress", "describe", "reckon"}) {
      (*m)[w] = CueInfo{false, false, true};
    }
    for (const char* w : {"told", "tells", "urged", "urges", "accused", "accuses", "warned",
                          "warns", "asked", "reminded"}) {
      (*m)[w].takes_object = true;
    }
    for (const char* w : {"heard", "found", "finds", "showed", "shows", "show"}) {
      (*m)[w].record_only = true;
    }
    return m;
  }();
  return *cues;
}

// Two-word cues, keyed by the first word.
const absl::flat_hash_map<std::string, std::string>& TwoWordCues() {
  static const auto* m = new absl::flat_hash_map<std::string, std::string>{
      {"according", "to"}, {"pointed", "out"}, {"points", "out"}, {"called", "for"},
      {"calls", "for"},    {"went", "on"},     {"spelled", "out"},  {"shot", "back"},
      {"hit", "back"},     {"fired", "back"},  {"hits", "back"}};
  return *m;
}

// The first words of Cues() and TwoWordCues(): most words are no cue, and are turned away
// before either map hashes them.
const WordFilter& CueFirstWords() {
  static const auto* const kFilter = [] {
    auto* f = new WordFilter;
    for (const auto& [word, info] : Cues()) f->Add(word);
    for (const auto& [word, second] : TwoWordCues()) f->Add(word);
    return f;
  }();
  return *kFilter;
}

// Between subject and cue: "NHS England has previously said".
const Set& Auxiliaries() {
  static const auto* s = new Set{
      "has", "have", "had", "also", "previously", "repeatedly", "recently", "publicly",
      "then", "later", "once", "again", "further", "is", "was", "were", "are", "has", "had",
      "reportedly", "subsequently", "separately", "earlier", "already", "consistently",
      "always", "privately", "explicitly", "will", "would", "did", "does", "do", "both",
      "all", "simply", "now", "first", "initially", "since"};
  return *s;
}

const Set& Pronouns() {
  static const auto* s =
      new Set{"he", "she", "they", "it", "we", "i", "you", "who", "which"};
  return *s;
}

const Set& RoleWords() {
  static const auto* s = new Set{
      "minister", "ministers", "secretary", "spokesperson", "spokesman", "spokeswoman",
      "spokespeople", "spokespersons", "councillor", "councillors", "cllr", "mp", "mps",
      "mep", "msp", "chair", "chairman", "chairwoman", "chairperson", "chief",
      "executive", "director", "officer", "leader", "mayor", "president", "senator",
      "representative", "congressman", "congresswoman", "governor", "professor", "prof",
      "doctor", "campaigner", "campaigners", "activist", "activists", "member", "members",
      "deputy", "head", "manager", "founder", "co-founder", "ceo", "cfo", "cto", "coo",
      "analyst", "analysts", "expert", "experts", "researcher", "researchers", "lawyer",
      "lawyers", "adviser", "advisor", "official", "officials", "residents", "resident",
      "patient", "patients", "nurse", "nurses", "doctors", "critics", "critic",
      "protesters", "organiser", "organisers", "organizer", "coordinator", "trustee",
      "chancellor", "commissioner", "judge", "inspector", "correspondent", "editor",
      "economist", "scientist", "engineer", "employee", "employees", "worker", "workers",
      "staff", "group", "council", "trust", "company", "firm", "department", "ministry", "body",
      "government", "party", "coalition", "campaign", "charity", "organisation",
      "organization", "hospital", "board", "committee", "authority", "agency", "regulator",
      "watchdog", "union", "source", "sources", "insider", "insiders", "sen", "rep", "gov",
      "secretary-general", "speaker", "whip", "candidate", "clinician", "clinicians",
      "gp", "gps", "surgeon", "consultant", "cabinet", "administration", "white", "house",
      "democrat", "republican", "democrats", "republicans", "lawmaker", "lawmakers",
      "legislator", "legislators", "aide", "aides", "parent", "parents", "volunteer",
      "volunteers", "owner", "owners", "landlord", "tenant", "tenants", "founder",
      "partner", "developer", "developers", "representatives", "presenter", "host",
      "attorney", "counsel", "prosecutor", "prosecutors", "police", "detective", "teacher",
      "teachers", "student", "students", "pupil", "boss", "bosses", "chiefs", "people",
      "users", "user", "customers", "customer", "observers", "commentators", "figures",
      "advocates", "advocate", "groups", "opponents", "supporters", "statement", "report", "study", "survey", "document", "documents", "data", "email",
      "letter", "filing", "figures", "website", "blog", "post", "platform", "network",
      // Not words that are also common surnames (King, Bishop, Dean, Holder, Coach...): a
      // capitalised role word ends a name.
      "barrister", "solicitor", "coroner", "magistrate", "superintendent", "ambassador", "envoy",
      "diplomat", "pollster", "strategist", "historian", "academic", "lecturer", "physician",
      "chairs", "heads", "directors", "executives", "ministers", "senators", "governors",
      "taoiseach", "tanaiste", "premier", "archbishop", "rabbi", "imam", "auditor", "ombudsman", "guardian",
      "registrar",
      "governor-general", "attorney-general", "solicitor-general", "vice-chancellor", "headteacher",
      "councilwoman", "councilman", "councilmember", "alderman", "alderwoman", "ald", "assemblyman",
      "assemblywoman", "assemblymember", "midfielder", "striker", "defender", "goalkeeper", "winger",
      "quarterback", "pitcher", "batsman", "all-rounder", "captain", "vice-captain", "skipper", "pundit",
      "broker", "brokers", "trader", "traders", "dealer", "dealers", "banker", "bankers", "investor",
      "investors", "economists", "scientists", "forecasters", "underwriters", "insurers", "negotiators",
      // People in a case, who are no description of the person in focus ("the victim" is not
      // the man jailed for attacking her): IsPersonEpithet leaves them out.
      "victim", "victims", "defendant", "claimant", "survivor", "survivors", "witness"};
  return *s;
}

// Heads of a description before an organisation's name: "the health union Unison", "Passenger
// group Campaign for Better Transport", "Bus operator Stagecoach".
const Set& OrgHeadNouns() {
  static const auto* s = new Set{
      "group", "charity", "union", "campaign", "tank", "watchdog", "regulator", "firm", "company",
      "broadcaster", "newspaper", "organisation", "organization", "body", "network", "coalition",
      "alliance", "association", "society", "platform", "startup", "start-up", "insurer", "lender",
      "retailer", "supermarket", "bank", "consultancy", "outlet", "website", "magazine", "operator",
      "airline", "carrier", "manufacturer", "housebuilder", "chain", "giant", "provider", "supplier",
      "utility", "publisher", "builder", "grocer", "brewer", "miner", "landlord", "lobby"};
  return *s;
}

// Roles that are also common surnames, so roles only in lower case ("head coach", "the dean").
bool LowerCaseOnlyRole(absl::string_view lower) {
  return lower == "coach" || lower == "dean" || lower == "bishop" || lower == "marshal" || lower == "chaplain" ||
         lower == "provost" || lower == "warden";
}

const Set& RoleModifiers() {
  static const auto* s = new Set{
      "health", "foreign", "home", "education", "local", "former", "senior", "junior",
      "shadow", "prime", "digital", "technology", "tech", "data", "privacy", "security",
      "opposition", "independent", "lead", "general", "acting", "interim", "managing",
      "medical", "clinical", "press", "media", "national", "regional", "city", "county",
      "state", "federal", "long-time", "longtime", "fellow", "veteran", "retired", "top",
      "justice", "finance", "treasury", "defence", "defense", "science", "housing",
      "transport", "environment", "culture", "trade", "business", "economic", "legal",
      "public", "information", "policy", "communications", "operating", "financial",
      "technical", "research", "nursing", "ward", "borough", "parish", "district",
      "cabinet", "labour", "conservative", "green", "liberal", "democratic", "republican",
      "assistant", "associate", "vice", "co", "campaign", "community", "patient",
      "privacy", "civil", "liberties", "rights", "human", "online", "freelance", "new",
      "incoming", "outgoing", "current", "then", "one", "another", "two", "three",
      "several", "some", "many", "other", "both", "concerned", "angry", "frustrated",
      "worried", "its", "his", "her", "their", "our", "the", "a", "an", "group's",
      "council's", "trust's", "government's", "company's", "firm's", "department's"};
  return *s;
}

const Set& TitleAbbreviations() {
  static const auto* s = new Set{"mr", "mrs", "ms", "dr", "st", "prof", "sen", "rep", "gov",
                                 "jr", "sr", "gen", "lt", "col", "capt", "rev", "cllr",
                                 "inc", "ltd", "co", "corp", "plc", "llc"};
  return *s;
}

const Set& Determiners() {
  static const auto* s = new Set{"the", "a", "an", "its", "his", "her", "their", "our",
                                 "this", "that", "these", "those"};
  return *s;
}

// What may stand between a cue and the end of its sentence (or the next quote) when the
// cue closes the attribution: "said on Wednesday", "said in a statement last week".
const Set& TrailingWords() {
  static const auto* s = new Set{
      "on", "in", "at", "last", "this", "next", "week", "month", "year", "yesterday",
      "today", "tonight", "a", "an", "the", "statement", "interview", "written",
      "answer", "answers", "press", "release", "briefing", "conference", "post", "email",
      "letter", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
      "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
      "september", "october", "november", "december", "morning", "afternoon", "evening",
      "night", "earlier", "later", "recently", "previously", "also", "then", "told",
      "to", "reporters", "journalists", "when", "asked", "about", "it", "this", "of",
      "via", "social", "media", "parliament", "house", "commons", "lords", "meeting",
      "hearing", "debate", "committee", "speech", "report", "blog", "podcast", "radio",
      "television", "tv", "online", "website", "x", "twitter", "facebook", "linkedin",
      "instagram", "bluesky", "council", "full", "public", "weekend", "days", "ago",
      "weeks", "months", "years", "after", "before", "during", "following", "with",
      "from", "for", "by", "as", "and", "simply", "firmly", "flatly", "bluntly", "only",
      // "said three days ago that", "said at the end of last year that", "said in a joint
      // letter that"
      "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
      "eleven", "twelve", "day", "end", "beginning", "start", "middle", "mid", "early", "late",
      "joint", "open", "separate", "signed", "formal", "brief"};
  return *s;
}

const Set& SourceParticiples() {
  static const auto* s = new Set{"seen", "obtained", "published", "released", "shared",
                                 "compiled", "analysed", "analyzed", "reviewed", "given",
                                 "sent", "cited", "leaked", "filed"};
  return *s;
}

const Set& LeadingAdverbials() {
  static const auto* s = new Set{"but", "and", "however", "meanwhile", "yet", "so", "still",
                                 "separately", "elsewhere", "instead", "now", "also",
                                 "earlier", "later", "previously", "indeed", "then"};
  return *s;
}


bool IsTerminalPunct(absl::string_view s) {
  return s == "." || s == "!" || s == "?" || s == "\xE2\x80\xA6";
}

// Dashes that sign a quote: em dash, horizontal bar, en dash, "-" and "--".
bool IsSigningDash(absl::string_view s) {
  return s == "\xE2\x80\x94" || s == "\xE2\x80\x95" || s == "\xE2\x80\x93" || s == "-" || s == "--";
}

// First words of headline-like paragraphs that label rather than attribute: "Update: ...",
// "Watch: ...". Lower case.
bool IsHeadlineLabel(absl::string_view lower) {
  static const auto* const kLabels = new WordSet{
      "update", "updated", "note", "editor", "editors", "watch", "related", "read", "photo",
      "photos", "video", "videos", "correction", "corrections", "warning", "live", "breaking",
      "exclusive", "analysis", "opinion", "comment", "review", "explainer", "factbox", "q",
      "a", "source", "sources", "credit", "photograph", "image", "images", "pictured",
      "listen", "see", "more", "tags", "topics", "share", "subscribe", "advertisement",
      "transcript", "summary", "background", "context", "timeline", "disclaimer", "clarification",
      "interview", "podcast", "newsletter", "quiz", "contact", "email", "tel",
      "phone", "address", "date", "time", "venue", "location", "when", "where", "what", "who",
      "why", "how", "p.s", "ps", "nb", "press", "ends", "embargo", "embargoed", "notice",
      "notes", "media", "announcement", "alert", "statement", "sketch", "pmqs", "interviewer",
      "question", "answer", "release", "briefing", "letters", "letter", "obituary", "recap",
      "published", "posted", "filed", "modified", "last", "first", "dateline", "byline",
      // A fact check's box and a board's minutes ("Claim: ...", "Verdict: ...", "Action: ...").
      "claim", "claims", "verdict", "rating", "ruling", "conclusion", "fact", "facts", "action",
      "actions", "decision", "decisions", "resolved", "agreed", "outcome", "outcomes",
      "recommendation", "recommendations", "findings", "result", "results", "status", "purpose"};
  return kLabels->contains(lower);
}

// The labels that open an interview's question paragraphs ("Q: ...", "Interviewer: ...") and
// its answers by the interviewee ("A: ..."). Lower case.
bool IsQuestionLabel(absl::string_view lower) {
  return lower == "q" || lower == "question" || lower == "interviewer";
}
bool IsAnswerLabel(absl::string_view lower) { return lower == "a" || lower == "answer"; }

class Finder {
 public:
  Finder(absl::string_view text, const Segmentation& seg)
      : text_(text), seg_(seg), tokens_(seg.tokens) {}

  std::vector<Attribution> Run() {
    quotes_ = FindQuotes(text_, seg_);
    quote_of_token_.assign(tokens_.size(), -1);
    for (size_t q = 0; q < quotes_.size(); ++q) {
      const Quote& quote = quotes_[q];
      const size_t last = quote.close_token == Quote::kNoToken
                              ? seg_.paragraphs[tokens_[quote.open_token].paragraph].end_token - 1
                              : quote.close_token;
      for (size_t i = quote.open_token; i <= last; ++i) quote_of_token_[i] = static_cast<int>(q);
    }
    cue_used_.assign(tokens_.size(), false);
    quote_used_.assign(quotes_.size(), false);
    sentence_used_.assign(seg_.sentences.size(), false);
    std::vector<Attribution> out;
    DirectQuotes(&out);
    TranscriptLines(&out);
    QuestionAndAnswerLines(&out);
    ParliamentLines(&out);
    Headlines(&out);
    IndirectSpeech(&out);
    std::sort(out.begin(), out.end(), [](const Attribution& a, const Attribution& b) {
      return a.content.front().begin < b.content.front().begin;
    });
    return out;
  }

 private:
  // Token i lower-cased (a view into seg_.lower).
  absl::string_view Lower(size_t i) const { return LowerTokenText(seg_, tokens_[i]); }
  bool Is(size_t i, absl::string_view punct) const {
    return i < tokens_.size() && IsPunct(text_, tokens_[i], punct);
  }
  bool IsWord(size_t i) const { return i < tokens_.size() && tokens_[i].kind == TokenKind::kWord; }
  bool InQuote(size_t i) const { return quote_of_token_[i] >= 0; }
  bool Acronym(size_t i) const { return IsAcronym(TokenText(text_, tokens_[i])); }
  bool PossessiveMark(size_t i) const { return IsPossessiveApostrophe(text_, seg_, i); }
  const Sentence& SentenceOf(size_t i) const { return seg_.sentences[tokens_[i].sentence]; }

  // Number of tokens of the cue starting at token i (0 when there is none there).
  size_t CueAt(size_t i, size_t limit, CueInfo* info) const {
    if (i >= limit || !IsWord(i) || InQuote(i) || cue_used_[i]) return 0;
    const absl::string_view w = Lower(i);
    if (!CueFirstWords().MayContain(w)) return 0;
    const auto two = TwoWordCues().find(w);
    if (two != TwoWordCues().end()) {
      if (i + 1 < limit && IsWord(i + 1) && Lower(i + 1) == two->second) {
        if (w == "went") {  // "went on to say"
          if (i + 3 < limit && Lower(i + 2) == "to" && Lower(i + 3) == "say") {
            *info = CueInfo{};
            return 4;
          }
          return 0;
        }
        *info = CueInfo{};
        info->takes_object = false;
        return 2;
      }
      return 0;
    }
    const auto it = Cues().find(w);
    if (it == Cues().end()) return 0;
    *info = it->second;
    if (info->base_form && i > 0 && IsWord(i - 1)) {
      const absl::string_view before = Lower(i - 1);
      if (before == "to" || before == "not" || before == "n't") return 0;
    }
    if (info->noun_like) {
      if (!(Is(i + 1, ":") || (IsWord(i + 1) && Lower(i + 1) == "that"))) return 0;
    }
    return 1;
  }

  bool IsAccordingTo(size_t i) const { return IsWord(i) && Lower(i) == "according"; }

  // The source after "according to": anything up to a comma, a quote or the end (at most
  // 12 tokens): "according to congressional aides", "according to council papers".
  bool SourceAfterAccordingTo(size_t begin, size_t limit, SpeakerPhrase* phrase,
                              size_t* phrase_end) const {
    size_t j = begin;
    while (j < limit && j - begin < 12 && !Is(j, ",") && !Is(j, ":") && !InQuote(j) &&
           tokens_[j].kind != TokenKind::kQuote) {
      // "council papers seen by the Tribune": the source is the papers, not the paper; "three
      // brokers who spoke on condition of anonymity because ...": the brokers, to the clause's
      // end.
      const bool relative = IsWord(j) && (Lower(j) == "who" || Lower(j) == "which");
      if (IsWord(j) && j > begin && (SourceParticiples().contains(Lower(j)) || relative)) {
        phrase->head = {begin, j};
        phrase->apposition = {};
        size_t k = j;
        while (k < limit && !Is(k, ",") && k - j < (relative ? 40 : 12)) ++k;
        *phrase_end = k;
        return true;
      }
      ++j;
    }
    if (j == begin || j - begin >= 12) return false;
    phrase->head = {begin, j};
    phrase->apposition = {};
    *phrase_end = j;
    return true;
  }

  // ", the legal campaign group," / ", Foxglove's director," after the source of a leading
  // "According to X,": an apposition of at most 8 words that starts with a determiner or a
  // possessive, ends with a role or organisation noun (RoleWords) and a comma, and is
  // followed by more words that are not a relative clause. Returns the closing comma's
  // token, or `comma` when there is no such apposition.
  size_t AppositionEnd(size_t comma, size_t limit) const {
    const size_t b = comma + 1;
    if (b >= limit || !IsWord(b)) return comma;
    const absl::string_view first = Lower(b);
    const bool determiner = first == "the" || first == "a" || first == "an";
    const bool possessive = tokens_[b].capitalised && IsPossessive(first);
    if (!determiner && !possessive) return comma;
    for (size_t k = b + 1; k < limit && k - b <= 8; ++k) {
      if (Is(k, ",")) {
        if (!RoleWords().contains(Lower(k - 1)) || k + 1 >= limit || !IsWord(k + 1)) return comma;
        const absl::string_view next = Lower(k + 1);
        if (next == "which" || next == "who" || next == "whose" || next == "that") return comma;
        return k;
      }
      if (!IsWord(k) || InQuote(k)) return comma;
    }
    return comma;
  }

  // Can token i be part of a speaker's noun phrase? `right` is the token after it inside the
  // phrase (for prepositions: "a spokesperson for NHS England").
  bool IsNounPhraseToken(size_t i, size_t right_end, bool* stop_after) const {
    *stop_after = false;
    const Token& t = tokens_[i];
    if (PossessiveMark(i)) return true;  // "The School Teachers' Review Body"
    if (t.kind == TokenKind::kPunct) {
      // "Mr. Smith", "St. Mary's": a dot glued to a short capitalised word.
      if (Is(i, ".") && i > 0 && IsWord(i - 1) && tokens_[i - 1].end == t.begin &&
          TitleAbbreviations().contains(Lower(i - 1))) {
        return true;
      }
      return Is(i, "&");
    }
    if (t.kind != TokenKind::kWord) return false;
    const absl::string_view w = Lower(i);
    if (t.capitalised) {
      if (Pronouns().contains(w) && !Acronym(i)) *stop_after = true;  // "WHO" is a name
      return true;
    }
    if (Pronouns().contains(w)) {
      *stop_after = true;
      return w != "who" && w != "which";
    }
    if (w == "the" || w == "a" || w == "an") {
      // The phrase starts here, unless "the" follows a preposition inside it ("a spokesperson
      // for the Home Office").
      const absl::string_view before = i > 0 && IsWord(i - 1) ? Lower(i - 1) : "";
      *stop_after = !(w == "the" && (before == "for" || before == "of" || before == "at" || before == "from"));
      return true;
    }
    if (w == "for" || w == "of" || w == "at" || w == "from" || w == "with" || w == "to") {
      // "a spokeswoman for X", "a friend of X", "an aide to X" ("to" only after a relation),
      // "a spokesperson for the Home Office".
      const size_t named = i + 2 < right_end && IsWord(i + 1) && Lower(i + 1) == "the" ? i + 2 : i + 1;
      // "candidate for mayor", "minister for care": a role's remit in lower case.
      if ((w == "for" || w == "of") && i > 0 && IsWord(i - 1) && RoleWords().contains(Lower(i - 1)) &&
          i + 1 < right_end && IsWord(i + 1) && !tokens_[i + 1].capitalised) {
        return true;
      }
      return named < right_end && tokens_[named].capitalised && i > 0 && IsWord(i - 1) &&
             (((RoleWords().contains(Lower(i - 1)) || tokens_[i - 1].capitalised) && w != "to") ||
              IsRelationNoun(Lower(i - 1)));
    }
    // "Bill de Blasio", "de Blasio": a particle before a capitalised word of the name.
    if (IsNameParticle(w)) {
      size_t k = i + 1;
      if (k + 1 < right_end && IsWord(k) && IsNameParticle(Lower(k))) ++k;  // "von der Leyen"
      return k < right_end && tokens_[k].capitalised;
    }
    if (IsRelationNoun(w) || IsPersonEpithet(w)) return true;
    // "Bus operator Stagecoach", "the rail operator Avanti": an organisation's description
    // in lower case right before its capitalised name.
    if (IsOrgHeadNoun(w) && i + 1 < right_end && tokens_[i + 1].capitalised) return true;
    // Roles that are surnames when capitalised ("Coach", "Dean"), in lower case: "head coach".
    if (LowerCaseOnlyRole(w)) return true;
    // A role's remit: "candidate for mayor", "minister for care", "secretary of state" (see
    // the prepositions above).
    if (InRoleRemit(i, 0)) return true;
    // "The permanent secretary", "the department's chief medical officer": a word between a
    // determiner (or possessive) and a role.
    if (i + 1 < right_end && IsWord(i + 1) && !Cues().contains(w) && w != "and" && w != "that" && w != "who" &&
        (RoleWords().contains(Lower(i + 1)) || RoleModifiers().contains(Lower(i + 1)) || LowerCaseOnlyRole(Lower(i + 1)) ||
         IsOrgHeadNoun(Lower(i + 1))) &&
        i > 0 && IsWord(i - 1) &&
        (Determiners().contains(Lower(i - 1)) || IsPossessive(Lower(i - 1)))) {
      return true;
    }
    // "The court", "A new government study", "Official figures": a record and its modifiers.
    if (record_cue_ && !Cues().contains(w) && w != "that" && w != "and" && w != "but" && w != "which" &&
        w != "who" && w != "as" && w != "while") {
      return true;
    }
    // "Ms Clarke's office said".
    if ((w == "office" || w == "team") && i > 0 && tokens_[i - 1].capitalised &&
        IsPossessive(Lower(i - 1))) {
      return true;
    }
    // "the family's attorneys": a possessive before the noun.
    if (IsPossessive(w) && i + 1 < right_end && IsWord(i + 1)) {
      return true;
    }
    if (w == "and") {  // "Labour and Co-operative MP"
      return i + 1 < right_end && tokens_[i + 1].capitalised && i > 0 && tokens_[i - 1].capitalised;
    }
    // "the bank", "the homewares retailer": a company's kind of business.
    return RoleWords().contains(w) || RoleModifiers().contains(w) || IsOrgHeadNoun(w);
  }

  // The speaker phrase that ends just before token `end` (exclusive), not before `floor`.
  // Handles an apposition between commas ("Jane Doe, a spokeswoman for X,").
  bool SubjectBefore(size_t end, size_t floor, SpeakerPhrase* phrase, size_t* phrase_begin) const {
    if (end <= floor) return false;
    size_t j = end;  // exclusive end of the head
    // Skip auxiliaries and adverbs: "has previously said".
    for (int k = 0; k < 3 && j > floor && IsWord(j - 1) && !tokens_[j - 1].capitalised &&
                    Auxiliaries().contains(Lower(j - 1));
         ++k) {
      --j;
    }
    if (j <= floor) return false;
    if (!Is(j - 1, ",")) return HeadBefore(j, floor, TokenRange{}, phrase, phrase_begin);
    // The comma that opens the apposition: the nearest one, or, when no speaker stands before
    // it, up to two more ("Cllr Sarah Jones, cabinet member for health, adult social care and
    // wellbeing, said": the apposition holds a list).
    const size_t close = j - 1;
    size_t k = close;
    for (int opening = 0; opening < 3; ++opening) {
      size_t steps = 0;
      while (k > floor && steps < 20 && !Is(k - 1, ",") && !InQuote(k - 1) &&
             (tokens_[k - 1].kind != TokenKind::kQuote || PossessiveMark(k - 1))) {
        --k;
        ++steps;
      }
      if (k <= floor || !Is(k - 1, ",") || k == close) return false;
      // "X, and Y said" is a coordination, not an apposition.
      const absl::string_view first = Lower(k);
      if (first == "that" || first == "and" || first == "but") return false;
      if (k - 1 <= floor) return false;
      if (HeadBefore(k - 1, floor, TokenRange{k, close}, phrase, phrase_begin)) return true;
      --k;  // on the comma: look for the one before it
    }
    return false;
  }

  // The head of a speaker phrase that ends just before token `j` (exclusive), not before
  // `floor`, with `apposition` after it (empty: none).
  bool HeadBefore(size_t j, size_t floor, TokenRange apposition, SpeakerPhrase* phrase,
                  size_t* phrase_begin) const {
    // "The American Civil Liberties Union (ACLU) said": step over the parenthesis.
    size_t paren_end = j;
    if (j > floor + 1 && Is(j - 1, ")")) {
      size_t k = j - 1;
      while (k > floor && j - k < 5 && !Is(k, "(")) --k;
      if (Is(k, "(") && k > floor) j = k;
    }
    size_t b = j;
    size_t count = 0;
    while (b > floor && count < 10 && !InQuote(b - 1)) {
      bool stop_after = false;
      if (!IsNounPhraseToken(b - 1, j, &stop_after)) break;
      --b;
      ++count;
      if (stop_after) break;
    }
    // "One of the family's attorneys", "two of his aides".
    if (b >= floor + 2 && b < j && IsWord(b - 1) && Lower(b - 1) == "of" && IsWord(b - 2) &&
        !InQuote(b - 2)) {
      const absl::string_view q = Lower(b - 2);
      if (q == "one" || q == "two" || q == "three" || q == "some" || q == "several" || q == "many" ||
          q == "both" || q == "each" || q == "none") {
        b -= 2;
      }
    }
    // A preposition cannot start the phrase.
    while (b < j && IsWord(b) && !tokens_[b].capitalised &&
           (Lower(b) == "for" || Lower(b) == "of" || Lower(b) == "at" || Lower(b) == "and")) {
      ++b;
    }
    if (b >= j) return false;
    phrase->head = {b, j};
    phrase->apposition = apposition;
    *phrase_begin = b;
    // "The minister for care, Stephen Kinnock, said": a role with its remit, then the name.
    if (!HeadLooksLikeSpeaker(phrase->head) &&
        (apposition.empty() || !tokens_[apposition.begin].capitalised || !EndsWithRemit(phrase->head))) {
      return false;
    }
    // The acronym is not part of the name; other brackets are kept for the resolver, which
    // reads a party, a constituency or an age in them ("Tom Bright (Liberal Democrat)").
    if (paren_end != j && (paren_end - j != 3 || !Acronym(j + 1))) phrase->head.end = paren_end;
    return true;
  }

  // The speaker phrase that starts at `begin` and ends before `limit`, a quote, or the
  // terminal punctuation; an apposition after a comma is kept unless a quote follows it.
  bool SubjectAfter(size_t begin, size_t limit, SpeakerPhrase* phrase, size_t* phrase_end) const {
    size_t j = begin;
    size_t count = 0;
    while (j < limit && count < 12 && !InQuote(j)) {
      bool stop_after = false;
      if (!IsNounPhraseToken(j, limit, &stop_after)) break;
      const absl::string_view w = tokens_[j].kind == TokenKind::kWord ? Lower(j) : "";
      ++j;
      ++count;
      // A pronoun, or "the"/"a" followed by its noun, may still continue: "the group's
      // chair". Only a lone pronoun stops here.
      if (stop_after && Pronouns().contains(w)) break;
    }
    if (j == begin) return false;
    phrase->head = {begin, j};
    phrase->apposition = {};
    if (Is(j, ",") && j + 1 < limit && !InQuote(j + 1) &&
        tokens_[j + 1].kind != TokenKind::kQuote) {
      // ", ROLE." up to the end of the sentence.
      size_t k = j + 1;
      while (k < limit && !InQuote(k) && tokens_[k].kind != TokenKind::kQuote &&
             !(IsTerminalPunct(TokenText(text_, tokens_[k])) && k + 1 >= limit) && !Is(k, ",") &&
             k - j < 20) {
        ++k;
      }
      const bool before_quote = Is(k, ",") && k + 1 < tokens_.size() && IsOpeningQuote(tokens_[k + 1]);
      if (k > j + 1 && (k >= limit || before_quote ||
                        (IsTerminalPunct(TokenText(text_, tokens_[k])) && k + 1 >= limit))) {
        phrase->apposition = {j + 1, k};
        j = k;
      }
    }
    *phrase_end = j;
    return HeadLooksLikeSpeaker(phrase->head);
  }

  // A name, a pronoun, or a known kind of speaker: not "The report" or "It".
  bool HeadLooksLikeSpeaker(TokenRange head) const {
    bool has_word = false;
    for (size_t i = head.begin; i < head.end; ++i) {
      if (!IsWord(i)) continue;
      has_word = true;
      const absl::string_view w = Lower(i);
      if ((w == "it" || w == "you" || w == "who" || w == "which") && !Acronym(i)) return head.end - head.begin > 1;
    }
    if (!has_word) return false;
    // The last word must be a name, a pronoun or a role noun.
    size_t last = head.end - 1;
    while (last > head.begin && !IsWord(last)) --last;
    const absl::string_view w = Lower(last);
    if (tokens_[last].capitalised) {
      if (LeadingAdverbials().contains(w)) return false;
      if (!TrailingWords().contains(w)) return true;
      // "The Washington Post", "The White House", "The Post": a name (a capital the word's
      // place in the sentence does not explain), not a word that trails a cue ("said in a
      // blog post").
      if (last == head.begin || !IsWord(last - 1) || IsDayOrMonth(w)) return false;
      if (Lower(last - 1) == "the") return true;
      return tokens_[last - 1].capitalised && !LeadingAdverbials().contains(Lower(last - 1)) &&
             !TrailingWords().contains(Lower(last - 1));
    }
    bool hearing = false;
    if (record_cue_ && RecordNoun(w, &hearing)) return true;
    if (IsDocumentNoun(w)) return false;
    // "Ms Clarke's office", "the Prime Minister's team": someone's office speaks for them.
    if ((w == "office" || w == "team") && last > head.begin && tokens_[last - 1].capitalised &&
        IsPossessive(Lower(last - 1))) {
      return true;
    }
    // (A company's kind of business too: "the bank said", "the retailer said".)
    return Pronouns().contains(w) || RoleWords().contains(w) || IsRelationNoun(w) || IsPersonEpithet(w) ||
           LowerCaseOnlyRole(w) || IsOrgHeadNoun(w);
  }

  // True when token `i` is one of up to three lower-case words after "for"/"of" after a role
  // word, none of them before `floor`: a role's remit ("minister for care", "secretary of
  // state").
  bool InRoleRemit(size_t i, size_t floor) const {
    // (No cue and no "that" is a remit's word: "The director of finance responded that ...")
    if (IsWord(i) && (Cues().contains(Lower(i)) || Lower(i) == "that")) return false;
    for (size_t j = i; j > floor && i - j < 3; --j) {
      if (!IsWord(j - 1) || tokens_[j - 1].capitalised) break;
      const absl::string_view p = Lower(j - 1);
      if ((p == "for" || p == "of") && j >= floor + 2 && IsWord(j - 2) && RoleWords().contains(Lower(j - 2))) return true;
    }
    return false;
  }

  // True when `head` ends with a role's remit in lower case: "The minister for care".
  bool EndsWithRemit(TokenRange head) const { return InRoleRemit(head.end - 1, head.begin); }

  // End of the content of sentence s: before the terminal punctuation (closing quotes after
  // it stay with the content only when a quote is open in it).
  size_t ContentEndToken(const Sentence& s) const {
    size_t e = s.end_token;
    while (e > s.first_token && tokens_[e - 1].kind == TokenKind::kPunct &&
           (IsTerminalPunct(TokenText(text_, tokens_[e - 1])) || Is(e - 1, ","))) {
      --e;
    }
    return e;
  }

  // --- Direct quotes --------------------------------------------------------------------

  struct CueMatch {
    size_t cue_begin = 0, cue_end = 0;  // tokens
    SpeakerPhrase speaker;
    size_t last_token = 0;              // last token of the attribution clause
    size_t split_quote = Quote::kNoToken;  // index into quotes_ of a continuing quote
    bool after = false;                    // the cue follows the quote
    bool strong = false;                   // signed with a dash (Attribution::strong)
  };

  // Every word of tokens [b, e) is capitalised or a role word ("Dr. Ben Carson", "Labour MP
  // Karin Smyth"), and none is inside a quotation.
  bool NamesOrRoles(size_t b, size_t e) const {
    for (size_t k = b; k < e; ++k) {
      if (InQuote(k)) return false;
      if (IsWord(k) && !tokens_[k].capitalised && !RoleWords().contains(Lower(k)) &&
          !RoleModifiers().contains(Lower(k))) {
        return false;
      }
    }
    return true;
  }

  // An embedded social-media post signs itself with the account's handle in brackets after
  // the name and the post's date ("— NHS England (@NHSEngland) July 3, 2025", "— Dr Sara
  // Quinn (@saraquinn.bsky.social) July 5, 2025 at 9:14 AM", as the HTML reader renders
  // tweets and Bluesky posts). At `open`, a "(": the token after the handle's ")" and the
  // date (its month name, numbers, "at", a time), or `open` when no handle is there.
  size_t AfterPostHandle(size_t open, size_t limit) const {
    if (!(open + 3 < limit && Is(open, "(") && Is(open + 1, "@") && IsWord(open + 2))) return open;
    size_t t = open + 3;
    // "@saraquinn.bsky.social", "@jane_doe": words joined by dots, no space between.
    while (t + 1 < limit && (Is(t, ".") || Is(t, "_")) && tokens_[t].begin == tokens_[t - 1].end && IsWord(t + 1)) t += 2;
    if (t >= limit || !Is(t, ")")) return open;
    ++t;
    auto date_word = [&](size_t k) {
      if (!IsWord(k)) return Is(k, ",") || Is(k, ":");
      const absl::string_view w = Lower(k);
      return IsDayOrMonth(w) || w == "at" || w == "am" || w == "pm" ||
             absl::ascii_isdigit(static_cast<unsigned char>(text_[tokens_[k].begin]));
    };
    size_t k = t;
    bool month = false;
    for (; k < limit && date_word(k); ++k) month |= IsWord(k) && IsDayOrMonth(Lower(k));
    return month ? k : t;
  }

  // "— Name (@handle) date" to the end of the sentence (AfterPostHandle), the name any words
  // of up to eight tokens ("medConfidential", "The Royal College of Nursing", "Unite the
  // union"): the account is the speaker, named as it signs.
  bool SignedPost(size_t t, size_t limit, CueMatch* m) const {
    size_t open = t + 1;
    while (open < limit && open - t <= 8 && !Is(open, "(") && tokens_[open].kind != TokenKind::kQuote) ++open;
    if (open == t + 1 || open >= limit || !Is(open, "(")) return false;
    const size_t end = AfterPostHandle(open, limit);
    if (end == open || !EndsSentence(end, limit)) return false;
    // The name's words, without an emoji or a mark around them ("Jane Hill \u{1F339}").
    size_t name_begin = t + 1, name_end = open;
    auto name_word = [&](size_t k) {  // not an emoji or a symbol (UTF-8 lead bytes F0-F4, E2)
      const unsigned char c = static_cast<unsigned char>(text_[tokens_[k].begin]);
      return IsWord(k) && c < 0xF0 && c != 0xE2;
    };
    while (name_begin < name_end && !name_word(name_begin)) ++name_begin;
    while (name_end > name_begin && !name_word(name_end - 1)) --name_end;
    if (name_begin == name_end) return false;
    SpeakerPhrase speaker = SpeakerPhraseOf(text_, seg_, {name_begin, name_end});
    if (speaker.head.empty()) return false;
    SignedAt(t, end, limit, std::move(speaker), m);
    return true;
  }

  // Whether token `end` ends the sentence that ends at `limit`: it is `limit`, or the
  // sentence's last token and a terminal mark.
  bool EndsSentence(size_t end, size_t limit) const {
    return end >= limit || (IsTerminalPunct(TokenText(text_, tokens_[end])) && end + 1 >= limit);
  }

  // `m` as the signature at dash `t` by `speaker`, whose phrase ends at token `end`.
  static void SignedAt(size_t t, size_t end, size_t limit, SpeakerPhrase speaker, CueMatch* m) {
    m->speaker = std::move(speaker);
    m->cue_begin = t;
    m->cue_end = t + 1;
    m->last_token = end < limit ? end : limit - 1;
    m->after = true;
    m->strong = true;
  }

  // `"..." ― Sonya Herridge`, `"..." — Tom Baker, Hackney resident.`: at token t (the first
  // after the quote) a dash, then a speaker phrase that runs to the end of the sentence.
  bool SignedWithDash(size_t t, size_t limit, CueMatch* m) const {
    if (t >= limit || tokens_[t].kind != TokenKind::kPunct ||
        !IsSigningDash(TokenText(text_, tokens_[t]))) {
      return false;
    }
    if (SignedPost(t, limit, m)) return true;
    size_t phrase_end = 0;
    SpeakerPhrase speaker;
    if (!SubjectAfter(t + 1, limit, &speaker, &phrase_end)) return false;
    // Only a name or a role: "— and then he left" is not a signature.
    if (!NamesOrRoles(speaker.head.begin, speaker.head.end)) return false;
    if (!EndsSentence(phrase_end, limit)) return false;
    SignedAt(t, phrase_end, limit, std::move(speaker), m);
    return true;
  }

  // After the closing mark at `close`: `, X said`, `, said X, ROLE`, `, according to X`,
  // `X asked.` in the next sentence; notes a following `, "B."` (split quote).
  bool AttributionAfter(size_t close, CueMatch* m) const {
    size_t t = close + 1;
    const Sentence* s = &SentenceOf(close);
    size_t limit = s->end_token;
    bool next_sentence = false;
    if (t >= limit || (IsTerminalPunct(TokenText(text_, tokens_[t])) && t + 1 >= limit)) {
      // The sentence ended with the quote: a short next sentence may be the attribution.
      const size_t next = tokens_[close].sentence + 1;
      if (next >= seg_.sentences.size() || seg_.sentences[next].paragraph != s->paragraph) {
        return false;
      }
      s = &seg_.sentences[next];
      t = s->first_token;
      limit = s->end_token;
      next_sentence = true;
      if (limit - t > 14) return false;
    }
    if (!InQuote(t) && SignedWithDash(t, limit, m)) return true;
    while (t < limit && (Is(t, ",") || Is(t, "\xE2\x80\x94") || Is(t, "-"))) ++t;
    if (t >= limit || InQuote(t)) return false;
    CueInfo info;
    size_t n = CueAt(t, limit, &info);
    size_t after_clause = 0;
    if (n > 0) {
      // Inverted: "said X" / "according to X".
      size_t phrase_end = 0;
      if (!SubjectAfter(t + n, limit, &m->speaker, &phrase_end)) return false;
      m->cue_begin = t;
      m->cue_end = t + n;
      after_clause = phrase_end;
    } else {
      // "X said", "Ms Macalpine, of the group, said": find the cue within a short window.
      size_t c = t;
      while (c < limit && c - t < 25 && !InQuote(c) && (n = CueAt(c, limit, &info)) == 0) {
        ++c;
      }
      if (n == 0 || c == t) return false;
      size_t phrase_begin = 0;
      if (!SubjectBefore(c, t, &m->speaker, &phrase_begin) || phrase_begin != t) return false;
      m->cue_begin = c;
      m->cue_end = c + n;
      after_clause = c + n;
    }
    // Whatever trails the cue ("on Wednesday", "in a statement") up to a comma before a
    // quote (split quote) or the end of the sentence.
    size_t k = after_clause;
    while (k < limit && !InQuote(k) && tokens_[k].kind != TokenKind::kQuote &&
           !IsTerminalPunct(TokenText(text_, tokens_[k])) && !Is(k, ",") && k - after_clause < 12) {
      ++k;
    }
    m->last_token = k > 0 ? k - 1 : 0;
    if (Is(k, ",") && k + 1 < tokens_.size() && InQuote(k + 1) &&
        tokens_[k + 1].sentence == tokens_[k].sentence) {
      const int q = quote_of_token_[k + 1];
      if (quotes_[q].open_token == k + 1) m->split_quote = static_cast<size_t>(q);
    }
    if (Is(k, ":") && k + 1 < tokens_.size() && InQuote(k + 1) &&
        tokens_[k + 1].paragraph == tokens_[k].paragraph) {
      const int q = quote_of_token_[k + 1];  // `"A," she said: "B."`
      if (quotes_[q].open_token == k + 1) m->split_quote = static_cast<size_t>(q);
    }
    const bool at_end = k >= limit || IsTerminalPunct(TokenText(text_, tokens_[k]));
    if (k < limit && at_end) m->last_token = k;
    // A whole next sentence is an attribution only when nothing else is said in it: what
    // trails its cue is a time, a place or a listener ("said on Wednesday", "told BBC Radio
    // 4"), not content of its own ("Dr Reid said doctors had not been consulted").
    if (next_sentence && (!at_end || m->split_quote != Quote::kNoToken)) return false;
    if (next_sentence) {
      for (size_t j = after_clause; j < k; ++j) {
        if (IsWord(j) && !IsTrailing(j) && !tokens_[j].capitalised &&
            !absl::ascii_isdigit(static_cast<unsigned char>(text_[tokens_[j].begin]))) {
          return false;
        }
      }
    }
    m->after = true;
    return true;
  }

  // `X's final words: "`, `Her message to ministers: "`: tokens [.., p) end with a noun of
  // what someone says after a possessive name and up to two modifiers, right before a colon
  // and a quotation. Sets the cue to the modifiers and the noun ("final words") and the
  // speaker to the possessor; false (and `m` untouched) when the words are not so.
  bool PossessedWords(size_t p, size_t floor, CueMatch* m) const {
    static const auto* const kSayingNouns = new Set{"words", "message", "reply", "response", "answer", "verdict",
                                                    "plea", "warning", "advice", "retort"};
    if (p <= floor + 1 || !IsWord(p - 1) || !kSayingNouns->contains(Lower(p - 1))) return false;
    size_t c = p - 1;
    while (c > floor && p - c <= 3 && IsWord(c - 1) && !tokens_[c - 1].capitalised && !IsPossessive(Lower(c - 1))) --c;
    if (c <= floor || !IsWord(c - 1) || !tokens_[c - 1].capitalised || !IsPossessive(Lower(c - 1))) return false;
    // The possessor: capitalised words (a name, with its title) ending with the possessive.
    size_t b = c - 1;
    while (b > floor && c - b < 4 && IsWord(b - 1) && tokens_[b - 1].capitalised && !InQuote(b - 1)) --b;
    m->speaker = SpeakerPhraseOf(text_, seg_, {b, c});
    m->cue_begin = c;
    m->cue_end = p;
    return true;
  }

  // Before the opening mark at `open`: `X said: "`, `X told Y: "`, `According to X, "`.
  bool AttributionBefore(size_t open, CueMatch* m) const {
    const Sentence& s = SentenceOf(open);
    size_t floor = s.first_token;
    // Not before an earlier quote in the same sentence.
    for (size_t i = open; i > floor; --i) {
      if (tokens_[i - 1].kind == TokenKind::kQuote || InQuote(i - 1)) {
        floor = i;
        break;
      }
    }
    size_t p = open;
    while (p > floor && (Is(p - 1, ":") || Is(p - 1, ",") || Is(p - 1, "\xE2\x80\x94"))) --p;
    const bool colon = p < open && Is(p, ":");
    if (p > floor && IsWord(p - 1) && Lower(p - 1) == "that") --p;
    if (colon && PossessedWords(p, floor, m)) {
      m->last_token = open - 1;
      return true;
    }
    // The last cue in a short window before the quote.
    for (size_t c = p; c > floor && p - c < 10;) {
      --c;
      CueInfo info;
      size_t n = CueAt(c, p + 1, &info);
      if (n == 0) continue;
      if (IsAccordingTo(c)) {
        // "According to X, "..."": X runs to the comma before the quote.
        size_t phrase_end = 0;
        if (!SourceAfterAccordingTo(c + 2, p + 1, &m->speaker, &phrase_end)) return false;
        m->cue_begin = c;
        m->cue_end = c + 2;
        m->last_token = open - 1;
        return true;
      }
      // Between the cue and the quote: only trailing words or an object ("told the Gazette").
      // Before a colon, a listener of a few words of any kind ("tells our reporter: ").
      const bool listener = colon && info.takes_object && p - (c + n) <= 4;
      for (size_t k = c + n; k < p; ++k) {
        if (tokens_[k].kind == TokenKind::kQuote) return false;
        if (listener) {
          if (!IsWord(k) || CueFirstWords().MayContain(Lower(k))) return false;
          continue;
        }
        if (IsWord(k) && !tokens_[k].capitalised && !TrailingWords().contains(Lower(k)) &&
            !RoleWords().contains(Lower(k)) && !RoleModifiers().contains(Lower(k))) {
          return false;
        }
      }
      size_t phrase_begin = 0;
      if (!SubjectBefore(c, floor, &m->speaker, &phrase_begin)) return false;
      m->cue_begin = c;
      m->cue_end = c + n;
      m->last_token = open - 1;
      return true;
    }
    return false;
  }

  // True when nothing but punctuation follows the quote in its sentence.
  bool QuoteEndsSentence(const Quote& q) const {
    if (q.close_token == Quote::kNoToken) return true;
    const Sentence& s = SentenceOf(q.close_token);
    for (size_t k = q.close_token + 1; k < s.end_token; ++k) {
      if (tokens_[k].kind == TokenKind::kWord) return false;
    }
    return true;
  }

  void DirectQuotes(std::vector<Attribution>* out) {
    for (size_t q = 0; q < quotes_.size(); ++q) {
      if (quote_used_[q] || quotes_[q].word_count < 2) continue;
      // A quote continued over paragraphs is one group.
      std::vector<size_t> group = {q};
      while (quotes_[group.back()].continues_in_next_paragraph && group.back() + 1 < quotes_.size()) {
        group.push_back(group.back() + 1);
      }
      const Quote& last = quotes_[group.back()];
      CueMatch m;
      bool found = false;
      if (last.close_token != Quote::kNoToken) found = AttributionAfter(last.close_token, &m);
      if (!found && QuoteEndsSentence(last)) found = AttributionBefore(quotes_[q].open_token, &m);
      if (!found) continue;
      if (found && m.after && m.split_quote == Quote::kNoToken) {
        // `"A," she added. "B."`: a quote that follows the attribution clause at once and
        // has no attribution of its own goes on with the same speaker.
        const size_t next = m.last_token + 1;
        if (next < tokens_.size() && IsTerminalPunct(TokenText(text_, tokens_[m.last_token])) &&
            tokens_[next].paragraph == tokens_[m.last_token].paragraph &&
            IsOpeningQuote(tokens_[next]) && quote_of_token_[next] >= 0) {
          const size_t q2 = static_cast<size_t>(quote_of_token_[next]);
          CueMatch other;
          if (q2 > group.back() && quotes_[q2].open_token == next && !quote_used_[q2] &&
              quotes_[q2].word_count >= 2 && QuoteEndsSentence(quotes_[q2]) &&
              (quotes_[q2].close_token == Quote::kNoToken ||
               !AttributionAfter(quotes_[q2].close_token, &other))) {
            m.split_quote = q2;
          }
        }
      }
      if (m.split_quote != Quote::kNoToken && !quote_used_[m.split_quote]) {
        group.push_back(m.split_quote);
        // The continuing part may itself run over paragraphs.
        while (quotes_[group.back()].continues_in_next_paragraph &&
               group.back() + 1 < quotes_.size()) {
          group.push_back(group.back() + 1);
        }
      }
      Attribution a;
      a.kind = AttributionKind::kDirectQuote;
      a.strong = m.strong || group.size() > 1;
      for (size_t g : group) {
        quote_used_[g] = true;
        if (!quotes_[g].content.empty()) a.content.push_back(quotes_[g].content);
      }
      if (a.content.empty()) continue;
      for (size_t k = m.cue_begin; k < m.cue_end; ++k) cue_used_[k] = true;
      a.cue = {tokens_[m.cue_begin].begin, tokens_[m.cue_end - 1].end};
      a.speaker = m.speaker;
      size_t first = std::min(quotes_[q].open_token, m.speaker.head.begin);
      size_t last_tok = std::max(m.last_token, m.cue_end - 1);
      const Quote& final_quote = quotes_[group.back()];
      if (final_quote.close_token != Quote::kNoToken) {
        last_tok = std::max(last_tok, final_quote.close_token);
      }
      a.first_sentence = tokens_[first].sentence;
      a.end_sentence = tokens_[last_tok].sentence + 1;
      for (size_t s = a.first_sentence; s < a.end_sentence; ++s) {
        // Mark the sentences that carry the cue so indirect search does not reuse them.
        if (s == tokens_[m.cue_begin].sentence) sentence_used_[s] = true;
      }
      out->push_back(std::move(a));
    }
  }

  // --- Indirect speech ------------------------------------------------------------------

  // A word that may stand between a cue and what it closes or introduces: TrailingWords, or
  // the day of a date ("said on 3 June that", "said on June 3rd").
  bool IsTrailing(size_t k) const {
    const absl::string_view w = Lower(k);
    if (TrailingWords().contains(w)) return true;
    // "said in mid-July", "said in early-June".
    for (absl::string_view p : {"mid-", "early-", "late-"}) {
      if (absl::StartsWith(w, p)) return true;
    }
    size_t digits = 0;
    while (digits < w.size() && absl::ascii_isdigit(static_cast<unsigned char>(w[digits]))) ++digits;
    if (digits == 4 && w.size() == 4) return w >= "1900" && w <= "2100";  // "said in 2023"
    if (digits == 0 || digits > 2) return false;
    const absl::string_view rest = w.substr(digits);
    return rest.empty() || rest == "st" || rest == "nd" || rest == "rd" || rest == "th";
  }

  // After a cue, a time phrase and the comma after it ("said on Thursday it was", "said
  // Tuesday the contract"): the first token past them, or `b` when there is none. A time
  // phrase: a date that FindDates reads, starting at `b` or after one preposition.
  size_t SkipTimePhrase(size_t b, size_t ce) const {
    if (b == 0 || b >= ce || !IsWord(b)) return b;
    // From the cue's last word, which FindDates reads too ("said Tuesday").
    const size_t begin = tokens_[b - 1].begin, end = tokens_[ce - 1].end;
    const std::vector<DateMention> dates = FindDates(text_.substr(begin, end - begin), absl::CivilDay(2000, 1, 1));
    size_t d = 0;
    while (d < dates.size() && dates[d].end <= tokens_[b].begin - begin) ++d;  // before b
    if (d == dates.size()) return b;
    const size_t at = begin + dates[d].begin;
    const bool at_start = at == tokens_[b].begin ||
                          (b + 1 < ce && at == tokens_[b + 1].begin &&
                           (Lower(b) == "on" || Lower(b) == "in" || Lower(b) == "at" ||
                            Lower(b) == "during" || Lower(b) == "by" || Lower(b) == "over"));
    if (!at_start) return b;
    size_t k = b;
    while (k < ce && tokens_[k].begin < begin + dates[d].end) ++k;
    // The date must end with a token ("Monday's vote" is about the vote), and not be the
    // subject of what follows ("the end of June was the deadline").
    if (k == b || tokens_[k - 1].end != begin + dates[d].end) return b;
    if (k < ce && Is(k, ",")) return k + 1;
    if (k < ce && IsWord(k) && ThatIsPronounBefore(Lower(k))) return b;
    return k;
  }

  // Skips trailing words ("on Wednesday") after a cue; returns the index after them.
  size_t SkipTrailing(size_t k, size_t limit, bool allow_object) const {
    while (k < limit && IsWord(k) && (IsTrailing(k) || (allow_object && tokens_[k].capitalised))) {
      ++k;
    }
    return k;
  }

  bool ContentOk(size_t b, size_t e) const {
    size_t words = 0;
    for (size_t k = b; k < e; ++k) words += IsWord(k);
    return words >= 3;
  }

  // A wire dateline that opens paragraph `first`'s first sentence ("LONDON, July 9 (Reuters)
  // -", "ALBANY, N.Y. (AP) —", "WASHINGTON --": a city in capitals that opens the paragraph,
  // or a news agency, then a dash within its first 12 tokens, with only capitalised words and
  // numbers before it): the token after the dash; `first` when there is none.
  size_t AfterDateline(size_t first) const {
    if (first >= tokens_.size() || seg_.paragraphs[tokens_[first].paragraph].first_token != first) return first;
    bool dateline = false;
    for (size_t k = first; k < tokens_.size() && k - first < 12 && tokens_[k].sentence == tokens_[first].sentence; ++k) {
      const absl::string_view w = TokenText(text_, tokens_[k]);
      if (tokens_[k].kind != TokenKind::kWord) {
        if (dateline && (w == "-" || w == "--" || IsSigningDash(w))) {
          while (k + 1 < tokens_.size() && (Is(k + 1, "-") || Is(k + 1, "--"))) ++k;  // "--" as two tokens
          return k + 1 < tokens_.size() ? k + 1 : first;
        }
        continue;
      }
      // Only capitalised words and numbers before the dash ("LONDON, July 9 (Reuters)"), not
      // "NHS, already under strain -" or "In 2024, sales fell -".
      if (!tokens_[k].capitalised && !absl::ascii_isdigit(static_cast<unsigned char>(w[0]))) return first;
      // A city in capitals that opens the paragraph ("LONDON,", "WASHINGTON --"), or an agency.
      bool capitals = k == first && w.size() >= 4;
      for (char ch : w) capitals = capitals && absl::ascii_isupper(static_cast<unsigned char>(ch));
      dateline = dateline || capitals || w == "Reuters" || w == "AP" || w == "AFP";
    }
    return first;
  }

  Attribution MakeIndirect(size_t cue_begin, size_t cue_end, const SpeakerPhrase& speaker,
                           std::vector<TokenRange> content, const Sentence& s) {
    Attribution a;
    a.kind = AttributionKind::kIndirect;
    for (TokenRange r : content) {
      if (r.begin == s.first_token) r.begin = std::min(AfterDateline(r.begin), r.end);
      if (r.empty()) continue;
      a.content.push_back({tokens_[r.begin].begin, tokens_[r.end - 1].end});
      for (size_t k = r.begin; k < r.end; ++k) {
        if (InQuote(k)) {
          a.kind = AttributionKind::kMixed;
          quote_used_[quote_of_token_[k]] = true;
        }
      }
    }
    for (size_t k = cue_begin; k < cue_end; ++k) cue_used_[k] = true;
    a.cue = {tokens_[cue_begin].begin, tokens_[cue_end - 1].end};
    a.speaker = speaker;
    a.first_sentence = tokens_[s.first_token].sentence;
    a.end_sentence = a.first_sentence + 1;
    return a;
  }

  // Where the clause that reports the content starts: after a leading adverbial with a
  // comma ("In July 2025, NHS England said ...") the subject starts after that comma.
  // "The court heard that C", "The study, published in the BMJ, found that C", "Figures
  // show C": a record's attribution (Attribution::of_record). A hearing takes "heard" and
  // "that"; a document "found", "shows"... with or without "that". Not a person who found
  // something out ("She found that the door was locked").
  bool TryRecordAt(const Sentence& s, size_t c, size_t n, std::vector<Attribution>* out) {
    const size_t sb = s.first_token;
    const size_t ce = ContentEndToken(s);
    SpeakerPhrase sp;
    size_t phrase_begin = 0;
    record_cue_ = true;
    const bool subject = SubjectBefore(c, sb, &sp, &phrase_begin) && SubjectStartsClause(phrase_begin, sb);
    record_cue_ = false;
    if (!subject || sp.head.empty()) return false;
    size_t last = sp.head.end - 1;
    while (last > sp.head.begin && !IsWord(last)) --last;
    const bool hearing = Lower(c) == "heard";
    if (!RecordNounForCue(Lower(last), hearing)) return false;
    size_t b = c + n;
    const bool has_that = b < ce && IsWord(b) && Lower(b) == "that";
    if (hearing && !has_that) return false;
    if (has_that) ++b;
    if (!ContentOk(b, ce)) return false;
    Attribution a = MakeIndirect(c, c + n, sp, {{b, ce}}, s);
    a.of_record = true;
    out->push_back(std::move(a));
    return true;
  }

  bool TryIndirectAt(const Sentence& s, size_t c, size_t n, const CueInfo& info,
                     std::vector<Attribution>* out) {
    if (info.record_only) return TryRecordAt(s, c, n, out);
    // "The report said that ...", "The review concluded that ...": documents say things too.
    static const auto* const kDocumentCues = new Set{
        "said", "says", "concluded", "concludes", "suggested", "suggests", "warned", "warns",
        "noted", "notes", "stated", "states", "estimated", "estimates", "predicted", "predicts"};
    if (n == 1 && kDocumentCues->contains(Lower(c)) && TryRecordAt(s, c, n, out)) return true;
    const size_t sb = s.first_token;
    const size_t ce = ContentEndToken(s);
    if (ce <= sb) return false;
    // "Stephen Kinnock was asked about the case", "Ministers have been accused of ...": in
    // the passive, the subject is the one asked or accused, not who spoke.
    if (const absl::string_view cw = Lower(c); absl::EndsWith(cw, "ed") || cw == "told") {
      size_t k = c;
      while (k > sb && IsWord(k - 1) && absl::EndsWith(Lower(k - 1), "ly")) --k;  // "was repeatedly asked"
      if (k > sb && IsWord(k - 1)) {
        const absl::string_view be = Lower(k - 1);
        if (be == "was" || be == "were" || be == "been" || be == "being" || be == "is" || be == "are" || be == "be") {
          return false;
        }
      }
    }
    if (IsAccordingTo(c)) {
      SpeakerPhrase sp;
      size_t phrase_end = 0;
      if (c == sb || (c > sb && Is(c - 1, ",") && !ContentOk(sb, c - 1))) {
        // "According to X, CONTENT." (possibly after a short adverbial).
        if (!SourceAfterAccordingTo(c + 2, ce, &sp, &phrase_end)) return false;
        size_t b = phrase_end;
        if (!Is(b, ",")) return false;
        if (const size_t app_end = AppositionEnd(b, ce); app_end != b) {
          sp.apposition = {b + 1, app_end};
          b = app_end;
        }
        ++b;
        if (!ContentOk(b, ce)) return false;
        out->push_back(MakeIndirect(c, c + 2, sp, {{b, ce}}, s));
        return true;
      }
      if (c > sb && Is(c - 1, ",")) {
        // "CONTENT, according to X[, CONTENT]."
        if (!SourceAfterAccordingTo(c + 2, ce, &sp, &phrase_end)) return false;
        std::vector<TokenRange> content = {{sb, c - 1}};
        if (Is(phrase_end, ",") && phrase_end + 1 < ce) {
          // "..., according to X, is ..." continues the content after X.
          content.push_back({phrase_end + 1, ce});
        }
        if (!ContentOk(sb, c - 1)) return false;
        out->push_back(MakeIndirect(c, c + 2, sp, content, s));
        return true;
      }
      return false;
    }
    // The cue closes the sentence: "CONTENT, X said (on Wednesday)."
    const size_t after = SkipTrailing(c + n, ce, info.takes_object);
    // "..., the World Health Organization said on Tuesday, urging countries to ...": a
    // participle clause after the cue closes the sentence too.
    const bool participle_after = after + 1 < ce && Is(after, ",") && IsWord(after + 1) &&
                                  !tokens_[after + 1].capitalised && Lower(after + 1).size() > 5 &&
                                  absl::EndsWith(Lower(after + 1), "ing");
    // "..., brokers said on Wednesday, after two carriers were struck": so does a clause that
    // a conjunction opens (the narrator's, not what was said).
    static const auto* const kClauseOpeners = new Set{"after", "as", "while", "when", "because", "before",
                                                      "amid", "since", "following", "despite", "although",
                                                      "though", "whereas", "until"};
    const bool clause_after = after + 1 < ce && Is(after, ",") && IsWord(after + 1) &&
                              kClauseOpeners->contains(Lower(after + 1));
    if (after >= ce || participle_after || clause_after) {
      SpeakerPhrase sp;
      size_t phrase_begin = 0;
      if (SubjectBefore(c, sb, &sp, &phrase_begin) && phrase_begin > sb &&
          Is(phrase_begin - 1, ",") && ContentOk(sb, phrase_begin - 1)) {
        out->push_back(MakeIndirect(c, c + n, sp, {{sb, phrase_begin - 1}}, s));
        return true;
      }
    }
    // "X said (that) CONTENT", "X told Y (that) CONTENT".
    {
      SpeakerPhrase sp;
      size_t phrase_begin = 0;
      if (SubjectBefore(c, sb, &sp, &phrase_begin) && SubjectStartsClause(phrase_begin, sb)) {
        size_t b = c + n;
        // Look for "that" shortly after the cue, past trailing words or the listener.
        size_t k = b;
        // ("said in its report that": a possessive and its noun after a preposition.)
        auto possessive_det = [&](size_t j) { return IsPossessiveDeterminer(Lower(j)); };
        while (k < ce && k - b < 8 && IsWord(k) && Lower(k) != "that" &&
               (IsTrailing(k) || tokens_[k].capitalised || info.takes_object || possessive_det(k) ||
                (k > b && possessive_det(k - 1)))) {
          ++k;
        }
        const bool has_that = k < ce && IsWord(k) && Lower(k) == "that";
        // "reported" reports speech only with "that": not "Julie Davis reported from Midway".
        if (!has_that && Lower(c) == "reported") return false;
        if (has_that) {
          b = k + 1;
          // "Critics say that is not enough": here "that" is the subject of the content.
          if (b < ce && IsWord(b) && ThatIsPronounBefore(Lower(b))) b = k;
        } else if (info.takes_object && Lower(c) != "urged" && Lower(c) != "urges" &&
                   Lower(c) != "accused" && Lower(c) != "accuses" && Lower(c) != "warned" &&
                   Lower(c) != "warns" && Lower(c) != "asked") {
          // "told the Gazette the plan ..." : skip the listener (a pronoun, a name, "the X").
          size_t o = b;
          if (o < ce && IsWord(o) && Determiners().contains(Lower(o))) ++o;
          const size_t named = o;
          while (o < ce && IsWord(o) && tokens_[o].capitalised) ++o;
          // "told reporters", "told him", "told the court", "told the jury".
          if (o == named && o < ce && IsWord(o)) ++o;
          b = o;
        }
        if (!has_that) {
          // "The ICO said on Thursday it was reviewing ...", "told MPs on Thursday the
          // government had ...": the date is not what was said.
          if (const size_t after = SkipTimePhrase(b, ce); after > b && ContentOk(after, ce)) {
            b = after;
            // "said over the weekend that he would stand down": nor is the "that" after it.
            if (b + 1 < ce && IsWord(b) && Lower(b) == "that" && IsWord(b + 1) && !ThatIsPronounBefore(Lower(b + 1)) &&
                ContentOk(b + 1, ce)) {
              ++b;
            }
          }
        }
        if (Is(b, ":") || Is(b, ",")) return false;  // a quote follows: handled as direct
        if (b < ce && tokens_[b].kind == TokenKind::kQuote) {
          // "X said "..."" where the whole content is quoted: direct, handled above.
          const int q = quote_of_token_[b];
          if (q >= 0 && QuoteCoversTo(q, ce)) return false;
        }
        if (b < ce && IsWord(b) && (Lower(b) == "to" || Lower(b) == "by") &&
            !info.takes_object) {
          return false;  // "is said to be", "was said by"
        }
        if (!ContentOk(b, ce)) return false;
        // "said it was "a well-conducted study" but warned against reading too much into
        // it": a second cue of the same subject, joined by "and" or "but", starts a second
        // attribution.
        const size_t conj = CoordinatedCue(b, ce);
        const size_t first_end = conj < ce && conj > b && Is(conj - 1, ",") ? conj - 1 : conj;  // "sound, but"
        if (conj < ce && ContentOk(b, first_end)) {
          out->push_back(MakeIndirect(c, c + n, sp, {{b, first_end}}, s));
          size_t b2 = conj + 2;
          if (b2 < ce && IsWord(b2) && Lower(b2) == "that") ++b2;
          if (ContentOk(b2, ce)) out->push_back(MakeIndirect(conj + 1, conj + 2, sp, {{b2, ce}}, s));
          return true;
        }
        // "The RCN said A, and a spokeswoman for the Patients Association said B": a second
        // subject with its own cue after ", and" / ", but" starts a second attribution.
        if (const std::optional<SecondSayingAt> second = SecondSaying(b, ce)) {
          // Two subjects, two cues: little doubt (strong).
          out->push_back(MakeIndirect(c, c + n, sp, {{b, second->first_end}}, s));
          out->back().strong = true;
          out->push_back(MakeIndirect(second->cue, second->cue_end, second->speaker, {{second->content, ce}}, s));
          out->back().strong = true;
          return true;
        }
        out->push_back(MakeIndirect(c, c + n, sp, {{b, ce}}, s));
        return true;
      }
    }
    // "CONTENT, said X[, ROLE]."
    if (c > sb && Is(c - 1, ",")) {
      SpeakerPhrase sp;
      size_t phrase_end = 0;
      if (SubjectAfter(c + n, ce, &sp, &phrase_end) && phrase_end >= ce &&
          ContentOk(sb, c - 1)) {
        out->push_back(MakeIndirect(c, c + n, sp, {{sb, c - 1}}, s));
        return true;
      }
    }
    return false;
  }

  // A second saying in the content [b, e) of a first: ", and" / ", but" (outside quotations)
  // and then a subject of its own right before a cue, with content after it ("..., and a
  // spokeswoman for the Patients Association said families were exhausted").
  struct SecondSayingAt {
    size_t first_end = 0;          // the comma: the end of the first content
    size_t cue = 0, cue_end = 0;   // the second cue
    SpeakerPhrase speaker;         // its subject
    size_t content = 0;            // where its content begins (it ends at e)
  };
  std::optional<SecondSayingAt> SecondSaying(size_t b, size_t e) const {
    for (size_t k = b + 2; k + 2 < e; ++k) {
      if (!IsWord(k) || InQuote(k) || !Is(k - 1, ",") || (Lower(k) != "and" && Lower(k) != "but")) continue;
      for (size_t j = k + 2; j < e && j - k <= 10 && !InQuote(j); ++j) {
        if (Is(j, ",") || tokens_[j].kind == TokenKind::kQuote) break;
        CueInfo info;
        const size_t n = CueAt(j, e, &info);
        if (n == 0) continue;
        SecondSayingAt at;
        size_t phrase_begin = 0;
        if (!SubjectBefore(j, k + 1, &at.speaker, &phrase_begin) || phrase_begin != k + 1) break;
        at.content = j + n;
        if (at.content < e && IsWord(at.content) && Lower(at.content) == "that") ++at.content;
        if (!ContentOk(b, k - 1) || !ContentOk(at.content, e)) break;
        at.first_end = k - 1;
        at.cue = j;
        at.cue_end = j + n;
        return at;
      }
    }
    return std::nullopt;
  }

  // The "and"/"but" in [b, e), outside quotations, followed by a verb that only a speaker's
  // own act fits ("warned", "insisted", "urged": not "reported" or "asked", which the
  // content's own subject does as often: "said her son had been bullied and reported it").
  // `e` when there is none.
  size_t CoordinatedCue(size_t b, size_t e) const {
    static const auto* const kSpeakersVerbs = new Set{
        "warned", "urged", "insisted", "added", "told", "accused", "demanded", "argued", "stressed",
        "acknowledged", "conceded", "vowed", "pledged", "cautioned", "maintained", "reiterated"};
    for (size_t k = b + 1; k + 1 < e; ++k) {
      if (!IsWord(k) || InQuote(k) || (Lower(k) != "and" && Lower(k) != "but") || !IsWord(k + 1)) continue;
      if (kSpeakersVerbs->contains(Lower(k + 1))) return k;
    }
    return e;
  }

  static bool ThatIsPronounBefore(absl::string_view w) {
    return w == "is" || w == "was" || w == "are" || w == "were" || w == "will" ||
           w == "would" || w == "has" || w == "had" || w == "could" || w == "should" ||
           w == "may" || w == "might" || w == "can" || w == "does" || w == "did" ||
           w == "seems" || w == "isn't" || w == "wasn't" || w == "won't";
  }

  bool QuoteCoversTo(int q, size_t ce) const {
    const Quote& quote = quotes_[q];
    if (quote.close_token == Quote::kNoToken) return true;
    return quote.close_token + 1 >= ce;
  }

  // The subject of "X said C" starts the sentence, or follows a leading adverbial and a
  // comma, a conjunction, or a colon/semicolon/dash.
  bool SubjectStartsClause(size_t phrase_begin, size_t sb) const {
    if (phrase_begin == sb) return true;
    const size_t p = phrase_begin - 1;
    if (Is(p, ",") || Is(p, ";") || Is(p, ":") || Is(p, ")")) return true;
    // A dash: "WASHINGTON -- President Obama said", "... – and the trust said".
    if (tokens_[p].kind != TokenKind::kWord && IsSigningDash(TokenText(text_, tokens_[p]))) return true;
    if (IsWord(p)) {
      const absl::string_view w = Lower(p);
      return w == "and" || w == "but" || w == "while" || w == "as" || w == "because" ||
             w == "although" || w == "though" || w == "when" || w == "yet" || w == "so";
    }
    return false;
  }

  // `Palantir: NHS data never leaves the platform`: a paragraph of one sentence that opens
  // with a capitalised speaker phrase (at most six tokens) and a colon, and says at least
  // three words after it.
  void Headlines(std::vector<Attribution>* out) {
    for (size_t si = 0; si < seg_.sentences.size(); ++si) {
      const Sentence& s = seg_.sentences[si];
      if (sentence_used_[si]) continue;
      const auto& para = seg_.paragraphs[s.paragraph];
      if (para.first_token != s.first_token || para.end_token != s.end_token) continue;
      const size_t sb = s.first_token;
      size_t colon = sb;
      while (colon < s.end_token && colon - sb <= 6 && !Is(colon, ":")) ++colon;
      if (colon == sb || colon >= s.end_token || !Is(colon, ":") || colon - sb > 6) continue;
      // "UNISON STATEMENT: ...", "Sketch: ...": a label, first or last, is no speaker.
      if (!IsWord(sb) || !tokens_[sb].capitalised || IsHeadlineLabel(Lower(sb)) ||
          (IsWord(colon - 1) && IsHeadlineLabel(Lower(colon - 1)))) {
        continue;
      }
      if (InQuote(sb) || !NamesOrRoles(sb, colon)) continue;
      SpeakerPhrase sp;
      size_t phrase_begin = 0;
      if (!SubjectBefore(colon, sb, &sp, &phrase_begin) || phrase_begin != sb ||
          !sp.apposition.empty()) {
        continue;
      }
      const size_t ce = ContentEndToken(s);
      if (!ContentOk(colon + 1, ce)) continue;
      Attribution a = MakeIndirect(colon, colon + 1, sp, {{colon + 1, ce}}, s);
      // A quoted headline (`Trump: ‘I’m the worst thing …’`) is a direct quote.
      if (tokens_[colon + 1].kind == TokenKind::kQuote && quote_of_token_[colon + 1] >= 0 &&
          QuoteCoversTo(quote_of_token_[colon + 1], ce)) {
        a.kind = AttributionKind::kDirectQuote;
      }
      a.strong = true;
      sentence_used_[si] = true;
      out->push_back(std::move(a));
    }
  }

  // The rest of a paragraph after a speaker label `tokens_[b, colon)` and its colon, up to
  // the paragraph's end (without closing quotation marks and final punctuation), as that
  // speaker's verbatim words: a strong direct quote. Nothing when fewer than three words
  // follow.
  void AddVerbatimParagraph(const Paragraph& para, size_t b, size_t colon, std::vector<Attribution>* out) {
    size_t e = para.end_token;
    while (e > colon + 1 && (tokens_[e - 1].kind == TokenKind::kQuote ||
                             IsTerminalPunct(TokenText(text_, tokens_[e - 1])))) {
      --e;
    }
    if (!ContentOk(colon + 1, e)) return;
    // ("Dr Vin Diwakar, NHS England's national director: ...": a name and its apposition.)
    const SpeakerPhrase sp = SpeakerPhraseOf(text_, seg_, {b, colon});
    Attribution a = MakeIndirect(colon, colon + 1, sp, {{colon + 1, e}}, SentenceOf(colon));
    a.kind = AttributionKind::kDirectQuote;
    a.end_sentence = tokens_[e - 1].sentence + 1;
    a.strong = true;
    sentence_used_[tokens_[colon].sentence] = true;
    out->push_back(std::move(a));
  }

  // Transcripts: `PENCE: Well, look, ...` or `"WALLACE: Let's start ...` (the whole
  // paragraph, opening quotation mark or not): a speaker in capitals (at most three words)
  // and a colon open the paragraph; the rest of it is what they said.
  void TranscriptLines(std::vector<Attribution>* out) {
    for (const Paragraph& para : seg_.paragraphs) {
      size_t b = para.first_token;
      if (b < para.end_token && tokens_[b].quote == QuoteRole::kDoubleOpen) ++b;
      size_t colon = b;
      while (colon < para.end_token && colon - b < 3 && IsWord(colon) && IsAllCapitals(colon)) ++colon;
      if (colon == b || colon >= para.end_token || !Is(colon, ":")) continue;
      if (IsHeadlineLabel(Lower(b)) || IsHeadlineLabel(Lower(colon - 1)) ||  // "UNISON STATEMENT:"
          sentence_used_[tokens_[colon].sentence]) {
        continue;
      }
      AddVerbatimParagraph(para, b, colon, out);
    }
  }

  // Interviews printed as questions and answers: `Q: Will patients be able to opt out?` then
  // `A: Yes, every patient can ...`. An answer paragraph is the interviewee's verbatim words
  // (SpeakerPhrase::interviewee_before: the person named last before the first question);
  // the questions are the interviewer's, and no claims.
  //
  // Questions are labelled "Q", "Question" or "Interviewer"; answers "A" or "Answer", or,
  // once the interview has begun, with the interviewee's name ("Mosley: ...", "Louis Mosley:
  // ...": capitalised words, at most four, and a colon), read as any speaker phrase.
  // A transcript's interviewer may be labelled by name ("Guardian: Will you bid?"): see
  // InterviewQuestions.
  void QuestionAndAnswerLines(std::vector<Attribution>* out) {
    const std::vector<ByteSpan> questions = InterviewQuestions(text_, seg_);  // in text order
    size_t next_question = 0;
    size_t first_question = 0;  // byte offset of the first question; 0 before it
    for (const Paragraph& para : seg_.paragraphs) {
      const size_t b = para.first_token;
      if (b >= para.end_token) continue;
      while (next_question < questions.size() && questions[next_question].begin < tokens_[b].begin) ++next_question;
      if (next_question < questions.size() && questions[next_question].begin == tokens_[b].begin) {
        if (first_question == 0) first_question = std::max<size_t>(tokens_[b].begin, 1);
        continue;
      }
      size_t colon = b;
      while (colon < para.end_token && colon - b < 5 && IsWord(colon) && tokens_[colon].capitalised) ++colon;
      // "Dr Vin Diwakar, NHS England's national director of transformation: ...": a name and
      // its role before the colon (words only, at most 12).
      if (colon > b + 1 && colon < para.end_token && Is(colon, ",")) {
        size_t k = colon + 1;
        while (k < para.end_token && k - colon <= 12 && (IsWord(k) || PossessiveMark(k)) && !InQuote(k)) ++k;
        if (k > colon + 1 && k < para.end_token && Is(k, ":")) colon = k;
      }
      if (colon == b || colon + 1 >= para.end_token || !Is(colon, ":")) continue;
      const absl::string_view label = Lower(b);
      if (first_question == 0 || sentence_used_[tokens_[colon].sentence]) continue;
      const bool answer = colon == b + 1 && IsAnswerLabel(label);
      if (!answer && (IsHeadlineLabel(label) || IsHeadlineLabel(Lower(colon - 1)))) continue;
      const size_t before = out->size();
      AddVerbatimParagraph(para, b, colon, out);
      if (answer && out->size() > before) out->back().speaker.interviewee_before = first_question;
    }
  }

  // The ")" that closes the "(" at `open`, within `max_tokens` tokens before `limit`; 0 when
  // there is none.
  size_t ClosingBracket(size_t open, size_t limit, size_t max_tokens) const {
    size_t close = open + 1;
    while (close < limit && close - open < max_tokens && !Is(close, ")")) ++close;
    return close < limit && Is(close, ")") ? close : 0;
  }

  // Parliamentary reports (Hansard): `Wes Streeting (Ilford North) (Lab): The platform ...`
  // and `The Secretary of State for Health and Social Care (Wes Streeting): I can ...`. A
  // paragraph opens with capitalised words (lower-case "of", "for", "and", "the" allowed),
  // one or two parenthesised groups and a colon; the rest of it is what was said, verbatim.
  // The whole label, brackets included, is the speaker phrase: SpeakerResolver reads the
  // party, or the name after an office, in them.
  void ParliamentLines(std::vector<Attribution>* out) {
    for (const Paragraph& para : seg_.paragraphs) {
      const size_t b = para.first_token;
      size_t open = b;
      while (open < para.end_token && open - b < 14 && IsWord(open) &&
             (tokens_[open].capitalised || Lower(open) == "of" || Lower(open) == "for" ||
              Lower(open) == "and" || Lower(open) == "the")) {
        ++open;
      }
      if (open == b || open >= para.end_token || !Is(open, "(") || !tokens_[b].capitalised) continue;
      // One or two groups, then the colon.
      const size_t close = ClosingBracket(open, para.end_token, 10);
      if (close == 0 || close == open + 1) continue;
      size_t colon = close + 1;
      if (colon < para.end_token && Is(colon, "(")) {
        const size_t second = ClosingBracket(colon, para.end_token, 6);
        if (second == 0) continue;
        colon = second + 1;
      }
      if (colon >= para.end_token || !Is(colon, ":") || sentence_used_[tokens_[colon].sentence]) continue;
      AddVerbatimParagraph(para, b, colon, out);
    }
  }

  // A word of two or more letters, all of them capitals ("PENCE", "O'REILLY").
  bool IsAllCapitals(size_t i) const {
    size_t letters = 0;
    for (char c : TokenText(text_, tokens_[i])) {
      if (absl::ascii_islower(static_cast<unsigned char>(c))) return false;
      letters += absl::ascii_isupper(static_cast<unsigned char>(c)) ? 1 : 0;
    }
    return letters >= 2;
  }

  void IndirectSpeech(std::vector<Attribution>* out) {
    for (size_t si = 0; si < seg_.sentences.size(); ++si) {
      if (sentence_used_[si]) continue;
      const Sentence& s = seg_.sentences[si];
      for (size_t i = s.first_token; i < s.end_token; ++i) {
        CueInfo info;
        const size_t n = CueAt(i, s.end_token, &info);
        if (n == 0) continue;
        if (TryIndirectAt(s, i, n, info, out)) break;
      }
    }
  }

  absl::string_view text_;
  const Segmentation& seg_;
  const std::vector<Token>& tokens_;
  bool record_cue_ = false;  // within TryRecordAt: a record may be the subject
  std::vector<Quote> quotes_;
  std::vector<int> quote_of_token_;
  std::vector<bool> cue_used_;
  std::vector<bool> quote_used_;
  std::vector<bool> sentence_used_;
};

bool IsSpaceByte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Content of text[b, e) trimmed of white space (ASCII and no-break) and a trailing comma.
ByteSpan TrimContent(absl::string_view text, size_t b, size_t e) {
  auto trim = [&] {
    while (b < e && IsSpaceByte(text[b])) ++b;
    while (b + 1 < e && static_cast<unsigned char>(text[b]) == 0xC2 &&
           static_cast<unsigned char>(text[b + 1]) == 0xA0) {
      b += 2;
    }
    while (e > b && IsSpaceByte(text[e - 1])) --e;
  };
  trim();
  if (e > b && text[e - 1] == ',') --e;
  trim();
  return {b, e};
}

}  // namespace

bool IsRoleWord(absl::string_view lower) { return RoleWords().contains(lower); }
bool IsOrgHeadNoun(absl::string_view lower) { return OrgHeadNouns().contains(lower); }
bool IsDocumentNoun(absl::string_view w) {
  return w == "report" || w == "study" || w == "survey" || w == "data" || w == "figures" || w == "platform" ||
         w == "network" || w == "statement" || w == "document" || w == "documents" || w == "website" ||
         w == "post" || w == "blog" || w == "email" || w == "letter" || w == "filing";
}
bool IsRoleModifier(absl::string_view lower) {
  return RoleModifiers().contains(lower);
}
bool IsPronoun(absl::string_view lower) { return Pronouns().contains(lower); }
bool IsNameParticle(absl::string_view lower) {
  static const auto* s = new WordSet{"de", "van", "von", "der", "den", "da", "di", "du", "del", "ap", "ab",
                                     "della", "dos", "das", "bin", "ibn", "al", "ter", "ten", "la", "le"};
  return s->contains(lower);
}
bool IsRelationNoun(absl::string_view lower) {
  static const auto* s = new WordSet{
      "friend", "friends", "aide", "aides", "adviser", "advisers", "advisor", "advisors",
      "lawyer", "lawyers", "attorney", "attorneys", "son", "daughter", "wife", "husband",
      "brother", "sister", "mother", "father", "ally", "allies", "associate", "associates",
      "confidant", "confidante", "colleague", "colleagues", "staffer", "staffers",
      "assistant", "biographer", "relative", "relatives", "cousin", "niece", "nephew",
      "supporter", "supporters", "critic", "critics", "neighbour", "neighbor", "widow",
      "fiancee", "partner", "doctor", "physician", "surrogate", "surrogates"};
  return s->contains(lower);
}
bool IsPersonEpithet(absl::string_view lower) {
  static const auto* s = new WordSet{
      "republican", "democrat", "conservative", "tory", "progressive", "populist", "liberal",
      "midfielder", "striker", "defender", "goalkeeper", "winger", "forward", "batter", "batsman",
      "bowler", "quarterback", "pitcher", "player", "star", "veteran", "rookie", "champion",
      "billionaire", "entrepreneur", "tycoon", "businessman", "businesswoman", "singer",
      "musician", "rapper", "actor", "actress", "novelist", "comedian", "broadcaster",
      "presenter", "journalist", "academic", "scientist", "teenager", "pensioner", "nominee",
      "candidate", "incumbent", "frontrunner", "front-runner", "challenger", "newcomer",
      "whistleblower", "activist", "campaigner",
      "youngster", "lawmaker", "legislator", "politician", "senator", "congressman",
      "congresswoman", "chairman", "chairwoman", "spaniard", "frenchman", "frenchwoman",
      "dutchman", "welshman", "welshwoman", "irishman", "irishwoman", "scotsman", "scotswoman",
      "englishman", "englishwoman", "swede", "dane", "scot", "argentine", "kiwi", "aussie"};
  return s->contains(lower) || absl::EndsWith(lower, "-year-old");
}

absl::string_view WithoutPossessive(absl::string_view w) {
  if (absl::EndsWith(w, "'s")) return w.substr(0, w.size() - 2);
  if (absl::EndsWith(w, "\xE2\x80\x99s")) return w.substr(0, w.size() - 4);
  return w;
}

bool IsPossessive(absl::string_view w) { return WithoutPossessive(w).size() < w.size(); }

bool IsCueWord(absl::string_view lower) { return Cues().contains(lower); }

bool IsPossessiveDeterminer(absl::string_view lower) {
  return lower == "his" || lower == "her" || lower == "its" || lower == "their" || lower == "our" ||
         lower == "my" || lower == "your";
}

bool IsRecordNoun(absl::string_view lower) {
  bool hearing = false;
  return RecordNoun(lower, &hearing);
}

bool IsPossessiveApostrophe(absl::string_view text, const Segmentation& seg, size_t i) {
  const std::vector<Token>& tokens = seg.tokens;
  return i > 0 && i + 1 < tokens.size() && tokens[i].kind == TokenKind::kQuote &&
         tokens[i].quote == QuoteRole::kSingleClose && tokens[i].begin == tokens[i - 1].end &&
         tokens[i - 1].kind == TokenKind::kWord && absl::EndsWith(LowerTokenText(seg, tokens[i - 1]), "s") &&
         tokens[i + 1].begin > tokens[i].end && tokens[i + 1].kind == TokenKind::kWord;
}

bool IsAcronym(absl::string_view word) {
  if (word.size() < 2) return false;
  for (char c : word) {
    if (!absl::ascii_isupper(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool IsDayOrMonth(absl::string_view lower) {
  static const auto* s = new Set{"monday", "tuesday", "wednesday", "thursday", "friday",
                                 "saturday", "sunday", "january", "february", "march",
                                 "april", "may", "june", "july", "august", "september",
                                 "october", "november", "december"};
  return s->contains(lower);
}

SpeakerPhrase SpeakerPhraseOf(absl::string_view text, const Segmentation& seg, TokenRange words) {
  // Not the clause's words around the source: "as opposition MSPs", "Ms Collins will",
  // "House Democrats on Tuesday".
  static const auto* const kBefore = new Set{"as", "while", "when", "after", "before", "but", "and", "so",
                                             "because", "if", "although", "though", "since", "until", "whereas"};
  static const auto* const kAfter = new Set{"will", "would", "has", "have", "had", "is", "was", "were", "are",
                                            "also", "did", "does", "do", "could", "should", "can", "may",
                                            "might", "must", "shall", "yesterday", "today", "tonight"};
  auto word = [&](size_t k) {
    return k < seg.tokens.size() && seg.tokens[k].kind == TokenKind::kWord ? LowerTokenText(seg, seg.tokens[k])
                                                                           : absl::string_view();
  };
  while (words.end - words.begin > 1 && kBefore->contains(word(words.begin)) &&
         !seg.tokens[words.begin].capitalised) {
    ++words.begin;
  }
  while (words.end - words.begin > 1 && words.end <= seg.tokens.size()) {
    const absl::string_view w = word(words.end - 1);
    if (kAfter->contains(w) && !seg.tokens[words.end - 1].capitalised) {  // ("USA Today", "Theresa May")
      --words.end;
    } else if (IsDayOrMonth(w) && absl::EndsWith(w, "day") && words.end - words.begin > 3 &&
               (word(words.end - 2) == "on" || word(words.end - 2) == "last" || word(words.end - 2) == "this") &&
               !(w == "sunday" && seg.tokens[words.end - 3].capitalised)) {
      // "on Tuesday", "last Tuesday" after the name (not a name's own weekday: "Ruby Tuesday",
      // "The Mail on Sunday", "Wales on Sunday").
      words.end -= 2;
    } else {
      break;
    }
  }
  // "So I understand why NHS England", "Hansard records that Lord Kamall": the source is the
  // name the writer's clause introduces.
  static const auto* const kIntroducing = new Set{
      "understand", "understands", "know", "knows", "think", "thinks", "believe", "believes", "see", "sees",
      "records", "recorded", "reports", "reported", "notes", "noted", "explains", "explained", "shows", "showed",
      "suggests", "means", "wonder", "wonders", "ask", "asks"};
  // (Not in a relative clause: "Anyone who knows how Westminster works", "People who
  // understand why Labour lost".)
  bool relative = false;
  for (size_t k = words.begin + 1; k + 2 < words.end && k + 1 < seg.tokens.size(); ++k) {
    const absl::string_view w = word(k);
    relative = relative || w == "who" || w == "which" || w == "whom";
    if ((w == "that" || w == "why" || w == "how" || w == "whether") && kIntroducing->contains(word(k - 1)) &&
        seg.tokens[k + 1].capitalised && !relative) {
      words.begin = k + 1;
      break;
    }
  }
  // "One, retired nurse Joan Hill,": the one is the apposition.
  if (words.end - words.begin >= 3 && word(words.begin) == "one" && words.begin + 1 < seg.tokens.size() &&
      IsPunct(text, seg.tokens[words.begin + 1], ",")) {
    words.begin += 2;
    if (words.end > words.begin && IsPunct(text, seg.tokens[words.end - 1], ",")) --words.end;
  }
  size_t comma = words.end;
  int depth = 0;
  for (size_t i = words.begin; i < words.end && i < seg.tokens.size(); ++i) {
    const Token& tok = seg.tokens[i];
    if (tok.end != tok.begin + 1) continue;
    const char c = text[tok.begin];
    depth += c == '(' ? 1 : (c == ')' && depth > 0 ? -1 : 0);
    if (c == ',' && depth == 0) {
      comma = i;
      break;
    }
  }
  SpeakerPhrase phrase;
  phrase.head = {words.begin, comma};
  if (comma + 1 < words.end) phrase.apposition = {comma + 1, words.end};
  return phrase;
}

std::vector<ByteSpan> InterviewQuestions(absl::string_view text, const Segmentation& seg) {
  std::vector<ByteSpan> out;
  // Turns of a transcript ("Guardian: Will you bid?", "Mosley: We will look at it."): the
  // label (one to three capitalised words before a colon that opens the paragraph), whether
  // the turn is a question, and its bytes.
  struct Turn {
    std::string label;
    bool question = false;
    ByteSpan bytes;
  };
  std::vector<Turn> turns;
  for (const Paragraph& para : seg.paragraphs) {
    const size_t b = para.first_token;
    if (b + 1 >= para.end_token || seg.tokens[b].kind != TokenKind::kWord) continue;
    const ByteSpan bytes{seg.tokens[b].begin, seg.tokens[para.end_token - 1].end};
    if (IsPunct(text, seg.tokens[b + 1], ":") && IsQuestionLabel(LowerTokenText(seg, seg.tokens[b]))) {
      out.push_back(bytes);
      continue;
    }
    size_t colon = b;
    while (colon < para.end_token && colon - b < 3 && seg.tokens[colon].kind == TokenKind::kWord &&
           seg.tokens[colon].capitalised) {
      ++colon;
    }
    if (colon == b || colon + 1 >= para.end_token || !IsPunct(text, seg.tokens[colon], ":")) continue;
    const size_t last = para.end_token - 1;
    turns.push_back({absl::AsciiStrToLower(text.substr(seg.tokens[b].begin, seg.tokens[colon].begin - seg.tokens[b].begin)),
                     IsPunct(text, seg.tokens[last], "?") ||
                         (last > b && seg.tokens[last].kind == TokenKind::kQuote && IsPunct(text, seg.tokens[last - 1], "?")),
                     bytes});
  }
  // The interviewer is the label whose every turn is a question, when another label answers.
  absl::flat_hash_map<std::string, bool> only_questions;
  for (const Turn& t : turns) {
    auto [it, inserted] = only_questions.try_emplace(t.label, t.question);
    if (!inserted) it->second = it->second && t.question;
  }
  bool answered = false;
  for (const auto& [label, questions] : only_questions) answered = answered || !questions;
  if (answered) {
    for (const Turn& t : turns) {
      if (only_questions[t.label]) out.push_back(t.bytes);
    }
    std::sort(out.begin(), out.end(), [](const ByteSpan& x, const ByteSpan& y) { return x.begin < y.begin; });
  }
  return out;
}

std::vector<Quote> FindQuotes(absl::string_view text, const Segmentation& seg) {
  std::vector<Quote> quotes;
  const std::vector<Token>& tokens = seg.tokens;
  auto emit = [&](size_t open, size_t close, size_t content_end) {
    Quote q;
    q.open_token = open;
    q.close_token = close;
    q.content = TrimContent(text, tokens[open].end, content_end);
    for (size_t k = open + 1; k < (close == Quote::kNoToken ? tokens.size() : close); ++k) {
      if (tokens[k].begin >= content_end) break;
      q.word_count += tokens[k].kind == TokenKind::kWord;
    }
    quotes.push_back(q);
  };
  for (size_t p = 0; p < seg.paragraphs.size(); ++p) {
    const Paragraph& para = seg.paragraphs[p];
    size_t open = Quote::kNoToken;
    size_t single_open = Quote::kNoToken;
    for (size_t i = para.first_token; i < para.end_token; ++i) {
      const Token& t = tokens[i];
      if (t.kind != TokenKind::kQuote) continue;
      const bool straight = text[t.begin] == '"' || text[t.begin] == '\'';
      switch (t.quote) {
        case QuoteRole::kDoubleOpen:
          if (open == Quote::kNoToken) {
            open = i;
            single_open = Quote::kNoToken;
          } else if (straight) {
            emit(open, i, t.begin);
            open = Quote::kNoToken;
          } else {
            open = i;  // a stray opener: start again
          }
          break;
        case QuoteRole::kDoubleClose:
          if (open != Quote::kNoToken) {
            emit(open, i, t.begin);
            open = Quote::kNoToken;
          } else if (straight && i + 1 < para.end_token && tokens[i + 1].begin == t.end &&
                     tokens[i + 1].kind == TokenKind::kWord) {
            open = i;  // `said:"We` — glued to the next word, so it opens
          }
          break;
        case QuoteRole::kSingleOpen:
          if (open == Quote::kNoToken && single_open == Quote::kNoToken &&
              i + 1 < para.end_token && tokens[i + 1].begin == t.end) {
            single_open = i;
          }
          break;
        case QuoteRole::kSingleClose:
          if (open == Quote::kNoToken && single_open != Quote::kNoToken) {
            emit(single_open, i, t.begin);
            single_open = Quote::kNoToken;
          }
          break;
        case QuoteRole::kNone:
          break;
      }
    }
    if (open != Quote::kNoToken) {
      emit(open, Quote::kNoToken, para.end);
      if (p + 1 < seg.paragraphs.size()) {
        const Token& first = tokens[seg.paragraphs[p + 1].first_token];
        quotes.back().continues_in_next_paragraph = first.quote == QuoteRole::kDoubleOpen;
      }
    }
  }
  return quotes;
}

AttributionKind ContentKind(absl::string_view text, const std::vector<ByteSpan>& content) {
  bool whole_quote = !content.empty(), any_quote = false;
  for (const ByteSpan& c : content) {
    const size_t open = c.empty() ? 0 : DoubleQuoteMarkAt(text, c.begin);
    const size_t close = c.empty() ? 0 : DoubleQuoteMarkBefore(text, c.end);
    whole_quote = whole_quote && open > 0 && close > 0 && c.end - c.begin > open + close;
    for (size_t pos = c.begin; pos < c.end && !any_quote; ++pos) {
      any_quote = DoubleQuoteMarkAt(text, pos) > 0;
    }
  }
  return whole_quote ? AttributionKind::kDirectQuote
         : any_quote ? AttributionKind::kMixed
                     : AttributionKind::kIndirect;
}

std::vector<Attribution> FindAttributions(absl::string_view text, const Segmentation& seg) {
  return Finder(text, seg).Run();
}

}  // namespace claims::extract
