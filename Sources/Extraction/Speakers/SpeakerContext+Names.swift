/// Which unclassified names could be people's, worked out once per article for the pronoun rules.
extension SpeakerContext {
    /// For each actor: an unclassified name that could be a person's — one to three capitalised words, no digits,
    /// not all capitals, no word the article writes in lower case, followed somewhere by a verb. False for actors of
    /// any other kind (the rules only ask about unclassified ones).
    func nameShapedActors() -> [Bool] {
        // It must act somewhere, as people do: "Mulder didn't hesitate", not "his Level 4" or "Green supporters".
        // One pass over the mentions settles this for every actor.
        var acts = [Bool](repeating: false, count: actors.count)
        for m in mentions where actors[m.actor].kind == .other && !acts[m.actor] {
            guard m.lastWord + 1 < words.count, words[m.lastWord + 1].gap == .space else { continue }
            acts[m.actor] = Self.isVerbLike(words[m.lastWord + 1], key: key(m.lastWord + 1))
        }
        return actors.indices.map { a in actors[a].kind == .other && acts[a] && isNameShaped(a) }
    }

    private func isNameShaped(_ a: Int) -> Bool {
        let name = actors[a].name
        let parts = name.split(separator: " ")
        guard parts.count <= 3, !name.contains(where: \.isNumber), name.uppercased() != name else { return false }
        // Handles ("@MichelleRempel") and ordinary words in capitals ("Level", "Total") are not people.
        if let first = actors[a].mentions.first, first.start > 0, text.scalars[first.start - 1] == "@" {
            return false
        }
        return !parts.contains(where: { isLowercaseKey(ActorTokenizer.foldKey(String($0))) })
    }

    private static func isVerbLike(_ word: ActorWord, key: String) -> Bool {
        word.cls.contains(.auxiliary) || word.cls.contains(.cueVerb) || key.hasSuffix("ed") || key.hasSuffix("n't")
    }
}
