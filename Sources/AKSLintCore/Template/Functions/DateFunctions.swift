/// `dateTimeAdd`, `dateTimeToEpoch` and `dateTimeFromEpoch` over literal timestamps (a base from
/// `utcNow()` stays unresolved, as the clock is the deployment's). Resource Manager counts a
/// year as 365 days and a month as 30 in durations ("Date functions for ARM templates",
/// learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-date).
enum DateFunctions {
    static func call(_ name: String, _ arguments: [JSONNode], meter: Meter) -> FunctionResult? {
        switch name {
        case "datetimeadd":
            guard (2...3).contains(arguments.count), let base = arguments[0].string, let duration = arguments[1].string else {
                return TemplateFunctions.invalid(name, "takes a timestamp, a duration and an optional format")
            }
            guard let seconds = secondsSinceEpoch(base) else { return TemplateFunctions.invalid(name, "needs an ISO 8601 timestamp such as 2026-01-31T12:00:00Z") }
            guard let added = durationSeconds(duration) else { return TemplateFunctions.invalid(name, "needs an ISO 8601 duration such as P1D or -PT8H") }
            let format = arguments.count == 3 ? arguments[2].string : nil
            guard let text = formatted(seconds + added, format: format) else {
                return .unresolved("dateTimeAdd() is evaluated offline for the formats u, s, o and yyyy MM dd HH mm ss patterns only")
            }
            return .value(.string(text))
        case "datetimetoepoch":
            guard arguments.count == 1, let base = arguments[0].string, let seconds = secondsSinceEpoch(base) else {
                return TemplateFunctions.invalid(name, "takes an ISO 8601 timestamp")
            }
            return .value(.number(Double(seconds)))
        case "datetimefromepoch":
            guard arguments.count == 1, let seconds = TemplateValues.integer(arguments[0].value), let text = formatted(seconds, format: nil) else {
                return TemplateFunctions.invalid(name, "takes a whole number of seconds since 1970")
            }
            return .value(.string(text))
        default:
            return nil
        }
    }

    /// `YYYY-MM-DD`, optionally followed by `T` or a space, `HH:MM[:SS]` and `Z` (UTC only: an
    /// offset or fractional seconds are not evaluated).
    static func secondsSinceEpoch(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count, range.allSatisfy({ (48...57).contains(bytes[$0]) }) else { return nil }
            return range.reduce(0) { $0 * 10 + Int(bytes[$1] - 48) }
        }
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let date = CalendarDay(year: year, month: month, day: day) else { return nil }
        var seconds = date.daysSinceEpoch * 86_400
        guard bytes.count > 10 else { return seconds }
        guard bytes.count >= 16, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "), bytes[13] == UInt8(ascii: ":"),
              let hour = number(11..<13), let minute = number(14..<16), hour < 24, minute < 60 else { return nil }
        seconds += hour * 3600 + minute * 60
        var index = 16
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            guard let second = number(17..<19), second < 60 else { return nil }
            seconds += second
            index = 19
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "Z") { index += 1 }
        return index == bytes.count ? seconds : nil
    }

    /// `[-]P[nY][nM][nW][nD][T[nH][nM][nS]]` in seconds (whole numbers only).
    static func durationSeconds(_ text: String) -> Int? {
        var bytes = Substring(text).utf8[...]
        var sign = 1
        if bytes.first == UInt8(ascii: "-") { sign = -1; bytes = bytes.dropFirst() }
        guard bytes.first == UInt8(ascii: "P"), bytes.count > 1 else { return nil }
        bytes = bytes.dropFirst()
        var total = 0
        var inTime = false
        var value: Int? = nil
        for byte in bytes {
            if (48...57).contains(byte) {
                let next = (value ?? 0) * 10 + Int(byte - 48)
                guard next < 1_000_000_000 else { return nil }
                value = next
                continue
            }
            if byte == UInt8(ascii: "T") {
                guard !inTime, value == nil else { return nil }
                inTime = true
                continue
            }
            guard let amount = value else { return nil }
            let unit: Int
            switch (Character(UnicodeScalar(byte)), inTime) {
            case ("Y", false): unit = 365 * 86_400
            case ("M", false): unit = 30 * 86_400
            case ("W", false): unit = 7 * 86_400
            case ("D", false): unit = 86_400
            case ("H", true): unit = 3600
            case ("M", true): unit = 60
            case ("S", true): unit = 1
            default: return nil
            }
            total += amount * unit
            value = nil
        }
        return value == nil ? sign * total : nil
    }

    /// The timestamp in `format`: none gives `yyyy-MM-ddTHH:mm:ssZ`; `u`, `s` and `o` are .NET's
    /// standard formats; otherwise a custom pattern of `yyyy MM dd HH mm ss` and literal text.
    static func formatted(_ seconds: Int, format: String?) -> String? {
        let day = CalendarDay(daysSinceEpoch: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        guard (1...9999).contains(day.year) else { return nil }
        let secondOfDay = seconds - day.daysSinceEpoch * 86_400
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let fields: [String: String] = [
            "yyyy": String(repeating: "0", count: 4 - String(day.year).count) + String(day.year), "MM": two(day.month), "dd": two(day.day),
            "HH": two(secondOfDay / 3600), "mm": two(secondOfDay / 60 % 60), "ss": two(secondOfDay % 60),
        ]
        let pattern: String
        switch format {
        case nil: pattern = "yyyy-MM-ddTHH:mm:ssZ"
        case "u": pattern = "yyyy-MM-dd HH:mm:ssZ"
        case "s": pattern = "yyyy-MM-ddTHH:mm:ss"
        case "o": return fill("yyyy-MM-ddTHH:mm:ss", fields).map { $0 + ".0000000Z" }
        case let custom?: pattern = custom
        }
        return fill(pattern, fields)
    }

    /// A custom pattern filled in; nil when it uses a specifier akslint does not evaluate.
    private static func fill(_ pattern: String, _ fields: [String: String]) -> String? {
        var output = ""
        var rest = Substring(pattern)
        while let first = rest.first {
            if "yMdHhmsfFtKzg'\"\\%".contains(first) {
                // A run of one specifier letter is one field: `yyyy` or `dd`, never `ddd` read as `dd` + `d`.
                let run = rest.prefix { $0 == first }
                guard let field = fields[String(run)] else { return nil }
                output += field
                rest = rest.dropFirst(run.count)
            } else {
                output.append(first)
                rest = rest.dropFirst()
            }
        }
        return output
    }
}
