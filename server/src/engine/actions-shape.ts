// Teams write their follow-up actions under headings of their own ("Remediation", "Lessons and next steps"): a table
// that tracks work by owner, due date or ticket, or a list of task boxes, is the actions whatever its heading says.
import type { RootContent, Table } from 'mdast';
import { plainText } from './nodes';
import type { Section } from './model';

/** A column that gives whom a piece of work is for. */
const OWNER = /\b(?:owners?|assignees?|assigned\s+to|responsible|dri)\b/i;
/** A column that names the work, and one that tracks it. */
const WORK = /\b(?:actions?|action\s+items?|tasks?|items?|remediations?|follow[\s-]?ups?)\b/i;
const TRACKING = /\b(?:due|deadline|target\s+date|tickets?|issues?|bugs?|jira|status|priority)\b/i;

function tracksWork(table: Table): boolean {
  const [header, ...rows] = table.children;
  if (!header || rows.length === 0) return false;
  const cells = header.children.map((cell) => plainText(cell).trim());
  return cells.some((cell) => OWNER.test(cell)) || (cells.some((cell) => WORK.test(cell)) && cells.some((cell) => TRACKING.test(cell)));
}

function isTaskList(node: RootContent): boolean {
  return node.type === 'list' && node.children.length > 0 && node.children.every((item) => typeof item.checked === 'boolean');
}

/** Whether the section holds a table of work with its owners, dates or tickets, or a list of task boxes. */
export function looksLikeActions(section: Pick<Section, 'body'>): boolean {
  return section.body.some((node) => (node.type === 'table' && tracksWork(node)) || isTaskList(node));
}
