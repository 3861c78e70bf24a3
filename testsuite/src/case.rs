//! Case discovery: `testsuite/cases/<group>/<case>/` with its sources,
//! optional `case.toml` and optional `seam.toml`.

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// `case.toml`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CaseToml {
    /// Why the shape is beyond a reasonable static analysis. The case is
    /// still run and reported, but does not fail the suite.
    pub known_gap: Option<String>,
    /// Optimisation levels, e.g. `["O2", "O0"]` (default `["O2"]`).
    pub opt: Option<Vec<String>>,
    /// `x86_64` and/or `aarch64` (default `["x86_64"]`).
    pub arch: Option<Vec<String>>,
    pub description: Option<String>,
    /// Extra C defines, `NAME` or `NAME=VALUE` (passed as `-D`).
    pub defines: Option<Vec<String>>,
    /// Rust panic strategies, `abort` and/or `unwind` (default
    /// `["abort"]`). `unwind` is rustc's default, what a user's build
    /// gets: landing pads, `invoke`s and `catch_unwind`'s `__rust_try`.
    pub panic: Option<Vec<String>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Arch {
    X86_64,
    Aarch64,
}

impl Arch {
    pub fn parse(s: &str) -> Result<Arch, String> {
        match s {
            "x86_64" => Ok(Arch::X86_64),
            "aarch64" | "arm64" => Ok(Arch::Aarch64),
            _ => Err(format!("unknown arch `{s}` (want x86_64 or aarch64)")),
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            Arch::X86_64 => "x86_64",
            Arch::Aarch64 => "aarch64",
        }
    }
    pub fn clang_target(self) -> &'static str {
        match self {
            Arch::X86_64 => "x86_64-linux-gnu",
            Arch::Aarch64 => "aarch64-linux-gnu",
        }
    }
    pub fn rust_target(self) -> &'static str {
        match self {
            Arch::X86_64 => "x86_64-unknown-linux-gnu",
            Arch::Aarch64 => "aarch64-unknown-linux-gnu",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Opt {
    O0,
    O1,
    O2,
    O3,
    /// `-O2` as the kernel corpus embeds it (`-Xclang -fembed-bitcode=all`):
    /// the front end's output before LLVM's passes, every `static inline`
    /// helper still a function of its own.
    O2Pre,
}

impl Opt {
    pub fn parse(s: &str) -> Result<Opt, String> {
        match s {
            "O0" => Ok(Opt::O0),
            "O1" => Ok(Opt::O1),
            "O2" => Ok(Opt::O2),
            "O3" => Ok(Opt::O3),
            "O2-pre" => Ok(Opt::O2Pre),
            _ => Err(format!("unknown opt level `{s}` (want O0..O3, O2-pre)")),
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            Opt::O0 => "O0",
            Opt::O1 => "O1",
            Opt::O2 => "O2",
            Opt::O3 => "O3",
            Opt::O2Pre => "O2-pre",
        }
    }
    /// clang's optimisation flags.
    pub fn clang_args(self) -> Vec<&'static str> {
        match self {
            Opt::O2Pre => vec!["-O2", "-Xclang", "-disable-llvm-optzns"],
            Opt::O0 => vec!["-O0"],
            Opt::O1 => vec!["-O1"],
            Opt::O2 => vec!["-O2"],
            Opt::O3 => vec!["-O3"],
        }
    }
    /// rustc's `-C opt-level=` value.
    pub fn rust_level(self) -> &'static str {
        match self {
            Opt::O2Pre => "2",
            _ => &self.name()[1..],
        }
    }
}

/// rustc's `-C panic=` strategy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Panic {
    Abort,
    Unwind,
}

impl Panic {
    pub fn parse(s: &str) -> Result<Panic, String> {
        match s {
            "abort" => Ok(Panic::Abort),
            "unwind" => Ok(Panic::Unwind),
            _ => Err(format!(
                "unknown panic strategy `{s}` (want abort or unwind)"
            )),
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            Panic::Abort => "abort",
            Panic::Unwind => "unwind",
        }
    }
}

/// One build of a case: an architecture, an optimisation level and (for
/// Rust) a panic strategy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Variant {
    pub arch: Arch,
    pub opt: Opt,
    pub panic: Panic,
}

