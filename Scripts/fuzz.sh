#!/usr/bin/env bash
# Fuzzes the JSON reader, document recognition and every rule with libFuzzer and
# AddressSanitizer, seeded from corpus/.   Usage: Scripts/fuzz.sh SECONDS [JOBS]
# Crashes, hangs and excessive allocations are written to .build-fuzz/findings/; turn each into
# a regression case in the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
jobs=${2:-1}
out=.build-fuzz
mkdir -p "$out/seeds" "$out/findings" "$out/corpus"
flags=(-O -parse-as-library -sanitize=fuzzer,address -use-ld=lld -package-name qbcheck -I "$out" -I Sources/CByteSearch/include)
core=$(find Sources/QBCheckCore -name '*.swift' | sort)
rules=$(find Sources/QBCheckRules -name '*.swift' | sort)
if [ ! -x "$out/qbcheck-fuzz" ] || [ -n "$(find Sources Fuzz -newer "$out/qbcheck-fuzz" \( -name '*.swift' -o -name '*.c' -o -name '*.h' \) | head -n1)" ]; then
  echo "building the fuzz target…" >&2
  # The C library the core calls (memmem), instrumented like the rest.
  clang -O2 -fsanitize=fuzzer-no-link,address -I Sources/CByteSearch/include -c Sources/CByteSearch/byte_search.c -o "$out/byte_search.o"
  swiftc "${flags[@]}" -emit-library -static -emit-module -module-name QBCheckCore $core -o "$out/libQBCheckCore.a"
  swiftc "${flags[@]}" -emit-library -static -emit-module -module-name QBCheckRules $rules -o "$out/libQBCheckRules.a"
  swiftc "${flags[@]}" Fuzz/FuzzEntry.swift "$out/libQBCheckRules.a" "$out/libQBCheckCore.a" "$out/byte_search.o" -o "$out/qbcheck-fuzz"
fi
# Seeds: every corpus document, behind a selector byte for each of the file kinds.
if [ -z "$(ls -A "$out/seeds")" ]; then
  n=0
  while IFS= read -r file; do
    for selector in '\x00' '\x81' '\xc4' '\x03'; do
      n=$((n + 1)); { printf "$selector"; head -c 65536 "$file"; } > "$out/seeds/seed-$n"
    done
  done < <(find corpus -name '*.json' -o -name '*.ndjson' | sort)
fi
# Leak detection is off: Swift stores enum cases in pointers' spare bits, which LeakSanitizer
# cannot follow, so it reports live indirect-enum boxes (JSON pointers) as leaks.
ASAN_OPTIONS=detect_leaks=0 "$out/qbcheck-fuzz" "$out/corpus" "$out/seeds" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 \
  -max_len=65536 -artifact_prefix="$out/findings/" -print_final_stats=1 \
  $( [ "$jobs" -gt 1 ] && echo "-jobs=$jobs -workers=$jobs" ) \
  ${FUZZ_SEED:+-seed="$FUZZ_SEED"} 2>&1 | tail -n 25
# libFuzzer exits non-zero on a finding; the pipeline above would hide it.
if [ -n "$(ls -A "$out/findings")" ]; then
  echo "fuzz.sh: findings in $out/findings/: $(ls "$out/findings" | tr '\n' ' ')" >&2
  exit 1
fi
