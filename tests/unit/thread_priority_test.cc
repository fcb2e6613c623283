#include "common/thread_priority.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <memory>
#include <thread>

#include "absl/synchronization/notification.h"
#include "gtest/gtest.h"

namespace claims {
namespace {

int OwnNice() { return getpriority(PRIO_PROCESS, static_cast<id_t>(gettid())); }

// Whether this process may lower a nice value (root or CAP_SYS_NICE): probed on a throwaway
// thread, so the test thread's own value is never touched by the probe.
bool CanRaisePriority() {
  bool can = false;
  std::thread probe([&can] {
    const int before = OwnNice();
    if (before > -20 && setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), before - 1) == 0) {
      can = true;
    }
  });
  probe.join();
  return can;
}

TEST(ScopedThreadPriorityBoostTest, LowersTheNiceValueForItsLifetimeAndRestoresIt) {
  const bool can = CanRaisePriority();
  std::thread worker([can] {
    const int before = OwnNice();
    {
      ScopedThreadPriorityBoost boost(5);
      EXPECT_EQ(boost.boosted(), can && before > -20);
      if (boost.boosted()) {
        EXPECT_EQ(OwnNice(), std::max(-20, before - 5));
      } else {
        EXPECT_EQ(OwnNice(), before);  // without the privilege nothing changes
      }
    }
    EXPECT_EQ(OwnNice(), before);
  });
  worker.join();
}

TEST(ScopedThreadPriorityBoostTest, OnlyTheCallingThreadIsBoosted) {
  if (!CanRaisePriority()) GTEST_SKIP() << "needs CAP_SYS_NICE to lower a nice value";
  const int main_before = OwnNice();
  absl::Notification boosted, checked;
  std::thread worker([&] {
    ScopedThreadPriorityBoost boost(3);
    EXPECT_TRUE(boost.boosted());
    EXPECT_LT(OwnNice(), main_before);
    boosted.Notify();
    checked.WaitForNotification();  // the boost is held while the main thread looks
  });
  boosted.WaitForNotification();
  EXPECT_EQ(OwnNice(), main_before);  // while the worker is boosted
  checked.Notify();
  worker.join();
  EXPECT_EQ(OwnNice(), main_before);
}

TEST(ScopedThreadPriorityBoostTest, DestroyedOnAnotherThreadItRestoresNothing) {
  if (!CanRaisePriority()) GTEST_SKIP() << "needs CAP_SYS_NICE to lower a nice value";
  const int main_before = OwnNice();
  std::unique_ptr<ScopedThreadPriorityBoost> boost;
  int worker_boosted = 0;
  std::thread worker([&] {
    boost = std::make_unique<ScopedThreadPriorityBoost>(2);
    worker_boosted = OwnNice();
  });
  worker.join();
  ASSERT_TRUE(boost->boosted());
  EXPECT_LT(worker_boosted, main_before);
  boost.reset();  // on the main thread: must not touch the main thread's (or any) nice value
  EXPECT_EQ(OwnNice(), main_before);
}

TEST(ScopedThreadPriorityBoostTest, ZeroOrNegativeStepsDoNothing) {
  const int before = OwnNice();
  {
    ScopedThreadPriorityBoost none(0);
    EXPECT_FALSE(none.boosted());
    ScopedThreadPriorityBoost negative(-4);
    EXPECT_FALSE(negative.boosted());
    EXPECT_EQ(OwnNice(), before);
  }
  EXPECT_EQ(OwnNice(), before);
}

}  // namespace
}  // namespace claims
