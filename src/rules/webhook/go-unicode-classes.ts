/**
 * The names Go's regexp (the Go release Istio is built with, whose tables are Unicode 15.0)
 * accepts in `\p{...}`, and how re2js spells the same class. Go looks a name up after
 * canonicalizing it (first letter upper case, the rest lower case, `_`, `-` and spaces dropped),
 * so `\p{greek}` and `\p{Letter}` are valid while `\p{Old_Italic}` is not: Go's script table
 * keeps the underscores, and the canonical form `Olditalic` finds nothing. re2js looks names up
 * as written and knows Unicode 16, so both lookups are redone here.
 */

/** General categories, their canonical names being their own. */
const CATEGORIES = [
  'C', 'Cc', 'Cf', 'Cn', 'Co', 'Cs', 'L', 'Ll', 'Lm', 'Lo', 'Lt', 'Lu', 'M', 'Mc', 'Me', 'Mn', 'N', 'Nd',
  'Nl', 'No', 'P', 'Pc', 'Pd', 'Pe', 'Pf', 'Pi', 'Po', 'Ps', 'S', 'Sc', 'Sk', 'Sm', 'So', 'Z', 'Zl', 'Zp', 'Zs',
];

/** The Unicode 15.0 scripts whose names are one word, the only ones a canonical name can reach. */
const SCRIPTS = [
  'Adlam', 'Ahom', 'Arabic', 'Armenian', 'Avestan', 'Balinese', 'Bamum', 'Batak', 'Bengali', 'Bhaiksuki',
  'Bopomofo', 'Brahmi', 'Braille', 'Buginese', 'Buhid', 'Carian', 'Chakma', 'Cham', 'Cherokee', 'Chorasmian',
  'Common', 'Coptic', 'Cuneiform', 'Cypriot', 'Cyrillic', 'Deseret', 'Devanagari', 'Dogra', 'Duployan',
  'Elbasan', 'Elymaic', 'Ethiopic', 'Georgian', 'Glagolitic', 'Gothic', 'Grantha', 'Greek', 'Gujarati',
  'Gurmukhi', 'Han', 'Hangul', 'Hanunoo', 'Hatran', 'Hebrew', 'Hiragana', 'Inherited', 'Javanese', 'Kaithi',
  'Kannada', 'Katakana', 'Kawi', 'Kharoshthi', 'Khmer', 'Khojki', 'Khudawadi', 'Lao', 'Latin', 'Lepcha', 'Limbu',
  'Lisu', 'Lycian', 'Lydian', 'Mahajani', 'Makasar', 'Malayalam', 'Mandaic', 'Manichaean', 'Marchen',
  'Medefaidrin', 'Miao', 'Modi', 'Mongolian', 'Mro', 'Multani', 'Myanmar', 'Nabataean', 'Nandinagari', 'Newa',
  'Nko', 'Nushu', 'Ogham', 'Oriya', 'Osage', 'Osmanya', 'Palmyrene', 'Phoenician', 'Rejang', 'Runic', 'Samaritan',
  'Saurashtra', 'Sharada', 'Shavian', 'Siddham', 'Sinhala', 'Sogdian', 'Soyombo', 'Sundanese', 'Syriac',
  'Tagalog', 'Tagbanwa', 'Takri', 'Tamil', 'Tangsa', 'Tangut', 'Telugu', 'Thaana', 'Thai', 'Tibetan', 'Tifinagh',
  'Tirhuta', 'Toto', 'Ugaritic', 'Vai', 'Vithkuqi', 'Wancho', 'Yezidi', 'Yi',
];

/** Unicode's long names of the general categories, which Go accepts as aliases. */
const CATEGORY_ALIASES: Record<string, string> = {
  Other: 'C', Control: 'Cc', Cntrl: 'Cc', Format: 'Cf', Unassigned: 'Cn', Private_Use: 'Co', Surrogate: 'Cs',
  Letter: 'L', Cased_Letter: 'LC', Lowercase_Letter: 'Ll', Modifier_Letter: 'Lm', Other_Letter: 'Lo',
  Titlecase_Letter: 'Lt', Uppercase_Letter: 'Lu', Mark: 'M', Combining_Mark: 'M', Spacing_Mark: 'Mc',
  Enclosing_Mark: 'Me', Nonspacing_Mark: 'Mn', Number: 'N', Decimal_Number: 'Nd', Digit: 'Nd', Letter_Number: 'Nl',
  Other_Number: 'No', Punctuation: 'P', Punct: 'P', Connector_Punctuation: 'Pc', Dash_Punctuation: 'Pd',
  Close_Punctuation: 'Pe', Final_Punctuation: 'Pf', Initial_Punctuation: 'Pi', Other_Punctuation: 'Po',
  Open_Punctuation: 'Ps', Symbol: 'S', Currency_Symbol: 'Sc', Modifier_Symbol: 'Sk', Math_Symbol: 'Sm',
  Other_Symbol: 'So', Separator: 'Z', Line_Separator: 'Zl', Paragraph_Separator: 'Zp', Space_Separator: 'Zs',
};

/** Canonical name to re2js's spelling; `Lc` is how Go reaches the cased letters, LC. */
const RE2JS_NAMES: ReadonlyMap<string, string> = new Map([
  ...[...CATEGORIES, ...SCRIPTS].map((name): [string, string] => [name, name]),
  ['Any', 'Any'], ['Ascii', 'Ascii'], ['Assigned', 'Assigned'], ['Lc', 'Lc'],
  ...Object.entries(CATEGORY_ALIASES).map(([alias, category]): [string, string] => [canonicalName(alias), category === 'LC' ? 'Lc' : category]),
]);

/** A class name as Go looks it up: `old italic` and `OLD-ITALIC` both become `Olditalic`. */
function canonicalName(name: string): string {
  const bare = name.replace(/[-_ ]/g, '');
  return bare.charAt(0).toUpperCase() + bare.slice(1).toLowerCase();
}

/** How re2js spells the Unicode class Go finds by `name`, or undefined when Go finds none. */
export function re2jsUnicodeClass(name: string): string | undefined {
  return RE2JS_NAMES.get(canonicalName(name));
}
