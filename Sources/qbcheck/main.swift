import Foundation
import QBCheckCommand

// Thin by design: read the process's arguments, run the tool, print, exit.
let environment = CommandEnvironment.live(currentDirectory: FileManager.default.currentDirectoryPath) {
    Array(FileHandle.standardInput.readDataToEndOfFile())
}
let result = QBCheckTool.run(Array(CommandLine.arguments.dropFirst()), environment: environment)
// Input errors first, so the summary's "see above" holds in a terminal.
FileHandle.standardError.write(Data(result.standardError.utf8))
FileHandle.standardOutput.write(Data(result.standardOutput.utf8))
exit(result.exitCode)
