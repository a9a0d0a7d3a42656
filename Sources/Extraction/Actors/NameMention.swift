/// How strongly the context says that a name is a person, an organisation or a place.
struct KindEvidence: Sendable {
    var person = 0.0
    var organization = 0.0
    var place = 0.0
    /// Events, awards, laws and works: names that are none of the three.
    var other = 0.0

    static func + (lhs: KindEvidence, rhs: KindEvidence) -> KindEvidence {
        KindEvidence(
            person: lhs.person + rhs.person, organization: lhs.organization + rhs.organization,
            place: lhs.place + rhs.place, other: lhs.other + rhs.other)
    }

    /// The kind the evidence supports, or `.other` when nothing stands out.
    var kind: ActorKind {
        let best = max(person, organization, place)
        guard best >= 2, other < best else { return .other }
        if person == best { return .person }
        return organization >= place ? .organization : .place
    }
}

/// One occurrence of a capitalised name, with what its context says about it.
struct NameMention: Sendable {
    /// Index of the first word of the name (title and honorific excluded).
    var firstWord: Int
    /// Index of the last word of the name.
    var lastWord: Int
    /// Index of the first word of the capitalised run, title included, "The" excluded.
    var runFirst: Int
    /// Scalar span of the name.
    var span: TextSpan
    /// The name as written.
    var name: String
    /// Look-up keys of the name's words (possessive words keep their "'s" when inside the name).
    var tokens: [String]
    /// The capitalised run as written, title included ("President Trump"), when it differs from `name`.
    var surface: String?
    /// Roles and titles seen with this occurrence.
    var roles: [String] = []
    /// Gender an honorific or title implied.
    var gender: Gazetteer.Gender = .unknown
    /// What the context says about the kind.
    var evidence = KindEvidence()
    /// Canonical name from a gazetteer, when the name is a known place or organisation alias.
    var canonical: String?
    /// The name only qualifies a role noun after it ("Middle East envoy"), as an adjective would.
    var isModifier = false

    /// The key of the whole name.
    var key: String { tokens.joined(separator: " ") }

    /// The key of the last word, for surname matching.
    var lastToken: String { tokens.last ?? "" }
}
