//! Word lists that more than one rule family reads, the lists the lexicon takes from this
//! detector (`TITLES`, `TUSSENVOEGSELS`, `ORGANISATION_WORDS`), and the sets built once from lists
//! (`TUSSENVOEGSEL_SET`; the endings of streets, roles, organisations and nouns of policy). A list
//! that one rule family alone reads stays beside it (`NOT_INITIALS` in `caps`, `REPORTING_VERBS`
//! in `surname_alone`).

use crate::lexicon::{SuffixSet, WordSet as FastSet};
use std::sync::LazyLock;

/// A word list as a set, built once.
pub(super) struct WordSet(LazyLock<FastSet>);

impl WordSet {
    const fn new(init: fn() -> FastSet) -> Self {
        WordSet(LazyLock::new(init))
    }

    pub(super) fn contains(&self, w: &str) -> bool {
        self.0.contains(w)
    }
}

pub(super) static TUSSENVOEGSEL_SET: WordSet = WordSet::new(|| TUSSENVOEGSELS.iter().copied().collect());

pub(super) static ROLE_ENDINGS: LazyLock<SuffixSet> = LazyLock::new(|| SuffixSet::new(ROLE_SUFFIXES));

pub(super) static ORGANISATION_ENDING_SET: LazyLock<SuffixSet> =
    LazyLock::new(|| SuffixSet::new(ORGANISATION_ENDINGS));

pub(super) static ABSTRACT_ENDINGS: LazyLock<SuffixSet> = LazyLock::new(|| {
    SuffixSet::new(&[
        "heid", "ing", "schap", "zaken", "beheer", "kunde", "ologie", "atie", "itie", "iteit", "isme",
        "ering", "nis", "zorg", "werk", "beleid", "financiën", "onderwijs", "nummer", "toeslag",
        "toeslagen",
    ])
});

pub(super) static STREET_ENDINGS: LazyLock<SuffixSet> = LazyLock::new(|| SuffixSet::new(STREET_SUFFIXES));

/// Given names that are also common English or Dutch words; alone, without a title, they are
/// not read as names.
pub(super) const AMBIGUOUS_GIVEN_NAMES: &[&str] = &[
    "Can", "Will", "May", "June", "April", "Mark", "Bill", "Art", "Guy", "Hope", "Grace", "Faith",
    "Joy", "Dawn", "Eve", "Rose", "Ruby", "Amber", "Jade", "Sky", "Storm", "Roos", "Lot", "Job",
    "Toon", "Kader", "Bob", "Pat", "Sue", "Chance", "Summer", "Winter", "Christian", "Frank",
    "Hans", "Gerrit", "Rik", "Sterre", "Maan", "Zon", "Bloem", "Vos",
    // Nationalities (`our German account`).
    "German", "Dane", "Norman",
];

pub(crate) const TUSSENVOEGSELS: &[&str] = &[
    "van", "de", "der", "den", "het", "'t", "’t", "ten", "ter", "te", "in", "op", "aan", "uit",
    "la", "le", "du", "da", "di", "del", "della", "dos", "das", "do", "von", "vom", "zu", "zum",
    // `Thomas à Kempis`.
    "à",
];

