//! `ffi-data-race`, `data-race`, `ffi-lock-mismatch`: two accesses to the
//! same location, at least one a write, at least one plain, from roots that
//! may run in parallel, with no lock in common.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::BTreeMap;

use rayon::prelude::*;

use seam_models::{LockKind, LockMode};

use super::build;
use super::ordering;
use super::Facts;
use crate::accesses::{Access, CallSite, Marking, Spread};
use crate::ir::Language;
use crate::locks::Held;
use crate::rules::{AccessKind, Finding, Related};
use crate::threads::Phase;

/// The highest rank of a finding on a type-based location (a note).
const TYPE_BASED_RANK: f32 = 0.45;

/// At most this many pairs are reported per location.
const MAX_PAIRS_PER_LOCATION: usize = 10;

pub fn check(facts: &Facts<'_, '_>) -> Vec<Finding> {
    let accesses = &facts.accesses.list;
    // Group by object.
    let mut by_node: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
    for (k, a) in accesses.iter().enumerate() {
        by_node.entry(a.ptr.node).or_default().push(k);
    }
    // Objects are independent: judged in parallel (on the analysis's
    // thread pool, `--jobs`), collected in object order. A collapsed
    // object is judged per place, and its places are independent too:
    // each is a unit of work, so the kernel's largest collapsed object
    // (most of the accesses it records) is not judged on one thread.
    let by_node: Vec<(u32, Vec<usize>)> = by_node.into_iter().collect();
    let work: Vec<(u32, Option<Place>, Vec<usize>)> = by_node
        .par_iter()
        .map(|(node, list)| {
            if facts.memory.is_collapsed(*node) {
                places(facts, list)
                    .into_iter()
                    .map(|(place, sub)| (*node, Some(place), sub))
                    .collect()
            } else {
                vec![(*node, None, list.clone())]
            }
        })
        .collect::<Vec<Vec<_>>>()
        .into_iter()
        .flatten()
        .collect();
    let timings = std::env::var_os("SEAM_TIMINGS").is_some();
    // Source lines and flag events are cached per pool thread, not per
    // rayon split (`map_init` starts afresh for each of hundreds of
    // splits, re-reading files and re-scanning functions).
    let caches: Vec<std::sync::Mutex<JudgeCache>> = (0..rayon::current_num_threads().max(1))
        .map(|_| Default::default())
        .collect();
    let per_node: Vec<(Vec<Finding>, Vec<Finding>, f64)> = work
        .par_iter()
        .map(|(_, place, list)| {
            let t = std::time::Instant::now();
            let k = rayon::current_thread_index().unwrap_or(0) % caches.len();
            // Judging starts no rayon work, so a thread never waits on its own cache.
            let mut cache = caches[k].lock().unwrap_or_else(|e| e.into_inner());
            let (f, o) = match place {
                None => check_location_pairs(facts, list, false, None, &mut cache),
                Some(place) => check_place(facts, place, list, &mut cache),
            };
            (f, o, t.elapsed().as_secs_f64())
        })
        .collect();
    if timings {
        // The objects that cost most: where the pair loop's time goes.
        let mut per_object: BTreeMap<u32, (f64, usize)> = BTreeMap::new();
        for ((node, _, list), (_, _, t)) in work.iter().zip(&per_node) {
            let c = per_object.entry(*node).or_default();
            c.0 += t;
            c.1 += list.len();
        }
        let mut cost: Vec<(f64, u32, usize)> = per_object
            .into_iter()
            .map(|(node, (t, n))| (t, node, n))
            .collect();
        cost.sort_by(|a, b| b.0.total_cmp(&a.0));
        let total: f64 = cost.iter().map(|c| c.0).sum();
        eprintln!(
            "seam: races: {} objects, {:.2}s judging in all",
            cost.len(),
            total
        );
        for (t, node, n) in cost.iter().take(8) {
            eprintln!("seam: races:   object {node}: {n} accesses, {t:.2}s");
        }
        // The places of collapsed objects that cost most.
        let mut by_place: Vec<(f64, &Place, usize)> = work
            .iter()
            .zip(&per_node)
            .filter_map(|((_, p, list), (_, _, t))| p.as_ref().map(|p| (*t, p, list.len())))
            .collect();
        by_place.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (t, p, n) in by_place.iter().take(8) {
            let name = match p {
                Place::Symbol(g, off) => format!("{}+{off}", facts.program.global(*g).name),
                Place::Type(key, off) => format!("{key}+{off}"),
            };
            eprintln!("seam: races:   place {name}: {n} accesses, {t:.2}s");
        }
    }
    let mut findings = Vec::new();
    let mut ordering_findings: Vec<Finding> = Vec::new();
    for (f, o, _) in per_node {
        findings.extend(f);
        ordering_findings.extend(o);
    }
    dedup_ordering(findings, ordering_findings)
}

/// A candidate pair of accesses for one location: (rank on the paths the
/// walk recorded first, rank before its paths are counted, first, second).
type Candidate = (f32, f32, usize, usize);

/// Where an access to a collapsed object is judged. An object unification
/// collapsed to one field (it was seen at two offsets of itself) has lost
/// "the same location": any two of its accesses would pair. What the code
/// says still names one location: a global's own address (`reg.count++`,
/// `&reg + 8`), judged per (global, offset), or else the member of the
/// static type the access goes through (`ei->i_disksize`), judged per
/// (type, offset). The rest are not reported (see docs/analysis.md).
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Place {
    Symbol(crate::program::GlobalId, i64),
    Type(String, i64),
}

/// The accesses of one collapsed object, by place, in place order.
fn places(facts: &Facts<'_, '_>, list: &[usize]) -> BTreeMap<Place, Vec<usize>> {
    let mut by_place: BTreeMap<Place, Vec<usize>> = BTreeMap::new();
    // The kernel's largest collapsed object holds most of its accesses,
    // many by one instruction in several contexts: each instruction's
    // place is read once. A pointer chosen among several globals'
    // addresses (`i = c ? &d.x : &d.y`) may touch each: the access is
    // judged at each.
    let mut place_of: HashMap<(crate::program::FuncId, u32), Vec<Place>> = HashMap::default();
    for &k in list {
        let a = &facts.accesses.list[k];
        let places = place_of.entry((a.func, a.inst)).or_insert_with(|| {
            let symbols = build::symbol_locations(facts, a);
            if symbols.is_empty() {
                build::type_location(facts, a)
                    .map(|t| Place::Type(t.key, t.off))
                    .into_iter()
                    .collect()
            } else {
                symbols
                    .into_iter()
                    .map(|(g, off)| Place::Symbol(g, off))
                    .collect()
            }
        });
        for place in places.iter() {
            by_place.entry(place.clone()).or_default().push(k);
        }
    }
    by_place
}

