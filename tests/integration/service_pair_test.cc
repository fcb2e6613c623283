// End to end: the real claims-ingest and claims-query processes over one temporary
// database, driven through their gRPC interfaces.
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <grpcpp/grpcpp.h>

#include "absl/strings/str_cat.h"
#include "claims/v1/ingest.grpc.pb.h"
#include "claims/v1/query.grpc.pb.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "gtest/gtest.h"
#include "tests/testing/server_process.h"
#include "tests/testing/rpc_wait.h"
#include "tests/testing/temp_dir.h"

namespace claims {
namespace {

using ::claims::testing::Deadline;
using ::claims::testing::Eventually;

using claims::v1::IngestArticleRequest;
using claims::v1::IngestArticleResponse;
using claims::v1::ListClaimsRequest;
using claims::v1::ListClaimsResponse;
using testing::ServerProcess;
using testing::TempDir;

constexpr char kArticle[] =
    "Campaigners in Hackney have criticised Palantir Technologies over its NHS contract.\n\n"
    "\"Patients never agreed to this,\" said Marion Macalpine, a spokesperson for the Hackney "
    "Coalition Against Palantir.\n\n"
    "NHS England said the Federated Data Platform protects patient data.\n";

// What a client of any language finds in the grpc-status-details-bin trailer, decoded here
// from the wire without the services' own helpers.
struct Details {
  std::string reason, domain, field;
  std::map<std::string, std::string> metadata;
  std::vector<std::string> violations;  // BadRequest field violations
};

Details DecodeDetails(const grpc::Status& status) {
  Details out;
  google::rpc::Status decoded;
  EXPECT_TRUE(decoded.ParseFromString(status.error_details())) << status.error_message();
  EXPECT_EQ(decoded.code(), static_cast<int>(status.error_code()));
  EXPECT_EQ(decoded.message(), status.error_message());
  for (const auto& any : decoded.details()) {
    if (any.type_url() == "type.googleapis.com/google.rpc.ErrorInfo") {
      google::rpc::ErrorInfo info;
      EXPECT_TRUE(any.UnpackTo(&info));
      out.reason = info.reason();
      out.domain = info.domain();
      out.metadata.insert(info.metadata().begin(), info.metadata().end());
      if (info.metadata().count("field")) out.field = info.metadata().at("field");
    } else if (any.type_url() == "type.googleapis.com/google.rpc.BadRequest") {
      google::rpc::BadRequest bad;
      EXPECT_TRUE(any.UnpackTo(&bad));
      for (const auto& v : bad.field_violations()) out.violations.push_back(v.field());
    }
  }
  EXPECT_EQ(out.domain, "claims.v1") << status.error_message();
  return out;
}

class ServicePairTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ingest_ = std::make_unique<ServerProcess>(
        CLAIMS_INGEST_BIN, std::vector<std::string>{"--listen=127.0.0.1:0", "--db=" + db()});
    ASSERT_FALSE(ingest_->address().empty()) << ingest_->ReadStderr();
    query_ = std::make_unique<ServerProcess>(
        CLAIMS_QUERY_BIN, std::vector<std::string>{"--listen=127.0.0.1:0", "--db=" + db(),
                                                   "--secondary_dir=" + dir_.Sub("secondary")});
    ASSERT_FALSE(query_->address().empty()) << query_->ReadStderr();
    ingest_stub_ = claims::v1::IngestService::NewStub(
        grpc::CreateChannel(ingest_->address(), grpc::InsecureChannelCredentials()));
    query_stub_ = claims::v1::QueryService::NewStub(
        grpc::CreateChannel(query_->address(), grpc::InsecureChannelCredentials()));
  }

  std::string db() const { return dir_.Sub("db"); }

  grpc::Status Ingest(const IngestArticleRequest& request, IngestArticleResponse* response) {
    return ingest_stub_->IngestArticle(Deadline().get(), request, response);
  }

