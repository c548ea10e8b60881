//! TBX: TBX 2 (`martif`, ISO 30042:2008, what OmegaT and translate-toolkit
//! read) and TBX v3 in the TBX-Basic dialect, DCA style
//! (`urn:iso:std:iso:30042:ed-2`).
//!
//! Takes [`Term`]s (export) or decoded XML (import); returns a TBX document
//! or the terms. Invariant: the output is well-formed XML that starts with
//! `<?xml version="1.0" encoding="UTF-8"?>`, and importing it gives the same
//! terms back (for trimmed terms without characters XML 1.0 forbids; those
//! characters are removed and reported in `dropped`).
//!
//! # Mapping
//!
//! One entry (`termEntry id="t1"` in TBX 2, `conceptEntry id="c1"` in v3)
//! per term, with, in this order:
//!
//! | tolk       | TBX                                                               |
//! |------------|-------------------------------------------------------------------|
//! | `kind`     | entry-level `<descrip type="subjectField">person</descrip>`        |
//! | `origin`   | entry-level `<descrip type="origin">ru</descrip>` (tolk's own data category) |
//! | `note`     | entry-level `<note>`                                              |
//! | `nl`       | first term of `xml:lang="nl"`, `preferredTerm-admn-sts`            |
//! | `variants` | further `nl` terms, `admittedTerm-admn-sts`                        |
//! | `en`       | first term of `xml:lang="en"`, `preferredTerm-admn-sts`            |
//! | `avoid`    | further `en` terms, `deprecatedTerm-admn-sts`                      |
//!
//! Terms sit in `tig` (TBX 2) or `termSec` (v3), each with its
//! `<termNote type="administrativeStatus">`. Empty `kind`, `origin` and
//! `note` are left out. The v3 output carries no `<?xml-model?>` processing
//! instructions: the published TBX-Basic schemas are for another namespace
//! edition, and `origin` is not a TBX-Basic data category.
//!
//! Import reads either version (and DCT-style `<administrativeStatus>`,
//! `<subjectField>` elements, `ntig`/`termGrp`), matching elements by local
//! name and languages by primary subtag (`nl-BE` is Dutch). Per entry: `nl` is
//! the first preferred Dutch term (else the first not deprecated), every
//! other Dutch term is a variant; `en` is the first preferred English term
//! (else the first not deprecated or superseded); deprecated and superseded
//! English terms are `avoid`; other admitted English terms and other
//! languages are ignored. A `subjectField` that is not a tolk kind is
//! ignored; notes at any level are joined with `; `. All text is trimmed.

use super::text::{entries, is_dutch_code, is_english_code, line_at};
use super::{Export, FormatError, Kind, Origin, Term};
use quick_xml::escape::{escape, resolve_predefined_entity};
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::{Reader, Writer};
use std::io;

/// Which TBX to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Version {
    /// TBX 2, `martif`.
    Tbx2,
    /// TBX v3, TBX-Basic dialect, DCA style.
    Tbx3,
}

/// The TBX v3 namespace.
pub(super) const TBX3_NAMESPACE: &str = "urn:iso:std:iso:30042:ed-2";

const PREFERRED: &str = "preferredTerm-admn-sts";
const ADMITTED: &str = "admittedTerm-admn-sts";
const DEPRECATED: &str = "deprecatedTerm-admn-sts";

struct Names {
    entry: &'static str,
    lang: &'static str,
    group: &'static str,
    id_prefix: &'static str,
}

impl Version {
    fn names(self) -> Names {
        match self {
            Version::Tbx2 => Names {
                entry: "termEntry",
                lang: "langSet",
                group: "tig",
                id_prefix: "t",
            },
            Version::Tbx3 => Names {
                entry: "conceptEntry",
                lang: "langSec",
                group: "termSec",
                id_prefix: "c",
            },
        }
    }
}

/// Export `terms` as TBX.
pub(super) fn export(terms: &[Term], version: Version) -> Export {
    let mut out = Out {
        w: Writer::new_with_indent(Vec::new(), b' ', 2),
        dirty: false,
    };
    let mut cleaned = 0;
    // Writing to a Vec cannot fail.
    out.document(terms, version, &mut cleaned)
        .expect("write to memory");
    let mut bytes = out.w.into_inner();
    bytes.push(b'\n');
    let mut dropped = Vec::new();
    if cleaned > 0 {
        dropped.push(format!(
            "control characters in {}: removed (XML 1.0 cannot carry them)",
            entries(cleaned)
        ));
    }
    Export { bytes, dropped }
}

