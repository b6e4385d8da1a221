import TidingsModel

/// A comment's text as rows: its blocks laid out like the story's, then its links' targets, numbered
/// from 1 for each comment.
enum CommentBody {
    static func lines(of comment: Comment, width: Int) -> [StyledLine] {
        let blocks = comment.body.blocks
        // One block stays compact, as a comment of one paragraph always looked: no blank rows at all.
        let compact = blocks.count <= 1
        var lines = compact ? blocks.flatMap { BodyLayout.blockLines($0, width: width) }
                            : BodyLayout.lines(blocks, width: width, separateFirst: false)
        if lines.isEmpty { lines = [BodyLayout.blank] }
        let writtenOut = comment.body.links.isEmpty ? [] : comment.body.linksWrittenOut
        if comment.body.links.count > writtenOut.count {
            if !compact { lines.append(BodyLayout.blank) }
            lines += BodyLayout.linkLines(comment.body.links, firstNumber: 1, width: width, skipping: writtenOut)
        }
        // What the source says of a deleted comment (`[deleted]`) is not its text: dimmed, like a stub.
        if comment.kind == .deleted {
            lines = lines.map { line in
                StyledLine(spans: line.spans.map { span in
                    var dimmed = span
                    dimmed.style.dim = true
                    return dimmed
                })
            }
        }
        return lines
    }
}
