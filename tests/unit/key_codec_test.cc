#include "store/key_codec.h"

#include <string>

#include "absl/strings/match.h"
#include "gtest/gtest.h"

namespace claims::store {
namespace {

TEST(KeyCodecTest, EscapedValueRoundTripsAndStopsAtItsTerminator) {
  std::string key;
  AppendEscaped(std::string("a\0b", 3), &key);
  key += "rest";
  absl::string_view in(key);
  std::string value;
  ASSERT_TRUE(ConsumeEscaped(&in, &value));
  EXPECT_EQ(value, std::string("a\0b", 3));
  EXPECT_EQ(in, "rest");
}

TEST(KeyCodecTest, EscapesEveryZeroByteOfAValue) {
  std::string key = "x";
  AppendEscaped(std::string("\0a\0\0b\0", 6), &key);
  EXPECT_EQ(key, std::string("x\0\xFF" "a\0\xFF\0\xFF" "b\0\xFF\0\x01", 13));
  absl::string_view in(key);
  in.remove_prefix(1);
  std::string value;
  ASSERT_TRUE(ConsumeEscaped(&in, &value));
  EXPECT_EQ(value, std::string("\0a\0\0b\0", 6));
  EXPECT_TRUE(in.empty());
}

TEST(KeyCodecTest, AppendingFormsBuildTheSameKeys) {
  const std::string id("id\0x", 4);
  std::string out = "prefix";
  AppendIndexPrefix(IndexField::kTopic, id, &out);
  EXPECT_EQ(out, "prefix" + IndexPrefix(IndexField::kTopic, id));
  out.clear();
  AppendPairPrefix(IndexField::kTopicSpeaker, "t", id, &out);
  EXPECT_EQ(out, PairPrefix(IndexField::kTopicSpeaker, "t", id));
  out.clear();
  AppendPostingSuffix(-5, "a-0001", &out);
  EXPECT_EQ(out, PostingSuffix(-5, "a-0001"));
  out.clear();
  AppendCounterKey(EntityType::kSpeaker, id, &out);
  EXPECT_EQ(out, CounterKey(EntityType::kSpeaker, id));
  out.clear();
  AppendEntityDayCounterKey(EntityType::kTopic, id, DayString(86400 * 365), &out);
  EXPECT_EQ(out, EntityDayCounterKey(EntityType::kTopic, id, 86400 * 365));
  EXPECT_EQ(out, EntityDayCounterPrefix(EntityType::kTopic, id) + "1971-01-01");
}

TEST(KeyCodecTest, NoValueRunsIntoTheNextField) {
  // "ab" must not be a prefix of the key of "abc", and "a" + suffix must sort before "a\0".
  EXPECT_FALSE(absl::StartsWith(IndexPrefix(IndexField::kOrganisation, "abc"),
                                IndexPrefix(IndexField::kOrganisation, "ab")));
  EXPECT_LT(IndexPrefix(IndexField::kOrganisation, "a") + std::string(8, '\xFF'),
            IndexPrefix(IndexField::kOrganisation, std::string("a\0", 2)));
}

TEST(KeyCodecTest, MalformedEscapesAreRejected) {
  std::string value;
  absl::string_view unterminated("abc");
  EXPECT_FALSE(ConsumeEscaped(&unterminated, &value));
  const std::string bad("a\0x", 3);
  absl::string_view in(bad);
  EXPECT_FALSE(ConsumeEscaped(&in, &value));
}

TEST(KeyCodecTest, TimesSortNewestFirstIncludingBefore1970) {
  EXPECT_LT(EncodeTimeDesc(1000), EncodeTimeDesc(999));
  EXPECT_LT(EncodeTimeDesc(0), EncodeTimeDesc(-1));
  EXPECT_LT(EncodeTimeDesc(-5), EncodeTimeDesc(-6));
  for (int64_t t : {int64_t{0}, int64_t{-1}, int64_t{1753920000}, int64_t{-2208988800}}) {
    EXPECT_EQ(DecodeTimeDesc(EncodeTimeDesc(t)), t);
  }
}

TEST(KeyCodecTest, SuffixRangeSelectsExactlyTheHalfOpenInterval) {
  const SuffixRange r = TimeRangeToSuffixRange(100, 200);
  auto inside = [&](int64_t t) {
    const std::string s = PostingSuffix(t, "x-0001");
    return s >= r.lower && s < r.upper;
  };
  EXPECT_FALSE(inside(99));
  EXPECT_TRUE(inside(100));
  EXPECT_TRUE(inside(199));
  EXPECT_FALSE(inside(200));
  const SuffixRange open = TimeRangeToSuffixRange(std::nullopt, std::nullopt);
  EXPECT_TRUE(open.lower.empty());
  EXPECT_TRUE(open.upper.empty());
}

TEST(KeyCodecTest, ClaimIdComesBackFromTheSuffix) {
  EXPECT_EQ(ClaimIdOfSuffix(PostingSuffix(42, "abc-0003")), "abc-0003");
  EXPECT_EQ(ClaimIdOfSuffix("short"), "");
}

TEST(KeyCodecTest, PrefixSuccessorIsTheFirstKeyPastThePrefix) {
  EXPECT_EQ(PrefixSuccessor(std::string("o\0\x01", 3)), std::string("o\0\x02", 3));
  EXPECT_EQ(PrefixSuccessor("a\xFF"), "b");
}

TEST(KeyCodecTest, CountersRoundTripNegativeValues) {
  EXPECT_EQ(DecodeInt64(EncodeInt64(-3)), -3);
  EXPECT_EQ(DecodeInt64(EncodeInt64(1234567890123)), 1234567890123);
  EXPECT_EQ(DayCounterKey(1753920000), "D2025-07-31");
}

}  // namespace
}  // namespace claims::store
