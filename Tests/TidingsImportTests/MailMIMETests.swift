import Foundation
import XCTest
import TidingsModel

/// Whole messages: the MIME tree walked, the text chosen and decoded, the rest listed as attachments.
final class MailMIMETests: XCTestCase {
    /// A report with a plain and HTML alternative, a PDF with an RFC 2231 name, inline and named text,
    /// a forwarded message and a signature, in one multipart/mixed with a preamble and an epilogue.
    static let nestedMixed = """
    Return-Path: <sender@example.org>
    From: "Sender, Some" <sender@example.org>
    To: list@example.org
    Subject: Report with attachments
    Message-ID: <nested.1@example.org>
    Date: Mon, 02 Mar 2020 08:00:00 +0000
    MIME-Version: 1.0
    Content-Type: multipart/mixed; boundary="outer"

    This is the preamble, not shown.

    --outer
    Content-Type: multipart/alternative; boundary=inner

    --inner
    Content-Type: text/plain; charset=utf-8
    Content-Transfer-Encoding: quoted-printable

    Hello,=20
    the report is attached. Caf=C3=A9 is open.
    Soft =
    break here.

    --inner
    Content-Type: text/html; charset=utf-8

    <p>Hello, the <b>report</b> is attached.</p>
    --inner--

    --outer
    Content-Type: application/pdf; name="ignored.pdf"
    Content-Disposition: attachment;
     filename*0*=utf-8''R%C3%A9sum%C3%A9;
     filename*1=" final.pdf"
    Content-Transfer-Encoding: base64

    JVBERi0xLjQK
    JSVFT0YK
    --outer
    Content-Type: text/plain

    Appended inline text.
    --outer
    Content-Type: text/plain; name="notes.txt"

    A text file.
    --outer
    Content-Type: message/rfc822

    Subject: =?utf-8?q?Forwarded_=C3=A9?=
    From: a@b

    Inner body.
    --outer
    Content-Type: application/pgp-signature; name=signature.asc

    -----BEGIN PGP SIGNATURE-----
    -----END PGP SIGNATURE-----
    --outer--
    Epilogue, not shown.
    """

    func testNestedMixedWithAlternativeAndAttachments() throws {
        let bytes = MailFixture.bytes(Self.nestedMixed)
        let message = try XCTUnwrap(MailMessage.parse(bytes))
        XCTAssertEqual(message.envelope.subject, "Report with attachments")
        XCTAssertEqual(message.envelope.fromName, "Sender, Some")
        XCTAssertEqual(message.body.mailOutline, [
            "text: Hello,⏎the report is attached. Café is open.⏎Soft break here.",
            "text: Appended inline text.",
            "paragraph: [forwarded message]⏎From: a@b⏎Subject: Forwarded é",
            "text: Inner body.",
        ])
        XCTAssertEqual(message.attachments, [
            Comment.Attachment(name: "Résumé final.pdf", type: "application/pdf", size: 15),
            Comment.Attachment(name: "notes.txt", type: "text/plain", size: 12),
            Comment.Attachment(name: "signature.asc", type: "application/pgp-signature", size: 57),
        ])
        XCTAssertEqual(message.notes, [])
        // The same message with CRLF line ends reads the same (sizes of text parts count their CRs).
        let crlf = Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let again = try XCTUnwrap(MailMessage.parse(crlf[...]))
        XCTAssertEqual(again.body, message.body)
        XCTAssertEqual(again.attachments.map(\.name), message.attachments.map(\.name))
        XCTAssertEqual(again.attachments[0].size, 15)
    }

    func testAlternativeHTMLOnlyIsRendered() throws {
        let message = try MailFixture.message("""
        Subject: html
        Content-Type: multipart/alternative; boundary="b"

        --b
        Content-Type: image/png

        xx
        --b
        Content-Type: text/html; charset=iso-8859-1
        Content-Transfer-Encoding: quoted-printable

        <p>Caf=E9 <a href=3D"https://example.com/">link</a></p><blockquote>quoted</blockquote>
        --b--
        """)
        XCTAssertEqual(message.body.lines, ["Café link", "> quoted"])
        XCTAssertEqual(message.body.links, ["https://example.com/"])
        XCTAssertEqual(message.attachments, [], "the other alternatives are not attachments")
    }

