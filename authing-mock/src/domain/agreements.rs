//! Login agreements of an application: create, list, change, delete, reorder.

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use super::applications;
use crate::failure::{Code, Failure};
use crate::store::{Agreement, Pool, Refusal};

/// The longest agreement title (it may hold HTML links).
const MAX_TITLE_CHARS: usize = 2048;

/// What a new or changed agreement says; unset fields keep their value (or the default).
#[derive(Debug, Clone, Default)]
pub(crate) struct AgreementInput {
    pub(crate) title: Option<String>,
    pub(crate) required: Option<bool>,
    pub(crate) lang: Option<String>,
}

/// 2231 for an empty or too long title.
fn check_title(title: &str) -> Result<(), Failure> {
    if title.trim().is_empty() || title.chars().count() > MAX_TITLE_CHARS {
        return Err(Failure::with_text(Code::InvalidParams, "title"));
    }
    Ok(())
}

/// Changes application `app_id` with `change` (2011 when there is none).
fn change_app<T>(
    pool: &mut Pool,
    app_id: &str,
    now: DateTime<Utc>,
    change: impl FnOnce(&mut Vec<Agreement>, &mut i64) -> Result<T, Failure>,
) -> Result<T, Failure> {
    let mut outcome = None;
    pool.applications
        .update(app_id, |app| {
            outcome = Some(change(&mut app.agreements, &mut app.next_agreement_id));
            app.updated_at = now;
        })
        .map_err(|refusal| match refusal {
            Refusal::NotFound | Refusal::Taken(_) => Failure::from(Code::AppNotFound),
        })?;
    outcome.unwrap_or_else(|| Err(Code::AppNotFound.into()))
}

/// Adds an agreement at the end (required and `zh-CN` unless set).
pub(crate) fn create(
    pool: &mut Pool,
    app_id: &str,
    input: AgreementInput,
    now: DateTime<Utc>,
) -> Result<Agreement, Failure> {
    let title = input.title.unwrap_or_default();
    check_title(&title)?;
    change_app(pool, app_id, now, |agreements, next_id| {
        let agreement = Agreement {
            id: *next_id,
            title,
            lang: input.lang.unwrap_or_else(|| "zh-CN".to_owned()),
            required: input.required.unwrap_or(true),
        };
        *next_id = next_id.saturating_add(1);
        agreements.push(agreement.clone());
        Ok(agreement)
    })
}

/// The application's agreements in display order.
pub(crate) fn list<'p>(pool: &'p Pool, app_id: &str) -> Result<&'p [Agreement], Failure> {
    Ok(&applications::get(pool, app_id)?.agreements)
}

/// 2231 naming the agreement id when the application has no such agreement.
fn missing(id: i64) -> Failure {
    Failure::with_text(Code::InvalidParams, format!("agreementId {id}"))
}

/// Changes what an agreement says; unset fields stay.
pub(crate) fn modify(
    pool: &mut Pool,
    app_id: &str,
    id: i64,
    input: AgreementInput,
    now: DateTime<Utc>,
) -> Result<Agreement, Failure> {
    if let Some(title) = &input.title {
        check_title(title)?;
    }
    change_app(pool, app_id, now, |agreements, _| {
        let agreement = agreements
            .iter_mut()
            .find(|agreement| agreement.id == id)
            .ok_or_else(|| missing(id))?;
        if let Some(title) = input.title {
            agreement.title = title;
        }
        if let Some(lang) = input.lang {
            agreement.lang = lang;
        }
        if let Some(required) = input.required {
            agreement.required = required;
        }
        Ok(agreement.clone())
    })
}

/// Deletes an agreement.
pub(crate) fn delete(
    pool: &mut Pool,
    app_id: &str,
    id: i64,
    now: DateTime<Utc>,
) -> Result<(), Failure> {
    change_app(pool, app_id, now, |agreements, _| {
        let at = agreements
            .iter()
            .position(|agreement| agreement.id == id)
            .ok_or_else(|| missing(id))?;
        agreements.remove(at);
        Ok(())
    })
}

/// Puts the agreements in the order of `ids`, which must name each of them once (2231).
pub(crate) fn sort(
    pool: &mut Pool,
    app_id: &str,
    ids: &[i64],
    now: DateTime<Utc>,
) -> Result<(), Failure> {
    change_app(pool, app_id, now, |agreements, _| {
        let mut sorted = Vec::with_capacity(agreements.len());
        for id in ids {
            let agreement = agreements
                .iter()
                .find(|agreement| agreement.id == *id)
                .ok_or_else(|| missing(*id))?;
            if sorted.iter().any(|done: &Agreement| done.id == *id) {
                return Err(Failure::with_text(Code::InvalidParams, "ids"));
            }
            sorted.push(agreement.clone());
        }
        if sorted.len() != agreements.len() {
            return Err(Failure::with_text(Code::InvalidParams, "ids"));
        }
        *agreements = sorted;
        Ok(())
    })
}

impl Agreement {
    /// The agreement as Authing answers it; `order` is its place, from 1.
    pub(crate) fn to_json(&self, pool_id: &str, app_id: &str, order: usize) -> Value {
        json!({
            "id": self.id,
            "appId": app_id,
            "userPoolId": pool_id,
            "title": self.title,
            "lang": self.lang,
            "required": self.required,
            "order": order,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(title: &str) -> AgreementInput {
        AgreementInput {
            title: Some(title.into()),
            ..AgreementInput::default()
        }
    }

    #[test]
    fn create_modify_sort_delete() {
        let mut pool = Pool::random();
        let app = pool.app.id.clone();
        let now = Utc::now();
        let terms = create(&mut pool, &app, input("Terms"), now).expect("created");
        assert!(terms.required);
        assert_eq!(terms.lang, "zh-CN");
        let privacy = create(&mut pool, &app, input("Privacy"), now).expect("created");
        assert_ne!(terms.id, privacy.id);
        let changed = AgreementInput {
            required: Some(false),
            lang: Some("en-US".into()),
            ..AgreementInput::default()
        };
        let changed = modify(&mut pool, &app, privacy.id, changed, now).expect("modified");
        assert_eq!(
            (changed.title.as_str(), changed.required),
            ("Privacy", false)
        );
        sort(&mut pool, &app, &[privacy.id, terms.id], now).expect("sorted");
        let titles: Vec<_> = list(&pool, &app)
            .expect("list")
            .iter()
            .map(|a| a.title.clone())
            .collect();
        assert_eq!(titles, ["Privacy", "Terms"]);
        let partial = sort(&mut pool, &app, &[privacy.id], now);
        assert_eq!(partial.map_err(|f| f.number()), Err(2231));
        let twice = sort(&mut pool, &app, &[privacy.id, privacy.id], now);
        assert_eq!(twice.map_err(|f| f.number()), Err(2231));
        delete(&mut pool, &app, terms.id, now).expect("deleted");
        assert_eq!(list(&pool, &app).expect("list").len(), 1);
        let gone = delete(&mut pool, &app, terms.id, now);
        assert_eq!(gone.map_err(|f| f.number()), Err(2231));
        let empty = create(&mut pool, &app, input(" "), now).map(|_| ());
        assert_eq!(empty.map_err(|f| f.number()), Err(2231));
        let no_app = create(&mut pool, "nope", input("x"), now).map(|_| ());
        assert_eq!(no_app.map_err(|f| f.number()), Err(2011));
    }
}
