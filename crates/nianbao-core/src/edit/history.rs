//! Undo and redo over whole-document snapshots. Edits to the same field in
//! quick succession merge into one step, so undo does not go keystroke by
//! keystroke; a pasted block is always a step of its own. The steps kept
//! are bounded by count and by bytes: a few-megabyte report must not keep
//! hundreds of copies of itself.

/// Snapshots before each step, and after each undone one.
#[derive(Clone, Debug)]
pub struct History<T> {
    past: Vec<T>,
    future: Vec<T>,
    /// The field and time (ms) of the last recorded edit, for merging.
    last: Option<(String, f64)>,
    limit: usize,
    /// Bytes the kept snapshots may weigh together (at least one step is kept).
    max_bytes: usize,
    bytes: usize,
    weigh: fn(&T) -> usize,
}

/// Edits to one field closer together than this merge into one step.
pub const MERGE_MS: f64 = 1000.0;

impl<T: Clone> History<T> {
    /// At most `limit` steps, whatever they weigh.
    pub fn new(limit: usize) -> Self {
        Self::with_budget(limit, usize::MAX, |_| 0)
    }

    /// At most `limit` steps weighing `max_bytes` together, as `weigh` counts.
    pub fn with_budget(limit: usize, max_bytes: usize, weigh: fn(&T) -> usize) -> Self {
        History {
            past: Vec::new(),
            future: Vec::new(),
            last: None,
            limit,
            max_bytes,
            bytes: 0,
            weigh,
        }
    }

    /// Bytes the kept snapshots weigh.
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// Steps that can be undone.
    pub fn depth(&self) -> usize {
        self.past.len()
    }

    fn push_past(&mut self, t: T) {
        self.bytes += (self.weigh)(&t);
        self.past.push(t);
    }

    fn push_future(&mut self, t: T) {
        self.bytes += (self.weigh)(&t);
        self.future.push(t);
    }

    fn take(&mut self, t: &T) {
        self.bytes = self.bytes.saturating_sub((self.weigh)(t));
    }

    /// Forgets the oldest steps (redo steps farthest away first) past the bounds.
    fn trim(&mut self) {
        while self.past.len() > self.limit {
            let t = self.past.remove(0);
            self.take(&t);
        }
        while self.bytes > self.max_bytes && self.future.len() > 1 {
            let t = self.future.remove(0);
            self.take(&t);
        }
        while self.bytes > self.max_bytes && self.past.len() > 1 {
            let t = self.past.remove(0);
            self.take(&t);
        }
    }

    /// Records `before`, the state an edit is about to change. `field`
    /// names what is edited (`None`: a step that never merges, like a paste);
    /// `now_ms` is the caller's clock.
    pub fn record(&mut self, before: &T, field: Option<&str>, now_ms: f64) {
        let snapshot = (!self.merges(field, now_ms)).then(|| before.clone());
        self.record_step(snapshot, field, now_ms);
    }

    /// Whether an edit of `field` at `now_ms` would merge into the last step
    /// (then it needs no snapshot of the state before it).
    pub fn merges(&self, field: Option<&str>, now_ms: f64) -> bool {
        match (&self.last, field) {
            (Some((last, at)), Some(f)) => last == f && now_ms - at < MERGE_MS,
            _ => false,
        }
    }

    /// Records an edit whose snapshot was taken only if it does not merge
    /// (see [`History::merges`]): an edit that merges costs no copy.
    pub fn record_step(&mut self, before: Option<T>, field: Option<&str>, now_ms: f64) {
        let merges = self.merges(field, now_ms);
        self.last = field.map(|f| (f.to_owned(), now_ms));
        if let (Some(before), false) = (before, merges) {
            self.push_past(before);
        }
        for t in std::mem::take(&mut self.future) {
            self.take(&t);
        }
        self.trim();
    }

    /// The state to go back to, given the current one.
    pub fn undo(&mut self, current: &T) -> Option<T> {
        let prev = self.past.pop()?;
        self.take(&prev);
        self.push_future(current.clone());
        self.last = None;
        self.trim();
        Some(prev)
    }

