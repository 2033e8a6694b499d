/// QBO `Preferences`: the company settings the sync depends on.
public struct QBOPreferences: Sendable {
    /// One of the three sales-form custom field slots (`SalesFormsPrefs.UseSalesCustomN` /
    /// `SalesCustomNameN`); slot N is the invoice `CustomField` with `DefinitionId` N.
    public struct SalesCustomFieldSlot: Sendable {
        public var slot: Int
        public var enabled: Bool
        public var name: String?
    }

    public var location: Location
    public var customTransactionNumbers: Located<Bool>?
    public var allowServiceDate: Located<Bool>?
    public var bookCloseDate: Located<CalendarDate>?
    public var revenueRecognitionEnabled: Located<Bool>?
    public var homeCurrency: Located<String>?
    public var multiCurrencyEnabled: Located<Bool>?
    public var usingSalesTax: Located<Bool>?
    public var partnerTaxEnabled: Located<Bool>?
    public var salesCustomFields: [SalesCustomFieldSlot]

    public init(_ node: Node) throws(ShapeError) {
        location = node.location
        let salesForms = try node.object("SalesFormsPrefs")
        customTransactionNumbers = try salesForms?.bool("CustomTxnNumbers")
        allowServiceDate = try salesForms?.bool("AllowServiceDate")
        bookCloseDate = try node.object("AccountingInfoPrefs")?.date("BookCloseDate")
        revenueRecognitionEnabled = try node.object("ProductAndServicesPrefs")?.bool("RevenueRecognitionEnabled")
        let currency = try node.object("CurrencyPrefs")
        homeCurrency = try currency?.reference("HomeCurrency")
        multiCurrencyEnabled = try currency?.bool("MultiCurrencyEnabled")
        let tax = try node.object("TaxPrefs")
        usingSalesTax = try tax?.bool("UsingSalesTax")
        partnerTaxEnabled = try tax?.bool("PartnerTaxEnabled")

        var enabled: [Int: Bool] = [:]
        var names: [Int: String] = [:]
        for group in try salesForms?.array("CustomField") ?? [] {
            for field in try group.array("CustomField") {
                guard let name = try field.string("Name")?.value else { continue }
                if let slot = Self.slot(in: name, prefix: "SalesFormsPrefs.UseSalesCustom") {
                    enabled[slot] = try field.bool("BooleanValue")?.value ?? false
                } else if let slot = Self.slot(in: name, prefix: "SalesFormsPrefs.SalesCustomName") {
                    names[slot] = try field.string("StringValue")?.value
                }
            }
        }
        salesCustomFields = Set(enabled.keys).union(names.keys).sorted().map {
            SalesCustomFieldSlot(slot: $0, enabled: enabled[$0] ?? false, name: names[$0])
        }
    }

    private static func slot(in name: String, prefix: String) -> Int? {
        guard name.hasPrefix(prefix) else { return nil }
        return Int(name.dropFirst(prefix.count))
    }
}
