//! The model directory: where Firefox Translations models live on disk, and
//! the only code of tolk that opens a network connection.
//!
//! Layout: one sub-directory per language pair, `<root>/<src>-<trg>/`, holding
//! the decompressed files under their Remote Settings record names
//! (`model.nlen.intgemm.alphas.bin`, `vocab.nlen.spm`, `lex.50.50.nlen.s2t.bin`)
//! — the layout of [`fxtranslate::cache::Cache`], so
//! [`Cache::cached_model`](fxtranslate::cache::Cache::cached_model) finds them.
//!
//! Only [`download`] and [`list_available`] use the network (through the
//! [`Fetch`] they are given); everything else reads the directory.
//!
//! # Downloads are all or nothing
//!
//! [`download`] never leaves a half-written model where [`installed`] or
//! [`list_installed`] would see it. The files of a pair are downloaded into a
//! hidden staging directory next to the pair directory
//! (`<root>/.tolk-staging-<pair>.<pid>`), each one decompressed and checked
//! against the SHA-256 its record carries, and only when every file is there
//! and verified is the staging directory renamed to `<root>/<pair>` (the
//! previous installation, if any, is moved aside first and deleted after).
//! On any error the staging directory is deleted and an existing installation
//! is left as it was. A process killed mid-download can leave a hidden
//! staging directory behind; the next download of that pair deletes it.
//! Downloads of one pair are serialized by a lock file
//! (`<root>/.tolk-lock-<pair>`), so that clean-up never touches a download
//! that is still running.

use fxtranslate::cache::{Cache, ModelFiles, sha256_hex, zstd_decode};
use fxtranslate::fetch::{Fetch, RetryPolicy, download_retrying};
use fxtranslate::remote::{self, Record};
use serde::Serialize;
use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The pair tolk translates, and the default of every `PAIR` argument.
pub const DEFAULT_PAIR: &str = "nl-en";

/// Environment variable naming the model directory (see [`model_root`]).
pub const MODEL_DIR_ENV: &str = "TOLK_MODEL_DIR";

/// What can go wrong managing models. Every message is one line and names
/// what failed: the URL, the pair, the file or the path.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A language pair that is not `xx-yy`.
    #[error(
        "invalid language pair `{0}`: expected two language codes joined by `-`, such as nl-en"
    )]
    InvalidPair(String),
    /// The network failed (offline, DNS, refused, timeout, HTTP error).
    #[error("network error: cannot fetch {url}: {message}")]
    Network { url: String, message: String },
    /// Remote Settings answered, but not with a model list tolk understands.
    #[error("unexpected answer from {url}: {message}")]
    BadRecords { url: String, message: String },
    /// Remote Settings lists no (supported) file of this type for the pair.
    #[error("no {file_type} for {pair} in Remote Settings ({url})")]
    NotFound {
        pair: String,
        file_type: String,
        url: String,
    },
    /// A downloaded file is not a valid zstd stream.
    #[error("{name}: corrupt download from {url}: {message}")]
    Corrupt {
        name: String,
        url: String,
        message: String,
    },
    /// A downloaded file does not have the SHA-256 its record announces.
    #[error(
        "{name}: hash mismatch: the download from {url} has SHA-256 {got}, expected {expected}"
    )]
    HashMismatch {
        name: String,
        url: String,
        expected: String,
        got: String,
    },
    /// A file system operation failed.
    #[error("{}: cannot {action}: {err}", path.display())]
    Io {
        path: PathBuf,
        action: &'static str,
        err: std::io::Error,
    },
}

fn io_err(path: &Path, action: &'static str) -> impl FnOnce(std::io::Error) -> StoreError {
    let path = path.to_path_buf();
    move |err| StoreError::Io { path, action, err }
}

/// Split and check a pair: two language codes joined by `-`, each two or
/// three ASCII letters, optionally followed by `_` and a letters-and-digits
/// subtag (as Remote Settings writes `zh_hant`). Upper case is lowered.
///
/// ```
/// use tolk::neural::store::parse_pair;
/// assert_eq!(parse_pair("nl-en").unwrap(), ("nl".to_string(), "en".to_string()));
/// assert_eq!(parse_pair("NL-EN").unwrap().0, "nl");
/// assert!(parse_pair("nl").is_err());
/// assert!(parse_pair("nl en").is_err());
/// assert!(parse_pair("../en").is_err());
/// ```
pub fn parse_pair(pair: &str) -> Result<(String, String), StoreError> {
    fn code_ok(code: &str) -> bool {
        let (lang, subtag) = match code.split_once('_') {
            Some((l, s)) => (l, Some(s)),
            None => (code, None),
        };
        (2..=3).contains(&lang.len())
            && lang.bytes().all(|b| b.is_ascii_lowercase())
            && subtag.is_none_or(|s| {
                !s.is_empty()
                    && s.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            })
    }
    let lower = pair.to_ascii_lowercase();
    match lower.split_once('-') {
        Some((src, trg)) if code_ok(src) && code_ok(trg) => Ok((src.into(), trg.into())),
        _ => Err(StoreError::InvalidPair(pair.into())),
    }
}

