-- RCA Writer in Neovim 0.11 and later (vim.lsp.config and vim.lsp.enable): put this in init.lua, or as
-- lsp/rca_writer.lua plus the vim.lsp.enable line. Needs rca-writer-language-server on the PATH
-- (npm install -g rca-writer).
vim.lsp.config('rca_writer', {
  cmd = { 'rca-writer-language-server', '--stdio' },
  filetypes = { 'markdown' },
  root_markers = { '.rca-writer.json', '.git' },
  -- The server asks for the "rcaWriter" section; the keys are those of VS Code's settings, without the prefix.
  settings = { rcaWriter = { profile = 'exlibris' } },
})
vim.lsp.enable('rca_writer')
