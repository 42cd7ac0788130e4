// The status bar item on RCAs: the profile the server checks the active report with and its problem count.
// Clicking it opens the Problems panel, where the findings are listed.
import { DiagnosticSeverity, Disposable, languages, StatusBarAlignment, window, type StatusBarItem, type TextEditor, type Uri } from 'vscode';
import { DIAGNOSTIC_SOURCE, DOCUMENT_STATUS_REQUEST, type DocumentStatus, type DocumentStatusParams } from '../../server/src/lsp/protocol';
import type { ServerRequests } from './preview';

/** The Problems panel, as VS Code names the command that shows it. */
const SHOW_PROBLEMS = 'workbench.actions.view.problems';

function problemCount(uri: Uri): { errors: number; warnings: number; others: number } {
  const counts = { errors: 0, warnings: 0, others: 0 };
  for (const d of languages.getDiagnostics(uri)) {
    if (d.source !== DIAGNOSTIC_SOURCE) continue;
    if (d.severity === DiagnosticSeverity.Error) counts.errors++;
    else if (d.severity === DiagnosticSeverity.Warning) counts.warnings++;
    else counts.others++;
  }
  return counts;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export class RcaStatus implements Disposable {
  private readonly item: StatusBarItem;
  private readonly subscriptions: Disposable[] = [];
  /** Answers for an editor that is no longer active are dropped: only the latest request may show. */
  private latest = 0;

  constructor(private readonly server: ServerRequests) {
    this.item = window.createStatusBarItem('rcaWriter.status', StatusBarAlignment.Right, 100);
    this.item.name = 'RCA Writer';
    this.item.command = SHOW_PROBLEMS;
    this.subscriptions.push(
      this.item,
      window.onDidChangeActiveTextEditor((editor) => void this.update(editor)),
      languages.onDidChangeDiagnostics((event) => {
        const active = window.activeTextEditor;
        if (active && event.uris.some((uri) => uri.toString() === active.document.uri.toString())) void this.update(active);
      }),
    );
    void this.update(window.activeTextEditor);
  }

  /** Shows the item for an RCA in the active editor, hides it for anything else. */
  async update(editor: TextEditor | undefined): Promise<void> {
    const request = ++this.latest;
    if (!editor || editor.document.languageId !== 'markdown') {
      this.item.hide();
      return;
    }
    const uri = editor.document.uri.toString();
    let status: DocumentStatus;
    try {
      status = await this.server.sendRequest<DocumentStatus>(DOCUMENT_STATUS_REQUEST, { uri } satisfies DocumentStatusParams);
    } catch {
      status = null; // the server is starting or restarting: the next diagnostics change updates the item
    }
    if (request !== this.latest) return;
    if (!status?.isRca) {
      this.item.hide();
      return;
    }
    const { errors, warnings, others } = problemCount(editor.document.uri);
    const total = errors + warnings + others;
    const chosen = status.auto ? ' (auto)' : '';
    this.item.text = `$(checklist) RCA: ${status.profile}${chosen} · ${total}`;
    const detail = total ? [plural(errors, 'error'), plural(warnings, 'warning'), ...(others ? [plural(others, 'note')] : [])].join(', ') : 'no problems';
    this.item.tooltip = `RCA Writer checks this report with the "${status.profile}" profile${status.auto ? ', the one it fits best' : ''}: ${detail}. Click to open the Problems panel.`;
    this.item.accessibilityInformation = { label: `RCA Writer: profile ${status.profile}, ${plural(total, 'problem')}` };
    this.item.show();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
