import Foundation
import XCTest
import TidingsModel

/// Every charset claimed, with a known sentence; aliases; the fallbacks and their notes.
final class MailCharsetTests: XCTestCase {
    func decode(_ bytes: [UInt8], _ charset: String?) -> (text: String, note: String?) {
        MailCharsets.decode(bytes[...], charset: charset)
    }

    func testSingleByteCharsets() {
        let privetKOI8: [UInt8] = [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4]
        let privet1251: [UInt8] = [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2]
        let zolc: [UInt8] = [0xAF, 0xF3, 0xB3, 0xE6]
        let cases: [([UInt8], [String], String)] = [
            (privetKOI8, ["KOI8-R", "koi8r", "\"koi8-r\""], "Привет"),
            ([0xB7, 0xD6, 0xC1, 0xCB], ["KOI8-U"], "Їжак"),
            (zolc, ["ISO-8859-2", "iso_8859-2", "latin2"], "Żółć"),
            (privet1251, ["windows-1251", "cp1251", "x-cp1251", "WINDOWS-1251"], "Привет"),
            ([0x8A, 0x9D, 0x61, 0x73, 0x74, 0x6E, 0xFD], ["windows-1250", "cp1250", "x-cp1250"], "Šťastný"),
            ([0x80, 0x20, 0x93, 0x71, 0x94, 0x20, 0x96, 0x20, 0x63, 0x61, 0x66, 0xE9], ["windows-1252", "cp1252", "x-cp1252"], "€ “q” – café"),
            ([0xA4, 0x20, 0xBD, 0x75, 0x76, 0x72, 0x65], ["ISO-8859-15", "latin9"], "€ œuvre"),
            ([0x63, 0x61, 0x66, 0xE9, 0xA0, 0xFF], ["ISO-8859-1", "latin1", "iso8859-1", " 'Latin-1' "], "café\u{A0}ÿ"),
            // Text labelled Latin-1 with the bytes Windows-1252 puts quotes, dashes and € on (as Outlook sends
            // it), read as browsers and mutt read it: Latin-1 has only control characters there.
            ([0x93, 0x71, 0x94, 0x20, 0x96, 0x20, 0x69, 0x74, 0x92, 0x73, 0x20, 0x35, 0x80], ["ISO-8859-1", "latin1"], "“q” – it’s 5€"),
            // The same for Latin-9 (Windows-1252's bytes) and Latin-2 (Windows-1250's: Š, ś).
            ([0x93, 0x71, 0x94, 0x20, 0xA4], ["ISO-8859-15"], "“q” €"),
            ([0x8A, 0x9C, 0x20, 0xA3], ["ISO-8859-2"], "Šś Ł"),
        ]
        for (bytes, names, expected) in cases {
            for name in names {
                XCTAssertEqual(decode(bytes, name).text, expected, name)
                XCTAssertNil(decode(bytes, name).note, name)
            }
        }
    }

    func testUTF8AndASCII() {
        XCTAssertEqual(decode(Array("Grüße".utf8), "utf-8").text, "Grüße")
        XCTAssertNil(decode(Array("Grüße".utf8), "utf-8").note)
        // UTF-8 with a stray byte: U+FFFD there, and a note.
        XCTAssertEqual(decode(Array("Grüße ".utf8) + [0xFF, 0x62], "UTF8").text, "Grüße \u{FFFD}b")
        XCTAssertEqual(decode(Array("é".utf8) + [0x61, 0xC3], "utf-8").text, "éa\u{FFFD}")
        XCTAssertEqual(decode(Array("é".utf8) + [0x61, 0xC3], "utf-8").note, "invalid utf-8 text")
        // Labelled UTF-8 without one UTF-8 sequence: Latin-1 under the wrong label, read as Windows-1252.
        XCTAssertEqual(decode([0x6E, 0x61, 0xEF, 0x76, 0x65, 0x20, 0x63, 0x61, 0x66, 0xE9, 0x80], "utf-8").text, "naïve café€")
        XCTAssertEqual(decode([0x61, 0xFF, 0x62], "UTF8").note, "text labelled utf-8 read as windows-1252")
        // US-ASCII (or no charset) with 8-bit bytes: UTF-8 when valid, else Windows-1252.
        XCTAssertEqual(decode(Array("Grüße".utf8), "us-ascii").text, "Grüße")
        XCTAssertEqual(decode([0x63, 0x61, 0x66, 0xE9, 0x80], "us-ascii").text, "café€")
        XCTAssertEqual(decode([0x63, 0x61, 0x66, 0xE9], nil).text, "café")
        XCTAssertNil(decode([0x63, 0x61, 0x66, 0xE9], nil).note)
    }

