// Names and shapes shared by the client and the server. The client imports this file; nothing is copied.

export const SERVER_NAME = 'RCA Writer';
export const DIAGNOSTIC_SOURCE = 'rca-writer';
export const FIX_ALL_KIND = 'source.fixAll.rcaWriter';
export const CONFIGURATION_SECTION = 'rcaWriter';
/** The workspace config file; the client watches it and the server reads it. */
export const CONFIG_FILE_NAME = '.rca-writer.json';

/** What travels in Diagnostic.data: the fixes the engine computed for this finding. */
export interface DiagnosticData {
  fixes: { title: string; isPreferred?: boolean; edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[] }[];
  /** Document version the fixes were computed for. */
  version: number;
}

/** Custom request: is this document checked as an RCA? Used by the client for `when` clauses. */
export const IS_RCA_REQUEST = 'rcaWriter/isRca';
export interface IsRcaParams {
  uri: string;
}
