# Shared set-up for this repository's scripts (sourced, not run): a virtualenv in .venv with the tool
# installed from this checkout, as a paper's folder installs it from its pinned version.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# The tool from this checkout, with its dependencies pinned in requirements.txt, and the packages of $1.
venv_install() {
  # Debian's Python 3.11 comes without venv: its package, as root or with sudo.
  if ! dpkg-query -W -f='${Status}' python3.11-venv 2>/dev/null | grep -q "ok installed"; then
    sudo=$([ "$(id -u)" = 0 ] || echo "sudo -n")
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3.11-venv
  fi
  [ -x .venv/bin/python ] || python3.11 -m venv .venv
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt ${1:+-r "$1"}
  # Reinstalled on every run: the checkout's version number does not change with each edit. setuptools' build/
  # would install again the modules the checkout has since moved or removed.
  rm -rf build
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --force-reinstall .
}
