//! Intents Connect executions: the `details.payload` the wallet signs.
//!
//! `details.payload = {payload_json, payload_bytes_base64, standard}`, where
//! `payload_bytes_base64` holds the exact UTF-8 bytes of `payload_json`, and
//! `details.signingStandard` names the same standard. For `nep413`,
//! `payload_json` is the NEP-413 payload `{message, recipient, nonce}`.

use alloc::string::String;
use alloc::vec::Vec;

use serde_json::Value;

use crate::encoding::base64_decode;
use crate::error::{Error, Result};
use crate::json::{self, Obj};
use crate::multi_payload::Standard;
use crate::nep413::Nep413Payload;

/// A `details.payload` whose two renderings and standard agree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SigningPayload {
    /// The standard.
    pub standard: Standard,
    /// `payload_json`, verbatim.
    pub payload_json: String,
    /// For `nep413`, the parsed payload.
    pub nep413: Option<Nep413Payload>,
}

/// Cross-checks `details.payload` (and `details.signingStandard` when given).
///
/// # Errors
/// [`Error::MissingField`], [`Error::InvalidJson`], [`Error::UnknownStandard`],
/// [`Error::InvalidBase64`], [`Error::PayloadMismatch`] when the base64 bytes are
/// not exactly `payload_json`, [`Error::StandardMismatch`], and for `nep413` the
/// errors of [`Nep413Payload::from_json`]. Paths start at `payload`.
pub fn check_signing_payload(
    payload: &Value,
    signing_standard: Option<&str>,
) -> Result<SigningPayload> {
    let obj = Obj::new(payload, "payload")?;
    let standard_tag = obj.req_str("standard")?;
    let standard = Standard::parse(standard_tag).map_err(|e| e.at(&obj.path_of("standard")))?;
    if let Some(expected) = signing_standard {
        if expected != standard_tag {
            return Err(Error::StandardMismatch {
                path: obj.path_of("standard"),
                expected: expected.into(),
                actual: standard_tag.into(),
            });
        }
    }
    let payload_json = obj.req_str("payload_json")?;
    let bytes: Vec<u8> = base64_decode(obj.req_str("payload_bytes_base64")?)
        .map_err(|e| e.at(&obj.path_of("payload_bytes_base64")))?;
    if bytes != payload_json.as_bytes() {
        return Err(Error::PayloadMismatch {
            path: obj.path_of("payload_bytes_base64"),
        });
    }
    let nep413 = if standard == Standard::Nep413 {
        let path = obj.path_of("payload_json");
        let value = json::parse(payload_json, &path)?;
        Some(Nep413Payload::from_json(&value, &path, false)?)
    } else {
        None
    };
    Ok(SigningPayload {
        standard,
        payload_json: payload_json.into(),
        nep413,
    })
}

// ---------------------------------------------------------------- the flow

/// The origin wallet of an execution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wallet {
    /// An EVM address (signs `erc191`).
    Evm([u8; 20]),
    /// A NEAR account, named or implicit (signs `nep413`).
    Near(String),
    /// A Solana public key (signs `raw_ed25519`).
    Solana([u8; 32]),
}

impl Wallet {
    /// Reads `0x` + 40 hex (EVM, any case), a NEAR account id, or a base58
    /// 32-byte Solana key.
    ///
    /// # Errors
    /// [`Error::InvalidWallet`].
    pub fn parse(s: &str) -> Result<Self> {
        let invalid = |reason: &str| Error::InvalidWallet {
            path: "wallet".into(),
            reason: reason.into(),
        };
        if let Some(hex) = s.strip_prefix("0x") {
            if hex.len() == 40 {
                return crate::encoding::hex_decode_array::<20>(hex)
                    .map(Self::Evm)
                    .map_err(|_| invalid("an EVM address is 0x and 40 hex digits"));
            }
        }
        if crate::intent::validate_account_id(s).is_ok() {
            return Ok(Self::Near(s.into()));
        }
        if s.len() <= 64 {
            if let Ok(key) = crate::encoding::base58_decode(s) {
                if let Ok(key) = crate::encoding::to_array::<32>(&key) {
                    return Ok(Self::Solana(key));
                }
            }
        }
        Err(invalid(
            "expected an EVM address, a NEAR account id or a Solana public key",
        ))
    }

