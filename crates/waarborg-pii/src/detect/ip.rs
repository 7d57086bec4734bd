//! IP_ADDRESS — IPv4 and IPv6 addresses.
//!
//! **What it finds:** dotted-quad IPv4 (each octet ≤ 255, no leading zeros) and IPv6 in full or
//! compressed form (validated by the standard library's parser).
//!
//! **Why it is personal data:** the CJEU (Breyer, C-582/14) holds that an IP address is personal
//! data when the controller can link it to a subscriber.
//!
//! **Hard negatives:** version numbers (`versie 1.2.3.4`), section numbers (`1.2.3.4.5`, BIO
//! controls `maatregel 12.4.1.1`, `hoofdstuk 4.1.2.3 en 4.1.2.4`), numbers of four small parts
//! away from words of networks and computers (`dossiernummer 12.34.56.78`), times
//! (`10:30:00`), and addresses that name no one device: the loopback and unspecified addresses
//! (`127.0.0.1`, `0.0.0.0`, `::1`, `::`), subnet masks
//! (`255.255.255.0`), and after a word of a network or range its own and broadcast addresses
//! (`het netwerk 10.20.0.0`, `bereik … tot 192.168.1.255`), as ranges are not marked either
//! (`185.94.113.0/24`).

use super::{Hit, PatternRule};
use crate::entity::EntityType;
use crate::text::Text;
use std::net::Ipv6Addr;
use std::ops::Range;

pub(crate) const RULES: &[PatternRule] = &[
    PatternRule {
        entity: EntityType::IpAddress,
        name: "ipv4",
        pattern: r"(?-u:\b)[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}(?-u:\b)",
        check: check_v4,
    },
];

/// Finds IPv6 addresses from their `::`/`:` separators (memchr), outside the shared automaton:
/// a pattern starting with any hex letter would keep the automaton busy on every `a`–`f`.
pub(crate) fn scan_v6(t: &Text<'_>, out: &mut Vec<super::patterns::PatternHit>) {
    let b = t.bytes;
    let mut next_free = 0;
    for colon in memchr::memchr_iter(b':', b) {
        if colon < next_free {
            continue;
        }
        // Grow over hex digits and colons both ways.
        let is_v6 = |c: u8| c.is_ascii_hexdigit() || c == b':';
        let mut start = colon;
        while start > 0 && is_v6(b[start - 1]) && colon - start < 40 {
            start -= 1;
        }
        let mut end = colon + 1;
        while end < b.len() && is_v6(b[end]) && end - start < 45 {
            end += 1;
        }
        // Trailing colons belong to the sentence (`adres fe80::1:`).
        while end > colon + 1 && b[end - 1] == b':' && !b[..end].ends_with(b"::") {
            end -= 1;
        }
        if end - start < 3 {
            continue;
        }
        if let Some(hit) = check_v6(t, start..end) {
            next_free = hit.range.end;
            out.push(super::patterns::PatternHit {
                entity: EntityType::IpAddress,
                detector: "ipv6",
                hit,
                labelled: false,
            });
        } else {
            next_free = end;
        }
    }
}

/// Words of a software update, before the version it brings.
const UPDATE_WORDS: &[&str] = &["update", "upgrade", "patch", "hotfix"];

/// Words of a rollback, before `naar` and the version (`teruggedraaid naar 2.4.1.9`; not `Na de
/// rollback logde hij in van 84.241.198.23`).
const ROLLBACK_WORDS: &[&str] = &["teruggedraaid", "downgrade", "rollback", "teruggezet"];

fn check_v4(t: &Text<'_>, m: Range<usize>) -> Option<Hit> {
    let raw = &t.bytes[m.clone()];
    let octets = parse_v4(raw)?;
    if !names_one_device(octets) {
        return None;
    }
    // `het netwerk 10.20.0.0`, `IP-bereik 185.94.113.0 tot 185.94.113.255`: a network's own or
    // broadcast address after a word of a network or range (elsewhere `x.y.z.0` and `x.y.z.255`
    // may be hosts of a larger network).
    if matches!(octets[3], 0 | 255) && t.before_has(m.start, 48, &["netwerk", "subnet", "bereik", "range", "reeks", "broadcast", "segment"]) {
        return None;
    }
    if !t.left_boundary(m.start) || !t.right_boundary(m.end) {
        return None;
    }
    // Part of a longer dotted sequence (section 1.2.3.4.5) or a version string.
    if matches!(t.char_before(m.start), Some('.')) {
        return None;
    }
    // A version joined to its product's or folder's name (`Chrome/126.0.0.0`,
    // `zaaknet-7.2.4.118.tar.gz`, `/opt/subsidie/3.4.2.11/lib`; not `http://10.0.0.5/`).
    if m.start >= 2 && t.bytes[m.start - 2].is_ascii_alphabetic() && joined_to_a_name(t.bytes, m.clone()) {
        return None;
    }
    if let (Some(b'.'), Some(d)) = t.peek2(m.end) {
        if d.is_ascii_digit() {
            return None;
        }
    }
    // `185.94.113.0/24`: a network (CIDR, its host part zero), not one device's address
    // (`10.0.0.5/24` is one).
    if let (Some(b'/'), Some(d)) = t.peek2(m.end) {
        if d.is_ascii_digit() && raw.ends_with(b".0") {
            return None;
        }
    }
    // A cell under `Firmware`, `Versie`, `Kostenplaats`: a version or a ledger code. Under
    // `Gateway`, `Broadcast`, `DHCP-pool`, `Server`: a part of the network, no one's device.
    if super::cell_header(t, m.clone()).is_some_and(|h| {
        ["firmware", "versie", "version", "release", "build", "kostenplaats", "grootboek", "code"].iter().any(|w| h.contains(w))
            || ["gateway", "broadcast"].iter().any(|w| h.contains(w))
    }) {
        return None;
    }
    // `DNS-server 10.20.100.53`, `default gateway 192.168.1.1`: a part of the network.
    if infrastructure_before(t, m.start) || no_ones_device_here(t, m.clone()) {
        return None;
    }
    // `DHCP-bereik 10.20.10.50 – 10.20.11.250`, `node-cp01 t/m node-cp03 (10.60.1.11 –
    // 10.60.1.13)`: a range of addresses names no one device, as `185.94.113.0/24` does not.
    if in_a_range(t.bytes, m.clone(), octets) {
        return None;
    }
    // `Cisco Secure Client 5.1.2.42`, `| AOS 8.10.0.9 |`: a product's version, after its
    // capitalised name (`vanaf 5.1.2.42` stays an address).
    if version_shaped(octets) && product_name_before(t.bytes, m.start) {
        return None;
    }
    let label = t.label_before(m.start, 16);
    if label.ends_with(b"v")
        || crate::text::ends_with_word(label, &["versie", "version", "release", "build", "firmware", "v.", "plugin", "plug-in", "add-in", "module", "extensie", "extension"])
        || t.before_has(m.start, 20, &["versie", "version", "firmware", "release"])
        // `update naar 4.2.1.7`, `patch 8.2.2.1`, `upgrade van 7.1.0.2 naar 7.2.0.0`: right after
        // the word of a software update, or after its `naar`/`van` (not `Na de update kreeg
        // 10.0.0.5 …`).
        || crate::text::ends_with_word(label, UPDATE_WORDS)
        || (crate::text::ends_with_word(label, &["naar", "van", "to", "from"]) && t.before_has(m.start, 40, UPDATE_WORDS))
        || (crate::text::ends_with_word(label, &["naar", "to"]) && t.before_has(m.start, 40, ROLLBACK_WORDS))
        // `bijgewerkt van 16.1.4 naar 17.1.1.3`: from a version to the next.
        || (crate::text::ends_with_word(label, &["naar", "to"]) && version_before(t.label_before(m.start, 32)))
    {
        return None;
    }
    // `paragraaf 3.1.2.4`, `artikel 2.3.1.1`, `bijlage 1.2.3.4`: a section number of small parts.
    // Also a control of the government's security baseline (`BIO-maatregel 12.4.1.1`), and the
    // next ones of a list of them (`hoofdstuk 4.1.2.3 en 4.1.2.4`).
    let small = small_parts(raw);
    if small && (is_section_number(t, m.start) || heading_number(t.bytes, m.clone())) {
        return None;
    }
    // `dossiernummer 12.34.56.78`, `programma 1.2.1.1`, `perceel 12.3.45.6`: a number of four
    // small parts is an address only among words of networks and computers (`vanaf 10.0.0.5
    // ingelogd`); one with a part of three digits (`192.168.1.23`) is one anywhere.
    if small && !among_network_words(t, m.clone()) && !after_a_host_name(t.bytes, m.start) {
        return None;
    }
    Some(Hit::new(m, 0.9))
}

