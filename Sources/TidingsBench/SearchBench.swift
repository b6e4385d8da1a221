import Foundation
import TidingsModel
import TidingsUI

/// A search of the whole collection as the reader runs it: the query typed and sent, the real background
/// search (`CollectionSearch`) on two threads, its batches taken in and drawn as the main loop does (at most
/// every 50 ms, the first match and the end at once), and a key (a list move) every 10 ms meanwhile.
extension TidingsBench {
    static func search(_ folder: String, query: String) {
        let (runner, _) = loadEntries(folder)
        var state = runner.state
        _ = state.render()
        let loader = CollectionLoader()
        let search = CollectionSearch(loader: loader)
        func perform(_ effects: [AppState.Effect]) {
            for effect in effects {
                switch effect {
                case .search(let generation, let words, let entries, let order):
                    search.start(generation: generation, query: words, entries: entries, order: order)
                case .searchMore(let generation, let entries, let order): search.add(generation: generation, entries: entries, order: order)
                case .cancelSearch: search.cancel()
                case .loadStory(let index, let summary): perform(state.update(.storyParsed(index: index, result: loader.story(for: summary), summary: summary)))
                default: break
                }
            }
        }
        let residentBefore = residentMiB()
        var residentMost = residentBefore
        let start = now()
        for key in [KeyPress.character("/")] + query.map(KeyPress.character) { perform(state.update(.key(key))) }
        let enter = now()
        perform(state.update(.key(.enter)))
        let enterMs = now() - enter
        _ = state.render()
        let frameMs = now() - enter
        var firstMatchMs: Double?
        var latencies: [Double] = []
        var lastKey = now()
        var lastFrame = now()
        var lastTake = now()
        var keys = 0
        var finished = false
        var hits = 0
        while !finished {
            let turn = now()
            var drew = false
            // As the reader does: matches taken in every 50 ms, at once until the first.
            let due = hits == 0 || now() - lastTake >= 50
            if due, let batch = search.take() {
                lastTake = now()
                hits += batch.hits.count
                perform(state.update(.searchFound(batch)))
                finished = batch.finished
                if (firstMatchMs == nil && hits > 0) || finished || now() - lastFrame >= 50 {
                    _ = state.render()
                    lastFrame = now()
                    drew = true
                    if firstMatchMs == nil, hits > 0 { firstMatchMs = now() - start }
                }
            }
            if now() - lastKey >= 10 {
                // Down and up in turn: the list is long, so each moves (and a story is parsed when shown).
                perform(state.update(.key(keys % 2 == 0 ? .down : .up)))
                _ = state.render()
                keys += 1
                lastKey = now()
                // What the key waited for: the batch taken in this turn (and its frame), then its own frame.
                latencies.append(now() - turn)
            } else if !drew {
                // The reader waits for a key 4 ms at a time while a search runs.
                usleep(4000)
            }
            residentMost = max(residentMost, residentMiB())
        }
        let totalMs = now() - start
        latencies.sort()
        func percentile(_ p: Double) -> Double {
            latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))]
        }
        report(["measure": "search", "query": query, "stories": state.entries.count, "matches": hits,
                "totalMs": totalMs, "enterMs": enterMs, "enterFrameMs": frameMs, "firstMatchMs": firstMatchMs ?? -1, "keys": latencies.count,
                "keyP50Ms": percentile(0.5), "keyP99Ms": percentile(0.99),
                "residentBeforeMiB": residentBefore, "residentExtraMiB": residentMost - residentBefore])
    }

    /// Resident memory now, from /proc/self/statm.
    static func residentMiB() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Double(fields[1]) else { return 0 }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }
}
