export declare const grammarText: string;
