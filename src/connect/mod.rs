//! Intents Connect executions: the `details.payload` the wallet signs.
//!
//! `details.payload = {payload_json, payload_bytes_base64, standard}`, where
//! `payload_bytes_base64` holds the exact UTF-8 bytes of `payload_json`, and
//! `details.signingStandard` names the same standard. For `nep413`,
//! `payload_json` is the NEP-413 payload `{message, recipient, nonce}`.

//!
//! The flow in five files: [`payload`] (the two renderings cross-checked),
//! [`wallet`] (who signs, and what the wallet is asked), [`prepare`] (before
//! the wallet: checks and the review), [`finish`] (after the wallet: verify,
//! submit body, `MultiPayload`, delete), [`request`] (a create body's 400
//! rules). Every public item is re-exported here.

pub mod finish;
pub mod payload;
pub mod prepare;
pub mod request;
pub mod wallet;

pub use finish::*;
pub use payload::*;
pub use prepare::*;
pub use request::*;
pub use wallet::*;
