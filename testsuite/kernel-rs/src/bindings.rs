//! C types and functions as bindgen would generate them from the shims in
//! `testsuite/kernel/include`. Inline C APIs are reached through the
//! `rust_helper_*` wrappers (`kernel/rust_helpers.c`) under their kernel
//! names, exactly like `rust/bindings/bindings_helpers_generated.rs`; real
//! functions are bound directly.
#![allow(non_camel_case_types, non_snake_case)]

use core::ffi::{c_char, c_int, c_long, c_uint, c_ulong, c_void};

#[repr(C)]
#[derive(Copy, Clone)]
pub struct atomic_t {
    pub counter: c_int,
}
#[repr(C)]
#[derive(Copy, Clone)]
pub struct atomic64_t {
    pub counter: i64,
}
#[repr(C)]
#[derive(Copy, Clone)]
pub struct atomic_long_t {
    pub counter: c_long,
}
#[repr(C)]
#[derive(Copy, Clone)]
pub struct list_head {
    pub next: *mut list_head,
    pub prev: *mut list_head,
}
#[repr(C)]
#[derive(Copy, Clone)]
pub struct hlist_node {
    pub next: *mut hlist_node,
    pub pprev: *mut *mut hlist_node,
}
#[repr(C)]
pub struct lock_class_key {
    pub dummy: c_int,
}
/// `struct qspinlock`: the lock word.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct qspinlock {
    pub val: atomic_t,
}
#[repr(C)]
#[derive(Copy, Clone)]
pub struct raw_spinlock {
    pub raw_lock: qspinlock,
}
pub type raw_spinlock_t = raw_spinlock;
#[repr(C)]
#[derive(Copy, Clone)]
pub struct spinlock {
    pub rlock: raw_spinlock,
}
pub type spinlock_t = spinlock;
#[repr(C)]
pub struct mutex {
    pub owner: atomic_long_t,
    pub wait_lock: raw_spinlock,
    pub wait_list: list_head,
}
#[repr(C)]
pub struct qrwlock {
    pub cnts: atomic_t,
    pub wait_lock: qspinlock,
}
#[repr(C)]
pub struct rwlock_t {
    pub raw_lock: qrwlock,
}
#[repr(C)]
pub struct refcount_t {
    pub refs: atomic_t,
}
pub type work_func_t = Option<unsafe extern "C" fn(work: *mut work_struct)>;
#[repr(C)]
pub struct work_struct {
    pub data: atomic_long_t,
    pub entry: list_head,
    pub func: work_func_t,
}
#[repr(C)]
pub struct timer_list {
    pub entry: hlist_node,
    pub expires: c_ulong,
    pub function: Option<unsafe extern "C" fn(*mut timer_list)>,
    pub flags: u32,
}
pub enum workqueue_struct {}
pub enum task_struct {}
pub enum device {}
pub type irqreturn_t = c_uint;
pub const IRQ_NONE: irqreturn_t = 0;
pub const IRQ_HANDLED: irqreturn_t = 1;
pub type irq_handler_t = Option<unsafe extern "C" fn(irq: c_int, dev: *mut c_void) -> irqreturn_t>;
pub type gfp_t = c_uint;
pub const GFP_KERNEL: gfp_t = 0xcc0;
pub const WORK_CPU_UNBOUND: c_int = 64;

