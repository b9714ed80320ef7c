//! JS values → core types and back: the only place JS values are read.
//!
//! Strict: a value of the wrong JS type is an `INVALID_TYPE` error naming the
//! path, never a silent coercion. Strings with lone surrogates are refused
//! (`INVALID_STRING`) instead of being replaced by U+FFFD, which would change
//! the bytes that get signed.

use alloc::string::String;
use alloc::vec::Vec;

use js_sys::{Array, JsString, Object, Reflect, Uint8Array};
use serde_json::{Map, Number, Value};
use wasm_bindgen::{JsCast as _, JsValue};

use crate::encoding::to_array;
use crate::error::{join_path, Error, Result};

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `Object.keys`, with a throwing proxy trap caught.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn object_keys(o: &JsValue) -> core::result::Result<Array, JsValue>;
    /// `Array.isArray`, with a revoked proxy caught.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn array_is_array(v: &JsValue) -> core::result::Result<bool, JsValue>;
    /// `Object.getPrototypeOf`, with a throwing proxy trap caught.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = getPrototypeOf)]
    fn object_get_prototype_of(v: &JsValue) -> core::result::Result<JsValue, JsValue>;
}

/// Longest JS array read (parameters, typed-data arrays, steps).
pub(crate) const MAX_ARRAY_LEN: usize = 1_000_000;

/// A JS exception raised while reading the input (a throwing getter or proxy trap).
fn unreadable(path: &str) -> Error {
    Error::InvalidType {
        path: path.into(),
        expected: "a readable value".into(),
        actual: "a value whose getter or proxy trap throws".into(),
    }
}

fn keys(v: &JsValue, path: &str) -> Result<Vec<String>> {
    let keys = object_keys(v).map_err(|_| unreadable(path))?;
    let mut out = Vec::new();
    for i in 0..keys.length() {
        out.push(string(&keys.get(i), path)?);
    }
    Ok(out)
}

/// Deepest nesting of objects and arrays accepted from JS.
pub(crate) const MAX_DEPTH: usize = 128;

/// A short name of a JS value's type for error messages.
pub(crate) fn type_name(v: &JsValue) -> String {
    if v.is_undefined() {
        return "undefined".into();
    }
    if v.is_null() {
        return "null".into();
    }
    if let Some(n) = v.as_f64() {
        return if n.is_nan() { "NaN" } else { "number" }.into();
    }
    if v.is_string() {
        return "string".into();
    }
    if v.as_bool().is_some() {
        return "boolean".into();
    }
    if v.is_bigint() {
        return "bigint".into();
    }
    if v.is_symbol() {
        return "symbol".into();
    }
    if v.is_function() {
        return "function".into();
    }
    if array_is_array(v).unwrap_or(false) {
        return "array".into();
    }
    let ctor = Reflect::get(v, &"constructor".into())
        .ok()
        .and_then(|c| Reflect::get(&c, &"name".into()).ok())
        .and_then(|n| n.as_string());
    ctor.unwrap_or_else(|| "object".into())
}

fn invalid_type(path: &str, expected: &str, v: &JsValue) -> Error {
    Error::InvalidType {
        path: path.into(),
        expected: expected.into(),
        actual: type_name(v),
    }
}

/// A JS string as UTF-8.
pub(crate) fn string(v: &JsValue, path: &str) -> Result<String> {
    let Some(js) = v.dyn_ref::<JsString>() else {
        return Err(invalid_type(path, "a string", v));
    };
    if !js.is_valid_utf16() {
        return Err(Error::InvalidString { path: path.into() });
    }
    Ok(String::from(js))
}

/// The bytes of a `Uint8Array` (or a subclass such as Node's `Buffer`).
pub(crate) fn bytes(v: &JsValue, path: &str) -> Result<Vec<u8>> {
    v.dyn_ref::<Uint8Array>()
        .map(Uint8Array::to_vec)
        .ok_or_else(|| invalid_type(path, "a Uint8Array", v))
}

/// Exactly `N` bytes from a `Uint8Array`.
pub(crate) fn byte_array<const N: usize>(v: &JsValue, path: &str) -> Result<[u8; N]> {
    to_array(&bytes(v, path)?).map_err(|e| e.at(path))
}

/// A message: a string (its UTF-8 bytes) or a `Uint8Array`.
pub(crate) fn message(v: &JsValue, path: &str) -> Result<Vec<u8>> {
    if v.is_string() {
        string(v, path).map(String::into_bytes)
    } else if v.is_instance_of::<Uint8Array>() {
        bytes(v, path)
    } else {
        Err(invalid_type(path, "a string or a Uint8Array", v))
    }
}

/// A plain JS value (plain objects, arrays, strings, finite numbers, booleans,
/// null) as JSON. Object fields that are `undefined` are left out.
pub(crate) fn json(v: &JsValue, path: &str) -> Result<Value> {
    json_at(v, path, 0, false)
}

/// As [`json`], but a `bigint` becomes its decimal string (step parameters).
pub(crate) fn json_with_bigint(v: &JsValue, path: &str) -> Result<Value> {
    json_at(v, path, 0, true)
}

