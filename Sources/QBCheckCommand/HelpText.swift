/// `--help` for each command.
enum HelpText {
    static let version = "0.1.0"

    static func text(for command: String?) -> String? {
        switch command {
        case nil: overview
        case "check": check
        case "diff": diff
        case "baseline": baseline
        case "preflight": preflight
        case "sync": sync
        case "rules": rules
        case "explain": explain
        case "help", "version": overview
        default: nil
        }
    }

    static let overview = """
        qbcheck: checks HubSpot ↔ QuickBooks Online documents against the documented sync rules
        before anything is synced.

        USAGE: qbcheck <command> [options]
               qbcheck FILE...            (same as qbcheck check FILE...)

        COMMANDS:
          check      Check QBO and HubSpot documents (JSON or NDJSON files, folders, - for stdin)
          diff       Judge a proposed edit: BEFORE and AFTER
          baseline   Record today's findings, so that later runs report only new ones
          preflight  Audit both accounts before the sync is switched on
          sync       Plan and apply the sync of an account snapshot, and watch its records
          rules      List the rule catalog
          explain    Explain one rule: the documented constraint, why, what to do, sources
          help       Show help for a command
          version    Print qbcheck's version

        EXIT STATUS: 0 no error findings; 1 error findings; 2 usage error or unreadable input.

        See 'qbcheck <command> --help'.

        """

    static let check = """
        USAGE: qbcheck check [options] FILE...

        Checks every document of the files: QBO API responses (entities, query and batch
        responses), HubSpot CRM v3 objects and list pages, {"before", "after"} edits, NDJSON.
        Folders are walked for *.json and *.ndjson; quoted globs are expanded; - reads standard input.

        OPTIONS:
          --account DIR     Account snapshot: DIR/quickbooks/*.json, DIR/hubspot/<type>.json,
                            DIR/qbcheck.json. Rules that need it are skipped (and listed) without it.
                            Without --account, qbcheck.json is looked up in this folder and its parents.
          --origin O        Who created the documents (hubspot or quickbooks), when their shape and
                            the account cannot tell.
          --format F        text (default), json, sarif, junit or github.
          --output FILE     Write the report of the --format before it to FILE. Several
                            --format/--output pairs give several reports from one pass.
          --fail-on S       error (default), warning, info or never: what makes the exit status 1.
          --baseline FILE   Leave out the findings the baseline holds (see qbcheck baseline).
          --jobs N          Threads that read NDJSON, and many JSON files a file each (default: one
                            per core, at most 8); the report is the same for any N.
          -h, --help        Show this help.

        """

    static let diff = """
        USAGE: qbcheck diff [--account DIR] [--origin hubspot|quickbooks] [--format text|json] BEFORE AFTER
               qbcheck diff [options] EDIT.json

        Judges a proposed edit of one or more records. BEFORE and AFTER are any accepted shape;
        their records are paired by id. A single file holds {"before": …, "after": …}; a null
        "before" is a creation, a null "after" a deletion.

        OPTIONS:
          --account DIR   Account snapshot (see qbcheck check --help).
          --origin O      Who created the records: hubspot or quickbooks.
          --format F      text (default) or json.
          -h, --help      Show this help.

        """

    static let baseline = """
        USAGE: qbcheck baseline [--account DIR] [--origin O] [--output FILE] FILE... > qbcheck.baseline.json

        Records the findings of a check of FILE... as a baseline. A later
        `qbcheck check --baseline qbcheck.baseline.json …` reports only new findings and says how
        many baselined ones no longer occur. Entries are keyed by rule, record (QBO Id, HubSpot id,
        or file and pointer) and the pointer inside the record, not by line, so reformatting a file
        does not break the baseline.

        """

    static let preflight = """
        USAGE: qbcheck preflight [--account] DIR [--format text|json|html] [--output FILE] [--fail-on S] [--jobs N]

        Audits an account snapshot before the sync is switched on: which records would sync, fail
        or be left out in each direction (with the reason: direction, filter, missing SKU or
        email), every rule over the records, the settings and the pending changes in
        DIR/changes/, the recommendations on the accounts' settings, and the fees to book.
        Pairs that qbcheck.json does not set take HubSpot's recommended setup.

        OPTIONS:
          --account DIR     The snapshot (see qbcheck check --help); DIR alone works too.
          --format F        text (default), json, or html (a self-contained page).
          --output FILE     Write the report to FILE; several --format/--output pairs are allowed.
          --fail-on S       error (default), warning, info or never: what makes the exit status 1.
          --jobs N          Threads that read the snapshot's QBO files (default: one per core, at
                            most 8); the report is the same for any N.
          -h, --help        Show this help.

        """

    static let sync = """
        USAGE: qbcheck sync plan     [--account] DIR [--format text|json]
               qbcheck sync apply    [--account] DIR [--format text|json] [--wait]
               qbcheck sync watch    [--account] DIR [--interval SECONDS] [--cycles N]
               qbcheck sync status   [--account] DIR [--format text|json]
               qbcheck sync records  [--account] DIR [--object O] [--status S] [--category C] [--columns A,B] [--page N] [--page-size N]
               qbcheck sync activity RECORD --account DIR
               qbcheck sync export   [--account] DIR --format csv|json [--output FILE] [--object O] [--status S] [--category C] [--columns A,B]
               qbcheck sync pause|resume|delete OBJECT --account DIR [--yes]

        Syncs contacts ⇔ customers, products ⇔ items and invoices ⇔ invoices of the snapshot DIR
        as qbcheck.json sets them (pairs it leaves out take HubSpot's recommended setup). Records
        are matched by the recorded pairing, then by email, SKU or invoice number; the side that
        changed since the last sync wins, the conflict resolution decides when both did. Every
        change passes the validator first: a change with an error finding is recorded as failed
        with its rule and never written. The offline connector writes the accepted ones into the
        snapshot's files, as a fresh export would show them.

          plan      What apply would do, and each verdict. Changes nothing.
          apply     Commit the accepted changes; record failed and excluded ones in DIR/.qbcheck/sync.sqlite.
          watch     Plan and apply every --interval seconds (60 by default).
          status    The object view: records synced, failed and excluded, per object.
          records   The record view, filtered, one page at a time.
          activity  Every attempt on a record (its HubSpot or QuickBooks id, or #row).
          export    The filtered records as CSV (RFC 4180, UTF-8) or JSON.
          pause     Stop a pair, keeping its settings and records; resume starts it again.
          delete    Remove a pair's settings and records (asks first; --yes in scripts).

        OBJECT is contacts, products or invoices; S is synced, failed or excluded. Columns: record,
        object, hubspot_id, quickbooks_id, status, error_category, message, remedy, last_sync.
        EXIT STATUS: 0 all synced; 1 some changes failed; 2 unreadable input, a stopped run, or
        another sync holding the account (--wait waits for it).

        """

    static let rules = """
        USAGE: qbcheck rules [--format text|json]

        Lists every rule: id, default severity, title.

        """

    static let explain = """
        USAGE: qbcheck explain RULE-ID

        Prints one rule's catalog entry: the documented constraint it encodes, why the sync would
        fail, what to do instead, and its sources.

        """
}
