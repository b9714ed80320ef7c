//! The README lists exactly the crate's error codes.

use intent_signer::intent::WARNING_CODES;
use intent_signer::Error;

const README: &str = include_str!("../README.md");

#[test]
fn readme_error_table_matches_the_enum() {
    let section = README
        .split("## Error codes")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .and_then(|s| s.split("### Warning codes").next())
        .expect("an Error codes section");
    let listed: Vec<&str> = section
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split('`').next())
        .collect();
    assert_eq!(listed, Error::CODES);
    let section = README
        .split("### Warning codes")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("a Warning codes section");
    for w in WARNING_CODES
        .iter()
        .chain(intent_signer::intent_review::REVIEW_CODES)
    {
        assert!(
            section.contains(&format!("`{w}`")),
            "warning {w} not in README"
        );
    }
}
