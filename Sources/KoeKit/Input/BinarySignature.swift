/// Recognises inputs that are not text — compressed files, spreadsheets, documents, images —
/// so they are refused with advice instead of being classified as garbage.
enum BinarySignature {
    /// What the input is and what to do instead, or nil when it may be text.
    static func refusal(_ sample: UnsafeBufferPointer<UInt8>, utf16: Bool) -> (kind: String, advice: String)? {
        func starts(_ magic: [UInt8]) -> Bool { sample.count >= magic.count && sample.prefix(magic.count).elementsEqual(magic) }
        let exportCSV = "export it as CSV (Excel: 名前を付けて保存 → CSV UTF-8) and read that"
        if starts([0x1F, 0x8B]) { return ("a gzip file", "decompress it first: gunzip -c FILE | koe …") }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) {
            return ("a ZIP archive (an .xlsx workbook is one)", "for a workbook, " + exportCSV + "; for an archive, unzip it first")
        }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return ("an old Excel/Office file (.xls)", exportCSV) }
        if starts(Array("%PDF".utf8)) { return ("a PDF document", "copy its text out, or export the tickets as CSV") }
        if starts(Array("BZh".utf8)) && sample.count > 3 && (0x31...0x39).contains(sample[3]) {
            return ("a bzip2 file", "decompress it first: bunzip2 -c FILE | koe …")
        }
        if starts([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return ("an xz file", "decompress it first: xz -dc FILE | koe …") }
        if starts([0x28, 0xB5, 0x2F, 0xFD]) { return ("a zstd file", "decompress it first: zstd -dc FILE | koe …") }
        if starts(Array("SQLite format 3".utf8) + [0]) { return ("an SQLite database", "export the table as CSV (sqlite3 -csv -header)") }
        if starts([0x89, 0x50, 0x4E, 0x47]) || starts([0xFF, 0xD8, 0xFF]) { return ("an image", "koe reads text, JSON or CSV") }
        // Text (UTF-8, CP932) has no NUL bytes; a few are tolerated as damage, many mean binary.
        if utf16 { return nil }
        let nul = sample.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
        if nul >= 4 && nul * 50 > sample.count {
            return ("binary data (\(nul) NUL bytes in the first \(sample.count))", "koe reads text lines, JSON or CSV/TSV; " + exportCSV)
        }
        // Other control bytes (not tab, line ends, form feed, escape) are as rare in text; in
        // random or compressed data about one byte in ten is one.
        let control = sample.reduce(0) { $0 + (isStrayControl($1) ? 1 : 0) }
        if control >= 8 && control * 50 > sample.count {
            return ("binary data (\(control) control bytes in the first \(sample.count))", "koe reads text lines, JSON or CSV/TSV; " + exportCSV)
        }
        return nil
    }

    /// A control byte that text does not hold: C0 except NUL (counted apart), tab, LF, VT, FF,
    /// CR and ESC; and DEL.
    static func isStrayControl(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x01...0x08, 0x0E...0x1A, 0x1C...0x1F, 0x7F: true
        default: false
        }
    }
}
