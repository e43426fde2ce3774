//! The store's bytes for the browser's storage: versioned, compact, checked, migrated.
//!
//! # Versions
//! - **1**: a plain JSON array of observations (`[{"platform":"linkedin",…},…]`), the
//!   simplest thing an earlier build could have written. Loaded by merging it
//!   ([`super::migrate`]).
//! - **2**: a binary envelope — the 8 bytes `YSTORE\r\n`, the format version
//!   (u32, little endian), a CRC-32 of the payload (u32, little endian), then the payload:
//!   the store's interned tables encoded with postcard ([`super::format_v2`]). Loaded as
//!   it is, with no content records ([`super::migrate`]).
//! - **3** (current): the same envelope; the payload is version 2's tables followed by the
//!   content records (post texts, links, result types, attribution settings), whose
//!   strings refer to the facts' string table where they repeat it and to a table of their
//!   own otherwise ([`super::format_v3`]). Without records it is version 2's payload and
//!   two zero bytes. Records of posts with 282-character texts, a link and a permalink
//!   take 430 bytes each against 730 as JSON (`benches/store.rs`).
//!
//! Binary, by measurement: for a million observations (682 629 facts) the same tables took
//! 30 bytes per observation with postcard against 209 as JSON (named fields), and encoded
//! and decoded 4 to 7 times faster (native, opt-level "z"); the browser passes bytes across
//! the wasm boundary as a `Uint8Array` without a UTF-8 copy, and IndexedDB stores them as
//! they are. postcard: serde-based, varint integers, no_std-friendly, well kept.
//! `benches/store.rs` measures merge, save and load against JSON of the observations. The
//! magic bytes contain `\r\n` so a text-mode copy that rewrote line ends is detected as
//! damage, not misread.
//!
//! Loading never panics and never changes the input: damaged, unknown or newer bytes give a
//! [`PersistError`] and the caller keeps its bytes. Writing a new version means: bump
//! [`FORMAT_VERSION`], keep the old decoder as a migration, and check in a fixture of the
//! old version under `tests/fixtures/store/`.

use crate::store::error::PersistError;
use crate::store::merge::Rejected;
use crate::store::{format_v3, migrate, Store};

/// The format version [`Store::to_bytes`] writes.
pub const FORMAT_VERSION: u32 = 3;

/// The first bytes of every binary store.
pub(crate) const MAGIC: &[u8; 8] = b"YSTORE\r\n";

/// A loaded store and what loading it involved.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub store: Store,
    /// The format version the bytes were written in; older than [`FORMAT_VERSION`] means
    /// they were migrated, and the caller should save the store again.
    pub version: u32,
    /// Observations of an earlier version that the store does not keep (values Yardstick
    /// computes, such as standard engagement, which it derives again when asked).
    pub rejected: Vec<Rejected>,
}

impl Store {
    /// The store in the current format (version [`FORMAT_VERSION`]). The same facts and
    /// content records always give the same bytes, however they were merged. Encoding into memory does not fail in
    /// practice; should the encoder refuse, the error says so and nothing is half-written.
    pub fn to_bytes(&self) -> Result<Vec<u8>, PersistError> {
        let payload = format_v3::encode(self)?;
        let mut bytes = Vec::with_capacity(MAGIC.len() + 8 + payload.len());
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        bytes.extend_from_slice(&crc32fast::hash(&payload).to_le_bytes());
        bytes.extend_from_slice(&payload);
        Ok(bytes)
    }

    /// A store from bytes of any version this build reads. On error, keep the bytes: they
    /// are not lost, only not understood (see [`PersistError`] for what to do).
    pub fn from_bytes(bytes: &[u8]) -> Result<Store, PersistError> {
        Store::load(bytes).map(|loaded| loaded.store)
    }