    /// The state to go forward to, given the current one.
    pub fn redo(&mut self, current: &T) -> Option<T> {
        let next = self.future.pop()?;
        self.take(&next);
        self.push_past(current.clone());
        self.last = None;
        self.trim();
        Some(next)
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_in_one_field_is_one_step_and_a_paste_is_its_own() {
        let mut h = History::new(100);
        let mut doc = String::new();
        for (i, c) in "abc".chars().enumerate() {
            h.record(&doc, Some("problems"), i as f64 * 100.0);
            doc.push(c);
        }
        h.record(&doc, None, 400.0); // paste
        doc.push_str("XYZ");
        h.record(&doc, Some("problems"), 500.0);
        doc.push('d');
        assert_eq!(doc, "abcXYZd");
        doc = h.undo(&doc).unwrap();
        assert_eq!(doc, "abcXYZ");
        doc = h.undo(&doc).unwrap();
        assert_eq!(doc, "abc");
        doc = h.undo(&doc).unwrap();
        assert_eq!(doc, "");
        assert!(h.undo(&doc).is_none());
        doc = h.redo(&doc).unwrap();
        doc = h.redo(&doc).unwrap();
        assert_eq!(doc, "abcXYZ");
        // A new edit drops the redo branch.
        h.record(&doc, Some("x"), 9000.0);
        assert!(!h.can_redo());
    }

    #[test]
    fn a_keystroke_that_merges_needs_no_snapshot() {
        let mut h = History::new(10);
        assert!(!h.merges(Some("a"), 0.0), "the first edit starts a step");
        h.record_step(Some(0), Some("a"), 0.0);
        // The next keys in the same field merge: the caller copies nothing.
        assert!(h.merges(Some("a"), 300.0));
        h.record_step(None, Some("a"), 300.0);
        assert!(h.merges(Some("a"), 600.0));
        h.record_step(None, Some("a"), 600.0);
        assert_eq!(h.depth(), 1);
        assert_eq!(
            h.undo(&3),
            Some(0),
            "undo goes back to before the first key"
        );
        // Another field, or a pause, needs the snapshot again.
        assert!(!h.merges(Some("b"), 700.0));
        assert!(!h.merges(Some("a"), 700.0 + MERGE_MS));
    }

    #[test]
    fn pauses_and_other_fields_start_new_steps() {
        let mut h = History::new(100);
        h.record(&0, Some("a"), 0.0);
        h.record(&1, Some("a"), 2000.0);
        h.record(&2, Some("b"), 2100.0);
        assert_eq!(h.undo(&3), Some(2));
        assert_eq!(h.undo(&2), Some(1));
        assert_eq!(h.undo(&1), Some(0));
    }

    #[test]
    fn the_oldest_steps_go_past_the_limit() {
        let mut h = History::new(2);
        for i in 0..5 {
            h.record(&i, None, 0.0);
        }
        assert_eq!(h.undo(&5), Some(4));
        assert_eq!(h.undo(&4), Some(3));
        assert_eq!(h.undo(&3), None);
    }

    #[test]
    fn e11_big_documents_keep_fewer_steps_within_the_byte_budget() {
        // 200 steps of a 4 MB document would hold 800 MB; the budget holds 32 MB.
        let mut h: History<String> = History::with_budget(200, 32 << 20, String::len);
        let mut doc = "字".repeat((4 << 20) / 3);
        for i in 0..200 {
            h.record(&doc, None, f64::from(i));
            doc.push('a');
        }
        assert!(h.bytes() <= 32 << 20, "{} bytes kept", h.bytes());
        assert!(h.depth() >= 7, "still several steps: {}", h.depth());
        let kept = h.depth();
        for _ in 0..kept {
            doc = h.undo(&doc).unwrap();
            assert!(h.bytes() <= 32 << 20);
        }
        assert!(h.undo(&doc).is_none());
        // One step is always kept, however big.
        let mut one: History<String> = History::with_budget(200, 10, String::len);
        one.record(&"x".repeat(100), None, 0.0);
        assert!(one.can_undo());
    }
}
