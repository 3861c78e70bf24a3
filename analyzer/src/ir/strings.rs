use rustc_hash::FxHashMap as HashMap;

use serde::{Deserialize, Serialize};

/// Index of an interned string in a [`Strings`] table.
pub type StrId = u32;

/// Interned strings: each distinct string is stored once and named by a `u32`.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(from = "Vec<Box<str>>", into = "Vec<Box<str>>")]
pub struct Strings {
    list: Vec<Box<str>>,
    index: HashMap<Box<str>, StrId>,
}

impl Strings {
    pub fn new() -> Self {
        let mut s = Strings::default();
        s.intern(""); // id 0 is always the empty string
        s
    }

    pub fn intern(&mut self, s: &str) -> StrId {
        if let Some(&id) = self.index.get(s) {
            return id;
        }
        let id = self.list.len() as StrId;
        self.list.push(s.into());
        self.index.insert(s.into(), id);
        id
    }

    pub fn get(&self, id: StrId) -> &str {
        self.list.get(id as usize).map(|s| &**s).unwrap_or("")
    }

    pub fn lookup(&self, s: &str) -> Option<StrId> {
        self.index.get(s).copied()
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

impl From<Vec<Box<str>>> for Strings {
    fn from(list: Vec<Box<str>>) -> Self {
        let index = list
            .iter()
            .enumerate()
            .map(|(i, s)| (s.clone(), i as StrId))
            .collect();
        Strings { list, index }
    }
}

impl From<Strings> for Vec<Box<str>> {
    fn from(s: Strings) -> Self {
        s.list
    }
}
