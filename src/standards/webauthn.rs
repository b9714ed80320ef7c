//! `WebAuthn` assertions (passkeys), standard `"webauthn"`.
//!
//! <https://w3c.github.io/webauthn/#sctn-verifying-assertion>, as the NEAR
//! Intents verifier checks it (near/intents `crates/signatures/webauthn/src/lib.rs`,
//! `contracts/defuse/core/src/payload/webauthn.rs`):
//!
//! ```text
//! challenge = sha256(payload)                       (32 bytes; also the intent hash)
//! clientDataJSON.type      == "webauthn.get"
//! clientDataJSON.challenge == base64url(challenge)  (no padding needed)
//! flags = authenticatorData[32]:  UP (bit 0) set;  BS (bit 4) set only with BE (bit 3)
//! preimage = authenticatorData ‖ sha256(clientDataJSON)   (the signed message)
//! P-256:   ECDSA over hash = sha256(preimage), s ≤ n/2, r ‖ s raw (not DER)
//! Ed25519: EdDSA over the preimage itself
//! ```
//!
//! What the verifier does **not** check, and so neither does this module:
//! the origin and `crossOrigin` of the client data, the `rpIdHash` (the first
//! 32 bytes of the authenticator data), the UV (user verified) flag
//! (`IgnoreUserVerification`: FIDO U2F authenticators never set it) and the
//! signature counter. `clientDataJSON` must still parse with an `origin`
//! string, and unknown members are ignored.
//!
//! A check that fails is a signature that does not verify (`false`), as on
//! chain; only malformed signatures are errors (see [`crate::crypto::p256`]).

use alloc::string::String;
use alloc::vec::Vec;

use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::Engine as _;
use serde::Deserialize;
use sha2::{Digest as _, Sha256};

use crate::crypto::{ed25519, p256};
use crate::error::{Error, Result};

/// The client data `type` of an assertion.
///
/// ```
/// assert_eq!(intent_signer::standards::webauthn::TYPE_GET, "webauthn.get");
/// ```
pub const TYPE_GET: &str = "webauthn.get";

/// User present: must be set.
pub const FLAG_UP: u8 = 1;
/// User verified: not required by the verifier.
pub const FLAG_UV: u8 = 1 << 2;
/// Backup eligible.
pub const FLAG_BE: u8 = 1 << 3;
/// Backup state: may be set only together with [`FLAG_BE`].
pub const FLAG_BS: u8 = 1 << 4;

/// The shortest authenticator data: rpIdHash (32) ‖ flags (1) ‖ signCount (4).
///
/// ```
/// assert_eq!(intent_signer::standards::webauthn::MIN_AUTHENTICATOR_DATA, 37);
/// ```
pub const MIN_AUTHENTICATOR_DATA: usize = 37;

/// base64url as the verifier reads `authenticator_data` and the challenge
/// (`serde_with` `Base64<UrlSafe, Unpadded>`): URL-safe alphabet, padding
/// optional, non-zero trailing bits refused.
const BASE64URL: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// The `WebAuthn` challenge of a payload: sha256 of its UTF-8 bytes (also the
/// `webauthn` intent hash).
#[must_use]
pub fn challenge(payload: &[u8]) -> [u8; 32] {
    Sha256::digest(payload).into()
}

/// The challenge as it appears in `clientDataJSON`: base64url, no padding.
///
/// ```
/// use intent_signer::standards::webauthn::challenge_base64url;
/// // near/intents core/src/payload/webauthn.rs, test `p256`: the payload's
/// // challenge is "4cveZsIe6p-WaEcL-Lhtzt3SZuXbYsjDdlFhLNrSjjk".
/// assert_eq!(challenge_base64url(b"").len(), 43);
/// ```
#[must_use]
pub fn challenge_base64url(payload: &[u8]) -> String {
    BASE64URL.encode(challenge(payload))
}

/// Decodes `authenticator_data` (base64url, padding optional).
///
/// # Errors
/// [`Error::InvalidBase64`].
pub fn decode_base64url(text: &str) -> Result<Vec<u8>> {
    BASE64URL.decode(text).map_err(|_| Error::InvalidBase64 {
        path: String::new(),
    })
}

/// base64url without padding (how `authenticator_data` is written back).
#[must_use]
pub fn encode_base64url(bytes: &[u8]) -> String {
    BASE64URL.encode(bytes)
}

