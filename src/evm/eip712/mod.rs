//! EIP-712 typed structured data, on the `eth_signTypedData_v4` JSON shape
//! `{types, primaryType, domain, message}`.
//!
//! <https://eips.ethereum.org/EIPS/eip-712>:
//!
//! ```text
//! digest = keccak256(0x19 ‖ 0x01 ‖ hashStruct(EIP712Domain, domain) ‖ hashStruct(primaryType, message))
//! hashStruct(T, v) = keccak256(typeHash(T) ‖ encodeData(T, v))
//! ```
//! (with `primaryType = "EIP712Domain"` the last term is left out, as wallets do).
//!
//! Types are parsed and resolved, and values coerced, with alloy
//! ([`alloy_dyn_abi::eip712::Resolver`]). `encodeType` is computed here,
//! because alloy 1.7 sorts the encoded *definitions* instead of the type
//! *names*: with the names `Item` and `Item$` it writes `Item$(…)Item(…)`
//! (`$` sorts before `(`), while the specification, viem and ethers write
//! `Item(…)Item$(…)` (vector `eip712-106`); `hashStruct` follows from it.
//! Unlike alloy's `TypedData`, the
//! domain is hashed with `types.EIP712Domain` when the payload declares it (as
//! `MetaMask` and viem do), so a server cannot add a field that the digest
//! silently drops; when it is absent, it is derived from the domain's fields in
//! the canonical order (name, version, chainId, verifyingContract, salt), and a
//! domain field outside those is refused ([`Error::UnknownField`]). Values are
//! read strictly (the forms of [`crate::abi`]); a struct value must have exactly
//! its declared fields.

use alloc::rc::Rc;
use alloc::string::{String, ToString as _};
use alloc::vec::Vec;

use alloy_dyn_abi::eip712::Resolver;
use alloy_dyn_abi::{DynSolType, DynSolValue};
use serde_json::{Map, Value};

use crate::abi::{coerce_leaf, LITERAL};
use crate::error::{Error, Result};
use crate::json::{self, Obj};
use crate::secp256k1;

mod schema;
#[allow(clippy::wildcard_imports)]
use schema::*;

/// Most struct types accepted in one payload.
pub const MAX_TYPES: usize = 256;
/// Most fields in one struct type.
pub const MAX_FIELDS: usize = 256;

/// At most [`MAX_TYPES`] struct types in `types` (counting those a builder
/// adds), from the count alone.
///
/// # Errors
/// [`Error::InvalidLength`] at `types`.
pub fn check_type_count(len: usize) -> Result<()> {
    if len > MAX_TYPES {
        Err(Error::InvalidLength {
            path: "types".into(),
            expected: MAX_TYPES,
            actual: len,
        })
    } else {
        Ok(())
    }
}

/// At most [`MAX_FIELDS`] fields in one struct type, from the count alone.
///
/// # Errors
/// [`Error::InvalidLength`] at `path`.
pub fn check_field_count(len: usize, path: &str) -> Result<()> {
    if len > MAX_FIELDS {
        Err(Error::InvalidLength {
            path: path.into(),
            expected: MAX_FIELDS,
            actual: len,
        })
    } else {
        Ok(())
    }
}
/// Most nodes the primary type may expand to (struct references followed):
/// a "diamond" of types would otherwise expand exponentially.
pub const MAX_EXPANDED_FIELDS: usize = 16_384;
/// Longest type string of one field.
pub const MAX_TYPE_LEN: usize = 256;

/// The domain fields, in the canonical order, with their types.
pub(crate) const DOMAIN_FIELDS: [(&str, &str); 5] = [
    ("name", "string"),
    ("version", "string"),
    ("chainId", "uint256"),
    ("verifyingContract", "address"),
    ("salt", "bytes32"),
];

pub(crate) const DOMAIN_TYPE: &str = "EIP712Domain";

/// A parsed, fully validated typed-data payload.
#[derive(Debug, Clone)]
pub struct TypedData {
    schema: Rc<Schema>,
    primary_type: String,
    domain: DynSolValue,
    message: Option<DynSolValue>,
}

/// What the types, the primary type and the domain's field names alone
/// decide: validated once per distinct schema (see [`SCHEMAS`]).
#[derive(Debug, Clone)]
pub(crate) struct Schema {
    resolver: Resolver,
    types: Types,
    /// `typeHash` of every struct reachable from the primary type and the domain.
    type_hashes: alloc::collections::BTreeMap<String, [u8; 32]>,
    domain_ty: DynSolType,
    /// `None` when the primary type is the domain.
    message_ty: Option<DynSolType>,
}

