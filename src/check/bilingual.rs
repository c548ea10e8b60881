//! Reading bilingual files for `tolk check`: tolk's TSV, TMX (any writer),
//! XLIFF 1.2 and XLIFF 2.0.
//!
//! Takes the decoded file; returns one [`Unit`] per sentence pair (TSV row,
//! TMX `tu`, XLIFF `trans-unit` or `segment`). The format is recognised from
//! the content. Units carry the paragraph and sentence numbers tolk writes
//! (`p3-s2` in ids, the TSV columns); for other writers' files the unit's
//! position is its paragraph number. Invariant: an error names the line.

use super::Unit;
use quick_xml::Reader;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};

/// A bilingual file could not be read.
#[derive(Debug, Clone, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ReadError {
    pub line: usize,
    pub message: String,
}

fn line_at(text: &str, pos: usize) -> usize {
    text.as_bytes()[..pos.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Read a bilingual file, whichever of the formats it is.
pub fn read(text: &str) -> Result<Vec<Unit>, ReadError> {
    let start = text.trim_start_matches('\u{FEFF}').trim_start();
    let units = if start.starts_with('<') {
        read_xml(text)?
    } else {
        read_tsv(text)?
    };
    if units.is_empty() {
        return Err(ReadError {
            line: 1,
            message: "no sentence pairs (expected tolk's TSV, TMX or XLIFF)".into(),
        });
    }
    Ok(units)
}

fn unescape_tsv(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// tolk's TSV: `paragraph<TAB>sentence<TAB>nl<TAB>en[<TAB>path]`.
fn read_tsv(text: &str) -> Result<Vec<Unit>, ReadError> {
    let mut lines = text.lines().enumerate();
    let Some((_, header)) = lines.next() else {
        return Ok(Vec::new());
    };
    let cols: Vec<&str> = header.trim_start_matches('\u{FEFF}').split('\t').collect();
    let col = |n: &str| cols.iter().position(|c| c.trim() == n);
    let (Some(p), Some(s), Some(nl), Some(en)) =
        (col("paragraph"), col("sentence"), col("nl"), col("en"))
    else {
        return Err(ReadError {
            line: 1,
            message: "not a bilingual file: expected tolk's TSV header `paragraph, sentence, nl, en` (tab-separated), TMX or XLIFF".into(),
        });
    };
    let mut out = Vec::new();
    for (i, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let get = |k: usize| f.get(k).copied().unwrap_or("");
        let num = |k: usize| {
            get(k).trim().parse::<usize>().map_err(|_| ReadError {
                line: i + 1,
                message: format!("expected a number in column {}, found {:?}", k + 1, get(k)),
            })
        };
        if f.len() < cols.len().min(4) {
            return Err(ReadError {
                line: i + 1,
                message: format!("{} fields where the header has {}", f.len(), cols.len()),
            });
        }
        out.push(Unit {
            paragraph: num(p)?,
            sentence: Some(num(s)?),
            nl: unescape_tsv(get(nl)),
            en: unescape_tsv(get(en)),
        });
    }
    Ok(out)
}

fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// `p3-s2` (or `p3s2`) in an id: paragraph and sentence.
fn numbers_in_id(id: &str) -> Option<(usize, usize)> {
    let i = id.rfind('p')?;
    let rest = &id[i + 1..];
    let (p, s) = rest.split_once('s')?;
    let p = p.trim_end_matches('-').parse().ok()?;
    let s = s.parse().ok()?;
    Some((p, s))
}

#[derive(Default)]
struct XmlState {
    units: Vec<Unit>,
    /// The current unit's id, source and target.
    id: Option<String>,
    nl: Option<String>,
    en: Option<String>,
    /// TMX: the language of the current `tuv`.
    lang: Option<String>,
    /// Where text goes now: 1 source, 2 target.
    into: u8,
    /// Depth inside an element whose text is not the segment's (XLIFF 2
    /// glossary module, notes).
    skip: usize,
    /// Nesting depth of inline elements inside the current source/target.
    depth: usize,
    tmx: bool,
}

impl XmlState {
    fn push_text(&mut self, t: &str) {
        if self.skip > 0 {
            return;
        }
        match self.into {
            1 => self.nl.get_or_insert_with(String::new).push_str(t),
            2 => self.en.get_or_insert_with(String::new).push_str(t),
            _ => {}
        }
    }

    fn finish_unit(&mut self) {
        let (Some(nl), en) = (self.nl.take(), self.en.take()) else {
            self.id = None;
            return;
        };
        let n = self.units.len() + 1;
        let (paragraph, sentence) = match self.id.take().as_deref().and_then(numbers_in_id) {
            Some((p, s)) => (p, Some(s)),
            None => (n, None),
        };
        self.units.push(Unit {
            paragraph,
            sentence,
            nl: nl.trim().to_owned(),
            en: en.unwrap_or_default().trim().to_owned(),
        });
    }
}

fn is_dutch(lang: &str) -> bool {
    lang.to_ascii_lowercase().starts_with("nl")
}

/// TMX, XLIFF 1.2 and XLIFF 2.0.
fn read_xml(text: &str) -> Result<Vec<Unit>, ReadError> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().expand_empty_elements = true;
    let mut st = XmlState::default();
    // XLIFF 1.2 `file` and XLIFF 2 `xliff` say which language is the source.
    let mut source_is_dutch = true;
    loop {
        let event = reader.read_event().map_err(|e| ReadError {
            line: line_at(text, reader.error_position() as usize),
            message: format!("invalid XML: {e}"),
        })?;
        match event {
            Event::Start(e) => {
                let local = e.local_name();
                let name: &str = local.into_inner();
                if st.skip > 0 {
                    st.skip += 1;
                    continue;
                }
                if st.into != 0 {
                    st.depth += 1;
                    continue;
                }
                match name {
                    "tmx" => st.tmx = true,
                    "xliff" | "file" => {
                        if let Some(l) = attr(&e, "srcLang").or_else(|| attr(&e, "source-language"))
                        {
                            source_is_dutch = is_dutch(&l);
                        }
                    }
                    "tu" | "trans-unit" | "unit" => {
                        st.id = attr(&e, "tuid").or_else(|| attr(&e, "id"));
                        st.nl = None;
                        st.en = None;
                    }
                    "segment" => {
                        // XLIFF 2: several segments per unit are several units.
                        if st.nl.is_some() {
                            let id = st.id.clone();
                            st.finish_unit();
                            st.id = id;
                        }
                        if let Some(id) = attr(&e, "id").filter(|i| numbers_in_id(i).is_some()) {
                            st.id = Some(id);
                        }
                    }
                    "tuv" => st.lang = attr(&e, "lang"),
                    "seg" if st.tmx => {
                        st.into = if st.lang.as_deref().is_some_and(is_dutch) {
                            1
                        } else {
                            2
                        };
                        st.depth = 0;
                    }
                    "source" => {
                        st.into = if source_is_dutch { 1 } else { 2 };
                        st.depth = 0;
                    }
                    "target" => {
                        st.into = if source_is_dutch { 2 } else { 1 };
                        st.depth = 0;
                    }
                    "glossary" | "note" | "notes" | "alt-trans" | "originalData" | "header" => {
                        st.skip = 1
                    }
                    _ => {}
                }
            }
            Event::End(e) => {
                if st.skip > 0 {
                    st.skip -= 1;
                    continue;
                }
                if st.into != 0 && st.depth > 0 {
                    st.depth -= 1;
                    continue;
                }
                let local = e.local_name();
                let name: &str = local.into_inner();
                match name {
                    "seg" | "source" | "target" => st.into = 0,
                    "tu" | "trans-unit" | "unit" => st.finish_unit(),
                    _ => {}
                }
            }
            Event::Text(t) => {
                st.push_text(&t.xml10_content());
            }
            Event::CData(t) => {
                st.push_text(&t.xml10_content());
            }
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => resolve_predefined_entity(&r)
                        .map(str::to_owned)
                        .ok_or_else(|| ReadError {
                            line: line_at(text, reader.buffer_position() as usize),
                            message: format!("unknown entity `&{};`", &*r),
                        })?,
                };
                st.push_text(&resolved);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(st.units)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_tmx_and_both_xliff_versions() {
        let tsv = "paragraph\tsentence\tnl\ten\n1\t1\tPoetin zei:\\t\"ja\".\tPutin said:\\t\"yes\".\n2\t1\tKiev.\tKyiv.\n";
        let u = read(tsv).unwrap();
        assert_eq!(u.len(), 2);
        assert_eq!(u[0].nl, "Poetin zei:\t\"ja\".");
        assert_eq!((u[1].paragraph, u[1].sentence), (2, Some(1)));

        let tmx = r#"<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="x" srclang="nl-NL" adminlang="en" datatype="plaintext" segtype="sentence" o-tmf="x" creationtoolversion="1"/>
<body><tu tuid="d1-p3-s2"><tuv xml:lang="en-GB"><seg>Putin &amp; Kyiv.</seg></tuv><tuv xml:lang="nl-NL"><seg>Poetin &amp; <bpt i="1">&lt;b&gt;</bpt>Kiev<ept i="1">&lt;/b&gt;</ept>.</seg></tuv></tu>
<tu><tuv lang="NL"><seg>Twee.</seg></tuv><tuv lang="EN"><seg>Two.</seg></tuv></tu></body></tmx>"#;
        let u = read(tmx).unwrap();
        assert_eq!(u.len(), 2);
        assert_eq!((u[0].paragraph, u[0].sentence), (3, Some(2)));
        assert_eq!(u[0].nl, "Poetin & <b>Kiev</b>.");
        assert_eq!(u[0].en, "Putin & Kyiv.");
        assert_eq!(
            (u[1].paragraph, u[1].sentence, u[1].nl.as_str()),
            (2, None, "Twee.")
        );

        let x12 = r#"<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a.txt" source-language="nl" target-language="en" datatype="plaintext"><body>
<trans-unit id="p1s1"><source>Poetin bezocht <g id="1">Kiev</g>.</source><target state="translated">Putin visited <g id="1">Kyiv</g>.</target><note>n</note></trans-unit></body></file></xliff>"#;
        let u = read(x12).unwrap();
        assert_eq!(
            (u[0].nl.as_str(), u[0].en.as_str()),
            ("Poetin bezocht Kiev.", "Putin visited Kyiv.")
        );

        let x20 = r##"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:gls="urn:oasis:names:tc:xliff:glossary:2.0" version="2.0" srcLang="nl" trgLang="en"><file id="f1">
<unit id="u1"><gls:glossary><gls:glossEntry ref="#m1"><gls:term>Poetin</gls:term><gls:translation>Putin</gls:translation></gls:glossEntry></gls:glossary>
<segment id="p1-s1"><source><mrk id="m1" type="term">Poetin</mrk> zweeg.</source><target>Putin was silent.</target></segment>
<segment id="p1-s2"><source>Kiev ook.</source><target>Kyiv too.</target></segment></unit></file></xliff>"##;
        let u = read(x20).unwrap();
        assert_eq!(u.len(), 2);
        assert_eq!(
            (u[0].nl.as_str(), u[0].en.as_str()),
            ("Poetin zweeg.", "Putin was silent.")
        );
        assert_eq!((u[1].paragraph, u[1].sentence), (1, Some(2)));
    }

    #[test]
    fn errors_name_the_line() {
        let e = read("paragraph\tsentence\tnl\ten\nx\t1\ta\tb\n").unwrap_err();
        assert_eq!(e.line, 2);
        let e = read("<tmx>\n<body>\n<tu></body>").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(read("hello\tworld\n").is_err());
    }
}