/// The platform's per-user cache directory: `$XDG_CACHE_HOME` (when
/// absolute), else `$HOME/.cache` on Linux and other Unixes;
/// `$HOME/Library/Caches` on macOS; `%LOCALAPPDATA%` on Windows. The same
/// choice as the `dirs` crate fxtranslate uses, from the environment alone.
fn cache_dir() -> Option<PathBuf> {
    let var = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if cfg!(windows) {
        var("LOCALAPPDATA")
    } else if cfg!(target_os = "macos") {
        var("HOME").map(|h| h.join("Library").join("Caches"))
    } else {
        var("XDG_CACHE_HOME")
            .filter(|p| p.is_absolute())
            .or_else(|| var("HOME").map(|h| h.join(".cache")))
    }
}

/// The model directory: `dir` if given, else `$TOLK_MODEL_DIR` (when set and
/// not empty), else `tolk/models` in the platform's cache directory
/// (`$XDG_CACHE_HOME/tolk/models` or `~/.cache/tolk/models` on Linux,
/// `~/Library/Caches/tolk/models` on macOS, `%LOCALAPPDATA%\tolk\models` on
/// Windows), else `.tolk-cache/models` in the current directory when not even
/// a home directory is known. The directory need not exist.
pub fn model_root(dir: Option<&Path>) -> PathBuf {
    if let Some(dir) = dir {
        return dir.to_path_buf();
    }
    if let Some(env) = std::env::var_os(MODEL_DIR_ENV).filter(|v| !v.is_empty()) {
        return PathBuf::from(env);
    }
    match cache_dir() {
        Some(base) => base.join("tolk").join("models"),
        None => PathBuf::from(".tolk-cache").join("models"),
    }
}

/// The installed model of `pair` (`"nl-en"` for tolk's own) under `root`,
/// without touching the network: `Some` when `<root>/<pair>` holds a model
/// file and its vocabulary (shared, or both halves of a split one). Hashes
/// are not re-checked: [`download`] checked them before installing. An
/// invalid pair is never installed.
pub fn installed(root: &Path, pair: &str) -> Option<ModelFiles> {
    let (src, trg) = parse_pair(pair).ok()?;
    Cache::with_root(root).cached_model(&src, &trg)
}

/// One file of an installed model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InstalledFile {
    /// The file name (its Remote Settings record name).
    pub name: String,
    /// Size in bytes.
    pub bytes: u64,
}

/// A pair directory in the model directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InstalledModel {
    /// `src-trg`, e.g. `nl-en`.
    pub pair: String,
    /// The pair directory, `<root>/<pair>`.
    pub dir: PathBuf,
    /// Total size of its files in bytes.
    pub bytes: u64,
    /// Whether it holds a usable model: a model file and its vocabulary
    /// (see [`installed`]).
    pub complete: bool,
    /// Its files, sorted by name.
    pub files: Vec<InstalledFile>,
}

/// The files of a directory (not recursive; hidden `.`-files, which are
/// temporary, skipped), sorted by name.
fn visible_files(dir: &Path) -> Result<Vec<InstalledFile>, StoreError> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).map_err(io_err(dir, "read the directory"))? {
        let entry = entry.map_err(io_err(dir, "read the directory"))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let meta = entry
            .metadata()
            .map_err(io_err(&entry.path(), "read metadata"))?;
        if meta.is_file() {
            files.push(InstalledFile {
                name,
                bytes: meta.len(),
            });
        }
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(files)
}

/// The pair directories under `root`, sorted by pair, with their files and
/// sizes; no network. Sub-directories whose names are not pairs, and hidden
/// ones (downloads in progress), are skipped. A missing `root` has no models.
pub fn list_installed(root: &Path) -> Result<Vec<InstalledModel>, StoreError> {
    if !root.exists() {
        return Ok(Vec::new());
    }
    let mut models = Vec::new();
    for entry in fs::read_dir(root).map_err(io_err(root, "read the model directory"))? {
        let entry = entry.map_err(io_err(root, "read the model directory"))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let dir = entry.path();
        if name.starts_with('.') || !dir.is_dir() {
            continue;
        }
        let Ok((src, trg)) = parse_pair(&name) else {
            continue;
        };
        if format!("{src}-{trg}") != name {
            continue; // not in canonical (lower-case) form: not ours
        }
        let files = visible_files(&dir)?;
        models.push(InstalledModel {
            bytes: files.iter().map(|f| f.bytes).sum(),
            complete: installed(root, &name).is_some(),
            pair: name,
            dir,
            files,
        });
    }
    models.sort_by(|a, b| a.pair.cmp(&b.pair));
    Ok(models)
}

/// Remove the installed `pair` (its whole directory). `Ok(false)` when it
/// was not installed.
pub fn remove(root: &Path, pair: &str) -> Result<bool, StoreError> {
    let (src, trg) = parse_pair(pair)?;
    let dir = root.join(format!("{src}-{trg}"));
    match fs::symlink_metadata(&dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(io_err(&dir, "read metadata")(e)),
        Ok(meta) if meta.is_dir() => {
            fs::remove_dir_all(&dir).map_err(io_err(&dir, "remove"))?;
            Ok(true)
        }
        Ok(_) => {
            fs::remove_file(&dir).map_err(io_err(&dir, "remove"))?;
            Ok(true)
        }
    }
}

