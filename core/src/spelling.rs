//! spelling.spelling_slips for the lines where no word is unknown (nearly all): a line with a
//! word that is no syllable is left to the Python code, which weighs the fixes of such a word.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::chars::Table;
use crate::hash::{FixedMap, FixedSet};
use crate::words::{chunk_words, code_parts, Word};

/// (kind, start, end, fix) as spelling.Slip takes them.
pub type Slip = (&'static str, usize, usize, String);

#[pyclass]
pub struct Speller {
    table: Arc<Table>,
    syllables: FixedSet,
    words: FixedSet,
    loanwords: FixedSet,
    stray: FixedSet,
    abbreviations: Known,
    codes: Known,
    function_words: FixedSet,
    unit_words: FixedSet,
    one_mark_from: PyObject, // Vocabulary.one_mark_from, asked once per syllable
    one_mark: HashMap<String, Vec<String>>,
}

/// A list of abbreviations (or codes) and, for each written with D for Đ, the first one it stands for.
struct Known {
    all: FixedSet,
    with_d: FixedMap<String>,
}

impl Known {
    fn new(ordered: Vec<String>) -> Known {
        let mut with_d = FixedMap::default();
        for known in &ordered {
            with_d.entry(known.replace('Đ', "D")).or_insert_with(|| known.clone());
        }
        Known { all: ordered.into_iter().collect(), with_d }
    }
}

pub struct VocabularyParts {
    pub syllables: FixedSet,
    pub words: FixedSet,
    pub loanwords: FixedSet,
    pub stray: FixedSet,
    pub abbreviations: Vec<String>,
    pub codes: Vec<String>,
    pub function_words: FixedSet,
    pub unit_words: FixedSet,
}

impl Speller {
    pub fn new(table: Arc<Table>, parts: VocabularyParts, one_mark_from: PyObject) -> Speller {
        Speller {
            table,
            syllables: parts.syllables,
            words: parts.words,
            loanwords: parts.loanwords,
            stray: parts.stray,
            abbreviations: Known::new(parts.abbreviations),
            codes: Known::new(parts.codes),
            function_words: parts.function_words,
            unit_words: parts.unit_words,
            one_mark_from,
            one_mark: HashMap::new(),
        }
    }
}

struct Line<'a> {
    words: Vec<Word>,
    checked: Vec<Option<usize>>, // the words read as syllables, None where a word is not
    written: &'a PyAny,          // the plan's words (spelling.plan_words)
}

impl Line<'_> {
    fn word(&self, i: usize) -> Option<&Word> {
        self.checked[i].map(|w| &self.words[w])
    }
}

fn phrase(a: &Word, b: &Word) -> bool {
    a.joined && b.opens
}

#[pymethods]
impl Speller {
    /// The slips of one line, or None when the Python code must read it.
    fn slips(&mut self, py: Python, text: &PyString, written: &PyAny) -> PyResult<Option<Vec<Slip>>> {
        let chars: Vec<char> = match text.to_str() {
            Ok(text) => text.chars().collect(),
            Err(_) => return Ok(None),
        };
        if !self.table.covers(&chars) {
            return Ok(None);
        }
        let words = match chunk_words(&self.table, &chars) {
            Some(words) => words,
            None => return Ok(None),
        };
        let codes = if chars.contains(&'-') { code_parts(&self.table, &chars) } else { Vec::new() };
        let mut slips: Vec<Slip> = codes.iter().filter_map(|w| self.abbreviation(w, true)).collect();
        let heading = self.is_heading(&words);
        if !heading && !self.vietnamese(&words)? {
            return Ok(Some(slips));
        }
        let mut line = Line { checked: Vec::with_capacity(words.len()), words, written };
        for i in 0..line.words.len() {
            let keep = self.keeps(&line.words[i], heading, &mut slips)?;
            line.checked.push(keep.then_some(i));
        }
        if !self.read_syllables(&mut line, &mut slips) {
            return Ok(None);
        }
        slips.extend(self.marks(py, &line)?);
        slips.sort_by_key(|s| s.1);
        Ok(Some(slips))
    }
}

impl Speller {
    fn is_heading(&self, words: &[Word]) -> bool {
        let long: Vec<&Word> = words.iter().filter(|w| w.chars.len() > 1).collect();
        long.len() >= 3 && long.iter().all(|w| self.table.is_upper(&w.chars))
    }

    fn vietnamese(&self, words: &[Word]) -> PyResult<bool> {
        let lower: Vec<&Word> = words.iter().filter(|w| self.table.is_lower(&w.chars)).collect();
        let mut marked = 0;
        for word in &lower {
            marked += self.has_marks(word)? as usize;
        }
        Ok(!lower.is_empty() && marked * 3 >= lower.len())
    }

    /// spelling._has_marks: fold(word) != word.lower() (every character is in the table).
    fn has_marks(&self, word: &Word) -> PyResult<bool> {
        Ok(word.chars.iter().filter_map(|&c| self.table.get(c)).any(|info| info.fold != info.lower))
    }

    /// Whether the word is read as a syllable; an upper-case word may be a body's abbreviation.
    fn keeps(&self, word: &Word, heading: bool, slips: &mut Vec<Slip>) -> PyResult<bool> {
        if self.table.is_upper(&word.chars) && word.chars.len() > 1 {
            slips.extend(self.abbreviation(word, false));
            return Ok(heading && (self.has_marks(word)? || self.syllables.contains(&word.low)));
        }
        Ok(self.table.is_lower(&word.chars) && word.chars.len() > 1) // a lone letter marks a list item
    }

