// Writes syntaxes/rca.injection.tmLanguage.json. The patterns are kept here, as readable lists,
// and the committed grammar is generated from them (a unit test checks they agree).
import { writeFileSync } from 'node:fs';

const months = [
  'Jan(?:uary)?',
  'Feb(?:ruary)?',
  'Mar(?:ch)?',
  'Apr(?:il)?',
  'May',
  'June?',
  'July?',
  'Aug(?:ust)?',
  'Sep(?:t(?:ember)?)?',
  'Oct(?:ober)?',
  'Nov(?:ember)?',
  'Dec(?:ember)?',
];
const weekdays = ['Mon(?:day)?', 'Tue(?:s(?:day)?)?', 'Wed(?:nesday)?', 'Thu(?:r(?:s(?:day)?)?)?', 'Fri(?:day)?', 'Sat(?:urday)?', 'Sun(?:day)?'];
const abbreviations = [
  'UTC',
  'GMT',
  'CST',
  'CDT',
  'EST',
  'EDT',
  'PST',
  'PDT',
  'MST',
  'MDT',
  'AKST',
  'AKDT',
  'HST',
  'CET',
  'CEST',
  'WET',
  'WEST',
  'EET',
  'EEST',
  'BST',
  'IST',
  'IDT',
  'JST',
  'KST',
  'SGT',
  'HKT',
  'AEST',
  'AEDT',
  'ACST',
  'AWST',
  'NZST',
  'NZDT',
];
const places = [
  'Chicago',
  'New York',
  'Los Angeles',
  'Denver',
  'Phoenix',
  'Toronto',
  'Vancouver',
  'São Paulo',
  'Sao Paulo',
  'London',
  'Dublin',
  'Amsterdam',
  'Frankfurt',
  'Berlin',
  'Paris',
  'Madrid',
  'Rome',
  'Zurich',
  'Stockholm',
  'Helsinki',
  'Israel',
  'Jerusalem',
  'Tel Aviv',
  'Dubai',
  'India',
  'Mumbai',
  'Singapore',
  'Beijing',
  'Shanghai',
  'China',
  'Hong Kong',
  'Tokyo',
  'Japan',
  'Seoul',
  'Korea',
  'Sydney',
  'Melbourne',
  'Brisbane',
  'Perth',
  'Auckland',
  '(?:U\\.?S\\.?\\s+)?(?:Central|Eastern|Pacific|Mountain)',
  'Central European',
  'Eastern European',
  'Western European',
  'Coordinated Universal',
  'Greenwich Mean',
  'Universal',
];

/**
 * One scope per kind, each chosen so that VS Code's default themes (Dark and Light Modern, Dark+ and Light+, both
 * High Contrast themes) give it a colour of its own: a scope no theme names ("constant.other", "support.constant")
 * stays the paragraph's colour. test/unit/theme-colours.test.ts resolves each kind in each theme. None is a
 * string, comment or regexp scope, which would change how the editor treats the text (suggestions, brackets).
 */
export const SCOPES = {
  date: 'constant.language.date.rca',
  time: 'constant.numeric.time.rca',
  zone: 'entity.name.type.timezone.rca',
  instance: 'variable.other.constant.instance.rca',
};

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'RCA Writer: dates, times, zones and instances in Markdown',
  scopeName: 'rca.injection',
  injectionSelector: 'L:text.html.markdown -markup.fenced_code -markup.inline.raw -markup.raw -comment -meta.embedded',
  patterns: [{ include: '#date' }, { include: '#time' }, { include: '#zone' }, { include: '#instance' }],
  repository: {
    date: {
      patterns: [
        {
          name: SCOPES.date,
          match: `\\b(?:(?:${weekdays.join('|')}),?\\s+)?(?:${months.join('|')})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?:\\s*,\\s*\\d{4}\\b|\\s+\\d{4}\\b)?`,
        },
        { name: SCOPES.date, match: '\\b\\d{4}-\\d{2}-\\d{2}\\b' },
      ],
    },
    time: {
      name: SCOPES.time,
      match: '(?<![\\w:])\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s?[AaPp]\\.?[Mm]\\b\\.?)?(?![\\w:])',
    },
    zone: {
      patterns: [
        { name: SCOPES.zone, match: `\\b(?:${abbreviations.join('|')})(?:[+-]\\d{1,2}(?::?\\d{2})?)?\\b(?:\\s+[Tt]ime\\b)?` },
        {
          name: SCOPES.zone,
          match: `\\b(?:${places.join('|')})\\s+(?:[Ss]tandard\\s+|[Dd]aylight\\s+)?(?:[Tt]ime\\s*[Zz]one|[Tt]imezone|[Tt]ime)\\b`,
        },
        {
          name: SCOPES.zone,
          match: '\\b(?:America|Europe|Asia|Australia|Africa|Pacific|Atlantic|Indian|Etc)/[A-Za-z_]+(?:/[A-Za-z_]+)?\\b',
        },
      ],
    },
    instance: {
      name: SCOPES.instance,
      match: '\\b[A-Z]{2,4}\\d{2,3}\\b',
    },
  },
};

export const grammarText = `${JSON.stringify(grammar, null, 2)}\n`;

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(new URL('../syntaxes/rca.injection.tmLanguage.json', import.meta.url), grammarText);
  console.log('wrote syntaxes/rca.injection.tmLanguage.json');
}
