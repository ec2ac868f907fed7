//! The tagged PDF (PDF/UA-1): every piece of content is marked as it is drawn, and the structure
//! tree built from those marks lets a screen reader read the pack in order, with its headings,
//! lists and tables. Lines, rules and page footers are marked as artifacts, which readers skip.

use std::collections::BTreeMap;

use lopdf::{Dictionary, Object, ObjectId, StringFormat};
use printpdf::{DictItem, Op};

use super::bidi::has_right_to_left;
use super::phrases::{labelled, step_state};

/// What a group is to a reader who cannot see the page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Structure {
    /// Text: one paragraph, however many lines.
    Paragraph,
    /// A heading `depth` levels below the pack's title (the title is 0, a part 1, a topic 2, a
    /// question 3). Pieces from `body_from` on are not the heading but a paragraph under it: the
    /// patient's name under the title, a question's answer.
    Heading { depth: u8, body_from: usize },
    /// A checklist step: a list item whose label is its tick box, spoken as done or not done.
    Step { done: bool },
    /// A table's header row of N columns, which starts a table.
    TableHeader(usize),
    /// A row of the table above.
    TableRow(usize),
    /// A drawing, with the words a reader hears in its place.
    Figure(String),
}

impl Structure {
    /// Whether a group's piece is the text under its heading rather than the heading.
    pub(crate) fn is_body(&self, piece: usize) -> bool {
        matches!(self, Structure::Heading { body_from, .. } if piece >= *body_from)
    }

    /// A heading whose every line is heading.
    pub(crate) fn heading(depth: u8) -> Structure {
        Structure::Heading { depth, body_from: usize::MAX }
    }
}

/// Which part of a piece a mark holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Slot {
    Text,
    /// A table cell's line, by column.
    Cell(usize),
    TickBox,
}

/// One marked piece of content on a page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Mark {
    pub group: usize,
    pub piece: usize,
    pub slot: Slot,
    pub page: usize,
    pub mcid: i64,
}

/// Hands out marked-content ids page by page while the pages are drawn, and keeps what each holds.
#[derive(Debug, Default)]
pub(crate) struct Marker {
    next: Vec<i64>,
    /// The group, piece, page and part (a heading or the text under it) of what is drawn next.
    at: (usize, usize, usize, bool),
    /// The last sequence closed, while nothing has been drawn after it: what it held and where its
    /// page's operations ended. The next line of the same text joins it, so a paragraph is one mark.
    open_tail: Option<((usize, Slot, usize, bool), usize)>,
    /// The same for the last artifact: its page, and where that page's operations ended.
    artifact_tail: Option<(usize, usize)>,
    pub marks: Vec<Mark>,
}

impl Marker {
    /// The group, the piece within it and the page of what is drawn next; `body` when the piece is
    /// the text under a heading rather than the heading.
    pub(crate) fn at(&mut self, group: usize, piece: usize, page: usize, body: bool) {
        self.at = (group, piece, page, body);
    }

    /// Draws content inside a marked-content sequence of its own. A line of `text` drawn in another
    /// order than it was typed (right to left) carries the typed order, for reading and copying.
    pub(crate) fn content(
        &mut self,
        ops: &mut Vec<Op>,
        slot: Slot,
        text: Option<&str>,
        draw: impl FnOnce(&mut Vec<Op>),
    ) {
        let (group, piece, page, body) = self.at;
        let key = (group, slot, page, body);
        let right_to_left = text.is_some_and(has_right_to_left);
        if !right_to_left && self.open_tail == Some((key, ops.len())) {
            ops.pop();
            draw(ops);
            ops.push(Op::EndMarkedContent);
            self.open_tail = Some((key, ops.len()));
            return;
        }
        if self.next.len() <= page {
            self.next.resize(page + 1, 0);
        }
        let mcid = self.next[page];
        self.next[page] += 1;
        let mut map = BTreeMap::from([("MCID".to_string(), DictItem::Int(mcid))]);
        if let Some(text) = text.filter(|_| right_to_left) {
            map.insert("ActualText".to_string(), DictItem::String { data: utf16(text), literal: false });
        }
        let properties = DictItem::Dict { map };
        ops.push(Op::BeginMarkedContentWithProperties { tag: "Span".into(), properties });
        draw(ops);
        ops.push(Op::EndMarkedContent);
        // A right-to-left line keeps its own mark, for its own words in the order typed.
        self.open_tail = (!right_to_left).then_some((key, ops.len()));
        self.marks.push(Mark { group, piece, slot, page, mcid });
    }

