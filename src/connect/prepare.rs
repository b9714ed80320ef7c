//! Before the wallet: check an execution and prepare what the wallet signs,
//! with the review (entries, warnings, lines).

use alloc::string::{String, ToString as _};
use alloc::vec::Vec;

use serde_json::Value;

use crate::error::{Error, Result};
use crate::json::{self, Obj};
use crate::multi_payload::Standard;

use super::payload::check_signing_payload;
use super::wallet::{Wallet, WalletRequest};

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

/// The execution statuses in which a payload is signed (else `INVALID_STATUS`).
pub const SIGNABLE_STATUSES: &[&str] = &["CREATED", "OPERATION_PENDING"];

/// The verifier contract the flow expects unless told otherwise.
pub const DEFAULT_VERIFYING_CONTRACT: &str = "intents.near";

/// Checks an Intents Connect execution and prepares what the wallet signs.
///
/// # Errors
/// [`Error::NotSignable`] (dry run, no payload), [`Error::InvalidStatus`],
/// [`Error::PayloadMismatch`], [`Error::StandardMismatch`],
/// [`Error::WalletMismatch`], [`Error::SignerMismatch`],
/// [`Error::WrongVerifyingContract`], [`Error::DeadlineExpired`], and the
/// decoding errors of the payload and its steps, with paths from the execution.
pub fn prepare_signing(execution: &Value, options: &PrepareOptions<'_>) -> Result<SigningRequest> {
    prepare_signing_for(execution, Wallet::parse(options.wallet)?, options)
}

/// [`prepare_signing`] with the wallet already parsed (at the edge, once);
/// `options.wallet` is not read.
///
/// # Errors
/// As [`prepare_signing`], but for the wallet's own.
#[allow(clippy::too_many_lines)]
pub fn prepare_signing_for(
    execution: &Value,
    wallet: Wallet,
    options: &PrepareOptions<'_>,
) -> Result<SigningRequest> {
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
    crate::step::check_step_count(items.len(), crate::step::MAX_STEPS, "steps")?;
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
