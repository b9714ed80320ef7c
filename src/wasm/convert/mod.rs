//! JS values → core types and back: the only place JS values are read.
//!
//! Strict: a value of the wrong JS type is an `INVALID_TYPE` error naming the
//! path, never a silent coercion. Strings with lone surrogates are refused
//! (`INVALID_STRING`) instead of being replaced by U+FFFD, which would change
//! the bytes that get signed.
//!
//! Bounded: nesting stops at [`MAX_DEPTH`], arrays at [`MAX_ARRAY_LEN`]
//! entries, and where the caller says what a value is (a
//! [`Cap`]: steps, ABI parameters, EIP-712 types) a list longer than the core
//! accepts there is refused before any of its entries is read.

use alloc::string::String;
use alloc::vec::Vec;

use js_sys::{Array, Object, Reflect, Uint8Array};
use serde_json::{Map, Number, Value};
use wasm_bindgen::{JsCast as _, JsValue};

use crate::encoding::to_array;
use crate::error::{join_path, Error, Result};

// The caps that know the EVM wing's rules; without it, only the generic limits.
#[cfg(feature = "evm")]
mod cap;
#[cfg(not(feature = "evm"))]
#[path = "cap_plain.rs"]
mod cap;
pub(crate) use cap::Cap;
use cap::Prepared;
#[cfg(feature = "connect")]
pub(crate) use cap::EXECUTION;
#[cfg(feature = "evm")]
pub(crate) use cap::{PERMIT2_ARGS, STEPS, TYPED_DATA};

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
pub(crate) fn unreadable(path: &str) -> Error {
    Error::InvalidType {
        path: path.into(),
        expected: "a readable value".into(),
        actual: "a value whose getter or proxy trap throws".into(),
    }
}

pub(crate) fn keys(v: &JsValue, path: &str) -> Result<Vec<String>> {
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

pub(crate) fn invalid_type(path: &str, expected: &str, v: &JsValue) -> Error {
    Error::InvalidType {
        path: path.into(),
        expected: expected.into(),
        actual: type_name(v),
    }
}

/// A JS string as UTF-8.
///
/// One copy through wasm-bindgen (`TextEncoder.encodeInto`), which turns each
/// lone surrogate into U+FFFD. So only a result holding U+FFFD can have come
/// from a lone surrogate; it did exactly when it does not convert back to the
/// same JS string. An honest U+FFFD is kept.
pub(crate) fn string(v: &JsValue, path: &str) -> Result<String> {
    let Some(s) = v.as_string() else {
        return Err(invalid_type(path, "a string", v));
    };
    well_formed(v, s, path)
}

/// `s`, the copy of the JS string `v`, unless `v` holds a lone surrogate.
pub(crate) fn well_formed(v: &JsValue, s: String, path: &str) -> Result<String> {
    // U+FFFD is EF BF BD in UTF-8: most strings have no 0xEF byte at all.
    if s.as_bytes().contains(&0xEF) && s.contains('\u{FFFD}') && JsValue::from_str(&s) != *v {
        return Err(Error::InvalidString { path: path.into() });
    }
    Ok(s)
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
    let r = Reader {
        bigint: false,
        root: path,
        core_root: path,
    };
    json_at(v, &mut String::from(path), 0, &r, Cap::Any)
}

/// As [`json`], but a `bigint` becomes its decimal string (step parameters).
pub(crate) fn json_with_bigint(v: &JsValue, path: &str) -> Result<Value> {
    json_capped(v, path, path, Cap::Any)
}

/// As [`json_with_bigint`], with the caps of `cap`. `path` names the value in
/// the converter's errors, `core_path` names it in the core's: an over-long
/// list is refused with the core's error, at the core's path.
pub(crate) fn json_capped(v: &JsValue, path: &str, core_path: &str, cap: Cap<'_>) -> Result<Value> {
    let r = Reader {
        bigint: true,
        root: path,
        core_root: core_path,
    };
    json_at(v, &mut String::from(path), 0, &r, cap)
}

/// How a conversion names paths.
pub(crate) struct Reader<'r> {
    /// A `bigint` becomes its decimal string.
    bigint: bool,
    /// The converter's name of the value converted.
    root: &'r str,
    /// The core's name of it.
    core_root: &'r str,
}

impl Reader<'_> {
    /// The core's path of a converter path inside the value.
    fn core_path(&self, path: &str) -> String {
        let rest = path.strip_prefix(self.root).unwrap_or(path);
        join_path(self.core_root, rest.strip_prefix('.').unwrap_or(rest))
    }
}

