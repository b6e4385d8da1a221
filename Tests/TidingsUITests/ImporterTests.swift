import Foundation
import XCTest
import TidingsTestSupport
import TidingsModel
import TidingsUI

/// Every importer passes the same conformance checks; a new format is one type and one registry line.
final class ImporterTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testTheNativeImporterConformsOnEveryFixtureAndSample() throws {
        let folders = [Self.root.appendingPathComponent("Tests/TidingsModelTests/Fixtures"), Self.root.appendingPathComponent("Resources/Samples")]
        var checked = 0
        for folder in folders {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".txt") {
                let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
                ImporterConformance.check(NativeImporter(), bytes: bytes, path: name)
                checked += 1
            }
        }
        XCTAssertGreaterThanOrEqual(checked, 12)
    }

    func testHostileTextConformsToo() {
        let hostile = "Evil \u{1B}]0;owned\u{07} title\u{1B}[2J\nVia: \u{202E}eve\u{200B} • now\n\n\u{9B}2J body \u{1B}]52;c;ZXZpbA==\u{07}\n\n@@ \u{1B}[31mred @@ bell\u{07} tab\tend\n  reply \u{202E}backwards\n"
        ImporterConformance.check(NativeImporter(), bytes: Array(hostile.utf8), path: "hostile.txt")
    }

    func testANewFormatIsOneTypeAndOneRegistryLine() throws {
        let folder = NSTemporaryDirectory() + "tidings-importer-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = "title=Town hall moves to Thursdays\nauthor=clerk\n\nGood, Mondays were impossible.\n>I agree.\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/notice.kv"))
        try Data("A native story\n\nBody.\n".utf8).write(to: URL(fileURLWithPath: folder + "/native.txt"))

        // Without the new importer, a .kv file in a folder is not a story.
        let without = CollectionLoader().loadAll([folder])
        XCTAssertEqual(without.stories.map(\.title), ["A native story"])
        XCTAssertEqual(without.problems.filter(\.isSkipped).count, 1)

        // With it: one line in the registry.
        let registry = ImporterRegistry(importers: ImporterRegistry.standard.importers + [KeyValueImporter()])
        let with = CollectionLoader(registry: registry).loadAll([folder])
        XCTAssertEqual(with.stories.map(\.title), ["A native story", "Town hall moves to Thursdays"])
        let notice = try XCTUnwrap(with.stories.last)
        XCTAssertEqual(notice.format, "kv")
        XCTAssertEqual(notice.author, "clerk")
        XCTAssertEqual(notice.comments.map(\.depth), [0, 1])
        // Named on the command line, the native importer would read it as plain text; the more certain wins.
        let named = CollectionLoader(registry: registry).loadAll([folder + "/notice.kv"])
        XCTAssertEqual(named.stories.first?.format, "kv")
        ImporterConformance.check(KeyValueImporter(), bytes: Array(text.utf8), path: "notice.kv")
    }
}

/// A format small enough to show in a test: `key=value` header lines, a blank line, then one comment per
/// line, `>` marking a reply to the line before.
struct KeyValueImporter: Importer {
    let name = "kv"

    func claim(path: String, prefix: ArraySlice<UInt8>?, named: Bool) -> ImportClaim {
        guard path.hasSuffix(".kv") else { return .no("not a .kv file") }
        guard let prefix else { return ImportClaim(.likely) }
        return prefix.starts(with: Array("title=".utf8)) ? ImportClaim(.certain) : .no("no title= line")
    }

    func stories(in bytes: [UInt8], path: String) throws -> [Story] {
        let text = String(decoding: bytes, as: UTF8.self)
        let parts = text.components(separatedBy: "\n\n")
        var header = StoryHeader()
        for line in parts[0].split(separator: "\n") {
            let pair = line.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { throw LoadFailure.malformed("a header line without =") }
            if pair[0] == "title" { header.title = pair[1] } else if pair[0] == "author" { header.author = pair[1] }
        }
        var comments: [Comment] = []
        var ids = CommentIDAssigner()  // the same stable ids as the native format: parent, author, text
        for line in (parts.count > 1 ? parts[1] : "").split(separator: "\n") {
            let reply = line.hasPrefix(">") && !comments.isEmpty
            let parent = reply ? comments.lastIndex { $0.depth == 0 } : nil
            let text = String(reply ? line.dropFirst() : line[...])
            comments.append(Comment(id: ids.next(parent: parent.map { comments[$0].id }, author: nil, text: text),
                                    depth: reply ? 1 : 0, parent: parent, text: text))
        }
        Story.countDescendants(&comments)
        return [Story(id: "kv-" + (header.title ?? ""), source: SourceReference(path: path), format: name,
                      header: header, comments: comments)]
    }
}
