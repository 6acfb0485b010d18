/// A GitHub Flavored Markdown pipe table, read from a paragraph's raw lines as the GFM spec
/// (section "Tables") reads them: a header row, a delimiter row with as many cells, then body
/// rows to the end of the paragraph. Cells are split at unescaped `|` before any inline is
/// parsed, so `\|` puts a pipe in a cell, even inside code. Lines before the header row stay
/// a paragraph.
struct PipeTable: Equatable {
    enum Alignment: String, Equatable {
        case none, left, center, right
    }

    /// A cell's Markdown, with `\|` unescaped and the column (0-based, in its line) it starts at.
    struct Cell: Equatable {
        var text: String
        var column: Int
    }

    var alignments: [Alignment]
    var header: [Cell]
    /// Each row has exactly `alignments.count` cells: missing ones are empty, extra ones dropped.
    var rows: [[Cell]]
    /// Lines before the header row, which stay a paragraph; the header is line `leadingLines`.
    var leadingLines: Int

    /// The table in `lines`, if one starts on any line that is followed by a delimiter row with
    /// as many cells as it has.
    static func parse(_ lines: [Substring]) -> PipeTable? {
        guard lines.count >= 2 else { return nil }
        for index in 0..<(lines.count - 1) {
            guard let alignments = delimiterRow(lines[index + 1]) else { continue }
            let header = cells(lines[index])
            guard header.count == alignments.count else { return nil }
            let rows = lines[(index + 2)...].map { line in
                var row = Array(cells(line).prefix(alignments.count))
                while row.count < alignments.count { row.append(Cell(text: "", column: line.count)) }
                return row
            }
            return PipeTable(alignments: alignments, header: header, rows: rows, leadingLines: index)
        }
        return nil
    }

    /// The alignments of a delimiter row (`| :-- | --: |`), or `nil` when `line` is not one.
    static func delimiterRow(_ line: Substring) -> [Alignment]? {
        guard line.contains("-"), line.allSatisfy({ "|:- \t".contains($0) }) else { return nil }
        var alignments: [Alignment] = []
        for cell in cells(line) {
            let text = cell.text
            guard text.contains("-"), text.dropFirst().dropLast().allSatisfy({ $0 == "-" }) else { return nil }
            switch (text.hasPrefix(":"), text.hasSuffix(":")) {
            case (true, true): alignments.append(.center)
            case (true, false): alignments.append(.left)
            case (false, true): alignments.append(.right)
            case (false, false): alignments.append(.none)
            }
        }
        return alignments.isEmpty ? nil : alignments
    }

    /// A row's cells: split at unescaped pipes, the leading and trailing pipe optional, each
    /// cell trimmed and its `\|` unescaped.
    static func cells(_ line: Substring) -> [Cell] {
        let bytes = Array(line.utf8)
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        if start < end, bytes[start] == UInt8(ascii: "|") { start += 1 }
        if end > start, bytes[end - 1] == UInt8(ascii: "|"), !isEscaped(bytes, end - 1) { end -= 1 }
        var cells: [Cell] = []
        var cellStart = start
        var index = start
        while index <= end {
            if index == end || (bytes[index] == UInt8(ascii: "|") && !isEscaped(bytes, index)) {
                cells.append(cell(bytes[cellStart..<index], at: cellStart))
                cellStart = index + 1
            }
            index += 1
        }
        return cells
    }

    private static func cell(_ bytes: ArraySlice<UInt8>, at offset: Int) -> Cell {
        var slice = bytes
        var column = offset
        while let first = slice.first, first == 0x20 || first == 0x09 {
            slice = slice.dropFirst()
            column += 1
        }
        while let last = slice.last, last == 0x20 || last == 0x09 { slice = slice.dropLast() }
        let text = String(decoding: slice, as: UTF8.self).replacingOccurrences(of: "\\|", with: "|")
        return Cell(text: text, column: column)
    }

    /// Whether the byte at `index` follows an odd number of backslashes.
    private static func isEscaped(_ bytes: [UInt8], _ index: Int) -> Bool {
        var backslashes = 0
        var position = index - 1
        while position >= 0, bytes[position] == UInt8(ascii: "\\") {
            backslashes += 1
            position -= 1
        }
        return backslashes % 2 == 1
    }
}
