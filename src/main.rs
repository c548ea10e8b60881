//! The `tolk` binary: parse arguments, run, map the result to an exit code
//! (0 ok, 1 findings, 2 error). A closed pipe is not an error.

mod cli;

use clap::Parser;
use std::process::ExitCode;

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn main() -> ExitCode {
    let cli = match cli::args::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match cli::run(cli) {
        Ok(cli::Outcome::Ok) => ExitCode::SUCCESS,
        Ok(cli::Outcome::Findings) => ExitCode::from(1),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            if let Some(g) = e.downcast_ref::<cli::config::GlossaryFailed>() {
                let errors = g.0.errors().count();
                eprintln!(
                    "tolk: invalid glossary ({errors} error{}):",
                    if errors == 1 { "" } else { "s" }
                );
                for p in &g.0.problems {
                    eprintln!("  {p}");
                }
            } else {
                eprintln!("tolk: {e:#}");
            }
            ExitCode::from(2)
        }
    }
}
