#!/usr/bin/env bash
# Fuzzes every entry point that takes outside data (cargo-fuzz, nightly).
#
#   bash scripts/fuzz.sh               every target for FUZZ_SECONDS (default 60) each
#   bash scripts/fuzz.sh keys eip712   only these targets
#   bash scripts/fuzz.sh seed          rebuild fuzz/corpus/ from tests/vectors/ (python3)
#   bash scripts/fuzz.sh list          the targets
#
# Environment: FUZZ_SECONDS (per target, default 60), FUZZ_TIMEOUT (seconds one
# input may take before libFuzzer calls it a hang, default 10), FUZZ_SANITIZER
# (cargo fuzz --sanitizer, default address; `none` runs about twice as fast).
#
# The committed seeds in fuzz/corpus/<target>/ are read, never written: new
# inputs libFuzzer finds go to fuzz/work/<target>/ (git-ignored), so the
# committed corpus stays small. A crash leaves its input in
# fuzz/artifacts/<target>/; copy it to fuzz/regressions/<target>/ so that
# `cargo test --test fuzz_corpus` (part of `make test`) replays it.
set -euo pipefail
cd "$(dirname "$0")/.."

TARGETS=(multi_payload intent_decode execution nep413 keys abi_encode abi_decode eip712 permit2_params)
FUZZ_SECONDS="${FUZZ_SECONDS:-60}"
FUZZ_TIMEOUT="${FUZZ_TIMEOUT:-10}"
FUZZ_SANITIZER="${FUZZ_SANITIZER:-address}"

