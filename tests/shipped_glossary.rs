//! The glossary tolk ships: size, cleanliness and house style.

use tolk::Glossary;
use tolk::glossary::{Kind, shipped_sources};

fn shipped() -> Glossary {
    Glossary::load(shipped_sources()).expect("the shipped glossary loads")
}

fn render(g: &Glossary, text: &str) -> Vec<String> {
    tolk::tag(g, text)
        .iter()
        .map(|h| tolk::engine::term_english(g, h, false))
        .collect()
}

#[test]
fn large_clean_and_without_cross_file_overrides() {
    let g = shipped();
    assert!(g.entries().len() >= 300, "{} entries", g.entries().len());
    assert!(g.warnings().is_empty(), "{:?}", g.warnings());
    assert!(
        g.entries().iter().all(|e| e.overridden_by.is_none()),
        "a shipped file overrides another shipped file"
    );
    for kind in [
        Kind::Person,
        Kind::Place,
        Kind::Org,
        Kind::Adj,
        Kind::Demonym,
        Kind::Term,
    ] {
        assert!(
            g.entries().iter().any(|e| e.kind == kind),
            "no {kind} entries"
        );
    }
}

#[test]
fn no_entry_forbids_the_english_of_another() {
    let g = shipped();
    for (id, e) in g.entries().iter().enumerate() {
        for a in g.effective_avoid(id) {
            if let Some(other) = g.entries().iter().find(|o| o.en.eq_ignore_ascii_case(a)) {
                panic!(
                    "{} forbids {a:?}, the English of {}",
                    e.location, other.location
                );
            }
        }
    }
}

#[test]
fn house_style_from_all_three_dutch_spelling_systems() {
    let g = shipped();
    // (Russian-based Dutch, Ukrainian-based Dutch, English as copied into Dutch) → house style.
    let cases = [
        ("Kiev Kyjiv Kyiv", "Kyiv"),
        ("Charkov Charkiv Kharkiv", "Kharkiv"),
        ("Odessa Odesa", "Odesa"),
        ("Zaporozje Zaporizja Zaporizhzhia", "Zaporizhzhia"),
        ("Loegansk Loehansk Luhansk", "Luhansk"),
        ("Zelenski Zelenskyj Zelensky", "Zelensky"),
        ("Volodimir Zelenski", "Volodymyr Zelensky"),
        ("Marioepol Mariupol", "Mariupol"),
        ("Sjojgoe", "Shoigu"),
    ];
    for (text, want) in cases {
        let got = render(&g, text);
        // Every spelling is tagged, each as the house style says.
        let spellings = if text.starts_with("Volodimir") {
            1
        } else {
            text.split(' ').count()
        };
        assert_eq!(got.len(), spellings, "{text}: {got:?}");
        assert!(got.iter().all(|en| en == want), "{text}: {got:?}");
    }
    let kyiv = g.entries().iter().find(|e| e.en == "Kyiv").unwrap();
    assert!(kyiv.avoid.iter().any(|a| a == "Kiev"));
}

#[test]
fn exonyms_adjectives_demonyms_and_organisations() {
    let g = shipped();
    let cases = [
        ("Moskou", "Moscow"),
        ("Parijs", "Paris"),
        ("Den Haag", "The Hague"),
        ("Brussel", "Brussels"),
        ("Wit-Rusland", "Belarus"),
        ("Verenigde Staten", "United States"),
        ("NAVO", "NATO"),
        ("VN", "UN"),
        ("IAEA", "IAEA"),
        ("Witte Huis", "White House"),
        ("Oekraïense", "Ukrainian"),
        ("Russische", "Russian"),
        ("Nederlandse", "Dutch"),
        ("Oekraïners", "Ukrainians"),
    ];
    for (nl, en) in cases {
        assert_eq!(render(&g, nl), [en], "{nl}");
    }
}
