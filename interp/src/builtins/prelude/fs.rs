// The TERAS prelude, files: std::fs::File, OpenOptions, Metadata, DirEntry and read_dir,
// fs::metadata, std::io::SeekFrom and io::copy. The natives are builtins/fs_file.rs (`__fs_*`: a File
// holds the native handle in its field `inner`); the path functions (`fs::read_to_string`,
// `fs::write`, `remove_file`, ...) are natives of builtins/fs.rs. Read/Write/Seek methods
// are inherent, so they work whether or not the program imports the traits. `BufReader` and
// `BufWriter` over a File are the prelude's (prelude/net.rs).

/// `seek(pos)` of a file's native handle (a `File`'s or a `BufReader<File>`'s `inner`).
fn __fs_seek_from(inner: &std::fs::FileHandle, pos: std::io::SeekFrom) -> std::io::Result<u64> {
    match pos {
        std::io::SeekFrom::Start(n) => __fs_seek(inner, 0, n),
        std::io::SeekFrom::End(n) => __fs_seek(inner, 1, n),
        std::io::SeekFrom::Current(n) => __fs_seek(inner, 2, n),
    }
}

pub mod std {
    pub mod fs {
        /// The native handle of an open file (never built by TERAS code).
        pub struct FileHandle {
            marker: (),
        }

        /// `std::fs::File`: an open file. Clones of it (`try_clone`) share the offset.
        pub struct File {
            inner: FileHandle,
        }

