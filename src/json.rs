//! Strict, path-reporting access to parsed JSON (internal).

use alloc::string::{String, ToString as _};

use serde_json::{Map, Value};

use crate::error::{join_path, Error, Result};

/// Parses JSON text, reporting line and column on failure.
pub(crate) fn parse(text: &str, path: &str) -> Result<Value> {
    serde_json::from_str(text).map_err(|e| Error::InvalidJson {
        path: path.into(),
        reason: e.to_string(),
    })
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
