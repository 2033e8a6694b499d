/// An input that could not be read or understood: reported on one line with its file and
/// position, and the run ends with exit status 2, but every other document is still checked.
public struct InputError: Error, Sendable, Hashable {
    public var file: String
    public var position: SourcePosition?
    public var pointer: JSONPointer?
    public var message: String

    public init(file: String, position: SourcePosition? = nil, pointer: JSONPointer? = nil, message: String) {
        self.file = file
        self.position = position
        self.pointer = pointer
        self.message = message
    }

    /// How many unreadable records of one file are listed one by one: a file of a million bad
    /// records gets its first errors and a count.
    public static let shownPerFile = 100

    /// The count of a file's unreadable records beyond the first `shownPerFile`.
    public static func moreUnreadable(in file: String, count: Int) -> InputError {
        InputError(file: file, message: "\(count - shownPerFile) more records of this file could not be read (only the first \(shownPerFile) errors are listed)")
    }

    public init(_ error: JSONSyntaxError, in file: SourceFile) {
        self.init(file: file.name, position: file.position(of: error.offset), message: error.message)
    }

    /// A shape error inside the value at `root` (the record or file being read), whose pointer
    /// is `base`.
    public init(_ error: ShapeError, in file: SourceFile, within root: Location = Location(offset: 0), at base: JSONPointer = .root) {
        self.init(file: file.name, position: file.position(of: error.location.offset),
                  pointer: file.pointer(of: error.location, within: root, at: base), message: error.message)
    }
}
