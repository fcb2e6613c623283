// SortedRunsRepFactory under a real RocksDB: whatever order the writes come in (ascending
// runs as a group commit writes them, or any other), reads see exactly what a std::map of
// the same writes holds, while the memtable is written and after it is flushed.
#include "store/sorted_runs_memtable.h"

#include <functional>
#include <iterator>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "rocksdb/comparator.h"
#include "gtest/gtest.h"
#include "rocksdb/db.h"
#include "rocksdb/write_batch.h"
#include "tests/testing/temp_dir.h"

namespace claims::store {
namespace {

class SortedRunsMemtableTest : public ::testing::Test {
 protected:
  void SetUp() override { Open(rocksdb::BytewiseComparator()); }

  void Open(const rocksdb::Comparator* comparator) {
    db_.reset();
    rocksdb::Options options;
    options.comparator = comparator;
    options.create_if_missing = true;
    options.allow_concurrent_memtable_write = false;
    options.memtable_factory = std::make_shared<SortedRunsRepFactory>();
    rocksdb::DB* raw = nullptr;
    const rocksdb::Status s =
        rocksdb::DB::Open(options, dir_.Sub(absl::StrCat("db-", comparator->Name())), &raw);
    ASSERT_TRUE(s.ok()) << s.ToString();
    db_.reset(raw);
  }

  // Every key and value, in the DB's order, forwards (and checked backwards).
  std::vector<std::pair<std::string, std::string>> ReadAll() {
    std::vector<std::pair<std::string, std::string>> out;
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions()));
    for (it->SeekToFirst(); it->Valid(); it->Next()) out.emplace_back(it->key().ToString(), it->value().ToString());
    EXPECT_TRUE(it->status().ok()) << it->status().ToString();
    size_t back = out.size();
    for (it->SeekToLast(); it->Valid(); it->Prev()) {
      EXPECT_GT(back, 0u);
      if (back == 0) break;
      EXPECT_EQ(it->key().ToString(), out[--back].first);
    }
    EXPECT_EQ(back, 0u);
    return out;
  }

  // `expected` is ordered as the DB is (a std::map with the DB's comparator).
  template <typename Map>
  void ExpectSameAs(const Map& expected) {
    const auto all = ReadAll();
    ASSERT_EQ(all.size(), expected.size());
    size_t i = 0;
    for (const auto& [k, v] : expected) {
      EXPECT_EQ(all[i].first, k);
      EXPECT_EQ(all[i].second, v) << k;
      ++i;
    }
    // Point reads, seeks and seeks for the previous key.
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions()));
    for (const auto& [k, v] : expected) {
      std::string value;
      ASSERT_TRUE(db_->Get(rocksdb::ReadOptions(), k, &value).ok()) << k;
      EXPECT_EQ(value, v);
      // A target next to k (no key here has a '!'): the first key at or after it, the last
      // at or before it.
      const std::string target = k + "!";
      it->Seek(target);
      const auto next = expected.lower_bound(target);
      if (next == expected.end()) {
        EXPECT_FALSE(it->Valid());
      } else {
        ASSERT_TRUE(it->Valid());
        EXPECT_EQ(it->key().ToString(), next->first);
      }
      it->SeekForPrev(target);
      const auto after = expected.upper_bound(target);
      if (after == expected.begin()) {
        EXPECT_FALSE(it->Valid());
      } else {
        ASSERT_TRUE(it->Valid());
        EXPECT_EQ(it->key().ToString(), std::prev(after)->first);
      }
    }
    std::string value;
    EXPECT_TRUE(db_->Get(rocksdb::ReadOptions(), "no such key", &value).IsNotFound());
  }

  testing::TempDir dir_;
  std::unique_ptr<rocksdb::DB> db_;
};

