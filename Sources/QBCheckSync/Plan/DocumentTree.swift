import QBCheckCore

extension Document {
    /// The JSON the record was read from, as a tree the planner can compare, map and write.
    ///
    /// Read from the record's own bytes when the planner asks: reading every file of the
    /// snapshot into trees, for each object pair, built the invoices' trees for the contacts
    /// and freed them again, a tenth of a sync plan's time. A record of an NDJSON export holds
    /// its own line as its file, its offset counted from the line's start: looked up in the
    /// whole file by that offset, every record was once read as the first line's.
    public var tree: JSONTree? {
        JSONReader.value(in: file, at: location.offset).map(JSONTree.init)
    }
}
