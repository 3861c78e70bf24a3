//! seam's models: what the analysis knows about functions it does not see
//! into (locks, marked accesses, barriers, thread registration, allocation,
//! may-sleep, MMIO) and about inline asm. Models are data: TOML files embedded
//! in the binary, extended by `--models FILE` or a project's `seam.toml`.
//!
//! The file format is documented in `docs/models.md`.
//!
//! Functions are matched by exact symbol (`function = "_raw_spin_lock"`), by
//! normalised demangled Rust path (`path = "kernel::sync::lock::Lock::lock"`,
//! see [`normalize_rust_path`]) so that generic instantiations match whatever
//! crate they were monomorphised in, or by a regex over the demangled name.
//!
//! Precedence when several entries of one section match a function: the
//! entry from the set loaded last wins (user files beat the built-in sets,
//! a later `--models` file beats an earlier one); within one set an exact
//! symbol beats a path, a longer path beats a shorter one, and a path beats
//! a regex.

mod describe;
mod load;
mod normalize;
mod types;

use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

use regex::{Regex, RegexSet};

pub use load::{parse_model_set, EntryProblem, ModelError};
pub use normalize::{normalize_rust_path, strip_legacy_hash, trait_method_path};
pub use types::*;

/// The shipped model sets, embedded in the binary, in load order.
pub const BUILTIN_SETS: [(&str, &str); 5] = [
    (
        "linux-kernel.toml",
        include_str!("../data/linux-kernel.toml"),
    ),
    (
        "rust-for-linux.toml",
        include_str!("../data/rust-for-linux.toml"),
    ),
    ("posix.toml", include_str!("../data/posix.toml")),
    ("rust-std.toml", include_str!("../data/rust-std.toml")),
    ("asm.toml", include_str!("../data/asm.toml")),
];

/// A function as the analysis knows it: its symbol and its demangled name
/// (equal to the symbol for C). The demangled name may carry the legacy
/// `::h<hash>` suffix; lookups strip it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FnName<'a> {
    pub symbol: &'a str,
    pub demangled: &'a str,
}

impl<'a> FnName<'a> {
    pub fn new(symbol: &'a str, demangled: &'a str) -> Self {
        FnName { symbol, demangled }
    }

    /// A C function (or `#[no_mangle]` Rust one): demangled = symbol.
    pub fn c(symbol: &'a str) -> Self {
        FnName {
            symbol,
            demangled: symbol,
        }
    }
}

/// Every model that applies to one function, from one name resolution.
/// Use [`Models::lookup`] when several sections are needed for a callee.
#[derive(Clone, Copy, Debug, Default)]
pub struct FnModels<'m> {
    pub lock: Option<&'m LockModel>,
    pub access: Option<&'m AccessModel>,
    pub barrier: Option<&'m BarrierModel>,
    pub spawn: Option<&'m SpawnModel>,
    pub join: Option<&'m JoinModel>,
    pub current_thread: Option<&'m CurrentThreadModel>,
    pub rendezvous: Option<&'m RendezvousModel>,
    pub alloc: Option<&'m AllocModel>,
    pub sleep: Option<&'m SleepModel>,
    pub drop: Option<&'m DropModel>,
    pub buffer: Option<&'m BufferModel>,
    pub mmio: Option<&'m MmioModel>,
    pub init: Option<&'m InitModel>,
    pub condition: Option<&'m ConditionModel>,
}

impl FnModels<'_> {
    /// Whether any section models the function.
    pub fn is_empty(&self) -> bool {
        self.lock.is_none()
            && self.access.is_none()
            && self.barrier.is_none()
            && self.spawn.is_none()
            && self.join.is_none()
            && self.current_thread.is_none()
            && self.rendezvous.is_none()
            && self.alloc.is_none()
            && self.sleep.is_none()
            && self.drop.is_none()
            && self.buffer.is_none()
            && self.mmio.is_none()
            && self.init.is_none()
            && self.condition.is_none()
    }
}

/// All loaded model sets, with lookups by function.
#[derive(Clone, Debug, Default)]
pub struct Models {
    /// In load order: built-ins first, then user files.
    pub sets: Vec<ModelSet>,
    index: Index,
}

