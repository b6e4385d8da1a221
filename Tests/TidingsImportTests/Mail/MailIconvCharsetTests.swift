import Foundation
import XCTest
import TidingsModel

/// Charsets the built-in decoders lack (Chinese, Korean, Greek, Cyrillic ISO-8859-5), decoded through the C
/// library's iconv in parts and in encoded words; encoded words that cannot be decoded, shown as written.
/// Fixtures were made with Python's codecs.
final class MailIconvCharsetTests: XCTestCase {
    func decode(_ bytes: [UInt8], _ charset: String?) -> (text: String, note: String?) {
        MailCharsets.decode(bytes[...], charset: charset)
    }

    static let chinese: [UInt8] = [0xD6, 0xD0, 0xCE, 0xC4, 0xD3, 0xCA, 0xBC, 0xFE, 0xB2, 0xE2, 0xCA, 0xD4]
    static let traditional: [UInt8] = [0xC1, 0x63, 0xC5, 0xE9, 0xA4, 0xA4, 0xA4, 0xE5, 0xB4, 0xFA, 0xB8, 0xD5]
    static let korean: [UInt8] = [0xC7, 0xD1, 0xB1, 0xB9, 0xBE, 0xEE, 0x20, 0xB8, 0xDE, 0xC0, 0xCF]
    static let greek: [UInt8] = [0xCA, 0xE1, 0xEB, 0xE7, 0xEC, 0xDD, 0xF1, 0xE1, 0x20, 0xEA, 0xFC, 0xF3, 0xEC, 0xE5]
    static let cyrillic: [UInt8] = [0xBF, 0xE0, 0xD8, 0xD2, 0xD5, 0xE2, 0x2C, 0x20, 0xDC, 0xD8, 0xE0]
    static let greek1253: [UInt8] = [0xCA, 0xE1, 0xEB, 0xE7, 0xEC, 0xDD, 0xF1, 0xE1, 0x20, 0x80, 0x20, 0x89]

    func testCharsetsDecodedThroughIconv() {
        let cases: [([UInt8], [String], String)] = [
            (Self.chinese, ["gb2312", "GB2312", "\"gbk\"", "x-gbk", "cp936", "GB18030", "euc-cn"], "中文邮件测试"),
            // Mail labelled GB2312 holds GBK characters (镕 珺), read as GB18030, their superset.
            ([0xE9, 0x46, 0xAC, 0x42], ["gb2312"], "镕珺"),
            (Self.traditional, ["big5", "BIG5", "x-x-big5", "cp950", "Big5-HKSCS"], "繁體中文測試"),
            // Cantonese characters of HKSCS in text labelled Big5.
            ([0xAD, 0xBB, 0xB4, 0xE4, 0x9D, 0xEF, 0x9D, 0xCF], ["big5"], "香港嘅嘢"),
            (Self.korean, ["ks_c_5601-1987", "KS_C_5601-1987", "euc-kr", "EUC-KR", "cp949", "korean"], "한국어 메일"),
            // 똠 is in Windows-949, which Outlook means by ks_c_5601-1987, not in EUC-KR.
            ([0x8C, 0x63, 0xB9, 0xE6, 0xB0, 0xA2, 0xC7, 0xCF], ["ks_c_5601-1987", "euc-kr"], "똠방각하"),
            (Self.greek, ["ISO-8859-7", "iso8859-7", "iso_8859-7:1987", "greek"], "Καλημέρα κόσμε"),
            (Self.cyrillic, ["ISO-8859-5", "iso_8859-5", "ISO8859-5"], "Привет, мир"),
            (Self.greek1253, ["Windows-1253", "cp1253", "x-cp1253", "win-1253"], "Καλημέρα € ‰"),
        ]
        for (bytes, names, expected) in cases {
            for name in names {
                XCTAssertEqual(decode(bytes, name).text, expected, name)
                XCTAssertNil(decode(bytes, name).note, name)
            }
        }
        // Stateful charsets: ISO-2022-KR shifts into KS X 1001 and back.
        XCTAssertEqual(decode([0x1B, 0x24, 0x29, 0x43, 0x0E, 0x47, 0x51, 0x0F, 0x21], "iso-2022-kr").text, "한!")
    }

