import Foundation
import XCTest
import TidingsModel

/// Parts shown in the message's text rather than only listed: enclosed messages (forwards, digests) and
/// text parts marked `inline` (patches, named files).
final class MailInlinePartsTests: XCTestCase {
    func testAForwardedMessageIsShownWithItsHeadersTextAndAttachments() throws {
        let message = try MailFixture.message("""
        From: b@example.org
        Subject: Fwd: the plan
        Content-Type: multipart/mixed; boundary=out

        --out
        Content-Type: text/plain

        See below.
        --out
        Content-Type: message/rfc822

        Received: by mx.example.org
        From: =?utf-8?q?Zo=C3=AB?= <zoe@example.org>
        Subject: =?utf-8?q?The_plan_=C3=A9?=
        Date: Thu, 26 Nov 2026
          10:00:01 +0000
        Content-Type: multipart/mixed; boundary=in

        --in
        Content-Type: multipart/alternative; boundary=alt

        --alt
        Content-Type: text/html

        <p>Not this one.</p>
        --alt
        Content-Type: text/plain; charset=iso-8859-1
        Content-Transfer-Encoding: quoted-printable

        The plan is caf=E9.
        > quoted in it
        --alt--
        --in
        Content-Type: application/pdf; name=plan.pdf
        Content-Disposition: attachment

        %PDF
        --in--
        --out
        Content-Type: message/rfc822
        Content-Disposition: attachment

        Subject: kept as a file
        From: c@example.org

        Attached, not shown.
        --out--
        """)
        XCTAssertEqual(message.body.mailOutline, [
            "text: See below.",
            "paragraph: [forwarded message]⏎From: Zoë <zoe@example.org>⏎Date: Thu, 26 Nov 2026 10:00:01 +0000⏎Subject: The plan é",
            "text: The plan is café.",
            "quote 0: quoted in it",
        ])
        XCTAssertEqual(message.body.blocks[1].runs.map(\.emphasis), [.italic, .none, .bold, .none, .none, .bold, .none, .none, .bold, .none])
        XCTAssertEqual(message.attachments, [
            Comment.Attachment(name: "plan.pdf", type: "application/pdf", size: 4),
            Comment.Attachment(name: "kept as a file", type: "message/rfc822", size: 65),
        ])
        XCTAssertEqual(message.notes, [])
    }

    func testAForwardedHTMLMessageIsRenderedAndItsLinksFollowTheOuterOnes() throws {
        let message = try MailFixture.message("""
        Subject: links
        Content-Type: multipart/mixed; boundary=m

        --m
        Content-Type: text/html

        <p>Outer <a href="https://outer.example/">one</a></p>
        --m
        Content-Type: message/rfc822

        Subject: inner
        Content-Type: text/html

        <p>Inner <a href="https://inner.example/">two</a></p>
        --m--
        """)
        XCTAssertEqual(message.body.links, ["https://outer.example/", "https://inner.example/"])
        let inner = try XCTUnwrap(message.body.blocks.last)
        XCTAssertEqual(inner.plainText, "Inner two")
        XCTAssertEqual(inner.runs.compactMap(\.link), [1], "the enclosed text's link numbered after the outer one")
    }

    func testAForwardedMessageBeforeTheTextKeepsItsPlace() throws {
        let message = try MailFixture.message("""
        Subject: order
        Content-Type: multipart/mixed; boundary=m

        --m
        Content-Type: message/rfc822

        Subject: first

        Forwarded first.
        --m
        Content-Type: text/plain

        Then the text.
        --m--
        """)
        XCTAssertEqual(message.body.mailOutline, ["paragraph: [forwarded message]⏎Subject: first", "text: Forwarded first.",
                                                  "text: Then the text."])
    }

    func testMessagesEnclosedAHundredDeepAreOpenedToALimitThenListed() throws {
        var text = "Subject: level 100\n\nThe innermost text.\n"
        for level in stride(from: 99, through: 0, by: -1) {
            text = "Subject: level \(level)\nContent-Type: message/rfc822\n\n" + text
        }
        let message = try MailFixture.message(text)
        let headers = message.body.blocks.filter { $0.plainText.hasPrefix("[forwarded message]") }
        XCTAssertEqual(headers.count, 16)
        XCTAssertEqual(headers.last?.plainText, "[forwarded message]⏎Subject: level 16".replacingOccurrences(of: "⏎", with: "\n"))
        XCTAssertEqual(message.attachments.map(\.name), ["level 17"])
        XCTAssertEqual(message.notes, ["messages enclosed more than 16 deep are listed, not opened"])
    }

    func testADigestShowsItsMessages() throws {
        let message = try MailFixture.message("""
        Subject: digest
        Content-Type: multipart/digest; boundary=d

        --d

        Subject: one

        First.
        --d

        Subject: two

        Second.
        --d--
        """)
        XCTAssertEqual(message.body.mailOutline, ["paragraph: [forwarded message]⏎Subject: one", "text: First.",
                                                  "paragraph: [forwarded message]⏎Subject: two", "text: Second."])
    }

    func testInlineTextPartsAreShownAfterTheTextAndAttachedOnesListed() throws {
        let message = try MailFixture.message("""
        Subject: [PATCH] fix
        Content-Type: multipart/mixed; boundary=p

        --p
        Content-Type: text/plain

        The fix is attached.
        --p
        Content-Type: text/x-diff; name=fix.diff
        Content-Disposition: inline; filename=fix.diff

        --- a/x.c
        +++ b/x.c
        @@ -1,4 +1,4 @@
         >not a quote

        -- 
        -old
        +new
        --p
        Content-Type: text/plain; charset=utf-8
        Content-Disposition: inline; filename="notes.txt"

        Notes, read as text.
        > a quote
        --p
        Content-Type: text/x-patch; name=other.patch
        Content-Disposition: attachment; filename=other.patch

        --- a/y
        --p
        Content-Type: text/plain; name=named.txt

        Named without a disposition: listed.
        --p--
        """)
        XCTAssertEqual(message.body.mailOutline, [
            "text: The fix is attached.",
            "paragraph: [fix.diff, text/x-diff]",
            "text: --- a/x.c⏎+++ b/x.c⏎@@ -1,4 +1,4 @@⏎ >not a quote⏎⏎-- ⏎-old⏎+new",
            "paragraph: [notes.txt, text/plain]",
            "text: Notes, read as text.",
            "quote 0: a quote",
        ])
        XCTAssertEqual(message.attachments, [
            Comment.Attachment(name: "other.patch", type: "text/x-patch", size: 7),
            Comment.Attachment(name: "named.txt", type: "text/plain", size: 36),
        ])
    }
}
