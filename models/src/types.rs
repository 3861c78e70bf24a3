//! The model file's data types: one struct per section entry.
//!
//! Field meanings are documented here and, for users, in `docs/models.md`.
//!
//! Argument indices (`arg`, `callback`, `data`, …) are 0-based positions
//! among a call's IR arguments, not counting a leading `sret` return slot.

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
    /// Where the set came from (`builtin:linux-kernel.toml` or a file path);
    /// not part of the file.
    #[serde(skip)]
    pub source: String,
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
    #[serde(default, rename = "current_thread")]
    pub current_threads: Vec<CurrentThreadModel>,
    #[serde(default, rename = "rendezvous")]
    pub rendezvous: Vec<RendezvousModel>,
    #[serde(default, rename = "alloc")]
    pub allocs: Vec<AllocModel>,
    #[serde(default, rename = "sleep")]
    pub sleeps: Vec<SleepModel>,
    #[serde(default, rename = "drop")]
    pub drops: Vec<DropModel>,
    #[serde(default, rename = "buffer")]
    pub buffers: Vec<BufferModel>,
    #[serde(default, rename = "mmio")]
    pub mmio: Vec<MmioModel>,
    /// Functions to treat as running once before/after all concurrency
    /// (module init/exit, `main` before the first spawn is handled by joins).
    #[serde(default, rename = "init")]
    pub inits: Vec<InitModel>,
    #[serde(default, rename = "static_call")]
    pub static_calls: Vec<StaticCallModel>,
    #[serde(default, rename = "condition")]
    pub conditions: Vec<ConditionModel>,
}

/// Calls patched at run time to a function held in a key (the kernel's
/// `static_call`): a call to trampoline `<trampoline_prefix>NAME` goes to
/// the function stored at `func_offset` of global `<key_prefix>NAME`, and
/// has the type of the function the key starts with.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaticCallModel {
    pub trampoline_prefix: String,
    pub key_prefix: String,
    #[serde(default)]
    pub func_offset: u64,
    /// For keys that start NULL (`DEFINE_STATIC_CALL_NULL`), which give no
    /// type: the struct or union whose function-pointer member named NAME
    /// (or NAME less a trailing `_<number>`) has the call's type. The LSM's
    /// `lsm_static_call_<hook>_<n>` calls have the type of member `<hook>`
    /// of `union security_list_options`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub type_member_of: Option<String>,
    /// Functions that store a new function in a key
    /// (`__static_call_update(key, tramp, func)`, behind
    /// `static_call_update()`): argument `update_key_arg` is the key,
    /// `update_func_arg` the function. Each call stores into its own key;
    /// through the function's parameters, every key would hold every
    /// function any update stores.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub update_functions: Vec<String>,
    #[serde(default)]
    pub update_key_arg: u32,
    #[serde(default)]
    pub update_func_arg: u32,
    #[serde(default)]
    pub reason: String,
}

