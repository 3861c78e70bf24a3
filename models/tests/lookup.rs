//! Lookups by symbol, by normalised Rust path, by regex; precedence.

use seam_models::*;

fn rust<'a>(demangled: &'a str) -> FnName<'a> {
    FnName::new(
        "_RNvMs_NtNtCs1234_6kernel4sync4lockINtB4_4LockppE4lock",
        demangled,
    )
}

#[test]
fn kernel_c_functions_by_symbol() {
    let m = Models::builtin();
    let l = m.lock(&FnName::c("_raw_spin_lock_irqsave")).unwrap();
    assert_eq!(
        (l.action, l.kind, l.arg, l.irq),
        (LockAction::Acquire, LockKind::Spin, Some(0), true)
    );
    let l = m.lock(&FnName::c("_raw_spin_trylock")).unwrap();
    assert_eq!((l.action, l.success), (LockAction::TryAcquire, Some(1)));
    let l = m.lock(&FnName::c("mutex_lock_interruptible")).unwrap();
    assert_eq!(
        (l.action, l.kind, l.success),
        (LockAction::TryAcquire, LockKind::Mutex, Some(0))
    );
    let l = m.lock(&FnName::c("_raw_read_lock_bh")).unwrap();
    assert_eq!(
        (l.kind, l.mode, l.bh),
        (LockKind::Rwlock, LockMode::Read, true)
    );
    let l = m.lock(&FnName::c("down_write_trylock")).unwrap();
    assert_eq!(
        (l.kind, l.mode, l.success),
        (LockKind::Rwsem, LockMode::Write, Some(1))
    );
    let l = m.lock(&FnName::c("__rcu_read_lock")).unwrap();
    assert_eq!((l.kind, l.arg), (LockKind::Rcu, None));
    assert!(m.lock(&FnName::c("spin_lock_init")).is_none());
    assert!(m.lock(&FnName::c("_raw_spin_lock_x")).is_none());

    let s = m.spawn(&FnName::c("request_threaded_irq")).unwrap();
    assert_eq!(
        (s.callback, s.data, s.data_param, s.context),
        (Some(1), Some(5), 1, Context::Hardirq)
    );
    assert_eq!(
        s.more_callbacks,
        vec![ExtraCallback {
            callback: 2,
            context: Context::IrqThread,
            self_concurrent: false
        }]
    );
    let s = m.spawn(&FnName::c("devm_request_threaded_irq")).unwrap();
    assert_eq!(
        (s.callback, s.more_callbacks[0].callback, s.data),
        (Some(2), 3, Some(6))
    );
    let s = m.spawn(&FnName::c("queue_work_on")).unwrap();
    assert_eq!(
        (
            s.object_arg,
            s.callback_field,
            s.data,
            s.data_param,
            s.context
        ),
        (Some(2), Some(24), Some(2), 0, Context::Work)
    );
    let s = m.spawn(&FnName::c("mod_timer")).unwrap();
    assert_eq!(
        (s.object_arg, s.callback_field, s.context),
        (Some(0), Some(24), Context::Timer)
    );
    let s = m.spawn(&FnName::c("kthread_create_on_node")).unwrap();
    assert_eq!(
        (s.callback, s.data, s.data_param, s.returns_handle),
        (Some(0), Some(1), 0, true)
    );

    let a = m.access(&FnName::c("atomic_add_return_acquire")).unwrap();
    assert_eq!(
        (a.access, a.arg, a.size, a.ordering),
        (AccessType::Rmw, 1, 4, Ordering::Acquire)
    );
    let a = m.access(&FnName::c("atomic64_read")).unwrap();
    assert_eq!(
        (a.access, a.arg, a.size, a.ordering),
        (AccessType::Read, 0, 8, Ordering::Relaxed)
    );
    let a = m.access(&FnName::c("atomic_inc")).unwrap();
    assert_eq!(
        (a.access, a.arg, a.ordering),
        (AccessType::Rmw, 0, Ordering::Relaxed)
    );
    let a = m.access(&FnName::c("atomic_xchg")).unwrap();
    assert_eq!(a.ordering, Ordering::Full);

    assert!(m.sleep(&FnName::c("msleep")).is_some());
    assert!(m.sleep(&FnName::c("mutex_lock")).is_some());
    assert!(m.sleep(&FnName::c("_raw_spin_lock")).is_none());
    assert_eq!(
        m.mmio(&FnName::c("devm_ioremap_resource")).unwrap().role,
        MmioRole::Map
    );
    let w = m.mmio(&FnName::c("writel")).unwrap();
    assert_eq!(
        (w.role, w.access, w.addr_arg),
        (MmioRole::Accessor, Some(AccessType::Write), Some(1))
    );
    let f = m.alloc(&FnName::c("kmem_cache_free")).unwrap();
    assert_eq!((f.free, f.ptr_arg), (true, Some(1)));
    assert_eq!(
        m.alloc(&FnName::c("__kmalloc_cache_noprof"))
            .unwrap()
            .size_arg,
        Some(2)
    );
    assert_eq!(m.join(&FnName::c("kthread_stop")).unwrap().arg, 0);
}

