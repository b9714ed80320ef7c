//! The EVM wing in JS: ABI call data and Intents Connect steps.

use alloc::string::String;
use alloc::vec::Vec;

use js_sys::Array;
use serde_json::Value;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

use super::convert::{self, bytes, object, string, to_bytes, to_js};
use super::error::{js, JsResult};
use super::{address_list, string_map};
use crate::Error;

// --------------------------------------------------------------------- abi

fn parameters(v: &JsValue, sig: &crate::abi::FunctionSig) -> crate::Result<Vec<Value>> {
    match convert::json_capped(v, "parameters", "parameters", convert::Cap::Params(sig))? {
        Value::Array(items) => Ok(items),
        other => Err(Error::InvalidType {
            path: "parameters".into(),
            expected: "an array".into(),
            actual: crate::json::type_name(&other).into(),
        }),
    }
}

std::thread_local! {
    /// Parsed signatures of the last calls (bounded; see `abi::SignatureCache`).
    static SIGNATURES: core::cell::RefCell<crate::abi::SignatureCache> =
        core::cell::RefCell::new(crate::abi::SignatureCache::default());
    /// The last signature as the JS string it came as: the same string again
    /// (`===`, compared in JS) needs no copy into wasm.
    static LAST_SIGNATURE: core::cell::RefCell<Option<(JsValue, alloc::rc::Rc<crate::abi::FunctionSig>)>> =
        const { core::cell::RefCell::new(None) };
}

fn cached_signature(signature: &JsValue) -> crate::Result<alloc::rc::Rc<crate::abi::FunctionSig>> {
    let last = LAST_SIGNATURE.with(|l| {
        l.try_borrow().ok().and_then(|l| {
            l.as_ref()
                .filter(|(text, _)| signature.is_string() && text == signature)
                .map(|(_, sig)| alloc::rc::Rc::clone(sig))
        })
    });
    if let Some(sig) = last {
        return Ok(sig);
    }
    let text = string(signature, "functionSignature")?;
    let sig = SIGNATURES.with(|cache| match cache.try_borrow_mut() {
        Ok(mut cache) => cache.parse(&text),
        // Not reachable (no re-entrant calls); parse without the cache.
        Err(_) => crate::abi::FunctionSig::parse(&text).map(alloc::rc::Rc::new),
    })?;
    LAST_SIGNATURE.with(|l| {
        if let Ok(mut l) = l.try_borrow_mut() {
            *l = Some((signature.clone(), alloc::rc::Rc::clone(&sig)));
        }
    });
    Ok(sig)
}

fn encode_with(
    sig: &crate::abi::FunctionSig,
    parameters_: &JsValue,
    options: Option<JsValue>,
) -> crate::Result<Vec<u8>> {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    let params = parameters(parameters_, sig)?;
    let placeholders = string_map(
        &convert::option(&options, "placeholders", &["placeholders"])?,
        "options.placeholders",
    )?;
    sig.encode(&params, &placeholders)
}

/// A parsed function signature, reusable for many calls: parse once, then
/// `encode`/`decode` without parsing or hashing the signature again.
/// (`abiEncodeCall`/`abiDecodeCall` also keep the last 32 signatures parsed.)
#[wasm_bindgen(js_name = AbiFunction)]
pub struct AbiFunction {
    sig: alloc::rc::Rc<crate::abi::FunctionSig>,
}

