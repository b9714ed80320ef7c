//! The caps on lists: a list longer than the core accepts at its place is
//! refused, with the core's own rule and error, before any entry is read.

#![allow(clippy::wildcard_imports)]

use crate::abi::{check_not_longer, FunctionSig};
use crate::eip712::{check_field_count, check_type_count};
use crate::error::Result;
#[cfg(feature = "connect")]
use crate::execution::MAX_SOLANA_STEPS;
use crate::step::{check_step_count, MAX_STEPS};
use alloy_dyn_abi::DynSolType;
use wasm_bindgen::JsValue;

use super::*;

/// What the converter knows of a value's place in a call. A list longer than
/// the core accepts there is refused before any of its entries is read, with
/// the error the core gives for it (the same code and path), so that a huge
/// list costs nothing. When the input also has a fault the core would report
/// first (an unknown field, a bad address), the list's error may come first.
#[derive(Clone, Copy)]
pub(crate) enum Cap<'a> {
    /// Only the generic limits ([`MAX_DEPTH`], [`MAX_ARRAY_LEN`]).
    Any,
    /// An object whose named fields have caps.
    Fields(&'a [(&'a str, Cap<'a>)]),
    /// A list of at most `max` EVM steps (`TOO_MANY_STEPS`), each a [`Cap::Step`].
    EvmSteps(usize),
    /// A list of at most `max` steps of another chain (`TOO_MANY_STEPS`).
    OtherSteps(usize),
    /// One EVM step: its `parameters` are capped by its `functionSignature`.
    Step,
    /// The `parameters` of the EVM step `step` (at `step_path` in the core's
    /// paths): a list of more than [`STEP_PARAMS_READ_FIRST`] entries is
    /// checked against the step's `functionSignature`, read and parsed first.
    StepParams {
        /// The step object.
        step: &'a JsValue,
        /// The core's path of the step.
        step_path: &'a str,
    },
    /// A create-execution body: its `steps` are capped as its `type` says.
    #[cfg(feature = "connect")]
    ExecutionRequest,
    /// The parameters of a parsed function: more than its arity is
    /// `ABI_ARITY_MISMATCH`.
    Params(&'a FunctionSig),
    /// One ABI value: a tuple or a fixed array of more entries than its
    /// length is `ABI_ARITY_MISMATCH`.
    Abi(&'a DynSolType),
    /// EIP-712 `types`: as many struct types as the core takes, counting
    /// `extra` types the core adds, each of as many fields as it takes.
    Types {
        /// Types the core adds to these (Permit2's own).
        extra: usize,
    },
    /// The fields of one EIP-712 struct type.
    StructFields,
}

/// `typedData` of the EIP-712 exports (and of `reviewPermit2`).
pub(crate) const TYPED_DATA: Cap<'static> = Cap::Fields(&[("types", Cap::Types { extra: 0 })]);
/// `args` of the Permit2 builders: a witness's types join Permit2's three
/// (`EIP712Domain`, the primary type, `TokenPermissions`).
pub(crate) const PERMIT2_ARGS: Cap<'static> = Cap::Fields(&[(
    "witness",
    Cap::Fields(&[(
        "types",
        Cap::Types {
            extra: crate::permit2::ADDED_TYPES,
        },
    )]),
)]);
/// An Intents Connect execution (`prepareSigning`).
#[cfg(feature = "connect")]
pub(crate) const EXECUTION: Cap<'static> = Cap::Fields(&[("steps", Cap::EvmSteps(MAX_STEPS))]);
/// A list of EVM steps (`validateSteps`, `reviewSteps`).
pub(crate) const STEPS: Cap<'static> = Cap::EvmSteps(MAX_STEPS);