    /// Draws what a reader skips: a question's answer lines go in one sequence.
    pub(crate) fn artifact(&mut self, ops: &mut Vec<Op>, draw: impl FnOnce(&mut Vec<Op>)) {
        let page = self.at.2;
        if self.artifact_tail == Some((page, ops.len())) {
            ops.pop();
        } else {
            ops.push(Op::BeginMarkedContent { tag: "Artifact".into() });
        }
        draw(ops);
        ops.push(Op::EndMarkedContent);
        self.artifact_tail = Some((page, ops.len()));
    }
}

/// Draws a page's footer, marked as what it is, which readers skip.
pub(crate) fn footer(ops: &mut Vec<Op>, draw: impl FnOnce(&mut Vec<Op>)) {
    let name = |n: &str| DictItem::Name(n.as_bytes().to_vec());
    let map = BTreeMap::from([("Type".to_string(), name("Pagination")), ("Subtype".to_string(), name("Footer"))]);
    ops.push(Op::BeginMarkedContentWithProperties { tag: "Artifact".into(), properties: DictItem::Dict { map } });
    draw(ops);
    ops.push(Op::EndMarkedContent);
}

/// An element of the structure tree before it is written.
struct Element {
    role: &'static str,
    parent: usize,
    kids: Vec<Kid>,
    /// Read in place of the element's content: a figure's description, a tick box's state.
    alt: Option<String>,
    actual_text: Option<String>,
    /// A header cell, for the column below it.
    column_header: bool,
}

enum Kid {
    Element(usize),
    /// A page (from 0) and a marked-content id on it.
    Mark(usize, i64),
}

/// The structure tree in reading order, built from the marks and the groups' structures.
struct Tree {
    elements: Vec<Element>,
    /// For each page, the element that holds each marked-content id.
    owners: Vec<BTreeMap<i64, usize>>,
}

impl Tree {
    fn add(&mut self, role: &'static str, parent: usize) -> usize {
        let element = Element { role, parent, kids: Vec::new(), alt: None, actual_text: None, column_header: false };
        self.elements.push(element);
        let index = self.elements.len() - 1;
        self.elements[parent].kids.push(Kid::Element(index));
        index
    }

    fn hold(&mut self, element: usize, mark: &Mark) {
        self.elements[element].kids.push(Kid::Mark(mark.page, mark.mcid));
        if self.owners.len() <= mark.page {
            self.owners.resize(mark.page + 1, BTreeMap::new());
        }
        self.owners[mark.page].insert(mark.mcid, element);
    }

    /// An element holding these marks, unless there are none.
    fn add_holding(&mut self, role: &'static str, parent: usize, marks: &[&Mark]) -> Option<usize> {
        if marks.is_empty() {
            return None;
        }
        let element = self.add(role, parent);
        for mark in marks {
            self.hold(element, mark);
        }
        Some(element)
    }

    fn build(structures: &[Structure], marks: &[Mark]) -> Tree {
        let document = Element {
            role: "Document",
            parent: 0,
            kids: Vec::new(),
            alt: None,
            actual_text: None,
            column_header: false,
        };
        let mut tree = Tree { elements: vec![document], owners: Vec::new() };
        // The first heading is H1: the title, or the first part when there is no front page.
        let has_title = structures.iter().any(|s| matches!(s, Structure::Heading { depth: 0, .. }));
        let level = |depth: u8| if has_title { depth + 1 } else { depth.max(1) };
        let (mut list, mut table) = (None, None);
        // The marks come in the order drawn, so each group's are together.
        let mut rest = marks;
        for (group, structure) in structures.iter().enumerate() {
            let count = rest.iter().take_while(|m| m.group == group).count();
            let (mine, after) = rest.split_at(count);
            rest = after;
            let own: Vec<&Mark> = mine.iter().collect();
            if !matches!(structure, Structure::Step { .. }) {
                list = None;
            }
            match structure {
                Structure::Paragraph => {
                    tree.add_holding("P", 0, &own);
                }
                Structure::Heading { depth, body_from } => {
                    let (heading, body): (Vec<&Mark>, Vec<&Mark>) = own.iter().partition(|m| m.piece < *body_from);
                    let role = ["H1", "H2", "H3", "H4", "H5", "H6"][usize::from(level(*depth)).clamp(1, 6) - 1];
                    tree.add_holding(role, 0, &heading);
                    tree.add_holding("P", 0, &body);
                }
                Structure::Step { done } => {
                    let list = *list.get_or_insert_with(|| tree.add("L", 0));
                    let item = tree.add("LI", list);
                    let (tick, body): (Vec<&Mark>, Vec<&Mark>) = own.iter().partition(|m| m.slot == Slot::TickBox);
                    if let Some(label) = tree.add_holding("Lbl", item, &tick) {
                        tree.elements[label].actual_text = Some(labelled(step_state(*done), ""));
                    }
                    tree.add_holding("LBody", item, &body);
                }
                Structure::TableHeader(columns) => {
                    let new = tree.add("Table", 0);
                    table = Some(new);
                    tree.row(new, "TH", *columns, &own);
                }
                Structure::TableRow(columns) => {
                    let parent = *table.get_or_insert_with(|| tree.add("Table", 0));
                    tree.row(parent, "TD", *columns, &own);
                }
                Structure::Figure(words) => {
                    if let Some(figure) = tree.add_holding("Figure", 0, &own) {
                        tree.elements[figure].alt = Some(words.clone());
                    }
                }
            }
        }
        tree
    }

