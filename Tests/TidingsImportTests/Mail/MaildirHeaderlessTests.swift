import Foundation
import XCTest
import TidingsTestSupport
@testable import TidingsModel

/// A file in a Maildir's `cur/` or `new/` is a message whatever it holds, as its mail client shows it: one
/// without a header block is a message without headers, all of it its text.
final class MaildirHeaderlessTests: XCTestCase {
    func testAMaildirFileWithoutHeadersIsAMessageShownWhole() throws {
        let folder = try temporaryFolder(prefix: "tidings-headerless")
        try MaildirFixture(in: folder).write("1.M1.host:2,S", "This file has no headers at all.\nSecond line.\n")
        // The same text outside a Maildir is a story of its own format, titled by its first line.
        let loose = folder.appendingPathComponent("cur")
        try FileManager.default.createDirectory(at: loose, withIntermediateDirectories: true)
        try "A native story.\n\nIts text.\n".write(to: loose.appendingPathComponent("story.txt"), atomically: true, encoding: .utf8)
        let load = ParallelLoad(sources: [folder.path], readState: ReadState())
        load.waitUntilFinished()
        let taken = load.take()
        XCTAssertEqual(taken.problems.map(\.path), [])
        let entries = taken.entries.sorted { $0.summary.path < $1.summary.path }
        XCTAssertEqual(entries.map(\.summary.title), ["A native story.", "(a message without headers)"])
        XCTAssertEqual(entries.map(\.summary.format), ["tidings", "mail"])
        let story = try CollectionLoader().story(for: entries[1].summary).get()
        XCTAssertEqual(story.body.blocks.map(\.plainText).joined(separator: "\n"), "This file has no headers at all.\nSecond line.")
        XCTAssertEqual(story.id, entries[1].summary.id)
    }

    func testItsTextIsReadAsMailWithoutACharsetAndItStandsInPathOrder() throws {
        let folder = try temporaryFolder(prefix: "tidings-headerless")
        let maildir = try MaildirFixture(in: folder)
        let write = maildir.write(_:bytes:)
        try write("1.m:2,", Array("From: A <a@x>\nSubject: First\nMessage-ID: <1@x>\n\nOne.\n".utf8))
        try write("2.m:2,", [0x63, 0x61, 0x66, 0xE9, 0x20, 0x93, 0x71, 0x94, 0x0A])
        try write("3.m:2,", Array("From: C <c@x>\nSubject: Third\nMessage-ID: <3@x>\n\nThree.\n".utf8))
        try write("4.m:2,", [0xFF, 0xFE] + Array("Hi".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let load = ParallelLoad(sources: [folder.path], readState: ReadState())
        load.waitUntilFinished()
        let entries = load.take().entries
        XCTAssertEqual(entries.map { ($0.summary.path as NSString).lastPathComponent }, ["1.m:2,", "2.m:2,", "3.m:2,", "4.m:2,"])
        let texts = try entries.map { entry in
            try CollectionLoader().story(for: entry.summary).get().body.blocks.map(\.plainText).joined(separator: "\n")
        }
        XCTAssertEqual(texts, ["One.", "café “q”", "Three.", "Hi"])
    }

    func testANoteWhoseFirstLineLooksLikeAFieldIsShownWhole() throws {
        let folder = try temporaryFolder(prefix: "tidings-headerless")
        let maildir = try MaildirFixture(in: folder)
        let write = maildir.write(_:_:)
        try write("1:2,", "Reminder: call the bank on Monday.\nAnd pay the rent.\n")
        try write("2:2,", "TODO: one line note only\n")
        try write("3:2,", "\u{FEFF}UTF-8 BOM text.\n")
        // A message written without the empty line after its fields: the first line that is no field starts
        // its text, as mutt reads it.
        try write("4:2,", "Subject: hi\nFrom: a@b.org\nHello there, no blank line before me.\n")
        // An empty file there is passed over, not a problem.
        try write("5:2,", "")
        let load = ParallelLoad(sources: [folder.path], readState: ReadState())
        load.waitUntilFinished()
        let taken = load.take()
        XCTAssertEqual(taken.problems.filter { !$0.isSkipped }.map(\.path), [])
        let entries = taken.entries
        XCTAssertEqual(entries.map(\.summary.title), ["(a message without headers)", "(a message without headers)", "(a message without headers)", "hi"])
        XCTAssertEqual(Set(entries.map(\.summary.id)).count, 4, "each named by all it says")
        let texts = try entries.map { entry in
            try CollectionLoader().story(for: entry.summary).get().body.blocks.map(\.plainText).joined(separator: "\n")
        }
        XCTAssertEqual(texts, ["Reminder: call the bank on Monday.\nAnd pay the rent.", "TODO: one line note only", "UTF-8 BOM text.",
                               "Hello there, no blank line before me."])
    }
}
