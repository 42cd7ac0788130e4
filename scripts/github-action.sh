#!/usr/bin/env bash
# What action.yml runs: `rca-writer check` with the action's inputs (INPUT_* variables). SARIF goes to a file
# ready for github/codeql-action/upload-sarif, with annotations on the pull request as well. The rca-writer run
# is RCA_WRITER_BIN, else the one on the PATH, else the npm package at INPUT_VERSION (through npx).
set -uo pipefail

paths_text="${INPUT_PATHS:-.}"
profile="${INPUT_PROFILE:-}"
format="${INPUT_FORMAT:-sarif}"
output="${INPUT_OUTPUT:-rca-writer.sarif}"
fail_on="${INPUT_FAIL_ON:-error}"

fail() {
  echo "::error title=RCA Writer::$1"
  exit 2
}
case "$format" in sarif | json | github | text) ;; *) fail "format must be sarif, json, github or text, not \"$format\"" ;; esac
case "$fail_on" in error | warning | never) ;; *) fail "fail-on must be error, warning or never, not \"$fail_on\"" ;; esac

if [[ -n "${RCA_WRITER_BIN:-}" ]]; then
  rca_writer=("$RCA_WRITER_BIN")
elif command -v rca-writer >/dev/null 2>&1; then
  rca_writer=(rca-writer)
else
  rca_writer=(npx --yes "rca-writer@${INPUT_VERSION:-latest}")
fi

# Split on spaces and new lines; `read` expands no globs, so rca-writer gets them as written.
read -r -d '' -a paths < <(printf '%s\0' "$paths_text")
(( ${#paths[@]} )) || paths=(.)
args=(check)
[[ -n "$profile" ]] && args+=(--profile "$profile")
[[ "$fail_on" == warning ]] && args+=(--max-warnings 0)

case "$format" in
  sarif | json)
    "${rca_writer[@]}" "${args[@]}" --format "$format" --output "$output" --force -- "${paths[@]}"
    status=$?
    # The same findings as annotations, so that they show on the pull request without code scanning.
    (( status == 2 )) || "${rca_writer[@]}" "${args[@]}" --format github -- "${paths[@]}" || true
    ;;
  *)
    "${rca_writer[@]}" "${args[@]}" --format "$format" -- "${paths[@]}"
    status=$?
    ;;
esac

if [[ -n "${GITHUB_OUTPUT:-}" ]]; then
  if [[ "$format" == sarif && $status != 2 ]]; then echo "sarif-file=$output"; else echo "sarif-file="; fi >>"$GITHUB_OUTPUT"
fi
if (( status == 2 )); then exit 2; fi
if (( status == 1 )) && [[ "$fail_on" != never ]]; then exit 1; fi
exit 0
