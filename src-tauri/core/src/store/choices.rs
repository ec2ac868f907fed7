//! The record's choices (Bother, StopReason, CheckupKind) kept in SQL as text, by the names serde
//! gives them: the names the UI and a backup use, and the migrations' CHECK lists. Each enum's
//! spelling is written once, on the enum.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::model::{Bother, CheckupKind, StopReason};

/// The name serde gives a unit variant: `Bother::ALot` is `aLot`.
pub(super) fn serde_name<T: Serialize>(value: &T) -> Option<String> {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => Some(name),
        _ => None,
    }
}

fn from_serde_name<T: DeserializeOwned>(value: ValueRef<'_>) -> FromSqlResult<T> {
    serde_json::from_value(serde_json::Value::String(value.as_str()?.to_owned()))
        .map_err(|e| FromSqlError::Other(Box::new(e)))
}

macro_rules! stored_by_serde_name {
    ($($choice:ty),*) => {$(
        impl ToSql for $choice {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                let name = serde_name(self);
                name.map(ToSqlOutput::from).ok_or_else(|| rusqlite::Error::ToSqlConversionFailure("not a name".into()))
            }
        }

        impl FromSql for $choice {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                from_serde_name(value)
            }
        }
    )*};
}

stored_by_serde_name!(Bother, StopReason, CheckupKind);

#[cfg(test)]
mod tests {
    use super::*;

    fn stored<T: ToSql + FromSql + PartialEq + std::fmt::Debug>(all: &[T]) -> Vec<String> {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        all.iter()
            .map(|choice| {
                let (text, back): (String, T) =
                    conn.query_row("SELECT ?1, ?1", [choice], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
                assert_eq!(&back, choice);
                text
            })
            .collect()
    }

    /// The same words as the migrations' CHECK lists, so every choice can be saved.
    #[test]
    fn choices_are_stored_by_the_names_the_schema_allows() {
        assert_eq!(stored(&Bother::ALL), ["aLittle", "quiteABit", "aLot"]);
        assert_eq!(stored(&StopReason::ALL), ["stoppedWorking", "sideEffects", "other"]);
        assert_eq!(stored(&CheckupKind::ALL), ["ctScan", "headScan", "xRay", "checkUp", "other"]);
    }

    #[test]
    fn a_name_the_app_does_not_know_is_refused() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        assert!(conn.query_row("SELECT 'often'", [], |r| r.get::<_, Bother>(0)).is_err());
    }
}
