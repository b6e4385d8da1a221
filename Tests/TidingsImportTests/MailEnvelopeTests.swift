import Foundation
import XCTest
import TidingsModel

/// The envelope of one message from its header block: ids and parents, subject, sender, date, flags.
final class MailEnvelopeTests: XCTestCase {
    func testFoldedAndRepeatedThreadingHeadersGiveParentsInOrder() throws {
        // As a patch series writes them: two In-Reply-To and two References, Message-Id folded.
        let text = """
        From: Viresh Kumar <viresh.kumar@linaro.org>
        Subject: [PATCH 2/4] PM / OPP: Add
         dev_pm_opp_set_supported_hw()
        Message-Id:
         <b3b3a4c4.1494921021.git.viresh.kumar@Linaro.ORG>
        In-Reply-To: <cover.1494921021.git.viresh.kumar@linaro.org>
        References: <cover.1494921021.git.viresh.kumar@linaro.org>
        In-Reply-To: <p1.1494921021.git.viresh.kumar@linaro.org>
        References: <p1.1494921021.git.viresh.kumar@linaro.org>
        Date: Tue, 16 May 2017 13:21:40 +0530

        Body line.

        """
        for crlf in [false, true] {
            let envelope = try MailFixture.envelope(text, crlf: crlf)
            XCTAssertEqual(envelope.messageID, "b3b3a4c4.1494921021.git.viresh.kumar@linaro.org")
            XCTAssertEqual(envelope.parents, ["cover.1494921021.git.viresh.kumar@linaro.org", "p1.1494921021.git.viresh.kumar@linaro.org"])
            XCTAssertEqual(envelope.subject, "[PATCH 2/4] PM / OPP: Add dev_pm_opp_set_supported_hw()")
            XCTAssertEqual(envelope.fromName, "Viresh Kumar")
            XCTAssertEqual(envelope.fromAddress, "viresh.kumar@linaro.org")
            XCTAssertEqual(envelope.sender, "Viresh Kumar")
            XCTAssertEqual(envelope.date, MailFixture.utc(2017, 5, 16, 7, 51, 40))
            let bytes = MailFixture.bytes(text, crlf: crlf)
            XCTAssertEqual(String(decoding: bytes[envelope.bodyOffset...], as: UTF8.self), crlf ? "Body line.\r\n" : "Body line.\n")
        }
    }

    func testReferencesThenInReplyToWithoutDuplicates() throws {
        let envelope = try MailFixture.envelope("""
        Message-ID: <c@x>
        References: <a@x> <b@x>
         <a@X>
        In-Reply-To: Your message of "Tue, 17 Nov 2009" <d@x> (a comment <e@x>)
        In-Reply-To: <b@x>

        """)
        XCTAssertEqual(envelope.parents, ["a@x", "b@x", "d@x"])
    }

    func testMessageIDNormalisation() {
        XCTAssertEqual(MessageIDs.normalise(" <Abc.Def@Example.COM> "), "Abc.Def@example.com")
        XCTAssertEqual(MessageIDs.normalise("<abc\r\n def@host>"), "abcdef@host")
        XCTAssertEqual(MessageIDs.normalise("bare@HOST"), "bare@host")
        XCTAssertEqual(MessageIDs.normalise("<a@b@C>"), "a@b@c")
        XCTAssertEqual(MessageIDs.normalise("<>"), nil)
        XCTAssertEqual(MessageIDs.normalise("   "), nil)
        XCTAssertEqual(MessageIDs.all(in: "<a@x>, <b@x>"), ["a@x", "b@x"])
        XCTAssertEqual(MessageIDs.all(in: "(comment) id@HOST.org (more)"), ["id@host.org"])
        XCTAssertEqual(MessageIDs.all(in: "no ids here"), [])
        XCTAssertEqual(MessageIDs.all(in: "\"quoted <q@x>\" <real@x>"), ["real@x"])
    }

    func testEncodedWordSubjects() throws {
        func subject(_ raw: String) throws -> String? {
            try MailFixture.envelope("Subject: \(raw)\nFrom: a@b\n\n").subject
        }
        XCTAssertEqual(try subject("=?ISO-8859-1?Q?Caf=E9_cr=E8me?="), "Café crème")
        XCTAssertEqual(try subject("=?iso-8859-1?b?Q2Fm6Q==?= au lait"), "Café au lait")
        // A UTF-8 character (é = C3 A9) split across two words: decoded together.
        XCTAssertEqual(try subject("=?UTF-8?Q?Caf=C3?= =?UTF-8?Q?=A9?="), "Café")
        XCTAssertEqual(try subject("=?utf-8?B?w6k=?=\n =?utf-8?B?w6k=?="), "éé")
        // Whitespace between adjacent words goes; between a word and text it stays.
        XCTAssertEqual(try subject("=?utf-8?q?a?=   =?utf-8?q?b?= c =?utf-8?q?d?="), "ab c d")
        XCTAssertEqual(try subject("=?utf-8*en?Q?hello_world?="), "hello world")
        // Malformed words stay as written.
        XCTAssertEqual(try subject("=?utf-8?X?abc?= and =?utf-8?Q?open"), "=?utf-8?X?abc?= and =?utf-8?Q?open")
        XCTAssertEqual(try subject("  Re:\t\tlots   of\n  space  "), "Re: lots of space")
        XCTAssertEqual(try subject(""), "")
        XCTAssertNil(try MailFixture.envelope("From: a@b\n\n").subject)
    }

