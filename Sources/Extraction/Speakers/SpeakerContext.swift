/// What the speaker rules know about an article: its words, which words lie inside quotations, which words name
/// which actor, and each person's likely gender. Built once per article in linear time.
struct SpeakerContext {
    /// One occurrence of an actor's name, by word indices.
    struct Mention {
        var actor: Int
        var firstWord: Int
        var lastWord: Int
    }

    let text: ScalarText
    let words: [ActorWord]
    let actors: [ExtractedActor]
    let gazetteer: Gazetteer
    /// For each word, the index of the quotation holding it, or -1.
    let quoteOfWord: [Int]
    /// For each word, the index into `mentions` of the name it belongs to, or -1.
    let mentionOfWord: [Int]
    /// Name occurrences in text order.
    let mentions: [Mention]
    /// For each quotation, the index of its first word and one past its last word (equal when empty).
    let quoteWords: [(first: Int, end: Int)]
    /// Gender of each actor, when its name, title or the article's pronouns tell.
    let genders: [Gazetteer.Gender]
    /// By word key id: the article writes the word in lower case. An unclassified name made of such words
    /// ("Level") is no one.
    let lowercaseIds: [Bool]
    /// The article's word keys, to find the id of a name's word.
    let keys: ArticleWords
    /// For each sentence index, how many sentences with unquoted words come before it: distances in narrative
    /// sentences do not grow with the length of a quotation.
    let narrative: [Int]
    /// By actor: an unclassified name that could be a person's (see `nameShapedActors()`).
    private(set) var nameShaped: [Bool] = []

    init(
        text: ScalarText, sentences: [TextSpan], words split: ArticleWords, quotes: [ExtractedQuote],
        actors: [ExtractedActor], gazetteer: Gazetteer
    ) {
        let words = split.words
        self.text = text
        self.actors = actors
        self.gazetteer = gazetteer
        self.words = words
        var lower = [Bool](repeating: false, count: split.idCount)
        for word in words where !word.isCapitalized { lower[Int(word.id)] = true }
        self.lowercaseIds = lower
        self.keys = split
        var quoteOfWord = [Int](repeating: -1, count: words.count)
        var quoteWords: [(Int, Int)] = []
        var w = 0
        for (q, quote) in quotes.enumerated() {
            while w < words.count, words[w].start < quote.span.start { w += 1 }
            var k = w
            while k < words.count, words[k].end <= quote.span.end {
                quoteOfWord[k] = q
                k += 1
            }
            quoteWords.append((w, k))
        }
        self.quoteOfWord = quoteOfWord
        self.quoteWords = quoteWords
        // Name occurrences, matched to words by a merge over spans sorted by start.
        var spans: [(span: TextSpan, actor: Int)] = []
        for (a, actor) in actors.enumerated() {
            for span in actor.mentions { spans.append((span, a)) }
        }
        spans.sort { $0.span < $1.span }
        var mentionOfWord = [Int](repeating: -1, count: words.count)
        var mentions: [Mention] = []
        w = 0
        for entry in spans {
            while w < words.count, words[w].start < entry.span.start { w += 1 }
            guard w < words.count, words[w].start == entry.span.start else { continue }
            var last = w
            while last + 1 < words.count, words[last + 1].end <= entry.span.end { last += 1 }
            let index = mentions.count
            mentions.append(Mention(actor: entry.actor, firstWord: w, lastWord: last))
            for k in w...last { mentionOfWord[k] = index }
        }
        self.mentionOfWord = mentionOfWord
        self.mentions = mentions
        self.genders = Self.genders(actors: actors, words: words, mentions: mentions, gazetteer: gazetteer)
        var hasNarrative = [Bool](repeating: false, count: sentences.count + 1)
        for (k, word) in words.enumerated() where quoteOfWord[k] < 0 && word.sentence < hasNarrative.count {
            hasNarrative[word.sentence] = true
        }
        var narrative = [Int](repeating: 0, count: hasNarrative.count + 1)
        for s in hasNarrative.indices { narrative[s + 1] = narrative[s] + (hasNarrative[s] ? 1 : 0) }
        self.narrative = narrative
        nameShaped = nameShapedActors()
    }

