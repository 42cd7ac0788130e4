// Plain data types shared by the engine, the CLI and the language server.
// Shapes match LSP's so the server can pass them through, but nothing here imports LSP.

/** 0-based line, UTF-16 code-unit character: the same convention as LSP. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

/** A repair offered for a finding. It is data: the server, the CLI and the tests apply it the same way. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Preferred fixes are the ones fix-all applies and VS Code offers first. */
  isPreferred?: boolean;
  /** On a finding that merges a repeated mistake (same-mistake.ts): this fix corrects every place, not one. */
  allPlaces?: boolean;
}

/** What a rule reports. The engine adds code, severity and the docs link. */
export interface Finding {
  range: Range;
  message: string;
  fixes?: Fix[];
  /** Overrides the rule's severity for this one finding (e.g. a note rather than an error). */
  severity?: Severity;
  /** Related places ("first defined here"). */
  related?: RelatedLocation[];
  /**
   * Findings of one rule with the same key are one mistake repeated (EST through a July timeline): the check lists
   * the first, with the others as its places (same-mistake.ts).
   */
  sameMistake?: string;
}

export interface RcaDiagnostic extends Finding {
  code: string;
  /** Rule name, e.g. "missing-section". */
  rule: string;
  severity: Severity;
  source: 'rca-writer';
  /** A repeated mistake's places, as each was found, the listed one first (same-mistake.ts). */
  places?: RcaDiagnostic[];
}

export interface RelatedLocation {
  range: Range;
  message: string;
  /** The file it lies in when that is another report (a cross-report rule's): the folder index's key, a path or a URI. */
  file?: string;
}