    func testSenderForms() throws {
        func from(_ raw: String) throws -> [String?] {
            let envelope = try MailFixture.envelope("From: \(raw)\n\n")
            return [envelope.fromName, envelope.fromAddress]
        }
        XCTAssertEqual(try from("\"Doe, John\" <john@example.com>"), ["Doe, John", "john@example.com"])
        XCTAssertEqual(try from("dtj@sumac.cray.com (Dean Johnson)"), ["Dean Johnson", "dtj@sumac.cray.com"])
        XCTAssertEqual(try from("=?ISO-8859-1?Q?Andr=E9?= Pirard <PIRARD@vm1.ulg.ac.be>"), ["André Pirard", "PIRARD@vm1.ulg.ac.be"])
        XCTAssertEqual(try from("<alone@example.com>"), [nil, "alone@example.com"])
        XCTAssertEqual(try from("plain@example.com"), [nil, "plain@example.com"])
        XCTAssertEqual(try from("\"Say \\\"Hi\\\"\" <hi@example.com>, other@example.com"), ["Say \"Hi\"", "hi@example.com"])
        XCTAssertEqual(try from("Joe Bloggs"), ["Joe Bloggs", nil])
        XCTAssertEqual(try from(""), [nil, nil])
        XCTAssertNil(try MailFixture.envelope("Subject: x\n\n").sender)
    }

    func testStatusAndNewsgroups() throws {
        XCTAssertTrue(try MailFixture.envelope("Subject: a\nStatus: RO\n\n").seen)
        XCTAssertTrue(try MailFixture.envelope("Subject: a\nX-Status: R\n\n").seen)
        XCTAssertFalse(try MailFixture.envelope("Subject: a\nStatus: O\n\n").seen)
        XCTAssertEqual(try MailFixture.envelope("Newsgroups: comp.lang.c, comp.unix ,,\nSubject: a\n\n").newsgroups,
                       ["comp.lang.c", "comp.unix"])
    }

    func testNotAMessage() {
        XCTAssertNil(MailEnvelope.parse(MailFixture.bytes("Hello there, this is a letter.\nFrom: x\n")))
        XCTAssertNil(MailEnvelope.parse(MailFixture.bytes("\nSubject: after an empty line\n")))
        XCTAssertNil(MailEnvelope.parse(MailFixture.bytes("Subject : spaced name\n\n")))
        XCTAssertNil(MailEnvelope.parse(MailFixture.bytes("")))
        XCTAssertNil(MailMessage.parse(MailFixture.bytes("just text")))
    }

    func testHeaderBlockWithoutBody() throws {
        let text = "Subject: only headers\nMessage-ID: <x@y>"
        let envelope = try MailFixture.envelope(text)
        XCTAssertEqual(envelope.bodyOffset, text.utf8.count)
        XCTAssertEqual(envelope.messageID, "x@y")
        let message = try MailFixture.message(text)
        XCTAssertEqual(message.body.blocks, [])
        XCTAssertEqual(message.attachments, [])
        XCTAssertEqual(try MailFixture.envelope("Subject: a\n\n").bodyOffset, 12)
    }