    func testAlternativePrefersPlainInsideRelated() throws {
        let message = try MailFixture.message("""
        Subject: related
        Content-Type: multipart/alternative; boundary=a

        --a
        Content-Type: multipart/related; boundary=r

        --r
        Content-Type: text/html

        <p>html</p>
        --r
        Content-Type: image/png; name=logo.png
        Content-Transfer-Encoding: base64

        iVBORw0K
        --r--
        --a
        Content-Type: multipart/mixed; boundary=m

        --m
        Content-Type: text/plain

        plain wins
        --m
        Content-Type: application/zip; name=a.zip

        PK
        --m--
        --a--
        """)
        XCTAssertEqual(message.body.mailOutline, ["text: plain wins"])
        XCTAssertEqual(message.attachments, [Comment.Attachment(name: "a.zip", type: "application/zip", size: 2)])
    }

    func testSinglePartBodies() throws {
        let base64 = try MailFixture.message("""
        Subject: b64
        Content-Type: TEXT/PLAIN; charset="KOI8-R"
        Content-Transfer-Encoding: BASE64

        8NLJ18XU
        LCDNydIh

        """)
        XCTAssertEqual(base64.body.mailOutline, ["text: Привет, мир!"])
        XCTAssertEqual(base64.notes, [])
        let qp = try MailFixture.message("""
        Subject: qp
        Content-Type: text/plain; charset=iso-8859-2
        Content-Transfer-Encoding: Quoted-Printable

        =AF=F3=B3=E6 =3D yellow   \r
        next=
         line
        """)
        XCTAssertEqual(qp.body.mailOutline, ["text: Żółć = yellow⏎next line"])
        let cp1251 = try MailFixture.message("Subject: x\nContent-Type: text/plain; charset=cp1251\nContent-Transfer-Encoding: 8bit\n\n")
        XCTAssertEqual(cp1251.body.blocks, [])
        var raw = Array("Subject: 8bit\nContent-Type: text/plain; charset=windows-1251\n\n".utf8)
        raw += [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2]
        XCTAssertEqual(MailMessage.parse(raw[...])?.body.mailOutline, ["text: Привет"])
    }

    func testNoContentTypeIsPlainASCIIWithEightBitFallback() throws {
        var raw = Array("Subject: none\n\n".utf8)
        raw += [0x63, 0x61, 0x66, 0xE9, 0x0A]
        XCTAssertEqual(MailMessage.parse(raw[...])?.body.mailOutline, ["text: café"])
        XCTAssertEqual(try MailFixture.message("Subject: u\n\nGrüße\n").body.mailOutline, ["text: Grüße"])
    }

    /// A mailing list's footer is a part of its own: its addresses are numbered after the text's, each
    /// number naming its own address (the footer's `[1]` opened the text's first link).
    func testAFooterPartsAddressesAreNumberedAfterTheTexts() throws {
        let message = try MailFixture.message("""
        Subject: x
        Content-Type: multipart/mixed; boundary="b"

        --b
        Content-Type: text/plain

        My blog: http://blog.example/ and www.other.example
        --b
        Content-Type: text/plain

        List: http://lists.example/listinfo/x
        --b--
        """)
        XCTAssertEqual(message.body.links, ["http://blog.example/", "http://www.other.example", "http://lists.example/listinfo/x"])
        let numbered = message.body.blocks.flatMap(\.runs).compactMap { run in run.link.map { (run.text, $0) } }
        XCTAssertEqual(numbered.map(\.0), ["http://blog.example/", "www.other.example", "http://lists.example/listinfo/x"])
        XCTAssertEqual(numbered.map(\.1), [0, 1, 2])
    }

