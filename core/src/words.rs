//! Words and their normal forms, as audit/base/normalize.py and audit/text/spelling.py cut and
//! write them. Offsets are in characters (Python's string indices). `None`: a character the table
//! lacks turned up, and the caller leaves the line to Python.

use crate::chars::{combining, Table, SEEN_WORDS};
use std::collections::{HashMap, HashSet};

use std::sync::Mutex;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
const MOVABLE_PAIRS: [&str; 3] = ["oa", "oe", "uy"];
// What may stand before or after a word in its chunk (spelling.py's _EDGE).
const EDGE: &str = "\"'“”‘’()[]{}<>«»,.;:!?…*#_–—-";

/// The end of the run starting at `at` of `first` characters, each run followed by combining
/// marks and more `rest` characters: `first+(?:[\u0300-\u036f]+rest*)*`.
fn run_end(text: &[char], at: usize, first: impl Fn(char) -> bool, rest: impl Fn(char) -> bool) -> usize {
    let mut end = at;
    while end < text.len() && first(text[end]) {
        end += 1;
    }
    while end < text.len() && combining(text[end]) {
        while end < text.len() && combining(text[end]) {
            end += 1;
        }
        while end < text.len() && rest(text[end]) {
            end += 1;
        }
    }
    end
}

/// normalize.canonical_tones: NFC with the tone of a final "oa", "oe", "uy" on its first vowel.
pub fn canonical_tones(table: &Table, text: &str) -> Option<String> {
    let nfc: Vec<char> = match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => text.chars().collect(), // most lines: no need to compose anything
        _ => text.nfc().collect(),
    };
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < nfc.len() {
        if !table.alpha(nfc[i]) {
            out.push(nfc[i]);
            i += 1;
            continue;
        }
        let end = run_end(&nfc, i, |c| table.alpha(c), |c| table.alpha(c));
        let word: String = nfc[i..end].iter().collect();
        out.push_str(&remembered(&table.tones, &word, || retone_word(table, &word))?);
        i = end;
    }
    Some(out)
}

fn retone_word(table: &Table, word: &str) -> Option<String> {
    let decomposed: Vec<char> = word.nfd().collect();
    let tone = match decomposed.iter().find(|c| TONES.contains(c)) {
        Some(&tone) => tone,
        None => return Some(word.to_string()),
    };
    let bare: String = decomposed.iter().filter(|c| !TONES.contains(c)).collect();
    let base: Vec<char> = bare.nfc().collect();
    let lower: Vec<char> = table.lower(&base.iter().collect::<String>())?.chars().collect();
    for pair in MOVABLE_PAIRS {
        let pair: Vec<char> = pair.chars().collect();
        let at = lower.len().wrapping_sub(2);
        // only a word ending in the pair moves its tone; in "quý" the u belongs to qu
        if !lower.ends_with(&pair) || (pair == ['u', 'y'] && at >= 1 && lower[at - 1] == 'q') {
            continue;
        }
        let moved: String = base[..at + 1].iter().chain(std::iter::once(&tone)).chain(&base[at + 1..]).collect();
        return Some(moved.nfc().collect());
    }
    Some(decomposed.iter().collect::<String>().nfc().collect())
}

/// canonical_tones(word).lower(), remembered per word.
pub fn low(table: &Table, word: &str) -> Option<String> {
    remembered(&table.lows, word, || canonical_tones(table, word).and_then(|text| table.lower(&text)))
}

/// `make(word)`, remembered in `seen` (emptied when full: plans repeat their words a lot).
fn remembered(seen: &Mutex<HashMap<String, Option<String>>>, word: &str, make: impl FnOnce() -> Option<String>) -> Option<String> {
    if let Some(found) = seen.lock().unwrap().get(word) {
        return found.clone();
    }
    let found = make();
    let mut seen = seen.lock().unwrap();
    if seen.len() >= SEEN_WORDS {
        seen.clear();
    }
    seen.insert(word.to_string(), found.clone());
    found
}

/// normalize.normalize_word: (norm, loose).
pub fn normalize_word(table: &Table, word: &str) -> Option<(String, String)> {
    let norm = low(table, word)?;
    let loose = table.fold(&norm)?;
    Some((norm, loose))
}

/// normalize.tokenize: (norm, loose, start, end) for each word (letters and digits).
pub fn tokenize(table: &Table, text: &[char]) -> Option<Vec<(String, String, usize, usize)>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        if !table.alnum(text[i]) {
            i += 1;
            continue;
        }
        let end = run_end(text, i, |c| table.alnum(c), |c| table.alnum(c));
        let (norm, loose) = normalize_word(table, &text[i..end].iter().collect::<String>())?;
        out.push((norm, loose, i, end));
        i = end;
    }
    Some(out)
}

