#include "store/claim_store.h"
#include "store/key_codec.h"

#include <algorithm>
#include <random>
#include <thread>
#include <set>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
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

// An article's claims name the same speaker again and again; its record and aliases are
// those of the last claim, as if every claim's were written in order.
TEST_F(ClaimStoreTest, AnEntityNamedByManyClaimsKeepsWhatTheLastOneSays) {
  std::vector<Claim> claims;
  for (int i = 1; i <= 4; ++i) {
    Claim c = MakeClaim("a1", i, 100 * i, {"acme"}, "ann-lee");
    c.mutable_speaker()->set_name("Ann Lee");
    // PERSON, ORGANISATION, PERSON, ORGANISATION: the last one wins.
    c.mutable_speaker()->set_kind(i % 2 == 1 ? claims::v1::Speaker::PERSON : claims::v1::Speaker::ORGANISATION);
    c.mutable_speaker()->set_mention(i == 3 ? "Dr Lee" : "Ann Lee");
    claims.push_back(c);
  }
  ASSERT_TRUE(store_->PutArticle(MakeArticle("a1"), claims).ok());
  auto speakers = store_->ListEntities('s', "", 10, false);
  ASSERT_TRUE(speakers.ok()) << speakers.status();
  ASSERT_EQ(speakers->size(), 1u);
  EXPECT_EQ((*speakers)[0].id, "ann-lee");
  EXPECT_EQ((*speakers)[0].name, "Ann Lee");
  EXPECT_EQ((*speakers)[0].kind, claims::v1::Speaker::ORGANISATION);
  EXPECT_EQ((*speakers)[0].claim_count, 4);
  // The mention of claim 3 is an alias too, though claim 4 said "Ann Lee" again.
  auto by_mention = store_->ResolveEntity('s', "Dr Lee");
  ASSERT_TRUE(by_mention.ok()) << by_mention.status();
  EXPECT_EQ(*by_mention, (std::vector<std::string>{"ann-lee"}));
  auto orgs = store_->ListEntities('o', "", 10, false);
  ASSERT_TRUE(orgs.ok());
  ASSERT_EQ(orgs->size(), 1u);
  EXPECT_EQ((*orgs)[0].name, "acme Name");
  EXPECT_EQ((*orgs)[0].claim_count, 4);
}

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
  by_old_org.filter = FilterExpr::Term(FilterExpr::Field::kOrganisation, {"palantir", "nhs-england"});
  EXPECT_TRUE(store_->ListClaims(by_old_org)->claims.empty());
  ClaimQuery by_old_speaker;
  by_old_speaker.filter = FilterExpr::Term(FilterExpr::Field::kSpeaker, {"x"});
  EXPECT_TRUE(store_->ListClaims(by_old_speaker)->claims.empty());
  ClaimQuery by_new_org;
  by_new_org.filter = FilterExpr::Term(FilterExpr::Field::kOrganisation, {"homerton"});
  EXPECT_EQ(Ids(*store_->ListClaims(by_new_org)), std::vector<std::string>{"a1-0001"});
  EXPECT_EQ(store_->GetClaim("a1-0002").status().code(), absl::StatusCode::kNotFound);

  const auto after = store_->Stats();
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->articles, 1);
  EXPECT_EQ(after->claims, 1);
  // all, article, kind, organisation, speaker, organisation+speaker, sequence: 7 postings
  // for the single claim.
  EXPECT_EQ(after->index_entries, 7);

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
  EXPECT_EQ(stats->index_entries, 7);
  auto topics = store_->ListEntities('t', "", 10, false);
  EXPECT_TRUE(topics->empty());
  auto orgs = store_->ListEntities('o', "", 10, false);
  ASSERT_EQ(orgs->size(), 1u);
  EXPECT_EQ((*orgs)[0].claim_count, 1);
  EXPECT_EQ(store_->DeleteArticle("a1").status().code(), absl::StatusCode::kNotFound);
}

