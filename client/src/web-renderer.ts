// VS Code for the Web's renderer: the preview and Export HTML ask for rcaWriter/render as on the desktop, and this
// answers it. It gets the document's text and settings from the language server (rcaWriter/renderInput) and has
// the render worker (dist/web-render.js, started on first use) render them; everything else goes to the server.
import { Disposable, Uri } from 'vscode';
import {
  RENDER_INPUT_REQUEST,
  RENDER_REQUEST,
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
  postMessage(job: RenderJob): void;
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

  /** The server's requests, with rcaWriter/render answered here. */
  requests(server: ServerRequests): ServerRequests {
    return {
      sendRequest: <R>(method: string, params: unknown): Promise<R> =>
        method === RENDER_REQUEST ? (this.render(server, params as RenderParams) as Promise<R>) : server.sendRequest<R>(method, params),
    };
  }

  private async render(server: ServerRequests, params: RenderParams): Promise<RenderResult | null> {
    const input = await server.sendRequest<RenderInput | null>(RENDER_INPUT_REQUEST, { uri: params.uri });
    if (!input) return null;
    const worker = await this.start();
    const id = this.nextId++;
    const reply = await new Promise<RenderReply>((resolve) => {
      this.pending.set(id, { resolve });
      worker.postMessage({ id, ...input, standalone: params.standalone, webview: params.webview });
    });
    if ('error' in reply) throw new Error(reply.error);
    return { ...reply.page, isRca: input.isRca };
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
