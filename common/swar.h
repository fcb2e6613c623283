// Tests on eight bytes at once ("SIMD within a register"), for the scans that step over
// plain ASCII text: each function looks at the bytes of one 64-bit word. Pure; thread-safe.
#ifndef CLAIMS_COMMON_SWAR_H_
#define CLAIMS_COMMON_SWAR_H_

#include <cstdint>
#include <cstring>

namespace claims::swar {

inline constexpr uint64_t kOnes = 0x0101010101010101;  // 0x01 in every byte
inline constexpr uint64_t kHighBits = 0x80 * kOnes;     // the top bit of every byte

// The eight bytes at `p` (which must all exist) as one word, in memory order.
inline uint64_t Load8(const char* p) {
  uint64_t x;
  std::memcpy(&x, p, 8);
  return x;
}
inline void Store8(uint64_t x, char* p) { std::memcpy(p, &x, 8); }

// Nonzero exactly when some byte of `x` is below `n` (n <= 0x80). Which top bits are set
// says nothing more: use it only as a yes/no answer.
inline uint64_t AnyByteBelow(uint64_t x, uint8_t n) { return (x - n * kOnes) & ~x & kHighBits; }
// Nonzero exactly when some byte of `x` is `b` (as yes/no, like AnyByteBelow).
inline uint64_t AnyByteIs(uint64_t x, uint8_t b) { return AnyByteBelow(x ^ (b * kOnes), 1); }

}  // namespace claims::swar

#endif  // CLAIMS_COMMON_SWAR_H_
