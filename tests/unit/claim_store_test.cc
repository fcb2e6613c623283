#include "store/claim_store.h"
#include "store/key_codec.h"

#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/testing/temp_dir.h"

namespace claims::store {
namespace {

using claims::v1::Article;
using claims::v1::Claim;

Article MakeArticle(const std::string& id) {
  Article a;
  a.set_id(id);
  a.set_title("Title " + id);
  a.set_text("text of " + id);
  return a;
}

Claim MakeClaim(const std::string& article_id, int ordinal, int64_t seconds,
                std::vector<std::string> orgs, const std::string& speaker,
                std::vector<std::string> topics = {}) {
  Claim c;
  c.set_id(absl::StrCat(article_id, "-", absl::Dec(ordinal, absl::kZeroPad4)));
  c.set_article_id(article_id);
  c.set_text(absl::StrCat("claim ", ordinal));
  c.set_kind(Claim::DIRECT_QUOTE);
  c.mutable_claim_time()->set_seconds(seconds);
  for (const auto& o : orgs) {
    auto* ref = c.add_organisations();
    ref->set_id(o);
    ref->set_name(o + " Name");
    ref->set_mention(o);
  }
  if (!speaker.empty()) {
    c.mutable_speaker()->set_id(speaker);
    c.mutable_speaker()->set_name(speaker);
    c.mutable_speaker()->set_kind(claims::v1::Speaker::PERSON);
  }
  for (const auto& t : topics) c.add_topics()->set_id(t);
  return c;
}

std::vector<std::string> Ids(const ClaimPage& page) {
  std::vector<std::string> out;
  for (const auto& c : page.claims) out.push_back(c.id());
  return out;
}

class ClaimStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = ClaimStore::OpenPrimary(dir_.Sub("db"));
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = std::move(*store);
  }
  claims::testing::TempDir dir_;
  std::unique_ptr<ClaimStore> store_;
};

TEST_F(ClaimStoreTest, ListsClaimsNewestFirst) {
  ASSERT_TRUE(store_->PutArticle(MakeArticle("a1"), {MakeClaim("a1", 1, 100, {"palantir"}, "x"),
                                                     MakeClaim("a1", 2, 300, {"palantir"}, "x"),
                                                     MakeClaim("a1", 3, 200, {}, "y")})
                  .ok());
  ClaimQuery q;
  auto page = store_->ListClaims(q);
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(Ids(*page), (std::vector<std::string>{"a1-0002", "a1-0003", "a1-0001"}));
  EXPECT_FALSE(page->more);
  q.oldest_first = true;
  page = store_->ListClaims(q);
  EXPECT_EQ(Ids(*page), (std::vector<std::string>{"a1-0001", "a1-0003", "a1-0002"}));
}

TEST_F(ClaimStoreTest, ReingestReplacesOldIndexEntries) {
  ASSERT_TRUE(store_->PutArticle(MakeArticle("a1"), {MakeClaim("a1", 1, 100, {"palantir"}, "x"),
                                                     MakeClaim("a1", 2, 200, {"nhs-england"}, "y")})
                  .ok());
  const auto before = store_->Stats();
  ASSERT_TRUE(before.ok());
  Article changed = MakeArticle("a1");
  changed.set_text("corrected text");
  auto result = store_->PutArticle(changed, {MakeClaim("a1", 1, 150, {"homerton"}, "z")});
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_TRUE(result->replaced);
  EXPECT_FALSE(result->unchanged);
  EXPECT_EQ(result->old_claim_count, 2);

  ClaimQuery by_old_org;
  by_old_org.organisation_ids = {"palantir", "nhs-england"};
  EXPECT_TRUE(store_->ListClaims(by_old_org)->claims.empty());
  ClaimQuery by_old_speaker;
  by_old_speaker.speaker_ids = {"x"};
  EXPECT_TRUE(store_->ListClaims(by_old_speaker)->claims.empty());
  ClaimQuery by_new_org;
  by_new_org.organisation_ids = {"homerton"};
  EXPECT_EQ(Ids(*store_->ListClaims(by_new_org)), std::vector<std::string>{"a1-0001"});
  EXPECT_EQ(store_->GetClaim("a1-0002").status().code(), absl::StatusCode::kNotFound);

  const auto after = store_->Stats();
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->articles, 1);
  EXPECT_EQ(after->claims, 1);
  // all, article, kind, organisation, speaker: 5 postings for the single claim.
  EXPECT_EQ(after->index_entries, 5);

  auto orgs = store_->ListEntities('o', "", 10, /*include_empty=*/false);
  ASSERT_TRUE(orgs.ok());
  ASSERT_EQ(orgs->size(), 1u);
  EXPECT_EQ((*orgs)[0].id, "homerton");
  EXPECT_EQ((*orgs)[0].claim_count, 1);
}