    /// The standard this wallet signs.
    #[must_use]
    pub fn standard(&self) -> Standard {
        match self {
            Self::Evm(_) => Standard::Erc191,
            Self::Near(_) => Standard::Nep413,
            Self::Solana(_) => Standard::RawEd25519,
        }
    }

    /// The `signer_id` the intent must carry: the lowercase address, the NEAR
    /// account, or the hex of the Solana key.
    #[must_use]
    pub fn signer_id(&self) -> String {
        match self {
            Self::Evm(a) => crate::encoding::hex_encode_prefixed(a),
            Self::Near(account) => account.clone(),
            Self::Solana(key) => crate::encoding::hex_encode(key),
        }
    }

    /// The wallet as the API and the wallet show it (EIP-55, account, base58).
    #[must_use]
    pub fn display(&self) -> String {
        match self {
            Self::Evm(a) => crate::secp256k1::checksum_address(a),
            Self::Near(account) => account.clone(),
            Self::Solana(key) => crate::encoding::base58_encode(key),
        }
    }
}

/// What to hand the wallet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WalletRequest {
    /// `personal_sign` with `[message, address]`: the payload string verbatim.
    PersonalSign {
        /// The exact string.
        message: String,
        /// The signing address (EIP-55).
        address: String,
    },
    /// NEAR wallets' `signMessage({message, recipient, nonce, callbackUrl?})`.
    SignMessage(Nep413Payload),
    /// Solana wallets' `signMessage(bytes)`.
    SignBytes(Vec<u8>),
}

/// Options of [`prepare_signing`].
#[derive(Debug, Clone, Copy)]
pub struct PrepareOptions<'a> {
    /// The origin wallet.
    pub wallet: &'a str,
    /// Now, in milliseconds since the Unix epoch (deadline check).
    pub now_ms: Option<i64>,
    /// The verifier contract expected.
    pub verifying_contract: &'a str,
    /// Contracts the user expects the steps to call or pay (tokens, pools):
    /// a `transfer`/`approve` to one of them is not an `UNKNOWN_RECIPIENT`.
    pub known_contracts: &'a [String],
    /// Accounts or addresses the user expects intents to send tokens to:
    /// a transfer or withdrawal to one of them is not a `FOREIGN_RECIPIENT`.
    pub known_recipients: &'a [String],
}

/// A finding shown to the user before signing (the crate's one warning type).
pub type ReviewWarning = crate::review::Warning;

/// Everything needed to ask the wallet and to finish afterwards.
#[derive(Debug, Clone, PartialEq)]
pub struct SigningRequest {
    /// The standard.
    pub standard: Standard,
    /// The execution id.
    pub execution_id: String,
    /// The wallet.
    pub wallet: Wallet,
    /// What to hand the wallet.
    pub wallet_request: WalletRequest,
    /// `payload_json`, verbatim.
    pub payload_json: String,
    /// The decoded intent.
    pub intent: crate::intent::Decoded,
    /// The intent hash the verifier will report.
    pub intent_hash: [u8; 32],
    /// Each EVM step, reviewed.
    pub steps: Vec<crate::step::StepReview>,
    /// The execution's quote, as sent.
    pub quote: Option<Value>,
    /// With a quote: whether it accounts for every token that leaves the signer.
    pub quote_matches: Option<bool>,
    /// What executes: one entry per intent, then one per step.
    pub entries: Vec<crate::review::Entry>,
    /// Human-readable lines, most important first; outside strings quoted.
    pub review: Vec<String>,
    /// Findings, most severe first.
    pub warnings: Vec<ReviewWarning>,
}

