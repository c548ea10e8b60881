//! The canonical form of a glossary file, for `tolk glossary fmt`.
//!
//! Takes a [`GlossaryDoc`]; returns the same rows in one diff-friendly form:
//! sorted by kind (in [`Kind::ALL`] order) then Dutch match key, every cell
//! NFC and trimmed (runs of spaces in known columns made one), `|` lists
//! without empty or repeated items, CSV quoting only where needed, no blank
//! lines. Comments before the header stay on top; a comment inside the data
//! moves with the row after it. The byte order mark and the line-ending
//! style are kept. Invariant: formatting is idempotent and the formatted
//! file loads to the same entries.

use super::edit::{GlossaryDoc, csv_line};
use super::entry::Kind;
use crate::normalize::match_key;
use unicode_normalization::UnicodeNormalization;

/// Clean one cell: NFC, trimmed; in known columns, inner runs of whitespace
/// made one space; in list columns, items trimmed, empties and repeats dropped.
fn clean_cell(column: &str, value: &str) -> String {
    let nfc: String = value.nfc().collect();
    let trimmed = nfc.trim();
    match column {
        "variants" | "avoid" => {
            let mut items: Vec<String> = Vec::new();
            for item in trimmed.split('|') {
                let item = collapse(item.trim());
                if !item.is_empty() && !items.contains(&item) {
                    items.push(item);
                }
            }
            items.join("|")
        }
        "kind" | "origin" => trimmed.to_lowercase(),
        "nl" | "en" | "note" => collapse(trimmed),
        _ => trimmed.to_owned(),
    }
}

/// A data row with the comments above it and where it sorts.
struct SortedRow {
    /// Kind position (of the first row with this key), Dutch match key,
    /// original position.
    key: (usize, String, usize),
    comments: Vec<String>,
    row: String,
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl GlossaryDoc {
    /// The file in canonical form (see the module documentation).
    pub fn formatted(&self) -> Vec<u8> {
        let header_k = self.header.expect("a parsed glossary has a header");
        let headers: Vec<String> = self.records[header_k]
            .fields
            .iter()
            .map(|h| {
                let known = |name: &str| super::KNOWN_COLUMNS.contains(&name);
                let cleaned = clean_cell("", h);
                let lower = cleaned.to_ascii_lowercase();
                if !known(&lower) {
                    cleaned
                } else if known(&h.trim().to_ascii_lowercase()) {
                    lower
                } else {
                    // Known only once in NFC (a KELVIN SIGN for the `K`):
                    // the loader reads the name as written, so keep it.
                    h.trim().to_owned()
                }
            })
            .collect();
        let col = |name: &str| headers.iter().position(|h| h == name);
        let (nl_col, kind_col) = (col("nl"), col("kind"));

        let mut top: Vec<String> = Vec::new();
        let mut pending: Vec<String> = Vec::new();
        let mut rows: Vec<SortedRow> = Vec::new();
        let mut first_kind: std::collections::HashMap<String, usize> =
            std::collections::HashMap::new();
        for (k, r) in self.records.iter().enumerate() {
            if r.comment {
                let text = self.text[r.range.clone()].trim_end().to_owned();
                if k < header_k {
                    top.push(text);
                } else {
                    pending.push(text);
                }
                continue;
            }
            if k == header_k {
                continue;
            }
            let fields: Vec<String> = r
                .fields
                .iter()
                .enumerate()
                .map(|(i, v)| clean_cell(headers.get(i).map_or("", String::as_str), v))
                .collect();
            let nl = nl_col
                .and_then(|i| fields.get(i))
                .cloned()
                .unwrap_or_default();
            let kind = kind_col
                .and_then(|i| fields.get(i))
                .and_then(|k| Kind::parse(k))
                .map_or(Kind::ALL.len(), |k| {
                    Kind::ALL.iter().position(|x| *x == k).unwrap_or(0)
                });
            // Rows with one Dutch key keep their order (the first one wins
            // on loading) and sort by the kind of the first.
            let mkey = match_key(&nl);
            let kind = *first_kind.entry(mkey.clone()).or_insert(kind);
            let key = (kind, mkey, rows.len());
            rows.push(SortedRow {
                key,
                comments: std::mem::take(&mut pending),
                row: csv_line(&fields),
            });
        }
        rows.sort_by(|a, b| a.key.cmp(&b.key));

        let nl = self.newline;
        let mut out = String::with_capacity(self.text.len());
        if self.bom {
            out.push('\u{FEFF}');
        }
        for line in top {
            out.push_str(&line);
            out.push_str(nl);
        }
        out.push_str(&csv_line(&headers));
        out.push_str(nl);
        for r in rows {
            for c in r.comments {
                out.push_str(&c);
                out.push_str(nl);
            }
            out.push_str(&r.row);
            out.push_str(nl);
        }
        for c in pending {
            out.push_str(&c);
            out.push_str(nl);
        }
        out.into_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(src: &str) -> String {
        let doc = GlossaryDoc::parse("g.csv", src.as_bytes()).unwrap();
        String::from_utf8(doc.formatted()).unwrap()
    }

    #[test]
    fn sorts_by_kind_then_key_and_keeps_comments_with_their_row() {
        let src = "# my glossary\nnl,en,kind,source\n\n# the capital\nMoskou,Moscow,place,atlas\nkerncentrale,nuclear power plant,,\nPoetin,Putin,person,\nAmsterdam,Amsterdam,place,\n# end\n";
        assert_eq!(
            fmt(src),
            "# my glossary\nnl,en,kind,source\nPoetin,Putin,person,\nAmsterdam,Amsterdam,place,\n# the capital\nMoskou,Moscow,place,atlas\nkerncentrale,nuclear power plant,,\n# end\n"
        );
    }

    #[test]
    fn normalizing_a_column_name_does_not_make_it_a_known_column() {
        // U+212A KELVIN SIGN is `K` in NFC: `Kind` written with it is a
        // column of its own for the loader, and stays one.
        let src = "nl,en,\u{212A}ind\nKiev,Kyiv,x\n";
        let out = fmt(src);
        assert_eq!(out, src);
        GlossaryDoc::parse("g.csv", out.as_bytes())
            .unwrap()
            .validate()
            .unwrap();
    }

    #[test]
    fn cleans_cells_and_keeps_bom_and_line_endings() {
        let src = "\u{FEFF}NL , en ,variants\r\n\" Poetin \",Putin,Poetine| |Poetine|  Pu tin \r\nCafe\u{301},  café  au   lait,\r\n";
        let out = fmt(src);
        assert_eq!(
            out,
            "\u{FEFF}nl,en,variants\r\nCafé,café au lait,\r\nPoetin,Putin,Poetine|Pu tin\r\n"
        );
        // Idempotent, and the result loads.
        assert_eq!(fmt(&out), out);
        GlossaryDoc::parse("g.csv", out.as_bytes())
            .unwrap()
            .validate()
            .unwrap();
    }
}