/// A word of spelling.py: between spaces, with only punctuation around it.
pub struct Word {
    pub text: String,
    pub chars: Vec<char>,
    pub start: usize,
    pub end: usize,
    pub joined: bool, // no punctuation after it in its chunk
    pub opens: bool,  // no punctuation before it in its chunk
    pub low: String,  // lower case, canonical tones
}

impl Word {
    fn new(chars: &[char], start: usize, joined: bool, opens: bool, low: String) -> Word {
        let text = chars.iter().collect();
        Word { text, chars: chars.to_vec(), start, end: start + chars.len(), joined, opens, low }
    }
}

/// spelling._words: the words of the line, one per chunk between spaces whose core is letters.
pub fn chunk_words(table: &Table, text: &[char]) -> Option<Vec<Word>> {
    let mut words = Vec::new();
    for (start, end) in chunks(table, text) {
        let chunk = &text[start..end];
        let before = chunk.iter().take_while(|&&c| EDGE.contains(c)).count();
        let core = if before < chunk.len() && table.alpha(chunk[before]) {
            chunk[before..].iter().take_while(|&&c| table.alpha(c) || combining(c)).count()
        } else {
            0
        };
        let after = before + core;
        if core == 0 || !chunk[after..].iter().all(|&c| EDGE.contains(c)) {
            continue;
        }
        let low = low(table, &chunk[before..after].iter().collect::<String>())?;
        words.push(Word::new(&chunk[before..after], start + before, after == chunk.len(), before == 0, low));
    }
    Some(words)
}

/// The maximal runs of characters that are not spaces, as (start, end).
fn chunks(table: &Table, text: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        if table.space(text[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < text.len() && !table.space(text[i]) {
            i += 1;
        }
        out.push((start, i));
    }
    out
}

/// spelling._words' codes: in each chunk "61/2018/NĐ-CP" (from a space, word characters, "/" and
/// "." up to a hyphen after a word character, then on), the letter runs followed by a hyphen.
pub fn code_parts(table: &Table, text: &[char]) -> Vec<Word> {
    let word_char = |c: char| table.alnum(c) || c == '_';
    let mut parts = Vec::new();
    let mut last_end = 0;
    for start in 0..text.len() {
        if start < last_end || (start > 0 && !table.space(text[start - 1])) {
            continue;
        }
        let stem = text[start..].iter().take_while(|&&c| word_char(c) || c == '/' || c == '.').count();
        let hyphen = start + stem;
        if stem == 0 || hyphen >= text.len() || text[hyphen] != '-' || !word_char(text[hyphen - 1]) {
            continue;
        }
        last_end = hyphen + text[hyphen..].iter().take_while(|&&c| word_char(c) || c == '/' || c == '.' || c == '-').count();
        parts.extend(hyphened_letters(table, text, start, last_end));
    }
    parts
}

fn hyphened_letters(table: &Table, text: &[char], start: usize, end: usize) -> Vec<Word> {
    letter_runs(table, &text[start..end])
        .filter(|&(_, stop)| text.get(start + stop) == Some(&'-') && start + stop < end)
        .map(|(first, stop)| Word::new(&text[start + first..start + stop], start + first, false, false, String::new()))
        .collect()
}

/// spelling.plan_words: each syllable written more than once and each pair written side by side.
pub fn plan_words(table: &Table, texts: &[Vec<char>]) -> Option<Vec<String>> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut found: HashSet<String> = HashSet::new();
    for text in texts {
        let lows = letter_runs(table, text).map(|(i, end)| low(table, &text[i..end].iter().collect::<String>()));
        let lows: Vec<String> = lows.collect::<Option<_>>()?;
        for (a, b) in lows.iter().zip(lows.iter().skip(1)) {
            found.insert(format!("{} {}", a, b));
        }
        for word in lows {
            *counts.entry(word).or_insert(0) += 1;
        }
    }
    found.extend(counts.into_iter().filter(|(_, n)| *n > 1).map(|(word, _)| word));
    Some(found.into_iter().collect())
}

/// The runs of letters (`[^\W\d_]+`) as (start, end).
fn letter_runs<'a>(table: &'a Table, text: &'a [char]) -> impl Iterator<Item = (usize, usize)> + 'a {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < text.len() && !table.alpha(text[i]) {
            i += 1;
        }
        let start = i;
        while i < text.len() && table.alpha(text[i]) {
            i += 1;
        }
        (start < i).then_some((start, i))
    })
}

/// Some run of `\w` characters (letters, digits, "_") equals one of the four runs after it.
pub fn repeats_near(table: &Table, text: &[char]) -> bool {
    let mut words: Vec<&[char]> = Vec::new();
    let mut i = 0;
    while i < text.len() {
        if !(table.alnum(text[i]) || text[i] == '_') {
            i += 1;
            continue;
        }
        let start = i;
        while i < text.len() && (table.alnum(text[i]) || text[i] == '_') {
            i += 1;
        }
        let word = &text[start..i];
        if words.iter().rev().take(4).any(|&before| before == word) {
            return true;
        }
        words.push(word);
    }
    false
}
