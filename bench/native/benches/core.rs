//! The native baseline of `make bench` (issue 8, item 2).
//!
//! The same operations as `bench/lib/ops.mjs`, under the same ids, on the same
//! inputs, but calling the Rust core directly instead of the wasm package:
//!
//! * the inputs are read from `bench/vectors/peers-vectors.json` when the
//!   bench starts, and each operation gets the same pool of 16 inputs as
//!   `ops.mjs` builds (entry 0 is the vectors' input; the others differ in a
//!   few bytes; keys 1..15 are `sha256("intent-signer bench … key i")`), and
//!   the calls cycle through the pool;
//! * every operation is run on every pool entry and its output checked (entry
//!   0 against the vectors' expected value where they give one, every entry
//!   against what it must be) before anything is timed; a mismatch aborts;
//! * each timed call does what the wasm export does after the JS→wasm
//!   conversion: where JS passes an object, the native input is the same
//!   object as an already-built `serde_json::Value`, and the core reads it
//!   (`from_json`) on every call, as the export does; outputs are built as
//!   far as the core builds them (EIP-55 strings, base58 intent hashes).
//!   What is left out is exactly the JS↔wasm boundary: reading JS values and
//!   building JS objects.
//!
//! Timing is criterion's, tuned short (see `criterion()`); `bench/native.mjs`
//! reads criterion's estimates into `bench/native/results.json`.

use std::hint::black_box;
use std::time::Duration;

use criterion::Criterion;
use serde_json::{json, Value};
use sha2::{Digest as _, Sha256};

use intent_signer::abi::{FunctionSig, Placeholders};
use intent_signer::eip712::TypedData;
use intent_signer::encoding::{
    base58_encode, base64_encode, format_curve_bytes, hex_decode, hex_encode, parse_curve_bytes,
    Curve,
};
use intent_signer::execution::{
    self, FinishInput, PrepareOptions, SignatureInput, WalletOutput,
};
use intent_signer::multi_payload::MultiPayload;
use intent_signer::nep413::{self, Nep413Payload};
use intent_signer::{ed25519, erc191, secp256k1, sep53, tip191};

/// Pool size, as `N` in `bench/lib/ops.mjs`.
const N: usize = 16;

type Res<T> = Result<T, String>;

fn err<E: std::fmt::Display>(what: &str) -> impl FnOnce(E) -> String + '_ {
    move |e| format!("{what}: {e}")
}

// ------------------------------------------------------------------ inputs

fn sha256(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

fn hex_array<const L: usize>(s: &str) -> Res<[u8; L]> {
    let b = hex_decode(s).map_err(err(s))?;
    <[u8; L]>::try_from(b.as_slice()).map_err(|_| format!("{s}: not {L} bytes"))
}

/// `0x` + lowercase hex.
fn hex0x(b: &[u8]) -> String {
    format!("0x{}", hex_encode(b))
}

fn hex2(i: usize) -> String {
    format!("{i:02x}")
}

fn get<'a>(v: &'a Value, path: &str) -> Res<&'a Value> {
    v.pointer(path).ok_or_else(|| format!("peers-vectors.json: no {path}"))
}

fn get_str<'a>(v: &'a Value, path: &str) -> Res<&'a str> {
    get(v, path)?
        .as_str()
        .ok_or_else(|| format!("peers-vectors.json: {path} is not a string"))
}

/// Adds `i` to a decimal string (as `String(BigInt(s) + BigInt(i))` does).
fn add_dec(s: &str, i: usize) -> Res<String> {
    let n: u128 = s.parse().map_err(err(s))?;
    Ok((n + i as u128).to_string())
}

/// The EIP-55 address of a secp256k1 secret key.
fn secp_address(key: &[u8; 32]) -> Res<String> {
    let xy = secp256k1::public_key(key).map_err(err("secp256k1 key"))?;
    Ok(secp256k1::checksum_address(&secp256k1::address(&xy)))
}

