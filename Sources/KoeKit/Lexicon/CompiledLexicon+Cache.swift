/// A compiled lexicon as the lexicon cache stores it: every table the matcher, the scorer and
/// the writers read, flat. The source `Lexicon` (declarations, entries, examples) is not
/// stored: it is rebuilt from the files' bytes when something asks for it (report, explain,
/// cluster), so it is always exactly what an uncached load gives.
extension CompiledLexicon {
    struct Stored {
        var keyRefs: KeyTable.Frozen
        var layerOf: [UInt8]
        var roleOf: [RuleRole?]
        var gaps: [[Int32]]
        var partCounts: [Int16]
        var locations: [String]
        var kinds: [HitKind]
        var weights: [Double]
        var patterns: [String]
        var signalIDs: [String]
        var topicIDs: [String]
        var defaultTopic: Int32?
        var json: JSONFragments
        var userWords: UserWordList
        var stopwords: Set<String>
        var aspectJudgements: [Int32: Set<Int32>]
        var problemPhrases: Set<Int32>
    }

    /// The tables, for `LexiconCache`.
    func write(to out: inout CacheWriter) {
        keyRefs.trie.write(to: &out)
        out.int(keyRefs.keyCount)
        out.array(Array(UnsafeBufferPointer(start: keyRefs.slots.pointer, count: keyRefs.slots.count)))
        out.int(Int(keyRefs.wholeOnly))
        out.int(Int(keyRefs.laterOnly))
        out.array(layerOf)
        out.array(roleOf.map { role in role.map { UInt8(RuleRole.allCases.firstIndex(of: $0)!) } ?? .max })
        out.nested(gaps)
        out.array(partCounts)
        out.strings(locations)
        writeKinds(to: &out)
        out.array(weights)
        out.strings(patterns)
        out.strings(signalIDs)
        out.strings(topicIDs)
        out.int(defaultTopic.map(Int.init) ?? -1)
        for table in [json.entry, json.pattern, json.signal, json.topic] { table.write(to: &out) }
        userWords.write(to: &out)
        out.strings(stopwords.sorted())
        let restricted = aspectJudgements.keys.sorted()
        out.array(restricted)
        out.nested(restricted.map { aspectJudgements[$0]!.sorted() })
        out.array(problemPhrases.sorted())
    }

    /// Each entry's `HitKind` as a tag, an index (signal, topic, family or role) and a value.
    private func writeKinds(to out: inout CacheWriter) {
        var tags: [UInt8] = [], indices: [Int32] = [], families: [UInt8] = [], values: [Double] = []
        for kind in kinds {
            switch kind {
            case let .polarity(sign): tags.append(0); indices.append(0); families.append(0); values.append(sign)
            case let .signal(k, family):
                tags.append(1); indices.append(k); families.append(UInt8(SignalFamily.allCases.firstIndex(of: family)!)); values.append(0)
            case let .topic(k): tags.append(2); indices.append(k); families.append(0); values.append(0)
            case let .rule(role):
                tags.append(3); indices.append(Int32(RuleRole.allCases.firstIndex(of: role)!)); families.append(0); values.append(0)
            case let .aspect(k, family):
                tags.append(4); indices.append(k); families.append(UInt8(SignalFamily.allCases.firstIndex(of: family)!)); values.append(0)
            }
        }
        out.array(tags)
        out.array(indices)
        out.array(families)
        out.array(values)
    }

    private static func readKinds(from input: inout CacheReader) throws -> [HitKind] {
        let tags: [UInt8] = try input.array(), indices: [Int32] = try input.array()
        let families: [UInt8] = try input.array(), values: [Double] = try input.array()
        guard indices.count == tags.count, families.count == tags.count, values.count == tags.count else {
            throw CacheFormatError(description: "bad entry kinds")
        }
        let familyCases = SignalFamily.allCases, roles = RuleRole.allCases
        return try tags.indices.map { i in
            switch tags[i] {
            case 0: return .polarity(values[i])
            case 1 where Int(families[i]) < familyCases.count: return .signal(indices[i], familyCases[Int(families[i])])
            case 2: return .topic(indices[i])
            case 3 where indices[i] >= 0 && Int(indices[i]) < roles.count: return .rule(roles[Int(indices[i])])
            case 4 where Int(families[i]) < familyCases.count: return .aspect(indices[i], familyCases[Int(families[i])])
            default: throw CacheFormatError(description: "bad entry kind")
            }
        }
    }

