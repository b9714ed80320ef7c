//! Signature policy against third-party vectors.
//!
//! 1. `wycheproof_ed25519` / `wycheproof_secp256k1`: every Wycheproof EdDSA
//!    ed25519 case and every ECDSA secp256k1 case of the SHA-256 and SHA-512
//!    groups (DER, P1363 and Bitcoin), through `ed25519::verify` and
//!    `secp256k1::recover_prehash`. The expected result of each case comes from
//!    the README's "Verification policy and security notes", written down below
//!    as one table per scheme (`eddsa_policy`, `ecdsa_policy`: for each
//!    Wycheproof flag, what we give for `valid`, `invalid` and `acceptable`
//!    cases), plus the range/high-s rules computed from (r, s) alone.
//! 2. `signature_edge_vectors`: `tests/vectors/signature-edges.json`, through
//!    `ed25519::verify`, `secp256k1::recover_prehash`, `erc191::recover`,
//!    `encoding::hex_decode_array` and `MultiPayload::verify`. Each case also
//!    states what the NEAR Intents verifier does; that statement is checked
//!    against a model of the verifier's rules (`verifier_ed25519`,
//!    `verifier_secp256k1`) and every disagreement must be explained in the case.
//!
//! Not run: the SHA-3 / SHAKE secp256k1 groups (no SHA-3 implementation among
//! this crate's dependencies). Run with `-- --nocapture` for the summaries.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use ed25519_dalek::Verifier as _;
use intent_signer::encoding::{hex_decode, hex_decode_array, to_array};
use intent_signer::{ed25519, erc191, secp256k1, MultiPayload};
use k256::ecdsa::{RecoveryId, Signature as K256Signature, VerifyingKey as K256Key};
use serde_json::Value;
use sha2::{Digest as _, Sha256, Sha512};
use wycheproof::{ecdsa, eddsa, TestResult};

// ---------------------------------------------------------------------------
// Constants (SEC 2 §2.4.1, RFC 8032 §5.1) and the published small-order list.
// ---------------------------------------------------------------------------

