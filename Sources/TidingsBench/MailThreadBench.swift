import Foundation
import TidingsModel

/// Threading time for a big mailbox made in memory: threads of forty messages with References up to eight
/// deep and ids of mail's usual length. Twice: in date order with about forty threads running at once (as a
/// folder of several lists is read), and shuffled, where every message's strings are far from the last.
extension TidingsBench {
    static func mailThreads(messages count: Int) {
        var rows: [String: Any] = [:]
        for (label, shuffled) in [("dateOrder", false), ("shuffled", true)] {
            let inputs = mailboxInputs(messages: count, shuffled: shuffled)
            var times: [Double] = []
            var cpuTimes: [Double] = []
            var threads = 0
            for _ in 0..<5 {
                let start = now()
                let cpuStart = cpuNow()
                threads = MessageThreader.threads(inputs).count
                times.append(now() - start)
                cpuTimes.append(cpuNow() - cpuStart)
            }
            // CPU time too: on a machine shared with other work, wall time says more about the neighbours.
            rows[label] = ["threads": threads, "ms": ["min": times.min() ?? 0, "p50": percentile(times, 0.5)],
                           "cpuMs": ["min": cpuTimes.min() ?? 0, "p50": percentile(cpuTimes, 0.5)]]
        }
        report(["measure": "mail-threads", "messages": count, "results": rows])
    }

    /// CPU time of this thread, in milliseconds.
    static func cpuNow() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) * 1e3 + Double(time.tv_nsec) / 1e6
    }

    /// Messages made in the order they are listed, so their strings lie in memory as a parser's would.
    static func mailboxInputs(messages count: Int, shuffled: Bool) -> [ThreadInput] {
        var seed: UInt64 = 0x5EED
        func random(_ bound: Int) -> Int {
            // SplitMix64: the same mailbox on every run.
            seed &+= 0x9E37_79B9_7F4A_7C15
            var z = seed
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(max(bound, 1)))
        }
        let size = 40
        // Each thread starts a minute after the one before and runs forty minutes; listed by time.
        var slots = (0..<count).map { (thread: $0 / size, time: Double($0 / size) * 60 + Double($0 % size) * 60 + Double(random(60))) }
        slots.sort { $0.time < $1.time }
        if shuffled { for index in stride(from: slots.count - 1, to: 0, by: -1) { slots.swapAt(index, random(index + 1)) } }
        var chains: [Int: [[String]]] = [:]
        var inputs: [ThreadInput] = []
        inputs.reserveCapacity(count)
        for slot in slots {
            let id = "<\(String(inputs.count, radix: 16)).\(random(1 << 30))@lists.example.org>"
            let before = chains[slot.thread, default: []]
            let references = before.isEmpty ? [] : Array(before[random(before.count)].suffix(8))
            chains[slot.thread, default: []].append(references + [id])
            if chains[slot.thread]?.count == size { chains[slot.thread] = nil }
            inputs.append(ThreadInput(id: id, parents: references, date: Date(timeIntervalSinceReferenceDate: slot.time)))
        }
        return inputs
    }
}
