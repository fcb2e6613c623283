#ifndef CLAIMS_COMMON_THREAD_PRIORITY_H_
#define CLAIMS_COMMON_THREAD_PRIORITY_H_

#include <sys/types.h>

namespace claims {

// Raises the calling thread's scheduling priority (lowers its nice value by `steps`) for the
// object's lifetime, then restores the value it had. Linux-specific: nice values are per
// thread there. Lowering a nice value needs CAP_SYS_NICE, or RLIMIT_NICE (then the boost is
// as large as that limit allows); without either the boost silently does nothing and
// `boosted()` is false, so callers need not care whether they run as root, in a container
// or not. Once refused for lack of privilege, later boosts in the process make no system
// call.
//
// Thread-safety: affects only the thread that constructed it; must be destroyed on that
// same thread (destroyed on another, it restores nothing). Not copyable or movable.
class ScopedThreadPriorityBoost {
 public:
  explicit ScopedThreadPriorityBoost(int steps);
  ~ScopedThreadPriorityBoost();
  ScopedThreadPriorityBoost(const ScopedThreadPriorityBoost&) = delete;
  ScopedThreadPriorityBoost& operator=(const ScopedThreadPriorityBoost&) = delete;

  // True when the nice value was changed (and will be restored).
  bool boosted() const { return boosted_; }

 private:
  pid_t tid_ = 0;
  int original_nice_ = 0;
  bool boosted_ = false;
};

}  // namespace claims

#endif  // CLAIMS_COMMON_THREAD_PRIORITY_H_
