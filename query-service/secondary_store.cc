#include "query-service/secondary_store.h"

#include <filesystem>
#include <iostream>

namespace claims::query {

SecondaryStore::SecondaryStore(std::string db_path, std::string secondary_path,
                               absl::Duration interval)
    : db_path_(std::move(db_path)), secondary_path_(std::move(secondary_path)), interval_(interval) {
  RefreshNow();
  thread_ = std::thread([this] { Loop(); });
}

SecondaryStore::~SecondaryStore() {
  stop_.Notify();
  thread_.join();
  absl::MutexLock lock(&mu_);
  ready_.store(nullptr);
  store_.reset();
}

store::ClaimStore* SecondaryStore::Get(std::string* why_not) const {
  store::ClaimStore* store = ready_.load(std::memory_order_acquire);
  if (store == nullptr && why_not != nullptr) {
    absl::MutexLock lock(&mu_);
    *why_not = last_error_;
  }
  return store;
}

void SecondaryStore::RefreshNow() {
  store::ClaimStore* store = ready_.load(std::memory_order_acquire);
  if (store != nullptr) {
    const absl::Status s = store->CatchUp();
    if (!s.ok()) std::cerr << "claims-query: " << s.message() << std::endl;
    return;
  }
  std::error_code ignored;
  std::filesystem::create_directories(secondary_path_, ignored);
  auto opened = store::ClaimStore::OpenSecondary(db_path_, secondary_path_);
  absl::MutexLock lock(&mu_);
  if (!opened.ok()) {
    last_error_ = std::string(opened.status().message());
    return;
  }
  store_ = std::move(*opened);
  ready_.store(store_.get(), std::memory_order_release);
  if (on_ready_) on_ready_();
}

void SecondaryStore::SetOnReady(std::function<void()> on_ready) {
  absl::MutexLock lock(&mu_);
  on_ready_ = std::move(on_ready);
  if (on_ready_ && store_ != nullptr) on_ready_();
}

void SecondaryStore::Loop() {
  while (!stop_.WaitForNotificationWithTimeout(interval_)) RefreshNow();
}

}  // namespace claims::query
