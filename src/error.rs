//! The one error type of the crate.
//!
//! Every variant has a stable `SCREAMING_SNAKE` code ([`Error::code`]) that is
//! part of the public API (the README and the TypeScript `ErrorCode` union list
//! them; a test checks the lists agree). Codes are never renamed or reused.
//! Nested inputs report a `path` such as `payload.nonce` or `intents[2].amount`;
//! an empty path means "the input itself".
//!
//! No message ever contains secret bytes.

use alloc::string::String;
use core::fmt;

/// Defines [`Error`] from one table: each variant with its doc, its stable
/// code and its fields (every variant has a `path`). The codes, [`Error::CODES`],
/// [`Error::code`] and [`Error::path`] all come from it; only the messages
/// ([`fmt::Display`]) are written out below.
macro_rules! errors {
    ($(
        $(#[$meta:meta])*
        $name:ident = $code:literal {
            $( $(#[$fmeta:meta])* $field:ident : $ty:ty ),* $(,)?
        }
    ),* $(,)?) => {
        /// Everything that can go wrong with input handed to this crate.
        #[non_exhaustive]
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum Error {
            $( $(#[$meta])* $name { $( $(#[$fmeta])* $field: $ty ),* } ),*
        }

        impl Error {
            /// Every error code, in declaration order. The README and the
            /// TypeScript `ErrorCode` union list exactly these.
            pub const CODES: &'static [&'static str] = &[$($code),*];

            /// The stable code of this error.
            #[must_use]
            pub fn code(&self) -> &'static str {
                match self {
                    $( Self::$name { .. } => $code ),*
                }
            }

            fn path_mut(&mut self) -> &mut String {
                match self {
                    $( Self::$name { path, .. } => path ),*
                }
            }

            /// Where in the input the error is (`""` for the input itself).
            #[must_use]
            pub fn path(&self) -> &str {
                match self {
                    $( Self::$name { path, .. } => path ),*
                }
            }
        }
    };
}

errors! {
    /// A string is not valid hexadecimal (odd length or a non-hex character).
    InvalidHex = "INVALID_HEX" {
        /// Where in the input.
        path: String,
    },
    /// A string is not valid base58 (Bitcoin alphabet).
    InvalidBase58 = "INVALID_BASE58" {
        /// Where in the input.
        path: String,
    },
    /// A string is not valid standard-alphabet base64 (padded or unpadded).
    InvalidBase64 = "INVALID_BASE64" {
        /// Where in the input.
        path: String,
    },
    /// A value of the wrong length: a byte string of the wrong number of
    /// bytes, a fixed-size list of the wrong number of entries, or a list over
    /// its limit (EIP-712 types and fields, intents).
    InvalidLength = "INVALID_LENGTH" {
        /// Where in the input.
        path: String,
        /// The required length (bytes of a byte string, entries of a list), or
        /// the most a list may hold.
        expected: usize,
        /// The length that was given.
        actual: usize,
    },
    /// A `"<curve>:<base58>"` string names a curve that is not allowed here.
    UnsupportedCurve = "UNSUPPORTED_CURVE" {
        /// Where in the input.
        path: String,
        /// The curve prefix that was found.
        found: String,
    },
    /// Input is not well-formed JSON, or a JSON value has the wrong type.
    InvalidJson = "INVALID_JSON" {
        /// Where in the input.
        path: String,
        /// What is wrong.
        reason: String,
    },
    /// A value of the wrong type (a number where a string is due, an
    /// `ArrayBuffer` where a `Uint8Array` is due, …).
    InvalidType = "INVALID_TYPE" {
        /// Where in the input.
        path: String,
        /// The type that is due.
        expected: String,
        /// The type that was given.
        actual: String,
    },
    /// A string that cannot be encoded as UTF-8 (a lone UTF-16 surrogate).
    InvalidString = "INVALID_STRING" {
        /// Where in the input.
        path: String,
    },
    /// A required field is absent.
    MissingField = "MISSING_FIELD" {
        /// The path of the missing field.
        path: String,
    },
    /// A field that is not allowed in this object.
    UnknownField = "UNKNOWN_FIELD" {
        /// The path of the unexpected field.
        path: String,
    },
    /// The `standard` tag names no signing standard this crate supports.
    UnknownStandard = "UNKNOWN_STANDARD" {
        /// Where in the input.
        path: String,
        /// The tag that was found.
        found: String,
    },
    /// A secp256k1 recovery byte `v` outside {0, 1, 27, 28}.
    InvalidRecoveryId = "INVALID_RECOVERY_ID" {
        /// Where in the input.
        path: String,
        /// The byte that was found.
        v: u8,
    },
    /// A secp256k1 signature whose `s` is above n/2 (malleable); the verifier rejects it.
    HighS = "HIGH_S" {
        /// Where in the input.
        path: String,
    },
    /// A secp256k1 signature with `r` or `s` equal to zero or not below the group order.
    InvalidSignature = "INVALID_SIGNATURE" {
        /// Where in the input.
        path: String,
    },
    /// A well-formed secp256k1 signature from which no public key can be recovered.
    UnrecoverableSignature = "UNRECOVERABLE_SIGNATURE" {
        /// Where in the input.
        path: String,
    },
    /// A secret key that is not a valid scalar (zero or not below the group order).
    InvalidSecretKey = "INVALID_SECRET_KEY" {
        /// Where in the input.
        path: String,
    },
    /// Two renderings of the same payload disagree (`payload_json` vs `payload_bytes_base64`).
    PayloadMismatch = "PAYLOAD_MISMATCH" {
        /// Where in the input.
        path: String,
    },
    /// `payload.standard` and `signingStandard` name different standards.
    StandardMismatch = "STANDARD_MISMATCH" {
        /// Where in the input.
        path: String,
        /// The standard announced elsewhere.
        expected: String,
        /// The standard found here.
        actual: String,
    },
    /// The intent names a verifying contract other than the expected one.
    WrongVerifyingContract = "WRONG_VERIFYING_CONTRACT" {
        /// Where in the input.
        path: String,
        /// The contract the caller expects.
        expected: String,
        /// The contract the intent names.
        actual: String,
    },
    /// The intent deadline is already in the past.
    DeadlineExpired = "DEADLINE_EXPIRED" {
        /// Where in the input.
        path: String,
        /// The deadline, as found.
        deadline: String,
    },
    /// A deadline or timestamp is not an RFC 3339 string.
    InvalidDeadline = "INVALID_DEADLINE" {
        /// Where in the input.
        path: String,
        /// What is wrong.
        reason: String,
    },
    /// A string is not a valid NEAR account id (lowercase `[a-z0-9_-.]`, 2..=64 chars).
    InvalidAccountId = "INVALID_ACCOUNT_ID" {
        /// Where in the input.
        path: String,
        /// What is wrong.
        reason: String,
    },
    /// An implicit `signer_id` that is not the account of the signing key.
    SignerMismatch = "SIGNER_MISMATCH" {
        /// Where in the input.
        path: String,
        /// The implicit account of the key.
        expected: String,
        /// The signer id found.
        actual: String,
    },
    /// The intent deadline is later than the deadline inside its versioned nonce.
    NonceDeadlineExceeded = "NONCE_DEADLINE_EXCEEDED" {
        /// Where in the input.
        path: String,
    },
    /// A number (amount, gas, index) that is not a valid decimal integer of its type.
    InvalidNumber = "INVALID_NUMBER" {
        /// Where in the input.
        path: String,
        /// What is wrong.
        reason: String,
    },
    /// A known intent kind whose fields do not match its definition.
    InvalidIntent = "INVALID_INTENT" {
        /// Where in the input.
        path: String,
        /// What is wrong.
        reason: String,
    },
    /// A function signature that does not parse, or whose types do not resolve.
    InvalidFunctionSignature = "INVALID_FUNCTION_SIGNATURE" {
        /// Where in the input.
        path: String,
        /// What is wrong.
        reason: String,
    },
    /// A tuple, fixed array or parameter list with the wrong number of entries.
    AbiArityMismatch = "ABI_ARITY_MISMATCH" {
        /// Where in the input.
        path: String,
        /// The number required.
        expected: usize,
        /// The number given.
        actual: usize,
    },
    /// Not an address (`0x` followed by 40 hex digits).
    InvalidAddress = "INVALID_ADDRESS" {
        /// Where in the input.
        path: String,
        /// What is wrong.
        reason: String,
    },
    /// A mixed-case address whose EIP-55 checksum is wrong.
    InvalidChecksum = "INVALID_CHECKSUM" {
        /// Where in the input.
        path: String,
        /// The correctly checksummed address.
        expected: String,
    },
    /// A placeholder such as `{MIN_AMOUNT_OUT}` with no value given.
    UnresolvedPlaceholder = "UNRESOLVED_PLACEHOLDER" {
        /// Where in the input.
        path: String,
        /// The placeholder.
        placeholder: String,
    },
    /// Call data whose selector is not the function's.
    SelectorMismatch = "SELECTOR_MISMATCH" {
        /// Where in the input.
        path: String,
        /// The function's selector.
        expected: String,
        /// The selector found.
        actual: String,
    },
    /// Call data that does not decode for the function's types.
    AbiDecodeFailed = "ABI_DECODE_FAILED" {
        /// Where in the input.
        path: String,
        /// What is wrong.
        reason: String,
    },
    /// Call data that decodes but is not the canonical encoding of what it decodes to.
    NonCanonicalCalldata = "NON_CANONICAL_CALLDATA" {
        /// Where in the input.
        path: String,
    },
    /// More steps than the API accepts.
    TooManySteps = "TOO_MANY_STEPS" {
        /// Where in the input.
        path: String,
        /// The most allowed.
        max: usize,
        /// The number given.
        actual: usize,
    },
    /// A typed-data field of a struct type that `types` does not declare.
    MissingType = "MISSING_TYPE" {
        /// Where in the input.
        path: String,
        /// The missing type.
        name: String,
    },
    /// Typed-data struct types that reference each other in a cycle.
    CyclicTypes = "CYCLIC_TYPES" {
        /// Where in the input.
        path: String,
        /// The cycle, as `A -> B -> A`.
        cycle: String,
    },
    /// A `primaryType` that `types` does not declare.
    UnknownPrimaryType = "UNKNOWN_PRIMARY_TYPE" {
        /// Where in the input.
        path: String,
        /// The primary type.
        name: String,
    },
    /// A Permit2 witness type string or hash that differs from what the witness gives.
    WitnessMismatch = "WITNESS_MISMATCH" {
        /// Where in the input.
        path: String,
        /// What differs.
        reason: String,
    },
    /// A wallet that is neither an EVM address, a NEAR account nor a Solana key.
    InvalidWallet = "INVALID_WALLET" {
        /// Where in the input.
        path: String,
        /// What is wrong.
        reason: String,
    },
    /// A wallet whose kind does not sign the execution's standard.
    WalletMismatch = "WALLET_MISMATCH" {
        /// Where in the input.
        path: String,
        /// What differs.
        reason: String,
    },
    /// An execution with nothing to sign (a dry run, or no payload).
    NotSignable = "NOT_SIGNABLE" {
        /// Where in the input.
        path: String,
        /// Why.
        reason: String,
    },
    /// An execution whose status does not allow the operation.
    InvalidStatus = "INVALID_STATUS" {
        /// Where in the input.
        path: String,
        /// The status found.
        status: String,
    },
    /// A wallet signature that does not verify over the bytes it had to sign.
    SignatureMismatch = "SIGNATURE_MISMATCH" {
        /// Where in the input.
        path: String,
        /// What the wallet signed instead, when a known mistake explains it (else empty).
        hint: String,
    },
    /// A non-dry execution request without steps.
    StepsRequired = "STEPS_REQUIRED" {
        /// Where in the input.
        path: String,
    },
    /// `quote.recipient` without `outOperation`.
    RecipientNotAllowed = "RECIPIENT_NOT_ALLOWED" {
        /// Where in the input.
        path: String,
    },
    /// A placeholder where this kind of execution does not allow it.
    PlaceholderNotAllowed = "PLACEHOLDER_NOT_ALLOWED" {
        /// Where in the input.
        path: String,
        /// The placeholder.
        placeholder: String,
    },
    /// An out-operation without a `transfer(token, {DEPOSIT_ADDRESS}, amount)` step.
    DepositTransferRequired = "DEPOSIT_TRANSFER_REQUIRED" {
        /// Where in the input.
        path: String,
    },
    /// A steps-only request none of whose steps calls the destination ERC-20.
    DestinationTokenNotUsed = "DESTINATION_TOKEN_NOT_USED" {
        /// Where in the input.
        path: String,
        /// The destination token address.
        token: String,
    },
    /// A payload the verifier would read differently from what a review
    /// shows: a duplicated key, `null` where the contract's type has none, or
    /// a field the contract's parse would silently drop or change.
    AmbiguousPayload = "AMBIGUOUS_PAYLOAD" {
        /// Where in the input.
        path: String,
        /// What the contract would do with it.
        reason: String,
    },
}

impl Error {
    /// Replaces the path.
    #[must_use]
    #[cfg_attr(not(feature = "evm"), allow(dead_code))]
    pub(crate) fn with_path(mut self, path: String) -> Self {
        *self.path_mut() = path;
        self
    }

    /// Prefixes the path with `prefix` (`"payload"` + `"nonce"` → `"payload.nonce"`,
    /// `"intents[0]"` + `""` → `"intents[0]"`, `"a"` + `"[1]"` → `"a[1]"`).
    #[must_use]
    pub fn at(mut self, prefix: &str) -> Self {
        let path = self.path_mut();
        *path = join_path(prefix, path);
        self
    }
}

/// Joins two path pieces with `.` unless the second is empty or starts with `[`.
#[must_use]
pub(crate) fn join_path(prefix: &str, rest: &str) -> String {
    if prefix.is_empty() {
        return rest.into();
    }
    if rest.is_empty() {
        return prefix.into();
    }
    let mut out = String::with_capacity(prefix.len() + rest.len() + 1);
    out.push_str(prefix);
    if !rest.starts_with('[') {
        out.push('.');
    }
    out.push_str(rest);
    out
}

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
        };
        let path = self.path();
        if path.is_empty() {
            write!(f, "{}: {what}", self.code())
        } else {
            write!(f, "{} at {path}: {what}", self.code())
        }
    }
}

