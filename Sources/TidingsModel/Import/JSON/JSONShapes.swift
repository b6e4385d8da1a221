/// Recognizes each top-level value of a JSON file as one of the discussion shapes and reads it.
enum JSONShapes {
    static func read(_ reading: JSONReading) throws -> [JSONReading.Result] {
        let document = reading.document
        var results: [JSONReading.Result] = []
        // Firebase items form one tree however they are spread over the file: collected, then read at once.
        var firebaseItems: [Int] = []
        var firebaseAt: Int?
        let many = document.roots.count > 1
        // Each value's line, counted in one pass (a JSON Lines file may have a million).
        let lines = many ? document.rootLines() : []
        // Tidings' own read-state file (kept beside the stories by some) is not a story: skipped quietly.
        if document.roots.count == 1, document.member(document.roots[0], "version") != nil,
           document.member(document.roots[0], "stories") != nil {
            throw LoadFailure.notAStory("not a story: a Tidings read-state file")
        }
        for (position, root) in document.roots.enumerated() {
            let locator = many ? "line \(lines[position])" : nil
            // The Firebase API answers `null` for an item it does not have: a saved list may hold some.
            if document.kind(root) == .null, many { continue }
            if NativeJSON.isStory(document, root) {
                results.append(NativeJSON.story(reading, root, locator: locator))
            } else if HackerNewsAlgolia.isItem(document, root) {
                results.append(located(HackerNewsAlgolia.item(reading, root), locator))
            } else if HackerNewsAlgolia.isSearch(document, root) {
                results += HackerNewsAlgolia.search(reading, root)
            } else if Reddit.isThread(document, root) {
                results.append(located(try Reddit.thread(reading, root), locator))
            } else if Reddit.isMoreChildren(document, root) {
                results.append(located(Reddit.moreChildren(reading, root), locator))
            } else if Lobsters.isStory(document, root) {
                results.append(located(Lobsters.story(reading, root), locator))
            } else if HackerNewsFirebase.isItem(document, root) {
                firebaseAt = firebaseAt ?? results.count
                firebaseItems.append(root)
            } else if document.kind(root) == .array, let items = firebaseArray(document, root) {
                firebaseAt = firebaseAt ?? results.count
                firebaseItems += items
            } else if document.kind(root) == .array, let stories = nativeArray(document, root) {
                results += stories.map { NativeJSON.story(reading, $0, locator: $0 == stories.first && stories.count == 1 ? locator : "story \($0)") }
            } else {
                throw LoadFailure.unknownJSON(describe(document, root) + (many ? " (\(locator ?? ""))" : ""))
            }
        }
        if let firebaseAt {
            results.insert(contentsOf: HackerNewsFirebase.stories(reading, items: firebaseItems), at: firebaseAt)
        }
        return results
    }

    static func located(_ result: JSONReading.Result, _ locator: String?) -> JSONReading.Result {
        guard let locator else { return result }
        var result = result
        result.story.source.locator = locator
        return result
    }

    /// An array of Firebase items (every element one), or nil.
    static func firebaseArray(_ document: JSONDocument, _ root: Int) -> [Int]? {
        let elements = document.elements(root).filter { document.kind($0) != .null }
        guard !elements.isEmpty, elements.allSatisfy({ HackerNewsFirebase.isItem(document, $0) }) else { return nil }
        return elements
    }

    static func nativeArray(_ document: JSONDocument, _ root: Int) -> [Int]? {
        let elements = document.elements(root)
        guard !elements.isEmpty, elements.allSatisfy({ NativeJSON.isStory(document, $0) }) else { return nil }
        return elements
    }

    /// What the value is, for the message: an object's keys, or what an array holds (one level down only).
    static func describe(_ document: JSONDocument, _ node: Int) -> String {
        switch document.kind(node) {
        case .object:
            let keys = document.keys(node)
            if keys.isEmpty { return "an empty object" }
            return "top-level keys " + listed(keys)
        case .array:
            let elements = document.elements(node)
            guard !elements.isEmpty else { return "an empty array" }
            // The value that spoils it, when the others are discussion items.
            let known = { (element: Int) in
                document.kind(element) == .null || HackerNewsFirebase.isItem(document, element) || NativeJSON.isStory(document, element)
            }
            let odd = elements.firstIndex { !known($0) } ?? 0
            let first = elements[odd]
            let what: String
            switch document.kind(first) {
            case .object:
                let keys = document.keys(first)
                what = keys.isEmpty ? "an empty object" : "an object with keys " + listed(keys)
            case .array: what = "an array"
            default: what = describe(document, first)
            }
            let which = odd == 0 ? "the first" : "value \(odd + 1)"
            return "an array of \(elements.count) \(elements.count == 1 ? "value" : "values"), \(which) " + what
        case .string: return "a single string"
        case .number: return "a single number"
        case .bool, .null: return "a single \(document.rawText(node))"
        }
    }

    static func listed(_ keys: [String]) -> String {
        keys.prefix(8).joined(separator: ", ") + (keys.count > 8 ? " and \(keys.count - 8) more" : "")
    }
}
