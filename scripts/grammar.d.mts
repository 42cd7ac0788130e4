export declare const grammarText: string;
export declare const SCOPES: { date: string; time: string; zone: string; instance: string };
