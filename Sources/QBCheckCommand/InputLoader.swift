import QBCheckCore

/// Turns the command line's inputs into source files: files, `-` for standard input, and
/// folders walked recursively for `*.json` and `*.ndjson` in a deterministic (sorted) order.
struct InputLoader {
    var environment: CommandEnvironment

    /// Folders nested deeper than this are not walked (a symlink loop ends here).
    static let maxFolderDepth = 32

    func load(_ inputs: [String]) -> (files: [SourceFile], errors: [InputError]) {
        var files: [SourceFile] = []
        var errors: [InputError] = []
        var readStandardInput = false
        for input in inputs {
            if input == "-" {
                guard !readStandardInput else { continue }
                readStandardInput = true
                files.append(SourceFile(name: "<stdin>", bytes: environment.readStandardInput()))
            } else if environment.fileSystem.isFolder(input) {
                walk(input, depth: 0, into: &files, errors: &errors)
            } else {
                read(input, into: &files, errors: &errors)
            }
        }
        return (files, errors)
    }

    private func walk(_ folder: String, depth: Int, into files: inout [SourceFile], errors: inout [InputError]) {
        guard depth < Self.maxFolderDepth else {
            errors.append(InputError(file: folder, message: "folders nested more than \(Self.maxFolderDepth) deep (a symbolic link loop?); not walked further"))
            return
        }
        guard let names = environment.fileSystem.listFolder(folder) else {
            errors.append(InputError(file: folder, message: "cannot list the folder"))
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            if environment.fileSystem.isFolder(path) {
                walk(path, depth: depth + 1, into: &files, errors: &errors)
            } else if name.hasSuffix(".json") || name.hasSuffix(".ndjson") || name.hasSuffix(".jsonl") {
                read(path, into: &files, errors: &errors)
            }
        }
    }

    private func read(_ path: String, into files: inout [SourceFile], errors: inout [InputError]) {
        do {
            files.append(SourceFile(name: path, bytes: try environment.fileSystem.read(path)))
        } catch let error as FileSystemError {
            errors.append(InputError(file: path, message: error.message))
        } catch {
            errors.append(InputError(file: path, message: "cannot read the file"))
        }
    }
}