/// How a model names the function(s) it applies to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Matcher {
    /// Exact symbol name (C functions, `rust_helper_*`, `#[no_mangle]`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub function: Option<String>,
    /// Several exact symbol names sharing the rest of the model.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub functions: Vec<String>,
    /// Normalised demangled Rust path (see [`crate::normalize_rust_path`]):
    /// matches that path exactly, or any path it is a `::`-boundary prefix of
    /// (`kernel::sync::lock::Lock` matches `kernel::sync::lock::Lock::lock`).
    /// Written with or without generics; the loader normalises it too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Regex searched in the demangled name with the legacy `::h<hash>`
    /// suffix removed (for families like `^core::sync::atomic::Atomic.*::load$`).
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
    /// Which functions the entry applies to. Serialised inline; on input the
    /// loader splits the matcher keys off the entry table itself, because serde
    /// cannot combine `flatten` with `deny_unknown_fields`.
    #[serde(flatten, skip_deserializing)]
    pub matcher: Matcher,
    pub action: LockAction,
    pub kind: LockKind,
    /// Mode acquired. On a `release` entry the mode only documents intent:
    /// a release drops the lock in whichever mode it is held (this is how
    /// `pthread_rwlock_unlock` and `up_read`/`up_write` are modelled alike).
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
    /// spin_trylock/mutex_trylock, 0 for mutex_lock_interruptible). For
    /// `acquire`: the value returned when it took the lock (0 for
    /// `pthread_mutex_lock`); held on every way except a branch on the
    /// result that says it failed.
    #[serde(default)]
    pub success: Option<i64>,
    /// For `try_acquire`: any non-zero return means "acquired" (functions
    /// returning a pointer or an `Option<Guard>` with a null niche). Used
    /// instead of `success`.
    #[serde(default)]
    pub success_nonzero: bool,
    /// `arg` points at a guard holding a pointer to the lock (Rust `Drop
    /// for Guard`), not at the lock itself; the pointer is at `guard_field`.
    #[serde(default)]
    pub arg_is_guard: bool,
    /// With `arg_is_guard`: byte offset of the guard's pointer to the lock
    /// (0: `MutexGuard { lock: &Mutex, .. }`; 8 for std's
    /// `RwLockReadGuard { data, inner_lock }`). When the pointer there names
    /// no lock any acquisition takes and another pointer of the guard does,
    /// that one is used (field order is the compiler's choice).
    #[serde(default)]
    pub guard_field: i64,
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
    /// One lock for the whole program, named by `kind`, taking no `arg`
    /// (SV-COMP's `__VERIFIER_atomic_begin`/`_end` atomic section).
    #[serde(default)]
    pub global: bool,
    /// The function's own body runs holding the (`global`) lock: a call
    /// to it is analysed through its body, and every instruction of the
    /// body, out of line or inlined, holds the lock (SV-COMP's
    /// `__VERIFIER_atomic_*` functions, which execute atomically).
    #[serde(default)]
    pub body: bool,
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
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
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
    /// Which functions the entry applies to. Serialised inline; on input the
    /// loader splits the matcher keys off the entry table itself, because serde
    /// cannot combine `flatten` with `deny_unknown_fields`.
    #[serde(flatten, skip_deserializing)]
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
    /// Argument carrying the memory order at run time (Rust's
    /// `core::sync::atomic::Ordering` at -O0, C11 `memory_order` for
    /// libatomic). When the analysis can read it as a constant, it overrides
    /// `ordering`; see [`AccessModel::ordering_for`]. For compare-exchange
    /// this is the success order.
    #[serde(default)]
    pub ordering_arg: Option<u32>,
    /// How the value in `ordering_arg` is encoded.
    #[serde(default)]
    pub ordering_encoding: OrderingEncoding,
    /// Argument holding the value a write stores (`atomic_set(v, i)`,
    /// `AtomicUsize::store(&self, val, order)`): a reader that waits for
    /// one value is told by it which stores can have published to it.
    #[serde(default)]
    pub value_arg: Option<u32>,
}

/// Encoding of a run-time memory-order argument.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderingEncoding {
    /// `core::sync::atomic::Ordering`: Relaxed 0, Release 1, Acquire 2, AcqRel 3, SeqCst 4.
    #[default]
    Rust,
    /// C11 `memory_order`: relaxed 0, consume 1, acquire 2, release 3, acq_rel 4, seq_cst 5.
    C11,
}

impl OrderingEncoding {
    pub fn decode(self, value: u64) -> Option<Ordering> {
        match self {
            OrderingEncoding::Rust => Ordering::from_rust_ordering(value),
            OrderingEncoding::C11 => Ordering::from_c11_memory_order(value),
        }
    }
}

