//! plan-audit's compiled core: the per-line text work of audit/base/normalize.py,
//! audit/text/spelling.py and audit/trace/words.py. The Python code is the reference;
//! audit/base/core.py chooses.
//! Every method answers None for what it leaves to Python: a character outside the table, or
//! text that is not valid Unicode (a lone surrogate from an undecodable file name).

mod chars;
mod hash;
mod keywords;
mod matcher;
mod near;
mod spelling;
mod words;

use hash::{FixedMap, FixedSet};
use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::PyString;

use chars::Table;
use keywords::KeyWords;
use matcher::Matcher;
use near::Near;
use spelling::{Speller, VocabularyParts};

#[pyclass]
struct Core {
    table: Arc<Table>,
}

#[pymethods]
impl Core {
    /// `rows`: (code point, flags, str.lower(), fold()) of every character the core may read.
    #[new]
    fn new(rows: Vec<(u32, u8, char, char)>) -> Core {
        Core { table: Arc::new(Table::new(rows)) }
    }

    /// normalize.tokenize as (norm, loose, start, end) rows, or None for Python to do it.
    fn tokenize(&self, text: &PyString) -> Option<Vec<(String, String, usize, usize)>> {
        let chars: Vec<char> = text.to_str().ok()?.chars().collect();
        if !self.table.covers(&chars) {
            return None;
        }
        words::tokenize(&self.table, &chars)
    }

    /// normalize.canonical_tones, or None.
    fn canonical_tones(&self, text: &PyString) -> Option<String> {
        let text = text.to_str().ok()?;
        if !self.table.covers_text(text) {
            return None;
        }
        words::canonical_tones(&self.table, text)
    }

    /// normalize.fold, or None.
    fn fold(&self, text: &PyString) -> Option<String> {
        self.table.fold(text.to_str().ok()?)
    }

    /// Whether some word of `text` (a run of letters, digits and "_": `\w` of Python's `re`) is
    /// written again as one of the four words after it, or None: what hygiene._may_repeat's search
    /// cannot match without.
    fn repeats_near(&self, text: &PyString) -> Option<bool> {
        let chars: Vec<char> = text.to_str().ok()?.chars().collect();
        if !self.table.covers(&chars) {
            return None;
        }
        Some(words::repeats_near(&self.table, &chars))
    }

    /// spelling.plan_words of a plan's texts (as a list), or None.
    fn plan_words(&self, texts: Vec<&PyString>) -> Option<Vec<String>> {
        let texts: Vec<&str> = texts.iter().map(|t| t.to_str().ok()).collect::<Option<_>>()?;
        let texts: Vec<Vec<char>> = texts.iter().map(|t| t.chars().collect()).collect();
        if !texts.iter().all(|t| self.table.covers(t)) {
            return None;
        }
        words::plan_words(&self.table, &texts)
    }

    /// A matcher over a compiled lexicon: its `expansions`, `by_first` and the distinct words of
    /// each of its `fuzzy` aliases (audit/text/lexicon.py).
    #[allow(clippy::type_complexity)]
    fn matcher(
        &self, expansions: FixedMap<Vec<(Vec<String>, Vec<(String, String)>)>>,
        by_first: FixedMap<Vec<(String, Vec<String>, Vec<String>, bool, bool)>>, fuzzy: Vec<Vec<String>>,
    ) -> Matcher {
        Matcher::new(self.table.clone(), expansions, by_first, fuzzy)
    }

    /// trace/words.key_words over a lexicon: its `expansions`, and the synonyms and boilerplate
    /// phrases by first word (words._phrases).
    fn key_words(
        &self, expansions: FixedMap<Vec<(Vec<String>, Vec<(String, String)>)>>,
        phrases: FixedMap<Vec<(Vec<String>, String)>>,
    ) -> KeyWords {
        KeyWords::new(self.table.clone(), expansions, phrases)
    }

    /// The copy check's bound over a parent's folded sentences (near.rs).
    fn near(&self, choices: Vec<&str>) -> Near {
        Near::new(choices)
    }

    /// A speller over the dictionaries of audit/text/vocabulary.py (given as lists of strings,
    /// the abbreviations and codes in the order Python iterates their sets).
    #[allow(clippy::too_many_arguments)]
    fn speller(
        &self, syllables: Vec<String>, words: Vec<String>, loanwords: Vec<String>, stray: Vec<String>,
        abbreviations: Vec<String>, codes: Vec<String>, function_words: Vec<String>,
        unit_words: Vec<String>, one_mark_from: PyObject,
    ) -> Speller {
        let set = |list: Vec<String>| list.into_iter().collect::<FixedSet>();
        let parts = VocabularyParts {
            syllables: set(syllables), words: set(words), loanwords: set(loanwords), stray: set(stray),
            abbreviations, codes, function_words: set(function_words), unit_words: set(unit_words),
        };
        Speller::new(self.table.clone(), parts, one_mark_from)
    }
}

#[pymodule]
fn audit_core(_py: Python, module: &PyModule) -> PyResult<()> {
    module.add_class::<Core>()?;
    module.add_class::<Speller>()?;
    module.add_class::<Matcher>()?;
    module.add_class::<KeyWords>()?;
    module.add_class::<Near>()?;
    Ok(())
}
