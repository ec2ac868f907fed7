// The one reader of the `generate_handler!` list in lib.rs. Not a module of the app: build.rs and
// tests/commands.rs each `include!` this file, so the list is parsed the same way in both.

/// A command in the `generate_handler!` list, with the cargo feature it is registered under, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedCommand {
    pub name: String,
    pub feature: Option<String>,
}

/// `commands::notes::save_note,` lines inside `generate_handler![...]`, as `save_note`; a
/// `#[cfg(feature = "bench")]` line puts the command below it under that feature.
pub fn listed_commands(lib_rs: &str) -> Vec<ListedCommand> {
    let start = lib_rs.find("generate_handler![").expect("lib.rs has a generate_handler! list");
    let list = &lib_rs[start + "generate_handler![".len()..];
    let mut feature = None;
    let mut commands = Vec::new();
    for line in list.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with("//")) {
        if line.starts_with(']') {
            return commands;
        } else if let Some(attribute) = line.strip_prefix("#[cfg(feature = \"") {
            let name = attribute.strip_suffix("\")]").expect("#[cfg(feature = \"name\")] on one line");
            feature = Some(name.to_string());
        } else if let Some(path) = line.strip_prefix("commands::") {
            let name = path.trim_end_matches(',').rsplit("::").next().expect("a command path").to_string();
            commands.push(ListedCommand { name, feature: feature.take() });
        } else {
            panic!("the generate_handler! list holds only commands::<module>::<name> lines, each with an optional #[cfg(feature = \"...\")] line above; found {line:?}");
        }
    }
    panic!("the generate_handler! list ends with a ] line");
}
