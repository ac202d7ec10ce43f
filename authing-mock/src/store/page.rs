//! [`Page`]: Authing's 1-based pages, and [`Paged`], one page with the total.

/// A 1-based page: `page` defaults to 1, `limit` to 10; values below 1 take the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Page {
    page: usize,
    limit: usize,
}

/// One page of items and how many items there are across all pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Paged<T> {
    /// How many items match, across all pages.
    pub(crate) total: i64,
    /// This page's items.
    pub(crate) items: Vec<T>,
}

impl Page {
    /// The page asked for.
    pub(crate) fn new(page: Option<i32>, limit: Option<i32>) -> Self {
        let positive = |value: Option<i32>, default: usize| {
            value
                .and_then(|v| usize::try_from(v).ok())
                .filter(|v| *v >= 1)
                .unwrap_or(default)
        };
        Self {
            page: positive(page, 1),
            limit: positive(limit, 10),
        }
    }

    /// This page of `items` (in their order), with their total count.
    pub(crate) fn of<I: IntoIterator>(self, items: I) -> Paged<I::Item> {
        let skip = (self.page - 1).saturating_mul(self.limit);
        let mut total: usize = 0;
        let mut page = Vec::with_capacity(self.limit.min(100));
        for item in items {
            if total >= skip && page.len() < self.limit {
                page.push(item);
            }
            total = total.saturating_add(1);
        }
        Paged {
            total: i64::try_from(total).unwrap_or(i64::MAX),
            items: page,
        }
    }
}

impl Page {
    /// This page of `items`, whose count is known: skips to the page without visiting the
    /// items after it.
    pub(crate) fn of_counted<I: ExactSizeIterator>(self, items: I) -> Paged<I::Item> {
        let total = items.len();
        let skip = (self.page - 1).saturating_mul(self.limit);
        Paged {
            total: i64::try_from(total).unwrap_or(i64::MAX),
            items: items.skip(skip).take(self.limit).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_one_based_with_defaults() {
        assert_eq!(Page::new(None, None), Page { page: 1, limit: 10 });
        assert_eq!(Page::new(Some(0), Some(-3)), Page { page: 1, limit: 10 });
        let third = Page::new(Some(2), Some(3)).of(1..=10);
        assert_eq!(third.items, vec![4, 5, 6]);
        assert_eq!(third.total, 10);
        let past = Page::new(Some(9), Some(5)).of(1..=10);
        assert!(past.items.is_empty());
        assert_eq!(past.total, 10);
        let huge = Page::new(Some(i32::MAX), Some(i32::MAX)).of(1..=3);
        assert!(huge.items.is_empty());
        assert_eq!(huge.total, 3);
        let counted = Page::new(Some(2), Some(3)).of_counted((1..11).rev());
        assert_eq!(counted.items, vec![7, 6, 5]);
        assert_eq!(counted.total, 10);
        assert!(
            Page::new(Some(5), Some(3))
                .of_counted(1..11)
                .items
                .is_empty()
        );
    }
}
