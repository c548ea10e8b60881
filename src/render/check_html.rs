//! The `tolk check --format html` report: one self-contained page (inline
//! CSS, no scripts, no external resources), a summary on top, then two
//! columns with one row per checked unit: glossary terms marked in both
//! languages, each finding marked where it is and listed on its row. All
//! text is escaped.

use super::html::STYLE;
use super::pieces;
use crate::check::{Level, Report};
use crate::glossary::Glossary;
use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};
use std::io::{self, Write};
use std::ops::Range;

const CHECK_STYLE: &str = r#"
.summary { padding: .6rem .8rem; border-radius: 4px; margin: 0 0 1rem; }
.summary.clean { background: #e6f4ea; border: 1px solid #5a9e6f; }
.summary.failed { background: #fdecea; border: 1px solid #c0392b; }
mark.finding { background: none; color: inherit; padding: 0 .1em; }
mark.finding.error { outline: 2px solid #c0392b; }
mark.finding.warning { outline: 2px dashed #d68910; }
ul.findings { margin: .4rem 0 0; padding-left: 1.1rem; font-size: .9rem; }
ul.findings li.error { color: #a93226; }
ul.findings li.warning { color: #9c640c; }
tr.has-error td.n { border-left: 4px solid #c0392b; }
tr.has-warning td.n { border-left: 4px dashed #d68910; }
@media print { mark.finding { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
"#;

/// Spans (byte ranges) of `needle`'s first occurrence in `hay`.
fn first(hay: &str, needle: &str) -> Option<Range<usize>> {
    if needle.is_empty() {
        return None;
    }
    hay.find(needle).map(|i| i..i + needle.len())
}

fn marked(s: &str, spans: &[(Range<usize>, usize)], labels: &[(String, String)]) -> String {
    let mut out = String::with_capacity(s.len() + 64);
    for (r, mark) in pieces(s, spans) {
        match mark {
            Some(i) => out.push_str(&format!(
                "<mark class=\"{}\" title=\"{}\">{}</mark>",
                labels[i].0,
                attr(&labels[i].1),
                text(&s[r])
            )),
            None => out.push_str(&text(&s[r])),
        }
    }
    out
}

/// Write the report page.
pub fn check_report(report: &Report, glossary: &Glossary, out: &mut dyn Write) -> io::Result<()> {
    let (errors, warnings) = (report.count(Level::Error), report.count(Level::Warning));
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>tolk check</title>\n<style>{STYLE}{CHECK_STYLE}</style>\n</head>\n<body>"
    )?;
    writeln!(out, "<h1>Translation check</h1>")?;
    writeln!(
        out,
        "<p class=\"summary {}\"><strong>{}</strong> · {} unit{} checked · {errors} error{} · {warnings} warning{}{}</p>",
        if errors == 0 { "clean" } else { "failed" },
        if errors == 0 {
            "No errors"
        } else {
            "Errors found"
        },
        report.units.len(),
        if report.units.len() == 1 { "" } else { "s" },
        if errors == 1 { "" } else { "s" },
        if warnings == 1 { "" } else { "s" },
        if report.unaligned_paragraphs.is_empty() {
            String::new()
        } else {
            format!(
                " · paragraphs checked whole (sentence counts differ): {}",
                report
                    .unaligned_paragraphs
                    .iter()
                    .map(|p| format!("¶{p}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }
    )?;
    writeln!(
        out,
        "<table>\n<thead><tr><th class=\"n\">#</th><th lang=\"nl\">Dutch</th><th lang=\"en\">English</th></tr></thead>\n<tbody>"
    )?;
    for (u, unit) in report.units.iter().enumerate() {
        let findings: Vec<_> = report.findings.iter().filter(|f| f.unit == u).collect();
        let mut nl_spans = Vec::new();
        let mut en_spans = Vec::new();
        let mut labels: Vec<(String, String)> = Vec::new();
        // Findings first: where marks overlap, the first one wins.
        for f in &findings {
            let class = match f.level {
                Level::Error => "finding error",
                Level::Warning => "finding warning",
            };
            let span = if f.code == "missing-term" {
                first(&unit.nl, &f.text).map(|r| (r, true))
            } else {
                first(&unit.en, &f.text).map(|r| (r, false))
            };
            if let Some((r, in_nl)) = span {
                labels.push((class.to_owned(), f.message.clone()));
                if in_nl {
                    nl_spans.push((r, labels.len() - 1));
                } else {
                    en_spans.push((r, labels.len() - 1));
                }
            }
        }
        for h in crate::tag(glossary, &unit.nl) {
            let e = glossary.entry(h.entry);
            labels.push((
                "term glossary".to_owned(),
                format!("{} → {} · {}", e.nl, e.en, e.location),
            ));
            nl_spans.push((h.start..h.end, labels.len() - 1));
            if let Some(r) = first(&unit.en, &e.en) {
                labels.push((
                    "term glossary".to_owned(),
                    format!("{} → {} · {}", e.nl, e.en, e.location),
                ));
                en_spans.push((r, labels.len() - 1));
            }
        }
        let row_class = if findings.iter().any(|f| f.level == Level::Error) {
            "sentence has-error"
        } else if findings.is_empty() {
            "sentence"
        } else {
            "sentence has-warning"
        };
        let number = match unit.sentence {
            Some(s) => format!("{}.{s}", unit.paragraph),
            None => unit.paragraph.to_string(),
        };
        let list = if findings.is_empty() {
            String::new()
        } else {
            let items: String = findings
                .iter()
                .map(|f| {
                    format!(
                        "<li class=\"{}\">{}[{}]: {}{}</li>",
                        match f.level {
                            Level::Error => "error",
                            Level::Warning => "warning",
                        },
                        match f.level {
                            Level::Error => "error",
                            Level::Warning => "warning",
                        },
                        text(f.code),
                        text(&f.message),
                        f.entry
                            .as_ref()
                            .map(|e| format!(" <span class=\"entry\">({})</span>", text(e)))
                            .unwrap_or_default()
                    )
                })
                .collect();
            format!("<ul class=\"findings\">{items}</ul>")
        };
        writeln!(
            out,
            "<tr class=\"{row_class}\"><td class=\"n\">{number}</td><td lang=\"nl\">{}</td><td lang=\"en\">{}{list}</td></tr>",
            marked(&unit.nl, &nl_spans, &labels),
            marked(&unit.en, &en_spans, &labels),
        )?;
    }
    writeln!(out, "</tbody>\n</table>\n</body>\n</html>")
}
