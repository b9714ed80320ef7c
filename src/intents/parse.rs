//! The verifier's parse of the intents list, rule by rule: what serde derive
//! alone would not reproduce here (each rule with its contract source in
//! `tests/vectors/verifier-parse.json`). A payload the contract would read
//! differently from the review is refused with `AMBIGUOUS_PAYLOAD`; one it
//! refuses is refused here too.

use alloc::string::{String, ToString as _};
use alloc::vec::Vec;

use serde::Deserialize;
use serde_json::Value;

use super::kinds::{Gas, Intent, TokenAmounts};
use super::message::{validate_account_id, Warning, MAX_INTENTS};
use crate::error::{join_path, Error, Result};
use crate::json::{self, Obj};

pub(crate) fn decode_intents(obj: &Obj<'_>, warnings: &mut Vec<Warning>) -> Result<Vec<Intent>> {
    // `intents` is `#[serde(default)] Vec<Intent>`: absent is empty, `null` is refused.
    let Some(list) = obj.map.get("intents") else {
        return Ok(Vec::new());
    };
    let path = obj.path_of("intents");
    if list.is_null() {
        return Err(ambiguous(
            &path,
            "`intents` is null: the contract's list has no null and refuses the payload",
        ));
    }
    let Value::Array(items) = list else {
        return Err(json::wrong_type(&path, "an array", list));
    };
    if items.len() > MAX_INTENTS {
        return Err(Error::InvalidLength {
            path,
            expected: MAX_INTENTS,
            actual: items.len(),
        });
    }
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let item_path = alloc::format!("{path}[{i}]");
        let item_obj = Obj::new(item, &item_path)?;
        let kind = item_obj.req_str("intent")?;
        if let Some(fields) = intent_fields(kind) {
            precheck(kind, &item_obj, fields, warnings)?;
            let intent = Intent::deserialize(item).map_err(|e| Error::InvalidIntent {
                path: item_path.clone(),
                reason: e.to_string(),
            })?;
            validate_intent(&intent, &item_path)?;
            out.push(canonical_state_init(intent));
        } else {
            warnings.push(crate::review::Warning::new(
                "UNKNOWN_INTENT",
                crate::review::Severity::Danger,
                item_path.clone(),
                alloc::format!(
                    "unknown intent kind {}: the verifier refuses the whole payload, and this review cannot say what it would do",
                    crate::review::quote(kind)
                ),
            ));
            out.push(Intent::Unknown(item.clone()));
        }
    }
    Ok(out)
}

fn ambiguous(path: &str, reason: &str) -> Error {
    Error::AmbiguousPayload {
        path: path.into(),
        reason: reason.into(),
    }
}

/// The keys the verifier reads for each intent kind (besides `intent`);
/// `None` for a kind it does not know.
#[must_use]
pub fn intent_fields(kind: &str) -> Option<&'static [&'static str]> {
    Some(match kind {
        "add_public_key" | "remove_public_key" => &["public_key"],
        "ft_withdraw" => &[
            "token",
            "receiver_id",
            "amount",
            "memo",
            "msg",
            "storage_deposit",
            "min_gas",
        ],
        "nft_withdraw" => &[
            "token",
            "receiver_id",
            "token_id",
            "memo",
            "msg",
            "storage_deposit",
            "min_gas",
        ],
        "mt_withdraw" => &[
            "token",
            "receiver_id",
            "token_ids",
            "amounts",
            "memo",
            "msg",
            "storage_deposit",
            "min_gas",
        ],
        "native_withdraw" => &["receiver_id", "amount"],
        "storage_deposit" => &[
            "contract_id",
            "deposit_for_account_id",
            "account_id",
            "amount",
        ],
        "token_diff" => &["diff", "memo", "referral"],
        "set_auth_by_predecessor_id" => &["enabled"],
        "auth_call" => &[
            "contract_id",
            "state_init",
            "msg",
            "attached_deposit",
            "min_gas",
        ],
        "transfer" | "imt_mint" => &[
            "receiver_id",
            "tokens",
            "memo",
            "msg",
            "min_gas",
            "state_init",
        ],
        "imt_burn" => &["minter_id", "tokens", "memo"],
        _ => return None,
    })
}

