import Foundation

/// A page's UTF-8 bytes as they are rendered: one allocation that grows by doubling and is handed over as the
/// page's `Data` without a copy. Only valid UTF-8 goes in (template text, strings, whole escapes), so the bytes
/// need no checking at the end.
final class PageBuffer {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Bytes written.
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        start = Self.allocate(self.capacity)
    }

    deinit {
        free(start)
    }

    private static func allocate(_ count: Int) -> UnsafeMutablePointer<UInt8> {
        guard let memory = malloc(count) else { fatalError("out of memory for a page of \(count) bytes") }
        return memory.bindMemory(to: UInt8.self, capacity: count)
    }

    /// Room for `extra` more bytes.
    @inline(__always)
    private func reserve(_ extra: Int) {
        if count + extra > capacity { grow(count + extra) }
    }

    private func grow(_ needed: Int) {
        var size = capacity
        while size < needed { size *= 2 }
        guard let moved = realloc(start, size) else { fatalError("out of memory for a page of \(size) bytes") }
        start = moved.bindMemory(to: UInt8.self, capacity: size)
        capacity = size
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (start + count).initialize(from: base, count: bytes.count)
        count += bytes.count
    }

    func append(_ text: String) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { append($0) }
        if done == nil {
            var copy = text
            copy.withUTF8 { append($0) }
        }
    }

    /// Lets `body` write up to `maximum` bytes after the last one; it returns how many it wrote.
    func write(atMost maximum: Int, _ body: (UnsafeMutableBufferPointer<UInt8>) -> Int) {
        reserve(maximum)
        let written = body(UnsafeMutableBufferPointer(start: start + count, count: maximum))
        precondition(written >= 0 && written <= maximum, "wrote \(written) of at most \(maximum) bytes")
        count += written
    }

    /// Puts `text` at byte `offset`, moving what follows.
    func insert(_ text: String, at offset: Int) {
        precondition(offset >= 0 && offset <= count, "insertion outside the page")
        var copy = text
        copy.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
            reserve(bytes.count)
            memmove(start + offset + bytes.count, start + offset, count - offset)
            memcpy(start + offset, base, bytes.count)
            count += bytes.count
        }
    }

    /// Drops the bytes after the first `newCount`.
    func truncate(to newCount: Int) {
        precondition(newCount >= 0 && newCount <= count, "truncation outside the page")
        count = newCount
    }

    /// The byte at `offset`.
    subscript(offset: Int) -> UInt8 {
        precondition(offset >= 0 && offset < count, "read outside the page")
        return start[offset]
    }

    /// The bytes as `Data`, which takes the allocation over; the buffer is empty afterwards.
    func takeData() -> Data {
        let data = Data(bytesNoCopy: start, count: count, deallocator: .free)
        capacity = 16
        start = Self.allocate(capacity)
        count = 0
        return data
    }

    /// The bytes as text.
    var string: String {
        String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    }
}
