import Foundation

/// Paths of the built binary and a scratch folder for one test.
public enum EndToEnd {
    public static var binary: String? {
        let candidates = [Bundle.main.bundleURL.appendingPathComponent("tidings"),
                          Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("tidings")]
        return candidates.map(\.path).first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    public static func scratchFolder() throws -> String {
        let folder = NSTemporaryDirectory() + "tidings-e2e-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder + "/stories/more", withIntermediateDirectories: true)
        return folder
    }

    public static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// `environment` ("NAME=value") comes after the defaults, so it can replace them (`TERM=xterm-mono`).
    public static func command(_ binary: String, _ arguments: [String], environment: [String] = []) -> String {
        "env TERM=xterm-256color LANG=C.UTF-8 XDG_CACHE_HOME='\(cacheHome)' XDG_CONFIG_HOME='\(configHome)' "
            + (environment + [binary] + arguments).map { "'\($0)'" }.joined(separator: " ")
    }

    /// The summary cache of the binaries the tests run: kept out of the user's own cache.
    public static let cacheHome = FileManager.default.temporaryDirectory.appendingPathComponent("tidings-test-cache-\(getpid())").path

    /// Where the binaries the tests run look for a config file: a folder with none, so the user's own config
    /// never changes what a test sees (a test that wants one passes `--config` or its own XDG_CONFIG_HOME).
    public static let configHome = FileManager.default.temporaryDirectory.appendingPathComponent("tidings-test-config-\(getpid())").path
}
