// The part of code-server.mjs that TypeScript tests import.
export declare const CODE_SERVER_VERSION: string;
export declare const cacheRoot: string;
export declare function codeServerDir(): string;
export declare function codeServerInstalled(): boolean;

// What scripts/bench/vscode.ts (npm run bench:vscode) uses to run the extension in code-server.
export declare const repoRoot: string;
export declare const CHROMIUM_ARGS: string[];
export declare function buildExtension(): void;
export declare function packageVsix(out: string, cwd?: string): string;
export declare function ensureCodeServer(): string;
export declare function findChromium(): string;
export declare function freePort(): Promise<number>;
export declare function codeServerEnv(stateDir: string, extra?: Record<string, string>): NodeJS.ProcessEnv;
export declare function installExtensions(entry: string, dirs: { extensionsDir: string; userDataDir: string; env: NodeJS.ProcessEnv }, vsixes: string[]): void;
export declare function writeUserSettings(userDataDir: string, extra?: Record<string, unknown>): void;
export interface CodeServer {
  url: string;
  isRunning(): boolean;
  stop(graceMs?: number): Promise<void>;
  killNow(): void;
}
export declare function startCodeServer(
  entry: string,
  options: { port: number; folder: string; extensionsDir: string; userDataDir: string; env: NodeJS.ProcessEnv; logFile: string; stateDir: string },
): CodeServer;
export declare function waitForCodeServer(server: CodeServer, timeoutMs?: number): Promise<void>;