/// Position of an entry: set number and entry number within its section.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Slot {
    set: u32,
    entry: u32,
}

/// How specific a match is; compared after the set number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Specificity {
    Regex,
    /// Path match; the length of the matched prefix.
    Path(usize),
    Symbol,
}

/// Lookup structures for one section.
#[derive(Clone, Debug, Default)]
struct SectionIndex {
    symbols: HashMap<String, Slot>,
    paths: HashMap<String, Slot>,
    /// `path_regex` sources and their entries, in load order.
    regex_sources: Vec<(String, Slot)>,
    /// All of `regex_sources` compiled into one set: one pass per lookup.
    regex_set: Option<RegexSet>,
}

#[derive(Clone, Debug, Default)]
struct Index {
    locks: SectionIndex,
    accesses: SectionIndex,
    barriers: SectionIndex,
    spawns: SectionIndex,
    joins: SectionIndex,
    current_threads: SectionIndex,
    rendezvous: SectionIndex,
    allocs: SectionIndex,
    sleeps: SectionIndex,
    drops: SectionIndex,
    buffers: SectionIndex,
    mmio: SectionIndex,
    inits: SectionIndex,
    conditions: SectionIndex,
    /// Section name → init entry.
    init_sections: HashMap<String, Slot>,
    /// Every asm entry in load order, pattern compiled.
    asm: Vec<(Regex, Slot)>,
}

/// A function name prepared once for all section lookups.
struct Key<'a> {
    symbol: &'a str,
    /// Symbol without a compiler suffix (`foo.llvm.123`, `foo.isra.0`).
    base_symbol: Option<&'a str>,
    self_path: String,
    trait_path: Option<String>,
    /// Demangled name without the legacy hash and v0 crate
    /// disambiguators, for regexes.
    regex_subject: String,
}

impl<'a> Key<'a> {
    fn new(f: &FnName<'a>) -> Self {
        let base_symbol = f
            .symbol
            .split_once('.')
            .map(|(base, _)| base)
            .filter(|b| !b.is_empty());
        let demangled = if f.demangled.is_empty() {
            f.symbol
        } else {
            f.demangled
        };
        // C names have nothing to normalise; skip the parser for them.
        let rusty = demangled.contains("::") || demangled.contains('<');
        let (self_path, trait_path) = if rusty {
            normalize::normalize(demangled)
        } else {
            (demangled.to_string(), None)
        };
        Key {
            symbol: f.symbol,
            base_symbol,
            self_path,
            trait_path,
            regex_subject: normalize::strip_disambiguators(strip_legacy_hash(demangled)),
        }
    }
}

impl SectionIndex {
    fn add(&mut self, m: &Matcher, slot: Slot) {
        for f in m.function.iter().chain(&m.functions) {
            self.symbols.insert(f.clone(), slot);
        }
        if let Some(p) = &m.path {
            self.paths.insert(normalize_rust_path(p), slot);
        }
        if let Some(r) = &m.path_regex {
            self.regex_sources.push((r.clone(), slot));
        }
    }

    /// Recompiles the regex set after a set was added.
    fn compile_regexes(&mut self) -> Result<(), String> {
        self.regex_set = if self.regex_sources.is_empty() {
            None
        } else {
            let set = RegexSet::new(self.regex_sources.iter().map(|(r, _)| r.as_str()));
            Some(set.map_err(|e| e.to_string())?)
        };
        Ok(())
    }

