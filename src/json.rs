//! Strict, path-reporting access to parsed JSON (internal).

use alloc::string::{String, ToString as _};
use alloc::vec::Vec;
use core::fmt::Write as _;

use serde_json::{Map, Value};

use crate::error::{join_path, Error, Result};

/// Parses JSON text, reporting line and column on failure.
pub(crate) fn parse(text: &str, path: &str) -> Result<Value> {
    #[cfg(target_arch = "wasm32")]
    reserve_for(text);
    serde_json::from_str(text).map_err(|e| Error::InvalidJson {
        path: path.into(),
        reason: e.to_string(),
    })
}

/// Parses JSON text as [`parse`] does, but refuses a key that appears twice in
/// one object ([`Error::AmbiguousPayload`] at the second key's path). The NEAR
/// Intents verifier's serde structs refuse a duplicated field, while a plain
/// [`Value`] keeps the last one: text read here must not mean one thing to us
/// and another (or nothing) to the contract.
#[cfg_attr(not(feature = "intents"), allow(dead_code))]
pub(crate) fn parse_unique(text: &str, path: &str) -> Result<Value> {
    #[cfg(target_arch = "wasm32")]
    reserve_for(text);
    let mut at = String::from(path);
    let mut duplicate = None;
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed = serde::de::DeserializeSeed::deserialize(
        Unique {
            at: &mut at,
            duplicate: &mut duplicate,
        },
        &mut de,
    )
    .and_then(|v| de.end().map(|()| v));
    match (parsed, duplicate) {
        (Ok(v), _) => Ok(v),
        (Err(_), Some((path, key))) => Err(Error::AmbiguousPayload {
            path,
            reason: alloc::format!(
                "the key {} appears twice: the verifier refuses a duplicated field",
                crate::review::quote(&key)
            ),
        }),
        (Err(e), None) => Err(Error::InvalidJson {
            path: path.into(),
            reason: e.to_string(),
        }),
    }
}

/// Builds a [`Value`], keeping the path of the value being read in `at`.
#[cfg_attr(not(feature = "intents"), allow(dead_code))]
struct Unique<'c> {
    at: &'c mut String,
    duplicate: &'c mut Option<(String, String)>,
}

impl<'de> serde::de::DeserializeSeed<'de> for Unique<'_> {
    type Value = Value;
    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        d: D,
    ) -> core::result::Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Unique<'_> {
    type Value = Value;
    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("JSON")
    }
    fn visit_bool<E>(self, b: bool) -> core::result::Result<Value, E> {
        Ok(Value::Bool(b))
    }
    fn visit_i64<E>(self, n: i64) -> core::result::Result<Value, E> {
        Ok(Value::from(n))
    }
    fn visit_u64<E>(self, n: u64) -> core::result::Result<Value, E> {
        Ok(Value::from(n))
    }
    fn visit_f64<E>(self, n: f64) -> core::result::Result<Value, E> {
        Ok(serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number))
    }
    fn visit_unit<E>(self) -> core::result::Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_str<E>(self, s: &str) -> core::result::Result<Value, E> {
        Ok(Value::String(s.into()))
    }
    fn visit_string<E>(self, s: String) -> core::result::Result<Value, E> {
        Ok(Value::String(s))
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> core::result::Result<Value, A::Error> {
        let mut out = Vec::new();
        let base = self.at.len();
        loop {
            let _ = write!(self.at, "[{}]", out.len());
            let next = seq.next_element_seed(Unique {
                at: &mut *self.at,
                duplicate: &mut *self.duplicate,
            })?;
            self.at.truncate(base);
            match next {
                Some(v) => out.push(v),
                None => return Ok(Value::Array(out)),
            }
        }
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> core::result::Result<Value, A::Error> {
        let mut out = Map::new();
        let base = self.at.len();
        while let Some(key) = map.next_key::<String>()? {
            if key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
                && !key.is_empty()
            {
                if !self.at.is_empty() {
                    self.at.push('.');
                }
                self.at.push_str(&key);
            } else {
                // An outside key in a path is quoted, as in a review.
                let _ = write!(self.at, "[{}]", crate::review::quote(&key));
            }
            if out.contains_key(&key) {
                *self.duplicate = Some((self.at.clone(), key));
                return Err(serde::de::Error::custom("duplicate key"));
            }
            let v = map.next_value_seed(Unique {
                at: &mut *self.at,
                duplicate: &mut *self.duplicate,
            })?;
            self.at.truncate(base);
            out.insert(key, v);
        }
        Ok(Value::Object(out))
    }
}

/// Texts from this size on are measured before they are parsed ([`reserve_for`]).
const RESERVE_FROM: usize = 256 * 1024;

/// Makes the allocator take the memory a large text's [`Value`] will need in
/// one step. On wasm32 the allocator grows the linear memory by what each
/// allocation lacks, a page or so at a time, and each `memory.grow` costs
/// about a millisecond in V8 whatever its size: parsing 10 MB of small
/// objects (300 MB of `Value`) took 4 s, nearly all of it in 5,000 grows.
/// A first pass counts the values without allocating; one block of the
/// estimated size is then allocated and freed, so the parse finds the memory
/// ready. The memory is what the parse takes anyway: wasm memory never
/// shrinks, and the allocator reuses it.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn reserve_for(text: &str) {
    if text.len() < RESERVE_FROM {
        return;
    }
    let Some(bytes) = value_size(text) else {
        return;
    };
    let mut block: Vec<u8> = Vec::new();
    // A failed reservation only means the parse grows the memory itself.
    let _ = block.try_reserve_exact(bytes);
}

