#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What akslint reads about its own process and machine, from the C library directly (Foundation
/// is not linked: loading it cost 3 M instructions and 3.4 MiB at every start).
enum ProcessFacts {
    /// How many threads to lint and report on: the processors this process may run on (its CPU
    /// affinity, which a cpuset or `taskset` narrows), no more than its cgroup's CPU quota rounded
    /// up (a container limited to 2 CPUs of a 64-processor host gets 2), and at least 1.
    static let processorCount: Int = {
        var count = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        #if os(Linux)
        // A mask of 1,024 processors, the size of glibc's cpu_set_t.
        var mask = [UInt64](repeating: 0, count: 16)
        if mask.withUnsafeMutableBytes({ glibcSchedGetAffinity(0, $0.count, $0.baseAddress!) }) == 0 {
            let allowed = mask.reduce(0) { $0 + $1.nonzeroBitCount }
            if allowed > 0 { count = allowed }
        }
        if let quota = cgroupCPUQuota() { count = min(count, quota) }
        #endif
        return max(1, count)
    }()

    #if os(Linux)
    /// The CPU quota of the process's cgroup, in whole processors rounded up; nil when unlimited
    /// or unknown. cgroup v2 writes `QUOTA PERIOD` (or `max PERIOD`) in `cpu.max`; v1 has the two
    /// numbers in files of their own, -1 for no quota.
    private static func cgroupCPUQuota() -> Int? {
        func numbers(_ path: String) -> [Int]? {
            guard let bytes = try? FileSystem.read(path, limit: 256) else { return nil }
            return String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" }).map { Int($0) ?? -1 }
        }
        let quota: Int, period: Int
        if let v2 = numbers("/sys/fs/cgroup/cpu.max"), v2.count == 2 {
            (quota, period) = (v2[0], v2[1])
        } else if let v1Quota = numbers("/sys/fs/cgroup/cpu/cpu.cfs_quota_us")?.first, let v1Period = numbers("/sys/fs/cgroup/cpu/cpu.cfs_period_us")?.first {
            (quota, period) = (v1Quota, v1Period)
        } else {
            return nil
        }
        guard quota > 0, period > 0 else { return nil }
        return (quota + period - 1) / period
    }
    #endif

    /// The process's environment variables (the first of a name that repeats).
    static var environment: [String: String] {
        var variables: [String: String] = [:]
        #if canImport(Darwin)
        guard var entry = _NSGetEnviron().pointee else { return [:] }   // no `environ` symbol for Swift there
        #else
        var entry = environ
        #endif
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.utf8.firstIndex(of: UInt8(ascii: "=")) {
                let name = String(text[..<equals])
                if variables[name] == nil { variables[name] = String(text[text.index(after: equals)...]) }
            }
            entry += 1
        }
        return variables
    }

    /// The absolute path of the working directory, or "." when it cannot be read (it was removed).
    static var workingDirectory: String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}

#if os(Linux)
/// glibc's `int sched_getaffinity(pid_t pid, size_t cpusetsize, cpu_set_t *mask)`, declared here
/// because Swift's Glibc module leaves out the GNU extensions of `<sched.h>`.
@_silgen_name("sched_getaffinity")
private func glibcSchedGetAffinity(_ process: Int32, _ maskSize: Int, _ mask: UnsafeMutableRawPointer) -> Int32
#endif
