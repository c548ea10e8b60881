use super::*;

fn glossary() -> Glossary {
    Glossary::from_csv_str(
        "g.csv",
        "nl,en,kind,variants,avoid,origin\n\
Kiev,Kyiv,place,Kyjiv,Kiev|Kiew,uk\n\
Dynamo Kiev,Dynamo Kiev,org,,,\n\
Poetin,Putin,person,,,ru\n\
kerncentrale,nuclear power plant,term,,,\n",
    )
    .unwrap()
}

fn codes(nl: &str, en: &str) -> Vec<(usize, &'static str, Level)> {
    let (units, whole) = align(nl, en).unwrap();
    check(units, whole, &glossary())
        .findings
        .into_iter()
        .map(|f| (f.unit, f.code, f.level))
        .collect()
}

#[test]
fn a_good_translation_has_no_findings() {
    let nl = "Poetins kerncentrale in Kiev, om 19.30 uur [1].\nHet kostte 3,5 miljoen.";
    let en = "Putin's nuclear power plant in Kyiv, at 19:30 [1].\nIt cost 3.5 million.";
    assert_eq!(codes(nl, en), []);
}

#[test]
fn each_kind_of_finding() {
    assert_eq!(
        codes("Poetin kwam.", "He came."),
        [(0, "missing-term", Level::Error)]
    );
    assert_eq!(
        codes("Hij ging naar Kiev.", "He went to Kiev."),
        [(0, "forbidden", Level::Error)]
    );
    // A forbidden spelling with no source term is still one.
    assert_eq!(
        codes("Hij ging.", "He went to Kiew."),
        [(0, "forbidden", Level::Error)]
    );
    // Inside the English of a longer term that matched, it is not.
    assert_eq!(codes("Dynamo Kiev won.", "Dynamo Kiev won."), []);
    assert_eq!(
        codes("Het kostte 3,5 euro.", "It cost 3,5 euros."),
        [(0, "number", Level::Error), (0, "number", Level::Error)]
    );
    assert_eq!(
        codes("Op 29 januari.", "On 28 January."),
        [(0, "number", Level::Error)]
    );
    assert_eq!(
        codes("Zo is het [1].", "So it is [2]."),
        [(0, "citation", Level::Error)]
    );
    assert_eq!(
        codes("Het is niet zo.", "It is niet so."),
        [(0, "dutch", Level::Warning)]
    );
    assert_eq!(
        codes("Hij sprak met Sjtsjerbakov.", "He spoke with Sjtsjerbakov."),
        [(0, "dutch-spelling", Level::Warning)]
    );
}

#[test]
fn one_term_rendered_two_ways() {
    let got = codes(
        "Kiev zweeg.\nIn Kyjiv regent het.",
        "Kyiv was silent.\nIn Kyjiv it rains.",
    );
    assert_eq!(
        got,
        [
            (0, "inconsistent", Level::Warning),
            (1, "missing-term", Level::Error)
        ]
    );
    // A forbidden spelling is an error, not also an inconsistency.
    let got = codes(
        "Kiev zweeg.\nIn Kiev regent het.",
        "Kyiv was silent.\nIn Kiev it rains.",
    );
    assert_eq!(got, [(1, "forbidden", Level::Error)]);
}

#[test]
fn alignment_by_line_then_sentence() {
    let (units, whole) = align(
        "Een. Twee.\n\nDrie. Vier.\n",
        "One. Two.\n\nThree and four.\n",
    )
    .unwrap();
    assert_eq!(units.len(), 3);
    assert_eq!((units[0].paragraph, units[0].sentence), (1, Some(1)));
    assert_eq!((units[2].paragraph, units[2].sentence), (3, None));
    assert_eq!(whole, [3]);
    assert!(align("a\nb\n", "a\n").is_err());
}

#[test]
fn find_words_keeps_offsets_where_case_folding_changes_lengths() {
    use super::find_words;
    assert_eq!(
        find_words("İzmir and Kievan Rus, kiev.", "Kiev"),
        vec![23..27]
    );
    let s = "ẞ «Kiev» İ KIEV";
    let found = find_words(s, "kiev");
    assert_eq!(found.len(), 2);
    for r in found {
        assert!(s[r].eq_ignore_ascii_case("kiev"));
    }
    assert!(find_words("Putinism", "Putin").is_empty());
    assert_eq!(find_words("Kiev Kiev", "kiev"), vec![0..4, 5..9]);
}

#[test]
fn a_spelling_several_entries_forbid_is_one_finding_with_the_matching_english() {
    let g = Glossary::load(crate::glossary::shipped_sources()).unwrap();
    let (units, whole) = align("Zelensky sprak.", "Zelenskyy spoke.").unwrap();
    let report = check(units, whole, &g);
    let forbidden: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.code == "forbidden")
        .collect();
    assert_eq!(forbidden.len(), 1, "{:?}", report.findings);
    assert!(
        forbidden[0].message.ends_with("write `Zelensky`"),
        "{}",
        forbidden[0].message
    );
}
