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

/// Defines [`Error`] from one table: each variant with its doc, its stable
/// code, its fields (every variant has a `path`) and its message (the
/// arguments of a `write!`, naming the fields). The enum, the codes,
/// [`Error::CODES`], [`Error::code`], [`Error::path`], the TypeScript union and
/// [`core::fmt::Display`] (`CODE at path: message`) all come from it.
macro_rules! errors {
    ($(
        $(#[$meta:meta])*
        $name:ident = $code:literal {
            $( $(#[$fmeta:meta])* $field:ident : $ty:ty ),* $(,)?
        } => ($($msg:tt)*)
    ),* $(,)?) => {
        /// Everything that can go wrong with input handed to this crate.
        #[non_exhaustive]
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum Error {
            $( $(#[$meta])* $name { $( $(#[$fmeta])* $field: $ty ),* } ),*
        }

        /// The TypeScript union of every code, for the binding's `.d.ts`
        /// (read by a `typescript_custom_section`, which rustc does not count as a use).
        #[allow(dead_code)]
        pub(crate) const ERROR_CODE_TS: &str = concat!(
            "/** The stable code on every error this package throws (own property `code`). */\n",
            "export type ErrorCode =",
            $( "\n  | \"", $code, "\"", )*
            ";\n"
        );

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

        impl core::fmt::Display for Error {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.code())?;
                let at = self.path();
                if !at.is_empty() {
                    f.write_str(" at ")?;
                    f.write_str(at)?;
                }
                f.write_str(": ")?;
                match self {
                    $( Self::$name { $($field),* } => {
                        $( let _ = $field; )*
                        write!(f, $($msg)*)
                    } ),*
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
    } => ("expected a hex string"),
    /// A string is not valid base58 (Bitcoin alphabet).
    InvalidBase58 = "INVALID_BASE58" {
        /// Where in the input.
        path: String,
    } => ("expected a base58 string"),
    /// A string is not valid standard-alphabet base64 (padded or unpadded).
    InvalidBase64 = "INVALID_BASE64" {
        /// Where in the input.
        path: String,
    } => ("expected a standard base64 string"),
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
    } => ("expected length {expected}, got {actual}"),
    /// A `"<curve>:<base58>"` string names a curve that is not allowed here.
    UnsupportedCurve = "UNSUPPORTED_CURVE" {
        /// Where in the input.
        path: String,
        /// The curve prefix that was found.
        found: String,
    } => ("unsupported curve prefix {found:?}"),
    /// Input is not well-formed JSON, or a JSON value has the wrong type.
    InvalidJson = "INVALID_JSON" {
        /// Where in the input.
        path: String,
        /// What is wrong.
        reason: String,
    } => ("invalid JSON: {reason}"),
    /// A value of the wrong type (a number where a string is due, an
    /// `ArrayBuffer` where a `Uint8Array` is due, …).
    InvalidType = "INVALID_TYPE" {
        /// Where in the input.
        path: String,
        /// The type that is due.
        expected: String,
        /// The type that was given.
        actual: String,
    } => ("expected {expected}, got {actual}"),
    /// A string that cannot be encoded as UTF-8 (a lone UTF-16 surrogate).
    InvalidString = "INVALID_STRING" {
        /// Where in the input.
        path: String,
    } => ("string has a lone UTF-16 surrogate and cannot be encoded as UTF-8"),
    /// A required field is absent.
    MissingField = "MISSING_FIELD" {
        /// The path of the missing field.
        path: String,
    } => ("missing field"),
    /// A field that is not allowed in this object.
    UnknownField = "UNKNOWN_FIELD" {
        /// The path of the unexpected field.
        path: String,
    } => ("unknown field"),
    /// The `standard` tag names no signing standard this crate supports.
    UnknownStandard = "UNKNOWN_STANDARD" {
        /// Where in the input.
        path: String,
        /// The tag that was found.
        found: String,
    } => ("unknown signing standard {found:?}"),
    /// A secp256k1 recovery byte `v` outside {0, 1, 27, 28}.
    InvalidRecoveryId = "INVALID_RECOVERY_ID" {
        /// Where in the input.
        path: String,
        /// The byte that was found.
        v: u8,
    } => ("recovery byte v must be 0, 1, 27 or 28, got {v}"),
    /// A secp256k1 signature whose `s` is above n/2 (malleable); the verifier rejects it.
    HighS = "HIGH_S" {
        /// Where in the input.
        path: String,
    } => ("signature s is above n/2 (malleable); the verifier rejects it"),
    /// A secp256k1 signature with `r` or `s` equal to zero or not below the group order.
    InvalidSignature = "INVALID_SIGNATURE" {
        /// Where in the input.
        path: String,
    } => ("signature r or s is zero or not below the group order"),
    /// A well-formed secp256k1 signature from which no public key can be recovered.
    UnrecoverableSignature = "UNRECOVERABLE_SIGNATURE" {
        /// Where in the input.
        path: String,
    } => ("no public key can be recovered from this signature"),
    /// A secret key that is not a valid scalar (zero or not below the group order).
    InvalidSecretKey = "INVALID_SECRET_KEY" {
        /// Where in the input.
        path: String,
    } => ("secret key is not a valid scalar"),
    /// Two renderings of the same payload disagree (`payload_json` vs `payload_bytes_base64`).
    PayloadMismatch = "PAYLOAD_MISMATCH" {
        /// Where in the input.
        path: String,
    } => ("two renderings of the payload disagree (payload_json, payload_bytes_base64, messageToSign)"),
    /// `payload.standard` and `signingStandard` name different standards.
    StandardMismatch = "STANDARD_MISMATCH" {
        /// Where in the input.
        path: String,
        /// The standard announced elsewhere.
        expected: String,
        /// The standard found here.
        actual: String,
    } => ("standard {actual:?} does not match {expected:?}"),
    /// The intent names a verifying contract other than the expected one.
    WrongVerifyingContract = "WRONG_VERIFYING_CONTRACT" {
        /// Where in the input.
        path: String,
        /// The contract the caller expects.
        expected: String,
        /// The contract the intent names.
        actual: String,
    } => ("verifying contract {actual:?} is not {expected:?}"),
    /// The intent deadline is already in the past.
    DeadlineExpired = "DEADLINE_EXPIRED" {
        /// Where in the input.
        path: String,
        /// The deadline, as found.
        deadline: String,
    } => ("deadline {deadline} has passed"),
    /// A deadline or timestamp is not an RFC 3339 string.
    InvalidDeadline = "INVALID_DEADLINE" {
        /// Where in the input.
        path: String,
        /// What is wrong.
        reason: String,
    } => ("invalid deadline: {reason}"),
    /// A string is not a valid NEAR account id (lowercase `[a-z0-9_-.]`, 2..=64 chars).
    InvalidAccountId = "INVALID_ACCOUNT_ID" {
        /// Where in the input.
        path: String,
        /// What is wrong.
        reason: String,
    } => ("invalid account id: {reason}"),
    /// An implicit `signer_id` that is not the account of the signing key.
    SignerMismatch = "SIGNER_MISMATCH" {
        /// Where in the input.
        path: String,
        /// The implicit account of the key.
        expected: String,
        /// The signer id found.
        actual: String,
    } => ("signer {actual:?} is not the key's account {expected:?}"),
    /// The intent deadline is later than the deadline inside its versioned nonce.
    NonceDeadlineExceeded = "NONCE_DEADLINE_EXCEEDED" {
        /// Where in the input.
        path: String,
    } => ("intent deadline is later than the nonce deadline"),
    /// A number (amount, gas, index) that is not a valid decimal integer of its type.
    InvalidNumber = "INVALID_NUMBER" {
        /// Where in the input.
        path: String,
        /// What is wrong.
        reason: String,
    } => ("invalid number: {reason}"),
    /// A known intent kind whose fields do not match its definition.
    InvalidIntent = "INVALID_INTENT" {
        /// Where in the input.
        path: String,
        /// What is wrong.
        reason: String,
    } => ("invalid intent: {reason}"),
    /// A function signature that does not parse, or whose types do not resolve.
    InvalidFunctionSignature = "INVALID_FUNCTION_SIGNATURE" {
        /// Where in the input.
        path: String,
        /// What is wrong.
        reason: String,
    } => ("invalid function signature: {reason}"),
    /// A tuple, fixed array or parameter list with the wrong number of entries.
    AbiArityMismatch = "ABI_ARITY_MISMATCH" {
        /// Where in the input.
        path: String,
        /// The number required.
        expected: usize,
        /// The number given.
        actual: usize,
    } => ("expected {expected} entries, got {actual}"),
    /// Not an address (`0x` followed by 40 hex digits).
    InvalidAddress = "INVALID_ADDRESS" {
        /// Where in the input.
        path: String,
        /// What is wrong.
        reason: String,
    } => ("invalid address: {reason}"),
    /// A mixed-case address whose EIP-55 checksum is wrong.
    InvalidChecksum = "INVALID_CHECKSUM" {
        /// Where in the input.
        path: String,
        /// The correctly checksummed address.
        expected: String,
    } => ("bad EIP-55 checksum (expected {expected})"),
    /// A placeholder such as `{MIN_AMOUNT_OUT}` with no value given.
    UnresolvedPlaceholder = "UNRESOLVED_PLACEHOLDER" {
        /// Where in the input.
        path: String,
        /// The placeholder.
        placeholder: String,
    } => ("no value for placeholder {placeholder}"),
    /// Call data whose selector is not the function's.
    SelectorMismatch = "SELECTOR_MISMATCH" {
        /// Where in the input.
        path: String,
        /// The function's selector.
        expected: String,
        /// The selector found.
        actual: String,
    } => ("selector {actual} is not {expected}"),
    /// Call data that does not decode for the function's types.
    AbiDecodeFailed = "ABI_DECODE_FAILED" {
        /// Where in the input.
        path: String,
        /// What is wrong.
        reason: String,
    } => ("call data does not decode: {reason}"),
    /// Call data that decodes but is not the canonical encoding of what it decodes to.
    NonCanonicalCalldata = "NON_CANONICAL_CALLDATA" {
        /// Where in the input.
        path: String,
    } => ("call data is not canonical (dirty padding or trailing bytes)"),
    /// More steps than the API accepts.
    TooManySteps = "TOO_MANY_STEPS" {
        /// Where in the input.
        path: String,
        /// The most allowed.
        max: usize,
        /// The number given.
        actual: usize,
    } => ("{actual} steps (at most {max})"),
    /// A typed-data field of a struct type that `types` does not declare.
    MissingType = "MISSING_TYPE" {
        /// Where in the input.
        path: String,
        /// The missing type.
        name: String,
    } => ("type {name} is not declared"),
    /// Typed-data struct types that reference each other in a cycle.
    CyclicTypes = "CYCLIC_TYPES" {
        /// Where in the input.
        path: String,
        /// The cycle, as `A -> B -> A`.
        cycle: String,
    } => ("cyclic types: {cycle}"),
    /// A `primaryType` that `types` does not declare.
    UnknownPrimaryType = "UNKNOWN_PRIMARY_TYPE" {
        /// Where in the input.
        path: String,
        /// The primary type.
        name: String,
    } => ("primary type {name} is not declared"),
    /// A Permit2 witness type string or hash that differs from what the witness gives.
    WitnessMismatch = "WITNESS_MISMATCH" {
        /// Where in the input.
        path: String,
        /// What differs.
        reason: String,
    } => ("witness mismatch: {reason}"),
    /// A wallet that is neither an EVM address, a NEAR account nor a Solana key.
    InvalidWallet = "INVALID_WALLET" {
        /// Where in the input.
        path: String,
        /// What is wrong.
        reason: String,
    } => ("invalid wallet: {reason}"),
    /// A wallet whose kind does not sign the execution's standard.
    WalletMismatch = "WALLET_MISMATCH" {
        /// Where in the input.
        path: String,
        /// What differs.
        reason: String,
    } => ("wallet does not match: {reason}"),
    /// An execution with nothing to sign (a dry run, or no payload).
    NotSignable = "NOT_SIGNABLE" {
        /// Where in the input.
        path: String,
        /// Why.
        reason: String,
    } => ("nothing to sign: {reason}"),
    /// An execution whose status does not allow the operation.
    InvalidStatus = "INVALID_STATUS" {
        /// Where in the input.
        path: String,
        /// The status found.
        status: String,
    } => ("status {status} does not allow this"),
    /// A wallet signature that does not verify over the bytes it had to sign.
    SignatureMismatch = "SIGNATURE_MISMATCH" {
        /// Where in the input.
        path: String,
        /// What the wallet signed instead, when a known mistake explains it (else empty).
        hint: String,
    } => ("the signature does not verify over the payload{}{hint}", if hint.is_empty() { "" } else { ": " }),
    /// A non-dry execution request without steps.
    StepsRequired = "STEPS_REQUIRED" {
        /// Where in the input.
        path: String,
    } => ("steps are required for non-dry executions"),
    /// `quote.recipient` without `outOperation`.
    RecipientNotAllowed = "RECIPIENT_NOT_ALLOWED" {
        /// Where in the input.
        path: String,
    } => ("quote.recipient is only valid when outOperation=true"),
    /// A placeholder where this kind of execution does not allow it.
    PlaceholderNotAllowed = "PLACEHOLDER_NOT_ALLOWED" {
        /// Where in the input.
        path: String,
        /// The placeholder.
        placeholder: String,
    } => ("placeholder {placeholder} is not allowed here"),
    /// An out-operation without a `transfer(token, {DEPOSIT_ADDRESS}, amount)` step.
    DepositTransferRequired = "DEPOSIT_TRANSFER_REQUIRED" {
        /// Where in the input.
        path: String,
    } => ("outOperation requires a transfer(tokenAddress, {{DEPOSIT_ADDRESS}}, amount) step"),
    /// A steps-only request none of whose steps calls the destination ERC-20.
    DestinationTokenNotUsed = "DESTINATION_TOKEN_NOT_USED" {
        /// Where in the input.
        path: String,
        /// The destination token address.
        token: String,
    } => ("steps must include at least one call to destination token {token}"),
    /// A payload the verifier would read differently from what a review
    /// shows: a duplicated key, `null` where the contract's type has none, or
    /// a field the contract's parse would silently drop or change.
    AmbiguousPayload = "AMBIGUOUS_PAYLOAD" {
        /// Where in the input.
        path: String,
        /// What the contract would do with it.
        reason: String,
    } => ("the verifier would read this differently: {reason}"),
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

/// Appends `[i]` to a path without the formatting machinery (this runs for
/// every array entry and tuple component of every call).
#[cfg_attr(not(any(feature = "evm", feature = "wasm")), allow(dead_code))]
pub(crate) fn push_index(path: &mut String, i: usize) {
    let mut digits = [0u8; 20];
    let mut n = i;
    let mut at = digits.len();
    loop {
        at -= 1;
        if let Some(d) = digits.get_mut(at) {
            // n % 10 < 10: the cast cannot truncate.
            #[allow(clippy::as_conversions, clippy::cast_possible_truncation)]
            let digit = (n % 10) as u8;
            *d = b'0' + digit;
        }
        n /= 10;
        if n == 0 || at == 0 {
            break;
        }
    }
    path.push('[');
    path.push_str(core::str::from_utf8(digits.get(at..).unwrap_or_default()).unwrap_or_default());
    path.push(']');
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

impl core::error::Error for Error {}

/// The crate's result type.
pub type Result<T, E = Error> = core::result::Result<T, E>;

#[cfg(test)]
mod tests;
