//! Output formats. Each renderer writes to any `io::Write`, so tests and files use the same code.

pub mod json;
pub mod text;

/// Whether text output is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    pub color: bool,
}
