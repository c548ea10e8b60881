//! Writing files so that a failure never loses data.
//!
//! [`AtomicFile`] writes to a temporary file in the target's directory and
//! renames it over the target only on [`AtomicFile::commit`]: an error, a
//! crash or Ctrl-C before that leaves the target byte-for-byte as it was, and
//! no temporary file behind (it is removed on drop, and by
//! [`remove_pending`], which the binary calls on Ctrl-C). The new file keeps the
//! old one's permissions (a new file gets 0666 less the umask), and a symbolic
//! link is followed and kept. [`DirLock`] serialises editors of one
//! directory with an advisory lock.

use std::fs::{File, Permissions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The temporary files of the [`AtomicFile`]s being written.
static PENDING: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

fn pending() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    PENDING.lock().unwrap_or_else(|e| e.into_inner())
}

/// Remove the temporary files of every [`AtomicFile`] not yet committed:
/// for a signal handler, before the process exits without running
/// destructors. Their targets are left as they were.
pub fn remove_pending() {
    for path in pending().drain(..) {
        let _ = std::fs::remove_file(path);
    }
}

fn forget_pending(path: &Path) {
    let mut p = pending();
    if let Some(i) = p.iter().position(|x| x == path) {
        p.swap_remove(i);
    }
}

/// A file being written atomically.
pub struct AtomicFile {
    tmp: tempfile::NamedTempFile,
    target: PathBuf,
    _pending: Pending,
}

/// Resolve a symbolic link to the file it points at (so that the link is
/// kept), and refuse a directory.
fn write_target(path: &Path) -> io::Result<PathBuf> {
    let target = match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => std::fs::canonicalize(path)?,
        _ => path.to_path_buf(),
    };
    if target.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "is a directory",
        ));
    }
    Ok(target)
}

fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

impl AtomicFile {
    /// Start writing `path` (created if missing).
    pub fn new(path: &Path) -> io::Result<AtomicFile> {
        let target = write_target(path)?;
        let dir = parent_dir(&target);
        let existing: Option<Permissions> =
            std::fs::metadata(&target).ok().map(|m| m.permissions());
        let mut builder = tempfile::Builder::new();
        builder.prefix(".tolk-").suffix(".tmp");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(Permissions::from_mode(0o666));
        }
        let tmp = builder.tempfile_in(&dir)?;
        pending().push(tmp.path().to_path_buf());
        let file = AtomicFile {
            _pending: Pending(tmp.path().to_path_buf()),
            tmp,
            target,
        };
        if let Some(perms) = existing {
            file.tmp.as_file().set_permissions(perms)?;
        }
        Ok(file)
    }

    /// The file that [`commit`](Self::commit) replaces.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Flush, sync and rename over the target.
    pub fn commit(mut self) -> io::Result<()> {
        self.tmp.flush()?;
        self.tmp.as_file().sync_all()?;
        let tmp_path = self.tmp.path().to_path_buf();
        // Held across the rename, so that Ctrl-C removes either the
        // temporary file before it or nothing after it.
        let mut p = pending();
        self.tmp.persist(&self.target).map_err(|e| e.error)?;
        if let Some(i) = p.iter().position(|x| *x == tmp_path) {
            p.swap_remove(i);
        }
        drop(p);
        // Make the rename itself durable.
        if let Ok(dir) = File::open(parent_dir(&self.target)) {
            let _ = dir.sync_all();
        }
        Ok(())
    }
}

/// Takes a temporary file off the pending list when it goes.
struct Pending(PathBuf);

impl Drop for Pending {
    fn drop(&mut self) {
        // Not committed (or already renamed: then not listed any more).
        forget_pending(&self.0);
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.tmp.write(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.tmp.flush()
    }
}

/// Replace `path` with `bytes`, atomically.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut f = AtomicFile::new(path)?;
    f.write_all(bytes)?;
    f.commit()
}

/// An exclusive advisory lock on the directory of a file: two tolk processes
/// editing files in one directory take turns. Released on drop.
pub struct DirLock {
    dir: File,
}

impl DirLock {
    /// Wait for the lock on the directory that holds `path`.
    pub fn acquire(path: &Path) -> io::Result<DirLock> {
        let dir = File::open(parent_dir(
            &write_target(path).unwrap_or_else(|_| path.to_path_buf()),
        ))?;
        dir.lock()?;
        Ok(DirLock { dir })
    }
}

impl Drop for DirLock {
    fn drop(&mut self) {
        let _ = self.dir.unlock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_replaces_drop_keeps() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("g.csv");
        std::fs::write(&p, "old").unwrap();
        {
            let mut f = AtomicFile::new(&p).unwrap();
            f.write_all(b"half").unwrap();
            // dropped without commit: a failed write
        }
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "old");
        assert_eq!(
            std::fs::read_dir(d.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
        write_atomic(&p, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new");
    }

    #[cfg(unix)]
    #[test]
    fn keeps_permissions_and_links() {
        use std::os::unix::fs::PermissionsExt;
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("g.csv");
        std::fs::write(&p, "old").unwrap();
        std::fs::set_permissions(&p, Permissions::from_mode(0o640)).unwrap();
        let link = d.path().join("link.csv");
        std::os::unix::fs::symlink("g.csv", &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new");
        assert_eq!(
            std::fs::metadata(&p).unwrap().permissions().mode() & 0o777,
            0o640
        );
    }
}