  IngestArticleRequest SampleRequest() {
    IngestArticleRequest request;
    request.set_url("https://news.example.org/hackney/palantir?utm_source=feed");
    request.set_title("Campaigners criticise Palantir");
    request.set_publisher("Hackney Example News");
    request.mutable_published_time()->set_seconds(1769040000);  // 2026-01-22
    request.set_text(kArticle);
    return request;
  }

  // ListClaims once the secondary shows at least `min` claims for the request.
  ListClaimsResponse ListWhenVisible(const ListClaimsRequest& request, int min) {
    ListClaimsResponse response;
    Eventually([&] {
      response.Clear();
      return query_stub_->ListClaims(Deadline().get(), request, &response).ok() &&
             response.claims_size() >= min;
    });
    return response;
  }

  TempDir dir_;
  std::unique_ptr<ServerProcess> ingest_;
  std::unique_ptr<ServerProcess> query_;
  std::unique_ptr<claims::v1::IngestService::Stub> ingest_stub_;
  std::unique_ptr<claims::v1::QueryService::Stub> query_stub_;
};

TEST_F(ServicePairTest, IngestedClaimsAreQueryableFromTheSecondary) {
  IngestArticleResponse ingested;
  ASSERT_TRUE(Ingest(SampleRequest(), &ingested).ok());
  ASSERT_GE(ingested.claims_size(), 2);
  EXPECT_EQ(ingested.article().url(), "https://news.example.org/hackney/palantir");

  ListClaimsRequest all;
  const ListClaimsResponse listed = ListWhenVisible(all, ingested.claims_size());
  EXPECT_EQ(listed.claims_size(), ingested.claims_size());
  EXPECT_TRUE(listed.next_page_token().empty());

  ListClaimsRequest by_speaker;
  by_speaker.mutable_filter()->add_speakers("marion macalpine");
  const ListClaimsResponse macalpine = ListWhenVisible(by_speaker, 1);
  ASSERT_EQ(macalpine.claims_size(), 1);
  EXPECT_EQ(macalpine.claims(0).text(), "Patients never agreed to this");
  EXPECT_EQ(macalpine.claims(0).speaker().name(), "Marion Macalpine");

  ListClaimsRequest by_org;
  by_org.mutable_filter()->add_organisations("NHS ENGLAND");
  const ListClaimsResponse nhs = ListWhenVisible(by_org, 1);
  ASSERT_GE(nhs.claims_size(), 1);
  bool nhs_england_speaks = false;
  for (const auto& c : nhs.claims()) nhs_england_speaks |= c.speaker().name() == "NHS England";
  EXPECT_TRUE(nhs_england_speaks);

  claims::v1::GetClaimRequest get;
  get.set_id(macalpine.claims(0).id());
  claims::v1::Claim claim;
  ASSERT_TRUE(query_stub_->GetClaim(Deadline().get(), get, &claim).ok());
  EXPECT_EQ(claim.article_id(), ingested.article().id());
  claims::v1::GetArticleRequest get_article;
  get_article.set_id(claim.article_id());
  claims::v1::Article article;
  ASSERT_TRUE(query_stub_->GetArticle(Deadline().get(), get_article, &article).ok());
  EXPECT_EQ(article.text(), kArticle);
}

