import Foundation
import QBCheckCommand

// Thin by design: read the process's arguments, run the tool, print, exit.
// Progress goes to standard error only when it is a terminal, so CI logs stay clean.
@Sendable func showProgress(_ progress: RunProgress) {
    FileHandle.standardError.write(Data("\r\u{1B}[K\(progress.line)".utf8))
}
let interactive = isatty(STDERR_FILENO) == 1
let environment = CommandEnvironment.live(
    currentDirectory: FileManager.default.currentDirectoryPath, progress: interactive ? showProgress : nil
) {
    Array(FileHandle.standardInput.readDataToEndOfFile())
}
let result = QBCheckTool.run(Array(CommandLine.arguments.dropFirst()), environment: environment)
if interactive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
// Input errors first, so the summary's "see above" holds in a terminal.
FileHandle.standardError.write(Data(result.standardError.utf8))
FileHandle.standardOutput.write(Data(result.standardOutput.utf8))
exit(result.exitCode)
