// The query side's view of the database: a RocksDB secondary instance that is opened as
// soon as the writer has created the database and then kept at most one interval behind.
#ifndef CLAIMS_QUERY_SERVICE_SECONDARY_STORE_H_
#define CLAIMS_QUERY_SERVICE_SECONDARY_STORE_H_

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "store/claim_store.h"

namespace claims::query {

// Thread-safe. A background thread opens the secondary (retrying every interval until the
// primary has created the database) and then calls CatchUp() every interval.
class SecondaryStore {
 public:
  // `secondary_path` is a private directory for the instance's info log.
  SecondaryStore(std::string db_path, std::string secondary_path, absl::Duration interval);
  // Stops the background thread, then closes the database.
  ~SecondaryStore();

  // The open store, or nullptr while it is not ready (then `why_not` says why).
  // The pointer stays valid until this object is destroyed.
  store::ClaimStore* Get(std::string* why_not = nullptr) const;

  // Opens and catches up right now, in the caller's thread (start-up and tests).
  void RefreshNow();

  // Runs `on_ready` once the store is open: at once (in this thread) if it already is,
  // else from the background thread when it opens. Passing nullptr clears it.
  void SetOnReady(std::function<void()> on_ready);

 private:
  void Loop();

  const std::string db_path_;
  const std::string secondary_path_;
  const absl::Duration interval_;

  mutable absl::Mutex mu_;
  std::unique_ptr<store::ClaimStore> store_ ABSL_GUARDED_BY(mu_);
  std::string last_error_ ABSL_GUARDED_BY(mu_);
  std::function<void()> on_ready_ ABSL_GUARDED_BY(mu_);
  // Set once store_ is assigned; never reset before destruction.
  std::atomic<store::ClaimStore*> ready_{nullptr};

  absl::Notification stop_;
  std::thread thread_;
};

}  // namespace claims::query

#endif  // CLAIMS_QUERY_SERVICE_SECONDARY_STORE_H_
