/// A document that is valid JSON but not a valid QBO or HubSpot record: a wrong type, a
/// non-numeric amount, an unknown shape. Reported as an input error (exit 2), never guessed at.
public struct ShapeError: Error, Sendable, Hashable {
    public var location: Location
    public var message: String

    public init(at location: Location, _ message: String) {
        self.location = location
        self.message = message
    }
}
