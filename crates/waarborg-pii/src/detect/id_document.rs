//! ID_DOCUMENT — passport, identity-card and driving-licence numbers.
//!
//! **What it finds:** Dutch passport and ID-card document numbers (nine characters: two
//! letters, six letters or digits, one digit; never the letter O) and driving-licence numbers
//! (ten digits), each only after a document label (`paspoort`, `identiteitskaart`, `ID-kaart`,
//! `documentnummer`, `rijbewijs`, `passport`).
//!
//! **Why it is personal data:** a document number identifies its holder and is used for
//! identity fraud; the Wet op de identificatieplicht restricts copying it.
//!
//! **Hard negatives:** product codes and references of the same shape without a document label.

use super::labelled::{Gap, LabelRule};
use super::{Hit, PatternRule};
use crate::entity::EntityType;
use crate::text::Text;
use std::ops::Range;

/// Labels of identity documents.
const DOCUMENT_LABELS: &[&str] = &[
    "paspoort", "passport", "identiteitskaart", "identiteitsbewijs", "id-kaart", "id kaart",
    "idkaart", "id-bewijs", "documentnummer", "documentnr", "document nr", "reisdocument",
    "legitimatie", "rijbewijs", "identity card", "id card", "paspoortnummer",
    "identiteitskaartnummer", "id-kaartnummer", "rijbewijsnummer",
    // The longer labels of the rule below, so that a Dutch number after them is read here too
    // (the keyword pass reports the longest label at a place).
    "verblijfsdocument nummer", "verblijfsdocumentnummer", "verblijfspasnummer",
    "nummer verblijfsdocument", "nummer paspoort", "nummer identiteitskaart", "nummer identiteitsbewijs",
    "identiteitsbewijsnummer", "legitimatienummer", "paspoortnr", "paspoort nr", "id-kaart nr",
    "identiteitskaart nr", "passport no", "passport nr", "passport nbr", "document no", "id card no",
    "id no", "id number", "identity card number", "identity card no",
    "document-nr", "identiteitsdocument", "eid-kaart", "residence permit", "residence permit number",
    "residence card", "passport number", "document number", "verblijfsvergunning",
];

pub(crate) const LABEL_RULES: &[LabelRule] = &[
    LabelRule {
        labels: DOCUMENT_LABELS,
        gap: Gap::NoNewline(50),
        max_value: 9,
        rule: PatternRule {
            entity: EntityType::IdDocument,
            name: "id_document_nl",
            pattern: r"(?-u:\b)(?:[A-NP-Z]{2}[A-NP-Z0-9]{6}[0-9]|[a-np-z]{2}[a-np-z0-9]{6}[0-9])(?-u:\b)",
            check: check_document,
        },
        before: None,
        lists: false,
        // The cells of a table column headed `Documentnummer`.
        blocks: true,
    },
    // (Before the rule for other formats: a Dutch licence's ten digits are reported as one.)
    LabelRule {
        labels: &["rijbewijs", "rijbewijsnummer", "driving licence", "driving license", "driver's license"],
        gap: Gap::NoDigits(40),
        max_value: 10,
        rule: PatternRule {
            entity: EntityType::IdDocument,
            name: "driving_licence_nl",
            pattern: r"(?-u:\b)[0-9]{10}(?-u:\b)",
            check: check_licence,
        },
        before: None,
        lists: false,
        blocks: false,
    },
    LabelRule {
        labels: &[
            "documentnummer", "paspoortnummer", "identiteitskaartnummer", "id-kaartnummer",
            "rijbewijsnummer", "documentnr", "passport number", "document number", "paspoort",
            "id-kaart", "identiteitskaart", "rijbewijs", "verblijfsdocument", "verblijfspas",
            "vreemdelingendocument", "verblijfsdocument nummer", "verblijfsdocumentnummer",
            "verblijfspasnummer", "nummer verblijfsdocument", "nummer paspoort", "nummer identiteitskaart",
            "nummer identiteitsbewijs", "identiteitsbewijsnummer", "legitimatienummer", "paspoortnr",
            "paspoort nr", "id-kaart nr", "identiteitskaart nr",
            // English forms: `Passport no.: C4J8K2L6M`, `ID card No. 123456AB`, and a foreign
            // passport's number right after the word (`passport B05728164`, `passport FX194762`).
            "passport", "identity card", "id card", "passport no", "passport nr", "passport nbr", "document no", "id card no", "id no",
            "id number", "identity card number", "identity card no",
            // The residence permit's card. (Not the IND's `V-nummer`: a person's number, no
            // document's, and outside the taxonomy.)
            "verblijfsvergunning", "verblijfsvergunning nr", "verblijfsvergunningnummer",
            "verblijfsvergunning nummer", "verblijfsvergunningsnummer", "document-nr", "identiteitsdocument",
            "eid-kaart", "residence permit", "residence permit number", "residence card",
        ],
        // (Forms align their values: `paspoort nr.:         FX592014`; or put it on the next
        // line: `Paspoortnummer:` then `NW3F7K2L4`.)
        // A table's cell after the document's type: `| Duits paspoort | C4J7R2X91 |`.
        // `rijbewijs, nummer RB4417902M`, `paspoort met het nummer …`: the words that say the
        // number follows.
        // A remark in brackets may stand between (`verblijfsvergunning (tijdelijke bescherming) |`).
        gap: Gap::OnlyAndWords(" :=#.,(-\t\n|", &["nummer", "nr", "no", "number", "met", "het"], 48),
        max_value: 12,
        rule: PatternRule {
            entity: EntityType::IdDocument,
            name: "id_document_labelled",
            pattern: r"(?-u:\b)[A-Z0-9]{6,12}(?-u:\b)",
            check: check_labelled,
        },
        before: None,
        lists: false,
        blocks: false,
    },
];

