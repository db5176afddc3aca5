//! The word-for-word pass of audit/text/matcher.py (`_exact`) over a line's words with the
//! lexicon's abbreviations written out (`Lexicon.words`). The lexicon is data handed over at run
//! time (rules/lexicon.yaml compiled by audit/text/lexicon.py), never built in.

use std::collections::HashSet;
use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::chars::Table;
use crate::hash::FixedMap;
use crate::words::tokenize;

const EXACT_SCORE: f64 = 1.0;
const LOOSE_SCORE: f64 = 0.9; // matcher.LOOSE_SCORE: the words matched only without diacritics

pub type Token = (String, String, usize, usize); // (norm, loose, start, end)
/// An abbreviation's loose words and the (norm, loose) words it stands for.
pub type Expansion = (Vec<String>, Vec<(String, String)>);
/// lexicon.Phrase: (concept, norm words, loose words, keep_tones, negative).
type Phrase = (String, Vec<String>, Vec<String>, bool, bool);
/// matcher._Span: (concept, first word, word after the last, score).
type Span = (String, usize, usize, f64);

#[pyclass]
pub struct Matcher {
    table: Arc<Table>,
    expansions: FixedMap<Vec<Expansion>>,
    by_first: FixedMap<Vec<Phrase>>,
    fuzzy: Vec<Vec<String>>, // the distinct loose words of each fuzzy alias, in the lexicon's order
}

impl Matcher {
    pub fn new(
        table: Arc<Table>, expansions: FixedMap<Vec<Expansion>>, by_first: FixedMap<Vec<Phrase>>,
        fuzzy: Vec<Vec<String>>,
    ) -> Matcher {
        Matcher { table, expansions, by_first, fuzzy }
    }
}

#[pymethods]
impl Matcher {
    /// (the line's words, the matches, the exclusion spans, the fuzzy aliases near the line by
    /// their index), or None for Python to do it.
    #[allow(clippy::type_complexity)]
    fn exact(&self, text: &PyString) -> Option<(Vec<Token>, Vec<Span>, Vec<Span>, Vec<usize>)> {
        let chars: Vec<char> = text.to_str().ok()?.chars().collect();
        if !self.table.covers(&chars) {
            return None;
        }
        let words = expand(&self.expansions, tokenize(&self.table, &chars)?);
        let (found, excluded) = self.spans(&words);
        let near = self.near(&words);
        Some((words, found, excluded, near))
    }
}

impl Matcher {
    /// matcher._near_aliases: the fuzzy aliases the line has all the words of but one.
    fn near(&self, words: &[Token]) -> Vec<usize> {
        let line: HashSet<&str> = words.iter().map(|w| w.1.as_str()).collect();
        let missing = |alias: &Vec<String>| alias.iter().filter(|w| !line.contains(w.as_str())).count();
        (0..self.fuzzy.len()).filter(|&i| missing(&self.fuzzy[i]) < 2).collect()
    }

    /// matcher._exact: the aliases and exclusions found word for word.
    fn spans(&self, words: &[Token]) -> (Vec<Span>, Vec<Span>) {
        let (mut found, mut excluded) = (Vec::new(), Vec::new());
        for (i, word) in words.iter().enumerate() {
            for phrase in self.by_first.get(&word.1).map_or(&[][..], |p| &p[..]) {
                let score = if same(&words[i..], &phrase.1, |t| &t.0) {
                    EXACT_SCORE
                } else if !phrase.3 && same(&words[i..], &phrase.2, |t| &t.1) {
                    LOOSE_SCORE
                } else {
                    continue;
                };
                let span = (phrase.0.clone(), i, i + phrase.2.len(), score);
                if phrase.4 { excluded.push(span) } else { found.push(span) }
            }
        }
        (found, excluded)
    }
}

/// normalize.expand_abbreviations: each expansion word keeps the abbreviation's span.
pub fn expand(expansions: &FixedMap<Vec<Expansion>>, tokens: Vec<Token>) -> Vec<Token> {
    if !tokens.iter().any(|t| expansions.contains_key(&t.1)) {
        return tokens;
    }
    let mut out = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        match abbreviation_at(expansions, &tokens, i) {
            Some((size, expansion)) => {
                let (start, end) = (tokens[i].2, tokens[i + size - 1].3);
                out.extend(expansion.iter().map(|(norm, loose)| (norm.clone(), loose.clone(), start, end)));
                i += size;
            }
            None => {
                out.push(tokens[i].clone());
                i += 1;
            }
        }
    }
    out
}

fn abbreviation_at<'a>(
    expansions: &'a FixedMap<Vec<Expansion>>, tokens: &[Token], i: usize,
) -> Option<(usize, &'a Vec<(String, String)>)> {
    let entries = expansions.get(&tokens[i].1)?;
    entries.iter().find(|(key, _)| same(&tokens[i..], key, |t| &t.1)).map(|(key, expansion)| (key.len(), expansion))
}

/// The words from the start of `words` are `wanted`, word for word.
fn same(words: &[Token], wanted: &[String], form: impl Fn(&Token) -> &String) -> bool {
    words.len() >= wanted.len() && words.iter().zip(wanted).all(|(w, x)| form(w) == x)
}