impl Variant {
    /// `x86_64-O2`, with `-unwind` for an unwinding build (the default
    /// `abort` keeps the names, and build directories, it always had).
    pub fn name(self) -> String {
        match self.panic {
            Panic::Abort => format!("{}-{}", self.arch.name(), self.opt.name()),
            Panic::Unwind => format!("{}-{}-unwind", self.arch.name(), self.opt.name()),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Case {
    pub group: String,
    pub name: String,
    pub dir: PathBuf,
    pub c_files: Vec<PathBuf>,
    pub rs_files: Vec<PathBuf>,
    pub config: CaseToml,
    pub seam_toml: Option<PathBuf>,
    pub variants: Vec<Variant>,
}

impl Case {
    /// `group/case`.
    pub fn id(&self) -> String {
        format!("{}/{}", self.group, self.name)
    }
    /// User-space cases use the system headers and Rust std, not the shims.
    pub fn is_userspace(&self) -> bool {
        self.group == "userspace"
    }
    pub fn sources(&self) -> Vec<PathBuf> {
        self.c_files.iter().chain(&self.rs_files).cloned().collect()
    }
    pub fn known_gap(&self) -> Option<&str> {
        self.config.known_gap.as_deref()
    }

    pub fn load(group: &str, dir: &Path) -> Result<Case, String> {
        let name = dir
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or_else(|| format!("{}: bad case dir name", dir.display()))?;
        let mut c_files = Vec::new();
        let mut rs_files = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
            let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
            match path.extension().and_then(|e| e.to_str()) {
                Some("c") => c_files.push(path),
                Some("rs") => rs_files.push(path),
                _ => {}
            }
        }
        c_files.sort();
        rs_files.sort();
        if c_files.is_empty() && rs_files.is_empty() {
            return Err(format!("{}: case has no .c or .rs source", dir.display()));
        }
        let toml_path = dir.join("case.toml");
        let config: CaseToml = if toml_path.exists() {
            let text = std::fs::read_to_string(&toml_path)
                .map_err(|e| format!("{}: {e}", toml_path.display()))?;
            toml::from_str(&text).map_err(|e| format!("{}: {e}", toml_path.display()))?
        } else {
            CaseToml::default()
        };
        if let Some(reason) = &config.known_gap {
            if reason.trim().is_empty() {
                return Err(format!(
                    "{}: `known-gap` needs a reason",
                    toml_path.display()
                ));
            }
        }
        let archs = match &config.arch {
            Some(a) => a
                .iter()
                .map(|s| Arch::parse(s))
                .collect::<Result<Vec<_>, _>>(),
            None => Ok(vec![Arch::X86_64]),
        }
        .map_err(|e| format!("{}: {e}", toml_path.display()))?;
        let opts = match &config.opt {
            Some(o) => o
                .iter()
                .map(|s| Opt::parse(s))
                .collect::<Result<Vec<_>, _>>(),
            None => Ok(vec![Opt::O2]),
        }
        .map_err(|e| format!("{}: {e}", toml_path.display()))?;
        let panics = match &config.panic {
            Some(p) => p
                .iter()
                .map(|s| Panic::parse(s))
                .collect::<Result<Vec<_>, _>>(),
            None => Ok(vec![Panic::Abort]),
        }
        .map_err(|e| format!("{}: {e}", toml_path.display()))?;
        if archs.is_empty() || opts.is_empty() || panics.is_empty() {
            return Err(format!(
                "{}: `arch`, `opt` and `panic` must not be empty",
                toml_path.display()
            ));
        }
        // Kernel Rust is `no_std` and always aborts (kernel-rs is built so).
        if config.panic.is_some() && (rs_files.is_empty() || group != "userspace") {
            return Err(format!(
                "{}: `panic` is for user-space Rust cases",
                toml_path.display()
            ));
        }
        let mut variants = Vec::new();
        for &arch in &archs {
            for &opt in &opts {
                for &panic in &panics {
                    variants.push(Variant { arch, opt, panic });
                }
            }
        }
        let seam_toml = Some(dir.join("seam.toml")).filter(|p| p.exists());
        Ok(Case {
            group: group.to_string(),
            name: name.to_string(),
            dir: dir.to_path_buf(),
            c_files,
            rs_files,
            config,
            seam_toml,
            variants,
        })
    }
}

/// All cases under `cases_dir`, sorted by id. Errors in single cases are
/// collected, not fatal: one malformed case must not hide the others.
pub fn discover(cases_dir: &Path) -> (Vec<Case>, Vec<String>) {
    let mut cases = Vec::new();
    let mut errors = Vec::new();
    let groups = match sorted_dirs(cases_dir) {
        Ok(g) => g,
        Err(e) => return (cases, vec![e]),
    };
    for gdir in groups {
        let group = gdir
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        match sorted_dirs(&gdir) {
            Ok(dirs) => {
                for d in dirs {
                    match Case::load(&group, &d) {
                        Ok(c) => cases.push(c),
                        Err(e) => errors.push(e),
                    }
                }
            }
            Err(e) => errors.push(e),
        }
    }
    (cases, errors)
}

fn sorted_dirs(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        if path.is_dir() {
            out.push(path);
        }
    }
    out.sort();
    Ok(out)
}

/// Shell-style glob on case ids: `*` any run of characters, `?` one.
pub fn glob_match(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    // Iterative matcher with backtracking to the last `*`.
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some((pi, ti));
            pi += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(glob_match("*", "kernel/a"));
        assert!(glob_match("kernel/*", "kernel/a-b"));
        assert!(!glob_match("kernel/*", "userspace/a"));
        assert!(glob_match("*race*", "kernel/ffi-race-1"));
        assert!(glob_match("k?rnel/a", "kernel/a"));
        assert!(!glob_match("kernel/a", "kernel/ab"));
        assert!(glob_match("*a*b", "xaxxb"));
    }

    #[test]
    fn case_toml_is_strict() {
        assert!(toml::from_str::<CaseToml>(
            "known-gap = \"x\"\nopt=[\"O2\",\"O0\"]\narch=[\"aarch64\"]\n"
        )
        .is_ok());
        assert!(toml::from_str::<CaseToml>("knowngap = \"x\"\n").is_err());
        assert!(toml::from_str::<CaseToml>("panic = [\"unwind\", \"abort\"]\n").is_ok());
        assert!(Panic::parse("unwind").is_ok() && Panic::parse("abort").is_ok());
        assert!(Panic::parse("unwinding").is_err());
    }
}
