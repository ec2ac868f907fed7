use alk_core::ErrorKind;
use serde::Serialize;
use ts_rs::TS;

/// What every failed command sends the UI: a kind to switch on and words a patient can read.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ApiError {
    pub kind: ErrorKind,
    pub message: String,
}

pub(crate) type Result<T> = std::result::Result<T, ApiError>;

impl ApiError {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        ApiError { kind, message: message.into() }
    }

    pub(crate) fn internal() -> Self {
        ApiError::new(
            ErrorKind::Internal,
            "Something went wrong inside ALK Companion. What you saved before is safe. Please try again.",
        )
    }
}

impl From<alk_core::Error> for ApiError {
    fn from(error: alk_core::Error) -> Self {
        // The core's Display never holds the user's text, so it is safe to log.
        eprintln!("alk-companion: {error}");
        ApiError { kind: error.kind(), message: error.plain_message() }
    }
}

impl From<alk_recorder::RecorderError> for ApiError {
    /// The recorder's kinds, sorted into the app's: a microphone that is not there is not found,
    /// one the system refuses asks the patient to change a setting, a disk problem is storage.
    fn from(error: alk_recorder::RecorderError) -> Self {
        use alk_recorder::ErrorKind as Recorder;
        // The kind only: the cause may name a device or a folder.
        eprintln!("alk-companion: recording: {:?}", error.kind());
        let kind = match error.kind() {
            Recorder::NoMicrophone | Recorder::MicrophoneLost => ErrorKind::NotFound,
            Recorder::PermissionRefused => ErrorKind::InvalidInput,
            Recorder::Microphone => ErrorKind::Internal,
            Recorder::DiskFull | Recorder::Storage | Recorder::Unreadable => ErrorKind::Storage,
        };
        ApiError { kind, message: error.plain_message() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_shape_is_kind_and_message() {
        let error = ApiError::from(alk_core::Error::Invalid("That question is empty.".into()));
        let json = serde_json::to_value(&error).unwrap();
        assert_eq!(json, serde_json::json!({ "kind": "invalidInput", "message": "That question is empty." }));
        let too_new = serde_json::to_value(ApiError::from(alk_core::Error::TooNew { found: 9, supported: 1 })).unwrap();
        assert_eq!(too_new["kind"], "tooNew");
    }

    #[test]
    fn a_recorders_error_keeps_its_plain_words_and_a_kind_the_ui_knows() {
        let cause = std::io::Error::other("/home/zoe/.local/share failed");
        for (error, kind) in [
            (alk_recorder::RecorderError::NoMicrophone, "notFound"),
            (alk_recorder::RecorderError::DiskFull, "storage"),
            (alk_recorder::RecorderError::Storage(cause), "storage"),
            (alk_recorder::RecorderError::PermissionRefused, "invalidInput"),
        ] {
            let words = error.plain_message();
            let sent = serde_json::to_value(ApiError::from(error)).unwrap();
            assert_eq!(sent, serde_json::json!({ "kind": kind, "message": words }));
            assert!(!words.contains('/'), "{words}");
        }
    }
}
