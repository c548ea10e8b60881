//! tolk's JSON: a pretty-printed array of objects with the keys `nl`, `en`,
//! `kind`, `variants`, `avoid`, `origin` and `note`.
//!
//! Takes [`Term`]s (export) or text (import); returns the JSON or the terms.
//! Export writes every key: `kind` and `origin` as their lowercase names or
//! `null` when none, `variants` and `avoid` as arrays (possibly empty),
//! `note` as a string (possibly empty). Import accepts the same, with any
//! key but `nl` and `en` missing or `null`, and ignores unknown keys.
//! Invariant: import of an export gives the same terms back (lossless).

use super::{Export, FormatError, Kind, Origin, Term};
use serde::{Deserialize, Deserializer, Serialize};

#[derive(Serialize)]
struct OutTerm<'a> {
    nl: &'a str,
    en: &'a str,
    kind: Option<&'static str>,
    variants: &'a [String],
    avoid: &'a [String],
    origin: Option<&'static str>,
    note: &'a str,
}

/// Export `terms` as JSON (nothing is dropped).
pub(super) fn export(terms: &[Term]) -> Export {
    let out: Vec<OutTerm> = terms
        .iter()
        .map(|t| OutTerm {
            nl: &t.nl,
            en: &t.en,
            kind: t.kind.map(Kind::as_str),
            variants: &t.variants,
            avoid: &t.avoid,
            origin: t.origin.map(Origin::as_str),
            note: &t.note,
        })
        .collect();
    // Strings, lists and nulls always serialize.
    let mut bytes = serde_json::to_vec_pretty(&out).expect("serialize plain data");
    bytes.push(b'\n');
    Export {
        bytes,
        dropped: Vec::new(),
    }
}

#[derive(Deserialize)]
struct InTerm {
    #[serde(deserialize_with = "required_text")]
    nl: String,
    #[serde(deserialize_with = "required_text")]
    en: String,
    #[serde(default, deserialize_with = "kind")]
    kind: Option<Kind>,
    #[serde(default, deserialize_with = "list")]
    variants: Vec<String>,
    #[serde(default, deserialize_with = "list")]
    avoid: Vec<String>,
    #[serde(default, deserialize_with = "origin")]
    origin: Option<Origin>,
    #[serde(default, deserialize_with = "text")]
    note: String,
}

/// Read tolk's JSON. Errors carry the line serde_json stopped at.
pub(super) fn import(text: &str) -> Result<Vec<Term>, FormatError> {
    let terms: Vec<InTerm> = serde_json::from_str(text).map_err(|e| FormatError::Parse {
        line: e.line().max(1),
        message: format!("invalid tolk JSON: {e}"),
    })?;
    Ok(terms
        .into_iter()
        .map(|t| Term {
            nl: t.nl,
            en: t.en,
            kind: t.kind,
            variants: t.variants,
            avoid: t.avoid,
            origin: t.origin,
            note: t.note,
        })
        .collect())
}

fn required_text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let s = String::deserialize(d)?;
    if s.trim().is_empty() {
        return Err(serde::de::Error::custom("`nl` and `en` must not be empty"));
    }
    Ok(s)
}

fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(Option::<String>::deserialize(d)?.unwrap_or_default())
}

fn list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    Ok(Option::<Vec<String>>::deserialize(d)?.unwrap_or_default())
}

fn kind<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Kind>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(s) if s.trim().is_empty() => Ok(None),
        Some(s) => Kind::parse(&s).map(Some).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "unknown kind `{s}` (expected one of: {})",
                Kind::ALL.map(Kind::as_str).join(", ")
            ))
        }),
    }
}

fn origin<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Origin>, D::Error> {
    let s = Option::<String>::deserialize(d)?.unwrap_or_default();
    Origin::parse(&s).map_err(|()| {
        serde::de::Error::custom(format!("unknown origin `{s}` (expected ru, uk or other)"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_json_optional_keys_and_errors() {
        let t = import(r#"[{"nl":"Kiev","en":"Kyiv","kind":null,"variants":null,"x":1}]"#).unwrap();
        assert_eq!(
            t,
            [Term {
                nl: "Kiev".into(),
                en: "Kyiv".into(),
                ..Term::default()
            }]
        );
        let e = import("[\n{\"nl\":\"a\",\"en\":\"b\",\n\"kind\":\"planet\"}\n]").unwrap_err();
        assert!(
            matches!(e, FormatError::Parse { line: 3, ref message } if message.contains("planet")),
            "{e:?}"
        );
        let e = import("[\n{\"nl\":\"a\"}\n]").unwrap_err();
        assert!(matches!(e, FormatError::Parse { line: 2, .. }), "{e:?}");
    }
}
