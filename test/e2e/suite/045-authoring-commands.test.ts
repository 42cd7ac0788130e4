/// <reference types="mocha" />
// The authoring commands do what they say, run with their arguments as a keybinding or another extension
// would: New RCA opens a report from the profile, Convert Published Page opens the report of a saved page,
// Insert Section puts a section in its place, Fix All
// repairs the file, and Open Preview opens the rendered report.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllWithoutSaving, codeOf, openInEditor, waitForDiagnostics, workspaceUri } from './helpers';

async function copyOf(example: string, name: string): Promise<vscode.Uri> {
  const target = workspaceUri(`e2e-authoring/${name}`);
  await vscode.workspace.fs.copy(workspaceUri(example), target, { overwrite: true });
  return target;
}

function headings(document: vscode.TextDocument): string[] {
  return [...document.getText().matchAll(/^## (.+)$/gm)].map((m) => m[1]);
}

suite('Authoring commands', function () {
  this.timeout(60_000);
  teardown(closeAllWithoutSaving);

  test('New RCA opens a report for the instances, date and zone given, and it is checked', async () => {
    await vscode.commands.executeCommand('rcaWriter.newRca', { instances: 'NA01, NA02', date: '2026-04-11', zone: 'Chicago time' });
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor is open');
    const text = editor.document.getText();
    assert.ok(text.startsWith('# NA01, NA02 - RCA - April 11, 2026\n'), text.slice(0, 80));
    assert.match(text, /during the following hours, Chicago time:/);
    assert.equal(editor.document.uri.scheme, 'untitled', 'nothing is written to disk before the writer saves');
    const diagnostics = await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'RCA109'), 'placeholders reported in the new report');
    assert.ok(!diagnostics.some((d) => codeOf(d) === 'RCA101'), 'no section is missing');
  });

  test('Convert Published Page opens the report of a saved page beside it, and it is checked', async () => {
    // The site around the report is left out; Customer Communication lacks the status-portal address (RCA108). In the web
    // host the render worker prints the HTML, which the web's language server cannot (its bundle stays small).
    const sections: [string, string[]][] = [
      [
        'Introduction',
        ['This document serves as a Root Cause Analysis for the Alma service interruption experienced by Ex Libris customers on January 8, 2024.'],
      ],
      [
        'Event Timeline',
        [
          'Service interruption was experienced by Ex Libris customers served by the NA07 and NA08 instances during the following hours, Chicago time:',
          'January 8, 2024, from 9:05 AM until 9:50 AM.',
        ],
      ],
      ['Root Cause Analysis', ['A certificate on the internal message queue expired overnight.']],
      ['Technical Action Items and Preventive Measures', ['Certificates are now renewed thirty days before they expire.']],
      ['Customer Communication', ['These updates are automatically sent as emails to registered customers.']],
    ];
    const title = 'NA07, NA08 - RCA - January 8, 2024';
    const html = [
      '<!DOCTYPE html><html><head><title>Knowledge Center</title></head><body>',
      '<nav><ul><li><a href="/">Home</a></li><li><a href="/notices">Service Notices</a></li></ul></nav>',
      `<h1>${title}</h1>`,
      ...sections.map(([heading, paragraphs]) => `<h2>${heading}</h2>${paragraphs.map((p) => `<p>${p}</p>`).join('')}`),
      '<footer><p>Was this article helpful?</p></footer></body></html>',
    ].join('\n');
    const page = await vscode.workspace.openTextDocument({ language: 'html', content: html });
    await vscode.window.showTextDocument(page);
    await vscode.commands.executeCommand('rcaWriter.convertPage');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document !== page, 'the report opens in an editor of its own');
    const report = editor.document;
    assert.ok(report.getText().startsWith('# NA07, NA08 - RCA - January 8, 2024\n\n## Introduction\n\nThis document'), report.getText().slice(0, 120));
    assert.ok(!report.getText().includes('Service Notices') && !report.getText().includes('helpful'), 'the site is left out');
    assert.equal(report.uri.scheme, 'untitled', 'nothing is written to disk before the writer saves');
    assert.equal(report.languageId, 'markdown');
    assert.equal(page.getText(), html, 'the page is not changed');
    await waitForDiagnostics(report.uri, (d) => d.some((x) => codeOf(x) === 'RCA108'), 'the missing status-portal address reported in the new report');
  });

  test('Convert Published Page from the Explorer converts the file clicked, or each file selected, beside it', async () => {
    const page = workspaceUri('e2e-authoring/NA09-2024-03-02.txt');
    const printed = [
      'NA09 - RCA - March 2, 2024',
      'Introduction',
      'This document serves as a Root Cause Analysis for the Alma service interruption experienced by Ex Libris customers on March 2, 2024.',
      'Event Timeline',
      'Service interruption was experienced by Ex Libris customers served by the NA09 instance during the following hours, Chicago time:',
      'March 2, 2024, from 4:10 AM until 4:45 AM.',
      'Root Cause Analysis',
      'A storage controller failed over slowly.',
      'Technical Action Items and Preventive Measures',
      'The failover timeout was lowered.',
      'Customer Communication',
      'These updates are automatically sent as emails to registered customers.',
    ].join('\n');
    await vscode.workspace.fs.writeFile(page, new TextEncoder().encode(printed));
    // What the Explorer's context menu passes: the file's URI.
    await vscode.commands.executeCommand('rcaWriter.convertPage', page);
    const report = vscode.window.activeTextEditor?.document;
    assert.ok(report, 'the report opens');
    assert.equal(report.uri.scheme, 'untitled');
    assert.ok(report.uri.path.endsWith('/e2e-authoring/NA09-2024-03-02.rca.md'), report.uri.toString());
    assert.ok(report.getText().startsWith('# NA09 - RCA - March 2, 2024\n\n## Introduction\n'), report.getText().slice(0, 80));
    await waitForDiagnostics(report.uri, (d) => d.some((x) => codeOf(x) === 'RCA108'), 'the missing status-portal address reported');

    // Several files selected: each is converted. The first's report is open already, so its second report takes "-2".
    const second = workspaceUri('e2e-authoring/NA10-2024-03-09.txt');
    await vscode.workspace.fs.writeFile(second, new TextEncoder().encode(printed.replace(/NA09/g, 'NA10').replace(/March 2/g, 'March 9')));
    await vscode.commands.executeCommand('rcaWriter.convertPage', second, [page, second]);
    const reports = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'untitled').map((d) => d.uri.path.split('/').pop());
    assert.ok(reports.includes('NA09-2024-03-02-2.rca.md') && reports.includes('NA10-2024-03-09.rca.md'), reports.join(', '));
  });

  test('Insert Section puts the missing section between its neighbours and RCA101 goes', async () => {
    const uri = await copyOf('missing-sections.rca.md', 'insert-section.rca.md');
    const editor = await openInEditor(uri);
    await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'RCA101'), 'RCA101 before the command');
    await vscode.commands.executeCommand('rcaWriter.insertSection', { id: 'root-cause-analysis' });
    assert.deepEqual(headings(editor.document).slice(0, 4), [
      'Introduction',
      'Event Timeline',
      'Root Cause Analysis',
      'Technical Action Items and Preventive Measures',
    ]);
    await waitForDiagnostics(uri, (d) => !d.some((x) => codeOf(x) === 'RCA101'), 'RCA101 gone after the command');
  });

  test('Fix All Problems puts the sections in order under their standard names', async () => {
    const uri = await copyOf('out-of-order.rca.md', 'fix-all.rca.md');
    const editor = await openInEditor(uri);
    await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'RCA102'), 'RCA102 before the command');
    const changed = new Promise<void>((resolve) => {
      const subscription = vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.toString() === uri.toString()) {
          subscription.dispose();
          resolve();
        }
      });
    });
    await vscode.commands.executeCommand('rcaWriter.fixAll');
    await changed;
    assert.deepEqual(headings(editor.document), [
      'Introduction',
      'Affected Products',
      'Event Timeline',
      'Root Cause Analysis',
      'Technical Action Items and Preventive Measures',
      'Customer Communication',
    ]);
    await waitForDiagnostics(uri, (d) => !d.some((x) => ['RCA102', 'RCA105'].includes(codeOf(x))), 'order and names fixed');
  });

  test('Open Preview to the Side opens the rendered report beside the editor', async () => {
    await openInEditor(workspaceUri('clean.rca.md'));
    // The tab opens under the file's name and takes the report's title once the server has rendered it.
    const titled = new Promise<vscode.Tab>((resolve) => {
      const subscription = vscode.window.tabGroups.onDidChangeTabs((event) => {
        const tab = [...event.opened, ...event.changed].find(
          (t) => t.input instanceof vscode.TabInputWebview && /NA01, NA02, NA03 - RCA - March 17, 2026/.test(t.label),
        );
        if (tab) {
          subscription.dispose();
          resolve(tab);
        }
      });
    });
    await vscode.commands.executeCommand('rcaWriter.openPreviewToSide');
    const tab = await titled;
    assert.equal(tab.group.viewColumn, vscode.ViewColumn.Two);
  });
});