TEST_F(ServicePairTest, AJointStatementIsFoundUnderEachOfItsSpeakers) {
  IngestArticleRequest joint = SampleRequest();
  joint.set_url("https://news.example.org/unions/fdp");
  joint.set_text("The BMA and the RCN said the Federated Data Platform must not be used without consent.");
  IngestArticleRequest alone = SampleRequest();
  alone.set_url("https://news.example.org/rcn/fdp");
  alone.set_text("The RCN said nurses had not been told about the platform.");
  IngestArticleResponse ingested;
  ASSERT_TRUE(Ingest(joint, &ingested).ok());
  ASSERT_EQ(ingested.claims_size(), 1);
  ASSERT_EQ(ingested.claims(0).speaker().members_size(), 2);
  ASSERT_TRUE(Ingest(alone, &ingested).ok());

  // By the member's canonical name, through claims-query's secondary: both claims.
  ListClaimsRequest by_rcn;
  by_rcn.mutable_filter()->add_speakers("Royal College of Nursing");
  const ListClaimsResponse rcn = ListWhenVisible(by_rcn, 2);
  ASSERT_EQ(rcn.claims_size(), 2);
  ListClaimsRequest by_bma;
  by_bma.mutable_filter()->add_speakers("bma");
  const ListClaimsResponse bma = ListWhenVisible(by_bma, 1);
  ASSERT_EQ(bma.claims_size(), 1);
  EXPECT_EQ(bma.claims(0).speaker().name(), "British Medical Association and Royal College of Nursing");
  EXPECT_EQ(bma.claims(0).speaker().members(1).name(), "Royal College of Nursing");
}

TEST_F(ServicePairTest, AStandInSummaryNeverReplacesTheFullerPageStoredBefore) {
  IngestArticleRequest page = SampleRequest();  // the full article, as fetched
  IngestArticleResponse stored;
  ASSERT_TRUE(Ingest(page, &stored).ok());
  ASSERT_GE(stored.claims_size(), 2);

  // Later the page is unavailable and the feed item's summary stands in: it is kept out.
  IngestArticleRequest summary = SampleRequest();
  summary.set_text("Campaigners criticise Palantir, said the group.");
  summary.set_stand_in(true);
  IngestArticleResponse kept;
  ASSERT_TRUE(Ingest(summary, &kept).ok());
  EXPECT_TRUE(kept.unchanged());
  EXPECT_FALSE(kept.replaced());
  EXPECT_EQ(kept.article().text(), page.text());
  EXPECT_EQ(kept.claims_size(), stored.claims_size());

  // A stand-in at least as long replaces it (a corrected item), as does any other request.
  IngestArticleRequest corrected = summary;
  corrected.set_text(page.text() + "\n\nThe council said it would respond next week.");
  IngestArticleResponse replaced;
  ASSERT_TRUE(Ingest(corrected, &replaced).ok());
  EXPECT_TRUE(replaced.replaced());
  summary.set_stand_in(false);
  ASSERT_TRUE(Ingest(summary, &replaced).ok());
  EXPECT_TRUE(replaced.replaced());
  EXPECT_EQ(replaced.article().text(), summary.text());
}

TEST_F(ServicePairTest, ReingestAndDeleteLeaveNoStaleClaims) {
  IngestArticleResponse first, second;
  ASSERT_TRUE(Ingest(SampleRequest(), &first).ok());
  ASSERT_TRUE(Ingest(SampleRequest(), &second).ok());
  EXPECT_TRUE(second.unchanged());
  EXPECT_EQ(second.article().id(), first.article().id());

  IngestArticleRequest corrected = SampleRequest();
  corrected.set_text("NHS England said the platform is secure.\n");
  IngestArticleResponse third;
  ASSERT_TRUE(Ingest(corrected, &third).ok());
  EXPECT_TRUE(third.replaced());
  ASSERT_TRUE(Eventually([&] {
    ListClaimsResponse r;
    return query_stub_->ListClaims(Deadline().get(), ListClaimsRequest(), &r).ok() &&
           r.claims_size() == third.claims_size();
  }));

  claims::v1::DeleteArticleRequest del;
  del.set_url("https://news.example.org/hackney/palantir");
  claims::v1::DeleteArticleResponse deleted;
  ASSERT_TRUE(ingest_stub_->DeleteArticle(Deadline().get(), del, &deleted).ok());
  EXPECT_EQ(deleted.article_id(), first.article().id());
  EXPECT_TRUE(Eventually([&] {
    ListClaimsResponse r;
    return query_stub_->ListClaims(Deadline().get(), ListClaimsRequest(), &r).ok() &&
           r.claims_size() == 0;
  }));
  const grpc::Status gone = ingest_stub_->DeleteArticle(Deadline().get(), del, &deleted);
  EXPECT_EQ(gone.error_code(), grpc::StatusCode::NOT_FOUND);
  Details details = DecodeDetails(gone);
  EXPECT_EQ(details.reason, "ARTICLE_NOT_FOUND");
  EXPECT_EQ(details.field, "url");
  EXPECT_EQ(details.metadata["id"], first.article().id());
}

