import Foundation
import QBCheckCommand

// Thin by design: read the process's arguments, run the tool, print, exit.
// Progress goes to standard error only when it is a terminal, so CI logs stay clean.
@Sendable func showProgress(_ progress: RunProgress) {
    FileHandle.standardError.write(Data("\r\u{1B}[K\(progress.line)".utf8))
}
let interactive = isatty(STDERR_FILENO) == 1
var environment = CommandEnvironment.live(
    currentDirectory: FileManager.default.currentDirectoryPath, progress: interactive ? showProgress : nil
) {
    Array(FileHandle.standardInput.readDataToEndOfFile())
}
let variables = ProcessInfo.processInfo.environment
// QBCHECK_NOW fixes the sync's clock (reproducible runs); QBCHECK_KILL_AT=N stops the process
// with SIGKILL at the sync's N-th durable step (the crash tests).
if let now = variables["QBCHECK_NOW"] { environment.clock = { now } }
if let killAt = variables["QBCHECK_KILL_AT"].flatMap(Int.init) { environment.checkpoint = CheckpointKiller(at: killAt).reached }
environment.emit = { text in FileHandle.standardOutput.write(Data(text.utf8)) }
environment.leaveForExit = ProcessExit.leave
if isatty(STDIN_FILENO) == 1 {
    environment.confirm = { question in
        FileHandle.standardError.write(Data("\(question) [y/N] ".utf8))
        return ["y", "yes"].contains(readLine()?.lowercased() ?? "")
    }
}
let result = QBCheckTool.run(Array(CommandLine.arguments.dropFirst()), environment: environment)
if interactive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
// Input errors first, so the summary's "see above" holds in a terminal.
FileHandle.standardError.write(Data(result.standardError.utf8))
FileHandle.standardOutput.write(Data(result.standardOutput.utf8))
exit(result.exitCode)
