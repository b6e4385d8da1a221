import Foundation

/// The least any listing of an archive must do, as a bound for `mbox-list`: find each message, find its
/// Message-ID, In-Reply-To and References lines, and hash each id into a table. No date, no threading, no
/// unfolding or normalising of ids, no summary: a listing that shows threads with counts does all of this
/// and more, so no listing of the archive on this machine can take less processor time.
extension TidingsBench {
    static func mboxScanFloor(_ path: String) throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var cpuTimes: [Double] = []
        var counts = (messages: 0, ids: 0)
        for _ in 0..<7 {
            let cpuStart = cpuNow()
            counts = bytes.withUnsafeBufferPointer { scanIDs($0) }
            cpuTimes.append(cpuNow() - cpuStart)
        }
        report(["measure": "mbox-scan-floor", "bytes": bytes.count, "messages": counts.messages, "ids": counts.ids,
                "cpuMs": ["min": cpuTimes.min() ?? 0, "p50": percentile(cpuTimes, 0.5)]])
    }

    private static func scanIDs(_ buffer: UnsafeBufferPointer<UInt8>) -> (messages: Int, ids: Int) {
        guard let base = buffer.baseAddress else { return (0, 0) }
        let end = base + buffer.count
        var table = [UInt64](repeating: 0, count: 1 << 18)
        var messages = 0, ids = 0
        func find(_ byte: UInt8, _ from: UnsafePointer<UInt8>, _ to: UnsafePointer<UInt8>) -> UnsafePointer<UInt8>? {
            from < to ? memchr(from, Int32(byte), from.distance(to: to)).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) } : nil
        }
        func hashIDs(_ from: UnsafePointer<UInt8>, _ to: UnsafePointer<UInt8>) {
            var at = from
            while let open = find(UInt8(ascii: "<"), at, to), let close = find(UInt8(ascii: ">"), open, to) {
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                for byte in UnsafeBufferPointer(start: open + 1, count: open.distance(to: close) - 1) {
                    hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
                }
                var slot = Int(truncatingIfNeeded: hash) & (table.count - 1)
                while table[slot] != 0, table[slot] != hash { slot = (slot + 1) & (table.count - 1) }
                table[slot] = hash
                ids += 1
                at = close + 1
            }
        }
        func starts(_ line: UnsafePointer<UInt8>, _ name: StaticString, _ to: UnsafePointer<UInt8>) -> Bool {
            name.utf8CodeUnitCount <= line.distance(to: to) && strncasecmp(line, name.utf8Start, name.utf8CodeUnitCount) == 0
        }
        var line = base
        while line < end {
            messages += 1
            guard let separatorEnd = find(0x0A, line, end) else { break }
            line = separatorEnd + 1
            while line < end, line.pointee != 0x0A {
                var lineEnd = find(0x0A, line, end) ?? end
                while lineEnd + 1 < end, lineEnd[1] == 0x20 || lineEnd[1] == 0x09 { lineEnd = find(0x0A, lineEnd + 1, end) ?? end }
                if starts(line, "Message-ID:", lineEnd) || starts(line, "References:", lineEnd) || starts(line, "In-Reply-To:", lineEnd) {
                    hashIDs(line, lineEnd)
                }
                line = lineEnd + 1
            }
            guard line < end else { break }
            // The body, a line at a time, to the next separator line.
            line += 1
            while line < end, !starts(line, "From ", end) { line = (find(0x0A, line, end) ?? end) + 1 }
        }
        return (messages, ids)
    }
}
