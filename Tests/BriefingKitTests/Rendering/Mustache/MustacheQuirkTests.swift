import Foundation
import Testing

@testable import BriefingKit

/// Templates made to hit the corners where swift-mustache's output is not what a reading of the spec alone would
/// give (indentation of sections inside indented partials, CRLF lines, escaping next to combining marks, truthy
/// empty strings, lists shown as text) and the ones the theme leans on (inheritance, partials, dotted names):
/// both renderers must agree byte for byte.
@Suite struct MustacheQuirkTests {
    static let templates: [String: String] = [
        "indent": "<div>\n  {{>partials/list}}\n</div>\n",
        "partials/list": "<ul>\n{{#items}}\n  <li>{{.}}</li>\n{{/items}}\n</ul>\n",
        "nested-partials": "{{#people}}\n  {{>partials/person}}\n{{/people}}\n",
        "partials/person": "<p>\n  {{name}}\n  {{>partials/roles}}\n</p>\n",
        "partials/roles": "{{#roles}}\n<i>{{.}}</i>\n{{/roles}}\n{{^roles}}\nnone\n{{/roles}}\n",
        "escapes": "{{title}}|{{{title}}}|{{&title}}|{{combining}}|{{items}}|{{yes}}|{{none}}|{{nested}}|{{missing}}",
        "truthiness": """
            {{#empty}}E{{/empty}}{{#zero}}Z{{/zero}}{{^none}}N{{/none}}{{#nothing}}X{{/nothing}}{{^nothing}}[{{.}}]{{/nothing}}\
            {{#yes}}Y{{/yes}}{{#nested}}{{inner.value}}{{/nested}}{{#title}}<{{.}}>{{/title}}
            """,
        "dotted": "{{nested.inner.value}} {{#nested}}{{#inner}}{{value}}/{{title}}/{{.value}}/{{.title}}/{{.}}{{/inner}}{{/nested}}",
        "crlf": "a\r\n  {{>partials/crlf}}\r\nb\r\n",
        "partials/crlf": "x\r\n{{#items}}{{.}}\r\n{{/items}}y\r\n",
        "whitespace": "  {{! comment }}  \n{{#yes}}  \n  text\n  {{/yes}}  \nend  {{! x }}\n  {{=<% %>=}}\n<% title %>\n<%={{ }}=%>\n{{#items}}{{.}},{{/items}}\n   ",
        "frame": "<h1>{{$head}}none{{/head}}</h1>\n<main>\n  {{$body}}default{{/body}}\n</main>\n{{$foot}}<footer>{{title}}</footer>{{/foot}}\n",
        "page": "{{<frame}}\n{{$head}}Title: {{title}}{{/head}}\n{{$body}}\n  <p>one</p>\n    <p>two</p>\n  {{#items}}\n  <i>{{.}}</i>\n  {{/items}}\n{{/body}}\n{{/frame}}\n",
        "page-default": "{{<frame}}{{/frame}}",
        "dynamic": "{{>*partialName}}|{{>*missingName}}|",
        "partials/line": "{{title}}\n",
        "pragma": "{{title}}\n{{% CONTENT_TYPE: TEXT }}\n{{title}}\n{{>partials/line}}{{title}}\n",
        "multiline": "<pre>\n    {{>partials/multi}}\n</pre>\n",
        "partials/multi": "{{multi}}\n{{{html}}}\n  {{#items}}{{.}} {{/items}}\n",
    ]

    static let value: TemplateValue = [
        "title": "Tom & Jerry's \"show\" <b>",
        // `"` + combining acute is one Character, which swift-mustache leaves unescaped; so is Arabic number
        // sign + `&`, while the lone `&` after a space is escaped.
        "combining": "\"\u{301}quoted & \u{0600}&x '\u{200D}",
        "items": ["one", "two", "three"],
        "people": [["name": "Ann", "roles": ["a", "b"]], ["name": "Bo", "roles": []]],
        "empty": "",
        "zero": "0",
        "none": false,
        "yes": true,
        "nothing": [],
        "nested": ["inner": ["value": "deep"]],
        "html": "<p>raw</p>\n<p>two</p>",
        "partialName": "partials/line",
        "multi": "line one\nline two",
    ]

    @Test(arguments: templates.keys.sorted())
    func rendersLikeSwiftMustache(_ name: String) async throws {
        let (reference, compiled, folder) = try await Self.renderers()
        defer { folder.remove() }
        let want = try reference.render(name, Self.value)
        let got = try compiled.render(name, Self.value)
        #expect(got == want, "differs at \(MustacheOracleTests.firstDifference(got, want))")
    }

    @Test func sectionsInsideAnIndentedPartialIndentOnlyTheirFirstLine() async throws {
        let (_, compiled, folder) = try await Self.renderers()
        defer { folder.remove() }
        // swift-mustache indents a section's output as one piece, and each item starts a fresh render: the theme's
        // key-point lists come out this way, so we do the same.
        #expect(try compiled.render("indent", Self.value) == "<div>\n  <ul>\n    <li>one</li>\n  <li>two</li>\n  <li>three</li>\n  </ul>\n</div>\n")
    }

    @Test func escapingFollowsSwiftMustacheCharacterByCharacter() async throws {
        let (_, compiled, folder) = try await Self.renderers()
        defer { folder.remove() }
        #expect(try compiled.render("escapes", Self.value) == """
            Tom &amp; Jerry&#39;s &quot;show&quot; &lt;b&gt;|Tom & Jerry's "show" <b>|Tom & Jerry's "show" <b>|\
            "\u{301}quoted &amp; \u{0600}&x '\u{200D}|[&quot;one&quot;, &quot;two&quot;, &quot;three&quot;]|true|false|\
            [&quot;inner&quot;: [&quot;value&quot;: &quot;deep&quot;]]|
            """)
    }

    /// The override's lines take the indentation of the block tag (its first line the tag's own), and the line
    /// break after the block tag stays, so an override ending in a line break leaves an empty line.
    @Test func inheritanceReplacesBlocksAndIndentsOverrides() async throws {
        let (_, compiled, folder) = try await Self.renderers()
        defer { folder.remove() }
        #expect(try compiled.render("page", Self.value) == """
            <h1>Title: Tom &amp; Jerry&#39;s &quot;show&quot; &lt;b&gt;</h1>
            <main>
              <p>one</p>
                <p>two</p>
              <i>one</i>
            <i>two</i>
            <i>three</i>

            </main>
            <footer>Tom &amp; Jerry&#39;s &quot;show&quot; &lt;b&gt;</footer>

            """)
        #expect(try compiled.render("page-default", Self.value) == """
            <h1>none</h1>
            <main>
              default
            </main>
            <footer>Tom &amp; Jerry&#39;s &quot;show&quot; &lt;b&gt;</footer>

            """)
    }

    /// swift-mustache and the compiled renderer over `templates`, written to a temporary theme folder.
    static func renderers() async throws -> (MustacheRenderer, CompiledMustacheRenderer, TempFolder) {
        let folder = try TempFolder("mustache-quirks")
        for (name, text) in templates {
            try folder.write(text, to: name + ".mustache")
        }
        return (try await MustacheRenderer(directory: folder.url), try CompiledMustacheRenderer(directory: folder.url), folder)
    }
}