#[test]
fn compiler_suffixes_fall_back_to_the_base_symbol() {
    let m = Models::builtin();
    assert!(m.lock(&FnName::c("mutex_lock.llvm.1234567")).is_some());
    assert!(m.lock(&FnName::c("_raw_spin_unlock.cold")).is_some());
    assert!(m.lock(&FnName::c(".llvm.123")).is_none());
}

#[test]
fn rust_for_linux_helpers_and_paths() {
    let m = Models::builtin();
    let l = m.lock(&FnName::c("rust_helper_spin_lock")).unwrap();
    assert_eq!((l.kind, l.arg), (LockKind::Spin, Some(0)));
    let a = m
        .access(&FnName::c("rust_helper_atomic_fetch_add_release"))
        .unwrap();
    assert_eq!(
        (a.access, a.arg, a.ordering),
        (AccessType::Rmw, 1, Ordering::Release)
    );
    let a = m
        .access(&FnName::c("rust_helper_atomic64_read_acquire"))
        .unwrap();
    assert_eq!((a.size, a.ordering), (8, Ordering::Acquire));
    assert_eq!(
        m.barrier(&FnName::c("rust_helper_smp_wmb")).unwrap().kind,
        BarrierKind::Write
    );

    // v0 demangling, generic front end.
    let l = m
        .lock(&rust("<kernel::sync::lock::Lock<T, B>>::lock"))
        .unwrap();
    assert!(l.returns_guard && l.action == LockAction::Acquire);
    // Legacy demangling with concrete generics and a hash.
    let l = m
        .lock(&rust("kernel::sync::lock::Lock<i32, kernel::sync::lock::spinlock::SpinLockBackend>::lock::h0123456789abcdef"))
        .unwrap();
    assert!(l.returns_guard);
    // v0 with crate disambiguators.
    let l = m.lock(&rust("<kernel[3f2a]::sync::lock::Guard<u32, kernel[3f2a]::sync::lock::mutex::MutexBackend> as core[9e]::ops::drop::Drop>::drop")).unwrap();
    assert!(l.arg_is_guard && l.action == LockAction::Release);
    let l = m
        .lock(&rust(
            "<kernel::sync::lock::spinlock::SpinLockBackend as kernel::sync::lock::Backend>::lock",
        ))
        .unwrap();
    assert_eq!((l.kind, l.action), (LockKind::Spin, LockAction::Acquire));
    // A closure inside a modelled function is not the function.
    assert!(m
        .lock(&rust("kernel::sync::lock::Lock<T, B>::lock::{closure#0}"))
        .is_none());
    // Module init through the trait form.
    let i = m
        .init(&rust("<my_driver::MyModule as kernel::Module>::init"), None)
        .unwrap();
    assert_eq!(i.phase, InitPhase::Init);
}