/// Drop the `GET <url>: ` and `<url>: ` prefixes fxtranslate's and ureq's
/// messages carry, since [`StoreError::Network`] names the URL itself.
fn strip_url<'a>(message: &'a str, url: &str) -> &'a str {
    let mut m = message;
    loop {
        let before = m;
        for prefix in ["GET ", "reading "] {
            if let Some(rest) = m.strip_prefix(prefix).and_then(|r| r.strip_prefix(url)) {
                m = rest.trim_start_matches(':').trim_start();
            }
        }
        if let Some(rest) = m.strip_prefix(url) {
            m = rest.trim_start_matches(':').trim_start();
        }
        if m == before {
            return m;
        }
    }
}

/// The Remote Settings model records, from [`remote::records_url`] (which
/// honours `FXTRANSLATE_RECORDS_URL`).
fn fetch_records(fetch: &dyn Fetch) -> Result<(String, Vec<Record>), StoreError> {
    let url = remote::records_url();
    let body = fetch.get(&url).map_err(|m| StoreError::Network {
        message: strip_url(&m, &url).to_owned(),
        url: url.clone(),
    })?;
    let bad = |message: String| StoreError::BadRecords {
        url: url.clone(),
        message,
    };
    let text = String::from_utf8(body).map_err(|e| bad(format!("not UTF-8: {e}")))?;
    let records = remote::parse_records(&text).map_err(bad)?;
    Ok((url, records))
}

/// The pairs Remote Settings has a model for (in the model version this
/// build of fxtranslate supports), as sorted `src-trg` strings. Opens a
/// network connection through `fetch`.
pub fn list_available(fetch: &dyn Fetch) -> Result<Vec<String>, StoreError> {
    let (_, records) = fetch_records(fetch)?;
    Ok(remote::pairs(&records)
        .into_iter()
        .map(|(s, t)| format!("{s}-{t}"))
        .collect())
}

/// The records of every file `src`→`trg` needs: the model, the vocabulary
/// (shared, or source and target halves), and the lexical shortlist when the
/// pair has one; the latest supported version of each.
fn pair_records<'a>(
    records: &'a [Record],
    src: &str,
    trg: &str,
    url: &str,
) -> Result<Vec<&'a Record>, StoreError> {
    let missing = |file_type: &str| StoreError::NotFound {
        pair: format!("{src}-{trg}"),
        file_type: file_type.into(),
        url: url.into(),
    };
    let mut out = vec![remote::pick(records, "model", src, trg).ok_or_else(|| missing("model"))?];
    if let Some(v) = remote::pick(records, "vocab", src, trg) {
        out.push(v);
    } else {
        out.push(remote::pick(records, "srcvocab", src, trg).ok_or_else(|| missing("vocab"))?);
        out.push(remote::pick(records, "trgvocab", src, trg).ok_or_else(|| missing("trgvocab"))?);
    }
    out.extend(remote::pick(records, "lex", src, trg));
    Ok(out)
}

/// Does the file at `path` have the hash `record` announces? (A record
/// without a hash is trusted, as fxtranslate does.)
fn file_verifies(path: &Path, record: &Record) -> bool {
    match fs::read(path) {
        Ok(bytes) => record
            .decompressed_hash
            .as_ref()
            .is_none_or(|h| sha256_hex(&bytes).eq_ignore_ascii_case(h)),
        Err(_) => false,
    }
}

/// The staging directory of a download in progress: deleted on drop unless
/// it was renamed into place.
struct Staging {
    path: PathBuf,
    armed: bool,
}

impl Drop for Staging {
    fn drop(&mut self) {
        if self.armed {
            let _ = fs::remove_dir_all(&self.path);
        }
    }
}

/// Draw a one-line, in-place progress report on standard error.
fn render_progress(name: &str, done: u64, total: Option<u64>) {
    const MIB: f64 = 1024.0 * 1024.0;
    let line = match total {
        Some(t) if t > 0 => format!(
            "  {name}: {:.1} / {:.1} MiB ({}%)",
            done as f64 / MIB,
            t as f64 / MIB,
            (done as f64 / t as f64 * 100.0).round() as u64
        ),
        _ => format!("  {name}: {:.1} MiB", done as f64 / MIB),
    };
    let mut err = std::io::stderr();
    let _ = write!(err, "\r{line:<64}");
    let _ = err.flush();
}

