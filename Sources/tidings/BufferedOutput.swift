import Foundation

/// Collects output and writes it in large blocks. The first failed write (a full disk, a closed pipe) is
/// kept in `error` and ends all writing: later output is dropped, so the caller reports one error and stops.
struct BufferedOutput {
    let descriptor: Int32
    var buffer: [UInt8] = []
    /// The errno of the first write that failed.
    private(set) var error: Int32?

    init(descriptor: Int32) { self.descriptor = descriptor }

    mutating func flushIfFull() {
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        defer { buffer.removeAll(keepingCapacity: true) }
        guard error == nil else { return }
        var offset = 0
        while offset < buffer.count {
            let count = buffer.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if count > 0 {
                offset += count
            } else if count < 0, errno == EINTR {
                continue
            } else if count < 0, errno == EAGAIN || errno == EWOULDBLOCK {
                // Output that was made non-blocking by someone else: wait until it takes more.
                var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                _ = poll(&ready, 1, -1)
            } else {
                error = count < 0 ? errno : EIO
                return
            }
        }
    }
}
