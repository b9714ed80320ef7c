//! The curve wing: the curves the verifier's standards sign with.
//!
//! Verbs only, lengths as array types: [`secp256k1`] (recover, sign,
//! addresses), [`ed25519`] (verify, sign) and [`p256`] (verify, passkeys;
//! feature `webauthn`). Imports nothing above it.

#[cfg(feature = "ed25519")]
pub mod ed25519;
pub mod eth;
#[cfg(feature = "webauthn")]
pub mod p256;
#[cfg(feature = "secp256k1")]
pub mod secp256k1;
