//! DATE_OF_BIRTH — a date given as someone's birth date.
//!
//! **What it finds:** numeric dates (`12-03-1985`, `12/3/1985`, `12.03.1985`, `1985-03-12`) and
//! dates with Dutch or English month names (`12 maart 1985`, `3 okt. 1990`, `March 12, 1985`)
//! when a birth context (`geboren`, `geb.`, `geboortedatum`, `date of birth`, `born`, `DOB`)
//! stands shortly before.
//!
//! **Why it is personal data:** with a name or postcode a birth date singles a person out.
//!
//! **Hard negatives:** every other date (of a letter, a meeting, a decision) is not reported.

use super::labelled::{Gap, LabelRule};
use super::person::NameHit;
use super::{Hit, PatternRule};
use crate::entity::EntityType;
use crate::text::Text;
use regex_automata::meta::Regex;
use regex_automata::{Anchored, Input};
use std::ops::Range;

pub(crate) const LABEL_RULES: &[LabelRule] = &[LabelRule {
    labels: &[
        "geboren", "geb.", "geb:", "geb ", "geboortedatum", "geboortedata", "geboortedag", "geboorte datum",
        "geboorte", "geb.datum", "geb.dat",
        "date of birth", "birth date", "birthdate", "born", "dob", "d.o.b", "°",
        // `Marloes Hoekstra (* 30-08-1984)`: the genealogical star for "born"; also right after
        // a name and a comma (`Moeder: Khadija El Khattabi, * 11-01-1989`; `check` wants the
        // comma). A star elsewhere (a bullet, a footnote) is no label.
        "(*", "*",
    ],
    // The value may stand on the next line of a form (`Geboortedatum:\n12-03-1985`), but not
    // past a clause end (`na de geboorte worden gedaan; de aangifte op 3 mei 2024`); or open
    // the answer to a question for it in a chat (`Mag ik haar geboortedatum?\n[14:07]
    // Bewoner: 02/11/1939`).
    gap: Gap::FormOrAnswer { form: 40, answer: 120 },
    max_value: 24,
    rule: PatternRule {
        entity: EntityType::DateOfBirth,
        name: "date_of_birth",
        pattern: PATTERN,
        check,
    },
    // `op 12 april 1970 in Zwolle geboren`; not across a sentence end.
    before: Some(Gap::Clause(32)),
    lists: true,
    // `| Naam | Geboortedatum |` over rows of names and dates; `Kinderen / geboren op:` over
    // bullet lines.
    blocks: true,
}];

/// Numeric (d-m-y, y-m-d) and month-name (Dutch and English, abbreviated) dates, 1900–2099.
const PATTERN: &str = concat!(
    r"(?-u:\b)(?:",
    // 12-03-1985, 12/3/1985, 12.03.1985, 12 - 03 - 1985, and two-digit years: 12-03-85, 3-3-'47
    r"(?:0?[1-9]|[12][0-9]|3[01])(?:[-/.]| [-/] )(?:0?[1-9]|1[0-2])(?:[-/.]| [-/] )(?:(?:19|20)[0-9]{2}|['’]?[0-9]{2})",
    // 1985-03-12, 1985/03/12
    r"|(?:19|20)[0-9]{2}[-/](?:0[1-9]|1[0-2])[-/](?:0[1-9]|[12][0-9]|3[01])",
    // 12-mrt-1985, 12/MRT/85, 12-april-1985
    r"|(?:0?[1-9]|[12][0-9]|3[01])[-/](?i:jan|feb|mrt|maa|mar|apr|mei|may|jun|jul|aug|sep|okt|oct|nov|dec)(?i:[a-z]{0,6})[-/](?:(?:19|20)[0-9]{2}|[0-9]{2})",
    // 12031985
    r"|(?:0[1-9]|[12][0-9]|3[01])(?:0[1-9]|1[0-2])(?:19|20)[0-9]{2}",
    // 12 maart 1985, 3 okt. 1990, 1e januari 2001, 12 maart '85
    r"|(?:0?[1-9]|[12][0-9]|3[01])(?:e|ste|de|st|nd|rd|th)? (?:of )?(?i:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|january|february|march|may|june|july|august|october|jan|feb|mrt|mar|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec)\.? (?:(?:19|20)[0-9]{2}|['’][0-9]{2})",
    // March 12, 1985
    r"|(?i:january|february|march|april|may|june|july|august|september|october|november|december) (?:0?[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?,? (?:19|20)[0-9]{2}",
    r")(?-u:\b)",
);