/// Whether the number `m` is joined to the name before it as a version: after `-` or `_`
/// (`zaaknet-7.2.4.118`), or after `/` as a folder's name (`/opt/app/3.4.2.11/lib`) or after a
/// product's capitalised name (`Chrome/126.0.0.0`); not a host's or user's name before an
/// address (`WS-KEES/10.8.14.77`, `user=kees/84.241.198.23`, `inside/10.8.14.77`).
fn joined_to_a_name(b: &[u8], m: Range<usize>) -> bool {
    match b[m.start - 1] {
        b'-' | b'_' => true,
        b'/' => {
            let word_start = b[..m.start - 1].iter().rposition(|c| !c.is_ascii_alphanumeric()).map_or(0, |p| p + 1);
            let word = &b[word_start..m.start - 1];
            b.get(m.end) == Some(&b'/')
                || (word.len() >= 3 && word[0].is_ascii_uppercase() && word[1..].iter().all(u8::is_ascii_lowercase))
        }
        _ => false,
    }
}

/// Whether the number `m` starts a line and a capitalised word follows it: a numbered
/// paragraph or control (`12.4.1.1 Een logregel bevat ...`).
fn heading_number(b: &[u8], m: Range<usize>) -> bool {
    let line_start = m.start == 0 || b[m.start - 1] == b'\n';
    // (A paragraph's or control's parts are small: `12.4.1.1`, not `10.8.14.77 Kees Jansen`.)
    let small = b[m.clone()].split(|&c| c == b'.').all(|p| p.iter().fold(0u32, |a, &d| a * 10 + u32::from(d - b'0')) <= 20);
    small && line_start && b.get(m.end) == Some(&b' ') && b.get(m.end + 1).is_some_and(u8::is_ascii_uppercase)
}

/// Whether `label` (the text before `naar`/`to`) ends in `van <version> naar` (`van 16.1.4
/// naar`): a version of two or three dotted parts before the word.
fn version_before(label: &[u8]) -> bool {
    let head = label[..label.len() - label.iter().rev().take_while(|c| c.is_ascii_alphabetic()).count()].trim_ascii_end();
    let version_len = head.iter().rev().take_while(|c| c.is_ascii_digit() || **c == b'.').count();
    let version = &head[head.len() - version_len..];
    let dots = version.iter().filter(|&&c| c == b'.').count();
    (1..=2).contains(&dots) && version.first().is_some_and(u8::is_ascii_digit) && {
        let rest = head[..head.len() - version_len].trim_ascii_end();
        rest.ends_with(b" van") || rest.ends_with(b" from")
    }
}

/// Words before a section, step or control number (`paragraaf 3.1.2.4`, `stap 3.4.5.6`).
const SECTION_WORDS: &[&str] = &[
    "paragraaf", "paragrafen", "par", "hoofdstuk", "hoofdstukken", "artikel", "artikelen", "art", "bijlage",
    "bijlagen", "sectie", "secties", "section", "sections", "punt", "punten", "figuur", "figuren", "tabel",
    "tabellen", "lid", "leden", "onderdeel", "onderdelen", "§", "bio", "maatregel", "maatregelen", "control",
    "controls", "norm", "normen", "eis", "eisen", "requirement", "requirements", "stap", "stappen", "clausule",
    "clause", "criterium", "criteria",
];

/// Whether every part of the dotted number `raw` has at most two digits (`3.1.2.4`, not
/// `192.168.1.4`).
fn small_parts(raw: &[u8]) -> bool {
    raw.split(|&c| c == b'.').all(|o| o.len() <= 2)
}

/// Whether the dotted number at `start`, all of whose parts are small, follows a word of a
/// section, or is one of a list of such four-part numbers that does (`paragrafen 3.1.1.1,
/// 3.1.1.2 en 3.1.1.3`). The list's first number decides: `DNS 1.1.1.1 en 8.8.8.8` are addresses.
fn is_section_number(t: &Text<'_>, mut start: usize) -> bool {
    /// How many numbers back a list is followed to its first.
    const LIST: usize = 8;
    let b = t.bytes;
    for _ in 0..LIST {
        if crate::text::ends_with_word(t.label_before(start, 16), SECTION_WORDS) {
            return true;
        }
        // The number before, across `,`, `;`, `-`, `en`, `of`, `t/m`, `tot`, `and`, `or`, `to`.
        let Some((from, previous)) = previous_in_list(b, start, b" ,-;", &[b"en", b"of", b"t/m", b"tot", b"and", b"or", b"to"]) else {
            return false;
        };
        // A number of the same depth: `4.1.2.3 en 4.1.2.4`, not `3.1.2 en 10.0.12.7`.
        let numbered = previous.iter().filter(|&&c| c == b'.').count() == 3
            && previous.first().is_some_and(u8::is_ascii_digit)
            && previous.last().is_some_and(u8::is_ascii_digit)
            && small_parts(previous);
        if !numbered {
            return false;
        }
        start = from;
    }
    false
}

