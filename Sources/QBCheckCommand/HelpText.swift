/// `--help` for each command.
enum HelpText {
    static let version = "0.1.0"

    static func text(for command: String?) -> String? {
        switch command {
        case nil: overview
        case "check": check
        case "diff": diff
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
          rules      List the rule catalog
          explain    Explain one rule: the documented constraint, why, what to do, sources
          help       Show help for a command
          version    Print qbcheck's version

        EXIT STATUS: 0 no error findings; 1 error findings; 2 usage error or unreadable input.

        See 'qbcheck <command> --help'.

        """

    static let check = """
        USAGE: qbcheck check [--account DIR] [--origin hubspot|quickbooks] [--format text|json] FILE...

        Checks every document of the files: QBO API responses (entities, query and batch
        responses), HubSpot CRM v3 objects and list pages, {"before", "after"} edits, NDJSON.
        Folders are walked for *.json and *.ndjson; - reads standard input.

        OPTIONS:
          --account DIR   Account snapshot: DIR/quickbooks/*.json, DIR/hubspot/<type>.json,
                          DIR/qbcheck.json. Rules that need it are skipped (and listed) without it.
                          Without --account, qbcheck.json is looked up in this folder and its parents.
          --origin O      Who created the documents (hubspot or quickbooks), when their shape and
                          the account cannot tell.
          --format F      text (default) or json.
          -h, --help      Show this help.

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
