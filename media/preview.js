// The preview's only script (loaded with a nonce). It swaps in each new render without reloading the
// page, so the scroll position stays where the writer left it, and remembers that position when the
// panel is hidden and shown again.
(function () {
  const vscode = acquireVsCodeApi();
  const state = vscode.getState() || {};
  if (typeof state.scrollY === 'number') window.scrollTo(0, state.scrollY);

  let pending = false;
  window.addEventListener('scroll', () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      vscode.setState({ ...vscode.getState(), scrollY: window.scrollY });
    });
  });

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || message.type !== 'update' || typeof message.html !== 'string') return;
    const y = window.scrollY;
    // The fragment was sanitised by the renderer, and the page's CSP refuses any script without the nonce.
    const report = document.querySelector('.rca-report');
    const holder = document.createElement('div');
    holder.innerHTML = message.html;
    const next = holder.firstElementChild;
    if (report && next) report.replaceWith(next);
    document.title = message.title;
    window.scrollTo(0, y);
    vscode.postMessage({ type: 'rendered' });
  });

  // A panel that was hidden comes back with the page it was first given: ask for the current render.
  vscode.postMessage({ type: 'ready' });
})();
