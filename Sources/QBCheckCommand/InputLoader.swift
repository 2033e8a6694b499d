import QBCheckCore

/// Turns the command line's inputs into source files: files, `-` for standard input, folders
/// walked recursively for `*.json`, `*.ndjson` and `*.jsonl`, and quoted glob patterns, all in a
/// deterministic (sorted) order.
struct InputLoader {
    var environment: CommandEnvironment

    /// Folders nested deeper than this are not walked (a symlink loop ends here).
    static let maxFolderDepth = 32

    static func isInput(_ name: String) -> Bool {
        name.hasSuffix(".json") || name.hasSuffix(".ndjson") || name.hasSuffix(".jsonl")
    }

    /// The paths the inputs name, and the inputs that name nothing.
    func paths(_ inputs: [String]) -> (paths: [String], errors: [InputError]) {
        var paths: [String] = []
        var errors: [InputError] = []
        var readStandardInput = false
        for input in inputs {
            if input == "-" {
                guard !readStandardInput else { continue }
                readStandardInput = true
                paths.append("-")
            } else if environment.fileSystem.isFolder(input) {
                walk(input, depth: 0, into: &paths, errors: &errors)
            } else if Glob.isPattern(input), (try? environment.fileSystem.read(input)) == nil {
                let matches = expand(input)
                if matches.isEmpty { errors.append(InputError(file: input, message: "no file matches the pattern")) }
                paths += matches
            } else {
                paths.append(input)
            }
        }
        return (paths, errors)
    }

    func read(_ path: String) -> Result<SourceFile, InputError> {
        if path == "-" { return .success(SourceFile(name: "<stdin>", bytes: environment.readStandardInput())) }
        return Self.read(path, from: environment.fileSystem)
    }

    /// A file read whole, or why it could not be (on any thread: `WholeFiles` reads on workers).
    static func read(_ path: String, from fileSystem: FileSystem) -> Result<SourceFile, InputError> {
        do {
            return .success(SourceFile(name: path, bytes: try fileSystem.read(path)))
        } catch let error as FileSystemError {
            return .failure(InputError(file: path, message: error.message))
        } catch {
            return .failure(InputError(file: path, message: "cannot read the file"))
        }
    }

    private func walk(_ folder: String, depth: Int, into paths: inout [String], errors: inout [InputError]) {
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
                walk(path, depth: depth + 1, into: &paths, errors: &errors)
            } else if Self.isInput(name) {
                paths.append(path)
            }
        }
    }

    /// The files under the pattern's fixed leading folders that match it.
    private func expand(_ pattern: String) -> [String] {
        let components = pattern.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let fixed = components.prefix { !Glob.isPattern($0) }
        let root = fixed.isEmpty ? "." : (fixed.joined(separator: "/").isEmpty ? "/" : fixed.joined(separator: "/"))
        var candidates: [String] = []
        var errors: [InputError] = []
        if environment.fileSystem.isFolder(root) { walkAll(root, depth: 0, into: &candidates, errors: &errors) }
        let glob = Glob(pattern)
        return candidates.filter { glob.matchesWholePath($0) }
    }

    private func walkAll(_ folder: String, depth: Int, into paths: inout [String], errors: inout [InputError]) {
        guard depth < Self.maxFolderDepth, let names = environment.fileSystem.listFolder(folder) else { return }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = folder == "." ? name : (folder.hasSuffix("/") ? folder + name : folder + "/" + name)
            if environment.fileSystem.isFolder(path) {
                walkAll(path, depth: depth + 1, into: &paths, errors: &errors)
            } else {
                paths.append(path)
            }
        }
    }
}