    func testInvalidEncodingsGiveNotesNotCrashes() throws {
        let base64 = try MailFixture.message("""
        Subject: bad
        Content-Transfer-Encoding: base64

        aGVs!!bG8g*d29y
        bGQ=ignored after the pad

        """)
        XCTAssertEqual(base64.body.mailOutline, ["text: hello world"])
        XCTAssertEqual(base64.notes, ["invalid base64"])
        let qp = try MailFixture.message("""
        Subject: bad
        Content-Transfer-Encoding: quoted-printable

        50=% off =ZZ and =4 end=
        """)
        XCTAssertEqual(qp.body.mailOutline, ["text: 50=% off =ZZ and =4 end"])
        XCTAssertEqual(qp.notes, ["invalid quoted-printable"])
        XCTAssertEqual(try MailFixture.message("Subject: ok\nContent-Transfer-Encoding: base64\n\naGk=\n").notes, [])
        // Cut short after one character of a group: what came before is shown, with the note. Padding left
        // out (two or three characters at the end) is not damage.
        let cut = try MailFixture.message("Subject: cut\nContent-Transfer-Encoding: base64\n\naGVsbG8gd29y\nb\n")
        XCTAssertEqual(cut.body.mailOutline, ["text: hello wor"])
        XCTAssertEqual(cut.notes, ["invalid base64"])
        XCTAssertEqual(try MailFixture.message("Subject: ok\nContent-Transfer-Encoding: base64\n\naGk\n").notes, [])
        // Text mislabelled as base64 would decode to noise: it is shown as written, with a note.
        let mislabelled = try MailFixture.message("Subject: x\nContent-Transfer-Encoding: base64\n\n!!!!not base64 at all ###\n")
        XCTAssertEqual(mislabelled.body.mailOutline, ["text: !!!!not base64 at all ###"])
        XCTAssertEqual(mislabelled.notes, ["not base64: shown as written"])
        for text in ["!!!!not base64 at all ###\nsecond line of plain text", "hello world",
                     "This is just plain text someone mislabelled.\nIt has several lines."] {
            let message = try MailFixture.message("Subject: x\nContent-Transfer-Encoding: base64\n\n\(text)\n")
            XCTAssertEqual(message.body.mailOutline, ["text: " + text.replacingOccurrences(of: "\n", with: "⏎")], text)
            XCTAssertEqual(message.notes, ["not base64: shown as written"], text)
        }
        // Real base64 in lines, with padding, and a stray character: decoded.
        let lines = try MailFixture.message("Subject: x\nContent-Transfer-Encoding: base64\n\naGVsbG8g\nd29ybGQ=\n")
        XCTAssertEqual(lines.body.mailOutline, ["text: hello world"])
        XCTAssertEqual(lines.notes, [])
        XCTAssertEqual(try MailFixture.message("Subject: x\nContent-Transfer-Encoding: x-uuencode\n\nbegin 644\n").body.mailOutline,
                       ["text: begin 644"])
    }

    func testUnknownCharsetNote() throws {
        var raw = Array("Subject: x\nContent-Type: text/plain; charset=x-klingon\n\n".utf8)
        raw += [0x63, 0x61, 0x66, 0xE9]
        let message = try XCTUnwrap(MailMessage.parse(raw[...]))
        XCTAssertEqual(message.body.mailOutline, ["text: caf\u{FFFD}"])
        XCTAssertEqual(message.notes, ["charset x-klingon cannot be decoded here"])
    }

    func testFormatFlowed() throws {
        let text = """
        Subject: flowed
        Content-Type: text/plain; charset=utf-8; format=flowed; delsp=yes

        This is a long para\u{20}
        graph that flows.
        >> Deep quote that \u{20}
        >> flows too.
        > Shallow soft\u{20}
        >> not joined across depths
         From the stuffed line
        --\u{20}
        sig
        """
        let message = try MailFixture.message(text)
        XCTAssertEqual(message.body.mailOutline, [
            "text: This is a long paragraph that flows.",
            "quote 1: Deep quote that flows too.",
            "quote 0: Shallow soft",
            "quote 1: not joined across depths",
            "text: From the stuffed line",
            "signature: -- ⏎sig",
        ])
        XCTAssertEqual(FlowedText.unflow("one \ntwo \nthree\n", delSp: false), "one two three\n")
        XCTAssertEqual(FlowedText.unflow("one \ntwo \nthree", delSp: true), "onetwothree")
        XCTAssertEqual(FlowedText.unflow("> a \n> b\nc \n", delSp: false), "> a b\nc \n")
        // Not flowed: lines are kept as they are.
        let fixed = try MailFixture.message("Subject: fixed\nContent-Type: text/plain; format=fixed\n\nline one \nline two\n")
        XCTAssertEqual(fixed.body.mailOutline, ["text: line one⏎line two"])
    }

