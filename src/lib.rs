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

extern crate alloc;

pub mod abi;
pub mod ed25519;
pub mod eip712;
pub mod eip7702;
pub mod encoding;
pub mod erc191;
pub mod error;
pub mod execution;
pub mod intent;
pub mod intent_review;
mod json;
pub mod multi_payload;
pub mod nep413;
pub mod permit2;
pub mod raw_ed25519;
pub mod review;
pub mod secp256k1;
pub mod sep53;
pub mod step;
pub mod tip191;
#[cfg(feature = "wasm")]
mod wasm;

pub use error::{Error, Result};
pub use multi_payload::{MultiPayload, Standard, Verification};
