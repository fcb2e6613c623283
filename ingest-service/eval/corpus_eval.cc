#include "ingest-service/eval/corpus_eval.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/file_util.h"
#include "common/status_macros.h"

namespace claims::eval {
namespace {

namespace fs = std::filesystem;

std::vector<CharSpan> ToSpans(const google::protobuf::RepeatedPtrField<claims::v1::Span>& spans) {
  std::vector<CharSpan> out;
  for (const auto& s : spans) out.push_back({s.start(), s.end()});
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

std::vector<Attribution> ToAttributions(const std::vector<claims::v1::Claim>& claims) {
  std::vector<Attribution> out;
  for (const auto& c : claims) {
    Attribution a;
    if (c.has_cue_span() && c.cue_span().end() > c.cue_span().start()) {
      a.cue.push_back({c.cue_span().start(), c.cue_span().end()});
    }
    if (c.speaker().has_span() && c.speaker().span().end() > c.speaker().span().start()) {
      a.source.push_back({c.speaker().span().start(), c.speaker().span().end()});
    }
    a.content = ToSpans(c.content_spans());
    out.push_back(std::move(a));
  }
  return out;
}

namespace {

// The files of one split: DIR/data/SPLIT (or DIR/SPLIT) text/*.txt and attributions/*.ann,
// each in name order. NOT_FOUND when the folders do not exist.
struct SplitFiles {
  std::vector<fs::path> texts;
  std::vector<fs::path> annotations;
};

absl::StatusOr<SplitFiles> ListSplit(const std::string& corpus_dir, const std::string& split_name) {
  fs::path split = fs::path(corpus_dir) / "data" / split_name;
  if (!fs::is_directory(split / "text")) split = fs::path(corpus_dir) / split_name;
  if (!fs::is_directory(split / "text") || !fs::is_directory(split / "attributions")) {
    return absl::NotFoundError(absl::StrCat("no ", split_name, "/text and ", split_name,
                                            "/attributions folders under ", corpus_dir));
  }
  std::vector<fs::path> texts, annotations;
  for (const auto& e : fs::directory_iterator(split / "text")) {
    if (e.path().extension() == ".txt") texts.push_back(e.path());
  }
  for (const auto& e : fs::directory_iterator(split / "attributions")) {
    if (e.path().extension() == ".ann") annotations.push_back(e.path());
  }
  std::sort(texts.begin(), texts.end());
  std::sort(annotations.begin(), annotations.end());
  return SplitFiles{std::move(texts), std::move(annotations)};
}

}  // namespace

absl::StatusOr<std::vector<AnnotatedDocument>> ReadAnnotatedSplit(const std::string& corpus_dir,
                                                                  const std::string& split_name,
                                                                  int max_documents) {
  CLAIMS_ASSIGN_OR_RETURN(const SplitFiles files, ListSplit(corpus_dir, split_name));
  const std::vector<fs::path>& texts = files.texts;
  const std::vector<fs::path>& annotations = files.annotations;
  std::vector<AnnotatedDocument> out;
  for (const auto& text_path : texts) {
    if (max_documents > 0 && static_cast<int>(out.size()) >= max_documents) break;
    // NAME.txt is annotated in NAME_<annotator>.ann; the first such file is the gold.
    const std::string prefix = text_path.stem().string() + "_";
    const auto ann = std::find_if(annotations.begin(), annotations.end(), [&](const fs::path& p) {
      return absl::StartsWith(p.filename().string(), prefix);
    });
    if (ann == annotations.end()) continue;
    AnnotatedDocument doc;
    doc.name = text_path.stem().string();
    CLAIMS_ASSIGN_OR_RETURN(doc.text, ReadFileToString(text_path.string(), "article"));
    CLAIMS_ASSIGN_OR_RETURN(std::string ann_text, ReadFileToString(ann->string(), "annotations"));
    auto gold = ParseBratAttributions(ann_text);
    if (!gold.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(ann->string(), ": ", gold.status().message()));
    }
    doc.gold = *std::move(gold);
    out.push_back(std::move(doc));
  }
  return out;
}

absl::StatusOr<Scores> EvaluateAgreement(const std::string& corpus_dir, const std::string& split_name) {
  CLAIMS_ASSIGN_OR_RETURN(const SplitFiles files, ListSplit(corpus_dir, split_name));
  const std::vector<fs::path>& texts = files.texts;
  const std::vector<fs::path>& annotations = files.annotations;
  CitronEvaluator evaluator;
  for (const auto& text_path : texts) {
    const std::string prefix = text_path.stem().string() + "_";
    std::vector<std::vector<Attribution>> versions;
    for (const fs::path& ann : annotations) {
      if (!absl::StartsWith(ann.filename().string(), prefix)) continue;
      CLAIMS_ASSIGN_OR_RETURN(std::string ann_text, ReadFileToString(ann.string(), "annotations"));
      auto parsed = ParseBratAttributions(ann_text);
      if (!parsed.ok()) {
        return absl::InvalidArgumentError(absl::StrCat(ann.string(), ": ", parsed.status().message()));
      }
      versions.push_back(*std::move(parsed));
    }
    if (versions.size() < 2) continue;
    CLAIMS_ASSIGN_OR_RETURN(std::string text, ReadFileToString(text_path.string(), "article"));
    for (size_t gold = 0; gold < versions.size(); ++gold) {
      for (size_t predicted = 0; predicted < versions.size(); ++predicted) {
        if (gold != predicted) evaluator.Add(text, versions[gold], versions[predicted]);
      }
    }
  }
  return evaluator.scores();
}

absl::StatusOr<Scores> EvaluateCorpus(const extract::Extractor& extractor,
                                      const CorpusOptions& options) {
  CLAIMS_ASSIGN_OR_RETURN(std::vector<AnnotatedDocument> docs,
                          ReadAnnotatedSplit(options.corpus_dir, options.split, options.max_documents));
  CitronEvaluator evaluator;
  for (const AnnotatedDocument& doc : docs) {
    claims::v1::IngestArticleRequest request;
    request.set_text(doc.text);
    auto extraction = extractor.Extract(request, absl::Now());
    std::vector<Attribution> predicted;
    if (extraction.ok()) predicted = ToAttributions(extraction->claims);
    evaluator.Add(doc.text, doc.gold, predicted);
  }
  return evaluator.scores();
}

}  // namespace claims::eval
