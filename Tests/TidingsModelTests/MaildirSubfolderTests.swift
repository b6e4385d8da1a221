import Foundation
import XCTest
@testable import TidingsModel

/// A Maildir++ mailbox (Courier, Dovecot): its folders are hidden Maildirs inside the top one, listed as
/// Maildirs of their own; every other hidden entry stays unread.
final class MaildirSubfolderTests: XCTestCase {
    var root: URL!
    var box: URL { root.appendingPathComponent("Mail") }

    /// The top Maildir, `.Sent` and `.Lists.x` with messages, an empty `.Drafts`, a link `.Archive` to a
    /// Maildir outside, `.Half` with `cur/` and `new/` but no `tmp/` (lost in a copy), and what must stay
    /// unread: `.git` (a `cur/` but no `new/`), a hidden file, every `tmp/`, and a Maildir++ folder under a
    /// folder that is not a Maildir.
    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("maildirpp-\(UUID().uuidString)")
        for folder in ["Mail", "Mail/.Sent", "Mail/.Lists.x", "Mail/.Drafts", "Outside", "Plain/.Sent"] {
            for sub in ["cur", "new", "tmp"] {
                try FileManager.default.createDirectory(at: root.appendingPathComponent("\(folder)/\(sub)"),
                                                        withIntermediateDirectories: true)
            }
        }
        for name in ["Mail/cur/1.top:2,S", "Mail/new/2.top", "Mail/tmp/3.top",
                     "Mail/.Sent/cur/1.sent:2,S", "Mail/.Sent/tmp/2.sent",
                     "Mail/.Lists.x/cur/1.list:2,", "Mail/.Lists.x/new/2.list",
                     "Outside/cur/1.archived:2,S",
                     "Mail/.git/HEAD", "Mail/.git/cur/1.git", "Mail/.Half/cur/1.half", "Mail/.Half/new/2.half",
                     "Mail/.uidvalidity", "Plain/.Sent/cur/1.plain",
                     // The mail server's files beside the mail: never read.
                     "Mail/dovecot-uidlist", "Mail/subscriptions", "Mail/.Sent/maildirfolder", "Mail/courierimapuidlist",
                     "Mail/courierimapkeywords/:list"] {
            try write("From: a@example.org\nSubject: \(name)\n\nText.\n", to: name)
        }
        try FileManager.default.createSymbolicLink(atPath: box.appendingPathComponent(".Archive").path,
                                                   withDestinationPath: root.appendingPathComponent("Outside").path)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    func write(_ text: String, to name: String) throws {
        let url = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func relative(_ files: [ListedFile]) -> [String] {
        files.map { String($0.path.dropFirst(root.path.count + 1)) }
    }

    func testEveryHiddenMaildirIsListedInItsPlaceAndNothingElseHidden() {
        var problems: [LoadProblem] = []
        let files = DocumentFiles.list([root.path], problem: { problems.append($0) })
        // `Outside` is not listed again under its own name: the link met it first.
        XCTAssertEqual(relative(files), [
            "Mail/.Archive/cur/1.archived:2,S",
            "Mail/.Half/cur/1.half",
            "Mail/.Half/new/2.half",
            "Mail/.Lists.x/cur/1.list:2,",
            "Mail/.Lists.x/new/2.list",
            "Mail/.Sent/cur/1.sent:2,S",
            "Mail/cur/1.top:2,S",
            "Mail/new/2.top",
        ])
        XCTAssertTrue(files.allSatisfy(\.named), "messages are read whatever their names, as the top Maildir's")
        XCTAssertEqual(problems.map(\.path), [])
    }

    /// The mailbox given by itself lists the same files in the same order, every time.
    func testTheOrderIsTheSameEveryTime() {
        let first = DocumentFiles.list([box.path], problem: { _ in })
        XCTAssertEqual(relative(first).first, "Mail/.Archive/cur/1.archived:2,S")
        XCTAssertEqual(relative(first).count, 8)
        for _ in 0..<3 {
            XCTAssertEqual(DocumentFiles.list([box.path], problem: { _ in }), first)
        }
    }

    /// A Maildir++ folder's messages are handed over early like the top Maildir's: the first files of the
    /// listing. An empty folder before it (`.Drafts`, first once the link is gone) does not end the chance.
    func testTheFirstFilesOfAHiddenMaildirAreHandedOverEarly() throws {
        try FileManager.default.removeItem(at: box.appendingPathComponent(".Archive"))
        var handed: [[ListedFile]] = []
        let files = DocumentFiles.list([box.path], problem: { _ in }, earlyCount: 1) { handed.append($0) }
        XCTAssertEqual(relative(handed.first ?? []), ["Mail/.Half/cur/1.half"])
        let early = handed.flatMap { $0 }
        XCTAssertEqual(early, Array(files.prefix(early.count)))
    }

    /// Hidden folders are Maildir++ folders only inside a Maildir: elsewhere they stay skipped, as always.
    func testAHiddenMaildirOutsideAMaildirIsSkipped() {
        let files = DocumentFiles.list([root.appendingPathComponent("Plain").path], problem: { _ in })
        XCTAssertEqual(files, [])
    }
}
