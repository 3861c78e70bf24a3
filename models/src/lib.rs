//! seam's models: what the analysis knows about functions it does not see
//! into (locks, marked accesses, barriers, thread registration, allocation,
//! may-sleep, MMIO) and about inline asm. Models are data: TOML files embedded
//! in the binary, extended by `--models FILE` or a project's `seam.toml`.
//!
//! The file format is documented in `docs/models.md`.
//!
//! Functions are matched by symbol (`function = "_raw_spin_lock"`), or by
//! demangled Rust path prefix (`path = "kernel::sync::lock::Lock<"`) so that
//! generic instantiations match whatever crate they were monomorphised in.

use std::fmt;

use serde::{Deserialize, Serialize};

/// One model file's content. Every section is optional.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelSet {
    /// Short name (`linux-kernel-c`, `rust-for-linux`, `posix`, `rust-std`, …).
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default, rename = "lock")]
    pub locks: Vec<LockModel>,
    #[serde(default, rename = "access")]
    pub accesses: Vec<AccessModel>,
    #[serde(default, rename = "barrier")]
    pub barriers: Vec<BarrierModel>,
    #[serde(default, rename = "asm")]
    pub asm: Vec<AsmModel>,
    #[serde(default, rename = "spawn")]
    pub spawns: Vec<SpawnModel>,
    #[serde(default, rename = "join")]
    pub joins: Vec<JoinModel>,
    #[serde(default, rename = "alloc")]
    pub allocs: Vec<AllocModel>,
    #[serde(default, rename = "sleep")]
    pub sleeps: Vec<SleepModel>,
    #[serde(default, rename = "mmio")]
    pub mmio: Vec<MmioModel>,
    /// Functions to treat as running once before/after all concurrency
    /// (module init/exit, `main` before the first spawn is handled by joins).
    #[serde(default, rename = "init")]
    pub inits: Vec<InitModel>,
}

/// How a model names the function(s) it applies to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Matcher {
    /// Exact symbol name (C functions, `rust_helper_*`, `#[no_mangle]`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub function: Option<String>,
    /// Several exact symbol names sharing the rest of the model.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub functions: Vec<String>,
    /// Prefix of the demangled Rust path, hash stripped
    /// (`std::sync::poison::mutex::Mutex<T>::lock`, generics included as printed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Regex over the demangled name (for families like `core::sync::atomic::Atomic.*::load`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path_regex: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LockKind {
    Spin,
    RawSpin,
    Mutex,
    Rwlock,
    Rwsem,
    Rcu,
    Seqlock,
    /// A lock of a user-space library (pthread, std) or a hand-rolled one.
    Other,
}

impl fmt::Display for LockKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = match self {
            LockKind::Spin => "spin",
            LockKind::RawSpin => "raw_spin",
            LockKind::Mutex => "mutex",
            LockKind::Rwlock => "rwlock",
            LockKind::Rwsem => "rwsem",
            LockKind::Rcu => "rcu",
            LockKind::Seqlock => "seqlock",
            LockKind::Other => "other",
        };
        f.write_str(s)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LockAction {
    Acquire,
    Release,
    /// Acquires only when the return value equals `success`.
    TryAcquire,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LockMode {
    /// Shared (reader) mode: does not exclude other readers.
    Read,
    /// Exclusive mode.
    #[default]
    Write,
}

/// A lock acquire/release function.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LockModel {
    #[serde(flatten)]
    pub matcher: Matcher,
    pub action: LockAction,
    pub kind: LockKind,
    #[serde(default)]
    pub mode: LockMode,
    /// Index of the argument pointing at the lock. `None` for global locks
    /// such as RCU's read side (the lock is then the kind itself).
    #[serde(default)]
    pub arg: Option<u32>,
    /// Byte offset added to the argument to reach the lock object the
    /// analysis names (rarely needed).
    #[serde(default)]
    pub offset: i64,
    /// For `try_acquire`: the return value that means "acquired" (1 for
    /// spin_trylock/mutex_trylock, 0 for mutex_lock_interruptible).
    #[serde(default)]
    pub success: Option<i64>,
    /// The function saves/restores or disables IRQs (`_irqsave`, `_irq`).
    #[serde(default)]
    pub irq: bool,
    /// The function disables bottom halves (`_bh`).
    #[serde(default)]
    pub bh: bool,
    /// The function returns a guard whose address identifies the lock
    /// (Rust `Mutex::lock` returning `MutexGuard` pointing at the mutex).
    #[serde(default)]
    pub returns_guard: bool,
    /// The lock is visible to lockdep (a kernel lock). False for std/spin
    /// crate locks and hand-rolled ones: see rule `rust-native-lock`.
    #[serde(default = "default_true")]
    pub kernel: bool,
}

