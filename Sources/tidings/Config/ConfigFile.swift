import Foundation
import TidingsUI

/// The config file: where it is, and what the reader starts with from it. A missing file at the standard
/// path is no config (the defaults, no message); one that is a folder, unreadable, too large or not UTF-8
/// is one message and the defaults.
struct ConfigFile {
    /// The path as the user gave it (`--config`), or the standard one.
    let path: String
    /// Whether the path came from `--config`: then it must exist.
    let given: Bool

    /// Larger than this, it is not a config file someone wrote.
    static let largest = 1 << 20

    init(given: String?, environment: [String: String] = ProcessInfo.processInfo.environment) {
        path = given ?? Self.standardPath(environment: environment)
        self.given = given != nil
    }

    /// `$XDG_CONFIG_HOME/tidings/config.toml`, else `~/.config/tidings/config.toml` (a relative
    /// `XDG_CONFIG_HOME` is ignored, as the XDG spec says).
    static func standardPath(environment: [String: String]) -> String {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") { return config + "/tidings/config.toml" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.config/tidings/config.toml"
    }

    /// What the file's contents came to.
    enum Contents: Equatable {
        case missing
        case text(String)
        case unusable(ConfigProblem)
    }

    /// The settings and the problems to show (as messages naming the file and line).
    func settings(from contents: Contents) -> (settings: ReaderSettings, messages: [String]) {
        switch contents {
        case .missing: return (.standard, [])
        case .unusable(let problem): return (.standard, [problem.message(path: path)])
        case .text(let text):
            let reader = ConfigReader(text)
            return (reader.settings, reader.problems.map { $0.message(path: path) })
        }
    }

    /// The file's text, read with a size limit and without blocking (a pipe is refused, not waited on).
    func contents() -> Contents {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            let error = errno
            if error == ENOENT || error == ENOTDIR { return .missing }
            return .unusable(ConfigProblem(line: nil, text: "cannot be read (\(String(cString: strerror(error)))); the defaults are used"))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .unusable(ConfigProblem(line: nil, text: "cannot be read; the defaults are used")) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .unusable(ConfigProblem(line: nil, text: "is a folder, not a config file; the defaults are used"))
        // `--config /dev/null`: no settings, as an empty file.
        case S_IFCHR where Self.isNullDevice(info): return .text("")
        default: return .unusable(ConfigProblem(line: nil, text: "is not a regular file; the defaults are used"))
        }
        guard info.st_size <= Self.largest else { return tooLarge }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .unusable(ConfigProblem(line: nil, text: "cannot be read (\(String(cString: strerror(errno)))); the defaults are used"))
            }
            if count == 0 { break }
            bytes += buffer[0..<count]
            // It grew while being read.
            if bytes.count > Self.largest { return tooLarge }
        }
        return Self.decode(bytes)
    }

    private var tooLarge: Contents {
        .unusable(ConfigProblem(line: nil, text: "is larger than 1 MiB, too large for a config file; the defaults are used"))
    }

    /// UTF-8 text without NUL (which the TOML parser would take for the end of the file); else the line of
    /// the first byte that is not.
    static func decode(_ bytes: [UInt8]) -> Contents {
        var line = 1
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1, let byte = encoded.first {
                    if byte == 0x0A { line += 1 }
                    if byte == 0 {
                        return .unusable(ConfigProblem(line: line, text: "a NUL character; nothing in the file was applied, the defaults are used"))
                    }
                }
            case .error:
                return .unusable(ConfigProblem(line: line, text: "not UTF-8 text; nothing in the file was applied, the defaults are used"))
            case .emptyInput:
                return .text(String(decoding: bytes, as: UTF8.self))
            }
        }
    }

    private static func isNullDevice(_ info: stat) -> Bool {
        var null = stat()
        return stat("/dev/null", &null) == 0 && null.st_rdev == info.st_rdev
    }
}
