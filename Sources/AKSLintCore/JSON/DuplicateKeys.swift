/// Duplicate keys: legal JSON, and Azure keeps the last value, but a definition that sets a key
/// twice (often in different case) rarely means to. The parser warns about each, naming where the
/// first one is.
extension JSONScanner {
    /// Warns about keys that repeat (without regard to ASCII case, as Azure compares them), given
    /// each key's ``foldedHash(of:writtenIn:)``: only keys of equal hashes are compared. Objects of
    /// up to 64 keys compare the hashes pairwise; larger ones sort them, so no key is copied and
    /// nothing but one small array is allocated.
    mutating func warnAboutDuplicateKeys(in members: [JSONMember], hashes: ArraySlice<UInt64>) {
        guard members.count > 1 else { return }
        let first = hashes.startIndex
        if members.count <= 64 {
            for later in 1..<members.count {
                let hash = hashes[first + later]
                for earlier in 0..<later where hashes[first + earlier] == hash && members[earlier].key.equalsIgnoringASCIICase(members[later].key) {
                    warnDuplicate(members[later].key, at: Int(members[later].keySpan.start), firstAt: Int(members[earlier].keySpan.start))
                    break
                }
            }
            return
        }
        let byHash = members.indices.map { (hash: hashes[first + $0], index: $0) }.sorted { ($0.hash, $0.index) < ($1.hash, $1.index) }
        var duplicates: [(later: Int, first: Int)] = []
        var runStart = 0
        for position in 1...byHash.count {
            guard position == byHash.count || byHash[position].hash != byHash[runStart].hash else { continue }
            for later in (runStart + 1)..<max(position, runStart + 1) {
                let key = members[byHash[later].index].key
                if let first = byHash[runStart..<later].first(where: { members[$0.index].key.equalsIgnoringASCIICase(key) }) {
                    duplicates.append((byHash[later].index, first.index))
                }
            }
            runStart = position
        }
        for duplicate in duplicates.sorted(by: { $0.later < $1.later }) {
            let later = members[duplicate.later]
            warnDuplicate(later.key, at: Int(later.keySpan.start), firstAt: Int(members[duplicate.first].keySpan.start))
        }
    }

    /// FNV-1a of the key's bytes with ASCII letters folded to lower case. An escape always decodes
    /// to fewer bytes than it is written with, so a key as long as its text (`raw`, between the
    /// quotes) has none, and its bytes are read where they are.
    func foldedHash(of key: String, writtenIn raw: Range<Int>) -> UInt64 {
        if key.utf8.count == raw.count { return Self.foldedHash(UnsafeBufferPointer(rebasing: buffer[raw])) }
        var key = key
        return key.withUTF8 { Self.foldedHash($0) }
    }

    /// A hash of the bytes with ASCII letters folded to lower case, eight bytes at a time (most keys
    /// are one or two words; the last word is read overlapping the one before it, and a key
    /// shorter than eight bytes in two or three overlapping pieces). Only the parser uses it, to
    /// find keys that may be equal: nothing stores it.
    static func foldedHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        let count = bytes.count
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(count)
        guard let base = bytes.baseAddress, count > 0 else { return hash }
        func load64(_ offset: Int) -> UInt64 { UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self) }
        func load32(_ offset: Int) -> UInt64 { UInt64(UnsafeRawPointer(base + offset).loadUnaligned(as: UInt32.self)) }
        var offset = 0
        while count - offset > 8 {
            hash = (hash ^ load64(offset).asciiLowercasedBytes) &* multiplier
            hash ^= hash >> 32
            offset += 8
        }
        let last: UInt64
        if count >= 8 {
            last = load64(count - 8)
        } else if count >= 4 {
            last = load32(0) | load32(count - 4) << 32
        } else {
            last = UInt64(base[0]) | UInt64(base[count / 2]) << 8 | UInt64(base[count - 1]) << 16
        }
        hash = (hash ^ last.asciiLowercasedBytes) &* multiplier
        // The finaliser of MurmurHash3: every bit of the input reaches the low bits a table uses.
        hash ^= hash >> 33
        hash &*= 0xff51_afd7_ed55_8ccd
        return hash ^ hash >> 33
    }

    /// Warns that `key`, at `offset`, repeats the key at `first`.
    mutating func warnDuplicate(_ key: String, at offset: Int, firstAt first: Int) {
        if deferredDuplicates != nil {
            deferredDuplicates?.append(DeferredDuplicate(key: key, offset: offset, first: first))
            return
        }
        duplicateKeys += 1
        guard duplicateKeys <= JSONParser.maximumDuplicateKeyWarnings else { return }
        let firstPosition = lines.position(of: first)
        warnings.append(JSONWarning(
            message: "duplicate key \(ValueDescription.quote(key)) (also at line \(firstPosition.line), column \(firstPosition.column)); the last value wins, as in Azure",
            offset: offset))
    }
}

/// A duplicate key found in a ``ParsedRun``, warned about when the run is taken over (a warning
/// names the line of the first key, and the run does not know the lines before it).
struct DeferredDuplicate: Sendable {
    let key: String
    /// Where the repeated key is, and the first.
    let offset: Int
    let first: Int
}