const SIGNABLE_STATUSES: &[&str] = &["CREATED", "OPERATION_PENDING"];

/// Checks an Intents Connect execution and prepares what the wallet signs.
///
/// # Errors
/// [`Error::NotSignable`] (dry run, no payload), [`Error::InvalidStatus`],
/// [`Error::PayloadMismatch`], [`Error::StandardMismatch`],
/// [`Error::WalletMismatch`], [`Error::SignerMismatch`],
/// [`Error::WrongVerifyingContract`], [`Error::DeadlineExpired`], and the
/// decoding errors of the payload and its steps, with paths from the execution.
#[allow(clippy::too_many_lines)]
pub fn prepare_signing(execution: &Value, options: &PrepareOptions<'_>) -> Result<SigningRequest> {
    let wallet = Wallet::parse(options.wallet)?;
    let obj = Obj::new(execution, "")?;
    let not_signable = |reason: &str| Error::NotSignable {
        path: String::new(),
        reason: reason.into(),
    };
    let execution_id = obj
        .opt_str("id")?
        .ok_or_else(|| not_signable("no execution id: a dry run is never signed"))?
        .to_string();
    if let Some(status) = obj.opt_str("status")? {
        if !SIGNABLE_STATUSES.contains(&status) {
            return Err(Error::InvalidStatus {
                path: "status".into(),
                status: status.into(),
            });
        }
    }
    let details = Obj::new(
        obj.get("details")
            .ok_or_else(|| not_signable("no details.payload"))?,
        "details",
    )?;
    let payload_value = details
        .get("payload")
        .ok_or_else(|| not_signable("no details.payload"))?;
    let payload = check_signing_payload(payload_value, details.opt_str("signingStandard")?)
        .map_err(|e| e.at("details"))?;
    if let Some(shown) = details.opt_str("messageToSign")? {
        let consistent = shown == payload.payload_json
            || payload.nep413.as_ref().is_some_and(|p| p.message == shown);
        if !consistent {
            return Err(Error::PayloadMismatch {
                path: "details.messageToSign".into(),
            });
        }
    }
    if wallet.standard() != payload.standard {
        return Err(Error::WalletMismatch {
            path: "details.payload.standard".into(),
            reason: alloc::format!(
                "{} signs {}, the execution asks for {}",
                wallet.display(),
                wallet.standard(),
                payload.standard
            ),
        });
    }
    let (intent, intent_hash, wallet_request) = match (&wallet, &payload.nep413) {
        (Wallet::Near(_), Some(p)) => (
            crate::intent::decode_nep413(p).map_err(|e| e.at("details.payload.payload_json"))?,
            crate::nep413::hash(p)?,
            WalletRequest::SignMessage(p.clone()),
        ),
        (Wallet::Evm(_), _) => (
            crate::intent::decode(&payload.payload_json)
                .map_err(|e| e.at("details.payload.payload_json"))?,
            crate::erc191::hash(payload.payload_json.as_bytes()),
            WalletRequest::PersonalSign {
                message: payload.payload_json.clone(),
                address: wallet.display(),
            },
        ),
        _ => (
            crate::intent::decode(&payload.payload_json)
                .map_err(|e| e.at("details.payload.payload_json"))?,
            crate::raw_ed25519::intent_hash(payload.payload_json.as_bytes()),
            WalletRequest::SignBytes(payload.payload_json.as_bytes().to_vec()),
        ),
    };
    let m = &intent.message;
    if m.signer_id != wallet.signer_id() {
        return Err(Error::SignerMismatch {
            path: "details.payload.payload_json.signer_id".into(),
            expected: wallet.signer_id(),
            actual: m.signer_id.clone(),
        });
    }
    let intent_warnings = intent
        .check(&crate::intent::CheckOptions {
            verifying_contract: Some(options.verifying_contract),
            now_unix_nanos: options.now_ms.map(|ms| i128::from(ms) * 1_000_000),
            public_key: None,
        })
        .map_err(|e| e.at("details.payload.payload_json"))?;
    let payload_path = "details.payload.payload_json";
    let mut warnings: Vec<ReviewWarning> = intent
        .warnings
        .iter()
        .chain(&intent_warnings)
        .map(|w| w.clone().at(payload_path))
        .collect();
    let quote = obj.get("quote").cloned();
    let terms = quote
        .as_ref()
        .map(crate::intent_review::QuoteTerms::from_json);
    let intermediary = details.opt_str("intermediaryAddress")?.or_else(|| {
        quote
            .as_ref()
            .and_then(|q| q.get("recipient"))
            .and_then(Value::as_str)
    });
    let intents = crate::intent_review::review_intents(
        m,
        &crate::intent_review::IntentContext {
            path: payload_path,
            quote: terms.as_ref(),
            intermediary,
            known_recipients: options.known_recipients,
        },
    );
    warnings.extend(intents.warnings);
    let mut entries = intents.entries;
    let steps = review_execution_steps(&obj, &details, options.known_contracts, &mut warnings)?;
    for (i, s) in steps.iter().enumerate() {
        entries.push(step_entry(i, s));
    }
    crate::review::mark_entries(&mut entries, &warnings);
    // Most severe first; within a severity, input order.
    warnings.sort_by_key(|w| w.severity);
    let review = review_lines(
        &execution_id,
        &wallet,
        m,
        &entries,
        quote.as_ref(),
        intents.quote_matches,
    );
    Ok(SigningRequest {
        standard: payload.standard,
        execution_id,
        wallet,
        wallet_request,
        payload_json: payload.payload_json,
        intent,
        intent_hash,
        steps,
        quote,
        quote_matches: intents.quote_matches,
        entries,
        review,
        warnings,
    })
}

