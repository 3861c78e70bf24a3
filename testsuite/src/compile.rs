//! Builds cases to LLVM bitcode with clang-22 and rustc, the way the kernel
//! (or a user-space project) would compile them.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::case::{Arch, Case, Opt, Variant};

/// Where things are.
#[derive(Clone, Debug)]
pub struct Layout {
    pub workspace: PathBuf,
    /// `<target>/testsuite`: all build output.
    pub out: PathBuf,
    pub target_dir: PathBuf,
}

impl Layout {
    /// The workspace this crate was compiled in; output under
    /// `$CARGO_TARGET_DIR` (or `<workspace>/target`) `/testsuite`.
    pub fn from_env() -> Layout {
        let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .unwrap_or(Path::new("."))
            .to_path_buf();
        let target_dir = match std::env::var_os("CARGO_TARGET_DIR") {
            Some(d) => {
                let d = PathBuf::from(d);
                if d.is_absolute() {
                    d
                } else {
                    workspace.join(d)
                }
            }
            None => workspace.join("target"),
        };
        Layout {
            out: target_dir.join("testsuite"),
            workspace,
            target_dir,
        }
    }
    pub fn testsuite(&self) -> PathBuf {
        self.workspace.join("testsuite")
    }
    pub fn cases(&self) -> PathBuf {
        self.testsuite().join("cases")
    }
    pub fn shim_include(&self) -> PathBuf {
        self.testsuite().join("kernel/include")
    }
}

/// The compilers: `SEAM_CLANG` / `SEAM_RUSTC` override `clang-22` / `rustc`.
#[derive(Clone, Debug)]
pub struct Toolchain {
    pub clang: PathBuf,
    pub rustc: PathBuf,
}

impl Toolchain {
    pub fn from_env() -> Toolchain {
        Toolchain {
            clang: std::env::var_os("SEAM_CLANG")
                .map(PathBuf::from)
                .unwrap_or_else(|| "clang-22".into()),
            rustc: std::env::var_os("SEAM_RUSTC")
                .map(PathBuf::from)
                .unwrap_or_else(|| "rustc".into()),
        }
    }
}

/// The per-arch Rust-for-Linux stand-in: `kernel` rlib (for `--extern`),
/// its bitcode and the C `rust_helper_*` bitcode.
#[derive(Clone, Debug)]
pub struct KernelRs {
    pub rlib: PathBuf,
    pub bitcode: Vec<PathBuf>,
}

/// Flags the kernel's Makefiles pass that change the IR we see.
fn kernel_cflags(arch: Arch) -> Vec<&'static str> {
    let mut f = vec![
        "-nostdinc",
        "-ffreestanding",
        "-fno-builtin",
        "-fno-strict-aliasing",
        "-fno-common",
        "-fno-PIE",
        "-std=gnu11",
        "-D__KERNEL__",
        "-Wno-unused-function",
    ];
    match arch {
        Arch::X86_64 => f.extend([
            "-mno-red-zone",
            "-mcmodel=kernel",
            "-mno-sse",
            "-mno-mmx",
            "-mno-80387",
        ]),
        Arch::Aarch64 => f.extend(["-mgeneral-regs-only"]),
    }
    f
}

fn run(mut cmd: Command, what: &str) -> Result<(), String> {
    let shown = format!("{cmd:?}");
    let out = cmd
        .output()
        .map_err(|e| format!("{what}: cannot run {shown}: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "{what} failed ({}):\n  {shown}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim_end()
        ));
    }
    Ok(())
}

fn clang_kernel(
    tc: &Toolchain,
    layout: &Layout,
    arch: Arch,
    opt: Opt,
    defines: &[String],
    src: &Path,
    out: &Path,
) -> Result<(), String> {
    let mut cmd = Command::new(&tc.clang);
    cmd.arg(format!("--target={}", arch.clang_target()))
        .args(opt.clang_args())
        .args(["-g", "-c", "-emit-llvm"])
        .args(kernel_cflags(arch))
        .arg("-I")
        .arg(layout.shim_include());
    for d in defines {
        cmd.arg(format!("-D{d}"));
    }
    cmd.arg(src).arg("-o").arg(out);
    run(cmd, &format!("clang {}", src.display()))
}

fn stem(p: &Path) -> String {
    p.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("src")
        .to_string()
}

/// A valid crate name from a file stem.
fn crate_name(p: &Path) -> String {
    let s: String = stem(p)
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        format!("c_{s}")
    } else {
        s
    }
}

