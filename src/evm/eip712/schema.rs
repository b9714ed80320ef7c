//! EIP-712 schemas: the `types` object read and checked (limits, references,
//! cycles, expansion), type strings and hashes, and the cache of recent schemas.

#![allow(clippy::wildcard_imports)]

use crate::error::{join_path, Error, Result};
use crate::json::{self, Obj};
use alloc::rc::Rc;
use alloc::string::{String, ToString as _};
use alloc::vec::Vec;
use alloy_dyn_abi::eip712::{PropertyDef, Resolver, TypeDef};
use alloy_dyn_abi::DynSolType;
use serde_json::Value;

use super::*;

/// Schemas kept (most recently used last), and the largest `types` (in
/// fields) worth keeping: a wallet or page signs the same few kinds of
/// payload again and again, so their type validation, resolution and type
/// hashes are done once.
pub(super) const SCHEMA_CACHE: usize = 8;
pub(super) const SCHEMA_CACHE_MAX_FIELDS: usize = 128;

std::thread_local! {
    static SCHEMAS: core::cell::RefCell<Vec<(SchemaKey, Rc<Schema>)>> =
        const { core::cell::RefCell::new(Vec::new()) };
}

/// The lookup form of a [`SchemaKey`]: borrowed, so a cache hit copies nothing.
pub(super) type SchemaRef<'a> = (&'a Value, &'a str, Vec<&'a str>);

pub(super) fn schema_key<'a>(
    types_json: &'a Value,
    obj: &Obj<'a>,
    domain_json: &'a Value,
) -> Option<SchemaRef<'a>> {
    let Value::Object(types) = types_json else {
        return None;
    };
    // Saturating: a non-array entry counts as "too many" without overflowing
    // (a plain `sum` panicked on three of them; found by fuzzing).
    let fields = types.values().fold(0usize, |n, f| {
        n.saturating_add(f.as_array().map_or(usize::MAX, Vec::len))
    });
    if fields > SCHEMA_CACHE_MAX_FIELDS {
        return None;
    }
    let primary = obj.map.get("primaryType")?.as_str()?;
    let domain_keys = domain_json
        .as_object()?
        .keys()
        .map(String::as_str)
        .collect();
    Some((types_json, primary, domain_keys))
}

pub(super) fn cached_schema(key: &SchemaRef<'_>) -> Option<Rc<Schema>> {
    SCHEMAS.with(|c| {
        let mut c = c.try_borrow_mut().ok()?;
        let i = c.iter().position(|((types, primary, domain), _)| {
            types == key.0
                && primary == key.1
                && domain.iter().map(String::as_str).eq(key.2.iter().copied())
        })?;
        let hit = c.remove(i);
        let schema = Rc::clone(&hit.1);
        c.push(hit);
        Some(schema)
    })
}

pub(super) fn remember_schema(key: &SchemaRef<'_>, schema: &Rc<Schema>) {
    let key: SchemaKey = (
        key.0.clone(),
        key.1.to_string(),
        key.2.iter().map(|k| (*k).to_string()).collect(),
    );
    SCHEMAS.with(|c| {
        if let Ok(mut c) = c.try_borrow_mut() {
            if c.len() >= SCHEMA_CACHE {
                c.remove(0);
            }
            c.push((key, Rc::clone(schema)));
        }
    });
}

/// Declared struct types: name → [(field, type)].
pub(super) type Types = Vec<(String, Vec<(String, String)>)>;

/// Strips array suffixes: `Person[2][]` → `Person`.
pub(super) fn root_type(ty: &str) -> &str {
    ty.split('[').next().unwrap_or(ty).trim()
}

pub(super) fn is_basic(ty: &str) -> bool {
    let root = root_type(ty);
    // The common names answer without running alloy's type parser (this is
    // asked for every field, several times per payload); anything else is
    // decided by alloy as before.
    if is_common_basic(root) {
        return true;
    }
    alloy_dyn_abi::Specifier::<DynSolType>::resolve(root).is_ok()
}

