//! Where a text comes from and how much of it is known: a proposal's [`Provenance`] and
//! [`Source`]s, its [`Completeness`], and how each clause's text is known ([`TextBasis`]).

/// Where a text comes from and how much of it is known.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Provenance {
    /// How much of the text is known.
    pub completeness: Completeness,
    /// The publications the text was taken from.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub sources: Vec<Source>,
    /// Anything a reader should know: "unofficial translation", "stops inside Article 1".
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub note: Option<String>,
}

impl Provenance {
    /// Provenance with no sources and no note.
    pub fn new(completeness: Completeness) -> Self {
        Provenance {
            completeness,
            sources: Vec::new(),
            note: None,
        }
    }

    /// Adds a source.
    #[must_use]
    pub fn with_source(mut self, source: Source) -> Self {
        self.sources.push(source);
        self
    }
}

string_enum! {
    /// How much of a text is known.
    pub enum Completeness {
        /// The whole text.
        Full => "full",
        /// A continuous part of it (the opening, say); the rest is unknown.
        Partial => "partial",
        /// Scattered quotations or summaries.
        Excerpt => "excerpt",
    }
}

/// A publication a text was taken from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Source {
    /// Who published what, when: "Ministry of Foreign Affairs of the Russian Federation, 17
    /// December 2021".
    pub citation: String,
    /// Where it can be read.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub url: Option<String>,
}

impl Source {
    /// A source with no URL.
    pub fn new(citation: impl Into<String>) -> Self {
        Source {
            citation: citation.into(),
            url: None,
        }
    }

    /// Sets the URL.
    #[must_use]
    pub fn with_url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }
}

string_enum! {
    /// How a clause's text is known.
    #[derive(Default)]
    pub enum TextBasis {
        /// The whole text, word for word.
        #[default]
        Verbatim => "verbatim",
        /// Word for word, but the source stops part-way through: what is there is exact, what
        /// follows is unknown.
        Truncated => "truncated",
        /// Some sentences or words, quoted exactly by a secondary source; the rest is unknown.
        QuotedInPart => "quoted_in_part",
        /// Not the text but a summary of it, in other words.
        Summary => "summary",
    }
}

impl TextBasis {
    /// Whether this is [`TextBasis::Verbatim`].
    pub fn is_verbatim(&self) -> bool {
        matches!(self, TextBasis::Verbatim)
    }
}
