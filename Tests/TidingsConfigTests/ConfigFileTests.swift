import Foundation
import TidingsUI
import XCTest
@testable import tidings

/// Where the config file is looked for, and a file that cannot be used: one message, the defaults.
final class ConfigFileTests: XCTestCase {
    var folder: String!

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "tidings-config-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func testTheStandardPath() {
        XCTAssertEqual(ConfigFile.standardPath(environment: ["XDG_CONFIG_HOME": "/x/conf", "HOME": "/home/u"]), "/x/conf/tidings/config.toml")
        XCTAssertEqual(ConfigFile.standardPath(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/home/u"]),
                       "/home/u/.config/tidings/config.toml", "a relative XDG_CONFIG_HOME is ignored")
        XCTAssertEqual(ConfigFile.standardPath(environment: ["HOME": "/home/u"]), "/home/u/.config/tidings/config.toml")
        let file = ConfigFile(given: nil, environment: ["XDG_CONFIG_HOME": folder])
        XCTAssertFalse(file.given)
        XCTAssertEqual(file.path, folder + "/tidings/config.toml")
        XCTAssertEqual(ConfigFile(given: "my.toml", environment: [:]).path, "my.toml")
    }

    func testAMissingFileIsTheDefaultsWithoutAWord() {
        let file = ConfigFile(given: nil, environment: ["XDG_CONFIG_HOME": folder])
        XCTAssertEqual(file.contents(), .missing)
        let loaded = file.settings(from: file.contents())
        XCTAssertEqual(loaded.settings, .standard)
        XCTAssertEqual(loaded.messages, [])
    }

    func testAGoodFileApplies() throws {
        let path = folder + "/config.toml"
        try Data("hide_read = true\nmouse = false\n".utf8).write(to: URL(fileURLWithPath: path))
        let file = ConfigFile(given: path)
        let loaded = file.settings(from: file.contents())
        XCTAssertEqual(loaded.messages, [])
        XCTAssertTrue(loaded.settings.hidesRead)
        XCTAssertFalse(loaded.settings.mouse)
    }

    func testUnusableFilesAreOneMessage() throws {
        let big = folder + "/big.toml"
        try Data(repeating: UInt8(ascii: "#"), count: ConfigFile.largest + 1).write(to: URL(fileURLWithPath: big))
        let latin1 = folder + "/latin1.toml"
        try Data("# ok\n# caf\u{E9}\n".data(using: .isoLatin1)!).write(to: URL(fileURLWithPath: latin1))
        let nul = folder + "/nul.toml"
        try Data("hide_read = true\n\n# a\0b\n".utf8).write(to: URL(fileURLWithPath: nul))
        let cases: [(String, String)] = [
            (folder, "\(folder!): is a folder, not a config file; the defaults are used"),
            (big, "\(big): is larger than 1 MiB, too large for a config file; the defaults are used"),
            (latin1, "\(latin1) line 2: not UTF-8 text; nothing in the file was applied, the defaults are used"),
            (nul, "\(nul) line 3: a NUL character; nothing in the file was applied, the defaults are used"),
        ]
        for (path, message) in cases {
            let file = ConfigFile(given: path)
            let loaded = file.settings(from: file.contents())
            XCTAssertEqual(loaded.messages, [message])
            XCTAssertEqual(loaded.settings, .standard, path)
        }
        if getuid() != 0 {
            let locked = folder + "/locked.toml"
            try Data("mouse = false\n".utf8).write(to: URL(fileURLWithPath: locked))
            chmod(locked, 0)
            let file = ConfigFile(given: locked)
            XCTAssertEqual(file.settings(from: file.contents()).messages,
                           ["\(locked): cannot be read (Permission denied); the defaults are used"])
        }
        let pipe = folder + "/pipe.toml"
        XCTAssertEqual(mkfifo(pipe, 0o600), 0)
        let file = ConfigFile(given: pipe)
        XCTAssertEqual(file.settings(from: file.contents()).messages, ["\(pipe): is not a regular file; the defaults are used"],
                       "a pipe is refused, never waited on")
    }

    func testDevNullIsAnEmptyConfig() {
        let file = ConfigFile(given: "/dev/null")
        XCTAssertEqual(file.contents(), .text(""))
        XCTAssertEqual(file.settings(from: file.contents()).messages, [])
    }
}