    /// A table row: a cell per column, each holding its lines; an empty cell stays, so columns line up.
    fn row(&mut self, table: usize, role: &'static str, columns: usize, marks: &[&Mark]) {
        let row = self.add("TR", table);
        for column in 0..columns {
            let cell = self.add(role, row);
            self.elements[cell].column_header = role == "TH";
            for mark in marks.iter().filter(|m| m.slot == Slot::Cell(column)) {
                self.hold(cell, mark);
            }
        }
    }
}

/// What the catalog says of the whole document.
pub(crate) struct Document<'a> {
    pub title: &'a str,
    /// Each part's title and the page (from 0) it starts on, in the parts' order.
    pub bookmarks: &'a [(String, usize)],
    /// In points: a bookmark opens its page at the top, at the zoom the reader has chosen.
    pub page_height: f32,
    pub author: &'a str,
    pub language: &'a str,
    /// When it was made, as XMP writes it: `2026-12-03T09:30:00Z`.
    pub created: String,
}

/// Writes the structure tree, the language, the title shown in the window and the XMP metadata
/// that names PDF/UA-1 into a document printpdf has written.
pub(crate) fn tag(pdf: &mut lopdf::Document, structures: &[Structure], marks: &[Mark], about: &Document) {
    let tree = Tree::build(structures, marks);
    let pages: Vec<ObjectId> = pdf.get_pages().into_values().collect();
    let root_id = pdf.new_object_id();
    let ids: Vec<ObjectId> = tree.elements.iter().map(|_| pdf.new_object_id()).collect();
    for (index, element) in tree.elements.iter().enumerate() {
        // The element's page is its first mark's; a mark on that page is just its number.
        let own_page = element.kids.iter().find_map(|kid| match kid {
            Kid::Mark(page, _) => Some(*page),
            Kid::Element(_) => None,
        });
        let kids: Vec<Object> = element
            .kids
            .iter()
            .filter_map(|kid| match kid {
                Kid::Element(child) => Some(Object::Reference(ids[*child])),
                Kid::Mark(page, mcid) if Some(*page) == own_page => Some(Object::Integer(*mcid)),
                Kid::Mark(page, mcid) => pages.get(*page).map(|&page| {
                    Object::Dictionary(Dictionary::from_iter([
                        ("Type", Object::Name(b"MCR".to_vec())),
                        ("Pg", Object::Reference(page)),
                        ("MCID", Object::Integer(*mcid)),
                    ]))
                }),
            })
            .collect();
        let parent = if index == 0 { root_id } else { ids[element.parent] };
        let mut dict = Dictionary::from_iter([
            ("S", Object::Name(element.role.as_bytes().to_vec())),
            ("P", Object::Reference(parent)),
            ("K", Object::Array(kids)),
        ]);
        if let Some(&page) = own_page.and_then(|page| pages.get(page)) {
            dict.set("Pg", Object::Reference(page));
        }
        if let Some(alt) = &element.alt {
            dict.set("Alt", text_string(alt));
        }
        if let Some(actual) = &element.actual_text {
            dict.set("ActualText", text_string(actual));
        }
        if element.column_header {
            let attributes = Dictionary::from_iter([
                ("O", Object::Name(b"Table".to_vec())),
                ("Scope", Object::Name(b"Column".to_vec())),
            ]);
            dict.set("A", Object::Dictionary(attributes));
        }
        pdf.objects.insert(ids[index], Object::Dictionary(dict));
    }

    // Each page's marked-content ids, in order, point back at the element that holds them.
    let mut nums = Vec::new();
    for (index, &page) in pages.iter().enumerate() {
        let owners = tree.owners.get(index).cloned().unwrap_or_default();
        nums.push(Object::Integer(index as i64));
        nums.push(Object::Array(owners.values().map(|&element| Object::Reference(ids[element])).collect()));
        if let Ok(dict) = pdf.get_dictionary_mut(page) {
            dict.set("StructParents", Object::Integer(index as i64));
            // Readers move between fields and links in the order of the structure.
            dict.set("Tabs", Object::Name(b"S".to_vec()));
        }
    }
    let parent_tree = Dictionary::from_iter([("Nums", Object::Array(nums))]);
    let root = Dictionary::from_iter([
        ("Type", Object::Name(b"StructTreeRoot".to_vec())),
        ("K", Object::Array(vec![Object::Reference(ids[0])])),
        ("ParentTree", Object::Dictionary(parent_tree)),
        ("ParentTreeNextKey", Object::Integer(pages.len() as i64)),
    ]);
    pdf.objects.insert(root_id, Object::Dictionary(root));

    let metadata = lopdf::Stream::new(
        Dictionary::from_iter([
            ("Type", Object::Name(b"Metadata".to_vec())),
            ("Subtype", Object::Name(b"XML".to_vec())),
        ]),
        xmp(about).into_bytes(),
    );
    let metadata_id = pdf.add_object(metadata);
    let catalog = pdf.trailer.get(b"Root").and_then(Object::as_reference).ok();
    if let Some(catalog) = catalog.and_then(|id| pdf.get_dictionary_mut(id).ok()) {
        catalog.set("StructTreeRoot", Object::Reference(root_id));
        catalog.set("MarkInfo", Object::Dictionary(Dictionary::from_iter([("Marked", Object::Boolean(true))])));
        catalog.set("Lang", text_string(about.language));
        catalog.set("Metadata", Object::Reference(metadata_id));
        let preferences = Dictionary::from_iter([("DisplayDocTitle", Object::Boolean(true))]);
        catalog.set("ViewerPreferences", Object::Dictionary(preferences));
    }
    if let Some(outline) = outline(pdf, &pages, about) {
        if let Some(catalog) = catalog.and_then(|id| pdf.get_dictionary_mut(id).ok()) {
            catalog.set("Outlines", Object::Reference(outline));
            // The bookmarks show when the pack opens, so a reader can jump to a part.
            catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
        }
    }
    let info = pdf.trailer.get(b"Info").and_then(Object::as_reference);
    if let Ok(info) = info.and_then(|id| pdf.get_dictionary_mut(id)) {
        info.set("Title", text_string(about.title));
    }
    pdf.version = "1.7".into();
}

