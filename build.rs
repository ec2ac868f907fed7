fn main() {
    // Our own commands are declared here so they are denied unless a capability grants them.
    let app = tauri_build::AppManifest::new().commands(COMMANDS);
    let attributes = tauri_build::Attributes::new()
        .app_manifest(app)
        .capabilities_path_pattern("./src-tauri/app/capabilities/**/*");
    tauri_build::try_build(attributes).expect("tauri-build failed: see the message above");
}

const COMMANDS: &[&str] = &[
    "get_content",
    "search",
    "list_chosen_questions",
    "set_question_chosen",
    "get_note",
    "save_note",
    "save_pack",
    "open_pack",
];