/// The dotted number that stands before `start` in a list, across `separators` and one of
/// `joiners` (a word between spaces: `en`, `of`): its start and its bytes. `None` where no
/// digit or dot ends the list's gap, or the gap is longer than six bytes.
fn previous_in_list<'a>(b: &'a [u8], start: usize, separators: &[u8], joiners: &[&[u8]]) -> Option<(usize, &'a [u8])> {
    let mut end = start;
    while end > 0 && separators.contains(&b[end - 1]) {
        end -= 1;
    }
    for joiner in joiners {
        if b[..end].ends_with(joiner) && end > joiner.len() && b[end - joiner.len() - 1] == b' ' {
            end -= joiner.len() + 1;
            while end > 0 && matches!(b[end - 1], b' ' | b',') {
                end -= 1;
            }
            break;
        }
    }
    if end == start || start - end > 6 {
        return None;
    }
    let mut from = end;
    while from > 0 && (b[from - 1].is_ascii_digit() || b[from - 1] == b'.') {
        from -= 1;
    }
    Some((from, &b[from..end]))
}

/// Words for a part of an organisation's network, right before its address: the address is
/// no one's device (`DNS-server 10.20.100.53`, `default gateway 192.168.1.1`). Found at the end
/// of a compound too (`mailserver`, `VPN-gateway`). Not a router (a home router's address is
/// a household's), a proxy or a `VIP` (`via de proxy` and `VIP` name people's traffic too).
const INFRASTRUCTURE_ENDINGS: &[&str] = &[
    "server", "servers", "gateway", "resolver", "resolvers", "loadbalancer", "load balancer", "relay", "controller",
    "controllers", "clusterip", "collector", "jump box", "jumpbox", "jump host", "jumphost", "bastion", "-vip",
];

/// The same, as whole words only (`dns` is in `addns`).
const INFRASTRUCTURE_WORDS: &[&str] = &["dns", "ntp", "beheeradres", "management ip"];

/// Those of them that name several parts: a list after them is theirs (`DNS-resolvers:
/// 10.20.100.53 en 10.20.100.54`; not `de gateway 10.20.0.1 en 10.20.0.57`).
const INFRASTRUCTURE_PLURALS: &[&str] = &["servers", "resolvers", "controllers", "dns", "ntp"];

/// Whether `label` ends in a word of [`INFRASTRUCTURE_ENDINGS`] or [`INFRASTRUCTURE_WORDS`]
/// (not a DHCP server's: `kreeg van de DHCP-server 10.8.14.77`, a lease).
fn names_a_network_part(label: &[u8]) -> bool {
    (INFRASTRUCTURE_ENDINGS.iter().any(|w| ends_with_ignore_case(label, w)) || crate::text::ends_with_word(label, INFRASTRUCTURE_WORDS))
        && !["dhcp-server", "dhcp server", "dhcpserver"].iter().any(|w| ends_with_ignore_case(label, w))
}

/// Whether `label` ends in `word`, ASCII case-insensitively, inside a compound too.
fn ends_with_ignore_case(label: &[u8], word: &str) -> bool {
    label.len() >= word.len() && label[label.len() - word.len()..].eq_ignore_ascii_case(word.as_bytes())
}

/// `text` before an address at `start` if that address stands in apposition to it: after one
/// space, `(` or ` (` (`de DNS-server 10.20.100.53`, `de mailserver (10.2.3.4)`), or after a colon
/// when the words before the colon are the line's label (`NTP: 10.20.100.123`, `- Default
/// gateway: 10.1.1.1`; not `Foutmelding van de server: 84.241.198.23`).
fn apposition_before(b: &[u8], start: usize) -> Option<&[u8]> {
    let head = &b[..start];
    for gap in [&b" ("[..], b"(", b" "] {
        if let Some(rest) = head.strip_suffix(gap) {
            if !rest.ends_with(b" ") && !rest.ends_with(b":") && !rest.ends_with(b".") && !rest.ends_with(b",") {
                return Some(rest);
            }
        }
    }
    let rest = head.strip_suffix(b": ").or_else(|| head.strip_suffix(b":"))?;
    let line = &rest[memchr::memrchr(b'\n', rest).map_or(0, |p| p + 1)..];
    // (Or the sentence's, in a paragraph: `… (CVE-2024-26305). Controllers: 10.20.250.31`.)
    let line = &line[memchr::memmem::rfind(line, b". ").map_or(0, |p| p + 2)..];
    let line = line.trim_ascii_start();
    let line = line.strip_prefix(b"- ").or_else(|| line.strip_prefix(b"* ")).unwrap_or(line);
    // (Up to four words without an article or a preposition: `Syslog en SIEM-collector: …`.)
    let words = || line.split(|&c| c == b' ').filter(|w| !w.is_empty());
    let plain = || words().all(|w| !LABEL_LINKS.iter().any(|l| w.eq_ignore_ascii_case(l.as_bytes())));
    (words().count() <= 2 || (words().count() <= 4 && plain())).then_some(rest)
}

/// Articles and prepositions: a line's label with one of them is a sentence (`Foutmelding van
/// de server: 84.241.198.23`), whose last word need not name the address.
const LABEL_LINKS: &[&str] = &[
    "de", "het", "een", "van", "naar", "door", "op", "bij", "met", "via", "vanaf", "the", "a", "an", "of", "from", "to", "by", "on", "at",
];

/// Whether a host's name and `(` stand right before `start` (`werkplek WS-HH-0219 (10.20.44.61)`):
/// a name with letters, digits and a hyphen, as machines are named.
fn after_a_host_name(b: &[u8], start: usize) -> bool {
    let Some(head) = b[..start].strip_suffix(b"(") else {
        return false;
    };
    let head = head.trim_ascii_end();
    let host = &head[head.iter().rposition(|&c| c == b' ').map_or(0, |p| p + 1)..];
    host.len() >= 4
        && host.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
        && host.contains(&b'-')
        && host.iter().any(u8::is_ascii_digit)
        && host.iter().any(u8::is_ascii_alphabetic)
}

/// `label` without the host name in front of `(`: `de fileserver FS-TB-02` gives `de
/// fileserver`. A host name has a digit or a hyphen (not a user's name: `de server k.jansen`).
fn without_host_name(label: &[u8]) -> Option<&[u8]> {
    let start = label.iter().rposition(|&c| c == b' ').map_or(0, |p| p + 1);
    let host = &label[start..];
    let host_like = host.len() >= 3
        && host.iter().all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.' | b'_'))
        && host.iter().any(|c| c.is_ascii_digit() || *c == b'-');
    let rest = label[..start].trim_ascii_end();
    (host_like && !rest.is_empty()).then_some(rest)
}

