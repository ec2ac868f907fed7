use serde::Serialize;

/// The closed set of error kinds the UI switches on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ErrorKind {
    NoMicrophone,
    MicrophoneLost,
    PermissionRefused,
    DiskFull,
    Microphone,
    Storage,
    Unreadable,
}

type Cause = Box<dyn std::error::Error + Send + Sync>;

/// Every failure of the recorder. `Display` is the plain message a patient reads: it never holds a
/// path or the device's own words, which stay in `source()` for the logs.
#[derive(Debug, thiserror::Error)]
pub enum RecorderError {
    #[error("No microphone was found. Please plug one in, or check that it is switched on, then try again.")]
    NoMicrophone,
    #[error("The microphone stopped working, so the recording stopped. What was recorded before that is kept.")]
    MicrophoneLost,
    #[error("This computer did not let ALK Companion use the microphone. You can allow it in the computer's settings, then try again.")]
    PermissionRefused,
    #[error("The computer's storage is full, so the recording stopped. What was recorded before that is kept.")]
    DiskFull,
    #[error("The microphone could not be started. Please try again, or choose another microphone.")]
    Microphone(#[source] Cause),
    #[error("The recording could not be saved on this computer. Please try again.")]
    Storage(#[source] std::io::Error),
    #[error("This recording could not be read. It may be damaged.")]
    Unreadable,
}

pub type Result<T> = std::result::Result<T, RecorderError>;

impl RecorderError {
    pub fn kind(&self) -> ErrorKind {
        match self {
            RecorderError::NoMicrophone => ErrorKind::NoMicrophone,
            RecorderError::MicrophoneLost => ErrorKind::MicrophoneLost,
            RecorderError::PermissionRefused => ErrorKind::PermissionRefused,
            RecorderError::DiskFull => ErrorKind::DiskFull,
            RecorderError::Microphone(_) => ErrorKind::Microphone,
            RecorderError::Storage(_) => ErrorKind::Storage,
            RecorderError::Unreadable => ErrorKind::Unreadable,
        }
    }

    /// Words a patient can read: the same as `Display`, named as the core names it.
    pub fn plain_message(&self) -> String {
        self.to_string()
    }

    /// A failure of the system's sound layer, sorted into the kinds a patient can act on.
    pub(crate) fn microphone(cause: impl std::error::Error + Send + Sync + 'static) -> Self {
        if refused_permission(&cause.to_string()) {
            RecorderError::PermissionRefused
        } else {
            RecorderError::Microphone(Box::new(cause))
        }
    }
}

impl From<std::io::Error> for RecorderError {
    fn from(error: std::io::Error) -> Self {
        use std::io::ErrorKind::{QuotaExceeded, StorageFull};
        // StorageFull is ENOSPC on Unix and ERROR_DISK_FULL on Windows; a quota is full all the same.
        match error.kind() {
            StorageFull | QuotaExceeded => RecorderError::DiskFull,
            _ => RecorderError::Storage(error),
        }
    }
}

/// The words each system's sound layer uses when it refuses the microphone: ALSA's EACCES,
/// WASAPI's E_ACCESSDENIED (0x80070005). macOS refuses by sending silence instead (see `heard_sound`).
fn refused_permission(description: &str) -> bool {
    let lower = description.to_ascii_lowercase();
    ["eacces", "permission denied", "access is denied", "e_accessdenied", "0x80070005"]
        .iter()
        .any(|words| lower.contains(words))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_disk_has_its_own_kind() {
        let full = std::io::Error::from_raw_os_error(if cfg!(windows) { 112 } else { 28 });
        assert_eq!(RecorderError::from(full).kind(), ErrorKind::DiskFull);
        let other = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        assert_eq!(RecorderError::from(other).kind(), ErrorKind::Storage);
    }

    #[test]
    fn a_refused_microphone_is_told_apart_from_a_broken_one() {
        let alsa = std::io::Error::other("ALSA function 'snd_pcm_open' failed with error 'EACCES: Permission denied'");
        assert_eq!(RecorderError::microphone(alsa).kind(), ErrorKind::PermissionRefused);
        let wasapi = std::io::Error::other("0x80070005: Access is denied.");
        assert_eq!(RecorderError::microphone(wasapi).kind(), ErrorKind::PermissionRefused);
        let busy =
            std::io::Error::other("ALSA function 'snd_pcm_open' failed with error 'EBUSY: Device or resource busy'");
        assert_eq!(RecorderError::microphone(busy).kind(), ErrorKind::Microphone);
    }

    #[test]
    fn messages_never_show_the_cause() {
        let cause = std::io::Error::other("hw:CARD=PCH,DEV=0 /home/someone/.local/share failed");
        for error in [RecorderError::microphone(cause), RecorderError::Storage(std::io::Error::other("/home/someone"))]
        {
            let message = error.plain_message();
            assert!(!message.contains('/') && !message.contains("hw:"), "{message}");
            assert!(message.ends_with('.'), "{message}");
        }
    }
}