    fn find(&self, key: &Key<'_>) -> Option<Slot> {
        let mut best: Option<((u32, Specificity, u32), Slot)> = None;
        let mut consider = |slot: Slot, spec: Specificity| {
            let rank = (slot.set, spec, slot.entry);
            if best.as_ref().is_none_or(|(b, _)| rank > *b) {
                best = Some((rank, slot));
            }
        };
        let by_symbol = self
            .symbols
            .get(key.symbol)
            .or_else(|| key.base_symbol.and_then(|b| self.symbols.get(b)));
        if let Some(&slot) = by_symbol {
            consider(slot, Specificity::Symbol);
        }
        if !self.paths.is_empty() {
            let forms = std::iter::once(key.self_path.as_str()).chain(key.trait_path.as_deref());
            for form in forms {
                for prefix in normalize::matchable_prefixes(form) {
                    if let Some(&slot) = self.paths.get(prefix) {
                        consider(slot, Specificity::Path(prefix.len()));
                    }
                }
            }
        }
        // Most names match no regex; the cheap yes/no test comes first.
        if let Some(set) = self
            .regex_set
            .as_ref()
            .filter(|set| set.is_match(&key.regex_subject))
        {
            for i in set.matches(&key.regex_subject).iter() {
                consider(self.regex_sources[i].1, Specificity::Regex);
            }
        }
        best.map(|(_, slot)| slot)
    }
}