impl core::error::Error for Error {}

/// The crate's result type.
pub type Result<T, E = Error> = core::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[allow(clippy::too_many_lines)]
    fn one_of_each() -> alloc::vec::Vec<Error> {
        let p = String::new;
        alloc::vec![
            Error::InvalidHex { path: p() },
            Error::InvalidBase58 { path: p() },
            Error::InvalidBase64 { path: p() },
            Error::InvalidLength {
                path: p(),
                expected: 1,
                actual: 2
            },
            Error::UnsupportedCurve {
                path: p(),
                found: p()
            },
            Error::InvalidJson {
                path: p(),
                reason: p()
            },
            Error::InvalidType {
                path: p(),
                expected: p(),
                actual: p()
            },
            Error::InvalidString { path: p() },
            Error::MissingField { path: p() },
            Error::UnknownField { path: p() },
            Error::UnknownStandard {
                path: p(),
                found: p()
            },
            Error::InvalidRecoveryId { path: p(), v: 2 },
            Error::HighS { path: p() },
            Error::InvalidSignature { path: p() },
            Error::UnrecoverableSignature { path: p() },
            Error::InvalidSecretKey { path: p() },
            Error::PayloadMismatch { path: p() },
            Error::StandardMismatch {
                path: p(),
                expected: p(),
                actual: p()
            },
            Error::WrongVerifyingContract {
                path: p(),
                expected: p(),
                actual: p()
            },
            Error::DeadlineExpired {
                path: p(),
                deadline: p()
            },
            Error::InvalidDeadline {
                path: p(),
                reason: p()
            },
            Error::InvalidAccountId {
                path: p(),
                reason: p()
            },
            Error::SignerMismatch {
                path: p(),
                expected: p(),
                actual: p()
            },
            Error::NonceDeadlineExceeded { path: p() },
            Error::InvalidNumber {
                path: p(),
                reason: p()
            },
            Error::InvalidIntent {
                path: p(),
                reason: p()
            },
            Error::InvalidFunctionSignature {
                path: p(),
                reason: p()
            },
            Error::AbiArityMismatch {
                path: p(),
                expected: 1,
                actual: 1
            },
            Error::InvalidAddress {
                path: p(),
                reason: p()
            },
            Error::InvalidChecksum {
                path: p(),
                expected: p()
            },
            Error::UnresolvedPlaceholder {
                path: p(),
                placeholder: p()
            },
            Error::SelectorMismatch {
                path: p(),
                expected: p(),
                actual: p()
            },
            Error::AbiDecodeFailed {
                path: p(),
                reason: p()
            },
            Error::NonCanonicalCalldata { path: p() },
            Error::TooManySteps {
                path: p(),
                max: 1,
                actual: 1
            },
            Error::MissingType {
                path: p(),
                name: p()
            },
            Error::CyclicTypes {
                path: p(),
                cycle: p()
            },
            Error::UnknownPrimaryType {
                path: p(),
                name: p()
            },
            Error::WitnessMismatch {
                path: p(),
                reason: p()
            },
            Error::InvalidWallet {
                path: p(),
                reason: p()
            },
            Error::WalletMismatch {
                path: p(),
                reason: p()
            },
            Error::NotSignable {
                path: p(),
                reason: p()
            },
            Error::InvalidStatus {
                path: p(),
                status: p()
            },
            Error::SignatureMismatch {
                path: p(),
                hint: p()
            },
            Error::StepsRequired { path: p() },
            Error::RecipientNotAllowed { path: p() },
            Error::PlaceholderNotAllowed {
                path: p(),
                placeholder: p()
            },
            Error::DepositTransferRequired { path: p() },
            Error::DestinationTokenNotUsed {
                path: p(),
                token: p()
            },
            Error::AmbiguousPayload {
                path: p(),
                reason: p()
            },
        ]
    }

    #[test]
    fn codes_list_matches_variants() {
        let codes: alloc::vec::Vec<&str> = one_of_each().iter().map(Error::code).collect();
        assert_eq!(codes, Error::CODES);
    }

    #[test]
    fn paths_join() {
        let e = Error::MissingField {
            path: "nonce".into(),
        }
        .at("payload");
        assert_eq!(e.path(), "payload.nonce");
        let e = Error::MissingField { path: "[1]".into() }.at("intents");
        assert_eq!(e.path(), "intents[1]");
        assert_eq!(
            alloc::format!("{e}"),
            "MISSING_FIELD at intents[1]: missing field"
        );
    }
}
