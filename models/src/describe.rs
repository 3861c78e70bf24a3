//! The `seam models` listing: one line per entry, grouped by set and section.

use std::fmt::Write;

use serde::Serialize;

use crate::types::*;
use crate::Models;

/// The snake_case name serde gives a unit enum variant (`try_acquire`).
fn name<T: Serialize>(value: &T) -> String {
    match toml::Value::try_from(value) {
        Ok(toml::Value::String(s)) => s,
        _ => "?".into(),
    }
}

fn matcher(m: &Matcher) -> String {
    if let Some(f) = &m.function {
        f.clone()
    } else if !m.functions.is_empty() {
        m.functions.join(", ")
    } else if let Some(p) = &m.path {
        format!("path {p}")
    } else if let Some(r) = &m.path_regex {
        format!("regex /{r}/")
    } else {
        "(none)".into()
    }
}

fn arg(label: &str, a: Option<u32>) -> String {
    a.map(|a| format!(" {label}{a}")).unwrap_or_default()
}

fn flag(on: bool, text: &str) -> &str {
    if on {
        text
    } else {
        ""
    }
}

pub(crate) fn describe(models: &Models) -> String {
    let mut out = String::new();
    for set in &models.sets {
        let _ = write!(out, "{} ({})", set.name, set.source);
        if !set.description.is_empty() {
            let _ = write!(out, ": {}", set.description);
        }
        out.push('\n');
        section(&mut out, "locks", &set.locks, |l| {
            // A release drops the lock in whichever mode it is held.
            let mut s = match l.action {
                LockAction::Release => format!("{} {}", name(&l.action), l.kind),
                _ => format!("{} {} {}", name(&l.action), l.kind, name(&l.mode)),
            };
            s += &arg("arg", l.arg);
            if l.offset != 0 {
                s += &format!("+{}", l.offset);
            }
            if let Some(v) = l.success {
                s += &format!(" success={v}");
            }
            s += flag(l.success_nonzero, " success=nonzero");
            s += flag(l.arg_is_guard, " (guard)");
            if l.guard_field != 0 {
                s += &format!(" guard-field={}", l.guard_field);
            }
            s += flag(l.irq, " irq");
            s += flag(l.bh, " bh");
            s += flag(l.returns_guard, " returns-guard");
            s += flag(!l.kernel, " non-kernel");
            s += flag(l.global, " global");
            s += flag(l.body, " (body)");
            (matcher(&l.matcher), s)
        });
        section(&mut out, "accesses", &set.accesses, |a| {
            let mut s = format!("{} {} arg{}", name(&a.access), a.ordering, a.arg);
            if a.size != 0 {
                s += &format!(" size={}", a.size);
            }
            s += &arg("ordering-from-arg", a.ordering_arg);
            s += &arg("value-from-arg", a.value_arg);
            s += flag(a.rust_native, " rust-native");
            (matcher(&a.matcher), s)
        });
        section(&mut out, "barriers", &set.barriers, |b| {
            (
                matcher(&b.matcher),
                format!(
                    "{}{}",
                    name(&b.kind),
                    arg("ordering-from-arg", b.ordering_arg)
                ),
            )
        });
        section(&mut out, "asm", &set.asm, |a| {
            let mut s = format!("{} {}", a.arch, name(&a.effect));
            match a.barrier {
                Some(k) => s += &format!(" {}", name(&k)),
                None => s += &format!(" {}", a.ordering),
            }
            if let Some(c) = &a.requires_clobber {
                s += &format!(" needs-clobber={c}");
            }
            if !a.description.is_empty() {
                s += &format!(" — {}", a.description);
            }
            (format!("/{}/", a.pattern), s)
        });
        section(&mut out, "spawn", &set.spawns, |sp| {
            let mut s = name(&sp.context);
            s += &arg("callback=arg", sp.callback);
            if let (Some(o), Some(f)) = (sp.object_arg, sp.callback_field) {
                s += &format!(" callback=*(arg{o}+{f})");
            }
            for extra in &sp.more_callbacks {
                s += &format!(" + {} callback=arg{}", name(&extra.context), extra.callback);
            }
            if let Some(d) = sp.data {
                s += &format!(" data=arg{d}->param{}", sp.data_param);
            }
            s += flag(sp.self_concurrent, " self-concurrent");
            s += flag(sp.closure, " closure");
            s += flag(sp.synchronous, " synchronous");
            s += flag(sp.program_main, " program-main");
            s += flag(sp.trampoline, " trampoline");
            s += flag(sp.scope, " scope");
            if let Some(x) = sp.at_exit {
                s += &format!(" at-exit={}", name(&x));
            }
            if !sp.exit_calls.is_empty() {
                s += &format!(" exit-calls={}", sp.exit_calls.join(","));
            }
            s += flag(sp.returns_handle, " returns-handle");
            s += &arg("handle=arg", sp.handle_arg);
            if let Some(v) = sp.success {
                s += &format!(" success={v}");
            }
            (matcher(&sp.matcher), s)
        });
        section(&mut out, "join", &set.joins, |j| {
            (matcher(&j.matcher), format!("arg{}", j.arg))
        });
        section(&mut out, "current_thread", &set.current_threads, |c| {
            (
                matcher(&c.matcher),
                "the calling thread's handle".to_string(),
            )
        });
        section(&mut out, "rendezvous", &set.rendezvous, |r| {
            let mut s = match r.role {
                RendezvousRole::Barrier => "barrier".to_string(),
                RendezvousRole::Send => "send".to_string(),
                RendezvousRole::Recv => "recv".to_string(),
                RendezvousRole::Create => "create".to_string(),
            };
            s += &arg("arg", r.arg);
            s += &arg("value=arg", r.value_arg);
            if let Some(v) = r.serial {
                s += &format!(" serial={v}");
            }
            (matcher(&r.matcher), s)
        });
        section(&mut out, "alloc", &set.allocs, |a| {
            let mut s = if a.free {
                "free".to_string()
            } else {
                "alloc".to_string()
            };
            s += &arg("size=arg", a.size_arg);
            s += &arg("ptr=arg", a.ptr_arg);
            s += flag(a.zeroed, " zeroed");
            s += flag(a.thread_private, " thread-private");
            (matcher(&a.matcher), s)
        });
        section(&mut out, "sleep", &set.sleeps, |s| {
            (matcher(&s.matcher), s.reason.clone())
        });
        section(&mut out, "condition", &set.conditions, |c| {
            (matcher(&c.matcher), c.reason.clone())
        });
        section(&mut out, "drop", &set.drops, |d| {
            (
                matcher(&d.matcher),
                "drops what its caller owns".to_string(),
            )
        });
        section(&mut out, "buffer", &set.buffers, |b| {
            let list = |what: &str, args: &[u32]| {
                if args.is_empty() {
                    String::new()
                } else {
                    let a: Vec<String> = args.iter().map(|k| k.to_string()).collect();
                    format!(" {what}=arg{}", a.join(","))
                }
            };
            let mut s = list("reads", &b.reads) + &list("writes", &b.writes);
            s += &arg("writes_from=arg", b.writes_from);
            s += &arg("size=arg", b.size_arg);
            (matcher(&b.matcher), s)
        });
        section(&mut out, "mmio", &set.mmio, |m| {
            let mut s = name(&m.role);
            if let Some(a) = m.access {
                s += &format!(" {}", name(&a));
            }
            s += &arg("addr=arg", m.addr_arg);
            (matcher(&m.matcher), s)
        });
        section(&mut out, "init", &set.inits, |i| {
            let what = match &i.section {
                Some(s) => format!("section {s}"),
                None => matcher(&i.matcher),
            };
            (what, name(&i.phase))
        });
        section(&mut out, "static_call", &set.static_calls, |c| {
            (
                format!("{}NAME", c.trampoline_prefix),
                match &c.type_member_of {
                    Some(t) => format!(
                        "calls {}NAME+{}, typed as member NAME of {t}",
                        c.key_prefix, c.func_offset
                    ),
                    None => format!("calls {}NAME+{}", c.key_prefix, c.func_offset),
                },
            )
        });
    }
    out
}

fn section<T>(out: &mut String, title: &str, entries: &[T], line: impl Fn(&T) -> (String, String)) {
    if entries.is_empty() {
        return;
    }
    let _ = writeln!(out, "  {title} ({}):", entries.len());
    let lines: Vec<(String, String)> = entries.iter().map(line).collect();
    // Align the descriptions, but do not let one very long name push every
    // line far to the right.
    let width = lines
        .iter()
        .map(|(n, _)| n.chars().count())
        .filter(|&w| w <= 40)
        .max()
        .unwrap_or(0);
    for (what, detail) in lines {
        let _ = writeln!(out, "    {what:<width$}  {}", detail.trim());
    }
}
