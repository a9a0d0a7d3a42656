import Extraction

/// `Content/actors.yml`: the analyst's corrections to extracted actors.
///
/// ```yaml
/// actors:
///   - name: Donald Trump          # canonical name, and the page title
///     aliases: [Trump, "Donald J. Trump"]   # other names that mean this actor (merge, rename)
///     kind: person                 # person, organization, place or other
///     roles: [President]
///     description: Short note shown on the actor's page.
///     url: https://en.wikipedia.org/wiki/Donald_Trump
/// ignore: [Story, Advertisement]   # names that are never actors
/// ```
public struct ActorRegistry: Hashable, Sendable {
    /// One actor the analyst describes.
    public struct Entry: Hashable, Sendable {
        /// Canonical name.
        public var name: String
        /// Other names merged into this one.
        public var aliases: [String]
        /// Kind that overrides extraction.
        public var kind: ActorKind?
        /// Roles added to the extracted ones.
        public var roles: [String]
        /// Analyst's note.
        public var description: String?
        /// Reference link.
        public var url: String?
    }

    /// The entries, in file order.
    public var entries: [Entry]
    /// Names that are never actors, compared case-insensitively.
    public var ignored: Set<String>

    /// An empty registry.
    public init(entries: [Entry] = [], ignored: Set<String> = []) {
        self.entries = entries
        self.ignored = ignored
    }

    /// The entry whose name or alias is `name`, case- and punctuation-insensitively.
    public func entry(for name: String) -> Entry? {
        let key = NameKey.make(name)
        return entries.first { NameKey.make($0.name) == key || $0.aliases.contains { NameKey.make($0) == key } }
    }

    /// Parses the YAML text of `actors.yml`.
    static func parse(_ yaml: String, file: String) throws(BuildError) -> ActorRegistry {
        let fields = try FrontMatter.parseMapping(yaml, file: file, firstLine: 1)
        var registry = ActorRegistry()
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
            switch key {
            case "ignore":
                registry.ignored = Set(try value.strings(key).map(NameKey.make))
            case "actors":
                for item in try value.items(key) {
                    registry.entries.append(try entry(item))
                }
            default:
                throw BuildError(stage: "load", location: value.location, message: "unknown section '\(key)'", hint: "actors.yml has 'actors:' and 'ignore:'")
            }
        }
        return registry
    }

    private static func entry(_ item: FrontMatterValue) throws(BuildError) -> Entry {
        var entry = Entry(name: "", aliases: [], kind: nil, roles: [], description: nil, url: nil)
        for (key, value) in try item.entries("actors") {
            switch key {
            case "name": entry.name = try value.string(key)?.trimmed ?? ""
            case "aliases": entry.aliases = try value.strings(key)
            case "roles": entry.roles = try value.strings(key)
            case "description": entry.description = try value.string(key)
            case "kind":
                let text = try value.string(key) ?? ""
                guard let kind = ActorKind(rawValue: text.lowercased()) else {
                    throw BuildError(stage: "load", location: value.location, message: "unknown kind '\(text)'", hint: "use person, organization, place or other")
                }
                entry.kind = kind
            case "url":
                let url = try value.string(key) ?? ""
                guard URLPolicy.isAllowedLink(url) else {
                    throw BuildError(stage: "load", location: value.location, message: "url must be http, https, mailto or relative, got '\(url)'")
                }
                entry.url = url
            default:
                throw BuildError(
                    stage: "load", location: value.location, message: "unknown actor field '\(key)'",
                    hint: "an actor has name, aliases, kind, roles, description and url")
            }
        }
        if entry.name.isEmpty {
            throw BuildError(stage: "load", location: item.location, message: "an actor entry needs a name")
        }
        return entry
    }
}

/// Case-, punctuation- and space-insensitive key for comparing names ("Donald J. Trump" ≈ "donald j trump").
public enum NameKey {
    /// The comparison key of `name`.
    public static func make(_ name: String) -> String {
        if let ascii = makeASCII(name) { return ascii }
        var key = ""
        var space = false
        for scalar in name.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || (scalar.value >= 0x30 && scalar.value <= 0x39) {
                if space && !key.isEmpty { key += " " }
                space = false
                key.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "\u{2019}" || scalar == "." {
                continue
            } else {
                space = true
            }
        }
        return key
    }

    /// The same key for an all-ASCII name, written straight into the string; nil when the name has other
    /// characters. A space stands for at least one byte dropped, so the key is never longer than the name.
    private static func makeASCII(_ name: String) -> String? {
        var name = name
        return name.withUTF8 { bytes -> String? in
            for byte in bytes where byte >= 0x80 { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { key in
                var count = 0
                var space = false
                for byte in bytes {
                    switch byte {
                    case 0x41...0x5A, 0x61...0x7A, 0x30...0x39:
                        if space && count > 0 {
                            key[count] = 0x20
                            count += 1
                        }
                        space = false
                        key[count] = byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
                        count += 1
                    case 0x27, 0x2E:  // ' and . join
                        continue
                    default:
                        space = true
                    }
                }
                return count
            }
        }
    }
}