    /// A line that is no field ends the header block, as mutt reads it: a message written without the
    /// empty line shows its text; a `From ` or `>From ` line among the fields is passed over.
    func testALineThatIsNoFieldStartsTheBodyAndLeadingFromLineAndSliceOffsets() throws {
        let text = """
        From someone@example.com Tue Nov 17 10:52:49 2009
        Subject: first
        this line is not a header
        Message-ID: <m@x>

        body
        """
        var bytes = Array("JUNK".utf8)
        bytes += Array(text.utf8)
        let slice = bytes[4...]
        let envelope = try XCTUnwrap(MailEnvelope.parse(slice))
        XCTAssertEqual(envelope.subject, "first")
        XCTAssertNil(envelope.messageID, "after the body started")
        // No Date: the separator line's date is used.
        XCTAssertEqual(envelope.date, MailFixture.utc(2009, 11, 17, 10, 52, 49))
        XCTAssertEqual(String(decoding: slice.dropFirst(envelope.bodyOffset), as: UTF8.self), "this line is not a header\nMessage-ID: <m@x>\n\nbody")
        let fromLines = try MailFixture.envelope("Subject: s\n>From someone Tue Nov 17 10:52:49 2009\nFrom someone Tue Nov 17 10:52:49 2009\nMessage-ID: <k@x>\n\nbody\n")
        XCTAssertEqual(fromLines.messageID, "k@x")
        let unwritten = try MailFixture.message("Subject: hi\nFrom: a@b.org\nHello there, no blank line before me.\nSecond line.\n")
        XCTAssertEqual(unwritten.body.lines, ["Hello there, no blank line before me.\nSecond line."])
        // Only a `From ` line that is an mbox separator is passed over: `From the logs` starts the text.
        let logs = try MailFixture.message("Subject: s\nMessage-ID: <l@x>\nFrom the logs, the failure started at noon.\nSecond line.\n")
        XCTAssertEqual(logs.body.lines, ["From the logs, the failure started at noon.\nSecond line."])
        let quotedFirst = try MailFixture.envelope(">From bob@example.com Tue Apr 3 10:00:00 2007\nFrom: Bob <bob@x>\nSubject: first\nMessage-ID: <c1@x>\n\nBody.\n")
        XCTAssertEqual([quotedFirst.subject, quotedFirst.messageID], ["first", "c1@x"], "a >From line before the fields is passed over")
    }

    func testHeaderScanStopsAtTheLineLimit() throws {
        var text = "Subject: many\n"
        for index in 0..<10_050 { text += "X-Filler-\(index): v\n" }
        text += "Message-ID: <late@x>\n\nbody\n"
        let envelope = try MailFixture.envelope(text)
        XCTAssertNil(envelope.messageID, "fields after 10,000 lines are body")
        let bytes = MailFixture.bytes(text)
        XCTAssertTrue(String(decoding: bytes[envelope.bodyOffset...], as: UTF8.self).hasPrefix("X-Filler-9999: v\n"))
        // The reader is told why those lines are text and not fields.
        XCTAssertTrue(envelope.headerCut)
        let message = try XCTUnwrap(MailMessage.parse(bytes[...]))
        XCTAssertEqual(message.notes, ["header block longer than 10,000 lines or 1 MiB: the rest is shown as text, its fields not read"])
        XCTAssertFalse(try MailFixture.envelope("Subject: few\nMessage-ID: <a@x>\n\nbody\n").headerCut)
        XCTAssertFalse(try MailFixture.envelope("Subject: no body\nMessage-ID: <a@x>\n").headerCut)
    }

    func testANewsArticle() throws {
        let text = """
        Amhtsa.157
        net.games,net.misc
        utzoo!decvax!harpo!eagle!mhtsa
        Wed May  5 22:33:48 1982
        Re: Raster vs. Vector
        In reply to ...minn-ua!kirk I would take issue.
        """
        let envelope = try MailFixture.envelope(text)
        XCTAssertEqual(envelope.messageID, "mhtsa.157")
        XCTAssertEqual(envelope.newsgroups, ["net.games", "net.misc"])
        XCTAssertEqual(envelope.fromName, "mhtsa")
        XCTAssertNil(envelope.fromAddress)
        XCTAssertEqual(envelope.subject, "Re: Raster vs. Vector")
        XCTAssertEqual(envelope.date, MailFixture.utc(1982, 5, 5, 22, 33, 48))
        XCTAssertEqual(envelope.parents, [])
        let bytes = MailFixture.bytes(text)
        XCTAssertEqual(String(decoding: bytes[envelope.bodyOffset...], as: UTF8.self), "In reply to ...minn-ua!kirk I would take issue.")
        let message = try MailFixture.message(text)
        XCTAssertEqual(message.body.mailOutline, ["text: In reply to ...minn-ua!kirk I would take issue."])
        XCTAssertTrue(MailSniffer.looksLikeMessage(bytes))
        // Four lines are not an article.
        XCTAssertNil(MailEnvelope.parse(MailFixture.bytes("Amhtsa.157\nnet.games\nutzoo!x\nWed May  5 22:33:48 1982")))
    }

