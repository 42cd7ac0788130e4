// The part of code-server.mjs that TypeScript tests import.
export declare const CODE_SERVER_VERSION: string;
export declare const cacheRoot: string;
export declare function codeServerDir(): string;
export declare function codeServerInstalled(): boolean;
