//! Special categories (AVG art. 9) and criminal data (art. 10), reported per document.
//!
//! **What it finds:** Dutch (and some English) terms for health, religion, ethnicity, politics,
//! sexual orientation, trade-union membership, biometric/genetic data and criminal records —
//! only when the sentence is *about a person*: it has a person reference (`ik`, `mijn`, `hij`,
//! `mevrouw`, `cliënt`, `zoon`, …) or a detected name. The term's span is the evidence.
//!
//! **Why:** processing these categories is prohibited unless an art. 9(2) exception applies
//! (R-DATA-2); a curator or gateway must know *before* processing.
//!
//! **Hard negatives:** the same words in policy text about nobody in particular
//! ("De gemeente ondersteunt inwoners met diabetes"), street names (`Kerkstraat`), words
//! that merely contain a term (`kanker` in `kankerbestrijding` policy is still health, but only
//! with a person in the sentence).

use crate::entity::Category;
use crate::text::{line_end_within, line_start_within, Text};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::ops::Range;

/// A category term found in a sentence about a person.
pub(crate) struct CategoryHit {
    pub(crate) category: Category,
    pub(crate) range: Range<usize>,
    pub(crate) score: f32,
}

/// One lexicon entry: a lower-case term, whether it may begin a longer word (`diabet*`) and
/// whether it may end one (`*kanker` in `borstkanker`).
struct Term {
    category: Category,
    text: &'static str,
    prefix: bool,
    infix: bool,
}

/// The lexicon: `*` at the end marks a prefix term, `*` at the start a term that may end a
/// compound.
const LEXICON: &[(Category, &[&str])] = &[
    (
        Category::Health,
        &[
            "diabetes", "diabetisch*", "suikerziekte", "*kanker*", "*tumor*", "*chemo*", "leukemie", "depressie",
            "depressief", "burn-out", "burnout", "overspannen", "hiv", "aids", "astma", "epilepsie",
            "dementie", "alzheimer", "parkinson", "adhd", "autisme", "autistisch", "depressiev*",
            "in behandeling bij", "onder behandeling", "behandeltraject", "revalidatie",
            "schizofren*", "psychose", "psychotisch", "bipolair", "manisch", "ptss", "angststoornis",
            "paniekaanval*", "eetstoornis", "anorexia", "boulimia", "*verslaving", "verslaafd",
            "alcoholprobleem", "drankprobleem", "drugsprobleem",
            "alcoholis*", "zwanger", "zwangerschap", "miskraam", "abortus", "hartinfarct",
            "hartaanval", "hartfalen", "beroerte", "herseninfarct", "hersenletsel", "multiple sclerose",
            "copd", "reuma", "artrose", "long covid", "covid-19", "corona", "chemotherapie", "chemo",
            "bestraling", "medicatie", "medicijnen", "antidepressiva", "insuline", "methadon",
            "psychiater", "psychiatrisch*", "psycholoog", "ggz", "ziekenhuisopname",
            "opgenomen in het ziekenhuis", "opgenomen in een kliniek", "gediagnosticeerd",
            "diagnose", "arbeidsongeschikt", "ziek gemeld", "ziekgemeld", "ziektewet", "wia",
            "rolstoel*", "rollator", "slecht ter been", "gehandicapt", "handicap", "verstandelijke beperking", "lichamelijke beperking",
            "slechthorend", "doof", "blind", "slechtziend", "suïcid*", "zelfmoord", "hepatitis",
            "tbc", "*tuberculose", "*stoornis", "trauma*", "*allergie", "allergisch", "soa",
            "lymfeklier*", "dialyse", "transplantatie", "dyslexie*", "dyscalculie", "ms",
            "hypertensie", "hoge bloeddruk", "dm2", "diabetes mellitus", "hartritmestoornis",
            "boezemfibrilleren", "atriumfibrilleren", "nierfalen", "nierinsufficiëntie", "obesitas",
            "fibromyalgie", "migraine", "artritis", "ziekte van crohn", "colitis ulcerosa",
            "coeliakie", "cva", "hersentumor", "is in verwachting", "hernia", "rugklachten", "nekklachten",
            "hartklachten", "longklachten", "darmklachten", "maagklachten", "psychische klachten",
            "lichamelijke klachten", "gezondheidsklachten", "whiplash", "hersenschudding",
            // Injuries, as a police report states them.
            "letsel", "verwonding*", "gewond", "wond", "bloedende", "zwelling", "blauwe plek", "kneuzing*", "snijwond*",
            // Passing illnesses and operations stated of a person (`ligt met griep op bed`, `na
            // een zware buikoperatie`), and the doctor who treats one (`de brief van de neuroloog`).
            "griep", "buikgriep", "koorts", "geopereerd", "keizersnede", "buikoperatie", "heupoperatie",
            "knieoperatie", "hartoperatie", "rugoperatie", "oogoperatie", "darmoperatie", "maagoperatie",
            "staaroperatie", "maagverkleining", "ziekbed", "neuroloog", "cardioloog", "oncoloog", "longarts", "reumatoloog",
            "internist", "revalidatiearts",
            // English, for mails in English (`I am sick since Monday`, `very ill with cancer`).
            "sick", "ill", "illness", "cancer", "flu", "pregnant", "depression", "diagnosed",
            "disability", "disabled", "medication", "surgery", "dementia", "autism", "asthma",
            "pneumonia", "epilepsy", "bipolar", "psychiatric", "dyslexia", "allergic", "chemotherapy",
            "hospitalised", "hospitalized", "heart attack", "schizophrenia", "addiction", "addicted", "wheelchair",
            "c-section", "caesarean", "cesarean",
            // Fractures, grazes and pain stated of someone in a police report, a new joint, a
            // care profile of the long-term care act.
            "polsbreuk", "beenbreuk", "armbreuk", "heupbreuk", "enkelbreuk", "botbreuk", "schaafwond*", "pijn aan",
            "nieuwe heup", "nieuwe knie", "heupprothese", "knieprothese", "zorgprofiel", "zorg met verblijf",
            "wlz-indicatie",
            // How case workers and relatives write a condition, a treatment or care (session 18's
            // probes): `ligt in het ziekenhuis`, `slikt bloedverdunners`, `moest naar een
            // verpleeghuis`, `heeft een gebroken heup`, `gebruikt een hoortoestel`, `krijgt
            // thuiszorg`, `is langdurig ziek`.
            // (Not a practitioner's job: `Mijn vrouw is fysiotherapeut`; not `ontsteking` alone, a
            // scooter's ignition; not `in verwachting van uw antwoord`.)
            "ligt in het ziekenhuis", "lag in het ziekenhuis", "in het ziekenhuis beland", "bloedverdunner*",
            "pijnstiller*", "verpleeghuis", "verzorgingshuis", "hospice", "revalidatiecentrum", "gebroken heup",
            "gebroken been", "gebroken arm", "gebroken pols", "gebroken enkel", "longontsteking",
            "blaasontsteking", "oorontsteking", "keelontsteking", "nierontsteking", "darmontsteking",
            "hersenvliesontsteking", "hoortoestel*", "gehoorapparaat", "dement", "chronische pijn",
            "chronisch ziek", "chronische ziekte", "chronische aandoening", "wlz", "beschermd wonen", "stoma",
            "thuiszorg", "wondzorg", "nah", "niet-aangeboren hersenletsel", "spierziekte", "angstklachten",
            "psychisch*", "langdurig ziek", "*kwaal", "bedlegerig", "invalide",
            // A fracture in the verb's order, a sports injury, days in hospital (`ze heeft haar
            // heup gebroken`, `scheurde zijn kruisband en revalideert`, `lag twee weken in het
            // ziekenhuis met een sikkelcelcrisis`).
            "heup gebroken", "pols gebroken", "arm gebroken", "been gebroken", "enkel gebroken", "heup heeft gebroken",
            "pols heeft gebroken", "arm heeft gebroken", "been heeft gebroken", "enkel heeft gebroken",
            "kruisband gescheurd", "kruisband afgescheurd", "gescheurde kruisband", "scheurde zijn kruisband",
            "scheurde haar kruisband", "kruisbandblessure", "kruisbandoperatie", "revalideert",
            // (Lying in hospital, not working there: `werkt twee dagen in het ziekenhuis`.)
            "lag twee weken in het ziekenhuis", "lag drie weken in het ziekenhuis", "lag een week in het ziekenhuis",
            "lag weken in het ziekenhuis", "lag dagen in het ziekenhuis", "ligt al weken in het ziekenhuis",
            "ligt al dagen in het ziekenhuis", "sikkelcel*",
        ],
    ),
    (
        Category::Religion,
        &[
            "moslim", "moslima", "islam", "islamitisch*", "christen", "christelijk*", "katholiek*",
            "protestant*", "hindoe", "hindoeïst*", "joods", "jood", "boeddhist*", "atheïst",
            "gereformeerd*", "evangelisch*", "moskee*", "synagoge", "keppel", "kippa", "koosjer", "ramadan", "hoofddoek",
            "bekeerd", "gelovig", "geloofsovertuiging", "religie", "religieus", "jehova*",
            "sikh", "vrijzinnig*", "humanist*", "levensovertuiging", "orthodox*", "kerkdienst", "kerk", "gebedshuis", "tempel",
            "bidden", "gebed", "vrijdaggebed", "koran", "bijbelstudie", "bedevaart", "umrah", "hadj", "hajj",
            "pelgrimstocht",
            // `lid van de Hersteld Hervormde Gemeente`, `geen hulp op zondag i.v.m. de zondagsrust`.
            "hervormde gemeente", "hervormde kerk", "hersteld hervormd*", "nederlands hervormd*", "zondagsrust",
            "sabbat", "kerklid", "kerkleden",
            // Congregations (`lid van de Pinkstergemeente`, `gaat naar de gurdwara`); not clergy,
            // whose title names a role (`pastoor Jansen leidde de uitvaart`), nor feasts that name a
            // holiday (`gesloten vanwege het Suikerfeest`), nor `baptist*` (`Jean-Baptiste`).
            "pinkstergemeente", "baptistengemeente", "baptisten", "zondagsschool", "gurdwara", "doopsgezind*",
            "remonstrant*", "koptisch*", "iftar", "puja",
            // English (`a religious holiday`, `Eid al-Adha`, `our faith`).
            "religious", "faith", "prayer", "eid al-adha", "eid al-fitr", "mosque", "synagogue",
        ],
    ),
    (
        Category::Ethnicity,
        &[
            "marokkaanse afkomst", "turkse afkomst", "surinaamse afkomst", "antilliaanse afkomst",
            "arubaanse afkomst", "kaapverdiaanse afkomst", "ghanese afkomst", "somalische afkomst",
            "eritrese afkomst", "syrische afkomst", "afghaanse afkomst", "poolse afkomst",
            "roemeense afkomst", "bulgaarse afkomst", "indonesische afkomst", "molukse afkomst",
            "chinese afkomst", "indiase afkomst", "pakistaanse afkomst", "koerdische afkomst",
            "iraakse afkomst", "iraanse afkomst", "nigeriaanse afkomst", "afrikaanse afkomst",
            "aziatische afkomst", "arabische afkomst", "hindoestaanse afkomst", "creoolse afkomst",
            "javaanse afkomst", "buitenlandse afkomst", "niet-westerse afkomst", "etniciteit",
            "marokkaanse achtergrond", "marokkaanse gemeenschap", "turkse achtergrond", "turkse gemeenschap", "surinaamse achtergrond", "surinaamse gemeenschap", "antilliaanse achtergrond", "antilliaanse gemeenschap", "arubaanse achtergrond", "arubaanse gemeenschap", "kaapverdiaanse achtergrond", "kaapverdiaanse gemeenschap", "ghanese achtergrond", "ghanese gemeenschap", "somalische achtergrond", "somalische gemeenschap", "eritrese achtergrond", "eritrese gemeenschap", "syrische achtergrond", "syrische gemeenschap", "afghaanse achtergrond", "afghaanse gemeenschap", "poolse achtergrond", "poolse gemeenschap", "roemeense achtergrond", "roemeense gemeenschap", "bulgaarse achtergrond", "bulgaarse gemeenschap", "indonesische achtergrond", "indonesische gemeenschap", "molukse achtergrond", "molukse gemeenschap", "chinese achtergrond", "chinese gemeenschap", "indiase achtergrond", "indiase gemeenschap", "pakistaanse achtergrond", "pakistaanse gemeenschap", "koerdische achtergrond", "koerdische gemeenschap", "iraakse achtergrond", "iraakse gemeenschap", "iraanse achtergrond", "iraanse gemeenschap", "nigeriaanse achtergrond", "nigeriaanse gemeenschap", "afrikaanse achtergrond", "afrikaanse gemeenschap", "aziatische achtergrond", "aziatische gemeenschap", "arabische achtergrond", "arabische gemeenschap", "hindostaanse achtergrond", "hindostaanse gemeenschap", "hindoestaanse achtergrond", "hindoestaanse gemeenschap", "creoolse achtergrond", "creoolse gemeenschap", "javaanse achtergrond", "javaanse gemeenschap", "buitenlandse achtergrond", "buitenlandse gemeenschap", "niet-westerse achtergrond", "niet-westerse gemeenschap", "*hindostaanse", "*hindoestaanse", "roma-gemeenschap", "etnische achtergrond", "migratieachtergrond", "huidskleur",
            "roma", "sinti", "allochto*", "ras", "donkere huid",
            // Peoples without a state of their own, and descent in other words.
            "koerdisch", "koerd", "hindoestaan", "hindostaan", "creool", "molukker", "amazigh", "jezidi",
            "marokkaanse komaf", "turkse komaf", "surinaamse komaf", "antilliaanse komaf", "koerdische komaf",
            "molukse komaf", "indonesische komaf", "chinese komaf", "poolse komaf", "afrikaanse komaf",
            "arabische komaf", "hindoestaanse komaf", "buitenlandse komaf", "*javaanse komaf",
            "*creoolse komaf",
            // Peoples (`van Riffijns-Berberse afkomst`, `behoort tot de Tigrinya-sprekende
            // bevolkingsgroep`); not descent alone (`van goede komaf`), nor any group
            // (`een kwetsbare bevolkingsgroep`) or a carpet (`een berber tapijt`).
            "*sprekende bevolkingsgroep", "volksgroep", "etnische groep", "etnische minderheid", "berberse",
            "riffijn*", "marokkaans-nederland*", "turks-nederland*", "surinaams-nederland*", "antilliaans-nederland*",
            "moluks-nederland*", "chinees-nederland*", "marokkaans-berber*",
            // A description of someone's looks by descent (`Noord-Afrikaans uiterlijk`).
            "*afrikaans uiterlijk", "aziatisch uiterlijk", "arabisch uiterlijk", "buitenlands uiterlijk",
            "mediterraan uiterlijk", "oosters uiterlijk", "getinte huid",
        ],
    ),
    (
        Category::Politics,
        &[
            "vvd", "pvv", "d66", "cda", "groenlinks", "pvda", "sp", "bbb", "fvd", "forum voor democratie",
            "ja21", "volt", "christenunie", "sgp", "partij voor de dieren", "denk", "nsc",
            "politieke voorkeur", "politieke overtuiging", "politieke kleur", "partijlid",
            "stemt op", "stemde op", "gestemd op",
            // An elected member's party (`gemeenteraadslid voor Stadspartij Nijmegen`).
            "gemeenteraadslid voor", "raadslid voor", "statenlid voor", "kamerlid voor", "fractievoorzitter van",
        ],
    ),
    (
        Category::SexualOrientation,
        &[
            "homo", "homoseksueel", "homoseksualiteit", "lesbisch", "lesbienne", "biseksueel",
            "seksuele geaardheid", "seksuele voorkeur", "seksuele oriëntatie", "homostel", "lhbti*",
            "queer", "transgender", "gay", "homoseksue*", "lesbi*", "biseksue*", "heteroseksue*",
            // A spouse of the same sex: `Hij is getrouwd met zijn man` (not `Op de foto zijn man
            // en kind`, where `zijn` is "are").
            "met zijn man", "met haar vrouw", "his husband", "her wife",
            // (After a preposition `zijn` is the possessive: `de zorg voor zijn man Thijs`.)
            "voor zijn man", "van zijn man", "bij zijn man", "aan zijn man", "over zijn man", "en zijn man",
            // A marriage form's second groom or bride (`Bruidegom 2: Kwame Mensah`).
            "bruidegom 2", "bruid 2",
            // `mevr. Zhang Wei en haar vrouw Chen Xiaoling` (`haar` is no verb, as `zijn` is).
            "haar vrouw", "haar echtgenote",
        ],
    ),
    (
        Category::TradeUnion,
        &[
            "fnv", "cnv", "vakbond*", "vakcentrale", "abvakabo", "nu'91", "vakbondslid",
        ],
    ),
    (
        Category::Biometric,
        &[
            "vingerafdruk*", "gezichtsherkenning", "gezichtsscan", "irisscan", "dna", "dna-profiel",
            "dna-test", "genetisch*", "erfelijk*", "biometrisch*", "stemherkenning",
            // English (`I gave my fingerprints and photo`, `a new biometrics appointment`; not a
            // key's `fingerprint`).
            "fingerprints", "biometrics",
        ],
    ),
    (
        Category::Criminal,
        &[
            "veroordeeld", "veroordeling", "strafblad", "strafrechtelijk*", "gedetineerd*",
            "detentie", "gevangenis*", "contactverbod", "gebiedsverbod", "straatverbod", "huisverbod", "celstraf", "taakstraf", "werkstraf", "verdacht van",
            "verdachte van", "aangehouden", "gearresteerd", "arrestatie", "proces-verbaal",
            "justitiële documentatie", "delict", "misdrijf", "diefstal", "inbraak", "fraude gepleegd",
            "mishandeling", "drugshandel", "tbs", "reclassering", "reclasseringstoezicht", "zit vast", "vog geweigerd",
            "enkelband", "voorwaardelijk", "opgepakt", "geweldsdelict", "zedendelict",
            "strafbeschikking", "politierechter", "strafzaak", "aanhouding", "voorarrest", "*hechtenis",
            "transactie van het om", "in verzekering gesteld", "halt-straf", "halt-traject",
            "parketnummer", "rijontzegging", "ontzegging van de rijbevoegdheid",
            // `Smits staat als verdachte geregistreerd`; a refused certificate of conduct
            // (`bezwaar tegen de VOG-weigering`).
            "staat als verdachte", "stond als verdachte", "vog-weigering", "weigering van de vog", "vog is geweigerd", "vog werd geweigerd",
        ],
    ),
];

