//! [`Relations`]: many-to-many links between records (user ↔ role, group ↔ user, ...),
//! cleared when a record on either side is deleted.

use std::collections::BTreeMap;

use super::table::{Record, Table};

/// A kind of link: its name and the [`Record::KIND`]s of its two sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Link {
    /// The link's name, unique among links (`"userRoles"`).
    pub(crate) name: &'static str,
    /// The kind of record on the left (`"user"`).
    pub(crate) left: &'static str,
    /// The kind of record on the right (`"role"`).
    pub(crate) right: &'static str,
}

/// The pairs of one [`Link`], both ways, each side's list in the order links were made.
#[derive(Debug, Clone, Default)]
struct Pairs {
    link: Option<Link>,
    rights_of: BTreeMap<String, Vec<String>>,
    lefts_of: BTreeMap<String, Vec<String>>,
}

fn add(map: &mut BTreeMap<String, Vec<String>>, key: &str, value: &str) -> bool {
    let values = map.entry(key.to_owned()).or_default();
    if values.iter().any(|v| v == value) {
        return false;
    }
    values.push(value.to_owned());
    true
}

fn drop_value(map: &mut BTreeMap<String, Vec<String>>, key: &str, value: &str) {
    if let Some(values) = map.get_mut(key) {
        values.retain(|v| v != value);
        if values.is_empty() {
            map.remove(key);
        }
    }
}

/// Every link of a pool, by [`Link`].
#[derive(Debug, Clone, Default)]
pub(crate) struct Relations {
    by_link: BTreeMap<&'static str, Pairs>,
}

impl Relations {
    /// Links `left` to `right`; false when they were linked already.
    pub(crate) fn link(&mut self, link: Link, left: &str, right: &str) -> bool {
        let pairs = self.by_link.entry(link.name).or_default();
        pairs.link = Some(link);
        let added = add(&mut pairs.rights_of, left, right);
        add(&mut pairs.lefts_of, right, left);
        added
    }

    /// Unlinks `left` from `right`; false when they were not linked.
    pub(crate) fn unlink(&mut self, link: Link, left: &str, right: &str) -> bool {
        let Some(pairs) = self.by_link.get_mut(link.name) else {
            return false;
        };
        let linked = pairs
            .rights_of
            .get(left)
            .is_some_and(|rights| rights.iter().any(|r| r == right));
        drop_value(&mut pairs.rights_of, left, right);
        drop_value(&mut pairs.lefts_of, right, left);
        linked
    }

    /// Whether `left` is linked to `right`.
    #[cfg_attr(not(test), allow(dead_code))] // For the evaluator's direct checks.
    pub(crate) fn linked(&self, link: Link, left: &str, right: &str) -> bool {
        self.rights(link, left).iter().any(|r| r == right)
    }

    /// The right sides linked to `left`, in the order they were linked.
    pub(crate) fn rights(&self, link: Link, left: &str) -> &[String] {
        self.by_link
            .get(link.name)
            .and_then(|pairs| pairs.rights_of.get(left))
            .map_or(&[], Vec::as_slice)
    }

    /// The left sides linked to `right`, in the order they were linked.
    pub(crate) fn lefts(&self, link: Link, right: &str) -> &[String] {
        self.by_link
            .get(link.name)
            .and_then(|pairs| pairs.lefts_of.get(right))
            .map_or(&[], Vec::as_slice)
    }

    /// Clears every link of the record `id` of kind `kind`, on either side of any link.
    pub(crate) fn forget(&mut self, kind: &str, id: &str) {
        for pairs in self.by_link.values_mut() {
            let Some(link) = pairs.link else { continue };
            if link.left == kind
                && let Some(rights) = pairs.rights_of.remove(id)
            {
                for right in rights {
                    drop_value(&mut pairs.lefts_of, &right, id);
                }
            }
            if link.right == kind
                && let Some(lefts) = pairs.lefts_of.remove(id)
            {
                for left in lefts {
                    drop_value(&mut pairs.rights_of, &left, id);
                }
            }
        }
    }

    /// Removes the record `id` from `table` and clears its links: the one way to delete a
    /// record that can be linked.
    pub(crate) fn delete<R: Record>(&mut self, table: &mut Table<R>, id: &str) -> Option<R> {
        let removed = table.remove(id)?;
        self.forget(R::KIND, id);
        Some(removed)
    }

    /// Forgets every link.
    pub(crate) fn clear(&mut self) {
        self.by_link.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::super::table::tests::{Thing, add};
    use super::*;

    const FANS: Link = Link {
        name: "fans",
        left: "thing",
        right: "thing",
    };
    const TAGS: Link = Link {
        name: "tags",
        left: "thing",
        right: "tag",
    };

    #[test]
    fn links_both_ways_in_order_and_idempotently() {
        let mut relations = Relations::default();
        assert!(relations.link(TAGS, "a", "t1"));
        assert!(relations.link(TAGS, "a", "t2"));
        assert!(!relations.link(TAGS, "a", "t1"));
        assert!(relations.link(TAGS, "b", "t1"));
        assert_eq!(relations.rights(TAGS, "a"), ["t1", "t2"]);
        assert_eq!(relations.lefts(TAGS, "t1"), ["a", "b"]);
        assert!(relations.linked(TAGS, "b", "t1"));
        assert!(!relations.linked(FANS, "b", "t1"));
        assert!(relations.unlink(TAGS, "a", "t1"));
        assert!(!relations.unlink(TAGS, "a", "t1"));
        assert_eq!(relations.lefts(TAGS, "t1"), ["b"]);
        assert!(relations.rights(TAGS, "nobody").is_empty());
    }

    #[test]
    fn deleting_a_record_clears_its_links_on_either_side() {
        let mut things = Table::<Thing>::default();
        let a = add(&mut things, "a", 0);
        let b = add(&mut things, "b", 0);
        let mut relations = Relations::default();
        relations.link(FANS, &a, &b);
        relations.link(FANS, &b, &a);
        relations.link(TAGS, &a, "t1");
        relations.link(TAGS, &b, "t1");

        let removed = relations.delete(&mut things, &a).expect("exists");
        assert_eq!(removed.id, a);
        assert!(things.get(&a).is_none());
        assert!(relations.rights(FANS, &b).is_empty());
        assert!(relations.lefts(FANS, &b).is_empty());
        assert!(relations.rights(TAGS, &a).is_empty());
        assert_eq!(relations.lefts(TAGS, "t1"), [b.as_str()]);
        assert!(relations.delete(&mut things, &a).is_none());

        // A kind on the right side only.
        relations.forget("tag", "t1");
        assert!(relations.rights(TAGS, &b).is_empty());
        relations.clear();
        assert!(relations.lefts(FANS, &a).is_empty());
    }
}
