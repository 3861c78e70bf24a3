//! Module registration: the `Module` trait and the `module!` macro, which
//! generates `init_module` / `cleanup_module` in `.init.text` / `.exit.text`
//! the way rust/macros/module.rs does for loadable modules.

use crate::error::Result;

/// `struct module` of the module being initialised.
pub struct ThisModule(*mut core::ffi::c_void);

unsafe impl Sync for ThisModule {}

impl ThisModule {
    /// # Safety
    /// `ptr` must be the module's `struct module` (or null in this corpus).
    pub const unsafe fn from_ptr(ptr: *mut core::ffi::c_void) -> ThisModule {
        ThisModule(ptr)
    }
    pub fn as_ptr(&self) -> *mut core::ffi::c_void {
        self.0
    }
}

pub trait Module: Sized + Sync + Send {
    /// Called once when the module is loaded, before anything it registers
    /// can run.
    fn init(module: &'static ThisModule) -> Result<Self>;
}

/// `module! { type: MyDriver, name: "my_driver", license: "GPL" }`
#[macro_export]
macro_rules! module {
    (type: $type:ty, name: $name:literal $(, $key:ident: $value:literal)* $(,)?) => {
        static THIS_MODULE: $crate::ThisModule =
            unsafe { $crate::ThisModule::from_ptr(::core::ptr::null_mut()) };
        static mut __MOD: ::core::option::Option<$type> = None;

        /// # Safety
        /// Called once by the module loader.
        #[no_mangle]
        #[link_section = ".init.text"]
        pub unsafe extern "C" fn init_module() -> ::core::ffi::c_int {
            unsafe { __init() }
        }

        #[no_mangle]
        #[link_section = ".exit.text"]
        pub extern "C" fn cleanup_module() {
            unsafe { __exit() }
        }

        #[link_section = ".init.text"]
        unsafe fn __init() -> ::core::ffi::c_int {
            match <$type as $crate::Module>::init(&THIS_MODULE) {
                Ok(m) => {
                    unsafe { *::core::ptr::addr_of_mut!(__MOD) = Some(m) };
                    0
                }
                Err(e) => e.to_errno(),
            }
        }

        #[link_section = ".exit.text"]
        unsafe fn __exit() {
            unsafe { *::core::ptr::addr_of_mut!(__MOD) = None };
        }
    };
}
