#if canImport(Glibc)
import Glibc
#endif

/// Sorting the many paths and ids of a site (every page's path, every actor's id) as `sorted()` would, faster.
///
/// `String`'s `<` compares in Unicode order, through a call per comparison that checks normalisation; for ASCII
/// strings that order is plain byte order. So when every string is ASCII (as paths and slugs are), their bytes
/// are gathered in one store and compared there with `memcmp`; otherwise they are sorted as strings.
enum StringOrder {
    /// The positions of `strings` in the order `sorted()` puts them (equal strings in either order).
    static func sortedIndices(_ strings: [String]) -> [Int] {
        var store: [UInt8] = []
        store.reserveCapacity(strings.count * 32)
        var spans: [(start: Int, count: Int, index: Int)] = []
        spans.reserveCapacity(strings.count)
        var ascii = true
        for (index, string) in strings.enumerated() {
            var string = string
            let start = store.count
            string.withUTF8 { bytes in
                store.append(contentsOf: bytes)
                if ascii, bytes.contains(where: { $0 >= 0x80 }) { ascii = false }
            }
            spans.append((start, store.count - start, index))
        }
        guard ascii else { return strings.indices.sorted { strings[$0] < strings[$1] } }
        store.withUnsafeBufferPointer { store in
            spans.sort { a, b in
                let common = min(a.count, b.count)
                // Only an empty string has no bytes, and it compares before anything it prefixes.
                let shared = common == 0 ? 0 : memcmp(store.baseAddress! + a.start, store.baseAddress! + b.start, common)
                return shared != 0 ? shared < 0 : a.count < b.count
            }
        }
        return spans.map(\.index)
    }

    /// `strings` as `sorted()` orders them.
    static func sorted(_ strings: [String]) -> [String] {
        sortedIndices(strings).map { strings[$0] }
    }
}