    /// The stray foreign words; false when a word is no syllable (the Python code's to weigh).
    fn read_syllables(&self, line: &mut Line, slips: &mut Vec<Slip>) -> bool {
        for i in 0..line.checked.len() {
            let word = match line.word(i) {
                Some(word) => word,
                None => continue,
            };
            if self.stray.contains(&word.low) && !self.held(line, i, true) {
                slips.push(("foreign", word.start, word.end, String::new()));
                line.checked[i] = None;
            } else if !self.syllables.contains(&word.low) && !self.loanwords.contains(&word.low) {
                return false;
            }
        }
        true
    }

    fn abbreviation(&self, word: &Word, code: bool) -> Option<Slip> {
        let known = if code { &self.codes } else { &self.abbreviations };
        if known.all.contains(&word.text) || word.chars.len() < if code { 2 } else { 3 } {
            return None;
        }
        let meant = word.text.replace('Ð', "Đ");
        let meant = if known.all.contains(&meant) { meant } else { known.with_d.get(&word.text)?.clone() };
        Some(("abbreviation", word.start, word.end, meant))
    }

    fn is_word(&self, parts: &[&str]) -> bool {
        thread_local!(static PHRASE: RefCell<String> = RefCell::new(String::new())); // one buffer, not one per look-up
        PHRASE.with(|phrase| {
            let mut phrase = phrase.borrow_mut();
            phrase.clear();
            for (i, part) in parts.iter().enumerate() {
                if i > 0 {
                    phrase.push(' ');
                }
                phrase.push_str(part);
            }
            self.words.contains(phrase.as_str())
        })
    }

    /// spelling._held.
    fn held(&self, line: &Line, i: usize, alone: bool) -> bool {
        let joined = |j: usize| match (line.word(j), line.word(j + 1)) {
            (Some(a), Some(b)) => phrase(a, b).then_some((a, b)),
            _ => None,
        };
        if alone {
            let pair = |j: usize| j + 1 < line.checked.len() && joined(j).map_or(false, |(a, b)| self.is_word(&[&a.low, &b.low]));
            return (i >= 1 && pair(i - 1)) || pair(i);
        }
        let (a, b) = (line.word(i).unwrap(), line.word(i + 1).unwrap());
        let before = if i >= 1 { joined(i - 1).map(|(w, _)| w) } else { None };
        let after = if i + 2 < line.checked.len() { joined(i + 1).map(|(_, w)| w) } else { None };
        before.map_or(false, |w| self.is_word(&[&w.low, &a.low]) || self.is_word(&[&w.low, &a.low, &b.low]))
            || after.map_or(false, |w| self.is_word(&[&b.low, &w.low]) || self.is_word(&[&a.low, &b.low, &w.low]))
    }

    /// spelling._marks: two syllables that make no word where one mark changed makes one.
    fn marks(&mut self, py: Python, line: &Line) -> PyResult<Vec<Slip>> {
        let mut found = Vec::new();
        let mut name = false;
        for i in 0..line.checked.len().saturating_sub(1) {
            let (a, b) = (line.word(i), line.word(i + 1));
            name = name || a.map_or(false, |a| self.table.is_upper(&a.chars) && self.unit_words.contains(&a.low));
            let (a, b) = match (a, b) {
                (Some(a), Some(b)) if phrase(a, b) && !name => (a, b),
                _ => continue,
            };
            if self.is_word(&[&a.low, &b.low]) || self.held(line, i, false) {
                continue;
            }
            if let Some(slip) = self.one_mark_slip(py, line, a, b)? {
                found.push(slip);
            }
        }
        Ok(found)
    }

    fn one_mark_slip(&mut self, py: Python, line: &Line, a: &Word, b: &Word) -> PyResult<Option<Slip>> {
        self.remember_one_mark(py, &a.low)?;
        self.remember_one_mark(py, &b.low)?;
        let mut fixes: Vec<(bool, &String, String)> = Vec::new(); // (a changed, the syllable, the pair)
        fixes.extend(self.one_mark[&a.low].iter().map(|s| (true, s, format!("{} {}", s, b.low))));
        fixes.extend(self.one_mark[&b.low].iter().map(|s| (false, s, format!("{} {}", a.low, s))));
        let mut kept = Vec::new();
        for fix in fixes {
            let changed = if fix.0 { &a.low } else { &b.low };
            if self.words.contains(&fix.2) && (line.written.contains(&fix.2)? || self.lone(line, changed)?) {
                kept.push(fix);
            }
        }
        if kept.len() != 1 {
            return Ok(None);
        }
        let (a_changed, fix, _) = kept.pop().unwrap();
        let fixed = if a_changed {
            format!("{} {}", as_written(py, fix, a, &self.table)?, b.text)
        } else {
            format!("{} {}", a.text, as_written(py, fix, b, &self.table)?)
        };
        Ok(Some(("mark", a.start, b.end, fixed)))
    }

    fn lone(&self, line: &Line, syllable: &str) -> PyResult<bool> {
        Ok(!line.written.contains(syllable)? && !self.function_words.contains(syllable))
    }

    /// Vocabulary.one_mark_from(syllable), asked once and kept in `one_mark`.
    fn remember_one_mark(&mut self, py: Python, syllable: &str) -> PyResult<()> {
        if !self.one_mark.contains_key(syllable) {
            let found: Vec<String> = self.one_mark_from.call1(py, (syllable,))?.extract(py)?;
            self.one_mark.insert(syllable.to_string(), found);
        }
        Ok(())
    }
}

/// spelling._as_written: the fix in upper case when the word was (Python's str.upper).
fn as_written(py: Python, fix: &str, word: &Word, table: &Table) -> PyResult<String> {
    if !table.is_upper(&word.chars) {
        return Ok(fix.to_string());
    }
    PyString::new(py, fix).call_method0("upper")?.extract()
}
