//! The origin wallet of an execution and what to hand it.

use alloc::string::String;
use alloc::vec::Vec;

use crate::error::{Error, Result};
use crate::multi_payload::Standard;
use crate::nep413::Nep413Payload;

/// The origin wallet of an execution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wallet {
    /// An EVM address (signs `erc191`).
    Evm([u8; 20]),
    /// A NEAR account, named or implicit (signs `nep413`).
    Near(String),
    /// A Solana public key (signs `raw_ed25519`).
    Solana([u8; 32]),
}

impl Wallet {
    /// Reads `0x` + 40 hex (EVM, any case), a NEAR account id, or a base58
    /// 32-byte Solana key.
    ///
    /// # Errors
    /// [`Error::InvalidWallet`].
    pub fn parse(s: &str) -> Result<Self> {
        let invalid = |reason: &str| Error::InvalidWallet {
            path: "wallet".into(),
            reason: reason.into(),
        };
        if let Some(hex) = s.strip_prefix("0x") {
            if hex.len() == 40 {
                return crate::encoding::hex_decode_array::<20>(hex)
                    .map(Self::Evm)
                    .map_err(|_| invalid("an EVM address is 0x and 40 hex digits"));
            }
        }
        if crate::intent::validate_account_id(s).is_ok() {
            return Ok(Self::Near(s.into()));
        }
        if s.len() <= 64 {
            if let Ok(key) = crate::encoding::base58_decode(s) {
                if let Ok(key) = crate::encoding::to_array::<32>(&key) {
                    return Ok(Self::Solana(key));
                }
            }
        }
        Err(invalid(
            "expected an EVM address, a NEAR account id or a Solana public key",
        ))
    }

    /// The standard this wallet signs.
    #[must_use]
    pub fn standard(&self) -> Standard {
        match self {
            Self::Evm(_) => Standard::Erc191,
            Self::Near(_) => Standard::Nep413,
            Self::Solana(_) => Standard::RawEd25519,
        }
    }

    /// The `signer_id` the intent must carry: the lowercase address, the NEAR
    /// account, or the hex of the Solana key.
    #[must_use]
    pub fn signer_id(&self) -> String {
        match self {
            Self::Evm(a) => crate::encoding::hex_encode_prefixed(a),
            Self::Near(account) => account.clone(),
            Self::Solana(key) => crate::encoding::hex_encode(key),
        }
    }

    /// The wallet as the API and the wallet show it (EIP-55, account, base58).
    #[must_use]
    pub fn display(&self) -> String {
        match self {
            Self::Evm(a) => crate::secp256k1::checksum_address(a),
            Self::Near(account) => account.clone(),
            Self::Solana(key) => crate::encoding::base58_encode(key),
        }
    }
}

/// What to hand the wallet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WalletRequest {
    /// `personal_sign` with `[message, address]`: the payload string verbatim.
    PersonalSign {
        /// The exact string.
        message: String,
        /// The signing address (EIP-55).
        address: String,
    },
    /// NEAR wallets' `signMessage({message, recipient, nonce, callbackUrl?})`.
    SignMessage(Nep413Payload),
    /// Solana wallets' `signMessage(bytes)`.
    SignBytes(Vec<u8>),
}
