;;; RCA Writer in Emacs with lsp-mode. Needs rca-writer-language-server on the PATH (npm install -g rca-writer).
(with-eval-after-load 'lsp-mode
  (add-to-list 'lsp-language-id-configuration '(markdown-mode . "markdown"))
  (lsp-register-client
   (make-lsp-client
    :new-connection (lsp-stdio-connection '("rca-writer-language-server" "--stdio"))
    :activation-fn (lsp-activate-on "markdown")
    :server-id 'rca-writer
    ;; Beside marksman or another Markdown server, not instead of it.
    :add-on? t
    ;; The server asks for the "rcaWriter" section.
    :initialized-fn (lambda (workspace)
                      (with-lsp-workspace workspace
                        (lsp--set-configuration '(:rcaWriter (:profile "exlibris"))))))))
(add-hook 'markdown-mode-hook #'lsp-deferred)
