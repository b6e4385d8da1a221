import Foundation
import TidingsModel
import TidingsUI

/// Measurements that need the app's own code rather than a terminal: full load time, key latency through
/// the update and render loop, and read-state size and speed. `bench/run` calls it; each prints one JSON line.
@main
enum TidingsBench {
    static func main() throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard arguments.count >= 2 else {
            print("usage: TidingsBench load DIR [STATE] | keys DIR [STATE] | relist DIR | search DIR WORDS | state DIR [STATE-OUT] | thread COMMENTS | mail-threads MESSAGES | mbox-list FILE | mbox-scan-floor FILE")
            exit(2)
        }
        let folder = arguments[1]
        switch arguments[0] {
        case "load": load(folder, readState: arguments.count > 2 ? ReadStateStore(path: arguments[2]).load().0 : ReadState())
        case "keys": try keys(folder, readState: arguments.count > 2 ? ReadStateStore(path: arguments[2]).load().0 : ReadState())
        case "relist": relist(folder)
        case "search": search(folder, query: arguments.count > 2 ? arguments[2] : "lexer")
        case "list":
            let start = now()
            let files = CollectionLoader().listFiles([folder], problem: { _ in })
            report(["measure": "list", "files": files.count, "ms": now() - start])
        case "save-loop": try saveLoop(state: folder, progress: arguments[2])
        case "check-state": checkState(folder, through: Int(arguments[2]) ?? 0)
        case "thread": thread(comments: Int(arguments[1]) ?? 5_000)
        case "mail-threads": mailThreads(messages: Int(arguments[1]) ?? 400_000)
        case "mbox-list": try mboxList(folder)
        case "mbox-scan-floor": try mboxScanFloor(folder)
        case "state": try state(folder, path: arguments.count > 2 ? arguments[2] : NSTemporaryDirectory() + "tidings-bench-state.json")
        default:
            print("unknown measurement \(arguments[0])")
            exit(2)
        }
    }

    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e6 }

    static func peakRSSMiB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    static func report(_ fields: [String: Any]) {
        let data = try! JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }

    static func loadEntries(_ folder: String, readState: ReadState = ReadState()) -> (HeadlessRunner, Double) {
        let start = now()
        // The summary cache as the reader uses it ($XDG_CACHE_HOME): bench/run points it at a folder of its own.
        let load = ParallelLoad(sources: [folder], readState: readState,
                                loader: CollectionLoader(summaryCache: SummaryCache.standard()))
        load.waitUntilFinished()
        // A cache of one story: every selection of another story parses its file, as a worst case.
        let loader = CollectionLoader()
        var runner = HeadlessRunner(state: AppState(readState: readState, width: 120, height: 40, storyCacheSize: 1),
                                    parse: { loader.story(for: $0) })
        runner.send(.loaded(load.take()))
        return (runner, now() - start)
    }

    static func load(_ folder: String, readState: ReadState) {
        let (runner, milliseconds) = loadEntries(folder, readState: readState)
        let state = runner.state
        let unread = state.entries.reduce(0) { $0 + $1.unreadComments }
        report(["measure": "load", "stories": state.entries.count, "problems": state.problems.count,
                "unreadComments": unread, "readStories": readState.stories.count,
                "ms": milliseconds, "peakRSSMiB": peakRSSMiB()])
    }

    /// Key to finished frame, through `handle` and `render`, for the operations the targets name.
    /// A filter or sort without text words re-lists every story: each sort order in turn, and hiding read
    /// stories on and off (half the stories read), key to finished frame; the slowest of each.
    static func relist(_ folder: String) {
        var readState = ReadState()
        for (offset, entry) in loadEntries(folder, readState: ReadState()).0.state.entries.enumerated() where offset % 2 == 0 {
            _ = readState.setStory(entry.summary.id, read: true)
        }
        var (runner, _) = loadEntries(folder, readState: readState)
        _ = runner.state.render()
        var slowest: [String: Double] = [:]
        func press(_ label: String, _ key: KeyPress) {
            let start = now()
            runner.press(key)
            _ = runner.state.render()
            slowest[label] = max(slowest[label] ?? 0, now() - start)
        }
        for _ in 0..<2 {
            for order in ["newest", "comments", "unread", "title", "path"] { press("sort " + order, .character("s")) }
            press("hide read", .character("H"))
            press("show all", .character("H"))
        }
        report(["measure": "relist", "stories": runner.state.entries.count, "slowestMs": slowest])
    }

    static func keys(_ folder: String, readState: ReadState) throws {
        var (runner, _) = loadEntries(folder, readState: readState)
        // Saving runs on another queue with a copy of the state; the main loop then pays for the copy on its
        // next change. Hand a copy away before each key, as a save after every key would.
        var handedOff: [ReadState] = []
        var samples: [String: [Double]] = [:]
        func press(_ label: String, _ key: KeyPress) {
            handedOff = [runner.state.readState]
            let start = now()
            runner.press(key)
            _ = runner.state.render()
            samples[label, default: []].append(now() - start)
        }
        _ = runner.state.render()
        for _ in 0..<300 { press("move", .down) }
        for _ in 0..<300 { press("page list", .pageDown) }
        press("end of list", .end)
        press("start of list", .home)
        // The story with the most comments: open it, move, collapse and expand threads.
        let entries = runner.state.entries
        let biggest = entries.indices.max { entries[$0].summary.commentCount < entries[$1].summary.commentCount } ?? 0
        for _ in 0..<biggest { runner.press(.down) }
        var openSamples: [Double] = []
        for _ in 0..<20 {
            let start = now()
            runner.press(.enter)
            _ = runner.state.render()
            openSamples.append(now() - start)
            runner.press(.tab)  // back to the list
            runner.press(.down)
            runner.press(.up)  // reselect: the story is parsed again (cache permitting)
        }
        samples["open story"] = openSamples
        runner.press(.enter)
        for _ in 0..<200 {
            press("move comment", .down)
            press("collapse", .left)
            press("expand", .right)
        }
        for _ in 0..<100 { press("page comments", .pageDown) }
        var all: [Double] = []
        var rows: [String: Any] = [:]
        for (label, values) in samples {
            all += values
            rows[label] = ["p50": percentile(values, 0.5), "p99": percentile(values, 0.99), "n": values.count]
        }
        rows["all"] = ["p50": percentile(all, 0.5), "p99": percentile(all, 0.99), "n": all.count]
        _ = handedOff
        report(["measure": "keys", "stories": entries.count,
                "biggestStoryComments": entries[biggest].summary.commentCount, "latencyMs": rows])
    }

    /// Saves forever through the reader's own save path, one new story marked per save, appending the number
    /// of each completed save to `progress`. The crash test kills it at random moments.
    static func saveLoop(state path: String, progress: String) throws {
        let store = ReadStateStore(path: path)
        var (state, _) = store.load()
        var next = state.stories.keys.compactMap { Int($0.dropFirst("story-".count)) }.max().map { $0 + 1 } ?? 1
        let log = open(progress, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        while true {
            state.setStory("story-\(next)", read: true)
            state.setComments((0..<40).map { CommentID(value: UInt64(next * 64 + $0)) }, in: "story-\(next)", read: true)
            try store.save(changes: state.takeJournal(), fallback: state)
            let line = "\(next)\n"
            _ = line.withCString { write(log, $0, strlen($0)) }
            next += 1
        }
    }

    /// Exit 0 when the state file parses and holds every story up to `through`.
    static func checkState(_ path: String, through: Int) {
        guard let data = FileManager.default.contents(atPath: path) else { print("state file missing"); exit(1) }
        do {
            let state = try ReadStateCoding.decode(data)
            for number in stride(from: 1, through: through, by: 1) where !state.isStoryRead("story-\(number)") {
                print("story-\(number) was saved but is missing")
                exit(1)
            }
        } catch {
            print("state file does not parse: \(error)")
            exit(1)
        }
    }

    static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction))]
    }

    /// Marks every story and comment read, then saves, loads and saves again.
    static func state(_ folder: String, path: String) throws {
        let loader = CollectionLoader()
        var readState = ReadState()
        var comments = 0
        for file in loader.listFiles([folder], problem: { _ in }) {
            guard case .success(let stories) = loader.loadFile(file.path, named: file.named) else { continue }
            for story in stories {
                readState.setStory(story.id, read: true)
                readState.setComments(story.comments.map(\.id), in: story.id, read: true)
                comments += story.comments.count
            }
        }
        let store = ReadStateStore(path: path)
        var start = now()
        try store.save(readState)
        let save = now() - start
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        start = now()
        let (loaded, outcome) = store.load()
        let loadTime = now() - start
        guard outcome == .loaded, loaded == readState else { fatalError("state round trip failed") }
        start = now()
        _ = ReadStateCoding.encode(loaded)
        let encode = now() - start
        report(["measure": "state", "stories": readState.stories.count, "comments": comments, "bytes": size,
                "bytesPerComment": Double(size) / Double(max(1, comments)), "saveMs": save, "loadMs": loadTime,
                "encodeMs": encode])
    }
}
