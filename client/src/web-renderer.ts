// VS Code for the Web's renderer: the preview and Export HTML ask for rcaWriter/render as on the desktop, and this
// answers it. It gets the document's text and settings from the language server (rcaWriter/renderInput) and has
// the render worker (dist/web-render.js, started on first use) render them; everything else goes to the server.
import { Disposable, Uri } from 'vscode';
import {
  CONVERT_PAGE_REQUEST,
  RENDER_INPUT_REQUEST,
  RENDER_REQUEST,
  type ConvertPageParams,
  type ConvertPageResult,
  type PrintHtmlJob,
  type RenderInput,
  type RenderJob,
  type RenderParams,
  type RenderReply,
  type RenderResult,
} from '../../server/src/lsp/protocol';
import type { ServerRequests } from './preview';

/** The web extension host is a worker too; the project's types have no DOM library. */
interface RenderWorker {
  onmessage: ((event: { data: RenderReply }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
  postMessage(job: RenderJob | PrintHtmlJob): void;
  terminate(): void;
}
declare const Worker: new (url: string) => RenderWorker;

export class WebRenderer implements Disposable {
  private worker: RenderWorker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (page: RenderReply) => void }>();

  /** `workerScript` turns the bundle's URI into an address a worker can start from (see browser.ts). */
  constructor(
    private readonly script: Uri,
    private readonly workerScript: (script: Uri) => Promise<string>,
  ) {}

  /**
   * The server's requests, with rcaWriter/render answered here, and rcaWriter/convertPage helped: a page saved as HTML,
   * which the web's language server cannot print, is printed by the render worker and sent again.
   */
  requests(server: ServerRequests): ServerRequests {
    return {
      sendRequest: <R>(method: string, params: unknown): Promise<R> =>
        method === RENDER_REQUEST
          ? (this.render(server, params as RenderParams) as Promise<R>)
          : method === CONVERT_PAGE_REQUEST
            ? (this.convert(server, params as ConvertPageParams) as Promise<R>)
            : server.sendRequest<R>(method, params),
    };
  }

  private async render(server: ServerRequests, params: RenderParams): Promise<RenderResult | null> {
    const input = await server.sendRequest<RenderInput | null>(RENDER_INPUT_REQUEST, { uri: params.uri });
    if (!input) return null;
    const reply = await this.ask((id) => ({ id, ...input, standalone: params.standalone, webview: params.webview }));
    if ('error' in reply) throw new Error(reply.error);
    if (!('page' in reply)) throw new Error('the render worker answered a render with no page');
    return { ...reply.page, isRca: input.isRca };
  }

  private async convert(server: ServerRequests, params: ConvertPageParams): Promise<ConvertPageResult> {
    const result = await server.sendRequest<ConvertPageResult>(CONVERT_PAGE_REQUEST, params);
    if (!('error' in result) || !result.html) return result;
    const reply = await this.ask((id) => ({ id, printHtml: params.text }));
    if ('error' in reply) return { error: `is HTML source, which could not be printed as text (${reply.error})` };
    if (!('printed' in reply)) return result;
    return server.sendRequest<ConvertPageResult>(CONVERT_PAGE_REQUEST, { uri: params.uri, ...reply.printed });
  }

  /** One job for the render worker, and its reply. */
  private async ask(job: (id: number) => RenderJob | PrintHtmlJob): Promise<RenderReply> {
    const worker = await this.start();
    const id = this.nextId++;
    return new Promise<RenderReply>((resolve) => {
      this.pending.set(id, { resolve });
      worker.postMessage(job(id));
    });
  }

  private async start(): Promise<RenderWorker> {
    if (this.worker) return this.worker;
    const worker = new Worker(await this.workerScript(this.script));
    worker.onmessage = ({ data }) => {
      this.pending.get(data.id)?.resolve(data);
      this.pending.delete(data.id);
    };
    // A worker that fails to load or throws fails every render waiting on it; the next render starts a new one.
    worker.onerror = (event) => {
      for (const [id, waiting] of this.pending) waiting.resolve({ id, error: `the render worker failed: ${event.message ?? 'unknown error'}` });
      this.pending.clear();
      if (this.worker === worker) this.worker = undefined;
      worker.terminate();
    };
    this.worker = worker;
    return worker;
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = undefined;
  }
}