struct Out {
    w: Writer<Vec<u8>>,
    /// The text written since the last reset had characters XML forbids.
    dirty: bool,
}

impl Out {
    fn document(
        &mut self,
        terms: &[Term],
        version: Version,
        cleaned: &mut usize,
    ) -> io::Result<()> {
        self.w
            .write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        let (root, header) = match version {
            Version::Tbx2 => {
                let root = BytesStart::new("martif")
                    .with_attributes([("type", "TBX"), ("xml:lang", "nl")]);
                (root, "martifHeader")
            }
            Version::Tbx3 => {
                let root = BytesStart::new("tbx").with_attributes([
                    ("type", "TBX-Basic"),
                    ("style", "dca"),
                    ("xml:lang", "nl"),
                    ("xmlns", TBX3_NAMESPACE),
                ]);
                (root, "tbxHeader")
            }
        };
        let root_name = root.name().as_ref().to_owned();
        self.w.write_event(Event::Start(root))?;
        self.start(header, &[])?;
        self.start("fileDesc", &[])?;
        self.start("sourceDesc", &[])?;
        self.text_element("p", &[], "nl-en glossary, exported by tolk")?;
        self.end("sourceDesc")?;
        self.end("fileDesc")?;
        self.end(header)?;
        self.start("text", &[])?;
        self.start("body", &[])?;
        let names = version.names();
        for (i, term) in terms.iter().enumerate() {
            self.dirty = false;
            self.entry(term, &names, &format!("{}{}", names.id_prefix, i + 1))?;
            if self.dirty {
                *cleaned += 1;
            }
        }
        self.end("body")?;
        self.end("text")?;
        self.end(&root_name)
    }

    fn entry(&mut self, term: &Term, n: &Names, id: &str) -> io::Result<()> {
        self.start(n.entry, &[("id", id)])?;
        if let Some(kind) = term.kind {
            self.text_element("descrip", &[("type", "subjectField")], kind.as_str())?;
        }
        if let Some(origin) = term.origin {
            self.text_element("descrip", &[("type", "origin")], origin.as_str())?;
        }
        if !term.note.is_empty() {
            self.text_element("note", &[], &term.note)?;
        }
        self.start(n.lang, &[("xml:lang", "nl")])?;
        self.term(n, &term.nl, PREFERRED)?;
        for v in &term.variants {
            self.term(n, v, ADMITTED)?;
        }
        self.end(n.lang)?;
        self.start(n.lang, &[("xml:lang", "en")])?;
        self.term(n, &term.en, PREFERRED)?;
        for a in &term.avoid {
            self.term(n, a, DEPRECATED)?;
        }
        self.end(n.lang)?;
        self.end(n.entry)
    }

    fn term(&mut self, n: &Names, text: &str, status: &str) -> io::Result<()> {
        self.start(n.group, &[])?;
        self.text_element("term", &[], text)?;
        self.text_element("termNote", &[("type", "administrativeStatus")], status)?;
        self.end(n.group)
    }

    fn start(&mut self, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
        let el = BytesStart::new(name).with_attributes(attrs.iter().copied());
        self.w.write_event(Event::Start(el))
    }

    fn end(&mut self, name: &str) -> io::Result<()> {
        self.w.write_event(Event::End(BytesEnd::new(name)))
    }

    fn text_element(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) -> io::Result<()> {
        let escaped = self.escape_text(text);
        self.w
            .create_element(name)
            .with_attributes(attrs.iter().copied())
            .write_text_content(BytesText::from_escaped(escaped))?;
        Ok(())
    }

    /// Escape `text` for element content: quick-xml's escaping, plus CR as a
    /// character reference (a literal CR would be read back as LF); characters
    /// XML 1.0 forbids are left out (and noted in `dirty`).
    fn escape_text(&mut self, text: &str) -> String {
        let allowed: String = text.chars().filter(|&c| is_xml_char(c)).collect();
        if allowed.len() != text.len() {
            self.dirty = true;
        }
        escape(allowed.as_str()).replace('\r', "&#13;")
    }
}

