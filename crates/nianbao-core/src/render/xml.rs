//! A small XML writer for the Word parts: every text and attribute value goes
//! through one escaping path, so user text cannot become markup; characters
//! XML 1.0 forbids (most C0 controls) are dropped, since Word refuses a file
//! that holds one.

/// XML being written.
#[derive(Default)]
pub struct Xml {
    out: String,
}

fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r')
        || matches!(c, '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

fn escape_into(out: &mut String, text: &str, attribute: bool) {
    for c in text.chars().filter(|c| allowed(*c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\n' | '\r' | '\t' if attribute => out.push(' '),
            c => out.push(c),
        }
    }
}

impl Xml {
    /// A part starting with the XML declaration.
    pub fn part() -> Xml {
        Xml {
            out: "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n".to_owned(),
        }
    }

    fn tag(&mut self, name: &str, attrs: &[(&str, &str)], empty: bool) {
        self.out.push('<');
        self.out.push_str(name);
        for (k, v) in attrs {
            self.out.push(' ');
            self.out.push_str(k);
            self.out.push_str("=\"");
            escape_into(&mut self.out, v, true);
            self.out.push('"');
        }
        self.out.push_str(if empty { "/>" } else { ">" });
    }

    /// `<name a="v">`; names are the writer's own constants, values escaped.
    pub fn open(&mut self, name: &str, attrs: &[(&str, &str)]) -> &mut Xml {
        self.tag(name, attrs, false);
        self
    }

    pub fn close(&mut self, name: &str) -> &mut Xml {
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
        self
    }

    /// `<name a="v"/>`.
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> &mut Xml {
        self.tag(name, attrs, true);
        self
    }

    /// Escaped text.
    pub fn text(&mut self, text: &str) -> &mut Xml {
        escape_into(&mut self.out, text, false);
        self
    }

    pub fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_cannot_become_markup() {
        let mut x = Xml::default();
        x.open("w:t", &[("a", "\"><x a='1'>")])
            .text("</w:t><w:r>&amp;\u{0}\u{1b}ok")
            .close("w:t");
        assert_eq!(
            x.finish(),
            "<w:t a=\"&quot;&gt;&lt;x a='1'&gt;\">&lt;/w:t&gt;&lt;w:r&gt;&amp;amp;ok</w:t>"
        );
    }
}