/// Titles, forms of address, roles and salutations: a capitalised word after one of these is
/// a name. Lower case, without the trailing dot.
pub(crate) const TITLES: &[&str] = &[
    "dhr", "mevr", "mw", "mr", "dr", "drs", "ir", "ing", "prof", "mej", "fam", "familie", "heer",
    "mevrouw", "meneer", "juffrouw", "heren", "dames", "mevrouwen", "mevrouw/meneer", "mrs", "ms", "miss", "sir", "madam", "dear",
    "beste", "geachte", "hallo", "hoi", "dag", "lieve", "hey", "hi", "wethouder", "burgemeester",
    "minister", "staatssecretaris", "raadslid", "kamerlid", "gedeputeerde", "griffier",
    "secretaris", "voorzitter", "directeur", "beheerder", "recruiter", "collega", "cliënt", "client", "cliente", "patiënt",
    "patient", "consulent", "casemanager", "medewerker", "medewerkster", "behandelaar",
    "huisarts", "advocaat", "advocate", "notaris", "inspecteur", "rechter", "officier",
    "agent", "verzoeker", "verzoekster", "aanvrager", "aanvraagster", "betrokkene", "bewoner",
    "bewoonster", "huurder", "eigenaar", "zoon", "dochter", "vader", "moeder", "broer", "zus",
    "man", "vrouw", "echtgenoot", "echtgenote", "partner", "opa", "oma", "oom", "tante",
    "buurman", "buurvrouw", "ambtenaar", "dominee", "pastoor", "imam", "rabbijn", "commissaris",
    "minister-president", "premier", "verdachte", "getuige", "melder", "klager", "klaagster",
    "bezwaarmaker", "belanghebbende", "leerling", "student", "stagiair", "sollicitant",
    "werknemer", "werkgever", "contactpersoon", "gemachtigde", "curator", "bewindvoerder",
    "mentor", "voogd", "boa", "klant", "leidinggevende", "teamleider", "handhaver", "user",
    "gebruiker", "beambte", "agente", "wijkagent", "portefeuillehouder", "meester", "juf",
    // `dokter Van Rijswijk`; police ranks in reports (`verbalisant De Graaf`, `brigadier
    // Hoekman`).
    "dokter", "verbalisant", "verbalisante", "brigadier", "hoofdagent",
    // A couple named by its surname (`Echtpaar Jansen-de Wit`). (Not `gezin`: `Gezin Centraal`
    // names a programme; `het gezin Kramer` is read once the text named a Kramer in full.)
    "echtpaar",
    // Heirs and the late (`de erven Pieters`, `wijlen J. Pieters`).
    "erven", "wijlen",
    // Who wrote or filed a report (`Auteur: Wibowo Soetanto`, `Indiener: MAREK WÓJCIK`).
    "auteur", "author", "opsteller", "indiener",
    // Thanks to someone in a chat (`thx Sjoerdje`, `Dankjewel Noor`).
    "thx", "bedankt", "dankjewel", "dankje", "dankuwel",
    // Ministers of religion (`Pastor Kwame Asante`, `ds. Van Leeuwen`).
    "pastor", "pater", "predikant", "ds", "imam", "kapelaan", "diaken", "frater", "pandit",
    // Officers of a club, volunteers, trainers (`penningmeester: Sjabbe Wielsma`, `Vrijwilliger
    // Gwendolyne Wijnerman`).
    "penningmeester",
    // Who reported a crime, in judgments and police reports (`Aangever Yıldız heeft verklaard`),
    // and a city's poet (`Stadsdichter Nguyen Thi Lan`).
    "aangever", "aangeefster", "stadsdichter",
    // Nurses and sisters of a religious order, and a sister (`Zuster Anna komt morgen`).
    "zuster", "broeder",
    // Forms of address in the languages of letters translated for residents (`Szanowna Pani
    // Kowalska`, `Sayın Yılmaz`, `Sehr geehrte Frau Müller`).
    "pani", "pan", "szanowna", "szanowny", "herr", "frau", "monsieur", "madame", "sayın",
];