impl Models {
    /// All shipped model sets. They are parsed once per process; a shipped
    /// set that does not parse is caught by this crate's tests.
    pub fn builtin() -> Models {
        static BUILTIN: OnceLock<Models> = OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                let mut models = Models::default();
                for (name, text) in BUILTIN_SETS {
                    models
                        .add_str(&format!("builtin:{name}"), text)
                        .expect("shipped model set is valid (checked by models/tests)");
                }
                models
            })
            .clone()
    }

    /// Loads a user model file; its entries take precedence over every set
    /// loaded before. A file with any problem is not loaded at all.
    pub fn load_file(&mut self, path: impl AsRef<Path>) -> Result<(), ModelError> {
        let path = path.as_ref();
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| ModelError::Io {
            file: file.clone(),
            source,
        })?;
        self.add_str(&file, &text)
    }

    /// Adds a model set from text; `name` names it in errors and in
    /// [`Models::describe`]. Takes precedence over every set loaded before.
    pub fn add_str(&mut self, name: &str, text: &str) -> Result<(), ModelError> {
        let mut set = parse_model_set(name, text)?;
        if set.name.is_empty() {
            set.name = name
                .rsplit('/')
                .next()
                .unwrap_or(name)
                .trim_end_matches(".toml")
                .to_string();
        }
        let set_no = self.sets.len() as u32;
        self.index
            .add_set(set_no, &set)
            .map_err(|reason| ModelError::Invalid {
                file: name.to_string(),
                problems: vec![EntryProblem {
                    entry: "(index)".into(),
                    reason,
                }],
            })?;
        self.sets.push(set);
        Ok(())
    }

    /// Every section's model for `f`, resolving the name once.
    pub fn lookup(&self, f: &FnName<'_>) -> FnModels<'_> {
        let key = Key::new(f);
        let ix = &self.index;
        FnModels {
            lock: ix
                .locks
                .find(&key)
                .map(|s| &self.sets[s.set as usize].locks[s.entry as usize]),
            access: ix
                .accesses
                .find(&key)
                .map(|s| &self.sets[s.set as usize].accesses[s.entry as usize]),
            barrier: ix
                .barriers
                .find(&key)
                .map(|s| &self.sets[s.set as usize].barriers[s.entry as usize]),
            spawn: ix
                .spawns
                .find(&key)
                .map(|s| &self.sets[s.set as usize].spawns[s.entry as usize]),
            join: ix
                .joins
                .find(&key)
                .map(|s| &self.sets[s.set as usize].joins[s.entry as usize]),
            current_thread: ix
                .current_threads
                .find(&key)
                .map(|s| &self.sets[s.set as usize].current_threads[s.entry as usize]),
            rendezvous: ix
                .rendezvous
                .find(&key)
                .map(|s| &self.sets[s.set as usize].rendezvous[s.entry as usize]),
            alloc: ix
                .allocs
                .find(&key)
                .map(|s| &self.sets[s.set as usize].allocs[s.entry as usize]),
            sleep: ix
                .sleeps
                .find(&key)
                .map(|s| &self.sets[s.set as usize].sleeps[s.entry as usize]),
            drop: ix
                .drops
                .find(&key)
                .map(|s| &self.sets[s.set as usize].drops[s.entry as usize]),
            buffer: ix
                .buffers
                .find(&key)
                .map(|s| &self.sets[s.set as usize].buffers[s.entry as usize]),
            mmio: ix
                .mmio
                .find(&key)
                .map(|s| &self.sets[s.set as usize].mmio[s.entry as usize]),
            init: ix
                .inits
                .find(&key)
                .map(|s| &self.sets[s.set as usize].inits[s.entry as usize]),
            condition: ix
                .conditions
                .find(&key)
                .map(|s| &self.sets[s.set as usize].conditions[s.entry as usize]),
        }
    }

    pub fn lock(&self, f: &FnName<'_>) -> Option<&LockModel> {
        let s = self.index.locks.find(&Key::new(f))?;
        Some(&self.sets[s.set as usize].locks[s.entry as usize])
    }

    pub fn access(&self, f: &FnName<'_>) -> Option<&AccessModel> {
        let s = self.index.accesses.find(&Key::new(f))?;
        Some(&self.sets[s.set as usize].accesses[s.entry as usize])
    }

    pub fn barrier(&self, f: &FnName<'_>) -> Option<&BarrierModel> {
        let s = self.index.barriers.find(&Key::new(f))?;
        Some(&self.sets[s.set as usize].barriers[s.entry as usize])
    }

    pub fn spawn(&self, f: &FnName<'_>) -> Option<&SpawnModel> {
        let s = self.index.spawns.find(&Key::new(f))?;
        Some(&self.sets[s.set as usize].spawns[s.entry as usize])
    }

    pub fn join(&self, f: &FnName<'_>) -> Option<&JoinModel> {
        let s = self.index.joins.find(&Key::new(f))?;
        Some(&self.sets[s.set as usize].joins[s.entry as usize])
    }

    pub fn alloc(&self, f: &FnName<'_>) -> Option<&AllocModel> {
        let s = self.index.allocs.find(&Key::new(f))?;
        Some(&self.sets[s.set as usize].allocs[s.entry as usize])
    }

    pub fn sleep(&self, f: &FnName<'_>) -> Option<&SleepModel> {
        let s = self.index.sleeps.find(&Key::new(f))?;
        Some(&self.sets[s.set as usize].sleeps[s.entry as usize])
    }

    pub fn mmio(&self, f: &FnName<'_>) -> Option<&MmioModel> {
        let s = self.index.mmio.find(&Key::new(f))?;
        Some(&self.sets[s.set as usize].mmio[s.entry as usize])
    }

    /// Whether `f` runs before/after all concurrency: by function, or by the
    /// section it is placed in (`.init.text`; a model section also covers
    /// its `.`-suffixed subsections such as `.init.text.unlikely`). A
    /// function match wins over a section match.
    pub fn init(&self, f: &FnName<'_>, section: Option<&str>) -> Option<&InitModel> {
        match self.index.inits.find(&Key::new(f)) {
            Some(slot) => Some(&self.sets[slot.set as usize].inits[slot.entry as usize]),
            None => self.init_section(section?),
        }
    }

    /// The `[[init]]` entry of a section: the code in it runs then, and a
    /// data section's objects (`.data..ro_after_init`) are written then.
    pub fn init_section(&self, section: &str) -> Option<&InitModel> {
        let slot = self.index.init_sections.get(section).copied().or_else(|| {
            // `.init.text.unlikely` → `.init.text`.
            let mut s = section;
            while let Some((head, _)) = s.rsplit_once('.') {
                if head.is_empty() {
                    break;
                }
                if let Some(&slot) = self.index.init_sections.get(head) {
                    return Some(slot);
                }
                s = head;
            }
            None
        })?;
        Some(&self.sets[slot.set as usize].inits[slot.entry as usize])
    }

    /// Every asm model whose arch fits `triple` (`x86_64-unknown-linux-gnu`,
    /// `aarch64-unknown-none`) and whose pattern is found in `asm`, in load
    /// order (built-ins first, each file top to bottom). The caller checks
    /// [`AsmModel::clobbers_ok`] against the statement's constraints.
    /// Every `[[static_call]]` entry, in load order.
    pub fn static_calls(&self) -> impl Iterator<Item = &StaticCallModel> {
        self.sets.iter().flat_map(|s| s.static_calls.iter())
    }

    pub fn asm(&self, triple: &str, asm: &str) -> Vec<&AsmModel> {
        let arch = triple_arch(triple);
        self.index
            .asm
            .iter()
            .filter_map(|(re, slot)| {
                let model = &self.sets[slot.set as usize].asm[slot.entry as usize];
                (arch_fits(&model.arch, arch) && re.is_match(asm)).then_some(model)
            })
            .collect()
    }

    /// Like [`Models::asm`], also requiring the clobbers a model needs to be
    /// among `constraints` (the LLVM constraint string).
    pub fn asm_with_constraints(
        &self,
        triple: &str,
        asm: &str,
        constraints: &str,
    ) -> Vec<&AsmModel> {
        self.asm(triple, asm)
            .into_iter()
            .filter(|m| m.clobbers_ok(constraints))
            .collect()
    }

    /// Readable listing for `seam models`.
    pub fn describe(&self) -> String {
        describe::describe(self)
    }
}