/// Whether the address at `start` is a part of a network's, named right before it, or the next
/// of a list whose first is and whose word names several (`DNS-resolvers: 10.20.100.53 en
/// 10.20.100.54`).
fn infrastructure_before(t: &Text<'_>, mut start: usize) -> bool {
    const LIST: usize = 8;
    let b = t.bytes;
    let mut first = true;
    for _ in 0..LIST {
        if let Some(label) = apposition_before(b, start) {
            let label = &label[label.len().saturating_sub(48)..];
            let bracket = b[..start].ends_with(b"(");
            let named = names_a_network_part(label) || (bracket && without_host_name(label).is_some_and(names_a_network_part));
            if named {
                return first || INFRASTRUCTURE_PLURALS.iter().any(|w| ends_with_ignore_case(label, w));
            }
        }
        first = false;
        // The address before, across `,`, `en`, `of`, `and`, `or`.
        let Some((from, previous)) = previous_in_list(b, start, b" ,", &[b"en", b"of", b"and", b"or"]) else {
            return false;
        };
        if previous.iter().filter(|&&c| c == b'.').count() != 3 || !previous.first().is_some_and(u8::is_ascii_digit) {
            return false;
        }
        start = from;
    }
    false
}

/// Whether what stands beside the address at `m` says it is no one's device: an example
/// (`(voorbeeld: 192.0.2.44`; after `bijvoorbeeld` or `zoals` only an address reserved for
/// documentation, `zoals 198.51.100.25`, since `adressen zoals 84.241.198.23` may be real ones)
/// or a server named beside it
/// ([`server_named_beside`]). (Not a firewall log's `dst=`: the guide marks what is not named
/// a server, and one writer marked it.)
fn no_ones_device_here(t: &Text<'_>, m: Range<usize>) -> bool {
    let label = t.label_before(m.start, 24);
    crate::text::ends_with_word(label, &["voorbeeld", "example"])
        || (crate::text::ends_with_word(label, &["bijvoorbeeld", "bijv", "zoals", "e.g", "such as"]) && documentation_address(&t.str[m.clone()]))
        || server_named_beside(t.bytes, m)
}

/// Whether `address` lies in a range reserved for documentation (RFC 5737: `192.0.2.0/24`,
/// `198.51.100.0/24`, `203.0.113.0/24`; RFC 3849: `2001:db8::/32`).
fn documentation_address(address: &str) -> bool {
    match address.parse::<std::net::IpAddr>() {
        Ok(std::net::IpAddr::V4(a)) => matches!(a.octets(), [192, 0, 2, _] | [198, 51, 100, _] | [203, 0, 113, _]),
        Ok(std::net::IpAddr::V6(a)) => a.segments()[..2] == [0x2001, 0x0db8],
        Err(_) => false,
    }
}

/// Parts of the names of servers and network devices (`core-sw-01`, `tst-db-02`, `node-w04`,
/// `mailer-srv44`), compared without their digits.
const SERVER_NAME_PARTS: &[&str] = &[
    "srv", "server", "sw", "switch", "core", "rtr", "fw", "firewall", "db", "sql", "node", "dc", "ns", "dns", "mx",
    "mail", "mailer", "smtp", "imap", "web", "www", "app", "api", "lb", "proxy", "nas", "san", "esx", "esxi", "hv",
    "k8s", "kube", "master", "gw", "gateway", "vpn", "sftp", "ftp", "backup", "bck", "siem", "syslog", "ntp", "ldap",
    "dmz", "fs", "sharepoint", "exchange", "citrix", "portal", "ingress", "cp", "ctrl", "wlc", "scanner", "jump",
];

/// Parts of the names of workstations and people's devices (`WS-KEES`, `LT-0412`,
/// `laptop-kees.gemeente.local`): such a machine is a person's.
const WORKSTATION_NAME_PARTS: &[&str] = &[
    "ws", "pc", "lt", "nb", "wp", "werkplek", "desktop", "laptop", "notebook", "vdi", "client", "thuis", "home",
    "iphone", "ipad", "android", "galaxy", "macbook", "tablet", "telefoon", "phone",
];

/// Parts of the names an internet provider gives its subscribers' connections
/// (`ip-83-84-12-4.dynamic.kpn.net`): such a name is a household's, not a server's.
const SUBSCRIBER_NAME_PARTS: &[&str] = &[
    "dynamic", "dyn", "dsl", "adsl", "vdsl", "cable", "pool", "customer", "cust", "dhcp", "ppp", "pppoe", "fiber",
    "fibre", "ftth", "static", "broadband", "residential", "mobile", "ip",
];

/// Whether `name` is a server's: a domain name (`sftp.waterland-oost.nl`, `www.noordveen.nl`)
/// or a machine's name with a server's part (`core-sw-01`, `mailer-srv44`), and no part of a
/// workstation's or a subscriber's connection.
fn is_a_servers_name(name: &[u8]) -> bool {
    if name.len() < 3 || !name.iter().all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.' | b'_')) || !name[0].is_ascii_alphabetic() {
        return false;
    }
    let lower = name.to_ascii_lowercase();
    let parts: Vec<&[u8]> = lower.split(|c| matches!(c, b'-' | b'.' | b'_')).filter(|p| !p.is_empty()).collect();
    let bare = |p: &[u8]| -> Vec<u8> { p.iter().copied().filter(|c| !c.is_ascii_digit()).collect() };
    let any_of = |list: &[&str]| parts.iter().any(|p| list.contains(&std::str::from_utf8(&bare(p)).unwrap_or("")));
    if any_of(WORKSTATION_NAME_PARTS) || any_of(SUBSCRIBER_NAME_PARTS) {
        return false;
    }
    // (A domain: two labels or more, the last of letters only; a provider's name of a
    // connection carries its address's numbers, `83-84-12-4`.)
    let numeric = parts.iter().filter(|p| p.iter().all(u8::is_ascii_digit)).count();
    // (A known top-level domain: `a.ozturk` is a user's name.)
    let domain = lower.contains(&b'.')
        && parts.len() >= 2
        && parts[0].len() >= 2
        && parts.last().is_some_and(|tld| std::str::from_utf8(tld).is_ok_and(|tld| TOP_LEVEL_DOMAINS.contains(&tld)));
    (domain && numeric < 2) || (!lower.contains(&b'.') && lower.contains(&b'-') && any_of(SERVER_NAME_PARTS))
}

/// Top-level domains of the servers a Dutch organisation's documents name, and the suffixes
/// of internal networks.
const TOP_LEVEL_DOMAINS: &[&str] = &[
    "nl", "com", "net", "org", "eu", "be", "de", "fr", "uk", "lu", "io", "info", "biz", "gov", "edu", "int", "ru", "cn",
    "frl", "amsterdam", "app", "cloud", "dev", "online", "local", "lan", "intern", "internal", "corp", "intra", "localdomain",
];

