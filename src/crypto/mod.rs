//! The curve wing: the two curves the verifier's standards sign with.
//!
//! Verbs only, lengths as array types: [`secp256k1`] (recover, sign,
//! addresses) and [`ed25519`] (verify, sign). Imports nothing above it.

#[cfg(feature = "ed25519")]
pub mod ed25519;
pub mod eth;
#[cfg(feature = "secp256k1")]
pub mod secp256k1;
