//! Export bytes → sheets of rows: CSV/TSV text (any encoding, `,` `;` or tab), XLSX
//! workbooks, and ZIP archives of CSV files (YouTube's advanced-mode export).
//!
//! Every row reaches the importers as a [`csv::ByteRecord`] holding UTF-8 cells, with the row
//! number a person sees in a text editor or spreadsheet. CSV text is borrowed from the
//! caller's bytes whenever it already is UTF-8, and rows are read one at a time. This module
//! knows nothing of platforms or metrics; it must not interpret a cell.

use std::borrow::Cow;
use std::io::{Cursor, Read};

use calamine::{Data, Reader};
use csv::ByteRecord;

use super::encoding::{decode, TextEncoding};
use super::error::{ImportError, Result};

/// The largest archive content the importer unpacks (a guard against ZIP bombs, sized for a
/// browser tab's memory; real advanced-mode exports unpack to a few megabytes).
const MAX_UNPACKED_BYTES: u64 = 512 << 20;
/// The most entries an archive may hold.
const MAX_ENTRIES: usize = 2_000;

/// One table of rows: a CSV file, a ZIP entry or an XLSX worksheet.
#[derive(Debug)]
pub(crate) struct Sheet<'a> {
    /// Where it is, for provenance and messages: `file.csv`, `file.xlsx › Metrics`.
    pub location: String,
    /// The worksheet or ZIP entry name (`Metrics`, `Table data.csv`), or a lone CSV's name.
    pub name: String,
    pub body: SheetBody<'a>,
}

/// The rows of a sheet, still packed.
#[derive(Debug)]
pub(crate) enum SheetBody<'a> {
    Text {
        text: Cow<'a, [u8]>,
        delimiter: u8,
        encoding: TextEncoding,
        first_line: u64,
    },
    Grid {
        range: calamine::Range<Data>,
    },
}

/// What a file turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Container {
    Text,
    Xlsx,
    Zip,
}

/// Opens a file: decides its container and lists its sheets. Nothing is parsed row by row
/// yet, except to guess a CSV delimiter from its first lines.
pub(crate) fn open<'a>(name: &str, bytes: &'a [u8]) -> Result<(Container, Vec<Sheet<'a>>)> {
    let without_bom = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if without_bom.iter().all(|byte| byte.is_ascii_whitespace()) {
        return Err(ImportError::Empty {
            file: name.to_owned(),
        });
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return open_archive(name, bytes);
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        return open_xls(name, bytes);
    }
    if let Some(what) = binary_format(bytes) {
        return Err(ImportError::UnsupportedFormat {
            file: name.to_owned(),
            what,
            hint: "download the platform's CSV or XLSX export and import that",
        });
    }
    // A lone CSV's own name is its "sheet" name (`Totals.csv`), as inside a ZIP.
    let base_name = name.rsplit(['/', '\\']).next().unwrap_or(name).to_owned();
    Ok((
        Container::Text,
        vec![text_sheet(name.to_owned(), base_name, Cow::Borrowed(bytes))],
    ))
}

fn binary_format(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: [(&[u8], &str); 6] = [
        (b"%PDF", "a PDF document"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"Rar!", "a RAR archive"),
    ];
    SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, what)| *what)
}

fn text_sheet<'a>(location: String, name: String, bytes: Cow<'a, [u8]>) -> Sheet<'a> {
    let decoded = match bytes {
        Cow::Borrowed(bytes) => decode(bytes),
        Cow::Owned(bytes) => {
            let decoded = decode(&bytes);
            let owned = decoded.text.into_owned();
            super::encoding::DecodedText {
                text: Cow::Owned(owned),
                ..decoded
            }
        }
    };
    let delimiter = decoded
        .declared_delimiter
        .unwrap_or_else(|| sniff_delimiter(&decoded.text));
    Sheet {
        location,
        name,
        body: SheetBody::Text {
            text: decoded.text,
            delimiter,
            encoding: decoded.encoding,
            first_line: 1 + decoded.lines_removed,
        },
    }
}

