//! The signing standards of the NEAR Intents verifier, one module each with
//! the same verbs: `preimage` (the exact bytes hashed), `hash` (the digest
//! signed), `verify`/`recover`, `sign`.
//!
//! Preimages and hashes are always built; `verify`/`recover`/`sign` need the
//! curve's feature:
//!
//! | module | curve | feature |
//! |---|---|---|
//! | [`nep413`] | Ed25519 | `ed25519` |
//! | [`raw_ed25519`] | Ed25519 | `ed25519` |
//! | [`sep53`] | Ed25519 | `ed25519` |
//! | [`erc191`] | secp256k1 | `secp256k1` |
//! | [`tip191`] | secp256k1 | `secp256k1` |
//! | [`webauthn`] | P-256 or Ed25519 | `webauthn` (whole module) |
//! | [`ton_connect`] | Ed25519 | `ton` (whole module) |
//!
//! Imports only the crypto wing and the shared text encodings.

pub mod erc191;
pub mod nep413;
pub mod raw_ed25519;
pub mod sep53;
pub mod tip191;
#[cfg(feature = "ton")]
pub mod ton_connect;
#[cfg(feature = "webauthn")]
pub mod webauthn;
