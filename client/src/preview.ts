// The live preview and "Export HTML". Both ask for a render (rcaWriter/render: the Node server on the desktop, the
// render worker in VS Code for the Web): the client only shows the page and writes the file. No Node built-in
// here: the web extension host runs this file too.
import { commands, Disposable, env, Uri, ViewColumn, window, workspace, type ExtensionContext, type TextDocument, type WebviewPanel } from 'vscode';
import { RENDER_REQUEST, type RenderParams, type RenderResult, type WebviewAssets } from '../../server/src/lsp/protocol';
/** Sends requests to the language server; the current client, whichever one a restart left running. */
export interface ServerRequests {
  sendRequest<R>(method: string, params: unknown): Promise<R>;
}

/** Long enough to skip most keystrokes while typing, short enough to feel live. */
const DEBOUNCE_MILLIS = 300;

async function render(client: ServerRequests, params: RenderParams): Promise<RenderResult | null> {
  return client.sendRequest<RenderResult | null>(RENDER_REQUEST, params);
}

/** The last segment of a URI's path: "report.rca.md". */
function baseName(uri: Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** A fresh nonce for the preview's script (Web Crypto: the desktop's and the web's extension hosts both have it). */
function newNonce(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(18));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

class Preview implements Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly nonce = newNonce();
  private allowRemoteImages = false;

  constructor(
    readonly panel: WebviewPanel,
    readonly documentUri: Uri,
    private readonly client: ServerRequests,
    private readonly media: Uri,
  ) {}

  /** Renders after the writer pauses; a render already scheduled is replaced. */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.update();
    }, DEBOUNCE_MILLIS);
  }

  /** The first render sets the page; later ones are posted to it, so its scroll position stays. */
  async update(initial = false): Promise<void> {
    let result: RenderResult | null;
    try {
      const uri = this.documentUri.toString();
      result = await render(this.client, initial ? { uri, webview: this.assets() } : { uri });
    } catch (error) {
      void window.showErrorMessage(`RCA Writer: cannot preview ${baseName(this.documentUri)}: ${reason(error)}`);
      return;
    }
    if (!result) return;
    this.panel.title = `Preview: ${result.title}`;
    // The image policy is in the page's CSP: a changed rcaWriter.allowRemoteImages needs a new page.
    if (!initial && result.allowRemoteImages !== this.allowRemoteImages) return this.update(true);
    this.allowRemoteImages = result.allowRemoteImages;
    if (initial) this.panel.webview.html = result.html;
    else await this.panel.webview.postMessage({ type: 'update', html: result.html, title: result.title });
  }

  private assets(): WebviewAssets {
    const webview = this.panel.webview;
    const asset = (name: string) => webview.asWebviewUri(Uri.joinPath(this.media, name)).toString();
    return { cspSource: webview.cspSource, stylesheet: asset('preview.css'), script: asset('preview.js'), nonce: this.nonce };
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}

export class PreviewManager implements Disposable {
  private readonly previews = new Map<string, Preview>();
  private readonly subscriptions: Disposable[];
  private readonly media: Uri;