fn review_execution_steps(
    obj: &Obj<'_>,
    details: &Obj<'_>,
    known_contracts: &[String],
    warnings: &mut Vec<ReviewWarning>,
) -> Result<Vec<crate::step::StepReview>> {
    let Some(steps) = obj.get("steps") else {
        return Ok(Vec::new());
    };
    let Value::Array(items) = steps else {
        return Err(json::wrong_type("steps", "an array", steps));
    };
    if items.len() > crate::step::MAX_STEPS {
        return Err(Error::TooManySteps {
            path: "steps".into(),
            max: crate::step::MAX_STEPS,
            actual: items.len(),
        });
    }
    let options = crate::step::ReviewOptions {
        intermediary: details.opt_str("intermediaryAddress")?.map(String::from),
        known_contracts: known_contracts.to_vec(),
        ..Default::default()
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let r = crate::step::review_step(item, &options)
            .map_err(|e| e.at(&alloc::format!("steps[{i}]")))?;
        for w in &r.warnings {
            warnings.push(w.clone().at(&alloc::format!("steps[{i}]")));
        }
        out.push(r);
    }
    Ok(out)
}

/// A step argument as a review shows it: strings quoted, lists bracketed.
fn show_value(v: &Value) -> String {
    match v {
        Value::String(s) => crate::review::quote(s),
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().map(show_value).collect();
            alloc::format!("[{}]", parts.join(", "))
        }
        other => crate::review::quote(&other.to_string()),
    }
}

fn step_entry(i: usize, s: &crate::step::StepReview) -> crate::review::Entry {
    let args: Vec<String> = s.arguments.iter().map(|a| show_value(&a.value)).collect();
    let summary = alloc::format!(
        "Step {}: {}({}) on {}{}",
        i + 1,
        if s.function_name.is_empty() {
            "value transfer"
        } else {
            s.function_name.as_str()
        },
        args.join(", "),
        crate::review::quote(&s.to),
        if s.value == "0" {
            String::new()
        } else {
            alloc::format!(" with {} wei", crate::review::quote(&s.value))
        }
    );
    let mut e = crate::review::Entry::new("step", &alloc::format!("steps[{i}]"), summary);
    e.field("to", crate::review::quote(&s.to));
    e.field("function", crate::review::quote(&s.signature));
    for (j, a) in s.arguments.iter().enumerate() {
        let name = a
            .name
            .as_deref()
            .map_or_else(|| alloc::format!("arg{j}"), String::from);
        e.field(
            &alloc::format!("{} {}", a.ty, crate::review::quote(&name)),
            show_value(&a.value),
        );
    }
    e.field("value", crate::review::quote(&s.value));
    e
}

