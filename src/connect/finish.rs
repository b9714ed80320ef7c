//! After the wallet: verify its answer over the exact bytes, build the submit
//! body and the `MultiPayload`; the delete signature.

use alloc::string::String;
use alloc::vec::Vec;

use serde_json::Value;

use crate::error::{Error, Result};
use crate::multi_payload::Standard;
use crate::nep413::Nep413Payload;

use super::prepare::SigningRequest;
use super::wallet::{Wallet, WalletRequest};

/// What [`finish_signing`] needs from the request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FinishInput {
    /// The standard.
    pub standard: Standard,
    /// The execution id.
    pub execution_id: String,
    /// The wallet.
    pub wallet: Wallet,
    /// The exact string signed (`payload_json`, or the delete message).
    pub payload_json: String,
    /// For `nep413`, the payload the wallet signed.
    pub nep413: Option<Nep413Payload>,
}

impl FinishInput {
    /// The wallet must sign the request's standard (a request edited between
    /// prepare and finish, or assembled by hand, could pair them wrongly).
    ///
    /// # Errors
    /// [`Error::WalletMismatch`] at `wallet`.
    pub fn check(&self) -> Result<()> {
        if self.standard == self.wallet.standard() {
            Ok(())
        } else {
            Err(Error::WalletMismatch {
                path: "wallet".into(),
                reason: alloc::format!("{} does not sign {}", self.wallet.display(), self.standard),
            })
        }
    }
}

impl From<&SigningRequest> for FinishInput {
    fn from(r: &SigningRequest) -> Self {
        Self {
            standard: r.standard,
            execution_id: r.execution_id.clone(),
            wallet: r.wallet.clone(),
            payload_json: r.payload_json.clone(),
            nep413: match &r.wallet_request {
                WalletRequest::SignMessage(p) => Some(p.clone()),
                _ => None,
            },
        }
    }
}

/// A signature as a wallet returns it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignatureInput {
    /// Raw bytes.
    Bytes(Vec<u8>),
    /// Text: `0x` hex, `"<curve>:<base58>"`, base64 or base58.
    Text(String),
}

/// A wallet's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalletOutput {
    /// The signature.
    pub signature: SignatureInput,
    /// NEAR wallets: the key, with or without `ed25519:`.
    pub public_key: Option<String>,
    /// NEAR wallets: the account that signed.
    pub account_id: Option<String>,
}

/// What [`finish_signing`] returns.
#[derive(Debug, Clone, PartialEq)]
pub struct Finished {
    /// `POST /submit` body: `{executionId, signature, publicKey?}`.
    pub submit_body: Value,
    /// The signed payload as the verifier takes it.
    pub multi_payload: crate::multi_payload::MultiPayload,
    /// [`crate::multi_payload::MultiPayload::to_json`] of `multi_payload`, made once.
    pub multi_payload_json: String,
    /// The signer.
    pub signer_id: String,
    /// The intent hash.
    pub intent_hash: [u8; 32],
}

/// Every byte string a signature text may stand for, of length `N`.
fn candidates<const N: usize>(sig: &SignatureInput) -> Vec<[u8; N]> {
    let mut out = Vec::new();
    let mut push = |bytes: Result<Vec<u8>>| {
        if let Ok(Ok(a)) = bytes.map(|b| crate::encoding::to_array::<N>(&b)) {
            if !out.contains(&a) {
                out.push(a);
            }
        }
    };
    match sig {
        SignatureInput::Bytes(b) => push(Ok(b.clone())),
        SignatureInput::Text(s) => {
            let s = s.trim();
            if let Some(hex) = s.strip_prefix("0x") {
                push(crate::encoding::hex_decode(hex));
            } else if let Some((_, data)) = s.split_once(':') {
                push(crate::encoding::base58_decode(data));
            } else {
                push(crate::encoding::base64_decode(s));
                if s.len() <= 128 {
                    push(crate::encoding::base58_decode(s));
                }
                push(crate::encoding::hex_decode(s));
            }
        }
    }
    out
}