/// Download `record`'s attachment into `dir`, decompress it, check its hash
/// and write it as `dir/<record name>`. A download that only verified after
/// resuming could be a bad splice, so one that fails is fetched once more
/// from scratch, as fxtranslate does.
fn fetch_file(
    fetch: &dyn Fetch,
    record: &Record,
    dir: &Path,
    policy: &RetryPolicy,
    progress: bool,
) -> Result<(), StoreError> {
    let url = record.cdn_url();
    let partial = dir.join(format!(".{}.download", record.name));
    let mut fetched_again = false;
    let bytes = loop {
        let mut drew = false;
        let stats = download_retrying(fetch, &url, &partial, policy, &mut |done, total| {
            if progress {
                render_progress(&record.name, done, total);
                drew = true;
            }
        });
        if drew {
            eprintln!();
        }
        let stats = stats.map_err(|m| StoreError::Network {
            message: strip_url(&m, &url).to_owned(),
            url: url.clone(),
        })?;
        let compressed = fs::read(&partial).map_err(io_err(&partial, "read the download"))?;
        let _ = fs::remove_file(&partial);
        let checked = zstd_decode(&compressed)
            .map_err(|message| StoreError::Corrupt {
                name: record.name.clone(),
                url: url.clone(),
                message,
            })
            .and_then(|bytes| match &record.decompressed_hash {
                Some(expected) => {
                    let got = sha256_hex(&bytes);
                    if got.eq_ignore_ascii_case(expected) {
                        Ok(bytes)
                    } else {
                        Err(StoreError::HashMismatch {
                            name: record.name.clone(),
                            url: url.clone(),
                            expected: expected.clone(),
                            got,
                        })
                    }
                }
                None => Ok(bytes),
            });
        match checked {
            Ok(bytes) => break bytes,
            Err(_) if stats.attempts > 1 && !fetched_again => fetched_again = true,
            Err(e) => return Err(e),
        }
    };
    let dest = dir.join(&record.name);
    let mut file = fs::File::create(&dest).map_err(io_err(&dest, "create"))?;
    file.write_all(&bytes)
        .and_then(|()| file.sync_all())
        .map_err(io_err(&dest, "write"))
}

/// Delete what killed downloads of `pair` left in `root`. Only called with
/// the pair's lock held, so no running download owns any of it. An old
/// installation moved aside by a download killed before it could move the
/// new one in is moved back instead.
fn clean_leftovers(root: &Path, pair: &str, final_dir: &Path) -> Result<(), StoreError> {
    let staging = format!(".tolk-staging-{pair}.");
    let old = format!(".tolk-old-{pair}.");
    for entry in fs::read_dir(root).map_err(io_err(root, "read the model directory"))? {
        let entry = entry.map_err(io_err(root, "read the model directory"))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if name.starts_with(&old) && !final_dir.exists() {
            fs::rename(&path, final_dir).map_err(io_err(&path, "restore"))?;
        } else if name.starts_with(&staging) || name.starts_with(&old) {
            fs::remove_dir_all(&path).map_err(io_err(&path, "remove"))?;
        }
    }
    Ok(())
}

/// The [`ModelFiles`] of the records' files in `dir`.
fn model_files(dir: &Path, records: &[&Record]) -> ModelFiles {
    let path = |t: &str| {
        records
            .iter()
            .find(|r| r.file_type == t)
            .map(|r| dir.join(&r.name))
    };
    let model = path("model").expect("pair_records always has a model");
    let (src_vocab, trg_vocab) = match path("vocab") {
        Some(v) => (v.clone(), v),
        None => (
            path("srcvocab").expect("pair_records: srcvocab"),
            path("trgvocab").expect("pair_records: trgvocab"),
        ),
    };
    ModelFiles {
        model,
        src_vocab,
        trg_vocab,
        lex: path("lex"),
    }
}

/// Discover `pair` in Remote Settings, download its files through `fetch`,
/// verify each one's SHA-256, and install them as `<root>/<pair>`; return the
/// installed files. `progress` draws a progress line per file on standard
/// error (pass `stderr().is_terminal()`).
///
/// When `<root>/<pair>` already holds exactly the current files with the
/// right hashes nothing is downloaded; files of it that are still current
/// are reused, the rest is downloaded. All or nothing: on any error (network,
/// hash mismatch, disk) nothing changes in `<root>/<pair>` and no temporary
/// file is left (see the [module documentation](self)).
pub fn download(
    fetch: &dyn Fetch,
    root: &Path,
    pair: &str,
    progress: bool,
) -> Result<ModelFiles, StoreError> {
    download_with(fetch, root, pair, progress, &RetryPolicy::default())
}

fn download_with(
    fetch: &dyn Fetch,
    root: &Path,
    pair: &str,
    progress: bool,
    policy: &RetryPolicy,
) -> Result<ModelFiles, StoreError> {
    let (src, trg) = parse_pair(pair)?;
    let pair = format!("{src}-{trg}");
    // Network first: a failure here leaves the file system untouched.
    let (url, records) = fetch_records(fetch)?;
    let wanted = pair_records(&records, &src, &trg, &url)?;

    fs::create_dir_all(root).map_err(io_err(root, "create the model directory"))?;
    let lock_path = root.join(format!(".tolk-lock-{pair}"));
    let lock = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(io_err(&lock_path, "create the lock file"))?;
    if lock.try_lock().is_err() {
        eprintln!(
            "tolk: waiting for another download of {pair} into {} to finish",
            root.display()
        );
        lock.lock().map_err(io_err(&lock_path, "lock"))?;
    }
    let final_dir = root.join(&pair);
    clean_leftovers(root, &pair, &final_dir)?;

    // Up to date: exactly the wanted files, all verifying.
    let names: BTreeSet<&str> = wanted.iter().map(|r| r.name.as_str()).collect();
    if final_dir.is_dir() {
        let have = visible_files(&final_dir)?;
        if have.len() == names.len()
            && have.iter().all(|f| names.contains(f.name.as_str()))
            && wanted
                .iter()
                .all(|r| file_verifies(&final_dir.join(&r.name), r))
        {
            return Ok(model_files(&final_dir, &wanted));
        }
    }

    let mut staging = Staging {
        path: root.join(format!(".tolk-staging-{pair}.{}", std::process::id())),
        armed: true,
    };
    fs::create_dir(&staging.path).map_err(io_err(&staging.path, "create"))?;
    for record in &wanted {
        let current = final_dir.join(&record.name);
        let staged = staging.path.join(&record.name);
        if current.is_file()
            && file_verifies(&current, record)
            && (fs::hard_link(&current, &staged).is_ok() || fs::copy(&current, &staged).is_ok())
        {
            continue;
        }
        fetch_file(fetch, record, &staging.path, policy, progress)?;
    }

    // Swap: old installation aside, the new one in, the old one deleted.
    let old = root.join(format!(".tolk-old-{pair}.{}", std::process::id()));
    let had_old = fs::symlink_metadata(&final_dir).is_ok();
    if had_old {
        fs::rename(&final_dir, &old).map_err(io_err(&final_dir, "move aside"))?;
    }
    if let Err(e) = fs::rename(&staging.path, &final_dir) {
        if had_old {
            let _ = fs::rename(&old, &final_dir);
        }
        return Err(io_err(&final_dir, "install")(e));
    }
    staging.armed = false;
    if had_old {
        let _ = fs::remove_dir_all(&old);
    }
    drop(lock);
    Ok(model_files(&final_dir, &wanted))
}