    func testMessagePartsInTheseCharsets() throws {
        let cases: [(String, String, [UInt8], String)] = [
            ("gb2312", "8bit", Self.chinese, "中文邮件测试"),
            ("big5", "base64", Array("wWPF6aSkpOW0+rjV".utf8), "繁體中文測試"),
            ("ks_c_5601-1987", "base64", Array("x9Gxub7uILjewM8=".utf8), "한국어 메일"),
            ("ISO-8859-7", "quoted-printable", Array("=CA=E1=EB=E7=EC=DD=F1=E1 =EA=FC=F3=EC=E5".utf8), "Καλημέρα κόσμε"),
            ("iso-8859-5", "8bit", Self.cyrillic, "Привет, мир"),
            ("windows-1253", "8bit", Self.greek1253, "Καλημέρα € ‰"),
        ]
        for (charset, encoding, body, expected) in cases {
            var raw = Array("Subject: x\nContent-Type: text/plain; charset=\"\(charset)\"\nContent-Transfer-Encoding: \(encoding)\n\n".utf8)
            raw += body
            let message = try XCTUnwrap(MailMessage.parse(raw[...]), charset)
            XCTAssertEqual(message.body.mailOutline, ["text: \(expected)"], charset)
            XCTAssertEqual(message.notes, [], charset)
        }
    }

    /// A byte that does not fit is one U+FFFD where it stands; the text before and after decodes.
    func testInvalidSequenceReplacedWhereItIs() throws {
        let chinese: [UInt8] = [0xD6, 0xD0, 0xCE, 0xC4, 0xFF, 0x20, 0x6F, 0x6B, 0x20, 0xB2, 0xE2, 0xCA, 0xD4]
        XCTAssertEqual(decode(chinese, "gb2312").text, "中文\u{FFFD} ok 测试")
        XCTAssertEqual(decode(chinese, "gb2312").note, "invalid gb2312 text")
        // A lead byte followed by a space: the space is kept.
        let korean: [UInt8] = [0xC7, 0xD1, 0xB1, 0xB9, 0xC7, 0x20, 0xBE, 0xEE]
        XCTAssertEqual(decode(korean, "ks_c_5601-1987").text, "한국\u{FFFD} 어")
        // Cut inside a character at the end.
        XCTAssertEqual(decode([0xA4, 0xA4, 0xA4], "big5").text, "中\u{FFFD}")
        XCTAssertEqual(decode([0xA4, 0xA4, 0xA4], "big5").note, "invalid big5 text")

        var raw = Array("Subject: x\nContent-Type: text/plain; charset=gb2312\n\n".utf8)
        raw += chinese
        let message = try XCTUnwrap(MailMessage.parse(raw[...]))
        XCTAssertEqual(message.body.mailOutline, ["text: 中文\u{FFFD} ok 测试"])
        XCTAssertEqual(message.notes, ["invalid gb2312 text"])
    }