/// The race and ordering findings on one place of a collapsed object.
fn check_place(
    facts: &Facts<'_, '_>,
    place: &Place,
    sub: &[usize],
    cache: &mut JudgeCache,
) -> (Vec<Finding>, Vec<Finding>) {
    match place {
        Place::Symbol(..) => check_location_pairs(facts, sub, true, None, cache),
        Place::Type(key, _) => {
            let guards = beside_the_data(facts, key, sub, &mut cache.lock_keys);
            if guards.values().all(Vec::is_empty) {
                return Default::default();
            }
            // Type-based pairs are weaker evidence than one object: kept
            // only when they would rank as warnings, and then shown as
            // notes (never failing CI): one instance may still be fresh,
            // not yet published, which the pre-publication test cannot
            // see through a collapsed object (docs/kernel-results.md, stop
            // 13). They do not blame a flag's ordering (an `error`) on
            // data that may be two instances either.
            let (mut f, _) = check_location_pairs(facts, sub, true, Some(&guards), cache);
            f.retain(|x| x.confidence >= 0.5);
            for x in &mut f {
                x.confidence = x.confidence.min(TYPE_BASED_RANK);
                x.level = crate::rules::Level::Note;
            }
            (f, Vec::new())
        }
    }
}

/// Lock keys by acquisition site (`build::site_lock_key`), read once per
/// pool thread: the pair loop asks for the same holds again and again.
type LockKeys = HashMap<(crate::program::FuncId, u32), Option<(String, i64)>>;

fn site_lock_key(facts: &Facts<'_, '_>, h: &Held, cache: &mut LockKeys) -> Option<(String, i64)> {
    cache
        .entry(h.site)
        .or_insert_with(|| build::site_lock_key(facts, h))
        .clone()
}

/// Per access of `list` (all on one member of the named type `key` in a
/// collapsed object): the locks it holds that are members of that same
/// type, by their acquisitions' static types (`f->lock` beside
/// `f->tx`). Type-based locations pair every instance of a type, so a
/// pair is judged only on this evidence that the member is meant to be
/// guarded: one side holds a lock of the data's own struct and the other
/// does not hold it (see docs/analysis.md, "Collapsed objects").
fn beside_the_data(
    facts: &Facts<'_, '_>,
    key: &str,
    list: &[usize],
    lock_keys: &mut LockKeys,
) -> HashMap<usize, Vec<(String, i64)>> {
    list.iter()
        .map(|&k| {
            let a = &facts.accesses.list[k];
            let mut own: Vec<(String, i64)> = a
                .lockset
                .iter()
                .filter(|h| facts.locks.info(h.lock).kind != LockKind::Rcu)
                .filter_map(|h| site_lock_key(facts, h, lock_keys))
                .filter(|(t, _)| t == key)
                .collect();
            own.sort();
            own.dedup();
            (k, own)
        })
        .collect()
}

/// Race and ordering findings among the accesses `list`, all on one object
/// (`collapsed`: all on one location of a collapsed object).
fn check_location_pairs(
    facts: &Facts<'_, '_>,
    list: &[usize],
    collapsed: bool,
    guards: Option<&HashMap<usize, Vec<(String, i64)>>>,
    cache: &mut JudgeCache,
) -> (Vec<Finding>, Vec<Finding>) {
    let JudgeCache {
        sources,
        flags,
        lock_keys,
        paths,
    } = cache;
    let accesses = &facts.accesses.list;
    let mut findings = Vec::new();
    let mut ordering_findings: Vec<Finding> = Vec::new();
    // What the code says about each location elsewhere: some access
    // holds a lock, or is marked. Without either, nothing shows the
    // authors expected concurrency there.
    let mut discipline: BTreeMap<i64, (bool, bool)> = BTreeMap::new();
    for &k in list {
        let a = &accesses[k];
        let d = discipline.entry(a.ptr.off).or_default();
        d.0 |= real_locks(facts, &a.lockset) > 0;
        // A READ_ONCE/WRITE_ONCE inside a C header's inline helper
        // (`list_empty`, `__list_add`) is that helper's contract for every
        // object it serves, not a sign this object's code expects
        // concurrency.
        let helper_mark =
            a.marking == Marking::Volatile && facts.program.in_c_header(a.func, a.inst);
        d.1 |= !a.marking.is_plain() && !helper_mark;
    }
    // Candidate pairs per (rule, location), best first.
    let mut per_location: BTreeMap<(String, i64), Vec<Candidate>> = BTreeMap::new();
    let mut seen_pairs: HashSet<(u32, u32, u32, u32)> = HashSet::default();
    // Per candidate pair: the flag accesses that lacked the ordering.
    let mut notes: rustc_hash::FxHashMap<(usize, usize), Vec<Related>> = Default::default();
    // A type-based location pairs only accesses holding a lock of the
    // data's struct with the others: those are the outer loop (a member
    // of `struct task_struct` is touched in tens of thousands of places).
    let outer: Vec<usize> = match guards {
        Some(g) => list.iter().copied().filter(|k| !g[k].is_empty()).collect(),
        None => list.to_vec(),
    };
    for (x, &i) in outer.iter().enumerate() {
        let inner = if guards.is_some() { list } else { &list[x..] };
        for &j in inner {
            let (a, b) = (&accesses[i], &accesses[j]);
            // One finding per pair of instructions, whatever the roots and
            // contexts: a pair already found racy is not judged again.
            let key = if (a.func, a.inst) <= (b.func, b.inst) {
                (a.func, a.inst, b.func, b.inst)
            } else {
                (b.func, b.inst, a.func, a.inst)
            };
            // A type-based location: only a pair with one side holding a
            // lock of the data's own struct that the other does not.
            if let Some(g) = guards {
                let (gi, gj) = (&g[&i], &g[&j]);
                if (gi.is_empty() && gj.is_empty()) || gi.iter().any(|x| gj.contains(x)) {
                    continue;
                }
            }
            if seen_pairs.contains(&key) || !is_race(facts, a, b, collapsed, lock_keys) {
                continue;
            }
            seen_pairs.insert(key);
            // Message passing: a flag between the two accesses decides
            // (ordered, or an ordering rule on the flag). The access before
            // the flag store is usually the write and the one after the
            // flag load the read, but a hand-over orders any pair: a
            // buffer filled, released, acquired and written again by its
            // new owner; a slot read, handed back, and refilled. Both
            // directions are tried; one that orders the pair wins, then
            // one that blames a flag.
            let mut distant_flag = false;
            match message_passing(facts, flags, a, b) {
                ordering::Verdict::Ordered => continue,
                ordering::Verdict::Broken(fs) => {
                    ordering_findings.extend(fs);
                    continue;
                }
                ordering::Verdict::Distant => distant_flag = true,
                ordering::Verdict::Unordered(fs) => {
                    notes.insert((i, j), flag_notes(fs));
                }
                // The flag's finding and the race both: the writer meant to
                // publish, the store the reader may see orders nothing.
                ordering::Verdict::SequenceEnded(fs) => {
                    notes.insert((i, j), flag_notes(fs.clone()));
                    ordering_findings.extend(fs);
                }
                ordering::Verdict::NotMessagePassing => {}
            }
            // Before publication nothing else can see the object.
            if a.prepub || b.prepub {
                continue;
            }
            // `data_race(...)` on the source line: intentional (when the
            // source can be read; non-KCSAN builds leave no IR trace).
            if sources.is_data_race(facts, a) || sources.is_data_race(facts, b) {
                continue;
            }
            let rule = rule_for(facts, a, b);
            let off = a.ptr.off.min(b.ptr.off);
            let evidence = [a.ptr.off, b.ptr.off]
                .iter()
                .filter_map(|o| discipline.get(o))
                .fold((false, false), |x, d| (x.0 | d.0, x.1 | d.1));
            // On a type-based location the guard is the evidence: one side
            // holds the lock of the data's own struct and the other does
            // not (that lock is inside the collapsed object, which
            // `real_locks` does not count).
            let guarded = guards.is_some();
            let evidence = (evidence.0 || guarded, evidence.1);
            let mut conf = confidence(facts, a, b, evidence);
            if guarded && (real_locks(facts, &a.lockset) > 0) == (real_locks(facts, &b.lockset) > 0)
            {
                conf = (conf + 0.15).min(1.0);
            }
            // A flag between them far up both call paths.
            if distant_flag {
                conf = (conf - 0.25).max(0.0);
            }
            // Which pairs of a location are shown is decided on the paths
            // the walk recorded (a search per candidate pair costs more
            // than the judging); the rank, on the paths shown.
            let guessed = guessed_calls(facts, facts.accesses.path(a.path))
                .max(guessed_calls(facts, facts.accesses.path(b.path)));
            per_location
                .entry((rule.to_string(), off))
                .or_default()
                .push((path_penalty(conf, guessed), conf, i, j));
        }
    }
    for ((rule, _off), mut pairs) in per_location {
        pairs.sort_by(|p, q| {
            q.0.partial_cmp(&p.0)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then((p.2, p.3).cmp(&(q.2, q.3)))
        });
        for (_, conf, i, j) in pairs.into_iter().take(MAX_PAIRS_PER_LOCATION) {
            let mut f = build::race_finding(facts, &rule, &accesses[i], &accesses[j], conf, paths);
            f.related.extend(notes.remove(&(i, j)).unwrap_or_default());
            findings.push(f);
        }
    }
    (findings, ordering_findings)
}