#[test]
fn rust_std_names_as_rustc_1_95_emits_them() {
    let m = Models::builtin();
    let s = m
        .spawn(&rust(
            "std::thread::functions::spawn::<s::main::{closure#0}, ()>",
        ))
        .unwrap();
    assert!(s.closure && s.returns_handle && s.self_concurrent && s.callback == Some(0));
    let s = m
        .spawn(&rust(
            "<std::thread::builder::Builder>::spawn::<s::main::{closure#1}, i32>",
        ))
        .unwrap();
    assert_eq!(s.callback, Some(1));
    let s = m
        .spawn(&rust(
            "<std::thread::scoped::Scope>::spawn::<s::main::{closure#2}::{closure#0}, ()>",
        ))
        .unwrap();
    assert_eq!(s.callback, Some(1));
    assert!(
        m.spawn(&rust(
            "std::thread::scoped::scope::<s::main::{closure#2}, ()>"
        ))
        .unwrap()
        .synchronous
    );
    assert!(
        m.spawn(&rust(
            "<std::sync::once::Once>::call_once::<s::main::{closure#3}>"
        ))
        .unwrap()
        .synchronous
    );
    // The closure std runs inside spawn is not another spawn.
    assert!(m
        .spawn(&rust(
            "std::thread::lifecycle::spawn_unchecked::<s::main::{closure#0}, ()>::{closure#1}"
        ))
        .is_none());
    assert!(m
        .join(&rust("<std::thread::join_handle::JoinHandle<()>>::join"))
        .is_some());
    assert!(m
        .join(&rust("<std::thread::scoped::ScopedJoinHandle<()>>::join"))
        .is_some());

    let l = m
        .lock(&rust("<std::sync::poison::mutex::Mutex<u32>>::lock"))
        .unwrap();
    assert!(l.returns_guard && !l.kernel);
    let l = m
        .lock(&rust(
            "<std::sync::poison::mutex::MutexGuard<u32> as core::ops::drop::Drop>::drop",
        ))
        .unwrap();
    assert_eq!(l.action, LockAction::Release);
    let l = m
        .lock(&rust("std::sync::mutex::Mutex<T>::lock::h1234567890abcdef"))
        .unwrap();
    assert!(!l.kernel);
    let l = m
        .lock(&rust("<std::sync::poison::rwlock::RwLock<u64>>::read"))
        .unwrap();
    assert_eq!(l.mode, LockMode::Read);
    // Not a lock: the Mutex constructor.
    assert!(m
        .lock(&rust("<std::sync::poison::mutex::Mutex<u32>>::new"))
        .is_none());

    let a = m
        .access(&rust("<core::sync::atomic::AtomicUsize>::load"))
        .unwrap();
    assert_eq!(
        (a.access, a.ordering_arg, a.rust_native),
        (AccessType::Read, Some(1), true)
    );
    assert_eq!(a.ordering_for(Some(2)), Ordering::Acquire);
    assert_eq!(a.ordering_for(None), Ordering::Relaxed);
    let a = m
        .access(&rust(
            "core::sync::atomic::AtomicPtr<T>::load::h0123456789abcdef",
        ))
        .unwrap();
    assert_eq!(a.access, AccessType::Read);
    let a = m
        .access(&rust("<core::sync::atomic::AtomicUsize>::compare_exchange"))
        .unwrap();
    assert_eq!((a.access, a.ordering_arg), (AccessType::Rmw, Some(3)));
    let a = m
        .access(&rust("<core::sync::atomic::AtomicU32>::fetch_add"))
        .unwrap();
    assert_eq!(a.ordering_for(Some(4)), Ordering::Full);
    assert!(m
        .access(&rust("<core::sync::atomic::AtomicUsize>::new"))
        .is_none());
    assert!(m
        .access(&rust("core::sync::atomic::atomic_load::<u32>"))
        .is_some());
    let b = m.barrier(&rust("core::sync::atomic::fence")).unwrap();
    assert_eq!(b.kind_for(Some(2)), Some(BarrierKind::Read));
    assert_eq!(b.kind_for(Some(4)), Some(BarrierKind::Full));
    assert_eq!(b.kind_for(Some(0)), None);

    // The allocator shim is v0-mangled under __rustc even in legacy builds.
    let a = m
        .alloc(&FnName::new(
            "_RNvCsfLfy6EI15iL_7___rustc12___rust_alloc",
            "__rustc[7b5f6ab2]::__rust_alloc",
        ))
        .unwrap();
    assert_eq!(a.size_arg, Some(0));
    let a = m
        .alloc(&FnName::new(
            "_RNvCsfLfy6EI15iL_7___rustc14___rust_dealloc",
            "__rustc::__rust_dealloc",
        ))
        .unwrap();
    assert!(a.free);
}