#[cfg(test)]
mod tests {
    use super::*;
    use fxtranslate::fetch::{DownloadOutcome, FetchError, Sink};
    use std::cell::RefCell;
    use std::collections::HashMap;
    use std::io::SeekFrom;

    /// A zstd frame holding `data` uncompressed: magic number, a frame
    /// header (single segment, 8-byte content size, no checksum, no
    /// dictionary) and raw blocks of at most 128 KiB, the last one flagged.
    /// Any zstd decoder reads it; tolk has no zstd encoder, and none is
    /// needed for this.
    pub(crate) fn zstd_raw_frame(data: &[u8]) -> Vec<u8> {
        let mut f = vec![0x28, 0xb5, 0x2f, 0xfd, 0b1110_0000];
        f.extend_from_slice(&(data.len() as u64).to_le_bytes());
        let blocks: Vec<&[u8]> = if data.is_empty() {
            vec![&[]]
        } else {
            data.chunks(128 * 1024).collect()
        };
        for (i, block) in blocks.iter().enumerate() {
            let last = u32::from(i + 1 == blocks.len());
            // Bit 0: last block; bits 1-2: type 0 (raw); bits 3-23: size.
            let header = last | ((block.len() as u32) << 3);
            f.extend_from_slice(&header.to_le_bytes()[..3]);
            f.extend_from_slice(block);
        }
        f
    }

    #[test]
    fn raw_zstd_frames_decode() {
        for len in [0, 1, 31, 128 * 1024, 128 * 1024 + 1, 300_000] {
            let data: Vec<u8> = (0..len).map(|i| (i * 7 % 251) as u8).collect();
            assert_eq!(zstd_decode(&zstd_raw_frame(&data)).unwrap(), data, "{len}");
        }
    }

    /// A Remote Settings stand-in: `get` serves a records JSON (or fails),
    /// `get_to` serves attachments from files in a temporary directory.
    #[derive(Default)]
    struct FakeFetch {
        records: Option<Vec<u8>>,
        attachments: HashMap<String, PathBuf>,
        /// `get_to` fails on every URL (not retryable), after writing half.
        fail_attachments: bool,
        urls: RefCell<Vec<String>>,
    }

    impl Fetch for FakeFetch {
        fn get(&self, url: &str) -> Result<Vec<u8>, String> {
            self.urls.borrow_mut().push(url.into());
            self.records
                .clone()
                .ok_or_else(|| format!("GET {url}: {url}: Connection Failed: connection refused"))
        }

        fn get_to(
            &self,
            url: &str,
            range_from: u64,
            sink: &mut dyn Sink,
            on_progress: &mut dyn FnMut(u64, Option<u64>),
        ) -> Result<DownloadOutcome, FetchError> {
            self.urls.borrow_mut().push(url.into());
            let fail = |message: String| FetchError {
                message,
                retryable: false,
            };
            let path = self
                .attachments
                .get(url)
                .ok_or_else(|| fail(format!("GET {url}: status code 404")))?;
            let body = fs::read(path).map_err(|e| fail(e.to_string()))?;
            let resumed = range_from > 0 && range_from as usize <= body.len();
            let base = if resumed { range_from as usize } else { 0 };
            sink.seek(SeekFrom::Start(base as u64))
                .map_err(|e| fail(e.to_string()))?;
            let total = Some(body.len() as u64);
            let tail = &body[base..];
            let tail = if self.fail_attachments {
                &tail[..tail.len() / 2]
            } else {
                tail
            };
            sink.write_all(tail).map_err(|e| fail(e.to_string()))?;
            on_progress((base + tail.len()) as u64, total);
            if self.fail_attachments {
                return Err(fail(format!("reading {url}: connection reset")));
            }
            Ok(DownloadOutcome { resumed, total })
        }
    }

    /// One file of the fake collection.
    struct Served {
        name: &'static str,
        file_type: &'static str,
        bytes: Vec<u8>,
        /// The hash the record announces (default: the true one).
        hash: Option<String>,
    }