fn default_true() -> bool {
    true
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccessType {
    Read,
    Write,
    /// Read-modify-write.
    Rmw,
}

/// Memory ordering of a marked access, in LKMM's terms.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ordering {
    /// READ_ONCE/WRITE_ONCE/relaxed atomics: marked, but unordered.
    #[default]
    Relaxed,
    Acquire,
    Release,
    /// Fully ordered (value-returning atomic RMW, smp_mb-wrapped).
    Full,
    /// rcu_dereference: relaxed plus address-dependency ordering.
    Consume,
}

/// A function that performs a marked access on memory pointed to by an argument.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccessModel {
    #[serde(flatten)]
    pub matcher: Matcher,
    pub access: AccessType,
    /// Argument holding the address.
    pub arg: u32,
    /// Access size in bytes (0 = unknown/whole object).
    #[serde(default)]
    pub size: u32,
    #[serde(default)]
    pub ordering: Ordering,
    /// Native Rust atomic (`core::sync::atomic`) rather than the kernel API.
    #[serde(default)]
    pub rust_native: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BarrierKind {
    /// smp_mb: orders everything.
    Full,
    /// smp_rmb.
    Read,
    /// smp_wmb.
    Write,
    /// barrier(): compiler only.
    Compiler,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BarrierModel {
    #[serde(flatten)]
    pub matcher: Matcher,
    pub kind: BarrierKind,
}

/// What an inline-asm pattern means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AsmEffect {
    /// Atomic read-modify-write of its memory operand(s).
    AtomicRmw,
    AcquireLoad,
    ReleaseStore,
    /// Marked plain-width load/store (e.g. `ldr` in LL/SC or arch READ_ONCE).
    MarkedLoad,
    MarkedStore,
    Barrier,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AsmModel {
    /// `x86_64`, `aarch64`, or `any`; matched against the module's triple prefix.
    pub arch: String,
    /// Regex searched in the asm string.
    pub pattern: String,
    pub effect: AsmEffect,
    #[serde(default)]
    pub ordering: Ordering,
    /// For `barrier`: which kind.
    #[serde(default)]
    pub barrier: Option<BarrierKind>,
    #[serde(default)]
    pub description: String,
}

/// Execution context of a thread root.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Context {
    Process,
    Hardirq,
    Softirq,
    IrqThread,
    Kthread,
    Work,
    Timer,
    Tasklet,
    Rcu,
    /// A user-space thread.
    Thread,
}

/// A function that registers or starts a concurrent callback.
///
/// Either the callback is an argument (`callback = 1`), or it is a function
/// pointer stored in a field of the object passed as `object_arg` at byte
/// offset `callback_field` (`queue_work_on` runs `work->func`).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpawnModel {
    #[serde(flatten)]
    pub matcher: Matcher,
    #[serde(default)]
    pub callback: Option<u32>,
    #[serde(default)]
    pub object_arg: Option<u32>,
    #[serde(default)]
    pub callback_field: Option<i64>,
    /// Argument whose value the callback receives.
    #[serde(default)]
    pub data: Option<u32>,
    /// Parameter of the callback that receives `data` (or the object).
    #[serde(default)]
    pub data_param: u32,
    pub context: Context,
    /// Whether two instances of the callback may run at once.
    #[serde(default)]
    pub self_concurrent: bool,
    /// The callback's parameter is a closure environment (Rust std spawn):
    /// the root is the closure's `call_once`, found by demangled name.
    #[serde(default)]
    pub closure: bool,
    /// The function returns a handle that a `join` model consumes.
    #[serde(default)]
    pub returns_handle: bool,
}

/// A function that waits for a spawned thread to finish.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JoinModel {
    #[serde(flatten)]
    pub matcher: Matcher,
    /// Argument identifying the thread (pthread_t value or a handle pointer).
    pub arg: u32,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AllocModel {
    #[serde(flatten)]
    pub matcher: Matcher,
    /// Argument holding the size, if any.
    #[serde(default)]
    pub size_arg: Option<u32>,
    /// Memory is zeroed (no uninitialised reads to report).
    #[serde(default)]
    pub zeroed: bool,
    /// Frees rather than allocates: the argument's object is dead afterwards.
    #[serde(default)]
    pub free: bool,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SleepModel {
    #[serde(flatten)]
    pub matcher: Matcher,
    #[serde(default)]
    pub reason: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MmioRole {
    /// Returns an `__iomem` pointer (ioremap, pci_iomap …).
    Map,
    /// Proper accessor (readl/writel …).
    Accessor,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MmioModel {
    #[serde(flatten)]
    pub matcher: Matcher,
    pub role: MmioRole,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InitPhase {
    /// Runs before any callback it registers can run.
    Init,
    /// Runs after every callback was unregistered.
    Exit,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InitModel {
    #[serde(flatten)]
    pub matcher: Matcher,
    /// Section names (`.init.text`) instead of a function matcher.
    #[serde(default)]
    pub section: Option<String>,
    pub phase: InitPhase,
}

/// All loaded model sets, with lookups by function. (Being implemented.)
#[derive(Clone, Debug, Default)]
pub struct Models {
    pub sets: Vec<ModelSet>,
}
