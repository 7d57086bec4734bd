#!/usr/bin/env python3
"""Generate a synthetic Dutch public-sector corpus with PII ground truth.

Writes JSON Lines, one document per line:

    {"id": str, "text": str, "template": str,
     "spans": [{"type", "start", "end", "text"}], "categories": [...]}

Offsets are Python ``str`` indexes (Unicode scalar values), ``end`` exclusive, following
``docs/pii-annotation.md``.  ``template`` names the document template (for per-template
error analysis; the scorers ignore it).  With ``--text-only`` only ``id`` and ``text`` are
written: that is the input handed to the systems under test, so none of them can see gold.

Design notes
* Standard library only, deterministic for a given ``--seed``.
* Names are NOT taken from faker (Waarborg's gazetteer is built from faker's locale data, so
  using it here would make the benchmark circular).  The lists below are written by hand, and
  roughly a third of all surnames are *invented* Dutch-looking names assembled from parts
  ("Kromhoutsma", "Verbeekhuis") so that recall on names outside any gazetteer is measured.
* Every checksummed value is valid (BSN 11-proef, IBAN mod-97, card Luhn + real brand prefix);
  the hard negatives are built to *fail* those checks (or are deliberately out of scope:
  RSIN numbers of companies, Kamerstuk numbers, amounts, 0800/0900 numbers, ...).
* About 20% of documents are policy text without any personal data; some of them discuss
  health, religion, crime or trade unions in the abstract and carry no category.

Usage:
    gen_corpus.py --seed 1 --docs 500 --out gold.jsonl
    gen_corpus.py --seed 2 --mb 2 --text-only --out speed.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import unicodedata

# ---------------------------------------------------------------------------------------------
# Validators (also used by the self-check at the end of every document)
# ---------------------------------------------------------------------------------------------


def digits_of(s: str) -> str:
    return "".join(ch for ch in s if ch.isdigit())


def elfproef(number: str) -> bool:
    d = digits_of(number)
    if len(d) != 9:
        return False
    total = sum(int(x) * w for x, w in zip(d[:8], range(9, 1, -1))) - int(d[8])
    return total % 11 == 0


def iban_ok(s: str) -> bool:
    s = s.replace(" ", "").upper()
    if len(s) < 15:
        return False
    r = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in r)) % 97 == 1


def luhn_ok(s: str) -> bool:
    d = [int(c) for c in digits_of(s)]
    total = 0
    for i, x in enumerate(reversed(d)):
        if i % 2 == 1:
            x *= 2
            if x > 9:
                x -= 9
        total += x
    return total % 10 == 0


# ---------------------------------------------------------------------------------------------
# Hand-written name lists (various origins).  Not from faker, see module doc.
# ---------------------------------------------------------------------------------------------

FIRST = {
    "nl": {
        "m": "Jan Pieter Kees Henk Gerrit Willem Johannes Hendrik Cornelis Dirk Bram Daan Sem Lucas "
        "Thijs Ruben Jeroen Bas Sander Martijn Erik Frank Rob Wouter Joost Teun Stijn Niels Maarten "
        "Koen Gijs Tom Jesse Luuk Floris Hans Peter Ad Wim Arie Jaap Klaas Sjoerd Tjeerd Freek Mees "
        "Finn Gert-Jan Jan-Willem Rutger Hidde Wessel Olivier Joris Menno Evert Harm".split(),
        "f": "Anna Maria Johanna Cornelia Els Ingrid Marieke Sanne Lotte Fleur Emma Julia Sophie Anouk "
        "Lisa Eva Femke Iris Marloes Annemiek Karin Petra Monique Wilma Greet Truus Hanneke Esther "
        "Saskia Noor Tess Roos Linda Ilse Mirjam Sietske Baukje Geertje Jolien Yvonne Astrid "
        "Anne-Marie Willemijn Maartje Janneke Froukje Aaltje Dieuwke Liesbeth".split(),
    },
    "tr": {
        "m": "Mehmet Mustafa Ahmet Hüseyin Emre Burak Hakan Murat Kemal Serkan Osman Yusuf Ömer "
        "Erdal Cengiz Volkan Tolga Barış".split(),
        "f": "Ayşe Fatma Emine Zeynep Elif Merve Esra Büşra Özlem Gül Hatice Sibel Derya Songül "
        "Gülşen Nurcan Dilek".split(),
    },
    "ma": {
        "m": "Mohamed Mohammed Youssef Nordin Hamza Soufiane Bilal Zakaria Karim Mustapha Redouan "
        "Abdelkader Said Rachid Ilias Anouar Driss Ayoub".split(),
        "f": "Fatima Khadija Samira Naima Imane Yasmina Latifa Najat Salma Hafsa Loubna Siham "
        "Malika Houda Nadia Zineb Ikram".split(),
    },
    "sr": {
        "m": "Rakesh Sunil Ravi Dinesh Errol Glenn Marlon Romeo Ricardo Sergio Anand Radjesh "
        "Soerin Winston Clyde Sudesh".split(),
        "f": "Shanti Anjali Nandini Sharon Gisela Marcia Romana Saskia Sandhya Reshma Chandra "
        "Jennifer Ingrid Kavita Sita".split(),
    },
    "in": {
        "m": "Rahul Aarav Vikram Arjun Karthik Rohit Sanjay Aditya Rajesh Suresh Vivek Anil "
        "Pradeep Venkat".split(),
        "f": "Priya Ananya Deepika Sneha Lakshmi Pooja Kavya Divya Meera Shreya Aishwarya "
        "Neha Swati Radhika".split(),
    },
    "pl": {
        "m": "Piotr Krzysztof Tomasz Łukasz Paweł Marcin Michał Jakub Grzegorz Wojciech Kamil "
        "Mateusz Dariusz Zbigniew".split(),
        "f": "Agnieszka Małgorzata Katarzyna Joanna Magdalena Ewa Anna Dorota Barbara Beata "
        "Aleksandra Monika Justyna Jadwiga".split(),
    },
    "other": {
        "m": "Ahmad Omar Yonas Tesfaye Dawit Oleksandr Andriy Dmytro Bogdan Ali Hassan Faisal "
        "Nguyen Thanh Kwame Kofi".split(),
        "f": "Olena Iryna Oksana Tetiana Amina Rahel Selam Layla Nour Rania Mai Lan Abena "
        "Maryam".split(),
    },
}

# Real Dutch surnames as (tussenvoegsel, core).
SUR_NL = [
    ("de", "Vries"), ("de", "Jong"), ("van", "Dijk"), ("van den", "Berg"), ("van der", "Meer"),
    ("de", "Boer"), ("van", "Leeuwen"), ("de", "Groot"), ("van der", "Linden"), ("van", "Beek"),
    ("de", "Graaf"), ("van der", "Heijden"), ("van", "Vliet"), ("de", "Wit"), ("van den", "Broek"),
    ("de", "Haan"), ("van der", "Veen"), ("van", "Wijk"), ("ter", "Horst"), ("van 't", "Hof"),
    ("in 't", "Veld"), ("op den", "Kamp"), ("van", "Huffelen"), ("de", "Bruijn"), ("van", "Rijn"),
    ("", "Jansen"), ("", "Bakker"), ("", "Visser"), ("", "Smit"), ("", "Meijer"), ("", "Mulder"),
    ("", "Bos"), ("", "Vos"), ("", "Peters"), ("", "Hendriks"), ("", "Dekker"), ("", "Dijkstra"),
    ("", "Smits"), ("", "Brouwer"), ("", "Willems"), ("", "Hoekstra"), ("", "Janssen"),
    ("", "Kok"), ("", "Verhoeven"), ("", "Koster"), ("", "Prins"), ("", "Huisman"),
    ("", "Postma"), ("", "Kuipers"), ("", "Veenstra"), ("", "Kramer"), ("", "Schouten"),
    ("", "Vermeulen"), ("", "Hermans"), ("", "Jacobs"), ("", "Maas"), ("", "Timmermans"),
    ("", "Willemsen"), ("", "Wouters"), ("", "Verbeek"), ("", "Schipper"), ("", "Molenaar"),
    ("", "Boersma"), ("", "Sijbrandij"), ("", "Zwart"), ("", "Groen"), ("", "Blom"),
    ("", "Gerritsen"), ("", "Kuijpers"), ("", "Evers"), ("", "Bosman"), ("", "Koning"),
    ("", "Wolters"), ("", "Haverkamp"), ("", "Sterk"), ("", "Bijl"), ("", "Kroes"),
    ("", "Oosterhuis"), ("", "Zijlstra"), ("", "Wijnands"),
]
SUR = {
    "tr": "Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç "
    "Aslan Çetin Kara Koç Kurt Özkan Şimşek Polat Korkmaz Erdoğan Güler Aksoy Yilmaz Sahin "
    "Ozturk Celik Dogan".split(),
    "ma": ["El Amrani", "Bouzid", "Benali", "El Idrissi", "Ait Taleb", "Azzouzi", "El Khatib",
           "Ouali", "Boukhari", "Chaoui", "El Hamdaoui", "Ziani", "Amrani", "Bakkali",
           "El Ouardi", "Tahiri", "Belhaj", "Abdellaoui", "Aarab", "Ben Hammou", "Akachar",
           "El Bouchtaoui", "Ouaali", "Haddouchi"],
    "sr": ["Ramdin", "Jagroep", "Sewdien", "Ramsaran", "Mahabier", "Bhagwandin", "Soekhai",
           "Ramlakhan", "Pinas", "Doelwijt", "Lieveld", "Vriesde", "Kasanwirjo", "Kromodimedjo",
           "Karijopawiro", "Tjon-A-Fong", "Sitaldin", "Autar", "Ganga", "Biharie", "Zaandam",
           "Wongsodikromo"],
    "in": "Sharma Patel Gupta Reddy Iyer Nair Singh Kumar Rao Mehta Joshi Desai Chatterjee "
    "Banerjee Pillai Menon Kapoor Agarwal Krishnan Subramanian".split(),
    "pl": "Kowalski Nowak Wiśniewski Wójcik Kamiński Lewandowski Zieliński Szymański Woźniak "
    "Dąbrowski Kozłowski Jankowski Mazur Kwiatkowski Krawczyk Piotrowski Grabowski Pawłowski "
    "Michalski Król".split(),
    "other": ["Al-Hassan", "Haddad", "Tesfaye", "Gebremedhin", "Kovalenko", "Shevchenko",
              "Bondarenko", "Nguyen", "Tran", "Mensah", "Owusu", "Khalil", "Mohammadi",
              "Ahmadi", "Hosseini", "Abdi", "Warsame"],
}

# Parts for invented Dutch-looking surnames (root + root + suffix).
INV_A = ("Krom Ver Zand Wil Bruin Hol Mol Ooster Wester Noord Kalf Rog Gans Haver Stroo Riet Eek "
         "Linde Esch Wolf Hooi Schaap Kraai Duin Klei Veen Lang Kort Breed Ruig Vlier Berk Iep "
         "Hazel Teeu Tjal Sjol Wiek Stolp Ploeg Egge Vlas Rogge Haak Kwak Mees Spreeuw Ekster").split()
INV_B = ("hout beek brug werf kamp dijk veld horst hoek molen dam steen gaard broek stede hof laar "
         "weide wier poel zijl kolk sloot wouw rade akker meent heuvel wal").split()
INV_S = ["sma", "huis", "ink", "stra", "ema", "enga", "inga", "man", "mans", "ens", "er", "ing",
         "elink", "ers", "je", "ma", "s", "", "", "", "", "sen", "e"]
INV_TV = ["van", "de", "ter", "van der", "van de", "ten", "te"]

REAL_SURNAMES = {c for _, c in SUR_NL} | {s for v in SUR.values() for s in v}

TITLES_M = ["dhr.", "Dhr.", "de heer", "De heer", "meneer", "heer"]
TITLES_F = ["mevr.", "Mevr.", "mevrouw", "Mevrouw", "mw.", "Mw."]
ROLES = ["wethouder", "burgemeester", "consulent", "casemanager", "raadslid", "beleidsmedewerker",
         "teamleider", "griffier", "gemeentesecretaris", "wijkagent", "boa", "jurist",
         "projectleider", "huisarts", "mr.", "dr.", "ir.", "drs.", "prof. dr.", "ing."]

CITIES = ["Amsterdam", "Rotterdam", "Den Haag", "'s-Gravenhage", "Utrecht", "Eindhoven",
          "Groningen", "Tilburg", "Almere", "Breda", "Nijmegen", "Apeldoorn", "Haarlem", "Arnhem",
          "Enschede", "Amersfoort", "Zaandam", "'s-Hertogenbosch", "Zwolle", "Leiden", "Maastricht",
          "Dordrecht", "Zoetermeer", "Deventer", "Delft", "Alkmaar", "Heerlen", "Venlo",
          "Leeuwarden", "Hilversum", "Hengelo", "Emmen", "Ede", "Naaldwijk", "Sneek",
          "Capelle aan den IJssel", "Bergen op Zoom", "Roosendaal", "Goes", "Assen", "Lelystad",
          "Purmerend", "Nieuwegein", "Veenendaal", "Schiedam", "Vlaardingen", "Gouda", "Born"]
MUNIS = ["Utrecht", "Amsterdam", "Rotterdam", "Den Haag", "Eindhoven", "Groningen", "Tilburg",
         "Almere", "Breda", "Nijmegen", "Zwolle", "Leiden", "Haarlem", "Arnhem", "Enschede",
         "Amersfoort", "Deventer", "Delft", "Alkmaar", "Leeuwarden", "Súdwest-Fryslân", "Westland",
         "Ede", "Apeldoorn", "Dordrecht", "Gouda", "Lelystad", "Assen"]

STREETS = ["Kerkstraat", "Dorpsstraat", "Hoofdstraat", "Molenweg", "Stationsweg", "Oudegracht",
           "Schoolstraat", "Julianastraat", "Beatrixlaan", "Wilhelminastraat", "Nieuwstraat",
           "Marktplein", "Lindenlaan", "Eikenlaan", "Parallelweg", "Industrieweg", "Zuiderdiep",
           "Laan van Nieuw Oost-Indië", "Amsterdamsestraatweg", "Biltstraat", "Twijnstraat",
           "Koningin Julianaweg", "Prinses Margrietstraat", "Rijksstraatweg", "Burgemeester Reigerstraat",
           "Eerste Helmersstraat", "2e Constantijn Huygensstraat", "Van Heenvlietlaan", "Kanaalweg",
           "Vredenburg", "Hogeweg", "Lange Nieuwstraat", "Zeedijk", "Weteringschans", "Bloemgracht",
           "Turfmarkt", "Coolsingel", "Stadhuisplein", "Mient", "Dr. Schaepmanstraat",
           "Hoefijzerlaan", "Akkerwinde", "Klaproosstraat", "Boterbloemweg", "Ouden Dijk"]
# Streets named after people: never a PERSON; ADDRESS only when a number follows.
PERSON_STREETS = ["Johan de Wittlaan", "Burgemeester de Withstraat", "Willem Dreesstraat",
                  "Jan van Galenstraat", "Anne Frankplein", "Thorbeckelaan", "Pieter Calandlaan",
                  "Van Speijkstraat", "Karel Doormanstraat", "Ds. Kuypersstraat", "Jan Pietersz. Coenstraat",
                  "Michiel de Ruyterweg", "Aletta Jacobslaan", "Anton de Komplein", "Kees Boekestraat",
                  "Hugo de Grootstraat", "Multatulilaan", "Marie Curieweg"]

ORGS = ["Gemeente Utrecht", "Gemeente Rotterdam", "Jansen Bouw B.V.", "Bakkerij Van der Linden",
        "Stichting Wijkteams Zuid", "Woningcorporatie Mitros", "de Belastingdienst", "het UWV",
        "de SVB", "het CAK", "de GGD", "Veilig Thuis", "De Bakker Installatietechniek B.V.",
        "Visser & Zn.", "Smit Transport B.V.", "Autobedrijf De Groot", "Mulder Advocaten",
        "Stichting Leergeld", "Humanitas", "het Leger des Heils", "Vluchtelingenwerk", "de Voedselbank",
        "Kromhout Schilderwerken V.O.F.", "Dijkstra Accountants", "Zorggroep Noorderboog",
        "Huisartsenpraktijk De Linde", "het Wmo-loket", "het Juridisch Loket"]
BANK_NL = ["ABNA", "INGB", "RABO", "SNSB", "ASNB", "TRIO", "BUNQ", "KNAB", "RBRB", "FVLB"]

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]
MONTHS_ABBR = ["jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.",
               "nov.", "dec."]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]

AREA_CODES = ["010", "013", "015", "020", "023", "024", "026", "030", "033", "035", "036", "038",
              "040", "043", "045", "046", "050", "053", "055", "058", "070", "071", "072", "073",
              "074", "075", "076", "077", "078", "079", "0118", "0162", "0172", "0180", "0222",
              "0229", "0251", "0294", "0299", "0313", "0318", "0320", "0341", "0343", "0348",
              "0413", "0475", "0485", "0492", "0499", "0511", "0513", "0522", "0527", "0546",
              "0548", "0570", "0575", "0591", "0594", "0597"]

PLATE_LETTERS = "BDFGHJKLNPRSTVXZ"


class Person:
    """A fictional natural person and ways to write their name."""

    def __init__(self, rng: random.Random, origin: str | None = None, gender: str | None = None):
        self.rng = rng
        self.origin = origin or rng.choices(
            ["nl", "tr", "ma", "sr", "in", "pl", "other"], [52, 10, 12, 8, 6, 6, 6])[0]
        self.gender = gender or rng.choice("mf")
        og = self.origin
        self.first = rng.choice(FIRST[og][self.gender])
        self.second = rng.choice(FIRST[og][self.gender]) if rng.random() < 0.35 else None
        self.tv = ""
        self.invented = False
        if og == "nl" or (og == "sr" and rng.random() < 0.25):
            if rng.random() < 0.62:
                self.invented = True
                self.sur = invented_surname(rng)
                if rng.random() < 0.25:
                    self.tv = rng.choice(INV_TV)
            else:
                self.tv, self.sur = rng.choice(SUR_NL)
        else:
            self.sur = rng.choice(SUR[og])
            if og == "pl" and self.gender == "f":
                self.sur = re.sub(r"(sk|ck|dzk)i$", r"\1a", self.sur)
        # Initials are fixed per person (the same person is written the same way throughout).
        ini = self.first[0] + "."
        if "-" in self.first:
            ini = ".".join(part[0] for part in self.first.split("-")) + "."
        if self.second:
            ini += self.second[0] + "."
        if rng.random() < 0.15:
            ini += rng.choice("ACHJMPW") + "."
        self._initials = ini
        self._spaced = rng.random() < 0.12
        self.child = False
        # Married women sometimes carry a double name: Bakker-de Groot.
        self.partner = None
        if self.gender == "f" and og == "nl" and rng.random() < 0.15:
            tv, core = rng.choice(SUR_NL)
            self.partner = (tv, core)

    # --- renderings -------------------------------------------------------------------------
    def initials(self) -> str:
        ini = self._initials
        if self._spaced:
            ini = " ".join(ini[i:i + 2] for i in range(0, len(ini), 2))
        return ini

    def surname(self, capital_tv: bool = False) -> str:
        tv = self.tv
        if tv and capital_tv:
            tv = tv[0].upper() + tv[1:]
        s = f"{tv} {self.sur}" if tv else self.sur
        if self.partner:
            ptv, pcore = self.partner
            s = f"{ptv} {pcore}-{s}" if ptv else f"{pcore}-{s}"
            if capital_tv and ptv:
                s = s[0].upper() + s[1:]
        return s

    def full(self) -> str:
        return f"{self.first} {self.surname()}"

    def with_initials(self) -> str:
        return f"{self.initials()} {self.surname()}"

    def reversed(self) -> str:
        if self.partner:
            return f"{self.surname(capital_tv=True)}, {self.initials()}"
        if self.tv:
            if self.rng.random() < 0.6:
                first = self.initials() if self.rng.random() < 0.6 else self.first
                return f"{self.sur}, {first} {self.tv}"
            return f"{self.surname(capital_tv=True)}, {self.initials()}"
        first = self.initials() if self.rng.random() < 0.6 else self.first
        return f"{self.sur}, {first}"

    def title(self) -> str:
        return self.rng.choice(TITLES_M if self.gender == "m" else TITLES_F)

    def any_form(self) -> list:
        """A name as it appears in running text, title outside the span."""
        r = self.rng.random()
        if self.child:
            return [("PERSON", self.first if r < 0.6 else self.full())]
        if r < 0.30:
            return [("PERSON", self.full())]
        if r < 0.55:
            return [self.title() + " ", ("PERSON", self.with_initials())]
        if r < 0.75:
            return [self.title() + " ", ("PERSON", self.surname(capital_tv=True))]
        if r < 0.85:
            return [("PERSON", self.with_initials())]
        if r < 0.92:
            return [self.title() + " ", ("PERSON", self.full())]
        return [("PERSON", self.reversed())]

    def email(self) -> str:
        rng = self.rng
        first = ascii_fold(self.first).lower().replace(" ", "")
        sur = ascii_fold(self.sur).lower().replace(" ", "").replace("'", "")
        tv = self.tv.replace(" ", "").replace("'", "").lower()
        local = rng.choice([
            f"{first}.{tv}{sur}", f"{first[0]}.{tv}{sur}", f"{first}{sur}{rng.randint(1, 99)}",
            f"{first}_{sur}", f"{first[0]}{sur}", f"{sur}.{first}", f"{first}{rng.randint(1960, 2005)}",
        ])
        dom = rng.choice(["gmail.com", "hotmail.com", "hotmail.nl", "outlook.com", "live.nl",
                          "ziggo.nl", "kpnmail.nl", "planet.nl", "xs4all.nl", "icloud.com",
                          "yahoo.com", "home.nl", "proton.me"])
        return f"{local}@{dom}"


_FOLD = str.maketrans({"ı": "i", "İ": "I", "ł": "l", "Ł": "L"})


def ascii_fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.translate(_FOLD))
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def invented_surname(rng: random.Random) -> str:
    while True:
        a = rng.choice(INV_A)
        b = rng.choice(INV_B)
        s = rng.choice(INV_S)
        name = a + b + s if rng.random() < 0.8 else a + s if s else a + b
        if name not in REAL_SURNAMES and len(name) >= 5 and not name.lower().endswith(("ee", "ss")):
            return name


# ---------------------------------------------------------------------------------------------
# Value generators.  Positives return ("TYPE", text); hard negatives return plain str.
# ---------------------------------------------------------------------------------------------


class Gen:
    def __init__(self, rng: random.Random):
        self.r = rng

    def person(self, **kw) -> Person:
        return Person(self.r, **kw)

    # --- BSN ------------------------------------------------------------------------------
    def bsn_digits(self) -> str:
        r = self.r
        while True:
            d = [r.randint(1, 6)] + [r.randint(0, 9) for _ in range(7)]
            last = sum(x * w for x, w in zip(d, range(9, 1, -1))) % 11
            if last <= 9:
                return "".join(map(str, d + [last]))

    def bsn(self):
        d = self.bsn_digits()
        f = self.r.choices([0, 1, 2], [55, 25, 20])[0]
        if f == 1:
            return ("BSN", f"{d[:4]}.{d[4:6]}.{d[6:]}")
        if f == 2:
            return ("BSN", f"{d[:3]} {d[3:6]} {d[6:]}")
        return ("BSN", d)

    def nine_digits_invalid(self) -> str:
        while True:
            d = str(self.r.randint(100000000, 999999999))
            if not elfproef(d):
                return d

    def rsin(self) -> str:
        """RSIN of a legal entity: 11-proef valid, yet not a BSN (hard negative)."""
        d = self.bsn_digits()
        return d if self.r.random() < 0.6 else f"{d[:4]}.{d[4:6]}.{d[6:]}"

    # --- IBAN -----------------------------------------------------------------------------
    def _bban(self, cc: str) -> str:
        r = self.r
        dg = lambda n: "".join(str(r.randint(0, 9)) for _ in range(n))  # noqa: E731
        al = lambda n: "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") for _ in range(n))  # noqa: E731
        if cc == "NL":
            return r.choice(BANK_NL) + dg(10)
        if cc == "BE":
            n = int(dg(10))
            chk = n % 97 or 97
            return f"{n:010d}{chk:02d}"
        if cc == "DE":
            return dg(18)
        if cc == "FR":
            return dg(23)
        if cc == "ES":
            return dg(20)
        if cc == "IT":
            return r.choice("ABCDEFGHIJKLMNPRSTUVWXYZ") + dg(10) + al(12)
        if cc == "LU":
            return dg(3) + al(13)
        if cc == "AT":
            return dg(16)
        if cc == "PL":
            return dg(24)
        if cc == "PT":
            return dg(21)
        if cc == "IE":
            return r.choice(["AIBK", "BOFI", "IPBS"]) + dg(14)
        raise ValueError(cc)

    def iban_value(self, cc: str | None = None) -> str:
        cc = cc or self.r.choices(["NL", "BE", "DE", "FR", "ES", "IT", "LU", "AT", "PL", "PT", "IE"],
                                  [70, 7, 6, 3, 3, 2, 2, 2, 3, 1, 1])[0]
        bban = self._bban(cc)
        num = "".join(str(int(c, 36)) for c in bban + cc + "00")
        chk = 98 - int(num) % 97
        return f"{cc}{chk:02d}{bban}"

    def iban(self, cc: str | None = None):
        v = self.iban_value(cc)
        if self.r.random() < 0.55:
            v = " ".join(v[i:i + 4] for i in range(0, len(v), 4))
        return ("IBAN", v)

    def iban_invalid(self) -> str:
        v = self.iban_value("NL")
        while True:
            bad = v[:2] + f"{self.r.randint(2, 99):02d}" + v[4:]
            if not iban_ok(bad):
                return " ".join(bad[i:i + 4] for i in range(0, len(bad), 4)) if self.r.random() < 0.5 else bad

    # --- payment cards -------------------------------------------------------------------
    def card(self):
        r = self.r
        brand = r.choices(["visa", "mc", "mc2", "amex", "maestro", "discover", "jcb", "diners"],
                          [35, 22, 10, 10, 8, 5, 5, 5])[0]
        if brand == "visa":
            prefix, n = "4", 16
        elif brand == "mc":
            prefix, n = str(r.randint(51, 55)), 16
        elif brand == "mc2":
            prefix, n = str(r.randint(2221, 2720)), 16
        elif brand == "amex":
            prefix, n = r.choice(["34", "37"]), 15
        elif brand == "maestro":
            prefix, n = r.choice(["6759", "5018", "5020", "5038", "6304", "6761"]), 16
        elif brand == "discover":
            prefix, n = r.choice(["6011", "65"]), 16
        elif brand == "jcb":
            prefix, n = str(r.randint(3528, 3589)), 16
        else:
            prefix, n = "36", 14
        body = prefix + "".join(str(r.randint(0, 9)) for _ in range(n - len(prefix) - 1))
        for c in "0123456789":
            if luhn_ok(body + c):
                num = body + c
                break
        sep = r.choices([" ", "-", ""], [60, 15, 25])[0]
        if n == 15:
            groups = [num[:4], num[4:10], num[10:]]
        elif n == 14:
            groups = [num[:4], num[4:10], num[10:]]
        else:
            groups = [num[i:i + 4] for i in range(0, n, 4)]
        return ("PAYMENT_CARD", sep.join(groups)), brand

    def sixteen_invalid(self) -> str:
        """A 16-digit betalingskenmerk / transaction number that fails Luhn."""
        while True:
            d = "".join(str(self.r.randint(0, 9)) for _ in range(16))
            if not luhn_ok(d):
                return " ".join(d[i:i + 4] for i in range(0, 16, 4)) if self.r.random() < 0.6 else d

    # --- phones ---------------------------------------------------------------------------
    def phone(self):
        r = self.r
        dg = lambda n: "".join(str(r.randint(0, 9)) for _ in range(n))  # noqa: E731
        kind = r.choices(["mob", "land", "foreign"], [55, 38, 7])[0]
        if kind == "mob":
            sub = str(r.randint(1, 9)) + dg(7)
            f = r.randint(0, 10)
            v = ["06-" + sub, "06 " + sub, f"06 {sub[:4]} {sub[4:]}", "06" + sub,
                 f"+31 6 {sub}", f"+316 {sub}", "+316" + sub, f"0031 6 {sub}",
                 f"06 - {sub[:2]} {sub[2:4]} {sub[4:6]} {sub[6:]}", f"(06) {sub}",
                 f"+31 (0)6 {sub[:2]} {sub[2:4]} {sub[4:6]} {sub[6:]}"][f]
        elif kind == "land":
            ac = r.choice(AREA_CODES)
            sub = str(r.randint(2, 8)) + dg(9 - len(ac))  # total 10 digits
            nat = ac[1:]
            f = r.randint(0, 8)
            if len(sub) == 7:
                grouped = f"{sub[:3]} {sub[3:5]} {sub[5:]}"
                grouped2 = f"{sub[:3]} {sub[3:]}"
            else:
                grouped = f"{sub[:2]} {sub[2:4]} {sub[4:]}"
                grouped2 = f"{sub[:3]} {sub[3:]}"
            v = [f"{ac}-{sub}", f"{ac} {grouped}", f"{ac} - {grouped2}", f"({ac}) {sub}",
                 f"+31 (0){nat} {grouped2}", f"+31 {nat} {grouped}", f"0031 (0){nat} {sub}",
                 f"{ac}{sub}", f"+31{nat}{sub}"][f]
        else:
            v = r.choice([f"+32 4{r.randint(70, 99)} {dg(2)} {dg(2)} {dg(2)}",
                          f"+49 15{r.randint(1, 9)} {dg(8)}",
                          f"+90 5{r.randint(30, 59)} {dg(3)} {dg(2)} {dg(2)}",
                          f"+212 6{dg(2)} {dg(2)} {dg(2)} {dg(2)}",
                          f"+48 {r.randint(500, 799)} {dg(3)} {dg(3)}",
                          f"+597 {r.randint(7, 8)}{dg(6)}", f"+44 7{dg(3)} {dg(6)}"])
        return ("PHONE", v)

    def service_number(self) -> str:
        r = self.r
        return r.choice(["14 020", "14 030", "14 010", "14 050", "14 0" + str(r.randint(10, 99)),
                         "0800-0543", "0800 8051", "0800-1351", f"0800-{r.randint(1000, 9999)}",
                         "0900-8844", f"0900-{r.randint(1000000, 9999999)}", "0900 1234",
                         f"0900 {r.randint(100, 999)} {r.randint(1000, 9999)}"])

    # --- locations ------------------------------------------------------------------------
    def postcode(self):
        r = self.r
        while True:
            letters = r.choice("ABCDEGHJKLMNPRSTVWXZ") + r.choice("ABCDEGHJKLMNPRSTVWXZ")
            if letters not in ("SA", "SD", "SS"):
                break
        n = r.randint(1000, 9999)
        sep = r.choices([" ", ""], [75, 25])[0]
        return ("POSTCODE", f"{n}{sep}{letters}")

    def house_number(self) -> str:
        r = self.r
        n = str(r.choices([r.randint(1, 40), r.randint(1, 250), r.randint(200, 1500)], [60, 35, 5])[0])
        add = r.choices(["", "a", "A", " A", " b", "B", "-2", "-II", "-1", " bis", "-hs", " hs",
                         " 3-hoog", "-H", " C", "-102", " zw"],
                        [55, 6, 4, 3, 3, 3, 4, 2, 3, 2, 3, 2, 1, 2, 2, 2, 1])[0]
        return n + add

    def street(self) -> str:
        return self.r.choice(STREETS) if self.r.random() < 0.8 else self.r.choice(PERSON_STREETS)

    def address(self):
        return ("ADDRESS", f"{self.street()} {self.house_number()}")

    def city(self) -> str:
        return self.r.choice(CITIES)

    # --- dates ----------------------------------------------------------------------------
    def date_value(self, y0: int, y1: int, style: str | None = None) -> str:
        r = self.r
        y, m, d = r.randint(y0, y1), r.randint(1, 12), r.randint(1, 28)
        style = style or r.choices(["long", "abbr", "dmy", "dmy1", "slash", "iso", "dot", "en"],
                                   [30, 8, 28, 6, 7, 9, 9, 3])[0]
        if style == "long":
            return f"{d} {MONTHS[m - 1]} {y}"
        if style == "abbr":
            return f"{d} {MONTHS_ABBR[m - 1]} {y}"
        if style == "dmy":
            return f"{d:02d}-{m:02d}-{y}"
        if style == "dmy1":
            return f"{d}-{m}-{y}"
        if style == "slash":
            return f"{d:02d}/{m:02d}/{y}"
        if style == "iso":
            return f"{y}-{m:02d}-{d:02d}"
        if style == "dot":
            return f"{d:02d}.{m:02d}.{y}"
        return f"{d} {MONTHS_EN[m - 1]} {y}"

    def dob(self, y0: int = 1932, y1: int = 2012):
        return ("DATE_OF_BIRTH", self.date_value(y0, y1))

    def dob_phrase(self, y0: int = 1932, y1: int = 2012) -> list:
        r = self.r
        v = self.dob(y0, y1)
        return r.choice([["geboren op ", v], ["geb. ", v], ["geboortedatum ", v],
                         ["geboren ", v], ["(geb. ", v, ")"], ["geboren op ", v, " te ", self.city()],
                         ["met geboortedatum ", v], ["geb. datum ", v], ["Geboortedatum: ", v]])

    def date(self) -> str:
        """A date that is NOT a birth date (hard negative for DATE_OF_BIRTH)."""
        return self.date_value(2019, 2025)

    # --- vehicles, documents, companies, network ------------------------------------------
    def plate(self):
        r = self.r
        L = lambda n: "".join(r.choice(PLATE_LETTERS) for _ in range(n))  # noqa: E731
        D = lambda n: "".join(str(r.randint(0, 9)) for _ in range(n))  # noqa: E731
        code = r.randint(1, 14)
        parts = {1: (L(2), D(2), D(2)), 2: (D(2), D(2), L(2)), 3: (D(2), L(2), D(2)),
                 4: (L(2), D(2), L(2)), 5: (L(2), L(2), D(2)), 6: (D(2), L(2), L(2)),
                 7: (D(2), L(3), D(1)), 8: (D(1), L(3), D(2)), 9: (L(2), D(3), L(1)),
                 10: (L(1), D(3), L(2)), 11: (L(3), D(2), L(1)), 12: (L(1), D(2), L(3)),
                 13: (D(1), L(2), D(3)), 14: (D(3), L(2), D(1))}[code]
        sep = "-" if r.random() < 0.88 else ""
        return ("LICENSE_PLATE", sep.join(parts))

    def passport(self):
        r = self.r
        letters = "ABCDEFGHIJKLMNPQRSTUVWXYZ"  # never the letter O
        alnum = letters + "0123456789"
        v = (r.choice(letters) + r.choice(letters) + "".join(r.choice(alnum) for _ in range(6))
             + str(r.randint(0, 9)))
        return ("ID_DOCUMENT", v)

    def driving_licence(self):
        return ("ID_DOCUMENT", str(self.r.randint(1, 5)) + "".join(str(self.r.randint(0, 9)) for _ in range(9)))

    def kvk(self):
        return ("KVK", f"{self.r.randint(1000000, 99999999):08d}")

    def eight_digits(self) -> str:
        return f"{self.r.randint(20190000, 20259999)}"

    def ipv4(self):
        r = self.r
        v = r.choice([f"192.168.{r.randint(0, 255)}.{r.randint(1, 254)}",
                      f"10.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}",
                      f"172.{r.randint(16, 31)}.{r.randint(0, 255)}.{r.randint(1, 254)}",
                      f"{r.randint(11, 223)}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}",
                      f"{r.randint(11, 223)}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"])
        return ("IP_ADDRESS", v)

    def ipv6(self):
        r = self.r
        h = lambda: f"{r.randint(0, 0xffff):x}"  # noqa: E731
        v = r.choice([f"2001:db8:{h()}:{h()}::{h()}",
                      f"2a02:{h()}:{h()}:{h()}:{h()}:{h()}:{h()}:{h()}",
                      f"fe80::{h()}:{h()}:{h()}:{h()}",
                      f"2001:0db8:{r.randint(0, 0xffff):04x}:0000:0000:{r.randint(0, 0xffff):04x}:{r.randint(0, 0xffff):04x}:{r.randint(0, 0xffff):04x}",
                      f"2a01:7c8:{h()}:{h()}::1"])
        return ("IP_ADDRESS", v)

    def ip(self):
        return self.ipv4() if self.r.random() < 0.75 else self.ipv6()

    # --- hard negatives -------------------------------------------------------------------
    def amount_small(self) -> str:
        """A household-sized amount (hard negative: never PII)."""
        r = self.r
        return r.choice([f"€ {r.randint(1, 9)}.{r.randint(0, 999):03d},{r.randint(0, 99):02d}",
                         f"€{r.randint(10, 999)},{r.randint(0, 99):02d}", f"€ {r.randint(10, 2500)},-",
                         f"EUR {r.randint(10, 4000)},00", f"{r.randint(2, 400)} euro",
                         f"€ {r.randint(10, 999)},{r.randint(0, 99):02d}"])

    def amount(self) -> str:
        """A budget-sized amount; some in 3-3-3 grouping whose digits pass the 11-proef."""
        r = self.r
        f = r.randint(0, 6)
        if f == 0:
            # nine digits in 3-3-3 grouping; half of them pass the 11-proef on purpose
            d = self.bsn_digits() if r.random() < 0.5 else self.nine_digits_invalid()
            return f"€ {d[:3]}.{d[3:6]}.{d[6:]}"
        if f == 1:
            return f"€ {r.randint(1, 999)}.{r.randint(0, 999):03d},{r.randint(0, 99):02d}"
        if f == 2:
            return f"€{r.randint(10, 9999)},{r.randint(0, 99):02d}"
        if f == 3:
            return f"EUR {r.randint(100, 99999)},00"
        if f == 4:
            return f"€ {r.randint(1, 900)} miljoen"
        if f == 5:
            return f"€ {r.randint(1, 99)},{r.randint(0, 9)} mln"
        return f"{r.randint(2, 400)} euro"

    def kamerstuk(self) -> str:
        r = self.r
        return r.choice([f"Kamerstukken II {r.randint(2015, 2024)}/{r.randint(16, 25)}, {r.randint(21, 36)} {r.randint(100, 999)}, nr. {r.randint(1, 1500)}",
                         f"Kamerstuk {r.randint(26, 36)} {r.randint(100, 999)}, nr. {r.randint(1, 1200)}",
                         f"{r.randint(26, 36)} {r.randint(100, 999)}, nr. {r.randint(1, 1200)}",
                         f"Stcrt. {r.randint(2015, 2024)}, {r.randint(1000, 40000)}",
                         f"Stb. {r.randint(2015, 2024)}, {r.randint(1, 500)}",
                         f"ECLI:NL:RVS:{r.randint(2015, 2024)}:{r.randint(100, 4000)}",
                         f"ECLI:NL:CRVB:{r.randint(2015, 2024)}:{r.randint(100, 4000)}"])

    def ecli(self) -> str:
        r = self.r
        return f"ECLI:NL:{r.choice(['RVS', 'CRVB', 'RBMNE', 'RBDHA', 'GHARL'])}:{r.randint(2015, 2024)}:{r.randint(100, 9999)}"

    def article(self) -> str:
        r = self.r
        return r.choice([f"artikel {r.randint(1, 9)}.{r.randint(1, 30)}, {r.choice(['eerste', 'tweede', 'derde'])} lid, van de Wmo 2015",
                         f"artikel 5.1, tweede lid, aanhef en onder {r.choice('eil')}, van de Woo",
                         f"art. {r.randint(1, 8)}:{r.randint(1, 90)} Awb", f"artikel {r.randint(1, 80)} Participatiewet",
                         f"artikel {r.randint(1, 9)}.{r.randint(1, 20)}.{r.randint(1, 9)} van de Jeugdwet",
                         f"artikel {r.randint(1, 99)}, lid {r.randint(1, 5)}, sub {r.choice('abcd')} AVG",
                         f"art. {r.randint(1, 400)} Sr", f"artikel {r.randint(160, 300)} van de Gemeentewet"])

    def version(self) -> str:
        r = self.r
        return r.choice([f"versie {r.randint(1, 12)}.{r.randint(0, 20)}.{r.randint(0, 40)}",
                         f"v{r.randint(1, 5)}.{r.randint(0, 30)}", f"10.0.{r.randint(17000, 26000)}.{r.randint(100, 4000)}",
                         f"release {r.randint(2019, 2025)}.{r.randint(1, 12)}", f"build {r.randint(1000, 99999)}"])

    def invoice(self) -> str:
        r = self.r
        return r.choice([f"{r.randint(2019, 2025)}-{r.randint(1, 999999):06d}", f"F{r.randint(2019, 2025)}-{r.randint(1, 99999):05d}",
                         f"INV-{r.randint(2019, 2025)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}-{r.randint(1, 9999):04d}",
                         self.nine_digits_invalid(), f"{r.randint(1000000, 9999999)}"])

    def case_no(self) -> str:
        r = self.r
        return r.choice([f"Z/{r.randint(19, 25)}/{r.randint(100000, 999999)}", f"{r.randint(2019, 2025)}-{r.randint(1, 99999):05d}",
                         f"ZK{r.randint(19, 25)}{r.randint(10000, 99999)}", self.nine_digits_invalid(),
                         f"BZ-{r.randint(2019, 2025)}-{r.randint(100, 9999)}", f"D{r.randint(1000000, 9999999)}",
                         self.eight_digits()])

    def org(self) -> str:
        return self.r.choice(ORGS)


# ---------------------------------------------------------------------------------------------
# Document builder
# ---------------------------------------------------------------------------------------------


class Doc:
    def __init__(self, template: str):
        self.template = template
        self.parts: list[str] = []
        self.spans: list[dict] = []
        self.pos = 0
        self.cats: set[str] = set()

    def add(self, *items) -> "Doc":
        for it in items:
            if it is None:
                continue
            if isinstance(it, str):
                self.parts.append(it)
                self.pos += len(it)
            elif isinstance(it, tuple):
                typ, text = it
                self.spans.append({"type": typ, "start": self.pos, "end": self.pos + len(text), "text": text})
                self.parts.append(text)
                self.pos += len(text)
            elif isinstance(it, list):
                self.add(*it)
            else:
                raise TypeError(it)
        return self

    def cat(self, c: str) -> None:
        self.cats.add(c)

    def text(self) -> str:
        return "".join(self.parts)


# ---------------------------------------------------------------------------------------------
# Shared prose: special categories tied to a person, and impersonal policy text
# ---------------------------------------------------------------------------------------------

RELATIVES = [("Mijn moeder", "f"), ("Mijn vader", "m"), ("Mijn man", "m"), ("Mijn vrouw", "f"),
             ("Mijn zoon", "m"), ("Mijn dochter", "f"), ("Mijn schoonmoeder", "f"), ("Mijn broer", "m"),
             ("Mijn zus", "f"), ("Onze buurman", "m"), ("Mijn oma", "f"), ("Mijn opa", "m")]
# Templates starting with "F:" only fit a woman.

SPECIAL = {
    "SPECIAL_HEALTH": [
        "{who} heeft diabetes type 2 en moet dagelijks insuline spuiten.",
        "{who} is bekend met een depressie en is in behandeling bij de GGZ.",
        "{who} heeft vorig jaar een herseninfarct gehad en is sindsdien halfzijdig verlamd.",
        "{who} lijdt aan COPD en heeft zuurstof aan huis.",
        "{who} heeft beginnende dementie (Alzheimer) volgens de geriater.",
        "{who} is na een burn-out nog niet volledig hersteld en gebruikt antidepressiva.",
        "{who} heeft MS en zit inmiddels in een rolstoel.",
        "{who} is verslaafd geweest aan alcohol en volgt nu een traject bij Tactus.",
        "{who} heeft autisme (ASS) en ADHD, vastgesteld door de kinderpsychiater.",
        "F:{who} is zwanger en heeft last van ernstige bekkeninstabiliteit.",
        "{who} is hiv-positief; dat wil {pron} graag vertrouwelijk houden.",
        "F:{who} herstelt van een chemokuur tegen borstkanker.",
    ],
    "SPECIAL_RELIGION": [
        "{who} is moslim en vraagt of er rekening kan worden gehouden met de ramadan.",
        "{who} is lid van de Gereformeerde Gemeente en wil geen afspraken op zondag.",
        "{who} is joods en eet alleen koosjer.",
        "{who} is hindoe en viert Divali met de familie.",
        "{who} is katholiek en gaat iedere week naar de mis in de Sint-Jan.",
        "{who} is Jehova's getuige en weigert daarom een bloedtransfusie.",
    ],
    "SPECIAL_ETHNICITY": [
        "{who} is van Marokkaanse afkomst en spreekt thuis Tarifit.",
        "{who} heeft een Surinaams-Hindostaanse achtergrond.",
        "{who} is van Turkse komaf en is tweede generatie.",
        "{who} behoort tot de Molukse gemeenschap in de wijk.",
        "{who} is Roma en woont op een woonwagenlocatie.",
        "{who} is van Eritrese afkomst en kwam in 2016 als statushouder naar Nederland.",
    ],
    "SPECIAL_POLITICS": [
        "{who} is actief lid van de SP en deelt folders uit in de wijk.",
        "{who} is lid van de PVV-afdeling en wil inspreken in de raad.",
        "{who} steunt openlijk Extinction Rebellion en was bij de blokkade van de A12.",
        "{who} is bestuurslid van de lokale afdeling van GroenLinks-PvdA.",
        "{who} stemt al jaren op de VVD, zegt {pron} zelf.",
    ],
    "SPECIAL_SEXUAL_ORIENTATION": [
        "{who} is homoseksueel en voelt zich in de buurt niet veilig.",
        "F:{who} is lesbisch en woont samen met haar vrouw.",
        "{who} is biseksueel en wordt daarom gepest op het werk.",
        "{who} heeft aangegeven homo te zijn en wil dat niet in het dossier.",
    ],
    "SPECIAL_TRADE_UNION": [
        "{who} is lid van de FNV en laat zich bijstaan door een vakbondsjurist.",
        "{who} is vakbondslid (CNV) en kaderlid bij de afdeling.",
        "{who} heeft zich als lid van de AbvaKabo gemeld bij de OR.",
    ],
    "SPECIAL_BIOMETRIC": [
        "Van {who_l} zijn vingerafdrukken afgenomen voor de verblijfsvergunning.",
        "Het DNA-profiel van {who_l} is opgenomen in de databank.",
        "Uit genetisch onderzoek blijkt dat {who_l} drager is van een erfelijke hartafwijking.",
        "De camera met gezichtsherkenning heeft {who_l} herkend bij de ingang.",
    ],
    "CRIMINAL": [
        "{who} is in 2019 veroordeeld voor diefstal en heeft een taakstraf gekregen.",
        "{who} heeft een strafblad wegens mishandeling.",
        "De VOG van {who_l} is geweigerd vanwege een eerdere veroordeling.",
        "{who} wordt verdacht van bijstandsfraude; de zaak ligt bij het OM.",
        "{who} heeft een contactverbod opgelegd gekregen door de rechter.",
        "{who} zit een gevangenisstraf uit in PI Vught.",
        "{who} is aangehouden voor rijden onder invloed.",
    ],
}

POLICY_TOPICS = ["de Wmo 2015", "de Jeugdwet", "de Participatiewet", "het armoedebeleid",
                 "de woningbouwopgave", "de energietransitie", "de digitale dienstverlening",
                 "het gebruik van algoritmen", "de inburgering", "de schuldhulpverlening",
                 "het sociaal domein", "het klimaatadaptatieplan", "de Omgevingswet",
                 "de inzet van generatieve AI", "het integraal veiligheidsplan", "de mantelzorgondersteuning"]
POLICY_SENTENCES = [
    "De kosten per huishouden stijgen naar {small} per maand.",
    "De eigen bijdrage blijft {small} per maand.",
    "Het college stelt voor om {topic} de komende vier jaar te versterken.",
    "Voor {topic} is in de begroting {amount} gereserveerd.",
    "De uitvoering van {topic} vraagt om een nauwe samenwerking met {org}.",
    "Zoals aangekondigd in {kamerstuk} wordt {topic} landelijk herzien.",
    "Op grond van {article} heeft het college hierin beleidsruimte.",
    "Uit de monitor blijkt dat {pct}% van de inwoners tevreden is over {topic}.",
    "In {year} is het aantal meldingen met {pct}% gestegen ten opzichte van {year2}.",
    "De gemeenteraad heeft op {date} ingestemd met de kaders voor {topic}.",
    "Wij verwachten de evaluatie van {topic} in het {q} kwartaal van {year} aan de raad te sturen.",
    "Het risico op hogere kosten wordt geraamd op {amount}.",
    "De regeling is gewijzigd bij {kamerstuk}.",
    "Het nieuwe zaaksysteem ({version}) is per {date} in gebruik genomen.",
    "Inwoners kunnen voor vragen terecht bij het gemeentelijke nummer {service}.",
    "Bij de aanbesteding (kenmerk {case}) hebben zich {n} partijen gemeld.",
    "De gemeente helpt inwoners met diabetes, astma of een andere chronische aandoening om langer zelfstandig thuis te wonen.",
    "Kerkgenootschappen, moskeeën en andere levensbeschouwelijke organisaties zijn belangrijke partners in de wijk.",
    "De criminaliteitscijfers in de binnenstad zijn in {year} gedaald, vooral het aantal woninginbraken.",
    "De vakbonden FNV en CNV zijn betrokken bij de cao-onderhandelingen voor gemeenteambtenaren.",
    "Discriminatie op grond van afkomst, geloof of seksuele gerichtheid is onacceptabel; het antidiscriminatiebureau registreerde {n} meldingen.",
    "De GGD ziet een toename van psychische klachten onder jongeren tussen 12 en 25 jaar.",
    "Biometrische toegangscontrole wordt in gemeentelijke gebouwen niet toegepast.",
    "Het windpark levert straks circa {mw} MW, genoeg voor {n} huishoudens.",
    "Het datacenter beschikt over {gb} GB werkgeheugen per node en draait {version}.",
    "De aanpak van ondermijning richt zich op criminele netwerken, niet op individuele inwoners.",
    "Het aandeel statushouders dat binnen twee jaar werk vindt, is gestegen naar {pct}%.",
    "Het college vraagt de raad om uiterlijk {date} een besluit te nemen.",
    "De Johan de Wittlaan en de Thorbeckelaan worden in {year} heringericht als fietsstraat.",
    "Het Rijk heeft de middelen voor {topic} structureel verhoogd ({kamerstuk}).",
    "De kosten per inwoner bedragen {small} per jaar.",
    "Een inwoner kan op grond van {article} bezwaar maken.",
    "De pilot loopt tot {date} en wordt begeleid door {org}.",
    "Er is {amount} subsidie aangevraagd bij het Rijk (aanvraagnummer {invoice}).",
    "Het Juridisch Loket is bereikbaar via 0900-8020.",
    "Meer informatie staat op www.{muni_l}.nl/{topic_slug}.",
]


def fill_policy(g: Gen, sentence: str) -> str:
    r = g.r
    topic = r.choice(POLICY_TOPICS)
    year = r.randint(2018, 2025)
    return sentence.format(
        topic=topic, amount=g.amount(), small=g.amount_small(), org=g.org(), kamerstuk=g.kamerstuk(), article=g.article(),
        pct=r.randint(3, 92), year=year, year2=year - 1, date=g.date(), q=r.choice(["eerste", "tweede", "derde", "vierde"]),
        version=g.version(), service=g.service_number(), case=g.case_no(), n=r.randint(2, 900),
        mw=r.choice([1200, 1500, 2500, 2000]), gb=r.choice([1024, 2048, 4096, 8192]), invoice=g.invoice(),
        muni_l=ascii_fold(r.choice(MUNIS).lower().replace(" ", "")), topic_slug=topic.split()[-1].lower())


def policy_paragraph(g: Gen, n: int) -> str:
    s = [fill_policy(g, x) for x in g.r.sample(POLICY_SENTENCES, n)]
    return " ".join(s)


def special_sentence(g: Gen, d: Doc, person: Person | None = None, cat: str | None = None) -> list:
    """A sentence that ties a special category to an identifiable person; records the category."""
    r = g.r
    cat = cat or r.choices(list(SPECIAL), [30, 10, 8, 7, 6, 10, 5, 18])[0]
    if person is None:
        who, gender = r.choice(RELATIVES)
    else:
        gender = person.gender
    options = [t for t in SPECIAL[cat] if gender == "f" or not t.startswith("F:")]
    if person is not None and person.child:
        options = [t for t in options if "zwanger" not in t and "borstkanker" not in t and "veroordeeld" not in t] or options
    tmpl = r.choice(options).removeprefix("F:")
    d.cat(cat)
    pron = "hij" if gender == "m" else "zij"
    if person is None:
        pre, post = tmpl.split("{who_l}") if "{who_l}" in tmpl else tmpl.split("{who}")
        who_text = who.lower() if "{who_l}" in tmpl else who
        return [pre, who_text, post.replace("{pron}", pron)]
    name = person.any_form()
    if "{who_l}" in tmpl:
        pre, post = tmpl.split("{who_l}")
        if isinstance(name[0], str):
            name = [name[0][0].lower() + name[0][1:]] + name[1:]
    else:
        pre, post = tmpl.split("{who}")
        if isinstance(name[0], str):
            name = [name[0][0].upper() + name[0][1:]] + name[1:]
    return [pre, name, post.replace("{pron}", pron)]


# ---------------------------------------------------------------------------------------------
# Templates
# ---------------------------------------------------------------------------------------------


def closing(g: Gen) -> str:
    return g.r.choice(["Met vriendelijke groet,", "Met vriendelijke groeten,", "Vriendelijke groet,",
                       "Hoogachtend,", "Groetjes,", "Mvg,", "Alvast bedankt,"])


def t_citizen_email(g: Gen) -> Doc:
    r = g.r
    d = Doc("citizen_email")
    p = g.person()
    muni = r.choice(MUNIS)
    subj = r.choice(["Vraag over mijn aanslag gemeentelijke belastingen", "Verhuizing doorgeven",
                     "Klacht over de afvalinzameling", "Aanvraag parkeervergunning", "Hulp bij het huishouden",
                     "Terugbetaling leges paspoort", "Bijzondere bijstand", "Kwijtschelding aanvragen",
                     "Re: uw brief van vorige week", "Overlast in de straat", "Melding losliggende stoeptegels"])
    d.add(f"Van: ", ("PERSON", p.full()), " <", ("EMAIL", p.email()), ">\n")
    d.add(f"Onderwerp: {subj}\n\n")
    d.add(r.choice(["Geachte heer/mevrouw,", "Beste medewerker,", "Goedemiddag,", "Hallo,",
                    f"Geachte gemeente {muni},", "Beste,"]), "\n\n")
    body = []
    body.append(["Ik schrijf u over ", r.choice(["de brief met kenmerk ", "mijn aanvraag met zaaknummer ",
                                                  "de aanslag met nummer ", "factuur "]), g.case_no() if r.random() < 0.5 else g.invoice(),
                 ". ", r.choice([["Ik begrijp niet waarom ik ", g.amount_small(), " moet betalen."],
                                 ["Volgens mij klopt het bedrag van ", g.amount_small(), " niet."],
                                 ["Het bedrag van ", g.amount_small(), " is veel te hoog."]])])
    if r.random() < 0.6:
        body.append([r.choice(["Mijn BSN is ", "mijn bsn: ", "Burgerservicenummer: ", "Mijn burgerservicenummer is ",
                               "Voor de volledigheid, mijn BSN-nummer: "]), g.bsn(), "."])
    if r.random() < 0.55:
        body.append([r.choice(["Ik woon op ", "Mijn adres is ", "Sinds vorig jaar woon ik op "]), g.address(), ", ",
                     g.postcode(), " ", g.city(), "."])
    if r.random() < 0.45:
        body.append([r.choice(["Wilt u het geld terugstorten op ", "Mijn rekeningnummer is ", "U kunt het bedrag overmaken naar IBAN "]),
                     g.iban(), r.choice([" t.n.v. ", " ten name van "]), ("PERSON", p.with_initials()), "."])
    if r.random() < 0.35:
        rel = g.person()
        body.append(special_sentence(g, d, None))
        body.append(["De zorg komt nu neer op ", rel.any_form(), ", die op ", g.address(), " woont."])
    if r.random() < 0.25:
        body.append([r.choice(["Mijn kenteken is ", "Het gaat om mijn auto met kenteken ", "kenteken: "]), g.plate(), "."])
    if r.random() < 0.15:
        pre = r.choice(["Ik heb een eenmanszaak, KvK-nummer ", "Ik ben zzp'er (KvK ", "Mijn bedrijf staat ingeschreven bij de KvK onder nummer "])
        body.append([pre, g.kvk(), ")." if "(" in pre else "."])
    if r.random() < 0.2:
        body.append(["Ik heb de leges van ", g.amount_small(), " betaald met mijn creditcard ", g.card()[0], "."])
    if r.random() < 0.3:
        org = g.org()
        body.append(["Eerder heb ik al gebeld met ", g.service_number(), " en daar werd ik doorverwezen naar ",
                     org, "" if org.endswith(".") else "."])
    if r.random() < 0.3:
        body.append(["Ik ben ", g.dob_phrase(), " en woon al mijn hele leven in ", g.city(), "."])
    if r.random() < 0.2:
        body.append(["Het gaat om de afspraak van ", g.date(), " met ", r.choice(ROLES[:8]), " ",
                     ("PERSON", g.person().surname(capital_tv=True)), "."])
    r.shuffle(body)
    for b in body:
        d.add(b, " " if r.random() < 0.6 else "\n\n")
    d.parts[-1] = d.parts[-1].rstrip()
    d.pos = sum(len(x) for x in d.parts)
    d.add("\n\n", r.choice(["Ik ben bereikbaar op ", "U kunt mij bellen op ", "Tel: ", "Bel me gerust: ", "telefoon "]),
          g.phone(), r.choice([".", "", " (na 17.00 uur)."]))
    d.add("\n\n", closing(g), "\n", ("PERSON", r.choice([p.full(), p.with_initials(), p.first])), "\n")
    return d


def t_wmo_note(g: Gen) -> Doc:
    r = g.r
    d = Doc("wmo_case_note")
    c = g.person()
    cons = g.person()
    rel, rel_gender = r.choice([("dochter", "f"), ("zoon", "m"), ("buurvrouw", "f"), ("partner", None),
                                ("mantelzorger", None), ("neef", "m"), ("schoondochter", "f")])
    care = g.person(gender=rel_gender)
    d.add(r.choice(["Gespreksverslag Wmo-melding", "Verslag keukentafelgesprek", "Onderzoeksverslag Wmo 2015",
                    "Rapportage wijkteam"]), "\n\n")
    d.add("Zaaknummer: ", g.case_no(), "\n")
    d.add("Datum gesprek: ", g.date(), "\n")
    d.add(r.choice(["Consulent: ", "Casemanager: ", "Wijkteammedewerker: "]), ("PERSON", cons.with_initials() if r.random() < 0.5 else cons.full()), "\n")
    d.add("Cliënt: ", c.title() + " ", ("PERSON", c.with_initials()), ", ", g.dob_phrase(1930, 2005), "\n")
    d.add("BSN: ", g.bsn(), "\n")
    d.add("Adres: ", g.address(), ", ", g.postcode(), " ", g.city(), "\n")
    d.add("Telefoon: ", g.phone(), "\n")
    if r.random() < 0.5:
        d.add("E-mail: ", ("EMAIL", c.email()), "\n")
    d.add("Aanwezig: ", rel, " ", care.any_form(), " (", g.phone(), ")\n\n")
    d.add("Hulpvraag\n")
    d.add(special_sentence(g, d, c, "SPECIAL_HEALTH"), " ")
    d.add(r.choice(["Cliënt woont alleen in een eengezinswoning met trap.", "Het huishouden wordt nu grotendeels door de mantelzorger gedaan.",
                    "Cliënt geeft aan zich eenzaam te voelen sinds het overlijden van de partner.",
                    "De woning is niet rolstoeltoegankelijk; de badkamer ligt op de eerste verdieping."]), " ")
    if r.random() < 0.5:
        d.add("Cliënt vertelt: ", special_sentence(g, d, None), " ")
    if r.random() < 0.25:
        d.add(special_sentence(g, d, c, r.choice(["SPECIAL_RELIGION", "SPECIAL_ETHNICITY"])), " ")
    d.add("\n\nAfspraken\n")
    d.add("- Indicatie huishoudelijke ondersteuning, ", str(r.randint(2, 6)), " uur per week, via ", g.org(), ".\n")
    d.add("- Eigen bijdrage via het CAK (", g.amount_small(), " per maand).\n")
    d.add("- Herbeoordeling op ", g.date(), " conform ", g.article(), ".\n")
    d.add("- ", r.choice(["Consulent", "Casemanager", "Wijkteammedewerker"]), " ", ("PERSON", cons.surname(capital_tv=True)), " belt ", rel, " ",
          care.any_form(), " terug vóór ", g.date(), ".\n")
    if r.random() < 0.3:
        d.add("- Vervoersvoorziening: taxipas; cliënt heeft geen auto meer (kenteken ", g.plate(), " is verkocht).\n")
    return d


def t_intake_form(g: Gen) -> Doc:
    r = g.r
    d = Doc("intake_form")
    p = g.person()
    d.add(r.choice(["AANVRAAGFORMULIER BIJZONDERE BIJSTAND", "Intakeformulier schuldhulpverlening",
                    "Aanvraag individuele inkomenstoeslag", "Aanmelding Wmo-voorziening", "Aanvraag kwijtschelding"]), "\n\n")
    d.add("1. Persoonsgegevens aanvrager\n")
    style = r.random()
    if style < 0.35:
        d.add("Voornamen: ", ("PERSON", p.first + (" " + p.second if p.second else "")), "\n")
        d.add("Achternaam: ", ("PERSON", p.surname()), "\n")
    elif style < 0.7:
        d.add("Naam: ", ("PERSON", p.with_initials()), "\n")
    else:
        d.add("Naam en voorletters: ", ("PERSON", p.reversed()), "\n")
    d.add("Geslacht: ", "man" if p.gender == "m" else "vrouw", "\n")
    d.add(r.choice(["Geboortedatum: ", "Geb. datum: ", "Geboortedatum (dd-mm-jjjj): "]), g.dob(1935, 2006), "\n")
    d.add("Geboorteplaats: ", r.choice(CITIES + ["Istanbul", "Nador", "Paramaribo", "Al Hoceima", "Krakau", "Asmara"]), "\n")
    d.add(r.choice(["BSN: ", "Burgerservicenummer: ", "BSN-nummer: "]), g.bsn(), "\n")
    d.add("Straat en huisnummer: ", g.address(), "\n")
    d.add("Postcode en woonplaats: ", g.postcode(), " ", g.city(), "\n")
    d.add(r.choice(["Telefoonnummer: ", "Tel.: ", "Mobiel: "]), g.phone(), "\n")
    d.add("E-mailadres: ", ("EMAIL", p.email()), "\n")
    d.add("IBAN: ", g.iban("NL" if r.random() < 0.85 else None), "\n")
    idk = r.random()
    if idk < 0.45:
        d.add(r.choice(["Identiteitsbewijs: paspoort, nummer ", "Paspoortnummer: ", "Documentnummer paspoort: "]), g.passport(), "\n")
    elif idk < 0.75:
        d.add(r.choice(["Identiteitsbewijs: ID-kaart, documentnummer ", "Nummer identiteitskaart: ", "ID-kaartnummer: "]), g.passport(), "\n")
    else:
        d.add(r.choice(["Rijbewijsnummer: ", "Identiteitsbewijs: rijbewijs nr. ", "Nummer rijbewijs: "]), g.driving_licence(), "\n")
    if r.random() < 0.6:
        q = g.person(gender="f" if p.gender == "m" else "m")
        d.add("\n2. Partner\n")
        d.add("Naam: ", ("PERSON", q.with_initials() if r.random() < 0.6 else q.full()), "\n")
        d.add("Geboortedatum: ", g.dob(1935, 2006), "\n")
        d.add("BSN: ", g.bsn(), "\n")
    d.add("\n3. Inkomen en uitgaven\n")
    d.add("Netto inkomen per maand: ", g.amount_small(), "\n")
    d.add("Huur: ", g.amount_small(), " (verhuurder: ", g.org(), ")\n")
    if r.random() < 0.5:
        d.add("Schulden: ", g.amount(), " bij ", g.org(), ", dossiernummer ", g.case_no(), "\n")
    if r.random() < 0.25:
        d.add(r.choice(["KvK-nummer (alleen voor ondernemers): ", "Inschrijfnummer Kamer van Koophandel: ", "KvK: "]), g.kvk(), "\n")
    if r.random() < 0.4:
        d.add("\n4. Toelichting\n", special_sentence(g, d, None), "\n")
    d.add("\nDatum ondertekening: ", g.date(), "\nHandtekening: ", ("PERSON", p.with_initials()), "\n")
    return d


def t_bezwaar(g: Gen) -> Doc:
    r = g.r
    d = Doc("bezwaar_letter")
    p = g.person()
    muni = r.choice(MUNIS)
    d.add(("PERSON", p.full() if r.random() < 0.6 else p.with_initials()), "\n", g.address(), "\n", g.postcode(), " ", g.city(), "\n")
    if r.random() < 0.6:
        d.add(g.phone(), "\n")
    d.add("\nAan het college van burgemeester en wethouders van de gemeente ", muni, "\nPostbus ", str(r.randint(10, 99999)),
          "\n", g.postcode(), " ", muni, "\n\n")
    d.add(g.city(), ", ", g.date(), "\n\n")
    d.add("Betreft: bezwaarschrift tegen uw besluit van ", g.date(), ", kenmerk ", g.case_no(), "\n\n")
    d.add("Geachte heer, mevrouw,\n\n")
    d.add("Hierbij maak ik, ", ("PERSON", p.with_initials()), ", ", g.dob_phrase(), ", bezwaar tegen het besluit waarin u ",
          r.choice(["mijn aanvraag voor een traplift afwijst", "de bijstandsuitkering met terugwerkende kracht beëindigt",
                    "mij een last onder dwangsom oplegt", "de WOZ-waarde van mijn woning vaststelt op " + g.amount_small(),
                    "een naheffingsaanslag parkeerbelasting oplegt"]), ". ")
    d.add("Mijn burgerservicenummer is ", g.bsn(), ". ")
    d.add("Ik baseer mijn bezwaar op ", g.article(), " en op de uitspraak ", g.ecli(), ".\n\n")
    if r.random() < 0.5:
        d.add(special_sentence(g, d, None), " Dat heeft u bij uw besluit niet meegewogen.\n\n")
    if r.random() < 0.35:
        d.add("Ik word in deze procedure bijgestaan door mr. ", ("PERSON", g.person().with_initials()), " van ", g.org(), ".\n\n")
    d.add("Ik verzoek u het besluit te herroepen en de kosten van ", g.amount_small(), " te vergoeden op rekening ", g.iban(), ".\n\n")
    d.add("Hoogachtend,\n\n", ("PERSON", p.with_initials() if r.random() < 0.7 else p.full()), "\n")
    d.add("\nBijlage: kopie ", r.choice(["paspoort (documentnummer ", "identiteitskaart (nr. "]), g.passport(), ")\n")
    return d


def t_woo(g: Gen, with_names: bool = True) -> Doc:
    r = g.r
    d = Doc("woo_decision" if with_names else "woo_decision_redacted")
    muni = r.choice(MUNIS)
    d.add("Besluit op uw Woo-verzoek\n\n")
    d.add("Ons kenmerk: ", g.case_no(), "\nDatum: ", g.date(), "\n\n")
    if with_names:
        v = g.person()
        d.add("Geachte ", "heer" if v.gender == "m" else "mevrouw", " ",
              ("PERSON", v.surname(capital_tv=True)), ",\n\n")
        d.add("Op ", g.date(), " heeft u, ", ("PERSON", v.with_initials()), ", wonende te ", g.city(), ", een verzoek ingediend op grond van de Wet open overheid (Woo). ")
    else:
        d.add("Geachte [5.1.2e],\n\nOp ", g.date(), " heeft u een verzoek ingediend op grond van de Wet open overheid (Woo). ")
    d.add("U vraagt om alle documenten over ", r.choice(POLICY_TOPICS), " in de periode ", g.date(), " tot en met ", g.date(), ".\n\n")
    d.add("Besluit\n")
    d.add("Ik heb besloten de documenten gedeeltelijk openbaar te maken. Persoonsgegevens zijn gelakt op grond van ",
          g.article(), ". ", policy_paragraph(g, r.randint(2, 4)), "\n\n")
    d.add("Inventarislijst\n")
    for i in range(r.randint(3, 8)):
        d.add(f"{i + 1}. ", r.choice(["E-mail", "Notitie", "Memo", "Verslag overleg", "Brief", "Presentatie"]), " d.d. ", g.date(), ", ")
        if with_names and r.random() < 0.45:
            d.add(r.choice(["van wethouder ", "aan wethouder ", "opgesteld door ", "van ", "namens "]), ("PERSON", g.person().with_initials()), ", ")
        else:
            d.add("[5.1.2e], ")
        d.add(r.choice(["deels openbaar", "openbaar", "niet openbaar (5.1.2i)"]), "\n")
    d.add("\nBezwaar\nTegen dit besluit kunt u binnen zes weken bezwaar maken op grond van ", g.article(), ".\n\n")
    d.add("Hoogachtend,\n\nhet college van burgemeester en wethouders van ", muni, ",\n")
    if with_names and r.random() < 0.6:
        d.add("namens dezen,\n", ("PERSON", g.person().with_initials()), ", ", r.choice(["teamleider Juridische Zaken", "Woo-coördinator", "afdelingshoofd"]), "\n")
    return d


def t_policy(g: Gen, with_names: bool) -> Doc:
    r = g.r
    d = Doc("policy_note" if with_names else "policy_note_no_pii")
    muni = r.choice(MUNIS)
    topic = r.choice(POLICY_TOPICS)
    d.add(r.choice(["Raadsvoorstel", "Beleidsnota", "Raadsinformatiebrief", "Collegebesluit", "Notitie", "Nieuwsbericht"]),
          ": ", topic[0].upper() + topic[1:], "\n\n")
    d.add("Gemeente ", muni, " | ", g.date(), " | registratienummer ", g.case_no(), "\n\n")
    if r.random() < 0.1:
        # an all-caps heading: "2019 EN" has the shape of a postcode (hard negative)
        d.add(f"ONDERZOEK NAAR DE PERIODE {r.randint(2015, 2020)} EN {r.randint(2021, 2025)}\n\n")
    for _ in range(r.randint(2, 6)):
        d.add(r.choice(["Aanleiding", "Kern", "Financiën", "Vervolg", "Risico's", "Communicatie", "Samenhang"]), "\n")
        d.add(policy_paragraph(g, r.randint(3, 7)), "\n\n")
    if with_names:
        w = g.person()
        d.add(r.choice(["Portefeuillehouder: wethouder ", "Contactpersoon: ", "Namens het college, wethouder "]),
              ("PERSON", w.with_initials() if r.random() < 0.5 else w.full()), "\n")
        if r.random() < 0.5:
            d.add("Tel. ", g.phone(), " / ", ("EMAIL", w.email().split("@")[0] + "@" + muni.lower().replace(" ", "").replace("-", "") + ".nl"), "\n")
    else:
        d.add("Het college van burgemeester en wethouders van ", muni, "\n")
    return d


def t_faq(g: Gen) -> Doc:
    r = g.r
    d = Doc("faq_no_pii")
    d.add("Veelgestelde vragen over ", r.choice(POLICY_TOPICS), "\n\n")
    qs = [("Wat is mijn BSN en waar vind ik het?", "Uw burgerservicenummer staat op uw paspoort, identiteitskaart of rijbewijs. Het is een nummer van negen cijfers. Geef het nooit door via de telefoon aan onbekenden."),
          ("Hoe vul ik mijn IBAN in?", "Vul uw rekeningnummer in zonder spaties, bijvoorbeeld in de vorm NLxx BANK 0123 4567 89. Een voorbeeldnummer als " + g.iban_invalid() + " wordt afgekeurd."),
          ("Wat kost een paspoort?", "Een paspoort voor volwassenen kost " + g.amount_small() + ". U betaalt met pin of creditcard aan de balie."),
          ("Ik heb een naheffingsaanslag gekregen. Wat nu?", "Controleer het aanslagnummer (" + g.invoice() + ") en de datum. Bezwaar maken kan op grond van " + g.article() + "."),
          ("Hoe bereik ik de gemeente?", "Bel " + g.service_number() + " of kijk op de website. De Belastingtelefoon is bereikbaar via 0800-0543."),
          ("Mag de gemeente mijn gegevens delen?", "Alleen als daar een wettelijke grondslag voor is, zoals " + g.article() + "."),
          ("Helpt de gemeente bij schulden?", policy_paragraph(g, 2)),
          ("Welke hulp is er voor mantelzorgers?", policy_paragraph(g, 2)),
          ("Wordt mijn geloof of afkomst geregistreerd?", "Nee. De gemeente registreert geen godsdienst, afkomst of politieke voorkeur van inwoners."),
          ("Wat is het betalingskenmerk?", "Het betalingskenmerk is een nummer van 16 cijfers, bijvoorbeeld " + g.sixteen_invalid() + ". Vermeld het altijd bij uw betaling.")]
    r.shuffle(qs)
    for q, a in qs[: r.randint(4, 8)]:
        d.add(q, "\n", a, "\n\n")
    return d


def t_parking(g: Gen) -> Doc:
    r = g.r
    d = Doc("parking_fine")
    p = g.person()
    muni = r.choice(MUNIS)
    d.add("NAHEFFINGSAANSLAG PARKEERBELASTING\n\n")
    d.add(("PERSON", p.with_initials() if r.random() < 0.7 else p.reversed()), "\n", g.address(), "\n", g.postcode(), " ", g.city(), "\n\n")
    d.add("Aanslagnummer: ", g.invoice(), "\nDagtekening: ", g.date(), "\n")
    d.add("Kenteken: ", g.plate(), "\nMerk/type: ", r.choice(["Volkswagen Golf", "Kia Picanto", "Toyota Yaris", "Tesla Model 3", "Renault Clio", "Opel Corsa"]), "\n")
    street = r.choice(STREETS + PERSON_STREETS)
    d.add("Plaats: ", street, " (ter hoogte van huisnummer ", str(r.randint(1, 200)), "), ", muni, "\n")
    d.add("Datum en tijd constatering: ", g.date(), " om ", f"{r.randint(8, 22):02d}:{r.randint(0, 59):02d}", " uur\n")
    d.add("Handhaver: boa ", [("PERSON", g.person().surname(capital_tv=True)), " "] if r.random() < 0.4 else "", "(nr. ", str(r.randint(1000, 9999)), ")\n")
    d.add("Te betalen: ", g.amount_small(), "\nBetalingskenmerk: ", g.sixteen_invalid(), "\n")
    d.add("Rekening gemeente: ", g.iban("NL"), " t.n.v. Gemeente ", muni, "\n\n")
    d.add("U kunt binnen zes weken bezwaar maken, zie ", g.article(), ". Vragen? Bel ", g.service_number(), ".\n")
    if r.random() < 0.3:
        d.add("\nBetaald op ", g.date(), " met creditcard ", g.card()[0], ".\n")
    return d


def t_it_log(g: Gen) -> Doc:
    r = g.r
    d = Doc("it_log")
    host = r.choice(["portal", "mijnloket", "zaaksysteem", "gateway", "idp", "mail"])
    for _ in range(r.randint(8, 30)):
        ts = f"{r.randint(2023, 2025)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}T{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}.{r.randint(0, 999):03d}Z"
        lvl = r.choice(["INFO", "INFO", "INFO", "WARN", "ERROR", "DEBUG"])
        kind = r.random()
        d.add(ts, f" {lvl} {host}[{r.randint(100, 65000)}]: ")
        if kind < 0.3:
            d.add("login ", r.choice(["ok", "failed", "mfa_required"]), " user=", ("EMAIL", g.person().email()), " src=", g.ip(), "\n")
        elif kind < 0.5:
            ip = g.ip()
            if ip[1].count(".") == 3 and r.random() < 0.3:
                d.add("GET /api/v2/zaken/", g.case_no(), " 200 ", str(r.randint(2, 900)), "ms client=", ip, ":", str(r.randint(1024, 65535)), "\n")
            else:
                d.add("GET /api/v2/zaken/", g.case_no(), " 200 ", str(r.randint(2, 900)), "ms client=", ip, "\n")
        elif kind < 0.6:
            d.add("request_id=", f"{r.getrandbits(64):016x}", " trace=", f"{r.getrandbits(128):032x}", " ", g.version(), "\n")
        elif kind < 0.7:
            d.add("form submit field=bsn value=", g.bsn(), " (should have been masked!)\n")
        elif kind < 0.78:
            d.add("sms sent to ", g.phone(), " status=", r.choice(["delivered", "queued", "failed"]), "\n")
        elif kind < 0.85:
            d.add("upstream timeout after ", str(r.randint(1000, 30000)), "ms, retry ", str(r.randint(1, 5)), "/5 (", g.version(), ")\n")
        elif kind < 0.92:
            d.add("payment ok order=", g.invoice(), " amount=", str(r.randint(5, 500)), ".00 EUR iban=", g.iban(), "\n")
        else:
            d.add("user ", ("PERSON", g.person().full()), " changed address to ", g.address(), " ", g.postcode(), "\n")
    return d


def t_kvk(g: Gen) -> Doc:
    r = g.r
    d = Doc("kvk_extract")
    p = g.person()
    eenmanszaak = r.random() < 0.55
    d.add("Uittreksel Handelsregister Kamer van Koophandel\n\n")
    d.add(r.choice(["KvK-nummer: ", "KvK nummer ", "Kamer van Koophandel nummer: ", "Inschrijving KvK: "]), g.kvk(), "\n")
    if not eenmanszaak:
        d.add("RSIN: ", g.rsin(), "\n")
        d.add("Rechtsvorm: Besloten Vennootschap\n")
        name = r.choice([p.sur, p.surname(capital_tv=True)]) + " " + r.choice(["Bouw", "Holding", "Installatietechniek", "Consultancy", "Transport"]) + " B.V."
    else:
        d.add("Rechtsvorm: Eenmanszaak\n")
        name = r.choice(["Klusbedrijf ", "Schildersbedrijf ", "Kapsalon ", "Administratiekantoor ", "Fietsenmaker "]) + p.surname(capital_tv=True)
    d.add("Handelsnaam: ", name, "\n")
    d.add("Datum oprichting: ", g.date(), "\nDatum inschrijving: ", g.date(), "\n")
    d.add("Vestigingsnummer: ", f"{r.randint(10 ** 11, 10 ** 12 - 1)}", "\n")
    d.add("Bezoekadres: ", g.address(), ", ", g.postcode(), " ", g.city(), "\n")
    d.add("Telefoon: ", g.phone(), "\n")
    d.add("SBI-code: ", str(r.randint(10000, 99999)), " - ", r.choice(["Schilderen en glaszetten", "Overige zakelijke dienstverlening", "Haarverzorging", "Loodgieters"]), "\n")
    d.add("Werkzame personen: ", str(r.randint(1, 40)), "\n\n")
    d.add(r.choice(["Eigenaar", "Bestuurder", "Enig aandeelhouder en bestuurder"]), "\n")
    d.add("Naam: ", ("PERSON", p.reversed() if r.random() < 0.5 else p.full()), "\n")
    d.add("Geboortedatum en -plaats: ", g.dob(1940, 2003), ", ", r.choice(CITIES + ["Paramaribo", "Ankara", "Casablanca", "Gdańsk"]), "\n")
    d.add("Datum in functie: ", g.date(), "\n")
    if r.random() < 0.4:
        d.add("\nGevolmachtigde: ", ("PERSON", g.person().with_initials()), ", KvK-nummer vestiging ", g.kvk(), "\n")
    d.add("\nExtract vervaardigd op ", g.date(), ". Dit uittreksel is ondertekend met een elektronische handtekening (versie ", g.version(), ").\n")
    return d


def t_police(g: Gen) -> Doc:
    r = g.r
    d = Doc("enforcement_report")
    s = g.person()
    o = g.person()
    d.add("PROCES-VERBAAL VAN BEVINDINGEN\n\nProces-verbaalnummer: ", g.case_no(), "\n\n")
    d.add("Ik, verbalisant ", ("PERSON", o.with_initials()), ", ", r.choice(["buitengewoon opsporingsambtenaar", "hoofdagent van politie"]),
          ", verklaar het volgende.\n\n")
    d.add("Op ", g.date(), " omstreeks ", f"{r.randint(0, 23):02d}.{r.randint(0, 59):02d}", " uur zag ik op de ", r.choice(STREETS + PERSON_STREETS),
          " te ", g.city(), " een personenauto met kenteken ", g.plate(), ". ")
    d.add("De bestuurder bleek te zijn: ", s.title() + " ", ("PERSON", s.full()), ", ", g.dob_phrase(1950, 2006), ", wonende ", g.address(), ", ", g.postcode(), " ", g.city(), ". ")
    d.add("Hij/zij legitimeerde zich met ", r.choice([["rijbewijs nummer ", g.driving_licence()], ["paspoort nr. ", g.passport()], ["identiteitskaart ", g.passport()]]), ". ")
    d.add(special_sentence(g, d, s, "CRIMINAL"), " ")
    if r.random() < 0.4:
        d.add(special_sentence(g, d, s, r.choice(["SPECIAL_HEALTH", "SPECIAL_BIOMETRIC"])), " ")
    d.add("Feit: overtreding van ", g.article(), ". Boete ", g.amount_small(), ".\n\n")
    if r.random() < 0.5:
        w = g.person()
        d.add("Getuige: ", w.any_form(), ", telefoon ", g.phone(), ".\n\n")
    d.add("Waarvan door mij is opgemaakt dit proces-verbaal, dat ik sloot en ondertekende op ", g.date(), ".\n", ("PERSON", o.with_initials()), "\n")
    return d


def t_ai_prompt(g: Gen) -> Doc:
    r = g.r
    d = Doc("ai_prompt")
    p = g.person()
    d.add(r.choice(["Vat deze e-mail samen in drie zinnen:\n\n", "Herschrijf dit in begrijpelijke taal (B1):\n\n",
                    "Schrijf een vriendelijk antwoord op deze klacht:\n\n", "Maak een besluit op basis van deze gegevens:\n\n",
                    "Can you translate this to English?\n\n", "Controleer of deze aanvraag compleet is:\n\n"]))
    # The special sentence records its category on a scratch document: the category is the
    # prompt's only when the sentence is among the bits the prompt keeps.
    special_doc = Doc("ai_prompt")
    bits = [["De aanvrager is ", p.any_form(), ", ", g.dob_phrase(), "."],
            ["Hij/zij woont op ", g.address(), " in ", g.city(), " (", g.postcode(), ")."],
            ["BSN ", g.bsn(), ", rekening ", g.iban(), "."],
            ["Contact: ", g.phone(), " of ", ("EMAIL", p.email()), "."],
            special_sentence(g, special_doc, p if r.random() < 0.5 else None),
            ["Er is eerder contact geweest over zaak ", g.case_no(), " en een bedrag van ", g.amount(), "."],
            ["Het voertuig (", g.plate(), ") staat op naam van ", g.person().any_form(), "."],
            ["Betaald met creditcard ", g.card()[0], ", vervaldatum ", f"{r.randint(1, 12):02d}/{r.randint(25, 30)}", "."],
            [r.choice(["Zij is zzp'er met KvK-nummer ", "Ingeschreven bij de Kamer van Koophandel onder ", "KvK "]), g.kvk(), "."],
            r.choice([["Paspoortnummer ", g.passport(), "."], ["Nummer ID-kaart: ", g.passport(), "."],
                      ["Rijbewijsnummer: ", g.driving_licence(), "."]])]
    special = bits[4]
    r.shuffle(bits)
    for b in bits[: r.randint(3, 6)]:
        d.add(b, " ")
        if b is special:
            d.cats |= special_doc.cats
    return d


def t_hr(g: Gen) -> Doc:
    r = g.r
    d = Doc("hr_note")
    e = g.person()
    m = g.person()
    d.add("Verzuimdossier - vertrouwelijk\n\nMedewerker: ", ("PERSON", e.full()), " (personeelsnummer ", str(r.randint(10000, 99999)), ")\n")
    d.add("Geboortedatum: ", g.dob(1958, 2004), "\nAfdeling: ", r.choice(["Burgerzaken", "Sociaal Domein", "ICT", "Stadsbeheer", "Belastingen"]), "\n")
    d.add("Leidinggevende: ", ("PERSON", m.with_initials()), "\n")
    d.add("Salaris wordt gestort op ", g.iban(), ".\n\n")
    d.add("Gesprek d.d. ", g.date(), ": ", special_sentence(g, d, e, "SPECIAL_HEALTH"), " ")
    if r.random() < 0.5:
        d.add(special_sentence(g, d, e, "SPECIAL_TRADE_UNION"), " ")
    d.add("De bedrijfsarts (", ("PERSON", g.person().with_initials()), ") adviseert een re-integratieplan volgens de Wet verbetering poortwachter. ")
    d.add("Volgende afspraak: ", g.date(), ".\n")
    if r.random() < 0.5:
        d.add("Privé bereikbaar: ", g.phone(), ", ", ("EMAIL", e.email()), ", ", g.address(), ", ", g.postcode(), " ", g.city(), ".\n")
    return d


def t_complaint(g: Gen) -> Doc:
    r = g.r
    d = Doc("nuisance_report")
    p = g.person()
    n = g.person()
    d.add("Melding overlast via het meldformulier\n\nMelder: ", p.any_form(), "\nAdres melder: ", g.address(), ", ", g.postcode(), " ", g.city(), "\n")
    d.add("Telefoon: ", g.phone(), "\nE-mail: ", ("EMAIL", p.email()), "\n\n")
    d.add("Omschrijving: ")
    d.add(r.choice(["Mijn buren ", "De bewoner van nummer " + str(r.randint(1, 90)) + ", ", "De buurman " if n.gender == "m" else "De buurvrouw "]), n.any_form(), ", ",
          r.choice(["maakt elke nacht herrie.", "zet de auto (", "laat de hond de hele dag blaffen."]))
    if d.parts[-1].endswith("("):
        d.add(g.plate(), ") steeds op de stoep.")
    d.add(" ", r.choice(["Ik heb dit al eerder gemeld op ", "Dit speelt al sinds "]), g.date(), ". ")
    if r.random() < 0.45:
        d.add(special_sentence(g, d, n, r.choice(["CRIMINAL", "SPECIAL_HEALTH", "SPECIAL_RELIGION", "SPECIAL_SEXUAL_ORIENTATION", "SPECIAL_ETHNICITY"])), " ")
    d.add("Het gaat om de hoek met de ", r.choice(PERSON_STREETS), ", bij ", g.org(), ".\n")
    d.add("Meldingsnummer: ", g.case_no(), "\n")
    return d


def t_benefit_letter(g: Gen) -> Doc:
    r = g.r
    d = Doc("benefit_letter")
    p = g.person()
    muni = r.choice(MUNIS)
    d.add("Gemeente ", muni, "\nAfdeling Werk en Inkomen\n\n")
    d.add(("PERSON", p.with_initials()), "\n", g.address(), "\n", g.postcode(), " ", g.city(), "\n\n")
    d.add("Datum: ", g.date(), "\nOns kenmerk: ", g.case_no(), "\nUw BSN: ", g.bsn(), "\n\n")
    d.add("Onderwerp: ", r.choice(["toekenning bijstandsuitkering", "terugvordering", "wijziging uitkering", "individuele inkomenstoeslag"]), "\n\n")
    d.add("Geachte ", "heer" if p.gender == "m" else "mevrouw", " ", ("PERSON", p.surname(capital_tv=True)), ",\n\n")
    d.add("Op ", g.date(), " heeft u een aanvraag gedaan. Wij hebben besloten u vanaf ", g.date(), " een uitkering toe te kennen van ", g.amount_small(), " per maand, op grond van ", g.article(), ". ")
    d.add("Wij maken het bedrag over op uw rekening ", g.iban("NL"), ". ")
    if r.random() < 0.4:
        d.add("De uitkering geldt ook voor uw partner ", g.person().any_form(), ", ", g.dob_phrase(1950, 2005), ". ")
    if r.random() < 0.3:
        d.add("Er is een vordering van ", g.amount(), " (vorderingsnummer ", g.nine_digits_invalid(), ") die wij verrekenen. ")
    d.add("\n\nHeeft u vragen? Bel ons via ", g.service_number(), " of uw klantmanager ", ("PERSON", g.person().full()), " op ", g.phone(), ".\n\n")
    d.add("Met vriendelijke groet,\n\n", ("PERSON", g.person().with_initials()), "\nteamleider Werk en Inkomen\n")
    return d


def t_payment_dispute(g: Gen) -> Doc:
    r = g.r
    d = Doc("payment_dispute")
    p = g.person()
    card, brand = g.card()
    d.add("Klantcontact ", g.case_no(), " (", g.date(), ")\n\n")
    d.add("Klant ", p.any_form(), " belt over een dubbele afschrijving voor de aanvraag van een ", r.choice(["rijbewijs", "paspoort", "uittreksel BRP", "parkeervergunning"]), ". ")
    d.add("Betaald met ", {"visa": "Visa", "mc": "Mastercard", "mc2": "Mastercard", "amex": "American Express", "maestro": "Maestro", "discover": "Discover", "jcb": "JCB", "diners": "Diners Club"}[brand],
          " ", r.choice(["kaartnummer ", "card ", "nr. "]), card, " op ", g.date(), ", bedrag ", g.amount_small(), ". ")
    d.add("Transactienummer ", g.sixteen_invalid(), ". ")
    d.add("Terugbetaling naar ", g.iban(), " ", r.choice(["t.n.v. ", "ten name van "]), ("PERSON", p.with_initials()), ". ")
    d.add("Klant is bereikbaar op ", g.phone(), ". Afgehandeld door ", ("PERSON", g.person().first), ".\n")
    return d


def t_minutes(g: Gen) -> Doc:
    r = g.r
    d = Doc("council_minutes")
    muni = r.choice(MUNIS)
    d.add("Verslag commissie Samenleving, gemeente ", muni, ", ", g.date(), "\n\n")
    d.add("Aanwezig: voorzitter ", ("PERSON", g.person().with_initials()), "; wethouder ", ("PERSON", g.person().with_initials()),
          "; griffier ", ("PERSON", g.person().full()), "\n\n")
    d.add("1. Opening en mededelingen\n", policy_paragraph(g, 2), "\n\n")
    d.add("2. Inspreker\n")
    ins = g.person()
    d.add(ins.any_form(), " spreekt in over ", r.choice(POLICY_TOPICS), ". ")
    if r.random() < 0.5:
        d.add(special_sentence(g, d, None), " ")
    d.add("Wethouder ", ("PERSON", g.person().surname(capital_tv=True)), " zegt toe schriftelijk te reageren vóór ", g.date(), ".\n\n")
    d.add("3. Raadsvoorstel ", r.choice(POLICY_TOPICS), " (", g.case_no(), ")\n", policy_paragraph(g, r.randint(3, 6)), "\n\n")
    d.add("4. Sluiting om ", f"{r.randint(21, 23)}.{r.randint(0, 59):02d}", " uur.\n")
    return d


def t_jeugd(g: Gen) -> Doc:
    r = g.r
    d = Doc("youth_care_note")
    child = g.person()
    child.child = True
    mother = g.person(origin=child.origin, gender="f")
    worker = g.person()
    d.add("Jeugdhulp - dossiernotitie\n\n")
    d.add("Jeugdige: ", ("PERSON", child.first + " " + child.surname()), ", ", g.dob_phrase(2008, 2022), "\n")
    d.add("Moeder: ", ("PERSON", mother.full()), ", tel. ", g.phone(), "\n")
    d.add("Adres: ", g.address(), ", ", g.postcode(), " ", g.city(), "\nBSN jeugdige: ", g.bsn(), "\n\n")
    d.add("Notitie ", g.date(), " door ", ("PERSON", worker.with_initials()), ":\n")
    d.add(special_sentence(g, d, child, "SPECIAL_HEALTH"), " ")
    if r.random() < 0.4:
        d.add("Moeder vertelt: ", special_sentence(g, d, None, r.choice(["SPECIAL_HEALTH", "CRIMINAL", "SPECIAL_RELIGION"])), " ")
    d.add(("PERSON", child.first), " gaat naar ", r.choice(["groep 6", "de brugklas", "het speciaal onderwijs", "de kinderopvang"]),
          " en heeft een goede band met juf ", ("PERSON", g.person(gender="f").first), ". ")
    d.add("Vervolg conform ", g.article(), ".\n")
    return d


def t_helpdesk(g: Gen) -> Doc:
    r = g.r
    d = Doc("helpdesk_ticket")
    p = g.person()
    d.add("Ticket #", str(r.randint(100000, 999999)), " | prioriteit ", r.choice(["laag", "normaal", "hoog"]), "\n")
    d.add("Melder: ", ("PERSON", p.full()), " <", ("EMAIL", p.email()), ">, tel. ", g.phone(), "\n\n")
    d.add("Ik kan niet inloggen op het portaal (", g.version(), "). Mijn IP-adres is ", g.ip(), " volgens whatismyip. ")
    d.add("Foutcode ", str(r.randint(400, 599)), ", request-id ", f"{r.getrandbits(64):016x}", ". ")
    if r.random() < 0.5:
        d.add("Het gaat om de laptop met serienummer ", "".join(r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(10)), ". ")
    if r.random() < 0.4:
        d.add("Mijn collega ", g.person().any_form(), " (", g.ip(), ") heeft hetzelfde probleem. ")
    d.add("\n\nOpgelost door ", ("PERSON", g.person().first), ": cache geleegd, ", g.version(), " opnieuw geïnstalleerd.\n")
    return d


PII_TEMPLATES = [
    (t_citizen_email, 14), (t_wmo_note, 9), (t_intake_form, 9), (t_bezwaar, 8),
    (lambda g: t_woo(g, True), 5), (lambda g: t_policy(g, True), 5), (t_parking, 6), (t_it_log, 6),
    (t_kvk, 6), (t_police, 5), (t_ai_prompt, 9), (t_hr, 4), (t_complaint, 5), (t_benefit_letter, 5),
    (t_payment_dispute, 6), (t_minutes, 3), (t_jeugd, 4), (t_helpdesk, 4),
]
FREE_TEMPLATES = [(lambda g: t_policy(g, False), 6), (lambda g: t_woo(g, False), 2), (t_faq, 2)]


# ---------------------------------------------------------------------------------------------
# Self-check and driver
# ---------------------------------------------------------------------------------------------


def check(doc: dict) -> None:
    text = doc["text"]
    prev_end = -1
    for s in doc["spans"]:
        assert text[s["start"]:s["end"]] == s["text"], (doc["id"], s)
        assert s["start"] >= prev_end, (doc["id"], "overlap", s)
        assert s["text"] == s["text"].strip() and s["text"], (doc["id"], "whitespace", s)
        prev_end = s["end"]
        if s["type"] == "BSN":
            assert elfproef(s["text"]), s
        elif s["type"] == "IBAN":
            assert iban_ok(s["text"]), s
        elif s["type"] == "PAYMENT_CARD":
            assert luhn_ok(s["text"]), s


def make_doc(rng: random.Random, i: int, seed: int, free_share: float) -> dict:
    g = Gen(rng)
    # exactly `free_share` of the documents are PII-free, spread evenly over the file
    if int((i + 1) * free_share) != int(i * free_share):
        fn = rng.choices([f for f, _ in FREE_TEMPLATES], [w for _, w in FREE_TEMPLATES])[0]
    else:
        fn = rng.choices([f for f, _ in PII_TEMPLATES], [w for _, w in PII_TEMPLATES])[0]
    d = fn(g)
    text = d.text()
    spans = sorted(d.spans, key=lambda s: s["start"])
    doc = {"id": f"gen-{seed}-{i:06d}", "text": text, "template": d.template, "spans": spans,
           "categories": sorted(d.cats)}
    check(doc)
    return doc


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    size = ap.add_mutually_exclusive_group()
    size.add_argument("--docs", type=int, help="number of documents (default 500)")
    size.add_argument("--mb", type=float, help="generate until the texts total this many MB (10^6 UTF-8 bytes)")
    ap.add_argument("--free-share", type=float, default=0.2, help="share of PII-free policy documents (default 0.2)")
    ap.add_argument("--text-only", action="store_true", help="write only id and text (the input for the systems under test)")
    ap.add_argument("--out", default="-", help="output file (default stdout)")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")
    n_docs = args.docs if args.docs is not None else (None if args.mb is not None else 500)
    limit = int(args.mb * 1e6) if args.mb is not None else None
    total, i = 0, 0
    try:
        while (n_docs is not None and i < n_docs) or (limit is not None and total < limit):
            doc = make_doc(rng, i, args.seed, args.free_share)
            total += len(doc["text"].encode("utf-8"))
            if args.text_only:
                doc = {"id": doc["id"], "text": doc["text"]}
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
            i += 1
    finally:
        if out is not sys.stdout:
            out.close()
    print(json.dumps({"docs": i, "text_bytes": total, "seed": args.seed}), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
