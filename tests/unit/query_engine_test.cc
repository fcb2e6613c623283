#include "query-service/query_engine.h"

#include <atomic>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "gtest/gtest.h"
#include "tests/testing/temp_dir.h"

namespace claims::query {
namespace {

using claims::v1::Article;
using claims::v1::Claim;

constexpr int64_t kJuly2025 = 1751328000;  // 2025-07-01T00:00:00Z
constexpr int64_t kDay = 86400;

Claim MakeClaim(const std::string& article, int ordinal, int64_t t, const std::string& org,
                const std::string& speaker, Claim::Kind kind = Claim::DIRECT_QUOTE) {
  Claim c;
  c.set_id(absl::StrCat(article, "-", absl::Dec(ordinal, absl::kZeroPad4)));
  c.set_article_id(article);
  c.set_kind(kind);
  c.mutable_claim_time()->set_seconds(t);
  auto* o = c.add_organisations();
  o->set_id(org);
  o->set_name(org == "nhs-england" ? "NHS England" : "Palantir Technologies");
  o->set_mention(org == "nhs-england" ? "NHS England" : "Palantir");
  c.mutable_speaker()->set_id(speaker);
  c.mutable_speaker()->set_name(speaker == "marion-macalpine" ? "Marion Macalpine" : "Karin Smyth");
  c.mutable_speaker()->set_kind(claims::v1::Speaker::PERSON);
  c.add_topics()->set_id("health/health-data");
  return c;
}

class QueryEngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = store::ClaimStore::OpenPrimary(dir_.Sub("db"));
    ASSERT_TRUE(store.ok());
    store_ = std::move(*store);
    engine_ = std::make_unique<QueryEngine>([this](std::string*) {
      // Not owned: the fixture keeps the store alive.
      return std::shared_ptr<const store::ClaimStore>(store_.get(), [](const store::ClaimStore*) {});
    });
  }

  // Article `n` with two claims: Palantir by Macalpine, NHS England by Smyth (indirect).
  void Put(int n, int64_t t) {
    Article a;
    a.set_id(absl::StrCat("art", n));
    ASSERT_TRUE(store_->PutArticle(a, {MakeClaim(a.id(), 1, t, "palantir", "marion-macalpine"),
                                       MakeClaim(a.id(), 2, t + 3600, "nhs-england", "karin-smyth",
                                                 Claim::INDIRECT)})
                    .ok());
  }

  claims::testing::TempDir dir_;
  std::unique_ptr<store::ClaimStore> store_;
  std::unique_ptr<QueryEngine> engine_;
};

TEST_F(QueryEngineTest, TypedFilterAndExpressionCombineWithAnd) {
  for (int i = 0; i < 6; ++i) Put(i, kJuly2025 + i * 20 * kDay);
  claims::v1::ListClaimsRequest request;
  request.mutable_filter()->add_organisations("Palantir");
  request.set_filter_expression(R"(claim_time >= "2025-08-01" AND NOT speaker = "Karin Smyth")");
  auto response = engine_->ListClaims(request);
  ASSERT_TRUE(response.ok()) << response.status();
  std::vector<std::string> ids;
  for (const auto& c : response->claims()) ids.push_back(c.id());
  // Articles at Jul 1, 21, Aug 10, 30, Sep 19, Oct 9: those from Aug on, newest first.
  EXPECT_EQ(ids, (std::vector<std::string>{"art5-0001", "art4-0001", "art3-0001", "art2-0001"}));

  request.set_filter_expression(R"(speaker = "Macalpine" OR org = "NHS England")");
  request.clear_filter();
  EXPECT_EQ(engine_->ListClaims(request)->claims_size(), 12);
  request.set_filter_expression("kind = indirect");
  EXPECT_EQ(engine_->ListClaims(request)->claims_size(), 6);
}

