//! Command-line arguments (clap derive): raw flags, nothing resolved yet.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use tolk::glossary::formats::ExchangeFormat;
use tolk::glossary::{Kind, Origin};
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
    /// Check an English translation (by anyone) against the glossaries:
    /// missing and forbidden terms, numbers, citations, Dutch left over.
    Check(CheckArgs),
    /// Measure translation quality: corpus chrF2 and BLEU (sacreBLEU's
    /// definitions) against a line-aligned reference, and lexicon coverage.
    Eval(EvalArgs),
    /// Maintain glossary CSV files: add, look up, lint, format, import,
    /// export, merge, and suggest entries from articles.
    #[command(subcommand)]
    Glossary(GlossaryCommand),
    /// Propose English spellings for Russian and Ukrainian names written the
    /// Dutch way (or in Cyrillic), or measure the transliterator on a list.
    Translit(TranslitArgs),
    /// The engine lexicon: coverage of a text.
    #[command(subcommand)]
    Lexicon(LexiconCommand),
    /// Manage the neural translation models (Firefox Translations): download,
    /// list, locate, remove.
    #[command(subcommand)]
    Model(ModelCommand),
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
    /// instead of UTF-8, or `auto` to detect it (said on standard error).
    /// A byte order mark always wins.
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

    /// Write to FILE (atomically: nothing is left behind on error or
    /// Ctrl-C) instead of standard output. With a directory among the
    /// inputs, or naming an existing directory: the directory to write one
    /// translation per input file into, mirroring the input trees.
    #[arg(short, long, value_name = "FILE|DIR")]
    pub output: Option<PathBuf>,
}

/// Engine choice, shared by `translate` and `eval`.
#[derive(Debug, Args)]
pub struct EngineArgs {
    /// Translation engine: `neural` translates with the downloaded neural
    /// model (`tolk model download`), glossary enforced; `builtin` with the
    /// shipped lexicon and rules; `glossary` only replaces glossary terms
    /// and leaves the rest of the Dutch as it is (a pre-translation); `auto`
    /// is `neural` when a model is installed, else `builtin`.
    #[arg(short, long, value_enum, default_value_t = EngineArg::Auto)]
    pub engine: EngineArg,

    /// Extra lexicon CSV (columns as glossary/lexicon/lexicon.csv), loaded
    /// after the shipped lexicon; its entries replace shipped ones with the
    /// same lemma and part of speech. Repeatable.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Vec<PathBuf>,

    /// Where the neural models are (as `tolk model --dir`; default: the
    /// platform cache directory, `$XDG_CACHE_HOME/tolk/models` on Linux).
    #[arg(long, value_name = "DIR", env = "TOLK_MODEL_DIR", value_parser = model_dir_parser())]
    pub model_dir: Option<PathBuf>,

    /// Worker threads of the neural engine (default: one per core).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub threads: usize,

    /// Neural engine: keep a sentence in which a glossary term could not be
    /// placed (the term is marked `missing`) instead of repairing it.
    #[arg(long)]
    pub no_strict: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EngineArg {
    Auto,
    Neural,
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

    /// Only glossary terms: no transliteration proposals for names in no
    /// glossary. Much faster on large inputs (only paragraphs with a term
    /// are segmented).
    #[arg(long)]
    pub glossary_only: bool,

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

/// Where the models are.
#[derive(Debug, Args)]
pub struct ModelDirArgs {
    /// The model directory (default: $XDG_CACHE_HOME/tolk/models, or
    /// ~/.cache/tolk/models; ~/Library/Caches/tolk/models on macOS;
    /// %LOCALAPPDATA%\tolk\models on Windows). Empty: the default.
    #[arg(
        long,
        value_name = "DIR",
        env = "TOLK_MODEL_DIR",
        value_parser = model_dir_parser()
    )]
    pub dir: Option<PathBuf>,
}

/// A path, where (unlike clap's `PathBuf` parser) an empty value is allowed,
/// so an empty TOLK_MODEL_DIR means the default directory.
fn model_dir_parser() -> impl clap::builder::TypedValueParser<Value = PathBuf> {
    use clap::builder::TypedValueParser;
    clap::builder::OsStringValueParser::new().map(PathBuf::from)
}

fn parse_pair(s: &str) -> Result<String, String> {
    tolk::neural::store::parse_pair(s)
        .map(|(src, trg)| format!("{src}-{trg}"))
        .map_err(|e| e.to_string())
}