TEST_F(ClaimStoreTest, AJointStatementIsFoundUnderEachMemberAndLeavesNothingWhenDeleted) {
  Claim c = MakeClaim("a1", 1, 100, {"bma", "rcn"}, "", {"health"});
  claims::v1::Speaker* s = c.mutable_speaker();
  s->set_id("british-medical-association-and-royal-college-of-nursing");
  s->set_name("British Medical Association and Royal College of Nursing");
  s->set_kind(claims::v1::Speaker::GROUP);
  for (const auto& [id, name] : {std::pair<std::string, std::string>{"bma", "British Medical Association"},
                                 {"rcn", "Royal College of Nursing"}}) {
    claims::v1::Speaker* m = s->add_members();
    m->set_id(id);
    m->set_name(name);
    m->set_kind(claims::v1::Speaker::ORGANISATION);
  }
  ASSERT_TRUE(store_->PutArticle(MakeArticle("a1"), {c, MakeClaim("a1", 2, 200, {"rcn"}, "rcn")}).ok());
  // By the member's name, id or alias, alone and with a topic (a pair posting).
  EXPECT_EQ(*store_->ResolveEntity('s', "Royal College of Nursing"), std::vector<std::string>{"rcn"});
  ClaimQuery q;
  q.filter = FilterExpr::Term(FilterExpr::Field::kSpeaker, {"rcn"});
  EXPECT_EQ(Ids(*store_->ListClaims(q)), (std::vector<std::string>{"a1-0002", "a1-0001"}));
  q.filter = FilterExpr::Term(FilterExpr::Field::kSpeaker, {"bma"});
  EXPECT_EQ(Ids(*store_->ListClaims(q)), std::vector<std::string>{"a1-0001"});
  q.filter = FilterExpr::And({FilterExpr::Term(FilterExpr::Field::kSpeaker, {"bma"}),
                              FilterExpr::Term(FilterExpr::Field::kTopic, {"health"})});
  EXPECT_EQ(Ids(*store_->ListClaims(q)), std::vector<std::string>{"a1-0001"});
  q.filter = FilterExpr::And({FilterExpr::Term(FilterExpr::Field::kSpeaker, {"bma"}),
                              FilterExpr::Term(FilterExpr::Field::kOrganisation, {"rcn"})});
  EXPECT_EQ(Ids(*store_->ListClaims(q)), std::vector<std::string>{"a1-0001"});
  // Counted once under the group and once under each member.
  auto counts = store_->CountClaims(FilterExpr(), GroupBy::kSpeaker);
  ASSERT_TRUE(counts.ok()) << counts.status();
  absl::flat_hash_map<std::string, int64_t> got;
  for (const auto& row : counts->rows) got[row.key] = row.count;
  EXPECT_EQ(got, (absl::flat_hash_map<std::string, int64_t>{
                     {"british-medical-association-and-royal-college-of-nursing", 1}, {"bma", 1}, {"rcn", 2}}));
  auto speakers = store_->ListEntities('s', "", 10, false);
  ASSERT_TRUE(speakers.ok());
  EXPECT_EQ(speakers->size(), 3u);
  // Deleted: no posting, count or speaker of it is left.
  ASSERT_TRUE(store_->DeleteArticle("a1").ok());
  EXPECT_EQ(store_->Stats()->index_entries, 0);
  EXPECT_TRUE(store_->ListEntities('s', "", 10, false)->empty());
}

TEST_F(ClaimStoreTest, TopicFilterIncludesChildTopics) {
  ASSERT_TRUE(store_->PutArticle(MakeArticle("a1"),
                                 {MakeClaim("a1", 1, 100, {}, "x", {"health/health-services"}),
                                  MakeClaim("a1", 2, 200, {}, "x", {"politics"})})
                  .ok());
  ClaimQuery q;
  q.filter = FilterExpr::Term(FilterExpr::Field::kTopic, {"health"});
  EXPECT_EQ(Ids(*store_->ListClaims(q)), std::vector<std::string>{"a1-0001"});
}

