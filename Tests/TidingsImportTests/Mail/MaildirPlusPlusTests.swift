import Foundation
import XCTest
@testable import TidingsModel

/// A Maildir++ mailbox as the loader reads it: the threads of `.Sent` and of a list folder are listed, and a
/// reply the user sent joins the thread it answers in the inbox.
final class MaildirPlusPlusTests: XCTestCase {
    /// The inbox holds Alice's question; `.Sent` the user's answer to it and a thread the user started;
    /// `.Lists.x` a list message and Bob's reply to the user's thread. `.git` and a hidden file hold
    /// messages that must stay unread.
    func mailbox() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tidings-maildirpp-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        let box = root.appendingPathComponent("Mail")
        for folder in ["", ".Sent/", ".Lists.x/", ".git/"] {
            // `.git` has a `cur/` but no `new/`: no Maildir.
            for sub in ["cur", "new", "tmp"] where folder != ".git/" || sub == "cur" {
                try FileManager.default.createDirectory(at: box.appendingPathComponent(folder + sub), withIntermediateDirectories: true)
            }
        }
        func message(_ name: String, from: String, subject: String, id: String, replyTo: String? = nil) throws {
            let reply = replyTo.map { "In-Reply-To: <\($0)>\nReferences: <\($0)>\n" } ?? ""
            let text = "From: \(from)\nDate: Tue, 17 Nov 2009 10:00:00 +0100\nSubject: \(subject)\nMessage-ID: <\(id)>\n\(reply)\n\(subject).\n"
            try Data(text.utf8).write(to: box.appendingPathComponent(name))
        }
        try message("cur/1000.in:2,S", from: "Alice <alice@example.org>", subject: "Lunch on Friday?", id: "lunch@example.org")
        try message(".Sent/cur/1001.out:2,S", from: "Me <me@example.org>", subject: "Re: Lunch on Friday?", id: "answer@example.org",
                    replyTo: "lunch@example.org")
        try message(".Sent/cur/1002.out:2,S", from: "Me <me@example.org>", subject: "A question for the list", id: "question@example.org")
        try message(".Lists.x/new/1003.list", from: "Bob <bob@example.org>", subject: "Re: A question for the list",
                    id: "bob@example.org", replyTo: "question@example.org")
        try message(".Lists.x/cur/1004.list:2,", from: "Carol <carol@example.org>", subject: "Release notes", id: "release@example.org")
        try message(".git/cur/1005.git", from: "Git <git@example.org>", subject: "Not mail", id: "git@example.org")
        try message(".draft-in-progress", from: "Me <me@example.org>", subject: "Hidden", id: "hidden@example.org")
        return root
    }

    func testTheThreadsOfSentAndListFoldersAreListedAndJoined() throws {
        let root = try mailbox()
        let (stories, problems) = CollectionLoader().loadAll([root.path])
        XCTAssertEqual(problems.map(\.reason), [])
        // In the order of their first messages' paths: `.Lists.x`, `.Sent`, then the inbox's `cur/`.
        XCTAssertEqual(stories.map(\.id), ["mail:release@example.org", "mail:question@example.org", "mail:lunch@example.org"])

        // The user's own thread starts in `.Sent` and goes on in the list folder.
        let question = stories[1]
        XCTAssertTrue(question.path.hasSuffix("Mail/.Sent/cur/1002.out:2,S"))
        XCTAssertEqual(question.comments.map(\.author), ["Bob"])
        // The answer saved in `.Sent` is a reply in the inbox's thread.
        let lunch = stories[2]
        XCTAssertTrue(lunch.path.hasSuffix("Mail/cur/1000.in:2,S"))
        XCTAssertEqual(lunch.comments.map(\.author), ["Me"])
        XCTAssertEqual(lunch.source.otherPaths.map { $0.hasSuffix("Mail/.Sent/cur/1001.out:2,S") }, [true])

        // The reader's list gives the same threads, and each opens again from its own files.
        let loader = CollectionLoader()
        let load = ParallelLoad(sources: [root.path], readState: ReadState(), loader: loader)
        load.waitUntilFinished()
        let batch = load.take()
        XCTAssertEqual(batch.entries.map(\.summary.id), stories.map(\.id))
        XCTAssertEqual(batch.problems.map(\.reason), [])
        XCTAssertEqual(batch.entries.map(\.summary.commentCount), [0, 1, 1])
        for (entry, story) in zip(batch.entries, stories) {
            guard case .success(let opened) = loader.story(for: entry.summary) else { return XCTFail("\(story.id) not opened") }
            XCTAssertEqual(opened.comments, story.comments)
        }
    }
}