    func testAFlowedLineStuffedBeforeAMarkIsNoQuote() throws {
        // RFC 3676: the depth is counted before the stuffing space goes; a `>` after it is text.
        let message = try MailFixture.message("""
        Subject: stuffed
        Content-Type: text/plain; format=flowed

         >not a quote, but soft\u{20}
        and joined
         From here
        > >quoted once, its text starting with a mark
        >>> deep
        """)
        XCTAssertEqual(message.body.mailOutline, [
            "text: >not a quote, but soft and joined⏎From here",
            "quote 0: >quoted once, its text starting with a mark",
            "quote 2: deep",
        ])
        let signature = try MailFixture.message("Subject: s\nContent-Type: text/plain; format=flowed\n\ntext\n> -- \n> quoted sig\n")
        XCTAssertEqual(signature.body.mailOutline, ["text: text", "quote 0: --⏎quoted sig"], "only an unquoted `-- ` starts the signature")
    }

    func testMissingClosingBoundaryAndPartWithoutHeaders() throws {
        let message = try MailFixture.message("""
        Subject: sloppy
        Content-Type: multipart/mixed; boundary=x

        --x

        no headers at all
        --x
        not a header line, so all body
        --x
        Content-Type: application/octet-stream
        --x
        """)
        XCTAssertEqual(message.body.mailOutline, ["text: no headers at all", "text: not a header line, so all body"])
        XCTAssertEqual(message.attachments, [Comment.Attachment(name: nil, type: "application/octet-stream", size: 0)])
    }

    func testHundredThousandNestedMultipartsAreBounded() throws {
        let depth = 100_000
        var text = "Subject: deep\nContent-Type: multipart/mixed; boundary=\"b0\"\n\n"
        for level in 1...depth {
            text += "--b\(level - 1)\nContent-Type: multipart/mixed; boundary=\"b\(level)\"\n\n"
        }
        text += "--b\(depth)\nContent-Type: text/plain\n\ninnermost\n"
        for level in stride(from: depth, through: 0, by: -1) { text += "--b\(level)--\n" }
        let started = Date()
        let message = try MailFixture.message(text)
        XCTAssertLessThan(Date().timeIntervalSince(started), 20)
        XCTAssertEqual(message.body.blocks, [])
        XCTAssertEqual(message.attachments.count, 1)
        XCTAssertEqual(message.attachments.first?.name, "…")
        XCTAssertEqual(message.attachments.first?.type, "multipart/mixed")
        XCTAssertEqual(message.notes, ["MIME parts nested more than 100 deep are not opened"])
    }

    func testPartLimit() throws {
        var text = "Subject: many\nContent-Type: multipart/mixed; boundary=p\n\n"
        for index in 0..<1_200 { text += "--p\nContent-Type: application/octet-stream; name=f\(index)\n\nx\n" }
        text += "--p--\n"
        let message = try MailFixture.message(text)
        XCTAssertEqual(message.attachments.count, 1_000)
        XCTAssertEqual(message.attachments[998], Comment.Attachment(name: "f998", type: "application/octet-stream", size: 1))
        XCTAssertEqual(message.attachments.last?.name, "…")
        XCTAssertEqual(message.notes, ["only the first 1000 MIME parts are read"])
    }

    func testAttachmentNamesFromEncodedWordsAndPlainDisposition() throws {
        let message = try MailFixture.message("""
        Subject: names
        Content-Type: multipart/mixed; boundary=n

        --n
        Content-Type: text/plain

        body
        --n
        Content-Type: IMAGE/JPEG; name="=?UTF-8?B?w6l0w6k=?=.jpg"
        Content-Disposition: inline

        jpg
        --n
        Content-Type: text/plain
        Content-Disposition: attachment

        attached text without a name
        --n
        Content-Type: application/octet-stream
        Content-Disposition: attachment; filename*=iso-8859-1'fr'caf%E9.txt

        1234
        --n--
        """)
        XCTAssertEqual(message.body.mailOutline, ["text: body"])
        XCTAssertEqual(message.attachments, [
            Comment.Attachment(name: "été.jpg", type: "image/jpeg", size: 3),
            Comment.Attachment(name: nil, type: "text/plain", size: 28),
            Comment.Attachment(name: "café.txt", type: "application/octet-stream", size: 4),
        ])
    }