/// The rules of the verifier's parse that serde derive alone would not
/// reproduce here (each with its contract source in
/// `tests/vectors/verifier-parse.json`).
fn precheck(kind: &str, obj: &Obj<'_>, fields: &[&str], warnings: &mut Vec<Warning>) -> Result<()> {
    for key in obj.map.keys() {
        if key != "intent" && !fields.contains(&key.as_str()) {
            warnings.push(crate::review::Warning::new(
                "IGNORED_FIELD",
                crate::review::Severity::Warning,
                obj.path_of(key),
                alloc::format!(
                    "{} is not a field of {kind}: the verifier ignores it",
                    crate::review::quote(key)
                ),
            ));
        }
    }
    match kind {
        // `#[serde(flatten)] notification: Option<NotifyOnTransfer>`: serde
        // turns any error inside the flattened struct into `None`, so a
        // malformed notification is silently no notification at all.
        "transfer" | "imt_mint" => check_notification(obj),
        // `attached_deposit: NearToken` with `#[serde(default)]`: absent is
        // zero, `null` is refused.
        "auth_call" => {
            if obj.map.get("attached_deposit").is_some_and(Value::is_null) {
                return Err(ambiguous(
                    &obj.path_of("attached_deposit"),
                    "`attached_deposit` is null: the contract's amount has no null and refuses the payload",
                ));
            }
            if let Some(si) = obj.get("state_init") {
                check_state_init(si, &obj.path_of("state_init"))?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// `NotifyOnTransfer { state_init: Option<StateInit>, msg: String, min_gas: Option<Gas> }`,
/// flattened into `transfer` and `imt_mint` as an `Option`: present exactly
/// when every part of it parses. Anything that would make the contract drop
/// it silently is refused.
fn check_notification(obj: &Obj<'_>) -> Result<()> {
    let msg = obj.map.get("msg");
    let min_gas = obj.map.get("min_gas").filter(|v| !v.is_null());
    let state_init = obj.map.get("state_init").filter(|v| !v.is_null());
    match msg {
        None => {
            for (key, v) in [("min_gas", min_gas), ("state_init", state_init)] {
                if v.is_some() {
                    return Err(ambiguous(
                        &obj.path_of(key),
                        "without `msg` the contract drops the whole notification, this field included",
                    ));
                }
            }
            Ok(())
        }
        Some(Value::String(_)) => {
            if let Some(g) = min_gas {
                if Gas::deserialize(g).is_err() {
                    return Err(ambiguous(
                        &obj.path_of("min_gas"),
                        "a malformed `min_gas` makes the contract drop the notification (`msg` included) and execute a plain transfer",
                    ));
                }
            }
            if let Some(si) = state_init {
                check_state_init(si, &obj.path_of("state_init")).map_err(|e| match e {
                    Error::AmbiguousPayload { path, reason } => Error::AmbiguousPayload {
                        path,
                        reason: alloc::format!(
                            "{reason}: a `state_init` the contract cannot read makes it drop the notification (`msg` included) and execute a plain transfer (only the canonical form is read here)"
                        ),
                    },
                    other => other,
                })?;
            }
            Ok(())
        }
        Some(_) => Err(ambiguous(
            &obj.path_of("msg"),
            "`msg` is not a string: the contract drops the notification and executes a plain transfer",
        )),
    }
}

/// `StateInit` as the contract's serde reads it, in its canonical form only:
/// `{"V1": {"code": {"hash": <base58 32 bytes>} | {"account_id": <account>},
/// "data": {<base64>: <base64>, …}}}` (standard base64, padding optional,
/// no two spellings of one key). Other forms
/// serde would also take (a struct as an array) are refused.
fn check_state_init(v: &Value, path: &str) -> Result<()> {
    let bad = |what: &str| ambiguous(path, &alloc::format!("`state_init` {what}"));
    let Value::Object(outer) = v else {
        return Err(bad("is not an object"));
    };
    let (Some(inner), 1) = (outer.get("V1"), outer.len()) else {
        return Err(bad("is not {\"V1\": …}"));
    };
    let Value::Object(v1) = inner else {
        return Err(bad("V1 is not an object"));
    };
    if v1.keys().any(|k| k != "code" && k != "data") {
        return Err(bad("V1 has a field besides code and data"));
    }
    let Some(Value::Object(code)) = v1.get("code") else {
        return Err(bad("has no code object"));
    };
    match (code.len(), code.get("hash"), code.get("account_id")) {
        (1, Some(Value::String(h)), None) => {
            if crate::encoding::base58_decode(h)
                .ok()
                .is_none_or(|b| b.len() != 32)
            {
                return Err(bad("code hash is not base58 of 32 bytes"));
            }
        }
        (1, None, Some(Value::String(a))) => {
            validate_account_id(a).map_err(|_| bad("code account_id is not an account id"))?;
        }
        _ => return Err(bad("code is neither {\"hash\"} nor {\"account_id\"}")),
    }
    let Some(Value::Object(data)) = v1.get("data") else {
        return Err(bad("has no data object"));
    };
    // Keys are read as bytes: two spellings of one key ("AAE", "AAE=") would
    // collapse into one entry, the last.
    let mut keys = alloc::collections::BTreeSet::new();
    for (k, val) in data {
        let key = crate::encoding::base64_decode(k)
            .map_err(|_| bad("data has a key that is not standard base64"))?;
        if val
            .as_str()
            .is_none_or(|v| crate::encoding::base64_decode(v).is_err())
        {
            return Err(bad("data has a value that is not standard base64"));
        }
        if !keys.insert(key) {
            return Err(bad("data spells one key twice"));
        }
    }
    Ok(())
}

/// A checked `state_init` with its data in the padded base64 the contract
/// re-encodes it to (`"AAE"` becomes `"AAE="`): what is shown is what executes.
fn canonical_state_init(mut intent: Intent) -> Intent {
    let (Intent::Transfer { state_init: si, .. }
    | Intent::ImtMint { state_init: si, .. }
    | Intent::AuthCall { state_init: si, .. }) = &mut intent
    else {
        return intent;
    };
    if let Some(Value::Object(data)) = si
        .as_mut()
        .and_then(|v| v.get_mut("V1"))
        .and_then(|v1| v1.get_mut("data"))
    {
        let canonical: serde_json::Map<String, Value> = core::mem::take(data)
            .into_iter()
            .map(|(k, v)| {
                let re = |t: &str| {
                    crate::encoding::base64_decode(t)
                        .map_or_else(|_| t.into(), |b| crate::encoding::base64_encode(&b))
                };
                let v = v.as_str().map_or(v.clone(), |t| Value::String(re(t)));
                (re(&k), v)
            })
            .collect();
        *data = canonical;
    }
    intent
}

/// A public key as the verifier's `PublicKey::from_str` reads it: a
/// case-sensitive `ed25519:`, `secp256k1:` or `p256:` prefix (none:
/// ed25519) and base58 of exactly 32, 64 or 64 bytes. Returns the curve.
///
/// # Errors
/// [`Error::InvalidIntent`] (path relative to the key).
pub fn validate_public_key(s: &str) -> Result<&'static str> {
    let (curve, data) = s.split_once(':').unwrap_or(("ed25519", s));
    let (name, len) = match curve {
        "ed25519" => ("ed25519", 32),
        "secp256k1" => ("secp256k1", 64),
        "p256" => ("p256", 64),
        _ => {
            return Err(Error::InvalidIntent {
                path: String::new(),
                reason: "the key's curve is not ed25519, secp256k1 or p256".into(),
            })
        }
    };
    match crate::encoding::base58_decode(data) {
        Ok(b) if b.len() == len => Ok(name),
        _ => Err(Error::InvalidIntent {
            path: String::new(),
            reason: alloc::format!("a {name} key is base58 of {len} bytes"),
        }),
    }
}

/// A token id as the verifier's `TokenId::from_str` reads it:
/// `nep141:<account>`, `nep171:<account>:<id>`, `nep245:<account>:<id>` or
/// `imt:<minter>:<id>`.
///
/// # Errors
/// [`Error::InvalidIntent`] (path relative to the token id).
pub fn validate_token_id(s: &str) -> Result<()> {
    let fail = || {
        Error::InvalidIntent {
        path: String::new(),
        reason: alloc::format!(
            "{} is not a token id (nep141:<account>, nep171:<account>:<id>, nep245:<account>:<id>, imt:<minter>:<id>)",
            crate::review::quote(s)
        ),
    }
    };
    let (kind, data) = s.split_once(':').ok_or_else(fail)?;
    let account = match kind {
        "nep141" => data,
        "nep171" | "nep245" | "imt" => data.split_once(':').ok_or_else(fail)?.0,
        _ => return Err(fail()),
    };
    validate_account_id(account).map_err(|_| fail())
}

/// What the verifier's types check on an intent that serde derive here does
/// not: account ids, token ids, public keys (each an error at its path).
fn validate_intent(intent: &Intent, path: &str) -> Result<()> {
    let account =
        |key: &str, id: &str| validate_account_id(id).map_err(|e| e.at(&join_path(path, key)));
    let tokens = |key: &str, t: &TokenAmounts| -> Result<()> {
        for id in t.keys() {
            validate_token_id(id).map_err(|e| {
                e.at(&alloc::format!(
                    "{path}.{key}[{}]",
                    crate::review::quote(id)
                ))
            })?;
        }
        Ok(())
    };
    match intent {
        Intent::AddPublicKey { public_key } | Intent::RemovePublicKey { public_key } => {
            validate_public_key(public_key)
                .map(|_| ())
                .map_err(|e| e.at(&join_path(path, "public_key")))
        }
        Intent::Transfer {
            receiver_id,
            tokens: t,
            ..
        } => {
            account("receiver_id", receiver_id)?;
            tokens("tokens", t)
        }
        Intent::ImtBurn { minter_id, .. } => account("minter_id", minter_id),
        Intent::FtWithdraw {
            token, receiver_id, ..
        }
        | Intent::NftWithdraw {
            token, receiver_id, ..
        } => {
            account("token", token)?;
            account("receiver_id", receiver_id)
        }
        Intent::MtWithdraw {
            token,
            receiver_id,
            token_ids,
            amounts,
            ..
        } => {
            account("token", token)?;
            account("receiver_id", receiver_id)?;
            if token_ids.len() == amounts.len() {
                Ok(())
            } else {
                Err(Error::InvalidIntent {
                    path: join_path(path, "amounts"),
                    reason: alloc::format!(
                        "{} token ids and {} amounts: the verifier refuses the intent",
                        token_ids.len(),
                        amounts.len()
                    ),
                })
            }
        }
        Intent::NativeWithdraw { receiver_id, .. } | Intent::ImtMint { receiver_id, .. } => {
            account("receiver_id", receiver_id)
        }
        Intent::StorageDeposit {
            contract_id,
            deposit_for_account_id,
            ..
        } => {
            account("contract_id", contract_id)?;
            account("deposit_for_account_id", deposit_for_account_id)
        }
        Intent::TokenDiff { diff, referral, .. } => {
            for id in diff.keys() {
                validate_token_id(id).map_err(|e| {
                    e.at(&alloc::format!("{path}.diff[{}]", crate::review::quote(id)))
                })?;
            }
            match referral {
                Some(r) => account("referral", r),
                None => Ok(()),
            }
        }
        Intent::AuthCall { contract_id, .. } => account("contract_id", contract_id),
        Intent::SetAuthByPredecessorId { .. } | Intent::Unknown(_) => Ok(()),
    }
}
