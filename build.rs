//! Records the git commit and the Rust version for `buildInfo()`.

use std::process::Command;

fn output(cmd: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(cmd).args(args).output().ok()?;
    if !out.status.success() {
        return None;
    }
    String::from_utf8(out.stdout)
        .ok()
        .map(|s| s.trim().to_owned())
}

fn main() {
    let head = std::env::var("INTENT_SIGNER_GIT_HEAD")
        .ok()
        .or_else(|| output("git", &["rev-parse", "HEAD"]))
        .unwrap_or_else(|| "unknown".into());
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let version = output(&rustc, &["--version"]).unwrap_or_else(|| "unknown".into());
    println!("cargo:rustc-env=INTENT_SIGNER_GIT_HEAD={head}");
    println!("cargo:rustc-env=INTENT_SIGNER_RUSTC={version}");
    println!("cargo:rerun-if-env-changed=INTENT_SIGNER_GIT_HEAD");
    println!("cargo:rerun-if-changed=.git/HEAD");
}