/// Picks the delimiter that splits the first lines into the most rows of one consistent
/// width (tweet text full of commas is quoted, so the CSV parser itself does the counting).
pub(crate) fn sniff_delimiter(text: &[u8]) -> u8 {
    let sample = text.get(..text.len().min(64 * 1024)).unwrap_or(text);
    let mut best = (b',', 0usize, 0usize);
    for delimiter in [b',', b';', b'\t'] {
        let mut reader = csv_reader(sample, delimiter);
        let mut widths = Vec::new();
        let mut record = ByteRecord::new();
        while widths.len() < 30 && reader.read_byte_record(&mut record).unwrap_or(false) {
            if record.len() > 1 {
                widths.push(record.len());
            }
        }
        let modal = modal_width(&widths);
        let score = widths.iter().filter(|width| **width == modal).count();
        if (score, modal) > (best.1, best.2) {
            best = (delimiter, score, modal);
        }
    }
    best.0
}

fn modal_width(widths: &[usize]) -> usize {
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for width in widths {
        match counts.iter_mut().find(|(w, _)| w == width) {
            Some((_, count)) => *count += 1,
            None => counts.push((*width, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|(width, count)| (*count, *width))
        .map_or(0, |(w, _)| w)
}

fn csv_reader(text: &[u8], delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text)
}

fn corrupt(file: &str, container: &'static str, reason: impl ToString) -> ImportError {
    ImportError::Corrupt {
        file: file.to_owned(),
        container,
        reason: reason.to_string(),
    }
}

fn open_archive<'a>(name: &str, bytes: &'a [u8]) -> Result<(Container, Vec<Sheet<'a>>)> {
    // A workbook is a ZIP too; until it opens, its name is the only hint of which it is.
    let what = if name.to_lowercase().ends_with(".xlsx") {
        "XLSX workbook"
    } else {
        "ZIP archive"
    };
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| corrupt(name, what, e))?;
    if archive.len() > MAX_ENTRIES {
        return Err(ImportError::TooLarge {
            file: name.to_owned(),
            reason: format!("the archive holds {} entries", archive.len()),
        });
    }
    if archive.index_for_name("xl/workbook.xml").is_some() {
        return open_xlsx(name, bytes);
    }
    let mut sheets = Vec::new();
    let mut unpacked = 0u64;
    for index in 0..archive.len() {
        let mut entry = archive
            .by_index(index)
            .map_err(|e| corrupt(name, "ZIP archive", e))?;
        let entry_name = entry.name().to_owned();
        let base_name = entry_name
            .rsplit('/')
            .next()
            .unwrap_or(&entry_name)
            .to_owned();
        let lower = base_name.to_lowercase();
        if entry.is_dir()
            || base_name.starts_with('.')
            || entry_name.starts_with("__MACOSX")
            || !(lower.ends_with(".csv") || lower.ends_with(".tsv") || lower.ends_with(".txt"))
        {
            continue;
        }
        unpacked = unpacked.saturating_add(entry.size());
        if unpacked > MAX_UNPACKED_BYTES {
            return Err(ImportError::TooLarge {
                file: name.to_owned(),
                reason: "the archive unpacks to more than 512 MiB".to_owned(),
            });
        }
        let mut content = Vec::with_capacity(usize::try_from(entry.size()).unwrap_or(0));
        entry
            .by_ref()
            .take(MAX_UNPACKED_BYTES)
            .read_to_end(&mut content)
            .map_err(|e| corrupt(name, "ZIP archive", format!("entry {entry_name:?}: {e}")))?;
        let location = format!("{name} › {entry_name}");
        sheets.push(text_sheet(location, base_name, Cow::Owned(content)));
    }
    Ok((Container::Zip, sheets))
}

