import TidingsModel

/// A comment's text as rows: its blocks laid out like the story's, then its links' targets, numbered
/// from 1 for each comment, then a message's attachments.
enum CommentBody {
    static func lines(of comment: Comment, width: Int, quotes: QuoteFold = .shown) -> [StyledLine] {
        let blocks = comment.body.blocks
        // One block stays compact, as a comment of one paragraph always looked: no blank rows at all (the
        // block layout puts none before a first block or around a lone one).
        let compact = blocks.count <= 1
        var lines = BodyLayout.lines(blocks, width: width, separateFirst: false, quotes: quotes)
        // A message without text says so, as a story without text does (an empty row read as a fault); one
        // of attachments alone needs no such row.
        if lines.isEmpty, comment.attachments.isEmpty { lines = [StyledLine(text: "(no text)", style: .dim)] }
        let writtenOut = comment.body.links.isEmpty ? [] : comment.body.linksWrittenOut
        if comment.body.links.count > writtenOut.count {
            if !compact { lines.append(BodyLayout.blank) }
            lines += BodyLayout.linkLines(comment.body.links, firstNumber: 1, width: width, skipping: writtenOut)
        }
        if !comment.attachments.isEmpty {
            if !compact { lines.append(BodyLayout.blank) }
            lines += AttachmentLines.lines(comment.attachments, width: width)
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
