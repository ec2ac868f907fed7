// Tell Rust once the heading has been painted, as the app does for its first screen.
requestAnimationFrame(() => requestAnimationFrame(() => window.__TAURI_INTERNALS__.invoke("ready")));
