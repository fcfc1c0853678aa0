/// The second half of a large text, parsed on another thread while ``JSONScanner`` parses the
/// first: a fleet export is one file, and its parse would otherwise use one processor.
///
/// A text cannot be cut just anywhere, because what a byte means depends on every byte before it.
/// So the other thread guesses. From the middle on it looks for what is most likely the start of
/// an array element (a `{` after `},`, as between the clusters of an export), parses elements from
/// there to the `]` that closes them, and keeps the run if it covers at least half of the text
/// left after its start; a shorter run was a nested array (a cluster's node pools, say), and it
/// guesses again after it.
///
/// The first scanner, on reaching an element start at or past the middle, waits for the run. It
/// takes it over when it is at an element start exactly where the run starts: then the run's
/// elements are the ones it would have parsed itself, with the same spans, and it goes on after
/// their `]`. It does so only if the nesting and the number of values stay within the limits the
/// whole text has. Otherwise (the guess was inside a string, the text is not valid there, there
/// was no guess) the run is dropped and the scanner parses on by itself, so a text gives the same
/// tree, warnings and errors whether it is split or not.
final class SecondHalf {
    /// No run starts before this offset (the middle of the text).
    let earliestStart: Int
    private let work: WorkerThreads.Spawned<ParsedRun?>

    /// Starts parsing the second half of `buffer` on another thread.
    init(of buffer: UnsafeBufferPointer<UInt8>, maxDepth: Int, file: SourceFileID) {
        let middle = buffer.count / 2
        earliestStart = middle
        let text = SharedText(buffer: buffer)
        work = WorkerThreads.spawn { ParsedRun.guessed(in: text.buffer, from: middle, maxDepth: maxDepth, file: file) }
    }

    /// The run, once it is parsed (this waits for it), or nil when no guess held.
    var run: ParsedRun? { work.join() }

    /// Waits for the other thread (which reads the text) to be done.
    func finish() {
        _ = work.join()
    }

    /// The text, shared with the other thread, which only reads it while the parse that owns it
    /// waits for it (see ``finish()``).
    private struct SharedText: @unchecked Sendable {
        let buffer: UnsafeBufferPointer<UInt8>
    }
}

/// Array elements parsed from the middle of a text (see ``SecondHalf``).
struct ParsedRun: Sendable {
    /// Where the first element starts.
    let start: Int
    let elements: [JSONNode]
    /// The offset of the `]` after the elements.
    let end: Int
    /// The lines that start, and the multi-byte characters, in the run.
    let lines: LineIndex
    let duplicates: [DeferredDuplicate]
    /// How many values the run holds, and how deep they nest below its array.
    let values: Int
    let deepest: Int

    /// Guesses made at most, and the bytes they may parse in all (the text's size): a text made to
    /// defeat every guess costs at most about one more parse of it, on the other thread.
    static let maximumGuesses = 8

    /// The first run found from `offset` on that covers at least half of the text after its start.
    static func guessed(in buffer: UnsafeBufferPointer<UInt8>, from offset: Int, maxDepth: Int, file: SourceFileID) -> ParsedRun? {
        var from = offset
        var budget = buffer.count
        for _ in 0..<maximumGuesses {
            guard let start = likelyElementStart(in: buffer, from: from) else { return nil }
            var scanner = JSONScanner(buffer: buffer, maxDepth: maxDepth, file: file, startingAt: start)
            scanner.deferredDuplicates = []
            let elements = try? scanner.parseElements(ofArrayOpenedAt: start)
            let end = scanner.index
            if let elements, (end - start) * 2 >= buffer.count - start {
                return ParsedRun(
                    start: start, elements: elements, end: end, lines: scanner.lines, duplicates: scanner.deferredDuplicates ?? [],
                    values: scanner.values, deepest: scanner.deepest)
            }
            budget -= end - start
            guard budget > 0 else { return nil }
            from = max(end, start + 1)
        }
        return nil
    }

    /// The offset of the next `{` that follows `}` and `,` (with only whitespace between) from
    /// `offset` on.
    static func likelyElementStart(in buffer: UnsafeBufferPointer<UInt8>, from offset: Int) -> Int? {
        func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
        var comma = offset
        while comma < buffer.count {
            defer { comma += 1 }
            guard buffer[comma] == UInt8(ascii: ",") else { continue }
            var before = comma - 1
            while before >= offset, isWhitespace(buffer[before]) { before -= 1 }
            guard before >= offset, buffer[before] == UInt8(ascii: "}") else { continue }
            var after = comma + 1
            while after < buffer.count, isWhitespace(buffer[after]) { after += 1 }
            if after < buffer.count, buffer[after] == UInt8(ascii: "{") { return after }
        }
        return nil
    }
}

extension JSONScanner {
    /// At an element start at or past the middle of the text: takes over the second half's run
    /// when it starts here, leaving `index` at the `]` after it (see ``SecondHalf``). Returns
    /// whether it did.
    mutating func takeOver(_ secondHalf: SecondHalf) -> Bool {
        guard let run = secondHalf.run, run.start >= index else {
            self.secondHalf = nil   // no run, or this scanner is past it: parse on alone
            return false
        }
        guard run.start == index else { return false }
        self.secondHalf = nil
        guard depth + run.deepest <= maxDepth, values + run.values <= maximumValues else { return false }
        for element in run.elements { openElements.push(element) }
        lines.append(run.lines)
        for duplicate in run.duplicates { warnDuplicate(duplicate.key, at: duplicate.offset, firstAt: duplicate.first) }
        values += run.values
        deepest = max(deepest, depth + run.deepest)
        index = run.end
        return true
    }
}
