//! [`Table`]: the records of one kind in one pool, with ids, unique keys and creation order.

use std::collections::{BTreeMap, HashMap};

use crate::crypto::object_id;

/// A kind of thing a pool keeps in a [`Table`] (a user, a role, ...).
pub(crate) trait Record: Clone {
    /// What the table holds, as `Relations` name the sides of a link (`"user"`, `"role"`).
    const KIND: &'static str;

    /// The record's id (the table hands it out at insertion).
    fn id(&self) -> &str;

    /// The record's values of its unique keys, as `(key, value)` pairs, each value already
    /// [`normalize`](Self::normalize)d; keys the record does not set are left out.
    fn unique_keys(&self) -> Vec<(&'static str, String)>;

    /// How a value of unique `key` compares (exact unless a record says otherwise, e.g.
    /// emails case-insensitively).
    fn normalize(key: &str, value: &str) -> String {
        let _ = key;
        value.to_owned()
    }
}

/// Why a table refused a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// No record has this id.
    NotFound,
    /// Another record holds this value of the unique key (the key's name).
    Taken(&'static str),
}

/// Records of one kind: each has a fresh 24-hex id (Authing's ObjectId form), its unique
/// keys are unique across the table, and the table remembers the order they were created
/// in, which breaks every tie when sorting, so pages are stable.
#[derive(Debug, Clone)]
pub(crate) struct Table<R> {
    /// Creation sequence number → record.
    rows: BTreeMap<u64, R>,
    /// Id → creation sequence number.
    ids: HashMap<String, u64>,
    /// `(key, normalised value)` → creation sequence number of its holder.
    unique: HashMap<(&'static str, String), u64>,
    next_seq: u64,
}

impl<R> Default for Table<R> {
    fn default() -> Self {
        Self {
            rows: BTreeMap::new(),
            ids: HashMap::new(),
            unique: HashMap::new(),
            next_seq: 0,
        }
    }
}

/// Which way a sort runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Direction {
    /// Smallest first (oldest first for times).
    Ascending,
    /// Largest first (newest first for times).
    Descending,
}

impl<R: Record> Table<R> {
    /// How many records there are.
    #[cfg_attr(not(test), allow(dead_code))] // Listings count with `Page::of`.
    pub(crate) fn len(&self) -> usize {
        self.rows.len()
    }

    /// The record with id `id`.
    pub(crate) fn get(&self, id: &str) -> Option<&R> {
        self.ids.get(id).and_then(|seq| self.rows.get(seq))
    }

    /// The record whose unique `key` is `value` (compared as the record normalises it).
    pub(crate) fn find(&self, key: &'static str, value: &str) -> Option<&R> {
        self.unique
            .get(&(key, R::normalize(key, value)))
            .and_then(|seq| self.rows.get(seq))
    }

    /// Every record, oldest first.
    #[cfg_attr(not(test), allow(dead_code))] // For resources listed in creation order.
    pub(crate) fn iter(&self) -> impl DoubleEndedIterator<Item = &R> + ExactSizeIterator {
        self.rows.values()
    }

    /// The record created last.
    pub(crate) fn newest(&self) -> Option<&R> {
        self.rows.values().next_back()
    }

    /// Every record sorted by `key` in `direction`; records with equal keys keep their
    /// creation order (reversed when descending), so the order is total and pages stable.
    pub(crate) fn sorted_by<K: Ord>(&self, key: impl Fn(&R) -> K, direction: Direction) -> Vec<&R> {
        let mut rows: Vec<(K, u64, &R)> = self
            .rows
            .iter()
            .map(|(seq, record)| (key(record), *seq, record))
            .collect();
        rows.sort_unstable_by(|a, b| {
            let order = a.0.cmp(&b.0).then(a.1.cmp(&b.1));
            match direction {
                Direction::Ascending => order,
                Direction::Descending => order.reverse(),
            }
        });
        rows.into_iter().map(|(_, _, record)| record).collect()
    }

