// IngestArticles against the real claims-ingest: order, per-article failures, durability,
// flow control; and `claimctl ingest --jsonl` on top of it.
#include <sys/wait.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <string>
#include <thread>

#include <grpcpp/grpcpp.h>

#include "absl/strings/str_cat.h"
#include "claims/v1/ingest.grpc.pb.h"
#include "claims/v1/query.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/server_process.h"
#include "tests/testing/rpc_wait.h"
#include "tests/testing/temp_dir.h"

namespace claims {
namespace {

using ::claims::testing::Eventually;
using ::claims::testing::ReadFile;

using claims::v1::IngestArticleRequest;
using claims::v1::IngestArticlesResponse;
using ::testing::HasSubstr;
using testing::ServerProcess;
using testing::TempDir;

std::string ArticleText(int i) {
  return absl::StrCat("Campaigners in district ", i, " have criticised Palantir Technologies.\n\n",
                      "\"Patients in district ", i, " never agreed to this,\" said Marion Macalpine, ",
                      "a spokesperson for the Hackney Coalition Against Palantir.\n");
}

class IngestStreamTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ingest_ = std::make_unique<ServerProcess>(
        CLAIMS_INGEST_BIN, std::vector<std::string>{"--listen=127.0.0.1:0", "--db=" + dir_.Sub("db"),
                                                    "--stream_window=16"});
    ASSERT_FALSE(ingest_->address().empty()) << ingest_->ReadStderr();
    query_ = std::make_unique<ServerProcess>(
        CLAIMS_QUERY_BIN, std::vector<std::string>{"--listen=127.0.0.1:0", "--db=" + dir_.Sub("db"),
                                                   "--secondary_dir=" + dir_.Sub("secondary")});
    ASSERT_FALSE(query_->address().empty()) << query_->ReadStderr();
    grpc::ChannelArguments args;
    args.SetMaxReceiveMessageSize(64 << 20);
    ingest_stub_ = claims::v1::IngestService::NewStub(
        grpc::CreateCustomChannel(ingest_->address(), grpc::InsecureChannelCredentials(), args));
    query_stub_ = claims::v1::QueryService::NewStub(
        grpc::CreateChannel(query_->address(), grpc::InsecureChannelCredentials()));
  }

  // Streams `requests`, reading responses concurrently; returns them in arrival order.
  std::vector<IngestArticlesResponse> Stream(const std::vector<IngestArticleRequest>& requests,
                                             grpc::Status* status) {
    grpc::ClientContext context;
    auto stream = ingest_stub_->IngestArticles(&context);
    std::thread writer([&] {
      for (const auto& r : requests) {
        if (!stream->Write(r)) break;
      }
      stream->WritesDone();
    });
    std::vector<IngestArticlesResponse> responses;
    IngestArticlesResponse response;
    while (stream->Read(&response)) responses.push_back(response);
    writer.join();
    *status = stream->Finish();
    return responses;
  }

  TempDir dir_;
  std::unique_ptr<ServerProcess> ingest_, query_;
  std::unique_ptr<claims::v1::IngestService::Stub> ingest_stub_;
  std::unique_ptr<claims::v1::QueryService::Stub> query_stub_;
};

TEST_F(IngestStreamTest, AnswersEveryArticleInOrderAndReportsFailuresWithoutStopping) {
  std::vector<IngestArticleRequest> requests(300);
  for (int i = 0; i < 300; ++i) {
    requests[i].set_url(absl::StrCat("https://news.example.test/district/", i, "?utm_source=s"));
    requests[i].set_text(ArticleText(i));
    if (i % 7 == 3) requests[i].set_text("   ");                 // empty
    if (i % 11 == 5) requests[i].set_url("ftp://news.example.test/x");  // not http(s)
  }
  grpc::Status status;
  const auto responses = Stream(requests, &status);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(responses.size(), 300u);
  int ok = 0;
  for (int i = 0; i < 300; ++i) {
    const auto& r = responses[i];
    EXPECT_EQ(r.index(), i);
    if (i % 7 == 3 || i % 11 == 5) {
      EXPECT_EQ(r.code(), static_cast<int>(grpc::StatusCode::INVALID_ARGUMENT)) << i;
      EXPECT_THAT(r.message(), i % 7 == 3 ? HasSubstr("text") : HasSubstr("url")) << i;
      // The same machine-readable reason as a unary call's status details.
      EXPECT_EQ(r.error_info().reason(), i % 7 == 3 ? "EMPTY_ARTICLE" : "INVALID_URL") << i;
      EXPECT_EQ(r.error_info().domain(), "claims.v1") << i;
      EXPECT_EQ(r.error_info().metadata().at("field"), i % 7 == 3 ? "text" : "url") << i;
      EXPECT_FALSE(r.has_result()) << i;
    } else {
      ++ok;
      EXPECT_EQ(r.code(), 0) << i << " " << r.message();
      EXPECT_FALSE(r.has_error_info()) << i;
      EXPECT_EQ(r.result().article().url(), absl::StrCat("https://news.example.test/district/", i));
      EXPECT_GE(r.result().claims_size(), 1) << i;
      EXPECT_FALSE(r.result().unchanged()) << i;
    }
  }
  // Acknowledged means committed: the query side sees the last acknowledged article.
  const std::string last_id = responses[299].result().article().id();
  ASSERT_FALSE(last_id.empty());
  EXPECT_TRUE(Eventually([&] {
    grpc::ClientContext context;
    claims::v1::GetArticleRequest request;
    request.set_id(last_id);
    claims::v1::Article article;
    return query_stub_->GetArticle(&context, request, &article).ok();
  }));

  // The same stream again: every stored article is unchanged.
  const auto again = Stream(requests, &status);
  ASSERT_EQ(again.size(), 300u);
  int unchanged = 0;
  for (const auto& r : again) unchanged += r.code() == 0 && r.result().unchanged();
  EXPECT_EQ(unchanged, ok);
}

