#include "query-service/secondary_store.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include "absl/strings/str_cat.h"

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
  store_.reset();
}

std::shared_ptr<const store::ClaimStore> SecondaryStore::Get(std::string* why_not) const {
  absl::MutexLock lock(&mu_);
  if (store_ == nullptr && why_not != nullptr) *why_not = last_error_;
  return store_;
}

std::string SecondaryStore::ReadCurrent() const {
  std::ifstream in(db_path_ + "/CURRENT");
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void SecondaryStore::Open(const std::string& current) {
  std::string dir;
  {
    absl::MutexLock lock(&mu_);
    dir = opened_ == 0 ? secondary_path_ : absl::StrCat(secondary_path_, "-", opened_);
  }
  std::error_code ignored;
  std::filesystem::create_directories(dir, ignored);
  auto opened = store::ClaimStore::OpenSecondary(db_path_, dir);
  absl::MutexLock lock(&mu_);
  if (!opened.ok()) {
    last_error_ = std::string(opened.status().message());
    return;
  }
  const bool first = store_ == nullptr;
  store_ = std::shared_ptr<store::ClaimStore>(std::move(*opened));
  current_ = current;
  ++opened_;
  if (first && on_ready_) on_ready_();
}

void SecondaryStore::RefreshNow() {
  const std::string current = ReadCurrent();
  std::shared_ptr<store::ClaimStore> store;
  bool reopen = false;
  {
    absl::MutexLock lock(&mu_);
    store = store_;
    reopen = store != nullptr && !current.empty() && current != current_;
  }
  if (store == nullptr || reopen) {
    Open(current);
    return;
  }
  const absl::Status s = store->CatchUp();
  if (!s.ok()) std::cerr << "claims-query: " << s.message() << std::endl;
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
