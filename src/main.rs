//! The `tolk` binary: parse arguments, run, map the result to an exit code
//! (0 ok, 1 findings, 2 error). A closed pipe is not an error.

mod cli;

// Loading the lexicon and glossaries makes many small allocations.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    // Ctrl-C (or a termination signal): no half-written output file stays
    // behind; files being replaced keep their old content.
    let _ = ctrlc::set_handler(|| {
        tolk::fsio::remove_pending();
        std::process::exit(130);
    });
    match cli::run(cli) {
        Ok(cli::Outcome::Ok) => ExitCode::SUCCESS,
        Ok(cli::Outcome::Findings) => ExitCode::from(1),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tolk: {e:#}");
            ExitCode::from(2)
        }
    }
}
