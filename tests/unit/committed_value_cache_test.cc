#include "store/committed_value_cache.h"

#include <string>

#include "gtest/gtest.h"

namespace claims::store {
namespace {

constexpr int kCached = 4;
constexpr int kOther = 3;

TEST(CommittedValueCacheTest, DropsOnlyAPutOfTheValueLastCommitted) {
  CommittedValueCache cache(kCached, 100);
  const std::string key = "Eo1", v1 = "one", v2 = "two";
  EXPECT_TRUE(cache.KeepPut(kCached, key, v1));
  cache.Committed();
  EXPECT_FALSE(cache.KeepPut(kCached, key, v1));
  EXPECT_TRUE(cache.KeepPut(kCached, key, v2));  // changed: written
  cache.Committed();
  EXPECT_TRUE(cache.KeepPut(kCached, key, v1));  // changed back: written
  cache.Committed();
  EXPECT_FALSE(cache.KeepPut(kCached, key, v1));
  EXPECT_EQ(cache.dropped(), 2);
}

TEST(CommittedValueCacheTest, LeavesOtherFamiliesAlone) {
  CommittedValueCache cache(kCached, 100);
  EXPECT_TRUE(cache.KeepPut(kOther, "k", "v"));
  cache.Committed();
  EXPECT_TRUE(cache.KeepPut(kOther, "k", "v"));
  EXPECT_EQ(cache.size(), 0u);
}

TEST(CommittedValueCacheTest, LearnsNothingFromAFailedWrite) {
  CommittedValueCache cache(kCached, 100);
  EXPECT_TRUE(cache.KeepPut(kCached, "a", "1"));
  cache.Committed();
  EXPECT_TRUE(cache.KeepPut(kCached, "b", "2"));
  cache.Failed();
  EXPECT_TRUE(cache.KeepPut(kCached, "b", "2"));  // never learnt
  EXPECT_TRUE(cache.KeepPut(kCached, "a", "1"));  // forgotten: the write may have changed it
}

TEST(CommittedValueCacheTest, ADeleteForgetsItsKey) {
  CommittedValueCache cache(kCached, 100);
  EXPECT_TRUE(cache.KeepPut(kCached, "a", "1"));
  cache.Committed();
  cache.SawDelete(kCached, "a");
  EXPECT_TRUE(cache.KeepPut(kCached, "a", "1"));
}

TEST(CommittedValueCacheTest, StartsAfreshWhenFull) {
  CommittedValueCache cache(kCached, 2);
  for (const char* k : {"a", "b", "c"}) EXPECT_TRUE(cache.KeepPut(kCached, k, "v"));
  cache.Committed();
  EXPECT_LE(cache.size(), 2u);
  EXPECT_FALSE(cache.KeepPut(kCached, "c", "v"));  // the newest is kept
}

}  // namespace
}  // namespace claims::store
