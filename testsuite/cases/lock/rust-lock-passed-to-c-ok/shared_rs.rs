//! Rust half: owns the lock, lends it to C, and uses it through its guard.
#![no_std]
use core::ffi::c_int;
use core::ptr::addr_of_mut;
use kernel::bindings;
use kernel::prelude::*;

#[repr(C)]
pub struct Data {
    v: c_int,
}

extern "C" {
    static mut gdata: Data;
    fn shared_register(lock: *mut bindings::spinlock_t) -> c_int;
}

static LOCK: SpinLock<()> = SpinLock::new(());

/// The work item resetting the value.
///
/// # Safety
/// Called by the workqueue.
#[no_mangle]
pub unsafe extern "C" fn rs_shared_reset(_work: *mut bindings::work_struct) {
    let _guard = LOCK.lock();
    unsafe { (*addr_of_mut!(gdata)).v = 0 };
}

static mut RESET_WORK: bindings::work_struct = unsafe { core::mem::zeroed() };

struct SharedModule;

impl Module for SharedModule {
    fn init(_module: &'static ThisModule) -> Result<Self> {
        LOCK.init();
        unsafe {
            bindings::init_work_with_key(addr_of_mut!(RESET_WORK), Some(rs_shared_reset), false, core::ptr::null(), core::ptr::null_mut());
            kernel::error::to_result(shared_register(LOCK.raw()))?;
            bindings::queue_work_on(bindings::WORK_CPU_UNBOUND, bindings::system_wq, addr_of_mut!(RESET_WORK));
        }
        Ok(SharedModule)
    }
}

kernel::module! {
    type: SharedModule,
    name: "shared",
}
