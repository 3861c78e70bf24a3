//! Rust half: the cookie's atomics are Rust-only memory.
#![no_std]
use core::ffi::{c_int, c_void};
use core::sync::atomic::{AtomicUsize, Ordering};
use kernel::bindings;
use kernel::prelude::*;

pub struct Stats {
    irqs: AtomicUsize,
}

static STATS: Stats = Stats { irqs: AtomicUsize::new(0) };

extern "C" {
    fn cookie_register(cookie: *mut c_void) -> c_int;
}

/// # Safety
/// `cookie` is `&STATS`.
#[no_mangle]
pub unsafe extern "C" fn rs_cookie_irq(_irq: c_int, cookie: *mut c_void) -> bindings::irqreturn_t {
    let s = unsafe { &*(cookie as *const Stats) };
    s.irqs.fetch_add(1, Ordering::Relaxed);
    bindings::IRQ_HANDLED
}

struct CookieModule;

impl Module for CookieModule {
    fn init(_module: &'static ThisModule) -> Result<Self> {
        let cookie = &STATS as *const Stats as *mut c_void;
        kernel::error::to_result(unsafe { cookie_register(cookie) })?;
        Ok(CookieModule)
    }
}

kernel::module! {
    type: CookieModule,
    name: "cookie",
}