#[derive(Debug, Subcommand)]
pub enum ModelCommand {
    /// Download a model from Firefox's Remote Settings, check its SHA-256
    /// hashes and install it; print its directory. Nothing is installed
    /// unless every file arrived intact. Exit 2 on any error.
    Download {
        /// The language pair.
        #[arg(value_name = "PAIR", default_value = "nl-en", value_parser = parse_pair)]
        pair: String,
        #[command(flatten)]
        dir: ModelDirArgs,
    },
    /// List the installed models (no network), or with --available the
    /// pairs Remote Settings offers.
    List {
        #[command(flatten)]
        dir: ModelDirArgs,
        /// Ask Remote Settings which pairs can be downloaded.
        #[arg(long)]
        available: bool,
        /// Output format.
        #[arg(short, long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
    },
    /// Print the directory of an installed model. Exit 1 when the model is
    /// not installed (or incomplete).
    Path {
        /// The language pair.
        #[arg(value_name = "PAIR", default_value = "nl-en", value_parser = parse_pair)]
        pair: String,
        #[command(flatten)]
        dir: ModelDirArgs,
    },
    /// Remove an installed model. Exit 1 when it was not installed.
    Rm {
        /// The language pair.
        #[arg(value_name = "PAIR", value_parser = parse_pair)]
        pair: String,
        #[command(flatten)]
        dir: ModelDirArgs,
    },
}

fn parse_kind(s: &str) -> Result<Kind, String> {
    Kind::parse(s)
        .filter(|_| !s.trim().is_empty())
        .ok_or_else(|| {
            let all: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
            format!("unknown kind (use one of: {})", all.join(", "))
        })
}

fn parse_origin(s: &str) -> Result<Origin, String> {
    match Origin::parse(s) {
        Ok(Some(o)) => Ok(o),
        _ => Err("unknown origin (use ru, uk or other)".into()),
    }
}

/// The columns of a glossary row, as options (`add`, `set`).
#[derive(Debug, Args)]
pub struct RowArgs {
    /// What the term names.
    #[arg(long, value_parser = parse_kind, value_name = "KIND")]
    pub kind: Option<Kind>,

    /// Another Dutch spelling rendered the same way. Repeatable.
    #[arg(long = "variant", value_name = "NL")]
    pub variants: Vec<String>,

    /// An English spelling not to use. Repeatable.
    #[arg(long = "avoid", value_name = "EN")]
    pub avoid: Vec<String>,

    /// Origin of a Slavic name: `ru` or `uk`.
    #[arg(long, value_parser = parse_origin, value_name = "ORIGIN")]
    pub origin: Option<Origin>,