/// The flag accesses of ordering findings, as notes on the race they
/// did not order.
fn flag_notes(fs: Vec<Finding>) -> Vec<Related> {
    let mut out: Vec<Related> = Vec::new();
    for f in fs {
        let Some(loc) = f.accesses.first().and_then(|a| a.loc.clone()) else {
            continue;
        };
        let message = format!("{} ({})", f.title, f.rule);
        if !out.iter().any(|r| r.loc == loc && r.message == message) {
            out.push(Related { loc, message });
        }
    }
    out
}

/// One ordering finding per (rule, flag access).
fn dedup_ordering(mut findings: Vec<Finding>, ordering_findings: Vec<Finding>) -> Vec<Finding> {
    let mut seen = HashSet::default();
    for f in ordering_findings {
        let key = (
            f.rule.clone(),
            f.accesses.first().and_then(|a| a.loc.clone()),
            f.location.clone(),
        );
        if seen.insert(key) {
            findings.push(f);
        }
    }
    findings
}

fn is_race(
    facts: &Facts<'_, '_>,
    a: &Access,
    b: &Access,
    collapsed: bool,
    lock_keys: &mut LockKeys,
) -> bool {
    if a.kind == AccessKind::Read && b.kind == AccessKind::Read {
        return false;
    }
    if a.marking == Marking::DataRace || b.marking == Marking::DataRace {
        return false;
    }
    if !a.marking.is_plain() && !b.marking.is_plain() {
        return false;
    }
    if !collapsed && !overlap(a, b) {
        return false;
    }
    // Both through objects their own function's run allocated (a stack
    // slot, a malloc): two runs in two threads allocate two objects.
    if a.own_alloc.is_some() && b.own_alloc.is_some() {
        return false;
    }
    // The lock test is cheap; the root-pair test walks call paths.
    if common_lock(facts, &a.lockset, &b.lockset).is_none()
        || !common_lock_named(facts, a, b)
        || (collapsed && !common_lock_by_type(facts, a, b, lock_keys))
    {
        return !same_lock_array(facts, a, b) && some_roots_parallel(facts, a, b);
    }
    // Every common lock picked by the thread's own data (`&locks[id]`):
    // two instances of that thread hold different locks.
    per_instance_locks_only(facts, a, b)
}

/// Is some lock `a` and `b` share (see [`common_lock`]) one lock by what
/// the code says? Every lock of a collapsed object is one lock to seam;
/// two holds of it whose acquisitions name different members by their
/// static types (`f->lock` of `struct foo_dev`, `r->lock` of `struct
/// bar_dev`) are two locks. Holds the code does not name stay one lock.
fn common_lock_by_type(
    facts: &Facts<'_, '_>,
    a: &Access,
    b: &Access,
    lock_keys: &mut LockKeys,
) -> bool {
    exclusive_holds(facts, &a.lockset, &b.lockset).any(|(x, y)| {
        !facts.locks.in_collapsed_object(x.lock, facts.memory)
            || match (
                site_lock_key(facts, x, lock_keys),
                site_lock_key(facts, y, lock_keys),
            ) {
                (Some(kx), Some(ky)) => kx == ky,
                _ => true,
            }
    })
}

/// The pairs of holds, one from each side, of one lock that exclude each
/// other: not the RCU read side, not two readers.
fn exclusive_holds<'h>(
    facts: &'h Facts<'_, '_>,
    a: &'h [Held],
    b: &'h [Held],
) -> impl Iterator<Item = (&'h Held, &'h Held)> + 'h {
    a.iter()
        .filter(|x| facts.locks.info(x.lock).kind != LockKind::Rcu)
        .flat_map(move |x| {
            b.iter()
                .filter(move |y| {
                    x.lock == y.lock && !(x.mode == LockMode::Read && y.mode == LockMode::Read)
                })
                .map(move |y| (x, y))
        })
}