        impl File {
            pub fn open<P>(path: P) -> io::Result<File> {
                OpenOptions::new().read(true).open(path)
            }
            pub fn create<P>(path: P) -> io::Result<File> {
                OpenOptions::new().write(true).create(true).truncate(true).open(path)
            }
            pub fn create_new<P>(path: P) -> io::Result<File> {
                OpenOptions::new().read(true).write(true).create_new(true).open(path)
            }
            pub fn options() -> OpenOptions {
                OpenOptions::new()
            }
            pub fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                __fs_read(&self.inner, buf)
            }
            pub fn read_exact(&mut self, buf: &mut [u8]) -> io::Result<()> {
                __fs_read_exact(&self.inner, buf)
            }
            pub fn read_to_end(&mut self, buf: &mut Vec<u8>) -> io::Result<usize> {
                __fs_read_to_end(&self.inner, buf)
            }
            pub fn read_to_string(&mut self, buf: &mut String) -> io::Result<usize> {
                __fs_read_to_string(&self.inner, buf)
            }
            pub fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
                __fs_write(&self.inner, buf)
            }
            pub fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
                __fs_write_all(&self.inner, buf)
            }
            /// `write!(file, ...)` / `writeln!`.
            pub fn write_str(&mut self, s: String) -> io::Result<()> {
                __fs_write_all(&self.inner, s)
            }
            pub fn flush(&mut self) -> io::Result<()> {
                __fs_flush(&self.inner)
            }
            pub fn sync_all(&self) -> io::Result<()> {
                __fs_sync(&self.inner)
            }
            pub fn sync_data(&self) -> io::Result<()> {
                __fs_sync(&self.inner)
            }
            pub fn set_len(&self, size: u64) -> io::Result<()> {
                __fs_set_len(&self.inner, size)
            }
            pub fn seek(&mut self, pos: io::SeekFrom) -> io::Result<u64> {
                __fs_seek_from(&self.inner, pos)
            }
            pub fn rewind(&mut self) -> io::Result<()> {
                __fs_seek_from(&self.inner, io::SeekFrom::Start(0)).map(|_| ())
            }
            pub fn stream_position(&mut self) -> io::Result<u64> {
                __fs_seek(&self.inner, 2, 0)
            }
            pub fn metadata(&self) -> io::Result<Metadata> {
                __fs_metadata_of(__fs_stat(&self.inner))
            }
            pub fn try_clone(&self) -> io::Result<File> {
                match __fs_try_clone(&self.inner) {
                    Ok(h) => Ok(File { inner: h }),
                    Err(e) => Err(e),
                }
            }
            pub fn by_ref(&mut self) -> &mut File {
                self
            }
            /// `bytes()`: the rest of the file, one `io::Result<u8>` per byte (read at once).
            pub fn bytes(mut self) -> std::vec::IntoIter<io::Result<u8>> {
                __fs_bytes(self.read_to_end_vec())
            }
            fn read_to_end_vec(&mut self) -> io::Result<Vec<u8>> {
                let mut v = Vec::new();
                match self.read_to_end(&mut v) {
                    Ok(_) => Ok(v),
                    Err(e) => Err(e),
                }
            }
        }

        impl Debug for File {
            fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                f.write_str("File { .. }")
            }
        }

        /// `std::fs::OpenOptions`: the flags of `open`, with std's defaults (all false).
        #[derive(Clone, Debug)]
        pub struct OpenOptions {
            read: bool,
            write: bool,
            append: bool,
            truncate: bool,
            create: bool,
            create_new: bool,
        }

        impl OpenOptions {
            pub fn new() -> OpenOptions {
                OpenOptions { read: false, write: false, append: false, truncate: false, create: false, create_new: false }
            }
            pub fn read(&mut self, on: bool) -> &mut OpenOptions {
                self.read = on;
                self
            }
            pub fn write(&mut self, on: bool) -> &mut OpenOptions {
                self.write = on;
                self
            }
            pub fn append(&mut self, on: bool) -> &mut OpenOptions {
                self.append = on;
                self
            }
            pub fn truncate(&mut self, on: bool) -> &mut OpenOptions {
                self.truncate = on;
                self
            }
            pub fn create(&mut self, on: bool) -> &mut OpenOptions {
                self.create = on;
                self
            }
            pub fn create_new(&mut self, on: bool) -> &mut OpenOptions {
                self.create_new = on;
                self
            }
            pub fn open<P>(&self, path: P) -> io::Result<File> {
                let h = __fs_open(path, self.read, self.write, self.append, self.truncate, self.create, self.create_new);
                match h {
                    Ok(h) => Ok(File { inner: h }),
                    Err(e) => Err(e),
                }
            }
        }

        /// `std::fs::Metadata` (`len`, `is_dir`, `is_file`, `permissions().readonly()`).
        #[derive(Clone)]
        pub struct Metadata {
            len: u64,
            dir: bool,
            file: bool,
            readonly: bool,
        }

        impl Metadata {
            pub fn len(&self) -> u64 {
                self.len
            }
            pub fn is_dir(&self) -> bool {
                self.dir
            }
            pub fn is_file(&self) -> bool {
                self.file
            }
            pub fn permissions(&self) -> Permissions {
                Permissions { readonly: self.readonly }
            }
        }

        /// `std::fs::Permissions` (only `readonly`).
        #[derive(Clone, PartialEq, Eq, Debug)]
        pub struct Permissions {
            readonly: bool,
        }

        impl Permissions {
            pub fn readonly(&self) -> bool {
                self.readonly
            }
        }

        fn __fs_metadata_of(r: io::Result<(u64, bool, bool, bool)>) -> io::Result<Metadata> {
            match r {
                Ok((len, dir, file, readonly)) => Ok(Metadata { len: len, dir: dir, file: file, readonly: readonly }),
                Err(e) => Err(e),
            }
        }

        /// The items of `bytes()`: each byte, or the one error.
        fn __fs_bytes(r: io::Result<Vec<u8>>) -> std::vec::IntoIter<io::Result<u8>> {
            let mut out = Vec::new();
            match r {
                Ok(v) => {
                    for b in v {
                        out.push(Ok(b));
                    }
                }
                Err(e) => out.push(Err(e)),
            }
            out.into_iter()
        }

        /// `fs::metadata(path)`.
        pub fn metadata<P>(path: P) -> io::Result<Metadata> {
            __fs_metadata_of(__fs_stat(path))
        }

        /// `fs::read_dir(path)`: the entries in the order the system gives them (sort them
        /// for a deterministic output, as with Rust).
        pub fn read_dir<P>(path: P) -> io::Result<ReadDir> {
            match __fs_read_dir(path) {
                Ok(paths) => Ok(ReadDir { paths: paths, next: 0 }),
                Err(e) => Err(e),
            }
        }

        /// `fs::read_dir`'s iterator of `io::Result<DirEntry>`.
        pub struct ReadDir {
            paths: Vec<String>,
            next: usize,
        }

        impl Iterator for ReadDir {
            type Item = io::Result<DirEntry>;
            fn next(&mut self) -> Option<io::Result<DirEntry>> {
                if self.next >= self.paths.len() {
                    return None;
                }
                let p = self.paths[self.next].clone();
                self.next += 1;
                Some(Ok(DirEntry { path: p }))
            }
        }

        /// `std::fs::DirEntry`: `path()` and `file_name()` (paths are strings in TERAS).
        pub struct DirEntry {
            path: String,
        }

        impl DirEntry {
            pub fn path(&self) -> String {
                self.path.clone()
            }
            pub fn file_name(&self) -> String {
                match self.path.rfind('/') {
                    Some(i) => self.path[i + 1..].to_string(),
                    None => self.path.clone(),
                }
            }
            pub fn metadata(&self) -> io::Result<Metadata> {
                metadata(self.path.clone())
            }
        }

        impl Debug for DirEntry {
            fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                write!(f, "DirEntry({:?})", self.path)
            }
        }
    }

    pub mod io {
        /// `io::copy(reader, writer)`: everything the reader has, written to the writer; the
        /// byte count.
        pub fn copy<R, W>(reader: &mut R, writer: &mut W) -> io::Result<u64> {
            let mut bytes = Vec::new();
            match reader.read_to_end(&mut bytes) {
                Ok(_) => {}
                Err(e) => return Err(e),
            }
            match writer.write_all(&bytes) {
                Ok(()) => Ok(bytes.len() as u64),
                Err(e) => Err(e),
            }
        }

        /// `std::io::SeekFrom`.
        #[derive(Clone, Copy, PartialEq, Eq, Debug)]
        pub enum SeekFrom {
            Start(u64),
            End(i64),
            Current(i64),
        }
    }
}
