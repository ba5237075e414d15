// Writes syntaxes/news-article.tmLanguage.json. Kept as a script so the regular expressions
// are readable here rather than double-escaped in JSON.
import fs from 'node:fs';

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const WEEKDAY = '(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day';
const ATTRIBUTION = '(?:said|says|say|told|tells|tell|according\\s+to|added|adds|stated|states|announced|claimed|claims|argued|argues|asked|reported|wrote|writes|noted|notes|insisted|denied|denies|admitted|admits|explained|warned|confirmed|acknowledged|suggested|urged)';
const HEDGE = '(?:alleged(?:ly)?|reportedly|apparently|unproven|unconfirmed|unverified|purported(?:ly)?|without\\s+evidence|no\\s+evidence|a\\s+matter\\s+of\\s+dispute)';

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'News Article',
  scopeName: 'text.news-article',
  patterns: [
    { include: '#front-matter' },
    { include: '#headline' },
    { include: '#byline' },
    { include: '#date-line' },
    { include: '#dateline' },
    { include: '#boilerplate' },
    { include: '#inline' },
  ],
  repository: {
    'front-matter': {
      begin: '\\A---\\s*$', end: '^(?:---|\\.\\.\\.)\\s*$', name: 'meta.embedded.block.frontmatter.news-article',
      patterns: [{ match: '^([A-Za-z_][\\w-]*)\\s*(:)', captures: { 1: { name: 'entity.name.tag.yaml' }, 2: { name: 'punctuation.separator.key-value.yaml' } } }],
    },
    headline: { match: '\\A(?!---)(?!.*[.!?]["”’]?\\s*$).+$', name: 'markup.heading.1.news-article' },
    byline: { match: '^\\s*(?:By|Post(?:ed)? by|Written by|Author|Reporting by)\\s*:?\\s+.+$', name: 'meta.byline.news-article markup.italic' },
    'date-line': { match: `^\\s*(?:(?:Date|Dated|Published|Posted|Updated|Written on)\\s*:?\\s*)?(?:\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{4}|${MONTH}\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+${MONTH}\\s+\\d{4}).*$`, name: 'meta.dateline.date.news-article constant.other.date.news-article' },
    dateline: {
      match: "^\\s*(?:date\\s+\\S+\\s+)?([A-Z][A-Z.'’ -]{1,40}(?:,\\s*[A-Za-z.]+(?:\\s+\\d{1,2})?)?)\\s*(\\([^)]{2,40}\\))\\s*(--|—|–|-)",
      captures: { 1: { name: 'entity.name.section.dateline.news-article' }, 2: { name: 'entity.name.tag.outlet.news-article' }, 3: { name: 'punctuation.separator.dateline.news-article' } },
    },
    boilerplate: { match: '^\\s*(?:Read More|Sponsored|Trending News|Advertisement|(?:#[\\w]+(?:\\s+\\w+)?\\s*)+)\\s*$', name: 'comment.line.boilerplate.news-article' },
    inline: { patterns: [{ include: '#quote' }, { include: '#attribution' }, { include: '#hedge' }, { include: '#date' }, { include: '#time' }, { include: '#figure' }] },
    quote: {
      patterns: [
        // A quote never spans a line break here, so an unbalanced quote cannot colour the rest of the file.
        { begin: '“', end: '”|$', name: 'string.quoted.double.curly.news-article', patterns: [{ include: '#quote-inner' }] },
        { begin: '(?<![\\w])"', end: '"|$', name: 'string.quoted.double.news-article', patterns: [{ include: '#quote-inner' }] },
      ],
    },
    'quote-inner': { patterns: [{ include: '#figure' }] },
    attribution: { match: `\\b${ATTRIBUTION}\\b`, name: 'keyword.other.attribution.news-article' },
    hedge: { match: `\\b${HEDGE}\\b`, name: 'keyword.other.hedge.news-article' },
    date: {
      patterns: [
        { match: `\\b(?:${WEEKDAY},?\\s+)?${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?\\b`, name: 'constant.other.date.news-article' },
        { match: `\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}(?:\\s+\\d{4})?\\b`, name: 'constant.other.date.news-article' },
        { match: '\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b', name: 'constant.other.date.news-article' },
        { match: `\\b(?:(?:on|last|next|this|since|until|by)\\s+)?${WEEKDAY}\\b`, name: 'constant.other.date.relative.news-article' },
        { match: '\\b(?:(?:last|next|this)\\s+(?:week|month|year)|yesterday|today|tomorrow|(?:a few|several|\\d+)\\s+(?:days|weeks|months|years)\\s+ago)\\b', name: 'constant.other.date.relative.news-article' },
        { match: `\\bin\\s+(?:${MONTH}|(?:19|20)\\d{2})\\b`, name: 'constant.other.date.news-article' },
      ],
    },
    time: { match: '\\b\\d{1,2}(?::\\d{2})?\\s*(?:[ap]\\.m\\.|[AP]M)(?=\\W|$)', name: 'constant.other.time.news-article' },
    figure: {
      patterns: [
        { match: '(?:\\b(?:US|A|C|NZ|HK)?\\$|[€£¥]|\\bUSD\\s?)\\d[\\d,]*(?:\\.\\d+)?(?:\\s*(?:million|billion|trillion|bn|m|k))?\\b', name: 'constant.numeric.money.news-article' },
        { match: '\\b\\d[\\d,]*(?:\\.\\d+)?\\s?(?:%|percent\\b|per cent\\b)', name: 'constant.numeric.percentage.news-article' },
        { match: '\\b\\d[\\d,]*(?:\\.\\d+)?(?:\\s+(?:million|billion|trillion))?\\b', name: 'constant.numeric.news-article' },
      ],
    },
  },
};
fs.writeFileSync('syntaxes/news-article.tmLanguage.json', JSON.stringify(grammar, null, 2) + '\n');
