import Foundation
import Testing

@testable import BriefingKit

/// The official Mustache spec (`../shared/mustache-spec/*.json`, lambdas left out), read at run time: every case's
/// `data` becomes a `TemplateValue`, its `partials` templates beside it, and the render must equal `expected`.
@Suite struct MustacheSpecTests {
    @Test(arguments: MustacheSpecCase.all)
    func specCase(_ spec: MustacheSpecCase) throws {
        var sources = spec.partials
        sources[MustacheSpecCase.templateName] = spec.template
        let renderer = try CompiledMustacheRenderer(sources: sources, reportsMissingPartials: false)
        let output = try renderer.render(MustacheSpecCase.templateName, spec.data)
        #expect(output == spec.expected, "\(spec.description)")
    }

    @Test func everyCaseOfEverySpecFileIsRead() {
        let counts = Dictionary(grouping: MustacheSpecCase.all, by: \.file).mapValues(\.count)
        #expect(counts == [
            "comments": 12, "delimiters": 14, "interpolation": 42, "inverted": 22, "partials": 12, "sections": 34,
            "~dynamic-names": 21, "~inheritance": 27,
        ])
        #expect(MustacheSpecCase.all.count == 184)
    }
}

/// One test of the spec.
struct MustacheSpecCase: Sendable, CustomTestStringConvertible, CustomStringConvertible {
    static let templateName = "__spec_template__"

    let file: String
    let name: String
    let desc: String
    let data: TemplateValue
    let template: String
    let partials: [String: String]
    let expected: String

    var testDescription: String { "\(file): \(name)" }
    var description: String { "\(file): \(name) — \(desc)" }

    static let folder = RepoPaths.shared.appendingPathComponent("mustache-spec")

    /// Every case of every spec file but the lambdas', in file order.
    static let all: [MustacheSpecCase] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.contains("lambdas") }.sorted().flatMap { name in
            load(folder.appendingPathComponent(name))
        }
    }()

    private struct File: Decodable {
        struct Test: Decodable {
            let name: String
            let desc: String
            let data: JSONValue
            let template: String
            let partials: [String: String]?
            let expected: String
        }
        let tests: [Test]
    }

    private static func load(_ url: URL) -> [MustacheSpecCase] {
        guard let data = try? Data(contentsOf: url), let file = try? JSONDecoder().decode(File.self, from: data) else { return [] }
        let stem = url.deletingPathExtension().lastPathComponent
        return file.tests.map { test in
            MustacheSpecCase(
                file: stem, name: test.name, desc: test.desc, data: test.data.templateValue ?? .object([:]),
                template: test.template, partials: test.partials ?? [:], expected: test.expected)
        }
    }
}

/// A JSON value as the spec writes data, turned into what a view model can hold: numbers become the text the spec
/// expects (`85`, `1.21`), and null becomes an absent key (it renders as nothing and is falsey, as the spec wants).
enum JSONValue: Decodable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    var templateValue: TemplateValue? {
        switch self {
        case .null: return nil
        case .bool(let value): return .bool(value)
        case .int(let value): return .string(String(value))
        case .double(let value): return .string(String(value))
        case .string(let value): return .string(value)
        case .array(let items): return .list(items.map { $0.templateValue ?? .bool(false) })
        case .object(let fields):
            return .object(TemplateObject(fields.keys.sorted().compactMap { key in fields[key]?.templateValue.map { (key, $0) } }))
        }
    }
}
