//! The command-line layer: parse arguments, resolve them, run one
//! subcommand. All the work is done by the `tolk` library.

pub mod args;
pub mod config;
mod eval;
mod tag;
mod translate;

use anyhow::Result;
use args::{Cli, Command};
use clap::CommandFactory;

/// What a command reports back to `main`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Exit code 0.
    Ok,
    /// Exit code 1: the command ran and found something to act on (lint
    /// findings, a refused edit, check findings).
    #[allow(dead_code)]
    Findings,
}

pub fn run(cli: Cli) -> Result<Outcome> {
    match cli.command {
        Command::Translate(a) => translate::run(&cli.global, &a),
        Command::Tag(a) => tag::run(&cli.global, &a),
        Command::Eval(a) => eval::run(&cli.global, &a),
        Command::Lexicon(c) => eval::lexicon(&cli.global, c),
        Command::Completions { shell } => {
            // Generated into memory: clap_complete panics on a failed write.
            let mut cmd = Cli::command();
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut cmd, "tolk", &mut buf);
            config::with_output(None, |out| Ok(out.write_all(&buf)?))?;
            Ok(Outcome::Ok)
        }
        Command::Man => {
            let cmd = Cli::command();
            config::with_output(None, |out| Ok(clap_mangen::Man::new(cmd).render(out)?))?;
            Ok(Outcome::Ok)
        }
    }
}
