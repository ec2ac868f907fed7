//! One page that calls `ready` once its content is painted, and nothing else.

#[tauri::command]
fn ready() {
    println!("bare: first screen shown");
}

fn main() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![ready])
        .run(tauri::generate_context!())
        .expect("the bare app starts");
}
