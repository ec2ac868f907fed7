fn main() {
    // Our own commands are declared here so they are denied unless a capability grants them.
    let app = tauri_build::AppManifest::new().commands(COMMANDS);
    let attributes =
        tauri_build::Attributes::new().app_manifest(app).capabilities_path_pattern("./src-tauri/app/capabilities/**/*");
    tauri_build::try_build(attributes).expect("tauri-build failed: see the message above");
}

const COMMANDS: &[&str] = &[
    "get_content",
    "search",
    "list_appointments",
    "save_appointment",
    "delete_appointment",
    "get_plan",
    "choose_question",
    "add_own_question",
    "remove_plan_question",
    "move_plan_question",
    "set_top_question",
    "answer_question",
    "copy_unanswered",
    "move_unbooked_questions",
    "list_notes",
    "save_note",
    "delete_note",
    "restore_note",
    "list_bin",
    "list_step_progress",
    "save_step_progress",
    "list_treatments",
    "save_treatment",
    "delete_treatment",
    "list_diary",
    "add_diary_entry",
    "delete_diary_entry",
    "list_checkups",
    "add_checkup",
    "delete_checkup",
    "export_backup",
    "preview_backup",
    "import_backup",
    "delete_all_data",
    "get_pack_settings",
    "preview_pack",
    "save_pack",
    "open_pack",
];