/// An upper estimate of the heap bytes of `text` parsed into a [`Value`]
/// (wasm32 sizes: 24-byte values, ~450-byte map nodes, 8 bytes of allocator
/// overhead per allocation); `None` when `text` is not JSON.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn value_size(text: &str) -> Option<usize> {
    let mut count = Count::default();
    let mut de = serde_json::Deserializer::from_str(text);
    serde::de::DeserializeSeed::deserialize(Counter(&mut count), &mut de).ok()?;
    de.end().ok()?;
    Some(
        count
            .values
            .saturating_mul(32)
            .saturating_add(count.maps.saturating_mul(456))
            .saturating_add(count.entries.saturating_mul(48))
            .saturating_add(count.string_bytes),
    )
}

/// What [`value_size`] counts.
#[derive(Default)]
struct Count {
    /// Values of every kind, object keys included.
    values: usize,
    /// Non-empty objects (each allocates a map node).
    maps: usize,
    /// Object entries.
    entries: usize,
    /// Bytes of strings and keys.
    string_bytes: usize,
}

/// Counts a JSON value without building it.
struct Counter<'c>(&'c mut Count);

impl<'de> serde::de::DeserializeSeed<'de> for Counter<'_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> core::result::Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Counter<'_> {
    type Value = ();
    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("JSON")
    }
    fn visit_bool<E>(self, _: bool) -> core::result::Result<(), E> {
        self.0.values += 1;
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> core::result::Result<(), E> {
        self.0.values += 1;
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> core::result::Result<(), E> {
        self.0.values += 1;
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> core::result::Result<(), E> {
        self.0.values += 1;
        Ok(())
    }
    fn visit_unit<E>(self) -> core::result::Result<(), E> {
        self.0.values += 1;
        Ok(())
    }
    fn visit_str<E>(self, s: &str) -> core::result::Result<(), E> {
        self.0.values += 1;
        self.0.string_bytes = self.0.string_bytes.saturating_add(s.len());
        Ok(())
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> core::result::Result<(), A::Error> {
        self.0.values += 1;
        while seq.next_element_seed(Counter(&mut *self.0))?.is_some() {}
        Ok(())
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> core::result::Result<(), A::Error> {
        self.0.values += 1;
        let mut entries = 0_usize;
        while map.next_key_seed(Counter(&mut *self.0))?.is_some() {
            map.next_value_seed(Counter(&mut *self.0))?;
            entries += 1;
        }
        if entries > 0 {
            self.0.maps += 1;
        }
        self.0.entries = self.0.entries.saturating_add(entries);
        Ok(())
    }
}

/// Largest integer a JavaScript number holds exactly: 2^53 − 1.
#[cfg_attr(not(feature = "wasm"), allow(dead_code))]
pub(crate) const MAX_SAFE_INTEGER: u64 = 9_007_199_254_740_991;

/// Parses JSON text whose numbers a JavaScript wallet reads with `JSON.parse`
/// (typed data for `eth_signTypedData_v4`), so that the text means what the
/// same data passed as a JS object means:
///
/// - an integer literal beyond ±(2^53 − 1) is refused
///   ([`Error::InvalidNumber`] at its path), since `JSON.parse` would round it
///   (`9007199254740993` becomes …992); such values go in decimal strings;
/// - a number with an integral value within ±(2^53 − 1) is that integer:
///   `-0`, `0.0`, `1.0` and `1e2` read as 0, 0, 1 and 100, as a JS number does;
/// - other numbers (`1.5`, `1e20`) stay fractional, refused wherever an
///   integer is due.
///
/// # Errors
/// [`Error::InvalidJson`] (with line and column), [`Error::InvalidNumber`].
#[cfg_attr(not(feature = "wasm"), allow(dead_code))]
pub(crate) fn parse_js_numbers(text: &str, path: &str) -> Result<Value> {
    let mut value = parse(text, path)?;
    let mut at = Vec::new();
    js_numbers(&mut value, &mut at).map_err(|reason| Error::InvalidNumber {
        path: at.iter().fold(String::from(path), |p, seg| match seg {
            Seg::Key(k) => join_path(&p, k),
            Seg::Index(i) => alloc::format!("{p}[{i}]"),
        }),
        reason,
    })?;
    Ok(value)
}

/// One step of a path inside a JSON value.
enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

/// Rewrites the numbers of `v` as a JS number reads them; on a number
/// `JSON.parse` would change, `at` holds its path.
fn js_numbers<'a>(v: &'a mut Value, at: &mut Vec<Seg<'a>>) -> core::result::Result<(), String> {
    match v {
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                if i.unsigned_abs() > MAX_SAFE_INTEGER {
                    return Err(unsafe_integer(n));
                }
            } else if n.as_u64().is_some() {
                // Above i64::MAX, so above 2^53 − 1.
                return Err(unsafe_integer(n));
            } else if let Some(f) = n.as_f64() {
                #[allow(clippy::cast_precision_loss, clippy::as_conversions)]
                let safe = MAX_SAFE_INTEGER as f64;
                if f.fract() == 0.0 && f.abs() <= safe {
                    // Exact: an integral f64 within ±(2^53 − 1).
                    #[allow(clippy::cast_possible_truncation, clippy::as_conversions)]
                    let i = f as i64;
                    *n = i.into();
                }
            }
            Ok(())
        }
        Value::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                at.push(Seg::Index(i));
                js_numbers(item, at)?;
                at.pop();
            }
            Ok(())
        }
        Value::Object(map) => {
            for (k, item) in map.iter_mut() {
                at.push(Seg::Key(k));
                js_numbers(item, at)?;
                at.pop();
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

fn unsafe_integer(n: &serde_json::Number) -> String {
    alloc::format!(
        "{n} is beyond ±(2^53 - 1): JSON.parse would read another number; write it as a decimal string"
    )
}

/// The JSON type name of a value, for error messages.
pub(crate) fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

pub(crate) fn wrong_type(path: &str, expected: &str, v: &Value) -> Error {
    Error::InvalidType {
        path: path.into(),
        expected: expected.into(),
        actual: type_name(v).into(),
    }
}

/// An object together with its path in the input.
pub(crate) struct Obj<'a> {
    pub(crate) map: &'a Map<String, Value>,
    pub(crate) path: &'a str,
}

impl<'a> Obj<'a> {
    pub(crate) fn new(v: &'a Value, path: &'a str) -> Result<Self> {
        match v {
            Value::Object(map) => Ok(Self { map, path }),
            other => Err(wrong_type(path, "an object", other)),
        }
    }

    pub(crate) fn path_of(&self, key: &str) -> String {
        join_path(self.path, key)
    }

    /// The value of `key`; `null` counts as absent.
    pub(crate) fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    pub(crate) fn req(&self, key: &str) -> Result<&'a Value> {
        self.get(key).ok_or_else(|| Error::MissingField {
            path: self.path_of(key),
        })
    }

    pub(crate) fn req_str(&self, key: &str) -> Result<&'a str> {
        let v = self.req(key)?;
        v.as_str()
            .ok_or_else(|| wrong_type(&self.path_of(key), "a string", v))
    }

    pub(crate) fn opt_str(&self, key: &str) -> Result<Option<&'a str>> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(other) => Err(wrong_type(&self.path_of(key), "a string", other)),
        }
    }

    /// Rejects keys outside `allowed`.
    pub(crate) fn deny_unknown(&self, allowed: &[&str]) -> Result<()> {
        match self.map.keys().find(|k| !allowed.contains(&k.as_str())) {
            Some(k) => Err(Error::UnknownField {
                path: self.path_of(k),
            }),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn numbers_read_as_json_parse_reads_them() {
        let v = parse_js_numbers(
            r#"{"a":[-0,0.0,1.0,1e2,-1e2,1.5,1e20,9007199254740991,-9007199254740991],"b":"-0"}"#,
            "",
        )
        .unwrap();
        assert_eq!(
            v,
            json!({"a": [0, 0, 1, 100, -100, 1.5, 1e20, 9_007_199_254_740_991_i64, -9_007_199_254_740_991_i64], "b": "-0"})
        );
        assert!(v["a"][0].is_u64(), "-0 is the integer 0");
    }

    #[test]
    fn unsafe_integers_are_refused_with_their_path() {
        for (text, path) in [
            (r#"{"a":{"b":9007199254740992}}"#, "a.b"),
            (r#"{"a":{"b":9007199254740993}}"#, "a.b"),
            ("[1,-9007199254740992]", "[1]"),
            (r#"{"x":[0,[18446744073709551615]]}"#, "x[1][0]"),
        ] {
            let e = parse_js_numbers(text, "").unwrap_err();
            assert_eq!(e.code(), "INVALID_NUMBER", "{text}");
            assert_eq!(e.path(), path, "{text}");
        }
        let e = parse_js_numbers(r#"{"b":[9007199254740993]}"#, "typedData").unwrap_err();
        assert_eq!(e.path(), "typedData.b[0]");
        assert_eq!(
            parse_js_numbers("[1", "").unwrap_err().code(),
            "INVALID_JSON"
        );
    }

    #[test]
    fn duplicate_keys_are_refused_with_their_path() {
        for (text, path) in [
            (r#"{"a":1,"a":2}"#, "a"),
            (r#"{"x":[{"b":1},{"b":1,"c":0,"b":2}]}"#, "x[1].b"),
            (r#"{"k":{"t":"1","\u0074":"2"}}"#, "k.t"),
            (r#"{"k":{"a\nb":1,"a\nb":2}}"#, r#"k["a\nb"]"#),
            (
                r#"{"nep141:usdc.near":1,"nep141:usdc.near":2}"#,
                r#"["nep141:usdc.near"]"#,
            ),
        ] {
            let e = parse_unique(text, "").unwrap_err();
            assert_eq!(e.code(), "AMBIGUOUS_PAYLOAD", "{text}");
            assert_eq!(e.path(), path, "{text}");
        }
        let e = parse_unique(r#"{"a":1,"a":2}"#, "payload_json").unwrap_err();
        assert_eq!(e.path(), "payload_json.a");
        let v = parse_unique(r#"{"a":[1,-2,1.5,"s",null,true,{"a":{}}],"b":{}}"#, "").unwrap();
        assert_eq!(
            v,
            parse(r#"{"a":[1,-2,1.5,"s",null,true,{"a":{}}],"b":{}}"#, "").unwrap()
        );
        assert_eq!(parse_unique("[1", "p").unwrap_err().code(), "INVALID_JSON");
        assert_eq!(
            parse_unique("[1] x", "p").unwrap_err().code(),
            "INVALID_JSON"
        );
    }

    #[test]
    fn value_size_counts_without_building() {
        let item = r#"{"intent":"custom"},"#;
        let text = alloc::format!("[{}1]", item.repeat(1000));
        let size = value_size(&text).unwrap();
        // 3002 values (the array, 1000 maps, their keys and values, the 1),
        // 1000 one-entry maps, 12 bytes of strings per map.
        assert_eq!(size, 3002 * 32 + 1000 * 456 + 1000 * 48 + 12_000);
        assert_eq!(value_size("[1,"), None);
        assert_eq!(value_size("[1] x"), None);
    }
}
