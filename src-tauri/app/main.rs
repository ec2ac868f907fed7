#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    alk_companion_lib::run()
}
