;;; Opens $RCA_EXAMPLE with docs/editors/emacs-eglot.el ($RCA_EDITOR_CONFIG) loaded, waits until eglot manages it
;;; and flymake shows the server's diagnostics, and writes them to $RCA_OUTPUT as JSON. Run by
;;; test/install/editors.test.ts: emacs --batch -l eglot-diagnostics.el
(require 'package)
(package-initialize)
(require 'json)
(load (getenv "RCA_EDITOR_CONFIG") nil t)
(require 'markdown-mode)
(require 'eglot)
(find-file (getenv "RCA_EXAMPLE"))
;; eglot-ensure connects from post-command-hook, which no command runs in batch mode.
(run-hooks 'post-command-hook)
(let ((deadline (+ (float-time) 60)))
  (while (and (< (float-time) deadline) (not (bound-and-true-p eglot--managed-mode)))
    (accept-process-output nil 0.1))
  (while (and (< (float-time) deadline) (null (flymake-diagnostics)))
    (flymake-start)
    (accept-process-output nil 0.1)))
(let ((report
       `((mode . ,(symbol-name major-mode))
         (managed . ,(if (bound-and-true-p eglot--managed-mode) t :json-false))
         (diagnostics . ,(vconcat
                          (mapcar (lambda (d)
                                    `((line . ,(1- (line-number-at-pos (flymake-diagnostic-beg d))))
                                      (text . ,(flymake-diagnostic-text d))))
                                  (flymake-diagnostics)))))))
  ;; Built first: with-temp-file's body runs in its own buffer.
  (with-temp-file (getenv "RCA_OUTPUT") (insert (json-encode report))))
(kill-emacs 0)
