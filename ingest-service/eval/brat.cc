#include "ingest-service/eval/brat.h"

#include <algorithm>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace claims::eval {
namespace {

struct TextBound {
  std::string type;
  std::vector<CharSpan> spans;
};

absl::Status LineError(int line, absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat("annotation line ", line, ": ", what));
}

}  // namespace

absl::StatusOr<std::vector<Attribution>> ParseBratAttributions(absl::string_view ann) {
  absl::flat_hash_map<std::string, TextBound> bounds;
  std::vector<std::pair<int, std::string>> events;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(ann, '\n')) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    const std::vector<absl::string_view> fields = absl::StrSplit(line, absl::MaxSplits('\t', 2));
    // The annotated text (third field) may itself contain line breaks: a line that does not
    // start with an annotation id and a tab continues the previous one.
    const bool has_id = fields.size() >= 2 && !fields[0].empty() &&
                        absl::ascii_isupper(static_cast<unsigned char>(fields[0][0])) &&
                        std::all_of(fields[0].begin() + 1, fields[0].end(),
                                    [](char c) { return absl::ascii_isdigit(static_cast<unsigned char>(c)); });
    if (!has_id) continue;
    const absl::string_view id = fields[0];
    if (absl::StartsWith(id, "T")) {
      // "<Type> <start> <end>[;<start> <end>]..."
      const size_t space = fields[1].find(' ');
      if (space == absl::string_view::npos) return LineError(line_number, "text-bound without offsets");
      TextBound bound;
      bound.type = std::string(fields[1].substr(0, space));
      for (absl::string_view fragment : absl::StrSplit(fields[1].substr(space + 1), ';')) {
        const std::vector<absl::string_view> offsets = absl::StrSplit(fragment, ' ', absl::SkipEmpty());
        CharSpan span;
        if (offsets.size() != 2 || !absl::SimpleAtoi(offsets[0], &span.start) ||
            !absl::SimpleAtoi(offsets[1], &span.end) || span.start < 0 || span.end < span.start) {
          return LineError(line_number, absl::StrCat("bad offsets '", fragment, "'"));
        }
        bound.spans.push_back(span);
      }
      bounds[std::string(id)] = std::move(bound);
    } else if (absl::StartsWith(id, "E")) {
      events.emplace_back(line_number, std::string(fields[1]));
    }
  }
  std::vector<Attribution> out;
  for (const auto& [line, args] : events) {
    Attribution a;
    for (absl::string_view arg : absl::StrSplit(args, ' ', absl::SkipEmpty())) {
      const size_t colon = arg.find(':');
      if (colon == absl::string_view::npos) return LineError(line, absl::StrCat("bad argument '", arg, "'"));
      const absl::string_view role = arg.substr(0, colon);
      const auto it = bounds.find(arg.substr(colon + 1));
      if (it == bounds.end()) return LineError(line, absl::StrCat("unknown annotation '", arg.substr(colon + 1), "'"));
      // Roles may carry a number when repeated ("Content2").
      std::vector<CharSpan>* target = nullptr;
      if (absl::StartsWith(role, "Cue")) target = &a.cue;
      if (absl::StartsWith(role, "Source")) target = &a.source;
      if (absl::StartsWith(role, "Content")) target = &a.content;
      if (target != nullptr) target->insert(target->end(), it->second.spans.begin(), it->second.spans.end());
    }
    for (auto* spans : {&a.cue, &a.source, &a.content}) std::sort(spans->begin(), spans->end());
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace claims::eval