    /// B News before 2.10, as utzoo saved it: `Title:` is the subject, `Article-I.D.:` the id, written bare
    /// as `References:` names it too.
    func testEarlyBNewsHeaders() throws {
        let root = try MailFixture.envelope("From: ucbvax!root\nNewsgroups: net.general\nTitle: Usenet Etiquette\nArticle-I.D.: eagle.642\nPosted: Thu Jan 28 10:40:18 1982\n\nText\n")
        XCTAssertEqual(root.subject, "Usenet Etiquette")
        XCTAssertEqual(root.messageID, "eagle.642")
        XCTAssertEqual(root.date, MailFixture.utc(1982, 1, 28, 10, 40, 18))
        let reply = try MailFixture.envelope("From: ucbvax!other\nTitle: Re: Usenet Etiquette\nArticle-I.D.: ucbvax.789\nReferences: eagle.640, eagle.642\n\nText\n")
        XCTAssertEqual(reply.parents, ["eagle.640", "eagle.642"])
        // A Subject: and a Message-ID: are taken over their old names.
        let both = try MailFixture.envelope("Subject: New\nTitle: Old\nArticle-I.D.: site.1\nMessage-ID: <new@site>\n\nText\n")
        XCTAssertEqual(both.subject, "New")
        XCTAssertEqual(both.messageID, "new@site")
        // Bare words that are no ids stay none: a version number, a time, a word.
        XCTAssertEqual(MessageIDs.all(in: "see 1.2 at 14.30.22, or v2"), [])
        XCTAssertEqual(MessageIDs.all(in: "<a@b> eagle.642"), ["a@b"], "ids in brackets, when there are some, are all")
    }

    /// An article whose date does not read (`Feb 30`) or whose path holds a control character is still an
    /// A News article: read, undated, its control characters left to the screen's gate (it was skipped as
    /// "a format not read yet").
    func testANewsArticleWithAnImpossibleDateOrAControlCharacterIsRead() throws {
        let undated = "Aevil.6\nnet.games\nutzoo!evil\nThu Feb 30 22:33:48 1982\nBad day\nBody\n"
        XCTAssertTrue(MailSniffer.looksLikeMessage(MailFixture.bytes(undated)))
        let envelope = try MailFixture.envelope(undated)
        XCTAssertEqual(envelope.messageID, "evil.6")
        XCTAssertEqual(envelope.subject, "Bad day")
        XCTAssertNil(envelope.date)
        let control = "Aevil.8\nnet.games\nutzoo!e\u{01}vil\nWed May  5 22:33:48 1982\nControl\nBody\n"
        XCTAssertTrue(MailSniffer.looksLikeMessage(MailFixture.bytes(control)))
        XCTAssertEqual(try MailFixture.envelope(control).subject, "Control")
        // Five lines of prose that start with an A are still no article.
        XCTAssertFalse(MailSniffer.looksLikeMessage(MailFixture.bytes("Apples\nnet.games\nutzoo!x\nnot a date\nTitle\n")))
    }

    func testSniffer() {
        XCTAssertTrue(MailSniffer.looksLikeMessage(MailFixture.bytes("Return-Path: <a@b>\nSubject: hi\n\nbody")))
        XCTAssertTrue(MailSniffer.looksLikeMessage(MailFixture.bytes("X-Mailer: x\nFrom: a@b\n", crlf: true)))
        XCTAssertTrue(MailSniffer.looksLikeMessage(MailFixture.bytes("Path: a!b\nNewsgroups: x.y\nSubject: z\n\n")))
        XCTAssertFalse(MailSniffer.looksLikeMessage(MailFixture.bytes("Subject: alone\n\nbody")), "one field only")
        XCTAssertFalse(MailSniffer.looksLikeMessage(MailFixture.bytes("Title: x\nAuthor: y\n\n")), "no identifying field")
        XCTAssertFalse(MailSniffer.looksLikeMessage(MailFixture.bytes("Name: x\nSubject: y\n\n")), "unknown first field")
        XCTAssertFalse(MailSniffer.looksLikeMessage(MailFixture.bytes("{\"json\": 1}")))
        XCTAssertFalse(MailSniffer.looksLikeMessage(MailFixture.bytes("From a@b Tue Nov 17 10:52:49 2009\nSubject: x\nFrom: y\n\n")))
        XCTAssertFalse(MailSniffer.looksLikeMessage(MailFixture.bytes("Apples\noranges\npears\nplums\ncherries\n")))
        XCTAssertTrue(MailSniffer.looksLikeMbox(MailFixture.bytes("From a@b Tue Nov 17 10:52:49 2009\nSubject: x\n\n")))
        XCTAssertTrue(MailSniffer.looksLikeMbox(MailFixture.bytes("From MAILER-DAEMON Fri Jul  8 12:08:34 2011\nReturn-Path: <>\n", crlf: true)))
        XCTAssertFalse(MailSniffer.looksLikeMbox(MailFixture.bytes("From here to eternity\nSubject: x\n")))
        XCTAssertFalse(MailSniffer.looksLikeMbox(MailFixture.bytes("From a@b Tue Nov 17 10:52:49 2009\nnot a header\n")))
        XCTAssertFalse(MailSniffer.looksLikeMbox(MailFixture.bytes("Subject: x\n")))
    }
}
