//! The calm screen in the real window: the first start, axe-core on every screen in every
//! theme and text size, and the layout at common window sizes.

use crate::common;

use std::path::Path;
use std::time::Duration;

use crate::common::{app_binary, find, open_view, pass_welcome, screenshot, session, wait_text, Driver};
use fantoccini::{Client, Locator};
use serde_json::Value;

/// Every screen in the main navigation, in its order.
const VIEWS: &[&str] = &[
    "home",
    "read",
    "appointments",
    "questions",
    "notes",
    "record",
    "checklist",
    "pack",
    "glossary",
    "bin",
    "backup",
    "settings",
    "help",
    "about",
];

#[tokio::test(flavor = "multi_thread")]
async fn first_start_welcomes_once_then_opens_on_home() {
    let home = tempfile::tempdir().unwrap();
    let _driver = Driver::start(home.path());
    let client = session(&app_binary()).await;

    // The welcome says what the app is, that nothing leaves the computer, and that it is not advice.
    let welcome = wait_text(&client, ".welcome", "Welcome to ALK Companion").await;
    assert!(welcome.contains("nothing goes on the internet"), "{welcome}");
    assert!(welcome.contains("does not give medical advice"), "{welcome}");
    screenshot(&client, "40-welcome").await;
    find(&client, "#welcome-done").await.click().await.unwrap();
    let home_text = wait_text(&client, ".home", "No appointment added yet.").await;
    assert!(home_text.contains("No questions chosen yet."), "{home_text}");
    assert_eq!(focused(&client).await, "H2:Home", "the home heading has the focus");
    screenshot(&client, "41-home-empty").await;

    // Read a page and open a word's meaning in it.
    open_view(&client, "read").await;
    find(&client, "article.section h2").await;
    let term = find(&client, "article.section button.term").await;
    term.click().await.unwrap();
    let shown = client
        .execute(
            "return [...document.querySelectorAll('article.section .definition')].filter(d => !d.hidden).length",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(shown, Value::from(1), "one word meaning is open");
    common::close_and_wait(client).await;

    // The next start goes straight to home; About can show the welcome again.
    let client = session(&app_binary()).await;
    wait_text(&client, ".home", "My next appointment").await;
    assert!(client.find(Locator::Css("#welcome-done")).await.is_err(), "the welcome shows only once");
    open_view(&client, "about").await;
    find(&client, "#show-welcome").await.click().await.unwrap();
    wait_text(&client, ".welcome", "Welcome to ALK Companion").await;
    common::close_and_wait(client).await;
}

/// What has the focus, as "TAG:text" (or "TAG#id" when it has no text).
async fn focused(client: &Client) -> String {
    let script = "const e = document.activeElement; const t = (e.innerText || '').trim(); \
                  return e.tagName + (t ? ':' + t : (e.id ? '#' + e.id : ''));";
    client.execute(script, vec![]).await.unwrap().as_str().unwrap_or_default().to_string()
}

/// Fills the record with something on every screen, so axe sees lists, tables and cards.
async fn fill_record(client: &Client) {
    open_view(client, "appointments").await;
    find(client, "#appt-date").await;
    client
        .execute("document.getElementById('appt-date').value = '2030-01-15'; document.getElementById('appt-time').value = '14:30';", vec![])
        .await
        .unwrap();
    find(client, "#appt-with").await.send_keys("Dr Nowak").await.unwrap();
    find(client, ".record-form button[type=submit]").await.click().await.unwrap();
    common::yes_to_the_date(client).await;
    wait_text(client, "#upcoming", "15 January 2030").await;
    open_view(client, "questions").await;
    // One at a time: a click while the list is still changing is left as it is, by design, and a
    // loaded machine is slow enough for that to happen.
    for (chosen, id) in ["ask3-options", "ask3-pros-cons", "tki-which"].into_iter().enumerate() {
        find(client, &format!("input[data-question='{id}']")).await.click().await.unwrap();
        let count = if chosen == 0 { "1 question.".to_string() } else { format!("{} questions", chosen + 1) };
        wait_text(client, "p.count", &count).await;
    }
    open_view(client, "notes").await;
    find(client, "#note:not([readonly])").await.send_keys("مرحبا — a note in two scripts").await.unwrap();
    wait_text(client, "#note-status", "Saved").await;
    open_view(client, "record").await;
    let what = "document.querySelector('section[aria-labelledby=diary-title] select').value = 'rash'";
    find(client, "section[aria-labelledby=diary-title] select").await;
    client.execute(what, vec![]).await.unwrap();
    find(client, "section[aria-labelledby=diary-title] button[type=submit]").await.click().await.unwrap();
    wait_text(client, "#diary", "Rash").await;
}

/// Runs axe-core (the npm package the UI installs) on the page as it is, and returns the
/// number of rules it ran and the violations in words.
async fn axe(client: &Client) -> (usize, Vec<String>) {
    let loaded = client.execute("return typeof window.axe", vec![]).await.unwrap();
    if loaded != Value::from("object") {
        let source = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/node_modules/axe-core/axe.min.js"),
        )
        .expect("axe-core is installed (npm ci in ui/)");
        client.execute(&source, vec![]).await.unwrap();
    }
    let script = r#"
        const done = arguments[arguments.length - 1];
        axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
          .then(r => done({
            rules: r.passes.length + r.violations.length + r.incomplete.length + r.inapplicable.length,
            violations: r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' +
              v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\s+/g, ' ')).join(' | ')),
          }))
          .catch(e => done({ rules: 0, violations: ['axe failed: ' + e] }));
    "#;
    let result = client.execute_async(script, vec![]).await.unwrap();
    let rules = result["rules"].as_u64().unwrap_or(0) as usize;
    let violations = result["violations"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect();
    (rules, violations)
}