TEST_F(IngestStreamTest, TheBasicViewAcknowledgesWithoutTheTextAndClaims) {
  std::vector<IngestArticleRequest> requests(3);
  for (int i = 0; i < 3; ++i) {
    requests[i].set_url(absl::StrCat("https://news.example.test/basic/", i));
    requests[i].set_text(ArticleText(i));
    if (i != 1) requests[i].set_response_view(claims::v1::INGEST_RESPONSE_VIEW_BASIC);
  }
  grpc::Status status;
  const auto responses = Stream(requests, &status);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(responses.size(), 3u);
  // Article 1 asked for nothing: the full view, text and claims.
  const auto& full = responses[1].result();
  EXPECT_EQ(full.article().text(), ArticleText(1));
  ASSERT_GE(full.claims_size(), 1);
  EXPECT_EQ(full.article().claim_count(), full.claims_size());
  for (int i : {0, 2}) {
    const auto& basic = responses[i].result();
    EXPECT_EQ(responses[i].code(), 0) << i;
    EXPECT_EQ(basic.article().url(), absl::StrCat("https://news.example.test/basic/", i));
    EXPECT_FALSE(basic.article().id().empty());
    EXPECT_TRUE(basic.article().text().empty()) << i;
    EXPECT_EQ(basic.claims_size(), 0) << i;
    EXPECT_EQ(basic.article().claim_count(), full.claims_size()) << i;  // the same shape of article
  }
  // What is stored is the whole article, whatever the view.
  claims::v1::GetArticleRequest get;
  get.set_id(responses[0].result().article().id());
  claims::v1::Article stored;
  ASSERT_TRUE(Eventually([&] {
    grpc::ClientContext c;
    return query_stub_->GetArticle(&c, get, &stored).ok();
  }));
  EXPECT_EQ(stored.text(), ArticleText(0));
}

TEST_F(IngestStreamTest, AProducerThatReadsNothingIsHeldBackAndLosesNothing) {
  // 100 KB articles; a window of 16 on the server plus gRPC's buffers is far less than 1000.
  constexpr int kArticles = 1000;
  grpc::ClientContext context;
  auto stream = ingest_stub_->IngestArticles(&context);
  std::atomic<int> written{0};
  std::thread writer([&] {
    for (int i = 0; i < kArticles; ++i) {
      IngestArticleRequest r;
      r.set_url(absl::StrCat("https://news.example.test/big/", i));
      std::string text = ArticleText(i);
      while (text.size() < 100 * 1024) absl::StrAppend(&text, "The council met again on Tuesday. ");
      r.set_text(text);
      if (!stream->Write(r)) break;
      ++written;
    }
    stream->WritesDone();
  });
  // Let the producer run ahead until it is blocked by flow control.
  int last = -1;
  while (written.load() != last) {
    last = written.load();
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  }
  EXPECT_LT(written.load(), kArticles);
  IngestArticlesResponse response;
  int64_t expected = 0;
  while (stream->Read(&response)) {
    EXPECT_EQ(response.index(), expected++);
    EXPECT_EQ(response.code(), 0) << response.message();
  }
  writer.join();
  EXPECT_TRUE(stream->Finish().ok());
  EXPECT_EQ(expected, kArticles);
}

TEST_F(IngestStreamTest, ClaimctlJsonlReportsBadLinesByNumberAndIngestsTheRest) {
  const std::string jsonl = dir_.Sub("in.jsonl");
  {
    std::ofstream f(jsonl);
    f << R"({"url":"https://news.example.test/j/1","title":"One","publisher":"P","publishedTime":"2026-01-21T09:00:00Z","text":"\"Patients never agreed to this,\" said Marion Macalpine, a campaigner."})" << "\n";
    f << "\n";
    f << "{\"url\": \"https://news.example.test/j/bad\", \"text\": \n";
    f << R"({"url":"https://news.example.test/j/2","html":"<p>\"We will appeal,\" said Karin Smyth, the health minister.</p>","extraField":1})" << "\n";
    f << R"({"url":"https://news.example.test/j/3","text":""})" << "\n";
    f << R"({"text":"\"It is a good day,\" said Jane Doe, a resident."})" << "\n";
  }
  const std::string out = dir_.Sub("out"), err = dir_.Sub("err");
  auto run = [&](const std::string& args) {
    const std::string command = absl::StrCat(CLAIMCTL_BIN, " --ingest ", ingest_->address(), " ingest ",
                                             args, " >", out, " 2>", err);
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  };
  EXPECT_EQ(run("--jsonl " + jsonl), 1);
  EXPECT_THAT(ReadFile(out), HasSubstr("ingested 3 articles"));
  EXPECT_THAT(ReadFile(out), HasSubstr(": 3 new, 0 replaced, 0 unchanged;"));
  EXPECT_THAT(ReadFile(out), HasSubstr("2 failed (1 bad lines, 1 rejected)"));
  const std::string errors = ReadFile(err);
  EXPECT_THAT(errors, HasSubstr("claimctl: line 3: not an article in proto3 JSON"));
  EXPECT_THAT(errors, HasSubstr("claimctl: line 5: text: empty (set text or html) (INVALID_ARGUMENT, EMPTY_ARTICLE)"));
  EXPECT_THAT(errors, ::testing::Not(HasSubstr("\r")));  // no progress line when not a terminal

  // From stdin, again: the three are unchanged.
  EXPECT_EQ(run("--jsonl - <" + jsonl), 1);
  EXPECT_THAT(ReadFile(out), HasSubstr(": 0 new, 0 replaced, 3 unchanged;"));
}

}  // namespace
}  // namespace claims
