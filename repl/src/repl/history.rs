//! Where the REPL keeps its history: `$XDG_STATE_HOME/teras/history` when XDG_STATE_HOME
//! is set, else `~/.teras_history`. Failing to read or write it is never an error.

use std::path::{Path, PathBuf};

/// The history file for this environment, or `None` when there is no home to keep it in.
pub fn path() -> Option<PathBuf> {
    path_from(std::env::var_os("XDG_STATE_HOME"), std::env::var_os("HOME"))
}

fn path_from(
    state: Option<std::ffi::OsString>,
    home: Option<std::ffi::OsString>,
) -> Option<PathBuf> {
    // The XDG spec says relative paths are invalid and must be ignored.
    if let Some(state) = state.map(PathBuf::from).filter(|p| p.is_absolute()) {
        return Some(state.join("teras").join("history"));
    }
    home.filter(|h| !h.is_empty()).map(|h| Path::new(&h).join(".teras_history"))
}

/// Create the directory the history file goes in (silently; failure shows up later as a
/// history that is not saved, which is allowed).
pub fn prepare(path: &Path) {
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xdg_first_then_home() {
        assert_eq!(
            path_from(Some("/s".into()), Some("/h".into())),
            Some(PathBuf::from("/s/teras/history"))
        );
        assert_eq!(path_from(None, Some("/h".into())), Some(PathBuf::from("/h/.teras_history")));
        assert_eq!(
            path_from(Some("relative".into()), Some("/h".into())),
            Some(PathBuf::from("/h/.teras_history"))
        );
        assert_eq!(path_from(None, None), None);
        assert_eq!(path_from(None, Some("".into())), None);
    }
}
