// The HTML document around a rendered report: one shell for the exported file and the preview's webview.

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export interface PageParts {
  title: string;
  /** The report fragment, already sanitised by the renderer. */
  body: string;
  /** The Content-Security-Policy the page declares. */
  csp: string;
  /** Trusted markup for the head: the stylesheet, as a link or inline. */
  head: string;
  /** Trusted markup after the report: scripts that carry a nonce. */
  tail?: string;
}

export function htmlPage(parts: PageParts): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(parts.csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(parts.title)}</title>
${parts.head}
</head>
<body>
${parts.body}
${parts.tail ?? ''}</body>
</html>
`;
}