/// The names found in a text, and whether it reads as a letter (worked out when needed): what
/// makes a sentence of it about a person.
struct People<'a> {
    names: &'a [Range<usize>],
    letter: std::cell::OnceCell<bool>,
    /// The last sentence [`CategoryDetector::about_a_person`] read, and its answer: the terms
    /// of one sentence ask about it one after another.
    last_sentence: std::cell::Cell<Option<(usize, usize, bool)>>,
}

impl People<'_> {
    /// Whether the text names people only 800 bytes or more into it and reads as no letter
    /// (see [`is_a_letter`]): a privacy statement or FAQ that names its privacy officer at the
    /// end, whose `u` is any reader. (A letter or decision names its addressee at the top, or
    /// greets them; a text that names nobody may be a letter without its address block.)
    fn speak_to_any_reader(&self, b: &[u8]) -> bool {
        self.names.first().is_some_and(|n| n.start >= ADDRESSEE_WITHIN) && !*self.letter.get_or_init(|| is_a_letter(b))
    }
}

/// The cues of [`PERSON_CUES`] that address the reader.
const SECOND_PERSON_CUES: &[&str] = &["uw", "u bent", "bent u"];

/// How far into a letter or decision its addressee is named (the address block, `Naam:`,
/// `Aanvrager:`), in bytes.
const ADDRESSEE_WITHIN: usize = 800;

/// Whether the text reads as a letter, a mail or a decision to someone: a line in its first
/// 4 KB opens with a greeting (`Beste Fatima,`, `Goedendag,`, `Dear Ms Chen,`), `geachte`
/// stands anywhere in it (`Zeer geachte heer,`, a letter flattened onto one line), or it holds
/// a sign-off or a letter's or decision's marks (`Met vriendelijke groet`, `Ons kenmerk`,
/// `Betreft:`, `overwegende dat`).
fn is_a_letter(b: &[u8]) -> bool {
    const GREETINGS: &[&str] = &[
        "beste", "dear", "hallo", "hoi", "hi", "hello", "dag", "goedendag", "goedemorgen", "goedemiddag", "goedenavond",
        "lieve", "l.s.",
    ];
    static MARKS: std::sync::LazyLock<Option<AhoCorasick>> = std::sync::LazyLock::new(|| {
        AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build([
                "geachte", "met vriendelijke groet", "hoogachtend", "regards", "ons kenmerk", "uw kenmerk", "betreft:",
                "overwegende dat",
            ])
            .ok()
    });
    let head = &b[..b.len().min(4096)];
    let greets = |line: &[u8]| {
        // (A no-break space may stand before it.)
        let line = line.trim_ascii_start();
        let line = line.strip_prefix("\u{a0}".as_bytes()).unwrap_or(line);
        GREETINGS.iter().any(|g| {
            line.len() > g.len() && line[..g.len()].eq_ignore_ascii_case(g.as_bytes()) && !line[g.len()].is_ascii_alphanumeric()
        })
    };
    // (The lines found with `memchr`, not byte by byte: the head may be 4 KB of text.)
    let mut line_start = 0;
    let greeted = memchr::memchr2_iter(b'\n', b'\r', head).chain(std::iter::once(head.len())).any(|line_end| {
        let line = &head[line_start..line_end];
        line_start = line_end + 1;
        greets(line)
    });
    greeted || MARKS.as_ref().is_some_and(|marks| marks.is_match(b))
}