# ------------------------------------------------------------------ seeding
# Extracts the inputs each target takes from tests/vectors/ into
# fuzz/corpus/<target>/ (at most 200 files and 200 KB per target: cases
# covering every vector flag first, then a spread of the rest).
seed() {
  command -v python3 >/dev/null || { echo "seed: python3 is required" >&2; exit 1; }
  python3 - <<'PY'
import hashlib, json, os, re, shutil

V = 'tests/vectors'
OUT = 'fuzz/corpus'
MAX_FILES = 200
MAX_BYTES = 200_000

def load(name):
    with open(os.path.join(V, name), encoding='utf-8') as f:
        return json.load(f)['cases']

def dump(v):
    return json.dumps(v, separators=(',', ':'), ensure_ascii=False)

seeds = {}  # target -> list of (name, bytes, flags)

def add(target, name, data, flags=()):
    if isinstance(data, str):
        data = data.encode('utf-8')
    seeds.setdefault(target, []).append((name, data, tuple(flags)))

gen = {k: load(f'generated/{k}.json') for k in
       ['nep413', 'erc191', 'tip191', 'raw_ed25519', 'sep53', 'executions', 'abi', 'eip712', 'permit2']}
negative = load('negative.json')
upstream = load('upstream.json')
abi_negative = load('abi-negative.json')
aurora = load('abi-aurora.json')
requests = load('execution-requests.json')

# multi_payload: every MultiPayload the vectors hold.
for std in ['nep413', 'erc191', 'tip191', 'raw_ed25519', 'sep53', 'executions']:
    for c in gen[std]:
        mp = (c.get('expected') or {}).get('multiPayload')
        if mp:
            flags = [std] + c.get('flags', [])
            add('multi_payload', f"{std}-{c['id']}", dump(mp), flags)
            if std != 'executions' and c['id'].endswith('01'):
                add('multi_payload', f"{std}-{c['id']}-pretty", json.dumps(mp, indent=2), flags + ['pretty'])
for c in negative + upstream:
    if c.get('type') == 'multi_payload':
        add('multi_payload', c['id'], dump(c['input']['multiPayload']), [c['id']])
    if c.get('type') == 'multi_payload_text':
        add('multi_payload', c['id'], c['input']['text'], [c['id']])

# intent_decode: every payload / message string.
for std in ['raw_ed25519', 'sep53']:
    for c in gen[std]:
        add('intent_decode', f"{std}-{c['id']}", c['input']['payload'], c.get('flags', []))
for std in ['erc191', 'tip191']:
    for c in gen[std]:
        add('intent_decode', f"{std}-{c['id']}", c['input']['message'], c.get('flags', []))
for c in gen['nep413']:
    add('intent_decode', f"nep413-{c['id']}", c['input']['payload']['message'], c.get('flags', []))
for c in negative:
    if c.get('type') in ('intent_decode', 'intent_check'):
        add('intent_decode', c['id'], c['input']['payload'], [c['id']])
for c in gen['executions']:
    p = c['input'].get('execution', {}).get('details', {}).get('payload', {})
    if isinstance(p, dict) and isinstance(p.get('payload_json'), str):
        add('intent_decode', f"exec-{c['id']}", p['payload_json'], c.get('flags', []))

# execution: executions, create-execution bodies, details.payload objects.
for c in gen['executions']:
    if 'execution' in c['input']:
        add('execution', f"exec-{c['id']}", dump(c['input']['execution']), c.get('flags', []))
for c in requests:
    add('execution', f"request-{c['id']}", dump(c['input']['body']), c.get('flags', []) + [c['id']])
for c in negative:
    if c.get('type') == 'execution_payload':
        add('execution', c['id'], dump(c['input']['payload']), [c['id']])

# nep413: NEP-413 payload objects.
for c in gen['nep413']:
    add('nep413', f"gen-{c['id']}", dump(c['input']['payload']), c.get('flags', []))
for c in upstream:
    if c.get('type') == 'nep413':
        add('nep413', c['id'], dump(c['input']['payload']), [c['id']])
for c in gen['executions']:
    p = c['input'].get('execution', {}).get('details', {}).get('payload', {})
    if isinstance(p, dict) and p.get('standard') == 'nep413':
        add('nep413', f"exec-{c['id']}", p['payload_json'], c.get('flags', []))

# keys: key, signature and wallet strings.
def key_strings(v, out):
    if isinstance(v, dict):
        for k, x in v.items():
            if k in ('secretKey', 'seed'):
                continue
            if isinstance(x, str) and (k.lower().endswith(('publickey', 'public_key', 'signature', 'publickeystring',
                                                         'signaturestring', 'signaturenormalized', 'signaturebase64',
                                                         'signaturehex', 'publickeyhex', 'wallet', 'walletoutput',
                                                         'address', 'signerid', 'accountid'))):
                out.append((k, x))
            else:
                key_strings(x, out)
    elif isinstance(v, list):
        for x in v:
            key_strings(x, out)
for name, cases in list(gen.items()) + [('upstream', upstream), ('negative', negative)]:
    if name in ('abi', 'eip712', 'permit2'):
        continue
    for c in cases:
        found = []
        key_strings(c.get('input', {}), found)
        key_strings(c.get('expected', {}), found)
        for k, s in found:
            add('keys', f"{name}-{c['id']}-{k}", s, [name, k, s.split(':')[0] if ':' in s else 'bare'])
add('keys', 'upper-prefix', 'ED25519:GGmuj19BsuQ4fwgk3rMsWyDuxEPcTttWjtdqFPfLtPX5', ['upper'])
add('keys', 'wrong-curve', 'secp256k1:GGmuj19BsuQ4fwgk3rMsWyDuxEPcTttWjtdqFPfLtPX5', ['wrong'])
add('keys', 'p256', 'p256:abc', ['p256'])

# abi_encode: "functionSignature\nparameters".
for c in gen['abi'] + aurora:
    i = c['input']
    add('abi_encode', f"abi-{c['id']}", i['functionSignature'] + '\n' + dump(i['parameters']), c.get('flags', []))
for c in abi_negative:
    i = c['input']
    if 'parameters' in i:
        add('abi_encode', f"neg-{c['id']}", i['functionSignature'] + '\n' + dump(i['parameters']), [c['id']])
    for st in ([i['step']] if 'step' in i else []) + i.get('steps', [])[:1]:
        if isinstance(st, dict) and isinstance(st.get('functionSignature'), str):
            add('abi_encode', f"step-{c['id']}", st['functionSignature'] + '\n' + dump(st.get('parameters', [])), [c['id']])

# abi_decode: one selector byte (index into DECODE_SIGNATURES in fuzz/checks.rs) + call data.
src = open('fuzz/checks.rs', encoding='utf-8').read()
block = re.search(r'DECODE_SIGNATURES: &\[&str\] = &\[(.*?)\];', src, re.S).group(1)
sigs = re.findall(r'"([^"]*)"', block)
for c in gen['abi'] + aurora:
    sig = c['expected'].get('canonicalSignature') or ''
    data = bytes.fromhex(c['expected']['calldata'][2:])
    if sig in sigs:
        add('abi_decode', f"abi-{c['id']}", bytes([sigs.index(sig)]) + data[4:], ['sig-' + sig] + c.get('flags', []))
    elif int(hashlib.sha256(c['id'].encode()).hexdigest(), 16) % 8 == 0:
        # Some other calls' data under a fixed signature: realistic offsets and lengths.
        k = int(hashlib.sha256(c['id'].encode()).hexdigest(), 16) % len(sigs)
        add('abi_decode', f"other-{c['id']}", bytes([k]) + data[4:], ['other'])
for c in abi_negative:
    if c.get('type') == 'decode':
        sig = c['input']['functionSignature']
        k = sigs.index(sig) if sig in sigs else 0
        add('abi_decode', f"neg-{c['id']}", bytes([0x80 | k]) + bytes.fromhex(c['input']['calldata'][2:]), [c['id']])

# eip712: typed data.
for c in gen['eip712']:
    add('eip712', f"gen-{c['id']}", dump(c['input']['typedData']), c.get('flags', []))
for c in gen['permit2']:
    td = (c.get('expected') or {}).get('typedData')
    if td:
        add('eip712', f"permit2-{c['id']}", dump(td), ['permit2'] + c.get('flags', []))

# permit2_params: params_to_sign.
for c in gen['permit2']:
    if 'paramsToSign' in c['input']:
        add('permit2_params', f"gen-{c['id']}", dump(c['input']['paramsToSign']), c.get('flags', []) + [c['id']])

def saved_crashes(target):
    """Inputs saved under fuzz/regressions/<target>/: never seeds (a seed that
    crashes stops libFuzzer before it fuzzes anything)."""
    d = os.path.join('fuzz/regressions', target)
    out = set()
    for name in (os.listdir(d) if os.path.isdir(d) else []):
        with open(os.path.join(d, name), 'rb') as f:
            out.add(hashlib.sha1(f.read()).hexdigest())
    return out

def pick(target, items):
    """Dedupe by content; cover every flag first, then a spread; within the caps."""
    seen, unique = saved_crashes(target), []
    for name, data, flags in items:
        h = hashlib.sha1(data).hexdigest()
        if h not in seen:
            seen.add(h)
            unique.append((name, data, flags))
    chosen, covered, size = [], set(), 0
    def take(item):
        nonlocal size
        if len(chosen) >= MAX_FILES or size + len(item[1]) > MAX_BYTES:
            return False
        chosen.append(item)
        covered.update(item[2])
        size += len(item[1])
        return True
    # Flag coverage, smallest first among those that add a new flag.
    for item in sorted(unique, key=lambda x: len(x[1])):
        if set(item[2]) - covered:
            take(item)
    # Then a spread of the rest (content-hash order: deterministic, unbiased by size).
    for item in sorted(unique, key=lambda x: hashlib.sha1(x[1]).hexdigest()):
        if item not in chosen:
            take(item)
    return chosen

total = 0
for target, items in sorted(seeds.items()):
    d = os.path.join(OUT, target)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    chosen = pick(target, items)
    for name, data, _ in chosen:
        safe = re.sub(r'[^A-Za-z0-9_.-]+', '_', name)[:80]
        with open(os.path.join(d, f"{safe}-{hashlib.sha1(data).hexdigest()[:8]}"), 'wb') as f:
            f.write(data)
    size = sum(len(x[1]) for x in chosen)
    total += size
    print(f"seed: {target:15} {len(chosen):4} files {size:8} bytes (of {len(items)} candidates)")
print(f"seed: total {total} bytes")
PY
}