#[test]
fn posix_models() {
    let m = Models::builtin();
    let s = m.spawn(&FnName::c("pthread_create")).unwrap();
    assert_eq!(
        (s.callback, s.data, s.data_param, s.handle_arg, s.context),
        (Some(2), Some(3), 0, Some(0), Context::Thread)
    );
    assert!(s.self_concurrent);
    let l = m.lock(&FnName::c("pthread_mutex_trylock")).unwrap();
    assert_eq!(
        (l.action, l.success, l.kernel),
        (LockAction::TryAcquire, Some(0), false)
    );
    assert_eq!(m.lock(&FnName::c("mtx_trylock")).unwrap().success, Some(0));
    assert!(m.spawn(&FnName::c("pthread_once")).unwrap().synchronous);
    let a = m.access(&FnName::c("__atomic_load_4")).unwrap();
    assert_eq!(
        (a.size, a.ordering_arg, a.ordering_encoding),
        (4, Some(1), OrderingEncoding::C11)
    );
    assert_eq!(a.ordering_for(Some(2)), Ordering::Acquire);
    assert_eq!(a.ordering_for(Some(3)), Ordering::Release);
    assert_eq!(
        m.access(&FnName::c("__atomic_compare_exchange"))
            .unwrap()
            .arg,
        1
    );
    assert!(m.sleep(&FnName::c("usleep")).is_some());
    let a = m.alloc(&FnName::c("posix_memalign")).unwrap();
    assert_eq!((a.size_arg, a.ptr_arg), (Some(2), Some(0)));
}

#[test]
fn init_by_function_and_by_section() {
    let m = Models::builtin();
    let f = FnName::c("my_driver_probe");
    assert_eq!(
        m.init(&f, Some(".init.text")).unwrap().phase,
        InitPhase::Init
    );
    assert_eq!(
        m.init(&f, Some(".init.text.unlikely")).unwrap().phase,
        InitPhase::Init
    );
    assert_eq!(
        m.init(&f, Some(".exit.text")).unwrap().phase,
        InitPhase::Exit
    );
    assert!(m.init(&f, Some(".text")).is_none());
    assert!(m.init(&f, Some(".init")).is_none());
    assert!(m.init(&f, None).is_none());
    assert_eq!(
        m.init(&FnName::c("cleanup_module"), Some(".text"))
            .unwrap()
            .phase,
        InitPhase::Exit
    );
}

#[test]
fn lookup_resolves_every_section_at_once() {
    let m = Models::builtin();
    let all = m.lookup(&FnName::c("mutex_lock"));
    assert!(all.lock.is_some() && all.sleep.is_some());
    assert!(all.access.is_none() && all.spawn.is_none());
    assert!(!all.is_empty());
    assert!(m.lookup(&FnName::c("memcpy")).is_empty());
}