/// Words that make a sentence about a specific person.
const PERSON_CUES: &[&str] = &[
    "ik", "mij", "mijn", "me", "hij", "hem", "haar", "zij", "uw", "mevrouw", "meneer", "heer",
    "dhr", "mevr", "mw", "cliënt", "client", "cliënte", "patiënt", "patient", "betrokkene",
    "aanvrager", "aanvraagster", "verzoeker", "verzoekster", "bezwaarmaker", "belanghebbende",
    "bewoner", "bewoonster", "huurder", "zoon", "dochter", "vader", "moeder", "broer", "zus",
    "echtgenoot", "echtgenote", "partner", "opa", "oma", "buurman", "buurvrouw", "collega",
    "werknemer", "medewerker", "medewerkster", "leerling", "verdachte", "gedetineerde",
    "jongere", "kind", "klant", "melder", "klager", "klaagster", "sollicitant", "deelnemer",
    "aangever", "aangeefster", "slachtoffer",
    "zijn vrouw", "zijn man", "de man", "de vrouw", "u bent", "bent u", "bent", "ben", "het gezin",
    "echtpaar",
    // English: `I am sick`, `my father … is very ill`, `she is pregnant`. `i` and `he` carry a
    // space (or the verb after them), as alone they would match inside most words; the spaces
    // are trimmed before the boundary test.
    " i ", "i am ", "i'm ", "i have ", "i had ", "i've ", "i was ", "my ", " he ", "he is ", "he has ", "he was ",
    "she ", "his ", " her ", "our son", "our daughter", "husband", "wife", "daughter",
    // `ze` is also "they"; with a singular verb it is "she" (`Ze heeft diabetes`). Not `ze is`:
    // `ze is bedoeld voor …` speaks of a scheme.
    "ze heeft", "ze had", "ze is opgenomen", "ze is bekend", "ze is ziek", "ze gebruikt", "ze slikt",
    "ze gaat", "ze woont", "ze werkt", "ze volgt", "ze krijgt", "ze spreekt", "ze draagt", "ze bezoekt",
    // (The same after the verb: `Op zondag gaat ze naar de kerk`.)
    "gaat ze", "woont ze", "werkt ze", "heeft ze", "volgt ze", "krijgt ze", "spreekt ze", "draagt ze",
    "bezoekt ze",
    "ze stemt", "ze stemde", "ze wil", "ze wilde", "omdat ze", "want ze",
    // (`Ze is lid van de FNV`: a member is a person; `ze is lid` never speaks of a scheme.)
    "ze is lid",
    // `zijn` is also "are"; before these nouns it is "his" (`Zijn strafblad bevat …`).
    "zijn strafblad", "zijn veroordeling", "zijn detentie", "zijn celstraf", "zijn taakstraf",
    "zijn werkstraf", "zijn arrestatie", "zijn aanhouding", "zijn diagnose", "zijn ziekte",
    "zijn verslaving", "zijn medicatie", "zijn medicijnen", "zijn behandeling", "zijn handicap",
    "zijn psychiater", "zijn psycholoog", "zijn geloof", "zijn religie", "zijn afkomst",
    "zijn geaardheid", "zijn vriend", "zijn vriendin", "zijn zoon", "zijn dochter", "zijn broer",
    "zijn zus", "zijn vader", "zijn moeder", "zijn partner",
];

/// The compiled lexicon.
pub(crate) struct CategoryDetector {
    terms: Vec<Term>,
    cues: AhoCorasick,
}

impl CategoryDetector {
    pub(crate) fn new() -> Result<Self, aho_corasick::BuildError> {
        let terms: Vec<Term> = LEXICON
            .iter()
            .flat_map(|&(category, words)| {
                words.iter().map(move |w| Term {
                    category,
                    text: w.trim_matches('*'),
                    prefix: w.ends_with('*'),
                    infix: w.starts_with('*'),
                })
            })
            .collect();
        // (A DFA, asked for: past about a hundred patterns the crate would pick a slower NFA,
        // and every sentence with a category term is searched.)
        let cues = AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::DFA))
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(PERSON_CUES)?;
        Ok(CategoryDetector { terms, cues })
    }

    /// The terms to look for (found by [`super::keywords::Keywords`]), in index order.
    pub(crate) fn terms(&self) -> Vec<&'static str> {
        self.terms.iter().map(|t| t.text).collect()
    }

    /// Finds category terms in sentences about a person. `names` are byte ranges of detected
    /// names, sorted by start.
    pub(crate) fn detect(
        &self,
        t: &Text<'_>,
        term_hits: &[(usize, Range<usize>)],
        names: &[Range<usize>],
        out: &mut Vec<CategoryHit>,
    ) {
        // Whether the text has the shape of a FAQ page (worked out when needed).
        let mut faq_page: Option<bool> = None;
        // Whether its questions are answered, each on the lines after it (worked out when needed).
        let mut answered: Option<bool> = None;
        // Where the file's subject is named, if the text is a file about one person (worked
        // out when needed).
        let mut case_file: Option<Option<(usize, bool)>> = None;
        let people = People { names, letter: std::cell::OnceCell::new(), last_sentence: std::cell::Cell::new(None) };
        // Where the last term that named a group's condition ends (`inwoners met een depressie`).
        let mut group_item_end: Option<usize> = None;
        // (The terms come in text order: those of one sentence share its reading.)
        let mut sentences = crate::text::SentenceCache::default();
        for (term, m) in term_hits {
            let term = &self.terms[*term];
            let (start, end) = (m.start, m.end);
            if !term.infix && !t.left_boundary(start) {
                continue;
            }
            let end = if term.prefix {
                // Extend over the rest of the word.
                let mut e = end;
                while let Some(c) = t.char_at(e).filter(|c| c.is_alphabetic()) {
                    e += c.len_utf8();
                }
                e
            } else if !t.right_boundary(end) {
                continue;
            } else {
                end
            };
            // `Jolanda Kuipers-Ras`: a capitalised part of a double surname is no term.
            if start >= 2 && t.bytes[start - 1] == b'-' && t.bytes[start].is_ascii_uppercase() && surname_before_hyphen(t, start - 1) {
                continue;
            }
            // `geen strafblad`, `niet zwanger`, `geen aangifte van diefstal`.
            // (`een zorgtraject in plaats van een proces-verbaal`: what is not done.)
            if t.before_has(start, 24, &["geen ", "niet ", "nooit ", "in plaats van ", "instead of "]) {
                continue;
            }
            // `MS` (multiple sclerose) only in capitals after the verb or preposition that
            // names a condition: `heeft MS`, `patiënt met MS`; not `Ms. Smith`, `200 ms`,
            // `MS Teams`.
            if term.text == "ms" && !ms_as_condition(t, start, end) {
                continue;
            }
            // `NAH` (brain injury) only in capitals: `nah ik heb er geen zin in`.
            if term.text == "nah" && &t.bytes[start..end] != b"NAH" {
                continue;
            }
            // A place of care as a workplace: `Zij werkt al tien jaar in de thuiszorg`, `werkt in
            // een verpleeghuis`.
            if term.category == Category::Health && workplace_before(t, start) {
                continue;
            }
            if term.category == Category::Politics && !party_as_written(t, term.text, start, end) {
                continue;
            }
            // `svc_scan02 disabled at 04:17`, `MFA was disabled for the account`: a switched-off
            // account or feature, not a person's disability.
            if term.text == "disabled" && disabled_in_it(t, start) {
                continue;
            }
            // `Het besluit is aangehouden`, `Het agendapunt wordt aangehouden`: postponed, not
            // arrested.
            if term.category == Category::Criminal
                && term.text == "aangehouden"
                && t.before_has(start, start - t.sentence_around(start, 240).0, &["besluit", "voorstel", "motie", "agendapunt", "amendement", "beslissing"])
            {
                continue;
            }
            // `Parketnummer: 13-123456-24`, `onder parketnummer 16/178233-24`: the public
            // prosecutor's number of one criminal case, in a text that names someone, is that
            // person's case; without a number it is the word, as policy text uses it.
            if term.text == "parketnummer" {
                let number = t.bytes[end..].iter().take(4).position(u8::is_ascii_digit).is_some();
                if number && !names.is_empty() {
                    out.push(CategoryHit { category: term.category, range: start..end, score: 0.8 });
                }
                continue;
            }
            let (s_start, s_end) = sentences.around(t, start, 240);
            if !self.about_a_person(t, s_start, s_end, &people)
                && !self.impersonal_after_a_person(t, s_start, &people)
                && !self.listed_after_a_person(t, s_start, &people)
                && !in_a_file_about(t.bytes, case_file.get_or_insert_with(|| file_subject(t.bytes, names)), start, &t.bytes[s_start..s_end])
            {
                continue;
            }
            // `de eigen bijdrage voor inwoners met een chronische ziekte`: a group, not the person
            // the sentence names.
            if group_with(t.bytes, word_start(t.bytes, start), group_item_end) {
                group_item_end = Some(end);
                continue;
            }
            // `Waarom neemt de gemeente mijn vingerafdrukken af?`: a FAQ page's question speaks
            // for any reader.
            if names.is_empty()
                && *faq_page.get_or_insert_with(|| question_lines(t.bytes) >= 3)
                && (faq_question(t.bytes, s_start, s_end) || (faq_line(t.bytes, s_start) && *answered.get_or_insert_with(|| answered_questions(t.bytes) >= 3)))
            {
                continue;
            }
            // `… neemt de gemeente een foto en uw vingerafdrukken op. Waarom neemt de gemeente
            // mijn vingerafdrukken af?`: in a text that speaks to any reader, a question in the
            // reader's voice, inside a paragraph too.
            if t.bytes.get(s_end) == Some(&b'?')
                && asked_for_any_reader(t.bytes[s_start..s_end].trim_ascii_start())
                && people.speak_to_any_reader(t.bytes)
            {
                continue;
            }
            // `Is uw woning door een lichamelijke beperking niet meer geschikt? Vraag dan naar
            // onze …`: a question to the reader that an offer answers (`… dan …`) supposes a
            // case, even in a letter to one tenant.
            if conditional_offer(t.bytes, s_start, s_end) {
                continue;
            }
            out.push(CategoryHit {
                category: term.category,
                range: start..end,
                score: 0.8,
            });
        }
    }

    /// `… over Bilal: hij is vaak moe. Er is een vermoeden van ADHD`: an impersonal sentence (`Er
    /// is`, `Er wordt`) goes on about the person of the sentence before it, on the same line.
    /// (`De gemeente helpt inwoners. Er is een wachtlijst voor de ggz.` names nobody.)
    #[inline(never)]
    fn impersonal_after_a_person(&self, t: &Text<'_>, from: usize, people: &People<'_>) -> bool {
        let b = t.bytes;
        let head = b[from..].trim_ascii_start();
        let impersonal = ["er is ", "er wordt ", "er was ", "er werd ", "er zijn ", "er bestaat "]
            .iter()
            .any(|w| head.len() > w.len() && head[..w.len()].eq_ignore_ascii_case(w.as_bytes()));
        // The sentence before ends right before this one, with its full stop, on the same line.
        let mut end = from;
        while end > 0 && b[end - 1] == b' ' {
            end -= 1;
        }
        if !impersonal || end == 0 || !matches!(b[end - 1], b'.' | b'!' | b'?') {
            return false;
        }
        let (prev_start, prev_end) = t.sentence_around(end - 1, 240);
        self.about_a_person(t, prev_start, prev_end, people)
    }

    /// `… blijkt dat u met justitie in aanraking bent geweest:` then `- 14 oktober 2021:
    /// veroordeling door de politierechter …`: a bullet line goes on with the sentence that
    /// introduces the list with a colon, when that sentence is about a person. (At most 24
    /// bullet lines and 4 KB back.)
    #[inline(never)]
    fn listed_after_a_person(&self, t: &Text<'_>, from: usize, people: &People<'_>) -> bool {
        let b = t.bytes;
        let is_bullet = |line: &[u8]| {
            let l = line.trim_ascii_start();
            l.starts_with(b"- ") || l.starts_with(b"* ") || l.starts_with("• ".as_bytes()) || l.starts_with("– ".as_bytes())
        };
        // (A bullet line of up to 1 KB before the sentence; the walk back is bounded so that a
        // long line costs no more than that per term.)
        let Some(mut line_start) = line_start_within(b, from, 1024) else { return false };
        if !is_bullet(&b[line_start..(line_start + 16).min(b.len())]) {
            return false;
        }
        // (A question in the list is the writer's, not about the person: `Ik heb de volgende
        // vragen:` / `- Wat kost thuiszorg?`.)
        let line_end = line_end_within(b, from, 1024).unwrap_or((from + 1024).min(b.len()));
        if b[from..line_end].trim_ascii_end().ends_with(b"?") {
            return false;
        }
        for _ in 0..24 {
            if line_start == 0 || from - line_start > 4096 {
                return false;
            }
            let prev_end = line_start - 1;
            let Some(prev_start) = line_start_within(b, prev_end, 1024) else { return false };
            let prev = b[prev_start..prev_end].trim_ascii_end();
            if prev.is_empty() {
                // (Blank lines between the introduction and its list.)
                line_start = prev_start;
                continue;
            }
            if is_bullet(prev) {
                line_start = prev_start;
                continue;
            }
            if !prev.ends_with(b":") {
                return false;
            }
            let colon = prev_start + prev.len() - 1;
            let (s_start, s_end) = t.sentence_around(colon.saturating_sub(1), 240);
            // (`Wij bieden u en uw naasten:` introduces a service's list.)
            return !organisation_voice(&b[s_start..s_end.max(colon)]) && self.about_a_person(t, s_start, s_end.max(colon), people);
        }
        false
    }

    fn about_a_person(&self, t: &Text<'_>, from: usize, to: usize, people: &People<'_>) -> bool {
        if let Some((f, e, about)) = people.last_sentence.get() {
            if (f, e) == (from, to) {
                return about;
            }
        }
        let about = self.sentence_about_a_person(t, from, to, people);
        people.last_sentence.set(Some((from, to, about)));
        about
    }

    fn sentence_about_a_person(&self, t: &Text<'_>, from: usize, to: usize, people: &People<'_>) -> bool {
        let names = people.names;
        let idx = names.partition_point(|r| r.end <= from);
        if names.get(idx).is_some_and(|r| r.start < to) {
            return true;
        }
        // A form's field about the person the form names (`Patiënt: P. Kaczmarek` …
        // `Diagnose: open longtuberculose`).
        if !names.is_empty() && starts_with_category_field(&t.bytes[from..to]) {
            return true;
        }
        let sentence = &t.bytes[from..to];
        self.cues.find_iter(sentence).any(|m| {
            // `u` (`uw`, `bent u`) speaks to someone: the addressee of a letter, a decision or a
            // mail, named at its top or greeted. A text that names people only further down
            // and greets nobody speaks to any reader (a privacy statement or a FAQ that names
            // its privacy officer at the end: `Uw geloof … wordt niet in de BRP geregistreerd`).
            // (A text that names nobody may be a letter without its address block: there `u`
            // still counts.)
            // (The names' place first: most texts name someone at the top, and that settles it.)
            if people.speak_to_any_reader(t.bytes) && SECOND_PERSON_CUES.contains(&PERSON_CUES[m.pattern().as_usize()]) {
                return false;
            }
            // (The spaces some cues carry are no part of the word.)
            let cue = &sentence[m.start()..m.end()];
            let s = from + m.start() + cue.iter().take_while(|&&c| c == b' ').count();
            let e = from + m.end() - cue.iter().rev().take_while(|&&c| c == b' ').count();
            t.left_boundary(s) && t.right_boundary(e) && !jongere_as_adjective(t.bytes, s, e)
        })
    }
}

