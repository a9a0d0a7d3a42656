/// Who a cue names as the speaker, before pronouns and descriptions are resolved.
enum SpeakerReference: Equatable {
    /// A name: the actor's index.
    case actor(Int)
    /// "he", "she": the gender and the pronoun's word index.
    case pronoun(Gazetteer.Gender, word: Int)
    /// "the Kremlin spokesman", "the ministry": the noun phrase's first and last word indices.
    case description(first: Int, last: Int)
}

/// A cue found around a quotation: the verb as written and the speaker it introduces.
struct CueMatch {
    /// "said", "told", "according to".
    var cue: String
    /// The speaker, unresolved.
    var reference: SpeakerReference?
    /// Word index of the cue verb.
    var verbWord: Int
}
