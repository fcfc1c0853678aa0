@testable import AKSLintCLI
import Glibc
import Testing

@Suite("What akslint reads about its process")
struct ProcessFactsTests {
    @Test("the environment holds every variable, a value may hold '=' and be empty")
    func environment() {
        setenv("AKSLINT_TEST_VARIABLE", "a=b=c", 1)
        setenv("AKSLINT_TEST_EMPTY", "", 1)
        defer {
            unsetenv("AKSLINT_TEST_VARIABLE")
            unsetenv("AKSLINT_TEST_EMPTY")
        }
        let variables = ProcessFacts.environment
        #expect(variables["AKSLINT_TEST_VARIABLE"] == "a=b=c")
        #expect(variables["AKSLINT_TEST_EMPTY"] == "")
        #expect(variables["PATH"] == getenv("PATH").map { String(cString: $0) })
    }

    @Test("the processors used are at least one and no more than are online")
    func processors() {
        #expect(ProcessFacts.processorCount >= 1)
        #expect(ProcessFacts.processorCount <= Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }

    @Test("the working directory is the absolute path getcwd gives")
    func workingDirectory() {
        let directory = ProcessFacts.workingDirectory
        #expect(directory.hasPrefix("/"))
        var buffer = [CChar](repeating: 0, count: 4097)
        #expect(directory == String(cString: getcwd(&buffer, buffer.count)))
    }
}