/// Where a file about one person names its subject: the end of the first name right after the
/// field that names a file's subject (`Klant: Petra Hoekstra`, `Naam cliënt: J. Bakker`,
/// `Betrokkene: …`). Case notes under such a field drop the subject (`- 12/2: is kaderlid van
/// FNV`, `Diabetes type 2 (insuline)`), so every sentence after it is about that person; the
/// file's title before it is not (`PROCES-VERBAAL VAN BEVINDINGEN`). (Not `Aanvrager:` or
/// `Contactpersoon:`: an application or a policy note may name someone and speak of others.)
/// The flag says the subject is an intake form's `Naam:` (see `is_a_form`): there only the
/// answers of its fields count (`form_answer`).
fn file_subject(b: &[u8], names: &[Range<usize>]) -> Option<(usize, bool)> {
    const SUBJECTS: &[&str] = &[
        "klant", "cliënt", "client", "cliënte", "betrokkene", "patiënt", "patient", "verdachte", "jeugdige",
        "bewoner", "gedetineerde",
    ];
    // An intake or application form asks about the one person it names in its `Naam:` field
    // (`INTAKEFORMULIER SCHULDHULPVERLENING` … `Naam: Al-Hassan, Ahmad` … `Toelichting: PTSS`).
    let form = std::cell::OnceCell::new();
    names.iter().take(64).find_map(|name| {
        // (The field starts its line at most 40 bytes before the name.)
        let line_start = line_start_within(b, name.start, 40)?;
        let before = b[line_start..name.start].trim_ascii();
        let field = before.strip_suffix(b":")?.trim_ascii();
        if (field.eq_ignore_ascii_case(b"naam") || field.eq_ignore_ascii_case(b"naam aanvrager")) && *form.get_or_init(|| is_a_form(b)) {
            return Some((name.end, true));
        }
        let field = field.strip_prefix(b"naam ").or_else(|| field.strip_prefix(b"Naam ")).unwrap_or(field);
        // (ASCII case folding: `Cliënt` and `cliënt` differ only in the `C`.)
        (field.len() <= 16 && SUBJECTS.iter().any(|s| field.eq_ignore_ascii_case(s.as_bytes()))).then_some((name.end, false))
    })
}

/// Whether the text's title (its first line that is not blank) names an intake or application
/// form (`Intakeformulier schuldhulpverlening`, `AANMELDFORMULIER WMO`, `Intake jeugdhulp`).
fn is_a_form(b: &[u8]) -> bool {
    let head = b.trim_ascii_start();
    let title = &head[..head.iter().take(160).position(|&c| c == b'\n').unwrap_or(head.len().min(160))];
    crate::text::contains_any(title, &["intake", "aanmeld", "aanvraagformulier", "hulpvraag"])
}

/// Whether the term at `start`, in `sentence`, stands in a file about one person whose subject is
/// named at `subject` (see [`file_subject`]), after it and not in the organisation's voice.
fn in_a_file_about(b: &[u8], subject: &Option<(usize, bool)>, start: usize, sentence: &[u8]) -> bool {
    subject.is_some_and(|(at, form)| start > at && (!form || form_answer(b, start))) && !organisation_voice(sentence)
}

/// Whether the term at `start` stands in the answer of a form's field, a line `Label: answer`
/// with a label of one or two words (`Toelichting: PTSS, slaapmedicatie`, `Diagnose: …`), an
/// answer that is no `geen` or `nee` (`Medicijnen: geen`); not an instruction (`Let op: …`,
/// `Toelichting voor de consulent: vraag ook naar verslaving`), an unticked option or a
/// question (`Psychische klachten?  [ ] ja  [x] nee`).
fn form_answer(b: &[u8], start: usize) -> bool {
    let Some(line_start) = line_start_within(b, start, 256) else { return false };
    let Some(colon) = b[line_start..start].iter().position(|&c| c == b':').map(|p| line_start + p) else {
        return false;
    };
    // (A remark in brackets after the label: `Etnische achtergrond (optioneel): Koerdisch`.)
    let label = b[line_start..colon].trim_ascii();
    let label = match (label.ends_with(b")"), label.iter().position(|&c| c == b'(')) {
        (true, Some(open)) => label[..open].trim_ascii_end(),
        _ => label,
    };
    let answer = b[colon + 1..].trim_ascii_start();
    let words = label.split(|&c| c == b' ').filter(|w| !w.is_empty()).count();
    (1..=2).contains(&words)
        && !label.eq_ignore_ascii_case(b"let op")
        && !label.eq_ignore_ascii_case(b"nb")
        && ![&b"geen"[..], b"nee", b"n.v.t", b"nvt", b"onbekend"].iter().any(|w| {
            answer.len() >= w.len() && answer[..w.len()].eq_ignore_ascii_case(w) && !answer.get(w.len()).is_some_and(u8::is_ascii_alphabetic)
        })
}

/// Whether a sentence speaks in the organisation's voice (`Onze reisverzekering dekt …`, `Wij
/// bieden …`): in a client's file such a sentence is about the service, not the client.
fn organisation_voice(sentence: &[u8]) -> bool {
    sentence
        .split(|c| !c.is_ascii_alphabetic())
        .any(|w| [&b"wij"[..], b"we", b"onze", b"ons"].iter().any(|v| w.eq_ignore_ascii_case(v)))
}

/// Whether the term at `start` names where someone works (`werkt al tien jaar in de thuiszorg`,
/// `werkzaam als …`, `stage bij …`): `in`, `als` or `bij` (and an article) right before it and a
/// verb of working within 40 bytes before that.
fn workplace_before(t: &Text<'_>, start: usize) -> bool {
    let before = strip_article(t.bytes[..start].trim_ascii_end());
    let Some(prep) = ["in", "als", "bij"].iter().find(|p| crate::text::ends_with_word(before, &[p])) else {
        return false;
    };
    let at = before.len() - prep.len();
    t.before_has_word(at, 40, &["werkt", "werkte", "werken", "werkzaam", "stage", "baan"])
}

/// `de`, `het` or `een` at the end of `before` left off.
fn strip_article(before: &[u8]) -> &[u8] {
    ["een", "de", "het"]
        .iter()
        .find_map(|a| crate::text::ends_with_word(before, &[a]).then(|| before[..before.len() - a.len()].trim_ascii_end()))
        .unwrap_or(before)
}

/// Where the word holding `at` starts (a term found inside a compound: `borstkanker`).
fn word_start(b: &[u8], at: usize) -> usize {
    let floor = at.saturating_sub(64);
    b[floor..at].iter().rposition(|c| !(c.is_ascii_alphabetic() || *c >= 0x80)).map_or(floor, |p| floor + p + 1)
}

