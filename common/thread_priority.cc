#include "common/thread_priority.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace claims {

ScopedThreadPriorityBoost::ScopedThreadPriorityBoost(int steps) {
  if (steps <= 0) return;
  tid_ = static_cast<int>(gettid());
  errno = 0;  // getpriority may legitimately return -1
  const int current = getpriority(PRIO_PROCESS, static_cast<id_t>(tid_));
  if (current == -1 && errno != 0) return;
  const int target = std::max(-20, current - steps);
  if (target == current) return;
  if (setpriority(PRIO_PROCESS, static_cast<id_t>(tid_), target) != 0) return;
  original_nice_ = current;
  boosted_ = true;
}

ScopedThreadPriorityBoost::~ScopedThreadPriorityBoost() {
  // Raising a nice value back needs no privilege, so this cannot fail for lack of one.
  if (boosted_) setpriority(PRIO_PROCESS, static_cast<id_t>(tid_), original_nice_);
}

}  // namespace claims