    /// Like [`Store::from_bytes`], saying which version was read and what migration left out.
    pub fn load(bytes: &[u8]) -> Result<Loaded, PersistError> {
        if let Some(rest) = bytes.strip_prefix(MAGIC.as_slice()) {
            return load_binary(rest);
        }
        let text = bytes
            .strip_prefix(b"\xEF\xBB\xBF".as_slice())
            .unwrap_or(bytes);
        match text.iter().find(|byte| !byte.is_ascii_whitespace()) {
            Some(b'[') => migrate::from_v1(text),
            Some(b'{') => Err(json_envelope_error(text)),
            _ => Err(PersistError::Unrecognized),
        }
    }
}

/// Reads the binary envelope after the magic bytes.
fn load_binary(rest: &[u8]) -> Result<Loaded, PersistError> {
    let (version, rest) = take_u32(rest).ok_or(PersistError::Corrupt {
        version: 0,
        detail: "the header ends before its version".to_owned(),
    })?;
    if version > FORMAT_VERSION {
        return Err(PersistError::FutureVersion {
            found: version,
            supported: FORMAT_VERSION,
        });
    }
    if version < 2 {
        // Version 1 was JSON only; no other binary version was ever written.
        return Err(PersistError::UnknownVersion {
            found: version,
            supported: FORMAT_VERSION,
        });
    }
    let (expected, payload) = take_u32(rest).ok_or(PersistError::Corrupt {
        version,
        detail: "the header ends before its checksum".to_owned(),
    })?;
    let found = crc32fast::hash(payload);
    if found != expected {
        return Err(PersistError::ChecksumMismatch { expected, found });
    }
    if version == 2 {
        return migrate::from_v2(payload);
    }
    Ok(Loaded {
        store: format_v3::decode(payload)?,
        version,
        rejected: Vec::new(),
    })
}

/// A JSON object is not a store this build writes; if it names a newer store version,
/// say so.
fn json_envelope_error(text: &[u8]) -> PersistError {
    #[derive(serde::Deserialize)]
    struct Envelope {
        format: String,
        version: u32,
    }
    match serde_json::from_slice::<Envelope>(text) {
        Ok(envelope)
            if envelope.format == "yardstick-store" && envelope.version > FORMAT_VERSION =>
        {
            PersistError::FutureVersion {
                found: envelope.version,
                supported: FORMAT_VERSION,
            }
        }
        _ => PersistError::Unrecognized,
    }
}

fn take_u32(bytes: &[u8]) -> Option<(u32, &[u8])> {
    let (head, rest) = bytes.split_first_chunk::<4>()?;
    Some((u32::from_le_bytes(*head), rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_envelope_is_checked_before_the_payload() {
        let bytes = Store::new().to_bytes().unwrap();
        assert_eq!(&bytes[..8], MAGIC);
        assert_eq!(Store::from_bytes(&bytes).unwrap(), Store::new());

        let mut future = bytes.clone();
        future[8..12].copy_from_slice(&4u32.to_le_bytes());
        assert_eq!(
            Store::from_bytes(&future),
            Err(PersistError::FutureVersion {
                found: 4,
                supported: 3
            })
        );
        let mut never_written = bytes.clone();
        never_written[8..12].copy_from_slice(&1u32.to_le_bytes());
        assert!(matches!(
            Store::from_bytes(&never_written),
            Err(PersistError::UnknownVersion { .. })
        ));
        let mut damaged = bytes.clone();
        if let Some(last) = damaged.last_mut() {
            *last ^= 0x40;
        }
        assert!(matches!(
            Store::from_bytes(&damaged),
            Err(PersistError::ChecksumMismatch { .. })
        ));
        assert!(matches!(
            Store::from_bytes(&bytes[..10]),
            Err(PersistError::Corrupt { .. })
        ));
        assert_eq!(
            Store::from_bytes(b"PK\x03\x04"),
            Err(PersistError::Unrecognized)
        );
        assert_eq!(Store::from_bytes(b""), Err(PersistError::Unrecognized));
        assert_eq!(
            Store::from_bytes(br#"{"format":"yardstick-store","version":7}"#),
            Err(PersistError::FutureVersion {
                found: 7,
                supported: 3
            })
        );
    }
}