    func testMultipartWithoutAnyBoundaryLineShowsItsBody() throws {
        let message = try MailFixture.message("Subject: x\nContent-Type: multipart/mixed; boundary=never\n\nJust text.\n")
        XCTAssertEqual(message.body.mailOutline, ["text: Just text."])
        let noBoundary = try MailFixture.message("Subject: x\nContent-Type: multipart/mixed\n\nAlso text.\n")
        XCTAssertEqual(noBoundary.body.mailOutline, ["text: Also text."])
    }

    func testByteOrderMarkBeforeTheHeaders() throws {
        let bytes = [0xEF, 0xBB, 0xBF] + Array("Subject: marked\nFrom: a@b\n\nbody".utf8)
        XCTAssertEqual(MailEnvelope.parse(bytes[...])?.subject, "marked")
        XCTAssertEqual(MailEnvelope.parse(bytes[...])?.bodyOffset, bytes.count - 4)
        XCTAssertTrue(MailSniffer.looksLikeMessage(bytes[...]))
    }

    /// Damaged copies of a real-shaped message (bytes changed, cut, repeated) parse without trapping, and the
    /// envelope agrees with the full parse.
    func testDamagedMessagesNeverTrap() throws {
        let original = Array(MailFixture.bytes(Self.nestedMixed))
        var generator = SeededGenerator(seed: 20091117)
        let specials = Array("-=?<>\"\\;:\r\n (*'%_".utf8)
        for _ in 0..<400 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...12, using: &generator) {
                guard !bytes.isEmpty else { break }
                let position = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: bytes[position] = specials.randomElement(using: &generator) ?? 0
                case 1: bytes[position] = UInt8.random(in: 0...255, using: &generator)
                case 2: bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...40, using: &generator)))
                default: bytes.insert(contentsOf: bytes[position..<min(bytes.count, position + 30)], at: position)
                }
            }
            let envelope = MailEnvelope.parse(bytes[...])
            let message = MailMessage.parse(bytes[...])
            XCTAssertEqual(envelope, message?.envelope)
            if let envelope { XCTAssertTrue((0...bytes.count).contains(envelope.bodyOffset)) }
        }
    }
}

/// A small deterministic generator (SplitMix64), so damaged inputs are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

extension MailMIMETests {
    /// An HTML message's signature (`-- <br>` and what follows, Thunderbird's `moz-signature`) is a signature,
    /// dimmed with its lines kept, its links still numbered; a `--` with more than ten lines after it is not.
    func testAnHTMLSignatureIsASignature() throws {
        let message = try MailFixture.message("""
        Subject: html
        Content-Type: text/html; charset=utf-8

        <p>Thanks.</p><div class="moz-signature">-- <br>Thunder Bird<br><a href="https://tb.example/">tb.example</a></div>
        """)
        XCTAssertEqual(message.body.blocks.map(\.kind), [.paragraph, .signature])
        XCTAssertEqual(message.body.blocks.last?.plainText, "--\nThunder Bird\ntb.example")
        XCTAssertEqual(message.body.blocks.last?.runs.compactMap(\.link), [0], "its link keeps its number")
        let long = try MailFixture.message("""
        Subject: html
        Content-Type: text/html

        <p>--<br>1<br>2<br>3<br>4<br>5<br>6<br>7<br>8<br>9<br>10<br>11</p>
        """)
        XCTAssertEqual(long.body.blocks.map(\.kind), [.paragraph])
        // Gmail's, a `<div>` a line: one block, no blank rows; a quote after it stays a quote.
        let gmail = try MailFixture.message("""
        Subject: html
        Content-Type: text/html

        <div>Hi.</div><div class="gmail_signature"><div>-- </div><div>Jane Doe</div><div>ACME</div></div><blockquote>Earlier.</blockquote>
        """)
        XCTAssertEqual(gmail.body.blocks.map(\.kind), [.paragraph, .signature, .quote])
        XCTAssertEqual(gmail.body.blocks[1].plainText, "--\nJane Doe\nACME")
        // Gmail's reply: the line that introduces the quote is no part of the signature above it.
        let reply = try MailFixture.message("""
        Subject: html
        Content-Type: text/html

        <div>Yes.</div><div class="gmail_signature"><div>-- </div><div>Jane</div></div><div class="gmail_quote"><div>On Mon, Bob wrote:</div><blockquote>Earlier.</blockquote></div>
        """)
        XCTAssertEqual(reply.body.blocks.map(\.kind), [.paragraph, .signature, .paragraph, .quote])
        // Thunderbird's signature in `<pre>`.
        let pre = try MailFixture.message("""
        Subject: html
        Content-Type: text/html

        <p>Thanks.</p><pre class="moz-signature">-- 
        Ann Example
        https://ann.example/</pre>
        """)
        XCTAssertEqual(pre.body.blocks.map(\.kind), [.paragraph, .signature])
    }
}

