//! `details.payload`: the two renderings of what the wallet signs, cross-checked.

use alloc::string::String;
use alloc::vec::Vec;

use serde_json::Value;

use crate::encoding::base64_decode;
use crate::error::{Error, Result};
use crate::json::{self, Obj};
use crate::multi_payload::Standard;
use crate::nep413::Nep413Payload;

/// A `details.payload` whose two renderings and standard agree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SigningPayload {
    /// The standard.
    pub standard: Standard,
    /// `payload_json`, verbatim.
    pub payload_json: String,
    /// For `nep413`, the parsed payload.
    pub nep413: Option<Nep413Payload>,
}

/// Cross-checks `details.payload` (and `details.signingStandard` when given).
///
/// # Errors
/// [`Error::MissingField`], [`Error::InvalidJson`], [`Error::UnknownStandard`],
/// [`Error::InvalidBase64`], [`Error::PayloadMismatch`] when the base64 bytes are
/// not exactly `payload_json`, [`Error::StandardMismatch`], and for `nep413` the
/// errors of [`Nep413Payload::from_json`]. Paths start at `payload`.
pub fn check_signing_payload(
    payload: &Value,
    signing_standard: Option<&str>,
) -> Result<SigningPayload> {
    let obj = Obj::new(payload, "payload")?;
    let standard_tag = obj.req_str("standard")?;
    let standard = Standard::parse(standard_tag).map_err(|e| e.at(&obj.path_of("standard")))?;
    if let Some(expected) = signing_standard {
        if expected != standard_tag {
            return Err(Error::StandardMismatch {
                path: obj.path_of("standard"),
                expected: expected.into(),
                actual: standard_tag.into(),
            });
        }
    }
    let payload_json = obj.req_str("payload_json")?;
    let bytes: Vec<u8> = base64_decode(obj.req_str("payload_bytes_base64")?)
        .map_err(|e| e.at(&obj.path_of("payload_bytes_base64")))?;
    if bytes != payload_json.as_bytes() {
        return Err(Error::PayloadMismatch {
            path: obj.path_of("payload_bytes_base64"),
        });
    }
    let nep413 = if standard == Standard::Nep413 {
        let path = obj.path_of("payload_json");
        let value = json::parse(payload_json, &path)?;
        Some(Nep413Payload::from_json(&value, &path, false)?)
    } else {
        None
    };
    Ok(SigningPayload {
        standard,
        payload_json: payload_json.into(),
        nep413,
    })
}
