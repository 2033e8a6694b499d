// Generated from rules/*.json: do not edit. Regenerate with
//   QBCHECK_REGENERATE=1 swift test --filter embeddedCatalogMatchesRulesFolder

extension RuleRegistry {
    static let embeddedCatalogFiles: [(name: String, json: String)] = [
        ("accounting-deal-properties.json", #"""
{
  "catalog": 1,
  "id": "accounting-deal-properties",
  "title": "Mapping or workflow relies on the deal's Accounting properties",
  "severity": "warning",
  "objects": [
    "deal",
    "sync settings",
    "workflow"
  ],
  "directions": [
    "quickbooks-to-hubspot"
  ],
  "constraint": "The QuickBooks Online app doesn't write data to the Accounting deal property group. It's recommended to use the invoice object when creating reports and triggering workflows.",
  "sources": [
    {
      "title": "HubSpot Knowledge Base: Connect HubSpot and QuickBooks Online (data sync) (Italian original and English digest in shared/)",
      "url": "https://knowledge.hubspot.com/integrations/set-up-two-way-invoice-sync-quickbooks-online"
    }
  ],
  "explanation": "A mapping, report or workflow that reads the deal's Accounting properties never sees synced values, because the app never fills them.",
  "remedy": "Use the invoice object's properties (amount billed, balance due, status) instead of the deal's Accounting group."
}
"""#),
        ("billing-contact.json", #"""
{
  "catalog": 1,
  "id": "billing-contact",
  "title": "HubSpot invoice without a billing contact that matches a QuickBooks customer",
  "severity": "error",
  "objects": [
    "invoice",
    "contact"
  ],
  "directions": [
    "hubspot-to-quickbooks"
  ],
  "constraint": "When invoicing a new customer, make sure the contact on the invoice is the billing contact, whose email address must be linked to the customer in QuickBooks. Customers are matched by email. Troubleshooting: \"An invoice should have an associated customer. Make sure the associated customer is present in both HubSpot & QuickBooks Online to sync this invoice.\"",
  "sources": [
    {
      "title": "HubSpot Knowledge Base: Connect HubSpot and QuickBooks Online (data sync) (Italian original and English digest in shared/)",
      "url": "https://knowledge.hubspot.com/integrations/set-up-two-way-invoice-sync-quickbooks-online"
    },
    {
      "title": "HubSpot Knowledge Base: Troubleshoot the QuickBooks Online data sync integration",
      "url": "https://knowledge.hubspot.com/integrations/troubleshoot-the-quickbooks-online-data-sync-integration"
    }
  ],
  "explanation": "An invoice with no contact, or whose contact has no email, cannot be linked to a QuickBooks customer and fails to sync (error). A contact whose email matches no QuickBooks customer makes the sync create a new customer, which duplicates one that exists under another email (warning).",
  "remedy": "Associate the invoice with its billing contact, whose email is the QuickBooks customer's."
}
"""#),
        ("closed-period-unlocked.json", #"""
{
  "catalog": 1,
  "id": "closed-period-unlocked",
  "title": "QuickBooks books have no closing date",
  "severity": "warning",
  "objects": [
    "preferences"
  ],
  "directions": [
    "hubspot-to-quickbooks"
  ],
  "constraint": "Lock closed accounting periods: turn on the setting that automatically locks closed accounting periods in QuickBooks. This makes sure that closed accounting periods are protected from any changes.",
  "sources": [
    {
      "title": "HubSpot Knowledge Base: Connect HubSpot and QuickBooks Online (data sync) (Italian original and English digest in shared/)",
      "url": "https://knowledge.hubspot.com/integrations/set-up-two-way-invoice-sync-quickbooks-online"
    },
    {
      "title": "QBO Accounting API: Preferences, AccountingInfoPrefs.BookCloseDate (present only when the books are closed)",
      "url": "https://developer.intuit.com/app/developer/qbo/docs/api/accounting/all-entities/preferences"
    }
  ],
  "explanation": "Without a closing date, invoices and edits the sync writes can land in periods the accountant considers closed, and nothing stops them.",
  "remedy": "Turn on Close the books in QuickBooks with the date of the last closed period."
}
"""#),
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
        ("connect-permission.json", #"""
{
  "catalog": 1,
  "id": "connect-permission",
  "title": "The user who connects the app lacks the permission",
  "severity": "error",
  "objects": [
    "hubspot account"
  ],
  "directions": [
    "hubspot-to-quickbooks",
    "quickbooks-to-hubspot"
  ],
  "constraint": "To connect the app, you must be a Super Admin or have App Marketplace permissions in your HubSpot account.",
  "sources": [
    {
      "title": "HubSpot Knowledge Base: Connect HubSpot and QuickBooks Online (data sync) (Italian original and English digest in shared/)",
      "url": "https://knowledge.hubspot.com/integrations/set-up-two-way-invoice-sync-quickbooks-online"
    }
  ],
  "explanation": "HubSpot refuses to install the QuickBooks Online app for any other user, so the sync cannot be set up.",
  "remedy": "Have a Super Admin connect the app, or give the user the App Marketplace permission."
}
"""#),
        ("contact-missing-email.json", #"""
{
  "catalog": 1,
  "id": "contact-missing-email",
  "title": "Contact or customer without an email address",
  "severity": "info",
  "objects": [
    "contact",
    "customer"
  ],
  "directions": [
    "hubspot-to-quickbooks",
    "quickbooks-to-hubspot"
  ],
  "constraint": "Records without an email address are excluded from contact sync. Customers are matched to contacts by email.",
  "sources": [
    {
      "title": "HubSpot Knowledge Base: Connect HubSpot and QuickBooks Online (data sync) (Italian original and English digest in shared/)",
      "url": "https://knowledge.hubspot.com/integrations/set-up-two-way-invoice-sync-quickbooks-online"
    },
    {
      "title": "HubSpot Community: Now Live: Sync Health (records excluded from sync: filters or no email address)",
      "url": "https://community.hubspot.com/t5/Releases-and-Updates/Now-Live-Sync-Health/ba-p/604698"
    }
  ],
  "explanation": "The record is left out of contact sync: no customer is created or matched for it, and its invoices cannot find their customer.",
  "remedy": "Add the email address if the record should sync."
}
"""#),
        ("currency-mismatch.json", #"""
{
  "catalog": 1,
  "id": "currency-mismatch",
  "title": "Invoice currency differs from the customer's or the company's",
  "severity": "error",
  "objects": [
    "invoice"
  ],
  "directions": [
    "hubspot-to-quickbooks"
  ],
  "constraint": "A QBO customer's CurrencyRef is set once and cannot be changed; it defaults to the home currency. CurrencyRef must be defined if multicurrency is enabled; without multicurrency every transaction is in the home currency.",
  "sources": [
    {
      "title": "QBO Accounting API: Customer",
      "url": "https://developer.intuit.com/app/developer/qbo/docs/api/accounting/most-commonly-used/customer"
    },
    {
      "title": "QBO Accounting API: Invoice",
      "url": "https://developer.intuit.com/app/developer/qbo/docs/api/accounting/all-entities/invoice"
    },
    {
      "title": "QBO Accounting API: Preferences",
      "url": "https://developer.intuit.com/app/developer/qbo/docs/api/accounting/all-entities/preferences"
    }
  ],
  "explanation": "QuickBooks rejects an invoice in another currency than its customer's, or in a foreign currency while multicurrency is off.",
  "remedy": "Invoice the customer in its own currency, or turn on multicurrency in QuickBooks."
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
        ("custom-mapping-tier.json", #"""
{
  "catalog": 1,
  "id": "custom-mapping-tier",
  "title": "Custom mappings without Operations Hub Starter or above",
  "severity": "error",
  "objects": [
    "sync settings",
    "hubspot account"
  ],
  "directions": [
    "hubspot-to-quickbooks",
    "quickbooks-to-hubspot"
  ],
  "constraint": "Users of an Operations Hub Starter, Professional or Enterprise account can add other fields by clicking Add a mapping below the default fields. If you have a paid Operations Hub subscription, you can create and customize data sync field mappings.",
  "sources": [
    {
      "title": "HubSpot Knowledge Base: Connect HubSpot and QuickBooks Online (data sync) (Italian original and English digest in shared/)",
      "url": "https://knowledge.hubspot.com/integrations/set-up-two-way-invoice-sync-quickbooks-online"
    },
    {
      "title": "HubSpot Knowledge Base: Understand your data sync field mappings",
      "url": "https://knowledge.hubspot.com/integrations/understand-your-data-sync-field-mappings"
    }
  ],
  "explanation": "Without one of those tiers, custom mappings (including custom-field mappings) cannot be created, so their values never sync.",
  "remedy": "Upgrade to Operations Hub Starter or above, or keep to the default mappings."
}
"""#),
        ("custom-transaction-numbers.json", #"""
{
  "catalog": 1,
  "id": "custom-transaction-numbers",
  "title": "QuickBooks Custom transaction numbers is on",
  "severity": "warning",
  "objects": [
    "preferences"
  ],
  "directions": [
    "hubspot-to-quickbooks",
    "quickbooks-to-hubspot"
  ],
  "constraint": "Turn off Custom transaction number in QuickBooks Online. If left on, invoices created in QuickBooks will automatically adopt the HubSpot invoices prefix, which could lead to conflicting invoice numbers.",
  "sources": [
    {
      "title": "HubSpot Knowledge Base: Connect HubSpot and QuickBooks Online (data sync) (Italian original and English digest in shared/)",
      "url": "https://knowledge.hubspot.com/integrations/set-up-two-way-invoice-sync-quickbooks-online"
    },
    {
      "title": "HubSpot Knowledge Base: Troubleshoot the QuickBooks Online data sync integration",
      "url": "https://knowledge.hubspot.com/integrations/troubleshoot-the-quickbooks-online-data-sync-integration"
    },
    {
      "title": "QBO duplicate document number (6140)",
      "url": "https://developer.intuit.com/app/developer/qbo/docs/develop/troubleshooting/handling-common-errors",
      "quickbooksError": "6140"
    }
  ],
  "explanation": "Invoice numbers from both systems share one sequence; duplicates make QuickBooks reject invoices (error 6140).",
  "remedy": "Turn off Custom transaction numbers in QuickBooks before switching on invoice sync."
}
"""#),
        ("doc-number-too-long.json", #"""
{
  "catalog": 1,
  "id": "doc-number-too-long",
  "title": "Document number over 21 characters",
  "severity": "error",
  "objects": [
    "invoice",
    "credit memo"
  ],
  "directions": [
    "hubspot-to-quickbooks"
  ],
  "constraint": "QBO Invoice DocNumber: maximum of 21 characters.",
  "sources": [
    {
      "title": "QBO Accounting API: Invoice",
      "url": "https://developer.intuit.com/app/developer/qbo/docs/api/accounting/all-entities/invoice"
    },
    {
      "title": "Chargebee: QBO error code 2050 (String length … Max:21)",
      "url": "https://www.chargebee.com/docs/billing/2.0/kb/accounting/qbo-error-code2050",
      "quickbooksError": "2050"
    }
  ],
  "explanation": "QuickBooks rejects a longer number (error 2050), so the invoice fails to sync.",
  "remedy": "Shorten the number or the invoice prefix to 21 characters."
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
        ("duplicate-doc-number.json", #"""
{
  "catalog": 1,
  "id": "duplicate-doc-number",
  "title": "Document number already used by another invoice or credit memo",
  "severity": "error",
  "objects": [
    "invoice",
    "credit memo"
  ],
  "directions": [
    "hubspot-to-quickbooks"
  ],
  "constraint": "QuickBooks rejects an invoice whose number is already used by another invoice or credit memo (Duplicate Document Number Error). HubSpot's troubleshooting: the invoice number is already used by another invoice or credit memo in QuickBooks, most often because Custom transaction numbers is on.",
  "sources": [
    {
      "title": "HubSpot Knowledge Base: Troubleshoot the QuickBooks Online data sync integration",
      "url": "https://knowledge.hubspot.com/integrations/troubleshoot-the-quickbooks-online-data-sync-integration"
    },
    {
      "title": "QBO error 6140 Duplicate Document Number Error",
      "url": "https://developer.intuit.com/app/developer/qbo/docs/develop/troubleshooting/handling-common-errors",
      "quickbooksError": "6140"
    }
  ],
  "explanation": "The second invoice with a number fails to sync (error 6140). A HubSpot invoice and its own QuickBooks copy share a number and are not reported.",
  "remedy": "Give each invoice a number no other invoice or credit memo uses; turn off Custom transaction numbers."
}
"""#),
        ("duplicate-sku.json", #"""
{
  "catalog": 1,
  "id": "duplicate-sku",
  "title": "Two products share a SKU",
  "severity": "error",
  "objects": [
    "product",
    "item"
  ],
  "directions": [
    "hubspot-to-quickbooks",
    "quickbooks-to-hubspot"
  ],
  "constraint": "Product sync uses the SKU property for matching. QuickBooks does not enforce SKU uniqueness.",
  "sources": [
    {
      "title": "HubSpot Knowledge Base: Connect HubSpot and QuickBooks Online (data sync) (Italian original and English digest in shared/)",
      "url": "https://knowledge.hubspot.com/integrations/set-up-two-way-invoice-sync-quickbooks-online"
    },
    {
      "title": "QBO Accounting API: Item",
      "url": "https://developer.intuit.com/app/developer/qbo/docs/api/accounting/most-commonly-used/item"
    }
  ],
  "explanation": "With two products of one SKU on the same side, the sync cannot tell which product a line or an update belongs to.",
  "remedy": "Give each product its own SKU, or make the duplicate inactive."
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
        ("inactive-reference.json", #"""
{
  "catalog": 1,
  "id": "inactive-reference",
  "title": "Invoice references an inactive customer or product",
  "severity": "error",
  "objects": [
    "invoice"
  ],
  "directions": [
    "hubspot-to-quickbooks"
  ],
  "constraint": "QuickBooks answers a reference to an inactive record with Object Not Found: Something you're trying to use has been made inactive. Check the fields with accounts, customers, items, vendors or employees.",
  "sources": [
    {
      "title": "QBO Accounting API: Handling common errors",
      "url": "https://developer.intuit.com/app/developer/qbo/docs/develop/troubleshooting/handling-common-errors"
    },
    {
      "title": "QBO Accounting API: Batch (Object Not Found, code 610)",
      "url": "https://developer.intuit.com/app/developer/qbo/docs/api/accounting/all-entities/batch",
      "quickbooksError": "610"
    }
  ],
  "explanation": "The invoice fails to sync.",
  "remedy": "Make the customer or product active again, or use an active one."
}
"""#),
        ("incompatible-field-mapping.json", #"""
{
  "catalog": 1,
  "id": "incompatible-field-mapping",
  "title": "Mapping between property types the sync cannot convert",
  "severity": "error",
  "objects": [
    "sync settings"
  ],
  "directions": [
    "hubspot-to-quickbooks",
    "quickbooks-to-hubspot"
  ],
  "constraint": "Mapped property types must be compatible: text to text, number to number, date to date or datetime, single checkbox to boolean, radio to radio, dropdown to picklist; number, date and checkbox properties can map one way into text.",
  "sources": [
    {
      "title": "HubSpot Knowledge Base: Understand your data sync field mappings",
      "url": "https://knowledge.hubspot.com/integrations/understand-your-data-sync-field-mappings"
    },
    {
      "title": "HubSpot Knowledge Base: Connect HubSpot and QuickBooks Online (data sync) (Italian original and English digest in shared/)",
      "url": "https://knowledge.hubspot.com/integrations/set-up-two-way-invoice-sync-quickbooks-online"
    }
  ],
  "explanation": "Values of incompatible properties are not converted, so the mapping never carries them.",
  "remedy": "Map properties of compatible types, or make a mapping into text one-way."
}
"""#),
        ("invalid-name-characters.json", #"""
{
  "catalog": 1,
  "id": "invalid-name-characters",
  "title": "Colon, tab or line break in a name",
  "severity": "error",
  "objects": [
    "customer",
    "contact",
    "company",
    "product"
  ],
  "directions": [
    "hubspot-to-quickbooks"
  ],
  "constraint": "The DisplayName, Title, GivenName, MiddleName, FamilyName, Suffix and PrintOnCheckName attributes must not contain colon (:), tab (\\t), or newline (\\n) characters. Item names use ':' to separate a parent and sub-item (FullyQualifiedName); a colon there is inferred, not documented, to be refused, so it is a warning.",
  "sources": [
    {
      "title": "QBO Accounting API: Customer",
      "url": "https://developer.intuit.com/app/developer/qbo/docs/api/accounting/most-commonly-used/customer"
    },
    {
      "title": "QBO Accounting API: Item",
      "url": "https://developer.intuit.com/app/developer/qbo/docs/api/accounting/most-commonly-used/item"
    },
    {
      "title": "Stack Overflow 24529982: QBO error 2040 Invalid String (colon in a name)",
      "url": "https://stackoverflow.com/questions/24529982",
      "quickbooksError": "2040"
    }
  ],
  "explanation": "QuickBooks rejects the record (error 2040, \"Invalid String\").",
  "remedy": "Remove the colon, tab or line break from the name."
}
"""#),
        ("invoice-arithmetic.json", #"""
{
  "catalog": 1,
  "id": "invoice-arithmetic",
  "title": "Line amounts or total that do not add up",
  "severity": "error",
  "objects": [
    "invoice",
    "line item"
  ],
  "directions": [
    "hubspot-to-quickbooks"
  ],
  "constraint": "An invoice line's Amount is Qty × UnitPrice; TotalAmt is computed by QuickBooks (any value supplied is overwritten). HubSpot's line item amount (Net price) is quantity × unit price, less discounts. QuickBooks rounds amounts half-up to the cent.",
  "sources": [
    {
      "title": "QBO Accounting API: Invoice",
      "url": "https://developer.intuit.com/app/developer/qbo/docs/api/accounting/all-entities/invoice"
    },
    {
      "title": "HubSpot developer docs: Line items (amount = quantity × price)",
      "url": "https://developers.hubspot.com/docs/api-reference/latest/crm/objects/line-items/guide"
    }
  ],
  "explanation": "When the numbers disagree, QuickBooks recomputes or rejects them, so the synced invoice is not the one sent. Compared in exact decimals, to the cent.",
  "remedy": "Make each line's amount its quantity × unit price (less discounts), and the total the sum of lines, less discounts, plus tax."
}
"""#),
        ("invoice-company-association.json", #"""
{
  "catalog": 1,
  "id": "invoice-company-association",
  "title": "QuickBooks invoice whose contact has no company or several",
  "severity": "info",
  "objects": [
    "invoice",
    "contact",
    "company"
  ],
  "directions": [
    "quickbooks-to-hubspot"
  ],
  "constraint": "When an invoice syncs from QuickBooks to HubSpot, the invoice is associated with the primary company of the contact on the invoice. If a contact has more than one associated company, the primary company is associated; if the contact has no company, no company is associated. The company can be updated by hand.",
  "sources": [
    {
      "title": "HubSpot Knowledge Base: Connect HubSpot and QuickBooks Online (data sync) (Italian original and English digest in shared/)",
      "url": "https://knowledge.hubspot.com/integrations/set-up-two-way-invoice-sync-quickbooks-online"
    }
  ],
  "explanation": "The invoice lands in HubSpot without a company, or with the primary one only, which affects company-level reports.",
  "remedy": "Associate the contact with the right primary company before the invoice syncs, or fix the invoice's company by hand."
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
        ("name-too-long.json", #"""
{
  "catalog": 1,
  "id": "name-too-long",
  "title": "Name longer than QuickBooks allows",
  "severity": "error",
  "objects": [
    "customer",
    "contact",
    "company",
    "product"
  ],
  "directions": [
    "hubspot-to-quickbooks"
  ],
  "constraint": "QBO name limits: DisplayName 500 characters; GivenName, MiddleName, FamilyName and CompanyName 100; Title and Suffix 16; PrintOnCheckName 110; Item Name 100. (The SDK schema lists smaller limits for older editions; the REST reference values are used.)",
  "sources": [
    {
      "title": "QBO Accounting API: Customer",
      "url": "https://developer.intuit.com/app/developer/qbo/docs/api/accounting/most-commonly-used/customer"
    },
    {
      "title": "QBO Accounting API: Item",
      "url": "https://developer.intuit.com/app/developer/qbo/docs/api/accounting/most-commonly-used/item"
    }
  ],
  "explanation": "QuickBooks rejects the record, so it fails to sync.",
  "remedy": "Shorten the name to the limit."
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
        ("outbound-invoice-filter-locked.json", #"""
{
  "catalog": 1,
  "id": "outbound-invoice-filter-locked",
  "title": "Settings change the HubSpot → QuickBooks invoice filter",
  "severity": "error",
  "objects": [
    "sync settings"
  ],
  "directions": [
    "hubspot-to-quickbooks"
  ],
  "constraint": "Sync filters (except outbound invoice sync) can be edited.",
  "sources": [
    {
      "title": "HubSpot Knowledge Base: Connect HubSpot and QuickBooks Online (data sync) (Italian original and English digest in shared/)",
      "url": "https://knowledge.hubspot.com/integrations/set-up-two-way-invoice-sync-quickbooks-online"
    }
  ],
  "explanation": "The filter of HubSpot → QuickBooks invoice sync is fixed; conditions set for it are not applied, so more invoices reach QuickBooks than the settings suggest.",
  "remedy": "Remove the outbound invoice filter; make invoice sync one-way QuickBooks → HubSpot to keep HubSpot invoices out of QuickBooks."
}
"""#),
        ("paid-invoice-workflow-duplicates.json", #"""
{
  "catalog": 1,
  "id": "paid-invoice-workflow-duplicates",
  "title": "Paid-invoice workflow that duplicates invoices",
  "severity": "error",
  "objects": [
    "workflow",
    "payment"
  ],
  "directions": [
    "hubspot-to-quickbooks",
    "quickbooks-to-hubspot"
  ],
  "constraint": "If you use two-way invoice sync, update the Create paid invoice and Create paid sales receipt workflow actions to filter out payments that come from invoices (payments whose source is an invoice). Otherwise invoice payments also trigger paid invoices: there will be one payment, but two invoices for it.",
  "sources": [
    {
      "title": "HubSpot Knowledge Base: Connect HubSpot and QuickBooks Online (data sync) (Italian original and English digest in shared/)",
      "url": "https://knowledge.hubspot.com/integrations/set-up-two-way-invoice-sync-quickbooks-online"
    },
    {
      "title": "HubSpot developer docs: Commerce payments (hs_fees_amount, hs_platform_fee, hs_payment_source_app)",
      "url": "https://developers.hubspot.com/docs/api-reference/latest/crm/objects/commerce-payments/guide"
    }
  ],
  "explanation": "Each invoice payment creates a second, paid invoice that then syncs too.",
  "remedy": "Add the enrollment filter Payment source app is none of INVOICE (hs_payment_source_app)."
}
"""#),
        ("processing-fees-not-expensed.json", #"""
{
  "catalog": 1,
  "id": "processing-fees-not-expensed",
  "title": "Payment processing fees not booked in QuickBooks",
  "severity": "info",
  "objects": [
    "payment",
    "invoice"
  ],
  "directions": [
    "hubspot-to-quickbooks"
  ],
  "constraint": "When a paid invoice syncs from HubSpot to QuickBooks, the processing fees of the chosen payment processor (Stripe or HubSpot payments) do not automatically create an expense in QuickBooks. Report all invoices and payments, sum the Processing fees and Platform fees, and enter the total as an expense in QuickBooks.",
  "sources": [
    {
      "title": "HubSpot Knowledge Base: Connect HubSpot and QuickBooks Online (data sync) (Italian original and English digest in shared/)",
      "url": "https://knowledge.hubspot.com/integrations/set-up-two-way-invoice-sync-quickbooks-online"
    },
    {
      "title": "HubSpot developer docs: Commerce payments (hs_fees_amount, hs_platform_fee, hs_payment_source_app)",
      "url": "https://developers.hubspot.com/docs/api-reference/latest/crm/objects/commerce-payments/guide"
    }
  ],
  "explanation": "The books overstate net income by the fees until they are expensed by hand.",
  "remedy": "Book the total of Processing fees and Platform fees as an expense in QuickBooks (qbcheck preflight prints it)."
}
"""#),
        ("product-missing-sku.json", #"""
{
  "catalog": 1,
  "id": "product-missing-sku",
  "title": "Product without a SKU",
  "severity": "warning",
  "objects": [
    "product",
    "item"
  ],
  "directions": [
    "quickbooks-to-hubspot",
    "hubspot-to-quickbooks"
  ],
  "constraint": "Product sync uses the SKU property for matching. To avoid duplicate products, product sync only syncs products with a SKU by default. If an invoice has line items that can't be matched to a product in QuickBooks, a product called Custom line item is created and the unmatched lines are matched to it.",
  "sources": [
    {
      "title": "HubSpot Knowledge Base: Connect HubSpot and QuickBooks Online (data sync) (Italian original and English digest in shared/)",
      "url": "https://knowledge.hubspot.com/integrations/set-up-two-way-invoice-sync-quickbooks-online"
    }
  ],
  "explanation": "The product stays out of product sync, and invoice lines for it post to Custom line item instead of the product's own income and expense accounts.",
  "remedy": "Give the product a SKU (the same on both sides)."
}
"""#),
        ("revenue-recognition-service-date.json", #"""
{
  "catalog": 1,
  "id": "revenue-recognition-service-date",
  "title": "Revenue recognition needs service dates HubSpot invoices lack",
  "severity": "error",
  "objects": [
    "invoice"
  ],
  "directions": [
    "hubspot-to-quickbooks"
  ],
  "constraint": "HubSpot invoices don't support adding a Service Date to line items, which is required when using QuickBooks' Revenue Recognition functionality. Troubleshooting: \"Business Validation Error: Enter a service date…\"",
  "sources": [
    {
      "title": "HubSpot Knowledge Base: Connect HubSpot and QuickBooks Online (data sync) (Italian original and English digest in shared/)",
      "url": "https://knowledge.hubspot.com/integrations/set-up-two-way-invoice-sync-quickbooks-online"
    },
    {
      "title": "HubSpot Knowledge Base: Troubleshoot the QuickBooks Online data sync integration",
      "url": "https://knowledge.hubspot.com/integrations/troubleshoot-the-quickbooks-online-data-sync-integration"
    },
    {
      "title": "QBO Preferences: ProductAndServicesPrefs.RevenueRecognitionEnabled (QBO Advanced)",
      "url": "https://developer.intuit.com/app/developer/qbo/docs/api/accounting/all-entities/preferences",
      "quickbooksError": "6000"
    }
  ],
  "explanation": "QuickBooks rejects every HubSpot-created invoice whose lines lack a service date while revenue recognition is on.",
  "remedy": "Turn off revenue recognition in QuickBooks and recognise revenue separately, or create such invoices in QuickBooks."
}
"""#),
        ("taxable-invoice-line-limit.json", #"""
{
  "catalog": 1,
  "id": "taxable-invoice-line-limit",
  "title": "Taxable invoice with more than 750 lines",
  "severity": "error",
  "objects": [
    "invoice"
  ],
  "directions": [
    "hubspot-to-quickbooks"
  ],
  "constraint": "If an invoice is taxable, there is a limit of 750 lines per invoice.",
  "sources": [
    {
      "title": "QBO Accounting API: Invoice",
      "url": "https://developer.intuit.com/app/developer/qbo/docs/api/accounting/all-entities/invoice"
    }
  ],
  "explanation": "QuickBooks rejects the invoice.",
  "remedy": "Split it into invoices of at most 750 lines."
}
"""#),
        ("two-way-update-not-synced.json", #"""
{
  "catalog": 1,
  "id": "two-way-update-not-synced",
  "title": "HubSpot edit of an invoice created in QuickBooks",
  "severity": "warning",
  "objects": [
    "invoice"
  ],
  "directions": [
    "hubspot-to-quickbooks"
  ],
  "constraint": "For two-way invoice sync, updates to mapped properties can sync to QuickBooks only if the invoice was created in HubSpot and synced to QuickBooks.",
  "sources": [
    {
      "title": "HubSpot Knowledge Base: Connect HubSpot and QuickBooks Online (data sync) (Italian original and English digest in shared/)",
      "url": "https://knowledge.hubspot.com/integrations/set-up-two-way-invoice-sync-quickbooks-online"
    }
  ],
  "explanation": "The change stays in HubSpot; QuickBooks keeps the old value, and the next QuickBooks → HubSpot update may overwrite it.",
  "remedy": "Make the change in QuickBooks; it syncs to HubSpot."
}
"""#),
        ("unmatched-line-item.json", #"""
{
  "catalog": 1,
  "id": "unmatched-line-item",
  "title": "Invoice line that matches no QuickBooks product",
  "severity": "warning",
  "objects": [
    "invoice",
    "line item"
  ],
  "directions": [
    "hubspot-to-quickbooks"
  ],
  "constraint": "If an invoice has line items that can't be matched to a product in QuickBooks, a product called Custom line item will be created in QuickBooks and the unmatched line items will be matched to it. In the invoice sync setup you define which income account the Custom line item product is linked to. Products are matched by SKU.",
  "sources": [
    {
      "title": "HubSpot Knowledge Base: Connect HubSpot and QuickBooks Online (data sync) (Italian original and English digest in shared/)",
      "url": "https://knowledge.hubspot.com/integrations/set-up-two-way-invoice-sync-quickbooks-online"
    }
  ],
  "explanation": "The line posts to Custom line item and its income account, not to the product's own accounts (a warning); with no income account set for it, the line cannot be booked (an error).",
  "remedy": "Build invoice lines from products synced from QuickBooks (same SKU), and name the Custom line item's income account in the setup."
}
"""#),
    ]
}