TEST_F(SortedRunsMemtableTest, ReadsSeeEveryWriteInOrderBeforeAndAfterTheFlush) {
  std::mt19937 rng(7);
  std::map<std::string, std::string> expected;
  for (int batch = 0; batch < 200; ++batch) {
    // Ascending runs, as a group commit writes them, every third batch in random order; keys
    // repeat across batches (a later write wins) and some are deleted.
    std::vector<std::string> keys;
    for (int i = 0; i < 20; ++i) keys.push_back(absl::StrFormat("k%04d", static_cast<int>(rng() % 1500)));
    if (batch % 3 != 0) std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    rocksdb::WriteBatch wb;
    for (const std::string& k : keys) {
      if (rng() % 10 == 0) {
        ASSERT_TRUE(wb.Delete(k).ok());
        expected.erase(k);
      } else {
        const std::string v = absl::StrFormat("v%d-%s", batch, k);
        ASSERT_TRUE(wb.Put(k, v).ok());
        expected[k] = v;
      }
    }
    ASSERT_TRUE(db_->Write(rocksdb::WriteOptions(), &wb).ok());
    if (batch == 100) ExpectSameAs(expected);  // a memtable still written
  }
  ExpectSameAs(expected);
  // An iterator made before more writes keeps its view.
  std::unique_ptr<rocksdb::Iterator> old(db_->NewIterator(rocksdb::ReadOptions()));
  ASSERT_TRUE(db_->Put(rocksdb::WriteOptions(), "a-new-first-key", "x").ok());
  old->SeekToFirst();
  ASSERT_TRUE(old->Valid());
  EXPECT_EQ(old->key().ToString(), expected.begin()->first);
  old.reset();
  expected["a-new-first-key"] = "x";
  // Flushed: read-only memtables are sorted in place, then the table file serves the reads.
  ASSERT_TRUE(db_->Flush(rocksdb::FlushOptions()).ok());
  ExpectSameAs(expected);
}

// Keys that are prefixes of one another, bytes 0x00, 0x80 and 0xff, repeated writes of a key
// in one memtable: the order the flush sorts into is the bytewise order of the keys, the
// newest write of a key first.
TEST_F(SortedRunsMemtableTest, BinaryKeysSortBytewiseWithTheNewestWriteOfAKeyFirst) {
  std::mt19937 rng(11);
  const std::string alphabet("\x00\x01a\x7f\x80\xfe\xff", 7);
  std::map<std::string, std::string> expected;
  for (int batch = 0; batch < 300; ++batch) {
    std::vector<std::string> keys;
    for (int i = 0; i < 15; ++i) {
      std::string k(1 + rng() % 4, '\0');
      for (char& c : k) c = alphabet[rng() % alphabet.size()];
      keys.push_back(k);
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    rocksdb::WriteBatch wb;
    for (const std::string& k : keys) {
      const std::string v = absl::StrCat("v", batch);
      ASSERT_TRUE(wb.Put(k, v).ok());
      expected[k] = v;
    }
    ASSERT_TRUE(db_->Write(rocksdb::WriteOptions(), &wb).ok());
  }
  ExpectSameAs(expected);
  ASSERT_TRUE(db_->Flush(rocksdb::FlushOptions()).ok());
  ExpectSameAs(expected);
}

// A family with another comparator gets a memtable in that comparator's order.
TEST_F(SortedRunsMemtableTest, AnotherComparatorIsFollowed) {
  Open(rocksdb::ReverseBytewiseComparator());
  std::map<std::string, std::string, std::greater<std::string>> expected;
  for (int batch = 0; batch < 100; ++batch) {
    // Bytewise descending runs: ascending in this family's order.
    std::vector<std::string> keys;
    for (int i = 0; i < 10; ++i) keys.push_back(absl::StrFormat("k%03d", (batch * 37 + i * 101) % 500));
    std::sort(keys.begin(), keys.end(), std::greater<std::string>());
    rocksdb::WriteBatch wb;
    for (const std::string& k : keys) {
      ASSERT_TRUE(wb.Put(k, absl::StrCat("v", batch)).ok());
      expected[k] = absl::StrCat("v", batch);
    }
    ASSERT_TRUE(db_->Write(rocksdb::WriteOptions(), &wb).ok());
  }
  ExpectSameAs(expected);
  ASSERT_TRUE(db_->Flush(rocksdb::FlushOptions()).ok());
  ExpectSameAs(expected);
}

}  // namespace
}  // namespace claims::store
