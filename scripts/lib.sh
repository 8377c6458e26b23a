# Shared set-up steps for scripts/build and scripts/test (sourced, not run).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Install Debian packages that are missing; apt-get update only when something is.
apt_install() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "Debian packages missing: ${missing[*]}; run as root or install them (apt-get install ${missing[*]})" >&2; return 1; }
    sudo="sudo -n"  # never wait for a password: CI has no stdin
  fi
  echo "Installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# A virtualenv in .venv with the given requirements file installed.
venv_install() {
  [ -x .venv/bin/python ] || python3.11 -m venv .venv
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$1"
  # The hooks compiled once, as pip compiles the packages it installs: where
  # PYTHONDONTWRITEBYTECODE is set, every build would otherwise compile them again.
  .venv/bin/python -m compileall -q hooks
}

# npm packages pinned in package-lock.json into node_modules/: iframe-worker's shim
# (copied into the site by hooks/theme_markup.py), axe-core (browser tests) and html-validate (markup test).
npm_install() {
  command -v npm >/dev/null || apt_install nodejs npm
  npm ci --no-audit --no-fund --loglevel=error
}

# Debian packages the build needs: WeasyPrint's Pango, HarfBuzz subsetting, the PDF fonts.
BUILD_PACKAGES=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-liberation)

# Debian packages that serve the site as a council's server would (scripts/serve, the browser tests).
SERVER_PACKAGES=(nginx libnginx-mod-http-brotli-static)