fn check_document(t: &Text<'_>, m: Range<usize>) -> Option<Hit> {
    if !t.left_boundary(m.start) {
        return None;
    }
    let m = m.end - 9..m.end;
    let raw = &t.bytes[m.clone()];
    // One case throughout, and the number must be a code: a digit in the middle, or (one
    // number in eight has none: `RQUHVFFE0`) eight letters that are no listed word
    // (`BESCHIKT1` is a heading's word and a footnote).
    let upper = raw.iter().all(|c| !c.is_ascii_lowercase());
    let lower = raw.iter().all(|c| !c.is_ascii_uppercase());
    let code = raw[2..8].iter().any(u8::is_ascii_digit)
        || std::str::from_utf8(&raw[..8]).is_ok_and(|letters| crate::lexicon::flags(letters) == 0);
    if !(upper || lower) || !code {
        return None;
    }
    if !t.left_boundary(m.start) || !t.right_boundary(m.end) {
        return None;
    }
    Some(Hit::new(m, 0.9))
}

/// Any document number right after its label (`documentnummer N012847563`), in the formats of
/// other countries and older Dutch documents: 6–12 capitals and digits, at least four digits.
fn check_labelled(t: &Text<'_>, m: Range<usize>) -> Option<Hit> {
    if !t.left_boundary(m.start) {
        return None;
    }
    let value_len = t.bytes[m.clone()]
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        .count();
    let value = m.end - value_len..m.end;
    // Across a line break or a table's cell border only a code with a letter, and one line down
    // at most (`| Paspoort | 104233 |` counts passports; `Paspoort\n\n20240312` is a date).
    let gap = &t.bytes[m.start..value.start];
    let crossed = gap.contains(&b'|') || gap.contains(&b'\n');
    if crossed && (!t.bytes[value.clone()].iter().any(u8::is_ascii_uppercase) || gap.iter().filter(|&&c| c == b'\n').count() > 1) {
        return None;
    }
    let m = value;
    let raw = &t.bytes[m.clone()];
    // (Not letters before a year: `passport NL2024 renewal`, `EU2024`.)
    let digits = raw.iter().filter(|c| c.is_ascii_digit()).count();
    let year_tag = digits == 4
        && raw.len() <= 7
        && raw[raw.len() - 4..].iter().all(u8::is_ascii_digit)
        && matches!(&raw[raw.len() - 4..raw.len() - 2], b"19" | b"20");
    if digits < 4 || year_tag {
        return None;
    }
    // `in het DMS onder documentnummer 202462941240`: the number of a document in an archive. A
    // value of digits only after the bare word `documentnummer` is an identity document's only
    // where one is named near it (`paspoort, documentnummer 592123456789`).
    if digits == raw.len() && generic_document_label_before(t, m.start) && !t.before_has(m.start, 80, IDENTITY_WORDS) {
        return None;
    }
    Some(Hit::new(m, 0.85))
}

