//! The message of each error (its code and path come from the table in `mod.rs`).

use alloc::string::String;
use core::fmt;

use super::Error;

impl fmt::Display for Error {
    #[allow(clippy::too_many_lines)]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self {
            Self::InvalidHex { .. } => "expected a hex string".into(),
            Self::InvalidBase58 { .. } => "expected a base58 string".into(),
            Self::InvalidBase64 { .. } => "expected a standard base64 string".into(),
            Self::InvalidLength {
                expected, actual, ..
            } => alloc::format!("expected length {expected}, got {actual}"),
            Self::UnsupportedCurve { found, .. } => {
                alloc::format!("unsupported curve prefix {found:?}")
            }
            Self::InvalidJson { reason, .. } => alloc::format!("invalid JSON: {reason}"),
            Self::InvalidType {
                expected, actual, ..
            } => alloc::format!("expected {expected}, got {actual}"),
            Self::InvalidString { .. } => {
                String::from("string has a lone UTF-16 surrogate and cannot be encoded as UTF-8")
            }
            Self::MissingField { .. } => "missing field".into(),
            Self::UnknownField { .. } => "unknown field".into(),
            Self::UnknownStandard { found, .. } => {
                alloc::format!("unknown signing standard {found:?}")
            }
            Self::InvalidRecoveryId { v, .. } => {
                alloc::format!("recovery byte v must be 0, 1, 27 or 28, got {v}")
            }
            Self::HighS { .. } => {
                String::from("signature s is above n/2 (malleable); the verifier rejects it")
            }
            Self::InvalidSignature { .. } => {
                String::from("signature r or s is zero or not below the group order")
            }
            Self::UnrecoverableSignature { .. } => {
                String::from("no public key can be recovered from this signature")
            }
            Self::InvalidSecretKey { .. } => String::from("secret key is not a valid scalar"),
            Self::PayloadMismatch { .. } => {
                String::from("two renderings of the payload disagree (payload_json, payload_bytes_base64, messageToSign)")
            }
            Self::StandardMismatch {
                expected, actual, ..
            } => alloc::format!("standard {actual:?} does not match {expected:?}"),
            Self::WrongVerifyingContract {
                expected, actual, ..
            } => alloc::format!("verifying contract {actual:?} is not {expected:?}"),
            Self::DeadlineExpired { deadline, .. } => {
                alloc::format!("deadline {deadline} has passed")
            }
            Self::InvalidDeadline { reason, .. } => alloc::format!("invalid deadline: {reason}"),
            Self::InvalidAccountId { reason, .. } => {
                alloc::format!("invalid account id: {reason}")
            }
            Self::SignerMismatch {
                expected, actual, ..
            } => alloc::format!("signer {actual:?} is not the key's account {expected:?}"),
            Self::NonceDeadlineExceeded { .. } => {
                String::from("intent deadline is later than the nonce deadline")
            }
            Self::InvalidNumber { reason, .. } => alloc::format!("invalid number: {reason}"),
            Self::InvalidIntent { reason, .. } => alloc::format!("invalid intent: {reason}"),
            Self::InvalidFunctionSignature { reason, .. } => {
                alloc::format!("invalid function signature: {reason}")
            }
            Self::AbiArityMismatch {
                expected, actual, ..
            } => alloc::format!("expected {expected} entries, got {actual}"),
            Self::InvalidAddress { reason, .. } => alloc::format!("invalid address: {reason}"),
            Self::InvalidChecksum { expected, .. } => {
                alloc::format!("bad EIP-55 checksum (expected {expected})")
            }
            Self::UnresolvedPlaceholder { placeholder, .. } => {
                alloc::format!("no value for placeholder {placeholder}")
            }
            Self::SelectorMismatch {
                expected, actual, ..
            } => alloc::format!("selector {actual} is not {expected}"),
            Self::AbiDecodeFailed { reason, .. } => {
                alloc::format!("call data does not decode: {reason}")
            }
            Self::NonCanonicalCalldata { .. } => {
                String::from("call data is not canonical (dirty padding or trailing bytes)")
            }
            Self::TooManySteps { max, actual, .. } => {
                alloc::format!("{actual} steps (at most {max})")
            }
            Self::MissingType { name, .. } => alloc::format!("type {name} is not declared"),
            Self::CyclicTypes { cycle, .. } => alloc::format!("cyclic types: {cycle}"),
            Self::UnknownPrimaryType { name, .. } => {
                alloc::format!("primary type {name} is not declared")
            }
            Self::WitnessMismatch { reason, .. } => alloc::format!("witness mismatch: {reason}"),
            Self::InvalidWallet { reason, .. } => alloc::format!("invalid wallet: {reason}"),
            Self::WalletMismatch { reason, .. } => {
                alloc::format!("wallet does not match: {reason}")
            }
            Self::NotSignable { reason, .. } => alloc::format!("nothing to sign: {reason}"),
            Self::InvalidStatus { status, .. } => {
                alloc::format!("status {status} does not allow this")
            }
            Self::SignatureMismatch { hint, .. } => {
                if hint.is_empty() {
                    String::from("the signature does not verify over the payload")
                } else {
                    alloc::format!("the signature does not verify over the payload: {hint}")
                }
            }
            Self::StepsRequired { .. } => String::from("steps are required for non-dry executions"),
            Self::RecipientNotAllowed { .. } => {
                String::from("quote.recipient is only valid when outOperation=true")
            }
            Self::PlaceholderNotAllowed { placeholder, .. } => {
                alloc::format!("placeholder {placeholder} is not allowed here")
            }
            Self::DepositTransferRequired { .. } => String::from(
                "outOperation requires a transfer(tokenAddress, {DEPOSIT_ADDRESS}, amount) step",
            ),
            Self::DestinationTokenNotUsed { token, .. } => {
                alloc::format!("steps must include at least one call to destination token {token}")
            }
            Self::AmbiguousPayload { reason, .. } => {
                alloc::format!("the verifier would read this differently: {reason}")
            }
            Self::UnsupportedPayload { reason, .. } => {
                alloc::format!("unsupported payload: {reason}")
            }
            Self::InvalidTimestamp { reason, .. } => {
                alloc::format!("invalid timestamp: {reason}")
            }
        };
        let path = self.path();
        if path.is_empty() {
            write!(f, "{}: {what}", self.code())
        } else {
            write!(f, "{} at {path}: {what}", self.code())
        }
    }
}