/// `address`, `bool`, `string`, `bytes`, `bytes1`…`bytes32`, `uint8`…`uint256`
/// and `int8`…`int256` in steps of 8, `uint`/`int`: exactly the basic names
/// alloy resolves, written canonically.
pub(super) fn is_common_basic(root: &str) -> bool {
    fn digits(s: &str) -> Option<usize> {
        if s.is_empty() || s.starts_with('0') || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        s.parse().ok()
    }
    match root {
        "address" | "bool" | "string" | "bytes" | "uint" | "int" => true,
        _ => {
            if let Some(n) = root.strip_prefix("bytes") {
                digits(n).is_some_and(|n| (1..=32).contains(&n))
            } else if let Some(n) = root
                .strip_prefix("uint")
                .or_else(|| root.strip_prefix("int"))
            {
                digits(n).is_some_and(|n| (8..=256).contains(&n) && n % 8 == 0)
            } else {
                false
            }
        }
    }
}

/// Reads `types`: a map of struct name → `[{name, type}]`.
pub(super) fn read_types(v: &Value) -> Result<Types> {
    let Value::Object(map) = v else {
        return Err(json::wrong_type("types", "an object", v));
    };
    check_type_count(map.len())?;
    let mut out = Vec::with_capacity(map.len());
    for (name, fields) in map {
        let path = join_path("types", name);
        let Value::Array(items) = fields else {
            return Err(json::wrong_type(&path, "an array of {name, type}", fields));
        };
        check_field_count(items.len(), &path)?;
        let mut props = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let item_path = alloc::format!("{path}[{i}]");
            let obj = Obj::new(item, &item_path)?;
            obj.deny_unknown(&["name", "type"])?;
            props.push((
                obj.req_str("name")?.to_string(),
                obj.req_str("type")?.to_string(),
            ));
        }
        out.push((name.clone(), props));
    }
    Ok(out)
}

pub(super) fn type_def(name: &str, props: &[(String, String)]) -> Result<TypeDef> {
    let mut defs = Vec::with_capacity(props.len());
    for (i, (field, ty)) in props.iter().enumerate() {
        if ty.len() > MAX_TYPE_LEN || ty.matches('[').count() > crate::abi::MAX_TYPE_DEPTH {
            return Err(Error::InvalidType {
                path: alloc::format!("types.{name}[{i}].type"),
                expected: alloc::format!(
                    "a type of at most {MAX_TYPE_LEN} characters and {} array levels",
                    crate::abi::MAX_TYPE_DEPTH
                ),
                actual: alloc::format!("{} characters", ty.len()),
            });
        }
        let def =
            PropertyDef::new(ty.as_str(), field.as_str()).map_err(|e| Error::InvalidType {
                path: alloc::format!("types.{name}[{i}].type"),
                expected: "a Solidity or struct type".into(),
                actual: alloc::format!("{ty:?} ({e})"),
            })?;
        defs.push(def);
    }
    TypeDef::new(name, defs).map_err(|e| Error::InvalidType {
        path: join_path("types", name),
        expected: "a struct type name".into(),
        actual: alloc::format!("{name:?} ({e})"),
    })
}

/// The first field of any declared type that references `missing`.
pub(super) fn reference_path(types: &Types, missing: &str) -> String {
    for (name, props) in types {
        for (i, (_, ty)) in props.iter().enumerate() {
            if root_type(ty) == missing {
                return alloc::format!("types.{name}[{i}].type");
            }
        }
    }
    "primaryType".into()
}