extern "C" {
    // Inline C APIs, through rust/helpers/*.c.
    #[link_name = "rust_helper___spin_lock_init"]
    pub fn __spin_lock_init(lock: *mut spinlock_t, name: *const c_char, key: *mut lock_class_key);
    #[link_name = "rust_helper_spin_lock"]
    pub fn spin_lock(lock: *mut spinlock_t);
    #[link_name = "rust_helper_spin_unlock"]
    pub fn spin_unlock(lock: *mut spinlock_t);
    #[link_name = "rust_helper_spin_trylock"]
    pub fn spin_trylock(lock: *mut spinlock_t) -> c_int;
    #[link_name = "rust_helper_mutex_lock"]
    pub fn mutex_lock(lock: *mut mutex);
    #[link_name = "rust_helper___mutex_init"]
    pub fn __mutex_init(lock: *mut mutex, name: *const c_char, key: *mut lock_class_key);
    #[link_name = "rust_helper_refcount_inc"]
    pub fn refcount_inc(r: *mut refcount_t);
    #[link_name = "rust_helper_refcount_dec_and_test"]
    pub fn refcount_dec_and_test(r: *mut refcount_t) -> bool;
    #[link_name = "rust_helper_rcu_read_lock"]
    pub fn rcu_read_lock();
    #[link_name = "rust_helper_rcu_read_unlock"]
    pub fn rcu_read_unlock();
    #[link_name = "rust_helper_atomic_read"]
    pub fn atomic_read(v: *const atomic_t) -> c_int;
    #[link_name = "rust_helper_atomic_read_acquire"]
    pub fn atomic_read_acquire(v: *const atomic_t) -> c_int;
    #[link_name = "rust_helper_atomic_set"]
    pub fn atomic_set(v: *mut atomic_t, i: c_int);
    #[link_name = "rust_helper_atomic_set_release"]
    pub fn atomic_set_release(v: *mut atomic_t, i: c_int);
    #[link_name = "rust_helper_atomic_add"]
    pub fn atomic_add(i: c_int, v: *mut atomic_t);
    #[link_name = "rust_helper_atomic_inc"]
    pub fn atomic_inc(v: *mut atomic_t);
    #[link_name = "rust_helper_atomic_dec"]
    pub fn atomic_dec(v: *mut atomic_t);
    #[link_name = "rust_helper_atomic_fetch_add"]
    pub fn atomic_fetch_add(i: c_int, v: *mut atomic_t) -> c_int;
    #[link_name = "rust_helper_atomic_fetch_add_acquire"]
    pub fn atomic_fetch_add_acquire(i: c_int, v: *mut atomic_t) -> c_int;
    #[link_name = "rust_helper_atomic_fetch_add_release"]
    pub fn atomic_fetch_add_release(i: c_int, v: *mut atomic_t) -> c_int;
    #[link_name = "rust_helper_atomic_fetch_add_relaxed"]
    pub fn atomic_fetch_add_relaxed(i: c_int, v: *mut atomic_t) -> c_int;
    #[link_name = "rust_helper_atomic_xchg"]
    pub fn atomic_xchg(v: *mut atomic_t, new: c_int) -> c_int;
    #[link_name = "rust_helper_atomic_cmpxchg"]
    pub fn atomic_cmpxchg(v: *mut atomic_t, old: c_int, new: c_int) -> c_int;
    #[link_name = "rust_helper_atomic64_read"]
    pub fn atomic64_read(v: *const atomic64_t) -> i64;
    #[link_name = "rust_helper_atomic64_set"]
    pub fn atomic64_set(v: *mut atomic64_t, i: i64);
    #[link_name = "rust_helper_atomic64_fetch_add"]
    pub fn atomic64_fetch_add(i: i64, v: *mut atomic64_t) -> i64;
    #[link_name = "rust_helper_init_work_with_key"]
    pub fn init_work_with_key(
        work: *mut work_struct,
        func: work_func_t,
        onstack: bool,
        name: *const c_char,
        key: *mut lock_class_key,
    );
    #[link_name = "rust_helper_readl"]
    pub fn readl(addr: *const c_void) -> u32;
    #[link_name = "rust_helper_writel"]
    pub fn writel(value: u32, addr: *mut c_void);
    #[link_name = "rust_helper_kzalloc"]
    pub fn kzalloc(size: usize, flags: gfp_t) -> *mut c_void;

    // Real functions, bound directly.
    pub fn mutex_unlock(lock: *mut mutex);
    pub fn mutex_trylock(lock: *mut mutex) -> c_int;
    pub fn mutex_lock_interruptible(lock: *mut mutex) -> c_int;
    pub fn _raw_spin_lock_irqsave(lock: *mut raw_spinlock_t) -> c_ulong;
    pub fn _raw_spin_unlock_irqrestore(lock: *mut raw_spinlock_t, flags: c_ulong);
    pub fn _raw_read_lock(lock: *mut rwlock_t);
    pub fn _raw_read_unlock(lock: *mut rwlock_t);
    pub fn _raw_write_lock(lock: *mut rwlock_t);
    pub fn _raw_write_unlock(lock: *mut rwlock_t);
    pub fn request_threaded_irq(
        irq: c_uint,
        handler: irq_handler_t,
        thread_fn: irq_handler_t,
        flags: c_ulong,
        name: *const c_char,
        dev: *mut c_void,
    ) -> c_int;
    pub fn free_irq(irq: c_uint, dev: *mut c_void) -> *const c_void;
    pub fn kthread_create_on_node(
        threadfn: Option<unsafe extern "C" fn(*mut c_void) -> c_int>,
        data: *mut c_void,
        node: c_int,
        namefmt: *const c_char,
        ...
    ) -> *mut task_struct;
    pub fn wake_up_process(p: *mut task_struct) -> c_int;
    pub fn kthread_should_stop() -> bool;
    pub fn queue_work_on(cpu: c_int, wq: *mut workqueue_struct, work: *mut work_struct) -> bool;
    pub fn init_timer_key(
        timer: *mut timer_list,
        func: Option<unsafe extern "C" fn(*mut timer_list)>,
        flags: c_uint,
        name: *const c_char,
        key: *mut lock_class_key,
    );
    pub fn mod_timer(timer: *mut timer_list, expires: c_ulong) -> c_int;
    pub fn kfree(ptr: *const c_void);
    pub fn msleep(msecs: c_uint);
    pub fn synchronize_rcu();
    pub static mut system_wq: *mut workqueue_struct;
}
