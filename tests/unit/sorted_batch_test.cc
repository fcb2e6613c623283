// SortedBatch: what a group commit writes is each (family, key) once, in key order, with the
// effect of applying every operation in the order it was added.
#include "store/sorted_batch.h"

#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "rocksdb/comparator.h"
#include "rocksdb/db.h"
#include "rocksdb/write_batch.h"
#include "store/key_codec.h"

namespace claims::store {
namespace {

// The operations of a WriteBatch as lines "FAMILY OP key[=value]".
class Lister : public rocksdb::WriteBatch::Handler {
 public:
  rocksdb::Status PutCF(uint32_t cf, const rocksdb::Slice& key, const rocksdb::Slice& value) override {
    lines.push_back(absl::StrCat(cf, " put ", key.ToString(), "=", value.ToString()));
    return rocksdb::Status::OK();
  }
  rocksdb::Status DeleteCF(uint32_t cf, const rocksdb::Slice& key) override {
    lines.push_back(absl::StrCat(cf, " delete ", key.ToString()));
    return rocksdb::Status::OK();
  }
  rocksdb::Status MergeCF(uint32_t cf, const rocksdb::Slice& key, const rocksdb::Slice& value) override {
    lines.push_back(absl::StrCat(cf, " add ", key.ToString(), "=",
                                 DecodeInt64(absl::string_view(value.data(), value.size()))));
    return rocksdb::Status::OK();
  }
  std::vector<std::string> lines;
};

// A column family handle that only has an id, which is all a WriteBatch records of it.
class IdOnlyHandle : public rocksdb::ColumnFamilyHandle {
 public:
  explicit IdOnlyHandle(uint32_t id) : id_(id) {}
  const std::string& GetName() const override { return name_; }
  uint32_t GetID() const override { return id_; }
  rocksdb::Status GetDescriptor(rocksdb::ColumnFamilyDescriptor*) override { return rocksdb::Status::NotSupported(); }
  const rocksdb::Comparator* GetComparator() const override { return rocksdb::BytewiseComparator(); }

