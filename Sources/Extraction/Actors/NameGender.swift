/// The gender a way of naming someone states.
public enum NameGender: Sendable, Equatable {
    case male, female

    /// The other gender.
    public var opposite: NameGender { self == .male ? .female : .male }

    /// What `name` says of its bearer's gender: a courtesy title in front ("Mrs. Obama", "Mr. Ryan"), else the
    /// given name of a full name that the shipped list marks as male or female ("Hillary Clinton"). Nil when
    /// neither says, or for a bare surname without a title.
    public init?(of name: String) {
        self.init(of: name, gazetteer: .shared)
    }

    init?(of name: String, gazetteer: Gazetteer) {
        let pieces = name.split(separator: " ")
        guard let first = pieces.first else { return nil }
        let cls = gazetteer.wordClass(ActorTokenizer.foldKey(String(first)))
        if let role = cls.role, role.isHonorific, role.gender != .unknown {
            self = role.gender == .male ? .male : .female
            return
        }
        guard pieces.count >= 2, let given = cls.firstNameGender, given != .unknown else { return nil }
        self = given == .male ? .male : .female
    }
}
