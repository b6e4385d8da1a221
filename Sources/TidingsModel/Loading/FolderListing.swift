import Foundation

/// One folder's entries (hidden ones left out), sorted by name, with the type and inode readdir reports.
enum FolderListing {
    struct Entry {
        var name: String
        var type: UInt8
        var inode: UInt64
    }

    /// `beforeSorting` sees the entries as readdir gave them (a reader waiting for the first files need not
    /// wait for 100,000 names to be sorted). Unsorted (a Maildir's `cur/`, whose 400,000 names take a
    /// second to read), the entries stay in readdir's order and `firstFiles` gets the first `count` of them
    /// as soon as they are read, when they are regular files.
    static func read(_ folder: String, problem: (LoadProblem) -> Void, beforeSorting: (([Entry]) -> Void)? = nil,
                     sorted: Bool = true, firstFiles: (count: Int, hand: ([Entry]) -> Void)? = nil) -> [Entry]? {
        guard let handle = opendir(folder) else { return nil }
        defer { closedir(handle) }
        var entries: [Entry] = []
        var firstFiles = firstFiles
        var inodes = Set<UInt64>()
        var handed = 0
        while let entry = readdir(handle) {
            // The leading run of regular files (different inodes: a second hard link is skipped) is handed
            // over as it grows: the first `count`, then every 2,048 more (each call gets the new ones), until another kind of entry
            // ends it (a link might be a folder, and folders come after the files).
            if let (count, hand) = firstFiles, entries.count >= (handed == 0 ? count : handed + 2048) || entries.last.map({ $0.type != UInt8(DT_REG) }) == true {
                let leading = entries[handed...].prefix { $0.type == UInt8(DT_REG) && inodes.insert($0.inode).inserted }
                handed += leading.count
                if !leading.isEmpty { hand(Array(leading)) }
                if handed < entries.count { firstFiles = nil }
            }
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
        if let (_, hand) = firstFiles {
            let leading = entries[handed...].prefix { $0.type == UInt8(DT_REG) && inodes.insert($0.inode).inserted }
            if !leading.isEmpty { hand(Array(leading)) }
        }
        guard sorted else { return entries }
        beforeSorting?(entries)
        // Names of a few bytes are stored inline in String, so this sort touches no heap.
        entries.sort { $0.name < $1.name }
        return entries
    }
}

extension FolderListing {
    /// The first `count` files of the sorted listing, picked without sorting it, when they are certain to
    /// be its first entries: regular files (a link or an entry of unknown type might turn out to be a
    /// folder, which sorts after the files) with different inodes (a second hard link would be skipped).
    static func firstFiles(_ entries: [Entry], count: Int) -> [Entry]? {
        var smallest: [Entry] = []
        for entry in entries where entry.type != UInt8(DT_DIR) {
            guard smallest.count < count || entry.name < smallest[smallest.count - 1].name else { continue }
            let place = smallest.firstIndex { entry.name < $0.name } ?? smallest.count
            smallest.insert(entry, at: place)
            if smallest.count > count { smallest.removeLast() }
        }
        guard !smallest.isEmpty, smallest.allSatisfy({ $0.type == UInt8(DT_REG) }),
              Set(smallest.map(\.inode)).count == smallest.count else { return nil }
        return smallest
    }
}
