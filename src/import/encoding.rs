//! Text files' bytes → UTF-8: byte-order marks, UTF-16 LE/BE, Windows-1252 re-saves, and
//! Excel's `sep=` preamble.
//!
//! Meta's page-level files are UTF-16 LE with a `sep=,` first line; its post exports are UTF-8
//! with a BOM; a spreadsheet re-save may be Windows-1252. Valid UTF-8 is borrowed, never
//! copied. This module only decodes: it must not split rows or interpret cells.

use std::borrow::Cow;

/// How the file's text was encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextEncoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    /// Not valid UTF-8: read as Windows-1252, what Excel writes for "CSV" on Western locales.
    Windows1252,
}

impl TextEncoding {
    /// The name a person reads in a message.
    pub(crate) fn describe(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8 with BOM",
            TextEncoding::Utf16Le => "UTF-16 LE",
            TextEncoding::Utf16Be => "UTF-16 BE",
            TextEncoding::Windows1252 => "Windows-1252",
        }
    }
}

/// A file's text as UTF-8, with what was found on the way.
#[derive(Debug)]
pub(crate) struct DecodedText<'a> {
    pub text: Cow<'a, [u8]>,
    pub encoding: TextEncoding,
    /// The delimiter named by an Excel `sep=X` first line, which was removed from `text`.
    pub declared_delimiter: Option<u8>,
    /// Lines removed from the start (the `sep=` line), so row numbers still match the file.
    pub lines_removed: u64,
}

/// Decodes `bytes` to UTF-8, borrowing when they already are UTF-8.
pub(crate) fn decode(bytes: &[u8]) -> DecodedText<'_> {
    let (text, encoding): (Cow<'_, [u8]>, TextEncoding) =
        if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
            utf8_or_windows_1252(rest, TextEncoding::Utf8Bom)
        } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
            (utf16(rest, true), TextEncoding::Utf16Le)
        } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
            (utf16(rest, false), TextEncoding::Utf16Be)
        } else if let Some(little_endian) = looks_like_utf16_without_bom(bytes) {
            let encoding = if little_endian {
                TextEncoding::Utf16Le
            } else {
                TextEncoding::Utf16Be
            };
            (utf16(bytes, little_endian), encoding)
        } else {
            utf8_or_windows_1252(bytes, TextEncoding::Utf8)
        };
    let (text, declared_delimiter, lines_removed) = strip_sep_preamble(text);
    DecodedText {
        text,
        encoding,
        declared_delimiter,
        lines_removed,
    }
}

fn utf8_or_windows_1252(bytes: &[u8], as_utf8: TextEncoding) -> (Cow<'_, [u8]>, TextEncoding) {
    if std::str::from_utf8(bytes).is_ok() {
        return (Cow::Borrowed(bytes), as_utf8);
    }
    let text: String = bytes.iter().map(|byte| windows_1252(*byte)).collect();
    (Cow::Owned(text.into_bytes()), TextEncoding::Windows1252)
}

/// Windows-1252 is Latin-1 except for 0x80–0x9F, which hold these (the unassigned five
/// become U+FFFD). A table of 32 instead of a general decoder: the wasm module stays small.
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{fffd}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{fffd}', 'Ž',
        '\u{fffd}', '\u{fffd}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ',
        '\u{fffd}', 'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH
            .get(usize::from(byte - 0x80))
            .copied()
            .unwrap_or('\u{fffd}'),
        _ => char::from(byte),
    }
}

/// Decodes UTF-16 with std alone; unpaired surrogates become U+FFFD, a trailing odd byte is
/// dropped.
fn utf16(bytes: &[u8], little_endian: bool) -> Cow<'static, [u8]> {
    let units = bytes.chunks_exact(2).map(|pair| match pair {
        [a, b] if little_endian => u16::from_le_bytes([*a, *b]),
        [a, b] => u16::from_be_bytes([*a, *b]),
        _ => 0xFFFD,
    });
    let text: String = char::decode_utf16(units)
        .map(|unit| unit.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    Cow::Owned(text.into_bytes())
}

