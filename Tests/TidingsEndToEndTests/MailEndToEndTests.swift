import Foundation
import XCTest
import TidingsTestSupport
import TidingsModel

/// Mail, news and feeds in the real binary, in one folder with a native story: a Maildir whose client
/// marked messages seen, an mbox, a news article and an RSS feed; marks that survive a restart; and a
/// mailbox that is never written to.
final class MailEndToEndTests: EndToEndTestCase {
    static let root = """
    From: Alice Example <alice@example.org>
    Date: Tue, 17 Nov 2009 10:52:49 +0100
    Subject: Threads in mail
    Message-ID: <root@example.org>

    How do threads work?
    """

    static let reply = """
    From: =?ISO-8859-1?Q?Bj=F6rn?= <bjorn@example.org>
    Date: Tue, 17 Nov 2009 11:00:00 +0100
    Subject: Re: Threads in mail
    Message-ID: <b1@example.org>
    In-Reply-To: <root@example.org>
    References: <root@example.org>
    Content-Type: text/plain; charset=utf-8
    Content-Transfer-Encoding: quoted-printable

    > How do threads work?
    By references, m=C3=AAme across files.

    --=20
    Bj=C3=B6rn
    """

    static let second = """
    From: Carol <carol@example.org>
    Date: Tue, 17 Nov 2009 12:00:00 +0100
    Subject: Another question
    Message-ID: <carol@example.org>

    Unrelated.
    """

    static let mbox = """
    From dan@example.org Wed Nov 18 09:00:00 2009
    From: Dan <dan@example.org>
    Date: Wed, 18 Nov 2009 09:00:00 +0100
    Subject: From the archive
    Message-ID: <dan@example.org>

    Archived text.

    From eve@example.org Wed Nov 18 10:00:00 2009
    From: Eve <eve@example.org>
    Date: Wed, 18 Nov 2009 10:00:00 +0100
    Subject: Re: From the archive
    Message-ID: <eve@example.org>
    In-Reply-To: <dan@example.org>

    Archived reply.

    """

    static let feed = """
    <?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
    <title>Example feed</title><link>https://example.org/</link>
    <item><title>Feed item &amp; more</title><link>https://example.org/1</link><guid>item-1</guid>
    <description><![CDATA[<p>Item <b>text</b>.</p>]]></description></item></channel></rss>
    """

    func testMailNewsAndFeedsReadTogetherAndClientMarksStartRead() throws {
        let box = folder + "/stories/Mail"
        for sub in ["cur", "new", "tmp"] { try FileManager.default.createDirectory(atPath: box + "/" + sub, withIntermediateDirectories: true) }
        try EndToEnd.write(Self.root, to: box + "/cur/1000.M1.host:2,S")
        try EndToEnd.write(Self.reply, to: box + "/new/1001.M2.host")
        try EndToEnd.write(Self.second, to: box + "/cur/1002.M3.host:2,")
        try EndToEnd.write(Self.mbox, to: folder + "/stories/archive.mbox")
        try EndToEnd.write(Self.feed, to: folder + "/stories/feed.xml")
        try EndToEnd.write("Path: utzoo!decvax!harpo\nFrom: rick@site\nNewsgroups: net.games\nSubject: A news article\nMessage-ID: <n1@site>\n\nNews text.\n",
                           to: folder + "/stories/article")
        let before = try snapshot(box) + snapshot(folder + "/stories/archive.mbox")
        let state = folder + "/state.json"
        var tmux = try startReader([folder + "/stories", "--state", state], width: 120, height: 40)
        let titles = ["Threads in mail", "Another question", "From the archive", "Feed item & more", "A news article"]
        // Threads of a Maildir are listed as far as they are known first: waited for whole, on a busy machine.
        var screen = tmux.waitFor("every format listed") { screen in screen.contains("Stories 1/5") && titles.allSatisfy(screen.contains) }
        for title in titles {
            XCTAssertTrue(screen.contains(title), "\(title) missing:\n\(screen)")
        }
        XCTAssertFalse(screen.contains("<b>") || screen.contains("CDATA"), screen)
        // The Maildir's first thread: its first message was seen by the mail client, so the story starts
        // read; the reply (in new/) is unread, decoded and threaded from another file.
        let line = try XCTUnwrap(screen.split(separator: "\n").first { $0.contains("Threads in mail") })
        XCTAssertTrue(line.contains("1 new"), screen)
        // Threads of messages one per file are read once every file is seen: the article goes among the
        // files beside it by name, the Maildir's threads (their folder holds no other story) after them.
        let rows = screen.split(separator: "\n")
        let order = ["From the archive", "A news article", "Feed item & more", "Threads in mail"].map { title in
            rows.firstIndex { $0.contains(title) } ?? -1
        }
        XCTAssertEqual(order, order.sorted(), screen)
        tmux.send("Down", "Down", "Down")
        tmux.waitFor("the Maildir thread selected") { $0.contains("Stories 4/5") && $0.contains("How do threads work?") }
        tmux.send("Tab")
        screen = tmux.waitFor("the reply") { $0.contains("même across files") }
        XCTAssertTrue(screen.contains("Björn"), screen)
        XCTAssertFalse(screen.contains("=C3") || screen.contains("=?ISO"), screen)
        // Focus on the comments (the story text first): the reply on screen there is read.
        tmux.send("Tab")
        tmux.waitFor("the comment pane focused") { $0.contains("fold") }
        tmux.send("q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }

        // Marks survive a restart: the reply was read; nothing in the Maildir or the mbox changed.
        tmux = try startReader([folder + "/stories", "--state", state], width: 120, height: 40)
        // It reopens where it was left (the session file): the Maildir thread, its reply in the comment pane.
        screen = tmux.waitFor("the list again") { $0.contains("Stories 4/5") && $0.contains("même across files") }
        let again = try XCTUnwrap(screen.split(separator: "\n").first { $0.contains("Threads in mail") })
        XCTAssertFalse(again.contains("new"), screen)
        tmux.send("q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }
        XCTAssertEqual(try snapshot(box) + snapshot(folder + "/stories/archive.mbox"), before)
    }

    /// Every file below `path` with its size and modification time, and the names in its folders.
    func snapshot(_ path: String) throws -> [String] {
        var result: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: path)
        var names = enumerator.map { ($0.allObjects as? [String]) ?? [] } ?? []
        names.append("")
        for name in names.sorted() {
            let full = name.isEmpty ? path : path + "/" + name
            let attributes = try FileManager.default.attributesOfItem(atPath: full)
            result.append("\(name) \(attributes[.size] ?? 0) \(attributes[.modificationDate] ?? "")")
        }
        return result
    }
}
