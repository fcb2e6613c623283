#include "store/sorted_batch.h"

#include <algorithm>
#include <queue>

#include "rocksdb/db.h"
#include "rocksdb/write_batch.h"
#include "store/key_codec.h"

namespace claims::store {

uint32_t SortedBatch::Append(absl::string_view s) {
  const auto pos = static_cast<uint32_t>(bytes_.size());
  bytes_.append(s.data(), s.size());
  return pos;
}

void SortedBatch::Put(int family, absl::string_view key, absl::string_view value) {
  Op op{};
  op.key_pos = Append(key);
  op.key_size = static_cast<uint32_t>(key.size());
  op.value_pos = Append(value);
  op.value_size = static_cast<uint32_t>(value.size());
  op.family = static_cast<uint8_t>(family);
  op.kind = Kind::kPut;
  ops_.push_back(op);
}

void SortedBatch::Put(int family, absl::string_view key_head, absl::string_view key_tail,
                      absl::string_view value) {
  Op op{};
  op.key_pos = Append(key_head);
  bytes_.append(key_tail.data(), key_tail.size());
  op.key_size = static_cast<uint32_t>(key_head.size() + key_tail.size());
  op.value_pos = Append(value);
  op.value_size = static_cast<uint32_t>(value.size());
  op.family = static_cast<uint8_t>(family);
  op.kind = Kind::kPut;
  ops_.push_back(op);
}

void SortedBatch::Reserve(size_t ops, size_t bytes) {
  ops_.reserve(ops);
  bytes_.reserve(bytes);
}

void SortedBatch::Delete(int family, absl::string_view key) {
  Op op{};
  op.key_pos = Append(key);
  op.key_size = static_cast<uint32_t>(key.size());
  op.family = static_cast<uint8_t>(family);
  op.kind = Kind::kDelete;
  ops_.push_back(op);
}

void SortedBatch::AddToCounter(int family, absl::string_view key, int64_t delta) {
  Op op{};
  op.key_pos = Append(key);
  op.key_size = static_cast<uint32_t>(key.size());
  op.delta = delta;
  op.family = static_cast<uint8_t>(family);
  op.kind = Kind::kAdd;
  ops_.push_back(op);
}

void SortedBatch::Sort() {
  std::stable_sort(ops_.begin(), ops_.end(), [this](const Op& a, const Op& b) {
    if (a.family != b.family) return a.family < b.family;
    return Key(a) < Key(b);
  });
}

size_t SortedBatch::Merge(const std::vector<const SortedBatch*>& batches,
                          const std::vector<rocksdb::ColumnFamilyHandle*>& families,
                          rocksdb::WriteBatch* out, MergeFilter* filter) {
  struct Cursor {
    size_t batch;
    size_t pos;
  };
  auto op_of = [&](const Cursor& c) -> const Op& { return batches[c.batch]->ops_[c.pos]; };
  // std::priority_queue pops the greatest: "a after b" puts the smallest on top, and among
  // equal keys the earlier batch (each batch holds one cursor, so order within a batch is kept).
  auto after = [&](const Cursor& a, const Cursor& b) {
    const Op& x = op_of(a);
    const Op& y = op_of(b);
    if (x.family != y.family) return x.family > y.family;
    const int c = batches[a.batch]->Key(x).compare(batches[b.batch]->Key(y));
    if (c != 0) return c > 0;
    return a.batch > b.batch;
  };
  std::priority_queue<Cursor, std::vector<Cursor>, decltype(after)> heap(after);
  for (size_t b = 0; b < batches.size(); ++b) {
    if (!batches[b]->ops_.empty()) heap.push({b, 0});
  }
  size_t written = 0;
  while (!heap.empty()) {
    // One run: every operation on one (family, key), in the order they were added.
    const Cursor first = heap.top();
    const int family = op_of(first).family;
    const absl::string_view key = batches[first.batch]->Key(op_of(first));
    const SortedBatch* write_batch = nullptr;  // owner of `write`
    const Op* write = nullptr;                  // the last Put or Delete
    int64_t sum = 0;                            // deltas after it
    while (!heap.empty()) {
      const Cursor c = heap.top();
      const Op& op = op_of(c);
      const SortedBatch* owner = batches[c.batch];
      if (op.family != family || owner->Key(op) != key) break;
      heap.pop();
      if (op.kind == Kind::kAdd) {
        sum += op.delta;
      } else {
        write = &op;
        write_batch = owner;
        sum = 0;
      }
      if (c.pos + 1 < owner->ops_.size()) heap.push({c.batch, c.pos + 1});
    }
    rocksdb::ColumnFamilyHandle* const cf = families[family];
    const rocksdb::Slice k(key.data(), key.size());
    if (write != nullptr) {
      if (write->kind == Kind::kPut) {
        const absl::string_view v = write_batch->Value(*write);
        if (filter == nullptr || filter->KeepPut(family, key, v)) {
          out->Put(cf, k, rocksdb::Slice(v.data(), v.size()));
          ++written;
        }
      } else {
        if (filter != nullptr) filter->SawDelete(family, key);
        out->Delete(cf, k);
        ++written;
      }
    }
    if (sum != 0) {
      out->Merge(cf, k, EncodeInt64(sum));
      ++written;
    }
  }
  return written;
}

}  // namespace claims::store
