//! Table-driven tests of loading and matching.

use super::*;

const CSV: &str = "\
nl,en,kind,variants,avoid,origin,note
Poetin,Putin,person,Poutine,,ru,
Vladimir Poetin,Vladimir Putin,person,,,ru,
Zelensky,Zelensky,person,Zelenski|Zelenskyj|Zelenskyy,Zelenskiy|Zelenskyy,uk,
Sjojgoe,Shoigu,person,,,ru,
Kiev,Kyiv,place,Kyjiv|Kyiv,Kiev,uk,
Oekraïne,Ukraine,place,,,,
Oost-Oekraïne,eastern Ukraine,place,,,,
Rusland,Russia,place,,,,
Wit-Rusland,Belarus,place,,,,
Europa,Europe,place,,,,
VS,US,place,Verenigde Staten,,,
NAVO,NATO,org,Navo,,,
Kremlin,Kremlin,org,,,,
Witte Huis,White House,org,,,,
Abu Dhabi,Abu Dhabi,place,,,,
kerncentrale,nuclear power plant,term,,,,
euro,euro,term,,,,
regio,region,term,,,,
Oekraïense,Ukrainian,adj,Oekraïens,,,
de Oekraïne,Ukraine,place,,,,
";

fn glossary() -> Glossary {
    Glossary::from_csv_str("test.csv", CSV).expect("test glossary loads")
}

/// Hits as (matched text, English as rendered mid-sentence).
fn hits(g: &Glossary, text: &str) -> Vec<(String, String)> {
    crate::tag::tag(g, text)
        .iter()
        .map(|h| {
            (
                text[h.start..h.end].to_owned(),
                crate::engine::term_english(g, h, false),
            )
        })
        .collect()
}

macro_rules! m {
    ($name:ident, $text:expr, [$(($src:expr, $en:expr)),* $(,)?]) => {
        #[test]
        fn $name() {
            let g = glossary();
            let want: Vec<(String, String)> = vec![$(($src.to_string(), $en.to_string())),*];
            assert_eq!(hits(&g, $text), want, "text: {:?}", $text);
        }
    };
}

// Case rules.
m!(
    lowercase_term_any_case,
    "Kerncentrale, kerncentrale, KERNCENTRALE",
    [
        ("Kerncentrale", "nuclear power plant"),
        ("kerncentrale", "nuclear power plant"),
        ("KERNCENTRALE", "NUCLEAR POWER PLANT")
    ]
);
m!(
    capitalised_term_not_lowercase,
    "poetin en POETIN en Poetin",
    [("POETIN", "PUTIN"), ("Poetin", "Putin")]
);
m!(
    acronym_only_as_written,
    "de VS vs. de vs en Vs",
    [("VS", "US")]
);
m!(
    acronym_variant_case,
    "NAVO en Navo en navo",
    [("NAVO", "NATO"), ("Navo", "NATO")]
);
m!(
    title_case_multiword,
    "Het Witte Huis, het WITTE HUIS, het witte huis",
    [("Witte Huis", "White House"), ("WITTE HUIS", "WHITE HOUSE")]
);
m!(mixed_case_rejected, "PoeTin kwam", []);
m!(
    lowercase_article_title_case,
    "De Oekraïne vocht.",
    [("De Oekraïne", "Ukraine")]
);

// Diacritics and normalization.
m!(
    diacritics_folded,
    "Oekraine en Oekraïne en Oekraı̈ne",
    [
        ("Oekraine", "Ukraine"),
        ("Oekraïne", "Ukraine"),
        ("Oekraı̈ne", "Ukraine")
    ]
);
m!(
    decomposed_input,
    "Oekrai\u{0308}ne",
    [("Oekrai\u{0308}ne", "Ukraine")]
);
m!(
    nbsp_inside_term,
    "het Witte\u{00A0}Huis",
    [("Witte\u{00A0}Huis", "White House")]
);
m!(
    line_break_inside_term,
    "Abu\nDhabi",
    [("Abu\nDhabi", "Abu Dhabi")]
);
m!(
    zero_width_space,
    "Poe\u{200B}tin",
    [("Poe\u{200B}tin", "Putin")]
);