    fn served(name: &'static str, file_type: &'static str, bytes: Vec<u8>) -> Served {
        Served {
            name,
            file_type,
            bytes,
            hash: None,
        }
    }

    /// Build a records JSON shaped like fxtranslate's
    /// `tests/fixtures/rs-models-v2.json` for `src`→`trg`, with each
    /// attachment zstd-framed in `dir`, and a fetch serving both.
    fn collection(dir: &Path, src: &str, trg: &str, files: &[Served]) -> FakeFetch {
        let mut fetch = FakeFetch::default();
        let mut data = Vec::new();
        for (i, f) in files.iter().enumerate() {
            let location = format!("main-workspace/translations-models-v2/{i:08}-test.zst");
            let framed = zstd_raw_frame(&f.bytes);
            let path = dir.join(format!("{i}.zst"));
            fs::write(&path, &framed).unwrap();
            fetch
                .attachments
                .insert(format!("{}/{location}", remote::CDN_ROOT), path);
            data.push(serde_json::json!({
                "name": f.name,
                "version": "3.0",
                "fileType": f.file_type,
                "architecture": "base-memory",
                "sourceLanguage": src,
                "targetLanguage": trg,
                "decompressedHash": f.hash.clone().unwrap_or_else(|| sha256_hex(&f.bytes)),
                "decompressedSize": f.bytes.len(),
                "attachment": {
                    "hash": sha256_hex(&framed),
                    "size": framed.len(),
                    "filename": format!("{}.zst", f.name),
                    "location": location,
                    "mimetype": "application/zstd",
                },
            }));
        }
        fetch.records = Some(serde_json::to_vec(&serde_json::json!({ "data": data })).unwrap());
        fetch
    }

    fn model_bytes() -> (Vec<u8>, Vec<u8>) {
        let tiny = crate::neural::testmodel::tiny_model(7, &[]);
        (tiny.model, tiny.vocab)
    }

    fn nlen(dir: &Path) -> FakeFetch {
        let (model, vocab) = model_bytes();
        collection(
            dir,
            "nl",
            "en",
            &[
                served("model.nlen.intgemm.alphas.bin", "model", model),
                served("vocab.nlen.spm", "vocab", vocab),
            ],
        )
    }

    /// Every entry under `dir`, hidden ones included, as sorted relative paths.
    fn tree(dir: &Path) -> Vec<String> {
        fn walk(base: &Path, dir: &Path, out: &mut Vec<String>) {
            let Ok(rd) = fs::read_dir(dir) else { return };
            for e in rd.flatten() {
                let p = e.path();
                out.push(p.strip_prefix(base).unwrap().display().to_string());
                if p.is_dir() {
                    walk(base, &p, out);
                }
            }
        }
        let mut out = Vec::new();
        walk(dir, dir, &mut out);
        out.sort();
        out
    }

    /// Nothing but (at most) the lock file: no pair directory, no staging.
    fn assert_nothing_cached(root: &Path) {
        let left: Vec<String> = tree(root)
            .into_iter()
            .filter(|p| !p.starts_with(".tolk-lock-"))
            .collect();
        assert!(left.is_empty(), "left behind: {left:?}");
        assert!(installed(root, "nl-en").is_none());
        assert!(list_installed(root).unwrap().is_empty());
    }

    fn download_test(fetch: &FakeFetch, root: &Path, pair: &str) -> Result<ModelFiles, StoreError> {
        download_with(fetch, root, pair, false, &RetryPolicy::no_delay())
    }

