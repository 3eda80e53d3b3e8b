//! The document model: a checked convention resolved into what every output
//! prints — title block, parties, recitals, numbered articles, annexes,
//! signature blocks, and for drafts the open diagnostics. The Markdown renderer
//! and the PDF renderer both consume this one model.

use serde::Serialize;

/// A convention ready to print.
#[derive(Clone, Debug, Serialize)]
pub struct Document {
    pub lang: crate::Lang,
    pub title: String,
    pub short_title: String,
    /// The profile's title (« Partenariat de gestion »).
    pub kind: String,
    pub reference: Option<String>,
    pub place: String,
    /// What the document calls itself in a sentence: « la présente
    /// convention », « la présente entente », "this agreement".
    pub this: String,
    pub effective_date: String,
    pub end_date: String,
    pub parties: Vec<PartyBlock>,
    /// The recitals (« ATTENDU QUE … »), as Markdown.
    pub preamble: String,
    pub articles: Vec<Article>,
    pub annexes: Vec<Annex>,
    pub signatures: Vec<Signature>,
    /// Present when rendering a draft: the banner text and the open findings.
    pub draft: Option<Draft>,
    /// This edition is a translation for information of an agreement a
    /// Quebec public body signs in French (Charter of the French language,
    /// s. 21): it bears no signatures.
    pub translation: bool,
    /// What the document's properties say (title, author…): the same values
    /// as plain text, not Markdown.
    #[serde(skip)]
    pub properties: Properties,
}

/// A document's properties, as plain text (a PDF's metadata, a Word
/// document's, an HTML page's `<title>`).
#[derive(Clone, Debug, Default)]
pub struct Properties {
    pub title: String,
    pub short_title: String,
    pub reference: Option<String>,
    /// Each party's name.
    pub parties: Vec<String>,
}

/// A party as introduced at the top of the convention.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PartyBlock {
    pub id: String,
    pub name: String,
    pub short_name: String,
    pub address: String,
    pub constituted_under: Option<String>,
    pub registration: Option<String>,
    /// A legal person established in the public interest (« de droit
    /// public »): a municipality, a ministry, a health or school body.
    pub public: bool,
    /// The establishment the party acts through (« agissant pour son
    /// établissement »): the address is then the establishment's.
    pub acting_through: Option<String>,
    pub representative: String,
    pub representative_title: String,
    pub mandate: Option<String>,
    /// The date of the mandate, written out (« 10 novembre 2026 »).
    pub mandate_date: Option<String>,
    /// Everyone who signs for the party, the representative first.
    pub signatories: Vec<Signatory>,
}

/// A person who signs for a party, with the office and the mandate under
/// which they sign.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Signatory {
    pub name: String,
    pub title: String,
    /// The representative's when not given.
    pub mandate: Option<String>,
}

/// A numbered article.
#[derive(Clone, Debug, Serialize)]
pub struct Article {
    pub number: usize,
    /// « Article 1er », « Article 2 », "Article 1".
    pub label: String,
    pub title: String,
    pub clause_id: String,
    /// Markdown body, paragraphs numbered N.1, N.2 … when there are several.
    pub body: String,
    /// The lawyer's review notes (`--annotate`).
    pub review: Option<Review>,
}

/// Reasoning shown beside an article in the review rendering.
#[derive(Clone, Debug, Serialize)]
pub struct Review {
    pub purpose: String,
    pub empty_optional_fields: Vec<String>,
    pub findings: Vec<String>,
}

/// A lettered annex holding a table.
#[derive(Clone, Debug, Serialize)]
pub struct Annex {
    /// « A », « B »… then « AA » past « Z ».
    pub letter: String,
    /// A document attached to the convention (a plan, a resolution): its
    /// title only, no table.
    pub attached: bool,
    pub key: String,
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// A closing row (totals), printed in bold.
    pub total: Option<Vec<String>>,
}

/// One signature block.
#[derive(Clone, Debug, Serialize)]
pub struct Signature {
    pub party_name: String,
    pub short_name: String,
    pub representative: String,
    pub title: String,
    pub mandate: Option<String>,
    /// Everyone who signs for the party, the representative first.
    pub signatories: Vec<Signatory>,
}

/// What a draft carries.
#[derive(Clone, Debug, Serialize)]
pub struct Draft {
    pub banner: String,
    /// The letter of its annex of open findings, after the other annexes.
    pub letter: String,
    pub findings: Vec<String>,
}