/// Whether the term at `start` follows a group it describes (`inwoners met (een)`, `ouders van
/// kinderen met`).
fn group_with(b: &[u8], start: usize, prev_item_end: Option<usize>) -> bool {
    let before = strip_article(b[..start].trim_ascii_end());
    if crate::text::ends_with_word(before, GROUPS_WITH) {
        return true;
    }
    // `inwoners met een depressie, angststoornis of beginnende psychose`: a later item of an
    // enumeration whose item before it (a term) was the group's, joined by a comma, `en` or `of`
    // and at most two adjectives (`beginnende`, `ernstige`); not a clause of its own (`kinderen
    // met autisme en heeft zelf een angststoornis`).
    prev_item_end.is_some_and(|e| e <= start && enumeration_link(&b[e..start]))
}

/// Whether `between` joins two items of an enumeration: `, `, ` en `, ` of `, `, en `, then
/// at most two words that are articles or adjectives ending in `e`.
fn enumeration_link(between: &[u8]) -> bool {
    let Some(rest) = [&b", en "[..], b", of ", b", ", b" en ", b" of "].iter().find_map(|j| between.strip_prefix(*j)) else {
        return false;
    };
    let mut words = 0;
    rest.split(|&c| c == b' ').filter(|w| !w.is_empty()).all(|w| {
        words += 1;
        words <= 2
            && (matches!(w, b"een" | b"de" | b"het") || (w.len() > 3 && w.ends_with(b"e") && w.iter().all(u8::is_ascii_lowercase)))
    })
}

/// A group of people and `met` (`inwoners met diabetes`): the term after it names the group's
/// condition, not a person's.
const GROUPS_WITH: &[&str] = &[
    "inwoners met", "mensen met", "burgers met", "cliënten met", "jongeren met", "ouderen met", "kinderen met",
    "leerlingen met", "werknemers met", "bewoners met", "patiënten met", "personen met", "huishoudens met",
    "gezinnen met", "volwassenen met", "studenten met", "medewerkers met", "people with",
];

/// Whether `disabled` at `start` speaks of an account, a service or a feature: after an
/// identifier (`svc_scan02`) or in a sentence about one.
fn disabled_in_it(t: &Text<'_>, start: usize) -> bool {
    let b = t.bytes;
    let before = b[..start].trim_ascii_end();
    let word = &before[before.iter().rposition(|c| c.is_ascii_whitespace()).map_or(0, |k| k + 1)..];
    let identifier = word.iter().any(|&c| c == b'_' || c.is_ascii_digit());
    let (s_start, s_end) = t.sentence_around(start, 240);
    // (Whole words: `support` and `sports` hold no `port`.)
    let sentence = &b[s_start..s_end];
    identifier
        || sentence.split(|c| !c.is_ascii_alphanumeric() && *c != b'_').any(|w| {
            ["account", "accounts", "server", "service", "login", "mfa", "firewall", "plugin", "feature", "option", "setting", "vpn"]
                .iter()
                .any(|x| w.eq_ignore_ascii_case(x.as_bytes()))
        })
}

/// `op jongere leeftijd`, `jongere inwoners`: `jongere` as "younger" before a noun of a group
/// or an age, not "a young person" (`De jongere heeft ADHD`).
fn jongere_as_adjective(b: &[u8], start: usize, end: usize) -> bool {
    b[start..end].eq_ignore_ascii_case(b"jongere")
        && b.get(end) == Some(&b' ')
        && [
            &b"leeftijd"[..], b"inwoners", b"mensen", b"generatie", b"jongeren", b"volwassenen", b"doelgroep",
            b"werknemers", b"leeftijdsgroep", b"bewoners", b"ouderen",
        ]
        .iter()
        .any(|w| b[end + 1..].starts_with(w))
}

/// Whether a listed surname ends at `hyphen` (`Kuipers-`), so that what follows is the second
/// surname of a double one (not `Surinaams-Hindostaanse`).
fn surname_before_hyphen(t: &Text<'_>, hyphen: usize) -> bool {
    let word_start = t.str[..hyphen]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphabetic())
        .last()
        .map_or(hyphen, |(i, _)| i);
    word_start < hyphen && crate::lexicon::is_surname(&t.str[word_start..hyphen])
}

/// Labels of form fields that state a category of the form's subject.
const CATEGORY_FIELDS: &[&str] = &[
    "diagnose", "medicatie", "aandoening", "ziektebeeld", "beperking", "allergie", "allergieën",
    "medische gegevens", "medische bijzonderheden", "gezondheid", "religie", "geloof", "godsdienst",
    "medisch", "medische situatie", "medische achtergrond", "gezondheidssituatie", "klachten",
    "levensovertuiging",
    // The offence and the sentence of a penal order or judgment (`Opgelegde straf: geldboete
    // …, voorwaardelijk`); not the bare `Feit:` or `Opgelegd:` of an administrative decision
    // (`Feit: de vergunning is voorwaardelijk verleend`).
    "strafbaar feit", "opgelegde straf", "straf", "strafoplegging", "vonnis", "antecedenten",
    "justitiële documentatie",
];

/// Whether `sentence` starts with one of [`CATEGORY_FIELDS`] and its colon.
fn starts_with_category_field(sentence: &[u8]) -> bool {
    let s = sentence.trim_ascii_start();
    CATEGORY_FIELDS.iter().any(|label| {
        let l = label.as_bytes();
        s.len() > l.len() && s[..l.len()].eq_ignore_ascii_case(l) && s[l.len()..].trim_ascii_start().starts_with(b":")
    })
}

/// Whether the sentence `from..to` is a question on a line of its own that opens with a question
/// word (`Waarom …?`, `Kan ik …?`): a FAQ page's, asked in the reader's voice.
fn faq_question(b: &[u8], from: usize, to: usize) -> bool {
    if b.get(to) != Some(&b'?') || !matches!(b.get(to + 1), None | Some(b'\n' | b'\r')) {
        return false;
    }
    let blanks = b[..from].iter().rev().take_while(|&&c| c == b' ' || c == b'\t').count();
    if !(from == blanks || b[from - blanks - 1] == b'\n') {
        return false;
    }
    asked_for_any_reader(b[from..to].trim_ascii_start())
}

/// Whether the sentence `from..to` is a yes-or-no question to the reader (`Is uw …?`, `Heeft u
/// …?`, `Bent u …?`) whose next sentence answers it with an offer (`Vraag dan …`, `Neem dan
/// contact op`, `Dan kunt u …`).
fn conditional_offer(b: &[u8], from: usize, to: usize) -> bool {
    if b.get(to) != Some(&b'?') {
        return false;
    }
    let q = b[from..to].trim_ascii_start();
    let opens = ["is uw ", "heeft u ", "bent u ", "kunt u ", "wilt u ", "hebt u ", "heeft uw ", "zijn uw ", "wordt u "]
        .iter()
        .any(|w| q.len() > w.len() && q[..w.len()].eq_ignore_ascii_case(w.as_bytes()));
    if !opens {
        return false;
    }
    let next = b[to + 1..b.len().min(to + 80)].trim_ascii_start();
    let first_end = next.iter().position(|&c| c == b' ').unwrap_or(next.len());
    let rest = &next[first_end..];
    rest.len() >= 5 && rest[..5].eq_ignore_ascii_case(b" dan ") || (next.len() > 4 && next[..4].eq_ignore_ascii_case(b"dan "))
}

/// Whether the question `q` (without its `?`) opens with a question word and holds no statement
/// of the asker's own (`Hoe vertel ik mijn ouders dat ik homo ben?` is the asker's).
fn asked_for_any_reader(q: &[u8]) -> bool {
    let statement = [&b"dat ik "[..], b"omdat ik ", b"want ik ", b"sinds ik ", b"nu ik "]
        .iter()
        .any(|w| q.windows(w.len()).any(|x| x.eq_ignore_ascii_case(w)));
    !statement
        && QUESTION_OPENERS.iter().any(|w| {
            let w = w.as_bytes();
            q.len() > w.len() && q[..w.len()].eq_ignore_ascii_case(w) && q[w.len()] == b' '
        })
}

/// Whether the sentence at `from` stands in a FAQ's question line (`Ik heb een strafblad. Kan
/// ik toch een paspoort krijgen?`) or in the answer right after one that addresses the reader
/// (`… omdat u verdachte bent in een strafzaak`): the page speaks of any reader.
fn faq_line(b: &[u8], from: usize) -> bool {
    // (FAQ lines are short: a line longer than 1 KB on either side is no FAQ line.)
    let (Some(line_start), Some(line_end)) = (line_start_within(b, from, 1024), line_end_within(b, from, 1024)) else {
        return false;
    };
    let line = b[line_start..line_end].trim_ascii_end();
    if line.ends_with(b"?") {
        let last = line[..line.len() - 1].iter().rposition(|&c| matches!(c, b'.' | b'!' | b'?')).map_or(0, |p| p + 1);
        return asked_for_any_reader(line[last..line.len() - 1].trim_ascii_start());
    }
    let previous = b[line_start.saturating_sub(1024)..line_start].trim_ascii_end();
    let addresses_reader = line.split(|c| !c.is_ascii_alphabetic()).any(|w| w.eq_ignore_ascii_case(b"u") || w.eq_ignore_ascii_case(b"uw"));
    previous.ends_with(b"?") && addresses_reader
}

/// How many lines of `b` end in a question mark and are followed by a line that does not (a FAQ
/// answers its questions; a resident's mail asks several in a row), counted up to 3.
fn answered_questions(b: &[u8]) -> usize {
    memchr::memchr_iter(b'?', b)
        .filter(|&p| matches!(b.get(p + 1), Some(b'\n' | b'\r')))
        .filter(|&p| {
            let next = &b[p + 1..(p + 1 + 512).min(b.len())];
            let next = next.trim_ascii_start();
            let line = &next[..memchr::memchr(b'\n', next).unwrap_or(next.len())];
            !line.is_empty() && !line.trim_ascii_end().ends_with(b"?")
        })
        .take(3)
        .count()
}

/// How many lines of `b` end in a question mark (counted up to 3: a FAQ page has several).
fn question_lines(b: &[u8]) -> usize {
    memchr::memchr_iter(b'?', b)
        .filter(|&p| matches!(b.get(p + 1), None | Some(b'\n' | b'\r')))
        .take(3)
        .count()
}

/// How a FAQ's questions open.
const QUESTION_OPENERS: &[&str] = &[
    "waarom", "hoe", "wat", "wanneer", "waar", "welke", "wie", "kan ik", "mag ik", "moet ik", "krijg ik", "heb ik",
    "ben ik", "kom ik", "word ik", "hoef ik", "val ik", "zou ik", "kan mijn", "moet mijn", "wordt mijn", "worden mijn",
    "is mijn", "what", "why", "how", "when", "where",
    "can i", "do i",
];