impl AccessModel {
    /// The ordering of one call: decoded from the constant in `ordering_arg`
    /// when the caller has it, else the static `ordering`.
    pub fn ordering_for(&self, ordering_arg_value: Option<u64>) -> Ordering {
        match (self.ordering_arg, ordering_arg_value) {
            (Some(_), Some(v)) => self.ordering_encoding.decode(v).unwrap_or(self.ordering),
            _ => self.ordering,
        }
    }
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
    /// Which functions the entry applies to. Serialised inline; on input the
    /// loader splits the matcher keys off the entry table itself, because serde
    /// cannot combine `flatten` with `deny_unknown_fields`.
    #[serde(flatten, skip_deserializing)]
    pub matcher: Matcher,
    /// Kind when the ordering is not known from `ordering_arg`.
    pub kind: BarrierKind,
    /// Argument carrying the order at run time (`core::sync::atomic::fence`,
    /// C11 `atomic_thread_fence`): Acquire = read barrier, Release = write
    /// barrier, AcqRel/SeqCst = full; see [`BarrierModel::kind_for`].
    #[serde(default)]
    pub ordering_arg: Option<u32>,
    #[serde(default)]
    pub ordering_encoding: OrderingEncoding,
}

impl BarrierModel {
    /// The barrier kind of one call, given the constant in `ordering_arg`
    /// if the caller has it. A relaxed fence orders nothing: `None`.
    pub fn kind_for(&self, ordering_arg_value: Option<u64>) -> Option<BarrierKind> {
        let (Some(_), Some(v)) = (self.ordering_arg, ordering_arg_value) else {
            return Some(self.kind);
        };
        match self.ordering_encoding.decode(v) {
            Some(Ordering::Relaxed) => None,
            Some(Ordering::Acquire | Ordering::Consume) => Some(BarrierKind::Read),
            Some(Ordering::Release) => Some(BarrierKind::Write),
            Some(Ordering::Full) | None => Some(self.kind),
        }
    }
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
    /// For `barrier`: which kind (required then, rejected otherwise).
    #[serde(default)]
    pub barrier: Option<BarrierKind>,
    /// The pattern only means this effect if the asm statement's constraint
    /// string also lists this clobber, e.g. `"memory"`: the analysis must find
    /// `~{memory}` among the comma-separated LLVM constraints (see
    /// [`AsmModel::clobbers_ok`]). Used for the empty-string compiler barrier.
    #[serde(default)]
    pub requires_clobber: Option<String>,
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
    /// Which functions the entry applies to. Serialised inline; on input the
    /// loader splits the matcher keys off the entry table itself, because serde
    /// cannot combine `flatten` with `deny_unknown_fields`.
    #[serde(flatten, skip_deserializing)]
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
    /// The callback is a Rust closure and the function is std's API around
    /// the OS-thread start (`thread::spawn`, `Builder::spawn`,
    /// `Scope::spawn`, `thread::scope`): its body is analysed down to the
    /// modelled start, and a thread started inside it is placed at the call
    /// of the API in the user's code (for spawn/join order). rustc passes
    /// captures as 0..n scalars, so `callback` only marks where they start.
    #[serde(default)]
    pub closure: bool,
    /// Further callbacks the same call registers, sharing `data`/`data_param`
    /// (`request_threaded_irq`: the hardirq handler and the irq thread).
    #[serde(default)]
    pub more_callbacks: Vec<ExtraCallback>,
    /// The function returns a handle that a `join` model consumes.
    #[serde(default)]
    pub returns_handle: bool,
    /// Argument that identifies the started activity for a later `join`
    /// entry: the irq number, the work/timer object, or (for
    /// `pthread_create`) a pointer the handle is written through.
    #[serde(default)]
    pub handle_arg: Option<u32>,
    /// The value the function returns when it started the thread
    /// (`pthread_create` and `thrd_create` return 0): a way on which the
    /// result tested otherwise has no thread running to be ordered with.
    #[serde(default)]
    pub success: Option<i64>,
    /// The callback runs in the caller's thread before the call returns
    /// (`pthread_once`, `Once::call_once`): a call edge, not a new root.
    #[serde(default)]
    pub synchronous: bool,
    /// With `synchronous`: every thread started through the scope the
    /// callback receives is joined before the call returns
    /// (`std::thread::scope`).
    #[serde(default)]
    pub scope: bool,
    /// With `synchronous`: the callback is the program's own `main`, which
    /// the runtime runs (a Rust binary's `fn main` through
    /// `lang_start_internal`): a plain call. Without it, a synchronous
    /// callback is an init routine whose accesses happen before any other
    /// thread uses what it set up.
    #[serde(default)]
    pub program_main: bool,
    /// With `synchronous`: the function only calls the callback with
    /// `data`, each time it is called (rustc's `__rust_try`, the
    /// `catch_unwind` intrinsic behind every thread's main): a plain call
    /// of the callback at the call site, its accesses as concurrent as
    /// any.
    #[serde(default)]
    pub trampoline: bool,
    /// `object_arg` points to memory holding a boxed `dyn FnOnce` (a data
    /// pointer followed by a vtable pointer, as std passes a thread's main
    /// to `std::sys::thread::Thread::new`): the callback is the vtable's
    /// first method and receives the data pointer.
    #[serde(default)]
    pub boxed_closure: bool,
    /// The callback's parameters, `"ptr"` or `"int"` each, as its C type
    /// declares them (`void (*)(struct work_struct *)` is `["ptr"]`). When
    /// given, a function of another shape is never the callback, as the
    /// kernel's kCFI check would trap: the class a callback pointer is read
    /// from may hold every function unification merged into it.
    #[serde(default)]
    pub callback_params: Option<Vec<ParamKind>>,
    /// What the callback returns, `"void"`, `"int"` or `"ptr"`, as its C
    /// type declares it (`irqreturn_t`, an enum, is `"int"`). Checked with
    /// `callback_params`, as kCFI checks the whole type.
    #[serde(default)]
    pub callback_returns: Option<ReturnKind>,
    /// The struct the callback's `data_param` points to in its C type
    /// (`"timer_list"` for `void (*)(struct timer_list *)`). A function
    /// whose debug info names another struct there is never the callback:
    /// kCFI compares pointee types exactly.
    #[serde(default)]
    pub callback_data_struct: Option<String>,
    /// The callback is an exit handler, not a thread: it runs in the
    /// exiting thread when the program ends (`atexit`: at `main`'s return
    /// and at a call of an `exit_calls` function) or when a thread ends
    /// (`pthread_key_create`'s destructor: at the return of every thread's
    /// start function and at a call of an `exit_calls` function).
    #[serde(default)]
    pub at_exit: Option<AtExit>,
    /// With `at_exit`: functions whose call runs the handlers before they
    /// end the program or the thread (`exit`; `pthread_exit`).
    #[serde(default)]
    pub exit_calls: Vec<String>,
}

