//! Rust half: the module, whose init configures and then registers the C IRQ handler.
#![no_std]
use core::ffi::c_int;
use kernel::prelude::*;

extern "C" {
    static mut cfg_limit: c_int;
    fn cfg_register() -> c_int;
}

struct CfgModule;

impl Module for CfgModule {
    fn init(_module: &'static ThisModule) -> Result<Self> {
        unsafe {
            cfg_limit = 100;
            kernel::error::to_result(cfg_register())?;
        }
        Ok(CfgModule)
    }
}

kernel::module! {
    type: CfgModule,
    name: "cfg",
    license: "GPL",
}