TEST_F(ClaimStoreTest, IdenticalReingestChangesNothing) {
  const std::vector<Claim> claims = {MakeClaim("a1", 1, 100, {"palantir"}, "x")};
  ASSERT_TRUE(store_->PutArticle(MakeArticle("a1"), claims).ok());
  Article again = MakeArticle("a1");
  again.mutable_ingested_time()->set_seconds(999);
  auto result = store_->PutArticle(again, claims);
  ASSERT_TRUE(result.ok());
  EXPECT_TRUE(result->unchanged);
  auto orgs = store_->ListEntities('o', "pal", 10, false);
  ASSERT_EQ(orgs->size(), 1u);
  EXPECT_EQ((*orgs)[0].claim_count, 1);
}

TEST_F(ClaimStoreTest, DeleteRemovesEverythingItWrote) {
  ASSERT_TRUE(store_->PutArticle(MakeArticle("a1"), {MakeClaim("a1", 1, 100, {"palantir"}, "x", {"health/health-services"}),
                                                     MakeClaim("a1", 2, 200, {"palantir"}, "y")})
                  .ok());
  ASSERT_TRUE(store_->PutArticle(MakeArticle("b2"), {MakeClaim("b2", 1, 100, {"palantir"}, "x")}).ok());
  auto deleted = store_->DeleteArticle("a1");
  ASSERT_TRUE(deleted.ok()) << deleted.status();
  EXPECT_EQ(*deleted, 2);
  EXPECT_EQ(store_->GetArticle("a1").status().code(), absl::StatusCode::kNotFound);
  const auto stats = store_->Stats();
  EXPECT_EQ(stats->articles, 1);
  EXPECT_EQ(stats->claims, 1);
  EXPECT_EQ(stats->index_entries, 5);
  auto topics = store_->ListEntities('t', "", 10, false);
  EXPECT_TRUE(topics->empty());
  auto orgs = store_->ListEntities('o', "", 10, false);
  ASSERT_EQ(orgs->size(), 1u);
  EXPECT_EQ((*orgs)[0].claim_count, 1);
  EXPECT_EQ(store_->DeleteArticle("a1").status().code(), absl::StatusCode::kNotFound);
}

TEST_F(ClaimStoreTest, TopicFilterIncludesChildTopics) {
  ASSERT_TRUE(store_->PutArticle(MakeArticle("a1"),
                                 {MakeClaim("a1", 1, 100, {}, "x", {"health/health-services"}),
                                  MakeClaim("a1", 2, 200, {}, "x", {"politics"})})
                  .ok());
  ClaimQuery q;
  q.topic_ids = {"health"};
  EXPECT_EQ(Ids(*store_->ListClaims(q)), std::vector<std::string>{"a1-0001"});
}

TEST_F(ClaimStoreTest, ResolvesIdsNamesAndAliasesCaseInsensitively) {
  claims::v1::Organisation org;
  org.set_id("dhsc");
  org.set_name("Department of Health and Social Care");
  org.add_aliases("DHSC");
  org.add_aliases("Department of Health");
  ASSERT_TRUE(store_->RegisterOrganisations({org}).ok());
  for (const char* name : {"dhsc", "DHSC", "department of health", "Department of Health and Social Care"}) {
    auto ids = store_->ResolveEntity('o', name);
    ASSERT_TRUE(ids.ok());
    EXPECT_EQ(*ids, std::vector<std::string>{"dhsc"}) << name;
  }
  EXPECT_TRUE(store_->ResolveEntity('o', "nobody")->empty());
  auto listed = store_->ListEntities('o', "depart", 10, /*include_empty=*/true);
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].name, "Department of Health and Social Care");
  EXPECT_EQ((*listed)[0].aliases.size(), 2u);
}

TEST_F(ClaimStoreTest, SurnameFindsPersonSpeaker) {
  Claim c = MakeClaim("a1", 1, 100, {}, "");
  c.mutable_speaker()->set_id("marion-macalpine");
  c.mutable_speaker()->set_name("Marion Macalpine");
  c.mutable_speaker()->set_mention("she");
  c.mutable_speaker()->set_kind(claims::v1::Speaker::PERSON);
  ASSERT_TRUE(store_->PutArticle(MakeArticle("a1"), {c}).ok());
  EXPECT_EQ(*store_->ResolveEntity('s', "macalpine"), std::vector<std::string>{"marion-macalpine"});
  EXPECT_TRUE(store_->ResolveEntity('s', "she")->empty());
}

