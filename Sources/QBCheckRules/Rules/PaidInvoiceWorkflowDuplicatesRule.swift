import QBCheckCore

/// "If you're using two-way invoice sync, update the Create paid invoice and Create paid sales
/// receipt workflow actions to filter out payments that come from invoices … Otherwise there
/// will be one payment, but two invoices for it."
public struct PaidInvoiceWorkflowDuplicatesRule: Rule {
    public let id = "paid-invoice-workflow-duplicates"
    public var records: RecordKinds { .hubspotAccount }

    public init() {}

    public func check(_ document: Document, in context: RuleContext, into output: inout RuleOutput) {
        guard let account = document.hubspotAccount else { return }
        let invoices = context.settings.invoices
        guard invoices?.enabled ?? true, (invoices?.direction ?? .twoWay) == .twoWay else { return }
        for workflow in account.workflows where workflow.enabled {
            guard let action = workflow.actions.first(where: { $0.value == "create-paid-invoice" || $0.value == "create-paid-sales-receipt" }),
                  !Self.excludesInvoicePayments(workflow.enrollmentFilter) else { continue }
            let what = action.value == "create-paid-invoice" ? "Create paid invoice" : "Create paid sales receipt"
            output.report(action.location, in: document,
                "workflow \"\(workflow.name.value)\" runs \(what) on payments without filtering out those whose source is an invoice (hs_payment_source_app = INVOICE); with two-way invoice sync, paying a synced invoice then creates a second invoice: one payment, two invoices",
                remedy: "Add an enrollment filter to the workflow: Payment source app is none of INVOICE (hs_payment_source_app is-not INVOICE).")
        }
    }

    /// Whether every enrollment group leaves out payments whose source app is INVOICE.
    static func excludesInvoicePayments(_ filter: SyncFilter?) -> Bool {
        guard let filter, !filter.groups.isEmpty else { return false }
        return filter.groups.allSatisfy { group in
            group.contains { condition in
                guard condition.property == "hs_payment_source_app" else { return false }
                let values = Set(condition.values.map { $0.uppercased() })
                switch condition.operator {
                case .isNot, .isNoneOf: return values.contains("INVOICE")
                case .is, .isAnyOf: return !values.isEmpty && !values.contains("INVOICE")
                default: return false
                }
            }
        }
    }
}
