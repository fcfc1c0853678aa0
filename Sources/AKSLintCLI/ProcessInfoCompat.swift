import FoundationEssentials

/// Facts about the machine akslint runs on.
enum ProcessInfoCompat {
    /// How many inputs to lint at once.
    static var processorCount: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
