// The Explorer's "RCAs" view: the workspace's reports by incident date, newest first, with their problem counts, from
// the server's index (rcaWriter/reports). Selecting one opens it. It asks again when the server says the reports
// changed, and when diagnostics change (an edit to an open report changes its count, not the index).
import { commands, EventEmitter, languages, ThemeIcon, TreeItem, Uri, window, type Disposable, type TreeDataProvider } from 'vscode';
import { REPORTS_REQUEST, type ReportSummary } from '../../server/src/lsp/protocol';
import type { ServerRequests } from './preview';
import { reportItem, type ReportItem } from './report-items';

export const REPORTS_VIEW = 'rcaWriter.reports';
/** Set while the workspace holds reports: the view shows only then (package.json, contributes.views). */
const HAS_REPORTS = 'rcaWriter.hasReports';
/** Diagnostics change in bursts (a pull of the whole workspace): the view asks once they have settled. */
const SETTLE_MS = 300;

export class ReportsView implements Disposable {
  private readonly changes = new EventEmitter<void>();
  private readonly subscriptions: Disposable[];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private items: ReportItem[] = [];

  constructor(private readonly server: ServerRequests) {
    const provider: TreeDataProvider<ReportItem> = {
      onDidChangeTreeData: this.changes.event,
      getTreeItem: (item) => treeItem(item),
      getChildren: (item) => (item ? [] : this.items),
    };
    this.subscriptions = [
      this.changes,
      window.createTreeView(REPORTS_VIEW, { treeDataProvider: provider }),
      languages.onDidChangeDiagnostics(() => this.refresh()),
    ];
  }

  /** Asks the server again once things have settled; the view shows only while the workspace holds reports. */
  refresh(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.load(), SETTLE_MS);
  }

  private async load(): Promise<void> {
    let reports: ReportSummary[];
    try {
      reports = await this.server.sendRequest<ReportSummary[]>(REPORTS_REQUEST, {});
    } catch {
      return; // the server is starting or restarting: it tells the view once its index is built
    }
    this.items = reports.map(reportItem);
    void commands.executeCommand('setContext', HAS_REPORTS, reports.length > 0);
    this.changes.fire();
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

function treeItem(item: ReportItem): TreeItem {
  const tree = new TreeItem(item.label);
  const uri = Uri.parse(item.uri);
  tree.id = item.uri;
  tree.resourceUri = uri;
  tree.description = item.description;
  tree.tooltip = item.tooltip;
  tree.accessibilityInformation = { label: item.ariaLabel };
  if (item.icon) tree.iconPath = new ThemeIcon(item.icon);
  tree.command = { command: 'vscode.open', title: 'Open', arguments: [uri] };
  return tree;
}
