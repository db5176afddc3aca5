//! trace/words.key_words: a line's words with the lexicon's abbreviations written out, each phrase
//! of the lexicon's synonyms or of the plans' boilerplate taken as the word it stands for.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::chars::Table;
use crate::hash::FixedMap;
use crate::matcher::{expand, Expansion};
use crate::words::tokenize;

/// A phrase's norm words and the word it stands for ("" for boilerplate).
type Phrase = (Vec<String>, String);

#[pyclass]
pub struct KeyWords {
    table: Arc<Table>,
    expansions: FixedMap<Vec<Expansion>>,
    phrases: FixedMap<Vec<Phrase>>, // first word -> phrases starting with it, in the order to try
}

impl KeyWords {
    pub fn new(table: Arc<Table>, expansions: FixedMap<Vec<Expansion>>, phrases: FixedMap<Vec<Phrase>>) -> KeyWords {
        KeyWords { table, expansions, phrases }
    }
}

#[pymethods]
impl KeyWords {
    /// words._kept: the words kept, in order, or None for Python to do it.
    fn kept(&self, text: &PyString) -> Option<Vec<String>> {
        let chars: Vec<char> = text.to_str().ok()?.chars().collect();
        if !self.table.covers(&chars) {
            return None;
        }
        let words: Vec<String> = expand(&self.expansions, tokenize(&self.table, &chars)?).into_iter().map(|t| t.0).collect();
        let mut kept = Vec::new();
        let mut at = 0;
        while at < words.len() {
            let phrase = self.phrases.get(&words[at]).and_then(|entries| entries.iter().find(|(p, _)| words[at..].starts_with(p)));
            let (word, length) = phrase.map_or((&words[at], 1), |(p, stands_for)| (stands_for, p.len()));
            if word.chars().count() > 1 {
                kept.push(word.clone());
            }
            at += length;
        }
        Some(kept)
    }
}