/// Do `a` and `b` hold locks of one array of locks, at least one taken
/// by a run-time index (`pthread_mutex_lock(&locks[i])`)? seam names such
/// a lock by element 0, and the data it guards is usually indexed the
/// same way (`count[i]`), so the two are taken to be the same lock when
/// the data's element is (an index kept in step with the data's).
fn same_lock_array(facts: &Facts<'_, '_>, a: &Access, b: &Access) -> bool {
    if a.spread.is_none() && b.spread.is_none() {
        return false;
    }
    // The lock's object, its array, its offset in an element, its
    // element, and whether it was taken by a run-time index.
    type InArray = (u32, (i64, i64, i64), i64, i64, bool);
    let array_of = |h: &Held| -> Option<InArray> {
        let crate::locks::LockKey::Object(p) = &facts.locks.info(h.lock).key else {
            return None;
        };
        let (m, t) = facts.memory.di_type(p.node)?;
        let arr = crate::memory::naming::array_at(&facts.program.modules[m as usize], t, p.off)?;
        let func = facts.program.function(h.site.0);
        let indexed = func.insts.get(h.site.1 as usize).is_some_and(|inst| {
            inst.kind.model_args().iter().any(|v| {
                crate::accesses::takes_index(facts.program, facts.memory, None, h.site.0, v)
            })
        });
        let (r, e) = (
            (p.off - arr.0).rem_euclid(arr.2),
            (p.off - arr.0).div_euclid(arr.2),
        );
        Some((p.node, arr, r, e, indexed))
    };
    // The element of `arr` an access not by run-time index touches.
    let data_element = |x: &Access, n: u32, arr: (i64, i64, i64)| -> Option<i64> {
        (x.spread.is_none() && x.ptr.node == n && arr.0 <= x.ptr.off && x.ptr.off < arr.1)
            .then(|| (x.ptr.off - arr.0).div_euclid(arr.2))
    };
    a.lockset
        .iter()
        .filter_map(array_of)
        .any(|(n, arr, r, ea, ia)| {
            b.lockset
                .iter()
                .filter_map(array_of)
                .any(|(m, brr, q, eb, ib)| {
                    // The indexed lock moves with its side's data, which
                    // meets the other side's data: when that side touches
                    // one known element under another known element's
                    // lock (`cache[5]` under `cache[4]`'s), the two locks
                    // differ.
                    let consistent = match (ia, ib) {
                        (true, false) => data_element(b, n, arr).is_none_or(|d| d == eb),
                        (false, true) => data_element(a, n, arr).is_none_or(|d| d == ea),
                        _ => true,
                    };
                    n == m && arr == brr && r == q && (ia || ib) && consistent
                })
        })
}

/// Are all locks `a` and `b` share taken, in both, at an address derived
/// from one thread's per-instance data, and may two instances of that
/// thread run the two accesses at once?
fn per_instance_locks_only(facts: &Facts<'_, '_>, a: &Access, b: &Access) -> bool {
    let roots = |x: &Access| -> Vec<usize> {
        let l = &facts.accesses.ctx_roots[x.ctx as usize];
        if l.is_empty() {
            vec![x.root]
        } else {
            l.clone()
        }
    };
    let rb = roots(b);
    roots(a)
        .into_iter()
        .filter(|r| rb.contains(r) && facts.threads.roots[*r].instance_data.is_some())
        .any(|r| {
            let mut shared = false;
            for (x, y) in exclusive_holds(facts, &a.lockset, &b.lockset) {
                shared = true;
                if !facts
                    .threads
                    .per_instance_lock(facts.program, r, x.site, y.site)
                {
                    return false;
                }
            }
            shared && roots_parallel(facts, a, b, r, r)
        })
}

fn overlap(a: &Access, b: &Access) -> bool {
    if a.size == 0 || b.size == 0 {
        return true;
    }
    let one = |x: &Access| Spread {
        first: x.ptr.off,
        count: 1,
        stride: 1,
    };
    spreads_overlap(
        a.spread.unwrap_or_else(|| one(a)),
        a.size as i64,
        b.spread.unwrap_or_else(|| one(b)),
        b.size as i64,
    )
}

/// Where in their object `a` and `b` meet first, as far as is known: to
/// name the location of a race by run-time index (`grid[32]`, not the
/// `grid[0]` the index is taken as).
pub fn meeting_place(a: &Access, b: &Access) -> i64 {
    let place = |x: &Access| x.spread.map_or(x.ptr.off, |s| s.first);
    match (a.spread, b.spread) {
        (Some(_), None) => b.ptr.off,
        (None, Some(_)) => a.ptr.off,
        (Some(s), Some(t)) => {
            let (s, t) = (norm(s), norm(t));
            let (la, lb) = (a.size as i64, b.size as i64);
            if s.count == 1 || t.count == 1 || s.stride == t.stride {
                let st = if s.count == 1 { t.stride } else { s.stride };
                if let Some(k) = meeting(s, la, t, lb) {
                    return (s.first + k.max(0) * st).max(t.first + (-k).max(0) * st);
                }
            } else {
                // Strides that differ: the first of `s`'s places that
                // meets `t`, among the first few.
                for i in 0..s.count.min(4096) {
                    let p = Spread {
                        first: s.first + i * s.stride,
                        count: 1,
                        stride: 1,
                    };
                    if let Some(k) = meeting(p, la, t, lb) {
                        return p.first.max(t.first - k * t.stride);
                    }
                }
            }
            place(a).max(place(b))
        }
        (None, None) => a.ptr.off,
    }
}

/// Does an access of `la` bytes at some place of `s` meet one of `lb`
/// bytes at some place of `t`? Exact when the strides agree (or one
/// side has one place); otherwise whether their extents meet.
fn spreads_overlap(s: Spread, la: i64, t: Spread, lb: i64) -> bool {
    let (s, t) = (norm(s), norm(t));
    let (sa, ta) = (s.first as i128, t.first as i128);
    let (sz, tz) = (s.last() as i128 + la as i128, t.last() as i128 + lb as i128);
    if sz <= ta || tz <= sa {
        return false;
    }
    match (s.count, t.count) {
        (1, 1) => true,
        (1, _) | (_, 1) => meeting(s, la, t, lb).is_some(),
        _ if s.stride == t.stride => meeting(s, la, t, lb).is_some(),
        _ => true,
    }
}

/// For spreads with one stride (or one place): the least `k = i - j` for
/// which place `i` of `s` meets place `j` of `t`, if any.
fn meeting(s: Spread, la: i64, t: Spread, lb: i64) -> Option<i64> {
    let st = if s.count == 1 { t.stride } else { s.stride } as i128;
    // Places `s.first + i * st` and `t.first + j * st` meet when `k = i -
    // j` puts `k * st` strictly between `d - la` and `d + lb`, `d` being
    // `t.first - s.first`; `k` runs from `-(t.count - 1)` to `s.count - 1`.
    let d = t.first as i128 - s.first as i128;
    let (kmin, kmax) = (-(t.count as i128 - 1), s.count as i128 - 1);
    let k = ((d - la as i128).div_euclid(st) + 1).max(kmin);
    (k <= kmax && k * st < d + lb as i128).then_some(k as i64)
}

