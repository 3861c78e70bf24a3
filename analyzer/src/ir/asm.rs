//! Inline-asm constraint strings: which call arguments are memory operands,
//! and whether the statement hands back a value.
//!
//! LLVM constraint strings are comma-separated, outputs first. An entry
//! consumes a call argument unless it is a clobber (`~{…}`), a direct
//! output (`=r`: that value is the call's result) or an `asm goto` label
//! (`!i`). Indirect entries (`*m`, `=*m`, `=&*Q`, …) pass the address of
//! the memory the asm reads or writes: those are the memory operands.

/// One entry of a constraint string as an operand: (an output, passed
/// indirectly), or None for a clobber or a label.
fn operand(entry: &str) -> Option<(bool, bool)> {
    let entry = entry.trim();
    if entry.is_empty() || entry.starts_with('~') || entry.starts_with('!') {
        return None;
    }
    let (is_output, rest) = match entry.strip_prefix('=') {
        Some(rest) => (true, rest),
        None => (false, entry.strip_prefix('+').unwrap_or(entry)),
    };
    // Early-clobber marker precedes the indirection marker in outputs.
    let rest = rest.strip_prefix('&').unwrap_or(rest);
    Some((is_output, rest.starts_with('*')))
}

/// Indices into the call's argument list of the indirect (memory) operands
/// named by `constraints`.
pub fn memory_operand_indices(constraints: &str) -> Vec<u32> {
    let mut result = Vec::new();
    let mut arg = 0u32;
    for (is_output, indirect) in constraints.split(',').filter_map(operand) {
        if is_output && !indirect {
            continue;
        }
        if indirect {
            result.push(arg);
        }
        arg += 1;
    }
    result
}

/// Does the asm hand back a value (a direct output, `=r`: the call's
/// result), not only write its memory operands?
pub fn has_direct_output(constraints: &str) -> bool {
    constraints
        .split(',')
        .filter_map(operand)
        .any(|(is_output, indirect)| is_output && !indirect)
}

#[cfg(test)]
mod tests {
    use super::{has_direct_output, memory_operand_indices};

    #[test]
    fn x86_lock_incl() {
        // asm volatile("lock incl %0" : "+m"(v->counter)) in clang 22 IR.
        assert_eq!(
            memory_operand_indices("=*m,*m,~{memory},~{dirflag},~{fpsr},~{flags}"),
            vec![0, 1]
        );
    }

    #[test]
    fn direct_outputs_take_no_argument() {
        // "=r"(ret) : "Q"(*p): the result is returned, the address is arg 0.
        assert_eq!(memory_operand_indices("=r,*Q,~{memory}"), vec![0]);
        assert_eq!(memory_operand_indices("=&r,=&r,r,*m,0"), vec![1]);
    }

    #[test]
    fn registers_only_and_goto_labels() {
        assert!(memory_operand_indices("r,r,~{memory}").is_empty());
        assert_eq!(memory_operand_indices("i,*m,!i,~{memory}"), vec![1]);
        assert!(memory_operand_indices("").is_empty());
    }

    #[test]
    fn direct_outputs() {
        // x86 xchg: "+r"(new) becomes a direct output.
        assert!(has_direct_output(
            "=r,=*m,0,*m,~{memory},~{dirflag},~{fpsr},~{flags}"
        ));
        // arm64 LL/SC: early-clobber register outputs.
        assert!(has_direct_output("=&r,=&r,=*Q,r,*Q,~{memory}"));
        // lock incl: only the memory operand.
        assert!(!has_direct_output(
            "=*m,*m,~{memory},~{dirflag},~{fpsr},~{flags}"
        ));
        assert!(!has_direct_output("=&*Q,*Q,~{memory}"));
    }
}
