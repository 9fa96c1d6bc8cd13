#!/usr/bin/env bash
# Installs code-server (VS Code in the browser) and Debian's Chromium for the
# integration and end-to-end tiers, without any step that downloads from
# GitHub or a CDN: only the npm registry and Debian packages are reachable.
#
# Idempotent and cached outside the clone, so CI and repeated runs skip it:
#   ${PATENT_LOOKUP_CACHE:-$HOME/.cache/patent-lookup}/code-server-4.100.3
# Prints the code-server binary path on its last line.
set -euo pipefail

VERSION=4.100.3
CACHE_ROOT="${PATENT_LOOKUP_CACHE:-$HOME/.cache/patent-lookup}"
PREFIX="$CACHE_ROOT/code-server-$VERSION"
STAMP="$PREFIX/.installed"
PKG="$PREFIX/node_modules/code-server"
BIN="$PKG/out/node/entry.js"

log() { printf '[setup-code-server] %s\n' "$*" >&2; }

# --- Debian packages --------------------------------------------------------
# fonts-wqy-microhei: a CJK font (5 MB), so the zh-cn and ja screenshots and Chinese or Japanese
# patent text are readable, not boxes; Latin text keeps DejaVu (fontconfig prefers it for `sans-serif`).
APT_PACKAGES=(chromium ripgrep libkrb5-dev build-essential python3 pkg-config fonts-wqy-microhei)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=()
  if [ "$(id -u)" -ne 0 ]; then SUDO=(sudo); fi
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- code-server ------------------------------------------------------------
if [ -f "$STAMP" ] && [ -f "$BIN" ]; then
  log "already installed"
  echo "$PKG/out/node/entry.js"
  exit 0
fi

log "installing code-server $VERSION into $PREFIX (a few minutes)"
rm -rf "$PREFIX"
mkdir -p "$PREFIX"
cd "$PREFIX"
printf '{ "name": "patent-lookup-code-server", "private": true }\n' > package.json

# No prebuilt binaries (they come from GitHub) and no prompts from the `npx
# node-gyp` that node-pty's install script runs.
export npm_config_build_from_source=true
export npm_config_yes=true
export npm_config_fund=false
export npm_config_audit=false
export npm_config_update_notifier=false
# node-gyp must use the local Node headers instead of downloading them.
if [ -z "${npm_config_nodedir:-}" ]; then
  for d in "$(dirname "$(dirname "$(command -v node)")")" /usr /usr/local; do
    if [ -f "$d/include/node/node.h" ]; then export npm_config_nodedir="$d"; break; fi
  done
fi

npm install --no-save --ignore-scripts --loglevel=error "code-server@$VERSION" >/dev/null
npm rebuild argon2 --loglevel=error >/dev/null

# code-server's own postinstall, by hand: its ripgrep step downloads from GitHub.
cd "$PKG/lib/vscode"
npm install --omit=dev --ignore-scripts --loglevel=error >/dev/null
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sfn "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg # its postinstall skips the download when bin/ exists
log "compiling native modules (kerberos, node-pty, watcher, spdlog, ...)"
npm rebuild --foreground-scripts --loglevel=error >"$PREFIX/rebuild.log" 2>&1 || {
  tail -n 40 "$PREFIX/rebuild.log" >&2
  exit 1
}
ln -sfn node_modules node_modules.asar
ln -sfn code-linux.sh bin/remote-cli/code-server
ln -sfn browser-linux.sh bin/helpers/browser.sh
(cd extensions && npm install --omit=dev --loglevel=error >/dev/null)

# Smoke check with a throw-away HOME: it writes there even for --version.
tmp_home="$(mktemp -d)"
trap 'rm -rf "$tmp_home"' EXIT
HOME="$tmp_home" XDG_CONFIG_HOME="$tmp_home/.config" XDG_DATA_HOME="$tmp_home/.local/share" \
  XDG_CACHE_HOME="$tmp_home/.cache" node "$BIN" --version >&2

date -u +%FT%TZ > "$STAMP"
log "installed"
echo "$BIN"