    /// Narrative sentences from sentence `a` to sentence `b` (b after a).
    func narrativeDistance(from a: Int, to b: Int) -> Int {
        let lo = max(0, min(a, narrative.count - 1))
        let hi = max(0, min(b, narrative.count - 1))
        return max(0, narrative[hi] - narrative[lo])
    }

    /// The actor named by the word at `index`, if any.
    func actor(at index: Int) -> Int? {
        guard index >= 0, index < words.count else { return nil }
        let m = mentionOfWord[index]
        return m >= 0 ? mentions[m].actor : nil
    }

    /// The key of word `k`.
    func key(_ k: Int) -> String { keys.key(k) }

    /// Whether some word of the article with key `key` is written in lower case.
    func isLowercaseKey(_ key: String) -> Bool {
        keys.id(ofKey: key).map { lowercaseIds[Int($0)] } ?? false
    }

    /// Whether the word at `index` lies inside a quotation.
    func isQuoted(_ index: Int) -> Bool { quoteOfWord[index] >= 0 }

    /// Calls `body` with the word lists of each space-separated piece of `form`, keyed as `ActorTokenizer.foldKey`
    /// keys it; ASCII forms (nearly all) are folded and looked up without building a string per piece.
    private static func forEachPieceClass(of form: String, gazetteer: Gazetteer, _ body: (WordClass) -> Void) {
        var form = form
        let done = form.withUTF8 { utf8 -> Bool in
            guard !utf8.contains(where: { $0 >= 0x80 }) else { return false }
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: utf8.count) { buffer in
                var i = 0
                while i < utf8.count {
                    while i < utf8.count, utf8[i] == 0x20 { i += 1 }
                    guard i < utf8.count else { break }
                    var n = 0
                    var hash: UInt32 = 2_166_136_261
                    while i < utf8.count, utf8[i] != 0x20 {
                        let b = utf8[i] &- 0x41 < 26 ? utf8[i] + 32 : utf8[i]
                        buffer[n] = b
                        n += 1
                        hash = (hash ^ UInt32(b)) &* 16_777_619
                        i += 1
                    }
                    body(gazetteer.lexicon.wordClass(UnsafeBufferPointer(rebasing: buffer[0..<n]), hash: hash))
                }
            }
            return true
        }
        if !done {
            for piece in form.split(separator: " ") { body(gazetteer.wordClass(ActorTokenizer.foldKey(String(piece)))) }
        }
    }

    /// Gender from titles (Mr., Ms., spokeswoman), given names, and the pronoun that most often follows the name.
    private static func genders(
        actors: [ExtractedActor], words: [ActorWord], mentions: [Mention], gazetteer: Gazetteer
    ) -> [Gazetteer.Gender] {
        var votes = [(male: Double, female: Double)](repeating: (0, 0), count: actors.count)
        for a in actors.indices where actors[a].kind == .person {
            var firstPiece: WordClass?
            func vote(_ cls: WordClass) {
                if let role = cls.role {
                    if role.gender == .male { votes[a].male += 3 } else if role.gender == .female { votes[a].female += 3 }
                }
            }
            forEachPieceClass(of: actors[a].name, gazetteer: gazetteer) { cls in
                if firstPiece == nil { firstPiece = cls }
                vote(cls)
            }
            for alias in actors[a].aliases { forEachPieceClass(of: alias, gazetteer: gazetteer, vote) }
            for role in actors[a].roles { forEachPieceClass(of: role, gazetteer: gazetteer, vote) }
            if let first = firstPiece, actors[a].name.utf8.contains(0x20) {
                switch first.firstNameGender {
                case .male?: votes[a].male += 2
                case .female?: votes[a].female += 2
                default: break
                }
            }
        }
        // The first he/she/his/her within a few words after a mention, outside quotations, counts as a weak vote.
        for mention in mentions where actors[mention.actor].kind == .person {
            var k = mention.lastWord + 1
            while k < words.count, k <= mention.lastWord + 8, words[k].sentence == words[mention.lastWord].sentence {
                let cls = words[k].cls
                if cls.contains(.malePronoun) { votes[mention.actor].male += 0.5; break }
                if cls.contains(.femalePronoun) { votes[mention.actor].female += 0.5; break }
                if words[k].isCapitalized { break }
                k += 1
            }
        }
        return votes.map { $0.male > $0.female ? .male : $0.female > $0.male ? .female : .unknown }
    }
}
