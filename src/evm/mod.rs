//! The EVM wing (feature `evm`): ABI call data, Intents Connect EVM steps,
//! EIP-712 typed data, Permit2 and EIP-7702.
//!
//! Imports the crypto wing (secp256k1) and the shared encodings, never the
//! NEAR standards, the intents or the flow.

pub mod abi;
pub mod eip712;
pub mod eip7702;
pub mod permit2;
pub mod step;
