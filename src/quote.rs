//! How much of the input a message quotes: enough to recognise a value, never so much that a
//! hostile input makes a message as large as itself.

/// The longest stretch of input a message quotes, in bytes: a field name, an id, a date or a
/// value of ten megabytes is cut here, with a marker, so that a message stays small whatever
/// the input.
pub(crate) const MAX_QUOTED: usize = 64;

/// `s` cut to `max` bytes at a character boundary, with "…" where it was cut.
pub(crate) fn cut(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_owned();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &s[..end])
}