TEST_F(ServicePairTest, PagesFollowTokensToTheEnd) {
  for (int i = 0; i < 7; ++i) {
    IngestArticleRequest request = SampleRequest();
    request.set_url(absl::StrCat("https://news.example.org/story/", i));
    request.mutable_published_time()->set_seconds(1769040000 + i * 86400);
    IngestArticleResponse response;
    ASSERT_TRUE(Ingest(request, &response).ok());
  }
  ListClaimsRequest probe;
  probe.mutable_filter()->add_organisations("nhs-england");
  probe.set_page_size(1000);
  const int total = ListWhenVisible(probe, 7).claims_size();
  ASSERT_GE(total, 7);

  ListClaimsRequest request;
  request.mutable_filter()->add_organisations("nhs-england");
  request.set_page_size(3);
  std::vector<std::string> seen;
  int64_t previous = INT64_MAX;
  for (int pages = 0; pages < 100; ++pages) {
    ListClaimsResponse page;
    ASSERT_TRUE(query_stub_->ListClaims(Deadline().get(), request, &page).ok());
    for (const auto& c : page.claims()) {
      EXPECT_LE(c.claim_time().seconds(), previous);
      previous = c.claim_time().seconds();
      seen.push_back(c.id());
    }
    if (page.next_page_token().empty()) break;
    request.set_page_token(page.next_page_token());
  }
  EXPECT_EQ(static_cast<int>(seen.size()), total);
  std::sort(seen.begin(), seen.end());
  EXPECT_EQ(std::unique(seen.begin(), seen.end()), seen.end());
}