// Genitives.
m!(
    genitive_s,
    "Poetins plan en Sjojgoes leger",
    [("Poetins", "Putin's"), ("Sjojgoes", "Shoigu's")]
);
m!(
    genitive_apostrophe,
    "Zelensky’s reis en Europa’s grootste",
    [("Zelensky’s", "Zelensky's"), ("Europa’s", "Europe's")]
);
m!(
    genitive_straight_apostrophe,
    "Europa's grootste",
    [("Europa's", "Europe's")]
);
m!(
    genitive_after_sibilant,
    "de VS' plannen en VS's plannen",
    [("VS'", "US's"), ("VS's", "US's")]
);
m!(
    closing_quote_is_not_a_genitive,
    "‘Ik ga naar de VS’, zei hij. ‘Zij woont in de VS’ en hij niet.",
    [("VS", "US"), ("VS", "US")]
);
m!(
    apostrophe_before_punctuation_is_not_a_genitive,
    "over de VS'.",
    [("VS", "US")]
);
m!(genitive_all_caps, "POETINS PLAN", [("POETINS", "PUTIN'S")]);
m!(no_genitive_for_terms, "regio’s en euro’s", []);
m!(
    genitive_of_variant,
    "Zelenski's woorden",
    [("Zelenski's", "Zelensky's")]
);

// Hyphens and boundaries.
m!(
    hyphen_compound_split,
    "het Poetin-regime en Kremlin-adviseur",
    [("Poetin", "Putin"), ("Kremlin", "Kremlin")]
);
m!(
    hyphenated_term_is_one,
    "in Wit-Rusland",
    [("Wit-Rusland", "Belarus")]
);
m!(
    en_dash_hyphen,
    "in Wit–Rusland",
    [("Wit–Rusland", "Belarus")]
);
m!(
    not_inside_word,
    "Kremlinwoordvoerder en Poetinisme en Ruslandkenner",
    []
);
m!(
    not_inside_word_left,
    "anti Rusland en antiRusland",
    [("Rusland", "Russia")]
);
m!(apostrophe_inside_word, "regio's", []);
m!(closed_compound_not_matched, "kerncentrales", []);
m!(
    punctuation_boundaries,
    "(Kiev), “Kiev”, Kiev. [Kiev]",
    [
        ("Kiev", "Kyiv"),
        ("Kiev", "Kyiv"),
        ("Kiev", "Kyiv"),
        ("Kiev", "Kyiv")
    ]
);

// Longest match and precedence.
m!(
    longest_wins,
    "Vladimir Poetin zei",
    [("Vladimir Poetin", "Vladimir Putin")]
);
m!(
    longest_with_hyphen,
    "in Oost-Oekraïne",
    [("Oost-Oekraïne", "eastern Ukraine")]
);
m!(
    shorter_when_longer_fails_boundary,
    "Vladimir Poetinisme, Vladimir Poetin",
    [("Vladimir Poetin", "Vladimir Putin")]
);
m!(
    variant_hits,
    "Kyjiv, Kyiv, Zelenskyj",
    [
        ("Kyjiv", "Kyiv"),
        ("Kyiv", "Kyiv"),
        ("Zelenskyj", "Zelensky")
    ]
);
m!(
    multiword_variant,
    "de Verenigde Staten",
    [("Verenigde Staten", "US")]
);

#[test]
fn hits_know_entry_spelling_inflection_and_location() {
    let g = glossary();
    let text = "Zelenski's reis naar Kyjiv";
    let h = crate::tag::tag(&g, text);
    assert_eq!(h.len(), 2);
    let e = g.entry(h[0].entry);
    assert_eq!(e.nl, "Zelensky");
    assert_eq!(g.spelling(h[0].spelling).text, "Zelenski");
    assert_eq!(h[0].inflection, Inflection::Genitive);
    assert_eq!(&text[h[0].start..h[0].stem_end], "Zelenski");
    assert_eq!(e.location.to_string(), "test.csv:4");
    assert_eq!(g.entry(h[1].entry).location.to_string(), "test.csv:6");
    assert_eq!(h[1].inflection, Inflection::Base);
}

#[test]
fn sentence_initial_capital_and_genitive() {
    let g = glossary();
    let text = "kerncentrale";
    let h = crate::tag::tag(&g, text);
    assert_eq!(
        crate::engine::term_english(&g, &h[0], true),
        "Nuclear power plant"
    );
}

fn load(files: &[(&str, &str, bool)]) -> Result<Glossary, LoadError> {
    Glossary::load(files.iter().map(|(name, csv, shipped)| Source {
        name: (*name).to_owned(),
        bytes: Cow::Owned(csv.as_bytes().to_vec()),
        shipped: *shipped,
    }))
}

