import Foundation

/// One folder's entries (hidden ones left out), sorted by name, with the type and inode readdir reports.
enum FolderListing {
    struct Entry {
        var name: String
        var type: UInt8
        var inode: UInt64
    }

    static func read(_ folder: String, problem: (LoadProblem) -> Void) -> [Entry]? {
        guard let handle = opendir(folder) else { return nil }
        defer { closedir(handle) }
        var entries: [Entry] = []
        while let entry = readdir(handle) {
            let type = entry.pointee.d_type
            var undecodable: String?
            let name: String? = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                guard let base = raw.baseAddress, raw.first != UInt8(ascii: ".") else { return nil }
                let length = strnlen(base.assumingMemoryBound(to: CChar.self), raw.count)
                let bytes = UnsafeRawBufferPointer(start: base, count: length)
                let decoded = String(decoding: bytes, as: UTF8.self)
                // A name that is not UTF-8 cannot be opened again from a String: say so rather than fail later.
                guard decoded.utf8.elementsEqual(bytes) else {
                    undecodable = decoded
                    return nil
                }
                return decoded
            }
            if let undecodable {
                problem(LoadProblem(path: folder + "/" + undecodable, failure: .nameNotUTF8))
            }
            if let name { entries.append(Entry(name: name, type: type, inode: UInt64(entry.pointee.d_ino))) }
        }
        // Names of a few bytes are stored inline in String, so this sort touches no heap.
        entries.sort { $0.name < $1.name }
        return entries
    }
}
