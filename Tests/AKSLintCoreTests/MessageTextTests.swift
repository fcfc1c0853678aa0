@testable import AKSLintCore
import Testing

/// Messages are made by MessageText's own interpolation, which must say what a String's would.
@Suite("Message text")
struct MessageTextTests {
    @Test("an interpolated message has the text a String interpolation of it has")
    func interpolation() throws {
        let day = try #require(CalendarDay(year: 2026, month: 3, day: 7))
        let name = "pool \"np1\" — système"
        let count = 398
        let message: MessageText = "Node \(name) ran \(count) days past \(day), on \(1.5) cores\(""). Done."
        #expect(message.text == "Node \(name) ran \(count) days past \(day), on \(1.5) cores\(""). Done.")
        #expect(MessageText("as written").text == "as written")
        let literal: MessageText = "no interpolation"
        #expect(literal.text == "no interpolation")
    }

    @Test("a day is written with four, two and two digits")
    func dayDescription() throws {
        let days = [(2026, 1, 5, "2026-01-05"), (1999, 12, 31, "1999-12-31"), (1900, 10, 1, "1900-10-01"), (9999, 2, 28, "9999-02-28")]
        for (year, month, day, text) in days {
            #expect(try #require(CalendarDay(year: year, month: month, day: day)).description == text)
        }
    }

    @Test("text pieces appended as bytes keep every character")
    func textBuilder() {
        var text = TextBuilder(capacity: 2)
        for piece in ["", "a", "é", "🙂", String(repeating: "x", count: 300)] { text.append(piece) }
        #expect(text.text == "aé🙂" + String(repeating: "x", count: 300))
        #expect(text.byteCount == text.text.utf8.count)
    }
}
