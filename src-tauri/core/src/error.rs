use serde::Serialize;
use ts_rs::TS;

/// The closed set of error kinds the UI switches on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ErrorKind {
    Content,
    Storage,
    TooNew,
    InvalidInput,
    NotFound,
    Pack,
    Cancelled,
    Internal,
}

/// Every failure of the core. `Display` is for logs: it never holds the user's own text.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("content file {file}: {problem}")]
    Content { file: String, problem: String },
    #[error("database error: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
    #[error("database schema {found} is newer than {supported}")]
    TooNew { found: i64, supported: i64 },
    /// The message is ours, in plain words; it never repeats what the user typed.
    #[error("invalid input: {0}")]
    Invalid(String),
    #[error("not found: {0}")]
    NotFound(String),
    #[error("pack: {0}")]
    Pack(String),
    /// SQLite's own check found the file damaged.
    #[error("the store failed its integrity check")]
    Damaged,
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Content { .. } => ErrorKind::Content,
            Error::Sql(_) | Error::Io(_) | Error::Damaged => ErrorKind::Storage,
            Error::TooNew { .. } => ErrorKind::TooNew,
            Error::Invalid(_) => ErrorKind::InvalidInput,
            Error::NotFound(_) => ErrorKind::NotFound,
            Error::Pack(_) => ErrorKind::Pack,
        }
    }

    /// Words a patient can read. No SQL, no paths, no user text.
    pub fn plain_message(&self) -> String {
        let code = match self {
            Error::Sql(rusqlite::Error::SqliteFailure(e, _)) => Some(e.code),
            _ => None,
        };
        match code {
            Some(rusqlite::ErrorCode::DiskFull) => {
                return "There is no room left on this computer's disk, so this could not be saved. What you typed is still on the screen, and what you saved before is safe. Please free some space, then try again.".into();
            }
            Some(rusqlite::ErrorCode::ReadOnly) | Some(rusqlite::ErrorCode::PermissionDenied) => {
                return "The folder where ALK Companion keeps your information cannot be written to just now, so this could not be saved. What you typed is still on the screen, and what you saved before is safe.".into();
            }
            _ => {}
        }
        match self {
            Error::Content { .. } => {
                "The information pages could not be loaded. Please reinstall ALK Companion.".into()
            }
            Error::Sql(_) | Error::Io(_) | Error::Damaged => {
                "Your information could not be saved or read just now. What you saved before is safe. Please try again.".into()
            }
            Error::TooNew { .. } => {
                "Your saved information was made by a newer version of ALK Companion. Please install the newer version. Nothing has been changed.".into()
            }
            Error::Invalid(message) | Error::NotFound(message) | Error::Pack(message) => {
                message.clone()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_message_hides_database_detail() {
        let err = Error::Sql(rusqlite::Error::InvalidQuery);
        assert_eq!(err.kind(), ErrorKind::Storage);
        assert!(!err.plain_message().to_lowercase().contains("query"));
        assert!(err.plain_message().contains("safe"));
    }
}