/// One place has stride 1, so that equal spreads compare equal.
fn norm(s: Spread) -> Spread {
    if s.count <= 1 {
        Spread {
            count: 1,
            stride: 1,
            ..s
        }
    } else {
        s
    }
}

/// A lock both hold that excludes: not both in read mode, not RCU (the
/// read side excludes no reader or updater), and not one critical section
/// of a thread that started the other side inside it (a lock held from
/// the parent, with the parent's or a sibling's hold of it).
pub fn common_lock(facts: &Facts<'_, '_>, a: &[Held], b: &[Held]) -> Option<u32> {
    for x in a {
        if facts.locks.info(x.lock).kind == LockKind::Rcu {
            continue;
        }
        for y in b {
            if x.lock == y.lock
                && !(x.mode == LockMode::Read && y.mode == LockMode::Read)
                && !((x.from_parent || y.from_parent) && x.site == y.site)
            {
                return Some(x.lock);
            }
        }
    }
    None
}

/// Is some lock `a` and `b` share (see [`common_lock`]) one lock for this
/// pair? A lock inside an object unification merged from several globals
/// (`s = c ? &A : &B; lock(&s->mu)` makes `A.mu` and `B.mu` one lock) may
/// be any of them. Each side's hold is named by a global where it can be:
/// by the lock's own address (`lock(&B.mu)`), or, when the side reaches
/// the locked object's data through a pointer (`s->bal` under `s->mu`),
/// by the global the other side's access names (`A.bal`: when `s` points
/// to the data the other side touches, its lock is that global's). Two
/// holds both named count when they name the same global; both unnamed,
/// they count as before (the same abstract lock); one named and one not,
/// they do not: the other may hold another of the globals.
fn common_lock_named(facts: &Facts<'_, '_>, a: &Access, b: &Access) -> bool {
    exclusive_holds(facts, &a.lockset, &b.lockset).any(|(x, y)| {
        let crate::locks::LockKey::Object(p) = &facts.locks.info(x.lock).key else {
            return true;
        };
        if !several_globals(facts, p.node) {
            return true;
        }
        let held_as = |h: &Held, me: &Access, other: &Access| {
            lock_global(facts, h.site).or_else(|| {
                let mine = data_global(facts, me);
                let theirs = data_global(facts, other)?;
                (mine.is_none() && facts.memory.norm(me.ptr).node == p.node).then_some(theirs)
            })
        };
        held_as(x, a, b) == held_as(y, b, a)
    })
}

/// Does object `node` hold more than one global (unification merged
/// them)?
fn several_globals(facts: &Facts<'_, '_>, node: u32) -> bool {
    let mut first = None;
    facts.memory.origins(node).iter().any(|o| match o {
        crate::memory::Origin::Global(g) => *first.get_or_insert(*g) != *g,
        _ => false,
    })
}

/// The global whose lock the lock operation at `site` takes by its
/// address (`pthread_mutex_lock(&B.mu)`), if it does.
fn lock_global(
    facts: &Facts<'_, '_>,
    site: (crate::program::FuncId, u32),
) -> Option<crate::program::GlobalId> {
    let (arg, _) = crate::locks::lock_call_operand(facts.program, facts.index, site)?;
    facts
        .program
        .global_address(site.0, &arg, 6)
        .map(|(g, _)| g)
}

/// The global an access names by its address (`A.bal = 5`), if it does.
fn data_global(facts: &Facts<'_, '_>, a: &Access) -> Option<crate::program::GlobalId> {
    build::symbol_location(facts, a).map(|(g, _)| g)
}

/// Locks that exclude and that seam can tell apart: not the RCU read side,
/// and not a lock inside an object unification collapsed (every lock of
/// such an object is the same lock to seam, so holding "it" says nothing).
fn real_locks(facts: &Facts<'_, '_>, l: &[Held]) -> usize {
    l.iter()
        .filter(|h| {
            facts.locks.info(h.lock).kind != LockKind::Rcu
                && !facts.locks.in_collapsed_object(h.lock, facts.memory)
        })
        .count()
}

fn rule_for(facts: &Facts<'_, '_>, a: &Access, b: &Access) -> &'static str {
    let la = facts.program.language(a.func);
    let lb = facts.program.language(b.func);
    // Where C and Rust meet: the two accesses are in different languages
    // (a C function reached from Rust racing with C is a C race).
    let cross = la != lb && la != Language::Unknown && lb != Language::Unknown;
    let share_a_lock = a
        .lockset
        .iter()
        .any(|x| b.lockset.iter().any(|y| x.lock == y.lock));
    if cross
        && real_locks(facts, &a.lockset) > 0
        && real_locks(facts, &b.lockset) > 0
        && !share_a_lock
    {
        "ffi-lock-mismatch"
    } else if cross {
        "ffi-data-race"
    } else {
        "data-race"
    }
}

/// Ranking (RacerX-style): writes on both sides, both plain, and locks
/// held on one side only make a finding more likely real; so does a lock or
/// a marked access on the same location elsewhere (the authors knew it is
/// shared). In kernel code, a location no access locks or marks, reached
/// only from entry points seam assumes concurrent (exported functions,
/// ops callbacks nothing in the input calls), is usually serialised by
/// something outside the input: ranked low (below 0.5, a note).
fn confidence(facts: &Facts<'_, '_>, a: &Access, b: &Access, evidence: (bool, bool)) -> f32 {
    let mut c: f32 = 0.5;
    if a.marking.is_plain() && b.marking.is_plain() {
        c += 0.1;
    }
    if a.kind != AccessKind::Read && b.kind != AccessKind::Read {
        c += 0.1;
    }
    // One side locks, the other forgot: the classic bug.
    if (real_locks(facts, &a.lockset) > 0) != (real_locks(facts, &b.lockset) > 0) {
        c += 0.15;
    }
    let (locked_elsewhere, marked_elsewhere) = evidence;
    if marked_elsewhere && a.marking.is_plain() && b.marking.is_plain() {
        c += 0.1;
    }
    let assumed = |x: &Access| {
        let roots = &facts.accesses.ctx_roots[x.ctx as usize];
        let one = [x.root];
        let roots: &[usize] = if roots.is_empty() { &one } else { roots };
        roots.iter().all(|&r| !facts.threads.roots[r].entry_known())
    };
    if facts.threads.kernel && !locked_elsewhere && !marked_elsewhere && assumed(a) && assumed(b) {
        c -= 0.25;
    }
    // In kernel code, both storing the same constant (every CPU setting
    // one quirk flag as it comes up): whichever lands last, the value is
    // the same. Still a data race under LKMM, but rarely a bug.
    if facts.threads.kernel && same_constant_stores(facts, a, b) {
        c -= 0.3;
    }
    if facts.memory.is_collapsed(a.ptr.node) {
        c -= 0.3;
    }
    if a.size == 0 || b.size == 0 {
        c -= 0.1;
    }
    c.clamp(0.0, 1.0)
}