  constructor(
    context: ExtensionContext,
    private readonly client: ServerRequests,
  ) {
    this.media = Uri.joinPath(context.extensionUri, 'media');
    this.subscriptions = [
      workspace.onDidChangeTextDocument((event) => this.previews.get(event.document.uri.toString())?.schedule()),
      workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('rcaWriter')) for (const preview of this.previews.values()) preview.schedule();
      }),
    ];
  }

  /** "RCA Writer: Open Preview" and "… to the Side": one panel per document, revealed if already open. */
  async open(toSide: boolean, uri?: Uri): Promise<void> {
    const document = await targetDocument(uri);
    if (!document) {
      void window.showInformationMessage('RCA Writer: open a Markdown RCA to preview it.');
      return;
    }
    const key = document.uri.toString();
    const column = toSide ? ViewColumn.Beside : (window.activeTextEditor?.viewColumn ?? ViewColumn.Active);
    const existing = this.previews.get(key);
    if (existing) {
      existing.panel.reveal(column, toSide);
      return;
    }
    const panel = window.createWebviewPanel(
      'rcaWriter.preview',
      `Preview: ${baseName(document.uri)}`,
      { viewColumn: column, preserveFocus: toSide },
      { enableScripts: true, enableFindWidget: true, localResourceRoots: [this.media] },
    );
    const preview = new Preview(panel, document.uri, this.client, this.media);
    this.previews.set(key, preview);
    let loads = 0;
    const ready = panel.webview.onDidReceiveMessage((message: { type?: string }) => {
      // The first load already shows the current render; later ones are the panel coming back into view.
      if (message?.type === 'ready' && loads++ > 0) void preview.update();
    });
    panel.onDidDispose(() => {
      ready.dispose();
      preview.dispose();
      this.previews.delete(key);
    });
    await preview.update(true);
  }

  /** The document of the preview that has focus, if any: "Export HTML" works from the preview too. */
  activeDocument(): Uri | undefined {
    for (const preview of this.previews.values()) if (preview.panel.active) return preview.documentUri;
    return undefined;
  }

  dispose(): void {
    for (const preview of this.previews.values()) preview.panel.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

async function targetDocument(uri: Uri | undefined): Promise<TextDocument | undefined> {
  if (uri) return workspace.openTextDocument(uri);
  const document = window.activeTextEditor?.document;
  return document?.languageId === 'markdown' ? document : undefined;
}

export interface ExportArgs {
  /** The document; by default the active editor's or the focused preview's. */
  uri?: string;
  /** Where to write, without asking; by default the writer picks, starting next to the document. */
  target?: string;
  /** With `target`: replace an existing file without asking. */
  overwrite?: boolean;
}

export interface ExportPlace {
  /** The folder an untitled report's export is proposed in when there is no workspace (the desktop's home). */
  home?: Uri;
}

/** Where Export HTML proposes to write: next to the report, else in the workspace, else in `home` (the desktop's). */
function defaultTarget(document: Uri, home: Uri | undefined): Uri | undefined {
  const name = `${baseName(document).replace(/(\.rca)?\.(md|markdown)$/i, '') || 'report'}.html`;
  if (document.scheme === 'untitled') {
    const folder = workspace.workspaceFolders?.[0]?.uri ?? home;
    return folder && Uri.joinPath(folder, name);
  }
  return Uri.joinPath(document, '..', name);
}

async function exists(uri: Uri): Promise<boolean> {
  try {
    await workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** "RCA Writer: Export HTML": one self-contained file. An existing file is only replaced after a modal yes. */
export async function exportHtml(client: ServerRequests, previews: PreviewManager, args: ExportArgs = {}, place: ExportPlace = {}): Promise<Uri | undefined> {
  const source = args.uri ? Uri.parse(args.uri) : (previews.activeDocument() ?? (await targetDocument(undefined))?.uri);
  if (!source) {
    void window.showInformationMessage('RCA Writer: open a Markdown RCA to export it.');
    return undefined;
  }
  const target = args.target
    ? Uri.file(args.target)
    : await window.showSaveDialog({
        defaultUri: defaultTarget(source, place.home),
        filters: { HTML: ['html', 'htm'] },
        saveLabel: 'Export',
        title: 'Export HTML',
      });
  if (!target) return undefined;
  const name = baseName(target);
  if (await exists(target)) {
    const replace = args.target
      ? args.overwrite === true
      : (await window.showWarningMessage(`${name} already exists. Replace it?`, { modal: true }, 'Replace')) === 'Replace';
    if (!replace) return undefined;
  }
  try {
    await workspace.openTextDocument(source); // the server renders open documents
    const result = await render(client, { uri: source.toString(), standalone: true });
    if (!result) throw new Error('the document is not open');
    await workspace.fs.writeFile(target, new TextEncoder().encode(result.html));
    const note = result.errorCount ? ` (${result.errorCount} ${result.errorCount === 1 ? 'error' : 'errors'}: not ready to publish)` : '';
    if (!args.target) {
      void window.showInformationMessage(`RCA Writer: exported ${name}${note}`, 'Open in Browser').then((choice) => {
        if (choice) void env.openExternal(target);
      });
    }
    return target;
  } catch (error) {
    void window.showErrorMessage(`RCA Writer: cannot export ${name}: ${reason(error)}`);
    return undefined;
  }
}

/** The preview's and Export HTML's commands, rendered through `requests` (desktop and web alike). */
export function registerPreviewCommands(context: ExtensionContext, requests: ServerRequests, place: ExportPlace): Disposable[] {
  const previews = new PreviewManager(context, requests);
  return [
    previews,
    commands.registerCommand('rcaWriter.openPreview', (uri?: Uri) => previews.open(false, uri)),
    commands.registerCommand('rcaWriter.openPreviewToSide', (uri?: Uri) => previews.open(true, uri)),
    commands.registerCommand('rcaWriter.exportHtml', (args?: ExportArgs) => exportHtml(requests, previews, args, place)),
  ];
}
