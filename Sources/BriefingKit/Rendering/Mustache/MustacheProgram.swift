/// Every template of a set compiled for rendering: the node trees laid out in one array of plain values, a node's
/// children right after it, with literal text as UTF-8 in one buffer and names in side tables.
///
/// Rendering walks it by index. A tree of `MustacheNode`s costs a reference count taken and dropped for every
/// node visited and every payload bound, and all the threads rendering pages touch the same nodes; here a
/// visit reads plain values and text is copied straight from the buffer.
final class MustacheProgram: @unchecked Sendable {
    /// One node. Sections, inverted sections and blocks are followed by their children, up to `end`.
    enum Op {
        /// `count` bytes of literal text at `offset` in `text`.
        case text(offset: Int32, count: Int32)
        case variable(path: Int32, escaped: Bool)
        case section(path: Int32, end: Int32)
        case inverted(path: Int32, end: Int32)
        /// A partial or parent tag, by its index in `partials`.
        case partial(Int32)
        /// A block, by its index in `blocks`; its children are the default content.
        case block(Int32, end: Int32)
        case contentType(escapesHTML: Bool)
    }

    /// A tag's name: `keyCount` keys from `firstKey` in `keys`.
    struct Path {
        enum Kind { case current, anchored, climbing }
        var kind: Kind
        var firstKey: Int32
        var keyCount: Int32
    }

    struct Partial {
        enum Target {
            case name(String)
            case dynamic(path: Int32)
        }

        var target: Target
        /// The nodes a fixed name includes, found once the set is compiled; nil for a dynamic name or a
        /// template the set lacks.
        var nodes: Range<Int>?
        var indentation: String?
        /// Block bodies a parent tag gives, by block name.
        var overrides: [String: Range<Int>]
    }

    struct Block {
        var name: String
        var indentation: String
    }

    /// The nodes; read through a pointer so that visiting one copies nothing that is counted.
    let ops: UnsafeBufferPointer<Op>
    /// All literal text.
    let text: UnsafeBufferPointer<UInt8>
    /// The keys of every path.
    let keys: UnsafeBufferPointer<String>
    let paths: UnsafeBufferPointer<Path>
    let partials: [Partial]
    let blocks: [Block]
    /// Each template's nodes.
    let entries: [String: Range<Int>]

    init(_ templates: [String: [MustacheNode]]) {
        var compiler = Compiler()
        var entries: [String: Range<Int>] = [:]
        for (name, nodes) in templates.sorted(by: { $0.key < $1.key }) {
            entries[name] = compiler.emit(nodes)
            // A parent tag's block bodies are laid out after the template's own nodes, each in one piece.
            while let (partial, block, nodes) = compiler.pendingOverrides.popLast() {
                compiler.partials[partial].overrides[block] = compiler.emit(nodes)
            }
        }
        for index in compiler.partials.indices {
            if case .name(let name) = compiler.partials[index].target { compiler.partials[index].nodes = entries[name] }
        }
        ops = Self.copy(compiler.ops)
        text = Self.copy(compiler.text)
        keys = Self.copy(compiler.keys)
        paths = Self.copy(compiler.paths)
        partials = compiler.partials
        blocks = compiler.blocks
        self.entries = entries
    }

    deinit {
        Self.release(ops)
        Self.release(text)
        Self.release(keys)
        Self.release(paths)
    }

    /// `values` in memory of their own, which `release` gives back.
    private static func copy<T>(_ values: [T]) -> UnsafeBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(values.count, 1))
        _ = buffer.initialize(from: values)
        return UnsafeBufferPointer(rebasing: buffer[..<values.count])
    }

    private static func release<T>(_ values: UnsafeBufferPointer<T>) {
        let buffer = UnsafeMutableBufferPointer(mutating: values)
        _ = buffer.deinitialize()
        buffer.baseAddress?.deallocate()
    }

    private struct Compiler {
        var ops: [Op] = []
        var text: [UInt8] = []
        var keys: [String] = []
        var paths: [Path] = []
        var partials: [Partial] = []
        var blocks: [Block] = []
        var pendingOverrides: [(partial: Int, block: String, nodes: [MustacheNode])] = []

        /// Lays `nodes` out at the end of `ops` and returns where they are.
        mutating func emit(_ nodes: [MustacheNode]) -> Range<Int> {
            let start = ops.count
            for node in nodes {
                switch node {
                case .text(let literal):
                    let offset = text.count
                    text += literal.utf8
                    ops.append(.text(offset: Int32(offset), count: Int32(text.count - offset)))
                case .variable(let path, let escaped):
                    ops.append(.variable(path: add(path), escaped: escaped))
                case .section(let path, let children):
                    let at = ops.count
                    ops.append(.contentType(escapesHTML: true))
                    let end = emit(children).upperBound
                    ops[at] = .section(path: add(path), end: Int32(end))
                case .inverted(let path, let children):
                    let at = ops.count
                    ops.append(.contentType(escapesHTML: true))
                    let end = emit(children).upperBound
                    ops[at] = .inverted(path: add(path), end: Int32(end))
                case .partial(let partial):
                    let target: Partial.Target
                    switch partial.target {
                    case .name(let name): target = .name(name)
                    case .dynamic(let path, _): target = .dynamic(path: add(path))
                    }
                    let index = partials.count
                    partials.append(Partial(target: target, nodes: nil, indentation: partial.indentation, overrides: [:]))
                    for (block, body) in (partial.overrides ?? [:]).sorted(by: { $0.key < $1.key }) {
                        pendingOverrides.append((index, block, body))
                    }
                    ops.append(.partial(Int32(index)))
                case .block(let name, let defaultNodes, let indentation):
                    let index = blocks.count
                    blocks.append(Block(name: name, indentation: indentation))
                    let at = ops.count
                    ops.append(.contentType(escapesHTML: true))
                    let end = emit(defaultNodes).upperBound
                    ops[at] = .block(Int32(index), end: Int32(end))
                case .contentType(let escapesHTML):
                    ops.append(.contentType(escapesHTML: escapesHTML))
                }
            }
            return start..<ops.count
        }

        private mutating func add(_ path: MustachePath) -> Int32 {
            let index = Int32(paths.count)
            switch path {
            case .current:
                paths.append(Path(kind: .current, firstKey: 0, keyCount: 0))
            case .anchored(let names):
                paths.append(Path(kind: .anchored, firstKey: Int32(keys.count), keyCount: Int32(names.count)))
                keys += names
            case .climbing(let first, let rest):
                paths.append(Path(kind: .climbing, firstKey: Int32(keys.count), keyCount: Int32(1 + rest.count)))
                keys.append(first)
                keys += rest
            }
            return index
        }
    }
}