/// Everything `ops.mjs` derives from the vectors before building its ops.
struct Pools {
    v: Value,
    secp_keys: Vec<[u8; 32]>,
    secp_addr: Vec<String>,
    ed_seeds: Vec<[u8; 32]>,
    ed_pubs: Vec<[u8; 32]>,
    msg600: Vec<String>,
    msg64k: Vec<String>,
}

impl Pools {
    fn load() -> Res<Self> {
        let file = concat!(env!("CARGO_MANIFEST_DIR"), "/../vectors/peers-vectors.json");
        let text = std::fs::read_to_string(file).map_err(err(file))?;
        let v: Value = serde_json::from_str(&text).map_err(err(file))?;

        let mut secp_keys = Vec::with_capacity(N);
        let mut ed_seeds = Vec::with_capacity(N);
        for i in 0..N {
            secp_keys.push(if i == 0 {
                hex_array(get_str(&v, "/inputs/secp256k1PrivateKey")?)?
            } else {
                sha256(format!("intent-signer bench secp256k1 key {i}").as_bytes())
            });
            ed_seeds.push(if i == 0 {
                hex_array(get_str(&v, "/inputs/ed25519Seed")?)?
            } else {
                sha256(format!("intent-signer bench ed25519 seed {i}").as_bytes())
            });
        }
        let secp_addr = secp_keys.iter().map(secp_address).collect::<Res<Vec<_>>>()?;
        let ed_pubs: Vec<[u8; 32]> = ed_seeds.iter().map(ed25519::public_key).collect();
        if hex0x(&ed_pubs[0]) != get_str(&v, "/inputs/ed25519PublicKey")? {
            return Err("ed25519 public key of the vector seed".into());
        }
        if secp_addr[0] != get_str(&v, "/inputs/secp256k1Address")? {
            return Err("secp256k1 address of the vector key".into());
        }
        if format_curve_bytes(Curve::Ed25519, &ed_pubs[0]) != get_str(&v, "/inputs/nearPublicKey")? {
            return Err("NEAR public key of the vector seed".into());
        }

        let message600 = get_str(&v, "/inputs/message600")?;
        const NONCE_FIELD: &str = r#""nonce":"k3Jd8s0PqLw2Zx7Y""#;
        if !message600.contains(NONCE_FIELD) || !message600.is_ascii() {
            return Err("message600 layout changed".into());
        }
        let msg600: Vec<String> = (0..N)
            .map(|i| {
                if i == 0 {
                    message600.to_owned()
                } else {
                    message600.replacen(NONCE_FIELD, &format!(r#""nonce":"k3Jd8s0PqLw2Zx{}""#, hex2(i)), 1)
                }
            })
            .collect();
        let big = message600.repeat(65536_usize.div_ceil(600));
        let msg64k: Vec<String> = (0..N).map(|i| format!("{}{}", hex2(i), &big[2..65536])).collect();
        if msg600.iter().any(|m| m.len() != 600) || msg64k.iter().any(|m| m.len() != 65536) {
            return Err("message pools".into());
        }
        Ok(Self { v, secp_keys, secp_addr, ed_seeds, ed_pubs, msg600, msg64k })
    }

    fn str(&self, path: &str) -> Res<&str> {
        get_str(&self.v, path)
    }

    fn get(&self, path: &str) -> Res<&Value> {
        get(&self.v, path)
    }
}

/// secp256k1 r ‖ s ‖ v of a digest, v + `v_offset` (0 or 27), as `nobleSignDigest` (+ 27).
fn sign_digest(hash: &[u8; 32], key: &[u8; 32], v_offset: u8) -> Res<[u8; 65]> {
    let mut s = secp256k1::sign_prehash(hash, key).map_err(err("sign"))?;
    s[64] += v_offset;
    Ok(s)
}

/// JSON texts as `JSON.stringify` writes them (key order kept).
fn js_string(s: &str) -> String {
    Value::String(s.to_owned()).to_string()
}

/// `intentNonce(i)` of ops.mjs: 32 bytes of 0x5a, the first one `i`, in base64.
fn intent_nonce(i: usize) -> String {
    let mut n = [0x5a_u8; 32];
    n[0] = i as u8;
    base64_encode(&n)
}

/// `intentMessage(signerId, i)` of ops.mjs, byte for byte.
fn intent_message(signer_id: &str, i: usize) -> String {
    format!(
        r#"{{"signer_id":{},"verifying_contract":"intents.near","deadline":"2035-11-03T14:56:10.273Z","nonce":{},"intents":[{{"intent":"ft_withdraw","token":"usdc.near","receiver_id":"bob.near","amount":"{}"}}]}}"#,
        js_string(signer_id),
        js_string(&intent_nonce(i)),
        1_000_000 + i
    )
}

/// `norm` of bench/lib/util.mjs on decoded ABI values: numbers as strings,
/// 0x hex lowercase unless it is a 42-character address.
fn norm(v: &Value) -> Value {
    match v {
        Value::Array(a) => Value::Array(a.iter().map(norm).collect()),
        Value::Number(n) => Value::String(n.to_string()),
        Value::String(s) if s.starts_with("0x") && s.len() != 42 => Value::String(s.to_lowercase()),
        other => other.clone(),
    }
}

// --------------------------------------------------------------------- ops

/// One operation: the timed call on pool entry `i`, already checked.
struct Op {
    id: String,
    run: Box<dyn Fn(usize)>,
}

/// Registers an operation: runs `f` on every pool entry and hands each output
/// to `check` (which returns what is wrong, if anything); only then is `f`
/// kept for timing.
fn op<T: 'static>(
    ops: &mut Vec<Op>,
    id: &str,
    f: impl Fn(usize) -> Res<T> + 'static,
    check: impl Fn(usize, &T) -> Res<()>,
) -> Res<()> {
    for i in 0..N {
        let out = f(i).map_err(|e| format!("{id}[{i}]: {e}"))?;
        check(i, &out).map_err(|e| format!("{id}[{i}]: {e}"))?;
    }
    ops.push(Op {
        id: id.to_owned(),
        run: Box::new(move |i| {
            let _ = black_box(f(black_box(i)));
        }),
    });
    Ok(())
}

fn expect_eq<A: PartialEq + std::fmt::Debug>(what: &str, got: A, want: A) -> Res<()> {
    if got == want {
        Ok(())
    } else {
        Err(format!("{what}: got {got:?}, expected {want:?}"))
    }
}

fn build(p: &Pools) -> Res<Vec<Op>> {
    let mut ops = Vec::new();
    let none = Placeholders::new();

    // ------------------------------------------------------------ ABI encode
    let mut abi_pools = std::collections::BTreeMap::new();
    for key in ["transfer", "execute", "swap"] {
        let sig = p.str(&format!("/inputs/abi/{key}/signature"))?.to_owned();
        let args = p.get(&format!("/inputs/abi/{key}/args"))?.clone();
        let pool: Vec<Vec<Value>> = (0..N)
            .map(|i| {
                let mut a = args.as_array().cloned().unwrap_or_default();
                let k = if key == "swap" { 2 } else { 1 };
                let s = a.get(k).and_then(Value::as_str).ok_or("abi args")?.to_owned();
                a[k] = Value::String(add_dec(&s, i)?);
                Ok(a)
            })
            .collect::<Res<_>>()?;
        abi_pools.insert(key, (sig.clone(), pool.clone()));
        let want = p.str(&format!("/outputs/abi/{key}"))?.to_owned();
        let none = none.clone();
        op(
            &mut ops,
            &format!("abi.encode.{key}"),
            move |i| {
                FunctionSig::parse(&sig)
                    .and_then(|s| s.encode(&pool[i], &none))
                    .map_err(err("encode"))
            },
            |i, out: &Vec<u8>| if i == 0 { expect_eq("call data", hex0x(out), want.clone()) } else { Ok(()) },
        )?;
    }

    // ------------------------------------------------------------ ABI decode
    {
        let (sig, pool) = abi_pools["execute"].clone();
        let data: Vec<Vec<u8>> = pool
            .iter()
            .map(|a| FunctionSig::parse(&sig).and_then(|s| s.encode(a, &none)).map_err(err("encode")))
            .collect::<Res<_>>()?;
        let want: Vec<Value> = pool.iter().map(|a| norm(&Value::Array(a.clone()))).collect();
        if want[0] != norm(p.get("/inputs/abi/execute/args")?) {
            return Err("abi.decode.execute: pool entry 0 is not the vectors' args".into());
        }
        op(
            &mut ops,
            "abi.decode.execute",
            move |i| FunctionSig::parse(&sig).and_then(|s| s.decode(&data[i])).map_err(err("decode")),
            |i, out: &Vec<Value>| expect_eq("decoded", norm(&Value::Array(out.clone())), want[i].clone()),
        )?;
    }

    // -------------------------------------------------------- EIP-191 hashes
    let eip191_hash0 = p.str("/outputs/eip191/hash")?.to_owned();
    for (id, pool) in [("eip191.hash.600", p.msg600.clone()), ("eip191.hash.64k", p.msg64k.clone())] {
        let want = (id == "eip191.hash.600").then(|| eip191_hash0.clone());
        op(
            &mut ops,
            id,
            move |i| Ok(erc191::hash(pool[i].as_bytes())),
            |i, out: &[u8; 32]| match (&want, i) {
                (Some(w), 0) => expect_eq("hash", hex0x(out), w.clone()),
                _ => Ok(()),
            },
        )?;
    }

    // ------------------------------------------------------- EIP-191 recover
    {
        let sigs: Vec<[u8; 65]> = (0..N)
            .map(|i| sign_digest(&erc191::hash(p.msg600[i].as_bytes()), &p.secp_keys[i], 27))
            .collect::<Res<_>>()?;
        expect_eq("EIP-191 signature of the vector key", hex0x(&sigs[0]), p.str("/outputs/eip191/signature")?.to_owned())?;
        expect_eq("EIP-191 recovered", p.secp_addr[0].clone(), p.str("/outputs/eip191/recovered")?.to_owned())?;
        let msgs = p.msg600.clone();
        let addrs = p.secp_addr.clone();
        op(
            &mut ops,
            "eip191.recover",
            move |i| {
                erc191::recover(msgs[i].as_bytes(), &sigs[i])
                    .map(|r| secp256k1::checksum_address(&r.address))
                    .map_err(err("recover"))
            },
            |i, out: &String| expect_eq("address", out.clone(), addrs[i].clone()),
        )?;
    }

    // ---------------------------------------------------------------- EIP-712
    let domain = p.get("/inputs/eip712/domain")?.clone();
    for kind in ["PermitWitnessTransferFrom", "PermitSingle"] {
        let base = p.get(&format!("/inputs/eip712/{kind}"))?;
        let pool: Vec<Value> = (0..N)
            .map(|i| {
                let mut t = json!({
                    "domain": domain,
                    "types": base["types"],
                    "primaryType": base["primaryType"],
                    "message": base["message"],
                });
                let nonce = if kind == "PermitSingle" {
                    &mut t["message"]["details"]["nonce"]
                } else {
                    &mut t["message"]["nonce"]
                };
                *nonce = Value::String(add_dec(nonce.as_str().ok_or("nonce")?, i)?);
                Ok(t)
            })
            .collect::<Res<_>>()?;
        let hashes: Vec<[u8; 32]> = pool
            .iter()
            .map(|t| TypedData::from_json(t).and_then(|t| t.signing_hash()).map_err(err("eip712")))
            .collect::<Res<_>>()?;
        let sigs: Vec<[u8; 65]> = (0..N).map(|i| sign_digest(&hashes[i], &p.secp_keys[i], 27)).collect::<Res<_>>()?;
        expect_eq(
            &format!("EIP-712 {kind} signature of the vector key"),
            hex0x(&sigs[0]),
            p.str(&format!("/outputs/eip712/{kind}/signature"))?.to_owned(),
        )?;
        let want_hash = p.str(&format!("/outputs/eip712/{kind}/hash"))?.to_owned();
        let pool_h = pool.clone();
        op(
            &mut ops,
            &format!("eip712.hash.{kind}"),
            move |i| TypedData::from_json(&pool_h[i]).and_then(|t| t.signing_hash()).map_err(err("hash")),
            |i, out: &[u8; 32]| if i == 0 { expect_eq("hash", hex0x(out), want_hash.clone()) } else { Ok(()) },
        )?;
        let addrs = p.secp_addr.clone();
        op(
            &mut ops,
            &format!("eip712.recover.{kind}"),
            move |i| {
                TypedData::from_json(&pool[i])
                    .and_then(|t| t.recover(&sigs[i]))
                    .map(|a| secp256k1::checksum_address(&a))
                    .map_err(err("recover"))
            },
            |i, out: &String| expect_eq("address", out.clone(), addrs[i].clone()),
        )?;
    }

    // --------------------------------------------------------- ed25519 verify
    let msg600_bytes: Vec<Vec<u8>> = p.msg600.iter().map(|m| m.as_bytes().to_vec()).collect();
    {
        let sigs: Vec<[u8; 64]> = (0..N).map(|i| ed25519::sign(&msg600_bytes[i], &p.ed_seeds[i])).collect();
        expect_eq("ed25519 signature", hex0x(&sigs[0]), p.str("/outputs/ed25519/signatureOfMessage600")?.to_owned())?;
        let mut bad = sigs[0];
        bad[5] ^= 1;
        if ed25519::verify(&p.ed_pubs[0], &msg600_bytes[0], &bad) || ed25519::verify(&p.ed_pubs[1], &msg600_bytes[0], &sigs[0]) {
            return Err("ed25519.verify accepts a wrong signature".into());
        }
        let (pubs, msgs) = (p.ed_pubs.clone(), msg600_bytes.clone());
        op(
            &mut ops,
            "ed25519.verify",
            move |i| Ok(ed25519::verify(&pubs[i], &msgs[i], &sigs[i])),
            |_, ok: &bool| expect_eq("valid", *ok, true),
        )?;
    }

    // ---------------------------------------------------------------- NEP-413
    {
        let nonce0: [u8; 32] = hex_array(p.str("/inputs/nep413/nonce")?)?;
        let recipient = p.str("/inputs/nep413/recipient")?;
        let callback = p.str("/inputs/nep413/callbackUrl")?;
        // Ours takes the JSON form NEAR wallets use (nonce in base64), as in ops.mjs.
        let pool: Vec<Value> = (0..N)
            .map(|i| {
                let mut nonce = nonce0;
                nonce[0] ^= i as u8;
                json!({ "message": p.msg600[i], "nonce": base64_encode(&nonce), "recipient": recipient, "callbackUrl": callback })
            })
            .collect();
        let payloads: Vec<Nep413Payload> = pool
            .iter()
            .map(|v| Nep413Payload::from_json(v, "payload", true).map_err(err("nep413 payload")))
            .collect::<Res<_>>()?;
        expect_eq(
            "NEP-413 borsh length",
            nep413::preimage(&payloads[0]).map_err(err("preimage"))?.len() as u64,
            p.get("/outputs/nep413/borshLen_someCallback")?.as_u64().unwrap_or(0),
        )?;
        let hashes: Vec<[u8; 32]> = payloads.iter().map(|x| nep413::hash(x).map_err(err("hash"))).collect::<Res<_>>()?;
        let sigs: Vec<[u8; 64]> = (0..N).map(|i| ed25519::sign(&hashes[i], &p.ed_seeds[i])).collect();
        expect_eq("NEP-413 signature", hex0x(&sigs[0]), p.str("/outputs/nep413/signature_someCallback")?.to_owned())?;
        let want0 = p.str("/outputs/nep413/payloadSha256_someCallback")?.to_owned();
        let pool_h = pool.clone();
        op(
            &mut ops,
            "nep413.hash",
            move |i| {
                Nep413Payload::from_json(&pool_h[i], "payload", true)
                    .and_then(|x| nep413::hash(&x))
                    .map_err(err("hash"))
            },
            |i, out: &[u8; 32]| {
                expect_eq("hash", *out, hashes[i])?;
                if i == 0 { expect_eq("hash", hex0x(out), want0.clone()) } else { Ok(()) }
            },
        )?;
        let pub_text: Vec<String> = p.ed_pubs.iter().map(|k| format_curve_bytes(Curve::Ed25519, k)).collect();
        let sig_text: Vec<String> = sigs.iter().map(|s| format_curve_bytes(Curve::Ed25519, s)).collect();
        let verify = move |i: usize, j: usize| -> Res<bool> {
            let payload = Nep413Payload::from_json(&pool[i], "payload", true).map_err(err("payload"))?;
            let pk: [u8; 32] = parse_curve_bytes(&pub_text[i], Curve::Ed25519).map_err(err("publicKey"))?;
            let sig: [u8; 64] = parse_curve_bytes(&sig_text[j], Curve::Ed25519).map_err(err("signature"))?;
            nep413::verify(&payload, &pk, &sig).map_err(err("verify"))
        };
        if verify(1, 0)? {
            return Err("nep413.verify accepts a wrong signature".into());
        }
        op(&mut ops, "nep413.verify", move |i| verify(i, i), |_, ok: &bool| expect_eq("valid", *ok, true))?;
    }

    // ---------------------------------------------------- verifyMultiPayload
    let evm_signer = |i: usize| p.secp_addr[i].to_lowercase();
    let near_signer = |i: usize| hex_encode(&p.ed_pubs[i]);
    let secp_text = |s: &[u8]| format_curve_bytes(Curve::Secp256k1, s);
    let ed_text = |s: &[u8]| format_curve_bytes(Curve::Ed25519, s);
    for std in ["nep413", "erc191", "raw_ed25519", "tip191", "sep53"] {
        // (the MultiPayload, the signer id, the public key text, the intent hash) per pool entry.
        let mut mps: Vec<Value> = Vec::new();
        let mut want: Vec<(bool, String, Option<String>, String)> = Vec::new();
        for i in 0..N {
            let (mp, signer, key, hash) = match std {
                "erc191" | "tip191" => {
                    let payload = intent_message(&evm_signer(i), i);
                    let hash = if std == "erc191" { erc191::hash(payload.as_bytes()) } else { tip191::hash(payload.as_bytes()) };
                    let sig = sign_digest(&hash, &p.secp_keys[i], 0)?;
                    let xy = secp256k1::public_key(&p.secp_keys[i]).map_err(err("key"))?;
                    (
                        json!({ "standard": std, "payload": payload, "signature": secp_text(&sig) }),
                        evm_signer(i),
                        secp_text(&xy),
                        hash,
                    )
                }
                "raw_ed25519" | "sep53" => {
                    let payload = intent_message(&near_signer(i), i);
                    let (signed, hash) = if std == "raw_ed25519" {
                        (payload.as_bytes().to_vec(), sha256(payload.as_bytes()))
                    } else {
                        let h = sha256(&[b"Stellar Signed Message:\n".as_slice(), payload.as_bytes()].concat());
                        expect_eq("sep53 hash", h, sep53::hash(payload.as_bytes()))?;
                        (h.to_vec(), h)
                    };
                    let sig = ed25519::sign(&signed, &p.ed_seeds[i]);
                    (
                        json!({ "standard": std, "payload": payload, "public_key": ed_text(&p.ed_pubs[i]), "signature": ed_text(&sig) }),
                        near_signer(i),
                        ed_text(&p.ed_pubs[i]),
                        hash,
                    )
                }
                _ => {
                    let payload = json!({ "message": intent_message(&near_signer(i), i), "nonce": intent_nonce(i), "recipient": "intents.near" });
                    let parsed = Nep413Payload::from_json(&payload, "payload", true).map_err(err("payload"))?;
                    let hash = nep413::hash(&parsed).map_err(err("hash"))?;
                    let sig = ed25519::sign(&hash, &p.ed_seeds[i]);
                    (
                        json!({ "standard": std, "payload": payload, "public_key": ed_text(&p.ed_pubs[i]), "signature": ed_text(&sig) }),
                        near_signer(i),
                        ed_text(&p.ed_pubs[i]),
                        hash,
                    )
                }
            };
            mps.push(mp);
            want.push((true, signer, Some(key), base58_encode(&hash)));
        }
        let verify = |mp: &Value| -> Res<(bool, String, Option<String>, String)> {
            let v = MultiPayload::from_json(mp).and_then(|m| m.verify()).map_err(err("verify"))?;
            Ok((v.valid, v.signer_id, v.public_key.map(|k| k.to_string()), base58_encode(&v.intent_hash)))
        };
        let mut wrong = mps[0].clone();
        wrong["signature"] = mps[1]["signature"].clone();
        if verify(&wrong)?.0 {
            return Err(format!("verifyMultiPayload.{std} accepts a wrong signature"));
        }
        op(
            &mut ops,
            &format!("verifyMultiPayload.{std}"),
            move |i| verify(&mps[i]),
            |i, out| expect_eq("verification", out.clone(), want[i].clone()),
        )?;
    }

    // ------------------------------------------ prepareSigning + finishSigning
    const NOW_MS: i64 = 1_793_491_200_000; // Date.parse("2026-11-01T00:00:00Z")
    let steps = json!([
        {
            "to": "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48",
            "functionSignature": "approve(address,uint256)",
            "parameters": ["0x000000000022D473030F116dDEE9F6B43aC78BA3", "2500000000"],
            "value": "0"
        },
        {
            "to": "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48",
            "functionSignature": "transfer(address,uint256)",
            "parameters": ["0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045", "{AMOUNT_IN}"],
            "value": "0"
        }
    ]);
    let execution = |signer: &str, std: &str, i: usize| {
        let payload_json = intent_message(signer, i);
        json!({
            "id": format!("33ca3807-0e1b-455f-a6dd-1a482ec9b3{}", hex2(i)),
            "status": "CREATED",
            "details": {
                "signingStandard": std,
                "messageToSign": payload_json,
                "payload": { "payload_json": payload_json, "payload_bytes_base64": base64_encode(payload_json.as_bytes()), "standard": std },
            },
            "steps": steps,
        })
    };
    for std in ["erc191", "raw_ed25519"] {
        // (execution, wallet, wallet output) per pool entry; what must come out.
        let mut flows: Vec<(Value, String, SignatureInput)> = Vec::new();
        let mut want: Vec<(String, String, Value)> = Vec::new();
        for i in 0..N {
            if std == "erc191" {
                let ex = execution(&evm_signer(i), std, i);
                let payload = intent_message(&evm_signer(i), i);
                let hash = erc191::hash(payload.as_bytes());
                let sig = sign_digest(&hash, &p.secp_keys[i], 27)?;
                let mut sig01 = sig;
                sig01[64] -= 27;
                let id = ex["id"].clone();
                flows.push((ex, p.secp_addr[i].clone(), SignatureInput::Text(hex0x(&sig))));
                want.push((evm_signer(i), base58_encode(&hash), json!({ "executionId": id, "signature": secp_text(&sig01) })));
            } else {
                let ex = execution(&near_signer(i), std, i);
                let payload = intent_message(&near_signer(i), i);
                let sig = ed25519::sign(payload.as_bytes(), &p.ed_seeds[i]);
                let id = ex["id"].clone();
                flows.push((ex, base58_encode(&p.ed_pubs[i]), SignatureInput::Bytes(sig.to_vec())));
                want.push((
                    near_signer(i),
                    base58_encode(&sha256(payload.as_bytes())),
                    json!({ "executionId": id, "publicKey": ed_text(&p.ed_pubs[i]), "signature": ed_text(&sig) }),
                ));
            }
        }
        op(
            &mut ops,
            &format!("flow.{std}"),
            move |i| {
                let (ex, wallet, sig) = &flows[i];
                let req = execution::prepare_signing(
                    ex,
                    &PrepareOptions { wallet, now_ms: Some(NOW_MS), verifying_contract: "intents.near", known_contracts: &[], known_recipients: &[] },
                )
                .map_err(err("prepareSigning"))?;
                let out = WalletOutput { signature: sig.clone(), public_key: None, account_id: None };
                let done = execution::finish_signing(&FinishInput::from(&req), &out).map_err(err("finishSigning"))?;
                Ok((done.signer_id, base58_encode(&done.intent_hash), done.submit_body, done.multi_payload_json))
            },
            |i, (signer, hash, body, mp)| {
                expect_eq("signerId", signer.clone(), want[i].0.clone())?;
                expect_eq("intentHashBase58", hash.clone(), want[i].1.clone())?;
                expect_eq("submitBody", body.clone(), want[i].2.clone())?;
                let mp: Value = serde_json::from_str(mp).map_err(err("multiPayload"))?;
                expect_eq("multiPayload.signature", mp["signature"].clone(), want[i].2["signature"].clone())
            },
        )?;
    }

    // ---------------------------------------------------------------- signing
    {
        let mut sig0: [u8; 65] = hex_array(p.str("/outputs/secp256k1/signatureOfEip191Hash")?)?;
        if sig0[64] >= 27 {
            sig0[64] -= 27;
        }
        let (msgs, keys) = (p.msg600.clone(), p.secp_keys.clone());
        op(
            &mut ops,
            "secp256k1.sign",
            move |i| erc191::sign(msgs[i].as_bytes(), &keys[i]).map_err(err("sign")),
            |i, out: &[u8; 65]| if i == 0 { expect_eq("signature", *out, sig0) } else { Ok(()) },
        )?;
        let want0: [u8; 64] = hex_array(p.str("/outputs/ed25519/signatureOfMessage600")?)?;
        let (msgs, seeds, pubs) = (msg600_bytes, p.ed_seeds.clone(), p.ed_pubs.clone());
        let msgs_c = msgs.clone();
        op(
            &mut ops,
            "ed25519.sign",
            move |i| Ok(ed25519::sign(&msgs[i], &seeds[i])),
            |i, out: &[u8; 64]| {
                if !ed25519::verify(&pubs[i], &msgs_c[i], out) {
                    return Err("signature does not verify".into());
                }
                if i == 0 { expect_eq("signature", *out, want0) } else { Ok(()) }
            },
        )?;
    }

    Ok(ops)
}

// ------------------------------------------------------------------- timing

/// Short runs: the whole native bench, build included, has to fit in about
/// two minutes on a shared 2-core machine. Flags given to the binary (a
/// filter, `--sample-size`, `--measurement-time`, …) still override these.
fn criterion() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_millis(1000))
        .nresamples(10_000)
        .without_plots()
        .configure_from_args()
}

fn main() {
    let started = std::time::Instant::now();
    let ops = Pools::load().and_then(|p| build(&p)).unwrap_or_else(|e| {
        eprintln!("native bench: {e}");
        std::process::exit(1);
    });
    eprintln!(
        "native bench: {} operations, {N} inputs each, every output checked in {:.1} s; measuring",
        ops.len(),
        started.elapsed().as_secs_f64()
    );
    let mut c = criterion();
    for o in &ops {
        let run = &o.run;
        c.bench_function(&o.id, |b| {
            let mut k = 0_usize;
            b.iter(|| {
                run(k & (N - 1));
                k = k.wrapping_add(1);
            });
        });
    }
    c.final_summary();
}
