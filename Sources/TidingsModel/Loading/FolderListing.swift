import Foundation

/// One folder's entries (hidden ones left out), sorted by name, with the type and inode readdir reports.
enum FolderListing {
    struct Entry {
        var name: String
        var type: UInt8
        var inode: UInt64
    }

    /// `beforeSorting` sees the entries as readdir gave them (a reader waiting for the first files need not
    /// wait for 100,000 names to be sorted).
    static func read(_ folder: String, problem: (LoadProblem) -> Void, beforeSorting: (([Entry]) -> Void)? = nil) -> [Entry]? {
        var entries: [Entry] = []
        guard forEach(folder, problem: problem, { entries.append($0) }) else { return nil }
        beforeSorting?(entries)
        // Names of a few bytes are stored inline in String, so this sort touches no heap.
        entries.sort { NameOrder.less($0.name, $1.name) }
        return entries
    }

    /// Each entry in readdir's order (hidden ones left out); false when the folder cannot be opened. With
    /// `hidden`, the hidden entries instead, `.` and `..` left out (a Maildir's Maildir++ subfolders).
    static func forEach(_ folder: String, hidden: Bool = false, problem: (LoadProblem) -> Void,
                        _ body: (Entry) -> Void) -> Bool {
        guard let handle = opendir(folder) else { return false }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let type = entry.pointee.d_type
            var undecodable: String?
            let name: String? = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                guard let base = raw.baseAddress, (raw.first == UInt8(ascii: ".")) == hidden else { return nil }
                let length = strnlen(base.assumingMemoryBound(to: CChar.self), raw.count)
                // `.` and `..` are the folder itself and its parent.
                if hidden, length <= 2, raw.prefix(length).allSatisfy({ $0 == UInt8(ascii: ".") }) { return nil }
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
            if let name { body(Entry(name: name, type: type, inode: UInt64(entry.pointee.d_ino))) }
        }
        return true
    }
}

extension FolderListing {
    /// The first `count` files of the sorted listing, picked without sorting it, when they are certain to
    /// be its first entries: regular files (a link or an entry of unknown type might turn out to be a
    /// folder, which sorts after the files) with different inodes (a second hard link would be skipped).
    static func firstFiles(_ entries: [Entry], count: Int) -> [Entry]? {
        var smallest: [Entry] = []
        for entry in entries where entry.type != UInt8(DT_DIR) {
            guard smallest.count < count || NameOrder.less(entry.name, smallest[smallest.count - 1].name) else { continue }
            let place = smallest.firstIndex { NameOrder.less(entry.name, $0.name) } ?? smallest.count
            smallest.insert(entry, at: place)
            if smallest.count > count { smallest.removeLast() }
        }
        guard !smallest.isEmpty, smallest.allSatisfy({ $0.type == UInt8(DT_REG) }),
              Set(smallest.map(\.inode)).count == smallest.count else { return nil }
        return smallest
    }
}
