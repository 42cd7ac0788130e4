// Run by scripts/build.mjs when it makes the bundles' V8 code caches: a check of a small report compiles the
// engine's functions (parse, model, rules, time analysis), so the cache holds them and a start skips compiling them.
import { checkText } from './check';
import { isRcaDocument } from './detect';
import { IncrementalParser } from './incremental';

const SAMPLE = `# NA01, NA02 - RCA - April 2, 2025

## Introduction

This document serves as a Root Cause Analysis for the Alma service interruption experienced by Ex Libris customers on April 2, 2025.

## Event Timeline

Service interruption was experienced by Ex Libris customers served by the NA01, NA02 instances during the following hours, Chicago time:

April 2, 2025, from 12:14 AM until 2:27 AM CDT.

- April 2, 2025, 12:20 AM: the [monitoring](https://example.com) alerted. TODO

## Root Cause Analysis

A failover of the primary database cluster did not complete.

## Technical Action Items and Preventive Measures

- Add a check.

## Customer Communication

<!-- note -->
Updates appear in the status portal at this address: http://status.exlibrisgroup.com/
`;

export function warmUp(): void {
  const parser = new IncrementalParser();
  for (const text of [SAMPLE, SAMPLE.replace('TODO', 'TBD')]) {
    checkText(
      text,
      {},
      { parse: (t) => parser.parse(t), shouldCheck: (doc) => isRcaDocument({ text, include: [], root: doc.root, titleWords: doc.profile.titleWords }) },
    );
  }
}
