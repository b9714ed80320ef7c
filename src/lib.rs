#![doc = include_str!("../README.md")]
#![warn(missing_docs, clippy::pedantic)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::as_conversions
    )
)]
// A binding built for some wings only (per-wing packages) leaves helpers of
// the others unused.
#![cfg_attr(
    all(feature = "wasm", not(feature = "connect")),
    allow(dead_code, unused_imports)
)]

extern crate alloc;

#[cfg(feature = "connect")]
pub mod connect;
pub mod crypto;
pub mod encoding;
pub mod error;
#[cfg(feature = "evm")]
pub mod evm;
#[cfg(feature = "intents")]
pub mod intents;
mod json;
pub mod review;
pub mod standards;
#[cfg(feature = "wasm")]
mod wasm;

pub use error::{Error, Result};
#[cfg(feature = "intents")]
pub use intents::multi_payload::{MultiPayload, Standard, Verification};

// The paths of the flat layout, kept so that existing callers compile.
#[cfg(feature = "connect")]
pub use connect as execution;
#[cfg(feature = "ed25519")]
pub use crypto::ed25519;
#[cfg(feature = "secp256k1")]
pub use crypto::secp256k1;
#[cfg(feature = "evm")]
pub use evm::{abi, eip712, eip7702, permit2, step};
#[cfg(feature = "intents")]
pub use intents::{message as intent, multi_payload, review as intent_review};
pub use standards::{erc191, nep413, raw_ed25519, sep53, tip191};