/// Builds `testsuite/kernel-rs` (crate `kernel`) and `kernel/rust_helpers.c`
/// for one arch, at -O2 like a kernel build.
pub fn build_kernel_rs(tc: &Toolchain, layout: &Layout, arch: Arch) -> Result<KernelRs, String> {
    let dir = layout.out.join("kernel-rs").join(arch.name());
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let src = layout.testsuite().join("kernel-rs/src/lib.rs");
    let mut cmd = Command::new(&tc.rustc);
    cmd.args([
        "--edition",
        "2021",
        "--crate-type=rlib",
        "--crate-name",
        "kernel",
        "--emit=link,llvm-bc",
    ])
    .args(["-C", "opt-level=2", "-g", "-C", "panic=abort"])
    .arg("--target")
    .arg(arch.rust_target())
    .arg("--out-dir")
    .arg(&dir)
    .arg(&src);
    run(cmd, "rustc kernel-rs")?;
    let helpers_src = layout.testsuite().join("kernel/rust_helpers.c");
    let helpers_bc = dir.join("rust_helpers.bc");
    clang_kernel(tc, layout, arch, Opt::O2, &[], &helpers_src, &helpers_bc)?;
    Ok(KernelRs {
        rlib: dir.join("libkernel.rlib"),
        bitcode: vec![dir.join("kernel.bc"), helpers_bc],
    })
}

/// Builds every arch that `cases` need.
pub fn build_kernel_rs_for(
    tc: &Toolchain,
    layout: &Layout,
    cases: &[Case],
) -> HashMap<Arch, Result<KernelRs, String>> {
    let mut archs: Vec<Arch> = cases
        .iter()
        .filter(|c| !c.is_userspace() && !c.rs_files.is_empty())
        .flat_map(|c| c.variants.iter().map(|v| v.arch))
        .collect();
    archs.sort();
    archs.dedup();
    archs
        .into_iter()
        .map(|a| (a, build_kernel_rs(tc, layout, a)))
        .collect()
}

/// Output directory of one variant.
pub fn variant_dir(layout: &Layout, case: &Case, v: Variant) -> PathBuf {
    layout.out.join(&case.group).join(&case.name).join(v.name())
}

/// Compiles one variant of a case; returns every bitcode file seam must
/// read together (the case's own plus kernel-rs's for Rust kernel cases).
pub fn build_variant(
    tc: &Toolchain,
    layout: &Layout,
    case: &Case,
    v: Variant,
    kernel_rs: &HashMap<Arch, Result<KernelRs, String>>,
) -> Result<Vec<PathBuf>, String> {
    let dir = variant_dir(layout, case, v);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let defines = case.config.defines.clone().unwrap_or_default();
    let mut bcs = Vec::new();
    for c in &case.c_files {
        let out = dir.join(format!("{}.c.bc", stem(c)));
        if case.is_userspace() {
            let mut cmd = Command::new(&tc.clang);
            cmd.arg(format!("--target={}", v.arch.clang_target()))
                .args(v.opt.clang_args())
                .args([
                    "-g",
                    "-c",
                    "-emit-llvm",
                    "-pthread",
                    "-std=gnu11",
                    "-Wno-unused-function",
                ]);
            for d in &defines {
                cmd.arg(format!("-D{d}"));
            }
            cmd.arg(c).arg("-o").arg(&out);
            run(cmd, &format!("clang {}", c.display()))?;
        } else {
            clang_kernel(tc, layout, v.arch, v.opt, &defines, c, &out)?;
        }
        bcs.push(out);
    }
    let krs = if !case.is_userspace() && !case.rs_files.is_empty() {
        match kernel_rs.get(&v.arch) {
            Some(Ok(k)) => Some(k),
            Some(Err(e)) => {
                return Err(format!(
                    "kernel-rs for {} did not build: {e}",
                    v.arch.name()
                ))
            }
            None => return Err(format!("kernel-rs for {} was not built", v.arch.name())),
        }
    } else {
        None
    };
    for r in &case.rs_files {
        let out = dir.join(format!("{}.rs.bc", stem(r)));
        let mut cmd = Command::new(&tc.rustc);
        cmd.args([
            "--edition",
            "2021",
            "--crate-type=lib",
            "--emit=llvm-bc",
            "-g",
        ])
        .arg("-C")
        .arg(format!("panic={}", v.panic.name()))
        .arg("--crate-name")
        .arg(crate_name(r))
        .arg("-C")
        .arg(format!("opt-level={}", v.opt.rust_level()))
        .arg("--target")
        .arg(v.arch.rust_target());
        if let Some(k) = krs {
            cmd.arg("--extern")
                .arg(format!("kernel={}", k.rlib.display()));
        }
        cmd.arg(r).arg("-o").arg(&out);
        run(cmd, &format!("rustc {}", r.display()))?;
        bcs.push(out);
    }
    if let Some(k) = krs {
        bcs.extend(k.bitcode.iter().cloned());
    }
    Ok(bcs)
}
