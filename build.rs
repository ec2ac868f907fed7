//! The app's command list lives in one place: the `generate_handler!` list in
//! src-tauri/app/lib.rs. This build script reads it, declares those commands to tauri-build (so
//! each is denied unless granted) and writes the one capability file, which grants exactly
//! them and nothing else.

include!("src-tauri/app/command_list.rs");

const HANDLERS: &str = "src-tauri/app/lib.rs";
const CAPABILITY: &str = "src-tauri/app/capabilities/default.json";

fn main() {
    println!("cargo:rerun-if-changed={HANDLERS}");
    println!("cargo:rerun-if-changed=src-tauri/app/command_list.rs");
    let source = std::fs::read_to_string(HANDLERS).expect("src-tauri/app/lib.rs is readable");
    let commands = listed_commands(&source);
    assert!(!commands.is_empty(), "no commands found in the generate_handler! list of {HANDLERS}");
    let always: Vec<&str> = commands.iter().filter(|c| c.feature.is_none()).map(|c| c.name.as_str()).collect();
    write_capability(&always);
    let names: Vec<&'static str> = commands.into_iter().map(|c| &*Box::leak(c.name.into_boxed_str())).collect();
    let app = tauri_build::AppManifest::new().commands(Box::leak(names.into_boxed_slice()));
    let attributes =
        tauri_build::Attributes::new().app_manifest(app).capabilities_path_pattern("./src-tauri/app/capabilities/**/*");
    tauri_build::try_build(attributes).expect("tauri-build failed: see the message above");
}

/// Writes the capability file, only when it would change, so builds stay incremental.
fn write_capability(commands: &[&str]) {
    let permissions: Vec<String> = commands.iter().map(|c| format!("    \"allow-{}\"", c.replace('_', "-"))).collect();
    let json = format!(
        "{{\n  \"$schema\": \"../../../gen/schemas/desktop-schema.json\",\n  \"identifier\": \"default\",\n  \
         \"description\": \"Written by build.rs from the generate_handler! list in lib.rs: the main window may call the app's own commands and nothing else. Saving and opening files happen in Rust.\",\n  \
         \"windows\": [\n    \"main\"\n  ],\n  \"permissions\": [\n{}\n  ]\n}}\n",
        permissions.join(",\n")
    );
    if std::fs::read_to_string(CAPABILITY).ok().as_deref() != Some(json.as_str()) {
        std::fs::write(CAPABILITY, json).expect("the capability file is writable");
    }
}
