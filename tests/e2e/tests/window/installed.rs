//! The app as a patient gets it: installed from the .deb. `tests/install/deb.sh` builds and
//! installs the package, runs this with `--ignored`, then uninstalls it and checks what is left.

use crate::common;

use std::path::PathBuf;
use std::process::Command;

use crate::common::{find, open_view, pass_welcome, screenshot, session, wait_text, Driver};
use fantoccini::Locator;

fn env_path(name: &str) -> PathBuf {
    PathBuf::from(std::env::var_os(name).unwrap_or_else(|| panic!("{name} is set by tests/install/deb.sh")))
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the .deb installed: run tests/install/deb.sh"]
async fn the_installed_app_starts_and_reads_its_installed_content_and_fonts() {
    let app = env_path("ALK_E2E_APP");
    let resources = env_path("ALK_INSTALLED_RESOURCES");
    let home = env_path("ALK_E2E_HOME");
    std::fs::create_dir_all(home.join("out")).unwrap();
    let _driver = Driver::start(&home);
    let client = session(&app).await;

    // The first screen's content, not only a loaded page.
    wait_text(&client, ".welcome h2", "Welcome to ALK Companion").await;
    screenshot(&client, "50-installed-welcome").await;
    pass_welcome(&client).await;

    // Its information pages are the installed ones.
    open_view(&client, "read").await;
    find(&client, "article.section h2").await;
    let installed = std::fs::read_dir(resources.join("content/sections")).unwrap().count();
    let listed = client.find_all(Locator::Css(".section-list button")).await.unwrap().len();
    assert_eq!(listed, installed, "pages listed against files in {}", resources.display());
    let version = std::fs::read_to_string(resources.join("content/content.toml")).unwrap();
    let version = version.lines().find_map(|l| l.strip_prefix("version = ")).unwrap().trim_matches('"').to_string();
    open_view(&client, "about").await;
    wait_text(&client, "main", &format!("Content version {version}")).await;

    // A pack made with the installed fonts, embedded and subset.
    open_view(&client, "pack").await;
    wait_text(&client, "#preview-pages", "page").await;
    find(&client, "#make-pack").await.click().await.unwrap();
    wait_text(&client, "#pack-status", "Saved").await;
    common::close_and_wait(client).await;
    let fonts = Command::new("pdffonts").arg(home.join("out/appointment-pack.pdf")).output().unwrap();
    let fonts = String::from_utf8(fonts.stdout).unwrap();
    assert!(fonts.contains("AtkinsonHyperlegible"), "{fonts}");
}