/// Whether a server's name stands in apposition to the address at `m`: `vpn.gemeente.nl
/// (145.21.190.4)`, `(sftp.waterland-oost.nl, 145.12.88.20)`, `core-sw-01 (10.20.250.11)`,
/// `Host: 10.50.2.31 (tst-db-02)`; not a workstation's (`WS-HH-0219 (10.20.44.61)`).
fn server_named_beside(b: &[u8], m: Range<usize>) -> bool {
    let head = &b[..m.start];
    let before = head.strip_suffix(b"(").map(<[u8]>::trim_ascii_end).or_else(|| {
        // `(name, address`: the name opens the bracket.
        let rest = head.strip_suffix(b", ")?;
        let open = rest.iter().rposition(|&c| c == b'(')?;
        (rest.len() - open <= 64 && !rest[open + 1..].contains(&b' ')).then_some(rest)
    });
    if let Some(before) = before {
        let name = &before[before.iter().rposition(|&c| matches!(c, b' ' | b'(' | b'\n' | b'\t')).map_or(0, |p| p + 1)..];
        if is_a_servers_name(name) {
            return true;
        }
    }
    let tail = &b[m.end..];
    let Some(inner) = tail.strip_prefix(b" (").or_else(|| tail.strip_prefix(b"(")) else {
        return false;
    };
    let close = inner.iter().take(64).position(|&c| matches!(c, b')' | b',' | b' ' | b'\n'));
    close.is_some_and(|close| is_a_servers_name(&inner[..close]))
}

/// Whether the IPv4 address at `m` is the start or end of a range of addresses of one network
/// (`10.20.10.50 – 10.20.11.250`, `10.60.1.11 t/m 10.60.1.13`): the other end shares its first
/// two parts.
fn in_a_range(b: &[u8], m: Range<usize>, octets: [u8; 4]) -> bool {
    // (Not `to`: `from 10.8.14.77 to 10.8.20.5` is a connection between two devices.)
    const JOINERS: &[&[u8]] = &["–".as_bytes(), "—".as_bytes(), b"-", b"t/m", b"tot en met", b"tot"];
    let same_network = |other: Option<[u8; 4]>| other.is_some_and(|o| o[..2] == octets[..2]);
    // After: `address – other`.
    let tail = b[m.end..].trim_ascii_start();
    let after = JOINERS.iter().find_map(|j| tail.strip_prefix(*j)).map(<[u8]>::trim_ascii_start);
    if after.is_some_and(|rest| same_network(ipv4_prefix(rest))) {
        return true;
    }
    // Before: `other – address`.
    let head = b[..m.start].trim_ascii_end();
    let before = JOINERS.iter().find_map(|j| head.strip_suffix(*j)).map(<[u8]>::trim_ascii_end);
    before.is_some_and(|rest| same_network(ipv4_suffix(rest)))
}

/// The IPv4 address that starts `b`, if one does (and no digit or dot continues it).
fn ipv4_prefix(b: &[u8]) -> Option<[u8; 4]> {
    let len = b.iter().take(16).take_while(|c| c.is_ascii_digit() || **c == b'.').count();
    let len = if len > 0 && b[len - 1] == b'.' { len - 1 } else { len };
    parse_v4(&b[..len])
}

/// The IPv4 address that ends `b`, if one does.
fn ipv4_suffix(b: &[u8]) -> Option<[u8; 4]> {
    let len = b.iter().rev().take(16).take_while(|c| c.is_ascii_digit() || **c == b'.').count();
    parse_v4(&b[b.len() - len..])
}

/// `a.b.c.d`, each part at most 255 without a leading zero.
fn parse_v4(s: &[u8]) -> Option<[u8; 4]> {
    let mut octets = [0u8; 4];
    let mut n = 0;
    for part in s.split(|&c| c == b'.') {
        if n == 4 || part.is_empty() || part.len() > 3 || (part.len() > 1 && part[0] == b'0') {
            return None;
        }
        octets[n] = u8::try_from(part.iter().fold(0u32, |a, &d| a * 10 + u32::from(d - b'0'))).ok()?;
        n += 1;
    }
    (n == 4).then_some(octets)
}

/// Whether an IPv4-shaped number looks like a version: outside the private `10.` range, its
/// first three parts at most 20 (`5.1.2.42`, `8.10.0.9`; no address of the sets' gold is so).
fn version_shaped(octets: [u8; 4]) -> bool {
    octets[0] != 10 && octets[..3].iter().all(|&o| o <= 20)
}

/// Whether a product's name stands right before `start`: an acronym (`AOS 8.10.0.9`) or two
/// capitalised words (`Secure Client 5.1.2.42`), none of them a listed given name or surname
/// (`Jan Jansen 5.1.2.42` is a person and an address; `Aanvaller 5.1.2.42` one word).
fn product_name_before(b: &[u8], start: usize) -> bool {
    let word_before = |end: usize| -> Option<&[u8]> {
        let head = b[..end].strip_suffix(b" ")?;
        let word = &head[head.iter().rposition(|c| !c.is_ascii_alphanumeric()).map_or(0, |p| p + 1)..];
        let capitalised = word.len() >= 2 && word[0].is_ascii_uppercase() && word.iter().all(u8::is_ascii_alphabetic);
        let name = std::str::from_utf8(word).is_ok_and(|w| crate::lexicon::flags(w) & (crate::lexicon::FIRST | crate::lexicon::SURNAME) != 0);
        (capitalised && !name).then_some(word)
    };
    let Some(word) = word_before(start) else {
        return false;
    };
    if ["ip", "ipv4", "adres", "address", "host", "src", "dst", "bron", "source"].iter().any(|w| word.eq_ignore_ascii_case(w.as_bytes())) {
        return false;
    }
    let acronym = word.iter().all(u8::is_ascii_uppercase);
    acronym || word_before(start - 1 - word.len()).is_some()
}

/// Words of networks and computers, found inside longer words too (`mailserver`,
/// `bedrijfsnetwerk`, `ingelogd`).
const NETWORK_WORDS: &[&str] = &[
    "ipv4", "server", "netwerk", "network", "firewall", "router", "gateway", "proxy", "inlog", "ingelogd",
    "login", "logging", "logbestand", "loggen", "subnet", "dhcp", "traceroute", "malware", "ransomware",
    "phishing", "whitelist", "allowlist", "blocklist", "blacklist", "hostname",
];

/// Words of networks and computers found only at a word's start (`printerstoring`, not
/// `verstoring`; `websitebezoeker`, not `clientnummer`).
const NETWORK_WORD_STARTS: &[&str] = &[
    "ip-", "verbinding", "connect", "printer", "laptop", "computer", "device", "website", "bezoeker", "aanval",
    "geblokkeerd", "blokkeren", "adresbereik", "bereikbaar", "switch", "access point", "remote", "zwarte lijst",
    "inbraakpoging", "inlogpoging",
];

