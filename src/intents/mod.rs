//! The intents wing: what `intents.near` executes.
//!
//! - [`message`]: the intent message (`DefusePayload`), parsed exactly as the
//!   verifier parses it or refused ([`parse`] holds the verifier's rules);
//! - [`multi_payload`]: the signed envelope, its variants gated by curve as
//!   the verifier's own crypto crate gates them;
//! - [`review`]: one review entry per intent and the findings a user must see.
//!
//! Imports the standards and crypto wings, never `evm` or `connect`.

pub mod kinds;
pub mod message;
pub mod multi_payload;
pub mod parse;
pub mod review;
#[cfg(feature = "ton")]
pub mod ton_connect;
#[cfg(feature = "webauthn")]
pub mod webauthn;
