//! Core [`Error`] → JS `Error`: the only place this happens.
//!
//! `TypeError` for a value of the wrong type or shape, `RangeError` for a wrong
//! length or an out-of-range value, `Error` for everything else; each carries
//! an own property `code` and, where known, `path`.

use js_sys::Reflect;
use wasm_bindgen::JsValue;

use crate::error::Error;

/// The JS error for a core error.
pub(crate) fn to_js(e: &Error) -> JsValue {
    let message = e.to_string();
    let err: js_sys::Error = match e {
        Error::InvalidType { .. } | Error::MissingField { .. } | Error::UnknownField { .. } => {
            js_sys::TypeError::new(&message).into()
        }
        Error::InvalidLength { .. }
        | Error::AbiArityMismatch { .. }
        | Error::TooManySteps { .. }
        | Error::InvalidNumber { .. }
        | Error::InvalidRecoveryId { .. }
        | Error::InvalidSecretKey { .. } => js_sys::RangeError::new(&message).into(),
        _ => js_sys::Error::new(&message),
    };
    // Setting a data property on a fresh Error cannot fail.
    let _ = Reflect::set(&err, &"code".into(), &e.code().into());
    if let Error::SignatureMismatch { hint, .. } = e {
        if !hint.is_empty() {
            let _ = Reflect::set(&err, &"hint".into(), &hint.as_str().into());
        }
    }
    if !e.path().is_empty() {
        let _ = Reflect::set(&err, &"path".into(), &e.path().into());
    }
    err.into()
}

impl From<Error> for JsValue {
    fn from(e: Error) -> Self {
        to_js(&e)
    }
}

/// The result type of the bindings: a core [`Error`] converts with `?`.
pub(crate) type JsResult<T> = Result<T, JsValue>;

/// Converts a core result.
pub(crate) fn js<T>(r: crate::Result<T>) -> JsResult<T> {
    r.map_err(|e| to_js(&e))
}
