//! What Python says about each character the core handles, given by the Python side at start-up
//! (audit/base/core.py): the same `isalnum`, `lower`, `fold` ... as the reference, by construction.
//! A line with a character outside the table is left to the Python code.

use std::collections::HashMap;
use std::sync::Mutex;

pub const ALNUM: u8 = 1; // str.isalnum(): `\w` of Python's `re`, without "_"
pub const DECIMAL: u8 = 2; // str.isdecimal(): `\d`
pub const SPACE: u8 = 4; // str.isspace(): `\s`
pub const UPPER: u8 = 8;
pub const LOWER: u8 = 16;
pub const TITLE: u8 = 32; // general category Lt: neither upper nor lower case for str.isupper()

#[derive(Clone, Copy)]
pub struct CharInfo {
    pub flags: u8,
    pub lower: char,
    pub fold: char,
}

pub struct Table {
    infos: Vec<Option<CharInfo>>, // by code point
    // canonical_tones(word).lower() of the words seen: plans repeat their words a lot
    pub lows: Mutex<HashMap<String, Option<String>>>,
    pub tones: Mutex<HashMap<String, Option<String>>>, // retone_word's answers
}

pub const SEEN_WORDS: usize = 65536; // as normalize.normalize_word's cache

impl Table {
    pub fn new(rows: Vec<(u32, u8, char, char)>) -> Table {
        let size = rows.iter().map(|r| r.0 as usize + 1).max().unwrap_or(0);
        let mut infos = vec![None; size];
        for (code, flags, lower, fold) in rows {
            infos[code as usize] = Some(CharInfo { flags, lower, fold });
        }
        Table { infos, lows: Mutex::new(HashMap::new()), tones: Mutex::new(HashMap::new()) }
    }

    pub fn get(&self, ch: char) -> Option<CharInfo> {
        self.infos.get(ch as usize).copied().flatten()
    }

    /// Every character of `text` is in the table: the core may answer for it.
    pub fn covers(&self, text: &[char]) -> bool {
        text.iter().all(|&ch| self.get(ch).is_some())
    }

    pub fn covers_text(&self, text: &str) -> bool {
        text.chars().all(|ch| self.get(ch).is_some())
    }

    pub fn has(&self, ch: char, flag: u8) -> bool {
        self.get(ch).map_or(false, |info| info.flags & flag != 0)
    }

    /// `[^\W_]`: a letter or a digit.
    pub fn alnum(&self, ch: char) -> bool {
        self.has(ch, ALNUM)
    }

    /// `[^\W\d_]`: a letter.
    pub fn alpha(&self, ch: char) -> bool {
        self.get(ch).map_or(false, |i| i.flags & ALNUM != 0 && i.flags & DECIMAL == 0)
    }

    pub fn space(&self, ch: char) -> bool {
        self.has(ch, SPACE)
    }

    /// str.lower(), or None when a character is not in the table.
    pub fn lower(&self, text: &str) -> Option<String> {
        text.chars().map(|ch| self.get(ch).map(|i| i.lower)).collect()
    }

    /// audit.base.normalize.fold.
    pub fn fold(&self, text: &str) -> Option<String> {
        text.chars().map(|ch| self.get(ch).map(|i| i.fold)).collect()
    }

    /// str.isupper(): some cased character, and none in lower or title case.
    pub fn is_upper(&self, text: &[char]) -> bool {
        self.cased_as(text, UPPER, LOWER | TITLE)
    }

    /// str.islower().
    pub fn is_lower(&self, text: &[char]) -> bool {
        self.cased_as(text, LOWER, UPPER | TITLE)
    }

    fn cased_as(&self, text: &[char], wanted: u8, refused: u8) -> bool {
        let mut cased = false;
        for &ch in text {
            let flags = self.get(ch).map_or(0, |i| i.flags);
            if flags & refused != 0 {
                return false;
            }
            cased |= flags & wanted != 0;
        }
        cased
    }
}

pub fn combining(ch: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&ch)
}
