// The query side's view of the database: a RocksDB secondary instance that is opened as
// soon as the writer has created the database and then kept at most one interval behind.
#ifndef CLAIMS_QUERY_SERVICE_SECONDARY_STORE_H_
#define CLAIMS_QUERY_SERVICE_SECONDARY_STORE_H_

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
//
// When the primary restarts it replays its WAL into new table files, and a secondary that
// had already applied that WAL would then see the counters' merge operands twice. So when
// the primary's CURRENT file names another MANIFEST (it does after every restart), the
// secondary is opened afresh and swapped in; requests still holding the old one finish on it.
class SecondaryStore {
 public:
  // `secondary_path` is a private directory for the instance's info log.
  SecondaryStore(std::string db_path, std::string secondary_path, absl::Duration interval);
  // Stops the background thread, then closes the database.
  ~SecondaryStore();

  // The open store, or nullptr while it is not ready (then `why_not` says why). The caller
  // shares ownership, so a reopen never pulls it away mid-request.
  std::shared_ptr<const store::ClaimStore> Get(std::string* why_not = nullptr) const;

  // Opens and catches up right now, in the caller's thread (start-up and tests).
  void RefreshNow();

  // Runs `on_ready` once the store is open: at once (in this thread) if it already is,
  // else from the background thread when it opens. Passing nullptr clears it.
  void SetOnReady(std::function<void()> on_ready);

 private:
  void Loop();
  // Opens a new secondary instance; on success installs it. Called with mu_ not held.
  void Open(const std::string& current);
  std::string ReadCurrent() const;

  const std::string db_path_;
  const std::string secondary_path_;
  const absl::Duration interval_;

  mutable absl::Mutex mu_;
  std::shared_ptr<store::ClaimStore> store_ ABSL_GUARDED_BY(mu_);
  std::string current_ ABSL_GUARDED_BY(mu_);  // contents of CURRENT when store_ was opened
  std::string last_error_ ABSL_GUARDED_BY(mu_);
  std::function<void()> on_ready_ ABSL_GUARDED_BY(mu_);
  int opened_ ABSL_GUARDED_BY(mu_) = 0;  // a fresh directory per instance opened

  absl::Notification stop_;
  std::thread thread_;
};

}  // namespace claims::query

#endif  // CLAIMS_QUERY_SERVICE_SECONDARY_STORE_H_
