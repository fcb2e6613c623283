#include "common/thread_priority.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>

namespace claims {
namespace {

// Set once a boost was refused for lack of privilege (EPERM/EACCES): the process's
// privileges do not change while it runs, so later boosts skip their system calls (the
// containers in deploy/ drop every capability).
std::atomic<bool> refused{false};

// The lowest nice value RLIMIT_NICE lets an unprivileged thread take (20 - its soft limit),
// or -20 when the limit is unlimited or unreadable. Read once: the boost runs in every group
// commit, and the limit is set before a server starts.
int NiceFloor() {
  static const int floor = [] {
    rlimit limit;
    if (getrlimit(RLIMIT_NICE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY ||
        limit.rlim_cur > 40) {
      return -20;
    }
    return 20 - static_cast<int>(limit.rlim_cur);
  }();
  return floor;
}

}  // namespace

ScopedThreadPriorityBoost::ScopedThreadPriorityBoost(int steps) {
  if (steps <= 0 || refused.load(std::memory_order_relaxed)) return;
  tid_ = gettid();
  errno = 0;  // getpriority may legitimately return -1
  const int current = getpriority(PRIO_PROCESS, static_cast<id_t>(tid_));
  if (current == -1 && errno != 0) return;
  // Without CAP_SYS_NICE, RLIMIT_NICE allows nice values down to NiceFloor(): take what it
  // allows rather than nothing (setpriority refuses a value beyond it outright).
  int target = std::max(-20, current - steps);
  if (const int floor = NiceFloor(); target < floor && floor < current) target = floor;
  if (target >= current) return;
  if (setpriority(PRIO_PROCESS, static_cast<id_t>(tid_), target) != 0) {
    if (errno == EPERM || errno == EACCES) refused.store(true, std::memory_order_relaxed);
    return;
  }
  original_nice_ = current;
  boosted_ = true;
}

ScopedThreadPriorityBoost::~ScopedThreadPriorityBoost() {
  if (!boosted_) return;
  // Only the thread that was boosted may restore itself: on another thread, tid_ could name
  // a thread that has exited and whose id was reused.
  if (gettid() != tid_) return;
  // Raising a nice value back needs no privilege, so this cannot fail for lack of one.
  setpriority(PRIO_PROCESS, static_cast<id_t>(tid_), original_nice_);
}

}  // namespace claims
