#include "store/committed_value_cache.h"

namespace claims::store {

CommittedValueCache::CommittedValueCache(int family, size_t max_entries)
    : family_(family), max_entries_(max_entries) {}

bool CommittedValueCache::KeepPut(int family, absl::string_view key, absl::string_view value) {
  if (family != family_) return true;
  const auto it = values_.find(key);
  if (it != values_.end() && it->second == value) {
    ++dropped_;
    return false;
  }
  pending_.emplace_back(key, value);
  return true;
}

void CommittedValueCache::SawDelete(int family, absl::string_view key) {
  if (family != family_) return;
  // Forgotten at once: whether or not the delete is applied, "absent" never drops a write.
  values_.erase(key);
}

void CommittedValueCache::Committed() {
  for (const auto& [key, value] : pending_) {
    auto it = values_.find(key);
    if (it != values_.end()) {
      it->second.assign(value.data(), value.size());
      continue;
    }
    if (values_.size() >= max_entries_) values_.clear();
    values_.emplace(std::string(key), std::string(value));
  }
  pending_.clear();
}

void CommittedValueCache::Failed() {
  values_.clear();
  pending_.clear();
}

}  // namespace claims::store