/// Chooses colours and text size through the Settings screen, as a patient would.
async fn set_screen(client: &Client, theme: &str, high_contrast: bool, size: &str) {
    open_view(client, "settings").await;
    find(client, &format!("input[name=theme][value={theme}]")).await.click().await.unwrap();
    let contrast = find(client, "#high-contrast").await;
    if contrast.prop("checked").await.unwrap().as_deref() != Some(if high_contrast { "true" } else { "false" }) {
        contrast.click().await.unwrap();
    }
    find(client, &format!("input[name=text-size][value={size}]")).await.click().await.unwrap();
    let applied = format!(
        "return document.documentElement.dataset.theme === '{theme}' && document.documentElement.dataset.contrast === '{}' && document.documentElement.dataset.size === '{size}'",
        if high_contrast { "high" } else { "standard" }
    );
    for _ in 0..50 {
        if client.execute(&applied, vec![]).await.unwrap() == Value::Bool(true) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the settings {theme}/{high_contrast}/{size} were not applied");
}

/// Opens `view` and waits until its heading is there and nothing is still loading.
async fn visit(client: &Client, view: &str) {
    open_view(client, view).await;
    let heading = if view == "read" { "article.section h2" } else { "main h2" };
    find(client, heading).await;
    // Lists fill in after the heading; give them a moment so axe sees the full screen.
    tokio::time::sleep(Duration::from_millis(350)).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn axe_finds_no_wcag_violation_on_any_screen_theme_or_text_size() {
    let home = tempfile::tempdir().unwrap();
    let _driver = Driver::start(home.path());
    let client = session(&app_binary()).await;
    client.set_window_size(1366, 768).await.unwrap();
    let mut report: Vec<String> = Vec::new();
    let mut checks = 0;
    let mut rules_seen = 0;

    // The welcome, before anything else.
    find(&client, "#welcome-done").await;
    let (rules, found) = axe(&client).await;
    rules_seen = rules_seen.max(rules);
    checks += 1;
    report.extend(found.into_iter().map(|v| format!("welcome: {v}")));
    pass_welcome(&client).await;
    fill_record(&client).await;

    let combos = [
        ("light", false, "normal"),
        ("dark", false, "normal"),
        ("light", true, "normal"),
        ("dark", true, "normal"),
        ("light", false, "larger"),
        ("dark", false, "larger"),
    ];
    for (theme, high, size) in combos {
        set_screen(&client, theme, high, size).await;
        let label = format!("{theme}{} {size}", if high { " high-contrast" } else { "" });
        for view in VIEWS {
            visit(&client, view).await;
            let (rules, found) = axe(&client).await;
            rules_seen = rules_seen.max(rules);
            checks += 1;
            report.extend(found.into_iter().map(|v| format!("{label} {view}: {v}")));
        }
        // States: search results, a confirmation open, an error shown, a removal's Undo line.
        find(&client, "#search").await.send_keys("brain").await.unwrap();
        wait_text(&client, ".search p.count", "results for").await;
        let (_, found) = axe(&client).await;
        checks += 1;
        report.extend(found.into_iter().map(|v| format!("{label} search results: {v}")));
        client
            .execute(
                "const s = document.getElementById('search'); s.value = ''; s.dispatchEvent(new Event('input'));",
                vec![],
            )
            .await
            .unwrap();

        visit(&client, "appointments").await;
        find(&client, "#upcoming button[aria-label^='Remove']").await.click().await.unwrap();
        find(&client, ".confirm").await;
        let (_, found) = axe(&client).await;
        checks += 1;
        report.extend(found.into_iter().map(|v| format!("{label} confirmation: {v}")));
        find(&client, ".confirm button.secondary").await.click().await.unwrap();

        visit(&client, "record").await;
        find(&client, "section[aria-labelledby=treatments-title] input[data-when]").await;
        let dates =
            "const d = document.querySelectorAll('section[aria-labelledby=treatments-title] input[data-when]');\
                     d[0].value = '2025-03-01'; d[1].value = '2025-02-01';\
                     document.querySelector('section[aria-labelledby=treatments-title] select').value = 'alectinib';";
        client.execute(dates, vec![]).await.unwrap();
        find(&client, "section[aria-labelledby=treatments-title] button[type=submit]").await.click().await.unwrap();
        wait_text(&client, "section[aria-labelledby=treatments-title] .message", "before the start date").await;
        let (_, found) = axe(&client).await;
        checks += 1;
        report.extend(found.into_iter().map(|v| format!("{label} form error: {v}")));

        visit(&client, "record").await;
        find(&client, "#diary button[aria-label^='Remove']").await.click().await.unwrap();
        find(&client, ".confirm button.danger").await.click().await.unwrap();
        find(&client, "button.undo").await;
        let (_, found) = axe(&client).await;
        checks += 1;
        report.extend(found.into_iter().map(|v| format!("{label} undo line: {v}")));
        find(&client, "button.undo").await.click().await.unwrap();
        wait_text(&client, "#diary", "Rash").await;
        if theme == "dark" && !high && size == "normal" {
            visit(&client, "home").await;
            screenshot(&client, "42-home-dark").await;
        }
        if high && theme == "light" {
            visit(&client, "questions").await;
            screenshot(&client, "43-questions-high-contrast").await;
        }
        if size == "larger" && theme == "light" {
            visit(&client, "home").await;
            screenshot(&client, "44-home-200-percent").await;
        }
    }
    println!("axe-core: {rules_seen} rules, {checks} screens and states checked, {} violations", report.len());
    assert!(rules_seen > 40, "axe ran only {rules_seen} rules: it is not working");
    assert!(report.is_empty(), "axe-core found:\n{}", report.join("\n"));
    common::close_and_wait(client).await;
}

/// Geometry on the current screen: sideways scroll, overlapping controls, and how far down the
/// first heading starts, as a fraction of the window's height.
async fn geometry(client: &Client) -> (Option<String>, Vec<String>, f64) {
    let script = r#"
        const wide = document.documentElement.scrollWidth > window.innerWidth + 1;
        const picked = [...document.querySelectorAll('button, input, select, textarea, label, h1, h2, h3, p, li > a, nav, main, header, aside')]
          .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden'; })
          .filter(e => !e.closest('.page, .visually-hidden, .skip-link'));
        const overlaps = [];
        for (let i = 0; i < picked.length && overlaps.length < 5; i++) {
          for (let j = i + 1; j < picked.length; j++) {
            const a = picked[i], b = picked[j];
            if (a.contains(b) || b.contains(a)) continue;
            // A label and its own control sit together by design.
            if ((a.tagName === 'LABEL' && a.control === b) || (b.tagName === 'LABEL' && b.control === a)) continue;
            const r = a.getBoundingClientRect(), s = b.getBoundingClientRect();
            const x = Math.min(r.right, s.right) - Math.max(r.left, s.left);
            const y = Math.min(r.bottom, s.bottom) - Math.max(r.top, s.top);
            if (x > 2 && y > 2) {
              const name = e => e.tagName + (e.id ? '#' + e.id : '') + ':' + (e.innerText || e.value || '').trim().slice(0, 30);
              overlaps.push(name(a) + ' overlaps ' + name(b));
              break;
            }
          }
        }
        const name = e => e.tagName + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).split(' ')[0] : '');
        const beyond = wide ? [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(-3).map(name) : [];
        const h = document.querySelector('main h2');
        const top = h ? (h.getBoundingClientRect().top + window.scrollY) / window.innerHeight : 1;
        return { wide, overlaps, top, beyond };
    "#;
    let r = client.execute(script, vec![]).await.unwrap();
    let overlaps = r["overlaps"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect();
    let wide = r["wide"].as_bool().unwrap().then(|| r["beyond"].to_string());
    (wide, overlaps, r["top"].as_f64().unwrap())
}

#[tokio::test(flavor = "multi_thread")]
async fn no_sideways_scroll_or_overlap_at_common_sizes_and_200_percent_text() {
    let home = tempfile::tempdir().unwrap();
    let _driver = Driver::start(home.path());
    let client = common::connect().await;
    fill_record(&client).await;
    let mut problems = Vec::new();
    let mut measured = 0;
    for (width, height, size) in
        [(1366, 768, "normal"), (800, 600, "normal"), (1366, 768, "larger"), (800, 600, "larger")]
    {
        client.set_window_size(width, height).await.unwrap();
        set_screen(&client, "light", false, size).await;
        let mut worst: f64 = 0.0;
        for view in VIEWS {
            visit(&client, view).await;
            let (wide, overlaps, top) = geometry(&client).await;
            measured += 1;
            worst = worst.max(top);
            let at = format!("{width}x{height} {size} {view}");
            if let Some(beyond) = wide {
                problems.push(format!("{at}: the page scrolls sideways ({beyond} reach past the edge)"));
            }
            problems.extend(overlaps.into_iter().map(|o| format!("{at}: {o}")));
            if (width, size) == (1366, "normal") && top > 0.25 {
                problems.push(format!("{at}: the first heading starts {:.0}% down the window", top * 100.0));
            }
        }
        println!("{width}x{height} text {size}: first heading at most {:.0}% down the window", worst * 100.0);
        visit(&client, "home").await;
        screenshot(&client, &format!("45-home-{width}x{height}-{size}")).await;
    }
    println!("geometry: {measured} screens measured, {} problems", problems.len());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    common::close_and_wait(client).await;
}