/// UTF-16 text without a BOM still shows itself: mostly-ASCII text has a zero byte in every
/// other position. Returns `Some(true)` for little endian.
fn looks_like_utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    let sample = bytes.get(..bytes.len().min(512))?;
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zeros_at = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|byte| **byte == 0)
            .count()
    };
    let (even_zeros, odd_zeros) = (zeros_at(0), zeros_at(1));
    if odd_zeros * 10 >= pairs * 6 && even_zeros * 10 < pairs {
        Some(true)
    } else if even_zeros * 10 >= pairs * 6 && odd_zeros * 10 < pairs {
        Some(false)
    } else {
        None
    }
}

/// Removes an Excel `sep=X` first line (also quoted, `"sep=,"`) and returns the delimiter.
fn strip_sep_preamble(text: Cow<'_, [u8]>) -> (Cow<'_, [u8]>, Option<u8>, u64) {
    let line_end = text
        .iter()
        .position(|byte| *byte == b'\n')
        .unwrap_or(text.len());
    let Some(first_line) = text.get(..line_end) else {
        return (text, None, 0);
    };
    let trimmed = trim_ascii_and_quotes(first_line);
    let delimiter = match trimmed
        .strip_prefix(b"sep=")
        .or_else(|| trimmed.strip_prefix(b"SEP="))
    {
        Some([delimiter]) => *delimiter,
        Some([]) if first_line.contains(&b'\t') => b'\t',
        _ => return (text, None, 0),
    };
    let rest_start = (line_end + 1).min(text.len());
    let rest = match text {
        Cow::Borrowed(bytes) => Cow::Borrowed(bytes.get(rest_start..).unwrap_or_default()),
        Cow::Owned(mut bytes) => {
            bytes.drain(..rest_start);
            Cow::Owned(bytes)
        }
    };
    (rest, Some(delimiter), 1)
}

fn trim_ascii_and_quotes(bytes: &[u8]) -> &[u8] {
    let is_junk = |byte: &u8| byte.is_ascii_whitespace() || *byte == b'"';
    let start = bytes
        .iter()
        .position(|b| !is_junk(b))
        .unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|b| !is_junk(b))
        .map_or(start, |end| end + 1);
    bytes.get(start..end).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str, bom: bool) -> Vec<u8> {
        let mut out = if bom { vec![0xFF, 0xFE] } else { vec![] };
        for unit in text.encode_utf16() {
            out.extend(unit.to_le_bytes());
        }
        out
    }

    fn check(bytes: &[u8], text: &str, encoding: TextEncoding, delimiter: Option<u8>) {
        let decoded = decode(bytes);
        assert_eq!(std::str::from_utf8(&decoded.text).unwrap(), text);
        assert_eq!(decoded.encoding, encoding);
        assert_eq!(decoded.declared_delimiter, delimiter);
    }

    #[test]
    fn decodes_every_encoding_the_platforms_write() {
        check(b"a,b\n1,2\n", "a,b\n1,2\n", TextEncoding::Utf8, None);
        check(
            b"\xEF\xBB\xBFPost ID,Views\n",
            "Post ID,Views\n",
            TextEncoding::Utf8Bom,
            None,
        );
        let meta = "sep=,\n\"Facebook follows\"\n\"Date\",\"Primary\"\n";
        check(
            &utf16le(meta, true),
            "\"Facebook follows\"\n\"Date\",\"Primary\"\n",
            TextEncoding::Utf16Le,
            Some(b','),
        );
        check(
            &utf16le("Date,Views\r\n", false),
            "Date,Views\r\n",
            TextEncoding::Utf16Le,
            None,
        );
        let be: Vec<u8> = "Datum;Aufrufe\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        check(&be, "Datum;Aufrufe\n", TextEncoding::Utf16Be, None);
        check(
            b"Ver\xF6ffentlicht;Aufrufe\n",
            "Veröffentlicht;Aufrufe\n",
            TextEncoding::Windows1252,
            None,
        );
        check(
            b"\x93Brot\x94 \x80\n",
            "\u{201c}Brot\u{201d} \u{20ac}\n",
            TextEncoding::Windows1252,
            None,
        );
        check(
            b"\"sep=;\"\r\nDatum;Aufrufe\r\n",
            "Datum;Aufrufe\r\n",
            TextEncoding::Utf8,
            Some(b';'),
        );
    }
}