TEST_F(ServicePairTest, BadInputGetsSpecificErrorsAndTheServerKeepsServing) {
  struct Case {
    std::string name;
    IngestArticleRequest request;
    grpc::StatusCode code;
    std::string field;          // named in the message
    std::string reason;         // of the ErrorInfo details
    std::string detail_field;   // the ErrorInfo's "field"
  };
  std::vector<Case> cases;
  IngestArticleRequest r = SampleRequest();
  r.set_text("");
  cases.push_back({"empty", r, grpc::StatusCode::INVALID_ARGUMENT, "text", "EMPTY_ARTICLE", "text"});
  r.set_text("   \n\t  ");
  cases.push_back({"whitespace", r, grpc::StatusCode::INVALID_ARGUMENT, "text", "EMPTY_ARTICLE", "text"});
  // Invalid UTF-8 can only travel in the bytes field (protobuf refuses it in strings).
  r.clear_text();
  r.set_content("Caf\xC3\x28 said \xFF\xFE nothing");
  cases.push_back({"invalid utf-8", r, grpc::StatusCode::INVALID_ARGUMENT,
                   "content: invalid UTF-8 at byte 3", "INVALID_UTF8", "content"});
  r.clear_content();
  r.set_text(std::string("\x7F" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0", 20));
  cases.push_back({"binary", r, grpc::StatusCode::INVALID_ARGUMENT, "text", "BINARY_CONTENT", "text"});
  r.clear_text();
  r.set_content(std::string(5 << 20, 'b'));
  cases.push_back({"content too large", r, grpc::StatusCode::RESOURCE_EXHAUSTED, "content",
                   "ARTICLE_TOO_LARGE", "content"});
  r.clear_content();
  r.set_text(std::string(5 << 20, 'a'));
  cases.push_back({"too large", r, grpc::StatusCode::RESOURCE_EXHAUSTED, "text", "ARTICLE_TOO_LARGE",
                   "text"});
  r.set_text("Some text.");
  r.set_html("<p>Some html.</p>");
  cases.push_back({"text and html", r, grpc::StatusCode::INVALID_ARGUMENT, "html",
                   "CONFLICTING_CONTENT_FIELDS", "html"});
  r = SampleRequest();
  r.set_url("ftp://example.org/x");
  cases.push_back({"bad url", r, grpc::StatusCode::INVALID_ARGUMENT, "url", "INVALID_URL", "url"});
  for (const auto& c : cases) {
    IngestArticleResponse response;
    const grpc::Status status = Ingest(c.request, &response);
    EXPECT_EQ(status.error_code(), c.code) << c.name << ": " << status.error_message();
    EXPECT_NE(status.error_message().find(c.field), std::string::npos)
        << c.name << ": " << status.error_message();
    Details details = DecodeDetails(status);
    EXPECT_EQ(details.reason, c.reason) << c.name;
    EXPECT_EQ(details.field, c.detail_field) << c.name;
    if (c.code == grpc::StatusCode::INVALID_ARGUMENT) {
      EXPECT_EQ(details.violations, std::vector<std::string>{c.detail_field}) << c.name;
    } else {
      EXPECT_EQ(details.metadata["limit"], "4194304") << c.name;
    }
    if (c.reason == "INVALID_UTF8") {
      EXPECT_EQ(details.metadata["byte"], "3");
    }
  }

  ListClaimsRequest bad_token;
  bad_token.set_page_token("not-a-token");
  ListClaimsRequest negative;
  negative.set_page_size(-1);
  ListClaimsRequest reversed;
  reversed.mutable_filter()->mutable_start_time()->set_seconds(2000);
  reversed.mutable_filter()->mutable_end_time()->set_seconds(1000);
  ListClaimsRequest bad_order;
  bad_order.set_order_by("speaker");
  ListClaimsRequest bad_filter;
  bad_filter.set_filter_expression("org = Palantir AND colour = red");
  ListClaimsRequest empty_value;
  empty_value.mutable_filter()->add_organisations("palantir");
  empty_value.mutable_filter()->add_organisations(" ");
  struct Query {
    ListClaimsRequest request;
    std::string field;  // in the message and the ErrorInfo
    std::string reason;
  };
  const std::vector<Query> queries = {
      {bad_token, "page_token", "INVALID_PAGE_TOKEN"},
      {negative, "page_size", "INVALID_PAGE_SIZE"},
      {reversed, "filter.end_time", "INVALID_TIME_RANGE"},
      {bad_order, "order_by", "INVALID_ORDER_BY"},
      {bad_filter, "filter_expression", "INVALID_FILTER_EXPRESSION"},
      {empty_value, "filter.organisations[1]", "EMPTY_FILTER_VALUE"}};
  for (const auto& [request, field, reason] : queries) {
    ListClaimsResponse response;
    grpc::Status status;
    // The secondary may still be opening: wait until the answer is not UNAVAILABLE.
    Eventually([&] {
      status = query_stub_->ListClaims(Deadline().get(), request, &response);
      return status.error_code() != grpc::StatusCode::UNAVAILABLE;
    });
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << field;
    EXPECT_NE(status.error_message().find(field), std::string::npos) << status.error_message();
    Details details = DecodeDetails(status);
    EXPECT_EQ(details.reason, reason) << field;
    EXPECT_EQ(details.field, field);
    EXPECT_EQ(details.violations, std::vector<std::string>{field});
    if (reason == "INVALID_FILTER_EXPRESSION") {
      EXPECT_EQ(details.metadata["position"], "19");  // where "colour" starts
    }
  }

  claims::v1::GetClaimRequest missing;
  missing.set_id("no-such-claim");
  claims::v1::Claim claim;
  const grpc::Status not_found = query_stub_->GetClaim(Deadline().get(), missing, &claim);
  EXPECT_EQ(not_found.error_code(), grpc::StatusCode::NOT_FOUND);
  Details details = DecodeDetails(not_found);
  EXPECT_EQ(details.reason, "CLAIM_NOT_FOUND");
  EXPECT_EQ(details.field, "id");
  EXPECT_EQ(details.metadata["id"], "no-such-claim");
  EXPECT_TRUE(details.violations.empty());  // BadRequest only for INVALID_ARGUMENT
  // An unknown id of 3,000 bytes is still NOT_FOUND (its echo is cut to fit in headers).
  missing.set_id(std::string(3000, 'x'));
  const grpc::Status long_id = query_stub_->GetClaim(Deadline().get(), missing, &claim);
  EXPECT_EQ(long_id.error_code(), grpc::StatusCode::NOT_FOUND) << long_id.error_message();
  EXPECT_EQ(DecodeDetails(long_id).reason, "CLAIM_NOT_FOUND");

  // Still serving after all that.
  IngestArticleResponse ok;
  EXPECT_TRUE(Ingest(SampleRequest(), &ok).ok());
}

TEST_F(ServicePairTest, TokenReusedWithAnotherFilterIsRejected) {
  for (int i = 0; i < 3; ++i) {
    IngestArticleRequest request = SampleRequest();
    request.set_url(absl::StrCat("https://news.example.org/t/", i));
    IngestArticleResponse response;
    ASSERT_TRUE(Ingest(request, &response).ok());
  }
  ListClaimsRequest request;
  request.set_page_size(1);
  const ListClaimsResponse first = ListWhenVisible(request, 1);
  ASSERT_FALSE(first.next_page_token().empty());
  request.set_page_token(first.next_page_token());
  request.mutable_filter()->add_organisations("palantir");
  ListClaimsResponse response;
  const grpc::Status status = query_stub_->ListClaims(Deadline().get(), request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(status.error_message().find("page_token"), std::string::npos);
  Details details = DecodeDetails(status);
  EXPECT_EQ(details.reason, "PAGE_TOKEN_MISMATCH");
  EXPECT_EQ(details.field, "page_token");
}

TEST_F(ServicePairTest, BothServersReportHealthy) {
  for (const auto& [address, service] :
       std::vector<std::pair<std::string, std::string>>{{ingest_->address(), "claims.v1.IngestService"},
                                                        {query_->address(), "claims.v1.QueryService"}}) {
    auto stub = grpc::health::v1::Health::NewStub(
        grpc::CreateChannel(address, grpc::InsecureChannelCredentials()));
    grpc::health::v1::HealthCheckRequest request;
    request.set_service(service);
    grpc::health::v1::HealthCheckResponse response;
    EXPECT_TRUE(Eventually([&] {
      return stub->Check(Deadline().get(), request, &response).ok() &&
             response.status() == grpc::health::v1::HealthCheckResponse::SERVING;
    })) << service;
  }
}

TEST_F(ServicePairTest, SecondWriterOnTheSameDatabaseExitsWithOneClearLine) {
  ServerProcess second(CLAIMS_INGEST_BIN, {"--listen=127.0.0.1:0", "--db=" + db()}, 5000);
  EXPECT_TRUE(second.address().empty());
  const int status = second.WaitForExit(10000);
  ASSERT_NE(status, -1);
  EXPECT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 1);
  const std::string err = second.ReadStderr();
  EXPECT_NE(err.find("held by another process"), std::string::npos) << err;
  EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;
  // The first writer is unharmed.
  IngestArticleResponse response;
  EXPECT_TRUE(Ingest(SampleRequest(), &response).ok());
}

TEST_F(ServicePairTest, SigtermShutsBothServersDownCleanly) {
  IngestArticleResponse response;
  ASSERT_TRUE(Ingest(SampleRequest(), &response).ok());
  const int ingest_status = ingest_->Terminate();
  const int query_status = query_->Terminate();
  ASSERT_TRUE(WIFEXITED(ingest_status)) << ingest_status;
  EXPECT_EQ(WEXITSTATUS(ingest_status), 0);
  ASSERT_TRUE(WIFEXITED(query_status)) << query_status;
  EXPECT_EQ(WEXITSTATUS(query_status), 0);
  // What was acknowledged is there when the writer comes back.
  ServerProcess again(CLAIMS_INGEST_BIN, {"--listen=127.0.0.1:0", "--db=" + db()});
  ASSERT_FALSE(again.address().empty()) << again.ReadStderr();
}

TEST_F(ServicePairTest, CountsStayExactWhenTheWriterRestartsUnderARunningReplica) {
  IngestArticleResponse first;
  ASSERT_TRUE(Ingest(SampleRequest(), &first).ok());
  const int per_article = first.claims_size();
  ASSERT_GT(per_article, 0);
  claims::v1::CountClaimsRequest count;
  count.set_group_by(claims::v1::CountClaimsRequest::YEAR);
  auto total = [&] {
    claims::v1::CountClaimsResponse response;
    return query_stub_->CountClaims(Deadline().get(), count, &response).ok() ? response.total() : -1;
  };
  ASSERT_TRUE(Eventually([&] { return total() == per_article; }));

  // Restart the writer: it replays its log into new table files, which the replica must
  // not count a second time.
  ASSERT_EQ(ingest_->Terminate(), 0);
  ingest_ = std::make_unique<ServerProcess>(
      CLAIMS_INGEST_BIN, std::vector<std::string>{"--listen=127.0.0.1:0", "--db=" + db()});
  ASSERT_FALSE(ingest_->address().empty()) << ingest_->ReadStderr();
  ingest_stub_ = claims::v1::IngestService::NewStub(
      grpc::CreateChannel(ingest_->address(), grpc::InsecureChannelCredentials()));
  IngestArticleRequest second = SampleRequest();
  second.set_url("https://news.example.org/hackney/after-restart");
  IngestArticleResponse response;
  ASSERT_TRUE(Ingest(second, &response).ok());
  EXPECT_TRUE(Eventually([&] { return total() == 2 * per_article; })) << total();
  // And it stays exact (no late double count once everything has settled).
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  EXPECT_EQ(total(), 2 * per_article);
  ListClaimsResponse listed;
  ListClaimsRequest all;
  all.set_page_size(1000);
  ASSERT_TRUE(query_stub_->ListClaims(Deadline().get(), all, &listed).ok());
  EXPECT_EQ(listed.claims_size(), 2 * per_article);
}

TEST(QueryBeforeIngestTest, QueryIsUnavailableUntilTheDatabaseExists) {
  TempDir dir;
  ServerProcess query(CLAIMS_QUERY_BIN, {"--listen=127.0.0.1:0", "--db=" + dir.Sub("db"),
                                         "--secondary_dir=" + dir.Sub("secondary")});
  ASSERT_FALSE(query.address().empty()) << query.ReadStderr();
  auto stub = claims::v1::QueryService::NewStub(
      grpc::CreateChannel(query.address(), grpc::InsecureChannelCredentials()));
  ListClaimsResponse response;
  const grpc::Status before = stub->ListClaims(Deadline().get(), ListClaimsRequest(), &response);
  EXPECT_EQ(before.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_NE(before.error_message().find("not ready"), std::string::npos);
  EXPECT_EQ(DecodeDetails(before).reason, "DATABASE_UNAVAILABLE");

  ServerProcess ingest(CLAIMS_INGEST_BIN, {"--listen=127.0.0.1:0", "--db=" + dir.Sub("db")});
  ASSERT_FALSE(ingest.address().empty()) << ingest.ReadStderr();
  EXPECT_TRUE(Eventually([&] {
    return stub->ListClaims(Deadline().get(), ListClaimsRequest(), &response).ok();
  }));
}

}  // namespace
}  // namespace claims
