/// Credits lines at the end of an article name the publication: "Excerpts: The Washington Post",
/// "Source: Reuters". Their words are often not capitalised, so the name rules miss them.
enum CreditsLine {
    private static let labels: Set<String> = ["excerpts", "excerpted", "source", "sources", "courtesy"]

    /// An organisation mention for each credits line.
    static func mentions(_ text: ScalarText, words split: ArticleWords) -> [NameMention] {
        let words = split.words
        var result: [NameMention] = []
        var i = 0
        while i + 1 < words.count {
            let word = words[i]
            guard word.gap == .paragraph, labels.contains(split.key(i)), words[i + 1].marks.contains(.onlyColon) else {
                i += 1
                continue
            }
            var last = i + 1
            while last + 1 < words.count, words[last + 1].paragraph == word.paragraph, words[last + 1].gap == .space {
                last += 1
            }
            guard last - i <= 6 else { i = last + 1; continue }
            let first = i + 1
            let written = text.string(words[first].start, words[last].end)
            let name = (first...last).map { k -> String in
                let w = words[k].text(text)
                guard let head = w.first else { return w }
                return String(head).uppercased() + w.dropFirst()
            }.joined(separator: " ")
            var mention = NameMention(
                firstWord: first, lastWord: last, runFirst: first, span: TextSpan(words[first].start, words[last].end),
                name: name, tokens: (first...last).map { split.key($0) }, surface: written == name ? nil : written,
                evidence: KindEvidence(organization: 8))
            mention.canonical = name
            result.append(mention)
            i = last + 1
        }
        return result
    }
}