/// Are `a` and `b` plain stores of one and the same constant?
fn same_constant_stores(facts: &Facts<'_, '_>, a: &Access, b: &Access) -> bool {
    let stored = |x: &Access| match facts.program.function(x.func).insts.get(x.inst as usize) {
        Some(crate::ir::Inst {
            kind:
                crate::ir::InstKind::Store {
                    value: crate::ir::Value::Int(v),
                    ..
                },
            ..
        }) => Some(*v),
        _ => None,
    };
    a.kind == AccessKind::Write
        && b.kind == AccessKind::Write
        && a.size == b.size
        && stored(a).is_some_and(|v| stored(b) == Some(v))
}

/// Calls a path may take through a function pointer before its finding
/// ranks lower: a syscall reaching a driver through `f_op->ioctl` and a
/// bus callback.
const FREE_INDIRECT_CALLS: usize = 2;

/// Guessed calls past the free ones that lower the rank (by 0.1 each).
const MAX_PENALISED_CALLS: usize = 5;

/// A race's rank less what its call paths cost: each call through a
/// function pointer or a static call's key past the free ones is a
/// points-to guess, and a path riding several (a timer reaching the VT
/// console through `sort`'s swap callback) is more often spurious.
/// `guessed` is the larger count of the two paths (`guessed_calls`).
pub fn path_penalty(confidence: f32, guessed: usize) -> f32 {
    let extra = guessed
        .saturating_sub(FREE_INDIRECT_CALLS)
        .min(MAX_PENALISED_CALLS);
    (confidence - 0.1 * extra as f32).clamp(0.0, 1.0)
}

/// Calls on a call path whose callee the points-to analysis chose: through
/// a function pointer, or a direct call of a static-call trampoline or of a
/// primitive that runs a callback.
pub fn guessed_calls(facts: &Facts<'_, '_>, path: &[CallSite]) -> usize {
    path.iter()
        .filter(|&&site| guessed_call(facts, site))
        .count()
}

/// Is the call at `site` one whose callee points-to chose (see
/// [`guessed_calls`])?
fn guessed_call(facts: &Facts<'_, '_>, (f, i): CallSite) -> bool {
    facts.memory.indirect_targets.contains_key(&(f, i))
        || matches!(
            facts
                .program
                .function(f)
                .insts
                .get(i as usize)
                .map(|x| &x.kind),
            Some(crate::ir::InstKind::Call {
                callee: crate::ir::Callee::Indirect(_),
                ..
            })
        )
}

/// What judging caches, per pool thread.
#[derive(Default)]
struct JudgeCache {
    sources: SourceLines,
    flags: ordering::FlagCache,
    lock_keys: LockKeys,
    paths: PathCosts,
}

/// The call path an access is shown with from a root, and its guessed
/// calls (`guessed_calls`): the cheapest of all the paths from that root
/// (`Accesses::cheapest_path`), so that a race is not ranked down, nor
/// shown, on an ops-table path when a chain of direct calls reaches the
/// same place.
#[derive(Default)]
pub struct PathCosts {
    by_context: rustc_hash::FxHashMap<(usize, u32), ShownPath>,
}

/// The root an access is shown from, the guessed calls of its path, and
/// the path.
pub type ShownPath = (usize, usize, std::sync::Arc<[CallSite]>);

/// Contexts the search for a cheapest path settles before it falls back
/// to the path the walk recorded.
const CHEAPEST_PATH_CAP: usize = 1_000;

impl PathCosts {
    pub fn shown(&mut self, facts: &Facts<'_, '_>, a: &Access, root: usize) -> ShownPath {
        self.by_context
            .entry((root, a.ctx))
            .or_insert_with(|| {
                // The path the walk recorded; a root whose path cannot be
                // rebuilt is shown with the access's own.
                let (root, recorded) = match (root != a.root)
                    .then(|| facts.accesses.path_to(root, a.ctx))
                    .flatten()
                {
                    Some(p) => (root, p),
                    None => (a.root, facts.accesses.path(a.path).to_vec()),
                };
                let n = guessed_calls(facts, &recorded);
                // Only a path that guesses fewer calls than the free ones
                // and than the recorded path can change the rank; the
                // search stops where it cannot find one.
                if n > FREE_INDIRECT_CALLS {
                    let guessed = |site: CallSite| guessed_call(facts, site);
                    let limit = n.min(FREE_INDIRECT_CALLS + MAX_PENALISED_CALLS);
                    if let Some((g, p)) = facts.accesses.cheapest_path(
                        root,
                        a.ctx,
                        &guessed,
                        limit,
                        CHEAPEST_PATH_CAP,
                    ) {
                        return (root, g, p.into());
                    }
                }
                (root, n, recorded.into())
            })
            .clone()
    }
}

/// Source files read on demand, for the `data_race(` check.
#[derive(Default)]
struct SourceLines {
    files: rustc_hash::FxHashMap<String, Option<Vec<String>>>,
}

impl SourceLines {
    fn is_data_race(&mut self, facts: &Facts<'_, '_>, a: &Access) -> bool {
        let Some(loc) = build::source_loc(facts, a.func, a.inst) else {
            return false;
        };
        let lines = self.files.entry(loc.file.clone()).or_insert_with(|| {
            std::fs::read_to_string(&loc.file)
                .ok()
                .map(|t| t.lines().map(str::to_string).collect())
        });
        lines
            .as_ref()
            .and_then(|l| l.get(loc.line.saturating_sub(1) as usize))
            .map(|l| l.contains("data_race("))
            .unwrap_or(false)
    }
}

/// May the two accesses run at the same time for some pair of the roots
/// that reach them? (Init order, may-happen-in-parallel, spawn/join order.)
pub(super) fn some_roots_parallel(facts: &Facts<'_, '_>, a: &Access, b: &Access) -> bool {
    parallel_roots(facts, a, b).is_some()
}

/// The roots to show a race between: the first pair that may run the two
/// accesses at once (the accesses' own first roots when they may), else
/// those first roots (a race by per-instance locks).
pub fn racing_roots(facts: &Facts<'_, '_>, a: &Access, b: &Access) -> (usize, usize) {
    if roots_parallel(facts, a, b, a.root, b.root) {
        return (a.root, b.root);
    }
    parallel_roots(facts, a, b).unwrap_or((a.root, b.root))
}

