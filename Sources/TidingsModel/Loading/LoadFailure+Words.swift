/// Every load failure in words: the one place the reader's, `dump`'s and the problem list's texts come from.
extension LoadFailure: CustomStringConvertible {
    public var description: String {
        switch self {
        case .noSuchFile: return "no such file or folder"
        case .vanished: return "file disappeared"
        case .permissionDenied: return "permission denied"
        case .brokenLink: return "a broken link: it points to nothing"
        case .linkLoop: return "a loop of links"
        case .pipe: return "a pipe, not a file"
        case .socket: return "a socket, not a file"
        case .device: return "not a regular file (a device)"
        case .folderUnreadable: return "folder cannot be read"
        case .nameNotUTF8: return "the file name is not UTF-8; rename it to read it"
        case .cannotExamine: return "cannot be examined"
        case .tooLarge(let bytes, let limit): return "too large (\(bytes >> 20) MiB; the limit is \(limit >> 20) MiB)"
        case .readError(let text): return text
        case .binary: return "binary file, not text"
        case .empty: return "empty file: nothing to read"
        case .malformed(let text): return text
        case .readInPart(let text): return text
        case .unknownFormat: return "not a document in any known format"
        case .unsupported(let what): return "\(what): a format this version of Tidings does not read yet"
        case .unknownJSON(let shape): return "JSON, but not a discussion this reader knows: \(shape)"
        case .unsafeXML(let why): return "XML refused: it \(why)"
        case .storyGone: return "no story left in the file"
        case .notAStory(let text): return text
        case .other(let text): return text
        }
    }

    /// The problem list's heading for a group of files that failed alike: "3 binary files".
    public func groupHeading(count: Int) -> String {
        let files = count == 1 ? "1 file" : "\(count) files"
        switch self {
        case .binary: return count == 1 ? "1 binary file" : "\(count) binary files"
        case .empty: return count == 1 ? "1 empty file" : "\(count) empty files"
        case .tooLarge: return "\(files) too large"
        case .permissionDenied: return "\(files) that may not be read"
        case .brokenLink: return count == 1 ? "1 broken link" : "\(count) broken links"
        case .notAStory: return "\(files) skipped: not stories"
        case .unsupported: return "\(files) in formats not read yet"
        case .readInPart: return "\(files) read in part: damaged, listed as far as \(count == 1 ? "it" : "they") could be read"
        case .unknownJSON: return count == 1 ? "1 JSON file that is not a known discussion" : "\(count) JSON files that are not known discussions"
        case .linkLoop: return count == 1 ? "1 loop of links" : "\(count) loops of links"
        case .pipe, .socket, .device: return count == 1 ? "1 entry that is not a regular file" : "\(count) entries that are not regular files"
        case .nameNotUTF8: return count == 1 ? "1 file whose name is not UTF-8" : "\(count) files whose names are not UTF-8"
        default: return "\(files) could not be loaded"
        }
    }

    /// Whether the group heading says all there is to say, so the reason need not follow each file.
    public var headingSaysItAll: Bool {
        switch self {
        case .binary, .empty, .permissionDenied, .brokenLink, .linkLoop, .nameNotUTF8: return true
        default: return false
        }
    }

    /// Failures that group together under one heading: those its words name alike ("3 binary files"), and
    /// every one it does not name ("3 files could not be loaded": a read error, a malformed or unsafe file),
    /// each file then with its own reason.
    public var group: String { groupHeading(count: 2) }
}