/// When an exit handler runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AtExit {
    /// When the program exits (`atexit`, `on_exit`).
    Program,
    /// When each thread exits, with that thread's own value
    /// (`pthread_key_create`, `tss_create`).
    Thread,
}

/// What a callback's C signature returns, as far as kCFI tells functions
/// apart here.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReturnKind {
    Void,
    Int,
    Ptr,
}

/// One parameter of a callback's C signature, as far as kCFI tells
/// functions apart here: pointer or not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ParamKind {
    Ptr,
    Int,
}

/// A second callback registered by the same call, in another context.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExtraCallback {
    /// Argument holding the function pointer (a null constant registers nothing).
    pub callback: u32,
    pub context: Context,
    #[serde(default)]
    pub self_concurrent: bool,
}

/// A function that waits for a spawned thread to finish.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JoinModel {
    /// Which functions the entry applies to. Serialised inline; on input the
    /// loader splits the matcher keys off the entry table itself, because serde
    /// cannot combine `flatten` with `deny_unknown_fields`.
    #[serde(flatten, skip_deserializing)]
    pub matcher: Matcher,
    /// Argument identifying the thread (pthread_t value or a handle pointer).
    pub arg: u32,
}

/// A function returning the calling thread's own handle (`pthread_self`,
/// `thrd_current`): a join of a handle it returned in `main` waits for
/// `main` to end.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CurrentThreadModel {
    /// Which functions the entry applies to. Serialised inline; on input the
    /// loader splits the matcher keys off the entry table itself, because serde
    /// cannot combine `flatten` with `deny_unknown_fields`.
    #[serde(flatten, skip_deserializing)]
    pub matcher: Matcher,
}