extension MailMIMETests {
    /// Mail has no address of its own to resolve a relative reference against: `<img src="x.png">` and
    /// `<a href="page.html">` keep their text and get no number that would open nothing.
    func testRelativeReferencesInHTMLMailAreNoLinks() throws {
        let message = try MailFixture.message("""
        Subject: html
        Content-Type: text/html

        <p><img src="x.png" alt="chart"> <a href="page.html">page</a> <a href="https://e.example/">site</a></p>
        """)
        XCTAssertEqual(message.body.links, ["https://e.example/"])
        XCTAssertEqual(message.body.blocks.first?.plainText, "[chart] page site")
        let hostOnly = try MailFixture.message("Subject: h\nContent-Type: text/html\n\n<a href=\"//cdn.example.com/b\">b</a>\n")
        XCTAssertEqual(hostOnly.body.links, ["https://cdn.example.com/b"], "a link that names its host is https")
    }
}

extension MailMIMETests {
    /// Inline PGP (Debian's announcements): the armour and the signature block go, dash-escaped lines read
    /// as written, and a note says the signature is not checked.
    func testInlinePGPIsUnwrapped() throws {
        let message = try MailFixture.message("""
        Subject: DSA-1 foo security update
        Content-Type: text/plain; charset=us-ascii

        -----BEGIN PGP SIGNED MESSAGE-----
        Hash: SHA512

        - -------------------------------------------------------------------------
        Debian Security Advisory DSA-1-1
        - -------------------------------------------------------------------------

        Upgrade your foo packages.
        -----BEGIN PGP SIGNATURE-----

        iQIzBAEBCgAdFiEE
        =abcd
        -----END PGP SIGNATURE-----
        """)
        let text = message.body.blocks.map(\.plainText).joined(separator: "\n\n")
        XCTAssertEqual(text, "-------------------------------------------------------------------------\nDebian Security Advisory DSA-1-1\n"
                       + "-------------------------------------------------------------------------\n\nUpgrade your foo packages.")
        XCTAssertEqual(message.notes, ["signed with inline PGP: the signature is not checked"])
        // Text outside the signed part is set apart from it.
        let footer = try MailFixture.message("Subject: x\n\nBefore.\n-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA1\n\nSigned.\n-----BEGIN PGP SIGNATURE-----\nx\n-----END PGP SIGNATURE-----\nList footer.\n")
        XCTAssertEqual(footer.body.blocks.map(\.plainText).joined(separator: "\n"),
                       "Before.\n[-- Begin signed text --]\nSigned.\n[-- End signed text --]\nList footer.")
        // Two signed parts: both unwrapped, each set apart.
        let two = try MailFixture.message("Subject: x\n\n-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA1\n\nOne.\n-----BEGIN PGP SIGNATURE-----\nx\n-----END PGP SIGNATURE-----\nNote.\n-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA1\n\nTwo.\n-----BEGIN PGP SIGNATURE-----\ny\n-----END PGP SIGNATURE-----\n")
        XCTAssertEqual(two.body.blocks.map(\.plainText).joined(separator: "\n"),
                       "[-- Begin signed text --]\nOne.\n[-- End signed text --]\nNote.\n[-- Begin signed text --]\nTwo.\n[-- End signed text --]")
        // Armour without its end is left as written.
        let cut = try MailFixture.message("Subject: x\n\n-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA1\n\nText.\n")
        XCTAssertEqual(cut.notes, [])
    }
}
