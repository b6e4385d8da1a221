import Foundation
import XCTest

/// The frame of an end-to-end test: skips without tmux, finds the built binary, and gives each test a
/// scratch folder (with `stories/more` in it) that is removed afterwards.
open class EndToEndTestCase: XCTestCase {
    public var folder: String!
    public var binary: String!

    override open func setUpWithError() throws {
        guard TmuxSession.isAvailable else { throw XCTSkip("tmux is not installed: end-to-end tests skipped") }
        binary = try XCTUnwrap(EndToEnd.binary, "the tidings binary was not built next to the tests")
        folder = try EndToEnd.scratchFolder()
    }

    override open func tearDownWithError() throws {
        if let folder { try? FileManager.default.removeItem(atPath: folder) }
    }

    /// The reader on `paths` in a tmux of the given size.
    public func startReader(_ arguments: [String], width: Int = 80, height: Int = 24) throws -> TmuxSession {
        try TmuxSession(command: EndToEnd.command(binary, arguments), width: width, height: height)
    }
}
