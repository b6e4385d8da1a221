import Foundation
import XCTest
import TidingsTestSupport

/// The summary cache in the real binary: a large mbox is listed, its entries kept in `$XDG_CACHE_HOME`, listed
/// from there on the next start, and nothing is kept with `--no-cache`; the mailbox is never written.
final class SummaryCacheEndToEndTests: EndToEndTestCase {
    /// An archive of 300 threads of two messages, well over the 256 KiB a file needs to be cached.
    func writeArchive(_ path: String) throws {
        var text = ""
        let filler = String(repeating: "A line of archived mail text. ", count: 16)
        for thread in 0..<300 {
            text += """
            From a\(thread)@example.org Wed Nov 18 09:00:00 2009
            From: Ann \(thread) <a\(thread)@example.org>
            Date: Wed, 18 Nov 2009 09:00:00 +0100
            Subject: Thread number \(thread)
            Message-ID: <t\(thread)@example.org>

            \(filler)

            From b\(thread)@example.org Wed Nov 18 10:00:00 2009
            From: Bob <b\(thread)@example.org>
            Date: Wed, 18 Nov 2009 10:00:00 +0100
            Subject: Re: Thread number \(thread)
            Message-ID: <r\(thread)@example.org>
            In-Reply-To: <t\(thread)@example.org>

            \(filler)


            """
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    func reader(cache: String, _ arguments: [String]) throws -> TmuxSession {
        try TmuxSession(command: EndToEnd.command("env", ["XDG_CACHE_HOME=" + cache, binary] + arguments), width: 80, height: 24)
    }

    func cached(_ cache: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: cache + "/tidings/summaries")) ?? []
    }

    func testALargeMboxIsListedFromTheCacheOnTheNextStart() throws {
        let archive = folder + "/stories/list.mbox"
        try writeArchive(archive)
        let before = try FileManager.default.attributesOfItem(atPath: archive)
        let cache = folder + "/cache"
        let state = folder + "/state.json"

        var tmux = try reader(cache: cache, [folder + "/stories", "--state", state])
        let first = tmux.waitFor("the archive listed, its first thread shown") {
            $0.contains("Stories 1/300") && $0.contains("Thread number 0") && $0.contains("Ann 0 ·")
        }
        tmux.send("q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }
        XCTAssertEqual(cached(cache).count, 1, "one entry for the archive")
        let entry = cache + "/tidings/summaries/" + cached(cache)[0]
        let kept = try FileManager.default.attributesOfItem(atPath: entry)

        // Listed again from the cache: the same list, and the cache entry is not written again.
        tmux = try reader(cache: cache, [folder + "/stories", "--state", state])
        let second = tmux.waitFor("the archive listed again, its first thread shown") {
            $0.contains("Stories 1/300") && $0.contains("Thread number 0") && $0.contains("Ann 0 ·")
        }
        XCTAssertEqual(second.split(separator: "\n").prefix(12), first.split(separator: "\n").prefix(12))
        tmux.send("End")
        tmux.waitFor("the last thread, opened from the archive") { $0.contains("Stories 300/300") && $0.contains("Thread number 299") }
        tmux.send("q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }
        let after = try FileManager.default.attributesOfItem(atPath: entry)
        XCTAssertEqual(after[.modificationDate] as? Date, kept[.modificationDate] as? Date)

        // --no-cache keeps nothing.
        let unused = folder + "/unused-cache"
        tmux = try reader(cache: unused, [folder + "/stories", "--state", state, "--no-cache"])
        // On the last thread, where the run before was left (the session file).
        tmux.waitFor("the archive listed without the cache") { $0.contains("Stories 300/300") }
        tmux.send("q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }
        XCTAssertFalse(FileManager.default.fileExists(atPath: unused), "nothing created with --no-cache")

        let now = try FileManager.default.attributesOfItem(atPath: archive)
        XCTAssertEqual(now[.modificationDate] as? Date, before[.modificationDate] as? Date)
        XCTAssertEqual(now[.size] as? Int, before[.size] as? Int)
    }
}
