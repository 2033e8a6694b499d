#!/usr/bin/env bash
# The hostile-file cases too large for the unit tests: generates, in a temporary folder, NDJSON
# of QBO invoices at two sizes (default 100 MB and 1 GB) and a JSON file that is one huge line,
# checks each with the release build, and prints time and peak memory. The memory of `check`
# over NDJSON must not grow with the file.   Usage: Scripts/large-inputs.sh [SMALL_MB] [LARGE_MB]
set -euo pipefail
cd "$(dirname "$0")/.."
small=${1:-100}
large=${2:-1000}
command -v time >/dev/null 2>&1 || [ -x /usr/bin/time ] || { echo "large-inputs.sh: needs GNU time (apt-get install time)" >&2; exit 3; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -c release --product qbcheck >/dev/null
qbcheck=.build/release/qbcheck
python3 - "$work" "$small" "$large" <<'PY'
import json, sys
work, small, large = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
line = json.dumps({"Invoice": {"Id": "1", "DocNumber": "1037", "TxnDate": "2025-01-10", "CustomerRef": {"value": "1", "name": "Amy"},
    "Line": [{"Id": "1", "DetailType": "SalesItemLineDetail", "Amount": 275.0, "Description": "Rock Fountain",
              "SalesItemLineDetail": {"ItemRef": {"value": "5"}, "Qty": 1, "UnitPrice": 275, "TaxCodeRef": {"value": "NON"}}},
             {"DetailType": "SubTotalLineDetail", "Amount": 275.0, "SubTotalLineDetail": {}}],
    "TotalAmt": 275.0, "CustomField": [{"DefinitionId": "1", "Name": "Crew #", "Type": "StringType", "StringValue": "102"}]}}) + "\n"
for name, mb in (("small.ndjson", small), ("large.ndjson", large)):
    with open(f"{work}/{name}", "w") as f:
        block = line * 1000
        for _ in range(mb * 1_000_000 // len(block)):
            f.write(block)
with open(f"{work}/one-line.json", "w") as f:
    f.write('{"QueryResponse": {"Invoice": [')
    for i in range(large * 1_000_000 // len(line)):
        f.write(("," if i else "") + json.dumps(json.loads(line)["Invoice"]))
    f.write("]}}")
PY
for file in small.ndjson large.ndjson one-line.json; do
  size=$(du -m "$work/$file" | cut -f1)
  /usr/bin/env time -f "$file ($size MB): %e s, peak %M KB" "$qbcheck" check --origin quickbooks --format json "$work/$file" > /dev/null || true
done