fn check(t: &Text<'_>, m: Range<usize>) -> Option<Hit> {
    if !t.left_boundary(m.start) || !t.right_boundary(m.end) {
        return None;
    }
    // A bare star is "born" only after a name and a comma (see `LABEL_RULES`).
    if t.bytes[m.start] == b'*' && !t.bytes[..m.start].trim_ascii_end().ends_with(b",") {
        return None;
    }
    // The match starts at the birth label; the date starts at its first digit, or at an English
    // month name right before it (`born March 12, 1985`).
    let digit = m.start + t.bytes[m.clone()].iter().position(u8::is_ascii_digit)?;
    let mut start = digit;
    let head = &t.str[m.start..digit];
    let trimmed = head.trim_end();
    // The last word of the head (split on any non-letter, so a multi-byte character before it
    // is never cut).
    let word = trimmed.rsplit(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
    const MONTHS: &[&str] = &[
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december",
    ];
    if MONTHS.iter().any(|mo| mo.eq_ignore_ascii_case(word)) {
        start = m.start + trimmed.len() - word.len();
    }
    if !t.left_boundary(start) || after_threshold_word(t, start) {
        return None;
    }
    Some(Hit::new(start..m.end, 0.9))
}

/// Whether the date is a threshold in a rule rather than someone's birth date: `kinderen
/// geboren na 1 januari 2020`, `die vóór 1-1-1960 geboren zijn`, `born after March 1, 2000` —
/// or the date of something named before it: `geboren op de bewonersavond van 12 oktober 2023`.
fn after_threshold_word(t: &Text<'_>, start: usize) -> bool {
    const THRESHOLDS: &[&str] = &[
        "na", "voor", "vóór", "vanaf", "sinds", "tot", "tussen", "met", "per", "uiterlijk", "van",
        "after", "before", "since", "from", "until", "between",
    ];
    let mut from = start.saturating_sub(16);
    while !t.str.is_char_boundary(from) {
        from += 1;
    }
    let head = t.str[from..start].trim_end();
    let word = head.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("").to_lowercase();
    THRESHOLDS.contains(&word.as_str())
}

/// The date pattern alone, for [`after_names`].
pub(crate) fn date_regex() -> Result<Regex, Box<dyn std::error::Error + Send + Sync>> {
    Ok(Regex::new(PATTERN)?)
}

/// `Betrokkene: Tom Visser (07-06-2005)`: case notes and lists put a person's birth date in
/// brackets right after the name, with no label. Such a date counts when it is the whole
/// bracket, has a four-digit year, and the text names a later year elsewhere (the letter,
/// meeting or report date), so `Notulist: Jan de Vries (12-03-2024)` in a 2024 text does not.
pub(crate) fn after_names(t: &Text<'_>, names: &[NameHit], date: &Regex, out: &mut Vec<Hit>) {
    let mut latest: Option<Option<(u16, Range<usize>)>> = None;
    for name in names.iter().map(|n| &n.range) {
        let b = t.bytes;
        // `Tom Visser (07-06-2005)`; in exports and lists also `Piet de Vries, 03-04-1975,` and
        // `Jansen, Piet - 12/03/1980 - BSN …`: the date a field of its own.
        let rest = &b[name.end..];
        let (start, closes): (usize, &[&[u8]]) = if rest.starts_with(b" (") {
            (name.end + 2, &[b")"])
        } else if rest.starts_with(b", ") {
            // (Another field must follow: a name and a date that end the line sign a letter,
            // `Signed: M.T. Novak, 19/02/2024`.)
            (name.end + 2, &[b",", b";"])
        } else if rest.starts_with(b" - ") {
            (name.end + 3, &[b" - ", b","])
        } else {
            continue;
        };
        let mut stop = (start + 24).min(t.len());
        while !t.str.is_char_boundary(stop) {
            stop -= 1;
        }
        let Some(m) = date.search(&Input::new(t.str).anchored(Anchored::Yes).range(start..stop)) else {
            continue;
        };
        let field_ends = closes.iter().any(|c| b[m.end()..].starts_with(c));
        if !field_ends {
            continue;
        }
        let Some(year) = four_digit_year(&b[m.range()]) else { continue };
        // The latest year written anywhere, and where (worked out once, for the first candidate).
        let later = latest.get_or_insert_with(|| latest_year(b));
        let later_elsewhere = match later {
            Some((y, at)) => *y > year && !(m.start() <= at.start && at.end <= m.end()),
            None => false,
        };
        if later_elsewhere {
            if let Some(hit) = check(t, m.range()) {
                out.push(Hit::new(hit.range, 0.8));
            }
        }
    }
}

/// The four-digit year (1900–2099) in a date.
fn four_digit_year(date: &[u8]) -> Option<u16> {
    date.windows(4)
        .enumerate()
        .find(|(i, w)| {
            w.iter().all(u8::is_ascii_digit)
                && (w.starts_with(b"19") || w.starts_with(b"20"))
                && !date.get(i + 4).is_some_and(u8::is_ascii_digit)
                && !(i.checked_sub(1).is_some_and(|p| date[p].is_ascii_digit()))
        })
        .map(|(_, w)| w.iter().fold(0u16, |y, d| y * 10 + u16::from(d - b'0')))
}

/// The latest four-digit year 1900–2099 standing alone in `b`, with its range.
fn latest_year(b: &[u8]) -> Option<(u16, Range<usize>)> {
    let mut best: Option<(u16, Range<usize>)> = None;
    let mut i = 0;
    while i + 4 <= b.len() {
        let w = &b[i..i + 4];
        let alone = !i.checked_sub(1).is_some_and(|p| b[p].is_ascii_digit()) && !b.get(i + 4).is_some_and(u8::is_ascii_digit);
        if alone && (w.starts_with(b"19") || w.starts_with(b"20")) && w.iter().all(u8::is_ascii_digit) {
            let y = w.iter().fold(0u16, |y, d| y * 10 + u16::from(d - b'0'));
            if best.as_ref().is_none_or(|(by, _)| y > *by) {
                best = Some((y, i..i + 4));
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use crate::test_support::found;
    use crate::EntityType::DateOfBirth;

    #[test]
    fn birth_dates_in_context() {
        assert_eq!(found("geboren op 12 maart 1985 te Utrecht", DateOfBirth), ["12 maart 1985"]);
        assert_eq!(found("Geboortedatum: 03-11-1972", DateOfBirth), ["03-11-1972"]);
        assert_eq!(found("(geb. 1-2-2001)", DateOfBirth), ["1-2-2001"]);
        assert_eq!(found("geb. 3 okt. 1990", DateOfBirth), ["3 okt. 1990"]);
        assert_eq!(found("date of birth 1985-03-12", DateOfBirth), ["1985-03-12"]);
        assert_eq!(found("born March 12, 1985", DateOfBirth), ["March 12, 1985"]);
        assert_eq!(found("geb. 12-03-85", DateOfBirth), ["12-03-85"]);
        assert_eq!(found("geboortedatum 12031985", DateOfBirth), ["12031985"]);
        assert_eq!(found("Geboortedatum:\n03-11-1972", DateOfBirth), ["03-11-1972"]);
        assert_eq!(found("geboren op 12 maart '85", DateOfBirth), ["12 maart '85"]);
        assert_eq!(found("Geboorte: 12-mrt-1985", DateOfBirth), ["12-mrt-1985"]);
        assert_eq!(found("geb.datum 1985/03/12", DateOfBirth), ["1985/03/12"]);
        assert_eq!(found("Geboortedatum: 12 - 03 - 1985", DateOfBirth), ["12 - 03 - 1985"]);
        assert_eq!(found("born on the 12th of March 1985", DateOfBirth), ["12th of March 1985"]);
        assert_eq!(found("date of birth: March 12th, 1985", DateOfBirth), ["March 12th, 1985"]);
        assert_eq!(found("Geboortedata kinderen: 04-05-2012", DateOfBirth), ["04-05-2012"]);
        assert_eq!(found("geboren op 12-april-1970", DateOfBirth), ["12-april-1970"]);
    }

    #[test]
    fn birth_dates_before_the_word_geboren() {
        assert_eq!(found("Zij is op 3 maart 1956 in Deventer geboren.", DateOfBirth), ["3 maart 1956"]);
        assert_eq!(found("Hij werd op 12-04-1970 geboren", DateOfBirth), ["12-04-1970"]);
        assert_eq!(found("On March 12, 1985 she was born in Leiden", DateOfBirth), ["March 12, 1985"]);
        // A sentence end between date and word: not the date of that birth.
        assert!(found("Vergadering 12-03-2024. Geboren en getogen in Zwolle.", DateOfBirth).is_empty());
    }

    #[test]
    fn multi_byte_characters_before_the_date_are_not_cut() {
        assert_eq!(found("geboren op😀12-03-1985", DateOfBirth), ["12-03-1985"]);
        assert_eq!(found("geboren😀 March 12, 1985", DateOfBirth), ["March 12, 1985"]);
    }

    #[test]
    fn lists_of_birth_dates() {
        assert_eq!(
            found("Geboortedata kinderen: 04-05-2012, 11-09-2015 en 23-01-2018.", DateOfBirth),
            ["04-05-2012", "11-09-2015", "23-01-2018"]
        );
        assert_eq!(found("geboren op 1 mei 1980 en 2 juni 1982", DateOfBirth), ["1 mei 1980", "2 juni 1982"]);
        // The list ends at the first item that is not a date.
        assert_eq!(found("geb. 12-04-1970, aanvraag van 01-02-2024", DateOfBirth), ["12-04-1970"]);
    }

    #[test]
    fn birth_dates_in_a_table_column() {
        let pipes = "| Naam | Geboortedatum | Relatie |\n|---|---|---|\n| Gökhan Aydın | 17-02-1983 | aanvrager |\n\
                     | Deniz Aydın | 08-04-2012 | kind |\n\nAanvraag ontvangen: 28-02-2024";
        assert_eq!(found(pipes, DateOfBirth), ["17-02-1983", "08-04-2012"]);
        let tabs = "Naam\tGeb.datum\tAfdeling\tCertificaat geldig tot\nJansen, P.\t12-03-1975\tFacilitair\t01-05-2025\n\
                    Vries, B. de\t04-01-1969\tFinanciën\t01-05-2025";
        assert_eq!(found(tabs, DateOfBirth), ["12-03-1975", "04-01-1969"]);
        // Other columns of the same table, and a key-value table, are not birth dates.
        let other = "| Geboortedatum | 12-03-1975 |\n| Datum aanvraag | 01-02-2024 |\n| Ingangsdatum | 01-03-2024 |";
        assert_eq!(found(other, DateOfBirth), ["12-03-1975"]);
        // A table with a column per person: the row's label covers its cells.
        let per_person = "| gegeven | aanvrager | partner |\n|---|---|---|\n| geboortedatum | 1986-01-19 | 1989-11-02 |\n\
                          | datum intake | 2025-10-01 | 2025-10-01 |";
        assert_eq!(found(per_person, DateOfBirth), ["1986-01-19", "1989-11-02"]);
        // Not a row that pairs a birth date with another field's.
        let pairs = "| Geboortedatum | 12-03-1975 | Datum aanvraag | 01-02-2024 |";
        assert_eq!(found(pairs, DateOfBirth), ["12-03-1975"]);
        // A `;`-separated export; a row with another number of cells ends the table, and a
        // sentence with one `;` is no header.
        let csv = "naam;geboortedatum;bsn;datum aanvraag\nJan Jansen;01-02-1980;111222333;03-03-2024\n\
                   Piet de Vries;03-04-1975;123456782;04-03-2024\nTotaal;2;12-12-2024";
        assert_eq!(found(csv, DateOfBirth), ["01-02-1980", "03-04-1975"]);
        let prose = "Zij is geboren in Utrecht; haar broer in Ede.\nDe aanvraag kwam op 01-02-2024; wij belden.";
        assert!(found(prose, DateOfBirth).is_empty());
        // A `,`-separated export likewise; a prose line with one comma is no header.
        let csv = "naam,geboortedatum,bsn,datum aanvraag\nJan Jansen,01-02-1980,111222333,03-03-2024\n\
                   Piet de Vries,03-04-1975,123456782,04-03-2024\nTotaal,2,12-12-2024";
        assert_eq!(found(csv, DateOfBirth), ["01-02-1980", "03-04-1975"]);
        let prose = "Geboortedatum en adres, zie bijlage.\nDe aanvraag kwam op 01-02-2024, wij belden.";
        assert!(found(prose, DateOfBirth).is_empty());
    }

    #[test]
    fn birth_dates_in_bullet_lines_under_a_label() {
        let text = "Naam / geboren op:\n- Priya Ramcharan / 16-04-2008\n- Vikash Ramcharan / 03-12-2010\n\n\
                    Ingangsdatum: 01-10-2021";
        assert_eq!(found(text, DateOfBirth), ["16-04-2008", "03-12-2010"]);
        // The label must end its line: a date on the label's line is read as usual, the list
        // below is something else.
        let text = "Geboren: 12-03-1975\n- afspraak 01-04-2024\n- afspraak 15-04-2024";
        assert_eq!(found(text, DateOfBirth), ["12-03-1975"]);
    }

    #[test]
    fn the_genealogical_star_and_apostrophe_years() {
        assert_eq!(
            found("moeder Marloes Hoekstra (* 30-08-1984), halfzusje Fenna (*02-02-2021)", DateOfBirth),
            ["30-08-1984", "02-02-2021"]
        );
        assert_eq!(found("Mijn moeder (geb. 3-3-'47) komt bij ons wonen", DateOfBirth), ["3-3-'47"]);
        // A footnote star before a date is not a birth.
        assert!(found("Bijeenkomst * 12-03-2024 gaat niet door", DateOfBirth).is_empty());
        // After a name and a comma a bare star is "born"; a bullet or a footnote star is not.
        assert_eq!(
            found("Moeder: Khadija El Khattabi, * 11-01-1989\nVader: Yassine Ait Brahim, *28-08-1986", DateOfBirth),
            ["11-01-1989", "28-08-1986"]
        );
        assert!(found("* 12-03-2024 intake\n* 19-03-2024 huisbezoek", DateOfBirth).is_empty());
        assert!(found("Bedrag: 12,00 * 12-03-2024", DateOfBirth).len() <= 1);
    }

    #[test]
    fn a_date_in_brackets_after_a_name() {
        let text = "Casusoverleg 15-02-2024\nBetrokkene: Tom Visser (07-06-2005), wonende te Drachten.";
        assert_eq!(found(text, DateOfBirth), ["07-06-2005"]);
        // Not when no later year is written (the date may be the note's own), nor when the
        // bracket holds more than the date.
        assert!(found("Notulist: Jan de Vries (12-03-2024)", DateOfBirth).is_empty());
        assert!(found("Notulen 2024. Notulist: Jan de Vries (12-03-2024)", DateOfBirth).is_empty());
        assert!(found("Brief van 2024: Jan de Vries (brief van 12-03-2023)", DateOfBirth).is_empty());
        // A field of its own after the name, in exports and lists.
        let text = "Export 2024\nPiet de Vries, 03-04-1975, Kerkstraat 1\nJansen, Piet - 12/03/1980 - BSN 123456782";
        assert_eq!(found(text, DateOfBirth), ["03-04-1975", "12/03/1980"]);
        // Not a date that goes on (`, 12-03-2020 om 10:00`), nor one in running text.
        assert!(found("Verslag 2024. Gesproken met Jan de Vries, 12-03-2020 om 10:00 uur.", DateOfBirth).is_empty());
        assert!(found("Verslag 2024. Jan de Vries, 12-03-2020 was de datum van het gesprek.", DateOfBirth).is_empty());
        assert!(found("Paspoort geldig tot 2031.\nSigned: M.T. Novak, 19/02/2024", DateOfBirth).is_empty());
    }

    #[test]
    fn the_word_birth_does_not_reach_across_a_clause_or_to_a_dated_event() {
        assert!(found(
            "De aangifte moet binnen drie werkdagen na de geboorte worden gedaan; de aangifte op 3 mei 2024 is op tijd.",
            DateOfBirth
        )
        .is_empty());
        assert!(found("Het idee is geboren op de bewonersavond van 12 oktober 2023.", DateOfBirth).is_empty());
        assert!(found("Geboorteplaats: Utrecht. Vergadering op 12-mrt-2024", DateOfBirth).is_empty());
    }

    #[test]
    fn thresholds_in_rules_are_not_birth_dates() {
        assert!(found("Kinderen geboren na 1 januari 2020 hebben recht op de toeslag.", DateOfBirth).is_empty());
        assert!(found("Wie vóór 1-1-1960 geboren is, krijgt eerder AOW.", DateOfBirth).is_empty());
        assert!(found("inwoners geboren tussen 1 januari 2000 en 31 december 2005", DateOfBirth).is_empty());
        assert!(found("applicants born after March 1, 2000", DateOfBirth).is_empty());
    }

    #[test]
    fn the_answer_to_a_question_for_a_birth_date() {
        let chat = "[14:05] Inge (wijkteam): Mag ik haar geboortedatum en adres?\n\
                    [14:07] Bewoner: 02/11/1939, Molenweg 3 in Nunspeet";
        assert_eq!(found(chat, DateOfBirth), ["02/11/1939"]);
        let chat = "[09:13] KCC: Mag ik de naam en geboortedatum van uw dochter?\n\
                    [09:15] +31 6 2281 0457: Shanice Lieuw-On 3-11-2012";
        assert_eq!(found(chat, DateOfBirth), ["3-11-2012"]);
        // Not an answer that dates something else, nor a date two lines down or after a
        // statement.
        assert!(found("KCC: Heeft u de geboortedatum doorgegeven?\nBewoner: ja, op 12-03-2024", DateOfBirth).is_empty());
        assert!(found("KCC: Wat is uw geboortedatum?\nBewoner: even kijken\nBewoner: 12-03-1985", DateOfBirth).is_empty());
        assert!(found("De geboortedatum ontbreekt.\nAfspraak: 12-03-2024", DateOfBirth).is_empty());
        assert!(found("Geboortedatum: onbekend\nDatum aanvraag: 01-03-2024", DateOfBirth).is_empty());
        assert_eq!(found("Geboren op\n  12 maart 1985 te Ede", DateOfBirth), ["12 maart 1985"]);
    }

    #[test]
    fn other_dates_are_not_reported() {
        assert!(found("Utrecht, 12 maart 2024", DateOfBirth).is_empty());
        assert!(found("besluit van 03-11-2023 over de vergunning", DateOfBirth).is_empty());
        assert!(found("geboren\n\nVergadering 12-03-2024", DateOfBirth).is_empty());
        assert!(found("geboortedatum 31-02-19851", DateOfBirth).is_empty());
        assert!(found("De geboorte van de wet: Kamerstuk 12 - 3 - 2024 zegt", DateOfBirth).len() <= 1);
    }
}
