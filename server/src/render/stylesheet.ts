// The one stylesheet of the publish-ready page. The export inlines it; the build writes it to
// media/preview.css for the webview, whose CSP only lets styles come from the extension.
//
// Colours come from VS Code's theme variables when the page is in a webview (light, dark and
// high-contrast themes alike), and from the fallbacks in a browser or on paper.

export const STYLESHEET = `:root {
  color-scheme: light dark;
  --rca-fg: var(--vscode-editor-foreground, #1f2328);
  --rca-bg: var(--vscode-editor-background, #ffffff);
  --rca-muted: var(--vscode-descriptionForeground, #59636e);
  --rca-link: var(--vscode-textLink-foreground, #0550ae);
  --rca-border: var(--vscode-contrastBorder, var(--vscode-panel-border, #d1d9e0));
  --rca-panel: var(--vscode-textBlockQuote-background, #f6f8fa);
  --rca-code-bg: var(--vscode-textCodeBlock-background, #f6f8fa);
  --rca-error-fg: var(--vscode-errorForeground, #82071e);
  --rca-error-bg: var(--vscode-inputValidation-errorBackground, #ffebe9);
  --rca-error-border: var(--vscode-inputValidation-errorBorder, #cf222e);
}

@media (prefers-color-scheme: dark) {
  :root {
    --rca-fg: var(--vscode-editor-foreground, #e6edf3);
    --rca-bg: var(--vscode-editor-background, #0d1117);
    --rca-muted: var(--vscode-descriptionForeground, #9198a1);
    --rca-link: var(--vscode-textLink-foreground, #4493f8);
    --rca-border: var(--vscode-contrastBorder, var(--vscode-panel-border, #3d444d));
    --rca-panel: var(--vscode-textBlockQuote-background, #151b23);
    --rca-code-bg: var(--vscode-textCodeBlock-background, #151b23);
    --rca-error-fg: var(--vscode-errorForeground, #ffa198);
    --rca-error-bg: var(--vscode-inputValidation-errorBackground, #3c1618);
    --rca-error-border: var(--vscode-inputValidation-errorBorder, #f85149);
  }
}

html,
body {
  margin: 0;
  padding: 0;
  color: var(--rca-fg);
  background: var(--rca-bg);
}

.rca-report {
  box-sizing: border-box;
  max-width: 52rem;
  margin: 0 auto;
  padding: 1.5rem 2rem 3rem;
  font-family: var(--vscode-markdown-font-family, var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif));
  font-size: var(--vscode-markdown-font-size, 15px);
  line-height: 1.6;
  overflow-wrap: break-word;
}

.rca-report h1,
.rca-report h2,
.rca-report h3,
.rca-report h4 {
  line-height: 1.25;
  margin: 1.6em 0 0.6em;
}

.rca-report h1 {
  font-size: 1.9em;
  margin-top: 0.4em;
}

.rca-report h2 {
  font-size: 1.4em;
  padding-bottom: 0.25em;
  border-bottom: 1px solid var(--rca-border);
}

.rca-report a {
  color: var(--rca-link);
}

.rca-report a:focus-visible {
  outline: 2px solid var(--vscode-focusBorder, var(--rca-link));
  outline-offset: 2px;
}

.rca-report code,
.rca-report pre {
  font-family: var(--vscode-editor-font-family, ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace);
  font-size: 0.9em;
  background: var(--rca-code-bg);
  border-radius: 4px;
}

.rca-report code {
  padding: 0.1em 0.3em;
}

.rca-report pre {
  padding: 0.8em 1em;
  overflow-x: auto;
  border: 1px solid var(--rca-border);
}

.rca-report pre code {
  padding: 0;
  background: none;
}

.rca-report blockquote {
  margin: 1em 0;
  padding: 0.2em 1em;
  color: var(--rca-muted);
  border-left: 4px solid var(--rca-border);
}

.rca-report table {
  border-collapse: collapse;
  margin: 1em 0;
}

.rca-report th,
.rca-report td {
  padding: 0.35em 0.8em;
  border: 1px solid var(--rca-border);
  text-align: left;
}

.rca-report img {
  max-width: 100%;
}

.rca-banner {
  margin: 0 0 1.5em;
  padding: 0.8em 1.2em;
  color: var(--rca-error-fg);
  background: var(--rca-error-bg);
  border: 1px solid var(--rca-error-border);
  border-left-width: 6px;
  border-radius: 4px;
}

.rca-banner p {
  margin: 0 0 0.4em;
  font-weight: 600;
}

.rca-banner ul {
  margin: 0;
  padding-left: 1.4em;
}

/* Under HTML the renderer had to show as text. */
.rca-note {
  font-size: 0.9em;
  font-style: italic;
  opacity: 0.8;
}

/* Where a remote image would be. */
.rca-image-blocked {
  font-size: 0.9em;
  font-style: italic;
  opacity: 0.8;
}

.rca-summary {
  display: grid;
  grid-template-columns: max-content 1fr;
  gap: 0.3em 1.2em;
  margin: 0 0 2em;
  padding: 0.9em 1.2em;
  background: var(--rca-panel);
  border: 1px solid var(--rca-border);
  border-radius: 6px;
}

.rca-summary dt {
  font-weight: 600;
  color: var(--rca-muted);
}

.rca-summary dd {
  margin: 0;
}

.rca-status {
  margin-top: 2.5em;
  padding-top: 1em;
  color: var(--rca-muted);
  border-top: 1px solid var(--rca-border);
}

@media print {
  :root {
    --rca-fg: #000000;
    --rca-bg: #ffffff;
    --rca-muted: #333333;
    --rca-link: #000000;
    --rca-border: #999999;
    --rca-panel: #f3f3f3;
    --rca-code-bg: #f3f3f3;
    --rca-error-fg: #000000;
    --rca-error-bg: #ffffff;
    --rca-error-border: #000000;
  }

  @page {
    size: A4;
    margin: 18mm 16mm;
  }

  .rca-report {
    max-width: none;
    padding: 0;
    font-size: 11pt;
  }

  .rca-report h1,
  .rca-report h2,
  .rca-report h3 {
    break-after: avoid;
  }

  .rca-summary,
  .rca-banner,
  .rca-report pre,
  .rca-report table,
  .rca-report blockquote {
    break-inside: avoid;
    print-color-adjust: exact;
    -webkit-print-color-adjust: exact;
  }

  .rca-report a[href^="http"]::after {
    content: " (" attr(href) ")";
    font-size: 0.85em;
  }

  .rca-report a[href^="http"].rca-bare::after {
    content: none;
  }
}
`;
