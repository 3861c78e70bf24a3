//! Call paths from a thread root, stored as a tree.
//!
//! The walk makes a path for every calling context it enters (a million
//! on the kernel, most of them 40 calls deep). Each path is its parent
//! context's path plus one call site, so it is stored as that: one node
//! per path, interned by (parent, site), instead of a copy of every call
//! site above it.

use rustc_hash::FxHashMap as HashMap;

use crate::program::FuncId;

/// A call site: (calling function, call instruction).
pub type CallSite = (FuncId, u32);

#[derive(Clone, Copy)]
struct Node {
    parent: u32,
    site: CallSite,
    depth: u32,
}

/// Every call path the walk made, by id; id [`CallPaths::EMPTY`] is the
/// root's own entry (no call yet).
pub struct CallPaths {
    nodes: Vec<Node>,
    ids: HashMap<(u32, CallSite), u32>,
}

impl Default for CallPaths {
    fn default() -> Self {
        CallPaths {
            nodes: vec![Node {
                parent: 0,
                site: (0, 0),
                depth: 0,
            }],
            ids: HashMap::default(),
        }
    }
}

impl CallPaths {
    /// The path of a root's entry: no call.
    pub const EMPTY: u32 = 0;

    /// Number of distinct paths.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        false
    }

    /// Calls on path `p`.
    pub fn depth(&self, p: u32) -> usize {
        self.nodes[p as usize].depth as usize
    }

    /// The last call of path `p` (`None` for a root's entry).
    pub fn last(&self, p: u32) -> Option<CallSite> {
        (p != Self::EMPTY).then(|| self.nodes[p as usize].site)
    }

    /// The call sites of path `p`, from the root down.
    pub fn get(&self, p: u32) -> Vec<CallSite> {
        let mut out = Vec::with_capacity(self.depth(p));
        let mut at = p;
        while at != Self::EMPTY {
            let n = self.nodes[at as usize];
            out.push(n.site);
            at = n.parent;
        }
        out.reverse();
        out
    }

    /// Path `p` followed by a call at `site`.
    pub fn child(&mut self, p: u32, site: CallSite) -> u32 {
        if let Some(&id) = self.ids.get(&(p, site)) {
            return id;
        }
        let id = self.nodes.len() as u32;
        self.nodes.push(Node {
            parent: p,
            site,
            depth: self.nodes[p as usize].depth + 1,
        });
        self.ids.insert((p, site), id);
        id
    }

    /// The path of a walk item: its caller's path `p`, followed by the
    /// call that enters it (none for a root's entry).
    pub fn enter(&mut self, p: u32, site: Option<CallSite>) -> u32 {
        match site {
            Some(s) => self.child(p, s),
            None => p,
        }
    }

    /// The first `k` calls of path `p` (`k` at most its depth).
    pub fn prefix(&self, p: u32, k: usize) -> u32 {
        let mut at = p;
        while self.depth(at) > k {
            at = self.nodes[at as usize].parent;
        }
        at
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_share_their_prefixes_and_read_back_root_first() {
        let mut paths = CallPaths::default();
        let a = paths.child(CallPaths::EMPTY, (1, 10));
        let ab = paths.child(a, (2, 20));
        let ac = paths.child(a, (2, 30));
        assert_eq!(paths.child(a, (2, 20)), ab, "interned");
        assert_eq!(paths.get(ab), vec![(1, 10), (2, 20)]);
        assert_eq!(paths.get(ac), vec![(1, 10), (2, 30)]);
        assert_eq!(paths.get(CallPaths::EMPTY), vec![]);
        assert_eq!(paths.depth(ac), 2);
        assert_eq!(paths.last(ac), Some((2, 30)));
        assert_eq!(paths.last(CallPaths::EMPTY), None);
        assert_eq!(paths.prefix(ab, 1), a);
        assert_eq!(paths.prefix(ab, 0), CallPaths::EMPTY);
        assert_eq!(paths.len(), 4);
    }
}
