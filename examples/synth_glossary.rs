//! Print a synthetic glossary of N entries as CSV (see `benches/synth`).
//!
//! ```text
//! cargo run --release --example synth_glossary -- N [SEED] > glossary.csv
//! ```

#[path = "../benches/synth/mod.rs"]
mod synth;

use std::io::Write;

fn main() {
    let mut args = std::env::args().skip(1);
    let usage = "usage: synth_glossary N [SEED]";
    let n: usize = match args.next().map(|a| a.replace('_', "").parse()) {
        Some(Ok(n)) => n,
        _ => {
            eprintln!("{usage}");
            std::process::exit(2);
        }
    };
    let seed = match args.next().map(|a| a.parse::<u64>()) {
        None => synth::SEED,
        Some(Ok(s)) => s,
        Some(Err(_)) => {
            eprintln!("{usage}");
            std::process::exit(2);
        }
    };
    let csv = synth::csv(n, seed);
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(csv.as_bytes()).and_then(|_| out.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("synth_glossary: {e}");
        std::process::exit(1);
    }
}
