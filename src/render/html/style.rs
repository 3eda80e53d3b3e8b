//! The HTML edition's stylesheet, inside the page: a reading measure like
//! the PDF's, the system's fonts (nothing fetched), two languages side by
//! side on a wide screen and one after the other on a narrow one, and the
//! print rules: the paper, page breaks, groups kept whole.

use crate::render::print::Paper;

/// The stylesheet for a page printed on `paper`.
pub fn css(paper: Paper) -> String {
    let size = match paper {
        Paper::A4 => "A4",
        Paper::Letter => "letter",
    };
    format!("{SCREEN}@page {{ size: {size}; margin: 2.5cm 2.2cm; }}\n{PRINT}")
}

const SCREEN: &str = r#":root { color: #1a1a1a; background: #fff; }
body { margin: 0 auto; padding: 2rem 1.25rem 3rem; max-width: 44rem;
  font: 1.0625rem/1.55 Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, serif;
  hyphens: auto; overflow-wrap: break-word; }
body:has(.pair) { max-width: 72rem; }
h1 { font-size: 1.75rem; line-height: 1.25; text-align: center; margin: 1.5rem 0 1rem; }
h2 { font-size: 1.15rem; line-height: 1.3; margin: 2rem 0 0.5rem; }
p { margin: 0 0 0.7rem; }
sup { font-size: 0.7em; line-height: 0; vertical-align: baseline; position: relative; top: -0.45em; }
.title-page { text-align: center; margin: 2rem 0 3rem; }
.title-page p { text-align: center; }
blockquote { margin: 1rem 0; padding: 0.5rem 1rem; border-left: 4px solid #6b6b6b; background: #f4f4f4; }
blockquote p { margin: 0.25rem 0; }
ul, ol { margin: 0 0 0.8rem; padding-left: 1.6rem; }
ul { list-style: "– "; }
li { margin: 0.2rem 0; }
ol.lettered { list-style: none; padding-left: 1.6rem; }
ol.lettered > li { text-indent: -1.6rem; }
ol.lettered .label { display: inline-block; min-width: 1.6rem; text-indent: 0; }
hr { border: 0; border-top: 1px solid #8a8a8a; margin: 1.5rem 0; }
.table { overflow-x: auto; margin: 0.8rem 0 1.2rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
th, td { border: 1px solid #9a9a9a; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #ececec; }
.right { text-align: right; white-space: nowrap; }
.center { text-align: center; }
nav.contents ol { list-style: none; padding-left: 0; }
nav.contents a { color: #0b3d91; }
aside.review { margin: 0.8rem 0 1.2rem; padding: 0.5rem 0.9rem; background: #eef1f6;
  border: 1px solid #b8c2d6; border-radius: 4px; font-family: system-ui, sans-serif; font-size: 0.9rem; }
ins { color: #0a5c26; text-decoration: underline; text-decoration-thickness: 2px; }
del { color: #9b1c1c; text-decoration: line-through; }
del + ins { margin-left: 0.25em; }
.pair { display: grid; grid-template-columns: 1fr 1fr; column-gap: 2.5rem; grid-auto-flow: dense;
  background: linear-gradient(#b0b0b0, #b0b0b0) center / 1px 100% no-repeat; }
.pair > .l { grid-column: 1; }
.pair > .r { grid-column: 2; }
.grid { display: grid; grid-template-columns: 1fr 1fr; column-gap: 2.5rem; }
.keep { margin-top: 1rem; }
.draft-mark p { text-align: center; font: 700 1.1rem/1.4 system-ui, sans-serif; letter-spacing: 0.3em;
  color: #8b1a1a; border: 2px solid #8b1a1a; padding: 0.3rem; margin: 0 0 1rem; }
footer { margin-top: 3rem; border-top: 1px solid #c4c4c4; padding-top: 0.5rem;
  font: 0.8rem/1.4 system-ui, sans-serif; color: #4d4d4d; }
@media (max-width: 48rem) {
  body { font-size: 1rem; }
  .pair, .grid { display: block; background: none; }
  .pair > .r:first-of-type, .pair > h2.r { margin-top: 1.5rem; }
}
"#;

const PRINT: &str = r#"@media print {
  :root { background: none; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  body:has(.pair) { max-width: none; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; }
  p { orphans: 2; widows: 2; text-align: justify; }
  .title-page p, aside.review p, blockquote p { text-align: inherit; }
  .page-break { break-after: page; }
  .keep, tr, aside.review { break-inside: avoid; }
  .title-page { break-after: page; margin-top: 30%; }
  .pair { display: grid; }
  .table { overflow: visible; }
  thead { display: table-header-group; }
  footer { border: 0; }
}
"#;