TEST_F(QueryEngineTest, BadExpressionIsInvalidArgumentWithPosition) {
  claims::v1::ListClaimsRequest request;
  request.set_filter_expression("org = palantir AND colour = red");
  auto response = engine_->ListClaims(request);
  EXPECT_EQ(response.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(response.status().message().find("at position 19"), absl::string_view::npos);
}

TEST_F(QueryEngineTest, CountsByMonthAndByOrganisationWithLabels) {
  for (int i = 0; i < 6; ++i) Put(i, kJuly2025 + i * 20 * kDay);
  claims::v1::CountClaimsRequest request;
  request.mutable_filter()->add_organisations("palantir");
  request.set_group_by(claims::v1::CountClaimsRequest::MONTH);
  auto months = engine_->CountClaims(request);
  ASSERT_TRUE(months.ok()) << months.status();
  EXPECT_TRUE(months->from_counters());
  std::vector<std::pair<std::string, int64_t>> rows;
  for (const auto& r : months->rows()) rows.emplace_back(r.key(), r.count());
  EXPECT_EQ(rows, (std::vector<std::pair<std::string, int64_t>>{
                      {"2025-07", 2}, {"2025-08", 2}, {"2025-09", 1}, {"2025-10", 1}}));
  EXPECT_EQ(months->total(), 6);

  claims::v1::CountClaimsRequest by_org;
  by_org.set_group_by(claims::v1::CountClaimsRequest::ORGANISATION);
  by_org.set_filter_expression("kind = indirect");
  auto orgs = engine_->CountClaims(by_org);
  ASSERT_TRUE(orgs.ok());
  EXPECT_FALSE(orgs->from_counters());
  ASSERT_EQ(orgs->rows_size(), 1);
  EXPECT_EQ(orgs->rows(0).key(), "nhs-england");
  EXPECT_EQ(orgs->rows(0).label(), "NHS England");
  EXPECT_EQ(orgs->rows(0).count(), 6);

  claims::v1::CountClaimsRequest missing;
  EXPECT_EQ(engine_->CountClaims(missing).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(QueryEngineTest, StreamClaimsExportsEveryMatchPastThePageLimit) {
  for (int i = 0; i < 700; ++i) Put(i, kJuly2025 + i * 60);
  claims::v1::StreamClaimsRequest request;
  std::set<std::string> seen;
  ASSERT_TRUE(engine_->StreamClaims(request, [&](const Claim& c) {
    EXPECT_TRUE(seen.insert(c.id()).second);
    return true;
  }).ok());
  EXPECT_EQ(seen.size(), 1400u);
  int taken = 0;
  ASSERT_TRUE(engine_->StreamClaims(request, [&](const Claim&) { return ++taken < 10; }).ok());
  EXPECT_EQ(taken, 10);  // stops when the client goes away
}

TEST_F(QueryEngineTest, PagingDuringIngestionHasNoDuplicatesAndNoGapsForOlderClaims) {
  for (int i = 0; i < 200; ++i) Put(i, kJuly2025 + i * 60);
  std::atomic<bool> stop{false};
  std::thread writer([&] {
    // New claims keep landing, all newer than everything already there.
    for (int i = 200; i < 400 && !stop; ++i) Put(i, kJuly2025 + 400 * 60 + i);
  });
  claims::v1::ListClaimsRequest request;
  request.set_page_size(7);
  auto first = engine_->ListClaims(request);
  ASSERT_TRUE(first.ok());
  const int64_t first_page_newest = first->claims(0).claim_time().seconds();
  std::vector<std::string> ids;
  for (const auto& c : first->claims()) ids.push_back(c.id());
  request.set_page_token(first->next_page_token());
  while (!request.page_token().empty()) {
    auto page = engine_->ListClaims(request);
    ASSERT_TRUE(page.ok());
    for (const auto& c : page->claims()) ids.push_back(c.id());
    request.set_page_token(page->next_page_token());
  }
  stop = true;
  writer.join();
  std::set<std::string> unique(ids.begin(), ids.end());
  EXPECT_EQ(unique.size(), ids.size());
  // Every claim at or before the first page's newest one was listed.
  for (int i = 0; i < 200; ++i) {
    if (kJuly2025 + i * 60 <= first_page_newest) {
      EXPECT_TRUE(unique.count(absl::StrCat("art", i, "-0001"))) << i;
    }
  }
}

TEST_F(QueryEngineTest, WatchDeliversNewMatchesAndResumesWithoutLossOrRepeat) {
  Put(0, kJuly2025);  // before the watch: not delivered
  claims::v1::WatchClaimsRequest request;
  request.set_filter_expression("org = palantir");
  absl::Mutex mu;
  std::vector<claims::v1::WatchClaimsResponse> received;
  std::atomic<bool> cancel{false};
  auto watch = [&](claims::v1::WatchClaimsRequest r, int stop_after) {
    return std::thread([&, r, stop_after] {
      int n = 0;
      ASSERT_TRUE(engine_->WatchClaims(
                      r,
                      [&](const claims::v1::WatchClaimsResponse& response) {
                        absl::MutexLock lock(&mu);
                        received.push_back(response);
                        return ++n < stop_after;
                      },
                      [&] { return cancel.load(); })
                      .ok());
    });
  };
  auto count = [&] {
    absl::MutexLock lock(&mu);
    return received.size();
  };
  std::thread first = watch(request, /*stop_after=*/2);  // disconnects after two claims
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  for (int i = 1; i <= 4; ++i) Put(i, kJuly2025 + i);
  first.join();
  ASSERT_EQ(count(), 2u);
  // Reconnect with the last token: the rest arrive, nothing twice.
  request.set_resume_token(received.back().resume_token());
  std::thread second = watch(request, /*stop_after=*/1000);
  Put(5, kJuly2025 + 5);
  for (int i = 0; i < 100 && count() < 5; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  cancel = true;
  second.join();
  std::vector<std::string> ids;
  for (const auto& r : received) ids.push_back(r.claim().id());
  EXPECT_EQ(ids, (std::vector<std::string>{"art1-0001", "art2-0001", "art3-0001", "art4-0001", "art5-0001"}));

  claims::v1::WatchClaimsRequest bad;
  bad.set_resume_token("garbage");
  EXPECT_EQ(engine_->WatchClaims(bad, [](const auto&) { return true; }, [] { return true; }).code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(QueryEngineTest, ListSpeakersByCountWithAliases) {
  for (int i = 0; i < 3; ++i) Put(i, kJuly2025 + i);
  claims::v1::ListSpeakersRequest request;
  request.set_prefix("mac");
  auto speakers = engine_->ListSpeakers(request);
  ASSERT_TRUE(speakers.ok());
  ASSERT_EQ(speakers->speakers_size(), 1);
  EXPECT_EQ(speakers->speakers(0).name(), "Marion Macalpine");
  EXPECT_EQ(speakers->speakers(0).claim_count(), 3);
}

}  // namespace
}  // namespace claims::query
