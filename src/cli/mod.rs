//! The command-line layer: parse arguments, resolve them, run one
//! subcommand. All the work is done by the `tolk` library.

pub mod args;
mod batch;
mod check;
pub mod config;
mod eval;
mod glossary;
mod glossary_io;
mod model;
mod tag;
mod translate;
mod translit;

use anyhow::Result;
use args::{Cli, Command, GlossaryCommand};
use clap::CommandFactory;

/// What a command reports back to `main`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Exit code 0.
    Ok,
    /// Exit code 1: the command ran and found something to act on (lint
    /// findings, a refused edit, check findings).
    Findings,
}

pub fn run(cli: Cli) -> Result<Outcome> {
    match cli.command {
        Command::Translate(a) => translate::run(&cli.global, &a),
        Command::Tag(a) => tag::run(&cli.global, &a),
        Command::Check(a) => check::run(&cli.global, &a),
        Command::Eval(a) => eval::run(&cli.global, &a),
        Command::Glossary(c) => glossary_command(&cli.global, c),
        Command::Translit(a) => translit::run(&cli.global, &a),
        Command::Lexicon(c) => eval::lexicon(&cli.global, c),
        Command::Model(c) => model::run(c),
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

fn glossary_command(global: &args::GlobalArgs, c: GlossaryCommand) -> Result<Outcome> {
    match c {
        GlossaryCommand::Add {
            nl,
            en,
            row,
            target,
            replace,
        } => glossary::add(global, &nl, &en, &row, &target, replace),
        GlossaryCommand::Rm { term, target } => glossary::rm(global, &term, &target),
        GlossaryCommand::Set {
            term,
            en,
            nl,
            row,
            target,
        } => glossary::set(global, &term, nl.as_deref(), en.as_deref(), &row, &target),
        GlossaryCommand::Show { term, format } => glossary::show(global, &term, format),
        GlossaryCommand::List { kind, grep, format } => {
            glossary::list(global, kind, grep.as_deref(), format)
        }
        GlossaryCommand::Lint { files, format } => glossary_io::lint_cmd(global, &files, format),
        GlossaryCommand::Fmt { files, check } => glossary_io::fmt_cmd(global, &files, check),
        GlossaryCommand::Export {
            to,
            output,
            include_default,
        } => glossary_io::export(global, to, output.as_deref(), include_default),
        GlossaryCommand::Import {
            from,
            input,
            output,
            into,
            encoding,
            prefer,
        } => glossary_io::import(
            from,
            &input,
            output.as_deref(),
            into.as_deref(),
            encoding.as_deref(),
            prefer,
        ),
        GlossaryCommand::Merge {
            files,
            output,
            prefer,
        } => glossary_io::merge_cmd(&files, &output, prefer),
        GlossaryCommand::Suggest {
            input,
            format,
            min_count,
        } => glossary_io::suggest(global, &input, format, min_count),
    }
}