#[wasm_bindgen(js_class = AbiFunction)]
impl AbiFunction {
    /// Parses `transfer(address,uint256)` or `function transfer(address to, uint256 amount)`;
    /// `""` is a bare value transfer. Throws `INVALID_FUNCTION_SIGNATURE`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(js_name = functionSignature, unchecked_param_type = "string")]
        signature: JsValue,
    ) -> JsResult<AbiFunction> {
        js(cached_signature(&signature).map(|sig| AbiFunction { sig }))
    }

    /// The canonical signature, types only (`""` for a value transfer).
    #[wasm_bindgen(getter)]
    pub fn canonical(&self) -> String {
        self.sig.canonical()
    }

    /// The 4-byte selector, or `undefined` for a value transfer.
    #[wasm_bindgen(getter)]
    pub fn selector(&self) -> Option<Vec<u8>> {
        self.sig.selector().map(|s| s.to_vec())
    }

    /// As `abiEncodeCall(functionSignature, parameters, options)`.
    pub fn encode(
        &self,
        #[wasm_bindgen(js_name = parameters, unchecked_param_type = "StepParameter[]")]
        parameters_: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "AbiEncodeOptions")] options: Option<
            JsValue,
        >,
    ) -> JsResult<Vec<u8>> {
        js(encode_with(&self.sig, &parameters_, options))
    }

    /// As `abiDecodeCall(functionSignature, calldata)`.
    #[wasm_bindgen(unchecked_return_type = "StepParameter[]")]
    pub fn decode(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array")] calldata: JsValue,
    ) -> JsResult<JsValue> {
        let data = bytes(&calldata, "calldata")?;
        Ok(to_js(&Value::Array(self.sig.decode(&data)?)))
    }
}

/// ABI-encodes a call: selector ‖ parameters. `""` is a bare value transfer (empty call data).
#[wasm_bindgen(js_name = abiEncodeCall)]
pub fn abi_encode_call(
    #[wasm_bindgen(js_name = functionSignature, unchecked_param_type = "string")]
    signature: JsValue,
    #[wasm_bindgen(js_name = parameters, unchecked_param_type = "StepParameter[]")]
    parameters_: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "AbiEncodeOptions")] options: Option<JsValue>,
) -> JsResult<Vec<u8>> {
    js(cached_signature(&signature).and_then(|sig| encode_with(&sig, &parameters_, options)))
}

/// Decodes call data into parameters in the canonical string forms (decimal
/// integers, EIP-55 addresses, lowercase `0x` bytes), so that encoding them
/// gives the same bytes.
#[wasm_bindgen(js_name = abiDecodeCall, unchecked_return_type = "StepParameter[]")]
pub fn abi_decode_call(
    #[wasm_bindgen(js_name = functionSignature, unchecked_param_type = "string")]
    signature: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] calldata: JsValue,
) -> JsResult<JsValue> {
    let sig = cached_signature(&signature)?;
    let data = bytes(&calldata, "calldata")?;
    Ok(to_js(&Value::Array(sig.decode(&data)?)))
}

/// The 4-byte selector of a function signature.
#[wasm_bindgen(js_name = functionSelector)]
pub fn function_selector(
    #[wasm_bindgen(js_name = functionSignature, unchecked_param_type = "string")]
    signature: JsValue,
) -> JsResult<Vec<u8>> {
    let sig = cached_signature(&signature)?;
    Ok(sig
        .selector()
        .map(|s| s.to_vec())
        .ok_or(Error::InvalidFunctionSignature {
            path: "functionSignature".into(),
            reason: "a value transfer has no selector".into(),
        })?)
}

fn step_json(v: &JsValue, path: &str) -> crate::Result<Value> {
    // A list of steps ("steps", core paths `steps[i]…`) or one step (core paths from the step).
    if path == "steps" {
        convert::json_capped(v, path, path, convert::STEPS)
    } else {
        convert::json_capped(v, path, "", convert::Cap::Step)
    }
}

fn placeholders_js(list: &[(String, String)]) -> JsValue {
    list.iter()
        .map(|(path, p)| {
            object(&[
                ("path", path.as_str().into()),
                ("placeholder", p.as_str().into()),
            ])
        })
        .collect::<Array>()
        .into()
}

/// Every placeholder a step uses (`to`, `value` and parameters), with its path.
#[wasm_bindgen(js_name = stepPlaceholders, unchecked_return_type = "StepPlaceholder[]")]
pub fn step_placeholders(
    #[wasm_bindgen(unchecked_param_type = "EvmStep")] step: JsValue,
) -> JsResult<JsValue> {
    let step = crate::step::validate_step(&step_json(&step, "step")?)?;
    let mut list = Vec::new();
    for (key, text) in [("to", &step.to), ("value", &step.value)] {
        if crate::abi::placeholder_name(text).is_some() {
            list.push((String::from(key), text.clone()));
        }
    }
    list.extend(crate::abi::find_placeholders(&step.parameters));
    Ok(placeholders_js(&list))
}

