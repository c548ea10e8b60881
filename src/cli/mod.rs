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
            let mut cmd = Cli::command();
            clap_complete::generate(shell, &mut cmd, "tolk", &mut std::io::stdout());
            Ok(Outcome::Ok)
        }
        Command::Man => {
            let cmd = Cli::command();
            clap_mangen::Man::new(cmd).render(&mut std::io::stdout())?;
            Ok(Outcome::Ok)
        }
    }
}