/// A character XML 1.0 allows in a document.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Read TBX 2 or TBX v3.
pub(super) fn import(text: &str) -> Result<Vec<Term>, FormatError> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().expand_empty_elements = true;
    let mut p = Parser::default();
    loop {
        let pos = reader.buffer_position() as usize;
        let line = line_at(text, pos);
        let event = reader.read_event().map_err(|e| FormatError::Parse {
            line: line_at(text, reader.error_position() as usize),
            message: format!("invalid XML: {e}"),
        })?;
        match event {
            Event::Start(e) => p.start(&e, line)?,
            Event::End(e) => p.end(e.local_name().as_ref())?,
            Event::Text(t) => p.text(&t.xml10_content()),
            Event::CData(t) => p.text(&t.xml10_content()),
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => match resolve_predefined_entity(&r) {
                        Some(s) => s.to_owned(),
                        None => {
                            return Err(FormatError::Parse {
                                line,
                                message: format!("unknown entity `&{};`", &*r),
                            });
                        }
                    },
                    Err(e) => {
                        return Err(FormatError::Parse {
                            line,
                            message: format!("invalid character reference `&{};`: {e}", &*r),
                        });
                    }
                };
                p.text(&resolved);
            }
            Event::Eof => return p.finish(line),
            _ => {}
        }
    }
}

/// What the text being collected is for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Term,
    Status,
    Subject,
    Origin,
    Note,
}

