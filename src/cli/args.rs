//! Command-line arguments (clap derive): raw flags, nothing resolved yet.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use tolk::render::Format;

/// Translate Dutch news articles into English, driven by glossaries kept as CSV files.
#[derive(Debug, Parser)]
#[command(name = "tolk", version, propagate_version = true, max_term_width = 100)]
#[command(after_help = "Exit codes: 0 ok, 1 findings or a refused change, 2 error.")]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Glossary CSV loaded after the shipped ones; repeatable, later files
    /// override earlier ones. Without it: the files in TOLK_GLOSSARY
    /// (`:`-separated), else ./glossary.csv when it exists.
    #[arg(short = 'g', long = "glossary", value_name = "FILE", global = true)]
    pub glossary: Vec<PathBuf>,

    /// Do not load the shipped glossaries (glossary/*.csv built into tolk).
    #[arg(long, global = true)]
    pub no_default_glossary: bool,

    /// When to colour terminal output. `auto` colours a terminal unless
    /// NO_COLOR is set.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN", global = true)]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Translate Dutch text to English, side by side by default.
    Translate(TranslateArgs),
    /// List the glossary terms found in Dutch text, one per line.
    Tag(TagArgs),
    /// Measure translation quality: corpus chrF2 and BLEU (sacreBLEU's
    /// definitions) against a line-aligned reference, and lexicon coverage.
    Eval(EvalArgs),
    /// The engine lexicon: coverage of a text.
    #[command(subcommand)]
    Lexicon(LexiconCommand),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff) to standard output.
    Man,
}

/// Options shared by commands that read Dutch articles.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Input files; `-` (the default) reads standard input.
    #[arg(value_name = "FILE")]
    pub inputs: Vec<String>,

    /// Decode input with this encoding (e.g. windows-1252, latin1, utf-16le)
    /// instead of UTF-8. A byte order mark always wins.
    #[arg(long, value_name = "NAME")]
    pub encoding: Option<String>,

    /// Treat blocks of lines separated by blank lines as paragraphs (for
    /// hard-wrapped text). Costs line alignment: `text` output then has one
    /// line per paragraph.
    #[arg(long)]
    pub join_lines: bool,
}

#[derive(Debug, Args)]
pub struct TranslateArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Side)]
    pub format: Format,

    #[command(flatten)]
    pub engine: EngineArgs,

    /// Print each sentence after each stage of the engine (analyse, transfer,
    /// generate) to standard error.
    #[arg(long)]
    pub trace: bool,

    /// Total width of `side` output (default: the terminal width, else
    /// $COLUMNS, else 100).
    #[arg(short, long, value_name = "N")]
    pub width: Option<usize>,

    /// Write to FILE (atomically: nothing is left behind on error) instead of
    /// standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Engine choice, shared by `translate` and `eval`.
#[derive(Debug, Args)]
pub struct EngineArgs {
    /// Translation engine: `builtin` translates with the shipped lexicon and
    /// rules; `glossary` only replaces glossary terms and leaves the rest of
    /// the Dutch as it is (a pre-translation).
    #[arg(short, long, value_enum, default_value_t = EngineArg::Builtin)]
    pub engine: EngineArg,

    /// Extra lexicon CSV (columns as glossary/lexicon/lexicon.csv), loaded
    /// after the shipped lexicon; its entries replace shipped ones with the
    /// same lemma and part of speech. Repeatable.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EngineArg {
    Builtin,
    Glossary,
}

#[derive(Debug, Args)]
pub struct TagArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = TagFormat::Text)]
    pub format: TagFormat,

    /// Write to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TagFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Dutch source, one sentence (or segment) per line.
    #[arg(long, value_name = "NL")]
    pub src: PathBuf,

    /// English reference, line-aligned with the source.
    #[arg(long = "ref", value_name = "EN")]
    pub reference: PathBuf,

    /// Score this English instead of translating the source.
    #[arg(long, value_name = "EN")]
    pub hyp: Option<PathBuf>,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,

    #[command(flatten)]
    pub engine: EngineArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum LexiconCommand {
    /// The share of a text's word tokens the engine can analyse (names
    /// excluded), and the commonest unknown words.
    Coverage {
        /// Dutch text.
        #[arg(value_name = "FILE")]
        file: PathBuf,

        /// How many unknown words to list.
        #[arg(long, default_value_t = 20, value_name = "N")]
        top: usize,

        /// Output format.
        #[arg(short, long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,

        /// Extra lexicon CSV, as for `translate`. Repeatable.
        #[arg(long, value_name = "LEXICON")]
        lexicon: Vec<PathBuf>,
    },
}