#[test]
fn conflict_within_one_file_names_both_lines() {
    let err = load(&[(
        "g.csv",
        "nl,en,variants\nKiev,Kyiv,\nMoskou,Moscow,\nKIEV,Kiev,\n",
        false,
    )]);
    // KIEV is an acronym-style key (all caps) and does not collide with Kiev.
    assert!(err.is_ok());
    let err = load(&[(
        "g.csv",
        "nl,en,variants\nKiev,Kyiv,\nMoskou,Moscow,\nKiew,Kiev,kiev\n",
        false,
    )])
    .unwrap_err();
    let errors: Vec<_> = err.errors().collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].line, Some(4));
    assert_eq!(errors[0].column, Some(3));
    assert!(
        errors[0].message.contains("line 2"),
        "{}",
        errors[0].message
    );
    assert!(
        errors[0].message.contains("`Kyiv`"),
        "{}",
        errors[0].message
    );
}

#[test]
fn diacritic_variants_share_a_key() {
    let err = load(&[(
        "g.csv",
        "nl,en\nOekraïne,Ukraine\nOekraine,the Ukraine\n",
        false,
    )])
    .unwrap_err();
    assert_eq!(err.errors().next().unwrap().line, Some(3));
}

#[test]
fn same_english_duplicate_is_not_a_conflict() {
    let g = load(&[("g.csv", "nl,en\nKiev,Kyiv\nkiev,Kyiv\n", false)]).unwrap();
    assert_eq!(g.spellings().len(), 1);
}

#[test]
fn later_file_overrides_and_takes_all_spellings() {
    let shipped = "nl,en,kind,variants,avoid\nZelensky,Zelensky,person,Zelenski|Zelenskyj,Zelenskiy|Zelenskyy\n";
    let user = "nl,en,kind\nZelensky,Zelenskyy,person\n";
    let g = load(&[
        ("glossary/names.csv", shipped, true),
        ("mine.csv", user, false),
    ])
    .unwrap();
    let text = "Zelenski en Zelensky en Zelenskyj";
    let got = hits(&g, text);
    assert_eq!(
        got.iter().map(|(_, en)| en.as_str()).collect::<Vec<_>>(),
        ["Zelenskyy"; 3]
    );
    assert_eq!(g.entry(0).overridden_by, Some(1));
    // The override lifts the shipped avoid of the user's choice, and only that.
    assert_eq!(g.effective_avoid(0), ["Zelenskiy"]);
    let h = crate::tag::tag(&g, "Zelenski");
    assert_eq!(g.entry(h[0].entry).location.to_string(), "mine.csv:2");
}

#[test]
fn explicit_spelling_beats_inherited_one_in_the_same_file() {
    let shipped = "nl,en,variants\nKiev,Kyiv,Kyjiv|Kyiv\n";
    let user = "nl,en\nKiev,Kiev\nKyiv,Kyiv\n";
    let g = load(&[("s.csv", shipped, true), ("u.csv", user, false)]).unwrap();
    let got = hits(&g, "Kiev Kyjiv Kyiv");
    assert_eq!(
        got.iter().map(|(_, en)| en.as_str()).collect::<Vec<_>>(),
        ["Kiev", "Kiev", "Kyiv"]
    );
}

#[test]
fn conflicts_across_files_are_overrides_not_errors() {
    let g = load(&[
        ("a.csv", "nl,en\nKiev,Kyiv\n", false),
        ("b.csv", "nl,en\nKiev,Kiev\n", false),
    ])
    .unwrap();
    assert_eq!(hits(&g, "Kiev"), [("Kiev".to_owned(), "Kiev".to_owned())]);
}

#[test]
fn errors_in_several_files_are_all_reported() {
    let err = load(&[("a.csv", "nl,en\n,x\n", false), ("b.csv", "nl\nx\n", false)]).unwrap_err();
    let where_: Vec<_> = err.errors().map(|p| (p.file.to_string(), p.line)).collect();
    assert_eq!(
        where_,
        [("a.csv".to_owned(), Some(2)), ("b.csv".to_owned(), Some(1))]
    );
}

#[test]
fn empty_glossary_matches_nothing() {
    assert!(crate::tag::tag(&Glossary::empty(), "Poetin").is_empty());
    let g = Glossary::from_csv_str("e.csv", "nl,en\n").unwrap();
    assert!(crate::tag::tag(&g, "Poetin").is_empty());
}

#[test]
fn acronym_and_lowercase_word_with_one_key_in_either_order() {
    for csv in ["nl,en\nvs,versus\nVS,US\n", "nl,en\nVS,US\nvs,versus\n"] {
        let g = Glossary::from_csv_str("vs.csv", csv).unwrap();
        let want = [
            ("VS".to_owned(), "US".to_owned()),
            ("vs".to_owned(), "versus".to_owned()),
        ];
        assert_eq!(hits(&g, "De VS en vs"), want, "{csv}");
    }
}