/// What the authenticator returned, as the `webauthn` `MultiPayload` carries it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assertion {
    /// The raw authenticator data.
    pub authenticator_data: Vec<u8>,
    /// The client data JSON text exactly as the browser produced it.
    pub client_data_json: String,
}

/// Why an assertion does not match a challenge (the verifier's checks, in its order).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mismatch {
    /// The authenticator data is shorter than 37 bytes.
    AuthenticatorDataTooShort,
    /// The UP (user present) flag is not set.
    UserNotPresent,
    /// BS (backup state) is set without BE (backup eligible).
    BackupStateWithoutEligibility,
    /// `clientDataJSON` is not a client data object (`type`, `challenge`, `origin`).
    ClientData,
    /// The client data `type` is not `webauthn.get`.
    WrongType,
    /// The client data challenge is not this payload's challenge.
    Challenge,
}

impl Mismatch {
    /// A one-line explanation.
    #[must_use]
    pub fn reason(self) -> &'static str {
        match self {
            Self::AuthenticatorDataTooShort => "authenticator_data is shorter than 37 bytes",
            Self::UserNotPresent => "the UP (user present) flag is not set",
            Self::BackupStateWithoutEligibility => "the BS flag is set without the BE flag",
            Self::ClientData => {
                "client_data_json does not parse as client data (type, challenge, origin)"
            }
            Self::WrongType => "the client data type is not \"webauthn.get\"",
            Self::Challenge => "the client data challenge is not base64url(sha256(payload))",
        }
    }
}

#[derive(Deserialize)]
enum ClientDataType {
    #[serde(rename = "webauthn.create")]
    Create,
    #[serde(rename = "webauthn.get")]
    Get,
}

/// `CollectedClientData` with the verifier's required members; serde's
/// derive gives the same acceptance (unknown members ignored, duplicates and
/// missing members refused).
#[derive(Deserialize)]
struct ClientData {
    #[serde(rename = "type")]
    typ: ClientDataType,
    challenge: String,
    #[allow(dead_code)]
    origin: String,
}

/// Runs the verifier's checks of an assertion against a challenge (flags
/// first, then the client data).
///
/// # Errors
/// The first [`Mismatch`].
pub fn check(challenge: &[u8; 32], assertion: &Assertion) -> core::result::Result<(), Mismatch> {
    if assertion.authenticator_data.len() < MIN_AUTHENTICATOR_DATA {
        return Err(Mismatch::AuthenticatorDataTooShort);
    }
    let flags = assertion
        .authenticator_data
        .get(32)
        .copied()
        .unwrap_or_default();
    if flags & FLAG_UP == 0 {
        return Err(Mismatch::UserNotPresent);
    }
    if flags & FLAG_BE == 0 && flags & FLAG_BS != 0 {
        return Err(Mismatch::BackupStateWithoutEligibility);
    }
    let data: ClientData =
        serde_json::from_str(&assertion.client_data_json).map_err(|_| Mismatch::ClientData)?;
    // The verifier decodes the challenge while parsing: a bad base64url
    // challenge fails the parse.
    let got = decode_base64url(&data.challenge).map_err(|_| Mismatch::ClientData)?;
    match data.typ {
        ClientDataType::Get => {}
        ClientDataType::Create => return Err(Mismatch::WrongType),
    }
    if got != challenge {
        return Err(Mismatch::Challenge);
    }
    Ok(())
}

/// The signed message: authenticator data ‖ sha256(clientDataJSON).
#[must_use]
pub fn preimage(assertion: &Assertion) -> Vec<u8> {
    let mut out = Vec::with_capacity(assertion.authenticator_data.len() + 32);
    out.extend_from_slice(&assertion.authenticator_data);
    out.extend_from_slice(&Sha256::digest(assertion.client_data_json.as_bytes()));
    out
}

/// sha256 of the [`preimage`]: the digest a P-256 key signs.
#[must_use]
pub fn hash(assertion: &Assertion) -> [u8; 32] {
    Sha256::digest(preimage(assertion)).into()
}

/// The outcome of a verification.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Every check passes and the signature verifies.
    Valid,
    /// A check of the assertion fails.
    Mismatch(Mismatch),
    /// The checks pass, the signature does not verify.
    BadSignature,
}