/// `path` is a buffer: entries below append their segment and restore it.
pub(crate) fn json_at(
    v: &JsValue,
    path: &mut String,
    depth: usize,
    r: &Reader<'_>,
    cap: Cap<'_>,
) -> Result<Value> {
    if depth > MAX_DEPTH {
        return Err(Error::InvalidJson {
            path: path.clone(),
            reason: alloc::format!("nested deeper than {MAX_DEPTH} levels"),
        });
    }
    // Copying a string also tells whether it is one: one call into JS.
    if let Some(s) = v.as_string() {
        return well_formed(v, s, path).map(Value::String);
    }
    // Arrays first, then one typeof test sends objects past the primitive
    // tests (each test is a call into JS); the order changes no result.
    let is_array = array_is_array(v).map_err(|_| unreadable(path))?;
    let is_object = is_array || v.is_object();
    if !is_object {
        if v.is_null() {
            return Ok(Value::Null);
        }
        if let Some(b) = v.as_bool() {
            return Ok(Value::Bool(b));
        }
        if let Some(n) = v.as_f64() {
            return number(n).ok_or_else(|| invalid_type(path, "a finite number", v));
        }
        if r.bigint && v.is_bigint() {
            let b: &js_sys::BigInt = v.unchecked_ref();
            let text = b
                .to_string(10)
                .ok()
                .and_then(|s| s.as_string())
                .ok_or_else(|| invalid_type(path, "a bigint", v))?;
            return Ok(Value::String(text));
        }
    }
    if is_array {
        return json_array(v, path, depth, r, cap);
    }
    if is_object && is_plain_object(v) {
        let names = object_keys(v).map_err(|_| unreadable(path))?;
        cap.check_object(usize::try_from(names.length()).unwrap_or(usize::MAX))?;
        // Each key is kept as the JS string too: reading the property with it
        // saves a conversion back to JS per field.
        let names = names
            .iter()
            .map(|key| string(&key, path).map(|name| (name, key)))
            .collect::<Result<Vec<(String, JsValue)>>>()?;
        let prepared = Prepared::of(cap, v, r, path);
        let mut map = Map::new();
        let base = path.len();
        for (name, key) in names {
            // The same path as join_path(path, name), in the buffer.
            if base > 0 && !name.is_empty() && !name.starts_with('[') {
                path.push('.');
            }
            path.push_str(&name);
            let value = Reflect::get(v, &key).map_err(|_| unreadable(path));
            let value = match value {
                Ok(value) if value.is_undefined() => {
                    path.truncate(base);
                    continue;
                }
                Ok(value) => value,
                Err(e) => return Err(e),
            };
            let field_cap = prepared.field(cap, &name);
            let converted = json_at(&value, path, depth + 1, r, field_cap);
            path.truncate(base);
            map.insert(name, converted?);
        }
        return Ok(Value::Object(map));
    }
    Err(invalid_type(path, "a JSON-compatible value", v))
}

/// An array (known to be one) as JSON; see [`json_at`].
pub(crate) fn json_array(
    v: &JsValue,
    path: &mut String,
    depth: usize,
    r: &Reader<'_>,
    cap: Cap<'_>,
) -> Result<Value> {
    let len = KEYS
        .with(|k| Reflect::get(v, &k.length))
        .map_err(|_| unreadable(path))?
        .as_f64()
        .unwrap_or(0.0);
    // A safe bound before any entry is read (a proxy may claim 2^32 - 1).
    #[allow(clippy::as_conversions, clippy::cast_precision_loss)]
    let max = MAX_ARRAY_LEN as f64;
    if len > max {
        return Err(Error::InvalidType {
            path: path.clone(),
            expected: alloc::format!("an array of at most {MAX_ARRAY_LEN} entries"),
            actual: alloc::format!("an array of {} entries", count_text(len)),
        });
    }
    // The number of entries the loop below reads: 0 ..= MAX_ARRAY_LEN.
    #[allow(
        clippy::as_conversions,
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss
    )]
    let count = len.ceil().max(0.0) as usize;
    cap.check_array(r, path, count)?;
    // Reserved up to a small bound: a proxy may claim entries it never gives.
    let mut out = Vec::with_capacity(count.min(64));
    let mut i: u32 = 0;
    while f64::from(i) < len {
        let item = Reflect::get_u32(v, i).map_err(|_| unreadable(path))?;
        let idx = i;
        i += 1;
        let i = idx;
        let item_cap = usize::try_from(i).map_or(Cap::Any, |i| cap.item(i));
        let base = path.len();
        crate::error::push_index(path, usize::try_from(i).unwrap_or(usize::MAX));
        let value = json_at(&item, path, depth + 1, r, item_cap);
        path.truncate(base);
        out.push(value?);
    }
    Ok(Value::Array(out))
}

pub(crate) fn is_plain_object(v: &JsValue) -> bool {
    if !v.is_object() || v.is_function() {
        return false;
    }
    let Ok(proto) = object_get_prototype_of(v) else {
        return false;
    };
    proto.is_null() || OBJECT_PROTOTYPE.with(|p| proto == *p)
}

/// Property names used on every call, made into JS strings once.
pub(crate) struct Keys {
    length: JsValue,
    value: JsValue,
    writable: JsValue,
    enumerable: JsValue,
    configurable: JsValue,
}

