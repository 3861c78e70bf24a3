//! Rust half: ioctl commands as trait objects.
#![no_std]
use core::ffi::{c_long, c_uint};
use core::ptr::addr_of_mut;
use kernel::bindings;

#[repr(C)]
pub struct Port {
    lock: bindings::spinlock_t,
    rx_bytes: c_long,
    tx_bytes: c_long,
}

/// One ioctl command, dispatched through a trait object.
trait PortOp: Sync {
    fn run(&self, p: *mut Port) -> c_long;
}

struct GetRx;
struct ResetTx;

impl PortOp for ResetTx {
    fn run(&self, p: *mut Port) -> c_long {
        unsafe {
            let rlock = addr_of_mut!((*p).lock.rlock);
            let flags = bindings::_raw_spin_lock_irqsave(rlock);
            (*p).tx_bytes = 0;
            bindings::_raw_spin_unlock_irqrestore(rlock, flags);
        }
        0
    }
}

static OPS: [&dyn PortOp; 2] = [&GetRx, &ResetTx];

/// # Safety
/// `p` is the live port.
#[no_mangle]
pub unsafe extern "C" fn rs_port_ioctl(p: *mut Port, cmd: c_uint) -> c_long {
    match OPS.get(cmd as usize) {
        Some(op) => op.run(p),
        None => -22,
    }
}

impl PortOp for GetRx {
    fn run(&self, p: *mut Port) -> c_long {
        unsafe { (*p).rx_bytes } // expect: ffi-data-race
    }
}
