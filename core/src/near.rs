//! The copy check's bound before rapidfuzz (trace/copying.py). Two strings can share no more
//! characters in order than they hold of each: the Indel distance is at least the sum over the
//! characters of the difference of their counts. A parent's sentence whose counts already differ
//! from a child's by more than the similarity allows cannot score it, and is never compared.

use pyo3::prelude::*;
use pyo3::types::PyString;

/// Counts of each ASCII character; None for a string with another character (always compared).
type Counts = Option<[u16; 128]>;

fn counts(text: &str) -> Counts {
    let mut out = [0u16; 128];
    for byte in text.bytes() {
        if byte >= 128 {
            return None;
        }
        out[byte as usize] = out[byte as usize].saturating_add(1);
    }
    Some(out)
}

#[pyclass]
pub struct Near {
    choices: Vec<(Counts, usize)>, // each choice's counts and length in characters
}

impl Near {
    pub fn new(choices: Vec<&str>) -> Near {
        Near { choices: choices.iter().map(|c| (counts(c), c.chars().count())).collect() }
    }
}

#[pymethods]
impl Near {
    /// The places of the choices that may score `similarity` (rapidfuzz's ratio, 0-100) or more
    /// against `text`, in order: those whose count difference is within the distance allowed,
    /// with one character to spare for the rounding of the score.
    fn candidates(&self, text: &PyString, similarity: f64) -> PyResult<Vec<usize>> {
        let text = text.to_str()?;
        let (mine, length) = (counts(text), text.chars().count());
        let allowed = |other: usize| (1.0 - similarity / 100.0) * (length + other) as f64 + 1.0;
        Ok(self.choices.iter().enumerate()
            .filter(|(_, (theirs, other))| match (&mine, theirs) {
                (Some(a), Some(b)) => {
                    let apart: u32 = a.iter().zip(b).map(|(x, y)| x.abs_diff(*y) as u32).sum();
                    apart as f64 <= allowed(*other)
                }
                _ => true,
            })
            .map(|(at, _)| at)
            .collect())
    }
}
