//! HTML character references: `&amp;`, `&rsquo;`, `&#8217;`, `&#x2019;`.
//!
//! Known: every Latin-1 name (`&nbsp;` … `&yuml;`), the markup characters, and the typographic
//! names articles use (quotes, dashes, ellipsis, bullets, arrows, `&euro;`, `&trade;`…). Numeric
//! references are decoded as browsers do: 128–159 as Windows-1252 (`&#146;` is `’`), and zero,
//! surrogates and out-of-range values as U+FFFD. A named reference needs its `;` (except the legacy
//! `&amp`, `&lt`, `&gt`, `&quot`, `&nbsp`); anything unknown stays as written.

/// The names of U+00A0 ..= U+00FF, in code point order.
const LATIN1: &str = "nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr \
    deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest \
    Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc \
    Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute \
    THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave \
    iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc \
    uuml yacute thorn yuml";

/// Other names, as `name=code point` pairs.
const OTHERS: &str = "amp=38 AMP=38 lt=60 LT=60 gt=62 GT=62 quot=34 QUOT=34 apos=39 OElig=338 \
    oelig=339 Scaron=352 scaron=353 Yuml=376 fnof=402 circ=710 tilde=732 ensp=8194 emsp=8195 \
    thinsp=8201 zwnj=8204 zwj=8205 lrm=8206 rlm=8207 hyphen=8208 dash=8208 ndash=8211 mdash=8212 \
    horbar=8213 lsquo=8216 rsquo=8217 sbquo=8218 ldquo=8220 rdquo=8221 bdquo=8222 dagger=8224 \
    Dagger=8225 bull=8226 hellip=8230 permil=8240 prime=8242 Prime=8243 lsaquo=8249 rsaquo=8250 \
    euro=8364 trade=8482 larr=8592 uarr=8593 rarr=8594 darr=8595 harr=8596 minus=8722 \
    nbhy=8209 NoBreak=8288 ZeroWidthSpace=8203 Tab=9 NewLine=10";

/// Names a browser decodes even without the final `;`.
const LEGACY: &[&str] = &["amp", "lt", "gt", "quot", "nbsp", "AMP", "LT", "GT", "QUOT"];

/// Windows-1252 characters for the C1 range 0x80..=0x9F (numeric references in old pages).
const CP1252: [u32; 32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
    0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161,
    0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
];

/// The character a named reference (without `&` and `;`) stands for, if known.
fn named(name: &str) -> Option<char> {
    if let Some(i) = LATIN1.split_whitespace().position(|n| n == name) {
        return char::from_u32(0xA0 + i as u32);
    }
    OTHERS.split_whitespace().find_map(|pair| {
        let (n, code) = pair.split_once('=')?;
        if n == name { code.parse().ok().and_then(char::from_u32) } else { None }
    })
}

/// The character a numeric reference stands for, as browsers decode it.
fn numeric(code: u32) -> char {
    match code {
        0x80..=0x9F => char::from_u32(CP1252[(code - 0x80) as usize]).unwrap_or('\u{FFFD}'),
        0 => '\u{FFFD}',
        _ => char::from_u32(code).unwrap_or('\u{FFFD}'),
    }
}

/// `text` with every character reference it recognises decoded; the rest is left as written.
pub fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        match decode_one(rest) {
            Some((c, used)) => {
                out.push(c);
                rest = &rest[used..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Decodes the reference at the start of `s` (which starts with `&`): the character and the bytes
/// it used.
fn decode_one(s: &str) -> Option<(char, usize)> {
    let body = &s[1..];
    if let Some(num) = body.strip_prefix('#') {
        let (digits, radix, skip) = match num.strip_prefix(['x', 'X']) {
            Some(hex) => (hex.bytes().take_while(u8::is_ascii_hexdigit).count(), 16, 3),
            None => (num.bytes().take_while(u8::is_ascii_digit).count(), 10, 2),
        };
        if digits == 0 {
            return None;
        }
        let digits_str = &s[skip..skip + digits];
        // Too many digits overflow: browsers give U+FFFD for out-of-range values.
        let code = u32::from_str_radix(digits_str, radix).unwrap_or(u32::MAX);
        let semicolon = usize::from(s[skip + digits..].starts_with(';'));
        return Some((numeric(code), skip + digits + semicolon));
    }
    let len = body.bytes().take(32).take_while(u8::is_ascii_alphanumeric).count();
    let name = &body[..len];
    if body[len..].starts_with(';') {
        return named(name).map(|c| (c, len + 2));
    }
    if LEGACY.contains(&name) { named(name).map(|c| (c, len + 1)) } else { None }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_numeric_and_hex_references_decode() {
        assert_eq!(
            decode_entities("China&rsquo;s &ldquo;hub&ndash;and&#8211;spoke&#x201D; &amp; Japan&#39;s"),
            "China’s “hub–and–spoke” & Japan's"
        );
        assert_eq!(
            decode_entities("Pawe&#322; Behrendt, caf&eacute;&nbsp;&copy;"),
            "Paweł Behrendt, café\u{a0}©"
        );
    }

    #[test]
    fn the_latin1_table_is_in_code_point_order() {
        assert_eq!(LATIN1.split_whitespace().count(), 96);
        assert_eq!(named("nbsp"), Some('\u{a0}'));
        assert_eq!(named("shy"), Some('\u{ad}'));
        assert_eq!(named("Agrave"), Some('À'));
        assert_eq!(named("times"), Some('×'));
        assert_eq!(named("yuml"), Some('ÿ'));
        assert_eq!(named("mdash"), Some('—'));
    }

    #[test]
    fn windows_1252_and_invalid_numbers_decode_like_browsers() {
        assert_eq!(
            decode_entities("it&#146;s &#150; &#0; &#xD800; &#99999999999;"),
            "it’s – \u{FFFD} \u{FFFD} \u{FFFD}"
        );
    }

    #[test]
    fn unknown_or_unterminated_references_stay_as_written() {
        assert_eq!(decode_entities("AT&T &bogus; & &#; &#x; &copy"), "AT&T &bogus; & &#; &#x; &copy");
        assert_eq!(decode_entities("fish &amp chips &lt 3"), "fish & chips < 3");
        assert_eq!(decode_entities("&"), "&");
        assert_eq!(decode_entities("&#"), "&#");
    }
}
