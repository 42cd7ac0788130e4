#!/usr/bin/env bash
# Installs code-server (VS Code's workbench, server and Node extension host) into a cache folder outside
# the clone, offline: only the npm registry and Debian's packages are reachable. Idempotent: a marker file
# says the install finished, and a second run does nothing.
#
#   RCA_WRITER_CACHE        cache root (default: $HOME/.cache/rca-writer)
#   RCA_WRITER_CODE_SERVER  install folder (default: $RCA_WRITER_CACHE/code-server-4.100.3)
#
# Prints the install folder's code-server entry point on its last line of stdout.
# Needs Debian's libkrb5-dev (native `kerberos` module) and ripgrep (see the ripgrep note below).
set -euo pipefail

VERSION=4.100.3
RIPGREP_PKG_VERSION=1.15.11        # @vscode/ripgrep inside code-server 4.100.3
RIPGREP_VERSION=v13.0.0-10         # the ripgrep build it downloads unless cached
CACHE_ROOT="${RCA_WRITER_CACHE:-$HOME/.cache/rca-writer}"
DIR="${RCA_WRITER_CODE_SERVER:-$CACHE_ROOT/code-server-$VERSION}"
MARKER="$DIR/.rca-writer-installed"
ENTRY="$DIR/node_modules/code-server/out/node/entry.js"

log() { echo "[install-code-server] $*" >&2; }

if [[ -f "$MARKER" && -f "$ENTRY" ]]; then
  log "code-server $VERSION already installed in $DIR (marker $MARKER); nothing to do"
  echo "$ENTRY"
  exit 0
fi

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [[ "$node_major" != 20 ]]; then
  log "warning: code-server $VERSION wants Node 20; this is Node $(node -v)"
fi

missing=()
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
[[ -e /usr/include/krb5.h || -e /usr/include/gssapi/gssapi.h ]] || missing+=(libkrb5-dev)
command -v make >/dev/null 2>&1 || missing+=(make)
command -v g++ >/dev/null 2>&1 || missing+=(g++)
if (( ${#missing[@]} )); then
  log "missing Debian packages: ${missing[*]}"
  log "install them with: apt-get update && apt-get install -y ${missing[*]}"
  exit 1
fi

log "installing code-server $VERSION into $DIR (takes a few minutes, about 300 MB)"
rm -rf "$DIR"
mkdir -p "$DIR/tmp"

# @vscode/ripgrep's postinstall downloads ripgrep from GitHub, which can't be reached here. It first looks
# for a cached archive in $TMPDIR/vscode-ripgrep-cache-<version>/; an archive holding Debian's rg works.
case "$(uname -m)" in
  x86_64) rg_target=x86_64-unknown-linux-musl ;;
  aarch64 | arm64) rg_target=aarch64-unknown-linux-gnu ;;
  *) log "unknown machine $(uname -m); ripgrep will be downloaded"; rg_target="" ;;
esac
export TMPDIR="$DIR/tmp"
if [[ -n "$rg_target" ]]; then
  rg_cache="$TMPDIR/vscode-ripgrep-cache-$RIPGREP_PKG_VERSION"
  mkdir -p "$rg_cache" "$TMPDIR/rg-stage"
  cp "$(command -v rg)" "$TMPDIR/rg-stage/rg"
  tar -czf "$rg_cache/ripgrep-$RIPGREP_VERSION-$rg_target.tar.gz" -C "$TMPDIR/rg-stage" rg
  log "seeded ripgrep cache $rg_cache with $(command -v rg)"
fi

# A package.json of its own, so this install never touches the project's.
cat > "$DIR/package.json" <<JSON
{ "name": "rca-writer-code-server", "private": true, "description": "code-server for RCA Writer's e2e tests and npm start" }
JSON

# code-server's postinstall refuses to run as root without unsafe-perm; node-pty's runs `npx node-gyp`,
# which would wait for a "yes". node-gyp can't download Node's headers: point it at the system's.
export npm_config_unsafe_perm=true
export npm_config_yes=true
export npm_config_audit=false
export npm_config_fund=false
export npm_config_update_notifier=false
export npm_config_ignore_scripts=false
if [[ -z "${npm_config_nodedir:-}" && -f /usr/include/node/node.h ]]; then
  node_headers_version="$(sed -n 's/^#define NODE_MAJOR_VERSION \([0-9]*\)/\1/p' /usr/include/node/node_version.h)"
  if [[ "$node_headers_version" == "$node_major" ]]; then export npm_config_nodedir=/usr; fi
fi
# npm 11 asks before running dependencies' install scripts (allowScripts); code-server's must run, and it
# runs nested installs of its own. npm 10 has no such policy and ignores this setting.
npm_major="$(npm -v | cut -d. -f1)"
if (( npm_major >= 11 )); then export npm_config_dangerously_allow_all_scripts=true; fi

log "npm $(npm -v), node $(node -v), TMPDIR=$TMPDIR, nodedir=${npm_config_nodedir:-<download>}"
start=$(date +%s)
(cd "$DIR" && npm install --no-save --no-package-lock --foreground-scripts "code-server@$VERSION") >&2

if [[ ! -f "$ENTRY" ]]; then
  log "install failed: $ENTRY is missing"
  exit 1
fi
if [[ ! -d "$DIR/node_modules/code-server/lib/vscode/node_modules" ]]; then
  log "install failed: code-server's postinstall did not install VS Code's modules (lib/vscode/node_modules)"
  exit 1
fi
# code-server writes a default config.yaml and data under the XDG folders on first use; keep them out of $HOME.
version_out="$(XDG_CONFIG_HOME="$TMPDIR/xdg" XDG_DATA_HOME="$TMPDIR/xdg" node "$ENTRY" --version 2>/dev/null | grep -m1 -E "^[0-9]+\.")"
log "installed: code-server $version_out in $(( $(date +%s) - start ))s"
rm -rf "$TMPDIR"
date -u +%FT%TZ > "$MARKER"
echo "$ENTRY"
