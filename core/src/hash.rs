//! A quick hash for the sets built once from the dictionaries and the lexicon (words looked up many
//! times a line): the multiply-rotate of FxHash. Sets and maps that grow with what a document
//! writes (the caches of words seen) keep std's SipHash, which a crafted document cannot flood.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

const SEED: u64 = 0x517c_c1b7_2722_0a95;

#[derive(Default)]
pub struct QuickHasher {
    hash: u64,
}

impl QuickHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for QuickHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().unwrap()));
        }
        for &byte in chunks.remainder() {
            self.add(byte as u64);
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(byte as u64);
    }

    fn write_usize(&mut self, value: usize) {
        self.add(value as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

pub type Quick = BuildHasherDefault<QuickHasher>;
pub type FixedSet = HashSet<String, Quick>;
pub type FixedMap<V> = HashMap<String, V, Quick>;
