extension StoryBody {
    /// Adds another text's blocks after these, its link numbers moved past this text's links.
    mutating func append(_ other: StoryBody) {
        let offset = links.count
        links += other.links
        guard offset > 0, !other.links.isEmpty else {
            blocks += other.blocks
            return
        }
        blocks += other.blocks.map { block in
            var block = block
            for index in block.runs.indices { block.runs[index].link = block.runs[index].link.map { $0 + offset } }
            return block
        }
    }
}