/// Walks the references from `start`, failing on a missing type or a cycle
/// (reported at the field that closes it, `types.B[0].type`).
pub(super) fn check_graph(types: &Types, start: &str) -> Result<()> {
    fn visit(
        types: &Types,
        name: &str,
        stack: &mut Vec<String>,
        done: &mut Vec<String>,
    ) -> Result<()> {
        let Some((_, props)) = types.iter().find(|(n, _)| n == name) else {
            return Err(Error::MissingType {
                path: reference_path(types, name),
                name: name.into(),
            });
        };
        stack.push(name.into());
        for (i, (_, ty)) in props.iter().enumerate() {
            if is_basic(ty) {
                continue;
            }
            let target = root_type(ty);
            if stack.iter().any(|s| s == target) {
                return Err(Error::CyclicTypes {
                    path: alloc::format!("types.{name}[{i}].type"),
                    cycle: alloc::format!("{} -> {target}", stack.join(" -> ")),
                });
            }
            if !done.iter().any(|d| d == target) {
                visit(types, target, stack, done)?;
            }
        }
        stack.pop();
        done.push(name.into());
        Ok(())
    }
    visit(types, start, &mut Vec::new(), &mut Vec::new())
}

/// Refuses types whose expansion from `root` (every struct reference
/// followed, as resolving them does) exceeds [`MAX_EXPANDED_FIELDS`].
pub(super) fn check_expansion(types: &Types, root: &str) -> Result<()> {
    fn size(
        types: &Types,
        name: &str,
        memo: &mut alloc::collections::BTreeMap<String, usize>,
    ) -> usize {
        if let Some(n) = memo.get(name) {
            return *n;
        }
        let mut total: usize = 1;
        if let Some((_, props)) = types.iter().find(|(t, _)| t == name) {
            for (_, ty) in props {
                let n = if is_basic(ty) {
                    1
                } else {
                    size(types, root_type(ty), memo)
                };
                total = total.saturating_add(n);
            }
        }
        memo.insert(name.into(), total);
        total
    }
    let n = size(types, root, &mut alloc::collections::BTreeMap::new());
    if n > MAX_EXPANDED_FIELDS {
        return Err(Error::InvalidType {
            path: "types".into(),
            expected: alloc::format!("types that expand to at most {MAX_EXPANDED_FIELDS} fields"),
            actual: alloc::format!("{n} fields"),
        });
    }
    Ok(())
}

/// `name` and every struct type it references (the graph is known to be acyclic).
pub(super) fn dependencies(types: &Types, name: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut todo = alloc::vec![name.to_string()];
    while let Some(n) = todo.pop() {
        if out.contains(&n) {
            continue;
        }
        if let Some((_, props)) = types.iter().find(|(t, _)| *t == n) {
            for (_, ty) in props {
                if !is_basic(ty) {
                    todo.push(root_type(ty).to_string());
                }
            }
            out.push(n);
        }
    }
    out
}

/// Adds the `typeHash` of `root` and every type it references.
pub(super) fn add_type_hashes(
    types: &Types,
    root: &str,
    hashes: &mut alloc::collections::BTreeMap<String, [u8; 32]>,
) {
    for name in dependencies(types, root) {
        if let alloc::collections::btree_map::Entry::Vacant(slot) = hashes.entry(name) {
            let encoded = encode_type_of(types, slot.key());
            slot.insert(alloy_primitives::keccak256(encoded).0);
        }
    }
}

/// `encodeType`: `Name(type field,…)` for `name`, then its dependencies sorted by name.
pub(super) fn encode_type_of(types: &Types, name: &str) -> String {
    let mut deps = dependencies(types, name);
    deps.retain(|d| d != name);
    deps.sort();
    let mut out = String::new();
    for n in core::iter::once(name.to_string()).chain(deps) {
        if let Some((_, props)) = types.iter().find(|(t, _)| *t == n) {
            out.push_str(&n);
            out.push('(');
            let fields: Vec<String> = props
                .iter()
                .map(|(field, ty)| alloc::format!("{ty} {field}"))
                .collect();
            out.push_str(&fields.join(","));
            out.push(')');
        }
    }
    out
}

pub(super) fn resolve(resolver: &Resolver, name: &str) -> Result<DynSolType> {
    resolver.resolve(name).map_err(|e| Error::InvalidType {
        path: join_path("types", name),
        expected: "a resolvable struct type".into(),
        actual: e.to_string(),
    })
}
