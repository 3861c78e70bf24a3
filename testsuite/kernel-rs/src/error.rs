//! `kernel::error`: errno values as a Rust error type.

use core::ffi::c_int;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Error(c_int);

impl Error {
    pub const fn from_errno(errno: c_int) -> Error {
        Error(errno)
    }
    /// The negative errno C expects.
    pub fn to_errno(self) -> c_int {
        self.0
    }
}

pub type Result<T = (), E = Error> = core::result::Result<T, E>;

pub mod code {
    use super::Error;
    pub const EINVAL: Error = Error(-22);
    pub const ENOMEM: Error = Error(-12);
    pub const EBUSY: Error = Error(-16);
    pub const EINTR: Error = Error(-4);
}

/// Converts a C return value (0 or negative errno) into a `Result`.
pub fn to_result(err: c_int) -> Result {
    if err < 0 {
        Err(Error(err))
    } else {
        Ok(())
    }
}