    func testEncodedWordSubjectsAndSendersInTheseCharsets() throws {
        func subject(_ raw: String) throws -> String? {
            try MailFixture.envelope("Subject: \(raw)\nFrom: a@b\n\n").subject
        }
        func from(_ raw: String) throws -> [String?] {
            let envelope = try MailFixture.envelope("From: \(raw)\n\n")
            return [envelope.fromName, envelope.fromAddress]
        }
        XCTAssertEqual(try subject("=?gb2312?B?1tDOxNPKvP6y4srU?="), "中文邮件测试")
        XCTAssertEqual(try subject("Re: =?big5?B?wWPF6aSkpOW0+rjV?="), "Re: 繁體中文測試")
        XCTAssertEqual(try subject("=?ks_c_5601-1987?B?x9Gxub7uILjewM8=?="), "한국어 메일")
        XCTAssertEqual(try subject("=?ISO-8859-7?Q?=C3=E5=E9=DC_=F3=EF=F5?="), "Γειά σου")
        XCTAssertEqual(try subject("=?iso-8859-5?B?vd7S3uHi2A==?="), "Новости")
        XCTAssertEqual(try subject("=?windows-1253?B?zd3h?= 2024"), "Νέα 2024")
        // A Big5 character split between two words is decoded whole.
        XCTAssertEqual(try subject("=?big5?Q?=A4?= =?big5?Q?=A4=A4=E5?="), "中文")
        XCTAssertEqual(try from("=?gb2312?B?zfXQocP3?= <wang@example.cn>"), ["王小明", "wang@example.cn"])
        XCTAssertEqual(try from("=?ks_c_5601-1987?B?sejDtrz2?= <kim@example.kr>"), ["김철수", "kim@example.kr"])
        XCTAssertEqual(try from("\"=?big5?B?s6+kaqTl?=\" <chan@example.hk>"), ["陳大文", "chan@example.hk"])
        XCTAssertEqual(try from("=?ISO-8859-7?Q?=C3=E5=E9=DC?= <g@example.gr>"), ["Γειά", "g@example.gr"])
    }

    /// RFC 2047 §6.3: a word that cannot be decoded is shown as written, not as garbage.
    func testInvalidEncodedWordStaysAsWritten() throws {
        func subject(_ raw: String) throws -> String? {
            try MailFixture.envelope("Subject: \(raw)\nFrom: a@b\n\n").subject
        }
        XCTAssertEqual(try subject("=?UTF-8?B?!!!notbase64?="), "=?UTF-8?B?!!!notbase64?=")
        XCTAssertEqual(try subject("=?utf-8?B?w6k=w6k?="), "=?utf-8?B?w6k=w6k?=")
        XCTAssertEqual(try subject("=?utf-8?B?w6kxQ?="), "=?utf-8?B?w6kxQ?=")
        XCTAssertEqual(try subject("=?utf-8?Q?caf=E?="), "=?utf-8?Q?caf=E?=")
        // Beside valid words it is ordinary text: the space before it stays, the words around it decode.
        XCTAssertEqual(try subject("=?utf-8?q?ok?= =?UTF-8?B?!!!notbase64?= =?utf-8?B?w6k=?="),
                       "ok =?UTF-8?B?!!!notbase64?= é")
        let from = try MailFixture.envelope("From: =?UTF-8?B?!!!?= <x@example.org>\n\n")
        XCTAssertEqual(from.fromName, "=?UTF-8?B?!!!?=")
        XCTAssertEqual(from.fromAddress, "x@example.org")
    }

    /// A charset nothing here decodes: its words stay as written (together with the space between two of
    /// them); ASCII reads the same in any charset and is decoded.
    func testEncodedWordInUnknownCharsetStaysAsWritten() throws {
        func subject(_ raw: String) throws -> String? {
            try MailFixture.envelope("Subject: \(raw)\nFrom: a@b\n\n").subject
        }
        XCTAssertEqual(try subject("=?x-nonsense?B?1tDOxA==?="), "=?x-nonsense?B?1tDOxA==?=")
        XCTAssertEqual(try subject("=?x-nonsense?Q?=D6=D0?= =?x-nonsense?Q?=CE=C4?= end"),
                       "=?x-nonsense?Q?=D6=D0?= =?x-nonsense?Q?=CE=C4?= end")
        XCTAssertEqual(try subject("=?x-nonsense?Q?plain_text?="), "plain text")
    }