fn open_xlsx<'a>(name: &str, bytes: &'a [u8]) -> Result<(Container, Vec<Sheet<'a>>)> {
    let mut workbook: calamine::Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e| corrupt(name, "XLSX workbook", e))?;
    let mut sheets = Vec::new();
    for sheet_name in workbook.sheet_names() {
        let range = workbook
            .worksheet_range(&sheet_name)
            .map_err(|e| corrupt(name, "XLSX workbook", format!("sheet {sheet_name:?}: {e}")))?;
        sheets.push(Sheet {
            location: format!("{name} › {sheet_name}"),
            name: sheet_name,
            body: SheetBody::Grid { range },
        });
    }
    Ok((Container::Xlsx, sheets))
}

fn open_xls<'a>(name: &str, bytes: &'a [u8]) -> Result<(Container, Vec<Sheet<'a>>)> {
    let mut workbook: calamine::Xls<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e| corrupt(name, "XLS workbook", e))?;
    let mut sheets = Vec::new();
    for sheet_name in workbook.sheet_names() {
        let range = workbook
            .worksheet_range(&sheet_name)
            .map_err(|e| corrupt(name, "XLS workbook", format!("sheet {sheet_name:?}: {e}")))?;
        sheets.push(Sheet {
            location: format!("{name} › {sheet_name}"),
            name: sheet_name,
            body: SheetBody::Grid { range },
        });
    }
    Ok((Container::Xlsx, sheets))
}

impl Sheet<'_> {
    /// Reads the rows from the top.
    pub(crate) fn rows(&self) -> Rows<'_> {
        match &self.body {
            SheetBody::Text {
                text,
                delimiter,
                first_line,
                ..
            } => Rows::Text {
                reader: csv_reader(text, *delimiter),
                total: text.len() as u64,
                first_line: *first_line,
            },
            SheetBody::Grid { range } => Rows::Grid {
                range,
                next: 0,
                first_row: range.start().map_or(1, |(row, _)| u64::from(row) + 1),
            },
        }
    }

    /// A short description of the sheet's format, for "what it looks like" messages.
    pub(crate) fn describe_format(&self) -> String {
        match &self.body {
            SheetBody::Text {
                delimiter,
                encoding,
                ..
            } => {
                let delimiter = match delimiter {
                    b',' => "comma",
                    b';' => "semicolon",
                    b'\t' => "tab",
                    _ => "unusual",
                };
                format!("{} text, {delimiter}-separated", encoding.describe())
            }
            SheetBody::Grid { .. } => "a spreadsheet".to_owned(),
        }
    }
}

/// A cursor over a sheet's rows.
#[derive(Debug)]
pub(crate) enum Rows<'s> {
    Text {
        reader: csv::Reader<&'s [u8]>,
        total: u64,
        first_line: u64,
    },
    Grid {
        range: &'s calamine::Range<Data>,
        next: usize,
        first_row: u64,
    },
}

impl Rows<'_> {
    /// Reads the next row into `record` and returns its 1-based row number (the line in the
    /// file, or the spreadsheet row), or `None` at the end.
    pub(crate) fn next_row(&mut self, record: &mut ByteRecord) -> Option<u64> {
        match self {
            Rows::Text {
                reader, first_line, ..
            } => {
                if !reader.read_byte_record(record).unwrap_or(false) {
                    return None;
                }
                Some(record.position().map_or(0, |p| p.line()) + *first_line - 1)
            }
            Rows::Grid {
                range,
                next,
                first_row,
            } => {
                let row = range.rows().nth(*next)?;
                record.clear();
                for cell in row {
                    push_cell(record, cell);
                }
                let number = *first_row + *next as u64;
                *next += 1;
                Some(number)
            }
        }
    }

    /// How far through the sheet the cursor is, from 0 to 1.
    pub(crate) fn fraction_done(&self) -> f64 {
        match self {
            Rows::Text { reader, total, .. } => {
                reader.position().byte() as f64 / (*total).max(1) as f64
            }
            Rows::Grid { range, next, .. } => *next as f64 / range.height().max(1) as f64,
        }
    }
}