/// Short words of networks and computers, found only as whole words (`ip` is in `principe`).
const NETWORK_SHORT_WORDS: &[&str] = &[
    "ip", "dns", "vpn", "pc", "lan", "wan", "ssh", "rdp", "log", "logs", "host", "hosts", "poort", "port", "url", "wifi",
    "src", "dst", "addr", "ntp", "smtp", "http", "https", "tcp", "udp", "nat", "client", "remote_addr",
];

/// [`NETWORK_WORDS`], [`NETWORK_WORD_STARTS`] and [`NETWORK_SHORT_WORDS`] in one automaton
/// (ASCII case-insensitive), in that order.
static NETWORK_AUTOMATON: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> = std::sync::LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(NETWORK_WORDS.iter().chain(NETWORK_WORD_STARTS).chain(NETWORK_SHORT_WORDS))
        .ok()
});

/// Whether words of networks and computers stand near `m`: within 400 bytes before it or 200
/// after it; or `adres` right before it (`Het adres 82.1.14.5 staat op de zwarte lijst`).
fn among_network_words(t: &Text<'_>, m: Range<usize>) -> bool {
    if crate::text::ends_with_word(t.label_before(m.start, 16), &["adres", "address", "ip-adres"]) {
        return true;
    }
    let Some(automaton) = NETWORK_AUTOMATON.as_ref() else {
        return true;
    };
    let b = t.bytes;
    let from = m.start.saturating_sub(400);
    let to = (m.end + 200).min(b.len());
    let word_byte = |c: u8| c.is_ascii_alphanumeric() || c >= 0x80;
    automaton.find_overlapping_iter(&b[from..to]).any(|hit| {
        let (s, e) = (from + hit.start(), from + hit.end());
        let kind = hit.pattern().as_usize();
        let starts_word = s == 0 || !word_byte(b[s - 1]);
        let ends_word = b.get(e).is_none_or(|&c| !word_byte(c));
        // (Not the address itself.)
        !(s < m.end && m.start < e)
            && if kind < NETWORK_WORDS.len() {
                true
            } else if kind < NETWORK_WORDS.len() + NETWORK_WORD_STARTS.len() {
                starts_word
            } else {
                starts_word && ends_word
            }
    })
}

/// Whether an IPv4 address can be one device's: not the unspecified or a loopback address
/// (`0.0.0.0`, `127.0.0.1`: "this machine", which links to no one), and not a subnet mask
/// (`255.255.255.0`: ones, then zeros).
fn names_one_device(octets: [u8; 4]) -> bool {
    let value = u32::from_be_bytes(octets);
    let mask = octets[0] == 255 && value.leading_ones() + value.trailing_zeros() == 32;
    !(octets[0] == 0 || octets[0] == 127 || mask)
}

fn check_v6(t: &Text<'_>, m: Range<usize>) -> Option<Hit> {
    let s = &t.str[m.clone()];
    if s.bytes().filter(|&c| c == b':').count() < 2 {
        return None;
    }
    // The cheap neighbour checks first, the parse last.
    let before = t.char_before(m.start);
    if before.is_some_and(|c| c.is_alphanumeric() || c == ':') || !t.right_boundary(m.end) {
        return None;
    }
    if infrastructure_before(t, m.start) || no_ones_device_here(t, m.clone()) {
        return None;
    }
    // `4F:1A:9C:22:0B:7E:31:D5`: a certificate's serial or a fingerprint, two hex digits a
    // group, parses as an address but is none.
    if s.split(':').all(|group| group.len() == 2) {
        return None;
    }
    let address = s.parse::<Ipv6Addr>().ok()?;
    // `::1` and `::`: this machine, or none (as `127.0.0.1` and `0.0.0.0`).
    if address.is_loopback() || address.is_unspecified() {
        return None;
    }
    // `2001:db8:1200::/40`: a network (its host part zero), as `185.94.113.0/24` (`2001:db8::5/64`
    // is one device).
    if let (Some(b'/'), Some(d)) = t.peek2(m.end) {
        if d.is_ascii_digit() && s.ends_with("::") {
            return None;
        }
    }
    Some(Hit::new(m, 0.9))
}

#[cfg(test)]
mod tests {
    use crate::test_support::found;
    use crate::EntityType::IpAddress;

    #[test]
    fn v4_and_v6() {
        assert_eq!(found("vanaf 192.168.10.4 ingelogd", IpAddress), ["192.168.10.4"]);
        assert_eq!(found("IP: 8.8.8.8.", IpAddress), ["8.8.8.8"]);
        assert_eq!(found("host 2001:db8::8a2e:370:7334 meldt", IpAddress), ["2001:db8::8a2e:370:7334"]);
        assert_eq!(found("fe80::1ff:fe23:4567:890a", IpAddress), ["fe80::1ff:fe23:4567:890a"]);
        // A certificate's serial; versions joined to a name; a numbered control.
        assert!(found("serienummer 4F:1A:9C:22:0B:7E:31:D5 verlopen", IpAddress).is_empty());
        assert!(found("Chrome/126.0.0.0 Safari/537.36", IpAddress).is_empty());
        assert!(found("pakket zaaknet-7.2.4.118.tar.gz, pad /opt/subsidie/3.4.2.11/lib op host", IpAddress).is_empty());
        assert!(found("IP-adres gelogd.\n12.4.1.2 Mislukte aanmeldingen worden gelogd.", IpAddress).is_empty());
        assert!(found("De change is teruggedraaid naar 2.4.1.9 op de printers", IpAddress).is_empty());
        assert_eq!(found("zie http://10.20.0.5/admin en ip-adres\n10.8.14.77 is de pc", IpAddress), ["10.20.0.5", "10.8.14.77"]);
    }