fn parallel_roots(facts: &Facts<'_, '_>, a: &Access, b: &Access) -> Option<(usize, usize)> {
    let ra_list = &facts.accesses.ctx_roots[a.ctx as usize];
    let rb_list = &facts.accesses.ctx_roots[b.ctx as usize];
    let one_a = [a.root];
    let one_b = [b.root];
    let ra_list: &[usize] = if ra_list.is_empty() { &one_a } else { ra_list };
    let rb_list: &[usize] = if rb_list.is_empty() { &one_b } else { rb_list };
    for &ar in ra_list {
        for &br in rb_list {
            if roots_parallel(facts, a, b, ar, br) {
                return Some((ar, br));
            }
        }
    }
    None
}

fn roots_parallel(facts: &Facts<'_, '_>, a: &Access, b: &Access, ar: usize, br: usize) -> bool {
    let (pa, exact_a) = root_paths(facts, a, ar);
    let (pb, exact_b) = root_paths(facts, b, br);
    let exact = exact_a && exact_b;
    pa.iter().any(|p| {
        pb.iter()
            .any(|q| parallel_on(facts, (a, p, ar), (b, q, br), exact))
    })
}

/// Paths of the call tree kept per access before falling back on the
/// first one recorded.
const MAX_ROOT_PATHS: usize = 16;

/// The call paths from root `r` to access `x` that order is judged on. A
/// calling context is shared by every call (and root) that enters a
/// function with the same locks, and records only the first path it was
/// walked by: in user space, every path of `r` to it (`fill(p, 0)` before
/// a thread starts and the thread's own `fill(p, 1)`, or a helper called
/// before and after a start); the first recorded one when there are too
/// many, and in kernel code. Also says whether they are exactly the
/// paths of `r`.
fn root_paths<'f>(
    facts: &'f Facts<'_, '_>,
    x: &Access,
    r: usize,
) -> (Vec<std::borrow::Cow<'f, [CallSite]>>, bool) {
    if !facts.threads.kernel {
        if let Some(paths) = facts.accesses.root_paths(r, x.ctx, MAX_ROOT_PATHS) {
            if !paths.is_empty() {
                let paths = paths.into_iter().map(std::borrow::Cow::Owned).collect();
                return (paths, true);
            }
        }
    }
    (
        vec![std::borrow::Cow::Borrowed(facts.accesses.path(x.path))],
        false,
    )
}

/// An access, one of its call paths from the root, and that root.
type OnPath<'x> = (&'x Access, &'x [CallSite], usize);

/// A write to an object only globals in a data section an `[[init]]`
/// model puts in the init phase made (`.data..ro_after_init`).
fn init_only_write(facts: &Facts<'_, '_>, x: &Access) -> bool {
    use crate::memory::Origin;
    if x.kind != AccessKind::Write {
        return false;
    }
    let models = facts.index.models();
    let origins = facts.memory.origins(facts.memory.norm(x.ptr).node);
    !origins.is_empty()
        && origins.iter().all(|o| match o {
            Origin::Global(g) => {
                let m = &facts.program.modules[facts.program.globals[*g as usize].module as usize];
                facts
                    .program
                    .global(*g)
                    .section
                    .and_then(|s| models.init_section(m.str(s)))
                    .is_some_and(|i| i.phase == seam_models::InitPhase::Init)
            }
            _ => false,
        })
}

/// May `a` and `b` run at once, reached from roots `ar` and `br` by these
/// call paths (`exact`: every path of the two roots, which handoffs need)?
fn parallel_on(
    facts: &Facts<'_, '_>,
    (a, a_path, ar): OnPath<'_>,
    (b, b_path, br): OnPath<'_>,
    exact: bool,
) -> bool {
    let (ra, rb) = (&facts.threads.roots[ar], &facts.threads.roots[br]);
    // Data written only during init (`__ro_after_init`): a write seam
    // reached from a root that runs later is made during init too, or
    // never (it would fault), whatever the root.
    if (ra.phase != Phase::Init && init_only_write(facts, a))
        || (rb.phase != Phase::Init && init_only_write(facts, b))
    {
        return false;
    }
    // Init code runs before what it registers: it races only with roots it
    // started before the access (a write after `request_irq`).
    if ra.phase == Phase::Init || rb.phase == Phase::Init {
        let a_first = ra.phase == Phase::Init
            && facts
                .threads
                .started_before(facts.program, a.func, a.inst, a_path, br);
        let b_first = rb.phase == Phase::Init
            && facts
                .threads
                .started_before(facts.program, b.func, b.inst, b_path, ar);
        if !(a_first || b_first) || (ra.phase == Phase::Init && rb.phase == Phase::Init) {
            return false;
        }
    } else if !facts.threads.may_run_in_parallel(ar, br) {
        return false;
    }
    // Spawn/join order: the spawning thread's code before the spawn (or
    // after the join) does not run in parallel with the spawned thread.
    if facts
        .threads
        .ordered_by_spawn(facts.program, ar, a.func, a.inst, a_path, br)
        || facts
            .threads
            .ordered_by_spawn(facts.program, br, b.func, b.inst, b_path, ar)
    {
        return false;
    }
    // A thread that takes a lock `main` held when it started it, after
    // what `main` did before it let the lock go.
    if exact
        && (ordered_by_handoff(facts, (a, a_path, ar), (b, b_path, br))
            || ordered_by_handoff(facts, (b, b_path, br), (a, a_path, ar)))
    {
        return false;
    }
    // Two threads one function starts one after the other, the first
    // joined before the second starts.
    if facts.threads.ordered_siblings(facts.program, ar, br) {
        return false;
    }
    // Two instances of one thread, each working on data of its own.
    if ar == br
        && facts
            .threads
            .distinct_instances(facts.program, ar, (a.func, a.inst), (b.func, b.inst))
    {
        return false;
    }
    // Barrier order: one before a barrier both wait on, the other after it.
    if facts.threads.ordered_by_rendezvous(
        facts.program,
        (ar, a.func, a.inst, a_path),
        (br, b.func, b.inst, b_path),
    ) {
        return false;
    }
    true
}

/// Does `first` happen before `second` through a lock handoff (see
/// `locks::handoff`): `first` is `main`'s inside the critical section it
/// started a thread in (or of a thread it started and joined inside it),
/// and `second` is that thread's after it took the lock (or of a thread
/// that one started after it)?
fn ordered_by_handoff(facts: &Facts<'_, '_>, first: OnPath<'_>, second: OnPath<'_>) -> bool {
    let (x, x_path, xr) = first;
    let (y, y_path, yr) = second;
    facts.accesses.handoffs.iter().any(|h| {
        in_handoff_section(facts, h, x, x_path, xr)
            && after_handoff(facts, h, yr, (y.func, y.inst), y_path, 0)
    })
}

