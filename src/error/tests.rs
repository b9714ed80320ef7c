//! The code table agrees with the variants; paths join.

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
        Error::UnsupportedPayload {
            path: p(),
            reason: p()
        },
        Error::InvalidTimestamp {
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
