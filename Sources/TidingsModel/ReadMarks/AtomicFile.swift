import Foundation

/// Crash-safe whole-file replacement.
public enum AtomicFile {
    /// Writes a new temporary file (created exclusively, mode 0600, then the old file's mode) in the same
    /// folder, flushes it, keeps the old file as `backup` when given, renames over, and flushes the folder.
    public static func write(_ data: Data, to path: String, backup: String? = nil) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let directory = folder.isEmpty ? "." : folder
        try createFolders(directory)
        var template = Array((directory + "/." + (path as NSString).lastPathComponent + ".tmp-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw StateFileProblem.cannotCreateFile(folder: directory, reason: errorText()) }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var succeeded = false
        defer {
            if !succeeded { unlink(temporary) }
        }
        var existing = stat()
        if stat(path, &existing) == 0 { fchmod(descriptor, existing.st_mode & 0o7777) }
        var written = 0
        let failure: String? = data.withUnsafeBytes { buffer -> String? in
            while written < buffer.count {
                let count = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errorText()
                }
                written += count
            }
            return nil
        }
        if let failure {
            close(descriptor)
            throw StateFileProblem.cannotWrite(path: path, reason: failure)
        }
        guard fsync(descriptor) == 0 else {
            let text = errorText()
            close(descriptor)
            throw StateFileProblem.cannotFlush(path: path, reason: text)
        }
        close(descriptor)
        // Checked again just before replacing: a folder or device that appeared meanwhile is never replaced.
        if stat(path, &existing) == 0, let kind = NotAFile.kind(of: existing.st_mode) {
            throw StateFileProblem.notAFile(NotAFile(path: path, kind: kind))
        }
        if let backup, FileManager.default.fileExists(atPath: path) {
            // The backup is a second name for the old file, made under a temporary name and renamed, so a
            // good `.bak` exists at every moment once one was written.
            let linkName = temporary + ".bak"
            unlink(linkName)
            if link(path, linkName) == 0 { rename(linkName, backup) }
        }
        guard rename(temporary, path) == 0 else { throw StateFileProblem.cannotReplace(path: path, reason: errorText()) }
        succeeded = true
        let folderDescriptor = open(directory, O_RDONLY | O_DIRECTORY)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }

    static func errorText() -> String { String(cString: strerror(errno)) }

    /// `mkdir -p`, with a message that names the part of the path that is in the way.
    static func createFolders(_ path: String) throws {
        var info = stat()
        if stat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw StateFileProblem.fileInTheWay(folder: path)
            }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path { try createFolders(parent) }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
            throw StateFileProblem.cannotCreateFolder(folder: path, reason: errorText())
        }
    }
}