impl<'a> Cap<'a> {
    /// The cap of field `name` (for caps that need no sibling field).
    pub(super) fn field(self, name: &str) -> Cap<'a> {
        match self {
            Cap::Fields(fields) => fields
                .iter()
                .find(|(k, _)| *k == name)
                .map_or(Cap::Any, |(_, c)| *c),
            Cap::Types { .. } => Cap::StructFields,
            _ => Cap::Any,
        }
    }

    /// The cap of entry `i` of a list.
    pub(super) fn item(self, i: usize) -> Cap<'a> {
        match self {
            Cap::EvmSteps(_) => Cap::Step,
            Cap::Params(f) => f
                .inputs
                .get(i)
                .map_or(Cap::Any, |input| Cap::Abi(&input.ty)),
            Cap::Abi(DynSolType::Array(inner) | DynSolType::FixedArray(inner, _)) => {
                Cap::Abi(inner)
            }
            Cap::Abi(DynSolType::Tuple(types)) => types.get(i).map_or(Cap::Any, Cap::Abi),
            _ => Cap::Any,
        }
    }

    /// Checks the length of an array before its entries are read.
    pub(super) fn check_array(self, r: &Reader<'_>, path: &str, len: usize) -> Result<()> {
        // Only an over-long list: a short one is cheap to read, and the core
        // may refuse something inside it first.
        // The rules are the core's; this only asks them early.
        let arity = |expected: usize| check_not_longer(expected, len, &r.core_path(path));
        match self {
            Cap::EvmSteps(max) | Cap::OtherSteps(max) => {
                check_step_count(len, max, &r.core_path(path))
            }
            Cap::Params(f) => arity(f.inputs.len()),
            Cap::Abi(DynSolType::FixedArray(_, n)) => arity(*n),
            Cap::Abi(DynSolType::Tuple(types)) => arity(types.len()),
            Cap::StepParams { step, step_path } if len > STEP_PARAMS_READ_FIRST => {
                match step_function(step) {
                    Some(Ok(f)) => arity(f.inputs.len()),
                    // The core refuses the signature before it reads the parameters.
                    Some(Err(e)) => Err(e.at(step_path)),
                    None => Ok(()),
                }
            }
            Cap::StructFields => check_field_count(len, &r.core_path(path)),
            _ => Ok(()),
        }
    }

    /// Checks the number of keys of an object before any is read.
    pub(super) fn check_object(self, len: usize) -> Result<()> {
        match self {
            Cap::Types { extra } => check_type_count(len.saturating_add(extra)),
            _ => Ok(()),
        }
    }
}

/// Step parameters read without looking at the step's signature: a short
/// list costs less to read than the signature to parse, and the core checks it.
pub(crate) const STEP_PARAMS_READ_FIRST: usize = 64;

/// What a [`Cap::Step`] or [`Cap::ExecutionRequest`] needs to cap the
/// object's fields.
pub(super) enum Prepared {
    /// Nothing.
    Nothing,
    /// The step object and its core path.
    Step(JsValue, String),
    /// The cap of the body's `steps`, from the body's `type`.
    Steps(Cap<'static>),
}

impl Prepared {
    /// What `cap` needs of the object `v` at `path`.
    pub(super) fn of(cap: Cap<'_>, v: &JsValue, r: &Reader<'_>, path: &str) -> Self {
        match cap {
            Cap::Step => Prepared::Step(v.clone(), r.core_path(path)),
            #[cfg(feature = "connect")]
            Cap::ExecutionRequest => {
                let solana = Reflect::get(v, &"type".into())
                    .ok()
                    .and_then(|t| t.as_string())
                    .is_some_and(|t| t == "solana");
                Prepared::Steps(if solana {
                    Cap::OtherSteps(MAX_SOLANA_STEPS)
                } else {
                    Cap::EvmSteps(MAX_STEPS)
                })
            }
            _ => Prepared::Nothing,
        }
    }

    /// The cap of field `name` of the object.
    pub(super) fn field<'p>(&'p self, cap: Cap<'p>, name: &str) -> Cap<'p> {
        match (self, name) {
            (Prepared::Step(step, step_path), "parameters") => Cap::StepParams { step, step_path },
            (Prepared::Steps(steps), "steps") => *steps,
            (Prepared::Nothing, _) => cap.field(name),
            _ => Cap::Any,
        }
    }
}

/// A step's `functionSignature` as the core reads it: `None` when reading it
/// here would not tell what the core says (a throwing getter, a `bigint`, a
/// value the converter itself refuses).
pub(crate) fn step_function(step: &JsValue) -> Option<Result<FunctionSig>> {
    let v = Reflect::get(step, &"functionSignature".into()).ok()?;
    let wrong = |actual: &str| Error::InvalidType {
        path: "functionSignature".into(),
        expected: "a string".into(),
        actual: actual.into(),
    };
    Some(if v.is_undefined() || v.is_null() {
        Err(Error::MissingField {
            path: "functionSignature".into(),
        })
    } else if v.is_string() {
        crate::step::step_function(&string(&v, "").ok()?)
    } else if v.as_bool().is_some() {
        Err(wrong("boolean"))
    } else if v.as_f64().is_some_and(f64::is_finite) {
        Err(wrong("number"))
    } else if array_is_array(&v).ok()? {
        Err(wrong("array"))
    } else if is_plain_object(&v) {
        Err(wrong("object"))
    } else {
        return None;
    })
}