/// Whether `MS` at `start..end` names multiple sclerosis (see [`CategoryDetector::detect`]).
fn ms_as_condition(t: &Text<'_>, start: usize, end: usize) -> bool {
    let b = t.bytes;
    let capitals = &b[start..end] == b"MS";
    let next_capitalised = b.get(end) == Some(&b' ') && b.get(end + 1).is_some_and(u8::is_ascii_uppercase);
    // `heeft sinds 2019 MS`, `heeft al jaren MS`: the time between the verb and the condition.
    let mut before = b[..start].trim_ascii_end();
    // (The time: a year or `jaren`, then `sinds` or `al`.)
    let digits = before.iter().rev().take_while(|c| c.is_ascii_digit()).count();
    let time = if digits > 0 { &before[..before.len() - digits] } else { before.strip_suffix(b"jaren").unwrap_or(before) };
    let time = time.trim_ascii_end();
    if let Some(h) = time
        .strip_suffix(b"sinds")
        .or_else(|| time.strip_suffix(b"al"))
        .filter(|h| h.last().is_none_or(|c| !c.is_ascii_alphanumeric()))
    {
        before = h.trim_ascii_end();
    }
    capitals
        && !next_capitalised
        && crate::text::ends_with_word(before, &["heeft", "heb", "had", "met", "aan", "diagnose", "vanwege", "door"])
}

