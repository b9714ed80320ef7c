//! Replays every committed fuzz input — the seed corpora under
//! `fuzz/corpus/<target>/` and the saved crashes under
//! `fuzz/regressions/<target>/` — through the same property checks as the
//! cargo-fuzz targets (`fuzz/checks.rs`), on stable Rust, as part of
//! `cargo test`.
//!
//! Inputs that are known to fail until the library is fixed are listed in
//! [`KNOWN_CRASHES`]: they are skipped (and reported) rather than failing the
//! run. Remove an entry once the fix lands; an entry that no longer fails
//! makes the test fail so the list cannot go stale.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../fuzz/checks.rs"]
mod checks;

use std::panic;
use std::path::{Path, PathBuf};

/// `(target, file name)` of saved inputs that still fail. Each is a real bug
/// in `src/`, reported to the lead; it is skipped here until it is fixed.
/// Delete the entry once the fix lands (a listed input that passes fails
/// this test).
const KNOWN_CRASHES: &[(&str, &str)] = &[
    // None open. Fixed (and replayed from fuzz/regressions/abi_decode/):
    // - decode accepted non-canonical uintN/intN words (dirty high bits, bad
    //   sign extension) and bytesN words with non-zero padding:
    //   int24-dirty-high-bits-{1,2,3}, int8-bad-sign-extension,
    //   uint160-in-tuple-dirty-high-bits, bytes20-dirty-low-bytes;
    // - a `string` argument of the form `{NAME}` was substituted as a
    //   placeholder on re-encoding: string-that-looks-like-a-placeholder.
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz")
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .filter(|p| {
            // Skip dot files such as .gitkeep.
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| !n.starts_with('.'))
        })
        .collect();
    out.sort();
    out
}

fn is_known(target: &str, file: &Path) -> bool {
    let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
    KNOWN_CRASHES
        .iter()
        .any(|(t, n)| *t == target && *n == name)
}

/// Runs one input; `Err` holds the panic message.
fn run(check: checks::Check, data: &[u8]) -> Result<(), String> {
    panic::catch_unwind(|| check(data)).map_err(|e| {
        e.downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| (*s).to_string()))
            .unwrap_or_else(|| "non-string panic".into())
    })
}

fn replay(kind: &str) -> (usize, Vec<String>) {
    let mut count = 0;
    let mut failures = Vec::new();
    for (target, check) in checks::TARGETS {
        for file in files(&root().join(kind).join(target)) {
            let data = std::fs::read(&file).expect("readable corpus file");
            count += 1;
            let result = run(*check, &data);
            let shown = file.strip_prefix(root()).unwrap_or(&file).display();
            match (result, is_known(target, &file)) {
                (Ok(()), false) => {}
                (Err(_), true) => eprintln!("skipped KNOWN_CRASHES entry fuzz/{shown}"),
                (Ok(()), true) => failures.push(format!(
                    "fuzz/{shown} is in KNOWN_CRASHES but passes now: remove it from the list"
                )),
                (Err(msg), false) => failures.push(format!("fuzz/{shown}: {msg}")),
            }
        }
    }
    (count, failures)
}

#[test]
fn corpus_replays() {
    let (count, failures) = replay("corpus");
    assert!(
        failures.is_empty(),
        "{} of {count} corpus inputs fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
    // Every target has a committed seed corpus.
    for (target, _) in checks::TARGETS {
        assert!(
            !files(&root().join("corpus").join(target)).is_empty(),
            "fuzz/corpus/{target} is empty"
        );
    }
    assert!(count >= checks::TARGETS.len());
}

#[test]
fn regressions_replay() {
    let (_, failures) = replay("regressions");
    assert!(
        failures.is_empty(),
        "{} saved crash inputs fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn known_crashes_exist() {
    for (target, name) in KNOWN_CRASHES {
        let path = root().join("regressions").join(target).join(name);
        assert!(
            path.is_file(),
            "KNOWN_CRASHES lists {} but it is missing",
            path.display()
        );
    }
}

#[test]
fn test_wallets_are_the_vector_wallets() {
    // The fixed wallets of the `execution` target are those of
    // tests/vectors/generated/executions.json, so the seeds exercise signing.
    let wallets: Vec<&str> = checks::test_wallets()
        .iter()
        .map(|w| w.wallet.as_str())
        .collect();
    assert_eq!(
        wallets,
        [
            "0x0fA1Cb5F9714cfB7eB30300091Fd5b3FF9D0b64b",
            "alice.near",
            "6cca274a6052446616ac204f9808f2f8f62a6d5726026306443b5a9d2320a15b",
            "EEut4vndhHaFdTfq8An41ZgVPJEaRHikgN6u21i94xW2",
        ]
    );
}
