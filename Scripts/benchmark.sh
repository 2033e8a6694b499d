#!/usr/bin/env bash
# Benchmarks qbcheck against the reference readers measured in the same run, on generated,
# deterministic QBO invoice NDJSON (every line type, custom fields, tax detail, linked payments).
# Absolute times on shared machines are noise; the ratios are the figures.
#   Usage: Scripts/benchmark.sh [MB]     (default 200; needs GNU time for peak memory)
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-200}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -c release --product qbcheck --product qbcheck-benchmark >/dev/null 2>&1 || swift build -c release >/dev/null
bin=.build/release
python3 - "$work/invoices.ndjson" "$size" <<'PY'
import json, random, sys
path, size = sys.argv[1], int(sys.argv[2])
random.seed(7)
def invoice(i):
    lines = []
    for n in range(random.randint(1, 6)):
        qty, price = random.randint(1, 9), round(random.uniform(1, 500), 2)
        lines.append({"Id": str(n + 1), "LineNum": n + 1, "DetailType": "SalesItemLineDetail", "Amount": round(qty * price, 2), "Description": f"Item {n}",
                      "SalesItemLineDetail": {"ItemRef": {"value": str(n + 1), "name": f"Item {n}"}, "Qty": qty, "UnitPrice": price, "TaxCodeRef": {"value": "TAX"}, "ServiceDate": "2025-01-10"}})
    lines.append({"Id": "90", "DetailType": "DescriptionOnly", "Description": "Thanks", "DescriptionLineDetail": {}})
    lines.append({"Id": "91", "DetailType": "GroupLineDetail", "GroupLineDetail": {"GroupItemRef": {"value": "30"}, "Quantity": 1,
                  "Line": [{"Id": "92", "DetailType": "SalesItemLineDetail", "Amount": 10.0, "SalesItemLineDetail": {"ItemRef": {"value": "7"}, "Qty": 1, "UnitPrice": 10}}]}})
    subtotal = round(sum(l["Amount"] for l in lines if "Amount" in l) + 10.0, 2)  # the group's nested line
    lines.append({"DetailType": "DiscountLineDetail", "Amount": 5.0, "DiscountLineDetail": {"PercentBased": False}})
    lines.append({"DetailType": "SubTotalLineDetail", "Amount": subtotal, "SubTotalLineDetail": {}})
    tax = round(subtotal * 0.08, 2)
    return {"Invoice": {"Id": str(i), "SyncToken": "0", "DocNumber": f"{10000 + i}", "TxnDate": "2025-01-10", "DueDate": "2025-02-09",
        "CustomerRef": {"value": str(i % 5000), "name": f"Customer {i % 5000}"}, "CurrencyRef": {"value": "USD"}, "Line": lines,
        "TxnTaxDetail": {"TxnTaxCodeRef": {"value": "2"}, "TotalTax": tax, "TaxLine": [{"DetailType": "TaxLineDetail", "Amount": tax,
            "TaxLineDetail": {"NetAmountTaxable": subtotal, "TaxPercent": 8, "TaxRateRef": {"value": "3"}, "PercentBased": True}}]},
        "TotalAmt": round(subtotal - 5 + tax, 2), "Balance": 0, "CustomField": [{"DefinitionId": "1", "Name": "Crew #", "Type": "StringType", "StringValue": str(i % 97)}],
        "LinkedTxn": [{"TxnId": str(900000 + i), "TxnType": "Payment"}], "BillEmail": {"Address": f"c{i % 5000}@example.com"},
        "MetaData": {"CreateTime": "2025-01-10T10:00:00-08:00", "LastUpdatedTime": "2025-01-11T10:00:00-08:00"}}, "time": "2025-01-11T10:00:01.000-08:00"}
written, i = 0, 0
with open(path, "w") as f:
    while written < size * 1_000_000:
        line = json.dumps(invoice(i), separators=(",", ":")) + "\n"
        f.write(line); written += len(line); i += 1
PY
mb=$(du -m "$work/invoices.ndjson" | cut -f1)
echo "workload: $mb MB of QBO invoice NDJSON ($(wc -l < "$work/invoices.ndjson") invoices)"
measure() {  # label, command… → seconds and peak KB
  local label=$1; shift
  local stats
  stats=$( { /usr/bin/env time -f "%e %M" "$@" > /dev/null || true; } 2>&1 | tail -n1 )
  echo "$label $stats"
}
read -r _ check_s check_kb < <(measure check "$bin/qbcheck" check --origin quickbooks --format json "$work/invoices.ndjson")
foundation=$("$bin/qbcheck-benchmark" foundation "$work/invoices.ndjson")
phases=$("$bin/qbcheck-benchmark" phases "$work/invoices.ndjson")
foundation_rate=$(echo "$foundation" | awk '{print $(NF-1)}')
check_rate=$(awk -v mb="$mb" -v s="$check_s" 'BEGIN { printf "%.1f", mb / s }')
echo "qbcheck check --format json (one worker): $check_s s, $check_rate MB/s, peak $((check_kb / 1024)) MB"
echo "$foundation"
echo "$phases"
ratio=$(awk -v a="$check_rate" -v b="$foundation_rate" 'BEGIN { printf "%.2f", a / b }')
echo "ratio to Foundation JSONSerialization: ${ratio}x (target ≥ 10x: $(awk -v r="$ratio" 'BEGIN { print (r >= 10) ? "met" : "not met" }'))"
if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists simdjson 2>/dev/null; then
  echo "simdjson: installed; its reader is not built by this script yet"
else
  echo "simdjson: not installed (apt-get install libsimdjson-dev pkg-config); the 0.5 × simdjson target is not measured"
fi
echo "peak memory over NDJSON: $((check_kb / 1024)) MB (target ≤ 64 MB: $( [ "$check_kb" -le 65536 ] && echo met || echo "not met"))"