/// secp256k1 group order n, big-endian.
const N: [u8; 32] = hex32("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
/// ⌊n/2⌋: the largest s the policy calls low.
const N_HALF: [u8; 32] = hex32("7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0");
/// Ed25519 group order L, big-endian.
const L_BE: [u8; 32] = hex32("1000000000000000000000000000000014def9dea2f79cd65812631a5cf5d3ed");
/// Ed25519 field prime p, big-endian.
const P_BE: [u8; 32] = hex32("7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffed");
/// The Ed25519 base point B (RFC 8032 §5.1), encoded.
const BASE_POINT: [u8; 32] =
    hex32("5866666666666666666666666666666666666666666666666666666666666666");

/// Encodings of the points of order dividing 8, canonical and not (libsodium
/// `ed25519_ref10.c` blocklist; Chalkias et al., "Taming the many EdDSAs").
const SMALL_ORDER_ENCODINGS: [[u8; 32]; 14] = [
    hex32("0100000000000000000000000000000000000000000000000000000000000000"),
    hex32("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
    hex32("0000000000000000000000000000000000000000000000000000000000000000"),
    hex32("0000000000000000000000000000000000000000000000000000000000000080"),
    hex32("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"),
    hex32("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85"),
    hex32("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"),
    hex32("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa"),
    hex32("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
    hex32("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"),
    hex32("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
    hex32("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"),
    hex32("0100000000000000000000000000000000000000000000000000000000000080"),
    hex32("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"),
];

const fn hex32(s: &str) -> [u8; 32] {
    const fn nibble(c: u8) -> u8 {
        match c {
            b'0'..=b'9' => c - b'0',
            b'a'..=b'f' => c - b'a' + 10,
            _ => panic!("not lowercase hex"),
        }
    }
    let b = s.as_bytes();
    assert!(b.len() == 64);
    let mut out = [0u8; 32];
    let mut i = 0;
    while i < 32 {
        out[i] = (nibble(b[2 * i]) << 4) | nibble(b[2 * i + 1]);
        i += 1;
    }
    out
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

// ---------------------------------------------------------------------------
// 256-bit helpers (big-endian byte arrays; only used to build or classify inputs)
// ---------------------------------------------------------------------------

fn is_zero(a: &[u8; 32]) -> bool {
    a.iter().all(|&b| b == 0)
}

/// a − b mod 2^256.
fn sub_be(a: &[u8; 32], b: &[u8; 32]) -> [u8; 32] {
    let mut out = [0u8; 32];
    let mut borrow = 0i16;
    for i in (0..32).rev() {
        let mut d = i16::from(a[i]) - i16::from(b[i]) - borrow;
        borrow = i16::from(d < 0);
        if d < 0 {
            d += 256;
        }
        out[i] = u8::try_from(d).unwrap();
    }
    out
}

/// a + b mod 2^256.
fn add_be(a: &[u8; 32], b: &[u8; 32]) -> [u8; 32] {
    let mut out = [0u8; 32];
    let mut carry = 0u16;
    for i in (0..32).rev() {
        let s = u16::from(a[i]) + u16::from(b[i]) + carry;
        out[i] = u8::try_from(s & 0xff).unwrap();
        carry = s >> 8;
    }
    out
}

fn one_be() -> [u8; 32] {
    let mut one = [0u8; 32];
    one[31] = 1;
    one
}

fn le_to_be(a: &[u8; 32]) -> [u8; 32] {
    let mut out = *a;
    out.reverse();
    out
}

/// Bit `i` (0 = least significant) of a big-endian number of any width.
fn bit(be: &[u8], i: usize) -> bool {
    let byte = be[be.len() - 1 - i / 8];
    (byte >> (i % 8)) & 1 == 1
}

/// x mod L for a big-endian number of any width (bit-serial reduction).
fn mod_l(be: &[u8]) -> [u8; 32] {
    let mut r = [0u8; 32];
    for i in (0..be.len() * 8).rev() {
        r = add_be(&r, &r);
        if bit(be, i) {
            r = add_be(&r, &one_be());
        }
        if r >= L_BE {
            r = sub_be(&r, &L_BE);
        }
    }
    r
}

/// a · b mod L (a, b < L).
fn mul_mod_l(a: &[u8; 32], b: &[u8; 32]) -> [u8; 32] {
    let mut acc = [0u8; 32];
    for i in (0..256).rev() {
        acc = add_be(&acc, &acc);
        if acc >= L_BE {
            acc = sub_be(&acc, &L_BE);
        }
        if bit(b, i) {
            acc = add_be(&acc, a);
            if acc >= L_BE {
                acc = sub_be(&acc, &L_BE);
            }
        }
    }
    acc
}

/// H(R ‖ A ‖ M) mod L, big-endian (RFC 8032 §5.1.7 step 2).
fn ed25519_k(r: &[u8], a: &[u8], msg: &[u8]) -> [u8; 32] {
    let h: [u8; 64] = Sha512::new()
        .chain_update(r)
        .chain_update(a)
        .chain_update(msg)
        .finalize()
        .into();
    let mut be = h;
    be.reverse();
    mod_l(&be)
}

/// The clamped secret scalar a of a seed, mod L, big-endian (RFC 8032 §5.1.5).
fn ed25519_secret_scalar(seed: &[u8; 32]) -> [u8; 32] {
    let h: [u8; 64] = Sha512::digest(seed).into();
    let mut a: [u8; 32] = h[..32].try_into().unwrap();
    a[0] &= 248;
    a[31] &= 127;
    a[31] |= 64;
    mod_l(&le_to_be(&a))
}

// ---------------------------------------------------------------------------
// The verifier's rules, modelled with the libraries it runs
// ---------------------------------------------------------------------------

/// What the NEAR Intents verifier concludes for an Ed25519 signature: the weak-key
/// check of near/intents `crates/crypto/src/ed25519.rs`, then nearcore's
/// `ed25519_verify` host function (top-3-bits precheck on S, lenient key
/// decoding, ed25519-dalek 2 `verify`: cofactorless, R compared as bytes).
fn verifier_ed25519(public_key: &[u8; 32], msg: &[u8], sig: &[u8; 64]) -> bool {
    if sig[63] & 0xe0 != 0 {
        return false;
    }
    let Ok(key) = ed25519_dalek::VerifyingKey::from_bytes(public_key) else {
        return false;
    };
    if key.is_weak() {
        return false;
    }
    key.verify(msg, &ed25519_dalek::Signature::from_bytes(sig))
        .is_ok()
}

/// The key the verifier recovers from a 65-byte r ‖ s ‖ v: v < 4 (nearcore
/// `ecrecover`; `RecoveryId::from_byte` on main), `check_signature_values`
/// with `reject_upper` (r < n, s ≤ ⌊n/2⌋), then recovery (r or s zero: none).
fn verifier_secp256k1(prehash: &[u8; 32], sig: &[u8; 65]) -> Option<[u8; 64]> {
    let v = sig[64];
    if v >= 4 {
        return None;
    }
    let r: [u8; 32] = sig[..32].try_into().unwrap();
    let s: [u8; 32] = sig[32..64].try_into().unwrap();
    if r >= N || s > N_HALF {
        return None;
    }
    let ecdsa = K256Signature::from_slice(&sig[..64]).ok()?;
    let key = K256Key::recover_from_prehash(prehash, &ecdsa, RecoveryId::from_byte(v)?).ok()?;
    let point = key.to_encoded_point(false);
    Some(point.as_bytes()[1..].try_into().unwrap())
}

fn eth_address(key: &[u8; 64]) -> String {
    format!("0x{}", hex(&alloy_primitives::keccak256(key)[12..]))
}

// ---------------------------------------------------------------------------
// Outcomes and the per-flag policy tables
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Outcome {
    /// Verifies / recovers the test's public key.
    Accept,
    /// Well-formed, but does not verify (`false`, another key, no key).
    NotSigner,
    /// `Err(HIGH_S)`.
    HighS,
    /// `Err(INVALID_SIGNATURE)`: r or s zero or not below n.
    RangeError,
    /// Cannot be handed to our API: not r ‖ s (BER/DER garbage, an integer
    /// longer than 32 bytes, a negative integer) or the wrong length
    /// (`INVALID_LENGTH` where a 64/65-byte field is due).
    Length,
    /// A valid signature whose R has x ≥ n: only v ∈ {2, 3} recovers the key,
    /// and our v set is {0, 1, 27, 28}: `Err(INVALID_RECOVERY_ID)`.
    XReduced,
}
use Outcome::{Accept, HighS, Length, NotSigner, RangeError, XReduced};

/// One cell of a policy table: the outcomes we may give. Empty: the flag never
/// occurs with that Wycheproof result (asserted).
type Cell = &'static [Outcome];
const NEVER: Cell = &[];
const ACCEPT: Cell = &[Accept];
const REJECT: Cell = &[NotSigner];
const LENGTH: Cell = &[Length];
/// A valid ECDSA signature: accepted when s ≤ ⌊n/2⌋, `HIGH_S` otherwise (the
/// verifier refuses high-s); x-reduced R: `INVALID_RECOVERY_ID` (listed).
const ECDSA_VALID: Cell = &[Accept, HighS, XReduced];
/// An invalid ECDSA signature: never accepted; the refusal is the one the
/// range/high-s rules give for its (r, s), or `Length` when not representable.
const ECDSA_REFUSED: Cell = &[NotSigner, HighS, RangeError, Length];

/// (valid, invalid, acceptable) per flag: `ed25519::verify` is strict
/// (`verify_strict`, weak keys refused), so only the canonical, ordinary
/// signatures are accepted.
fn eddsa_policy(flag: eddsa::TestFlag) -> (Cell, Cell, Cell) {
    use eddsa::TestFlag as F;
    match flag {
        F::Valid | F::KnownTestVector | F::TinkOverflow => (ACCEPT, NEVER, NEVER),
        // S ≥ L ("S just above the bound"), special values of R and S, R
        // encodings that a lenient decoder would accept: all refused.
        F::InvalidKnownTestVector
        | F::InvalidSignature
        | F::InvalidEncoding
        | F::SignatureMalleability => (NEVER, REJECT, NEVER),
        // Not 64 bytes: INVALID_LENGTH before verification.
        F::TruncatedSignature | F::SignatureWithGarbage | F::CompressedSignature => {
            (NEVER, LENGTH, NEVER)
        }
    }
}

/// (valid, invalid, acceptable) per flag for secp256k1 through recovery.
fn ecdsa_policy(flag: ecdsa::TestFlag) -> (Cell, Cell, Cell) {
    use ecdsa::TestFlag as F;
    match flag {
        F::ValidSignature
        | F::EdgeCasePublicKey
        | F::EdgeCaseShamirMultiplication
        | F::ModularInverse
        | F::SpecialCaseHash => (ECDSA_VALID, NEVER, NEVER),
        F::ArithmeticError | F::PointDuplication => (ECDSA_VALID, ECDSA_REFUSED, NEVER),
        // P1363 "incorrect size of signature" carries this flag too.
        F::SmallRandS => (ECDSA_VALID, LENGTH, NEVER),
        // DER-level damage: never reaches r ‖ s ‖ v.
        F::BerEncodedSignature
        | F::InvalidEncoding
        | F::InvalidTypesInSignature
        | F::MissingZero
        | F::SignatureSize => (NEVER, LENGTH, NEVER),
        // Bytes of r or s modified, truncated, zeroed…: a DER error, or an
        // (r, s) that the range/high-s rules refuse or that does not verify.
        F::ModifiedSignature => (NEVER, ECDSA_REFUSED, NEVER),
        // r or s ± k·n, + 2^256, …: too long, negative, or ≥ n.
        F::IntegerOverflow | F::RangeCheck => (NEVER, &[Length, RangeError], NEVER),
        // r → n − r, −r, …
        F::ModifiedInteger => (NEVER, &[Length, NotSigner, HighS], NEVER),
        // r, s ∈ {0, 1, n − 1, n, n + 1, p, …}
        F::InvalidSignature => (NEVER, &[RangeError, NotSigner, HighS, Length], NEVER),
        // Bitcoin: the high-s twin of a valid signature.
        F::SignatureMalleabilityBitcoin => (NEVER, &[HighS], NEVER),
        // A signature over the untruncated 512-bit hash.
        F::Untruncatedhash => (NEVER, &[NotSigner, HighS], NEVER),
        F::GroupIsomorphism => (NEVER, NEVER, NEVER),
    }
}

fn cell(table: (Cell, Cell, Cell), result: TestResult) -> Cell {
    match result {
        TestResult::Valid => table.0,
        TestResult::Invalid => table.1,
        TestResult::Acceptable => table.2,
    }
}

/// Counts per (suite, flags, result, outcome) and the notable cases.
#[derive(Default)]
struct Summary {
    counts: BTreeMap<(String, String, String, Outcome), usize>,
    notes: Vec<String>,
    verifier_disagreements: Vec<String>,
}

impl Summary {
    fn count(&mut self, suite: &str, flags: &str, result: TestResult, outcome: Outcome) {
        *self
            .counts
            .entry((suite.into(), flags.into(), format!("{result:?}"), outcome))
            .or_default() += 1;
    }

    fn print(&self, title: &str) {
        println!("== {title}: cases per (flags, Wycheproof result) -> our outcome");
        let mut per_flags: BTreeMap<(&str, &str, Outcome), usize> = BTreeMap::new();
        let mut per_suite: BTreeMap<(&str, Outcome), usize> = BTreeMap::new();
        for ((suite, flags, result, outcome), n) in &self.counts {
            *per_flags.entry((flags, result, *outcome)).or_default() += n;
            *per_suite.entry((suite, *outcome)).or_default() += n;
        }
        for ((flags, result, outcome), n) in &per_flags {
            println!("  {flags:<48} {result:<10} {outcome:?}: {n}");
        }
        println!("  per suite:");
        for ((suite, outcome), n) in &per_suite {
            println!("    {suite:<32} {outcome:?}: {n}");
        }
        for n in &self.notes {
            println!("  note: {n}");
        }
        println!(
            "  our verdict vs the verifier model: {} disagreement(s)",
            self.verifier_disagreements.len()
        );
        for d in &self.verifier_disagreements {
            println!("    {d}");
        }
    }
}

// ---------------------------------------------------------------------------
// 1. Wycheproof EdDSA ed25519
// ---------------------------------------------------------------------------

#[test]
fn wycheproof_ed25519() {
    let set = eddsa::TestSet::load(eddsa::TestName::Ed25519).unwrap();
    let mut summary = Summary::default();
    let mut failures = Vec::new();
    let mut total = 0;
    let mut by_rule = 0;
    for group in &set.test_groups {
        let pk: [u8; 32] = group.key.pk.as_slice().try_into().unwrap();
        for test in &group.tests {
            total += 1;
            let id = format!(
                "ed25519 tcId {} flags {:?} ({:?}, {:?})",
                test.tc_id, test.flags, test.result, test.comment
            );
            let outcome = match to_array::<64>(&test.sig) {
                Err(e) => {
                    assert_eq!(e.code(), "INVALID_LENGTH", "{id}");
                    Length
                }
                Ok(sig) => {
                    let ours = ed25519::verify(&pk, &test.msg, &sig);
                    // Policy rules that need no flag: S ≥ L, small-order R or
                    // key are refused.
                    let s: [u8; 32] = sig[32..].try_into().unwrap();
                    let r: [u8; 32] = sig[..32].try_into().unwrap();
                    let policy_refuses = le_to_be(&s) >= L_BE
                        || SMALL_ORDER_ENCODINGS.contains(&r)
                        || SMALL_ORDER_ENCODINGS.contains(&pk);
                    if policy_refuses {
                        by_rule += 1;
                    }
                    if policy_refuses && ours {
                        failures.push(format!(
                            "{id}: accepted a non-canonical S or a small-order R/A"
                        ));
                    }
                    let verifier = verifier_ed25519(&pk, &test.msg, &sig);
                    if verifier != ours {
                        summary
                            .verifier_disagreements
                            .push(format!("{id}: ours {ours}, verifier {verifier}"));
                    }
                    if ours {
                        Accept
                    } else {
                        NotSigner
                    }
                }
            };
            for flag in &test.flags {
                let allowed = cell(eddsa_policy(*flag), test.result);
                if !allowed.contains(&outcome) {
                    failures.push(format!(
                        "{id}: outcome {outcome:?}, policy for {flag:?}/{:?} is {allowed:?}",
                        test.result
                    ));
                }
            }
            summary.count(
                "ed25519",
                &format!("{:?}", test.flags),
                test.result,
                outcome,
            );
        }
    }
    summary.notes.push(format!(
        "{by_rule} cases have S >= L or a small-order R/A (refusal checked without flags)"
    ));
    summary.print("Wycheproof ed25519_test.json");
    assert_eq!(total, set.number_of_tests);
    assert!(total >= 150, "{total}");
    assert!(
        failures.is_empty(),
        "{} failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

// ---------------------------------------------------------------------------
// 1. Wycheproof ECDSA secp256k1
// ---------------------------------------------------------------------------

/// A strict DER `SEQUENCE { INTEGER r, INTEGER s }`: the magnitudes, or `None`
/// for anything that is not minimal DER of two non-negative integers.
fn der_rs(sig: &[u8]) -> Option<(Vec<u8>, Vec<u8>)> {
    fn tlv(b: &[u8]) -> Option<(u8, &[u8], &[u8])> {
        let (&tag, rest) = b.split_first()?;
        let (&len0, rest) = rest.split_first()?;
        let (len, rest) = match len0 {
            0..=0x7f => (usize::from(len0), rest),
            0x81 => {
                let (&l, rest) = rest.split_first()?;
                if l < 0x80 {
                    return None;
                }
                (usize::from(l), rest)
            }
            0x82 => {
                let l = usize::from(*rest.first()?) << 8 | usize::from(*rest.get(1)?);
                if l < 0x100 {
                    return None;
                }
                (l, rest.get(2..)?)
            }
            _ => return None,
        };
        Some((tag, rest.get(..len)?, rest.get(len..)?))
    }
    fn uint(v: &[u8]) -> Option<Vec<u8>> {
        let first = *v.first()?;
        if first & 0x80 != 0 {
            return None;
        }
        if first == 0 && v.len() > 1 {
            if v[1] & 0x80 == 0 {
                return None;
            }
            return Some(v[1..].to_vec());
        }
        Some(v.to_vec())
    }
    let (tag, body, rest) = tlv(sig)?;
    if tag != 0x30 || !rest.is_empty() {
        return None;
    }
    let (t1, r, body) = tlv(body)?;
    let (t2, s, body) = tlv(body)?;
    if t1 != 2 || t2 != 2 || !body.is_empty() {
        return None;
    }
    Some((uint(r)?, uint(s)?))
}

fn pad32(magnitude: &[u8]) -> Option<[u8; 32]> {
    let trimmed: &[u8] = {
        let start = magnitude
            .iter()
            .position(|&b| b != 0)
            .unwrap_or(magnitude.len());
        &magnitude[start..]
    };
    if trimmed.len() > 32 {
        return None;
    }
    let mut out = [0u8; 32];
    out[32 - trimmed.len()..].copy_from_slice(trimmed);
    Some(out)
}

fn rsv(r: &[u8; 32], s: &[u8; 32], v: u8) -> [u8; 65] {
    let mut sig = [0u8; 65];
    sig[..32].copy_from_slice(r);
    sig[32..64].copy_from_slice(s);
    sig[64] = v;
    sig
}

/// What the documented policy says from (r, s) alone: `Some(refusal)`, or
/// `None` when the signature math decides.
fn ecdsa_range_policy(r: &[u8; 32], s: &[u8; 32]) -> Option<Outcome> {
    if is_zero(r) || is_zero(s) || *r >= N || *s >= N {
        Some(RangeError)
    } else if *s > N_HALF {
        Some(HighS)
    } else {
        None
    }
}

/// Our outcome for (r, s) over `prehash` against key `q`, trying v ∈ {0, 1}.
fn ecdsa_ours(prehash: &[u8; 32], r: &[u8; 32], s: &[u8; 32], q: &[u8; 64], id: &str) -> Outcome {
    let mut codes = Vec::new();
    for v in 0..2 {
        match secp256k1::recover_prehash(prehash, &rsv(r, s, v)) {
            Ok(key) if key == *q => return Accept,
            Ok(_) => codes.push(None),
            Err(e) => codes.push(Some(e.code())),
        }
    }
    match (codes[0], codes[1]) {
        (Some("HIGH_S"), Some("HIGH_S")) => HighS,
        (Some("INVALID_SIGNATURE"), Some("INVALID_SIGNATURE")) => RangeError,
        (a, b)
            if [a, b]
                .iter()
                .all(|c| matches!(c, None | Some("UNRECOVERABLE_SIGNATURE"))) =>
        {
            // Not the signer with v ∈ {0, 1}; a valid signature with R.x ≥ n
            // recovers only with v ∈ {2, 3}.
            if (2..4).any(|v| k256_recovers(prehash, r, s, v, q)) {
                for v in 2..4 {
                    let err = secp256k1::recover_prehash(prehash, &rsv(r, s, v)).unwrap_err();
                    assert_eq!(err.code(), "INVALID_RECOVERY_ID", "{id}: v = {v}");
                }
                XReduced
            } else {
                NotSigner
            }
        }
        other => panic!("{id}: unexpected errors {other:?}"),
    }
}

/// Whether k256 recovery with recovery id `v` gives `q` (classification only).
fn k256_recovers(prehash: &[u8; 32], r: &[u8; 32], s: &[u8; 32], v: u8, q: &[u8; 64]) -> bool {
    let Ok(sig) = K256Signature::from_scalars(*r, *s) else {
        return false;
    };
    let Some(recid) = RecoveryId::from_byte(v) else {
        return false;
    };
    K256Key::recover_from_prehash(prehash, &sig, recid)
        .is_ok_and(|k| k.to_encoded_point(false).as_bytes()[1..] == q[..])
}

#[derive(Clone, Copy)]
enum SigFormat {
    Der,
    P1363,
}

/// One ECDSA suite: summary, failures, number of cases, low-s twins checked.
fn run_ecdsa_suite(
    suite: &'static str,
    name: ecdsa::TestName,
    format: SigFormat,
) -> (Summary, Vec<String>, usize, usize) {
    let mut summary = Summary::default();
    let mut failures = Vec::new();
    let mut total = 0;
    let mut twins = 0;
    let set = ecdsa::TestSet::load(name).unwrap();
    assert_eq!(
        set.number_of_tests,
        set.test_groups.iter().map(|g| g.tests.len()).sum::<usize>()
    );
    for group in &set.test_groups {
        let q: [u8; 64] = group.key.key[1..].try_into().unwrap();
        assert_eq!(group.key.key[0], 4);
        for test in &group.tests {
            total += 1;
            let id = format!(
                "{suite} tcId {} flags {:?} ({:?}, {:?})",
                test.tc_id, test.flags, test.result, test.comment
            );
            // The hash the group names, truncated to the 256-bit order
            // (SEC 1 §4.1.4 step 5): the 32-byte prehash our API takes.
            let prehash: [u8; 32] = match group.hash {
                wycheproof::HashFunction::Sha2_256 => Sha256::digest(&test.msg).into(),
                wycheproof::HashFunction::Sha2_512 => {
                    Sha512::digest(&test.msg)[..32].try_into().unwrap()
                }
                other => panic!("{id}: hash {other:?} not run"),
            };
            let rs = match format {
                SigFormat::Der => {
                    der_rs(&test.sig).and_then(|(r, s)| Some((pad32(&r)?, pad32(&s)?)))
                }
                SigFormat::P1363 => {
                    let with_v: Vec<u8> = test.sig.iter().copied().chain([0]).collect();
                    match to_array::<65>(&with_v) {
                        Ok(sig) => Some((
                            sig[..32].try_into().unwrap(),
                            sig[32..64].try_into().unwrap(),
                        )),
                        Err(e) => {
                            assert_eq!(e.code(), "INVALID_LENGTH", "{id}");
                            None
                        }
                    }
                }
            };
            let outcome = match rs {
                None => Length,
                Some((r, s)) => {
                    let outcome = ecdsa_ours(&prehash, &r, &s, &q, &id);
                    if let Some(required) = ecdsa_range_policy(&r, &s) {
                        if outcome != required {
                            failures.push(format!(
                                "{id}: outcome {outcome:?}, the range/high-s policy requires {required:?}"
                            ));
                        }
                    }
                    let verifier =
                        (0..4).any(|v| verifier_secp256k1(&prehash, &rsv(&r, &s, v)) == Some(q));
                    if verifier != (outcome == Accept) {
                        summary.verifier_disagreements.push(format!(
                            "{id}: ours {outcome:?}, verifier accepts: {verifier}"
                        ));
                    }
                    // A valid high-s signature: its low-s twin (n − s) must
                    // be accepted (the form wallets and the verifier use).
                    if test.result == TestResult::Valid && outcome == HighS {
                        twins += 1;
                        let low = sub_be(&N, &s);
                        let twin = ecdsa_ours(&prehash, &r, &low, &q, &id);
                        match twin {
                            Accept => {}
                            XReduced => {
                                summary.notes.push(format!(
                                    "{id}: the low-s twin (n - s) has R.x >= n and needs v in {{2, 3}}: we give INVALID_RECOVERY_ID"
                                ));
                                let verifier = (2..4).any(|v| {
                                    verifier_secp256k1(&prehash, &rsv(&r, &low, v)) == Some(q)
                                });
                                if verifier {
                                    summary.verifier_disagreements.push(format!(
                                        "{id} low-s twin: ours INVALID_RECOVERY_ID, verifier accepts it with v in {{2, 3}}"
                                    ));
                                }
                            }
                            other => failures.push(format!(
                                "{id}: the low-s twin of a valid signature gives {other:?}"
                            )),
                        }
                    }
                    outcome
                }
            };
            for flag in &test.flags {
                let allowed = cell(ecdsa_policy(*flag), test.result);
                if !allowed.contains(&outcome) {
                    failures.push(format!(
                        "{id}: outcome {outcome:?}, policy for {flag:?}/{:?} is {allowed:?}",
                        test.result
                    ));
                }
            }
            if outcome == XReduced {
                summary
                    .notes
                    .push(format!("{id}: needs v in {{2, 3}}: INVALID_RECOVERY_ID"));
            }
            summary.count(suite, &format!("{:?}", test.flags), test.result, outcome);
        }
    }
    (summary, failures, total, twins)
}

#[test]
fn wycheproof_secp256k1() {
    use ecdsa::TestName as T;
    let suites = [
        (
            "ecdsa_secp256k1_sha256",
            T::EcdsaSecp256k1Sha256,
            SigFormat::Der,
        ),
        (
            "ecdsa_secp256k1_sha256_p1363",
            T::EcdsaSecp256k1Sha256P1363,
            SigFormat::P1363,
        ),
        (
            "ecdsa_secp256k1_sha256_bitcoin",
            T::EcdsaSecp256k1Sha256Bitcoin,
            SigFormat::Der,
        ),
        (
            "ecdsa_secp256k1_sha512",
            T::EcdsaSecp256k1Sha512,
            SigFormat::Der,
        ),
        (
            "ecdsa_secp256k1_sha512_p1363",
            T::EcdsaSecp256k1Sha512P1363,
            SigFormat::P1363,
        ),
    ];
    // One thread per suite: the recoveries dominate the run time.
    let runs: Vec<_> = std::thread::scope(|scope| {
        let handles: Vec<_> = suites
            .into_iter()
            .map(|(suite, name, format)| scope.spawn(move || run_ecdsa_suite(suite, name, format)))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut summary = Summary::default();
    let mut failures = Vec::new();
    let mut total = 0;
    let mut twins = 0;
    for (s, f, n, t) in runs {
        for (k, v) in s.counts {
            *summary.counts.entry(k).or_default() += v;
        }
        summary.notes.extend(s.notes);
        summary
            .verifier_disagreements
            .extend(s.verifier_disagreements);
        failures.extend(f);
        total += n;
        twins += t;
    }
    summary.notes.push(format!(
        "{twins} valid high-s signatures: low-s twin checked"
    ));
    summary.print("Wycheproof ECDSA secp256k1 (SHA-256, SHA-512)");
    assert!(total >= 2000, "{total}");
    assert!(
        failures.is_empty(),
        "{} failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

// ---------------------------------------------------------------------------
// 2. tests/vectors/signature-edges.json
// ---------------------------------------------------------------------------

const EDGES: &str = include_str!("vectors/signature-edges.json");

fn bytes(v: &Value) -> Vec<u8> {
    hex_decode(v.as_str().unwrap()).unwrap()
}

fn arr<const K: usize>(v: &Value) -> [u8; K] {
    bytes(v).try_into().unwrap()
}

fn base58(s: &str) -> Vec<u8> {
    let data = s.split_once(':').map_or(s, |(_, d)| d);
    bs58::decode(data).into_vec().unwrap()
}

/// Named 256-bit values of the `construct` entries, big-endian.
fn named(value: &str, s: &[u8; 32]) -> [u8; 32] {
    let two_pow = |e: usize| {
        let mut out = [0u8; 32];
        out[31 - e / 8] = 1 << (e % 8);
        out
    };
    match value {
        "0" => [0u8; 32],
        "n" => N,
        "n+1" => add_be(&N, &one_be()),
        "n/2" => N_HALF,
        "n/2+1" => add_be(&N_HALF, &one_be()),
        "n-s" => sub_be(&N, s),
        "2^256-1" => [0xff; 32],
        "L" => L_BE,
        "L+1" => add_be(&L_BE, &one_be()),
        "2^253" => two_pow(253),
        other => panic!("unknown constant {other}"),
    }
}

/// The signature, key and message a case hands to the crate.
struct Material {
    sig: Vec<u8>,
    key: Vec<u8>,
    msg: Vec<u8>,
}

fn material(case: &Value) -> Material {
    let input = &case["input"];
    match case["type"].as_str().unwrap() {
        "ed25519_verify" => Material {
            sig: bytes(&input["signature"]),
            key: bytes(&input["publicKey"]),
            msg: bytes(&input["message"]),
        },
        "multi_payload" => {
            let mp = &input["multiPayload"];
            Material {
                sig: base58(mp["signature"].as_str().unwrap()),
                key: mp
                    .get("public_key")
                    .map_or(Vec::new(), |k| base58(k.as_str().unwrap())),
                msg: mp["payload"].as_str().unwrap().as_bytes().to_vec(),
            }
        }
        _ => Material {
            sig: bytes(&input["signature"]),
            key: Vec::new(),
            msg: Vec::new(),
        },
    }
}

/// Recomputes a malformed input from its stated construction.
fn check_construct(id: &str, construct: &Value, m: &Material) {
    let kind = construct["kind"].as_str().unwrap();
    let derived: Vec<u8> = match kind {
        "secp256k1_replace" => {
            let base: [u8; 65] = arr(&construct["base"]);
            let s0: [u8; 32] = base[32..64].try_into().unwrap();
            let mut sig = base;
            if let Some(r) = construct.get("r") {
                sig[..32].copy_from_slice(&named(r.as_str().unwrap(), &s0));
            }
            if let Some(s) = construct.get("s") {
                sig[32..64].copy_from_slice(&named(s.as_str().unwrap(), &s0));
            }
            if let Some(v) = construct.get("v") {
                sig[64] = u8::try_from(v.as_u64().unwrap()).unwrap();
            }
            sig.to_vec()
        }
        "secp256k1_erc2098" => {
            let base: [u8; 65] = arr(&construct["base"]);
            let parity = if base[64] >= 27 {
                base[64] - 27
            } else {
                base[64]
            };
            let mut sig = base[..64].to_vec();
            sig[32] |= parity << 7;
            sig
        }
        "append_zero" => {
            let mut sig = bytes(&construct["base"]);
            sig.push(0);
            sig
        }
        "ed25519_s_plus_l" | "ed25519_replace_s" => {
            let base: [u8; 64] = arr(&construct["base"]);
            let s_le: [u8; 32] = base[32..].try_into().unwrap();
            let s = if kind == "ed25519_s_plus_l" {
                add_be(&le_to_be(&s_le), &L_BE)
            } else {
                named(construct["s"].as_str().unwrap(), &[0; 32])
            };
            let mut sig = base.to_vec();
            sig[32..].copy_from_slice(&le_to_be(&s));
            sig
        }
        "ed25519_weak_key_forgery" => {
            // R = B, S = 1 and k = H(R‖A‖M) mod L ≡ 0 (mod the key's order),
            // so [S]B − [k]A = B = R.
            let order = u8::try_from(construct["order"].as_u64().unwrap()).unwrap();
            let k = ed25519_k(&BASE_POINT, &m.key, &m.msg);
            assert_eq!(k[31] % order, 0, "{id}: k mod {order}");
            assert!(
                SMALL_ORDER_ENCODINGS.iter().any(|e| e[..] == m.key[..]),
                "{id}"
            );
            let mut sig = BASE_POINT.to_vec();
            sig.push(1);
            sig.extend([0u8; 31]);
            sig
        }
        "ed25519_noncanonical_y" => {
            let mut y = [0u8; 32];
            y[31] = u8::try_from(construct["y"].as_u64().unwrap()).unwrap();
            let key = le_to_be(&add_be(&P_BE, &y));
            assert_eq!(key[..], m.key[..], "{id}: key");
            m.sig.clone()
        }
        "ed25519_chosen_r" => {
            // S = H(R‖A‖M) · a mod L with a chosen R: [S]B − [k]A = identity.
            let seed: [u8; 32] = arr(&construct["seed"]);
            assert_eq!(
                ed25519::public_key(&seed)[..],
                m.key[..],
                "{id}: key of the seed"
            );
            let r: [u8; 32] = arr(&construct["r"]);
            let k = ed25519_k(&r, &m.key, &m.msg);
            let s = mul_mod_l(&k, &ed25519_secret_scalar(&seed));
            let mut sig = r.to_vec();
            sig.extend(le_to_be(&s));
            sig
        }
        "ed25519_rfc8032_sign" => {
            use ed25519_dalek::Signer as _;
            let seed: [u8; 32] = arr(&construct["seed"]);
            ed25519_dalek::SigningKey::from_bytes(&seed)
                .sign(&m.msg)
                .to_bytes()
                .to_vec()
        }
        other => panic!("{id}: unknown construct {other}"),
    };
    assert_eq!(hex(&derived), hex(&m.sig), "{id}: construct {construct}");
}

/// A case taken from Wycheproof: its base signature, key and prehash are the
/// upstream test's (from the wycheproof crate's copy of the JSON).
fn check_wycheproof_origin(id: &str, w: &Value, case: &Value) {
    assert_eq!(w["testName"], "ecdsa_secp256k1_sha256_p1363", "{id}");
    let tc_id = usize::try_from(w["tcId"].as_u64().unwrap()).unwrap();
    let set = ecdsa::TestSet::load(ecdsa::TestName::EcdsaSecp256k1Sha256P1363).unwrap();
    let (group, test) = set
        .test_groups
        .iter()
        .flat_map(|g| g.tests.iter().map(move |t| (g, t)))
        .find(|(_, t)| t.tc_id == tc_id)
        .unwrap();
    let base = bytes(&case["construct"]["base"]);
    assert_eq!(
        hex(&base[..64]),
        hex(&test.sig),
        "{id}: signature of tcId {tc_id}"
    );
    assert_eq!(
        hex(&group.key.key[1..]),
        case["input"]["signerPublicKey"],
        "{id}: key"
    );
    let prehash: [u8; 32] = Sha256::digest(&test.msg).into();
    assert_eq!(hex(&prehash), case["input"]["prehash"], "{id}: prehash");
}

/// Our verdict (`true`: accepted) after asserting the case's expected result.
fn run_ours(case: &Value, id: &str) -> Result<bool, String> {
    let input = &case["input"];
    let expected_valid = case["expected"]["valid"].as_bool();
    let expected_error = case["error"].as_str();
    let check_err = |e: &intent_signer::Error| -> Result<bool, String> {
        if expected_error == Some(e.code()) {
            if let Some(path) = case["errorPath"].as_str() {
                if e.path() != path {
                    return Err(format!("error path {:?}, expected {path:?}", e.path()));
                }
            }
            Ok(false)
        } else if expected_valid == Some(false) && e.code() == "UNRECOVERABLE_SIGNATURE" {
            Ok(false)
        } else {
            Err(format!(
                "got error {} ({e}), expected {expected_error:?} / valid {expected_valid:?}",
                e.code()
            ))
        }
    };
    let check_valid = |valid: bool| -> Result<bool, String> {
        if expected_valid == Some(valid) {
            Ok(valid)
        } else {
            Err(format!(
                "got valid: {valid}, expected {expected_valid:?} / error {expected_error:?}"
            ))
        }
    };
    match case["type"].as_str().unwrap() {
        "ed25519_verify" => check_valid(ed25519::verify(
            &arr(&input["publicKey"]),
            &bytes(&input["message"]),
            &arr(&input["signature"]),
        )),
        "secp256k1_recover_prehash" => {
            match secp256k1::recover_prehash(&arr(&input["prehash"]), &arr(&input["signature"])) {
                Ok(key) => check_valid(key == arr::<64>(&input["signerPublicKey"])),
                Err(e) => check_err(&e),
            }
        }
        "erc191_recover" => {
            let message = input["message"].as_str().unwrap().as_bytes();
            match erc191::recover(message, &arr(&input["signature"])) {
                Ok(rec) => check_valid(
                    format!("0x{}", hex(&rec.address)) == input["signerAddress"].as_str().unwrap(),
                ),
                Err(e) => check_err(&e),
            }
        }
        "signature_hex65" => match hex_decode_array::<65>(input["signature"].as_str().unwrap()) {
            Ok(_) => Err("a 65-byte signature was expected to be refused".into()),
            Err(e) => check_err(&e),
        },
        "multi_payload" => {
            match MultiPayload::from_json(&input["multiPayload"]).and_then(|mp| mp.verify()) {
                Ok(v) => check_valid(v.valid),
                Err(e) => check_err(&e),
            }
        }
        other => panic!("{id}: unknown type {other}"),
    }
}

/// The verifier model's verdict for a case.
fn run_verifier(case: &Value, m: &Material) -> bool {
    let input = &case["input"];
    match case["type"].as_str().unwrap() {
        "ed25519_verify" => verifier_ed25519(
            &m.key.clone().try_into().unwrap(),
            &m.msg,
            &m.sig.clone().try_into().unwrap(),
        ),
        "secp256k1_recover_prehash" => {
            let Ok(sig) = <[u8; 65]>::try_from(m.sig.clone()) else {
                return false;
            };
            verifier_secp256k1(&arr(&input["prehash"]), &sig)
                == Some(arr(&input["signerPublicKey"]))
        }
        "erc191_recover" => {
            let Ok(sig) = <[u8; 65]>::try_from(m.sig.clone()) else {
                return false;
            };
            let msg = input["message"].as_str().unwrap().as_bytes();
            verifier_secp256k1(&erc191_prehash(msg), &sig)
                .is_some_and(|k| eth_address(&k) == input["signerAddress"].as_str().unwrap())
        }
        // The verifier's secp256k1 signatures are exactly 65 bytes.
        "signature_hex65" => m.sig.len() == 65,
        "multi_payload" => {
            let mp = &input["multiPayload"];
            let payload = mp["payload"].as_str().unwrap();
            let signer: Value = serde_json::from_str(payload).unwrap();
            let signer = signer["signer_id"].as_str().unwrap();
            match mp["standard"].as_str().unwrap() {
                "erc191" => {
                    let Ok(sig) = <[u8; 65]>::try_from(m.sig.clone()) else {
                        return false;
                    };
                    verifier_secp256k1(&erc191_prehash(payload.as_bytes()), &sig)
                        .is_some_and(|k| eth_address(&k) == signer)
                }
                "raw_ed25519" => {
                    let (Ok(key), Ok(sig)) = (
                        <[u8; 32]>::try_from(m.key.clone()),
                        <[u8; 64]>::try_from(m.sig.clone()),
                    ) else {
                        return false;
                    };
                    verifier_ed25519(&key, payload.as_bytes(), &sig) && hex(&key) == signer
                }
                other => panic!("standard {other} not modelled"),
            }
        }
        other => panic!("unknown type {other}"),
    }
}

/// keccak256("\x19Ethereum Signed Message:\n" ‖ len ‖ msg), written out here.
fn erc191_prehash(msg: &[u8]) -> [u8; 32] {
    let mut pre = b"\x19Ethereum Signed Message:\n".to_vec();
    pre.extend(msg.len().to_string().as_bytes());
    pre.extend(msg);
    alloy_primitives::keccak256(pre).0
}

#[test]
fn signature_edge_vectors() {
    let doc: Value = serde_json::from_str(EDGES).unwrap();
    for (name, value) in [
        ("ed25519_L", L_BE),
        ("ed25519_p", P_BE),
        ("secp256k1_n", N),
        ("secp256k1_n_half", N_HALF),
    ] {
        assert_eq!(
            doc["constants"][name].as_str().unwrap(),
            hex(&value),
            "{name}"
        );
    }
    let cases = doc["cases"].as_array().unwrap();
    let mut failures = Vec::new();
    let mut known_bugs = Vec::new();
    let mut disagreements = Vec::new();
    let mut per_type: BTreeMap<(String, String), usize> = BTreeMap::new();
    for case in cases {
        let id = case["id"].as_str().unwrap();
        let flags = &case["flags"];
        let label = format!("{id} flags {flags}");
        let m = material(case);
        if let Some(construct) = case.get("construct") {
            check_construct(id, construct, &m);
        }
        if let Some(w) = case.get("wycheproof") {
            check_wycheproof_origin(id, w, case);
        }
        let ours = run_ours(case, id);
        let verifier = run_verifier(case, &m);
        let claimed = case["verifier"]["verdict"].as_str().unwrap();
        assert!(
            matches!(claimed, "accept" | "reject") && (claimed == "accept") == verifier,
            "{label}: the case says the verifier would {claimed}, the model says accept = {verifier}"
        );
        match (ours, case.get("knownBug")) {
            (Err(e), Some(bug)) => {
                known_bugs.push(format!("{label}: {e} -- known bug: {bug}"));
                continue;
            }
            (Err(e), None) => {
                failures.push(format!("{label}: {e}"));
                continue;
            }
            (Ok(_), Some(bug)) => {
                failures.push(format!("{label}: passes now; remove knownBug ({bug})"));
            }
            (Ok(accepted), None) => {
                let outcome = if accepted { "accept" } else { "reject" };
                *per_type
                    .entry((case["type"].as_str().unwrap().into(), outcome.into()))
                    .or_default() += 1;
                let explained = case.get("verifierDisagreement");
                match (accepted == verifier, explained) {
                    (true, None) => {}
                    (false, Some(why)) => disagreements.push(format!(
                        "{id}: ours {outcome}, verifier {claimed}: {}",
                        why.as_str().unwrap()
                    )),
                    (false, None) => failures.push(format!(
                        "{label}: ours {outcome}, the verifier would {claimed}, and the case gives no verifierDisagreement"
                    )),
                    (true, Some(_)) => failures.push(format!(
                        "{label}: verifierDisagreement given, but ours and the verifier agree ({outcome})"
                    )),
                }
            }
        }
    }
    println!("== signature-edges.json: {} cases", cases.len());
    for ((typ, outcome), n) in &per_type {
        println!("  {typ:<28} {outcome}: {n}");
    }
    println!("  disagreements with the verifier (documented in the cases):");
    for d in &disagreements {
        println!("    {d}");
    }
    println!("  known bugs: {}", known_bugs.len());
    for b in &known_bugs {
        println!("    {b}");
    }
    assert!(cases.len() >= 90, "{}", cases.len());
    assert!(
        failures.is_empty(),
        "{} failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