/// A point where threads synchronise by meeting rather than by locking.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RendezvousModel {
    /// Which functions the entry applies to. Serialised inline; on input the
    /// loader splits the matcher keys off the entry table itself, because serde
    /// cannot combine `flatten` with `deny_unknown_fields`.
    #[serde(flatten, skip_deserializing)]
    pub matcher: Matcher,
    #[serde(default)]
    pub role: RendezvousRole,
    /// The argument pointing at the barrier (required), or at the channel
    /// or semaphore a message goes through (without it, messages are not
    /// told apart by channel).
    #[serde(default)]
    pub arg: Option<u32>,
    /// For `create`: the argument holding the initial count.
    #[serde(default)]
    pub value_arg: Option<u32>,
    /// For `barrier`: the value the wait returns in exactly one
    /// participant per round (`PTHREAD_BARRIER_SERIAL_THREAD`, -1).
    #[serde(default)]
    pub serial: Option<i64>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RendezvousRole {
    /// A barrier wait (`pthread_barrier_wait`, `std::sync::Barrier::wait`):
    /// no participant leaves it before every participant arrived, so what
    /// a thread does before its wait happens before what any thread that
    /// waits on the same barrier does after its own.
    #[default]
    Barrier,
    /// Sends a message (`mpsc::Sender::send`): what the sender did before
    /// happens before what the receiver does after receiving it.
    Send,
    /// Blocks until a message arrives (`mpsc::Receiver::recv`,
    /// `sem_wait`).
    Recv,
    /// Sets up the channel or semaphore `arg` points to, holding
    /// `value_arg` messages (`sem_init`). A message through an object with
    /// `arg` orders only when it was created empty.
    Create,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AllocModel {
    /// Which functions the entry applies to. Serialised inline; on input the
    /// loader splits the matcher keys off the entry table itself, because serde
    /// cannot combine `flatten` with `deny_unknown_fields`.
    #[serde(flatten, skip_deserializing)]
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
    /// For `free`: the argument holding the pointer being freed (required).
    /// For an allocation that returns through an out-pointer
    /// (`posix_memalign`): the argument receiving the new pointer.
    #[serde(default)]
    pub ptr_arg: Option<u32>,
    /// Returns memory private to the calling thread that it stored there
    /// earlier (thread-specific data: `pthread_getspecific`, `tss_get`): an
    /// object of its own for points-to, shared only if published elsewhere,
    /// but not a new allocation (it may have been published before).
    #[serde(default)]
    pub thread_private: bool,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SleepModel {
    /// Which functions the entry applies to. Serialised inline; on input the
    /// loader splits the matcher keys off the entry table itself, because serde
    /// cannot combine `flatten` with `deny_unknown_fields`.
    #[serde(flatten, skip_deserializing)]
    pub matcher: Matcher,
    #[serde(default)]
    pub reason: String,
}

/// A test whose result, for the same constant arguments, does not change
/// while the program runs (the kernel's `_static_cpu_has(X86_FEATURE_..)`
/// once boot has patched the alternatives): two functions that test it
/// take the same branch, so a lock one takes under the test and the other
/// releases under it is held between the two calls (`its_init_mod` /
/// `its_fini_mod`).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConditionModel {
    /// Which functions the entry applies to. Serialised inline; on input the
    /// loader splits the matcher keys off the entry table itself, because serde
    /// cannot combine `flatten` with `deny_unknown_fields`.
    #[serde(flatten, skip_deserializing)]
    pub matcher: Matcher,
    #[serde(default)]
    pub reason: String,
}

/// A function that drops what its caller owns (`Box`'s `Drop`,
/// `core::mem::drop`, drop glue): a free reached through it belongs to the
/// caller, not to the library it lives in.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DropModel {
    /// Which functions the entry applies to. Serialised inline; on input the
    /// loader splits the matcher keys off the entry table itself, because serde
    /// cannot combine `flatten` with `deny_unknown_fields`.
    #[serde(flatten, skip_deserializing)]
    pub matcher: Matcher,
}

