//! The quote check: every token that leaves the signer must be the quote's
//! origin asset to its deposit address, or its destination asset to the
//! intermediary, within the quoted amounts.

use super::{same_account, QuoteTerms};
use crate::review::{quote, Severity, Warning};
use alloc::string::{String, ToString as _};
use alloc::vec::Vec;

use super::reviewer::Reviewer;

impl Reviewer<'_> {
    pub(super) fn check_quote(&mut self, q: &QuoteTerms) -> bool {
        let mut ok = true;
        let mut mismatch = |w: &mut Vec<Warning>, path: String, message: String| {
            ok = false;
            w.push(Warning::new(
                "QUOTE_MISMATCH",
                Severity::Danger,
                path,
                message,
            ));
        };
        let (mut into_deposit, mut to_intermediary) = (0u128, 0u128);
        for o in &self.outflows {
            let origin = q.origin_asset.as_deref() == Some(o.asset.as_str())
                && q.deposit_address
                    .as_deref()
                    .is_some_and(|d| same_account(d, &o.to));
            let destination = q.destination_asset.as_deref() == Some(o.asset.as_str())
                && self
                    .ctx
                    .intermediary
                    .is_some_and(|i| same_account(i, &o.to));
            if origin {
                into_deposit = into_deposit.saturating_add(o.amount);
            } else if destination {
                to_intermediary = to_intermediary.saturating_add(o.amount);
            } else {
                mismatch(
                    &mut self.warnings,
                    o.path.clone(),
                    alloc::format!(
                        "{} of {} to {} is not in the quote: neither its origin asset to its deposit address nor its destination asset to the intermediary",
                        o.amount,
                        quote(&o.asset),
                        quote(&o.to)
                    ),
                );
            }
        }
        for (path, what) in &self.unquotable {
            mismatch(
                &mut self.warnings,
                path.clone(),
                alloc::format!("the intents hold {what}, which no quote accounts for"),
            );
        }
        let base = self.ctx.path;
        for (total, bound, what) in [
            (
                into_deposit,
                q.amount_in,
                "origin asset sent to the deposit address",
            ),
            (
                to_intermediary,
                q.amount_out,
                "destination asset sent to the intermediary",
            ),
        ] {
            if total > 0 && bound.is_none_or(|b| total > b) {
                mismatch(
                    &mut self.warnings,
                    crate::error::join_path(base, "intents"),
                    alloc::format!(
                        "{total} of the {what}, more than the quoted {}",
                        bound.map_or_else(|| "(no amount)".into(), |b| b.to_string())
                    ),
                );
            }
        }
        ok
    }
}
