//! Embeds the shipped term glossaries (`glossary/*.csv`) and the engine
//! lexicon and given names (`glossary/lexicon/`) in the binary, so tolk works from any
//! directory.

use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("glossary");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut names: Vec<String> = fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".csv"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut out = String::from("pub static SHIPPED: &[(&str, &str)] = &[\n");
    for name in &names {
        let path = dir.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        out.push_str(&format!(
            "    (\"glossary/{name}\", include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    out.push_str("];\n");
    let out_dir = env::var("OUT_DIR").unwrap();
    fs::write(Path::new(&out_dir).join("shipped.rs"), out).unwrap();

    // The engine lexicon (glossary/lexicon/): not term glossaries.
    let lex = dir.join("lexicon");
    println!("cargo:rerun-if-changed={}", lex.display());
    let mut out = String::from("pub static LEXICON: &[(&str, &str)] = &[\n");
    for name in ["lexicon.csv", "function.csv"] {
        let path = lex.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        if path.exists() {
            out.push_str(&format!(
                "    (\"glossary/lexicon/{name}\", include_str!({:?})),\n",
                path.display().to_string()
            ));
        }
    }
    out.push_str("];\n");
    let en = lex.join("en-irregular.csv");
    println!("cargo:rerun-if-changed={}", en.display());
    if en.exists() {
        out.push_str(&format!(
            "pub static EN_IRREGULAR: &str = include_str!({:?});\n",
            en.display().to_string()
        ));
    } else {
        out.push_str("pub static EN_IRREGULAR: &str = \"pos,base,forms\\n\";\n");
    }
    fs::write(Path::new(&out_dir).join("lexicon.rs"), out).unwrap();

    // Given names for the transliterator.
    let given = lex.join("given-names.csv");
    println!("cargo:rerun-if-changed={}", given.display());
    let out = if given.exists() {
        format!(
            "pub static GIVEN_NAMES: &str = include_str!({:?});\n",
            given.display().to_string()
        )
    } else {
        "pub static GIVEN_NAMES: &str = \"nl,en,origin,note\\n\";\n".to_owned()
    };
    fs::write(Path::new(&out_dir).join("given_names.rs"), out).unwrap();
}