    /// Only a name iconv does not know either keeps the note; each run of other bytes is one U+FFFD and the
    /// ASCII after it stays (a shift into another set of ISO 2022 is one U+FFFD up to the shift back).
    func testUnknownCharsetReplacesRunsAndKeepsItsNote() throws {
        var body = Array("Price: ".utf8) + [0xA3] + Array("5, ".utf8) + [0xD6, 0xD0, 0xCE, 0xC4] + Array("abc\n".utf8)
        body += [0x1B, 0x24, 0x42, 0x24, 0x33, 0x24, 0x73, 0x1B, 0x28, 0x42] + Array(" end".utf8)
        XCTAssertEqual(decode(body, "x-nonsense").text, "Price: \u{FFFD}5, \u{FFFD}abc\n\u{FFFD} end")
        XCTAssertEqual(decode(body, "x-nonsense").note, "charset x-nonsense cannot be decoded here")
        var raw = Array("Subject: x\nContent-Type: text/plain; charset=x-nonsense\n\n".utf8)
        raw += body
        let message = try XCTUnwrap(MailMessage.parse(raw[...]))
        XCTAssertEqual(message.notes, ["charset x-nonsense cannot be decoded here"])
        // Names with characters no charset name has never reach iconv.
        XCTAssertEqual(decode([0xD6, 0xD0], "GB18030//TRANSLIT").note, "charset GB18030//TRANSLIT cannot be decoded here")
    }
}

extension MailIconvCharsetTests {
    /// A subject and sender written in raw bytes of the charset the message declares for its text (old
    /// Russian and Japanese clients): read in that charset, not as Windows-1252. UTF-8 bytes stay UTF-8,
    /// and bytes that do not fit the declared charset keep the last resort.
    func testRawHeadersAreReadInTheDeclaredCharset() throws {
        func envelope(_ subject: [UInt8], _ from: [UInt8], charset: String) throws -> MailEnvelope {
            let raw = Array("Subject: ".utf8) + subject + Array("\nFrom: ".utf8) + from
                + Array(" <v@example.ru>\nContent-Type: text/plain; charset=\(charset)\n\nText.\n".utf8)
            return try XCTUnwrap(MailEnvelope.parse(raw[...]))
        }
        let koi8Subject: [UInt8] = [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4]  // Привет
        let koi8Name: [UInt8] = [0xF7, 0xC1, 0xD3, 0xD1]                  // Вася
        let russian = try envelope(koi8Subject, koi8Name, charset: "koi8-r")
        XCTAssertEqual(russian.subject, "Привет")
        XCTAssertEqual(russian.fromName, "Вася")
        XCTAssertEqual(russian.fromAddress, "v@example.ru")
        let japanese = try envelope([0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA], Array("A".utf8), charset: "shift_jis")
        XCTAssertEqual(japanese.subject, "日本語")
        XCTAssertEqual(try envelope(Array("Grüße".utf8), Array("Jörg".utf8), charset: "koi8-r").subject, "Grüße", "UTF-8 stays UTF-8")
        XCTAssertEqual(try envelope([0x63, 0x61, 0x66, 0xE9], Array("A".utf8), charset: "utf-8").subject, "café",
                       "labelled UTF-8, not UTF-8: the last resort")
        XCTAssertEqual(try envelope([0x63, 0x61, 0x66, 0xE9], Array("A".utf8), charset: "us-ascii").subject, "café")
        // A multipart message names the charset on its text part, not at the top.
        let multipart = Array("Subject: ".utf8) + koi8Subject + Array("\nFrom: ".utf8) + koi8Name
            + Array(" <v@example.ru>\nContent-Type: multipart/alternative; boundary=b\n\n--b\nContent-Type: text/plain; CharSet=\"KOI8-R\"\n\nText.\n--b--\n".utf8)
        let parts = try XCTUnwrap(MailEnvelope.parse(multipart[...]))
        XCTAssertEqual(parts.subject, "Привет")
        XCTAssertEqual(parts.fromName, "Вася")
    }
}
