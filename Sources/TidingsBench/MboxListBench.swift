import Foundation
import TidingsModel

/// Listing one archive held in memory, as a first start lists each archive the summary cache lacks: the
/// processor time of `summaries(in:)` alone, without reading the file or the loader around it.
extension TidingsBench {
    static func mboxList(_ path: String) throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var cpuTimes: [Double] = []
        var stories = 0
        for _ in 0..<7 {
            let cpuStart = cpuNow()
            stories = try MailImporter().summaries(in: bytes, path: path, needsCommentIDs: { _, _ in false }).count
            cpuTimes.append(cpuNow() - cpuStart)
        }
        report(["measure": "mbox-list", "bytes": bytes.count, "stories": stories,
                "cpuMs": ["min": cpuTimes.min() ?? 0, "p50": percentile(cpuTimes, 0.5)]])
    }
}