fn review_lines(
    execution_id: &str,
    wallet: &Wallet,
    m: &crate::intent::IntentMessage,
    entries: &[crate::review::Entry],
    quote: Option<&Value>,
    quote_matches: Option<bool>,
) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(q) = quote {
        let field = |k: &str| {
            q.get(k)
                .and_then(Value::as_str)
                .map_or_else(|| String::from("?"), crate::review::quote)
        };
        let amount_in = q
            .get("amountIn")
            .and_then(Value::as_str)
            .or_else(|| q.get("amount").and_then(Value::as_str))
            .map_or_else(|| String::from("?"), crate::review::quote);
        lines.push(alloc::format!(
            "Quote from the server ({}): swap {} of {} for at least {} of {}",
            if quote_matches == Some(true) {
                "matches the intents"
            } else {
                "does NOT match the intents"
            },
            amount_in,
            field("originAsset"),
            field("minAmountOut"),
            field("destinationAsset")
        ));
    }
    let mut n = 0;
    for e in entries {
        if e.kind == "step" {
            lines.push(e.summary.clone());
        } else {
            n += 1;
            lines.push(alloc::format!("Intent {n}: {}", e.summary));
        }
    }
    if n == 0 {
        lines.push("Intents: none (signing only uses up the nonce)".into());
    }
    lines.push(crate::intent_review::signer_line(m, &wallet.display()));
    lines.push(alloc::format!(
        "Execution {}",
        crate::review::quote(execution_id)
    ));
    lines
}

// ------------------------------------------------------- after the wallet

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
        Standard::Erc191 | Standard::Tip191 => all.push((
            "the wallet applied the \\x19Ethereum Signed Message prefix to an already prefixed message",
            crate::erc191::preimage(payload),
        )),
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

fn curve_string(mp: &crate::multi_payload::MultiPayload) -> String {
    use crate::encoding::{format_curve_bytes, Curve};
    use crate::multi_payload::MultiPayload;
    match mp {
        MultiPayload::Erc191 { signature, .. } | MultiPayload::Tip191 { signature, .. } => {
            format_curve_bytes(Curve::Secp256k1, signature)
        }
        MultiPayload::Nep413 { signature, .. }
        | MultiPayload::RawEd25519 { signature, .. }
        | MultiPayload::Sep53 { signature, .. } => format_curve_bytes(Curve::Ed25519, signature),
    }
}

