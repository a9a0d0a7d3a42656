/// The site actor of each actor extracted from one article: extracted id → site actor id.
///
/// Kept as pairs sorted by extracted id and found by binary search rather than as a dictionary: a site holds one
/// per article, made once and read a few dozen times, and a rebuild reads every one back from the cache. Read
/// as sorted pairs, a map is one array filled in order, where a dictionary hashed every id into a new table
/// (a twentieth of a rebuild after one article changes).
public struct ActorMap: Hashable, Sendable, ExpressibleByDictionaryLiteral {
    /// An extracted id and its site actor's id.
    public struct Pair: Hashable, Sendable {
        public var local: String
        public var site: String
    }

    /// Ascending by extracted id (`String`'s `<`), each extracted id once.
    public private(set) var pairs: [Pair]

    /// The map `dictionary` gives.
    public init(_ dictionary: [String: String]) {
        pairs = dictionary.map { Pair(local: $0.key, site: $0.value) }.sorted { $0.local < $1.local }
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        // A repeated key traps, as in a dictionary literal.
        self.init(Dictionary(uniqueKeysWithValues: elements))
    }

    /// Pairs already in ascending order of distinct extracted ids (as `pairs` lists them); nil otherwise.
    init?(sorted pairs: [Pair]) {
        for index in pairs.indices.dropFirst() where !(pairs[index - 1].local < pairs[index].local) { return nil }
        self.pairs = pairs
    }

    /// The site actor id of extracted id `local`; nil when the actor was ignored.
    public subscript(local: String) -> String? {
        var (low, high) = (0, pairs.count)
        while low < high {
            let middle = (low + high) / 2
            let key = pairs[middle].local
            if key == local { return pairs[middle].site }
            if key < local { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// How many extracted actors have a site actor.
    public var count: Int { pairs.count }

    /// The site actor ids, in the order of the extracted ids.
    public var values: [String] { pairs.map(\.site) }
}
