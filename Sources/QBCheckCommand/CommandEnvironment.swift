import QBCheckCore

/// Everything a command touches outside itself, as a value: tests run commands in memory.
public struct CommandEnvironment: Sendable {
    public var fileSystem: FileSystem
    public var readStandardInput: @Sendable () -> [UInt8]
    public var currentDirectory: String

    public init(fileSystem: FileSystem, readStandardInput: @escaping @Sendable () -> [UInt8], currentDirectory: String) {
        self.fileSystem = fileSystem
        self.readStandardInput = readStandardInput
        self.currentDirectory = currentDirectory
    }
}

/// What a command printed and how it ended.
public struct CommandResult: Sendable, Equatable {
    public var exitCode: Int32
    public var standardOutput: String
    public var standardError: String
}
