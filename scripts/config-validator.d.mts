export declare const VALIDATOR_FILE: string;
export declare function formatNames(schema: unknown): string[];
export declare function validatorSource(): string;
export declare function writeValidator(): boolean;
