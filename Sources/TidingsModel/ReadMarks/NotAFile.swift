import Foundation

/// A read-state path that names something other than a regular file (after following symlinks): it is
/// refused, never renamed, replaced, opened for writing or locked beside.
public struct NotAFile: Error, Equatable, Sendable, CustomStringConvertible {
    /// What the path turned out to be.
    public enum Kind: Equatable, Sendable {
        case empty, folder, device, pipe, socket, other
        /// A part of the path that should be a folder is a file: nothing can be created there.
        case insideFile(String)
    }

    public var path: String
    public var kind: Kind

    public init(path: String, kind: Kind) {
        self.path = path
        self.kind = kind
    }

    /// What is wrong and what to give instead, without the path (the caller names it).
    public var description: String {
        switch kind {
        case .empty: return "is empty; give the path of a file"
        case .folder:
            var folder = path
            while folder.count > 1, folder.hasSuffix("/") { folder.removeLast() }
            return "is a folder; give the path of a file, for example \(folder == "/" ? "" : folder)/state.json"
        case .device: return "is a device; give the path of a regular file"
        case .pipe: return "is a pipe; give the path of a regular file"
        case .socket: return "is a socket; give the path of a regular file"
        case .other: return "is not a regular file; give the path of one"
        case .insideFile(let file): return "cannot be created: \(file) is a file, not a folder"
        }
    }

    /// Throws when `path` exists and is not a regular file once symlinks are followed. A path that does not
    /// exist (yet) passes: saving creates it.
    public static func check(_ path: String) throws(NotAFile) {
        if path.isEmpty { throw NotAFile(path: path, kind: .empty) }
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOTDIR, let file = fileInTheWay(of: path) { throw NotAFile(path: path, kind: .insideFile(file)) }
            return
        }
        if let kind = kind(of: info.st_mode) { throw NotAFile(path: path, kind: kind) }
    }

    /// The nearest existing ancestor of `path` when it is not a folder.
    static func fileInTheWay(of path: String) -> String? {
        var ancestor = (path as NSString).deletingLastPathComponent
        while !ancestor.isEmpty, ancestor != "/" {
            var info = stat()
            if stat(ancestor, &info) == 0 { return info.st_mode & S_IFMT == S_IFDIR ? nil : ancestor }
            ancestor = (ancestor as NSString).deletingLastPathComponent
        }
        return nil
    }

    /// nil for a regular file, else what the mode says the entry is.
    static func kind(of mode: mode_t) -> Kind? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return .folder
        case S_IFCHR, S_IFBLK: return .device
        case S_IFIFO: return .pipe
        case S_IFSOCK: return .socket
        default: return .other
        }
    }
}
