//! The caps without the EVM wing: only the generic limits ([`super::MAX_DEPTH`],
//! [`super::MAX_ARRAY_LEN`]); the wing-specific caps live in `cap.rs`.

use wasm_bindgen::JsValue;

use super::Reader;
use crate::error::Result;

/// What the converter knows of a value's place: nothing beyond the generic limits.
#[derive(Clone, Copy)]
pub(crate) enum Cap<'a> {
    /// Only the generic limits.
    Any,
    /// An object whose named fields have caps.
    #[allow(dead_code)]
    Fields(&'a [(&'a str, Cap<'a>)]),
}

impl<'a> Cap<'a> {
    pub(super) fn field(self, name: &str) -> Cap<'a> {
        match self {
            Cap::Fields(fields) => fields
                .iter()
                .find(|(k, _)| *k == name)
                .map_or(Cap::Any, |(_, c)| *c),
            Cap::Any => Cap::Any,
        }
    }

    #[allow(clippy::unused_self)]
    pub(super) fn item(self, _i: usize) -> Cap<'a> {
        Cap::Any
    }

    #[allow(clippy::unused_self, clippy::unnecessary_wraps)]
    pub(super) fn check_array(self, _r: &Reader<'_>, _path: &str, _len: usize) -> Result<()> {
        Ok(())
    }

    #[allow(clippy::unused_self, clippy::unnecessary_wraps)]
    pub(super) fn check_object(self, _len: usize) -> Result<()> {
        Ok(())
    }
}

/// What a cap needs of an object: nothing here.
pub(super) enum Prepared {
    /// Nothing.
    Nothing,
}

impl Prepared {
    pub(super) fn of(_cap: Cap<'_>, _v: &JsValue, _r: &Reader<'_>, _path: &str) -> Self {
        Prepared::Nothing
    }

    #[allow(clippy::unused_self)]
    pub(super) fn field<'p>(&'p self, cap: Cap<'p>, name: &str) -> Cap<'p> {
        cap.field(name)
    }
}