/// The inputs a [`Schema`] is built from: the `types` JSON, `primaryType`
/// and the names of the domain's fields.
pub(crate) type SchemaKey = (Value, String, Vec<String>);

/// Reads a JSON value of an EIP-712 type, strictly.
pub(crate) fn coerce(ty: &DynSolType, v: &Value, path: &str) -> Result<DynSolValue> {
    match ty {
        DynSolType::CustomStruct {
            name,
            prop_names,
            tuple,
        } => {
            let obj = Obj::new(v, path)?;
            let allowed: Vec<&str> = prop_names.iter().map(String::as_str).collect();
            obj.deny_unknown(&allowed)?;
            let mut values = Vec::with_capacity(tuple.len());
            for (field, field_ty) in prop_names.iter().zip(tuple) {
                let value = obj.map.get(field).ok_or_else(|| Error::MissingField {
                    path: obj.path_of(field),
                })?;
                values.push(coerce(field_ty, value, &obj.path_of(field))?);
            }
            Ok(DynSolValue::CustomStruct {
                name: name.clone(),
                prop_names: prop_names.clone(),
                tuple: values,
            })
        }
        DynSolType::Array(inner) | DynSolType::FixedArray(inner, _) => {
            let Value::Array(items) = v else {
                return Err(json::wrong_type(path, "an array", v));
            };
            if let DynSolType::FixedArray(_, len) = ty {
                if items.len() != *len {
                    return Err(Error::InvalidLength {
                        path: path.into(),
                        expected: *len,
                        actual: items.len(),
                    });
                }
            }
            let values = items
                .iter()
                .enumerate()
                .map(|(i, item)| coerce(inner, item, &alloc::format!("{path}[{i}]")))
                .collect::<Result<Vec<_>>>()?;
            Ok(if matches!(ty, DynSolType::Array(_)) {
                DynSolValue::Array(values)
            } else {
                DynSolValue::FixedArray(values)
            })
        }
        DynSolType::Tuple(_) | DynSolType::Function => Err(Error::InvalidType {
            path: path.into(),
            expected: "an EIP-712 type".into(),
            actual: ty.sol_type_name().into_owned(),
        }),
        _ => coerce_leaf(ty, v, path, LITERAL),
    }
}

impl TypedData {
    /// Parses and validates an `eth_signTypedData_v4` object.
    ///
    /// # Errors
    /// [`Error::MissingField`], [`Error::UnknownField`], [`Error::InvalidType`],
    /// [`Error::MissingType`], [`Error::CyclicTypes`],
    /// [`Error::UnknownPrimaryType`], and the value errors of [`crate::abi`]
    /// (`INVALID_NUMBER`, `INVALID_CHECKSUM`, `INVALID_LENGTH`, …), each with
    /// a path from the root (`message.details.amount`).
    pub fn from_json(v: &Value) -> Result<Self> {
        let obj = Obj::new(v, "")?;
        obj.deny_unknown(&["types", "primaryType", "domain", "message"])?;
        let types_json = obj.req("types")?;
        // A schema seen before passed every check below with exactly these
        // inputs; only the values are read again.
        let key = obj
            .map
            .get("domain")
            .and_then(|d| schema_key(types_json, &obj, d));
        let (schema, primary_type, domain_json) =
            if let Some(schema) = key.as_ref().and_then(cached_schema) {
                let primary_type = obj.req_str("primaryType")?.to_string();
                (schema, primary_type, obj.req("domain")?)
            } else {
                let (schema, primary_type, domain_json) = Self::schema(&obj, types_json)?;
                let schema = Rc::new(schema);
                if let Some(key) = key {
                    remember_schema(&key, &schema);
                }
                (schema, primary_type, domain_json)
            };
        let domain = coerce(&schema.domain_ty, domain_json, "domain")?;
        let message = match &schema.message_ty {
            None => None,
            Some(ty) => Some(coerce(ty, obj.req("message")?, "message")?),
        };
        Ok(Self {
            schema,
            primary_type,
            domain,
            message,
        })
    }