fn triple_arch(triple: &str) -> &str {
    match triple.split('-').next().unwrap_or(triple) {
        "arm64" | "aarch64_be" | "arm64e" => "aarch64",
        "amd64" => "x86_64",
        other => other,
    }
}

fn arch_fits(model_arch: &str, arch: &str) -> bool {
    model_arch == "any" || model_arch == arch
}

impl Index {
    fn add_set(&mut self, set_no: u32, set: &ModelSet) -> Result<(), String> {
        let slot = |entry: usize| Slot {
            set: set_no,
            entry: entry as u32,
        };
        // Build into a copy so that a failure leaves `self` unchanged.
        let mut next = self.clone();
        for (i, m) in set.locks.iter().enumerate() {
            next.locks.add(&m.matcher, slot(i));
        }
        for (i, m) in set.accesses.iter().enumerate() {
            next.accesses.add(&m.matcher, slot(i));
        }
        for (i, m) in set.barriers.iter().enumerate() {
            next.barriers.add(&m.matcher, slot(i));
        }
        for (i, m) in set.spawns.iter().enumerate() {
            next.spawns.add(&m.matcher, slot(i));
        }
        for (i, m) in set.joins.iter().enumerate() {
            next.joins.add(&m.matcher, slot(i));
        }
        for (i, m) in set.current_threads.iter().enumerate() {
            next.current_threads.add(&m.matcher, slot(i));
        }
        for (i, m) in set.rendezvous.iter().enumerate() {
            next.rendezvous.add(&m.matcher, slot(i));
        }
        for (i, m) in set.allocs.iter().enumerate() {
            next.allocs.add(&m.matcher, slot(i));
        }
        for (i, m) in set.sleeps.iter().enumerate() {
            next.sleeps.add(&m.matcher, slot(i));
        }
        for (i, m) in set.conditions.iter().enumerate() {
            next.conditions.add(&m.matcher, slot(i));
        }
        for (i, m) in set.drops.iter().enumerate() {
            next.drops.add(&m.matcher, slot(i));
        }
        for (i, m) in set.buffers.iter().enumerate() {
            next.buffers.add(&m.matcher, slot(i));
        }
        for (i, m) in set.mmio.iter().enumerate() {
            next.mmio.add(&m.matcher, slot(i));
        }
        for (i, m) in set.inits.iter().enumerate() {
            match &m.section {
                Some(section) => {
                    next.init_sections.insert(section.clone(), slot(i));
                }
                None => next.inits.add(&m.matcher, slot(i)),
            }
        }
        for section in [
            &mut next.locks,
            &mut next.accesses,
            &mut next.barriers,
            &mut next.spawns,
            &mut next.joins,
            &mut next.current_threads,
            &mut next.rendezvous,
            &mut next.allocs,
            &mut next.sleeps,
            &mut next.drops,
            &mut next.buffers,
            &mut next.mmio,
            &mut next.inits,
            &mut next.conditions,
        ] {
            section.compile_regexes()?;
        }
        for (i, m) in set.asm.iter().enumerate() {
            let re = Regex::new(&m.pattern).map_err(|e| e.to_string())?;
            next.asm.push((re, slot(i)));
        }
        *self = next;
        Ok(())
    }
}
