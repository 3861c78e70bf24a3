//! Rust half: reads the low word of the cycle counter with a volatile (READ_ONCE-like) load.
#![no_std]
use core::ptr::addr_of;
use kernel::bindings;

#[repr(C)]
pub struct Clk {
    cycles: u64,
    timer: bindings::timer_list,
}

/// # Safety
/// `c` is the live clock.
#[no_mangle]
pub unsafe extern "C" fn rs_clk_low(c: *mut Clk) -> u32 {
    unsafe { core::ptr::read_volatile(addr_of!((*c).cycles) as *const u32) }
}