    /// Validates and resolves the types of a payload (no values read).
    fn schema<'v>(obj: &Obj<'v>, types_json: &Value) -> Result<(Schema, String, &'v Value)> {
        let mut types = read_types(types_json)?;
        let primary_type = obj.req_str("primaryType")?.to_string();
        let domain_json = obj.req("domain")?;
        let domain_obj = Obj::new(domain_json, "domain")?;
        // EIP712Domain: as declared, or derived from the domain's own fields.
        if !types.iter().any(|(n, _)| n == DOMAIN_TYPE) {
            let known: Vec<&str> = DOMAIN_FIELDS.iter().map(|(n, _)| *n).collect();
            domain_obj.deny_unknown(&known)?;
            let props = DOMAIN_FIELDS
                .iter()
                .filter(|(n, _)| domain_obj.map.contains_key(*n))
                .map(|(n, t)| ((*n).to_string(), (*t).to_string()))
                .collect();
            types.push((DOMAIN_TYPE.into(), props));
        }
        if !types.iter().any(|(n, _)| *n == primary_type) {
            return Err(Error::UnknownPrimaryType {
                path: "primaryType".into(),
                name: primary_type,
            });
        }
        check_graph(&types, &primary_type)?;
        check_graph(&types, DOMAIN_TYPE)?;
        check_expansion(&types, &primary_type)?;
        let mut resolver = Resolver::default();
        for (name, props) in &types {
            resolver.ingest(type_def(name, props)?);
        }
        let mut type_hashes = alloc::collections::BTreeMap::new();
        add_type_hashes(&types, &primary_type, &mut type_hashes);
        add_type_hashes(&types, DOMAIN_TYPE, &mut type_hashes);
        let domain_ty = resolve(&resolver, DOMAIN_TYPE)?;
        let message_ty = if primary_type == DOMAIN_TYPE {
            None
        } else {
            Some(resolve(&resolver, &primary_type)?)
        };
        let schema = Schema {
            resolver,
            types,
            type_hashes,
            domain_ty,
            message_ty,
        };
        Ok((schema, primary_type, domain_json))
    }

    /// Parses the JSON text of a typed-data payload.
    ///
    /// # Errors
    /// [`Error::InvalidJson`], and those of [`TypedData::from_json`].
    pub fn parse(text: &str) -> Result<Self> {
        Self::from_json(&json::parse(text, "")?)
    }

    /// `encodeData` word of a value: atomic values as they are, the rest hashed.
    fn word(&self, value: &DynSolValue) -> Result<[u8; 32]> {
        if let Some(w) = value.as_word() {
            return Ok(w.0);
        }
        let mut buf = Vec::new();
        match value {
            DynSolValue::CustomStruct { name, tuple, .. } => {
                let hash = self
                    .schema
                    .type_hashes
                    .get(name)
                    .ok_or_else(|| Error::MissingType {
                        path: "types".into(),
                        name: name.clone(),
                    })?;
                buf.extend_from_slice(hash);
                for v in tuple {
                    buf.extend_from_slice(&self.word(v)?);
                }
            }
            DynSolValue::Array(items) | DynSolValue::FixedArray(items) => {
                for v in items {
                    buf.extend_from_slice(&self.word(v)?);
                }
            }
            DynSolValue::Bytes(b) => buf.extend_from_slice(b),
            DynSolValue::String(text) => buf.extend_from_slice(text.as_bytes()),
            other => {
                return Err(Error::InvalidType {
                    path: String::new(),
                    expected: "an EIP-712 value".into(),
                    actual: other
                        .sol_type_name()
                        .map(alloc::borrow::Cow::into_owned)
                        .unwrap_or_default(),
                })
            }
        }
        Ok(alloy_primitives::keccak256(buf).0)
    }

    /// `hashStruct(EIP712Domain, domain)`.
    ///
    /// # Errors
    /// Not for a payload that parsed; kept fallible for alloy's API.
    pub fn domain_separator(&self) -> Result<[u8; 32]> {
        self.word(&self.domain)
    }

    /// `hashStruct(primaryType, message)` (`None` when the primary type is the domain).
    ///
    /// # Errors
    /// As [`TypedData::domain_separator`].
    pub fn message_hash(&self) -> Result<Option<[u8; 32]>> {
        self.message.as_ref().map(|m| self.word(m)).transpose()
    }

    /// The digest a wallet signs.
    ///
    /// # Errors
    /// As [`TypedData::domain_separator`].
    pub fn signing_hash(&self) -> Result<[u8; 32]> {
        let mut buf = Vec::with_capacity(66);
        buf.extend_from_slice(&[0x19, 0x01]);
        buf.extend_from_slice(&self.domain_separator()?);
        if let Some(h) = self.message_hash()? {
            buf.extend_from_slice(&h);
        }
        Ok(alloy_primitives::keccak256(buf).0)
    }

    /// The message in canonical forms: addresses EIP-55, integers as decimal
    /// strings, bytes as lowercase `0x` hex (`None` when the primary type is the domain).
    #[must_use]
    pub fn canonical_message(&self) -> Option<Value> {
        self.message.as_ref().map(canonical)
    }

    /// The primary type's name.
    #[must_use]
    pub fn primary_type(&self) -> &str {
        &self.primary_type
    }

    /// `encodeType(name)`: the type, then every struct it references sorted by name.
    ///
    /// # Errors
    /// [`Error::MissingType`] for a name the payload does not declare.
    pub fn encode_type(&self, name: &str) -> Result<String> {
        if !self.schema.types.iter().any(|(n, _)| n == name) {
            return Err(Error::MissingType {
                path: "typeName".into(),
                name: name.into(),
            });
        }
        check_graph(&self.schema.types, name)?;
        Ok(encode_type_of(&self.schema.types, name))
    }

    /// `hashStruct(type_name, value)` for any type the payload declares.
    ///
    /// # Errors
    /// [`Error::MissingType`], and the value errors with paths under `value`.
    pub fn hash_struct(&self, type_name: &str, value: &Value) -> Result<[u8; 32]> {
        if !self.schema.resolver.contains_type_name(type_name) {
            return Err(Error::MissingType {
                path: "typeName".into(),
                name: type_name.into(),
            });
        }
        check_graph(&self.schema.types, type_name)?;
        let ty = resolve(&self.schema.resolver, type_name)?;
        let value = coerce(&ty, value, "value")?;
        if let DynSolValue::CustomStruct { .. } = value {
            // Type hashes of a type outside the primary's graph.
            let mut this = self.clone();
            let schema = Rc::make_mut(&mut this.schema);
            add_type_hashes(&self.schema.types, type_name, &mut schema.type_hashes);
            return this.word(&value);
        }
        self.word(&value)
    }

    /// Recovers the signer's address (v ∈ {0, 1, 27, 28}; high-s refused).
    ///
    /// # Errors
    /// Those of [`secp256k1::recover_prehash`].
    pub fn recover(&self, signature: &[u8; 65]) -> Result<[u8; 20]> {
        let key = secp256k1::recover_prehash(&self.signing_hash()?, signature)?;
        Ok(secp256k1::address(&key))
    }

    /// Signs as `eth_signTypedData_v4` does: RFC 6979, low-s, v ∈ {27, 28}.
    ///
    /// # Errors
    /// [`Error::InvalidSecretKey`].
    pub fn sign(&self, secret_key: &[u8; 32]) -> Result<[u8; 65]> {
        let mut sig = secp256k1::sign_prehash(&self.signing_hash()?, secret_key)?;
        if let Some(v) = sig.get_mut(64) {
            *v += 27;
        }
        Ok(sig)
    }
}