/// Words that make a chain an organisation, not a person (looked up as [`crate::lexicon::ORG`]).
pub(crate) const ORGANISATION_WORDS: &[&str] = &[
    // Sports teams named after a person (`Johan Cruijff Boys`, `Willem II Amateurs`).
    "boys", "girls", "amateurs", "veteranen",
    "gemeente", "stichting", "ministerie", "provincie", "vereniging", "fonds", "holding", "groep",
    "advocaten", "notarissen", "bureau", "bank", "universiteit", "hogeschool", "ziekenhuis",
    "rechtbank", "raad", "college", "dienst", "belastingdienst", "politie", "partij", "museum",
    "school", "centrum", "instituut", "academie", "coöperatie", "maatschap", "makelaardij",
    "installatietechniek", "transport", "consultancy", "services", "group", "company",
    "foundation", "bv", "nv", "vof", "zn", "zonen", "waterschap", "omgevingsdienst",
    // Legal forms abroad (`Verkehrstechnik Rhein GmbH`, `Dupont SARL`).
    "gmbh", "ltd", "llc", "inc", "sarl", "bvba", "srl", "kft", "backoffice",
    // Meeting tools and committees (`via Microsoft Teams`, `Financiële Commissie`).
    "teams", "zoom", "microsoft", "webex", "commissie", "stadsdeel", "wijkraad", "dorpsraad",
    // A sole trader's trade (`Klusbedrijf Bas de Ridder`).
    "klusbedrijf", "klusbedrijven", "schildersbedrijf", "hoveniersbedrijf", "installatiebedrijf", "aannemersbedrijf",
    "veiligheidsregio", "ggd", "uwv", "svb", "duo", "rdw", "kliniek", "apotheek", "praktijk",
    "huisartsenpraktijk", "woningcorporatie", "woonstichting", "schoonmaak", "techniek", "toko", "loket",
    "servicedesk", "helpdesk", "klantcontactcentrum",
    "administratie", "accountants", "adviseurs", "advies", "thuiszorg", "kinderopvang",
    // A sole trader's firm: `R. Dijkstra (Dijkstra Bewind)`, `Vastgoed Hendriks`. (Not `bouw`:
    // `Mevrouw Bouw` is a surname.)
    "bewind", "vastgoed",
    // Prizes and grants, a playground, a studio, a grill (`Hendrik Wester Prijs`, `Ada Lovelace
    // Award`, `Aletta Jacobs Speeltuin`, `Mulder Fotografie`, `Öztürk Grill`).
    "prijs", "award", "beurs", "speeltuin", "fotografie", "grill",
    // Trophies and tournaments, a firm's trade (`Jan Wiersma Trofee`, `Cees Verhoeven Toernooi`,
    // `Hylkema Zonnepanelen`, `Hoogenkamp Logistiek`).
    "trofee", "toernooi", "bokaal", "memorial", "zonnepanelen", "logistiek",
    // Trades, choirs and bands, medals, a builders' combination, a room or wing of a building
    // (`Mulder Catering`, `Rederij Kooij`, `Fotostudio Feenstra`, `Vrouwenkoor Cantabile`,
    // `Hendrika Kuipers Erepenning`, `Combinatie Heijmans`, `Zaal Aletta Jacobs`, `Vleugel Jacoba
    // van Beieren`, `Vestiging Stein`).
    "catering", "reizen", "rederij", "fotostudio", "autoschade", "erepenning", "penning", "combinatie",
    "koor", "brassband", "zaal", "vleugel", "vestiging",
    // An event's day, a league (`Welcome Day`, `Dames Hoofdklasse`).
    "day", "hoofdklasse", "overgangsklasse", "eredivisie",
    "ensemble", "orkest", "koor", "residence", "centre", "center", "advocatuur",
    "zorggroep", "restaurant", "café", "supermarkt", "autobedrijf", "bakkerij", "slagerij",
    "tweewielers", "sportclub", "voetbalvereniging", "arena", "stadion", "luchthaven", "airport",
    // Portfolios and departments: the word after `wethouder`, `directeur`, `Minister van`.
    "zaken", "binnenlandse", "buitenlandse", "koninkrijksrelaties", "justitie", "veiligheid",
    "financiën", "onderwijs", "cultuur", "wetenschap", "volksgezondheid", "welzijn", "sport",
    "defensie", "economische", "klimaat", "infrastructuur", "waterstaat", "landbouw", "natuur",
    "sociale", "sociaal", "domein", "meldpunt", "loket", "werkgelegenheid", "asiel", "migratie", "ruimtelijke", "ordening", "mobiliteit",
    "wijkbeheer", "informatiehuishouding", "openbaarheid", "burgerzaken", "publiekszaken",
    "dienstverlening", "handhaving", "toezicht", "vergunningen", "inkomen", "participatie",
    "jeugd", "economie", "personeel", "organisatie", "communicatie", "afdeling", "team",
    "gezondheid", "publieke", "ruimte", "bedrijfsvoering", "duurzaamheid", "volkshuisvesting", "stedelijke",
    "directie", "sector", "cluster", "bestuur", "wijkteam", "klantcontact", "front", "office",
    "binnenstad", "centrum", "noord", "oost", "zuid", "west", "huisartsenpraktijk",
    // `Gedeputeerde Staten`, `Provinciale Staten`, `Staten-Generaal`.
    "staten", "staten-generaal",
    // Departments and portfolios named by an activity, after a job title in signatures and
    // logs (`beleidsadviseur Wonen`, `medewerker Parkeren`, `Directeur Uitkeringen`,
    // `wethouder Schuldhulp`): none is a listed name.
    "wonen", "parkeren", "uitkeringen", "schuldhulp", "schuldhulpverlening", "subsidies",
    "belastingen", "leerplicht", "inburgering", "evenementen", "vergunningverlening", "wmo",
    "jeugdzorg", "energie", "verkeer", "vervoer", "milieu", "erfgoed", "toerisme", "armoede",
    "bedrijven", "ondernemers", "werkgevers", "openbare",
    // Desks that sign mail (`Met vriendelijke groet,\nKlantenservice Eneco`).
    "klantenservice", "servicedesk", "helpdesk", "secretariaat", "receptie",
    // `Veilig Thuis`, the advice and reporting centre for domestic violence, after a role
    // (`casemanager Veilig Thuis`).
    "veilig",
    // `Arbo Unie`, `directeur Digitale Samenleving`, a local party `Lijst Ter Steege`.
    "unie", "samenleving", "lijst",
];