/// A library function that reads or writes the memory its pointer
/// arguments point to, plainly (`strcpy`, `strlen`, `read`): in a
/// user-space program, each is an access of the program at the call.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BufferModel {
    /// Which functions the entry applies to. Serialised inline; on input the
    /// loader splits the matcher keys off the entry table itself, because serde
    /// cannot combine `flatten` with `deny_unknown_fields`.
    #[serde(flatten, skip_deserializing)]
    pub matcher: Matcher,
    /// Arguments pointing at memory the function reads.
    #[serde(default)]
    pub reads: Vec<u32>,
    /// Arguments pointing at memory the function writes.
    #[serde(default)]
    pub writes: Vec<u32>,
    /// Every argument from this one on points at memory the function
    /// writes: the variadic results of `scanf("%d %s", &n, name)`.
    #[serde(default)]
    pub writes_from: Option<u32>,
    /// Argument holding the byte count, if any; without it (or when it is
    /// not a constant) the access covers the whole object.
    #[serde(default)]
    pub size_arg: Option<u32>,
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
    /// Which functions the entry applies to. Serialised inline; on input the
    /// loader splits the matcher keys off the entry table itself, because serde
    /// cannot combine `flatten` with `deny_unknown_fields`.
    #[serde(flatten, skip_deserializing)]
    pub matcher: Matcher,
    pub role: MmioRole,
    /// For accessors: the argument holding the `__iomem` address
    /// (`readl(addr)` = 0, `writel(value, addr)` = 1).
    #[serde(default)]
    pub addr_arg: Option<u32>,
    /// For accessors: read or write.
    #[serde(default)]
    pub access: Option<AccessType>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InitPhase {
    /// Runs before any callback it registers can run.
    Init,
    /// Runs after every callback was unregistered.
    Exit,
    /// Runs with the machine stopped: every other CPU held spinning with
    /// interrupts off (the kernel debugger's hooks), so alongside nothing.
    Stopped,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InitModel {
    /// Which functions the entry applies to. Serialised inline; on input the
    /// loader splits the matcher keys off the entry table itself, because serde
    /// cannot combine `flatten` with `deny_unknown_fields`.
    #[serde(flatten, skip_deserializing)]
    pub matcher: Matcher,
    /// Section names (`.init.text`) instead of a function matcher.
    #[serde(default)]
    pub section: Option<String>,
    pub phase: InitPhase,
}

impl Ordering {
    /// Maps the discriminant of Rust's `core::sync::atomic::Ordering`
    /// (Relaxed = 0, Release = 1, Acquire = 2, AcqRel = 3, SeqCst = 4, as
    /// passed by value at -O0) to LKMM terms. AcqRel has no LKMM name of its
    /// own; it is both acquire and release, which `Full` approximates.
    pub fn from_rust_ordering(discriminant: u64) -> Option<Ordering> {
        match discriminant {
            0 => Some(Ordering::Relaxed),
            1 => Some(Ordering::Release),
            2 => Some(Ordering::Acquire),
            3 | 4 => Some(Ordering::Full),
            _ => None,
        }
    }

    /// Maps C11 `memory_order` (relaxed 0, consume 1, acquire 2, release 3,
    /// acq_rel 4, seq_cst 5) to LKMM terms.
    pub fn from_c11_memory_order(value: u64) -> Option<Ordering> {
        match value {
            0 => Some(Ordering::Relaxed),
            1 => Some(Ordering::Consume),
            2 => Some(Ordering::Acquire),
            3 => Some(Ordering::Release),
            4 | 5 => Some(Ordering::Full),
            _ => None,
        }
    }
}

impl AsmModel {
    /// Whether an asm statement with LLVM constraint string `constraints`
    /// (e.g. `"=r,m,~{memory},~{dirflag}"`) satisfies `requires_clobber`.
    pub fn clobbers_ok(&self, constraints: &str) -> bool {
        match &self.requires_clobber {
            None => true,
            Some(clobber) => constraints.split(',').map(str::trim).any(|c| {
                c.strip_prefix("~{").and_then(|c| c.strip_suffix('}')) == Some(clobber.as_str())
            }),
        }
    }
}

impl fmt::Display for Ordering {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Ordering::Relaxed => "relaxed",
            Ordering::Acquire => "acquire",
            Ordering::Release => "release",
            Ordering::Full => "full",
            Ordering::Consume => "consume",
        })
    }
}
