//! The client-side checks operations share (`Operation::check`): what can be refused before
//! anything is sent.

use authing_core::Error;

/// `Err(InvalidArgument)` for an empty or blank `what` (a code, an id, a key).
pub(crate) fn require(what: &str, value: &str) -> Result<(), Error> {
    if value.trim().is_empty() {
        Err(Error::invalid_argument(format!("the {what} is empty")))
    } else {
        Ok(())
    }
}

/// `Err(InvalidArgument)` for a page or limit of 0.
pub(crate) fn check_page(page: u32, limit: u32) -> Result<(), Error> {
    if page == 0 {
        return Err(Error::invalid_argument(
            "page is 1-based: the first page is 1, not 0",
        ));
    }
    if limit == 0 {
        return Err(Error::invalid_argument("limit must be at least 1"));
    }
    Ok(())
}
