//! The `webauthn` `MultiPayload` as the verifier parses it
//! (near/intents `contracts/defuse/core/src/payload/webauthn.rs`):
//!
//! ```text
//! { "standard": "webauthn",
//!   "payload": "<intent message JSON>",             (challenge = sha256 of it)
//!   "public_key": "p256:<base58 64>" | "ed25519:<base58 32>",
//!   "signature":  "p256:<base58 r‖s 64>" | "ed25519:<base58 64>",
//!   "client_data_json":   "<the browser's clientDataJSON text>",   (alias "clientDataJSON")
//!   "authenticator_data": "<base64url>" }                           (alias "authenticatorData")
//! ```
//!
//! `public_key` and `signature` are the verifier's `PublicKey` / `Signature`
//! enums: a case-sensitive `ed25519:`, `secp256k1:` or `p256:` prefix (none:
//! ed25519) and exact lengths. A key and signature of different curves, or a
//! secp256k1 pair, parse but never verify. Giving both the `snake_case` and the
//! camelCase name of a field is refused, as serde refuses the duplicate.

use alloc::string::String;

use crate::encoding::{base58_decode, format_curve_bytes, to_array, Curve, PublicKey};
use crate::error::{Error, Result};
use crate::json::Obj;
use crate::standards::webauthn::{self, Assertion, Outcome};

/// A `webauthn` signature as the verifier's `Signature` enum reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signature {
    /// 64 bytes R ‖ S.
    Ed25519([u8; 64]),
    /// 65 bytes r ‖ s ‖ v (parses; never verifies in `webauthn`).
    Secp256k1([u8; 65]),
    /// 64 bytes r ‖ s.
    P256([u8; 64]),
}

impl Signature {
    /// `"<curve>:<base58>"` with the lowercase prefix.
    #[must_use]
    pub fn to_text(&self) -> String {
        match self {
            Self::Ed25519(b) => format_curve_bytes(Curve::Ed25519, b),
            Self::Secp256k1(b) => format_curve_bytes(Curve::Secp256k1, b),
            Self::P256(b) => format_curve_bytes(Curve::P256, b),
        }
    }
}

/// Splits the verifier's enum form: the prefix is case-sensitive here.
fn split_exact(text: &str) -> Result<(Curve, &str)> {
    let (prefix, data) = text.split_once(':').unwrap_or(("ed25519", text));
    let curve = match prefix {
        "ed25519" => Curve::Ed25519,
        "secp256k1" => Curve::Secp256k1,
        "p256" => Curve::P256,
        _ => {
            return Err(Error::UnsupportedCurve {
                path: String::new(),
                found: prefix.into(),
            })
        }
    };
    Ok((curve, data))
}

fn b58<const N: usize>(data: &str) -> Result<[u8; N]> {
    // Longer than any key or signature: refuse before decoding.
    if data.len() > 200 {
        return Err(Error::InvalidLength {
            path: String::new(),
            expected: N,
            actual: data.len(),
        });
    }
    to_array(&base58_decode(data)?)
}

/// Reads a `PublicKey` as the verifier's enum does.
///
/// # Errors
/// [`Error::UnsupportedCurve`], [`Error::InvalidBase58`], [`Error::InvalidLength`].
pub fn parse_public_key(text: &str) -> Result<PublicKey> {
    let (curve, data) = split_exact(text)?;
    Ok(match curve {
        Curve::Ed25519 => PublicKey::Ed25519(b58(data)?),
        Curve::Secp256k1 => PublicKey::Secp256k1(b58(data)?),
        Curve::P256 => PublicKey::P256(b58(data)?),
    })
}

/// Reads a `Signature` as the verifier's enum does.
///
/// # Errors
/// As [`parse_public_key`].
pub fn parse_signature(text: &str) -> Result<Signature> {
    let (curve, data) = split_exact(text)?;
    Ok(match curve {
        Curve::Ed25519 => Signature::Ed25519(b58(data)?),
        Curve::Secp256k1 => Signature::Secp256k1(b58(data)?),
        Curve::P256 => Signature::P256(b58(data)?),
    })
}

/// A signed `webauthn` payload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedWebAuthn {
    /// The signed string (its sha256 is the challenge).
    pub payload: String,
    /// The passkey's public key.
    pub public_key: PublicKey,
    /// The signature.
    pub signature: Signature,
    /// The authenticator data and client data.
    pub assertion: Assertion,
}

/// One of two names for a field; both at once is refused.
fn aliased<'a>(obj: &Obj<'a>, name: &str, alias: &str) -> Result<(&'a str, String)> {
    match (obj.get(name), obj.get(alias)) {
        (Some(_), Some(_)) => Err(Error::AmbiguousPayload {
            path: obj.path_of(alias),
            reason: alloc::format!("both {name} and {alias}: serde refuses the duplicate field"),
        }),
        (None, Some(_)) => Ok((obj.req_str(alias)?, obj.path_of(alias))),
        _ => Ok((obj.req_str(name)?, obj.path_of(name))),
    }
}

impl SignedWebAuthn {
    /// Reads the fields of a `webauthn` `MultiPayload`.
    ///
    /// # Errors
    /// [`Error::MissingField`], [`Error::InvalidJson`], [`Error::AmbiguousPayload`],
    /// [`Error::InvalidBase64`] (authenticator data), and the key and
    /// signature errors of [`parse_public_key`], with paths.
    pub(crate) fn from_obj(obj: &Obj<'_>) -> Result<Self> {
        let payload = obj.req_str("payload")?.into();
        let (auth, auth_path) = aliased(obj, "authenticator_data", "authenticatorData")?;
        let authenticator_data = webauthn::decode_base64url(auth).map_err(|e| e.at(&auth_path))?;
        let (client_data_json, _) = aliased(obj, "client_data_json", "clientDataJSON")?;
        let public_key = parse_public_key(obj.req_str("public_key")?)
            .map_err(|e| e.at(&obj.path_of("public_key")))?;
        let signature = parse_signature(obj.req_str("signature")?)
            .map_err(|e| e.at(&obj.path_of("signature")))?;
        Ok(Self {
            payload,
            public_key,
            signature,
            assertion: Assertion {
                authenticator_data,
                client_data_json: client_data_json.into(),
            },
        })
    }

    /// sha256(payload): the challenge and the intent hash.
    #[must_use]
    pub fn intent_hash(&self) -> [u8; 32] {
        webauthn::challenge(self.payload.as_bytes())
    }

    /// Verifies as the verifier does. `Ok(Valid)` only for a matching
    /// Ed25519 or P-256 pair whose assertion passes every check.
    ///
    /// # Errors
    /// A malformed P-256 signature ([`Error::HighS`], [`Error::InvalidSignature`]), at `signature`.
    pub fn verify(&self) -> Result<Outcome> {
        let challenge = self.intent_hash();
        match (&self.public_key, &self.signature) {
            (PublicKey::P256(pk), Signature::P256(sig)) => {
                webauthn::verify_p256(pk, &challenge, &self.assertion, sig)
                    .map_err(|e| e.at("signature"))
            }
            (PublicKey::Ed25519(pk), Signature::Ed25519(sig)) => Ok(webauthn::verify_ed25519(
                pk,
                &challenge,
                &self.assertion,
                sig,
            )),
            _ => Ok(Outcome::BadSignature),
        }
    }
}
