//! seam testsuite harness
