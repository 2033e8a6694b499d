import QBCheckCore

/// One field the sync carries between a HubSpot record and a QBO record: a default mapping, a
/// custom mapping or a custom-field mapping, read and written on both sides in one normal form
/// so that "the two sides differ" and "this side changed since the last sync" are plain
/// comparisons.
struct MappedField: Sendable {
    enum QuickBooksPlace: Sendable {
        case path([String])
        /// A QBO invoice custom field, by its name (`CustomField[Name=…].StringValue`).
        case customField(String)
        /// Read only: `paid` when the invoice's balance is zero, `open` otherwise.
        case invoiceStatus
    }

    var name: String
    var hubspotProperty: String
    var quickbooks: QuickBooksPlace
    var kind: DefaultMapping.Kind
    var flow: DefaultMapping.Flow

    /// The field's value on the HubSpot record, normalized; nil when empty.
    func hubspotValue(_ record: JSONTree) -> String? {
        let value = normalize(record[path: ["properties", hubspotProperty]]?.text)
        if case .invoiceStatus = quickbooks { return value?.lowercased() }
        return value
    }

    /// The field's value on the QBO record, normalized; nil when empty.
    func quickbooksValue(_ record: JSONTree) -> String? {
        switch quickbooks {
        case .path(let path):
            return normalize(record[path: path]?.text)
        case .customField(let name):
            let field = record["CustomField"]?.array?.first { $0["Name"]?.string == name }
            return normalize(field?["StringValue"]?.text)
        case .invoiceStatus:
            guard let balance = record["Balance"]?.text.flatMap(ExactDecimal.init) else { return nil }
            return balance.isZero ? "paid" : "open"
        }
    }

    func value(_ record: JSONTree, on side: SyncSide) -> String? {
        side == .hubspot ? hubspotValue(record) : quickbooksValue(record)
    }

    /// Whether values of this field may be written into `side`.
    func flows(into side: SyncSide) -> Bool {
        switch flow {
        case .both: true
        case .toHubSpotOnly: side == .hubspot
        case .toQuickBooksOnly: side == .quickbooks
        }
    }

    /// Writes a normalized value into a record of `side`.
    func write(_ value: String, into record: inout JSONTree, on side: SyncSide) {
        switch side {
        case .hubspot:
            let text = switch kind {
            case .money: ExactDecimal(value).map { $0.formatted(minimumPlaces: 2) } ?? value
            case .date: value + "T00:00:00Z"
            case .text, .email: value
            }
            record[path: ["properties", hubspotProperty]] = .string(text)
        case .quickbooks:
            switch quickbooks {
            case .path(let path):
                record[path: path] = kind == .money ? .number(value) : .string(value)
            case .customField(let name):
                var fields = record["CustomField"]?.array ?? []
                if let index = fields.firstIndex(where: { $0["Name"]?.string == name }) {
                    fields[index]["StringValue"] = .string(value)
                } else {
                    fields.append(["Name": .string(name), "Type": "StringType", "StringValue": .string(value)])
                }
                record["CustomField"] = .array(fields)
            case .invoiceStatus:
                break
            }
        }
    }

    private func normalize(_ text: String?) -> String? {
        guard let text = text?.trimmingSpaces, !text.isEmpty else { return nil }
        switch kind {
        case .text: return text
        case .email: return text.lowercased()
        case .money: return ExactDecimal(text)?.normalized.description ?? text
        case .date: return text.count >= 10 ? String(text.prefix(10)) : text
        }
    }
}

extension MappedField {
    /// The invoice's status, carried to HubSpot from the QBO balance.
    static let invoiceStatus = MappedField(name: "status", hubspotProperty: "hs_invoice_status", quickbooks: .invoiceStatus,
                                           kind: .text, flow: .toHubSpotOnly)

    /// A custom-field mapping of invoices: a HubSpot property and a QBO custom field by name.
    init(_ mapping: SyncSettings.CustomFieldMapping) {
        self.init(name: "custom field \(mapping.quickbooksField.value)", hubspotProperty: mapping.hubspotProperty.value,
                  quickbooks: .customField(mapping.quickbooksField.value), kind: .text, flow: .both)
    }

    init(_ mapping: DefaultMapping) {
        self.init(name: mapping.name, hubspotProperty: mapping.hubspotProperty, quickbooks: .path(mapping.quickbooksPath),
                  kind: mapping.kind, flow: mapping.flow)
    }

    /// A custom mapping of `qbcheck.json` (`quickbooksField` may be a dotted path).
    init(_ mapping: FieldMapping, pairDirection: SyncSettings.Direction) {
        let kind: DefaultMapping.Kind = switch mapping.quickbooksType?.value ?? mapping.hubspotType?.value {
        case "number": .money
        case "date", "datetime": .date
        default: .text
        }
        let direction = mapping.direction ?? pairDirection
        let flow: DefaultMapping.Flow = switch direction {
        case .twoWay: .both
        case .quickbooksToHubSpot: .toHubSpotOnly
        case .hubspotToQuickBooks: .toQuickBooksOnly
        }
        self.init(name: mapping.hubspotProperty.value, hubspotProperty: mapping.hubspotProperty.value,
                  quickbooks: .path(mapping.quickbooksField.value.split(separator: ".").map(String.init)), kind: kind, flow: flow)
    }
}