# ------------------------------------------------------------------ fuzzing
ensure_tools() {
  if ! rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    rustup toolchain install nightly --profile minimal
  fi
  if ! cargo fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked
  fi
}

case "${1:-}" in
  seed) seed; exit 0 ;;
  list) printf '%s\n' "${TARGETS[@]}"; exit 0 ;;
esac
if [ "$#" -gt 0 ]; then TARGETS=("$@"); fi

ensure_tools
echo "== cargo +nightly fuzz build (sanitizer: $FUZZ_SANITIZER)"
cargo +nightly fuzz build -O --debug-assertions --sanitizer "$FUZZ_SANITIZER"

declare -A EXECS STATUS
crashed=0
for t in "${TARGETS[@]}"; do
  work="fuzz/work/$t"
  mkdir -p "$work" "fuzz/corpus/$t" "fuzz/artifacts/$t"
  log="fuzz/work/$t.log"
  echo "== $t: ${FUZZ_SECONDS}s"
  # New inputs go to $work (the first corpus directory); the committed seeds are only read.
  rc=0
  touch "$work.start"
  cargo +nightly fuzz run -O --debug-assertions --sanitizer "$FUZZ_SANITIZER" "$t" \
    "$work" "fuzz/corpus/$t" -- \
    -max_total_time="$FUZZ_SECONDS" -rss_limit_mb=2048 -timeout="$FUZZ_TIMEOUT" \
    -print_final_stats=1 >"$log" 2>&1 || rc=$?
  grep -E '^(#[0-9]+[[:space:]]+(INITED|DONE)|==[0-9]+== ERROR|SUMMARY|Test unit written|stat::number_of_executed_units)' "$log" || true
  execs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | awk '{ n += $2 } END { if (NR) print n }')
  EXECS[$t]="${execs:-?}"
  if [ "$rc" -ne 0 ]; then
    STATUS[$t]="CRASH (exit $rc)"
    crashed=1
    echo "!! $t failed; input(s):"
    find "fuzz/artifacts/$t" -type f -newer "$work.start" | sed 's|^|   |'
    echo "   to save: cp <input> fuzz/regressions/$t/<descriptive-name>"
    grep -m1 -A4 'panicked at' "$log" || grep -m1 -A4 'ERROR: libFuzzer' "$log" || true
    echo "   full log: $log"
  else
    STATUS[$t]="ok"
  fi
done

echo
echo "== fuzz summary (${FUZZ_SECONDS}s per target)"
printf '%-16s %14s  %s\n' target executions result
for t in "${TARGETS[@]}"; do
  printf '%-16s %14s  %s\n' "$t" "${EXECS[$t]}" "${STATUS[$t]}"
done
if [ "$crashed" -ne 0 ]; then
  echo "Crash inputs are in fuzz/artifacts/<target>/: copy each to fuzz/regressions/<target>/"
  echo "and list it in KNOWN_CRASHES in tests/fuzz_corpus.rs until src/ is fixed."
  exit 1
fi
