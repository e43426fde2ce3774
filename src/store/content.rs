//! The store's content records: one per post or ad entity, merged field by field as
//! [`ContentRecord::absorb`] says, beside the facts. They never change a number.
//!
//! Records are details, not facts: an invalid one is refused alone (the report says which
//! and why) and never stops the rest of a reading from being kept.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::content::{ContentKey, ContentRecord, InvalidRecord};
use crate::store::Store;

/// The store's records, by entity.
pub(crate) type ContentTable = BTreeMap<ContentKey, ContentRecord>;

/// What merging content records did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ContentMergeReport {
    /// Records kept (new entities and updates of known ones).
    pub kept: usize,
    /// Records refused, with why.
    #[serde(serialize_with = "crate::store::content::messages")]
    pub refused: Vec<InvalidRecord>,
}

pub(crate) fn messages<S: serde::Serializer>(
    refused: &[InvalidRecord],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(refused.iter().map(ToString::to_string))
}

impl Store {
    /// Merges content records: each is cleaned ([`ContentRecord::cleaned`]) and merged
    /// into the record of its entity ([`ContentRecord::absorb`]); a refused record changes
    /// nothing. Two readings of an entity give the same record whichever arrives first;
    /// with three or more, a field the newest lacks comes from the older reading merged
    /// last, as `absorb` does today.
    pub fn merge_content(
        &mut self,
        records: impl IntoIterator<Item = ContentRecord>,
    ) -> ContentMergeReport {
        let mut report = ContentMergeReport::default();
        for record in records {
            match record.cleaned() {
                Ok(record) => {
                    report.kept += 1;
                    match self.content.get_mut(&record.key()) {
                        Some(known) => {
                            known.absorb(record);
                        }
                        None => {
                            self.content.insert(record.key(), record);
                        }
                    }
                }
                Err(invalid) => report.refused.push(invalid),
            }
        }
        report
    }

    /// Every content record, by platform, account, scope and id.
    pub fn content_records(&self) -> impl Iterator<Item = &ContentRecord> {
        self.content.values()
    }

    /// The record of one entity, when a source described it.
    pub fn content_for(&self, key: &ContentKey) -> Option<&ContentRecord> {
        self.content.get(key)
    }

    /// How many entities have a record.
    pub fn content_len(&self) -> usize {
        self.content.len()
    }
}
