//! How seam marks the instructions of one module under LKMM — what
//! `seam ir` prints after the dump: inline asm as the asm models read it,
//! and calls to modelled primitives (marked accesses, barriers, locks).
//! Plain loads/stores carry their marking in the dump itself (`plain`,
//! `volatile`, `atomic(…)`).

use std::fmt::Write;

use seam_models::{FnName, Models};

use crate::ir::{Callee, InstKind, Module};

pub fn describe_module(m: &Module, models: &Models) -> String {
    let mut out = String::new();
    let triple = m.str(m.triple);
    for f in m.functions.iter().filter(|f| !f.is_declaration) {
        let mut lines = Vec::new();
        for (i, inst) in f.insts.iter().enumerate() {
            let what = match &inst.kind {
                InstKind::Asm {
                    asm, constraints, ..
                } => {
                    let hits =
                        models.asm_with_constraints(triple, m.str(*asm), m.str(*constraints));
                    if hits.is_empty() {
                        "asm: no pattern matches; its memory operands count as marked".to_string()
                    } else {
                        let effects: Vec<String> = hits
                            .iter()
                            .map(|h| match h.barrier {
                                Some(b) => format!("{:?} {:?}", h.effect, b).to_lowercase(),
                                None => format!("{:?} ({})", h.effect, h.ordering).to_lowercase(),
                            })
                            .collect();
                        format!("asm: {}", effects.join(", "))
                    }
                }
                InstKind::Call {
                    callee: Callee::Direct(name),
                    ..
                } => {
                    let symbol = m.str(*name);
                    let demangled = m
                        .functions
                        .iter()
                        .find(|g| g.name == *name)
                        .map(|g| m.str(g.demangled))
                        .unwrap_or(symbol);
                    let found = models.lookup(&FnName { symbol, demangled });
                    if let Some(a) = found.access {
                        format!(
                            "call {demangled}: marked {:?} of argument {} ({})",
                            a.access, a.arg, a.ordering
                        )
                        .to_lowercase()
                    } else if let Some(b) = found.barrier {
                        format!("call {demangled}: {:?} barrier", b.kind).to_lowercase()
                    } else if let Some(l) = found.lock {
                        format!(
                            "call {demangled}: lock {:?} ({}, {:?})",
                            l.action, l.kind, l.mode
                        )
                        .to_lowercase()
                    } else {
                        continue;
                    }
                }
                _ => continue,
            };
            let at = inst
                .loc
                .and_then(|l| m.locations.get(l as usize))
                .map(|l| format!("  @ {}:{}:{}", m.str(l.file), l.line, l.col))
                .unwrap_or_default();
            lines.push(format!(";   %{i}: {what}{at}"));
        }
        if !lines.is_empty() {
            let _ = writeln!(out, "; LKMM marking in {}:", m.str(f.demangled));
            for l in lines {
                let _ = writeln!(out, "{l}");
            }
        }
    }
    out
}