/// Checks a step against the API's 400 rules; throws a coded error if it breaks one.
#[wasm_bindgen(js_name = validateStep)]
pub fn validate_step(
    #[wasm_bindgen(unchecked_param_type = "EvmStep")] step: JsValue,
) -> JsResult<()> {
    js(step_json(&step, "step").and_then(|s| crate::step::validate_step(&s).map(|_| ())))
}

/// Checks a list of steps (at most 30) against the API's 400 rules.
#[wasm_bindgen(js_name = validateSteps)]
pub fn validate_steps(
    #[wasm_bindgen(unchecked_param_type = "EvmStep[]")] steps: JsValue,
) -> JsResult<()> {
    js(step_json(&steps, "steps").and_then(|s| crate::step::validate_steps(&s).map(|_| ())))
}

const REVIEW_OPTIONS: &[&str] = &["placeholders", "intermediary", "knownContracts"];

fn review_options(options: &JsValue) -> crate::Result<crate::step::ReviewOptions> {
    let placeholders = string_map(
        &convert::option(options, "placeholders", REVIEW_OPTIONS)?,
        "options.placeholders",
    )?;
    let intermediary = convert::option(options, "intermediary", REVIEW_OPTIONS)?;
    let intermediary = if intermediary.is_undefined() {
        None
    } else {
        let s = string(&intermediary, "options.intermediary")?;
        crate::abi::parse_address(&s, "options.intermediary")?;
        Some(s)
    };
    let known_contracts = address_list(
        &convert::option(options, "knownContracts", REVIEW_OPTIONS)?,
        "options.knownContracts",
    )?;
    Ok(crate::step::ReviewOptions {
        placeholders,
        intermediary,
        known_contracts,
    })
}

pub(super) fn review_js(r: &crate::step::StepReview) -> crate::Result<JsValue> {
    let arguments: Array = r
        .arguments
        .iter()
        .map(|a| {
            let mut props = alloc::vec![
                ("type", JsValue::from_str(&a.ty)),
                ("value", to_js(&a.value))
            ];
            if let Some(name) = &a.name {
                props.insert(0, ("name", name.as_str().into()));
            }
            object(&props)
        })
        .collect();
    Ok(object(&[
        ("to", r.to.as_str().into()),
        ("value", r.value.as_str().into()),
        (
            "selector",
            r.selector
                .as_deref()
                .map_or(JsValue::NULL, JsValue::from_str),
        ),
        ("functionName", r.function_name.as_str().into()),
        ("signature", r.signature.as_str().into()),
        ("arguments", arguments.into()),
        (
            "calldata",
            r.calldata.as_deref().map_or(JsValue::NULL, to_bytes),
        ),
        ("placeholders", placeholders_js(&r.placeholders)),
        ("warnings", convert::warnings_js(&r.warnings)?),
    ]))
}

/// Validates a step and explains it: function, arguments, call data and warnings.
#[wasm_bindgen(js_name = reviewStep, unchecked_return_type = "StepReview")]
pub fn review_step(
    #[wasm_bindgen(unchecked_param_type = "EvmStep")] step: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "StepReviewOptions")] options: Option<JsValue>,
) -> JsResult<JsValue> {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    let opts = review_options(&options)?;
    let r = crate::step::review_step(&step_json(&step, "step")?, &opts)?;
    Ok(review_js(&r)?)
}

/// Reviews every step (at most 30); paths in errors start at `steps[i]`.
#[wasm_bindgen(js_name = reviewSteps, unchecked_return_type = "StepReview[]")]
pub fn review_steps(
    #[wasm_bindgen(unchecked_param_type = "EvmStep[]")] steps: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "StepReviewOptions")] options: Option<JsValue>,
) -> JsResult<JsValue> {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    let opts = review_options(&options)?;
    let list = step_json(&steps, "steps")?;
    crate::step::validate_steps(&list)?;
    let Value::Array(items) = list else {
        return Ok(JsValue::NULL);
    };
    let out = Array::new();
    for (i, item) in items.iter().enumerate() {
        let r = crate::step::review_step(item, &opts)
            .map_err(|e| e.at(&alloc::format!("steps[{i}]")))?;
        out.push(&review_js(&r)?);
    }
    Ok(out.into())
}