/// Writes a spreadsheet cell as the text a CSV export would hold.
fn push_cell(record: &mut ByteRecord, cell: &Data) {
    match cell {
        Data::Empty => record.push_field(b""),
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => {
            record.push_field(text.as_bytes())
        }
        Data::Int(value) => record.push_field(value.to_string().as_bytes()),
        Data::Float(value) => record.push_field(render_float(*value).as_bytes()),
        Data::Bool(value) => record.push_field(if *value { b"TRUE" } else { b"FALSE" }),
        Data::Error(error) => record.push_field(format!("#{error:?}").as_bytes()),
        Data::DateTime(date_time) if date_time.is_duration() => {
            let seconds = (date_time.as_f64() * 86_400.0).round();
            record.push_field(render_float(seconds).as_bytes())
        }
        Data::DateTime(date_time) => {
            let (year, month, day, hour, minute, second, _) = date_time.to_ymd_hms_milli();
            let text = if (hour, minute, second) == (0, 0, 0) {
                format!("{year:04}-{month:02}-{day:02}")
            } else {
                format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}")
            };
            record.push_field(text.as_bytes())
        }
    }
}

/// Whole numbers print without a fraction; numbers too large to be exact in a float (an id
/// typed into a spreadsheet) print in scientific notation, so nobody mistakes them for an id.
pub(crate) fn render_float(value: f64) -> String {
    const EXACT_LIMIT: f64 = 9_007_199_254_740_992.0;
    if value.fract() == 0.0 && value.abs() < EXACT_LIMIT {
        format!("{value:.0}")
    } else if value.abs() >= EXACT_LIMIT {
        format!("{value:E}")
    } else {
        format!("{value}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_delimiter(text: &str, expected: u8) {
        assert_eq!(
            sniff_delimiter(text.as_bytes()) as char,
            expected as char,
            "{text}"
        );
    }

    #[test]
    fn sniffs_the_delimiter_from_consistent_widths() {
        check_delimiter("a,b,c\n1,2,3\n", b',');
        check_delimiter(
            "Datum;Aufrufe;Klickrate\n2024-09-01;8,5;1,2\n2024-09-02;9,5;1,3\n",
            b';',
        );
        check_delimiter("Date\tViews\n2024-09-01\t12\n", b'\t');
        check_delimiter(
            "\"Tweet id\",\"Tweet text\",\"impressions\"\n\"1\",\"a, b; c\",\"2.0\"\n",
            b',',
        );
    }

    #[test]
    fn floats_render_like_export_text() {
        assert_eq!(render_float(2633.0), "2633");
        assert_eq!(render_float(0.0155), "0.0155");
        assert_eq!(render_float(649_000_000_000_000_000.0), "6.49E17");
    }

    #[test]
    fn refuses_what_is_not_tabular() {
        assert!(matches!(
            open("a.csv", b"  \n"),
            Err(ImportError::Empty { .. })
        ));
        assert!(matches!(
            open("a.pdf", b"%PDF-1.4"),
            Err(ImportError::UnsupportedFormat { .. })
        ));
        assert!(matches!(
            open("a.zip", b"PK\x03\x04garbage"),
            Err(ImportError::Corrupt { .. })
        ));
    }

    #[test]
    fn rows_carry_file_line_numbers() {
        let (_, sheets) = open("a.csv", b"sep=,\nTitle\n\"a\nb\",1\nc,2\n").unwrap();
        let sheet = sheets.first().unwrap();
        let mut rows = sheet.rows();
        let mut record = ByteRecord::new();
        assert_eq!(rows.next_row(&mut record), Some(2));
        assert_eq!(rows.next_row(&mut record), Some(3));
        assert_eq!(record.get(0), Some(&b"a\nb"[..]));
        assert_eq!(rows.next_row(&mut record), Some(5));
        assert_eq!(rows.next_row(&mut record), None);
    }
}