TEST_F(ClaimStoreTest, PairsNameOwnTopicsAndAParentTopicFindsItsChildren) {
  ASSERT_TRUE(store_->PutArticle(MakeArticle("a1"), {MakeClaim("a1", 1, 100, {"o1"}, "s1",
                                                               {"health/health-services"}),
                                                     MakeClaim("a1", 2, 200, {"o1"}, "s2",
                                                               {"health"}),
                                                     MakeClaim("a1", 3, 300, {"o2"}, "s1",
                                                               {"politics"})})
                  .ok());
  // a1-0001: all, article, kind, o1, s1, health, health/health-services, o1+s1,
  // o1+health/health-services, health/health-services+s1, sequence (no pairs for "health").
  // a1-0002: all, article, kind, o1, s2, health, o1+s2, o1+health, health+s2, sequence.
  // a1-0003: all, article, kind, o2, s1, politics, o2+s1, o2+politics, politics+s1, sequence.
  EXPECT_EQ(store_->Stats()->index_entries, 11 + 10 + 10);
  ClaimQuery q;
  q.filter = FilterExpr::And({FilterExpr::Term(FilterExpr::Field::kOrganisation, {"o1"}),
                              FilterExpr::Term(FilterExpr::Field::kTopic, {"health"})});
  auto page = store_->ListClaims(q);
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(Ids(*page), (std::vector<std::string>{"a1-0002", "a1-0001"}));
  EXPECT_EQ(page->entries_read, 2);  // one pair posting per match
  q.filter = FilterExpr::And({FilterExpr::Term(FilterExpr::Field::kTopic, {"health"}),
                              FilterExpr::Term(FilterExpr::Field::kSpeaker, {"s1"})});
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

TEST_F(ClaimStoreTest, ASpeakerAskedForWithATitleIsFoundByTheName) {
  Claim c = MakeClaim("a1", 1, 100, {}, "");
  c.mutable_speaker()->set_id("amelia-hart");
  c.mutable_speaker()->set_name("Amelia Hart");
  c.mutable_speaker()->set_mention("Amelia Hart, director of data at NHS England");
  c.mutable_speaker()->set_kind(claims::v1::Speaker::PERSON);
  ASSERT_TRUE(store_->PutArticle(MakeArticle("a1"), {c}).ok());
  for (const char* name : {"Dr Amelia Hart", "Prof. Amelia Hart", "dr amelia hart", "Amelia Hart"}) {
    EXPECT_EQ(*store_->ResolveEntity('s', name), std::vector<std::string>{"amelia-hart"}) << name;
  }
  EXPECT_TRUE(store_->ResolveEntity('s', "Dr Someone Else")->empty());
  EXPECT_TRUE(store_->ResolveEntity('s', "Dr")->empty());
}

// The writer drops re-puts of entity values it last committed (committed_value_cache.h): a
// changed value, and a change back, must still be written, through every write path.
TEST_F(ClaimStoreTest, EntityRecordFollowsEveryChangeOfItsValue) {
  auto claim_naming = [](const std::string& article, const std::string& org_name) {
    Claim c = MakeClaim(article, 1, 100, {"o1"}, "s1");
    c.mutable_organisations(0)->set_name(org_name);
    c.mutable_speaker()->set_name("Speaker " + org_name);
    return c;
  };
  ASSERT_TRUE(store_->PutArticle(MakeArticle("a1"), {claim_naming("a1", "First")}).ok());
  ASSERT_TRUE(store_->PutArticle(MakeArticle("a2"), {claim_naming("a2", "First")}).ok());
  EXPECT_EQ(*store_->EntityName('o', "o1"), "First");
  ASSERT_TRUE(store_->PutArticle(MakeArticle("a3"), {claim_naming("a3", "Second")}).ok());
  EXPECT_EQ(*store_->EntityName('o', "o1"), "Second");
  EXPECT_EQ(*store_->EntityName('s', "s1"), "Speaker Second");
  ASSERT_TRUE(store_->PutArticle(MakeArticle("a4"), {claim_naming("a4", "First")}).ok());
  EXPECT_EQ(*store_->EntityName('o', "o1"), "First");
  EXPECT_EQ(*store_->EntityName('s', "s1"), "Speaker First");

  // Registration overwrites the record outside PutArticle; a put of the value committed before
  // it is not "unchanged" afterwards.
  claims::v1::Organisation org;
  org.set_id("o1");
  org.set_name("Registered");
  ASSERT_TRUE(store_->RegisterOrganisations({org}).ok());
  EXPECT_EQ(*store_->EntityName('o', "o1"), "Registered");
  ASSERT_TRUE(store_->PutArticle(MakeArticle("a5"), {claim_naming("a5", "First")}).ok());
  EXPECT_EQ(*store_->EntityName('o', "o1"), "First");

  // Every alias written on the way resolves, on the primary and through a secondary.
  auto secondary = ClaimStore::OpenSecondary(dir_.Sub("db"), dir_.Sub("secondary"));
  ASSERT_TRUE(secondary.ok()) << secondary.status();
  for (const char* name : {"first", "second", "registered"}) {
    EXPECT_EQ(*store_->ResolveEntity('o', name), std::vector<std::string>{"o1"}) << name;
    EXPECT_EQ(*(*secondary)->ResolveEntity('o', name), std::vector<std::string>{"o1"}) << name;
  }
  EXPECT_EQ(*(*secondary)->EntityName('o', "o1"), "First");

  // And the last value is the durable one.
  store_.reset();
  auto reopened = ClaimStore::OpenPrimary(dir_.Sub("db"));
  ASSERT_TRUE(reopened.ok()) << reopened.status();
  EXPECT_EQ(*(*reopened)->EntityName('o', "o1"), "First");
  EXPECT_EQ(*(*reopened)->EntityName('s', "s1"), "Speaker First");
}

// Many writers at once: whichever leads a group, each article's entity record ends as the
// value of the last article committed, and re-puts of it after that change nothing.
TEST_F(ClaimStoreTest, ConcurrentWritersKeepEntityRecordsExact) {
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([this, t] {
      for (int i = 0; i < 25; ++i) {
        const std::string id = absl::StrCat("t", t, "a", i);
        Claim c = MakeClaim(id, 1, 100 + i, {absl::StrCat("org", t)}, "");
        c.mutable_organisations(0)->set_name(absl::StrCat("Org ", t, " v", i / 10));
        ASSERT_TRUE(store_->PutArticle(MakeArticle(id), {c}).ok());
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < 4; ++t) {
    EXPECT_EQ(*store_->EntityName('o', absl::StrCat("org", t)), absl::StrCat("Org ", t, " v2"));
    EXPECT_EQ(*store_->ResolveEntity('o', absl::StrCat("org ", t, " v0")),
              std::vector<std::string>{absl::StrCat("org", t)});
  }
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

TEST_F(ClaimStoreTest, SecondaryResolvesNamesThatAppearAfterItsLastAnswer) {
  ASSERT_TRUE(store_->PutArticle(MakeArticle("a1"), {MakeClaim("a1", 1, 100, {"palantir"}, "x")}).ok());
  auto secondary = ClaimStore::OpenSecondary(dir_.Sub("db"), dir_.Sub("secondary"));
  ASSERT_TRUE(secondary.ok()) << secondary.status();
  // Asked twice before the speaker exists (the second answer may come from its cache)...
  EXPECT_TRUE((*secondary)->ResolveEntity('s', "Marion Macalpine")->empty());
  EXPECT_TRUE((*secondary)->ResolveEntity('s', "Marion Macalpine")->empty());
  EXPECT_EQ(*(*secondary)->ResolveEntity('o', "palantir"), std::vector<std::string>{"palantir"});
  Claim c = MakeClaim("b2", 1, 100, {"palantir"}, "");
  c.mutable_speaker()->set_id("marion-macalpine");
  c.mutable_speaker()->set_name("Marion Macalpine");
  c.mutable_speaker()->set_kind(claims::v1::Speaker::PERSON);
  ASSERT_TRUE(store_->PutArticle(MakeArticle("b2"), {c}).ok());
  // ...and found once the secondary has caught up with the write that named her.
  EXPECT_TRUE((*secondary)->ResolveEntity('s', "Marion Macalpine")->empty());
  ASSERT_TRUE((*secondary)->CatchUp().ok());
  EXPECT_EQ(*(*secondary)->ResolveEntity('s', "Marion Macalpine"),
            std::vector<std::string>{"marion-macalpine"});
  EXPECT_EQ(*(*secondary)->ResolveEntity('s', "macalpine"), std::vector<std::string>{"marion-macalpine"});
  EXPECT_EQ(*(*secondary)->ResolveEntity('o', "palantir"), std::vector<std::string>{"palantir"});
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

// A random filter over a small vocabulary, nesting AND, OR, NOT, terms and time ranges.
FilterExpr RandomFilter(std::mt19937* rng, int depth) {
  const std::vector<std::string> orgs = {"o1", "o2", "o3", "o4", "unknown"};
  const std::vector<std::string> speakers = {"s1", "s2", "s3"};
  const int choice = depth <= 0 ? (*rng)() % 3 : (*rng)() % 6;
  switch (choice) {
    case 0: {
      std::vector<std::string> values;
      for (const auto& o : orgs) {
        if ((*rng)() % 3 == 0) values.push_back(o);
      }
      if (values.empty()) values.push_back(orgs[(*rng)() % orgs.size()]);
      return FilterExpr::Term(FilterExpr::Field::kOrganisation, values);
    }
    case 1:
      if ((*rng)() % 3 == 0) {
        return FilterExpr::Term(FilterExpr::Field::kTopic, {(*rng)() % 2 ? "health" : "politics"});
      }
      return FilterExpr::Term(FilterExpr::Field::kSpeaker, {speakers[(*rng)() % speakers.size()]});
    case 2: {
      std::optional<int64_t> start, end;
      if ((*rng)() % 2) start = 1000 + (*rng)() % 30;
      if ((*rng)() % 2 || !start) end = 1010 + (*rng)() % 40;
      return FilterExpr::Time(start, end);
    }
    case 3: return FilterExpr::Not(RandomFilter(rng, depth - 1));
    default: {
      std::vector<FilterExpr> children;
      const int n = 2 + (*rng)() % 2;
      for (int i = 0; i < n; ++i) children.push_back(RandomFilter(rng, depth - 1));
      return choice == 4 ? FilterExpr::And(std::move(children)) : FilterExpr::Or(std::move(children));
    }
  }
}

// Who writes and who answers in the randomised tests: one primary doing both, or the service
// pair's way, a write-optimised primary (as claims-ingest opens it) read through a secondary
// (as claims-query reads).
enum class Readers { kPrimary, kSecondaryOfWriter };

class RandomisedStoreTest : public ClaimStoreTest, public ::testing::WithParamInterface<Readers> {
 protected:
  void SetUp() override {
    if (GetParam() == Readers::kPrimary) {
      ClaimStoreTest::SetUp();
    } else {
      PrimaryOptions options;
      options.memtables = MemtableLayout::kForWrites;
      auto store = ClaimStore::OpenPrimary(dir_.Sub("db"), options);
      ASSERT_TRUE(store.ok()) << store.status();
      store_ = std::move(*store);
    }
    Write();
    if (GetParam() == Readers::kSecondaryOfWriter) {
      auto secondary = ClaimStore::OpenSecondary(dir_.Sub("db"), dir_.Sub("secondary"));
      ASSERT_TRUE(secondary.ok()) << secondary.status();
      writer_ = std::move(store_);
      store_ = std::move(*secondary);
    }
  }

  void Write() {
    std::mt19937 rng(20251129);
    const std::vector<std::string> orgs = {"o1", "o2", "o3", "o4"};
    const std::vector<std::string> speakers = {"s1", "s2", "s3"};
    for (int a = 0; a < 40; ++a) {
      const std::string article_id = absl::StrCat("art", a);
      std::vector<Claim> claims;
      for (int i = 1; i <= 5; ++i) {
        std::vector<std::string> cos;
        for (const auto& o : orgs) {
          if (rng() % 3 == 0) cos.push_back(o);
        }
        // Times on whole days and within days, so both count paths are exercised.
        const int64_t t = rng() % 2 ? 86400 * (20000 + rng() % 40) : 1000 + rng() % 50;
        Claim c = MakeClaim(article_id, i, t, cos, speakers[rng() % speakers.size()],
                            {rng() % 2 ? "health/services" : "politics"});
        if (rng() % 4 == 0) {
          // A joint statement: found under the group and under each member.
          const std::string other = speakers[rng() % speakers.size()];
          auto* member = c.mutable_speaker()->add_members();
          *member = c.speaker();
          c.mutable_speaker()->add_members()->set_id(other);
          c.mutable_speaker()->set_id(absl::StrCat("joint-", member->id(), "-", other));
          c.mutable_speaker()->set_kind(claims::v1::Speaker::GROUP);
        }
        claims.push_back(c);
      }
      ASSERT_TRUE(store_->PutArticle(MakeArticle(article_id), claims).ok());
      for (auto c : claims) all_.push_back(c);
    }
  }
  std::vector<Claim> all_;
  std::unique_ptr<ClaimStore> writer_;  // kSecondaryOfWriter: the primary, kept open
};

INSTANTIATE_TEST_SUITE_P(Readers, RandomisedStoreTest,
                         ::testing::Values(Readers::kPrimary, Readers::kSecondaryOfWriter),
                         [](const ::testing::TestParamInfo<Readers>& info) {
                           return info.param == Readers::kPrimary ? "Primary" : "SecondaryOfWriter";
                         });

// Filters, intersections, differences, time ranges and paging against a brute-force reference.
TEST_P(RandomisedStoreTest, QueriesMatchBruteForce) {
  std::mt19937 rng(7);
  for (int round = 0; round < 200; ++round) {
    ClaimQuery q;
    q.filter = RandomFilter(&rng, 3);
    q.oldest_first = rng() % 2;
    q.limit = 1 + rng() % 7;
    std::vector<std::pair<std::string, std::string>> expected;  // (posting suffix, id)
    for (const auto& c : all_) {
      if (Matches(q.filter, c)) expected.emplace_back(PostingSuffix(c.claim_time().seconds(), c.id()), c.id());
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

TEST_P(RandomisedStoreTest, CountsMatchBruteForceFromCountersAndFromPostings) {
  std::mt19937 rng(11);
  const std::vector<GroupBy> groupings = {GroupBy::kOrganisation, GroupBy::kTopic, GroupBy::kSpeaker,
                                          GroupBy::kDay, GroupBy::kMonth, GroupBy::kYear};
  int from_counters = 0;
  for (int round = 0; round < 120; ++round) {
    FilterExpr filter;
    switch (round % 4) {
      case 0: break;  // everything
      case 1: filter = FilterExpr::Term(FilterExpr::Field::kOrganisation, {"o2"}); break;
      case 2:
        filter = FilterExpr::And({FilterExpr::Term(FilterExpr::Field::kSpeaker, {"s1"}),
                                  FilterExpr::Time(86400 * 20010, 86400 * 20030)});
        break;
      default: filter = RandomFilter(&rng, 2);
    }
    const GroupBy by = groupings[rng() % groupings.size()];
    absl::flat_hash_map<std::string, int64_t> want;
    for (const auto& c : all_) {
      if (!Matches(filter, c)) continue;
      const std::string day = DayString(c.claim_time().seconds());
      switch (by) {
        case GroupBy::kOrganisation:
          for (const auto& o : c.organisations()) ++want[o.id()];
          break;
        case GroupBy::kTopic:
          for (const auto& t : c.topics()) {
            ++want[t.id()];
            if (t.id() == "health/services") ++want["health"];
          }
          break;
        case GroupBy::kSpeaker: {
          absl::flat_hash_set<std::string> ids = {c.speaker().id()};
          for (const auto& m : c.speaker().members()) ids.insert(m.id());
          for (const auto& id : ids) ++want[id];
          break;
        }
        case GroupBy::kDay: ++want[day]; break;
        case GroupBy::kMonth: ++want[day.substr(0, 7)]; break;
        case GroupBy::kYear: ++want[day.substr(0, 4)]; break;
      }
    }
    auto result = store_->CountClaims(filter, by);
    ASSERT_TRUE(result.ok()) << result.status();
    from_counters += result->from_counters;
    absl::flat_hash_map<std::string, int64_t> got;
    for (const auto& row : result->rows) got[row.key] = row.count;
    EXPECT_EQ(got, want) << "round " << round;
  }
  EXPECT_GT(from_counters, 20);  // the fast path was taken, and agreed
}

TEST_F(ClaimStoreTest, ClaimsSinceFollowsCommitOrderAndSkipsReplacedClaims) {
  ASSERT_TRUE(store_->PutArticle(MakeArticle("a"), {MakeClaim("a", 1, 100, {}, "x")}).ok());
  ASSERT_TRUE(store_->PutArticle(MakeArticle("b"), {MakeClaim("b", 1, 50, {}, "x"),
                                                    MakeClaim("b", 2, 60, {}, "y")}).ok());
  auto since = store_->ClaimsSince(0, 100);
  ASSERT_TRUE(since.ok());
  std::vector<std::string> ids;
  for (const auto& c : since->claims) ids.push_back(c.id());
  EXPECT_EQ(ids, (std::vector<std::string>{"a-0001", "b-0001", "b-0002"}));
  EXPECT_EQ(since->last_sequence, 2);
  EXPECT_EQ(*store_->LastSequence(), 2);
  // Replacing "a" gives it a new sequence; the old one is gone.
  Article changed = MakeArticle("a");
  changed.set_text("new");
  ASSERT_TRUE(store_->PutArticle(changed, {MakeClaim("a", 1, 100, {}, "z")}).ok());
  since = store_->ClaimsSince(2, 100);
  ASSERT_EQ(since->claims.size(), 1u);
  EXPECT_EQ(since->claims[0].speaker().id(), "z");
  EXPECT_EQ(since->claims[0].ingest_sequence(), 3);
  EXPECT_EQ(store_->ClaimsSince(0, 100)->claims.size(), 3u);
}

TEST(ClaimStoreReopenTest, SequenceContinuesAfterReopen) {
  claims::testing::TempDir dir;
  {
    auto store = ClaimStore::OpenPrimary(dir.Sub("db"));
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->PutArticle(MakeArticle("a"), {MakeClaim("a", 1, 1, {}, "x")}).ok());
  }
  auto store = ClaimStore::OpenPrimary(dir.Sub("db"));
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->PutArticle(MakeArticle("b"), {MakeClaim("b", 1, 1, {}, "x")}).ok());
  EXPECT_EQ((*store)->GetClaim("b-0001")->ingest_sequence(), 2);
}

TEST(ClaimStoreConcurrencyTest, ConcurrentWritersShareCommitsAndLoseNothing) {
  claims::testing::TempDir dir;
  auto store = ClaimStore::OpenPrimary(dir.Sub("db"));
  ASSERT_TRUE(store.ok());
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        const std::string id = absl::StrCat("t", t, "a", i % 10);  // re-ingests too
        Article a = MakeArticle(id);
        a.set_text(absl::StrCat("version ", i));
        EXPECT_TRUE((*store)->PutArticle(a, {MakeClaim(id, 1, i, {"o1"}, "x")}).ok());
      }
    });
  }
  for (auto& th : threads) th.join();
  const auto stats = (*store)->Stats();
  EXPECT_EQ(stats->articles, 80);
  EXPECT_EQ(stats->claims, 80);
  auto counts = (*store)->CountClaims(FilterExpr::True(), GroupBy::kOrganisation);
  ASSERT_EQ(counts->rows.size(), 1u);
  EXPECT_EQ(counts->rows[0].count, 80);
  EXPECT_EQ((*store)->ClaimsSince(0, 1000)->claims.size(), 80u);
}

}  // namespace
}  // namespace claims::store