struct Capture {
    field: Field,
    /// Element depth of the element whose text this is.
    depth: usize,
    line: usize,
    text: String,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Lang {
    Dutch,
    English,
    Other,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Status {
    Preferred,
    Admitted,
    Deprecated,
    Unmarked,
}

impl Status {
    fn parse(s: &str) -> Status {
        let s = s.trim().to_ascii_lowercase();
        let s = s.strip_suffix("-admn-sts").unwrap_or(&s);
        match s.strip_suffix("term").unwrap_or(s) {
            "preferred" => Status::Preferred,
            "admitted" => Status::Admitted,
            "deprecated" | "superseded" | "notrecommended" | "forbidden" => Status::Deprecated,
            _ => Status::Unmarked,
        }
    }
}

#[derive(Default)]
struct Group {
    line: usize,
    term: Option<String>,
    status: Option<String>,
}

struct Concept {
    element: String,
    id: String,
    line: usize,
    kind: Option<String>,
    origin: Option<(String, usize)>,
    notes: Vec<String>,
    nl: Vec<(String, Status)>,
    en: Vec<(String, Status)>,
}

#[derive(Default)]
struct Parser {
    /// Names of the open elements.
    stack: Vec<String>,
    root_seen: bool,
    concept: Option<Concept>,
    lang: Option<Lang>,
    group: Option<Group>,
    capture: Option<Capture>,
    terms: Vec<Term>,
}

impl Parser {
    fn start(&mut self, e: &BytesStart, line: usize) -> Result<(), FormatError> {
        let name = e.local_name().as_ref().to_owned();
        let err = |message: String| FormatError::Parse { line, message };
        if self.stack.is_empty() {
            if self.root_seen {
                return Err(err(format!("a second root element `<{name}>`")));
            }
            if name != "martif" && name != "tbx" {
                return Err(err(format!(
                    "not a TBX file: the root element is `<{name}>`, not `<martif>` (TBX 2) or `<tbx>` (TBX v3)"
                )));
            }
            self.root_seen = true;
        }
        self.stack.push(name);
        let depth = self.stack.len();
        let name = self.stack[depth - 1].as_str();
        if self.capture.is_some() {
            return Ok(()); // inline markup inside collected text
        }
        let field = match name {
            "termEntry" | "conceptEntry" => {
                self.concept = Some(Concept {
                    element: name.to_owned(),
                    id: attr(e, "id", line)?.unwrap_or_default(),
                    line,
                    kind: None,
                    origin: None,
                    notes: Vec::new(),
                    nl: Vec::new(),
                    en: Vec::new(),
                });
                None
            }
            "langSet" | "langSec" if self.concept.is_some() => {
                let Some(code) = attr(e, "lang", line)? else {
                    return Err(err(format!("`<{name}>` without `xml:lang`")));
                };
                self.lang = Some(if is_dutch_code(&code) {
                    Lang::Dutch
                } else if is_english_code(&code) {
                    Lang::English
                } else {
                    Lang::Other
                });
                None
            }
            "tig" | "ntig" | "termSec" if self.lang.is_some() => {
                self.group = Some(Group {
                    line,
                    ..Group::default()
                });
                None
            }
            "term" if self.group.is_some() => Some(Field::Term),
            "termNote" if self.group.is_some() => (attr(e, "type", line)?.as_deref()
                == Some("administrativeStatus"))
            .then_some(Field::Status),
            "administrativeStatus" if self.group.is_some() => Some(Field::Status),
            "descrip" if self.concept.is_some() => match attr(e, "type", line)?.as_deref() {
                Some("subjectField") => Some(Field::Subject),
                Some("origin") => Some(Field::Origin),
                _ => None,
            },
            "subjectField" if self.concept.is_some() => Some(Field::Subject),
            "note" if self.concept.is_some() => Some(Field::Note),
            _ => None,
        };
        if let Some(field) = field {
            self.capture = Some(Capture {
                field,
                depth,
                line,
                text: String::new(),
            });
        }
        Ok(())
    }

    fn text(&mut self, s: &str) {
        if let Some(c) = &mut self.capture {
            c.text.push_str(s);
        }
    }

    fn end(&mut self, name: &str) -> Result<(), FormatError> {
        let depth = self.stack.len();
        self.stack.pop();
        if let Some(c) = self.capture.take_if(|c| c.depth == depth) {
            self.captured(c);
            return Ok(());
        }
        if self.capture.is_some() {
            return Ok(());
        }
        match name {
            "tig" | "ntig" | "termSec" if self.group.is_some() => {
                let group = self.group.take().unwrap_or_default();
                let Some(term) = group.term else {
                    return Err(FormatError::Parse {
                        line: group.line,
                        message: format!("`<{name}>` without `<term>`"),
                    });
                };
                let status = Status::parse(group.status.as_deref().unwrap_or(""));
                if let Some(c) = &mut self.concept {
                    match self.lang {
                        Some(Lang::Dutch) => c.nl.push((term, status)),
                        Some(Lang::English) => c.en.push((term, status)),
                        _ => {}
                    }
                }
            }
            "langSet" | "langSec" => self.lang = None,
            "termEntry" | "conceptEntry" => {
                if let Some(c) = self.concept.take() {
                    self.terms.push(c.into_term()?);
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn captured(&mut self, c: Capture) {
        let text = c.text.trim().to_owned();
        match c.field {
            Field::Term => {
                if let Some(g) = &mut self.group {
                    g.term.get_or_insert(text);
                }
            }
            Field::Status => {
                if let Some(g) = &mut self.group {
                    g.status.get_or_insert(text);
                }
            }
            Field::Subject => {
                if let Some(k) = &mut self.concept {
                    k.kind.get_or_insert(text);
                }
            }
            Field::Origin => {
                if let Some(k) = &mut self.concept {
                    k.origin.get_or_insert((text, c.line));
                }
            }
            Field::Note => {
                if let Some(k) = &mut self.concept
                    && !text.is_empty()
                {
                    k.notes.push(text);
                }
            }
        }
    }

    fn finish(self, line: usize) -> Result<Vec<Term>, FormatError> {
        if let Some(open) = self.stack.last() {
            return Err(FormatError::Parse {
                line,
                message: format!("unexpected end of file: `<{open}>` is not closed"),
            });
        }
        if !self.root_seen {
            return Err(FormatError::Parse {
                line: 1,
                message: "not a TBX file: no root element".into(),
            });
        }
        Ok(self.terms)
    }
}

impl Concept {
    fn into_term(self) -> Result<Term, FormatError> {
        let what = if self.id.is_empty() {
            format!("`<{}>`", self.element)
        } else {
            format!("`<{} id=\"{}\">`", self.element, self.id)
        };
        let err = |message: String| FormatError::Parse {
            line: self.line,
            message,
        };
        let pick = |terms: &[(String, Status)]| {
            terms
                .iter()
                .position(|t| t.1 == Status::Preferred)
                .or_else(|| terms.iter().position(|t| t.1 != Status::Deprecated))
        };
        if self.nl.is_empty() {
            return Err(err(format!("{what} has no Dutch (`nl`) term")));
        }
        let nl_at = pick(&self.nl).unwrap_or(0);
        let Some(en_at) = pick(&self.en) else {
            return Err(err(format!(
                "{what} has no English (`en`) term that is not deprecated"
            )));
        };
        let origin = match &self.origin {
            None => None,
            Some((s, line)) => Origin::parse(s).map_err(|()| FormatError::Parse {
                line: *line,
                message: format!("unknown origin `{s}` (expected ru, uk or other)"),
            })?,
        };
        let kind = self
            .kind
            .as_deref()
            .filter(|s| !s.is_empty())
            .and_then(Kind::parse);
        let mut nl = self.nl;
        let mut en = self.en;
        let (nl_term, _) = nl.remove(nl_at);
        let (en_term, _) = en.remove(en_at);
        Ok(Term {
            nl: nl_term,
            en: en_term,
            kind,
            variants: nl.into_iter().map(|t| t.0).collect(),
            avoid: en
                .into_iter()
                .filter(|t| t.1 == Status::Deprecated)
                .map(|t| t.0)
                .collect(),
            origin,
            note: self.notes.join("; "),
        })
    }
}

/// The value of the attribute with local name `name` (`lang` finds
/// `xml:lang`), unescaped.
fn attr(e: &BytesStart, name: &str, line: usize) -> Result<Option<String>, FormatError> {
    for a in e.attributes() {
        let a = a.map_err(|err| FormatError::Parse {
            line,
            message: format!("invalid attribute: {err}"),
        })?;
        if a.key.local_name().as_ref() == name {
            let v = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|err| FormatError::Parse {
                    line,
                    message: format!("invalid attribute value: {err}"),
                })?;
            return Ok(Some(v.trim().to_owned()));
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_tbx_status_parse() {
        assert!(Status::parse("preferredTerm-admn-sts") == Status::Preferred);
        assert!(Status::parse("supersededTerm-admn-sts") == Status::Deprecated);
        assert!(Status::parse("deprecated") == Status::Deprecated);
        assert!(Status::parse("whatever") == Status::Unmarked);
    }

    #[test]
    fn formats_tbx_reads_foreign_file() {
        let xml = r#"<?xml version="1.0"?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif type="TBX" xml:lang="en">
 <text><body>
  <termEntry>
   <descrip type="subjectField">Politics</descrip>
   <langSet xml:lang="en-GB"><ntig><termGrp><term>Kyiv</term></termGrp></ntig>
     <tig><term>Kiev</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></tig></langSet>
   <langSet xml:lang="de"><tig><term>Kiew</term></tig></langSet>
   <langSet xml:lang="nl-BE"><tig><term> Kiev </term><note>hoofdstad</note></tig></langSet>
  </termEntry>
 </body></text>
</martif>"#;
        let t = import(xml).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            t,
            [Term {
                nl: "Kiev".into(),
                en: "Kyiv".into(),
                avoid: vec!["Kiev".into()],
                note: "hoofdstad".into(),
                ..Term::default()
            }]
        );
    }

    #[test]
    fn formats_tbx_errors_have_lines() {
        let e = import("<martif>\n<text>\n<body>\n</text>").unwrap_err();
        assert!(matches!(e, FormatError::Parse { line: 4, .. }), "{e:?}");
        let e = import("<martif><text><body>\n<termEntry id=\"x\"><langSet xml:lang=\"nl\"><tig><term>a</term></tig></langSet></termEntry></body></text></martif>").unwrap_err();
        assert!(
            matches!(e, FormatError::Parse { line: 2, ref message } if message.contains("English")),
            "{e:?}"
        );
        let e = import("<html/>").unwrap_err();
        assert!(matches!(e, FormatError::Parse { line: 1, .. }));
        let e = import("<tbx>\n<x>&nbsp;</x></tbx>").unwrap_err();
        assert!(matches!(e, FormatError::Parse { line: 2, .. }), "{e:?}");
    }
}
