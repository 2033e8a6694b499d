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