const STREET_SUFFIXES: &[&str] = &[
    "straat", "laan", "weg", "plein", "gracht", "kade", "singel", "dreef", "steeg",
    "markt", "burgwal", "plantsoen", "boulevard", "allee", "park", "baan",
];

/// Form fields whose value is a person's name (the word before the colon, lower case).
pub(super) const PERSON_FIELD_LABELS: &[&str] = &[
    "naam", "namen", "voornaam", "voornamen", "achternaam", "achternamen", "roepnaam", "geboortenaam",
    "meisjesnaam", "voorletters", "handtekening", "ondertekend", "contactpersoon", "behandelaar", "aanvrager",
    "cliënt", "client", "jeugdige", "moeder", "vader", "ouder", "partner", "betrokkene", "melder", "verzoeker",
    "bezwaarmaker", "klant", "patiënt", "patient", "bewoner", "huurder", "eigenaar", "bestuurder", "medewerker",
    // Who wrote or handles a report or a ticket (`Auteur: Wibowo Soetanto`).
    "auteur", "author", "opsteller", "indiener",
];

/// Prepositions after which a capitalised word is a place: `uit Kampen`, `in Weert`.
pub(super) const PLACE_PREPOSITIONS: &[&str] = &["uit", "in", "naar", "te", "nabij", "vanuit", "richting", "tot", "via", "rond"];