/// Verifies a P-256 passkey assertion for `challenge`.
///
/// # Errors
/// [`Error::InvalidSignature`], [`Error::HighS`] (malformed signatures).
pub fn verify_p256(
    public_key: &[u8; 64],
    challenge: &[u8; 32],
    assertion: &Assertion,
    signature: &[u8; 64],
) -> Result<Outcome> {
    p256::check_signature(signature)?;
    if let Err(m) = check(challenge, assertion) {
        return Ok(Outcome::Mismatch(m));
    }
    Ok(
        if p256::verify_prehash(public_key, &hash(assertion), signature)? {
            Outcome::Valid
        } else {
            Outcome::BadSignature
        },
    )
}

/// Verifies an Ed25519 passkey assertion for `challenge` (strict Ed25519,
/// weak keys rejected).
#[must_use]
pub fn verify_ed25519(
    public_key: &[u8; 32],
    challenge: &[u8; 32],
    assertion: &Assertion,
    signature: &[u8; 64],
) -> Outcome {
    if let Err(m) = check(challenge, assertion) {
        return Outcome::Mismatch(m);
    }
    if ed25519::verify(public_key, &preimage(assertion), signature) {
        Outcome::Valid
    } else {
        Outcome::BadSignature
    }
}

/// Converts an authenticator's DER signature (`SEQUENCE { INTEGER r, INTEGER s }`,
/// strict DER) to the raw r ‖ s the verifier takes, with s normalised to the
/// low half.
///
/// # Errors
/// [`Error::InvalidSignature`] for anything that is not a strict DER P-256 signature.
pub fn der_to_raw(der: &[u8]) -> Result<[u8; 64]> {
    let sig = ::p256::ecdsa::Signature::from_der(der).map_err(|_| Error::InvalidSignature {
        path: String::new(),
    })?;
    let mut out = [0u8; 64];
    out.copy_from_slice(&sig.to_bytes());
    p256::normalize_s(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assertion(flags: u8, cdj: &str) -> Assertion {
        let mut ad = [0u8; 37].to_vec();
        ad[32] = flags;
        Assertion {
            authenticator_data: ad,
            client_data_json: cdj.into(),
        }
    }

    #[test]
    fn flags_policy() {
        let c = challenge(b"x");
        let cdj = alloc::format!(
            r#"{{"type":"webauthn.get","challenge":"{}","origin":"o"}}"#,
            challenge_base64url(b"x")
        );
        assert_eq!(check(&c, &assertion(FLAG_UP, &cdj)), Ok(()));
        assert_eq!(
            check(&c, &assertion(FLAG_UV, &cdj)),
            Err(Mismatch::UserNotPresent)
        );
        assert_eq!(
            check(&c, &assertion(FLAG_UP | FLAG_BS, &cdj)),
            Err(Mismatch::BackupStateWithoutEligibility)
        );
        assert_eq!(
            check(&c, &assertion(FLAG_UP | FLAG_BE | FLAG_BS, &cdj)),
            Ok(())
        );
        let mut short = assertion(FLAG_UP, &cdj);
        short.authenticator_data.truncate(36);
        assert_eq!(check(&c, &short), Err(Mismatch::AuthenticatorDataTooShort));
    }

    #[test]
    fn client_data_rules() {
        let c = challenge(b"x");
        let ch = challenge_base64url(b"x");
        let ok = |cdj: &str| check(&c, &assertion(FLAG_UP, cdj));
        // No origin: the verifier's parse fails.
        assert_eq!(
            ok(&alloc::format!(
                r#"{{"type":"webauthn.get","challenge":"{ch}"}}"#
            )),
            Err(Mismatch::ClientData)
        );
        assert_eq!(
            ok(&alloc::format!(
                r#"{{"type":"webauthn.create","challenge":"{ch}","origin":""}}"#
            )),
            Err(Mismatch::WrongType)
        );
        // Padding is accepted; unknown members ignored.
        assert_eq!(
            ok(&alloc::format!(
                r#"{{"type":"webauthn.get","challenge":"{ch}=","origin":"","x":1}}"#
            )),
            Ok(())
        );
        // Standard-alphabet characters are not base64url.
        let std = ch.replace('-', "+").replace('_', "/");
        if std != ch {
            assert_eq!(
                ok(&alloc::format!(
                    r#"{{"type":"webauthn.get","challenge":"{std}","origin":""}}"#
                )),
                Err(Mismatch::ClientData)
            );
        }
    }
}
