//! Lines and columns of template keys, found in the text: serde's values carry no positions,
//! and a key of the `Resources` map is unique by definition.

/// Where the keys of one template are.
pub struct Locator<'t> {
    lines: Vec<&'t str>,
    /// The line index of the `Resources` key, to search resources below it.
    resources_line: usize,
}

/// A key's position, 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

impl<'t> Locator<'t> {
    pub fn new(text: &'t str) -> Self {
        let lines: Vec<&str> = text.lines().collect();
        let resources_line = (0..lines.len()).find(|&i| key_column(lines[i], "Resources").is_some()).unwrap_or(0);
        Locator { lines, resources_line }
    }

    /// The line of a resource's logical id, and the line its block ends before.
    pub fn resource(&self, logical_id: &str) -> Option<(Pos, usize)> {
        let start =
            (self.resources_line..self.lines.len()).find(|&i| key_column(self.lines[i], logical_id).is_some())?;
        let column = key_column(self.lines[start], logical_id)?;
        let indent = indent_of(self.lines[start]);
        // YAML: the block ends at the next line indented no deeper; JSON: at the next key of
        // the same indentation (a good enough bound for keys searched inside it).
        let end = (start + 1..self.lines.len())
            .find(|&i| {
                let l = self.lines[i];
                let t = l.trim();
                !t.is_empty() && !t.starts_with('#') && indent_of(l) <= indent && !t.starts_with('}')
            })
            .unwrap_or(self.lines.len());
        Some((Pos { line: line_no(start), column: column as u32 + 1 }, end))
    }

    /// The first line, inside a resource's block, of a key (a property name).
    pub fn key_in(&self, start_line: u32, end: usize, key: &str) -> Option<Pos> {
        let from = start_line as usize;
        (from..end.min(self.lines.len()))
            .find_map(|i| key_column(self.lines[i], key).map(|c| Pos { line: line_no(i), column: c as u32 + 1 }))
    }

    pub fn lines(&self) -> &[&'t str] {
        &self.lines
    }
}

fn line_no(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// The column (0-based) where `key` starts when the line declares it (`Key:`, `"Key":`,
/// `'Key':`, a YAML list item `- Key:`), else `None`.
pub fn key_column(line: &str, key: &str) -> Option<usize> {
    let indent = indent_of(line);
    let mut rest = &line[indent..];
    let mut col = indent;
    if let Some(r) = rest.strip_prefix("- ") {
        col += 2 + (r.len() - r.trim_start().len());
        rest = r.trim_start();
    }
    for quote in ["\"", "'", ""] {
        if let Some(r) = rest.strip_prefix(quote).and_then(|r| r.strip_prefix(key)).and_then(|r| r.strip_prefix(quote))
        {
            if r.trim_start().starts_with(':') {
                return Some(col);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_resources_and_their_keys() {
        let text = "Parameters:\n  Bucket:\n    Type: String\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    \
                    Properties:\n      BucketName: x\n  Other:\n    Type: AWS::SQS::Queue\n";
        let loc = Locator::new(text);
        let (pos, end) = loc.resource("Bucket").unwrap();
        assert_eq!(pos, Pos { line: 5, column: 3 });
        assert_eq!(loc.key_in(pos.line, end, "BucketName"), Some(Pos { line: 8, column: 7 }));
        assert_eq!(loc.key_in(pos.line, end, "Type").unwrap().line, 6);
        assert_eq!(loc.resource("Other").unwrap().0.line, 9);
        let json = "{\n  \"Resources\": {\n    \"Q\": {\"Type\": \"AWS::SQS::Queue\"}\n  }\n}";
        assert_eq!(Locator::new(json).resource("Q").unwrap().0, Pos { line: 3, column: 5 });
    }
}