    /// A charset neither the decoders here nor iconv know: U+FFFD for what is not ASCII (valid UTF-8 is taken
    /// as such).
    func testUnknownCharset() {
        XCTAssertEqual(decode([0x63, 0x61, 0x66, 0xE9], "x-mystery").text, "caf\u{FFFD}")
        XCTAssertEqual(decode([0x63, 0x61, 0x66, 0xE9], "x-mystery").note, "charset x-mystery cannot be decoded here")
        XCTAssertEqual(decode([0xD6, 0xD0, 0xCE, 0xC4, 0x20, 0x61], "x-mystery").text, "\u{FFFD} a")
        XCTAssertEqual(decode([0x1B, 0x24, 0x29, 0x43, 0x0E, 0x47, 0x51, 0x0F], "x-mystery").text, "\u{FFFD}")
        XCTAssertEqual(decode([0xFF, 0xFE, 0x68, 0x00, 0xE9, 0x00], "utf-16").text, "hé")
        XCTAssertEqual(decode([0x00, 0x68, 0x00, 0xE9], "UTF-16BE").text, "hé")
        XCTAssertEqual(decode(Array("Grüße".utf8), "\"x-mystery\"").text, "Grüße")
        XCTAssertEqual(decode(Array("Grüße".utf8), "\"x-mystery\"").note, "unknown charset x-mystery, read as UTF-8")
        XCTAssertNil(decode(Array("plain".utf8), "x-mystery").note, "plain ASCII reads the same in any charset")
    }

    /// Foundation on Linux converts Shift_JIS and ISO-2022-JP; EUC-JP goes through Shift_JIS here.
    func testJapaneseCharsets() {
        let expected = "こんにちは、世界"
        let sjis: [UInt8] = [0x82, 0xB1, 0x82, 0xF1, 0x82, 0xC9, 0x82, 0xBF, 0x82, 0xCD, 0x81, 0x41, 0x90, 0xA2, 0x8A, 0x45]
        let euc: [UInt8] = [0xA4, 0xB3, 0xA4, 0xF3, 0xA4, 0xCB, 0xA4, 0xC1, 0xA4, 0xCF, 0xA1, 0xA2, 0xC0, 0xA4, 0xB3, 0xA6]
        let jis: [UInt8] = [0x1B, 0x24, 0x42, 0x24, 0x33, 0x24, 0x73, 0x24, 0x4B, 0x24, 0x41, 0x24, 0x4F, 0x21, 0x22,
                            0x40, 0x24, 0x33, 0x26, 0x1B, 0x28, 0x42]
        XCTAssertEqual(decode(sjis, "Shift_JIS").text, expected)
        XCTAssertEqual(decode(sjis, "cp932").text, expected)
        XCTAssertEqual(decode(euc, "EUC-JP").text, expected)
        XCTAssertEqual(decode([0x8E, 0xB6, 0x8E, 0xC0, 0x8E, 0xB6, 0x8E, 0xC5], "euc-jp").text, "ｶﾀｶﾅ")
        XCTAssertEqual(decode(jis + [0x0A], "ISO-2022-JP").text, expected + "\n")
        for (bytes, name) in [(sjis, "shift_jis"), (euc, "euc-jp"), (jis, "iso-2022-jp")] {
            XCTAssertNil(decode(bytes, name).note, name)
        }
    }

    /// Old Japanese clients wrote `Subject:` and `From:` in raw ISO-2022-JP: read as such, before the address
    /// is parsed (its two-byte characters use `<`, `"` and `(`); other raw escapes are left to the screen.
    func testRawISO2022JPHeadersAreDecoded() throws {
        let jis: [UInt8] = [0x1B, 0x24, 0x42, 0x24, 0x33, 0x24, 0x73, 0x24, 0x4B, 0x24, 0x41, 0x24, 0x4F, 0x1B, 0x28, 0x42]
        let name: [UInt8] = [0x1B, 0x24, 0x42, 0x3B, 0x33, 0x45, 0x44, 0x1B, 0x28, 0x42]  // 山田
        let message = Array("Subject: ".utf8) + jis + Array(" 2\nFrom: ".utf8) + name + Array(" <y@x.jp>\nMessage-ID: <j@x>\n\nbody\n".utf8)
        let envelope = try XCTUnwrap(MailEnvelope.parse(message[...]))
        XCTAssertEqual(envelope.subject, "こんにちは 2")
        XCTAssertEqual(envelope.fromName, "山田")
        XCTAssertEqual(envelope.fromAddress, "y@x.jp")
        let other = try XCTUnwrap(MailEnvelope.parse(Array("Subject: a \u{1B}[31mred\nMessage-ID: <k@x>\n\nbody\n".utf8)[...]))
        XCTAssertEqual(other.subject, "a \u{1B}[31mred", "an escape of no Japanese charset stays for the screen's gate")
        // Broken writers: no return to ASCII before a space, another escape inside, a run cut short.
        func subject(_ bytes: [UInt8]) throws -> String? {
            try XCTUnwrap(MailEnvelope.parse((Array("Subject: ".utf8) + bytes + Array("\nMessage-ID: <b@x>\n\nbody\n".utf8))[...])).subject
        }
        XCTAssertEqual(try subject(Array(jis.dropLast(3)) + Array(" no terminator".utf8)), "こんにちは no terminator")
        XCTAssertEqual(try subject(Array(jis.prefix(7)) + [0x1B, 0x28, 0x42] + Array(" then \u{1B}[2J clear".utf8)), "こん then \u{1B}[2J clear")
        XCTAssertEqual(try subject(Array(jis.prefix(6)) + [0x1B, 0x28, 0x42] + Array(" odd".utf8)), "こ\u{FFFD} odd", "half a character: U+FFFD, the rest kept")
        XCTAssertEqual(try subject([0x1B, 0x24, 0x42, 0x9B] + Array(jis.dropFirst(3))), "\u{FFFD}こんにちは", "a stray byte costs itself")
        XCTAssertEqual(try subject(Array("Kana ".utf8) + [0x1B, 0x28, 0x49, 0x31, 0x32, 0x1B, 0x28, 0x42] + Array(" k".utf8)), "Kana ｱｲ k")
    }