/// `signature` and, for Ed25519 standards, `publicKey` (erc191 sends no key).
fn signature_fields(
    body: &mut serde_json::Map<String, Value>,
    mp: &crate::multi_payload::MultiPayload,
    key: Option<[u8; 32]>,
) {
    body.insert("signature".into(), Value::String(curve_string(mp)));
    if let Some(k) = key {
        body.insert(
            "publicKey".into(),
            Value::String(crate::encoding::format_curve_bytes(
                crate::encoding::Curve::Ed25519,
                &k,
            )),
        );
    }
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
    let (multi_payload, key) = verify_output(input, output)?;
    let mut body = serde_json::Map::new();
    body.insert(
        "executionId".into(),
        Value::String(input.execution_id.clone()),
    );
    signature_fields(&mut body, &multi_payload, key);
    let intent_hash = multi_payload.intent_hash()?;
    Ok(Finished {
        submit_body: Value::Object(body),
        multi_payload,
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
    let wallet = Wallet::parse(wallet)?;
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
                recipient: "intents.near".into(),
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
    let (mp, key) = verify_output(input, output)?;
    let mut body = serde_json::Map::new();
    signature_fields(&mut body, &mp, key);
    if let Some(p) = &input.nep413 {
        body.insert(
            "nep413".into(),
            serde_json::json!({"nonce": crate::encoding::base64_encode(&p.nonce), "recipient": p.recipient}),
        );
    }
    Ok(Value::Object(body))
}

// ------------------------------------------------ before creating one

/// Which create route a request body is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestKind {
    /// `POST /api/v1/executions/{wallet}` (quote-backed).
    Quote,
    /// `POST /api/v1/executions/{wallet}/steps` (steps only).
    Steps,
}

const QUOTE_KEYS: &[&str] = &[
    "version",
    "type",
    "dry",
    "outOperation",
    "quote",
    "steps",
    "metadata",
    "publicKey",
    "addressLookupTables",
];
const STEPS_KEYS: &[&str] = &[
    "version",
    "type",
    "dry",
    "destinationAsset",
    "steps",
    "metadata",
    "publicKey",
    "addressLookupTables",
];
const QUOTE_FIELDS: &[&str] = &[
    "amount",
    "deadline",
    "destinationAsset",
    "originAsset",
    "recipient",
    "slippageTolerance",
    "swapType",
];

/// Most Solana steps in one execution (the API's limit; EVM steps: [`crate::step::MAX_STEPS`]).
pub const MAX_SOLANA_STEPS: usize = 50;

/// Highest `quote.slippageTolerance`, in basis points: 10,000 = 100 %.
pub const MAX_SLIPPAGE_BPS: u64 = 10_000;

/// Checks a request's `quote`; returns its `swapType`.
fn check_quote(q: &Value, out_operation: bool) -> Result<Option<String>> {
    let quote = Obj::new(q, "quote")?;
    quote.deny_unknown(QUOTE_FIELDS)?;
    if quote.get("recipient").is_some() && !out_operation {
        return Err(Error::RecipientNotAllowed {
            path: "quote.recipient".into(),
        });
    }
    let swap_type = quote.opt_str("swapType")?.map(String::from);
    if let Some(v) = quote.get("slippageTolerance") {
        check_slippage(v, &quote.path_of("slippageTolerance"))?;
    }
    Ok(swap_type)
}

/// `quote.slippageTolerance`: a whole number of basis points, 0 to [`MAX_SLIPPAGE_BPS`].
fn check_slippage(v: &Value, path: &str) -> Result<()> {
    let Value::Number(n) = v else {
        return Err(json::wrong_type(path, "a number of basis points", v));
    };
    match n.as_u64() {
        Some(bps) if bps <= MAX_SLIPPAGE_BPS => Ok(()),
        _ => Err(Error::InvalidNumber {
            path: path.into(),
            reason: alloc::format!(
                "{n} is not a whole number of basis points from 0 to {MAX_SLIPPAGE_BPS} (100 %)"
            ),
        }),
    }
}

/// The ERC-20 address inside a 1Click asset id such as
/// `nep141:base-0x833589fcd6edb6e08f4c7c32d4f71b54bda02913.omft.near`
/// (`None` for a native asset such as `nep141:base.omft.near`).
#[must_use]
pub fn asset_token_address(asset: &str) -> Option<String> {
    let rest = asset.strip_prefix("nep141:")?;
    let (_, after) = rest.split_once("-0x")?;
    let hex = after.get(..40)?;
    hex.bytes()
        .all(|b| b.is_ascii_hexdigit())
        .then(|| alloc::format!("0x{}", hex.to_ascii_lowercase()))
}

/// Checks a create-execution body against the API's 400 rules.
///
/// # Errors
/// [`Error::UnknownField`] (body, quote or step keys), [`Error::StepsRequired`],
/// [`Error::RecipientNotAllowed`], [`Error::InvalidType`] and
/// [`Error::InvalidNumber`] (`quote.slippageTolerance` outside 0 to
/// [`MAX_SLIPPAGE_BPS`]), [`Error::TooManySteps`] (more than 30 EVM or
/// [`MAX_SOLANA_STEPS`] Solana steps),
/// [`Error::PlaceholderNotAllowed`], [`Error::DepositTransferRequired`],
/// [`Error::DestinationTokenNotUsed`], and the step errors of
/// [`crate::step::validate_step`], with paths.
pub fn validate_execution_request(body: &Value, kind: RequestKind) -> Result<()> {
    let obj = Obj::new(body, "")?;
    obj.deny_unknown(match kind {
        RequestKind::Quote => QUOTE_KEYS,
        RequestKind::Steps => STEPS_KEYS,
    })?;
    let evm = match obj.opt_str("type")? {
        None | Some("evm") => true,
        Some("solana") => false,
        Some(other) => {
            return Err(Error::InvalidType {
                path: "type".into(),
                expected: "\"evm\" or \"solana\"".into(),
                actual: alloc::format!("{other:?}"),
            })
        }
    };
    let dry = obj.get("dry").and_then(Value::as_bool).unwrap_or(false);
    let out_operation = obj
        .get("outOperation")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let swap_type = match obj.get("quote") {
        Some(q) => check_quote(q, out_operation)?,
        None => None,
    };
    let steps = match obj.get("steps") {
        Some(Value::Array(items)) if !items.is_empty() => items.as_slice(),
        Some(Value::Array(_) | Value::Null) | None if dry => &[],
        Some(Value::Array(_)) | None => {
            return Err(Error::StepsRequired {
                path: "steps".into(),
            })
        }
        Some(other) => return Err(json::wrong_type("steps", "an array", other)),
    };
    if !evm {
        if steps.len() > MAX_SOLANA_STEPS {
            return Err(Error::TooManySteps {
                path: "steps".into(),
                max: MAX_SOLANA_STEPS,
                actual: steps.len(),
            });
        }
        return Ok(());
    }
    let validated = crate::step::validate_steps(&Value::Array(steps.to_vec()))?;
    for (i, step) in validated.iter().enumerate() {
        let mut used = crate::abi::find_placeholders(&step.parameters);
        for (key, text) in [("to", &step.to), ("value", &step.value)] {
            if crate::abi::placeholder_name(text).is_some() {
                used.push((String::from(key), text.clone()));
            }
        }
        for (path, placeholder) in used {
            let allowed = match (kind, placeholder.as_str()) {
                (RequestKind::Quote, "{MIN_AMOUNT_OUT}") => !out_operation,
                (RequestKind::Quote, "{DEPOSIT_ADDRESS}") => out_operation,
                (RequestKind::Quote, "{AMOUNT_IN}") => {
                    out_operation && swap_type.as_deref() == Some("EXACT_OUTPUT")
                }
                _ => false,
            };
            if !allowed {
                return Err(Error::PlaceholderNotAllowed {
                    path: crate::error::join_path(&alloc::format!("steps[{i}]"), &path),
                    placeholder,
                });
            }
        }
    }
    if kind == RequestKind::Quote && out_operation {
        let has_deposit_transfer = validated.iter().any(|s| {
            s.function.canonical() == "transfer(address,uint256)"
                && s.parameters.first().and_then(Value::as_str) == Some("{DEPOSIT_ADDRESS}")
        });
        if !has_deposit_transfer {
            return Err(Error::DepositTransferRequired {
                path: "steps".into(),
            });
        }
    }
    if kind == RequestKind::Steps {
        let asset = obj.req_str("destinationAsset")?;
        if let Some(token) = asset_token_address(asset) {
            if !validated.iter().any(|s| s.to.eq_ignore_ascii_case(&token)) {
                return Err(Error::DestinationTokenNotUsed {
                    path: "steps".into(),
                    token,
                });
            }
        }
    }
    Ok(())
}