/// Words that name an identity document.
const IDENTITY_WORDS: &[&str] = &[
    "paspoort", "passport", "identiteit", "id-kaart", "id kaart", "idkaart", "id-bewijs", "rijbewijs", "verblijf",
    "legitimatie", "identity", "eid", "reisdocument", "residence",
];

/// Whether the label before `start` is a bare document number's (`Documentnummer:`, `document
/// no.`), which archives use too.
fn generic_document_label_before(t: &Text<'_>, start: usize) -> bool {
    crate::text::ends_with_word(
        t.label_before(start, 32),
        &["documentnummer", "documentnr", "document nr", "document-nr", "document no", "document number"],
    )
}

fn check_licence(t: &Text<'_>, m: Range<usize>) -> Option<Hit> {
    if !t.left_boundary(m.start) {
        return None;
    }
    let m = super::value_from_first_digit(t, m)?;
    (t.left_boundary(m.start) && t.right_boundary(m.end)).then(|| Hit::new(m, 0.9))
}

#[cfg(test)]
mod tests {
    use crate::test_support::found;
    use crate::EntityType::{IdDocument, Phone};

    #[test]
    fn labelled_document_numbers() {
        assert_eq!(found("paspoortnummer NW3F7K2L4", IdDocument), ["NW3F7K2L4"]);
        assert_eq!(found("ID-kaart: SPECI2014", IdDocument), ["SPECI2014"]);
        assert_eq!(found("rijbewijsnummer 5012345678", IdDocument), ["5012345678"]);
        // Other formats right after their label.
        assert_eq!(found("documentnummer N012847563, geldig", IdDocument), ["N012847563"]);
        // A residence permit and the IND's V-nummer.
        assert_eq!(found("Verblijfsvergunning nr. V1234567 is verlengd", IdDocument), ["V1234567"]);
        assert!(found("V-nummer: 2981736450", IdDocument).is_empty());
        // A document in an archive; an identity document named near its number.
        assert!(found("opgeslagen in het DMS onder documentnummer 202462941240.", IdDocument).is_empty());
        assert_eq!(found("Belgische identiteitskaart, documentnummer 592123456789", IdDocument), ["592123456789"]);
        // A remark in brackets between the document and its number (a table's cells).
        let table = "| 19-08-1994 | verblijfsvergunning (tijdelijke bescherming) | Y3K8R2T7W |";
        assert_eq!(found(table, IdDocument), ["Y3K8R2T7W"]);
        assert!(found("verblijfsvergunning (aangevraagd in 2023) Y3K8R2T7W", IdDocument).is_empty());
        assert!(found("verblijfsvergunning (zie de bijlage bij deze brief van de IND) Y3K8R2T7W", IdDocument).is_empty());
        // Foreign formats after the label's other forms.
        assert_eq!(found("Verblijfsdocument nummer: X12345678", IdDocument), ["X12345678"]);
        assert_eq!(found("Passport no.: C4J8K2L6M", IdDocument), ["C4J8K2L6M"]);
        assert_eq!(found("ID card No. 12345AB6", IdDocument), ["12345AB6"]);
        assert_eq!(found("date of birth 22/08/1991, passport B05728164", IdDocument), ["B05728164"]);
        assert_eq!(found("Ukrainian, passport FX194762\nAddress", IdDocument), ["FX194762"]);
        assert!(found("Passport photos are taken at 2024 rates.", IdDocument).is_empty());
        assert!(found("passport NL2024 renewal", IdDocument).is_empty());
        // Values aligned in a form.
        assert_eq!(found("  paspoort nr.:         FX592014\n", IdDocument), ["FX592014"]);
        assert_eq!(found("  documentnummer:       W73910284\n", IdDocument), ["W73910284"]);
        // A Dutch number with few digits after a longer label.
        assert_eq!(found("Paspoort nr. NPRKT1BX5", IdDocument), ["NPRKT1BX5"]);
        // A number that starts like the label's `nr` (`paspoort nr`).
        assert_eq!(found("Hij toonde paspoort NRF4J8L21.", IdDocument), ["NRF4J8L21"]);
        assert_eq!(found("identiteitskaart NR4F4J8L2", IdDocument), ["NR4F4J8L2"]);
        // Not the document's other numbers or a case number after `no.`.
        assert!(found("Passport no.: see attachment 2024-118", IdDocument).is_empty());
        assert!(found("Case no.: ZK2024001234", IdDocument).is_empty());
        assert!(found("De verblijfsvergunning is verlengd tot 2030.", IdDocument).is_empty());
    }

