import Foundation
import XCTest
import TidingsModel

/// The hand-written discussion fixtures in `Fixtures/`, read through the registry as the loader reads them.
enum DiscussionFixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    static func bytes(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: folder.appendingPathComponent(name))) }

    /// The importer the registry picks for the file, as the loader would.
    static func importer(_ name: String) throws -> any Importer {
        let bytes = try bytes(name)
        switch ImporterRegistry.standard.importer(path: path(name), prefix: bytes.prefix(4096), named: false) {
        case .success(let importer): return importer
        case .failure(let failure): throw failure
        case nil: throw LoadFailure.unknownFormat
        }
    }

    static func stories(_ name: String) throws -> [Story] {
        try importer(name).stories(in: bytes(name), path: path(name))
    }

    static func story(_ name: String) throws -> Story {
        let stories = try stories(name)
        XCTAssertEqual(stories.count, 1, name)
        return try XCTUnwrap(stories.first)
    }

    static func stories(bytes: [UInt8], path: String = "/tmp/generated.json") throws -> [Story] {
        try JSONDiscussionImporter().stories(in: bytes, path: path)
    }
}

extension Story {
    /// Each comment as `depth|author|kind|text`, in order: the tree's shape in one comparable list.
    var outline: [String] {
        comments.map { comment in
            let kind = comment.kind == .comment ? "" : "\(comment.kind)"
            return "\(comment.depth)|\(comment.author ?? "-")|\(kind)|\(comment.text)"
        }
    }
}
