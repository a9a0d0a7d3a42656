/// URL- and file-safe identifiers made from names.
public enum Slug {
    /// Lower-case ASCII letters and digits joined by single hyphens ("Donald J. Trump" → "donald-j-trump").
    /// Latin letters with diacritics lose them ("Zelenskyy Łukasz" → "zelenskyy-lukasz"); letters of other
    /// scripts are kept as hex so that distinct names stay distinct.
    public static func make(_ name: String) -> String {
        // ASCII names (nearly all) give a slug no longer than themselves, built in place; short ones need no
        // allocation at all.
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            let slug = String(unsafeUninitializedCapacity: name.utf8.count) { buffer in
                var n = 0
                var pendingHyphen = false
                for b in name.utf8 {
                    if b &- 0x30 < 10 || b &- 0x61 < 26 || b &- 0x41 < 26 {
                        if pendingHyphen {
                            buffer[n] = 0x2D
                            n += 1
                            pendingHyphen = false
                        }
                        buffer[n] = b &- 0x41 < 26 ? b + 32 : b
                        n += 1
                    } else if b != 0x27 {
                        pendingHyphen = n > 0
                    }
                }
                return n
            }
            return slug.isEmpty ? "untitled" : slug
        }
        var out: [UInt8] = []
        out.reserveCapacity(name.utf8.count)
        var pendingHyphen = false
        for scalar in name.unicodeScalars {
            let v = scalar.value
            // ASCII letters and digits (nearly every name) need no look-up; `fold` settles the rest.
            if v < 0x80, v &- 0x30 < 10 || v &- 0x61 < 26 || v &- 0x41 < 26 {
                if pendingHyphen { out.append(0x2D); pendingHyphen = false }
                out.append(UInt8(truncatingIfNeeded: v &- 0x41 < 26 ? v + 32 : v))
                continue
            }
            let folded = v < 0x80 ? "" : fold(scalar)
            if folded.isEmpty {
                // Apostrophes join ("King's" → "kings"); everything else separates.
                if scalar != "'" && scalar != "\u{2019}" { pendingHyphen = !out.isEmpty }
                continue
            }
            if pendingHyphen { out.append(0x2D); pendingHyphen = false }
            out.append(contentsOf: folded.utf8)
        }
        return out.isEmpty ? "untitled" : String(decoding: out, as: UTF8.self)
    }

    private static func fold(_ scalar: Unicode.Scalar) -> String {
        let v = scalar.value
        switch v {
        case 0x30...0x39, 0x61...0x7A: return String(Character(scalar))
        case 0x41...0x5A: return String(Character(Unicode.Scalar(UInt8(v + 32))))
        case 0xC0...0x17F:
            let index = Int(v - 0xC0)
            let mapped = latinFolding[index]
            if mapped == "_" { return "" }
            if mapped == "S" { return "ss" }
            if mapped == "A" { return "ae" }
            if mapped == "O" { return "oe" }
            return String(mapped)
        default:
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                return "u" + String(v, radix: 16)
            }
            return ""
        }
    }

    /// ASCII fold of U+00C0…U+017F; "_" drops the scalar, capitals stand for digraphs (S = ss, A = ae, O = oe).
    private static let latinFolding: [Character] = Array(
        "aaaaaaAceeeeiiiidnooooo_ouuuuytSaaaaaaAceeeeiiiidnooooo_ouuuuyty"
            + "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllll"
            + "nnnnnnnnnooooooOOrrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs")
}
