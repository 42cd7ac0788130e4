;;; RCA Writer in Emacs with eglot (built in from Emacs 29; the elpa-eglot package before).
;;; Needs rca-writer-language-server on the PATH (npm install -g rca-writer) and markdown-mode.
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               '((markdown-mode gfm-mode) . ("rca-writer-language-server" "--stdio"))))
;; The server asks for the "rcaWriter" section; the keys are those of VS Code's settings, without the prefix.
(setq-default eglot-workspace-configuration '(:rcaWriter (:profile "exlibris")))
(add-hook 'markdown-mode-hook #'eglot-ensure)
