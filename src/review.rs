//! The one review model: what the user is shown before signing.
//!
//! Every reviewer in the crate (intents, EVM steps, Permit2, EIP-712,
//! EIP-7702, the Intents Connect flow) reports findings as one [`Warning`]
//! type, `{ code, severity, message, path }`, and describes what executes as
//! [`Entry`] values whose fields name every value that executes.
//!
//! Review text is built only from decoded values. Every string that came from
//! outside (a server, a payload) goes through [`quote`] before it reaches a
//! message or a line, so no control character, line break or bidirectional
//! override can forge a line of the reviewer's own.
//!
//! ```
//! use intent_signer::review::quote;
//! // A newline in a server string cannot start a line of its own.
//! assert_eq!(quote("usdc\nIntents: none"), r#""usdc\nIntents: none""#);
//! // Bidirectional overrides are shown, not obeyed.
//! assert_eq!(quote("a\u{202e}b"), r#""a\u{202e}b""#);
//! ```

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write as _;

use serde::Serialize;

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Can cost the user funds or control of the account: shown first, and a
    /// user interface asks for an explicit confirmation before going on.
    Danger,
    /// Worth reading before signing.
    Warning,
    /// Context only.
    Info,
}

impl Severity {
    /// `"danger"`, `"warning"` or `"info"`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Danger => "danger",
            Self::Warning => "warning",
            Self::Info => "info",
        }
    }
}

/// A finding shown to the user before signing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// Stable `SCREAMING_SNAKE` code; codes are API and never renamed.
    pub code: &'static str,
    /// How much it matters.
    pub severity: Severity,
    /// Human-readable text; outside strings in it are [`quote`]d.
    pub message: String,
    /// Where in the input (`payload_json.intents[2].msg`, `steps[1].parameters[0]`).
    pub path: String,
}

impl Warning {
    /// A warning.
    #[must_use]
    pub fn new(
        code: &'static str,
        severity: Severity,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            code,
            severity,
            message: message.into(),
            path: path.into(),
        }
    }

    /// Prefixes the path (`"steps[1]"` + `"parameters[0]"`).
    #[must_use]
    pub fn at(mut self, prefix: &str) -> Self {
        self.path = crate::error::join_path(prefix, &self.path);
        self
    }
}

/// One named value of an [`Entry`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Field {
    /// The field's name as the contract names it (`receiver_id`, `msg`).
    pub name: String,
    /// The value as shown: outside strings [`quote`]d, numbers in decimal.
    pub value: String,
}

/// One thing that executes (an intent, a step), with every field that executes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// What it is (`"transfer"`, `"ft_withdraw"`, `"step"`).
    pub kind: String,
    /// Where in the input.
    pub path: String,
    /// One line in words.
    pub summary: String,
    /// Every field that executes.
    pub fields: Vec<Field>,
    /// The most severe finding about this entry, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
}

impl Entry {
    /// An entry with no fields yet.
    #[must_use]
    pub fn new(kind: &str, path: &str, summary: String) -> Self {
        Self {
            kind: kind.into(),
            path: path.into(),
            summary,
            fields: Vec::new(),
            severity: None,
        }
    }

    /// Adds a field.
    pub fn field(&mut self, name: &str, value: String) {
        self.fields.push(Field {
            name: name.into(),
            value,
        });
    }
}

/// Sets each entry's severity to the most severe warning at or under its path.
pub fn mark_entries(entries: &mut [Entry], warnings: &[Warning]) {
    for e in entries.iter_mut() {
        e.severity = warnings
            .iter()
            .filter(|w| {
                w.path == e.path
                    || w.path
                        .strip_prefix(e.path.as_str())
                        .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
            })
            .map(|w| w.severity)
            .min();
    }
}

/// Whether a character must not reach a review line as itself: C0/C1
/// controls, DEL, line and paragraph separators, bidirectional controls,
/// zero-width characters and the byte-order mark.
#[must_use]
pub fn is_hidden(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{00ad}' | '\u{034f}' | '\u{061c}' | '\u{115f}' | '\u{1160}' | '\u{17b4}' | '\u{17b5}'
        | '\u{180b}'..='\u{180f}'
        | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{206f}'
        | '\u{3164}' | '\u{fe00}'..='\u{fe0f}' | '\u{feff}' | '\u{ffa0}' | '\u{fff0}'..='\u{fffb}'
        | '\u{e0000}'..='\u{e0fff}')
}

/// An outside string as a review shows it: in double quotes, with `"` and
/// `\` escaped, `\n`, `\r`, `\t` as such, and every other [`is_hidden`]
/// character as `\u{…}`.
#[must_use]
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_hidden(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The review lines of a list of entries: each entry's summary.
#[must_use]
pub fn lines(entries: &[Entry]) -> Vec<String> {
    entries.iter().map(|e| e.summary.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_escapes_every_line_breaker() {
        for s in [
            "\n",
            "\r",
            "\u{85}",
            "\u{2028}",
            "\u{2029}",
            "\u{b}",
            "\u{c}",
            "\u{1b}[2J",
        ] {
            let q = quote(s);
            assert!(
                !q.chars()
                    .any(|c| c.is_control() || c == '\u{2028}' || c == '\u{2029}'),
                "{q}"
            );
        }
        assert_eq!(quote("ok é 中"), "\"ok é 中\"");
        assert_eq!(quote("\u{200b}"), "\"\\u{200b}\"");
        assert_eq!(quote("a\"b\\"), "\"a\\\"b\\\\\"");
    }

    #[test]
    fn entries_take_the_worst_severity_below_them() {
        let mut e = [
            Entry::new("transfer", "intents[0]", "a".into()),
            Entry::new("transfer", "intents[1]", "b".into()),
            Entry::new("transfer", "intents[10]", "c".into()),
        ];
        let w = [
            Warning::new("X", Severity::Warning, "intents[1].msg", ""),
            Warning::new("Y", Severity::Danger, "intents[1]", ""),
            Warning::new("Z", Severity::Info, "intents[0]", ""),
        ];
        mark_entries(&mut e, &w);
        assert_eq!(e[0].severity, Some(Severity::Info));
        assert_eq!(e[1].severity, Some(Severity::Danger));
        assert_eq!(e[2].severity, None);
    }
}