    #[test]
    fn servers_named_beside_ranges_versions_and_examples() {
        // A server named by its domain or machine name, before or after its address.
        assert!(found("Deze server (sftp.waterland-oost.nl, 145.12.88.20) is bereikbaar.", IpAddress).is_empty());
        assert!(found("Gateway vpn.gemeente-west.nl (145.21.190.4) is bereikbaar op poort 443.", IpAddress).is_empty());
        assert!(found("Workers node-w04 (10.60.1.24) en node-w05 (10.60.1.25) verliezen de verbinding.", IpAddress).is_empty());
        assert!(found("Host: 10.50.2.31 (tst-db-02), PostgreSQL 13.11", IpAddress).is_empty());
        // Not a workstation's, a user's or a subscriber's connection named so.
        assert_eq!(found("werkplek WS-HH-0219 (10.20.44.61) geblokkeerd", IpAddress), ["10.20.44.61"]);
        assert_eq!(found("ingelogd als (a.ozturk, 10.8.14.77) via VPN", IpAddress), ["10.8.14.77"]);
        assert_eq!(found("verkeer van ip-83-84-12-4.dynamic.provider.nl (83.84.12.4) geblokkeerd", IpAddress), ["83.84.12.4"]);
        assert_eq!(found("laptop-kees.gemeente.local (10.8.14.77) meldt malware", IpAddress), ["10.8.14.77"]);
        // A range names no one device; a connection from one to another names two.
        assert!(found("| DHCP-bereik | 10.20.10.50 – 10.20.11.250 |", IpAddress).is_empty());
        assert!(found("Het netwerk geeft adressen van 10.8.14.77 tot 10.8.14.90 uit.", IpAddress).is_empty());
        assert_eq!(found("connection from 10.8.14.77 to 10.8.20.5 blocked", IpAddress), ["10.8.14.77", "10.8.20.5"]);
        // A product's version after its name; not after a person's name or a preposition.
        assert!(found("Client: Cisco Secure Client 5.1.2.42. Thuisnetwerk werkt.", IpAddress).is_empty());
        assert!(found("| CHG0040203 | Access points | AOS 8.10.0.9 | AOS 8.10.0.12 | geslaagd |", IpAddress).is_empty());
        assert_eq!(found("Jan Jansen 5.1.2.42 ingelogd", IpAddress), ["5.1.2.42"]);
        assert_eq!(found("inlogpoging vanaf 5.1.2.42 geblokkeerd", IpAddress), ["5.1.2.42"]);
        // An example; after `zoals` only an address kept for documentation.
        assert!(found("Het laatste deel van het IP-adres vervalt (voorbeeld: 84.241.198.23).", IpAddress).is_empty());
        assert!(found("Voorbeeldadressen zoals 198.51.100.25 mogen niet in configuraties.", IpAddress).is_empty());
        assert_eq!(found("IP-adressen zoals 84.241.198.23 zijn geblokkeerd.", IpAddress), ["84.241.198.23"]);
        // More parts of the network: a label of a few words without an article, a jump box, a VIP.
        assert!(found("- Syslog en SIEM-collector: 10.20.100.60:514 (UDP)", IpAddress).is_empty());
        assert!(found("later via a dedicated jump box (10.50.2.250) on site", IpAddress).is_empty());
        assert!(found("Monitoring meldt fouten op de ingress-VIP 145.21.190.30.", IpAddress).is_empty());
        assert_eq!(found("Foutmelding van de server: 84.241.198.23 heeft geen toegang", IpAddress), ["84.241.198.23"]);
    }

    #[test]
    fn hard_negatives() {
        assert!(found("versie 1.2.3.4", IpAddress).is_empty());
        assert!(found("IP-reeks 185.94.113.0/24 geblokkeerd", IpAddress).is_empty());
        assert!(found("verkeer naar 2001:db8:1200::/40 geblokkeerd", IpAddress).is_empty());
        let assets = "| Serienr | Firmware | Locatie |\n| 5CG1 | 8.10.0.6 | Raadzaal |";
        assert!(found(assets, IpAddress).is_empty());
        let hosts = "| Host | IP-adres | Locatie |\n| ws-17 | 192.168.10.4 | Raadzaal |";
        assert_eq!(found(hosts, IpAddress), ["192.168.10.4"]);
        assert_eq!(found("host 2001:db8::5/64 meldt", IpAddress), ["2001:db8::5"]);
        assert!(found("firmware bijgewerkt van 16.1.4 naar 17.1.1.3; TLS 1.0 uit", IpAddress).is_empty());
        assert_eq!(found("Het IP-adres van de printer is bijgewerkt naar 192.168.10.24.", IpAddress), ["192.168.10.24"]);
        // Versions after the words of software updates.
        assert!(found("Na de update naar 4.2.1.7 werkt het weer.", IpAddress).is_empty());
        assert!(found("Upgrade van 7.1.0.2 naar 7.2.0.0.", IpAddress).is_empty());
        assert!(found("Na installatie van patch 8.2.2.1 was het lek gedicht.", IpAddress).is_empty());
        assert_eq!(found("Na de storing kreeg 10.0.0.5 geen verbinding.", IpAddress), ["10.0.0.5"]);
        assert_eq!(found("Na de update kreeg 10.0.0.5 geen verbinding.", IpAddress), ["10.0.0.5"]);
        assert_eq!(found("Patch de laptop op 192.168.1.23 vandaag.", IpAddress), ["192.168.1.23"]);
        assert_eq!(found("laptop 10.0.0.5/24 besmet", IpAddress), ["10.0.0.5"]);
        assert!(found("zie paragraaf 1.2.3.4.5", IpAddress).is_empty());
        assert!(found("om 10:30:00 begonnen", IpAddress).is_empty());
        assert!(found("256.1.1.1", IpAddress).is_empty());
        assert!(found("01.02.03.04", IpAddress).is_empty());
        assert!(found("Zie paragraaf 3.1.2.4 van de nota.", IpAddress).is_empty());
        assert!(found("conform artikel 2.3.1.1 van de regeling", IpAddress).is_empty());
        assert!(found("in hoofdstuk 4.2.10.1", IpAddress).is_empty());
        // An address after such a word with a large part is still one.
        assert_eq!(found("punt 192.168.1.20 blokkeren", IpAddress), ["192.168.1.20"]);
        assert!(found("BIO-maatregel 12.4.1.1 is niet geïmplementeerd.", IpAddress).is_empty());
        assert!(found("Stap 3.4.5.6 van het draaiboek.", IpAddress).is_empty());
        // The next numbers of a list after such a word; the list's first number decides.
        assert!(found("Hoofdstuk 4.1.2.3 en 4.1.2.4 zijn herschreven.", IpAddress).is_empty());
        assert!(found("paragrafen 3.1.1.1, 3.1.1.2 en 3.1.1.3", IpAddress).is_empty());
        assert_eq!(found("Vanaf 1.1.1.1 en 8.8.8.8 is ingelogd.", IpAddress), ["1.1.1.1", "8.8.8.8"]);
        assert_eq!(found("paragraaf 3.1.2 en 10.0.12.7 blokkeren", IpAddress), ["10.0.12.7"]);
        // `zie` and `onder` are ordinary words before an address.
        assert_eq!(found("De printer is bereikbaar onder 10.10.1.12", IpAddress), ["10.10.1.12"]);
        assert_eq!(found("Zie 10.1.2.3 in de logging van de firewall.", IpAddress), ["10.1.2.3"]);
    }

