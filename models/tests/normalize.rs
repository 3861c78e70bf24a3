//! Rust name normalisation: one path for every mangling scheme and
//! monomorphisation.

use seam_models::{normalize_rust_path, strip_legacy_hash, trait_method_path};

#[test]
fn inherent_methods_lose_generics_and_brackets() {
    for (input, want) in [
        (
            "<kernel::sync::lock::Lock<T, B>>::lock",
            "kernel::sync::lock::Lock::lock",
        ),
        (
            "kernel::sync::lock::Lock<i32, kernel::sync::lock::spinlock::SpinLockBackend>::lock",
            "kernel::sync::lock::Lock::lock",
        ),
        (
            "<std::sync::poison::mutex::Mutex<u32>>::lock",
            "std::sync::poison::mutex::Mutex::lock",
        ),
        (
            "std::sync::mutex::Mutex<T>::lock",
            "std::sync::mutex::Mutex::lock",
        ),
        (
            "std::sync::mutex::Mutex<T>::lock::h0123456789abcdef",
            "std::sync::mutex::Mutex::lock",
        ),
        (
            "<core::sync::atomic::AtomicPtr<u32>>::load",
            "core::sync::atomic::AtomicPtr::load",
        ),
        (
            "<alloc::sync::Arc<std::thread::thread::Inner, std::alloc::System>>::drop_slow",
            "alloc::sync::Arc::drop_slow",
        ),
    ] {
        assert_eq!(normalize_rust_path(input), want, "{input}");
    }
}

#[test]
fn trait_impls_become_self_type_paths_with_a_trait_form() {
    let d = "<std::sync::poison::mutex::MutexGuard<T> as core::ops::drop::Drop>::drop";
    assert_eq!(
        normalize_rust_path(d),
        "std::sync::poison::mutex::MutexGuard::drop"
    );
    assert_eq!(
        trait_method_path(d).as_deref(),
        Some("core::ops::drop::Drop::drop")
    );
    let d = "<kernel::sync::lock::spinlock::SpinLockBackend as kernel::sync::lock::Backend>::lock";
    assert_eq!(
        normalize_rust_path(d),
        "kernel::sync::lock::spinlock::SpinLockBackend::lock"
    );
    assert_eq!(
        trait_method_path(d).as_deref(),
        Some("kernel::sync::lock::Backend::lock")
    );
    // Generic traits lose their arguments too.
    let d = "<std::rt::lang_start<()>::{closure#0} as core::ops::function::FnOnce<()>>::call_once";
    assert_eq!(
        normalize_rust_path(d),
        "std::rt::lang_start::{closure}::call_once"
    );
    assert_eq!(
        trait_method_path(d).as_deref(),
        Some("core::ops::function::FnOnce::call_once")
    );
    assert_eq!(trait_method_path("std::sync::mutex::Mutex<T>::lock"), None);
}

#[test]
fn turbofish_hash_and_v0_disambiguators_are_dropped() {
    assert_eq!(
        normalize_rust_path("std::thread::functions::spawn::<s::main::{closure#0}, ()>"),
        "std::thread::functions::spawn"
    );
    assert_eq!(
        normalize_rust_path("<std::thread::builder::Builder>::spawn_scoped::<s::main::{closure#2}::{closure#0}, ()>"),
        "std::thread::builder::Builder::spawn_scoped"
    );
    assert_eq!(
        normalize_rust_path("kernel[9a3c2e41]::sync::lock::Lock<T, B>::lock"),
        "kernel::sync::lock::Lock::lock"
    );
    assert_eq!(
        normalize_rust_path(
            "<kernel[1f2e]::sync::lock::Guard<T, B> as core[abcd]::ops::drop::Drop>::drop"
        ),
        "kernel::sync::lock::Guard::drop"
    );
    assert_eq!(
        normalize_rust_path("__rustc[5224e6b81cd82a8f]::__rust_alloc"),
        "__rustc::__rust_alloc"
    );
    assert_eq!(strip_legacy_hash("foo::bar::h0123456789abcdef"), "foo::bar");
    // Not a hash: wrong length or not hex.
    assert_eq!(strip_legacy_hash("foo::h0123"), "foo::h0123");
    assert_eq!(
        strip_legacy_hash("foo::hello_world_12345"),
        "foo::hello_world_12345"
    );
}

#[test]
fn closures_and_shims_keep_their_kind_without_index() {
    assert_eq!(
        normalize_rust_path("s::main::{closure#0}"),
        "s::main::{closure}"
    );
    assert_eq!(
        normalize_rust_path("s::main::{{closure}}::h0123456789abcdef"),
        "s::main::{closure}"
    );
    assert_eq!(
        normalize_rust_path(
            "core::ops::function::FnOnce::call_once{{vtable.shim}}::h12c3de76c9a2df79"
        ),
        "core::ops::function::FnOnce::call_once::{shim:vtable}"
    );
    assert_eq!(
        normalize_rust_path("<<std::sync::once::Once>::call_once<s::main::{closure#3}>::{closure#0} as core::ops::function::FnOnce<(&std::sync::once::OnceState,)>>::call_once"),
        "std::sync::once::Once::call_once::{closure}::call_once"
    );
}

#[test]
fn non_path_self_types_keep_their_sigils() {
    assert_eq!(
        normalize_rust_path("<&alloc::alloc::Global as core::alloc::Allocator>::deallocate"),
        "&alloc::alloc::Global::deallocate"
    );
    assert_eq!(
        normalize_rust_path("<[u8] as core::fmt::Debug>::fmt"),
        "[u8]::fmt"
    );
    assert_eq!(
        normalize_rust_path("<fn() -> i32 as core::ops::function::FnOnce<()>>::call_once"),
        "fn() -> i32::call_once"
    );
}

#[test]
fn c_names_are_unchanged() {
    for name in [
        "_raw_spin_lock",
        "mutex_lock",
        "rust_helper_atomic_read",
        "init_module",
        "",
    ] {
        assert_eq!(normalize_rust_path(name), name);
    }
}

#[test]
fn malformed_input_does_not_panic() {
    for s in [
        "<",
        ">",
        "<<>",
        "a::<",
        "::",
        "a::::b",
        "{",
        "}}",
        "<a as>::",
        "kernel[",
        "kernel[zz]::x",
        "ä::ö<ü>",
    ] {
        let _ = normalize_rust_path(s);
        let _ = trait_method_path(s);
    }
}