/// A value as JSON in the canonical forms, structs as objects.
pub(crate) fn canonical(v: &DynSolValue) -> Value {
    match v {
        DynSolValue::CustomStruct {
            prop_names, tuple, ..
        } => Value::Object(
            prop_names
                .iter()
                .zip(tuple)
                .map(|(k, v)| (k.clone(), canonical(v)))
                .collect(),
        ),
        DynSolValue::Array(items) | DynSolValue::FixedArray(items) => {
            Value::Array(items.iter().map(canonical).collect())
        }
        leaf => crate::abi::to_json(leaf),
    }
}

/// Builds the `types` entry of a struct: `[{name, type}, …]`.
#[must_use]
pub fn fields(defs: &[(&str, &str)]) -> Value {
    Value::Array(
        defs.iter()
            .map(|(name, ty)| {
                let mut m = Map::new();
                m.insert("name".into(), Value::String((*name).into()));
                m.insert("type".into(), Value::String((*ty).into()));
                Value::Object(m)
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast path never calls a name basic that alloy does not resolve,
    /// and covers every canonical sized name alloy does.
    #[test]
    fn common_basic_names_agree_with_alloy() {
        let mut names: Vec<String> = [
            "address", "bool", "string", "bytes", "uint", "int", "function", "tuple", "Uint8",
            "uint08", "bytes01", "uint8 ", "", "uint-8", "uint+8",
        ]
        .iter()
        .map(|s| (*s).to_string())
        .collect();
        for n in 0..=300 {
            names.push(alloc::format!("uint{n}"));
            names.push(alloc::format!("int{n}"));
            names.push(alloc::format!("bytes{n}"));
        }
        for name in &names {
            let alloy = alloy_dyn_abi::Specifier::<DynSolType>::resolve(name.as_str()).is_ok();
            if is_common_basic(name) {
                assert!(
                    alloy,
                    "{name:?}: fast path says basic, alloy does not resolve it"
                );
            }
            let sized =
                name.starts_with("uint") || name.starts_with("int") || name.starts_with("bytes");
            // alloy also reads `uint08` as uint8; the fast path leaves such
            // spellings to alloy.
            let canonical = !name.contains(' ')
                && !name
                    .trim_start_matches(char::is_alphabetic)
                    .starts_with('0');
            if alloy && sized && canonical {
                assert!(
                    is_common_basic(name),
                    "{name:?}: alloy resolves it, the fast path misses it"
                );
            }
        }
    }
}

#[cfg(test)]
mod schema_cache_tests {
    use super::*;

    /// The EIP-712 specification's Mail example; its digest is the spec's
    /// (also tests/vectors/generated/eip712.json, from viem and ethers).
    fn mail() -> Value {
        serde_json::json!({
            "types": {
                "Person": [{"name": "name", "type": "string"}, {"name": "wallet", "type": "address"}],
                "Mail": [{"name": "from", "type": "Person"}, {"name": "to", "type": "Person"}, {"name": "contents", "type": "string"}]
            },
            "primaryType": "Mail",
            "domain": {"name": "Ether Mail", "version": "1", "chainId": 1, "verifyingContract": "0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"},
            "message": {
                "from": {"name": "Cow", "wallet": "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"},
                "to": {"name": "Bob", "wallet": "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB"},
                "contents": "Hello, Bob!"
            }
        })
    }

    const MAIL_DIGEST: &str = "be609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2";

    /// A cached schema changes no result: the same digest, and every fault
    /// outside the cached part (values, domain fields, primary type) still
    /// refused with its code and path.
    #[test]
    fn cached_schemas_give_the_same_results_and_errors() {
        for _ in 0..3 {
            let d = TypedData::from_json(&mail()).unwrap();
            assert_eq!(
                crate::encoding::hex_encode(&d.signing_hash().unwrap()),
                MAIL_DIGEST
            );
        }
        let mut v = mail();
        v["domain"]["salt"] = serde_json::json!("0x00");
        v["domain"]["extra"] = serde_json::json!(1);
        let e = TypedData::from_json(&v).unwrap_err();
        assert_eq!((e.code(), e.path()), ("UNKNOWN_FIELD", "domain.extra"));

        let mut v = mail();
        v["message"]["to"].as_object_mut().unwrap().remove("wallet");
        let e = TypedData::from_json(&v).unwrap_err();
        assert_eq!((e.code(), e.path()), ("MISSING_FIELD", "message.to.wallet"));

        let mut v = mail();
        v["primaryType"] = serde_json::json!("Nobody");
        let e = TypedData::from_json(&v).unwrap_err();
        assert_eq!(e.code(), "UNKNOWN_PRIMARY_TYPE");

        let mut v = mail();
        v["types"]["Mail"][2]["type"] = serde_json::json!("Letter");
        let e = TypedData::from_json(&v).unwrap_err();
        assert_eq!(e.code(), "MISSING_TYPE");

        // A domain without chainId is another schema (the derived domain type differs).
        let mut v = mail();
        v["domain"].as_object_mut().unwrap().remove("chainId");
        let d = TypedData::from_json(&v).unwrap();
        assert_ne!(
            crate::encoding::hex_encode(&d.signing_hash().unwrap()),
            MAIL_DIGEST
        );
        let d = TypedData::from_json(&mail()).unwrap();
        assert_eq!(
            crate::encoding::hex_encode(&d.signing_hash().unwrap()),
            MAIL_DIGEST
        );
    }
}
