-- RCA Writer in Neovim 0.7 to 0.10 (vim.lsp.start from 0.8; vim.lsp.start_client on 0.7): put this in init.lua.
-- Needs rca-writer-language-server on the PATH (npm install -g rca-writer).
local config = {
  name = 'rca-writer',
  cmd = { 'rca-writer-language-server', '--stdio' },
  -- The server asks for the "rcaWriter" section; the keys are those of VS Code's settings, without the prefix.
  settings = { rcaWriter = { profile = 'exlibris' } },
}

local function root_of(file)
  local markers = vim.fs and vim.fs.find({ '.rca-writer.json', '.git' }, { upward = true, path = vim.fn.fnamemodify(file, ':p:h') })
  return markers and markers[1] and vim.fn.fnamemodify(markers[1], ':h') or vim.fn.getcwd()
end

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'markdown',
  callback = function(args)
    config.root_dir = root_of(vim.api.nvim_buf_get_name(args.buf))
    if vim.lsp.start then
      vim.lsp.start(config) -- reuses the running server for the same root
    else
      -- 0.7: one server for every Markdown buffer.
      _G.rca_writer_client = _G.rca_writer_client or vim.lsp.start_client(config)
      vim.lsp.buf_attach_client(args.buf, _G.rca_writer_client)
    end
  end,
})
