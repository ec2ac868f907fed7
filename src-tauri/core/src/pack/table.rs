//! Tables: a header row, then each row wrapped within its columns and kept together on one page.

use super::composition::Builder;
use super::fonts::Face;
use super::layout::{Group, Piece, Tag};
use super::lines::wrap;
use super::tags::Structure;

impl Builder<'_> {
    /// A table of four columns at the small size: a header row, then each row wrapped within its
    /// column and kept together on one page.
    pub(super) fn table(
        &self,
        groups: &mut Vec<Group>,
        header: [&str; 4],
        rows: &[[String; 4]],
        widths: [f32; 4],
        empty: &str,
    ) {
        if rows.is_empty() {
            groups.push(Self::block(self.lines(empty, Face::Regular, self.m.body, 0.0)));
            return;
        }
        self.rows(groups, (header, widths), rows, (self.m.small, false));
    }

    /// A header row and the rows of a table of N columns; each row is kept together on one page.
    /// Tight tables rule off only the header and the last row.
    pub(super) fn rows<const N: usize>(
        &self,
        groups: &mut Vec<Group>,
        (header, widths): ([&str; N], [f32; N]),
        rows: &[[String; N]],
        (size, tight): (f32, bool),
    ) {
        let total = self.m.text_width();
        let mut offsets = [0.0; N];
        for i in 1..N {
            offsets[i] = offsets[i - 1] + widths[i - 1] * total;
        }
        let row_pieces = |cells: [&str; N], face: Face, divider: bool| -> Vec<Piece> {
            let wrapped: Vec<Vec<String>> =
                (0..N).map(|i| wrap(self.fonts, cells[i], face, size, widths[i] * total - 8.0)).collect();
            let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
            let mut pieces: Vec<Piece> = (0..height)
                .map(|line| Piece::Cells {
                    cells: (0..N).map(|i| (offsets[i], wrapped[i].get(line).cloned().unwrap_or_default())).collect(),
                    face,
                    size,
                    tight,
                })
                .collect();
            if divider {
                pieces.push(Piece::Divider);
            }
            pieces
        };
        let header_pieces = row_pieces(header, Face::Bold, true);
        let header_group = Self::block(header_pieces);
        groups.push(Group { keep_with_next: true, structure: Structure::TableHeader(N), ..header_group });
        for (index, row) in rows.iter().enumerate() {
            let divider = !tight || index + 1 == rows.len();
            let pieces = row_pieces(std::array::from_fn(|i| row[i].as_str()), Face::Regular, divider);
            let tag = Some(Tag::Row(self.rows.replace(self.rows.get() + 1)));
            groups.push(Group { tag, structure: Structure::TableRow(N), ..Self::block(pieces) });
        }
    }
}
