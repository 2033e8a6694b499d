// Generated from rules/*.json: do not edit. Regenerate with
//   QBCHECK_REGENERATE=1 swift test --filter embeddedCatalogMatchesRulesFolder

extension RuleRegistry {
    static let embeddedCatalogFiles: [(name: String, json: String)] = [
        ("closed-period.json", #"""
{
  "catalog": 1,
  "id": "closed-period",
  "title": "Transaction dated in a closed accounting period",
  "severity": "error",
  "objects": ["invoice", "credit memo", "sales receipt", "payment"],
  "directions": ["hubspot-to-quickbooks"],
  "constraint": "Lock closed accounting periods: turn on the setting that automatically locks closed accounting periods in QuickBooks, so that closed periods are protected from changes. QuickBooks refuses to create, change or delete a transaction dated on or before the closing date (Preferences.AccountingInfoPrefs.BookCloseDate).",
  "sources": [
    {"title": "HubSpot Knowledge Base: Connect HubSpot and QuickBooks Online (data sync), Recommendations: Lock closed accounting periods", "url": "https://knowledge.hubspot.com/integrations/set-up-two-way-invoice-sync-quickbooks-online"},
    {"title": "QBO Accounting API: Preferences, AccountingInfoPrefs.BookCloseDate", "url": "https://developer.intuit.com/app/developer/qbo/docs/api/accounting/all-entities/preferences"},
    {"title": "QBO Accounting API: Handling common errors, 6210 Account Period Closed", "url": "https://developer.intuit.com/app/developer/qbo/docs/develop/troubleshooting/handling-common-errors", "quickbooksError": "6210"}
  ],
  "explanation": "Once the books are closed, QuickBooks answers any API change to a transaction dated on or before the closing date with error 6210 (\"The account period has closed and the account books cannot be updated through the QBO Services API\"). An edit is judged on both its old and its new date: moving a transaction out of a closed period still changes that period.",
  "remedy": "Leave closed-period transactions unchanged and record corrections dated after the closing date, or have the accountant reopen the period in QuickBooks before syncing."
}
"""#),
        ("custom-field-ineligible.json", #"""
{
  "catalog": 1,
  "id": "custom-field-ineligible",
  "title": "Mapped QuickBooks custom field is not eligible for the sync",
  "severity": "error",
  "objects": ["invoice", "sync settings"],
  "directions": ["hubspot-to-quickbooks", "quickbooks-to-hubspot"],
  "constraint": "For a QuickBooks Online custom field to be available to HubSpot for custom field mappings on invoices, within QuickBooks the custom field type must be Text and number, in the Transaction category, it must be enabled for printing, and it must be enabled on all sales forms, which include invoices, estimates and sales receipts.",
  "sources": [
    {"title": "HubSpot Knowledge Base: Connect HubSpot and QuickBooks Online (data sync), Configure sync settings (Italian original in shared/reference)", "url": "https://knowledge.hubspot.com/integrations/set-up-two-way-invoice-sync-quickbooks-online"},
    {"title": "Intuit: Create custom fields (only string custom fields are available through the API)", "url": "https://developer.intuit.com/app/developer/qbo/docs/workflows/create-custom-fields"}
  ],
  "explanation": "HubSpot offers only eligible QuickBooks custom fields for invoice mappings; a mapping to a field of another type or category, not printed on forms, or missing from some sales forms never carries a value.",
  "remedy": "Make the field a Text and number field in the Transaction category, tick Print on form and enable it on invoices, estimates and sales receipts in QuickBooks, or map an eligible field."
}
"""#),
        ("custom-field-not-visible.json", #"""
{
  "catalog": 1,
  "id": "custom-field-not-visible",
  "title": "Mapped QuickBooks custom field is not among the first three",
  "severity": "error",
  "objects": ["invoice", "sync settings"],
  "directions": ["hubspot-to-quickbooks", "quickbooks-to-hubspot"],
  "constraint": "Only the first three custom invoice fields created in QuickBooks are visible. The QuickBooks Online API exposes up to three string custom fields on invoices (CustomField with DefinitionId 1 to 3).",
  "sources": [
    {"title": "HubSpot Knowledge Base: Connect HubSpot and QuickBooks Online (data sync), Configure sync settings (Italian original in shared/reference)", "url": "https://knowledge.hubspot.com/integrations/set-up-two-way-invoice-sync-quickbooks-online"},
    {"title": "Intuit: Create custom fields (\"only the first three String custom fields will be available through the existing API\")", "url": "https://developer.intuit.com/app/developer/qbo/docs/workflows/create-custom-fields"}
  ],
  "explanation": "QuickBooks Online Advanced allows more custom fields, but the API, and so the sync, sees only the first three created; a mapping to a later one never syncs.",
  "remedy": "Map one of the first three custom invoice fields created in QuickBooks."
}
"""#),
        ("duplicate-display-name.json", #"""
{
  "catalog": 1,
  "id": "duplicate-display-name",
  "title": "Customer display name already used in QuickBooks",
  "severity": "error",
  "objects": ["contact", "customer"],
  "directions": ["hubspot-to-quickbooks"],
  "constraint": "Display names must be unique in QuickBooks Online, across customers, vendors and employees. Customers synced from HubSpot get the associated company's name as Display name, or first and last name when the contact has no company; the first contact of a company takes the company's name and every later contact of that company fails to sync.",
  "sources": [
    {"title": "HubSpot Knowledge Base: Connect HubSpot and QuickBooks Online (data sync), Set the display name on customers", "url": "https://knowledge.hubspot.com/integrations/set-up-two-way-invoice-sync-quickbooks-online"},
    {"title": "HubSpot Knowledge Base: Troubleshoot the QuickBooks Online data sync integration (\"The display name is a duplicate\")", "url": "https://knowledge.hubspot.com/integrations/troubleshoot-the-quickbooks-online-data-sync-integration"},
    {"title": "QBO Accounting API: Customer (DisplayName must be unique across all Customer, Vendor, and Employee objects)", "url": "https://developer.intuit.com/app/developer/qbo/docs/api/accounting/most-commonly-used/customer", "quickbooksError": "6240"}
  ],
  "explanation": "QuickBooks answers a second record with a taken display name with error 6240 (\"Another customer, vendor or employee is already using this name\"), and HubSpot reports the contact as failing with \"The display name is a duplicate\". A name that differs only in case or spacing is reported as a warning, since QuickBooks' case rule is not documented.",
  "remedy": "Use one contact per company as the billing contact, or switch off the mapping Display name ← Associated company name, or give the record a unique display name."
}
"""#),
        ("hubspot-invoice-tax.json", #"""
{
  "catalog": 1,
  "id": "hubspot-invoice-tax",
  "title": "Invoice created in HubSpot carries tax",
  "severity": "error",
  "objects": ["invoice", "line item"],
  "directions": ["hubspot-to-quickbooks"],
  "constraint": "It isn't possible to charge taxes on invoices in HubSpot. If tax is needed on an invoice, it's recommended that the invoices are created in QuickBooks and synced to HubSpot.",
  "sources": [
    {"title": "HubSpot Knowledge Base: Connect HubSpot and QuickBooks Online (data sync), Limitations", "url": "https://knowledge.hubspot.com/integrations/set-up-two-way-invoice-sync-quickbooks-online"}
  ],
  "explanation": "The sync cannot carry tax from a HubSpot invoice into QuickBooks: tax on a HubSpot-created invoice (a tax total, taxable lines, a line-item tax rate or an associated tax) is lost or makes the invoice fail to sync.",
  "remedy": "Remove the tax from the HubSpot invoice; create invoices that need tax in QuickBooks and let them sync to HubSpot."
}
"""#),
        ("locked-invoice-edit.json", #"""
{
  "catalog": 1,
  "id": "locked-invoice-edit",
  "title": "Edit in QuickBooks that a HubSpot-created invoice does not allow",
  "severity": "error",
  "objects": ["invoice"],
  "directions": ["quickbooks-to-hubspot"],
  "constraint": "Some edits can't be made to invoices created in HubSpot from within QuickBooks: adding or removing line items, updating pricing, removing a payment, or adding tax information. If the edit isn't made within HubSpot, the invoice will fail to sync. You can update invoice fields, add payments or credits, and add service dates to line items on a HubSpot generated invoice from within QuickBooks. Invoices created in QuickBooks can be edited within QuickBooks.",
  "sources": [
    {"title": "HubSpot Knowledge Base: Connect HubSpot and QuickBooks Online (data sync), Limitations", "url": "https://knowledge.hubspot.com/integrations/set-up-two-way-invoice-sync-quickbooks-online"},
    {"title": "HubSpot Knowledge Base: Troubleshoot the QuickBooks Online data sync integration (invoice created in HubSpot and modified in QuickBooks)", "url": "https://knowledge.hubspot.com/integrations/troubleshoot-the-quickbooks-online-data-sync-integration"}
  ],
  "explanation": "A HubSpot-created invoice whose lines, prices, payments or tax were changed in QuickBooks no longer matches HubSpot's copy and fails to sync.",
  "remedy": "Revert the change in QuickBooks and make it on the invoice in HubSpot, which syncs it to QuickBooks."
}
"""#),
        ("non-us-invoice-sync.json", #"""
{
  "catalog": 1,
  "id": "non-us-invoice-sync",
  "title": "HubSpot invoice bound for a QuickBooks company outside the US",
  "severity": "error",
  "objects": ["invoice"],
  "directions": ["hubspot-to-quickbooks"],
  "constraint": "Most non-U.S. QuickBooks Online versions require that synced invoices include tax (e.g., VAT, HST, GST). HubSpot invoices can't be created with tax, so users with non-U.S. QuickBooks Online accounts won't be able to use this feature.",
  "sources": [
    {"title": "HubSpot Knowledge Base: Connect HubSpot and QuickBooks Online (data sync), Limitations", "url": "https://knowledge.hubspot.com/integrations/set-up-two-way-invoice-sync-quickbooks-online"},
    {"title": "QBO error 6000 for a Canadian company: \"Make sure all your transactions have a GST/HST rate before you save.\" (activepieces/activepieces#8539; UK: VAT, intuit/quickbooks-online-mcp-server#94)", "url": "https://github.com/activepieces/activepieces/issues/8539", "quickbooksError": "6000"}
  ],
  "explanation": "QuickBooks editions outside the US demand a tax code on every invoice line and reject an untaxed invoice with error 6000; a HubSpot invoice cannot carry tax, so HubSpot → QuickBooks invoice sync cannot work there.",
  "remedy": "Create invoices in QuickBooks and sync them QuickBooks → HubSpot; turn off HubSpot → QuickBooks invoice sync for a company outside the US."
}
"""#),
    ]
}