    #[test]
    fn numbers_of_small_parts_only_among_network_words() {
        assert!(found("Het dossiernummer is 12.34.56.78 volgens de brief.", IpAddress).is_empty());
        assert!(found("Programma 1.2.1.1 Veiligheid kost 4.5 miljoen.", IpAddress).is_empty());
        assert!(found("Bel 10.12.34.56 na 17.00 uur.", IpAddress).is_empty());
        // `ip` inside another word is no network word, nor `storing` in `verstoring`.
        assert!(found("In principe geldt 12.34.56.78 als referentie.", IpAddress).is_empty());
        assert!(found("Dossiernummer 12.34.56.78: verstoring van de openbare orde.", IpAddress).is_empty());
        assert!(found("clientnummer 12.34.56.78 bij de werkplek", IpAddress).is_empty());
        assert_eq!(found("Het adres 82.1.14.5 staat op de zwarte lijst.", IpAddress), ["82.1.14.5"]);
        assert_eq!(found("Vanaf 82.1.14.5 werd 30 keer geprobeerd in te loggen.", IpAddress), ["82.1.14.5"]);
        assert_eq!(found("vanaf 10.0.0.5 ingelogd", IpAddress), ["10.0.0.5"]);
        assert_eq!(found("IP: 8.8.8.8.", IpAddress), ["8.8.8.8"]);
        assert_eq!(found("user=a src=10.2.3.4", IpAddress), ["10.2.3.4"]);
        // Not words of sign-in alone: they stand beside case numbers and project numbers too.
        assert!(found("Uw tijdelijke wachtwoord is verstuurd. Zaaknummer: 12.34.56.78", IpAddress).is_empty());
        assert!(found("Project 2.1.3.4 (invoering MFA) is afgerond.", IpAddress).is_empty());
        // A machine's name before it in brackets.
        assert_eq!(found("vanaf zijn werkplek WS-HH-0219 (10.20.44.61) geregistreerd", IpAddress), ["10.20.44.61"]);
        assert_eq!(found("De laptop (10.2.3.4) lag eruit.", IpAddress), ["10.2.3.4"]);
        // A part of three digits is an address anywhere.
        assert_eq!(found("Het adres 83.84.12.201 probeerde het opnieuw.", IpAddress), ["83.84.12.201"]);
    }

    #[test]
    fn parts_of_the_network_are_no_ones_device() {
        for text in [
            "DNS-resolvers: 10.20.100.53 en 10.20.100.54",
            "Subnetmasker: 255.255.255.0, default gateway 192.168.1.1.",
            "De mailserver (10.2.3.4) lag eruit.",
            "Centrale diensten:\n- NTP: 10.20.100.123\n- Default gateway: 10.20.0.1",
            "| VLAN | Subnet | Gateway | Broadcast |\n|---|---|---|---|\n| 110 | 10.20.10.0/23 | 10.20.10.1 | 10.20.11.255 |",
            "DNS 1.1.1.1 en 8.8.8.8 zijn geblokkeerd.",
            "verkeer naar de fileserver FS-TB-02 (10.14.0.21), poort 445",
        ] {
            assert!(found(text, IpAddress).is_empty(), "{text}");
        }
        // A person's device before or after such a word, or in a column of workstations.
        assert_eq!(found("Hij logde vanaf 84.241.198.23 in op de VPN-gateway.", IpAddress), ["84.241.198.23"]);
        assert_eq!(found("De server zag 84.241.198.23 drie keer inloggen.", IpAddress), ["84.241.198.23"]);
        assert_eq!(
            found("| Werkplek | IP-adres |\n|---|---|\n| WS-0871 | 10.8.14.52 |", IpAddress),
            ["10.8.14.52"]
        );
        assert_eq!(found("gateway 10.20.0.1, daarna de laptop van Kees: 10.20.0.57", IpAddress), ["10.20.0.57"]);
        assert_eq!(found("via de proxy naar laptop-kees (10.20.0.57)", IpAddress), ["10.20.0.57"]);
        // Not after a colon in a sentence, across a sentence's end, after a router, a proxy, a
        // DHCP server or a user's name; not a list after one part; not in a column of leases.
        for text in [
            "Foutmelding van de server: 84.241.198.23 heeft geen toegang tot het zaaksysteem.",
            "De klacht kwam binnen via de mailserver. 84.241.198.23 is het adres van de afzender.",
            "IP-adres thuisrouter: 84.241.198.23",
            "Geweigerd door de proxy: 84.241.198.23 (thuiswerkplek van mevrouw De Vries).",
            "Inlogpogingen op het account van een VIP 84.241.198.23 (burgemeester, thuis).",
            "Aangemeld op de server k.jansen (84.241.198.23), daarna uitgelogd.",
            "| Hostname | Gebruiker | DHCP-adres |\n|---|---|---|\n| LT-0412 | k.jansen | 84.241.198.23 |",
            "Na de rollback logde de medewerker in van 84.241.198.23.",
            "Bron: WS-KEES/84.241.198.23 probeerde in te loggen op de fileshare.",
        ] {
            assert_eq!(found(text, IpAddress), ["84.241.198.23"], "{text}");
        }
        assert_eq!(found("De laptop van Kees Jansen kreeg van de DHCP-server 10.8.14.77 toegewezen.", IpAddress), ["10.8.14.77"]);
        assert_eq!(
            found("Het verkeer liep via de gateway 10.1.1.5 en 10.8.14.77 (werkplek van Kees).", IpAddress),
            ["10.8.14.77"]
        );
        assert_eq!(found("10.8.14.77 Kees Jansen (laptop)\n10.8.14.52 Piet de Vries (pc)", IpAddress), ["10.8.14.77", "10.8.14.52"]);
    }

    #[test]
    fn addresses_of_no_one_device() {
        assert_eq!(
            found("Subnetmasker: 255.255.255.0, werkplek 192.168.1.14.", IpAddress),
            ["192.168.1.14"]
        );
        assert!(found("netmask 255.255.0.0 of 255.255.255.128", IpAddress).is_empty());
        assert!(found("De server luistert op 0.0.0.0 en 127.0.0.1.", IpAddress).is_empty());
        assert!(found("Luistert op :: en ::1 (loopback).", IpAddress).is_empty());
        assert_eq!(found("Luistert op ::1 en fe80::1.", IpAddress), ["fe80::1"]);
        assert!(found("Het IP-bereik 185.94.113.0 tot 185.94.113.255 is geblokkeerd.", IpAddress).is_empty());
        assert!(found("het netwerk 10.20.0.0", IpAddress).is_empty());
        // Not a mask (the ones are not contiguous), and hosts whose parts are 0 or 255 elsewhere,
        // the last one too without a word of a network (a host of a larger network).
        assert_eq!(
            found("Hosts 255.0.255.1 en 10.0.0.5 en 10.255.3.4", IpAddress),
            ["255.0.255.1", "10.0.0.5", "10.255.3.4"]
        );
        assert_eq!(found("De klant had IP-adres 86.85.12.0 op dat moment.", IpAddress), ["86.85.12.0"]);
        assert_eq!(found("Inlogpoging vanaf 10.20.14.255", IpAddress), ["10.20.14.255"]);
    }
}