fn json_at(v: &JsValue, path: &str, depth: usize, bigint: bool) -> Result<Value> {
    if depth > MAX_DEPTH {
        return Err(Error::InvalidJson {
            path: path.into(),
            reason: alloc::format!("nested deeper than {MAX_DEPTH} levels"),
        });
    }
    if v.is_null() {
        return Ok(Value::Null);
    }
    if let Some(b) = v.as_bool() {
        return Ok(Value::Bool(b));
    }
    if v.is_string() {
        return string(v, path).map(Value::String);
    }
    if let Some(n) = v.as_f64() {
        return number(n).ok_or_else(|| invalid_type(path, "a finite number", v));
    }
    if bigint && v.is_bigint() {
        let b: &js_sys::BigInt = v.unchecked_ref();
        let text = b
            .to_string(10)
            .ok()
            .and_then(|s| s.as_string())
            .ok_or_else(|| invalid_type(path, "a bigint", v))?;
        return Ok(Value::String(text));
    }
    if array_is_array(v).map_err(|_| unreadable(path))? {
        let len = Reflect::get(v, &"length".into())
            .map_err(|_| unreadable(path))?
            .as_f64()
            .unwrap_or(0.0);
        // A safe bound before any entry is read (a proxy may claim 2^32 - 1).
        #[allow(clippy::as_conversions, clippy::cast_precision_loss)]
        let max = MAX_ARRAY_LEN as f64;
        if len > max {
            return Err(Error::InvalidType {
                path: path.into(),
                expected: alloc::format!("an array of at most {MAX_ARRAY_LEN} entries"),
                actual: alloc::format!("an array of {len} entries"),
            });
        }
        let mut out = Vec::new();
        let mut i: u32 = 0;
        while f64::from(i) < len {
            let item = Reflect::get_u32(v, i).map_err(|_| unreadable(path))?;
            let idx = i;
            i += 1;
            let i = idx;
            out.push(json_at(
                &item,
                &alloc::format!("{path}[{i}]"),
                depth + 1,
                bigint,
            )?);
        }
        return Ok(Value::Array(out));
    }
    if is_plain_object(v) {
        let mut map = Map::new();
        for name in keys(v, path)? {
            let field_path = join_path(path, &name);
            let value =
                Reflect::get(v, &JsValue::from_str(&name)).map_err(|_| unreadable(&field_path))?;
            if value.is_undefined() {
                continue;
            }
            map.insert(name, json_at(&value, &field_path, depth + 1, bigint)?);
        }
        return Ok(Value::Object(map));
    }
    Err(invalid_type(path, "a JSON-compatible value", v))
}

pub(crate) fn is_plain_object(v: &JsValue) -> bool {
    if !v.is_object() || v.is_function() {
        return false;
    }
    let Ok(proto) = object_get_prototype_of(v) else {
        return false;
    };
    proto.is_null() || proto == JsValue::from(Object::get_prototype_of(&Object::new()))
}

/// A JS number as a JSON number: safe integers stay integers.
fn number(n: f64) -> Option<Value> {
    const SAFE: f64 = 9_007_199_254_740_991.0;
    if !n.is_finite() {
        return None;
    }
    if n.fract() == 0.0 && n.abs() <= SAFE {
        // A safe integer converts exactly.
        #[allow(clippy::as_conversions, clippy::cast_possible_truncation)]
        let i = n as i64;
        return Some(Value::Number(Number::from(i)));
    }
    Number::from_f64(n).map(Value::Number)
}

/// An optional safe-integer number (milliseconds), `None` when `undefined`/`null`.
pub(crate) fn opt_safe_integer(v: &JsValue, path: &str) -> Result<Option<i64>> {
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    match v.as_f64().and_then(number) {
        Some(Value::Number(n)) => n.as_i64().map(Some).ok_or_else(|| Error::InvalidNumber {
            path: path.into(),
            reason: "expected a safe integer".into(),
        }),
        _ => Err(invalid_type(path, "a number", v)),
    }
}

/// JSON → a JS value. Object keys become own data properties (defined, not
/// assigned), so a `"__proto__"` key stays data and never sets a prototype.
pub(crate) fn to_js(value: &Value) -> JsValue {
    match value {
        Value::Null => JsValue::NULL,
        Value::Bool(b) => JsValue::from_bool(*b),
        Value::Number(n) => n.as_f64().map_or(JsValue::NULL, JsValue::from_f64),
        Value::String(s) => JsValue::from_str(s),
        Value::Array(items) => items.iter().map(to_js).collect::<Array>().into(),
        Value::Object(map) => {
            let obj = Object::new();
            for (k, v) in map {
                define(&obj, k, &to_js(v));
            }
            obj.into()
        }
    }
}

/// Defines an own enumerable, writable, configurable data property.
fn define(obj: &Object, key: &str, value: &JsValue) {
    let descriptor = Object::new();
    // Plain keys on a fresh object: these assignments cannot fail.
    let _ = Reflect::set(&descriptor, &"value".into(), value);
    let _ = Reflect::set(&descriptor, &"writable".into(), &JsValue::TRUE);
    let _ = Reflect::set(&descriptor, &"enumerable".into(), &JsValue::TRUE);
    let _ = Reflect::set(&descriptor, &"configurable".into(), &JsValue::TRUE);
    let _ = Reflect::define_property(obj, &JsValue::from_str(key), &descriptor);
}

/// A plain object from key/value pairs.
pub(crate) fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let obj = Object::new();
    for (k, v) in fields {
        define(&obj, k, v);
    }
    obj.into()
}

/// Bytes → a new `Uint8Array`.
pub(crate) fn to_bytes(bytes: &[u8]) -> JsValue {
    Uint8Array::from(bytes).into()
}

/// A property of an options object (`undefined` when the object is absent).
pub(crate) fn option(options: &JsValue, key: &str, allowed: &[&str]) -> Result<JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(JsValue::UNDEFINED);
    }
    if !is_plain_object(options) {
        return Err(invalid_type("options", "an object", options));
    }
    for name in keys(options, "options")? {
        if !allowed.contains(&name.as_str()) {
            return Err(Error::UnknownField {
                path: join_path("options", &name),
            });
        }
    }
    Reflect::get(options, &key.into()).map_err(|_| unreadable(&join_path("options", key)))
}