/// `DENK`, `Volt`, `SP`: parties whose names are also words or letters (`denk ik`, `volt`,
/// `1992 sp`) count only written as the party writes them (in capitals, `Volt` with its
/// capital) or, in text typed in lower case, right after `lid van (de)`, `stem(t) op (de)`.
fn party_as_written(t: &Text<'_>, term: &str, start: usize, end: usize) -> bool {
    let written = &t.bytes[start..end];
    let as_written = match term {
        "denk" | "sp" | "nsc" | "bbb" => written.iter().all(u8::is_ascii_uppercase),
        "volt" => written[0].is_ascii_uppercase(),
        _ => return true,
    };
    as_written || {
        let before = t.bytes[..start].trim_ascii_end();
        let before = before.strip_suffix(b"de").map_or(before, <[u8]>::trim_ascii_end);
        crate::text::ends_with_word(before, &["lid van", "stem op", "stemt op", "stemde op", "gestemd op", "stemmen op"])
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::engine;
    use crate::Category;

    fn categories(text: &str) -> Vec<Category> {
        engine().scan(text).categories
    }

    #[test]
    fn case_files_lists_and_looks() {
        // Notes under the file's subject drop the subject.
        assert_eq!(
            categories("Klant: Petra Hoekstra\n- 12/2: intake. Diabetes type 2 (insuline), loopt bij de POH-GGZ."),
            [Category::Health]
        );
        // Not the file's title, before its subject is named.
        assert!(categories("PROCES-VERBAAL VAN BEVINDINGEN\nNaam leerling: Ayşe Kaya\nVerzuim: 12 uur").is_empty());
        // Not an applicant's form about a project.
        assert!(categories("Aanvrager: Jan Jansen\nHet project is voor mensen met dementie.").is_empty());
        // A list introduced by a sentence about a person.
        assert_eq!(
            categories("Uit het systeem blijkt dat u met justitie in aanraking bent geweest:\n\n- 14 oktober 2021: veroordeling door de politierechter tot een gevangenisstraf van 6 maanden;"),
            [Category::Criminal]
        );
        assert!(categories("De gemeente biedt:\n- hulp bij schulden\n- begeleiding na een gevangenisstraf").is_empty());
        assert_eq!(categories("Signalement van de verdachte: man, ongeveer 25 jaar, Noord-Afrikaans uiterlijk, zwarte jas."), [Category::Ethnicity]);
        assert_eq!(categories("De heer Yildiz is sinds 2022 gemeenteraadslid voor Stadspartij Nijmegen."), [Category::Politics]);
        assert_eq!(categories("Ik ben in Nederland geboren, maar mijn ouders zijn Marokkaans-Berbers."), [Category::Ethnicity]);
        assert_eq!(categories("Zij is lid van de Pinkstergemeente."), [Category::Religion]);
        assert_eq!(categories("Zij gaat naar de gurdwara."), [Category::Religion]);
        assert!(categories("Jean-Baptiste Mbeki belde over zijn aanvraag.").is_empty());
        assert_eq!(categories("Hij staat onder reclasseringstoezicht."), [Category::Criminal]);
        assert_eq!(categories("Hij kreeg een Halt-straf."), [Category::Criminal]);
    }

    #[test]
    fn work_in_a_hospital_and_injury_prevention_are_no_health() {
        assert!(categories("Mijn moeder werkt al weken in het ziekenhuis als verpleegkundige.").is_empty());
        assert!(categories("Mijn vrouw werkt twee dagen in het ziekenhuis.").is_empty());
        assert!(categories("Mijn zoon traint bij de kruisbandpreventie-groep.").is_empty());
    }

    #[test]
    fn care_as_case_workers_write_it() {
        for text in [
            "Mijn moeder ligt in het ziekenhuis.",
            "Zij slikt bloedverdunners.",
            "Mijn vader moest naar een verpleeghuis.",
            "Mevrouw heeft een gebroken heup.",
            "Mijn moeder Nilsa is gevallen, ze heeft haar heup gebroken.",
            "Hylke scheurde in juli zijn kruisband en revalideert tot het voorjaar.",
            "Mijn zoon Tobi lag twee weken in het ziekenhuis met een sikkelcelcrisis.",
            "Mijn zoon heeft een longontsteking.",
            "Hij gebruikt een hoortoestel.",
            "Mijn buurman is dement.",
            "De cliënt heeft een indicatie voor de Wlz.",
            "Zij krijgt thuiszorg.",
            "Hij is langdurig ziek.",
            "Zij is bedlegerig.",
        ] {
            assert_eq!(categories(text), [Category::Health], "{text}");
        }
        // A group the sentence speaks of, not the person it names.
        assert!(categories("Mevrouw Tahiri vraagt hoe de eigen bijdrage uitpakt voor inwoners met een chronische ziekte.").is_empty());
        assert!(categories("De heer Jansen vraagt naar de wachtlijst voor mensen met dementie.").is_empty());
    }

    #[test]
    fn jobs_services_and_a_residents_questions() {
        for text in [
            "In verwachting van uw antwoord, met vriendelijke groet.",
            "De ontsteking van mijn scooter is kapot.",
            "Mijn auto heeft ramen die donker getint zijn.",
            "Mijn vrouw is fysiotherapeut in Utrecht.",
            "Zij werkt al tien jaar in de thuiszorg.",
            "Mijn moeder werkt in een verpleeghuis.",
            "nah ik heb er geen zin in",
            "Werknemer: Jan de Vries\nFunctie: wijkverpleegkundige thuiszorg",
            "Klant: Jan Jansen\nOnze reisverzekering dekt ziekenhuisopname en fysiotherapie.",
            "Ik heb de volgende vragen:\n- Hoe lang is de wachttijd voor de ggz?\n- Wat kost thuiszorg?",
            "Wij bieden u en uw naasten:\n- thuiszorg\n- wondzorg",
        ] {
            assert!(categories(text).is_empty(), "{text}");
        }
        // A resident's questions in a row are no FAQ page.
        assert_eq!(
            categories("Ik ben zwanger. Heb ik recht op extra toeslag?\nHoe vraag ik dat aan?\nWanneer hoor ik iets?"),
            [Category::Health]
        );
        // A group is read from the word's start: `inwoners met borstkanker` too.
        assert!(categories("Mevrouw Jansen vraagt naar de regeling voor inwoners met borstkanker.").is_empty());
    }

    #[test]
    fn a_faq_page_speaks_of_any_reader() {
        let faq = "Hoe vraag ik een paspoort aan?\nMaak een afspraak.\n\nWat kost het?\nZie de tarieven.\n\n\
                   Ik heb een strafblad. Kan ik toch een paspoort krijgen?\nJa. Alleen als u verdachte bent in een strafzaak weigeren wij.";
        assert!(categories(faq).is_empty());
    }

    #[test]
    fn tied_to_a_person() {
        assert_eq!(categories("Mijn vader heeft diabetes."), [Category::Health]);
        assert_eq!(categories("Dhr. Jansen is lid van de FNV."), [Category::TradeUnion]);
        assert_eq!(categories("Zij is vorig jaar veroordeeld voor diefstal."), [Category::Criminal]);
        assert_eq!(categories("Cliënt bezoekt elke vrijdag de moskee."), [Category::Religion]);
        assert_eq!(
            categories("Mevrouw El Idrissi is zwanger en stemt op de SP."),
            [Category::Health, Category::Politics]
        );
        assert_eq!(categories("Ze heeft diabetes."), [Category::Health]);
        assert_eq!(categories("Hij heeft een alcoholverslaving."), [Category::Health]);
        assert_eq!(categories("Mevrouw heeft een alcoholprobleem."), [Category::Health]);
        assert_eq!(categories("Zijn strafblad bevat een veroordeling voor mishandeling."), [Category::Criminal]);
        assert_eq!(categories("Mevrouw is slecht ter been en gebruikt een rollator."), [Category::Health]);
        assert_eq!(categories("Ze is lid van de FNV en van GroenLinks."), [Category::Politics, Category::TradeUnion]);
        assert_eq!(categories("Klant heeft zich gemeld met klachten over depressie en angst."), [Category::Health]);
        assert_eq!(categories("De melder is bekend met epilepsie."), [Category::Health]);
        assert_eq!(categories("mijn dochter lisa (8) heeft dyslexie, kan ze extra tijd krijgen?"), [Category::Health]);
        assert_eq!(categories("Meneer K.P. Pillai heeft MS en zit in een rolstoel."), [Category::Health]);
        assert_eq!(categories("Ik heb MS en kan zonder scootmobiel niet naar de winkel."), [Category::Health]);
        // Parties whose names are words count as written by the party.
        assert_eq!(categories("Smeets vroeg het, maar hij ligt bij de receptie denk ik."), []);
        assert_eq!(categories("Jansen heeft zich aangesloten bij DENK."), [Category::Politics]);
        assert_eq!(categories("Dhr. Jansen is lid van Volt."), [Category::Politics]);
        assert_eq!(categories("Bakker meet of er nog volt op de draad staat."), []);
        assert_eq!(categories("onze buurman is actief lid van de sp en deelt folders uit"), [Category::Politics]);
        assert_eq!(categories("graag uw aandacht voor mw. H. Yıldız, bekend met DM2 en hypertensie."), [Category::Health]);
        assert_eq!(categories("Leerling Emma de Boer (groep 7) heeft een dyslexieverklaring."), [Category::Health]);
        assert_eq!(categories("Hij heeft vorig jaar een CVA gehad."), [Category::Health]);
        assert_eq!(categories("Meneer is rolstoelgebonden na een ongeluk."), [Category::Health]);
        assert_eq!(
            categories("The patient, Ahmed Hassan, was admitted with pneumonia."),
            [Category::Health]
        );
        assert_eq!(categories("My son is dyslexic and has epilepsy."), [Category::Health]);
        assert_eq!(categories("She has been in a wheelchair since 2019."), [Category::Health]);
        assert_eq!(categories("Zij zat drie weken in voorarrest."), [Category::Criminal]);
        assert_eq!(categories("Hij zit in voorlopige hechtenis."), [Category::Criminal]);
        for (text, want) in [
            ("Over Bilal: hij is vaak moe. Er is een vermoeden van ADHD; onderzoek volgt.", Category::Health),
            ("Patiënt: P. Kaczmarek\nDiagnose: open longtuberculose, gemeld op 05-02-2024", Category::Health),
            ("Hij heeft een hechtingsstoornis en krijgt traumabehandeling.", Category::Health),
            ("I am sick since Monday (flu, my doctor says rest).", Category::Health),
            ("my father in Dhaka is very ill with cancer", Category::Health),
            ("Roepnaam: Mark\nBijzonderheden: Mark heeft een notenallergie.", Category::Health),
            ("De ouders vragen vrijstelling van de godsdienstles (het gezin is humanistisch).", Category::Religion),
            ("Ze is opgenomen geweest in een psychiatrische kliniek.", Category::Health),
            ("Meneer draagt een keppel en eet koosjer.", Category::Religion),
            ("Cliënt is lid van de moskeevereniging.", Category::Religion),
            ("Zijn vriend is homo.", Category::SexualOrientation),
            ("Ze stemt al jaren op de VVD.", Category::Politics),
            // A representative's party after the name (the annotation guide: political opinion
            // of a named person; art. 9(2)(e) AVG is a ground to process it, not an exception).
            ("De leden: Van den Akker (CDA), Bouwmans (CDA), Koç (D66).", Category::Politics),
            ("Mevrouw is in verwachting van haar derde kind.", Category::Health),
        ] {
            assert_eq!(categories(text), [want], "{text}");
        }
        assert_eq!(categories("Ik ben Sophie en ik heb sinds 2019 de diagnose MS."), [Category::Health]);
        for text in [
            "Ms. Smith has a parking permit.",
            "Ik gebruik MS Teams voor het gesprek met mevrouw.",
            "Hij reageerde binnen 200 ms.",
            "Mijn vader heeft ms-word.",
        ] {
            assert!(categories(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn injuries_victims_and_she_with_a_singular_verb() {
        assert_eq!(categories("Ik zag bij aangeefster een blauwe zwelling onder het linkeroog."), [Category::Health]);
        assert_eq!(categories("Het gezin is van Surinaams-Javaanse komaf."), [Category::Ethnicity]);
        assert_eq!(categories("Op zondag gaat ze naar de Eritrees-orthodoxe kerk."), [Category::Religion]);
        // Not a scheme's `ze`, nor injuries in policy text.
        assert!(categories("Ze gaan naar de kerk in het dorp.").is_empty());
        assert!(categories("Het aantal verkeersslachtoffers met letsel daalde.").is_empty());
    }

    #[test]
    fn peoples_descent_and_spouses_of_the_same_sex() {
        assert_eq!(categories("Cliënt is Koerdisch en gevlucht uit Irak."), [Category::Ethnicity]);
        assert_eq!(categories("Het gezin is van Riffijns-Berberse afkomst."), [Category::Ethnicity]);
        assert_eq!(categories("Zij behoort tot de Tigrinya-sprekende bevolkingsgroep."), [Category::Ethnicity]);
        assert_eq!(categories("Ik ben Molukker."), [Category::Ethnicity]);
        assert_eq!(categories("Hij is van Turkse komaf."), [Category::Ethnicity]);
        assert_eq!(categories("Hij is getrouwd met zijn man Pieter."), [Category::SexualOrientation]);
        assert_eq!(categories("Zij woont met haar vrouw in Zwolle."), [Category::SexualOrientation]);
        assert_eq!(categories("Hij heeft een homoseksuele relatie."), [Category::SexualOrientation]);
        // Not a husband of a woman, `zijn` the verb, descent in the other sense, nor the peoples
        // in policy text.
        assert!(categories("Op de foto zijn man en kind te zien.").is_empty());
        assert_eq!(
            categories("Joost vertelde dat de zorg voor zijn man Thijs veel van hem vraagt."),
            [Category::SexualOrientation]
        );
        assert!(categories("Hij kon zijn mannetje staan.").is_empty());
        assert!(categories("Hij is van goede komaf.").is_empty());
        assert!(categories("Zij woont met haar man in Zwolle.").is_empty());
        assert!(categories("Hij woont met zijn vrouw in Zwolle.").is_empty());
        assert!(categories("De gemeente subsidieert een Koerdisch cultureel centrum.").is_empty());
    }

    #[test]
    fn passing_illnesses_operations_and_a_couples_church() {
        assert_eq!(categories("Emre ligt sinds gisteren met een flinke griep op bed."), [Category::Health]);
        assert_eq!(categories("Hij heeft sinds 2019 MS en kan niet meer lopen."), [Category::Health]);
        assert_eq!(categories("cliënte kon na een zware buikoperatie niet zelfstandig functioneren"), [Category::Health]);
        assert_eq!(categories("I had an emergency C-section and am still recovering."), [Category::Health]);
        assert_eq!(categories("Het echtpaar is actief lid van de Hersteld Hervormde Gemeente."), [Category::Religion]);
        // `jongere` as "younger", an account switched off, a proposal put on hold.
        assert!(categories("Inwoners met een migratieachtergrond hebben vaker diabetes, vaak al op jongere leeftijd.").is_empty());
        assert_eq!(categories("De jongere heeft ADHD."), [Category::Health]);
        assert!(categories("Stap 1: svc_scan02 disabled at 04:17 by engineer Lars.").is_empty());
        assert_eq!(categories("I am disabled since the accident."), [Category::Health]);
        assert_eq!(categories("I am disabled and need support with my application."), [Category::Health]);
        assert_eq!(categories("De jongere kinderen hebben ADHD."), [Category::Health]);
        assert_eq!(categories("De verdachte werd na behandeling in het ziekenhuis aangehouden."), [Category::Criminal]);
        assert!(categories("De cliënt heeft last van het hervormde toeslagenstelsel.").is_empty());
        assert!(categories("De klant heeft een berber tapijt gekocht.").is_empty());
        assert!(categories("De jongere behoort tot een kwetsbare bevolkingsgroep.").is_empty());
        assert_eq!(categories("Bruidegom 1: Jeroen Lammers\nBruidegom 2: Kwame Mensah"), [Category::SexualOrientation]);
        assert_eq!(categories("In het ziekenhuis werd bij hem een polsbreuk vastgesteld."), [Category::Health]);
        assert_eq!(categories("Mevrouw krijgt zorg met verblijf, met zorgprofiel VV 05."), [Category::Health]);
        assert_eq!(categories("Zij is Marokkaans-Nederlands; haar ouders komen uit Nador."), [Category::Ethnicity]);
        assert_eq!(categories("The director told me that one day for a religious holiday is allowed."), [Category::Religion]);
        assert!(categories(
            "Mevrouw Hettinga meldt dat het raadsvoorstel over de Woo-verzoeken (2025-014) op verzoek van de fractie is aangehouden."
        )
        .is_empty());
        assert_eq!(categories("Hij werd gisteren aangehouden."), [Category::Criminal]);
        assert_eq!(categories("Hij had een bloedende wond boven zijn linkeroog."), [Category::Health]);
        assert_eq!(categories("Een brief voor mevr. Zhang Wei en haar vrouw Chen Xiaoling."), [Category::SexualOrientation]);
        assert_eq!(categories("ze wil woensdag niet omdat ze dan naar de eritrees-orthodoxe kerk gaat"), [Category::Religion]);
    }

    #[test]
    fn complaints_pilgrimages_medical_fields_and_english_relatives() {
        assert_eq!(categories("Vanwege zijn rugklachten (hernia) kan hij niet werken."), [Category::Health]);
        assert_eq!(categories("Moeder had verlof gevraagd voor de bedevaart (umrah)."), [Category::Religion]);
        assert_eq!(categories("Aanvraag van mevrouw Nguyen.\nMedisch: long covid sinds 2023."), [Category::Health]);
        assert_eq!(categories("Our daughter needs to see a specialist for her epilepsy."), [Category::Health]);
        // One question alone is the asker's own (a prompt), as is a statement inside a FAQ's.
        assert_eq!(categories("Wat kan ik doen tegen mijn depressie?"), [Category::Health]);
        assert_eq!(
            categories("Hoe werkt het?\nWat kost het?\nHoe vertel ik mijn ouders dat ik homo ben?"),
            [Category::SexualOrientation]
        );
        // A question in a mail that names its writer is hers.
        assert_eq!(categories("Waarom duurt de hulp bij mijn depressie zo lang?\nGroet, Fatima Bakker"), [Category::Health]);
        // A complaint is no health complaint; `Klachten:` needs a health term after it.
        assert!(categories("Ik heb klachten over de buren.").is_empty());
        assert!(categories("Jan Bakker\nKlachten: geluidsoverlast van de buren").is_empty());
    }

    #[test]
    fn a_penal_order_is_about_its_addressee() {
        assert_eq!(
            categories("Aan: Dirk-Jan Hogeveen, Leeuwarden.\n\nOpgelegde straf: geldboete van € 850,00, voorwaardelijk."),
            [Category::Criminal]
        );
        // An administrative decision's fields and an employment's probation are no offence.
        assert!(categories("Aan: Jan Bakker\nFeit: de vergunning is voorwaardelijk verleend.").is_empty());
        assert!(categories("Aan: Jan Bakker\nOpgelegd: last onder dwangsom, voorwaardelijk bij herhaling.").is_empty());
        assert!(categories("Mevrouw Els de Vries heeft een proeftijd van een maand.").is_empty());
        assert_eq!(
            categories("Belanghebbende: mevrouw Nadia El Amrani\nDe zaak is ingezonden onder parketnummer 16/178233-24."),
            [Category::Criminal]
        );
        // The word without a case's number, or a case's number in a text that names no one.
        assert!(categories("Belanghebbende: mevrouw Nadia El Amrani\nHet parketnummer staat op de dagvaarding.").is_empty());
        assert!(categories("Het OM vermeldt het parketnummer 16/178233-24 op elke brief.").is_empty());
        // A field of a form that states no offence.
        assert!(categories("Aan: Dirk-Jan Hogeveen\nFeit: de aanvraag is te laat ingediend.").is_empty());
    }

    #[test]
    fn postponed_is_not_arrested() {
        assert!(categories("Op verzoek van wethouder De Jonge is het besluit aangehouden.").is_empty());
        assert!(categories("Het agendapunt wordt op voorstel van mevrouw Bakker aangehouden.").is_empty());
        assert_eq!(categories("De verdachte is gisteren aangehouden."), [Category::Criminal]);
    }

    #[test]
    fn negated_terms_are_not_evidence() {
        assert!(categories("Betrokkene heeft geen strafblad.").is_empty());
        assert!(categories("Mijn dochter is niet zwanger.").is_empty());
        assert!(categories("Ik heb geen aangifte van diefstal gedaan.").is_empty());
        assert!(categories("Overleg met Van Ommeren over een zorgtraject in plaats van een proces-verbaal.").is_empty());
        assert_eq!(categories("De verdachte is gisteren aangehouden in plaats van beboet."), [Category::Criminal]);
    }

    #[test]
    fn a_question_an_offer_answers_supposes_a_case() {
        let letter = "Geachte heer Jansen,\nDe huurverhoging gaat in op 1 juli.\nIs uw woning door een lichamelijke beperking niet meer geschikt? Vraag dan naar onze woonconsulent.";
        assert!(categories(letter).is_empty());
        let told = "Geachte heer Jansen,\nMijn zoon heeft een lichamelijke beperking. Vraag dan naar onze woonconsulent.";
        assert_eq!(categories(told), [Category::Health]);
    }

    #[test]
    fn policy_text_is_not_about_a_person() {
        assert!(categories("De gemeente ondersteunt inwoners met diabetes.").is_empty());
        assert!(categories("Het beleid richt zich op de bestrijding van kanker en depressie.").is_empty());
        assert!(categories("Vakbonden en werkgevers sloten een cao.").is_empty());
        assert!(categories("Als inwoners diabetes hebben, kunnen ze hulp krijgen.").is_empty());
        assert!(categories("De regeling is er sinds 2020; ze is bedoeld voor inwoners met diabetes.").is_empty());
        assert!(categories("Preventie van gokverslaving is een speerpunt.").is_empty());
        assert!(categories("Ik woon in de Kerkstraat.").is_empty());
        // `zijn` as a verb before a term is no person.
        assert!(categories("Veel inwoners zijn gelovig of gaan naar de kerk.").is_empty());
        assert!(categories("De wachttijden in de ggz zijn lang.").is_empty());
        assert!(categories("De gemeente vergoedt een rollator via de Wmo.").is_empty());
        assert!(categories("Rolstoelgebonden inwoners krijgen een parkeerkaart.").is_empty());
        assert!(categories("Bij niet betalen volgt vervangende hechtenis.").is_empty());
        assert!(categories("Het klantcontactcentrum informeert over dyslexie en diabetes.").is_empty());
        assert!(categories("De campagne over hoge bloeddruk en obesitas loopt tot juni.").is_empty());
        assert!(categories("Ze is bedoeld voor inwoners die naar de moskee gaan.").is_empty());
        assert!(categories("De gemeente helpt inwoners. Er is een wachtlijst voor de ggz.").is_empty());
        assert!(categories("Hij belde gisteren.\nEr is veel vraag naar hulp bij depressie.").is_empty());
        // A category field without a person named in the text; English policy text.
        assert!(categories("Diagnose: tuberculose komt weinig voor in Nederland.").is_empty());
        assert!(categories("The municipality supports residents with cancer or dementia.").is_empty());
        assert!(categories("The clinic treats epilepsy and pneumonia.").is_empty());
        assert!(categories("All buildings must be accessible by wheelchair.").is_empty());
        // A FAQ's questions in the reader's voice, in a text that names nobody.
        let faq = "Hoe vraag ik een paspoort aan?\nMaak een afspraak.\nWaarom neemt de gemeente mijn vingerafdrukken af?\n\
                   Dat is verplicht.\nKan ik met mijn diabetes een rijbewijs krijgen?\nJa, met een keuring.";
        assert!(categories(faq).is_empty());
        let faq = "Wat kost een parkeerkaart?\nDe leges zijn € 138,45.\nHoe lang duurt het?\nAcht weken.\n\
                   Ik heb MS en kan maar 100 meter lopen. Kom ik in aanmerking?\nDat hangt af van de keuring.";
        assert!(categories(faq).is_empty());
        // A part of a double surname.
        assert!(categories("Aanwezig: Rachid Amrani (penningmeester), Jolanda Kuipers-Ras en Tim Evers.").is_empty());
        // (An ethnic adjective after a hyphen is still one.)
        assert_eq!(categories("Mijn moeder heeft een Surinaams-Hindostaanse achtergrond."), [Category::Ethnicity]);
        assert!(categories("Het ILL-project en de flu-campagne lopen door.").is_empty());
        assert!(categories("Zijn er inwoners met een keppel of hoofddoek die last hebben van intimidatie?").is_empty());
        assert!(categories("Mijn vader werkt bij de TIA-afdeling van de bank; zijn collega's ook.").is_empty());
        assert!(categories("Klanten met diabetes krijgen voorrang; deelnemers met dyslexie ook.").is_empty());
        // A facility applied for states no condition (the annotation guide's reading).
        assert!(categories("Ik maak bezwaar tegen het besluit dat mijn aanvraag voor een traplift afwijst.").is_empty());
    }

    #[test]
    fn an_intake_form_asks_about_the_one_it_names() {
        let form = "INTAKEFORMULIER SCHULDHULPVERLENING\nNaam: Ahmad Al-Hassan\nBSN: 311344446\n\nD. GEZONDHEID\n\
                    Psychische klachten?   [x] ja  [ ] nee\nToelichting: PTSS, slaapmedicatie\n\nE. JUSTITIEEL\n\
                    Toelichting: taakstraf van 60 uur voor verduistering.";
        assert_eq!(categories(form), [Category::Health, Category::Criminal]);
        // Not an expense claim, whose items are no facts about its claimant.
        let claim = "DECLARATIEFORMULIER\nNaam: Petra Hoekstra\n| 17-10 | Vakliteratuur dyslexie | € 74,95 |";
        assert!(categories(claim).is_empty());
        // Nor an intake form's title before the name.
        assert!(categories("Intake jeugdhulp: de ggz in de regio\nNaam: Jan Jansen").is_empty());
        // Only its fields' answers: not a question answered `nee`, an option nobody ticked, an
        // answer `geen`, an instruction, or an event's text.
        for text in [
            "INTAKEFORMULIER SCHULDHULPVERLENING\nNaam: Jan de Vries\nPsychische klachten?   [ ] ja  [x] nee\nStrafblad?   [ ] ja  [x] nee",
            "Aanmeldformulier Wmo\nNaam: Petra Hoekstra\n[ ] dementie   [ ] verslaving   [x] huishouden",
            "Aanmeldformulier sportdag\nNaam: Daan Jansen\nGroep: 6b\nMedicijnen: geen\nAllergieën: geen",
            "Aanvraagformulier bijzondere bijstand\nNaam aanvrager: Mohamed Amrani\nLet op: een strafblad is voor deze aanvraag niet van belang.",
            "Intakeformulier schuldhulpverlening\nNaam: Ahmad Al-Hassan\n\nToelichting voor de consulent: vraag ook naar verslaving en een strafblad.",
            "Aanmelding informatieavond 'Leven met dementie'\nNaam: Kees Bakker\nAantal personen: 2\n\nDe avond gaat over dementie en de zorg thuis.",
        ] {
            assert!(categories(text).is_empty(), "{text}");
        }
        assert_eq!(
            categories("Intakeformulier\nNaam: Ahmad Al-Hassan\nEtnische achtergrond (optioneel, t.b.v. tolk): Koerdisch"),
            [Category::Ethnicity]
        );
    }

    #[test]
    fn the_reader_addressed_is_nobody_in_particular() {
        // A privacy statement that names only its privacy officer, at the end.
        let statement = format!(
            "Privacyverklaring Burgerzaken\n\nUw geloof, seksuele geaardheid of politieke voorkeur worden niet in de BRP \
             geregistreerd.\n{}\nFunctionaris gegevensbescherming: C. Lemmens",
            "Wij bewaren uw gegevens niet langer dan nodig. ".repeat(20)
        );
        assert!(categories(&statement).is_empty());
        // Its question in the reader's voice, inside a paragraph.
        let faq = format!(
            "Reisdocumenten\nDe gemeente neemt een foto en uw vingerafdrukken op. Waarom neemt de gemeente mijn vingerafdrukken af? \
             De Paspoortwet verplicht dat.\n{}\nFunctionaris gegevensbescherming: C. Lemmens",
            "Wij bewaren uw gegevens niet langer dan nodig. ".repeat(20)
        );
        assert!(categories(&faq).is_empty());
        // A decision or a letter names and greets its addressee.
        assert_eq!(
            categories("Aanvrager: Wang Xiaoming\n\nUit het documentatiesysteem blijkt dat u op 14-09-2022 bent veroordeeld."),
            [Category::Criminal]
        );
        let letter = format!("{}\nGeachte heer Jansen,\nUw diabetes is geen reden tot weigering.", "Gemeente Utrecht, afdeling Werk en Inkomen. ".repeat(30));
        assert_eq!(categories(&letter), [Category::Health]);
        // Other greetings, a decision's marks, a letter flattened onto one line, `jij bent`:
        // all to one person, named only at the end.
        let body = "Wij hebben uw aanvraag ontvangen en zorgvuldig bekeken. ".repeat(18);
        for text in [
            format!("Goedendag,\n{body}\nUw depressie hebben wij meegewogen.\nPetra de Vries"),
            format!("Ons kenmerk: 2024-118\n{body}\nUw VOG is geweigerd omdat u bent veroordeeld voor een geweldsdelict.\nJ.M. de Groot"),
            format!("{body} Zeer geachte heer, Uw depressie maakt dat u extra kosten heeft. Petra de Vries"),
            format!("{body}\nJij bent sinds vorig jaar verslaafd aan gamen.\nPetra de Vries"),
        ] {
            assert!(!categories(&text).is_empty(), "{text}");
        }
    }

    #[test]
    fn suspects_refused_certificates_and_fingerprints() {
        assert_eq!(categories("De rekeninghouder Smits staat als verdachte geregistreerd."), [Category::Criminal]);
        assert_eq!(categories("Mevrouw overweegt bezwaar tegen de VOG-weigering."), [Category::Criminal]);
        assert_eq!(categories("On 3 March I gave my fingerprints and photo at the IND desk."), [Category::Biometric]);
        // Policy text names nobody; a key's fingerprint is no biometric.
        for text in [
            "De politie kan iemand als verdachte aanmerken.",
            "Iemand die als verdachte gehoord wordt, heeft recht op een advocaat.",
            "Ik heb de fingerprint van het SSH-certificaat van de server gecontroleerd.",
            "Omdat de VOG niet afgegeven kon worden voor de startdatum, is die verschoven. Ik begin later.",
        ] {
            assert!(categories(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn an_enumeration_after_a_group_is_the_groups() {
        assert!(categories("Huisartsen melden dat zij steeds vaker inwoners met een depressie, angststoornis of beginnende psychose zien.").is_empty());
        assert!(categories("Hij helpt mensen met diabetes of beginnende dementie.").is_empty());
        // After the clause, a person's own condition.
        for text in [
            "Hij helpt mensen met diabetes. Zelf heeft hij een angststoornis.",
            "Daan is een van de leerlingen met dyslexie en heeft daarnaast ADHD.",
            "Mevrouw is moeder van twee kinderen met autisme en heeft zelf een angststoornis.",
            "Hij is een van de werknemers met een vast contract en is sinds maart ziek gemeld.",
            "In groep 6 zitten drie kinderen met dyslexie, en Daan heeft bovendien epilepsie.",
            "I volunteer with people with dementia, and I have asthma myself.",
        ] {
            assert_eq!(categories(text), [Category::Health], "{text}");
        }
    }
}
