import Foundation

/// An item's enclosures as lines after its text, one each: `Enclosure: ep1.mp3 (audio/mpeg, 11.8 MB)`, the
/// file's name a numbered link to its address, so the digit keys and a click open it like any link; and
/// the page of its discussion, `Comments: https://…`, alike.
enum FeedEnclosureText {
    /// Appends a paragraph per enclosure (their addresses already made absolute); an address the text
    /// links already keeps its number, and one given twice is shown once.
    static func append(_ enclosures: [(enclosure: FeedEnclosure, url: String)], to body: inout StoryBody) {
        var shown = Set<String>()
        for (enclosure, url) in enclosures where shown.insert(url).inserted {
            let link = body.links.firstIndex(of: url) ?? body.links.count
            if link == body.links.count { body.links.append(url) }
            var runs = [StoryBody.Run("Enclosure: "), StoryBody.Run(name(url), link: link)]
            let details = [enclosure.type, enclosure.length.map(ByteSize.text)].compactMap { $0 }
            if !details.isEmpty { runs.append(StoryBody.Run(" (" + details.joined(separator: ", ") + ")")) }
            body.blocks.append(StoryBody.Block(.paragraph, runs))
        }
    }

    /// The page of the item's discussion as a line of its own, `Comments: https://…`, the address a
    /// numbered link (the one the text has, when it links there already).
    static func appendCommentsPage(_ url: String, to body: inout StoryBody) {
        let link = body.links.firstIndex(of: url) ?? body.links.count
        if link == body.links.count { body.links.append(url) }
        body.blocks.append(StoryBody.Block(.paragraph, [StoryBody.Run("Comments: "), StoryBody.Run(url, link: link)]))
    }

    /// The file's name: the address's last path segment, percent-decoded (`ep%201.mp3` is `ep 1.mp3`),
    /// without query or fragment; the whole address when it has no such segment.
    static func name(_ url: String) -> String {
        var rest = Substring(url)
        if let end = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        // The path starts after the host: a bare `https://pod.example` has none, and no name but its address.
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...].drop { $0 != "/" } }
        let segment = rest.split(separator: "/").last ?? ""
        let decoded = segment.removingPercentEncoding ?? String(segment)
        return decoded.isEmpty ? url : decoded
    }
}