/// The bookmarks in the parts' order (printpdf would sort a page's by title), each opening its
/// page at the top.
fn outline(pdf: &mut lopdf::Document, pages: &[ObjectId], about: &Document) -> Option<ObjectId> {
    let marks: Vec<(&String, ObjectId)> =
        about.bookmarks.iter().filter_map(|(title, page)| Some((title, *pages.get(*page)?))).collect();
    if marks.is_empty() {
        return None;
    }
    let root = pdf.new_object_id();
    let ids: Vec<ObjectId> = marks.iter().map(|_| pdf.new_object_id()).collect();
    for (index, &(title, page)) in marks.iter().enumerate() {
        let top = [Object::Integer(0), Object::Real(about.page_height), Object::Null];
        let destination = [vec![Object::Reference(page), Object::Name(b"XYZ".to_vec())], top.to_vec()].concat();
        let mut item = Dictionary::from_iter([
            ("Title", text_string(title)),
            ("Parent", Object::Reference(root)),
            ("Dest", Object::Array(destination)),
        ]);
        if let Some(previous) = index.checked_sub(1) {
            item.set("Prev", Object::Reference(ids[previous]));
        }
        if let Some(&next) = ids.get(index + 1) {
            item.set("Next", Object::Reference(next));
        }
        pdf.objects.insert(ids[index], Object::Dictionary(item));
    }
    let outlines = Dictionary::from_iter([
        ("Type", Object::Name(b"Outlines".to_vec())),
        ("First", Object::Reference(ids[0])),
        ("Last", Object::Reference(ids[ids.len() - 1])),
        ("Count", Object::Integer(ids.len() as i64)),
    ]);
    pdf.objects.insert(root, Object::Dictionary(outlines));
    Some(root)
}

/// A PDF text string: plain bytes when ASCII, else UTF-16 with its byte-order mark.
fn text_string(text: &str) -> Object {
    if text.is_ascii() {
        return Object::String(text.as_bytes().to_vec(), StringFormat::Literal);
    }
    Object::String(utf16(text), StringFormat::Hexadecimal)
}

fn utf16(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    bytes
}

/// The XMP metadata: the title, author and language, and the PDF/UA-1 identification.
fn xmp(about: &Document) -> String {
    let escape =
        |text: &str| text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
    format!(
        r#"<?xpacket begin="{bom}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
<dc:language><rdf:Bag><rdf:li>{language}</rdf:li></rdf:Bag></dc:language>
<pdf:Producer>ALK Companion</pdf:Producer>
<xmp:CreatorTool>ALK Companion</xmp:CreatorTool>
<xmp:CreateDate>{created}</xmp:CreateDate>
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"#,
        bom = '\u{FEFF}',
        title = escape(about.title),
        author = escape(about.author),
        language = escape(about.language),
        created = about.created,
    )
}