/// The error for a signature with no reading of the right length: the
/// length of the first reading that decodes, else the encoding error.
fn undecodable(sig: &SignatureInput, expected: usize) -> Error {
    let decoded: Result<Vec<u8>> = match sig {
        SignatureInput::Bytes(b) => Ok(b.clone()),
        SignatureInput::Text(s) => {
            let s = s.trim();
            if let Some(hex) = s.strip_prefix("0x") {
                crate::encoding::hex_decode(hex)
            } else if let Some((_, data)) = s.split_once(':') {
                crate::encoding::base58_decode(data)
            } else {
                crate::encoding::base64_decode(s).or_else(|_| crate::encoding::base58_decode(s))
            }
        }
    };
    match decoded {
        Ok(bytes) => Error::InvalidLength {
            path: "signature".into(),
            expected,
            actual: bytes.len(),
        },
        Err(e) => e.at("signature"),
    }
}

/// `payload` with the whitespace between JSON tokens removed (what
/// `JSON.stringify(JSON.parse(payload))` gives for ordinary JSON).
fn compact_json(payload: &str) -> String {
    let mut out = String::with_capacity(payload.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in payload.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

/// The known wallet mistakes: (hint, the bytes the wallet signed instead),
/// most specific first; a variant that equals the payload itself (or an earlier
/// variant) is left out, since it cannot tell one mistake from another.
fn mistakes(input: &FinishInput) -> Vec<(&'static str, Vec<u8>)> {
    let payload = input.payload_json.as_bytes();
    let mut all: Vec<(&'static str, Vec<u8>)> = Vec::new();
    match input.standard {
        Standard::Erc191 | Standard::Tip191 => {
            all.push((
                "the wallet applied the \\x19Ethereum Signed Message prefix to an already prefixed message",
                crate::erc191::preimage(payload),
            ));
            // The JS `personal_sign` request carries `0x` + hex of the payload;
            // a wallet API given that string as text (viem's
            // `signMessage({ message })` instead of `{ message: { raw } }`)
            // signs the hex digits.
            all.push((
                "the wallet signed the 0x hex text of the personal_sign message as UTF-8 instead of the bytes it encodes (viem: signMessage({ message: { raw } }))",
                crate::encoding::hex_encode_prefixed(payload).into_bytes(),
            ));
        }
        Standard::RawEd25519 | Standard::Sep53 => all.push((
            "the wallet signed sha256(payload) instead of the payload bytes",
            crate::raw_ed25519::intent_hash(payload).to_vec(),
        )),
        Standard::Nep413 => {
            if let Some(p) = &input.nep413 {
                if let Ok(pre) = crate::nep413::preimage(p) {
                    all.push((
                        "the wallet signed the NEP-413 borsh bytes without hashing them",
                        pre,
                    ));
                }
                all.push((
                    "the wallet signed the message text alone, not the NEP-413 payload",
                    p.message.clone().into_bytes(),
                ));
            }
        }
    }
    all.push((
        "the wallet signed the UTF-8 text of payload_bytes_base64 instead of the payload",
        crate::encoding::base64_encode(payload).into_bytes(),
    ));
    all.push((
        "the wallet signed re-serialised (compacted) JSON instead of payload_json verbatim",
        compact_json(&input.payload_json).into_bytes(),
    ));
    let mut out: Vec<(&'static str, Vec<u8>)> = Vec::new();
    for (hint, bytes) in all {
        let signed_as_is = input.standard != Standard::Nep413 && bytes == payload;
        if !signed_as_is && !out.iter().any(|(_, b)| *b == bytes) {
            out.push((hint, bytes));
        }
    }
    out
}

fn mismatch(hint: &str) -> Error {
    Error::SignatureMismatch {
        path: "signature".into(),
        hint: hint.into(),
    }
}

/// `erc191`: the answer must recover to the wallet's address over the payload.
fn verify_evm(
    input: &FinishInput,
    output: &WalletOutput,
    address: &[u8; 20],
) -> Result<(crate::multi_payload::MultiPayload, Option<[u8; 32]>)> {
    use crate::multi_payload::MultiPayload;
    let payload = input.payload_json.as_bytes();
    let mut first_error = None;
    let sigs = candidates::<65>(&output.signature);
    if sigs.is_empty() {
        return Err(undecodable(&output.signature, 65));
    }
    for raw in sigs {
        let sig = match crate::secp256k1::normalize_signature(&raw) {
            Ok(s) => s,
            Err(e) => {
                first_error.get_or_insert(e);
                continue;
            }
        };
        let signer = |msg: &[u8]| crate::erc191::recover(msg, &sig).ok().map(|r| r.address);
        if signer(payload) == Some(*address) {
            return Ok((
                MultiPayload::Erc191 {
                    payload: input.payload_json.clone(),
                    signature: sig,
                },
                None,
            ));
        }
        for (hint, bytes) in mistakes(input) {
            if signer(&bytes) == Some(*address) {
                return Err(mismatch(hint));
            }
        }
        let hash = alloy_primitives::keccak256(payload).0;
        let raw_signer = crate::secp256k1::recover_prehash(&hash, &sig)
            .ok()
            .map(|k| crate::secp256k1::address(&k));
        if raw_signer == Some(*address) {
            return Err(mismatch(
                "the wallet signed keccak256(payload) without the personal_sign prefix (eth_sign)",
            ));
        }
    }
    Err(first_error.map_or_else(|| mismatch(""), |e| e.at("signature")))
}

/// Verifies the wallet's answer; returns (signature, public key, signer id).
fn verify_output(
    input: &FinishInput,
    output: &WalletOutput,
) -> Result<(crate::multi_payload::MultiPayload, Option<[u8; 32]>)> {
    use crate::multi_payload::MultiPayload;
    match &input.wallet {
        Wallet::Evm(address) => verify_evm(input, output, address),
        Wallet::Near(account) => {
            if let Some(id) = &output.account_id {
                if id != account {
                    return Err(Error::SignerMismatch {
                        path: "accountId".into(),
                        expected: account.clone(),
                        actual: id.clone(),
                    });
                }
            }
            let key_text = output.public_key.as_deref().ok_or(Error::MissingField {
                path: "publicKey".into(),
            })?;
            let key: [u8; 32] =
                crate::encoding::parse_curve_bytes(key_text, crate::encoding::Curve::Ed25519)
                    .map_err(|e| e.at("publicKey"))?;
            crate::intent::check_signer(account, &crate::encoding::PublicKey::Ed25519(key))
                .map_err(|e| e.at("publicKey"))?;
            let payload = input.nep413.clone().ok_or(Error::MissingField {
                path: "nep413".into(),
            })?;
            let hash = crate::nep413::hash(&payload)?;
            verify_ed25519(input, output, &key, &hash).map(|signature| {
                (
                    MultiPayload::Nep413 {
                        payload,
                        public_key: key,
                        signature,
                    },
                    Some(key),
                )
            })
        }
        Wallet::Solana(key) => {
            if let Some(text) = &output.public_key {
                let given: [u8; 32] =
                    crate::encoding::parse_curve_bytes(text, crate::encoding::Curve::Ed25519)
                        .map_err(|e| e.at("publicKey"))?;
                if given != *key {
                    return Err(Error::WalletMismatch {
                        path: "publicKey".into(),
                        reason: "the wallet answered with another key".into(),
                    });
                }
            }
            let payload = input.payload_json.as_bytes().to_vec();
            verify_ed25519(input, output, key, &payload).map(|signature| {
                (
                    MultiPayload::RawEd25519 {
                        payload: input.payload_json.clone(),
                        public_key: *key,
                        signature,
                    },
                    Some(*key),
                )
            })
        }
    }
}

fn verify_ed25519(
    input: &FinishInput,
    output: &WalletOutput,
    key: &[u8; 32],
    signed: &[u8],
) -> Result<[u8; 64]> {
    let sigs = candidates::<64>(&output.signature);
    if sigs.is_empty() {
        return Err(undecodable(&output.signature, 64));
    }
    for sig in &sigs {
        if crate::ed25519::verify(key, signed, sig) {
            return Ok(*sig);
        }
    }
    for (hint, bytes) in mistakes(input) {
        if sigs
            .iter()
            .any(|sig| crate::ed25519::verify(key, &bytes, sig))
        {
            return Err(mismatch(hint));
        }
    }
    Err(mismatch(""))
}

/// Verifies the wallet's answer over the exact bytes and builds the submit
/// body (`publicKey` left out for `erc191`, as the API requires) and the
/// `MultiPayload`.
///
/// # Errors
/// [`Error::SignatureMismatch`] (with a hint when a known wallet mistake
/// explains it), [`Error::SignerMismatch`] (another NEAR account),
/// [`Error::WalletMismatch`], [`Error::InvalidRecoveryId`], [`Error::HighS`],
/// key and signature format errors.
pub fn finish_signing(input: &FinishInput, output: &WalletOutput) -> Result<Finished> {
    input.check()?;
    let (multi_payload, key) = verify_output(input, output)?;
    // Each base58 text is made once, for the body and the MultiPayload.
    let signature = multi_payload.signature_text();
    let public_key = multi_payload.public_key_text();
    let mut body = serde_json::Map::new();
    body.insert(
        "executionId".into(),
        Value::String(input.execution_id.clone()),
    );
    body.insert("signature".into(), Value::String(signature.clone()));
    if let Some(k) = key {
        let text = match &public_key {
            Some(t) if multi_payload.public_key() == Some(k) => t.clone(),
            _ => crate::encoding::format_curve_bytes(crate::encoding::Curve::Ed25519, &k),
        };
        body.insert("publicKey".into(), Value::String(text));
    }
    let intent_hash = multi_payload.intent_hash()?;
    let multi_payload_json = multi_payload.to_json_with(&signature, public_key);
    Ok(Finished {
        submit_body: Value::Object(body),
        multi_payload,
        multi_payload_json,
        signer_id: input.wallet.signer_id(),
        intent_hash,
    })
}

/// The literal message a delete is signed over.
#[must_use]
pub fn delete_message(execution_id: &str) -> String {
    alloc::format!("delete_execution:{execution_id}")
}

/// What to sign to delete an execution: the literal `delete_execution:<id>`
/// (for NEAR wallets as a NEP-413 payload to `intents.near` with `nonce`).
///
/// # Errors
/// [`Error::InvalidWallet`]; [`Error::MissingField`] when a NEAR wallet has no nonce.
pub fn delete_request(
    execution_id: &str,
    wallet: &str,
    nonce: Option<[u8; 32]>,
) -> Result<(FinishInput, WalletRequest)> {
    delete_request_for(execution_id, Wallet::parse(wallet)?, nonce)
}

/// [`delete_request`] with the wallet already parsed.
///
/// # Errors
/// [`Error::MissingField`] when a NEAR wallet has no nonce.
pub fn delete_request_for(
    execution_id: &str,
    wallet: Wallet,
    nonce: Option<[u8; 32]>,
) -> Result<(FinishInput, WalletRequest)> {
    let message = delete_message(execution_id);
    let (nep413, request) = match &wallet {
        Wallet::Evm(_) => (
            None,
            WalletRequest::PersonalSign {
                message: message.clone(),
                address: wallet.display(),
            },
        ),
        Wallet::Near(_) => {
            let payload = Nep413Payload {
                message: message.clone(),
                nonce: nonce.ok_or(Error::MissingField {
                    path: "nonce".into(),
                })?,
                recipient: super::prepare::DEFAULT_VERIFYING_CONTRACT.into(),
                callback_url: None,
            };
            (Some(payload.clone()), WalletRequest::SignMessage(payload))
        }
        Wallet::Solana(_) => (None, WalletRequest::SignBytes(message.clone().into_bytes())),
    };
    Ok((
        FinishInput {
            standard: wallet.standard(),
            execution_id: execution_id.into(),
            wallet,
            payload_json: message,
            nep413,
        },
        request,
    ))
}

/// Verifies the wallet's delete signature and builds the DELETE body:
/// `erc191` `{signature}`; `raw_ed25519` `{signature, publicKey}`; `nep413`
/// `{signature, publicKey, nep413: {nonce, recipient}}`.
///
/// # Errors
/// As [`finish_signing`].
pub fn finish_delete(input: &FinishInput, output: &WalletOutput) -> Result<Value> {
    input.check()?;
    let (mp, key) = verify_output(input, output)?;
    let mut body = serde_json::Map::new();
    body.insert("signature".into(), Value::String(mp.signature_text()));
    if let Some(k) = key {
        body.insert(
            "publicKey".into(),
            Value::String(crate::encoding::format_curve_bytes(
                crate::encoding::Curve::Ed25519,
                &k,
            )),
        );
    }
    if let Some(p) = &input.nep413 {
        body.insert(
            "nep413".into(),
            serde_json::json!({"nonce": crate::encoding::base64_encode(&p.nonce), "recipient": p.recipient}),
        );
    }
    Ok(Value::Object(body))
}