    /// A free-text note.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

/// Which file an edit goes to.
#[derive(Debug, Args)]
pub struct TargetArgs {
    /// The glossary file to edit. Default: the last user glossary loaded
    /// (`-g`, TOLK_GLOSSARY, ./glossary.csv), else ./glossary.csv.
    #[arg(long, value_name = "FILE")]
    pub file: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Prefer {
    /// Keep the entry of the first file (for `import --into`: the existing one).
    First,
    /// Take the entry of the last file (for `import --into`: the imported one).
    Last,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Csv,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SuggestFormat {
    Text,
    Csv,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum GlossaryCommand {
    /// Add an entry (appended; comments, order and unknown columns kept).
    Add {
        /// The Dutch term.
        nl: String,
        /// Its English rendering.
        en: String,
        #[command(flatten)]
        row: RowArgs,
        #[command(flatten)]
        target: TargetArgs,
        /// Update the entry of the same file with the same Dutch term
        /// instead of refusing.
        #[arg(long)]
        replace: bool,
    },
    /// Remove the entry that has TERM as its Dutch term or a variant.
    Rm {
        term: String,
        #[command(flatten)]
        target: TargetArgs,
    },
    /// Change columns of the entry that has TERM as its Dutch term or a
    /// variant; each option given replaces that column (an empty value
    /// clears it).
    Set {
        term: String,
        /// The new English rendering.
        #[arg(long, value_name = "EN")]
        en: Option<String>,
        /// A new Dutch headword.
        #[arg(long, value_name = "NL")]
        nl: Option<String>,
        #[command(flatten)]
        row: RowArgs,
        #[command(flatten)]
        target: TargetArgs,
    },
    /// Look up an entry by any Dutch spelling, variant or inflected form, or
    /// by its English.
    Show {
        term: String,
        #[arg(short, long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
    },
    /// List the loaded entries (shipped and user), the winning ones.
    List {
        /// Only entries of this kind.
        #[arg(long, value_parser = parse_kind, value_name = "KIND")]
        kind: Option<Kind>,
        /// Only entries with TEXT in a Dutch spelling or the English
        /// (case and accents ignored).
        #[arg(long, value_name = "TEXT")]
        grep: Option<String>,
        #[arg(short, long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Check glossary files: load errors, conflicts, duplicates, overrides,
    /// spacing, NFC, mixed scripts, Dutch transliteration left in English,
    /// DeepL's term limit. Exit 1 on an error finding.
    Lint {
        /// Files to check (default: the loaded user glossaries).
        #[arg(value_name = "FILE")]
        files: Vec<PathBuf>,
        #[arg(short, long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
    },
    /// Rewrite glossary files in canonical form: sorted by kind then Dutch
    /// term, NFC, trimmed, comments kept.
    Fmt {
        /// Files to format (default: the loaded user glossaries).
        #[arg(value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Change nothing; exit 1 when a file is not in canonical form.
        #[arg(long)]
        check: bool,
    },
    /// Export the loaded user glossaries to another tool's format.
    Export {
        /// Target format.
        #[arg(long, value_enum, value_name = "FORMAT")]
        to: ExchangeFormat,
        /// Write to FILE (atomically) instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Export the shipped glossaries too.
        #[arg(long)]
        include_default: bool,
    },
    /// Convert another tool's glossary to tolk's CSV, or merge it into one.
    Import {
        /// Source format.
        #[arg(long, value_enum, value_name = "FORMAT")]
        from: ExchangeFormat,
        /// The file to import; `-` reads standard input.
        #[arg(value_name = "INPUT")]
        input: String,
        /// Write the CSV to FILE (atomically) instead of standard output.
        #[arg(short, long, value_name = "FILE", conflicts_with = "into")]
        output: Option<PathBuf>,
        /// Merge into this glossary file (created when missing).
        #[arg(long, value_name = "FILE")]
        into: Option<PathBuf>,
        /// Text encoding of INPUT (default: detected).
        #[arg(long, value_name = "NAME")]
        encoding: Option<String>,
        /// How to resolve conflicts with --into; without it a conflict
        /// writes nothing and exits 1.
        #[arg(long, value_enum, value_name = "WHICH")]
        prefer: Option<Prefer>,
    },
    /// Merge glossary files into one, with a conflict report.
    Merge {
        /// The files, in order (the first one's layout and comments are kept).
        #[arg(value_name = "FILE", num_args = 2.., required = true)]
        files: Vec<PathBuf>,
        /// The merged file (may be one of the inputs).
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// How to resolve conflicts; without it a conflict writes nothing
        /// and exits 1.
        #[arg(long, value_enum, value_name = "WHICH")]
        prefer: Option<Prefer>,
    },
    /// Candidate entries from Dutch articles: names no glossary knows, with
    /// counts and context.
    Suggest {
        #[command(flatten)]
        input: InputArgs,
        /// Output format; `csv` prints glossary rows to review and append.
        #[arg(short, long, value_enum, default_value_t = SuggestFormat::Text)]
        format: SuggestFormat,
        /// Only names seen at least N times.
        #[arg(long, default_value_t = 1, value_name = "N")]
        min_count: usize,
    },
}

#[derive(Debug, Args)]
pub struct TranslitArgs {
    /// Names to transliterate (a multi-word name is one argument: "Sergej
    /// Sjojgoe"); none: one name per line from standard input.
    #[arg(value_name = "NAME", conflicts_with = "eval")]
    pub names: Vec<String>,

    /// The origin of the names (default: guessed from each name).
    #[arg(long, value_parser = parse_origin, value_name = "ORIGIN")]
    pub origin: Option<Origin>,

    /// Show the origin, confidence and the rules that fired.
    #[arg(long)]
    pub explain: bool,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,

    /// Measure on a names list (CSV with columns nl,en[,kind,origin]):
    /// exact and tolerant accuracy of the transliterator alone and behind
    /// the loaded glossaries.
    #[arg(long, value_name = "FILE.csv")]
    pub eval: Option<PathBuf>,

    /// With --eval: list the names the transliterator alone got wrong.
    #[arg(long, requires = "eval")]
    pub misses: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The Dutch source (plain text, line-aligned with --target).
    #[arg(
        long,
        value_name = "NL",
        requires = "target",
        conflicts_with = "bilingual"
    )]
    pub source: Option<PathBuf>,

    /// The English translation (plain text).
    #[arg(long, value_name = "EN", requires = "source")]
    pub target: Option<PathBuf>,

    /// A bilingual file instead: tolk's TSV, TMX, or XLIFF 1.2/2.0.
    #[arg(long, value_name = "FILE", required_unless_present = "source")]
    pub bilingual: Option<PathBuf>,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,

    /// Exit 1 when there is a finding at or above this level.
    #[arg(long, value_enum, default_value_t = FailOn::Error, value_name = "LEVEL")]
    pub fail_on: FailOn,

    /// Write to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}
