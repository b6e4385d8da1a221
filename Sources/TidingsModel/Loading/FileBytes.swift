import Foundation

/// Reads a whole file with a size limit; failures are `LoadFailure` values.
enum FileBytes {
    static func read(_ path: String, limit: Int) throws -> [UInt8] {
        switch try read(path, limit: limit, instead: { (_: FileStamp) -> Bool? in nil }) {
        case .bytes(let bytes, _): return bytes
        case .instead: return []
        }
    }

    /// The file's bytes and stamp, unless `instead`, asked with the stamp before anything is read, answers
    /// for the file (a cached listing of it): then that answer, and the file is not read.
    static func read<T>(_ path: String, limit: Int, instead: (FileStamp) -> T?) throws -> StampedRead<T> {
        let descriptor = openToRead(path)
        guard descriptor >= 0 else { throw failure(errno) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw failure(errno) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw LoadFailure.device }
        let stamp = FileStamp(info)
        if let answer = instead(stamp) { return .instead(answer) }
        let size = Int(info.st_size)
        guard size <= limit else {
            throw LoadFailure.tooLarge(bytes: size, limit: limit)
        }
        // Not zeroed first: an mbox of 60 MB would be written twice.
        var readError: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var filled = 0
            while filled < size {
                let count = Foundation.read(descriptor, buffer.baseAddress! + filled, size - filled)
                if count < 0 {
                    if errno == EINTR { continue }
                    readError = errno
                    break
                }
                if count == 0 { break }  // the file shrank while reading: keep what is there
                filled += count
            }
            initialized = filled
        }
        if readError != 0 { throw failure(readError) }
        return .bytes(bytes, stamp)
    }

    /// Opens a file to read without touching its access time where the system allows it (the owner's files):
    /// mutt and other mail programs tell an mbox with new mail by a last read older than its last change,
    /// and reading it here must not take that from them. Others' files are opened as usual.
    static func openToRead(_ path: String, flags: Int32 = O_NONBLOCK) -> Int32 {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | flags | noAccessTime)
        guard descriptor < 0, errno == EPERM else { return descriptor }
        return open(path, O_RDONLY | O_CLOEXEC | flags)
    }

    /// Linux's `O_NOATIME` (not exported to Swift by Glibc): the same value on every Linux architecture
    /// Swift runs on.
    private static let noAccessTime: Int32 = 0o1000000

    /// `body` on the bytes of a file mapped into memory (no copy is made: a cache file is read once, in
    /// place); nil when the file cannot be opened or mapped. An empty file is mapped as no bytes.
    static func mapped<T>(_ path: String, _ body: (UnsafeRawBufferPointer) -> T) -> T? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(info.st_size)
        guard size > 0 else { return body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else { return nil }
        defer { munmap(address, size) }
        return body(UnsafeRawBufferPointer(start: address, count: size))
    }

    /// The first `count` bytes of a file (fewer when it is shorter).
    static func prefix(_ path: String, count: Int) throws -> [UInt8] {
        try range(path, offset: 0, count: count)
    }

    /// `count` bytes from `offset` (fewer at the end of the file): a part of a file too large to read whole.
    static func range(_ path: String, offset: Int, count: Int) throws -> [UInt8] {
        let descriptor = openToRead(path)
        guard descriptor >= 0 else { throw failure(errno) }
        defer { close(descriptor) }
        let wanted = max(0, count)
        var bytes = [UInt8](repeating: 0, count: wanted)
        var filled = 0
        while filled < wanted {
            let read = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress! + filled, wanted - filled, off_t(offset + filled))
            }
            if read < 0 {
                if errno == EINTR { continue }
                throw failure(errno)
            }
            if read == 0 { break }
            filled += read
        }
        if filled < wanted { bytes.removeSubrange(filled...) }
        return bytes
    }

    static func failure(_ code: Int32) -> LoadFailure {
        switch code {
        case EACCES, EPERM: return .permissionDenied
        case ENOENT: return .vanished
        case EISDIR: return .readError("is a folder")
        default: return .readError(String(cString: strerror(code)).lowercased())
        }
    }
}

/// A file read, or what answered for it without reading it (`FileBytes.read(_:limit:instead:)`).
enum StampedRead<T> {
    case bytes([UInt8], FileStamp)
    case instead(T)
}
