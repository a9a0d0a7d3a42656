import Synchronization

/// Text kept as UTF-8 and made a string on first use. A build reads back every cached article's body but
/// shows only those whose pages it renders again, and making a string checks every byte of it.
final class DeferredText: Hashable, Sendable {
    private let utf8: ByteSlice
    private let made: Mutex<String?>

    /// Text that is a string already.
    init(_ string: String) {
        utf8 = .empty
        made = Mutex(string)
    }

    /// Text made from `utf8` when first read (invalid sequences become U+FFFD, as `String(decoding:as:)` does).
    init(utf8: ByteSlice) {
        self.utf8 = utf8
        made = Mutex(nil)
    }

    var string: String {
        made.withLock { made in
            if let made { return made }
            let string = utf8.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
            made = string
            return string
        }
    }

    /// Runs `body` with the text's UTF-8, without making a string when there is none yet.
    func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if var string = made.withLock({ $0 }) { return string.withUTF8(body) }
        return utf8.withUnsafeBufferPointer(body)
    }

    static func == (lhs: DeferredText, rhs: DeferredText) -> Bool {
        lhs === rhs || lhs.string == rhs.string
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(string)
    }
}
