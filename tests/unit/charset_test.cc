#include "common/charset.h"

#include <string>

#include "gtest/gtest.h"
#include "ingest-service/extract/request_content.h"

namespace claims {
namespace {

TEST(CharsetTest, TheDeclaredCharsetComesFromTheContentTypeThenAMetaTag) {
  EXPECT_EQ(DeclaredCharset("text/html; charset=Windows-1252", "<meta charset=utf-8>"), "windows-1252");
  EXPECT_EQ(DeclaredCharset("text/html", "<html><head><META CHARSET=\"ISO-8859-1\">"), "iso-8859-1");
  EXPECT_EQ(DeclaredCharset("", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"),
            "windows-1252");
  EXPECT_EQ(DeclaredCharset("text/plain", "no markup here"), "");
  // Only the first 4 KB are read.
  EXPECT_EQ(DeclaredCharset("", std::string(5000, ' ') + "<meta charset=latin1>"), "");
}

TEST(CharsetTest, Windows1252AndLatin1DecodeAsBrowsersDo) {
  // "Renée said “£330m”" in windows-1252.
  const std::string bytes = "Ren\xE9" "e said \x93\xA3" "330m\x94";
  EXPECT_EQ(DecodeSingleByteCharset(bytes, "windows-1252"), "Ren\xC3\xA9" "e said \xE2\x80\x9C\xC2\xA3" "330m\xE2\x80\x9D");
  // ISO-8859-1 is read as windows-1252 (WHATWG), so its curly quotes survive.
  EXPECT_EQ(DecodeSingleByteCharset(bytes, "ISO-8859-1"), DecodeSingleByteCharset(bytes, "cp1252"));
  // Undefined windows-1252 bytes become U+FFFD.
  EXPECT_EQ(DecodeSingleByteCharset("\x81", "windows-1252"), "\xEF\xBF\xBD");
  // ISO-8859-15 differs in eight places: 0xA4 is the euro sign.
  EXPECT_EQ(DecodeSingleByteCharset("\xA4" "5", "iso-8859-15"), "\xE2\x82\xAC" "5");
  EXPECT_EQ(DecodeSingleByteCharset("x", "shift_jis"), std::nullopt);
  EXPECT_EQ(DecodeSingleByteCharset("x", ""), std::nullopt);
}

TEST(CharsetTest, RequestContentInADeclaredLegacyCharsetIsDecodedAndOtherBadBytesRefused) {
  claims::v1::IngestArticleRequest request;
  request.set_content("<html><head><meta charset=\"windows-1252\"></head><body><p>Ren\xE9" "e said no.</p>");
  auto resolved = extract::ResolveRequestContent(request);
  ASSERT_TRUE(resolved.ok()) << resolved.status();
  EXPECT_NE(resolved->html().find("Ren\xC3\xA9" "e said no."), std::string::npos);
  // The charset can come with the content type alone.
  request.set_content("Caf\xE9 owners said no.");
  request.set_content_type("text/plain; charset=iso-8859-1");
  resolved = extract::ResolveRequestContent(request);
  ASSERT_TRUE(resolved.ok()) << resolved.status();
  EXPECT_EQ(resolved->text(), "Caf\xC3\xA9 owners said no.");
  // A page that says it is UTF-8 and is not: the plain error, no charset to blame.
  request.set_content_type("text/html; charset=utf-8");
  resolved = extract::ResolveRequestContent(request);
  ASSERT_FALSE(resolved.ok());
  EXPECT_EQ(resolved.status().message(), "content: invalid UTF-8 at byte 3");
  // The size limit holds for the decoded text (windows-1252 grows: 0x93 is three bytes).
  request.set_content_type("text/plain; charset=windows-1252");
  request.set_content(std::string(2 << 20, '\x93'));
  resolved = extract::ResolveRequestContent(request);
  ASSERT_FALSE(resolved.ok());
  EXPECT_EQ(resolved.status().code(), absl::StatusCode::kResourceExhausted);
  request.set_content("Caf\xE9 owners said no.");
  // A charset we do not decode is named in the error.
  request.set_content_type("text/plain; charset=shift_jis");
  resolved = extract::ResolveRequestContent(request);
  ASSERT_FALSE(resolved.ok());
  EXPECT_EQ(resolved.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(resolved.status().message(),
            "content: invalid UTF-8 at byte 3 (declared charset 'shift_jis' is not one we decode)");
}

}  // namespace
}  // namespace claims