    #[test]
    fn downloads_verifies_and_installs() {
        let serve = tempfile::tempdir().unwrap();
        let root = tempfile::tempdir().unwrap();
        let root = root.path().join("models"); // created by download
        let fetch = nlen(serve.path());
        let files = download_test(&fetch, &root, "nl-en").unwrap();

        let dir = root.join("nl-en");
        assert_eq!(files.model, dir.join("model.nlen.intgemm.alphas.bin"));
        assert_eq!(files.src_vocab, dir.join("vocab.nlen.spm"));
        assert_eq!(files.trg_vocab, files.src_vocab);
        assert_eq!(files.lex, None);
        let (model, vocab) = model_bytes();
        assert_eq!(fs::read(&files.model).unwrap(), model);
        assert_eq!(fs::read(&files.src_vocab).unwrap(), vocab);
        assert_eq!(
            tree(&root),
            [
                ".tolk-lock-nl-en",
                "nl-en",
                "nl-en/model.nlen.intgemm.alphas.bin",
                "nl-en/vocab.nlen.spm"
            ]
        );

        // What was installed is a model fxtranslate loads.
        fxtranslate::engine::Engine::load(&files.model, &files.src_vocab, &files.trg_vocab)
            .expect("the installed model loads");

        let found = installed(&root, "nl-en").expect("installed");
        assert_eq!(found.model, files.model);
        assert_eq!(found.src_vocab, files.src_vocab);
        let list = list_installed(&root).unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].pair, "nl-en");
        assert!(list[0].complete);
        assert_eq!(list[0].bytes, (model.len() + vocab.len()) as u64);
        assert_eq!(list[0].files.len(), 2);

        // Up to date: the records are fetched again, the files are not.
        fetch.urls.borrow_mut().clear();
        download_test(&fetch, &root, "nl-en").unwrap();
        assert_eq!(fetch.urls.borrow().len(), 1, "{:?}", fetch.urls.borrow());

        assert!(remove(&root, "nl-en").unwrap());
        assert!(!remove(&root, "nl-en").unwrap());
        assert!(installed(&root, "nl-en").is_none());
    }

    #[test]
    fn a_stale_file_is_replaced_and_extra_files_dropped() {
        let serve = tempfile::tempdir().unwrap();
        let root = tempfile::tempdir().unwrap();
        let root = root.path();
        let dir = root.join("nl-en");
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("model.nlen.intgemm.alphas.bin"), b"corrupt").unwrap();
        fs::write(dir.join("model.nlen.old-version.bin"), b"old").unwrap();
        let (_, vocab) = model_bytes();
        fs::write(dir.join("vocab.nlen.spm"), &vocab).unwrap();

        let fetch = nlen(serve.path());
        download_test(&fetch, root, "nl-en").unwrap();
        // The vocabulary was current and reused; only the model was fetched.
        assert_eq!(fetch.urls.borrow().len(), 2, "{:?}", fetch.urls.borrow());
        let names: Vec<String> = list_installed(root).unwrap()[0]
            .files
            .iter()
            .map(|f| f.name.clone())
            .collect();
        assert_eq!(names, ["model.nlen.intgemm.alphas.bin", "vocab.nlen.spm"]);
    }

    #[test]
    fn hash_mismatch_caches_nothing() {
        let serve = tempfile::tempdir().unwrap();
        let root = tempfile::tempdir().unwrap();
        let (model, vocab) = model_bytes();
        let mut bad = served("model.nlen.intgemm.alphas.bin", "model", model);
        bad.hash = Some("00".repeat(32));
        let fetch = collection(
            serve.path(),
            "nl",
            "en",
            &[served("vocab.nlen.spm", "vocab", vocab), bad],
        );
        let err = download_test(&fetch, root.path(), "nl-en").unwrap_err();
        assert!(matches!(err, StoreError::HashMismatch { .. }), "{err:?}");
        let msg = err.to_string();
        assert!(
            msg.contains("model.nlen.intgemm.alphas.bin: hash mismatch"),
            "{msg}"
        );
        assert!(msg.contains(&"00".repeat(32)), "{msg}");
        assert!(!msg.contains('\n'));
        assert_nothing_cached(root.path());
    }

    #[test]
    fn a_failed_download_keeps_the_installed_model() {
        let serve = tempfile::tempdir().unwrap();
        let root = tempfile::tempdir().unwrap();
        let root = root.path();
        download_test(&nlen(serve.path()), root, "nl-en").unwrap();
        let before = tree(root);

        // A new model version whose download breaks off.
        let serve2 = tempfile::tempdir().unwrap();
        let (_, vocab) = model_bytes();
        let mut fetch = collection(
            serve2.path(),
            "nl",
            "en",
            &[
                served("model.nlen.v2.bin", "model", b"new".to_vec()),
                served("vocab.nlen.spm", "vocab", vocab),
            ],
        );
        fetch.fail_attachments = true;
        let err = download_test(&fetch, root, "nl-en").unwrap_err();
        assert!(matches!(err, StoreError::Network { .. }), "{err:?}");
        assert_eq!(tree(root), before);
        assert!(installed(root, "nl-en").is_some());
    }

    #[test]
    fn network_errors_name_the_url_and_cache_nothing() {
        let root = tempfile::tempdir().unwrap();
        let root = root.path().join("models");
        let err = download_test(&FakeFetch::default(), &root, "nl-en").unwrap_err();
        let url = remote::records_url();
        match &err {
            StoreError::Network { url: u, message } => {
                assert_eq!(u, &url);
                assert_eq!(message, "Connection Failed: connection refused");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            err.to_string(),
            format!("network error: cannot fetch {url}: Connection Failed: connection refused")
        );
        assert!(
            !root.exists(),
            "nothing is created before the records arrive"
        );

        // The attachment download fails mid-way.
        let serve = tempfile::tempdir().unwrap();
        let mut fetch = nlen(serve.path());
        fetch.fail_attachments = true;
        let err = download_test(&fetch, &root, "nl-en").unwrap_err();
        match &err {
            StoreError::Network { url, message } => {
                assert!(url.starts_with(remote::CDN_ROOT), "{url}");
                assert_eq!(message, "connection reset");
            }
            other => panic!("{other:?}"),
        }
        assert_nothing_cached(&root);

        assert!(matches!(
            list_available(&FakeFetch::default()),
            Err(StoreError::Network { .. })
        ));
    }

    #[test]
    fn unknown_pairs_are_not_found() {
        let serve = tempfile::tempdir().unwrap();
        let root = tempfile::tempdir().unwrap();
        let fetch = nlen(serve.path());
        let err = download_test(&fetch, root.path(), "fr-en").unwrap_err();
        assert!(
            matches!(&err, StoreError::NotFound { pair, file_type, .. } if pair == "fr-en" && file_type == "model"),
            "{err:?}"
        );
        assert!(
            err.to_string()
                .starts_with("no model for fr-en in Remote Settings (")
        );
        assert!(tree(root.path()).is_empty());

        // A model without its vocabulary is not downloadable either.
        let serve = tempfile::tempdir().unwrap();
        let (model, _) = model_bytes();
        let fetch = collection(
            serve.path(),
            "nl",
            "en",
            &[served("model.nlen.bin", "model", model)],
        );
        let err = download_test(&fetch, root.path(), "nl-en").unwrap_err();
        assert!(matches!(&err, StoreError::NotFound { file_type, .. } if file_type == "vocab"));
        assert!(tree(root.path()).is_empty());

        assert_eq!(list_available(&fetch).unwrap(), ["nl-en"]);
        assert!(matches!(
            download_test(&fetch, root.path(), "nl"),
            Err(StoreError::InvalidPair(_))
        ));
    }

    #[test]
    fn split_vocabularies_and_shortlists() {
        let serve = tempfile::tempdir().unwrap();
        let root = tempfile::tempdir().unwrap();
        let fetch = collection(
            serve.path(),
            "nl",
            "en",
            &[
                served("model.nlen.bin", "model", b"m".to_vec()),
                served("srcvocab.nlen.spm", "srcvocab", b"s".to_vec()),
                served("trgvocab.nlen.spm", "trgvocab", b"t".to_vec()),
                served("lex.50.50.nlen.s2t.bin", "lex", b"l".to_vec()),
            ],
        );
        let files = download_test(&fetch, root.path(), "nl-en").unwrap();
        let dir = root.path().join("nl-en");
        assert_eq!(files.src_vocab, dir.join("srcvocab.nlen.spm"));
        assert_eq!(files.trg_vocab, dir.join("trgvocab.nlen.spm"));
        assert_eq!(files.lex, Some(dir.join("lex.50.50.nlen.s2t.bin")));
        assert!(installed(root.path(), "nl-en").is_some());
    }

    #[test]
    fn leftovers_of_a_killed_download_are_cleaned() {
        let serve = tempfile::tempdir().unwrap();
        let root = tempfile::tempdir().unwrap();
        let root = root.path();
        // Killed between moving the old installation aside and moving the
        // new one in; and a staging directory of another killed run.
        let old = root.join(".tolk-old-nl-en.1");
        fs::create_dir_all(&old).unwrap();
        fs::write(old.join("model.nlen.bin"), b"m").unwrap();
        fs::write(old.join("vocab.nlen.spm"), b"v").unwrap();
        fs::create_dir_all(root.join(".tolk-staging-nl-en.2")).unwrap();
        fs::write(root.join(".tolk-staging-nl-en.2/.x.download"), b"half").unwrap();
        assert!(list_installed(root).unwrap().is_empty());

        let fetch = nlen(serve.path());
        download_test(&fetch, root, "nl-en").unwrap();
        assert_eq!(
            tree(root),
            [
                ".tolk-lock-nl-en",
                "nl-en",
                "nl-en/model.nlen.intgemm.alphas.bin",
                "nl-en/vocab.nlen.spm"
            ]
        );
    }

    #[test]
    fn lists_only_pair_directories() {
        let root = tempfile::tempdir().unwrap();
        let root = root.path();
        assert!(list_installed(&root.join("missing")).unwrap().is_empty());
        fs::create_dir_all(root.join("nl-en")).unwrap();
        fs::write(root.join("nl-en/model.nlen.bin"), b"12345").unwrap();
        fs::write(root.join("nl-en/.model.nlen.bin.download"), b"x").unwrap();
        fs::create_dir_all(root.join("notes")).unwrap();
        fs::create_dir_all(root.join(".tolk-staging-de-en.9")).unwrap();
        fs::write(root.join("README"), b"").unwrap();
        let list = list_installed(root).unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].bytes, 5);
        assert!(!list[0].complete, "no vocabulary");
        assert!(installed(root, "nl-en").is_none());
        fs::write(root.join("nl-en/vocab.nlen.spm"), b"v").unwrap();
        assert!(list_installed(root).unwrap()[0].complete);
    }

    #[test]
    fn pairs_are_validated() {
        for ok in ["nl-en", "EN-nl", "zh_hant-en", "nds-en"] {
            assert!(parse_pair(ok).is_ok(), "{ok}");
        }
        for bad in [
            "", "nl", "nl-", "-en", "nl en", "nl-en-x", "n-en", "nlxx-en", "../en", "nl-e/",
        ] {
            assert!(parse_pair(bad).is_err(), "{bad}");
        }
        assert!(installed(Path::new("/"), "..").is_none());
        assert!(matches!(
            remove(Path::new("/"), "../x"),
            Err(StoreError::InvalidPair(_))
        ));
    }

    #[test]
    fn model_root_prefers_the_argument() {
        assert_eq!(model_root(Some(Path::new("/m"))), PathBuf::from("/m"));
        // Without one the result depends on the environment; it always ends
        // in tolk/models unless TOLK_MODEL_DIR is set.
        if std::env::var_os(MODEL_DIR_ENV).is_none() {
            assert!(model_root(None).ends_with("tolk/models"));
        }
    }

    #[test]
    fn strips_repeated_urls() {
        let u = "http://127.0.0.1:9/records";
        assert_eq!(
            strip_url(&format!("GET {u}: {u}: Connection Failed: refused"), u),
            "Connection Failed: refused"
        );
        assert_eq!(strip_url("status code 404", u), "status code 404");
    }
}
