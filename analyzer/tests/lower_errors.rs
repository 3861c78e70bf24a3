//! Bad input is an `Err` with a one-line reason, never a panic or an abort.

use inkwell::context::Context;
use inkwell::memory_buffer::MemoryBuffer;
use seam::ingest::lower::{lower_buffer, BufferKind};

const SMALL: &str = r#"
@counter = global i32 0
define i32 @get() {
  %v = load volatile i32, ptr @counter, align 4
  ret i32 %v
}
"#;

/// Bitcode of `SMALL`, written by LLVM itself.
fn small_bitcode() -> Vec<u8> {
    let context = Context::create();
    let buffer = MemoryBuffer::create_from_memory_range_copy(SMALL.as_bytes(), "small");
    let module = context
        .create_module_from_ir(buffer)
        .expect("test IR parses");
    module.write_bitcode_to_memory().as_slice().to_vec()
}

fn assert_error(result: Result<seam::ir::Module, String>) -> String {
    match result {
        Ok(_) => panic!("bad input lowered without error"),
        Err(reason) => {
            assert!(!reason.is_empty());
            assert!(
                !reason.contains('\n'),
                "reason must be one line: {reason:?}"
            );
            reason
        }
    }
}

#[test]
fn empty_input() {
    assert_error(lower_buffer("empty.bc", &[], BufferKind::Bitcode));
    assert_error(lower_buffer("empty.ll", &[], BufferKind::Text));
}

#[test]
fn garbage() {
    let junk: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    assert_error(lower_buffer("junk.bc", &junk, BufferKind::Bitcode));
    assert_error(lower_buffer("junk.ll", &junk, BufferKind::Text));
    // The right magic followed by junk.
    let mut fake = b"BC\xC0\xDE".to_vec();
    fake.extend_from_slice(&junk);
    assert_error(lower_buffer("fake.bc", &fake, BufferKind::Bitcode));
}

#[test]
fn invalid_text_ir() {
    let reason = assert_error(lower_buffer(
        "bad.ll",
        b"define i32 @f( {\n ret i32 0\n}\n",
        BufferKind::Text,
    ));
    assert!(reason.contains("invalid IR"), "{reason}");
    // Well-formed syntax, undefined value.
    assert_error(lower_buffer(
        "bad2.ll",
        b"define i32 @f() {\n ret i32 %nope\n}\n",
        BufferKind::Text,
    ));
}

#[test]
fn truncated_bitcode() {
    let bc = small_bitcode();
    let full = lower_buffer("small.bc", &bc, BufferKind::Bitcode).expect("full bitcode lowers");
    assert_eq!(full.functions.len(), 1);
    for cut in [
        4,
        8,
        17,
        bc.len() / 3,
        bc.len() / 2,
        bc.len() - 8,
        bc.len() - 1,
    ] {
        assert_error(lower_buffer("cut.bc", &bc[..cut], BufferKind::Bitcode));
    }
}

#[test]
fn corrupted_bitcode_bytes() {
    // Flip bytes across the stream: each must either lower or fail cleanly.
    let bc = small_bitcode();
    let mut failures = 0;
    for position in (8..bc.len()).step_by(bc.len() / 40 + 1) {
        let mut bad = bc.clone();
        bad[position] ^= 0x5a;
        if lower_buffer("flipped.bc", &bad, BufferKind::Bitcode).is_err() {
            failures += 1;
        }
    }
    assert!(failures > 0, "corruption went unnoticed everywhere");
}

#[test]
fn bitcode_wrapper_header() {
    // Darwin-style wrapper: magic, version, offset, size, cpu type.
    let bc = small_bitcode();
    let mut wrapped = Vec::new();
    for word in [0x0B17_C0DEu32, 0, 20, bc.len() as u32, 0] {
        wrapped.extend_from_slice(&word.to_le_bytes());
    }
    wrapped.extend_from_slice(&bc);
    let m =
        lower_buffer("wrapped.bc", &wrapped, BufferKind::Bitcode).expect("wrapped bitcode lowers");
    assert_eq!(m.functions.len(), 1);
    assert_eq!(m.origin, "wrapped.bc");
}

#[test]
fn mislabelled_input() {
    assert_error(lower_buffer(
        "text.bc",
        SMALL.as_bytes(),
        BufferKind::Bitcode,
    ));
    // LLVM's IR reader recognises the bitcode magic itself.
    let m = lower_buffer("bits.ll", &small_bitcode(), BufferKind::Text)
        .expect("bitcode read through the text path");
    assert_eq!(m.functions.len(), 1);
}