/// Listed surnames that, written alone, are mostly something else: brands, languages, rivers,
/// points of the compass.
pub(super) const NOT_A_PERSON_ALONE: &[&str] = &[
    // Brands.
    "Philips", "Verkade", "Ford", "Renault", "Ferrari", "Suzuki", "Skoda", "Douglas",
    // Countries and cities (`from Poland`).
    "Poland", "Spain", "London", "Paris", "Gent",
    // Languages (programming languages too), peoples and faiths (`is Roma`, `is Christen`),
    // rivers, points of the compass, feasts, parties.
    // Builders and shops (`onderhoud door Heijmans`, `sponsors Hoogvliet, Gamma`).
    "Heijmans", "Hoogvliet", "Gamma",
    "Engels", "English", "French", "Rust", "Swift", "Jenkins", "Rus", "Moor", "Roma", "Christen", "Maas", "Rijn",
    "West", "Ramadan", "Groen",
    // English words of the calendar (`King's Day`, `Boxing Day`).
    "Day", "Week", "Christmas", "Easter",
    // Diseases named after a person (`heeft Pfeiffer`; `de ziekte van Parkinson` also by the
    // words before).
    "Parkinson", "Pfeiffer", "Sjögren", "Graves", "Hashimoto", "Raynaud", "Wilms", "Scheuermann",
];

/// Titles written abbreviated with a dot.
pub(super) const ABBREVIATED_TITLES: &[&str] = &[
    "dhr", "mevr", "mw", "mr", "dr", "drs", "ir", "ing", "prof", "mej", "fam", "ds", "mrs", "ms",
];

/// Role words that also end compounds (`Wijkteammedewerker`, `Woo-coördinator`, `commissiegriffier`).
const ROLE_SUFFIXES: &[&str] = &[
    "griffier", "secretaris", "voorzitter", "medewerker", "medewerkster", "adviseur", "wethouder",
    "consulent", "directeur", "manager", "coördinator", "coordinator", "ambtenaar", "behandelaar",
    "begeleider", "contactpersoon", "notulist", "verpleegkundige", "therapeut", "arts",
    "jurist", "inspecteur", "regisseur", "functionaris", "officier", "rechercheur", "leider",
    "leidinggevende", "houder", "handhaver", "afdelingshoofd", "psycholoog", "psychiater", "pedagoog",
    "penningmeester", "vrijwilliger", "vrijwilligster", "trainer", "trainster", "coach",
];

/// Endings of compound words naming buildings, places and organisations (`Montessorischool`,
/// `Dreeshuis`, `Frisobrug`, `Klussenbedrijf`); a known surname with such an ending
/// (`Nijhuis`) stays a surname.
const ORGANISATION_ENDINGS: &[&str] = &[
    "school", "ziekenhuis", "gemeentehuis", "stadhuis", "buurthuis", "wijkhuis", "clubhuis",
    "verpleeghuis", "dorpshuis", "jongerenhuis", "kantoor", "salon", "handel", "diensten",
    "installaties", "brug", "rotonde", "plein", "centrum", "museum",
    "theater", "college", "instituut", "academie", "gymnasium", "lyceum", "kliniek", "bedrijf",
    "centrale",
    "bureau", "fonds", "groep", "winkel", "hal", "zaal", "gebouw", "station", "haven", "regeling",
    "dienst", "raad", "stichting", "vereniging", "partners", "advocaten", "straat", "laan", "weg",
    "gracht", "kade", "singel", "markt", "park", "tunnel", "polder", "prijs", "service", "loket",
    "desk", "advies", "advocatuur",
    // `teamleider Huurincasso`, `Van der Meulen & Smit Gerechtsdeurwaarders`.
    "incasso", "deurwaarders",
    // `Projectleider Datacenter`, `Dijkstra Bewindvoering`, `Beleidsnota Gezondheid`.
    "center", "bewindvoering", "gezondheid", "nota", "programma",
    // `IJsclub Nooitgedacht`, `Rotaryclub Vlietmonde`.
    "club",
    // `Sinterklaasfeest`, `Zomertoernooi`, `Wisseltrofee`, `Vrouwenkoor`, `Brassband`,
    // `Erepenning`, `Fotostudio`.
    "feest", "toernooi", "trofee", "koor", "brassband", "penning", "studio",
];