    #[test]
    fn a_number_on_the_next_line_or_in_a_column() {
        assert_eq!(found("Paspoortnummer:\nNW3F7K2L4", IdDocument), ["NW3F7K2L4"]);
        assert_eq!(
            found("| Naam | Documentnummer |\n|---|---|\n| J. Jansen | NW3F7K2L4 |\n| P. Smit | IR5K8L2M1 |", IdDocument),
            ["NW3F7K2L4", "IR5K8L2M1"]
        );
        assert_eq!(found("verblijfsvergunning nummer AB1234567", IdDocument), ["AB1234567"]);
        assert_eq!(found("identiteitsdocument IR5K8L2M1", IdDocument), ["IR5K8L2M1"]);
        assert_eq!(found("residence permit number X12345678", IdDocument), ["X12345678"]);
        assert_eq!(found("| Anna Brandt | Duits paspoort | C4J7R2X91 |", IdDocument), ["C4J7R2X91"]);
        assert_eq!(found("his Polish passport number is EM4718253.", IdDocument), ["EM4718253"]);
        assert_eq!(found("verblijfsvergunning regulier, type II, met nummer VX2R8T4N6", IdDocument), ["VX2R8T4N6"]);
        // A foreign number after the document and the words that say the number follows.
        assert_eq!(found("Hij toonde een Roemeens rijbewijs, nummer RB4417902M.", IdDocument), ["RB4417902M"]);
        assert_eq!(found("een Pools paspoort met het nummer EM4718253X", IdDocument), ["EM4718253X"]);
        assert_eq!(found("identiteitskaart met nr. 4718253", IdDocument), ["4718253"]);
        // Not another word between them, nor a reference after the words.
        assert!(found("rijbewijs, zaaknummer RB4417902M", IdDocument).is_empty());
        assert!(found("paspoort aangevraagd, nummer 2024001234", IdDocument).is_empty());
        // Not a year or a word on the next line.
        assert!(found("paspoort\n2024 aangevraagd", IdDocument).is_empty());
        assert!(found("Documentnummer:\nonbekend", IdDocument).is_empty());
        assert!(found("| Document | Aantal |\n|---|---|\n| Paspoort | 104233 |", IdDocument).is_empty());
        assert!(found("Paspoort\n\n20240312", IdDocument).is_empty());
    }

    #[test]
    fn licence_label_beats_phone_shape() {
        assert_eq!(found("rijbewijs 0612345678", IdDocument), ["0612345678"]);
        assert!(found("rijbewijs 0612345678", Phone).is_empty());
    }

    #[test]
    fn hard_negatives() {
        assert!(found("artikelcode XK4500123 besteld", IdDocument).is_empty());
        assert!(found("paspoort NETHERLAND", IdDocument).is_empty());
        assert!(found("paspoortnummer ABCDEFGHJ", IdDocument).is_empty(), "no digits");
        assert!(found("code NO3F7K2L4 zonder documentlabel", IdDocument).is_empty());
        assert!(found("bel 0612345678", IdDocument).is_empty());
    }
}
