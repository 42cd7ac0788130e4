import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkText } from '../../server/src/engine/check';
import { writtenInEnglish } from '../../server/src/engine/language';
import { readFixtures } from '../helpers/fixtures';

const german = [
  '# Störungsbericht: Ausfall der Online-Terminbuchung',
  '',
  '## Zusammenfassung',
  '',
  'Am Montag, 7. Dezember 2026, war die Online-Terminbuchung von 14:05 Uhr MEZ bis 15:40 Uhr MEZ nicht erreichbar. Rund 1.800 Buchungsversuche schlugen fehl.',
  '',
  '## Zeitlicher Ablauf',
  '',
  '- 13:58 Uhr – Ein Zertifikat des Lastverteilers wird automatisch erneuert.',
  '- 14:05 Uhr – Erste Fehlermeldungen im Monitoring; Buchungen schlagen fehl.',
  '- 14:52 Uhr – Das neue Zertifikat wird als Ursache erkannt.',
  '- 15:40 Uhr – Alle Buchungen laufen wieder fehlerfrei.',
  '',
  '## Ursache',
  '',
  'Das neue Zertifikat enthielt nicht die vollständige Zertifikatskette, daher lehnten ältere Browser die Verbindung ab.',
  '',
  '## Maßnahmen',
  '',
  '- Zertifikate vor dem Einsatz gegen alle unterstützten Clients prüfen.',
  '- TODO',
  '',
].join('\n');

describe('a report in another language', () => {
  it('gets under auto only the findings that read no words', () => {
    const codes = checkText(german).diagnostics.map((d) => d.code);
    assert.deepEqual(codes, ['RCA109']);
  });

  it('is checked in full under a profile the settings name', () => {
    const codes = checkText(german, { profile: 'postmortem' }).diagnostics.map((d) => d.code);
    assert.ok(codes.includes('RCA101') && codes.includes('RCA203'), codes.join(' '));
  });

  it('is told from English by its words, however terse the English', () => {
    assert.equal(writtenInEnglish(german), false);
    const folder = join(__dirname, '..', 'fixtures', 'postmortems');
    const notEnglish = readFixtures(folder).filter((fixture) => !writtenInEnglish(fixture.text));
    assert.deepEqual(
      notEnglish.map((fixture) => fixture.name),
      readFixtures(folder)
        .filter((fixture) => /^\d+-(?:german|spanish|portuguese)-/.test(fixture.name))
        .map((fixture) => fixture.name),
    );
    assert.equal(writtenInEnglish(readFileSync(join(__dirname, '..', '..', 'examples', 'missing-sections.rca.md'), 'utf8')), true);
  });

  it('is read as another language only on the words of that language: terse English stays English', () => {
    // A property test's report: 43 words, one of them ("On") among the English words counted.
    const terse =
      '# Incident report: registry unavailable\n\n## What went well\n\nOn April 11, 2026 checkout failed.\n\n## What went wrong\n\n- 10:05 UTC alerts fired.\n- 10:40 UTC service restored.\n\n## Publication History\n\n## Event Timeline\n\n- 10:05 UTC alerts fired.\n- 10:40 UTC service restored.\n\n## Customer Impact\n\n## Customer Impact\n\nA config push.\n\n## Customer Communications\n\nA config push.\n';
    assert.equal(writtenInEnglish(terse), true);
    assert.deepEqual(
      checkText(terse).diagnostics.map((d) => d.code),
      checkText(terse, { profile: 'postmortem' }).diagnostics.map((d) => d.code),
    );
  });

  it('is not told by addresses: "com" in a URL is no Portuguese', () => {
    const links = Array.from({ length: 12 }, (_, i) => `- ${i}:00 UTC see https://status.example.com/incidents/${i} and ops@example.com`).join('\n');
    assert.equal(writtenInEnglish(`# Incident report: registry unavailable\n\n## Timeline\n\n${links}\n`), true);
  });

  it("is not told by what it quotes: a customer's messages and error texts in Spanish leave an English report English", () => {
    const message =
      'Buenos días, desde esta mañana no podemos entrar en el portal de la biblioteca. Cuando pulsamos el botón de acceso, la página se queda en blanco y después de un minuto aparece un error. Los estudiantes no pueden reservar salas ni renovar sus préstamos, y la biblioteca cierra a las ocho. ¿Nos pueden decir si el problema ya se conoce y cuándo se va a resolver? Gracias por la ayuda.';
    const quoted = Array.from({ length: 6 }, (_, i) => `Site ${i + 1}, as sent:\n\n> ${message}\n`).join('\n');
    const error = '"No se pudo completar el acceso. Por favor, inténtelo de nuevo más tarde o póngase en contacto con el servicio de ayuda de la biblioteca."';
    const text = `# Library portal sign-in failures\n\n## Summary\n\nSign-in failed for 70 minutes on 3 March 2026. Every site saw ${error}\n\n## Customer messages\n\n${quoted}\n## Timeline\n\n- 09:10 CET: deploy.\n- 10:20 CET: rollback.\n\n## Root cause\n\nA renamed message key.\n\n## Action items\n\n- [ ] Check keys before deploys.\n`;
    assert.equal(writtenInEnglish(text), true);
    // In a block quote written as HTML too; a report that is nothing but quotations has too few words left to tell.
    assert.equal(writtenInEnglish(text.replace(/> (.*)\n/g, '<blockquote>\n<p>$1</p>\n</blockquote>\n')), true);
    assert.equal(writtenInEnglish(`> ${message}\n\n> ${message}\n`), true);
    // Its own prose in Spanish is still read as Spanish.
    assert.equal(writtenInEnglish(`# Fallo del portal\n\n${message}\n\n${message}\n`), false);
  });

  it('is not told by code: English words in a code block, inline code or a comment leave a German report German', () => {
    const english = Array.from({ length: 30 }, () => 'the service and the queue of jobs were restored by the team').join(' ');
    for (const code of ['```\n' + english + '\n```', '~~~\n' + english + '\n~~~', '`' + english + '`', '<!-- ' + english + ' -->']) {
      assert.equal(writtenInEnglish(`${german}\n${code}\n`), false, code.slice(0, 3));
      assert.equal(writtenInEnglish(`${german}\n${english}\n`), true);
    }
  });

  it('is not told by letters alone: a table of "x" marks is no language', () => {
    const marks = Array.from({ length: 60 }, (_, i) => `| ${i} | x | x | x |`).join('\n');
    const text = `# NA01 - RCA - April 11, 2026\n\n## Introduction\n\nTODO\n\n| Step | A | B | C |\n| --- | --- | --- | --- |\n${marks}\n`;
    assert.equal(writtenInEnglish(text), true);
    assert.ok(
      checkText(text).diagnostics.some((d) => d.code === 'RCA101'),
      'a missing section is still found',
    );
  });
});
