;;; Opens $RCA_EXAMPLE with docs/editors/emacs-lsp-mode.el ($RCA_EDITOR_CONFIG) loaded, waits until lsp-mode holds
;;; the server's diagnostics for it, and writes them to $RCA_OUTPUT as JSON. Run by
;;; test/install/editors.test.ts: emacs --batch -l lsp-mode-diagnostics.el
(require 'package)
(package-initialize)
(require 'json)
;; What a user answers once, interactively: the project root, and no file watchers for a throwaway session.
(setq lsp-auto-guess-root t
      lsp-enable-file-watchers nil
      lsp-session-file (expand-file-name "lsp-session" (getenv "HOME")))
(load (getenv "RCA_EDITOR_CONFIG") nil t)
(require 'markdown-mode)
(require 'lsp-mode)
(find-file (getenv "RCA_EXAMPLE"))
;; lsp-deferred waits for an idle moment that batch mode never has.
(unless (bound-and-true-p lsp-mode) (lsp))
(let ((deadline (+ (float-time) 60))
      (file (expand-file-name buffer-file-name)))
  (while (and (< (float-time) deadline) (null (gethash file (lsp-diagnostics t))))
    (accept-process-output nil 0.1))
  (let ((report
         `((mode . ,(symbol-name major-mode))
           (diagnostics . ,(vconcat
                            (mapcar (lambda (d)
                                      `((line . ,(lsp:position-line (lsp:range-start (lsp:diagnostic-range d))))
                                        (code . ,(lsp:diagnostic-code? d))
                                        (source . ,(lsp:diagnostic-source? d))))
                                    (gethash file (lsp-diagnostics t))))))))
    ;; Built first: with-temp-file's body runs in its own buffer.
    (with-temp-file (getenv "RCA_OUTPUT") (insert (json-encode report)))))
(kill-emacs 0)