std::thread_local! {
    static KEYS: Keys = Keys {
        length: JsValue::from_str("length"),
        value: JsValue::from_str("value"),
        writable: JsValue::from_str("writable"),
        enumerable: JsValue::from_str("enumerable"),
        configurable: JsValue::from_str("configurable"),
    };
    /// `Object.prototype` of this realm, looked up once.
    static OBJECT_PROTOTYPE: JsValue = JsValue::from(Object::get_prototype_of(&Object::new()));
}

/// A JS array length for a message, without float formatting (which would
/// bring `core`'s float printing into the module for one message).
pub(crate) fn count_text(len: f64) -> String {
    const SAFE: f64 = 9_007_199_254_740_991.0;
    if len.fract() == 0.0 && (0.0..=SAFE).contains(&len) {
        #[allow(
            clippy::as_conversions,
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss
        )]
        let n = len as u64;
        return alloc::format!("{n}");
    }
    String::from("a non-integer or unsafe number of")
}

/// A JS number as a JSON number: safe integers stay integers.
pub(crate) fn number(n: f64) -> Option<Value> {
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
        // One JSON text and one `JSON.parse`: a crossing per value instead of
        // several per property. `JSON.parse` makes every key an own data
        // property (a `"__proto__"` key included). Serialising a `Value`
        // cannot fail and `JSON.parse` takes what serde_json writes; should
        // either ever fail, the value is built property by property.
        Value::Array(_) | Value::Object(_) => serde_json::to_string(value)
            .ok()
            .and_then(|text| js_sys::JSON::parse(&text).ok())
            .unwrap_or_else(|| to_js_slow(value)),
    }
}

/// [`to_js`] property by property.
fn to_js_slow(value: &Value) -> JsValue {
    match value {
        Value::Array(items) => items.iter().map(to_js_slow).collect::<Array>().into(),
        Value::Object(map) => {
            let obj = Object::new();
            for (k, v) in map {
                define(&obj, k, &to_js_slow(v));
            }
            obj.into()
        }
        other => to_js(other),
    }
}

/// Defines an own enumerable, writable, configurable data property.
pub(crate) fn define(obj: &Object, key: &str, value: &JsValue) {
    let descriptor = Object::new();
    // Plain keys on a fresh object: these assignments cannot fail.
    KEYS.with(|k| {
        let _ = Reflect::set(&descriptor, &k.value, value);
        let _ = Reflect::set(&descriptor, &k.writable, &JsValue::TRUE);
        let _ = Reflect::set(&descriptor, &k.enumerable, &JsValue::TRUE);
        let _ = Reflect::set(&descriptor, &k.configurable, &JsValue::TRUE);
    });
    let _ = Reflect::define_property(obj, &JsValue::from_str(key), &descriptor);
}

/// A plain object from key/value pairs.
/// The keys are the binding's own names (never `"__proto__"`), so plain
/// assignment makes each an own data property: one crossing per property.
pub(crate) fn object(fields: &[(&'static str, JsValue)]) -> JsValue {
    let obj = Object::new();
    for (k, v) in fields {
        debug_assert!(*k != "__proto__");
        // A plain key on a fresh plain object: the assignment cannot fail.
        let _ = Reflect::set(&obj, &JsValue::from_str(k), v);
    }
    obj.into()
}

/// A core value as JS through its JSON form. A serialisation failure is an
/// error with a code, never a silent `null`.
pub(crate) fn ser<T: serde::Serialize + ?Sized>(v: &T) -> crate::Result<JsValue> {
    serde_json::to_value(v)
        .map(|v| to_js(&v))
        .map_err(|e| crate::Error::InvalidJson {
            path: alloc::string::String::new(),
            reason: alloc::string::ToString::to_string(&e),
        })
}

/// A core value as JS through one JSON text and one `JSON.parse`: one
/// crossing of the boundary, where building the object property by property
/// costs a crossing (and a string copy) per property.
fn via_json<T: serde::Serialize + ?Sized>(v: &T) -> crate::Result<JsValue> {
    let bad = |reason: alloc::string::String| crate::Error::InvalidJson {
        path: alloc::string::String::new(),
        reason,
    };
    let text = serde_json::to_string(v).map_err(|e| bad(alloc::string::ToString::to_string(&e)))?;
    js_sys::JSON::parse(&text).map_err(|_| bad("JSON.parse refused the text".into()))
}

/// The review's findings as JS objects `{code, severity, message, path}`.
pub(crate) fn warnings_js(warnings: &[crate::review::Warning]) -> crate::Result<JsValue> {
    via_json(warnings)
}

/// The review's entries as JS objects `{kind, path, summary, fields, severity?}`.
pub(crate) fn entries_js(entries: &[crate::review::Entry]) -> crate::Result<JsValue> {
    via_json(entries)
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