    /// What `write` stored; throws when it does not hold together.
    static func read(from input: inout CacheReader) throws -> Stored {
        let trie = try UTF16Trie(reading: &input)
        let keyCount = try input.int()
        let slots: [KeyRef] = try input.array()
        let wholeOnly = try input.int(), laterOnly = try input.int()
        // The slots must be key headers each followed by its refs, `keyCount` keys in all,
        // with the class boundaries on headers.
        var refsOK = true, keys = 0, at = 0, largestEntry: Int32 = -1, sawWholeOnly = false, sawLaterOnly = false
        slots.withUnsafeBufferPointer { buffer in
            while at < buffer.count {
                if at == wholeOnly { sawWholeOnly = true }
                if at == laterOnly { sawLaterOnly = true }
                let head = buffer[at]
                guard head.entry >= 0, at + 1 + Int(head.entry) + Int(head.bits & 0x3FFF) + Int(head.bits >> 16) <= buffer.count
                else { refsOK = false; return }
                let k = KeyTable.Info(at: Int32(at), in: buffer.baseAddress!)
                for i in Int(k.start)..<Int(k.end) {
                    let e = buffer[i].entry
                    if e < 0 { refsOK = false }
                    largestEntry = max(largestEntry, e)
                }
                keys += 1
                at = Int(k.end)
            }
        }
        guard refsOK, keys == keyCount, sawWholeOnly || wholeOnly == slots.count, sawLaterOnly || laterOnly == slots.count,
            wholeOnly <= laterOnly
        else { throw CacheFormatError(description: "bad key table") }
        let keyRefs = KeyTable.Frozen(
            trie: trie, keyCount: keyCount, slots: FrozenArray(slots), wholeOnly: Int32(wholeOnly),
            laterOnly: Int32(laterOnly))
        let layerOf: [UInt8] = try input.array()
        let roles = RuleRole.allCases
        let roleOf = try (input.array() as [UInt8]).map { n -> RuleRole? in
            guard n != .max else { return nil }
            guard Int(n) < roles.count else { throw CacheFormatError(description: "bad rule role") }
            return roles[Int(n)]
        }
        let gaps: [[Int32]] = try input.nested()
        let partCounts: [Int16] = try input.array()
        let locations = try input.strings()
        let kinds = try readKinds(from: &input)
        let weights: [Double] = try input.array()
        let patterns = try input.strings()
        let signalIDs = try input.strings(), topicIDs = try input.strings()
        let defaultTopic = try input.int()
        let n = layerOf.count
        guard [roleOf.count, gaps.count, partCounts.count, locations.count, kinds.count, weights.count, patterns.count]
            .allSatisfy({ $0 == n }),
            Int(largestEntry) < n,
            (-1..<topicIDs.count).contains(defaultTopic),
            kinds.allSatisfy({ kind in
                switch kind {
                case let .signal(k, _), let .aspect(k, _): k >= 0 && Int(k) < signalIDs.count
                case let .topic(k): k >= 0 && Int(k) < topicIDs.count
                case .polarity, .rule: true
                }
            })
        else { throw CacheFormatError(description: "bad entry tables") }
        var tables: [ByteTable] = []
        for _ in 0..<4 { tables.append(try ByteTable(bytes: input.array(), start: input.array())) }
        guard tables[0].count == n, tables[1].count == n, tables[2].count == signalIDs.count, tables[3].count == topicIDs.count + 1
        else { throw CacheFormatError(description: "bad JSON tables") }
        let userWords = try UserWordList(reading: &input)
        let stopwords = Set(try input.strings())
        let restricted: [Int32] = try input.array(), judges: [[Int32]] = try input.nested()
        guard judges.count == restricted.count, Set(restricted).count == restricted.count,
            restricted.allSatisfy({ e in
                guard e >= 0, Int(e) < n, case .aspect = kinds[Int(e)] else { return false }
                return true
            }),
            judges.allSatisfy({ $0.allSatisfy { e in e >= 0 && Int(e) < n } })
        else { throw CacheFormatError(description: "bad aspect judgements") }
        let problems: [Int32] = try input.array()
        guard problems.allSatisfy({ $0 >= 0 && Int($0) < n }) else { throw CacheFormatError(description: "bad problem phrases") }
        return Stored(
            keyRefs: keyRefs, layerOf: layerOf, roleOf: roleOf, gaps: gaps, partCounts: partCounts, locations: locations,
            kinds: kinds, weights: weights, patterns: patterns, signalIDs: signalIDs, topicIDs: topicIDs,
            defaultTopic: defaultTopic < 0 ? nil : Int32(defaultTopic),
            json: JSONFragments(entry: tables[0], pattern: tables[1], signal: tables[2], topic: tables[3]),
            userWords: userWords, stopwords: stopwords,
            aspectJudgements: Dictionary(uniqueKeysWithValues: zip(restricted, judges.map { Set($0) })),
            problemPhrases: Set(problems))
    }
}