    /// 'Taken' when another record than `except` holds one of `keys`.
    fn check_free(
        &self,
        keys: &[(&'static str, String)],
        except: Option<u64>,
    ) -> Result<(), Refusal> {
        for (key, value) in keys {
            if let Some(holder) = self.unique.get(&(*key, value.clone()))
                && Some(*holder) != except
            {
                return Err(Refusal::Taken(key));
            }
        }
        Ok(())
    }

    /// Adds the record `build` makes with a fresh id; refused (nothing added) when one of
    /// its unique keys is taken.
    pub(crate) fn insert_with(&mut self, build: impl FnOnce(String) -> R) -> Result<&R, Refusal> {
        let mut id = object_id();
        while self.ids.contains_key(&id) {
            id = object_id();
        }
        let record = build(id);
        let keys = record.unique_keys();
        self.check_free(&keys, None)?;
        self.next_seq += 1;
        let seq = self.next_seq;
        for key in keys {
            self.unique.insert(key, seq);
        }
        self.ids.insert(record.id().to_owned(), seq);
        Ok(self.rows.entry(seq).or_insert(record))
    }

    /// Changes the record `id` with `change`; refused (nothing changed) when there is no
    /// such record or the change takes a unique key another record holds. The id stays.
    pub(crate) fn update(&mut self, id: &str, change: impl FnOnce(&mut R)) -> Result<&R, Refusal> {
        let seq = *self.ids.get(id).ok_or(Refusal::NotFound)?;
        let current = self.rows.get(&seq).ok_or(Refusal::NotFound)?;
        let mut changed = current.clone();
        change(&mut changed);
        debug_assert_eq!(changed.id(), id, "an update must not change the id");
        let old_keys = current.unique_keys();
        let new_keys = changed.unique_keys();
        self.check_free(&new_keys, Some(seq))?;
        for key in old_keys {
            self.unique.remove(&key);
        }
        for key in new_keys {
            self.unique.insert(key, seq);
        }
        // The row exists: `seq` was read from `ids` above.
        let row = self.rows.get_mut(&seq).ok_or(Refusal::NotFound)?;
        *row = changed;
        Ok(row)
    }

    /// Removes the record `id`. Links to it are `Relations`' business: delete through
    /// `Relations::delete` to clear them too.
    pub(crate) fn remove(&mut self, id: &str) -> Option<R> {
        let seq = self.ids.remove(id)?;
        let record = self.rows.remove(&seq)?;
        for key in record.unique_keys() {
            self.unique.remove(&key);
        }
        Some(record)
    }

    /// Forgets every record (ids handed out before are not handed out again).
    pub(crate) fn clear(&mut self) {
        self.rows.clear();
        self.ids.clear();
        self.unique.clear();
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A record for the store's own tests: a name unique case-insensitively, a score.
    #[derive(Debug, Clone, PartialEq)]
    pub(crate) struct Thing {
        pub(crate) id: String,
        pub(crate) name: Option<String>,
        pub(crate) score: i32,
    }

    impl Record for Thing {
        const KIND: &'static str = "thing";

        fn id(&self) -> &str {
            &self.id
        }

        fn unique_keys(&self) -> Vec<(&'static str, String)> {
            self.name
                .iter()
                .map(|name| ("name", Self::normalize("name", name)))
                .collect()
        }

        fn normalize(_key: &str, value: &str) -> String {
            value.to_ascii_lowercase()
        }
    }

    pub(crate) fn add(table: &mut Table<Thing>, name: &str, score: i32) -> String {
        table
            .insert_with(|id| Thing {
                id,
                name: Some(name.to_owned()),
                score,
            })
            .expect("free name")
            .id
            .clone()
    }

    #[test]
    fn ids_are_24_hex_and_records_come_back() {
        let mut table = Table::default();
        let id = add(&mut table, "Ann", 1);
        assert_eq!(id.len(), 24);
        assert!(id.chars().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(table.get(&id).map(|t| t.score), Some(1));
        assert_eq!(table.find("name", "ANN").map(|t| t.id.clone()), Some(id));
        assert!(table.get("nope").is_none());
        assert_eq!(table.len(), 1);
    }

    #[test]
    fn unique_keys_hold_on_insert_and_update() {
        let mut table = Table::default();
        let ann = add(&mut table, "Ann", 1);
        let bob = add(&mut table, "Bob", 2);
        let taken = table.insert_with(|id| Thing {
            id,
            name: Some("ann".into()),
            score: 3,
        });
        assert_eq!(taken.err(), Some(Refusal::Taken("name")));
        assert_eq!(table.len(), 2);

        let refused = table.update(&bob, |t| t.name = Some("ANN".into()));
        assert_eq!(refused.err(), Some(Refusal::Taken("name")));
        assert_eq!(
            table.find("name", "bob").map(|t| t.id.clone()),
            Some(bob.clone())
        );

        // A record may keep its own key, and a freed key is free for others.
        table
            .update(&ann, |t| t.score = 10)
            .expect("own key is not taken");
        table
            .update(&ann, |t| t.name = Some("Cat".into()))
            .expect("free key");
        assert!(table.find("name", "ann").is_none());
        table
            .update(&bob, |t| t.name = Some("Ann".into()))
            .expect("freed key");
        assert_eq!(table.update("nope", |_| ()).err(), Some(Refusal::NotFound));
    }

    #[test]
    fn removal_frees_keys_and_order_is_creation_order() {
        let mut table = Table::default();
        let ids: Vec<String> = ["a", "b", "c", "d"]
            .iter()
            .map(|name| add(&mut table, name, 0))
            .collect();
        let removed = table.remove(&ids[1]).expect("exists");
        assert_eq!(removed.name.as_deref(), Some("b"));
        assert!(table.remove(&ids[1]).is_none());
        add(&mut table, "b", 0);
        let names: Vec<_> = table.iter().filter_map(|t| t.name.clone()).collect();
        assert_eq!(names, ["a", "c", "d", "b"]);
        table.clear();
        assert_eq!(table.len(), 0);
        assert!(table.find("name", "a").is_none());
    }

    #[test]
    fn sorting_breaks_ties_by_creation_order() {
        let mut table = Table::default();
        for (name, score) in [("a", 2), ("b", 1), ("c", 2), ("d", 1)] {
            add(&mut table, name, score);
        }
        let names = |rows: Vec<&Thing>| -> Vec<String> {
            rows.into_iter().filter_map(|t| t.name.clone()).collect()
        };
        assert_eq!(
            names(table.sorted_by(|t| t.score, Direction::Ascending)),
            ["b", "d", "a", "c"]
        );
        assert_eq!(
            names(table.sorted_by(|t| t.score, Direction::Descending)),
            ["c", "a", "d", "b"]
        );
    }
}