TEST_F(ClaimStoreTest, SecondaryInstanceSeesWritesAfterCatchUp) {
  ASSERT_TRUE(store_->PutArticle(MakeArticle("a1"), {MakeClaim("a1", 1, 100, {"palantir"}, "x")}).ok());
  auto secondary = ClaimStore::OpenSecondary(dir_.Sub("db"), dir_.Sub("secondary"));
  ASSERT_TRUE(secondary.ok()) << secondary.status();
  EXPECT_EQ((*secondary)->ListClaims(ClaimQuery())->claims.size(), 1u);
  ASSERT_TRUE(store_->PutArticle(MakeArticle("b2"), {MakeClaim("b2", 1, 100, {"palantir"}, "x")}).ok());
  ASSERT_TRUE((*secondary)->CatchUp().ok());
  EXPECT_EQ((*secondary)->ListClaims(ClaimQuery())->claims.size(), 2u);
  EXPECT_EQ((*secondary)->PutArticle(MakeArticle("c"), {}).status().code(),
            absl::StatusCode::kFailedPrecondition);
}

TEST(ClaimStoreOpenTest, SecondPrimaryOnTheSameDirectoryIsUnavailable) {
  claims::testing::TempDir dir;
  auto first = ClaimStore::OpenPrimary(dir.Sub("db"));
  ASSERT_TRUE(first.ok());
  auto second = ClaimStore::OpenPrimary(dir.Sub("db"));
  EXPECT_EQ(second.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_NE(second.status().message().find("another"), absl::string_view::npos);
}

TEST(ClaimStoreOpenTest, SecondaryWithoutDatabaseIsUnavailable) {
  claims::testing::TempDir dir;
  auto secondary = ClaimStore::OpenSecondary(dir.Sub("missing"), dir.Sub("s"));
  EXPECT_EQ(secondary.status().code(), absl::StatusCode::kUnavailable);
}

// Filters, intersections, time ranges and paging against a brute-force reference.
TEST_F(ClaimStoreTest, RandomisedQueriesMatchBruteForce) {
  std::mt19937 rng(20251129);
  const std::vector<std::string> orgs = {"o1", "o2", "o3", "o4"};
  const std::vector<std::string> speakers = {"s1", "s2", "s3"};
  std::vector<Claim> all;
  for (int a = 0; a < 40; ++a) {
    const std::string article_id = absl::StrCat("art", a);
    std::vector<Claim> claims;
    for (int i = 1; i <= 5; ++i) {
      std::vector<std::string> cos;
      for (const auto& o : orgs) {
        if (rng() % 3 == 0) cos.push_back(o);
      }
      Claim c = MakeClaim(article_id, i, 1000 + static_cast<int64_t>(rng() % 50), cos,
                          speakers[rng() % speakers.size()]);
      claims.push_back(c);
      all.push_back(c);
    }
    ASSERT_TRUE(store_->PutArticle(MakeArticle(article_id), claims).ok());
  }
  for (int round = 0; round < 60; ++round) {
    ClaimQuery q;
    for (const auto& o : orgs) {
      if (rng() % 4 == 0) q.organisation_ids.push_back(o);
    }
    if (rng() % 2) q.speaker_ids.push_back(speakers[rng() % speakers.size()]);
    if (rng() % 2) q.start_seconds = 1000 + rng() % 25;
    if (rng() % 2) q.end_seconds = 1020 + rng() % 30;
    q.oldest_first = rng() % 2;
    q.limit = 1 + rng() % 7;

    std::vector<std::pair<std::string, std::string>> expected;  // (suffix-order key, id)
    for (const auto& c : all) {
      const int64_t t = c.claim_time().seconds();
      if (q.start_seconds && t < *q.start_seconds) continue;
      if (q.end_seconds && t >= *q.end_seconds) continue;
      if (!q.speaker_ids.empty() && c.speaker().id() != q.speaker_ids[0]) continue;
      if (!q.organisation_ids.empty()) {
        bool any = false;
        for (const auto& ref : c.organisations()) {
          any |= std::count(q.organisation_ids.begin(), q.organisation_ids.end(), ref.id()) > 0;
        }
        if (!any) continue;
      }
      expected.emplace_back(EncodeTimeDesc(t) + c.id(), c.id());
    }
    std::sort(expected.begin(), expected.end());
    if (q.oldest_first) std::reverse(expected.begin(), expected.end());

    std::vector<std::string> got;
    for (int pages = 0; pages < 1000; ++pages) {
      auto page = store_->ListClaims(q);
      ASSERT_TRUE(page.ok());
      for (const auto& c : page->claims) got.push_back(c.id());
      if (!page->more) break;
      q.after_suffix = page->last_suffix;
    }
    std::vector<std::string> want;
    for (const auto& e : expected) want.push_back(e.second);
    EXPECT_EQ(got, want) << "round " << round;
  }
}

}  // namespace
}  // namespace claims::store