 private:
  uint32_t id_;
  std::string name_ = "test";
};

std::vector<std::string> Merged(const std::vector<const SortedBatch*>& batches,
                                uint64_t shared_families = ~uint64_t{0}) {
  IdOnlyHandle zero(0), one(1);
  rocksdb::WriteBatch out;
  SortedBatch::Merge(batches, {&zero, &one}, &out, nullptr, shared_families);
  Lister lister;
  EXPECT_TRUE(out.Iterate(&lister).ok());
  return lister.lines;
}

TEST(SortedBatchTest, EachKeyOnceInKeyOrderAsIfAppliedInTheOrderAdded) {
  SortedBatch a;
  a.Put(1, "k2", "first");
  a.AddToCounter(1, "count", 1);
  a.Put(0, "z", "family 0 sorts first");
  a.Put(1, "k1", "one");
  a.Put(1, "k2", "second");  // supersedes "first"
  a.Delete(1, "k3");
  a.AddToCounter(1, "count", 2);
  a.Put(1, "k", "prefix", "v");  // key "kprefix", built from two parts
  a.Sort();
  SortedBatch b;  // a later article of the same group
  b.Put(1, "k3", "back");        // after a's delete: a put
  b.AddToCounter(1, "count", -3);  // the counter's deltas sum to 0: nothing written
  b.Delete(1, "k1");
  b.AddToCounter(1, "k1", 5);  // a delta after the delete stays
  b.Sort();
  EXPECT_EQ(Merged({&a, &b}), (std::vector<std::string>{
                                  "0 put z=family 0 sorts first",
                                  "1 delete k1",
                                  "1 add k1=5",
                                  "1 put k2=second",
                                  "1 put k3=back",
                                  "1 put kprefix=v",
                              }));
}

TEST(SortedBatchTest, ManyRepeatsOfOneKeyKeepTheirOrder) {
  SortedBatch a;
  for (int i = 0; i < 500; ++i) {
    a.Put(0, absl::StrCat("key", i % 7), absl::StrCat("v", i));
    a.AddToCounter(0, "n", 1);
  }
  a.Sort();
  std::vector<std::string> expected;
  for (int k = 0; k < 7; ++k) {
    int last = 0;
    for (int i = 0; i < 500; ++i) {
      if (i % 7 == k) last = i;
    }
    expected.push_back(absl::StrCat("0 put key", k, "=v", last));
  }
  expected.push_back("0 add n=500");
  EXPECT_EQ(Merged({&a}), expected);
}

TEST(SortedBatchTest, AFamilyNotSharedTakesEachBatchInTurnWithTheSameEffect) {
  SortedBatch a, b;
  a.Put(0, "shared", "a");
  a.AddToCounter(0, "n", 1);
  a.Put(1, "a2", "x");
  a.Delete(1, "a1");
  a.Put(1, "a1", "y");  // after its delete: the put
  b.Put(0, "shared", "b");
  b.AddToCounter(0, "n", 2);
  b.Put(1, "a0", "z");  // before a's keys, but family 1 is not shared: after them
  b.Put(1, "a3", "w");
  a.Sort();
  b.Sort();
  EXPECT_EQ(Merged({&a, &b}, /*shared_families=*/1), (std::vector<std::string>{
                                                         "0 add n=3",
                                                         "0 put shared=b",
                                                         "1 put a1=y",
                                                         "1 put a2=x",
                                                         "1 put a0=z",
                                                         "1 put a3=w",
                                                     }));
}

// Keys that share stems, are prefixes of one another, or differ only by trailing zero bytes
// or by bytes above 0x7f: the order and grouping must be bytewise, as RocksDB's. Checked
// against the operations applied one by one to a map.
TEST(SortedBatchTest, BinaryKeysWithSharedStemsSortBytewise) {
  const std::string alphabet("\x00\x01" "a\x7f\x80\xff", 6);
  uint64_t rng = 42;
  auto next = [&rng](uint64_t n) {
    rng = rng * 6364136223846793005u + 1442695040888963407u;
    return (rng >> 33) % n;
  };
  struct Expected {
    std::string put;  // the value of the last put; "" for a delete or none
    bool write = false, deleted = false;
    int64_t sum = 0;
  };
  std::map<std::string, Expected> expected;
  SortedBatch a, b;
  for (int i = 0; i < 3000; ++i) {
    // A shared stem of 0 to 10 bytes, then 0 to 3 bytes from the alphabet.
    std::string key = std::string("stem-of-key").substr(0, next(11));
    for (uint64_t n = next(4); n > 0; --n) key.push_back(alphabet[next(alphabet.size())]);
    SortedBatch& batch = i < 1500 ? a : b;  // a's operations all come before b's
    Expected& e = expected[key];
    switch (next(3)) {
      case 0: {
        const std::string value = absl::StrCat("v", i);
        batch.Put(0, key, value);
        e = {value, true, false, 0};
        break;
      }
      case 1:
        batch.Delete(0, key);
        e = {"", true, true, 0};
        break;
      default:
        batch.AddToCounter(0, key, 1);
        ++e.sum;
    }
  }
  a.Sort();
  b.Sort();
  std::vector<std::string> lines;
  for (const auto& [key, e] : expected) {  // std::map orders std::string bytewise
    if (e.write) lines.push_back(e.deleted ? absl::StrCat("0 delete ", key) : absl::StrCat("0 put ", key, "=", e.put));
    if (e.sum != 0) lines.push_back(absl::StrCat("0 add ", key, "=", e.sum));
  }
  EXPECT_EQ(Merged({&a, &b}), lines);
  // A family not shared: a's keys in order, then b's; the same content per batch.
  std::vector<std::string> each = Merged({&a});
  const std::vector<std::string> of_b = Merged({&b});
  each.insert(each.end(), of_b.begin(), of_b.end());
  EXPECT_EQ(Merged({&a, &b}, /*shared_families=*/0), each);
}

}  // namespace
}  // namespace claims::store