    func testBrokenJapaneseKeepsWhatDecodes() {
        let broken: [UInt8] = [0x82, 0xB1, 0xFF, 0x41, 0x82]
        XCTAssertEqual(decode(broken, "shift_jis").text, "こ\u{FFFD}A\u{FFFD}")
        XCTAssertEqual(decode(broken, "shift_jis").note, "invalid Shift_JIS text")
        XCTAssertEqual(decode([0xA4, 0xB3, 0x8F, 0xB0, 0xA1, 0x41], "euc-jp").text, "こ\u{FFFD}A")
        XCTAssertEqual(decode([0xA4, 0xB3, 0x8F, 0xB0, 0xA1, 0x41], "euc-jp").note, "invalid EUC-JP text")
        // A body Foundation refuses whole: each fault costs itself, an escape of another kind stays for the gate.
        let hello: [UInt8] = [0x1B, 0x24, 0x42, 0x24, 0x33, 0x24, 0x73, 0x1B, 0x28, 0x42]  // こん
        XCTAssertEqual(decode(hello + Array(" \u{1B}[2J body".utf8), "iso-2022-jp").text, "こん \u{1B}[2J body")
        XCTAssertEqual(decode(Array(hello.dropLast(3)) + Array("\u{1B}[2J body".utf8), "iso-2022-jp").text, "こん\u{1B}[2J body",
                       "an escape of another kind inside a run: kept whole, the run going on after it")
        XCTAssertEqual(decode(Array(hello.dropLast(3)) + Array("\u{1B}[31m".utf8) + Array(hello.dropFirst(3)), "iso-2022-jp").text,
                       "こん\u{1B}[31mこん")
        XCTAssertEqual(decode(Array(hello.dropLast(3)) + Array("\u{1B}]0;title\u{07}".utf8) + Array(hello.dropFirst(3)), "iso-2022-jp").text,
                       "こん\u{1B}]0;title\u{07}こん")
        XCTAssertEqual(decode([0x1B] + hello + Array(" end".utf8), "iso-2022-jp").text, "\u{1B}こん end", "a lone ESC before a designation")
        XCTAssertEqual(decode(Array(hello.dropLast(3)) + Array("\u{1B}[7m".utf8) + Array(hello.dropFirst(3)), "iso-2022-jp-2").text,
                       "こん\u{1B}[7mこん", "ISO-2022-JP-2, refused for the escape, is read as ISO-2022-JP is")
        XCTAssertEqual(decode(Array(hello.dropLast(3)) + Array("\u{1B}[31m".utf8) + Array(hello.dropFirst(3)), "iso-2022-jp-2").text,
                       "こん\u{1B}[31mこん")
        XCTAssertEqual(decode(Array(hello.dropLast(3)) + [0x9B] + Array(hello.dropFirst(3)), "iso-2022-jp").text, "こん\u{FFFD}こん")
        XCTAssertEqual(decode([0x1B, 0x28, 0x49, 0x36, 0x40] + Array(" kana".utf8), "iso-2022-jp").text, "ｶﾀ kana", "JIS X 0201 katakana")
        let jisBroken: [UInt8] = Array("ok\n".utf8) + [0x1B, 0x24, 0x42, 0xFF, 0x0A] + Array("fine".utf8)
        XCTAssertEqual(decode(jisBroken, "iso-2022-jp").text, "ok\n\u{FFFD}\nfine")
        XCTAssertEqual(decode(jisBroken, "iso-2022-jp").note, "invalid ISO-2022-JP text")
    }

    func testRandomBytesInEveryCharsetNeverFail() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let bytes = (0..<Int.random(in: 0..<64, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            for name in ["utf-8", "us-ascii", "latin1", "iso-8859-2", "iso-8859-15", "cp1250", "cp1251", "cp1252", "koi8-r",
                         "koi8-u", "shift_jis", "euc-jp", "iso-2022-jp", "gb2312", "big5", "ks_c_5601-1987", "iso-2022-kr",
                         "iso-8859-7", "windows-1253", "utf-7", "unknown"] {
                _ = decode(bytes, name)
            }
        }
    }
}