const USER: &str = r#"
name = "my-overrides"

# Override: treat _raw_spin_lock as taking its lock at argument 1 (nonsense,
# but visible), and add a driver-specific lock.
[[lock]]
function = "_raw_spin_lock"
action = "acquire"
kind = "raw_spin"
arg = 1

[[lock]]
path = "my_driver::locks"
action = "acquire"
kind = "mutex"
arg = 0

[[lock]]
path = "my_driver::locks::Special::lock"
action = "acquire"
kind = "spin"
arg = 0

[[lock]]
path_regex = '^my_driver::.*::grab$'
action = "acquire"
kind = "rwsem"
arg = 0

[[lock]]
# A regex in a later file beats a path in an earlier one.
path_regex = 'std::sync::poison::mutex::Mutex<.*>>::lock$'
action = "acquire"
kind = "other"
arg = 0
kernel = true
"#;

#[test]
fn user_models_override_builtins() {
    let mut m = Models::builtin();
    let before = m.lock(&FnName::c("_raw_spin_lock")).unwrap().clone();
    assert_eq!(before.arg, Some(0));
    m.add_str("user.toml", USER).unwrap();
    let after = m.lock(&FnName::c("_raw_spin_lock")).unwrap();
    assert_eq!((after.kind, after.arg), (LockKind::RawSpin, Some(1)));
    // Other builtins are untouched.
    assert_eq!(
        m.lock(&FnName::c("_raw_spin_unlock")).unwrap().kind,
        LockKind::Spin
    );
    // A later file's regex beats an earlier file's path.
    assert!(
        m.lock(&rust("<std::sync::poison::mutex::Mutex<u32>>::lock"))
            .unwrap()
            .kernel
    );
}

#[test]
fn within_a_file_the_most_specific_match_wins() {
    let mut m = Models::default();
    m.add_str("user.toml", USER).unwrap();
    // Longest path prefix.
    assert_eq!(
        m.lock(&rust("<my_driver::locks::Special>::lock"))
            .unwrap()
            .kind,
        LockKind::Spin
    );
    assert_eq!(
        m.lock(&rust("my_driver::locks::Other<T>::lock"))
            .unwrap()
            .kind,
        LockKind::Mutex
    );
    // Prefixes end at `::` boundaries only.
    assert!(m.lock(&rust("my_driver::locksmith::x")).is_none());
    // A path beats a regex in the same file.
    assert_eq!(
        m.lock(&rust("my_driver::locks::grab")).unwrap().kind,
        LockKind::Mutex
    );
    assert_eq!(
        m.lock(&rust("my_driver::other::grab")).unwrap().kind,
        LockKind::Rwsem
    );
    // Symbol beats path.
    let mut m2 = Models::default();
    m2.add_str(
        "a.toml",
        "[[lock]]\npath = \"f\"\naction = \"acquire\"\nkind = \"spin\"\narg = 0\n\n[[lock]]\nfunction = \"sym_f\"\naction = \"acquire\"\nkind = \"mutex\"\narg = 0\n",
    )
    .unwrap();
    assert_eq!(
        m2.lock(&FnName::new("sym_f", "f")).unwrap().kind,
        LockKind::Mutex
    );
}

#[test]
fn a_rejected_file_changes_nothing() {
    let mut m = Models::builtin();
    let sets = m.sets.len();
    let bad = "[[lock]]\nfunction = \"_raw_spin_lock\"\naction = \"acquire\"\nkind = \"mutex\"\narg = 0\n\n[[lock]]\nfunction = \"x\"\naction = \"explode\"\nkind = \"spin\"\narg = 0\n";
    assert!(m.add_str("bad.toml", bad).is_err());
    assert_eq!(m.sets.len(), sets);
    assert_eq!(
        m.lock(&FnName::c("_raw_spin_lock")).unwrap().kind,
        LockKind::Spin
    );
}