/// Is the access inside `main`'s critical section of handoff `h`: `main`'s
/// own, or of a thread `main` starts inside it and joins before any way on
/// can release the lock?
fn in_handoff_section(
    facts: &Facts<'_, '_>,
    h: &crate::locks::Handoff,
    x: &Access,
    path: &[CallSite],
    xr: usize,
) -> bool {
    if xr == h.parent {
        let pos = match path.first() {
            Some(&(f, i)) => (f == h.func).then_some(i),
            None => (x.func == h.func).then_some(x.inst),
        };
        return pos.is_some_and(|p| h.in_section(facts.program, p));
    }
    let root = &facts.threads.roots[xr];
    let func = facts.program.function(h.func);
    // A thread `main` joins inside the section, wherever it was started
    // (a grandchild whose handle its parent stored): over before the lock
    // is let go.
    if xr != h.child
        && facts
            .threads
            .joined_between(facts.program, xr, h.func, &h.starts, &h.releases)
    {
        return true;
    }
    xr != h.child
        && root.one_shot()
        && !root.spawned_at.is_empty()
        && root.spawned_at.iter().all(|sp| {
            sp.caller == h.func
                && !sp.lifted
                && sp.inner.is_none()
                && sp.scope.is_none()
                && sp.scope_call.is_none()
                && h.in_section(facts.program, sp.inst)
                && h.releases.iter().all(|&r| {
                    !crate::locks::reaches(func, sp.inst, r)
                        || facts.threads.joined_before(facts.program, sp, r)
                })
        })
}

/// Has the thread that reaches `at` by `path` from root `yr` taken the
/// lock of handoff `h` before it: it is the handoff's thread, and some
/// frame of the path has taken the lock on every way to where it is; or
/// every start of `yr` is in a thread that has (`depth`: starts followed).
fn after_handoff(
    facts: &Facts<'_, '_>,
    h: &crate::locks::Handoff,
    yr: usize,
    at: CallSite,
    path: &[CallSite],
    depth: usize,
) -> bool {
    if yr == h.child {
        return path
            .iter()
            .copied()
            .chain(std::iter::once(at))
            .any(|(g, pos)| {
                facts
                    .locks
                    .taken_before(facts.program, facts.cg, g, pos, h.lock, h.mode)
            });
    }
    let root = &facts.threads.roots[yr];
    if depth >= 3 || yr == h.parent || !root.one_shot() || root.spawned_at.is_empty() {
        return false;
    }
    root.spawned_at.iter().all(|sp| {
        if sp.lifted || sp.inner.is_some() || sp.scope.is_some() || sp.scope_call.is_some() {
            return false;
        }
        // The one thread that runs the function the start is in (a root
        // function nothing calls).
        let runs: Vec<usize> = (0..facts.threads.roots.len())
            .filter(|&k| facts.threads.roots[k].func == sp.caller)
            .collect();
        let [q] = runs.as_slice() else {
            return false;
        };
        facts.cg.callers[sp.caller as usize].is_empty()
            && after_handoff(facts, h, *q, (sp.caller, sp.inst), &[], depth + 1)
    })
}

/// The message-passing verdict on a pair, trying the write-then-read
/// direction first (the usual publication) and the other one after it:
/// an ordering direction wins over a broken one, a broken one over a
/// distant flag.
fn message_passing(
    facts: &Facts<'_, '_>,
    flags: &mut ordering::FlagCache,
    a: &Access,
    b: &Access,
) -> ordering::Verdict {
    let (first, second) = if a.kind == AccessKind::Read {
        (b, a)
    } else {
        (a, b)
    };
    let mut broken = None;
    let mut unordered = None;
    let mut distant = false;
    for (k, (x, y)) in [(first, second), (second, first)].into_iter().enumerate() {
        match ordering::classify(facts, flags, x, y) {
            ordering::Verdict::Ordered => return ordering::Verdict::Ordered,
            // A broken flag is blamed only from the publisher's side (the
            // write). Other directions may order a pair but never make it
            // an ordering error: on the kernel, write/write pairs blamed
            // unrelated counters (`bsp_init_amd` under a cpu-caps bit) and
            // nearly doubled missing-acquire/-release.
            ordering::Verdict::Broken(fs) if k == 0 && y.kind == AccessKind::Read => {
                broken.get_or_insert(ordering::Verdict::Broken(fs));
            }
            ordering::Verdict::SequenceEnded(fs) if k == 0 && y.kind == AccessKind::Read => {
                broken.get_or_insert(ordering::Verdict::SequenceEnded(fs));
            }
            // The first of two writes, then the flag, then the second (a
            // hand-over to a new owner): unordered, the writes race; the
            // flag is named in a note (user space; on the kernel, see
            // above).
            ordering::Verdict::Broken(fs) | ordering::Verdict::SequenceEnded(fs)
                if k == 0 && !facts.threads.kernel =>
            {
                unordered.get_or_insert(fs);
            }
            ordering::Verdict::Broken(_)
            | ordering::Verdict::SequenceEnded(_)
            | ordering::Verdict::Unordered(_) => {}
            ordering::Verdict::Distant => distant = true,
            ordering::Verdict::NotMessagePassing => {}
        }
    }
    match (broken, unordered) {
        (Some(v), _) => v,
        (None, _) if distant => ordering::Verdict::Distant,
        (None, Some(fs)) => ordering::Verdict::Unordered(fs),
        (None, None) => ordering::Verdict::NotMessagePassing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sp(first: i64, count: i64, stride: i64) -> Spread {
        Spread {
            first,
            count,
            stride,
        }
    }

    #[test]
    fn halves_of_an_array() {
        // `int grid[64]`: elements 0..32 against 32..64, and 0..=32.
        assert!(!spreads_overlap(sp(0, 32, 4), 4, sp(128, 32, 4), 4));
        assert!(spreads_overlap(sp(0, 33, 4), 4, sp(128, 32, 4), 4));
        // One place against the other half.
        assert!(!spreads_overlap(sp(128, 32, 4), 4, sp(8, 1, 1), 4));
        assert!(spreads_overlap(sp(128, 32, 4), 4, sp(252, 1, 1), 4));
    }

    #[test]
    fn fields_and_congruences() {
        // `cache[i].count` (offset 4 of 16-byte elements) against `cache[3].lock`.
        assert!(!spreads_overlap(sp(4, 8, 16), 4, sp(48, 1, 1), 4));
        assert!(spreads_overlap(sp(4, 8, 16), 4, sp(52, 1, 1), 4));
        // Even against odd elements of an int array, and even against
        // every third from 3.
        assert!(!spreads_overlap(sp(0, 32, 8), 4, sp(4, 32, 8), 4));
        assert!(spreads_overlap(sp(0, 32, 8), 4, sp(12, 21, 12), 4));
        // A wide access straddling two elements.
        assert!(spreads_overlap(sp(2, 4, 4), 4, sp(4, 1, 1), 1));
    }
}
